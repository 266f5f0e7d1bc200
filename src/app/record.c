/* record: members and organizations as JSON objects. */
#include "app/record.h"

#include <stdlib.h>

#include "domain/member.h"
#include "domain/org.h"

json_t *record_date(date_t d)
{
	if (d == DATE_NONE || d <= DATE_MIN || d >= DATE_MAX)
		return json_null();
	char s[11];
	date_format(d, s);
	return json_string(s);
}

/* A string or null. */
static json_t *str(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

static json_t *code_of(const struct tree *t, int org)
{
	return org == TREE_NONE ? json_null() : json_string(t->orgs[org].code);
}

json_t *record_event(const struct tree *t, const struct event_rec *e)
{
	json_t *j = json_object();
	json_object_set_new(j, "date", record_date(e->date));
	json_object_set_new(j, "type", json_string(event_type_name(e->type)));
	json_object_set_new(j, "type_label", json_string(event_type_label(e->type)));
	json_object_set_new(j, "org", code_of(t, e->org));
	json_object_set_new(j, "to_org", code_of(t, e->to_org));
	json_object_set_new(j, "detail", str(e->detail));
	return j;
}

json_t *record_member(const struct registry *r, const struct member_rec *m, const struct event_rec *ev,
		      size_t nev)
{
	const struct tree *t = &r->tree;
	json_t *j = json_object();
	json_object_set_new(j, "member_id", json_string(m->member_id));
	json_object_set_new(j, "full_name", str(m->full_name));
	json_object_set_new(j, "gender", str(m->gender));
	json_object_set_new(j, "birth_date", record_date(m->birth_date));
	json_object_set_new(j, "ethnicity", str(m->ethnicity));
	json_object_set_new(j, "religion", str(m->religion));
	json_object_set_new(j, "card_number", str(m->card_number));
	json_object_set_new(j, "org", code_of(t, m->org));
	json_object_set_new(j, "decision_date", record_date(m->decision_date));
	json_object_set_new(j, "ceremony_date", record_date(m->ceremony_date));
	json_object_set_new(j, "official_date", record_date(m->official_date));
	json_object_set_new(j, "status", json_string(member_status_name(m->status)));
	json_object_set_new(j, "education", str(m->education));
	json_object_set_new(j, "profession_level", str(m->profession_level));
	json_object_set_new(j, "theory_level", str(m->theory_level));
	json_object_set_new(j, "occupation", str(m->occupation));
	json_object_set_new(j, "hometown", str(m->hometown));
	json_object_set_new(j, "version", json_integer(m->version));
	if (ev) {
		json_t *a = json_array();
		for (size_t i = 0; i < nev; i++)
			json_array_append_new(a, record_event(t, &ev[i]));
		json_object_set_new(j, "events", a);
	}
	return j;
}

json_t *record_org(const struct tree *t, int org)
{
	const struct tree_org *o = &t->orgs[org];
	json_t *j = json_object();
	json_object_set_new(j, "code", json_string(o->code));
	json_object_set_new(j, "name", str(o->name));
	json_object_set_new(j, "kind", json_string(org_kind_name(o->kind)));
	json_object_set_new(j, "parent", code_of(t, o->parent));
	json_object_set_new(j, "category", str(o->category));
	json_object_set_new(j, "unit_code", str(o->unit_code));
	json_object_set_new(j, "founded_on", record_date(o->founded));
	json_object_set_new(j, "dissolved_on", record_date(o->dissolved));
	json_t *a = json_array();
	for (size_t i = 0; i < t->nev; i++) {
		const struct tree_event *e = &t->events[i];
		if (e->org != org)
			continue;
		json_t *x = json_object();
		json_object_set_new(x, "date", record_date(e->date));
		json_object_set_new(x, "type", json_string(org_event_type_name(e->type)));
		json_object_set_new(x, "from", code_of(t, e->from));
		json_object_set_new(x, "to", code_of(t, e->to));
		json_object_set_new(x, "old_name", str(e->old_name));
		json_object_set_new(x, "new_name", str(e->new_name));
		json_array_append_new(a, x);
	}
	json_object_set_new(j, "events", a);
	return j;
}

json_t *record_org_ref(const struct tree *t, int org, date_t d)
{
	if (org == TREE_NONE)
		return json_null();
	json_t *j = json_object();
	json_object_set_new(j, "code", json_string(t->orgs[org].code));
	json_object_set_new(j, "name", str(tree_name_at(t, org, d)));
	return j;
}

json_t *record_org_at(const struct tree *t, int org, date_t d)
{
	const struct tree_org *o = &t->orgs[org];
	json_t *j = json_object();
	json_object_set_new(j, "code", json_string(o->code));
	json_object_set_new(j, "name", str(tree_name_at(t, org, d)));
	json_object_set_new(j, "kind", json_string(org_kind_name(o->kind)));
	json_object_set_new(j, "kind_label", json_string(org_kind_label(o->kind)));
	json_object_set_new(j, "category", str(o->category));
	json_object_set_new(j, "category_label", str(o->category ? org_category_label(o->category) : NULL));
	json_object_set_new(j, "unit_code", str(o->unit_code));
	json_object_set_new(j, "founded_on", record_date(o->founded));
	json_object_set_new(j, "dissolved_on", record_date(o->dissolved));
	json_object_set_new(j, "exists", json_boolean(tree_exists(t, org, d)));
	json_object_set_new(j, "parent", record_org_ref(t, tree_parent_at(t, org, d), d));
	json_object_set_new(j, "merged_into", code_of(t, o->merged_into));
	return j;
}

char *record_text(json_t *j)
{
	if (!j)
		return NULL;
	char *s = json_dumps(j, JSON_COMPACT | JSON_ENCODE_ANY);
	json_decref(j);
	return s;
}
