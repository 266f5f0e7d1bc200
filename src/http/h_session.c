/* h_session: logging in and out, the caller, and the users an admin
 * manages (app/account.h). */
#include "http/http.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "app/scope.h"
#include "core/xalloc.h"
#include "store/store.h"

/* The user as the API shows them. */
static json_t *user_json(struct req *rq, const struct account *a)
{
	json_t *j = json_object();
	json_object_set_new(j, "login", json_string(a->login));
	json_object_set_new(j, "role", json_string(role_name(a->role)));
	json_object_set_new(j, "role_label", json_string(role_label(a->role)));
	json_object_set_new(j, "org", json_string(a->org));
	int org = rq->reg ? tree_find(&rq->reg->tree, a->org) : TREE_NONE;
	json_object_set_new(j, "org_name", org == TREE_NONE ? json_null()
							  : json_string(tree_name_at(&rq->reg->tree, org, rq->today)));
	if (a->created_at && *a->created_at)
		json_object_set_new(j, "created_at", json_string(a->created_at));
	json_object_set_new(j, "disabled", json_boolean(a->disabled));
	return j;
}

static void set_cookie(struct req *rq, const char *value, int64_t max_age)
{
	char c[256];
	snprintf(c, sizeof(c), "dangbo_session=%s; Path=/; Max-Age=%lld; HttpOnly; SameSite=Strict%s", value,
		 (long long)max_age, rq->srv->tls ? "; Secure" : "");
	req_header(rq, "Set-Cookie", c);
}

/* POST /api/v1/session {"login", "password"}: 200 with the user and the
 * csrf_token, and the session cookie; 401 for a wrong login or password;
 * 429 with Retry-After after too many failures (app/account.h). */
enum err h_session_open(struct req *rq)
{
	const char *login, *password;
	enum err e;
	if ((e = req_json_str(rq, "login", true, &login)) || (e = req_json_str(rq, "password", true, &password)))
		return e;
	struct login_result res;
	e = account_login(rq->w->st, login, password, rq->client, rq->now, &res);
	if (e)
		return req_fail(rq, e, "%s", store_errmsg(rq->w->st));
	if (res.outcome == LOGIN_THROTTLED) {
		char ra[24];
		snprintf(ra, sizeof(ra), "%lld", (long long)res.retry_after);
		req_header(rq, "Retry-After", ra);
		req_status(rq, MHD_HTTP_TOO_MANY_REQUESTS);
		json_object_set_new(rq->err_extra = json_object(), "retry_after", json_integer(res.retry_after));
		return req_fail(rq, ERR_PERM, "too many failed logins: try again in %lld minutes",
				(long long)(res.retry_after + 59) / 60);
	}
	if (res.outcome != LOGIN_OK)
		return req_fail(rq, ERR_AUTH, "wrong login or password");
	set_cookie(rq, res.token, SESSION_TTL);
	req_tree(rq);
	json_t *j = json_object();
	json_object_set_new(j, "user", user_json(rq, &res.session.user));
	json_object_set_new(j, "csrf_token", json_string(res.session.csrf));
	json_object_set_new(j, "expires_in", json_integer(SESSION_TTL));
	rq->out = j;
	sodium_memzero(res.token, sizeof(res.token));
	session_release(&res.session);
	return ERR_OK;
}

/* DELETE /api/v1/session: ends the session (204) and clears the cookie. */
enum err h_session_close(struct req *rq)
{
	const char *cookie = MHD_lookup_connection_value(rq->conn, MHD_COOKIE_KIND, "dangbo_session");
	enum err e = session_end(rq->w->st, cookie, rq->sess.user.login);
	if (e)
		return req_fail(rq, e, "%s", store_errmsg(rq->w->st));
	set_cookie(rq, "", 0);
	return ERR_OK;
}

/* GET /api/v1/me: the caller, their scope, and the CSRF token (so that a
 * page reloaded in the browser can find it again). */
enum err h_me(struct req *rq)
{
	enum err e = req_tree(rq);
	if (e)
		return e;
	json_t *j = json_object();
	json_object_set_new(j, "user", user_json(rq, &rq->sess.user));
	json_object_set_new(j, "csrf_token", json_string(rq->sess.csrf));
	json_object_set_new(j, "scope_is_everything",
			    json_boolean(scope_is_everything(&rq->reg->tree, rq->scope, rq->today)));
	rq->out = j;
	return ERR_OK;
}

/* POST /api/v1/me/password {"old_password", "new_password"}: 204; the
 * caller's sessions end (log in again). 403 if old_password is wrong. */
enum err h_me_password(struct req *rq)
{
	const char *old, *new;
	enum err e;
	if ((e = req_json_str(rq, "old_password", true, &old)) || (e = req_json_str(rq, "new_password", true, &new)))
		return e;
	if (!account_check_password(rq->w->st, rq->sess.user.login, old))
		return req_fail(rq, ERR_PERM, "the old password is wrong");
	struct diag_list dl;
	diag_init(&dl);
	e = account_set_password(rq->w->st, rq->sess.user.login, new, &dl);
	req_take_diag(rq, &dl);
	if (e == ERR_STORE)
		return req_fail(rq, e, "%s", store_errmsg(rq->w->st));
	if (!e)
		set_cookie(rq, "", 0);
	return e;
}

