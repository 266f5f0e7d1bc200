/* Unit tests for domain/congress: the convening notice (QĐ 294-QĐ/TW §11–16;
 * rules.md §1.9: at least 30 working days before the opening) and the base
 * of a convened roster (QĐ 190-QĐ/TW Điều 30; rules.md §1.4). */
#include "harness.h"

#include <string.h>

#include "core/date.h"
#include "core/workday.h"
#include "domain/congress.h"

static date_t D(const char *s)
{
	date_t d;
	if (!date_parse(s, &d))
		fail_msg("bad date in the test: %s", s);
	return d;
}

static void assert_date(date_t got, const char *want)
{
	char g[11];
	date_format(got, g);
	assert_string_equal(g, want);
}

/* QĐ 294-QĐ/TW §11–16: exactly 30 working days between notice and opening
 * is enough, 29 is not (Monday to Friday, no holidays). */
static void test_notice_exactly_30(void **state)
{
	(void)state;
	/* opening Mon 03/03/2025: Fri 28/02 back to Mon 20/01 is 30 weekdays */
	date_t open = D("2025-03-03");
	assert_date(congress_notice_latest(NULL, open), "2025-01-19");
	int days = -1;
	assert_true(congress_notice_ok(NULL, D("2025-01-19"), open, &days));
	assert_int_equal(days, 30);
	assert_true(congress_notice_ok(NULL, D("2025-01-17"), open, &days));
	assert_int_equal(days, 30); /* Fri 17 itself does not count, Sat-Sun add none */
	assert_false(congress_notice_ok(NULL, D("2025-01-20"), open, &days));
	assert_int_equal(days, 29);
	assert_false(congress_notice_ok(NULL, open, open, &days));
	assert_int_equal(days, 0);
	assert_false(congress_notice_ok(NULL, D("2025-03-10"), open, &days));
	assert_int_equal(days, 0);
}

/* QĐ 294-QĐ/TW §11–16 with the holiday calendar: Tết Ất Tỵ (25/01–02/02/2025,
 * five weekdays off) moves the latest notice a week earlier. */
static void test_notice_crossing_tet(void **state)
{
	(void)state;
	const struct workday_cal *c = workday_cal_default();
	date_t open = D("2025-03-03");
	assert_date(congress_notice_latest(c, open), "2025-01-12");
	int days = -1;
	assert_true(congress_notice_ok(c, D("2025-01-12"), open, &days));
	assert_int_equal(days, 30);
	/* the notice that is enough without Tết is not with it */
	assert_false(congress_notice_ok(c, D("2025-01-19"), open, &days));
	assert_int_equal(days, 25);
	assert_false(congress_notice_ok(c, D("2025-01-13"), open, &days));
	assert_int_equal(days, 29);
}

/* QĐ 190-QĐ/TW Điều 30, the Party's worked example: a cell of 11 official
 * members, one absent with an accepted reason: base 10. */
static void test_base_worked_example(void **state)
{
	(void)state;
	struct congress_base b;
	memset(&b, 0, sizeof(b));
	b.convened = 11;
	b.excluded[EXCL_EXCUSED_ABSENT] = 1;
	b.probationary = 2; /* listed apart: they change nothing */
	char msg[200];
	assert_true(congress_base_check(&b, CONGRESS_MEMBERS, msg, sizeof(msg)));
	assert_int_equal(congress_excluded(&b), 1);
	assert_int_equal(congress_base_value(&b), 10);
	/* every exclusion of a members' congress subtracts */
	b.excluded[EXCL_TEMP_OUT_ABSENT] = 1;
	b.excluded[EXCL_EXEMPT_ABSENT] = 2;
	b.excluded[EXCL_SUSPENDED] = 1;
	assert_true(congress_base_check(&b, CONGRESS_MEMBERS, msg, sizeof(msg)));
	assert_int_equal(congress_base_value(&b), 6);
}

/* QĐ 190-QĐ/TW Điều 30: the convening-committee and delegate exclusions are
 * for delegates' congresses; exclusions are among the convened. */
static void test_base_refusals(void **state)
{
	(void)state;
	struct congress_base b;
	memset(&b, 0, sizeof(b));
	b.convened = 100;
	b.excluded[EXCL_DELEGATE_ABSENT_NO_ALTERNATE] = 3;
	b.excluded[EXCL_COMMITTEE_ABSENT] = 1;
	char msg[200];
	assert_false(congress_base_check(&b, CONGRESS_MEMBERS, msg, sizeof(msg)));
	assert_non_null(strstr(msg, "delegates' congress"));
	assert_true(congress_base_check(&b, CONGRESS_DELEGATES, msg, sizeof(msg)));
	assert_int_equal(congress_base_value(&b), 96);
	b.convened = 3;
	assert_false(congress_base_check(&b, CONGRESS_DELEGATES, msg, sizeof(msg)));
	assert_non_null(strstr(msg, "4 excluded out of 3"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_notice_exactly_30),
		cmocka_unit_test(test_notice_crossing_tet),
		cmocka_unit_test(test_base_worked_example),
		cmocka_unit_test(test_base_refusals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
