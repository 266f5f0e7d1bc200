/* account: users, password hashes, sessions and login throttling. */
#include "app/account.h"

#include <jansson.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/audit.h"
#include "app/record.h"
#include "core/text.h"
#include "core/xalloc.h"

static const struct {
	const char *name, *label;
} roles[] = {
	[ROLE_ADMIN] = {"admin", "Quản trị"},
	[ROLE_STAFF] = {"staff", "Cán bộ tổ chức"},
	[ROLE_SECRETARY] = {"secretary", "Bí thư chi bộ"},
	[ROLE_VIEWER] = {"viewer", "Xem"},
};
_Static_assert(sizeof(roles) / sizeof(roles[0]) == ROLE__MAX, "one entry per role");

const char *role_name(enum role r)
{
	return (unsigned)r < ROLE__MAX ? roles[r].name : "";
}

const char *role_label(enum role r)
{
	return (unsigned)r < ROLE__MAX ? roles[r].label : "";
}

bool role_parse(const char *s, enum role *out)
{
	for (int i = 0; s && i < ROLE__MAX; i++)
		if (strcmp(s, roles[i].name) == 0) {
			*out = (enum role)i;
			return true;
		}
	return false;
}

void account_release(struct account *a)
{
	free(a->login);
	free(a->org);
	free(a->created_at);
	memset(a, 0, sizeof(*a));
}

void accounts_free(struct account *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		account_release(&v[i]);
	free(v);
}

void session_release(struct session *s)
{
	account_release(&s->user);
	memset(s, 0, sizeof(*s));
}

static void hex_of(const unsigned char *h, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[h[i] >> 4];
		out[2 * i + 1] = digits[h[i] & 15];
	}
	out[2 * n] = '\0';
}

static void utc_text(int64_t t, char out[21])
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static bool valid_login(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > ACCOUNT_LOGIN_MAX)
		return false;
	for (; *s; s++) {
		char c = *s;
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
			  c == '_' || c == '-';
		if (!ok)
			return false;
	}
	return true;
}

static bool check_password(const char *pw, struct diag_list *dl)
{
	size_t n = pw ? strlen(pw) : 0;
	if (n < ACCOUNT_PASSWORD_MIN || n > ACCOUNT_PASSWORD_MAX) {
		diag_add(dl, NULL, 0, "password", "a password has %d to %d bytes", ACCOUNT_PASSWORD_MIN,
			 ACCOUNT_PASSWORD_MAX);
		return false;
	}
	if (!text_valid_utf8(pw, n, NULL)) {
		diag_add(dl, NULL, 0, "password", "the password is not valid UTF-8 text");
		return false;
	}
	return true;
}

