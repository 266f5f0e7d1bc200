/* Unit tests for numfmt: integer percentages and Vietnamese number format.
 *
 * The figures are the ones the seed articles print (shared/seeds/FIGURES.md)
 * and the rounding of the report contract (spec/contract.md, `report`:
 * "100·count/base rounded half away from zero to P decimals"). */
#include "harness.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "core/numfmt.h"

/* numfmt_percent into a fresh buffer; the caller frees. */
static char *pct(int64_t count, int64_t base, int prec)
{
	struct buf b;
	buf_init(&b, 0);
	numfmt_percent(&b, count, base, prec);
	return buf_detach(&b, NULL);
}

static char *pct_text(int64_t count, int64_t base, int prec)
{
	struct buf b;
	buf_init(&b, 0);
	numfmt_percent_text(&b, count, base, prec);
	return buf_detach(&b, NULL);
}

static char *fmt_int(int64_t n)
{
	struct buf b;
	buf_init(&b, 0);
	numfmt_int(&b, n);
	return buf_detach(&b, NULL);
}

#define CHECK_PCT(count, base, prec, want)                                   \
	do {                                                                     \
		char *s_ = pct(count, base, prec);                                   \
		assert_string_equal(s_, want);                                       \
		free(s_);                                                            \
	} while (0)

#define CHECK_PCT_TEXT(count, base, prec, want)                              \
	do {                                                                     \
		char *s_ = pct_text(count, base, prec);                              \
		assert_string_equal(s_, want);                                       \
		free(s_);                                                            \
	} while (0)

#define CHECK_INT(n, want)                                                   \
	do {                                                                     \
		char *s_ = fmt_int(n);                                               \
		assert_string_equal(s_, want);                                       \
		free(s_);                                                            \
	} while (0)

/* Seed figures (FIGURES.md, seeds 000, 001, 003, 004). */
static void test_seed_figures(void **state)
{
	CHECK_PCT(4, 26, 2, "15,38");
	CHECK_PCT(16, 26, 2, "61,54");
	CHECK_PCT(3, 26, 2, "11,54");
	CHECK_PCT(2051, 2050, 2, "100,05");
	CHECK_PCT(671, 2291, 1, "29,3");
	CHECK_PCT(108, 177, 0, "61");
	CHECK_PCT(145, 177, 0, "82");
	CHECK_PCT(16, 177, 0, "9");
	CHECK_PCT(80, 177, 1, "45,2");
	CHECK_PCT(871, 904, 2, "96,35");
	CHECK_PCT(454, 1021, 1, "44,5");
	CHECK_PCT(96, 186, 1, "51,6");
	CHECK_PCT(4925, 4925, 0, "100");
	CHECK_PCT_TEXT(2051, 2050, 2, "100,05%");
	CHECK_PCT_TEXT(671, 2291, 1, "29,3%");
}

/* Contract `report`: an exact half rounds away from zero. */
static void test_half_away_from_zero(void **state)
{
	CHECK_PCT(1, 8, 1, "12,5");
	CHECK_PCT(1, 8, 0, "13");
	CHECK_PCT(1, 16, 2, "6,25");
	CHECK_PCT(1, 16, 1, "6,3");
	CHECK_PCT(1, 400, 2, "0,25");
	CHECK_PCT(1, 800, 2, "0,13");
	CHECK_PCT(1, 200, 0, "1");  /* 0,5 -> 1 */
	CHECK_PCT(1, 201, 0, "0");  /* 0,4975... -> 0 */
	CHECK_PCT(-1, 8, 1, "-12,5");
	CHECK_PCT(-1, 8, 0, "-13");
	CHECK_PCT(1, -8, 0, "-13");
	CHECK_PCT(-1, -8, 0, "13");
	CHECK_PCT(-1, 800, 2, "-0,13");
	CHECK_PCT(-1, 1000, 1, "-0,1");
	CHECK_PCT(-1, 3000, 2, "-0,03");
	/* a value that rounds to zero keeps no sign */
	CHECK_PCT(-1, 300000, 2, "0,00");
	/* 1/3 at every precision: never rounds up */
	CHECK_PCT(1, 3, 0, "33");
	CHECK_PCT(1, 3, 6, "33,333333");
	CHECK_PCT(2, 3, 6, "66,666667");
	CHECK_PCT(0, 5, 2, "0,00");
}

