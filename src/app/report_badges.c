/* report_badges: the "badges" report (contract §3): members whose party age
 * reaches 30, 40, 45, 50, ... 90 years (the milestones of the Party badge,
 * QĐ 294-QĐ/TW §28; rules.md §4.11) on a day of the period while they are
 * members, counted at the organization they are in that day.
 *
 * Party age runs from the admission decision date, minus the days between
 * an exit and a re-admission (QĐ 294-QĐ/TW §4.4), exactly as
 * member_party_age_years counts it: on day d it is the whole years from
 * decision + gap days before d to d. The day it reaches N years is the
 * least d with add_months(decision + gaps_before(d), 12 N) <= d. */
#include "app/report.h"

#include <string.h>

/* Gap days before day d of the member's gaps g[0..n). */
static int64_t gap_days(const struct snap_period *g, uint32_t n, date_t d)
{
	int64_t sum = 0;
	for (uint32_t i = 0; i < n; i++) {
		date_t a = g[i].from, b = g[i].to < d ? g[i].to : d;
		if (b > a)
			sum += b - a;
	}
	return sum;
}

/* The day party age reaches years, for a member with gaps g[0..n). The
 * iteration climbs to the least fixed point from below (the function is
 * non-decreasing in d), so it ends at the first day. */
date_t report_badge_day(date_t decision, const struct snap_period *g, uint32_t n, int years)
{
	date_t d = date_add_months(decision, 12 * years);
	for (int guard = 0; guard < 1000; guard++) {
		date_t next = date_add_months(decision + (date_t)gap_days(g, n, d), 12 * years);
		if (next <= d)
			return d;
		d = next;
	}
	return d;
}

/* The least x in [lo, hi] with date_add_months(x, months) >= d (hi + 1 if none). */
static date_t least_reaching(date_t lo, date_t hi, int months, date_t d)
{
	hi++;
	while (lo < hi) {
		date_t mid = lo + (hi - lo) / 2;
		if (date_add_months(mid, months) >= d)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static void credit(const struct report_ctx *c, struct report_counter *k, uint32_t m, date_t day)
{
	if (day < c->from || day > c->to)
		return;
	int32_t org = report_member_org_at(c->snap, m, day);
	if (org >= 0 && (uint32_t)org < c->snap->norg)
		report_count_on(k, snap_follow(c->snap, org, day), day, 1);
}

static void count_badge(const struct report_ctx *c, const struct report_indicator *ind, struct report_counter *k)
{
	int years = *(const int *)ind->arg;
	const struct snapshot *s = c->snap;
	int months = 12 * years;
	/* Without gaps the day is add_months(decision, months), non-decreasing
	 * in the decision date: the members in the window are those whose
	 * decision date is in [first, last]. */
	date_t span = (date_t)(years + 2) * 366;
	date_t first = least_reaching(c->from - span, c->from, months, c->from);
	date_t last = least_reaching(c->to - span, c->to + 1, months, c->to + 1) - 1;
	uint32_t g = 0; /* cursor in gaps[] (member order) */
	for (uint32_t m = 0; m < s->nmem; m++) {
		date_t dec = s->decision[m];
		while (g < s->ngaps && s->gaps[g].member < m)
			g++;
		if (g < s->ngaps && s->gaps[g].member == m) {
			uint32_t n = 0;
			while (g + n < s->ngaps && s->gaps[g + n].member == m)
				n++;
			if (dec != DATE_NONE)
				credit(c, k, m, report_badge_day(dec, &s->gaps[g], n, years));
			continue;
		}
		if (dec != DATE_NONE && dec >= first && dec <= last)
			credit(c, k, m, date_add_months(dec, months));
	}
}

static const int badge_years[] = {30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90};

static const struct report_indicator badge_indicators[] = {
	{"badge_30", "Huy hiệu 30 năm tuổi Đảng", NULL, count_badge, &badge_years[0], 0, NULL},
	{"badge_40", "Huy hiệu 40 năm tuổi Đảng", NULL, count_badge, &badge_years[1], 0, NULL},
	{"badge_45", "Huy hiệu 45 năm tuổi Đảng", NULL, count_badge, &badge_years[2], 0, NULL},
	{"badge_50", "Huy hiệu 50 năm tuổi Đảng", NULL, count_badge, &badge_years[3], 0, NULL},
	{"badge_55", "Huy hiệu 55 năm tuổi Đảng", NULL, count_badge, &badge_years[4], 0, NULL},
	{"badge_60", "Huy hiệu 60 năm tuổi Đảng", NULL, count_badge, &badge_years[5], 0, NULL},
	{"badge_65", "Huy hiệu 65 năm tuổi Đảng", NULL, count_badge, &badge_years[6], 0, NULL},
	{"badge_70", "Huy hiệu 70 năm tuổi Đảng", NULL, count_badge, &badge_years[7], 0, NULL},
	{"badge_75", "Huy hiệu 75 năm tuổi Đảng", NULL, count_badge, &badge_years[8], 0, NULL},
	{"badge_80", "Huy hiệu 80 năm tuổi Đảng", NULL, count_badge, &badge_years[9], 0, NULL},
	{"badge_85", "Huy hiệu 85 năm tuổi Đảng", NULL, count_badge, &badge_years[10], 0, NULL},
	{"badge_90", "Huy hiệu 90 năm tuổi Đảng", NULL, count_badge, &badge_years[11], 0, NULL},
	{0},
};

const struct report_def report_badges = {
	.name = "badges",
	.title = "Báo cáo đảng viên đủ tuổi Đảng xét tặng Huy hiệu Đảng",
	.indicators = badge_indicators,
	.flags = REPORT_NEEDS_PERIOD,
};
