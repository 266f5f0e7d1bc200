/* Unit tests for the PostgreSQL backend and for what both backends must
 * answer alike (contract §1: every command behaves the same on SQLite and
 * PostgreSQL).
 *
 * Without a server: the PostgreSQL statement table has an entry for every
 * statement, with as many parameters as the SQLite one, and as many
 * migrations. With $DANGBO_TEST_PG set to a connection URI (scripts/pg-test.sh
 * sets it): each test works in a schema of its own in that database, the
 * schema is created, every statement prepares, transactions, conflicts,
 * locks and reconnection behave, and the same store checks run on SQLite
 * and PostgreSQL with the same expected answers. Without the variable the
 * server tests print "skipped: no PostgreSQL". */
#include "harness.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/xalloc.h"
#include "store/schema_pg.h"
#include "store/schema_sqlite.h"
#include "store/store.h"

/* ---- the statement tables, no server needed ---- */

static int count_migrations(const char *const *m)
{
	int n = 0;
	while (m[n])
		n++;
	return n;
}

static int sqlite_params(const char *sql)
{
	int n = 0;
	for (; *sql; sql++)
		n += *sql == '?';
	return n;
}

/* The highest $n, and whether every $1..$n occurs. */
static int pg_params(const char *sql, bool *dense)
{
	bool seen[100] = {0};
	int max = 0;
	for (const char *p = sql; *p; p++) {
		if (*p != '$' || p[1] < '0' || p[1] > '9')
			continue;
		int k = (int)strtol(p + 1, NULL, 10);
		if (k > 0 && k < 100) {
			seen[k] = true;
			if (k > max)
				max = k;
		}
	}
	*dense = true;
	for (int k = 1; k <= max; k++)
		*dense = *dense && seen[k];
	return max;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);
	return n >= m && strcmp(s + n - m, tail) == 0;
}

/* The bulk forms of a statement (schema_pg.h): a COPY writes the row of
 * the INSERT, "t(id,a,b)" for "INSERT INTO t(a,b) VALUES ($1,$2) RETURNING
 * id"; a pipelined text is an UPDATE that returns nothing. */
static void check_bulk(enum stmt id, int np)
{
	const struct pg_sql_entry *q = &pg_sql[id];
	if (q->bulk_table && (!q->bulk_copy || q->use != PG_LAST_ID))
		fail_msg("%s: ids are drawn for the COPY of a PG_LAST_ID statement", stmt_name(id));
	if (q->bulk_copy) {
		if (q->bulk_sql || (q->use == PG_LAST_ID) != (q->bulk_table != NULL))
			fail_msg("%s: a COPY, with ids exactly for PG_LAST_ID", stmt_name(id));
		const char *cols = q->sql + strlen("INSERT INTO ");
		const char *values = strstr(q->sql, ") VALUES (");
		if (strncmp(q->sql, "INSERT INTO ", 12) != 0 || !values)
			fail_msg("%s: a COPY stands for an INSERT ... VALUES", stmt_name(id));
		const char *paren = strchr(cols, '(');
		char want[1024], got[1024] = "";
		snprintf(want, sizeof(want), "%.*s%s%.*s)", (int)(paren + 1 - cols), cols, q->bulk_table ? "id," : "",
			 (int)(values - paren - 1), paren + 1);
		assert_string_equal(q->bulk_copy, want);
		for (int k = 1; k <= np; k++)
			snprintf(got + strlen(got), sizeof(got) - strlen(got), "%s$%d", k > 1 ? "," : "", k);
		/* the values are $1..$n in order: a COPY row has them so */
		assert_int_equal(strncmp(values + strlen(") VALUES ("), got, strlen(got)), 0);
		assert_int_equal(values[strlen(") VALUES (") + strlen(got)], ')');
	}
	if (q->bulk_sql) {
		bool dense;
		if (pg_params(q->bulk_sql, &dense) != np || !dense || q->use == PG_LAST_ID ||
		    strncmp(q->bulk_sql, "UPDATE", 6) != 0 || strstr(q->bulk_sql, "RETURNING"))
			fail_msg("%s: bulk_sql is an UPDATE of the same parameters that returns nothing",
				 stmt_name(id));
	}
}

static void test_pg_table_complete(void **state)
{
	int missing = 0;
	for (int i = 0; i < STMT__MAX; i++) {
		const char *pg = pg_sql[i].sql, *sq = sqlite_sql[i];
		if (!pg) {
			fprintf(stderr, "pg_sql.c has no SQL for %s\n", stmt_name((enum stmt)i));
			missing++;
			continue;
		}
		assert_non_null(sq);
		bool dense;
		int np = pg_params(pg, &dense);
		if (np != sqlite_params(sq) || !dense)
			fail_msg("%s: %d parameters in pg_sql.c, %d in sqlite_sql.c%s", stmt_name((enum stmt)i), np,
				 sqlite_params(sq), dense ? "" : " (pg numbers skip one)");
		/* store_last_id reads the RETURNING id of exactly these */
		if ((pg_sql[i].use == PG_LAST_ID) != ends_with(pg, " RETURNING id"))
			fail_msg("%s: PG_LAST_ID and RETURNING id go together", stmt_name((enum stmt)i));
		if (pg_sql[i].use == PG_LAST_ID && strncmp(pg, "INSERT", 6) != 0)
			fail_msg("%s: only an INSERT sets the last id", stmt_name((enum stmt)i));
		check_bulk((enum stmt)i, np);
	}
	assert_int_equal(missing, 0);
	assert_int_equal(count_migrations(pg_migrations), count_migrations(sqlite_migrations));
}

