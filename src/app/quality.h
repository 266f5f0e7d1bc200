/* quality: three yearly records of the quality of members, imported from CSV
 * and exported in the same format (docs/quality.md):
 *   screening    screening cases (rà soát, sàng lọc, Chỉ thị 28-CT/TW):
 *                year, member_id, reason, outcome, channel, decision_date,
 *                decision_ref
 *   residence    the yearly comment of the residence party cell on a working
 *                member (nhận xét nơi cư trú, QĐ 213-QĐ/TW): year,
 *                member_id, residence_cell, commented_on, comment,
 *                front_opinion, exempt_reason
 *   degradation  the assessment of the 27 manifestations on 5 levels (NQ
 *                04-NQ/TW): period, subject_type, subject, manifestation,
 *                level, note (one row per subject and manifestation)
 * Headers may be the English names or their Vietnamese aliases (quality.c
 * cols[]). Every row is checked and every problem located FILE:LINE:COLUMN
 * citing the rule; a file with any problem writes nothing. Re-importing
 * replaces the rows of the same keys (year and member; or period and
 * subject). The import is one audit record ("<kind>.import"). */
#ifndef DANGBO_APP_QUALITY_H
#define DANGBO_APP_QUALITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/date.h"
#include "core/diag.h"
#include "core/err.h"
#include "store/store.h"

enum quality_kind {
	QUALITY_SCREENING,
	QUALITY_RESIDENCE,
	QUALITY_DEGRADATION,
	QUALITY__MAX
};

/* "screening", "residence", "degradation". */
const char *quality_kind_name(enum quality_kind k);
bool quality_kind_parse(const char *s, enum quality_kind *out);

/* Imports path (a CSV of kind k) into st. With dry_run only checks.
 * *rows receives the number of data rows. Returns ERR_OK, ERR_INPUT
 * (problems in dl, nothing written) or ERR_STORE. */
enum err quality_import(struct store *st, enum quality_kind k, const char *path, bool dry_run,
			struct diag_list *dl, size_t *rows);

/* Writes the stored rows of kind k as CSV (the import's format, English
 * headers, byte order of the keys) to out. org (or NULL: all) limits it to
 * the rows counted at an organization in org's subtree on as_of (DATE_NONE:
 * today). Returns ERR_OK, ERR_NOTFOUND (no such org; *errmsg says so, the
 * caller frees it), ERR_STORE or ERR_IO. */
enum err quality_export(struct store *st, enum quality_kind k, const char *org, date_t as_of, FILE *out,
			char **errmsg);

#endif
