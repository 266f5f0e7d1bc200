/* sqlite: the embedded SQLite backend of the store.
 *
 * The file is opened in WAL mode with synchronous=FULL (a committed import
 * survives a power cut) and foreign keys on. Statements are prepared on
 * first use and cached. A bulk load (store_bulk) drops the secondary
 * indexes and recreates them before the commit. Backups and restores go
 * through SQLite's online backup API (sq_backup, sq_restore). */
#include "store/store_impl.h"
#include "store/schema_sqlite.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/xalloc.h"

struct sqlite_stmt {
	struct store *st; /* must be first: see store.c */
	sqlite3_stmt *s;
	bool stepped;
};

struct sqlite_store {
	struct store base;
	sqlite3 *db;
	struct sqlite_stmt stmts[STMT__MAX];
	bool bulk;
	struct buf bulk_indexes; /* CREATE INDEX statements dropped for a bulk load */
};

#define SQ(st) ((struct sqlite_store *)(st))

static enum err fail(struct store *st, int rc)
{
	store_set_error(st, "%s", sqlite3_errmsg(SQ(st)->db));
	int base = rc & 0xff;
	return base == SQLITE_CONSTRAINT ? ERR_CONFLICT : ERR_STORE;
}

static enum err exec_script(struct store *st, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(SQ(st)->db, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK) {
		store_set_error(st, "%s", msg ? msg : sqlite3_errstr(rc));
		sqlite3_free(msg);
		return (rc & 0xff) == SQLITE_CONSTRAINT ? ERR_CONFLICT : ERR_STORE;
	}
	return ERR_OK;
}

static void sq_close(struct store *st)
{
	struct sqlite_store *s = SQ(st);
	for (int i = 0; i < STMT__MAX; i++)
		sqlite3_finalize(s->stmts[i].s);
	buf_free(&s->bulk_indexes);
	sqlite3_close(s->db);
	free(s);
}

static struct store_stmt *sq_stmt(struct store *st, enum stmt id)
{
	struct sqlite_store *s = SQ(st);
	struct sqlite_stmt *p = &s->stmts[id];
	if (!p->s) {
		int rc = sqlite3_prepare_v3(s->db, sqlite_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &p->s, NULL);
		if (rc != SQLITE_OK) {
			/* A statement that does not prepare is a programming error
			 * caught by the statement-table test. */
			fprintf(stderr, "dangbo: cannot prepare %s: %s\n", stmt_name(id), sqlite3_errmsg(s->db));
			abort();
		}
		p->st = st;
	} else {
		sqlite3_reset(p->s);
		sqlite3_clear_bindings(p->s);
	}
	return (struct store_stmt *)p;
}

#define SS(x) ((struct sqlite_stmt *)(x))

static void sq_bind_text(struct store_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(SS(s)->s, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(SS(s)->s, i);
}

static void sq_bind_text_static(struct store_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(SS(s)->s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(SS(s)->s, i);
}

static void sq_bind_int(struct store_stmt *s, int i, int64_t v)
{
	if (v == INT64_MIN)
		sqlite3_bind_null(SS(s)->s, i);
	else
		sqlite3_bind_int64(SS(s)->s, i, v);
}

static void sq_bind_null(struct store_stmt *s, int i)
{
	sqlite3_bind_null(SS(s)->s, i);
}

static enum err sq_step(struct store_stmt *s, bool *row)
{
	int rc = sqlite3_step(SS(s)->s);
	if (rc == SQLITE_ROW) {
		*row = true;
		return ERR_OK;
	}
	*row = false;
	if (rc == SQLITE_DONE) {
		sqlite3_reset(SS(s)->s);
		return ERR_OK;
	}
	enum err e = fail(SS(s)->st, rc);
	sqlite3_reset(SS(s)->s);
	return e;
}

static const char *sq_col_text(struct store_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(SS(s)->s, i);
}

static int64_t sq_col_int(struct store_stmt *s, int i)
{
	return sqlite3_column_int64(SS(s)->s, i);
}

static bool sq_col_null(struct store_stmt *s, int i)
{
	return sqlite3_column_type(SS(s)->s, i) == SQLITE_NULL;
}

static int64_t sq_changes(struct store *st)
{
	return sqlite3_changes64(SQ(st)->db);
}

static int64_t sq_last_id(struct store *st)
{
	return sqlite3_last_insert_rowid(SQ(st)->db);
}

/* The tables a bulk load fills. Every index on them (those of later
 * migrations included) is dropped and its CREATE statement kept to rebuild
 * it; the member_id key is one of them: the importer checks duplicates in
 * its own map, and the rebuild fails if one slipped through. */
static enum err drop_indexes(struct sqlite_store *s)
{
	sqlite3_stmt *q;
	const char *sql = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
			  "AND tbl_name IN ('member', 'event', 'member_span')";
	if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) != SQLITE_OK)
		return fail(&s->base, SQLITE_ERROR);
	struct buf drop;
	buf_init(&drop, 0);
	buf_reset(&s->bulk_indexes);
	while (sqlite3_step(q) == SQLITE_ROW) {
		buf_addf(&drop, "DROP INDEX \"%s\";", (const char *)sqlite3_column_text(q, 0));
		buf_addf(&s->bulk_indexes, "%s;", (const char *)sqlite3_column_text(q, 1));
	}
	sqlite3_finalize(q);
	enum err e = exec_script(&s->base, drop.ptr ? drop.ptr : "");
	buf_free(&drop);
	return e;
}

