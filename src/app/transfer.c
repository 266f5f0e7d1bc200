/* transfer: official and temporary transfers, inside, out of and into the
 * database (transfer.h). */
#include "app/transfer.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "app/lifecycle_int.h"
#include "app/record.h"
#include "app/refdata.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "domain/badge.h"
#include "domain/card.h"
#include "domain/lifecycle.h"
#include "io/transfer_record.h"


/* An open transfer of a member (STMT_TRANSFER_OPEN_OF). */
struct open_tr {
	int64_t id;
	char kind[16], direction[16];
	int from, to;       /* tree indexes or TREE_NONE */
	char *unit, *ref, *record;
	date_t decision, introduced, until;
};

static void open_tr_free(struct open_tr *t)
{
	free(t->unit);
	free(t->ref);
	free(t->record);
	memset(t, 0, sizeof(*t));
}

/* The open transfer of member_id, if any (*found). */
static enum err open_of(struct lc_session *s, const char *member_id, struct open_tr *t, bool *found)
{
	memset(t, 0, sizeof(*t));
	*found = false;
	struct store_stmt *q = store_stmt(s->st, STMT_TRANSFER_OPEN_OF);
	stmt_bind_text(q, 1, member_id);
	bool row;
	enum err e = stmt_step(q, &row);
	if (e || !row)
		return e;
	*found = true;
	const char *v;
	t->id = stmt_col_int(q, 0);
	snprintf(t->kind, sizeof(t->kind), "%s", (v = stmt_col_text(q, 1)) ? v : "");
	snprintf(t->direction, sizeof(t->direction), "%s", (v = stmt_col_text(q, 2)) ? v : "");
	t->from = stmt_col_null(q, 3) ? TREE_NONE : lc_org_of_id(s, stmt_col_int(q, 3));
	t->to = stmt_col_null(q, 4) ? TREE_NONE : lc_org_of_id(s, stmt_col_int(q, 4));
	t->unit = (v = stmt_col_text(q, 5)) ? xstrdup(v) : NULL;
	t->decision = lc_col_date(q, 6);
	t->introduced = lc_col_date(q, 7);
	t->until = lc_col_date(q, 8);
	t->ref = (v = stmt_col_text(q, 9)) ? xstrdup(v) : NULL;
	t->record = (v = stmt_col_text(q, 10)) ? xstrdup(v) : NULL;
	while (!e && row)
		e = stmt_step(q, &row);
	return e;
}

static enum err insert(struct lc_session *s, const char *member_id, const char *kind, const char *direction, int from,
		       int to, const char *unit, date_t decision, date_t introduced, date_t until, const char *ref,
		       const char *record)
{
	struct store_stmt *q = store_stmt(s->st, STMT_TRANSFER_INSERT);
	stmt_bind_text(q, 1, member_id);
	stmt_bind_text(q, 2, kind);
	stmt_bind_text(q, 3, direction);
	stmt_bind_int(q, 4, from == TREE_NONE ? INT64_MIN : s->r.tree.orgs[from].id);
	stmt_bind_int(q, 5, to == TREE_NONE ? INT64_MIN : s->r.tree.orgs[to].id);
	lc_bind_opt_text(q, 6, unit);
	lc_bind_date(q, 7, decision);
	lc_bind_date(q, 8, introduced);
	lc_bind_date(q, 9, until);
	lc_bind_opt_text(q, 10, ref);
	lc_bind_opt_text(q, 11, record);
	return stmt_exec(q);
}

static enum err close_tr(struct lc_session *s, int64_t id, date_t d)
{
	struct store_stmt *q = store_stmt(s->st, STMT_TRANSFER_CLOSE);
	lc_bind_date(q, 1, d);
	stmt_bind_int(q, 2, id);
	return stmt_exec(q);
}

/* The audit record of a transfer that changes no member (start, accept). */
static enum err audit_transfer(struct lc_session *s, const char *action, const char *member_id, json_t *j)
{
	char *text = record_text(j);
	enum err e = audit_record(s->st, action, "transfer", member_id, NULL, text);
	free(text);
	return e;
}

