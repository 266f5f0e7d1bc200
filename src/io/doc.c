/* doc: the party-document model and its plain-text form (doc.h). */
#include "io/doc.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/xalloc.h"

void doc_init(struct doc *d)
{
	memset(d, 0, sizeof(*d));
	d->header.date = DATE_NONE;
	d->created = DATE_NONE;
}

static void table_free(struct doc_table *t)
{
	for (int c = 0; c < t->ncol; c++)
		free(t->head[c]);
	for (size_t i = 0; i < t->nrows * (size_t)t->ncol; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t);
}

void doc_free(struct doc *d)
{
	free(d->header.superior);
	free(d->header.issuer);
	free(d->header.number);
	free(d->header.place);
	free(d->type);
	free(d->summary);
	for (size_t i = 0; i < d->nblocks; i++) {
		free(d->blocks[i].text);
		if (d->blocks[i].table)
			table_free(d->blocks[i].table);
	}
	free(d->blocks);
	free(d->authority);
	free(d->signer_title);
	free(d->signer_name);
	for (size_t i = 0; i < d->nrecipients; i++)
		free(d->recipients[i]);
	free(d->recipients);
	doc_init(d);
}

void doc_set(char **field, const char *s)
{
	free(*field);
	*field = s ? xstrdup(s) : NULL;
}

static struct doc_block *add_block(struct doc *d, enum doc_block_kind k)
{
	XGROW(d->blocks, d->cap, d->nblocks + 1);
	struct doc_block *b = &d->blocks[d->nblocks++];
	memset(b, 0, sizeof(*b));
	b->kind = k;
	return b;
}

void doc_heading(struct doc *d, const char *text)
{
	add_block(d, DOC_HEADING)->text = xstrdup(text);
}

void doc_para(struct doc *d, const char *text)
{
	add_block(d, DOC_PARA)->text = xstrdup(text);
}

struct doc_table *doc_table_add(struct doc *d, int ncol, const char *const *head, const double *frac,
				const enum doc_align *align)
{
	struct doc_table *t = xcalloc(1, sizeof(*t));
	t->ncol = ncol < 1 ? 1 : ncol > DOC_COLS_MAX ? DOC_COLS_MAX : ncol;
	for (int c = 0; c < t->ncol; c++) {
		t->head[c] = xstrdup(head[c] ? head[c] : "");
		t->frac[c] = frac[c];
		t->align[c] = align[c];
	}
	add_block(d, DOC_TABLE)->table = t;
	return t;
}

void doc_table_row(struct doc_table *t, const char *const *cells)
{
	size_t n = (t->nrows + 1) * (size_t)t->ncol;
	XGROW(t->cells, t->cap, n);
	for (int c = 0; c < t->ncol; c++)
		t->cells[t->nrows * (size_t)t->ncol + (size_t)c] = xstrdup(cells[c] ? cells[c] : "");
	t->nrows++;
}

void doc_recipient(struct doc *d, const char *line)
{
	XGROW(d->recipients, d->rcap, d->nrecipients + 1);
	d->recipients[d->nrecipients++] = xstrdup(line);
}

void doc_date_line(struct buf *out, const char *place, date_t date)
{
	buf_adds(out, place && *place ? place : "……………");
	if (date == DATE_NONE) {
		buf_adds(out, ", ngày      tháng      năm 20     ");
		return;
	}
	int y, m, day;
	date_to_ymd(date, &y, &m, &day);
	buf_addf(out, ", ngày %02d tháng %s%d năm %d", day, m <= 2 ? "0" : "", m, y);
}

/* ---- plain text ---- */

static size_t width(const char *s)
{
	return text_codepoints(s, strlen(s));
}

static void pad(struct buf *b, size_t n)
{
	while (n--)
		buf_addch(b, ' ');
}

static void add_upper(struct buf *b, const char *s)
{
	char *u = g_utf8_strup(s, -1);
	buf_adds(b, u);
	g_free(u);
}

static void text_table(const struct doc_table *t, struct buf *out)
{
	size_t w[DOC_COLS_MAX];
	for (int c = 0; c < t->ncol; c++) {
		w[c] = width(t->head[c]);
		for (size_t r = 0; r < t->nrows; r++) {
			size_t n = width(t->cells[r * (size_t)t->ncol + (size_t)c]);
			if (n > w[c])
				w[c] = n;
		}
	}
	for (size_t r = 0; r <= t->nrows; r++) {
		struct buf line;
		buf_init(&line, 0);
		for (int c = 0; c < t->ncol; c++) {
			const char *s = r == 0 ? t->head[c] : t->cells[(r - 1) * (size_t)t->ncol + (size_t)c];
			size_t n = width(s), gap = w[c] > n ? w[c] - n : 0;
			if (c)
				buf_adds(&line, "  ");
			if (t->align[c] == DOC_RIGHT && r > 0)
				pad(&line, gap);
			buf_adds(&line, s);
			if (t->align[c] != DOC_RIGHT || r == 0)
				pad(&line, gap);
		}
		/* no trailing blanks */
		while (line.len && line.ptr[line.len - 1] == ' ')
			buf_truncate(&line, line.len - 1);
		buf_adds(out, buf_str(&line));
		buf_addch(out, '\n');
		buf_free(&line);
	}
}

void doc_render_text(const struct doc *d, struct buf *out)
{
	const struct doc_header *h = &d->header;
	if (h->superior) {
		add_upper(out, h->superior);
		buf_addch(out, '\n');
	}
	if (h->issuer) {
		add_upper(out, h->issuer);
		buf_adds(out, "\n*\n");
	}
	if (h->number) {
		buf_adds(out, h->number);
		buf_addch(out, '\n');
	}
	buf_adds(out, "ĐẢNG CỘNG SẢN VIỆT NAM\n");
	doc_date_line(out, h->place, h->date);
	buf_adds(out, "\n\n");
	if (d->type) {
		add_upper(out, d->type);
		buf_addch(out, '\n');
	}
	if (d->summary) {
		buf_adds(out, d->summary);
		buf_addch(out, '\n');
	}
	for (size_t i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];
		buf_addch(out, '\n');
		if (b->kind == DOC_TABLE)
			text_table(b->table, out);
		else {
			buf_adds(out, b->text);
			buf_addch(out, '\n');
		}
	}
	buf_addch(out, '\n');
	if (d->authority) {
		add_upper(out, d->authority);
		buf_addch(out, '\n');
	}
	if (d->signer_title) {
		add_upper(out, d->signer_title);
		buf_addch(out, '\n');
	}
	if (d->signer_name) {
		buf_adds(out, d->signer_name);
		buf_addch(out, '\n');
	}
	if (d->nrecipients) {
		buf_adds(out, "\nNơi nhận:\n");
		for (size_t i = 0; i < d->nrecipients; i++) {
			buf_adds(out, d->recipients[i]);
			buf_addch(out, '\n');
		}
	}
}
