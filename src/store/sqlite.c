/* sqlite: the embedded SQLite backend of the store.
 *
 * The file is opened in WAL mode with synchronous=FULL (a committed import
 * survives a power cut) and foreign keys on. Statements are prepared on
 * first use and cached. A bulk load (store_bulk) drops the secondary
 * indexes and recreates them before the commit. */
#include "store/store_impl.h"
#include "store/schema_sqlite.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

static enum err sq_bulk(struct store *st, enum bulk_phase phase)
{
	struct sqlite_store *s = SQ(st);
	/* A statement left on a row keeps its table locked against DROP/CREATE
	 * INDEX and against a journal mode change: nobody iterates across these
	 * calls, so every cached statement can be reset. */
	for (int i = 0; i < STMT__MAX; i++)
		if (s->stmts[i].s)
			sqlite3_reset(s->stmts[i].s);
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
		/* index rebuilds sort with a helper thread */
		return exec_script(st, "PRAGMA cache_size=-131072; PRAGMA threads=2");
	case BULK_INDEXES_OFF:
		return drop_indexes(s);
	case BULK_INDEXES_ON: {
		/* The sorter of CREATE INDEX sizes its sorted runs by the page
		 * cache, and sorts runs on a helper thread only when it may
		 * spill them to a temporary file: small runs in files sort and
		 * merge on both cores, in the processor's caches, where one
		 * run in memory is sorted on one (national load: 31 s for the
		 * seven indexes with 128 MiB in memory). The temporary files
		 * are deleted as the sort ends. */
		enum err e = exec_script(st, "PRAGMA cache_size=-8192; PRAGMA temp_store=FILE");
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
};

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
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
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