static json_t *transfer_json(const struct lc_session *s, const char *kind, int from, int to, const char *unit,
			     date_t decision, date_t introduced, date_t until, const char *ref)
{
	json_t *j = json_object();
	json_object_set_new(j, "kind", json_string(kind));
	json_object_set_new(j, "from", from == TREE_NONE ? json_null() : json_string(s->r.tree.orgs[from].code));
	json_object_set_new(j, "to", to == TREE_NONE ? json_null() : json_string(s->r.tree.orgs[to].code));
	if (unit)
		json_object_set_new(j, "unit", json_string(unit));
	json_object_set_new(j, "decision_date", record_date(decision));
	json_object_set_new(j, "introduced_on", record_date(introduced));
	if (until != DATE_NONE)
		json_object_set_new(j, "until", record_date(until));
	if (ref)
		json_object_set_new(j, "ref", json_string(ref));
	return j;
}

/* The member is a member on d, not on a pending transfer. */
static bool can_leave(struct lc_session *s, struct lc_member *x, date_t d, int *org)
{
	*org = lc_member_org(s, x, d);
	if (*org == TREE_NONE) {
		diag_add(s->dl, NULL, 0, "member", "%s is not a member on that date", x->m.member_id);
		return false;
	}
	struct open_tr t;
	bool found;
	if (open_of(s, x->m.member_id, &t, &found) == ERR_OK && found) {
		char a[11];
		date_format_vn(t.introduced, a);
		diag_add(s->dl, NULL, 0, "member", "%s has a %s transfer open since %s (dangbo transfer arrive/back)",
			 x->m.member_id, t.kind, a);
		open_tr_free(&t);
		return false;
	}
	return true;
}

/* Warns when the introduction came later than 60 working days after the
 * decision (QĐ 294-QĐ/TW §6.3). */
static void check_start(struct lc_session *s, const struct transfer_in *in, struct lc_outcome *out)
{
	if (in->decision_date == DATE_NONE)
		return;
	date_t lim = lc_deadline(&s->rs, s->cal, RULE_TRANSFER_START_DAYS, in->decision_date, false);
	if (in->date > lim) {
		char a[11];
		date_format_vn(lim, a);
		lc_warn(out, "%s: the transfer was to start within %d working days of the decision, by %s",
		     rule_cite(RULE_TRANSFER_START_DAYS, in->decision_date),
		     rule_value(&s->rs, RULE_TRANSFER_START_DAYS, in->decision_date), a);
	}
}

enum err transfer_start(struct store *st, const struct transfer_in *in, struct lc_outcome *out, struct diag_list *dl)
{
	memset(out, 0, sizeof(*out));
	struct lc_session s;
	struct lc_member x;
	enum err e = lc_open_member(st, in->member_id, &s, &x, dl);
	if (e)
		return e;
	int from, to = lc_org_need(&s, in->to, "to");
	if (to == TREE_NONE)
		e = ERR_NOTFOUND;
	else if (!can_leave(&s, &x, in->date, &from))
		e = ERR_REFUSED;
	else if (!org_kind_holds_members(s.r.tree.orgs[to].kind) || !tree_exists(&s.r.tree, to, in->date)) {
		diag_add(dl, NULL, 0, "to", "%s is not a chi bộ existing on that date", in->to);
		e = ERR_INPUT;
	} else if (tree_follow(&s.r.tree, to, in->date) == from) {
		diag_add(dl, NULL, 0, "to", "the member is in %s already", s.r.tree.orgs[from].code);
		e = ERR_INPUT;
	}
	if (!e) {
		check_start(&s, in, out);
		e = insert(&s, in->member_id, "official", "internal", from, to, NULL, in->decision_date, in->date,
			   DATE_NONE, in->ref, NULL);
	}
	if (!e)
		e = audit_transfer(&s, "transfer.start", in->member_id,
				   transfer_json(&s, "official", from, to, NULL, in->decision_date, in->date, DATE_NONE,
						 in->ref));
	if (!e) {
		char a[11];
		out->date = in->date;
		date_format_vn(lc_deadline(&s.rs, s.cal, RULE_TRANSFER_REPORT_DAYS, in->date, false), a);
		lc_warn(out, "to report at %s by %s (%s)", in->to, a, rule_cite(RULE_TRANSFER_REPORT_DAYS, in->date));
	}
	lc_member_free(&x);
	return lc_close(&s, e);
}

