/* Unit tests of the lifecycle rules (src/domain/rulebook, lifecycle,
 * applicant, badge, card). Each golden case cites the rule it checks; the
 * refusals are checked for the citation of the text in force on the day
 * (QĐ 294-QĐ/TW from 01/7/2025, QĐ 24-QĐ/TW before). Working days use the
 * shipped calendar (Tết 2026: 14/02-22/02). */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/diag.h"
#include "core/embed.h"
#include "core/workday.h"
#include "domain/applicant.h"
#include "domain/badge.h"
#include "domain/card.h"
#include "domain/lifecycle.h"
#include "domain/rulebook.h"

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

/* The first problem's message contains want. */
static void assert_refused(struct diag_list *dl, const char *want)
{
	assert_true(diag_count(dl) > 0);
	if (!strstr(dl->v[0].msg, want))
		fail_msg("'%s' not in '%s'", want, dl->v[0].msg);
}

/* ---- the rule book ---- */

static void test_rulebook_versions(void **state)
{
	(void)state;
	/* every rule has a version and a key, and keys are unique */
	for (int i = 0; i < RULE__MAX; i++) {
		assert_non_null(rule_info((enum rule_id)i)->key);
		assert_non_null(rule_at((enum rule_id)i, D("2026-01-01")));
		enum rule_id back;
		assert_true(rule_find(rule_info((enum rule_id)i)->key, &back));
		assert_int_equal(back, i);
	}
	/* QĐ 294-QĐ/TW is in force from 01/7/2025, QĐ 24-QĐ/TW the day before */
	assert_string_equal(rule_cite(RULE_DECISION_DAYS, D("2025-07-01")), "QĐ 294-QĐ/TW §4.3.1");
	assert_string_equal(rule_cite(RULE_DECISION_DAYS, D("2025-06-30")), "QĐ 24-QĐ/TW §4.3.1");
	assert_non_null(strstr(rule_at(RULE_DECISION_DAYS, D("2025-06-30"))->note, "not established"));
	/* the card rule: QĐ 347-QĐ/TW from 02/9/2025 */
	assert_non_null(strstr(rule_cite(RULE_CARD_ID, D("2025-09-02")), "QĐ 347-QĐ/TW"));
	assert_null(strstr(rule_cite(RULE_CARD_ID, D("2025-09-01")), "QĐ 347-QĐ/TW"));
	/* settings override configurable rules only */
	struct rule_settings rs = {0};
	rs.set[RULE_NOT_ARRIVED_MONTHS] = true, rs.value[RULE_NOT_ARRIVED_MONTHS] = 6;
	rs.set[RULE_DECISION_DAYS] = true, rs.value[RULE_DECISION_DAYS] = 99;
	assert_int_equal(rule_value(&rs, RULE_NOT_ARRIVED_MONTHS, D("2026-01-01")), 6);
	assert_int_equal(rule_value(&rs, RULE_DECISION_DAYS, D("2026-01-01")), 45);
	char why[160];
	assert_false(rule_setting_valid(RULE_DECISION_DAYS, 50, why, sizeof(why)));
	assert_non_null(strstr(why, "QĐ 294-QĐ/TW"));
	assert_true(rule_setting_valid(RULE_BADGE_BATCHING, 1, why, sizeof(why)));
	assert_false(rule_setting_valid(RULE_BADGE_BATCHING, 2, why, sizeof(why)));
}

/* HD 06-HD/TW §3.6-3.7: >= 2/3 of the chi bộ and of the committee, > 1/2 of
 * the standing committee; integer arithmetic. */
static void test_votes(void **state)
{
	(void)state;
	date_t d = D("2026-03-01");
	assert_true(rule_share_passes(RULE_VOTE_CELL, d, 6, 9));
	assert_false(rule_share_passes(RULE_VOTE_CELL, d, 5, 9));
	assert_true(rule_share_passes(RULE_VOTE_CELL, d, 2, 3));
	assert_false(rule_share_passes(RULE_VOTE_STANDING, d, 5, 10));
	assert_true(rule_share_passes(RULE_VOTE_STANDING, d, 6, 11));
	assert_false(rule_share_passes(RULE_VOTE_CELL, d, 10, 9));
	struct diag_list dl;
	diag_init(&dl);
	assert_false(lc_check_vote(RULE_VOTE_CELL, d, 5, 9, "votes", &dl));
	assert_refused(&dl, "HD 06-HD/TW §3.6");
	assert_refused(&dl, "5 of 9 in favour does not reach at least 2/3");
	diag_free(&dl);
}

