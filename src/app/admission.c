/* admission: applicants and the steps of their admission (admission.h). */
#include "app/admission.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "app/lifecycle_int.h"
#include "app/record.h"
#include "app/refdata.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "domain/card.h"
#include "domain/lifecycle.h"

/* ---- reading ---- */

static char *dup_col(struct store_stmt *q, int i)
{
	const char *v = stmt_col_text(q, i);
	return v ? xstrdup(v) : NULL;
}

/* Columns of STMT_APPLICANT_GET / STMT_APPLICANT_ALL: id, code, full_name,
 * gender, birth_date, ethnicity, religion, card_number, org_id, listed_on,
 * readmit member_id, consent, exit_reason, sentence_cleared, member_id,
 * note. */
static int64_t view_from_row(const struct lc_session *s, struct store_stmt *q, struct applicant_view *v)
{
	memset(v, 0, sizeof(*v));
	v->code = dup_col(q, 1);
	v->full_name = dup_col(q, 2);
	v->gender = dup_col(q, 3);
	v->birth_date = lc_col_date(q, 4);
	v->ethnicity = dup_col(q, 5);
	v->religion = dup_col(q, 6);
	v->card_number = dup_col(q, 7);
	int org = lc_org_of_id(s, stmt_col_int(q, 8));
	v->org_code = xstrdup(org != TREE_NONE ? s->r.tree.orgs[org].code : "");
	v->listed_on = lc_col_date(q, 9);
	v->readmit = dup_col(q, 10);
	v->consent = dup_col(q, 11);
	v->exit_reason = dup_col(q, 12);
	v->sentence_cleared = lc_col_date(q, 13);
	v->member_id = dup_col(q, 14);
	v->note = dup_col(q, 15);
	v->facts.birth = v->birth_date;
	v->facts.listed = v->listed_on;
	v->facts.consent = v->consent != NULL;
	v->facts.needs_committee = org != TREE_NONE && s->r.tree.orgs[org].kind == ORG_CELL;
	return stmt_col_int(q, 0);
}

static enum err load_steps(struct lc_session *s, int64_t id, struct applicant_view *v)
{
	struct store_stmt *q = store_stmt(s->st, STMT_APPLICANT_STEPS);
	stmt_bind_int(q, 1, id);
	size_t cap = 0, ncap = 0;
	bool row;
	enum err e;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		XGROW(v->steps, cap, v->nsteps + 1);
		XGROW(v->notes, ncap, v->nsteps + 1);
		struct applicant_step_rec *r = &v->steps[v->nsteps];
		memset(r, 0, sizeof(*r));
		const char *name = stmt_col_text(q, 0);
		if (!name || !applicant_step_parse(name, &r->step))
			r->step = AS_DROP;
		r->date = lc_col_date(q, 1);
		r->votes_for = (int)stmt_col_int(q, 2);
		r->votes_base = (int)stmt_col_int(q, 3);
		r->person = dup_col(q, 4);
		r->since = lc_col_date(q, 5);
		r->ref = dup_col(q, 6);
		r->flags = (unsigned)stmt_col_int(q, 7);
		v->notes[v->nsteps] = dup_col(q, 8);
		v->nsteps++;
	}
	if (!e)
		applicant_state_eval(&s->rs, s->cal, &v->facts, v->steps, v->nsteps, &v->state);
	return e;
}

/* Loads the applicant code; *id receives its row. ERR_NOTFOUND adds to dl. */
static enum err load_view(struct lc_session *s, const char *code, struct applicant_view *v, int64_t *id)
{
	struct store_stmt *q = store_stmt(s->st, STMT_APPLICANT_GET);
	stmt_bind_text(q, 1, code);
	bool row;
	enum err e = stmt_step(q, &row);
	if (e)
		return e;
	if (!row) {
		memset(v, 0, sizeof(*v));
		diag_add(s->dl, NULL, 0, "applicant", "no applicant '%s'", code);
		return ERR_NOTFOUND;
	}
	int64_t rid = view_from_row(s, q, v);
	stmt_step(q, &row);
	if (id)
		*id = rid;
	return load_steps(s, rid, v);
}

