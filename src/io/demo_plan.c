/* demo_plan: the organizations of one province and their 2025 history.
 *
 * Today (contract §2 orgs.csv describes the tree now):
 *   TW > <P> (province) > <P>.<commune> (upper, one per commune-level unit)
 *        > <P>.<commune>.01 residential base committee > village cells
 *        > <P>.<commune>.NN other base organizations (> cells)
 *   TW > <P> > <P>.CQD and <P>.UB (upper) > <P>.CQD.NN base organizations
 * Before 2025-07-01 (rules.md §9): the 63 former provinces, each with its
 * districts <L>.<district> and a Khối các cơ quan <L>.KCQ; the base
 * organizations sat under the districts (and under KCQ) and move on
 * 2025-07-01 to the new committees (org_events.csv "move"). The residential
 * base committee continues the party organization of one former commune
 * (move + rename); the other former communes that went wholly into the new
 * one merge into it; a former commune split between new communes hands its
 * cells over one by one ("move") and is dissolved. Districts, KCQ and
 * district agencies are dissolved on 2025-07-01, and a former province that
 * does not continue under its name merges into the new one. New communes,
 * CQD and UB are founded on 2025-07-01, the day the reorganization took
 * effect (Politburo decisions QĐ 321…328-QĐ/TW; HD 31-HD/BTCTW).
 *
 * The scale keeps each base organization (and each village cell beyond the
 * first) with probability scale, at its realistic size; the plan of a
 * commune draws from its own random stream, so a smaller scale keeps a
 * subset of the same organizations. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "io/demo_int.h"

/* Share of a commune's members in its residential cells. */
static const double res_share[] = {[CT_XA] = 0.64, [CT_PHUONG] = 0.48, [CT_DACKHU] = 0.58};

#define CODE_MAX 48

/* Formats an organization code (codes are short: CODE_MAX is ample). */
__attribute__((format(printf, 2, 3))) static void codef(char *out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(out, CODE_MAX, fmt, ap);
	va_end(ap);
}

/* "Xã Yên Lạc" -> "xã Yên Lạc"; "Đặc khu X" -> "đặc khu X". */
static void lower_first(char *out, size_t n, const char *name)
{
	snprintf(out, n, "%s", name);
	if (out[0] >= 'A' && out[0] <= 'Z')
		out[0] = (char)(out[0] - 'A' + 'a');
	else if ((unsigned char)out[0] == 0xC4 && (unsigned char)out[1] == 0x90) /* Đ */
		out[1] = (char)0x91;
}

/* Replaces the first "%s" of pattern by arg. */
static void subst(char *out, size_t n, const char *pattern, const char *arg)
{
	const char *p = strstr(pattern, "%s");
	if (!p)
		snprintf(out, n, "%s", pattern);
	else
		snprintf(out, n, "%.*s%s%s", (int)(p - pattern), pattern, arg ? arg : "", p + 2);
}

static void dist_code(const struct demo_ref *ref, int d, char *out)
{
	codef(out, "%s.%s", ref->op[ref->od[d].prov].info->letters, ref->od[d].gso);
}

static void comm_code(const struct demo_ref *ref, int oc, char *out)
{
	const struct demo_olddist *d = &ref->od[ref->oc[oc].dist];
	codef(out, "%s.%s.%s", ref->op[d->prov].info->letters, d->gso, ref->oc[oc].gso);
}

/* Where a base organization sits now, and before 2025-07-01. */
struct place {
	const char *parent;        /* its upper committee now */
	const char *before;        /* its parent before 2025-07-01; NULL: founded then */
	const char *member_before; /* where its members were before (new agencies) */
	int oldprov, newp;
	bool urban;
};

/* Splits size members over n cells of at least 3. */
static void split(struct demo_rng *r, int size, int n, int *out)
{
	double w[256], sum = 0;
	for (int i = 0; i < n; i++)
		sum += w[i] = 0.6 + demo_unit(r);
	int left = size - 3 * n;
	for (int i = 0; i < n; i++) {
		out[i] = 3 + (int)(left * w[i] / sum);
		size -= out[i];
	}
	for (int i = 0; size > 0; i = (i + 1) % n, size--)
		out[i]++;
}

