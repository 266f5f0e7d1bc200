/* csv: RFC 4180 reader and writer (contract §2).
 *
 * The reader keeps one buffer. Input is appended to it a block at a time
 * (from a file descriptor, or copied from memory), and each record is parsed
 * in place: a field's bytes are moved down over the quotes and delimiters
 * that were consumed before it, and a NUL is written after it, so that the
 * returned fields point into the buffer and nothing is allocated per record.
 * The parser is a small state machine whose state lives in offsets relative
 * to the start of the record: when it runs out of input in the middle of a
 * record, the record's output so far and the unread input are moved to the
 * front of the buffer, more input is read, and parsing resumes where it was.
 *
 * Invariant: within a record, the output written so far (fields and their
 * NULs) occupies [0, w) and the input not yet consumed starts at p >= w, so
 * writing never overtakes reading. Every field consumes at least one byte
 * that is not output (a comma, a line end or a quote) for its NUL, except the
 * last field of the input, whose NUL goes in the spare byte kept after the
 * data (the buffer always has room for one byte past the end).
 *
 * A field that grows past CSV_FIELD_MAX stops being stored (the rest is
 * read and dropped), and fields past CSV_FIELDS_MAX are counted but not
 * stored, so memory stays bounded even when a quote never closes. */
#include "io/csv.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/text.h"
#include "core/xalloc.h"

/* Byte classes for the scanning loops. */
enum {
	C_USTOP = 1, /* ends a run of plain bytes outside quotes: , " CR LF NUL */
	C_QSTOP = 2, /* ends a run of plain bytes inside quotes: " LF NUL */
	C_CTRL = 4,  /* control character: C0 other than TAB CR LF, and DEL */
	C_HIGH = 8,  /* byte of a multi-byte UTF-8 sequence (to be validated) */
};

/* Per-field flags, accumulated while scanning. */
enum {
	F_CTRL = C_CTRL,
	F_HIGH = C_HIGH,
	F_CR = 16,    /* a CR outside quotes not followed by LF */
	F_QUOTE = 32, /* a quote inside an unquoted field */
	F_TRAIL = 64, /* text after the closing quote */
	F_LONG = 128, /* longer than CSV_FIELD_MAX: cut */
};

static unsigned char cls[256];

static void cls_init(void)
{
	if (cls['"'])
		return;
	for (int c = 0; c < 256; c++) {
		unsigned char k = 0;
		if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f)
			k |= C_CTRL;
		if (c >= 0x80)
			k |= C_HIGH;
		if (c == ',' || c == '"' || c == '\r' || c == '\n' || c == 0)
			k |= C_USTOP;
		if (c == '"' || c == '\n' || c == 0)
			k |= C_QSTOP;
		cls[c] = k;
	}
}

/* Parser states. */
enum {
	S_FIELD,  /* at the start of a field */
	S_PLAIN,  /* inside an unquoted field (or text after a closing quote) */
	S_QUOTED, /* inside a quoted field */
	S_AFTER,  /* just after the closing quote of a field */
};

struct csv_reader {
	char *name;
	int fd;             /* -1 when reading from memory */
	bool own_fd;
	const char *mem;    /* memory source */
	size_t mem_n, mem_off;
	size_t block;
	bool eof;           /* the source has no more input */
	bool failed;        /* a fatal problem was reported: csv_next returns -1 */
	bool done;          /* csv_next returned 0 */

	char *buf;          /* buffer: data in [0, end), buf[end] is spare */
	size_t cap, end;
	size_t pos;         /* first byte not yet parsed */
	uint64_t read;      /* bytes taken from the source */
	uint64_t total;     /* size of the source, 0 when unknown */
	long line;          /* physical line of buf[pos] */

	/* The record being parsed: field offsets relative to its start. */
	size_t rs;          /* record start in buf */
	size_t *foff, *flen;
	unsigned *fflag;
	size_t fcap;
	size_t nf;          /* fields stored */
	size_t nall;        /* fields seen, stored or not */
	long rline;
	char **fptr;        /* pointers handed out in csv_record */

