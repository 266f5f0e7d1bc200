/* report_screening: the "screening" report of a year (contract §3; Chỉ thị
 * 28-CT/TW; seed 004: "rà soát đưa vào danh sách sàng lọc 79 đảng viên;
 * 37 ... tiến bộ; 23 tiếp tục giáo dục, giúp đỡ; 19 bị đưa ra khỏi Đảng").
 *
 *   listed       members listed for screening that year (the cases)
 *   progressed   of them, recognized as having progressed (over listed)
 *   continued    kept for further education and help (over listed)
 *   removed      taken out of the Party (over listed)
 *   removed_remove, removed_expel, removed_leave
 *                of those, by channel: removal, expulsion, leaving at their
 *                request (over removed)
 *   residence_commented  members the residence party cell commented on that
 *                year (QĐ 213-QĐ/TW), no base
 *
 * Cases are read from the store (app/quality.h) for the year given
 * (--period Y or --year Y) and counted at the organization the member was
 * in during that year (their last membership span in it), placed in the
 * tree of the as-of day. */
#include "app/report.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "domain/screening.h"

enum sc_what {
	SC_LISTED,
	SC_OUTCOME0,                       /* + outcome */
	SC_CHANNEL0 = SC_OUTCOME0 + SCREEN__MAX, /* + channel */
	SC_RESIDENCE = SC_CHANNEL0 + CHANNEL__MAX,
	SC__MAX
};


/* The position of the organization with database id org (followed through
 * merges to the as-of day), or -1. */
static int32_t pos_of(const struct report_ctx *c, const struct snap_byid *byid, int64_t org)
{
	if (snap_byid_get(byid, org) < 0)
		return -1;
	/* members of an organization merged by the as-of day count where it went */
	int32_t o = snap_follow(c->snap, snap_byid_get(byid, org), c->as_of);
	return o >= 0 ? c->org_pos[o] : -1;
}

static enum err sc_prepare(struct report_ctx *c, struct buf *msg)
{
	c->priv = NULL;
	buf_reset(msg);
	if (!c->st) {
		buf_adds(msg, "the screening report reads the database (it cannot run on a snapshot file alone)");
		return ERR_USAGE;
	}
	const char *y = c->rating_period;
	if (!y || strlen(y) != 4 || strspn(y, "0123456789") != 4) {
		buf_adds(msg, "the screening report needs the year of the screening: --year Y (or --period Y)");
		return ERR_USAGE;
	}
	int64_t year = atoi(y);
	const struct snapshot *s = c->snap;
	struct snap_byid byid;
	snap_byid_build(s, &byid);
	struct report_tally *d = report_tally_new(c, SC__MAX);
	/* columns: year,member_id,reason,outcome,channel,decision_date,decision_ref,org_id */
	struct store_stmt *q = store_stmt(c->st, STMT_SCREENING_ALL);
	bool row;
	enum err e;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		enum screening_outcome o;
		enum screening_channel ch;
		const char *outcome = stmt_col_text(q, 3);
		int32_t p = stmt_col_int(q, 0) == year && !stmt_col_null(q, 7)
				    ? pos_of(c, &byid, stmt_col_int(q, 7)) : -1;
		if (p < 0 || !outcome || !screening_outcome_parse(outcome, &o))
			continue;
		d->at[SC_LISTED][p]++;
		d->at[SC_OUTCOME0 + o][p]++;
		if (o == SCREEN_REMOVED && !stmt_col_null(q, 4) && screening_channel_parse(stmt_col_text(q, 4), &ch))
			d->at[SC_CHANNEL0 + ch][p]++;
	}
	q = e ? NULL : store_stmt(c->st, STMT_RESIDENCE_ALL);
	while (q && (e = stmt_step(q, &row)) == ERR_OK && row) {
		/* columns: year,member_id,residence_cell,commented_on,comment,front_opinion,exempt_reason,org_id */
		int32_t p = stmt_col_int(q, 0) == year && !stmt_col_null(q, 7) && !stmt_col_null(q, 4)
				    ? pos_of(c, &byid, stmt_col_int(q, 7)) : -1;
		if (p >= 0)
			d->at[SC_RESIDENCE][p]++;
	}
	snap_byid_free(&byid);
	if (e)
		buf_addf(msg, "reading the screening cases: %s", store_errmsg(c->st));
	return e;
}

static void count_sc(const struct report_ctx *c, const struct report_indicator *ind, struct report_counter *k)
{
	report_tally_count(c, *(const enum sc_what *)ind->arg, k);
}

static const enum sc_what w[SC__MAX] = {
	SC_LISTED,
	SC_OUTCOME0 + SCREEN_PROGRESSED, SC_OUTCOME0 + SCREEN_CONTINUED, SC_OUTCOME0 + SCREEN_REMOVED,
	SC_CHANNEL0 + CHANNEL_REMOVE, SC_CHANNEL0 + CHANNEL_EXPEL, SC_CHANNEL0 + CHANNEL_LEAVE,
	SC_RESIDENCE,
};

static const struct report_indicator screening_indicators[] = {
	{.name = "listed", .label = "Đảng viên đưa vào danh sách sàng lọc", .count = count_sc, .arg = &w[SC_LISTED]},
	{.name = "progressed", .label = "Được công nhận sự tiến bộ", .base = "listed", .count = count_sc, .arg = &w[1]},
	{.name = "continued", .label = "Tiếp tục giáo dục, giúp đỡ", .base = "listed", .count = count_sc, .arg = &w[2]},
	{.name = "removed", .label = "Đưa ra khỏi Đảng", .base = "listed", .count = count_sc, .arg = &w[3]},
	{.name = "removed_remove", .label = "Đưa ra khỏi Đảng: xóa tên", .base = "removed", .count = count_sc, .arg = &w[4]},
	{.name = "removed_expel", .label = "Đưa ra khỏi Đảng: khai trừ", .base = "removed", .count = count_sc, .arg = &w[5]},
	{.name = "removed_leave", .label = "Đưa ra khỏi Đảng: cho ra khỏi Đảng", .base = "removed", .count = count_sc, .arg = &w[6]},
	{.name = "residence_commented", .label = "Đảng viên được chi ủy nơi cư trú nhận xét", .count = count_sc, .arg = &w[SC_RESIDENCE]},
	{0},
};

const struct report_def report_screening = {
	.name = "screening",
	.title = "Báo cáo kết quả rà soát, sàng lọc đảng viên (Chỉ thị 28-CT/TW)",
	.indicators = screening_indicators,
	.flags = REPORT_NEEDS_ROUND,
	.prepare = sc_prepare,
	.release = report_tally_release,
};
