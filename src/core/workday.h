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

struct workday_cal *workday_cal_new(void);
void workday_cal_free(struct workday_cal *c);
/* The calendar shipped in the binary (data/holidays.csv). */
struct workday_cal *workday_cal_default(void);
/* Marks a date as a day off (holiday) or, with working=true, as a working
 * day even if it falls on a weekend (compensating Saturdays). */
void workday_cal_add(struct workday_cal *c, date_t d, bool working);
/* Loads "date,kind,name" rows (kind: holiday | working) from CSV text;
 * problems go to dl with the given file name. Returns false on any problem. */
bool workday_cal_load_csv(struct workday_cal *c, const char *text, size_t n,
			  const char *file, struct diag_list *dl);
bool workday_is_working(const struct workday_cal *c, date_t d);
/* The date n working days after d (n >= 0): the first working day at or
 * after d+1 counted n times. workday_add(c, d, 0) == d. Negative n counts
 * backwards. */
date_t workday_add(const struct workday_cal *c, date_t d, int n);
/* Working days in (a, b]: 0 when b <= a. */
int workday_between(const struct workday_cal *c, date_t a, date_t b);

#endif
