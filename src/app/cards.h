/* cards: party card numbers (the 12-digit personal id) checked across an
 * organization, and CV numbers (số lý lịch) handed out from ranges
 * (HD 38-HD/BTCTW §I.2.2, §II.2; domain/card.h).
 *
 * The province gives each upper committee (kind upper) a range of CV
 * serials; numbers carry the letters of the province (the code of the
 * province organization, e.g. "QN") and are used consecutively. A range
 * may not overlap another range of the province or of a province merged
 * into it, nor numbers already issued there; once a province has taken in
 * others (a merger, from 01/7/2025), a new range starts after the largest
 * number issued by any of them. Ranges are kept in table cv_range, every
 * write audited (entity "cv_range"). */
#ifndef DANGBO_APP_CARDS_H
#define DANGBO_APP_CARDS_H

#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/diag.h"
#include "core/err.h"
#include "store/store.h"

/* Checks the card numbers of the members of org's subtree on day as_of
 * against their birth dates and genders; every problem goes to dl (column
 * = the member_id). *checked receives how many cards were read, *missing
 * how many members have none. */
enum err cards_check(struct store *st, const char *org, date_t as_of, size_t *checked, size_t *missing,
		     struct diag_list *dl);

struct cv_range_in {
	const char *org;     /* the upper committee */
	int64_t lo, hi;      /* serials, 1..999999 */
	date_t date;         /* the day it is given (the tree of that day) */
};
/* Adds a range; refused with the rule cited when it breaks one. *warning
 * receives a note (a range under card.cv_range_factor times the
 * committee's membership), or "". */
enum err cards_range_add(struct store *st, const struct cv_range_in *in, char warning[200], struct diag_list *dl);

struct cv_range_row {
	char org[64], letters[8];
	int64_t lo, hi, used_max; /* used_max: the largest number issued in it, 0 if none */
	date_t created;
};
enum err cards_ranges(struct store *st, struct cv_range_row **out, size_t *n, struct diag_list *dl);

/* The next free CV number for a new member of organization org on day d. */
enum err cards_cv_next(struct store *st, const char *org, date_t d, char out[16], struct diag_list *dl);

#endif
