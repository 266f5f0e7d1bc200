/* demo_member: synthetic members of one organization and their events.
 *
 * Each organization draws from its own random stream. A member's story is
 * drawn first (birth, admission, entry, moves, exits), then written as a
 * members.csv row and events.csv rows in date order, so that replaying the
 * events (contract §2 "How history is read") ends in the row's organization
 * and status:
 *   - admitted between 18 and 60 (QĐ 294-QĐ/TW §1.1, counted in months),
 *     ceremony days to weeks after the decision (§4.3.1: within 30 working
 *     days), official 12 months after the ceremony (§4.2.2);
 *   - no event before a transfer_in (the member is counted from it), every
 *     event names the organization the member is in on its day;
 *   - members of a commune agency founded on 2025-07-01 move there on that
 *     day from the former district's office;
 *   - badges at 30, 40, 45, 50 … 90 years of party age, awarded on the next
 *     of 3/2, 19/5, 2/9, 7/11 (QĐ 294-QĐ/TW §28; HD 38 §III.1);
 *   - exempt (old age, §7), temporary transfers (§6.3.2), discipline
 *     (khiển trách, cảnh cáo: QĐ 296 Art. 9), and exits kept for history:
 *     death, transfer out, removal (§8), expulsion, leaving. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/demo_int.h"

#define YEAR 365.2425

static const struct {
	double female;   /* share of women */
	double prob;     /* probationary now */
	double transfer; /* entered by transfer */
	double hist;     /* extra rows kept for history, per current member */
	int age_lo, age_mode, age_hi;
	double adm_mean; /* years above 18 at admission (exponential mean) */
} cats[MC__MAX] = {
	[MC_RES] = {0.34, 0.035, 0.22, 0.09, 20, 42, 60, 8},
	[MC_AGENCY] = {0.43, 0.05, 0.16, 0.04, 24, 40, 60, 8},
	[MC_NEWAGENCY] = {0.42, 0.05, 0.10, 0, 24, 40, 60, 8},
	[MC_SCHOOL] = {0.70, 0.08, 0.14, 0.04, 23, 38, 60, 9},
	[MC_HEALTH] = {0.60, 0.08, 0.14, 0.04, 24, 38, 60, 9},
	[MC_STATE] = {0.33, 0.07, 0.15, 0.05, 23, 40, 60, 8},
	[MC_PRIVATE] = {0.36, 0.10, 0.16, 0.05, 22, 35, 58, 7},
	[MC_FDI] = {0.55, 0.12, 0.14, 0.05, 21, 30, 55, 6},
	[MC_ARMY] = {0.06, 0.13, 0.25, 0.05, 20, 27, 50, 3},
	[MC_POLICE] = {0.14, 0.09, 0.22, 0.04, 21, 32, 55, 4},
	[MC_COOP] = {0.30, 0.05, 0.08, 0.06, 30, 48, 65, 10},
};

/* Picks an index from integer weights. */
static int pickw(struct demo_rng *r, const int *w, int n)
{
	int sum = 0;
	for (int i = 0; i < n; i++)
		sum += w[i];
	int x = demo_range(r, 0, sum - 1);
	for (int i = 0; i < n; i++)
		if ((x -= w[i]) < 0)
			return i;
	return n - 1;
}

static const char *const prof_levels[] = {"", "Sơ cấp", "Trung cấp", "Cao đẳng", "Đại học", "Thạc sĩ", "Tiến sĩ"};
static const int prof_w[MC__MAX][7] = {
	[MC_RES] = {40, 5, 20, 8, 24, 3, 0},     [MC_AGENCY] = {0, 0, 5, 5, 65, 23, 2},
	[MC_NEWAGENCY] = {0, 0, 5, 5, 70, 19, 1}, [MC_SCHOOL] = {0, 0, 5, 10, 70, 14, 1},
	[MC_HEALTH] = {0, 0, 20, 15, 50, 13, 2},  [MC_STATE] = {20, 5, 15, 15, 40, 5, 0},
	[MC_PRIVATE] = {25, 5, 15, 15, 35, 5, 0}, [MC_FDI] = {25, 5, 15, 15, 35, 5, 0},
	[MC_ARMY] = {0, 10, 30, 10, 45, 5, 0},    [MC_POLICE] = {0, 0, 30, 10, 50, 10, 0},
	[MC_COOP] = {50, 10, 25, 5, 10, 0, 0},
};
static const char *const theory_levels[] = {"Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân"};

