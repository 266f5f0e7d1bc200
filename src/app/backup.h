/* backup: dangbo backup and dangbo restore of an SQLite database
 * (docs/backup.md).
 *
 * A backup is a consistent copy of the live database taken with SQLite's
 * online backup API (store_backup), checked, hashed, and recorded in the
 * audit log of the database it was taken from (action "backup"). A restore
 * checks a backup file (a dangbo database, whole, not newer than this
 * binary, its audit chain intact), brings a copy of it up to date with the
 * migrations, records "restore" in it, and only then puts it in place of the
 * target in one step: a failure anywhere leaves the target as it was.
 *
 * PostgreSQL has pg_dump and pg_restore for this: both functions then
 * return ERR_REFUSED with a message saying how (store.h). */
#ifndef DANGBO_APP_BACKUP_H
#define DANGBO_APP_BACKUP_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "app/audit.h"
#include "core/err.h"
#include "store/store.h"

/* What a backup or a restore produced. */
struct backup_info {
	int64_t bytes;                /* size of the backup file */
	char sha256[AUDIT_HASH_HEX];  /* hex SHA-256 of the backup file */
	int schema_from, schema_to;   /* restore: the file's schema version, the target's after migrations */
	bool replaced;                /* restore: the target held data and was replaced (--force) */
};

/* The default backup file of the database at db_path: beside it,
 * "NAME-YYYYMMDD-HHMMSS.db" in local time at now, NAME being the database
 * file name without its ".db". The caller frees the result. */
char *backup_default_path(const char *db_path, time_t now);

/* Backs st's database up into the new file dest (store_backup: never
 * replaces a file, never leaves half a file under dest), then hashes the
 * copy and appends a "backup" record (entity "backup", key dest, after
 * {"file", "bytes", "sha256"}) to st's audit log. Fills *info. Errors as
 * store_backup, ERR_IO if the copy cannot be read back, ERR_STORE if the
 * record cannot be written (the copy stays: it is complete); *errmsg
 * (malloc'd, the caller frees) says what. */
enum err backup_make(struct store *st, const char *dest, struct backup_info *info, char **errmsg);

/* Restores the backup file file into target (a path, or a PostgreSQL URI:
 * ERR_REFUSED). file must be a dangbo SQLite database: opened read-only, it
 * must pass PRAGMA integrity_check, have a schema version this binary knows,
 * and an audit log whose hash chain verifies (audit_verify). A target that
 * exists and holds data (organizations, members or audit records) is
 * replaced only with force. The copy is migrated to the current schema and
 * gets a "restore" record (written as actor) before it replaces the target
 * through the backup API (the target's WAL and locks respected), or is
 * renamed into place when there was no target. On failure the target is as
 * it was. Fills *info. Errors: ERR_NOTFOUND (no file), ERR_INPUT (not a
 * dangbo database, damaged, too new, broken audit chain), ERR_CONFLICT
 * (target holds data), ERR_STORE, ERR_IO; *errmsg (malloc'd, the caller
 * frees) says what. */
enum err backup_restore(const char *file, const char *target, bool force, const char *actor,
			struct backup_info *info, char **errmsg);

#endif
