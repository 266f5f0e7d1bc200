/* h_lifecycle: the lifecycle operations that the CLI had alone — transfers
 * of party activity, exemption, exit, discipline, the card check, the
 * admission pipeline of applicants and congress planning — as API routes.
 *
 * Each handler reads a JSON body whose members mirror the options of the
 * CLI command one to one (docs/api.md), checks that what it touches lies
 * within the caller's subtree (req_member, req_org: 404 otherwise, as for
 * something that does not exist), and calls the same use case of src/app
 * the CLI calls: the rules, their citations and the audit record are the
 * use case's. A change to a member needs If-Match like every change to a
 * member (h_member.c). A refusal by a rule answers 422 with the use case's
 * problems, each citing the rule. */
#include "http/http.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/admission.h"
#include "app/congress.h"
#include "app/lifecycle.h"
#include "app/record.h"
#include "app/transfer.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "domain/card.h"
#include "domain/rulebook.h"
#include "store/store.h"

/* ---- body helpers ---- */

/* Refuses (400, each field named) the members of the body that are not in
 * known (NULL-terminated): a misspelt option must not pass silently. */
static enum err only_fields(struct req *rq, const char *const *known)
{
	const char *k;
	json_t *v;
	json_object_foreach(rq->json, k, v) {
		bool ok = false;
		for (int i = 0; known[i] && !ok; i++)
			ok = strcmp(k, known[i]) == 0;
		if (!ok)
			diag_add(&rq->dl, NULL, 0, k, "unknown field");
	}
	if (diag_count(&rq->dl))
		return req_fail(rq, ERR_INPUT, "unknown fields in the body");
	return ERR_OK;
}

/* A boolean member of the body: false when absent or null. */
static enum err json_flag(struct req *rq, const char *key, bool *out)
{
	json_t *v = json_object_get(rq->json, key);
	*out = json_is_true(v);
	if (v && !json_is_boolean(v) && !json_is_null(v)) {
		diag_add(&rq->dl, NULL, 0, key, "must be true or false");
		return req_fail(rq, ERR_INPUT, "%s must be true or false", key);
	}
	return ERR_OK;
}

/* One of the words of names (NULL-terminated) in member key: its index. */
static enum err json_word(struct req *rq, const char *key, const char *const *names, int *out)
{
	const char *s;
	enum err e = req_json_str(rq, key, true, &s);
	if (e)
		return e;
	for (int i = 0; names[i]; i++)
		if (strcmp(s, names[i]) == 0) {
			*out = i;
			return ERR_OK;
		}
	struct buf b;
	buf_init(&b, 0);
	for (int i = 0; names[i]; i++)
		buf_addf(&b, "%s%s", i ? ", " : "", names[i]);
	diag_add(&rq->dl, NULL, 0, key, "'%s' is not one of %s", s, b.ptr);
	req_fail(rq, ERR_INPUT, "%s: '%s' is not one of %s", key, s, b.ptr);
	buf_free(&b);
	return ERR_INPUT;
}

/* The end of a member's use case: the transaction ended as e says, then
 * the member page with the use case's note. A refusal keeps the use case's
 * problems (ERR_REFUSED: 422). */
static enum err member_done(struct req *rq, const char *id, enum err e, struct diag_list *dl, const char *note)
{
	req_take_diag(rq, dl);
	if (e && !rq->message && diag_count(&rq->dl))
		req_fail(rq, e, "%s", rq->dl.v[0].msg);
	if ((e = end_checked(rq, e, false)))
		return e;
	return answer_with_note(rq, id, note);
}

/* ---- members ---- */

/* POST /api/v1/members/{member_id}/transfer with If-Match and {"action":
 * "start"|"arrive"|"out"|"temp"|"back", "date", "to", "to_unit",
 * "decision_date", "until", "study", "ref"} (dangbo transfer; app/transfer.h,
 * QĐ 294-QĐ/TW §6.3). "to" must be within the caller's subtree. "out"
 * answers with the transfer record for the receiving database in
 * "transfer_record" (the file `dangbo transfer out --output` writes). */
