/* schema_sqlite: the SQLite schema as numbered migrations. */
#ifndef DANGBO_STORE_SCHEMA_SQLITE_H
#define DANGBO_STORE_SCHEMA_SQLITE_H

extern const char *const sqlite_migrations[];
extern const char *const sqlite_sql[];

#endif
