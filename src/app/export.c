#define _GNU_SOURCE /* qsort_r */
/* export: writing orgs.csv, org_events.csv, members.csv, events.csv and
 * ratings.csv. */
#include "app/export.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "app/registry.h"
#include "core/buf.h"
#include "core/xalloc.h"
#include "io/csv.h"

struct exporter {
	struct registry reg;
	const struct export_opts *o;
	int root;    /* TREE_NONE: everything */
	bool *keep;  /* with a root: the organizations orgs.csv and org_events.csv write */
	date_t day;
	FILE *out;
	struct buf b;
};

static void flush(struct exporter *x, bool force)
{
	if (force || x->b.len > (1u << 20)) {
		fwrite(x->b.ptr, 1, x->b.len, x->out);
		buf_reset(&x->b);
	}
}

static void put_date(char *buf, date_t d, date_t none)
{
	if (d == none || d == DATE_NONE)
		buf[0] = '\0';
	else
		date_format(d, buf);
}

static bool in_scope(struct exporter *x, int org)
{
	return x->root == TREE_NONE || (org != TREE_NONE && tree_is_under(&x->reg.tree, org, x->root, x->day));
}

/* Calls fn for every member whose organization is in the subtree on the
 * day (every member without --org), in member_id order, with the member's
 * events when events is true. */
