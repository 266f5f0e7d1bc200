/* search: members of a subtree by name, or all of them, a page at a time. */
#include "app/search.h"

#include <stdlib.h>
#include <string.h>

#include "app/scope.h"
#include "core/buf.h"
#include "core/text.h"
#include "core/xalloc.h"

struct cand {
	int64_t id;
	char *member_id, *full_name;
	int org;
	enum member_status status;
	size_t key, keylen; /* sort key: offset and length in the keys buffer */
	const char *kp;     /* the key itself, once the buffer is complete */
};

struct cands {
	struct cand *v;
	size_t n, cap;
};

/* tree index of an org row id (ids are usually index + 1) */
static int org_of_id(const struct tree *t, int64_t id)
{
	if (id >= 1 && (size_t)id <= t->n && t->orgs[id - 1].id == id)
		return (int)(id - 1);
	for (size_t i = 0; i < t->n; i++)
		if (t->orgs[i].id == id)
			return (int)i;
	return TREE_NONE;
}

static bool status_wanted(const struct search_query *sq, enum member_status s)
{
	switch (sq->which) {
	case SEARCH_CURRENT:
		return member_status_is_member(s);
	case SEARCH_ALL:
		return true;
	case SEARCH_ONE:
		return s == sq->status;
	}
	return false;
}

static void add(struct cands *c, int64_t id, const char *member_id, const char *name, int org, const char *status)
{
	XGROW(c->v, c->cap, c->n + 1);
	struct cand *x = &c->v[c->n++];
	memset(x, 0, sizeof(*x));
	x->id = id;
	x->member_id = xstrdup(member_id ? member_id : "");
	x->full_name = xstrdup(name ? name : "");
	x->org = org;
	if (!member_status_parse(status, &x->status))
		x->status = MS_OFFICIAL;
}

static void cands_free(struct cands *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].member_id);
		free(c->v[i].full_name);
	}
	free(c->v);
	memset(c, 0, sizeof(*c));
}

/* Matches of [lo, hi) in one name index; *capped when the cap was reached. */
static enum err from_index(struct registry *r, enum stmt id, const char *lo, const char *hi, struct cands *c,
			   bool *capped)
{
	struct store_stmt *s = store_stmt(r->st, id);
	stmt_bind_text(s, 1, lo);
	stmt_bind_text(s, 2, hi);
	stmt_bind_int(s, 3, SEARCH_CAP);
	size_t got = 0;
	bool row;
	enum err e;
	while ((e = stmt_step(s, &row)) == ERR_OK && row) {
		/* id,member_id,full_name,org_id,status */
		add(c, stmt_col_int(s, 0), stmt_col_text(s, 1), stmt_col_text(s, 2),
		    org_of_id(&r->tree, stmt_col_int(s, 3)), stmt_col_text(s, 4));
		got++;
	}
	if (got >= SEARCH_CAP)
		*capped = true;
	return e;
}

static bool has_prefix(const char *s, const char *p, size_t n)
{
	return s && strncmp(s, p, n) == 0;
}

/* Every member whose current organization is in the subtree; with a
 * folded query q, only those whose name or given-name key starts with it. */
static enum err from_subtree(struct registry *r, const struct search_query *sq, const char *q, struct cands *c)
{
	const struct tree *t = &r->tree;
	size_t qn = q ? strlen(q) : 0;
	enum err e = ERR_OK;
	for (size_t i = 0; i < t->n && !e; i++) {
		if (!scope_contains(t, sq->root, (int)i, sq->day))
			continue;
		struct store_stmt *s = store_stmt(r->st, STMT_MEMBER_OF_ORG);
		stmt_bind_int(s, 1, t->orgs[i].id);
		bool row;
		while ((e = stmt_step(s, &row)) == ERR_OK && row) {
			/* id,member_id,full_name,name_key,given_key,status */
			if (q && !has_prefix(stmt_col_text(s, 3), q, qn) && !has_prefix(stmt_col_text(s, 4), q, qn))
				continue;
			add(c, stmt_col_int(s, 0), stmt_col_text(s, 1), stmt_col_text(s, 2), (int)i,
			    stmt_col_text(s, 5));
		}
	}
	return e;
}