enum err h_member_transfer(struct req *rq)
{
	static const char *const known[] = {"action", "date", "to", "to_unit", "decision_date", "until",
					    "study", "ref", NULL};
	static const char *const actions[] = {"start", "arrive", "out", "temp", "back", NULL};
	enum { T_START, T_ARRIVE, T_OUT, T_TEMP, T_BACK };
	const char *id = rq->params[0];
	struct transfer_in in = {.member_id = id};
	int act;
	enum err e;
	if ((e = only_fields(rq, known)) || (e = json_word(rq, "action", actions, &act)) ||
	    (e = req_json_date(rq, "date", true, &in.date)) || (e = req_json_str(rq, "to", false, &in.to)) ||
	    (e = req_json_str(rq, "to_unit", false, &in.to_unit)) ||
	    (e = req_json_date(rq, "decision_date", false, &in.decision_date)) ||
	    (e = req_json_date(rq, "until", false, &in.until)) || (e = json_flag(rq, "study", &in.study)) ||
	    (e = req_json_str(rq, "ref", false, &in.ref)))
		return e;
	if (act == T_START && !in.to) {
		diag_add(&rq->dl, NULL, 0, "to", "required for a start (the receiving chi bộ)");
		return req_fail(rq, ERR_INPUT, "to is required for a start");
	}
	if (act == T_TEMP && in.until == DATE_NONE) {
		diag_add(&rq->dl, NULL, 0, "until", "required for a temporary transfer");
		return req_fail(rq, ERR_INPUT, "until is required for a temporary transfer");
	}
	int org;
	if (in.to && (e = req_org(rq, in.to, &org)))
		return e;
	/* out: the use case writes the record to a new file (it will not
	 * overwrite one), in a private directory of its own */
	char dir[] = "/tmp/dangbo-transfer-XXXXXX", path[sizeof(dir) + 16];
	if (act == T_OUT) {
		if (!mkdtemp(dir))
			return req_fail(rq, ERR_IO, "cannot make a temporary directory for the transfer record");
		snprintf(path, sizeof(path), "%s/record.json", dir);
	}
	if ((e = begin_checked(rq, id))) {
		if (act == T_OUT)
			rmdir(dir);
		return e;
	}
	struct diag_list dl;
	diag_init(&dl);
	struct lc_outcome out = {0};
	switch (act) {
	case T_START:
		e = transfer_start(rq->w->st, &in, &out, &dl);
		break;
	case T_ARRIVE:
		e = transfer_arrive(rq->w->st, id, in.date, &out, &dl);
		break;
	case T_OUT:
		e = transfer_out(rq->w->st, &in, path, &out, &dl);
		break;
	case T_TEMP:
		e = transfer_temp(rq->w->st, &in, &out, &dl);
		break;
	default:
		e = transfer_back(rq->w->st, id, in.date, &out, &dl);
		break;
	}
	json_t *record = NULL;
	if (act == T_OUT) {
		json_error_t je;
		if (!e && !(record = json_load_file(path, 0, &je)))
			e = req_fail(rq, ERR_IO, "the transfer record cannot be read back: %s", je.text);
		unlink(path);
		rmdir(dir);
	}
	if ((e = member_done(rq, id, e, &dl, out.note))) {
		json_decref(record);
		return e;
	}
	if (record)
		json_object_set_new(rq->out, "transfer_record", record);
	return ERR_OK;
}

/* POST /api/v1/members/{member_id}/exempt with If-Match and {"action":
 * "start"|"end", "date", "reason", "until", "ref", "note"} (dangbo exempt;
 * lifecycle_exempt_start/_end, QĐ 294-QĐ/TW §7). */
enum err h_member_exempt(struct req *rq)
{
	static const char *const known[] = {"action", "date", "reason", "until", "ref", "note", NULL};
	static const char *const actions[] = {"start", "end", NULL};
	const char *id = rq->params[0];
	struct exempt_in in = {.member_id = id};
	int act;
	enum err e;
	if ((e = only_fields(rq, known)) || (e = json_word(rq, "action", actions, &act)) ||
	    (e = req_json_date(rq, "date", true, &in.date)) || (e = req_json_str(rq, "reason", act == 0, &in.reason)) ||
	    (e = req_json_date(rq, "until", false, &in.until)) || (e = req_json_str(rq, "ref", false, &in.ref)) ||
	    (e = req_json_str(rq, "note", false, &in.note)))
		return e;
	if ((e = begin_checked(rq, id)))
		return e;
	struct diag_list dl;
	diag_init(&dl);
	struct lc_outcome out = {0};
	e = act == 0 ? lifecycle_exempt_start(rq->w->st, &in, &out, &dl)
		     : lifecycle_exempt_end(rq->w->st, id, in.date, in.ref, &out, &dl);
	return member_done(rq, id, e, &dl, out.note);
}

