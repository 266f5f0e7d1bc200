/* snapshot: building, writing, mapping and reading the columnar image of a
 * database (snapshot.h; design in docs/internals/reports.md). */
#include "app/snapshot.h"

#include <errno.h>
#include <stddef.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/refdata.h"
#include "app/registry.h"
#include "core/xalloc.h"

/* ---- the image layout ---- */

#define SNAP_MAGIC "DBGSNAP"
#define SNAP_VERSION 4
#define SNAP_ALIGN 64

enum snap_section {
	SEC_ORGS,
	SEC_OSPANS,
	SEC_STRINGS,
	SEC_FLAGS,
	SEC_BIRTH,
	SEC_DECISION,
	SEC_OFFICIAL,
	SEC_SPAN,
	SEC_MORE,
	SEC_EXEMPT,
	SEC_GAPS,
	SEC_EVENTS,
	SEC__MAX
};

struct snap_header {
	char magic[8];
	uint32_t version;
	uint32_t ev_max, kind_max; /* enum sizes the image was built with */
	uint32_t endian;           /* 0x01020304 as written */
	int64_t generation;
	char instance[40];
	struct snapshot_stamp stamp;
	uint32_t norg, nospan, nmem, nmore, nexempt, ngaps, nevents, pad;
	uint64_t nstrings;
	uint64_t off[SEC__MAX], len[SEC__MAX];
	uint64_t total;
};

/* ---- building ---- */

struct vec {
	void *p;
	size_t n, cap;
};

static void *vec_push(struct vec *v, size_t elem)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 1024;
		v->p = xrealloc(v->p, v->cap * elem);
	}
	return (char *)v->p + elem * v->n++;
}

struct snapshot_builder {
	const struct tree *t;
	int64_t generation;
	char instance[40];
	int32_t *idx; /* tree index -> snapshot index */
	struct buf strings;
	struct vec orgs, ospans, flags, birth, decision, official, span, more, exempt, gaps, events;
	/* interned categories: offsets into strings */
	struct vec cats;
};

static uint32_t str_add(struct snapshot_builder *b, const char *s)
{
	if (!s || !*s)
		return 0;
	uint32_t off = (uint32_t)b->strings.len;
	buf_add(&b->strings, s, strlen(s) + 1);
	return off;
}

static uint32_t cat_intern(struct snapshot_builder *b, const char *s)
{
	if (!s || !*s)
		return 0;
	const uint32_t *c = b->cats.p;
	for (size_t i = 0; i < b->cats.n; i++)
		if (strcmp(b->strings.ptr + c[i], s) == 0)
			return c[i];
	uint32_t off = str_add(b, s);
	*(uint32_t *)vec_push(&b->cats, sizeof(uint32_t)) = off;
	return off;
}

struct code_idx {
	const char *code;
	int idx;
};

static int cmp_code_idx(const void *a, const void *b)
{
	return strcmp(((const struct code_idx *)a)->code, ((const struct code_idx *)b)->code);
}

static int32_t map_idx(const struct snapshot_builder *b, int tree_index)
{
	return tree_index == TREE_NONE || tree_index < 0 || (size_t)tree_index >= b->t->n ? SNAP_NONE
											    : b->idx[tree_index];
}

static int32_t map_ref(const struct snapshot_builder *b, int64_t ref)
{
	return ref == ORG_NONE ? SNAP_NONE : map_idx(b, (int)(ref - 1));
}