static void test_scaled(void **state)
{
	int64_t s = 42;
	assert_false(numfmt_percent_scaled(5, 0, 2, &s));
	assert_int_equal(s, 42); /* untouched */
	assert_true(numfmt_percent_scaled(4, 26, 2, &s));
	assert_int_equal(s, 1538);
	assert_true(numfmt_percent_scaled(1, 800, 2, &s));
	assert_int_equal(s, 13);
	/* precision outside 0..6 is clamped */
	assert_true(numfmt_percent_scaled(1, 3, 9, &s));
	assert_int_equal(s, 33333333);
	assert_true(numfmt_percent_scaled(1, 3, -2, &s));
	assert_int_equal(s, 33);
	/* no overflow in the intermediate product */
	assert_true(numfmt_percent_scaled(INT64_MAX, INT64_MAX, 6, &s));
	assert_int_equal(s, 100000000);
	assert_true(numfmt_percent_scaled(INT64_MAX / 2, INT64_MAX, 6, &s));
	assert_int_equal(s, 50000000);
	assert_true(numfmt_percent_scaled(INT64_MIN, INT64_MAX, 0, &s));
	assert_int_equal(s, -100);
	/* a result beyond int64 is refused rather than wrapped */
	assert_false(numfmt_percent_scaled(INT64_MAX, 1, 6, &s));
	assert_false(numfmt_percent_scaled(INT64_MIN, 1, 0, &s));
}

static void test_base_zero(void **state)
{
	CHECK_PCT(0, 0, 2, "");
	CHECK_PCT(7, 0, 1, "");
	CHECK_PCT_TEXT(7, 0, 1, "");
	assert_true(numfmt_percent_value(7, 0, 1) == 0.0);
	/* appends to what is there, and nothing when there is no base */
	struct buf b;
	buf_init(&b, 0);
	buf_adds(&b, "x=");
	numfmt_percent(&b, 1, 0, 2);
	assert_string_equal(b.ptr, "x=");
	numfmt_percent(&b, 1, 4, 2);
	assert_string_equal(b.ptr, "x=25,00");
	buf_free(&b);
}

static void test_int(void **state)
{
	CHECK_INT(0, "0");
	CHECK_INT(7, "7");
	CHECK_INT(999, "999");
	CHECK_INT(1000, "1.000");
	CHECK_INT(2517, "2.517");
	CHECK_INT(75280, "75.280");
	CHECK_INT(48879, "48.879");
	CHECK_INT(100000, "100.000");
	CHECK_INT(5500000, "5.500.000");
	CHECK_INT(-1234, "-1.234");
	CHECK_INT(-999, "-999");
	CHECK_INT(-1234567, "-1.234.567");
	CHECK_INT(INT64_MAX, "9.223.372.036.854.775.807");
	CHECK_INT(INT64_MIN, "-9.223.372.036.854.775.808");
}

static void test_percent_text(void **state)
{
	CHECK_PCT_TEXT(123456, 100, 2, "123.456,00%");
	CHECK_PCT(123456, 100, 2, "123456,00"); /* CSV form: no dots */
	CHECK_PCT_TEXT(12345, 1000, 1, "1.234,5%");
	CHECK_PCT_TEXT(16, 26, 2, "61,54%");
	CHECK_PCT_TEXT(108, 177, 0, "61%");
	CHECK_PCT_TEXT(-123456, 100, 0, "-123.456%");
}

static void test_value(void **state)
{
	assert_true(numfmt_percent_value(4, 26, 2) == 15.38);
	assert_true(numfmt_percent_value(671, 2291, 1) == 29.3);
	assert_true(numfmt_percent_value(108, 177, 0) == 61.0);
	assert_true(numfmt_percent_value(1, 800, 2) == 0.13);
	assert_true(numfmt_percent_value(-1, 8, 1) == -12.5);
	assert_true(numfmt_percent_value(2, 3, 6) == 66.666667);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_figures),
		cmocka_unit_test(test_half_away_from_zero),
		cmocka_unit_test(test_scaled),
		cmocka_unit_test(test_base_zero),
		cmocka_unit_test(test_int),
		cmocka_unit_test(test_percent_text),
		cmocka_unit_test(test_value),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
