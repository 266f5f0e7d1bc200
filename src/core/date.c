/* date: civil-date arithmetic on day numbers (days since 1970-01-01). */
#include "core/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Days from civil, the well-known era-based algorithm (public domain). */
date_t date_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	const int era = (y >= 0 ? y : y - 399) / 400;
	const unsigned yoe = (unsigned)(y - era * 400);
	const unsigned doy = (153u * (unsigned)(m + (m > 2 ? -3 : 9)) + 2) / 5 + (unsigned)d - 1;
	const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int)doe - 719468;
}

void date_to_ymd(date_t t, int *y, int *m, int *d)
{
	int z = t + 719468;
	const int era = (z >= 0 ? z : z - 146096) / 146097;
	const unsigned doe = (unsigned)(z - era * 146097);
	const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int yy = (int)yoe + era * 400;
	const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	const unsigned mp = (5 * doy + 2) / 153;
	const unsigned dd = doy - (153 * mp + 2) / 5 + 1;
	const unsigned mm = mp < 10 ? mp + 3 : mp - 9;
	*y = yy + (mm <= 2);
	*m = (int)mm;
	*d = (int)dd;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && leap(y) ? 29 : dm[m - 1];
}

bool date_valid_ymd(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= date_days_in_month(y, m);
}

int date_weekday(date_t t)
{
	/* 1970-01-01 was a Thursday (3). */
	int w = (t + 3) % 7;
	return w < 0 ? w + 7 : w;
}

date_t date_add_months(date_t t, int n)
{
	int y, m, d;
	date_to_ymd(t, &y, &m, &d);
	int total = y * 12 + (m - 1) + n;
	y = total >= 0 ? total / 12 : (total - 11) / 12;
	m = total - y * 12 + 1;
	int dim = date_days_in_month(y, m);
	return date_from_ymd(y, m, d > dim ? dim : d);
}

int date_months_between(date_t a, date_t b)
{
	int ya, ma, da, yb, mb, db;
	date_to_ymd(a, &ya, &ma, &da);
	date_to_ymd(b, &yb, &mb, &db);
	int n = (yb - ya) * 12 + (mb - ma);
	if (n > 0 && date_add_months(a, n) > b)
		n--;
	return n;
}

int date_age_years(date_t birth, date_t t)
{
	return date_months_between(birth, t) / 12;
}

static bool digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

bool date_parse(const char *s, date_t *out)
{
	int y = 0, m = 0, d = 0;
	if (!s)
		return false;
	size_t len = strnlen(s, 12);
	if (len == 10 && s[4] == '-') {
		if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) || s[7] != '-' ||
		    !digits(s + 8, 2, &d) || s[10] != '\0')
			return false;
	} else {
		/* d/m/yyyy with one- or two-digit day and month */
		const char *p = s;
		int dl = 0, ml = 0;
		while (p[dl] >= '0' && p[dl] <= '9')
			dl++;
		if ((dl != 1 && dl != 2) || p[dl] != '/')
			return false;
		digits(p, dl, &d);
		p += dl + 1;
		while (p[ml] >= '0' && p[ml] <= '9')
			ml++;
		if ((ml != 1 && ml != 2) || p[ml] != '/')
			return false;
		digits(p, ml, &m);
		p += ml + 1;
		if (!digits(p, 4, &y) || p[4] != '\0')
			return false;
	}
	if (!date_valid_ymd(y, m, d))
		return false;
	*out = date_from_ymd(y, m, d);
	return true;
}

/* Writes the last n decimal digits of v, zero-padded. */
static void put_digits(char *out, unsigned v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		out[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

void date_format(date_t t, char out[11])
{
	if (t == DATE_NONE) {
		out[0] = '\0';
		return;
	}
	int y, m, d;
	date_to_ymd(t, &y, &m, &d);
	put_digits(out, (unsigned)y, 4);
	out[4] = '-';
	put_digits(out + 5, (unsigned)m, 2);
	out[7] = '-';
	put_digits(out + 8, (unsigned)d, 2);
	out[10] = '\0';
}

void date_format_vn(date_t t, char out[11])
{
	if (t == DATE_NONE) {
		out[0] = '\0';
		return;
	}
	int y, m, d;
	date_to_ymd(t, &y, &m, &d);
	put_digits(out, (unsigned)d, 2);
	out[2] = '/';
	put_digits(out + 3, (unsigned)m, 2);
	out[5] = '/';
	put_digits(out + 6, (unsigned)y, 4);
	out[10] = '\0';
}

date_t date_today(void)
{
	const char *env = getenv("DANGBO_TODAY");
	date_t t;
	if (env && *env && date_parse(env, &t))
		return t;
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