/* QĐ 294-QĐ/TW §1.1: 18 to 60 years counted in months on the day the chi
 * bộ considers the case. */
static void test_age(void **state)
{
	(void)state;
	struct diag_list dl;
	diag_init(&dl);
	/* exactly 18 years 0 months */
	assert_true(lc_check_age(NULL, D("2008-03-15"), D("2026-03-15"), false, &dl));
	assert_false(lc_check_age(NULL, D("2008-03-15"), D("2026-03-14"), false, &dl));
	assert_refused(&dl, "QĐ 294-QĐ/TW §1.1");
	assert_refused(&dl, "17 years 11 months");
	diag_free(&dl);
	diag_init(&dl);
	/* before 01/7/2025 the older text is cited */
	assert_false(lc_check_age(NULL, D("2007-03-15"), D("2025-03-14"), false, &dl));
	assert_refused(&dl, "QĐ 24-QĐ/TW §1.1.1");
	diag_free(&dl);
	diag_init(&dl);
	/* born on 29 February: 18 years on 28 February of a common year */
	assert_true(lc_check_age(NULL, D("2008-02-29"), D("2026-02-28"), false, &dl));
	assert_false(lc_check_age(NULL, D("2008-02-29"), D("2026-02-27"), false, &dl));
	diag_free(&dl);
	diag_init(&dl);
	/* 60 years 0 months is allowed; one month more needs the consent */
	assert_true(lc_check_age(NULL, D("1966-03-15"), D("2026-03-15"), false, &dl));
	assert_false(lc_check_age(NULL, D("1966-03-15"), D("2026-04-15"), false, &dl));
	assert_refused(&dl, "--consent");
	assert_true(lc_check_age(NULL, D("1966-03-15"), D("2026-04-15"), true, &dl));
	diag_free(&dl);
}

/* QĐ 294-QĐ/TW §3.2.1: official members who worked or lived together 12 months. */
static void test_introducer(void **state)
{
	(void)state;
	struct diag_list dl;
	diag_init(&dl);
	assert_true(lc_check_introducer(NULL, D("2026-03-10"), true, D("2025-03-10"), "000001QN", &dl));
	assert_false(lc_check_introducer(NULL, D("2026-03-10"), true, D("2025-03-11"), "000001QN", &dl));
	assert_refused(&dl, "QĐ 294-QĐ/TW §3.2.1");
	diag_free(&dl);
	diag_init(&dl);
	assert_false(lc_check_introducer(NULL, D("2026-03-10"), false, D("2020-01-01"), "000004QN", &dl));
	assert_refused(&dl, "not an official member");
	diag_free(&dl);
}

/* QĐ 294-QĐ/TW §4.3.1 and §4.1: 45 working days to the decision, 30 to the
 * ceremony, across Tết 2026 (14/02-22/02 off). */
static void test_deadlines_tet(void **state)
{
	(void)state;
	const struct workday_cal *cal = workday_cal_default();
	/* resolution on Friday 06/02/2026: 45 working days skip the Tết week */
	assert_date(lc_deadline(NULL, cal, RULE_DECISION_DAYS, D("2026-02-06"), false), "2026-04-17");
	/* without a calendar (Monday to Friday only) it would be a week earlier */
	assert_date(lc_deadline(NULL, NULL, RULE_DECISION_DAYS, D("2026-02-06"), false), "2026-04-10");
	/* the special-case extension: 60 working days, over Giỗ Tổ (27/4) and 30/4-1/5 */
	assert_date(lc_deadline(NULL, cal, RULE_DECISION_DAYS, D("2026-02-06"), true), "2026-05-13");
	/* a decision on 10/02/2026: the ceremony by 31/03/2026 */
	assert_date(lc_deadline(NULL, cal, RULE_CEREMONY_DAYS, D("2026-02-10"), false), "2026-03-31");
	/* probation: 12 months from the ceremony; 29/02 clamps to 28/02 */
	assert_date(lc_probation_end(NULL, D("2024-02-29")), "2025-02-28");
	/* certificate valid 60 months (HD 06-HD/TW §5.4) */
	assert_date(lc_certificate_end(NULL, D("2021-05-31")), "2026-05-31");
}

