/* h_report: the reports of contract §3 through the API (app/report.h), for
 * an organization within the caller's subtree.
 *
 * The server keeps one report snapshot (app/snapshot.h) for all workers,
 * under a read-write lock: reports read it together; when the database's
 * generation moved on (every audited data write bumps it), the first
 * request to see it rebuilds it (or maps the file beside an SQLite
 * database when that one is current) while the others wait. */
#include "http/http.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/record.h"
#include "app/report.h"
#include "app/snapshot.h"
#include "core/xalloc.h"
#include "store/store.h"

/* Takes the read lock on a current snapshot. */
static enum err current_snapshot(struct req *rq)
{
	struct server *s = rq->srv;
	struct store *st = rq->w->st;
	int64_t gen;
	char inst[40];
	enum err e = snapshot_identity(st, &gen, inst);
	if (e)
		return req_fail(rq, e, "%s", store_errmsg(st));
	for (int tries = 0; tries < 3; tries++) {
		pthread_rwlock_rdlock(&s->snap_lock);
		if (s->snap_ok && s->snap_gen == gen && strcmp(s->snap_inst, inst) == 0)
			return ERR_OK;
		pthread_rwlock_unlock(&s->snap_lock);
		pthread_rwlock_wrlock(&s->snap_lock);
		if (!s->snap_ok || s->snap_gen != gen || strcmp(s->snap_inst, inst) != 0) {
			if (s->snap_ok)
				snapshot_free(&s->snap);
			s->snap_ok = false;
			char *path = strcmp(store_backend(st), "sqlite") == 0 ? xasprintf("%s.snapshot", s->db) : NULL;
			struct diag_list dl;
			diag_init(&dl);
			bool rebuilt;
			e = snapshot_open(st, path, NULL, &s->snap, &rebuilt, &dl);
			diag_free(&dl);
			free(path);
			if (!e) {
				s->snap_ok = true;
				s->snap_gen = gen;
				snprintf(s->snap_inst, sizeof(s->snap_inst), "%s", inst);
			}
		}
		pthread_rwlock_unlock(&s->snap_lock);
		if (e)
			return req_fail(rq, e, "cannot read the database for the report: %s", store_errmsg(st));
	}
	return req_fail(rq, ERR_STORE, "the data keeps changing: try the report again");
}

/* GET /api/v1/reports: the catalogue, for the UI's list of reports. */
enum err h_reports_list(struct req *rq)
{
	json_t *a = json_array();
	for (const struct report_def *const *d = report_catalogue; *d; d++) {
		json_t *inds = json_array();
		for (const struct report_indicator *i = (*d)->indicators; i && i->name; i++)
			json_array_append_new(inds, json_pack("{s:s, s:s, s:b}", "name", i->name, "label", i->label,
							      "period_only", (i->flags & REPORT_IND_PERIOD) != 0));
		json_array_append_new(a, json_pack("{s:s, s:s, s:b, s:b, s:b, s:o}", "name", (*d)->name, "title",
						   (*d)->title, "needs_period", ((*d)->flags & REPORT_NEEDS_PERIOD) != 0,
						   "needs_term", ((*d)->flags & REPORT_NEEDS_TERM) != 0, "needs_round",
						   ((*d)->flags & REPORT_NEEDS_ROUND) != 0, "indicators", inds));
	}
	rq->out = json_object();
	json_object_set_new(rq->out, "reports", a);
	return ERR_OK;
}

static enum err xlsx_of(struct req *rq, const struct report_table *t)
{
	char dir[] = "/tmp/dangbo-report.XXXXXX";
	if (!mkdtemp(dir))
		return req_fail(rq, ERR_IO, "cannot make a temporary directory");
	char *path = xasprintf("%s/report.xlsx", dir);
	enum err e = report_render_xlsx(t, path);
	FILE *f = e ? NULL : fopen(path, "rb");
	if (f) {
		struct buf b;
		buf_init(&b, 0);
		char block[65536];
		size_t n;
		while ((n = fread(block, 1, sizeof(block), f)) > 0)
			buf_add(&b, block, n);
		fclose(f);
		rq->raw = buf_detach(&b, &rq->rawlen);
	} else {
		e = ERR_IO;
	}
	remove(path);
	rmdir(dir);
	free(path);
	if (e)
		return req_fail(rq, e, "cannot write the workbook");
	rq->ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	return ERR_OK;
}

