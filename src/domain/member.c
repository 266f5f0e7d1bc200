/* member: member statuses, events and the replay of a member's history. */
#include "domain/member.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

static const struct {
	const char *name, *label;
	bool member;
} statuses[MS__MAX] = {
	[MS_PROBATIONARY] = {"probationary", "Dự bị", true},
	[MS_OFFICIAL] = {"official", "Chính thức", true},
	[MS_EXEMPT] = {"exempt", "Miễn công tác và sinh hoạt", true},
	[MS_TEMP_OUT] = {"temp_out", "Sinh hoạt tạm thời nơi khác", true},
	[MS_SUSPENDED] = {"suspended", "Đình chỉ sinh hoạt", true},
	[MS_TRANSFERRED_OUT] = {"transferred_out", "Đã chuyển sinh hoạt đi", false},
	[MS_REMOVED] = {"removed", "Đã xóa tên", false},
	[MS_EXPELLED] = {"expelled", "Đã khai trừ", false},
	[MS_LEFT] = {"left", "Đã ra khỏi Đảng", false},
	[MS_DEAD] = {"dead", "Đã từ trần", false},
};

static const struct {
	const char *name, *label;
	enum member_status exit_status; /* MS__MAX: not an exit */
	bool entry;
} events[EV__MAX] = {
	[EV_ADMIT] = {"admit", "Kết nạp", MS__MAX, false},
	[EV_RECOGNIZE] = {"recognize", "Công nhận đảng viên chính thức", MS__MAX, false},
	[EV_TRANSFER_IN] = {"transfer_in", "Chuyển sinh hoạt đến", MS__MAX, true},
	[EV_TRANSFER_OUT] = {"transfer_out", "Chuyển sinh hoạt đi", MS_TRANSFERRED_OUT, false},
	[EV_MOVE] = {"move", "Chuyển sinh hoạt trong đảng bộ", MS__MAX, false},
	[EV_TEMP_OUT] = {"temp_out", "Chuyển sinh hoạt tạm thời đi", MS__MAX, false},
	[EV_TEMP_BACK] = {"temp_back", "Trở về sau sinh hoạt tạm thời", MS__MAX, false},
	[EV_EXEMPT_START] = {"exempt_start", "Miễn công tác và sinh hoạt", MS__MAX, false},
	[EV_EXEMPT_END] = {"exempt_end", "Thôi miễn công tác và sinh hoạt", MS__MAX, false},
	[EV_REMOVE] = {"remove", "Xóa tên", MS_REMOVED, false},
	[EV_EXPEL] = {"expel", "Khai trừ", MS_EXPELLED, false},
	[EV_LEAVE] = {"leave", "Ra khỏi Đảng", MS_LEFT, false},
	[EV_DEATH] = {"death", "Từ trần", MS_DEAD, false},
	[EV_READMIT] = {"readmit", "Kết nạp lại", MS__MAX, true},
	[EV_RESTORE] = {"restore", "Khôi phục đảng tịch", MS__MAX, true},
	[EV_DISCIPLINE] = {"discipline", "Kỷ luật", MS__MAX, false},
	[EV_BADGE] = {"badge", "Huy hiệu Đảng", MS__MAX, false},
};

const char *member_status_name(enum member_status s)
{
	return (unsigned)s < MS__MAX ? statuses[s].name : "";
}

const char *member_status_label(enum member_status s)
{
	return (unsigned)s < MS__MAX ? statuses[s].label : "";
}

bool member_status_parse(const char *s, enum member_status *out)
{
	for (int i = 0; i < MS__MAX; i++)
		if (strcmp(s, statuses[i].name) == 0) {
			*out = (enum member_status)i;
			return true;
		}
	return false;
}

bool member_status_is_member(enum member_status s)
{
	return (unsigned)s < MS__MAX && statuses[s].member;
}

const char *event_type_name(enum event_type t)
{
	return (unsigned)t < EV__MAX ? events[t].name : "";
}

const char *event_type_label(enum event_type t)
{
	return (unsigned)t < EV__MAX ? events[t].label : "";
}