/* POST /api/v1/members/{member_id}/exit with If-Match and {"kind":
 * "remove"|"expel"|"leave"|"death", "date", "ground", "reason", "votes",
 * "committee_votes", "decision_votes", "ref", "note"} (dangbo exit;
 * lifecycle_exit, QĐ 294-QĐ/TW §8). "ground" is 1-5 or its name, as a
 * string or a number. */
enum err h_member_exit(struct req *rq)
{
	static const char *const known[] = {"kind", "date", "ground", "reason", "votes", "committee_votes",
					    "decision_votes", "ref", "note", NULL};
	static const char *const kinds[] = {"remove", "expel", "leave", "death", NULL};
	static const enum event_type types[] = {EV_REMOVE, EV_EXPEL, EV_LEAVE, EV_DEATH};
	const char *id = rq->params[0];
	struct exit_in in = {.member_id = id};
	int k;
	enum err e;
	char ground[24];
	json_t *g = json_object_get(rq->json, "ground");
	if ((e = only_fields(rq, known)) || (e = json_word(rq, "kind", kinds, &k)) ||
	    (e = req_json_date(rq, "date", true, &in.date)))
		return e;
	if (json_is_integer(g)) {
		snprintf(ground, sizeof(ground), "%lld", (long long)json_integer_value(g));
		in.ground = ground;
	} else if ((e = req_json_str(rq, "ground", false, &in.ground))) {
		return e;
	}
	if ((e = req_json_str(rq, "reason", false, &in.reason)) || (e = req_json_str(rq, "votes", false, &in.votes)) ||
	    (e = req_json_str(rq, "committee_votes", false, &in.committee_votes)) ||
	    (e = req_json_str(rq, "decision_votes", false, &in.decision_votes)) ||
	    (e = req_json_str(rq, "ref", false, &in.ref)) || (e = req_json_str(rq, "note", false, &in.note)))
		return e;
	in.type = types[k];
	if ((e = begin_checked(rq, id)))
		return e;
	struct diag_list dl;
	diag_init(&dl);
	struct lc_outcome out = {0};
	e = lifecycle_exit(rq->w->st, &in, &out, &dl);
	return member_done(rq, id, e, &dl, out.note);
}

/* POST /api/v1/members/{member_id}/discipline with If-Match and {"form",
 * "date", "reason", "ref"} (dangbo discipline; lifecycle_discipline,
 * QĐ 296-QĐ/TW). */
enum err h_member_discipline(struct req *rq)
{
	static const char *const known[] = {"form", "date", "reason", "ref", NULL};
	const char *id = rq->params[0];
	struct discipline_in in = {.member_id = id};
	enum err e;
	if ((e = only_fields(rq, known)) || (e = req_json_str(rq, "form", true, &in.form)) ||
	    (e = req_json_date(rq, "date", true, &in.date)) || (e = req_json_str(rq, "reason", false, &in.reason)) ||
	    (e = req_json_str(rq, "ref", false, &in.ref)))
		return e;
	if ((e = begin_checked(rq, id)))
		return e;
	struct diag_list dl;
	diag_init(&dl);
	struct lc_outcome out = {0};
	e = lifecycle_discipline(rq->w->st, &in, &out, &dl);
	return member_done(rq, id, e, &dl, out.note);
}

/* POST /api/v1/members/{member_id}/card with {"card_number", "as_of"}:
 * checks the member's card number (or card_number, before it is entered)
 * against the member's birth date and gender, as `dangbo card check ID
 * --birth --gender` does (card_id_check; HD 38-HD/BTCTW §I.2.2). Changes
 * nothing. 200 {"member_id", "card_number", "valid": true}; a number that
 * fails a check 422 with the problems. */
