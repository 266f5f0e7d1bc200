/* report_congress: the "congress" report of a term (contract §3; issue 5
 * item 8; seed 003: "4.925/4.925 chi bộ đã tổ chức đại hội", "671/2.291 =
 * 29,3% nữ", "bí thư trúng cử với số phiếu thấp nhất 85%, cao nhất 100%").
 *
 *   planned, held                 congresses of the term planned in the row's
 *                                 subtree, and those held on or before the
 *                                 as-of day (held over planned)
 *   planned_KIND, held_KIND       the same per kind of organization: upper
 *                                 levels (province and upper committees),
 *                                 base organizations, sub-committees, cells
 *   direct_secretary              congresses held that elected the secretary
 *                                 directly (rules.md §1.7)
 *   committee_female over committee_seats   women among the committee members
 *                                 elected (congress result)
 *   secretary_vote_min, secretary_vote_max  the lowest and highest vote
 *                                 share of an elected secretary, as votes
 *                                 over that congress's base (QĐ 190-QĐ/TW
 *                                 Điều 30), their bases beside them
 *
 * Congresses and results are read from the store (app/congress.h) and placed
 * at their organization as the tree stood on the as-of day; the report needs
 * a store and --term. */
#include "app/report.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "domain/org.h"

enum cg_group { CG_UPPER, CG_BASE, CG_SUB, CG_CELL, CG__MAX };

static enum cg_group group_of(enum org_kind k)
{
	switch (k) {
	case ORG_BASE_COMMITTEE:
	case ORG_BASE_CELL:
		return CG_BASE;
	case ORG_SUB_COMMITTEE:
		return CG_SUB;
	case ORG_CELL:
		return CG_CELL;
	default:
		return CG_UPPER;
	}
}

struct cg_congress {
	int32_t pos;     /* position on the as-of day */
	enum cg_group group;
	bool held, direct;
};

struct cg_secretary {
	int32_t pos;
	int64_t votes, base;
};

struct cg_data {
	struct cg_congress *cong;
	size_t ncong, capcong;
	struct cg_secretary *sec;
	size_t nsec, capsec;
	int64_t *female_at, *seats_at; /* per position */
};

static void cg_release(struct report_ctx *c)
{
	struct cg_data *d = c->priv;
	if (d) {
		free(d->cong);
		free(d->sec);
		free(d->female_at);
		free(d->seats_at);
		free(d);
	}
	c->priv = NULL;
}

static date_t col_date(struct store_stmt *q, int i)
{
	const char *v = stmt_col_text(q, i);
	date_t d;
	return v && date_parse(v, &d) ? d : DATE_NONE;
}