/* QĐ 294-QĐ/TW §3.5: re-admission. */
static void test_readmission(void **state)
{
	(void)state;
	struct diag_list dl;
	diag_init(&dl);
	struct readmit_case c = {EV_EXPEL, D("2022-01-10"), -1, XR_OTHER, false, DATE_NONE};
	assert_true(lc_check_readmission(NULL, &c, D("2025-01-10"), &dl));
	assert_false(lc_check_readmission(NULL, &c, D("2025-01-09"), &dl));
	assert_refused(&dl, "QĐ 24-QĐ/TW §3.5");
	assert_refused(&dl, "36 months");
	diag_free(&dl);
	diag_init(&dl);
	/* once only */
	c.readmitted_before = true;
	assert_false(lc_check_readmission(NULL, &c, D("2026-01-10"), &dl));
	assert_refused(&dl, "QĐ 294-QĐ/TW §3.5: the person was re-admitted once already");
	diag_free(&dl);
	diag_init(&dl);
	/* never after corruption, abandoning activity, asking to leave */
	struct readmit_case k = {EV_EXPEL, D("2015-01-10"), -1, XR_CORRUPTION, false, DATE_NONE};
	assert_false(lc_check_readmission(NULL, &k, D("2026-01-10"), &dl));
	struct readmit_case r = {EV_REMOVE, D("2015-01-10"), RG_ABANDON, XR_NONE, false, DATE_NONE};
	assert_false(lc_check_readmission(NULL, &r, D("2026-01-10"), &dl));
	struct readmit_case l = {EV_LEAVE, D("2015-01-10"), -1, XR_NONE, false, DATE_NONE};
	assert_false(lc_check_readmission(NULL, &l, D("2026-01-10"), &dl));
	assert_int_equal(diag_count(&dl), 3);
	diag_free(&dl);
	diag_init(&dl);
	l.reason = XR_HARDSHIP;
	assert_true(lc_check_readmission(NULL, &l, D("2026-01-10"), &dl));
	/* 60 months after a cleared sentence */
	struct readmit_case s = {EV_EXPEL, D("2015-01-10"), -1, XR_LESS_SERIOUS_CRIME, false, D("2021-06-01")};
	assert_true(lc_check_readmission(NULL, &s, D("2026-06-01"), &dl));
	assert_false(lc_check_readmission(NULL, &s, D("2026-05-31"), &dl));
	assert_refused(&dl, "60 months after the record was cleared");
	diag_free(&dl);
	diag_init(&dl);
	/* dead and transferred-out people are not re-admitted */
	struct readmit_case dead = {EV_DEATH, D("2015-01-10"), -1, XR_NONE, false, DATE_NONE};
	assert_false(lc_check_readmission(NULL, &dead, D("2026-01-10"), &dl));
	diag_free(&dl);
}

/* QĐ 294-QĐ/TW §6.3.2: temporary transfers 3 months to under 1 year,
 * study 3 months to 2 years. */
static void test_temp_transfer(void **state)
{
	(void)state;
	struct diag_list dl;
	diag_init(&dl);
	assert_true(lc_check_temp(NULL, D("2026-01-15"), D("2026-04-15"), false, &dl));
	assert_false(lc_check_temp(NULL, D("2026-01-15"), D("2026-04-14"), false, &dl));
	assert_true(lc_check_temp(NULL, D("2026-01-15"), D("2027-01-14"), false, &dl));
	assert_false(lc_check_temp(NULL, D("2026-01-15"), D("2027-01-15"), false, &dl));
	assert_true(lc_check_temp(NULL, D("2026-01-15"), D("2028-01-15"), true, &dl));
	assert_false(lc_check_temp(NULL, D("2026-01-15"), D("2028-01-16"), true, &dl));
	assert_refused(&dl, "QĐ 294-QĐ/TW §6.3.2");
	diag_free(&dl);
	/* announced, not arrived: 3 months (configurable) */
	assert_date(lc_not_arrived_day(NULL, D("2025-11-30")), "2026-02-28");
	struct rule_settings rs = {0};
	rs.set[RULE_NOT_ARRIVED_MONTHS] = true, rs.value[RULE_NOT_ARRIVED_MONTHS] = 2;
	assert_date(lc_not_arrived_day(&rs, D("2025-11-30")), "2026-01-30");
}