	char **head;        /* header names, trimmed, owned */
	size_t nhead;
	char colname[32];   /* "column N" scratch */
};

/* Diagnostic column of field i (0-based): its header name, or "column N". */
static const char *col_of(struct csv_reader *r, size_t i)
{
	if (i < r->nhead && r->head[i][0])
		return r->head[i];
	snprintf(r->colname, sizeof(r->colname), "column %zu", i + 1);
	return r->colname;
}

/* ---- input ---- */

/* Reads up to one block after the data; sets eof when the source is done.
 * Returns false on a read error (reported). */
static bool fill(struct csv_reader *r, struct diag_list *dl)
{
	size_t want = r->block;
	if (r->fd < 0 && want > r->mem_n - r->mem_off)
		want = r->mem_n - r->mem_off;
	if (r->cap < r->end + want + 1) {
		size_t c = r->cap ? r->cap : 64;
		while (c < r->end + want + 1)
			c *= 2;
		r->buf = xrealloc(r->buf, c);
		r->cap = c;
	}
	size_t got;
	if (r->fd < 0) {
		memcpy(r->buf + r->end, r->mem + r->mem_off, want);
		r->mem_off += want;
		got = want;
	} else {
		ssize_t k;
		do
			k = read(r->fd, r->buf + r->end, want);
		while (k < 0 && errno == EINTR);
		if (k < 0) {
			diag_add(dl, r->name, r->line, NULL, "cannot read: %s", strerror(errno));
			r->eof = true;
			r->failed = true;
			r->buf[r->end] = '\0';
			return false;
		}
		got = (size_t)k;
	}
	if (got == 0)
		r->eof = true;
	r->end += got;
	r->read += got;
	r->buf[r->end] = '\0';
	return true;
}

/* Moves the record being parsed to the front of the buffer, keeping its
 * output [0, w) and its unread input [p, end - rs), then reads more.
 * Afterwards the unread input starts at the returned offset (== w). */
static size_t refill(struct csv_reader *r, size_t w, size_t p, struct diag_list *dl)
{
	size_t unread = r->end - (r->rs + p);
	if (r->rs)
		memmove(r->buf, r->buf + r->rs, w);
	if (r->rs + p != w)
		memmove(r->buf + w, r->buf + r->rs + p, unread);
	r->rs = 0;
	r->end = w + unread;
	r->buf[r->end] = '\0';
	fill(r, dl);
	return w;
}

/* ---- parsing one record ---- */

static void field_slot(struct csv_reader *r)
{
	if (r->nf < r->fcap)
		return;
	size_t c = r->fcap ? r->fcap * 2 : 16;
	r->foff = xrealloc(r->foff, c * sizeof(*r->foff));
	r->flen = xrealloc(r->flen, c * sizeof(*r->flen));
	r->fflag = xrealloc(r->fflag, c * sizeof(*r->fflag));
	r->fptr = xrealloc(r->fptr, c * sizeof(*r->fptr));
	r->fcap = c;
}

/* Reports the problems of stored field i; returns true if there were any.
 * Fields of the header are named by number, others by their header name. */
