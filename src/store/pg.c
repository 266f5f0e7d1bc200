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
 * - Bulk mode (store_bulk_begin .. store_bulk_commit, one transaction)
 *   keeps the indexes (see pg_bulk) and stops waiting for each write of
 *   the import, which otherwise costs a round trip per row:
 *   - an INSERT with a bulk_copy (pg_sql.c) adds its row to a COPY of its
 *     table kept in memory; its id, for store_last_id, comes from a block
 *     drawn from the table's identity (nextval, one round trip per block of
 *     up to PG_IDS_MAX), so the rows get the ids they would get one by one,
 *     and the ids drawn and not used are given back at the end (setval);
 *   - the UPDATE with a bulk_sql is sent in pipeline mode
 *     (PQenterPipelineMode), a sync every PG_PIPE_BATCH statements;
 *   - everything waiting is sent (pipeline first, then one COPY per table
 *     in enum stmt order, parents before children) when PG_COPY_FLUSH bytes
 *     of rows wait, before any other statement runs (so it sees every
 *     write before it), and at store_bulk_indexes / the commit; ROLLBACK
 *     forgets the rows not sent.
 *   A write the server refuses is then reported by a later statement (as
 *   ERR_STORE: not that statement's fault) or by store_bulk_commit (in its
 *   own class, ERR_CONFLICT for a constraint, as SQLite reports a unique
 *   key at its rebuild), always with the server's message; the transaction
 *   is aborted and the commit rolls it back. store_changes after such a
 *   write is 1. */
#include "store/store_impl.h"
#include "store/schema_pg.h"

#include <inttypes.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
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
	/* bulk loads: pg_sql[id].bulk_sql, prepared as "dangbo_b" and the
	 * enum value; the rows for the COPY of pg_sql[id].bulk_copy, and a
	 * block of ids drawn from bulk_table's identity */
	char bulk_name[20];
	bool bulk_prepared;
	struct buf copy;
	int64_t *ids;
	int nids, next_id, ids_cap;
};

struct pg_store {
	struct store base;
	PGconn *conn;
	struct pg_stmt stmts[STMT__MAX];
	int64_t changes, last_id;
	char *tx_error; /* the error that aborted the current transaction */
	bool bulk;      /* in a bulk load's transaction: writes may be pipelined */
	bool piped;     /* the connection is in pipeline mode */
	int queued;     /* pipelined statements sent since the last sync */
	int syncs;      /* syncs sent whose results are still to be read */
	bool pipe_failed;  /* a pipelined statement or a COPY failed (tx_error) */
	enum err pipe_err; /* and its class */
	int ncopy;         /* statements with COPY rows waiting */
	size_t copy_bytes; /* and their size */
};

/* Pipelined statements between two syncs. The results of one batch are
 * read when the next batch is complete, so about two batches of results
 * (some 20 bytes each) wait in the socket buffers, far below their size:
 * the server never blocks writing results the client does not read. */
#define PG_PIPE_BATCH 512
/* COPY rows kept before they are sent, all tables together. */
#define PG_COPY_FLUSH (4u << 20)
/* Ids drawn from a table's identity at once, doubling from the first. */
#define PG_IDS_FIRST 64
#define PG_IDS_MAX 8192

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

/* ---- pipelined writes of a bulk load ---- */

/* Reports the failure of a pipelined statement or a COPY (kept in
 * tx_error) with the server's message, every time until the transaction
 * ends. ERR_STORE: the statement now run did not fail itself (a caller
 * must not take the conflict of an earlier row for its own). */
static enum err pipe_status(struct pg_store *p)
{
	if (!p->pipe_failed)
		return ERR_OK;
	store_set_error(&p->base, "%s", p->tx_error ? p->tx_error : "a pipelined statement failed");
	return ERR_STORE;
}

/* Records that the pipeline broke (res NULL: the connection's message). */
static void pipe_fail(struct pg_store *p, const PGresult *res)
{
	if (p->pipe_failed)
		return;
	p->pipe_err = fail(&p->base, res);
	if (!p->tx_error)
		p->tx_error = xstrdup(store_errmsg(&p->base));
	p->pipe_failed = true;
}

/* Reads the pipeline's results until at most keep syncs are outstanding.
 * The first failure is kept; the statements the server then skipped
 * (PGRES_PIPELINE_ABORTED) are no failures of their own. */
