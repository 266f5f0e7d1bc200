/* pg: the PostgreSQL backend of the store, over libpq.
 *
 * One connection per store. Statements are prepared on the connection on
 * first use (PQprepare, named dangbo_<enum value>) and run with PQexecPrepared
 * and text parameters; the server infers each parameter's type from the
 * SQL. A statement keeps the PGresult of its last run and a row cursor, so
 * that stepping behaves as SQLite's does: one row at a time, SQL NULL as a
 * NULL text, and a statement stepped past its last row runs again on the
 * next step. Results arrive whole, so two statements can be stepped in
 * turn (a merge of two ordered lists) as with SQLite; the cost is that a
 * large result is held in memory until the statement is reset.
 *
 * Differences from SQLite that the callers see, and how they are bridged:
 * - No rowid: every INSERT into a table with an id ends in RETURNING id
 *   (PG_LAST_ID in pg_sql.c); the step keeps that id for store_last_id
 *   and reports no row.
 * - Errors: SQLSTATE class 23 (integrity constraint) is ERR_CONFLICT, all
 *   else ERR_STORE with the server's message and detail.
 * - A failed statement aborts the whole transaction (SQLite undoes only the
 *   statement). The first message is kept: later statements of the same
 *   transaction fail with it, and store_commit fails rather than roll
 *   back silently.
 * - One transaction at a time per database, as with SQLite's BEGIN
 *   IMMEDIATE: BEGIN takes a transaction-scoped advisory lock, waiting for
 *   the transaction that holds it, at most lock_timeout (5 s, SQLite's busy
 *   timeout). The isolation level stays READ COMMITTED, so each statement
 *   after the lock sees everything the previous holder committed.
 * - Outside a transaction, a broken connection is reset on the next
 *   store_stmt and the statements prepared again.
 * - Bulk mode keeps the indexes (see pg_bulk). The import inserts row by
 *   row through the statement interface; COPY would not fit it (the ids
 *   are read back after each member insert). */
#include "store/store_impl.h"
#include "store/schema_pg.h"

#include <inttypes.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

/* The type oid of boolean (pg_type.h is a server header). */
#define PG_BOOLOID 16
/* The advisory lock (any fixed number) that one transaction at a time
 * holds on a database, migrations included. */
#define PG_TX_LOCK "7346925101"

struct pg_stmt {
	struct store *st; /* must be first: see store.c */
	enum stmt id;
	char name[16];     /* on the server: "dangbo_" and the enum value */
	bool prepared;
	enum err prep_err; /* why it is not prepared, with prep_msg */
	char *prep_msg;
	int nparams;       /* from the server's description of the statement */
	char **params;     /* nparams values, malloc'd; NULL is SQL NULL */
	PGresult *res;     /* of the current run, NULL before the first step */
	int row, nrows;    /* cursor into res */
};

struct pg_store {
	struct store base;
	PGconn *conn;
	struct pg_stmt stmts[STMT__MAX];
	int64_t changes, last_id;
	char *tx_error; /* the error that aborted the current transaction */
};

#define PQ(st) ((struct pg_store *)(st))
#define PS(x) ((struct pg_stmt *)(x))

static void ignore_notice(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* A libpq message without its trailing newline. */
static void set_conn_error(struct store *st, const char *what)
{
	const char *m = PQerrorMessage(PQ(st)->conn);
	size_t n = strlen(m);
	while (n && (m[n - 1] == '\n' || m[n - 1] == ' '))
		n--;
	store_set_error(st, "%s%s%.*s", what ? what : "", what ? ": " : "", (int)n, m);
}

/* Records the error of res (which the caller still owns) and classifies it. */
static enum err fail(struct store *st, const PGresult *res)
{
	struct pg_store *p = PQ(st);
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *prim = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	const char *detail = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL) : NULL;
	if (state && strcmp(state, "25P02") == 0 && p->tx_error) {
		/* in a transaction an earlier statement aborted */
		store_set_error(st, "an earlier statement aborted the transaction: %s", p->tx_error);
		return ERR_STORE;
	}
	if (prim)
		store_set_error(st, "%s%s%s", prim, detail ? ": " : "", detail ? detail : "");
	else
		set_conn_error(st, NULL);
	if (st->tx_depth && !p->tx_error)
		p->tx_error = xstrdup(store_errmsg(st));
	return state && strncmp(state, "23", 2) == 0 ? ERR_CONFLICT : ERR_STORE;
}

