/* cmd_probation: dangbo probation recognize|remove — the end of probation
 * (app/lifecycle.h). */
#include "cli/cli.h"
#include "cli/lifecycle_cli.h"
#include "cli/opts.h"

#include <stdio.h>
#include <string.h>

#include "app/lifecycle.h"
#include "store/store.h"

const char usage_probation[] =
	"usage: dangbo probation recognize MEMBER_ID --resolution DATE --votes FOR/OF --decision DATE\n"
	"                        [--committee-votes FOR/OF] [--decision-votes FOR/OF] [--extended]\n"
	"                        [--ref NUMBER]\n"
	"       dangbo probation remove MEMBER_ID (the same options)\n\n"
	"recognize  official recognition: the chi bộ resolution (--votes over its official members,\n"
	"           >= 2/3), for a cell under a grassroots committee its vote (--committee-votes,\n"
	"           >= 2/3), the decision (--decision-votes of the standing committee, > 1/2).\n"
	"           The member is official from the day the 12 months of probation end, whatever\n"
	"           the day of the decision (QĐ 294-QĐ/TW §4.2.2); the chi bộ considers it within 30\n"
	"           working days after probation ends and the decision follows within 30 (--extended:\n"
	"           45): later steps are recorded with a warning.\n"
	"remove     removal (xóa tên) of a probationary member who does not qualify, by the same\n"
	"           votes (HD 06-HD/TW §4.6), on the decision date.\n";

int cmd_probation(struct cli *cli, int argc, char **argv)
{
	if (argc < 2 || (strcmp(argv[1], "recognize") && strcmp(argv[1], "remove")))
		return cli_usage("probation", "give a subcommand: recognize or remove");
	bool recognize = strcmp(argv[1], "recognize") == 0;
	struct opt opts[] = {{"resolution", true, NULL},      {"votes", true, NULL},    {"decision", true, NULL},
			     {"committee-votes", true, NULL}, {"decision-votes", true, NULL},
			     {"extended", false, NULL},       {"ref", true, NULL},      {0}};
	const char *pos[1];
	int n = opts_parse("probation", argc - 1, argv + 1, opts, pos, 1);
	if (n < 0)
		return 2;
	if (n != 1)
		return cli_usage("probation", "give the member id");
	struct probation_in in = {.member_id = pos[0], .votes = opt_get(opts, "votes"),
				  .committee_votes = opt_get(opts, "committee-votes"),
				  .decision_votes = opt_get(opts, "decision-votes"),
				  .extended = opt_get(opts, "extended") != NULL, .ref = opt_get(opts, "ref"),
				  .resolution = DATE_NONE, .decision = DATE_NONE};
	if (!opt_get(opts, "resolution") || !opt_get(opts, "decision") || !in.votes)
		return cli_usage("probation", "give --resolution DATE, --votes FOR/OF and --decision DATE");
	if (!opt_date("probation", opts, "resolution", &in.resolution) ||
	    !opt_date("probation", opts, "decision", &in.decision))
		return 2;
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct diag_list dl;
	diag_init(&dl);
	struct lc_outcome out;
	enum err e = recognize ? lifecycle_recognize(st, &in, &out, &dl) : lifecycle_remove_probationary(st, &in, &out, &dl);
	char done[160], d[11];
	date_format_vn(out.date, d);
	snprintf(done, sizeof(done), recognize ? "member %s: official from %s" : "member %s: removed on %s", pos[0], d);
	return lcli_finish(st, e, &dl, done, out.note);
}
