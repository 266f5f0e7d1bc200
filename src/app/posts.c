/* posts: recording, ending, listing, importing and exporting the posts
 * members hold (posts.h). */
#include "app/posts.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "app/registry.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "io/csv.h"

#define OPEN_END "9999-12-31"

void post_opts_default(struct post_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->rules.one_secretary = true;
}

/* A stored date: '9999-12-31' (and anything past the far future) is the
 * open end DATE_MAX. */
static date_t col_date(struct store_stmt *q, int i)
{
	const char *v = stmt_col_null(q, i) ? NULL : stmt_col_text(q, i);
	date_t d;
	if (!v || !date_parse(v, &d))
		return DATE_NONE;
	return d >= DATE_MAX ? DATE_MAX : d;
}

static void fmt_date(date_t d, char out[11])
{
	if (d >= DATE_MAX)
		memcpy(out, OPEN_END, sizeof(OPEN_END));
	else
		date_format(d, out);
}

static char *col_dup(struct store_stmt *q, int i)
{
	const char *v = stmt_col_null(q, i) ? NULL : stmt_col_text(q, i);
	return xstrdup(v ? v : "");
}

/* The database row of a member, or 0 (ERR_NOTFOUND). */
static enum err member_row(struct store *st, const char *member_id, int64_t *id)
{
	struct store_stmt *q = store_stmt(st, STMT_MEMBER_ROWID);
	stmt_bind_text(q, 1, member_id);
	bool row;
	enum err e = stmt_step(q, &row);
	*id = !e && row ? stmt_col_int(q, 0) : 0;
	if (!e && row)
		e = stmt_step(q, &row);
	if (!e && !*id)
		e = ERR_NOTFOUND;
	return e;
}

/* Whether one of the member's membership spans holds day d (contract §2:
 * a member from decision_date until an exit). ISO dates compare as text. */
static enum err member_on(struct store *st, int64_t id, date_t d, bool *yes)
{
	char day[11];
	date_format(d, day);
	struct store_stmt *q = store_stmt(st, STMT_MSPAN_OF_MEMBER);
	stmt_bind_int(q, 1, id);
	bool row;
	enum err e;
	*yes = false;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		const char *f = stmt_col_text(q, 1), *t = stmt_col_text(q, 2);
		if (f && t && strcmp(f, day) <= 0 && strcmp(day, t) < 0)
			*yes = true;
	}
	return e;
}

/* The posts stored at one organization. */
struct org_posts {
	struct post_period *p;
	int64_t *id;
	char **member_id, **unit, **ref;
	bool *standing;
	size_t n, cap;
};

static void org_posts_free(struct org_posts *op)
{
	for (size_t i = 0; i < op->n; i++) {
		free(op->member_id[i]);
		free(op->unit[i]);
		free(op->ref[i]);
	}
	free(op->p);
	free(op->id);
	free(op->member_id);
	free(op->unit);
	free(op->ref);
	free(op->standing);
	memset(op, 0, sizeof(*op));
}

static enum err org_posts_load(struct store *st, int64_t org_id, struct org_posts *op)
{
	memset(op, 0, sizeof(*op));
	struct store_stmt *q = store_stmt(st, STMT_POST_OF_ORG);
	stmt_bind_int(q, 1, org_id);
	bool row;
	enum err e;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		enum post_kind k;
		if (!post_kind_parse(stmt_col_text(q, 3), &k))
			continue;
		size_t cap = op->cap;
		XGROW(op->p, cap, op->n + 1);
		op->id = xrealloc(op->id, cap * sizeof(*op->id));
		op->member_id = xrealloc(op->member_id, cap * sizeof(char *));
		op->unit = xrealloc(op->unit, cap * sizeof(char *));
		op->ref = xrealloc(op->ref, cap * sizeof(char *));
		op->standing = xrealloc(op->standing, cap * sizeof(bool));
		op->cap = cap;
		size_t i = op->n++;
		op->id[i] = stmt_col_int(q, 0);
		op->p[i] = (struct post_period){stmt_col_int(q, 1), k, col_date(q, 4), col_date(q, 5)};
		op->member_id[i] = col_dup(q, 2);
		op->unit[i] = col_dup(q, 6);
		op->standing[i] = stmt_col_int(q, 7) != 0;
		op->ref[i] = col_dup(q, 8);
	}
	return e;
}