static bool result_ok(const PGresult *res)
{
	ExecStatusType t = PQresultStatus(res);
	return t == PGRES_COMMAND_OK || t == PGRES_TUPLES_OK;
}

static enum err run(struct store *st, const char *sql)
{
	PGresult *res = PQexec(PQ(st)->conn, sql);
	enum err e = result_ok(res) ? ERR_OK : fail(st, res);
	PQclear(res);
	return e;
}

/* Session settings: a lock wait of at most 5 s (SQLite's busy timeout)
 * unless the URI's options set lock_timeout. */
static enum err session_setup(struct store *st)
{
	return run(st, "SELECT CASE WHEN current_setting('lock_timeout') = '0' "
		       "THEN set_config('lock_timeout', '5s', false) END");
}

/* BEGIN, COMMIT and ROLLBACK come through here from store.c, as do the
 * migrations. */
static enum err pg_exec_script(struct store *st, const char *sql)
{
	struct pg_store *p = PQ(st);
	bool commit = strcmp(sql, "COMMIT") == 0;
	if (commit && PQtransactionStatus(p->conn) == PQTRANS_INERROR) {
		/* the server would answer COMMIT with a silent ROLLBACK */
		store_set_error(st, "the transaction was rolled back: %s",
				p->tx_error ? p->tx_error : "a statement failed");
		run(st, "ROLLBACK");
		free(p->tx_error);
		p->tx_error = NULL;
		return ERR_STORE;
	}
	if (commit || strcmp(sql, "BEGIN") == 0 || strcmp(sql, "ROLLBACK") == 0) {
		free(p->tx_error);
		p->tx_error = NULL;
	}
	if (strcmp(sql, "BEGIN") == 0) {
		enum err e = run(st, "BEGIN; SELECT pg_advisory_xact_lock(" PG_TX_LOCK ")");
		if (e) {
			char *msg = xstrdup(store_errmsg(st));
			run(st, "ROLLBACK");
			store_set_error(st, "the database is busy (another dangbo transaction holds it): %s", msg);
			free(msg);
		}
		return e;
	}
	return run(st, sql);
}

static void stmt_clear(struct pg_stmt *s)
{
	PQclear(s->res);
	s->res = NULL;
	s->row = s->nrows = 0;
}

static void params_clear(struct pg_stmt *s)
{
	for (int i = 0; i < s->nparams; i++) {
		free(s->params[i]);
		s->params[i] = NULL;
	}
}

static void pg_close(struct store *st)
{
	struct pg_store *p = PQ(st);
	for (int i = 0; i < STMT__MAX; i++) {
		stmt_clear(&p->stmts[i]);
		params_clear(&p->stmts[i]);
		free(p->stmts[i].params);
		free(p->stmts[i].prep_msg);
	}
	PQfinish(p->conn);
	free(p->tx_error);
	free(p);
}

/* After a broken connection: reconnect and forget the prepared statements
 * (they lived in the old server session); a statement being stepped keeps
 * its rows, and its next run fails until store_stmt prepares it again.
 * Only outside a transaction: a transaction cut in the middle must fail,
 * not go on in a new session. */
static void reconnect(struct pg_store *p)
{
	if (PQstatus(p->conn) != CONNECTION_BAD || p->base.tx_depth)
		return;
	PQreset(p->conn);
	if (PQstatus(p->conn) != CONNECTION_OK)
		return;
	session_setup(&p->base);
	for (int i = 0; i < STMT__MAX; i++)
		p->stmts[i].prepared = false;
}