struct snapshot_builder *snapshot_builder_new(const struct tree *t, int64_t generation, const char *instance)
{
	struct snapshot_builder *b = xcalloc(1, sizeof(*b));
	b->t = t;
	b->generation = generation;
	snprintf(b->instance, sizeof(b->instance), "%s", instance ? instance : "");
	buf_init(&b->strings, 0);
	buf_addch(&b->strings, '\0'); /* offset 0 is the empty string */
	/* Organizations in code order, the order children are listed in. */
	struct code_idx *order = xmalloc(sizeof(*order) * (t->n + 1));
	for (size_t i = 0; i < t->n; i++)
		order[i] = (struct code_idx){t->orgs[i].code, (int)i};
	qsort(order, t->n, sizeof(*order), cmp_code_idx);
	b->idx = xmalloc(sizeof(int32_t) * (t->n + 1));
	for (size_t k = 0; k < t->n; k++)
		b->idx[order[k].idx] = (int32_t)k;
	for (size_t k = 0; k < t->n; k++) {
		const struct tree_org *o = &t->orgs[order[k].idx];
		struct snap_org *so = vec_push(&b->orgs, sizeof(*so));
		so->code = str_add(b, o->code);
		so->category = cat_intern(b, o->category);
		so->span0 = (uint32_t)b->ospans.n;
		so->nspan = (uint32_t)o->nspan;
		so->founded = o->founded;
		so->dissolved = o->dissolved;
		so->merged_into = map_idx(b, o->merged_into);
		so->kind = (int32_t)o->kind;
		so->db_id = o->id;
		for (size_t s = o->span0; s < o->span0 + o->nspan; s++) {
			const struct tree_span *ts = &t->spans[s];
			struct snap_ospan *sp = vec_push(&b->ospans, sizeof(*sp));
			sp->from = ts->from;
			sp->to = ts->to;
			sp->parent = map_idx(b, ts->parent);
			sp->name = str_add(b, ts->name ? ts->name : o->name);
		}
		if (o->nspan == 0) {
			/* An organization without derived spans still has its name. */
			struct snap_ospan *sp = vec_push(&b->ospans, sizeof(*sp));
			*sp = (struct snap_ospan){o->founded, o->dissolved, map_idx(b, o->parent), str_add(b, o->name)};
			so->nspan = 1;
		}
	}
	free(order);
	return b;
}

/* The member's span holding day d, or NULL. */
static const struct span *span_holding(const struct member_timeline *tl, date_t d)
{
	return member_span_at(tl, d);
}

/* The span that ends on day d (the member left its organization that day). */
static const struct span *span_ending(const struct member_timeline *tl, date_t d)
{
	for (size_t i = 0; i < tl->nspans; i++)
		if (tl->spans[i].to == d)
			return &tl->spans[i];
	return NULL;
}

static void add_event(struct snapshot_builder *b, uint32_t member, date_t d, int type, int32_t org, int32_t org2)
{
	if (org == SNAP_NONE)
		return;
	struct snap_event *e = vec_push(&b->events, sizeof(*e));
	*e = (struct snap_event){d, member, org, org2, type};
}

/* Where a member was on day d, followed through merges on day on. */
static int32_t org_of(const struct snapshot_builder *b, const struct span *sp, date_t on)
{
	if (!sp)
		return SNAP_NONE;
	int i = (int)(sp->org - 1);
	if (sp->org == ORG_NONE || i < 0 || (size_t)i >= b->t->n)
		return SNAP_NONE;
	return map_idx(b, tree_follow(b->t, i, on));
}

void snapshot_builder_add(struct snapshot_builder *b, const struct snapshot_member *m)
{
	const struct member_timeline *tl = m->tl;
	uint32_t id = (uint32_t)b->flags.n;
	uint8_t fl = (uint8_t)((m->female ? SNAP_FEMALE : 0) | (m->minority ? SNAP_MINORITY : 0) |
			       (m->religious ? SNAP_RELIGIOUS : 0) | (tl->nspans > 1 ? SNAP_MORE : 0));
	*(uint8_t *)vec_push(&b->flags, 1) = fl;
	*(int32_t *)vec_push(&b->birth, 4) = m->birth;
	*(int32_t *)vec_push(&b->decision, 4) = m->f->decision_date;
	*(int32_t *)vec_push(&b->official, 4) = tl->official_from == DATE_NONE ? SNAP_NEVER : tl->official_from;
	struct snap_span *sp = vec_push(&b->span, sizeof(*sp));
	if (tl->nspans)
		*sp = (struct snap_span){tl->spans[0].from, tl->spans[0].to, map_ref(b, tl->spans[0].org)};
	else
		*sp = (struct snap_span){0, 0, SNAP_NONE};
	for (size_t i = 1; i < tl->nspans; i++) {
		struct snap_period *p = vec_push(&b->more, sizeof(*p));
		*p = (struct snap_period){id, tl->spans[i].from, tl->spans[i].to, map_ref(b, tl->spans[i].org)};
	}
	for (size_t i = 0; i < tl->nexempt; i++) {
		struct snap_period *p = vec_push(&b->exempt, sizeof(*p));
		*p = (struct snap_period){id, tl->exempt[i].from, tl->exempt[i].to, SNAP_NONE};
	}
	for (size_t i = 0; i < tl->ngaps; i++) {
		struct snap_period *p = vec_push(&b->gaps, sizeof(*p));
		*p = (struct snap_period){id, tl->gaps[i].from, tl->gaps[i].to, SNAP_NONE};
	}

	/* Admissions and recognitions are not events here: the report reads
	 * them from decision[] and official[] with the member's spans. Only the
	 * stored events a period indicator counts are kept. */
	for (size_t i = 0; i < m->nev; i++) {
		const struct member_event *e = &m->ev[i];
		date_t d = e->date;
		if (!snap_event_kept(e->type))
			continue;
		if (event_type_is_exit(e->type))
			add_event(b, id, d, e->type, org_of(b, span_ending(tl, d), d - 1), SNAP_NONE);
		else if (e->type == EV_MOVE)
			add_event(b, id, d, e->type, org_of(b, span_ending(tl, d), d - 1),
				  org_of(b, span_holding(tl, d), d));
		else
			add_event(b, id, d, e->type, org_of(b, span_holding(tl, d), d), SNAP_NONE);
	}
}

