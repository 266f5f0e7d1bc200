/* Unit tests for the CSV reader and writer (contract §2, RFC 4180).
 *
 * Most cases go through check(): it reads the input with the normal block
 * size and again with tiny blocks (1, 2, 3, 5, 7 and 64 bytes), so that every
 * case is also a test of records, quotes, CRLF pairs and the BOM split across
 * block boundaries, and asserts the exact records and problems each time. */
#include "harness.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/diag.h"
#include "core/xalloc.h"
#include "io/csv.h"

static const size_t blocks[] = {0, 1, 2, 3, 5, 7, 64};

/* Reads all of data and renders the header, the records and the problems:
 * "H:a|b" then one "LINE:f1|f2" per record ("LINE!:" when the record is
 * bad; a NUL byte shows as \0), one "LINE|COLUMN|message" per problem, and
 * "END 0" or "END -1". */
static char *render(const char *data, size_t n, size_t block)
{
	struct diag_list dl;
	diag_init(&dl);
	struct buf out;
	buf_init(&out, 0);
	struct csv_reader *r = csv_open_mem("t.csv", data, n, &dl);
	if (r) {
		if (block)
			csv_set_block_size(r, block);
		buf_adds(&out, "H:");
		for (size_t i = 0; i < csv_header_count(r); i++)
			buf_addf(&out, "%s%s", i ? "|" : "", csv_header(r, i));
		buf_addch(&out, '\n');
		struct csv_record rec;
		int rc;
		while ((rc = csv_next(r, &rec, &dl)) == 1) {
			buf_addf(&out, "%ld%s:", rec.line, rec.bad ? "!" : "");
			for (size_t i = 0; i < rec.n; i++) {
				assert_int_equal(rec.field[i][rec.len[i]], '\0');
				if (i)
					buf_addch(&out, '|');
				for (size_t k = 0; k < rec.len[i]; k++)
					if (rec.field[i][k])
						buf_addch(&out, rec.field[i][k]);
					else
						buf_adds(&out, "\\0");
			}
			buf_addch(&out, '\n');
		}
		buf_addf(&out, "END %d\n", rc);
		/* The end is sticky. */
		assert_int_equal(csv_next(r, &rec, &dl), rc);
		if (rc == 0)
			assert_int_equal(csv_bytes_read(r), n);
		csv_close(r);
	} else {
		buf_adds(&out, "NULL\n");
	}
	for (size_t i = 0; i < dl.n; i++)
		buf_addf(&out, "%ld|%s|%s\n", dl.v[i].line, dl.v[i].column ? dl.v[i].column : "-",
			 dl.v[i].msg);
	for (size_t i = 0; i < dl.n; i++)
		assert_string_equal(dl.v[i].file, "t.csv");
	diag_free(&dl);
	return buf_detach(&out, NULL);
}

static void check_n(const char *data, size_t n, const char *want)
{
	for (size_t i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++) {
		char *got = render(data, n, blocks[i]);
		if (strcmp(got, want) != 0)
			print_error("block size %zu:\n--- got\n%s--- wanted\n%s", blocks[i], got, want);
		assert_string_equal(got, want);
		free(got);
	}
}

#define check(lit, want) check_n(lit, sizeof(lit) - 1, want)

static void test_basic_lf_crlf(void **state)
{
	check("code,name\nA1,Chi bộ 1\nA2,Chi bộ 2\n",
	      "H:code|name\n2:A1|Chi bộ 1\n3:A2|Chi bộ 2\nEND 0\n");
	check("code,name\r\nA1,Chi bộ 1\r\nA2,Chi bộ 2\r\n",
	      "H:code|name\n2:A1|Chi bộ 1\n3:A2|Chi bộ 2\nEND 0\n");
	/* No line end after the last record; mixed line ends. */
	check("code,name\r\nA1,x\nA2,y", "H:code|name\n2:A1|x\n3:A2|y\nEND 0\n");
	/* Empty fields, including the last one. */
	check("a,b,c\n,,\n1,,\n,2,\n", "H:a|b|c\n2:||\n3:1||\n4:|2|\nEND 0\n");
	check("a,b\n1,", "H:a|b\n2:1|\nEND 0\n");
	/* A header alone. */
	check("a,b\n", "H:a|b\nEND 0\n");
	check("a,b", "H:a|b\nEND 0\n");
}