/* Prepares statement id on the connection. SQL the server refuses (class
 * 42) is a programming error caught by the statement-table test, as in
 * sqlite.c; any other failure (a broken connection, an aborted
 * transaction) is reported by the statement's first step, and the next
 * store_stmt tries again. */
static enum err prepare(struct pg_store *p, struct pg_stmt *s)
{
	const char *name = s->name;
	const char *sql = pg_sql[s->id].sql;
	if (!sql) {
		fprintf(stderr, "dangbo: no PostgreSQL SQL for %s\n", stmt_name(s->id));
		abort();
	}
	params_clear(s);
	free(s->params);
	s->params = NULL;
	s->nparams = 0;
	PGresult *res = PQprepare(p->conn, name, sql, 0, NULL);
	const char *state = result_ok(res) ? NULL : PQresultErrorField(res, PG_DIAG_SQLSTATE);
	/* 42P05: prepared before a failed description: describe it again */
	if (!result_ok(res) && !(state && strcmp(state, "42P05") == 0)) {
		/* class 42: syntax error, unknown table or column, type mismatch */
		if (state && strncmp(state, "42", 2) == 0) {
			fprintf(stderr, "dangbo: cannot prepare %s: %s", stmt_name(s->id), PQresultErrorMessage(res));
			abort();
		}
		enum err e = fail(&p->base, res);
		PQclear(res);
		return e;
	}
	PQclear(res);
	res = PQdescribePrepared(p->conn, name);
	if (!result_ok(res)) {
		enum err e = fail(&p->base, res);
		PQclear(res);
		return e;
	}
	s->nparams = PQnparams(res);
	PQclear(res);
	s->params = xcalloc((size_t)s->nparams + 1, sizeof(char *));
	s->prepared = true;
	return ERR_OK;
}

static struct store_stmt *pg_stmt(struct store *st, enum stmt id)
{
	struct pg_store *p = PQ(st);
	struct pg_stmt *s = &p->stmts[id];
	s->st = st;
	s->id = id;
	snprintf(s->name, sizeof(s->name), "dangbo_%d", (int)id);
	stmt_clear(s);
	params_clear(s);
	if (!s->prepared) {
		reconnect(p);
		free(s->prep_msg);
		s->prep_msg = NULL;
		s->prep_err = prepare(p, s);
		if (s->prep_err) /* reported by the first step */
			s->prep_msg = xstrdup(store_errmsg(st));
	}
	return (struct store_stmt *)s;
}

/* Out-of-range positions are ignored, as SQLite's bind calls do; the
 * statement-table test checks that both tables take the same number. */
static void set_param(struct pg_stmt *s, int i, char *v)
{
	if (i < 1 || i > s->nparams) {
		free(v);
		return;
	}
	free(s->params[i - 1]);
	s->params[i - 1] = v;
}

static void pg_bind_text(struct store_stmt *s, int i, const char *v)
{
	set_param(PS(s), i, v ? xstrdup(v) : NULL);
}

static void pg_bind_int(struct store_stmt *s, int i, int64_t v)
{
	set_param(PS(s), i, v == INT64_MIN ? NULL : xasprintf("%" PRId64, v));
}

static void pg_bind_null(struct store_stmt *s, int i)
{
	set_param(PS(s), i, NULL);
}

static void count_changes(struct pg_store *p, PGresult *res)
{
	const char *tag = PQcmdStatus(res);
	if (strncmp(tag, "INSERT", 6) == 0 || strncmp(tag, "UPDATE", 6) == 0 || strncmp(tag, "DELETE", 6) == 0 ||
	    strncmp(tag, "MERGE", 5) == 0)
		p->changes = strtoll(PQcmdTuples(res), NULL, 10);
}

