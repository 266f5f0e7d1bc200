/* summary: the yearly summary report of the party-building and
 * organization work ("Báo cáo kết quả công tác tổ chức xây dựng Đảng năm
 * Y"), written from the data as the organization boards write it (seeds
 * 001–004; seeds/FIGURES.md).
 *
 * Every figure comes from the report engine (app/report.h), run for the
 * organization as of 31/12/Y (or today, in the current year):
 *   - orgs: base organizations (base committees, base cells), cells and
 *     sub-committees under them;
 *   - members: the total, official and probationary, women, ethnic
 *     minorities and religious members with their shares; with the period
 *     01/01/Y–31/12/Y the admissions against the admission target,
 *     recognitions, transfers in and out, re-admissions and restorations,
 *     removals, expulsions, members who left, deaths;
 *   - badges: members whose party age reaches each badge milestone in Y;
 *   - ratings (review round "Y"): base organizations and members at each
 *     quality level, and the self-review participation;
 *   - congress: the progress of the congresses of a term under way.
 * The same reports as of 31/12/(Y−1) give the comparisons with the year
 * before. A figure the data do not give (an organization that did not
 * exist, a round never imported, no congress planned, no women recorded)
 * makes its sentence or clause left out, never printed as 0. Numbers are
 * printed the Vietnamese way ("2.517", "15,38%"). */
#ifndef DANGBO_APP_SUMMARY_H
#define DANGBO_APP_SUMMARY_H

#include "app/snapshot.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/err.h"
#include "io/doc.h"
#include "store/store.h"

struct summary_request {
	const char *org;     /* the organization's code */
	int year;            /* Y */
	const char *place;   /* the place of the date line, or NULL (blank) */
	const char *number;  /* "Số 15-BC/HU", or NULL (blanks to fill in) */
	const char *term;    /* the congress term "2025-2030", or NULL: the
			      * term Y–(Y+5) or (Y+1)–(Y+6) with congresses planned */
	date_t today;        /* the date of the document; DATE_NONE: date_today() */
};

/* Writes the summary report of rq->org for rq->year into d (initialized
 * by the caller, freed with doc_free). Reads snap and st (st may not be
 * NULL: ratings and congresses are read from it). Errors, with a message
 * in msg:
 *   ERR_USAGE    a year before 1930 or after the current year;
 *   ERR_NOTFOUND no organization with that code;
 *   ERR_INPUT    the organization did not exist at the end of the year;
 *   others from the report engine. */
enum err summary_build(const struct snapshot *snap, struct store *st, const struct summary_request *rq,
		       struct doc *d, struct buf *msg);

#endif
