/* routes: the route table of the API and the one gate every request goes
 * through before its handler (contract §5; docs/api.md).
 *
 * The gate, in order, for all routes alike:
 *   1. match the path (404 JSON outside the table, static files outside
 *      /api/), then the method (405 with Allow);
 *   2. body size against the route's limit (413; refused from
 *      Content-Length before the body is read);
 *   3. UTF-8 of the path and the query (400);
 *   4. the session cookie (401), unless the route is public;
 *   5. the role (403);
 *   6. CSRF: a route that changes data needs the X-CSRF-Token header equal
 *      to the session's token given at login (403);
 *   7. the content type (415): application/json for JSON bodies,
 *      multipart/form-data or text/csv for uploads;
 *   8. the body's UTF-8 and JSON syntax (400, with line and column), and
 *      that it is one object;
 *   9. the handler, under the server's write lock if it changes data.
 * Session, role and CSRF come before any look at the body so that nobody
 * without a session gets a parser to run. Scope (the user's subtree) is
 * checked by each handler through req_org()/req_member() as soon as it
 * knows which organization the request touches. */
#include "http/http.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

const struct route routes[] = {
	{"POST", API "/session", h_session_open, 0, R_PUBLIC | R_JSON, BODY_SMALL, "log in"},
	{"DELETE", API "/session", h_session_close, ROLES_ALL, R_WRITE, 0, "log out"},
	{"GET", API "/me", h_me, ROLES_ALL, 0, 0, "the logged-in user"},
	{"POST", API "/me/password", h_me_password, ROLES_ALL, R_JSON | R_WRITE, BODY_SMALL, "change my password"},
	{"GET", API "/orgs", h_orgs_tree, ROLES_ALL, 0, 0, "the organization tree"},
	{"POST", API "/orgs", h_org_add, ROLES_STAFF, R_JSON | R_WRITE, BODY_JSON, "add an organization"},
	{"GET", API "/orgs/{code}", h_org_get, ROLES_ALL, 0, 0, "one organization"},
	{"POST", API "/orgs/{code}/move", h_org_move, ROLES_STAFF, R_JSON | R_WRITE, BODY_JSON,
	 "move an organization under another parent"},
	{"POST", API "/orgs/{code}/merge", h_org_merge, ROLES_STAFF, R_JSON | R_WRITE, BODY_JSON,
	 "merge an organization into another"},
	{"POST", API "/orgs/{code}/dissolve", h_org_dissolve, ROLES_STAFF, R_JSON | R_WRITE, BODY_JSON,
	 "dissolve an organization"},
	{"POST", API "/orgs/{code}/rename", h_org_rename, ROLES_STAFF, R_JSON | R_WRITE, BODY_JSON,
	 "rename an organization"},
	{"GET", API "/members", h_members_search, ROLES_ALL, 0, 0, "search or list members"},
	{"POST", API "/members", h_member_add, ROLES_MEMBERS, R_JSON | R_WRITE, BODY_JSON, "add a member"},
	{"GET", API "/members/{member_id}", h_member_get, ROLES_ALL, 0, 0, "one member"},
	{"PATCH", API "/members/{member_id}", h_member_update, ROLES_MEMBERS, R_JSON | R_WRITE, BODY_JSON,
	 "correct a member's facts"},
	{"GET", API "/members/{member_id}/events", h_member_events, ROLES_ALL, 0, 0, "a member's events"},
	{"POST", API "/members/{member_id}/events", h_member_event_add, ROLES_MEMBERS, R_JSON | R_WRITE, BODY_JSON,
	 "record a member's event"},
	{"POST", API "/members/{member_id}/recognize", h_member_recognize, ROLES_MEMBERS, R_JSON | R_WRITE, BODY_JSON,
	 "recognize a probationary member as official"},
	{"POST", API "/members/{member_id}/badges", h_member_badge, ROLES_MEMBERS, R_JSON | R_WRITE, BODY_JSON,
	 "award a Party badge"},
	{"POST", API "/members/{member_id}/transfer", h_member_transfer, ROLES_MEMBERS, R_JSON | R_WRITE, BODY_JSON,
	 "a transfer of party activity: start, arrive, out, temp or back"},
	{"POST", API "/members/{member_id}/exempt", h_member_exempt, ROLES_MEMBERS, R_JSON | R_WRITE, BODY_JSON,
	 "start or end an exemption from party work"},
	{"POST", API "/members/{member_id}/exit", h_member_exit, ROLES_MEMBERS, R_JSON | R_WRITE, BODY_JSON,
	 "the end of membership: removal, expulsion, leaving, death"},
	{"POST", API "/members/{member_id}/discipline", h_member_discipline, ROLES_MEMBERS, R_JSON | R_WRITE, BODY_JSON,
	 "record a disciplinary measure"},
	{"POST", API "/members/{member_id}/card", h_member_card, ROLES_MEMBERS, R_JSON | R_COMPUTE, BODY_JSON,
	 "check a member's card number"},
	{"GET", API "/applicants", h_applicants_list, ROLES_ALL, 0, 0, "the applicants of an organization"},
	{"POST", API "/applicants", h_applicant_add, ROLES_MEMBERS, R_JSON | R_WRITE, BODY_JSON, "list an applicant"},
	{"POST", API "/applicants/{code}/steps", h_applicant_step, ROLES_MEMBERS, R_JSON | R_WRITE, BODY_JSON,
	 "record a step of an applicant's admission"},
	{"GET", API "/congresses", h_congresses_list, ROLES_ALL, 0, 0, "congresses held over planned for a term"},
	{"POST", API "/congresses", h_congress_plan, ROLES_STAFF, R_JSON | R_WRITE, BODY_JSON, "plan a congress"},
	{"POST", API "/imports", h_import, ROLES_STAFF, R_UPLOAD | R_WRITE, BODY_UPLOAD, "import CSV files"},
	{"GET", API "/exports/{kind}", h_export, ROLES_ALL, 0, 0, "export a CSV file"},
	{"GET", API "/reports", h_reports_list, ROLES_ALL, 0, 0, "the reports there are"},
	{"GET", API "/reports/{name}", h_report, ROLES_ALL, 0, 0, "a report (contract §3)"},
	{"GET", API "/due", h_due, ROLES_ALL, 0, 0, "the due and overdue list of an organization"},
	{"GET", API "/audit", h_audit_list, ROLES_ALL, 0, 0, "the audit log"},
	{"GET", API "/users", h_users_list, ROLES_ADMIN, 0, 0, "users"},
	{"POST", API "/users", h_users_add, ROLES_ADMIN, R_JSON | R_WRITE, BODY_SMALL, "add a user"},
	{"POST", API "/users/{login}/disable", h_user_disable, ROLES_ADMIN, R_WRITE, 0, "disable a user"},
	{"POST", API "/users/{login}/enable", h_user_enable, ROLES_ADMIN, R_WRITE, 0, "enable a user"},
	{"POST", API "/users/{login}/password", h_user_password, ROLES_ADMIN, R_JSON | R_WRITE, BODY_SMALL,
	 "set a user's password"},
	{"POST", API "/elections/count", h_election_count, ROLES_ALL, R_JSON | R_COMPUTE, BODY_ELECTION,
	 "count one round of an election (contract §4)"},
	{"POST", API "/elections/minutes", h_election_minutes, ROLES_ALL, R_JSON | R_COMPUTE, BODY_ELECTION,
	 "the counting minutes of a round, as a PDF"},
	{"GET", API "/openapi.json", h_openapi, 0, R_PUBLIC, 0, "this API described in OpenAPI 3.0"},
};
const size_t nroutes = sizeof(routes) / sizeof(routes[0]);

