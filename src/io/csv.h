/* csv: RFC 4180 reader and writer for the interchange files (contract §2).
 *
 * The reader streams a file in large blocks and returns one record at a time
 * with its fields as NUL-terminated strings (valid until the next call). The
 * first record is the header; problems are reported to a diag_list as
 * FILE:LINE:COLUMN where LINE is the physical line where the record starts
 * (1 = header) and COLUMN the header name of the field (or "column N" when
 * there is no such header). A UTF-8 byte-order mark is skipped. CRLF and LF
 * line ends are accepted. Problems found:
 *   - invalid UTF-8 or a control character in a field (the record is still
 *     returned; the caller should treat the file as bad),
 *   - a quote that never closes (fatal: csv_next returns -1),
 *   - text after a closing quote (e.g. "ab"c),
 *   - a record with more or fewer fields than the header,
 *   - a field longer than CSV_FIELD_MAX bytes (it is cut to that length),
 *   - a quote inside an unquoted field (e.g. ab"c),
 *   - in the header: an empty header, a name that appears twice, more than
 *     CSV_FIELDS_MAX columns (csv_open_* then fails).
 * A field may contain a NUL byte only when the record is marked bad (NUL is a
 * control character); otherwise strlen(field[i]) == len[i]. A completely
 * empty line is a record with one empty field, except at the very end of the
 * input, where it is not a record.
 * The writer quotes a field only when it must (comma, quote, CR, LF, or a
 * leading/trailing space), so that export is byte-stable. */
#ifndef DANGBO_IO_CSV_H
#define DANGBO_IO_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/buf.h"
#include "core/diag.h"

#define CSV_FIELD_MAX (64 * 1024)
/* Fields kept per record; further ones are counted (for the field-count
 * problem) but not returned. */
#define CSV_FIELDS_MAX 1024
/* Bytes read from the file at a time. */
#define CSV_BLOCK_SIZE (1024 * 1024)

struct csv_reader;

struct csv_record {
	size_t n;           /* number of fields */
	char **field;       /* field[i] is NUL-terminated, owned by the reader */
	size_t *len;        /* byte length of each field */
	long line;          /* physical line where the record starts */
	bool bad;           /* a problem was reported for this record */
};

/* Opens path for reading and reads the header. "-" is standard input.
 * On failure returns NULL and adds a diag (file not found, empty file, bad
 * header). The name used in diagnostics is the path as given. */
struct csv_reader *csv_open_file(const char *path, struct diag_list *dl);
/* Reads from memory, a block at a time like a file (data is not copied at
 * once and must outlive the reader). Same diags as csv_open_file. */
struct csv_reader *csv_open_mem(const char *name, const char *data, size_t n,
				struct diag_list *dl);
void csv_close(struct csv_reader *r);
/* For tests only: reads at most n (>= 1) bytes at a time from now on, so that
 * records straddle block boundaries. Input the reader has already buffered
 * but not parsed is given back first when reading from memory. */
void csv_set_block_size(struct csv_reader *r, size_t n);

/* The header's fields (trimmed of surrounding spaces), valid while open. */
size_t csv_header_count(const struct csv_reader *r);
const char *csv_header(const struct csv_reader *r, size_t i);
const char *csv_name(const struct csv_reader *r);

/* The key a header is compared by: folded (no diacritics, lower case),
 * spaces and hyphens as underscores: "Mã tổ chức" -> "ma_to_chuc". */
void csv_header_key(const char *header, struct buf *key);

/* Maps r's header onto the ncols columns a command reads: pos[c] receives
 * the field of column c, or -1. column_of(key, arg) names the column of a
 * header key (csv_header_key), or -1; names[c] is column c as messages
 * write it. Every problem goes to dl at line 1 of the file: a header no
 * column has (unless ignore_unknown; unknown_hint says what is expected), a
 * column given twice, a required column missing. True if there is none. */
bool csv_map_header(const struct csv_reader *r, const char *const *names, const bool *required, int ncols,
		    int (*column_of)(const char *key, const void *arg), const void *arg, bool ignore_unknown,
		    const char *unknown_hint, int *pos, struct diag_list *dl);

/* Reads the next data record into rec. Returns 1 for a record, 0 at the end
 * of the input, -1 on a fatal problem (already reported to dl). */
int csv_next(struct csv_reader *r, struct csv_record *rec, struct diag_list *dl);

/* Bytes consumed so far and the total size (0 when unknown, e.g. a pipe),
 * for progress display. */
uint64_t csv_bytes_read(const struct csv_reader *r);
uint64_t csv_bytes_total(const struct csv_reader *r);

/* Appends one field to b (NULL is empty), quoted if needed, with each quote
 * inside doubled. */
void csv_put_field(struct buf *b, const char *s);
/* Appends fields separated by commas and a "\n". NULL fields are empty. A
 * row of one empty field is written "" so that it does not read back as an
 * empty line (which the reader drops at the end of a file). */
void csv_put_row(struct buf *b, const char *const *fields, size_t n);

#endif
