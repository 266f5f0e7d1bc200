/* scope: subtree membership of organizations and members, and the scope
 * check of an import. */
#include "app/scope.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "io/csv.h"

bool scope_contains(const struct tree *t, int scope, int org, date_t d)
{
	if (org == TREE_NONE || scope == TREE_NONE)
		return false;
	int f = tree_follow(t, org, d);
	date_t at = d;
	if (!tree_exists(t, f, d)) {
		const struct tree_org *o = &t->orgs[f];
		at = d >= o->dissolved ? o->dissolved - 1 : o->founded;
	}
	return tree_is_under(t, f, scope, at);
}

bool scope_is_everything(const struct tree *t, int scope, date_t d)
{
	if (scope == TREE_NONE)
		return false;
	for (size_t i = 0; i < t->n; i++)
		if ((int)i != scope && tree_exists(t, (int)i, d) && tree_parent_at(t, (int)i, d) == TREE_NONE)
			return false; /* another root */
	return tree_parent_at(t, scope, d) == TREE_NONE;
}

/* ---- the import check ---- */

/* The column of kind k a header names (as the importer maps it: folded,
 * spaces and dashes as underscores, then the alias table), or -1. */
static int column_of(enum import_kind k, const char *header)
{
	struct buf key;
	buf_init(&key, 0);
	text_fold_buf(&key, header);
	for (char *p = key.ptr; *p; p++)
		if (*p == ' ' || *p == '-')
			*p = '_';
	const char *const *cols = import_columns(k);
	int found = -1;
	for (int i = 0; cols[i] && found < 0; i++)
		if (strcmp(key.ptr, cols[i]) == 0)
			found = i;
	for (const struct import_alias *a = import_aliases(k); a->alias && found < 0; a++)
		if (strcmp(key.ptr, a->alias) == 0)
			for (int i = 0; cols[i]; i++)
				if (strcmp(a->column, cols[i]) == 0)
					found = i;
	buf_free(&key);
	return found;
}

/* The position of a column in kind k's table. */
static int col_index(enum import_kind k, const char *name)
{
	const char *const *cols = import_columns(k);
	for (int i = 0; cols[i]; i++)
		if (strcmp(cols[i], name) == 0)
			return i;
	return -1;
}

struct file {
	struct csv_reader *csv;
	enum import_kind kind;
	int field_of[32]; /* column -> csv field, -1 absent */
	struct csv_record rec;
};

static bool file_open(struct file *f, enum import_kind k, const char *path, const struct import_opts *o)
{
	struct diag_list ignore; /* reading problems are the importer's to report */
	diag_init(&ignore);
	memset(f, 0, sizeof(*f));
	f->kind = k;
	f->csv = o->data[k] ? csv_open_mem(path, o->data[k], o->size[k], &ignore) : csv_open_file(path, &ignore);
	diag_free(&ignore);
	if (!f->csv)
		return false;
	for (int i = 0; i < 32; i++)
		f->field_of[i] = -1;
	for (size_t i = 0; i < csv_header_count(f->csv); i++) {
		int c = column_of(k, csv_header(f->csv, i));
		if (c >= 0 && c < 32 && f->field_of[c] < 0)
			f->field_of[c] = (int)i;
	}
	return true;
}

static int file_next(struct file *f)
{
	struct diag_list ignore;
	diag_init(&ignore);
	int rc = csv_next(f->csv, &f->rec, &ignore);
	diag_free(&ignore);
	return rc;
}

/* The trimmed value of a column in the current record, "" if absent. */
static const char *value(struct file *f, const char *column, struct buf *b)
{
	buf_reset(b);
	int c = col_index(f->kind, column);
	int p = c >= 0 ? f->field_of[c] : -1;
	if (p < 0 || (size_t)p >= f->rec.n)
		return "";
	const char *s = f->rec.field[p];
	while (*s == ' ')
		s++;
	buf_adds(b, s);
	while (b->len && b->ptr[b->len - 1] == ' ')
		buf_truncate(b, b->len - 1);
	return b->ptr;
}

/* A new organization of orgs.csv and its parent. */
struct newborn {
	char *code, *parent;
};

static int cmp_newborn(const void *a, const void *b)
{
	return strcmp(((const struct newborn *)a)->code, ((const struct newborn *)b)->code);
}

struct check {
	struct registry *r;
	int scope;
	date_t d;
	struct diag_list *dl;
	struct newborn *nb; /* organizations orgs.csv adds, sorted by code */
	size_t nnb;
	struct buf v;
	bool bad;
};

static const struct newborn *find_newborn(const struct check *ck, const char *code)
{
	struct newborn key = {(char *)code, NULL};
	return ck->nnb ? bsearch(&key, ck->nb, ck->nnb, sizeof(*ck->nb), cmp_newborn) : NULL;
}