/* Why post_check refused p, against others[clash] (member_ids mid). */
static void explain(struct buf *msg, enum post_problem pb, const struct post_period *p, const char *member_id,
		    const char *org, const struct post_period *other, const char *other_id)
{
	char f[11], t[11];
	date_format_vn(other ? other->from : p->from, f);
	if (other && other->to < DATE_MAX)
		date_format_vn(other->to, t);
	else
		snprintf(t, sizeof(t), "now");
	switch (pb) {
	case POST_BAD_DATES:
		buf_addf(msg, "the post must end after it starts (from %s)", f);
		break;
	case POST_OVERLAP:
		buf_addf(msg, "%s already holds the post %s at %s from %s to %s: periods of the same post overlap",
			 member_id, post_kind_info(p->kind)->label, org, f, t);
		break;
	case POST_SECOND_SECRETARY:
		buf_addf(msg,
			 "%s is already secretary of %s from %s to %s: one secretary per organization at a time "
			 "(QĐ 294-QĐ/TW §23; --allow-second-secretary if the upper level decided otherwise)",
			 other_id, org, f, t);
		break;
	default:
		break;
	}
}

/* The audit JSON of one post (caller frees). */
static char *post_json(const char *member_id, enum post_kind k, const char *org, const char *unit, date_t from,
		       date_t to, bool standing, const char *ref)
{
	char f[11], t[11] = "";
	date_format(from, f);
	if (to < DATE_MAX)
		date_format(to, t);
	json_t *j = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:s}", "member_id", member_id, "kind",
			      post_kind_info(k)->name, "org_code", org, "unit", unit ? unit : "", "from", f, "to", t,
			      "standing", standing, "ref", ref ? ref : "");
	char *s = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(j);
	return s;
}

static enum err insert(struct store *st, int64_t member, enum post_kind k, int64_t org_id, const char *unit,
		       date_t from, date_t to, bool standing, const char *ref)
{
	char f[11], t[11];
	date_format(from, f);
	fmt_date(to, t);
	struct store_stmt *q = store_stmt(st, STMT_POST_INSERT);
	stmt_bind_int(q, 1, member);
	stmt_bind_text(q, 2, post_kind_info(k)->name);
	stmt_bind_int(q, 3, org_id);
	if (unit && *unit)
		stmt_bind_text(q, 4, unit);
	else
		stmt_bind_null(q, 4);
	stmt_bind_text(q, 5, f);
	stmt_bind_text(q, 6, t);
	stmt_bind_int(q, 7, standing ? 1 : 0);
	if (ref && *ref)
		stmt_bind_text(q, 8, ref);
	else
		stmt_bind_null(q, 8);
	return stmt_exec(q);
}

static enum err update(struct store *st, int64_t id, const char *unit, date_t to, bool standing, const char *ref)
{
	char t[11];
	fmt_date(to, t);
	struct store_stmt *q = store_stmt(st, STMT_POST_UPDATE);
	if (unit && *unit)
		stmt_bind_text(q, 1, unit);
	else
		stmt_bind_null(q, 1);
	stmt_bind_text(q, 2, t);
	stmt_bind_int(q, 3, standing ? 1 : 0);
	if (ref && *ref)
		stmt_bind_text(q, 4, ref);
	else
		stmt_bind_null(q, 4);
	stmt_bind_int(q, 5, id);
	return stmt_exec(q);
}

/* Opens the registry's tree, with its problems in msg. */
static enum err open_tree(struct store *st, struct registry *reg, struct buf *msg)
{
	struct diag_list dl;
	diag_init(&dl);
	enum err e = registry_open(st, reg, &dl);
	if (e) {
		buf_addf(msg, "reading the organizations: %s", diag_count(&dl) ? "the stored tree has problems" : store_errmsg(st));
	}
	diag_free(&dl);
	return e;
}

