/* report: the engine that runs a catalogue report over a snapshot
 * (report.h; docs/internals/reports.md). */
#include "app/report.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/xalloc.h"

/* ---- the pool: what a result owns ---- */

struct report_pool {
	void **v;
	size_t n, cap;
};

static void *pool_keep(struct report_pool *p, void *x)
{
	XGROW(p->v, p->cap, p->n + 1);
	p->v[p->n++] = x;
	return x;
}

static void *pool_alloc(struct report_pool *p, size_t n)
{
	return pool_keep(p, xcalloc(1, n ? n : 1));
}

static void pool_free(struct report_pool *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i]);
	free(p->v);
	free(p);
}

const char *report_keep(struct report_ctx *c, const char *s)
{
	return pool_keep(c->pool, xstrdup(s));
}

void report_indicator_list_add(struct report_indicator_list *l, const struct report_indicator *ind)
{
	XGROW(l->v, l->cap, l->n + 1);
	l->v[l->n++] = *ind;
}

const struct report_def *report_find(const char *name)
{
	for (const struct report_def *const *d = report_catalogue; *d; d++)
		if (strcmp((*d)->name, name) == 0)
			return *d;
	return NULL;
}

/* ---- members and organizations on a day ---- */

int32_t report_member_org_at(const struct snapshot *s, uint32_t m, date_t d)
{
	const struct snap_span *sp = &s->span[m];
	if (sp->from <= d && d < sp->to)
		return sp->org;
	if (!(s->flags[m] & SNAP_MORE))
		return SNAP_NONE;
	/* further spans: binary search for the member's first entry */
	uint32_t lo = 0, hi = s->nmore;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (s->more[mid].member < m)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (uint32_t k = lo; k < s->nmore && s->more[k].member == m; k++)
		if (s->more[k].from <= d && d < s->more[k].to)
			return s->more[k].org;
	return SNAP_NONE;
}

/* The place of org on day d for dated events: the day itself, or the day
 * before if org had ended (merged or dissolved) by d. */
static date_t place_day(const struct snapshot *s, int32_t org, date_t d)
{
	return snap_exists(s, org, d) || !snap_exists(s, org, d - 1) ? d : d - 1;
}

void report_count_on(struct report_counter *k, int32_t org, date_t d, int64_t n)
{
	const struct report_ctx *c = k->c;
	const struct snapshot *s = c->snap;
	if (org < 0 || (uint32_t)org >= s->norg)
		return;
	d = place_day(s, org, d);
	for (int guard = 0; guard < 256 && org != SNAP_NONE; guard++) {
		if (c->org_row[org] >= 0)
			k->row[c->org_row[org]] += n;
		org = snap_parent_at(s, org, d);
	}
}

void report_count_move(struct report_counter *k, int32_t from, int32_t to, date_t d, int64_t n)
{
	const struct report_ctx *c = k->c;
	const struct snapshot *s = c->snap;
	if (to < 0 || (uint32_t)to >= s->norg)
		return;
	/* the organizations above from (where the member was the day before) */
	int32_t up[256];
	int nup = 0;
	if (from >= 0 && (uint32_t)from < s->norg) {
		date_t df = place_day(s, from, d);
		for (int32_t o = from; o != SNAP_NONE && nup < 256; o = snap_parent_at(s, o, df))
			up[nup++] = o;
	}
	date_t dt = place_day(s, to, d);
	for (int guard = 0; guard < 256 && to != SNAP_NONE; guard++) {
		for (int i = 0; i < nup; i++)
			if (up[i] == to)
				return; /* from here up, both were inside */
		if (c->org_row[to] >= 0)
			k->row[c->org_row[to]] += n;
		to = snap_parent_at(s, to, dt);
	}
}

/* ---- the tree of the as-of day ---- */

struct layout {
	int32_t *pos_org, *pos_end, *pos_depth, *org_pos;
	uint32_t npos;
};

/* Numbers root's subtree on day d in pre-order, children in code order
 * (the snapshot lists organizations by code). */