bool snap_event_kept(enum event_type t)
{
	switch (t) {
	case EV_TRANSFER_IN:
	case EV_TRANSFER_OUT:
	case EV_MOVE:
	case EV_REMOVE:
	case EV_EXPEL:
	case EV_LEAVE:
	case EV_DEATH:
	case EV_READMIT:
	case EV_RESTORE:
		return true;
	default:
		return false;
	}
}

static int cmp_event(const void *a, const void *b)
{
	const struct snap_event *x = a, *y = b;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->member != y->member)
		return x->member < y->member ? -1 : 1;
	return x->type - y->type;
}

static size_t align_up(size_t n)
{
	return (n + SNAP_ALIGN - 1) / SNAP_ALIGN * SNAP_ALIGN;
}

static enum err attach(struct snapshot *s, void *image, size_t len);

static int cmp_period(const void *a, const void *b)
{
	const struct snap_period *x = a, *y = b;
	if (x->member != y->member)
		return x->member < y->member ? -1 : 1;
	return (x->from > y->from) - (x->from < y->from);
}

static void permute(struct vec *v, size_t elem, const uint32_t *perm, size_t n)
{
	char *out = xmalloc(elem * (n + 1));
	for (size_t i = 0; i < n; i++)
		memcpy(out + i * elem, (char *)v->p + (size_t)perm[i] * elem, elem);
	free(v->p);
	v->p = out;
	v->cap = n + 1;
}

static void renumber(struct vec *v, const uint32_t *inv)
{
	struct snap_period *p = v->p;
	for (size_t i = 0; i < v->n; i++)
		p[i].member = inv[p[i].member];
	if (v->n)
		qsort(p, v->n, sizeof(*p), cmp_period);
}

/* Members are stored grouped by the organization of their last span, in
 * code order (close to the pre-order of the tree on any day): a report's
 * counting loops then add to one position for a long run of members, and
 * walk the positions nearly in order. */
static void group_members(struct snapshot_builder *b)
{
	size_t n = b->flags.n, norg = b->orgs.n;
	if (n < 2)
		return;
	uint32_t *start = xcalloc(norg + 2, sizeof(uint32_t));
	const struct snap_span *sp = b->span.p;
	const struct snap_period *more = b->more.p;
	int32_t *key = xmalloc(sizeof(int32_t) * n);
	for (size_t m = 0; m < n; m++)
		key[m] = sp[m].org;
	for (size_t i = 0; i < b->more.n; i++) /* in member, then date order: the last wins */
		key[more[i].member] = more[i].org;
	for (size_t m = 0; m < n; m++) {
		if (key[m] < 0 || (size_t)key[m] >= norg)
			key[m] = (int32_t)norg; /* never a member: at the end */
		start[key[m] + 1]++;
	}
	for (size_t o = 0; o <= norg; o++)
		start[o + 1] += start[o];
	uint32_t *perm = xmalloc(sizeof(uint32_t) * n), *inv = xmalloc(sizeof(uint32_t) * n);
	for (size_t m = 0; m < n; m++) { /* stable: row order within an organization */
		uint32_t to = start[key[m]]++;
		perm[to] = (uint32_t)m;
		inv[m] = to;
	}
	permute(&b->flags, 1, perm, n);
	permute(&b->birth, 4, perm, n);
	permute(&b->decision, 4, perm, n);
	permute(&b->official, 4, perm, n);
	permute(&b->span, sizeof(struct snap_span), perm, n);
	renumber(&b->more, inv);
	renumber(&b->exempt, inv);
	renumber(&b->gaps, inv);
	struct snap_event *ev = b->events.p;
	for (size_t i = 0; i < b->events.n; i++)
		ev[i].member = inv[ev[i].member];
	free(perm);
	free(inv);
	free(key);
	free(start);
}