/* QĐ 294-QĐ/TW §7; QĐ 296-QĐ/TW Điều 9; QĐ 294-QĐ/TW §8.1. */
static void test_exemption_discipline(void **state)
{
	(void)state;
	struct diag_list dl;
	diag_init(&dl);
	assert_true(lc_check_exemption(NULL, XM_AGE, D("2026-01-01"), DATE_NONE, &dl));
	assert_false(lc_check_exemption(NULL, XM_TREATMENT, D("2026-01-01"), DATE_NONE, &dl));
	assert_refused(&dl, "QĐ 294-QĐ/TW §7");
	assert_string_equal(exempt_decider(XM_AGE, ORG_CELL), "chi bộ");
	assert_string_equal(exempt_decider(XM_ABROAD, ORG_CELL), "đảng ủy cơ sở");
	diag_free(&dl);
	diag_init(&dl);
	enum discipline_form f;
	assert_true(discipline_form_parse("Khiển trách", &f));
	assert_int_equal(f, DF_REPRIMAND);
	assert_true(discipline_form_parse("canh cao", &f));
	assert_int_equal(f, DF_WARNING);
	assert_true(discipline_form_in_text("Kỷ luật cách chức, QĐ 12", &f));
	assert_int_equal(f, DF_DISMISSAL);
	assert_false(discipline_form_in_text("Huy hiệu 40 năm", &f));
	assert_false(lc_check_discipline(NULL, DF_EXPULSION, true, D("2026-01-01"), &dl));
	assert_refused(&dl, "QĐ 296-QĐ/TW");
	assert_true(lc_check_discipline(NULL, DF_WARNING, true, D("2026-01-01"), &dl));
	struct rule_settings rs = {0};
	rs.set[RULE_EXPEL_PROBATIONARY] = true, rs.value[RULE_EXPEL_PROBATIONARY] = 0;
	assert_true(lc_check_discipline(&rs, DF_EXPULSION, true, D("2026-01-01"), &dl));
	diag_free(&dl);
	enum removal_ground g;
	assert_true(removal_ground_parse("3", &g));
	assert_int_equal(g, RG_NO_PROGRESS);
	assert_true(removal_ground_parse("political", &g));
	assert_false(removal_ground_parse("6", &g));
}

/* ---- the admission pipeline ---- */

static void add(struct applicant_step_rec *v, size_t *n, enum applicant_step s, const char *date)
{
	v[*n] = (struct applicant_step_rec){.step = s, .date = D(date), .since = DATE_NONE};
	(*n)++;
}

