/* congress: planning, holding and the convened roster of congresses
 * (congress.h). */
#include "app/congress.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "app/calendar.h"
#include "app/registry.h"
#include "core/workday.h"
#include "core/xalloc.h"


bool congress_term_valid(const char *term)
{
	if (!term || strlen(term) != 9 || term[4] != '-')
		return false;
	for (int i = 0; i < 9; i++)
		if (i != 4 && (term[i] < '0' || term[i] > '9'))
			return false;
	return atoi(term + 5) > atoi(term) && atoi(term) >= 1930;
}

static enum err org_id_of(struct store *st, const char *code, int64_t *id, struct buf *msg)
{
	struct store_stmt *q = store_stmt(st, STMT_ORG_ID_BY_CODE);
	stmt_bind_text(q, 1, code);
	bool row;
	enum err e = stmt_step(q, &row);
	if (e) {
		buf_addf(msg, "%s", store_errmsg(st));
		return e;
	}
	if (!row) {
		buf_addf(msg, "no organization with code '%s'", code);
		return ERR_NOTFOUND;
	}
	*id = stmt_col_int(q, 0);
	stmt_step(q, &row);
	return ERR_OK;
}

static date_t col_date(struct store_stmt *q, int i)
{
	const char *s = stmt_col_text(q, i);
	date_t d;
	return s && date_parse(s, &d) ? d : DATE_NONE;
}

/* The stored congress of (org, term). */
struct stored {
	int64_t id;
	enum congress_kind kind;
	bool pilot, direct;
	date_t planned, notice, held;
};

static enum err congress_find(struct store *st, int64_t org, const char *term, struct stored *c, bool *found)
{
	struct store_stmt *q = store_stmt(st, STMT_CONGRESS_GET);
	stmt_bind_int(q, 1, org);
	stmt_bind_text(q, 2, term);
	bool row;
	enum err e = stmt_step(q, &row);
	*found = !e && row;
	if (*found) {
		c->id = stmt_col_int(q, 0);
		const char *k = stmt_col_text(q, 1);
		if (!k || !congress_kind_parse(k, &c->kind))
			c->kind = CONGRESS_MEMBERS;
		c->pilot = stmt_col_int(q, 2) != 0;
		c->direct = stmt_col_int(q, 3) != 0;
		c->planned = col_date(q, 4);
		c->notice = col_date(q, 5);
		c->held = col_date(q, 6);
		stmt_step(q, &row);
	}
	return e;
}

static char *fmt_date(date_t d, char out[11])
{
	if (d == DATE_NONE)
		return NULL;
	date_format(d, out);
	return out;
}

/* The audit JSON of a congress (malloc'd). */
static char *congress_json(const struct stored *c)
{
	char p[11], n[11], h[11];
	json_t *o = json_pack("{s:s, s:b, s:b, s:s?, s:s?, s:s?}", "kind", congress_kind_name(c->kind), "pilot",
			      c->pilot, "direct_secretary", c->direct, "planned", fmt_date(c->planned, p), "notice",
			      fmt_date(c->notice, n), "held", fmt_date(c->held, h));
	char *s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	return s;
}

/* QĐ 294-QĐ/TW §11–16 (rules.md §1.9): the notice goes out at least 30
 * working days before the opening, on the database's calendar
 * (app/calendar.h). *e receives ERR_STORE when the calendar cannot be read. */
static bool notice_check(struct store *st, date_t notice, date_t opening, struct buf *msg, enum err *e)
{
	int days = 0;
	*e = ERR_OK;
	if (notice == DATE_NONE)
		return true;
	struct workday_cal *cal = calendar_load(st);
	if (!cal) {
		buf_addf(msg, "reading the working-day calendar: %s", store_errmsg(st));
		*e = ERR_STORE;
		return false;
	}
	bool ok = congress_notice_ok(cal, notice, opening, &days);
	date_t latest = congress_notice_latest(cal, opening);
	workday_cal_free(cal);
	if (ok)
		return true;
	char a[11], b[11], l[11];
	date_format_vn(notice, a);
	date_format_vn(opening, b);
	date_format_vn(latest, l);
	buf_addf(msg, "notice on %s is %d working days before the opening on %s; at least %d are needed "
		 "(QĐ 294-QĐ/TW §11–16): give the notice on %s or earlier", a, days, b, CONGRESS_NOTICE_WORKDAYS, l);
	return false;
}

