/* Unit tests for workday and the shipped holiday calendar data/holidays.csv.
 *
 * Bộ luật Lao động 2012 Điều 115 (to 2020) and Bộ luật Lao động 2019 Điều 112
 * (from 2021) list the public holidays; a holiday on a weekly rest day is
 * compensated on the next working day (BLLĐ 2012 Điều 115.3, BLLĐ 2019
 * Điều 111.3). The Government's yearly announcements fix the Tết break and
 * the swapped days (see data/holidays.md). */
#include "harness.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/diag.h"
#include "core/embed.h"
#include "core/workday.h"

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

/* ---- the shipped data ---------------------------------------------------------- */

/* The rows of the embedded CSV as "date,kind,name" lines, for checks on the
 * data itself. */
static bool csv_has_row(const char *date, const char *kind, const char *name_prefix)
{
	const struct embed_file *f = embed_find("data/holidays.csv");
	assert_non_null(f);
	char want[128];
	snprintf(want, sizeof(want), "\n%s,%s,%s", date, kind, name_prefix);
	return strstr((const char *)f->data, want) != NULL;
}

/* Rows of year y of the given kind whose name contains part. */
static int csv_count(int y, const char *kind, const char *part)
{
	const char *p = (const char *)embed_find("data/holidays.csv")->data;
	char head[32];
	snprintf(head, sizeof(head), "%d-", y);
	int n = 0;
	for (p = strchr(p, '\n'); p && p[1]; p = strchr(p + 1, '\n')) {
		const char *line = p + 1;
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		char row[256];
		if (len >= sizeof(row))
			fail_msg("a row longer than %zu bytes", sizeof(row));
		memcpy(row, line, len);
		row[len] = '\0';
		const char *k = strchr(row, ',');
		assert_non_null(k);
		const char *name = strchr(k + 1, ',');
		assert_non_null(name);
		if (strncmp(row, head, strlen(head)) == 0 && strncmp(k + 1, kind, strlen(kind)) == 0 &&
		    strstr(name + 1, part))
			n++;
	}
	return n;
}

/* Lunar new year (mùng 1 Tết) of each year, Vietnamese calendar (UTC+7);
 * 2030 is 2 February in Vietnam (3 February in China's calendar). */
static const char *const tet_day[] = {
	"2015-02-19", "2016-02-08", "2017-01-28", "2018-02-16", "2019-02-05", "2020-01-25",
	"2021-02-12", "2022-02-01", "2023-01-22", "2024-02-10", "2025-01-29", "2026-02-17",
	"2027-02-06", "2028-01-26", "2029-02-13", "2030-02-02",
};

/* Giỗ Tổ Hùng Vương, 10/3 lunar. */
static const char *const gio_to[] = {
	"2015-04-28", "2016-04-16", "2017-04-06", "2018-04-25", "2019-04-14", "2020-04-02",
	"2021-04-21", "2022-04-10", "2023-04-29", "2024-04-18", "2025-04-07", "2026-04-26",
	"2027-04-16", "2028-04-04", "2029-04-23", "2030-04-12",
};

/* BLLĐ 2012 Điều 115, BLLĐ 2019 Điều 112: every year has the Tết days (the
 * last day of the old year and mùng 1-4 at least), 1/1, Giỗ Tổ, 30/4, 1/5
 * and 2/9; from 2021 Quốc khánh is two days, 2/9 and one next to it. */