/* QĐ 294-QĐ/TW §§1, 3, 4; HD 06-HD/TW §§3, 5. */
static void test_applicant_pipeline(void **state)
{
	(void)state;
	const struct workday_cal *cal = workday_cal_default();
	struct applicant_facts f = {D("2000-05-05"), D("2025-01-01"), false, true};
	struct applicant_step_rec v[16];
	size_t n = 0;
	add(v, &n, AS_COURSE, "2025-03-01");
	add(v, &n, AS_APPLICATION, "2025-09-01");
	struct diag_list dl;
	diag_init(&dl);
	/* a chi bộ vote with one introducer only is refused */
	add(v, &n, AS_INTRODUCER, "2025-09-10");
	struct applicant_step_rec s = {.step = AS_CELL_VOTE, .date = D("2026-02-06"), .votes_for = 9, .votes_base = 10};
	assert_false(applicant_check_step(NULL, cal, &f, v, n, &s, &dl));
	assert_refused(&dl, "Điều lệ Đảng Điều 4");
	diag_free(&dl);
	diag_init(&dl);
	add(v, &n, AS_UNION, "2025-09-12");
	/* a failed vote is recorded (not passed) */
	s = (struct applicant_step_rec){.step = AS_CELL_VOTE, .date = D("2026-01-30"), .votes_for = 6, .votes_base = 10};
	assert_true(applicant_check_step(NULL, cal, &f, v, n, &s, &dl));
	assert_false(s.flags & ASF_PASSED);
	v[n++] = s;
	s = (struct applicant_step_rec){.step = AS_CELL_VOTE, .date = D("2026-02-06"), .votes_for = 7, .votes_base = 10};
	assert_true(applicant_check_step(NULL, cal, &f, v, n, &s, &dl));
	assert_true(s.flags & ASF_PASSED);
	v[n++] = s;
	struct applicant_state st;
	applicant_state_eval(NULL, cal, &f, v, n, &st);
	assert_int_equal(st.next, AS_COMMITTEE_VOTE);
	assert_int_equal(st.failed_cell_votes, 1);
	/* the decision before the committee's resolution is refused */
	s = (struct applicant_step_rec){.step = AS_DECISION, .date = D("2026-03-02"), .votes_for = 6, .votes_base = 9};
	assert_false(applicant_check_step(NULL, cal, &f, v, n, &s, &dl));
	diag_free(&dl);
	diag_init(&dl);
	s = (struct applicant_step_rec){.step = AS_COMMITTEE_VOTE, .date = D("2026-02-24"), .votes_for = 10, .votes_base = 15};
	assert_true(applicant_check_step(NULL, cal, &f, v, n, &s, &dl));
	v[n++] = s;
	applicant_state_eval(NULL, cal, &f, v, n, &st);
	assert_int_equal(st.next, AS_DECISION);
	assert_date(st.deadline, "2026-04-17");
	/* a decision after 45 working days (across Tết) is refused... */
	s = (struct applicant_step_rec){.step = AS_DECISION, .date = D("2026-04-20"), .votes_for = 6, .votes_base = 9};
	assert_false(applicant_check_step(NULL, cal, &f, v, n, &s, &dl));
	assert_refused(&dl, "QĐ 294-QĐ/TW §4.3.1");
	assert_refused(&dl, "by 17/04/2026");
	diag_free(&dl);
	diag_init(&dl);
	/* ... unless the special case applies; and 5 of 10 is not more than half */
	s = (struct applicant_step_rec){.step = AS_DECISION, .date = D("2026-04-20"), .votes_for = 5, .votes_base = 10,
					.flags = ASF_EXTENDED};
	assert_false(applicant_check_step(NULL, cal, &f, v, n, &s, &dl));
	assert_refused(&dl, "HD 06-HD/TW §3.7");
	diag_free(&dl);
	diag_init(&dl);
	s.votes_for = 6;
	assert_true(applicant_check_step(NULL, cal, &f, v, n, &s, &dl));
	v[n++] = s;
	/* the ceremony within 30 working days of the decision */
	applicant_state_eval(NULL, cal, &f, v, n, &st);
	assert_int_equal(st.next, AS_CEREMONY);
	assert_date(st.deadline, "2026-06-04");
	s = (struct applicant_step_rec){.step = AS_CEREMONY, .date = D("2026-06-05")};
	assert_false(applicant_check_step(NULL, cal, &f, v, n, &s, &dl));
	assert_refused(&dl, "QĐ 294-QĐ/TW §4.1");
	diag_free(&dl);
	diag_init(&dl);
	s.flags = ASF_LATE_OK;
	assert_true(applicant_check_step(NULL, cal, &f, v, n, &s, &dl));
	diag_free(&dl);
}

/* HD 06-HD/TW §5.4: the certificate is valid 60 months; letters older than
 * 12 months are redone. QĐ 294-QĐ/TW §4.2.3: after 3 failed votes the upper
 * committee takes the case. */
