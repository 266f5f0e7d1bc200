/* cmd_exempt: dangbo exempt start|end — exemption from party work and
 * activity (app/lifecycle.h; QĐ 294-QĐ/TW §7). */
#include "cli/cli.h"
#include "cli/lifecycle_cli.h"
#include "cli/opts.h"

#include <stdio.h>
#include <string.h>

#include "app/lifecycle.h"
#include "store/store.h"

const char usage_exempt[] =
	"usage: dangbo exempt start MEMBER_ID --date DATE --reason REASON [--until DATE] [--ref TEXT]\n"
	"                        [--note TEXT]\n"
	"       dangbo exempt end MEMBER_ID --date DATE [--ref TEXT]\n\n"
	"REASON: age, health (the chi bộ decides; no term), treatment, abroad, remote, mobile,\n"
	"retiring, maternity (the grassroots committee decides, for a stated term: --until).\n"
	"'dangbo due' lists exemptions past their term.\n";

int cmd_exempt(struct cli *cli, int argc, char **argv)
{
	if (argc < 2 || (strcmp(argv[1], "start") && strcmp(argv[1], "end")))
		return cli_usage("exempt", "give a subcommand: start or end");
	bool start = strcmp(argv[1], "start") == 0;
	struct opt opts[] = {{"date", true, NULL}, {"reason", true, NULL}, {"until", true, NULL},
			     {"ref", true, NULL},  {"note", true, NULL},   {0}};
	const char *pos[1];
	int n = opts_parse("exempt", argc - 1, argv + 1, opts, pos, 1);
	if (n < 0)
		return 2;
	if (n != 1 || !opt_get(opts, "date"))
		return cli_usage("exempt", "give the member id and --date");
	struct exempt_in in = {.member_id = pos[0], .reason = opt_get(opts, "reason"), .ref = opt_get(opts, "ref"),
			       .note = opt_get(opts, "note"), .date = DATE_NONE, .until = DATE_NONE};
	if (!opt_date("exempt", opts, "date", &in.date) || !opt_date("exempt", opts, "until", &in.until))
		return 2;
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct diag_list dl;
	diag_init(&dl);
	struct lc_outcome out;
	enum err e = start ? lifecycle_exempt_start(st, &in, &out, &dl)
			   : lifecycle_exempt_end(st, pos[0], in.date, in.ref, &out, &dl);
	char done[160];
	snprintf(done, sizeof(done), "member %s: exemption %s", pos[0], start ? "recorded" : "ended");
	return lcli_finish(st, e, &dl, done, out.note);
}
