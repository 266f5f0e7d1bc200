/* member_edit: one member's facts corrected, checked, written and audited. */
#include "app/member_edit.h"

#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "app/refdata.h"
#include "app/registry.h"
#include "core/text.h"
#include "core/xalloc.h"

/* Replaces *field with a cleaned copy of v ("" clears it). */
static void set_text(char **field, const char *v, bool required)
{
	if (!v)
		return;
	free(*field);
	*field = *v || required ? text_nfc_clean(v) : NULL;
}

static bool card_ok(const char *s)
{
	if (strlen(s) != 12)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* Checks and applies p to m; problems to dl. */
static bool apply(struct member_rec *m, const struct member_patch *p, date_t today, struct diag_list *dl)
{
	bool ok = true;
	if (p->full_name) {
		char *n = text_nfc_clean(p->full_name);
		if (!*n) {
			diag_add(dl, NULL, 0, "full_name", "the name is required");
			ok = false;
		}
		free(n);
		set_text(&m->full_name, p->full_name, true);
	}
	if (p->gender) {
		char *g = text_fold(p->gender);
		const char *v = strcmp(g, "nam") == 0 || strcmp(g, "m") == 0  ? "nam"
				: strcmp(g, "nu") == 0 || strcmp(g, "f") == 0 ? "nữ"
									       : NULL;
		free(g);
		if (!v) {
			diag_add(dl, NULL, 0, "gender", "'%s' is not a gender (nam, nữ, M or F)", p->gender);
			ok = false;
		} else {
			free(m->gender);
			m->gender = xstrdup(v);
		}
	}
	if (p->ethnicity) {
		const char *e = refdata_ethnicity(p->ethnicity);
		if (!e) {
			diag_add(dl, NULL, 0, "ethnicity", "unknown ethnic group '%s' (a name or code of the 54 groups)",
				 p->ethnicity);
			ok = false;
		} else {
			free(m->ethnicity);
			m->ethnicity = xstrdup(e);
		}
	}
	if (p->religion) {
		const char *r = refdata_religion(p->religion);
		if (!r) {
			diag_add(dl, NULL, 0, "religion", "unknown religion '%s'", p->religion);
			ok = false;
		} else {
			free(m->religion);
			m->religion = *r ? xstrdup(r) : NULL;
		}
	}
	if (p->card_number) {
		if (*p->card_number && !card_ok(p->card_number)) {
			diag_add(dl, NULL, 0, "card_number", "'%s' is not a 12-digit personal identification number",
				 p->card_number);
			ok = false;
		} else {
			set_text(&m->card_number, p->card_number, false);
		}
	}
	set_text(&m->education, p->education, false);
	set_text(&m->profession_level, p->profession_level, false);
	set_text(&m->theory_level, p->theory_level, false);
	set_text(&m->occupation, p->occupation, false);
	set_text(&m->hometown, p->hometown, false);
	if (p->birth_date != DATE_NONE)
		m->birth_date = p->birth_date;
	if (p->decision_date != DATE_NONE)
		m->decision_date = p->decision_date;
	if (p->ceremony_date != DATE_NONE)
		m->ceremony_date = p->ceremony_date;
	if (m->birth_date >= m->decision_date) {
		diag_add(dl, NULL, 0, "decision_date", "the admission decision is before the birth date");
		ok = false;
	}
	if (m->birth_date > today) {
		diag_add(dl, NULL, 0, "birth_date", "the birth date is in the future");
		ok = false;
	}
	if (m->ceremony_date != DATE_NONE && m->ceremony_date < m->decision_date) {
		diag_add(dl, NULL, 0, "ceremony_date", "the ceremony is before the admission decision");
		ok = false;
	}
	if (m->official_date != DATE_NONE &&
	    m->official_date < (m->ceremony_date != DATE_NONE ? m->ceremony_date : m->decision_date)) {
		diag_add(dl, NULL, 0, "official_date", "official recognition would be before the admission");
		ok = false;
	}
	return ok;
}

enum err member_update(struct store *st, const char *member_id, const struct member_patch *p,
		       struct diag_list *dl)
{
	enum err e = store_begin(st);
	if (e)
		return e;
	struct registry r;
	if ((e = registry_open(st, &r, dl))) {
		store_rollback(st);
		registry_close(&r);
		return e;
	}
	struct member_rec m;
	struct event_rec *ev = NULL;
	size_t nev = 0;
	e = registry_member_get(&r, member_id, &m, &ev, &nev);
	if (e == ERR_NOTFOUND)
		diag_add(dl, NULL, 0, "member_id", "no member '%s'", member_id);
	char *before = NULL;
	if (!e) {
		before = audit_member_json(&r, &m, ev, nev);
		if (!apply(&m, p, r.today, dl))
			e = ERR_INPUT;
	}
	if (!e)
		e = registry_member_put(&r, &m, ev, nev, false, "member", "event", dl);
	if (!e) {
		m.version++; /* the update bumped it */
		char *after = audit_member_json(&r, &m, ev, nev);
		e = audit_record(st, "member.update", "member", member_id, before, after);
		free(after);
	}
	free(before);
	if (!e)
		e = store_commit(st);
	else
		store_rollback(st);
	events_free(ev, nev);
	member_rec_free(&m);
	registry_close(&r);
	return e;
}