bool event_type_parse(const char *s, enum event_type *out)
{
	for (int i = 0; i < EV__MAX; i++)
		if (strcmp(s, events[i].name) == 0) {
			*out = (enum event_type)i;
			return true;
		}
	return false;
}

bool event_type_is_exit(enum event_type t)
{
	return (unsigned)t < EV__MAX && events[t].exit_status != MS__MAX;
}

bool event_type_is_entry(enum event_type t)
{
	return (unsigned)t < EV__MAX && events[t].entry;
}

enum member_status event_exit_status(enum event_type t)
{
	return (unsigned)t < EV__MAX ? events[t].exit_status : MS__MAX;
}

/* ---- replay ---- */

struct spanlist {
	struct span *v;
	size_t n, cap;
};

static void span_push(struct spanlist *l, date_t from, date_t to, int64_t org)
{
	if (to <= from)
		return;
	/* Join with the previous span when nothing changed in between. */
	if (l->n && l->v[l->n - 1].to == from && l->v[l->n - 1].org == org) {
		l->v[l->n - 1].to = to;
		return;
	}
	XGROW(l->v, l->cap, l->n + 1);
	l->v[l->n++] = (struct span){from, to, org};
}

struct replay {
	const struct member_facts *f;
	const struct org_resolver *res;
	const char *ffile, *efile;
	struct diag_list *dl;
	bool bad;
	bool in;
	int64_t cur;
	date_t start, temp_start, exempt_start, gap_start;
	struct spanlist spans, temp, exempt, gaps;
	enum member_status exited;
	date_t exit_date;
	bool recognized;
	date_t recognized_on;
	struct member_timeline *tl;
};

static const char *code(const struct replay *r, int64_t org)
{
	return r->res->code(r->res->arg, org);
}

static void problem(struct replay *r, const struct member_event *e, const char *col,
		    const char *fmt, const char *a, const char *b)
{
	char d[11];
	date_format(e->date, d);
	diag_add(r->dl, r->efile, e->line, col, "member %s, %s on %s: %s%s%s", r->f->member_id,
		 event_type_name(e->type), d, fmt, a ? a : "", b ? b : "");
	r->bad = true;
}

static int64_t follow(const struct replay *r, int64_t org, date_t d)
{
	return org == ORG_NONE ? org : r->res->follow(r->res->arg, org, d);
}

/* Checks that org exists on the event's date and may hold members. */
static void check_org(struct replay *r, const struct member_event *e, int64_t org, const char *col)
{
	if (org == ORG_NONE)
		return;
	if (!r->res->exists(r->res->arg, org, e->date))
		problem(r, e, col, "organization ", code(r, org), " did not exist on that date");
	else if (!r->res->holds_members(r->res->arg, org))
		problem(r, e, col, "organization ", code(r, org),
			" cannot hold members directly (only cells and base cells can)");
}

static void close_period(struct spanlist *l, date_t *start, date_t end)
{
	if (*start != DATE_NONE) {
		span_push(l, *start, end, ORG_NONE);
		*start = DATE_NONE;
	}
}

