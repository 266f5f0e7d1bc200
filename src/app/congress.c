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

static const struct {
	const char *name, *label;
} seats[CSEAT__MAX] = {
	[CSEAT_MEMBER] = {"member", "đảng viên"},
	[CSEAT_DELEGATE] = {"delegate", "đại biểu chính thức"},
	[CSEAT_ALTERNATE] = {"alternate", "đại biểu dự khuyết thay thế"},
	[CSEAT_EX_OFFICIO] = {"ex_officio", "ủy viên ban chấp hành đương nhiệm (đại biểu đương nhiên)"},
	[CSEAT_RESERVE] = {"reserve", "đại biểu dự khuyết chưa thay thế"},
	[CSEAT_LAPSED] = {"lapsed", "không còn là đảng viên chính thức của đảng bộ vào ngày đại hội"},
};

const char *congress_seat_name(enum congress_seat x)
{
	return (unsigned)x < CSEAT__MAX ? seats[x].name : NULL;
}

const char *congress_seat_label(enum congress_seat x)
{
	return (unsigned)x < CSEAT__MAX ? seats[x].label : NULL;
}

bool congress_seat_parse(const char *s, enum congress_seat *out)
{
	for (int i = 0; s && i < CSEAT__MAX; i++)
		if (strcmp(s, seats[i].name) == 0) {
			*out = (enum congress_seat)i;
			return true;
		}
	return false;
}

void congress_roster_free(struct congress_roster *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].member_id);
		free(r->v[i].full_name);
		free(r->v[i].elected_by);
		free(r->v[i].replaces);
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
		p->seat = CSEAT_MEMBER;
		p->elected_by = p->replaces = NULL;
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
		stmt_bind_text(q, 5, congress_seat_name(r->v[i].seat));
		stmt_bind_text(q, 6, r->v[i].elected_by);
		stmt_bind_text(q, 7, r->v[i].replaces);
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

/* Fills r->base from r->v: the convened and their exclusions; the
 * probationary members of a members' congress apart. */
static void roster_count(struct congress_roster *r)
{
	memset(&r->base, 0, sizeof(r->base));
	for (size_t i = 0; i < r->n; i++) {
		const struct congress_person *p = &r->v[i];
		if (p->official) {
			r->base.convened++;
			if (p->exclusion >= 0)
				r->base.excluded[p->exclusion]++;
		} else if (p->seat == CSEAT_MEMBER) {
			r->base.probationary++;
		}
	}
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
		/* rows frozen before migration 7 carry no seat: members' congress */
		if (!congress_seat_parse(stmt_col_text(q, 4), &p->seat))
			p->seat = CSEAT_MEMBER;
		p->elected_by = stmt_col_text(q, 5) ? xstrdup(stmt_col_text(q, 5)) : NULL;
		p->replaces = stmt_col_text(q, 6) ? xstrdup(stmt_col_text(q, 6)) : NULL;
	}
	roster_count(out);
	out->frozen = !e && out->n > 0;
	return e;
}

/* Whether member_id is an official member of root's subtree on day (a
 * delegate still holding the seat: see the top of congress.h); not so after
 * death, expulsion, removal, leaving or a transfer out of the subtree. */
static bool official_under(struct registry *r, const char *member_id, int root, date_t day)
{
	struct store_stmt *q = store_stmt(r->st, STMT_MEMBER_ROWID);
	stmt_bind_text(q, 1, member_id);
	bool row = false;
	if (stmt_step(q, &row) != ERR_OK || !row)
		return false;
	int64_t id = stmt_col_int(q, 0);
	stmt_step(q, &row);
	size_t lo = 0, hi = r->nmembers;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->members[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == r->nmembers || r->members[lo].id != id)
		return false;
	const struct member_fact *m = &r->members[lo];
	const struct span *sp = member_span_at(&m->tl, day);
	/* still a member (exempt, on temporary transfer or suspended too: the
	 * exclusions of QĐ 190-QĐ/TW Điều 30 deal with those) */
	enum member_status s = sp ? member_status_at(&m->f, &m->tl, day) : MS_DEAD;
	if (!sp || !member_status_is_member(s) || s == MS_PROBATIONARY)
		return false;
	int o = registry_org_index(sp->org);
	o = o == TREE_NONE ? TREE_NONE : tree_follow(&r->tree, o, day);
	return o != TREE_NONE && tree_is_under(&r->tree, o, root, day);
}