/* Incoming: the member from the record, in org, from day d. */
static enum err take_in(struct lc_session *s, const struct transfer_record *rec, int org, date_t d, struct lc_outcome *out)
{
	struct registry *r = &s->r;
	struct member_event_in ev = {rec->member_id, EV_TRANSFER_IN, d, r->tree.orgs[tree_follow(&r->tree, org, d)].code,
				     NULL, rec->ref ? rec->ref : "chuyển sinh hoạt đến"};
	json_t *extra = json_object();
	json_object_set_new(extra, "from", json_string(rec->from_org ? rec->from_org : ""));
	json_object_set_new(extra, "party_age_gap_days", json_integer(rec->gap_days));
	struct lc_member x;
	struct diag_list scratch;
	diag_init(&scratch);
	struct diag_list *keep = s->dl;
	s->dl = &scratch;
	enum err e = lc_member_load(s, rec->member_id, "member", &x);
	s->dl = keep;
	diag_free(&scratch);
	int64_t row;
	if (e == ERR_OK) {
		/* a member who had transferred out comes back */
		e = lc_member_apply(s, &x, &ev, 1, "member.transfer_in", extra);
		row = x.m.id;
		lc_member_free(&x);
	} else if (e == ERR_NOTFOUND) {
		struct member_rec m = {0};
		const char *eth = refdata_ethnicity(rec->ethnicity), *rel = refdata_religion(rec->religion);
		if (!eth || !rel) {
			diag_add(s->dl, NULL, 0, "member", "unknown ethnic group or religion in the record");
			json_decref(extra);
			return ERR_INPUT;
		}
		m.member_id = xstrdup(rec->member_id);
		m.full_name = text_nfc_clean(rec->full_name);
		char *g = text_fold(rec->gender);
		m.gender = xstrdup(strcmp(g, "nu") == 0 || strcmp(g, "f") == 0 ? "nữ" : "nam");
		free(g);
		m.ethnicity = xstrdup(eth);
		m.religion = *rel ? xstrdup(rel) : NULL;
		m.card_number = rec->card_number ? xstrdup(rec->card_number) : NULL;
		m.birth_date = rec->birth_date;
		m.decision_date = rec->decision_date;
		m.ceremony_date = rec->ceremony_date;
		m.official_date = rec->official_date;
		m.status = rec->official_date != DATE_NONE ? MS_OFFICIAL : MS_PROBATIONARY;
		m.org = tree_follow(&r->tree, org, d);
		m.education = rec->education ? xstrdup(rec->education) : NULL;
		m.profession_level = rec->profession_level ? xstrdup(rec->profession_level) : NULL;
		m.theory_level = rec->theory_level ? xstrdup(rec->theory_level) : NULL;
		m.occupation = rec->occupation ? xstrdup(rec->occupation) : NULL;
		m.hometown = rec->hometown ? xstrdup(rec->hometown) : NULL;
		struct event_rec er = {d, EV_TRANSFER_IN, m.org, TREE_NONE, xstrdup(ev.detail), 0};
		e = registry_member_put(r, &m, &er, 1, true, "member", "event", s->dl);
		if (!e) {
			m.version = 1;
			json_t *after = record_member(r, &m, &er, 1);
			json_object_set_new(after, "lifecycle", extra);
			extra = NULL;
			char *text = record_text(after);
			e = audit_record(s->st, "member.transfer_in", "member", m.member_id, NULL, text);
			free(text);
		}
		free(er.detail);
		row = m.id;
		member_rec_free(&m);
		if (extra)
			json_decref(extra);
	} else {
		json_decref(extra);
		return e;
	}
	if (e)
		return e;
	/* what the record carries beyond members.csv: days outside the Party,
	 * badges received, discipline (for the badge waits) */
	if (rec->gap_days > 0) {
		struct lc_fact f = {"prior_gap", d, DATE_NONE, NULL, rec->gap_days, rec->ref, rec->from_org};
		if ((e = lc_fact_add(s, row, &f)))
			return e;
	}
	for (size_t i = 0; i < rec->nbadges && !e; i++) {
		struct store_stmt *q = store_stmt(s->st, STMT_BADGE_INSERT);
		stmt_bind_int(q, 1, row);
		stmt_bind_int(q, 2, rec->badges[i].years);
		lc_bind_date(q, 3, rec->badges[i].date);
		stmt_bind_null(q, 4);
		stmt_bind_null(q, 5);
		stmt_bind_text(q, 6, "normal");
		lc_bind_opt_text(q, 7, rec->badges[i].number);
		e = stmt_exec(q);
	}
	for (size_t i = 0; i < rec->ndiscipline && !e; i++) {
		struct lc_fact f = {"discipline", rec->discipline[i].date, DATE_NONE, rec->discipline[i].form, INT64_MIN,
				    NULL, "transfer record"};
		e = lc_fact_add(s, row, &f);
	}
	out->date = d;
	return e;
}