enum err h_member_card(struct req *rq)
{
	static const char *const known[] = {"card_number", "as_of", NULL};
	const char *number;
	date_t as_of;
	enum err e;
	if ((e = only_fields(rq, known)) || (e = req_json_str(rq, "card_number", false, &number)) ||
	    (e = req_json_date(rq, "as_of", false, &as_of)))
		return e;
	if (as_of == DATE_NONE)
		as_of = rq->today;
	struct member_rec m;
	if ((e = req_member(rq, rq->params[0], &m, NULL, NULL)))
		return e;
	char *num = xstrdup(number ? number : m.card_number ? m.card_number : "");
	int female = -1;
	if (m.gender) {
		char *g = text_fold(m.gender);
		female = strcmp(g, "nu") == 0 ? 1 : strcmp(g, "nam") == 0 ? 0 : -1;
		free(g);
	}
	date_t birth = m.birth_date;
	member_rec_free(&m);
	if (!*num) {
		free(num);
		diag_add(&rq->dl, NULL, 0, "card_number", "the member has no card number: give one to check");
		return req_fail(rq, ERR_INPUT, "the member has no card number: give card_number to check one");
	}
	struct diag_list dl;
	diag_init(&dl);
	bool ok = card_id_check(num, birth, female, as_of, "card_number", &dl);
	req_take_diag(rq, &dl);
	if (!ok) {
		req_fail(rq, ERR_REFUSED, "card number %s does not pass the checks", num);
		free(num);
		return ERR_REFUSED;
	}
	rq->out = json_pack("{s:s, s:s, s:b}", "member_id", rq->params[0], "card_number", num, "valid", 1);
	free(num);
	return ERR_OK;
}

/* ---- applicants (app/admission.h) ---- */

static json_t *opt_str(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

static json_t *applicant_json(const struct applicant_view *v)
{
	json_t *j = json_object();
	json_object_set_new(j, "code", json_string(v->code));
	json_object_set_new(j, "full_name", opt_str(v->full_name));
	json_object_set_new(j, "gender", opt_str(v->gender));
	json_object_set_new(j, "birth_date", record_date(v->birth_date));
	json_object_set_new(j, "ethnicity", opt_str(v->ethnicity));
	json_object_set_new(j, "religion", opt_str(v->religion));
	json_object_set_new(j, "card_number", opt_str(v->card_number));
	json_object_set_new(j, "org", opt_str(v->org_code));
	json_object_set_new(j, "listed_on", record_date(v->listed_on));
	json_object_set_new(j, "consent", opt_str(v->consent));
	json_object_set_new(j, "readmit", opt_str(v->readmit));
	json_object_set_new(j, "member_id", opt_str(v->member_id));
	json_object_set_new(j, "note", opt_str(v->note));
	json_t *steps = json_array();
	for (size_t i = 0; i < v->nsteps; i++) {
		const struct applicant_step_rec *r = &v->steps[i];
		json_t *x = json_object();
		json_object_set_new(x, "step", json_string(applicant_step_name(r->step)));
		json_object_set_new(x, "label", json_string(applicant_step_label(r->step)));
		json_object_set_new(x, "date", record_date(r->date));
		if (r->votes_base) {
			json_object_set_new(x, "votes_for", json_integer(r->votes_for));
			json_object_set_new(x, "votes_of", json_integer(r->votes_base));
			json_object_set_new(x, "passed", json_boolean(r->flags & ASF_PASSED));
		}
		json_object_set_new(x, "person", opt_str(r->person));
		json_object_set_new(x, "ref", opt_str(r->ref));
		json_object_set_new(x, "note", opt_str(v->notes[i]));
		json_array_append_new(steps, x);
	}
	json_object_set_new(j, "steps", steps);
	const struct applicant_state *s = &v->state;
	const char *next = s->next != AS__MAX ? applicant_step_name(s->next)
					     : s->ceremony != DATE_NONE ? "admitted" : "dropped";
	json_object_set_new(j, "next", json_string(next));
	json_object_set_new(j, "deadline", record_date(s->deadline));
	json_object_set_new(j, "deadline_rule",
			    s->deadline != DATE_NONE ? json_string(rule_cite(s->deadline_rule, s->deadline)) : json_null());
	json_object_set_new(j, "certificate_end", record_date(s->certificate_end));
	return j;
}

/* GET /api/v1/applicants?org=CODE&as_of=DATE&all=1 (dangbo applicant
 * list): the applicants of org's subtree (the caller's scope by default),
 * those still in the pipeline unless all. */
enum err h_applicants_list(struct req *rq)
{
	date_t as_of;
	enum err e;
	if ((e = req_query_date(rq, "as_of", &as_of)))
		return e;
	const char *code = req_query(rq, "org");
	int org;
	if ((e = req_org(rq, code ? code : rq->sess.user.org, &org)))
		return e;
	const char *all = req_query(rq, "all");
	struct diag_list dl;
	diag_init(&dl);
	struct applicant_view *v;
	size_t n;
	e = admission_list(rq->w->st, rq->reg->tree.orgs[org].code, as_of, all && strcmp(all, "0") != 0, &v, &n, &dl);
	req_take_diag(rq, &dl);
	if (e == ERR_STORE)
		return req_fail(rq, e, "%s", store_errmsg(rq->w->st));
	if (e)
		return e;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, applicant_json(&v[i]));
	applicant_views_free(v, n);
	rq->out = json_pack("{s:o}", "items", items);
	return ERR_OK;
}

