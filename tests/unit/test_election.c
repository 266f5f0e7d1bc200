/* Unit tests for the election count (domain/election.h), each citing the
 * rule it checks. */
#include "harness.h"

#include <stdio.h>
#include <string.h>

#include "core/diag.h"
#include "domain/election.h"

/* A round of kind with seats and n candidates c1..cn, nobody excluded. */
static void round_new(struct election_round *r, enum election_kind kind, int64_t seats, int64_t convened, int n)
{
	election_round_init(r);
	r->kind = kind;
	r->seats = seats;
	r->convened = convened;
	for (int i = 0; i < n; i++) {
		char id[16], name[32];
		snprintf(id, sizeof(id), "c%d", i + 1);
		snprintf(name, sizeof(name), "Ứng viên %d", i + 1);
		election_add_candidate(r, id, name, -1);
	}
	election_index(r);
}

/* Paper totals: every ballot returned and valid, votes per candidate. */
static void paper(struct election_round *r, int64_t valid, const int64_t *votes)
{
	election_use_counts(r);
	r->issued = valid;
	r->counts.returned = valid;
	r->counts.valid = valid;
	for (size_t i = 0; i < r->n_cand; i++)
		r->counts.votes[i] = votes[i];
}

/* Counts r and expects success. */
static void count_ok(struct election_round *r, struct election_result *res)
{
	struct diag_list dl;
	diag_init(&dl);
	enum err e = election_count(r, NULL, res, &dl, NULL);
	if (e)
		diag_print(&dl, stderr);
	assert_int_equal(e, ERR_OK);
	assert_int_equal(diag_count(&dl), 0);
	diag_free(&dl);
}

/* Counts r, expects ERR_INPUT with a problem at path whose message has want. */
static void count_bad(struct election_round *r, const char *path, const char *want)
{
	struct diag_list dl;
	struct election_result res;
	diag_init(&dl);
	assert_int_equal(election_count(r, NULL, &res, &dl, "f.json"), ERR_INPUT);
	bool found = false;
	for (size_t i = 0; i < dl.n; i++)
		found |= strcmp(dl.v[i].column, path) == 0 && strstr(dl.v[i].msg, want) != NULL;
	if (!found)
		diag_print(&dl, stderr);
	assert_true(found);
	assert_null(res.cand);
	assert_int_equal(res.n_elected, 0);
	election_result_free(&res);
	diag_free(&dl);
}

/* QĐ 190-QĐ/TW Điều 30; the Party's worked example: 11 official members, one
 * absent with an accepted reason, base 10: 5 votes is not elected, 6 is. */
static void test_worked_example(void **state)
{
	struct election_round r;
	struct election_result res;
	round_new(&r, ELECTION_SECRETARY, 1, 11, 1);
	r.excluded[EXCL_EXCUSED_ABSENT] = 1;
	paper(&r, 10, (int64_t[]){5});
	count_ok(&r, &res);
	assert_int_equal(res.base, 10);
	assert_int_equal(res.threshold, 6);
	assert_false(res.cand[0].elected);
	assert_false(res.cand[0].passes);
	assert_int_equal(res.cand[0].pct100, 5000);
	assert_int_equal(res.unfilled, 1);
	assert_int_equal(res.next, NEXT_FURTHER_ROUND);
	election_result_free(&res);
	r.counts.votes[0] = 6;
	count_ok(&r, &res);
	assert_true(res.cand[0].elected);
	assert_int_equal(res.cand[0].as, SEAT_MEMBER);
	assert_int_equal(res.n_elected, 1);
	assert_int_equal(res.unfilled, 0);
	assert_int_equal(res.next, NEXT_NONE);
	election_result_free(&res);
	election_round_free(&r);
}