static bool field_check(struct csv_reader *r, size_t i, long line, bool header, struct diag_list *dl)
{
	unsigned f = r->fflag[i];
	if (!f)
		return false;
	const char *col;
	if (header) {
		snprintf(r->colname, sizeof(r->colname), "column %zu", i + 1);
		col = r->colname;
	} else {
		col = col_of(r, i);
	}
	const char *s = r->buf + r->rs + r->foff[i];
	size_t n = r->flen[i];
	bool bad = false;
	if (f & F_LONG) {
		diag_add(dl, r->name, line, col, "this field is longer than %d bytes", CSV_FIELD_MAX);
		return true;
	}
	if (f & F_TRAIL) {
		diag_add(dl, r->name, line, col,
			 "text after the closing quote (a quote inside a quoted field is written \"\")");
		bad = true;
	}
	if (f & F_QUOTE) {
		diag_add(dl, r->name, line, col,
			 "a quote inside an unquoted field (quote the whole field and double the quote)");
		bad = true;
	}
	size_t at;
	if ((f & (F_CTRL | F_HIGH)) && !text_valid_utf8(s, n, &at)) {
		unsigned char c = (unsigned char)s[at];
		if (c < 0x20 || c == 0x7f)
			diag_add(dl, r->name, line, col, "control character U+%04X at byte %zu of the field",
				 c, at + 1);
		else
			diag_add(dl, r->name, line, col, "invalid UTF-8 at byte %zu of the field", at + 1);
		return true;
	}
	if (f & F_CR) {
		const char *cr = memchr(s, '\r', n);
		/* Only an unquoted CR sets F_CR; the first CR may still be a quoted
		 * one, so the position is that of the first CR of any kind. */
		diag_add(dl, r->name, line, col, "control character U+000D at byte %zu of the field",
			 cr ? (size_t)(cr - s) + 1 : 1);
		bad = true;
	}
	return bad;
}

/* Parses the record at r->pos into the field tables. Returns 1 for a record,
 * 0 when the input holds no more records, -1 on a fatal problem (reported). */