static void pipe_collect(struct pg_store *p, int keep)
{
	int nulls = 0;
	while (p->syncs > keep) {
		PGresult *res = PQgetResult(p->conn);
		if (!res) {
			/* the end of one statement's results; two in a row
			 * mean that nothing more will come */
			if (++nulls > 1 || PQstatus(p->conn) == CONNECTION_BAD) {
				pipe_fail(p, NULL);
				p->syncs = 0;
			}
			continue;
		}
		nulls = 0;
		ExecStatusType t = PQresultStatus(res);
		if (t == PGRES_PIPELINE_SYNC)
			p->syncs--;
		else if (t == PGRES_FATAL_ERROR)
			pipe_fail(p, res);
		PQclear(res);
	}
}

/* Sends a sync: the server flushes its results up to here. */
static void pipe_sync(struct pg_store *p)
{
	if (PQpipelineSync(p->conn))
		p->syncs++;
	else
		pipe_fail(p, NULL);
	p->queued = 0;
}

/* Leaves pipeline mode after reading every outstanding result, so that a
 * statement run on its own sees (and waits for) all the writes before it.
 * ERR_STORE if a pipelined statement failed. */
static enum err pipe_end(struct pg_store *p)
{
	if (!p->piped)
		return pipe_status(p);
	pipe_sync(p);
	pipe_collect(p, 0);
	if (!PQexitPipelineMode(p->conn))
		pipe_fail(p, NULL);
	p->piped = false;
	return pipe_status(p);
}

/* Forgets the COPY rows not sent (the transaction rolls back). */
static void copy_discard(struct pg_store *p)
{
	for (int i = 0; i < STMT__MAX; i++)
		buf_reset(&p->stmts[i].copy);
	p->ncopy = 0;
	p->copy_bytes = 0;
}

/* Sends the waiting COPY rows, after the pipelined statements before
 * them: one COPY per table, in the order of enum stmt, where a table comes
 * after the tables it refers to (schema_pg.h). A failure is kept as a
 * pipelined statement's (the rows are some of the caller's earlier ones)
 * and the rows not sent are forgotten. */
static enum err copy_flush(struct pg_store *p)
{
	enum err e = pipe_end(p);
	for (int i = 0; i < STMT__MAX && !e; i++) {
		struct pg_stmt *s = &p->stmts[i];
		if (!s->copy.len)
			continue;
		char sql[512];
		snprintf(sql, sizeof(sql), "COPY %s FROM STDIN", pg_sql[s->id].bulk_copy);
		PGresult *res = PQexec(p->conn, sql);
		if (PQresultStatus(res) != PGRES_COPY_IN) {
			pipe_fail(p, res);
			PQclear(res);
			break;
		}
		PQclear(res);
		if (PQputCopyData(p->conn, s->copy.ptr, (int)s->copy.len) != 1 || PQputCopyEnd(p->conn, NULL) != 1)
			pipe_fail(p, NULL);
		while ((res = PQgetResult(p->conn))) {
			if (PQresultStatus(res) != PGRES_COMMAND_OK)
				pipe_fail(p, res);
			PQclear(res);
		}
		e = pipe_status(p);
	}
	copy_discard(p);
	return pipe_status(p);
}

/* Sends everything the bulk load keeps waiting: then the server has seen
 * every write before, and any failure of them is reported here. */
static enum err drain(struct pg_store *p)
{
	if (p->ncopy)
		return copy_flush(p);
	return pipe_end(p);
}

/* Ends the pipeline at the end of a bulk load (store_bulk_indexes or
 * store_bulk_commit): a failure keeps its own class there, ERR_CONFLICT
 * for a constraint, as SQLite's rebuilt unique index reports. */