static enum err cg_prepare(struct report_ctx *c, struct buf *msg)
{
	c->priv = NULL;
	buf_reset(msg);
	if (!c->st) {
		buf_adds(msg, "the congress report reads the database (it cannot run on a snapshot file alone)");
		return ERR_USAGE;
	}
	if (!c->term) {
		buf_adds(msg, "the congress report needs the term: --term YYYY-YYYY (e.g. 2025-2030)");
		return ERR_USAGE;
	}
	const struct snapshot *s = c->snap;
	struct snap_byid byid;
	snap_byid_build(s, &byid);
	struct cg_data *d = xcalloc(1, sizeof(*d));
	c->priv = d;
	d->female_at = xcalloc(c->npos + 1, sizeof(int64_t));
	d->seats_at = xcalloc(c->npos + 1, sizeof(int64_t));
	struct store_stmt *q = store_stmt(c->st, STMT_CONGRESS_OF_TERM);
	stmt_bind_text(q, 1, c->term);
	bool row;
	enum err e;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		/* columns: id,org_id,kind,pilot,direct_secretary,planned_on,notice_on,held_on */
		int64_t id = stmt_col_int(q, 0), org = stmt_col_int(q, 1);
		if (id <= 0 || snap_byid_get(&byid, org) < 0)
			continue;
		int32_t o = snap_byid_get(&byid, org), p = c->org_pos[o];
		if (p < 0)
			continue;
		date_t held = col_date(q, 7);
		XGROW(d->cong, d->capcong, d->ncong + 1);
		d->cong[d->ncong++] = (struct cg_congress){p, group_of((enum org_kind)s->orgs[o].kind),
							   held != DATE_NONE && held <= c->as_of,
							   stmt_col_int(q, 4) != 0};
	}
	if (!e) {
		/* the results: congress org_id,role,gender,votes,base */
		q = store_stmt(c->st, STMT_CONGRESS_ELECTED_OF_TERM);
		stmt_bind_text(q, 1, c->term);
		while ((e = stmt_step(q, &row)) == ERR_OK && row) {
			int64_t org = stmt_col_int(q, 0);
			const char *role = stmt_col_text(q, 1), *gender = stmt_col_text(q, 2);
			int32_t p = -1;
			if (snap_byid_get(&byid, org) >= 0)
				p = c->org_pos[snap_byid_get(&byid, org)];
			if (p < 0 || !role)
				continue;
			if (strcmp(role, "committee") == 0) {
				d->seats_at[p]++;
				if (gender && strcmp(gender, "nữ") == 0)
					d->female_at[p]++;
			} else if (strcmp(role, "secretary") == 0) {
				XGROW(d->sec, d->capsec, d->nsec + 1);
				d->sec[d->nsec++] = (struct cg_secretary){p, stmt_col_int(q, 3), stmt_col_int(q, 4)};
			}
		}
	}
	snap_byid_free(&byid);
	if (e)
		buf_addf(msg, "reading the congresses: %s", store_errmsg(c->st));
	return e;
}

/* arg of the planned/held indicators: group (CG__MAX for all), held or not */
struct cg_arg {
	int group;
	bool held;
};

static void count_congresses(const struct report_ctx *c, const struct report_indicator *ind,
			     struct report_counter *k)
{
	const struct cg_data *d = c->priv;
	const struct cg_arg *a = ind->arg;
	for (size_t i = 0; d && i < d->ncong; i++)
		if ((a->group == CG__MAX || (int)d->cong[i].group == a->group) && (!a->held || d->cong[i].held))
			report_count_at(k, d->cong[i].pos, 1);
}

static void count_direct(const struct report_ctx *c, const struct report_indicator *ind, struct report_counter *k)
{
	(void)ind;
	const struct cg_data *d = c->priv;
	for (size_t i = 0; d && i < d->ncong; i++)
		if (d->cong[i].held && d->cong[i].direct)
			report_count_at(k, d->cong[i].pos, 1);
}

enum cg_seat { SEAT_FEMALE, SEAT_ALL };

static void count_seats(const struct report_ctx *c, const struct report_indicator *ind, struct report_counter *k)
{
	const struct cg_data *d = c->priv;
	const int64_t *v = *(const enum cg_seat *)ind->arg == SEAT_FEMALE ? d->female_at : d->seats_at;
	for (uint32_t p = 0; d && p < c->npos; p++)
		if (v[p])
			report_count_at(k, (int32_t)p, v[p]);
}

/* which: 0 min votes, 1 min base, 2 max votes, 3 max base. Per row: the
 * secretary with the lowest (highest) share votes/base in the row's subtree,
 * compared exactly as votes_a * base_b against votes_b * base_a. */
static void count_extreme(const struct report_ctx *c, const struct report_indicator *ind, struct report_counter *k)
{
	const struct cg_data *d = c->priv;
	int which = *(const int *)ind->arg;
	bool max = which >= 2;
	for (size_t r = 0; d && r < c->nrows; r++) {
		int32_t p0 = c->row_pos[r], p1 = c->pos_end[p0];
		const struct cg_secretary *best = NULL;
		for (size_t i = 0; i < d->nsec; i++) {
			const struct cg_secretary *x = &d->sec[i];
			if (x->pos < p0 || x->pos >= p1 || x->base <= 0)
				continue;
			if (!best) {
				best = x;
				continue;
			}
			/* x->votes/x->base vs best->votes/best->base (counts below 10^9: no overflow) */
			int64_t l = x->votes * best->base, rr = best->votes * x->base;
			if (max ? l > rr : l < rr)
				best = x;
		}
		if (best)
			report_row_add(k, r, (which & 1) ? best->base : best->votes);
	}
}

