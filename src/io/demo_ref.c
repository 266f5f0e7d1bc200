/* demo_ref: loads the reference data the demo generator draws from.
 *
 * Reads the embedded data/ files with the CSV reader: the units of
 * 01/03/2025 (63 provinces, 696 districts, 10,047 communes), the units from
 * 01/07/2025 (34 provinces, 3,321 communes with population), the mapping
 * old -> new, the ethnic groups, religions and the name frequencies. It
 * links them (each new commune gets the old communes that went into it),
 * checks the hand-made tables of demo_tables.c against them, and spreads
 * the national number of members over provinces and communes by
 * population. */
#include <stdlib.h>
#include <string.h>

#include "core/embed.h"
#include "core/xalloc.h"
#include "io/csv.h"
#include "io/demo_int.h"

static char *keep(struct demo_ref *r, char *s)
{
	XGROW(r->pool, r->cappool, r->npool + 1);
	r->pool[r->npool++] = s;
	return s;
}

static char *dup(struct demo_ref *r, const char *s)
{
	return keep(r, xstrdup(s));
}

/* An embedded CSV file with the columns we need, by header name. */
struct table {
	const char *path;
	struct csv_reader *rd;
	struct csv_record rec;
	int col[8];
};

static bool table_open(struct table *t, const char *path, const char *const *cols,
		       struct diag_list *dl)
{
	memset(t, 0, sizeof(*t));
	t->path = path;
	const struct embed_file *f = embed_find(path);
	if (!f) {
		diag_add(dl, path, 0, NULL, "reference data not built into the program");
		return false;
	}
	t->rd = csv_open_mem(path, (const char *)f->data, f->size, dl);
	if (!t->rd)
		return false;
	for (int i = 0; cols[i]; i++) {
		t->col[i] = -1;
		for (size_t h = 0; h < csv_header_count(t->rd); h++)
			if (strcmp(csv_header(t->rd, h), cols[i]) == 0)
				t->col[i] = (int)h;
		if (t->col[i] < 0) {
			diag_add(dl, path, 1, cols[i], "column missing");
			csv_close(t->rd);
			t->rd = NULL;
			return false;
		}
	}
	return true;
}

/* Next record; false at the end or on a problem (reported, *bad set). */
static bool table_next(struct table *t, struct diag_list *dl, bool *bad)
{
	int r = csv_next(t->rd, &t->rec, dl);
	if (r < 0 || (r > 0 && t->rec.bad)) {
		*bad = true;
		return false;
	}
	return r > 0;
}

static const char *F(const struct table *t, int i)
{
	return t->rec.field[t->col[i]];
}

static void table_close(struct table *t)
{
	csv_close(t->rd);
	t->rd = NULL;
}

static bool bad_row(struct table *t, struct diag_list *dl, int col, const char *cols[], const char *msg)
{
	diag_add(dl, t->path, t->rec.line, cols[col], "%s: %s", msg, F(t, col));
	return true;
}

/* "Xã Yên Lạc" -> "Yên Lạc" (every unit name starts with its type word). */
static const char *strip_type(const char *name)
{
	static const char *const prefixes[] = {
		"Thành phố ", "Tỉnh ", "Quận ", "Huyện ", "Thị xã ", "Thị trấn ", "Phường ", "Xã ", "Đặc khu ", NULL,
	};
	for (int i = 0; prefixes[i]; i++) {
		size_t n = strlen(prefixes[i]);
		if (strncmp(name, prefixes[i], n) == 0)
			return name + n;
	}
	return name;
}

