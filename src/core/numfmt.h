/* numfmt: numbers written the Vietnamese way.
 *
 * Thousands are grouped with a dot ("2.517", "75.280"), decimals follow a
 * comma ("15,38"). Percentages are computed in integer arithmetic, rounding
 * half away from zero, so that 671/2291 at precision 1 is exactly "29,3". */
#ifndef DANGBO_CORE_NUMFMT_H
#define DANGBO_CORE_NUMFMT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/buf.h"

/* Appends n with dot thousands separators ("-1.234.567"). */
void numfmt_int(struct buf *b, int64_t n);
/* Computes 100*count/base rounded half away from zero to prec decimals
 * (0..6; values outside are clamped) as a scaled integer:
 * *scaled = round(100*count*10^prec / base). Returns false (and leaves
 * *scaled) when base is 0, or when the result does not fit in int64_t. */
bool numfmt_percent_scaled(int64_t count, int64_t base, int prec, int64_t *scaled);
/* Appends the percentage with a decimal comma and no thousands separator,
 * no % sign ("15,38", "100,05", "29,3", "61"; a negative value "-0,5").
 * Appends nothing when numfmt_percent_scaled returns false (base 0). */
void numfmt_percent(struct buf *b, int64_t count, int64_t base, int prec);
/* Same, for people: thousands dots and a trailing "%" ("1.234,50%"). */
void numfmt_percent_text(struct buf *b, int64_t count, int64_t base, int prec);
/* The percentage as a double (for JSON "percent"), rounded as above: the
 * double nearest to the printed decimal figure. 0 when base is 0. */
double numfmt_percent_value(int64_t count, int64_t base, int prec);

#endif
