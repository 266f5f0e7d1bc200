/* lifecycle: what happens to a member after admission, as use cases:
 * official recognition and removal of a probationary member (QĐ 294-QĐ/TW
 * §4.2-4.3; HD 06-HD/TW §4), exemption from activity (§7), removal on the
 * five grounds (§8), expulsion, voluntary exit, death, and discipline
 * (QĐ 296-QĐ/TW). Each records the member's event of the contract
 * (recognize, remove, exempt_start, exempt_end, expel, leave, death,
 * discipline) through the registry, with its extra facts (decision number,
 * votes, term, ground, reason) in table member_fact, in one transaction
 * and one audit record (entity "member"). A refusal cites the rule in force
 * on the day; a deadline missed that the rules do not make fatal is
 * recorded with a warning in the outcome's note. */
#ifndef DANGBO_APP_LIFECYCLE_H
#define DANGBO_APP_LIFECYCLE_H

#include <stdbool.h>

#include "core/date.h"
#include "core/diag.h"
#include "core/err.h"
#include "domain/member.h"
#include "store/store.h"

/* What a use case tells the user besides success: the date recorded, and
 * warnings (late steps) with their citations. */
struct lc_outcome {
	date_t date;
	char note[480];
};

/* Recognition, or removal, of a probationary member. */
struct probation_in {
	const char *member_id;
	date_t resolution;            /* the chi bộ resolution */
	const char *votes;            /* chi bộ: FOR/OF official members */
	const char *committee_votes;  /* grassroots committee (members of a cell under one): FOR/OF */
	date_t decision;              /* the competent committee's decision */
	const char *decision_votes;   /* standing committee FOR/OF (optional) */
	bool extended;                /* special case: +15 working days for the decision */
	const char *ref;              /* decision number */
};

/* Recognizes a probationary member: official as of the day probation ends
 * (ceremony + 12 months, QĐ 294-QĐ/TW §4.2.2) whatever the day of the
 * decision. Refused before probation ends, when a vote does not reach its
 * threshold, or when the member is not probationary. A resolution later
 * than 30 working days after probation ends, or a decision later than 30
 * (45) working days after the resolution, is recorded with a warning. */
enum err lifecycle_recognize(struct store *st, const struct probation_in *in, struct lc_outcome *out,
			     struct diag_list *dl);
/* Removes (xóa tên) a probationary member who does not qualify, by the
 * same votes (HD 06-HD/TW §4.6): a remove event on the decision date. */
enum err lifecycle_remove_probationary(struct store *st, const struct probation_in *in, struct lc_outcome *out,
				       struct diag_list *dl);

struct exempt_in {
	const char *member_id;
	date_t date;
	const char *reason;  /* exempt_reason_name: age, health, treatment, abroad, ... */
	date_t until;        /* the end of the term (required but for age and health) */
	const char *ref;
	const char *note;
};
enum err lifecycle_exempt_start(struct store *st, const struct exempt_in *in, struct lc_outcome *out,
				struct diag_list *dl);
enum err lifecycle_exempt_end(struct store *st, const char *member_id, date_t date, const char *ref,
			      struct lc_outcome *out, struct diag_list *dl);

struct exit_in {
	const char *member_id;
	enum event_type type;        /* EV_REMOVE, EV_EXPEL, EV_LEAVE, EV_DEATH */
	date_t date;
	const char *ground;          /* removal: 1-5 or its name (QĐ 294-QĐ/TW §8.1) */
	const char *reason;          /* exit_reason_name (expulsion, leaving: hardship) */
	const char *votes, *committee_votes, *decision_votes; /* optional, checked when given */
	const char *ref;
	const char *note;
};
/* Removal needs one of the five grounds; a probationary member is removed,
 * not expelled (configurable, QĐ 296-QĐ/TW Điều 16.3). */
enum err lifecycle_exit(struct store *st, const struct exit_in *in, struct lc_outcome *out, struct diag_list *dl);

struct discipline_in {
	const char *member_id;
	const char *form;    /* reprimand, warning, dismissal, expulsion, or the Vietnamese words */
	date_t date;
	const char *reason;
	const char *ref;
};
/* Records a discipline event (detail: the Vietnamese form, then the
 * reason); expulsion is an expel event. A probationary member may only be
 * reprimanded or warned (configurable). */
enum err lifecycle_discipline(struct store *st, const struct discipline_in *in, struct lc_outcome *out,
			      struct diag_list *dl);

#endif
