/* report_lifecycle: the "lifecycle" report (period indicators of the member
 * lifecycle the "members" report does not count: its admitted, recognized,
 * transferred_in/out, readmitted, restored, removed, expelled, left and
 * died stay there).
 *
 *   temp_out, temp_back         temporary transfers started and ended (QĐ 294-QĐ/TW §6.3.2)
 *   exempt_started, exempt_ended  exemptions (§7)
 *   disciplined                 discipline events (reprimand, warning, removal from post)
 *   badges_awarded              badge events (§28)
 *   applicants_listed           applicants put on the list
 *   certificates                awareness-course certificates of applicants
 *   cell_resolutions            chi bộ resolutions proposing admission (votes that passed)
 *   decisions                   admission decisions recorded in the pipeline
 *   applicants_dropped          applicants taken off the list
 *
 * Member events are counted where the member was on the event's day (the
 * membership span holding it, merges followed); applicants' steps at the
 * proposing chi bộ. Both are read from the store when the report runs (the
 * snapshot keeps only the events of the members report), so the report
 * needs a store. */
#include "app/report.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "domain/applicant.h"
#include "domain/member.h"

enum lc_ind {
	LI_TEMP_OUT,
	LI_TEMP_BACK,
	LI_EXEMPT_START,
	LI_EXEMPT_END,
	LI_DISCIPLINE,
	LI_BADGE,
	LI_LISTED,
	LI_CERTIFICATE,
	LI_CELL,
	LI_DECISION,
	LI_DROPPED,
	LI__MAX
};

struct lc_hit {
	int32_t org; /* snapshot index */
	date_t date;
};

struct lc_data {
	struct lc_hit *v[LI__MAX];
	size_t n[LI__MAX], cap[LI__MAX];
};

static void hit(struct lc_data *d, enum lc_ind i, int32_t org, date_t date)
{
	if (org < 0)
		return;
	XGROW(d->v[i], d->cap[i], d->n[i] + 1);
	d->v[i][d->n[i]++] = (struct lc_hit){org, date};
}

static void lc_release(struct report_ctx *c)
{
	struct lc_data *d = c->priv;
	if (d) {
		for (int i = 0; i < LI__MAX; i++)
			free(d->v[i]);
		free(d);
	}
	c->priv = NULL;
}

static date_t col_date(struct store_stmt *q, int i)
{
	const char *v = stmt_col_text(q, i);
	date_t d;
	return v && date_parse(v, &d) ? d : DATE_NONE;
}

static enum err lc_prepare(struct report_ctx *c, struct buf *msg)
{
	c->priv = NULL;
	if (!c->st) {
		buf_reset(msg);
		buf_adds(msg, "the lifecycle report reads the database (it cannot run on a snapshot file alone)");
		return ERR_USAGE;
	}
	const struct snapshot *s = c->snap;
	struct snap_byid byid;
	snap_byid_build(s, &byid);
	struct lc_data *d = xcalloc(1, sizeof(*d));
	c->priv = d;
	char from[11], to[11];
	date_format(c->from, from);
	date_format(c->to, to);
	static const struct {
		enum stmt q;
	} queries[] = {{STMT_LC_EVENTS_IN}, {STMT_APPLICANT_STEPS_IN}, {STMT_APPLICANT_LISTED_IN}};
	enum err e = ERR_OK;
	for (size_t k = 0; k < sizeof(queries) / sizeof(queries[0]) && !e; k++) {
		struct store_stmt *q = store_stmt(c->st, queries[k].q);
		stmt_bind_text(q, 1, from);
		stmt_bind_text(q, 2, to);
		bool row;
		while ((e = stmt_step(q, &row)) == ERR_OK && row) {
			/* columns: kind, date, org_id */
			const char *kind = stmt_col_text(q, 0);
			date_t day = col_date(q, 1);
			int64_t id = stmt_col_int(q, 2);
			if (!kind || day == DATE_NONE || snap_byid_get(&byid, id) < 0)
				continue;
			int32_t org = snap_follow(s, snap_byid_get(&byid, id), day);
			enum event_type t;
			enum applicant_step st;
			if (queries[k].q == STMT_APPLICANT_LISTED_IN)
				hit(d, LI_LISTED, org, day);
			else if (queries[k].q == STMT_LC_EVENTS_IN && event_type_parse(kind, &t)) {
				static const int of[EV__MAX] = {[EV_TEMP_OUT] = LI_TEMP_OUT + 1, [EV_TEMP_BACK] = LI_TEMP_BACK + 1,
								[EV_EXEMPT_START] = LI_EXEMPT_START + 1,
								[EV_EXEMPT_END] = LI_EXEMPT_END + 1,
								[EV_DISCIPLINE] = LI_DISCIPLINE + 1, [EV_BADGE] = LI_BADGE + 1};
				if (of[t])
					hit(d, (enum lc_ind)(of[t] - 1), org, day);
			} else if (queries[k].q == STMT_APPLICANT_STEPS_IN && applicant_step_parse(kind, &st)) {
				if (st == AS_COURSE)
					hit(d, LI_CERTIFICATE, org, day);
				else if (st == AS_CELL_VOTE && (stmt_col_int(q, 3) & ASF_PASSED))
					hit(d, LI_CELL, org, day);
				else if (st == AS_DECISION)
					hit(d, LI_DECISION, org, day);
				else if (st == AS_DROP)
					hit(d, LI_DROPPED, org, day);
			}
		}
	}
	snap_byid_free(&byid);
	if (e) {
		buf_reset(msg);
		buf_addf(msg, "reading the lifecycle events: %s", store_errmsg(c->st));
	}
	return e;
}