static const char *occupation(struct demo_rng *r, enum demo_mcat cat, int age, bool urban)
{
	static const char *const res_old[] = {"Nghỉ hưu", "Nghỉ hưu", "Nghỉ hưu", "Nông dân", "Kinh doanh"};
	static const char *const res_rural[] = {"Nông dân", "Nông dân", "Nông dân", "Nông dân", "Kinh doanh", "Kinh doanh",
						"Lao động tự do", "Lao động tự do", "Công nhân", "Công nhân", "Ngư dân"};
	static const char *const res_urban[] = {"Kinh doanh", "Lao động tự do", "Nhân viên", "Công nhân", "Luật sư"};
	static const char *const ent[] = {"Công nhân", "Công nhân", "Nhân viên", "Nhân viên", "Kỹ sư", "Quản lý"};
	static const char *const health[] = {"Bác sĩ", "Bác sĩ", "Điều dưỡng", "Điều dưỡng", "Dược sĩ", "Viên chức"};
#define ONE(a) a[demo_range(r, 0, (int)(sizeof(a) / sizeof(a[0])) - 1)]
	switch (cat) {
	case MC_RES:
		return age >= 60 ? ONE(res_old) : urban ? ONE(res_urban) : ONE(res_rural);
	case MC_AGENCY:
	case MC_NEWAGENCY:
		return demo_chance(r, 0.85) ? "Công chức" : "Viên chức";
	case MC_SCHOOL:
		return demo_chance(r, 0.85) ? "Giáo viên" : "Viên chức";
	case MC_HEALTH:
		return ONE(health);
	case MC_ARMY:
		return "Quân nhân";
	case MC_POLICE:
		return "Công an";
	case MC_COOP:
		return demo_chance(r, 0.5) ? "Nông dân" : "Xã viên hợp tác xã";
	default:
		return ONE(ent);
	}
#undef ONE
}

struct ev {
	date_t d;
	int pri;
	const char *type;
	const char *org, *to;
	char detail[72];
};

struct story {
	struct ev ev[40];
	int n;
	date_t mv;         /* move between cells, DATE_NONE if none */
	const char *from;  /* cell before that move */
};

static const char *org_at(const struct demo_ctx *c, const struct demo_slot *s, const struct story *st, date_t d)
{
	if (st->mv != DATE_NONE && d < st->mv)
		return st->from;
	if (s->old_code && d < c->reorg)
		return s->old_code;
	return s->code;
}

static struct ev *add(const struct demo_ctx *c, const struct demo_slot *s, struct story *st, date_t d,
		      int pri, const char *type)
{
	/* at most 1 entry + 2 moves + admit + recognize + exempt + 2 temp
	 * + discipline + 12 badges + exit: room enough */
	struct ev *e = &st->ev[st->n++];
	*e = (struct ev){.d = d, .pri = pri, .type = type, .org = org_at(c, s, st, d)};
	return e;
}

static int cmp_ev(const void *a, const void *b)
{
	const struct ev *x = a, *y = b;
	if (x->d != y->d)
		return x->d < y->d ? -1 : 1;
	return x->pri - y->pri;
}

static date_t between(struct demo_rng *r, date_t lo, date_t hi)
{
	return hi <= lo ? lo : lo + (date_t)(demo_unit(r) * (hi - lo));
}

/* The next badge ceremony (3/2, 19/5, 2/9, 7/11) on or after d. */
static date_t badge_day(date_t d)
{
	static const int md[4][2] = {{2, 3}, {5, 19}, {9, 2}, {11, 7}};
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	for (;; y++)
		for (int i = 0; i < 4; i++) {
			date_t t = date_from_ymd(y, md[i][0], md[i][1]);
			if (t >= d)
				return t;
		}
}

static const char *ethnic_of(const struct demo_ctx *c, const struct demo_slot *s, struct demo_rng *r)
{
	const struct demo_pinfo *pi = c->ref->op[s->oldprov].info;
	double p = pi->minority_pm / 1000.0;
	if (s->urban)
		p *= 0.5;
	else if (s->cat == MC_RES)
		p *= 1.1;
	if (s->cat == MC_ARMY || s->cat == MC_POLICE || s->cat == MC_AGENCY)
		p *= 0.8;
	if (!demo_chance(r, p > 0.97 ? 0.97 : p))
		return "Kinh";
	int w[5] = {0};
	for (int i = 0; i < 5 && pi->eth[i].name; i++)
		w[i] = pi->eth[i].w;
	return pi->eth[pickw(r, w, 5)].name;
}

