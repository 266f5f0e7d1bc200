/* fuzz_csv: the CSV reader on arbitrary bytes.
 *
 * Each input is read to the end three times: with the normal block size,
 * one byte at a time, and with a block size taken from the input's length.
 * The three readings must agree exactly (header, records, lines, problems),
 * since block boundaries must not change what is read. Every record must
 * hold the reader's promises:
 *   - each field is NUL-terminated at len and no longer than CSV_FIELD_MAX,
 *     and there are at most CSV_FIELDS_MAX fields;
 *   - lines only grow, and a bad record has at least one problem reported;
 *   - a record not marked bad has as many fields as the header, and each
 *     field is valid UTF-8 without NUL or other control characters (other
 *     than tab, and CR or LF inside quotes), so strlen(field) == len.
 * When the input reads with no problem at all, what csv_put_row writes of it
 * (after a BOM) must read back to the very same header, records and lines. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/diag.h"
#include "core/text.h"
#include "io/csv.h"

#define CHECK(c)                                                                 \
	do {                                                                     \
		if (!(c)) {                                                      \
			fprintf(stderr, "fuzz_csv: %s:%d: %s\n", __FILE__,       \
				__LINE__, #c);                                   \
			abort();                                                 \
		}                                                                \
	} while (0)

/* Reads data and renders what was read into out; if rw is not NULL, also
 * writes it back with the writer. Returns the number of problems. */
static size_t read_all(const uint8_t *data, size_t n, size_t block, struct buf *out, struct buf *rw)
{
	struct diag_list dl;
	diag_init(&dl);
	struct csv_reader *r = csv_open_mem("fuzz.csv", (const char *)data, n, &dl);
	if (!r) {
		CHECK(diag_count(&dl) > 0);
		buf_adds(out, "NULL\n");
	} else {
		if (block)
			csv_set_block_size(r, block);
		size_t nh = csv_header_count(r);
		CHECK(nh >= 1 && nh <= CSV_FIELDS_MAX);
		CHECK(csv_header(r, nh) == NULL);
		const char **hs = calloc(nh, sizeof(*hs));
		CHECK(hs);
		for (size_t i = 0; i < nh; i++) {
			hs[i] = csv_header(r, i);
			size_t len = strlen(hs[i]);
			CHECK(text_valid_utf8(hs[i], len, NULL));
			CHECK(len == 0 || (hs[i][0] != ' ' && hs[i][len - 1] != ' '));
			buf_adds(out, hs[i]);
			buf_addch(out, '\x1f');
		}
		buf_addch(out, '\n');
		if (rw)
			csv_put_row(rw, hs, nh);
		free(hs);
		struct csv_record rec;
		long last = 1;
		int rc;
		while ((rc = csv_next(r, &rec, &dl)) == 1) {
			CHECK(rec.line > last);
			last = rec.line;
			CHECK(rec.n >= 1 && rec.n <= CSV_FIELDS_MAX);
			CHECK(!rec.bad || diag_count(&dl) > 0);
			if (!rec.bad)
				CHECK(rec.n == nh);
			buf_addf(out, "%ld%s:", rec.line, rec.bad ? "!" : "");
			for (size_t i = 0; i < rec.n; i++) {
				CHECK(rec.len[i] <= CSV_FIELD_MAX);
				CHECK(rec.field[i][rec.len[i]] == '\0');
				if (!rec.bad) {
					CHECK(strlen(rec.field[i]) == rec.len[i]);
					CHECK(text_valid_utf8(rec.field[i], rec.len[i], NULL));
				}
				buf_add(out, rec.field[i], rec.len[i]);
				buf_addch(out, '\x1f');
			}
			buf_addch(out, '\n');
			if (rw)
				csv_put_row(rw, (const char *const *)rec.field, rec.n);
			CHECK(csv_bytes_read(r) <= n);
		}
		CHECK(rc == 0 || rc == -1);
		CHECK(rc == 0 || diag_count(&dl) > 0);
		if (rc == 0)
			CHECK(csv_bytes_read(r) == n);
		CHECK(csv_bytes_total(r) == n);
		buf_addf(out, "END %d\n", rc);
		CHECK(csv_next(r, &rec, &dl) == rc);
		csv_close(r);
	}
	for (size_t i = 0; i < dl.n; i++) {
		CHECK(dl.v[i].msg && dl.v[i].msg[0]);
		buf_addf(out, "%ld|%s|%s\n", dl.v[i].line, dl.v[i].column ? dl.v[i].column : "-",
			 dl.v[i].msg);
	}
	size_t problems = diag_count(&dl);
	diag_free(&dl);
	return problems;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf a, b, c, rw;
	buf_init(&a, 0);
	buf_init(&b, 0);
	buf_init(&c, 0);
	buf_init(&rw, 0);
	/* A BOM first, so that a header that itself starts with U+FEFF (after
	 * the input's own BOM) reads back the same. */
	buf_adds(&rw, "\xEF\xBB\xBF");
	size_t problems = read_all(data, size, 0, &a, &rw);
	read_all(data, size, 1, &b, NULL);
	CHECK(a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0);
	read_all(data, size, 2 + size % 61, &c, NULL);
	CHECK(a.len == c.len && memcmp(a.ptr, c.ptr, a.len) == 0);
	if (problems == 0) {
		buf_reset(&b);
		CHECK(read_all((const uint8_t *)rw.ptr, rw.len, 0, &b, NULL) == 0);
		CHECK(a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0);
	}
	buf_free(&a);
	buf_free(&b);
	buf_free(&c);
	buf_free(&rw);
	return 0;
}