static void test_applicant_dossier(void **state)
{
	(void)state;
	struct applicant_facts f = {D("1990-01-01"), D("2020-01-01"), false, false};
	struct applicant_step_rec v[16];
	size_t n = 0;
	add(v, &n, AS_COURSE, "2021-01-04");
	add(v, &n, AS_APPLICATION, "2025-09-01");
	add(v, &n, AS_INTRODUCER, "2024-12-20");
	add(v, &n, AS_INTRODUCER, "2025-09-10");
	v[2].person = "A", v[3].person = "B";
	struct diag_list dl;
	diag_init(&dl);
	struct applicant_step_rec s = {.step = AS_CELL_VOTE, .date = D("2026-01-05"), .votes_for = 3, .votes_base = 3};
	assert_false(applicant_check_step(NULL, NULL, &f, v, n, &s, &dl));
	/* both problems are listed */
	assert_int_equal(diag_count(&dl), 2);
	assert_refused(&dl, "HD 06-HD/TW §5.4: the certificate of 04/01/2021 was valid until 04/01/2026");
	assert_non_null(strstr(dl.v[1].msg, "older than 12 months"));
	diag_free(&dl);
	diag_init(&dl);
	v[2].date = D("2025-02-10");
	v[0].date = D("2021-01-05");
	s.date = D("2026-01-05");
	assert_true(applicant_check_step(NULL, NULL, &f, v, n, &s, &dl));
	/* three failed votes, then the case goes up */
	for (int i = 0; i < 3; i++) {
		s = (struct applicant_step_rec){.step = AS_CELL_VOTE, .date = D("2026-01-05"), .votes_for = 1, .votes_base = 3};
		assert_true(applicant_check_step(NULL, NULL, &f, v, n, &s, &dl));
		v[n++] = s;
	}
	s = (struct applicant_step_rec){.step = AS_CELL_VOTE, .date = D("2026-01-05"), .votes_for = 3, .votes_base = 3};
	assert_false(applicant_check_step(NULL, NULL, &f, v, n, &s, &dl));
	assert_refused(&dl, "QĐ 294-QĐ/TW §4.2.3");
	diag_free(&dl);
	/* a base cell has no committee vote */
	diag_init(&dl);
	s = (struct applicant_step_rec){.step = AS_COMMITTEE_VOTE, .date = D("2026-01-06"), .votes_for = 3, .votes_base = 3};
	assert_false(applicant_check_step(NULL, NULL, &f, v, n, &s, &dl));
	assert_refused(&dl, "base cell");
	diag_free(&dl);
}

/* ---- badges (QĐ 294-QĐ/TW §28; HD 06-HD/TW §18; HD 38-HD/BTCTW §III.1) ---- */

static void test_badge_dates(void **state)
{
	(void)state;
	assert_true(badge_is_award_date(D("2026-05-19")));
	assert_false(badge_is_award_date(D("2026-05-20")));
	assert_date(badge_next_award_date(D("2026-05-20")), "2026-09-02");
	assert_date(badge_next_award_date(D("2026-11-08")), "2027-02-03");
	assert_date(badge_next_award_date(D("2026-11-07")), "2026-11-07");
	assert_date(badge_prev_award_date(D("2026-02-03")), "2025-11-07");
	/* a milestone falling between two award dates: the next one (default),
	 * or Hà Nội's window (badge.batching 1) */
	assert_date(badge_batch_date(NULL, D("2026-05-25")), "2026-09-02");
	struct rule_settings hn = {0};
	hn.set[RULE_BADGE_BATCHING] = true, hn.value[RULE_BADGE_BATCHING] = 1;
	assert_date(badge_batch_date(&hn, D("2026-05-25")), "2026-05-19");
	assert_date(badge_batch_date(&hn, D("2026-12-15")), "2027-02-03");
	assert_date(badge_batch_date(&hn, D("2026-10-01")), "2026-11-07");
	assert_date(badge_batch_date(NULL, D("2026-06-15")), "2026-09-02");
	assert_date(badge_batch_date(&hn, D("2026-06-15")), "2026-09-02");
}

/* QĐ 294-QĐ/TW §4.4: party age across an expulsion and re-admission. */
static void test_badge_reach(void **state)
{
	(void)state;
	/* admitted 02/03/1985, expelled 01/01/2012, re-admitted 01/01/2016:
	 * 1461 days do not count, so 30 years fall on 02/03/2019, not 2015 */
	struct span gap = {D("2012-01-01"), D("2016-01-01"), 0};
	assert_date(badge_reach_day(D("1985-03-02"), NULL, 0, 0, 30), "2015-03-02");
	assert_date(badge_reach_day(D("1985-03-02"), &gap, 1, 0, 30), "2019-03-02");
	/* a gap after the milestone does not move it */
	assert_date(badge_reach_day(D("1985-03-02"), &gap, 1, 0, 20), "2005-03-02");
	/* days outside the Party recorded before a transfer in */
	assert_date(badge_reach_day(D("1985-03-02"), NULL, 0, 10, 40), "2025-03-12");
	/* admitted on 29/02: the anniversary in a common year is 28/02 */
	assert_date(badge_reach_day(D("1996-02-29"), NULL, 0, 0, 30), "2026-02-28");
}

