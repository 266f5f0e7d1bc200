/* cmd_target: dangbo target set|import — admission targets per organization
 * and year, the base of "admitted" in the members report (app/target.h). */
#include "cli/cli.h"
#include "cli/opts.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "app/target.h"
#include "store/store.h"

const char usage_target[] =
	"usage: dangbo target set --org CODE --year YEAR N\n"
	"       dangbo target import FILE [--dry-run]\n\n"
	"Admission targets (chỉ tiêu kết nạp đảng viên): how many new members an\n"
	"organization is to admit in a year. 'dangbo report members --from --to' prints\n"
	"the members admitted over the target of the years of the period (an\n"
	"organization without its own target adds up those of the organizations under it).\n\n"
	"  set      sets (or replaces) one target\n"
	"  import   reads a CSV file with the columns org_code,year,target (or ma_to_chuc,\n"
	"           nam, chi_tieu); every row is checked and nothing is written if any is bad\n";

static int target_set_cmd(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"org", true, NULL}, {"year", true, NULL}, {0}};
	const char *pos[1];
	int n = opts_parse("target", argc, argv, opts, pos, 1);
	if (n < 0)
		return 2;
	const char *org = opt_get(opts, "org"), *year = opt_get(opts, "year");
	if (!org || !year || n != 1)
		return cli_usage("target", "give --org CODE --year YEAR and the target N");
	char *end;
	errno = 0;
	long y = strtol(year, &end, 10);
	if (errno || end == year || *end)
		return cli_usage("target", "--year: '%s' is not a year", year);
	errno = 0;
	long long t = strtoll(pos[0], &end, 10);
	if (errno || end == pos[0] || *end || t < 0)
		return cli_usage("target", "'%s' is not a whole number of members (0 or more)", pos[0]);
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct buf msg;
	buf_init(&msg, 0);
	enum err e = target_set(st, org, (int)(y < -1 ? -1 : y > 100000 ? 100000 : y), (int64_t)t, &msg);
	if (e)
		code = cli_fail(e, "%s", msg.ptr);
	else
		fprintf(stderr, "dangbo: admission target of %s for %ld set to %lld\n", org, y, t);
	buf_free(&msg);
	store_close(st);
	return code;
}

static int target_import_cmd(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"dry-run", false, NULL}, {0}};
	const char *pos[1];
	int n = opts_parse("target", argc, argv, opts, pos, 1);
	if (n < 0)
		return 2;
	if (n != 1)
		return cli_usage("target", "give the CSV file of targets");
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	bool dry = opt_get(opts, "dry-run") != NULL;
	struct diag_list dl;
	diag_init(&dl);
	size_t rows = 0;
	enum err e = target_import(st, pos[0], dry, &dl, &rows);
	code = cli_import_result(st, pos[0], e, &dl, rows, "targets", dry);
	diag_free(&dl);
	store_close(st);
	return code;
}

int cmd_target(struct cli *cli, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("target", "give what to do: set or import");
	if (strcmp(argv[1], "set") == 0)
		return target_set_cmd(cli, argc - 1, argv + 1);
	if (strcmp(argv[1], "import") == 0 || strcmp(argv[1], "targets") == 0)
		return target_import_cmd(cli, argc - 1, argv + 1);
	return cli_usage("target", "unknown action '%s' (set or import)", argv[1]);
}
