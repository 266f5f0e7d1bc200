/* h_audit: the audit log as the UI shows it — a member's or an
 * organization's history for whoever may read it, the whole log for
 * administrators, limited to their subtree (app/audit.h). */
#include "http/http.h"

#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "app/scope.h"
#include "core/xalloc.h"
#include "store/store.h"

static json_t *parsed(const char *text)
{
	json_t *j = text ? json_loads(text, JSON_DECODE_ANY, NULL) : NULL;
	return j ? j : json_null();
}

static json_t *rec_json(const struct audit_rec *r)
{
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(r->id));
	json_object_set_new(j, "at", json_string(r->at));
	json_object_set_new(j, "actor", json_string(r->actor));
	json_object_set_new(j, "action", json_string(r->action));
	json_object_set_new(j, "entity_type", json_string(r->entity_type));
	json_object_set_new(j, "entity_key", json_string(r->entity_key));
	json_object_set_new(j, "before", parsed(r->before));
	json_object_set_new(j, "after", parsed(r->after));
	return j;
}

/* May an administrator of a subtree see this record of the whole log? */
static bool visible(struct req *rq, const struct audit_rec *r)
{
	const struct tree *t = &rq->reg->tree;
	if (strcmp(r->entity_type, "org") == 0)
		return scope_contains(t, rq->scope, tree_find(t, r->entity_key), rq->today);
	if (strcmp(r->entity_type, "member") == 0) {
		struct member_rec m;
		if (registry_member_get(rq->reg, r->entity_key, &m, NULL, NULL) != ERR_OK)
			return false;
		bool ok = scope_contains(t, rq->scope, m.org, rq->today);
		member_rec_free(&m);
		return ok;
	}
	if (strcmp(r->entity_type, "user") == 0 || strcmp(r->entity_type, "session") == 0) {
		struct account a;
		if (account_get(rq->w->st, r->entity_key, &a) != ERR_OK)
			return false;
		bool ok = scope_contains(t, rq->scope, tree_find(t, a.org), rq->today);
		account_release(&a);
		return ok;
	}
	return false; /* imports: whole-tree administrators only */
}

/* GET /api/v1/audit?entity=TYPE:KEY&limit=N&before=ID: records newest
 * first. entity=member:ID or org:CODE for anyone who may read that member
 * or organization (404 otherwise); without entity, or another type, for
 * administrators, who see what concerns their subtree. next_before is the
 * cursor of the next page. */
enum err h_audit_list(struct req *rq)
{
	long limit, before;
	enum err e;
	if ((e = req_query_long(rq, "limit", 1, 500, 50, &limit)) ||
	    (e = req_query_long(rq, "before", 0, INT32_MAX, 0, &before)) || (e = req_tree(rq)))
		return e;
	const char *entity = req_query(rq, "entity");
	char *type = NULL;
	const char *key = NULL;
	if (entity && *entity) {
		const char *colon = strchr(entity, ':');
		if (!colon || colon == entity || !colon[1])
			return req_fail(rq, ERR_INPUT, "entity is TYPE:KEY, e.g. member:000123 or org:QN.HL");
		type = xstrndup(entity, (size_t)(colon - entity));
		key = colon + 1;
	}
	bool admin = rq->sess.user.role == ROLE_ADMIN;
	bool filter = false;
	if (type && strcmp(type, "member") == 0) {
		struct member_rec m;
		e = req_member(rq, key, &m, NULL, NULL);
		if (!e)
			member_rec_free(&m);
	} else if (type && strcmp(type, "org") == 0) {
		int org;
		e = req_org(rq, key, &org);
	} else if (!admin) {
		e = req_fail(rq, ERR_PERM, "only an administrator may read the whole audit log");
	} else {
		filter = !scope_is_everything(&rq->reg->tree, rq->scope, rq->today);
	}
	if (e) {
		free(type);
		return e;
	}
	struct audit_rec *v;
	size_t n;
	e = audit_list(rq->w->st, type, key, before, (size_t)limit, &v, &n);
	free(type);
	if (e)
		return req_fail(rq, e, "%s", store_errmsg(rq->w->st));
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		if (!filter || visible(rq, &v[i]))
			json_array_append_new(items, rec_json(&v[i]));
	rq->out = json_object();
	json_object_set_new(rq->out, "items", items);
	json_object_set_new(rq->out, "next_before", n == (size_t)limit && n ? json_integer(v[n - 1].id) : json_null());
	audit_recs_free(v, n);
	return ERR_OK;
}