/* Resets every cached statement: one left on a row would hold a read
 * transaction open (and lock its table against DDL and journal changes). */
static void reset_statements(struct sqlite_store *s)
{
	for (int i = 0; i < STMT__MAX; i++)
		if (s->stmts[i].s)
			sqlite3_reset(s->stmts[i].s);
}

static enum err sq_bulk(struct store *st, enum bulk_phase phase)
{
	struct sqlite_store *s = SQ(st);
	/* nobody iterates across these calls */
	reset_statements(s);
	switch (phase) {
	case BULK_SETTINGS_ON:
		/* A national load writes gigabytes. Into an empty database a
		 * rollback journal costs almost nothing (new pages are not
		 * journaled) where the WAL would hold every page twice; when
		 * another connection keeps the WAL open the mode stays WAL, which
		 * is only slower. A larger page cache keeps the tables' last pages
		 * in memory. */
		s->bulk = true;
		/* best effort: SQLite refuses the change while a statement is
		 * still reading; the load is then only slower */
		exec_script(st, "PRAGMA journal_mode=TRUNCATE");
		/* Index rebuilds sort with a helper thread, which SQLite's
		 * sorter uses only when it may spill sorted runs to temporary
		 * files (BULK_INDEXES_ON). The temporary store can change only
		 * outside a transaction once it has been used: set here. */
		return exec_script(st, "PRAGMA cache_size=-131072; PRAGMA threads=2; PRAGMA temp_store=FILE");
	case BULK_INDEXES_OFF:
		return drop_indexes(s);
	case BULK_INDEXES_ON: {
		if (!s->bulk_indexes.len)
			return ERR_OK; /* none dropped, or rebuilt already */
		/* The sorter of CREATE INDEX sizes its sorted runs by the page
		 * cache: small runs, in temporary files, sort and merge on both
		 * cores in the processor's caches, where one large run in
		 * memory is sorted on one (national load: 31 s for the seven
		 * indexes with 128 MiB in memory, 12-14 s so). The temporary
		 * files are deleted as the sort ends. */
		enum err e = exec_script(st, "PRAGMA cache_size=-8192");
		if (!e)
			e = exec_script(st, s->bulk_indexes.ptr ? s->bulk_indexes.ptr : "");
		buf_reset(&s->bulk_indexes);
		return e;
	}
	case BULK_SETTINGS_OFF:
		if (!s->bulk)
			return ERR_OK;
		s->bulk = false;
		return exec_script(st, "PRAGMA journal_mode=WAL; PRAGMA cache_size=-65536; PRAGMA threads=0;"
					"PRAGMA temp_store=MEMORY");
	}
	return ERR_OK;
}

static int user_version(struct store *st)
{
	sqlite3_stmt *q;
	int v = 0;
	if (sqlite3_prepare_v2(SQ(st)->db, "PRAGMA user_version", -1, &q, NULL) == SQLITE_OK) {
		if (sqlite3_step(q) == SQLITE_ROW)
			v = sqlite3_column_int(q, 0);
		sqlite3_finalize(q);
	}
	return v;
}