static void apply(struct replay *r, const struct member_event *e)
{
	if (r->in)
		r->cur = follow(r, r->cur, e->date);
	if (event_type_is_entry(e->type)) {
		if (r->in) {
			problem(r, e, "type", "already a member on that date", NULL, NULL);
			return;
		}
		if (e->org == ORG_NONE) {
			problem(r, e, "org_code", "the organization the member enters is required", NULL, NULL);
			return;
		}
		check_org(r, e, e->org, "org_code");
		/* Restoration after a wrongful exclusion keeps party age continuous
		 * (HD 06-HD/TW §5.3); re-admission and transfers leave a gap
		 * (QĐ 294-QĐ/TW §4.4). */
		if (r->gap_start != DATE_NONE && e->type != EV_RESTORE)
			span_push(&r->gaps, r->gap_start, e->date, ORG_NONE);
		r->gap_start = DATE_NONE;
		r->in = true;
		r->cur = e->org;
		r->start = e->date;
		if (e->type == EV_READMIT) {
			/* probation again (QĐ 294-QĐ/TW §3.5) */
			r->recognized = false;
			r->recognized_on = DATE_NONE;
		}
		return;
	}
	if (!r->in) {
		problem(r, e, "type", "not a member on that date", NULL, NULL);
		return;
	}
	if (e->org != ORG_NONE && follow(r, e->org, e->date) != r->cur) {
		problem(r, e, "org_code", "the member is in ", code(r, r->cur), " on that date");
		return;
	}
	if (event_type_is_exit(e->type)) {
		if (e->date > r->start && !r->res->exists(r->res->arg, r->cur, e->date - 1))
			problem(r, e, "date", "organization ", code(r, r->cur),
				" had ended before that date while the member was in it");
		span_push(&r->spans, r->start, e->date, r->cur);
		close_period(&r->temp, &r->temp_start, e->date);
		close_period(&r->exempt, &r->exempt_start, e->date);
		r->in = false;
		r->gap_start = e->date;
		r->exited = event_exit_status(e->type);
		r->exit_date = e->date;
		r->tl->gap_status = r->exited;
		return;
	}
	switch (e->type) {
	case EV_MOVE:
		if (e->to_org == ORG_NONE) {
			problem(r, e, "to_org_code", "a move needs the organization it goes to", NULL, NULL);
			return;
		}
		check_org(r, e, e->to_org, "to_org_code");
		span_push(&r->spans, r->start, e->date, r->cur);
		r->cur = e->to_org;
		r->start = e->date;
		break;
	case EV_TEMP_OUT:
		if (r->temp_start != DATE_NONE)
			problem(r, e, "type", "already on temporary transfer", NULL, NULL);
		else
			r->temp_start = e->date;
		break;
	case EV_TEMP_BACK:
		if (r->temp_start == DATE_NONE)
			problem(r, e, "type", "not on temporary transfer", NULL, NULL);
		close_period(&r->temp, &r->temp_start, e->date);
		break;
	case EV_EXEMPT_START:
		if (r->exempt_start != DATE_NONE)
			problem(r, e, "type", "already exempt", NULL, NULL);
		else
			r->exempt_start = e->date;
		break;
	case EV_EXEMPT_END:
		if (r->exempt_start == DATE_NONE)
			problem(r, e, "type", "not exempt", NULL, NULL);
		close_period(&r->exempt, &r->exempt_start, e->date);
		break;
	case EV_RECOGNIZE:
		if (r->recognized) {
			problem(r, e, "type", "the member was recognized already", NULL, NULL);
			break;
		}
		r->recognized = true;
		r->recognized_on = e->date;
		if (r->f->official_date != DATE_NONE && r->f->official_date != e->date) {
			char d[11];
			date_format(r->f->official_date, d);
			problem(r, e, "date", "the member is official since ", d, " (official_date)");
		}
		break;
	default: /* admit, discipline, badge: facts about a member */
		break;
	}
}

