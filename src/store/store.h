/* store: the one storage interface of dangbo.
 *
 * A struct store is an open database: the embedded SQLite file (a plain
 * path) or a PostgreSQL server (a URI beginning "postgresql://"). Callers
 * never write SQL: they name a statement from enum stmt (stmt.h), bind
 * parameters by position, step through rows and read columns. Each backend
 * holds the SQL text of every statement in a table indexed by enum stmt,
 * and its schema as numbered migrations.
 *
 * Statements are prepared once per connection and cached. A store is used
 * by one thread at a time (the server opens one per worker thread).
 *
 * Errors: ERR_STORE with a message in store_errmsg(); ERR_CONFLICT for a
 * constraint violation (unique code, foreign key). */
#ifndef DANGBO_STORE_STORE_H
#define DANGBO_STORE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "store/stmt.h"

struct store;
struct store_stmt;

enum store_open_mode {
	STORE_OPEN,   /* the database must exist and be initialised */
	STORE_CREATE, /* create it (dangbo init); fails if it holds a dangbo schema already */
	STORE_READONLY, /* SQLite only: open an existing file read-only, run no
			 * migration (schema_version is the file's); fails if it is not a
			 * dangbo database or is newer than this binary (dangbo restore) */
};

/* Opens uri. On failure *out is NULL and errmsg (if not NULL) receives a
 * malloc'd message the caller frees. */
enum err store_open(const char *uri, enum store_open_mode mode, struct store **out, char **errmsg);
void store_close(struct store *st);
const char *store_errmsg(const struct store *st);
/* "sqlite" or "postgresql". */
const char *store_backend(const struct store *st);
/* Schema version after migrations. */
int store_schema_version(struct store *st);

enum err store_begin(struct store *st);
enum err store_commit(struct store *st);
void store_rollback(struct store *st);

/* A bulk load: a large import into an empty member table, as one
 * transaction. store_bulk_begin (outside any transaction) switches the
 * backend to its bulk settings and begins the transaction; the backend may
 * drop secondary indexes (SQLite also drops the member_id key: the importer
 * checks duplicates itself), use a larger cache, and on SQLite write through
 * a rollback journal instead of the WAL (pages past the old end of an empty
 * database need no journal, so a crash still leaves it as it was).
 * store_bulk_commit rebuilds the indexes (ERR_CONFLICT if a unique key no
 * longer holds), commits, and restores the settings; store_bulk_rollback
 * rolls back and restores them. */
enum err store_bulk_begin(struct store *st);
/* Rebuilds the indexes of a bulk load now, inside its transaction (for
 * progress and timings; store_bulk_commit does it otherwise). */
enum err store_bulk_indexes(struct store *st);
enum err store_bulk_commit(struct store *st);
void store_bulk_rollback(struct store *st);

/* True if statement id (taking no parameters) gives at least one row; the
 * statement is reset after. */
bool store_has_rows(struct store *st, enum stmt id);

/* The cached prepared statement for id, reset and with bindings cleared. */
struct store_stmt *store_stmt(struct store *st, enum stmt id);
/* Binds parameter i (1-based). A NULL text or an INT64_MIN integer binds NULL. */
void stmt_bind_text(struct store_stmt *s, int i, const char *v);
/* Like stmt_bind_text without copying v: v must stay valid and unchanged
 * until the statement has been run (stmt_exec) — for hot insert paths. */
void stmt_bind_text_static(struct store_stmt *s, int i, const char *v);
void stmt_bind_int(struct store_stmt *s, int i, int64_t v);
void stmt_bind_null(struct store_stmt *s, int i);
/* Steps: ERR_OK with *row true for a row, *row false when done. */
enum err stmt_step(struct store_stmt *s, bool *row);
/* Runs a statement that returns no rows. */
enum err stmt_exec(struct store_stmt *s);
/* Column i (0-based) of the current row. Text is NULL for SQL NULL and is
 * valid until the next step. */
const char *stmt_col_text(struct store_stmt *s, int i);
int64_t stmt_col_int(struct store_stmt *s, int i);
bool stmt_col_null(struct store_stmt *s, int i);
/* Who is writing through st, recorded in the audit log with every write
 * (e.g. "cli:hoa", "web:admin"). The string is copied; NULL clears it. */
void store_set_actor(struct store *st, const char *actor);
/* The actor set by store_set_actor, or "unknown". */
const char *store_actor(const struct store *st);
/* Backups (SQLite; docs/backup.md). On PostgreSQL each returns ERR_REFUSED
 * with a message naming pg_dump / pg_restore.
 *
 * store_backup copies st's database, consistent as of one moment, into the
 * new file dest while others go on writing: SQLite's online backup API
 * reads one snapshot (an open read transaction, which in WAL mode blocks no
 * writer) some pages per step. The copy is written to a temporary file in
 * dest's directory, switched to a self-contained rollback-journal file,
 * checked (PRAGMA integrity_check), fsynced and only then linked under dest,
 * so dest is either absent or complete. Call it outside a transaction.
 * Errors: ERR_CONFLICT if dest exists (it is never replaced), ERR_IO if the
 * directory cannot be written, ERR_STORE otherwise; the message is in
 * store_errmsg(st). */
enum err store_backup(struct store *st, const char *dest);
/* Replaces the whole content of st's database with the SQLite file src, in
 * one write transaction of the backup API (other connections wait on its
 * lock and then see the new content; on any failure nothing changed). src
 * is borrowed and must be a checked dangbo database; every cached statement
 * of st is reset. Call it outside a transaction. Errors: ERR_STORE (busy,
 * a page size that differs from a WAL-mode target...) with the message in
 * store_errmsg(st). */
enum err store_restore(struct store *st, const char *src);
/* Checks the database file's structure (SQLite PRAGMA integrity_check):
 * ERR_INPUT with the first problems in store_errmsg(st) when it is damaged,
 * ERR_STORE when it cannot be read. On PostgreSQL there is nothing to check:
 * ERR_OK. */
enum err store_check(struct store *st);

/* Rows changed by the last exec. */
int64_t store_changes(struct store *st);
int64_t store_last_id(struct store *st);

#endif
