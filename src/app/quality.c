/* quality: import and export of screening cases, residence feedback and
 * the assessment of the 27 manifestations (quality.h). */
#include "app/quality.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "app/ratings.h"
#include "app/registry.h"
#include "core/buf.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "domain/degradation.h"
#include "domain/screening.h"
#include "io/csv.h"

#define QCOLS 8

/* One column: its name (the export's header), Vietnamese aliases (compared
 * folded: case, marks, '_' and spaces do not matter) and whether required. */
struct qcol {
	const char *name;
	const char *alias[3];
	bool required;
};

static const struct qkind {
	const char *name;
	const struct qcol cols[QCOLS];
	int ncols;
	enum stmt all;
} kinds[QUALITY__MAX] = {
	[QUALITY_SCREENING] = {"screening",
			       {{"year", {"nam", "năm"}, true},
				{"member_id", {"ma_dang_vien", "mã đảng viên", "so_ly_lich"}, true},
				{"reason", {"ly_do", "lý do", "bieu_hien"}, true},
				{"outcome", {"ket_qua", "kết quả"}, true},
				{"channel", {"hinh_thuc", "hình thức", "hinh_thuc_ra_khoi_dang"}, false},
				{"decision_date", {"ngay_quyet_dinh", "ngày quyết định"}, false},
				{"decision_ref", {"so_quyet_dinh", "số quyết định"}, false}},
			       7, STMT_SCREENING_ALL},
	[QUALITY_RESIDENCE] = {"residence",
			       {{"year", {"nam", "năm"}, true},
				{"member_id", {"ma_dang_vien", "mã đảng viên", "so_ly_lich"}, true},
				{"residence_cell", {"chi_bo_noi_cu_tru", "chi bộ nơi cư trú"}, true},
				{"commented_on", {"ngay_nhan_xet", "ngày nhận xét"}, false},
				{"comment", {"nhan_xet", "nhận xét"}, false},
				{"front_opinion", {"y_kien_mat_tran", "ý kiến ban công tác mặt trận"}, false},
				{"exempt_reason", {"ly_do_mien", "lý do miễn nhận xét"}, false}},
			       7, STMT_RESIDENCE_ALL},
	[QUALITY_DEGRADATION] = {"degradation",
				 {{"period", {"ky", "kỳ"}, true},
				  {"subject_type", {"loai_doi_tuong", "loại đối tượng"}, true},
				  {"subject", {"doi_tuong", "đối tượng"}, true},
				  {"manifestation", {"bieu_hien", "biểu hiện"}, true},
				  {"level", {"muc_do", "mức độ"}, true},
				  {"note", {"ghi_chu", "ghi chú"}, false}},
				 6, STMT_DEGRADATION_ALL},
};

const char *quality_kind_name(enum quality_kind k)
{
	return (unsigned)k < QUALITY__MAX ? kinds[k].name : "?";
}

bool quality_kind_parse(const char *s, enum quality_kind *out)
{
	for (int k = 0; k < QUALITY__MAX; k++)
		if (strcmp(s, kinds[k].name) == 0) {
			*out = (enum quality_kind)k;
			return true;
		}
	return false;
}

/* The column of kind arg (a struct qkind) with the header key key
 * (csv_header_key: its name or an alias, folded), or -1. */
static int qcol_of(const char *key, const void *arg)
{
	const struct qkind *K = arg;
	struct buf b;
	buf_init(&b, 0);
	int c = -1;
	for (int j = 0; j < K->ncols && c < 0; j++) {
		csv_header_key(K->cols[j].name, &b);
		if (strcmp(key, b.ptr) == 0)
			c = j;
		for (int a = 0; a < 3 && c < 0 && K->cols[j].alias[a]; a++) {
			csv_header_key(K->cols[j].alias[a], &b);
			if (strcmp(key, b.ptr) == 0)
				c = j;
		}
	}
	buf_free(&b);
	return c;
}

/* One checked row: the fields as given (canonical where parsed), the
 * member's row (0 for an organization subject), where it is counted. */
struct qrow {
	char *f[QCOLS];
	int64_t member, org_id;
	long line;
	bool first_of_subject; /* degradation: the first row of its subject and period */
};

