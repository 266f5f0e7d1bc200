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
};

/* NULL-terminated; entry i moves the schema from version i to i+1. */
extern const char *const pg_migrations[];
/* Indexed by enum stmt (STMT__MAX entries). */
extern const struct pg_sql_entry pg_sql[];

#endif