bool route_match_path(const char *pattern, const char *path, char **params, size_t *nparams)
{
	size_t np = 0;
	const char *p = pattern, *s = path;
	while (*p && *s) {
		if (*p == '{') {
			const char *pe = strchr(p, '}');
			const char *se = strchr(s, '/');
			if (!se)
				se = s + strlen(s);
			if (!pe || se == s || np == REQ_PARAMS)
				break;
			params[np++] = xstrndup(s, (size_t)(se - s));
			p = pe + 1;
			s = se;
			continue;
		}
		if (*p != *s)
			break;
		p++;
		s++;
	}
	if (*p || *s) {
		for (size_t i = 0; i < np; i++)
			free(params[i]);
		*nparams = 0;
		return false;
	}
	*nparams = np;
	return true;
}

/* Line and column (in characters) of byte offset off of s. */
static void locate(const char *s, size_t off, long *line, long *col)
{
	*line = 1;
	size_t start = 0;
	for (size_t i = 0; i < off; i++)
		if (s[i] == '\n') {
			(*line)++;
			start = i + 1;
		}
	*col = (long)text_codepoints(s + start, off - start) + 1;
}

struct qcheck {
	struct req *rq;
	const char *bad; /* the first argument that is not UTF-8 */
};

static enum MHD_Result check_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	struct qcheck *q = cls;
	if (!text_valid_utf8(key, strlen(key), NULL) || (value && !text_valid_utf8(value, strlen(value), NULL))) {
		q->bad = key;
		return MHD_NO;
	}
	return MHD_YES;
}