static const char *religion_of(const struct demo_ctx *c, const struct demo_slot *s, const char *eth,
			       struct demo_rng *r)
{
	const struct demo_pinfo *pi = c->ref->op[s->oldprov].info;
	if (!strcmp(eth, "Khơ-me"))
		return demo_chance(r, 0.3) ? "Phật giáo" : NULL;
	if (!strcmp(eth, "Hoa"))
		return demo_chance(r, 0.08) ? "Phật giáo" : NULL;
	if (!strcmp(eth, "Chăm"))
		return !demo_chance(r, 0.25) ? NULL : pi->region == RG_SCENTRAL ? "Bà-la-môn giáo" : "Hồi giáo";
	const struct demo_relw *rw = &demo_relprof[pi->rel];
	if (!demo_chance(r, rw->p))
		return NULL;
	int w[5] = {0};
	for (int i = 0; i < 5 && rw->w[i].name; i++)
		w[i] = rw->w[i].w;
	return rw->w[pickw(r, w, 5)].name;
}

static void full_name(const struct demo_ctx *c, const struct demo_slot *s, const char *eth, int g,
		      struct demo_rng *r, char *out, size_t n)
{
	const struct demo_ref *ref = c->ref;
	size_t nf;
	const char *const *fam = demo_ethnic_family(eth, &nf);
	const char *family;
	if (fam && demo_chance(r, 0.9))
		family = fam[demo_range(r, 0, (int)nf - 1)];
	else {
		enum demo_region rg = ref->op[s->oldprov].info->region;
		const struct demo_wt *t = rg <= RG_NCENTRAL ? &ref->family_north : &ref->family_south;
		family = t->name[demo_wt_pick(t, r)];
	}
	const char *given = ref->given[g].name[demo_wt_pick(&ref->given[g], r)];
	bool highland = !strcmp(eth, "Gia-rai") || !strcmp(eth, "Ê-đê") || !strcmp(eth, "Ba-na") ||
			!strcmp(eth, "Xơ-đăng");
	if (demo_chance(r, highland ? 0.5 : 0.015))
		snprintf(out, n, "%s %s", family, given);
	else
		snprintf(out, n, "%s %s %s", family, ref->middle[g].name[demo_wt_pick(&ref->middle[g], r)], given);
}

/* 12-digit personal id: 0 + province of birth (2 digits), gender and
 * century (0/1 male/female born 1900-1999, 2/3 from 2000), year of birth
 * (2 digits), 6 serial digits. Serials count per (province, gender-century,
 * year) in a range of the province of residence, scrambled by a bijection,
 * so they never repeat. */
static void card_number(struct demo_ctx *c, int bp, date_t birth, bool female, int newp, char *out)
{
	int y, m, d;
	date_to_ymd(birth, &y, &m, &d);
	int gc = (y >= 2000 ? 2 : 0) + female, yy = y % 100;
	size_t base = (((size_t)bp * 4 + (size_t)gc) * 100 + (size_t)yy) * DEMO_CARD_SLOTS;
	int slot = newp % DEMO_CARD_SLOTS;
	for (int i = 0; i < DEMO_CARD_SLOTS && c->card[base + (size_t)slot] >= DEMO_CARD_SLOT_SIZE; i++)
		slot = (slot + 1) % DEMO_CARD_SLOTS;
	if (c->card[base + (size_t)slot] >= DEMO_CARD_SLOT_SIZE) {
		out[0] = 0;
		return;
	}
	uint64_t serial = (uint64_t)slot * DEMO_CARD_SLOT_SIZE + c->card[base + (size_t)slot]++;
	/* shifted per bucket so that the first ids of two buckets differ */
	serial = (serial + base * 7919) % 1000000;
	uint64_t six = (serial * c->card_mul + c->card_add) % 1000000;
	snprintf(out, 13, "0%s%d%02d%06u", c->ref->op[bp].info->gso, gc, yy, (unsigned)six);
}

