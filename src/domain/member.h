/* member: member statuses, life events, and the state of a member on any
 * date derived from stored facts (contract §2 "How history is read";
 * QĐ 294-QĐ/TW §4.4 for party age). Pure logic, no I/O.
 *
 * A member's history is replayed from the facts of members.csv and the
 * member's events in date order. The replay yields the spans during which
 * the person was a member and in which organization, the periods of
 * temporary transfer and exemption, and the gaps that do not count toward
 * party age. Organizations are referred to by the caller's integer ids;
 * merges of organizations are resolved through a callback. */
#ifndef DANGBO_DOMAIN_MEMBER_H
#define DANGBO_DOMAIN_MEMBER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/diag.h"
#include "core/err.h"

enum member_status {
	MS_PROBATIONARY,
	MS_OFFICIAL,
	MS_EXEMPT,
	MS_TEMP_OUT,
	MS_SUSPENDED,
	MS_TRANSFERRED_OUT,
	MS_REMOVED,
	MS_EXPELLED,
	MS_LEFT,
	MS_DEAD,
	MS__MAX
};

enum event_type {
	EV_ADMIT,
	EV_RECOGNIZE,
	EV_TRANSFER_IN,
	EV_TRANSFER_OUT,
	EV_MOVE,
	EV_TEMP_OUT,
	EV_TEMP_BACK,
	EV_EXEMPT_START,
	EV_EXEMPT_END,
	EV_REMOVE,
	EV_EXPEL,
	EV_LEAVE,
	EV_DEATH,
	EV_READMIT,
	EV_RESTORE,
	EV_DISCIPLINE,
	EV_BADGE,
	EV__MAX
};

const char *member_status_name(enum member_status s);
const char *member_status_label(enum member_status s); /* Vietnamese */
bool member_status_parse(const char *s, enum member_status *out);
/* Statuses of people who are members now (probationary ... suspended). */
bool member_status_is_member(enum member_status s);

const char *event_type_name(enum event_type t);
const char *event_type_label(enum event_type t); /* Vietnamese */
bool event_type_parse(const char *s, enum event_type *out);
/* Events that end a membership span (transfer_out, remove, expel, leave, death). */
bool event_type_is_exit(enum event_type t);
/* Events that start a new span (transfer_in, readmit, restore). */
bool event_type_is_entry(enum event_type t);
/* The status an exit event leaves (EV_DEATH -> MS_DEAD, ...). */
enum member_status event_exit_status(enum event_type t);

/* Organization ids are int64; ORG_NONE means "not given". */
#define ORG_NONE INT64_C(0)

struct member_event {
	date_t date;
	enum event_type type;
	int64_t org;    /* org_code: where the member is (or enters) that day */
	int64_t to_org; /* to_org_code (move) */
	const char *detail;
	long line;      /* source line for diagnostics (0 if none) */
};

struct member_facts {
	const char *member_id;
	date_t decision_date;
	date_t ceremony_date; /* DATE_NONE: same as decision_date */
	date_t official_date; /* DATE_NONE: not recognized */
	int64_t org;          /* members.csv org_code */
	enum member_status status;
	long line;            /* source line in members.csv (0 if none) */
};

/* A stretch of time [from, to) during which something holds. */
struct span {
	date_t from, to;
	int64_t org; /* the organization (for membership spans) */
};

struct member_timeline {
	struct span *spans;   /* membership, split at every change of organization */
	size_t nspans;
	struct span *temp;    /* temporary transfers out */
	size_t ntemp;
	struct span *exempt;  /* exemptions */
	size_t nexempt;
	struct span *gaps;    /* not counted in party age */
	size_t ngaps;
	date_t official_from; /* date official status starts, DATE_NONE if never */
	enum member_status final_status;
	enum member_status gap_status; /* status left by an exit before a re-entry */
	date_t suspended_from;        /* DATE_NONE: not suspended */
	int64_t final_org;
};

/* Where an organization's members went on day d: returns the organization
 * that org was merged into on or before d (following chains), or org itself.
 * Also tells whether org exists on d. */
struct org_resolver {
	int64_t (*follow)(void *arg, int64_t org, date_t d);
	bool (*exists)(void *arg, int64_t org, date_t d);
	bool (*holds_members)(void *arg, int64_t org);
	const char *(*code)(void *arg, int64_t org);
	void *arg;
};

/* Replays a member's history. events must be sorted by date (stable order
 * within a day). Checks the contract's rules: events in a consistent order
 * (no exit while not a member, no entry while a member), every event's
 * org_code is where the member is that day (after merges), organizations
 * existed and hold members on the day, and the replay ends in the status
 * and organization of the facts. Problems go to dl as FILE:LINE:COLUMN with
 * file (e.g. "events.csv") and the event's line. today is the date "now".
 * Returns ERR_OK or ERR_INPUT. The caller frees tl with member_timeline_free. */
enum err member_replay(const struct member_facts *f, const struct member_event *ev, size_t n,
		       const struct org_resolver *res, date_t today, const char *facts_file,
		       const char *events_file, struct member_timeline *tl, struct diag_list *dl);
void member_timeline_free(struct member_timeline *tl);

/* The span containing d, or NULL if not a member on d. */
const struct span *member_span_at(const struct member_timeline *tl, date_t d);
/* Party age in days on day d: days since the decision date, minus gaps
 * (QĐ 294-QĐ/TW §4.4). 0 before the decision date. */
int64_t member_party_age_days(const struct member_facts *f, const struct member_timeline *tl, date_t d);
/* Whole years of party age on day d: the largest n such that the decision
 * date + n years + the gap days <= d. */
int member_party_age_years(const struct member_facts *f, const struct member_timeline *tl, date_t d);
/* Probation end (official date by rule): ceremony + 12 months (QĐ 294 §4.2.2). */
date_t member_probation_end(const struct member_facts *f);
/* Status on day d derived from the timeline (exited statuses after an exit). */
enum member_status member_status_at(const struct member_facts *f, const struct member_timeline *tl, date_t d);

#endif
