/* h_member: members — search, the member page, adding, correcting and
 * recording events (app/ops.h, app/member_edit.h), limited to the caller's
 * subtree. Changes to a member need If-Match with the ETag the client read
 * ("v<version>"): without it 428, with an old one 412 naming the fields
 * that changed since (from the audit log), so that two people editing the
 * same member cannot overwrite each other. */
#include "http/http.h"

#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "app/badges.h"
#include "app/lifecycle.h"
#include "app/member_edit.h"
#include "app/ops.h"
#include "app/record.h"
#include "app/scope.h"
#include "app/search.h"
#include "core/xalloc.h"
#include "store/store.h"

/* ---- search ---- */

/* GET /api/v1/members?q=TEXT&org=CODE&status=current|all|STATUS&limit=N&offset=N
 * Members of org's subtree (the caller's scope by default) whose name or
 * given name starts with q (case and diacritics ignored), or all of them
 * without q, sorted the Vietnamese way, a page at a time. */
enum err h_members_search(struct req *rq)
{
	long limit, offset;
	enum err e;
	if ((e = req_query_long(rq, "limit", 1, SEARCH_LIMIT_MAX, 50, &limit)) ||
	    (e = req_query_long(rq, "offset", 0, 100000000, 0, &offset)) || (e = req_tree(rq)))
		return e;
	const char *org_code = req_query(rq, "org");
	struct search_query sq = {.q = req_query(rq, "q"), .day = rq->today, .which = SEARCH_CURRENT,
				  .offset = (size_t)offset, .limit = (size_t)limit, .coll = rq->w->coll};
	if ((e = req_org(rq, org_code ? org_code : rq->sess.user.org, &sq.root)))
		return e;
	const char *status = req_query(rq, "status");
	if (status && strcmp(status, "all") == 0)
		sq.which = SEARCH_ALL;
	else if (status && strcmp(status, "current") != 0 && *status) {
		if (!member_status_parse(status, &sq.status))
			return req_fail(rq, ERR_INPUT, "status: '%s' is not current, all or a member status", status);
		sq.which = SEARCH_ONE;
	}
	struct search_result res;
	if ((e = search_members(rq->reg, &sq, &res)))
		return req_fail(rq, e, "%s", store_errmsg(rq->w->st));
	const struct tree *t = &rq->reg->tree;
	json_t *items = json_array();
	for (size_t i = 0; i < res.n; i++) {
		const struct search_hit *h = &res.v[i];
		json_t *x = json_object();
		json_object_set_new(x, "member_id", json_string(h->member_id));
		json_object_set_new(x, "full_name", json_string(h->full_name));
		json_object_set_new(x, "status", json_string(member_status_name(h->status)));
		json_object_set_new(x, "status_label", json_string(member_status_label(h->status)));
		json_object_set_new(x, "org", record_org_ref(t, tree_follow(t, h->org, rq->today), rq->today));
		json_array_append_new(items, x);
	}
	rq->out = json_object();
	json_object_set_new(rq->out, "total", json_integer((json_int_t)res.total));
	json_object_set_new(rq->out, "total_exact", json_boolean(res.total_exact));
	json_object_set_new(rq->out, "offset", json_integer(offset));
	json_object_set_new(rq->out, "limit", json_integer(limit));
	json_object_set_new(rq->out, "items", items);
	search_result_release(&res);
	return ERR_OK;
}

/* ---- one member ---- */

static struct member_event *to_member_events(const struct event_rec *ev, size_t n)
{
	struct member_event *v = xcalloc(n + 2, sizeof(*v));
	for (size_t i = 0; i < n; i++)
		v[i] = (struct member_event){ev[i].date, ev[i].type, registry_org_ref(ev[i].org),
					     registry_org_ref(ev[i].to_org), ev[i].detail, 0};
	return v;
}