/* Writes a base organization (a base cell under 30 members, else a base
 * committee with cells; QĐ 294-QĐ/TW §21) and its members. */
static void emit_base(struct demo_ctx *c, const char *code, const char *unit, const struct demo_tmpl *t,
		      int size, const struct place *pl)
{
	char name[400];
	bool committee = size >= 30;
	struct demo_rng r;
	demo_rng_seed(&r, c->seed, code);
	snprintf(name, sizeof(name), "%s %s", committee ? "Đảng bộ" : "Chi bộ", unit);
	demo_org(c, code, name, committee ? "base_committee" : "base_cell", pl->parent, t->category, NULL,
		 pl->before ? DATE_NONE : c->reorg, DATE_NONE);
	if (pl->before)
		demo_orgev(c, code, "move", pl->before, pl->parent, NULL, NULL);
	struct demo_slot s = {.code = code, .size = size, .cat = t->mcat, .urban = pl->urban,
			      .old_code = pl->member_before, .oldprov = pl->oldprov, .newprov = pl->newp};
	if (!committee) {
		demo_members(c, &s);
		return;
	}
	int n = (int)lround((double)size / t->cell_mean);
	if (n < 2)
		n = 2;
	if (n > size / 3)
		n = size / 3;
	if (n > 256)
		n = 256;
	int sizes[256];
	split(&r, size, n, sizes);
	char (*codes)[CODE_MAX] = xmalloc((size_t)n * CODE_MAX);
	const char **sib = xmalloc((size_t)n * sizeof(*sib));
	int *origin = xcalloc((size_t)n, sizeof(int));
	/* A large base committee groups its cells under đảng bộ bộ phận. */
	int per_sub = size >= 250 && n >= 8 && demo_chance(&r, 0.5) ? demo_range(&r, 3, 6) : 0;
	char sub[CODE_MAX] = "";
	int named = 0;
	while (t->cells && t->cells[named])
		named++;
	for (int i = 0, k = 0; i < n; i++, k++) {
		if (per_sub && i % per_sub == 0) {
			codef(sub, "%s.D%d", code, i / per_sub + 1);
			snprintf(name, sizeof(name), "Đảng bộ bộ phận số %d", i / per_sub + 1);
			demo_org(c, sub, name, "sub_committee", code, NULL, NULL, DATE_NONE, DATE_NONE);
			k = 0;
		}
		codef(codes[i], "%s.%02d", per_sub ? sub : code, k + 1);
		if (i < named)
			snprintf(name, sizeof(name), "Chi bộ %s", t->cells[i]);
		else
			snprintf(name, sizeof(name), "Chi bộ số %d", i + 1);
		demo_org(c, codes[i], name, "cell", per_sub ? sub : code, NULL, NULL, DATE_NONE, DATE_NONE);
		sib[i] = codes[i];
	}
	s.sib = sib;
	s.sib_origin = origin;
	s.nsib = (size_t)n;
	for (int i = 0; i < n; i++) {
		s.code = codes[i];
		s.size = sizes[i];
		demo_members(c, &s);
	}
	free(codes);
	free(sib);
	free(origin);
}