/* The member's row id, or 0 if there is none. */
static enum err member_row(struct store *st, const char *member_id, int64_t *id)
{
	*id = 0;
	struct store_stmt *q = store_stmt(st, STMT_MEMBER_ROWID);
	stmt_bind_text(q, 1, member_id);
	bool row;
	enum err e;
	while ((e = stmt_step(q, &row)) == ERR_OK && row)
		*id = stmt_col_int(q, 0);
	return e;
}

/* Whether the member was a member on a day of [from, to] (contract §2: a
 * member from the decision date until an exit), and the organization of
 * the last membership span that overlaps it (member_span, valid_to
 * excluded). */
static enum err member_in(struct store *st, int64_t member, date_t from, date_t to, bool *in, int64_t *org)
{
	*in = false;
	*org = 0;
	char f[11], t[11];
	date_format(from, f);
	date_format(to, t);
	struct store_stmt *q = store_stmt(st, STMT_MSPAN_OF_MEMBER);
	stmt_bind_int(q, 1, member);
	bool row;
	enum err e;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		const char *vf = stmt_col_text(q, 1), *vt = stmt_col_text(q, 2);
		if (vf && vt && strcmp(vf, t) <= 0 && strcmp(vt, f) > 0) {
			*in = true;
			*org = stmt_col_int(q, 0);
		}
	}
	return e;
}

/* Whether the member has an event of type ev dated in [from, to]. */
static enum err member_has_event(struct store *st, int64_t member, enum event_type ev, date_t from, date_t to,
				 bool *found)
{
	*found = false;
	char f[11], t[11];
	date_format(from, f);
	date_format(to, t);
	struct store_stmt *q = store_stmt(st, STMT_EVENT_OF_MEMBER);
	stmt_bind_int(q, 1, member);
	bool row;
	enum err e;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		const char *d = stmt_col_text(q, 0), *type = stmt_col_text(q, 1);
		if (d && type && strcmp(type, event_type_name(ev)) == 0 && strcmp(d, f) >= 0 && strcmp(d, t) <= 0)
			*found = true;
	}
	return e;
}