/* The user named in the path, if their scope is within the caller's. */
static enum err scoped_user(struct req *rq, struct account *a)
{
	enum err e = req_tree(rq);
	if (e)
		return e;
	e = account_get(rq->w->st, rq->params[0], a);
	if (e == ERR_OK) {
		int org = tree_find(&rq->reg->tree, a->org);
		if (!scope_contains(&rq->reg->tree, rq->scope, org, rq->today)) {
			account_release(a);
			e = ERR_NOTFOUND;
		}
	}
	if (e == ERR_NOTFOUND)
		return req_fail(rq, e, "no user '%s'", rq->params[0]);
	if (e)
		return req_fail(rq, e, "%s", store_errmsg(rq->w->st));
	return ERR_OK;
}

/* GET /api/v1/users: the users whose scope is within the admin's. */
enum err h_users_list(struct req *rq)
{
	enum err e = req_tree(rq);
	if (e)
		return e;
	struct account *v;
	size_t n;
	if ((e = account_list(rq->w->st, &v, &n)))
		return req_fail(rq, e, "%s", store_errmsg(rq->w->st));
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		int org = tree_find(&rq->reg->tree, v[i].org);
		if (scope_contains(&rq->reg->tree, rq->scope, org, rq->today))
			json_array_append_new(a, user_json(rq, &v[i]));
	}
	accounts_free(v, n);
	rq->out = json_object();
	json_object_set_new(rq->out, "users", a);
	return ERR_OK;
}

/* POST /api/v1/users {"login", "password", "role", "org"}: 201; the org
 * must be within the admin's subtree (404 otherwise). */
enum err h_users_add(struct req *rq)
{
	const char *login, *password, *role_s, *org_code;
	enum err e;
	if ((e = req_json_str(rq, "login", true, &login)) || (e = req_json_str(rq, "password", true, &password)) ||
	    (e = req_json_str(rq, "role", true, &role_s)) || (e = req_json_str(rq, "org", true, &org_code)))
		return e;
	enum role role;
	if (!role_parse(role_s, &role)) {
		diag_add(&rq->dl, NULL, 0, "role", "'%s' is not a role (admin, staff, secretary, viewer)", role_s);
		return req_fail(rq, ERR_INPUT, "'%s' is not a role (admin, staff, secretary, viewer)", role_s);
	}
	int org;
	if ((e = req_org(rq, org_code, &org)))
		return e;
	struct diag_list dl;
	diag_init(&dl);
	e = account_add(rq->w->st, login, role, org_code, password, &dl);
	req_take_diag(rq, &dl);
	if (e == ERR_STORE)
		return req_fail(rq, e, "%s", store_errmsg(rq->w->st));
	if (e)
		return e;
	struct account a;
	if (account_get(rq->w->st, login, &a) == ERR_OK) {
		rq->out = user_json(rq, &a);
		account_release(&a);
	}
	rq->status = 201;
	return ERR_OK;
}

static enum err set_disabled(struct req *rq, bool disabled)
{
	struct account a;
	enum err e = scoped_user(rq, &a);
	if (e)
		return e;
	account_release(&a);
	if ((e = account_set_disabled(rq->w->st, rq->params[0], disabled)))
		return req_fail(rq, e, "%s", store_errmsg(rq->w->st));
	if (account_get(rq->w->st, rq->params[0], &a) == ERR_OK) {
		rq->out = user_json(rq, &a);
		account_release(&a);
	}
	return ERR_OK;
}

/* POST /api/v1/users/{login}/disable: the user can no longer log in; their
 * sessions end. 404 outside the admin's subtree. */
enum err h_user_disable(struct req *rq)
{
	if (strcmp(rq->params[0], rq->sess.user.login) == 0)
		return req_fail(rq, ERR_REFUSED, "you cannot disable yourself");
	return set_disabled(rq, true);
}

/* POST /api/v1/users/{login}/enable */
enum err h_user_enable(struct req *rq)
{
	return set_disabled(rq, false);
}

/* POST /api/v1/users/{login}/password {"password"}: sets a new password;
 * the user's sessions end. */
enum err h_user_password(struct req *rq)
{
	const char *pw;
	enum err e = req_json_str(rq, "password", true, &pw);
	if (e)
		return e;
	struct account a;
	if ((e = scoped_user(rq, &a)))
		return e;
	account_release(&a);
	struct diag_list dl;
	diag_init(&dl);
	e = account_set_password(rq->w->st, rq->params[0], pw, &dl);
	req_take_diag(rq, &dl);
	if (e == ERR_STORE)
		return req_fail(rq, e, "%s", store_errmsg(rq->w->st));
	return e;
}
