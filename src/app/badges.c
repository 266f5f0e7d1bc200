/* badges: due lists and awards of the Party badge (badges.h). */
#include "app/badges.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "app/lifecycle_int.h"
#include "app/record.h"
#include "core/xalloc.h"
#include "domain/badge.h"
#include "domain/lifecycle.h"

/* The milestone a badge event's detail names ("Huy hiệu 40 năm tuổi Đảng"):
 * the first whole number in it that is a milestone, or -1. */
static int years_in_text(const char *s)
{
	for (const char *p = s; p && *p; p++) {
		if (*p < '0' || *p > '9' || (p > s && p[-1] >= '0' && p[-1] <= '9'))
			continue;
		int v = atoi(p);
		if (badge_milestone_index(v) >= 0)
			return badge_milestone_index(v);
	}
	return -1;
}

enum err lc_badge_info(struct lc_session *s, const struct lc_member *x, date_t asof, struct lc_badge_info *out)
{
	memset(out, 0, sizeof(*out));
	out->wait_end = DATE_NONE;
	for (size_t i = 0; i < x->nev; i++) {
		const struct event_rec *e = &x->ev[i];
		enum discipline_form f;
		if (e->type == EV_BADGE) {
			int k = years_in_text(e->detail);
			if (k >= 0)
				out->awarded[k] = true;
		} else if (e->type == EV_DISCIPLINE && e->date <= asof && discipline_form_in_text(e->detail, &f)) {
			date_t w = badge_wait_end(&s->rs, f, e->date);
			if (out->wait_end == DATE_NONE || w > out->wait_end)
				out->wait_end = w;
		}
	}
	struct lc_fact_rec *f;
	size_t n;
	enum err e = lc_facts_of(s, x->m.id, &f, &n);
	if (e)
		return e;
	for (size_t i = 0; i < n; i++) {
		enum discipline_form df;
		if (strcmp(f[i].kind, "prior_gap") == 0 && f[i].number != INT64_MIN)
			out->prior_gap += f[i].number;
		/* discipline carried in by a transfer record (the ones recorded
		 * here are events, read above) */
		if (strcmp(f[i].kind, "discipline") == 0 && f[i].note && strcmp(f[i].note, "transfer record") == 0 &&
		    f[i].code && discipline_form_parse(f[i].code, &df) && f[i].date <= asof) {
			date_t w = badge_wait_end(&s->rs, df, f[i].date);
			if (out->wait_end == DATE_NONE || w > out->wait_end)
				out->wait_end = w;
		}
	}
	lc_facts_free(f, n);
	struct store_stmt *q = store_stmt(s->st, STMT_BADGE_OF_MEMBER);
	stmt_bind_int(q, 1, x->m.id);
	bool row;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		int k = badge_milestone_index((int)stmt_col_int(q, 0));
		if (k >= 0)
			out->awarded[k] = true;
	}
	return e;
}

date_t lc_badge_reach(const struct lc_member *x, const struct lc_badge_info *b, int years)
{
	return badge_reach_day(x->m.decision_date, x->tl.gaps, x->tl.ngaps, b->prior_gap, years);
}

/* ---- due ---- */

static int cmp_due(const void *a, const void *b)
{
	const struct badge_due *x = a, *y = b;
	int c = strcmp(x->org_code, y->org_code);
	if (c)
		return c;
	if (x->reach != y->reach)
		return x->reach < y->reach ? -1 : 1;
	return strcmp(x->member_id, y->member_id);
}