/* QĐ 190-QĐ/TW Điều 30: 2·votes > base, on an odd and an even base. */
static void test_threshold_odd_even(void **state)
{
	static const struct {
		int64_t base, votes;
		bool elected;
	} cases[] = {
		{10, 5, false}, {10, 6, true}, {11, 5, false}, {11, 6, true}, {1, 1, true}, {1, 0, false},
		{2, 1, false}, {2, 2, true}, {3, 2, true}, {99, 49, false}, {99, 50, true}, {100, 50, false},
		{100, 51, true},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct election_round r;
		struct election_result res;
		round_new(&r, ELECTION_SECRETARY, 1, cases[i].base, 1);
		paper(&r, cases[i].base, (int64_t[]){cases[i].votes});
		count_ok(&r, &res);
		assert_int_equal(res.threshold, cases[i].base / 2 + 1);
		assert_int_equal(res.cand[0].elected, cases[i].elected);
		election_result_free(&res);
		election_round_free(&r);
	}
}

/* Percent of the base ×100, rounded half away from zero, integers only. */
static void test_percent(void **state)
{
	static const struct {
		int64_t base, votes, pct100;
	} cases[] = {
		{8, 1, 1250}, {3, 2, 6667}, {6, 1, 1667}, {200, 1, 50}, {800, 1, 13}, {1600, 1, 6},
		{11, 6, 5455}, {9, 9, 10000}, {7, 0, 0},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct election_round r;
		struct election_result res;
		round_new(&r, ELECTION_SECRETARY, 1, cases[i].base, 1);
		paper(&r, cases[i].base, (int64_t[]){cases[i].votes});
		count_ok(&r, &res);
		assert_int_equal(res.cand[0].pct100, cases[i].pct100);
		election_result_free(&res);
		election_round_free(&r);
	}
}

/* QĐ 190-QĐ/TW Điều 14: seats + 30% rounded down, at least one more. */
static void test_surplus_ceiling(void **state)
{
	struct election_rules ru;
	election_rules_default(&ru);
	static const int64_t floor_[][2] = {{1, 2}, {3, 4}, {5, 6}, {7, 9}, {9, 11}, {10, 13}, {15, 19}, {55, 71}};
	for (size_t i = 0; i < sizeof(floor_) / sizeof(floor_[0]); i++)
		assert_int_equal(election_max_candidates(&ru, floor_[i][0]), floor_[i][1]);
	ru.rounding = SURPLUS_CEIL;
	assert_int_equal(election_max_candidates(&ru, 7), 10);
	ru.rounding = SURPLUS_HALF_UP;
	assert_int_equal(election_max_candidates(&ru, 5), 7);
	assert_int_equal(election_max_candidates(&ru, 7), 9);

	struct election_round r;
	round_new(&r, ELECTION_COMMITTEE, 9, 100, 12);
	r.issued = 0;
	count_bad(&r, "candidates", "QĐ 190-QĐ/TW Điều 14");
	election_round_free(&r);
	/* an opinion poll has no surplus ceiling */
	struct election_result res;
	round_new(&r, ELECTION_OPINION, 9, 100, 12);
	count_ok(&r, &res);
	election_result_free(&res);
	election_round_free(&r);
}

/* QĐ 190-QĐ/TW Điều 30: more passing than seats: the most votes win; a run
 * of equal votes across the last seat is a tie, left for a further round. */
static void test_tie_last_seat(void **state)
{
	struct election_round r;
	struct election_result res;
	round_new(&r, ELECTION_COMMITTEE, 3, 10, 4);
	paper(&r, 10, (int64_t[]){8, 6, 7, 6});
	count_ok(&r, &res);
	assert_int_equal(res.n_elected, 2);
	assert_int_equal(res.elected[0], 0);
	assert_int_equal(res.elected[1], 2);
	assert_int_equal(res.n_tie, 2);
	assert_int_equal(res.tie[0], 1);
	assert_int_equal(res.tie[1], 3);
	assert_int_equal(res.tie_seats, 1);
	assert_int_equal(res.unfilled, 1);
	assert_true(res.cand[1].tied && res.cand[3].tied);
	assert_int_equal(res.cand[1].rank, 3);
	assert_int_equal(res.cand[3].rank, 3);
	assert_int_equal(res.next, NEXT_FURTHER_ROUND);
	election_result_free(&res);
	/* equal votes inside the seats are no tie */
	r.counts.votes[1] = 7;
	r.counts.votes[3] = 2;
	count_ok(&r, &res);
	assert_int_equal(res.n_elected, 3);
	assert_int_equal(res.n_tie, 0);
	assert_int_equal(res.unfilled, 0);
	election_result_free(&res);
	/* a tie below the threshold is no tie: those seats are simply unfilled */
	r.counts.votes[1] = 5;
	r.counts.votes[3] = 5;
	count_ok(&r, &res);
	assert_int_equal(res.n_elected, 2);
	assert_int_equal(res.n_tie, 0);
	assert_int_equal(res.unfilled, 1);
	election_result_free(&res);
	election_round_free(&r);
}