static void test_calendar_years(void **state)
{
	const struct workday_cal *c = workday_cal_default();
	assert_non_null(c);
	for (int y = 2015; y <= 2030; y++) {
		int i = y - 2015;
		date_t t = D(tet_day[i]);
		for (int k = -1; k <= 3; k++) {
			char s[11];
			date_format(t + k, s);
			if (!csv_has_row(s, "holiday", "T\xe1\xba\xbft Nguy\xc3\xaan \xc4\x91\xc3\xa1n"))
				fail_msg("no Tết row for %s", s);
			assert_false(workday_is_working(c, t + k));
		}
		char s[32];
		snprintf(s, sizeof(s), "%d-01-01", y);
		assert_true(csv_has_row(s, "holiday", "T\xe1\xba\xbft D\xc6\xb0\xc6\xa1ng l\xe1\xbb\x8b" "ch"));
		assert_true(csv_has_row(gio_to[i], "holiday", "Gi\xe1\xbb\x97 T\xe1\xbb\x95 H\xc3\xb9ng V\xc6\xb0\xc6\xa1ng"));
		snprintf(s, sizeof(s), "%d-04-30", y);
		assert_true(csv_has_row(s, "holiday", "Ng\xc3\xa0y Chi\xe1\xba\xbfn th\xe1\xba\xafng"));
		snprintf(s, sizeof(s), "%d-05-01", y);
		assert_true(csv_has_row(s, "holiday", "Qu\xe1\xbb\x91" "c t\xe1\xba\xbf Lao \xc4\x91\xe1\xbb\x99ng"));
		snprintf(s, sizeof(s), "%d-09-02", y);
		if (!csv_has_row(s, "holiday", "Qu\xe1\xbb\x91" "c kh\xc3\xa1nh"))
			fail_msg("no Quốc khánh row for %s", s);
		char before[32], after[32];
		snprintf(before, sizeof(before), "%d-09-01", y);
		snprintf(after, sizeof(after), "%d-09-03", y);
		/* "Quốc khánh," with the comma's place taken by the end of the
		 * name: the plain name, not "(nghỉ bù)" */
		bool b = csv_has_row(before, "holiday", "Qu\xe1\xbb\x91" "c kh\xc3\xa1nh\n");
		bool a = csv_has_row(after, "holiday", "Qu\xe1\xbb\x91" "c kh\xc3\xa1nh\n");
		if (y >= 2021)
			assert_true(a != b); /* exactly one adjacent day */
		else
			assert_false(a || b);
		/* Weekdays off: the 10 legal days (11 from 2021), each one on a
		 * weekend compensated by a weekday, plus the bridge days that
		 * were swapped against a Saturday: no more, no less. */
		date_t jan1 = date_from_ymd(y, 1, 1), dec31 = date_from_ymd(y, 12, 31);
		int off_weekdays = 0;
		for (date_t d = jan1; d <= dec31; d++)
			if (date_weekday(d) < 5 && !workday_is_working(c, d))
				off_weekdays++;
		int bridges = csv_count(y, "holiday", "(ngh\xe1\xbb\x89 ho\xc3\xa1n \xc4\x91\xe1\xbb\x95i)");
		if (off_weekdays - bridges != (y >= 2021 ? 11 : 10))
			fail_msg("%d: %d weekdays off, %d of them bridge days", y, off_weekdays, bridges);
	}
	/* one Saturday worked for each bridge day */
	int bridges = 0, saturdays = 0;
	for (int y = 2014; y <= 2031; y++) {
		bridges += csv_count(y, "holiday", "(ngh\xe1\xbb\x89 ho\xc3\xa1n \xc4\x91\xe1\xbb\x95i)");
		saturdays += csv_count(y, "working", "");
	}
	assert_int_equal(bridges, saturdays);
	assert_true(bridges >= 9);
}

/* The compensating Saturdays announced: worked, and their swapped weekday off. */
static void test_compensating_saturday(void **state)
{
	const struct workday_cal *c = workday_cal_default();
	/* Tết Dương lịch 2019: Monday 31/12/2018 off, Saturday 05/01/2019 worked */
	assert_false(workday_is_working(c, D("2018-12-31")));
	assert_true(workday_is_working(c, D("2019-01-05")));
	assert_true(csv_has_row("2019-01-05", "working", ""));
	assert_date(workday_add(c, D("2019-01-04"), 1), "2019-01-05");
	assert_date(workday_add(c, D("2019-01-05"), 1), "2019-01-07");
	assert_date(workday_add(c, D("2019-01-07"), -1), "2019-01-05");
	/* 30/4/2025: Friday 02/05 off, Saturday 26/04 worked */
	assert_false(workday_is_working(c, D("2025-05-02")));
	assert_true(workday_is_working(c, D("2025-04-26")));
	/* the Tết Ất Tỵ break had no swap: Saturday 08/02/2025 is a day off */
	assert_false(workday_is_working(c, D("2025-02-08")));
	assert_false(workday_is_working(c, D("2025-01-27")));
	/* Tết Dương lịch 2026: Friday 02/01 off, Saturday 10/01 worked */
	assert_false(workday_is_working(c, D("2026-01-02")));
	assert_true(workday_is_working(c, D("2026-01-10")));
	assert_false(workday_is_working(c, D("2026-01-11")));
	/* (03/01, 11/01]: Mon-Fri 05-09 and Saturday 10 */
	assert_int_equal(workday_between(c, D("2026-01-03"), D("2026-01-11")), 6);
	assert_int_equal(workday_between(NULL, D("2026-01-03"), D("2026-01-11")), 5);
	/* Quốc khánh 2026: Monday 31/08 off, Saturday 22/08 worked */
	assert_false(workday_is_working(c, D("2026-08-31")));
	assert_true(workday_is_working(c, D("2026-08-22")));
	/* 30/4/2024: Monday 29/04 off, Saturday 04/05 worked */
	assert_false(workday_is_working(c, D("2024-04-29")));
	assert_true(workday_is_working(c, D("2024-05-04")));
	assert_date(workday_add(c, D("2024-04-26"), 1), "2024-05-02");
}