static enum err pg_step(struct store_stmt *x, bool *row)
{
	struct pg_stmt *s = PS(x);
	struct pg_store *p = PQ(s->st);
	*row = false;
	if (!s->res) {
		if (!s->prepared) {
			/* the bindings went with the failed preparation: only
			 * store_stmt prepares again */
			store_set_error(s->st, "%s", s->prep_msg ? s->prep_msg : "the connection to the server was lost");
			return s->prep_err ? s->prep_err : ERR_STORE;
		}
		PGresult *res = PQexecPrepared(p->conn, s->name, s->nparams,
					       (const char *const *)s->params, NULL, NULL, 0);
		if (!result_ok(res)) {
			enum err e = fail(s->st, res);
			PQclear(res);
			if (PQstatus(p->conn) == CONNECTION_BAD)
				s->prepared = false;
			return e;
		}
		count_changes(p, res);
		s->res = res;
		s->row = -1;
		s->nrows = PQntuples(res);
		if (pg_sql[s->id].use == PG_LAST_ID) {
			if (s->nrows > 0 && !PQgetisnull(res, 0, 0))
				p->last_id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
			s->nrows = 0;
		}
	}
	if (++s->row < s->nrows) {
		*row = true;
		return ERR_OK;
	}
	/* done: the next step runs the statement again, as in SQLite */
	stmt_clear(s);
	return ERR_OK;
}

static bool in_row(const struct pg_stmt *s, int i)
{
	return s->res && s->row >= 0 && s->row < s->nrows && i >= 0 && i < PQnfields(s->res);
}

/* Booleans read as SQLite gives them: 1 and 0. */
static const char *pg_col_text(struct store_stmt *x, int i)
{
	struct pg_stmt *s = PS(x);
	if (!in_row(s, i) || PQgetisnull(s->res, s->row, i))
		return NULL;
	const char *v = PQgetvalue(s->res, s->row, i);
	if (PQftype(s->res, i) == PG_BOOLOID)
		return *v == 't' ? "1" : "0";
	return v;
}

static int64_t pg_col_int(struct store_stmt *x, int i)
{
	const char *v = pg_col_text(x, i);
	return v ? strtoll(v, NULL, 10) : 0;
}

static bool pg_col_null(struct store_stmt *x, int i)
{
	struct pg_stmt *s = PS(x);
	return !in_row(s, i) || PQgetisnull(s->res, s->row, i);
}

static int64_t pg_changes(struct store *st)
{
	return PQ(st)->changes;
}

static int64_t pg_last_id(struct store *st)
{
	return PQ(st)->last_id;
}

/* Nothing to do. Dropping the indexes as SQLite does would take an
 * exclusive lock on the tables until the commit, so that readers on other
 * connections would wait (and fail after lock_timeout) where SQLite's WAL
 * lets them read on; and the import here is bound by the round trip of
 * each statement, not by index upkeep (50,000 members imported in the
 * same time, within the noise, with the indexes dropped or kept). */
static enum err pg_bulk(struct store *st, enum bulk_phase phase)
{
	(void)st;
	(void)phase;
	return ERR_OK;
}

/* The schema version: 0 when there is no dangbo_schema table. */
static enum err schema_version(struct store *st, int *v)
{
	*v = 0;
	PGresult *res = PQexec(PQ(st)->conn, "SELECT to_regclass('dangbo_schema') IS NOT NULL");
	if (!result_ok(res)) {
		enum err e = fail(st, res);
		PQclear(res);
		return e;
	}
	bool have = PQntuples(res) == 1 && *PQgetvalue(res, 0, 0) == 't';
	PQclear(res);
	if (!have)
		return ERR_OK;
	res = PQexec(PQ(st)->conn, "SELECT max(version) FROM dangbo_schema");
	if (!result_ok(res)) {
		enum err e = fail(st, res);
		PQclear(res);
		return e;
	}
	if (PQntuples(res) == 1 && !PQgetisnull(res, 0, 0))
		*v = atoi(PQgetvalue(res, 0, 0));
	PQclear(res);
	return ERR_OK;
}

static enum err check_mode(struct store *st, enum store_open_mode mode, int have, int want)
{
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
	return ERR_OK;
}

/* Brings the schema to the newest version in one transaction, under an
 * advisory lock so that two processes opening the same database do not
 * both migrate it (the second finds the work done). */
