/* report_render: a report's rows printed as text, CSV, JSON or XLSX
 * (contract §3).
 *
 * The report engine (app/report.h) fills a struct report_table: one row
 * per organization and indicator, in the order to print (organizations in
 * tree order, each organization's indicators in catalogue order). The
 * renderers only format; they compute nothing but percentages, which they
 * take from core/numfmt.h (integer arithmetic, half away from zero):
 *   - CSV: exactly org_code,org_name,indicator,count,base,percent; percent
 *     with a decimal comma and no thousands separator, empty without a base;
 *     fields quoted only when needed (io/csv.h);
 *   - JSON: an array of objects with those keys, count and base integers
 *     (base null without one), percent a number (null without a base), and
 *     percent_text the Vietnamese string ("15,38%");
 *   - text: for people, Vietnamese labels, "2.517", "15,38%", columns
 *     aligned by display width;
 *   - XLSX: a worksheet with a title, the organization, the date, the rows
 *     with formatted numbers, and column widths that fit;
 *   - PDF: a party document (io/doc_pdf.h) with the same rows as the text,
 *     count, base and percentage in the Vietnamese way, in a ruled table. */
#ifndef DANGBO_IO_REPORT_RENDER_H
#define DANGBO_IO_REPORT_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/err.h"

/* No base: the row has no percentage. */
#define REPORT_NO_BASE INT64_C(-1)

struct report_row {
	const char *org_code, *org_name;
	int depth;             /* 0 = the organization asked for, 1 = directly under it, ... */
	const char *indicator; /* "female" */
	const char *label;     /* "Đảng viên nữ" */
	int64_t count;
	int64_t base;          /* REPORT_NO_BASE or >= 0 (0: a base that is zero; no percentage) */
};

/* Strings are borrowed: the table's owner keeps them alive. */
struct report_table {
	const char *report;   /* "members" */
	const char *title;    /* "Báo cáo số lượng đảng viên" */
	const char *org_code, *org_name;
	date_t as_of;
	date_t from, to;      /* DATE_NONE when the report has no period */
	int precision;        /* decimals of percentages, 0..6 */
	struct report_row *rows;
	size_t nrows;
};

enum report_format { REPORT_TEXT, REPORT_CSV, REPORT_JSON, REPORT_XLSX, REPORT_PDF, REPORT_FORMAT__MAX };

/* "text", "csv", "json", "xlsx", "pdf" ("" out of range). */
const char *report_format_name(enum report_format f);
/* Parses a format name; false if unknown (*out unchanged). */
bool report_format_parse(const char *s, enum report_format *out);

/* Appends the rows in CSV (with the header line) to out. */
void report_render_csv(const struct report_table *t, struct buf *out);
/* Appends the rows as a JSON array (one object per row) to out. */
void report_render_json(const struct report_table *t, struct buf *out);
/* Appends the report for people to out. */
void report_render_text(const struct report_table *t, struct buf *out);
/* Writes an XLSX workbook to path. Returns ERR_OK or ERR_IO. */
enum err report_render_xlsx(const struct report_table *t, const char *path);
/* Appends the report as a party document in PDF (report_render_pdf.c) to
 * out: the organization, the date or period, the table of indicators with
 * count, base and percentage, and a signature block left to fill in.
 * Returns ERR_OK or ERR_IO. */
enum err report_render_pdf(const struct report_table *t, struct buf *out);

/* The percentage of a row as the CSV writes it ("29,40", "" without base). */
void report_row_percent(const struct report_row *r, int precision, struct buf *out);

#endif
