/* backup: making a backup and restoring one (backup.h, docs/backup.md). */
#include "app/backup.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/record.h"
#include "core/buf.h"
#include "core/xalloc.h"

/* The SQLite schema gained the audit log in migration 3 (sqlite_sql.c):
 * an older backup has no chain to verify. */
enum { AUDIT_SINCE_SCHEMA = 3 };

char *backup_default_path(const char *db_path, time_t now)
{
	const char *slash = strrchr(db_path, '/');
	const char *base = slash ? slash + 1 : db_path;
	size_t dirlen = slash ? (size_t)(slash - db_path) + 1 : 0;
	size_t n = strlen(base);
	if (n > 3 && strcmp(base + n - 3, ".db") == 0)
		n -= 3;
	struct tm tm;
	localtime_r(&now, &tm);
	char stamp[32];
	strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M%S", &tm);
	return xasprintf("%.*s%.*s-%s.db", (int)dirlen, db_path, (int)n, base, stamp);
}

static bool is_pg(const char *uri)
{
	return strncmp(uri, "postgresql://", 13) == 0 || strncmp(uri, "postgres://", 11) == 0;
}

/* Size and SHA-256 of a file. */
static enum err file_facts(const char *path, struct backup_info *info)
{
	struct stat sb;
	if (stat(path, &sb) != 0)
		return ERR_IO;
	info->bytes = (int64_t)sb.st_size;
	return audit_sha256_file(path, info->sha256, NULL);
}

/* Sets *errmsg (printf-style) and returns e. */
static enum err failf(char **errmsg, enum err e, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static enum err failf(char **errmsg, enum err e, const char *fmt, ...)
{
	struct buf b;
	buf_init(&b, 0);
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	free(*errmsg);
	*errmsg = buf_detach(&b, NULL);
	return e;
}

enum err backup_make(struct store *st, const char *dest, struct backup_info *info, char **errmsg)
{
	memset(info, 0, sizeof(*info));
	*errmsg = NULL;
	enum err e = store_backup(st, dest);
	if (e)
		return failf(errmsg, e, "%s", store_errmsg(st));
	if (file_facts(dest, info))
		return failf(errmsg, ERR_IO, "%s: the backup is complete but cannot be read back: %s", dest,
			     strerror(errno));
	json_t *after = json_object();
	json_object_set_new(after, "file", json_string(dest));
	json_object_set_new(after, "bytes", json_integer((json_int_t)info->bytes));
	json_object_set_new(after, "sha256", json_string(info->sha256));
	char *text = record_text(after);
	e = store_begin(st);
	if (!e)
		e = audit_record(st, "backup", "backup", dest, NULL, text);
	if (!e)
		e = store_commit(st);
	else
		store_rollback(st);
	free(text);
	if (e)
		failf(errmsg, e, "%s is complete, but recording it in the audit log failed: %s", dest,
		      store_errmsg(st));
	return e;
}

/* Organizations, members or audit records: what a restore would lose. */
static bool holds_data(struct store *st)
{
	return registry_holds_data(st) ||
	       (store_schema_version(st) >= AUDIT_SINCE_SCHEMA && store_has_rows(st, STMT_AUDIT_HEAD));
}

static int64_t meta_int(struct store *st, const char *key)
{
	struct store_stmt *s = store_stmt(st, STMT_META_GET);
	stmt_bind_text(s, 1, key);
	bool row = false;
	int64_t v = 0;
	if (!stmt_step(s, &row) && row) {
		const char *t = stmt_col_text(s, 0);
		v = t ? strtoll(t, NULL, 10) : 0;
		stmt_step(s, &row);
	}
	return v;
}

static enum err meta_set_int(struct store *st, const char *key, int64_t v)
{
	char text[24];
	snprintf(text, sizeof(text), "%lld", (long long)v);
	struct store_stmt *s = store_stmt(st, STMT_META_SET);
	stmt_bind_text(s, 1, key);
	stmt_bind_text(s, 2, text);
	return stmt_exec(s);
}

/* Checks the backup file: a dangbo database, whole, not too new, its audit
 * chain intact. Sets info->schema_from. */
static enum err check_file(const char *file, struct backup_info *info, char **errmsg)
{
	struct store *ro;
	char *msg = NULL;
	enum err e = store_open(file, STORE_READONLY, &ro, &msg);
	if (e) {
		/* msg is "FILE: why" */
		e = failf(errmsg, ERR_INPUT, "%s; not a dangbo backup, nothing restored", msg ? msg : file);
		free(msg);
		return e;
	}
	info->schema_from = store_schema_version(ro);
	e = store_check(ro);
	if (e) {
		e = failf(errmsg, e == ERR_INPUT ? ERR_INPUT : e, "%s: %s; nothing restored", file, store_errmsg(ro));
	} else if (info->schema_from >= AUDIT_SINCE_SCHEMA) {
		struct audit_check res;
		e = audit_verify(ro, &res);
		if (e)
			e = failf(errmsg, ERR_INPUT, "%s: the audit log cannot be read: %s; nothing restored", file,
				  store_errmsg(ro));
		else if (res.first_bad)
			e = failf(errmsg, ERR_INPUT,
				  "%s: audit log broken at record %lld: %s; the file was altered, nothing restored", file,
				  (long long)res.first_bad, res.why);
	}
	store_close(ro);
	return e;
}

/* Makes a checked copy of file beside target (tmp), migrated, with its
 * "restore" record and a data generation past gen_floor so that a running
 * server sees the change. */
static enum err prepare_copy(const char *file, const char *tmp, const char *actor, int64_t gen_floor,
			     struct backup_info *info, char **errmsg)
{
	struct store *st;
	char *msg = NULL;
	enum err e = store_open(file, STORE_READONLY, &st, &msg);
	if (e) {
		e = failf(errmsg, e, "%s", msg ? msg : file);
		free(msg);
		return e;
	}
	e = store_backup(st, tmp);
	if (e)
		failf(errmsg, e, "%s", store_errmsg(st));
	store_close(st);
	if (e)
		return e;
	/* STORE_OPEN runs the migrations: an older backup comes up to date. */
	e = store_open(tmp, STORE_OPEN, &st, &msg);
	if (e) {
		e = failf(errmsg, e, "bringing the backup up to date: %s", msg ? msg : tmp);
		free(msg);
		return e;
	}
	store_set_actor(st, actor);
	info->schema_to = store_schema_version(st);
	json_t *after = json_object();
	json_object_set_new(after, "file", json_string(file));
	json_object_set_new(after, "bytes", json_integer((json_int_t)info->bytes));
	json_object_set_new(after, "sha256", json_string(info->sha256));
	json_object_set_new(after, "schema_version", json_integer(info->schema_from));
	char *text = record_text(after);
	e = store_begin(st);
	if (!e) {
		int64_t g = meta_int(st, "generation"), tg = meta_int(st, "tree_generation");
		if (g < gen_floor)
			g = gen_floor;
		if (tg < gen_floor)
			tg = gen_floor;
		e = meta_set_int(st, "generation", g + 1);
		if (!e)
			e = meta_set_int(st, "tree_generation", tg + 1);
	}
	if (!e)
		e = audit_record(st, "restore", "restore", file, NULL, text);
	if (!e)
		e = store_commit(st);
	else
		store_rollback(st);
	free(text);
	if (e)
		failf(errmsg, e, "recording the restore: %s", store_errmsg(st));
	store_close(st);
	return e;
}

/* A name beside target that does not exist yet. */
static char *temp_beside(const char *target)
{
	char *tmp = xasprintf("%s.restore-XXXXXX", target);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		free(tmp);
		return NULL;
	}
	close(fd);
	unlink(tmp);
	return tmp;
}

