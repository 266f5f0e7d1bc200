/* report_ratings: the "ratings" report of a review round (contract §3;
 * QĐ 366-QĐ/TW Điều 11; seed 001: "26 TCCSĐ ... 4 hoàn thành xuất sắc
 * nhiệm vụ, 16 hoàn thành tốt nhiệm vụ").
 *
 *   org_rated                       base organizations rated in the period
 *   org_excellent ... org_failed    of them, at each level (over org_rated)
 *   member_rated                    members rated
 *   member_excellent ... member_failed  at each level (over member_rated)
 *   collective_listed               organizations listed (any kind)
 *   self_review_collective          of them, took part in the self-review
 *   self_review_individual          members listed who took part (over
 *                                   member_rated)
 *
 * Ratings are read from the store (app/ratings.h, table rating) for the
 * period given (--period, e.g. 2024, 2025-Q3, 2020-2025) and counted at
 * the organization rated, or the member's organization at the import, as
 * the tree stood on the as-of day. The report needs a store and a period. */
#include "app/report.h"

#include <stdlib.h>
#include <string.h>

#include "app/ratings.h"
#include "core/xalloc.h"
#include "domain/org.h"

enum rt_what {
	RT_ORG_RATED,
	RT_ORG_LEVEL0, /* + level */
	RT_MEMBER_RATED = RT_ORG_LEVEL0 + RATING__MAX,
	RT_MEMBER_LEVEL0,
	RT_COLLECTIVE = RT_MEMBER_LEVEL0 + RATING__MAX,
	RT_SELF_COLLECTIVE,
	RT_SELF_INDIVIDUAL,
	RT__MAX
};


static enum err rt_prepare(struct report_ctx *c, struct buf *msg)
{
	c->priv = NULL;
	buf_reset(msg);
	if (!c->st) {
		buf_adds(msg, "the ratings report reads the database (it cannot run on a snapshot file alone)");
		return ERR_USAGE;
	}
	int ey, em;
	if (!c->rating_period || !rating_period_parse(c->rating_period, &ey, &em)) {
		buf_adds(msg, "the ratings report needs the period of the round: --period P (a year 2024, a quarter "
			      "2025-Q3 or a term 2020-2025)");
		return ERR_USAGE;
	}
	const struct snapshot *s = c->snap;
	struct snap_byid byid;
	snap_byid_build(s, &byid);
	struct report_tally *d = report_tally_new(c, RT__MAX);
	struct store_stmt *q = store_stmt(c->st, STMT_RATING_OF_PERIOD);
	stmt_bind_text(q, 1, c->rating_period);
	bool row;
	enum err e;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		/* columns: subject_type,subject,org_id,score,level,self_review */
		const char *type = stmt_col_text(q, 0), *level = stmt_col_text(q, 4);
		int64_t org = stmt_col_int(q, 2);
		enum rating_level l;
		if (!type || !level || !rating_level_parse(level, &l) || snap_byid_get(&byid, org) < 0)
			continue;
		int32_t o = snap_byid_get(&byid, org), p = c->org_pos[o];
		if (p < 0)
			continue;
		bool self = stmt_col_int(q, 5) != 0;
		if (strcmp(type, "member") == 0) {
			d->at[RT_MEMBER_RATED][p]++;
			d->at[RT_MEMBER_LEVEL0 + l][p]++;
			d->at[RT_SELF_INDIVIDUAL][p] += self;
			continue;
		}
		d->at[RT_COLLECTIVE][p]++;
		d->at[RT_SELF_COLLECTIVE][p] += self;
		enum org_kind k = (enum org_kind)s->orgs[o].kind;
		if (k == ORG_BASE_COMMITTEE || k == ORG_BASE_CELL) {
			d->at[RT_ORG_RATED][p]++;
			d->at[RT_ORG_LEVEL0 + l][p]++;
		}
	}
	snap_byid_free(&byid);
	if (e)
		buf_addf(msg, "reading the ratings: %s", store_errmsg(c->st));
	return e;
}