static void final_checks(struct replay *r, date_t today, struct member_timeline *tl)
{
	const struct member_facts *f = r->f;
	struct member_event at = {.date = today, .line = f->line};
	const char *want = member_status_name(f->status);
	if (r->in) {
		tl->final_org = follow(r, r->cur, today);
		if (tl->final_org != ORG_NONE && !r->res->exists(r->res->arg, tl->final_org, today)) {
			diag_add(r->dl, r->ffile, f->line, "org_code",
				 "member %s: organization %s has ended while the member is still in it "
				 "(move the member first)",
				 f->member_id, code(r, tl->final_org));
			r->bad = true;
		}
		if (!member_status_is_member(f->status)) {
			diag_add(r->dl, r->ffile, f->line, "status",
				 "member %s: the events leave a member, but status is %s", f->member_id, want);
			r->bad = true;
		} else if (follow(r, f->org, today) != tl->final_org) {
			diag_add(r->dl, r->ffile, f->line, "org_code",
				 "member %s: the events end in %s, but org_code is %s", f->member_id,
				 code(r, tl->final_org), code(r, f->org));
			r->bad = true;
		} else if (r->temp_start != DATE_NONE && f->status != MS_TEMP_OUT) {
			diag_add(r->dl, r->ffile, f->line, "status",
				 "member %s: the events leave the member on temporary transfer, but status is %s",
				 f->member_id, want);
			r->bad = true;
		} else if (r->exempt_start != DATE_NONE && f->status != MS_EXEMPT && f->status != MS_TEMP_OUT) {
			diag_add(r->dl, r->ffile, f->line, "status",
				 "member %s: the events leave the member exempt, but status is %s", f->member_id, want);
			r->bad = true;
		}
		tl->final_status = f->status;
		/* A status that no event explains is taken as holding from the
		 * day it was recorded (today), so that no past report invents it. */
		if (f->status == MS_TEMP_OUT && r->temp_start == DATE_NONE)
			span_push(&r->temp, today, DATE_MAX, ORG_NONE);
		if (f->status == MS_EXEMPT && r->exempt_start == DATE_NONE)
			span_push(&r->exempt, today, DATE_MAX, ORG_NONE);
		if (f->status == MS_SUSPENDED)
			tl->suspended_from = today;
	} else {
		tl->final_org = r->cur;
		if (r->exited != MS__MAX && f->org != ORG_NONE && follow(r, f->org, r->exit_date - 1) != r->cur) {
			diag_add(r->dl, r->ffile, f->line, "org_code",
				 "member %s: the events end in %s, but org_code is %s", f->member_id,
				 code(r, r->cur), code(r, f->org));
			r->bad = true;
		}
		if (r->exited != f->status) {
			diag_add(r->dl, r->ffile, f->line, "status",
				 "member %s: the events end with status %s, but status is %s", f->member_id,
				 member_status_name(r->exited), want);
			r->bad = true;
		}
		tl->final_status = r->exited;
	}
	(void)at;
	if (f->status == MS_PROBATIONARY && f->official_date != DATE_NONE && f->official_date <= today) {
		diag_add(r->dl, r->ffile, f->line, "official_date",
			 "member %s: status probationary but recognized as official", f->member_id);
		r->bad = true;
	}
}

enum err member_replay(const struct member_facts *f, const struct member_event *ev, size_t n,
		       const struct org_resolver *res, date_t today, const char *facts_file,
		       const char *events_file, struct member_timeline *tl, struct diag_list *dl)
{
	struct replay r = {.f = f, .res = res, .ffile = facts_file, .efile = events_file, .dl = dl, .tl = tl};
	r.temp_start = r.exempt_start = r.gap_start = r.recognized_on = DATE_NONE;
	r.exited = MS__MAX;
	memset(tl, 0, sizeof(*tl));
	tl->suspended_from = DATE_NONE;
	tl->gap_status = MS__MAX;

	/* Where the member starts: the first event that names an organization
	 * (a move's org_code), or members.csv org_code. */
	int64_t first = f->org;
	for (size_t i = 0; i < n; i++)
		if (ev[i].org != ORG_NONE) {
			first = ev[i].org;
			break;
		}
	/* A member whose first event is a transfer_in was a member elsewhere
	 * before and is counted here from that day. */
	if (!(n && ev[0].type == EV_TRANSFER_IN)) {
		r.in = true;
		r.cur = first;
		r.start = f->decision_date;
		if (first != ORG_NONE && !res->exists(res->arg, first, f->decision_date)) {
			diag_add(dl, n && ev[0].org != ORG_NONE ? events_file : facts_file,
				 n && ev[0].org != ORG_NONE ? ev[0].line : f->line, "org_code",
				 "member %s: organization %s did not exist on the admission decision date "
				 "(record a move or transfer_in)",
				 f->member_id, res->code(res->arg, first));
			r.bad = true;
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (ev[i].date < f->decision_date) {
			problem(&r, &ev[i], "date", "the date is before the admission decision", NULL, NULL);
			continue;
		}
		if (i && ev[i].date < ev[i - 1].date) {
			problem(&r, &ev[i], "date", "events are not in date order", NULL, NULL);
			continue;
		}
		apply(&r, &ev[i]);
	}
	if (r.in) {
		span_push(&r.spans, r.start, DATE_MAX, r.cur);
		close_period(&r.temp, &r.temp_start, DATE_MAX);
		close_period(&r.exempt, &r.exempt_start, DATE_MAX);
		/* keep the open markers for the final checks */
		if (r.temp.n && r.temp.v[r.temp.n - 1].to == DATE_MAX)
			r.temp_start = r.temp.v[r.temp.n - 1].from;
		if (r.exempt.n && r.exempt.v[r.exempt.n - 1].to == DATE_MAX)
			r.exempt_start = r.exempt.v[r.exempt.n - 1].from;
	}
	final_checks(&r, today, tl);

	tl->spans = r.spans.v, tl->nspans = r.spans.n;
	tl->temp = r.temp.v, tl->ntemp = r.temp.n;
	tl->exempt = r.exempt.v, tl->nexempt = r.exempt.n;
	tl->gaps = r.gaps.v, tl->ngaps = r.gaps.n;
	/* Probationary until the official date (contract §2); without one, a
	 * recognize event gives it, and a member who is official now was so
	 * from the day probation ended (QĐ 294-QĐ/TW §4.2.2). Someone who left
	 * with neither was never official. */
	if (f->official_date != DATE_NONE)
		tl->official_from = f->official_date;
	else if (r.recognized_on != DATE_NONE)
		tl->official_from = r.recognized_on;
	else if (member_status_is_member(f->status) && f->status != MS_PROBATIONARY)
		tl->official_from = member_probation_end(f);
	else
		tl->official_from = DATE_NONE;
	return r.bad ? ERR_INPUT : ERR_OK;
}

void member_timeline_free(struct member_timeline *tl)
{
	free(tl->spans);
	free(tl->temp);
	free(tl->exempt);
	free(tl->gaps);
	memset(tl, 0, sizeof(*tl));
}

static const struct span *find(const struct span *v, size_t n, date_t d)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (v[mid].to <= d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo].from <= d ? &v[lo] : NULL;
}