/* The residential base committee of a commune and its village cells. */
static void plan_residential(struct demo_ctx *c, struct demo_rng *r, int ci, const char *ccode,
			     const char *lname, int res, bool urban)
{
	const struct demo_ref *ref = c->ref;
	const struct demo_newcomm *nc = &ref->nc[ci];
	const struct demo_src *src = ref->src + nc->s0;
	char rcode[CODE_MAX], before[CODE_MAX] = "", oc[CODE_MAX], name[400], old[400];
	codef(rcode, "%s.01", ccode);
	int primary = -1, island = -1;
	for (int i = 0; i < nc->ns; i++) {
		if (!src[i].district && src[i].full && primary < 0)
			primary = i;
		if (src[i].district)
			island = i;
	}
	if (primary >= 0)
		dist_code(ref, ref->oc[src[primary].unit].dist, before);
	else if (island >= 0)
		dist_code(ref, src[island].unit, before);
	snprintf(name, sizeof(name), "Đảng bộ khu dân cư %s", lname);
	const char *cat = nc->type == CT_XA ? "commune" : nc->type == CT_PHUONG ? "ward" : "special_zone";
	demo_org(c, rcode, name, "base_committee", ccode, cat, nc->gso, before[0] ? DATE_NONE : c->reorg,
		 DATE_NONE);
	if (before[0])
		demo_orgev(c, rcode, "move", before, ccode, NULL, NULL);
	if (primary >= 0) {
		char lo[200];
		lower_first(lo, sizeof(lo), ref->oc[src[primary].unit].name);
		snprintf(old, sizeof(old), "Đảng bộ %s", lo);
		demo_orgev(c, rcode, "rename", NULL, NULL, old, name);
	}
	/* the former communes that went (partly) into this one */
	double wsum = 0;
	for (int i = 0; i < nc->ns; i++) {
		if (src[i].district)
			continue;
		struct demo_oldcomm *o = &c->mref->oc[src[i].unit];
		comm_code(ref, src[i].unit, oc);
		if (!o->emitted && i != primary) {
			char dc[CODE_MAX], lo[200];
			dist_code(ref, o->dist, dc);
			lower_first(lo, sizeof(lo), o->name);
			snprintf(old, sizeof(old), "Đảng bộ %s", lo);
			demo_org(c, oc, old, "base_committee", dc, o->category, o->gso, DATE_NONE, c->reorg);
			o->emitted = true;
		}
		if (src[i].full && i != primary)
			demo_orgev(c, oc, "merge", NULL, rcode, NULL, NULL);
		wsum += src[i].full ? 1.0 : 1.0 / o->ntargets;
	}

	int lo = urban ? 10 : 8, mode = urban ? 28 : 24, hi = urban ? 65 : 55;
	int n = (int)lround(res / ((lo + mode + hi) / 3.0));
	if (n < 1)
		n = 1;
	char (*codes)[CODE_MAX] = xmalloc((size_t)n * CODE_MAX);
	const char **sib = xmalloc((size_t)n * sizeof(*sib));
	int *origin = xmalloc((size_t)n * sizeof(int)), *sizes = xmalloc((size_t)n * sizeof(int));
	int *oldprov = xmalloc((size_t)n * sizeof(int));
	size_t kept = 0;
	for (int i = 0; i < n; i++) {
		/* which former commune the village belonged to */
		int from = -1;
		double x = demo_unit(r) * wsum;
		for (int k = 0; k < nc->ns && wsum > 0; k++) {
			if (src[k].district)
				continue;
			x -= src[k].full ? 1.0 : 1.0 / ref->oc[src[k].unit].ntargets;
			from = k;
			if (x < 0)
				break;
		}
		if (from < 0 && island >= 0)
			from = island;
		int op = from < 0 ? ref->np[nc->prov].namesake
			 : src[from].district ? ref->od[src[from].unit].prov
					      : ref->od[ref->oc[src[from].unit].dist].prov;
		int size = demo_tri(r, lo, mode, hi);
		const char *word = demo_village_word(ref->op[op].info->region, urban, r);
		char vname[64];
		if (!urban && demo_chance(r, 0.5))
			demo_village_name(r, vname, sizeof(vname));
		else
			snprintf(vname, sizeof(vname), "%d", i + 1);
		bool keep = demo_unit(r) < c->scale || i == 0;
		if (!keep)
			continue;
		codef(codes[kept], "%s.%02d", rcode, i + 1);
		snprintf(name, sizeof(name), "Chi bộ %s %s", word, vname);
		/* A village of a former commune that merged into this one stays
		 * under it in orgs.csv and follows the merge; one of a split
		 * commune moves here. */
		bool moved = from >= 0 && !src[from].district && from != primary;
		if (moved)
			comm_code(ref, src[from].unit, oc);
		demo_org(c, codes[kept], name, "cell", moved && src[from].full ? oc : rcode, NULL, NULL, DATE_NONE,
			 DATE_NONE);
		if (moved && !src[from].full)
			demo_orgev(c, codes[kept], "move", oc, rcode, NULL, NULL);
		sib[kept] = codes[kept];
		origin[kept] = from;
		sizes[kept] = size;
		oldprov[kept] = op;
		kept++;
	}
	/* a former commune split between new ones ends once all have taken
	 * their villages */
	for (int i = 0; i < nc->ns; i++) {
		if (src[i].district || src[i].full)
			continue;
		struct demo_oldcomm *o = &c->mref->oc[src[i].unit];
		if (++o->left == o->ntargets) {
			comm_code(ref, src[i].unit, oc);
			demo_orgev(c, oc, "dissolve", NULL, NULL, NULL, NULL);
		}
	}
	struct demo_slot s = {.cat = MC_RES, .urban = urban, .newprov = nc->prov, .sib = sib,
			      .sib_origin = origin, .nsib = kept};
	for (size_t i = 0; i < kept; i++) {
		s.code = codes[i];
		s.size = sizes[i];
		s.origin = origin[i];
		s.oldprov = oldprov[i];
		demo_members(c, &s);
	}
	free(codes);
	free(sib);
	free(origin);
	free(sizes);
	free(oldprov);
}