static void test_badge_award(void **state)
{
	(void)state;
	struct diag_list dl;
	diag_init(&dl);
	struct badge_member m = {D("2026-05-25"), true, DATE_NONE, DATE_NONE, false};
	/* normal: the batch of 02/9/2026, not 19/5 */
	assert_false(badge_check_award(NULL, 30, D("2026-05-19"), BH_NORMAL, &m, &dl));
	assert_refused(&dl, "is given on 02/09/2026");
	assert_true(badge_check_award(NULL, 30, D("2026-09-02"), BH_NORMAL, &m, &dl));
	/* later batches still may award it */
	assert_true(badge_check_award(NULL, 30, D("2026-11-07"), BH_NORMAL, &m, &dl));
	/* early for serious illness: at most 12 months (30-65), 24 (70-90) */
	assert_true(badge_check_award(NULL, 30, D("2025-09-02"), BH_EARLY, &m, &dl));
	assert_false(badge_check_award(NULL, 30, D("2025-05-19"), BH_EARLY, &m, &dl));
	m.reach = D("2027-05-25");
	assert_true(badge_check_award(NULL, 70, D("2025-09-02"), BH_EARLY, &m, &dl));
	diag_free(&dl);
	diag_init(&dl);
	/* not an award date */
	assert_false(badge_check_award(NULL, 30, D("2026-09-03"), BH_NORMAL, &m, &dl));
	assert_refused(&dl, "not an award date");
	diag_free(&dl);
	diag_init(&dl);
	/* posthumous: died at most 12 months before the milestone */
	struct badge_member dead = {D("2026-08-01"), false, D("2025-08-01"), DATE_NONE, false};
	assert_true(badge_check_award(NULL, 40, D("2025-09-02"), BH_POSTHUMOUS, &dead, &dl));
	dead.death = D("2025-07-31");
	assert_false(badge_check_award(NULL, 40, D("2025-09-02"), BH_POSTHUMOUS, &dead, &dl));
	assert_false(badge_check_award(NULL, 40, D("2026-09-02"), BH_NORMAL, &dead, &dl));
	diag_free(&dl);
	diag_init(&dl);
	/* the waits after discipline: 6 (reprimand), 9 (warning), 12 months */
	assert_date(badge_wait_end(NULL, DF_REPRIMAND, D("2026-03-10")), "2026-09-10");
	assert_date(badge_wait_end(NULL, DF_WARNING, D("2026-03-10")), "2026-12-10");
	assert_date(badge_wait_end(NULL, DF_DISMISSAL, D("2026-03-10")), "2027-03-10");
	struct badge_member w = {D("2026-05-25"), true, DATE_NONE, D("2026-09-10"), false};
	assert_false(badge_check_award(NULL, 30, D("2026-09-02"), BH_NORMAL, &w, &dl));
	assert_refused(&dl, "not considered before 10/09/2026");
	assert_true(badge_check_award(NULL, 30, D("2026-11-07"), BH_NORMAL, &w, &dl));
	w.awarded = true;
	assert_false(badge_check_award(NULL, 30, D("2026-11-07"), BH_NORMAL, &w, &dl));
	diag_free(&dl);
}