static void layout_build(const struct snapshot *s, int32_t root, date_t d, struct report_pool *pool,
			 struct layout *l)
{
	uint32_t n = s->norg;
	int32_t *parent = xmalloc(sizeof(int32_t) * (n + 1));
	uint32_t *first = xcalloc(n + 2, sizeof(uint32_t)); /* CSR offsets of children */
	for (uint32_t o = 0; o < n; o++) {
		parent[o] = snap_exists(s, (int32_t)o, d) ? snap_parent_at(s, (int32_t)o, d) : SNAP_NONE;
		if (parent[o] >= 0)
			first[parent[o] + 1]++;
	}
	for (uint32_t o = 0; o < n; o++)
		first[o + 1] += first[o];
	int32_t *kids = xmalloc(sizeof(int32_t) * (first[n] + 1));
	uint32_t *fill = xmalloc(sizeof(uint32_t) * (n + 1));
	memcpy(fill, first, sizeof(uint32_t) * n);
	for (uint32_t o = 0; o < n; o++) /* in code order, so each list is in code order */
		if (parent[o] >= 0)
			kids[fill[parent[o]]++] = (int32_t)o;
	free(fill);

	l->org_pos = pool_alloc(pool, sizeof(int32_t) * (n + 1));
	memset(l->org_pos, 0xff, sizeof(int32_t) * (n + 1));
	l->pos_org = pool_alloc(pool, sizeof(int32_t) * (n + 1));
	l->pos_end = pool_alloc(pool, sizeof(int32_t) * (n + 1));
	l->pos_depth = pool_alloc(pool, sizeof(int32_t) * (n + 1));
	/* iterative depth-first walk: a stack of (organization, next child) */
	struct frame {
		int32_t org;
		uint32_t next;
	} *stack = xmalloc(sizeof(*stack) * (n + 1));
	int32_t *stack_pos = xmalloc(sizeof(int32_t) * (n + 1));
	uint32_t np = 0, top = 0;
	stack[top] = (struct frame){root, first[root]};
	stack_pos[top++] = 0;
	l->pos_org[np] = root;
	l->pos_depth[np] = 0;
	l->org_pos[root] = (int32_t)np++;
	while (top) {
		struct frame *f = &stack[top - 1];
		if (f->next < first[f->org + 1]) {
			int32_t k = kids[f->next++];
			if (l->org_pos[k] >= 0)
				continue; /* a cycle cannot be derived; stay safe anyway */
			l->pos_org[np] = k;
			l->pos_depth[np] = (int32_t)top;
			l->org_pos[k] = (int32_t)np;
			stack[top] = (struct frame){k, first[k]};
			stack_pos[top++] = (int32_t)np++;
		} else {
			l->pos_end[stack_pos[top - 1]] = (int32_t)np;
			top--;
		}
	}
	l->npos = np;
	free(stack);
	free(stack_pos);
	free(kids);
	free(first);
	free(parent);
}

/* member -> position on day d (members of merged organizations follow them) */
static int32_t *place_members(const struct snapshot *s, const struct layout *l, date_t d,
			      struct report_pool *pool)
{
	uint32_t n = s->norg;
	int32_t *fpos = xmalloc(sizeof(int32_t) * (n + 1));
	for (uint32_t o = 0; o < n; o++)
		fpos[o] = l->org_pos[snap_follow(s, (int32_t)o, d)];
	int32_t *mp = pool_alloc(pool, sizeof(int32_t) * ((size_t)s->nmem + 1));
	const struct snap_span *span = s->span;
	const uint8_t *flags = s->flags;
	uint32_t k = 0; /* cursor in more[] (member order) */
	for (uint32_t m = 0; m < s->nmem; m++) {
		int32_t org = SNAP_NONE;
		if (span[m].from <= d && d < span[m].to)
			org = span[m].org;
		else if (flags[m] & SNAP_MORE) {
			while (k < s->nmore && s->more[k].member < m)
				k++;
			for (uint32_t j = k; j < s->nmore && s->more[j].member == m; j++)
				if (s->more[j].from <= d && d < s->more[j].to)
					org = s->more[j].org;
		}
		mp[m] = org >= 0 && (uint32_t)org < n ? fpos[org] : -1;
	}
	free(fpos);
	return mp;
}

/* ---- counting ---- */

/* A unit of work: one indicator, or every indicator of one batch. */
struct unit {
	size_t first, n; /* indexes into job.order */
};

