/* cmd_exit: dangbo exit remove|expel|leave|death — the end of membership
 * (app/lifecycle.h; QĐ 294-QĐ/TW §8). */
#include "cli/cli.h"
#include "cli/lifecycle_cli.h"
#include "cli/opts.h"

#include <stdio.h>
#include <string.h>

#include "app/lifecycle.h"
#include "store/store.h"

const char usage_exit[] =
	"usage: dangbo exit remove MEMBER_ID --date DATE --ground 1-5 [--votes FOR/OF]\n"
	"                        [--committee-votes FOR/OF] [--decision-votes FOR/OF] [--ref TEXT]\n"
	"       dangbo exit expel MEMBER_ID --date DATE [--reason R] [votes...] [--ref TEXT]\n"
	"       dangbo exit leave MEMBER_ID --date DATE [--reason hardship] [--ref TEXT]\n"
	"       dangbo exit death MEMBER_ID --date DATE\n\n"
	"Removal (xóa tên) states one of the five grounds of QĐ 294-QĐ/TW §8.1:\n"
	"  1 abandon      abandoning activity or 3 months of dues unpaid in a year\n"
	"  2 card         returning or destroying the party card\n"
	"  3 no_progress  no progress after 12 months of education by the chi bộ\n"
	"  4 standards    membership standards violated two years running\n"
	"  5 political    political standards not met\n"
	"A probationary member is removed, not expelled (QĐ 296-QĐ/TW; configurable). The\n"
	"reason of an expulsion or exit (corruption, serious_crime, less_serious_crime,\n"
	"disunity, hardship, other) decides a later re-admission (QĐ 294-QĐ/TW §3.5).\n";

int cmd_exit(struct cli *cli, int argc, char **argv)
{
	static const struct {
		const char *name;
		enum event_type type;
	} kinds[] = {{"remove", EV_REMOVE}, {"expel", EV_EXPEL}, {"leave", EV_LEAVE}, {"death", EV_DEATH}};
	int k = -1;
	for (int i = 0; argc >= 2 && i < 4; i++)
		if (strcmp(argv[1], kinds[i].name) == 0)
			k = i;
	if (k < 0)
		return cli_usage("exit", "give a subcommand: remove, expel, leave or death");
	struct opt opts[] = {{"date", true, NULL},   {"ground", true, NULL}, {"reason", true, NULL},
			     {"votes", true, NULL},  {"committee-votes", true, NULL},
			     {"decision-votes", true, NULL}, {"ref", true, NULL}, {"note", true, NULL}, {0}};
	const char *pos[1];
	int n = opts_parse("exit", argc - 1, argv + 1, opts, pos, 1);
	if (n < 0)
		return 2;
	if (n != 1 || !opt_get(opts, "date"))
		return cli_usage("exit", "give the member id and --date");
	struct exit_in in = {.member_id = pos[0], .type = kinds[k].type, .ground = opt_get(opts, "ground"),
			     .reason = opt_get(opts, "reason"), .votes = opt_get(opts, "votes"),
			     .committee_votes = opt_get(opts, "committee-votes"),
			     .decision_votes = opt_get(opts, "decision-votes"), .ref = opt_get(opts, "ref"),
			     .note = opt_get(opts, "note"), .date = DATE_NONE};
	if (!opt_date("exit", opts, "date", &in.date))
		return 2;
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct diag_list dl;
	diag_init(&dl);
	struct lc_outcome out;
	enum err e = lifecycle_exit(st, &in, &out, &dl);
	char done[160];
	snprintf(done, sizeof(done), "member %s: %s recorded", pos[0], kinds[k].name);
	return lcli_finish(st, e, &dl, done, out.note);
}
