/* cmd_card: dangbo card check|range|next — party card numbers (personal
 * ids) and CV numbers (app/cards.h; HD 38-HD/BTCTW §I.2.2, §II.2). */
#include "cli/cli.h"
#include "cli/lifecycle_cli.h"
#include "cli/opts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/cards.h"
#include "core/text.h"
#include "domain/card.h"
#include "store/store.h"

const char usage_card[] =
	"usage: dangbo card check ID [--birth DATE] [--gender nam|nữ]\n"
	"       dangbo card check --org CODE [--as-of DATE]\n"
	"       dangbo card range add --org UPPER --from N --to N [--date DATE]\n"
	"       dangbo card range list\n"
	"       dangbo card next --org CODE [--date DATE]\n\n"
	"check       a personal id (the party card number from 02/9/2025): 12 digits, a known\n"
	"            province of birth (the 63 GSO codes), the gender-and-century digit and the\n"
	"            year of birth; with --org every member of the subtree\n"
	"range add   gives an upper committee a range of CV serials (6 digits + the letters of\n"
	"            its province); no overlap, no reuse, and after a merger numbering continues\n"
	"            after the largest number issued in the merged provinces\n"
	"range list  the ranges: committee, letters, from, to, largest number used\n"
	"next        the next free CV number for a new member of CODE\n";

static long long num(const char *s, bool *ok)
{
	char *end;
	long long v = s ? strtoll(s, &end, 10) : 0;
	*ok = s && *s && !*end;
	return v;
}

static int check(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"birth", true, NULL}, {"gender", true, NULL}, {"org", true, NULL},
			     {"as-of", true, NULL}, {0}};
	const char *pos[1];
	int n = opts_parse("card", argc, argv, opts, pos, 1);
	if (n < 0)
		return 2;
	date_t d = date_today(), birth = DATE_NONE;
	if (!opt_date("card", opts, "as-of", &d) || !opt_date("card", opts, "birth", &birth))
		return 2;
	struct diag_list dl;
	diag_init(&dl);
	if (n == 1) {
		int female = -1;
		if (opt_get(opts, "gender")) {
			char *g = text_fold(opt_get(opts, "gender"));
			female = strcmp(g, "nu") == 0 || strcmp(g, "f") == 0 ? 1 : strcmp(g, "nam") == 0 || strcmp(g, "m") == 0 ? 0 : -2;
			free(g);
			if (female == -2)
				return cli_usage("card", "--gender is nam or nữ");
		}
		bool ok = card_id_check(pos[0], birth, female, d, "card", &dl);
		if (ok)
			printf("%s: valid\n", pos[0]);
		return ok ? (diag_free(&dl), 0) : lcli_fail(NULL, ERR_INPUT, &dl);
	}
	if (!opt_get(opts, "org"))
		return cli_usage("card", "check needs an id or --org CODE");
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	size_t checked, missing;
	enum err e = cards_check(st, opt_get(opts, "org"), d, &checked, &missing, &dl);
	if (e)
		return lcli_fail(st, e, &dl);
	size_t bad = diag_count(&dl);
	diag_print(&dl, stdout);
	printf("%zu cards checked, %zu with problems, %zu members without a card number\n", checked, bad, missing);
	diag_free(&dl);
	store_close(st);
	return bad ? 1 : 0;
}

static int range(struct cli *cli, int argc, char **argv)
{
	if (argc < 2 || (strcmp(argv[1], "add") && strcmp(argv[1], "list")))
		return cli_usage("card", "range add or range list");
	struct opt opts[] = {{"org", true, NULL}, {"from", true, NULL}, {"to", true, NULL}, {"date", true, NULL}, {0}};
	const char *pos[1];
	if (opts_parse("card", argc - 1, argv + 1, opts, pos, 0) < 0)
		return 2;
	struct diag_list dl;
	diag_init(&dl);
	int code = 0;
	if (strcmp(argv[1], "list") == 0) {
		struct store *st = cli_open_db(cli, &code);
		if (!st)
			return code;
		struct cv_range_row *v;
		size_t n;
		enum err e = cards_ranges(st, &v, &n, &dl);
		if (e)
			return lcli_fail(st, e, &dl);
		for (size_t i = 0; i < n; i++) {
			printf("%s\t%s\t%06lld\t%06lld\t", v[i].org, v[i].letters, (long long)v[i].lo, (long long)v[i].hi);
			if (v[i].used_max)
				printf("%06lld\n", (long long)v[i].used_max);
			else
				printf("-\n");
		}
		free(v);
		diag_free(&dl);
		store_close(st);
		return 0;
	}
	bool ok1, ok2;
	struct cv_range_in in = {.org = opt_get(opts, "org"), .date = date_today()};
	in.lo = num(opt_get(opts, "from"), &ok1);
	in.hi = num(opt_get(opts, "to"), &ok2);
	if (!in.org || !ok1 || !ok2)
		return cli_usage("card", "range add needs --org UPPER --from N --to N");
	if (!opt_date("card", opts, "date", &in.date))
		return 2;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	char warning[200];
	enum err e = cards_range_add(st, &in, warning, &dl);
	char done[160];
	snprintf(done, sizeof(done), "range %06lld-%06lld given to %s", (long long)in.lo, (long long)in.hi, in.org);
	return lcli_finish(st, e, &dl, done, warning);
}

static int next(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"org", true, NULL}, {"date", true, NULL}, {0}};
	const char *pos[1];
	if (opts_parse("card", argc, argv, opts, pos, 0) < 0)
		return 2;
	date_t d = date_today();
	if (!opt_get(opts, "org"))
		return cli_usage("card", "next needs --org CODE");
	if (!opt_date("card", opts, "date", &d))
		return 2;
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct diag_list dl;
	diag_init(&dl);
	char out[16];
	enum err e = cards_cv_next(st, opt_get(opts, "org"), d, out, &dl);
	if (e)
		return lcli_fail(st, e, &dl);
	printf("%s\n", out);
	diag_free(&dl);
	store_close(st);
	return 0;
}

int cmd_card(struct cli *cli, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "check") == 0)
		return check(cli, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "range") == 0)
		return range(cli, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "next") == 0)
		return next(cli, argc - 1, argv + 1);
	return cli_usage("card", "give a subcommand: check, range, next");
}
