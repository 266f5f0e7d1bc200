/* due: the due and overdue list of an organization, from dates (due.h). */
#include "app/due.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/admission.h"
#include "app/lifecycle_int.h"
#include "core/buf.h"
#include "core/xalloc.h"
#include "domain/badge.h"
#include "domain/lifecycle.h"
#include "io/transfer_record.h"

static const struct {
	const char *name, *label;
	bool overdue;
} kinds[DUE__MAX] = {
	[DUE_PROBATION_ENDING] = {"probation_ending", "Sắp hết thời gian dự bị", false},
	[DUE_RECOGNITION] = {"recognition_due", "Đến hạn xét công nhận đảng viên chính thức", false},
	[DUE_RECOGNITION_OVERDUE] = {"recognition_overdue", "Quá hạn xét công nhận đảng viên chính thức", true},
	[DUE_COMMITTEE_VOTE] = {"committee_vote_due", "Đảng ủy cơ sở xét đề nghị kết nạp", false},
	[DUE_DECISION] = {"decision_due", "Đến hạn quyết định kết nạp", false},
	[DUE_DECISION_OVERDUE] = {"decision_overdue", "Quá hạn quyết định kết nạp", true},
	[DUE_CEREMONY] = {"ceremony_due", "Đến hạn tổ chức lễ kết nạp", false},
	[DUE_CEREMONY_OVERDUE] = {"ceremony_overdue", "Quá hạn tổ chức lễ kết nạp", true},
	[DUE_CERTIFICATE_EXPIRING] = {"certificate_expiring", "Giấy chứng nhận lớp nhận thức về Đảng sắp hết hạn", false},
	[DUE_CERTIFICATE_EXPIRED] = {"certificate_expired", "Giấy chứng nhận lớp nhận thức về Đảng đã hết hạn", true},
	[DUE_INTRODUCER_STALE] = {"introducer_stale", "Giấy giới thiệu quá 12 tháng, phải làm lại", true},
	[DUE_TRANSFER_LATE] = {"transfer_late", "Chưa đến nơi sinh hoạt mới quá 30 ngày làm việc", true},
	[DUE_NOT_ARRIVED] = {"not_arrived", "Đã giới thiệu chuyển sinh hoạt nhưng chưa đến", true},
	[DUE_TEMP_ENDING] = {"temp_ending", "Sắp hết thời hạn sinh hoạt tạm thời", false},
	[DUE_TEMP_OVERDUE] = {"temp_overdue", "Quá thời hạn sinh hoạt tạm thời", true},
	[DUE_EXEMPT_ENDING] = {"exempt_ending", "Sắp hết thời hạn miễn công tác và sinh hoạt", false},
	[DUE_EXEMPT_OVERDUE] = {"exempt_overdue", "Quá thời hạn miễn công tác và sinh hoạt", true},
	[DUE_BADGE] = {"badge_due", "Đến hạn xét tặng Huy hiệu Đảng", false},
};

const char *due_kind_name(enum due_kind k)
{
	return (unsigned)k < DUE__MAX ? kinds[k].name : "";
}

const char *due_kind_label(enum due_kind k)
{
	return (unsigned)k < DUE__MAX ? kinds[k].label : "";
}

bool due_kind_overdue(enum due_kind k)
{
	return (unsigned)k < DUE__MAX && kinds[k].overdue;
}

struct list {
	struct due_item *v;
	size_t n, cap;
};

static void add(struct list *l, enum due_kind k, date_t d, const char *who, const char *name, const char *org,
		const char *fmt, ...) __attribute__((format(printf, 7, 8)));
static void add(struct list *l, enum due_kind k, date_t d, const char *who, const char *name, const char *org,
		const char *fmt, ...)
{
	XGROW(l->v, l->cap, l->n + 1);
	struct due_item *it = &l->v[l->n++];
	struct buf b;
	buf_init(&b, 0);
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	*it = (struct due_item){k, d, xstrdup(who ? who : ""), xstrdup(name ? name : ""), xstrdup(org ? org : ""),
				buf_detach(&b, NULL)};
}

static const char *vn(date_t d, char out[11])
{
	date_format_vn(d, out);
	return out;
}

/* ---- members ---- */

