/* due: what falls due, and what is overdue, in an organization's subtree
 * on a day, computed from the stored dates when asked: nothing keeps a
 * status flag true between two askings (STYLE.md: no scheduled job).
 *
 * Items, each with its day, the person, the organization and a note citing
 * the rule (working days from the shipped holiday calendar):
 *   probation_ending      probation ends within the look-ahead (due.lookahead_days)
 *   recognition_due       probation ended: the chi bộ considers recognition
 *                         within 30 working days (QĐ 294-QĐ/TW §4.2.1)
 *   recognition_overdue   ... and that day has passed
 *   committee_vote_due, decision_due / _overdue   an applicant's admission
 *                         decision within 45 working days of the chi bộ (§4.3.1)
 *   ceremony_due / _overdue   the ceremony within 30 working days (§4.1)
 *   certificate_expiring / _expired   an applicant's certificate (HD 06-HD/TW §5.4)
 *   introducer_stale      an introducer letter older than 12 months before the chi bộ vote
 *   transfer_late         introduced more than 30 working days ago, not arrived (§6.3)
 *   not_arrived           announced, not arrived after 3 months (configurable)
 *   temp_ending / temp_overdue    a temporary transfer's term
 *   exempt_ending / exempt_overdue  an exemption's term (QĐ 294-QĐ/TW §7)
 *   badge_due             a badge falls due on the next award date (§28) */
#ifndef DANGBO_APP_DUE_H
#define DANGBO_APP_DUE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/diag.h"
#include "core/err.h"
#include "store/store.h"

enum due_kind {
	DUE_PROBATION_ENDING,
	DUE_RECOGNITION,
	DUE_RECOGNITION_OVERDUE,
	DUE_COMMITTEE_VOTE,
	DUE_DECISION,
	DUE_DECISION_OVERDUE,
	DUE_CEREMONY,
	DUE_CEREMONY_OVERDUE,
	DUE_CERTIFICATE_EXPIRING,
	DUE_CERTIFICATE_EXPIRED,
	DUE_INTRODUCER_STALE,
	DUE_TRANSFER_LATE,
	DUE_NOT_ARRIVED,
	DUE_TEMP_ENDING,
	DUE_TEMP_OVERDUE,
	DUE_EXEMPT_ENDING,
	DUE_EXEMPT_OVERDUE,
	DUE_BADGE,
	DUE__MAX
};

const char *due_kind_name(enum due_kind k);
const char *due_kind_label(enum due_kind k); /* Vietnamese */
bool due_kind_overdue(enum due_kind k);

struct due_item {
	enum due_kind kind;
	date_t date;        /* the deadline, or the day it falls due */
	char *who;          /* member_id or applicant code */
	char *name;
	char *org;          /* organization code */
	char *note;         /* what and which rule */
};

/* The items of org's subtree as of day as_of, sorted by day, kind, who. */
enum err due_list(struct store *st, const char *org, date_t as_of, struct due_item **out, size_t *n,
		  struct diag_list *dl);
void due_items_free(struct due_item *v, size_t n);

#endif
