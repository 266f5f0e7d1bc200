/* reply: turning a handler's outcome into an HTTP response.
 *
 * Success: rq->out (JSON) or rq->raw (another type) with rq->status or 200.
 * Failure: the status from err_http_status() (core/err.h, the one table
 * from errors to statuses) unless the handler chose a protocol status with
 * req_status(), and a JSON body
 *   {"error": {"status": 400, "message": "...",
 *              "problems": [{"file", "line", "column", "message"}], ...}}
 * where problems come from the request's diag list (or the gate's JSON and
 * UTF-8 checks) and further members from rq->err_extra. Every response
 * carries the same security headers; API responses are never cached. */
#include "http/http.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

static void security_headers(struct req *rq, struct MHD_Response *r, bool api)
{
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, "Content-Security-Policy",
				"default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
				"frame-ancestors 'none'; form-action 'self'");
	MHD_add_response_header(r, "Cache-Control", api ? "no-store" : "no-cache");
	if (rq->srv->tls)
		MHD_add_response_header(r, "Strict-Transport-Security", "max-age=31536000");
}

static void queue(struct req *rq, int status, char *body, size_t len, const char *ctype)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, ctype);
	security_headers(rq, r, strncmp(rq->path, "/api/", 5) == 0);
	for (size_t i = 0; i < rq->nhdr; i++)
		MHD_add_response_header(r, rq->hname[i], rq->hvalue[i]);
	rq->status = status;
	MHD_queue_response(rq->conn, (unsigned)status, r);
	MHD_destroy_response(r);
	rq->queued = true;
}

static json_t *problems_of(const struct diag_list *dl)
{
	json_t *a = json_array();
	for (size_t i = 0; i < dl->n; i++) {
		const struct diag *d = &dl->v[i];
		json_t *p = json_object();
		json_object_set_new(p, "file", d->file ? json_string(d->file) : json_null());
		json_object_set_new(p, "line", d->line ? json_integer(d->line) : json_null());
		json_object_set_new(p, "column", d->column ? json_string(d->column) : json_null());
		json_object_set_new(p, "message", json_string(d->msg));
		json_array_append_new(a, p);
	}
	return a;
}

static void send_error(struct req *rq, enum err e)
{
	int status = rq->status ? rq->status : err_http_status(e);
	json_t *err = json_object();
	json_object_set_new(err, "status", json_integer(status));
	const char *msg = rq->message;
	if (!msg && rq->dl.n == 1)
		msg = rq->dl.v[0].msg;
	json_object_set_new(err, "message", json_string(msg ? msg : err_str(e)));
	json_object_set_new(err, "problems", problems_of(&rq->dl));
	if (rq->err_extra)
		json_object_update(err, rq->err_extra);
	if (rq->dl.dropped)
		json_object_set_new(err, "problems_not_listed", json_integer((json_int_t)rq->dl.dropped));
	json_t *root = json_object();
	json_object_set_new(root, "error", err);
	char *text = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	queue(rq, status, text, strlen(text), "application/json; charset=utf-8");
}

void reply_send(struct req *rq, enum err e)
{
	if (rq->queued)
		return;
	if (e) {
		send_error(rq, e);
		return;
	}
	int status = rq->status ? rq->status : 200;
	if (rq->raw) {
		char *raw = rq->raw;
		rq->raw = NULL;
		queue(rq, status, raw, rq->rawlen, rq->ctype ? rq->ctype : "application/octet-stream");
		return;
	}
	if (!rq->out) {
		/* nothing to say: 204 */
		queue(rq, status == 200 ? 204 : status, xstrdup(""), 0, "application/json; charset=utf-8");
		return;
	}
	char *text = json_dumps(rq->out, JSON_COMPACT);
	queue(rq, status, text, strlen(text), "application/json; charset=utf-8");
}

void reply_now(struct req *rq, int status, const char *message)
{
	req_status(rq, status);
	if (message)
		req_fail(rq, ERR_TOOBIG, "%s", message);
	else if (rq->route && !rq->route->maxbody)
		req_fail(rq, ERR_TOOBIG, "this request takes no body");
	else if (rq->route)
		req_fail(rq, ERR_TOOBIG, "the body is larger than %zu bytes", rq->route->maxbody);
	send_error(rq, ERR_TOOBIG);
}
