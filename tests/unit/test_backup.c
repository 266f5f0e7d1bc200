/* Unit tests for backups (src/app/backup.c, store_backup/store_restore in
 * src/store/sqlite.c; docs/backup.md): the default file name, a copy taken
 * while another connection keeps writing is one whole snapshot (its audit
 * chain verifies), a file is never replaced, a read-only open writes
 * nothing, and a restore replaces the content of an open database. */
#include "harness.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/audit.h"
#include "app/backup.h"
#include "store/store.h"

static char dir[64];

static char *in_dir(const char *name)
{
	static char p[4][128];
	static int k;
	k = (k + 1) % 4;
	snprintf(p[k], sizeof(p[k]), "%s/%s", dir, name);
	return p[k];
}

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/dangbo-backup-XXXXXX");
	assert_non_null(mkdtemp(dir));
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_default_path(void **state)
{
	(void)state;
	setenv("TZ", "Asia/Ho_Chi_Minh", 1);
	tzset();
	time_t t = 1795446900; /* 2026-11-23 15:15:00 UTC, 22:15:00 in Hà Nội */
	char *p = backup_default_path("/srv/dangbo/dangbo.db", t);
	assert_string_equal(p, "/srv/dangbo/dangbo-20261123-221500.db");
	free(p);
	p = backup_default_path("registry", t);
	assert_string_equal(p, "registry-20261123-221500.db");
	free(p);
	p = backup_default_path("./data/x.sqlite", t);
	assert_string_equal(p, "./data/x.sqlite-20261123-221500.db");
	free(p);
}

/* n audit records of about 2 KB each. */
static void fill(struct store *st, int n)
{
	char after[2100];
	assert_int_equal(store_begin(st), ERR_OK);
	for (int i = 0; i < n; i++) {
		snprintf(after, sizeof(after), "{\"n\":%d,\"pad\":\"%02000d\"}", i, i);
		assert_int_equal(audit_record(st, "test.fill", "test", "fill", NULL, after), ERR_OK);
	}
	assert_int_equal(store_commit(st), ERR_OK);
}

struct writer {
	const char *path;
	volatile int stop;
	int wrote;
};

static void *write_loop(void *arg)
{
	struct writer *w = arg;
	struct store *st;
	if (store_open(w->path, STORE_OPEN, &st, NULL))
		return NULL;
	store_set_actor(st, "test:writer");
	while (!w->stop) {
		if (store_begin(st))
			continue;
		if (audit_record(st, "test.write", "test", "writer", NULL, "{}") || store_commit(st)) {
			store_rollback(st);
			continue;
		}
		w->wrote++;
	}
	store_close(st);
	return NULL;
}

static int64_t audit_count(struct store *st)
{
	struct audit_check res;
	assert_int_equal(audit_verify(st, &res), ERR_OK);
	assert_int_equal(res.first_bad, 0);
	return res.checked;
}

static void test_backup_while_writing(void **state)
{
	(void)state;
	const char *src = in_dir("src.db"), *dest = in_dir("copy.db");
	struct store *st;
	assert_int_equal(store_open(src, STORE_CREATE, &st, NULL), ERR_OK);
	store_set_actor(st, "test:fill");
	fill(st, 4000); /* about 8 MB: some 500 pages, many backup steps */

	struct writer w = {.path = src};
	pthread_t th;
	assert_int_equal(pthread_create(&th, NULL, write_loop, &w), 0);
	while (w.wrote < 5)
		usleep(1000);
	assert_int_equal(store_backup(st, dest), ERR_OK);
	w.stop = 1;
	pthread_join(th, NULL);
	assert_true(w.wrote > 5);

	/* the copy: a rollback-journal file, whole, a snapshot whose chain
	 * verifies, holding some of the writer's records but not all */
	assert_int_equal(access(in_dir("copy.db-wal"), F_OK), -1);
	struct store *ro;
	char *msg = NULL;
	assert_int_equal(store_open(dest, STORE_READONLY, &ro, &msg), ERR_OK);
	assert_int_equal(store_schema_version(ro), store_schema_version(st));
	assert_int_equal(store_check(ro), ERR_OK);
	int64_t copied = audit_count(ro);
	int64_t now = audit_count(st);
	assert_true(copied >= 4005);
	assert_true(copied < now);
	/* read-only: a write is refused */
	assert_int_not_equal(audit_record(ro, "test.write", "test", "ro", NULL, NULL), ERR_OK);
	store_close(ro);

	/* never replaced */
	char before[AUDIT_HASH_HEX], after[AUDIT_HASH_HEX];
	assert_int_equal(audit_sha256_file(dest, before, NULL), ERR_OK);
	assert_int_equal(store_backup(st, dest), ERR_CONFLICT);
	assert_non_null(strstr(store_errmsg(st), "exists already"));
	assert_int_equal(audit_sha256_file(dest, after, NULL), ERR_OK);
	assert_string_equal(before, after);

	/* restore the copy into the open source: it goes back to the snapshot */
	assert_int_equal(store_restore(st, dest), ERR_OK);
	assert_int_equal(audit_count(st), copied);
	store_close(st);
}

static void test_readonly_refusals(void **state)
{
	(void)state;
	struct store *st;
	char *msg = NULL;
	const char *text = in_dir("text.db");
	FILE *f = fopen(text, "w");
	fputs("not a database at all, just some text that is long enough to be looked at\n", f);
	fclose(f);
	assert_int_equal(store_open(text, STORE_READONLY, &st, &msg), ERR_INPUT);
	assert_non_null(strstr(msg, "not a readable SQLite database"));
	free(msg);
	msg = NULL;
	assert_int_equal(store_open("postgresql://nobody@127.0.0.1/none", STORE_READONLY, &st, &msg), ERR_USAGE);
	free(msg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_path),
		cmocka_unit_test(test_backup_while_writing),
		cmocka_unit_test(test_readonly_refusals),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
