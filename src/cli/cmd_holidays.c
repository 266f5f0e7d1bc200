/* cmd_holidays: dangbo holidays show|import|changes|clear — the working-day
 * calendar of the database. */
#include "cli/cli.h"
#include "cli/opts.h"

#include <stdlib.h>
#include <string.h>

#include "app/calendar.h"
#include "store/store.h"

const char usage_holidays[] =
	"usage: dangbo holidays show [--year Y]\n"
	"       dangbo holidays import FILE\n"
	"       dangbo holidays changes\n"
	"       dangbo holidays clear\n\n"
	"Working days (deadlines counted in ngày làm việc) exclude weekends and public\n"
	"holidays, Tết included. dangbo ships the calendar of 2015-2030 (data/holidays.md\n"
	"says how it was made); when the Government announces a year's days off, record\n"
	"them here: import a CSV file with the header date,kind,name where kind is\n"
	"holiday (a day off) or working (a day worked, e.g. a compensating Saturday, or\n"
	"a shipped holiday that was moved). The file replaces the changes recorded\n"
	"before; every problem is shown as FILE:LINE:COLUMN and then nothing changes.\n"
	"show lists the days off and the weekend days worked of a year (default: this\n"
	"year) as the database counts them.\n";

static int show(struct store *st, int year)
{
	struct workday_cal *c = calendar_load(st);
	if (!c)
		return cli_fail(ERR_STORE, "%s", store_errmsg(st));
	for (date_t d = date_from_ymd(year, 1, 1); d < date_from_ymd(year + 1, 1, 1); d++) {
		bool weekend = date_weekday(d) >= 5;
		bool working = workday_is_working(c, d);
		if (weekend == working) {
			char s[11];
			date_format_vn(d, s);
			printf("%s\t%s\n", s, working ? "làm việc (bù)" : "nghỉ");
		}
	}
	workday_cal_free(c);
	return 0;
}

int cmd_holidays(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"year", true, NULL}, {0}};
	const char *pos[2] = {NULL, NULL};
	int n = opts_parse("holidays", argc, argv, opts, pos, 2);
	if (n < 0)
		return 2;
	const char *sub = n ? pos[0] : "show";
	int y, m, d;
	date_to_ymd(date_today(), &y, &m, &d);
	if (opt_get(opts, "year")) {
		y = atoi(opt_get(opts, "year"));
		if (y < 1900 || y > 2200)
			return cli_usage("holidays", "--year: '%s' is not a year", opt_get(opts, "year"));
	}
	bool known = !strcmp(sub, "show") || !strcmp(sub, "changes") || !strcmp(sub, "clear") ||
		     !strcmp(sub, "import");
	if (!known)
		return cli_usage("holidays", "unknown subcommand '%s'", sub);
	bool is_import = !strcmp(sub, "import");
	if (is_import ? n != 2 : n > 1)
		return cli_usage("holidays", "import takes one file; the others take none");
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	enum err e = ERR_OK;
	if (!strcmp(sub, "show")) {
		code = show(st, y);
		store_close(st);
		return code;
	}
	struct diag_list dl;
	diag_init(&dl);
	if (!strcmp(sub, "import"))
		e = calendar_import(st, pos[1], &dl);
	else if (!strcmp(sub, "clear"))
		e = calendar_clear(st);
	else
		e = calendar_changes(st, stdout);
	if (diag_count(&dl))
		diag_print(&dl, stderr);
	if (e && !diag_count(&dl))
		cli_fail(e, "%s", store_errmsg(st));
	else if (e)
		fprintf(stderr, "dangbo: nothing changed\n");
	else if (strcmp(sub, "changes"))
		fprintf(stderr, "dangbo: holidays %s: done\n", sub);
	diag_free(&dl);
	store_close(st);
	return err_exit_code(e);
}