enum err transfer_arrive(struct store *st, const char *member_id, date_t date, struct lc_outcome *out,
			 struct diag_list *dl)
{
	memset(out, 0, sizeof(*out));
	struct lc_session s;
	enum err e = lc_open(st, true, &s, dl);
	if (e)
		return e;
	struct open_tr t;
	bool found;
	if ((e = open_of(&s, member_id, &t, &found)))
		return lc_close(&s, e);
	if (!found || strcmp(t.kind, "official") != 0 || strcmp(t.direction, "out") == 0) {
		diag_add(dl, NULL, 0, "member", "%s has no official transfer waiting for arrival", member_id);
		if (found)
			open_tr_free(&t);
		return lc_close(&s, ERR_NOTFOUND);
	}
	char a[11];
	if (date < t.introduced) {
		date_format_vn(t.introduced, a);
		diag_add(dl, NULL, 0, "date", "the member was introduced on %s: arrival comes after", a);
		e = ERR_INPUT;
	}
	if (!e) {
		date_t lim = lc_deadline(&s.rs, s.cal, RULE_TRANSFER_REPORT_DAYS, t.introduced, false);
		if (date > lim) {
			date_format_vn(lim, a);
			lc_warn(out, "%s: the member was to report by %s", rule_cite(RULE_TRANSFER_REPORT_DAYS, t.introduced), a);
		}
		if (date >= lc_not_arrived_day(&s.rs, t.introduced))
			lc_warn(out, "%s: more than %d months after the introduction (local practice: removal for "
			     "abandoning activity)",
			     rule_cite(RULE_NOT_ARRIVED_MONTHS, t.introduced),
			     rule_value(&s.rs, RULE_NOT_ARRIVED_MONTHS, t.introduced));
	}
	if (!e && strcmp(t.direction, "internal") == 0) {
		struct lc_member x;
		if (!(e = lc_member_load(&s, member_id, "member", &x))) {
			int from = lc_member_org(&s, &x, date);
			if (from == TREE_NONE) {
				diag_add(dl, NULL, 0, "member", "%s is not a member on that date", member_id);
				e = ERR_REFUSED;
			} else {
				struct member_event_in ev = {member_id, EV_MOVE, date, s.r.tree.orgs[from].code,
							     s.r.tree.orgs[tree_follow(&s.r.tree, t.to, date)].code,
							     t.ref ? t.ref : "chuyển sinh hoạt chính thức"};
				e = lc_member_apply(&s, &x, &ev, 1, "member.transfer",
						    transfer_json(&s, "official", t.from, t.to, NULL, t.decision,
								  t.introduced, DATE_NONE, t.ref));
			}
			lc_member_free(&x);
		}
	} else if (!e) {
		struct transfer_record rec;
		struct diag_list scratch;
		diag_init(&scratch);
		if (!t.record || transfer_record_read(t.record, strlen(t.record), "(stored record)", &rec, &scratch)) {
			diag_add(dl, NULL, 0, "member", "the stored transfer record of %s cannot be read", member_id);
			e = ERR_STORE;
		} else {
			e = take_in(&s, &rec, t.to, date, out);
			transfer_record_free(&rec);
		}
		diag_free(&scratch);
	}
	if (!e)
		e = close_tr(&s, t.id, date);
	out->date = date;
	open_tr_free(&t);
	return lc_close(&s, e);
}

/* Days outside the Party before day d (party-age gaps, and those carried
 * in by an earlier transfer record). */