static struct congress_person *person_find(struct congress_roster *out, const char *member_id)
{
	for (size_t i = 0; i < out->n; i++)
		if (strcmp(out->v[i].member_id, member_id) == 0)
			return &out->v[i];
	return NULL;
}

static struct congress_person *person_add(struct congress_roster *out, size_t *cap, const char *member_id,
					  const char *name, enum congress_seat seat, const char *elected_by)
{
	XGROW(out->v, *cap, out->n + 1);
	struct congress_person *p = &out->v[out->n++];
	p->member_id = xstrdup(member_id);
	p->full_name = name ? xstrdup(name) : NULL;
	p->official = false;
	p->exclusion = -1;
	p->seat = seat;
	p->elected_by = elected_by ? xstrdup(elected_by) : NULL;
	p->replaces = NULL;
	return p;
}

static bool listed(const char *const *v, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], id) == 0)
			return true;
	return false;
}

/* The roster of the delegates' congress (org id org, tree index root) for
 * term on out->day: the ex officio members, the delegates elected by the
 * congresses of root's direct subordinates, and the alternates seated in
 * place of the absent (absent[]) or lapsed delegates, in order (QĐ
 * 294-QĐ/TW §11.4; QĐ 190-QĐ/TW Điều 30; see the top of congress.h). The
 * delegates are appended in electing organization and seat order; the
 * caller sorts. */
static enum err roster_read_delegates(struct store *st, struct registry *r, int64_t org, int root,
				      const char *term, const char *const *absent, size_t nabsent,
				      struct congress_roster *out)
{
	size_t cap = 0;
	date_t day = out->day;
	/* ex officio: the committee elected at the latest earlier congress */
	struct store_stmt *q = store_stmt(st, STMT_CONGRESS_COMMITTEE_BEFORE);
	stmt_bind_int(q, 1, org);
	stmt_bind_int(q, 2, org);
	stmt_bind_text(q, 3, term);
	bool row;
	enum err e;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		const char *id = stmt_col_text(q, 0);
		if (id && !person_find(out, id))
			person_add(out, &cap, id, stmt_col_text(q, 1), CSEAT_EX_OFFICIO, NULL);
	}
	if (e)
		return e;
	size_t nex = out->n;
	for (size_t i = 0; i < nex; i++) {
		struct congress_person *p = &out->v[i];
		if (!official_under(r, p->member_id, root, day)) {
			p->seat = CSEAT_LAPSED;
			continue;
		}
		p->official = true;
		/* rules.md §1.8 (b): no alternate for an absent committee member */
		if (listed(absent, nabsent, p->member_id))
			p->exclusion = EXCL_COMMITTEE_ABSENT;
	}
	/* the delegates and alternates of the direct subordinates' congresses */
	size_t first = out->n;
	q = store_stmt(st, STMT_CONGRESS_DELEGATES_OF_TERM);
	stmt_bind_text(q, 1, term);
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		/* columns: org_id,role,seq,member_id,full_name */
		int o = tree_index_of_id(&r->tree, stmt_col_int(q, 0));
		const char *role = stmt_col_text(q, 1), *id = stmt_col_text(q, 3);
		if (o == TREE_NONE || !role || !id || tree_parent_at(&r->tree, o, day) != root)
			continue;
		if (person_find(out, id))
			continue; /* ex officio already, or elected twice: one seat */
		person_add(out, &cap, id, stmt_col_text(q, 4),
			   strcmp(role, "alternate") == 0 ? CSEAT_RESERVE : CSEAT_DELEGATE, r->tree.orgs[o].code);
	}
	if (e)
		return e;
	/* rows come in (org, role, seq) order: each organization's seats and
	 * alternates in the order elected */
	for (size_t i = first; i < out->n; i++) {
		struct congress_person *d = &out->v[i];
		if (d->seat != CSEAT_DELEGATE)
			continue;
		bool lapsed = !official_under(r, d->member_id, root, day);
		bool away = listed(absent, nabsent, d->member_id);
		if (lapsed)
			d->seat = CSEAT_LAPSED;
		else
			d->official = true;
		if (!lapsed && !away)
			continue;
		/* QĐ 294-QĐ/TW §11.4.2: the next alternate of the same
		 * organization, in the order elected */
		struct congress_person *alt = NULL;
		for (size_t k = first; k < out->n && !alt; k++) {
			struct congress_person *a = &out->v[k];
			if (a->seat == CSEAT_RESERVE && strcmp(a->elected_by, d->elected_by) == 0 &&
			    !listed(absent, nabsent, a->member_id) && official_under(r, a->member_id, root, day))
				alt = a;
		}
		if (alt) {
			alt->seat = CSEAT_ALTERNATE;
			alt->official = true;
			alt->replaces = xstrdup(d->member_id);
			d->official = false;
		} else if (!lapsed) {
			/* QĐ 190-QĐ/TW Điều 30: absent, no alternate in place */
			d->exclusion = EXCL_DELEGATE_ABSENT_NO_ALTERNATE;
		}
	}
	for (size_t i = first; i < out->n; i++)
		if (out->v[i].seat == CSEAT_RESERVE && !official_under(r, out->v[i].member_id, root, day))
			out->v[i].seat = CSEAT_LAPSED;
	return ERR_OK;
}