static void facts_of(const struct member_rec *m, struct member_facts *f)
{
	*f = (struct member_facts){m->member_id, m->decision_date, m->ceremony_date, m->official_date,
				   registry_org_ref(m->org), m->status, 0};
}

/* The events the rules allow next (dated today): each is tried by
 * replaying the member's history with it (domain/member.h), the facts
 * changed as ops_member_event would change them. A move needs a
 * destination, so it is allowed when the person is a member today. */
static json_t *allowed_events(struct req *rq, const struct member_rec *m, const struct event_rec *ev, size_t nev,
			      const struct member_timeline *tl)
{
	struct org_resolver res;
	registry_resolver(rq->reg, &res);
	json_t *a = json_array();
	struct member_event *base = to_member_events(ev, nev);
	struct member_event *mev = xcalloc(nev + 1, sizeof(*mev));
	for (int t = 0; t < EV__MAX; t++) {
		if (t == EV_ADMIT)
			continue; /* an admission is a new member */
		if (t == EV_MOVE) {
			if (member_span_at(tl, rq->today))
				json_array_append_new(a, json_string(event_type_name(EV_MOVE)));
			continue;
		}
		/* an entry is for someone who is not a member today (ops_member_event
		 * refuses it otherwise) */
		if (event_type_is_entry((enum event_type)t) && member_span_at(tl, rq->today))
			continue;
		struct member_rec x = *m; /* shallow: ops_event_facts changes no string */
		int org = event_type_is_entry((enum event_type)t) ? m->org : TREE_NONE;
		struct member_event_in in = {.member_id = m->member_id, .type = (enum event_type)t, .date = rq->today};
		ops_event_facts(&x, &in, org, TREE_NONE);
		memcpy(mev, base, sizeof(*mev) * nev);
		mev[nev] = (struct member_event){rq->today, (enum event_type)t, registry_org_ref(org), ORG_NONE, NULL, 0};
		for (size_t i = nev; i > 0 && mev[i - 1].date > mev[i].date; i--) {
			struct member_event tmp = mev[i];
			mev[i] = mev[i - 1];
			mev[i - 1] = tmp;
		}
		struct member_facts f;
		facts_of(&x, &f);
		struct diag_list dl;
		diag_init(&dl);
		struct member_timeline tl2;
		if (member_replay(&f, mev, nev + 1, &res, rq->today, "member", "event", &tl2, &dl) == ERR_OK)
			json_array_append_new(a, json_string(event_type_name((enum event_type)t)));
		member_timeline_free(&tl2);
		diag_free(&dl);
	}
	free(mev);
	free(base);
	return a;
}

static void set_etag(struct req *rq, int64_t version)
{
	char tag[32];
	snprintf(tag, sizeof(tag), "\"v%lld\"", (long long)version);
	req_header(rq, "ETag", tag);
}

/* The member page: facts, events, the state on day d, membership spans and
 * the events allowed next. */
