/* csv: a streaming RFC 4180 reader and a minimal-quoting writer. */
#include "io/csv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/text.h"
#include "core/xalloc.h"

#define BLOCK (1u << 20)

struct csv_reader {
	char *name;
	FILE *f;           /* NULL when reading memory */
	const char *mem;
	size_t memlen, mempos;
	char *blk;         /* current block (file mode) */
	size_t blen, bpos;
	bool eof;
	long line;         /* current physical line */
	uint64_t consumed, total;
	struct buf field;  /* the field being read */
	struct buf rec;    /* all fields of the record, NUL-separated */
	size_t *offs;
	size_t noffs, offcap;
	char **fields;
	size_t *lens;
	size_t fcap;
	char **header;
	size_t nheader;
};

static int getch(struct csv_reader *r)
{
	if (r->f) {
		if (r->bpos == r->blen) {
			if (r->eof)
				return EOF;
			r->blen = fread(r->blk, 1, BLOCK, r->f);
			r->bpos = 0;
			if (r->blen == 0) {
				r->eof = true;
				return EOF;
			}
		}
		r->consumed++;
		return (unsigned char)r->blk[r->bpos++];
	}
	if (r->mempos >= r->memlen)
		return EOF;
	r->consumed++;
	return (unsigned char)r->mem[r->mempos++];
}

static int peekch(struct csv_reader *r)
{
	int c = getch(r);
	if (c != EOF) {
		r->consumed--;
		if (r->f)
			r->bpos--;
		else
			r->mempos--;
	}
	return c;
}

static const char *col_name(struct csv_reader *r, size_t i, char *tmp, size_t n)
{
	if (i < r->nheader && r->header && r->header[i][0])
		return r->header[i];
	snprintf(tmp, n, "column %zu", i + 1);
	return tmp;
}

static void end_field(struct csv_reader *r)
{
	XGROW(r->offs, r->offcap, r->noffs + 1);
	r->offs[r->noffs++] = r->rec.len;
	buf_add(&r->rec, r->field.ptr, r->field.len);
	buf_addch(&r->rec, '\0');
	buf_reset(&r->field);
}

/* Reads one raw record into r->rec. 1 ok, 0 end, -1 fatal. */
static int read_record(struct csv_reader *r, long *start, bool *bad, struct diag_list *dl)
{
	buf_reset(&r->rec);
	buf_reset(&r->field);
	r->noffs = 0;
	int c = getch(r);
	if (c == EOF)
		return 0;
	*start = r->line;
	for (;;) {
		if (c == '"' && r->field.len == 0) {
			long qline = r->line;
			for (;;) {
				c = getch(r);
				if (c == EOF) {
					char tmp[32];
					diag_add(dl, r->name, qline, col_name(r, r->noffs, tmp, sizeof(tmp)),
						 "a quoted field opened here never closes");
					return -1;
				}
				if (c == '"') {
					if (peekch(r) == '"') {
						getch(r);
						buf_addch(&r->field, '"');
						continue;
					}
					break;
				}
				if (c == '\n')
					r->line++;
				buf_addch(&r->field, (char)c);
			}
			c = getch(r);
			if (c != ',' && c != '\n' && c != '\r' && c != EOF) {
				char tmp[32];
				diag_add(dl, r->name, *start, col_name(r, r->noffs, tmp, sizeof(tmp)),
					 "text after the closing quote of a quoted field");
				*bad = true;
				while (c != ',' && c != '\n' && c != EOF)
					c = getch(r);
			}
			continue;
		}
		if (c == ',') {
			end_field(r);
			c = getch(r);
			continue;
		}
		if (c == '\r' && peekch(r) == '\n')
			c = getch(r);
		if (c == '\n' || c == EOF) {
			if (c == '\n')
				r->line++;
			end_field(r);
			return 1;
		}
		buf_addch(&r->field, (char)c);
		c = getch(r);
	}
}

static void fill(struct csv_reader *r, struct csv_record *rec)
{
	XGROW(r->fields, r->fcap, r->noffs + 1);
	r->lens = xrealloc(r->lens, sizeof(size_t) * (r->fcap + 1));
	for (size_t i = 0; i < r->noffs; i++) {
		r->fields[i] = r->rec.ptr + r->offs[i];
		r->lens[i] = strlen(r->fields[i]);
	}
	rec->n = r->noffs;
	rec->field = r->fields;
	rec->len = r->lens;
}