enum err congress_roster_get(struct store *st, const char *org_code, const char *term,
			     const struct congress_exclusion *ex, size_t nex, const char *const *absent,
			     size_t nabsent, bool freeze, struct congress_roster *out, struct buf *msg)
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
	if (nabsent && c.kind != CONGRESS_DELEGATES) {
		buf_addf(msg, "--absent %s: the congress of %s for %s is a members' congress: an absent member is "
			 "excluded with --exclude %s:excused_absent (QĐ 190-QĐ/TW Điều 30)", absent[0], org_code, term,
			 absent[0]);
		return ERR_INPUT;
	}
	if (!freeze && nex == 0 && nabsent == 0) {
		if ((e = roster_load(st, c.id, out))) {
			buf_addf(msg, "%s", store_errmsg(st));
			congress_roster_free(out);
			return e;
		}
		if (out->frozen)
			return ERR_OK;
	}
	/* committee_absent and delegate_absent_no_alternate are absences */
	const char **away = xcalloc(nabsent + nex + 1, sizeof(*away));
	size_t naway = 0;
	for (size_t i = 0; i < nabsent; i++) {
		if (listed(away, naway, absent[i])) {
			buf_addf(msg, "--absent %s: %s is absent twice", absent[i], absent[i]);
			free(away);
			return ERR_INPUT;
		}
		away[naway++] = absent[i];
	}
	for (size_t i = 0; i < nex; i++)
		if (c.kind == CONGRESS_DELEGATES &&
		    (ex[i].reason == EXCL_COMMITTEE_ABSENT || ex[i].reason == EXCL_DELEGATE_ABSENT_NO_ALTERNATE) &&
		    !listed(away, naway, ex[i].member_id))
			away[naway++] = ex[i].member_id;
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
		free(away);
		return e;
	}
	int root = tree_find(&r.tree, org_code);
	if (c.kind == CONGRESS_DELEGATES)
		e = roster_read_delegates(st, &r, org, root, term, away, naway, out);
	else
		roster_read(&r, root, out->day, out);
	registry_close(&r);
	free(away);
	if (e) {
		buf_addf(msg, "reading the delegates: %s", store_errmsg(st));
		congress_roster_free(out);
		return e;
	}
	if (out->n)
		qsort(out->v, out->n, sizeof(out->v[0]), person_cmp);
	for (size_t i = 0; i < nabsent; i++) {
		struct congress_person key = {.member_id = (char *)absent[i]};
		struct congress_person *p = out->n ? bsearch(&key, out->v, out->n, sizeof(*p), person_cmp) : NULL;
		if (!p) {
			buf_addf(msg, "--absent %s: %s is not a delegate, alternate or ex officio member of the congress "
				 "of %s for %s", absent[i], absent[i], org_code, term);
			congress_roster_free(out);
			return ERR_INPUT;
		}
	}
	for (size_t i = 0; i < nex; i++) {
		struct congress_person key = {.member_id = (char *)ex[i].member_id};
		struct congress_person *p = out->n ? bsearch(&key, out->v, out->n, sizeof(*p), person_cmp) : NULL;
		const char *why = NULL;
		char alt[200] = "";
		bool delegates = c.kind == CONGRESS_DELEGATES;
		bool as_absent = delegates && (ex[i].reason == EXCL_COMMITTEE_ABSENT ||
					       ex[i].reason == EXCL_DELEGATE_ABSENT_NO_ALTERNATE);
		if (!exclusion_applies(ex[i].reason, c.kind))
			why = delegates ? "has a reason that applies only to a members' congress (QĐ 190-QĐ/TW Điều 30)"
					: "has a reason that applies only to a delegates' congress (QĐ 190-QĐ/TW Điều 30)";
		else if (!p && delegates)
			why = "is not a delegate or ex officio member of the congress";
		else if (!p)
			why = "is not an official member of the organization on the congress day";
		else if (p->seat == CSEAT_MEMBER && !p->official)
			why = "is probationary: not convened, so not excluded (QĐ 190-QĐ/TW Điều 30)";
		else if (as_absent && ex[i].reason == EXCL_COMMITTEE_ABSENT && p->seat != CSEAT_EX_OFFICIO)
			why = "is not a member of the outgoing committee (ex officio)";
		else if (as_absent && ex[i].reason == EXCL_DELEGATE_ABSENT_NO_ALTERNATE && p->seat != CSEAT_DELEGATE)
			why = "is not an official delegate";
		else if (as_absent && ex[i].reason == EXCL_DELEGATE_ABSENT_NO_ALTERNATE && !p->official) {
			for (size_t k = 0; k < out->n; k++)
				if (out->v[k].replaces && strcmp(out->v[k].replaces, p->member_id) == 0)
					snprintf(alt, sizeof(alt), "has an alternate in place: %s, elected by %s "
						 "(QĐ 294-QĐ/TW §11.4); give --absent %s", out->v[k].member_id,
						 out->v[k].elected_by ? out->v[k].elected_by : "", p->member_id);
			why = alt;
		} else if (as_absent) {
			continue; /* the absence already gave this exclusion */
		} else if (!p->official)
			why = "is not convened (replaced, alternate not seated, or no longer a member)";
		else if (p->exclusion >= 0)
			why = "is excluded twice";
		if (why) {
			buf_addf(msg, "--exclude %s:%s: %s %s", ex[i].member_id, exclusion_name(ex[i].reason),
				 ex[i].member_id, why);
			congress_roster_free(out);
			return ERR_INPUT;
		}
		p->exclusion = (int)ex[i].reason;
	}
	roster_count(out);
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