static json_t *member_page(struct req *rq, const struct member_rec *m, const struct event_rec *ev, size_t nev,
			   date_t d)
{
	const struct tree *t = &rq->reg->tree;
	json_t *j = record_member(rq->reg, m, ev, nev);
	json_object_set_new(j, "org_name", m->org == TREE_NONE ? json_null()
							      : json_string(tree_name_at(t, m->org, rq->today)));
	struct member_facts f;
	facts_of(m, &f);
	struct member_event *mev = to_member_events(ev, nev);
	struct org_resolver res;
	registry_resolver(rq->reg, &res);
	struct member_timeline tl;
	struct diag_list dl;
	diag_init(&dl);
	member_replay(&f, mev, nev, &res, rq->today, "member", "event", &tl, &dl);
	json_t *state = json_object();
	json_object_set_new(state, "as_of", record_date(d));
	enum member_status s = member_status_at(&f, &tl, d);
	json_object_set_new(state, "status", s == MS__MAX ? json_null() : json_string(member_status_name(s)));
	json_object_set_new(state, "status_label",
			    json_string(s == MS__MAX ? "Chưa vào Đảng" : member_status_label(s)));
	const struct span *sp = member_span_at(&tl, d);
	json_object_set_new(state, "is_member", json_boolean(sp != NULL));
	int org = sp ? tree_follow(t, registry_org_index(sp->org), d) : TREE_NONE;
	json_object_set_new(state, "org", record_org_ref(t, org, d));
	json_object_set_new(state, "party_age_years", sp ? json_integer(member_party_age_years(&f, &tl, d)) : json_null());
	json_object_set_new(state, "party_age_days",
			    sp ? json_integer((json_int_t)member_party_age_days(&f, &tl, d)) : json_null());
	json_object_set_new(state, "official_from", record_date(tl.official_from));
	json_object_set_new(state, "probation_end",
			    s == MS_PROBATIONARY ? record_date(member_probation_end(&f)) : json_null());
	json_object_set_new(j, "state", state);
	json_t *spans = json_array();
	for (size_t i = 0; i < tl.nspans; i++) {
		json_t *x = json_object();
		json_object_set_new(x, "from", record_date(tl.spans[i].from));
		json_object_set_new(x, "to", record_date(tl.spans[i].to));
		int o = registry_org_index(tl.spans[i].org);
		json_object_set_new(x, "org", record_org_ref(t, o, tl.spans[i].from));
		json_array_append_new(spans, x);
	}
	json_object_set_new(j, "spans", spans);
	json_object_set_new(j, "allowed_events", allowed_events(rq, m, ev, nev, &tl));
	json_object_set_new(j, "problems", json_integer((json_int_t)diag_count(&dl)));
	char tag[32];
	snprintf(tag, sizeof(tag), "\"v%lld\"", (long long)m->version);
	json_object_set_new(j, "etag", json_string(tag));
	member_timeline_free(&tl);
	diag_free(&dl);
	free(mev);
	return j;
}

/* GET /api/v1/members/{member_id}?as_of=DATE: the member page with ETag
 * "v<version>"; 304 for If-None-Match with the current ETag. */
enum err h_member_get(struct req *rq)
{
	date_t d;
	enum err e = req_query_date(rq, "as_of", &d);
	if (e)
		return e;
	struct member_rec m;
	struct event_rec *ev;
	size_t nev;
	if ((e = req_member(rq, rq->params[0], &m, &ev, &nev)))
		return e;
	set_etag(rq, m.version);
	const char *inm = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
	char tag[32];
	snprintf(tag, sizeof(tag), "\"v%lld\"", (long long)m.version);
	if (inm && strstr(inm, tag)) {
		rq->status = MHD_HTTP_NOT_MODIFIED;
		rq->raw = xstrdup("");
		rq->rawlen = 0;
	} else {
		rq->out = member_page(rq, &m, ev, nev, d);
	}
	events_free(ev, nev);
	member_rec_free(&m);
	return ERR_OK;
}

/* GET /api/v1/members/{member_id}/events */
enum err h_member_events(struct req *rq)
{
	struct member_rec m;
	struct event_rec *ev;
	size_t nev;
	enum err e = req_member(rq, rq->params[0], &m, &ev, &nev);
	if (e)
		return e;
	json_t *a = json_array();
	for (size_t i = 0; i < nev; i++)
		json_array_append_new(a, record_event(&rq->reg->tree, &ev[i]));
	rq->out = json_object();
	json_object_set_new(rq->out, "member_id", json_string(m.member_id));
	json_object_set_new(rq->out, "events", a);
	set_etag(rq, m.version);
	events_free(ev, nev);
	member_rec_free(&m);
	return ERR_OK;
}

/* After a change: answer with the member page as it is now. */
enum err answer_member(struct req *rq, const char *member_id)
{
	struct member_rec m;
	struct event_rec *ev;
	size_t nev;
	enum err e = req_member(rq, member_id, &m, &ev, &nev);
	if (e)
		return e;
	set_etag(rq, m.version);
	rq->out = member_page(rq, &m, ev, nev, rq->today);
	events_free(ev, nev);
	member_rec_free(&m);
	return ERR_OK;
}

