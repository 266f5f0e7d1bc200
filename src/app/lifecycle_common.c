/* lifecycle_common: the session, member loading and writing shared by the
 * lifecycle use cases (lifecycle_int.h). */
#include "app/lifecycle_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "app/calendar.h"
#include "app/record.h"
#include "app/rules_cfg.h"
#include "core/xalloc.h"

void lc_bind_date(struct store_stmt *q, int i, date_t d)
{
	if (d == DATE_NONE) {
		stmt_bind_null(q, i);
		return;
	}
	char b[11];
	date_format(d, b);
	stmt_bind_text(q, i, b);
}

date_t lc_col_date(struct store_stmt *q, int i)
{
	const char *v = stmt_col_text(q, i);
	date_t d;
	return v && date_parse(v, &d) ? d : DATE_NONE;
}

void lc_bind_opt_text(struct store_stmt *q, int i, const char *v)
{
	if (v && *v)
		stmt_bind_text(q, i, v);
	else
		stmt_bind_null(q, i);
}

enum err lc_open(struct store *st, bool write, struct lc_session *s, struct diag_list *dl)
{
	memset(s, 0, sizeof(*s));
	s->st = st;
	s->dl = dl;
	enum err e;
	if (write) {
		if ((e = store_begin(st)))
			return e;
		s->tx = true;
	}
	/* the shipped calendar with this database's changes (app/calendar.h) */
	struct workday_cal *cal = calendar_load(st);
	if (!cal) {
		if (s->tx)
			store_rollback(st);
		s->tx = false;
		return ERR_STORE;
	}
	s->cal = cal;
	if ((e = registry_open(st, &s->r, dl)) || (e = rules_load(st, &s->rs))) {
		registry_close(&s->r);
		workday_cal_free(cal);
		s->cal = NULL;
		if (s->tx)
			store_rollback(st);
		s->tx = false;
		return e;
	}
	for (size_t i = 0; i < s->r.tree.n; i++)
		if (s->r.tree.orgs[i].id > s->maxid)
			s->maxid = s->r.tree.orgs[i].id;
	s->byid = xmalloc(sizeof(int) * (size_t)(s->maxid + 1));
	memset(s->byid, 0xff, sizeof(int) * (size_t)(s->maxid + 1));
	for (size_t i = 0; i < s->r.tree.n; i++)
		s->byid[s->r.tree.orgs[i].id] = (int)i;
	return ERR_OK;
}

enum err lc_close(struct lc_session *s, enum err e)
{
	if (s->tx) {
		if (!e)
			e = store_commit(s->st);
		else
			store_rollback(s->st);
	}
	registry_close(&s->r);
	free(s->byid);
	s->byid = NULL;
	workday_cal_free((struct workday_cal *)s->cal);
	s->cal = NULL;
	s->tx = false;
	return e;
}

int lc_org_of_id(const struct lc_session *s, int64_t id)
{
	return id > 0 && id <= s->maxid ? s->byid[id] : TREE_NONE;
}

int lc_org_need(struct lc_session *s, const char *code, const char *col)
{
	int i = code ? tree_find(&s->r.tree, code) : TREE_NONE;
	if (i == TREE_NONE)
		diag_add(s->dl, NULL, 0, col, "no organization '%s'", code ? code : "");
	return i;
}

static int ancestor_of_kind(const struct lc_session *s, int org, date_t d, enum org_kind k)
{
	for (int i = org, guard = 0; i != TREE_NONE && guard < 64; i = tree_parent_at(&s->r.tree, i, d), guard++)
		if (s->r.tree.orgs[i].kind == k)
			return i;
	return TREE_NONE;
}

int lc_province_of(const struct lc_session *s, int org, date_t d)
{
	return ancestor_of_kind(s, org, d, ORG_PROVINCE);
}

int lc_upper_of(const struct lc_session *s, int org, date_t d)
{
	return ancestor_of_kind(s, org, d, ORG_UPPER);
}

/* ---- members ---- */

static void replay(struct lc_session *s, struct lc_member *x)
{
	struct member_rec *m = &x->m;
	x->f = (struct member_facts){m->member_id, m->decision_date, m->ceremony_date, m->official_date,
				     registry_org_ref(m->org), m->status, 0};
	x->mev = xcalloc(x->nev + 1, sizeof(*x->mev));
	for (size_t i = 0; i < x->nev; i++)
		x->mev[i] = (struct member_event){x->ev[i].date, x->ev[i].type, registry_org_ref(x->ev[i].org),
						  registry_org_ref(x->ev[i].to_org), x->ev[i].detail, 0};
	struct org_resolver res;
	registry_resolver(&s->r, &res);
	struct diag_list scratch;
	diag_init(&scratch);
	x->replayed = member_replay(&x->f, x->mev, x->nev, &res, s->r.today, "members", "events", &x->tl,
				    &scratch) == ERR_OK;
	diag_free(&scratch);
}