/* BLLĐ 2012 Điều 115.3 / BLLĐ 2019 Điều 111.3: a holiday on a weekend is
 * compensated on the next working day. */
static void test_compensation(void **state)
{
	const struct workday_cal *c = workday_cal_default();
	/* 2/9/2018 a Sunday: Monday 3/9 off */
	assert_false(workday_is_working(c, D("2018-09-03")));
	assert_true(workday_is_working(c, D("2018-09-04")));
	/* 2023: Giỗ Tổ Sat 29/4, 30/4 Sun, 1/5 Mon: Tue 2/5 and Wed 3/5 off */
	assert_false(workday_is_working(c, D("2023-05-02")));
	assert_false(workday_is_working(c, D("2023-05-03")));
	assert_true(workday_is_working(c, D("2023-05-04")));
	/* the rule applied to a year not yet announced: 1/1/2028 a Saturday */
	assert_false(workday_is_working(c, D("2028-01-03")));
	assert_true(workday_is_working(c, D("2028-01-04")));
	/* Tết 2027 (Saturday 6/2): Fri 5/2 to Thu 11/2 off, Fri 12/2 worked */
	for (date_t d = D("2027-02-05"); d <= D("2027-02-11"); d++)
		assert_false(workday_is_working(c, d));
	assert_true(workday_is_working(c, D("2027-02-12")));
}

/* Tết Bính Ngọ 2026: the break is Saturday 14/02 to Sunday 22/02. */
static void test_add_over_tet_2026(void **state)
{
	const struct workday_cal *c = workday_cal_default();
	assert_true(workday_is_working(c, D("2026-02-13")));
	for (date_t d = D("2026-02-14"); d <= D("2026-02-22"); d++)
		assert_false(workday_is_working(c, d));
	assert_true(workday_is_working(c, D("2026-02-23")));
	/* 11, 12, 13 | 23, 24, 25, 26, 27 | 2, 3 March */
	assert_date(workday_add(c, D("2026-02-10"), 10), "2026-03-03");
	assert_date(workday_add(c, D("2026-02-10"), 3), "2026-02-13");
	assert_date(workday_add(c, D("2026-02-10"), 4), "2026-02-23");
	/* from a day inside the break */
	assert_date(workday_add(c, D("2026-02-17"), 1), "2026-02-23");
	assert_int_equal(workday_between(c, D("2026-02-10"), D("2026-03-03")), 10);
	assert_int_equal(workday_between(c, D("2026-02-13"), D("2026-02-23")), 1);
	assert_int_equal(workday_between(c, D("2026-02-13"), D("2026-02-22")), 0);
	/* without the calendar the same span has 5 more working days */
	assert_date(workday_add(NULL, D("2026-02-10"), 10), "2026-02-24");
}

static void test_add_basics(void **state)
{
	const struct workday_cal *c = workday_cal_default();
	/* across a weekend */
	assert_date(workday_add(c, D("2026-03-06"), 1), "2026-03-09"); /* Fri -> Mon */
	assert_date(workday_add(c, D("2026-03-07"), 1), "2026-03-09"); /* Sat -> Mon */
	assert_date(workday_add(c, D("2026-03-06"), 5), "2026-03-13");
	/* n = 0 is the day itself, working or not */
	assert_date(workday_add(c, D("2026-03-06"), 0), "2026-03-06");
	assert_date(workday_add(c, D("2026-03-07"), 0), "2026-03-07");
	assert_date(workday_add(c, D("2026-02-17"), 0), "2026-02-17");
	/* negative n counts backwards */
	assert_date(workday_add(c, D("2026-03-09"), -1), "2026-03-06");
	assert_date(workday_add(c, D("2026-02-23"), -1), "2026-02-13");
	assert_date(workday_add(c, D("2026-03-03"), -10), "2026-02-10");
	assert_date(workday_add(c, D("2026-03-08"), -1), "2026-03-06"); /* Sun -> Fri */
	/* far from the calendar: plain weeks */
	assert_date(workday_add(c, D("2040-01-02"), 5), "2040-01-09");
	assert_date(workday_add(c, D("2040-01-02"), 260), "2040-12-31");
	assert_date(workday_add(c, D("1990-01-01"), -1), "1989-12-29");
	/* between */
	assert_int_equal(workday_between(c, D("2026-03-06"), D("2026-03-09")), 1);
	assert_int_equal(workday_between(c, D("2026-03-09"), D("2026-03-06")), 0);
	assert_int_equal(workday_between(c, D("2026-03-09"), D("2026-03-09")), 0);
	assert_int_equal(workday_between(NULL, D("1969-12-26"), D("1970-01-09")), 10);
	/* 2026 as a whole: 261 weekdays less the weekdays off plus the 2
	 * Saturdays worked (10/01, 22/08) */
	int off = 0;
	for (date_t d = D("2026-01-01"); d <= D("2026-12-31"); d++)
		off += date_weekday(d) < 5 && !workday_is_working(c, d);
	assert_int_equal(workday_between(c, D("2025-12-31"), D("2026-12-31")), 261 - off + 2);
}