/* A former unit a base organization of the commune came from. */
struct origin {
	int dist;
	const char *oldname;
};

static struct origin pick_source(const struct demo_ref *ref, const struct demo_newcomm *nc, struct demo_rng *r)
{
	if (!nc->ns)
		return (struct origin){nc->home_dist, nc->shortname};
	const struct demo_src *s = &ref->src[nc->s0 + demo_range(r, 0, nc->ns - 1)];
	if (s->district)
		return (struct origin){s->unit, ref->od[s->unit].shortname};
	return (struct origin){ref->oc[s->unit].dist, ref->oc[s->unit].shortname};
}

/* The agencies of a new commune, founded on 2025-07-01: a base committee
 * with a cell for the offices of the party, the Front and the mass
 * organizations and one for the people's committee. Their members worked in
 * the former district's offices and move on that day (QĐ 294-QĐ/TW §6.3:
 * collective transfer when organizations are reorganized). */
static void emit_commune_agencies(struct demo_ctx *c, const char *code, const char *parent, const char *lname,
				  const char *const old[2], const int size[2], int oldprov, int newp)
{
	static const char *const cells[2] = {"Chi bộ Cơ quan Đảng, Mặt trận Tổ quốc và các đoàn thể",
					     "Chi bộ Cơ quan Ủy ban nhân dân"};
	char name[400], cc[CODE_MAX];
	snprintf(name, sizeof(name), "Đảng bộ các cơ quan %s", lname);
	demo_org(c, code, name, "base_committee", parent, "agency", NULL, c->reorg, DATE_NONE);
	for (int i = 0; i < 2; i++) {
		codef(cc, "%s.%02d", code, i + 1);
		demo_org(c, cc, cells[i], "cell", code, NULL, NULL, c->reorg, DATE_NONE);
		struct demo_slot s = {.code = cc, .size = size[i], .cat = MC_NEWAGENCY, .old_code = old[i],
				      .oldprov = oldprov, .newprov = newp};
		demo_members(c, &s);
	}
}