enum err congress_plan_put(struct store *st, const struct congress_plan *p, struct buf *msg)
{
	buf_reset(msg);
	if (!congress_term_valid(p->term)) {
		buf_addf(msg, "term '%s' is not two years as YYYY-YYYY (e.g. 2025-2030)", p->term ? p->term : "");
		return ERR_INPUT;
	}
	if ((unsigned)p->kind >= CONGRESS__MAX || p->planned == DATE_NONE) {
		buf_addf(msg, "a congress needs its kind and planned date");
		return ERR_INPUT;
	}
	enum err e;
	if (!notice_check(st, p->notice, p->planned, msg, &e))
		return e ? e : ERR_INPUT;
	int64_t org;
	if ((e = org_id_of(st, p->org_code, &org, msg)))
		return e;
	if ((e = store_begin(st))) {
		buf_addf(msg, "%s", store_errmsg(st));
		return e;
	}
	struct stored old, now = {0};
	bool found;
	e = congress_find(st, org, p->term, &old, &found);
	if (!e && found && old.held != DATE_NONE) {
		char h[11];
		date_format_vn(old.held, h);
		buf_addf(msg, "the congress of %s for %s was held on %s: it cannot be planned again", p->org_code,
			 p->term, h);
		store_rollback(st);
		return ERR_INPUT;
	}
	now.kind = p->kind;
	now.pilot = p->pilot;
	now.direct = p->direct_secretary;
	now.planned = p->planned;
	now.notice = p->notice;
	now.held = DATE_NONE;
	char pl[11], no[11];
	if (!e) {
		struct store_stmt *q = store_stmt(st, found ? STMT_CONGRESS_UPDATE : STMT_CONGRESS_INSERT);
		int i = 1;
		if (!found) {
			stmt_bind_int(q, i++, org);
			stmt_bind_text(q, i++, p->term);
		}
		stmt_bind_text(q, i++, congress_kind_name(p->kind));
		stmt_bind_int(q, i++, p->pilot);
		stmt_bind_int(q, i++, p->direct_secretary);
		stmt_bind_text(q, i++, fmt_date(p->planned, pl));
		stmt_bind_text(q, i++, fmt_date(p->notice, no));
		for (int k = 0; k < CC__MAX; k++)
			stmt_bind_text(q, i++, p->contents[k]);
		if (found)
			stmt_bind_int(q, i++, old.id);
		e = stmt_exec(q);
	}
	if (!e) {
		char key[160];
		snprintf(key, sizeof(key), "%s/%s", p->org_code, p->term);
		char *before = found ? congress_json(&old) : NULL, *after = congress_json(&now);
		e = audit_record(st, "congress.plan", "congress", key, before, after);
		free(before);
		free(after);
	}
	if (!e)
		e = store_commit(st);
	if (e) {
		store_rollback(st);
		buf_addf(msg, "%s", store_errmsg(st));
	}
	return e;
}

enum err congress_hold(struct store *st, const char *org_code, const char *term, date_t day, struct buf *msg)
{
	buf_reset(msg);
	int64_t org;
	enum err e = org_id_of(st, org_code, &org, msg);
	if (e)
		return e;
	if ((e = store_begin(st))) {
		buf_addf(msg, "%s", store_errmsg(st));
		return e;
	}
	struct stored c;
	bool found;
	e = congress_find(st, org, term, &c, &found);
	if (!e && !found) {
		buf_addf(msg, "no congress of %s for term %s: plan it first (dangbo congress plan)", org_code, term);
		store_rollback(st);
		return ERR_NOTFOUND;
	}
	enum err ce;
	if (!e && !notice_check(st, c.notice, day, msg, &ce)) {
		store_rollback(st);
		return ce ? ce : ERR_INPUT;
	}
	struct stored now = c;
	now.held = day;
	char h[11];
	if (!e) {
		struct store_stmt *q = store_stmt(st, STMT_CONGRESS_SET_HELD);
		stmt_bind_text(q, 1, fmt_date(day, h));
		stmt_bind_int(q, 2, c.id);
		e = stmt_exec(q);
	}
	if (!e) {
		char key[160];
		snprintf(key, sizeof(key), "%s/%s", org_code, term);
		char *before = congress_json(&c), *after = congress_json(&now);
		e = audit_record(st, "congress.hold", "congress", key, before, after);
		free(before);
		free(after);
	}
	if (!e)
		e = store_commit(st);
	if (e) {
		store_rollback(st);
		buf_addf(msg, "%s", store_errmsg(st));
	}
	return e;
}

