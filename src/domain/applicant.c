/* applicant: the steps of admission, their checks and the state they leave. */
#include "domain/applicant.h"

#include <string.h>

#include "domain/lifecycle.h"

static const struct {
	const char *name, *label;
} steps[AS__MAX] = {
	[AS_HELPER] = {"helper", "Phân công đảng viên giúp đỡ"},
	[AS_COURSE] = {"course", "Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng"},
	[AS_APPLICATION] = {"application", "Đơn xin vào Đảng"},
	[AS_INTRODUCER] = {"introducer", "Giấy giới thiệu của đảng viên chính thức"},
	[AS_UNION] = {"union", "Nghị quyết giới thiệu của Đoàn / Công đoàn"},
	[AS_CELL_VOTE] = {"cell_vote", "Nghị quyết chi bộ đề nghị kết nạp"},
	[AS_COMMITTEE_VOTE] = {"committee_vote", "Nghị quyết đảng ủy cơ sở"},
	[AS_DECISION] = {"decision", "Quyết định kết nạp"},
	[AS_CEREMONY] = {"ceremony", "Lễ kết nạp"},
	[AS_DROP] = {"drop", "Đưa ra khỏi danh sách"},
};

const char *applicant_step_name(enum applicant_step s)
{
	return (unsigned)s < AS__MAX ? steps[s].name : "";
}

const char *applicant_step_label(enum applicant_step s)
{
	return (unsigned)s < AS__MAX ? steps[s].label : "";
}

bool applicant_step_parse(const char *s, enum applicant_step *out)
{
	for (int i = 0; i < AS__MAX; i++)
		if (strcmp(s, steps[i].name) == 0) {
			*out = (enum applicant_step)i;
			return true;
		}
	return false;
}

void applicant_state_eval(const struct rule_settings *rs, const struct workday_cal *cal,
			  const struct applicant_facts *f, const struct applicant_step_rec *v, size_t n,
			  struct applicant_state *o)
{
	(void)f;
	memset(o, 0, sizeof(*o));
	o->helper = o->course = o->application = o->cell_vote = o->committee_vote = DATE_NONE;
	o->decision = o->ceremony = o->dropped = o->deadline = o->certificate_end = DATE_NONE;
	for (size_t i = 0; i < n; i++) {
		const struct applicant_step_rec *s = &v[i];
		switch (s->step) {
		case AS_HELPER:
			o->helper = s->date;
			break;
		case AS_COURSE:
			o->course = s->date;
			o->certificate_end = lc_certificate_end(rs, s->date);
			break;
		case AS_APPLICATION:
			o->application = s->date;
			break;
		case AS_INTRODUCER:
		case AS_UNION:
			o->introducers++;
			break;
		case AS_CELL_VOTE:
			if (s->flags & ASF_PASSED)
				o->cell_vote = s->date;
			else
				o->failed_cell_votes++;
			break;
		case AS_COMMITTEE_VOTE:
			if (s->flags & ASF_PASSED)
				o->committee_vote = s->date;
			break;
		case AS_DECISION:
			o->decision = s->date;
			o->decision_flags = s->flags;
			break;
		case AS_CEREMONY:
			o->ceremony = s->date;
			break;
		case AS_DROP:
			o->dropped = s->date;
			break;
		default:
			break;
		}
	}
	o->deadline_rule = RULE__MAX;
	if (o->dropped != DATE_NONE || o->ceremony != DATE_NONE) {
		o->next = AS__MAX;
	} else if (o->decision != DATE_NONE) {
		o->next = AS_CEREMONY;
		o->deadline = lc_deadline(rs, cal, RULE_CEREMONY_DAYS, o->decision, false);
		o->deadline_rule = RULE_CEREMONY_DAYS;
	} else if (o->cell_vote != DATE_NONE && (!f->needs_committee || o->committee_vote != DATE_NONE)) {
		o->next = AS_DECISION;
		o->deadline = lc_deadline(rs, cal, RULE_DECISION_DAYS, o->cell_vote, false);
		o->deadline_rule = RULE_DECISION_DAYS;
	} else if (o->cell_vote != DATE_NONE) {
		o->next = AS_COMMITTEE_VOTE;
		/* the committee's resolution is part of the same 45 working days */
		o->deadline = lc_deadline(rs, cal, RULE_DECISION_DAYS, o->cell_vote, false);
		o->deadline_rule = RULE_DECISION_DAYS;
	} else if (o->course == DATE_NONE) {
		o->next = AS_COURSE;
	} else if (o->application == DATE_NONE) {
		o->next = AS_APPLICATION;
	} else if (o->introducers < rule_value(rs, RULE_INTRODUCERS, o->application)) {
		o->next = AS_INTRODUCER;
	} else {
		o->next = AS_CELL_VOTE;
	}
}