static void remove_db_files(const char *path)
{
	static const char *const sfx[] = {"", "-journal", "-wal", "-shm"};
	for (size_t i = 0; i < sizeof(sfx) / sizeof(*sfx); i++) {
		char *p = xasprintf("%s%s", path, sfx[i]);
		unlink(p);
		free(p);
	}
}

/* No target yet (or an empty file): the copy is renamed into place. */
static enum err place_new(const char *tmp, const char *target, char **errmsg)
{
	if (rename(tmp, target) != 0)
		return failf(errmsg, ERR_IO, "%s: cannot create: %s; nothing restored", target, strerror(errno));
	char *d = xstrdup(target);
	int fd = open(dirname(d), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(d);
	bool ok = fd >= 0 && fsync(fd) == 0;
	if (fd >= 0)
		close(fd);
	return ok ? ERR_OK : failf(errmsg, ERR_IO, "%s: cannot sync its directory: %s", target, strerror(errno));
}

enum err backup_restore(const char *file, const char *target, bool force, const char *actor,
			struct backup_info *info, char **errmsg)
{
	memset(info, 0, sizeof(*info));
	*errmsg = NULL;
	if (is_pg(target)) {
		struct store *st;
		enum err e = store_open(target, STORE_OPEN, &st, errmsg);
		if (e)
			return e;
		e = store_restore(st, file); /* ERR_REFUSED: pg_restore */
		failf(errmsg, e, "%s", store_errmsg(st));
		store_close(st);
		return e;
	}
	struct stat sb;
	if (stat(file, &sb) != 0)
		return failf(errmsg, ERR_NOTFOUND, "%s: %s", file, strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return failf(errmsg, ERR_INPUT, "%s: not a regular file", file);
	if (file_facts(file, info))
		return failf(errmsg, ERR_IO, "%s: cannot read: %s", file, strerror(errno));
	enum err e = check_file(file, info, errmsg);
	if (e)
		return e;

	/* The target: absent (or an empty file) or a dangbo database. */
	bool exists = stat(target, &sb) == 0 && sb.st_size > 0;
	int64_t gen_floor = 0;
	if (exists) {
		struct store *probe;
		char *msg = NULL;
		e = store_open(target, STORE_READONLY, &probe, &msg);
		if (e) {
			e = failf(errmsg, ERR_REFUSED, "%s; the target is not a dangbo database: restore into a new file",
				  msg ? msg : target);
			free(msg);
			return e;
		}
		info->replaced = holds_data(probe);
		gen_floor = meta_int(probe, "generation");
		int64_t tg = meta_int(probe, "tree_generation");
		if (tg > gen_floor)
			gen_floor = tg;
		store_close(probe);
		if (info->replaced && !force)
			return failf(errmsg, ERR_CONFLICT,
				     "%s holds data: restoring would replace all of it (give --force to do so, after a "
				     "backup of it)",
				     target);
	}

	char *tmp = temp_beside(target);
	if (!tmp)
		return failf(errmsg, ERR_IO, "%s: cannot write in its directory: %s", target, strerror(errno));
	e = prepare_copy(file, tmp, actor, gen_floor, info, errmsg);
	if (!e && !exists) {
		e = place_new(tmp, target, errmsg);
	} else if (!e) {
		struct store *st;
		char *msg = NULL;
		e = store_open(target, STORE_OPEN, &st, &msg);
		if (e) {
			failf(errmsg, e, "%s", msg ? msg : target);
			free(msg);
		} else {
			e = store_restore(st, tmp);
			if (e)
				failf(errmsg, e, "%s", store_errmsg(st));
			store_close(st);
		}
	}
	remove_db_files(tmp);
	free(tmp);
	return e;
}
