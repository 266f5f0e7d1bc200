/* report_members: the "members" report (contract §3): composition of the
 * membership on the as-of day and, with a period, what happened in it.
 *
 * Composition indicators have the base "total". Period indicators count
 * events dated in the period at organizations inside the row's subtree on
 * the event's date (contract §2 "How history is read"); a move between two
 * organizations of the database counts as a transfer into the rows that
 * held the new organization but not the old one, and out of those that
 * held the old one but not the new one, as the statistical form 1-TCTW
 * counts increases and decreases (rules.md §7.2). */
#include "app/report.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

/* ---- composition on the as-of day ---- */

/* Every composition indicator but exempt is a test on one word per member,
 * computed in a single pass with all of them (report_batch_fn):
 *   bit 0      official: the first official day (official_date, or the end
 *              of probation by rule, QĐ 294-QĐ/TW §4.2.2) is on or before
 *              the as-of day; probationary otherwise
 *   bits 1-3   female, ethnic minority (not Kinh), religious
 *   bits 4-6   age band on the as-of day (date_age_years): 0 = 30 and under,
 *              1 = 31-40, ... 5 = over 70; 7 = no birth date */
enum {
	C_OFFICIAL = 1u << 0,
	C_FEMALE = 1u << 1,
	C_MINORITY = 1u << 2,
	C_RELIGIOUS = 1u << 3,
	C_BAND_SHIFT = 4,
	C_BAND = 7u << C_BAND_SHIFT,
};

struct member_test {
	unsigned mask, value; /* counted when (word & mask) == value */
};

