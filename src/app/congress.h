/* congress: planning and tracking party congresses (đại hội) per
 * organization and term, and the convened roster (issue 5 items 1–2;
 * rules.md §1.4, §1.7, §1.9).
 *
 * A congress is one row per organization and term ("2025-2030"): members'
 * or delegates' congress, pilot flag, direct election of the secretary (a
 * flag per congress cycle: rules.md §1.7 gives it low confidence, so it is
 * recorded as the organization decided), the planned date, the date of the
 * convening notice (at least 30 working days before the opening: QĐ
 * 294-QĐ/TW §11–16), the date it was held and the four contents as free
 * text. Every write is in the audit log (entity "congress": CODE/TERM).
 *
 * The roster is read from the registry on the congress day (the held date,
 * else the planned date): the official members of the organization's
 * subtree that day, each with a statutory exclusion or none; probationary
 * members are listed apart (they neither vote nor stand). Freezing writes it
 * to the store, replacing an earlier freeze.
 *
 * The roster of a delegates' congress (đại hội đại biểu) of X for term T is
 * not read from the registry's members but from the delegates the congresses
 * (same term) of X's directly subordinate organizations elected and recorded
 * (congress_result_put of a "delegates" count), each with the organization
 * that elected them, plus the members of X's outgoing committee (the
 * committee recorded at X's latest congress of an earlier term) ex officio:
 * rules.md §1.4 and §1.8 (QĐ 190-QĐ/TW Điều 30, QĐ 294-QĐ/TW §11.4) count
 * convening-committee members among those convened (an absent one leaves the
 * base and no alternate takes the place); rules.md gives this at medium
 * confidence, so it is the documented default (docs/elections.md). An
 * official delegate absent for the whole congress, or no longer an official
 * member of X's subtree on the congress day (died, expelled, removed, moved
 * away: a documented default, the rules do not say), is replaced by the next
 * alternate of the same electing organization in the order elected (QĐ
 * 294-QĐ/TW §11.4.2: vote order, ties by party age, as `election count`
 * gives it in "promotion"); with none left, an absent delegate is excluded
 * from the base (delegate_absent_no_alternate) and a lapsed delegate's seat
 * stays empty. */
#ifndef DANGBO_APP_CONGRESS_H
#define DANGBO_APP_CONGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/err.h"
#include "domain/congress.h"
#include "domain/election.h"
#include "domain/org.h"
#include "store/store.h"

/* The four contents of a congress, optional free text. */
enum congress_content {
	CC_POLITICAL_REPORT,  /* báo cáo chính trị */
	CC_COMMITTEE_REVIEW,  /* kiểm điểm của cấp ủy */
	CC_ELECTION,          /* bầu cấp ủy */
	CC_DELEGATES,         /* bầu đại biểu dự đại hội cấp trên */
	CC__MAX
};

struct congress_plan {
	const char *org_code, *term;  /* term as "YYYY-YYYY" */
	enum congress_kind kind;
	bool pilot, direct_secretary;
	date_t planned;               /* the planned opening */
	date_t notice;                /* DATE_NONE when not given */
	const char *contents[CC__MAX]; /* NULL when not given */
};

/* Whether term reads "YYYY-YYYY" with the second year after the first. */
bool congress_term_valid(const char *term);

/* Plans (or re-plans) the congress of p->org_code for p->term, in its own
 * transaction, audited ("congress.plan"). Refuses (ERR_INPUT) a bad term, a
 * notice fewer than 30 working days before the planned opening (QĐ
 * 294-QĐ/TW §11–16; working days on the database's calendar, app/calendar.h), and re-planning a congress already held; ERR_NOTFOUND
 * for an unknown organization; ERR_STORE. msg says why. */
enum err congress_plan_put(struct store *st, const struct congress_plan *p, struct buf *msg);

/* Records that the congress of org_code for term was held (opened) on day,
 * audited ("congress.hold"). ERR_NOTFOUND when it was never planned;
 * ERR_INPUT when its notice was fewer than 30 working days before day
 * (QĐ 294-QĐ/TW §11–16). */
enum err congress_hold(struct store *st, const char *org_code, const char *term, date_t day, struct buf *msg);

/* Held over planned per kind of organization over a subtree. */
struct congress_progress {
	int64_t planned[ORG_KIND__MAX];
	int64_t held[ORG_KIND__MAX];   /* held on or before the as-of day */
	int64_t direct_secretary[ORG_KIND__MAX]; /* planned with direct election of the secretary */
	int64_t pilot[ORG_KIND__MAX];
};