static int64_t gap_days(struct lc_session *s, const struct lc_member *x, date_t d)
{
	int64_t g = (int64_t)(d - x->m.decision_date) - member_party_age_days(&x->f, &x->tl, d);
	struct lc_fact_rec *f;
	size_t n;
	if (lc_facts_of(s, x->m.id, &f, &n) == ERR_OK) {
		for (size_t i = 0; i < n; i++)
			if (strcmp(f[i].kind, "prior_gap") == 0 && f[i].number != INT64_MIN)
				g += f[i].number;
		lc_facts_free(f, n);
	}
	return g < 0 ? 0 : g;
}

/* Writes text to path ("-": standard output). */
static enum err write_file(const char *path, const char *text, struct diag_list *dl)
{
	if (strcmp(path, "-") == 0) {
		fputs(text, stdout);
		return fflush(stdout) == 0 ? ERR_OK : ERR_IO;
	}
	FILE *f = fopen(path, "wx");
	if (!f) {
		diag_add(dl, path, 0, NULL, "cannot create the transfer record: %s", strerror(errno));
		return ERR_IO;
	}
	bool ok = fputs(text, f) >= 0;
	ok = fclose(f) == 0 && ok;
	if (!ok) {
		diag_add(dl, path, 0, NULL, "cannot write the transfer record");
		remove(path);
		return ERR_IO;
	}
	return ERR_OK;
}

enum err transfer_out(struct store *st, const struct transfer_in *in, const char *path, struct lc_outcome *out,
		      struct diag_list *dl)
{
	memset(out, 0, sizeof(*out));
	if (!in->to_unit || !*in->to_unit) {
		diag_add(dl, NULL, 0, "to-unit", "name the receiving organization (--to-unit TEXT)");
		return ERR_USAGE;
	}
	struct lc_session s;
	struct lc_member x;
	enum err e = lc_open_member(st, in->member_id, &s, &x, dl);
	if (e)
		return e;
	int from;
	if (!can_leave(&s, &x, in->date, &from)) {
		lc_member_free(&x);
		return lc_close(&s, ERR_REFUSED);
	}
	check_start(&s, in, out);
	struct transfer_record rec = {0};
	rec.kind = "official";
	rec.member_id = x.m.member_id;
	rec.full_name = x.m.full_name;
	rec.gender = x.m.gender;
	rec.ethnicity = x.m.ethnicity;
	rec.religion = x.m.religion;
	rec.card_number = x.m.card_number;
	rec.birth_date = x.m.birth_date;
	rec.decision_date = x.m.decision_date;
	rec.ceremony_date = x.m.ceremony_date;
	rec.official_date = x.tl.official_from != DATE_NONE && x.tl.official_from <= in->date ? x.tl.official_from
											       : DATE_NONE;
	rec.education = x.m.education;
	rec.profession_level = x.m.profession_level;
	rec.theory_level = x.m.theory_level;
	rec.occupation = x.m.occupation;
	rec.hometown = x.m.hometown;
	rec.gap_days = gap_days(&s, &x, in->date);
	rec.from_org = s.r.tree.orgs[from].code;
	rec.from_org_name = (char *)tree_name_at(&s.r.tree, from, in->date);
	int prov = lc_province_of(&s, from, in->date);
	rec.from_province = prov != TREE_NONE ? s.r.tree.orgs[prov].code : NULL;
	rec.to_unit = (char *)in->to_unit;
	rec.decision = in->decision_date;
	rec.introduced = in->date;
	rec.ref = (char *)in->ref;
	/* badges and discipline travel with the member */
	struct transfer_badge badges[BADGE_MILESTONES + 4];
	struct transfer_discipline disc[64];
	char numbers[BADGE_MILESTONES + 4][32];
	struct store_stmt *q = store_stmt(st, STMT_BADGE_OF_MEMBER);
	stmt_bind_int(q, 1, x.m.id);
	bool row;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		if (rec.nbadges >= sizeof(badges) / sizeof(badges[0]))
			continue;
		struct transfer_badge *b = &badges[rec.nbadges];
		b->years = (int)stmt_col_int(q, 0);
		b->date = lc_col_date(q, 1);
		const char *ref = stmt_col_text(q, 5);
		int64_t serial = stmt_col_null(q, 3) ? 0 : stmt_col_int(q, 3);
		if (serial > 0)
			badge_number_format(b->years, serial, numbers[rec.nbadges], sizeof(numbers[0]));
		else
			snprintf(numbers[rec.nbadges], sizeof(numbers[0]), "%s", ref ? ref : "");
		b->number = numbers[rec.nbadges][0] ? numbers[rec.nbadges] : NULL;
		rec.nbadges++;
	}
	for (size_t i = 0; i < x.nev && rec.ndiscipline < 64; i++) {
		enum discipline_form f;
		if (x.ev[i].type == EV_DISCIPLINE && discipline_form_in_text(x.ev[i].detail, &f) && f != DF_EXPULSION)
			disc[rec.ndiscipline++] = (struct transfer_discipline){x.ev[i].date, (char *)discipline_form_name(f)};
	}
	rec.badges = badges;
	rec.discipline = disc;
	struct buf record;
	buf_init(&record, 0);
	if (!e) {
		transfer_record_write(&rec, &record);
		struct member_event_in ev = {in->member_id, EV_TRANSFER_OUT, in->date, s.r.tree.orgs[from].code, NULL,
					     in->ref ? in->ref : in->to_unit};
		e = insert(&s, in->member_id, "official", "out", from, TREE_NONE, in->to_unit, in->decision_date,
			   in->date, DATE_NONE, in->ref, NULL);
		if (!e)
			e = lc_member_apply(&s, &x, &ev, 1, "member.transfer_out",
					    transfer_json(&s, "official", from, TREE_NONE, in->to_unit, in->decision_date,
							  in->date, DATE_NONE, in->ref));
	}
	bool written = false;
	if (!e)
		written = (e = write_file(path, buf_str(&record), dl)) == ERR_OK;
	buf_free(&record);
	out->date = in->date;
	lc_member_free(&x);
	e = lc_close(&s, e);
	if (e && written && strcmp(path, "-") != 0)
		remove(path);
	return e;
}

