/* h_org: the organization tree and its changes (app/ops.h), limited to
 * the caller's subtree. */
#include "http/http.h"

#include <stdlib.h>
#include <string.h>

#include "app/ops.h"
#include "app/record.h"
#include "app/scope.h"
#include "core/xalloc.h"
#include "store/store.h"

static bool in_scope(struct req *rq, int org)
{
	return scope_contains(&rq->reg->tree, rq->scope, org, rq->today);
}

static size_t count_children(struct req *rq, const struct tree_view *v, int org)
{
	size_t n = 0;
	for (int c = v->first_child[org]; c != TREE_NONE; c = v->next_sibling[c])
		n += in_scope(rq, c);
	return n;
}

static json_t *node(struct req *rq, const struct tree_view *v, int org, long depth)
{
	const struct tree *t = &rq->reg->tree;
	const struct tree_org *o = &t->orgs[org];
	json_t *j = json_object();
	json_object_set_new(j, "code", json_string(o->code));
	json_object_set_new(j, "name", json_string(tree_name_at(t, org, v->day)));
	json_object_set_new(j, "kind", json_string(org_kind_name(o->kind)));
	json_object_set_new(j, "kind_label", json_string(org_kind_label(o->kind)));
	json_object_set_new(j, "category", o->category ? json_string(o->category) : json_null());
	json_object_set_new(j, "children_count", json_integer((json_int_t)count_children(rq, v, org)));
	if (depth > 0) {
		json_t *a = json_array();
		for (int c = v->first_child[org]; c != TREE_NONE; c = v->next_sibling[c])
			if (in_scope(rq, c))
				json_array_append_new(a, node(rq, v, c, depth - 1));
		json_object_set_new(j, "children", a);
	}
	return j;
}

/* GET /api/v1/orgs?root=CODE&as_of=DATE&depth=N: the tree under root (the
 * caller's scope by default) as it stood on as_of (today), N levels deep
 * (default 1); each node says how many children it has. */
enum err h_orgs_tree(struct req *rq)
{
	date_t d;
	long depth;
	enum err e;
	if ((e = req_query_date(rq, "as_of", &d)) || (e = req_query_long(rq, "depth", 0, 50, 1, &depth)) ||
	    (e = req_tree(rq)))
		return e;
	const char *root_code = req_query(rq, "root");
	int root;
	if ((e = req_org(rq, root_code ? root_code : rq->sess.user.org, &root)))
		return e;
	struct tree_view v;
	req_tree_view(rq, d, &v);
	json_t *j = json_object();
	json_object_set_new(j, "as_of", record_date(d));
	if (tree_exists(&rq->reg->tree, root, d))
		json_object_set_new(j, "root", node(rq, &v, root, depth));
	else
		json_object_set_new(j, "root", json_null());
	tree_view_free(&v);
	rq->out = j;
	return ERR_OK;
}

/* Members whose current organization is org (people kept for history
 * excluded). */
static enum err member_count(struct req *rq, int org, json_int_t *n)
{
	struct store_stmt *s = store_stmt(rq->w->st, STMT_MEMBER_OF_ORG);
	stmt_bind_int(s, 1, rq->reg->tree.orgs[org].id);
	bool row;
	enum err e;
	*n = 0;
	while ((e = stmt_step(s, &row)) == ERR_OK && row) {
		enum member_status st;
		if (member_status_parse(stmt_col_text(s, 5), &st) && member_status_is_member(st))
			(*n)++;
	}
	return e;
}

/* GET /api/v1/orgs/{code}?as_of=DATE: the organization on that day, the
 * way up to the caller's scope, its children that day, its history and how
 * many members it has now. */
enum err h_org_get(struct req *rq)
{
	date_t d;
	int org;
	enum err e;
	if ((e = req_query_date(rq, "as_of", &d)) || (e = req_org(rq, rq->params[0], &org)))
		return e;
	const struct tree *t = &rq->reg->tree;
	json_t *j = record_org_at(t, org, d);
	json_object_set_new(j, "as_of", record_date(d));
	/* ancestors, from the top of what the caller may see */
	json_t *up = json_array();
	for (int p = tree_parent_at(t, org, d), guard = 0; p != TREE_NONE && guard < 64;
	     p = tree_parent_at(t, p, d), guard++)
		if (in_scope(rq, p))
			json_array_insert_new(up, 0, record_org_ref(t, p, d));
	json_object_set_new(j, "ancestors", up);
	struct tree_view v;
	req_tree_view(rq, d, &v);
	json_t *kids = json_array();
	if (tree_exists(t, org, d))
		for (int c = v.first_child[org]; c != TREE_NONE; c = v.next_sibling[c])
			if (in_scope(rq, c))
				json_array_append_new(kids, node(rq, &v, c, 0));
	tree_view_free(&v);
	json_object_set_new(j, "children", kids);
	json_t *hist = record_org(t, org);
	json_object_set(j, "events", json_object_get(hist, "events"));
	json_decref(hist);
	json_int_t n;
	if ((e = member_count(rq, org, &n))) {
		json_decref(j);
		return req_fail(rq, e, "%s", store_errmsg(rq->w->st));
	}
	json_object_set_new(j, "member_count", json_integer(n));
	rq->out = j;
	return ERR_OK;
}

