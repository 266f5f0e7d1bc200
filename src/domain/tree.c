#define _GNU_SOURCE /* qsort_r */
/* tree: organizations with dated parents and names. */
#include "domain/tree.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/xalloc.h"

static const char *const oev_names[OEV__MAX] = {"move", "merge", "rename", "dissolve"};

const char *org_event_type_name(enum org_event_type t)
{
	return (unsigned)t < OEV__MAX ? oev_names[t] : "";
}

bool org_event_type_parse(const char *s, enum org_event_type *out)
{
	for (int i = 0; i < OEV__MAX; i++)
		if (strcmp(s, oev_names[i]) == 0) {
			*out = (enum org_event_type)i;
			return true;
		}
	return false;
}

void tree_init(struct tree *t)
{
	memset(t, 0, sizeof(*t));
}

void tree_free(struct tree *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->orgs[i].code);
		free(t->orgs[i].name);
		free(t->orgs[i].category);
		free(t->orgs[i].unit_code);
	}
	for (size_t i = 0; i < t->nev; i++) {
		free(t->events[i].old_name);
		free(t->events[i].new_name);
	}
	free(t->orgs);
	free(t->events);
	free(t->spans);
	free(t->hash);
	tree_init(t);
}

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static void rehash(struct tree *t)
{
	free(t->hash);
	t->hcap = 64;
	while (t->hcap < t->n * 2 + 2)
		t->hcap *= 2;
	t->hash = xmalloc(sizeof(int) * t->hcap);
	memset(t->hash, 0xff, sizeof(int) * t->hcap);
	for (size_t i = 0; i < t->n; i++) {
		size_t h = hash_str(t->orgs[i].code) & (t->hcap - 1);
		while (t->hash[h] != TREE_NONE)
			h = (h + 1) & (t->hcap - 1);
		t->hash[h] = (int)i;
	}
}

int tree_find(const struct tree *t, const char *code)
{
	if (!t->hcap || !code)
		return TREE_NONE;
	size_t h = hash_str(code) & (t->hcap - 1);
	while (t->hash[h] != TREE_NONE) {
		if (strcmp(t->orgs[t->hash[h]].code, code) == 0)
			return t->hash[h];
		h = (h + 1) & (t->hcap - 1);
	}
	return TREE_NONE;
}

static char *dup_or_null(const char *s)
{
	return s && *s ? xstrdup(s) : NULL;
}

int tree_add(struct tree *t, const struct tree_org *o)
{
	if (tree_find(t, o->code) != TREE_NONE)
		return TREE_NONE;
	XGROW(t->orgs, t->cap, t->n + 1);
	struct tree_org *p = &t->orgs[t->n];
	*p = *o;
	p->code = xstrdup(o->code);
	p->name = xstrdup(o->name ? o->name : "");
	p->category = dup_or_null(o->category);
	p->unit_code = dup_or_null(o->unit_code);
	p->merged_into = TREE_NONE;
	p->span0 = p->nspan = 0;
	t->n++;
	if (t->n * 2 + 2 > t->hcap) {
		rehash(t);
	} else {
		size_t h = hash_str(p->code) & (t->hcap - 1);
		while (t->hash[h] != TREE_NONE)
			h = (h + 1) & (t->hcap - 1);
		t->hash[h] = (int)(t->n - 1);
	}
	return (int)(t->n - 1);
}

void tree_add_event(struct tree *t, const struct tree_event *e)
{
	XGROW(t->events, t->evcap, t->nev + 1);
	struct tree_event *p = &t->events[t->nev++];
	*p = *e;
	p->old_name = dup_or_null(e->old_name);
	p->new_name = dup_or_null(e->new_name);
}

/* ---- derivation ---- */

struct derive {
	struct tree *t;
	const char *ofile, *efile;
	struct diag_list *dl;
	bool bad;
};