const struct span *member_span_at(const struct member_timeline *tl, date_t d)
{
	return find(tl->spans, tl->nspans, d);
}

static int64_t gap_days_before(const struct member_timeline *tl, date_t d)
{
	int64_t sum = 0;
	for (size_t i = 0; i < tl->ngaps; i++) {
		date_t a = tl->gaps[i].from, b = tl->gaps[i].to < d ? tl->gaps[i].to : d;
		if (b > a)
			sum += b - a;
	}
	return sum;
}

int64_t member_party_age_days(const struct member_facts *f, const struct member_timeline *tl, date_t d)
{
	if (d <= f->decision_date)
		return 0;
	return (int64_t)(d - f->decision_date) - gap_days_before(tl, d);
}

int member_party_age_years(const struct member_facts *f, const struct member_timeline *tl, date_t d)
{
	if (d <= f->decision_date)
		return 0;
	/* Shift the start by the days not counted, then count whole years. */
	date_t start = f->decision_date + (date_t)gap_days_before(tl, d);
	return start > d ? 0 : date_months_between(start, d) / 12;
}

date_t member_probation_end(const struct member_facts *f)
{
	date_t c = f->ceremony_date != DATE_NONE ? f->ceremony_date : f->decision_date;
	return date_add_months(c, 12);
}

enum member_status member_status_at(const struct member_facts *f, const struct member_timeline *tl, date_t d)
{
	if (!member_span_at(tl, d)) {
		/* Before the first span: not a member. After a span: the status
		 * its exit left (the last exit is the final status). */
		if (!tl->nspans || d < tl->spans[0].from)
			return MS__MAX;
		return tl->nspans && d >= tl->spans[tl->nspans - 1].to ? tl->final_status : tl->gap_status;
	}
	if (tl->suspended_from != DATE_NONE && d >= tl->suspended_from)
		return MS_SUSPENDED;
	if (find(tl->temp, tl->ntemp, d))
		return MS_TEMP_OUT;
	if (find(tl->exempt, tl->nexempt, d))
		return MS_EXEMPT;
	if (tl->official_from != DATE_NONE && d >= tl->official_from)
		return MS_OFFICIAL;
	return MS_PROBATIONARY;
}