enum err transfer_accept(struct store *st, const char *text, size_t n, const char *file, const char *org,
			 date_t arrive, struct lc_outcome *out, struct diag_list *dl)
{
	memset(out, 0, sizeof(*out));
	struct transfer_record rec;
	enum err e = transfer_record_read(text, n, file, &rec, dl);
	if (e)
		return e;
	struct lc_session s;
	if ((e = lc_open(st, true, &s, dl))) {
		transfer_record_free(&rec);
		return e;
	}
	int to = lc_org_need(&s, org, "org");
	date_t day = arrive != DATE_NONE ? arrive : rec.introduced;
	if (to == TREE_NONE) {
		e = ERR_NOTFOUND;
	} else if (!org_kind_holds_members(s.r.tree.orgs[to].kind) || !tree_exists(&s.r.tree, to, day)) {
		char a[11];
		date_format_vn(day, a);
		diag_add(dl, NULL, 0, "org", "%s is not a chi bộ existing on %s", org, a);
		e = ERR_INPUT;
	}
	if (!e && arrive != DATE_NONE && arrive < rec.introduced) {
		diag_add(dl, file, 0, "introduced_on", "the member was introduced after the arrival date given");
		e = ERR_INPUT;
	}
	if (!e) {
		/* what members.csv would refuse, refused now rather than on arrival */
		char *g = text_fold(rec.gender);
		bool female = strcmp(g, "nu") == 0 || strcmp(g, "f") == 0;
		if (!female && strcmp(g, "nam") != 0 && strcmp(g, "m") != 0)
			diag_add(dl, file, 0, "gender", "must be nam or nữ, not '%s'", rec.gender);
		free(g);
		if (!refdata_ethnicity(rec.ethnicity))
			diag_add(dl, file, 0, "ethnicity", "unknown ethnic group '%s'", rec.ethnicity);
		if (!refdata_religion(rec.religion))
			diag_add(dl, file, 0, "religion", "unknown religion '%s'", rec.religion);
		if (rec.birth_date >= rec.decision_date)
			diag_add(dl, file, 0, "decision_date", "the admission decision comes after the birth date");
		if (rec.card_number && *rec.card_number)
			card_id_check(rec.card_number, rec.birth_date, female, day, "card_number", dl);
	}
	if (!e && diag_count(dl))
		e = ERR_INPUT;
	/* a member id already in use by someone who is a member here */
	if (!e) {
		struct lc_member x;
		struct diag_list scratch;
		diag_init(&scratch);
		struct diag_list *keep = s.dl;
		s.dl = &scratch;
		if (lc_member_load(&s, rec.member_id, "member", &x) == ERR_OK) {
			if (x.tl.final_status != MS_TRANSFERRED_OUT) {
				diag_add(dl, file, 0, "member_id", "member %s is in this database already (%s)", rec.member_id,
					 member_status_name(x.tl.final_status));
				e = ERR_CONFLICT;
			}
			lc_member_free(&x);
		}
		s.dl = keep;
		diag_free(&scratch);
		struct open_tr t;
		bool found;
		if (!e && open_of(&s, rec.member_id, &t, &found) == ERR_OK && found) {
			diag_add(dl, file, 0, "member_id", "a transfer of %s is open already", rec.member_id);
			open_tr_free(&t);
			e = ERR_CONFLICT;
		}
	}
	if (!e) {
		/* keep the record as read, to take the member in on arrival */
		struct buf b;
		buf_init(&b, 0);
		transfer_record_write(&rec, &b);
		e = insert(&s, rec.member_id, "official", "in", TREE_NONE, to, rec.from_org, rec.decision, rec.introduced,
			   DATE_NONE, rec.ref, buf_str(&b));
		buf_free(&b);
		if (!e)
			e = audit_transfer(&s, "transfer.accept", rec.member_id,
					   transfer_json(&s, "official", TREE_NONE, to, rec.from_org, rec.decision,
							 rec.introduced, DATE_NONE, rec.ref));
		if (!e && arrive != DATE_NONE) {
			e = take_in(&s, &rec, to, arrive, out);
			struct open_tr t;
			bool found;
			if (!e && !(e = open_of(&s, rec.member_id, &t, &found)) && found) {
				e = close_tr(&s, t.id, arrive);
				open_tr_free(&t);
			}
		}
	}
	out->date = day;
	transfer_record_free(&rec);
	return lc_close(&s, e);
}