enum err badges_due(struct store *st, const char *org, date_t award, bool overdue, struct badge_due **out,
		    size_t *n, struct diag_list *dl)
{
	*out = NULL;
	*n = 0;
	if (!badge_is_award_date(award)) {
		char a[11];
		date_format_vn(award, a);
		rule_refuse(dl, "award-date", RULE_BADGE_DATES, award, "%s is not an award date (03/02, 19/5, 02/9, 07/11)", a);
		return ERR_REFUSED;
	}
	struct lc_session s;
	enum err e = lc_open(st, false, &s, dl);
	if (e)
		return e;
	int root = lc_org_need(&s, org, "org");
	if (root == TREE_NONE)
		return lc_close(&s, ERR_NOTFOUND);
	char **ids;
	size_t nids;
	if ((e = lc_members_in(&s, root, award, &ids, &nids)))
		return lc_close(&s, e);
	size_t cap = 0;
	for (size_t i = 0; i < nids && !e; i++) {
		struct lc_member x;
		if ((e = lc_member_load(&s, ids[i], "member", &x)))
			break;
		struct lc_badge_info b;
		if (!(e = lc_badge_info(&s, &x, award, &b))) {
			for (int k = BADGE_MILESTONES - 1; k >= 0; k--) {
				if (b.awarded[k])
					break; /* a higher badge makes the lower ones moot */
				int years = badge_milestones[k];
				date_t reach = lc_badge_reach(&x, &b, years);
				date_t batch = badge_batch_date(&s.rs, reach);
				if (batch > award)
					continue;
				bool held = b.wait_end != DATE_NONE && b.wait_end > batch;
				if (batch < award && !overdue && !held)
					break;
				int org_i = lc_member_org(&s, &x, award);
				XGROW(*out, cap, *n + 1);
				struct badge_due *d = &(*out)[(*n)++];
				d->member_id = xstrdup(x.m.member_id);
				d->full_name = xstrdup(x.m.full_name ? x.m.full_name : "");
				d->org_code = xstrdup(org_i != TREE_NONE ? s.r.tree.orgs[org_i].code : "");
				d->years = years;
				d->reach = reach;
				d->batch = batch;
				d->wait_end = b.wait_end != DATE_NONE && b.wait_end > reach ? b.wait_end : DATE_NONE;
				d->deferred = b.wait_end != DATE_NONE && b.wait_end > award;
				d->carried = batch < award;
				break;
			}
		}
		lc_member_free(&x);
	}
	for (size_t i = 0; i < nids; i++)
		free(ids[i]);
	free(ids);
	if (*n > 1)
		qsort(*out, *n, sizeof(**out), cmp_due);
	return lc_close(&s, e);
}

void badge_dues_free(struct badge_due *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].member_id);
		free(v[i].full_name);
		free(v[i].org_code);
	}
	free(v);
}

/* ---- award ---- */

/* The largest serial of milestone years issued by province p or any
 * province merged into it by day d (HD 38-HD/BTCTW §III.1: merged provinces
 * continue from the last number issued). *taken tells whether serial is
 * among them. */
static enum err series_max(struct lc_session *s, int p, int years, date_t d, int64_t serial, int64_t *max,
			   bool *taken)
{
	*max = 0;
	*taken = false;
	for (size_t i = 0; i < s->r.tree.n; i++) {
		if (s->r.tree.orgs[i].kind != ORG_PROVINCE || tree_follow(&s->r.tree, (int)i, d) != p)
			continue;
		struct store_stmt *q = store_stmt(s->st, STMT_BADGE_MAX_SERIAL);
		stmt_bind_int(q, 1, s->r.tree.orgs[i].id);
		stmt_bind_int(q, 2, years);
		bool row;
		enum err e = stmt_step(q, &row);
		if (e)
			return e;
		if (row && !stmt_col_null(q, 0) && stmt_col_int(q, 0) > *max)
			*max = stmt_col_int(q, 0);
		stmt_step(q, &row);
		if (serial > 0) {
			q = store_stmt(s->st, STMT_BADGE_SERIAL_TAKEN);
			stmt_bind_int(q, 1, s->r.tree.orgs[i].id);
			stmt_bind_int(q, 2, years);
			stmt_bind_int(q, 3, serial);
			if ((e = stmt_step(q, &row)))
				return e;
			if (row && stmt_col_int(q, 0) > 0)
				*taken = true;
			stmt_step(q, &row);
		}
	}
	return ERR_OK;
}

