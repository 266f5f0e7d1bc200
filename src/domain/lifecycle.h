/* lifecycle: the rules of a member's life after admission as pure checks
 * (rules.md §4.1-§4.8): age on the day the chi bộ considers a case, votes,
 * working-day deadlines, introducers, re-admission, probation, temporary
 * transfers, exemption, removal grounds, discipline forms.
 *
 * A check returns true when the rule allows what is asked, and otherwise
 * adds one refusal per broken rule to dl, as "CITATION: message" under the
 * column (option) concerned, with the citation of the text in force on the
 * day the rule speaks of (domain/rulebook.h). Deadlines count working days
 * with the calendar given (core/workday.h; NULL: Monday to Friday).
 * Pure logic, no I/O. */
#ifndef DANGBO_DOMAIN_LIFECYCLE_H
#define DANGBO_DOMAIN_LIFECYCLE_H

#include <stdbool.h>

#include "core/date.h"
#include "core/diag.h"
#include "core/workday.h"
#include "domain/member.h"
#include "domain/org.h"
#include "domain/rulebook.h"

/* ---- admission ---- */

/* Age counted in months on the day the chi bộ considers the case
 * (QĐ 294-QĐ/TW §1.1): at least 18 years 0 months; at most 60 years 0
 * months unless a consent is recorded. */
bool lc_check_age(const struct rule_settings *rs, date_t birth, date_t consider, bool consent,
		  struct diag_list *dl);
/* An introducer (QĐ 294-QĐ/TW §3.2.1): official member on day on (the
 * caller says), working or living together with the applicant since since,
 * for at least 12 months by day on. who names the introducer in messages. */
bool lc_check_introducer(const struct rule_settings *rs, date_t on, bool official_on, date_t since,
			 const char *who, struct diag_list *dl);
/* A vote: votes out of base pass the share rule (RULE_VOTE_*) in force on
 * day d. Adds a refusal under col when they do not (or base is not
 * positive, or votes > base). */
bool lc_check_vote(enum rule_id rule, date_t d, int votes, int base, const char *col, struct diag_list *dl);
/* The last day of a working-day limit: workday_add(from, the rule's
 * number, plus RULE_DECISION_EXTRA_DAYS when extended). */
date_t lc_deadline(const struct rule_settings *rs, const struct workday_cal *cal, enum rule_id rule, date_t from,
		   bool extended);
/* The last day an awareness-course certificate of day cert is valid
 * (HD 06-HD/TW §5.4): cert + 60 months. */
date_t lc_certificate_end(const struct rule_settings *rs, date_t cert);

/* ---- re-admission (QĐ 294-QĐ/TW §3.5) ---- */

/* Why a person left, as far as re-admission is concerned. */
enum exit_reason {
	XR_NONE,              /* not recorded */
	XR_CORRUPTION,        /* convicted of corruption */
	XR_SERIOUS_CRIME,     /* convicted of a serious crime or worse */
	XR_LESS_SERIOUS_CRIME, /* convicted of a less serious crime */
	XR_DISUNITY,          /* serious internal disunity */
	XR_HARDSHIP,          /* asked to leave for special family hardship */
	XR_OTHER,
	XR__MAX
};
const char *exit_reason_name(enum exit_reason r);
const char *exit_reason_label(enum exit_reason r);
bool exit_reason_parse(const char *s, enum exit_reason *out);

/* The five grounds of removal (QĐ 294-QĐ/TW §8.1), numbered 1 to 5 there. */
enum removal_ground {
	RG_ABANDON,        /* 1: abandoning activity or 3 months of dues unpaid in a year */
	RG_CARD,           /* 2: returning or destroying the party card */
	RG_NO_PROGRESS,    /* 3: no will, no progress after 12 months of education */
	RG_STANDARDS,      /* 4: membership standards violated two years running */
	RG_POLITICAL,      /* 5: political standards not met */
	RG__MAX
};
const char *removal_ground_name(enum removal_ground g);
const char *removal_ground_label(enum removal_ground g);
/* "1".."5" or a name ("abandon", "card", "no_progress", "standards", "political"). */
bool removal_ground_parse(const char *s, enum removal_ground *out);