static void test_bom(void **state)
{
	check("\xEF\xBB\xBF" "code,name\nA1,x\n", "H:code|name\n2:A1|x\nEND 0\n");
	/* Only at the very start: elsewhere it is text. */
	check("code\n\xEF\xBB\xBF" "x\n", "H:code\n2:\xEF\xBB\xBF" "x\nEND 0\n");
	check("\xEF\xBB\xBF", "NULL\n0|-|the file is empty: a header row is expected\n");
}

static void test_quoted(void **state)
{
	check("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n", "H:a|b\n2:x, y|say \"hi\"\nEND 0\n");
	check("a,b\n\"\",\"\"\"\"\n", "H:a|b\n2:|\"\nEND 0\n");
	/* Quoted header names. */
	check("\"a,1\",b\n1,2\n", "H:a,1|b\n2:1|2\nEND 0\n");
	/* A quoted field at the end of the input. */
	check("a,b\n1,\"2\"", "H:a|b\n2:1|2\nEND 0\n");
	check("a,b\r\n1,\"2\"\r\n3,4\r\n", "H:a|b\n2:1|2\n3:3|4\nEND 0\n");
}

static void test_embedded_newlines(void **state)
{
	/* The record keeps the line where it starts; the next record's line
	 * counts the embedded newlines. */
	check("a,b\n1,\"line one\nline two\n\"\n2,x\n",
	      "H:a|b\n2:1|line one\nline two\n\n5:2|x\nEND 0\n");
	/* CRLF inside quotes is kept as it is. */
	check("a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n", "H:a|b\n2:1|x\r\ny\n4:2|z\nEND 0\n");
	/* A newline inside a quoted header name. */
	check("\"a\nb\",c\n1,2\n", "H:a\nb|c\n3:1|2\nEND 0\n");
}

static void test_empty_lines(void **state)
{
	/* An empty line at the very end is not a record. */
	check("a,b\n1,2\n\n", "H:a|b\n2:1|2\nEND 0\n");
	check("a,b\r\n1,2\r\n\r\n", "H:a|b\n2:1|2\nEND 0\n");
	/* In the middle it is a record with one empty field. */
	check("a,b\n1,2\n\n3,4\n",
	      "H:a|b\n2:1|2\n3!:\n4:3|4\nEND 0\n3|-|this row has 1 field, the header has 2\n");
	/* Two empty lines at the end: the first is in the middle. */
	check("a\n1\n\n\n", "H:a\n2:1\n3:\nEND 0\n");
	/* With one column an empty line is a good record. */
	check("a\n\n1\n", "H:a\n2:\n3:1\nEND 0\n");
	/* A quoted empty field at the end is a record. */
	check("a\n\"\"\n", "H:a\n2:\nEND 0\n");
	check("a\n\"\"", "H:a\n2:\nEND 0\n");
}

static void test_field_count(void **state)
{
	check("a,b,c\n1,2\n1,2,3,4\n1,2,3\n",
	      "H:a|b|c\n2!:1|2\n3!:1|2|3|4\n4:1|2|3\nEND 0\n"
	      "2|-|this row has 2 fields, the header has 3\n"
	      "3|-|this row has 4 fields, the header has 3\n");
}

static void test_invalid_utf8(void **state)
{
	check("code,name\nA1,ab\xFF" "c\n",
	      "H:code|name\n2!:A1|ab\xFF" "c\nEND 0\n2|name|invalid UTF-8 at byte 3 of the field\n");
	/* A truncated sequence, an overlong form, a surrogate. */
	check("a\n\xC3\nx\xC0\xAF\n\xED\xA0\x80\n",
	      "H:a\n2!:\xC3\n3!:x\xC0\xAF\n4!:\xED\xA0\x80\nEND 0\n"
	      "2|a|invalid UTF-8 at byte 1 of the field\n"
	      "3|a|invalid UTF-8 at byte 2 of the field\n"
	      "4|a|invalid UTF-8 at byte 1 of the field\n");
	/* A field past the header's columns is named by its number. */
	check("a\n1,\xFF\n",
	      "H:a\n2!:1|\xFF\nEND 0\n2|column 2|invalid UTF-8 at byte 1 of the field\n"
	      "2|-|this row has 2 fields, the header has 1\n");
	/* In the header: the reader is not opened. */
	check("a,b\xFF\n1,2\n", "NULL\n1|column 2|invalid UTF-8 at byte 2 of the field\n");
}

