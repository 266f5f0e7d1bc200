/* Unit tests for accounts (src/app/account.c), with the clock in the
 * test's hands: passwords stored as argon2id hashes; login throttling
 * (5 failures of a login within 15 minutes lock it for 15 minutes from the
 * last one; 20 from one address lock that address); sessions end after
 * 12 hours, or 2 hours unused; a disabled user's sessions end. Also the
 * scope of a user (src/app/scope.c) across merges and dissolutions. */
#include "harness.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/account.h"
#include "app/audit.h"
#include "app/ops.h"
#include "app/scope.h"
#include "store/store.h"

static char path[64];
static struct store *st;
static const int64_t T0 = 1790000000; /* a Unix time */

static void add_org(const char *code, enum org_kind kind, const char *parent, const char *category)
{
	struct diag_list dl;
	diag_init(&dl);
	struct org_change c = {.op = ORG_OP_ADD, .code = code, .name = code, .kind = kind, .parent = parent,
			       .category = category, .date = DATE_NONE};
	enum err e = ops_org(st, &c, &dl);
	if (e)
		diag_print(&dl, stderr);
	assert_int_equal(e, ERR_OK);
	diag_free(&dl);
}

static int setup(void **state)
{
	strcpy(path, "/tmp/dangbo-account-XXXXXX");
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	if (store_open(path, STORE_CREATE, &st, NULL))
		return -1;
	store_set_actor(st, "test");
	add_org("QN", ORG_PROVINCE, NULL, NULL);
	add_org("QN.A", ORG_UPPER, "QN", NULL);
	add_org("QN.B", ORG_UPPER, "QN", NULL);
	add_org("QN.A.01", ORG_BASE_CELL, "QN.A", "ward");
	struct diag_list dl;
	diag_init(&dl);
	if (account_add(st, "hoa", ROLE_STAFF, "QN.A", "mat-khau-hoa", &dl) ||
	    account_add(st, "lan", ROLE_VIEWER, "QN.B", "mat-khau-lan", &dl))
		return -1;
	diag_free(&dl);
	return 0;
}

static int teardown(void **state)
{
	store_close(st);
	char p[80];
	unlink(path);
	snprintf(p, sizeof(p), "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", path);
	unlink(p);
	return 0;
}

static void test_password_is_hashed(void **state)
{
	struct account a;
	assert_int_equal(account_get(st, "hoa", &a), ERR_OK);
	assert_string_equal(a.org, "QN.A");
	assert_int_equal(a.role, ROLE_STAFF);
	account_release(&a);
	/* the stored string is an argon2id hash, not the password */
	struct store_stmt *s = store_stmt(st, STMT_USER_BY_LOGIN);
	stmt_bind_text(s, 1, "hoa");
	bool row;
	assert_int_equal(stmt_step(s, &row), ERR_OK);
	assert_true(row);
	const char *h = stmt_col_text(s, 4);
	assert_int_equal(strncmp(h, "$argon2id$", 10), 0);
	assert_null(strstr(h, "mat-khau-hoa"));
	stmt_step(s, &row);
	assert_true(account_check_password(st, "hoa", "mat-khau-hoa"));
	assert_false(account_check_password(st, "hoa", "mat-khau-lan"));
	assert_false(account_check_password(st, "nobody", "mat-khau-hoa"));
}

static void test_bad_accounts(void **state)
{
	struct diag_list dl;
	diag_init(&dl);
	assert_int_equal(account_add(st, "x", ROLE_STAFF, "QN", "short", &dl), ERR_INPUT);
	assert_string_equal(dl.v[0].column, "password");
	diag_free(&dl);
	diag_init(&dl);
	assert_int_equal(account_add(st, "a b", ROLE_STAFF, "QN", "long-enough", &dl), ERR_INPUT);
	assert_string_equal(dl.v[0].column, "login");
	diag_free(&dl);
	diag_init(&dl);
	assert_int_equal(account_add(st, "x", ROLE_STAFF, "NOPE", "long-enough", &dl), ERR_NOTFOUND);
	diag_free(&dl);
	diag_init(&dl);
	assert_int_equal(account_add(st, "hoa", ROLE_ADMIN, "QN", "long-enough", &dl), ERR_CONFLICT);
	diag_free(&dl);
}

static enum login_outcome try_login(const char *login, const char *pw, const char *client, int64_t now,
				    int64_t *retry)
{
	struct login_result r;
	assert_int_equal(account_login(st, login, pw, client, now, &r), ERR_OK);
	if (retry)
		*retry = r.retry_after;
	if (r.outcome == LOGIN_OK) {
		assert_int_equal(strlen(r.token), 64);
		assert_int_equal(strlen(r.session.csrf), 64);
		assert_string_not_equal(r.token, r.session.csrf);
		session_release(&r.session);
	}
	return r.outcome;
}