static void count_rt(const struct report_ctx *c, const struct report_indicator *ind, struct report_counter *k)
{
	report_tally_count(c, *(const enum rt_what *)ind->arg, k);
}

static const enum rt_what w[RT__MAX] = {
	RT_ORG_RATED,
	RT_ORG_LEVEL0 + RATING_EXCELLENT, RT_ORG_LEVEL0 + RATING_GOOD, RT_ORG_LEVEL0 + RATING_COMPLETED,
	RT_ORG_LEVEL0 + RATING_FAILED,
	RT_MEMBER_RATED,
	RT_MEMBER_LEVEL0 + RATING_EXCELLENT, RT_MEMBER_LEVEL0 + RATING_GOOD, RT_MEMBER_LEVEL0 + RATING_COMPLETED,
	RT_MEMBER_LEVEL0 + RATING_FAILED,
	RT_COLLECTIVE, RT_SELF_COLLECTIVE, RT_SELF_INDIVIDUAL,
};

static const struct report_indicator ratings_indicators[] = {
	{.name = "org_rated", .label = "Tổ chức cơ sở đảng được xếp loại", .count = count_rt, .arg = &w[RT_ORG_RATED]},
	{.name = "org_excellent", .label = "TCCSĐ hoàn thành xuất sắc nhiệm vụ", .base = "org_rated", .count = count_rt, .arg = &w[RT_ORG_LEVEL0 + RATING_EXCELLENT]},
	{.name = "org_good", .label = "TCCSĐ hoàn thành tốt nhiệm vụ", .base = "org_rated", .count = count_rt, .arg = &w[RT_ORG_LEVEL0 + RATING_GOOD]},
	{.name = "org_completed", .label = "TCCSĐ hoàn thành nhiệm vụ", .base = "org_rated", .count = count_rt, .arg = &w[RT_ORG_LEVEL0 + RATING_COMPLETED]},
	{.name = "org_failed", .label = "TCCSĐ không hoàn thành nhiệm vụ", .base = "org_rated", .count = count_rt, .arg = &w[RT_ORG_LEVEL0 + RATING_FAILED]},
	{.name = "member_rated", .label = "Đảng viên được xếp loại", .count = count_rt, .arg = &w[RT_MEMBER_RATED]},
	{.name = "member_excellent", .label = "Đảng viên hoàn thành xuất sắc nhiệm vụ", .base = "member_rated", .count = count_rt, .arg = &w[RT_MEMBER_LEVEL0 + RATING_EXCELLENT]},
	{.name = "member_good", .label = "Đảng viên hoàn thành tốt nhiệm vụ", .base = "member_rated", .count = count_rt, .arg = &w[RT_MEMBER_LEVEL0 + RATING_GOOD]},
	{.name = "member_completed", .label = "Đảng viên hoàn thành nhiệm vụ", .base = "member_rated", .count = count_rt, .arg = &w[RT_MEMBER_LEVEL0 + RATING_COMPLETED]},
	{.name = "member_failed", .label = "Đảng viên không hoàn thành nhiệm vụ", .base = "member_rated", .count = count_rt, .arg = &w[RT_MEMBER_LEVEL0 + RATING_FAILED]},
	{.name = "collective_listed", .label = "Tổ chức đảng trong danh sách kiểm điểm", .count = count_rt, .arg = &w[RT_COLLECTIVE]},
	{.name = "self_review_collective", .label = "Tập thể tham gia kiểm điểm", .base = "collective_listed", .count = count_rt, .arg = &w[RT_SELF_COLLECTIVE]},
	{.name = "self_review_individual", .label = "Đảng viên tham gia kiểm điểm", .base = "member_rated", .count = count_rt, .arg = &w[RT_SELF_INDIVIDUAL]},
	{0},
};

const struct report_def report_ratings = {
	.name = "ratings",
	.title = "Báo cáo kết quả kiểm điểm, đánh giá, xếp loại chất lượng",
	.indicators = ratings_indicators,
	.flags = REPORT_NEEDS_ROUND,
	.prepare = rt_prepare,
	.release = report_tally_release,
};