/* ---- a fresh database per test on either backend ---- */

struct fx {
	bool pg;
	char path[64];     /* SQLite */
	char schema[64];   /* PostgreSQL: this test's schema */
	char *uri;         /* what store_open gets */
	PGconn *admin;     /* PostgreSQL: a side connection of the test's own */
};

static const char *pg_base(void)
{
	const char *u = getenv("DANGBO_TEST_PG");
	return u && *u ? u : NULL;
}

static void admin_exec(PGconn *c, const char *sql)
{
	PGresult *r = PQexec(c, sql);
	if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK)
		fail_msg("%s: %s", sql, PQresultErrorMessage(r));
	PQclear(r);
}

/* The URI of the test database with extra server options (each "-c x=y"
 * written "-cx%3Dy", separated by "%20"). */
static char *uri_with(const char *opts)
{
	const char *base = pg_base();
	return xasprintf("%s%soptions=%s", base, strchr(base, '?') ? "&" : "?", opts);
}

static int setup_sqlite(void **state)
{
	struct fx *f = xcalloc(1, sizeof(*f));
	strcpy(f->path, "/tmp/dangbo-store-pg-XXXXXX");
	int fd = mkstemp(f->path);
	close(fd);
	unlink(f->path);
	f->uri = xstrdup(f->path);
	*state = f;
	return 0;
}

static int setup_pg(void **state)
{
	if (!pg_base()) {
		*state = NULL;
		return 0;
	}
	static int seq;
	struct fx *f = xcalloc(1, sizeof(*f));
	f->pg = true;
	snprintf(f->schema, sizeof(f->schema), "dangbo_unit_%ld_%d", (long)getpid(), ++seq);
	f->admin = PQconnectdb(pg_base());
	if (PQstatus(f->admin) != CONNECTION_OK)
		fail_msg("DANGBO_TEST_PG: %s", PQerrorMessage(f->admin));
	admin_exec(f->admin, "SET client_min_messages TO warning");
	char sql[256];
	snprintf(sql, sizeof(sql), "DROP SCHEMA IF EXISTS %s CASCADE; CREATE SCHEMA %s", f->schema, f->schema);
	admin_exec(f->admin, sql);
	char opt[128];
	snprintf(opt, sizeof(opt), "-csearch_path%%3D%s", f->schema);
	f->uri = uri_with(opt);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	if (!f)
		return 0;
	if (f->pg) {
		char sql[128];
		snprintf(sql, sizeof(sql), "DROP SCHEMA IF EXISTS %s CASCADE", f->schema);
		admin_exec(f->admin, sql);
		PQfinish(f->admin);
	} else {
		char p[80];
		unlink(f->path);
		snprintf(p, sizeof(p), "%s-wal", f->path);
		unlink(p);
		snprintf(p, sizeof(p), "%s-shm", f->path);
		unlink(p);
	}
	free(f->uri);
	free(f);
	return 0;
}

#define NEED_FIXTURE(f)                                                                                 \
	do {                                                                                            \
		if (!(f))                                                                               \
			skip();                                                                         \
	} while (0)

static struct store *create(struct fx *f)
{
	struct store *st = NULL;
	char *msg = NULL;
	enum err e = store_open(f->uri, STORE_CREATE, &st, &msg);
	if (e)
		fail_msg("store_open(%s): %s", f->uri, msg);
	return st;
}

/* ---- PostgreSQL only ---- */

static void test_pg_open_modes(void **state)
{
	struct fx *f = *state;
	NEED_FIXTURE(f);
	struct store *st = NULL;
	char *msg = NULL;
	assert_int_equal(store_open(f->uri, STORE_OPEN, &st, &msg), ERR_NOTFOUND);
	assert_null(st);
	assert_non_null(strstr(msg, "dangbo init"));
	free(msg);
	msg = NULL;
	assert_int_equal(store_open(f->uri, STORE_CREATE, &st, &msg), ERR_OK);
	assert_int_equal(store_schema_version(st), count_migrations(pg_migrations));
	assert_string_equal(store_backend(st), "postgresql");
	store_close(st);
	/* dangbo init refuses a database that holds a dangbo schema */
	assert_int_equal(store_open(f->uri, STORE_CREATE, &st, &msg), ERR_CONFLICT);
	assert_non_null(strstr(msg, "already initialised"));
	free(msg);
	assert_int_equal(store_open(f->uri, STORE_OPEN, &st, &msg), ERR_OK);
	assert_int_equal(store_schema_version(st), count_migrations(pg_migrations));
	store_close(st);
	/* no server: a message that names the database and keeps the password out */
	msg = NULL;
	assert_int_equal(store_open("postgresql://someone:s3cretpw@127.0.0.1:1/nowhere?connect_timeout=2",
				    STORE_OPEN, &st, &msg),
			 ERR_STORE);
	assert_non_null(strstr(msg, "cannot connect"));
	assert_non_null(strstr(msg, "postgresql://someone@127.0.0.1:1/nowhere"));
	assert_null(strstr(msg, "s3cretpw"));
	free(msg);
}