static void test_throttling_of_a_login(void **state)
{
	int64_t t = T0;
	/* four failures, then the right password still works and clears them */
	for (int i = 0; i < 4; i++)
		assert_int_equal(try_login("hoa", "wrong-password", "10.0.0.1", t + i, NULL), LOGIN_BAD);
	assert_int_equal(try_login("hoa", "mat-khau-hoa", "10.0.0.1", t + 10, NULL), LOGIN_OK);
	/* five failures within 15 minutes lock the login... */
	t += 100;
	for (int i = 0; i < 5; i++)
		assert_int_equal(try_login("hoa", "wrong-password", "10.0.0.2", t + 60 * i, NULL), LOGIN_BAD);
	int64_t last = t + 240, retry;
	/* ...even for the right password, from anywhere, for 15 minutes after the last */
	assert_int_equal(try_login("hoa", "mat-khau-hoa", "10.0.0.3", last + 1, &retry), LOGIN_THROTTLED);
	assert_int_equal(retry, 15 * 60 - 1);
	assert_int_equal(try_login("hoa", "mat-khau-hoa", "10.0.0.3", last + 15 * 60 - 1, &retry), LOGIN_THROTTLED);
	assert_int_equal(retry, 1);
	/* other logins are not locked */
	assert_int_equal(try_login("lan", "mat-khau-lan", "10.0.0.2", last + 2, NULL), LOGIN_OK);
	/* and the lock ends on time: refused attempts did not extend it */
	assert_int_equal(try_login("hoa", "mat-khau-hoa", "10.0.0.3", last + 15 * 60, NULL), LOGIN_OK);
}

static void test_failures_spread_out_do_not_lock(void **state)
{
	int64_t t = T0 + 100000;
	/* five failures over more than 15 minutes: not locked */
	for (int i = 0; i < 5; i++)
		assert_int_equal(try_login("lan", "wrong-password", "10.1.0.1", t + 300 * i, NULL), LOGIN_BAD);
	assert_int_equal(try_login("lan", "mat-khau-lan", "10.1.0.1", t + 1201, NULL), LOGIN_OK);
}

static void test_throttling_of_an_address(void **state)
{
	int64_t t = T0 + 200000;
	char login[32];
	/* 20 failures from one address with different logins lock the address */
	for (int i = 0; i < ACCOUNT_CLIENT_FAILURES; i++) {
		snprintf(login, sizeof(login), "guess%d", i);
		assert_int_equal(try_login(login, "whatever-it-is", "10.9.9.9", t + i, NULL), LOGIN_BAD);
	}
	assert_int_equal(try_login("hoa", "mat-khau-hoa", "10.9.9.9", t + 30, NULL), LOGIN_THROTTLED);
	assert_int_equal(try_login("hoa", "mat-khau-hoa", "10.9.9.8", t + 30, NULL), LOGIN_OK);
}