static const char *const exits[] = {"death", "transfer_out", "remove", "expel", "leave"};
static const char *const exit_status[] = {"dead", "transferred_out", "removed", "expelled", "left"};
static const int exit_w[] = {45, 35, 11, 5, 4};

static void member(struct demo_ctx *c, const struct demo_slot *s, struct demo_rng *r, bool hist)
{
	const struct demo_ref *ref = c->ref;
	date_t T = c->today;
	struct story st = {.mv = DATE_NONE};
	bool female = demo_chance(r, cats[s->cat].female);
	double adm_mean = cats[s->cat].adm_mean;
	date_t birth, dec, exit = DATE_NONE;
	int xt = -1;
	bool prob = false, prob_exit = false;
	if (hist) {
		xt = pickw(r, exit_w, 5);
		exit = T - demo_range(r, 1, 3650);
		double age = xt == 0 ? (demo_chance(r, 0.85) ? 60 + demo_exp(r, 12) : demo_range(r, 35, 60))
				    : demo_tri(r, 24, 40, 62);
		if (age > 100)
			age = 100;
		birth = exit - (date_t)(age * YEAR);
		double adm = 18 + demo_exp(r, adm_mean);
		if (adm > age - 2)
			adm = age - 2;
		dec = birth + (date_t)(adm * YEAR);
		/* some removals end a probation that did not succeed */
		if (xt == 2 && demo_chance(r, 0.2)) {
			prob_exit = true;
			dec = exit - demo_range(r, 120, 350);
		}
	} else {
		prob = demo_chance(r, cats[s->cat].prob);
		if (prob) {
			dec = T - demo_range(r, 25, 330);
			double adm = 18 + demo_exp(r, s->cat == MC_RES ? 12 : adm_mean * 0.7);
			birth = dec - (date_t)((adm > 59 ? 59 : adm) * YEAR) - demo_range(r, 0, 200);
		} else {
			double age;
			if (s->cat == MC_RES && demo_chance(r, 0.55))
				age = 56 + demo_exp(r, 11);
			else
				age = demo_tri(r, cats[s->cat].age_lo, cats[s->cat].age_mode, cats[s->cat].age_hi);
			if (age > 99)
				age = 70 + 25 * demo_unit(r);
			if (age < 20)
				age = 20;
			birth = T - (date_t)(age * YEAR) - demo_range(r, 0, 364);
			double adm = 18 + demo_exp(r, age > 60 ? 6 : adm_mean);
			if (adm > age - 1.3)
				adm = age - 1.3;
			dec = birth + (date_t)(adm * YEAR);
		}
	}
	/* admitted from 18 to 60 years of age, counted in months (QĐ 294 §1.1) */
	if (dec < date_add_months(birth, 216))
		dec = date_add_months(birth, 216) + demo_range(r, 0, 60);
	if (dec > date_add_months(birth, 720))
		dec = date_add_months(birth, 720) - demo_range(r, 0, 60);
	date_t founding = date_from_ymd(1930, 2, 3);
	if (dec < founding)
		dec = founding + demo_range(r, 0, 3000);
	date_t end = hist ? exit : T + 1; /* events on days < end */
	if (hist && dec >= exit - 60)
		dec = exit - 100;
	date_t cer = dec + demo_tri(r, 3, 12, 42);
	if (cer >= end)
		cer = end - 1;
	date_t official = date_add_months(cer, 12);
	if (official >= end)
		official = DATE_NONE;
	prob_exit = official == DATE_NONE;
	if (prob && official != DATE_NONE)
		prob = false; /* moved back by the age rule: past probation */

	/* entry: admitted here, or transferred in later */
	date_t start = dec;
	if (demo_chance(r, prob ? 0.02 : cats[s->cat].transfer)) {
		date_t lo = (official != DATE_NONE ? official : cer) + 30, hi = end - 30;
		if (lo < hi) {
			start = between(r, lo, hi);
			add(c, s, &st, start, 0, "transfer_in");
		}
	}
	/* a move between cells of the same base organization; across former
	 * communes only once they share one (from 2025-07-01) */
	if (s->nsib >= 2 && demo_chance(r, 0.07)) {
		size_t j = (size_t)demo_range(r, 0, (int)s->nsib - 1);
		if (strcmp(s->sib[j], s->code)) {
			date_t lo = start + 30, hi = end - 1;
			if (s->sib_origin[j] != s->origin && lo < c->reorg)
				lo = c->reorg;
			if (lo < hi) {
				date_t mv = between(r, lo, hi);
				st.from = s->sib[j];
				/* the events so far happened in the first cell */
				for (int i = 0; i < st.n; i++)
					st.ev[i].org = st.from;
				st.mv = mv;
				struct ev *e = add(c, s, &st, mv, 1, "move");
				e->org = st.from;
				e->to = s->code;
			}
		}
	}
	if (s->old_code && start < c->reorg) {
		struct ev *e = add(c, s, &st, c->reorg, 1, "move");
		e->org = s->old_code;
		e->to = s->code;
	}
	bool p_rec = demo_chance(r, dec >= date_from_ymd(2010, 1, 1) ? 0.85 : 0.15);
	if (start == dec && p_rec) {
		struct ev *e = add(c, s, &st, dec, 2, "admit");
		snprintf(e->detail, sizeof(e->detail), "Quyết định số %d-QĐ/%s", demo_range(r, 1, 999),
			 dec < c->reorg ? "HU" : "ĐU");
	}
	if (official != DATE_NONE && official >= start && p_rec)
		add(c, s, &st, official, 3, "recognize");

	/* the status now, and what leads to it */
	const char *status = hist ? exit_status[xt] : prob ? "probationary" : "official";
	int age_now = date_age_years(birth, hist ? exit : T);
	date_t lim = end; /* past temporary transfers end before this */
	if (!hist && !prob && s->cat == MC_RES && age_now >= 70 &&
	    demo_chance(r, age_now >= 80 ? 0.55 : 0.28)) {
		date_t ex = date_add_months(birth, 840) + demo_range(r, 0, 1500);
		if (ex <= start + 30)
			ex = start + 31;
		if (ex < T) {
			add(c, s, &st, ex, 7, "exempt_start");
			status = "exempt";
			lim = ex;
		}
	} else if (!hist && !prob && age_now < 60 && demo_chance(r, 0.012)) {
		date_t to = T - demo_range(r, 7, 300);
		if (to > start + 30) {
			struct ev *e = add(c, s, &st, to, 8, "temp_out");
			snprintf(e->detail, sizeof(e->detail), "%s",
				 demo_chance(r, 0.6) ? "đi học tập trung" : "công tác tạm thời nơi khác");
			status = "temp_out";
			lim = to;
		}
	} else if (hist && xt == 0 && age_now >= 75 && demo_chance(r, 0.3)) {
		date_t ex = exit - demo_range(r, 180, 2000);
		if (ex > start + 30) {
			add(c, s, &st, ex, 7, "exempt_start");
			lim = ex;
		}
	}
	if (!prob && demo_chance(r, 0.03)) {
		date_t a = between(r, start + 60, lim - 400);
		date_t b = a + demo_range(r, 90, 330);
		if (a > start + 30 && b < lim) {
			struct ev *e = add(c, s, &st, a, 8, "temp_out");
			snprintf(e->detail, sizeof(e->detail), "%s", "đi học tập trung");
			add(c, s, &st, b, 4, "temp_back");
		}
	}
	if (demo_chance(r, hist && xt >= 2 ? 0.3 : 0.012)) {
		date_t d = between(r, start + 60, end - 1);
		if (d > start && d < end) {
			struct ev *e = add(c, s, &st, d, 6, "discipline");
			snprintf(e->detail, sizeof(e->detail), "%s", demo_chance(r, 0.7) ? "khiển trách" : "cảnh cáo");
		}
	}
	static const int badges[] = {30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90};
	for (size_t i = 0; i < sizeof(badges) / sizeof(badges[0]); i++) {
		date_t d = badge_day(date_add_months(dec, 12 * badges[i]));
		if (d >= end)
			break;
		if (d >= start && demo_chance(r, 0.95)) {
			struct ev *e = add(c, s, &st, d, 5, "badge");
			snprintf(e->detail, sizeof(e->detail), "%d", badges[i]);
		}
	}
	if (hist) {
		struct ev *e = add(c, s, &st, exit, 9, exits[xt]);
		if (xt == 1) {
			const struct demo_newprov *np = &ref->np[demo_range(r, 0, (int)ref->nnp - 1)];
			snprintf(e->detail, sizeof(e->detail), "đến Đảng bộ %s %s", np->city ? "thành phố" : "tỉnh",
				 np->shortname);
		} else if (xt == 2) {
			static const char *const why[] = {"tự ý bỏ sinh hoạt đảng", "không đóng đảng phí 3 tháng trong năm",
							  "không tiến bộ sau 12 tháng giáo dục"};
			snprintf(e->detail, sizeof(e->detail), "%s",
				 prob_exit ? "không đủ tư cách đảng viên chính thức" : why[demo_range(r, 0, 2)]);
		} else if (xt == 4) {
			snprintf(e->detail, sizeof(e->detail), "%s", "xin ra khỏi Đảng");
		}
	}
	qsort(st.ev, (size_t)st.n, sizeof(st.ev[0]), cmp_ev);

	/* who the member is */
	int g = female ? 1 : 0;
	const char *eth = ethnic_of(c, s, r);
	const char *rel = religion_of(c, s, eth, r);
	char name[160], idbuf[24], card[16] = "";
	full_name(c, s, eth, g, r, name, sizeof(name));
	int bp = demo_chance(r, 0.8) ? s->oldprov : (int)demo_wt_pick(&ref->hometown_prov, r);
	const struct demo_oldprov *bprov = &ref->op[bp];
	const char *home = ref->oc[bprov->c0 + demo_range(r, 0, bprov->nc - 1)].address;
	if (!hist || exit >= date_from_ymd(2016, 1, 1))
		card_number(c, bp, birth, female, s->newprov, card);
	int cvp = start != dec ? (demo_chance(r, 0.8) ? s->oldprov : (int)demo_wt_pick(&ref->hometown_prov, r))
		  : dec < c->reorg ? s->oldprov : ref->np[s->newprov].namesake;
	snprintf(idbuf, sizeof(idbuf), "%06u%s", (unsigned)++c->cv[cvp], ref->op[cvp].info->letters);
	int by, bm, bd;
	date_to_ymd(birth, &by, &bm, &bd);
	const char *edu = by < 1965 ? (bprov->info->region <= RG_NCENTRAL
				       ? (demo_chance(r, 0.7) ? "10/10" : "7/10")
				       : (demo_chance(r, 0.7) ? "12/12" : "9/12"))
			  : demo_chance(r, s->cat == MC_RES && !s->urban ? 0.85 : 0.96) ? "12/12" : "9/12";
	const char *prof = prof_levels[pickw(r, prof_w[s->cat], 7)];
	static const int th_agency[] = {30, 45, 23, 2}, th_other[] = {75, 20, 5, 0};
	const char *theory = prob && demo_chance(r, 0.4) ? ""
			     : theory_levels[pickw(r, s->cat == MC_AGENCY || s->cat == MC_NEWAGENCY ? th_agency : th_other, 4)];
	const char *occ = occupation(r, s->cat, age_now, s->urban);

	char bd_s[11], dec_s[11], cer_s[11], off_s[11];
	date_format(birth, bd_s);
	date_format(dec, dec_s);
	date_format(cer, cer_s);
	date_format(official, off_s);
	const char *org = hist ? org_at(c, s, &st, exit) : s->code;
	const char *row[] = {idbuf, name, female ? "nữ" : "nam", bd_s, eth, rel, card, org, dec_s, cer_s, off_s,
			     status, edu, prof, theory, occ, home};
	demo_row(c, DF_MEMBERS, row, 17);
	c->n.members++;
	if (!hist)
		c->n.members_current++;
	for (int i = 0; i < st.n; i++) {
		char d[11];
		date_format(st.ev[i].d, d);
		const char *er[] = {idbuf, d, st.ev[i].type, st.ev[i].org, st.ev[i].to, st.ev[i].detail};
		demo_row(c, DF_EVENTS, er, 6);
	}
	c->n.events += (uint64_t)st.n;
}

void demo_members(struct demo_ctx *c, const struct demo_slot *s)
{
	struct demo_rng r;
	char key[64];
	snprintf(key, sizeof(key), "m:%s", s->code);
	demo_rng_seed(&r, c->seed, key);
	int nh = 0;
	for (int i = 0; i < s->size; i++) {
		member(c, s, &r, false);
		nh += demo_chance(&r, cats[s->cat].hist);
	}
	for (int i = 0; i < nh; i++)
		member(c, s, &r, true);
}