void snapshot_builder_finish(struct snapshot_builder *b, struct snapshot *s)
{
	group_members(b);
	if (b->events.n)
		qsort(b->events.p, b->events.n, sizeof(struct snap_event), cmp_event);
	struct snap_header h;
	memset(&h, 0, sizeof(h));
	memcpy(h.magic, SNAP_MAGIC, sizeof(SNAP_MAGIC));
	h.version = SNAP_VERSION;
	h.ev_max = EV__MAX;
	h.kind_max = ORG_KIND__MAX;
	h.endian = 0x01020304;
	h.generation = b->generation;
	memcpy(h.instance, b->instance, sizeof(h.instance));
	h.norg = (uint32_t)b->orgs.n;
	h.nospan = (uint32_t)b->ospans.n;
	h.nmem = (uint32_t)b->flags.n;
	h.nmore = (uint32_t)b->more.n;
	h.nexempt = (uint32_t)b->exempt.n;
	h.ngaps = (uint32_t)b->gaps.n;
	h.nevents = (uint32_t)b->events.n;
	h.nstrings = b->strings.len;
	const void *src[SEC__MAX] = {b->orgs.p, b->ospans.p, b->strings.ptr, b->flags.p, b->birth.p,
				     b->decision.p, b->official.p, b->span.p, b->more.p, b->exempt.p,
				     b->gaps.p, b->events.p};
	h.len[SEC_ORGS] = b->orgs.n * sizeof(struct snap_org);
	h.len[SEC_OSPANS] = b->ospans.n * sizeof(struct snap_ospan);
	h.len[SEC_STRINGS] = b->strings.len;
	h.len[SEC_FLAGS] = b->flags.n;
	h.len[SEC_BIRTH] = h.len[SEC_DECISION] = h.len[SEC_OFFICIAL] = b->flags.n * 4;
	h.len[SEC_SPAN] = b->span.n * sizeof(struct snap_span);
	h.len[SEC_MORE] = b->more.n * sizeof(struct snap_period);
	h.len[SEC_EXEMPT] = b->exempt.n * sizeof(struct snap_period);
	h.len[SEC_GAPS] = b->gaps.n * sizeof(struct snap_period);
	h.len[SEC_EVENTS] = b->events.n * sizeof(struct snap_event);
	size_t off = align_up(sizeof(h));
	for (int i = 0; i < SEC__MAX; i++) {
		h.off[i] = off;
		off = align_up(off + h.len[i]);
	}
	h.total = off;
	char *image = xcalloc(1, off);
	memcpy(image, &h, sizeof(h));
	for (int i = 0; i < SEC__MAX; i++)
		if (h.len[i])
			memcpy(image + h.off[i], src[i], h.len[i]);

	free(b->idx);
	buf_free(&b->strings);
	struct vec *vs[] = {&b->orgs, &b->ospans, &b->flags, &b->birth, &b->decision, &b->official, &b->span,
			    &b->more, &b->exempt, &b->gaps, &b->events, &b->cats};
	for (size_t i = 0; i < sizeof(vs) / sizeof(vs[0]); i++)
		free(vs[i]->p);
	free(b);

	memset(s, 0, sizeof(*s));
	enum err e = attach(s, image, off);
	(void)e; /* an image we just built is well-formed */
}

/* ---- attaching an image ---- */

