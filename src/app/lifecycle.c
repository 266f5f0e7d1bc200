/* lifecycle: recognition, probationary removal, exemption, exits,
 * discipline (lifecycle.h). */
#include "app/lifecycle.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "app/lifecycle_int.h"
#include "core/buf.h"
#include "domain/lifecycle.h"

/* Appends a warning to the outcome's note. */

/* Checks an optional vote "FOR/OF" against rule on day d. */
static bool opt_vote(const char *votes, enum rule_id rule, date_t d, const char *col, struct diag_list *dl)
{
	if (!votes)
		return true;
	int f, b;
	if (!lc_parse_votes(votes, &f, &b)) {
		diag_add(dl, NULL, 0, col, "give the vote as FOR/OF (e.g. 7/9), not '%s'", votes);
		return false;
	}
	return lc_check_vote(rule, d, f, b, col, dl);
}

/* The votes of a recognition or probationary removal (HD 06-HD/TW §4.5,
 * §4.6): chi bộ >= 2/3 (required), the grassroots committee >= 2/3 for a
 * member of a cell under one, the standing committee > 1/2 when given. */
static bool probation_votes(struct lc_session *s, const struct lc_member *x, const struct probation_in *in)
{
	bool ok = true;
	if (!in->votes) {
		diag_add(s->dl, NULL, 0, "votes", "give the chi bộ vote (--votes FOR/OF)");
		ok = false;
	} else {
		ok = opt_vote(in->votes, RULE_VOTE_CELL, in->resolution, "votes", s->dl);
	}
	int org = lc_member_org(s, x, in->resolution);
	if (org != TREE_NONE && s->r.tree.orgs[org].kind == ORG_CELL && !in->committee_votes) {
		rule_refuse(s->dl, "committee-votes", RULE_VOTE_COMMITTEE, in->resolution,
			    "%s is a cell under a grassroots committee: give its vote (--committee-votes FOR/OF)",
			    s->r.tree.orgs[org].code);
		ok = false;
	}
	if (!opt_vote(in->committee_votes, RULE_VOTE_COMMITTEE, in->resolution, "committee-votes", s->dl))
		ok = false;
	if (!opt_vote(in->decision_votes, RULE_VOTE_STANDING, in->decision, "decision-votes", s->dl))
		ok = false;
	return ok;
}

