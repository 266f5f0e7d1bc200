/* badge: milestones, award dates, reach days, eligibility and numbers. */
#include "domain/badge.h"

#include <stdio.h>
#include <string.h>

const int badge_milestones[BADGE_MILESTONES] = {30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90};

/* The number pattern of each milestone (HD 38-HD/BTCTW §III.1). */
static const struct {
	int digits;
	char letter; /* 0: none */
} patterns[BADGE_MILESTONES] = {
	{8, 0}, {7, 0}, {7, 'E'}, {6, 0}, {6, 'D'}, {5, 0}, {5, 'C'}, {4, 0}, {4, 'B'}, {3, 0}, {3, 'A'}, {2, 0},
};

int badge_milestone_index(int years)
{
	for (int i = 0; i < BADGE_MILESTONES; i++)
		if (badge_milestones[i] == years)
			return i;
	return -1;
}

/* The award days of a year (QĐ 294-QĐ/TW §28): month, day. */
static const int award_md[4][2] = {{2, 3}, {5, 19}, {9, 2}, {11, 7}};

bool badge_is_award_date(date_t d)
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	for (int i = 0; i < 4; i++)
		if (award_md[i][0] == m && award_md[i][1] == dd)
			return true;
	return false;
}

date_t badge_next_award_date(date_t d)
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	for (int yy = y; yy <= y + 1; yy++)
		for (int i = 0; i < 4; i++) {
			date_t a = date_from_ymd(yy, award_md[i][0], award_md[i][1]);
			if (a >= d)
				return a;
		}
	return DATE_NONE; /* not reached */
}

date_t badge_prev_award_date(date_t d)
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	for (int yy = y; yy >= y - 1; yy--)
		for (int i = 3; i >= 0; i--) {
			date_t a = date_from_ymd(yy, award_md[i][0], award_md[i][1]);
			if (a < d)
				return a;
		}
	return DATE_NONE; /* not reached */
}

date_t badge_batch_date(const struct rule_settings *rs, date_t reach)
{
	if (rule_value(rs, RULE_BADGE_BATCHING, reach) != 1)
		return badge_next_award_date(reach);
	/* Hà Nội (HD 21-HD/BTCTU): each batch takes the milestones of a window
	 * that ends after its award date. */
	int y, m, d;
	date_to_ymd(reach, &y, &m, &d);
	if (m == 12)
		return date_from_ymd(y + 1, 2, 3);
	if (m <= 2)
		return date_from_ymd(y, 2, 3);
	if (m <= 5)
		return date_from_ymd(y, 5, 19);
	if (m <= 9)
		return date_from_ymd(y, 9, 2);
	return date_from_ymd(y, 11, 7);
}

static int64_t gap_days_before(const struct span *g, size_t n, date_t d)
{
	int64_t sum = 0;
	for (size_t i = 0; i < n; i++) {
		date_t a = g[i].from, b = g[i].to < d ? g[i].to : d;
		if (b > a)
			sum += b - a;
	}
	return sum;
}

date_t badge_reach_day(date_t decision, const struct span *gaps, size_t ngaps, int64_t prior, int years)
{
	/* The day is a fixed point of a non-decreasing function: climb to it
	 * from below (QĐ 294-QĐ/TW §4.4: the gaps do not count). */
	date_t d = date_add_months(decision + (date_t)prior, 12 * years);
	for (int guard = 0; guard < 1000; guard++) {
		date_t next = date_add_months(decision + (date_t)(prior + gap_days_before(gaps, ngaps, d)), 12 * years);
		if (next <= d)
			return d;
		d = next;
	}
	return d;
}

int badge_early_months(const struct rule_settings *rs, int years, date_t d)
{
	return rule_value(rs, years >= 70 ? RULE_BADGE_EARLY_70_MONTHS : RULE_BADGE_EARLY_MONTHS, d);
}

date_t badge_wait_end(const struct rule_settings *rs, enum discipline_form f, date_t d)
{
	switch (f) {
	case DF_REPRIMAND:
		return date_add_months(d, rule_value(rs, RULE_BADGE_WAIT_REPRIMAND, d));
	case DF_WARNING:
		return date_add_months(d, rule_value(rs, RULE_BADGE_WAIT_WARNING, d));
	case DF_DISMISSAL:
		return date_add_months(d, rule_value(rs, RULE_BADGE_WAIT_DISMISSAL, d));
	default:
		return d;
	}
}

static const char *const hows[BH__MAX] = {"normal", "early", "posthumous"};

const char *badge_how_name(enum badge_how h)
{
	return (unsigned)h < BH__MAX ? hows[h] : "";
}

bool badge_how_parse(const char *s, enum badge_how *out)
{
	for (int i = 0; i < BH__MAX; i++)
		if (strcmp(s, hows[i]) == 0) {
			*out = (enum badge_how)i;
			return true;
		}
	return false;
}