/* QĐ 294-QĐ/TW §11.4: delegates first, then alternates; among alternates
 * with equal votes the higher party age is promoted first. A ballot elects
 * at most the official seats, so the votes of a round are at most
 * 3 × the valid ballots here. */
static void test_delegates(void **state)
{
	struct election_round r;
	struct election_result res;
	election_round_init(&r);
	r.kind = ELECTION_DELEGATES;
	r.congress = CONGRESS_DELEGATES;
	r.seats = 3;
	r.alternates = 2;
	r.convened = 20;
	static const int64_t ages[] = {1000, 2000, 3000, 4000, 5000, 6000};
	for (int i = 0; i < 6; i++) {
		char id[8];
		snprintf(id, sizeof(id), "d%d", i + 1);
		election_add_candidate(&r, id, id, ages[i]);
	}
	election_index(&r);
	paper(&r, 20, (int64_t[]){13, 12, 11, 11, 12, 1});
	count_ok(&r, &res);
	assert_int_equal(res.cand[0].as, SEAT_DELEGATE);
	assert_int_equal(res.cand[1].as, SEAT_DELEGATE);
	assert_int_equal(res.cand[4].as, SEAT_DELEGATE);
	assert_int_equal(res.cand[2].as, SEAT_ALTERNATE);
	assert_int_equal(res.cand[3].as, SEAT_ALTERNATE);
	assert_int_equal(res.cand[3].promotion, 1); /* older in the Party */
	assert_int_equal(res.cand[2].promotion, 2);
	assert_false(res.cand[5].elected);
	assert_int_equal(res.n_elected, 5);
	assert_int_equal(res.elected[0], 0);
	assert_int_equal(res.elected[1], 1);
	assert_int_equal(res.elected[2], 4);
	assert_int_equal(res.elected[3], 3);
	assert_int_equal(res.elected[4], 2);
	assert_int_equal(res.unfilled, 0);
	assert_int_equal(res.unfilled_alternates, 0);
	assert_int_equal(res.next, NEXT_NONE);
	election_result_free(&res);

	/* unknown party age: the promotion order is not decided */
	r.cand[2].party_age_days = -1;
	count_ok(&r, &res);
	assert_int_equal(res.cand[2].promotion, res.cand[3].promotion);
	election_result_free(&res);

	/* a tie across the last delegate seat: nobody in it is placed */
	paper(&r, 20, (int64_t[]){13, 11, 11, 11, 12, 1});
	count_ok(&r, &res);
	assert_int_equal(res.cand[0].as, SEAT_DELEGATE);
	assert_int_equal(res.cand[4].as, SEAT_DELEGATE);
	assert_int_equal(res.n_tie, 3);
	assert_int_equal(res.tie_seats, 3);
	assert_int_equal(res.unfilled, 1);
	assert_int_equal(res.unfilled_alternates, 2);
	election_result_free(&res);

	/* fewer passing than alternate places: alternates unfilled */
	paper(&r, 20, (int64_t[]){13, 12, 12, 10, 10, 3});
	count_ok(&r, &res);
	assert_int_equal(res.n_elected, 3);
	assert_int_equal(res.unfilled, 0);
	assert_int_equal(res.unfilled_alternates, 2);
	assert_int_equal(res.next, NEXT_FURTHER_ROUND);
	election_result_free(&res);

	election_round_free(&r);

	/* a round for alternates only: a ballot elects at most the alternates */
	round_new(&r, ELECTION_DELEGATES, 0, 20, 3);
	r.congress = CONGRESS_DELEGATES;
	r.alternates = 2;
	paper(&r, 20, (int64_t[]){13, 12, 15});
	count_ok(&r, &res);
	assert_int_equal(res.n_elected, 2);
	assert_int_equal(res.cand[0].as, SEAT_ALTERNATE);
	assert_int_equal(res.cand[2].as, SEAT_ALTERNATE);
	assert_int_equal(res.elected[0], 2);
	assert_int_equal(res.n_tie, 0);
	election_result_free(&res);
	election_round_free(&r);
}