/* workday_add's week jumps and workday_between's arithmetic agree with a
 * plain day-by-day count over the whole calendar. */
static void test_against_naive(void **state)
{
	const struct workday_cal *c = workday_cal_default();
	for (date_t start = D("2014-12-01"); start <= D("2031-01-31"); start += 13) {
		for (int n = -70; n <= 70; n += 3) {
			date_t want = start;
			int left = n < 0 ? -n : n, step = n < 0 ? -1 : 1;
			while (left > 0) {
				want += step;
				if (workday_is_working(c, want))
					left--;
			}
			date_t got = workday_add(c, start, n);
			if (got != want) {
				char a[11], g[11], w[11];
				date_format(start, a);
				date_format(got, g);
				date_format(want, w);
				fail_msg("workday_add(%s, %d) = %s, want %s", a, n, g, w);
			}
			if (n >= 0)
				assert_int_equal(workday_between(c, start, got), n);
			else /* (got, start] holds the |n|-1 between and start if it works */
				assert_int_equal(workday_between(c, got, start),
						 -n - 1 + workday_is_working(c, start));
			if (workday_is_working(c, start))
				assert_int_equal(workday_add(c, got, -n), start);
		}
	}
}

/* ---- loading ------------------------------------------------------------------------ */

static void test_load_csv(void **state)
{
	struct workday_cal *c = workday_cal_new();
	struct diag_list dl;
	diag_init(&dl);
	/* BOM, CRLF, a blank line, a name with a comma, a dd/mm/yyyy date */
	const char *ok = "\xef\xbb\xbf" "date,kind,name\r\n"
			 "2031-01-01,holiday,T\xe1\xba\xbft D\xc6\xb0\xc6\xa1ng l\xe1\xbb\x8b" "ch\r\n"
			 "\r\n"
			 "04/01/2031,working,L\xc3\xa0m b\xc3\xb9, theo th\xc3\xb4ng b\xc3\xa1o\r\n"
			 "2031-01-02,holiday,Ngh\xe1\xbb\x89 ho\xc3\xa1n \xc4\x91\xe1\xbb\x95i";
	assert_true(workday_cal_load_csv(c, ok, strlen(ok), "x.csv", &dl));
	assert_int_equal(diag_count(&dl), 0);
	assert_false(workday_is_working(c, D("2031-01-01")));
	assert_false(workday_is_working(c, D("2031-01-02")));
	assert_true(workday_is_working(c, D("2031-01-04"))); /* a Saturday */
	assert_true(workday_is_working(c, D("2031-01-03")));
	/* only n bytes are read: cut before the last row */
	struct workday_cal *c2 = workday_cal_new();
	const char *cut = strstr(ok, "2031-01-02");
	assert_true(workday_cal_load_csv(c2, ok, (size_t)(cut - ok), "x.csv", NULL));
	assert_true(workday_is_working(c2, D("2031-01-02")));
	workday_cal_free(c2);

	/* every problem is reported with its line and column, and nothing of
	 * the file is taken */
	const char *bad = "date,kind,name\n"
			  "2031-05-05,holiday,ok\n"            /* 2 */
			  "2031-02-30,holiday,no such day\n"   /* 3 */
			  "2031-05-06,off,x\n"                 /* 4 */
			  "2031-05-07,holiday,\n"              /* 5 */
			  "2031-05-05,working,again\n"         /* 6 */
			  "2031-05-08 holiday x\n"             /* 7 */
			  "2031-05-09,holiday,bad \xc3\n"      /* 8 */
			  "20310510,holiday,x\n";              /* 9 */
	assert_false(workday_cal_load_csv(c, bad, strlen(bad), "h.csv", &dl));
	assert_int_equal(diag_count(&dl), 7);
	struct {
		long line;
		const char *col, *msg;
	} want[] = {
		{3, "date", "\"2031-02-30\" is not a date"},
		{4, "kind", "kind must be holiday or working, not \"off\""},
		{5, "name", "the name is empty"},
		{6, "date", "2031-05-05 is listed twice (first on line 2)"},
		{7, NULL, "expected three fields"},
		{8, NULL, "invalid UTF-8 or a control character at byte 24"},
		{9, "date", "\"20310510\" is not a date"},
	};
	for (size_t i = 0; i < 7; i++) {
		assert_string_equal(dl.v[i].file, "h.csv");
		assert_int_equal(dl.v[i].line, want[i].line);
		if (want[i].col)
			assert_string_equal(dl.v[i].column, want[i].col);
		else
			assert_null(dl.v[i].column);
		if (!strstr(dl.v[i].msg, want[i].msg))
			fail_msg("line %ld: \"%s\" does not say \"%s\"", want[i].line, dl.v[i].msg, want[i].msg);
	}
	assert_true(workday_is_working(c, D("2031-05-05"))); /* unchanged */
	diag_free(&dl);

	/* the header */
	diag_init(&dl);
	assert_false(workday_cal_load_csv(c, "day,kind,name\n", 14, "h.csv", &dl));
	assert_int_equal(dl.v[0].line, 1);
	assert_non_null(strstr(dl.v[0].msg, "date,kind,name"));
	diag_free(&dl);
	diag_init(&dl);
	assert_false(workday_cal_load_csv(c, "", 0, "h.csv", &dl));
	assert_int_equal(diag_count(&dl), 1);
	diag_free(&dl);
	/* a header alone is an empty calendar */
	assert_true(workday_cal_load_csv(c, "date,kind,name\n", 15, "h.csv", NULL));
	workday_cal_free(c);
}

