/* report_degradation: the "degradation" report of a period: how the 27
 * manifestations of degradation (NQ 04-NQ/TW) were assessed on the 5 levels
 * (seed 000: "5 mức độ nhận diện 27 biểu hiện suy thoái"; the levels in
 * domain/degradation.h, 1 the most serious).
 *
 *   assessed          members assessed in the period
 *   level_1 ... level_5  of them, by their most serious level over the 27
 *                     (over assessed)
 *   manifest          members with at least one manifestation at level 1 to
 *                     4, i.e. showing any sign (over assessed)
 *   serious           members with at least one at level 1 or 2: to be taken
 *                     out of the Party or disciplined (over assessed)
 *   m01_level1 ... m27_level5  members at each level of each manifestation
 *                     (over assessed)
 *   org_assessed      organizations (collectives) assessed
 *   org_manifest      of them, with at least one manifestation at level 1
 *                     to 4 (over org_assessed)
 *
 * Rows are read from the store (app/quality.h) for --period P (2024,
 * 2025-Q3, 2020-2025) and counted at the member's organization in the
 * period, or the organization assessed, in the tree of the as-of day. */
#include "app/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/ratings.h"
#include "core/xalloc.h"
#include "domain/degradation.h"

enum dg_what {
	DW_ASSESSED,
	DW_WORST0,                                   /* + level - 1 */
	DW_MANIFEST = DW_WORST0 + DEGRADATION_LEVELS,
	DW_SERIOUS,
	DW_ORG_ASSESSED,
	DW_ORG_MANIFEST,
	DW_ITEM0,                                    /* + (n - 1) * 5 + level - 1 */
	DW__MAX = DW_ITEM0 + DEGRADATION_COUNT * DEGRADATION_LEVELS
};

/* An indicator's argument points into slot: its offset is what it counts. */
static const char slot[DW__MAX];


/* Adds one subject whose rows have been read. */
static void dg_subject(struct report_tally *d, int32_t p, bool member, int worst)
{
	if (p < 0 || worst == 0)
		return;
	if (!member) {
		d->at[DW_ORG_ASSESSED][p]++;
		d->at[DW_ORG_MANIFEST][p] += degradation_level_shows(worst);
		return;
	}
	d->at[DW_ASSESSED][p]++;
	d->at[DW_WORST0 + worst - 1][p]++;
	d->at[DW_MANIFEST][p] += degradation_level_shows(worst);
	d->at[DW_SERIOUS][p] += degradation_level_serious(worst);
}

static enum err dg_prepare(struct report_ctx *c, struct buf *msg)
{
	c->priv = NULL;
	buf_reset(msg);
	if (!c->st) {
		buf_adds(msg, "the degradation report reads the database (it cannot run on a snapshot file alone)");
		return ERR_USAGE;
	}
	int ey, em;
	if (!c->rating_period || !rating_period_parse(c->rating_period, &ey, &em)) {
		buf_adds(msg, "the degradation report needs the period of the assessment: --period P (a year 2024, a "
			      "quarter 2025-Q3 or a term 2020-2025)");
		return ERR_USAGE;
	}
	const struct snapshot *s = c->snap;
	struct snap_byid byid;
	snap_byid_build(s, &byid);
	struct report_tally *d = report_tally_new(c, DW__MAX);
	/* columns: period,subject_type,subject,manifestation,level,note,org_id;
	 * the rows of one subject are consecutive */
	struct store_stmt *q = store_stmt(c->st, STMT_DEGRADATION_ALL);
	bool row;
	enum err e;
	char *subject = NULL;
	bool member = false;
	int32_t p = -1;
	int worst = 0;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		const char *period = stmt_col_text(q, 0), *type = stmt_col_text(q, 1), *subj = stmt_col_text(q, 2);
		if (!period || !type || !subj || strcmp(period, c->rating_period) != 0)
			continue;
		bool m = strcmp(type, "member") == 0;
		if (!subject || m != member || strcmp(subj, subject) != 0) {
			dg_subject(d, p, member, worst);
			free(subject);
			subject = xstrdup(subj);
			member = m;
			worst = 0;
			int64_t org = stmt_col_null(q, 6) ? 0 : stmt_col_int(q, 6);
			/* members of an organization merged by the as-of day count where it went */
			int32_t o = snap_byid_get(&byid, org) >= 0 ? snap_follow(s, snap_byid_get(&byid, org), c->as_of) : -1;
			p = o >= 0 ? c->org_pos[o] : -1;
		}
		int n = (int)stmt_col_int(q, 3), level = (int)stmt_col_int(q, 4);
		if (n < 1 || n > DEGRADATION_COUNT || level < 1 || level > DEGRADATION_LEVELS)
			continue;
		if (worst == 0 || level < worst)
			worst = level;
		if (m && p >= 0)
			d->at[DW_ITEM0 + (n - 1) * DEGRADATION_LEVELS + level - 1][p]++;
	}
	dg_subject(d, p, member, worst);
	free(subject);
	snap_byid_free(&byid);
	if (e)
		buf_addf(msg, "reading the assessments: %s", store_errmsg(c->st));
	return e;
}