static void test_badge_numbers(void **state)
{
	(void)state;
	char b[16];
	static const struct {
		int years;
		int64_t serial;
		const char *want;
	} cases[] = {
		{30, 123, "00000123"}, {40, 1, "0000001"}, {45, 12, "E0000012"}, {50, 7, "000007"},
		{55, 7, "D000007"},    {60, 99999, "99999"}, {65, 3, "C00003"},  {70, 3, "0003"},
		{75, 3, "B0003"},      {80, 3, "003"},      {85, 3, "A003"},    {90, 42, "42"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_true(badge_number_format(cases[i].years, cases[i].serial, b, sizeof(b)));
		assert_string_equal(b, cases[i].want);
		int64_t back;
		assert_true(badge_number_parse(cases[i].years, b, &back));
		assert_int_equal(back, cases[i].serial);
	}
	assert_false(badge_number_format(90, 100, b, sizeof(b)));
	assert_false(badge_number_format(35, 1, b, sizeof(b)));
	int64_t s;
	assert_false(badge_number_parse(45, "0000012", &s));
	assert_false(badge_number_parse(30, "0000012", &s));
	assert_int_equal(badge_number_max(85), 999);
}

/* ---- cards (NĐ 137/2015/NĐ-CP Điều 13; HD 38-HD/BTCTW §I.2.2) ---- */

static void test_card_ids(void **state)
{
	(void)state;
	struct diag_list dl;
	diag_init(&dl);
	date_t d = D("2026-01-01");
	assert_true(card_id_check("022060000001", D("1960-05-12"), 0, d, "card", &dl));
	assert_true(card_id_check("022175000002", D("1975-11-30"), 1, d, "card", &dl));
	assert_true(card_id_check("022300000004", D("2000-02-29"), 1, d, "card", &dl));
	assert_int_equal(diag_count(&dl), 0);
	assert_false(card_id_check("02206000001", DATE_NONE, -1, d, "card", &dl));
	assert_refused(&dl, "12 digits");
	assert_false(card_id_check("02206000000A", DATE_NONE, -1, d, "card", &dl));
	assert_false(card_id_check("003060000001", DATE_NONE, -1, d, "card", &dl)); /* 03: no province */
	assert_false(card_id_check("022060000001", D("1960-05-12"), 1, d, "card", &dl)); /* a man's digit */
	assert_false(card_id_check("022260000001", D("1960-05-12"), 0, d, "card", &dl)); /* born in the 2000s */
	assert_false(card_id_check("022061000001", D("1960-05-12"), 0, d, "card", &dl)); /* year 61 */
	assert_int_equal(diag_count(&dl), 6);
	assert_non_null(strstr(dl.v[0].msg, "QĐ 347-QĐ/TW"));
	diag_free(&dl);
	int64_t serial;
	char letters[8], out[16];
	assert_true(cv_parse("000123QN", &serial, letters));
	assert_int_equal(serial, 123);
	assert_string_equal(letters, "QN");
	assert_false(cv_parse("00123QN", &serial, letters));
	assert_false(cv_parse("000123Q", &serial, letters));
	assert_false(cv_parse("000123qn", &serial, letters));
	cv_format(45, "HCM", out);
	assert_string_equal(out, "000045HCM");
}

/* The province codes of personal ids are those of the 63 provinces in
 * data/units-2025-03.csv (level 1). */
static void test_card_provinces_match_data(void **state)
{
	(void)state;
	const struct embed_file *f = embed_find("data/units-2025-03.csv");
	assert_non_null(f);
	size_t n, found = 0;
	const int *codes = card_province_codes(&n);
	assert_int_equal(n, 63);
	for (const char *p = strchr((const char *)f->data, '\n'); p && p[1]; p = strchr(p + 1, '\n')) {
		int code;
		char rest[512];
		if (sscanf(p + 1, "%d,%511[^\n]", &code, rest) == 2 && strlen(rest) > 2 &&
		    strcmp(rest + strlen(rest) - 2, ",1") == 0 && p[3] == ',') {
			assert_true(card_province_known(code));
			found++;
		}
	}
	assert_int_equal(found, 63);
	(void)codes;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rulebook_versions),
		cmocka_unit_test(test_votes),
		cmocka_unit_test(test_age),
		cmocka_unit_test(test_introducer),
		cmocka_unit_test(test_deadlines_tet),
		cmocka_unit_test(test_readmission),
		cmocka_unit_test(test_temp_transfer),
		cmocka_unit_test(test_exemption_discipline),
		cmocka_unit_test(test_applicant_pipeline),
		cmocka_unit_test(test_applicant_dossier),
		cmocka_unit_test(test_badge_dates),
		cmocka_unit_test(test_badge_reach),
		cmocka_unit_test(test_badge_award),
		cmocka_unit_test(test_badge_numbers),
		cmocka_unit_test(test_card_ids),
		cmocka_unit_test(test_card_provinces_match_data),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
