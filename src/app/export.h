/* export: the interchange CSV files written from the registry, in the
 * format import reads, so that export -> import -> export is byte-identical.
 * Rows are sorted: organizations and org events by code then date,
 * members by member_id, events by member_id then date, ratings by period,
 * then organizations before members, then code or member_id. */
#ifndef DANGBO_APP_EXPORT_H
#define DANGBO_APP_EXPORT_H

#include <stdio.h>

#include "app/import.h"
#include "core/date.h"
#include "store/store.h"

struct export_opts {
	const char *org;  /* only this organization's subtree (NULL: all) */
	date_t as_of;     /* with org: the subtree as of this day (DATE_NONE: today) */
};

/* Writes file kind k to out. Returns ERR_OK, ERR_NOTFOUND (unknown org),
 * ERR_STORE or ERR_IO. */
enum err export_csv(struct store *st, enum import_kind k, const struct export_opts *o, FILE *out, char **errmsg);

/* Writes ratings.csv (contract §2: period, subject_type, subject, score,
 * level, self_review, override_reason; the format app/ratings.h imports)
 * to out: scores as 85 or 85.5, levels as excellent/good/completed/failed,
 * self_review as yes/no. With o->org, only the ratings of organizations in
 * the subtree and of members whose organization is in it (as members.csv
 * chooses them). Returns ERR_OK, ERR_NOTFOUND (unknown org), ERR_STORE or
 * ERR_IO; *errmsg (caller frees) says why. */
enum err export_ratings_csv(struct store *st, const struct export_opts *o, FILE *out, char **errmsg);

#endif