struct readmit_case {
	enum event_type exit_type; /* the last exit (EV_REMOVE, EV_EXPEL, EV_LEAVE, ...); EV__MAX: none */
	date_t exit_date;
	int ground;                /* enum removal_ground of a removal, or -1 */
	enum exit_reason reason;
	bool readmitted_before;    /* the history holds a readmit */
	date_t sentence_cleared;   /* DATE_NONE: no sentence */
};
/* May a former member be re-admitted when the chi bộ considers it on day
 * consider? At least 36 months after leaving (60 after a cleared sentence),
 * once only, never after abandoning activity, asking to leave (but for
 * special family hardship), disunity, corruption or a serious crime. */
bool lc_check_readmission(const struct rule_settings *rs, const struct readmit_case *c, date_t consider,
			  struct diag_list *dl);

/* ---- probation (QĐ 294-QĐ/TW §4.2) ---- */

/* The day probation ends and official status begins: ceremony + 12 months
 * (the rule in force on the ceremony day). */
date_t lc_probation_end(const struct rule_settings *rs, date_t ceremony);

/* ---- transfers (QĐ 294-QĐ/TW §6.3) ---- */

/* A temporary transfer from from to until: 3 months to under 1 year; for
 * full-time study 3 months to 2 years. */
bool lc_check_temp(const struct rule_settings *rs, date_t from, date_t until, bool study, struct diag_list *dl);
/* The day a transfer introduced on day introduced and not arrived is
 * flagged "announced, not arrived" (configurable, 3 months by default). */
date_t lc_not_arrived_day(const struct rule_settings *rs, date_t introduced);

/* ---- exemption (QĐ 294-QĐ/TW §7) ---- */

enum exempt_reason {
	XM_AGE,        /* old age */
	XM_HEALTH,     /* weak health, with a medical certificate */
	XM_TREATMENT,  /* long-term or distant medical treatment */
	XM_ABROAD,     /* abroad for private reasons */
	XM_REMOTE,     /* isolated labour where there is no party organisation */
	XM_MOBILE,     /* mobile work in the country, under a year */
	XM_RETIRING,   /* waiting for retirement */
	XM_MATERNITY,  /* maternity leave */
	XM__MAX
};
const char *exempt_reason_name(enum exempt_reason r);
const char *exempt_reason_label(enum exempt_reason r);
bool exempt_reason_parse(const char *s, enum exempt_reason *out);
/* Old age and weak health: the chi bộ decides, no term. */
bool exempt_reason_is_age(enum exempt_reason r);
/* Who decides an exemption for a member of an organization of kind k:
 * the chi bộ (old age, health); else the grassroots committee, or the upper
 * standing committee for a base cell directly under it. Vietnamese. */
const char *exempt_decider(enum exempt_reason r, enum org_kind k);
/* An exemption from from to until (DATE_NONE: none): a reason other than
 * age or health needs a term ending after from. */
bool lc_check_exemption(const struct rule_settings *rs, enum exempt_reason r, date_t from, date_t until,
			struct diag_list *dl);

/* ---- discipline (Điều lệ Đảng Điều 35; QĐ 296-QĐ/TW Điều 9) ---- */

enum discipline_form { DF_REPRIMAND, DF_WARNING, DF_DISMISSAL, DF_EXPULSION, DF__MAX };
const char *discipline_form_name(enum discipline_form f);  /* "reprimand" */
const char *discipline_form_label(enum discipline_form f); /* "khiển trách" */
/* The English name or the Vietnamese word (any case, with or without
 * diacritics). */
bool discipline_form_parse(const char *s, enum discipline_form *out);
/* The form named somewhere in a free text (an event's detail), if any. */
bool discipline_form_in_text(const char *text, enum discipline_form *out);
/* A probationary member may only be reprimanded or warned, and is removed
 * instead of expelled (QĐ 296-QĐ/TW Điều 9, 16.3; configurable). */
bool lc_check_discipline(const struct rule_settings *rs, enum discipline_form f, bool probationary, date_t d,
			 struct diag_list *dl);

#endif