static const enum lc_ind ind_of[LI__MAX] = {LI_TEMP_OUT, LI_TEMP_BACK, LI_EXEMPT_START, LI_EXEMPT_END,
					     LI_DISCIPLINE, LI_BADGE, LI_LISTED, LI_CERTIFICATE,
					     LI_CELL, LI_DECISION, LI_DROPPED};

static void count_hits(const struct report_ctx *c, const struct report_indicator *ind, struct report_counter *k)
{
	const struct lc_data *d = c->priv;
	enum lc_ind i = *(const enum lc_ind *)ind->arg;
	if (!d)
		return;
	for (size_t j = 0; j < d->n[i]; j++)
		report_count_on(k, d->v[i][j].org, d->v[i][j].date, 1);
}

static const struct report_indicator lifecycle_indicators[] = {
	{.name = "temp_out", .label = "Chuyển sinh hoạt tạm thời đi", .count = count_hits, .arg = &ind_of[LI_TEMP_OUT], .flags = REPORT_IND_PERIOD},
	{.name = "temp_back", .label = "Trở về sau sinh hoạt tạm thời", .count = count_hits, .arg = &ind_of[LI_TEMP_BACK], .flags = REPORT_IND_PERIOD},
	{.name = "exempt_started", .label = "Miễn công tác và sinh hoạt đảng", .count = count_hits, .arg = &ind_of[LI_EXEMPT_START], .flags = REPORT_IND_PERIOD},
	{.name = "exempt_ended", .label = "Thôi miễn công tác và sinh hoạt đảng", .count = count_hits, .arg = &ind_of[LI_EXEMPT_END], .flags = REPORT_IND_PERIOD},
	{.name = "disciplined", .label = "Đảng viên bị kỷ luật", .count = count_hits, .arg = &ind_of[LI_DISCIPLINE], .flags = REPORT_IND_PERIOD},
	{.name = "badges_awarded", .label = "Trao Huy hiệu Đảng", .count = count_hits, .arg = &ind_of[LI_BADGE], .flags = REPORT_IND_PERIOD},
	{.name = "applicants_listed", .label = "Quần chúng ưu tú đưa vào danh sách", .count = count_hits, .arg = &ind_of[LI_LISTED], .flags = REPORT_IND_PERIOD},
	{.name = "certificates", .label = "Quần chúng được cấp giấy chứng nhận lớp nhận thức về Đảng", .count = count_hits, .arg = &ind_of[LI_CERTIFICATE], .flags = REPORT_IND_PERIOD},
	{.name = "cell_resolutions", .label = "Chi bộ đề nghị kết nạp", .count = count_hits, .arg = &ind_of[LI_CELL], .flags = REPORT_IND_PERIOD},
	{.name = "decisions", .label = "Quyết định kết nạp", .count = count_hits, .arg = &ind_of[LI_DECISION], .flags = REPORT_IND_PERIOD},
	{.name = "applicants_dropped", .label = "Đưa ra khỏi danh sách quần chúng ưu tú", .count = count_hits, .arg = &ind_of[LI_DROPPED], .flags = REPORT_IND_PERIOD},
	{0},
};

const struct report_def report_lifecycle = {
	.name = "lifecycle",
	.title = "Báo cáo biến động đảng viên và công tác phát triển đảng viên",
	.indicators = lifecycle_indicators,
	.flags = REPORT_NEEDS_PERIOD,
	.prepare = lc_prepare,
	.release = lc_release,
};