static void plan_commune(struct demo_ctx *c, int ci)
{
	const struct demo_ref *ref = c->ref;
	const struct demo_newcomm *nc = &ref->nc[ci];
	const struct demo_newprov *np = &ref->np[nc->prov];
	char ccode[CODE_MAX], lname[200], name[400], key[64], code[CODE_MAX], unit[400], arg[200];
	codef(ccode, "%s.%s", np->info->code, nc->gso);
	lower_first(lname, sizeof(lname), nc->name);
	snprintf(name, sizeof(name), "Đảng bộ %s", lname);
	demo_org(c, ccode, name, "upper", np->info->code, NULL, nc->gso, c->reorg, DATE_NONE);

	struct demo_rng r;
	snprintf(key, sizeof(key), "plan:%s", ccode);
	demo_rng_seed(&r, c->seed, key);
	bool urban = nc->type == CT_PHUONG;
	int res = (int)lround(nc->budget * res_share[nc->type] * (0.85 + 0.3 * demo_unit(&r)));
	plan_residential(c, &r, ci, ccode, lname, res, urban);
	int left = (int)lround(nc->budget) - res;

	/* police and army, then the agencies formed on 2025-07-01 */
	int k = 2;
	const struct demo_tmpl *fixed[] = {&demo_police_tmpl, &demo_army_tmpl};
	for (int i = 0; i < 2; i++, k++) {
		const struct demo_tmpl *t = fixed[i];
		int size = urban && i == 0 ? demo_tri(&r, 12, 22, 45) : demo_tri(&r, t->lo, t->mode, t->hi);
		struct origin from = pick_source(ref, nc, &r);
		bool keep = demo_unit(&r) < c->scale;
		left -= size;
		if (!keep)
			continue;
		char bd[CODE_MAX];
		dist_code(ref, from.dist, bd);
		struct place pl = {.parent = ccode, .before = bd, .oldprov = ref->od[from.dist].prov,
				   .newp = nc->prov, .urban = urban};
		codef(code, "%s.%02d", ccode, k);
		subst(unit, sizeof(unit), t->unit, lname);
		emit_base(c, code, unit, t, size, &pl);
	}
	char hu[CODE_MAX], ub[CODE_MAX], dc[CODE_MAX];
	dist_code(ref, nc->home_dist, dc);
	codef(hu, "%s.HU.%02d", dc, nc->home_k + 1);
	codef(ub, "%s.UB.%02d", dc, nc->home_k + 1);
	const char *old[2] = {hu, ub};
	int asize[2] = {demo_tri(&r, 8, 16, 28), demo_tri(&r, 10, 20, 29)};
	left -= asize[0] + asize[1];
	if (demo_unit(&r) < c->scale) {
		codef(code, "%s.%02d", ccode, k);
		emit_commune_agencies(c, code, ccode, lname, old, asize, ref->od[nc->home_dist].prov, nc->prov);
	}
	k++;

	/* schools, clinics, agencies, enterprises, cooperatives */
	int wsum = 0;
	for (const struct demo_tmpl *t = demo_commune_tmpl; t->unit; t++)
		wsum += urban ? t->w_urban : t->w_rural;
	while (left >= 3) {
		int x = demo_range(&r, 0, wsum - 1);
		const struct demo_tmpl *t = demo_commune_tmpl;
		for (; t[1].unit; t++) {
			x -= urban ? t->w_urban : t->w_rural;
			if (x < 0)
				break;
		}
		int size = demo_tri(&r, t->lo, t->mode, t->hi);
		if (size > left)
			size = left;
		left -= size;
		struct origin from = pick_source(ref, nc, &r);
		switch (t->arg) {
		case TA_OLDNAME:
			snprintf(arg, sizeof(arg), "%s", from.oldname);
			break;
		case TA_DISTRICT:
			snprintf(arg, sizeof(arg), "%s", ref->od[from.dist].shortname);
			break;
		case TA_PERSON:
			snprintf(arg, sizeof(arg), "%s", demo_person_name(&r));
			break;
		case TA_FIRM:
			demo_firm_name(&r, arg, sizeof(arg), t->mcat == MC_FDI);
			break;
		default:
			snprintf(arg, sizeof(arg), "%s", lname);
			break;
		}
		bool keep = demo_unit(&r) < c->scale;
		int idx = k++;
		if (!keep)
			continue;
		char bd[CODE_MAX];
		dist_code(ref, from.dist, bd);
		struct place pl = {.parent = ccode, .before = bd, .oldprov = ref->od[from.dist].prov,
				   .newp = nc->prov, .urban = urban};
		codef(code, "%s.%02d", ccode, idx);
		subst(unit, sizeof(unit), t->unit, arg);
		emit_base(c, code, unit, t, size, &pl);
	}
}

/* Đảng bộ các cơ quan Đảng (CQD) or Đảng bộ Ủy ban nhân dân (UB) of the
 * province (QĐ 294-QĐ/TW §10.4.2), with units that came from the former
 * provinces' Khối các cơ quan. */
