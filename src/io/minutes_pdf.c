/* minutes_pdf: the counting minutes as a PDF, set with cairo and pango.
 *
 * A small page writer (struct page) flows blocks down A4 pages: paragraphs,
 * two-column blocks and ruled tables, each measured with a pango layout
 * before it is placed, so a block that does not fit starts a new page (a
 * table repeats its header row there). Every size and offset of the format
 * is in the profile below (HD 36-HD/VPTW as measured, documents.md §12), so
 * another profile can be added when a newer guide is read. */
#include "io/minutes_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/numfmt.h"
#include "core/text.h"
#include "core/xalloc.h"

#define MM (72.0 / 25.4)

/* The format profile "hd36-2018" (documents.md §§1–3, 6–8, 12). */
static const struct profile {
	double width, height;              /* A4, pt */
	double top, bottom, left, right;   /* margins, pt */
	const char *font;
	double body, heading, title, party; /* sizes, pt */
	double table;                      /* table text size */
	double line;                       /* line-spacing factor */
	double indent;                     /* first-line indent, pt */
	double after;                      /* space after a paragraph, pt */
	double page_no_y;                  /* page number from the top edge, pt */
	double sign_gap;                   /* space for a signature, pt */
} hd36 = {
	.width = 210 * MM, .height = 297 * MM,
	.top = 20 * MM, .bottom = 20 * MM, .left = 30 * MM, .right = 15 * MM,
	.font = "Liberation Serif",
	.body = 14, .heading = 14, .title = 16, .party = 15, .table = 13,
	.line = 1.1, .indent = 10 * MM, .after = 6, .page_no_y = 10 * MM,
	.sign_gap = 30 * MM,
};

enum style { ST_REGULAR, ST_BOLD, ST_ITALIC, ST_BOLD_ITALIC };

struct page {
	const struct profile *p;
	cairo_surface_t *surf;
	cairo_t *cr;
	double y;  /* top of the next block */
	int number;
};

static double text_width(const struct page *pg)
{
	return pg->p->width - pg->p->left - pg->p->right;
}

/* A layout of markup in width pt (0: no wrapping), size pt and style. The
 * caller unrefs it. */
