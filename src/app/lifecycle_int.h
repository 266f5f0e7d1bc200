/* lifecycle_int: what the lifecycle use cases share (admission.c,
 * lifecycle.c, transfer.c, badges.c, cards.c, due.c): one session per use
 * case (a transaction, the registry, the rule settings, the working-day
 * calendar), a member loaded with its replayed timeline, and the writing
 * of a member's new events with their extra facts, audited.
 * Internal to src/app. */
#ifndef DANGBO_APP_LIFECYCLE_INT_H
#define DANGBO_APP_LIFECYCLE_INT_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/lifecycle.h"
#include "app/ops.h"
#include "app/registry.h"
#include "core/diag.h"
#include "core/err.h"
#include "core/workday.h"
#include "domain/badge.h"
#include "domain/member.h"
#include "domain/rulebook.h"
#include "store/store.h"

struct lc_session {
	struct store *st;
	struct registry r;
	struct rule_settings rs;
	const struct workday_cal *cal;
	struct diag_list *dl;
	bool tx;          /* a write transaction is open */
	int *byid;        /* organization database id -> tree index (-1) */
	int64_t maxid;
};

/* Opens a session: a write transaction when write, the registry, the
 * settings. Problems (storage) go to dl. */
enum err lc_open(struct store *st, bool write, struct lc_session *s, struct diag_list *dl);
/* Ends a session: commits when e is ERR_OK and the session writes, else
 * rolls back; returns e or the commit's error. */
enum err lc_close(struct lc_session *s, enum err e);
/* The tree index of an organization's database id, or TREE_NONE. */
int lc_org_of_id(const struct lc_session *s, int64_t id);
/* The tree index of code, or TREE_NONE after adding "no organization" to dl
 * under column col. */
int lc_org_need(struct lc_session *s, const char *code, const char *col);
/* The province (kind province) above org on day d, or TREE_NONE. */
int lc_province_of(const struct lc_session *s, int org, date_t d);
/* The upper committee (kind upper) above org on day d, or TREE_NONE. */
int lc_upper_of(const struct lc_session *s, int org, date_t d);

/* A member as stored, with its events replayed. */
struct lc_member {
	struct member_rec m;
	struct event_rec *ev;
	size_t nev;
	struct member_facts f;      /* org is a registry_org_ref */
	struct member_event *mev;
	struct member_timeline tl;
	bool replayed;              /* the stored history replays cleanly */
	date_t new_ceremony;        /* lc_member_apply: set the ceremony date too (DATE_NONE: no) */
};

/* Loads member_id (ERR_NOTFOUND with "no member" in dl under col). */
enum err lc_member_load(struct lc_session *s, const char *member_id, const char *col, struct lc_member *out);
/* lc_open for writing, then lc_member_load of member_id: on failure the
 * session is closed already and the error returned. */
enum err lc_open_member(struct store *st, const char *member_id, struct lc_session *s, struct lc_member *x,
			struct diag_list *dl);
void lc_member_free(struct lc_member *m);
/* The member's status on day d (MS__MAX: not yet a member). */
enum member_status lc_member_status(const struct lc_member *m, date_t d);
/* The organization (tree index, merges followed) the member is in on day
 * d, or TREE_NONE when not a member that day. */
int lc_member_org(const struct lc_session *s, const struct lc_member *m, date_t d);
/* The last exit event of the history, or NULL. */
const struct event_rec *lc_member_last_exit(const struct lc_member *m);

/* Appends the events in[0..n) to m (in date order, after those of the
 * same day), updates its facts as ops_event_facts does, writes it through
 * registry_member_put (which replays it: problems go to dl) and records
 * action in the audit log with the member before and after, plus extra
 * (stolen; may be NULL) under "lifecycle" in the after record. m is
 * reloaded afterwards. */
enum err lc_member_apply(struct lc_session *s, struct lc_member *m, const struct member_event_in *in, size_t n,
			 const char *action, json_t *extra);

/* One extra fact of a lifecycle event (table member_fact). */
struct lc_fact {
	const char *kind;   /* "recognize", "remove", "exempt", "exit", "discipline", "prior_gap", ... */
	date_t date;        /* the event it belongs to */
	date_t until;       /* exemption: the end of the term; DATE_NONE */
	const char *code;   /* reason, ground, form (enum names) */
	int64_t number;     /* days (prior_gap), votes for; INT64_MIN: none */
	const char *ref;    /* decision number */
	const char *note;
};
enum err lc_fact_add(struct lc_session *s, int64_t member_row, const struct lc_fact *f);
/* The facts of a member, date order; strings owned by the array (free with
 * lc_facts_free). */
struct lc_fact_rec {
	char *kind, *code, *ref, *note;
	date_t date, until;
	int64_t number;
};
enum err lc_facts_of(struct lc_session *s, int64_t member_row, struct lc_fact_rec **out, size_t *n);
void lc_facts_free(struct lc_fact_rec *v, size_t n);
/* The JSON of a fact (for the audit record). */
json_t *lc_fact_json(const struct lc_fact *f);

/* The next free CV number of the range of org's upper committee on day d
 * (cards.c), into out; ERR_NOTFOUND (with dl) when there is no range or it
 * is used up. */
enum err lc_cv_next(struct lc_session *s, int org, date_t d, char out[16]);

/* The member_ids of the members of org's subtree on day d (their
 * membership span holds d in an organization that is, after merges, under
 * org that day), sorted; the caller frees each and the array. */
enum err lc_members_in(struct lc_session *s, int org, date_t d, char ***ids, size_t *n);

/* What the badge rules need of a member (badges.c): badges held (badge
 * events and table badge_award), the last day a wait after discipline
 * (events, and discipline carried in by a transfer record) runs to up to
 * asof, and the days outside the Party carried in by transfer records. */
struct lc_badge_info {
	bool awarded[BADGE_MILESTONES];
	date_t wait_end;
	int64_t prior_gap;
};
enum err lc_badge_info(struct lc_session *s, const struct lc_member *x, date_t asof, struct lc_badge_info *out);
/* The day the member's party age reaches years. */
date_t lc_badge_reach(const struct lc_member *x, const struct lc_badge_info *b, int years);

/* Votes "FOR/OF" (e.g. "7/9") into *votes, *base. */
bool lc_parse_votes(const char *s, int *votes, int *base);

/* Date helpers for statements: bind a date (NULL for DATE_NONE), read one. */
void lc_bind_date(struct store_stmt *q, int i, date_t d);
date_t lc_col_date(struct store_stmt *q, int i);
void lc_bind_opt_text(struct store_stmt *q, int i, const char *v);

/* Appends a line to the outcome's note (what the user should know; the
 * note is truncated, never overflowed). */
void lc_warn(struct lc_outcome *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