/* The tree index of the organization with database id id, or TREE_NONE. */
static int tree_index_of_id(const struct tree *t, int64_t id)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->orgs[i].id == id)
			return (int)i;
	return TREE_NONE;
}

enum err congress_progress_get(struct store *st, const char *org_code, const char *term, date_t as_of,
			       struct congress_progress *out, struct buf *msg)
{
	buf_reset(msg);
	memset(out, 0, sizeof(*out));
	if (!congress_term_valid(term)) {
		buf_addf(msg, "term '%s' is not two years as YYYY-YYYY (e.g. 2025-2030)", term ? term : "");
		return ERR_INPUT;
	}
	struct registry r;
	struct diag_list dl;
	diag_init(&dl);
	enum err e = registry_open(st, &r, &dl);
	diag_free(&dl);
	if (e) {
		buf_addf(msg, "reading the organizations: %s", store_errmsg(st));
		return e;
	}
	int root = tree_find(&r.tree, org_code);
	if (root == TREE_NONE) {
		buf_addf(msg, "no organization with code '%s'", org_code);
		registry_close(&r);
		return ERR_NOTFOUND;
	}
	struct store_stmt *q = store_stmt(st, STMT_CONGRESS_OF_TERM);
	stmt_bind_text(q, 1, term);
	bool row;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		/* columns: id,org_id,kind,pilot,direct_secretary,planned_on,notice_on,held_on */
		int o = tree_index_of_id(&r.tree, stmt_col_int(q, 1));
		if (o == TREE_NONE || !tree_is_under(&r.tree, o, root, as_of))
			continue;
		enum org_kind k = r.tree.orgs[o].kind;
		date_t held = col_date(q, 7);
		out->planned[k]++;
		if (held != DATE_NONE && held <= as_of)
			out->held[k]++;
		if (stmt_col_int(q, 4))
			out->direct_secretary[k]++;
		if (stmt_col_int(q, 3))
			out->pilot[k]++;
	}
	if (e)
		buf_addf(msg, "%s", store_errmsg(st));
	registry_close(&r);
	return e;
}

void congress_roster_free(struct congress_roster *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].member_id);
		free(r->v[i].full_name);
	}
	free(r->v);
	memset(r, 0, sizeof(*r));
}

static int person_cmp(const void *a, const void *b)
{
	return strcmp(((const struct congress_person *)a)->member_id, ((const struct congress_person *)b)->member_id);
}

/* The official and probationary members of root's subtree on day, sorted
 * by member_id (QĐ 190-QĐ/TW Điều 30: official members are convened;
 * probationary members attend but neither vote nor stand). */
static void roster_read(struct registry *r, int root, date_t day, struct congress_roster *out)
{
	size_t cap = 0;
	for (size_t i = 0; i < r->nmembers; i++) {
		const struct member_fact *m = &r->members[i];
		const struct span *sp = member_span_at(&m->tl, day);
		if (!sp)
			continue;
		int o = registry_org_index(sp->org);
		if (o == TREE_NONE)
			continue;
		o = tree_follow(&r->tree, o, day);
		if (o == TREE_NONE || !tree_is_under(&r->tree, o, root, day))
			continue;
		enum member_status s = member_status_at(&m->f, &m->tl, day);
		if (!member_status_is_member(s))
			continue;
		/* member_id and name: STMT_MEMBER_GET columns 0 and 1 */
		struct store_stmt *q = store_stmt(r->st, STMT_MEMBER_GET);
		stmt_bind_int(q, 1, m->id);
		bool row = false;
		if (stmt_step(q, &row) != ERR_OK || !row || !stmt_col_text(q, 0))
			continue;
		XGROW(out->v, cap, out->n + 1);
		struct congress_person *p = &out->v[out->n++];
		p->member_id = xstrdup(stmt_col_text(q, 0));
		p->full_name = stmt_col_text(q, 1) ? xstrdup(stmt_col_text(q, 1)) : NULL;
		p->official = s != MS_PROBATIONARY;
		p->exclusion = -1;
		stmt_step(q, &row);
	}
	if (out->n)
		qsort(out->v, out->n, sizeof(out->v[0]), person_cmp);
}