/* QĐ 190-QĐ/TW Điều 15: ballot validity, kept and struck lists alike. */
static void test_ballots(void **state)
{
	struct election_round r;
	struct election_result res;
	round_new(&r, ELECTION_COMMITTEE, 2, 10, 3);
	r.issued = 8;
	election_add_ballot(&r, BALLOT_KEPT, 0);
	election_ballot_add(&r, 0, MARK_YES);
	election_ballot_add(&r, 1, MARK_YES); /* valid: c1 c2 */
	election_add_ballot(&r, BALLOT_STRUCK, 0);
	election_ballot_add(&r, 2, MARK_YES); /* valid: c1 c2 */
	election_add_ballot(&r, BALLOT_STRUCK, 0);
	election_ballot_add(&r, 0, MARK_YES);
	election_ballot_add(&r, 2, MARK_YES); /* valid: c2 */
	election_add_ballot(&r, BALLOT_STRUCK, 0); /* keeps 3 of 2: over_seats */
	election_add_ballot(&r, BALLOT_KEPT, 0); /* keeps none: all_struck */
	election_add_ballot(&r, BALLOT_INVALID, INVALID_WRITE_IN);
	count_ok(&r, &res);
	assert_int_equal(res.returned, 6);
	assert_int_equal(res.valid, 3);
	assert_int_equal(res.invalid, 3);
	assert_int_equal(res.invalid_by[INVALID_OVER_SEATS], 1);
	assert_int_equal(res.invalid_by[INVALID_ALL_STRUCK], 1);
	assert_int_equal(res.invalid_by[INVALID_WRITE_IN], 1);
	assert_int_equal(res.cand[0].votes, 2);
	assert_int_equal(res.cand[1].votes, 3);
	assert_int_equal(res.cand[2].votes, 0);
	election_result_free(&res);

	/* the same name twice on one ballot, and a name not on the list */
	election_add_ballot(&r, BALLOT_KEPT, 0);
	election_ballot_add(&r, 1, MARK_YES);
	election_ballot_add(&r, 1, MARK_YES);
	count_bad(&r, "ballots[6].kept[1]", "named twice");
	election_add_ballot(&r, BALLOT_KEPT, 0);
	election_ballot_add(&r, 7, MARK_YES);
	count_bad(&r, "ballots[7].kept[0]", "not a candidate");
	/* more ballots than issued */
	r.issued = 7;
	count_bad(&r, "ballots", "only 7 were issued");
	election_round_free(&r);
}

/* QĐ 190-QĐ/TW Điều 15: a yes/no ballot (no surplus): both boxes or neither
 * on a line counts for nobody; a single name needs exactly one box; yes/no
 * ballots are refused on a list with a surplus. */