bool badge_check_award(const struct rule_settings *rs, int years, date_t award, enum badge_how how,
		       const struct badge_member *m, struct diag_list *dl)
{
	char a[11], b[11];
	date_format_vn(award, a);
	date_format_vn(m->reach, b);
	if (badge_milestone_index(years) < 0)
		return rule_refuse(dl, "years", RULE_BADGE_MILESTONES, award,
				   "%d years is not a milestone (30, 40, 45, 50 ... 90)", years);
	if (!badge_is_award_date(award))
		return rule_refuse(dl, "date", RULE_BADGE_DATES, award,
				   "%s is not an award date (03/02, 19/5, 02/9, 07/11)", a);
	if (m->awarded)
		return rule_refuse(dl, "years", RULE_BADGE_MILESTONES, award, "the member has the %d-year badge already",
				   years);
	bool ok = true;
	switch (how) {
	case BH_NORMAL:
		if (!m->member_on)
			ok = rule_refuse(dl, "member", RULE_BADGE_MILESTONES, award, "not a member on %s%s", a,
					 m->death != DATE_NONE ? " (a posthumous award: --how posthumous)" : "");
		else if (badge_batch_date(rs, m->reach) > award) {
			char c[11];
			date_format_vn(badge_batch_date(rs, m->reach), c);
			ok = rule_refuse(dl, "date", RULE_BADGE_DATES, award,
					 "the member reaches %d years of party age on %s: the badge is given on %s "
					 "(--how early for serious illness)",
					 years, b, c);
		}
		break;
	case BH_EARLY: {
		int months = badge_early_months(rs, years, award);
		enum rule_id r = years >= 70 ? RULE_BADGE_EARLY_70_MONTHS : RULE_BADGE_EARLY_MONTHS;
		if (!m->member_on)
			ok = rule_refuse(dl, "member", r, award, "not a member on %s", a);
		else if (award < date_add_months(m->reach, -months))
			ok = rule_refuse(dl, "date", r, award,
					 "the member reaches %d years of party age on %s: more than %d months after %s",
					 years, b, months, a);
		break;
	}
	case BH_POSTHUMOUS: {
		int months = rule_value(rs, RULE_BADGE_POSTHUMOUS_MONTHS, award);
		if (m->death == DATE_NONE || m->death > award)
			ok = rule_refuse(dl, "how", RULE_BADGE_POSTHUMOUS_MONTHS, award,
					 "a posthumous award is for a member who has died");
		else if (m->death < date_add_months(m->reach, -months)) {
			char c[11];
			date_format_vn(m->death, c);
			ok = rule_refuse(dl, "how", RULE_BADGE_POSTHUMOUS_MONTHS, award,
					 "the member died on %s, more than %d months before reaching %d years (%s)", c,
					 months, years, b);
		}
		break;
	}
	default:
		diag_add(dl, NULL, 0, "how", "unknown kind of award");
		return false;
	}
	if (ok && how != BH_POSTHUMOUS && m->wait_end != DATE_NONE && m->wait_end > award) {
		char c[11];
		date_format_vn(m->wait_end, c);
		ok = rule_refuse(dl, "date", RULE_BADGE_WAIT_REPRIMAND, award,
				 "the member was disciplined: not considered before %s", c);
	}
	return ok;
}

int64_t badge_number_max(int years)
{
	int i = badge_milestone_index(years);
	if (i < 0)
		return 0;
	int64_t m = 1;
	for (int k = 0; k < patterns[i].digits; k++)
		m *= 10;
	return m - 1;
}

bool badge_number_format(int years, int64_t serial, char *out, size_t n)
{
	int i = badge_milestone_index(years);
	if (i < 0 || serial < 1 || serial > badge_number_max(years))
		return false;
	if (patterns[i].letter)
		snprintf(out, n, "%c%0*lld", patterns[i].letter, patterns[i].digits, (long long)serial);
	else
		snprintf(out, n, "%0*lld", patterns[i].digits, (long long)serial);
	return true;
}

bool badge_number_parse(int years, const char *s, int64_t *serial)
{
	int i = badge_milestone_index(years);
	if (i < 0 || !s)
		return false;
	if (patterns[i].letter) {
		if (s[0] != patterns[i].letter && s[0] != patterns[i].letter + ('a' - 'A'))
			return false;
		s++;
	}
	int64_t v = 0;
	int k = 0;
	for (; s[k]; k++) {
		if (s[k] < '0' || s[k] > '9')
			return false;
		v = v * 10 + (s[k] - '0');
	}
	if (k != patterns[i].digits || v < 1)
		return false;
	*serial = v;
	return true;
}