static enum err attach(struct snapshot *s, void *image, size_t len)
{
	struct snap_header h;
	if (len < sizeof(h))
		return ERR_INPUT;
	memcpy(&h, image, sizeof(h));
	if (memcmp(h.magic, SNAP_MAGIC, sizeof(SNAP_MAGIC)) != 0 || h.version != SNAP_VERSION ||
	    h.ev_max != EV__MAX || h.kind_max != ORG_KIND__MAX || h.endian != 0x01020304 || h.total != len)
		return ERR_INPUT;
	uint64_t want[SEC__MAX] = {
		[SEC_ORGS] = (uint64_t)h.norg * sizeof(struct snap_org),
		[SEC_OSPANS] = (uint64_t)h.nospan * sizeof(struct snap_ospan),
		[SEC_STRINGS] = h.nstrings,
		[SEC_FLAGS] = h.nmem,
		[SEC_BIRTH] = (uint64_t)h.nmem * 4,
		[SEC_DECISION] = (uint64_t)h.nmem * 4,
		[SEC_OFFICIAL] = (uint64_t)h.nmem * 4,
		[SEC_SPAN] = (uint64_t)h.nmem * sizeof(struct snap_span),
		[SEC_MORE] = (uint64_t)h.nmore * sizeof(struct snap_period),
		[SEC_EXEMPT] = (uint64_t)h.nexempt * sizeof(struct snap_period),
		[SEC_GAPS] = (uint64_t)h.ngaps * sizeof(struct snap_period),
		[SEC_EVENTS] = (uint64_t)h.nevents * sizeof(struct snap_event),
	};
	for (int i = 0; i < SEC__MAX; i++)
		if (h.len[i] != want[i] || h.off[i] % SNAP_ALIGN || h.off[i] > len || h.len[i] > len - h.off[i])
			return ERR_INPUT;
	const char *base = image;
	if (h.nstrings == 0 || base[h.off[SEC_STRINGS] + h.nstrings - 1] != '\0')
		return ERR_INPUT;
	s->generation = h.generation;
	s->stamp = h.stamp;
	memcpy(s->instance, h.instance, sizeof(s->instance));
	s->instance[sizeof(s->instance) - 1] = '\0';
	s->norg = h.norg;
	s->nospan = h.nospan;
	s->orgs = (const void *)(base + h.off[SEC_ORGS]);
	s->ospans = (const void *)(base + h.off[SEC_OSPANS]);
	s->strings = base + h.off[SEC_STRINGS];
	s->nstrings = h.nstrings;
	/* The small tree is checked whole, so that walking it cannot go astray;
	 * member arrays are checked where they are read (report.c). */
	for (uint32_t i = 0; i < s->norg; i++) {
		const struct snap_org *o = &s->orgs[i];
		if (o->code >= h.nstrings || o->category >= h.nstrings || o->span0 > h.nospan ||
		    o->nspan > h.nospan - o->span0 || o->merged_into >= (int32_t)h.norg || o->merged_into < -1)
			return ERR_INPUT;
	}
	for (uint32_t i = 0; i < s->nospan; i++) {
		const struct snap_ospan *o = &s->ospans[i];
		if (o->name >= h.nstrings || o->parent >= (int32_t)h.norg || o->parent < -1)
			return ERR_INPUT;
	}
	s->nmem = h.nmem;
	s->flags = (const uint8_t *)(base + h.off[SEC_FLAGS]);
	s->birth = (const void *)(base + h.off[SEC_BIRTH]);
	s->decision = (const void *)(base + h.off[SEC_DECISION]);
	s->official = (const void *)(base + h.off[SEC_OFFICIAL]);
	s->span = (const void *)(base + h.off[SEC_SPAN]);
	s->nmore = h.nmore;
	s->nexempt = h.nexempt;
	s->ngaps = h.ngaps;
	s->nevents = h.nevents;
	s->more = (const void *)(base + h.off[SEC_MORE]);
	s->exempt = (const void *)(base + h.off[SEC_EXEMPT]);
	s->gaps = (const void *)(base + h.off[SEC_GAPS]);
	s->events = (const void *)(base + h.off[SEC_EVENTS]);
	s->image = image;
	s->image_len = len;
	return ERR_OK;
}

void snapshot_free(struct snapshot *s)
{
	if (s->image) {
		if (s->mapped)
			munmap(s->image, s->image_len);
		else
			free(s->image);
	}
	memset(s, 0, sizeof(*s));
}

/* ---- files ---- */

/* The image's header with the stamp of s (set after the build). */
static void put_stamp(const struct snapshot *s)
{
	if (!s->mapped && s->image)
		memcpy((char *)s->image + offsetof(struct snap_header, stamp), &s->stamp, sizeof(s->stamp));
}