static enum err probation(struct store *st, const struct probation_in *in, bool recognize, struct lc_outcome *out,
			  struct diag_list *dl)
{
	memset(out, 0, sizeof(*out));
	if (in->resolution == DATE_NONE || in->decision == DATE_NONE) {
		diag_add(dl, NULL, 0, "resolution", "give the dates of the chi bộ resolution and of the decision");
		return ERR_USAGE;
	}
	struct lc_session s;
	struct lc_member x;
	enum err e = lc_open_member(st, in->member_id, &s, &x, dl);
	if (e)
		return e;
	char a[11], b[11];
	date_t cer = x.m.ceremony_date != DATE_NONE ? x.m.ceremony_date : x.m.decision_date;
	date_t end = lc_probation_end(&s.rs, cer);
	if (lc_member_status(&x, in->resolution) != MS_PROBATIONARY) {
		date_format_vn(in->resolution, a);
		rule_refuse(dl, "member", RULE_PROBATION_MONTHS, in->resolution, "%s is not a probationary member on %s",
			    in->member_id, a);
		e = ERR_REFUSED;
	}
	if (!e && in->decision < in->resolution) {
		diag_add(dl, NULL, 0, "decision", "the decision comes after the chi bộ resolution");
		e = ERR_INPUT;
	}
	if (!e && recognize && in->resolution < end) {
		date_format_vn(end, a);
		rule_refuse(dl, "resolution", RULE_PROBATION_MONTHS, in->resolution,
			    "probation ends on %s (12 months from the ceremony): the chi bộ considers recognition after it", a);
		e = ERR_REFUSED;
	}
	if (!e && !probation_votes(&s, &x, in))
		e = ERR_REFUSED;
	if (e) {
		lc_member_free(&x);
		return lc_close(&s, e);
	}
	/* late steps are recorded, with a warning (QĐ 294-QĐ/TW §4.2.2: official
	 * as of the end of probation even when the chi bộ or the decision is late) */
	if (recognize) {
		date_t lim = lc_deadline(&s.rs, s.cal, RULE_RECOGNITION_DAYS, end, false);
		if (in->resolution > lim) {
			date_format_vn(lim, a);
			lc_warn(out, "%s: the chi bộ was to consider recognition by %s (%d working days after probation ended)",
			     rule_cite(RULE_RECOGNITION_DAYS, end), a, rule_value(&s.rs, RULE_RECOGNITION_DAYS, end));
		}
	}
	date_t dlim = lc_deadline(&s.rs, s.cal, RULE_RECOGNITION_DECISION_DAYS, in->resolution, in->extended);
	if (in->decision > dlim) {
		date_format_vn(dlim, a);
		lc_warn(out, "%s: the decision was due by %s", rule_cite(RULE_RECOGNITION_DECISION_DAYS, in->resolution), a);
	}
	date_format(in->resolution, a);
	date_format(in->decision, b);
	char note[200];
	snprintf(note, sizeof(note), "chi bộ %s (%s)%s%s; quyết định %s", a, in->votes,
		 in->committee_votes ? ", đảng ủy cơ sở " : "", in->committee_votes ? in->committee_votes : "", b);
	struct member_event_in ev = {.member_id = in->member_id};
	struct lc_fact f = {.date = DATE_NONE, .until = DATE_NONE, .number = INT64_MIN, .ref = in->ref, .note = note};
	if (recognize) {
		ev.type = EV_RECOGNIZE;
		ev.date = end;
		ev.detail = in->ref ? in->ref : "công nhận đảng viên chính thức";
		f.kind = "recognize";
		f.date = end;
	} else {
		ev.type = EV_REMOVE;
		ev.date = in->decision;
		ev.detail = "xóa tên đảng viên dự bị";
		f.kind = "exit";
		f.code = "probationary";
		f.date = in->decision;
	}
	out->date = ev.date;
	e = lc_member_apply(&s, &x, &ev, 1, recognize ? "member.recognize" : "member.remove", lc_fact_json(&f));
	if (!e)
		e = lc_fact_add(&s, x.m.id, &f);
	lc_member_free(&x);
	return lc_close(&s, e);
}

enum err lifecycle_recognize(struct store *st, const struct probation_in *in, struct lc_outcome *out,
			     struct diag_list *dl)
{
	return probation(st, in, true, out, dl);
}

enum err lifecycle_remove_probationary(struct store *st, const struct probation_in *in, struct lc_outcome *out,
				       struct diag_list *dl)
{
	return probation(st, in, false, out, dl);
}

/* ---- exemption ---- */

enum err lifecycle_exempt_start(struct store *st, const struct exempt_in *in, struct lc_outcome *out,
				struct diag_list *dl)
{
	memset(out, 0, sizeof(*out));
	enum exempt_reason r;
	if (!in->reason || !exempt_reason_parse(in->reason, &r)) {
		diag_add(dl, NULL, 0, "reason",
			 "give the reason: age, health, treatment, abroad, remote, mobile, retiring or maternity");
		return ERR_USAGE;
	}
	struct lc_session s;
	struct lc_member x;
	enum err e = lc_open_member(st, in->member_id, &s, &x, dl);
	if (e)
		return e;
	int org = lc_member_org(&s, &x, in->date);
	if (org == TREE_NONE) {
		diag_add(dl, NULL, 0, "member", "%s is not a member on that date", in->member_id);
		e = ERR_REFUSED;
	} else if (!lc_check_exemption(&s.rs, r, in->date, in->until, dl)) {
		e = ERR_REFUSED;
	}
	if (!e) {
		const char *who = exempt_decider(r, s.r.tree.orgs[org].kind);
		char detail[200], u[11];
		date_format_vn(in->until, u);
		snprintf(detail, sizeof(detail), "%s; %s quyết định%s%s%s%s", exempt_reason_label(r), who,
			 in->until != DATE_NONE ? "; đến " : "", u, in->ref ? "; " : "", in->ref ? in->ref : "");
		snprintf(out->note, sizeof(out->note), "decided by the %s (%s)", who, rule_cite(RULE_EXEMPT, in->date));
		struct member_event_in ev = {in->member_id, EV_EXEMPT_START, in->date, NULL, NULL, detail};
		struct lc_fact f = {"exempt", in->date, in->until, exempt_reason_name(r), INT64_MIN, in->ref, in->note};
		out->date = in->date;
		e = lc_member_apply(&s, &x, &ev, 1, "member.exempt", lc_fact_json(&f));
		if (!e)
			e = lc_fact_add(&s, x.m.id, &f);
	}
	lc_member_free(&x);
	return lc_close(&s, e);
}

