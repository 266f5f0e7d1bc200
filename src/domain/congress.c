/* congress: notice rule and roster base arithmetic (congress.h). */
#include "domain/congress.h"

#include <stdio.h>

int congress_notice_workdays(const struct workday_cal *c, date_t notice, date_t opening)
{
	if (opening <= notice + 1)
		return 0;
	/* working days in (notice, opening - 1] */
	return workday_between(c, notice, opening - 1);
}

/* QĐ 294-QĐ/TW §11–16 (rules.md §1.9): notice at least 30 working days ahead. */
bool congress_notice_ok(const struct workday_cal *c, date_t notice, date_t opening, int *days)
{
	int d = congress_notice_workdays(c, notice, opening);
	if (days)
		*days = d;
	return d >= CONGRESS_NOTICE_WORKDAYS;
}

date_t congress_notice_latest(const struct workday_cal *c, date_t opening)
{
	/* the 30th working day back from the day before the opening, then the
	 * day before it: every later day would leave fewer than 30 between */
	date_t first = workday_add(c, opening, -CONGRESS_NOTICE_WORKDAYS);
	return first - 1;
}

int64_t congress_excluded(const struct congress_base *b)
{
	int64_t s = 0;
	for (int x = 0; x < EXCL__MAX; x++)
		s += b->excluded[x];
	return s;
}

/* QĐ 190-QĐ/TW Điều 30: base = convened minus the statutory exclusions. */
int64_t congress_base_value(const struct congress_base *b)
{
	return b->convened - congress_excluded(b);
}

bool congress_base_check(const struct congress_base *b, enum congress_kind k, char *msg, size_t n)
{
	for (int x = 0; x < EXCL__MAX; x++) {
		if (b->excluded[x] < 0) {
			snprintf(msg, n, "%s: a count is 0 or more", exclusion_name((enum election_exclusion)x));
			return false;
		}
		if (b->excluded[x] > 0 && !exclusion_applies((enum election_exclusion)x, k)) {
			snprintf(msg, n, "exclusion %s applies only to a delegates' congress (QĐ 190-QĐ/TW Điều 30)",
				 exclusion_name((enum election_exclusion)x));
			return false;
		}
	}
	if (b->convened < 0 || congress_excluded(b) > b->convened) {
		snprintf(msg, n, "%lld excluded out of %lld convened: the exclusions are among the convened "
			 "(QĐ 190-QĐ/TW Điều 30)", (long long)congress_excluded(b), (long long)b->convened);
		return false;
	}
	return true;
}