static PangoLayout *layout(struct page *pg, const char *markup, double width, double size, enum style st,
			   PangoAlignment align)
{
	PangoLayout *l = pango_cairo_create_layout(pg->cr);
	PangoFontDescription *fd = pango_font_description_from_string(pg->p->font);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_weight(fd, st == ST_BOLD || st == ST_BOLD_ITALIC ? PANGO_WEIGHT_BOLD
										     : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(fd, st == ST_ITALIC || st == ST_BOLD_ITALIC ? PANGO_STYLE_ITALIC
										      : PANGO_STYLE_NORMAL);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_alignment(l, align);
	pango_layout_set_line_spacing(l, (float)pg->p->line);
	pango_layout_set_markup(l, markup, -1);
	return l;
}

static double layout_height(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

static double layout_width(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)w / PANGO_SCALE;
}

static void draw(struct page *pg, PangoLayout *l, double x, double y)
{
	cairo_move_to(pg->cr, x, y);
	pango_cairo_show_layout(pg->cr, l);
}

/* Page numbers: Arabic, centred in the top margin, not on page 1. */
static void page_number(struct page *pg)
{
	char s[16];
	snprintf(s, sizeof(s), "%d", pg->number);
	PangoLayout *l = layout(pg, s, text_width(pg), pg->p->body, ST_REGULAR, PANGO_ALIGN_CENTER);
	draw(pg, l, pg->p->left, pg->p->page_no_y);
	g_object_unref(l);
}

static void new_page(struct page *pg)
{
	cairo_show_page(pg->cr);
	pg->number++;
	pg->y = pg->p->top;
	page_number(pg);
}

/* Starts a new page unless h pt still fit on this one. */
static void ensure(struct page *pg, double h)
{
	if (pg->y + h > pg->p->height - pg->p->bottom && pg->y > pg->p->top)
		new_page(pg);
}

/* ---- markup ---------------------------------------------------------------- */

/* Appends text escaped for pango markup. */
static void esc(struct buf *b, const char *s)
{
	char *e = g_markup_escape_text(s ? s : "", -1);
	buf_adds(b, e);
	g_free(e);
}

static char *upper(const char *s)
{
	char *u = g_utf8_strup(s, -1), *r = xstrdup(u);
	g_free(u);
	return r;
}

static void add_int(struct buf *b, int64_t n)
{
	numfmt_int(b, n);
}

/* ---- blocks ------------------------------------------------------------------ */

struct para_opts {
	double size;
	enum style st;
	PangoAlignment align;
	bool justify, indent;
	double after;
};

static void para(struct page *pg, const char *markup, const struct para_opts *o)
{
	PangoLayout *l = layout(pg, markup, text_width(pg), o->size ? o->size : pg->p->body, o->st, o->align);
	if (o->justify)
		pango_layout_set_justify(l, TRUE);
	if (o->indent)
		pango_layout_set_indent(l, (int)(pg->p->indent * PANGO_SCALE));
	double h = layout_height(l);
	ensure(pg, h);
	draw(pg, l, pg->p->left, pg->y);
	pg->y += h + o->after;
	g_object_unref(l);
}

/* A body paragraph: justified, first line indented. */
static void body(struct page *pg, const struct buf *markup)
{
	struct para_opts o = {0, ST_REGULAR, PANGO_ALIGN_LEFT, true, true, pg->p->after};
	para(pg, buf_str(markup), &o);
}

static void bodyf(struct page *pg, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void bodyf(struct page *pg, const char *fmt, ...)
{
	struct buf b;
	va_list ap;
	buf_init(&b, 0);
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	body(pg, &b);
	buf_free(&b);
}

/* A numbered heading, kept on one page with the keep lines after it. */
static void heading(struct page *pg, const char *text, int keep)
{
	struct para_opts o = {pg->p->heading, ST_BOLD, PANGO_ALIGN_LEFT, false, true, pg->p->after / 2};
	ensure(pg, (keep + 1) * pg->p->body * 1.3);
	struct buf b;
	buf_init(&b, 0);
	esc(&b, text);
	para(pg, buf_str(&b), &o);
	buf_free(&b);
}

/* ---- tables -------------------------------------------------------------------- */

#define COLS_MAX 6

struct table {
	int ncol;
	const char *head[COLS_MAX];
	double frac[COLS_MAX];  /* share of the text width */
	PangoAlignment align[COLS_MAX];
};

static const double cell_pad = 3;

/* Lays out one row of cells (markup) and returns its height. */
static double row_layouts(struct page *pg, const struct table *t, char *const *cells, enum style st,
			  PangoLayout **out)
{
	double h = 0;
	for (int c = 0; c < t->ncol; c++) {
		double w = t->frac[c] * text_width(pg) - 2 * cell_pad;
		out[c] = layout(pg, cells[c], w, pg->p->table, st, t->align[c]);
		double ch = layout_height(out[c]);
		if (ch > h)
			h = ch;
	}
	return h + 2 * cell_pad;
}

static void row_draw(struct page *pg, const struct table *t, PangoLayout **ls, double h)
{
	double x = pg->p->left;
	cairo_set_line_width(pg->cr, 0.5);
	for (int c = 0; c < t->ncol; c++) {
		double w = t->frac[c] * text_width(pg);
		cairo_rectangle(pg->cr, x, pg->y, w, h);
		cairo_stroke(pg->cr);
		draw(pg, ls[c], x + cell_pad, pg->y + cell_pad);
		g_object_unref(ls[c]);
		x += w;
	}
	pg->y += h;
}

static void table_head(struct page *pg, const struct table *t)
{
	PangoLayout *ls[COLS_MAX];
	char *cells[COLS_MAX];
	for (int c = 0; c < t->ncol; c++) {
		struct buf b;
		buf_init(&b, 0);
		esc(&b, t->head[c]);
		cells[c] = buf_detach(&b, NULL);
	}
	struct table centred = *t;
	for (int c = 0; c < t->ncol; c++)
		centred.align[c] = PANGO_ALIGN_CENTER;
	double h = row_layouts(pg, &centred, cells, ST_BOLD, ls);
	row_draw(pg, &centred, ls, h);
	for (int c = 0; c < t->ncol; c++)
		free(cells[c]);
}

/* Draws a row of escaped cells; on a new page the header row comes again.
 * The header is drawn with the first row so it never stands alone. */
static void table_row(struct page *pg, const struct table *t, char *const *cells, bool first)
{
	PangoLayout *ls[COLS_MAX];
	double h = row_layouts(pg, t, cells, ST_REGULAR, ls);
	double need = h + (first ? 2 * pg->p->table + 2 * cell_pad : 0);
	double before = pg->y;
	int page = pg->number;
	ensure(pg, need);
	if (first || pg->number != page || pg->y < before)
		table_head(pg, t);
	row_draw(pg, t, ls, h);
}

static void table_end(struct page *pg)
{
	pg->y += pg->p->after;
}

/* ---- the header block (documents.md §3, §10.2) ------------------------------------ */

/* "Hạ Long, ngày 03 tháng 02 năm 2025": day under 10 and months 1–2 with a
 * leading zero; blanks to fill in by hand when the date is not known. */
static void date_line(struct buf *b, const struct election_doc *d)
{
	esc(b, d->place ? d->place : "……………");
	if (d->date == DATE_NONE) {
		buf_adds(b, ", ngày      tháng      năm 20     ");
		return;
	}
	int y, m, day;
	date_to_ymd(d->date, &y, &m, &day);
	buf_addf(b, ", ngày %02d tháng %s%d năm %d", day, m <= 2 ? "0" : "", m, y);
}

static void header(struct page *pg, const struct election_doc *d)
{
	const struct profile *p = pg->p;
	double lw = 80 * MM, rw = text_width(pg) - lw, rx = p->left + lw, y = p->top;
	struct buf b;
	buf_init(&b, 0);
	/* left: the organization, then the counting board as issuer, then "*" */
	if (d->upper_organization) {
		char *u = upper(d->upper_organization);
		esc(&b, u);
		buf_addch(&b, '\n');
		free(u);
	}
	if (d->organization) {
		char *u = upper(d->organization);
		esc(&b, u);
		buf_addch(&b, '\n');
		free(u);
	}
	buf_adds(&b, "<b>BAN KIỂM PHIẾU</b>\n*");
	PangoLayout *left = layout(pg, buf_str(&b), lw, p->body, ST_REGULAR, PANGO_ALIGN_CENTER);
	draw(pg, left, p->left, y);
	double lh = layout_height(left);
	g_object_unref(left);

	/* right: the Party's name, a rule as long as it, place and date */
	PangoLayout *party = layout(pg, "ĐẢNG CỘNG SẢN VIỆT NAM", 0, p->party, ST_BOLD, PANGO_ALIGN_LEFT);
	double pw = layout_width(party), ph = layout_height(party), px = rx + (rw - pw) / 2;
	draw(pg, party, px, y);
	g_object_unref(party);
	cairo_set_line_width(pg->cr, 0.6);
	cairo_move_to(pg->cr, px, y + ph + 1);
	cairo_line_to(pg->cr, px + pw, y + ph + 1);
	cairo_stroke(pg->cr);
	buf_reset(&b);
	date_line(&b, d);
	PangoLayout *date = layout(pg, buf_str(&b), rw, p->body, ST_ITALIC, PANGO_ALIGN_CENTER);
	draw(pg, date, rx, y + ph + 6);
	double rh = ph + 6 + layout_height(date);
	g_object_unref(date);
	buf_free(&b);
	pg->y = y + (lh > rh ? lh : rh) + 8 * MM;
}

/* What was elected, for the title: "Bầu Chi ủy Chi bộ Khu 3". */
static void subject(struct buf *b, const struct election_doc *d)
{
	const struct election_round *r = &d->round;
	if (r->kind == ELECTION_OPINION)
		buf_adds(b, "Lấy ý kiến giới thiệu người ứng cử, người được đề cử");
	else if (r->kind == ELECTION_DELEGATES) {
		buf_adds(b, "Bầu đại biểu đi dự Đại hội ");
		esc(b, d->upper_organization ? d->upper_organization : "đảng bộ cấp trên");
	} else {
		buf_adds(b, "Bầu ");
		esc(b, election_body_label(r));
		if (d->organization) {
			buf_addch(b, ' ');
			esc(b, d->organization);
		}
	}
	if (r->round)
		buf_addf(b, " (lần bầu thứ %d)", r->round);
}

static void title(struct page *pg, const struct election_doc *d)
{
	struct para_opts t = {pg->p->title, ST_BOLD, PANGO_ALIGN_CENTER, false, false, 2};
	para(pg, "BIÊN BẢN KIỂM PHIẾU", &t);
	struct buf b;
	buf_init(&b, 0);
	subject(&b, d);
	if (d->congress_title) {
		buf_addch(&b, '\n');
		esc(&b, d->congress_title);
	}
	struct para_opts s = {pg->p->body, ST_BOLD, PANGO_ALIGN_CENTER, false, false, 0};
	para(pg, buf_str(&b), &s);
	para(pg, "-----", &s);
	pg->y += pg->p->after;
	buf_free(&b);
}

/* ---- the fields of the template (documents.md §10.3) -------------------------------- */

static void opening(struct page *pg, const struct election_doc *d)
{
	struct buf b;
	buf_init(&b, 0);
	buf_adds(&b, "Căn cứ Điều lệ Đảng và Quy chế bầu cử trong Đảng ban hành kèm theo Quyết định số "
		     "190-QĐ/TW ngày 10/10/2024 của Bộ Chính trị, ");
	esc(&b, d->congress_title ? d->congress_title : "đại hội");
	buf_adds(&b, " đã tiến hành ");
	struct buf s;
	buf_init(&s, 0);
	subject(&s, d);
	char *lower = g_utf8_strdown(buf_str(&s), 1);
	buf_add(&b, lower, strlen(lower));
	buf_adds(&b, buf_str(&s) + strlen(lower));
	g_free(lower);
	buf_adds(&b, ". Ban kiểm phiếu lập biên bản kiểm phiếu như sau:");
	body(pg, &b);
	buf_free(&s);
	buf_free(&b);
}

static void seats(struct page *pg, const struct election_doc *d)
{
	const struct election_round *r = &d->round;
	struct buf b;
	buf_init(&b, 0);
	heading(pg, "1. Số lượng cần bầu", 3);
	if (r->kind == ELECTION_DELEGATES) {
		buf_adds(&b, "Số lượng đại biểu được cấp trên phân bổ: ");
		add_int(&b, r->seats);
		buf_adds(&b, " đại biểu chính thức và ");
		add_int(&b, r->alternates);
		buf_adds(&b, " đại biểu dự khuyết.");
	} else {
		buf_adds(&b, "Đại hội đã biểu quyết số lượng cần bầu là ");
		add_int(&b, r->seats);
		buf_adds(&b, " đồng chí.");
	}
	body(pg, &b);
	buf_free(&b);
}

static char *cell_text(const char *s)
{
	struct buf b;
	buf_init(&b, 0);
	esc(&b, s);
	return buf_detach(&b, NULL);
}

static char *cell_int(int64_t n)
{
	struct buf b;
	buf_init(&b, 0);
	numfmt_int(&b, n);
	return buf_detach(&b, NULL);
}

static char *cell_pct(int64_t n, int64_t base)
{
	struct buf b;
	buf_init(&b, 0);
	numfmt_percent(&b, n, base, 2);
	return buf_detach(&b, NULL);
}

static void free_cells(char **cells, int n)
{
	for (int i = 0; i < n; i++)
		free(cells[i]);
}

static void list(struct page *pg, const struct election_doc *d)
{
	const struct election_round *r = &d->round;
	heading(pg, "2. Danh sách bầu cử", 8);
	bodyf(pg, "Đại hội đã thông qua danh sách bầu cử gồm %zu đồng chí có tên dưới đây "
	      "(theo thứ tự trong phiếu bầu):", r->n_cand);
	struct table t = {3, {"TT", "Họ và tên", "Ghi chú"}, {0.1, 0.6, 0.3},
			  {PANGO_ALIGN_CENTER, PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT}};
	for (size_t i = 0; i < r->n_cand; i++) {
		char *cells[3] = {xasprintf("%zu", i + 1), cell_text(r->cand[i].name), xstrdup("")};
		table_row(pg, &t, cells, i == 0);
		free_cells(cells, 3);
	}
	table_end(pg);
}

/* The chair of the board: the member whose role is "Trưởng ban", else the first. */
static size_t chair(const struct election_doc *d)
{
	for (size_t i = 0; i < d->n_board; i++) {
		if (!d->board[i].role)
			continue;
		char *f = text_fold(d->board[i].role);
		bool is = strcmp(f, "truong ban") == 0;
		free(f);
		if (is)
			return i;
	}
	return 0;
}

static void board(struct page *pg, const struct election_doc *d)
{
	heading(pg, "3. Ban kiểm phiếu", 3);
	bodyf(pg, "Đại hội đã cử Ban kiểm phiếu gồm các đồng chí:");
	if (!d->n_board) {
		struct para_opts o = {0, ST_REGULAR, PANGO_ALIGN_LEFT, false, true, pg->p->after};
		para(pg, "……………………………………………………………………", &o);
		return;
	}
	for (size_t i = 0; i < d->n_board; i++) {
		struct buf b;
		buf_init(&b, 0);
		buf_addf(&b, "%zu) Đồng chí ", i + 1);
		esc(&b, d->board[i].name);
		buf_adds(&b, ", ");
		esc(&b, d->board[i].role ? d->board[i].role : (i == chair(d) ? "Trưởng ban" : "Ủy viên"));
		buf_adds(&b, i + 1 < d->n_board ? ";" : ".");
		body(pg, &b);
		buf_free(&b);
	}
}

static void attendance(struct page *pg, const struct election_doc *d, const struct election_result *res)
{
	const char *who = election_base_label(&d->round);
	heading(pg, "4. Số người dùng để tính kết quả bầu cử", 3);
	struct buf b;
	buf_init(&b, 0);
	buf_addf(&b, "Tổng số %s được triệu tập: ", who);
	add_int(&b, res->convened);
	buf_addch(&b, '.');
	body(pg, &b);
	for (int i = 0; i < EXCL__MAX; i++) {
		if (!res->excluded[i])
			continue;
		buf_reset(&b);
		buf_adds(&b, "Không tính: ");
		esc(&b, exclusion_label((enum election_exclusion)i));
		buf_adds(&b, ": ");
		add_int(&b, res->excluded[i]);
		buf_addch(&b, '.');
		body(pg, &b);
	}
	buf_reset(&b);
	buf_addf(&b, "Số %s dùng làm cơ sở tính kết quả bầu cử (QĐ 190-QĐ/TW Điều 30): <b>", who);
	add_int(&b, res->base);
	buf_adds(&b, "</b>; người trúng cử phải được quá một nửa, tức từ ");
	add_int(&b, res->threshold);
	buf_adds(&b, " phiếu bầu trở lên.");
	body(pg, &b);
	buf_free(&b);
}

static void ballots(struct page *pg, const struct election_result *res)
{
	heading(pg, "5. Số phiếu bầu", 3);
	struct buf b;
	buf_init(&b, 0);
	buf_adds(&b, "Số phiếu phát ra: ");
	add_int(&b, res->issued);
	buf_adds(&b, "; số phiếu thu về: ");
	add_int(&b, res->returned);
	buf_adds(&b, ".");
	body(pg, &b);
	buf_reset(&b);
	buf_adds(&b, "Số phiếu hợp lệ: ");
	add_int(&b, res->valid);
	buf_adds(&b, "; số phiếu không hợp lệ: ");
	add_int(&b, res->invalid);
	bool any = false;
	for (int i = 0; i < INVALID__MAX; i++) {
		if (!res->invalid_by[i])
			continue;
		buf_adds(&b, any ? "; " : " (lý do: ");
		esc(&b, invalid_reason_label((enum invalid_reason)i));
		buf_adds(&b, ": ");
		add_int(&b, res->invalid_by[i]);
		any = true;
	}
	buf_adds(&b, any ? ")." : ".");
	body(pg, &b);
	buf_free(&b);
}

/* What the minutes say of a candidate in the results table. */
static char *note(const struct election_cand_result *cr)
{
	if (cr->as == SEAT_ALTERNATE)
		return xasprintf("Trúng cử dự khuyết (thứ tự %d)", cr->promotion);
	if (cr->elected)
		return xstrdup(cr->as == SEAT_DELEGATE ? "Trúng cử chính thức" : "Trúng cử");
	if (cr->tied)
		return xstrdup("Bằng phiếu, bầu tiếp");
	return xstrdup("");
}

static void votes(struct page *pg, const struct election_doc *d, const struct election_result *res)
{
	const struct election_round *r = &d->round;
	heading(pg, "6. Kết quả kiểm phiếu", 8);
	bodyf(pg, "Số phiếu bầu của từng đồng chí (xếp theo thứ tự trong phiếu bầu); tỷ lệ %% tính so với "
	      "số %s dùng làm cơ sở tính kết quả bầu cử:", election_base_label(r));
	struct table t;
	if (res->has_marks)
		t = (struct table){6, {"TT", "Họ và tên", "Đồng ý", "Không đồng ý", "Tỷ lệ %", "Ghi chú"},
				   {0.07, 0.33, 0.12, 0.14, 0.12, 0.22},
				   {PANGO_ALIGN_CENTER, PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_RIGHT,
				    PANGO_ALIGN_RIGHT, PANGO_ALIGN_LEFT}};
	else
		t = (struct table){5, {"TT", "Họ và tên", "Số phiếu bầu", "Tỷ lệ %", "Ghi chú"},
				   {0.08, 0.4, 0.15, 0.12, 0.25},
				   {PANGO_ALIGN_CENTER, PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_RIGHT,
				    PANGO_ALIGN_LEFT}};
	for (size_t i = 0; i < res->n_cand; i++) {
		const struct election_cand_result *cr = &res->cand[i];
		char *cells[6];
		int c = 0;
		cells[c++] = xasprintf("%zu", i + 1);
		cells[c++] = cell_text(r->cand[i].name);
		cells[c++] = cell_int(cr->votes);
		if (res->has_marks)
			cells[c++] = cell_int(cr->against);
		cells[c++] = cell_pct(cr->votes, res->base);
		char *n = note(cr);
		cells[c++] = cell_text(n);
		free(n);
		table_row(pg, &t, cells, i == 0);
		free_cells(cells, c);
	}
	table_end(pg);
}

/* The elected of one kind of seat in descending votes, as a table. */
static size_t elected_table(struct page *pg, const struct election_doc *d, const struct election_result *res,
			    bool alternates)
{
	struct table t = {5, {"TT", "Họ và tên", "Số phiếu bầu", "Tỷ lệ %", "Ghi chú"},
			  {0.08, 0.4, 0.15, 0.12, 0.25},
			  {PANGO_ALIGN_CENTER, PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_LEFT}};
	size_t n = 0;
	for (size_t i = 0; i < res->n_elected; i++) {
		const struct election_cand_result *cr = &res->cand[res->elected[i]];
		if ((cr->as == SEAT_ALTERNATE) != alternates)
			continue;
		char *nt = alternates ? xasprintf("Thứ tự thay thế %d", cr->promotion) : xstrdup("");
		char *cells[5] = {xasprintf("%zu", n + 1), cell_text(d->round.cand[res->elected[i]].name),
				  cell_int(cr->votes), cell_pct(cr->votes, res->base), cell_text(nt)};
		table_row(pg, &t, cells, n == 0);
		free_cells(cells, 5);
		free(nt);
		n++;
	}
	if (n)
		table_end(pg);
	return n;
}

static void elected(struct page *pg, const struct election_doc *d, const struct election_result *res)
{
	const struct election_round *r = &d->round;
	const char *who = election_base_label(r);
	heading(pg, "7. Kết quả bầu cử", 8);
	if (!res->n_elected) {
		bodyf(pg, "Không có đồng chí nào được quá một nửa số %s dùng làm cơ sở tính kết quả bầu cử "
		      "trong số lượng cần bầu, nên không có người trúng cử.", who);
		return;
	}
	if (r->kind == ELECTION_DELEGATES) {
		bodyf(pg, "Những đồng chí sau đây trúng cử đại biểu chính thức (xếp theo số phiếu bầu từ cao "
		      "xuống thấp, có số phiếu quá một nửa số %s, trong số lượng được phân bổ):", who);
		if (!elected_table(pg, d, res, false))
			bodyf(pg, "Không có.");
		bodyf(pg, "Những đồng chí sau đây trúng cử đại biểu dự khuyết (xếp theo số phiếu bầu từ cao "
		      "xuống thấp; bằng phiếu thì người có tuổi đảng cao hơn xếp trước, QĐ 294-QĐ/TW §11.4):");
		if (!elected_table(pg, d, res, true))
			bodyf(pg, "Không có.");
		return;
	}
	bodyf(pg, "Những đồng chí sau đây trúng cử (xếp theo số phiếu bầu từ cao xuống thấp, vừa đủ số lượng "
	      "cần bầu và có số phiếu quá một nửa số %s dùng làm cơ sở tính kết quả bầu cử):", who);
	elected_table(pg, d, res, false);
}

static void remaining(struct page *pg, const struct election_doc *d, const struct election_result *res)
{
	const struct election_round *r = &d->round;
	if (res->next == NEXT_NONE)
		return;
	heading(pg, "8. Số lượng còn thiếu", 3);
	struct buf b;
	buf_init(&b, 0);
	buf_adds(&b, "Số lượng còn thiếu: ");
	add_int(&b, res->unfilled);
	if (r->kind == ELECTION_DELEGATES) {
		buf_adds(&b, " đại biểu chính thức và ");
		add_int(&b, res->unfilled_alternates);
		buf_adds(&b, " đại biểu dự khuyết");
	}
	buf_adds(&b, ".");
	if (res->n_tie) {
		buf_adds(&b, " Các đồng chí ");
		for (size_t i = 0; i < res->n_tie; i++) {
			if (i)
				buf_adds(&b, i + 1 < res->n_tie ? ", " : " và ");
			esc(&b, r->cand[res->tie[i]].name);
		}
		buf_adds(&b, " có số phiếu bằng nhau, cùng quá một nửa, ở chỗ cuối cùng (");
		add_int(&b, res->tie_seats);
		buf_adds(&b, " chỗ); đại hội bầu tiếp trong số các đồng chí này.");
	}
	body(pg, &b);
	if (res->next == NEXT_APPOINTMENT)
		bodyf(pg, "Sau ba lần bầu không có đồng chí nào trúng cử bí thư chi bộ; cấp ủy cấp trên trực tiếp "
		      "chỉ định bí thư chi bộ (QĐ 294-QĐ/TW §23.3).");
	else
		bodyf(pg, "Đại hội xem xét, quyết định việc bầu tiếp; lần bầu tiếp theo có biên bản kiểm phiếu riêng.");
	buf_free(&b);
}

/* Height the signature block needs (the chair's column). */
static double signature_height(const struct page *pg)
{
	return pg->p->after + 3 * pg->p->body * 1.3 + pg->p->sign_gap;
}

/* The closing lines, kept on one page with the signatures. */
static void closing(struct page *pg)
{
	ensure(pg, 4 * pg->p->body * 1.3 + signature_height(pg));
	bodyf(pg, "Biên bản này được lập xong và đọc trước đại hội lúc …… giờ …… phút, ngày ……………. "
	      "Toàn bộ phiếu bầu đã được Ban kiểm phiếu niêm phong, bàn giao để lưu giữ theo quy định "
	      "(QĐ 190-QĐ/TW Điều 35).");
}

/* ---- signatures (documents.md §8) -------------------------------------------- */

static void signatures(struct page *pg, const struct election_doc *d)
{
	const struct profile *p = pg->p;
	double half = text_width(pg) / 2, gap = p->sign_gap;
	size_t ch = chair(d), members = d->n_board > 1 ? d->n_board - 1 : 0;
	ensure(pg, signature_height(pg));
	pg->y += p->after;
	double y0 = pg->y;
	struct buf b;
	buf_init(&b, 0);
	/* right: T/M BAN KIỂM PHIẾU / TRƯỞNG BAN / signature / name */
	buf_adds(&b, "<b>T/M BAN KIỂM PHIẾU</b>\nTRƯỞNG BAN");
	PangoLayout *l = layout(pg, buf_str(&b), half, p->body, ST_REGULAR, PANGO_ALIGN_CENTER);
	draw(pg, l, p->left + half, y0);
	double h = layout_height(l);
	g_object_unref(l);
	buf_reset(&b);
	buf_adds(&b, "<b>");
	esc(&b, d->n_board ? d->board[ch].name : "");
	buf_adds(&b, "</b>");
	l = layout(pg, buf_str(&b), half, p->body, ST_REGULAR, PANGO_ALIGN_CENTER);
	draw(pg, l, p->left + half, y0 + h + gap);
	double right_end = y0 + h + gap + layout_height(l);
	g_object_unref(l);
	/* left: the other members of the board, each with room to sign */
	double y = y0;
	if (members) {
		l = layout(pg, "<b>THÀNH VIÊN BAN KIỂM PHIẾU</b>", half, p->body, ST_REGULAR, PANGO_ALIGN_CENTER);
		draw(pg, l, p->left, y);
		y += layout_height(l) + p->body + gap / 2;
		g_object_unref(l);
	}
	for (size_t i = 0; i < d->n_board; i++) {
		if (i == ch)
			continue;
		buf_reset(&b);
		buf_adds(&b, "<b>");
		esc(&b, d->board[i].name);
		buf_adds(&b, "</b>");
		l = layout(pg, buf_str(&b), half, p->body, ST_REGULAR, PANGO_ALIGN_CENTER);
		if (y + layout_height(l) > p->height - p->bottom) {
			new_page(pg);
			y = pg->y;
		}
		draw(pg, l, p->left, y);
		y += layout_height(l) + gap / 2;
		g_object_unref(l);
	}
	pg->y = y > right_end ? y : right_end;
	buf_free(&b);
}

/* ---- the document -------------------------------------------------------------------- */

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int len)
{
	buf_add(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

static void metadata(cairo_surface_t *s, const struct election_doc *d)
{
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, "Biên bản kiểm phiếu");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "dangbo");
	if (d->date != DATE_NONE) {
		/* a fixed creation date keeps the file the same for the same input */
		char iso[11], stamp[32];
		date_format(d->date, iso);
		snprintf(stamp, sizeof(stamp), "%sT00:00:00", iso);
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, stamp);
	}
}

enum err minutes_pdf_render(const struct election_doc *d, const struct election_result *res, struct buf *out)
{
	struct page pg = {.p = &hd36, .number = 1};
	pg.surf = cairo_pdf_surface_create_for_stream(to_buf, out, hd36.width, hd36.height);
	metadata(pg.surf, d);
	pg.cr = cairo_create(pg.surf);
	cairo_set_source_rgb(pg.cr, 0, 0, 0);
	header(&pg, d);
	title(&pg, d);
	opening(&pg, d);
	seats(&pg, d);
	list(&pg, d);
	board(&pg, d);
	attendance(&pg, d, res);
	ballots(&pg, res);
	votes(&pg, d, res);
	elected(&pg, d, res);
	remaining(&pg, d, res);
	closing(&pg);
	signatures(&pg, d);
	cairo_show_page(pg.cr);
	cairo_status_t st = cairo_status(pg.cr);
	cairo_destroy(pg.cr);
	cairo_surface_finish(pg.surf);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(pg.surf);
	cairo_surface_destroy(pg.surf);
	return st == CAIRO_STATUS_SUCCESS ? ERR_OK : ERR_IO;
}
