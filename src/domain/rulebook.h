/* rulebook: the rules of the member lifecycle as data, versioned by the
 * date they came into force (rules.md §0, §4).
 *
 * Each rule has an id, a key users and documents name it by
 * ("admission.decision_days"), a unit, how sure we are of it, and one
 * version per text that set it: the text in force on a day is the latest
 * version whose effective date is on or before that day. The versions are
 *   - QĐ 24-QĐ/TW (30/7/2021) with HD 01-HD/TW, applied to every date
 *     before 01/7/2025 (earlier texts, QĐ 29-QĐ/TW of 2016, are taken to say
 *     the same: where a figure of an older text could not be established the
 *     figure of QĐ 294 is kept and the version's note says so);
 *   - QĐ 294-QĐ/TW (26/5/2025, in force 01/7/2025) with HD 06-HD/TW and
 *     HD 38-HD/BTCTW, and QĐ 347-QĐ/TW for the card (from 02/9/2025).
 * A rule a check applies is the one in force on the date the rule speaks
 * of (the day the chi bộ considers the case, the day of the decision...).
 *
 * Rules whose source is local or weak (rules.md marks them medium-local or
 * low) are configurable: a struct rule_settings, loaded by the caller from
 * the store, overrides their number for every date. The others are not.
 * Pure data, no I/O. */
#ifndef DANGBO_DOMAIN_RULEBOOK_H
#define DANGBO_DOMAIN_RULEBOOK_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/diag.h"

enum rule_id {
	/* admission (kết nạp) */
	RULE_AGE_MIN,             /* months of age, at least, on the day the chi bộ considers */
	RULE_AGE_MAX,             /* months of age, at most, without a recorded consent */
	RULE_EDUCATION,           /* no number: lower-secondary diploma (not checked, cited) */
	RULE_INTRODUCERS,         /* number of introducers (a Youth Union or union resolution counts as one) */
	RULE_INTRODUCER_MONTHS,   /* months worked or lived together, at least */
	RULE_VOTE_CELL,           /* share of the chi bộ's official members, at least */
	RULE_VOTE_COMMITTEE,      /* share of the grassroots committee, at least */
	RULE_VOTE_STANDING,       /* share of the deciding standing committee, more than */
	RULE_VOTE_AUTHORISED,     /* share of an authorised grassroots committee, at least */
	RULE_VOTE_ROUNDS,         /* failed chi bộ votes before the upper committee takes the case */
	RULE_DECISION_DAYS,       /* working days from the chi bộ resolution to the decision */
	RULE_DECISION_EXTRA_DAYS, /* working days more in special cases */
	RULE_CEREMONY_DAYS,       /* working days from the decision to the ceremony */
	RULE_CERT_MONTHS,         /* months the awareness-course certificate is valid */
	RULE_DOSSIER_MONTHS,      /* months after which an unconsidered dossier is redone */
	RULE_READMIT_MONTHS,      /* months after leaving before re-admission */
	RULE_READMIT_SENTENCE_MONTHS, /* months after a cleared sentence */
	RULE_READMIT_ONCE,        /* no number: re-admitted once only */
	RULE_READMIT_EXCLUDED,    /* no number: exits that bar re-admission */
	/* probation and recognition */
	RULE_PROBATION_MONTHS,    /* months of probation from the ceremony */
	RULE_RECOGNITION_DAYS,    /* working days after probation ends for the chi bộ */
	RULE_RECOGNITION_DECISION_DAYS, /* working days from the chi bộ resolution to the decision */
	RULE_PROBATION_REMOVAL,   /* no number: removal of a probationary member, same votes */
	/* transfers */
	RULE_TRANSFER_START_DAYS, /* working days from the decision or move to the introduction */
	RULE_TRANSFER_REPORT_DAYS, /* working days from the introduction to reporting at the new cell */
	RULE_NOT_ARRIVED_MONTHS,  /* months after the introduction: "announced, not arrived" (configurable) */
	RULE_TEMP_MIN_MONTHS,     /* temporary transfer: months, at least */
	RULE_TEMP_MAX_MONTHS,     /* temporary transfer: months, less than */
	RULE_TEMP_STUDY_MAX_MONTHS, /* temporary transfer for study: months, at most */
	/* exemption, exits, discipline */
	RULE_EXEMPT,              /* no number: who decides, term for reasons other than age */
	RULE_REMOVAL_GROUNDS,     /* no number: the five grounds of removal */
	RULE_EXPEL_PROBATIONARY,  /* mode: 1 = a probationary member is removed, not expelled, and
				     may only be reprimanded or warned (configurable) */
	RULE_DISCIPLINE_FORMS,    /* no number: reprimand, warning, removal from post, expulsion */
	/* badges */
	RULE_BADGE_MILESTONES,    /* no number: 30, 40, 45 ... 90 years */
	RULE_BADGE_DATES,         /* no number: 03/02, 19/5, 02/9, 07/11 */
	RULE_BADGE_EARLY_MONTHS,  /* months early for serious illness, 30-65 year badges */
	RULE_BADGE_EARLY_70_MONTHS, /* months early for serious illness, 70-90 year badges */
	RULE_BADGE_POSTHUMOUS_MONTHS, /* months early for a posthumous award */
	RULE_BADGE_WAIT_REPRIMAND, /* months after a reprimand */
	RULE_BADGE_WAIT_WARNING,  /* months after a warning */
	RULE_BADGE_WAIT_DISMISSAL, /* months after removal from post */
	RULE_BADGE_BATCHING,      /* mode: 0 = the first award date on or after the day the
				     milestone is reached; 1 = Hà Nội's windows (configurable) */
	RULE_BADGE_NUMBER,        /* no number: the pattern of each milestone, per province */
	/* cards and CV numbers */
	RULE_CARD_ID,             /* no number: the 12-digit personal id */
	RULE_CV_NUMBER,           /* no number: 6 digits + province letters, ranges */
	RULE_CV_RANGE_FACTOR,     /* a range is at least this many times the membership (configurable) */
	/* the due list (a product setting, not a rule of the Party) */
	RULE_DUE_LOOKAHEAD_DAYS,  /* days ahead the due list looks for things coming due */
	RULE__MAX
};