static enum err members(struct lc_session *s, int root, date_t D, int ahead, struct list *l)
{
	char **ids;
	size_t n;
	enum err e = lc_members_in(s, root, D, &ids, &n);
	if (e)
		return e;
	date_t award = badge_next_award_date(D);
	char a[11], b[11];
	for (size_t i = 0; i < n && !e; i++) {
		struct lc_member x;
		if ((e = lc_member_load(s, ids[i], "member", &x)))
			break;
		const char *id = x.m.member_id, *name = x.m.full_name;
		int org = lc_member_org(s, &x, D);
		const char *oc = org != TREE_NONE ? s->r.tree.orgs[org].code : "";
		enum member_status ms = lc_member_status(&x, D);
		if (ms == MS_PROBATIONARY) {
			date_t cer = x.m.ceremony_date != DATE_NONE ? x.m.ceremony_date : x.m.decision_date;
			date_t end = lc_probation_end(&s->rs, cer);
			if (D < end) {
				if (end <= D + ahead)
					add(l, DUE_PROBATION_ENDING, end, id, name, oc, "hết dự bị ngày %s (%s)", vn(end, a),
					    rule_cite(RULE_PROBATION_MONTHS, cer));
			} else {
				date_t lim = lc_deadline(&s->rs, s->cal, RULE_RECOGNITION_DAYS, end, false);
				add(l, D <= lim ? DUE_RECOGNITION : DUE_RECOGNITION_OVERDUE, lim, id, name, oc,
				    "hết dự bị ngày %s; chi bộ xét trong %d ngày làm việc, đến %s (%s)", vn(end, a),
				    rule_value(&s->rs, RULE_RECOGNITION_DAYS, end), vn(lim, b),
				    rule_cite(RULE_RECOGNITION_DAYS, end));
			}
		}
		/* an exemption's term: the fact of the exemption open on D */
		if (ms == MS_EXEMPT || ms == MS_TEMP_OUT) {
			struct lc_fact_rec *f;
			size_t nf;
			if (!(e = lc_facts_of(s, x.m.id, &f, &nf))) {
				date_t start = DATE_NONE;
				for (size_t k = 0; k < x.tl.nexempt; k++)
					if (x.tl.exempt[k].from <= D && D < x.tl.exempt[k].to)
						start = x.tl.exempt[k].from;
				for (size_t k = 0; k < nf; k++)
					if (strcmp(f[k].kind, "exempt") == 0 && f[k].date == start && f[k].until != DATE_NONE) {
						date_t u = f[k].until;
						if (u < D)
							add(l, DUE_EXEMPT_OVERDUE, u, id, name, oc,
							    "miễn sinh hoạt đến %s, chưa gia hạn hoặc trở lại (%s)", vn(u, a),
							    rule_cite(RULE_EXEMPT, start));
						else if (u <= D + ahead)
							add(l, DUE_EXEMPT_ENDING, u, id, name, oc, "miễn sinh hoạt đến %s (%s)",
							    vn(u, a), rule_cite(RULE_EXEMPT, start));
					}
				lc_facts_free(f, nf);
			}
		}
		/* the badge of the next award date */
		struct lc_badge_info bi;
		if (!e && !(e = lc_badge_info(s, &x, award, &bi))) {
			for (int k = BADGE_MILESTONES - 1; k >= 0; k--) {
				if (bi.awarded[k])
					break;
				int years = badge_milestones[k];
				date_t reach = lc_badge_reach(&x, &bi, years);
				if (badge_batch_date(&s->rs, reach) != award)
					continue;
				if (bi.wait_end != DATE_NONE && bi.wait_end > award)
					add(l, DUE_BADGE, award, id, name, oc,
					    "Huy hiệu %d năm (đủ ngày %s); kỷ luật: chưa xét trước %s (%s)", years,
					    vn(reach, a), vn(bi.wait_end, b), rule_cite(RULE_BADGE_WAIT_REPRIMAND, award));
				else
					add(l, DUE_BADGE, award, id, name, oc, "Huy hiệu %d năm (đủ ngày %s) (%s)", years,
					    vn(reach, a), rule_cite(RULE_BADGE_MILESTONES, award));
				break;
			}
		}
		lc_member_free(&x);
	}
	for (size_t i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	return e;
}

/* ---- applicants ---- */

static void applicants(struct lc_session *s, const struct applicant_view *v, size_t n, date_t D, int ahead,
		       struct list *l)
{
	char a[11], b[11];
	for (size_t i = 0; i < n; i++) {
		if (v[i].listed_on > D)
			continue;
		/* the steps taken by D */
		size_t k = 0;
		while (k < v[i].nsteps && v[i].steps[k].date <= D)
			k++;
		struct applicant_state st;
		applicant_state_eval(&s->rs, s->cal, &v[i].facts, v[i].steps, k, &st);
		const char *who = v[i].code, *name = v[i].full_name, *oc = v[i].org_code;
		switch (st.next) {
		case AS_COMMITTEE_VOTE:
		case AS_DECISION:
			add(l, st.next == AS_COMMITTEE_VOTE ? DUE_COMMITTEE_VOTE : D > st.deadline ? DUE_DECISION_OVERDUE : DUE_DECISION,
			    st.deadline, who, name, oc, "chi bộ đề nghị ngày %s; quyết định trong %d ngày làm việc, đến %s (%s)",
			    vn(st.cell_vote, a), rule_value(&s->rs, RULE_DECISION_DAYS, st.cell_vote), vn(st.deadline, b),
			    rule_cite(RULE_DECISION_DAYS, st.cell_vote));
			break;
		case AS_CEREMONY:
			add(l, D > st.deadline ? DUE_CEREMONY_OVERDUE : DUE_CEREMONY, st.deadline, who, name, oc,
			    "quyết định ngày %s; lễ kết nạp trong %d ngày làm việc, đến %s (%s)", vn(st.decision, a),
			    rule_value(&s->rs, RULE_CEREMONY_DAYS, st.decision), vn(st.deadline, b),
			    rule_cite(RULE_CEREMONY_DAYS, st.decision));
			break;
		case AS_COURSE:
		case AS_APPLICATION:
		case AS_INTRODUCER:
		case AS_CELL_VOTE:
			if (st.certificate_end != DATE_NONE && st.certificate_end < D)
				add(l, DUE_CERTIFICATE_EXPIRED, st.certificate_end, who, name, oc,
				    "giấy chứng nhận ngày %s hết giá trị ngày %s (%s)", vn(st.course, a),
				    vn(st.certificate_end, b), rule_cite(RULE_CERT_MONTHS, st.course));
			else if (st.certificate_end != DATE_NONE && st.certificate_end <= D + ahead)
				add(l, DUE_CERTIFICATE_EXPIRING, st.certificate_end, who, name, oc,
				    "giấy chứng nhận ngày %s còn giá trị đến %s (%s)", vn(st.course, a),
				    vn(st.certificate_end, b), rule_cite(RULE_CERT_MONTHS, st.course));
			for (size_t j = 0; j < k; j++) {
				const struct applicant_step_rec *r = &v[i].steps[j];
				if (r->step != AS_INTRODUCER && r->step != AS_UNION)
					continue;
				date_t lim = date_add_months(r->date, rule_value(&s->rs, RULE_DOSSIER_MONTHS, r->date));
				if (lim < D)
					add(l, DUE_INTRODUCER_STALE, lim, who, name, oc,
					    "%s ngày %s quá 12 tháng chưa được chi bộ xét (%s)", applicant_step_label(r->step),
					    vn(r->date, a), rule_cite(RULE_DOSSIER_MONTHS, r->date));
			}
			break;
		default:
			break;
		}
	}
}

/* ---- transfers ---- */

static char *dup_or_empty(struct store_stmt *q, int i)
{
	const char *t = stmt_col_text(q, i);
	return xstrdup(t ? t : "");
}

static enum err transfers(struct lc_session *s, int root, date_t D, int ahead, struct list *l)
{
	struct store_stmt *q = store_stmt(s->st, STMT_TRANSFER_LIST);
	bool row;
	enum err e;
	char a[11], b[11];
	/* rows first: member lookups would reset this statement */
	struct tr {
		char *member, *kind, *direction, *record;
		int from, to;
		date_t intro, until;
	} *v = NULL;
	size_t n = 0, cap = 0;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		date_t intro = lc_col_date(q, 8), arrived = lc_col_date(q, 9);
		if (intro > D || (arrived != DATE_NONE && arrived <= D))
			continue;
		XGROW(v, cap, n + 1);
		v[n] = (struct tr){dup_or_empty(q, 1), dup_or_empty(q, 2), dup_or_empty(q, 3), NULL,
				   stmt_col_null(q, 4) ? TREE_NONE : lc_org_of_id(s, stmt_col_int(q, 4)),
				   stmt_col_null(q, 5) ? TREE_NONE : lc_org_of_id(s, stmt_col_int(q, 5)), intro,
				   lc_col_date(q, 10)};
		n++;
	}
	/* the record of incoming transfers (for the name) */
	for (size_t i = 0; i < n && !e; i++) {
		if (strcmp(v[i].direction, "in") != 0)
			continue;
		struct store_stmt *r = store_stmt(s->st, STMT_TRANSFER_OPEN_OF);
		stmt_bind_text(r, 1, v[i].member);
		bool more;
		while ((e = stmt_step(r, &more)) == ERR_OK && more)
			if (!v[i].record && stmt_col_text(r, 10))
				v[i].record = xstrdup(stmt_col_text(r, 10));
	}
	for (size_t i = 0; i < n && !e; i++) {
		const struct tree *t = &s->r.tree;
		bool here_from = v[i].from != TREE_NONE && tree_is_under(t, tree_follow(t, v[i].from, D), root, D);
		bool here_to = v[i].to != TREE_NONE && tree_is_under(t, tree_follow(t, v[i].to, D), root, D);
		if (!here_from && !here_to)
			continue;
		char name[200] = "";
		struct member_rec m;
		if (registry_member_get(&s->r, v[i].member, &m, NULL, NULL) == ERR_OK) {
			snprintf(name, sizeof(name), "%s", m.full_name ? m.full_name : "");
			member_rec_free(&m);
		} else if (v[i].record) {
			/* an incoming transfer: the name is in its record */
			struct transfer_record rec;
			struct diag_list scratch;
			diag_init(&scratch);
			if (transfer_record_read(v[i].record, strlen(v[i].record), "(stored record)", &rec, &scratch) == ERR_OK) {
				snprintf(name, sizeof(name), "%s", rec.full_name);
				transfer_record_free(&rec);
			}
			diag_free(&scratch);
		}
		const char *oc = here_to ? t->orgs[v[i].to].code : t->orgs[v[i].from].code;
		if (strcmp(v[i].kind, "official") == 0) {
			if (strcmp(v[i].direction, "out") == 0)
				continue; /* gone from the database: nothing to wait for here */
			date_t lim = lc_deadline(&s->rs, s->cal, RULE_TRANSFER_REPORT_DAYS, v[i].intro, false);
			date_t flag = lc_not_arrived_day(&s->rs, v[i].intro);
			if (D >= flag)
				add(l, DUE_NOT_ARRIVED, flag, v[i].member, name, oc,
				    "giới thiệu ngày %s, chưa đến sinh hoạt sau %d tháng (%s)", vn(v[i].intro, a),
				    rule_value(&s->rs, RULE_NOT_ARRIVED_MONTHS, v[i].intro),
				    rule_cite(RULE_NOT_ARRIVED_MONTHS, v[i].intro));
			else if (D > lim)
				add(l, DUE_TRANSFER_LATE, lim, v[i].member, name, oc,
				    "giới thiệu ngày %s, phải đến sinh hoạt trước %s (%s)", vn(v[i].intro, a), vn(lim, b),
				    rule_cite(RULE_TRANSFER_REPORT_DAYS, v[i].intro));
		} else if (here_from && v[i].until != DATE_NONE) {
			if (v[i].until < D)
				add(l, DUE_TEMP_OVERDUE, v[i].until, v[i].member, name, oc,
				    "sinh hoạt tạm thời đến %s, chưa trở về (%s)", vn(v[i].until, a),
				    rule_cite(RULE_TEMP_MAX_MONTHS, v[i].intro));
			else if (v[i].until <= D + ahead)
				add(l, DUE_TEMP_ENDING, v[i].until, v[i].member, name, oc, "sinh hoạt tạm thời đến %s (%s)",
				    vn(v[i].until, a), rule_cite(RULE_TEMP_MAX_MONTHS, v[i].intro));
		}
	}
	for (size_t i = 0; i < n; i++) {
		free(v[i].member);
		free(v[i].kind);
		free(v[i].direction);
		free(v[i].record);
	}
	free(v);
	return e;
}

