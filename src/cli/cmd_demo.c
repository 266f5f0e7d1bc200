/* cmd_demo: dangbo demo --province CODE | --national [--seed N] [--scale X] [--keep DIR]. */
#include "cli/cli.h"
#include "cli/opts.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/import.h"
#include "app/registry.h"
#include "core/xalloc.h"
#include "io/demo.h"
#include "store/store.h"

const char usage_demo[] =
	"usage: dangbo demo --province CODE | --national [--seed N] [--scale X] [--keep DIR [--no-import]]\n\n"
	"Generates a realistic demo data set (docs/internals/demo.md) from the real 2025\n"
	"administrative units and Vietnamese name frequencies, deterministic for a seed,\n"
	"and imports it into the database (which must be initialised and empty).\n"
	"CODE is a province code (QN, HN, HCM, ...) or its 2-digit GSO code.\n"
	"--national makes the whole country (about 5.5 million members).\n"
	"--keep DIR writes the CSV files into DIR and keeps them; with --no-import\n"
	"they are only written (the database is not touched).\n";

static const char *const files[IMPORT__MAX] = {"orgs.csv", "org_events.csv", "members.csv", "events.csv"};

int cmd_demo(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"province", true, NULL}, {"national", false, NULL}, {"seed", true, NULL},
			     {"scale", true, NULL},    {"keep", true, NULL},      {"no-import", false, NULL}, {0}};
	const char *pos[1];
	int n = opts_parse("demo", argc, argv, opts, pos, 0);
	if (n < 0)
		return 2;
	struct demo_opts o = {.province = opt_get(opts, "province"), .national = opt_get(opts, "national") != NULL,
			      .seed = 1, .scale = 1.0};
	if (!o.province == !o.national)
		return cli_usage("demo", "give --province CODE or --national");
	if (opt_get(opts, "seed"))
		o.seed = strtoull(opt_get(opts, "seed"), NULL, 10);
	if (opt_get(opts, "scale")) {
		o.scale = strtod(opt_get(opts, "scale"), NULL);
		if (!(o.scale > 0 && o.scale <= 10))
			return cli_usage("demo", "--scale must be more than 0 and at most 10");
	}
	if (cli->progress) {
		o.progress = cli_progress;
	}
	bool import = opt_get(opts, "no-import") == NULL;
	if (!import && !opt_get(opts, "keep"))
		return cli_usage("demo", "--no-import needs --keep DIR");
	int code = 0;
	struct store *st = import ? cli_open_db(cli, &code) : NULL;
	if (import && !st)
		return code;
	if (import && registry_holds_data(st)) {
		store_close(st);
		return cli_fail(ERR_CONFLICT, "the database holds organizations or members already: the demo data "
					      "set goes into an empty one (dangbo --db NEW.db init, then the demo)");
	}
	char tmpl[] = "/tmp/dangbo-demo.XXXXXX";
	const char *dir = opt_get(opts, "keep");
	if (dir && mkdir(dir, 0777) != 0 && errno != EEXIST) {
		store_close(st);
		return cli_fail(ERR_IO, "%s: cannot create the directory: %s", dir, strerror(errno));
	}
	if (!dir) {
		const char *t = getenv("TMPDIR");
		char *p = t ? xasprintf("%s/dangbo-demo.XXXXXX", t) : xstrdup(tmpl);
		strcpy(tmpl, "");
		dir = mkdtemp(p);
		if (!dir) {
			free(p);
			store_close(st);
			return cli_fail(ERR_IO, "cannot create a temporary directory");
		}
	}
	struct diag_list dl;
	diag_init(&dl);
	struct demo_counts counts = {0};
	enum err e = demo_generate(&o, dir, &counts, &dl);
	const char *paths[IMPORT__MAX];
	char *owned[IMPORT__MAX];
	for (int k = 0; k < IMPORT__MAX; k++)
		paths[k] = owned[k] = xasprintf("%s/%s", dir, files[k]);
	if (!e && import) {
		struct import_opts io = {.progress = o.progress};
		struct import_stats stats;
		e = import_files(st, paths, &io, &stats, &dl);
	}
	if (e == ERR_INPUT || diag_count(&dl))
		diag_print(&dl, stderr);
	if (e)
		cli_fail(e, "the demo data set was not %s%s%s", import ? "imported" : "written",
			 e == ERR_STORE ? ": " : "", e == ERR_STORE ? store_errmsg(st) : "");
	else
		fprintf(stderr, "dangbo: demo: %llu organizations, %llu organization events, %llu members, %llu events\n",
			(unsigned long long)counts.orgs, (unsigned long long)counts.org_events,
			(unsigned long long)counts.members, (unsigned long long)counts.events);
	if (!opt_get(opts, "keep")) {
		for (int k = 0; k < IMPORT__MAX; k++)
			unlink(paths[k]);
		rmdir(dir);
		free((char *)dir);
	}
	for (int k = 0; k < IMPORT__MAX; k++)
		free(owned[k]);
	diag_free(&dl);
	if (st)
		store_close(st);
	return err_exit_code(e);
}