static void plan_committee(struct demo_ctx *c, int p, const char *suffix, const char *what,
			   const struct demo_tmpl *tm, double share)
{
	const struct demo_ref *ref = c->ref;
	const struct demo_newprov *np = &ref->np[p];
	char code[CODE_MAX], ucode[CODE_MAX], name[400], unit[400], arg[200], key[64], prov[200];
	codef(code, "%s.%s", np->info->code, suffix);
	snprintf(prov, sizeof(prov), "%s %s", np->city ? "thành phố" : "tỉnh", np->shortname);
	snprintf(name, sizeof(name), "Đảng bộ %s %s", what, prov);
	demo_org(c, code, name, "upper", np->info->code, NULL, NULL, c->reorg, DATE_NONE);
	struct demo_rng r;
	snprintf(key, sizeof(key), "plan:%s", code);
	demo_rng_seed(&r, c->seed, key);
	int left = (int)lround(np->budget * share);
	int wsum = 0, olds = 0;
	for (const struct demo_tmpl *t = tm; t->unit; t++)
		wsum += t->w_urban;
	for (int i = 0; i < np->nolds; i++)
		olds += ref->op[np->olds[i]].nc;
	const struct demo_tmpl *t = tm;
	int k = 1, numbered = 0;
	while (left >= 3) {
		if (!t->unit || !t->w_rural) {
			/* past the fixed list: repeatable units */
			int x = demo_range(&r, 0, wsum - 1);
			t = tm;
			while (t->w_urban == 0 || (x -= t->w_urban) >= 0)
				t++;
		}
		int size = demo_tri(&r, t->lo, t->mode, t->hi);
		if (size > left)
			size = left;
		left -= size;
		/* the former province it came from, weighted by communes */
		int x = demo_range(&r, 0, olds - 1), o = 0;
		while ((x -= ref->op[np->olds[o]].nc) >= 0)
			o++;
		const struct demo_oldprov *op = &ref->op[np->olds[o]];
		switch (t->arg) {
		case TA_COMMITTEE:
			snprintf(arg, sizeof(arg), "%s", np->city ? "Thành ủy" : "Tỉnh ủy");
			break;
		case TA_PROVINCE:
			snprintf(arg, sizeof(arg), "%s", prov);
			break;
		case TA_PERSON:
			snprintf(arg, sizeof(arg), "%s", demo_person_name(&r));
			break;
		case TA_DISTRICT:
			snprintf(arg, sizeof(arg), "%s", ref->od[op->d0 + demo_range(&r, 0, op->nd - 1)].shortname);
			break;
		case TA_FIRM:
			demo_firm_name(&r, arg, sizeof(arg), false);
			break;
		case TA_NUMBER:
			snprintf(arg, sizeof(arg), "%d", ++numbered);
			break;
		default:
			arg[0] = 0;
			break;
		}
		bool keep = demo_unit(&r) < c->scale;
		int idx = k++;
		const struct demo_tmpl *used = t;
		if (t->w_rural)
			t++;
		if (!keep)
			continue;
		char kcq[CODE_MAX];
		codef(kcq, "%s.KCQ", op->info->letters);
		codef(ucode, "%s.%02d", code, idx);
		subst(unit, sizeof(unit), used->unit, arg);
		struct place pl = {.parent = code, .before = kcq, .oldprov = np->olds[o], .newp = p,
				   .urban = true};
		emit_base(c, ucode, unit, used, size, &pl);
	}
	demo_progress(c);
}

/* A former district: its committee and the offices whose staff went to
 * the new communes' agencies. */
