/* workday: working days over a holiday calendar.
 *
 * A calendar is a sorted array of exceptions to the Monday-to-Friday week:
 * days off (holidays, compensating days off, bridge days) and extra working
 * days (the Saturdays worked in exchange for a bridge day). Everything else
 * is decided by the weekday, so a lookup is one binary search over a few
 * hundred entries, and counting skips whole exception-free weeks. */
#include "core/workday.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/embed.h"
#include "core/text.h"
#include "core/xalloc.h"

struct workday_entry {
	date_t d;
	bool working; /* true: a working day (even on a weekend); false: a day off */
};

struct workday_cal {
	struct workday_entry *v; /* sorted by d, no duplicates */
	size_t n, cap;
	bool shared; /* the default calendar: never changed, never freed */
};

struct workday_cal *workday_cal_new(void)
{
	return xcalloc(1, sizeof(struct workday_cal));
}

void workday_cal_free(struct workday_cal *c)
{
	if (!c || c->shared)
		return;
	free(c->v);
	free(c);
}

struct workday_cal *workday_cal_dup(const struct workday_cal *c)
{
	struct workday_cal *r = workday_cal_new();
	if (c && c->n) {
		r->v = xmalloc(c->n * sizeof(*r->v));
		memcpy(r->v, c->v, c->n * sizeof(*r->v));
		r->n = r->cap = c->n;
	}
	return r;
}

/* Index of the first entry with date >= d (c->n if none). */
static size_t lower_bound(const struct workday_cal *c, date_t d)
{
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->v[mid].d < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void workday_cal_add(struct workday_cal *c, date_t d, bool working)
{
	if (c->shared) {
		fputs("dangbo: workday_cal_add on the shared default calendar "
		      "(use workday_cal_dup)\n",
		      stderr);
		abort();
	}
	size_t i = lower_bound(c, d);
	if (i < c->n && c->v[i].d == d) {
		c->v[i].working = working;
		return;
	}
	XGROW(c->v, c->cap, c->n + 1);
	memmove(c->v + i + 1, c->v + i, (c->n - i) * sizeof(*c->v));
	c->v[i].d = d;
	c->v[i].working = working;
	c->n++;
}

static bool weekday_working(date_t d)
{
	return date_weekday(d) < 5; /* 0 Monday ... 4 Friday */
}

bool workday_is_working(const struct workday_cal *c, date_t d)
{
	if (c && c->n && d >= c->v[0].d && d <= c->v[c->n - 1].d) {
		size_t i = lower_bound(c, d);
		if (c->v[i].d == d)
			return c->v[i].working;
	}
	return weekday_working(d);
}

/* True when no entry lies in [a, b]. */
static bool no_entry(const struct workday_cal *c, date_t a, date_t b)
{
	if (!c || !c->n)
		return true;
	size_t i = lower_bound(c, a);
	return i == c->n || c->v[i].d > b;
}

date_t workday_add(const struct workday_cal *c, date_t d, int n)
{
	int step = n < 0 ? -1 : 1;
	/* as a long long, so that -INT_MIN is no overflow */
	long long left = n < 0 ? -(long long)n : n;
	date_t cur = d;
	while (left > 0) {
		/* Any 7 consecutive days hold exactly 5 weekdays: with no
		 * exception among them, jump the week. Only while more than 5
		 * remain, so the last steps land on the working day itself. */
		if (left > 5) {
			date_t lo = step > 0 ? cur + 1 : cur - 7;
			date_t hi = step > 0 ? cur + 7 : cur - 1;
			if (no_entry(c, lo, hi)) {
				cur += 7 * step;
				left -= 5;
				continue;
			}
		}
		cur += step;
		if (workday_is_working(c, cur))
			left--;
	}
	return cur;
}

/* Weekdays in (-inf, x] counted from Monday 1970-01-05 (day 4): only
 * differences of it are used. */
static long long weekdays_upto(date_t x)
{
	long long t = (long long)x - 4;
	long long q = t >= 0 ? t / 7 : -((-t + 6) / 7); /* floor */
	long long r = t - 7 * q;                         /* 0 Monday ... 6 Sunday */
	return 5 * q + (r < 5 ? r + 1 : 5);
}

int workday_between(const struct workday_cal *c, date_t a, date_t b)
{
	if (b <= a)
		return 0;
	long long count = weekdays_upto(b) - weekdays_upto(a);
	if (c) {
		for (size_t i = lower_bound(c, a + 1); i < c->n && c->v[i].d <= b; i++) {
			bool weekday = weekday_working(c->v[i].d);
			if (weekday && !c->v[i].working)
				count--;
			else if (!weekday && c->v[i].working)
				count++;
		}
	}
	return count > INT32_MAX ? INT32_MAX : (int)count;
}

/* ---- CSV ------------------------------------------------------------------ */

/* One line of the text: [s, e) without its line break. */
static const char *next_line(const char *p, const char *end, const char **e)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	const char *stop = nl ? nl : end;
	*e = stop > p && stop[-1] == '\r' ? stop - 1 : stop;
	return nl ? nl + 1 : end;
}