static int cmp_id(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int cmp_key(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	size_t n = x->keylen < y->keylen ? x->keylen : y->keylen;
	int c = memcmp(x->kp, y->kp, n);
	if (c)
		return c;
	if (x->keylen != y->keylen)
		return x->keylen < y->keylen ? -1 : 1;
	return strcmp(x->member_id, y->member_id);
}

static void sort_by_name(struct cands *c, struct collator *coll)
{
	struct buf keys;
	buf_init(&keys, 0);
	for (size_t i = 0; i < c->n; i++) {
		c->v[i].key = keys.len;
		collator_key_person(coll, c->v[i].full_name, &keys);
		c->v[i].keylen = keys.len - c->v[i].key;
	}
	for (size_t i = 0; i < c->n; i++)
		c->v[i].kp = keys.ptr + c->v[i].key;
	if (c->n > 1)
		qsort(c->v, c->n, sizeof(*c->v), cmp_key);
	buf_free(&keys);
}

enum err search_members(struct registry *r, const struct search_query *sq, struct search_result *res)
{
	memset(res, 0, sizeof(*res));
	struct cands c = {0};
	char *q = sq->q && *sq->q ? text_fold(sq->q) : NULL;
	if (q && !*q) {
		free(q);
		q = NULL;
	}
	enum err e = ERR_OK;
	bool exact = true;
	if (!q) {
		e = from_subtree(r, sq, NULL, &c);
	} else {
		struct buf hi;
		buf_init(&hi, 0);
		buf_adds(&hi, q);
		buf_addch(&hi, '\x7f');
		bool capped = false;
		e = from_index(r, STMT_MEMBER_SEARCH_NAME, q, hi.ptr, &c, &capped);
		if (!e)
			e = from_index(r, STMT_MEMBER_SEARCH_GIVEN, q, hi.ptr, &c, &capped);
		buf_free(&hi);
		if (!e && capped && !scope_is_everything(&r->tree, sq->root, sq->day)) {
			/* too many over the whole tree: read the subtree instead */
			cands_free(&c);
			e = from_subtree(r, sq, q, &c);
		} else if (capped) {
			exact = false;
		}
	}
	free(q);
	if (e) {
		cands_free(&c);
		return e;
	}
	/* unique ids, then keep what is in scope and has a wanted status */
	if (c.n > 1)
		qsort(c.v, c.n, sizeof(*c.v), cmp_id);
	size_t k = 0;
	for (size_t i = 0; i < c.n; i++) {
		bool keep = (k == 0 || c.v[k - 1].id != c.v[i].id) && status_wanted(sq, c.v[i].status) &&
			    scope_contains(&r->tree, sq->root, c.v[i].org, sq->day);
		if (keep) {
			c.v[k++] = c.v[i];
		} else {
			free(c.v[i].member_id);
			free(c.v[i].full_name);
		}
	}
	c.n = k;
	struct collator *coll = sq->coll ? sq->coll : collator_new();
	sort_by_name(&c, coll);
	if (coll != sq->coll)
		collator_free(coll);
	res->total = c.n;
	res->total_exact = exact;
	size_t limit = sq->limit > SEARCH_LIMIT_MAX ? SEARCH_LIMIT_MAX : sq->limit;
	size_t from = sq->offset < c.n ? sq->offset : c.n;
	size_t to = c.n - from > limit ? from + limit : c.n;
	res->v = xcalloc(to - from + 1, sizeof(*res->v));
	for (size_t i = 0; i < c.n; i++) {
		if (i >= from && i < to) {
			struct search_hit *h = &res->v[res->n++];
			h->member_id = c.v[i].member_id;
			h->full_name = c.v[i].full_name;
			h->org = c.v[i].org;
			h->status = c.v[i].status;
		} else {
			free(c.v[i].member_id);
			free(c.v[i].full_name);
		}
	}
	free(c.v);
	return ERR_OK;
}

void search_result_release(struct search_result *res)
{
	for (size_t i = 0; i < res->n; i++) {
		free(res->v[i].member_id);
		free(res->v[i].full_name);
	}
	free(res->v);
	memset(res, 0, sizeof(*res));
}