/* An organization beside another under the same parent. */
struct sibling {
	int64_t id;
	char *code;
};

static void siblings_free(struct sibling *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].code);
	free(v);
}

/* A "delegates" result of the congress c of org_code for term: the parent
 * organization on c's day must have a delegates' congress for term. *others
 * receives the codes of the parent's other direct subordinates that day
 * (free with siblings_free). ERR_NOTFOUND, ERR_INPUT, ERR_STORE with msg. */
static enum err upper_check(struct store *st, const char *org_code, const char *term, const struct stored *c,
			    struct sibling **others, size_t *nothers, struct buf *msg)
{
	struct registry r;
	struct diag_list dl;
	diag_init(&dl);
	enum err e = registry_open(st, &r, &dl);
	diag_free(&dl);
	if (e) {
		buf_addf(msg, "reading the organizations: %s", store_errmsg(st));
		return e;
	}
	date_t day = c->held != DATE_NONE ? c->held : c->planned;
	int o = tree_find(&r.tree, org_code);
	int up = o == TREE_NONE ? TREE_NONE : tree_parent_at(&r.tree, o, day);
	if (up == TREE_NONE) {
		buf_addf(msg, "%s has no upper organization on %s: its delegates go to no congress", org_code, term);
		registry_close(&r);
		return ERR_INPUT;
	}
	const char *upcode = r.tree.orgs[up].code;
	struct stored uc;
	bool found;
	if ((e = congress_find(st, r.tree.orgs[up].id, term, &uc, &found))) {
		buf_addf(msg, "%s", store_errmsg(st));
	} else if (!found) {
		buf_addf(msg, "no congress of %s for term %s: plan the upper congress (--kind delegates) before "
			 "recording the delegates %s elects to it", upcode, term, org_code);
		e = ERR_NOTFOUND;
	} else if (uc.kind != CONGRESS_DELEGATES) {
		buf_addf(msg, "the congress of %s for %s is a members' congress (đại hội đảng viên): it convenes its "
			 "members, not delegates, so %s elects none to it (QĐ 294-QĐ/TW §11.4)", upcode, term, org_code);
		e = ERR_INPUT;
	}
	size_t cap = 0;
	for (size_t i = 0; !e && i < r.tree.n; i++)
		if ((int)i != o && tree_parent_at(&r.tree, (int)i, day) == up) {
			XGROW(*others, cap, *nothers + 1);
			(*others)[*nothers].id = r.tree.orgs[i].id;
			(*others)[(*nothers)++].code = xstrdup(r.tree.orgs[i].code);
		}
	registry_close(&r);
	return e;
}

