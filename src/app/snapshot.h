/* snapshot: the columnar, read-only image of a database that reports read
 * (docs/internals/reports.md).
 *
 * Counting 5.5 million members through SQL takes seconds; a report must
 * take well under one. A snapshot holds what the reports need, compactly:
 *   - the organization tree with its history: per organization (sorted by
 *     code, the order children are listed in) its kind, category, founding,
 *     end, the organization it merged into, and its dated parent/name spans
 *     as tree_derive computed them;
 *   - per member, in parallel arrays: flags (female, ethnic minority,
 *     religious), birth date, admission decision date, first official day,
 *     and the first membership span (from, to, organization); further spans,
 *     exemption periods and party-age gaps in short side lists;
 *   - the dated events the period indicators count (transfers, moves,
 *     exits, re-entries), in date order, each with the organization where
 *     it happened; admissions and recognitions are the members' decision
 *     and first official dates.
 * Everything is derived by replaying the stored facts and events with the
 * domain rules (domain/member.h member_replay, domain/tree.h), so a report
 * read from a snapshot says what the rules say.
 *
 * The image is one contiguous block (a header and aligned sections) that is
 * written as is to a file beside the database (DB.snapshot) and mapped back
 * with mmap, so a report does not re-read the database. It is valid while
 * the database's "generation" (a meta counter bumped by every write, see
 * snapshot_touch) and its instance id are those recorded in the header.
 *
 * Dates are date_t day numbers. The replay uses a far-future "today", so
 * the image does not depend on the day it was built: a status that no event
 * explains and that holds "from the day it was recorded" (member.h) is kept
 * with the start SNAP_FROM_TODAY, which readers replace by the day of the
 * report. */
#ifndef DANGBO_APP_SNAPSHOT_H
#define DANGBO_APP_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/diag.h"
#include "core/err.h"
#include "domain/member.h"
#include "domain/tree.h"
#include "store/store.h"

/* A day that never comes (official_from of a member never recognized). */
#define SNAP_NEVER INT32_MAX
/* The replay's "today": spans starting on it start on the report's today. */
#define SNAP_FROM_TODAY (DATE_MAX - 1)
#define SNAP_NONE (-1)

/* Member flags. */
enum {
	SNAP_FEMALE = 1u << 0,    /* gender nữ */
	SNAP_MINORITY = 1u << 1,  /* ethnicity other than Kinh */
	SNAP_RELIGIOUS = 1u << 2, /* a religion is recorded */
	SNAP_MORE = 1u << 7,      /* more than one membership span (see more[]) */
};

struct snap_org {
	uint32_t code;        /* offset of the code in strings */
	uint32_t category;    /* offset of the category in strings, 0 = none */
	uint32_t span0, nspan; /* its parent/name spans in ospans[] */
	int32_t founded, dissolved;
	int32_t merged_into;  /* snapshot index or SNAP_NONE */
	int32_t kind;         /* enum org_kind */
	int64_t db_id;        /* the store's row id (0 when built in memory) */
};

struct snap_ospan {
	int32_t from, to;     /* [from, to) */
	int32_t parent;       /* snapshot index or SNAP_NONE */
	uint32_t name;        /* offset of the name in strings */
};

/* A membership span (first one of each member inline; further ones in more[]). */
struct snap_span {
	int32_t from, to;
	int32_t org;          /* where the replay put the member (not followed through merges) */
};

/* A period of one member: further spans (org set), exemptions and gaps
 * (org SNAP_NONE). Lists are in member order, then by start. */
struct snap_period {
	uint32_t member;
	int32_t from, to;
	int32_t org;
};

/* A stored event a period indicator counts (snap_event_kept): transfers,
 * moves, exits and re-entries; type is an enum event_type. Admissions and
 * recognitions come from decision[] and official[] instead. */
struct snap_event {
	int32_t date;
	uint32_t member;
	int32_t org;          /* where it happened (the organization left for exits and moves) */
	int32_t org2;         /* move: where the member went; else SNAP_NONE */
	int32_t type;
};

/* The state of an SQLite database file taken before it is opened: a
 * safety net under the generation counter for write paths that forget to
 * bump it. When no write-ahead log is present (no connection is open and
 * every write has been checkpointed into the file), the file's identity,
 * size and modification time tell whether it changed; with a log present
 * (another process, e.g. the server, has it open) only the generation
 * counts. */
struct snapshot_stamp {
	bool valid;              /* the stamp may be compared */
	uint64_t dev, ino, size;
	int64_t mtime_ns;
};
struct snapshot {
	/* identity of the data it was built from */
	int64_t generation;
	char instance[40];
	struct snapshot_stamp stamp; /* of the database file it was built from */
	/* organizations, sorted by code */
	uint32_t norg, nospan;
	const struct snap_org *orgs;
	const struct snap_ospan *ospans;
	const char *strings;
	uint64_t nstrings;
	/* members, grouped by the organization of their last span */
	uint32_t nmem;
	const uint8_t *flags;
	const int32_t *birth, *decision, *official; /* official: first official day or SNAP_NEVER */
	const struct snap_span *span;
	uint32_t nmore, nexempt, ngaps, nevents;
	const struct snap_period *more, *exempt, *gaps;
	const struct snap_event *events;             /* by date */
	/* backing storage (private) */
	void *image;
	size_t image_len;
	bool mapped;
};

