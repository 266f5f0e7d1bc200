/* target: admission targets (chỉ tiêu kết nạp đảng viên) per organization
 * and year, the base of the "admitted" indicator of the members report
 * (contract §3; seed 004: "kết nạp 2.051 đảng viên mới, đạt 100,05% so
 * với chỉ tiêu tỉnh phân bổ").
 *
 * Targets are data users enter: one at a time (dangbo target set) or from
 * a CSV file with the columns org_code,year,target (dangbo target import;
 * Vietnamese headers ma_to_chuc / Mã tổ chức, nam / Năm, chi_tieu / Chỉ
 * tiêu are accepted). Setting a target again replaces it. Every write is
 * in the audit log (entity "target": org_code/year, or the file name).
 * Reports read targets from the store when they run, so a change shows at
 * once and needs no new snapshot. */
#ifndef DANGBO_APP_TARGET_H
#define DANGBO_APP_TARGET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/diag.h"
#include "core/err.h"
#include "store/store.h"

/* Years a target may be set for. */
#define TARGET_YEAR_MIN 1930
#define TARGET_YEAR_MAX 2200

/* Sets the target of the organization with code org_code for year, in its
 * own transaction. Returns ERR_OK, ERR_NOTFOUND (no such organization),
 * ERR_INPUT (year or target out of range), or ERR_STORE; msg says why. */
enum err target_set(struct store *st, const char *org_code, int year, int64_t target, struct buf *msg);

/* Imports a CSV file of targets. Every row is checked (organization known,
 * year in range, target a whole number >= 0, no (organization, year) twice)
 * and every problem goes to dl as FILE:LINE:COLUMN; if there is any, nothing
 * is written. With dry_run nothing is written either. *rows receives the
 * number of data rows. Returns ERR_OK, ERR_INPUT or ERR_STORE. */
enum err target_import(struct store *st, const char *path, bool dry_run, struct diag_list *dl, size_t *rows);

#endif