static int parse(struct csv_reader *r, struct diag_list *dl)
{
	if (r->failed)
		return -1;
	/* An empty line at the very end is not a record: look ahead. */
	while (r->end - r->pos < 3 && !r->eof) {
		r->rs = r->pos;
		r->pos = refill(r, 0, 0, dl);
		if (r->failed)
			return -1;
	}
	size_t left = r->end - r->pos;
	const char *q0 = r->buf + r->pos;
	if (r->eof && (left == 0 || (left == 1 && q0[0] == '\n') ||
		       (left == 2 && q0[0] == '\r' && q0[1] == '\n'))) {
		r->pos = r->end;
		return 0;
	}

	r->rs = r->pos;
	r->rline = r->line;
	r->nf = r->nall = 0;
	char *b = r->buf + r->rs;
	size_t n = r->end - r->rs;
	size_t p = 0, w = 0, seg = 0, fs = 0;
	unsigned acc = 0;
	int state = S_FIELD;
	long fline = r->line, line = r->line;
	bool rec_end = false;

/* Moves the pending run [seg, p) of the current field down to w, cutting the
 * field at CSV_FIELD_MAX. */
#define FLUSH()                                                                  \
	do {                                                                     \
		size_t k_ = p - seg;                                             \
		if (w - fs + k_ > CSV_FIELD_MAX) {                                \
			k_ = CSV_FIELD_MAX - (w - fs);                           \
			acc |= F_LONG;                                           \
		}                                                                \
		if (w != seg && k_)                                              \
			memmove(b + w, b + seg, k_);                             \
		w += k_;                                                         \
		seg = p;                                                         \
	} while (0)
/* Refills (p is at the end of the data) and resumes the same state. */
#define MORE()                                                                   \
	do {                                                                     \
		FLUSH();                                                         \
		r->line = line;                                                  \
		p = seg = refill(r, w, p, dl);                                   \
		if (r->failed)                                                   \
			return -1;                                               \
		b = r->buf;                                                      \
		n = r->end;                                                      \
	} while (0)

	while (!rec_end) {
		unsigned char c;
		switch (state) {
		case S_FIELD:
			fs = w;
			seg = p;
			acc = 0;
			fline = line;
			if (p == n && !r->eof) {
				MORE();
				break;
			}
			if (p < n && b[p] == '"') {
				p++;
				seg = p;
				state = S_QUOTED;
			} else {
				state = S_PLAIN;
			}
			break;
		case S_PLAIN:
			while (!(cls[(unsigned char)b[p]] & C_USTOP))
				acc |= cls[(unsigned char)b[p++]];
			c = (unsigned char)b[p];
			if (p == n) {
				if (!r->eof) {
					MORE();
					break;
				}
				FLUSH();
				rec_end = true;
			} else if (c == ',') {
				FLUSH();
				p++;
				state = S_FIELD;
			} else if (c == '\n') {
				FLUSH();
				p++;
				line++;
				rec_end = true;
			} else if (c == '\r') {
				if (p + 1 == n && !r->eof) {
					MORE();
					break;
				}
				if (p + 1 < n && b[p + 1] == '\n') {
					FLUSH();
					p += 2;
					line++;
					rec_end = true;
				} else {
					acc |= F_CR;
					p++;
				}
			} else if (c == '"') {
				acc |= F_QUOTE;
				p++;
			} else { /* NUL inside the data */
				acc |= F_CTRL;
				p++;
			}
			if (state == S_FIELD || rec_end)
				goto field_done;
			break;
		case S_QUOTED:
			while (!(cls[(unsigned char)b[p]] & C_QSTOP))
				acc |= cls[(unsigned char)b[p++]];
			c = (unsigned char)b[p];
			if (p == n) {
				if (!r->eof) {
					MORE();
					break;
				}
				r->line = line;
				diag_add(dl, r->name, fline, col_of(r, r->nall),
					 "a quoted field opened here never closes");
				r->failed = true;
				r->pos = r->end;
				return -1;
			} else if (c == '\n') {
				p++;
				line++;
			} else if (c == '"') {
				if (p + 1 == n && !r->eof) {
					MORE();
					break;
				}
				if (p + 1 < n && b[p + 1] == '"') {
					p++; /* keep one quote */
					FLUSH();
					p++;
					seg = p;
				} else {
					FLUSH();
					p++;
					seg = p;
					state = S_AFTER;
				}
			} else { /* NUL inside the data */
				acc |= F_CTRL;
				p++;
			}
			break;
		case S_AFTER:
			if (p == n) {
				if (!r->eof) {
					MORE();
					break;
				}
				rec_end = true;
				goto field_done;
			}
			c = (unsigned char)b[p];
			if (c == ',') {
				p++;
				state = S_FIELD;
				goto field_done;
			}
			if (c == '\n') {
				p++;
				line++;
				rec_end = true;
				goto field_done;
			}
			if (c == '\r') {
				if (p + 1 == n && !r->eof) {
					MORE();
					break;
				}
				if (p + 1 < n && b[p + 1] == '\n') {
					p += 2;
					line++;
					rec_end = true;
					goto field_done;
				}
			}
			acc |= F_TRAIL;
			seg = p;
			state = S_PLAIN;
			break;
		field_done:
			/* The field is [fs, w); its NUL goes at w (w < p, or w == n). */
			if (r->nall < CSV_FIELDS_MAX) {
				field_slot(r);
				r->foff[r->nf] = fs;
				r->flen[r->nf] = w - fs;
				r->fflag[r->nf] = acc;
				b[w++] = '\0';
				r->nf++;
			} else {
				w = fs;
			}
			r->nall++;
			state = S_FIELD;
			break;
		}
	}
#undef MORE
#undef FLUSH
	r->pos = r->rs + p;
	r->line = line;
	return 1;
}

/* ---- opening ---- */

static void trim_spaces(char *s)
{
	size_t n = strlen(s), i = 0;
	while (n && s[n - 1] == ' ')
		n--;
	while (i < n && s[i] == ' ')
		i++;
	memmove(s, s + i, n - i);
	s[n - i] = '\0';
}