/* The applicant code, if its chi bộ is within the caller's subtree:
 * ERR_NOTFOUND otherwise, as for one that does not exist. */
static enum err applicant_in_scope(struct req *rq, const char *code, struct applicant_view *v)
{
	struct diag_list dl;
	diag_init(&dl);
	enum err e = admission_get(rq->w->st, code, v, &dl);
	diag_free(&dl);
	int org;
	if (e == ERR_OK && req_org(rq, v->org_code, &org)) {
		applicant_view_free(v);
		e = ERR_NOTFOUND;
	}
	if (e == ERR_NOTFOUND) {
		free(rq->message);
		rq->message = NULL;
		return req_fail(rq, e, "no applicant '%s'", code);
	}
	if (e)
		return req_fail(rq, e, "%s", store_errmsg(rq->w->st));
	return ERR_OK;
}

/* The applicant as it is now, into rq->out. */
static enum err answer_applicant(struct req *rq, const char *code)
{
	struct applicant_view v;
	enum err e = applicant_in_scope(rq, code, &v);
	if (e)
		return e;
	rq->out = applicant_json(&v);
	applicant_view_free(&v);
	return ERR_OK;
}

/* POST /api/v1/applicants {"code", "full_name", "gender", "birth_date",
 * "org", "listed_on", "ethnicity", "religion", "card_number", "consent",
 * "note", "readmit", "exit_reason", "sentence_cleared"} (dangbo applicant
 * add; admission_add): 201 with the applicant. org, and the former member
 * to re-admit, must be within the caller's subtree. */
enum err h_applicant_add(struct req *rq)
{
	static const char *const known[] = {"code", "full_name", "gender", "birth_date", "org", "listed_on",
					    "ethnicity", "religion", "card_number", "consent", "note", "readmit",
					    "exit_reason", "sentence_cleared", NULL};
	struct applicant_in in = {0};
	enum err e;
	if ((e = only_fields(rq, known)) || (e = req_json_str(rq, "code", true, &in.code)) ||
	    (e = req_json_str(rq, "org", true, &in.org)) || (e = req_json_str(rq, "readmit", false, &in.readmit)) ||
	    (e = req_json_str(rq, "full_name", !in.readmit, &in.full_name)) ||
	    (e = req_json_str(rq, "gender", !in.readmit, &in.gender)) ||
	    (e = req_json_date(rq, "birth_date", !in.readmit, &in.birth_date)) ||
	    (e = req_json_date(rq, "listed_on", false, &in.listed_on)) ||
	    (e = req_json_str(rq, "ethnicity", false, &in.ethnicity)) ||
	    (e = req_json_str(rq, "religion", false, &in.religion)) ||
	    (e = req_json_str(rq, "card_number", false, &in.card_number)) ||
	    (e = req_json_str(rq, "consent", false, &in.consent)) || (e = req_json_str(rq, "note", false, &in.note)) ||
	    (e = req_json_str(rq, "exit_reason", false, &in.exit_reason)) ||
	    (e = req_json_date(rq, "sentence_cleared", false, &in.sentence_cleared)))
		return e;
	int org;
	if ((e = req_org(rq, in.org, &org)))
		return e;
	if (in.readmit) {
		struct member_rec m;
		if ((e = req_member(rq, in.readmit, &m, NULL, NULL)))
			return e;
		member_rec_free(&m);
	}
	struct diag_list dl;
	diag_init(&dl);
	e = admission_add(rq->w->st, &in, &dl);
	req_take_diag(rq, &dl);
	if (e == ERR_STORE && !rq->dl.n)
		return req_fail(rq, e, "%s", store_errmsg(rq->w->st));
	if (e)
		return rq->dl.n ? req_fail(rq, e, "%s", rq->dl.v[0].msg) : e;
	if ((e = answer_applicant(rq, in.code)))
		return e;
	char loc[256];
	snprintf(loc, sizeof(loc), API "/applicants?org=%s&all=1", in.org);
	req_header(rq, "Location", loc);
	rq->status = 201;
	return ERR_OK;
}

