/* calendar: the working-day calendar of a database.
 *
 * The calendar shipped in the binary (data/holidays.csv, 2015-2030) with the
 * changes a user recorded in this database laid over it: a day off the
 * Government announced later, a compensating Saturday, or a holiday moved.
 * The changes are kept as CSV text (date,kind,name; kind holiday or working)
 * in the database, so that every command and every server worker reads the
 * same calendar, and every change is audited. */
#ifndef DANGBO_APP_CALENDAR_H
#define DANGBO_APP_CALENDAR_H

#include <stdio.h>

#include "core/diag.h"
#include "core/err.h"
#include "core/workday.h"
#include "store/store.h"

/* The calendar of the database (the caller frees it with workday_cal_free).
 * Returns NULL on a storage failure (message in store_errmsg). */
struct workday_cal *calendar_load(struct store *st);
/* Replaces the recorded changes with those of a CSV file (header
 * date,kind,name). Every problem goes to dl as FILE:LINE:COLUMN and nothing
 * changes then. path "-" is standard input. */
enum err calendar_import(struct store *st, const char *path, struct diag_list *dl);
/* Removes every recorded change: the shipped calendar again. */
enum err calendar_clear(struct store *st);
/* Writes the recorded changes (the CSV imported), or nothing. */
enum err calendar_changes(struct store *st, FILE *out);

#endif
