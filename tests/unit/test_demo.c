/* Unit tests for the demo generator (issue 2 item 6; contract §2).
 *
 * Generates small provinces into temporary directories and reads the files
 * back with the CSV reader: the headers are the contract's, the output is
 * deterministic for a seed, sizes follow population, members are in cells,
 * the people look like party members (QĐ 294-QĐ/TW §1.1 ages, §4.2.2
 * probation), identifiers are unique and well formed, the 2025
 * reorganization is in the history (rules.md §9), and the importer accepts
 * the four files as they are. */
#include "harness.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/import.h"
#include "core/date.h"
#include "core/diag.h"
#include "core/embed.h"
#include "core/xalloc.h"
#include "io/csv.h"
#include "io/demo.h"
#include "store/store.h"

static const char *const files[4] = {"orgs.csv", "org_events.csv", "members.csv", "events.csv"};

struct gen {
	char dir[64];
	struct demo_counts n;
};

static date_t today(void)
{
	return date_from_ymd(2026, 11, 23);
}

static void generate(const char *prov, uint64_t seed, double scale, struct gen *g)
{
	strcpy(g->dir, "/tmp/dangbo-demo-XXXXXX");
	assert_non_null(mkdtemp(g->dir));
	struct demo_opts o = {.province = prov, .seed = seed, .scale = scale, .today = today()};
	struct diag_list dl;
	diag_init(&dl);
	enum err e = demo_generate(&o, g->dir, &g->n, &dl);
	if (e != ERR_OK)
		diag_print(&dl, stderr);
	assert_int_equal(e, ERR_OK);
	assert_int_equal(diag_count(&dl), 0);
	diag_free(&dl);
}

static void cleanup(struct gen *g)
{
	char p[128];
	for (int i = 0; i < 4; i++) {
		snprintf(p, sizeof(p), "%s/%s", g->dir, files[i]);
		unlink(p);
	}
	snprintf(p, sizeof(p), "%s/test.db", g->dir);
	unlink(p);
	rmdir(g->dir);
}

/* A whole CSV file in memory. */
struct table {
	size_t ncol, nrow;
	char **head;
	char ***row;
};

static void load(struct table *t, const struct gen *g, int f)
{
	char p[128];
	snprintf(p, sizeof(p), "%s/%s", g->dir, files[f]);
	struct diag_list dl;
	diag_init(&dl);
	struct csv_reader *r = csv_open_file(p, &dl);
	assert_non_null(r);
	memset(t, 0, sizeof(*t));
	t->ncol = csv_header_count(r);
	t->head = xcalloc(t->ncol, sizeof(char *));
	for (size_t i = 0; i < t->ncol; i++)
		t->head[i] = xstrdup(csv_header(r, i));
	struct csv_record rec;
	size_t cap = 0;
	int rc;
	while ((rc = csv_next(r, &rec, &dl)) == 1) {
		assert_false(rec.bad);
		assert_int_equal(rec.n, t->ncol);
		XGROW(t->row, cap, t->nrow + 1);
		char **v = xcalloc(rec.n, sizeof(char *));
		for (size_t i = 0; i < rec.n; i++)
			v[i] = xstrdup(rec.field[i]);
		t->row[t->nrow++] = v;
	}
	assert_int_equal(rc, 0);
	if (diag_count(&dl))
		diag_print(&dl, stderr);
	assert_int_equal(diag_count(&dl), 0);
	csv_close(r);
	diag_free(&dl);
}

static void unload(struct table *t)
{
	for (size_t r = 0; r < t->nrow; r++) {
		for (size_t i = 0; i < t->ncol; i++)
			free(t->row[r][i]);
		free(t->row[r]);
	}
	for (size_t i = 0; i < t->ncol; i++)
		free(t->head[i]);
	free(t->row);
	free(t->head);
}

static size_t col(const struct table *t, const char *name)
{
	for (size_t i = 0; i < t->ncol; i++)
		if (!strcmp(t->head[i], name))
			return i;
	fail_msg("no column %s", name);
	return 0;
}