static void test_control_chars(void **state)
{
	check("a,b\nx\x01y,\"\x7f\"\n",
	      "H:a|b\n2!:x\x01y|\x7f\nEND 0\n"
	      "2|a|control character U+0001 at byte 2 of the field\n"
	      "2|b|control character U+007F at byte 1 of the field\n");
	/* Tab is text. */
	check("a\nx\ty\n", "H:a\n2:x\ty\nEND 0\n");
	/* A CR outside quotes that does not end a line. */
	check("a,b\nx\ry,1\n", "H:a|b\n2!:x\ry|1\nEND 0\n2|a|control character U+000D at byte 2 of the field\n");
	check("a\n\"x\ry\"\r\n", "H:a\n2:x\ry\nEND 0\n");
	/* NUL is a control character; the field keeps it and its length. */
	static const char nul[] = "a,b\nx\0y,\"\0\"\n";
	check_n(nul, sizeof(nul) - 1,
		"H:a|b\n2!:x\\0y|\\0\nEND 0\n"
		"2|a|control character U+0000 at byte 2 of the field\n"
		"2|b|control character U+0000 at byte 1 of the field\n");
	struct diag_list dl;
	diag_init(&dl);
	struct csv_reader *r = csv_open_mem("t.csv", nul, sizeof(nul) - 1, &dl);
	assert_non_null(r);
	struct csv_record rec;
	assert_int_equal(csv_next(r, &rec, &dl), 1);
	assert_true(rec.bad);
	assert_int_equal(rec.n, 2);
	assert_int_equal(rec.len[0], 3);
	assert_memory_equal(rec.field[0], "x\0y", 4);
	assert_int_equal(rec.len[1], 1);
	assert_int_equal(dl.n, 2);
	assert_string_equal(dl.v[0].msg, "control character U+0000 at byte 2 of the field");
	assert_string_equal(dl.v[0].column, "a");
	assert_string_equal(dl.v[1].msg, "control character U+0000 at byte 1 of the field");
	assert_string_equal(dl.v[1].column, "b");
	assert_int_equal(csv_next(r, &rec, &dl), 0);
	csv_close(r);
	diag_free(&dl);
}

static void test_unclosed_quote(void **state)
{
	check("a,b\n1,\"abc\n\nxyz\n",
	      "H:a|b\nEND -1\n2|b|a quoted field opened here never closes\n");
	/* Reported where the quoted field starts, not where its record does. */
	check("a,b\n1,2\n\"x\ny\",\"open\n3,4\n",
	      "H:a|b\n2:1|2\nEND -1\n4|b|a quoted field opened here never closes\n");
	/* In the header. */
	check("\"a,b\n1,2\n", "NULL\n1|column 1|a quoted field opened here never closes\n");
	/* A quote closed by the last byte is not open. */
	check("a\n\"x\"", "H:a\n2:x\nEND 0\n");
	check("a\n\"", "H:a\nEND -1\n2|a|a quoted field opened here never closes\n");
}

static void test_text_after_quote(void **state)
{
	check("a,b\n\"ab\"c,1\n\"x\" ,2\n",
	      "H:a|b\n2!:abc|1\n3!:x |2\nEND 0\n"
	      "2|a|text after the closing quote (a quote inside a quoted field is written \"\")\n"
	      "3|a|text after the closing quote (a quote inside a quoted field is written \"\")\n");
	check("a\nab\"c\n",
	      "H:a\n2!:ab\"c\nEND 0\n"
	      "2|a|a quote inside an unquoted field (quote the whole field and double the quote)\n");
}

static void test_header(void **state)
{
	/* Names are trimmed of spaces; data fields are not. */
	check(" code ,  name\n A , b \n", "H:code|name\n2: A | b \nEND 0\n");
	check("code,name, code\n1,2,3\n", "NULL\n1|column 3|column 'code' appears twice\n");
	check("", "NULL\n0|-|the file is empty: a header row is expected\n");
	check("\n", "NULL\n0|-|the file is empty: a header row is expected\n");
	check("\r\n", "NULL\n0|-|the file is empty: a header row is expected\n");
	check("\n1\n", "NULL\n1|-|the header row is empty\n");
}