static enum err roster_freeze(struct store *st, int64_t congress, const char *key, const struct congress_roster *r)
{
	enum err e = store_begin(st);
	if (e)
		return e;
	struct store_stmt *q = store_stmt(st, STMT_CONGRESS_ROSTER_CLEAR);
	stmt_bind_int(q, 1, congress);
	e = stmt_exec(q);
	for (size_t i = 0; i < r->n && !e; i++) {
		q = store_stmt(st, STMT_MEMBER_ROWID);
		stmt_bind_text(q, 1, r->v[i].member_id);
		bool row;
		e = stmt_step(q, &row);
		if (e || !row)
			return e ? (store_rollback(st), e) : (store_rollback(st), ERR_NOTFOUND);
		int64_t id = stmt_col_int(q, 0);
		stmt_step(q, &row);
		q = store_stmt(st, STMT_CONGRESS_ROSTER_INSERT);
		stmt_bind_int(q, 1, congress);
		stmt_bind_int(q, 2, id);
		stmt_bind_int(q, 3, r->v[i].official);
		stmt_bind_text(q, 4, r->v[i].exclusion >= 0 ? exclusion_name((enum election_exclusion)r->v[i].exclusion)
							    : NULL);
		e = stmt_exec(q);
	}
	if (!e) {
		char day[11];
		date_format(r->day, day);
		json_t *o = json_pack("{s:s, s:I, s:I, s:I, s:I}", "day", day, "convened", (json_int_t)r->base.convened,
				      "excluded", (json_int_t)congress_excluded(&r->base), "base",
				      (json_int_t)congress_base_value(&r->base), "probationary",
				      (json_int_t)r->base.probationary);
		char *after = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
		json_decref(o);
		e = audit_record(st, "congress.roster", "congress", key, NULL, after);
		free(after);
	}
	if (!e)
		e = store_commit(st);
	if (e)
		store_rollback(st);
	return e;
}

/* The frozen roster of congress, if any (sets out->frozen and the counts). */
static enum err roster_load(struct store *st, int64_t congress, struct congress_roster *out)
{
	struct store_stmt *q = store_stmt(st, STMT_CONGRESS_ROSTER_OF);
	stmt_bind_int(q, 1, congress);
	bool row;
	enum err e;
	size_t cap = 0;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		/* columns: member_id,full_name,official,exclusion */
		XGROW(out->v, cap, out->n + 1);
		struct congress_person *p = &out->v[out->n++];
		p->member_id = xstrdup(stmt_col_text(q, 0) ? stmt_col_text(q, 0) : "");
		p->full_name = stmt_col_text(q, 1) ? xstrdup(stmt_col_text(q, 1)) : NULL;
		p->official = stmt_col_int(q, 2) != 0;
		enum election_exclusion x;
		p->exclusion = stmt_col_text(q, 3) && exclusion_parse(stmt_col_text(q, 3), &x) ? (int)x : -1;
		if (!p->official)
			out->base.probationary++;
		else {
			out->base.convened++;
			if (p->exclusion >= 0)
				out->base.excluded[p->exclusion]++;
		}
	}
	out->frozen = !e && out->n > 0;
	return e;
}