/* POST /api/v1/applicants/{code}/steps {"step", "date", "votes", "person",
 * "since", "ref", "note", "extended", "authorised", "late", "member_id"}
 * (dangbo applicant step; admission_step, QĐ 294-QĐ/TW §3, HD 06-HD/TW
 * §3): {"applicant", "passed", "member_created", "member_id", "note"}. A
 * failed vote is recorded (passed false); the ceremony creates the member. */
enum err h_applicant_step(struct req *rq)
{
	static const char *const known[] = {"step", "date", "votes", "person", "since", "ref", "note",
					    "extended", "authorised", "late", "member_id", NULL};
	const char *code = rq->params[0], *step;
	struct applicant_step_in in = {.code = code};
	enum err e;
	if ((e = only_fields(rq, known)) || (e = req_json_str(rq, "step", true, &step)) ||
	    (e = req_json_date(rq, "date", true, &in.date)) || (e = req_json_str(rq, "votes", false, &in.votes)) ||
	    (e = req_json_str(rq, "person", false, &in.person)) || (e = req_json_date(rq, "since", false, &in.since)) ||
	    (e = req_json_str(rq, "ref", false, &in.ref)) || (e = req_json_str(rq, "note", false, &in.note)) ||
	    (e = json_flag(rq, "extended", &in.extended)) || (e = json_flag(rq, "authorised", &in.authorised)) ||
	    (e = req_json_str(rq, "late", false, &in.late)) || (e = req_json_str(rq, "member_id", false, &in.member_id)))
		return e;
	if (!applicant_step_parse(step, &in.step)) {
		diag_add(&rq->dl, NULL, 0, "step",
			 "unknown step '%s' (helper, course, application, introducer, union, cell_vote, "
			 "committee_vote, decision, ceremony, drop)",
			 step);
		return req_fail(rq, ERR_INPUT, "unknown step '%s'", step);
	}
	struct applicant_view v;
	if ((e = applicant_in_scope(rq, code, &v)))
		return e;
	applicant_view_free(&v);
	struct diag_list dl;
	diag_init(&dl);
	struct step_outcome out = {0};
	e = admission_step(rq->w->st, &in, &out, &dl);
	req_take_diag(rq, &dl);
	if (e == ERR_STORE && !rq->dl.n)
		return req_fail(rq, e, "%s", store_errmsg(rq->w->st));
	if (e)
		return rq->dl.n ? req_fail(rq, e, "%s", rq->dl.v[0].msg) : e;
	if ((e = answer_applicant(rq, code)))
		return e;
	json_t *a = rq->out;
	rq->out = json_pack("{s:o, s:b, s:b, s:o, s:o}", "applicant", a, "passed", out.passed, "member_created",
			    out.member_created, "member_id", out.member_created ? json_string(out.member_id) : json_null(),
			    "note", opt_str(out.note));
	return ERR_OK;
}

/* ---- congresses (app/congress.h) ---- */

/* GET /api/v1/congresses?org=CODE&term=T&as_of=DATE (dangbo congress
 * list): held over planned, per kind of organization, over org's subtree
 * (the caller's scope by default). */
enum err h_congresses_list(struct req *rq)
{
	date_t as_of;
	enum err e;
	if ((e = req_query_date(rq, "as_of", &as_of)))
		return e;
	const char *term = req_query(rq, "term"), *code = req_query(rq, "org");
	if (!term || !congress_term_valid(term)) {
		diag_add(&rq->dl, NULL, 0, "term", "give the term as YYYY-YYYY (e.g. 2025-2030)");
		return req_fail(rq, ERR_INPUT, "term: give the term as YYYY-YYYY (e.g. 2025-2030)");
	}
	int org;
	if ((e = req_org(rq, code ? code : rq->sess.user.org, &org)))
		return e;
	const char *oc = rq->reg->tree.orgs[org].code;
	struct buf msg;
	buf_init(&msg, 0);
	struct congress_progress pr;
	e = congress_progress_get(rq->w->st, oc, term, as_of, &pr, &msg);
	if (e) {
		req_fail(rq, e, "%s", msg.ptr ? msg.ptr : err_str(e));
		buf_free(&msg);
		return e;
	}
	buf_free(&msg);
	json_t *kinds = json_array();
	int64_t tp = 0, th = 0;
	for (int k = 0; k < ORG_KIND__MAX; k++) {
		if (!pr.planned[k])
			continue;
		json_array_append_new(kinds, json_pack("{s:s, s:s, s:I, s:I, s:I, s:I}", "kind",
						       org_kind_name((enum org_kind)k), "label",
						       org_kind_label((enum org_kind)k), "planned", (json_int_t)pr.planned[k],
						       "held", (json_int_t)pr.held[k], "direct_secretary",
						       (json_int_t)pr.direct_secretary[k], "pilot", (json_int_t)pr.pilot[k]));
		tp += pr.planned[k];
		th += pr.held[k];
	}
	rq->out = json_pack("{s:s, s:s, s:o, s:I, s:I, s:o}", "org", oc, "term", term, "as_of", record_date(as_of),
			    "planned", (json_int_t)tp, "held", (json_int_t)th, "kinds", kinds);
	return ERR_OK;
}

