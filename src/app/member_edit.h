/* member_edit: correcting a member's recorded facts (name, birth date,
 * ethnicity, card number, education...) as a user does on the member page.
 *
 * What changes a member's status or organization is an event (ops.h
 * ops_member_event), never an edit: the edit covers the columns of
 * members.csv that are facts about the person, plus the admission decision
 * and ceremony dates when they were recorded wrongly. The same checks as
 * the importer's (contract §2 members.csv) apply, the member's history is
 * replayed with the new facts, and the change is written in one
 * transaction with its audit record ("member.update"), or not at all. */
#ifndef DANGBO_APP_MEMBER_EDIT_H
#define DANGBO_APP_MEMBER_EDIT_H

#include "core/date.h"
#include "core/diag.h"
#include "core/err.h"
#include "store/store.h"

/* NULL (or DATE_NONE for dates) leaves a field as it is; "" clears an
 * optional text field (religion, card_number, education...). */
struct member_patch {
	const char *full_name, *gender, *ethnicity, *religion, *card_number;
	const char *education, *profession_level, *theory_level, *occupation, *hometown;
	date_t birth_date, decision_date, ceremony_date;
};

/* Applies p to the member. Problems go to dl with the field as column:
 * ERR_NOTFOUND (no such member), ERR_INPUT (a bad value, or a history the
 * new facts no longer explain), ERR_STORE. */
enum err member_update(struct store *st, const char *member_id, const struct member_patch *p,
		       struct diag_list *dl);

#endif
