/* cmd_transfer: dangbo transfer start|arrive|out|in|temp|back|list —
 * transfers of party activity (app/transfer.h; QĐ 294-QĐ/TW §6.3). */
#include "cli/cli.h"
#include "cli/lifecycle_cli.h"
#include "cli/opts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/transfer.h"
#include "store/store.h"

const char usage_transfer[] =
	"usage: dangbo transfer start MEMBER_ID --to CODE --date DATE [--decision-date DATE] [--ref TEXT]\n"
	"       dangbo transfer arrive MEMBER_ID --date DATE\n"
	"       dangbo transfer out MEMBER_ID --to-unit TEXT --date DATE --output FILE|-\n"
	"                        [--decision-date DATE] [--ref TEXT]\n"
	"       dangbo transfer in FILE --org CODE [--date DATE]\n"
	"       dangbo transfer temp MEMBER_ID (--to CODE | --to-unit TEXT) --date DATE --until DATE\n"
	"                        [--study] [--ref TEXT]\n"
	"       dangbo transfer back MEMBER_ID --date DATE\n"
	"       dangbo transfer list [--org CODE] [--all]\n\n"
	"start   an official transfer to another chi bộ of this database, introduced on DATE\n"
	"        (within 60 working days of --decision-date); the member stays where they are\n"
	"        until 'arrive' (the receiving chi bộ confirms; within 30 working days, flagged\n"
	"        'not arrived' after 3 months by 'dangbo due')\n"
	"out     an official transfer out of the database: records transfer_out and writes the\n"
	"        transfer record (JSON, docs/lifecycle.md) for the receiving database\n"
	"in      accepts a transfer record for the chi bộ --org: kept as announced until 'arrive',\n"
	"        or taken in at once with --date\n"
	"temp    a temporary transfer: 3 months to under a year (--study: to 2 years); the\n"
	"        member stays counted at home; 'back' ends it\n"
	"list    the register of transfers (open ones; --all: every one), tab-separated:\n"
	"        member, kind, direction, from, to, unit, introduced, arrived or back, until\n";

