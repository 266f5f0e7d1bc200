/* registry: loading and saving organizations and members through the store. */
#include "app/registry.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/text.h"
#include "core/xalloc.h"

/* ---- helpers ---- */

static date_t col_date(struct store_stmt *s, int i, date_t none)
{
	const char *v = stmt_col_text(s, i);
	date_t d;
	return v && date_parse(v, &d) ? d : none;
}

static void bind_date(struct store_stmt *s, int i, date_t d, date_t none)
{
	if (d == none || d == DATE_NONE) {
		stmt_bind_null(s, i);
		return;
	}
	char buf[11];
	date_format(d, buf);
	stmt_bind_text(s, i, buf);
}

static void bind_span_date(struct store_stmt *s, int i, date_t d)
{
	char buf[11];
	if (d <= DATE_MIN)
		strcpy(buf, "0000-01-01");
	else if (d >= DATE_MAX)
		strcpy(buf, "9999-12-31");
	else
		date_format(d, buf);
	stmt_bind_text(s, i, buf);
}

static char *col_dup(struct store_stmt *s, int i)
{
	const char *v = stmt_col_text(s, i);
	return v ? xstrdup(v) : NULL;
}

/* ---- the tree ---- */

enum err registry_open(struct store *st, struct registry *r, struct diag_list *dl)
{
	memset(r, 0, sizeof(*r));
	r->st = st;
	r->today = date_today();
	tree_init(&r->tree);
	struct store_stmt *s = store_stmt(st, STMT_ORG_ALL);
	int64_t *parent_ids = NULL;
	size_t pcap = 0, n = 0;
	int64_t maxid = 0;
	bool row;
	enum err e;
	while ((e = stmt_step(s, &row)) == ERR_OK && row) {
		struct tree_org o = {0};
		o.id = stmt_col_int(s, 0);
		o.code = (char *)stmt_col_text(s, 1);
		o.name = (char *)stmt_col_text(s, 2);
		if (!org_kind_parse(stmt_col_text(s, 3), &o.kind))
			o.kind = ORG_CELL;
		o.parent = TREE_NONE;
		o.category = (char *)stmt_col_text(s, 5);
		o.unit_code = (char *)stmt_col_text(s, 6);
		o.founded = col_date(s, 7, DATE_MIN);
		o.dissolved = col_date(s, 8, DATE_MAX);
		tree_add(&r->tree, &o);
		XGROW(parent_ids, pcap, n + 1);
		parent_ids[n++] = stmt_col_null(s, 4) ? 0 : stmt_col_int(s, 4);
		if (o.id > maxid)
			maxid = o.id;
	}
	if (e) {
		free(parent_ids);
		return e;
	}
	/* database id -> tree index */
	int *byid = xmalloc(sizeof(int) * (size_t)(maxid + 1));
	memset(byid, 0xff, sizeof(int) * (size_t)(maxid + 1));
	for (size_t i = 0; i < r->tree.n; i++)
		byid[r->tree.orgs[i].id] = (int)i;
	for (size_t i = 0; i < n; i++)
		r->tree.orgs[i].parent = parent_ids[i] ? byid[parent_ids[i]] : TREE_NONE;
	free(parent_ids);

	s = store_stmt(st, STMT_ORG_EVENT_ALL);
	while ((e = stmt_step(s, &row)) == ERR_OK && row) {
		struct tree_event ev = {0};
		ev.org = byid[stmt_col_int(s, 1)];
		ev.date = col_date(s, 2, DATE_NONE);
		org_event_type_parse(stmt_col_text(s, 3), &ev.type);
		ev.from = stmt_col_null(s, 4) ? TREE_NONE : byid[stmt_col_int(s, 4)];
		ev.to = stmt_col_null(s, 5) ? TREE_NONE : byid[stmt_col_int(s, 5)];
		ev.old_name = (char *)stmt_col_text(s, 6);
		ev.new_name = (char *)stmt_col_text(s, 7);
		ev.line = (long)r->tree.nev + 2;
		tree_add_event(&r->tree, &ev);
	}
	free(byid);
	if (e)
		return e;
	if (tree_derive(&r->tree, "(database) orgs", "(database) org_events", dl) != ERR_OK)
		return ERR_STORE;
	return ERR_OK;
}

