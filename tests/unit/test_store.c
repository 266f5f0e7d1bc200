/* Unit tests for the store: every statement of the table has SQL that
 * prepares against the migrated schema, migrations run once, and a
 * database is refused when it is not initialised. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"

static char path[64];

static int setup(void **state)
{
	strcpy(path, "/tmp/dangbo-store-XXXXXX");
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	return 0;
}

static int teardown(void **state)
{
	char p[80];
	unlink(path);
	snprintf(p, sizeof(p), "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", path);
	unlink(p);
	return 0;
}

static void test_open_modes(void **state)
{
	struct store *st = NULL;
	char *msg = NULL;
	assert_int_equal(store_open(path, STORE_OPEN, &st, &msg), ERR_NOTFOUND);
	assert_non_null(strstr(msg, "dangbo init"));
	free(msg);
	msg = NULL;
	assert_int_equal(store_open(path, STORE_CREATE, &st, &msg), ERR_OK);
	assert_true(store_schema_version(st) >= 1);
	assert_string_equal(store_backend(st), "sqlite");
	store_close(st);
	assert_int_equal(store_open(path, STORE_CREATE, &st, &msg), ERR_CONFLICT);
	assert_non_null(strstr(msg, "already initialised"));
	free(msg);
	assert_int_equal(store_open(path, STORE_OPEN, &st, &msg), ERR_OK);
	store_close(st);
}

static void test_every_statement_prepares(void **state)
{
	struct store *st = NULL;
	assert_int_equal(store_open(path, STORE_CREATE, &st, NULL), ERR_OK);
	for (int i = 0; i < STMT__MAX; i++) {
		/* store_stmt aborts with the statement's name if it does not prepare */
		assert_non_null(store_stmt(st, (enum stmt)i));
		assert_string_not_equal(stmt_name((enum stmt)i), "?");
	}
	store_close(st);
}

static void test_transaction_and_conflict(void **state)
{
	struct store *st = NULL;
	assert_int_equal(store_open(path, STORE_CREATE, &st, NULL), ERR_OK);
	assert_int_equal(store_begin(st), ERR_OK);
	struct store_stmt *s = store_stmt(st, STMT_META_SET);
	stmt_bind_text(s, 1, "k");
	stmt_bind_text(s, 2, "v");
	assert_int_equal(stmt_exec(s), ERR_OK);
	store_rollback(st);
	s = store_stmt(st, STMT_META_GET);
	stmt_bind_text(s, 1, "k");
	bool row = true;
	assert_int_equal(stmt_step(s, &row), ERR_OK);
	assert_false(row); /* rolled back */

	const char *org[] = {"X", "Tên", "province"};
	for (int k = 0; k < 2; k++) {
		s = store_stmt(st, STMT_ORG_INSERT);
		for (int i = 0; i < 3; i++)
			stmt_bind_text(s, i + 1, org[i]);
		enum err e = stmt_exec(s);
		assert_int_equal(e, k == 0 ? ERR_OK : ERR_CONFLICT); /* code is UNIQUE */
	}
	assert_non_null(strstr(store_errmsg(st), "UNIQUE"));
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_open_modes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_every_statement_prepares, setup, teardown),
		cmocka_unit_test_setup_teardown(test_transaction_and_conflict, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
