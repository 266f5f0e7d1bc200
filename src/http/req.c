/* req: the helpers handlers use to read a request, resolve what it touches
 * within the caller's scope, and describe failures. */
#include "http/http.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "app/scope.h"
#include "core/xalloc.h"
#include "store/store.h"

const char *req_query(struct req *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->conn, MHD_GET_ARGUMENT_KIND, name);
}

enum err req_fail(struct req *rq, enum err e, const char *fmt, ...)
{
	struct buf b;
	buf_init(&b, 0);
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	free(rq->message);
	rq->message = buf_detach(&b, NULL);
	return e;
}

void req_status(struct req *rq, int status)
{
	rq->status = status;
}

void req_header(struct req *rq, const char *name, const char *value)
{
	if (rq->nhdr == REQ_HEADERS)
		return;
	rq->hname[rq->nhdr] = xstrdup(name);
	rq->hvalue[rq->nhdr] = xstrdup(value);
	rq->nhdr++;
}

enum err req_query_long(struct req *rq, const char *name, long min, long max, long def, long *out)
{
	const char *v = req_query(rq, name);
	if (!v || !*v) {
		*out = def;
		return ERR_OK;
	}
	char *end;
	long n = strtol(v, &end, 10);
	if (*end || n < min || n > max)
		return req_fail(rq, ERR_INPUT, "%s must be a whole number from %ld to %ld", name, min, max);
	*out = n;
	return ERR_OK;
}

enum err req_query_date(struct req *rq, const char *name, date_t *out)
{
	const char *v = req_query(rq, name);
	if (!v || !*v) {
		*out = rq->today;
		return ERR_OK;
	}
	if (!date_parse(v, out))
		return req_fail(rq, ERR_INPUT, "%s: '%s' is not a date (YYYY-MM-DD)", name, v);
	return ERR_OK;
}

enum err req_json_str(struct req *rq, const char *key, bool required, const char **out)
{
	json_t *v = json_object_get(rq->json, key);
	*out = NULL;
	if (!v || json_is_null(v)) {
		if (required) {
			diag_add(&rq->dl, NULL, 0, key, "required");
			return req_fail(rq, ERR_INPUT, "%s is required", key);
		}
		return ERR_OK;
	}
	if (!json_is_string(v)) {
		diag_add(&rq->dl, NULL, 0, key, "must be a string");
		return req_fail(rq, ERR_INPUT, "%s must be a string", key);
	}
	*out = json_string_value(v);
	if (strlen(*out) != json_string_length(v)) {
		diag_add(&rq->dl, NULL, 0, key, "must not contain a NUL character");
		return req_fail(rq, ERR_INPUT, "%s must not contain a NUL character", key);
	}
	return ERR_OK;
}

enum err req_json_date(struct req *rq, const char *key, bool required, date_t *out)
{
	const char *s;
	*out = DATE_NONE;
	enum err e = req_json_str(rq, key, required, &s);
	if (e || !s)
		return e;
	if (!date_parse(s, out)) {
		diag_add(&rq->dl, NULL, 0, key, "'%s' is not a date (YYYY-MM-DD)", s);
		return req_fail(rq, ERR_INPUT, "%s: '%s' is not a date (YYYY-MM-DD)", key, s);
	}
	return ERR_OK;
}

/* The meta counter the tree cache is keyed on (0 if it was never bumped). */
static enum err tree_generation(struct store *st, int64_t *out)
{
	struct store_stmt *s = store_stmt(st, STMT_META_GET);
	stmt_bind_text(s, 1, "tree_generation");
	bool row;
	enum err e = stmt_step(s, &row);
	*out = 0;
	if (!e && row) {
		const char *v = stmt_col_text(s, 0);
		*out = v ? strtoll(v, NULL, 10) : 0;
		stmt_step(s, &row);
	}
	return e;
}

enum err req_tree(struct req *rq)
{
	if (rq->reg)
		return ERR_OK;
	struct worker *w = rq->w;
	int64_t gen;
	enum err e = tree_generation(w->st, &gen);
	if (e)
		return req_fail(rq, e, "%s", store_errmsg(w->st));
	if (!w->loaded || gen != w->tree_generation) {
		if (w->loaded)
			registry_close(&w->reg);
		w->loaded = false;
		struct diag_list dl;
		diag_init(&dl);
		e = registry_open(w->st, &w->reg, &dl);
		diag_free(&dl);
		if (e) {
			registry_close(&w->reg);
			return req_fail(rq, e, "cannot read the organizations: %s", store_errmsg(w->st));
		}
		w->loaded = true;
		w->tree_generation = gen;
	}
	w->reg.today = rq->today;
	rq->reg = &w->reg;
	rq->scope = rq->has_session ? tree_find(&w->reg.tree, rq->sess.user.org) : TREE_NONE;
	return ERR_OK;
}

enum err req_org(struct req *rq, const char *code, int *org)
{
	enum err e = req_tree(rq);
	if (e)
		return e;
	*org = code ? tree_find(&rq->reg->tree, code) : TREE_NONE;
	if (*org == TREE_NONE || !scope_contains(&rq->reg->tree, rq->scope, *org, rq->today)) {
		*org = TREE_NONE;
		return req_fail(rq, ERR_NOTFOUND, "no organization '%s'", code ? code : "");
	}
	return ERR_OK;
}

enum err req_member(struct req *rq, const char *member_id, struct member_rec *m, struct event_rec **ev,
		    size_t *nev)
{
	enum err e = req_tree(rq);
	if (e)
		return e;
	e = registry_member_get(rq->reg, member_id, m, ev, nev);
	if (e == ERR_OK && !scope_contains(&rq->reg->tree, rq->scope, m->org, rq->today)) {
		member_rec_free(m);
		if (ev) {
			events_free(*ev, *nev);
			*ev = NULL;
			*nev = 0;
		}
		e = ERR_NOTFOUND;
	}
	if (e == ERR_NOTFOUND)
		return req_fail(rq, e, "no member '%s'", member_id);
	if (e)
		return req_fail(rq, e, "%s", store_errmsg(rq->w->st));
	return ERR_OK;
}

void req_set_actor(struct req *rq)
{
	char actor[96];
	snprintf(actor, sizeof(actor), "web:%s", rq->has_session ? rq->sess.user.login : "-");
	store_set_actor(rq->w->st, actor);
}

void req_take_diag(struct req *rq, struct diag_list *dl)
{
	for (size_t i = 0; i < dl->n; i++) {
		const struct diag *d = &dl->v[i];
		diag_add(&rq->dl, d->file, d->line, d->column, "%s", d->msg);
	}
	rq->dl.dropped += dl->dropped;
	diag_free(dl);
	diag_init(dl);
}

void req_tree_view(struct req *rq, date_t d, struct tree_view *v)
{
	pthread_mutex_lock(&rq->srv->view_lock);
	tree_view_build(&rq->reg->tree, d, v);
	pthread_mutex_unlock(&rq->srv->view_lock);
}