void registry_close(struct registry *r)
{
	for (size_t i = 0; i < r->nmembers; i++)
		member_timeline_free(&r->members[i].tl);
	free(r->members);
	free(r->ids_blob);
	tree_free(&r->tree);
	memset(r, 0, sizeof(*r));
}

static int64_t res_follow(void *arg, int64_t org, date_t d)
{
	struct registry *r = arg;
	return registry_org_ref(tree_follow(&r->tree, registry_org_index(org), d));
}

static bool res_exists(void *arg, int64_t org, date_t d)
{
	struct registry *r = arg;
	return tree_exists(&r->tree, registry_org_index(org), d);
}

static bool res_holds(void *arg, int64_t org)
{
	struct registry *r = arg;
	return org_kind_holds_members(r->tree.orgs[registry_org_index(org)].kind);
}

static const char *res_code(void *arg, int64_t org)
{
	struct registry *r = arg;
	int i = registry_org_index(org);
	return i == TREE_NONE ? "(none)" : r->tree.orgs[i].code;
}

void registry_resolver(struct registry *r, struct org_resolver *res)
{
	res->follow = res_follow;
	res->exists = res_exists;
	res->holds_members = res_holds;
	res->code = res_code;
	res->arg = r;
}

enum err registry_save_tree(struct registry *r)
{
	struct tree *t = &r->tree;
	enum err e = ERR_OK;
	/* Insert new organizations first (parents may be new too), then set
	 * every row's fields. */
	for (size_t i = 0; i < t->n && !e; i++) {
		if (t->orgs[i].id)
			continue;
		struct store_stmt *s = store_stmt(r->st, STMT_ORG_INSERT);
		stmt_bind_text(s, 1, t->orgs[i].code);
		stmt_bind_text(s, 2, t->orgs[i].name);
		stmt_bind_text(s, 3, org_kind_name(t->orgs[i].kind));
		stmt_bind_null(s, 4);
		stmt_bind_text(s, 5, t->orgs[i].category);
		stmt_bind_text(s, 6, t->orgs[i].unit_code);
		bind_date(s, 7, t->orgs[i].founded, DATE_MIN);
		bind_date(s, 8, t->orgs[i].dissolved, DATE_MAX);
		e = stmt_exec(s);
		t->orgs[i].id = store_last_id(r->st);
	}
	for (size_t i = 0; i < t->n && !e; i++) {
		const struct tree_org *o = &t->orgs[i];
		struct store_stmt *s = store_stmt(r->st, STMT_ORG_UPDATE);
		stmt_bind_text(s, 1, o->name);
		stmt_bind_text(s, 2, org_kind_name(o->kind));
		stmt_bind_int(s, 3, o->parent == TREE_NONE ? INT64_MIN : t->orgs[o->parent].id);
		stmt_bind_text(s, 4, o->category);
		stmt_bind_text(s, 5, o->unit_code);
		bind_date(s, 6, o->founded, DATE_MIN);
		bind_date(s, 7, o->dissolved, DATE_MAX);
		stmt_bind_int(s, 8, o->id);
		e = stmt_exec(s);
	}
	if (!e)
		e = stmt_exec(store_stmt(r->st, STMT_ORG_EVENT_CLEAR));
	for (size_t i = 0; i < t->nev && !e; i++) {
		const struct tree_event *ev = &t->events[i];
		struct store_stmt *s = store_stmt(r->st, STMT_ORG_EVENT_INSERT);
		stmt_bind_int(s, 1, t->orgs[ev->org].id);
		bind_date(s, 2, ev->date, DATE_NONE);
		stmt_bind_text(s, 3, org_event_type_name(ev->type));
		stmt_bind_int(s, 4, ev->from == TREE_NONE ? INT64_MIN : t->orgs[ev->from].id);
		stmt_bind_int(s, 5, ev->to == TREE_NONE ? INT64_MIN : t->orgs[ev->to].id);
		stmt_bind_text(s, 6, ev->old_name);
		stmt_bind_text(s, 7, ev->new_name);
		e = stmt_exec(s);
	}
	if (!e)
		e = stmt_exec(store_stmt(r->st, STMT_ORG_SPAN_CLEAR));
	for (size_t i = 0; i < t->n && !e; i++) {
		const struct tree_org *o = &t->orgs[i];
		for (size_t k = o->span0; k < o->span0 + o->nspan && !e; k++) {
			const struct tree_span *sp = &t->spans[k];
			struct store_stmt *s = store_stmt(r->st, STMT_ORG_SPAN_INSERT);
			stmt_bind_int(s, 1, o->id);
			stmt_bind_int(s, 2, sp->parent == TREE_NONE ? INT64_MIN : t->orgs[sp->parent].id);
			bind_span_date(s, 3, sp->from);
			bind_span_date(s, 4, sp->to);
			stmt_bind_text(s, 5, sp->name);
			e = stmt_exec(s);
		}
	}
	return e;
}

