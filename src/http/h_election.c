/* h_election: counting one round of an internal election over HTTP
 * (contract §4; docs/elections.md), for the web UI's live results and the
 * counting minutes to print.
 *
 * The request body is the election file of `dangbo election count`, read by
 * the same strict reader (io/election_json.h) and counted by the same engine
 * (domain/election.h: QĐ 190-QĐ/TW Điều 14, 15, 30; QĐ 294-QĐ/TW §§11.4,
 * 14.2, 23), so that the web and the CLI can never disagree. Nothing is read
 * from or written to the database: the round is all in the request. A bad
 * round is a 400 whose problems carry the JSON path of each mistake as
 * their column ("ballots[3].kept[1]", "counts.votes.c2"). */
#include "http/http.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "domain/election.h"
#include "io/election_json.h"
#include "io/minutes_pdf.h"

/* Where problems say they are: the body, not a file. */
#define ELECTION_SOURCE "(request body)"

/* Reads and counts the round in rq's body. On ERR_OK, *d and *res hold the
 * round and its result; on failure rq carries the message and problems.
 * Both are always to be freed by the caller. */
static enum err count_body(struct req *rq, struct election_doc *d, struct election_result *res)
{
	struct diag_list dl;
	diag_init(&dl);
	enum err e = election_json_parse(rq->body.ptr, rq->body.len, ELECTION_SOURCE, d, &dl);
	if (!e)
		e = election_count(&d->round, &d->rules, res, &dl, ELECTION_SOURCE);
	if (e) {
		size_t n = diag_count(&dl) + dl.dropped;
		req_take_diag(rq, &dl);
		if (e == ERR_INPUT && n == 1)
			return req_fail(rq, e, "the election round has a problem: %s", rq->dl.v[0].msg);
		if (e == ERR_INPUT)
			return req_fail(rq, e, "the election round has %zu problems, nothing counted", n);
		return req_fail(rq, e, "the election round cannot be counted: %s", err_str(e));
	}
	diag_free(&dl);
	return ERR_OK;
}

/* POST /api/v1/elections/count: the result of the round in the body, as
 * `dangbo election count --format json` prints it. */
enum err h_election_count(struct req *rq)
{
	struct election_doc d;
	struct election_result res = {0};
	election_doc_init(&d);
	enum err e = count_body(rq, &d, &res);
	if (!e) {
		struct buf out;
		buf_init(&out, 0);
		election_json_write(&d, &res, &out);
		json_error_t je;
		rq->out = json_loadb(out.ptr, out.len, 0, &je);
		buf_free(&out);
		if (!rq->out)
			e = req_fail(rq, ERR_IO, "the result could not be written as JSON: %s", je.text);
	}
	election_result_free(&res);
	election_doc_free(&d);
	return e;
}

/* POST /api/v1/elections/minutes: the counting minutes (biên bản kiểm
 * phiếu) of the round in the body, as a PDF to print and sign. */
enum err h_election_minutes(struct req *rq)
{
	struct election_doc d;
	struct election_result res = {0};
	election_doc_init(&d);
	enum err e = count_body(rq, &d, &res);
	if (!e) {
		struct buf pdf;
		buf_init(&pdf, 0);
		e = minutes_pdf_render(&d, &res, &pdf);
		if (e) {
			buf_free(&pdf);
			req_fail(rq, e, "the minutes could not be drawn");
		} else {
			rq->raw = buf_detach(&pdf, &rq->rawlen);
			rq->ctype = "application/pdf";
			req_header(rq, "Content-Disposition", "inline; filename=\"bien_ban_kiem_phieu.pdf\"");
		}
	}
	election_result_free(&res);
	election_doc_free(&d);
	return e;
}