static void test_pg_every_statement_prepares(void **state)
{
	struct fx *f = *state;
	NEED_FIXTURE(f);
	struct store *st = create(f);
	for (int i = 0; i < STMT__MAX; i++)
		/* store_stmt aborts with the statement's name and the server's
		 * message if the SQL does not prepare */
		assert_non_null(store_stmt(st, (enum stmt)i));
	/* prepared on this connection, each under its statement's name */
	PGresult *r = PQexec(f->admin, "SELECT 1"); /* the admin link is sound */
	assert_int_equal(PQresultStatus(r), PGRES_TUPLES_OK);
	PQclear(r);
	store_close(st);
}

static struct store_stmt *org_insert(struct store *st, const char *code)
{
	struct store_stmt *s = store_stmt(st, STMT_ORG_INSERT);
	stmt_bind_text(s, 1, code);
	stmt_bind_text(s, 2, "Tên");
	stmt_bind_text(s, 3, "province");
	return s;
}

static void test_pg_transaction_and_conflict(void **state)
{
	struct fx *f = *state;
	NEED_FIXTURE(f);
	struct store *st = create(f);
	assert_int_equal(store_begin(st), ERR_OK);
	struct store_stmt *s = store_stmt(st, STMT_META_SET);
	stmt_bind_text(s, 1, "k");
	stmt_bind_text(s, 2, "v");
	assert_int_equal(stmt_exec(s), ERR_OK);
	store_rollback(st);
	s = store_stmt(st, STMT_META_GET);
	stmt_bind_text(s, 1, "k");
	bool row = true;
	assert_int_equal(stmt_step(s, &row), ERR_OK);
	assert_false(row); /* rolled back */

	/* outside a transaction: the second insert conflicts, the first stays */
	assert_int_equal(stmt_exec(org_insert(st, "X")), ERR_OK);
	assert_int_equal(stmt_exec(org_insert(st, "X")), ERR_CONFLICT); /* code is UNIQUE */
	assert_non_null(strstr(store_errmsg(st), "duplicate key"));
	assert_non_null(strstr(store_errmsg(st), "(code)=(X)"));

	/* inside one: the conflict aborts the transaction; later statements
	 * say so with the first message, and the commit fails */
	assert_int_equal(store_begin(st), ERR_OK);
	assert_int_equal(stmt_exec(org_insert(st, "Y")), ERR_OK);
	assert_int_equal(stmt_exec(org_insert(st, "X")), ERR_CONFLICT);
	s = store_stmt(st, STMT_ORG_ALL);
	assert_int_equal(stmt_step(s, &row), ERR_STORE);
	assert_non_null(strstr(store_errmsg(st), "earlier statement"));
	assert_non_null(strstr(store_errmsg(st), "(code)=(X)"));
	assert_int_equal(store_commit(st), ERR_STORE);
	assert_non_null(strstr(store_errmsg(st), "rolled back"));
	/* Y was not committed; the store works again */
	s = store_stmt(st, STMT_ORG_ALL);
	int n = 0;
	while (stmt_step(s, &row) == ERR_OK && row) {
		assert_string_equal(stmt_col_text(s, 1), "X");
		n++;
	}
	assert_int_equal(n, 1);
	store_close(st);
}

/* One transaction at a time per database, as SQLite's BEGIN IMMEDIATE: a
 * second writer waits for the lock, at most lock_timeout. */