struct job {
	const struct report_ctx *c;
	const struct report_indicator *inds;
	size_t nind;
	size_t *order;   /* indicator indexes, grouped by unit */
	struct unit *units;
	size_t nunits;
	int64_t *out;    /* [indicator][row] */
	atomic_size_t next;
};

/* Turns a counter (positions, rows) into the indicator's row counts. */
static void roll_up(const struct report_ctx *c, int64_t *pos, const int64_t *row, int64_t *o)
{
	/* prefix sums over positions: a subtree is a range */
	int64_t run = 0;
	for (uint32_t p = 0; p < c->npos; p++) {
		int64_t v = pos[p];
		pos[p] = run;
		run += v;
	}
	pos[c->npos] = run;
	for (size_t r = 0; r < c->nrows; r++) {
		int32_t p = c->row_pos[r];
		o[r] = pos[c->pos_end[p]] - pos[p] + row[r];
	}
}

static void count_unit(struct job *j, const struct unit *u, int64_t *scratch)
{
	const struct report_ctx *c = j->c;
	size_t stride = (size_t)c->npos + 1 + c->nrows + 1;
	memset(scratch, 0, sizeof(int64_t) * stride * u->n);
	struct report_counter *k = xmalloc(sizeof(*k) * u->n);
	const struct report_indicator **ip = xmalloc(sizeof(*ip) * u->n);
	for (size_t i = 0; i < u->n; i++) {
		k[i] = (struct report_counter){scratch + i * stride, scratch + i * stride + c->npos + 1, c};
		ip[i] = &j->inds[j->order[u->first + i]];
	}
	if (ip[0]->batch)
		ip[0]->batch(c, ip, k, u->n);
	else
		ip[0]->count(c, ip[0], &k[0]);
	for (size_t i = 0; i < u->n; i++)
		roll_up(c, k[i].pos, k[i].row, j->out + j->order[u->first + i] * c->nrows);
	free(k);
	free(ip);
}

static void *worker(void *arg)
{
	struct job *j = arg;
	size_t stride = (size_t)j->c->npos + 1 + j->c->nrows + 1, most = 1;
	for (size_t u = 0; u < j->nunits; u++)
		if (j->units[u].n > most)
			most = j->units[u].n;
	int64_t *scratch = xmalloc(sizeof(int64_t) * stride * most);
	size_t u;
	while ((u = atomic_fetch_add(&j->next, 1)) < j->nunits)
		count_unit(j, &j->units[u], scratch);
	free(scratch);
	return NULL;
}

/* Groups the indicators into units: each batch together (largest first,
 * so that it starts first), then the others one by one. */
static void plan_units(struct job *j)
{
	j->order = xmalloc(sizeof(size_t) * (j->nind + 1));
	j->units = xmalloc(sizeof(struct unit) * (j->nind + 1));
	bool *done = xcalloc(j->nind + 1, sizeof(bool));
	size_t k = 0;
	for (size_t i = 0; i < j->nind; i++) {
		if (done[i] || !j->inds[i].batch)
			continue;
		struct unit u = {k, 0};
		for (size_t x = i; x < j->nind; x++)
			if (!done[x] && j->inds[x].batch == j->inds[i].batch) {
				done[x] = true;
				j->order[k++] = x;
				u.n++;
			}
		j->units[j->nunits++] = u;
	}
	for (size_t i = 0; i < j->nind; i++)
		if (!done[i]) {
			j->units[j->nunits++] = (struct unit){k, 1};
			j->order[k++] = i;
		}
	free(done);
}

