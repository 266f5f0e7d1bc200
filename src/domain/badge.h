/* badge: the Party badge (Huy hiệu Đảng) rules (QĐ 294-QĐ/TW §28;
 * HD 06-HD/TW §18; HD 38-HD/BTCTW §III.1; rules.md §4.11): milestones of
 * 30, 40, 45 ... 90 years of party age, the four award dates, the day a
 * member reaches a milestone (party age minus the days outside the Party,
 * QĐ 294-QĐ/TW §4.4), the award date a milestone falls to, early and
 * posthumous awards, the waits after discipline, and badge numbers.
 * Pure logic, no I/O. */
#ifndef DANGBO_DOMAIN_BADGE_H
#define DANGBO_DOMAIN_BADGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/diag.h"
#include "domain/lifecycle.h"
#include "domain/member.h"
#include "domain/rulebook.h"

#define BADGE_MILESTONES 12
extern const int badge_milestones[BADGE_MILESTONES]; /* 30, 40, 45, ..., 90 */
/* Index of years in badge_milestones, or -1 when it is not a milestone. */
int badge_milestone_index(int years);

/* The award dates are 03/02, 19/5, 02/9 and 07/11 of every year. */
bool badge_is_award_date(date_t d);
/* The first award date on or after d. */
date_t badge_next_award_date(date_t d);
/* The last award date before d. */
date_t badge_prev_award_date(date_t d);
/* The award date of the batch a milestone reached on day reach belongs
 * to: the first award date on or after it (badge.batching 0), or Hà Nội's
 * windows (1): 01/12-end of February -> 03/02, March-May -> 19/5,
 * June-September -> 02/9, October-November -> 07/11. */
date_t badge_batch_date(const struct rule_settings *rs, date_t reach);

/* The day party age reaches years: the least d with
 * add_months(decision + gap days before d + prior, 12 years) <= d, where the
 * gaps are the member's periods outside the Party (member_timeline.gaps)
 * and prior the days outside the Party recorded before the member came to
 * this database (a transfer record). */
date_t badge_reach_day(date_t decision, const struct span *gaps, size_t ngaps, int64_t prior, int years);

/* How many months early a badge of years may be given for serious illness
 * (12 up to 65 years, 24 from 70), and posthumously (12). */
int badge_early_months(const struct rule_settings *rs, int years, date_t d);
/* The first day a member disciplined with form f on day d may be
 * considered again: d + 6 (reprimand), 9 (warning), 12 (removal from post)
 * months; d for expulsion (no longer a member: not considered at all). */
date_t badge_wait_end(const struct rule_settings *rs, enum discipline_form f, date_t d);

enum badge_how { BH_NORMAL, BH_EARLY, BH_POSTHUMOUS, BH__MAX };
const char *badge_how_name(enum badge_how h);
bool badge_how_parse(const char *s, enum badge_how *out);

/* What an award needs to know of the member. */
struct badge_member {
	date_t reach;       /* the day the milestone is reached */
	bool member_on;     /* a member on the award date */
	date_t death;       /* DATE_NONE if alive */
	date_t wait_end;    /* the latest end of a wait after discipline, or DATE_NONE */
	bool awarded;       /* has this badge already */
};

/* May a badge of years be awarded on day award in the way how? award is
 * one of the award dates; a normal award's batch date is on or before it;
 * an early one at most 12 (24) months before the milestone; a posthumous
 * one for a member who died at most 12 months before it (or after); no
 * award while a wait after discipline runs; never twice. */
bool badge_check_award(const struct rule_settings *rs, int years, date_t award, enum badge_how how,
		       const struct badge_member *m, struct diag_list *dl);

/* Badge numbers (HD 38-HD/BTCTW §III.1): per province and milestone,
 * consecutive in award order: 30 years 8 digits; 40: 7; 45: "E"+7; 50: 6;
 * 55: "D"+6; 60: 5; 65: "C"+5; 70: 4; 75: "B"+4; 80: 3; 85: "A"+3; 90: 2.
 * The greatest serial of a milestone (99999999 for 30 years ... 99). */
int64_t badge_number_max(int years);
/* Writes the number (e.g. "E0000012") into out; false if serial is out of
 * range or years is not a milestone. */
bool badge_number_format(int years, int64_t serial, char *out, size_t n);
/* Reads a number of the pattern of years; false if it does not match. */
bool badge_number_parse(int years, const char *s, int64_t *serial);

#endif