static void test_limits(void **state)
{
	/* A field one byte too long is reported and cut. */
	size_t n = CSV_FIELD_MAX + 1;
	struct buf in;
	buf_init(&in, 0);
	buf_adds(&in, "a,b\n\"");
	for (size_t i = 0; i < n; i++)
		buf_addch(&in, i % 100 == 99 ? '\n' : 'x');
	buf_adds(&in, "\",2\n3,4\n");
	for (size_t k = 0; k < 2; k++) {
		struct diag_list dl;
		diag_init(&dl);
		struct csv_reader *r = csv_open_mem("t.csv", in.ptr, in.len, &dl);
		assert_non_null(r);
		if (k)
			csv_set_block_size(r, 4096);
		struct csv_record rec;
		assert_int_equal(csv_next(r, &rec, &dl), 1);
		assert_true(rec.bad);
		assert_int_equal(rec.n, 2);
		assert_int_equal(rec.len[0], CSV_FIELD_MAX);
		assert_int_equal(strlen(rec.field[0]), CSV_FIELD_MAX);
		assert_string_equal(rec.field[1], "2");
		assert_int_equal(csv_next(r, &rec, &dl), 1);
		assert_int_equal(rec.line, 2 + (long)(n / 100) + 1);
		assert_string_equal(rec.field[0], "3");
		assert_int_equal(csv_next(r, &rec, &dl), 0);
		assert_int_equal(dl.n, 1);
		assert_int_equal(dl.v[0].line, 2);
		assert_string_equal(dl.v[0].column, "a");
		assert_string_equal(dl.v[0].msg, "this field is longer than 65536 bytes");
		csv_close(r);
		diag_free(&dl);
	}
	/* Exactly CSV_FIELD_MAX is fine. */
	buf_reset(&in);
	buf_adds(&in, "a\n");
	for (size_t i = 0; i < CSV_FIELD_MAX; i++)
		buf_addch(&in, 'y');
	{
		struct diag_list dl;
		diag_init(&dl);
		struct csv_reader *r = csv_open_mem("t.csv", in.ptr, in.len, &dl);
		struct csv_record rec;
		assert_int_equal(csv_next(r, &rec, &dl), 1);
		assert_false(rec.bad);
		assert_int_equal(rec.len[0], CSV_FIELD_MAX);
		assert_int_equal(dl.n, 0);
		csv_close(r);
		diag_free(&dl);
	}
	/* Fields past CSV_FIELDS_MAX are counted, not kept. */
	buf_reset(&in);
	buf_adds(&in, "a,b\n");
	for (size_t i = 0; i < 2000; i++)
		buf_addf(&in, "%s%zu", i ? "," : "", i);
	buf_adds(&in, "\n1,2\n");
	{
		struct diag_list dl;
		diag_init(&dl);
		struct csv_reader *r = csv_open_mem("t.csv", in.ptr, in.len, &dl);
		struct csv_record rec;
		assert_int_equal(csv_next(r, &rec, &dl), 1);
		assert_true(rec.bad);
		assert_int_equal(rec.n, CSV_FIELDS_MAX);
		assert_string_equal(rec.field[CSV_FIELDS_MAX - 1], "1023");
		assert_int_equal(dl.n, 1);
		assert_string_equal(dl.v[0].msg, "this row has 2000 fields, the header has 2");
		assert_int_equal(csv_next(r, &rec, &dl), 1);
		assert_false(rec.bad);
		assert_string_equal(rec.field[1], "2");
		csv_close(r);
		diag_free(&dl);
	}
	/* A header with too many columns is refused. */
	buf_reset(&in);
	for (size_t i = 0; i < 1500; i++)
		buf_addf(&in, "%sc%zu", i ? "," : "", i);
	{
		struct diag_list dl;
		diag_init(&dl);
		assert_null(csv_open_mem("t.csv", in.ptr, in.len, &dl));
		assert_int_equal(dl.n, 1);
		assert_string_equal(dl.v[0].msg, "the header has 1500 columns, more than 1024");
		diag_free(&dl);
	}
	buf_free(&in);
}

