/* http: what the files of the HTTP layer share (private to src/http).
 *
 * A request travels: server.c (libmicrohttpd callbacks, body collected into
 * a capped buffer) -> routes.c (the route table and the gate: match, method,
 * body size, session, role, CSRF, content type, UTF-8, JSON) -> one handler
 * h_<resource>_<action> (h_*.c) -> reply.c (status, headers, JSON or error
 * body). Handlers get validated input in struct req and return enum err;
 * the gate maps errors to statuses through err_http_status() (core/err.h),
 * and a handler names a status itself only for what is HTTP's own business
 * (412 and 428 of conditional requests, 429 of throttling) with req_status.
 *
 * Scope: every handler resolves the organization its request touches with
 * req_org()/req_member(), which answer 404 for anything outside the user's
 * subtree (as of today) exactly as for something that does not exist, so
 * that no data and no existence leaks. */
#ifndef DANGBO_HTTP_HTTP_H
#define DANGBO_HTTP_HTTP_H

#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "app/account.h"
#include "app/registry.h"
#include "app/snapshot.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/diag.h"
#include "core/err.h"
#include "core/text.h"
#include "http/server.h"

#define API "/api/v1"

/* Route flags (struct route.flags):
 *   R_PUBLIC  no session needed (login, the OpenAPI document);
 *   R_JSON    the body is one JSON object, Content-Type application/json;
 *   R_UPLOAD  the body is CSV: multipart/form-data or text/csv;
 *   R_WRITE   changes data: needs the session's X-CSRF-Token header and
 *             runs under the server's write lock (one writer at a time);
 *   R_COMPUTE a POST that changes nothing (a computation on a body too
 *             large for a query, e.g. an election count): needs the
 *             X-CSRF-Token header like every POST, takes no lock. */
#define R_PUBLIC 0x01u
#define R_JSON 0x02u
#define R_UPLOAD 0x04u
#define R_WRITE 0x08u
#define R_COMPUTE 0x10u

/* Role sets (struct route.roles): one bit per enum role. */
#define ROLE_BIT(r) (1u << (r))
#define ROLES_ALL (ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_STAFF) | ROLE_BIT(ROLE_SECRETARY) | ROLE_BIT(ROLE_VIEWER))
#define ROLES_MEMBERS (ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_STAFF) | ROLE_BIT(ROLE_SECRETARY))
#define ROLES_STAFF (ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_STAFF))
#define ROLES_ADMIN ROLE_BIT(ROLE_ADMIN)

/* Body limits. */
#define BODY_SMALL (4 * 1024)          /* login, passwords */
#define BODY_JSON (64 * 1024)          /* every other JSON body */
#define BODY_UPLOAD (64 * 1024 * 1024) /* imports */
#define BODY_ELECTION (16 * 1024 * 1024) /* an election round, ballots one by one */

struct req;

struct route {
	const char *method;
	const char *pattern; /* "/api/v1/members/{member_id}": {name} matches one path segment */
	enum err (*fn)(struct req *rq);
	unsigned roles;      /* ROLES_*: who may call it (R_PUBLIC: anyone) */
	unsigned flags;      /* R_* */
	size_t maxbody;      /* bytes; 0 = no body accepted */
	const char *summary;
};

extern const struct route routes[];
extern const size_t nroutes;

/* One worker thread's state: its store connection and the organization
 * tree it loaded, kept until the tree changes (meta "tree_generation"). */
struct worker {
	struct store *st;
	struct registry reg;
	bool loaded;
	int64_t tree_generation;
	struct collator *coll;
};

struct server {
	struct MHD_Daemon *d;
	char *db;
	bool tls;
	FILE *log;
	pthread_key_t key;          /* -> struct worker of the thread */
	pthread_mutex_t write_lock; /* one writer at a time */
	pthread_mutex_t view_lock;  /* tree_view_build is not reentrant */
	pthread_mutex_t log_lock;
	char *cert_pem, *key_pem;
	unsigned port;
	/* the report snapshot all workers share (h_report.c) */
	pthread_rwlock_t snap_lock;
	struct snapshot snap;
	bool snap_ok;
	int64_t snap_gen;
	char snap_inst[40];
};

#define REQ_PARAMS 4
#define REQ_HEADERS 8

struct req {
	struct server *srv;
	struct worker *w;            /* the thread's store and tree */
	struct MHD_Connection *conn;
	const struct route *route;
	const char *method;          /* borrowed from libmicrohttpd */
	char *path;
	char *params[REQ_PARAMS];    /* {name} segments of the pattern, in order */
	size_t nparams;
	struct buf body;             /* capped at the route's maxbody */
	bool too_big;
	bool queued;                 /* a response was queued already */
	json_t *json;                /* the body, for R_JSON routes */
	struct session sess;         /* the caller (not R_PUBLIC) */
	bool has_session;
	char client[64];             /* the client's address */
	int64_t now;                 /* Unix seconds */
	date_t today;
	struct registry *reg;        /* the worker's tree (req_tree) */
	int scope;                   /* tree index of the caller's scope */
	struct timespec t0;
	/* the response */
	int status;                  /* 0 = from the handler's enum err */
	json_t *out;                 /* JSON body */
	char *raw;                   /* or another body (malloc'd) ... */
	size_t rawlen;
	const char *ctype;           /* ... of this type */
	char *hname[REQ_HEADERS], *hvalue[REQ_HEADERS];
	size_t nhdr;
	/* an error */
	char *message;
	struct diag_list dl;         /* problems for the error body */
	json_t *err_extra;           /* more members of the error object */
};

/* ---- server.c ---- */
/* The worker state of the calling thread, opening its store if needed;
 * NULL (with *errmsg) if the store cannot be opened. */
struct worker *server_worker(struct server *s, char **errmsg);