static bool parse_year(const char *s, int *y)
{
	if (strlen(s) != 4)
		return false;
	int v = 0;
	for (int i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*y = v;
	return v >= 1930 && v <= 2200;
}

/* A date field: empty stays empty, a date is written YYYY-MM-DD into out. */
static bool norm_date(const char *s, char out[11])
{
	out[0] = 0;
	if (!*s)
		return true;
	date_t d;
	if (!date_parse(s, &d))
		return false;
	date_format(d, out);
	return true;
}

struct qctx {
	struct store *st;
	enum quality_kind k;
	const char *name;
	struct diag_list *dl;
	const int *pos;
	const struct csv_reader *r;
};

#define HDR(c) csv_header(x->r, (size_t)x->pos[c])

/* The member a row names, a member on some day of [from, to]; adds a
 * problem otherwise. */
static enum err check_member(const struct qctx *x, long line, int col, const char *member_id, date_t from,
			     date_t to, const char *when, struct qrow *w, bool *ok)
{
	enum err e = member_row(x->st, member_id, &w->member);
	if (e)
		return e;
	if (!w->member) {
		diag_add(x->dl, x->name, line, HDR(col), "no member with member_id '%s'", member_id);
		*ok = false;
		return ERR_OK;
	}
	bool in;
	e = member_in(x->st, w->member, from, to, &in, &w->org_id);
	if (!e && !in) {
		diag_add(x->dl, x->name, line, HDR(col), "%s was not a party member in %s (contract §2: a member from "
			 "the admission decision until an exit)", member_id, when);
		*ok = false;
	}
	return e;
}

/* screening.csv (Chỉ thị 28-CT/TW; QĐ 294-QĐ/TW §8). */
static enum err check_screening(const struct qctx *x, long line, struct qrow *w, bool *ok)
{
	int y;
	if (!parse_year(w->f[0], &y)) {
		diag_add(x->dl, x->name, line, HDR(0), "'%s' is not a year (screening is yearly, Chỉ thị 28-CT/TW)",
			 w->f[0]);
		*ok = false;
		return ERR_OK;
	}
	date_t from = date_from_ymd(y, 1, 1), to = date_from_ymd(y, 12, 31);
	enum err e = check_member(x, line, 1, w->f[1], from, to, w->f[0], w, ok);
	if (e)
		return e;
	if (!*w->f[2]) {
		diag_add(x->dl, x->name, line, HDR(2), "give the reason the member was listed for screening (the "
			 "manifestation or the criterion found, Chỉ thị 28-CT/TW)");
		*ok = false;
	}
	enum screening_outcome o;
	enum screening_channel ch;
	if (!screening_outcome_parse(w->f[3], &o)) {
		diag_add(x->dl, x->name, line, HDR(3), "'%s' is not an outcome (progressed, continued, removed; or "
			 "tiến bộ, tiếp tục giáo dục, giúp đỡ, đưa ra khỏi Đảng; Chỉ thị 28-CT/TW)", w->f[3]);
		*ok = false;
		return ERR_OK;
	}
	free(w->f[3]);
	w->f[3] = xstrdup(screening_outcome_name(o));
	char d[11];
	if (!norm_date(w->f[5], d)) {
		diag_add(x->dl, x->name, line, HDR(5), "'%s' is not a date (YYYY-MM-DD or dd/mm/yyyy)", w->f[5]);
		*ok = false;
	} else {
		free(w->f[5]);
		w->f[5] = xstrdup(d);
	}
	if (o != SCREEN_REMOVED) {
		if (*w->f[4]) {
			diag_add(x->dl, x->name, line, x->pos[4] >= 0 ? HDR(4) : "channel",
				 "a channel of exit is given only when the outcome is removed (đưa ra khỏi Đảng)");
			*ok = false;
		}
		return ERR_OK;
	}
	if (!*w->f[4] || !screening_channel_parse(w->f[4], &ch)) {
		diag_add(x->dl, x->name, line, x->pos[4] >= 0 ? HDR(4) : "channel",
			 "'%s' is not a channel of exit: a member taken out of the Party is removed (remove, xóa tên, "
			 "QĐ 294-QĐ/TW §8.1), expelled (expel, khai trừ, QĐ 296-QĐ/TW) or leaves at their request "
			 "(leave, cho ra khỏi Đảng, QĐ 294-QĐ/TW §8.2)", w->f[4]);
		*ok = false;
		return ERR_OK;
	}
	free(w->f[4]);
	w->f[4] = xstrdup(screening_channel_name(ch));
	if (!*ok)
		return ERR_OK;
	/* The exit must be in the registry: an event of the channel's type in
	 * the screening year or the year after (the removal procedure runs
	 * after the yearly review; Hà Nội reports it in January). */
	bool found;
	e = member_has_event(x->st, w->member, screening_channel_event(ch), from, date_from_ymd(y + 1, 12, 31), &found);
	if (!e && !found) {
		diag_add(x->dl, x->name, line, HDR(3), "%s is taken out of the Party (%s) but the registry has no '%s' "
			 "event of the member in %d or %d: record the exit first (dangbo exit, or events.csv), so "
			 "that the screening and the member counts agree (Chỉ thị 28-CT/TW; QĐ 294-QĐ/TW §8)",
			 w->f[1], screening_channel_label(ch), screening_channel_name(ch), y, y + 1);
		*ok = false;
	}
	return e;
}

/* residence.csv (QĐ 213-QĐ/TW; HD 33-HD/BTCTW). */
static enum err check_residence(const struct qctx *x, long line, struct qrow *w, bool *ok)
{
	int y;
	if (!parse_year(w->f[0], &y)) {
		diag_add(x->dl, x->name, line, HDR(0), "'%s' is not a year (the residence comment is yearly, QĐ "
			 "213-QĐ/TW)", w->f[0]);
		*ok = false;
		return ERR_OK;
	}
	enum err e = check_member(x, line, 1, w->f[1], date_from_ymd(y, 1, 1), date_from_ymd(y, 12, 31), w->f[0], w, ok);
	if (e)
		return e;
	if (!*w->f[2]) {
		diag_add(x->dl, x->name, line, HDR(2), "give the party cell of the place of residence (QĐ 213-QĐ/TW)");
		*ok = false;
	}
	char d[11];
	if (!norm_date(w->f[3], d)) {
		diag_add(x->dl, x->name, line, HDR(3), "'%s' is not a date (YYYY-MM-DD or dd/mm/yyyy)", w->f[3]);
		*ok = false;
	} else {
		free(w->f[3]);
		w->f[3] = xstrdup(d);
		int dy = *d ? atoi(d) : y;
		if (dy < y || dy > y + 1) {
			diag_add(x->dl, x->name, line, HDR(3), "the comment on %s is dated %s, outside %d and the "
				 "start of %d (QĐ 213-QĐ/TW: a yearly comment)", w->f[1], d, y, y + 1);
			*ok = false;
		}
	}
	if (!*w->f[4] && !*w->f[6]) {
		diag_add(x->dl, x->name, line, x->pos[4] >= 0 ? HDR(4) : "comment",
			 "give the comment of the residence party cell (QĐ 213-QĐ/TW: yearly, on each working member), "
			 "or in exempt_reason why the member is exempt from it (HD 33-HD/BTCTW)");
		*ok = false;
	}
	return ERR_OK;
}

/* degradation.csv (NQ 04-NQ/TW; the 5 levels of seed 000). */
static enum err check_degradation(const struct qctx *x, long line, struct qrow *w, bool *ok)
{
	int ey, em;
	if (!rating_period_parse(w->f[0], &ey, &em)) {
		diag_add(x->dl, x->name, line, HDR(0), "'%s' is not a period (a year 2024, a quarter 2025-Q3 or a "
			 "term 2020-2025)", w->f[0]);
		*ok = false;
		return ERR_OK;
	}
	enum err e = ERR_OK;
	if (strcmp(w->f[1], "member") == 0) {
		int sy = atoi(w->f[0]);
		int sm = strlen(w->f[0]) == 7 ? em - 2 : 1;
		date_t to = date_add_months(date_from_ymd(ey, em, 1), 1) - 1;
		e = check_member(x, line, 2, w->f[2], date_from_ymd(sy, sm, 1), to, w->f[0], w, ok);
	} else if (strcmp(w->f[1], "org") == 0) {
		struct store_stmt *q = store_stmt(x->st, STMT_ORG_ID_BY_CODE);
		stmt_bind_text(q, 1, w->f[2]);
		bool row;
		while ((e = stmt_step(q, &row)) == ERR_OK && row)
			w->org_id = stmt_col_int(q, 0);
		if (!e && !w->org_id) {
			diag_add(x->dl, x->name, line, HDR(2), "no organization with code '%s'", w->f[2]);
			*ok = false;
		}
	} else {
		diag_add(x->dl, x->name, line, HDR(1), "'%s' is not a subject type (member or org)", w->f[1]);
		*ok = false;
	}
	int n, level;
	if (!degradation_item_parse(w->f[3], &n)) {
		diag_add(x->dl, x->name, line, HDR(3), "'%s' is not a manifestation: 1 to 27 or A1 to C9 (NQ 04-NQ/TW: "
			 "27 manifestations, three groups of nine)", w->f[3]);
		*ok = false;
	} else {
		free(w->f[3]);
		w->f[3] = xasprintf("%d", n);
	}
	if (!degradation_level_parse(w->f[4], &level)) {
		diag_add(x->dl, x->name, line, HDR(4), "'%s' is not a level: 1 to 5 (1 rất nghiêm trọng, 2 nghiêm "
			 "trọng, 3 ban đầu, 4 khó nhận diện, 5 không có biểu hiện)", w->f[4]);
		*ok = false;
	} else {
		free(w->f[4]);
		w->f[4] = xasprintf("%d", level);
	}
	return e;
}

static enum err put(struct store *st, enum quality_kind k, const struct qrow *w)
{
	struct store_stmt *q;
	enum err e = ERR_OK;
#define TXT(i, v) (*(v) ? stmt_bind_text(q, i, v) : stmt_bind_null(q, i))
	switch (k) {
	case QUALITY_SCREENING:
	case QUALITY_RESIDENCE:
		q = store_stmt(st, k == QUALITY_SCREENING ? STMT_SCREENING_DELETE : STMT_RESIDENCE_DELETE);
		stmt_bind_int(q, 1, atoi(w->f[0]));
		stmt_bind_int(q, 2, w->member);
		if ((e = stmt_exec(q)))
			return e;
		q = store_stmt(st, k == QUALITY_SCREENING ? STMT_SCREENING_INSERT : STMT_RESIDENCE_INSERT);
		stmt_bind_int(q, 1, atoi(w->f[0]));
		stmt_bind_int(q, 2, w->member);
		w->org_id ? stmt_bind_int(q, 3, w->org_id) : stmt_bind_null(q, 3);
		for (int i = 2; i < 7; i++)
			TXT(i + 2, w->f[i]);
		return stmt_exec(q);
	case QUALITY_DEGRADATION:
		if (w->first_of_subject) {
			q = store_stmt(st, STMT_DEGRADATION_DELETE);
			for (int i = 0; i < 3; i++)
				stmt_bind_text(q, i + 1, w->f[i]);
			if ((e = stmt_exec(q)))
				return e;
		}
		q = store_stmt(st, STMT_DEGRADATION_INSERT);
		for (int i = 0; i < 3; i++)
			stmt_bind_text(q, i + 1, w->f[i]);
		w->org_id ? stmt_bind_int(q, 4, w->org_id) : stmt_bind_null(q, 4);
		stmt_bind_int(q, 5, atoi(w->f[3]));
		stmt_bind_int(q, 6, atoi(w->f[4]));
		TXT(7, w->f[5]);
		return stmt_exec(q);
	default:
		return ERR_STORE;
	}
#undef TXT
}

static void rows_free(struct qrow *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (int c = 0; c < QCOLS; c++)
			free(v[i].f[c]);
	free(v);
}

enum err quality_import(struct store *st, enum quality_kind k, const char *path, bool dry_run,
			struct diag_list *dl, size_t *rows)
{
	*rows = 0;
	const struct qkind *K = &kinds[k];
	struct csv_reader *r = csv_open_file(path, dl);
	if (!r)
		return ERR_INPUT;
	char *name = xstrdup(csv_name(r));
	int pos[QCOLS];
	for (int c = 0; c < QCOLS; c++)
		pos[c] = -1;
	const char *names[QCOLS];
	bool required[QCOLS];
	struct buf hint;
	buf_init(&hint, 0);
	buf_addf(&hint, "the columns of %s.csv are ", K->name);
	for (int j = 0; j < K->ncols; j++) {
		names[j] = K->cols[j].name;
		required[j] = K->cols[j].required;
		buf_addf(&hint, "%s%s", j ? ", " : "", K->cols[j].name);
	}
	buf_adds(&hint, "; docs/quality.md lists the Vietnamese names");
	size_t before = diag_count(dl);
	csv_map_header(r, names, required, K->ncols, qcol_of, K, false, hint.ptr, pos, dl);
	buf_free(&hint);
	struct qctx x = {st, k, name, dl, pos, r};
	struct qrow *v = NULL;
	size_t n = 0, cap = 0;
	struct csv_record rec;
	enum err e = ERR_OK;
	bool header_ok = diag_count(dl) == before;
	while (!e && header_ok && csv_next(r, &rec, dl) == 1) {
		(*rows)++;
		struct qrow w = {.line = rec.line};
		for (int c = 0; c < QCOLS; c++) {
			const char *s = c < K->ncols && pos[c] >= 0 ? rec.field[pos[c]] : "";
			w.f[c] = text_nfc_clean(s);
		}
		bool ok = !rec.bad;
		e = k == QUALITY_SCREENING ? check_screening(&x, rec.line, &w, &ok)
		    : k == QUALITY_RESIDENCE ? check_residence(&x, rec.line, &w, &ok)
					       : check_degradation(&x, rec.line, &w, &ok);
		/* one row per key: (year, member) or (period, subject, manifestation) */
		w.first_of_subject = true;
		for (size_t i = 0; i < n && ok && !e; i++) {
			bool same = k == QUALITY_DEGRADATION
					    ? strcmp(v[i].f[0], w.f[0]) == 0 && strcmp(v[i].f[1], w.f[1]) == 0 &&
						      strcmp(v[i].f[2], w.f[2]) == 0
					    : strcmp(v[i].f[0], w.f[0]) == 0 && v[i].member == w.member;
			if (same && k == QUALITY_DEGRADATION && strcmp(v[i].f[3], w.f[3]) != 0) {
				w.first_of_subject = false;
				continue;
			}
			if (same) {
				diag_add(dl, name, rec.line, csv_header(r, (size_t)pos[k == QUALITY_DEGRADATION ? 3 : 1]),
					 "%s is given twice for %s (first on line %ld)",
					 k == QUALITY_DEGRADATION ? "this manifestation of the subject" : w.f[1], w.f[0],
					 v[i].line);
				ok = false;
			}
		}
		if (ok && !e) {
			XGROW(v, cap, n + 1);
			v[n++] = w;
		} else {
			for (int c = 0; c < QCOLS; c++)
				free(w.f[c]);
		}
	}
	csv_close(r);
	if (!e && diag_count(dl))
		e = ERR_INPUT;
	if (!e && !dry_run) {
		e = store_begin(st);
		for (size_t i = 0; i < n && !e; i++)
			e = put(st, k, &v[i]);
		if (!e) {
			char action[48], after[64];
			snprintf(action, sizeof(action), "%s.import", K->name);
			snprintf(after, sizeof(after), "{\"rows\":%zu}", n);
			e = audit_record(st, action, K->name, name, NULL, after);
		}
		if (!e)
			e = store_commit(st);
		else
			store_rollback(st);
	}
	rows_free(v, n);
	free(name);
	return e;
}

/* Whether organization index o is org or under it on day d. */
static bool under(const struct tree *t, int o, int root, date_t d)
{
	for (int guard = 0; o != TREE_NONE && guard < 64; o = tree_parent_at(t, o, d), guard++)
		if (o == root)
			return true;
	return false;
}

enum err quality_export(struct store *st, enum quality_kind k, const char *org, date_t as_of, FILE *out,
			char **errmsg)
{
	*errmsg = NULL;
	const struct qkind *K = &kinds[k];
	struct registry reg;
	struct diag_list dl;
	diag_init(&dl);
	enum err e = registry_open(st, &reg, &dl);
	diag_free(&dl);
	if (e) {
		*errmsg = xasprintf("%s", store_errmsg(st));
		return e;
	}
	date_t day = as_of == DATE_NONE ? reg.today : as_of;
	int root = org ? tree_find(&reg.tree, org) : TREE_NONE;
	if (org && root == TREE_NONE) {
		registry_close(&reg);
		*errmsg = xasprintf("no organization with code '%s'", org);
		return ERR_NOTFOUND;
	}
	struct buf b;
	buf_init(&b, 0);
	const char *head[QCOLS];
	for (int c = 0; c < K->ncols; c++)
		head[c] = K->cols[c].name;
	csv_put_row(&b, head, (size_t)K->ncols);
	struct store_stmt *q = store_stmt(st, K->all);
	bool row;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		int64_t oid = stmt_col_null(q, K->ncols) ? 0 : stmt_col_int(q, K->ncols);
		if (org) {
			int o = TREE_NONE;
			for (size_t i = 0; i < reg.tree.n && o == TREE_NONE; i++)
				if (reg.tree.orgs[i].id == oid)
					o = (int)i;
			if (o == TREE_NONE || !under(&reg.tree, tree_follow(&reg.tree, o, day), root, day))
				continue;
		}
		char *f[QCOLS];
		for (int c = 0; c < K->ncols; c++)
			f[c] = xstrdup(stmt_col_null(q, c) ? "" : stmt_col_text(q, c));
		csv_put_row(&b, (const char *const *)f, (size_t)K->ncols);
		for (int c = 0; c < K->ncols; c++)
			free(f[c]);
	}
	if (e)
		*errmsg = xasprintf("%s", store_errmsg(st));
	else if (fwrite(b.ptr, 1, b.len, out) != b.len || fflush(out) != 0)
		e = ERR_IO;
	buf_free(&b);
	registry_close(&reg);
	return e;
}