static void test_marks(void **state)
{
	struct election_round r;
	struct election_result res;
	round_new(&r, ELECTION_DEPUTY, 2, 5, 2);
	r.issued = 3;
	election_add_ballot(&r, BALLOT_MARKS, 0);
	election_ballot_add(&r, 0, MARK_BOTH);
	election_ballot_add(&r, 1, MARK_YES);
	election_add_ballot(&r, BALLOT_MARKS, 0);
	election_ballot_add(&r, 0, MARK_NO);
	election_add_ballot(&r, BALLOT_MARKS, 0);
	election_ballot_add(&r, 0, MARK_YES);
	election_ballot_add(&r, 1, MARK_NONE);
	count_ok(&r, &res);
	assert_true(res.has_marks);
	assert_int_equal(res.valid, 3);
	assert_int_equal(res.cand[0].votes, 1);
	assert_int_equal(res.cand[0].against, 1);
	assert_int_equal(res.cand[0].not_counted, 1);
	assert_int_equal(res.cand[1].votes, 1);
	assert_int_equal(res.cand[1].not_counted, 2);
	election_result_free(&res);
	election_round_free(&r);

	round_new(&r, ELECTION_SECRETARY, 1, 5, 1);
	r.issued = 4;
	static const enum ballot_mark m[] = {MARK_YES, MARK_NO, MARK_BOTH, MARK_NONE};
	for (int i = 0; i < 4; i++) {
		election_add_ballot(&r, BALLOT_MARKS, 0);
		election_ballot_add(&r, 0, m[i]);
	}
	count_ok(&r, &res);
	assert_int_equal(res.valid, 2);
	assert_int_equal(res.invalid_by[INVALID_UNCLEAR_SINGLE], 2);
	election_result_free(&res);
	election_round_free(&r);

	round_new(&r, ELECTION_COMMITTEE, 2, 5, 3);
	r.issued = 1;
	election_add_ballot(&r, BALLOT_MARKS, 0);
	election_ballot_add(&r, 0, MARK_YES);
	count_bad(&r, "ballots[0]", "no surplus");
	election_round_free(&r);
}

/* Paper totals: issued >= returned = valid + invalid; no name above the
 * valid ballots; no more votes than valid ballots can give. */
static void test_paper_arithmetic(void **state)
{
	struct election_round r;
	round_new(&r, ELECTION_COMMITTEE, 2, 20, 3);
	paper(&r, 10, (int64_t[]){10, 5, 5});
	r.counts.returned = 11;
	count_bad(&r, "counts.returned", "only 10 were issued");
	count_bad(&r, "counts", "not the 11 ballots returned");
	r.counts.returned = 10;
	r.counts.votes[1] = 11;
	count_bad(&r, "counts.votes.c2", "more than the 10 valid ballots");
	r.counts.votes[1] = 10;
	r.counts.votes[2] = 10;
	count_bad(&r, "counts.votes", "30 votes in all");
	r.counts.votes[2] = -1;
	count_bad(&r, "counts.votes", "no count for candidate c3");
	election_round_free(&r);
}

/* QĐ 190-QĐ/TW Điều 30: each exclusion at its kind of congress; a base
 * left; no more ballots than voters in the base. */
static void test_base(void **state)
{
	struct election_round r;
	round_new(&r, ELECTION_COMMITTEE, 1, 10, 2);
	paper(&r, 5, (int64_t[]){3, 2});
	r.excluded[EXCL_COMMITTEE_ABSENT] = 1;
	count_bad(&r, "excluded.committee_absent", "delegates' congress");
	r.excluded[EXCL_COMMITTEE_ABSENT] = 0;
	r.excluded[EXCL_SUSPENDED] = 10;
	count_bad(&r, "excluded", "leave no base");
	r.excluded[EXCL_SUSPENDED] = 6;
	count_bad(&r, "ballots_issued", "only 4 voters");
	r.congress = CONGRESS_DELEGATES;
	r.excluded[EXCL_SUSPENDED] = 0;
	r.excluded[EXCL_EXCUSED_ABSENT] = 1;
	count_bad(&r, "excluded.excused_absent", "members' congress");
	election_round_free(&r);
}

/* QĐ 294-QĐ/TW §23: a chi bộ elects a chi ủy of at most 7 only with 9 or
 * more official members, one deputy; QĐ 294-QĐ/TW §14.2: a standing
 * committee is at most a third of the committee. */