/* GET /api/v1/reports/{name}?org=CODE&as_of=DATE&from=DATE&to=DATE&depth=N
 * &precision=N&term=T&format=json|csv|xlsx|text|pdf: the report for org (the
 * caller's scope by default) and, with depth, the organizations below it; pdf
 * is the report as a party document (report_render_pdf). */
enum err h_report(struct req *rq)
{
	const struct report_def *def = report_find(rq->params[0]);
	if (!def)
		return req_fail(rq, ERR_NOTFOUND, "no report '%s'", rq->params[0]);
	long depth, precision;
	enum err e;
	if ((e = req_query_long(rq, "depth", 0, 64, 0, &depth)) ||
	    (e = req_query_long(rq, "precision", 0, 6, 2, &precision)) || (e = req_tree(rq)))
		return e;
	struct report_request r = {.report = def->name, .as_of = DATE_NONE, .from = DATE_NONE, .to = DATE_NONE,
				   .depth = (int)depth, .precision = (int)precision, .today = rq->today, .threads = 2};
	r.term = req_query(rq, "term"); /* the congress report's term, e.g. 2025-2030 */
	r.period = req_query(rq, "period"); /* the ratings report's round, e.g. 2024 */
	const char *org = req_query(rq, "org");
	r.org = org && *org ? org : rq->sess.user.org;
	int idx;
	if ((e = req_org(rq, r.org, &idx)))
		return e;
	static const char *const dates[] = {"as_of", "from", "to"};
	date_t *slots[] = {&r.as_of, &r.from, &r.to};
	for (int i = 0; i < 3; i++)
		if (req_query(rq, dates[i]) && *req_query(rq, dates[i]) && (e = req_query_date(rq, dates[i], slots[i])))
			return e;
	enum report_format fmt = REPORT_JSON;
	const char *f = req_query(rq, "format");
	if (f && *f && !report_format_parse(f, &fmt))
		return req_fail(rq, ERR_INPUT, "format: '%s' is not json, csv, xlsx, text or pdf", f);
	if ((e = current_snapshot(rq)))
		return e;
	struct report_result res;
	struct buf msg;
	buf_init(&msg, 0);
	e = report_run(&rq->srv->snap, rq->w->st, &r, &res, &msg);
	if (e) {
		pthread_rwlock_unlock(&rq->srv->snap_lock);
		e = req_fail(rq, e == ERR_USAGE ? ERR_INPUT : e, "%s", msg.ptr);
		buf_free(&msg);
		return e;
	}
	const struct report_table *t = &res.table;
	struct buf b;
	buf_init(&b, 0);
	switch (fmt) {
	case REPORT_XLSX:
		e = xlsx_of(rq, t);
		break;
	case REPORT_PDF:
		if (report_render_pdf(t, &b)) {
			e = req_fail(rq, ERR_IO, "cannot lay out the PDF");
			break;
		}
		rq->ctype = "application/pdf";
		rq->raw = buf_detach(&b, &rq->rawlen);
		break;
	case REPORT_CSV:
		report_render_csv(t, &b);
		rq->ctype = "text/csv; charset=utf-8";
		rq->raw = buf_detach(&b, &rq->rawlen);
		break;
	case REPORT_TEXT:
		report_render_text(t, &b);
		rq->ctype = "text/plain; charset=utf-8";
		rq->raw = buf_detach(&b, &rq->rawlen);
		break;
	default: {
		report_render_json(t, &b);
		json_t *rows = json_loadb(b.ptr, b.len, 0, NULL);
		json_t *j = json_object();
		json_object_set_new(j, "report", json_string(t->report));
		json_object_set_new(j, "title", json_string(t->title));
		json_object_set_new(j, "org", json_pack("{s:s, s:s}", "code", t->org_code, "name", t->org_name));
		json_object_set_new(j, "as_of", record_date(t->as_of));
		json_object_set_new(j, "from", record_date(t->from));
		json_object_set_new(j, "to", record_date(t->to));
		json_object_set_new(j, "rows", rows ? rows : json_array());
		rq->out = j;
		break;
	}
	}
	if (!e && fmt != REPORT_JSON) {
		char cd[96];
		snprintf(cd, sizeof(cd), "attachment; filename=\"%s.%s\"", def->name, report_format_name(fmt));
		req_header(rq, "Content-Disposition", cd);
	}
	buf_free(&b);
	buf_free(&msg);
	report_result_free(&res);
	pthread_rwlock_unlock(&rq->srv->snap_lock);
	return e;
}