static enum err sq_migrate(struct store *st, enum store_open_mode mode)
{
	int have = user_version(st);
	int want = 0;
	while (sqlite_migrations[want])
		want++;
	if (mode == STORE_CREATE && have > 0) {
		store_set_error(st, "the database is already initialised (schema version %d)", have);
		return ERR_CONFLICT;
	}
	if (mode == STORE_OPEN && have == 0) {
		store_set_error(st, "the database is not initialised: run 'dangbo init' first");
		return ERR_NOTFOUND;
	}
	if (have > want) {
		store_set_error(st, "the database has schema version %d, newer than this dangbo (%d)", have, want);
		return ERR_STORE;
	}
	for (int v = have; v < want; v++) {
		enum err e = exec_script(st, "BEGIN IMMEDIATE");
		if (!e)
			e = exec_script(st, sqlite_migrations[v]);
		if (!e) {
			char pragma[64];
			snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", v + 1);
			e = exec_script(st, pragma);
		}
		if (!e)
			e = exec_script(st, "COMMIT");
		if (e) {
			exec_script(st, "ROLLBACK");
			return e;
		}
	}
	st->schema_version = want;
	return ERR_OK;
}

/* Pages copied per backup step: 256 pages (4 MiB at 16 KiB) take a few
 * milliseconds, so a restore holds its target's write lock in short steps
 * and a busy or locked database is waited for between them. */
enum { BACKUP_STEP_PAGES = 256, BACKUP_BUSY_MS = 10000 };

static void sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	nanosleep(&ts, NULL);
}

/* Runs an initialised backup to its end, waiting on a busy or locked
 * database up to BACKUP_BUSY_MS in all; finishes it. Returns the SQLite
 * result (SQLITE_OK when the copy committed). */
static int backup_run(sqlite3_backup *b)
{
	int rc, waited = 0;
	do {
		rc = sqlite3_backup_step(b, BACKUP_STEP_PAGES);
		if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && waited < BACKUP_BUSY_MS) {
			sleep_ms(20);
			waited += 20;
			rc = SQLITE_OK;
		}
	} while (rc == SQLITE_OK);
	int fin = sqlite3_backup_finish(b);
	return rc == SQLITE_DONE ? fin : rc;
}

/* Runs PRAGMA integrity_check on db. SQLITE_OK and *bad NULL when whole;
 * *bad (sqlite3_malloc'd, the first problems) when damaged; an error code
 * when it cannot be read. */
static int integrity(sqlite3 *db, char **bad)
{
	*bad = NULL;
	sqlite3_stmt *q;
	int rc = sqlite3_prepare_v2(db, "PRAGMA integrity_check(5)", -1, &q, NULL);
	if (rc != SQLITE_OK)
		return rc;
	struct buf b;
	buf_init(&b, 0);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(q, 0);
		if (t && strcmp(t, "ok") != 0)
			buf_addf(&b, "%s%s", b.len ? "; " : "", t);
	}
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE) {
		buf_free(&b);
		return rc;
	}
	if (b.len)
		*bad = sqlite3_mprintf("%s", b.ptr);
	buf_free(&b);
	return SQLITE_OK;
}

static enum err sq_check(struct store *st)
{
	char *bad;
	int rc = integrity(SQ(st)->db, &bad);
	if (rc != SQLITE_OK) {
		store_set_error(st, "the database cannot be read: %s", sqlite3_errmsg(SQ(st)->db));
		return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB ? ERR_INPUT : ERR_STORE;
	}
	if (bad) {
		store_set_error(st, "the database is damaged (integrity check: %s)", bad);
		sqlite3_free(bad);
		return ERR_INPUT;
	}
	return ERR_OK;
}

/* Removes a temporary database and whatever SQLite left beside it. */
static void remove_db_files(const char *path)
{
	static const char *const sfx[] = {"", "-journal", "-wal", "-shm"};
	for (size_t i = 0; i < sizeof(sfx) / sizeof(*sfx); i++) {
		char *p = xasprintf("%s%s", path, sfx[i]);
		unlink(p);
		free(p);
	}
}

/* fsyncs a file, or a directory so that a new name in it is durable. */
static bool sync_path(const char *path, bool dir)
{
	int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
	if (fd < 0)
		return false;
	bool ok = fsync(fd) == 0;
	close(fd);
	return ok;
}

/* Copies st's database into the new file tmp (already created, empty):
 * the backup API under one read transaction of st (one snapshot), then the
 * copy switched to a rollback journal (a self-contained file) and checked. */