/* ---- members ---- */

void member_rec_free(struct member_rec *m)
{
	free(m->member_id);
	free(m->full_name);
	free(m->gender);
	free(m->ethnicity);
	free(m->religion);
	free(m->card_number);
	free(m->education);
	free(m->profession_level);
	free(m->theory_level);
	free(m->occupation);
	free(m->hometown);
	memset(m, 0, sizeof(*m));
}

void events_free(struct event_rec *ev, size_t n)
{
	if (!ev)
		return;
	for (size_t i = 0; i < n; i++)
		free(ev[i].detail);
	free(ev);
}

/* tree index of a database org id (linear in the worst case, ids are
 * usually the index + 1). */
static int org_index_of_id(const struct registry *r, int64_t id)
{
	if (id >= 1 && (size_t)id <= r->tree.n && r->tree.orgs[id - 1].id == id)
		return (int)(id - 1);
	for (size_t i = 0; i < r->tree.n; i++)
		if (r->tree.orgs[i].id == id)
			return (int)i;
	return TREE_NONE;
}

static enum err load_events(struct registry *r, int64_t row, struct event_rec **ev, size_t *nev)
{
	struct store_stmt *s = store_stmt(r->st, STMT_EVENT_OF_MEMBER);
	stmt_bind_int(s, 1, row);
	size_t cap = 0;
	*ev = NULL;
	*nev = 0;
	bool has;
	enum err e;
	while ((e = stmt_step(s, &has)) == ERR_OK && has) {
		XGROW(*ev, cap, *nev + 1);
		struct event_rec *x = &(*ev)[(*nev)++];
		memset(x, 0, sizeof(*x));
		x->date = col_date(s, 0, DATE_NONE);
		event_type_parse(stmt_col_text(s, 1), &x->type);
		x->org = stmt_col_null(s, 2) ? TREE_NONE : org_index_of_id(r, stmt_col_int(s, 2));
		x->to_org = stmt_col_null(s, 3) ? TREE_NONE : org_index_of_id(r, stmt_col_int(s, 3));
		x->detail = col_dup(s, 4);
	}
	return e;
}