/* ---- If-Match ---- */

/* The version an If-Match header names ("v3", W/"v3"); -1 if none. */
static int64_t if_match(struct req *rq)
{
	const char *v = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_MATCH);
	if (!v)
		return -1;
	if (strncmp(v, "W/", 2) == 0)
		v += 2;
	if (*v == '"')
		v++;
	if (*v != 'v')
		return -1;
	char *end;
	long long n = strtoll(v + 1, &end, 10);
	if (end == v + 1 || (*end && *end != '"') || n < 0)
		return -1;
	return n;
}

/* Fills the 412 answer: which fields differ between the version the client
 * read (the "before" of the audit record that moved past it) and now. */
static enum err stale(struct req *rq, const char *member_id, int64_t want)
{
	struct member_rec m;
	struct event_rec *ev;
	size_t nev;
	enum err e = req_member(rq, member_id, &m, &ev, &nev);
	if (e)
		return e;
	json_t *cur = record_member(rq->reg, &m, ev, nev);
	struct audit_rec *recs = NULL;
	size_t n = 0;
	audit_list(rq->w->st, "member", member_id, 0, 500, &recs, &n);
	json_t *old = NULL, *changed = json_null();
	const struct audit_rec *last = n ? &recs[0] : NULL;
	for (size_t i = 0; i < n && !old; i++) {
		json_t *b = recs[i].before ? json_loads(recs[i].before, 0, NULL) : NULL;
		if (b && json_integer_value(json_object_get(b, "version")) == want)
			old = b;
		else
			json_decref(b);
	}
	struct buf names;
	buf_init(&names, 0);
	if (old) {
		changed = json_array();
		const char *k;
		json_t *v;
		json_object_foreach(cur, k, v) {
			if (strcmp(k, "version") == 0)
				continue;
			json_t *was = json_object_get(old, k);
			if (was && json_equal(was, v))
				continue;
			json_t *x = json_object();
			json_object_set_new(x, "field", json_string(k));
			json_object_set(x, "was", was ? was : json_null());
			json_object_set(x, "now", v);
			json_array_append_new(changed, x);
			buf_addf(&names, "%s%s", names.len ? ", " : "", k);
		}
		json_decref(old);
	}
	char tag[32];
	snprintf(tag, sizeof(tag), "\"v%lld\"", (long long)m.version);
	rq->err_extra = json_object();
	json_object_set_new(rq->err_extra, "current_etag", json_string(tag));
	json_object_set_new(rq->err_extra, "changed", changed);
	if (last) {
		json_object_set_new(rq->err_extra, "changed_by", json_string(last->actor));
		json_object_set_new(rq->err_extra, "changed_at", json_string(last->at));
	}
	req_status(rq, MHD_HTTP_PRECONDITION_FAILED);
	if (names.len)
		req_fail(rq, ERR_CONFLICT, "member %s was changed since you read it (version %lld, now %lld): %s",
			 member_id, (long long)want, (long long)m.version, names.ptr);
	else
		req_fail(rq, ERR_CONFLICT,
			 "member %s was changed since you read it (version %lld, now %lld), by an import or "
			 "outside the server: read it again",
			 member_id, (long long)want, (long long)m.version);
	buf_free(&names);
	json_decref(cur);
	audit_recs_free(recs, n);
	events_free(ev, nev);
	member_rec_free(&m);
	return ERR_CONFLICT;
}

/* Begins the change's transaction if the member is in scope and If-Match
 * names its current version; otherwise 428, 412 or 404. */