static enum err copy_into(struct store *st, const char *tmp)
{
	struct sqlite_store *s = SQ(st);
	sqlite3 *dst = NULL;
	int rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		store_set_error(st, "%s: %s", tmp, dst ? sqlite3_errmsg(dst) : sqlite3_errstr(rc));
		sqlite3_close(dst);
		return ERR_IO;
	}
	/* One snapshot for the whole copy: a read transaction held on st's
	 * connection across the steps (the backup uses it rather than opening
	 * its own per step, so the copy never restarts on another connection's
	 * commit; in WAL mode it blocks no writer). A statement left on a row
	 * would be inside that transaction: reset them all. */
	reset_statements(s);
	enum err e = exec_script(st, "BEGIN; SELECT count(*) FROM sqlite_master");
	if (e) {
		sqlite3_close(dst);
		return e;
	}
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", s->db, "main");
	rc = b ? backup_run(b) : sqlite3_errcode(dst);
	exec_script(st, "COMMIT");
	if (rc != SQLITE_OK) {
		store_set_error(st, "backup to %s failed: %s", tmp, b ? sqlite3_errstr(rc) : sqlite3_errmsg(dst));
		sqlite3_close(dst);
		return ERR_STORE;
	}
	/* The copied header says WAL; a backup is one file you can carry. */
	char *msg = NULL;
	rc = sqlite3_exec(dst, "PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL", NULL, NULL, &msg);
	char *bad = NULL;
	if (rc == SQLITE_OK)
		rc = integrity(dst, &bad);
	if (rc != SQLITE_OK || bad) {
		store_set_error(st, "the copy %s failed its check: %s", tmp,
				bad ? bad : msg ? msg : sqlite3_errmsg(dst));
		sqlite3_free(bad);
		sqlite3_free(msg);
		sqlite3_close(dst);
		return ERR_STORE;
	}
	if (sqlite3_close(dst) != SQLITE_OK) {
		store_set_error(st, "%s: cannot close the copy", tmp);
		return ERR_STORE;
	}
	return ERR_OK;
}

static enum err sq_backup(struct store *st, const char *dest)
{
	if (access(dest, F_OK) == 0) {
		store_set_error(st, "%s exists already: a backup never replaces a file (choose another name)", dest);
		return ERR_CONFLICT;
	}
	char *tmp = xasprintf("%s.tmp-XXXXXX", dest);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		store_set_error(st, "%s: cannot write in its directory: %s", dest, strerror(errno));
		free(tmp);
		return ERR_IO;
	}
	close(fd);
	enum err e = copy_into(st, tmp);
	if (!e && !sync_path(tmp, false)) {
		store_set_error(st, "%s: cannot sync: %s", tmp, strerror(errno));
		e = ERR_IO;
	}
	/* A second name for the complete file: link() refuses a dest that
	 * appeared meanwhile, where rename() would replace it. */
	if (!e && link(tmp, dest) != 0) {
		int err = errno;
		if (err == EEXIST) {
			store_set_error(st, "%s exists already: a backup never replaces a file (choose another name)",
					dest);
			e = ERR_CONFLICT;
		} else if ((err == EPERM || err == ENOTSUP || err == EOPNOTSUPP) && access(dest, F_OK) != 0 &&
			   rename(tmp, dest) == 0) {
			/* a file system without hard links */
		} else {
			store_set_error(st, "%s: cannot create: %s", dest, strerror(err));
			e = ERR_IO;
		}
	}
	remove_db_files(tmp);
	if (!e) {
		char *d = xstrdup(dest);
		if (!sync_path(dirname(d), true)) {
			store_set_error(st, "%s: cannot sync its directory: %s", dest, strerror(errno));
			e = ERR_IO;
		}
		free(d);
	}
	free(tmp);
	return e;
}

static enum err sq_restore(struct store *st, const char *src)
{
	struct sqlite_store *s = SQ(st);
	sqlite3 *from = NULL;
	int rc = sqlite3_open_v2(src, &from, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		store_set_error(st, "%s: %s", src, from ? sqlite3_errmsg(from) : sqlite3_errstr(rc));
		sqlite3_close(from);
		return ERR_STORE;
	}
	reset_statements(s);
	sqlite3_backup *b = sqlite3_backup_init(s->db, "main", from, "main");
	rc = b ? backup_run(b) : sqlite3_errcode(s->db);
	if (rc != SQLITE_OK) {
		const char *why = b ? sqlite3_errstr(rc) : sqlite3_errmsg(s->db);
		if (rc == SQLITE_READONLY)
			why = "the backup's page size differs from the database's (restore into a new file instead)";
		store_set_error(st, "restore from %s failed, nothing changed: %s", src, why);
		sqlite3_close(from);
		return ERR_STORE;
	}
	sqlite3_close(from);
	return ERR_OK;
}

