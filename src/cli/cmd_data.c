/* cmd_data: dangbo init, import and export. */
#include "cli/cli.h"
#include "cli/opts.h"

#include <stdlib.h>
#include <string.h>

#include "app/export.h"
#include "app/import.h"
#include "store/store.h"

const char usage_init[] =
	"usage: dangbo [--db PATH] init\n\n"
	"Creates a new, empty database (an SQLite file; PATH defaults to $DANGBO_DB\n"
	"or ./dangbo.db). Fails if the database already exists and is initialised.\n";

const char usage_import[] =
	"usage: dangbo import KIND FILE [KIND FILE ...] [--dry-run] [--ignore-unknown] [--timings]\n"
	"KIND: orgs, org_events, members, events\n"
	"       dangbo import targets FILE   (admission targets: org_code,year,target)\n"
	"       dangbo import ratings FILE [--quota-base good|rated] [--quota-percent N]\n"
	"       dangbo import screening|residence|degradation FILE [--dry-run]   (docs/quality.md)\n"
	"       dangbo import posts FILE [--dry-run] [--allow-second-secretary]   (docs/cadres.md)\n\n"
	"Imports interchange CSV files (docs/import.md), all in one transaction, in the\n"
	"order orgs, org_events, members, events. Every row is checked; if any row is\n"
	"bad, every problem is printed as FILE:LINE:COLUMN: message and nothing is\n"
	"imported. An organization tree with history needs orgs and org_events in the\n"
	"same command. FILE may be - for standard input.\n\n"
	"  --dry-run          only check the file\n"
	"  --ignore-unknown   skip columns dangbo does not know instead of refusing them\n"
	"  --timings          print how long each phase took (reading, members, indexes...)\n";

const char usage_export[] =
	"usage: dangbo export orgs|org_events|members|events|ratings [--org CODE] [--as-of DATE] [--output FILE]\n\n"
	"Writes an interchange CSV file (the format import reads) to standard output\n"
	"or FILE. --org limits it to an organization's subtree as of --as-of (default today).\n"
	"Also: dangbo export screening|residence|degradation (docs/quality.md).\n"
	"dangbo export posts [--org CODE] [--as-of DATE]: the posts (docs/cadres.md); with\n"
	"--as-of only those held that day.\n";

/* Opens the database named on the command line; prints why not. */
static struct store *open_db(struct cli *cli, enum store_open_mode mode, int *code)
{
	struct store *st;
	char *msg = NULL;
	enum err e = store_open(cli->db, mode, &st, &msg);
	if (e) {
		*code = cli_fail(e, "%s", msg ? msg : err_str(e));
		free(msg);
		return NULL;
	}
	return st;
}

struct store *cli_open_db(struct cli *cli, int *code)
{
	struct store *st = open_db(cli, STORE_OPEN, code);
	if (st)
		store_set_actor(st, cli_actor()); /* the audit log's "who" */
	return st;
}

int cli_import_result(struct store *st, const char *file, enum err e, const struct diag_list *dl, size_t rows,
		      const char *what, bool dry)
{
	if (e == ERR_INPUT) {
		diag_print(dl, stderr);
		fprintf(stderr, "dangbo: %s: %zu problem%s, nothing imported\n", file, diag_count(dl),
			diag_count(dl) == 1 ? "" : "s");
	} else if (e) {
		diag_print(dl, stderr);
		cli_fail(e, "%s: %s", file, store_errmsg(st));
	} else {
		fprintf(stderr, "dangbo: %s: %zu %s %s\n", file, rows, what,
			dry ? "checked, all good (dry run: nothing imported)" : "imported");
	}
	return err_exit_code(e);
}

int cmd_init(struct cli *cli, int argc, char **argv)
{
	if (argc > 1)
		return cli_usage("init", "unexpected argument '%s'", argv[1]);
	int code = 0;
	struct store *st = open_db(cli, STORE_CREATE, &code);
	if (!st)
		return code;
	fprintf(stderr, "dangbo: created %s (schema version %d)\n", cli->db, store_schema_version(st));
	store_close(st);
	return 0;
}

static void print_phase(void *arg, const char *phase, double seconds)
{
	(void)arg;
	fprintf(stderr, "dangbo: %-30s %8.2f s\n", phase, seconds);
}