void applicant_view_free(struct applicant_view *v)
{
	char **strs[] = {&v->code, &v->full_name, &v->gender, &v->ethnicity, &v->religion, &v->card_number,
			 &v->org_code, &v->consent, &v->readmit, &v->exit_reason, &v->member_id, &v->note};
	for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
		free(*strs[i]);
	for (size_t i = 0; i < v->nsteps; i++) {
		free((char *)v->steps[i].person);
		free((char *)v->steps[i].ref);
		free(v->notes[i]);
	}
	free(v->steps);
	free(v->notes);
	memset(v, 0, sizeof(*v));
}

void applicant_views_free(struct applicant_view *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		applicant_view_free(&v[i]);
	free(v);
}

enum err admission_get(struct store *st, const char *code, struct applicant_view *out, struct diag_list *dl)
{
	struct lc_session s;
	enum err e = lc_open(st, false, &s, dl);
	if (e)
		return e;
	e = load_view(&s, code, out, NULL);
	return lc_close(&s, e);
}

enum err admission_list(struct store *st, const char *org, date_t as_of, bool all, struct applicant_view **out,
			size_t *n, struct diag_list *dl)
{
	*out = NULL;
	*n = 0;
	struct lc_session s;
	enum err e = lc_open(st, false, &s, dl);
	if (e)
		return e;
	int root = lc_org_need(&s, org, "org");
	if (root == TREE_NONE)
		return lc_close(&s, ERR_NOTFOUND);
	struct store_stmt *q = store_stmt(st, STMT_APPLICANT_ALL);
	size_t cap = 0;
	bool row;
	int64_t *ids = NULL;
	size_t idcap = 0;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		int o = lc_org_of_id(&s, stmt_col_int(q, 8));
		if (o == TREE_NONE || !tree_is_under(&s.r.tree, tree_follow(&s.r.tree, o, as_of), root, as_of))
			continue;
		XGROW(*out, cap, *n + 1);
		XGROW(ids, idcap, *n + 1);
		ids[*n] = view_from_row(&s, q, &(*out)[*n]);
		(*n)++;
	}
	size_t keep = 0;
	for (size_t i = 0; !e && i < *n; i++) {
		e = load_steps(&s, ids[i], &(*out)[i]);
		bool open = (*out)[i].state.next != AS__MAX;
		if (all || open)
			(*out)[keep++] = (*out)[i];
		else
			applicant_view_free(&(*out)[i]);
	}
	if (!e)
		*n = keep;
	free(ids);
	return lc_close(&s, e);
}

/* ---- the audit record of an applicant ---- */

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static char *applicant_json(const struct applicant_view *v)
{
	json_t *j = json_object();
	json_object_set_new(j, "code", json_string(v->code));
	json_object_set_new(j, "full_name", str_or_null(v->full_name));
	json_object_set_new(j, "gender", str_or_null(v->gender));
	json_object_set_new(j, "birth_date", record_date(v->birth_date));
	json_object_set_new(j, "org", str_or_null(v->org_code));
	json_object_set_new(j, "listed_on", record_date(v->listed_on));
	json_object_set_new(j, "consent", str_or_null(v->consent));
	json_object_set_new(j, "readmit", str_or_null(v->readmit));
	json_object_set_new(j, "member_id", str_or_null(v->member_id));
	json_t *a = json_array();
	for (size_t i = 0; i < v->nsteps; i++) {
		const struct applicant_step_rec *r = &v->steps[i];
		json_t *x = json_object();
		json_object_set_new(x, "step", json_string(applicant_step_name(r->step)));
		json_object_set_new(x, "date", record_date(r->date));
		if (r->votes_base)
			json_object_set_new(x, "votes", json_sprintf("%d/%d", r->votes_for, r->votes_base));
		if (r->person)
			json_object_set_new(x, "person", json_string(r->person));
		if (r->since != DATE_NONE)
			json_object_set_new(x, "since", record_date(r->since));
		if (r->ref)
			json_object_set_new(x, "ref", json_string(r->ref));
		if (r->flags)
			json_object_set_new(x, "flags", json_integer(r->flags));
		if (v->notes[i])
			json_object_set_new(x, "note", json_string(v->notes[i]));
		json_array_append_new(a, x);
	}
	json_object_set_new(j, "steps", a);
	return record_text(j);
}

/* ---- re-admission ---- */

/* The case of a former member for lc_check_readmission, from the stored
 * history and facts, completed by what the applicant record says. */