enum err badges_award(struct store *st, const struct badge_award_in *in, struct badge_award_out *out,
		      struct diag_list *dl)
{
	memset(out, 0, sizeof(*out));
	enum badge_how how = BH_NORMAL;
	if (in->how && !badge_how_parse(in->how, &how)) {
		diag_add(dl, NULL, 0, "how", "normal, early or posthumous, not '%s'", in->how);
		return ERR_USAGE;
	}
	struct lc_session s;
	struct lc_member x;
	enum err e = lc_open_member(st, in->member_id, &s, &x, dl);
	if (e)
		return e;
	struct lc_badge_info b;
	if ((e = lc_badge_info(&s, &x, in->date, &b))) {
		lc_member_free(&x);
		return lc_close(&s, e);
	}
	int k = badge_milestone_index(in->years);
	struct badge_member bm = {k >= 0 ? lc_badge_reach(&x, &b, in->years) : DATE_NONE,
				  member_span_at(&x.tl, in->date) != NULL, DATE_NONE, b.wait_end, k >= 0 && b.awarded[k]};
	const struct event_rec *ex = lc_member_last_exit(&x);
	if (x.tl.final_status == MS_DEAD && ex)
		bm.death = ex->date;
	if (!badge_check_award(&s.rs, in->years, in->date, how, &bm, dl)) {
		lc_member_free(&x);
		return lc_close(&s, ERR_REFUSED);
	}
	/* the province of the member's organization (for the dead: where they
	 * were on their last day), as it stands on the award date */
	date_t where = how == BH_POSTHUMOUS ? bm.death - 1 : in->date;
	int org = lc_member_org(&s, &x, where);
	int p = org != TREE_NONE ? lc_province_of(&s, org, where) : TREE_NONE;
	if (p != TREE_NONE)
		p = tree_follow(&s.r.tree, p, in->date);
	if (p == TREE_NONE) {
		diag_add(dl, NULL, 0, "member", "the member's organization is under no province: no badge number series");
		lc_member_free(&x);
		return lc_close(&s, ERR_INPUT);
	}
	int64_t serial = 0, max;
	bool taken;
	if (in->number && !badge_number_parse(in->years, in->number, &serial)) {
		char ex1[24];
		badge_number_format(in->years, 1, ex1, sizeof(ex1));
		rule_refuse(dl, "number", RULE_BADGE_NUMBER, in->date, "'%s' is not a %d-year badge number (like %s)",
			    in->number, in->years, ex1);
		e = ERR_INPUT;
	}
	if (!e)
		e = series_max(&s, p, in->years, in->date, serial, &max, &taken);
	if (!e && serial && taken) {
		diag_add(dl, NULL, 0, "number", "%s %s was issued already", s.r.tree.orgs[p].code, in->number);
		e = ERR_CONFLICT;
	}
	if (!e && !serial) {
		serial = max + 1;
		if (serial > badge_number_max(in->years)) {
			rule_refuse(dl, "number", RULE_BADGE_NUMBER, in->date, "the %d-year numbers of %s are used up",
				    in->years, s.r.tree.orgs[p].code);
			e = ERR_REFUSED;
		}
	}
	if (!e) {
		snprintf(out->province, sizeof(out->province), "%s", s.r.tree.orgs[p].code);
		badge_number_format(in->years, serial, out->number, sizeof(out->number));
		struct store_stmt *q = store_stmt(st, STMT_BADGE_INSERT);
		stmt_bind_int(q, 1, x.m.id);
		stmt_bind_int(q, 2, in->years);
		lc_bind_date(q, 3, in->date);
		stmt_bind_int(q, 4, s.r.tree.orgs[p].id);
		stmt_bind_int(q, 5, serial);
		stmt_bind_text(q, 6, badge_how_name(how));
		lc_bind_opt_text(q, 7, in->ref);
		e = stmt_exec(q);
	}
	if (!e) {
		char detail[160];
		snprintf(detail, sizeof(detail), "Huy hiệu %d năm tuổi Đảng, số %s %s%s%s", in->years, out->province,
			 out->number, how == BH_EARLY ? ", tặng sớm" : "", how == BH_POSTHUMOUS ? ", truy tặng" : "");
		json_t *j = json_object();
		json_object_set_new(j, "badge", json_integer(in->years));
		json_object_set_new(j, "date", record_date(in->date));
		json_object_set_new(j, "province", json_string(out->province));
		json_object_set_new(j, "number", json_string(out->number));
		json_object_set_new(j, "how", json_string(badge_how_name(how)));
		if (in->ref)
			json_object_set_new(j, "ref", json_string(in->ref));
		if (how == BH_POSTHUMOUS) {
			/* no event after death: the award is in badge_award and the audit log */
			char *text = record_text(j);
			e = audit_record(st, "member.badge", "member", x.m.member_id, NULL, text);
			free(text);
		} else {
			struct member_event_in ev = {x.m.member_id, EV_BADGE, in->date, NULL, NULL, detail};
			e = lc_member_apply(&s, &x, &ev, 1, "member.badge", j);
		}
	}
	lc_member_free(&x);
	return lc_close(&s, e);
}
