/* ops: one user change at a time, through the registry. */
#include "app/ops.h"

#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "app/refdata.h"
#include "app/registry.h"
#include "core/text.h"
#include "core/xalloc.h"

static enum err finish(struct store *st, struct registry *r, enum err e)
{
	if (!e)
		e = store_commit(st);
	else
		store_rollback(st);
	registry_close(r);
	return e;
}

static int need_org(struct registry *r, const char *code, const char *what, struct diag_list *dl)
{
	int i = code ? tree_find(&r->tree, code) : TREE_NONE;
	if (i == TREE_NONE)
		diag_add(dl, NULL, 0, what, "no organization '%s'", code ? code : "");
	return i;
}

enum err ops_org(struct store *st, const struct org_change *c, struct diag_list *dl)
{
	struct registry r;
	enum err e = store_begin(st);
	if (e)
		return e;
	if ((e = registry_open(st, &r, dl)))
		return finish(st, &r, e);
	struct tree *t = &r.tree;
	int org = TREE_NONE;
	if (c->op != ORG_OP_ADD && (org = need_org(&r, c->code, "code", dl)) == TREE_NONE)
		return finish(st, &r, ERR_NOTFOUND);
	char *before = org == TREE_NONE ? NULL : audit_org_json(t, org); /* for the audit log */
	struct tree_event ev = {.org = org, .date = c->date, .from = TREE_NONE, .to = TREE_NONE};
	switch (c->op) {
	case ORG_OP_ADD: {
		if (tree_find(t, c->code) != TREE_NONE) {
			diag_add(dl, NULL, 0, "code", "organization %s exists already", c->code);
			return finish(st, &r, ERR_CONFLICT);
		}
		int parent = TREE_NONE;
		if (c->parent && (parent = need_org(&r, c->parent, "parent", dl)) == TREE_NONE)
			return finish(st, &r, ERR_NOTFOUND);
		if (org_kind_is_base(c->kind) && (!c->category || !org_category_label(c->category))) {
			diag_add(dl, NULL, 0, "category", "a base organization needs a known category");
			return finish(st, &r, ERR_INPUT);
		}
		char *name = text_nfc_clean(c->name ? c->name : "");
		struct tree_org o = {.code = (char *)c->code, .name = name, .kind = c->kind, .parent = parent,
				     .category = (char *)c->category, .unit_code = (char *)c->unit_code,
				     .founded = c->date == DATE_NONE ? DATE_MIN : c->date, .dissolved = DATE_MAX};
		tree_add(t, &o);
		free(name);
		break;
	}
	case ORG_OP_MOVE:
		ev.type = OEV_MOVE;
		ev.from = tree_parent_at(t, org, c->date);
		if ((ev.to = need_org(&r, c->target, "to", dl)) == TREE_NONE) {
			free(before);
			return finish(st, &r, ERR_NOTFOUND);
		}
		t->orgs[org].parent = ev.to;
		tree_add_event(t, &ev);
		break;
	case ORG_OP_MERGE:
		ev.type = OEV_MERGE;
		if ((ev.to = need_org(&r, c->target, "into", dl)) == TREE_NONE) {
			free(before);
			return finish(st, &r, ERR_NOTFOUND);
		}
		t->orgs[org].dissolved = c->date;
		tree_add_event(t, &ev);
		break;
	case ORG_OP_DISSOLVE:
		ev.type = OEV_DISSOLVE;
		t->orgs[org].dissolved = c->date;
		tree_add_event(t, &ev);
		break;
	case ORG_OP_RENAME: {
		ev.type = OEV_RENAME;
		ev.old_name = (char *)tree_name_at(t, org, c->date);
		char *name = text_nfc_clean(c->name ? c->name : "");
		ev.new_name = name;
		tree_add_event(t, &ev);
		free(t->orgs[org].name);
		t->orgs[org].name = name;
		break;
	}
	}
	e = tree_derive(t, "orgs", "org_events", dl);
	if (!e)
		e = registry_save_tree(&r);
	if (!e)
		e = registry_recheck_members(&r, dl);
	if (!e) {
		static const char *const actions[] = {"org.add", "org.move", "org.merge", "org.dissolve", "org.rename"};
		char *after = audit_org_json(t, tree_find(t, c->code));
		e = audit_record(st, actions[c->op], "org", c->code, before, after);
		free(after);
	}
	free(before);
	return finish(st, &r, e);
}

void ops_event_facts(struct member_rec *m, const struct member_event_in *in, int org, int to_org)
{
	if (event_type_is_exit(in->type)) {
		m->status = event_exit_status(in->type);
		return;
	}
	switch (in->type) {
	case EV_TRANSFER_IN:
	case EV_READMIT:
	case EV_RESTORE:
		m->org = org;
		if (in->type == EV_READMIT) {
			/* Re-admitted members serve probation again (QĐ 294-QĐ/TW §3.5). */
			m->status = MS_PROBATIONARY;
			m->official_date = DATE_NONE;
			m->ceremony_date = in->date;
		} else {
			m->status = m->official_date != DATE_NONE ? MS_OFFICIAL : MS_PROBATIONARY;
		}
		break;
	case EV_MOVE:
		m->org = to_org;
		break;
	case EV_RECOGNIZE:
		/* a member recognized already keeps that date: the replay then
		 * refuses a second recognition */
		if (m->official_date == DATE_NONE)
			m->official_date = in->date;
		if (m->status == MS_PROBATIONARY)
			m->status = MS_OFFICIAL;
		break;
	case EV_TEMP_OUT:
		m->status = MS_TEMP_OUT;
		break;
	case EV_EXEMPT_START:
		if (m->status != MS_TEMP_OUT)
			m->status = MS_EXEMPT;
		break;
	case EV_TEMP_BACK:
	case EV_EXEMPT_END:
		m->status = m->official_date != DATE_NONE ? MS_OFFICIAL : MS_PROBATIONARY;
		break;
	default:
		break;
	}
}