enum err post_add(struct store *st, const struct post_input *in, const struct post_opts *o, struct buf *msg)
{
	struct registry reg;
	enum err e = open_tree(st, &reg, msg);
	if (e)
		return e;
	date_t to = in->to == DATE_NONE || in->to >= DATE_MAX ? DATE_MAX : in->to;
	int org = tree_find(&reg.tree, in->org_code);
	int64_t member = 0;
	bool on = false;
	struct org_posts op = {0};
	if (org == TREE_NONE) {
		buf_addf(msg, "no organization with code '%s'", in->org_code);
		e = ERR_NOTFOUND;
		goto out;
	}
	e = member_row(st, in->member_id, &member);
	if (e == ERR_NOTFOUND)
		buf_addf(msg, "no member with member_id '%s'", in->member_id);
	if (e)
		goto out;
	if (to <= in->from) {
		buf_adds(msg, "--to must be after --from (to is the first day the post is no longer held)");
		e = ERR_REFUSED;
		goto out;
	}
	if ((e = member_on(st, member, in->from, &on)) != ERR_OK)
		goto out;
	if (!on) {
		char f[11];
		date_format_vn(in->from, f);
		buf_addf(msg, "%s is not a member of the Party on %s: posts are recorded for members from the day they are members",
			 in->member_id, f);
		e = ERR_REFUSED;
		goto out;
	}
	if ((e = store_begin(st)) != ERR_OK)
		goto out;
	e = org_posts_load(st, reg.tree.orgs[org].id, &op);
	struct post_period p = {member, in->kind, in->from, to};
	size_t clash = 0;
	enum post_problem pb = e ? POST_OK : post_check(&p, op.p, op.n, &o->rules, &clash);
	if (pb != POST_OK) {
		explain(msg, pb, &p, in->member_id, in->org_code, pb == POST_BAD_DATES ? NULL : &op.p[clash],
			pb == POST_BAD_DATES ? NULL : op.member_id[clash]);
		e = ERR_REFUSED;
	}
	if (!e)
		e = insert(st, member, in->kind, reg.tree.orgs[org].id, in->unit, in->from, to, in->standing, in->ref);
	if (!e) {
		char *after = post_json(in->member_id, in->kind, in->org_code, in->unit, in->from, to, in->standing, in->ref);
		e = audit_record(st, "post.add", "post", in->member_id, NULL, after);
		free(after);
	}
	if (!e)
		e = store_commit(st);
	else
		store_rollback(st);
	if (e && e != ERR_REFUSED && !msg->len)
		buf_adds(msg, store_errmsg(st));
out:
	org_posts_free(&op);
	registry_close(&reg);
	return e;
}