/* Reads the BOM and the header. Frees r and returns NULL on failure. */
static struct csv_reader *open_common(struct csv_reader *r, struct diag_list *dl)
{
	cls_init();
	r->line = 1;
	if (!r->block)
		r->block = CSV_BLOCK_SIZE;
	while (r->end < 3 && !r->eof)
		if (!fill(r, dl))
			goto fail;
	if (r->end >= 3 && memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0)
		r->pos = 3;
	int rc = parse(r, dl);
	if (rc < 0)
		goto fail;
	if (rc == 0) {
		diag_add(dl, r->name, 0, NULL, "the file is empty: a header row is expected");
		goto fail;
	}
	bool ok = true;
	if (r->nall > CSV_FIELDS_MAX) {
		diag_add(dl, r->name, 1, NULL, "the header has %zu columns, more than %d", r->nall,
			 CSV_FIELDS_MAX);
		ok = false;
	}
	r->head = xcalloc(r->nf, sizeof(*r->head));
	for (size_t i = 0; i < r->nf; i++) {
		if (field_check(r, i, r->rline, true, dl))
			ok = false;
		r->head[i] = xstrndup(r->buf + r->rs + r->foff[i], r->flen[i]);
		trim_spaces(r->head[i]);
	}
	r->nhead = r->nf;
	if (r->nhead == 1 && !r->head[0][0]) {
		diag_add(dl, r->name, 1, NULL, "the header row is empty");
		ok = false;
	}
	for (size_t i = 0; i < r->nhead; i++)
		for (size_t j = 0; j < i && r->head[i][0]; j++)
			if (strcmp(r->head[i], r->head[j]) == 0) {
				snprintf(r->colname, sizeof(r->colname), "column %zu", i + 1);
				diag_add(dl, r->name, 1, r->colname, "column '%s' appears twice", r->head[i]);
				ok = false;
				break;
			}
	if (!ok)
		goto fail;
	return r;
fail:
	csv_close(r);
	return NULL;
}

struct csv_reader *csv_open_file(const char *path, struct diag_list *dl)
{
	struct csv_reader *r = xcalloc(1, sizeof(*r));
	r->name = xstrdup(path);
	if (strcmp(path, "-") == 0) {
		r->fd = STDIN_FILENO;
	} else {
		r->fd = open(path, O_RDONLY | O_CLOEXEC);
		if (r->fd < 0) {
			diag_add(dl, path, 0, NULL, "cannot open: %s", strerror(errno));
			free(r->name);
			free(r);
			return NULL;
		}
		r->own_fd = true;
	}
	struct stat st;
	if (fstat(r->fd, &st) == 0 && S_ISREG(st.st_mode))
		r->total = (uint64_t)st.st_size;
	return open_common(r, dl);
}

struct csv_reader *csv_open_mem(const char *name, const char *data, size_t n, struct diag_list *dl)
{
	struct csv_reader *r = xcalloc(1, sizeof(*r));
	r->name = xstrdup(name);
	r->fd = -1;
	r->mem = data;
	r->mem_n = n;
	r->total = n;
	return open_common(r, dl);
}

void csv_close(struct csv_reader *r)
{
	if (!r)
		return;
	if (r->own_fd)
		close(r->fd);
	for (size_t i = 0; i < r->nhead; i++)
		free(r->head[i]);
	free(r->head);
	free(r->foff);
	free(r->flen);
	free(r->fflag);
	free(r->fptr);
	free(r->buf);
	free(r->name);
	free(r);
}

void csv_set_block_size(struct csv_reader *r, size_t n)
{
	r->block = n ? n : 1;
	if (r->fd < 0) {
		/* Give back what was copied but not parsed. */
		r->mem_off -= r->end - r->pos;
		r->read -= r->end - r->pos;
		r->end = r->pos;
		r->buf[r->end] = '\0';
		r->eof = false;
	}
}

size_t csv_header_count(const struct csv_reader *r)
{
	return r->nhead;
}

const char *csv_header(const struct csv_reader *r, size_t i)
{
	return i < r->nhead ? r->head[i] : NULL;
}

