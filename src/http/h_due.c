/* h_due: the due and overdue list of an organization's subtree through
 * the API (app/due.h), limited to the caller's subtree like every route:
 * computed from the stored dates when asked, nothing kept in between. */
#include "http/http.h"

#include <stdlib.h>

#include "app/calendar.h"
#include "app/due.h"
#include "app/record.h"
#include "core/workday.h"
#include "store/store.h"

/* Is the person of kind k an applicant (no member page yet)? */
static bool due_kind_applicant(enum due_kind k)
{
	switch (k) {
	case DUE_COMMITTEE_VOTE:
	case DUE_DECISION:
	case DUE_DECISION_OVERDUE:
	case DUE_CEREMONY:
	case DUE_CEREMONY_OVERDUE:
	case DUE_CERTIFICATE_EXPIRING:
	case DUE_CERTIFICATE_EXPIRED:
	case DUE_INTRODUCER_STALE:
		return true;
	default:
		return false;
	}
}

/* GET /api/v1/due?org=CODE&as_of=DATE: the items of org's subtree (the
 * caller's scope by default) on as_of (today by default), in due_list's
 * order. days_late counts the working days from the item's day to as_of
 * (the database's calendar, app/calendar.h, as the deadlines themselves),
 * for an overdue item; 0 otherwise. */
enum err h_due(struct req *rq)
{
	date_t as_of;
	int org;
	enum err e;
	const char *code = req_query(rq, "org");
	if ((e = req_query_date(rq, "as_of", &as_of)) || (e = req_org(rq, code ? code : rq->sess.user.org, &org)))
		return e;
	const struct tree *t = &rq->reg->tree;
	struct diag_list dl;
	diag_init(&dl);
	struct due_item *v;
	size_t n;
	if ((e = due_list(rq->w->st, t->orgs[org].code, as_of, &v, &n, &dl))) {
		req_take_diag(rq, &dl);
		return req_fail(rq, e, "cannot compute the due list: %s", store_errmsg(rq->w->st));
	}
	diag_free(&dl);
	struct workday_cal *cal = calendar_load(rq->w->st);
	if (!cal) {
		due_items_free(v, n);
		return req_fail(rq, ERR_STORE, "cannot read the working-day calendar: %s", store_errmsg(rq->w->st));
	}
	json_t *items = json_array();
	size_t overdue = 0;
	for (size_t i = 0; i < n; i++) {
		const struct due_item *it = &v[i];
		bool late = due_kind_overdue(it->kind);
		bool app = due_kind_applicant(it->kind);
		overdue += late;
		json_t *x = json_object();
		json_object_set_new(x, "kind", json_string(due_kind_name(it->kind)));
		json_object_set_new(x, "label", json_string(due_kind_label(it->kind)));
		json_object_set_new(x, "person", json_string(app ? "applicant" : "member"));
		json_object_set_new(x, app ? "applicant_code" : "member_id", json_string(it->who));
		json_object_set_new(x, "name", json_string(it->name));
		int o = tree_find(t, it->org);
		json_object_set_new(x, "org", o == TREE_NONE ? json_null() : record_org_ref(t, o, as_of));
		json_object_set_new(x, "date", record_date(it->date));
		json_object_set_new(x, "overdue", json_boolean(late));
		json_object_set_new(x, "days_late",
				    json_integer(late ? workday_between(cal, it->date, as_of) : 0));
		json_object_set_new(x, "note", json_string(it->note));
		json_array_append_new(items, x);
	}
	due_items_free(v, n);
	workday_cal_free(cal);
	rq->out = json_object();
	json_object_set_new(rq->out, "org", record_org_ref(t, org, as_of));
	json_object_set_new(rq->out, "as_of", record_date(as_of));
	json_object_set_new(rq->out, "total", json_integer((json_int_t)n));
	json_object_set_new(rq->out, "overdue", json_integer((json_int_t)overdue));
	json_object_set_new(rq->out, "items", items);
	return ERR_OK;
}
