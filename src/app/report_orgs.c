/* report_orgs: the "orgs" report (contract §3): party organizations by kind
 * and base organizations by category, in the subtree of each row as the
 * tree stood on the as-of day (each row counts its own organization too).
 *
 * Kinds follow QĐ 294 (glossary: base = base committee + base cell; cell =
 * chi bộ trực thuộc, under a base committee or a sub-committee). Categories
 * are a reference table users extend (rules.md §7.3), so the report lists
 * one category_<name> per category found among the base organizations
 * counted, the built-in ones first in their order. Kinds and categories
 * of base organizations have the base "base". */
#include "app/report.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "domain/org.h"

static bool kind_matches(int kind, const int *want)
{
	for (; *want >= 0; want++)
		if (kind == *want)
			return true;
	return false;
}

static void count_kind(const struct report_ctx *c, const struct report_indicator *ind, struct report_counter *k)
{
	const int *want = ind->arg;
	for (uint32_t p = 0; p < c->npos; p++)
		if (kind_matches(c->snap->orgs[c->pos_org[p]].kind, want))
			report_count_at(k, (int32_t)p, 1);
}

static void count_category(const struct report_ctx *c, const struct report_indicator *ind, struct report_counter *k)
{
	const char *cat = ind->arg;
	for (uint32_t p = 0; p < c->npos; p++) {
		const struct snap_org *o = &c->snap->orgs[c->pos_org[p]];
		if (org_kind_is_base((enum org_kind)o->kind) && o->category &&
		    strcmp(snap_str(c->snap, o->category), cat) == 0)
			report_count_at(k, (int32_t)p, 1);
	}
}

static const int kinds_base[] = {ORG_BASE_COMMITTEE, ORG_BASE_CELL, -1};
static const int kinds_base_committee[] = {ORG_BASE_COMMITTEE, -1};
static const int kinds_base_cell[] = {ORG_BASE_CELL, -1};
static const int kinds_cell[] = {ORG_CELL, -1};
static const int kinds_sub_committee[] = {ORG_SUB_COMMITTEE, -1};

/* Built-in categories keep their order; others follow by name. */
static int category_rank(const char *name)
{
	for (int i = 0; org_categories[i]; i++)
		if (strcmp(org_categories[i], name) == 0)
			return i;
	return 1000;
}

static int cmp_category(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	int rx = category_rank(x), ry = category_rank(y);
	return rx != ry ? rx - ry : strcmp(x, y);
}

static void orgs_more(struct report_ctx *c, struct report_indicator_list *out)
{
	const char **cats = NULL;
	size_t n = 0, cap = 0;
	for (uint32_t p = 0; p < c->npos; p++) {
		const struct snap_org *o = &c->snap->orgs[c->pos_org[p]];
		if (!org_kind_is_base((enum org_kind)o->kind) || !o->category)
			continue;
		const char *name = snap_str(c->snap, o->category);
		bool seen = false;
		for (size_t i = 0; i < n && !seen; i++)
			seen = strcmp(cats[i], name) == 0;
		if (!seen) {
			XGROW(cats, cap, n + 1);
			cats[n++] = name;
		}
	}
	if (n)
		qsort(cats, n, sizeof(*cats), cmp_category);
	for (size_t i = 0; i < n; i++) {
		const char *label = org_category_label(cats[i]);
		char *iname = xasprintf("category_%s", cats[i]);
		char *ilabel = xasprintf("Loại hình: %s", label ? label : cats[i]);
		struct report_indicator ind = {.name = report_keep(c, iname), .label = report_keep(c, ilabel),
					       .base = "base", .count = count_category, .arg = cats[i]};
		free(iname);
		free(ilabel);
		report_indicator_list_add(out, &ind);
	}
	free(cats);
}

static const struct report_indicator orgs_indicators[] = {
	{"base", "Tổ chức cơ sở đảng", NULL, count_kind, kinds_base, 0, NULL},
	{"base_committee", "Đảng bộ cơ sở", "base", count_kind, kinds_base_committee, 0, NULL},
	{"base_cell", "Chi bộ cơ sở", "base", count_kind, kinds_base_cell, 0, NULL},
	{"cell", "Chi bộ trực thuộc", NULL, count_kind, kinds_cell, 0, NULL},
	{"sub_committee", "Đảng bộ bộ phận", NULL, count_kind, kinds_sub_committee, 0, NULL},
	{0},
};

const struct report_def report_orgs = {
	.name = "orgs",
	.title = "Báo cáo số lượng tổ chức đảng",
	.indicators = orgs_indicators,
	.more_indicators = orgs_more,
};
