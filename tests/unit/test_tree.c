/* Unit tests for the organization tree with history (contract §2
 * "How history is read"; QĐ 294-QĐ/TW §10 and §21 for nesting). */
#include "harness.h"

#include <stdlib.h>
#include <string.h>

#include "domain/tree.h"

static date_t D(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static int add(struct tree *t, const char *code, enum org_kind k, const char *parent, date_t from, date_t to)
{
	struct tree_org o = {.code = (char *)code, .name = (char *)code, .kind = k,
			     .parent = parent ? tree_find(t, parent) : TREE_NONE,
			     .founded = from, .dissolved = to, .line = (long)t->n + 2};
	return tree_add(t, &o);
}

static void ev(struct tree *t, const char *code, date_t d, enum org_event_type type, const char *from,
	       const char *to)
{
	struct tree_event e = {.org = tree_find(t, code), .date = d, .type = type,
			       .from = from ? tree_find(t, from) : TREE_NONE, .to = to ? tree_find(t, to) : TREE_NONE,
			       .line = (long)t->nev + 2};
	tree_add_event(t, &e);
}

/* The 2025 reorganization: a base organization moved from a district
 * committee to a commune committee on 01/7/2025, and a cell merged. */
static void build(struct tree *t)
{
	tree_init(t);
	add(t, "P", ORG_PROVINCE, NULL, DATE_MIN, DATE_MAX);
	add(t, "P.H", ORG_UPPER, "P", DATE_MIN, D(2025, 7, 1));
	add(t, "P.X", ORG_UPPER, "P", D(2025, 6, 30), DATE_MAX);
	add(t, "B", ORG_BASE_COMMITTEE, "P.X", D(1990, 1, 1), DATE_MAX);
	add(t, "B.1", ORG_CELL, "B", D(1990, 1, 1), DATE_MAX);
	add(t, "B.2", ORG_CELL, "B", D(1990, 1, 1), D(2024, 1, 1));
	add(t, "B.2.old", ORG_CELL, "B", D(1990, 1, 1), DATE_MAX);
	ev(t, "B", D(2025, 7, 1), OEV_MOVE, "P.H", "P.X");
	ev(t, "B.2", D(2024, 1, 1), OEV_MERGE, NULL, "B.1");
}

static void test_history(void **state)
{
	struct tree t;
	build(&t);
	struct diag_list dl;
	diag_init(&dl);
	assert_int_equal(tree_derive(&t, "orgs.csv", "org_events.csv", &dl), ERR_OK);
	int b = tree_find(&t, "B"), h = tree_find(&t, "P.H"), x = tree_find(&t, "P.X");
	assert_int_equal(tree_parent_at(&t, b, D(2025, 6, 30)), h);
	assert_int_equal(tree_parent_at(&t, b, D(2025, 7, 1)), x);
	int c1 = tree_find(&t, "B.1"), c2 = tree_find(&t, "B.2");
	assert_true(tree_exists(&t, c2, D(2023, 12, 31)));
	assert_false(tree_exists(&t, c2, D(2024, 1, 1)));
	/* members of the merged cell are in B.1 from the merger on */
	assert_int_equal(tree_follow(&t, c2, D(2023, 12, 31)), c2);
	assert_int_equal(tree_follow(&t, c2, D(2024, 1, 1)), c1);
	assert_true(tree_is_under(&t, c1, h, D(2020, 1, 1)));
	assert_false(tree_is_under(&t, c1, h, D(2025, 7, 1)));

	struct tree_view v;
	tree_view_build(&t, D(2020, 1, 1), &v);
	/* children of B on 2020-01-01 in code order: B.1, B.2, B.2.old */
	int c = v.first_child[b];
	assert_string_equal(t.orgs[c].code, "B.1");
	c = v.next_sibling[c];
	assert_string_equal(t.orgs[c].code, "B.2");
	c = v.next_sibling[c];
	assert_string_equal(t.orgs[c].code, "B.2.old");
	assert_int_equal(v.next_sibling[c], TREE_NONE);
	assert_int_equal(v.nroots, 1);
	tree_view_free(&v);
	tree_view_build(&t, D(2025, 7, 1), &v);
	assert_int_equal(v.first_child[h], TREE_NONE); /* P.H ended */
	tree_view_free(&v);
	diag_free(&dl);
	tree_free(&t);
}

static void test_move_from_wrong_parent(void **state)
{
	struct tree t;
	build(&t);
	/* The first move's from_code says where B was before it; a later move
	 * must start from where B is then (P.X, not P.H). */
	ev(&t, "B", D(2025, 8, 1), OEV_MOVE, "P.H", "P");
	t.orgs[tree_find(&t, "B")].parent = tree_find(&t, "P");
	struct diag_list dl;
	diag_init(&dl);
	assert_int_equal(tree_derive(&t, "orgs.csv", "org_events.csv", &dl), ERR_INPUT);
	/* the bad move, and therefore the parent it ends in */
	assert_int_equal(dl.n, 2);
	assert_string_equal(dl.v[0].column, "from_code");
	assert_int_equal(dl.v[0].line, 4);
	assert_non_null(strstr(dl.v[0].msg, "the parent on that date is P.X"));
	diag_free(&dl);
	tree_free(&t);
}

static void test_nesting(void **state)
{
	struct tree t;
	tree_init(&t);
	struct diag_list dl;
	diag_init(&dl);
	add(&t, "P", ORG_PROVINCE, NULL, DATE_MIN, DATE_MAX);
	add(&t, "P.C", ORG_BASE_CELL, "P", DATE_MIN, DATE_MAX);
	add(&t, "P.C.1", ORG_CELL, "P.C", DATE_MIN, DATE_MAX); /* a base cell has no cells */
	add(&t, "P.S", ORG_SUB_COMMITTEE, "P", DATE_MIN, DATE_MAX);
	assert_int_equal(tree_derive(&t, "orgs.csv", NULL, &dl), ERR_INPUT);
	assert_int_equal(dl.n, 2);
	assert_int_equal(dl.v[0].line, 4);
	assert_int_equal(dl.v[1].line, 5);
	assert_true(org_kind_may_nest(ORG_BASE_COMMITTEE, ORG_CELL));
	assert_true(org_kind_may_nest(ORG_SUB_COMMITTEE, ORG_CELL));
	assert_false(org_kind_may_nest(ORG_BASE_CELL, ORG_CELL));
	assert_false(org_kind_may_nest(ORG_PROVINCE, ORG_CELL));
	diag_free(&dl);
	tree_free(&t);
}

static void test_parent_dissolved_under_child(void **state)
{
	struct tree t;
	tree_init(&t);
	struct diag_list dl;
	diag_init(&dl);
	add(&t, "P", ORG_PROVINCE, NULL, DATE_MIN, DATE_MAX);
	add(&t, "P.B", ORG_BASE_COMMITTEE, "P", DATE_MIN, D(2020, 1, 1));
	add(&t, "P.B.1", ORG_CELL, "P.B", DATE_MIN, DATE_MAX);
	assert_int_equal(tree_derive(&t, "orgs.csv", NULL, &dl), ERR_INPUT);
	assert_non_null(strstr(dl.v[0].msg, "is dissolved while the organization is still under it"));
	diag_free(&dl);
	tree_free(&t);
}

static void test_find_many(void **state)
{
	struct tree t;
	tree_init(&t);
	char code[32];
	add(&t, "R", ORG_PROVINCE, NULL, DATE_MIN, DATE_MAX);
	for (int i = 0; i < 5000; i++) {
		snprintf(code, sizeof(code), "R.%d", i);
		assert_int_not_equal(add(&t, code, ORG_BASE_CELL, "R", DATE_MIN, DATE_MAX), TREE_NONE);
	}
	assert_int_equal(add(&t, "R.17", ORG_BASE_CELL, "R", DATE_MIN, DATE_MAX), TREE_NONE);
	for (int i = 0; i < 5000; i += 7) {
		snprintf(code, sizeof(code), "R.%d", i);
		assert_int_equal(tree_find(&t, code), i + 1);
	}
	assert_int_equal(tree_find(&t, "R.5000"), TREE_NONE);
	tree_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_history),
		cmocka_unit_test(test_move_from_wrong_parent),
		cmocka_unit_test(test_nesting),
		cmocka_unit_test(test_parent_dissolved_under_child),
		cmocka_unit_test(test_find_many),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