static const struct store_ops sqlite_ops = {
	.name = "sqlite",
	.close = sq_close,
	.exec_script = exec_script,
	.stmt = sq_stmt,
	.bind_text = sq_bind_text,
	.bind_text_static = sq_bind_text_static,
	.bind_int = sq_bind_int,
	.bind_null = sq_bind_null,
	.step = sq_step,
	.col_text = sq_col_text,
	.col_int = sq_col_int,
	.col_null = sq_col_null,
	.changes = sq_changes,
	.last_id = sq_last_id,
	.bulk = sq_bulk,
	.migrate = sq_migrate,
	.backup = sq_backup,
	.restore = sq_restore,
	.check = sq_check,
};

/* STORE_READONLY: no pragma that writes, no migration; the file must be a
 * dangbo database (a schema version and the meta table) not newer than
 * this binary. */
static enum err open_readonly(struct sqlite_store *s)
{
	sqlite3_stmt *q;
	int rc = sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &q, NULL);
	int have = -1;
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(q);
		if (rc == SQLITE_ROW)
			have = sqlite3_column_int(q, 0);
		sqlite3_finalize(q);
	}
	if (have < 0) {
		store_set_error(&s->base, "not a readable SQLite database or a damaged one (%s)", sqlite3_errmsg(s->db));
		return ERR_INPUT;
	}
	int want = 0;
	while (sqlite_migrations[want])
		want++;
	rc = sqlite3_prepare_v2(s->db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'", -1, &q,
				NULL);
	bool meta = rc == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW;
	sqlite3_finalize(q);
	if (have == 0 || !meta) {
		store_set_error(&s->base, "an SQLite database, but not a dangbo database (no dangbo schema)");
		return ERR_INPUT;
	}
	if (have > want) {
		store_set_error(&s->base, "the database has schema version %d, newer than this dangbo (%d)", have, want);
		return ERR_INPUT;
	}
	s->base.schema_version = have;
	return exec_script(&s->base, "PRAGMA query_only=ON");
}

/* SQLite's own memory statistics take a global mutex on every allocation;
 * nothing here reads them. Set once, before SQLite initialises itself. */
static void sqlite_once(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	sqlite3_initialize();
}

enum err sqlite_store_open(const char *path, enum store_open_mode mode, struct store **out, char **errmsg)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, sqlite_once);
	struct sqlite_store *s = xcalloc(1, sizeof(*s));
	s->base.ops = &sqlite_ops;
	int flags = (mode == STORE_READONLY ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX;
	if (mode == STORE_CREATE)
		flags |= SQLITE_OPEN_CREATE;
	else if (access(path, F_OK) != 0) {
		if (errmsg)
			*errmsg = xasprintf("%s: no such database (create it with 'dangbo init')", path);
		free(s);
		return ERR_NOTFOUND;
	}
	int rc = sqlite3_open_v2(path, &s->db, flags, NULL);
	if (rc != SQLITE_OK) {
		if (errmsg)
			*errmsg = xasprintf("%s: %s", path, s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
		sqlite3_close(s->db);
		free(s);
		return ERR_STORE;
	}
	sqlite3_busy_timeout(s->db, 5000);
	if (mode == STORE_READONLY) {
		enum err e = open_readonly(s);
		if (e) {
			if (errmsg)
				*errmsg = xasprintf("%s: %s", path, store_errmsg(&s->base));
			free(s->base.errmsg);
			sq_close(&s->base);
			return e;
		}
		*out = &s->base;
		return ERR_OK;
	}
	/* 16 KiB pages for a new database (set before WAL mode, which fixes
	 * it): fewer page splits and writes in large loads. */
	enum err e = mode == STORE_CREATE ? exec_script(&s->base, "PRAGMA page_size=16384") : ERR_OK;
	if (!e)
		e = exec_script(&s->base, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
					   "PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536;"
					   "PRAGMA temp_store=MEMORY;");
	if (!e)
		e = sq_migrate(&s->base, mode);
	if (e) {
		if (errmsg)
			*errmsg = xasprintf("%s: %s", path, store_errmsg(&s->base));
		free(s->base.errmsg);
		sq_close(&s->base);
		return e;
	}
	*out = &s->base;
	return ERR_OK;
}