static enum err pg_migrate(struct store *st, enum store_open_mode mode)
{
	int want = 0;
	while (pg_migrations[want])
		want++;
	int have;
	enum err e = schema_version(st, &have);
	if (!e)
		e = check_mode(st, mode, have, want);
	if (e || have == want) {
		st->schema_version = have;
		return e;
	}
	e = run(st, "BEGIN; SELECT pg_advisory_xact_lock(" PG_TX_LOCK ")");
	if (!e)
		e = schema_version(st, &have);
	if (!e)
		e = check_mode(st, mode, have, want);
	if (!e && have == 0)
		e = run(st, "CREATE TABLE dangbo_schema(version integer NOT NULL);"
			    "INSERT INTO dangbo_schema(version) VALUES (0)");
	for (int v = have; v < want && !e; v++) {
		e = run(st, pg_migrations[v]);
		if (!e) {
			char sql[64];
			snprintf(sql, sizeof(sql), "UPDATE dangbo_schema SET version = %d", v + 1);
			e = run(st, sql);
		}
	}
	if (!e)
		e = run(st, "COMMIT");
	if (e) {
		char *msg = xstrdup(store_errmsg(st));
		run(st, "ROLLBACK");
		store_set_error(st, "%s", msg);
		free(msg);
		return e;
	}
	st->schema_version = want;
	return ERR_OK;
}

static const struct store_ops pg_ops = {
	.name = "postgresql",
	.close = pg_close,
	.exec_script = pg_exec_script,
	.stmt = pg_stmt,
	.bind_text = pg_bind_text,
	.bind_int = pg_bind_int,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.col_text = pg_col_text,
	.col_int = pg_col_int,
	.col_null = pg_col_null,
	.changes = pg_changes,
	.last_id = pg_last_id,
	.bulk = pg_bulk,
	.migrate = pg_migrate,
};

/* The database named without its password, for messages. */
static char *describe(PGconn *c)
{
	const char *user = PQuser(c), *host = PQhost(c), *port = PQport(c), *db = PQdb(c);
	return xasprintf("postgresql://%s%s%s%s%s/%s", user && *user ? user : "", user && *user ? "@" : "",
			 host ? host : "", port && *port ? ":" : "", port ? port : "", db ? db : "");
}

enum err pg_store_open(const char *uri, enum store_open_mode mode, struct store **out, char **errmsg)
{
	struct pg_store *p = xcalloc(1, sizeof(*p));
	p->base.ops = &pg_ops;
	const char *const keys[] = {"dbname", "fallback_application_name", "client_encoding", NULL};
	const char *const vals[] = {uri, "dangbo", "UTF8", NULL};
	p->conn = PQconnectdbParams(keys, vals, 1);
	enum err e = ERR_OK;
	if (!p->conn) {
		fprintf(stderr, "dangbo: out of memory\n");
		abort();
	}
	if (PQstatus(p->conn) != CONNECTION_OK) {
		set_conn_error(&p->base, "cannot connect");
		e = ERR_STORE;
	}
	PQsetNoticeProcessor(p->conn, ignore_notice, NULL);
	if (!e) {
		const char *enc = PQparameterStatus(p->conn, "server_encoding");
		if (!enc || strcmp(enc, "UTF8") != 0) {
			store_set_error(&p->base, "the database's encoding is %s: dangbo needs UTF8 "
						  "(createdb -E UTF8 -T template0)", enc ? enc : "unknown");
			e = ERR_STORE;
		}
	}
	if (!e)
		e = session_setup(&p->base);
	if (!e)
		e = pg_migrate(&p->base, mode);
	if (e) {
		if (errmsg) {
			char *name = describe(p->conn);
			*errmsg = xasprintf("%s: %s", name, store_errmsg(&p->base));
			free(name);
		}
		free(p->base.errmsg);
		pg_close(&p->base);
		return e;
	}
	*out = &p->base;
	return ERR_OK;
}