static bool has_type(const char *ctype, const char *want)
{
	size_t n = strlen(want);
	return ctype && strncasecmp(ctype, want, n) == 0 && (ctype[n] == '\0' || ctype[n] == ';' || ctype[n] == ' ');
}

/* Steps 7 and 8 for a JSON body. */
static enum err parse_json(struct req *rq)
{
	const char *ct = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
	if (!has_type(ct, "application/json")) {
		req_status(rq, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE);
		return req_fail(rq, ERR_INPUT, "the body must be JSON (Content-Type: application/json)");
	}
	size_t bad;
	if (!text_valid_utf8(rq->body.ptr, rq->body.len, &bad)) {
		long line, col;
		locate(rq->body.ptr, bad, &line, &col);
		json_t *p = json_pack("[{s:s, s:I, s:I, s:s}]", "file", "(request body)", "line", (json_int_t)line,
				      "column", (json_int_t)col, "message", "invalid UTF-8 or a control character");
		json_object_set_new(rq->err_extra = json_object(), "problems", p);
		return req_fail(rq, ERR_INPUT, "the body is not valid UTF-8 (line %ld, column %ld)", line, col);
	}
	json_error_t je;
	rq->json = json_loadb(rq->body.ptr, rq->body.len, JSON_REJECT_DUPLICATES, &je);
	if (!rq->json) {
		json_t *p = json_pack("[{s:s, s:I, s:I, s:s}]", "file", "(request body)", "line", (json_int_t)je.line,
				      "column", (json_int_t)je.column, "message", je.text);
		json_object_set_new(rq->err_extra = json_object(), "problems", p);
		return req_fail(rq, ERR_INPUT, "the body is not valid JSON (line %d, column %d): %s", je.line,
				je.column, je.text);
	}
	if (!json_is_object(rq->json))
		return req_fail(rq, ERR_INPUT, "the body must be one JSON object");
	return ERR_OK;
}

static enum err check_upload(struct req *rq)
{
	const char *ct = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
	if (!has_type(ct, "multipart/form-data") && !has_type(ct, "text/csv")) {
		req_status(rq, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE);
		return req_fail(rq, ERR_INPUT, "send the files as multipart/form-data, or one file as text/csv");
	}
	return ERR_OK;
}

/* Steps 4 to 6. */
static enum err check_session(struct req *rq)
{
	const char *cookie = MHD_lookup_connection_value(rq->conn, MHD_COOKIE_KIND, "dangbo_session");
	if (!cookie)
		return req_fail(rq, ERR_AUTH, "log in first (POST " API "/session)");
	if (!rq->w)
		return req_fail(rq, ERR_STORE, "the database cannot be opened");
	enum err e = session_find(rq->w->st, cookie, rq->now, &rq->sess);
	if (e == ERR_AUTH)
		return req_fail(rq, e, "the session has ended: log in again");
	if (e)
		return req_fail(rq, e, "%s", store_errmsg(rq->w->st));
	rq->has_session = true;
	/* Mark the session used (once a minute), unless a write is running:
	 * then the session lives on its previous mark rather than wait. */
	if (session_stale(&rq->sess, rq->now) && pthread_mutex_trylock(&rq->srv->write_lock) == 0) {
		session_touch(rq->w->st, &rq->sess, rq->now);
		pthread_mutex_unlock(&rq->srv->write_lock);
	}
	if (!(rq->route->roles & ROLE_BIT(rq->sess.user.role)))
		return req_fail(rq, ERR_PERM, "the role %s may not do this", role_name(rq->sess.user.role));
	bool safe = strcmp(rq->method, "GET") == 0 || strcmp(rq->method, "HEAD") == 0;
	if (!safe || (rq->route->flags & R_WRITE)) {
		const char *tok = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND, "X-CSRF-Token");
		if (!tok || strlen(tok) != strlen(rq->sess.csrf) ||
		    sodium_memcmp(tok, rq->sess.csrf, strlen(rq->sess.csrf)) != 0)
			return req_fail(rq, ERR_PERM,
					"missing or wrong X-CSRF-Token header (the csrf_token given at login)");
	}
	return ERR_OK;
}

