/* doc_pdf: party documents as A4 PDF with cairo and pango (doc_pdf.h).
 *
 * The page writer keeps one cairo context on a PDF surface that streams
 * into a buffer; blocks are pango layouts measured before they are drawn
 * (doc_pdf_ensure), so nothing is split across a page but tables, which
 * break between rows and repeat their header row. */
#include "io/doc_pdf.h"

#include <cairo-pdf.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

#define MM (72.0 / 25.4)

/* HD 36-HD/VPTW as measured (documents.md §§1–3, 6–9, 12). */
const struct doc_pdf_profile doc_pdf_hd36 = {
	.name = "hd36-2018",
	.width = 210 * MM, .height = 297 * MM,
	.top = 20 * MM, .bottom = 20 * MM, .left = 30 * MM, .right = 15 * MM,
	.font = "Liberation Serif",
	.body = 14, .heading = 14, .title = 16, .party = 15, .table = 13, .recipients = 12,
	.line = 1.1, .indent = 10 * MM, .after = 6,
	.page_no_y = 10 * MM, .page_no_size = 14,
	.header_left = 80 * MM, .rule = 0.6,
	.sign_gap = 30 * MM,
};

static const struct doc_pdf_profile *const profiles[] = {&doc_pdf_hd36, NULL};

const struct doc_pdf_profile *doc_pdf_profile_find(const char *name)
{
	for (const struct doc_pdf_profile *const *p = profiles; *p; p++)
		if (strcmp((*p)->name, name) == 0)
			return *p;
	return NULL;
}

double doc_pdf_text_width(const struct doc_pdf *w)
{
	return w->p->width - w->p->left - w->p->right;
}

static PangoAlignment pango_align(enum doc_align a)
{
	return a == DOC_CENTER ? PANGO_ALIGN_CENTER : a == DOC_RIGHT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
}