static bool check_cell_vote(const struct rule_settings *rs, const struct applicant_facts *f,
			    const struct applicant_step_rec *v, size_t n, const struct applicant_state *st,
			    struct applicant_step_rec *s, struct diag_list *dl)
{
	date_t d = s->date;
	char a[11], b[11];
	bool ok = lc_check_age(rs, f->birth, d, f->consent, dl);
	int rounds = rule_value(rs, RULE_VOTE_ROUNDS, d);
	if (st->failed_cell_votes >= rounds)
		ok = rule_refuse(dl, "step", RULE_VOTE_ROUNDS, d,
				 "the chi bộ has voted %d times without reaching 2/3: the upper committee takes the case",
				 st->failed_cell_votes);
	if (st->course == DATE_NONE || st->course > d) {
		ok = rule_refuse(dl, "step", RULE_CERT_MONTHS, d,
				 "the awareness-course certificate comes before the chi bộ resolution (step course)");
	} else if (d > st->certificate_end) {
		date_format_vn(st->course, a);
		date_format_vn(st->certificate_end, b);
		ok = rule_refuse(dl, "step", RULE_CERT_MONTHS, d,
				 "the certificate of %s was valid until %s: the applicant takes the course again", a, b);
	}
	if (st->application == DATE_NONE || st->application > d)
		ok = rule_refuse(dl, "step", RULE_INTRODUCERS, d,
				 "the application letter comes before the chi bộ resolution (step application)");
	/* Letters older than 12 months on the day the chi bộ considers the case
	 * are redone (HD 06-HD/TW §5.4). */
	int months = rule_value(rs, RULE_DOSSIER_MONTHS, d), fresh = 0, stale = 0;
	for (size_t i = 0; i < n; i++)
		if ((v[i].step == AS_INTRODUCER || v[i].step == AS_UNION) && v[i].date <= d) {
			if (date_add_months(v[i].date, months) >= d)
				fresh++;
			else
				stale++;
		}
	int need = rule_value(rs, RULE_INTRODUCERS, d);
	if (fresh < need) {
		if (stale && fresh + stale >= need)
			ok = rule_refuse(dl, "step", RULE_DOSSIER_MONTHS, d,
					 "%d introducer letter(s) are older than %d months and must be redone", stale,
					 months);
		else
			ok = rule_refuse(dl, "step", RULE_INTRODUCERS, d,
					 "%d introducer(s) on file; %d are needed (two official members, or the Youth "
					 "Union or union and one member)",
					 fresh, need);
	}
	if (!ok)
		return false;
	/* the vote itself: a failed vote is recorded, a malformed one refused */
	if (s->votes_base <= 0 || s->votes_for < 0 || s->votes_for > s->votes_base)
		return lc_check_vote(RULE_VOTE_CELL, d, s->votes_for, s->votes_base, "votes", dl);
	if (rule_share_passes(RULE_VOTE_CELL, d, s->votes_for, s->votes_base))
		s->flags |= ASF_PASSED;
	return true;
}

