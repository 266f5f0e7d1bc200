/* export: the interchange CSV files written from the registry, in the
 * format import reads, so that export -> import -> export is byte-identical.
 * Rows are sorted: organizations and org events by code then date,
 * members by member_id, events by member_id then date. */
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

#endif
