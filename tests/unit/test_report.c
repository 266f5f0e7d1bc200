/* Unit tests for the report engine (contract §3) over snapshots built in
 * memory from a tree and replayed members (contract §2 "How history is
 * read"): the figures of the seed articles (seeds/FIGURES.md), history that
 * changes the answer with the as-of date (transfers, mergers, deaths,
 * organizations moved), badges (QĐ 294-QĐ/TW §4.4, §28), the snapshot file,
 * and the engine's errors. */
#include "harness.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/registry.h"
#include "app/report.h"
#include "app/snapshot.h"
#include "core/text.h"
#include "io/report_render.h"

static date_t D(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

/* ---- a registry built in memory ---- */

struct fx {
	struct registry reg; /* only the tree is used */
	struct org_resolver res;
	struct snapshot_builder *b;
	struct snapshot snap;
	int nmembers;
};

static void org(struct fx *f, const char *code, const char *name, enum org_kind k, const char *parent,
		const char *category, date_t from, date_t to)
{
	struct tree_org o = {.code = (char *)code, .name = (char *)name, .kind = k,
			     .parent = parent ? tree_find(&f->reg.tree, parent) : TREE_NONE,
			     .category = (char *)category, .founded = from, .dissolved = to,
			     .line = (long)f->reg.tree.n + 2};
	assert_int_not_equal(tree_add(&f->reg.tree, &o), TREE_NONE);
}

static void org_event(struct fx *f, const char *code, date_t d, enum org_event_type type, const char *from,
		      const char *to)
{
	struct tree *t = &f->reg.tree;
	struct tree_event e = {.org = tree_find(t, code), .date = d, .type = type,
			       .from = from ? tree_find(t, from) : TREE_NONE, .to = to ? tree_find(t, to) : TREE_NONE,
			       .line = (long)t->nev + 2};
	tree_add_event(t, &e);
}

static void fx_init(struct fx *f)
{
	memset(f, 0, sizeof(*f));
	tree_init(&f->reg.tree);
}

/* The tree is complete: derive it and start the snapshot. */
static void fx_tree_done(struct fx *f)
{
	struct diag_list dl;
	diag_init(&dl);
	enum err e = tree_derive(&f->reg.tree, "orgs.csv", "org_events.csv", &dl);
	if (e)
		diag_print(&dl, stderr);
	assert_int_equal(e, ERR_OK);
	diag_free(&dl);
	registry_resolver(&f->reg, &f->res);
	f->b = snapshot_builder_new(&f->reg.tree, 1, "test");
}

struct tev {
	date_t d;
	enum event_type type;
	const char *org, *to;
};

struct mem {
	bool female, minority, religious;
	date_t birth;
	const char *org;
	date_t decision, official;
	enum member_status status;
	const struct tev *ev;
	size_t nev;
};

static int64_t ref(struct fx *f, const char *code)
{
	if (!code)
		return ORG_NONE;
	int i = tree_find(&f->reg.tree, code);
	assert_int_not_equal(i, TREE_NONE);
	return registry_org_ref(i);
}

/* Adds a member, replayed by the domain rules (the replay must accept it). */
static void member(struct fx *f, const struct mem *m)
{
	char id[16];
	snprintf(id, sizeof(id), "M%d", ++f->nmembers);
	struct member_facts facts = {.member_id = id, .decision_date = m->decision, .ceremony_date = DATE_NONE,
				     .official_date = m->official, .org = ref(f, m->org), .status = m->status};
	struct member_event ev[8];
	assert_true(m->nev <= 8);
	for (size_t i = 0; i < m->nev; i++)
		ev[i] = (struct member_event){m->ev[i].d, m->ev[i].type, ref(f, m->ev[i].org), ref(f, m->ev[i].to),
					      NULL, (long)i + 2};
	struct member_timeline tl;
	struct diag_list dl;
	diag_init(&dl);
	enum err e = member_replay(&facts, ev, m->nev, &f->res, SNAP_FROM_TODAY, "members.csv", "events.csv", &tl, &dl);
	if (e)
		diag_print(&dl, stderr);
	assert_int_equal(e, ERR_OK);
	diag_free(&dl);
	struct snapshot_member sm = {m->female, m->minority, m->religious, m->birth, &facts, &tl, ev, m->nev};
	snapshot_builder_add(f->b, &sm);
	member_timeline_free(&tl);
}

/* n plain official members of one organization. */
static void members(struct fx *f, int n, const char *code, bool female, bool minority)
{
	struct mem m = {.female = female, .minority = minority, .birth = D(1980, 1, 1), .org = code,
			.decision = D(2005, 3, 1), .official = D(2006, 3, 1), .status = MS_OFFICIAL};
	for (int i = 0; i < n; i++)
		member(f, &m);
}

static void fx_done(struct fx *f)
{
	snapshot_builder_finish(f->b, &f->snap);
	f->b = NULL;
}

static void fx_free(struct fx *f)
{
	snapshot_free(&f->snap);
	tree_free(&f->reg.tree);
}

static void run(struct fx *f, const char *report, const char *code, date_t as_of, date_t from, date_t to,
		int depth, int prec, struct report_result *res)
{
	struct report_request rq = {.report = report, .org = code, .as_of = as_of, .from = from, .to = to,
				    .depth = depth, .precision = prec, .today = D(2026, 11, 23), .threads = 2};
	struct buf msg;
	buf_init(&msg, 0);
	enum err e = report_run(&f->snap, NULL, &rq, res, &msg);
	if (e)
		fprintf(stderr, "report_run: %s\n", msg.ptr);
	assert_int_equal(e, ERR_OK);
	buf_free(&msg);
}

/* The row of (code, indicator), or fails. */
static const struct report_row *row(const struct report_result *r, const char *code, const char *ind)
{
	for (size_t i = 0; i < r->table.nrows; i++)
		if (strcmp(r->table.rows[i].org_code, code) == 0 && strcmp(r->table.rows[i].indicator, ind) == 0)
			return &r->table.rows[i];
	fail_msg("no row %s/%s", code, ind);
	return NULL;
}

static int64_t count(const struct report_result *r, const char *code, const char *ind)
{
	return row(r, code, ind)->count;
}

static bool has_row(const struct report_result *r, const char *code)
{
	for (size_t i = 0; i < r->table.nrows; i++)
		if (strcmp(r->table.rows[i].org_code, code) == 0)
			return true;
	return false;
}

/* ---- seed 001: Vĩnh Lợi district, 2019 ---- */

/* 26 base organizations (20 base committees with 188 cells, 6 base cells)
 * and 2.517 members of whom 740 women and 112 of ethnic minorities. */
static void build_vinh_loi(struct fx *f)
{
	fx_init(f);
	org(f, "BL", "Đảng bộ tỉnh Bạc Liêu", ORG_PROVINCE, NULL, NULL, DATE_MIN, DATE_MAX);
	org(f, "VL", "Đảng bộ huyện Vĩnh Lợi", ORG_UPPER, "BL", NULL, DATE_MIN, DATE_MAX);
	char code[32], cell[48];
	int cells = 0;
	for (int i = 0; i < 20; i++) {
		snprintf(code, sizeof(code), "VL.%02d", i + 1);
		org(f, code, "Đảng bộ xã", ORG_BASE_COMMITTEE, "VL", i < 8 ? "commune" : "agency", DATE_MIN, DATE_MAX);
		int n = i < 8 ? 10 : 9; /* 8 * 10 + 12 * 9 = 188 */
		for (int k = 0; k < n; k++, cells++) {
			snprintf(cell, sizeof(cell), "%s.%02d", code, k + 1);
			org(f, cell, "Chi bộ ấp", ORG_CELL, code, NULL, DATE_MIN, DATE_MAX);
		}
	}
	assert_int_equal(cells, 188);
	for (int i = 0; i < 6; i++) {
		snprintf(code, sizeof(code), "VL.B%d", i + 1);
		org(f, code, "Chi bộ cơ sở trường", ORG_BASE_CELL, "VL", "service_unit", DATE_MIN, DATE_MAX);
	}
	fx_tree_done(f);
	/* 2517 members: 740 women, 112 of ethnic minorities */
	members(f, 700, "VL.01.01", true, false);
	members(f, 40, "VL.B1", true, false);
	members(f, 100, "VL.05.03", false, true);
	members(f, 12, "VL.B2", false, true);
	members(f, 2517 - 852, "VL.20.09", false, false);
	fx_done(f);
}

static void test_seed001_members(void **state)
{
	(void)state;
	struct fx f;
	build_vinh_loi(&f);
	struct report_result r;
	run(&f, "members", "VL", D(2019, 3, 31), DATE_NONE, DATE_NONE, 0, 2, &r);
	assert_int_equal(count(&r, "VL", "total"), 2517);
	assert_int_equal(count(&r, "VL", "female"), 740);
	assert_int_equal(row(&r, "VL", "female")->base, 2517);
	assert_int_equal(count(&r, "VL", "ethnic_minority"), 112);
	assert_int_equal(row(&r, "VL", "total")->base, REPORT_NO_BASE);

	struct buf b;
	buf_init(&b, 0);
	report_render_text(&r.table, &b);
	assert_non_null(strstr(b.ptr, "Tính đến ngày 31/03/2019"));
	assert_non_null(strstr(b.ptr, "Tổng số đảng viên"));
	assert_non_null(strstr(b.ptr, "2.517"));
	assert_non_null(strstr(b.ptr, "Đảng viên nữ"));
	assert_non_null(strstr(b.ptr, "29,40%")); /* 740 / 2517 */
	assert_non_null(strstr(b.ptr, "Dân tộc thiểu số"));
	assert_non_null(strstr(b.ptr, "4,45%")); /* 112 / 2517 */
	/* aligned: every line of the table puts the count's last digit in the
	 * same column (display width, not bytes) */
	const char *l1 = strstr(b.ptr, "Tổng số đảng viên"), *l2 = strstr(b.ptr, "Đảng viên nữ");
	const char *e1 = strchr(l1, '\n'), *e2 = strstr(l2, "740") + 3;
	assert_int_equal(text_codepoints(l1, (size_t)(e1 - l1)), text_codepoints(l2, (size_t)(e2 - l2)));

	buf_reset(&b);
	report_render_csv(&r.table, &b);
	assert_true(strncmp(b.ptr, "org_code,org_name,indicator,count,base,percent\n", 47) == 0);
	assert_non_null(strstr(b.ptr, "\nVL,Đảng bộ huyện Vĩnh Lợi,total,2517,,\n"));
	assert_non_null(strstr(b.ptr, "\nVL,Đảng bộ huyện Vĩnh Lợi,female,740,2517,\"29,40\"\n"));
	assert_non_null(strstr(b.ptr, "\nVL,Đảng bộ huyện Vĩnh Lợi,ethnic_minority,112,2517,\"4,45\"\n"));

	buf_reset(&b);
	report_render_json(&r.table, &b);
	json_error_t je;
	json_t *a = json_loads(b.ptr, 0, &je);
	assert_non_null(a);
	assert_int_equal(json_array_size(a), r.table.nrows);
	json_t *o = json_array_get(a, 3); /* female */
	assert_string_equal(json_string_value(json_object_get(o, "indicator")), "female");
	assert_int_equal(json_integer_value(json_object_get(o, "count")), 740);
	assert_int_equal(json_integer_value(json_object_get(o, "base")), 2517);
	assert_true(json_real_value(json_object_get(o, "percent")) == 29.4);
	assert_string_equal(json_string_value(json_object_get(o, "percent_text")), "29,40%");
	assert_true(json_is_null(json_object_get(json_array_get(a, 0), "base")));
	json_decref(a);
	buf_free(&b);
	report_result_free(&r);
	fx_free(&f);
}

static void test_seed001_orgs(void **state)
{
	(void)state;
	struct fx f;
	build_vinh_loi(&f);
	struct report_result r;
	run(&f, "orgs", "VL", D(2019, 3, 31), DATE_NONE, DATE_NONE, 1, 2, &r);
	assert_int_equal(count(&r, "VL", "base"), 26);
	assert_int_equal(count(&r, "VL", "base_committee"), 20);
	assert_int_equal(count(&r, "VL", "base_cell"), 6);
	assert_int_equal(count(&r, "VL", "cell"), 188);
	assert_int_equal(count(&r, "VL", "category_commune"), 8);
	assert_int_equal(count(&r, "VL", "category_agency"), 12);
	assert_int_equal(count(&r, "VL", "category_service_unit"), 6);
	assert_int_equal(row(&r, "VL", "category_commune")->base, 26);
	/* a depth-1 row covers its own subtree, itself included */
	assert_int_equal(count(&r, "VL.01", "cell"), 10);
	assert_int_equal(count(&r, "VL.01", "base"), 1);
	assert_int_equal(count(&r, "VL.B1", "base_cell"), 1);
	/* depth 1: VL and its 26 base organizations, 8 indicators each */
	assert_int_equal(r.table.nrows, 27 * 8);
	assert_false(has_row(&r, "VL.01.01"));
	struct buf b;
	buf_init(&b, 0);
	report_render_text(&r.table, &b);
	assert_non_null(strstr(b.ptr, "Tổ chức cơ sở đảng"));
	assert_non_null(strstr(b.ptr, "Loại hình: Xã"));
	assert_non_null(strstr(b.ptr, "30,77%")); /* 8 communes of 26 */
	buf_free(&b);
	report_result_free(&r);
	fx_free(&f);
}

/* ---- a plugged-in indicator: the engine knows none (report.h) ---- */

static void count_seats(const struct report_ctx *c, const struct report_indicator *ind, struct report_counter *k)
{
	/* seed 003: 671 women of 2.291 committee seats */
	int64_t n = *(const int64_t *)ind->arg;
	for (size_t r = 0; r < c->nrows; r++)
		report_row_add(k, r, n);
}

/* a member indicator written with the engine's loop */
static void count_women(const struct report_ctx *c, const struct report_indicator *ind, struct report_counter *k)
{
	(void)ind;
	const uint8_t *fl = c->snap->flags;
	REPORT_COUNT_MEMBERS(c, k, m, fl[m] & SNAP_FEMALE);
}

static const int64_t seats = 2291, women = 671;
static const struct report_indicator test_indicators[] = {
	{"committee_seats", "Số cấp ủy viên", NULL, count_seats, &seats, 0, NULL},
	{"committee_female", "Cấp ủy viên nữ", "committee_seats", count_seats, &women, 0, NULL},
	{"women", "Nữ", NULL, count_women, NULL, 0, NULL},
	{0},
};
static const struct report_def test_report = {.name = "test", .title = "Thử", .indicators = test_indicators,
					      .flags = REPORT_USES_MEMBERS};

static void test_generic_indicator_precision(void **state)
{
	(void)state;
	struct fx f;
	build_vinh_loi(&f);
	struct report_request rq = {.org = "VL", .as_of = D(2020, 7, 25), .from = DATE_NONE, .to = DATE_NONE,
				    .precision = 1, .today = D(2026, 1, 1)};
	struct report_result r;
	struct buf msg, b;
	buf_init(&msg, 0);
	buf_init(&b, 0);
	assert_int_equal(report_run_def(&f.snap, NULL, &test_report, &rq, &r, &msg), ERR_OK);
	report_render_text(&r.table, &b);
	assert_non_null(strstr(b.ptr, "2.291"));
	assert_non_null(strstr(b.ptr, "29,3%"));
	buf_reset(&b);
	report_render_csv(&r.table, &b);
	assert_non_null(strstr(b.ptr, "VL,Đảng bộ huyện Vĩnh Lợi,committee_female,671,2291,\"29,3\"\n"));
	assert_non_null(strstr(b.ptr, "VL,Đảng bộ huyện Vĩnh Lợi,women,740,,\n"));
	report_result_free(&r);
	rq.precision = 2;
	assert_int_equal(report_run_def(&f.snap, NULL, &test_report, &rq, &r, &msg), ERR_OK);
	buf_reset(&b);
	report_render_csv(&r.table, &b);
	assert_non_null(strstr(b.ptr, ",671,2291,\"29,29\"\n"));
	report_result_free(&r);
	buf_free(&msg);
	buf_free(&b);
	fx_free(&f);
}

/* ---- history ---- */

/* P > H (upper) > X, Y (base committees) > cells. */
static void history_tree(struct fx *f)
{
	fx_init(f);
	org(f, "P", "Đảng bộ tỉnh", ORG_PROVINCE, NULL, NULL, DATE_MIN, DATE_MAX);
	org(f, "H", "Đảng bộ huyện", ORG_UPPER, "P", NULL, DATE_MIN, DATE_MAX);
	org(f, "X", "Đảng bộ xã X", ORG_BASE_COMMITTEE, "H", "commune", DATE_MIN, DATE_MAX);
	org(f, "Y", "Đảng bộ xã Y", ORG_BASE_COMMITTEE, "H", "commune", DATE_MIN, DATE_MAX);
	org(f, "X.1", "Chi bộ 1", ORG_CELL, "X", NULL, DATE_MIN, DATE_MAX);
	/* X.2 merged into Y.1 on 01/7/2024 */
	org(f, "X.2", "Chi bộ 2", ORG_CELL, "X", NULL, DATE_MIN, D(2024, 7, 1));
	org(f, "Y.1", "Chi bộ 1", ORG_CELL, "Y", NULL, DATE_MIN, DATE_MAX);
	/* X.3 moved from X to Y on 01/01/2023 (orgs.csv gives the parent now) */
	org(f, "X.3", "Chi bộ 3", ORG_CELL, "Y", NULL, DATE_MIN, DATE_MAX);
	org_event(f, "X.2", D(2024, 7, 1), OEV_MERGE, NULL, "Y.1");
	org_event(f, "X.3", D(2023, 1, 1), OEV_MOVE, "X", "Y");
	fx_tree_done(f);
}

static void test_history(void **state)
{
	(void)state;
	struct fx f;
	history_tree(&f);
	struct mem m = {.birth = D(1970, 1, 1), .decision = D(2000, 1, 1), .official = D(2001, 1, 1),
			.status = MS_OFFICIAL};
	/* 1: in X.2, which merged into Y.1 */
	m.org = "X.2";
	member(&f, &m);
	/* 2: in X.3, which moved from X to Y */
	m.org = "X.3";
	member(&f, &m);
	/* 3: in X.1, transferred out on 01/6/2024 */
	struct tev t3[] = {{D(2024, 6, 1), EV_TRANSFER_OUT, "X.1", NULL}};
	m.org = "X.1", m.status = MS_TRANSFERRED_OUT, m.ev = t3, m.nev = 1;
	member(&f, &m);
	/* 4: in Y.1, died on 10/3/2024 */
	struct tev t4[] = {{D(2024, 3, 10), EV_DEATH, "Y.1", NULL}};
	m.org = "Y.1", m.status = MS_DEAD, m.ev = t4, m.nev = 1;
	member(&f, &m);
	/* 5: moved from X.1 to Y.1 on 15/8/2024 */
	struct tev t5[] = {{D(2024, 8, 15), EV_MOVE, "X.1", "Y.1"}};
	m.org = "Y.1", m.status = MS_OFFICIAL, m.ev = t5, m.nev = 1;
	member(&f, &m);
	/* 6: in X.2 before the merger, transferred in on 01/02/2024 */
	struct tev t6[] = {{D(2024, 2, 1), EV_TRANSFER_IN, "X.2", NULL}};
	m.org = "Y.1", m.ev = t6, m.nev = 1;
	member(&f, &m);
	fx_done(&f);

	struct report_result r;
	/* 2022: member 2's cell is under X */
	run(&f, "members", "H", D(2022, 12, 31), DATE_NONE, DATE_NONE, 2, 2, &r);
	assert_int_equal(count(&r, "H", "total"), 5); /* 1..5; 6 came in 2024 */
	assert_int_equal(count(&r, "X", "total"), 4);  /* 1 (X.2), 2 (X.3), 3, 5 */
	assert_int_equal(count(&r, "Y", "total"), 1);  /* 4 */
	assert_int_equal(count(&r, "X.3", "total"), 1);
	report_result_free(&r);
	/* 2023: X.3 is under Y */
	run(&f, "members", "H", D(2023, 1, 1), DATE_NONE, DATE_NONE, 2, 2, &r);
	assert_int_equal(count(&r, "X", "total"), 3);
	assert_int_equal(count(&r, "Y", "total"), 2);
	report_result_free(&r);
	/* the day before and the day of a death */
	run(&f, "members", "Y", D(2024, 3, 9), DATE_NONE, DATE_NONE, 0, 2, &r);
	assert_int_equal(count(&r, "Y", "total"), 2);
	report_result_free(&r);
	run(&f, "members", "Y", D(2024, 3, 10), DATE_NONE, DATE_NONE, 0, 2, &r);
	assert_int_equal(count(&r, "Y", "total"), 1);
	report_result_free(&r);
	/* the transfer out */
	run(&f, "members", "X.1", D(2024, 5, 31), DATE_NONE, DATE_NONE, 0, 2, &r);
	assert_int_equal(count(&r, "X.1", "total"), 2);
	report_result_free(&r);
	run(&f, "members", "X.1", D(2024, 6, 1), DATE_NONE, DATE_NONE, 0, 2, &r);
	assert_int_equal(count(&r, "X.1", "total"), 1);
	report_result_free(&r);
	/* the merger: X.2 is a row under X on 30/6, gone on 1/7, its members in Y.1 */
	run(&f, "members", "H", D(2024, 6, 30), DATE_NONE, DATE_NONE, 2, 2, &r);
	assert_true(has_row(&r, "X.2"));
	assert_int_equal(count(&r, "X.2", "total"), 2); /* 1 and 6 */
	assert_int_equal(count(&r, "X", "total"), 3);   /* X.1: 5; X.2: 1, 6 */
	assert_int_equal(count(&r, "Y", "total"), 1);   /* X.3: 2 */
	report_result_free(&r);
	run(&f, "members", "H", D(2024, 7, 1), DATE_NONE, DATE_NONE, 2, 2, &r);
	assert_false(has_row(&r, "X.2"));
	assert_int_equal(count(&r, "Y.1", "total"), 2);
	assert_int_equal(count(&r, "X", "total"), 1);
	assert_int_equal(count(&r, "Y", "total"), 3);
	report_result_free(&r);
	/* and the member who moved */
	run(&f, "members", "H", D(2024, 12, 31), DATE_NONE, DATE_NONE, 1, 2, &r);
	assert_int_equal(count(&r, "X", "total"), 0);
	assert_int_equal(count(&r, "Y", "total"), 4);
	report_result_free(&r);

	/* the period 2024, rows as of its end */
	run(&f, "members", "H", D(2024, 12, 31), D(2024, 1, 1), D(2024, 12, 31), 1, 2, &r);
	assert_int_equal(count(&r, "H", "died"), 1);
	assert_int_equal(count(&r, "Y", "died"), 1);
	assert_int_equal(count(&r, "H", "transferred_out"), 1);
	assert_int_equal(count(&r, "X", "transferred_out"), 2); /* member 3, and 5 who moved to Y */
	assert_int_equal(count(&r, "Y", "transferred_in"), 1);  /* member 5 */
	assert_int_equal(count(&r, "H", "transferred_in"), 1);  /* member 6 only: a move inside H is none */
	assert_int_equal(count(&r, "X", "transferred_in"), 1);  /* member 6 came into X.2, under X that day */
	assert_int_equal(count(&r, "Y", "transferred_out"), 0);
	assert_int_equal(count(&r, "H", "admitted"), 0);
	/* no store: no target, so admitted has a base of 0 and no percentage */
	assert_int_equal(row(&r, "H", "admitted")->base, 0);
	report_result_free(&r);
	run(&f, "members", "H", D(2001, 12, 31), D(2000, 1, 1), D(2000, 12, 31), 0, 2, &r);
	assert_int_equal(count(&r, "H", "admitted"), 5); /* all but 6, admitted elsewhere */
	report_result_free(&r);
	run(&f, "members", "H", D(2001, 12, 31), D(2001, 1, 1), D(2001, 12, 31), 0, 2, &r);
	assert_int_equal(count(&r, "H", "recognized"), 5);
	report_result_free(&r);
	fx_free(&f);
}

static void test_status_and_age(void **state)
{
	(void)state;
	struct fx f;
	history_tree(&f);
	/* probationary until the official date */
	struct mem m = {.birth = D(1995, 6, 15), .org = "X.1", .decision = D(2024, 3, 1),
			.official = D(2025, 3, 1), .status = MS_OFFICIAL};
	member(&f, &m);
	/* exempt from 01/5/2024 by an event */
	struct tev ex[] = {{D(2024, 5, 1), EV_EXEMPT_START, "X.1", NULL}};
	struct mem e = {.birth = D(1940, 1, 1), .org = "X.1", .decision = D(1960, 1, 1), .official = D(1961, 1, 1),
			.status = MS_EXEMPT, .ev = ex, .nev = 1};
	member(&f, &e);
	/* exempt with no event: from the day it was recorded (report's today) */
	e.ev = NULL, e.nev = 0;
	member(&f, &e);
	fx_done(&f);
	struct report_result r;
	run(&f, "members", "X.1", D(2025, 2, 28), DATE_NONE, DATE_NONE, 0, 2, &r);
	assert_int_equal(count(&r, "X.1", "probationary"), 1);
	assert_int_equal(count(&r, "X.1", "official"), 2);
	assert_int_equal(count(&r, "X.1", "exempt"), 1);
	assert_int_equal(count(&r, "X.1", "age_30_under"), 1); /* 29 */
	assert_int_equal(count(&r, "X.1", "age_over_70"), 2);
	report_result_free(&r);
	run(&f, "members", "X.1", D(2025, 3, 1), DATE_NONE, DATE_NONE, 0, 2, &r);
	assert_int_equal(count(&r, "X.1", "probationary"), 0);
	assert_int_equal(count(&r, "X.1", "official"), 3);
	report_result_free(&r);
	/* 30 on 14/6/2025 and 15/6/2025 (age_30_under is 30 and under), 31 a year later */
	run(&f, "members", "X.1", D(2025, 6, 15), DATE_NONE, DATE_NONE, 0, 2, &r);
	assert_int_equal(count(&r, "X.1", "age_30_under"), 1);
	report_result_free(&r);
	run(&f, "members", "X.1", D(2026, 6, 14), DATE_NONE, DATE_NONE, 0, 2, &r);
	assert_int_equal(count(&r, "X.1", "age_30_under"), 1);
	assert_int_equal(count(&r, "X.1", "age_31_40"), 0);
	report_result_free(&r);
	run(&f, "members", "X.1", D(2026, 6, 15), DATE_NONE, DATE_NONE, 0, 2, &r);
	assert_int_equal(count(&r, "X.1", "age_30_under"), 0);
	assert_int_equal(count(&r, "X.1", "age_31_40"), 1);
	/* the report's today (23/11/2026) is after: the unexplained exemption holds */
	report_result_free(&r);
	run(&f, "members", "X.1", D(2026, 11, 23), DATE_NONE, DATE_NONE, 0, 2, &r);
	assert_int_equal(count(&r, "X.1", "exempt"), 2);
	report_result_free(&r);
	fx_free(&f);
}

/* ---- badges: QĐ 294-QĐ/TW §4.4 (party age minus gaps), §28 (milestones) ---- */

static void test_badges(void **state)
{
	(void)state;
	struct fx f;
	history_tree(&f);
	/* 1: admitted 10/5/1994: 30 years on 10/5/2024 */
	struct mem m = {.birth = D(1960, 1, 1), .org = "X.1", .decision = D(1994, 5, 10), .official = D(1995, 5, 10),
			.status = MS_OFFICIAL};
	member(&f, &m);
	/* 2: the same, but removed 01/1/2000 and re-admitted 01/1/2002: 30 years two years later */
	struct tev gap[] = {{D(2000, 1, 1), EV_REMOVE, "X.1", NULL}, {D(2002, 1, 1), EV_READMIT, "X.1", NULL}};
	m.ev = gap, m.nev = 2;
	member(&f, &m);
	/* 3: the same as 1, but died on 01/5/2024, before the day */
	struct tev died[] = {{D(2024, 5, 1), EV_DEATH, "X.1", NULL}};
	m.ev = died, m.nev = 1, m.status = MS_DEAD;
	member(&f, &m);
	/* 4: admitted 1954: 70 years in 2024 */
	struct mem old = {.birth = D(1930, 1, 1), .org = "Y.1", .decision = D(1954, 12, 19),
			  .official = D(1955, 12, 19), .status = MS_OFFICIAL};
	member(&f, &old);
	fx_done(&f);

	/* the day matches the domain's party age */
	const struct snapshot *s = &f.snap;
	assert_int_equal(s->ngaps, 1);
	date_t day = report_badge_day(D(1994, 5, 10), s->gaps, 1, 30);
	assert_int_equal(day, D(2026, 5, 10));
	struct member_facts facts = {.decision_date = D(1994, 5, 10)};
	struct span g = {s->gaps[0].from, s->gaps[0].to, 0};
	struct member_timeline tl = {.gaps = &g, .ngaps = 1};
	assert_int_equal(member_party_age_years(&facts, &tl, day - 1), 29);
	assert_int_equal(member_party_age_years(&facts, &tl, day), 30);
	assert_int_equal(report_badge_day(D(1994, 5, 10), NULL, 0, 30), D(2024, 5, 10));

	struct report_result r;
	run(&f, "badges", "H", D(2024, 12, 31), D(2024, 1, 1), D(2024, 12, 31), 1, 2, &r);
	assert_int_equal(count(&r, "H", "badge_30"), 1);
	assert_int_equal(count(&r, "X", "badge_30"), 1);
	assert_int_equal(count(&r, "H", "badge_70"), 1);
	assert_int_equal(count(&r, "Y", "badge_70"), 1);
	assert_int_equal(count(&r, "H", "badge_40"), 0);
	report_result_free(&r);
	/* a window ending the day before */
	run(&f, "badges", "H", D(2024, 12, 31), D(2024, 1, 1), D(2024, 5, 9), 0, 2, &r);
	assert_int_equal(count(&r, "H", "badge_30"), 0);
	report_result_free(&r);
	run(&f, "badges", "H", D(2026, 12, 31), D(2026, 5, 10), D(2026, 5, 10), 0, 2, &r);
	assert_int_equal(count(&r, "H", "badge_30"), 1);
	report_result_free(&r);
	fx_free(&f);
}

/* ---- the snapshot file ---- */

static void test_snapshot_file(void **state)
{
	(void)state;
	struct fx f;
	build_vinh_loi(&f);
	char dir[] = "/tmp/dangbo-test-snap.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[128];
	snprintf(path, sizeof(path), "%s/db.snapshot", dir);
	assert_int_equal(snapshot_write(&f.snap, path), ERR_OK);
	struct snapshot m;
	assert_int_equal(snapshot_map(path, &m), ERR_OK);
	assert_int_equal(m.nmem, 2517);
	assert_int_equal(m.norg, f.snap.norg);
	assert_int_equal(m.generation, 1);
	assert_string_equal(m.instance, "test");
	/* the same report from memory and from the file, on one thread and two */
	struct report_request rq = {.report = "members", .org = "BL", .as_of = D(2019, 1, 1), .from = DATE_NONE,
				    .to = DATE_NONE, .depth = 3, .precision = 2, .today = D(2026, 1, 1), .threads = 1};
	struct report_result a, b;
	struct buf msg, x, y;
	buf_init(&msg, 0);
	buf_init(&x, 0);
	buf_init(&y, 0);
	assert_int_equal(report_run(&f.snap, NULL, &rq, &a, &msg), ERR_OK);
	rq.threads = 2;
	assert_int_equal(report_run(&m, NULL, &rq, &b, &msg), ERR_OK);
	report_render_csv(&a.table, &x);
	report_render_csv(&b.table, &y);
	assert_string_equal(x.ptr, y.ptr);
	assert_int_equal(a.table.nrows, (1 + 1 + 26 + 188) * 13);
	report_result_free(&a);
	report_result_free(&b);
	snapshot_free(&m);
	/* a damaged file is refused, not read */
	FILE *fp = fopen(path, "r+b");
	assert_non_null(fp);
	fseek(fp, 100, SEEK_SET);
	fputc('x', fp);
	fseek(fp, 0, SEEK_END);
	fputc('x', fp);
	fclose(fp);
	assert_int_equal(snapshot_map(path, &m), ERR_INPUT);
	unlink(path);
	assert_int_equal(snapshot_map(path, &m), ERR_NOTFOUND);
	rmdir(dir);
	buf_free(&msg);
	buf_free(&x);
	buf_free(&y);
	fx_free(&f);
}

/* ---- errors ---- */

static void test_errors(void **state)
{
	(void)state;
	struct fx f;
	history_tree(&f);
	fx_done(&f);
	struct report_request rq = {.report = "members", .org = "NOPE", .as_of = D(2024, 1, 1), .from = DATE_NONE,
				    .to = DATE_NONE, .precision = 2, .today = D(2026, 1, 1)};
	struct report_result r;
	struct buf msg;
	buf_init(&msg, 0);
	assert_int_equal(report_run(&f.snap, NULL, &rq, &r, &msg), ERR_NOTFOUND);
	assert_non_null(strstr(msg.ptr, "NOPE"));
	rq.org = "X.2";
	rq.as_of = D(2024, 7, 1);
	assert_int_equal(report_run(&f.snap, NULL, &rq, &r, &msg), ERR_INPUT);
	assert_non_null(strstr(msg.ptr, "merged into Y.1"));
	rq.report = "badges";
	rq.org = "H";
	assert_int_equal(report_run(&f.snap, NULL, &rq, &r, &msg), ERR_USAGE);
	rq.from = D(2024, 2, 1), rq.to = D(2024, 1, 1);
	assert_int_equal(report_run(&f.snap, NULL, &rq, &r, &msg), ERR_USAGE);
	rq.from = D(2024, 1, 1), rq.to = DATE_NONE;
	assert_int_equal(report_run(&f.snap, NULL, &rq, &r, &msg), ERR_USAGE);
	rq.report = "nosuch";
	assert_int_equal(report_run(&f.snap, NULL, &rq, &r, &msg), ERR_USAGE);
	rq.report = "orgs", rq.to = D(2024, 12, 31), rq.precision = 7;
	assert_int_equal(report_run(&f.snap, NULL, &rq, &r, &msg), ERR_USAGE);
	buf_free(&msg);
	fx_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed001_members),
		cmocka_unit_test(test_seed001_orgs),
		cmocka_unit_test(test_generic_indicator_precision),
		cmocka_unit_test(test_history),
		cmocka_unit_test(test_status_and_age),
		cmocka_unit_test(test_badges),
		cmocka_unit_test(test_snapshot_file),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
