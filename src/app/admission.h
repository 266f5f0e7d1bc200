/* admission: the applicants (quần chúng ưu tú) of a database and the steps
 * of their admission, up to the ceremony that makes them probationary
 * members (domain/applicant.h for the steps and their rules; rules.md §4.1,
 * §4.2). The central member database has no such pipeline (rules.md §10.4).
 *
 * An applicant is listed by the chi bộ (organization) that proposes them,
 * under a code the user gives (e.g. "UT-2026-001"). Every step is checked
 * against the rule in force on its date and refused, citing the rule, when
 * it breaks one; every write is one transaction and one audit record
 * (entity "applicant"). The ceremony writes the new member through the
 * registry (a re-admission: a readmit event on the former member). */
#ifndef DANGBO_APP_ADMISSION_H
#define DANGBO_APP_ADMISSION_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/diag.h"
#include "core/err.h"
#include "domain/applicant.h"
#include "store/store.h"

struct applicant_in {
	const char *code;
	const char *full_name, *gender, *ethnicity, *religion;
	const char *card_number;   /* the 12-digit personal id, optional */
	const char *org;           /* the proposing chi bộ (a cell or base cell) */
	date_t birth_date;
	date_t listed_on;          /* put on the list of outstanding people */
	const char *consent;       /* the recorded consent (over 60; re-admission) */
	const char *readmit;       /* member_id of the former member to re-admit, or NULL */
	const char *exit_reason;   /* re-admission: why they left (exit_reason_name) when not recorded */
	date_t sentence_cleared;   /* re-admission after a sentence: the day it was cleared */
	const char *note;
};

/* Lists an applicant. For a re-admission the person's name, gender, birth
 * date, ethnicity, religion and card come from the member record when not
 * given, and the case is checked at once (QĐ 294-QĐ/TW §3.5) against the
 * listing date (and again when the chi bộ votes). Errors: ERR_CONFLICT (the
 * code is taken), ERR_NOTFOUND, ERR_INPUT, ERR_REFUSED, with dl. */
enum err admission_add(struct store *st, const struct applicant_in *in, struct diag_list *dl);

struct applicant_step_in {
	const char *code;
	enum applicant_step step;
	date_t date;
	const char *votes;      /* "FOR/OF" for the votes and the decision */
	const char *person;     /* helper, introducer: a member_id */
	date_t since;           /* introducer: working or living together since */
	const char *ref;        /* certificate, resolution or decision number */
	const char *note;
	bool extended;          /* decision: special case (+15 working days) */
	bool authorised;        /* decision: by an authorised grassroots committee */
	const char *late;       /* decision, ceremony past its limit: the consent or reason */
	const char *member_id;  /* ceremony: the new member's id; NULL: the next CV number of the range */
};

struct step_outcome {
	bool passed;            /* a vote reached its threshold */
	bool member_created;    /* the ceremony made (or re-admitted) the member */
	char member_id[32];
	char note[320];         /* what the user should know (a failed vote, the next deadline) */
};

/* Records one step (domain/applicant.h applicant_check_step), plus what
 * needs the registry: introducers are official members that day, in the
 * same grassroots organization as the applicant, and are not the applicant;
 * a re-admission is checked again on the day of the chi bộ vote; the
 * ceremony creates the member. */
enum err admission_step(struct store *st, const struct applicant_step_in *in, struct step_outcome *out,
			struct diag_list *dl);

/* An applicant as read back. */
struct applicant_view {
	char *code, *full_name, *gender, *ethnicity, *religion, *card_number, *org_code;
	char *consent, *readmit, *exit_reason, *member_id, *note;
	date_t birth_date, listed_on, sentence_cleared;
	struct applicant_step_rec *steps;
	size_t nsteps;
	char **notes;                  /* per step: its note, or NULL */
	struct applicant_facts facts;
	struct applicant_state state;  /* derived from the steps */
};

enum err admission_get(struct store *st, const char *code, struct applicant_view *out, struct diag_list *dl);
void applicant_view_free(struct applicant_view *v);
/* The applicants of the organizations in org's subtree on day as_of
 * (code order), every one unless all is false: then only those still in
 * the pipeline (not dropped, no ceremony yet). */
enum err admission_list(struct store *st, const char *org, date_t as_of, bool all, struct applicant_view **out,
			size_t *n, struct diag_list *dl);
void applicant_views_free(struct applicant_view *v, size_t n);

#endif
