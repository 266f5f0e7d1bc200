/* cmd_badge: dangbo badge due|award — Party badges (app/badges.h;
 * QĐ 294-QĐ/TW §28, HD 38-HD/BTCTW §III.1). */
#include "cli/cli.h"
#include "cli/lifecycle_cli.h"
#include "cli/opts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/badges.h"
#include "store/store.h"

const char usage_badge[] =
	"usage: dangbo badge due --org CODE --award-date DATE [--overdue]\n"
	"       dangbo badge award MEMBER_ID --years N --date DATE [--how normal|early|posthumous]\n"
	"                        [--number NUMBER] [--ref TEXT]\n\n"
	"due    the members of CODE's subtree whose party age (minus the years outside the Party)\n"
	"       reaches 30, 40, 45 ... 90 years in the batch of the award date (03/02, 19/5, 02/9,\n"
	"       07/11; setting badge.batching), and who have not received that badge; --overdue\n"
	"       adds those of earlier batches still without it. Tab-separated: member, name,\n"
	"       organization, years, day reached, remark (deferred after discipline, carried).\n"
	"award  records the award: early for serious illness (at most 12 months before the\n"
	"       milestone, 24 from 70 years), posthumous (died at most 12 months before); the\n"
	"       number is the next of the province for that milestone (30 years: 8 digits, 40: 7,\n"
	"       45: E+7, 50: 6, 55: D+6, 60: 5, 65: C+5, 70: 4, 75: B+4, 80: 3, 85: A+3, 90: 2),\n"
	"       continuing after a merger from the last number issued, unless --number is given.\n";

static int due(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"org", true, NULL}, {"award-date", true, NULL}, {"overdue", false, NULL}, {0}};
	const char *pos[1];
	if (opts_parse("badge", argc, argv, opts, pos, 0) < 0)
		return 2;
	date_t d = DATE_NONE;
	if (!opt_get(opts, "org") || !opt_get(opts, "award-date"))
		return cli_usage("badge", "due needs --org CODE and --award-date DATE");
	if (!opt_date("badge", opts, "award-date", &d))
		return 2;
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct diag_list dl;
	diag_init(&dl);
	struct badge_due *v;
	size_t n;
	enum err e = badges_due(st, opt_get(opts, "org"), d, opt_get(opts, "overdue") != NULL, &v, &n, &dl);
	if (e)
		return lcli_fail(st, e, &dl);
	for (size_t i = 0; i < n; i++) {
		char a[11], b[11];
		date_format(v[i].reach, a);
		printf("%s\t%s\t%s\t%d\t%s\t", v[i].member_id, v[i].full_name, v[i].org_code, v[i].years, a);
		if (v[i].deferred) {
			date_format(v[i].wait_end, b);
			printf("deferred until %s", b);
		} else if (v[i].carried) {
			date_format(v[i].batch, b);
			printf("carried from %s", b);
		}
		putchar('\n');
	}
	badge_dues_free(v, n);
	diag_free(&dl);
	store_close(st);
	return 0;
}

static int award(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"years", true, NULL}, {"date", true, NULL}, {"how", true, NULL},
			     {"number", true, NULL}, {"ref", true, NULL}, {0}};
	const char *pos[1];
	int n = opts_parse("badge", argc, argv, opts, pos, 1);
	if (n < 0)
		return 2;
	if (n != 1 || !opt_get(opts, "years") || !opt_get(opts, "date"))
		return cli_usage("badge", "award needs the member id, --years N and --date DATE");
	char *end;
	long years = strtol(opt_get(opts, "years"), &end, 10);
	if (*end || years <= 0 || years > 200)
		return cli_usage("badge", "--years: '%s' is not a number of years", opt_get(opts, "years"));
	struct badge_award_in in = {.member_id = pos[0], .years = (int)years, .how = opt_get(opts, "how"),
				    .number = opt_get(opts, "number"), .ref = opt_get(opts, "ref"), .date = DATE_NONE};
	if (!opt_date("badge", opts, "date", &in.date))
		return 2;
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct diag_list dl;
	diag_init(&dl);
	struct badge_award_out out;
	enum err e = badges_award(st, &in, &out, &dl);
	char done[200];
	snprintf(done, sizeof(done), "member %s: %ld-year badge, number %s %s", pos[0], years, out.province, out.number);
	if (!e)
		printf("%s %s\n", out.province, out.number);
	return lcli_finish(st, e, &dl, done, NULL);
}

int cmd_badge(struct cli *cli, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "due") == 0)
		return due(cli, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "award") == 0)
		return award(cli, argc - 1, argv + 1);
	return cli_usage("badge", "give a subcommand: due or award");
}