enum err begin_checked(struct req *rq, const char *member_id)
{
	int64_t want = if_match(rq);
	if (want < 0) {
		req_status(rq, MHD_HTTP_PRECONDITION_REQUIRED);
		return req_fail(rq, ERR_CONFLICT,
				"send If-Match with the ETag of the member you read (e.g. If-Match: \"v3\")");
	}
	struct member_rec m;
	enum err e = req_member(rq, member_id, &m, NULL, NULL);
	if (e)
		return e;
	member_rec_free(&m);
	struct store *st = rq->w->st;
	if ((e = store_begin(st)))
		return req_fail(rq, e, "%s", store_errmsg(st));
	struct store_stmt *s = store_stmt(st, STMT_MEMBER_ROWID);
	stmt_bind_text(s, 1, member_id);
	bool row;
	int64_t version = -1;
	if ((e = stmt_step(s, &row)) == ERR_OK && row) {
		version = stmt_col_int(s, 1);
		stmt_step(s, &row);
	}
	if (e) {
		store_rollback(st);
		return req_fail(rq, e, "%s", store_errmsg(st));
	}
	if (version != want) {
		store_rollback(st);
		return stale(rq, member_id, want);
	}
	return ERR_OK;
}

/* Ends the change's transaction: commits after e == ERR_OK, or rolls back
 * (also for a dry run). */
enum err end_checked(struct req *rq, enum err e, bool dry_run)
{
	struct store *st = rq->w->st;
	if (!e && !dry_run)
		e = store_commit(st);
	else
		store_rollback(st);
	if (e == ERR_STORE)
		return req_fail(rq, e, "%s", store_errmsg(st));
	return e;
}

/* ---- changes ---- */

/* POST /api/v1/members {"member_id", "full_name", "gender", "birth_date",
 * "org", "decision_date", "ceremony_date", "ethnicity", "religion",
 * "card_number"}: 201 with the member page; org must be within the
 * caller's subtree. */
enum err h_member_add(struct req *rq)
{
	struct member_new in = {0};
	enum err e;
	if ((e = req_json_str(rq, "member_id", true, &in.member_id)) ||
	    (e = req_json_str(rq, "full_name", true, &in.full_name)) ||
	    (e = req_json_str(rq, "gender", true, &in.gender)) ||
	    (e = req_json_date(rq, "birth_date", true, &in.birth_date)) ||
	    (e = req_json_str(rq, "org", true, &in.org)) ||
	    (e = req_json_date(rq, "decision_date", true, &in.decision_date)) ||
	    (e = req_json_date(rq, "ceremony_date", false, &in.ceremony_date)) ||
	    (e = req_json_str(rq, "ethnicity", false, &in.ethnicity)) ||
	    (e = req_json_str(rq, "religion", false, &in.religion)) ||
	    (e = req_json_str(rq, "card_number", false, &in.card_number)))
		return e;
	int org;
	if ((e = req_org(rq, in.org, &org)))
		return e;
	struct diag_list dl;
	diag_init(&dl);
	e = ops_member_add(rq->w->st, &in, &dl);
	req_take_diag(rq, &dl);
	if (e == ERR_STORE)
		return req_fail(rq, e, "%s", store_errmsg(rq->w->st));
	if (e)
		return e;
	if ((e = answer_member(rq, in.member_id)))
		return e;
	char loc[256];
	snprintf(loc, sizeof(loc), API "/members/%s", in.member_id);
	req_header(rq, "Location", loc);
	rq->status = 201;
	return ERR_OK;
}

/* PATCH /api/v1/members/{member_id} with If-Match and any of "full_name",
 * "gender", "birth_date", "ethnicity", "religion", "card_number",
 * "education", "profession_level", "theory_level", "occupation",
 * "hometown", "decision_date", "ceremony_date": the corrected member. */