enum err congress_roster_get(struct store *st, const char *org_code, const char *term,
			     const struct congress_exclusion *ex, size_t nex, bool freeze,
			     struct congress_roster *out, struct buf *msg)
{
	buf_reset(msg);
	memset(out, 0, sizeof(*out));
	int64_t org;
	enum err e = org_id_of(st, org_code, &org, msg);
	if (e)
		return e;
	struct stored c;
	bool found;
	if ((e = congress_find(st, org, term, &c, &found))) {
		buf_addf(msg, "%s", store_errmsg(st));
		return e;
	}
	if (!found) {
		buf_addf(msg, "no congress of %s for term %s: plan it first (dangbo congress plan)", org_code, term);
		return ERR_NOTFOUND;
	}
	out->kind = c.kind;
	out->day = c.held != DATE_NONE ? c.held : c.planned;
	if (!freeze && nex == 0) {
		if ((e = roster_load(st, c.id, out))) {
			buf_addf(msg, "%s", store_errmsg(st));
			congress_roster_free(out);
			return e;
		}
		if (out->frozen)
			return ERR_OK;
	}
	struct registry r;
	struct diag_list dl;
	diag_init(&dl);
	e = registry_open(st, &r, &dl);
	if (!e)
		e = registry_load_members(&r, &dl);
	diag_free(&dl);
	if (e) {
		buf_addf(msg, "reading the registry: %s", store_errmsg(st));
		registry_close(&r);
		return e;
	}
	roster_read(&r, tree_find(&r.tree, org_code), out->day, out);
	registry_close(&r);
	for (size_t i = 0; i < nex; i++) {
		struct congress_person key = {.member_id = (char *)ex[i].member_id};
		struct congress_person *p = out->n ? bsearch(&key, out->v, out->n, sizeof(*p), person_cmp) : NULL;
		const char *why = NULL;
		if (!p || !p->official)
			why = p ? "is probationary: not convened, so not excluded (QĐ 190-QĐ/TW Điều 30)"
				: "is not an official member of the organization on the congress day";
		else if (p->exclusion >= 0)
			why = "is excluded twice";
		else if (!exclusion_applies(ex[i].reason, c.kind))
			why = "has a reason that applies only to a delegates' congress (QĐ 190-QĐ/TW Điều 30)";
		if (why) {
			buf_addf(msg, "--exclude %s:%s: %s %s", ex[i].member_id, exclusion_name(ex[i].reason),
				 ex[i].member_id, why);
			congress_roster_free(out);
			return ERR_INPUT;
		}
		p->exclusion = (int)ex[i].reason;
	}
	for (size_t i = 0; i < out->n; i++) {
		if (!out->v[i].official)
			out->base.probationary++;
		else {
			out->base.convened++;
			if (out->v[i].exclusion >= 0)
				out->base.excluded[out->v[i].exclusion]++;
		}
	}
	char m2[200];
	if (!congress_base_check(&out->base, c.kind, m2, sizeof(m2))) {
		buf_addf(msg, "%s", m2);
		congress_roster_free(out);
		return ERR_INPUT;
	}
	if (freeze) {
		char key[160];
		snprintf(key, sizeof(key), "%s/%s", org_code, term);
		if ((e = roster_freeze(st, c.id, key, out))) {
			buf_addf(msg, "%s", store_errmsg(st));
			congress_roster_free(out);
		}
	}
	return e;
}

/* Whether member_id is an official member on the frozen roster of congress;
 * *frozen tells whether there is a frozen roster at all. */
static enum err on_roster(struct store *st, int64_t congress, const char *member_id, bool *found, bool *frozen)
{
	struct store_stmt *q = store_stmt(st, STMT_CONGRESS_ROSTER_OF);
	stmt_bind_int(q, 1, congress);
	bool row;
	enum err e;
	*found = *frozen = false;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		*frozen = true;
		const char *id = stmt_col_text(q, 0);
		if (id && strcmp(id, member_id) == 0 && stmt_col_int(q, 2))
			*found = true;
	}
	return e;
}

