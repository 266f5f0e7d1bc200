/* tree: the organization tree and its history (contract §2 orgs.csv,
 * org_events.csv and "How history is read"). Pure logic, no I/O.
 *
 * A tree holds every organization that ever existed with the events of
 * its history, and derives for each the parent and the name it had on any
 * day. orgs.csv gives each organization's parent now (for an ended one:
 * when it ended); the events say how it got there:
 *   move     (from_code -> to_code): the parent changes that day;
 *   merge    (into to_code): it ends that day, and its members and
 *            sub-organizations are in to_code from that day;
 *   rename   (old_name -> new_name);
 *   dissolve: it ends that day; it must have no members left.
 * An organization exists on days from founded_on up to, not including,
 * dissolved_on. The parent before the first move is that move's from_code;
 * organizations whose parent was merged follow it to where it went.
 *
 * Organizations are identified by their index in the tree (0..n-1); the
 * caller keeps its own ids in struct tree_org.id. */
#ifndef DANGBO_DOMAIN_TREE_H
#define DANGBO_DOMAIN_TREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/diag.h"
#include "core/err.h"
#include "domain/org.h"

#define TREE_NONE (-1)

enum org_event_type { OEV_MOVE, OEV_MERGE, OEV_RENAME, OEV_DISSOLVE, OEV__MAX };

const char *org_event_type_name(enum org_event_type t);
bool org_event_type_parse(const char *s, enum org_event_type *out);

struct tree_org {
	int64_t id;       /* the caller's id (database row) */
	char *code, *name;
	enum org_kind kind;
	int parent;       /* index of the parent in orgs.csv (TREE_NONE for the root) */
	char *category, *unit_code;
	date_t founded;   /* DATE_MIN when not given */
	date_t dissolved; /* DATE_MAX when not dissolved */
	long line;        /* source line (0 if none) */
	/* derived by tree_derive: */
	int merged_into;  /* TREE_NONE, or where it merged on dissolved */
	size_t span0, nspan; /* its parent spans in tree.spans */
};

struct tree_event {
	int org;
	date_t date;
	enum org_event_type type;
	int from, to;     /* TREE_NONE when not given */
	char *old_name, *new_name;
	long line;
};

/* The parent and name of an organization over [from, to). */
struct tree_span {
	date_t from, to;
	int parent;
	const char *name; /* borrowed from the org or event */
};

struct tree {
	struct tree_org *orgs;
	size_t n, cap;
	struct tree_event *events;
	size_t nev, evcap;
	struct tree_span *spans;
	size_t nspans, spcap;
	/* code -> index hash */
	int *hash;
	size_t hcap;
};

void tree_init(struct tree *t);
void tree_free(struct tree *t);
/* Adds an organization (strings copied). Returns its index, or TREE_NONE
 * if the code is already there. */
int tree_add(struct tree *t, const struct tree_org *o);
int tree_find(const struct tree *t, const char *code);
void tree_add_event(struct tree *t, const struct tree_event *e);

/* Checks the tree and its events and derives the spans. Problems go to dl,
 * with file names orgs_file and events_file and the source lines. Checks:
 * kinds nest (on every day, under every parent), parents exist while their
 * children do, no cycles, events refer to existing organizations on their
 * dates, a move's from_code is the parent that day, a merge's date is the
 * day it ends, and replaying the events ends in orgs.csv's parents.
 * Returns ERR_OK or ERR_INPUT. */
enum err tree_derive(struct tree *t, const char *orgs_file, const char *events_file, struct diag_list *dl);

bool tree_exists(const struct tree *t, int org, date_t d);
/* The span of org holding on day d, or NULL when it did not exist. */
const struct tree_span *tree_span_at(const struct tree *t, int org, date_t d);
int tree_parent_at(const struct tree *t, int org, date_t d);
const char *tree_name_at(const struct tree *t, int org, date_t d);
/* Where org's members are on day d: org itself, or where it merged (and
 * where that merged, ...) if it had ended by a merge on or before d. */
int tree_follow(const struct tree *t, int org, date_t d);
/* Is org a descendant of (or equal to) anc on day d? */
bool tree_is_under(const struct tree *t, int org, int anc, date_t d);
/* The tree as it stood on one day: children lists in code order. */
struct tree_view {
	date_t day;
	int *first_child;  /* per org: first child index, TREE_NONE if none */
	int *next_sibling; /* per org: next sibling index */
	int *roots;        /* organizations with no parent that day */
	size_t nroots;
};
/* Builds the view of day d in O(n log n). Free with tree_view_free. */
void tree_view_build(const struct tree *t, date_t d, struct tree_view *v);
void tree_view_free(struct tree_view *v);

#endif