/* The stored event types a snapshot keeps. */
bool snap_event_kept(enum event_type t);

/* ---- building ---- */

/* What a member contributes beyond the domain's facts and timeline. */
struct snapshot_member {
	bool female, minority, religious;
	date_t birth;
	const struct member_facts *f;      /* org refs: tree index + 1 (registry_org_ref) */
	const struct member_timeline *tl;  /* replayed with today = SNAP_FROM_TODAY */
	const struct member_event *ev;     /* the member's stored events, date order */
	size_t nev;
};

struct snapshot_builder;

/* Starts an image over tree t (derived with tree_derive; borrowed until
 * snapshot_builder_finish). generation and instance identify the data. */
struct snapshot_builder *snapshot_builder_new(const struct tree *t, int64_t generation, const char *instance);
/* Adds one member (copied). The image numbers members its own way
 * (grouped by organization), not in the order added. */
void snapshot_builder_add(struct snapshot_builder *b, const struct snapshot_member *m);
/* Assembles the image into s (owned by s: free with snapshot_free) and
 * frees the builder. */
void snapshot_builder_finish(struct snapshot_builder *b, struct snapshot *s);

/* Builds the image of the database st: loads the tree, streams every
 * member's facts and events in row order and replays them. Returns ERR_OK,
 * or ERR_STORE (message in store_errmsg(st)). */
enum err snapshot_build_store(struct store *st, struct snapshot *s, struct diag_list *dl);

void snapshot_free(struct snapshot *s);

/* ---- files ---- */

/* Writes the image to path atomically (a temporary file, then rename).
 * Returns ERR_OK or ERR_IO. */
enum err snapshot_write(const struct snapshot *s, const char *path);
/* Maps the image in path. Returns ERR_OK, ERR_NOTFOUND (no file) or
 * ERR_INPUT (not a snapshot of this version, or damaged). */
enum err snapshot_map(const char *path, struct snapshot *s);

/* ---- validity ---- */

/* Records that the data changed: bumps the meta "generation" counter. Every
 * write path (imports, registry writes, targets) calls it inside its write
 * transaction, so that snapshots built before are not used again. */
enum err snapshot_touch(struct store *st);
/* The database's generation and instance id (a random id set when its
 * schema was created), into instance (at least 40 bytes). */
enum err snapshot_identity(struct store *st, int64_t *generation, char instance[40]);

/* Stamps the database file db_path (call before opening it). */
void snapshot_stamp_file(const char *db_path, struct snapshot_stamp *out);

/* The snapshot of st, from the file path (NULL: none) if it is current
 * (same instance and generation, and same file stamp when both stamps are
 * valid), else built from the store and (if path is given) written there
 * with stamp for the next time. stamp may be NULL. *rebuilt tells which. */
enum err snapshot_open(struct store *st, const char *path, const struct snapshot_stamp *stamp,
		       struct snapshot *s, bool *rebuilt, struct diag_list *dl);

/* ---- reading ---- */

/* The string at offset off. */
static inline const char *snap_str(const struct snapshot *s, uint32_t off)
{
	return s->strings + off;
}
static inline const char *snap_code(const struct snapshot *s, int32_t org)
{
	return s->strings + s->orgs[org].code;
}
/* The organization with this code, or SNAP_NONE (binary search). */
int32_t snap_find(const struct snapshot *s, const char *code);
/* Did org exist on day d? */
static inline bool snap_exists(const struct snapshot *s, int32_t org, date_t d)
{
	return d >= s->orgs[org].founded && d < s->orgs[org].dissolved;
}
/* The span of org holding day d, or NULL. */
const struct snap_ospan *snap_ospan_at(const struct snapshot *s, int32_t org, date_t d);
/* Its parent on d (SNAP_NONE for a root or a day it did not exist). */
int32_t snap_parent_at(const struct snapshot *s, int32_t org, date_t d);
/* Its name on d (the last known name if it did not exist that day). */
const char *snap_name_at(const struct snapshot *s, int32_t org, date_t d);
/* Where org's members are on d: org, or where it merged (tree_follow). */
int32_t snap_follow(const struct snapshot *s, int32_t org, date_t d);

/* The snapshot's organizations by database id, for a report that reads
 * rows naming organizations by id. Free with snap_byid_free. */
struct snap_byid {
	int32_t *v;  /* per id up to max: snapshot index or SNAP_NONE */
	int64_t max;
};
void snap_byid_build(const struct snapshot *s, struct snap_byid *m);
void snap_byid_free(struct snap_byid *m);
/* The snapshot organization with database id id, or SNAP_NONE. */
static inline int32_t snap_byid_get(const struct snap_byid *m, int64_t id)
{
	return id > 0 && id <= m->max ? m->v[id] : SNAP_NONE;
}

#endif