enum err lc_member_load(struct lc_session *s, const char *member_id, const char *col, struct lc_member *out)
{
	memset(out, 0, sizeof(*out));
	enum err e = registry_member_get(&s->r, member_id, &out->m, &out->ev, &out->nev);
	if (e == ERR_NOTFOUND)
		diag_add(s->dl, NULL, 0, col, "no member '%s'", member_id);
	if (e) {
		member_rec_free(&out->m);
		memset(out, 0, sizeof(*out));
		return e;
	}
	out->new_ceremony = DATE_NONE;
	replay(s, out);
	return ERR_OK;
}

void lc_member_free(struct lc_member *m)
{
	member_timeline_free(&m->tl);
	free(m->mev);
	events_free(m->ev, m->nev);
	member_rec_free(&m->m);
	memset(m, 0, sizeof(*m));
}

enum member_status lc_member_status(const struct lc_member *m, date_t d)
{
	return member_status_at(&m->f, &m->tl, d);
}

int lc_member_org(const struct lc_session *s, const struct lc_member *m, date_t d)
{
	const struct span *sp = member_span_at(&m->tl, d);
	if (!sp)
		return TREE_NONE;
	return tree_follow(&s->r.tree, registry_org_index(sp->org), d);
}

const struct event_rec *lc_member_last_exit(const struct lc_member *m)
{
	for (size_t i = m->nev; i-- > 0;)
		if (event_type_is_exit(m->ev[i].type))
			return &m->ev[i];
	return NULL;
}

enum err lc_member_apply(struct lc_session *s, struct lc_member *x, const struct member_event_in *in, size_t n,
			 const char *action, json_t *extra)
{
	struct registry *r = &s->r;
	char *before = audit_member_json(r, &x->m, x->ev, x->nev);
	enum err e = ERR_OK;
	for (size_t k = 0; k < n && !e; k++) {
		int org = TREE_NONE, to = TREE_NONE;
		if (in[k].org && (org = lc_org_need(s, in[k].org, "org")) == TREE_NONE)
			e = ERR_NOTFOUND;
		if (in[k].to_org && (to = lc_org_need(s, in[k].to_org, "to")) == TREE_NONE)
			e = ERR_NOTFOUND;
		if (e)
			break;
		x->ev = xrealloc(x->ev, sizeof(*x->ev) * (x->nev + 1));
		x->ev[x->nev] = (struct event_rec){in[k].date, in[k].type, org, to,
						   in[k].detail ? xstrdup(in[k].detail) : NULL, 0};
		x->nev++;
		for (size_t i = x->nev - 1; i > 0 && x->ev[i - 1].date > x->ev[i].date; i--) {
			struct event_rec t = x->ev[i];
			x->ev[i] = x->ev[i - 1];
			x->ev[i - 1] = t;
		}
		ops_event_facts(&x->m, &in[k], org, to);
	}
	if (x->new_ceremony != DATE_NONE)
		x->m.ceremony_date = x->new_ceremony;
	x->new_ceremony = DATE_NONE;
	if (!e)
		e = registry_member_put(r, &x->m, x->ev, x->nev, true, "member", "event", s->dl);
	if (!e) {
		x->m.version++;
		json_t *after = record_member(r, &x->m, x->ev, x->nev);
		if (extra)
			json_object_set_new(after, "lifecycle", extra);
		extra = NULL;
		char *text = record_text(after);
		e = audit_record(s->st, action, "member", x->m.member_id, before, text);
		free(text);
	}
	if (extra)
		json_decref(extra);
	free(before);
	/* reload the replay */
	member_timeline_free(&x->tl);
	free(x->mev);
	x->mev = NULL;
	if (!e)
		replay(s, x);
	return e;
}

/* ---- facts ---- */

enum err lc_fact_add(struct lc_session *s, int64_t member_row, const struct lc_fact *f)
{
	struct store_stmt *q = store_stmt(s->st, STMT_MEMBER_FACT_INSERT);
	stmt_bind_int(q, 1, member_row);
	stmt_bind_text(q, 2, f->kind);
	lc_bind_date(q, 3, f->date);
	lc_bind_date(q, 4, f->until);
	lc_bind_opt_text(q, 5, f->code);
	stmt_bind_int(q, 6, f->number);
	lc_bind_opt_text(q, 7, f->ref);
	lc_bind_opt_text(q, 8, f->note);
	return stmt_exec(q);
}