static void test_writer(void **state)
{
	struct buf b;
	buf_init(&b, 0);
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"plain", "plain"},
		{"Nguyễn Văn A", "Nguyễn Văn A"},
		{"", ""},
		{"a,b", "\"a,b\""},
		{"say \"hi\"", "\"say \"\"hi\"\"\""},
		{"\"", "\"\"\"\""},
		{"a\nb", "\"a\nb\""},
		{"a\rb", "\"a\rb\""},
		{" lead", "\" lead\""},
		{"trail ", "\"trail \""},
		{" ", "\" \""},
		{"in side", "in side"},
		{"tab\tx", "tab\tx"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		buf_reset(&b);
		csv_put_field(&b, cases[i].in);
		assert_string_equal(b.ptr, cases[i].out);
	}
	buf_reset(&b);
	csv_put_field(&b, NULL);
	assert_string_equal(b.ptr, "");
	const char *row[] = {"A1", NULL, "x,y", ""};
	buf_reset(&b);
	csv_put_row(&b, row, 4);
	assert_string_equal(b.ptr, "A1,,\"x,y\",\n");
	/* A row of one empty field is quoted, or it would be an empty line. */
	const char *one[] = {""};
	buf_reset(&b);
	csv_put_row(&b, one, 1);
	assert_string_equal(b.ptr, "\"\"\n");
	buf_free(&b);
}

static void test_round_trip(void **state)
{
	static const char *const tricky[] = {
		"Nguyễn Thị Ánh Tuyết",
		"Đảng bộ xã Đông Hưng, huyện Đông Hưng",
		"Chi bộ \"Tổ dân phố 3\"",
		"dòng một\ndòng hai",
		"CRLF\r\ninside",
		" khoảng trắng ",
		"\"",
		"\"\"",
		",",
		"",
		"ký tự \t tab",
		"Ðặng (Latin Eth) và Đặng",
		"\xF0\x9F\x87\xBB\xF0\x9F\x87\xB3",
	};
	size_t n = sizeof(tricky) / sizeof(tricky[0]);
	struct buf b;
	buf_init(&b, 0);
	const char *head[] = {"stt", "giá trị", "ghi chú"};
	csv_put_row(&b, head, 3);
	for (size_t i = 0; i < n; i++) {
		char num[16];
		snprintf(num, sizeof(num), "%zu", i);
		const char *row[] = {num, tricky[i], tricky[n - 1 - i]};
		csv_put_row(&b, row, 3);
	}
	/* One-column file whose last row is empty. */
	struct buf one;
	buf_init(&one, 0);
	const char *h1[] = {"x"};
	csv_put_row(&one, h1, 1);
	for (size_t i = 0; i < n; i++)
		csv_put_row(&one, &tricky[i], 1);

	for (size_t k = 0; k < sizeof(blocks) / sizeof(blocks[0]); k++) {
		struct diag_list dl;
		diag_init(&dl);
		struct csv_reader *r = csv_open_mem("rt.csv", b.ptr, b.len, &dl);
		assert_non_null(r);
		if (blocks[k])
			csv_set_block_size(r, blocks[k]);
		assert_string_equal(csv_header(r, 1), "giá trị");
		struct csv_record rec;
		for (size_t i = 0; i < n; i++) {
			assert_int_equal(csv_next(r, &rec, &dl), 1);
			assert_false(rec.bad);
			assert_int_equal(rec.n, 3);
			assert_string_equal(rec.field[1], tricky[i]);
			assert_int_equal(rec.len[1], strlen(tricky[i]));
			assert_string_equal(rec.field[2], tricky[n - 1 - i]);
		}
		assert_int_equal(csv_next(r, &rec, &dl), 0);
		assert_int_equal(dl.n, 0);
		csv_close(r);

		r = csv_open_mem("one.csv", one.ptr, one.len, &dl);
		assert_non_null(r);
		if (blocks[k])
			csv_set_block_size(r, blocks[k]);
		for (size_t i = 0; i < n; i++) {
			assert_int_equal(csv_next(r, &rec, &dl), 1);
			assert_int_equal(rec.n, 1);
			assert_string_equal(rec.field[0], tricky[i]);
		}
		assert_int_equal(csv_next(r, &rec, &dl), 0);
		assert_int_equal(dl.n, 0);
		csv_close(r);
		diag_free(&dl);
	}

	/* Writing what was read gives the same bytes. */
	struct diag_list dl;
	diag_init(&dl);
	struct csv_reader *r = csv_open_mem("rt.csv", b.ptr, b.len, &dl);
	struct buf again;
	buf_init(&again, 0);
	const char *hs[3];
	for (size_t i = 0; i < 3; i++)
		hs[i] = csv_header(r, i);
	csv_put_row(&again, hs, 3);
	struct csv_record rec;
	while (csv_next(r, &rec, &dl) == 1)
		csv_put_row(&again, (const char *const *)rec.field, rec.n);
	assert_string_equal(again.ptr, b.ptr);
	csv_close(r);
	diag_free(&dl);
	buf_free(&again);
	buf_free(&one);
	buf_free(&b);
}