enum err ops_member_event(struct store *st, const struct member_event_in *in, struct diag_list *dl)
{
	struct registry r;
	enum err e = store_begin(st);
	if (e)
		return e;
	if ((e = registry_open(st, &r, dl)))
		return finish(st, &r, e);
	struct member_rec m;
	struct event_rec *ev = NULL;
	size_t nev = 0;
	e = registry_member_get(&r, in->member_id, &m, &ev, &nev);
	if (e == ERR_NOTFOUND)
		diag_add(dl, NULL, 0, "member", "no member '%s'", in->member_id);
	if (e)
		return finish(st, &r, e);
	char *before = audit_member_json(&r, &m, ev, nev); /* for the audit log */
	int org = TREE_NONE, to = TREE_NONE;
	if (in->org && (org = need_org(&r, in->org, "org", dl)) == TREE_NONE)
		e = ERR_NOTFOUND;
	if (in->to_org && (to = need_org(&r, in->to_org, "to", dl)) == TREE_NONE)
		e = ERR_NOTFOUND;
	if (!e && in->date > r.today) {
		diag_add(dl, NULL, 0, "date", "the date is after today: record an event when it has happened");
		e = ERR_REFUSED;
	}
	/* An entry (transfer_in, readmit, restore) is for someone who is not a
	 * member now; recorded as a first event it would instead say that the
	 * member arrived that day. */
	if (!e && event_type_is_entry(in->type) && member_status_is_member(m.status)) {
		diag_add(dl, NULL, 0, "type", "member %s is a member now (%s): %s is for someone who is not",
			 in->member_id, member_status_name(m.status), event_type_name(in->type));
		e = ERR_REFUSED;
	}
	if (!e) {
		ev = xrealloc(ev, sizeof(*ev) * (nev + 1));
		ev[nev] = (struct event_rec){in->date, in->type, org, to, in->detail ? xstrdup(in->detail) : NULL, 0};
		nev++;
		/* keep date order: insert the new event after those of its day */
		for (size_t i = nev - 1; i > 0 && ev[i - 1].date > ev[i].date; i--) {
			struct event_rec x = ev[i];
			ev[i] = ev[i - 1];
			ev[i - 1] = x;
		}
		ops_event_facts(&m, in, org, to);
		e = registry_member_put(&r, &m, ev, nev, true, "member", "event", dl);
	}
	if (!e) {
		m.version++; /* the update above bumped it */
		char *after = audit_member_json(&r, &m, ev, nev);
		e = audit_record(st, "member.event", "member", in->member_id, before, after);
		free(after);
	}
	free(before);
	events_free(ev, nev);
	member_rec_free(&m);
	return finish(st, &r, e);
}

enum err ops_member_add(struct store *st, const struct member_new *in, struct diag_list *dl)
{
	struct registry r;
	enum err e = store_begin(st);
	if (e)
		return e;
	if ((e = registry_open(st, &r, dl)))
		return finish(st, &r, e);
	struct member_rec old;
	if (registry_member_get(&r, in->member_id, &old, NULL, NULL) == ERR_OK) {
		member_rec_free(&old);
		diag_add(dl, NULL, 0, "member_id", "member %s exists already", in->member_id);
		return finish(st, &r, ERR_CONFLICT);
	}
	struct member_rec m = {0};
	m.org = need_org(&r, in->org, "org", dl);
	const char *eth = refdata_ethnicity(in->ethnicity ? in->ethnicity : "Kinh");
	const char *rel = refdata_religion(in->religion);
	if (!eth)
		diag_add(dl, NULL, 0, "ethnicity", "unknown ethnic group '%s'", in->ethnicity);
	if (!rel)
		diag_add(dl, NULL, 0, "religion", "unknown religion '%s'", in->religion);
	char *g = text_fold(in->gender ? in->gender : "");
	bool male = strcmp(g, "nam") == 0 || strcmp(g, "m") == 0;
	bool female = strcmp(g, "nu") == 0 || strcmp(g, "f") == 0;
	free(g);
	if (!male && !female)
		diag_add(dl, NULL, 0, "gender", "gender must be nam or nữ");
	if (m.org != TREE_NONE && !org_kind_holds_members(r.tree.orgs[m.org].kind))
		diag_add(dl, NULL, 0, "org", "%s is not a cell or base cell", in->org);
	if (in->birth_date == DATE_NONE || in->decision_date == DATE_NONE || in->birth_date >= in->decision_date)
		diag_add(dl, NULL, 0, "decision_date", "birth and decision dates are required, birth first");
	if (diag_count(dl))
		return finish(st, &r, ERR_INPUT);
	m.member_id = xstrdup(in->member_id);
	m.full_name = text_nfc_clean(in->full_name ? in->full_name : "");
	m.gender = xstrdup(male ? "nam" : "nữ");
	m.ethnicity = xstrdup(eth);
	m.religion = *rel ? xstrdup(rel) : NULL;
	m.card_number = in->card_number ? xstrdup(in->card_number) : NULL;
	m.birth_date = in->birth_date;
	m.decision_date = in->decision_date;
	m.ceremony_date = in->ceremony_date;
	m.official_date = DATE_NONE;
	m.status = MS_PROBATIONARY;
	e = registry_member_put(&r, &m, NULL, 0, true, "member", "event", dl);
	if (!e) {
		m.version = 1;
		char *after = audit_member_json(&r, &m, NULL, 0);
		e = audit_record(st, "member.add", "member", in->member_id, NULL, after);
		free(after);
	}
	member_rec_free(&m);
	return finish(st, &r, e);
}
