/* schema_pg: the PostgreSQL schema as numbered migrations and the SQL of
 * every statement (pg_sql.c), for pg.c and the statement-table test. */
#ifndef DANGBO_STORE_SCHEMA_PG_H
#define DANGBO_STORE_SCHEMA_PG_H

#include <stdbool.h>

/* How pg.c treats the result of a statement. */
enum pg_result_use {
	PG_ROWS = 0, /* rows as they come (none for a plain write) */
	PG_LAST_ID,  /* an INSERT ending in "RETURNING id": the step keeps the
			id for store_last_id and reports no row, as SQLite does */
};

struct pg_sql_entry {
	const char *sql; /* $1..$n placeholders, in the order of the '?' of sqlite_sql */
	enum pg_result_use use;
	/* In a bulk load (store_bulk_begin) the writes of the import, whose
	 * results nobody reads, run in one of two other ways (pg.c); NULL
	 * for both: the statement always runs on its own.
	 * bulk_copy, for an INSERT of one row: the table and columns of a
	 * COPY FROM STDIN that writes the same row, "t(id,a,b)": the id first
	 * for a PG_LAST_ID statement, then the columns of $1..$n in order.
	 * The rows of several tables go to the server in the order of enum
	 * stmt, so such a statement must come after those of the tables it
	 * refers to (test_store_pg checks it against the foreign keys).
	 * bulk_sql: an UPDATE of one row by its id, without RETURNING, sent
	 * pipelined (its text is usually sql itself).
	 * bulk_table: for PG_LAST_ID, the table whose identity gives the ids
	 * of the rows a COPY writes, drawn in blocks. */
	const char *bulk_copy;
	const char *bulk_sql;
	const char *bulk_table;
};

/* NULL-terminated; entry i moves the schema from version i to i+1. */
extern const char *const pg_migrations[];
/* Indexed by enum stmt (STMT__MAX entries). */
extern const struct pg_sql_entry pg_sql[];

#endif
