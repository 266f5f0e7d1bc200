/* congress: pure checks of congress planning (đại hội) and of the convened
 * roster. No I/O.
 *
 * - Notice: the convening notice goes out at least CONGRESS_NOTICE_WORKDAYS
 *   working days before the opening (QĐ 294-QĐ/TW §11–16; rules.md §1.9).
 *   The days counted are the working days after the notice day and before
 *   the opening day (neither end counts), on the holiday calendar given.
 * - Base: the convened official members (or delegates) minus each statutory
 *   exclusion (QĐ 190-QĐ/TW Điều 30; rules.md §1.4). Probationary members
 *   are listed apart: they neither vote nor stand, so they are not convened
 *   for the count at all. */
#ifndef DANGBO_DOMAIN_CONGRESS_H
#define DANGBO_DOMAIN_CONGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/workday.h"
#include "domain/election.h"

/* Working days between the notice and the opening, at least. */
#define CONGRESS_NOTICE_WORKDAYS 30

/* The working days strictly between notice and opening on calendar c (NULL:
 * Monday to Friday): 0 when opening <= notice + 1. */
int congress_notice_workdays(const struct workday_cal *c, date_t notice, date_t opening);

/* Whether a notice on notice is early enough for a congress opening on
 * opening: at least CONGRESS_NOTICE_WORKDAYS working days between them
 * (QĐ 294-QĐ/TW §11–16). *days (may be NULL) receives the count. */
bool congress_notice_ok(const struct workday_cal *c, date_t notice, date_t opening, int *days);

/* The latest notice date that still satisfies congress_notice_ok for a
 * congress opening on opening. */
date_t congress_notice_latest(const struct workday_cal *c, date_t opening);

/* The counts of a convened roster. */
struct congress_base {
	int64_t convened;             /* official members (or delegates) convened */
	int64_t excluded[EXCL__MAX];  /* by statutory exclusion */
	int64_t probationary;         /* listed apart: neither vote nor stand */
};

/* Total of the exclusions. */
int64_t congress_excluded(const struct congress_base *b);
/* base = convened minus the exclusions (QĐ 190-QĐ/TW Điều 30); negative
 * only for inconsistent counts, which congress_base_check refuses. */
int64_t congress_base_value(const struct congress_base *b);
/* Checks a roster's counts for a congress of kind k: every exclusion used
 * applies to k (exclusion_applies: the committee and delegate exclusions are
 * for delegates' congresses only) and the exclusions do not exceed the
 * convened. On a problem writes a message (citing the rule) into msg of
 * size n and returns false. */
bool congress_base_check(const struct congress_base *b, enum congress_kind k, char *msg, size_t n);

#endif
