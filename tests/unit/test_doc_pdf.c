/* Unit tests for the party-document model and its PDF layout (io/doc.h,
 * io/doc_pdf.h; documents.md §§1–4, HD 36-HD/VPTW as measured). */
#include "harness.h"

#include <stdlib.h>
#include <string.h>

#include "io/doc.h"
#include "io/doc_pdf.h"

#define MM (72.0 / 25.4)

static char *date_line(const char *place, date_t d)
{
	struct buf b;
	buf_init(&b, 0);
	doc_date_line(&b, place, d);
	return buf_detach(&b, NULL);
}

/* documents.md §3: day under 10 and months 1–2 with a leading zero; blanks
 * to fill in by hand without a date or a place. */
static void test_date_line(void **state)
{
	(void)state;
	char *s = date_line("Hạ Long", date_from_ymd(2018, 2, 20));
	assert_string_equal(s, "Hạ Long, ngày 20 tháng 02 năm 2018");
	free(s);
	s = date_line("Hà Nội", date_from_ymd(2025, 9, 29));
	assert_string_equal(s, "Hà Nội, ngày 29 tháng 9 năm 2025");
	free(s);
	s = date_line("Vĩnh Lợi", date_from_ymd(2025, 1, 3));
	assert_string_equal(s, "Vĩnh Lợi, ngày 03 tháng 01 năm 2025");
	free(s);
	s = date_line(NULL, DATE_NONE);
	assert_string_equal(s, "……………, ngày      tháng      năm 20     ");
	free(s);
}

/* The profile hd36-2018 carries the numbers of HD 36 (documents.md §§1–2). */
static void test_profile(void **state)
{
	(void)state;
	const struct doc_pdf_profile *p = doc_pdf_profile_find("hd36-2018");
	assert_non_null(p);
	assert_null(doc_pdf_profile_find("hd05-2026"));
	assert_true(p->width > 595.2 && p->width < 595.3);   /* A4 */
	assert_true(p->height > 841.8 && p->height < 841.9);
	assert_true(p->top == 20 * MM && p->bottom == 20 * MM && p->left == 30 * MM && p->right == 15 * MM);
	assert_true(p->party == 15 && p->body == 14 && p->recipients == 12);
}

static void build(struct doc *d, size_t rows)
{
	doc_init(d);
	doc_set(&d->header.superior, "Đảng bộ tỉnh Bạc Liêu");
	doc_set(&d->header.issuer, "Huyện ủy Vĩnh Lợi");
	doc_set(&d->header.number, "Số 15-BC/HU");
	doc_set(&d->header.place, "Vĩnh Lợi");
	d->header.date = date_from_ymd(2018, 12, 20);
	doc_set(&d->type, "Báo cáo");
	doc_set(&d->summary, "Kết quả công tác tổ chức xây dựng Đảng năm 2018");
	doc_heading(d, "I. CÔNG TÁC ĐẢNG VIÊN");
	doc_para(d, "Đảng bộ có 2.517 đảng viên.");
	static const char *const head[] = {"Chỉ tiêu", "Số lượng", "Tỷ lệ"};
	static const double frac[] = {0.6, 0.2, 0.2};
	static const enum doc_align align[] = {DOC_LEFT, DOC_RIGHT, DOC_RIGHT};
	struct doc_table *t = doc_table_add(d, 3, head, frac, align);
	for (size_t i = 0; i < rows; i++) {
		char label[32];
		snprintf(label, sizeof(label), "Dòng %zu", i + 1);
		const char *cells[3] = {label, i % 2 ? "2.517" : "740", i % 2 ? NULL : "29,40%"};
		doc_table_row(t, cells);
	}
	doc_set(&d->authority, "T/M Ban Thường vụ");
	doc_set(&d->signer_title, "Bí thư");
	doc_recipient(d, "- Ban Tổ chức Tỉnh ủy (để báo cáo),");
	doc_recipient(d, "- Lưu.");
}

/* The text form: header in capitals with "*" under the issuer, numbers
 * right-aligned in their column, the signature and the recipients. */
static void test_text(void **state)
{
	(void)state;
	struct doc d;
	build(&d, 2);
	struct buf b;
	buf_init(&b, 0);
	doc_render_text(&d, &b);
	const char *s = buf_str(&b);
	assert_non_null(strstr(s, "ĐẢNG BỘ TỈNH BẠC LIÊU\nHUYỆN ỦY VĨNH LỢI\n*\nSố 15-BC/HU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
				  "Vĩnh Lợi, ngày 20 tháng 12 năm 2018\n"));
	assert_non_null(strstr(s, "BÁO CÁO\nKết quả công tác tổ chức xây dựng Đảng năm 2018\n"));
	assert_non_null(strstr(s, "Chỉ tiêu  Số lượng  Tỷ lệ\nDòng 1         740  29,40%\nDòng 2       2.517\n"));
	assert_non_null(strstr(s, "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n"));
	assert_non_null(strstr(s, "Nơi nhận:\n- Ban Tổ chức Tỉnh ủy (để báo cáo),\n- Lưu.\n"));
	buf_free(&b);
	doc_free(&d);
}

/* Pages of a PDF: "/Type /Page" objects, not "/Type /Pages". */
static int pages(const struct buf *b)
{
	int n = 0;
	for (size_t i = 0; i + 11 < b->len; i++)
		if (memcmp(b->ptr + i, "/Type /Page", 11) == 0 && b->ptr[i + 11] != 's')
			n++;
	return n;
}

/* A table too long for a page flows onto the next ones; the same input
 * gives the same file (the creation date is the document's). */
static void test_pdf_pages(void **state)
{
	(void)state;
	struct doc d;
	build(&d, 5);
	struct buf one, again, long_;
	buf_init(&one, 0);
	buf_init(&again, 0);
	buf_init(&long_, 0);
	assert_int_equal(doc_pdf_render(&d, NULL, &one), ERR_OK);
	assert_int_equal(doc_pdf_render(&d, NULL, &again), ERR_OK);
	assert_memory_equal(one.ptr, "%PDF-", 5);
	assert_int_equal(pages(&one), 1);
	assert_int_equal(one.len, again.len);
	assert_memory_equal(one.ptr, again.ptr, one.len);
	doc_free(&d);
	build(&d, 150); /* about 20 pt a row: 3 000 pt of table, over four A4 pages */
	assert_int_equal(doc_pdf_render(&d, NULL, &long_), ERR_OK);
	assert_true(pages(&long_) >= 4);
	doc_free(&d);
	buf_free(&one);
	buf_free(&again);
	buf_free(&long_);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_line),
		cmocka_unit_test(test_profile),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_pdf_pages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