static enum err gate(struct req *rq)
{
	/* 1. path, then method */
	const struct route *found = NULL;
	char allow[96] = "";
	for (size_t i = 0; i < nroutes && !found; i++) {
		char *params[REQ_PARAMS];
		size_t np;
		if (!route_match_path(routes[i].pattern, rq->path, params, &np))
			continue;
		if (strcmp(routes[i].method, rq->method) == 0) {
			found = &routes[i];
			memcpy(rq->params, params, sizeof(char *) * np);
			rq->nparams = np;
			break;
		}
		for (size_t k = 0; k < np; k++)
			free(params[k]);
		size_t n = strlen(allow);
		snprintf(allow + n, sizeof(allow) - n, "%s%s", n ? ", " : "", routes[i].method);
	}
	if (!found && *allow) {
		req_header(rq, "Allow", allow);
		req_status(rq, MHD_HTTP_METHOD_NOT_ALLOWED);
		return req_fail(rq, ERR_INPUT, "%s is not allowed here (allowed: %s)", rq->method, allow);
	}
	if (!found)
		return req_fail(rq, ERR_NOTFOUND, "no such resource: %s", rq->path);
	rq->route = found;
	/* 2. body size */
	if (rq->too_big || rq->body.len > found->maxbody) {
		req_status(rq, MHD_HTTP_CONTENT_TOO_LARGE);
		if (!found->maxbody)
			return req_fail(rq, ERR_TOOBIG, "this request takes no body");
		return req_fail(rq, ERR_TOOBIG, "the body is larger than %zu bytes", found->maxbody);
	}
	/* 3. UTF-8 of the path and query */
	struct qcheck q = {rq, NULL};
	if (!text_valid_utf8(rq->path, strlen(rq->path), NULL))
		return req_fail(rq, ERR_INPUT, "the path is not valid UTF-8");
	MHD_get_connection_values(rq->conn, MHD_GET_ARGUMENT_KIND, check_arg, &q);
	if (q.bad)
		return req_fail(rq, ERR_INPUT, "the query argument '%s' is not valid UTF-8", q.bad);
	/* 4-6. session, role, CSRF */
	enum err e;
	if (!(found->flags & R_PUBLIC) && (e = check_session(rq)))
		return e;
	if (!rq->w)
		return req_fail(rq, ERR_STORE, "the database cannot be opened");
	/* 7-8. content type and body */
	if ((found->flags & R_JSON) && (e = parse_json(rq)))
		return e;
	if ((found->flags & R_UPLOAD) && (e = check_upload(rq)))
		return e;
	/* 9. the handler */
	if (found->flags & R_WRITE) {
		req_set_actor(rq);
		pthread_mutex_lock(&rq->srv->write_lock);
		e = found->fn(rq);
		pthread_mutex_unlock(&rq->srv->write_lock);
		store_set_actor(rq->w->st, NULL);
	} else {
		e = found->fn(rq);
	}
	return e;
}

void route_dispatch(struct req *rq)
{
	if (strncmp(rq->path, "/api/", 5) != 0 && strcmp(rq->path, "/api") != 0 &&
	    (strcmp(rq->method, "GET") == 0 || strcmp(rq->method, "HEAD") == 0)) {
		h_static(rq);
		return;
	}
	enum err e = gate(rq);
	reply_send(rq, e);
}
