/* Unit tests for ratings: the levels and their Vietnamese words (QĐ
 * 366-QĐ/TW Điều 11) and the periods of a review round (yearly, quarterly,
 * by term: QĐ 366-QĐ/TW, rules.md §2.3). */
#include "harness.h"

#include <string.h>

#include "app/ratings.h"

/* QĐ 366-QĐ/TW Điều 11: four levels, in English or Vietnamese */
static void test_levels(void **state)
{
	(void)state;
	enum rating_level l;
	assert_true(rating_level_parse("excellent", &l));
	assert_int_equal(l, RATING_EXCELLENT);
	assert_true(rating_level_parse("Hoàn thành xuất sắc nhiệm vụ", &l));
	assert_int_equal(l, RATING_EXCELLENT);
	assert_true(rating_level_parse("hoàn thành tốt nhiệm vụ", &l));
	assert_int_equal(l, RATING_GOOD);
	assert_true(rating_level_parse("hoàn thành nhiệm vụ", &l));
	assert_int_equal(l, RATING_COMPLETED);
	assert_true(rating_level_parse("không hoàn thành nhiệm vụ", &l));
	assert_int_equal(l, RATING_FAILED);
	assert_true(rating_level_parse("KHTNV", &l));
	assert_int_equal(l, RATING_FAILED);
	assert_false(rating_level_parse("", &l));
	assert_false(rating_level_parse("very good", &l));
	assert_false(rating_level_parse("xuất sắc", &l));
	for (int i = 0; i < RATING__MAX; i++) {
		assert_true(rating_level_parse(rating_level_name((enum rating_level)i), &l));
		assert_int_equal(l, i);
	}
}

/* QĐ 366-QĐ/TW: rounds by year, quarter or term */
static void test_periods(void **state)
{
	(void)state;
	int y = 0, m = 0;
	assert_true(rating_period_parse("2024", &y, &m));
	assert_int_equal(y, 2024);
	assert_int_equal(m, 12);
	assert_true(rating_period_parse("2025-Q3", &y, &m));
	assert_int_equal(y, 2025);
	assert_int_equal(m, 9);
	assert_true(rating_period_parse("2020-2025", &y, &m));
	assert_int_equal(y, 2025);
	assert_int_equal(m, 12);
	const char *bad[] = {"", "24", "20245", "2025-Q0", "2025-Q5", "2025-q3", "2025-2020", "2025-2025",
			     "1900", "2024-", "2020-25"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(rating_period_parse(bad[i], &y, &m));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_levels),
		cmocka_unit_test(test_periods),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
