/* cmd_ratings: dangbo import ratings FILE — the quality ratings of a review
 * round (app/ratings.h), routed here from cmd_import. */
#include "cli/cli.h"
#include "cli/opts.h"

#include <stdlib.h>
#include <string.h>

#include "app/ratings.h"
#include "store/store.h"

/* argv[0] is "ratings". Options: --dry-run, --quota-base good|rated,
 * --quota-percent N (rules.md §2.2: the quota on "excellent" is LOW
 * confidence, default 20% of those rated good in the base organization). */
int cmd_ratings_import(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"dry-run", false, NULL}, {"quota-base", true, NULL}, {"quota-percent", true, NULL}, {0}};
	const char *pos[1];
	int n = opts_parse("import", argc, argv, opts, pos, 1);
	if (n < 0)
		return 2;
	if (n != 1)
		return cli_usage("import", "give the ratings CSV file: dangbo import ratings FILE");
	struct rating_opts o = {.dry_run = opt_get(opts, "dry-run") != NULL, .quota_base = QUOTA_OF_GOOD,
				.quota_percent = 20};
	const char *qb = opt_get(opts, "quota-base"), *qp = opt_get(opts, "quota-percent");
	if (qb && strcmp(qb, "rated") == 0)
		o.quota_base = QUOTA_OF_RATED;
	else if (qb && strcmp(qb, "good") != 0)
		return cli_usage("import", "--quota-base: '%s' is not good or rated", qb);
	if (qp) {
		char *end;
		long p = strtol(qp, &end, 10);
		if (*end || end == qp || p < 0 || p > 100)
			return cli_usage("import", "--quota-percent: '%s' is not a whole number from 0 to 100", qp);
		o.quota_percent = (int)p;
	}
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct diag_list dl;
	diag_init(&dl);
	size_t rows = 0;
	enum err e = ratings_import(st, pos[0], &o, &dl, &rows);
	code = cli_import_result(st, pos[0], e, &dl, rows, "ratings", o.dry_run);
	diag_free(&dl);
	store_close(st);
	return code;
}