/* Is code inside the scope: an existing organization by the tree, a new
 * one of orgs.csv by its parent chain. Unknown codes pass (the importer
 * reports them). */
static bool code_ok(const struct check *ck, const char *code)
{
	for (int guard = 0; guard < 64 && code && *code; guard++) {
		int i = tree_find(&ck->r->tree, code);
		if (i != TREE_NONE)
			return scope_contains(&ck->r->tree, ck->scope, i, ck->d);
		const struct newborn *n = find_newborn(ck, code);
		if (!n)
			return true;
		code = n->parent;
	}
	return true;
}

static void outside(struct check *ck, struct file *f, const char *column, const char *what, const char *code)
{
	diag_add(ck->dl, csv_name(f->csv), f->rec.line, column, "%s %s is outside your part of the organization tree",
		 what, code);
	ck->bad = true;
}

static void check_code(struct check *ck, struct file *f, const char *column, const char *what)
{
	const char *code = value(f, column, &ck->v);
	if (*code && !code_ok(ck, code))
		outside(ck, f, column, what, code);
}

/* Where a stored member is now (tree index), TREE_NONE if not stored. */
static int member_org(struct registry *r, const char *member_id)
{
	struct store_stmt *s = store_stmt(r->st, STMT_MEMBER_ROWID);
	stmt_bind_text(s, 1, member_id);
	bool row;
	if (stmt_step(s, &row) || !row)
		return TREE_NONE;
	int64_t id = stmt_col_int(s, 0);
	stmt_step(s, &row);
	s = store_stmt(r->st, STMT_MEMBER_GET);
	stmt_bind_int(s, 1, id);
	if (stmt_step(s, &row) || !row)
		return TREE_NONE;
	int64_t org = stmt_col_int(s, 9);
	stmt_step(s, &row);
	for (size_t i = 0; i < r->tree.n; i++)
		if (r->tree.orgs[i].id == org)
			return (int)i;
	return TREE_NONE;
}

static void check_member(struct check *ck, struct file *f)
{
	const char *id = value(f, "member_id", &ck->v);
	if (!*id)
		return;
	int org = member_org(ck->r, id);
	if (org != TREE_NONE && !scope_contains(&ck->r->tree, ck->scope, org, ck->d))
		outside(ck, f, "member_id", "member", id);
}

enum err scope_check_import(struct registry *r, int scope, date_t d, const char *const paths[IMPORT__MAX],
			    const struct import_opts *o, struct diag_list *dl)
{
	if (scope_is_everything(&r->tree, scope, d))
		return ERR_OK;
	struct check ck = {.r = r, .scope = scope, .d = d, .dl = dl};
	buf_init(&ck.v, 0);
	struct file f;
	size_t cap = 0;
	/* orgs.csv first: the new organizations and their parents */
	if (paths[IMPORT_ORGS] && file_open(&f, IMPORT_ORGS, paths[IMPORT_ORGS], o)) {
		while (file_next(&f) == 1) {
			const char *code = value(&f, "code", &ck.v);
			if (!*code || tree_find(&r->tree, code) != TREE_NONE)
				continue;
			XGROW(ck.nb, cap, ck.nnb + 1);
			ck.nb[ck.nnb].code = xstrdup(code);
			ck.nb[ck.nnb].parent = xstrdup(value(&f, "parent_code", &ck.v));
			ck.nnb++;
		}
		csv_close(f.csv);
		if (ck.nnb > 1)
			qsort(ck.nb, ck.nnb, sizeof(*ck.nb), cmp_newborn);
	}
	for (int k = 0; k < IMPORT__MAX; k++) {
		if (!paths[k] || !file_open(&f, (enum import_kind)k, paths[k], o))
			continue;
		while (file_next(&f) == 1) {
			switch ((enum import_kind)k) {
			case IMPORT_ORGS:
				check_code(&ck, &f, "code", "organization");
				check_code(&ck, &f, "parent_code", "organization");
				break;
			case IMPORT_ORG_EVENTS:
				check_code(&ck, &f, "code", "organization");
				check_code(&ck, &f, "from_code", "organization");
				check_code(&ck, &f, "to_code", "organization");
				break;
			case IMPORT_MEMBERS:
				check_code(&ck, &f, "org_code", "organization");
				check_member(&ck, &f);
				break;
			case IMPORT_EVENTS:
				check_member(&ck, &f);
				check_code(&ck, &f, "org_code", "organization");
				check_code(&ck, &f, "to_org_code", "organization");
				break;
			case IMPORT__MAX:
				break;
			}
		}
		csv_close(f.csv);
	}
	for (size_t i = 0; i < ck.nnb; i++) {
		free(ck.nb[i].code);
		free(ck.nb[i].parent);
	}
	free(ck.nb);
	buf_free(&ck.v);
	return ck.bad ? ERR_PERM : ERR_OK;
}