enum err lifecycle_exempt_end(struct store *st, const char *member_id, date_t date, const char *ref,
			      struct lc_outcome *out, struct diag_list *dl)
{
	memset(out, 0, sizeof(*out));
	struct lc_session s;
	struct lc_member x;
	enum err e = lc_open_member(st, member_id, &s, &x, dl);
	if (e)
		return e;
	struct member_event_in ev = {member_id, EV_EXEMPT_END, date, NULL, NULL, ref};
	struct lc_fact f = {"exempt_end", date, DATE_NONE, NULL, INT64_MIN, ref, NULL};
	out->date = date;
	e = lc_member_apply(&s, &x, &ev, 1, "member.exempt_end", lc_fact_json(&f));
	lc_member_free(&x);
	return lc_close(&s, e);
}

/* ---- exits ---- */

enum err lifecycle_exit(struct store *st, const struct exit_in *in, struct lc_outcome *out, struct diag_list *dl)
{
	memset(out, 0, sizeof(*out));
	if (!event_type_is_exit(in->type) || in->type == EV_TRANSFER_OUT) {
		diag_add(dl, NULL, 0, "kind", "an exit is remove, expel, leave or death (transfers: dangbo transfer)");
		return ERR_USAGE;
	}
	enum removal_ground g = RG__MAX;
	enum exit_reason xr = XR_NONE;
	if (in->reason && !exit_reason_parse(in->reason, &xr)) {
		diag_add(dl, NULL, 0, "reason", "unknown reason '%s' (corruption, serious_crime, less_serious_crime, "
			 "disunity, hardship, other)", in->reason);
		return ERR_USAGE;
	}
	if (in->type == EV_REMOVE && (!in->ground || !removal_ground_parse(in->ground, &g))) {
		rule_refuse(dl, "ground", RULE_REMOVAL_GROUNDS, in->date,
			    "a removal states one of the five grounds (--ground 1-5: abandon, card, no_progress, "
			    "standards, political)");
		return ERR_REFUSED;
	}
	struct lc_session s;
	struct lc_member x;
	enum err e = lc_open_member(st, in->member_id, &s, &x, dl);
	if (e)
		return e;
	enum member_status ms = lc_member_status(&x, in->date);
	if (!member_status_is_member(ms)) {
		diag_add(dl, NULL, 0, "member", "%s is not a member on that date", in->member_id);
		e = ERR_REFUSED;
	}
	if (!e && in->type == EV_EXPEL &&
	    !lc_check_discipline(&s.rs, DF_EXPULSION, ms == MS_PROBATIONARY, in->date, dl))
		e = ERR_REFUSED;
	if (!e && (in->type == EV_REMOVE || in->type == EV_EXPEL)) {
		bool ok = opt_vote(in->votes, RULE_VOTE_CELL, in->date, "votes", dl);
		ok = opt_vote(in->committee_votes, RULE_VOTE_COMMITTEE, in->date, "committee-votes", dl) && ok;
		ok = opt_vote(in->decision_votes, RULE_VOTE_STANDING, in->date, "decision-votes", dl) && ok;
		if (!ok)
			e = ERR_REFUSED;
	}
	if (!e) {
		struct buf d;
		buf_init(&d, 0);
		switch (in->type) {
		case EV_REMOVE:
			buf_addf(&d, "xóa tên: %s", removal_ground_label(g));
			break;
		case EV_EXPEL:
			buf_adds(&d, "khai trừ");
			break;
		case EV_LEAVE:
			buf_adds(&d, "xin ra khỏi Đảng");
			break;
		default:
			buf_adds(&d, "từ trần");
			break;
		}
		if (xr != XR_NONE)
			buf_addf(&d, "; %s", exit_reason_label(xr));
		if (in->ref)
			buf_addf(&d, "; %s", in->ref);
		struct member_event_in ev = {in->member_id, in->type, in->date, NULL, NULL, buf_str(&d)};
		struct lc_fact f = {"exit", in->date, DATE_NONE, xr != XR_NONE ? exit_reason_name(xr) : NULL,
				    g != RG__MAX ? (int64_t)g + 1 : INT64_MIN, in->ref, in->note};
		static const char *const actions[] = {[EV_REMOVE] = "member.remove", [EV_EXPEL] = "member.expel",
						      [EV_LEAVE] = "member.leave", [EV_DEATH] = "member.death"};
		out->date = in->date;
		e = lc_member_apply(&s, &x, &ev, 1, actions[in->type], lc_fact_json(&f));
		if (!e)
			e = lc_fact_add(&s, x.m.id, &f);
		if (!e && in->type == EV_REMOVE)
			snprintf(out->note, sizeof(out->note), "ground %d: %s (%s)", (int)g + 1, removal_ground_label(g),
				 rule_cite(RULE_REMOVAL_GROUNDS, in->date));
		buf_free(&d);
	}
	lc_member_free(&x);
	return lc_close(&s, e);
}

