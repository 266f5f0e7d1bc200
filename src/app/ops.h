/* ops: single changes to the registry made by a user (CLI or API): add,
 * move, merge, dissolve or rename an organization; add a member; record a
 * member's event. Each is checked by the same rules as an import, and
 * written in one transaction or not at all. */
#ifndef DANGBO_APP_OPS_H
#define DANGBO_APP_OPS_H

#include "core/date.h"
#include "core/diag.h"
#include "core/err.h"
#include "domain/member.h"
#include "domain/org.h"
#include "domain/tree.h"
#include "store/store.h"

enum org_op { ORG_OP_ADD, ORG_OP_MOVE, ORG_OP_MERGE, ORG_OP_DISSOLVE, ORG_OP_RENAME };

struct org_change {
	enum org_op op;
	const char *code;
	date_t date;          /* move/merge/dissolve/rename: the day; add: founded_on (DATE_MIN if none) */
	const char *name;     /* add, rename */
	enum org_kind kind;   /* add */
	const char *parent;   /* add */
	const char *target;   /* move: new parent; merge: where it merges into */
	const char *category; /* add */
	const char *unit_code;/* add */
};

/* Applies one change. Problems (unknown codes, kinds that cannot nest,
 * members left in a dissolved organization, ...) go to dl. */
enum err ops_org(struct store *st, const struct org_change *c, struct diag_list *dl);

struct member_event_in {
	const char *member_id;
	enum event_type type;
	date_t date;
	const char *org;    /* transfer_in, readmit, restore: where to; move: from (optional) */
	const char *to_org; /* move: where to */
	const char *detail;
};

struct member_rec;
/* The member's current facts after the event in (status, organization,
 * official date), org and to_org being in's organizations as tree indexes:
 * what ops_member_event stores. The server uses it to try which events the
 * rules allow next. */
void ops_event_facts(struct member_rec *m, const struct member_event_in *in, int org, int to_org);

/* Records an event and updates the member's current facts accordingly
 * (status, organization, official date). */
enum err ops_member_event(struct store *st, const struct member_event_in *in, struct diag_list *dl);

struct member_new {
	const char *member_id, *full_name, *gender, *ethnicity, *religion, *card_number, *org;
	date_t birth_date, decision_date, ceremony_date;
};

/* Adds a probationary member (admitted on decision_date, in org). */
enum err ops_member_add(struct store *st, const struct member_new *in, struct diag_list *dl);

#endif