const char *csv_name(const struct csv_reader *r)
{
	return r->name;
}

int csv_next(struct csv_reader *r, struct csv_record *rec, struct diag_list *dl)
{
	memset(rec, 0, sizeof(*rec));
	if (r->done)
		return 0;
	int rc = parse(r, dl);
	if (rc <= 0) {
		r->done = rc == 0;
		return rc;
	}
	bool bad = false;
	for (size_t i = 0; i < r->nf; i++) {
		r->fptr[i] = r->buf + r->rs + r->foff[i];
		if (field_check(r, i, r->rline, false, dl))
			bad = true;
	}
	if (r->nall != r->nhead) {
		diag_add(dl, r->name, r->rline, NULL, "this row has %zu field%s, the header has %zu",
			 r->nall, r->nall == 1 ? "" : "s", r->nhead);
		bad = true;
	}
	rec->n = r->nf;
	rec->field = r->fptr;
	rec->len = r->flen;
	rec->line = r->rline;
	rec->bad = bad;
	return 1;
}

uint64_t csv_bytes_read(const struct csv_reader *r)
{
	return r->read - (r->end - r->pos);
}

uint64_t csv_bytes_total(const struct csv_reader *r)
{
	return r->total;
}

/* ---- writing ---- */

static bool needs_quotes(const char *s)
{
	if (!*s)
		return false;
	if (s[0] == ' ' || s[strlen(s) - 1] == ' ')
		return true;
	return strpbrk(s, ",\"\r\n") != NULL;
}

void csv_put_field(struct buf *b, const char *s)
{
	if (!s)
		s = "";
	if (!needs_quotes(s)) {
		buf_adds(b, s);
		return;
	}
	buf_addch(b, '"');
	for (const char *q; (q = strchr(s, '"')); s = q + 1) {
		buf_add(b, s, (size_t)(q - s + 1));
		buf_addch(b, '"');
	}
	buf_adds(b, s);
	buf_addch(b, '"');
}

void csv_put_row(struct buf *b, const char *const *fields, size_t n)
{
	/* A row of one empty field would be an empty line, which the reader
	 * drops at the end of a file: quote it so that it reads back. */
	if (n == 1 && (!fields[0] || !fields[0][0])) {
		buf_adds(b, "\"\"\n");
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_addch(b, ',');
		csv_put_field(b, fields[i]);
	}
	buf_addch(b, '\n');
}

void csv_header_key(const char *header, struct buf *key)
{
	buf_reset(key);
	text_fold_buf(key, header);
	for (char *p = key->ptr; p && *p; p++)
		if (*p == ' ' || *p == '-')
			*p = '_';
}

bool csv_map_header(const struct csv_reader *r, const char *const *names, const bool *required, int ncols,
		    int (*column_of)(const char *key, const void *arg), const void *arg, bool ignore_unknown,
		    const char *unknown_hint, int *pos, struct diag_list *dl)
{
	size_t before = diag_count(dl);
	const char *file = csv_name(r);
	for (int c = 0; c < ncols; c++)
		pos[c] = -1;
	struct buf key;
	buf_init(&key, 0);
	for (size_t i = 0; i < csv_header_count(r); i++) {
		const char *h = csv_header(r, i);
		csv_header_key(h, &key);
		int c = column_of(key.ptr ? key.ptr : "", arg);
		if (c < 0 || c >= ncols) {
			if (!ignore_unknown)
				diag_add(dl, file, 1, h, "unknown column (%s)", unknown_hint);
		} else if (pos[c] >= 0) {
			diag_add(dl, file, 1, h, "a second %s column", names[c]);
		} else {
			pos[c] = (int)i;
		}
	}
	buf_free(&key);
	for (int c = 0; c < ncols; c++)
		if (required[c] && pos[c] < 0)
			diag_add(dl, file, 1, names[c], "the column %s is missing", names[c]);
	return diag_count(dl) == before;
}