static bool hash_password(const char *pw, char out[crypto_pwhash_STRBYTES])
{
	if (sodium_init() < 0)
		return false;
	return crypto_pwhash_str(out, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
				 crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0;
}

/* {"login", "role", "org", "disabled"} for the audit log (never the hash). */
static char *user_json(const char *login, enum role role, const char *org, bool disabled)
{
	json_t *j = json_object();
	json_object_set_new(j, "login", json_string(login));
	json_object_set_new(j, "role", json_string(role_name(role)));
	json_object_set_new(j, "org", json_string(org));
	json_object_set_new(j, "disabled", json_boolean(disabled));
	return record_text(j);
}

/* Ends the caller's transaction: commits if e is ERR_OK, else rolls back.
 * Returns the outcome. */
static enum err in_tx(struct store *st, enum err e)
{
	if (!e)
		return store_commit(st);
	store_rollback(st);
	return e;
}

static void read_account(struct store_stmt *s, struct account *a)
{
	/* id,login,role,org_id,password_hash,disabled,created_at,org code */
	a->id = stmt_col_int(s, 0);
	a->login = xstrdup(stmt_col_text(s, 1));
	if (!role_parse(stmt_col_text(s, 2), &a->role))
		a->role = ROLE_VIEWER;
	a->org_id = stmt_col_int(s, 3);
	a->disabled = stmt_col_int(s, 5) != 0;
	a->created_at = xstrdup(stmt_col_text(s, 6) ? stmt_col_text(s, 6) : "");
	a->org = xstrdup(stmt_col_text(s, 7));
}

/* Reads a user and (if hash != NULL) their password hash. */
static enum err get_user(struct store *st, const char *login, struct account *a, char *hash, size_t hashsz)
{
	memset(a, 0, sizeof(*a));
	struct store_stmt *s = store_stmt(st, STMT_USER_BY_LOGIN);
	stmt_bind_text(s, 1, login);
	bool row;
	enum err e = stmt_step(s, &row);
	if (e)
		return e;
	if (!row)
		return ERR_NOTFOUND;
	read_account(s, a);
	if (hash)
		snprintf(hash, hashsz, "%s", stmt_col_text(s, 4) ? stmt_col_text(s, 4) : "");
	stmt_step(s, &row);
	return ERR_OK;
}

enum err account_get(struct store *st, const char *login, struct account *out)
{
	return get_user(st, login, out, NULL, 0);
}

enum err account_list(struct store *st, struct account **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	struct store_stmt *s = store_stmt(st, STMT_USER_ALL);
	bool row;
	enum err e;
	while ((e = stmt_step(s, &row)) == ERR_OK && row) {
		XGROW(*out, cap, *n + 1);
		struct account *a = &(*out)[(*n)++];
		/* id,login,role,org_id,created_at,disabled,org code */
		a->id = stmt_col_int(s, 0);
		a->login = xstrdup(stmt_col_text(s, 1));
		if (!role_parse(stmt_col_text(s, 2), &a->role))
			a->role = ROLE_VIEWER;
		a->org_id = stmt_col_int(s, 3);
		a->created_at = xstrdup(stmt_col_text(s, 4) ? stmt_col_text(s, 4) : "");
		a->disabled = stmt_col_int(s, 5) != 0;
		a->org = xstrdup(stmt_col_text(s, 6));
	}
	return e;
}

enum err account_add(struct store *st, const char *login, enum role role, const char *org_code,
		     const char *password, struct diag_list *dl)
{
	enum err e = ERR_OK;
	if (!login || !valid_login(login)) {
		diag_add(dl, NULL, 0, "login", "a login has 1 to %d letters, digits, '.', '_' or '-'",
			 ACCOUNT_LOGIN_MAX);
		e = ERR_INPUT;
	}
	if ((unsigned)role >= ROLE__MAX) {
		diag_add(dl, NULL, 0, "role", "the role is admin, staff, secretary or viewer");
		e = ERR_INPUT;
	}
	if (!check_password(password, dl))
		e = ERR_INPUT;
	if (e)
		return e;
	char hash[crypto_pwhash_STRBYTES];
	if (!hash_password(password, hash))
		return ERR_STORE;
	if ((e = store_begin(st)))
		return e;
	struct store_stmt *s = store_stmt(st, STMT_ORG_ID_BY_CODE);
	stmt_bind_text(s, 1, org_code ? org_code : "");
	bool row;
	if ((e = stmt_step(s, &row)))
		return in_tx(st, e);
	if (!row) {
		diag_add(dl, NULL, 0, "org", "no organization '%s'", org_code ? org_code : "");
		return in_tx(st, ERR_NOTFOUND);
	}
	int64_t org_id = stmt_col_int(s, 0);
	stmt_step(s, &row);
	char now[21];
	utc_text((int64_t)time(NULL), now);
	s = store_stmt(st, STMT_USER_INSERT);
	stmt_bind_text(s, 1, login);
	stmt_bind_text(s, 2, role_name(role));
	stmt_bind_int(s, 3, org_id);
	stmt_bind_text(s, 4, hash);
	stmt_bind_text(s, 5, now);
	e = stmt_exec(s);
	if (e == ERR_CONFLICT)
		diag_add(dl, NULL, 0, "login", "the login '%s' is taken", login);
	if (!e) {
		char *after = user_json(login, role, org_code, false);
		e = audit_record(st, "user.add", "user", login, NULL, after);
		free(after);
	}
	sodium_memzero(hash, sizeof(hash));
	return in_tx(st, e);
}

enum err account_set_disabled(struct store *st, const char *login, bool disabled)
{
	enum err e = store_begin(st);
	if (e)
		return e;
	struct account a;
	if ((e = get_user(st, login, &a, NULL, 0)))
		return in_tx(st, e);
	struct store_stmt *s = store_stmt(st, STMT_USER_SET_DISABLED);
	stmt_bind_int(s, 1, disabled ? 1 : 0);
	stmt_bind_int(s, 2, a.id);
	e = stmt_exec(s);
	if (!e && disabled) {
		s = store_stmt(st, STMT_SESSION_DELETE_USER);
		stmt_bind_int(s, 1, a.id);
		e = stmt_exec(s);
	}
	if (!e) {
		char *before = user_json(a.login, a.role, a.org, a.disabled);
		char *after = user_json(a.login, a.role, a.org, disabled);
		e = audit_record(st, disabled ? "user.disable" : "user.enable", "user", login, before, after);
		free(before);
		free(after);
	}
	account_release(&a);
	return in_tx(st, e);
}

enum err account_set_password(struct store *st, const char *login, const char *password, struct diag_list *dl)
{
	if (!check_password(password, dl))
		return ERR_INPUT;
	char hash[crypto_pwhash_STRBYTES];
	if (!hash_password(password, hash))
		return ERR_STORE;
	enum err e = store_begin(st);
	if (e)
		return e;
	struct account a;
	if ((e = get_user(st, login, &a, NULL, 0)))
		return in_tx(st, e);
	struct store_stmt *s = store_stmt(st, STMT_USER_SET_PASSWORD);
	stmt_bind_text(s, 1, hash);
	stmt_bind_int(s, 2, a.id);
	e = stmt_exec(s);
	if (!e) {
		s = store_stmt(st, STMT_SESSION_DELETE_USER);
		stmt_bind_int(s, 1, a.id);
		e = stmt_exec(s);
	}
	if (!e)
		e = audit_record(st, "user.password", "user", login, NULL, NULL);
	account_release(&a);
	sodium_memzero(hash, sizeof(hash));
	return in_tx(st, e);
}

/* A hash to verify against when the login is unknown, so that an unknown
 * login takes as long as a wrong password. Computed once. */
static char dummy[crypto_pwhash_STRBYTES];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void make_dummy(void)
{
	if (!hash_password("not a password of anyone", dummy))
		dummy[0] = '\0';
}

static const char *dummy_hash(void)
{
	pthread_once(&dummy_once, make_dummy);
	return dummy;
}

static bool verify(const char *hash, const char *password)
{
	if (sodium_init() < 0 || !*hash)
		return false;
	return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

bool account_check_password(struct store *st, const char *login, const char *password)
{
	struct account a;
	char hash[crypto_pwhash_STRBYTES];
	if (get_user(st, login, &a, hash, sizeof(hash))) {
		verify(dummy_hash(), password);
		return false;
	}
	bool ok = verify(hash, password) && !a.disabled;
	account_release(&a);
	return ok;
}

/* Seconds until the lock of a key ends, 0 if not locked: locked when the
 * newest `max` failures fall within ACCOUNT_WINDOW and the newest is less
 * than ACCOUNT_LOCK old. */
static enum err lock_left(struct store *st, enum stmt id, const char *key, int max, int64_t now, int64_t *left)
{
	*left = 0;
	struct store_stmt *s = store_stmt(st, id);
	stmt_bind_text(s, 1, key);
	stmt_bind_int(s, 2, now - ACCOUNT_WINDOW - ACCOUNT_LOCK);
	stmt_bind_int(s, 3, max);
	int64_t newest = 0, oldest = 0;
	int n = 0;
	bool row;
	enum err e;
	while ((e = stmt_step(s, &row)) == ERR_OK && row) {
		int64_t at = stmt_col_int(s, 0);
		if (n == 0)
			newest = at;
		oldest = at;
		n++;
	}
	if (e)
		return e;
	if (n >= max && newest - oldest <= ACCOUNT_WINDOW && now < newest + ACCOUNT_LOCK)
		*left = newest + ACCOUNT_LOCK - now;
	return ERR_OK;
}

static void random_hex(char out[SESSION_TOKEN_HEX])
{
	unsigned char b[32];
	randombytes_buf(b, sizeof(b));
	hex_of(b, sizeof(b), out);
	sodium_memzero(b, sizeof(b));
}

/* The database name of a token: hex(BLAKE2b-256(token bytes)). false if
 * the token is not 64 hex digits. */
static bool token_hash(const char *token, char out[SESSION_TOKEN_HEX])
{
	unsigned char raw[32];
	size_t len = 0;
	if (!token || strlen(token) != 64 || sodium_hex2bin(raw, sizeof(raw), token, 64, NULL, &len, NULL) != 0 ||
	    len != 32)
		return false;
	unsigned char h[32];
	crypto_generichash(h, sizeof(h), raw, sizeof(raw), NULL, 0);
	hex_of(h, sizeof(h), out);
	return true;
}

enum err account_login(struct store *st, const char *login, const char *password, const char *client,
		       int64_t now, struct login_result *res)
{
	memset(res, 0, sizeof(*res));
	if (sodium_init() < 0)
		return ERR_STORE;
	if (!login || !password || strlen(login) > ACCOUNT_LOGIN_MAX || strlen(password) > ACCOUNT_PASSWORD_MAX) {
		/* not a login anyone has: answer as for a wrong password,
		 * without recording a failure under an unbounded key */
		verify(dummy_hash(), "");
		res->outcome = LOGIN_BAD;
		return ERR_OK;
	}
	int64_t left1, left2;
	enum err e = lock_left(st, STMT_LOGIN_FAIL_OF_LOGIN, login, ACCOUNT_LOGIN_FAILURES, now, &left1);
	if (!e)
		e = lock_left(st, STMT_LOGIN_FAIL_OF_CLIENT, client, ACCOUNT_CLIENT_FAILURES, now, &left2);
	if (e)
		return e;
	if (left1 || left2) {
		res->outcome = LOGIN_THROTTLED;
		res->retry_after = left1 > left2 ? left1 : left2;
		return ERR_OK;
	}
	struct account a;
	char hash[crypto_pwhash_STRBYTES];
	e = get_user(st, login, &a, hash, sizeof(hash));
	if (e && e != ERR_NOTFOUND)
		return e;
	bool ok = e == ERR_OK ? verify(hash, password) && !a.disabled : (verify(dummy_hash(), password), false);
	if (!ok) {
		if (e == ERR_OK)
			account_release(&a);
		res->outcome = LOGIN_BAD;
		struct store_stmt *s = store_stmt(st, STMT_LOGIN_FAIL_INSERT);
		stmt_bind_text(s, 1, login);
		stmt_bind_text(s, 2, client);
		stmt_bind_int(s, 3, now);
		return stmt_exec(s);
	}
	if ((e = store_begin(st))) {
		account_release(&a);
		return e;
	}
	struct store_stmt *s = store_stmt(st, STMT_LOGIN_FAIL_CLEAR);
	stmt_bind_text(s, 1, login);
	e = stmt_exec(s);
	random_hex(res->token);
	random_hex(res->session.csrf);
	token_hash(res->token, res->session.token_hash);
	res->session.expires_at = now + SESSION_TTL;
	if (!e) {
		s = store_stmt(st, STMT_SESSION_INSERT);
		stmt_bind_text(s, 1, res->session.token_hash);
		stmt_bind_int(s, 2, a.id);
		stmt_bind_text(s, 3, res->session.csrf);
		stmt_bind_int(s, 4, now);
		stmt_bind_int(s, 5, res->session.expires_at);
		stmt_bind_int(s, 6, now);
		stmt_bind_text(s, 7, client);
		e = stmt_exec(s);
	}
	if (!e) {
		json_t *j = json_object();
		json_object_set_new(j, "client", json_string(client));
		char *after = record_text(j);
		e = audit_record(st, "session.open", "session", login, NULL, after);
		free(after);
	}
	if ((e = in_tx(st, e))) {
		account_release(&a);
		memset(res, 0, sizeof(*res));
		return e;
	}
	res->outcome = LOGIN_OK;
	res->session.user = a;
	return ERR_OK;
}

enum err session_find(struct store *st, const char *token, int64_t now, struct session *sess)
{
	memset(sess, 0, sizeof(*sess));
	if (!token_hash(token, sess->token_hash))
		return ERR_AUTH;
	struct store_stmt *s = store_stmt(st, STMT_SESSION_GET);
	stmt_bind_text(s, 1, sess->token_hash);
	bool row;
	enum err e = stmt_step(s, &row);
	if (e)
		return e;
	if (!row)
		return ERR_AUTH;
	/* u.id,u.login,u.role,u.org_id,csrf,expires_at,last_seen,disabled,org code */
	struct account *a = &sess->user;
	a->id = stmt_col_int(s, 0);
	a->login = xstrdup(stmt_col_text(s, 1));
	if (!role_parse(stmt_col_text(s, 2), &a->role))
		a->role = ROLE_VIEWER;
	a->org_id = stmt_col_int(s, 3);
	snprintf(sess->csrf, sizeof(sess->csrf), "%s", stmt_col_text(s, 4) ? stmt_col_text(s, 4) : "");
	sess->expires_at = stmt_col_int(s, 5);
	int64_t last = stmt_col_int(s, 6);
	a->disabled = stmt_col_int(s, 7) != 0;
	a->org = xstrdup(stmt_col_text(s, 8));
	a->created_at = xstrdup("");
	stmt_step(s, &row);
	sess->last_seen = last;
	if (a->disabled || now >= sess->expires_at || now >= last + SESSION_IDLE) {
		session_release(sess);
		return ERR_AUTH;
	}
	return ERR_OK;
}

bool session_stale(const struct session *s, int64_t now)
{
	return now - s->last_seen >= 60;
}

enum err session_touch(struct store *st, struct session *sess, int64_t now)
{
	struct store_stmt *s = store_stmt(st, STMT_SESSION_TOUCH);
	stmt_bind_int(s, 1, now);
	stmt_bind_text(s, 2, sess->token_hash);
	enum err e = stmt_exec(s);
	if (!e)
		sess->last_seen = now;
	return e;
}

enum err session_end(struct store *st, const char *token, const char *login)
{
	char h[SESSION_TOKEN_HEX];
	if (!token_hash(token, h))
		return ERR_OK;
	enum err e = store_begin(st);
	if (e)
		return e;
	struct store_stmt *s = store_stmt(st, STMT_SESSION_DELETE);
	stmt_bind_text(s, 1, h);
	e = stmt_exec(s);
	if (!e && store_changes(st) > 0)
		e = audit_record(st, "session.close", "session", login ? login : "", NULL, NULL);
	return in_tx(st, e);
}

enum err account_purge(struct store *st, int64_t now)
{
	struct store_stmt *s = store_stmt(st, STMT_SESSION_PURGE);
	stmt_bind_int(s, 1, now);
	stmt_bind_int(s, 2, now - SESSION_IDLE);
	enum err e = stmt_exec(s);
	if (!e) {
		s = store_stmt(st, STMT_LOGIN_FAIL_PURGE);
		stmt_bind_int(s, 1, now - ACCOUNT_WINDOW - ACCOUNT_LOCK);
		e = stmt_exec(s);
	}
	return e;
}