enum err h_member_update(struct req *rq)
{
	static const char *const known[] = {"full_name", "gender", "birth_date", "ethnicity", "religion",
					    "card_number", "education", "profession_level", "theory_level",
					    "occupation", "hometown", "decision_date", "ceremony_date", NULL};
	const char *k;
	json_t *v;
	json_object_foreach(rq->json, k, v) {
		bool ok = false;
		for (int i = 0; known[i] && !ok; i++)
			ok = strcmp(k, known[i]) == 0;
		if (!ok)
			diag_add(&rq->dl, NULL, 0, k,
				 "not a field that can be corrected (status and organization change by events)");
	}
	if (diag_count(&rq->dl))
		return req_fail(rq, ERR_INPUT, "unknown or read-only fields");
	struct member_patch p = {.birth_date = DATE_NONE, .decision_date = DATE_NONE, .ceremony_date = DATE_NONE};
	enum err e;
	if ((e = req_json_str(rq, "full_name", false, &p.full_name)) ||
	    (e = req_json_str(rq, "gender", false, &p.gender)) ||
	    (e = req_json_str(rq, "ethnicity", false, &p.ethnicity)) ||
	    (e = req_json_str(rq, "religion", false, &p.religion)) ||
	    (e = req_json_str(rq, "card_number", false, &p.card_number)) ||
	    (e = req_json_str(rq, "education", false, &p.education)) ||
	    (e = req_json_str(rq, "profession_level", false, &p.profession_level)) ||
	    (e = req_json_str(rq, "theory_level", false, &p.theory_level)) ||
	    (e = req_json_str(rq, "occupation", false, &p.occupation)) ||
	    (e = req_json_str(rq, "hometown", false, &p.hometown)) ||
	    (e = req_json_date(rq, "birth_date", false, &p.birth_date)) ||
	    (e = req_json_date(rq, "decision_date", false, &p.decision_date)) ||
	    (e = req_json_date(rq, "ceremony_date", false, &p.ceremony_date)))
		return e;
	const char *id = rq->params[0];
	if ((e = begin_checked(rq, id)))
		return e;
	struct diag_list dl;
	diag_init(&dl);
	e = member_update(rq->w->st, id, &p, &dl);
	req_take_diag(rq, &dl);
	if ((e = end_checked(rq, e, false)))
		return e;
	return answer_member(rq, id);
}

/* POST /api/v1/members/{member_id}/events[?dry_run=1] with If-Match and
 * {"type", "date", "org", "to_org", "detail"}: records the event (checked
 * against the member's history) and answers with the member page; a dry
 * run only checks. org and to_org must be within the caller's subtree. */
enum err h_member_event_add(struct req *rq)
{
	const char *id = rq->params[0];
	struct member_event_in in = {.member_id = id};
	const char *type;
	enum err e;
	if ((e = req_json_str(rq, "type", true, &type)) || (e = req_json_date(rq, "date", true, &in.date)) ||
	    (e = req_json_str(rq, "org", false, &in.org)) || (e = req_json_str(rq, "to_org", false, &in.to_org)) ||
	    (e = req_json_str(rq, "detail", false, &in.detail)))
		return e;
	if (!event_type_parse(type, &in.type)) {
		diag_add(&rq->dl, NULL, 0, "type", "unknown event type '%s'", type);
		return req_fail(rq, ERR_INPUT, "unknown event type '%s'", type);
	}
	int org;
	if ((in.org && (e = req_org(rq, in.org, &org))) || (in.to_org && (e = req_org(rq, in.to_org, &org))))
		return e;
	const char *dr = req_query(rq, "dry_run");
	bool dry_run = dr && strcmp(dr, "0") != 0;
	if ((e = begin_checked(rq, id)))
		return e;
	struct diag_list dl;
	diag_init(&dl);
	e = ops_member_event(rq->w->st, &in, &dl);
	req_take_diag(rq, &dl);
	if ((e = end_checked(rq, e, dry_run)))
		return e;
	if (dry_run) {
		rq->out = json_pack("{s:b, s:s}", "dry_run", 1, "result", "the event is allowed");
		return ERR_OK;
	}
	return answer_member(rq, id);
}

/* ---- the secretary's two most common actions (app/lifecycle.h, app/badges.h) ---- */

