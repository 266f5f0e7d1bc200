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
 * to the store, replacing an earlier freeze. */
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

/* One person of a roster (strings owned by the roster). */
struct congress_person {
	char *member_id, *full_name;
	bool official;                 /* false: probationary, listed apart */
	int exclusion;                 /* enum election_exclusion, or -1 */
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

/* Reads the roster of the congress of org_code for term from the registry
 * on its day, applies the exclusions (each must name an official member of
 * the roster, once, with a reason that applies to the congress's kind:
 * QĐ 190-QĐ/TW Điều 30), and with freeze writes it to the store (audited
 * "congress.roster"). Without freeze and without exclusions, a roster frozen
 * before is read back as it was stored (out->frozen), whatever the registry
 * says now. Free with congress_roster_free. ERR_NOTFOUND (no such
 * organization or congress), ERR_INPUT (a bad exclusion), ERR_STORE. */
enum err congress_roster_get(struct store *st, const char *org_code, const char *term,
			     const struct congress_exclusion *ex, size_t nex, bool freeze,
			     struct congress_roster *out, struct buf *msg);
void congress_roster_free(struct congress_roster *r);

/* Records the result of an election count (the JSON that `dangbo election
 * count --format json` prints: contract §4) as the committee or secretary
 * elected at the congress of org_code for term, replacing an earlier result
 * of the same election, audited ("congress.result"). Only "committee" and
 * "secretary" elections are recorded; every elected candidate's id must be
 * the member_id of an official member on the congress's frozen roster
 * (dangbo congress roster --freeze). *role and *n receive what was recorded.
 * ERR_NOTFOUND (no organization, congress or frozen roster), ERR_INPUT (the
 * file is not such a result, or names someone not on the roster), ERR_STORE. */
enum err congress_result_put(struct store *st, const char *org_code, const char *term, const char *path,
			     const char **role, size_t *n, struct buf *msg);

#endif