static void count_dg(const struct report_ctx *c, const struct report_indicator *ind, struct report_counter *k)
{
	report_tally_count(c, (size_t)((const char *)ind->arg - slot), k);
}


static const struct report_indicator fixed[] = {
	{.name = "assessed", .label = "Đảng viên được đánh giá 27 biểu hiện", .count = count_dg, .arg = &slot[DW_ASSESSED]},
	{.name = "level_1", .label = "Mức 1: rất nghiêm trọng (phải đưa ra khỏi Đảng)", .base = "assessed", .count = count_dg, .arg = &slot[DW_WORST0]},
	{.name = "level_2", .label = "Mức 2: nghiêm trọng (phải thi hành kỷ luật)", .base = "assessed", .count = count_dg, .arg = &slot[DW_WORST0 + 1]},
	{.name = "level_3", .label = "Mức 3: có biểu hiện ở mức ban đầu", .base = "assessed", .count = count_dg, .arg = &slot[DW_WORST0 + 2]},
	{.name = "level_4", .label = "Mức 4: có biểu hiện ở mức khó nhận diện", .base = "assessed", .count = count_dg, .arg = &slot[DW_WORST0 + 3]},
	{.name = "level_5", .label = "Mức 5: không có biểu hiện", .base = "assessed", .count = count_dg, .arg = &slot[DW_WORST0 + 4]},
	{.name = "manifest", .label = "Đảng viên có biểu hiện (mức 1 đến 4)", .base = "assessed", .count = count_dg, .arg = &slot[DW_MANIFEST]},
	{.name = "serious", .label = "Đảng viên có biểu hiện nghiêm trọng (mức 1, 2)", .base = "assessed", .count = count_dg, .arg = &slot[DW_SERIOUS]},
	{.name = "org_assessed", .label = "Tổ chức đảng được đánh giá 27 biểu hiện", .count = count_dg, .arg = &slot[DW_ORG_ASSESSED]},
	{.name = "org_manifest", .label = "Tổ chức đảng có biểu hiện (mức 1 đến 4)", .base = "org_assessed", .count = count_dg, .arg = &slot[DW_ORG_MANIFEST]},
	{0},
};

/* One indicator per manifestation and level (m01_level1 ... m27_level5). */
static void dg_more(struct report_ctx *c, struct report_indicator_list *out)
{
	for (int n = 1; n <= DEGRADATION_COUNT; n++) {
		const struct degradation_item *it = degradation_item(n);
		for (int l = 1; l <= DEGRADATION_LEVELS; l++) {
			char name[24];
			snprintf(name, sizeof(name), "m%02d_level%d", n, l);
			char *label = xasprintf("%s (%s) mức %d", it->code, it->title, l);
			struct report_indicator ind = {
				.name = report_keep(c, name),
				.label = report_keep(c, label),
				.base = "assessed",
				.count = count_dg,
				.arg = &slot[DW_ITEM0 + (n - 1) * DEGRADATION_LEVELS + l - 1],
			};
			report_indicator_list_add(out, &ind);
			free(label);
		}
	}
}

const struct report_def report_degradation = {
	.name = "degradation",
	.title = "Báo cáo nhận diện 27 biểu hiện suy thoái (Nghị quyết 04-NQ/TW)",
	.indicators = fixed,
	.more_indicators = dg_more,
	.flags = REPORT_NEEDS_ROUND,
	.prepare = dg_prepare,
	.release = report_tally_release,
};
