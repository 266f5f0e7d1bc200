/* registry: the organizations and members of a database, loaded for reading
 * and checked for writing. The use cases (import, export, CLI and API
 * operations, reports) go through here, so that every change is checked by
 * the same rules and written in one transaction.
 *
 * Loading reads the organization tree with its history (domain/tree.h) and,
 * on request, every member's facts and timeline (domain/member.h). Member
 * timelines are replayed from stored facts and events, never kept as flags. */
#ifndef DANGBO_APP_REGISTRY_H
#define DANGBO_APP_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/err.h"
#include "domain/member.h"
#include "domain/tree.h"
#include "store/store.h"

/* One member as members.csv describes it (strings owned by the record). */
struct member_rec {
	int64_t id;          /* database row, 0 if new */
	int64_t version;     /* for optimistic concurrency (ETag) */
	char *member_id, *full_name, *gender, *ethnicity, *religion, *card_number;
	date_t birth_date;
	int org;             /* tree index */
	date_t decision_date, ceremony_date, official_date;
	enum member_status status;
	char *education, *profession_level, *theory_level, *occupation, *hometown;
	long line;
};

/* One stored event of a member. */
struct event_rec {
	date_t date;
	enum event_type type;
	int org, to_org;     /* tree indexes or TREE_NONE */
	char *detail;
	long line;
};

/* The compact facts of every member, for reports and checks. */
struct member_fact {
	int64_t id;
	struct member_facts f;   /* org is tree index + 1 (ORG_NONE = 0) */
	struct member_timeline tl;
};

struct registry {
	struct store *st;
	struct tree tree;
	date_t today;
	struct member_fact *members; /* loaded by registry_load_members, id order */
	size_t nmembers;
	char *ids_blob;              /* member_id strings of members[] */
};

/* Loads the tree (organizations, events, derived spans). */
enum err registry_open(struct store *st, struct registry *r, struct diag_list *dl);
/* Loads every member's facts and replays their events (reports). */
enum err registry_load_members(struct registry *r, struct diag_list *dl);
void registry_close(struct registry *r);

/* org as a member_event org value and back */
static inline int64_t registry_org_ref(int org) { return org == TREE_NONE ? ORG_NONE : (int64_t)org + 1; }
static inline int registry_org_index(int64_t ref) { return ref == ORG_NONE ? TREE_NONE : (int)(ref - 1); }

/* A resolver over r's tree for member_replay. */
void registry_resolver(struct registry *r, struct org_resolver *res);

/* Reads one member (by member_id) with its events. Returns ERR_NOTFOUND if
 * there is no such member. Free with member_rec_free / events_free. */
enum err registry_member_get(struct registry *r, const char *member_id, struct member_rec *m,
			     struct event_rec **ev, size_t *nev);
void member_rec_free(struct member_rec *m);
void events_free(struct event_rec *ev, size_t n);

/* A member found by name: what a list of results shows. */
struct found_member {
	char *member_id, *full_name, *gender, *org_code, *status;
	date_t birth_date;
};

/* Finds members whose name matches query (diacritic- and case-insensitive:
 * the whole name from its start, or the given name), at most limit, sorted
 * the Vietnamese way (given name first). Reads only the name indexes: no
 * tree is loaded. org_code is the organization recorded for the member.
 * Free with found_members_free. */
enum err registry_member_find(struct store *st, const char *query, size_t limit, struct found_member **out,
			      size_t *n);
void found_members_free(struct found_member *v, size_t n);

/* Writes the tree (organizations, events, spans) after a change made in
 * memory; the caller has checked it with tree_derive. Inside a transaction. */
enum err registry_save_tree(struct registry *r);
/* Inserts or updates one member and replaces its events and spans. The
 * member is replayed first; problems go to dl and nothing is written. */
enum err registry_member_put(struct registry *r, struct member_rec *m, const struct event_rec *ev, size_t nev,
			     bool replace_events, const char *facts_file, const char *events_file,
			     struct diag_list *dl);
/* The two halves of registry_member_put, for a load that checks members in
 * one thread and writes them in another: registry_member_check replays
 * (reads only the tree: safe beside writes on another thread) and fills tl
 * (free it with member_timeline_free); registry_member_write writes what was
 * checked, with the name's search keys from registry_name_keys (computed
 * here when full_key is NULL). */
enum err registry_member_check(struct registry *r, const struct member_rec *m, const struct event_rec *ev, size_t nev,
			       const char *facts_file, const char *events_file, struct member_timeline *tl,
			       struct diag_list *dl);
enum err registry_member_write(struct registry *r, struct member_rec *m, const struct event_rec *ev, size_t nev,
			       bool replace_events, const struct member_timeline *tl, const char *full_key,
			       const char *given_key, const char *facts_file, struct diag_list *dl);
/* True if the database holds any organization or member (a demo or a
 * restore would mix with them). */
bool registry_holds_data(struct store *st);

/* The search keys of a name (member find): the whole name folded (no
 * diacritics, lower case), and the given name (last word) first, then the
 * rest. Reads nothing shared: safe on any thread. */
void registry_name_keys(const char *name, struct buf *full, struct buf *given);
/* Re-checks every stored member against the current tree (after a change
 * to the tree) and rewrites the spans of those whose organization changed.
 * Problems go to dl. */
enum err registry_recheck_members(struct registry *r, struct diag_list *dl);

#endif