static enum err readmit_case_of(struct lc_session *s, const struct lc_member *x, const char *reason_name,
				date_t cleared, struct readmit_case *c)
{
	memset(c, 0, sizeof(*c));
	c->exit_type = EV__MAX;
	c->ground = -1;
	c->reason = XR_NONE;
	c->sentence_cleared = cleared;
	const struct event_rec *ex = lc_member_last_exit(x);
	if (ex && member_status_is_member(x->tl.final_status))
		ex = NULL; /* left and came back: a member now */
	if (ex) {
		c->exit_type = ex->type;
		c->exit_date = ex->date;
	} else if (member_status_is_member(x->tl.final_status)) {
		c->exit_type = EV_ADMIT;
	} else {
		/* an exit status without its event (imported as state only) */
		static const enum event_type of[MS__MAX] = {
			[MS_TRANSFERRED_OUT] = EV_TRANSFER_OUT, [MS_REMOVED] = EV_REMOVE, [MS_EXPELLED] = EV_EXPEL,
			[MS_LEFT] = EV_LEAVE, [MS_DEAD] = EV_DEATH};
		c->exit_type = of[x->m.status];
		c->exit_date = x->m.decision_date;
	}
	for (size_t i = 0; i < x->nev; i++)
		if (x->ev[i].type == EV_READMIT)
			c->readmitted_before = true;
	struct lc_fact_rec *f;
	size_t n;
	enum err e = lc_facts_of(s, x->m.id, &f, &n);
	if (e)
		return e;
	for (size_t i = 0; i < n; i++)
		if (strcmp(f[i].kind, "exit") == 0 && f[i].date == c->exit_date) {
			if (f[i].number != INT64_MIN && f[i].number >= 1 && f[i].number <= RG__MAX)
				c->ground = (int)f[i].number - 1;
			if (f[i].code)
				exit_reason_parse(f[i].code, &c->reason);
		}
	lc_facts_free(f, n);
	if (reason_name)
		exit_reason_parse(reason_name, &c->reason);
	return ERR_OK;
}

/* ---- writing ---- */

static bool gender_of(const char *g, const char **out)
{
	char *k = text_fold(g ? g : "");
	bool male = strcmp(k, "nam") == 0 || strcmp(k, "m") == 0;
	bool female = strcmp(k, "nu") == 0 || strcmp(k, "f") == 0;
	free(k);
	*out = male ? "nam" : "nữ";
	return male || female;
}

enum err admission_add(struct store *st, const struct applicant_in *in, struct diag_list *dl)
{
	struct lc_session s;
	enum err e = lc_open(st, true, &s, dl);
	if (e)
		return e;
	date_t listed = in->listed_on != DATE_NONE ? in->listed_on : s.r.today;
	struct applicant_view old;
	if (!in->code || !*in->code) {
		diag_add(dl, NULL, 0, "code", "an applicant needs a code");
		return lc_close(&s, ERR_INPUT);
	}
	struct diag_list scratch;
	diag_init(&scratch);
	s.dl = &scratch;
	e = load_view(&s, in->code, &old, NULL);
	s.dl = dl;
	diag_free(&scratch);
	if (e == ERR_OK) {
		applicant_view_free(&old);
		diag_add(dl, NULL, 0, "code", "applicant %s exists already", in->code);
		return lc_close(&s, ERR_CONFLICT);
	}
	if (e != ERR_NOTFOUND)
		return lc_close(&s, e);
	e = ERR_OK;
	int org = lc_org_need(&s, in->org, "org");
	if (org != TREE_NONE && !org_kind_holds_members(s.r.tree.orgs[org].kind))
		diag_add(dl, NULL, 0, "org", "%s is not a chi bộ (cell or base cell)", in->org);
	else if (org != TREE_NONE && !tree_exists(&s.r.tree, org, listed))
		diag_add(dl, NULL, 0, "org", "%s does not exist on the listing date", in->org);