static void eproblem(struct derive *d, const struct tree_event *e, const char *col, const char *fmt,
		     const char *a, const char *b)
{
	char ds[11];
	date_format(e->date, ds);
	diag_add(d->dl, d->efile, e->line, col, "%s %s on %s: %s%s%s", org_event_type_name(e->type),
		 d->t->orgs[e->org].code, ds, fmt, a ? a : "", b ? b : "");
	d->bad = true;
}

static void oproblem(struct derive *d, const struct tree_org *o, const char *col, const char *fmt,
		     const char *a, const char *b)
{
	diag_add(d->dl, d->ofile, o->line, col, "organization %s: %s%s%s", o->code, fmt, a ? a : "",
		 b ? b : "");
	d->bad = true;
}

static int cmp_event(const void *a, const void *b)
{
	const struct tree_event *x = a, *y = b;
	if (x->org != y->org)
		return x->org < y->org ? -1 : 1;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return x->line < y->line ? -1 : (x->line > y->line);
}

static void push_span(struct tree *t, date_t from, date_t to, int parent, const char *name)
{
	XGROW(t->spans, t->spcap, t->nspans + 1);
	t->spans[t->nspans++] = (struct tree_span){from, to, parent, name};
}

/* First pass: merges and dissolutions fix each organization's end. */
static void derive_ends(struct derive *d)
{
	struct tree *t = d->t;
	for (size_t i = 0; i < t->nev; i++) {
		struct tree_event *e = &t->events[i];
		struct tree_org *o = &t->orgs[e->org];
		if (e->type != OEV_MERGE && e->type != OEV_DISSOLVE)
			continue;
		char ds[11];
		date_format(e->date, ds);
		if (o->dissolved != e->date) {
			eproblem(d, e, "date", "orgs.csv must give dissolved_on ", ds, " for it");
			continue;
		}
		if (e->type == OEV_MERGE) {
			if (e->to == TREE_NONE) {
				eproblem(d, e, "to_code", "a merge needs the organization it merges into", NULL, NULL);
				continue;
			}
			if (!tree_exists(t, e->to, e->date)) {
				eproblem(d, e, "to_code", "", t->orgs[e->to].code, " does not exist on that date");
				continue;
			}
			if (e->to == e->org) {
				eproblem(d, e, "to_code", "an organization cannot merge into itself", NULL, NULL);
				continue;
			}
			o->merged_into = e->to;
		}
	}
}

/* Second pass: each organization's parent and name over time. */
static void derive_spans(struct derive *d, size_t lo, size_t hi, int org)
{
	struct tree *t = d->t;
	struct tree_org *o = &t->orgs[org];
	int parent = o->parent;
	const char *name = o->name;
	for (size_t i = lo; i < hi; i++) {
		if (t->events[i].type == OEV_MOVE) {
			parent = t->events[i].from;
			break;
		}
	}
	for (size_t i = lo; i < hi; i++) {
		if (t->events[i].type == OEV_RENAME && t->events[i].old_name) {
			name = t->events[i].old_name;
			break;
		}
	}
	o->span0 = t->nspans;
	date_t from = o->founded;
	for (size_t i = lo; i < hi; i++) {
		const struct tree_event *e = &t->events[i];
		if (e->date < o->founded || e->date > o->dissolved ||
		    (e->date == o->dissolved && e->type != OEV_MERGE && e->type != OEV_DISSOLVE)) {
			eproblem(d, e, "date", "the organization does not exist on that date", NULL, NULL);
			continue;
		}
		if (e->type == OEV_MOVE) {
			if (e->to == TREE_NONE) {
				eproblem(d, e, "to_code", "a move needs the new parent", NULL, NULL);
				continue;
			}
			int cur = parent == TREE_NONE ? TREE_NONE : tree_follow(t, parent, e->date);
			if (e->from != TREE_NONE && tree_follow(t, e->from, e->date) != cur) {
				eproblem(d, e, "from_code", "the parent on that date is ",
					 cur == TREE_NONE ? "none" : t->orgs[cur].code, NULL);
				continue;
			}
			if (e->date > from)
				push_span(t, from, e->date, parent, name);
			from = e->date;
			parent = e->to;
		} else if (e->type == OEV_RENAME) {
			if (!e->new_name) {
				eproblem(d, e, "new_name", "a rename needs the new name", NULL, NULL);
				continue;
			}
			if (e->old_name && strcmp(e->old_name, name) != 0) {
				eproblem(d, e, "old_name", "the name on that date is ", name, NULL);
				continue;
			}
			if (e->date > from)
				push_span(t, from, e->date, parent, name);
			from = e->date;
			name = e->new_name;
		}
	}
	if (o->dissolved > from)
		push_span(t, from, o->dissolved, parent, name);
	o->nspan = t->nspans - o->span0;
	if (strcmp(name, o->name) != 0)
		oproblem(d, o, "name", "after its renames the name is ", name, ", not the one in orgs.csv");
	date_t last = o->dissolved == DATE_MAX ? DATE_MAX - 1 : o->dissolved - 1;
	int want = o->parent == TREE_NONE ? TREE_NONE : tree_follow(t, o->parent, last);
	int got = parent == TREE_NONE ? TREE_NONE : tree_follow(t, parent, last);
	if (want != got)
		oproblem(d, o, "parent_code", "after its moves the parent is ",
			 got == TREE_NONE ? "none" : t->orgs[got].code, ", not parent_code");
}

