/* doc: a printed party document as data (documents.md §§1–9), and its
 * plain-text form.
 *
 * A struct doc holds what a party document shows, in order: the header
 * block (superior body, issuing body, number and symbol, place and date;
 * documents.md §3–4), the document type and its summary line (§6), the
 * body as blocks (section headings, paragraphs, tables with a header row;
 * §7), the signature block (authority, title, name; §8) and the list of
 * recipients (§9). Renderers lay it out: doc_render_text here, as plain
 * text for a terminal; doc_pdf_render (io/doc_pdf.h) as an A4 PDF in the
 * format of HD 36-HD/VPTW.
 *
 * The doc owns every string in it: the functions below copy what they are
 * given; doc_free frees it all. Text is plain UTF-8 (not markup). */
#ifndef DANGBO_IO_DOC_H
#define DANGBO_IO_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "core/date.h"

#define DOC_COLS_MAX 6

enum doc_align { DOC_LEFT, DOC_CENTER, DOC_RIGHT };

/* A table: a header row and rows of ncol cells (right-align numbers). */
struct doc_table {
	int ncol;
	char *head[DOC_COLS_MAX];
	double frac[DOC_COLS_MAX]; /* share of the text width, summing to 1 */
	enum doc_align align[DOC_COLS_MAX];
	char **cells;              /* nrows * ncol, row by row */
	size_t nrows, cap;
};

enum doc_block_kind { DOC_HEADING, DOC_PARA, DOC_TABLE };

struct doc_block {
	enum doc_block_kind kind;
	char *text;               /* DOC_HEADING, DOC_PARA */
	struct doc_table *table;  /* DOC_TABLE */
};

/* The header block (ô 1–4). NULL fields are left out; with no place or no
 * date the line keeps blanks to fill in by hand. */
struct doc_header {
	char *superior;  /* superior body, lines separated by '\n' ("ĐẢNG BỘ TỈNH BẠC LIÊU") */
	char *issuer;    /* issuing body ("HUYỆN ỦY VĨNH LỢI") */
	char *number;    /* "Số 12-BC/HU" (written as given) */
	char *place;     /* "Vĩnh Lợi" */
	date_t date;     /* DATE_NONE: blanks */
};

struct doc {
	struct doc_header header;
	char *type;         /* "BÁO CÁO" */
	char *summary;      /* "Kết quả công tác tổ chức xây dựng Đảng năm 2018" */
	struct doc_block *blocks;
	size_t nblocks, cap;
	/* signature block (ô 7a–7c); a NULL title or name leaves room to write */
	char *authority;    /* "T/M BAN THƯỜNG VỤ" */
	char *signer_title; /* "BÍ THƯ" */
	char *signer_name;
	char **recipients;  /* "- Lưu." lines, as printed */
	size_t nrecipients, rcap;
	date_t created;     /* the PDF's creation date; DATE_NONE: the header's date */
};

void doc_init(struct doc *d);
void doc_free(struct doc *d);

/* Replaces *field with a copy of s (NULL clears it). */
void doc_set(char **field, const char *s);

/* Appends a section heading ("I. CÔNG TÁC ĐẢNG VIÊN"). */
void doc_heading(struct doc *d, const char *text);
/* Appends a body paragraph (justified, first line indented). */
void doc_para(struct doc *d, const char *text);
/* Appends a table of ncol columns (1..DOC_COLS_MAX) with its header row,
 * width shares and alignments; returns it for doc_table_row. */
struct doc_table *doc_table_add(struct doc *d, int ncol, const char *const *head, const double *frac,
				const enum doc_align *align);
/* Appends a row of ncol cells (copied; NULL prints empty). */
void doc_table_row(struct doc_table *t, const char *const *cells);
/* Appends a recipient line ("- Ban Tổ chức Tỉnh ủy (để báo cáo),"). */
void doc_recipient(struct doc *d, const char *line);

/* "Vĩnh Lợi, ngày 03 tháng 02 năm 2025" (documents.md §3: day under 10 and
 * months 1–2 with a leading zero; blanks for a missing place or date). */
void doc_date_line(struct buf *out, const char *place, date_t date);

/* Appends the document as plain text: the header lines, the title, the
 * headings and paragraphs one per line, tables in aligned columns (by
 * characters, not bytes), the signature block and the recipients. */
void doc_render_text(const struct doc *d, struct buf *out);

#endif