enum err registry_member_get(struct registry *r, const char *member_id, struct member_rec *m,
			     struct event_rec **ev, size_t *nev)
{
	memset(m, 0, sizeof(*m));
	struct store_stmt *s = store_stmt(r->st, STMT_MEMBER_ROWID);
	stmt_bind_text(s, 1, member_id);
	bool row;
	enum err e = stmt_step(s, &row);
	if (e)
		return e;
	if (!row)
		return ERR_NOTFOUND;
	int64_t id = stmt_col_int(s, 0);
	stmt_step(s, &row); /* finish */
	s = store_stmt(r->st, STMT_MEMBER_GET);
	stmt_bind_int(s, 1, id);
	if ((e = stmt_step(s, &row)) || !row)
		return e ? e : ERR_NOTFOUND;
	m->id = id;
	m->member_id = col_dup(s, 0);
	m->full_name = col_dup(s, 1);
	m->gender = col_dup(s, 4);
	m->birth_date = col_date(s, 5, DATE_NONE);
	m->ethnicity = col_dup(s, 6);
	m->religion = col_dup(s, 7);
	m->card_number = col_dup(s, 8);
	m->org = org_index_of_id(r, stmt_col_int(s, 9));
	m->decision_date = col_date(s, 10, DATE_NONE);
	m->ceremony_date = col_date(s, 11, DATE_NONE);
	m->official_date = col_date(s, 12, DATE_NONE);
	member_status_parse(stmt_col_text(s, 13), &m->status);
	m->education = col_dup(s, 14);
	m->profession_level = col_dup(s, 15);
	m->theory_level = col_dup(s, 16);
	m->occupation = col_dup(s, 17);
	m->hometown = col_dup(s, 18);
	m->version = stmt_col_int(s, 19);
	stmt_step(s, &row);
	if (ev)
		return load_events(r, id, ev, nev);
	return ERR_OK;
}

void registry_name_keys(const char *name, struct buf *full, struct buf *given)
{
	buf_reset(full);
	buf_reset(given);
	text_fold_buf(full, name);
	const char *sp = strrchr(full->ptr, ' ');
	if (sp) {
		buf_adds(given, sp + 1);
		buf_addch(given, ' ');
		buf_add(given, full->ptr, (size_t)(sp - full->ptr));
	} else {
		buf_adds(given, full->ptr);
	}
}

static void member_facts_of(const struct member_rec *m, struct member_facts *f)
{
	f->member_id = m->member_id;
	f->decision_date = m->decision_date;
	f->ceremony_date = m->ceremony_date;
	f->official_date = m->official_date;
	f->org = registry_org_ref(m->org);
	f->status = m->status;
	f->line = m->line;
}

static enum err write_spans(struct registry *r, int64_t row, const struct member_timeline *tl, bool fresh)
{
	enum err e = ERR_OK;
	if (!fresh) {
		struct store_stmt *s = store_stmt(r->st, STMT_MSPAN_DELETE_MEMBER);
		stmt_bind_int(s, 1, row);
		e = stmt_exec(s);
	}
	for (size_t i = 0; i < tl->nspans && !e; i++) {
		struct store_stmt *s = store_stmt(r->st, STMT_MSPAN_INSERT);
		stmt_bind_int(s, 1, row);
		stmt_bind_int(s, 2, r->tree.orgs[registry_org_index(tl->spans[i].org)].id);
		bind_span_date(s, 3, tl->spans[i].from);
		bind_span_date(s, 4, tl->spans[i].to);
		e = stmt_exec(s);
	}
	return e;
}

enum err registry_member_check(struct registry *r, const struct member_rec *m, const struct event_rec *ev, size_t nev,
			       const char *facts_file, const char *events_file, struct member_timeline *tl,
			       struct diag_list *dl)
{
	struct member_facts f;
	member_facts_of(m, &f);
	struct member_event stackev[16] = {0};
	struct member_event *mev = nev <= 16 ? stackev : xmalloc(sizeof(*mev) * nev);
	for (size_t i = 0; i < nev; i++)
		mev[i] = (struct member_event){ev[i].date, ev[i].type, registry_org_ref(ev[i].org),
					       registry_org_ref(ev[i].to_org), ev[i].detail, ev[i].line};
	struct org_resolver res;
	registry_resolver(r, &res);
	enum err e = member_replay(&f, mev, nev, &res, r->today, facts_file, events_file, tl, dl);
	if (mev != stackev)
		free(mev);
	return e;
}

