/* cmd_discipline: dangbo discipline — a disciplinary measure on a member
 * (app/lifecycle.h; Điều lệ Đảng Điều 35, QĐ 296-QĐ/TW). */
#include "cli/cli.h"
#include "cli/lifecycle_cli.h"
#include "cli/opts.h"

#include <stdio.h>
#include <string.h>

#include "app/lifecycle.h"
#include "store/store.h"

const char usage_discipline[] =
	"usage: dangbo discipline MEMBER_ID --form FORM --date DATE [--reason TEXT] [--ref TEXT]\n\n"
	"FORM: reprimand (khiển trách), warning (cảnh cáo), dismissal (cách chức), expulsion\n"
	"(khai trừ: the member leaves the Party). A probationary member may only be reprimanded\n"
	"or warned (configurable). The badge waits after discipline (6, 9, 12 months) count\n"
	"from DATE.\n";

int cmd_discipline(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"form", true, NULL}, {"date", true, NULL}, {"reason", true, NULL},
			     {"ref", true, NULL},  {0}};
	const char *pos[1];
	int n = opts_parse("discipline", argc, argv, opts, pos, 1);
	if (n < 0)
		return 2;
	if (n != 1 || !opt_get(opts, "date") || !opt_get(opts, "form"))
		return cli_usage("discipline", "give the member id, --form and --date");
	struct discipline_in in = {.member_id = pos[0], .form = opt_get(opts, "form"), .reason = opt_get(opts, "reason"),
				   .ref = opt_get(opts, "ref"), .date = DATE_NONE};
	if (!opt_date("discipline", opts, "date", &in.date))
		return 2;
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct diag_list dl;
	diag_init(&dl);
	struct lc_outcome out;
	enum err e = lifecycle_discipline(st, &in, &out, &dl);
	char done[160];
	snprintf(done, sizeof(done), "member %s: discipline recorded", pos[0]);
	return lcli_finish(st, e, &dl, done, out.note);
}