/* The last birth date on which someone is at least k years old on day d. */
static date_t birth_cut(date_t d, int k)
{
	date_t lo = d - 400 * 366, hi = d; /* age(lo) >= k for any sane k; find the last */
	if (k <= 0)
		return d;
	while (lo < hi) {
		date_t mid = lo + (hi - lo + 1) / 2;
		if (date_age_years(mid, d) >= k)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

#define BATCH_MAX 32

static void count_composition(const struct report_ctx *c, const struct report_indicator *const *inds,
			      struct report_counter *out, size_t n)
{
	const struct snapshot *s = c->snap;
	unsigned mask[BATCH_MAX], value[BATCH_MAX];
	if (n > BATCH_MAX)
		n = BATCH_MAX; /* the table below has fewer */
	for (size_t i = 0; i < n; i++) {
		const struct member_test *t = inds[i]->arg;
		mask[i] = t->mask;
		value[i] = t->value;
	}
	/* age >= 31, 41, 51, 61, 71 <=> birth <= cut */
	date_t cut[5];
	for (int b = 0; b < 5; b++)
		cut[b] = birth_cut(c->as_of, 31 + 10 * b);
	const int32_t *mp = c->member_pos, *birth = s->birth, *of = s->official;
	const uint8_t *fl = s->flags;
	date_t d = c->as_of;
	int32_t cur = -1;
	int64_t acc[BATCH_MAX] = {0};
	/* a running count while consecutive members share a position (members
	 * are stored organization by organization), flushed when it changes */
	for (uint32_t m = 0; m < s->nmem; m++) {
		int32_t p = mp[m];
		if (p != cur) {
			if (cur >= 0)
				for (size_t i = 0; i < n; i++)
					out[i].pos[cur] += acc[i];
			memset(acc, 0, sizeof(acc));
			cur = p;
		}
		int32_t b = birth[m];
		unsigned band = (unsigned)(b <= cut[0]) + (b <= cut[1]) + (b <= cut[2]) + (b <= cut[3]) + (b <= cut[4]);
		band = b == DATE_NONE ? 7 : band;
		unsigned w = (unsigned)(of[m] <= d) | ((unsigned)(fl[m] & (SNAP_FEMALE | SNAP_MINORITY | SNAP_RELIGIOUS)) << 1) |
			     band << C_BAND_SHIFT;
		for (size_t i = 0; i < n; i++)
			acc[i] += (w & mask[i]) == value[i];
	}
	if (cur >= 0)
		for (size_t i = 0; i < n; i++)
			out[i].pos[cur] += acc[i];
}

static const struct member_test t_total = {0, 0}, t_official = {C_OFFICIAL, C_OFFICIAL},
				t_probationary = {C_OFFICIAL, 0}, t_female = {C_FEMALE, C_FEMALE},
				t_minority = {C_MINORITY, C_MINORITY}, t_religious = {C_RELIGIOUS, C_RELIGIOUS},
				t_band[6] = {{C_BAND, 0u << C_BAND_SHIFT}, {C_BAND, 1u << C_BAND_SHIFT},
					     {C_BAND, 2u << C_BAND_SHIFT}, {C_BAND, 3u << C_BAND_SHIFT},
					     {C_BAND, 4u << C_BAND_SHIFT}, {C_BAND, 5u << C_BAND_SHIFT}};

/* Exempt from party work and activity on the as-of day (QĐ 294-QĐ/TW §7). */
static void count_exempt(const struct report_ctx *c, const struct report_indicator *ind, struct report_counter *k)
{
	(void)ind;
	const struct snapshot *s = c->snap;
	for (uint32_t i = 0; i < s->nexempt; i++) {
		const struct snap_period *e = &s->exempt[i];
		date_t from = e->from == SNAP_FROM_TODAY ? c->today : e->from;
		if (e->member < s->nmem && from <= c->as_of && c->as_of < e->to && c->member_pos[e->member] >= 0)
			report_count_at(k, c->member_pos[e->member], 1);
	}
}

/* ---- events in the period ---- */

struct ev_kind {
	int type;     /* enum event_type */
	int move_dir; /* +1: moves into the row count; -1: moves out of it; 0: moves do not count */
};

static const struct ev_kind ev_transfer_in = {EV_TRANSFER_IN, +1}, ev_transfer_out = {EV_TRANSFER_OUT, -1},
			    ev_readmitted = {EV_READMIT, 0}, ev_restored = {EV_RESTORE, 0},
			    ev_removed = {EV_REMOVE, 0}, ev_expelled = {EV_EXPEL, 0}, ev_left = {EV_LEAVE, 0},
			    ev_died = {EV_DEATH, 0};

/* The first event dated on or after d. */
static uint32_t first_event(const struct snapshot *s, date_t d)
{
	uint32_t lo = 0, hi = s->nevents;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (s->events[mid].date < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void count_events(const struct report_ctx *c, const struct report_indicator *ind, struct report_counter *k)
{
	const struct ev_kind *want = ind->arg;
	const struct snapshot *s = c->snap;
	for (uint32_t i = first_event(s, c->from); i < s->nevents && s->events[i].date <= c->to; i++) {
		const struct snap_event *e = &s->events[i];
		if (e->type == want->type)
			report_count_on(k, e->org, e->date, 1);
		else if (e->type == EV_MOVE && want->move_dir > 0)
			report_count_move(k, e->org, e->org2, e->date, 1);
		else if (e->type == EV_MOVE && want->move_dir < 0)
			report_count_move(k, e->org2, e->org, e->date, 1);
	}
}

/* Admissions (decision dates in the period, where the member was admitted:
 * one whose history starts with a transfer_in was admitted elsewhere and
 * is no member here that day) and recognitions (first official days in the
 * period, QĐ 294-QĐ/TW §4.2.2): from the member columns. */
static void count_dated(const struct report_ctx *c, const struct report_indicator *ind, struct report_counter *k)
{
	const struct snapshot *s = c->snap;
	const int32_t *day = *(const bool *)ind->arg ? s->decision : s->official;
	for (uint32_t m = 0; m < s->nmem; m++) {
		date_t d = day[m];
		if (d < c->from || d > c->to)
			continue;
		int32_t org = report_member_org_at(s, m, d);
		if (org >= 0 && (uint32_t)org < s->norg)
			report_count_on(k, snap_follow(s, org, d), d, 1);
	}
}

static const bool by_decision = true, by_official = false;

/* ---- admission targets ---- */

struct targets {
	struct target_row {
		int32_t org;
		int year;
		int64_t target;
	} *v;
	size_t n;
};

static int cmp_target(const void *a, const void *b)
{
	const struct target_row *x = a, *y = b;
	if (x->org != y->org)
		return x->org < y->org ? -1 : 1;
	return (x->year > y->year) - (x->year < y->year);
}

static enum err members_prepare(struct report_ctx *c, struct buf *msg)
{
	c->priv = NULL;
	if (!c->period || !c->st)
		return ERR_OK;
	const struct snapshot *s = c->snap;
	struct snap_byid byid;
	snap_byid_build(s, &byid);
	struct targets *t = xcalloc(1, sizeof(*t));
	size_t cap = 0;
	struct store_stmt *q = store_stmt(c->st, STMT_TARGET_ALL);
	bool row;
	enum err e;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		int64_t id = stmt_col_int(q, 0);
		if (snap_byid_get(&byid, id) < 0)
			continue;
		XGROW(t->v, cap, t->n + 1);
		t->v[t->n++] = (struct target_row){snap_byid_get(&byid, id), (int)stmt_col_int(q, 1), stmt_col_int(q, 2)};
	}
	snap_byid_free(&byid);
	if (e) {
		free(t->v);
		free(t);
		buf_reset(msg);
		buf_addf(msg, "reading admission targets: %s", store_errmsg(c->st));
		return e;
	}
	if (t->n)
		qsort(t->v, t->n, sizeof(*t->v), cmp_target);
	c->priv = t;
	return ERR_OK;
}

static void members_release(struct report_ctx *c)
{
	struct targets *t = c->priv;
	if (t) {
		free(t->v);
		free(t);
	}
	c->priv = NULL;
}

static const struct target_row *own_target(const struct targets *t, int32_t org, int year)
{
	struct target_row key = {org, year, 0};
	if (!t->n)
		return NULL;
	return bsearch(&key, t->v, t->n, sizeof(*t->v), cmp_target);
}

/* An organization's target for a year: the one set for it, or else the
 * sum of those of the organizations directly under it (on the as-of day),
 * found the same way. */
static int64_t target_of(const struct report_ctx *c, const struct targets *t, int32_t p, int year)
{
	const struct target_row *own = own_target(t, c->pos_org[p], year);
	if (own)
		return own->target;
	int64_t sum = 0;
	for (int32_t q = p + 1; q < c->pos_end[p]; q = c->pos_end[q])
		sum += target_of(c, t, q, year);
	return sum;
}

static void count_target(const struct report_ctx *c, const struct report_indicator *ind, struct report_counter *k)
{
	(void)ind;
	const struct targets *t = c->priv;
	if (!t || !t->n)
		return;
	int y0, y1, m, d;
	date_to_ymd(c->from, &y0, &m, &d);
	date_to_ymd(c->to, &y1, &m, &d);
	for (size_t r = 0; r < c->nrows; r++)
		for (int y = y0; y <= y1; y++)
			report_row_add(k, r, target_of(c, t, c->row_pos[r], y));
}

static const struct report_indicator members_indicators[] = {
	{"total", "Tổng số đảng viên", NULL, NULL, &t_total, 0, count_composition},
	{"official", "Đảng viên chính thức", "total", NULL, &t_official, 0, count_composition},
	{"probationary", "Đảng viên dự bị", "total", NULL, &t_probationary, 0, count_composition},
	{"female", "Đảng viên nữ", "total", NULL, &t_female, 0, count_composition},
	{"ethnic_minority", "Dân tộc thiểu số", "total", NULL, &t_minority, 0, count_composition},
	{"religious", "Có tôn giáo", "total", NULL, &t_religious, 0, count_composition},
	{"exempt", "Miễn công tác và sinh hoạt đảng", "total", count_exempt, NULL, 0, NULL},
	{"age_30_under", "Từ 30 tuổi trở xuống", "total", NULL, &t_band[0], 0, count_composition},
	{"age_31_40", "Từ 31 đến 40 tuổi", "total", NULL, &t_band[1], 0, count_composition},
	{"age_41_50", "Từ 41 đến 50 tuổi", "total", NULL, &t_band[2], 0, count_composition},
	{"age_51_60", "Từ 51 đến 60 tuổi", "total", NULL, &t_band[3], 0, count_composition},
	{"age_61_70", "Từ 61 đến 70 tuổi", "total", NULL, &t_band[4], 0, count_composition},
	{"age_over_70", "Trên 70 tuổi", "total", NULL, &t_band[5], 0, count_composition},
	{"admitted", "Kết nạp đảng viên mới", "admission_target", count_dated, &by_decision, REPORT_IND_PERIOD, NULL},
	{"admission_target", "Chỉ tiêu kết nạp", NULL, count_target, NULL, REPORT_IND_PERIOD, NULL},
	{"recognized", "Công nhận đảng viên chính thức", NULL, count_dated, &by_official, REPORT_IND_PERIOD, NULL},
	{"transferred_in", "Chuyển sinh hoạt đến", NULL, count_events, &ev_transfer_in, REPORT_IND_PERIOD, NULL},
	{"transferred_out", "Chuyển sinh hoạt đi", NULL, count_events, &ev_transfer_out, REPORT_IND_PERIOD, NULL},
	{"readmitted", "Kết nạp lại", NULL, count_events, &ev_readmitted, REPORT_IND_PERIOD, NULL},
	{"restored", "Khôi phục đảng tịch", NULL, count_events, &ev_restored, REPORT_IND_PERIOD, NULL},
	{"removed", "Xóa tên", NULL, count_events, &ev_removed, REPORT_IND_PERIOD, NULL},
	{"expelled", "Khai trừ", NULL, count_events, &ev_expelled, REPORT_IND_PERIOD, NULL},
	{"left", "Xin ra khỏi Đảng", NULL, count_events, &ev_left, REPORT_IND_PERIOD, NULL},
	{"died", "Từ trần", NULL, count_events, &ev_died, REPORT_IND_PERIOD, NULL},
	{0},
};

const struct report_def report_members = {
	.name = "members",
	.title = "Báo cáo số lượng, cơ cấu đảng viên",
	.indicators = members_indicators,
	.flags = REPORT_USES_MEMBERS,
	.prepare = members_prepare,
	.release = members_release,
};