enum err registry_member_write(struct registry *r, struct member_rec *m, const struct event_rec *ev, size_t nev,
			       bool replace_events, const struct member_timeline *tl, const char *full_key,
			       const char *given_key, const char *facts_file, struct diag_list *dl)
{
	struct buf full, given;
	buf_init(&full, 0);
	buf_init(&given, 0);
	if (!full_key) {
		registry_name_keys(m->full_name, &full, &given);
		full_key = full.ptr;
		given_key = given.ptr;
	}
	char d1[11], d2[11], d3[11], d4[11];
	date_format(m->birth_date, d1);
	date_format(m->decision_date, d2);
	date_format(m->ceremony_date, d3);
	date_format(m->official_date, d4);
	bool fresh = m->id == 0;
	struct store_stmt *s = store_stmt(r->st, fresh ? STMT_MEMBER_INSERT : STMT_MEMBER_UPDATE);
	int k = 1;
	if (fresh)
		stmt_bind_text_static(s, k++, m->member_id);
	stmt_bind_text_static(s, k++, m->full_name);
	stmt_bind_text_static(s, k++, full_key);
	stmt_bind_text_static(s, k++, given_key);
	stmt_bind_text_static(s, k++, m->gender);
	stmt_bind_text_static(s, k++, d1);
	stmt_bind_text_static(s, k++, m->ethnicity);
	stmt_bind_text_static(s, k++, m->religion);
	stmt_bind_text_static(s, k++, m->card_number);
	stmt_bind_int(s, k++, r->tree.orgs[m->org].id);
	stmt_bind_text_static(s, k++, d2);
	stmt_bind_text_static(s, k++, *d3 ? d3 : NULL);
	stmt_bind_text_static(s, k++, *d4 ? d4 : NULL);
	stmt_bind_text_static(s, k++, member_status_name(m->status));
	stmt_bind_text_static(s, k++, m->education);
	stmt_bind_text_static(s, k++, m->profession_level);
	stmt_bind_text_static(s, k++, m->theory_level);
	stmt_bind_text_static(s, k++, m->occupation);
	stmt_bind_text_static(s, k++, m->hometown);
	if (!fresh)
		stmt_bind_int(s, k++, m->id);
	enum err e = stmt_exec(s);
	if (e == ERR_CONFLICT)
		diag_add(dl, facts_file, m->line, "member_id", "member %s: %s", m->member_id, store_errmsg(r->st));
	if (!e && fresh)
		m->id = store_last_id(r->st);
	if (!e && replace_events) {
		if (!fresh) {
			s = store_stmt(r->st, STMT_EVENT_DELETE_MEMBER);
			stmt_bind_int(s, 1, m->id);
			e = stmt_exec(s);
		}
		for (size_t i = 0; i < nev && !e; i++) {
			char ds[11];
			date_format(ev[i].date, ds);
			s = store_stmt(r->st, STMT_EVENT_INSERT);
			stmt_bind_int(s, 1, m->id);
			stmt_bind_text_static(s, 2, ds);
			stmt_bind_text_static(s, 3, event_type_name(ev[i].type));
			stmt_bind_int(s, 4, ev[i].org == TREE_NONE ? INT64_MIN : r->tree.orgs[ev[i].org].id);
			stmt_bind_int(s, 5, ev[i].to_org == TREE_NONE ? INT64_MIN : r->tree.orgs[ev[i].to_org].id);
			stmt_bind_text_static(s, 6, ev[i].detail && *ev[i].detail ? ev[i].detail : NULL);
			e = stmt_exec(s);
		}
	}
	if (!e)
		e = write_spans(r, m->id, tl, fresh);
	buf_free(&full);
	buf_free(&given);
	return e;
}

enum err registry_member_put(struct registry *r, struct member_rec *m, const struct event_rec *ev, size_t nev,
			     bool replace_events, const char *facts_file, const char *events_file,
			     struct diag_list *dl)
{
	struct member_timeline tl;
	enum err e = registry_member_check(r, m, ev, nev, facts_file, events_file, &tl, dl);
	if (!e)
		e = registry_member_write(r, m, ev, nev, replace_events, &tl, NULL, NULL, facts_file, dl);
	member_timeline_free(&tl);
	return e;
}

/* ---- all members ---- */

