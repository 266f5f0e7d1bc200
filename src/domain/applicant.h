/* applicant: the admission pipeline of one person (quần chúng ưu tú)
 * as a list of dated steps, the checks each new step must pass, and the
 * state the steps leave (what is done, what comes next, by when).
 * QĐ 294-QĐ/TW §§1, 3, 4; HD 06-HD/TW §§3, 5; rules.md §4.1, §4.2.
 *
 * Steps, in the order of the dossier (HD 06-HD/TW §8.1):
 *   helper          an official member assigned to help (person)
 *   course          the awareness-course certificate (valid 60 months)
 *   application     the application letter
 *   introducer      an introducer's letter (person: an official member on
 *                   that day; since: when they began working or living
 *                   together, at least 12 months before)
 *   union           the Youth Union or union resolution (replaces one introducer)
 *   cell_vote       the chi bộ resolution: votes over its official members
 *                   (>= 2/3); age 18-60 counted in months on that day;
 *                   a failed vote is recorded; after 3 the upper committee
 *                   takes the case
 *   committee_vote  the grassroots committee (>= 2/3), for a cell under one
 *   decision        the admission decision (> 1/2 of the standing
 *                   committee, or >= 2/3 of an authorised grassroots
 *                   committee) within 45 working days of the chi bộ
 *                   resolution (+15 in special cases)
 *   ceremony        within 30 working days of the decision (later with the
 *                   upper committee's consent): the person becomes a
 *                   probationary member
 *   drop            taken off the list
 * Nothing here is stored as a status: the state is derived from the steps
 * whenever it is asked for. Pure logic, no I/O. */
#ifndef DANGBO_DOMAIN_APPLICANT_H
#define DANGBO_DOMAIN_APPLICANT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/diag.h"
#include "core/workday.h"
#include "domain/rulebook.h"

enum applicant_step {
	AS_HELPER,
	AS_COURSE,
	AS_APPLICATION,
	AS_INTRODUCER,
	AS_UNION,
	AS_CELL_VOTE,
	AS_COMMITTEE_VOTE,
	AS_DECISION,
	AS_CEREMONY,
	AS_DROP,
	AS__MAX
};

const char *applicant_step_name(enum applicant_step s);
const char *applicant_step_label(enum applicant_step s); /* Vietnamese */
bool applicant_step_parse(const char *s, enum applicant_step *out);

/* Flags of a step. */
enum {
	ASF_EXTENDED = 1u << 0,   /* decision: the special-case extension (+15 working days) */
	ASF_AUTHORISED = 1u << 1, /* decision: by an authorised grassroots committee (>= 2/3) */
	ASF_LATE_OK = 1u << 2,    /* decision or ceremony past its limit, with the consent in ref/note */
	ASF_PASSED = 1u << 3,     /* a vote that reached its threshold (set by applicant_check_step) */
};

struct applicant_step_rec {
	enum applicant_step step;
	date_t date;
	int votes_for, votes_base; /* votes; 0/0 when not a vote */
	const char *person;        /* helper, introducer: a member_id or a name */
	date_t since;              /* introducer: working or living together since */
	const char *ref;           /* certificate, decision number, consent */
	unsigned flags;            /* ASF_* */
};

/* What the steps need to know of the person. */
struct applicant_facts {
	date_t birth;
	date_t listed;         /* put on the list of outstanding people */
	bool consent;          /* over 60: the consent is recorded */
	bool needs_committee;  /* the chi bộ is a cell under a grassroots committee */
};

/* The state the steps leave. Dates are DATE_NONE when not done. */
struct applicant_state {
	date_t helper, course, application;
	int introducers;          /* introducer letters + union resolutions */
	int failed_cell_votes;
	date_t cell_vote;         /* the passing chi bộ resolution */
	date_t committee_vote;    /* the passing grassroots committee resolution */
	date_t decision, ceremony, dropped;
	unsigned decision_flags;
	enum applicant_step next; /* the step expected next; AS__MAX when finished or dropped */
	date_t deadline;          /* last day for next (decision, ceremony), or DATE_NONE */
	enum rule_id deadline_rule;
	date_t certificate_end;   /* last day the certificate is valid, or DATE_NONE */
};

/* Derives the state from steps v[0..n) (stored ones: in date order). */
void applicant_state_eval(const struct rule_settings *rs, const struct workday_cal *cal,
			  const struct applicant_facts *f, const struct applicant_step_rec *v, size_t n,
			  struct applicant_state *out);

/* Checks step s against the facts and the steps before it (v[0..n)),
 * adding every refusal to dl. A vote that fails its threshold is not a
 * refusal for cell_vote and committee_vote (it is recorded, as the rules
 * count failed votes); s->flags gets ASF_PASSED when a vote passes. The
 * caller checks what needs the registry: introducers' membership, a
 * re-admission's history. Returns true when s may be recorded. */
bool applicant_check_step(const struct rule_settings *rs, const struct workday_cal *cal,
			  const struct applicant_facts *f, const struct applicant_step_rec *v, size_t n,
			  struct applicant_step_rec *s, struct diag_list *dl);

#endif