enum err post_end(struct store *st, const char *member_id, enum post_kind kind, const char *org_code, date_t d,
		  struct buf *msg)
{
	struct registry reg;
	enum err e = open_tree(st, &reg, msg);
	if (e)
		return e;
	int org = tree_find(&reg.tree, org_code);
	int64_t member = 0;
	struct org_posts op = {0};
	if (org == TREE_NONE) {
		buf_addf(msg, "no organization with code '%s'", org_code);
		e = ERR_NOTFOUND;
		goto out;
	}
	e = member_row(st, member_id, &member);
	if (e == ERR_NOTFOUND)
		buf_addf(msg, "no member with member_id '%s'", member_id);
	if (e || (e = store_begin(st)) != ERR_OK)
		goto out;
	e = org_posts_load(st, reg.tree.orgs[org].id, &op);
	size_t hit = op.n;
	for (size_t i = 0; i < op.n && !e && hit == op.n; i++)
		if (op.p[i].member == member && op.p[i].kind == kind && op.p[i].from < d && d <= op.p[i].to)
			hit = i;
	char day[11];
	date_format_vn(d, day);
	if (!e && hit == op.n) {
		bool starts = false;
		for (size_t i = 0; i < op.n; i++)
			if (op.p[i].member == member && op.p[i].kind == kind && op.p[i].from == d)
				starts = true;
		if (starts) {
			buf_addf(msg, "the post %s of %s at %s starts on %s: it must end after it starts",
				 post_kind_info(kind)->label, member_id, org_code, day);
			e = ERR_REFUSED;
		} else {
			buf_addf(msg, "%s holds no post %s at %s on the day before %s", member_id, post_kind_info(kind)->label,
				 org_code, day);
			e = ERR_NOTFOUND;
		}
	}
	if (!e) {
		const struct post_period *p = &op.p[hit];
		char *before = post_json(member_id, kind, org_code, op.unit[hit], p->from, p->to, op.standing[hit], op.ref[hit]);
		char *after = post_json(member_id, kind, org_code, op.unit[hit], p->from, d, op.standing[hit], op.ref[hit]);
		e = update(st, op.id[hit], op.unit[hit], d, op.standing[hit], op.ref[hit]);
		if (!e)
			e = audit_record(st, "post.end", "post", member_id, before, after);
		free(before);
		free(after);
	}
	if (!e)
		e = store_commit(st);
	else
		store_rollback(st);
	if (e && e != ERR_REFUSED && e != ERR_NOTFOUND && !msg->len)
		buf_adds(msg, store_errmsg(st));
out:
	org_posts_free(&op);
	registry_close(&reg);
	return e;
}

void post_recs_free(struct post_rec *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].member_id);
		free(v[i].full_name);
		free(v[i].org_code);
		free(v[i].unit);
		free(v[i].ref);
	}
	free(v);
}

static int cmp_list(const void *a, const void *b)
{
	const struct post_rec *x = a, *y = b;
	int c = strcmp(x->org_code, y->org_code);
	if (!c)
		c = (int)x->kind - (int)y->kind;
	if (!c)
		c = x->from < y->from ? -1 : x->from > y->from;
	if (!c)
		c = strcmp(x->member_id, y->member_id);
	return c;
}

/* Reads every post in the scope (post_list), unsorted. */
static enum err read_posts(struct store *st, const char *org, date_t as_of, struct post_rec **out, size_t *n,
			   struct buf *msg)
{
	*out = NULL;
	*n = 0;
	struct registry reg;
	enum err e = open_tree(st, &reg, msg);
	if (e)
		return e;
	int root = TREE_NONE;
	date_t day = as_of == DATE_NONE ? date_today() : as_of;
	if (org && (root = tree_find(&reg.tree, org)) == TREE_NONE) {
		buf_addf(msg, "no organization with code '%s'", org);
		registry_close(&reg);
		return ERR_NOTFOUND;
	}
	struct post_rec *v = NULL;
	size_t cap = 0;
	struct store_stmt *q = store_stmt(st, STMT_POST_ALL);
	bool row;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		/* id,member_id,full_name,kind,org code,org_id,unit,from,to,standing,ref,member */
		enum post_kind k;
		if (!post_kind_parse(stmt_col_text(q, 3), &k))
			continue;
		date_t from = col_date(q, 7), to = col_date(q, 8);
		if (as_of != DATE_NONE && !(from <= as_of && as_of < to))
			continue;
		if (root != TREE_NONE) {
			int o = tree_find(&reg.tree, stmt_col_text(q, 4));
			if (o == TREE_NONE || !tree_is_under(&reg.tree, o, root, day))
				continue;
		}
		XGROW(v, cap, *n + 1);
		v[(*n)++] = (struct post_rec){col_dup(q, 1), col_dup(q, 2), col_dup(q, 4), col_dup(q, 6), col_dup(q, 10),
					      k, from, to, stmt_col_int(q, 9) != 0};
	}
	if (e)
		buf_addf(msg, "reading the posts: %s", store_errmsg(st));
	registry_close(&reg);
	*out = v;
	return e;
}