enum rule_unit {
	RU_NONE,       /* a rule without a number */
	RU_COUNT,      /* a plain number */
	RU_MONTHS,
	RU_WORKDAYS,
	RU_DAYS,
	RU_AT_LEAST,   /* a share value/den that must be reached */
	RU_MORE_THAN,  /* a share value/den that must be exceeded */
	RU_MODE,       /* a choice among documented values */
	RU__MAX
};

enum rule_confidence { RC_HIGH, RC_MEDIUM, RC_LOW, RC_LOCAL, RC_SETTING, RC__MAX };

/* What a rule is, whatever the version. */
struct rule_info {
	const char *key;    /* "admission.decision_days" */
	const char *label;  /* Vietnamese, for people */
	enum rule_unit unit;
	enum rule_confidence confidence;
	bool configurable;  /* rule_settings may override it */
	int min, max;       /* the values a setting may take (configurable rules) */
};

/* One version of a rule: what one text says, from the day it is in force. */
struct rule_version {
	enum rule_id id;
	date_t from;        /* in force from this day; DATE_MIN for the oldest */
	const char *cite;   /* "QĐ 294-QĐ/TW §4.3.1" */
	int value, den;     /* the number; a share is value/den (den 0 otherwise) */
	const char *note;   /* where the figure comes from, what is not known */
};

/* Overrides of the configurable rules (loaded from the store). */
struct rule_settings {
	bool set[RULE__MAX];
	int value[RULE__MAX];
};

const struct rule_info *rule_info(enum rule_id id);
/* The id whose key is key, or false. */
bool rule_find(const char *key, enum rule_id *out);
const char *rule_unit_name(enum rule_unit u);
const char *rule_confidence_name(enum rule_confidence c);
/* The version in force on day d (the oldest for days before it). Never NULL
 * for a valid id. */
const struct rule_version *rule_at(enum rule_id id, date_t d);
/* Every version, in id then date order; *n receives the count. */
const struct rule_version *rule_versions(size_t *n);
/* The number of the rule on day d: the setting if the rule is configurable
 * and s (may be NULL) sets it, else the version's value. */
int rule_value(const struct rule_settings *s, enum rule_id id, date_t d);
/* The citation of the version in force on d. */
const char *rule_cite(enum rule_id id, date_t d);
/* Does votes out of base pass the share rule id on day d? base must be
 * positive; integer arithmetic (no rounding). */
bool rule_share_passes(enum rule_id id, date_t d, int votes, int base);
/* Checks that value is allowed for a setting of id; false with a reason in
 * why (at least 160 bytes) otherwise. */
bool rule_setting_valid(enum rule_id id, long value, char *why, size_t n);

/* Adds a refusal to dl: "CITATION: message", under column col. The
 * citation is the one in force on day d. Returns false, so that checks can
 * end with "return rule_refuse(...)". */
bool rule_refuse(struct diag_list *dl, const char *col, enum rule_id id, date_t d, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

#endif