/* A record much longer than the block, with escapes on both sides of
 * every boundary. */
static void test_block_boundaries(void **state)
{
	struct buf in, want;
	buf_init(&in, 0);
	buf_init(&want, 0);
	buf_adds(&in, "a,b\r\n");
	buf_adds(&in, "\"");
	for (int i = 0; i < 3000; i++) {
		buf_adds(&in, i % 7 ? "Đ\"\"" : "\r\n");
		buf_adds(&want, i % 7 ? "Đ\"" : "\r\n");
	}
	buf_adds(&in, "\",tail\r\nx,y\r\n");
	for (size_t bs = 1; bs <= 4099; bs += bs < 20 ? 1 : 1009) {
		struct diag_list dl;
		diag_init(&dl);
		struct csv_reader *r = csv_open_mem("t.csv", in.ptr, in.len, &dl);
		assert_non_null(r);
		csv_set_block_size(r, bs);
		struct csv_record rec;
		assert_int_equal(csv_next(r, &rec, &dl), 1);
		assert_int_equal(rec.line, 2);
		assert_int_equal(rec.n, 2);
		assert_int_equal(rec.len[0], want.len);
		assert_string_equal(rec.field[0], want.ptr);
		assert_string_equal(rec.field[1], "tail");
		assert_int_equal(csv_next(r, &rec, &dl), 1);
		assert_int_equal(rec.line, 2 + (3000 + 6) / 7 + 1); /* 429 CRLFs inside */
		assert_string_equal(rec.field[0], "x");
		assert_string_equal(rec.field[1], "y");
		assert_int_equal(csv_next(r, &rec, &dl), 0);
		assert_int_equal(csv_bytes_read(r), in.len);
		assert_int_equal(csv_bytes_total(r), in.len);
		assert_int_equal(dl.n, 0);
		csv_close(r);
		diag_free(&dl);
	}
	buf_free(&in);
	buf_free(&want);
}

