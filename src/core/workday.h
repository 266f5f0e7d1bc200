/* workday: working days (ngày làm việc).
 *
 * A working day is a Monday-to-Friday that is not a public holiday (Tết
 * Nguyên đán and the others of the Labour Code, with the days off the
 * Government decides each year). The holiday calendar is data: shipped as
 * data/holidays.csv (2015-2030, with its sources) and editable by users (the
 * store keeps a copy; see workday_cal_add). Deadlines "within N working
 * days" are computed with workday_add. */
#ifndef DANGBO_CORE_WORKDAY_H
#define DANGBO_CORE_WORKDAY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/diag.h"

struct workday_cal; /* sorted set of holiday dates, plus extra working days */

/* An empty calendar: Monday to Friday are working days. Free it with
 * workday_cal_free. Wherever a calendar is read, NULL means the same. */
struct workday_cal *workday_cal_new(void);
/* Frees c; NULL and the default calendar are ignored. */
void workday_cal_free(struct workday_cal *c);
/* A copy of c (NULL gives an empty calendar) that the caller may change and
 * frees with workday_cal_free: how a user's edits are laid over the shipped
 * calendar. */
struct workday_cal *workday_cal_dup(const struct workday_cal *c);
/* The calendar shipped in the binary (data/holidays.csv), parsed once on the
 * first call (pthread_once: safe from any thread). It is shared and read-only:
 * do not free it or add to it (workday_cal_add aborts); workday_cal_dup it
 * to change it. Aborts if the built-in file does not parse, which
 * test_workday rules out. */
struct workday_cal *workday_cal_default(void);
/* Marks a date as a day off (holiday) or, with working=true, as a working
 * day even if it falls on a weekend (compensating Saturdays). Replaces what
 * c said of that date before. */
void workday_cal_add(struct workday_cal *c, date_t d, bool working);
/* Loads "date,kind,name" rows (kind: holiday | working) from CSV text of n
 * bytes: a header line "date,kind,name", then one row a line, the date as
 * YYYY-MM-DD (or dd/mm/yyyy), the name the rest of the line (it may hold
 * commas; it must not be empty). LF or CRLF line ends, an optional UTF-8 BOM,
 * blank lines skipped. A date may appear once. Rows replace what c said of
 * their dates. Every problem goes to dl (may be NULL) as file:line:column;
 * on any problem c is left unchanged and the result is false. */
bool workday_cal_load_csv(struct workday_cal *c, const char *text, size_t n,
			  const char *file, struct diag_list *dl);
/* Whether d is a working day: c's entry for d if it has one, else Monday to
 * Friday. A binary search: cheap enough for millions of calls. Safe from
 * several threads on a calendar nobody is changing. */
bool workday_is_working(const struct workday_cal *c, date_t d);
/* The date n working days after d (n >= 0): the first working day at or
 * after d+1 counted n times. workday_add(c, d, 0) == d. Negative n counts
 * backwards: workday_add(c, d, -1) is the last working day before d. */
date_t workday_add(const struct workday_cal *c, date_t d, int n);
/* Working days in (a, b]: 0 when b <= a. For n >= 0,
 * workday_between(c, d, workday_add(c, d, n)) == n. */
int workday_between(const struct workday_cal *c, date_t a, date_t b);

#endif