/* Third pass: on every span, the parent exists, kinds nest, no cycles. */
static void check_nesting(struct derive *d, int org)
{
	struct tree *t = d->t;
	struct tree_org *o = &t->orgs[org];
	for (size_t k = o->span0; k < o->span0 + o->nspan; k++) {
		const struct tree_span *s = &t->spans[k];
		char ds[11];
		date_format(s->from, ds);
		if (s->parent == TREE_NONE) {
			if (o->kind != ORG_CENTRAL && o->kind != ORG_PROVINCE)
				oproblem(d, o, "parent_code", "only the root (central or province) may have no parent",
					 NULL, NULL);
			continue;
		}
		/* Check at the span's start and at each merge of the parent chain. */
		date_t at = s->from;
		for (int guard = 0; guard < 8 && at < s->to; guard++) {
			int p = tree_follow(t, s->parent, at);
			const struct tree_org *po = &t->orgs[p];
			if (!tree_exists(t, p, at)) {
				date_format(at, ds);
				oproblem(d, o, "parent_code", po->code, " does not exist on ", ds);
				break;
			}
			if (!org_kind_may_nest(po->kind, o->kind)) {
				struct buf b;
				buf_init(&b, 0);
				buf_addf(&b, " (%s) under %s (%s): a %s sits under %s", org_kind_name(o->kind), po->code,
					 org_kind_name(po->kind), org_kind_name(o->kind), org_kind_parents_text(o->kind));
				oproblem(d, o, "kind", "kinds cannot nest: ", o->code, b.ptr);
				buf_free(&b);
				break;
			}
			if (po->dissolved >= s->to)
				break;
			if (po->merged_into == TREE_NONE) {
				oproblem(d, o, "parent_code", "its parent ", po->code,
					 " is dissolved while the organization is still under it "
					 "(move or dissolve it first, or merge the parent)");
				break;
			}
			at = po->dissolved;
		}
		/* cycle: walk up from the start of the span */
		int p = org;
		size_t steps = 0;
		while (p != TREE_NONE && steps <= t->n) {
			p = tree_parent_at(t, p, s->from);
			if (p == org) {
				oproblem(d, o, "parent_code", "the organization would be under itself", NULL, NULL);
				break;
			}
			steps++;
		}
	}
}