enum err snapshot_write(const struct snapshot *s, const char *path)
{
	put_stamp(s);
	size_t n = strlen(path) + 16;
	char *tmp = xmalloc(n);
	snprintf(tmp, n, "%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		free(tmp);
		return ERR_IO;
	}
	const char *p = s->image;
	size_t left = s->image_len;
	bool ok = true;
	while (left && ok) {
		ssize_t w = write(fd, p, left);
		if (w < 0 && errno == EINTR)
			continue;
		ok = w > 0;
		if (ok) {
			p += w;
			left -= (size_t)w;
		}
	}
	ok = ok && fchmod(fd, 0600) == 0;
	ok = close(fd) == 0 && ok;
	ok = ok && rename(tmp, path) == 0;
	if (!ok)
		unlink(tmp);
	free(tmp);
	return ok ? ERR_OK : ERR_IO;
}

enum err snapshot_map(const char *path, struct snapshot *s)
{
	memset(s, 0, sizeof(*s));
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? ERR_NOTFOUND : ERR_IO;
	struct stat st;
	if (fstat(fd, &st) != 0 || st.st_size < (off_t)sizeof(struct snap_header)) {
		close(fd);
		return ERR_INPUT;
	}
	size_t len = (size_t)st.st_size;
	/* Not populated here: see the advice below. */
	void *p = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return ERR_IO;
	enum err e = attach(s, p, len);
	if (e) {
		munmap(p, len);
		memset(s, 0, sizeof(*s));
		return e;
	}
	s->mapped = true;
	/* Map the page tables of everything but the events now, in one call:
	 * faulting 150 MB of member columns in page by page costs more than the
	 * counting. Events are read by binary search over a date range, so they
	 * are left to fault in as read. Kernels before 5.14 lack the advice:
	 * then pages fault in as read, which is only slower. */
#ifdef MADV_POPULATE_READ
	struct snap_header h;
	memcpy(&h, p, sizeof(h));
	madvise(p, h.off[SEC_EVENTS], MADV_POPULATE_READ);
#endif
	return ERR_OK;
}

/* ---- validity ---- */

enum err snapshot_touch(struct store *st)
{
	struct store_stmt *q = store_stmt(st, STMT_META_BUMP);
	stmt_bind_text(q, 1, "generation");
	return stmt_exec(q);
}

static enum err meta_get(struct store *st, const char *key, struct buf *out)
{
	struct store_stmt *q = store_stmt(st, STMT_META_GET);
	stmt_bind_text(q, 1, key);
	bool row;
	enum err e = stmt_step(q, &row);
	buf_reset(out);
	if (!e && row) {
		const char *v = stmt_col_text(q, 0);
		buf_adds(out, v ? v : "");
		e = stmt_step(q, &row);
	}
	return e;
}

enum err snapshot_identity(struct store *st, int64_t *generation, char instance[40])
{
	struct buf b;
	buf_init(&b, 0);
	enum err e = meta_get(st, "generation", &b);
	*generation = e ? 0 : strtoll(b.ptr, NULL, 10);
	if (!e)
		e = meta_get(st, "instance", &b);
	snprintf(instance, 40, "%s", e ? "" : b.ptr);
	buf_free(&b);
	return e;
}

/* ---- building from the store ---- */

/* "YYYY-MM-DD" quickly; other forms through date_parse; none -> dflt. */
static date_t col_date(struct store_stmt *q, int i, date_t dflt)
{
	const char *v = stmt_col_text(q, i);
	if (!v)
		return dflt;
	if (strlen(v) == 10 && v[4] == '-' && v[7] == '-') {
		int y = 0, m = 0, d = 0;
		bool ok = true;
		for (int k = 0; k < 10 && ok; k++) {
			if (k == 4 || k == 7)
				continue;
			ok = v[k] >= '0' && v[k] <= '9';
		}
		if (ok) {
			y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
			m = (v[5] - '0') * 10 + (v[6] - '0');
			d = (v[8] - '0') * 10 + (v[9] - '0');
			if (y == 0 && m == 1 && d == 1)
				return DATE_MIN;
			if (y == 9999 && m == 12 && d == 31)
				return DATE_MAX;
			if (date_valid_ymd(y, m, d))
				return date_from_ymd(y, m, d);
		}
	}
	date_t t;
	return date_parse(v, &t) ? t : dflt;
}

