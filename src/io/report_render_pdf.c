/* report_render_pdf: a report as a party document in PDF (report_render.h).
 *
 * The same rows as the text report, laid out by io/doc_pdf.h (format
 * profile hd36-2018, documents.md §§1–9): the organization as the issuing
 * body, the date line left blank to fill in on signing, the title "BÁO
 * CÁO" with the report's subject as its summary line, a paragraph with the
 * organization and the as-of date or the period, then for each
 * organization a ruled table "Chỉ tiêu | Số lượng | Cơ sở tính | Tỷ lệ"
 * with numbers right-aligned and printed the Vietnamese way ("2.517",
 * "29,40%"), breaking across pages with its header row repeated; last an
 * unsigned signature block and "Nơi nhận". */
#include "io/report_render.h"

#include <string.h>

#include "core/numfmt.h"
#include "io/doc.h"
#include "io/doc_pdf.h"

/* "Báo cáo số lượng ..." -> "số lượng ..." for the summary line (documents.md
 * §6: the summary starts lower case under the document type). */
static const char *subject(const char *title)
{
	static const char prefix[] = "Báo cáo ";
	return strncmp(title, prefix, sizeof(prefix) - 1) == 0 ? title + sizeof(prefix) - 1 : title;
}

static void org_table(struct doc *d, const struct report_table *t, size_t from, size_t to)
{
	static const char *const head[] = {"Chỉ tiêu", "Số lượng", "Cơ sở tính", "Tỷ lệ"};
	static const double frac[] = {0.52, 0.16, 0.17, 0.15};
	static const enum doc_align align[] = {DOC_LEFT, DOC_RIGHT, DOC_RIGHT, DOC_RIGHT};
	struct doc_table *tb = doc_table_add(d, 4, head, frac, align);
	struct buf count, base, pct;
	buf_init(&count, 0);
	buf_init(&base, 0);
	buf_init(&pct, 0);
	for (size_t i = from; i < to; i++) {
		const struct report_row *r = &t->rows[i];
		buf_reset(&count);
		buf_reset(&base);
		buf_reset(&pct);
		numfmt_int(&count, r->count);
		if (r->base != REPORT_NO_BASE)
			numfmt_int(&base, r->base);
		if (r->base > 0)
			numfmt_percent_text(&pct, r->count, r->base, t->precision);
		const char *cells[4] = {r->label, buf_str(&count), buf_str(&base), buf_str(&pct)};
		doc_table_row(tb, cells);
	}
	buf_free(&count);
	buf_free(&base);
	buf_free(&pct);
}

enum err report_render_pdf(const struct report_table *t, struct buf *out)
{
	struct doc d;
	doc_init(&d);
	doc_set(&d.header.issuer, t->org_name);
	doc_set(&d.type, "Báo cáo");
	doc_set(&d.summary, subject(t->title));
	d.created = t->as_of; /* the same file for the same data */

	char d1[11], d2[11];
	struct buf b;
	buf_init(&b, 0);
	date_format_vn(t->as_of, d1);
	buf_addf(&b, "Tổ chức: %s (%s). Số liệu tính đến ngày %s.", t->org_name, t->org_code, d1);
	doc_para(&d, buf_str(&b));
	if (t->from != DATE_NONE && t->to != DATE_NONE) {
		buf_reset(&b);
		date_format_vn(t->from, d1);
		date_format_vn(t->to, d2);
		buf_addf(&b, "Kỳ báo cáo: từ ngày %s đến ngày %s.", d1, d2);
		doc_para(&d, buf_str(&b));
	}
	if (!t->nrows)
		doc_para(&d, "(Không có chỉ tiêu nào.)");
	/* one table per organization, as the text report has one block each */
	bool blocks = t->nrows && strcmp(t->rows[0].org_code, t->rows[t->nrows - 1].org_code) != 0;
	for (size_t i = 0; i < t->nrows;) {
		size_t j = i + 1;
		while (j < t->nrows && strcmp(t->rows[j].org_code, t->rows[i].org_code) == 0)
			j++;
		if (blocks) {
			buf_reset(&b);
			buf_addf(&b, "%s (%s)", t->rows[i].org_name, t->rows[i].org_code);
			doc_heading(&d, buf_str(&b));
		}
		org_table(&d, t, i, j);
		i = j;
	}
	buf_free(&b);
	/* left to sign: who signs for the organization is written by hand */
	doc_set(&d.authority, "T/M ……………………");
	doc_set(&d.signer_title, "……………………");
	doc_recipient(&d, "- Lưu.");
	enum err e = doc_pdf_render(&d, NULL, out);
	doc_free(&d);
	return e;
}
