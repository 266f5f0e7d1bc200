/* Unit tests for the domain tables of member quality: the 27 manifestations
 * of degradation (NQ 04-NQ/TW, three groups of nine) and the 5 levels
 * (seed 000), and the outcomes and exit channels of screening (Chỉ thị
 * 28-CT/TW; QĐ 294-QĐ/TW §8; QĐ 296-QĐ/TW). */
#include "harness.h"

#include <string.h>

#include "domain/degradation.h"
#include "domain/screening.h"

/* NQ 04-NQ/TW: 27 manifestations numbered 1..27 as A1..A9, B1..B9, C1..C9 */
static void test_manifestations(void **state)
{
	(void)state;
	assert_null(degradation_item(0));
	assert_null(degradation_item(28));
	int per_group[DG__MAX] = {0};
	for (int n = 1; n <= DEGRADATION_COUNT; n++) {
		const struct degradation_item *it = degradation_item(n);
		assert_non_null(it);
		assert_int_equal(it->number, n);
		assert_int_equal((int)it->group, (n - 1) / 9);
		assert_int_equal(it->in_group, (n - 1) % 9 + 1);
		assert_int_equal(it->code[0], "ABC"[(n - 1) / 9]);
		assert_int_equal(it->code[1], '0' + it->in_group);
		assert_true(strlen(it->title) > 10);
		per_group[it->group]++;
		int back;
		assert_true(degradation_item_parse(it->code, &back));
		assert_int_equal(back, n);
		for (int m = 1; m < n; m++)
			assert_string_not_equal(degradation_item(m)->title, it->title);
	}
	for (int g = 0; g < DG__MAX; g++)
		assert_int_equal(per_group[g], 9);
	assert_string_equal(degradation_item(16)->code, "B7");
	assert_non_null(strstr(degradation_item(16)->title, "Tham ô, tham nhũng"));
	assert_string_equal(degradation_item(24)->code, "C6");
	assert_non_null(strstr(degradation_item(24)->title, "thù địch"));
	assert_string_equal(degradation_group_label(DG_ETHICS), "Đạo đức, lối sống");
	int n;
	assert_true(degradation_item_parse("c9", &n));
	assert_int_equal(n, 27);
	assert_true(degradation_item_parse("27", &n));
	const char *bad[] = {"", "0", "28", "D1", "A0", "A10", "1.5", "-3", "A"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(degradation_item_parse(bad[i], &n));
}

/* seed 000: 5 levels, 1 rất nghiêm trọng ... 5 không có biểu hiện */
static void test_levels(void **state)
{
	(void)state;
	int l;
	assert_true(degradation_level_parse("Rất nghiêm trọng", &l));
	assert_int_equal(l, 1);
	assert_true(degradation_level_parse("nghiem trong", &l));
	assert_int_equal(l, 2);
	assert_true(degradation_level_parse("ban đầu", &l));
	assert_int_equal(l, 3);
	assert_true(degradation_level_parse("khó nhận diện", &l));
	assert_int_equal(l, 4);
	assert_true(degradation_level_parse("Không có biểu hiện", &l));
	assert_int_equal(l, 5);
	assert_true(degradation_level_parse("3", &l));
	assert_int_equal(l, 3);
	assert_false(degradation_level_parse("0", &l));
	assert_false(degradation_level_parse("6", &l));
	assert_false(degradation_level_parse("trung bình", &l));
	assert_true(degradation_level_serious(1) && degradation_level_serious(2) && !degradation_level_serious(3));
	assert_true(degradation_level_shows(4) && !degradation_level_shows(5));
	assert_string_equal(degradation_level_label(5), "Không có biểu hiện");
	assert_string_equal(degradation_level_label(6), "?");
}

/* Chỉ thị 28-CT/TW: progressed, continued education, removed from the Party,
 * the last by removal, expulsion or leaving (QĐ 294-QĐ/TW §8, QĐ 296-QĐ/TW) */
static void test_screening(void **state)
{
	(void)state;
	enum screening_outcome o;
	assert_true(screening_outcome_parse("tiến bộ", &o));
	assert_int_equal(o, SCREEN_PROGRESSED);
	assert_true(screening_outcome_parse("Tiếp tục giáo dục, giúp đỡ", &o));
	assert_int_equal(o, SCREEN_CONTINUED);
	assert_true(screening_outcome_parse("đưa ra khỏi Đảng", &o));
	assert_int_equal(o, SCREEN_REMOVED);
	assert_true(screening_outcome_parse("removed", &o));
	assert_false(screening_outcome_parse("improved", &o));
	for (int i = 0; i < SCREEN__MAX; i++) {
		assert_true(screening_outcome_parse(screening_outcome_name((enum screening_outcome)i), &o));
		assert_int_equal(o, i);
		assert_true(screening_outcome_parse(screening_outcome_label((enum screening_outcome)i), &o));
		assert_int_equal(o, i);
	}
	enum screening_channel c;
	assert_true(screening_channel_parse("xóa tên", &c));
	assert_int_equal(screening_channel_event(c), EV_REMOVE);
	assert_true(screening_channel_parse("Khai trừ", &c));
	assert_int_equal(screening_channel_event(c), EV_EXPEL);
	assert_true(screening_channel_parse("cho ra khỏi Đảng", &c));
	assert_int_equal(screening_channel_event(c), EV_LEAVE);
	assert_false(screening_channel_parse("death", &c));
	for (int i = 0; i < CHANNEL__MAX; i++)
		assert_string_equal(screening_channel_name((enum screening_channel)i),
				    event_type_name(screening_channel_event((enum screening_channel)i)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_manifestations),
		cmocka_unit_test(test_levels),
		cmocka_unit_test(test_screening),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
