/* Unit tests for the posts of the cadre module (domain/post.h): the table
 * of post kinds and their Vietnamese labels, and the checks of a period —
 * the same post not held twice at once, one secretary per organization at
 * a time (QĐ 294-QĐ/TW §23, a configurable default), periods that end on
 * the first day a post is no longer held. */
#include "harness.h"

#include <string.h>

#include "domain/post.h"

/* every kind has a distinct name and label, and parses back from both */
static void test_kind_table(void **state)
{
	(void)state;
	for (int k = 0; k < POST__MAX; k++) {
		const struct post_kind_info *i = post_kind_info((enum post_kind)k);
		assert_non_null(i->name);
		assert_non_null(i->label);
		assert_true((unsigned)i->group < POST_GROUP__MAX);
		enum post_kind got = POST__MAX;
		assert_true(post_kind_parse(i->name, &got));
		assert_int_equal(got, k);
		got = POST__MAX;
		assert_true(post_kind_parse(i->label, &got));
		assert_int_equal(got, k);
		for (int j = 0; j < k; j++) {
			assert_string_not_equal(i->name, post_kind_info((enum post_kind)j)->name);
			assert_string_not_equal(i->label, post_kind_info((enum post_kind)j)->label);
		}
	}
	/* the secretary, deputies and standing members sit on the standing committee */
	assert_true(post_kind_info(POST_SECRETARY)->standing);
	assert_true(post_kind_info(POST_DEPUTY)->standing);
	assert_true(post_kind_info(POST_STANDING)->standing);
	assert_false(post_kind_info(POST_COMMITTEE)->standing);
	assert_false(post_kind_info(POST_POLICE_CHIEF)->standing);
	assert_int_equal(post_kind_info(POST_PEOPLE_CHAIR)->group, POST_GROUP_STATE);
	assert_int_equal(post_kind_info(POST_UNIT_HEAD)->group, POST_GROUP_HEAD);
	assert_int_equal(post_kind_info(POST_FRONT_CHAIR)->group, POST_GROUP_MASS);
	assert_string_equal(post_group_label(POST_GROUP_PARTY), "Đảng");
}

/* what users write: any case, with or without marks, the long forms */
static void test_kind_words(void **state)
{
	(void)state;
	enum post_kind k;
	assert_true(post_kind_parse("chủ tịch ubnd", &k));
	assert_int_equal(k, POST_PEOPLE_CHAIR);
	assert_true(post_kind_parse("Chu tich Uy ban nhan dan", &k));
	assert_int_equal(k, POST_PEOPLE_CHAIR);
	assert_true(post_kind_parse("Chủ tịch Hội đồng nhân dân", &k));
	assert_int_equal(k, POST_COUNCIL_CHAIR);
	assert_true(post_kind_parse("PHÓ BÍ THƯ", &k));
	assert_int_equal(k, POST_DEPUTY);
	assert_true(post_kind_parse("Trưởng Công an xã", &k));
	assert_int_equal(k, POST_POLICE_CHIEF);
	assert_true(post_kind_parse("thủ trưởng đơn vị", &k));
	assert_int_equal(k, POST_UNIT_HEAD);
	assert_false(post_kind_parse("", &k));
	assert_false(post_kind_parse(NULL, &k));
	assert_false(post_kind_parse("chủ tịch", &k));
	assert_false(post_kind_parse("Secretary", &k)); /* names are exact; labels are Vietnamese */
}

/* a period holds from its first day up to, not including, its end */
static void test_periods(void **state)
{
	(void)state;
	date_t a = date_from_ymd(2020, 10, 1), b = date_from_ymd(2025, 10, 1);
	struct post_period p = {1, POST_SECRETARY, a, b};
	assert_true(post_holds_on(&p, a));
	assert_true(post_holds_on(&p, b - 1));
	assert_false(post_holds_on(&p, b));
	assert_false(post_holds_on(&p, a - 1));
	/* one ending the day the other starts: no shared day */
	assert_false(post_periods_overlap(a, b, b, DATE_MAX));
	assert_true(post_periods_overlap(a, b, b - 1, DATE_MAX));
	assert_true(post_periods_overlap(a, DATE_MAX, date_from_ymd(2030, 1, 1), DATE_MAX));
}

static void test_check(void **state)
{
	(void)state;
	struct post_rules one = {.one_secretary = true}, many = {.one_secretary = false};
	date_t d2020 = date_from_ymd(2020, 10, 1), d2025 = date_from_ymd(2025, 10, 1);
	struct post_period held[] = {
		{1, POST_SECRETARY, d2020, d2025},
		{2, POST_DEPUTY, d2020, DATE_MAX},
		{3, POST_PEOPLE_CHAIR, d2020, DATE_MAX},
	};
	size_t clash = 99;
	/* dates out of order */
	struct post_period p = {4, POST_DEPUTY, d2025, d2020};
	assert_int_equal(post_check(&p, held, 3, &one, &clash), POST_BAD_DATES);
	p.to = p.from;
	assert_int_equal(post_check(&p, held, 3, &one, &clash), POST_BAD_DATES);
	/* QĐ 294-QĐ/TW §23: a second secretary while the first is in office */
	p = (struct post_period){4, POST_SECRETARY, date_from_ymd(2024, 1, 1), DATE_MAX};
	assert_int_equal(post_check(&p, held, 3, &one, &clash), POST_SECOND_SECRETARY);
	assert_int_equal(clash, 0);
	/* ... allowed when the default is turned off */
	assert_int_equal(post_check(&p, held, 3, &many, &clash), POST_OK);
	/* the successor from the day the first one's period ended */
	p.from = d2025;
	assert_int_equal(post_check(&p, held, 3, &one, &clash), POST_OK);
	/* the same member, the same post, overlapping */
	p = (struct post_period){2, POST_DEPUTY, date_from_ymd(2023, 1, 1), date_from_ymd(2023, 6, 1)};
	assert_int_equal(post_check(&p, held, 3, &many, &clash), POST_OVERLAP);
	assert_int_equal(clash, 1);
	/* another member as deputy at the same time is fine; so is a concurrent post */
	p.member = 5;
	assert_int_equal(post_check(&p, held, 3, &one, &clash), POST_OK);
	p = (struct post_period){1, POST_COUNCIL_CHAIR, d2020, DATE_MAX};
	assert_int_equal(post_check(&p, held, 3, &one, &clash), POST_OK);
	/* the secretary again after his period ended */
	p = (struct post_period){1, POST_SECRETARY, d2025, DATE_MAX};
	assert_int_equal(post_check(&p, held, 3, &one, &clash), POST_OK);
	p.from = d2025 - 1;
	assert_int_equal(post_check(&p, held, 3, &one, &clash), POST_OVERLAP);
	/* nothing held yet */
	assert_int_equal(post_check(&p, NULL, 0, &one, &clash), POST_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kind_table),
		cmocka_unit_test(test_kind_words),
		cmocka_unit_test(test_periods),
		cmocka_unit_test(test_check),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