static const struct cg_arg a_planned = {CG__MAX, false}, a_held = {CG__MAX, true};
static const struct cg_arg a_kind[CG__MAX][2] = {
	{{CG_UPPER, false}, {CG_UPPER, true}},
	{{CG_BASE, false}, {CG_BASE, true}},
	{{CG_SUB, false}, {CG_SUB, true}},
	{{CG_CELL, false}, {CG_CELL, true}},
};
static const enum cg_seat seat_female = SEAT_FEMALE, seat_all = SEAT_ALL;
static const int ex_min_votes = 0, ex_min_base = 1, ex_max_votes = 2, ex_max_base = 3;

static const struct report_indicator congress_indicators[] = {
	{.name = "planned", .label = "Đại hội theo kế hoạch", .count = count_congresses, .arg = &a_planned},
	{.name = "held", .label = "Đã tổ chức đại hội", .base = "planned", .count = count_congresses, .arg = &a_held},
	{.name = "planned_upper", .label = "Đảng bộ cấp trên cơ sở: kế hoạch", .count = count_congresses, .arg = &a_kind[CG_UPPER][0]},
	{.name = "held_upper", .label = "Đảng bộ cấp trên cơ sở: đã tổ chức", .base = "planned_upper", .count = count_congresses, .arg = &a_kind[CG_UPPER][1]},
	{.name = "planned_base", .label = "Tổ chức cơ sở đảng: kế hoạch", .count = count_congresses, .arg = &a_kind[CG_BASE][0]},
	{.name = "held_base", .label = "Tổ chức cơ sở đảng: đã tổ chức", .base = "planned_base", .count = count_congresses, .arg = &a_kind[CG_BASE][1]},
	{.name = "planned_sub_committee", .label = "Đảng bộ bộ phận: kế hoạch", .count = count_congresses, .arg = &a_kind[CG_SUB][0]},
	{.name = "held_sub_committee", .label = "Đảng bộ bộ phận: đã tổ chức", .base = "planned_sub_committee", .count = count_congresses, .arg = &a_kind[CG_SUB][1]},
	{.name = "planned_cell", .label = "Chi bộ trực thuộc: kế hoạch", .count = count_congresses, .arg = &a_kind[CG_CELL][0]},
	{.name = "held_cell", .label = "Chi bộ trực thuộc: đã tổ chức", .base = "planned_cell", .count = count_congresses, .arg = &a_kind[CG_CELL][1]},
	{.name = "direct_secretary", .label = "Đại hội bầu trực tiếp bí thư", .base = "held", .count = count_direct},
	{.name = "committee_seats", .label = "Cấp ủy viên trúng cử", .count = count_seats, .arg = &seat_all},
	{.name = "committee_female", .label = "Cấp ủy viên nữ", .base = "committee_seats", .count = count_seats, .arg = &seat_female},
	{.name = "secretary_vote_min_base", .label = "Số đảng viên để tính kết quả (bí thư có tỷ lệ phiếu thấp nhất)", .count = count_extreme, .arg = &ex_min_base},
	{.name = "secretary_vote_min", .label = "Bí thư trúng cử: số phiếu thấp nhất", .base = "secretary_vote_min_base", .count = count_extreme, .arg = &ex_min_votes},
	{.name = "secretary_vote_max_base", .label = "Số đảng viên để tính kết quả (bí thư có tỷ lệ phiếu cao nhất)", .count = count_extreme, .arg = &ex_max_base},
	{.name = "secretary_vote_max", .label = "Bí thư trúng cử: số phiếu cao nhất", .base = "secretary_vote_max_base", .count = count_extreme, .arg = &ex_max_votes},
	{0},
};

const struct report_def report_congress = {
	.name = "congress",
	.title = "Báo cáo tiến độ và kết quả đại hội đảng bộ các cấp",
	.indicators = congress_indicators,
	.flags = REPORT_NEEDS_TERM,
	.prepare = cg_prepare,
	.release = cg_release,
};