enum err post_list(struct store *st, const char *org, date_t as_of, struct post_rec **out, size_t *n,
		   struct buf *msg)
{
	enum err e = read_posts(st, org, as_of, out, n, msg);
	if (!e && *n)
		qsort(*out, *n, sizeof(**out), cmp_list);
	return e;
}

static int cmp_export(const void *a, const void *b)
{
	const struct post_rec *x = a, *y = b;
	int c = strcmp(x->member_id, y->member_id);
	if (!c)
		c = strcmp(post_kind_info(x->kind)->name, post_kind_info(y->kind)->name);
	if (!c)
		c = strcmp(x->org_code, y->org_code);
	if (!c)
		c = x->from < y->from ? -1 : x->from > y->from;
	return c;
}

enum pcol { P_MEMBER, P_KIND, P_ORG, P_UNIT, P_FROM, P_TO, P_STANDING, P_REF, P__MAX };

static const char *const pcol_names[P__MAX] = {"member_id", "kind", "org_code", "unit",
					       "from", "to", "standing", "ref"};

enum err posts_export_csv(struct store *st, const char *org, date_t as_of, FILE *out, struct buf *msg)
{
	struct post_rec *v;
	size_t n;
	enum err e = read_posts(st, org, as_of, &v, &n, msg);
	if (e)
		return e;
	if (n)
		qsort(v, n, sizeof(*v), cmp_export);
	struct buf b;
	buf_init(&b, 0);
	csv_put_row(&b, pcol_names, P__MAX);
	for (size_t i = 0; i < n; i++) {
		char f[11], t[11] = "";
		date_format(v[i].from, f);
		if (v[i].to < DATE_MAX)
			date_format(v[i].to, t);
		const char *row[P__MAX] = {v[i].member_id, post_kind_info(v[i].kind)->name, v[i].org_code, v[i].unit,
					   f, t, v[i].standing ? "yes" : "no", v[i].ref};
		csv_put_row(&b, row, P__MAX);
	}
	if (fwrite(b.ptr, 1, b.len, out) != b.len || fflush(out) != 0) {
		buf_adds(msg, "writing the posts failed");
		e = ERR_IO;
	}
	buf_free(&b);
	post_recs_free(v, n);
	return e;
}

/* Header spellings (folded, words joined by '_') -> column. */
static const struct {
	const char *alias;
	enum pcol col;
} pcol_aliases[] = {
	{"ma_dang_vien", P_MEMBER}, {"so_ly_lich", P_MEMBER},
	{"chuc_danh", P_KIND}, {"chuc_vu", P_KIND}, {"loai_chuc_danh", P_KIND},
	{"ma_to_chuc", P_ORG}, {"ma_to_chuc_dang", P_ORG},
	{"don_vi", P_UNIT}, {"ten_don_vi", P_UNIT},
	{"tu_ngay", P_FROM}, {"ngay_bat_dau", P_FROM},
	{"den_ngay", P_TO}, {"ngay_ket_thuc", P_TO},
	{"thuong_vu", P_STANDING}, {"uy_vien_thuong_vu", P_STANDING}, {"trong_ban_thuong_vu", P_STANDING},
	{"quyet_dinh", P_REF}, {"so_quyet_dinh", P_REF},
};

/* The column of a header key (csv_header_key), or -1. */
static int pcol_of(const char *key, const void *arg)
{
	(void)arg;
	for (int i = 0; i < P__MAX; i++)
		if (strcmp(key, pcol_names[i]) == 0)
			return i;
	for (size_t i = 0; i < sizeof(pcol_aliases) / sizeof(pcol_aliases[0]); i++)
		if (strcmp(key, pcol_aliases[i].alias) == 0)
			return (int)pcol_aliases[i].col;
	return -1;
}

static bool parse_yes_no(const char *s, bool *out)
{
	char *k = text_fold(s);
	bool ok = true;
	if (!*k || strcmp(k, "no") == 0 || strcmp(k, "khong") == 0 || strcmp(k, "0") == 0)
		*out = false;
	else if (strcmp(k, "yes") == 0 || strcmp(k, "co") == 0 || strcmp(k, "1") == 0 || strcmp(k, "x") == 0)
		*out = true;
	else
		ok = false;
	free(k);
	return ok;
}