static void test_pg_one_writer(void **state)
{
	struct fx *f = *state;
	NEED_FIXTURE(f);
	struct store *a = create(f);
	char opt[128];
	snprintf(opt, sizeof(opt), "-csearch_path%%3D%s%%20-clock_timeout%%3D300", f->schema);
	char *uri = uri_with(opt);
	struct store *b = NULL;
	assert_int_equal(store_open(uri, STORE_OPEN, &b, NULL), ERR_OK);
	assert_int_equal(store_begin(a), ERR_OK);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(store_begin(b), ERR_STORE);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	assert_non_null(strstr(store_errmsg(b), "lock timeout"));
	double waited = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	assert_true(waited >= 0.25 && waited < 3.0);
	/* b is not left half inside a transaction: once a commits, b begins */
	assert_int_equal(stmt_exec(org_insert(a, "A")), ERR_OK);
	assert_int_equal(store_commit(a), ERR_OK);
	assert_int_equal(store_begin(b), ERR_OK);
	PGresult *r = PQexec(f->admin, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
				       "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
	assert_int_equal(PQresultStatus(r), PGRES_TUPLES_OK);
	assert_string_equal(PQgetvalue(r, 0, 0), "1"); /* b holds the lock */
	PQclear(r);
	struct store_stmt *s = store_stmt(b, STMT_ORG_ALL);
	bool row;
	assert_int_equal(stmt_step(s, &row), ERR_OK);
	assert_true(row); /* sees what a committed */
	assert_string_equal(stmt_col_text(s, 1), "A");
	assert_int_equal(store_commit(b), ERR_OK);
	store_close(b);
	store_close(a);
	free(uri);
}

/* The server ends the session: outside a transaction the next statement
 * reconnects and prepares again; inside one, the transaction fails. */
static void test_pg_reconnect(void **state)
{
	struct fx *f = *state;
	NEED_FIXTURE(f);
	struct store *st = create(f);
	assert_int_equal(stmt_exec(org_insert(st, "R1")), ERR_OK);
	char sql[256];
	snprintf(sql, sizeof(sql),
		 "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
		 "AND application_name = 'dangbo' AND pid <> pg_backend_pid()");
	admin_exec(f->admin, sql);
	usleep(100 * 1000);
	/* the statement was prepared on the old session: the first run fails... */
	enum err e = stmt_exec(org_insert(st, "R2"));
	if (e) /* ...and the next store_stmt reconnects */
		e = stmt_exec(org_insert(st, "R2"));
	assert_int_equal(e, ERR_OK);
	struct store_stmt *s = store_stmt(st, STMT_ORG_ALL);
	bool row;
	int n = 0;
	while (stmt_step(s, &row) == ERR_OK && row)
		n++;
	assert_int_equal(n, 2);

	assert_int_equal(store_begin(st), ERR_OK);
	assert_int_equal(stmt_exec(org_insert(st, "R3")), ERR_OK);
	admin_exec(f->admin, sql);
	usleep(100 * 1000);
	assert_int_equal(stmt_exec(org_insert(st, "R4")), ERR_STORE);
	assert_int_equal(stmt_exec(org_insert(st, "R4")), ERR_STORE); /* no reconnection mid-transaction */
	assert_int_equal(store_commit(st), ERR_STORE);
	/* after the failed transaction the store is usable again; R3 is gone */
	s = store_stmt(st, STMT_ORG_ALL);
	e = stmt_step(s, &row);
	if (e)
		e = stmt_step(store_stmt(st, STMT_ORG_ALL), &row);
	assert_int_equal(e, ERR_OK);
	n = row;
	while (stmt_step(s, &row) == ERR_OK && row)
		n++;
	assert_int_equal(n, 2);
	store_close(st);
}

/* ---- the same answers on both backends ---- */

static void member_insert(struct store *st, const char *mid, const char *key, const char *gender, int64_t org,
			  enum err want)
{
	struct store_stmt *s = store_stmt(st, STMT_MEMBER_INSERT);
	const char *v[19] = {mid, "Tên", key, key, gender, "1970-01-01", "Kinh", NULL, NULL, NULL,
			     "1995-01-01", NULL, NULL, "official"};
	for (int i = 0; i < 19; i++)
		stmt_bind_text(s, i + 1, v[i]);
	stmt_bind_int(s, 10, org);
	assert_int_equal(stmt_exec(s), want);
}

static void org_event(struct store *st, int64_t org, const char *date)
{
	struct store_stmt *s = store_stmt(st, STMT_ORG_EVENT_INSERT);
	stmt_bind_int(s, 1, org);
	stmt_bind_text(s, 2, date);
	stmt_bind_text(s, 3, "rename");
	stmt_bind_int(s, 4, INT64_MIN);
	stmt_bind_int(s, 5, INT64_MIN);
	stmt_bind_text(s, 6, "cũ");
	stmt_bind_text(s, 7, "mới");
	assert_int_equal(stmt_exec(s), ERR_OK);
}

static int64_t admin_int(PGconn *c, const char *sql)
{
	PGresult *r = PQexec(c, sql);
	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1)
		fail_msg("%s: %s", sql, PQresultErrorMessage(r));
	int64_t v = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	return v;
}

/* A bulk load pipelines its writes (pg.c): store_last_id gives each row's
 * id, 1, 2, ... as row by row, across blocks of ids and batches of the
 * pipeline; a statement run on its own sees every write before it; the
 * identity goes on after the last id used. A write that fails in the
 * pipeline fails the load with the server's message, at the commit at the
 * latest, and leaves nothing behind. */