static void test_cell_and_standing(void **state)
{
	struct election_round r;
	struct election_result res;
	round_new(&r, ELECTION_COMMITTEE, 7, 8, 8);
	r.has_org_kind = true;
	r.org_kind = ORG_CELL;
	count_bad(&r, "convened", "fewer than 9 official members");
	r.convened = 9;
	count_ok(&r, &res);
	election_result_free(&res);
	r.seats = 8;
	count_bad(&r, "seats", "at most 7");
	r.org_kind = ORG_BASE_COMMITTEE;
	count_ok(&r, &res);
	election_result_free(&res);
	r.kind = ELECTION_DEPUTY;
	r.seats = 2;
	r.org_kind = ORG_BASE_CELL;
	count_bad(&r, "seats", "a deputy secretary of at most 1");
	r.kind = ELECTION_STANDING;
	count_bad(&r, "election", "does not elect a standing committee");
	election_round_free(&r);

	round_new(&r, ELECTION_STANDING, 4, 11, 5);
	r.committee_size = 11;
	count_bad(&r, "seats", "QĐ 294-QĐ/TW §14.2");
	r.committee_size = 12;
	count_ok(&r, &res);
	election_result_free(&res);
	r.kind = ELECTION_SECRETARY;
	r.seats = 2;
	count_bad(&r, "seats", "at most 1 seat");
	r.kind = ELECTION_COMMITTEE;
	r.alternates = 1;
	count_bad(&r, "alternates", "only with delegates");
	election_round_free(&r);
}

/* QĐ 294-QĐ/TW §23.3: a chi bộ secretary not elected in the third round is
 * appointed by the upper level; elsewhere, or earlier, a further round. */
static void test_secretary_round3(void **state)
{
	struct election_round r;
	struct election_result res;
	round_new(&r, ELECTION_SECRETARY, 1, 7, 1);
	paper(&r, 7, (int64_t[]){3});
	r.round = 3;
	r.has_org_kind = true;
	r.org_kind = ORG_CELL;
	count_ok(&r, &res);
	assert_int_equal(res.next, NEXT_APPOINTMENT);
	election_result_free(&res);
	r.round = 2;
	count_ok(&r, &res);
	assert_int_equal(res.next, NEXT_FURTHER_ROUND);
	election_result_free(&res);
	r.round = 3;
	r.org_kind = ORG_BASE_COMMITTEE;
	count_ok(&r, &res);
	assert_int_equal(res.next, NEXT_FURTHER_ROUND);
	election_result_free(&res);
	r.org_kind = ORG_CELL;
	r.round = 4;
	count_bad(&r, "round", "§23.3");
	election_round_free(&r);
}

static void test_names(void **state)
{
	enum election_kind k;
	enum invalid_reason why;
	enum election_exclusion x;
	for (int i = 0; i < ELECTION__MAX; i++) {
		assert_true(election_kind_parse(election_kind_name((enum election_kind)i), &k));
		assert_int_equal(k, i);
	}
	for (int i = 0; i < EXCL__MAX; i++) {
		assert_true(exclusion_parse(exclusion_name((enum election_exclusion)i), &x));
		assert_int_equal(x, i);
		assert_non_null(exclusion_label(x));
	}
	assert_true(invalid_reason_parse_face("write_in", &why));
	assert_int_equal(why, INVALID_WRITE_IN);
	assert_false(invalid_reason_parse_face("over_seats", &why)); /* found by the count, not given */
	assert_false(election_kind_parse("Committee", &k));
	assert_null(election_kind_name(ELECTION__MAX));

	struct election_round r;
	round_new(&r, ELECTION_COMMITTEE, 1, 1, 3);
	assert_int_equal(election_find(&r, "c2"), 1);
	assert_int_equal(election_find(&r, "c4"), -1);
	election_add_candidate(&r, "c2", "again", -1);
	election_index(&r);
	assert_int_equal(election_find(&r, "c2"), 1);
	count_bad(&r, "candidates[3].id", "also candidates[1]");
	election_round_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_worked_example),
		cmocka_unit_test(test_threshold_odd_even),
		cmocka_unit_test(test_percent),
		cmocka_unit_test(test_surplus_ceiling),
		cmocka_unit_test(test_tie_last_seat),
		cmocka_unit_test(test_delegates),
		cmocka_unit_test(test_ballots),
		cmocka_unit_test(test_marks),
		cmocka_unit_test(test_paper_arithmetic),
		cmocka_unit_test(test_base),
		cmocka_unit_test(test_cell_and_standing),
		cmocka_unit_test(test_secretary_round3),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
