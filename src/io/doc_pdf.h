/* doc_pdf: party documents as A4 PDF, set with cairo and pango.
 *
 * Two levels:
 *   - a page writer (struct doc_pdf) that flows blocks down A4 pages:
 *     paragraphs, headings, ruled tables, the header block, the title, the
 *     signature block and the recipients. Each block is measured with a
 *     pango layout before it is placed, so a block that does not fit
 *     starts a new page; a table repeats its header row there; page
 *     numbers are printed from page 2, centred in the top margin. Callers
 *     with a layout of their own (the counting minutes, io/minutes_pdf.c)
 *     use the writer directly;
 *   - doc_pdf_render, which lays out a whole struct doc (io/doc.h).
 *
 * Every size and offset comes from a format profile (struct
 * doc_pdf_profile). The one profile today is "hd36-2018": HD 36-HD/VPTW
 * (03/4/2018) as measured on real documents (documents.md §§1–3, 6–9, 12):
 * A4 portrait, margins 20/20/30/15 mm, Times New Roman (Liberation Serif,
 * its metric twin, carries the Vietnamese letters), "ĐẢNG CỘNG SẢN VIỆT
 * NAM" 15 bold, issuing body 14 bold, place and date 14 italic, title 16
 * bold, body 14 with a 10 mm first-line indent, "Nơi nhận:" 14 underlined
 * with 12 pt recipient lines. A newer guide (HD 05-HD/VPTW, 2026) becomes
 * another profile when someone reads it. */
#ifndef DANGBO_IO_DOC_PDF_H
#define DANGBO_IO_DOC_PDF_H

#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdbool.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/err.h"
#include "io/doc.h"

/* A format profile: every number of the layout (pt unless noted). */
struct doc_pdf_profile {
	const char *name;                  /* "hd36-2018" */
	double width, height;              /* paper */
	double top, bottom, left, right;   /* margins */
	const char *font;                  /* pango family */
	double body, heading, title, party; /* sizes: body text, headings, document type, "ĐẢNG CỘNG SẢN VIỆT NAM" */
	double table;                      /* table text */
	double recipients;                 /* recipient lines */
	double line;                       /* line-spacing factor */
	double indent;                     /* first-line indent */
	double after;                      /* space after a paragraph */
	double page_no_y, page_no_size;    /* page number: from the top edge, size */
	double header_left;                /* width of the header's left column */
	double rule;                       /* thickness of the rule under the Party's name */
	double sign_gap;                   /* room for a signature */
};

extern const struct doc_pdf_profile doc_pdf_hd36;

/* The profile named name ("hd36-2018"), or NULL. */
const struct doc_pdf_profile *doc_pdf_profile_find(const char *name);

enum doc_style { DOC_REGULAR, DOC_BOLD, DOC_ITALIC, DOC_BOLD_ITALIC };

/* The page writer. p, cr and y are for callers that draw blocks of their
 * own (doc_pdf_layout, doc_pdf_draw); y is the top of the next block. */
struct doc_pdf {
	const struct doc_pdf_profile *p;
	cairo_surface_t *surf;
	cairo_t *cr;
	double y;
	int number; /* the current page, from 1 */
};

/* Starts a document whose PDF bytes are appended to out (borrowed until
 * doc_pdf_end). title goes into the PDF's metadata; a created date other
 * than DATE_NONE is written as the creation date, which keeps the file the
 * same for the same input. */
void doc_pdf_begin(struct doc_pdf *w, const struct doc_pdf_profile *p, struct buf *out, const char *title,
		   date_t created);
/* Ends the last page and the file. ERR_IO if cairo failed at any point. */
enum err doc_pdf_end(struct doc_pdf *w);

/* Width between the margins. */
double doc_pdf_text_width(const struct doc_pdf *w);
/* A layout of pango markup in width pt (0: no wrapping), at size pt, in a
 * style and alignment. The caller unrefs it (g_object_unref). */
PangoLayout *doc_pdf_layout(struct doc_pdf *w, const char *markup, double width, double size, enum doc_style st,
			    enum doc_align align);
double doc_pdf_layout_height(PangoLayout *l);
double doc_pdf_layout_width(PangoLayout *l);
/* Draws l with its top left at (x, y). */
void doc_pdf_draw(struct doc_pdf *w, PangoLayout *l, double x, double y);
/* Ends the page and starts the next, with its number at the top. */
void doc_pdf_new_page(struct doc_pdf *w);
/* Starts a new page unless h pt still fit on this one. */
void doc_pdf_ensure(struct doc_pdf *w, double h);

/* Appends s (may be NULL) escaped for pango markup. */
void doc_pdf_esc(struct buf *b, const char *s);

struct doc_pdf_para {
	double size;          /* 0: body size */
	enum doc_style st;
	enum doc_align align;
	bool justify, indent; /* justified; first line indented */
	double after;         /* space after it */
};
/* A paragraph of markup across the text width. */
void doc_pdf_para(struct doc_pdf *w, const char *markup, const struct doc_pdf_para *o);
/* A body paragraph of markup: justified, first line indented. */
void doc_pdf_body(struct doc_pdf *w, const char *markup);
/* A bold heading of plain text, kept on one page with keep lines after it. */
void doc_pdf_heading(struct doc_pdf *w, const char *text, int keep);

/* How a table is drawn: its columns (cells are markup). */
struct doc_pdf_table {
	int ncol;
	const char *head[DOC_COLS_MAX]; /* plain text, drawn bold and centred */
	double frac[DOC_COLS_MAX];
	enum doc_align align[DOC_COLS_MAX];
};
/* Draws a row of ncol markup cells, the header row before it when first
 * or when the row starts a new page. */
void doc_pdf_table_row(struct doc_pdf *w, const struct doc_pdf_table *t, char *const *cells, bool first);
/* Space after a table. */
void doc_pdf_table_end(struct doc_pdf *w);

/* The header block (documents.md §3): left, the superior body (regular
 * caps), the issuing body (bold caps), "*", the number line; right,
 * "ĐẢNG CỘNG SẢN VIỆT NAM" with a rule as long as it, then place and date
 * in italics. Moves y below it. */
void doc_pdf_header(struct doc_pdf *w, const struct doc_header *h);
/* The document type (caps, bold, title size), the summary line(s) given as
 * markup (bold, centred; may be NULL), and the short separator "-----". */
void doc_pdf_title(struct doc_pdf *w, const char *type, const char *summary_markup);
/* The signature block on the right (authority bold caps, title regular
 * caps, room to sign, name bold; NULL parts left blank) and, on the left
 * at the same height, "Nơi nhận:" underlined with the recipient lines
 * (documents.md §§8–9). Kept together on one page. */
void doc_pdf_signature(struct doc_pdf *w, const char *authority, const char *title, const char *name,
		       char *const *recipients, size_t nrecipients);

/* Lays out d in profile p (NULL: hd36-2018) and appends the PDF to out.
 * ERR_IO if cairo fails. */
enum err doc_pdf_render(const struct doc *d, const struct doc_pdf_profile *p, struct buf *out);

#endif