/* Runs one change and answers with the organization as it is now. */
static enum err apply(struct req *rq, const struct org_change *c)
{
	struct diag_list dl;
	diag_init(&dl);
	enum err e = ops_org(rq->w->st, c, &dl);
	req_take_diag(rq, &dl);
	if (e == ERR_STORE)
		return req_fail(rq, e, "%s", store_errmsg(rq->w->st));
	if (e)
		return e;
	rq->reg = NULL; /* the tree changed: load it again */
	int org;
	if ((e = req_tree(rq)))
		return e;
	org = tree_find(&rq->reg->tree, c->code);
	rq->out = org == TREE_NONE ? json_object() : record_org_at(&rq->reg->tree, org, rq->today);
	return ERR_OK;
}

/* The date of a change: "date" in the body, required. */
static enum err change_date(struct req *rq, date_t *d)
{
	return req_json_date(rq, "date", true, d);
}

/* POST /api/v1/orgs {"code", "name", "kind", "parent", "category",
 * "unit_code", "founded_on"}: 201 with the organization; the parent must
 * be within the caller's subtree. */
enum err h_org_add(struct req *rq)
{
	struct org_change c = {.op = ORG_OP_ADD};
	const char *kind;
	enum err e;
	if ((e = req_json_str(rq, "code", true, &c.code)) || (e = req_json_str(rq, "name", true, &c.name)) ||
	    (e = req_json_str(rq, "kind", true, &kind)) || (e = req_json_str(rq, "parent", true, &c.parent)) ||
	    (e = req_json_str(rq, "category", false, &c.category)) ||
	    (e = req_json_str(rq, "unit_code", false, &c.unit_code)) ||
	    (e = req_json_date(rq, "founded_on", false, &c.date)))
		return e;
	if (!org_kind_parse(kind, &c.kind)) {
		diag_add(&rq->dl, NULL, 0, "kind", "unknown kind '%s'", kind);
		return req_fail(rq, ERR_INPUT, "unknown kind '%s'", kind);
	}
	int parent;
	if ((e = req_org(rq, c.parent, &parent)))
		return e;
	if ((e = apply(rq, &c)))
		return e;
	char loc[256];
	snprintf(loc, sizeof(loc), API "/orgs/%s", c.code);
	req_header(rq, "Location", loc);
	rq->status = 201;
	return ERR_OK;
}

/* POST /api/v1/orgs/{code}/move {"date", "to"} */
enum err h_org_move(struct req *rq)
{
	struct org_change c = {.op = ORG_OP_MOVE, .code = rq->params[0]};
	int org, to;
	enum err e;
	if ((e = req_org(rq, c.code, &org)) || (e = change_date(rq, &c.date)) ||
	    (e = req_json_str(rq, "to", true, &c.target)) || (e = req_org(rq, c.target, &to)))
		return e;
	return apply(rq, &c);
}

/* POST /api/v1/orgs/{code}/merge {"date", "into"} */
enum err h_org_merge(struct req *rq)
{
	struct org_change c = {.op = ORG_OP_MERGE, .code = rq->params[0]};
	int org, into;
	enum err e;
	if ((e = req_org(rq, c.code, &org)) || (e = change_date(rq, &c.date)) ||
	    (e = req_json_str(rq, "into", true, &c.target)) || (e = req_org(rq, c.target, &into)))
		return e;
	return apply(rq, &c);
}

/* POST /api/v1/orgs/{code}/dissolve {"date"} */
enum err h_org_dissolve(struct req *rq)
{
	struct org_change c = {.op = ORG_OP_DISSOLVE, .code = rq->params[0]};
	int org;
	enum err e;
	if ((e = req_org(rq, c.code, &org)) || (e = change_date(rq, &c.date)))
		return e;
	return apply(rq, &c);
}

/* POST /api/v1/orgs/{code}/rename {"date", "name"} */
enum err h_org_rename(struct req *rq)
{
	struct org_change c = {.op = ORG_OP_RENAME, .code = rq->params[0]};
	int org;
	enum err e;
	if ((e = req_org(rq, c.code, &org)) || (e = change_date(rq, &c.date)) ||
	    (e = req_json_str(rq, "name", true, &c.name)))
		return e;
	return apply(rq, &c);
}