/* ---- discipline ---- */

enum err lifecycle_discipline(struct store *st, const struct discipline_in *in, struct lc_outcome *out,
			      struct diag_list *dl)
{
	memset(out, 0, sizeof(*out));
	enum discipline_form f;
	if (!in->form || !discipline_form_parse(in->form, &f)) {
		rule_refuse(dl, "form", RULE_DISCIPLINE_FORMS, in->date,
			    "the form is reprimand (khiển trách), warning (cảnh cáo), dismissal (cách chức) or "
			    "expulsion (khai trừ)");
		return ERR_USAGE;
	}
	if (f == DF_EXPULSION) {
		struct exit_in x = {.member_id = in->member_id, .type = EV_EXPEL, .date = in->date, .ref = in->ref,
				    .note = in->reason};
		return lifecycle_exit(st, &x, out, dl);
	}
	struct lc_session s;
	struct lc_member x;
	enum err e = lc_open_member(st, in->member_id, &s, &x, dl);
	if (e)
		return e;
	enum member_status ms = lc_member_status(&x, in->date);
	if (!member_status_is_member(ms)) {
		diag_add(dl, NULL, 0, "member", "%s is not a member on that date", in->member_id);
		e = ERR_REFUSED;
	} else if (!lc_check_discipline(&s.rs, f, ms == MS_PROBATIONARY, in->date, dl)) {
		e = ERR_REFUSED;
	}
	if (!e) {
		char detail[300];
		snprintf(detail, sizeof(detail), "%s%s%s%s%s", discipline_form_label(f), in->reason ? "; " : "",
			 in->reason ? in->reason : "", in->ref ? "; " : "", in->ref ? in->ref : "");
		struct member_event_in ev = {in->member_id, EV_DISCIPLINE, in->date, NULL, NULL, detail};
		struct lc_fact fact = {"discipline", in->date, DATE_NONE, discipline_form_name(f), INT64_MIN, in->ref,
				       in->reason};
		out->date = in->date;
		e = lc_member_apply(&s, &x, &ev, 1, "member.discipline", lc_fact_json(&fact));
		if (!e)
			e = lc_fact_add(&s, x.m.id, &fact);
	}
	lc_member_free(&x);
	return lc_close(&s, e);
}