static char *write_temp(const char *data)
{
	char *path = xstrdup("/tmp/dangbo-csv-test.XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	size_t n = strlen(data);
	assert_int_equal(write(fd, data, n), (ssize_t)n);
	close(fd);
	return path;
}

static void test_files(void **state)
{
	const char *data = "\xEF\xBB\xBF" "code,tên\r\nA1,\"Chi bộ\nmột\"\r\nA2,hai\r\n";
	char *path = write_temp(data);
	struct diag_list dl;
	diag_init(&dl);
	struct csv_reader *r = csv_open_file(path, &dl);
	assert_non_null(r);
	assert_string_equal(csv_name(r), path);
	assert_int_equal(csv_bytes_total(r), strlen(data));
	assert_int_equal(csv_header_count(r), 2);
	assert_string_equal(csv_header(r, 1), "tên");
	assert_null(csv_header(r, 2));
	struct csv_record rec;
	assert_int_equal(csv_next(r, &rec, &dl), 1);
	assert_string_equal(rec.field[1], "Chi bộ\nmột");
	assert_int_equal(csv_next(r, &rec, &dl), 1);
	assert_int_equal(rec.line, 4);
	assert_int_equal(csv_next(r, &rec, &dl), 0);
	assert_int_equal(csv_bytes_read(r), strlen(data));
	assert_int_equal(dl.n, 0);
	csv_close(r);

	/* "-" reads standard input; diagnostics name it "-". */
	int saved = dup(STDIN_FILENO);
	int fd = open(path, O_RDONLY);
	assert_true(fd >= 0 && saved >= 0);
	dup2(fd, STDIN_FILENO);
	close(fd);
	r = csv_open_file("-", &dl);
	assert_non_null(r);
	assert_string_equal(csv_name(r), "-");
	assert_int_equal(csv_next(r, &rec, &dl), 1);
	assert_string_equal(rec.field[0], "A1");
	assert_int_equal(csv_next(r, &rec, &dl), 1);
	assert_string_equal(rec.field[1], "hai");
	assert_int_equal(csv_next(r, &rec, &dl), 0);
	csv_close(r);
	dup2(saved, STDIN_FILENO);
	close(saved);
	/* Closing the reader leaves standard input open. */
	assert_true(fcntl(STDIN_FILENO, F_GETFD) >= 0);
	assert_int_equal(dl.n, 0);
	unlink(path);
	free(path);

	/* Problems of a file name it as given. */
	path = write_temp("a,a\n");
	assert_null(csv_open_file(path, &dl));
	assert_int_equal(dl.n, 1);
	assert_string_equal(dl.v[0].file, path);
	assert_string_equal(dl.v[0].msg, "column 'a' appears twice");
	unlink(path);
	free(path);

	path = write_temp("");
	assert_null(csv_open_file(path, &dl));
	assert_int_equal(dl.n, 2);
	assert_string_equal(dl.v[1].msg, "the file is empty: a header row is expected");
	unlink(path);
	free(path);

	assert_null(csv_open_file("/nonexistent/dangbo/x.csv", &dl));
	assert_int_equal(dl.n, 3);
	assert_string_equal(dl.v[2].file, "/nonexistent/dangbo/x.csv");
	assert_int_equal(dl.v[2].line, 0);
	assert_string_equal(dl.v[2].msg, "cannot open: No such file or directory");

	/* A directory opens but cannot be read. */
	assert_null(csv_open_file("/tmp", &dl));
	assert_int_equal(dl.n, 4);
	assert_string_equal(dl.v[3].msg, "cannot read: Is a directory");
	diag_free(&dl);
}

/* csv_map_header: headers compared folded ("Mã tổ chức" is ma_to_chuc),
 * an alias, every problem at line 1 with its header, ignore_unknown. */
static int test_col_of(const char *key, const void *arg)
{
	(void)arg;
	if (strcmp(key, "code") == 0 || strcmp(key, "ma_to_chuc") == 0)
		return 0;
	if (strcmp(key, "name") == 0 || strcmp(key, "ten") == 0)
		return 1;
	if (strcmp(key, "note") == 0)
		return 2;
	return -1;
}

static bool map_of(const char *data, bool ignore, int pos[3], struct diag_list *dl)
{
	static const char *const names[] = {"code", "name", "note"};
	static const bool required[] = {true, true, false};
	struct csv_reader *r = csv_open_mem("h.csv", data, strlen(data), dl);
	assert_non_null(r);
	bool ok = csv_map_header(r, names, required, 3, test_col_of, NULL, ignore, "the columns are code, name, note",
				 pos, dl);
	csv_close(r);
	return ok;
}

static void test_map_header(void **state)
{
	(void)state;
	struct buf k;
	buf_init(&k, 0);
	csv_header_key("Mã tổ-chức", &k);
	assert_string_equal(k.ptr, "ma_to_chuc");
	buf_free(&k);
	struct diag_list dl;
	diag_init(&dl);
	int pos[3];
	assert_true(map_of("Tên,Mã tổ chức\nA,B\n", false, pos, &dl));
	assert_int_equal(pos[0], 1);
	assert_int_equal(pos[1], 0);
	assert_int_equal(pos[2], -1);
	assert_int_equal(diag_count(&dl), 0);
	assert_false(map_of("code,extra,Mã tổ chức\n", false, pos, &dl));
	assert_int_equal(diag_count(&dl), 3);
	assert_int_equal(dl.v[0].line, 1);
	assert_string_equal(dl.v[0].column, "extra");
	assert_string_equal(dl.v[0].msg, "unknown column (the columns are code, name, note)");
	assert_string_equal(dl.v[1].column, "Mã tổ chức");
	assert_string_equal(dl.v[1].msg, "a second code column");
	assert_string_equal(dl.v[2].column, "name");
	assert_string_equal(dl.v[2].msg, "the column name is missing");
	diag_free(&dl);
	diag_init(&dl);
	assert_true(map_of("name,code,extra\n", true, pos, &dl));
	assert_int_equal(pos[0], 1);
	diag_free(&dl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic_lf_crlf),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_quoted),
		cmocka_unit_test(test_embedded_newlines),
		cmocka_unit_test(test_empty_lines),
		cmocka_unit_test(test_field_count),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_control_chars),
		cmocka_unit_test(test_unclosed_quote),
		cmocka_unit_test(test_text_after_quote),
		cmocka_unit_test(test_header),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_writer),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_block_boundaries),
		cmocka_unit_test(test_files),
		cmocka_unit_test(test_map_header),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