struct fact_row {
	int64_t id;
	char *member_id;
	struct member_facts f;
};

static enum err load_facts(struct registry *r, struct fact_row **out, size_t *n)
{
	struct store_stmt *s = store_stmt(r->st, STMT_MEMBER_FACTS_ALL);
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	bool row;
	enum err e;
	while ((e = stmt_step(s, &row)) == ERR_OK && row) {
		XGROW(*out, cap, *n + 1);
		struct fact_row *x = &(*out)[(*n)++];
		x->id = stmt_col_int(s, 0);
		x->member_id = xstrdup(stmt_col_text(s, 1));
		x->f.member_id = x->member_id;
		x->f.org = registry_org_ref(org_index_of_id(r, stmt_col_int(s, 2)));
		x->f.decision_date = col_date(s, 3, DATE_NONE);
		x->f.ceremony_date = col_date(s, 4, DATE_NONE);
		x->f.official_date = col_date(s, 5, DATE_NONE);
		member_status_parse(stmt_col_text(s, 6), &x->f.status);
		x->f.line = 0;
	}
	return e;
}

/* Calls fn for every member with its facts and events, in row order. */
static enum err each_member(struct registry *r, enum err (*fn)(struct registry *, struct fact_row *,
							       struct member_event *, size_t, void *),
			    void *arg)
{
	struct fact_row *facts;
	size_t n;
	enum err e = load_facts(r, &facts, &n);
	struct store_stmt *s = e ? NULL : store_stmt(r->st, STMT_EVENT_ALL_BY_ROW);
	struct member_event *ev = NULL;
	size_t evn = 0, evcap = 0;
	bool row = false;
	if (s)
		e = stmt_step(s, &row);
	for (size_t i = 0; i < n && !e; i++) {
		evn = 0;
		while (row && stmt_col_int(s, 0) < facts[i].id)
			e = stmt_step(s, &row);
		while (!e && row && stmt_col_int(s, 0) == facts[i].id) {
			XGROW(ev, evcap, evn + 1);
			struct member_event *x = &ev[evn++];
			x->date = col_date(s, 1, DATE_NONE);
			event_type_parse(stmt_col_text(s, 2), &x->type);
			x->org = stmt_col_null(s, 3) ? ORG_NONE : registry_org_ref(org_index_of_id(r, stmt_col_int(s, 3)));
			x->to_org = stmt_col_null(s, 4) ? ORG_NONE
							 : registry_org_ref(org_index_of_id(r, stmt_col_int(s, 4)));
			x->detail = NULL;
			x->line = 0;
			e = stmt_step(s, &row);
		}
		if (!e)
			e = fn(r, &facts[i], ev, evn, arg);
	}
	if (s && row)
		store_stmt(r->st, STMT_EVENT_ALL_BY_ROW); /* reset */
	for (size_t i = 0; i < n; i++)
		free(facts[i].member_id);
	free(facts);
	free(ev);
	return e;
}

struct recheck {
	struct diag_list *dl;
	struct org_resolver res;
	bool bad;
};

static enum err recheck_one(struct registry *r, struct fact_row *fr, struct member_event *ev, size_t n, void *arg)
{
	struct recheck *rc = arg;
	struct member_timeline tl;
	if (member_replay(&fr->f, ev, n, &rc->res, r->today, "members", "events", &tl, rc->dl)) {
		rc->bad = true;
		member_timeline_free(&tl);
		return ERR_OK;
	}
	enum err e = write_spans(r, fr->id, &tl, false);
	member_timeline_free(&tl);
	return e;
}

enum err registry_recheck_members(struct registry *r, struct diag_list *dl)
{
	struct recheck rc = {.dl = dl};
	registry_resolver(r, &rc.res);
	enum err e = each_member(r, recheck_one, &rc);
	return e ? e : rc.bad ? ERR_INPUT : ERR_OK;
}

struct loadctx {
	struct recheck rc;
	size_t cap;
};

