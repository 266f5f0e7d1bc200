/* Unit tests for buf, diag and date. */
#include "harness.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/diag.h"

static void test_buf(void **state)
{
	struct buf b;
	buf_init(&b, 0);
	assert_string_equal(buf_str(&b), "");
	buf_adds(&b, "abc");
	buf_addf(&b, "-%d-", 42);
	buf_addch(&b, 'z');
	assert_string_equal(b.ptr, "abc-42-z");
	assert_int_equal(b.len, 8);
	buf_truncate(&b, 3);
	assert_string_equal(b.ptr, "abc");
	char *s = buf_detach(&b, NULL);
	assert_string_equal(s, "abc");
	assert_string_equal(buf_str(&b), "");
	free(s);

	struct buf c;
	buf_init(&c, 5);
	buf_adds(&c, "abcd");
	buf_adds(&c, "ef");
	assert_true(c.overflow);
	assert_string_equal(c.ptr, "abcd");
	buf_free(&c);
}

static void test_date_roundtrip(void **state)
{
	date_t t;
	assert_true(date_parse("1970-01-01", &t));
	assert_int_equal(t, 0);
	assert_true(date_parse("2024-02-29", &t));
	char s[11];
	date_format(t, s);
	assert_string_equal(s, "2024-02-29");
	date_format_vn(t, s);
	assert_string_equal(s, "29/02/2024");
	assert_false(date_parse("2023-02-29", &t));
	assert_false(date_parse("2023-13-01", &t));
	assert_false(date_parse("2023-1-01", &t));
	assert_false(date_parse(" 2023-01-01", &t));
	assert_false(date_parse("", &t));
	assert_true(date_parse("3/2/1930", &t));
	date_format(t, s);
	assert_string_equal(s, "1930-02-03");
	assert_true(date_parse("29/02/2020", &t));
	assert_false(date_parse("30/02/2020", &t));
	for (date_t d = -800000; d < 800000; d += 997) {
		int y, m, dd;
		date_to_ymd(d, &y, &m, &dd);
		assert_int_equal(date_from_ymd(y, m, dd), d);
	}
}

static void test_months(void **state)
{
	date_t a = date_from_ymd(2024, 2, 29);
	/* Probation: 12 months from a 29/02 ceremony ends on 28/02. */
	assert_int_equal(date_add_months(a, 12), date_from_ymd(2025, 2, 28));
	assert_int_equal(date_add_months(date_from_ymd(2025, 1, 31), 1), date_from_ymd(2025, 2, 28));
	assert_int_equal(date_add_months(date_from_ymd(2025, 3, 15), -15), date_from_ymd(2023, 12, 15));
	/* Age 18 counted in months: on the 18th birthday, not the day before. */
	date_t birth = date_from_ymd(2007, 11, 23);
	assert_int_equal(date_age_years(birth, date_from_ymd(2025, 11, 23)), 18);
	assert_int_equal(date_age_years(birth, date_from_ymd(2025, 11, 22)), 17);
	assert_int_equal(date_months_between(birth, date_from_ymd(2025, 11, 23)), 216);
	/* Born 29/02: 18 years are reached on 28/02 of a common year. */
	date_t leap = date_from_ymd(2008, 2, 29);
	assert_int_equal(date_age_years(leap, date_from_ymd(2026, 2, 28)), 18);
	assert_int_equal(date_age_years(leap, date_from_ymd(2026, 2, 27)), 17);
	assert_int_equal(date_weekday(date_from_ymd(2026, 11, 23)), 0); /* a Monday */
}

static void test_diag(void **state)
{
	struct diag_list dl;
	diag_init(&dl);
	diag_add(&dl, "b.csv", 3, "code", "second");
	diag_add(&dl, "a.csv", 9, "name", "first %s", "x");
	diag_add(&dl, "b.csv", 2, NULL, "third");
	diag_sort(&dl);
	assert_string_equal(dl.v[0].file, "a.csv");
	assert_int_equal(dl.v[1].line, 2);
	assert_string_equal(dl.v[2].column, "code");
	char *out = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&out, &n);
	diag_print(&dl, f);
	fclose(f);
	assert_string_equal(out, "a.csv:9:name: first x\nb.csv:2: third\nb.csv:3:code: second\n");
	free(out);
	diag_free(&dl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_date_roundtrip),
		cmocka_unit_test(test_months),
		cmocka_unit_test(test_diag),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
