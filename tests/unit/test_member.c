/* Unit tests for member replay: spans, status on a date, party age
 * (QĐ 294-QĐ/TW §4.4; HD 06-HD/TW §5.3), probation (QĐ 294-QĐ/TW §4.2.2),
 * and the consistency checks of contract §2 "How history is read". */
#include "harness.h"

#include <string.h>

#include "domain/member.h"

static date_t D(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

/* Three cells: 1 and 2 exist always; 3 exists from 2010 and was merged
 * into 1 on 2020-01-01. */
static int64_t follow(void *arg, int64_t org, date_t d)
{
	return org == 3 && d >= D(2020, 1, 1) ? 1 : org;
}
static bool exists(void *arg, int64_t org, date_t d)
{
	return org != 3 || (d >= D(2010, 1, 1) && d < D(2020, 1, 1));
}
static bool holds(void *arg, int64_t org)
{
	return org >= 1 && org <= 3;
}
static const char *code(void *arg, int64_t org)
{
	static const char *const c[] = {"-", "C1", "C2", "C3"};
	return org >= 0 && org <= 3 ? c[org] : "?";
}
static const struct org_resolver res = {follow, exists, holds, code, NULL};

static struct member_facts facts(date_t decision, enum member_status s, int64_t org)
{
	return (struct member_facts){"M", decision, DATE_NONE, DATE_NONE, org, s, 2};
}

static void test_plain(void **state)
{
	struct member_facts f = facts(D(2000, 3, 1), MS_OFFICIAL, 1);
	f.ceremony_date = D(2000, 3, 20);
	struct member_timeline tl;
	struct diag_list dl;
	diag_init(&dl);
	assert_int_equal(member_replay(&f, NULL, 0, &res, D(2026, 11, 23), "m", "e", &tl, &dl), ERR_OK);
	assert_int_equal(tl.nspans, 1);
	/* no official_date: official when probation ends, ceremony + 12 months */
	assert_int_equal(tl.official_from, D(2001, 3, 20));
	assert_int_equal(member_status_at(&f, &tl, D(2001, 3, 19)), MS_PROBATIONARY);
	assert_int_equal(member_status_at(&f, &tl, D(2001, 3, 20)), MS_OFFICIAL);
	assert_int_equal(member_status_at(&f, &tl, D(2000, 2, 29)), MS__MAX);
	assert_int_equal(member_party_age_years(&f, &tl, D(2030, 2, 28)), 29);
	assert_int_equal(member_party_age_years(&f, &tl, D(2030, 3, 1)), 30);
	member_timeline_free(&tl);
	diag_free(&dl);
}

/* Party age across an expulsion and a re-admission: the years outside do
 * not count (QĐ 294-QĐ/TW §4.4). A restoration keeps it continuous. */
static void test_party_age_gaps(void **state)
{
	struct member_facts f = facts(D(1990, 1, 1), MS_OFFICIAL, 2);
	f.official_date = D(1991, 1, 1);
	struct member_event ev[] = {
		{D(2000, 1, 1), EV_EXPEL, 2, 0, NULL, 2},
		{D(2004, 1, 1), EV_READMIT, 2, 0, NULL, 3},
	};
	struct member_timeline tl;
	struct diag_list dl;
	diag_init(&dl);
	assert_int_equal(member_replay(&f, ev, 2, &res, D(2026, 1, 1), "m", "e", &tl, &dl), ERR_OK);
	assert_int_equal(tl.nspans, 2);
	assert_int_equal(tl.ngaps, 1);
	/* 1990-01-01 + 30 years + 4 years outside = 2024-01-01 (1461 days gap) */
	assert_int_equal(member_party_age_days(&f, &tl, D(2024, 1, 1)), D(2024, 1, 1) - D(1990, 1, 1) - 1461);
	assert_int_equal(member_party_age_years(&f, &tl, D(2023, 12, 31)), 29);
	assert_int_equal(member_party_age_years(&f, &tl, D(2024, 1, 1)), 30);
	assert_int_equal(member_status_at(&f, &tl, D(2002, 1, 1)), MS_EXPELLED);
	assert_null(member_span_at(&tl, D(2002, 1, 1)));
	member_timeline_free(&tl);

	ev[1].type = EV_RESTORE;
	assert_int_equal(member_replay(&f, ev, 2, &res, D(2026, 1, 1), "m", "e", &tl, &dl), ERR_OK);
	assert_int_equal(tl.ngaps, 0);
	assert_int_equal(member_party_age_years(&f, &tl, D(2020, 1, 1)), 30);
	member_timeline_free(&tl);
	diag_free(&dl);
}

/* Counted before an exit, not from its date; a first transfer_in starts
 * membership here that day. */
static void test_exit_and_transfer_in(void **state)
{
	struct member_facts f = facts(D(1980, 5, 5), MS_DEAD, 1);
	struct member_event ev[] = {
		{D(2015, 6, 1), EV_TRANSFER_IN, 2, 0, NULL, 2},
		{D(2018, 1, 1), EV_MOVE, 2, 1, NULL, 3},
		{D(2023, 10, 5), EV_DEATH, 1, 0, NULL, 4},
	};
	struct member_timeline tl;
	struct diag_list dl;
	diag_init(&dl);
	assert_int_equal(member_replay(&f, ev, 3, &res, D(2026, 1, 1), "m", "e", &tl, &dl), ERR_OK);
	assert_null(member_span_at(&tl, D(2015, 5, 31)));
	assert_int_equal(member_span_at(&tl, D(2015, 6, 1))->org, 2);
	assert_int_equal(member_span_at(&tl, D(2018, 1, 1))->org, 1);
	assert_non_null(member_span_at(&tl, D(2023, 10, 4)));
	assert_null(member_span_at(&tl, D(2023, 10, 5)));
	assert_int_equal(member_status_at(&f, &tl, D(2024, 1, 1)), MS_DEAD);
	/* party age still runs from the decision date: a member elsewhere before */
	assert_int_equal(member_party_age_years(&f, &tl, D(2020, 5, 5)), 40);
	member_timeline_free(&tl);
	diag_free(&dl);
}

/* A merged cell: its members follow it without an event. */
static void test_merge_followed(void **state)
{
	struct member_facts f = facts(D(2012, 1, 1), MS_OFFICIAL, 1);
	struct member_event ev[] = {{D(2015, 1, 1), EV_TEMP_OUT, 3, 0, NULL, 2},
				    {D(2016, 1, 1), EV_TEMP_BACK, 3, 0, NULL, 3}};
	struct member_timeline tl;
	struct diag_list dl;
	diag_init(&dl);
	assert_int_equal(member_replay(&f, ev, 2, &res, D(2026, 1, 1), "m", "e", &tl, &dl), ERR_OK);
	assert_int_equal(tl.final_org, 1);
	assert_int_equal(member_status_at(&f, &tl, D(2015, 6, 1)), MS_TEMP_OUT);
	assert_int_equal(member_status_at(&f, &tl, D(2016, 1, 1)), MS_OFFICIAL);
	member_timeline_free(&tl);
	diag_free(&dl);
}

static void test_inconsistent(void **state)
{
	struct member_timeline tl;
	struct diag_list dl;
	diag_init(&dl);
	/* the events end in C2, members.csv says C1 */
	struct member_facts f = facts(D(2000, 1, 1), MS_OFFICIAL, 1);
	struct member_event mv = {D(2005, 1, 1), EV_MOVE, 1, 2, NULL, 7};
	assert_int_equal(member_replay(&f, &mv, 1, &res, D(2026, 1, 1), "m.csv", "e.csv", &tl, &dl), ERR_INPUT);
	assert_int_equal(dl.n, 1);
	assert_string_equal(dl.v[0].column, "org_code");
	assert_non_null(strstr(dl.v[0].msg, "the events end in C2, but org_code is C1"));
	member_timeline_free(&tl);
	diag_free(&dl);

	/* an event in an organization the member is not in */
	diag_init(&dl);
	struct member_event d[] = {{D(2005, 1, 1), EV_MOVE, 1, 2, NULL, 8}, {D(2006, 1, 1), EV_DEATH, 1, 0, NULL, 9}};
	f.status = MS_DEAD;
	assert_int_equal(member_replay(&f, d, 2, &res, D(2026, 1, 1), "m.csv", "e.csv", &tl, &dl), ERR_INPUT);
	assert_string_equal(dl.v[0].file, "e.csv");
	assert_int_equal(dl.v[0].line, 9);
	assert_non_null(strstr(dl.v[0].msg, "the member is in C2 on that date"));
	member_timeline_free(&tl);
	diag_free(&dl);

	/* a move into an organization that did not exist that day */
	diag_init(&dl);
	f.status = MS_OFFICIAL;
	f.org = 1;
	struct member_event m3[] = {{D(2021, 1, 1), EV_MOVE, 1, 3, NULL, 4}};
	assert_int_equal(member_replay(&f, m3, 1, &res, D(2026, 1, 1), "m.csv", "e.csv", &tl, &dl), ERR_INPUT);
	assert_string_equal(dl.v[0].column, "to_org_code");
	assert_non_null(strstr(dl.v[0].msg, "organization C3 did not exist on that date"));
	member_timeline_free(&tl);
	diag_free(&dl);

	/* an exit while not a member, and the final status */
	diag_init(&dl);
	struct member_event two[] = {{D(2001, 1, 1), EV_LEAVE, 0, 0, NULL, 2}, {D(2002, 1, 1), EV_DEATH, 0, 0, NULL, 3}};
	f.status = MS_DEAD;
	assert_int_equal(member_replay(&f, two, 2, &res, D(2026, 1, 1), "m.csv", "e.csv", &tl, &dl), ERR_INPUT);
	assert_int_equal(dl.v[0].line, 3);
	assert_non_null(strstr(dl.v[0].msg, "not a member on that date"));
	member_timeline_free(&tl);
	diag_free(&dl);
}

/* One recognition per probation; a re-admission starts a new probation
 * (QĐ 294-QĐ/TW §3.5, §4.2). */
static void test_recognize_once(void **state)
{
	struct member_facts f = facts(D(2010, 1, 1), MS_OFFICIAL, 1);
	struct member_event ev[] = {
		{D(2011, 1, 1), EV_RECOGNIZE, 0, 0, NULL, 2},
		{D(2012, 1, 1), EV_RECOGNIZE, 0, 0, NULL, 3},
	};
	struct member_timeline tl;
	struct diag_list dl;
	diag_init(&dl);
	assert_int_equal(member_replay(&f, ev, 2, &res, D(2026, 1, 1), "m", "e", &tl, &dl), ERR_INPUT);
	assert_int_equal(dl.v[0].line, 3);
	assert_non_null(strstr(dl.v[0].msg, "recognized already"));
	member_timeline_free(&tl);
	diag_free(&dl);
	diag_init(&dl);
	struct member_event again[] = {
		{D(2011, 1, 1), EV_RECOGNIZE, 0, 0, NULL, 2},
		{D(2015, 1, 1), EV_LEAVE, 0, 0, NULL, 3},
		{D(2019, 1, 1), EV_READMIT, 1, 0, NULL, 4},
		{D(2020, 1, 1), EV_RECOGNIZE, 0, 0, NULL, 5},
	};
	assert_int_equal(member_replay(&f, again, 4, &res, D(2026, 1, 1), "m", "e", &tl, &dl), ERR_OK);
	member_timeline_free(&tl);
	diag_free(&dl);
}

/* A probationary member removed without an official date was never
 * official (contract §2: probationary until official_date). */
static void test_removed_probationary(void **state)
{
	struct member_facts f = facts(D(2020, 1, 1), MS_REMOVED, 1);
	f.ceremony_date = D(2020, 1, 10);
	struct member_event ev[] = {{D(2021, 6, 1), EV_REMOVE, 1, 0, NULL, 2}};
	struct member_timeline tl;
	struct diag_list dl;
	diag_init(&dl);
	assert_int_equal(member_replay(&f, ev, 1, &res, D(2026, 1, 1), "m", "e", &tl, &dl), ERR_OK);
	assert_int_equal(tl.official_from, DATE_NONE);
	assert_int_equal(member_status_at(&f, &tl, D(2021, 5, 1)), MS_PROBATIONARY);
	member_timeline_free(&tl);
	/* with a recognize event, official from that day */
	struct member_event ev2[] = {{D(2021, 1, 10), EV_RECOGNIZE, 0, 0, NULL, 2}, {D(2023, 6, 1), EV_LEAVE, 1, 0, NULL, 3}};
	f.status = MS_LEFT;
	assert_int_equal(member_replay(&f, ev2, 2, &res, D(2026, 1, 1), "m", "e", &tl, &dl), ERR_OK);
	assert_int_equal(tl.official_from, D(2021, 1, 10));
	member_timeline_free(&tl);
	diag_free(&dl);
}

static void test_names(void **state)
{
	for (int i = 0; i < EV__MAX; i++) {
		enum event_type t;
		assert_true(event_type_parse(event_type_name((enum event_type)i), &t));
		assert_int_equal(t, i);
	}
	for (int i = 0; i < MS__MAX; i++) {
		enum member_status s;
		assert_true(member_status_parse(member_status_name((enum member_status)i), &s));
		assert_int_equal(s, i);
	}
	assert_true(event_type_is_exit(EV_DEATH));
	assert_false(event_type_is_exit(EV_MOVE));
	assert_int_equal(event_exit_status(EV_TRANSFER_OUT), MS_TRANSFERRED_OUT);
	/* probation from a 29/02 ceremony ends on 28/02 (QĐ 294-QĐ/TW §4.2.2) */
	struct member_facts f = facts(D(2024, 2, 20), MS_PROBATIONARY, 1);
	f.ceremony_date = D(2024, 2, 29);
	assert_int_equal(member_probation_end(&f), D(2025, 2, 28));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_party_age_gaps),
		cmocka_unit_test(test_exit_and_transfer_in),
		cmocka_unit_test(test_merge_followed),
		cmocka_unit_test(test_inconsistent),
		cmocka_unit_test(test_recognize_once),
		cmocka_unit_test(test_removed_probationary),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