/* One good row of posts.csv. */
struct prow {
	char *member_id, *org_code, *unit, *ref;
	int64_t org_id, replaces; /* replaces: the stored post it replaces, or 0 */
	struct post_period p;
	bool standing;
	long line;
};

enum err posts_import(struct store *st, const char *path, const struct post_opts *o, struct diag_list *dl,
		      size_t *rows)
{
	*rows = 0;
	struct registry reg;
	enum err e = registry_open(st, &reg, dl);
	if (e)
		return e;
	size_t before = diag_count(dl);
	struct csv_reader *r = csv_open_file(path, dl);
	if (!r) {
		registry_close(&reg);
		return ERR_INPUT;
	}
	char *name = xstrdup(csv_name(r));
	int pos[P__MAX];
	bool required[P__MAX] = {0};
	for (int c = P_MEMBER; c <= P_FROM; c++)
		required[c] = c != P_UNIT;
	csv_map_header(r, pcol_names, required, P__MAX, pcol_of, NULL, false,
		       "the columns are member_id, kind, org_code, unit, from, to, standing, ref", pos, dl);
	struct prow *v = NULL;
	size_t n = 0, cap = 0;
	struct csv_record rec;
	bool header_ok = diag_count(dl) == before;
	while (!e && header_ok && csv_next(r, &rec, dl) == 1) {
		(*rows)++;
#define F(c) (pos[c] >= 0 ? rec.field[pos[c]] : "")
#define H(c) (pos[c] >= 0 ? csv_header(r, (size_t)pos[c]) : pcol_names[c])
		struct prow w = {.line = rec.line};
		bool ok = !rec.bad;
		const char *mid = F(P_MEMBER), *kind = F(P_KIND), *code = F(P_ORG), *from = F(P_FROM), *to = F(P_TO);
		if (!post_kind_parse(kind, &w.p.kind)) {
			diag_add(dl, name, rec.line, H(P_KIND),
				 "'%s' is not a kind of post (secretary, deputy, standing, committee, cell_committee, "
				 "council_chair, people_chair, police_chief, unit_head, front_chair, ... or their "
				 "Vietnamese names: docs/cadres.md)",
				 kind);
			ok = false;
		}
		int org = tree_find(&reg.tree, code);
		if (org == TREE_NONE) {
			diag_add(dl, name, rec.line, H(P_ORG), "no organization with code '%s'", code);
			ok = false;
		} else {
			w.org_id = reg.tree.orgs[org].id;
		}
		if (!date_parse(from, &w.p.from)) {
			diag_add(dl, name, rec.line, H(P_FROM), "'%s' is not a date (YYYY-MM-DD or dd/mm/yyyy)", from);
			ok = false;
			w.p.from = DATE_NONE;
		}
		w.p.to = DATE_MAX;
		if (*to && !date_parse(to, &w.p.to)) {
			diag_add(dl, name, rec.line, H(P_TO), "'%s' is not a date (YYYY-MM-DD or dd/mm/yyyy), or empty while the post is held", to);
			ok = false;
		} else if (*to && w.p.from != DATE_NONE && w.p.to <= w.p.from) {
			diag_add(dl, name, rec.line, H(P_TO), "the post must end after it starts (%s is not after %s)", to, from);
			ok = false;
		}
		if (!parse_yes_no(F(P_STANDING), &w.standing)) {
			diag_add(dl, name, rec.line, H(P_STANDING), "'%s' is not yes or no", F(P_STANDING));
			ok = false;
		}
		enum err me = member_row(st, mid, &w.p.member);
		if (me == ERR_NOTFOUND) {
			diag_add(dl, name, rec.line, H(P_MEMBER), "no member with member_id '%s'", mid);
			ok = false;
		} else if (me) {
			e = me;
		} else if (w.p.from != DATE_NONE) {
			bool on = false;
			e = member_on(st, w.p.member, w.p.from, &on);
			if (!e && !on) {
				diag_add(dl, name, rec.line, H(P_FROM),
					 "%s is not a member of the Party on %s: posts are recorded for members", mid, from);
				ok = false;
			}
		}
		if (ok && !e) {
			/* the periods already at that organization: stored (less the one
			 * this row replaces) and earlier rows of the file */
			struct org_posts op;
			e = org_posts_load(st, w.org_id, &op);
			struct post_period *others = xcalloc(op.n + n + 1, sizeof(*others));
			const char **ids = xcalloc(op.n + n + 1, sizeof(*ids));
			long *lines = xcalloc(op.n + n + 1, sizeof(*lines));
			size_t no = 0;
			for (size_t i = 0; i < op.n; i++) {
				if (op.p[i].member == w.p.member && op.p[i].kind == w.p.kind && op.p[i].from == w.p.from) {
					w.replaces = op.id[i];
					continue;
				}
				bool replaced = false; /* by an earlier row: that row is checked instead */
				for (size_t j = 0; j < n && !replaced; j++)
					replaced = v[j].replaces == op.id[i];
				if (replaced)
					continue;
				others[no] = op.p[i];
				ids[no++] = op.member_id[i];
			}
			for (size_t i = 0; i < n && ok; i++) {
				if (v[i].org_id != w.org_id)
					continue;
				if (v[i].p.member == w.p.member && v[i].p.kind == w.p.kind && v[i].p.from == w.p.from) {
					diag_add(dl, name, rec.line, H(P_MEMBER),
						 "the same post of %s from %s is given twice (first on line %ld)", mid, from,
						 v[i].line);
					ok = false;
				}
				lines[no] = v[i].line;
				others[no] = v[i].p;
				ids[no++] = v[i].member_id;
			}
			size_t clash = 0;
			enum post_problem pb = ok ? post_check(&w.p, others, no, &o->rules, &clash) : POST_OK;
			if (pb != POST_OK) {
				struct buf m;
				buf_init(&m, 0);
				explain(&m, pb, &w.p, mid, code, &others[clash], ids[clash]);
				if (lines[clash])
					buf_addf(&m, " (line %ld)", lines[clash]);
				diag_add(dl, name, rec.line, H(pb == POST_SECOND_SECRETARY ? P_KIND : P_FROM), "%s", m.ptr);
				buf_free(&m);
				ok = false;
			}
			free(others);
			free(ids);
			free(lines);
			org_posts_free(&op);
		}
		if (ok && !e) {
			w.member_id = xstrdup(mid);
			w.org_code = xstrdup(code);
			w.unit = xstrdup(F(P_UNIT));
			w.ref = xstrdup(F(P_REF));
			XGROW(v, cap, n + 1);
			v[n++] = w;
		}
#undef F
#undef H
	}
	csv_close(r);
	if (!e && diag_count(dl))
		e = ERR_INPUT;
	if (!e && !o->dry_run) {
		e = store_begin(st);
		for (size_t i = 0; i < n && !e; i++)
			e = v[i].replaces ? update(st, v[i].replaces, v[i].unit, v[i].p.to, v[i].standing, v[i].ref)
					  : insert(st, v[i].p.member, v[i].p.kind, v[i].org_id, v[i].unit, v[i].p.from,
						   v[i].p.to, v[i].standing, v[i].ref);
		if (!e) {
			char after[64];
			snprintf(after, sizeof(after), "{\"rows\":%zu}", n);
			e = audit_record(st, "posts.import", "posts", name, NULL, after);
		}
		if (!e)
			e = store_commit(st);
		else
			store_rollback(st);
	}
	for (size_t i = 0; i < n; i++) {
		free(v[i].member_id);
		free(v[i].org_code);
		free(v[i].unit);
		free(v[i].ref);
	}
	free(v);
	free(name);
	registry_close(&reg);
	return e;
}