static void test_pg_bulk_pipeline(void **state)
{
	struct fx *f = *state;
	NEED_FIXTURE(f);
	struct store *st = create(f);
	char sql[1024];
	snprintf(sql, sizeof(sql), "SET search_path TO %s", f->schema);
	admin_exec(f->admin, sql);
	/* every bulk text prepares, every COPY target exists (the import
	 * runs them all) */
	for (int i = 0; i < STMT__MAX; i++) {
		if (!pg_sql[i].bulk_sql)
			continue;
		char name[32];
		snprintf(name, sizeof(name), "unit_bulk_%d", i);
		PGresult *r = PQprepare(f->admin, name, pg_sql[i].bulk_sql, 0, NULL);
		if (PQresultStatus(r) != PGRES_COMMAND_OK)
			fail_msg("bulk text of %s: %s", stmt_name((enum stmt)i), PQresultErrorMessage(r));
		PQclear(r);
	}
	for (int i = 0; i < STMT__MAX; i++) {
		if (!pg_sql[i].bulk_copy)
			continue;
		snprintf(sql, sizeof(sql), "COPY (SELECT %s FROM %.*s) TO STDOUT", strchr(pg_sql[i].bulk_copy, '(') + 1,
			 (int)(strchr(pg_sql[i].bulk_copy, '(') - pg_sql[i].bulk_copy), pg_sql[i].bulk_copy);
		*strchr(sql, ')') = ' '; /* the column list's closing parenthesis */
		PGresult *r = PQexec(f->admin, sql);
		if (PQresultStatus(r) != PGRES_COPY_OUT)
			fail_msg("COPY of %s: %s: %s", stmt_name((enum stmt)i), sql, PQresultErrorMessage(r));
		PQclear(r);
		char *line;
		while (PQgetCopyData(f->admin, &line, 0) > 0)
			PQfreemem(line);
		while ((r = PQgetResult(f->admin)))
			PQclear(r);
	}
	/* the COPY rows of a bulk load go in the order of enum stmt: a table
	 * after those it refers to */
	for (int i = 0; i < STMT__MAX; i++)
		for (int k = i; k < STMT__MAX && pg_sql[i].bulk_copy; k++) {
			if (!pg_sql[k].bulk_copy)
				continue;
			/* does the table of i refer to the table of k (a later one)? */
			snprintf(sql, sizeof(sql),
				 "SELECT count(*) FROM pg_constraint WHERE contype = 'f' "
				 "AND conrelid = '%.*s'::regclass AND confrelid = '%.*s'::regclass "
				 "AND conrelid <> confrelid",
				 (int)strcspn(pg_sql[i].bulk_copy, "("), pg_sql[i].bulk_copy,
				 (int)strcspn(pg_sql[k].bulk_copy, "("), pg_sql[k].bulk_copy);
			if (admin_int(f->admin, sql))
				fail_msg("%s refers to the table of %s, which comes later", stmt_name((enum stmt)i),
					 stmt_name((enum stmt)k));
		}
	assert_int_equal(stmt_exec(org_insert(st, "QN")), ERR_OK);
	int64_t org = store_last_id(st);
	enum { N = 1500 }; /* blocks of 64, 128, ... ids; batches of 512 */
	char mid[16];
	assert_int_equal(store_bulk_begin(st), ERR_OK);
	for (int i = 1; i <= N; i++) {
		snprintf(mid, sizeof(mid), "B%05d", i);
		member_insert(st, mid, "k", "nam", org, ERR_OK);
		assert_int_equal(store_last_id(st), i);
		for (int k = 0; k < 2; k++) {
			struct store_stmt *s = store_stmt(st, STMT_EVENT_INSERT);
			stmt_bind_int(s, 1, i);
			stmt_bind_text(s, 2, k ? "2000-01-01" : "1995-01-01");
			stmt_bind_text(s, 3, k ? "official" : "admitted");
			stmt_bind_int(s, 4, org);
			assert_int_equal(stmt_exec(s), ERR_OK);
			assert_int_equal(store_last_id(st), 2 * i - 1 + k);
		}
		struct store_stmt *s = store_stmt(st, STMT_MSPAN_INSERT);
		stmt_bind_int(s, 1, i);
		stmt_bind_int(s, 2, org);
		stmt_bind_text(s, 3, "1995-01-01");
		stmt_bind_text(s, 4, "9999-12-31");
		assert_int_equal(stmt_exec(s), ERR_OK);
		assert_int_equal(store_changes(st), 1);
		if (i == 1000) { /* a read in the middle sees every write */
			bool row;
			s = store_stmt(st, STMT_EVENT_COUNT);
			assert_int_equal(stmt_step(s, &row), ERR_OK);
			assert_int_equal(stmt_col_int(s, 0), 2000);
			stmt_step(s, &row);
		}
	}
	assert_int_equal(store_bulk_commit(st), ERR_OK);
	assert_int_equal(admin_int(f->admin, "SELECT count(*) FROM member WHERE id BETWEEN 1 AND 1500"), N);
	assert_int_equal(admin_int(f->admin, "SELECT count(*) FROM event e JOIN member m ON m.id = e.member "
					     "AND e.id = 2 * m.id - (e.type = 'admitted')::int"), 2 * N);
	assert_int_equal(admin_int(f->admin, "SELECT count(*) FROM member_span"), N);
	/* the ids drawn and not used went back: the next row is 1501 */
	member_insert(st, "C1", "k", "nam", org, ERR_OK);
	assert_int_equal(store_last_id(st), N + 1);

	/* a row the server refuses late in a load (a constraint the caller
	 * knows nothing of): the load fails with the server's message */
	admin_exec(f->admin, "ALTER TABLE member ADD CONSTRAINT unit_no_x CHECK (hometown IS DISTINCT FROM 'X')");
	admin_exec(f->admin, "DELETE FROM member_span; DELETE FROM event; DELETE FROM member");
	assert_int_equal(store_bulk_begin(st), ERR_OK);
	for (int i = 1; i <= 1200; i++) {
		struct store_stmt *s = store_stmt(st, STMT_MEMBER_INSERT);
		snprintf(mid, sizeof(mid), "D%05d", i);
		const char *v[19] = {mid, "Tên", "k", "k", "nam", "1970-01-01", "Kinh", NULL, NULL, NULL,
				     "1995-01-01", NULL, NULL, "official", NULL, NULL, NULL, NULL, i == 700 ? "X" : NULL};
		for (int k = 0; k < 19; k++)
			stmt_bind_text(s, k + 1, v[k]);
		stmt_bind_int(s, 10, org);
		stmt_exec(s); /* its failure comes later */
	}
	/* reported by a later statement, as not its own (ERR_STORE) */
	bool row;
	assert_int_equal(stmt_step(store_stmt(st, STMT_MEMBER_COUNT), &row), ERR_STORE);
	assert_non_null(strstr(store_errmsg(st), "unit_no_x"));
	enum err e = store_bulk_commit(st);
	assert_int_not_equal(e, ERR_OK);
	assert_non_null(strstr(store_errmsg(st), "unit_no_x"));
	assert_int_equal(admin_int(f->admin, "SELECT count(*) FROM member"), 0);
	/* the same failure found only at the commit */
	assert_int_equal(store_bulk_begin(st), ERR_OK);
	member_insert(st, "E1", "k", "nam", org, ERR_OK);
	struct store_stmt *s = store_stmt(st, STMT_MEMBER_INSERT);
	const char *v[19] = {"E2", "Tên", "k", "k", "nam", "1970-01-01", "Kinh", NULL, NULL, NULL,
			     "1995-01-01", NULL, NULL, "official", NULL, NULL, NULL, NULL, "X"};
	for (int k = 0; k < 19; k++)
		stmt_bind_text(s, k + 1, v[k]);
	stmt_bind_int(s, 10, org);
	assert_int_equal(stmt_exec(s), ERR_OK); /* sent, not yet answered */
	assert_int_equal(store_bulk_commit(st), ERR_CONFLICT);
	assert_non_null(strstr(store_errmsg(st), "unit_no_x"));
	assert_int_equal(admin_int(f->admin, "SELECT count(*) FROM member"), 0);
	/* the store works on */
	member_insert(st, "E1", "k", "nam", org, ERR_OK);
	assert_int_equal(admin_int(f->admin, "SELECT count(*) FROM member"), 1);
	store_close(st);
}