enum err snapshot_build_store(struct store *st, struct snapshot *s, struct diag_list *dl)
{
	memset(s, 0, sizeof(*s));
	int64_t gen;
	char inst[40];
	enum err e = snapshot_identity(st, &gen, inst);
	if (e)
		return e;
	struct registry reg;
	e = registry_open(st, &reg, dl);
	if (e) {
		registry_close(&reg);
		return e;
	}
	/* database id -> tree index */
	int64_t maxid = 0;
	for (size_t i = 0; i < reg.tree.n; i++)
		if (reg.tree.orgs[i].id > maxid)
			maxid = reg.tree.orgs[i].id;
	int *byid = xmalloc(sizeof(int) * (size_t)(maxid + 1));
	for (int64_t i = 0; i <= maxid; i++)
		byid[i] = TREE_NONE;
	for (size_t i = 0; i < reg.tree.n; i++)
		byid[reg.tree.orgs[i].id] = (int)i;
#define ORG_REF(id) ((id) > 0 && (id) <= maxid ? registry_org_ref(byid[(id)]) : ORG_NONE)

	struct org_resolver res;
	registry_resolver(&reg, &res);
	struct snapshot_builder *b = snapshot_builder_new(&reg.tree, gen, inst);
	struct store_stmt *qm = store_stmt(st, STMT_SNAPSHOT_MEMBERS);
	struct store_stmt *qe = store_stmt(st, STMT_EVENT_ALL_BY_ROW);
	struct member_event *ev = NULL;
	size_t evcap = 0;
	bool mrow = false, erow = false;
	e = stmt_step(qe, &erow);
	/* The replay reports problems of stored data to a scratch list: the
	 * data was checked when written; a report counts what is there. */
	struct diag_list scratch;
	diag_init(&scratch);
	while (!e && (e = stmt_step(qm, &mrow)) == ERR_OK && mrow) {
		int64_t id = stmt_col_int(qm, 0);
		struct member_facts f = {0};
		f.member_id = "";
		f.org = ORG_REF(stmt_col_int(qm, 1));
		f.decision_date = col_date(qm, 2, DATE_NONE);
		f.ceremony_date = col_date(qm, 3, DATE_NONE);
		f.official_date = col_date(qm, 4, DATE_NONE);
		const char *status = stmt_col_text(qm, 5);
		if (!status || !member_status_parse(status, &f.status))
			f.status = MS_OFFICIAL;
		const char *gender = stmt_col_text(qm, 6);
		const char *eth = stmt_col_text(qm, 8);
		const char *rel = stmt_col_text(qm, 9);
		struct snapshot_member sm = {
			.female = gender && strcmp(gender, "nữ") == 0,
			.minority = eth && *eth && !refdata_is_kinh(eth),
			.religious = rel && *rel,
			.birth = col_date(qm, 7, DATE_NONE),
			.f = &f,
		};
		size_t nev = 0;
		while (!e && erow && stmt_col_int(qe, 0) < id)
			e = stmt_step(qe, &erow);
		while (!e && erow && stmt_col_int(qe, 0) == id) {
			XGROW(ev, evcap, nev + 1);
			struct member_event *x = &ev[nev++];
			memset(x, 0, sizeof(*x));
			x->date = col_date(qe, 1, DATE_NONE);
			const char *t = stmt_col_text(qe, 2);
			if (!t || !event_type_parse(t, &x->type))
				x->type = EV_DISCIPLINE; /* unknown: counted nowhere */
			x->org = stmt_col_null(qe, 3) ? ORG_NONE : ORG_REF(stmt_col_int(qe, 3));
			x->to_org = stmt_col_null(qe, 4) ? ORG_NONE : ORG_REF(stmt_col_int(qe, 4));
			e = stmt_step(qe, &erow);
		}
		if (e)
			break;
		struct member_timeline tl;
		member_replay(&f, ev, nev, &res, SNAP_FROM_TODAY, "members", "events", &tl, &scratch);
		if (diag_count(&scratch) > 64) {
			diag_free(&scratch);
			diag_init(&scratch);
		}
		sm.tl = &tl;
		sm.ev = ev;
		sm.nev = nev;
		snapshot_builder_add(b, &sm);
		member_timeline_free(&tl);
	}
#undef ORG_REF
	diag_free(&scratch);
	/* leave both statements reset */
	store_stmt(st, STMT_SNAPSHOT_MEMBERS);
	store_stmt(st, STMT_EVENT_ALL_BY_ROW);
	free(ev);
	free(byid);
	snapshot_builder_finish(b, s);
	registry_close(&reg);
	if (e)
		snapshot_free(s);
	return e;
}