static int num(const char *s, size_t want)
{
	if (strlen(s) != want)
		return -1;
	int v = 0;
	for (size_t i = 0; i < want; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static bool load_small(struct demo_ref *r, struct diag_list *dl)
{
	struct table t;
	bool bad = false;
	static const char *ecols[] = {"code", "name", NULL};
	if (!table_open(&t, "data/ethnic-groups.csv", ecols, dl))
		return false;
	while (table_next(&t, dl, &bad)) {
		int code = num(F(&t, 0), 2);
		if (code < 1 || code > 54) {
			bad = bad_row(&t, dl, 0, ecols, "not an ethnic group code 01-54");
			break;
		}
		r->ethnic[code] = dup(r, F(&t, 1));
	}
	table_close(&t);

	static const char *rcols[] = {"code", "name", NULL};
	if (bad || !table_open(&t, "data/religions.csv", rcols, dl))
		return false;
	while (table_next(&t, dl, &bad)) {
		int code = num(F(&t, 0), 2);
		if (code < 0 || code >= 32) {
			bad = bad_row(&t, dl, 0, rcols, "not a religion code 00-31");
			break;
		}
		r->religion[code] = dup(r, F(&t, 1));
		if ((size_t)code + 1 > r->nreligion)
			r->nreligion = (size_t)code + 1;
	}
	table_close(&t);

	static const char *fcols[] = {"name", "weight", NULL};
	if (bad || !table_open(&t, "data/names-family.csv", fcols, dl))
		return false;
	while (table_next(&t, dl, &bad)) {
		const char *name = dup(r, F(&t, 0));
		double w = atof(F(&t, 1));
		/* The sample leans south (Võ, Huỳnh); in the north Vũ, Hoàng
		 * are the common forms. */
		double k = 1.0;
		if (!strcmp(name, "Vũ") || !strcmp(name, "Hoàng"))
			k = 2.5;
		else if (!strcmp(name, "Đỗ") || !strcmp(name, "Đào") || !strcmp(name, "Nguyễn"))
			k = 1.3;
		else if (!strcmp(name, "Võ") || !strcmp(name, "Huỳnh"))
			k = 0.25;
		demo_wt_add(&r->family_south, name, w);
		demo_wt_add(&r->family_north, name, w * k);
	}
	table_close(&t);

	static const char *const files[2] = {"data/names-middle.csv", "data/names-given.csv"};
	static const char *ncols[] = {"name", "gender", "weight", NULL};
	for (int i = 0; i < 2 && !bad; i++) {
		if (!table_open(&t, files[i], ncols, dl))
			return false;
		while (table_next(&t, dl, &bad)) {
			const char *g = F(&t, 1);
			int gi = !strcmp(g, "male") ? 0 : !strcmp(g, "female") ? 1 : -1;
			if (gi < 0) {
				bad = bad_row(&t, dl, 1, ncols, "gender must be male or female");
				break;
			}
			demo_wt_add(i == 0 ? &r->middle[gi] : &r->given[gi], dup(r, F(&t, 0)), atof(F(&t, 2)));
		}
		table_close(&t);
	}
	return !bad;
}

static bool load_old(struct demo_ref *r, int *pidx, int *didx, int *cidx, struct diag_list *dl)
{
	static const char *cols[] = {"code", "name", "type", "parent_code", "level", NULL};
	struct table t;
	bool bad = false;
	if (!table_open(&t, "data/units-2025-03.csv", cols, dl))
		return false;
	size_t capp = 0, capd = 0, capc = 0;
	while (table_next(&t, dl, &bad)) {
		const char *code = F(&t, 0), *name = F(&t, 1), *type = F(&t, 2), *par = F(&t, 3);
		const char *level = F(&t, 4);
		if (!strcmp(level, "1")) {
			int k = num(code, 2);
			const struct demo_pinfo *info = NULL;
			for (const struct demo_pinfo *p = demo_pinfo; p->gso; p++)
				if (!strcmp(p->gso, code))
					info = p;
			if (k < 0 || !info) {
				bad = bad_row(&t, dl, 0, cols, "province not in the demo's table");
				break;
			}
			XGROW(r->op, capp, r->nop + 1);
			struct demo_oldprov *o = &r->op[r->nop];
			*o = (struct demo_oldprov){.info = info, .name = dup(r, name),
						   .shortname = dup(r, strip_type(name)),
						   .city = !strcmp(type, "thành phố trung ương"), .newp = -1,
						   .d0 = (int)r->nod, .c0 = (int)r->noc};
			pidx[k] = (int)r->nop++;
		} else if (!strcmp(level, "2")) {
			int k = num(code, 3), pk = num(par, 2);
			if (k < 0 || pk < 0 || pidx[pk] < 0) {
				bad = bad_row(&t, dl, 0, cols, "district code or parent not understood");
				break;
			}
			static const char *const types[][2] = {
				{"quận", "Quận ủy"}, {"huyện", "Huyện ủy"}, {"thị xã", "Thị ủy"}, {"thành phố", "Thành ủy"},
			};
			int ti = -1;
			for (int i = 0; i < 4; i++)
				if (!strcmp(type, types[i][0]))
					ti = i;
			if (ti < 0) {
				bad = bad_row(&t, dl, 2, cols, "unknown district type");
				break;
			}
			XGROW(r->od, capd, r->nod + 1);
			struct demo_olddist *d = &r->od[r->nod];
			memset(d, 0, sizeof(*d));
			memcpy(d->gso, code, 4);
			d->shortname = dup(r, strip_type(name));
			d->typeword = types[ti][0];
			d->committee = types[ti][1];
			d->prov = pidx[pk];
			r->op[d->prov].nd++;
			didx[k] = (int)r->nod++;
		} else if (!strcmp(level, "3")) {
			int k = num(code, 5), dk = num(par, 3);
			if (k < 0 || dk < 0 || didx[dk] < 0) {
				bad = bad_row(&t, dl, 0, cols, "commune code or parent not understood");
				break;
			}
			const char *cat = !strcmp(type, "xã") ? "commune" : !strcmp(type, "phường") ? "ward"
					: !strcmp(type, "thị trấn") ? "township" : NULL;
			if (!cat) {
				bad = bad_row(&t, dl, 2, cols, "unknown commune type");
				break;
			}
			XGROW(r->oc, capc, r->noc + 1);
			struct demo_oldcomm *c = &r->oc[r->noc];
			memset(c, 0, sizeof(*c));
			memcpy(c->gso, code, 6);
			c->name = dup(r, name);
			c->shortname = dup(r, strip_type(name));
			c->category = cat;
			c->dist = didx[dk];
			const struct demo_olddist *d = &r->od[c->dist];
			const struct demo_oldprov *p = &r->op[d->prov];
			c->address = keep(r, xasprintf("%s %s, %s %s, %s %s", type, c->shortname, d->typeword,
						       d->shortname, p->city ? "thành phố" : "tỉnh", p->shortname));
			r->op[d->prov].nc++;
			cidx[k] = (int)r->noc++;
		} else {
			{
				bad = bad_row(&t, dl, 4, cols, "level must be 1, 2 or 3");
				break;
			}
		}
	}
	table_close(&t);
	return !bad;
}

static int cmp_comm(const void *a, const void *b)
{
	const struct demo_newcomm *x = a, *y = b;
	if (x->prov != y->prov)
		return x->prov < y->prov ? -1 : 1;
	return strcmp(x->gso, y->gso);
}

static bool load_new(struct demo_ref *r, int *npidx, struct diag_list *dl)
{
	static const char *cols[] = {"code", "name", "type", "parent_code", "level", "population", NULL};
	struct table t;
	bool bad = false;
	if (!table_open(&t, "data/units-2025.csv", cols, dl))
		return false;
	size_t capp = 0, capc = 0;
	while (table_next(&t, dl, &bad)) {
		const char *code = F(&t, 0), *name = F(&t, 1), *type = F(&t, 2), *par = F(&t, 3);
		long pop = atol(F(&t, 5));
		if (!strcmp(F(&t, 4), "1")) {
			int k = num(code, 2);
			const struct demo_newinfo *info = NULL;
			for (const struct demo_newinfo *p = demo_newinfo; p->gso; p++)
				if (!strcmp(p->gso, code))
					info = p;
			if (k < 0 || !info) {
				bad = bad_row(&t, dl, 0, cols, "province not in the demo's table");
				break;
			}
			XGROW(r->np, capp, r->nnp + 1);
			r->np[r->nnp] = (struct demo_newprov){.info = info, .name = dup(r, name),
							      .shortname = dup(r, strip_type(name)),
							      .city = !strcmp(type, "thành phố trung ương"),
							      .pop = pop, .namesake = -1};
			npidx[k] = (int)r->nnp++;
		} else {
			int pk = num(par, 2);
			if (num(code, 5) < 0 || pk < 0 || npidx[pk] < 0) {
				bad = bad_row(&t, dl, 0, cols, "commune code or parent not understood");
				break;
			}
			enum demo_ctype ct = !strcmp(type, "xã") ? CT_XA : !strcmp(type, "phường") ? CT_PHUONG : CT_DACKHU;
			if (ct == CT_DACKHU && strcmp(type, "đặc khu")) {
				bad = bad_row(&t, dl, 2, cols, "unknown commune type");
				break;
			}
			XGROW(r->nc, capc, r->nnc + 1);
			struct demo_newcomm *c = &r->nc[r->nnc++];
			memset(c, 0, sizeof(*c));
			memcpy(c->gso, code, 6);
			c->name = dup(r, name);
			c->shortname = dup(r, strip_type(name));
			c->type = ct;
			c->pop = pop;
			c->prov = npidx[pk];
		}
	}
	table_close(&t);
	if (bad)
		return false;
	qsort(r->nc, r->nnc, sizeof(*r->nc), cmp_comm);
	for (size_t i = 0; i < r->nnc; i++) {
		struct demo_newprov *p = &r->np[r->nc[i].prov];
		if (!p->nc)
			p->c0 = (int)i;
		p->nc++;
	}
	return true;
}

struct pair {
	int newc;
	int order;
	struct demo_src s;
};

static int cmp_pair(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;
	if (x->newc != y->newc)
		return x->newc < y->newc ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static bool load_mapping(struct demo_ref *r, const int *opidx, const int *npidx, const int *didx,
			 const int *cidx, struct diag_list *dl)
{
	static const char *cols[] = {"old_code", "old_level", "new_code", "new_level", "coverage", NULL};
	struct table t;
	bool bad = false;
	int *ncidx = xmalloc(100000 * sizeof(int));
	for (int i = 0; i < 100000; i++)
		ncidx[i] = -1;
	for (size_t i = 0; i < r->nnc; i++)
		ncidx[num(r->nc[i].gso, 5)] = (int)i;
	struct pair *pairs = NULL;
	size_t np = 0, cap = 0;
	if (!table_open(&t, "data/units-2025-mapping.csv", cols, dl)) {
		free(ncidx);
		return false;
	}
	while (table_next(&t, dl, &bad)) {
		const char *oc = F(&t, 0), *ol = F(&t, 1), *nc = F(&t, 2);
		bool full = !strcmp(F(&t, 4), "full");
		if (!strcmp(ol, "1")) {
			int o = num(oc, 2), n = num(nc, 2);
			if (o < 0 || n < 0 || opidx[o] < 0 || npidx[n] < 0) {
				bad = bad_row(&t, dl, 0, cols, "unknown province");
				break;
			}
			r->op[opidx[o]].newp = npidx[n];
			continue;
		}
		int n = num(nc, 5);
		int o = !strcmp(ol, "3") ? num(oc, 5) : num(oc, 3);
		int unit = o < 0 ? -1 : !strcmp(ol, "3") ? cidx[o] : didx[o];
		if (n < 0 || ncidx[n] < 0 || unit < 0) {
			bad = bad_row(&t, dl, 0, cols, "unknown unit");
			break;
		}
		XGROW(pairs, cap, np + 1);
		pairs[np] = (struct pair){ncidx[n], (int)np, {unit, strcmp(ol, "3") != 0, full}};
		np++;
	}
	table_close(&t);
	free(ncidx);
	if (bad) {
		free(pairs);
		return false;
	}
	qsort(pairs, np, sizeof(*pairs), cmp_pair);
	r->src = xcalloc(np ? np : 1, sizeof(*r->src));
	for (size_t i = 0; i < np; i++) {
		struct demo_newcomm *c = &r->nc[pairs[i].newc];
		struct demo_src s = pairs[i].s;
		int oprov = s.district ? r->od[s.unit].prov : r->od[r->oc[s.unit].dist].prov;
		/* A unit mapped across provinces (one row of the mapping) is
		 * left out: its old province went wholly elsewhere. */
		if (r->op[oprov].newp != c->prov) {
			r->dropped++;
			continue;
		}
		if (!c->ns)
			c->s0 = (int)r->nsrc;
		c->ns++;
		r->src[r->nsrc++] = s;
		if (!s.district)
			r->oc[s.unit].ntargets++;
	}
	free(pairs);
	return true;
}

/* Links provinces, checks the tables, computes budgets. */
static bool link(struct demo_ref *r, struct diag_list *dl)
{
	const char *me = "src/io/demo_tables.c";
	for (size_t i = 0; i < r->nop; i++) {
		struct demo_oldprov *o = &r->op[i];
		if (o->newp < 0) {
			diag_add(dl, "data/units-2025-mapping.csv", 0, NULL, "province %s is not mapped", o->info->gso);
			return false;
		}
		struct demo_newprov *p = &r->np[o->newp];
		if (!strcmp(p->info->namesake, o->info->gso)) {
			p->namesake = (int)i;
			if (strcmp(p->info->code, o->info->letters)) {
				diag_add(dl, me, 0, NULL, "province %s continues %s but their codes differ",
					 p->info->code, o->info->letters);
				return false;
			}
		}
		if (p->nolds == 4) {
			diag_add(dl, me, 0, NULL, "more than 4 provinces merge into %s", p->info->code);
			return false;
		}
		p->olds[p->nolds++] = (int)i;
		for (int e = 0; e < 5 && o->info->eth[e].name; e++) {
			bool found = false;
			for (int k = 1; k <= 54; k++)
				found |= r->ethnic[k] && !strcmp(r->ethnic[k], o->info->eth[e].name);
			if (!found) {
				diag_add(dl, me, 0, NULL, "ethnic group %s not in data/ethnic-groups.csv",
					 o->info->eth[e].name);
				return false;
			}
		}
		demo_wt_add(&r->hometown_prov, o->info->letters, o->nc);
	}
	for (int rp = 0; rp < RP__MAX; rp++)
		for (int e = 0; e < 5 && demo_relprof[rp].w[e].name; e++) {
			bool found = false;
			for (size_t k = 0; k < r->nreligion; k++)
				found |= r->religion[k] && !strcmp(r->religion[k], demo_relprof[rp].w[e].name);
			if (!found) {
				diag_add(dl, me, 0, NULL, "religion %s not in data/religions.csv",
					 demo_relprof[rp].w[e].name);
				return false;
			}
		}
	double total = 0;
	for (size_t p = 0; p < r->nnp; p++) {
		struct demo_newprov *np = &r->np[p];
		if (np->namesake < 0 || np->nc == 0) {
			diag_add(dl, me, 0, NULL, "province %s has no former province of its name or no communes",
				 np->info->code);
			return false;
		}
		/* the province it continues comes first */
		for (int k = 1; k < np->nolds; k++)
			if (np->olds[k] == np->namesake) {
				np->olds[k] = np->olds[0];
				np->olds[0] = np->namesake;
			}
		total += (double)np->pop;
	}
	for (size_t p = 0; p < r->nnp; p++) {
		struct demo_newprov *np = &r->np[p];
		np->budget = DEMO_MEMBERS_NATIONAL * (double)np->pop / total;
		/* Commune populations are indicative: a suspect one (< 1,000) or
		 * a missing one counts as the province's median. */
		long *v = xmalloc((size_t)np->nc * sizeof(long));
		size_t nv = 0;
		for (int i = 0; i < np->nc; i++)
			if (r->nc[np->c0 + i].pop >= 1000)
				v[nv++] = r->nc[np->c0 + i].pop;
		long med = 10000;
		if (nv) {
			for (size_t i = 1; i < nv; i++)
				for (size_t j = i; j > 0 && v[j - 1] > v[j]; j--) {
					long x = v[j];
					v[j] = v[j - 1];
					v[j - 1] = x;
				}
			med = v[nv / 2];
		}
		free(v);
		double sum = 0;
		for (int i = 0; i < np->nc; i++) {
			struct demo_newcomm *c = &r->nc[np->c0 + i];
			sum += (double)(c->pop >= 1000 ? c->pop : med);
		}
		for (int i = 0; i < np->nc; i++) {
			struct demo_newcomm *c = &r->nc[np->c0 + i];
			double pop = (double)(c->pop >= 1000 ? c->pop : med);
			c->budget = np->budget * (1.0 - DEMO_SHARE_CQD - DEMO_SHARE_UB) * pop / sum;
			/* where the members of its new agencies worked before */
			if (c->ns) {
				const struct demo_src *s = &r->src[c->s0];
				c->home_dist = s->district ? s->unit : r->oc[s->unit].dist;
			} else {
				c->home_dist = r->op[np->namesake].d0;
			}
			c->home_k = r->od[c->home_dist].nhome++;
		}
	}
	return true;
}

enum err demo_ref_load(struct demo_ref *r, struct diag_list *dl)
{
	memset(r, 0, sizeof(*r));
	int *opidx = xmalloc(100 * sizeof(int)), *npidx = xmalloc(100 * sizeof(int));
	int *didx = xmalloc(1000 * sizeof(int)), *cidx = xmalloc(100000 * sizeof(int));
	for (int i = 0; i < 100; i++)
		opidx[i] = npidx[i] = -1;
	for (int i = 0; i < 1000; i++)
		didx[i] = -1;
	for (int i = 0; i < 100000; i++)
		cidx[i] = -1;
	bool ok = load_small(r, dl) && load_old(r, opidx, didx, cidx, dl) && load_new(r, npidx, dl) &&
		  load_mapping(r, opidx, npidx, didx, cidx, dl) && link(r, dl);
	free(opidx);
	free(npidx);
	free(didx);
	free(cidx);
	if (!ok) {
		demo_ref_free(r);
		return ERR_INPUT;
	}
	return ERR_OK;
}

void demo_ref_free(struct demo_ref *r)
{
	for (size_t i = 0; i < r->npool; i++)
		free(r->pool[i]);
	free(r->pool);
	free(r->op);
	free(r->od);
	free(r->oc);
	free(r->np);
	free(r->nc);
	free(r->src);
	demo_wt_free(&r->family_north);
	demo_wt_free(&r->family_south);
	for (int g = 0; g < 2; g++) {
		demo_wt_free(&r->middle[g]);
		demo_wt_free(&r->given[g]);
	}
	demo_wt_free(&r->hometown_prov);
	memset(r, 0, sizeof(*r));
}
