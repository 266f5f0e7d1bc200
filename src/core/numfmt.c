/* numfmt: Vietnamese number formatting with integer percentages.
 *
 * Percentages never go through floating point: 100*count*10^prec/base is
 * computed in 128-bit integers and rounded half away from zero, so a report
 * prints exactly the figure a person gets by hand (671/2291 = 29,3%). */
#include "core/numfmt.h"

#define PREC_MAX 6

static const int64_t pow10s[PREC_MAX + 1] = {1, 10, 100, 1000, 10000, 100000, 1000000};

static int clamp_prec(int prec)
{
	return prec < 0 ? 0 : prec > PREC_MAX ? PREC_MAX : prec;
}

/* Writes the decimal digits of u right-aligned ending at end; returns the
 * first digit. With dots, a '.' goes between groups of three. */
static char *put_digits(char *end, uint64_t u, bool dots)
{
	char *p = end;
	int k = 0;
	do {
		if (dots && k && k % 3 == 0)
			*--p = '.';
		*--p = (char)('0' + u % 10);
		u /= 10;
		k++;
	} while (u);
	return p;
}

static uint64_t magnitude(int64_t n)
{
	/* 0 - (uint64_t)n is defined for INT64_MIN too */
	return n < 0 ? 0 - (uint64_t)n : (uint64_t)n;
}

void numfmt_int(struct buf *b, int64_t n)
{
	char tmp[32];
	char *end = tmp + sizeof(tmp);
	char *p = put_digits(end, magnitude(n), true);
	if (n < 0)
		*--p = '-';
	buf_add(b, p, (size_t)(end - p));
}

bool numfmt_percent_scaled(int64_t count, int64_t base, int prec, int64_t *scaled)
{
	if (base == 0)
		return false;
	prec = clamp_prec(prec);
	/* |count| * 100 * 10^6 < 2^63 * 2^27: fits in 128 bits with room for
	 * the doubling below. */
	__int128 num = (__int128)count * 100 * pow10s[prec];
	__int128 den = base;
	if (den < 0) {
		den = -den;
		num = -num;
	}
	/* Half away from zero: floor((2|num| + den) / 2den), sign restored. */
	__int128 mag = num < 0 ? -num : num;
	__int128 q = (2 * mag + den) / (2 * den);
	if (num < 0)
		q = -q;
	if (q > INT64_MAX || q < INT64_MIN)
		return false;
	*scaled = (int64_t)q;
	return true;
}

/* Appends scaled / 10^prec with a decimal comma. */
static void put_scaled(struct buf *b, int64_t scaled, int prec, bool dots)
{
	uint64_t u = magnitude(scaled);
	uint64_t whole = u / (uint64_t)pow10s[prec];
	uint64_t frac = u % (uint64_t)pow10s[prec];
	char tmp[48];
	char *end = tmp + sizeof(tmp);
	char *p = end;
	if (prec > 0) {
		for (int i = 0; i < prec; i++) {
			*--p = (char)('0' + frac % 10);
			frac /= 10;
		}
		*--p = ',';
	}
	p = put_digits(p, whole, dots);
	if (scaled < 0)
		*--p = '-';
	buf_add(b, p, (size_t)(end - p));
}

void numfmt_percent(struct buf *b, int64_t count, int64_t base, int prec)
{
	int64_t s;
	prec = clamp_prec(prec);
	if (numfmt_percent_scaled(count, base, prec, &s))
		put_scaled(b, s, prec, false);
}

void numfmt_percent_text(struct buf *b, int64_t count, int64_t base, int prec)
{
	int64_t s;
	prec = clamp_prec(prec);
	if (numfmt_percent_scaled(count, base, prec, &s)) {
		put_scaled(b, s, prec, true);
		buf_addch(b, '%');
	}
}

double numfmt_percent_value(int64_t count, int64_t base, int prec)
{
	int64_t s;
	prec = clamp_prec(prec);
	if (!numfmt_percent_scaled(count, base, prec, &s))
		return 0;
	/* The nearest double to the decimal figure, as strtod would read it. */
	return (double)s / (double)pow10s[prec];
}