void snapshot_stamp_file(const char *db_path, struct snapshot_stamp *out)
{
	memset(out, 0, sizeof(*out));
	struct stat st, wal;
	char *w = xasprintf("%s-wal", db_path);
	bool has_wal = stat(w, &wal) == 0;
	free(w);
	if (has_wal || stat(db_path, &st) != 0)
		return;
	out->valid = true;
	out->dev = (uint64_t)st.st_dev;
	out->ino = (uint64_t)st.st_ino;
	out->size = (uint64_t)st.st_size;
	out->mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
}

static bool stamps_differ(const struct snapshot_stamp *a, const struct snapshot_stamp *b)
{
	if (!a || !b || !a->valid || !b->valid)
		return false;
	return a->dev != b->dev || a->ino != b->ino || a->size != b->size || a->mtime_ns != b->mtime_ns;
}

enum err snapshot_open(struct store *st, const char *path, const struct snapshot_stamp *stamp,
		       struct snapshot *s, bool *rebuilt, struct diag_list *dl)
{
	*rebuilt = false;
	int64_t gen;
	char inst[40];
	enum err e = snapshot_identity(st, &gen, inst);
	if (e)
		return e;
	if (path && snapshot_map(path, s) == ERR_OK) {
		if (s->generation == gen && strcmp(s->instance, inst) == 0 && !stamps_differ(&s->stamp, stamp))
			return ERR_OK;
		snapshot_free(s);
	}
	e = snapshot_build_store(st, s, dl);
	if (e)
		return e;
	*rebuilt = true;
	if (stamp)
		s->stamp = *stamp;
	if (path)
		snapshot_write(s, path); /* a cache: if it cannot be written, the next report rebuilds */
	return ERR_OK;
}

/* ---- reading ---- */

int32_t snap_find(const struct snapshot *s, const char *code)
{
	uint32_t lo = 0, hi = s->norg;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		int c = strcmp(snap_code(s, (int32_t)mid), code);
		if (c == 0)
			return (int32_t)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return SNAP_NONE;
}

const struct snap_ospan *snap_ospan_at(const struct snapshot *s, int32_t org, date_t d)
{
	const struct snap_org *o = &s->orgs[org];
	for (uint32_t k = o->span0; k < o->span0 + o->nspan; k++)
		if (s->ospans[k].from <= d && d < s->ospans[k].to)
			return &s->ospans[k];
	return NULL;
}

int32_t snap_parent_at(const struct snapshot *s, int32_t org, date_t d)
{
	if (!snap_exists(s, org, d))
		return SNAP_NONE;
	const struct snap_ospan *sp = snap_ospan_at(s, org, d);
	/* a parent that had merged by then stands for where it went
	 * (as tree_parent_at does) */
	return sp && sp->parent != SNAP_NONE ? snap_follow(s, sp->parent, d) : SNAP_NONE;
}

const char *snap_name_at(const struct snapshot *s, int32_t org, date_t d)
{
	const struct snap_org *o = &s->orgs[org];
	const struct snap_ospan *sp = snap_ospan_at(s, org, d);
	if (!sp && o->nspan) {
		/* before it was founded: its first name; after it ended: its last */
		sp = &s->ospans[o->span0];
		if (d >= sp->to)
			sp = &s->ospans[o->span0 + o->nspan - 1];
	}
	return sp ? snap_str(s, sp->name) : snap_code(s, org);
}

int32_t snap_follow(const struct snapshot *s, int32_t org, date_t d)
{
	/* as tree_follow: an organization merged on or before d sends its
	 * members to where it merged (chains followed, bounded) */
	for (int guard = 0; guard < 64 && org != SNAP_NONE; guard++) {
		const struct snap_org *o = &s->orgs[org];
		if (o->merged_into == SNAP_NONE || d < o->dissolved)
			return org;
		org = o->merged_into;
	}
	return org;
}

void snap_byid_build(const struct snapshot *s, struct snap_byid *m)
{
	m->max = 0;
	for (uint32_t o = 0; o < s->norg; o++)
		if (s->orgs[o].db_id > m->max)
			m->max = s->orgs[o].db_id;
	m->v = xmalloc(sizeof(int32_t) * (size_t)(m->max + 1));
	for (int64_t i = 0; i <= m->max; i++)
		m->v[i] = SNAP_NONE;
	for (uint32_t o = 0; o < s->norg; o++)
		if (s->orgs[o].db_id > 0)
			m->v[s->orgs[o].db_id] = (int32_t)o;
}

void snap_byid_free(struct snap_byid *m)
{
	free(m->v);
	m->v = NULL;
	m->max = 0;
}