	/* a re-admission takes the person from the member record */
	struct lc_member x = {0};
	bool have_member = false;
	const char *name = in->full_name, *gender = in->gender, *eth = in->ethnicity, *rel = in->religion;
	const char *card = in->card_number;
	date_t birth = in->birth_date;
	if (in->readmit) {
		if (lc_member_load(&s, in->readmit, "readmit", &x) == ERR_OK) {
			have_member = true;
			name = name ? name : x.m.full_name;
			gender = gender ? gender : x.m.gender;
			eth = eth ? eth : x.m.ethnicity;
			rel = rel ? rel : x.m.religion;
			card = card ? card : x.m.card_number;
			birth = birth != DATE_NONE ? birth : x.m.birth_date;
			enum exit_reason xr;
			if (in->exit_reason && !exit_reason_parse(in->exit_reason, &xr))
				diag_add(dl, NULL, 0, "exit-reason", "unknown reason '%s'", in->exit_reason);
			struct readmit_case c;
			if (!(e = readmit_case_of(&s, &x, in->exit_reason, in->sentence_cleared, &c)))
				lc_check_readmission(&s.rs, &c, listed, dl);
			if (!in->consent)
				rule_refuse(dl, "consent", RULE_READMIT_MONTHS, listed,
					    "a re-admission needs the provincial standing committee's written consent (--consent REF)");
		}
	}
	const char *g = NULL;
	if (!name || !*name)
		diag_add(dl, NULL, 0, "name", "the applicant's full name is required");
	if (!gender_of(gender, &g))
		diag_add(dl, NULL, 0, "gender", "gender must be nam or nữ");
	if (birth == DATE_NONE || birth >= listed)
		diag_add(dl, NULL, 0, "birth", "the birth date is required, before the listing date");
	const char *ceth = refdata_ethnicity(eth ? eth : "Kinh");
	const char *crel = refdata_religion(rel);
	if (!ceth)
		diag_add(dl, NULL, 0, "ethnicity", "unknown ethnic group '%s'", eth);
	if (!crel)
		diag_add(dl, NULL, 0, "religion", "unknown religion '%s'", rel);
	if (card && *card)
		card_id_check(card, birth, g && strcmp(g, "nữ") == 0, listed, "card", dl);
	if (e || diag_count(dl)) {
		if (have_member)
			lc_member_free(&x);
		return lc_close(&s, e ? e : ERR_REFUSED);
	}
	char *clean = text_nfc_clean(name);
	char *key = text_fold(clean);
	struct store_stmt *q = store_stmt(st, STMT_APPLICANT_INSERT);
	stmt_bind_text(q, 1, in->code);
	stmt_bind_text(q, 2, clean);
	stmt_bind_text(q, 3, key);
	stmt_bind_text(q, 4, g);
	lc_bind_date(q, 5, birth);
	stmt_bind_text(q, 6, ceth);
	lc_bind_opt_text(q, 7, crel);
	lc_bind_opt_text(q, 8, card);
	stmt_bind_int(q, 9, s.r.tree.orgs[org].id);
	lc_bind_date(q, 10, listed);
	if (have_member)
		stmt_bind_int(q, 11, x.m.id);
	else
		stmt_bind_null(q, 11);
	lc_bind_opt_text(q, 12, in->consent);
	lc_bind_opt_text(q, 13, in->exit_reason);
	lc_bind_date(q, 14, in->sentence_cleared);
	lc_bind_opt_text(q, 15, in->note);
	e = stmt_exec(q);
	free(clean);
	free(key);
	if (have_member)
		lc_member_free(&x);
	struct applicant_view v;
	if (!e && !(e = load_view(&s, in->code, &v, NULL))) {
		char *after = applicant_json(&v);
		e = audit_record(st, "applicant.add", "applicant", in->code, NULL, after);
		free(after);
		applicant_view_free(&v);
	}
	return lc_close(&s, e);
}

/* The grassroots organization (base committee or base cell) above org on d. */
static int base_of(const struct lc_session *s, int org, date_t d)
{
	for (int i = org, guard = 0; i != TREE_NONE && guard < 64; i = tree_parent_at(&s->r.tree, i, d), guard++)
		if (org_kind_is_base(s->r.tree.orgs[i].kind))
			return i;
	return TREE_NONE;
}

/* Introducers (QĐ 294-QĐ/TW §3.2.1): an official member on the day, in a
 * unit of the same grassroots organization. */