/* Adds a problem to dl (which may be NULL: then only the result tells). */
static void problem(struct diag_list *dl, const char *file, long line, const char *col,
		    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void problem(struct diag_list *dl, const char *file, long line, const char *col,
		    const char *fmt, ...)
{
	if (!dl)
		return;
	struct buf b;
	buf_init(&b, 0);
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	diag_add(dl, file, line, col, "%s", buf_str(&b));
	buf_free(&b);
}

/* At most 60 bytes of a field, for quoting it in a message. */
#define QUOTE(s, n) (int)((n) > 60 ? 60 : (n)), (s)

bool workday_cal_load_csv(struct workday_cal *c, const char *text, size_t n, const char *file,
			  struct diag_list *dl)
{
	const char *p = text, *end = text + n;
	bool ok = true;
	/* the rows are checked into a scratch calendar first, so that a file
	 * with any problem changes nothing */
	struct workday_cal *tmp = workday_cal_new();
	long *lines = NULL; /* line of each entry of tmp, for duplicate reports */
	size_t lines_cap = 0;

	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3; /* a byte order mark, as spreadsheet programs write */
	const char *e;
	const char *nextp = next_line(p, end, &e);
	if (p == end) {
		problem(dl, file, 1, NULL, "the file is empty (expected the header date,kind,name)");
		ok = false;
	} else if ((size_t)(e - p) != strlen("date,kind,name") || memcmp(p, "date,kind,name", 14) != 0) {
		problem(dl, file, 1, NULL, "the header must be date,kind,name, not \"%.*s\"",
			QUOTE(p, (size_t)(e - p)));
		ok = false;
	}
	long line = 1;
	/* every row is checked, so that all problems are reported at once */
	for (p = ok ? nextp : end; p < end; p = nextp) {
		line++;
		nextp = next_line(p, end, &e);
		size_t len = (size_t)(e - p);
		if (len == 0)
			continue; /* a blank line */
		size_t bad;
		if (!text_valid_utf8(p, len, &bad)) {
			problem(dl, file, line, NULL,
				"invalid UTF-8 or a control character at byte %zu of the line", bad + 1);
			ok = false;
			continue;
		}
		const char *c1 = memchr(p, ',', len);
		const char *c2 = c1 ? memchr(c1 + 1, ',', (size_t)(e - c1 - 1)) : NULL;
		if (!c2) {
			problem(dl, file, line, NULL, "expected three fields date,kind,name, not \"%.*s\"",
				QUOTE(p, len));
			ok = false;
			continue;
		}
		char ds[16];
		size_t dn = (size_t)(c1 - p);
		date_t d;
		if (dn < sizeof(ds)) {
			memcpy(ds, p, dn);
			ds[dn] = '\0';
		}
		if (dn >= sizeof(ds) || !date_parse(ds, &d)) {
			problem(dl, file, line, "date", "\"%.*s\" is not a date (write YYYY-MM-DD)",
				QUOTE(p, dn));
			ok = false;
			continue;
		}
		const char *k = c1 + 1;
		size_t kn = (size_t)(c2 - k);
		bool working;
		if (kn == 7 && memcmp(k, "holiday", 7) == 0) {
			working = false;
		} else if (kn == 7 && memcmp(k, "working", 7) == 0) {
			working = true;
		} else {
			problem(dl, file, line, "kind", "kind must be holiday or working, not \"%.*s\"",
				QUOTE(k, kn));
			ok = false;
			continue;
		}
		const char *name = c2 + 1;
		size_t nn = (size_t)(e - name);
		while (nn && (*name == ' ' || *name == '\t')) {
			name++;
			nn--;
		}
		if (nn == 0) {
			problem(dl, file, line, "name", "the name is empty (say which holiday this is)");
			ok = false;
			continue;
		}
		size_t i = lower_bound(tmp, d);
		if (i < tmp->n && tmp->v[i].d == d) {
			char f[11];
			date_format(d, f);
			problem(dl, file, line, "date", "%s is listed twice (first on line %ld)", f,
				lines[i]);
			ok = false;
			continue;
		}
		workday_cal_add(tmp, d, working);
		XGROW(lines, lines_cap, tmp->n);
		memmove(lines + i + 1, lines + i, (tmp->n - 1 - i) * sizeof(*lines));
		lines[i] = line;
	}
	if (ok)
		for (size_t i = 0; i < tmp->n; i++)
			workday_cal_add(c, tmp->v[i].d, tmp->v[i].working);
	free(lines);
	workday_cal_free(tmp);
	return ok;
}

/* ---- the shipped calendar --------------------------------------------------- */

static struct workday_cal *default_cal;
static pthread_once_t default_once = PTHREAD_ONCE_INIT;

static void default_load(void)
{
	static const char path[] = "data/holidays.csv";
	struct workday_cal *c = workday_cal_new();
	const struct embed_file *f = embed_find(path);
	struct diag_list dl;
	diag_init(&dl);
	if (!f || !workday_cal_load_csv(c, (const char *)f->data, f->size, path, &dl)) {
		/* the file is built into the binary and checked by test_workday:
		 * a failure here is a broken build, not bad input */
		fprintf(stderr, "dangbo: the built-in %s is %s\n", path, f ? "invalid:" : "missing");
		diag_print(&dl, stderr);
		abort();
	}
	diag_free(&dl);
	c->shared = true;
	default_cal = c;
}

struct workday_cal *workday_cal_default(void)
{
	pthread_once(&default_once, default_load);
	return default_cal;
}