PangoLayout *doc_pdf_layout(struct doc_pdf *w, const char *markup, double width, double size, enum doc_style st,
			    enum doc_align align)
{
	PangoLayout *l = pango_cairo_create_layout(w->cr);
	PangoFontDescription *fd = pango_font_description_from_string(w->p->font);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_weight(fd, st == DOC_BOLD || st == DOC_BOLD_ITALIC ? PANGO_WEIGHT_BOLD
										 : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(fd, st == DOC_ITALIC || st == DOC_BOLD_ITALIC ? PANGO_STYLE_ITALIC
										   : PANGO_STYLE_NORMAL);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_alignment(l, pango_align(align));
	pango_layout_set_line_spacing(l, (float)w->p->line);
	pango_layout_set_markup(l, markup, -1);
	return l;
}

double doc_pdf_layout_height(PangoLayout *l)
{
	int wd, h;
	pango_layout_get_size(l, &wd, &h);
	return (double)h / PANGO_SCALE;
}

double doc_pdf_layout_width(PangoLayout *l)
{
	int wd, h;
	pango_layout_get_size(l, &wd, &h);
	return (double)wd / PANGO_SCALE;
}

void doc_pdf_draw(struct doc_pdf *w, PangoLayout *l, double x, double y)
{
	cairo_move_to(w->cr, x, y);
	pango_cairo_show_layout(w->cr, l);
}

/* Page numbers: Arabic, centred in the top margin, not on page 1
 * (documents.md §1). */
static void page_number(struct doc_pdf *w)
{
	char s[16];
	snprintf(s, sizeof(s), "%d", w->number);
	PangoLayout *l = doc_pdf_layout(w, s, doc_pdf_text_width(w), w->p->page_no_size, DOC_REGULAR, DOC_CENTER);
	doc_pdf_draw(w, l, w->p->left, w->p->page_no_y);
	g_object_unref(l);
}

void doc_pdf_new_page(struct doc_pdf *w)
{
	cairo_show_page(w->cr);
	w->number++;
	w->y = w->p->top;
	page_number(w);
}

void doc_pdf_ensure(struct doc_pdf *w, double h)
{
	if (w->y + h > w->p->height - w->p->bottom && w->y > w->p->top)
		doc_pdf_new_page(w);
}

void doc_pdf_esc(struct buf *b, const char *s)
{
	char *e = g_markup_escape_text(s ? s : "", -1);
	buf_adds(b, e);
	g_free(e);
}

static void esc_upper(struct buf *b, const char *s)
{
	char *u = g_utf8_strup(s, -1);
	doc_pdf_esc(b, u);
	g_free(u);
}

/* ---- paragraphs ---- */

void doc_pdf_para(struct doc_pdf *w, const char *markup, const struct doc_pdf_para *o)
{
	PangoLayout *l = doc_pdf_layout(w, markup, doc_pdf_text_width(w), o->size ? o->size : w->p->body, o->st,
					o->align);
	if (o->justify)
		pango_layout_set_justify(l, TRUE);
	if (o->indent)
		pango_layout_set_indent(l, (int)(w->p->indent * PANGO_SCALE));
	double h = doc_pdf_layout_height(l);
	doc_pdf_ensure(w, h);
	doc_pdf_draw(w, l, w->p->left, w->y);
	w->y += h + o->after;
	g_object_unref(l);
}

void doc_pdf_body(struct doc_pdf *w, const char *markup)
{
	struct doc_pdf_para o = {0, DOC_REGULAR, DOC_LEFT, true, true, w->p->after};
	doc_pdf_para(w, markup, &o);
}

void doc_pdf_heading(struct doc_pdf *w, const char *text, int keep)
{
	struct doc_pdf_para o = {w->p->heading, DOC_BOLD, DOC_LEFT, false, true, w->p->after / 2};
	doc_pdf_ensure(w, (keep + 1) * w->p->body * 1.3);
	struct buf b;
	buf_init(&b, 0);
	doc_pdf_esc(&b, text);
	doc_pdf_para(w, buf_str(&b), &o);
	buf_free(&b);
}

/* ---- tables ---- */

static const double cell_pad = 3;

/* Lays out one row of cells (markup) and returns its height. */
static double row_layouts(struct doc_pdf *w, const struct doc_pdf_table *t, char *const *cells, enum doc_style st,
			  PangoLayout **out)
{
	double h = 0;
	for (int c = 0; c < t->ncol; c++) {
		double cw = t->frac[c] * doc_pdf_text_width(w) - 2 * cell_pad;
		out[c] = doc_pdf_layout(w, cells[c], cw, w->p->table, st, t->align[c]);
		double ch = doc_pdf_layout_height(out[c]);
		if (ch > h)
			h = ch;
	}
	return h + 2 * cell_pad;
}

static void row_draw(struct doc_pdf *w, const struct doc_pdf_table *t, PangoLayout **ls, double h)
{
	double x = w->p->left;
	cairo_set_line_width(w->cr, 0.5);
	for (int c = 0; c < t->ncol; c++) {
		double cw = t->frac[c] * doc_pdf_text_width(w);
		cairo_rectangle(w->cr, x, w->y, cw, h);
		cairo_stroke(w->cr);
		doc_pdf_draw(w, ls[c], x + cell_pad, w->y + cell_pad);
		g_object_unref(ls[c]);
		x += cw;
	}
	w->y += h;
}

static void table_head(struct doc_pdf *w, const struct doc_pdf_table *t)
{
	PangoLayout *ls[DOC_COLS_MAX];
	char *cells[DOC_COLS_MAX];
	for (int c = 0; c < t->ncol; c++) {
		struct buf b;
		buf_init(&b, 0);
		doc_pdf_esc(&b, t->head[c]);
		cells[c] = buf_detach(&b, NULL);
	}
	struct doc_pdf_table centred = *t;
	for (int c = 0; c < t->ncol; c++)
		centred.align[c] = DOC_CENTER;
	double h = row_layouts(w, &centred, cells, DOC_BOLD, ls);
	row_draw(w, &centred, ls, h);
	for (int c = 0; c < t->ncol; c++)
		free(cells[c]);
}

/* The header is drawn with the first row so it never stands alone. */
void doc_pdf_table_row(struct doc_pdf *w, const struct doc_pdf_table *t, char *const *cells, bool first)
{
	PangoLayout *ls[DOC_COLS_MAX];
	double h = row_layouts(w, t, cells, DOC_REGULAR, ls);
	double need = h + (first ? 2 * w->p->table + 2 * cell_pad : 0);
	double before = w->y;
	int page = w->number;
	doc_pdf_ensure(w, need);
	if (first || w->number != page || w->y < before)
		table_head(w, t);
	row_draw(w, t, ls, h);
}

void doc_pdf_table_end(struct doc_pdf *w)
{
	w->y += w->p->after;
}

/* ---- header, title, signature (documents.md §§3, 6, 8, 9) ---- */

void doc_pdf_header(struct doc_pdf *w, const struct doc_header *h)
{
	const struct doc_pdf_profile *p = w->p;
	double lw = p->header_left, rw = doc_pdf_text_width(w) - lw, rx = p->left + lw, y = p->top;
	struct buf b;
	buf_init(&b, 0);
	/* left: superior body, issuing body, "*", number */
	if (h->superior) {
		esc_upper(&b, h->superior);
		buf_addch(&b, '\n');
	}
	if (h->issuer) {
		buf_adds(&b, "<b>");
		esc_upper(&b, h->issuer);
		buf_adds(&b, "</b>\n*");
	}
	if (h->number) {
		buf_addch(&b, '\n');
		doc_pdf_esc(&b, h->number);
	}
	double lh = 0;
	if (b.len) {
		PangoLayout *left = doc_pdf_layout(w, buf_str(&b), lw, p->body, DOC_REGULAR, DOC_CENTER);
		doc_pdf_draw(w, left, p->left, y);
		lh = doc_pdf_layout_height(left);
		g_object_unref(left);
	}

	/* right: the Party's name, a rule as long as it, place and date */
	PangoLayout *party = doc_pdf_layout(w, "ĐẢNG CỘNG SẢN VIỆT NAM", 0, p->party, DOC_BOLD, DOC_LEFT);
	double pw = doc_pdf_layout_width(party), ph = doc_pdf_layout_height(party), px = rx + (rw - pw) / 2;
	doc_pdf_draw(w, party, px, y);
	g_object_unref(party);
	cairo_set_line_width(w->cr, p->rule);
	cairo_move_to(w->cr, px, y + ph + 1);
	cairo_line_to(w->cr, px + pw, y + ph + 1);
	cairo_stroke(w->cr);
	buf_reset(&b);
	struct buf line;
	buf_init(&line, 0);
	doc_date_line(&line, h->place, h->date);
	doc_pdf_esc(&b, buf_str(&line));
	buf_free(&line);
	PangoLayout *date = doc_pdf_layout(w, buf_str(&b), rw, p->body, DOC_ITALIC, DOC_CENTER);
	doc_pdf_draw(w, date, rx, y + ph + 6);
	double rh = ph + 6 + doc_pdf_layout_height(date);
	g_object_unref(date);
	buf_free(&b);
	w->y = y + (lh > rh ? lh : rh) + 8 * MM;
}

void doc_pdf_title(struct doc_pdf *w, const char *type, const char *summary_markup)
{
	struct doc_pdf_para t = {w->p->title, DOC_BOLD, DOC_CENTER, false, false, 2};
	struct buf b;
	buf_init(&b, 0);
	esc_upper(&b, type);
	doc_pdf_para(w, buf_str(&b), &t);
	buf_free(&b);
	struct doc_pdf_para s = {w->p->body, DOC_BOLD, DOC_CENTER, false, false, 0};
	if (summary_markup && *summary_markup)
		doc_pdf_para(w, summary_markup, &s);
	doc_pdf_para(w, "-----", &s);
	w->y += w->p->after;
}

/* The layouts of a signature block and the height it takes. */
struct sig {
	PangoLayout *right, *signer, *label, *list;
	double h;
};

static void sig_layout(struct doc_pdf *w, const char *authority, const char *title, const char *name,
		       char *const *recipients, size_t nrecipients, struct sig *s)
{
	const struct doc_pdf_profile *p = w->p;
	double half = doc_pdf_text_width(w) / 2;
	struct buf b;
	buf_init(&b, 0);
	memset(s, 0, sizeof(*s));
	/* right: authority, title, room to sign, name */
	buf_adds(&b, "<b>");
	esc_upper(&b, authority ? authority : "");
	buf_adds(&b, "</b>");
	if (title) {
		buf_addch(&b, '\n');
		esc_upper(&b, title);
	}
	s->right = doc_pdf_layout(w, buf_str(&b), half, p->body, DOC_REGULAR, DOC_CENTER);
	buf_reset(&b);
	buf_adds(&b, "<b>");
	doc_pdf_esc(&b, name ? name : " ");
	buf_adds(&b, "</b>");
	s->signer = doc_pdf_layout(w, buf_str(&b), half, p->body, DOC_REGULAR, DOC_CENTER);
	double rh = doc_pdf_layout_height(s->right) + p->sign_gap + doc_pdf_layout_height(s->signer);
	/* left: "Nơi nhận:" underlined 14, the recipients 12 */
	double lh = 0;
	if (nrecipients) {
		s->label = doc_pdf_layout(w, "<u>Nơi nhận:</u>", half, p->body, DOC_REGULAR, DOC_LEFT);
		buf_reset(&b);
		for (size_t i = 0; i < nrecipients; i++) {
			if (i)
				buf_addch(&b, '\n');
			doc_pdf_esc(&b, recipients[i]);
		}
		s->list = doc_pdf_layout(w, buf_str(&b), half, p->recipients, DOC_REGULAR, DOC_LEFT);
		lh = doc_pdf_layout_height(s->label) + doc_pdf_layout_height(s->list);
	}
	s->h = p->after + (rh > lh ? rh : lh);
	buf_free(&b);
}

static void sig_free(struct sig *s)
{
	g_object_unref(s->right);
	g_object_unref(s->signer);
	if (s->label) {
		g_object_unref(s->label);
		g_object_unref(s->list);
	}
}

void doc_pdf_signature(struct doc_pdf *w, const char *authority, const char *title, const char *name,
		       char *const *recipients, size_t nrecipients)
{
	const struct doc_pdf_profile *p = w->p;
	double half = doc_pdf_text_width(w) / 2;
	struct sig s;
	sig_layout(w, authority, title, name, recipients, nrecipients, &s);
	doc_pdf_ensure(w, s.h);
	double y0 = w->y + p->after;
	doc_pdf_draw(w, s.right, p->left + half, y0);
	doc_pdf_draw(w, s.signer, p->left + half, y0 + doc_pdf_layout_height(s.right) + p->sign_gap);
	if (s.label) {
		doc_pdf_draw(w, s.label, p->left, y0);
		doc_pdf_draw(w, s.list, p->left, y0 + doc_pdf_layout_height(s.label));
	}
	w->y += s.h;
	sig_free(&s);
}

/* ---- the document ---- */

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int len)
{
	buf_add(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

void doc_pdf_begin(struct doc_pdf *w, const struct doc_pdf_profile *p, struct buf *out, const char *title,
		   date_t created)
{
	memset(w, 0, sizeof(*w));
	w->p = p ? p : &doc_pdf_hd36;
	w->number = 1;
	w->y = w->p->top;
	w->surf = cairo_pdf_surface_create_for_stream(to_buf, out, w->p->width, w->p->height);
	if (title)
		cairo_pdf_surface_set_metadata(w->surf, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(w->surf, CAIRO_PDF_METADATA_CREATOR, "dangbo");
	if (created != DATE_NONE) {
		char iso[11], stamp[32];
		date_format(created, iso);
		snprintf(stamp, sizeof(stamp), "%sT00:00:00", iso);
		cairo_pdf_surface_set_metadata(w->surf, CAIRO_PDF_METADATA_CREATE_DATE, stamp);
	}
	w->cr = cairo_create(w->surf);
	cairo_set_source_rgb(w->cr, 0, 0, 0);
}

enum err doc_pdf_end(struct doc_pdf *w)
{
	cairo_show_page(w->cr);
	cairo_status_t st = cairo_status(w->cr);
	cairo_destroy(w->cr);
	cairo_surface_finish(w->surf);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(w->surf);
	cairo_surface_destroy(w->surf);
	w->cr = NULL;
	w->surf = NULL;
	return st == CAIRO_STATUS_SUCCESS ? ERR_OK : ERR_IO;
}

static void render_table(struct doc_pdf *w, const struct doc_table *t)
{
	struct doc_pdf_table pt = {.ncol = t->ncol};
	for (int c = 0; c < t->ncol; c++) {
		pt.head[c] = t->head[c];
		pt.frac[c] = t->frac[c];
		pt.align[c] = t->align[c];
	}
	for (size_t r = 0; r < t->nrows; r++) {
		char *cells[DOC_COLS_MAX];
		for (int c = 0; c < t->ncol; c++) {
			struct buf b;
			buf_init(&b, 0);
			doc_pdf_esc(&b, t->cells[r * (size_t)t->ncol + (size_t)c]);
			cells[c] = buf_detach(&b, NULL);
		}
		doc_pdf_table_row(w, &pt, cells, r == 0);
		for (int c = 0; c < t->ncol; c++)
			free(cells[c]);
	}
	doc_pdf_table_end(w);
}

/* The closing paragraph is not left alone above a signature on the next
 * page: when the two do not fit, both go to a new page. */
static void keep_with_signature(struct doc_pdf *w, const struct doc *d, const char *markup)
{
	PangoLayout *l = doc_pdf_layout(w, markup, doc_pdf_text_width(w), w->p->body, DOC_REGULAR, DOC_LEFT);
	pango_layout_set_justify(l, TRUE);
	pango_layout_set_indent(l, (int)(w->p->indent * PANGO_SCALE));
	struct sig s;
	sig_layout(w, d->authority, d->signer_title, d->signer_name, d->recipients, d->nrecipients, &s);
	doc_pdf_ensure(w, doc_pdf_layout_height(l) + w->p->after + s.h);
	sig_free(&s);
	g_object_unref(l);
}

enum err doc_pdf_render(const struct doc *d, const struct doc_pdf_profile *p, struct buf *out)
{
	struct doc_pdf w;
	char *meta = d->summary ? xasprintf("%s %s", d->type ? d->type : "", d->summary)
				: xstrdup(d->type ? d->type : "");
	doc_pdf_begin(&w, p, out, meta, d->created != DATE_NONE ? d->created : d->header.date);
	free(meta);
	doc_pdf_header(&w, &d->header);
	struct buf b;
	buf_init(&b, 0);
	if (d->summary)
		doc_pdf_esc(&b, d->summary);
	doc_pdf_title(&w, d->type ? d->type : "", buf_str(&b));
	for (size_t i = 0; i < d->nblocks; i++) {
		const struct doc_block *k = &d->blocks[i];
		switch (k->kind) {
		case DOC_HEADING:
			doc_pdf_heading(&w, k->text, 3);
			break;
		case DOC_PARA:
			buf_reset(&b);
			doc_pdf_esc(&b, k->text);
			if (i + 1 == d->nblocks)
				keep_with_signature(&w, d, buf_str(&b));
			doc_pdf_body(&w, buf_str(&b));
			break;
		case DOC_TABLE:
			render_table(&w, k->table);
			break;
		}
	}
	buf_free(&b);
	doc_pdf_signature(&w, d->authority, d->signer_title, d->signer_name, d->recipients, d->nrecipients);
	return doc_pdf_end(&w);
}