/* ---- routes.c: the gate ---- */
/* Runs the whole gate and the handler for a complete request, and queues
 * the response. */
void route_dispatch(struct req *rq);
/* Does path match pattern? Fills params (malloc'd copies) on success. */
bool route_match_path(const char *pattern, const char *path, char **params, size_t *nparams);

/* ---- reply.c ---- */
/* Queues rq's response: rq->out or rq->raw with rq->status, or the error
 * body for e (status from err_http_status unless rq->status is set). Adds
 * the security headers every response carries. */
void reply_send(struct req *rq, enum err e);
/* Queues a response at once (before the body arrived): used for 413. */
void reply_now(struct req *rq, int status, const char *message);

/* ---- req.c: what handlers use ---- */
/* A query argument, or NULL. */
const char *req_query(struct req *rq, const char *name);
/* Sets the error message (printf-style) and returns e. */
enum err req_fail(struct req *rq, enum err e, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Chooses a status the enum err has no word for (412, 428, 429). */
void req_status(struct req *rq, int status);
/* Adds a response header (copied). */
void req_header(struct req *rq, const char *name, const char *value);
/* Integer query argument in [min, max], def when absent. */
enum err req_query_long(struct req *rq, const char *name, long min, long max, long def, long *out);
/* Date query argument (YYYY-MM-DD or dd/mm/yyyy), today when absent. */
enum err req_query_date(struct req *rq, const char *name, date_t *out);
/* A string member of the JSON body: NULL when absent or null; a value of
 * another type is ERR_INPUT. With required, absence is ERR_INPUT too. */
enum err req_json_str(struct req *rq, const char *key, bool required, const char **out);
/* A date member of the JSON body; DATE_NONE when absent (unless required). */
enum err req_json_date(struct req *rq, const char *key, bool required, date_t *out);
/* Loads (or reuses) the worker's organization tree and finds the caller's
 * scope in it. ERR_STORE if the database cannot be read. */
enum err req_tree(struct req *rq);
/* The organization code, if it exists and is within the caller's subtree
 * today: ERR_OK with *org its tree index, else ERR_NOTFOUND ("no
 * organization 'X'") whether it does not exist or is outside. */
enum err req_org(struct req *rq, const char *code, int *org);
/* The member, if within the caller's subtree (by their current
 * organization): as registry_member_get, ERR_NOTFOUND if outside. */
enum err req_member(struct req *rq, const char *member_id, struct member_rec *m, struct event_rec **ev,
		    size_t *nev);
/* "web:<login>": the audit log's "who" for the caller. */
void req_set_actor(struct req *rq);
/* Puts the problems of dl into rq's error (moves them). */
void req_take_diag(struct req *rq, struct diag_list *dl);
/* The tree's children lists on day d (tree_view_build under the server's
 * lock). Free with tree_view_free. */
void req_tree_view(struct req *rq, date_t d, struct tree_view *v);

/* ---- h_member.c: what the member-changing handlers share ---- */
/* Begins the change's transaction if member_id is within the caller's
 * subtree and If-Match names its current version; otherwise 428, 412 or
 * 404 (the error is set). */
enum err begin_checked(struct req *rq, const char *member_id);
/* Ends that transaction: commits after e == ERR_OK (unless dry_run), else
 * rolls back; returns e, or the commit's error. */
enum err end_checked(struct req *rq, enum err e, bool dry_run);
/* Answers with the member page of member_id as it is now (and its ETag). */
enum err answer_member(struct req *rq, const char *member_id);
/* Likewise, with "note" when note is not empty (a use case's warnings). */
enum err answer_with_note(struct req *rq, const char *id, const char *note);

/* ---- handlers (one route each; see routes.c for methods and paths) ---- */
enum err h_session_open(struct req *rq);
enum err h_session_close(struct req *rq);
enum err h_me(struct req *rq);
enum err h_me_password(struct req *rq);
enum err h_users_list(struct req *rq);
enum err h_users_add(struct req *rq);
enum err h_user_disable(struct req *rq);
enum err h_user_enable(struct req *rq);
enum err h_user_password(struct req *rq);
enum err h_orgs_tree(struct req *rq);
enum err h_org_get(struct req *rq);
enum err h_org_add(struct req *rq);
enum err h_org_move(struct req *rq);
enum err h_org_merge(struct req *rq);
enum err h_org_dissolve(struct req *rq);
enum err h_org_rename(struct req *rq);
enum err h_members_search(struct req *rq);
enum err h_member_get(struct req *rq);
enum err h_member_add(struct req *rq);
enum err h_member_update(struct req *rq);
enum err h_member_events(struct req *rq);
enum err h_member_event_add(struct req *rq);
enum err h_member_recognize(struct req *rq);
enum err h_member_badge(struct req *rq);
enum err h_member_transfer(struct req *rq);
enum err h_member_exempt(struct req *rq);
enum err h_member_exit(struct req *rq);
enum err h_member_discipline(struct req *rq);
enum err h_member_card(struct req *rq);
enum err h_applicants_list(struct req *rq);
enum err h_applicant_add(struct req *rq);
enum err h_applicant_step(struct req *rq);
enum err h_congresses_list(struct req *rq);
enum err h_congress_plan(struct req *rq);
enum err h_import(struct req *rq);
enum err h_export(struct req *rq);
enum err h_audit_list(struct req *rq);
enum err h_due(struct req *rq);
enum err h_reports_list(struct req *rq);
enum err h_report(struct req *rq);
enum err h_election_count(struct req *rq);
enum err h_election_minutes(struct req *rq);
enum err h_openapi(struct req *rq);
/* Static files of the web UI (web/dist, embedded): not in the route table,
 * served for GET and HEAD outside /api/. */
void h_static(struct req *rq);

#endif