/* POST /api/v1/congresses {"org", "term", "kind", "planned", "notice",
 * "pilot", "direct_secretary", "political_report", "committee_review",
 * "election_plan", "delegates_plan"} (dangbo congress plan;
 * congress_plan_put): 201 {"org", "term", "planned"}. The term and kind are
 * checked here as input (400); what congress_plan_put refuses then is a
 * rule (a notice under 30 working days before the opening, QĐ 294-QĐ/TW
 * §11–16; a congress held already): 422 with its message. */
enum err h_congress_plan(struct req *rq)
{
	static const char *const known[] = {"org", "term", "kind", "planned", "notice", "pilot", "direct_secretary",
					    "political_report", "committee_review", "election_plan", "delegates_plan",
					    NULL};
	struct congress_plan p = {0};
	const char *kind;
	enum err e;
	if ((e = only_fields(rq, known)) || (e = req_json_str(rq, "org", true, &p.org_code)) ||
	    (e = req_json_str(rq, "term", true, &p.term)) || (e = req_json_str(rq, "kind", true, &kind)) ||
	    (e = req_json_date(rq, "planned", true, &p.planned)) || (e = req_json_date(rq, "notice", false, &p.notice)) ||
	    (e = json_flag(rq, "pilot", &p.pilot)) || (e = json_flag(rq, "direct_secretary", &p.direct_secretary)) ||
	    (e = req_json_str(rq, "political_report", false, &p.contents[CC_POLITICAL_REPORT])) ||
	    (e = req_json_str(rq, "committee_review", false, &p.contents[CC_COMMITTEE_REVIEW])) ||
	    (e = req_json_str(rq, "election_plan", false, &p.contents[CC_ELECTION])) ||
	    (e = req_json_str(rq, "delegates_plan", false, &p.contents[CC_DELEGATES])))
		return e;
	if (!congress_term_valid(p.term)) {
		diag_add(&rq->dl, NULL, 0, "term", "'%s' is not YYYY-YYYY (e.g. 2025-2030)", p.term);
		return req_fail(rq, ERR_INPUT, "term: '%s' is not YYYY-YYYY", p.term);
	}
	if (!congress_kind_parse(kind, &p.kind)) {
		diag_add(&rq->dl, NULL, 0, "kind", "'%s' is not members or delegates", kind);
		return req_fail(rq, ERR_INPUT, "kind: '%s' is not members or delegates", kind);
	}
	int org;
	if ((e = req_org(rq, p.org_code, &org)))
		return e;
	struct buf msg;
	buf_init(&msg, 0);
	e = congress_plan_put(rq->w->st, &p, &msg);
	if (e == ERR_INPUT)
		e = ERR_REFUSED;
	if (e) {
		if (e == ERR_REFUSED)
			diag_add(&rq->dl, NULL, 0, "planned", "%s", msg.ptr ? msg.ptr : err_str(e));
		req_fail(rq, e, "%s", msg.ptr ? msg.ptr : err_str(e));
		buf_free(&msg);
		return e;
	}
	buf_free(&msg);
	rq->out = json_pack("{s:s, s:s, s:s, s:o, s:o}", "org", p.org_code, "term", p.term, "kind",
			    congress_kind_name(p.kind), "planned", record_date(p.planned), "notice", record_date(p.notice));
	rq->status = 201;
	return ERR_OK;
}
