/* cmd_backup: dangbo backup and dangbo restore (src/app/backup.h,
 * docs/backup.md). */
#include "cli/cli.h"
#include "cli/opts.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/backup.h"
#include "store/store.h"

const char usage_backup[] =
	"usage: dangbo [--db PATH] backup [FILE]\n\n"
	"Copies the database, consistent as of one moment, into the new file FILE\n"
	"(default: beside the database, NAME-YYYYMMDD-HHMMSS.db in local time). It is\n"
	"safe while 'dangbo serve' runs and writes: nobody waits for the copy. The copy\n"
	"is written under a temporary name, checked (integrity check), synced to disk\n"
	"and only then given its name; an existing FILE is never replaced (exit 1).\n"
	"Prints the file, its size and its SHA-256, and records the backup in the\n"
	"database's audit log.\n\n"
	"SQLite only: for PostgreSQL use pg_dump (docs/backup.md).\n";

const char usage_restore[] =
	"usage: dangbo [--db PATH] restore FILE [--force]\n\n"
	"Puts the backup FILE in place of the database. FILE is checked first: it must\n"
	"be a dangbo database, whole (integrity check), not newer than this dangbo,\n"
	"with an intact audit log. A database that holds data is replaced only with\n"
	"--force. An older backup is brought up to date, and the restore is recorded\n"
	"in the audit log. On any failure the database is left as it was. A running\n"
	"'dangbo serve' sees the restored data (stop it first all the same if you can).\n\n"
	"  --force   replace a database that holds data\n\n"
	"SQLite only: for PostgreSQL use pg_restore (docs/backup.md).\n";

static void print_size(int64_t bytes)
{
	if (bytes >= 10 * 1024 * 1024)
		printf("size:    %lld bytes (%.1f MiB)\n", (long long)bytes, (double)bytes / (1024.0 * 1024.0));
	else
		printf("size:    %lld bytes\n", (long long)bytes);
}

int cmd_backup(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{0}};
	const char *pos[2];
	int n = opts_parse("backup", argc, argv, opts, pos, 2);
	if (n < 0)
		return 2;
	if (n > 1)
		return cli_usage("backup", "one FILE at most");
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	char *dest = n == 1 ? strdup(pos[0]) : backup_default_path(cli->db, time(NULL));
	struct backup_info info;
	char *msg = NULL;
	enum err e = backup_make(st, dest, &info, &msg);
	if (e) {
		code = cli_fail(e, "%s", msg);
	} else {
		printf("backup:  %s\n", dest);
		print_size(info.bytes);
		printf("sha256:  %s\n", info.sha256);
	}
	free(msg);
	free(dest);
	store_close(st);
	return code;
}

int cmd_restore(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"force", false, NULL}, {0}};
	const char *pos[2];
	int n = opts_parse("restore", argc, argv, opts, pos, 2);
	if (n < 0)
		return 2;
	if (n != 1)
		return cli_usage("restore", "give the backup FILE to restore");
	struct backup_info info;
	char *msg = NULL;
	enum err e = backup_restore(pos[0], cli->db, opt_get(opts, "force") != NULL, cli_actor(), &info, &msg);
	if (e) {
		int code = cli_fail(e, "%s", msg ? msg : err_str(e));
		free(msg);
		return code;
	}
	printf("restored: %s\n", pos[0]);
	printf("into:     %s%s\n", cli->db, info.replaced ? " (its data replaced)" : "");
	printf("sha256:   %s\n", info.sha256);
	if (info.schema_from != info.schema_to)
		printf("schema:   version %d brought up to %d\n", info.schema_from, info.schema_to);
	return 0;
}
