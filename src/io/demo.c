/* demo: the driver of the demo generator (see demo.h).
 *
 * Checks the options, loads the reference data, opens the four files and
 * writes them province by province (demo_plan.c), each organization with
 * its members (demo_member.c). Output goes through one large buffer per
 * file, flushed to its FILE* when it passes FLUSH_AT bytes, so memory stays
 * constant whatever the size of the data set. Also holds the small shared
 * helpers: the random number generator and weighted choice. */
#include "io/demo.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/xalloc.h"
#include "io/csv.h"
#include "io/demo_int.h"

#define FLUSH_AT (4u << 20)

/* ---- random numbers ---- */

static uint64_t splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

void demo_rng_seed(struct demo_rng *r, uint64_t seed, const char *key)
{
	/* FNV-1a of the key, mixed with the seed */
	uint64_t h = 0xcbf29ce484222325u;
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 0x100000001b3u;
	uint64_t x = seed ^ h;
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix(&x);
}

int demo_tri(struct demo_rng *r, int lo, int mode, int hi)
{
	if (hi <= lo)
		return lo;
	double u = demo_unit(r), a = lo, b = hi + 1, c = mode + 0.5;
	double f = (c - a) / (b - a), x;
	if (u < f)
		x = a + sqrt(u * (b - a) * (c - a));
	else
		x = b - sqrt((1 - u) * (b - a) * (b - c));
	int v = (int)x;
	return v < lo ? lo : v > hi ? hi : v;
}

double demo_exp(struct demo_rng *r, double mean)
{
	return -mean * log(1.0 - demo_unit(r));
}

void demo_wt_add(struct demo_wt *t, const char *name, double w)
{
	if (w <= 0)
		return;
	t->name = xrealloc(t->name, (t->n + 1) * sizeof(*t->name));
	t->cum = xrealloc(t->cum, (t->n + 1) * sizeof(*t->cum));
	t->name[t->n] = name;
	t->cum[t->n] = (t->n ? t->cum[t->n - 1] : 0) + w;
	t->n++;
}