static void test_same_answers(void **state)
{
	struct fx *f = *state;
	NEED_FIXTURE(f);
	struct store *st = create(f);
	bool row;

	/* ids as SQLite's rowid: 1, 2, ... read back through store_last_id */
	assert_int_equal(stmt_exec(org_insert(st, "QN")), ERR_OK);
	assert_int_equal(store_last_id(st), 1);
	assert_int_equal(stmt_exec(org_insert(st, "QN.1")), ERR_OK);
	assert_int_equal(store_last_id(st), 2);
	assert_int_equal(store_changes(st), 1);

	/* rows one at a time, NULL columns as NULL text and 0 */
	struct store_stmt *s = store_stmt(st, STMT_ORG_ALL);
	assert_int_equal(stmt_step(s, &row), ERR_OK);
	assert_true(row);
	assert_int_equal(stmt_col_int(s, 0), 1);
	assert_string_equal(stmt_col_text(s, 1), "QN");
	assert_string_equal(stmt_col_text(s, 2), "Tên");
	assert_true(stmt_col_null(s, 4));
	assert_null(stmt_col_text(s, 4));
	assert_int_equal(stmt_col_int(s, 4), 0);
	assert_false(stmt_col_null(s, 1));
	assert_int_equal(stmt_step(s, &row), ERR_OK);
	assert_true(row);
	assert_string_equal(stmt_col_text(s, 1), "QN.1");
	assert_int_equal(stmt_step(s, &row), ERR_OK);
	assert_false(row);
	/* stepped past the end, the statement runs again */
	assert_int_equal(stmt_step(s, &row), ERR_OK);
	assert_true(row);
	assert_string_equal(stmt_col_text(s, 1), "QN");
	/* store_stmt resets it */
	s = store_stmt(st, STMT_ORG_ALL);
	assert_int_equal(stmt_step(s, &row), ERR_OK);
	assert_int_equal(stmt_col_int(s, 0), 1);

	/* an update, with NULL bound through INT64_MIN */
	s = store_stmt(st, STMT_ORG_UPDATE);
	const char *u[7] = {"Chi bộ 1", "cell", NULL, NULL, "U1", "1980-01-01", "9999-12-31"};
	for (int i = 0; i < 7; i++)
		stmt_bind_text(s, i + 1, u[i]);
	stmt_bind_int(s, 3, 1);
	stmt_bind_int(s, 8, 2);
	assert_int_equal(stmt_exec(s), ERR_OK);
	assert_int_equal(store_changes(st), 1);

	/* two statements stepped in turn (a merge of two lists) */
	org_event(st, 1, "2020-01-01");
	org_event(st, 2, "2019-05-05");
	assert_int_equal(store_last_id(st), 2); /* org_event ids count on their own */
	struct store_stmt *a = store_stmt(st, STMT_ORG_ALL);
	struct store_stmt *b = store_stmt(st, STMT_ORG_EVENT_ALL);
	bool ra, rb;
	assert_int_equal(stmt_step(a, &ra), ERR_OK);
	assert_int_equal(stmt_step(b, &rb), ERR_OK);
	assert_true(ra && rb);
	assert_string_equal(stmt_col_text(b, 2), "2019-05-05"); /* date order */
	assert_int_equal(stmt_col_int(b, 1), 2);
	assert_true(stmt_col_null(b, 4));
	assert_string_equal(stmt_col_text(b, 7), "mới");
	assert_int_equal(stmt_step(a, &ra), ERR_OK);
	assert_string_equal(stmt_col_text(a, 1), "QN.1");
	assert_int_equal(stmt_col_int(a, 4), 1); /* parent set by the update */
	assert_string_equal(stmt_col_text(a, 6), "U1");
	assert_string_equal(stmt_col_text(b, 2), "2019-05-05"); /* b's row unchanged */
	assert_int_equal(stmt_step(b, &rb), ERR_OK);
	assert_string_equal(stmt_col_text(b, 2), "2020-01-01");
	assert_int_equal(stmt_step(a, &ra), ERR_OK);
	assert_int_equal(stmt_step(b, &rb), ERR_OK);
	assert_false(ra || rb);
	assert_int_equal(stmt_exec(store_stmt(st, STMT_ORG_EVENT_CLEAR)), ERR_OK);
	assert_int_equal(store_changes(st), 2);

	/* text compares byte by byte whatever the server's collation:
	 * B < Z < a < á < Đ (a Vietnamese collation would give a á B Đ Z) */
	const char *ids[] = {"á", "Z", "Đ", "a", "B"};
	for (int i = 0; i < 5; i++)
		member_insert(st, ids[i], i == 0 ? "nguyen van an" : i == 1 ? "nguyenz" : "nguyeo", "nam", 2, ERR_OK);
	assert_int_equal(store_last_id(st), 5);
	s = store_stmt(st, STMT_MEMBER_ALL);
	const char *order[] = {"B", "Z", "a", "á", "Đ"};
	for (int i = 0; i < 5; i++) {
		assert_int_equal(stmt_step(s, &row), ERR_OK);
		assert_true(row);
		assert_string_equal(stmt_col_text(s, 1), order[i]);
	}
	assert_int_equal(stmt_step(s, &row), ERR_OK);
	assert_false(row);
	/* the search prefix range [q, q "\x7f") */
	s = store_stmt(st, STMT_MEMBER_FIND_NAME);
	stmt_bind_text(s, 1, "nguyen");
	stmt_bind_text(s, 2, "nguyen\x7f");
	stmt_bind_int(s, 3, 10);
	const char *want[2] = {"á", "Z"}; /* name_key order: "nguyen van an", "nguyenz" */
	int n = 0;
	while (stmt_step(s, &row) == ERR_OK && row) {
		assert_true(n < 2);
		assert_string_equal(stmt_col_text(s, 0), want[n]); /* member_id */
		assert_string_equal(stmt_col_text(s, 5), "official"); /* status, org joined */
		n++;
	}
	assert_int_equal(n, 2);
	s = store_stmt(st, STMT_MEMBER_COUNT);
	assert_int_equal(stmt_step(s, &row), ERR_OK);
	assert_int_equal(stmt_col_int(s, 0), 5);

	/* constraints: unique, check, foreign key are conflicts */
	member_insert(st, "a", "x", "nam", 2, ERR_CONFLICT);
	member_insert(st, "n1", "x", "x", 2, ERR_CONFLICT);
	member_insert(st, "n2", "x", "nữ", 99, ERR_CONFLICT);
	assert_int_equal(store_last_id(st), 5); /* failed inserts leave it */
	member_insert(st, "n3", "x", "nữ", 2, ERR_OK);
	assert_int_equal(store_last_id(st) > 5, true);

	/* counters and upserts */
	for (int i = 0; i < 2; i++) {
		s = store_stmt(st, STMT_META_BUMP);
		stmt_bind_text(s, 1, "generation");
		assert_int_equal(stmt_exec(s), ERR_OK);
	}
	s = store_stmt(st, STMT_META_GET);
	stmt_bind_text(s, 1, "generation");
	assert_int_equal(stmt_step(s, &row), ERR_OK);
	assert_string_equal(stmt_col_text(s, 0), "2");
	s = store_stmt(st, STMT_META_GET);
	stmt_bind_text(s, 1, "instance");
	assert_int_equal(stmt_step(s, &row), ERR_OK);
	assert_int_equal(strlen(stmt_col_text(s, 0)), 32);
	assert_int_equal(strspn(stmt_col_text(s, 0), "0123456789abcdef"), 32);
	for (int t = 5; t <= 7; t += 2) {
		s = store_stmt(st, STMT_TARGET_SET);
		stmt_bind_int(s, 1, 2);
		stmt_bind_int(s, 2, 2026);
		stmt_bind_int(s, 3, t);
		assert_int_equal(stmt_exec(s), ERR_OK);
	}
	s = store_stmt(st, STMT_TARGET_SET);
	stmt_bind_int(s, 1, 2);
	stmt_bind_int(s, 2, 2027);
	stmt_bind_int(s, 3, -1);
	assert_int_equal(stmt_exec(s), ERR_CONFLICT); /* CHECK (target >= 0) */
	s = store_stmt(st, STMT_TARGET_ALL);
	assert_int_equal(stmt_step(s, &row), ERR_OK);
	assert_true(row);
	assert_int_equal(stmt_col_int(s, 2), 7);
	assert_int_equal(stmt_step(s, &row), ERR_OK);
	assert_false(row);

	/* ids the writer gives (the audit chain) come back as the last id */
	s = store_stmt(st, STMT_AUDIT_INSERT);
	const char *au[10] = {NULL, "2026-01-01T00:00:00Z", "cli:x", "a", "org", "QN", NULL, "{}", "0", "h"};
	for (int i = 0; i < 10; i++)
		stmt_bind_text(s, i + 1, au[i]);
	stmt_bind_int(s, 1, 41);
	assert_int_equal(stmt_exec(s), ERR_OK);
	assert_int_equal(store_last_id(st), 41);
	s = store_stmt(st, STMT_AUDIT_HEAD);
	assert_int_equal(stmt_step(s, &row), ERR_OK);
	assert_int_equal(stmt_col_int(s, 0), 41);
	assert_true(stmt_col_text(s, 1) && strcmp(stmt_col_text(s, 1), "h") == 0);
	assert_int_equal(stmt_step(s, &row), ERR_OK); /* done: no statement left reading */
	assert_false(row);

	/* bulk mode (SQLite drops and rebuilds indexes; PostgreSQL keeps them
	 * and pipelines the writes): the rows are found through the index
	 * after the commit */
	assert_int_equal(store_bulk_begin(st), ERR_OK);
	member_insert(st, "n4", "nguyen b", "nam", 2, ERR_OK);
	assert_int_equal(store_bulk_commit(st), ERR_OK);
	/* a duplicate key that slipped into a bulk load is refused at the commit */
	assert_int_equal(store_bulk_begin(st), ERR_OK);
	member_insert(st, "n5", "x", "nam", 2, ERR_OK);
	bool sqlite = strcmp(store_backend(st), "sqlite") == 0;
	member_insert(st, "n5", "x", "nam", 2, ERR_OK);
	/* SQLite finds it when the key is rebuilt; PostgreSQL at the insert,
	 * whose result the pipeline gives at the commit at the latest */
	assert_int_equal(store_bulk_commit(st), ERR_CONFLICT);
	assert_non_null(strstr(store_errmsg(st), sqlite ? "UNIQUE" : "duplicate key"));
	s = store_stmt(st, STMT_MEMBER_ROWID);
	stmt_bind_text(s, 1, "n5");
	assert_int_equal(stmt_step(s, &row), ERR_OK);
	assert_false(row); /* rolled back */
	s = store_stmt(st, STMT_MEMBER_FIND_GIVEN);
	stmt_bind_text(s, 1, "nguyen b");
	stmt_bind_text(s, 2, "nguyen b\x7f");
	stmt_bind_int(s, 3, 10);
	assert_int_equal(stmt_step(s, &row), ERR_OK);
	assert_true(row);
	store_close(st);
}

int main(void)
{
	if (!pg_base())
		printf("skipped: no PostgreSQL (set DANGBO_TEST_PG to a connection URI; scripts/pg-test.sh does)\n");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pg_table_complete),
		cmocka_unit_test_setup_teardown(test_same_answers, setup_sqlite, teardown),
		cmocka_unit_test_setup_teardown(test_pg_open_modes, setup_pg, teardown),
		cmocka_unit_test_setup_teardown(test_pg_every_statement_prepares, setup_pg, teardown),
		cmocka_unit_test_setup_teardown(test_pg_transaction_and_conflict, setup_pg, teardown),
		cmocka_unit_test_setup_teardown(test_pg_one_writer, setup_pg, teardown),
		cmocka_unit_test_setup_teardown(test_pg_reconnect, setup_pg, teardown),
		cmocka_unit_test_setup_teardown(test_pg_bulk_pipeline, setup_pg, teardown),
		cmocka_unit_test_setup_teardown(test_same_answers, setup_pg, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
