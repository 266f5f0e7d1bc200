/* ratings: the quality ratings of a review round (kiểm điểm, đánh giá,
 * xếp loại chất lượng, QĐ 366-QĐ/TW), imported from ratings.csv
 * (contract §2: period, subject_type, subject, score, level, self_review,
 * override_reason) with `dangbo import ratings FILE`.
 *
 * Every row is checked and every problem located as FILE:LINE:COLUMN; a
 * file with any problem is rejected whole. Re-importing a period replaces
 * that period's rows for the subjects in the file. The import is one audit
 * record (action "ratings.import", entity "ratings", the file name). */
#ifndef DANGBO_APP_RATINGS_H
#define DANGBO_APP_RATINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"
#include "core/err.h"
#include "store/store.h"

/* The four levels (QĐ 366-QĐ/TW Điều 11). */
enum rating_level {
	RATING_EXCELLENT, /* hoàn thành xuất sắc nhiệm vụ */
	RATING_GOOD,      /* hoàn thành tốt nhiệm vụ */
	RATING_COMPLETED, /* hoàn thành nhiệm vụ */
	RATING_FAILED,    /* không hoàn thành nhiệm vụ */
	RATING__MAX
};

/* What the quota on "excellent" is counted over (rules.md §2.2, LOW
 * confidence): the members rated "good" in the same base organization
 * (HD 21-HD/BTCTW 2019, the default) or every member rated there. */
enum rating_quota_base {
	QUOTA_OF_GOOD,
	QUOTA_OF_RATED,
	QUOTA__MAX
};

struct rating_opts {
	bool dry_run;
	enum rating_quota_base quota_base; /* default QUOTA_OF_GOOD */
	int quota_percent;                 /* default 20 */
};

/* The English name of a level ("excellent", ...). */
const char *rating_level_name(enum rating_level l);
/* Parses a level: the English names, the Vietnamese words (with or
 * without marks) or their initials (HTXSNV, HTTNV, HTNV, KHTNV). */
bool rating_level_parse(const char *s, enum rating_level *out);
/* Checks a period: a year "2024", a quarter "2025-Q3" or a term
 * "2020-2025" (rules.md §2.3); *end_year and *end_month receive the year
 * and month of its last day. False if s is none of these. */
bool rating_period_parse(const char *s, int *end_year, int *end_month);

/* Imports path into st (see above). *rows receives the number of data
 * rows. Returns ERR_OK, ERR_INPUT (problems in dl, nothing written) or
 * ERR_STORE. */
enum err ratings_import(struct store *st, const char *path, const struct rating_opts *o, struct diag_list *dl,
			size_t *rows);

#endif