size_t demo_wt_pick(const struct demo_wt *t, struct demo_rng *r)
{
	double x = demo_unit(r) * t->cum[t->n - 1];
	size_t lo = 0, hi = t->n - 1;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (t->cum[mid] <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void demo_wt_free(struct demo_wt *t)
{
	free(t->name);
	free(t->cum);
	memset(t, 0, sizeof(*t));
}

/* ---- output ---- */

static void flush(struct demo_ctx *c, enum demo_file f)
{
	struct buf *b = &c->out[f];
	if (b->len && c->f[f] && fwrite(b->ptr, 1, b->len, c->f[f]) != b->len)
		c->io_failed = true;
	buf_reset(b);
}

void demo_row(struct demo_ctx *c, enum demo_file f, const char *const *fields, size_t n)
{
	csv_put_row(&c->out[f], fields, n);
	if (c->out[f].len >= FLUSH_AT)
		flush(c, f);
}

void demo_org(struct demo_ctx *c, const char *code, const char *name, const char *kind,
	      const char *parent, const char *category, const char *unit, date_t founded,
	      date_t dissolved)
{
	char fd[11], dd[11];
	date_format(founded, fd);
	date_format(dissolved, dd);
	const char *row[] = {code, name, kind, parent, category, unit, fd, dd};
	demo_row(c, DF_ORGS, row, 8);
	c->n.orgs++;
	if (dissolved == DATE_NONE) {
		if (!strcmp(kind, "base_committee") || !strcmp(kind, "base_cell"))
			c->n.base_orgs++;
		if (!strcmp(kind, "cell"))
			c->n.cells++;
	}
}

void demo_orgev(struct demo_ctx *c, const char *code, const char *type, const char *from,
		const char *to, const char *old_name, const char *new_name)
{
	char d[11];
	date_format(c->reorg, d);
	const char *row[] = {code, d, type, from, to, old_name, new_name};
	demo_row(c, DF_ORG_EVENTS, row, 7);
	c->n.org_events++;
}

void demo_progress(struct demo_ctx *c)
{
	c->units_done++;
	if (c->o->progress)
		c->o->progress(c->o->progress_arg, "demo", c->units_done, c->units_total);
}

static const char *const names[DF__MAX] = {"orgs.csv", "org_events.csv", "members.csv", "events.csv"};
static const char *const headers[DF__MAX][17] = {
	{"code", "name", "kind", "parent_code", "category", "unit_code", "founded_on", "dissolved_on"},
	{"code", "date", "type", "from_code", "to_code", "old_name", "new_name"},
	{"member_id", "full_name", "gender", "birth_date", "ethnicity", "religion", "card_number",
	 "org_code", "decision_date", "ceremony_date", "official_date", "status", "education",
	 "profession_level", "theory_level", "occupation", "hometown"},
	{"member_id", "date", "type", "org_code", "to_org_code", "detail"},
};
static const size_t nheaders[DF__MAX] = {8, 7, 17, 6};

/* The new province named by code (ours or GSO), or -1 with a diag. */
static int find_province(const struct demo_ref *ref, const char *s, struct diag_list *dl)
{
	for (size_t p = 0; p < ref->nnp; p++)
		if (!strcasecmp(ref->np[p].info->code, s) || !strcmp(ref->np[p].info->gso, s))
			return (int)p;
	for (size_t o = 0; o < ref->nop; o++)
		if (!strcasecmp(ref->op[o].info->letters, s) || !strcmp(ref->op[o].info->gso, s)) {
			const struct demo_newprov *np = &ref->np[ref->op[o].newp];
			diag_add(dl, NULL, 0, "province",
				 "%s (%s) was merged into %s (%s) on 2025-07-01; use %s", s,
				 ref->op[o].shortname, np->info->code, np->shortname, np->info->code);
			return -1;
		}
	struct buf b = BUF_INIT;
	for (size_t p = 0; p < ref->nnp; p++)
		buf_addf(&b, "%s%s", p ? ", " : "", ref->np[p].info->code);
	diag_add(dl, NULL, 0, "province", "unknown province %s (one of: %s, or a 2-digit GSO code)", s,
		 buf_str(&b));
	buf_free(&b);
	return -1;
}

static enum err check_opts(const struct demo_opts *o, struct demo_ctx *c, struct diag_list *dl)
{
	c->seed = o->seed;
	c->scale = o->scale == 0 ? 1.0 : o->scale;
	if (!(c->scale > 0 && c->scale <= 10)) {
		diag_add(dl, NULL, 0, "scale", "scale must be more than 0 and at most 10");
		return ERR_INPUT;
	}
	if (o->national == (o->province != NULL)) {
		diag_add(dl, NULL, 0, "province", "give either a province or national, not both or neither");
		return ERR_INPUT;
	}
	c->reorg = date_from_ymd(2025, 7, 1);
	c->today = o->today ? o->today : date_today();
	if (c->today <= c->reorg) {
		char d[11];
		date_format(c->today, d);
		diag_add(dl, NULL, 0, "today",
			 "the demo describes the tree after the 2025 reorganization; today (%s) must be after 2025-07-01",
			 d);
		return ERR_INPUT;
	}
	return ERR_OK;
}

static enum err open_files(struct demo_ctx *c, const char *dir, char **paths, struct diag_list *dl)
{
	for (int f = 0; f < DF__MAX; f++) {
		paths[f] = xasprintf("%s/%s", dir, names[f]);
		c->f[f] = fopen(paths[f], "wb");
		if (!c->f[f]) {
			diag_add(dl, paths[f], 0, NULL, "cannot write: %s", strerror(errno));
			return ERR_IO;
		}
		buf_init(&c->out[f], 0);
		csv_put_row(&c->out[f], headers[f], nheaders[f]);
	}
	return ERR_OK;
}

static enum err close_files(struct demo_ctx *c, char **paths, struct diag_list *dl)
{
	enum err e = ERR_OK;
	for (int f = 0; f < DF__MAX; f++) {
		if (c->f[f]) {
			flush(c, f);
			if (ferror(c->f[f]))
				c->io_failed = true;
			if (fclose(c->f[f]) != 0)
				c->io_failed = true;
			if (c->io_failed && e == ERR_OK) {
				diag_add(dl, paths[f], 0, NULL, "write failed: %s", strerror(errno));
				e = ERR_IO;
			}
		}
		buf_free(&c->out[f]);
		free(paths[f]);
	}
	return e;
}

enum err demo_generate(const struct demo_opts *o, const char *dir, struct demo_counts *out,
		       struct diag_list *dl)
{
	struct demo_ctx c;
	memset(&c, 0, sizeof(c));
	c.o = o;
	enum err e = check_opts(o, &c, dl);
	if (e)
		return e;
	struct demo_ref ref;
	e = demo_ref_load(&ref, dl);
	if (e)
		return e;
	c.ref = c.mref = &ref;
	int only = -1;
	if (!o->national && (only = find_province(&ref, o->province, dl)) < 0) {
		demo_ref_free(&ref);
		return ERR_INPUT;
	}

	char *paths[DF__MAX] = {0};
	e = open_files(&c, dir, paths, dl);
	if (e == ERR_OK) {
		c.cv = xcalloc(ref.nop, sizeof(*c.cv));
		c.card = xcalloc((size_t)ref.nop * 4 * 100 * DEMO_CARD_SLOTS, sizeof(*c.card));
		/* an affine bijection of 0..999999 scrambles the serial digits of
		 * personal ids; the multiplier is prime to 10 */
		struct demo_rng r;
		demo_rng_seed(&r, c.seed, "card");
		c.card_mul = 1 + 10 * (demo_next(&r) % 99999);
		c.card_add = demo_next(&r) % 1000000;
		for (size_t p = 0; p < ref.nnp; p++)
			if (only < 0 || (int)p == only)
				c.units_total += demo_plan_units(&ref, (int)p);
		demo_org(&c, "TW", "Đảng Cộng sản Việt Nam", "central", NULL, NULL, NULL, DATE_NONE, DATE_NONE);
		for (size_t p = 0; p < ref.nnp; p++)
			if (only < 0 || (int)p == only)
				demo_plan_province(&c, (int)p);
	}
	enum err ce = close_files(&c, paths, dl);
	if (e == ERR_OK)
		e = ce;
	free(c.cv);
	free(c.card);
	demo_ref_free(&ref);
	if (out)
		*out = c.n;
	return e;
}
