/* target: admission targets, set one at a time or imported from CSV (target.h). */
#include "app/target.h"

#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "io/csv.h"

/* A whole number of digits only (no sign, no separators), at most 15 digits. */
static bool parse_count(const char *s, int64_t *out)
{
	size_t n = strlen(s);
	if (n == 0 || n > 15)
		return false;
	int64_t v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

static enum err org_id(struct store *st, const char *code, int64_t *id)
{
	struct store_stmt *q = store_stmt(st, STMT_ORG_ID_BY_CODE);
	stmt_bind_text(q, 1, code);
	bool row;
	enum err e = stmt_step(q, &row);
	if (e)
		return e;
	if (!row)
		return ERR_NOTFOUND;
	*id = stmt_col_int(q, 0);
	stmt_step(q, &row);
	return ERR_OK;
}

static enum err put(struct store *st, int64_t org, int year, int64_t target)
{
	struct store_stmt *q = store_stmt(st, STMT_TARGET_SET);
	stmt_bind_int(q, 1, org);
	stmt_bind_int(q, 2, year);
	stmt_bind_int(q, 3, target);
	return stmt_exec(q);
}

/* The target set for (org, year), if any (the table is small: a scan). */
static bool target_get(struct store *st, int64_t org, int year, int64_t *out)
{
	struct store_stmt *q = store_stmt(st, STMT_TARGET_ALL);
	bool row, found = false;
	while (stmt_step(q, &row) == ERR_OK && row)
		if (!found && stmt_col_int(q, 0) == org && stmt_col_int(q, 1) == year) {
			*out = stmt_col_int(q, 2);
			found = true;
		}
	return found;
}

enum err target_set(struct store *st, const char *org_code, int year, int64_t target, struct buf *msg)
{
	buf_reset(msg);
	if (year < TARGET_YEAR_MIN || year > TARGET_YEAR_MAX) {
		buf_addf(msg, "year %d is out of range (%d to %d)", year, TARGET_YEAR_MIN, TARGET_YEAR_MAX);
		return ERR_INPUT;
	}
	if (target < 0) {
		buf_addf(msg, "a target is a whole number, 0 or more");
		return ERR_INPUT;
	}
	int64_t id;
	enum err e = org_id(st, org_code, &id);
	if (e == ERR_NOTFOUND) {
		buf_addf(msg, "no organization with code '%s'", org_code);
		return e;
	}
	if (!e)
		e = store_begin(st);
	if (!e) {
		char key[96], before[96] = "", after[96];
		int64_t old = 0;
		if (target_get(st, id, year, &old))
			snprintf(before, sizeof(before), "{\"target\":%lld}", (long long)old);
		snprintf(key, sizeof(key), "%s/%d", org_code, year);
		snprintf(after, sizeof(after), "{\"target\":%lld}", (long long)target);
		e = put(st, id, year, target);
		if (!e)
			e = audit_record(st, "target.set", "target", key, *before ? before : NULL, after);
		if (!e)
			e = store_commit(st);
		else
			store_rollback(st);
	}
	if (e)
		buf_addf(msg, "%s", store_errmsg(st));
	return e;
}

/* ---- import ---- */

enum tcol { T_ORG, T_YEAR, T_TARGET, T__MAX };

static const char *const tcol_names[T__MAX] = {"org_code", "year", "target"};

static const struct {
	const char *alias;
	enum tcol col;
} tcol_aliases[] = {
	{"org_code", T_ORG}, {"ma_to_chuc", T_ORG}, {"code", T_ORG}, {"ma", T_ORG},
	{"year", T_YEAR},    {"nam", T_YEAR},
	{"target", T_TARGET}, {"chi_tieu", T_TARGET}, {"chi_tieu_ket_nap", T_TARGET},
};

/* The column of a header key (csv_header_key), or -1. */
static int tcol_of(const char *key, const void *arg)
{
	(void)arg;
	for (size_t i = 0; i < sizeof(tcol_aliases) / sizeof(tcol_aliases[0]); i++)
		if (strcmp(key, tcol_aliases[i].alias) == 0)
			return (int)tcol_aliases[i].col;
	return -1;
}

struct trow {
	int64_t org;
	int year;
	int64_t target;
	long line;
};

static int cmp_trow(const void *a, const void *b)
{
	const struct trow *x = a, *y = b;
	if (x->org != y->org)
		return x->org < y->org ? -1 : 1;
	if (x->year != y->year)
		return x->year < y->year ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

enum err target_import(struct store *st, const char *path, bool dry_run, struct diag_list *dl, size_t *rows)
{
	*rows = 0;
	size_t before = diag_count(dl);
	struct csv_reader *r = csv_open_file(path, dl);
	if (!r)
		return ERR_INPUT;
	char *name = xstrdup(csv_name(r)); /* outlives the reader */
	int pos[T__MAX];
	static const bool required[T__MAX] = {1, 1, 1};
	csv_map_header(r, tcol_names, required, T__MAX, tcol_of, NULL, false,
		       "the columns are org_code, year, target", pos, dl);
	struct trow *v = NULL;
	size_t n = 0, cap = 0;
	struct csv_record rec;
	enum err e = ERR_OK;
	bool header_ok = diag_count(dl) == before;
	while (header_ok && csv_next(r, &rec, dl) == 1) {
		(*rows)++;
		const char *org = rec.field[pos[T_ORG]], *year = rec.field[pos[T_YEAR]],
			   *target = rec.field[pos[T_TARGET]];
		struct trow t = {.line = rec.line};
		int64_t y = 0;
		bool ok = !rec.bad;
		if (!*org) {
			diag_add(dl, name, rec.line, csv_header(r, (size_t)pos[T_ORG]), "the organization code is empty");
			ok = false;
		} else if ((e = org_id(st, org, &t.org)) == ERR_NOTFOUND) {
			diag_add(dl, name, rec.line, csv_header(r, (size_t)pos[T_ORG]), "no organization with code '%s'", org);
			ok = false;
			e = ERR_OK;
		} else if (e) {
			break;
		}
		if (!parse_count(year, &y) || y < TARGET_YEAR_MIN || y > TARGET_YEAR_MAX) {
			diag_add(dl, name, rec.line, csv_header(r, (size_t)pos[T_YEAR]), "'%s' is not a year (%d to %d)", year,
				 TARGET_YEAR_MIN, TARGET_YEAR_MAX);
			ok = false;
		}
		t.year = (int)y;
		if (!parse_count(target, &t.target)) {
			diag_add(dl, name, rec.line, csv_header(r, (size_t)pos[T_TARGET]),
				 "'%s' is not a whole number of members (digits only, e.g. 2050)", target);
			ok = false;
		}
		if (ok) {
			XGROW(v, cap, n + 1);
			v[n++] = t;
		}
	}
	csv_close(r);
	if (!e && n > 1) {
		qsort(v, n, sizeof(*v), cmp_trow);
		for (size_t i = 1; i < n; i++)
			if (v[i].org == v[i - 1].org && v[i].year == v[i - 1].year)
				diag_add(dl, name, v[i].line, tcol_names[T_YEAR],
					 "a second target for the same organization and year (first on line %ld)",
					 v[i - 1].line);
	}
	if (!e && diag_count(dl))
		e = ERR_INPUT;
	if (!e && !dry_run) {
		e = store_begin(st);
		for (size_t i = 0; i < n && !e; i++)
			e = put(st, v[i].org, v[i].year, v[i].target);
		if (!e) {
			char after[64];
			snprintf(after, sizeof(after), "{\"rows\":%zu}", n);
			e = audit_record(st, "target.import", "target", name, NULL, after);
		}
		if (!e)
			e = store_commit(st);
		else
			store_rollback(st);
	}
	free(v);
	free(name);
	return e;
}