/* A user's edit laid over the shipped calendar: rows replace the day. */
static void test_dup_override(void **state)
{
	struct workday_cal *def = workday_cal_default();
	struct workday_cal *mine = workday_cal_dup(def);
	const char *edit = "date,kind,name\n"
			   "2026-08-31,working,Không hoán đổi\n"
			   "2026-03-02,holiday,Nghỉ riêng của đơn vị\n";
	assert_true(workday_cal_load_csv(mine, edit, strlen(edit), "edit.csv", NULL));
	assert_true(workday_is_working(mine, D("2026-08-31")));
	assert_false(workday_is_working(mine, D("2026-03-02")));
	assert_false(workday_is_working(mine, D("2026-02-17"))); /* the rest stays */
	assert_false(workday_is_working(def, D("2026-08-31")));  /* the default is untouched */
	assert_true(workday_is_working(def, D("2026-03-02")));
	workday_cal_add(mine, D("2026-03-02"), true);
	assert_true(workday_is_working(mine, D("2026-03-02")));
	workday_cal_free(mine);
	workday_cal_free(def); /* ignored: the default calendar is shared */
	assert_false(workday_is_working(workday_cal_default(), D("2026-02-17")));
	workday_cal_free(NULL);
	struct workday_cal *empty = workday_cal_dup(NULL);
	assert_true(workday_is_working(empty, D("2026-02-17")));
	workday_cal_free(empty);
}

static void *get_default(void *arg)
{
	const struct workday_cal *c = workday_cal_default();
	*(const struct workday_cal **)arg = c;
	/* and use it while the others do */
	int n = 0;
	for (date_t d = D("2015-01-01"); d < D("2031-01-01"); d++)
		n += workday_is_working(c, d);
	return n > 0 ? arg : NULL;
}

/* workday_cal_default parses once, whichever thread comes first. */
static void test_default_threads(void **state)
{
	pthread_t t[4];
	const struct workday_cal *got[4];
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&t[i], NULL, get_default, &got[i]), 0);
	for (int i = 0; i < 4; i++) {
		void *r;
		pthread_join(t[i], &r);
		assert_non_null(r);
		assert_non_null(got[i]);
		assert_ptr_equal(got[i], got[0]);
	}
	assert_ptr_equal(workday_cal_default(), got[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_threads),
		cmocka_unit_test(test_calendar_years),
		cmocka_unit_test(test_compensating_saturday),
		cmocka_unit_test(test_compensation),
		cmocka_unit_test(test_add_over_tet_2026),
		cmocka_unit_test(test_add_basics),
		cmocka_unit_test(test_against_naive),
		cmocka_unit_test(test_load_csv),
		cmocka_unit_test(test_dup_override),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
