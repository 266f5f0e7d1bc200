/* audit: the log of every write, hash-chained so that an edited or deleted
 * record is found (contract §5: "every write is in the audit log").
 *
 * A record says who (the store's actor: "cli:<unix user>", "web:<login>"),
 * when (UTC, "YYYY-MM-DDTHH:MM:SSZ"), what (an action such as
 * "member.event", the entity type and key: "member" + member_id, "org" +
 * code, "import" + the file names, "user" + login, "session" + login) and
 * the entity before and after, as JSON text (src/app/record.h shapes).
 *
 * Records are numbered 1, 2, 3... with no gap. Each stores the hash of the
 * one before it and its own hash:
 *     hash = hex(SHA-256(prev_hash || canonical(record)))
 * where prev_hash is the previous record's 64 hex digits (64 zeros for
 * record 1) and canonical(record) is each of id, at, actor, action,
 * entity_type, entity_key, before, after written as "<byte length>:<bytes>,"
 * ("~," for a null). The id and hash of the last record are also kept in the
 * meta table ("audit_head"), so that dropping the newest records is found as
 * well. audit_verify walks the chain and names the first broken record.
 *
 * A write and its record commit together: audit_record is called inside
 * the write's transaction, after the change succeeded. Writers must be
 * serialized (one SQLite writer at a time; the server holds its write lock),
 * otherwise two could read the same head. */
#ifndef DANGBO_APP_AUDIT_H
#define DANGBO_APP_AUDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/import.h"
#include "app/registry.h"
#include "core/err.h"
#include "store/store.h"

#define AUDIT_HASH_HEX 65 /* 64 hex digits and a NUL */

struct audit_rec {
	int64_t id;
	char *at;          /* UTC "YYYY-MM-DDTHH:MM:SSZ" */
	char *actor;       /* who */
	char *action;      /* "member.event", "org.move", "import", ... */
	char *entity_type; /* "member", "org", "import", "user", "session" */
	char *entity_key;  /* member_id, org code, login, file names */
	char *before;      /* JSON text or NULL */
	char *after;       /* JSON text or NULL */
	char *prev_hash, *hash;
};

/* Appends one record with st's actor (store_actor) and the current UTC
 * time, inside the caller's transaction. before and after are JSON text or
 * NULL (borrowed). A record about data (entity types member, org, import)
 * also bumps the meta counter "generation" that readers use to know the
 * data changed, and one that may have changed the organization tree (org,
 * import) the counter "tree_generation". Returns ERR_OK or ERR_STORE. */
enum err audit_record(struct store *st, const char *action, const char *entity_type, const char *entity_key,
		      const char *before, const char *after);

/* The outcome of audit_verify. */
struct audit_check {
	int64_t checked;   /* records read */
	int64_t first_bad; /* id of the first broken record, 0 if the chain is whole */
	char why[160];     /* what is wrong with it */
};

/* Walks the whole chain: ids must run 1, 2, 3..., each prev_hash must be
 * the previous hash, each hash must match the record's contents, and the
 * last record must be the head kept in meta. Fills res; returns ERR_OK
 * whether or not the chain is whole (look at res->first_bad), ERR_STORE if
 * the database cannot be read. */
enum err audit_verify(struct store *st, struct audit_check *res);

/* Reads records newest first: those of one entity (entity_type and
 * entity_key not NULL) or all, with ids below before_id (0: from the
 * newest), at most limit. *out is an array the caller frees with
 * audit_recs_free. Returns ERR_OK or ERR_STORE. */
enum err audit_list(struct store *st, const char *entity_type, const char *entity_key, int64_t before_id,
		    size_t limit, struct audit_rec **out, size_t *n);
void audit_recs_free(struct audit_rec *v, size_t n);

/* hex(SHA-256(data)) into out. */
void audit_sha256_hex(const void *data, size_t n, char out[AUDIT_HASH_HEX]);
/* hex(SHA-256) of a file's contents. Returns ERR_OK or ERR_IO. */
/* The SHA-256 of a file in hex. *stop (may be NULL), set from another
 * thread, ends the reading early with ERR_IO. */
enum err audit_sha256_file(const char *path, char out[AUDIT_HASH_HEX], const bool *stop);

/* Records an import as one record (not one per row): action "import",
 * entity_type "import", entity_key the file names joined by ", ", after =
 * {"files": [{"kind", "name", "rows", "sha256"}]}. sha256[k] is the hex
 * SHA-256 of file k ("" when it could not be read: recorded as null).
 * names[k] NULL = no file of that kind. */
enum err audit_import(struct store *st, const char *const names[IMPORT__MAX],
		      const char sha256[IMPORT__MAX][AUDIT_HASH_HEX], const struct import_stats *stats);

/* JSON text of an organization (record_org) or a member with its events
 * (record_member), for before/after. The caller frees the text. */
char *audit_org_json(const struct tree *t, int org);
char *audit_member_json(const struct registry *r, const struct member_rec *m, const struct event_rec *ev,
			size_t nev);

#endif