enum err congress_result_put(struct store *st, const char *org_code, const char *term, const char *path,
			     const char **role, size_t *n, struct buf *msg)
{
	buf_reset(msg);
	*n = 0;
	*role = NULL;
	json_error_t je;
	json_t *doc = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
	if (!doc) {
		buf_addf(msg, "%s:%d:%d: %s", path, je.line, je.column, je.text);
		return ERR_INPUT;
	}
	const char *election = NULL;
	json_int_t base = -1;
	json_t *cands = NULL;
	enum err e = ERR_OK;
	if (json_unpack(doc, "{s:s, s:I, s:o}", "election", &election, "base", &base, "candidates", &cands) ||
	    !json_is_array(cands) || base < 0) {
		buf_addf(msg, "%s: not the result of an election count (dangbo election count --format json): "
			 "it needs election, base and candidates", path);
		json_decref(doc);
		return ERR_INPUT;
	}
	if (strcmp(election, "committee") != 0 && strcmp(election, "secretary") != 0) {
		buf_addf(msg, "%s: election '%s': only committee and secretary results are recorded", path, election);
		json_decref(doc);
		return ERR_INPUT;
	}
	int64_t org;
	if ((e = org_id_of(st, org_code, &org, msg))) {
		json_decref(doc);
		return e;
	}
	struct stored c;
	bool found;
	if ((e = congress_find(st, org, term, &c, &found)) || !found) {
		if (!e) {
			buf_addf(msg, "no congress of %s for term %s: plan it first (dangbo congress plan)", org_code, term);
			e = ERR_NOTFOUND;
		} else {
			buf_addf(msg, "%s", store_errmsg(st));
		}
		json_decref(doc);
		return e;
	}
	if ((e = store_begin(st))) {
		buf_addf(msg, "%s", store_errmsg(st));
		json_decref(doc);
		return e;
	}
	struct store_stmt *q = store_stmt(st, STMT_CONGRESS_ELECTED_CLEAR);
	stmt_bind_int(q, 1, c.id);
	stmt_bind_text(q, 2, election);
	e = stmt_exec(q);
	json_t *elected = json_array();
	size_t i;
	json_t *cand;
	json_array_foreach(cands, i, cand) {
		if (e)
			break;
		const char *id = NULL;
		json_int_t votes = 0;
		int is_elected = 0;
		if (json_unpack(cand, "{s:s, s:I, s:b}", "id", &id, "votes", &votes, "elected", &is_elected)) {
			buf_addf(msg, "%s: candidates[%zu]: needs id, votes and elected", path, i);
			e = ERR_INPUT;
			break;
		}
		if (!is_elected)
			continue;
		bool ok, frozen;
		if ((e = on_roster(st, c.id, id, &ok, &frozen)))
			break;
		if (!frozen) {
			buf_addf(msg, "the roster of %s for %s is not frozen: run dangbo congress roster --freeze first",
				 org_code, term);
			e = ERR_NOTFOUND;
			break;
		}
		if (!ok) {
			buf_addf(msg, "%s: candidates[%zu]: '%s' is not an official member on the frozen roster of %s for %s",
				 path, i, id, org_code, term);
			e = ERR_INPUT;
			break;
		}
		q = store_stmt(st, STMT_MEMBER_ROWID);
		stmt_bind_text(q, 1, id);
		bool row;
		if ((e = stmt_step(q, &row)) || !row)
			break;
		int64_t mid = stmt_col_int(q, 0);
		stmt_step(q, &row);
		q = store_stmt(st, STMT_CONGRESS_ELECTED_INSERT);
		stmt_bind_int(q, 1, c.id);
		stmt_bind_int(q, 2, mid);
		stmt_bind_text(q, 3, election);
		stmt_bind_int(q, 4, (int64_t)votes);
		stmt_bind_int(q, 5, (int64_t)base);
		e = stmt_exec(q);
		json_array_append_new(elected, json_pack("{s:s, s:I}", "member_id", id, "votes", votes));
		(*n)++;
	}
	if (!e) {
		char key[160];
		snprintf(key, sizeof(key), "%s/%s", org_code, term);
		json_t *o = json_pack("{s:s, s:I, s:O}", "election", election, "base", base, "elected", elected);
		char *after = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
		json_decref(o);
		e = audit_record(st, "congress.result", "congress", key, NULL, after);
		free(after);
	}
	json_decref(elected);
	if (!e)
		e = store_commit(st);
	if (e) {
		store_rollback(st);
		if (!msg->len)
			buf_addf(msg, "%s", store_errmsg(st));
		*n = 0;
	} else {
		*role = strcmp(election, "committee") == 0 ? "committee" : "secretary";
	}
	json_decref(doc);
	return e;
}