/* Index of the row whose column c is s (linear: the tables are small). */
static long find(const struct table *t, size_t c, const char *s)
{
	for (size_t r = 0; r < t->nrow; r++)
		if (!strcmp(t->row[r][c], s))
			return (long)r;
	return -1;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Are the values of column c unique among non-empty ones? */
static bool unique(const struct table *t, size_t c)
{
	char **v = xmalloc((t->nrow + 1) * sizeof(char *));
	size_t n = 0;
	for (size_t r = 0; r < t->nrow; r++)
		if (t->row[r][c][0])
			v[n++] = t->row[r][c];
	qsort(v, n, sizeof(*v), cmp_str);
	bool ok = true;
	for (size_t i = 1; i < n; i++)
		if (!strcmp(v[i - 1], v[i]))
			ok = false;
	free(v);
	return ok;
}

static char *slurp(const struct gen *g, int f, size_t *n)
{
	char p[128];
	snprintf(p, sizeof(p), "%s/%s", g->dir, files[f]);
	FILE *fp = fopen(p, "rb");
	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	long len = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	char *s = xmalloc((size_t)len + 1);
	assert_int_equal(fread(s, 1, (size_t)len, fp), (size_t)len);
	fclose(fp);
	*n = (size_t)len;
	return s;
}

static bool is_current(const char *status)
{
	static const char *const cur[] = {"probationary", "official", "exempt", "temp_out", "suspended"};
	for (size_t i = 0; i < 5; i++)
		if (!strcmp(status, cur[i]))
			return true;
	return false;
}

/* Contract §2: the four files carry exactly the contract's columns, parse
 * without a problem, and their row counts are the ones reported. */
static void test_headers(void **state)
{
	static const char *const want[4][18] = {
		{"code", "name", "kind", "parent_code", "category", "unit_code", "founded_on", "dissolved_on"},
		{"code", "date", "type", "from_code", "to_code", "old_name", "new_name"},
		{"member_id", "full_name", "gender", "birth_date", "ethnicity", "religion", "card_number",
		 "org_code", "decision_date", "ceremony_date", "official_date", "status", "education",
		 "profession_level", "theory_level", "occupation", "hometown"},
		{"member_id", "date", "type", "org_code", "to_org_code", "detail"},
	};
	struct gen g;
	generate("TQ", 1, 0.02, &g);
	uint64_t rows[4] = {g.n.orgs, g.n.org_events, g.n.members, g.n.events};
	for (int f = 0; f < 4; f++) {
		struct table t;
		load(&t, &g, f);
		size_t n = 0;
		while (want[f][n])
			n++;
		assert_int_equal(t.ncol, n);
		for (size_t i = 0; i < n; i++)
			assert_string_equal(t.head[i], want[f][i]);
		assert_int_equal(t.nrow, rows[f]);
		assert_true(t.nrow > 0);
		unload(&t);
	}
	cleanup(&g);
}

/* The same options give the same bytes; another seed other data. */
static void test_deterministic(void **state)
{
	struct gen a, b, c;
	generate("HY", 7, 0.02, &a);
	generate("HY", 7, 0.02, &b);
	generate("HY", 8, 0.02, &c);
	for (int f = 0; f < 4; f++) {
		size_t na, nb;
		char *x = slurp(&a, f, &na), *y = slurp(&b, f, &nb);
		assert_int_equal(na, nb);
		assert_memory_equal(x, y, na);
		free(x);
		free(y);
	}
	size_t na, nc;
	char *x = slurp(&a, 2, &na), *z = slurp(&c, 2, &nc);
	assert_true(na != nc || memcmp(x, z, na) != 0);
	free(x);
	free(z);
	cleanup(&a);
	cleanup(&b);
	cleanup(&c);
}

/* At scale 1 a province gets its share of 5.5 million members by
 * population (units-2025.csv); base organizations follow QĐ 294-QĐ/TW §21
 * (a base cell under 30 members, a base committee 30 or more, with a few
 * exceptions) and every cell has at least 3 members (§4.12). */
static void test_sizes(void **state)
{
	/* the province's share of the 34 provinces' population */
	const struct embed_file *ef = embed_find("data/units-2025.csv");
	assert_non_null(ef);
	struct diag_list dl;
	diag_init(&dl);
	struct csv_reader *r = csv_open_mem("units-2025.csv", (const char *)ef->data, ef->size, &dl);
	assert_non_null(r);
	struct csv_record rec;
	double total = 0, cb = 0;
	while (csv_next(r, &rec, &dl) == 1)
		if (!strcmp(rec.field[4], "1")) {
			total += atof(rec.field[5]);
			if (!strcmp(rec.field[0], "04"))
				cb = atof(rec.field[5]);
		}
	csv_close(r);
	diag_free(&dl);
	double want = 5500000.0 * cb / total;

	struct gen g;
	generate("04", 1, 1.0, &g);
	assert_true(fabs((double)g.n.members_current - want) < 0.05 * want);
	/* members kept for history on top, and some events for most */
	assert_true(g.n.members > g.n.members_current);
	assert_true(g.n.events > g.n.members_current);

	struct table o, m;
	load(&o, &g, 0);
	load(&m, &g, 2);
	size_t code = col(&o, "code"), kind = col(&o, "kind"), parent = col(&o, "parent_code");
	size_t dis = col(&o, "dissolved_on"), morg = col(&m, "org_code"), st = col(&m, "status");
	int *count = xcalloc(o.nrow, sizeof(int));
	for (size_t i = 0; i < m.nrow; i++) {
		if (!is_current(m.row[i][st]))
			continue;
		long k = find(&o, code, m.row[i][morg]);
		assert_true(k >= 0);
		count[k]++;
	}
	/* add cells to their base organization (and sub-committee's base) */
	int *base = xcalloc(o.nrow, sizeof(int));
	for (size_t i = 0; i < o.nrow; i++) {
		if (strcmp(o.row[i][kind], "cell") || o.row[i][dis][0])
			continue;
		assert_true(count[i] >= 3);
		long p = find(&o, code, o.row[i][parent]);
		if (!strcmp(o.row[p][kind], "sub_committee"))
			p = find(&o, code, o.row[p][parent]);
		base[p] += count[i];
	}
	size_t committees = 0, small = 0, bases = 0;
	for (size_t i = 0; i < o.nrow; i++) {
		if (o.row[i][dis][0])
			continue;
		if (!strcmp(o.row[i][kind], "base_cell")) {
			assert_true(count[i] >= 3 && count[i] < 30);
			bases++;
		} else if (!strcmp(o.row[i][kind], "base_committee")) {
			committees++;
			bases++;
			small += base[i] < 30;
		}
	}
	assert_int_equal(bases, g.n.base_orgs);
	assert_true(committees > 0 && small * 5 < committees);
	/* one base organization for some 40 to 160 members (about 100
	 * nationally; fewer in a province of small communes) */
	assert_true(bases * 160 > g.n.members_current && bases * 40 < g.n.members_current);
	free(count);
	free(base);
	unload(&o);
	unload(&m);
	cleanup(&g);
}

/* Members are active in cells and base cells (contract §2 members.csv);
 * every code a file names exists in orgs.csv. */
static void test_references(void **state)
{
	struct gen g;
	generate("TQ", 3, 0.02, &g);
	struct table o, oe, m, e;
	load(&o, &g, 0);
	load(&oe, &g, 1);
	load(&m, &g, 2);
	load(&e, &g, 3);
	size_t code = col(&o, "code"), kind = col(&o, "kind"), parent = col(&o, "parent_code");
	assert_true(unique(&o, code));
	for (size_t i = 0; i < o.nrow; i++) {
		if (!strcmp(o.row[i][code], "TW"))
			assert_string_equal(o.row[i][parent], "");
		else
			assert_true(find(&o, code, o.row[i][parent]) >= 0);
	}
	for (size_t i = 0; i < m.nrow; i++) {
		long k = find(&o, code, m.row[i][col(&m, "org_code")]);
		assert_true(k >= 0);
		assert_true(!strcmp(o.row[k][kind], "cell") || !strcmp(o.row[k][kind], "base_cell"));
	}
	const char *refs[3] = {"code", "from_code", "to_code"};
	for (size_t i = 0; i < oe.nrow; i++)
		for (int k = 0; k < 3; k++) {
			const char *s = oe.row[i][col(&oe, refs[k])];
			assert_true(!s[0] || find(&o, code, s) >= 0);
		}
	for (size_t i = 0; i < e.nrow; i++) {
		assert_true(find(&o, code, e.row[i][col(&e, "org_code")]) >= 0);
		const char *to = e.row[i][col(&e, "to_org_code")];
		assert_true(!to[0] || find(&o, code, to) >= 0);
	}
	unload(&o);
	unload(&oe);
	unload(&m);
	unload(&e);
	cleanup(&g);
}

struct mix {
	size_t n, women, minority;
};

static struct mix composition(const struct gen *g)
{
	struct table m;
	load(&m, g, 2);
	struct mix x = {0};
	size_t st = col(&m, "status"), gender = col(&m, "gender"), eth = col(&m, "ethnicity");
	for (size_t i = 0; i < m.nrow; i++) {
		if (!is_current(m.row[i][st]))
			continue;
		x.n++;
		x.women += !strcmp(m.row[i][gender], "nữ");
		assert_true(!strcmp(m.row[i][gender], "nữ") || !strcmp(m.row[i][gender], "nam"));
		x.minority += strcmp(m.row[i][eth], "Kinh") != 0;
	}
	unload(&m);
	return x;
}

/* Women are a good third of members; ethnic minorities are most members
 * in the northern mountains and very few in the Red River delta. */
static void test_composition(void **state)
{
	struct gen a, b;
	generate("CB", 1, 0.1, &a);
	generate("HY", 1, 0.05, &b);
	struct mix x = composition(&a), y = composition(&b);
	assert_true(x.n > 1000 && y.n > 1000);
	assert_true(x.women * 100 > x.n * 30 && x.women * 100 < x.n * 46);
	assert_true(y.women * 100 > y.n * 30 && y.women * 100 < y.n * 46);
	assert_true(x.minority * 100 > x.n * 60);
	assert_true(y.minority * 100 < y.n * 3);
	cleanup(&a);
	cleanup(&b);
}

/* member_id is a CV number (số lý lịch: 6 digits and the province's
 * letters, rules.md §4.10) and card_number a 12-digit personal id (the
 * party card number from 02/9/2025, QĐ 347-QĐ/TW; rules.md §4.9): province
 * of birth, gender and century, year of birth, serial. Both unique. */
static void test_identifiers(void **state)
{
	struct gen g;
	generate("HN", 1, 0.02, &g);
	struct table m;
	load(&m, &g, 2);
	size_t id = col(&m, "member_id"), card = col(&m, "card_number"), birth = col(&m, "birth_date");
	size_t gender = col(&m, "gender"), st = col(&m, "status");
	assert_true(unique(&m, id));
	assert_true(unique(&m, card));
	for (size_t i = 0; i < m.nrow; i++) {
		const char *s = m.row[i][id];
		size_t n = strlen(s);
		assert_true(n >= 8 && n <= 10);
		for (size_t k = 0; k < n; k++)
			assert_true(k < 6 ? (s[k] >= '0' && s[k] <= '9') : (s[k] >= 'A' && s[k] <= 'Z'));
		const char *c = m.row[i][card];
		if (!c[0]) {
			assert_false(is_current(m.row[i][st]));
			continue;
		}
		assert_int_equal(strlen(c), 12);
		for (size_t k = 0; k < 12; k++)
			assert_true(c[k] >= '0' && c[k] <= '9');
		assert_int_equal(c[0], '0');
		int y = atoi(m.row[i][birth]);
		int female = !strcmp(m.row[i][gender], "nữ");
		assert_int_equal(c[3] - '0', (y >= 2000 ? 2 : 0) + female);
		assert_int_equal((c[4] - '0') * 10 + (c[5] - '0'), y % 100);
	}
	unload(&m);
	cleanup(&g);
}

/* Admitted from 18 to 60 years of age counted in months (QĐ 294-QĐ/TW
 * §1.1); official 12 months after the ceremony (§4.2.2), probationary
 * members not yet; events in date order between admission and today. */
static void test_dates(void **state)
{
	struct gen g;
	generate("DLK", 5, 0.02, &g);
	struct table m, e;
	load(&m, &g, 2);
	load(&e, &g, 3);
	size_t id = col(&m, "member_id"), birth = col(&m, "birth_date"), dec = col(&m, "decision_date");
	size_t cer = col(&m, "ceremony_date"), off = col(&m, "official_date"), st = col(&m, "status");
	size_t prob = 0, cur = 0;
	for (size_t i = 0; i < m.nrow; i++) {
		date_t b, d, c, o = DATE_NONE;
		assert_true(date_parse(m.row[i][birth], &b));
		assert_true(date_parse(m.row[i][dec], &d));
		assert_true(date_parse(m.row[i][cer], &c));
		assert_true(date_add_months(b, 18 * 12) <= d && d <= date_add_months(b, 60 * 12));
		assert_true(c >= d && c <= d + 60 && c <= today());
		if (m.row[i][off][0]) {
			assert_true(date_parse(m.row[i][off], &o));
			assert_int_equal(o, date_add_months(c, 12));
			assert_true(o <= today());
		}
		if (!strcmp(m.row[i][st], "probationary")) {
			prob++;
			assert_int_equal(o, DATE_NONE);
			assert_true(date_add_months(c, 12) > today());
		}
		if (is_current(m.row[i][st])) {
			cur++;
			assert_true(date_age_years(b, today()) >= 18 && date_age_years(b, today()) <= 100);
		}
	}
	assert_true(prob * 100 > cur * 2 && prob * 100 < cur * 12);
	/* events.csv: each member's events together, in date order */
	size_t eid = col(&e, "member_id"), edate = col(&e, "date");
	for (size_t i = 0; i < e.nrow; i++) {
		date_t d;
		assert_true(date_parse(e.row[i][edate], &d));
		assert_true(d <= today());
		long k = find(&m, id, e.row[i][eid]);
		assert_true(k >= 0);
		date_t dd;
		date_parse(m.row[k][dec], &dd);
		assert_true(d >= dd);
		if (i && !strcmp(e.row[i - 1][eid], e.row[i][eid])) {
			date_t p;
			date_parse(e.row[i - 1][edate], &p);
			assert_true(p <= d);
		}
	}
	unload(&m);
	unload(&e);
	cleanup(&g);
}

/* The 2025 reorganization (rules.md §9): Hà Giang merges into Tuyên Quang
 * on 2025-07-01, its districts end that day, the new communes begin then,
 * and the base organizations that existed before move under them. */
static void test_history(void **state)
{
	struct gen g;
	generate("TQ", 1, 0.1, &g);
	struct table o, oe;
	load(&o, &g, 0);
	load(&oe, &g, 1);
	size_t code = col(&o, "code"), kind = col(&o, "kind"), parent = col(&o, "parent_code");
	size_t fo = col(&o, "founded_on"), dis = col(&o, "dissolved_on");
	size_t ec = col(&oe, "code"), et = col(&oe, "type"), ed = col(&oe, "date"), eto = col(&oe, "to_code");
	long hg = find(&o, code, "HG");
	assert_true(hg >= 0);
	assert_string_equal(o.row[hg][dis], "2025-07-01");
	long merge = find(&oe, ec, "HG");
	assert_true(merge >= 0);
	assert_string_equal(oe.row[merge][et], "merge");
	assert_string_equal(oe.row[merge][eto], "TQ");
	size_t districts = 0, communes = 0, moved = 0, bases = 0;
	for (size_t i = 0; i < oe.nrow; i++)
		assert_string_equal(oe.row[i][ed], "2025-07-01");
	for (size_t i = 0; i < o.nrow; i++) {
		const char *c = o.row[i][code];
		if (!strncmp(c, "HG.", 3) && strlen(c) == 6 && c[3] >= '0' && c[3] <= '9') {
			districts++;
			assert_string_equal(o.row[i][kind], "upper");
			assert_string_equal(o.row[i][dis], "2025-07-01");
			long k = find(&oe, ec, c);
			assert_true(k >= 0);
			assert_string_equal(oe.row[k][et], "dissolve");
		}
		if (!strcmp(o.row[i][kind], "upper") && !strcmp(o.row[i][parent], "TQ") && !o.row[i][dis][0]) {
			communes++;
			assert_string_equal(o.row[i][fo], "2025-07-01");
		}
		long p = find(&o, code, o.row[i][parent]);
		bool base = !strcmp(o.row[i][kind], "base_cell") || !strcmp(o.row[i][kind], "base_committee");
		if (base && p >= 0 && !o.row[i][dis][0] && !strcmp(o.row[p][kind], "upper")) {
			bases++;
			if (!o.row[i][fo][0]) {
				long k = find(&oe, ec, c);
				assert_true(k >= 0);
				assert_string_equal(oe.row[k][et], "move");
				assert_string_equal(oe.row[k][eto], o.row[i][parent]);
				moved++;
			}
		}
	}
	assert_int_equal(districts, 11); /* Hà Giang had 11 districts */
	assert_true(communes > 120);     /* 124 communes and the two provincial committees */
	/* most moved; the communes' own agencies are new (2025-07-01) */
	assert_true(moved > 0 && moved < bases);
	unload(&o);
	unload(&oe);
	cleanup(&g);
}

/* The importer takes the four files as they are (contract §2: replaying
 * the events ends in members.csv's organization and status; every event's
 * organization exists on its date; kinds nest). */
static void test_import(void **state)
{
	struct gen g;
	generate("BN", 2, 0.02, &g);
	char db[128], p[4][128];
	snprintf(db, sizeof(db), "%s/test.db", g.dir);
	struct store *st = NULL;
	assert_int_equal(store_open(db, STORE_CREATE, &st, NULL), ERR_OK);
	const char *paths[IMPORT__MAX] = {0};
	for (int f = 0; f < 4; f++) {
		snprintf(p[f], sizeof(p[f]), "%s/%s", g.dir, files[f]);
		paths[f] = p[f];
	}
	struct import_opts io = {0};
	struct import_stats stats;
	struct diag_list dl;
	diag_init(&dl);
	enum err e = import_files(st, paths, &io, &stats, &dl);
	if (e != ERR_OK)
		diag_print(&dl, stderr);
	assert_int_equal(e, ERR_OK);
	assert_int_equal(diag_count(&dl), 0);
	assert_int_equal(stats.rows[IMPORT_MEMBERS], g.n.members);
	assert_int_equal(stats.rows[IMPORT_EVENTS], g.n.events);
	diag_free(&dl);
	store_close(st);
	cleanup(&g);
}

/* Bad options are refused with a message saying what is wrong. */
static void test_bad_options(void **state)
{
	struct diag_list dl;
	diag_init(&dl);
	struct demo_counts n;
	struct demo_opts o = {.province = "XX", .seed = 1, .today = today()};
	assert_int_equal(demo_generate(&o, "/tmp", &n, &dl), ERR_INPUT);
	assert_int_equal(diag_count(&dl), 1);
	assert_non_null(strstr(dl.v[0].msg, "unknown province XX"));
	diag_free(&dl);

	diag_init(&dl);
	o.province = "HG"; /* merged into Tuyên Quang */
	assert_int_equal(demo_generate(&o, "/tmp", &n, &dl), ERR_INPUT);
	assert_non_null(strstr(dl.v[0].msg, "TQ"));
	diag_free(&dl);

	diag_init(&dl);
	o.province = "QN";
	o.today = date_from_ymd(2025, 6, 30);
	assert_int_equal(demo_generate(&o, "/tmp", &n, &dl), ERR_INPUT);
	diag_free(&dl);

	diag_init(&dl);
	o.today = today();
	assert_int_equal(demo_generate(&o, "/nonexistent-dir/x", &n, &dl), ERR_IO);
	assert_true(diag_count(&dl) >= 1);
	diag_free(&dl);
}

int main(void)
{
	/* the importer's "today" is the data set's */
	setenv("DANGBO_TODAY", "2026-11-23", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_headers),     cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_sizes),       cmocka_unit_test(test_references),
		cmocka_unit_test(test_composition), cmocka_unit_test(test_identifiers),
		cmocka_unit_test(test_dates),       cmocka_unit_test(test_history),
		cmocka_unit_test(test_import),      cmocka_unit_test(test_bad_options),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