static enum err each_member_in_scope(struct exporter *x, bool events,
				     void (*fn)(struct exporter *, const struct member_rec *, const struct event_rec *,
						size_t))
{
	struct store_stmt *s = store_stmt(x->reg.st, STMT_MEMBER_ALL);
	char **ids = NULL;
	size_t n = 0, cap = 0;
	bool row;
	enum err e;
	while ((e = stmt_step(s, &row)) == ERR_OK && row) {
		XGROW(ids, cap, n + 1);
		ids[n++] = xstrdup(stmt_col_text(s, 1));
	}
	for (size_t i = 0; i < n && !e; i++) {
		struct member_rec m;
		struct event_rec *ev = NULL;
		size_t nev = 0;
		e = registry_member_get(&x->reg, ids[i], &m, events ? &ev : NULL, &nev);
		if (e)
			break;
		if (in_scope(x, tree_follow(&x->reg.tree, m.org, x->day)))
			fn(x, &m, ev, nev);
		events_free(ev, nev);
		member_rec_free(&m);
	}
	for (size_t i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	return e;
}

/* Adds org to the set; true if it was not there. */
static bool keep_add(bool *keep, int org)
{
	if (org == TREE_NONE || keep[org])
		return false;
	keep[org] = true;
	return true;
}

/* The organizations a member's history names. */
static void keep_member_orgs(struct exporter *x, const struct member_rec *m, const struct event_rec *ev, size_t nev)
{
	keep_add(x->keep, m->org);
	for (size_t k = 0; k < nev; k++) {
		keep_add(x->keep, ev[k].org);
		keep_add(x->keep, ev[k].to_org);
	}
}

/* The organizations a subtree's files need to be imported into an empty
 * database: those under the root on the day, every organization the
 * history of the subtree's members names (where a member was moved from),
 * and then, until nothing changes, each kept organization's parents over
 * its whole history, where it merged, and the organizations its events
 * name. The ancestors up to the root of the whole tree come with them, so
 * that the files form a tree; their other children do not. */
static enum err keep_closure(struct exporter *x)
{
	struct tree *t = &x->reg.tree;
	x->keep = xcalloc(t->n + 1, sizeof(bool));
	for (size_t i = 0; i < t->n; i++)
		x->keep[i] = in_scope(x, (int)i);
	enum err e = each_member_in_scope(x, true, keep_member_orgs);
	for (bool more = true; more && !e;) {
		more = false;
		for (size_t i = 0; i < t->n; i++) {
			if (!x->keep[i])
				continue;
			const struct tree_org *o = &t->orgs[i];
			more |= keep_add(x->keep, o->parent);
			more |= keep_add(x->keep, o->merged_into);
			for (size_t k = o->span0; k < o->span0 + o->nspan; k++)
				more |= keep_add(x->keep, t->spans[k].parent);
		}
		for (size_t i = 0; i < t->nev; i++)
			if (x->keep[t->events[i].org]) {
				more |= keep_add(x->keep, t->events[i].from);
				more |= keep_add(x->keep, t->events[i].to);
			}
	}
	return e;
}

/* Whether orgs.csv and org_events.csv write org. */
static bool kept(struct exporter *x, int org)
{
	return x->root == TREE_NONE || (org != TREE_NONE && x->keep[org]);
}

static int cmp_idx_code(const void *a, const void *b, void *t)
{
	const struct tree *tr = t;
	return strcmp(tr->orgs[*(const int *)a].code, tr->orgs[*(const int *)b].code);
}

static void export_orgs(struct exporter *x)
{
	static const char *const head[] = {"code", "name", "kind", "parent_code", "category", "unit_code",
					   "founded_on", "dissolved_on"};
	csv_put_row(&x->b, head, 8);
	struct tree *t = &x->reg.tree;
	int *order = xmalloc(sizeof(int) * (t->n + 1));
	for (size_t i = 0; i < t->n; i++)
		order[i] = (int)i;
	qsort_r(order, t->n, sizeof(int), cmp_idx_code, t);
	for (size_t k = 0; k < t->n; k++) {
		const struct tree_org *o = &t->orgs[order[k]];
		if (!kept(x, order[k]))
			continue;
		char f[11], d[11];
		put_date(f, o->founded, DATE_MIN);
		put_date(d, o->dissolved, DATE_MAX);
		const char *row[] = {o->code, o->name, org_kind_name(o->kind),
				     o->parent == TREE_NONE ? "" : t->orgs[o->parent].code, o->category,
				     o->unit_code, f, d};
		csv_put_row(&x->b, row, 8);
		flush(x, false);
	}
	free(order);
}

static int cmp_event(const void *a, const void *b, void *arg)
{
	const struct tree *t = arg;
	const struct tree_event *x = a, *y = b;
	int c = strcmp(t->orgs[x->org].code, t->orgs[y->org].code);
	if (c)
		return c;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return x->line < y->line ? -1 : (x->line > y->line);
}

static void export_org_events(struct exporter *x)
{
	static const char *const head[] = {"code", "date", "type", "from_code", "to_code", "old_name", "new_name"};
	csv_put_row(&x->b, head, 7);
	struct tree *t = &x->reg.tree;
	struct tree_event *ev = xmalloc(sizeof(*ev) * (t->nev + 1));
	memcpy(ev, t->events, sizeof(*ev) * t->nev);
	qsort_r(ev, t->nev, sizeof(*ev), cmp_event, t);
	for (size_t i = 0; i < t->nev; i++) {
		if (!kept(x, ev[i].org))
			continue;
		char d[11];
		date_format(ev[i].date, d);
		const char *row[] = {t->orgs[ev[i].org].code, d, org_event_type_name(ev[i].type),
				     ev[i].from == TREE_NONE ? "" : t->orgs[ev[i].from].code,
				     ev[i].to == TREE_NONE ? "" : t->orgs[ev[i].to].code, ev[i].old_name, ev[i].new_name};
		csv_put_row(&x->b, row, 7);
		flush(x, false);
	}
	free(ev);
}

/* One member's rows of events.csv. */
static void put_events(struct exporter *x, const struct member_rec *m, const struct event_rec *ev, size_t nev)
{
	const struct tree *t = &x->reg.tree;
	for (size_t k = 0; k < nev; k++) {
		char d[11];
		date_format(ev[k].date, d);
		const char *r[] = {m->member_id, d, event_type_name(ev[k].type),
				   ev[k].org == TREE_NONE ? "" : t->orgs[ev[k].org].code,
				   ev[k].to_org == TREE_NONE ? "" : t->orgs[ev[k].to_org].code, ev[k].detail};
		csv_put_row(&x->b, r, 6);
	}
	flush(x, false);
}

/* One member's row of members.csv. */
static void put_member(struct exporter *x, const struct member_rec *m, const struct event_rec *ev, size_t nev)
{
	(void)ev;
	(void)nev;
	char b[11], d[11], c[11], o[11];
	put_date(b, m->birth_date, DATE_NONE);
	put_date(d, m->decision_date, DATE_NONE);
	put_date(c, m->ceremony_date, DATE_NONE);
	put_date(o, m->official_date, DATE_NONE);
	const char *r[] = {m->member_id, m->full_name, m->gender, b, m->ethnicity, m->religion,
			   m->card_number, x->reg.tree.orgs[m->org].code, d, c, o,
			   member_status_name(m->status), m->education, m->profession_level,
			   m->theory_level, m->occupation, m->hometown};
	csv_put_row(&x->b, r, 17);
	flush(x, false);
}

static enum err export_members(struct exporter *x, bool events)
{
	static const char *const mhead[] = {"member_id", "full_name", "gender", "birth_date", "ethnicity",
					    "religion", "card_number", "org_code", "decision_date",
					    "ceremony_date", "official_date", "status", "education",
					    "profession_level", "theory_level", "occupation", "hometown"};
	static const char *const ehead[] = {"member_id", "date", "type", "org_code", "to_org_code", "detail"};
	if (events)
		csv_put_row(&x->b, ehead, 6);
	else
		csv_put_row(&x->b, mhead, 17);
	return each_member_in_scope(x, events, events ? put_events : put_member);
}

/* Loads the tree and finds the subtree's root. On failure *errmsg says why
 * and nothing is left open. */
static enum err exporter_open(struct exporter *x, struct store *st, const struct export_opts *o, FILE *out,
			      char **errmsg)
{
	*x = (struct exporter){.o = o, .out = out, .root = TREE_NONE};
	struct diag_list dl;
	diag_init(&dl);
	enum err e = registry_open(st, &x->reg, &dl);
	diag_free(&dl);
	if (e) {
		*errmsg = xasprintf("cannot read the organizations: %s", store_errmsg(st));
		registry_close(&x->reg);
		return e;
	}
	x->day = o->as_of != DATE_NONE ? o->as_of : x->reg.today;
	if (o->org) {
		x->root = tree_find(&x->reg.tree, o->org);
		if (x->root == TREE_NONE || !tree_exists(&x->reg.tree, x->root, x->day)) {
			*errmsg = xasprintf("no organization '%s' on that date", o->org);
			registry_close(&x->reg);
			return ERR_NOTFOUND;
		}
	}
	buf_init(&x->b, 0);
	return ERR_OK;
}

/* Writes what is left, closes x and turns e into the final result. */
static enum err exporter_finish(struct exporter *x, struct store *st, enum err e, char **errmsg)
{
	flush(x, true);
	buf_free(&x->b);
	free(x->keep);
	registry_close(&x->reg);
	if (!e && (fflush(x->out) != 0 || ferror(x->out))) {
		*errmsg = xstrdup("cannot write the output");
		e = ERR_IO;
	} else if (e) {
		*errmsg = xasprintf("%s", store_errmsg(st));
	}
	return e;
}

enum err export_csv(struct store *st, enum import_kind k, const struct export_opts *o, FILE *out, char **errmsg)
{
	struct exporter x;
	enum err e = exporter_open(&x, st, o, out, errmsg);
	if (e)
		return e;
	switch (k) {
	case IMPORT_ORGS:
	case IMPORT_ORG_EVENTS:
		if (x.root != TREE_NONE)
			e = keep_closure(&x);
		if (!e && k == IMPORT_ORGS)
			export_orgs(&x);
		else if (!e)
			export_org_events(&x);
		break;
	case IMPORT_MEMBERS:
		e = export_members(&x, false);
		break;
	case IMPORT_EVENTS:
		e = export_members(&x, true);
		break;
	default:
		break;
	}
	return exporter_finish(&x, st, e, errmsg);
}

/* One stored rating, as ratings.csv writes it. */
struct rating_row {
	char *period, *subject, *level, *override;
	bool member, self;
	bool has_score;
	int64_t score;   /* tenths */
	int org;         /* tree index of the org rated or the member's organization now */
};

/* period, then organizations before members, then code or member_id:
 * byte order, so that every backend writes the same file */
static int cmp_rating(const void *a, const void *b)
{
	const struct rating_row *x = a, *y = b;
	int c = strcmp(x->period, y->period);
	if (c)
		return c;
	if (x->member != y->member)
		return x->member ? 1 : -1;
	return strcmp(x->subject, y->subject);
}

static char *col_dup(struct store_stmt *s, int i)
{
	const char *t = stmt_col_null(s, i) ? NULL : stmt_col_text(s, i);
	return xstrdup(t ? t : "");
}

enum err export_ratings_csv(struct store *st, const struct export_opts *o, FILE *out, char **errmsg)
{
	static const char *const head[] = {"period", "subject_type", "subject", "score",
					   "level", "self_review", "override_reason"};
	struct exporter x;
	enum err e = exporter_open(&x, st, o, out, errmsg);
	if (e)
		return e;
	struct store_stmt *s = store_stmt(st, STMT_RATING_ALL);
	struct rating_row *v = NULL;
	size_t n = 0, cap = 0;
	bool row;
	while ((e = stmt_step(s, &row)) == ERR_OK && row) {
		XGROW(v, cap, n + 1);
		struct rating_row *r = &v[n++];
		const char *type = stmt_col_text(s, 1), *code = stmt_col_null(s, 7) ? NULL : stmt_col_text(s, 7);
		r->period = col_dup(s, 0);
		r->member = type && strcmp(type, "member") == 0;
		r->subject = col_dup(s, 2);
		r->has_score = !stmt_col_null(s, 3);
		r->score = r->has_score ? stmt_col_int(s, 3) : 0;
		r->level = col_dup(s, 4);
		r->self = stmt_col_int(s, 5) != 0;
		r->override = col_dup(s, 6);
		r->org = code ? tree_find(&x.reg.tree, code) : TREE_NONE;
	}
	if (!e) {
		csv_put_row(&x.b, head, 7);
		if (n)
			qsort(v, n, sizeof(*v), cmp_rating);
	}
	for (size_t i = 0; i < n && !e; i++) {
		const struct rating_row *r = &v[i];
		/* members as members.csv chooses them: by their organization now,
		 * followed through merges to the export's day */
		int org = r->member && r->org != TREE_NONE ? tree_follow(&x.reg.tree, r->org, x.day) : r->org;
		if (!in_scope(&x, org))
			continue;
		char score[48] = "";
		if (r->has_score && r->score % 10)
			snprintf(score, sizeof(score), "%" PRId64 ".%" PRId64, r->score / 10, r->score % 10);
		else if (r->has_score)
			snprintf(score, sizeof(score), "%" PRId64, r->score / 10);
		const char *f[] = {r->period, r->member ? "member" : "org", r->subject, score,
				   r->level, r->self ? "yes" : "no", r->override};
		csv_put_row(&x.b, f, 7);
		flush(&x, false);
	}
	for (size_t i = 0; i < n; i++) {
		free(v[i].period);
		free(v[i].subject);
		free(v[i].level);
		free(v[i].override);
	}
	free(v);
	return exporter_finish(&x, st, e, errmsg);
}