static enum err pipe_finish(struct pg_store *p)
{
	enum err e = drain(p);
	return e ? p->pipe_err : ERR_OK;
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
	bool end = commit || strcmp(sql, "ROLLBACK") == 0;
	/* a failure of the pipeline is kept in tx_error for the commit */
	if (strcmp(sql, "ROLLBACK") == 0)
		copy_discard(p);
	drain(p);
	if (commit && (PQtransactionStatus(p->conn) == PQTRANS_INERROR || p->pipe_failed)) {
		/* the server would answer COMMIT with a silent ROLLBACK */
		store_set_error(st, "the transaction was rolled back: %s",
				p->tx_error ? p->tx_error : "a statement failed");
		run(st, "ROLLBACK");
		free(p->tx_error);
		p->tx_error = NULL;
		p->pipe_failed = false;
		p->bulk = false;
		return ERR_STORE;
	}
	if (end || strcmp(sql, "BEGIN") == 0) {
		free(p->tx_error);
		p->tx_error = NULL;
		p->pipe_failed = false;
	}
	if (end)
		p->bulk = false; /* pipelining ends with the transaction */
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
		free(p->stmts[i].ids);
		buf_free(&p->stmts[i].copy);
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
	p->piped = false;
	p->syncs = p->queued = 0;
	session_setup(&p->base);
	for (int i = 0; i < STMT__MAX; i++)
		p->stmts[i].prepared = p->stmts[i].bulk_prepared = false;
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
		drain(p); /* a failure is reported by the next step */
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

/* Prepares the bulk text of s (pg_sql[].bulk_sql), as prepare() does. */
static enum err prepare_bulk(struct pg_store *p, struct pg_stmt *s)
{
	snprintf(s->bulk_name, sizeof(s->bulk_name), "dangbo_b%d", (int)s->id);
	PGresult *res = PQprepare(p->conn, s->bulk_name, pg_sql[s->id].bulk_sql, 0, NULL);
	const char *state = result_ok(res) ? NULL : PQresultErrorField(res, PG_DIAG_SQLSTATE);
	if (!result_ok(res) && !(state && strcmp(state, "42P05") == 0)) {
		if (state && strncmp(state, "42", 2) == 0) {
			fprintf(stderr, "dangbo: cannot prepare the bulk text of %s: %s", stmt_name(s->id),
				PQresultErrorMessage(res));
			abort();
		}
		enum err e = fail(&p->base, res);
		PQclear(res);
		return e;
	}
	PQclear(res);
	s->bulk_prepared = true;
	return ERR_OK;
}

/* Draws the next block of ids for s from the identity of table, in
 * ascending order. Nobody else draws meanwhile (dangbo writes one
 * transaction at a time), so they are the ids that row-by-row inserts
 * would have been given. */
static enum err draw_ids(struct pg_store *p, struct pg_stmt *s, const char *table)
{
	int want = s->ids_cap ? s->ids_cap * 2 : PG_IDS_FIRST;
	if (want > PG_IDS_MAX)
		want = PG_IDS_MAX;
	char n[16];
	snprintf(n, sizeof(n), "%d", want);
	const char *const v[2] = {table, n};
	PGresult *res = PQexecParams(p->conn,
				     "SELECT nextval(pg_get_serial_sequence($1, 'id')) "
				     "FROM generate_series(1, $2::int) ORDER BY 1",
				     2, NULL, v, NULL, NULL, 0);
	if (!result_ok(res)) {
		enum err e = fail(&p->base, res);
		PQclear(res);
		return e;
	}
	if (want > s->ids_cap) {
		s->ids = xrealloc(s->ids, sizeof(*s->ids) * (size_t)want);
		s->ids_cap = want;
	}
	s->nids = PQntuples(res) < want ? PQntuples(res) : want;
	for (int i = 0; i < s->nids; i++)
		s->ids[i] = strtoll(PQgetvalue(res, i, 0), NULL, 10);
	s->next_id = 0;
	PQclear(res);
	return ERR_OK;
}

/* Gives the identities back the ids drawn and not used (setval), so that
 * the next row gets the id it would have got row by row, unless someone
 * drew from the identity meanwhile. Outside the transaction: setval does
 * not roll back, and an aborted transaction would refuse it. */
static void release_ids(struct pg_store *p)
{
	for (int i = 0; i < STMT__MAX; i++) {
		struct pg_stmt *s = &p->stmts[i];
		if (s->next_id < s->nids) {
			char next[24], last[24];
			snprintf(next, sizeof(next), "%" PRId64, s->ids[s->next_id]);
			snprintf(last, sizeof(last), "%" PRId64, s->ids[s->nids - 1]);
			const char *const v[3] = {pg_sql[i].bulk_table, next, last};
			PQclear(PQexecParams(p->conn,
					     "SELECT setval(pg_get_serial_sequence($1, 'id'), $2::bigint, false) "
					     "WHERE pg_sequence_last_value(pg_get_serial_sequence($1, 'id')::regclass) "
					     "= $3::bigint",
					     3, NULL, v, NULL, NULL, 0));
		}
		s->nids = s->next_id = s->ids_cap = 0;
	}
}

/* Runs s pipelined (a bulk load's write with a bulk_sql): sent, not
 * waited for. Its failure is reported by a later step, store_bulk_indexes
 * or the commit, as the failure of the whole transaction. A round trip
 * only to prepare the bulk text, and every PG_PIPE_BATCH statements to
 * read the results of the batch before. */
static enum err step_piped(struct pg_store *p, struct pg_stmt *s)
{
	if (p->pipe_failed)
		return pipe_status(p);
	if (p->ncopy || !s->bulk_prepared) {
		/* the COPY rows before it go first */
		enum err e = drain(p);
		if (!e && !s->bulk_prepared)
			e = prepare_bulk(p, s);
		if (e)
			return e;
	}
	if (!p->piped) {
		if (!PQenterPipelineMode(p->conn)) {
			set_conn_error(&p->base, "cannot enter pipeline mode");
			return ERR_STORE;
		}
		p->piped = true;
	}
	if (!PQsendQueryPrepared(p->conn, s->bulk_name, s->nparams, (const char *const *)s->params, NULL, NULL,
				 0)) {
		pipe_fail(p, NULL);
		return pipe_status(p);
	}
	p->changes = 1; /* the row updated, or the failure */
	if (++p->queued >= PG_PIPE_BATCH) {
		pipe_sync(p);
		pipe_collect(p, 1);
	}
	return pipe_status(p);
}

/* One field of a COPY row in its text format: \N for NULL; backslash,
 * tab, newline and carriage return escaped. */
static void copy_field(struct buf *b, const char *v)
{
	if (!v) {
		buf_add(b, "\\N", 2);
		return;
	}
	for (;;) {
		size_t n = strcspn(v, "\\\t\n\r");
		buf_add(b, v, n);
		v += n;
		if (!*v)
			return;
		buf_addch(b, '\\');
		buf_addch(b, *v == '\t' ? 't' : *v == '\n' ? 'n' : *v == '\r' ? 'r' : '\\');
		v++;
	}
}

/* Adds s's row to the COPY of its table (a bulk load's INSERT with a
 * bulk_copy), its id drawn from a block for store_last_id. The rows go to
 * the server when PG_COPY_FLUSH bytes wait, before any other statement,
 * and at the end of the load; a failure is reported then, as the failure
 * of the whole transaction. A round trip only to draw a block of ids. */
static enum err step_copy(struct pg_store *p, struct pg_stmt *s)
{
	const char *table = pg_sql[s->id].bulk_table;
	if (p->pipe_failed)
		return pipe_status(p);
	if (table && s->next_id == s->nids) {
		enum err e = pipe_end(p);
		if (!e)
			e = draw_ids(p, s, table);
		if (!e && s->nids == 0) {
			store_set_error(&p->base, "no ids drawn for %s", table);
			e = ERR_STORE;
		}
		if (e)
			return e;
	}
	struct buf *b = &s->copy;
	size_t was = b->len;
	if (was == 0)
		p->ncopy++;
	if (table) {
		p->last_id = s->ids[s->next_id++];
		buf_addf(b, "%" PRId64 "%s", p->last_id, s->nparams ? "\t" : "");
	}
	for (int i = 0; i < s->nparams; i++) {
		if (i)
			buf_addch(b, '\t');
		copy_field(b, s->params[i]);
	}
	buf_addch(b, '\n');
	p->copy_bytes += b->len - was;
	p->changes = 1; /* the row inserted, or the failure */
	if (p->copy_bytes >= PG_COPY_FLUSH)
		return copy_flush(p);
	return ERR_OK;
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
		if (p->bulk && s->st->tx_depth && pg_sql[s->id].bulk_copy)
			return step_copy(p, s);
		if (p->bulk && s->st->tx_depth && pg_sql[s->id].bulk_sql)
			return step_piped(p, s);
		enum err pe = drain(p);
		if (pe)
			return pe;
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

/* Bulk loads: writes by COPY and pipeline between BULK_INDEXES_OFF (in
 * the transaction) and BULK_INDEXES_ON, where every failure is reported;
 * the ids drawn and not used go back after the transaction. The indexes
 * stay: dropping them as SQLite does would take an exclusive lock on the
 * tables until the commit, so that readers on other connections would
 * wait (and fail after lock_timeout) where SQLite's WAL lets them read
 * on, for a gain of about a quarter (scale 0.1 national load: members
 * 38-43 s with the indexes, 29 s without them and their rebuild). */
static enum err pg_bulk(struct store *st, enum bulk_phase phase)
{
	struct pg_store *p = PQ(st);
	enum err e = ERR_OK;
	switch (phase) {
	case BULK_SETTINGS_ON:
		break;
	case BULK_INDEXES_OFF:
		p->bulk = true;
		break;
	case BULK_INDEXES_ON:
		e = pipe_finish(p);
		p->bulk = false;
		break;
	case BULK_SETTINGS_OFF:
		drain(p);
		p->bulk = false;
		release_ids(p);
		break;
	}
	return e;
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