static int cmp_item(const void *a, const void *b)
{
	const struct due_item *x = a, *y = b;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return strcmp(x->who, y->who);
}

enum err due_list(struct store *st, const char *org, date_t as_of, struct due_item **out, size_t *n,
		  struct diag_list *dl)
{
	*out = NULL;
	*n = 0;
	struct applicant_view *apps;
	size_t napps;
	enum err e = admission_list(st, org, as_of, false, &apps, &napps, dl);
	if (e)
		return e;
	struct lc_session s;
	if ((e = lc_open(st, false, &s, dl))) {
		applicant_views_free(apps, napps);
		return e;
	}
	struct list l = {0};
	int root = lc_org_need(&s, org, "org");
	int ahead = rule_value(&s.rs, RULE_DUE_LOOKAHEAD_DAYS, as_of);
	if (root == TREE_NONE)
		e = ERR_NOTFOUND;
	if (!e)
		e = members(&s, root, as_of, ahead, &l);
	if (!e)
		applicants(&s, apps, napps, as_of, ahead, &l);
	if (!e)
		e = transfers(&s, root, as_of, ahead, &l);
	applicant_views_free(apps, napps);
	if (l.n > 1)
		qsort(l.v, l.n, sizeof(*l.v), cmp_item);
	*out = l.v;
	*n = l.n;
	return lc_close(&s, e);
}

void due_items_free(struct due_item *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].who);
		free(v[i].name);
		free(v[i].org);
		free(v[i].note);
	}
	free(v);
}