enum err transfer_temp(struct store *st, const struct transfer_in *in, struct lc_outcome *out, struct diag_list *dl)
{
	memset(out, 0, sizeof(*out));
	struct lc_session s;
	struct lc_member x;
	enum err e = lc_open_member(st, in->member_id, &s, &x, dl);
	if (e)
		return e;
	int from, to = TREE_NONE;
	if (in->to && (to = lc_org_need(&s, in->to, "to")) == TREE_NONE)
		e = ERR_NOTFOUND;
	else if (!in->to && !in->to_unit) {
		diag_add(dl, NULL, 0, "to", "name where the member goes (--to CODE or --to-unit TEXT)");
		e = ERR_USAGE;
	} else if (!can_leave(&s, &x, in->date, &from) || !lc_check_temp(&s.rs, in->date, in->until, in->study, dl))
		e = ERR_REFUSED;
	if (!e) {
		char u[11], detail[300];
		date_format_vn(in->until, u);
		snprintf(detail, sizeof(detail), "%s: %s, đến %s", in->study ? "đi học" : "sinh hoạt tạm thời",
			 in->to ? in->to : in->to_unit, u);
		const char *kind = in->study ? "study" : "temporary";
		e = insert(&s, in->member_id, kind, to != TREE_NONE ? "internal" : "out", from, to, in->to_unit,
			   DATE_NONE, in->date, in->until, in->ref, NULL);
		struct member_event_in ev = {in->member_id, EV_TEMP_OUT, in->date, NULL, NULL, detail};
		if (!e)
			e = lc_member_apply(&s, &x, &ev, 1, "member.temp_out",
					    transfer_json(&s, kind, from, to, in->to_unit, DATE_NONE, in->date, in->until,
							  in->ref));
		out->date = in->date;
		snprintf(out->note, sizeof(out->note),
			 "still counted at %s; no vote or candidacy at the host; dues paid at the host (%s)",
			 s.r.tree.orgs[from].code, rule_cite(RULE_TEMP_MIN_MONTHS, in->date));
	}
	lc_member_free(&x);
	return lc_close(&s, e);
}

