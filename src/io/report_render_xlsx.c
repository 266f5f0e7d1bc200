/* report_render_xlsx: a report as an Excel workbook (libxlsxwriter), as the
 * organization boards send their statistics (rules.md §7.1): a title, the
 * organization, the date, then one line per organization and indicator
 * with numbers as numbers (thousands grouped by the reader's locale:
 * "2.517" in Vietnamese) and percentages as percentages ("29,40%"), column
 * widths that fit the text, the header frozen and filterable. */
#include "io/report_render.h"

#include <string.h>
#include <xlsxwriter.h>

#include "core/numfmt.h"
#include "core/text.h"

enum col { C_CODE, C_NAME, C_LABEL, C_INDICATOR, C_COUNT, C_BASE, C_PERCENT, C__MAX };

static const char *const col_head[C__MAX] = {
	[C_CODE] = "Mã tổ chức",   [C_NAME] = "Tên tổ chức",     [C_LABEL] = "Chỉ tiêu",
	[C_INDICATOR] = "Mã chỉ tiêu", [C_COUNT] = "Số lượng", [C_BASE] = "Cơ sở tính tỷ lệ",
	[C_PERCENT] = "Tỷ lệ",
};

#define MAX_INDENT 8

static void widen(double *w, const char *s, double extra)
{
	double n = (double)text_codepoints(s, strlen(s)) + extra;
	if (n > *w)
		*w = n;
}

enum err report_render_xlsx(const struct report_table *t, const char *path)
{
	lxw_workbook *wb = workbook_new(path);
	if (!wb)
		return ERR_IO;
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Báo cáo");
	lxw_format *title = workbook_add_format(wb);
	format_set_bold(title);
	format_set_font_size(title, 14);
	lxw_format *head = workbook_add_format(wb);
	format_set_bold(head);
	format_set_bg_color(head, 0xD9E1F2);
	format_set_border(head, LXW_BORDER_THIN);
	format_set_text_wrap(head);
	format_set_align(head, LXW_ALIGN_CENTER);
	format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
	lxw_format *text = workbook_add_format(wb);
	format_set_border(text, LXW_BORDER_THIN);
	lxw_format *name[MAX_INDENT + 1];
	for (int i = 0; i <= MAX_INDENT; i++) {
		name[i] = workbook_add_format(wb);
		format_set_border(name[i], LXW_BORDER_THIN);
		if (i)
			format_set_indent(name[i], (uint8_t)i);
	}
	lxw_format *num = workbook_add_format(wb);
	format_set_num_format(num, "#,##0");
	format_set_border(num, LXW_BORDER_THIN);
	lxw_format *pct = workbook_add_format(wb);
	char pfmt[16] = "0";
	if (t->precision > 0) {
		strcat(pfmt, ".");
		for (int i = 0; i < t->precision && i < 6; i++)
			strcat(pfmt, "0");
	}
	strcat(pfmt, "%");
	format_set_num_format(pct, pfmt);
	format_set_border(pct, LXW_BORDER_THIN);

	char d1[11], d2[11];
	char line[512];
	worksheet_write_string(ws, 0, 0, t->title, title);
	snprintf(line, sizeof(line), "Tổ chức: %s (%s)", t->org_name, t->org_code);
	worksheet_write_string(ws, 1, 0, line, NULL);
	date_format_vn(t->as_of, d1);
	snprintf(line, sizeof(line), "Tính đến ngày %s", d1);
	worksheet_write_string(ws, 2, 0, line, NULL);
	lxw_row_t r0 = 4;
	if (t->from != DATE_NONE && t->to != DATE_NONE) {
		date_format_vn(t->from, d1);
		date_format_vn(t->to, d2);
		snprintf(line, sizeof(line), "Kỳ báo cáo: từ ngày %s đến ngày %s", d1, d2);
		worksheet_write_string(ws, 3, 0, line, NULL);
		r0 = 5;
	}

	double w[C__MAX];
	for (int c = 0; c < C__MAX; c++) {
		w[c] = 0;
		widen(&w[c], col_head[c], 2);
		worksheet_write_string(ws, r0, (lxw_col_t)c, col_head[c], head);
	}
	w[C_COUNT] = w[C_BASE] = w[C_PERCENT] = 12;
	struct buf b;
	buf_init(&b, 0);
	for (size_t i = 0; i < t->nrows; i++) {
		const struct report_row *r = &t->rows[i];
		lxw_row_t y = r0 + 1 + (lxw_row_t)i;
		int depth = r->depth < 0 ? 0 : r->depth > MAX_INDENT ? MAX_INDENT : r->depth;
		worksheet_write_string(ws, y, C_CODE, r->org_code, text);
		worksheet_write_string(ws, y, C_NAME, r->org_name, name[depth]);
		worksheet_write_string(ws, y, C_LABEL, r->label, text);
		worksheet_write_string(ws, y, C_INDICATOR, r->indicator, text);
		worksheet_write_number(ws, y, C_COUNT, (double)r->count, num);
		if (r->base == REPORT_NO_BASE)
			worksheet_write_blank(ws, y, C_BASE, text);
		else
			worksheet_write_number(ws, y, C_BASE, (double)r->base, num);
		int64_t scaled;
		if (r->base > 0 && numfmt_percent_scaled(r->count, r->base, t->precision, &scaled)) {
			/* the rounded percentage, as a fraction for the % format */
			double v = (double)scaled;
			for (int k = 0; k < t->precision + 2; k++)
				v /= 10;
			worksheet_write_number(ws, y, C_PERCENT, v, pct);
		} else {
			worksheet_write_blank(ws, y, C_PERCENT, text);
		}
		widen(&w[C_CODE], r->org_code, 2);
		widen(&w[C_NAME], r->org_name, 2 + 2 * depth);
		widen(&w[C_LABEL], r->label, 2);
		widen(&w[C_INDICATOR], r->indicator, 2);
		buf_reset(&b);
		numfmt_int(&b, r->count);
		widen(&w[C_COUNT], b.ptr, 3);
	}
	buf_free(&b);
	for (int c = 0; c < C__MAX; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w[c] > 80 ? 80 : w[c], NULL);
	worksheet_freeze_panes(ws, r0 + 1, 0);
	if (t->nrows)
		worksheet_autofilter(ws, r0, 0, r0 + (lxw_row_t)t->nrows, C__MAX - 1);
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	/* libxlsxwriter copies the strings; its struct is not const-qualified */
	char title_text[256], company[] = "dangbo";
	snprintf(title_text, sizeof(title_text), "%s", t->title);
	lxw_doc_properties props = {.title = title_text, .company = company};
	workbook_set_properties(wb, &props);
	return workbook_close(wb) == LXW_NO_ERROR ? ERR_OK : ERR_IO;
}
