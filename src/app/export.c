#define _GNU_SOURCE /* qsort_r */
/* export: writing orgs.csv, org_events.csv, members.csv and events.csv. */
#include "app/export.h"

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
		if (!in_scope(x, order[k]))
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
		if (!in_scope(x, ev[i].org))
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
	struct tree *t = &x->reg.tree;
	/* Walk members in member_id order; fetch each one. */
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
		if (in_scope(x, tree_follow(t, m.org, x->day))) {
			if (events) {
				for (size_t k = 0; k < nev; k++) {
					char d[11];
					date_format(ev[k].date, d);
					const char *r[] = {m.member_id, d, event_type_name(ev[k].type),
							   ev[k].org == TREE_NONE ? "" : t->orgs[ev[k].org].code,
							   ev[k].to_org == TREE_NONE ? "" : t->orgs[ev[k].to_org].code,
							   ev[k].detail};
					csv_put_row(&x->b, r, 6);
				}
			} else {
				char b[11], d[11], c[11], o[11];
				put_date(b, m.birth_date, DATE_NONE);
				put_date(d, m.decision_date, DATE_NONE);
				put_date(c, m.ceremony_date, DATE_NONE);
				put_date(o, m.official_date, DATE_NONE);
				const char *r[] = {m.member_id, m.full_name, m.gender, b, m.ethnicity, m.religion,
						   m.card_number, t->orgs[m.org].code, d, c, o,
						   member_status_name(m.status), m.education, m.profession_level,
						   m.theory_level, m.occupation, m.hometown};
				csv_put_row(&x->b, r, 17);
			}
			flush(x, false);
		}
		events_free(ev, nev);
		member_rec_free(&m);
	}
	for (size_t i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	return e;
}

enum err export_csv(struct store *st, enum import_kind k, const struct export_opts *o, FILE *out, char **errmsg)
{
	struct exporter x = {.o = o, .out = out, .root = TREE_NONE};
	struct diag_list dl;
	diag_init(&dl);
	enum err e = registry_open(st, &x.reg, &dl);
	diag_free(&dl);
	if (e) {
		*errmsg = xasprintf("cannot read the organizations: %s", store_errmsg(st));
		registry_close(&x.reg);
		return e;
	}
	x.day = o->as_of != DATE_NONE ? o->as_of : x.reg.today;
	if (o->org) {
		x.root = tree_find(&x.reg.tree, o->org);
		if (x.root == TREE_NONE || !tree_exists(&x.reg.tree, x.root, x.day)) {
			*errmsg = xasprintf("no organization '%s' on that date", o->org);
			registry_close(&x.reg);
			return ERR_NOTFOUND;
		}
	}
	buf_init(&x.b, 0);
	switch (k) {
	case IMPORT_ORGS:
		export_orgs(&x);
		break;
	case IMPORT_ORG_EVENTS:
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
	flush(&x, true);
	buf_free(&x.b);
	registry_close(&x.reg);
	if (!e && (fflush(out) != 0 || ferror(out))) {
		*errmsg = xstrdup("cannot write the output");
		e = ERR_IO;
	} else if (e) {
		*errmsg = xasprintf("%s", store_errmsg(st));
	}
	return e;
}