static void count_all(struct job *j, int threads)
{
	if (threads <= 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		threads = n < 1 ? 1 : n > 4 ? 4 : (int)n;
	}
	if ((size_t)threads > j->nunits)
		threads = (int)j->nunits;
	pthread_t tid[8];
	int started = 0;
	for (int t = 1; t < threads && t < 8; t++)
		if (pthread_create(&tid[started], NULL, worker, j) == 0)
			started++;
	worker(j); /* this thread works too */
	for (int t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
}

/* ---- running ---- */

static enum err fail(struct buf *msg, enum err e, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static enum err fail(struct buf *msg, enum err e, const char *fmt, ...)
{
	va_list ap;
	buf_reset(msg);
	va_start(ap, fmt);
	buf_vaddf(msg, fmt, ap);
	va_end(ap);
	return e;
}

enum err report_run(const struct snapshot *snap, struct store *st, const struct report_request *rq,
		    struct report_result *out, struct buf *msg)
{
	memset(out, 0, sizeof(*out));
	const struct report_def *def = report_find(rq->report ? rq->report : "");
	if (!def) {
		struct buf names;
		buf_init(&names, 0);
		for (const struct report_def *const *d = report_catalogue; *d; d++)
			buf_addf(&names, "%s%s", names.len ? ", " : "", (*d)->name);
		enum err e = fail(msg, ERR_USAGE, "unknown report '%s' (reports: %s)", rq->report ? rq->report : "",
				 names.ptr);
		buf_free(&names);
		return e;
	}
	return report_run_def(snap, st, def, rq, out, msg);
}

enum err report_run_def(const struct snapshot *snap, struct store *st, const struct report_def *def,
			const struct report_request *rq, struct report_result *out, struct buf *msg)
{
	memset(out, 0, sizeof(*out));
	bool period = rq->from != DATE_NONE || rq->to != DATE_NONE;
	if (period && (rq->from == DATE_NONE || rq->to == DATE_NONE))
		return fail(msg, ERR_USAGE, "a period needs both --from and --to");
	if (period && rq->from > rq->to)
		return fail(msg, ERR_USAGE, "the period ends before it starts (--from is after --to)");
	if ((def->flags & REPORT_NEEDS_PERIOD) && !period)
		return fail(msg, ERR_USAGE, "report '%s' counts a period: give --from and --to", def->name);
	if (rq->depth < 0 || rq->depth > 64)
		return fail(msg, ERR_USAGE, "--depth must be between 0 and 64");
	if (rq->precision < 0 || rq->precision > 6)
		return fail(msg, ERR_USAGE, "--precision must be between 0 and 6");
	int32_t root = rq->org ? snap_find(snap, rq->org) : SNAP_NONE;
	if (root == SNAP_NONE)
		return fail(msg, ERR_NOTFOUND, "no organization with code '%s'", rq->org ? rq->org : "");
	date_t today = rq->today != DATE_NONE ? rq->today : date_today();
	date_t as_of = rq->as_of != DATE_NONE ? rq->as_of : today;
	if (!snap_exists(snap, root, as_of)) {
		char d[11], f[11];
		date_format_vn(as_of, d);
		const struct snap_org *o = &snap->orgs[root];
		if (as_of < o->founded) {
			date_format_vn(o->founded, f);
			buf_reset(msg);
			buf_addf(msg, "organization %s did not exist on %s (founded %s)", rq->org, d, f);
		} else {
			date_format_vn(o->dissolved, f);
			buf_reset(msg);
			buf_addf(msg, "organization %s did not exist on %s (it ended on %s%s%s)", rq->org, d, f,
				 o->merged_into >= 0 ? ", merged into " : "",
				 o->merged_into >= 0 ? snap_code(snap, o->merged_into) : "");
		}
		return ERR_INPUT;
	}

	struct report_pool *pool = xcalloc(1, sizeof(*pool));
	struct report_ctx c = {
		.snap = snap, .st = st, .def = def, .as_of = as_of, .today = today, .period = period,
		.from = rq->from, .to = rq->to, .term = rq->term, .rating_period = rq->period, .root = root, .pool = pool,
	};
	struct layout l;
	layout_build(snap, root, as_of, pool, &l);
	c.npos = l.npos;
	c.pos_org = l.pos_org;
	c.pos_end = l.pos_end;
	c.pos_depth = l.pos_depth;
	c.org_pos = l.org_pos;
	if (def->flags & REPORT_USES_MEMBERS)
		c.member_pos = place_members(snap, &l, as_of, pool);

	/* rows: the root and the organizations down to the depth asked for */
	int32_t *row_pos = pool_alloc(pool, sizeof(int32_t) * (l.npos + 1));
	int32_t *org_row = pool_alloc(pool, sizeof(int32_t) * ((size_t)snap->norg + 1));
	memset(org_row, 0xff, sizeof(int32_t) * ((size_t)snap->norg + 1));
	size_t nrows = 0;
	for (uint32_t p = 0; p < l.npos; p++)
		if (l.pos_depth[p] <= rq->depth) {
			org_row[l.pos_org[p]] = (int32_t)nrows;
			row_pos[nrows++] = (int32_t)p;
		}
	c.nrows = nrows;
	c.row_pos = row_pos;
	c.org_row = org_row;

	if (def->prepare) {
		enum err e = def->prepare(&c, msg);
		if (e) {
			if (def->release)
				def->release(&c);
			pool_free(pool);
			return e;
		}
	}

	/* the indicators of this run */
	struct report_indicator_list inds = {0};
	for (const struct report_indicator *i = def->indicators; i && i->name; i++)
		if (!(i->flags & REPORT_IND_PERIOD) || period)
			report_indicator_list_add(&inds, i);
	if (def->more_indicators)
		def->more_indicators(&c, &inds);
	pool_keep(pool, inds.v);

	int64_t *counts = pool_alloc(pool, sizeof(int64_t) * (inds.n * nrows + 1));
	struct job j = {.c = &c, .inds = inds.v, .nind = inds.n, .out = counts};
	atomic_init(&j.next, 0);
	plan_units(&j);
	if (inds.n && nrows)
		count_all(&j, rq->threads);
	free(j.order);
	free(j.units);
	if (def->release)
		def->release(&c);

	/* each indicator's base: the count of the named indicator */
	ptrdiff_t *base = pool_alloc(pool, sizeof(ptrdiff_t) * (inds.n + 1));
	for (size_t i = 0; i < inds.n; i++) {
		base[i] = -1;
		for (size_t k = 0; inds.v[i].base && k < inds.n; k++)
			if (strcmp(inds.v[k].name, inds.v[i].base) == 0)
				base[i] = (ptrdiff_t)k;
	}

	struct report_table *t = &out->table;
	t->report = def->name;
	t->title = def->title;
	t->org_code = snap_code(snap, root);
	t->org_name = snap_name_at(snap, root, as_of);
	t->as_of = as_of;
	t->from = period ? rq->from : DATE_NONE;
	t->to = period ? rq->to : DATE_NONE;
	t->precision = rq->precision;
	t->nrows = nrows * inds.n;
	t->rows = pool_alloc(pool, sizeof(struct report_row) * (t->nrows + 1));
	size_t k = 0;
	for (size_t r = 0; r < nrows; r++) {
		int32_t p = row_pos[r];
		int32_t org = l.pos_org[p];
		const char *code = snap_code(snap, org), *name = snap_name_at(snap, org, as_of);
		for (size_t i = 0; i < inds.n; i++) {
			struct report_row *x = &t->rows[k++];
			x->org_code = code;
			x->org_name = name;
			x->depth = l.pos_depth[p];
			x->indicator = inds.v[i].name;
			x->label = inds.v[i].label;
			x->count = counts[i * nrows + r];
			x->base = base[i] >= 0 ? counts[(size_t)base[i] * nrows + r] : REPORT_NO_BASE;
		}
	}
	out->pool = pool;
	return ERR_OK;
}

void report_result_free(struct report_result *r)
{
	pool_free(r->pool);
	memset(r, 0, sizeof(*r));
}

struct report_tally *report_tally_new(struct report_ctx *c, size_t nslots)
{
	struct report_tally *t = xcalloc(1, sizeof(*t) + sizeof(int64_t *) * nslots);
	t->n = nslots;
	for (size_t i = 0; i < nslots; i++)
		t->at[i] = xcalloc(c->npos + 1, sizeof(int64_t));
	c->priv = t;
	return t;
}

void report_tally_release(struct report_ctx *c)
{
	struct report_tally *t = c->priv;
	for (size_t i = 0; t && i < t->n; i++)
		free(t->at[i]);
	free(t);
	c->priv = NULL;
}

void report_tally_count(const struct report_ctx *c, size_t s, struct report_counter *k)
{
	const struct report_tally *t = c->priv;
	const int64_t *v = t && s < t->n ? t->at[s] : NULL;
	for (uint32_t p = 0; v && p < c->npos; p++)
		if (v[p])
			report_count_at(k, (int32_t)p, v[p]);
}