bool applicant_check_step(const struct rule_settings *rs, const struct workday_cal *cal,
			  const struct applicant_facts *f, const struct applicant_step_rec *v, size_t n,
			  struct applicant_step_rec *s, struct diag_list *dl)
{
	struct applicant_state st;
	applicant_state_eval(rs, cal, f, v, n, &st);
	date_t d = s->date;
	char a[11], b[11];
	s->flags &= ~ASF_PASSED;
	if (d == DATE_NONE) {
		diag_add(dl, NULL, 0, "date", "every step needs its date");
		return false;
	}
	if (st.ceremony != DATE_NONE) {
		diag_add(dl, NULL, 0, "step", "the ceremony was held: the applicant is a member now");
		return false;
	}
	if (st.dropped != DATE_NONE) {
		diag_add(dl, NULL, 0, "step", "the applicant was taken off the list");
		return false;
	}
	if (d < f->listed) {
		date_format_vn(f->listed, a);
		diag_add(dl, NULL, 0, "date", "the step is dated before the applicant was listed (%s)", a);
		return false;
	}
	switch (s->step) {
	case AS_HELPER:
	case AS_INTRODUCER:
		if (!s->person || !*s->person) {
			diag_add(dl, NULL, 0, "person", "name the member (--person MEMBER_ID)");
			return false;
		}
		if (s->step == AS_INTRODUCER)
			for (size_t i = 0; i < n; i++)
				if (v[i].step == AS_INTRODUCER && v[i].person && strcmp(v[i].person, s->person) == 0 &&
				    date_add_months(v[i].date, rule_value(rs, RULE_DOSSIER_MONTHS, d)) >= d) {
					diag_add(dl, NULL, 0, "person", "%s introduced the applicant already", s->person);
					return false;
				}
		return true;
	case AS_COURSE:
	case AS_APPLICATION:
	case AS_UNION:
	case AS_DROP:
		return true;
	case AS_CELL_VOTE:
		if (st.cell_vote != DATE_NONE) {
			diag_add(dl, NULL, 0, "step", "the chi bộ has passed its resolution already");
			return false;
		}
		return check_cell_vote(rs, f, v, n, &st, s, dl);
	case AS_COMMITTEE_VOTE:
		if (!f->needs_committee) {
			diag_add(dl, NULL, 0, "step",
				 "the chi bộ is a base cell: its resolution goes to the upper committee (step decision)");
			return false;
		}
		if (st.cell_vote == DATE_NONE || st.cell_vote > d)
			return rule_refuse(dl, "step", RULE_VOTE_COMMITTEE, d,
					   "the grassroots committee considers the case after the chi bộ resolution");
		if (st.committee_vote != DATE_NONE) {
			diag_add(dl, NULL, 0, "step", "the grassroots committee has passed its resolution already");
			return false;
		}
		if (s->votes_base <= 0 || s->votes_for < 0 || s->votes_for > s->votes_base)
			return lc_check_vote(RULE_VOTE_COMMITTEE, d, s->votes_for, s->votes_base, "votes", dl);
		if (rule_share_passes(RULE_VOTE_COMMITTEE, d, s->votes_for, s->votes_base))
			s->flags |= ASF_PASSED;
		return true;
	case AS_DECISION: {
		if (st.decision != DATE_NONE) {
			diag_add(dl, NULL, 0, "step", "the decision was made already");
			return false;
		}
		if (st.cell_vote == DATE_NONE || st.cell_vote > d)
			return rule_refuse(dl, "step", RULE_DECISION_DAYS, d,
					   "the decision follows a chi bộ resolution that reached 2/3 (step cell_vote)");
		if (f->needs_committee && (st.committee_vote == DATE_NONE || st.committee_vote > d))
			return rule_refuse(dl, "step", RULE_VOTE_COMMITTEE, d,
					   "the decision follows the grassroots committee's resolution (step committee_vote)");
		enum rule_id vr = (s->flags & ASF_AUTHORISED) ? RULE_VOTE_AUTHORISED : RULE_VOTE_STANDING;
		bool ok = lc_check_vote(vr, d, s->votes_for, s->votes_base, "votes", dl);
		date_t limit = lc_deadline(rs, cal, RULE_DECISION_DAYS, st.cell_vote, s->flags & ASF_EXTENDED);
		if (d > limit && !(s->flags & ASF_LATE_OK)) {
			date_format_vn(st.cell_vote, a);
			date_format_vn(limit, b);
			ok = rule_refuse(dl, "date", RULE_DECISION_DAYS, st.cell_vote,
					 "the decision was due within %d working days of the chi bộ resolution of %s, by %s%s",
					 rule_value(rs, RULE_DECISION_DAYS, st.cell_vote) +
						 ((s->flags & ASF_EXTENDED) ? rule_value(rs, RULE_DECISION_EXTRA_DAYS, st.cell_vote) : 0),
					 a, b,
					 (s->flags & ASF_EXTENDED) ? "" : " (--extended for a special case; --late REASON to record it anyway)");
		}
		if (ok)
			s->flags |= ASF_PASSED;
		return ok;
	}
	case AS_CEREMONY: {
		if (st.decision == DATE_NONE || st.decision > d)
			return rule_refuse(dl, "step", RULE_CEREMONY_DAYS, d, "the ceremony follows the admission decision");
		date_t limit = lc_deadline(rs, cal, RULE_CEREMONY_DAYS, st.decision, false);
		if (d > limit && !(s->flags & ASF_LATE_OK)) {
			date_format_vn(st.decision, a);
			date_format_vn(limit, b);
			return rule_refuse(dl, "date", RULE_CEREMONY_DAYS, st.decision,
					   "the ceremony was due within %d working days of the decision of %s, by %s; later "
					   "only with the upper committee's consent (--late REF)",
					   rule_value(rs, RULE_CEREMONY_DAYS, st.decision), a, b);
		}
		return true;
	}
	default:
		diag_add(dl, NULL, 0, "step", "unknown step");
		return false;
	}
}
