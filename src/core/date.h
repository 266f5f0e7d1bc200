/* date: civil dates as day numbers, month arithmetic.
 *
 * A date is an int32_t counting days since 1970-01-01 in the proleptic
 * Gregorian calendar (negative before). DATE_NONE marks "no date";
 * DATE_MIN and DATE_MAX stand for the far past and far future of open
 * intervals. Month arithmetic clamps to the end of the month (31/01 + 1
 * month = 28 or 29/02; 29/02/2024 + 12 months = 28/02/2025), which is how
 * "12 tháng" and "đủ 18 tuổi tính theo tháng" are counted. */
#ifndef DANGBO_CORE_DATE_H
#define DANGBO_CORE_DATE_H

#include <stdbool.h>
#include <stdint.h>

typedef int32_t date_t;

#define DATE_NONE INT32_MIN
#define DATE_MIN (-2000000) /* ~ year -3506, "far past" */
#define DATE_MAX 2000000    /* ~ year 7445, "far future" */

date_t date_from_ymd(int y, int m, int d);
void date_to_ymd(date_t t, int *y, int *m, int *d);
bool date_valid_ymd(int y, int m, int d);
int date_days_in_month(int y, int m);
/* 0 = Monday ... 6 = Sunday */
int date_weekday(date_t t);
/* Adds n months (n may be negative), clamping the day to the month's end. */
date_t date_add_months(date_t t, int n);
/* Whole months from a to b (b >= a): the largest n with add_months(a, n) <= b. */
int date_months_between(date_t a, date_t b);
/* Whole years of age on day t for someone born on birth. */
int date_age_years(date_t birth, date_t t);

/* Parses "YYYY-MM-DD" or "dd/mm/yyyy" (also d/m/yyyy). The whole string must
 * be a date; surrounding spaces are not accepted. Returns false on error. */
bool date_parse(const char *s, date_t *out);
/* Writes "YYYY-MM-DD" into out (at least 11 bytes). DATE_NONE gives "". */
void date_format(date_t t, char out[11]);
/* Writes "dd/mm/yyyy" into out (at least 11 bytes). DATE_NONE gives "". */
void date_format_vn(date_t t, char out[11]);
/* Today in local time. DANGBO_TODAY=YYYY-MM-DD overrides it (tests, demos). */
date_t date_today(void);

#endif