static struct csv_reader *finish_open(struct csv_reader *r, struct diag_list *dl)
{
	buf_init(&r->field, 0);
	buf_init(&r->rec, 0);
	r->line = 1;
	/* BOM */
	if (peekch(r) == 0xef) {
		getch(r);
		if (getch(r) != 0xbb || getch(r) != 0xbf) {
			diag_add(dl, r->name, 1, NULL, "the file starts with a broken byte-order mark");
			csv_close(r);
			return NULL;
		}
	}
	long start = 0;
	bool bad = false;
	int rc = read_record(r, &start, &bad, dl);
	if (rc <= 0 || bad) {
		if (rc == 0)
			diag_add(dl, r->name, 1, NULL, "the file is empty: a header row is expected");
		csv_close(r);
		return NULL;
	}
	r->nheader = r->noffs;
	r->header = xcalloc(r->nheader + 1, sizeof(char *));
	bool ok = true;
	for (size_t i = 0; i < r->nheader; i++) {
		const char *h = r->rec.ptr + r->offs[i];
		size_t bad_at;
		if (!text_valid_utf8(h, strlen(h), &bad_at)) {
			diag_add(dl, r->name, 1, NULL, "header field %zu is not valid UTF-8 (byte %zu)", i + 1, bad_at + 1);
			ok = false;
		}
		while (*h == ' ')
			h++;
		r->header[i] = xstrdup(h);
		size_t n = strlen(r->header[i]);
		while (n && r->header[i][n - 1] == ' ')
			r->header[i][--n] = '\0';
		for (size_t k = 0; k < i; k++)
			if (strcmp(r->header[k], r->header[i]) == 0 && r->header[i][0]) {
				diag_add(dl, r->name, 1, r->header[i], "column '%s' appears twice", r->header[i]);
				ok = false;
			}
	}
	if (!ok) {
		csv_close(r);
		return NULL;
	}
	return r;
}

struct csv_reader *csv_open_file(const char *path, struct diag_list *dl)
{
	struct csv_reader *r = xcalloc(1, sizeof(*r));
	r->name = xstrdup(path);
	if (strcmp(path, "-") == 0) {
		r->f = stdin;
	} else {
		r->f = fopen(path, "rb");
		if (!r->f) {
			diag_add(dl, path, 0, NULL, "cannot open: %s", strerror(errno));
			free(r->name);
			free(r);
			return NULL;
		}
		struct stat sb;
		if (fstat(fileno(r->f), &sb) == 0 && S_ISREG(sb.st_mode))
			r->total = (uint64_t)sb.st_size;
	}
	r->blk = xmalloc(BLOCK);
	return finish_open(r, dl);
}

struct csv_reader *csv_open_mem(const char *name, const char *data, size_t n, struct diag_list *dl)
{
	struct csv_reader *r = xcalloc(1, sizeof(*r));
	r->name = xstrdup(name);
	r->mem = data;
	r->memlen = n;
	r->total = n;
	return finish_open(r, dl);
}

void csv_close(struct csv_reader *r)
{
	if (!r)
		return;
	if (r->f && r->f != stdin)
		fclose(r->f);
	for (size_t i = 0; i < r->nheader; i++)
		free(r->header[i]);
	free(r->header);
	free(r->blk);
	free(r->name);
	buf_free(&r->field);
	buf_free(&r->rec);
	free(r->offs);
	free(r->fields);
	free(r->lens);
	free(r);
}

size_t csv_header_count(const struct csv_reader *r)
{
	return r->nheader;
}

const char *csv_header(const struct csv_reader *r, size_t i)
{
	return i < r->nheader ? r->header[i] : "";
}

const char *csv_name(const struct csv_reader *r)
{
	return r->name;
}

int csv_next(struct csv_reader *r, struct csv_record *rec, struct diag_list *dl)
{
	long start = r->line;
	bool bad = false;
	int rc = read_record(r, &start, &bad, dl);
	if (rc <= 0)
		return rc;
	fill(r, rec);
	rec->line = start;
	char tmp[32];
	for (size_t i = 0; i < rec->n; i++) {
		size_t at;
		if (rec->len[i] > CSV_FIELD_MAX) {
			diag_add(dl, r->name, start, col_name(r, i, tmp, sizeof(tmp)), "the field is longer than %d bytes",
				 CSV_FIELD_MAX);
			bad = true;
		} else if (!text_valid_utf8(rec->field[i], rec->len[i], &at)) {
			unsigned char c = (unsigned char)rec->field[i][at];
			diag_add(dl, r->name, start, col_name(r, i, tmp, sizeof(tmp)),
				 c < 0x20 || c == 0x7f ? "a control character at byte %zu of the field"
						       : "invalid UTF-8 at byte %zu of the field",
				 at + 1);
			bad = true;
		}
	}
	if (rec->n != r->nheader) {
		diag_add(dl, r->name, start, NULL, "this row has %zu field%s, the header has %zu", rec->n,
			 rec->n == 1 ? "" : "s", r->nheader);
		bad = true;
	}
	rec->bad = bad;
	return 1;
}

uint64_t csv_bytes_read(const struct csv_reader *r)
{
	return r->consumed;
}

uint64_t csv_bytes_total(const struct csv_reader *r)
{
	return r->total;
}

void csv_put_field(struct buf *b, const char *s)
{
	if (!s)
		return;
	size_t n = strlen(s);
	bool quote = n && (s[0] == ' ' || s[n - 1] == ' ');
	for (size_t i = 0; i < n && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
	if (!quote) {
		buf_add(b, s, n);
		return;
	}
	buf_addch(b, '"');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			buf_addch(b, '"');
		buf_addch(b, s[i]);
	}
	buf_addch(b, '"');
}

void csv_put_row(struct buf *b, const char *const *fields, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_addch(b, ',');
		csv_put_field(b, fields[i]);
	}
	buf_addch(b, '\n');
}