/* Whether member_id is a delegate or alternate recorded for term by the
 * congress of one of the organizations others[]: *where receives its code
 * (malloc'd) or NULL. */
static enum err seat_elsewhere(struct store *st, const char *term, const char *member_id,
			       const struct sibling *others, size_t nothers, char **where)
{
	*where = NULL;
	struct store_stmt *q = store_stmt(st, STMT_CONGRESS_DELEGATES_OF_TERM);
	stmt_bind_text(q, 1, term);
	bool row;
	enum err e;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		if (*where || !stmt_col_text(q, 3) || strcmp(stmt_col_text(q, 3), member_id) != 0)
			continue;
		for (size_t i = 0; i < nothers && !*where; i++)
			if (others[i].id == stmt_col_int(q, 0))
				*where = xstrdup(others[i].code);
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
	bool delegates = strcmp(election, "delegates") == 0;
	if (strcmp(election, "committee") != 0 && strcmp(election, "secretary") != 0 && !delegates) {
		buf_addf(msg, "%s: election '%s': only committee, secretary and delegates results are recorded", path,
			 election);
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
	/* delegates: the organizations whose delegates sit beside these at the
	 * upper congress (nobody holds two seats there) */
	struct sibling *others = NULL;
	size_t nothers = 0;
	if (delegates && (e = upper_check(st, org_code, term, &c, &others, &nothers, msg))) {
		json_decref(doc);
		return e;
	}
	if ((e = store_begin(st))) {
		buf_addf(msg, "%s", store_errmsg(st));
		siblings_free(others, nothers);
		json_decref(doc);
		return e;
	}
	struct store_stmt *q;
	for (int k = 0; k < (delegates ? 2 : 1) && !e; k++) {
		q = store_stmt(st, STMT_CONGRESS_ELECTED_CLEAR);
		stmt_bind_int(q, 1, c.id);
		stmt_bind_text(q, 2, delegates ? (k ? "alternate" : "delegate") : election);
		e = stmt_exec(q);
	}
	int64_t nseat = 0, nalt = 0;
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
		const char *erole = election;
		int64_t seq = 0;
		if (delegates) {
			/* QĐ 294-QĐ/TW §11.4: official delegates first, then the
			 * alternates in their order of promotion */
			const char *as = NULL;
			json_int_t promotion = 0;
			json_unpack(cand, "{s?s, s?I}", "as", &as, "promotion", &promotion);
			if (!as || (strcmp(as, "delegate") != 0 && strcmp(as, "alternate") != 0)) {
				buf_addf(msg, "%s: candidates[%zu]: '%s' is elected but not as delegate or alternate", path, i,
					 id);
				e = ERR_INPUT;
				break;
			}
			erole = as;
			seq = strcmp(as, "delegate") == 0 ? ++nseat : (promotion > 0 ? (int64_t)promotion : ++nalt);
			if (strcmp(as, "alternate") == 0 && promotion > 0)
				nalt = nalt > promotion ? nalt : (int64_t)promotion;
			char *where = NULL;
			if ((e = seat_elsewhere(st, term, id, others, nothers, &where)))
				break;
			if (where) {
				buf_addf(msg, "%s: candidates[%zu]: '%s' is already a delegate or alternate elected by %s "
					 "for %s: nobody holds two seats at the same upper congress", path, i, id, where, term);
				free(where);
				e = ERR_INPUT;
				break;
			}
		}
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
		stmt_bind_text(q, 3, erole);
		stmt_bind_int(q, 4, (int64_t)votes);
		stmt_bind_int(q, 5, (int64_t)base);
		if (delegates)
			stmt_bind_int(q, 6, seq);
		else
			stmt_bind_null(q, 6);
		e = stmt_exec(q);
		if (delegates)
			json_array_append_new(elected, json_pack("{s:s, s:I, s:s, s:I}", "member_id", id, "votes", votes,
								 "as", erole, "order", (json_int_t)seq));
		else
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
		*role = delegates ? "delegates" : strcmp(election, "committee") == 0 ? "committee" : "secretary";
	}
	siblings_free(others, nothers);
	json_decref(doc);
	return e;
}