int cmd_import(struct cli *cli, int argc, char **argv)
{
	/* admission targets have their own reader (src/app/target.c) */
	if (argc > 1 && strcmp(argv[1], "targets") == 0)
		return cmd_target(cli, argc, argv);
	if (argc > 1 && strcmp(argv[1], "ratings") == 0) /* src/app/ratings.c */
		return cmd_ratings_import(cli, argc - 1, argv + 1);
	if (argc > 1 && cli_quality_kind(argv[1])) /* src/app/quality.c */
		return cmd_quality_import(cli, argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "posts") == 0) /* src/app/posts.c */
		return cmd_posts_import(cli, argc - 1, argv + 1);
	struct opt opts[] = {{"dry-run", false, NULL}, {"ignore-unknown", false, NULL}, {"timings", false, NULL}, {0}};
	const char *pos[2 * IMPORT__MAX];
	int n = opts_parse("import", argc, argv, opts, pos, 2 * IMPORT__MAX);
	if (n < 0)
		return 2;
	const char *paths[IMPORT__MAX] = {0};
	if (n == 0 || n % 2)
		return cli_usage("import", "give the kind (orgs, org_events, members, events) and the file");
	for (int i = 0; i < n; i += 2) {
		enum import_kind k;
		if (!import_kind_parse(pos[i], &k))
			return cli_usage("import", "unknown kind '%s' (orgs, org_events, members, events)", pos[i]);
		if (paths[k])
			return cli_usage("import", "%s is given twice", pos[i]);
		paths[k] = pos[i + 1];
	}
	struct import_opts o = {
		.dry_run = opt_get(opts, "dry-run") != NULL,
		.ignore_unknown = opt_get(opts, "ignore-unknown") != NULL,
		.progress = cli->progress ? cli_progress : NULL,
		.phase = opt_get(opts, "timings") ? print_phase : NULL,
	};
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct import_stats stats;
	struct diag_list dl;
	diag_init(&dl);
	enum err e = import_files(st, paths, &o, &stats, &dl);
	if (e == ERR_INPUT) {
		diag_print(&dl, stderr);
		fprintf(stderr, "dangbo: %zu problem%s, nothing imported\n", diag_count(&dl),
			diag_count(&dl) == 1 ? "" : "s");
	} else if (e) {
		cli_fail(e, "%s", store_errmsg(st));
	} else {
		for (int k = 0; k < IMPORT__MAX; k++)
			if (paths[k])
				fprintf(stderr, "dangbo: %s: %llu rows %s\n", paths[k], (unsigned long long)stats.rows[k],
					o.dry_run ? "checked, all good (dry run: nothing imported)" : "imported");
	}
	diag_free(&dl);
	store_close(st);
	return err_exit_code(e);
}

int cmd_export(struct cli *cli, int argc, char **argv)
{
	if (argc > 1 && cli_quality_kind(argv[1])) /* src/app/quality.c */
		return cmd_quality_export(cli, argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "posts") == 0) /* src/app/posts.c */
		return cmd_posts_export(cli, argc - 1, argv + 1);
	struct opt opts[] = {{"org", true, NULL}, {"as-of", true, NULL}, {"output", true, NULL}, {0}};
	const char *pos[1];
	int n = opts_parse("export", argc, argv, opts, pos, 1);
	if (n < 0)
		return 2;
	enum import_kind k = IMPORT__MAX;
	bool ratings = n == 1 && strcmp(pos[0], "ratings") == 0; /* ratings.csv: app/export.h */
	if (n != 1 || (!ratings && !import_kind_parse(pos[0], &k)))
		return cli_usage("export", "give the kind: orgs, org_events, members, events or ratings");
	struct export_opts o = {.org = opt_get(opts, "org"), .as_of = DATE_NONE};
	if (!opt_date("export", opts, "as-of", &o.as_of))
		return 2;
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	FILE *out = stdout;
	const char *path = opt_get(opts, "output");
	char *tmp = NULL;
	if (path) {
		/* Write beside the target and rename, so a failed export leaves no half file. */
		size_t len = strlen(path) + 8;
		tmp = malloc(len);
		snprintf(tmp, len, "%s.tmp", path);
		out = fopen(tmp, "w");
		if (!out) {
			store_close(st);
			free(tmp);
			return cli_fail(ERR_IO, "%s: cannot write", path);
		}
	}
	char *msg = NULL;
	enum err e = ratings ? export_ratings_csv(st, &o, out, &msg) : export_csv(st, k, &o, out, &msg);
	if (path) {
		if (fclose(out) != 0 && !e)
			e = ERR_IO;
		if (!e && rename(tmp, path) != 0)
			e = ERR_IO;
		if (e)
			remove(tmp);
	}
	free(tmp);
	if (e)
		cli_fail(e, "%s", msg ? msg : err_str(e));
	free(msg);
	store_close(st);
	return err_exit_code(e);
}