enum err transfer_back(struct store *st, const char *member_id, date_t date, struct lc_outcome *out,
		       struct diag_list *dl)
{
	memset(out, 0, sizeof(*out));
	struct lc_session s;
	enum err e = lc_open(st, true, &s, dl);
	if (e)
		return e;
	struct open_tr t;
	bool found;
	if ((e = open_of(&s, member_id, &t, &found)))
		return lc_close(&s, e);
	if (!found || strcmp(t.kind, "official") == 0) {
		diag_add(dl, NULL, 0, "member", "%s is not on a temporary transfer", member_id);
		if (found)
			open_tr_free(&t);
		return lc_close(&s, ERR_NOTFOUND);
	}
	struct lc_member x;
	if (!(e = lc_member_load(&s, member_id, "member", &x))) {
		struct member_event_in ev = {member_id, EV_TEMP_BACK, date, NULL, NULL, NULL};
		e = lc_member_apply(&s, &x, &ev, 1, "member.temp_back", NULL);
		lc_member_free(&x);
	}
	if (!e)
		e = close_tr(&s, t.id, date);
	if (!e && t.until != DATE_NONE && date > t.until) {
		char a[11];
		date_format_vn(t.until, a);
		lc_warn(out, "back after the term granted (until %s)", a);
	}
	out->date = date;
	open_tr_free(&t);
	return lc_close(&s, e);
}

enum err transfer_list(struct store *st, const char *org, bool all, struct transfer_row **out, size_t *n,
		       struct diag_list *dl)
{
	*out = NULL;
	*n = 0;
	struct lc_session s;
	enum err e = lc_open(st, false, &s, dl);
	if (e)
		return e;
	int root = TREE_NONE;
	if (org && (root = lc_org_need(&s, org, "org")) == TREE_NONE)
		return lc_close(&s, ERR_NOTFOUND);
	struct store_stmt *q = store_stmt(st, STMT_TRANSFER_LIST);
	bool row;
	size_t cap = 0;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		date_t arrived = lc_col_date(q, 9), intro = lc_col_date(q, 8);
		if (!all && arrived != DATE_NONE)
			continue;
		int from = stmt_col_null(q, 4) ? TREE_NONE : lc_org_of_id(&s, stmt_col_int(q, 4));
		int to = stmt_col_null(q, 5) ? TREE_NONE : lc_org_of_id(&s, stmt_col_int(q, 5));
		if (root != TREE_NONE) {
			bool in = (from != TREE_NONE && tree_is_under(&s.r.tree, tree_follow(&s.r.tree, from, intro), root, intro)) ||
				  (to != TREE_NONE && tree_is_under(&s.r.tree, tree_follow(&s.r.tree, to, intro), root, intro));
			if (!in)
				continue;
		}
		XGROW(*out, cap, *n + 1);
		struct transfer_row *t = &(*out)[(*n)++];
		const char *v;
		t->id = stmt_col_int(q, 0);
		t->member_id = xstrdup((v = stmt_col_text(q, 1)) ? v : "");
		t->kind = xstrdup((v = stmt_col_text(q, 2)) ? v : "");
		t->direction = xstrdup((v = stmt_col_text(q, 3)) ? v : "");
		t->from_code = from != TREE_NONE ? xstrdup(s.r.tree.orgs[from].code) : NULL;
		t->to_code = to != TREE_NONE ? xstrdup(s.r.tree.orgs[to].code) : NULL;
		t->unit = (v = stmt_col_text(q, 6)) ? xstrdup(v) : NULL;
		t->decision = lc_col_date(q, 7);
		t->introduced = intro;
		t->arrived = arrived;
		t->until = lc_col_date(q, 10);
		t->ref = (v = stmt_col_text(q, 11)) ? xstrdup(v) : NULL;
	}
	return lc_close(&s, e);
}

void transfer_rows_free(struct transfer_row *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].member_id);
		free(v[i].kind);
		free(v[i].direction);
		free(v[i].from_code);
		free(v[i].to_code);
		free(v[i].unit);
		free(v[i].ref);
	}
	free(v);
}
