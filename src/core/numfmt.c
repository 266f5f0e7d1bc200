/* numfmt: Vietnamese number formatting with integer percentages. */
#include "core/numfmt.h"

#include <stdio.h>

void numfmt_int(struct buf *b, int64_t n)
{
	char digits[32];
	unsigned long long u = n < 0 ? 0ull - (unsigned long long)n : (unsigned long long)n;
	int len = snprintf(digits, sizeof(digits), "%llu", u);
	if (n < 0)
		buf_addch(b, '-');
	for (int i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			buf_addch(b, '.');
		buf_addch(b, digits[i]);
	}
}

static const int64_t pow10s[] = {1, 10, 100, 1000, 10000, 100000, 1000000};

bool numfmt_percent_scaled(int64_t count, int64_t base, int prec, int64_t *scaled)
{
	if (base == 0)
		return false;
	if (prec < 0)
		prec = 0;
	if (prec > 6)
		prec = 6;
	__int128 num = (__int128)count * 100 * pow10s[prec];
	__int128 den = base;
	if (den < 0) {
		den = -den;
		num = -num;
	}
	/* round half away from zero */
	__int128 q = num >= 0 ? (2 * num + den) / (2 * den) : -((-2 * num + den) / (2 * den));
	*scaled = (int64_t)q;
	return true;
}

static void put_scaled(struct buf *b, int64_t scaled, int prec, bool dots)
{
	if (prec < 0)
		prec = 0;
	if (prec > 6)
		prec = 6;
	int64_t whole = scaled / pow10s[prec];
	int64_t frac = scaled % pow10s[prec];
	if (scaled < 0) {
		buf_addch(b, '-');
		whole = -whole;
		frac = -frac;
	}
	if (dots)
		numfmt_int(b, whole);
	else
		buf_addf(b, "%lld", (long long)whole);
	if (prec > 0)
		buf_addf(b, ",%0*lld", prec, (long long)frac);
}

void numfmt_percent(struct buf *b, int64_t count, int64_t base, int prec)
{
	int64_t s;
	if (numfmt_percent_scaled(count, base, prec, &s))
		put_scaled(b, s, prec, false);
}

void numfmt_percent_text(struct buf *b, int64_t count, int64_t base, int prec)
{
	int64_t s;
	if (numfmt_percent_scaled(count, base, prec, &s)) {
		put_scaled(b, s, prec, true);
		buf_addch(b, '%');
	}
}

double numfmt_percent_value(int64_t count, int64_t base, int prec)
{
	int64_t s;
	if (!numfmt_percent_scaled(count, base, prec, &s))
		return 0;
	if (prec < 0)
		prec = 0;
	if (prec > 6)
		prec = 6;
	return (double)s / (double)pow10s[prec];
}