static bool check_introducer(struct lc_session *s, const struct applicant_view *v, const struct applicant_step_rec *r)
{
	struct lc_member x;
	if (lc_member_load(s, r->person, "person", &x))
		return false;
	date_t d = r->date;
	enum member_status ms = lc_member_status(&x, d);
	bool official = member_status_is_member(ms) && ms != MS_PROBATIONARY && ms != MS_SUSPENDED &&
			x.tl.official_from != DATE_NONE && x.tl.official_from <= d;
	bool ok = lc_check_introducer(&s->rs, d, official, r->since, r->person, s->dl);
	int theirs = lc_member_org(s, &x, d), mine = tree_find(&s->r.tree, v->org_code);
	if (official && theirs != TREE_NONE && mine != TREE_NONE) {
		int b1 = base_of(s, theirs, d), b2 = base_of(s, tree_follow(&s->r.tree, mine, d), d);
		if (b1 != b2)
			ok = rule_refuse(s->dl, "person", RULE_INTRODUCER_MONTHS, d,
					 "%s is in %s, not in the applicant's grassroots organization", r->person,
					 s->r.tree.orgs[theirs].code);
	}
	if (v->readmit && strcmp(v->readmit, r->person) == 0)
		ok = rule_refuse(s->dl, "person", RULE_INTRODUCER_MONTHS, d, "the applicant does not introduce themself");
	lc_member_free(&x);
	return ok;
}

/* The ceremony: a new probationary member, or the former member re-admitted. */
static enum err make_member(struct lc_session *s, const struct applicant_view *v, int64_t app_id,
			    const struct applicant_step_in *in, struct step_outcome *out)
{
	struct registry *r = &s->r;
	int org = tree_find(&r->tree, v->org_code);
	date_t dec = v->state.decision;
	json_t *extra = json_object();
	json_object_set_new(extra, "applicant", json_string(v->code));
	enum err e;
	if (v->readmit) {
		struct lc_member x;
		if ((e = lc_member_load(s, v->readmit, "readmit", &x))) {
			json_decref(extra);
			return e;
		}
		/* Re-admitted from the decision (party age counts again from it,
		 * QĐ 294-QĐ/TW §4.4), probation again from the ceremony (§3.5). */
		struct member_event_in ev = {.member_id = v->readmit, .type = EV_READMIT, .date = dec,
					     .org = r->tree.orgs[tree_follow(&r->tree, org, dec)].code,
					     .detail = in->ref ? in->ref : "kết nạp lại"};
		x.new_ceremony = in->date;
		e = lc_member_apply(s, &x, &ev, 1, "member.readmit", extra);
		if (!e)
			snprintf(out->member_id, sizeof(out->member_id), "%s", v->readmit);
		int64_t row = x.m.id;
		lc_member_free(&x);
		if (e)
			return e;
		struct store_stmt *q = store_stmt(s->st, STMT_APPLICANT_SET_MEMBER);
		stmt_bind_int(q, 1, row);
		stmt_bind_int(q, 2, app_id);
		if ((e = stmt_exec(q)))
			return e;
		out->member_created = true;
		return ERR_OK;
	}
	char cv[16];
	const char *id = in->member_id;
	if (!id) {
		if ((e = lc_cv_next(s, tree_follow(&r->tree, org, in->date), in->date, cv))) {
			json_decref(extra);
			return e;
		}
		id = cv;
	}
	struct member_rec old;
	if (registry_member_get(r, id, &old, NULL, NULL) == ERR_OK) {
		member_rec_free(&old);
		json_decref(extra);
		diag_add(s->dl, NULL, 0, "member-id", "member %s exists already", id);
		return ERR_CONFLICT;
	}
	struct member_rec m = {0};
	m.member_id = xstrdup(id);
	m.full_name = xstrdup(v->full_name);
	m.gender = xstrdup(v->gender);
	m.ethnicity = xstrdup(v->ethnicity);
	m.religion = v->religion ? xstrdup(v->religion) : NULL;
	m.card_number = v->card_number ? xstrdup(v->card_number) : NULL;
	m.birth_date = v->birth_date;
	m.org = tree_follow(&r->tree, org, dec);
	m.decision_date = dec;
	m.ceremony_date = in->date;
	m.official_date = DATE_NONE;
	m.status = MS_PROBATIONARY;
	e = registry_member_put(r, &m, NULL, 0, true, "member", "event", s->dl);
	if (!e) {
		m.version = 1;
		json_t *after = record_member(r, &m, NULL, 0);
		json_object_set_new(after, "lifecycle", extra);
		extra = NULL;
		char *text = record_text(after);
		e = audit_record(s->st, "member.add", "member", id, NULL, text);
		free(text);
	}
	if (extra)
		json_decref(extra);
	if (!e) {
		struct store_stmt *q = store_stmt(s->st, STMT_APPLICANT_SET_MEMBER);
		stmt_bind_int(q, 1, m.id);
		stmt_bind_int(q, 2, app_id);
		e = stmt_exec(q);
	}
	if (!e) {
		out->member_created = true;
		snprintf(out->member_id, sizeof(out->member_id), "%s", id);
	}
	member_rec_free(&m);
	return e;
}

