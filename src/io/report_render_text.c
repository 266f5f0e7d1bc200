/* report_render_text: a report for people, the way the organization boards
 * print their figures (seeds/FIGURES.md): Vietnamese labels, thousands
 * with a dot ("2.517"), decimals with a comma ("15,38%"), dates dd/mm/yyyy.
 *
 *   Báo cáo số lượng, cơ cấu đảng viên
 *   Tổ chức: Đảng bộ huyện Vĩnh Lợi (VL)
 *   Tính đến ngày 31/12/2018
 *
 *   Chỉ tiêu              Số lượng    Tỷ lệ
 *   Tổng số đảng viên        2.517
 *   Đảng viên nữ               740   29,40%
 *
 * With more than one organization, each has its own block headed by its
 * name, indented by its level under the first. Columns are aligned by the
 * number of characters (code points of NFC text), not bytes. */
#include "io/report_render.h"

#include <string.h>

#include "core/numfmt.h"
#include "core/text.h"

static size_t width(const char *s)
{
	return text_codepoints(s, strlen(s));
}

static void pad(struct buf *b, size_t n)
{
	while (n--)
		buf_addch(b, ' ');
}

/* s left-aligned in w columns */
static void left(struct buf *b, const char *s, size_t w)
{
	size_t n = width(s);
	buf_adds(b, s);
	pad(b, w > n ? w - n : 0);
}

/* s right-aligned in w columns */
static void right(struct buf *b, const char *s, size_t w)
{
	size_t n = width(s);
	pad(b, w > n ? w - n : 0);
	buf_adds(b, s);
}

static void fmt_count(struct buf *b, int64_t n)
{
	buf_reset(b);
	numfmt_int(b, n);
}

static void fmt_percent(struct buf *b, const struct report_row *r, int prec)
{
	buf_reset(b);
	if (r->base > 0)
		numfmt_percent_text(b, r->count, r->base, prec);
}

void report_render_text(const struct report_table *t, struct buf *out)
{
	static const char h_label[] = "Chỉ tiêu", h_count[] = "Số lượng", h_pct[] = "Tỷ lệ";
	char d1[11], d2[11];
	buf_adds(out, t->title);
	buf_addch(out, '\n');
	buf_addf(out, "Tổ chức: %s (%s)\n", t->org_name, t->org_code);
	date_format_vn(t->as_of, d1);
	buf_addf(out, "Tính đến ngày %s\n", d1);
	if (t->from != DATE_NONE && t->to != DATE_NONE) {
		date_format_vn(t->from, d1);
		date_format_vn(t->to, d2);
		buf_addf(out, "Kỳ báo cáo: từ ngày %s đến ngày %s\n", d1, d2);
	}

	/* column widths over the whole report, so every block lines up */
	struct buf tmp;
	buf_init(&tmp, 0);
	size_t wl = width(h_label), wc = width(h_count), wp = width(h_pct);
	for (size_t i = 0; i < t->nrows; i++) {
		const struct report_row *r = &t->rows[i];
		size_t n = width(r->label);
		if (n > wl)
			wl = n;
		fmt_count(&tmp, r->count);
		if (tmp.len > wc)
			wc = tmp.len;
		fmt_percent(&tmp, r, t->precision);
		if (width(tmp.ptr) > wp)
			wp = width(tmp.ptr);
	}
	bool blocks = t->nrows && strcmp(t->rows[0].org_code, t->rows[t->nrows - 1].org_code) != 0;
	if (!t->nrows)
		buf_adds(out, "\n(không có chỉ tiêu nào)\n");
	for (size_t i = 0; i < t->nrows; i++) {
		const struct report_row *r = &t->rows[i];
		bool first = i == 0 || strcmp(t->rows[i - 1].org_code, r->org_code) != 0;
		size_t ind = blocks ? 2 * (size_t)r->depth : 0;
		if (first) {
			buf_addch(out, '\n');
			if (blocks) {
				pad(out, ind);
				buf_addf(out, "%s (%s)\n", r->org_name, r->org_code);
				ind += 2;
			}
			pad(out, ind);
			left(out, h_label, wl);
			buf_adds(out, "  ");
			right(out, h_count, wc);
			buf_adds(out, "  ");
			right(out, h_pct, wp);
			buf_addch(out, '\n');
		} else if (blocks) {
			ind += 2;
		}
		pad(out, ind);
		left(out, r->label, wl);
		buf_adds(out, "  ");
		fmt_count(&tmp, r->count);
		right(out, tmp.ptr, wc);
		fmt_percent(&tmp, r, t->precision);
		if (tmp.len) {
			buf_adds(out, "  ");
			right(out, tmp.ptr, wp);
		}
		buf_addch(out, '\n');
	}
	buf_free(&tmp);
}