static void emit_district(struct demo_ctx *c, int d)
{
	const struct demo_ref *ref = c->ref;
	const struct demo_olddist *od = &ref->od[d];
	char dc[CODE_MAX], code[CODE_MAX], cell[CODE_MAX], name[400];
	dist_code(ref, d, dc);
	snprintf(name, sizeof(name), "Đảng bộ %s %s", od->typeword, od->shortname);
	demo_org(c, dc, name, "upper", ref->op[od->prov].info->letters, NULL, od->gso, DATE_NONE, c->reorg);
	if (!od->nhome)
		return;
	for (int which = 0; which < 2; which++) {
		const char *const *cells = which ? demo_ub_cells : demo_hu_cells;
		codef(code, "%s.%s", dc, which ? "UB" : "HU");
		if (which)
			snprintf(name, sizeof(name), "Đảng bộ Cơ quan Ủy ban nhân dân %s %s", od->typeword, od->shortname);
		else
			snprintf(name, sizeof(name), "Đảng bộ Cơ quan %s %s", od->committee, od->shortname);
		demo_org(c, code, name, "base_committee", dc, "agency", NULL, DATE_NONE, c->reorg);
		int named = 0;
		while (cells[named])
			named++;
		for (int k = 0; k < od->nhome; k++) {
			codef(cell, "%s.%02d", code, k + 1);
			if (k < named)
				snprintf(name, sizeof(name), "Chi bộ %s", cells[k]);
			else
				snprintf(name, sizeof(name), "Chi bộ số %d", k + 1);
			demo_org(c, cell, name, "cell", code, NULL, NULL, DATE_NONE, c->reorg);
		}
	}
}

static void close_district(struct demo_ctx *c, int d)
{
	const struct demo_ref *ref = c->ref;
	char dc[CODE_MAX], code[CODE_MAX], cell[CODE_MAX];
	dist_code(ref, d, dc);
	for (int which = 0; which < 2 && ref->od[d].nhome; which++) {
		codef(code, "%s.%s", dc, which ? "UB" : "HU");
		for (int k = 0; k < ref->od[d].nhome; k++) {
			codef(cell, "%s.%02d", code, k + 1);
			demo_orgev(c, cell, "dissolve", NULL, NULL, NULL, NULL);
		}
		demo_orgev(c, code, "dissolve", NULL, NULL, NULL, NULL);
	}
	demo_orgev(c, dc, "dissolve", NULL, NULL, NULL, NULL);
}

uint64_t demo_plan_units(const struct demo_ref *ref, int p)
{
	return (uint64_t)ref->np[p].nc + 2;
}

void demo_plan_province(struct demo_ctx *c, int p)
{
	const struct demo_ref *ref = c->ref;
	const struct demo_newprov *np = &ref->np[p];
	const char *pc = np->info->code;
	char name[400], code[CODE_MAX];
	snprintf(name, sizeof(name), "Đảng bộ %s %s", np->city ? "thành phố" : "tỉnh", np->shortname);
	demo_org(c, pc, name, "province", "TW", NULL, np->info->gso, DATE_NONE, DATE_NONE);
	for (int k = 0; k < np->nolds; k++) {
		const struct demo_oldprov *o = &ref->op[np->olds[k]];
		const char *ptype = o->city ? "thành phố" : "tỉnh";
		if (k > 0) {
			snprintf(name, sizeof(name), "Đảng bộ %s %s", ptype, o->shortname);
			demo_org(c, o->info->letters, name, "province", "TW", NULL, o->info->gso, DATE_NONE, c->reorg);
		}
		codef(code, "%s.KCQ", o->info->letters);
		snprintf(name, sizeof(name), "Đảng bộ Khối các cơ quan %s %s", ptype, o->shortname);
		demo_org(c, code, name, "upper", o->info->letters, NULL, NULL, DATE_NONE, c->reorg);
		for (int d = 0; d < o->nd; d++)
			emit_district(c, o->d0 + d);
	}
	plan_committee(c, p, "CQD", "các cơ quan Đảng", demo_cqd_tmpl, DEMO_SHARE_CQD);
	plan_committee(c, p, "UB", "Ủy ban nhân dân", demo_ub_tmpl, DEMO_SHARE_UB);
	for (int i = 0; i < np->nc; i++) {
		plan_commune(c, np->c0 + i);
		demo_progress(c);
	}
	for (int k = 0; k < np->nolds; k++) {
		const struct demo_oldprov *o = &ref->op[np->olds[k]];
		for (int d = 0; d < o->nd; d++)
			close_district(c, o->d0 + d);
		codef(code, "%s.KCQ", o->info->letters);
		demo_orgev(c, code, "dissolve", NULL, NULL, NULL, NULL);
		if (k > 0)
			demo_orgev(c, o->info->letters, "merge", NULL, pc, NULL, NULL);
	}
}