static int run(struct cli *cli, const char *sub, int argc, char **argv)
{
	struct opt opts[] = {{"to", true, NULL},       {"to-unit", true, NULL}, {"date", true, NULL},
			     {"decision-date", true, NULL}, {"ref", true, NULL}, {"output", true, NULL},
			     {"org", true, NULL},      {"until", true, NULL},   {"study", false, NULL},
			     {0}};
	const char *pos[1];
	int n = opts_parse("transfer", argc, argv, opts, pos, 1);
	if (n < 0)
		return 2;
	if (n != 1)
		return cli_usage("transfer", "%s needs %s", sub, strcmp(sub, "in") ? "the member id" : "the record file");
	struct transfer_in in = {.member_id = pos[0], .to = opt_get(opts, "to"), .to_unit = opt_get(opts, "to-unit"),
				 .study = opt_get(opts, "study") != NULL, .ref = opt_get(opts, "ref"),
				 .date = DATE_NONE, .decision_date = DATE_NONE, .until = DATE_NONE};
	if (strcmp(sub, "in") && !opt_get(opts, "date"))
		return cli_usage("transfer", "%s needs --date", sub);
	if (!opt_date("transfer", opts, "date", &in.date) || !opt_date("transfer", opts, "decision-date", &in.decision_date) ||
	    !opt_date("transfer", opts, "until", &in.until))
		return 2;
	if (strcmp(sub, "start") == 0 && !in.to)
		return cli_usage("transfer", "start needs --to CODE");
	if (strcmp(sub, "out") == 0 && !opt_get(opts, "output"))
		return cli_usage("transfer", "out needs --output FILE (or - for standard output)");
	if (strcmp(sub, "in") == 0 && !opt_get(opts, "org"))
		return cli_usage("transfer", "in needs --org CODE (the receiving chi bộ)");
	if (strcmp(sub, "temp") == 0 && !opt_get(opts, "until"))
		return cli_usage("transfer", "temp needs --until DATE");
	/* read the record before opening the database */
	char *text = NULL;
	size_t len = 0;
	if (strcmp(sub, "in") == 0) {
		FILE *f = fopen(pos[0], "rb");
		if (!f)
			return cli_fail(ERR_IO, "%s: cannot open", pos[0]);
		size_t cap = 0;
		for (;;) {
			if (len + 4096 > cap) {
				cap = cap ? cap * 2 : 65536;
				if (cap > 16u << 20) {
					free(text);
					fclose(f);
					return cli_fail(ERR_TOOBIG, "%s: a transfer record is under 16 MiB", pos[0]);
				}
				text = realloc(text, cap);
				if (!text)
					abort();
			}
			size_t got = fread(text + len, 1, cap - len, f);
			len += got;
			if (got == 0)
				break;
		}
		fclose(f);
	}
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st) {
		free(text);
		return code;
	}
	struct diag_list dl;
	diag_init(&dl);
	struct lc_outcome out = {0};
	enum err e;
	char done[200], d[11];
	if (strcmp(sub, "start") == 0) {
		e = transfer_start(st, &in, &out, &dl);
		snprintf(done, sizeof(done), "member %s: transfer to %s introduced", pos[0], in.to);
	} else if (strcmp(sub, "arrive") == 0) {
		e = transfer_arrive(st, pos[0], in.date, &out, &dl);
		snprintf(done, sizeof(done), "member %s: arrival recorded", pos[0]);
	} else if (strcmp(sub, "out") == 0) {
		e = transfer_out(st, &in, opt_get(opts, "output"), &out, &dl);
		snprintf(done, sizeof(done), "member %s: transferred out; record in %s", pos[0], opt_get(opts, "output"));
	} else if (strcmp(sub, "in") == 0) {
		e = transfer_accept(st, text, len, pos[0], opt_get(opts, "org"), in.date, &out, &dl);
		date_format_vn(out.date, d);
		snprintf(done, sizeof(done), "%s: %s", pos[0],
			 in.date != DATE_NONE ? "member taken in" : "transfer announced, waiting for arrival");
	} else if (strcmp(sub, "temp") == 0) {
		e = transfer_temp(st, &in, &out, &dl);
		snprintf(done, sizeof(done), "member %s: temporary transfer recorded", pos[0]);
	} else {
		e = transfer_back(st, pos[0], in.date, &out, &dl);
		snprintf(done, sizeof(done), "member %s: back from temporary transfer", pos[0]);
	}
	free(text);
	return lcli_finish(st, e, &dl, done, out.note);
}

static int list(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"org", true, NULL}, {"all", false, NULL}, {0}};
	const char *pos[1];
	if (opts_parse("transfer", argc, argv, opts, pos, 0) < 0)
		return 2;
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct diag_list dl;
	diag_init(&dl);
	struct transfer_row *v;
	size_t n;
	enum err e = transfer_list(st, opt_get(opts, "org"), opt_get(opts, "all") != NULL, &v, &n, &dl);
	if (e)
		return lcli_fail(st, e, &dl);
	for (size_t i = 0; i < n; i++) {
		char a[11], b[11], c[11];
		date_format(v[i].introduced, a);
		date_format(v[i].arrived, b);
		date_format(v[i].until, c);
		printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", v[i].member_id, v[i].kind, v[i].direction,
		       v[i].from_code ? v[i].from_code : "", v[i].to_code ? v[i].to_code : "", v[i].unit ? v[i].unit : "",
		       a, b, c);
	}
	transfer_rows_free(v, n);
	diag_free(&dl);
	store_close(st);
	return 0;
}

int cmd_transfer(struct cli *cli, int argc, char **argv)
{
	static const char *const subs[] = {"start", "arrive", "out", "in", "temp", "back", NULL};
	if (argc < 2)
		return cli_usage("transfer", "give a subcommand: start, arrive, out, in, temp, back, list");
	if (strcmp(argv[1], "list") == 0)
		return list(cli, argc - 1, argv + 1);
	for (int i = 0; subs[i]; i++)
		if (strcmp(argv[1], subs[i]) == 0)
			return run(cli, subs[i], argc - 1, argv + 1);
	return cli_usage("transfer", "unknown subcommand '%s'", argv[1]);
}