/* Answers with the member page and the use case's warnings, if any. */
enum err answer_with_note(struct req *rq, const char *id, const char *note)
{
	enum err e = answer_member(rq, id);
	if (!e && note && *note)
		json_object_set_new(rq->out, "note", json_string(note));
	return e;
}

/* POST /api/v1/members/{member_id}/recognize with If-Match and
 * {"resolution", "votes", "committee_votes", "decision", "decision_votes",
 * "extended", "ref"}: recognizes a probationary member as official
 * (QĐ 294-QĐ/TW §4.2; lifecycle_recognize: refused before probation ends
 * or when a vote does not reach its threshold, a late step recorded with a
 * warning in "note"); one audit record. */
enum err h_member_recognize(struct req *rq)
{
	const char *id = rq->params[0];
	struct probation_in in = {.member_id = id};
	enum err e;
	if ((e = req_json_date(rq, "resolution", true, &in.resolution)) ||
	    (e = req_json_str(rq, "votes", true, &in.votes)) ||
	    (e = req_json_str(rq, "committee_votes", false, &in.committee_votes)) ||
	    (e = req_json_date(rq, "decision", true, &in.decision)) ||
	    (e = req_json_str(rq, "decision_votes", false, &in.decision_votes)) ||
	    (e = req_json_str(rq, "ref", false, &in.ref)))
		return e;
	json_t *ext = json_object_get(rq->json, "extended");
	if (ext && !json_is_boolean(ext) && !json_is_null(ext)) {
		diag_add(&rq->dl, NULL, 0, "extended", "must be true or false");
		return req_fail(rq, ERR_INPUT, "extended must be true or false");
	}
	in.extended = json_is_true(ext);
	if ((e = begin_checked(rq, id)))
		return e;
	struct diag_list dl;
	diag_init(&dl);
	struct lc_outcome out = {0};
	e = lifecycle_recognize(rq->w->st, &in, &out, &dl);
	req_take_diag(rq, &dl);
	if ((e = end_checked(rq, e, false)))
		return e;
	return answer_with_note(rq, id, out.note);
}

/* POST /api/v1/members/{member_id}/badges with If-Match and {"years",
 * "date", "how", "number", "ref"}: awards the Party badge of years on award
 * date date (QĐ 294-QĐ/TW §28; badges_award: the next number of the
 * province unless number is given); answers with the member page and
 * "badge": {"years", "province", "number"}; one audit record. */
enum err h_member_badge(struct req *rq)
{
	const char *id = rq->params[0];
	struct badge_award_in in = {.member_id = id};
	enum err e;
	json_t *y = json_object_get(rq->json, "years");
	if (!json_is_integer(y) || json_integer_value(y) < 1 || json_integer_value(y) > 100) {
		diag_add(&rq->dl, NULL, 0, "years", "the badge's years (30, 40, 45, ...) as a number");
		return req_fail(rq, ERR_INPUT, "years: give the badge's years as a number (30, 40, 45, ...)");
	}
	in.years = (int)json_integer_value(y);
	if ((e = req_json_date(rq, "date", true, &in.date)) || (e = req_json_str(rq, "how", false, &in.how)) ||
	    (e = req_json_str(rq, "number", false, &in.number)) || (e = req_json_str(rq, "ref", false, &in.ref)))
		return e;
	if ((e = begin_checked(rq, id)))
		return e;
	struct diag_list dl;
	diag_init(&dl);
	struct badge_award_out out = {0};
	e = badges_award(rq->w->st, &in, &out, &dl);
	req_take_diag(rq, &dl);
	if ((e = end_checked(rq, e, false)))
		return e;
	if ((e = answer_member(rq, id)))
		return e;
	json_object_set_new(rq->out, "badge", json_pack("{s:i, s:s, s:s}", "years", in.years, "province",
							 out.province, "number", out.number));
	return ERR_OK;
}