enum err lc_facts_of(struct lc_session *s, int64_t member_row, struct lc_fact_rec **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	struct store_stmt *q = store_stmt(s->st, STMT_MEMBER_FACT_OF);
	stmt_bind_int(q, 1, member_row);
	bool row;
	enum err e;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		XGROW(*out, cap, *n + 1);
		struct lc_fact_rec *f = &(*out)[(*n)++];
		const char *v;
		f->kind = xstrdup((v = stmt_col_text(q, 0)) ? v : "");
		f->date = lc_col_date(q, 1);
		f->until = lc_col_date(q, 2);
		f->code = (v = stmt_col_text(q, 3)) ? xstrdup(v) : NULL;
		f->number = stmt_col_null(q, 4) ? INT64_MIN : stmt_col_int(q, 4);
		f->ref = (v = stmt_col_text(q, 5)) ? xstrdup(v) : NULL;
		f->note = (v = stmt_col_text(q, 6)) ? xstrdup(v) : NULL;
	}
	return e;
}

void lc_facts_free(struct lc_fact_rec *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].kind);
		free(v[i].code);
		free(v[i].ref);
		free(v[i].note);
	}
	free(v);
}

json_t *lc_fact_json(const struct lc_fact *f)
{
	json_t *j = json_object();
	json_object_set_new(j, "kind", json_string(f->kind));
	json_object_set_new(j, "date", record_date(f->date));
	if (f->until != DATE_NONE)
		json_object_set_new(j, "until", record_date(f->until));
	if (f->code)
		json_object_set_new(j, "code", json_string(f->code));
	if (f->number != INT64_MIN)
		json_object_set_new(j, "number", json_integer(f->number));
	if (f->ref)
		json_object_set_new(j, "ref", json_string(f->ref));
	if (f->note)
		json_object_set_new(j, "note", json_string(f->note));
	return j;
}

bool lc_parse_votes(const char *s, int *votes, int *base)
{
	if (!s)
		return false;
	char *end;
	long a = strtol(s, &end, 10);
	if (end == s || *end != '/')
		return false;
	const char *p = end + 1;
	long b = strtol(p, &end, 10);
	if (end == p || *end || a < 0 || b <= 0 || a > b || b > 100000)
		return false;
	*votes = (int)a;
	*base = (int)b;
	return true;
}

/* ---- the members of a subtree ---- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

enum err lc_members_in(struct lc_session *s, int org, date_t d, char ***ids, size_t *n)
{
	*ids = NULL;
	*n = 0;
	size_t cap = 0;
	char day[11];
	date_format(d, day);
	enum err e = ERR_OK;
	const struct tree *t = &s->r.tree;
	for (size_t i = 0; i < t->n && !e; i++) {
		/* organizations whose members are in the subtree on d: those
		 * under org, and those merged into one under org by then */
		if (!org_kind_holds_members(t->orgs[i].kind))
			continue;
		int where = tree_follow(t, (int)i, d);
		if (where == TREE_NONE || !tree_exists(t, where, d) || !tree_is_under(t, where, org, d))
			continue;
		struct store_stmt *q = store_stmt(s->st, STMT_MEMBERS_OF_ORG_AT);
		stmt_bind_int(q, 1, t->orgs[i].id);
		stmt_bind_text(q, 2, day);
		stmt_bind_text(q, 3, day);
		bool row;
		while ((e = stmt_step(q, &row)) == ERR_OK && row) {
			XGROW(*ids, cap, *n + 1);
			(*ids)[(*n)++] = xstrdup(stmt_col_text(q, 0));
		}
	}
	if (*n > 1) {
		qsort(*ids, *n, sizeof(**ids), cmp_str);
		size_t k = 1;
		for (size_t i = 1; i < *n; i++) {
			if (strcmp((*ids)[i], (*ids)[k - 1]) == 0)
				free((*ids)[i]);
			else
				(*ids)[k++] = (*ids)[i];
		}
		*n = k;
	}
	return e;
}

void lc_warn(struct lc_outcome *out, const char *fmt, ...)
{
	size_t len = strlen(out->note);
	if (len && len + 2 < sizeof(out->note)) {
		strcat(out->note, "\n");
		len++;
	}
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(out->note + len, sizeof(out->note) - len, fmt, ap);
	va_end(ap);
}

enum err lc_open_member(struct store *st, const char *member_id, struct lc_session *s, struct lc_member *x,
			struct diag_list *dl)
{
	enum err e = lc_open(st, true, s, dl);
	if (e)
		return e;
	if ((e = lc_member_load(s, member_id, "member", x)))
		return lc_close(s, e);
	return ERR_OK;
}