/* Counts the congresses of term planned for org_code's subtree as it stood
 * on as_of (the organization itself included). ERR_NOTFOUND for an unknown
 * organization, ERR_INPUT for a bad term, ERR_STORE. */
enum err congress_progress_get(struct store *st, const char *org_code, const char *term, date_t as_of,
			       struct congress_progress *out, struct buf *msg);

/* The seat a person of a roster holds. */
enum congress_seat {
	CSEAT_MEMBER,     /* members' congress: a member of the organization */
	CSEAT_DELEGATE,   /* official delegate elected by a lower congress */
	CSEAT_ALTERNATE,  /* alternate seated in place of an official delegate */
	CSEAT_EX_OFFICIO, /* member of the convening organization's outgoing committee */
	CSEAT_RESERVE,    /* alternate not seated: listed apart, not convened */
	CSEAT_LAPSED,     /* elected, but no longer an official member on the day: not convened */
	CSEAT__MAX
};

/* "member", "delegate", "alternate", "ex_officio", "reserve", "lapsed";
 * Vietnamese labels; NULL when out of range. */
const char *congress_seat_name(enum congress_seat s);
const char *congress_seat_label(enum congress_seat s);
bool congress_seat_parse(const char *s, enum congress_seat *out);

/* One person of a roster (strings owned by the roster). */
struct congress_person {
	char *member_id, *full_name;
	bool official;                 /* convened (members' congress: false = probationary,
					* listed apart; delegates' congress: false = not
					* convened: replaced, reserve or lapsed) */
	int exclusion;                 /* enum election_exclusion, or -1 */
	enum congress_seat seat;
	char *elected_by;              /* code of the electing organization, or NULL */
	char *replaces;                /* an alternate: member_id of the delegate replaced */
};

struct congress_roster {
	enum congress_kind kind;
	date_t day;                    /* the congress day the roster is read on */
	struct congress_person *v;
	size_t n;
	struct congress_base base;     /* the counts (domain/congress.h) */
	bool frozen;                   /* read from the frozen roster in the store */
};

/* One exclusion asked for: member_id and the reason. */
struct congress_exclusion {
	const char *member_id;
	enum election_exclusion reason;
};

/* Reads the roster of the congress of org_code for term on its day (a
 * members' congress: from the registry; a delegates' congress: from the
 * delegates recorded, see the top of this file), applies the absences (a
 * delegates' congress only: each names a delegate, alternate or ex officio
 * member of the roster, once) and the exclusions (each must name a convened
 * person of the roster, once, with a reason that applies to the congress's
 * kind: QĐ 190-QĐ/TW Điều 30; committee_absent and
 * delegate_absent_no_alternate count as absences and must come out so), and
 * with freeze writes it to the store (audited "congress.roster"). Without
 * freeze, exclusions and absences, a roster frozen before is read back as it
 * was stored (out->frozen), whatever the registry says now. Free with
 * congress_roster_free. ERR_NOTFOUND (no such organization or congress),
 * ERR_INPUT (a bad exclusion or absence), ERR_STORE. */
enum err congress_roster_get(struct store *st, const char *org_code, const char *term,
			     const struct congress_exclusion *ex, size_t nex, const char *const *absent,
			     size_t nabsent, bool freeze, struct congress_roster *out, struct buf *msg);
void congress_roster_free(struct congress_roster *r);

/* Records the result of an election count (the JSON that `dangbo election
 * count --format json` prints: contract §4) as the committee, secretary or
 * delegates elected at the congress of org_code for term, replacing an
 * earlier result of the same election, audited ("congress.result").
 * "committee", "secretary" and "delegates" elections are recorded; every
 * elected candidate's id must be the member_id of a convened person on the
 * congress's frozen roster (dangbo congress roster --freeze). A "delegates"
 * result records the official delegates in their order and the alternates
 * in their order of promotion (QĐ 294-QĐ/TW §11.4), for the congress of the
 * same term of the organization's parent, which must be planned as a
 * delegates' congress; nobody may hold a seat from two organizations there.
 * *role ("committee", "secretary", "delegates") and *n receive what was
 * recorded. ERR_NOTFOUND (no organization, congress or frozen roster),
 * ERR_INPUT (the file is not such a result, names someone not on the
 * roster, or delegates for a members' congress), ERR_STORE. */
enum err congress_result_put(struct store *st, const char *org_code, const char *term, const char *path,
			     const char **role, size_t *n, struct buf *msg);

#endif