static void test_sessions_expire(void **state)
{
	int64_t t = T0 + 300000;
	struct login_result r;
	assert_int_equal(account_login(st, "hoa", "mat-khau-hoa", "10.2.0.1", t, &r), ERR_OK);
	assert_int_equal(r.outcome, LOGIN_OK);
	char token[SESSION_TOKEN_HEX];
	strcpy(token, r.token);
	session_release(&r.session);
	struct session s;
	/* used every hour: alive until 12 hours after login */
	for (int h = 1; h < 12; h++) {
		assert_int_equal(session_find(st, token, t + 3600 * h, &s), ERR_OK);
		assert_int_equal(session_touch(st, &s, t + 3600 * h), ERR_OK);
		assert_string_equal(s.user.login, "hoa");
		assert_string_equal(s.user.org, "QN.A");
		session_release(&s);
	}
	assert_int_equal(session_find(st, token, t + SESSION_TTL, &s), ERR_AUTH);
	/* unused for 2 hours: ended */
	assert_int_equal(account_login(st, "hoa", "mat-khau-hoa", "10.2.0.1", t, &r), ERR_OK);
	strcpy(token, r.token);
	session_release(&r.session);
	assert_int_equal(session_find(st, token, t + 30, &s), ERR_OK);
	assert_false(session_stale(&s, t + 30));
	session_release(&s);
	assert_int_equal(session_find(st, token, t + SESSION_IDLE - 1, &s), ERR_OK);
	assert_true(session_stale(&s, t + SESSION_IDLE - 1));
	assert_int_equal(session_touch(st, &s, t + SESSION_IDLE - 1), ERR_OK);
	session_release(&s);
	assert_int_equal(session_find(st, token, t + 2 * SESSION_IDLE - 2, &s), ERR_OK); /* marked used */
	session_release(&s);
	assert_int_equal(session_find(st, token, t + 3 * SESSION_IDLE, &s), ERR_AUTH);
	/* malformed and unknown tokens */
	assert_int_equal(session_find(st, "abc", t, &s), ERR_AUTH);
	char other[65];
	memset(other, 'a', 64);
	other[64] = '\0';
	assert_int_equal(session_find(st, other, t, &s), ERR_AUTH);
	/* the database holds the token's hash, not the token */
	assert_int_equal(account_login(st, "hoa", "mat-khau-hoa", "10.2.0.1", t, &r), ERR_OK);
	struct store_stmt *q = store_stmt(st, STMT_SESSION_GET);
	stmt_bind_text(q, 1, r.token);
	bool row;
	assert_int_equal(stmt_step(q, &row), ERR_OK);
	assert_false(row);
	/* disabling the user ends the session; logout ends it too */
	strcpy(token, r.token);
	session_release(&r.session);
	assert_int_equal(account_set_disabled(st, "hoa", true), ERR_OK);
	assert_int_equal(session_find(st, token, t + 1, &s), ERR_AUTH);
	assert_int_equal(try_login("hoa", "mat-khau-hoa", "10.2.0.1", t + 2, NULL), LOGIN_BAD);
	assert_int_equal(account_set_disabled(st, "hoa", false), ERR_OK);
	assert_int_equal(account_login(st, "hoa", "mat-khau-hoa", "10.2.0.1", t + 3, &r), ERR_OK);
	strcpy(token, r.token);
	session_release(&r.session);
	assert_int_equal(session_end(st, token, "hoa"), ERR_OK);
	assert_int_equal(session_find(st, token, t + 4, &s), ERR_AUTH);
}

static void test_every_change_is_audited(void **state)
{
	struct audit_check c;
	assert_int_equal(audit_verify(st, &c), ERR_OK);
	assert_int_equal(c.first_bad, 0);
	assert_true(c.checked >= 6); /* 4 organizations, 2 users, logins... */
	struct audit_rec *v;
	size_t n;
	assert_int_equal(audit_list(st, "user", "hoa", 0, 100, &v, &n), ERR_OK);
	assert_true(n >= 3); /* add, disable, enable */
	assert_string_equal(v[n - 1].action, "user.add");
	assert_string_equal(v[n - 1].actor, "test");
	assert_null(strstr(v[n - 1].after, "mat-khau"));
	audit_recs_free(v, n);
}

static void test_scope_across_history(void **state)
{
	struct diag_list dl;
	diag_init(&dl);
	/* QN.A.01 merges into a new QN.B.01 on 2026-01-01 */
	add_org("QN.B.01", ORG_BASE_CELL, "QN.B", "ward");
	struct org_change c = {.op = ORG_OP_MERGE, .code = "QN.A.01", .target = "QN.B.01"};
	date_parse("2026-01-01", &c.date);
	assert_int_equal(ops_org(st, &c, &dl), ERR_OK);
	diag_free(&dl);
	struct registry r;
	diag_init(&dl);
	assert_int_equal(registry_open(st, &r, &dl), ERR_OK);
	diag_free(&dl);
	const struct tree *t = &r.tree;
	int qn = tree_find(t, "QN"), a = tree_find(t, "QN.A"), b = tree_find(t, "QN.B");
	int a01 = tree_find(t, "QN.A.01"), b01 = tree_find(t, "QN.B.01");
	date_t before, after;
	date_parse("2025-06-01", &before);
	date_parse("2026-06-01", &after);
	assert_true(scope_contains(t, qn, a01, after));
	assert_true(scope_contains(t, a, a01, before));
	/* merged: judged by where it went */
	assert_false(scope_contains(t, a, a01, after));
	assert_true(scope_contains(t, b, a01, after));
	assert_true(scope_contains(t, b, b01, after));
	assert_false(scope_contains(t, a, b01, after));
	assert_false(scope_contains(t, a, TREE_NONE, after));
	assert_true(scope_is_everything(t, qn, after));
	assert_false(scope_is_everything(t, a, after));
	registry_close(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_password_is_hashed),
		cmocka_unit_test(test_bad_accounts),
		cmocka_unit_test(test_throttling_of_a_login),
		cmocka_unit_test(test_failures_spread_out_do_not_lock),
		cmocka_unit_test(test_throttling_of_an_address),
		cmocka_unit_test(test_sessions_expire),
		cmocka_unit_test(test_every_change_is_audited),
		cmocka_unit_test(test_scope_across_history),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