static enum err load_one(struct registry *r, struct fact_row *fr, struct member_event *ev, size_t n, void *arg)
{
	struct loadctx *lc = arg;
	XGROW(r->members, lc->cap, r->nmembers + 1);
	struct member_fact *mf = &r->members[r->nmembers++];
	mf->id = fr->id;
	mf->f = fr->f;
	mf->f.member_id = NULL;
	member_replay(&fr->f, ev, n, &lc->rc.res, r->today, "members", "events", &mf->tl, lc->rc.dl);
	return ERR_OK;
}

enum err registry_load_members(struct registry *r, struct diag_list *dl)
{
	struct loadctx lc = {{.dl = dl}, 0};
	registry_resolver(r, &lc.rc.res);
	return each_member(r, load_one, &lc);
}

/* ---- search ---- */

static void found_member_clear(struct found_member *f)
{
	free(f->member_id);
	free(f->full_name);
	free(f->gender);
	free(f->org_code);
	free(f->status);
}

void found_members_free(struct found_member *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		found_member_clear(&v[i]);
	free(v);
}

enum err registry_member_find(struct store *st, const char *query, size_t limit, struct found_member **out,
			      size_t *n)
{
	*out = NULL;
	*n = 0;
	char *q = text_fold(query);
	if (!*q) {
		free(q);
		return ERR_OK;
	}
	/* Prefix ranges [q, q + 0x7f) over the full-name key and the
	 * given-name-first key; enough rows to sort a page the Vietnamese way. */
	struct buf hi;
	buf_init(&hi, 0);
	buf_adds(&hi, q);
	buf_addch(&hi, '\x7f');
	struct found_member *v = NULL;
	size_t nv = 0, cap = 0;
	enum stmt which[2] = {STMT_MEMBER_FIND_NAME, STMT_MEMBER_FIND_GIVEN};
	enum err e = ERR_OK;
	for (int w = 0; w < 2 && !e; w++) {
		struct store_stmt *s = store_stmt(st, which[w]);
		stmt_bind_text(s, 1, q);
		stmt_bind_text(s, 2, hi.ptr);
		stmt_bind_int(s, 3, (int64_t)limit * 4 + 16);
		bool row;
		while ((e = stmt_step(s, &row)) == ERR_OK && row) {
			const char *id = stmt_col_text(s, 0);
			bool dup = false;
			for (size_t i = 0; i < nv && !dup; i++)
				dup = strcmp(v[i].member_id, id) == 0;
			if (dup)
				continue;
			XGROW(v, cap, nv + 1);
			struct found_member *f = &v[nv++];
			f->member_id = xstrdup(id);
			f->full_name = col_dup(s, 1);
			f->gender = col_dup(s, 2);
			f->birth_date = col_date(s, 3, DATE_NONE);
			f->org_code = col_dup(s, 4);
			f->status = col_dup(s, 5);
		}
	}
	buf_free(&hi);
	free(q);
	struct collator *c = collator_new();
	/* insertion sort: result sets are small */
	for (size_t i = 1; i < nv; i++) {
		struct found_member x = v[i];
		size_t j = i;
		while (j > 0) {
			int cmp = collator_cmp_person(c, v[j - 1].full_name, x.full_name);
			if (cmp < 0 || (cmp == 0 && strcmp(v[j - 1].member_id, x.member_id) <= 0))
				break;
			v[j] = v[j - 1];
			j--;
		}
		v[j] = x;
	}
	collator_free(c);
	size_t keep = nv < limit ? nv : limit;
	for (size_t i = keep; i < nv; i++)
		found_member_clear(&v[i]);
	*out = v;
	*n = keep;
	return e;
}

bool registry_holds_data(struct store *st)
{
	struct store_stmt *s = store_stmt(st, STMT_MEMBER_COUNT);
	bool row = false;
	bool members = stmt_step(s, &row) == ERR_OK && row && stmt_col_int(s, 0) > 0;
	store_stmt(st, STMT_MEMBER_COUNT); /* reset */
	return members || store_has_rows(st, STMT_ORG_ALL);
}