enum err admission_step(struct store *st, const struct applicant_step_in *in, struct step_outcome *out,
			struct diag_list *dl)
{
	memset(out, 0, sizeof(*out));
	struct lc_session s;
	enum err e = lc_open(st, true, &s, dl);
	if (e)
		return e;
	struct applicant_view v;
	int64_t id;
	if ((e = load_view(&s, in->code, &v, &id)))
		return lc_close(&s, e);
	char *before = applicant_json(&v);
	struct applicant_step_rec r = {.step = in->step, .date = in->date, .person = in->person, .since = in->since,
				       .ref = in->ref};
	if (in->extended)
		r.flags |= ASF_EXTENDED;
	if (in->authorised)
		r.flags |= ASF_AUTHORISED;
	if (in->late)
		r.flags |= ASF_LATE_OK;
	bool vote = in->step == AS_CELL_VOTE || in->step == AS_COMMITTEE_VOTE || in->step == AS_DECISION;
	if (vote && !lc_parse_votes(in->votes, &r.votes_for, &r.votes_base)) {
		diag_add(dl, NULL, 0, "votes", "give the vote as --votes FOR/OF (e.g. 7/9)");
		e = ERR_USAGE;
	}
	if (!e && !applicant_check_step(&s.rs, s.cal, &v.facts, v.steps, v.nsteps, &r, dl))
		e = ERR_REFUSED;
	if (!e && in->step == AS_INTRODUCER && !check_introducer(&s, &v, &r))
		e = ERR_REFUSED;
	if (!e && in->step == AS_CELL_VOTE && v.readmit) {
		struct lc_member x;
		if (!(e = lc_member_load(&s, v.readmit, "readmit", &x))) {
			struct readmit_case c;
			if (!(e = readmit_case_of(&s, &x, v.exit_reason, v.sentence_cleared, &c)) &&
			    !lc_check_readmission(&s.rs, &c, in->date, dl))
				e = ERR_REFUSED;
			lc_member_free(&x);
		}
	}
	if (!e && in->step == AS_CEREMONY)
		e = make_member(&s, &v, id, in, out);
	if (!e) {
		const char *note = in->late ? in->late : in->note;
		struct store_stmt *q = store_stmt(st, STMT_APPLICANT_STEP_INSERT);
		stmt_bind_int(q, 1, id);
		stmt_bind_text(q, 2, applicant_step_name(r.step));
		lc_bind_date(q, 3, r.date);
		stmt_bind_int(q, 4, vote ? r.votes_for : INT64_MIN);
		stmt_bind_int(q, 5, vote ? r.votes_base : INT64_MIN);
		lc_bind_opt_text(q, 6, r.person);
		lc_bind_date(q, 7, r.since);
		lc_bind_opt_text(q, 8, r.ref);
		stmt_bind_int(q, 9, r.flags);
		lc_bind_opt_text(q, 10, note);
		e = stmt_exec(q);
	}
	struct applicant_view after;
	if (!e && !(e = load_view(&s, in->code, &after, NULL))) {
		char *text = applicant_json(&after);
		e = audit_record(st, "applicant.step", "applicant", in->code, before, text);
		free(text);
		out->passed = (r.flags & ASF_PASSED) != 0;
		char dd[11];
		const struct applicant_state *a = &after.state;
		if (vote && !out->passed && in->step != AS_DECISION) {
			const struct rule_version *rv = rule_at(in->step == AS_CELL_VOTE ? RULE_VOTE_CELL : RULE_VOTE_COMMITTEE, r.date);
			snprintf(out->note, sizeof(out->note), "%s: %d/%d does not reach %d/%d: not passed (%d failed chi bộ vote(s) of %d)",
				 rv->cite, r.votes_for, r.votes_base, rv->value, rv->den, a->failed_cell_votes,
				 rule_value(&s.rs, RULE_VOTE_ROUNDS, r.date));
		} else if (a->deadline != DATE_NONE) {
			date_format_vn(a->deadline, dd);
			snprintf(out->note, sizeof(out->note), "next: %s by %s (%s)", applicant_step_name(a->next), dd,
				 rule_cite(a->deadline_rule, a->deadline));
		}
		applicant_view_free(&after);
	}
	free(before);
	applicant_view_free(&v);
	return lc_close(&s, e);
}