enum err tree_derive(struct tree *t, const char *orgs_file, const char *events_file, struct diag_list *dl)
{
	struct derive d = {t, orgs_file, events_file, dl, false};
	t->nspans = 0;
	for (size_t i = 0; i < t->n; i++) {
		t->orgs[i].merged_into = TREE_NONE;
		t->orgs[i].nspan = 0;
		if (t->orgs[i].dissolved <= t->orgs[i].founded)
			oproblem(&d, &t->orgs[i], "dissolved_on", "dissolved_on must be after founded_on", NULL, NULL);
	}
	if (t->nev)
		qsort(t->events, t->nev, sizeof(*t->events), cmp_event);
	derive_ends(&d);
	size_t i = 0;
	for (size_t org = 0; org < t->n; org++) {
		size_t lo = i;
		while (i < t->nev && t->events[i].org == (int)org)
			i++;
		derive_spans(&d, lo, i, (int)org);
	}
	if (!d.bad)
		for (size_t org = 0; org < t->n; org++)
			check_nesting(&d, (int)org);
	return d.bad ? ERR_INPUT : ERR_OK;
}

bool tree_exists(const struct tree *t, int org, date_t d)
{
	const struct tree_org *o = &t->orgs[org];
	return d >= o->founded && d < o->dissolved;
}

const struct tree_span *tree_span_at(const struct tree *t, int org, date_t d)
{
	const struct tree_org *o = &t->orgs[org];
	for (size_t k = o->span0; k < o->span0 + o->nspan; k++)
		if (t->spans[k].from <= d && d < t->spans[k].to)
			return &t->spans[k];
	return NULL;
}

int tree_follow(const struct tree *t, int org, date_t d)
{
	for (int guard = 0; guard < 64 && org != TREE_NONE; guard++) {
		const struct tree_org *o = &t->orgs[org];
		if (o->merged_into == TREE_NONE || d < o->dissolved)
			return org;
		org = o->merged_into;
	}
	return org;
}

int tree_parent_at(const struct tree *t, int org, date_t d)
{
	const struct tree_span *s = tree_span_at(t, org, d);
	if (!s || s->parent == TREE_NONE)
		return TREE_NONE;
	return tree_follow(t, s->parent, d);
}

const char *tree_name_at(const struct tree *t, int org, date_t d)
{
	const struct tree_span *s = tree_span_at(t, org, d);
	return s ? s->name : t->orgs[org].name;
}

bool tree_is_under(const struct tree *t, int org, int anc, date_t d)
{
	for (size_t steps = 0; org != TREE_NONE && steps <= t->n; steps++) {
		if (org == anc)
			return true;
		org = tree_parent_at(t, org, d);
	}
	return false;
}

static int cmp_code(const void *a, const void *b, void *arg)
{
	const struct tree *t = arg;
	return strcmp(t->orgs[*(const int *)a].code, t->orgs[*(const int *)b].code);
}

void tree_view_build(const struct tree *t, date_t d, struct tree_view *v)
{
	v->day = d;
	v->first_child = xmalloc(sizeof(int) * (t->n + 1));
	v->next_sibling = xmalloc(sizeof(int) * (t->n + 1));
	v->roots = xmalloc(sizeof(int) * (t->n + 1));
	v->nroots = 0;
	int *order = xmalloc(sizeof(int) * (t->n + 1));
	for (size_t i = 0; i < t->n; i++) {
		order[i] = (int)i;
		v->first_child[i] = v->next_sibling[i] = TREE_NONE;
	}
	qsort_r(order, t->n, sizeof(int), cmp_code, (void *)t);
	/* Insert in reverse code order so each list ends up in code order. */
	for (size_t k = t->n; k-- > 0;) {
		int i = order[k];
		if (!tree_exists(t, i, d))
			continue;
		int p = tree_parent_at(t, i, d);
		if (p == TREE_NONE) {
			v->roots[v->nroots++] = i;
		} else {
			v->next_sibling[i] = v->first_child[p];
			v->first_child[p] = i;
		}
	}
	/* roots were collected in reverse order */
	for (size_t a = 0, b = v->nroots ? v->nroots - 1 : 0; a < b; a++, b--) {
		int x = v->roots[a];
		v->roots[a] = v->roots[b];
		v->roots[b] = x;
	}
	free(order);
}

void tree_view_free(struct tree_view *v)
{
	free(v->first_child);
	free(v->next_sibling);
	free(v->roots);
	memset(v, 0, sizeof(*v));
}
