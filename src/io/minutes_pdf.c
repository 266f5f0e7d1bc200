/* minutes_pdf: the counting minutes as a PDF, set with cairo and pango.
 *
 * Written with the page writer of party documents (io/doc_pdf.h, format
 * profile hd36-2018): its header block, title, body paragraphs, headings
 * and tables that repeat their header row on a new page. Only the
 * signature block is the minutes' own: the chair signs for the counting
 * board on the right, the other members on the left. */
#include "io/minutes_pdf.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/numfmt.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "io/doc_pdf.h"

static void esc(struct buf *b, const char *s)
{
	doc_pdf_esc(b, s);
}

static void add_int(struct buf *b, int64_t n)
{
	numfmt_int(b, n);
}

static void body(struct doc_pdf *pg, const struct buf *markup)
{
	doc_pdf_body(pg, buf_str(markup));
}

static void bodyf(struct doc_pdf *pg, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void bodyf(struct doc_pdf *pg, const char *fmt, ...)
{
	struct buf b;
	va_list ap;
	buf_init(&b, 0);
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	body(pg, &b);
	buf_free(&b);
}

/* ---- the header block (documents.md §3, §10.2) ------------------------------------ */

/* Left: the organization's lines as the superior body, the counting board
 * as the issuer; right: the Party's name, place and date. */
static void header(struct doc_pdf *pg, const struct election_doc *d)
{
	struct buf sup;
	buf_init(&sup, 0);
	if (d->upper_organization)
		buf_adds(&sup, d->upper_organization);
	if (d->organization) {
		if (sup.len)
			buf_addch(&sup, '\n');
		buf_adds(&sup, d->organization);
	}
	struct doc_header h = {
		.superior = sup.len ? (char *)buf_str(&sup) : NULL,
		.issuer = (char *)"BAN KIỂM PHIẾU",
		.place = (char *)d->place,
		.date = d->date,
	};
	doc_pdf_header(pg, &h);
	buf_free(&sup);
}

/* What was elected, for the title: "Bầu Chi ủy Chi bộ Khu 3". */
static void subject(struct buf *b, const struct election_doc *d)
{
	const struct election_round *r = &d->round;
	if (r->kind == ELECTION_OPINION)
		buf_adds(b, "Lấy ý kiến giới thiệu người ứng cử, người được đề cử");
	else if (r->kind == ELECTION_DELEGATES) {
		buf_adds(b, "Bầu đại biểu đi dự Đại hội ");
		esc(b, d->upper_organization ? d->upper_organization : "đảng bộ cấp trên");
	} else {
		buf_adds(b, "Bầu ");
		esc(b, election_body_label(r));
		if (d->organization) {
			buf_addch(b, ' ');
			esc(b, d->organization);
		}
	}
	if (r->round)
		buf_addf(b, " (lần bầu thứ %d)", r->round);
}

static void title(struct doc_pdf *pg, const struct election_doc *d)
{
	struct buf b;
	buf_init(&b, 0);
	subject(&b, d);
	if (d->congress_title) {
		buf_addch(&b, '\n');
		esc(&b, d->congress_title);
	}
	doc_pdf_title(pg, "BIÊN BẢN KIỂM PHIẾU", buf_str(&b));
	buf_free(&b);
}

/* ---- the fields of the template (documents.md §10.3) -------------------------------- */

static void opening(struct doc_pdf *pg, const struct election_doc *d)
{
	struct buf b;
	buf_init(&b, 0);
	buf_adds(&b, "Căn cứ Điều lệ Đảng và Quy chế bầu cử trong Đảng ban hành kèm theo Quyết định số "
		     "190-QĐ/TW ngày 10/10/2024 của Bộ Chính trị, ");
	esc(&b, d->congress_title ? d->congress_title : "đại hội");
	buf_adds(&b, " đã tiến hành ");
	struct buf s;
	buf_init(&s, 0);
	subject(&s, d);
	char *lower = g_utf8_strdown(buf_str(&s), 1);
	buf_add(&b, lower, strlen(lower));
	buf_adds(&b, buf_str(&s) + strlen(lower));
	g_free(lower);
	buf_adds(&b, ". Ban kiểm phiếu lập biên bản kiểm phiếu như sau:");
	body(pg, &b);
	buf_free(&s);
	buf_free(&b);
}

static void seats(struct doc_pdf *pg, const struct election_doc *d)
{
	const struct election_round *r = &d->round;
	struct buf b;
	buf_init(&b, 0);
	doc_pdf_heading(pg, "1. Số lượng cần bầu", 3);
	if (r->kind == ELECTION_DELEGATES) {
		buf_adds(&b, "Số lượng đại biểu được cấp trên phân bổ: ");
		add_int(&b, r->seats);
		buf_adds(&b, " đại biểu chính thức và ");
		add_int(&b, r->alternates);
		buf_adds(&b, " đại biểu dự khuyết.");
	} else {
		buf_adds(&b, "Đại hội đã biểu quyết số lượng cần bầu là ");
		add_int(&b, r->seats);
		buf_adds(&b, " đồng chí.");
	}
	body(pg, &b);
	buf_free(&b);
}

static char *cell_text(const char *s)
{
	struct buf b;
	buf_init(&b, 0);
	esc(&b, s);
	return buf_detach(&b, NULL);
}

static char *cell_int(int64_t n)
{
	struct buf b;
	buf_init(&b, 0);
	numfmt_int(&b, n);
	return buf_detach(&b, NULL);
}

static char *cell_pct(int64_t n, int64_t base)
{
	struct buf b;
	buf_init(&b, 0);
	numfmt_percent(&b, n, base, 2);
	return buf_detach(&b, NULL);
}

static void free_cells(char **cells, int n)
{
	for (int i = 0; i < n; i++)
		free(cells[i]);
}

static void list(struct doc_pdf *pg, const struct election_doc *d)
{
	const struct election_round *r = &d->round;
	doc_pdf_heading(pg, "2. Danh sách bầu cử", 8);
	bodyf(pg, "Đại hội đã thông qua danh sách bầu cử gồm %zu đồng chí có tên dưới đây "
	      "(theo thứ tự trong phiếu bầu):", r->n_cand);
	struct doc_pdf_table t = {3, {"TT", "Họ và tên", "Ghi chú"}, {0.1, 0.6, 0.3},
			  {DOC_CENTER, DOC_LEFT, DOC_LEFT}};
	for (size_t i = 0; i < r->n_cand; i++) {
		char *cells[3] = {xasprintf("%zu", i + 1), cell_text(r->cand[i].name), xstrdup("")};
		doc_pdf_table_row(pg, &t, cells, i == 0);
		free_cells(cells, 3);
	}
	doc_pdf_table_end(pg);
}

/* The chair of the board: the member whose role is "Trưởng ban", else the first. */
static size_t chair(const struct election_doc *d)
{
	for (size_t i = 0; i < d->n_board; i++) {
		if (!d->board[i].role)
			continue;
		char *f = text_fold(d->board[i].role);
		bool is = strcmp(f, "truong ban") == 0;
		free(f);
		if (is)
			return i;
	}
	return 0;
}

static void board(struct doc_pdf *pg, const struct election_doc *d)
{
	doc_pdf_heading(pg, "3. Ban kiểm phiếu", 3);
	bodyf(pg, "Đại hội đã cử Ban kiểm phiếu gồm các đồng chí:");
	if (!d->n_board) {
		struct doc_pdf_para o = {0, DOC_REGULAR, DOC_LEFT, false, true, pg->p->after};
		doc_pdf_para(pg, "……………………………………………………………………", &o);
		return;
	}
	for (size_t i = 0; i < d->n_board; i++) {
		struct buf b;
		buf_init(&b, 0);
		buf_addf(&b, "%zu) Đồng chí ", i + 1);
		esc(&b, d->board[i].name);
		buf_adds(&b, ", ");
		esc(&b, d->board[i].role ? d->board[i].role : (i == chair(d) ? "Trưởng ban" : "Ủy viên"));
		buf_adds(&b, i + 1 < d->n_board ? ";" : ".");
		body(pg, &b);
		buf_free(&b);
	}
}

static void attendance(struct doc_pdf *pg, const struct election_doc *d, const struct election_result *res)
{
	const char *who = election_base_label(&d->round);
	doc_pdf_heading(pg, "4. Số người dùng để tính kết quả bầu cử", 3);
	struct buf b;
	buf_init(&b, 0);
	buf_addf(&b, "Tổng số %s được triệu tập: ", who);
	add_int(&b, res->convened);
	buf_addch(&b, '.');
	body(pg, &b);
	for (int i = 0; i < EXCL__MAX; i++) {
		if (!res->excluded[i])
			continue;
		buf_reset(&b);
		buf_adds(&b, "Không tính: ");
		esc(&b, exclusion_label((enum election_exclusion)i));
		buf_adds(&b, ": ");
		add_int(&b, res->excluded[i]);
		buf_addch(&b, '.');
		body(pg, &b);
	}
	buf_reset(&b);
	buf_addf(&b, "Số %s dùng làm cơ sở tính kết quả bầu cử (QĐ 190-QĐ/TW Điều 30): <b>", who);
	add_int(&b, res->base);
	buf_adds(&b, "</b>; người trúng cử phải được quá một nửa, tức từ ");
	add_int(&b, res->threshold);
	buf_adds(&b, " phiếu bầu trở lên.");
	body(pg, &b);
	buf_free(&b);
}

static void ballots(struct doc_pdf *pg, const struct election_result *res)
{
	doc_pdf_heading(pg, "5. Số phiếu bầu", 3);
	struct buf b;
	buf_init(&b, 0);
	buf_adds(&b, "Số phiếu phát ra: ");
	add_int(&b, res->issued);
	buf_adds(&b, "; số phiếu thu về: ");
	add_int(&b, res->returned);
	buf_adds(&b, ".");
	body(pg, &b);
	buf_reset(&b);
	buf_adds(&b, "Số phiếu hợp lệ: ");
	add_int(&b, res->valid);
	buf_adds(&b, "; số phiếu không hợp lệ: ");
	add_int(&b, res->invalid);
	bool any = false;
	for (int i = 0; i < INVALID__MAX; i++) {
		if (!res->invalid_by[i])
			continue;
		buf_adds(&b, any ? "; " : " (lý do: ");
		esc(&b, invalid_reason_label((enum invalid_reason)i));
		buf_adds(&b, ": ");
		add_int(&b, res->invalid_by[i]);
		any = true;
	}
	buf_adds(&b, any ? ")." : ".");
	body(pg, &b);
	buf_free(&b);
}

/* What the minutes say of a candidate in the results table. */
static char *note(const struct election_cand_result *cr)
{
	if (cr->as == SEAT_ALTERNATE)
		return xasprintf("Trúng cử dự khuyết (thứ tự %d)", cr->promotion);
	if (cr->elected)
		return xstrdup(cr->as == SEAT_DELEGATE ? "Trúng cử chính thức" : "Trúng cử");
	if (cr->tied)
		return xstrdup("Bằng phiếu, bầu tiếp");
	return xstrdup("");
}

static void votes(struct doc_pdf *pg, const struct election_doc *d, const struct election_result *res)
{
	const struct election_round *r = &d->round;
	doc_pdf_heading(pg, "6. Kết quả kiểm phiếu", 8);
	bodyf(pg, "Số phiếu bầu của từng đồng chí (xếp theo thứ tự trong phiếu bầu); tỷ lệ %% tính so với "
	      "số %s dùng làm cơ sở tính kết quả bầu cử:", election_base_label(r));
	struct doc_pdf_table t;
	if (res->has_marks)
		t = (struct doc_pdf_table){6, {"TT", "Họ và tên", "Đồng ý", "Không đồng ý", "Tỷ lệ %", "Ghi chú"},
				   {0.07, 0.33, 0.12, 0.14, 0.12, 0.22},
				   {DOC_CENTER, DOC_LEFT, DOC_RIGHT, DOC_RIGHT,
				    DOC_RIGHT, DOC_LEFT}};
	else
		t = (struct doc_pdf_table){5, {"TT", "Họ và tên", "Số phiếu bầu", "Tỷ lệ %", "Ghi chú"},
				   {0.08, 0.4, 0.15, 0.12, 0.25},
				   {DOC_CENTER, DOC_LEFT, DOC_RIGHT, DOC_RIGHT,
				    DOC_LEFT}};
	for (size_t i = 0; i < res->n_cand; i++) {
		const struct election_cand_result *cr = &res->cand[i];
		char *cells[6];
		int c = 0;
		cells[c++] = xasprintf("%zu", i + 1);
		cells[c++] = cell_text(r->cand[i].name);
		cells[c++] = cell_int(cr->votes);
		if (res->has_marks)
			cells[c++] = cell_int(cr->against);
		cells[c++] = cell_pct(cr->votes, res->base);
		char *n = note(cr);
		cells[c++] = cell_text(n);
		free(n);
		doc_pdf_table_row(pg, &t, cells, i == 0);
		free_cells(cells, c);
	}
	doc_pdf_table_end(pg);
}

/* The elected of one kind of seat in descending votes, as a table. */
static size_t elected_table(struct doc_pdf *pg, const struct election_doc *d, const struct election_result *res,
			    bool alternates)
{
	struct doc_pdf_table t = {5, {"TT", "Họ và tên", "Số phiếu bầu", "Tỷ lệ %", "Ghi chú"},
			  {0.08, 0.4, 0.15, 0.12, 0.25},
			  {DOC_CENTER, DOC_LEFT, DOC_RIGHT, DOC_RIGHT, DOC_LEFT}};
	size_t n = 0;
	for (size_t i = 0; i < res->n_elected; i++) {
		const struct election_cand_result *cr = &res->cand[res->elected[i]];
		if ((cr->as == SEAT_ALTERNATE) != alternates)
			continue;
		char *nt = alternates ? xasprintf("Thứ tự thay thế %d", cr->promotion) : xstrdup("");
		char *cells[5] = {xasprintf("%zu", n + 1), cell_text(d->round.cand[res->elected[i]].name),
				  cell_int(cr->votes), cell_pct(cr->votes, res->base), cell_text(nt)};
		doc_pdf_table_row(pg, &t, cells, n == 0);
		free_cells(cells, 5);
		free(nt);
		n++;
	}
	if (n)
		doc_pdf_table_end(pg);
	return n;
}

static void elected(struct doc_pdf *pg, const struct election_doc *d, const struct election_result *res)
{
	const struct election_round *r = &d->round;
	const char *who = election_base_label(r);
	doc_pdf_heading(pg, "7. Kết quả bầu cử", 8);
	if (!res->n_elected) {
		bodyf(pg, "Không có đồng chí nào được quá một nửa số %s dùng làm cơ sở tính kết quả bầu cử "
		      "trong số lượng cần bầu, nên không có người trúng cử.", who);
		return;
	}
	if (r->kind == ELECTION_DELEGATES) {
		bodyf(pg, "Những đồng chí sau đây trúng cử đại biểu chính thức (xếp theo số phiếu bầu từ cao "
		      "xuống thấp, có số phiếu quá một nửa số %s, trong số lượng được phân bổ):", who);
		if (!elected_table(pg, d, res, false))
			bodyf(pg, "Không có.");
		bodyf(pg, "Những đồng chí sau đây trúng cử đại biểu dự khuyết (xếp theo số phiếu bầu từ cao "
		      "xuống thấp; bằng phiếu thì người có tuổi đảng cao hơn xếp trước, QĐ 294-QĐ/TW §11.4):");
		if (!elected_table(pg, d, res, true))
			bodyf(pg, "Không có.");
		return;
	}
	bodyf(pg, "Những đồng chí sau đây trúng cử (xếp theo số phiếu bầu từ cao xuống thấp, vừa đủ số lượng "
	      "cần bầu và có số phiếu quá một nửa số %s dùng làm cơ sở tính kết quả bầu cử):", who);
	elected_table(pg, d, res, false);
}

static void remaining(struct doc_pdf *pg, const struct election_doc *d, const struct election_result *res)
{
	const struct election_round *r = &d->round;
	if (res->next == NEXT_NONE)
		return;
	doc_pdf_heading(pg, "8. Số lượng còn thiếu", 3);
	struct buf b;
	buf_init(&b, 0);
	buf_adds(&b, "Số lượng còn thiếu: ");
	add_int(&b, res->unfilled);
	if (r->kind == ELECTION_DELEGATES) {
		buf_adds(&b, " đại biểu chính thức và ");
		add_int(&b, res->unfilled_alternates);
		buf_adds(&b, " đại biểu dự khuyết");
	}
	buf_adds(&b, ".");
	if (res->n_tie) {
		buf_adds(&b, " Các đồng chí ");
		for (size_t i = 0; i < res->n_tie; i++) {
			if (i)
				buf_adds(&b, i + 1 < res->n_tie ? ", " : " và ");
			esc(&b, r->cand[res->tie[i]].name);
		}
		buf_adds(&b, " có số phiếu bằng nhau, cùng quá một nửa, ở chỗ cuối cùng (");
		add_int(&b, res->tie_seats);
		buf_adds(&b, " chỗ); đại hội bầu tiếp trong số các đồng chí này.");
	}
	body(pg, &b);
	if (res->next == NEXT_APPOINTMENT)
		bodyf(pg, "Sau ba lần bầu không có đồng chí nào trúng cử bí thư chi bộ; cấp ủy cấp trên trực tiếp "
		      "chỉ định bí thư chi bộ (QĐ 294-QĐ/TW §23.3).");
	else
		bodyf(pg, "Đại hội xem xét, quyết định việc bầu tiếp; lần bầu tiếp theo có biên bản kiểm phiếu riêng.");
	buf_free(&b);
}

/* Height the signature block needs (the chair's column). */
static double signature_height(const struct doc_pdf *pg)
{
	return pg->p->after + 3 * pg->p->body * 1.3 + pg->p->sign_gap;
}

/* The closing lines, kept on one page with the signatures. */
static void closing(struct doc_pdf *pg)
{
	doc_pdf_ensure(pg, 4 * pg->p->body * 1.3 + signature_height(pg));
	bodyf(pg, "Biên bản này được lập xong và đọc trước đại hội lúc …… giờ …… phút, ngày ……………. "
	      "Toàn bộ phiếu bầu đã được Ban kiểm phiếu niêm phong, bàn giao để lưu giữ theo quy định "
	      "(QĐ 190-QĐ/TW Điều 35).");
}

/* ---- signatures (documents.md §8) -------------------------------------------- */

static void signatures(struct doc_pdf *pg, const struct election_doc *d)
{
	const struct doc_pdf_profile *p = pg->p;
	double half = doc_pdf_text_width(pg) / 2, gap = p->sign_gap;
	size_t ch = chair(d), members = d->n_board > 1 ? d->n_board - 1 : 0;
	doc_pdf_ensure(pg, signature_height(pg));
	pg->y += p->after;
	double y0 = pg->y;
	struct buf b;
	buf_init(&b, 0);
	/* right: T/M BAN KIỂM PHIẾU / TRƯỞNG BAN / signature / name */
	buf_adds(&b, "<b>T/M BAN KIỂM PHIẾU</b>\nTRƯỞNG BAN");
	PangoLayout *l = doc_pdf_layout(pg, buf_str(&b), half, p->body, DOC_REGULAR, DOC_CENTER);
	doc_pdf_draw(pg, l, p->left + half, y0);
	double h = doc_pdf_layout_height(l);
	g_object_unref(l);
	buf_reset(&b);
	buf_adds(&b, "<b>");
	esc(&b, d->n_board ? d->board[ch].name : "");
	buf_adds(&b, "</b>");
	l = doc_pdf_layout(pg, buf_str(&b), half, p->body, DOC_REGULAR, DOC_CENTER);
	doc_pdf_draw(pg, l, p->left + half, y0 + h + gap);
	double right_end = y0 + h + gap + doc_pdf_layout_height(l);
	g_object_unref(l);
	/* left: the other members of the board, each with room to sign */
	double y = y0;
	if (members) {
		l = doc_pdf_layout(pg, "<b>THÀNH VIÊN BAN KIỂM PHIẾU</b>", half, p->body, DOC_REGULAR, DOC_CENTER);
		doc_pdf_draw(pg, l, p->left, y);
		y += doc_pdf_layout_height(l) + p->body + gap / 2;
		g_object_unref(l);
	}
	for (size_t i = 0; i < d->n_board; i++) {
		if (i == ch)
			continue;
		buf_reset(&b);
		buf_adds(&b, "<b>");
		esc(&b, d->board[i].name);
		buf_adds(&b, "</b>");
		l = doc_pdf_layout(pg, buf_str(&b), half, p->body, DOC_REGULAR, DOC_CENTER);
		if (y + doc_pdf_layout_height(l) > p->height - p->bottom) {
			doc_pdf_new_page(pg);
			y = pg->y;
		}
		doc_pdf_draw(pg, l, p->left, y);
		y += doc_pdf_layout_height(l) + gap / 2;
		g_object_unref(l);
	}
	pg->y = y > right_end ? y : right_end;
	buf_free(&b);
}

/* ---- the document -------------------------------------------------------------------- */

enum err minutes_pdf_render(const struct election_doc *d, const struct election_result *res, struct buf *out)
{
	struct doc_pdf pg;
	/* a fixed creation date keeps the file the same for the same input */
	doc_pdf_begin(&pg, &doc_pdf_hd36, out, "Biên bản kiểm phiếu", d->date);
	header(&pg, d);
	title(&pg, d);
	opening(&pg, d);
	seats(&pg, d);
	list(&pg, d);
	board(&pg, d);
	attendance(&pg, d, res);
	ballots(&pg, res);
	votes(&pg, d, res);
	elected(&pg, d, res);
	remaining(&pg, d, res);
	closing(&pg);
	signatures(&pg, d);
	return doc_pdf_end(&pg);
}
