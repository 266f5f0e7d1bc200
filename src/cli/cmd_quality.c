/* cmd_quality: dangbo import screening|residence|degradation FILE and
 * dangbo export screening|residence|degradation (app/quality.h), routed
 * here from cmd_import and cmd_export. */
#include "cli/cli.h"
#include "cli/opts.h"

#include <stdlib.h>
#include <string.h>

#include "app/quality.h"
#include "store/store.h"

bool cli_quality_kind(const char *s)
{
	enum quality_kind k;
	return s && quality_kind_parse(s, &k);
}

/* argv[0] is the kind. Options: --dry-run. */
int cmd_quality_import(struct cli *cli, int argc, char **argv)
{
	enum quality_kind k;
	if (!quality_kind_parse(argv[0], &k))
		return cli_usage("import", "unknown kind '%s'", argv[0]);
	struct opt opts[] = {{"dry-run", false, NULL}, {0}};
	const char *pos[1];
	int n = opts_parse("import", argc, argv, opts, pos, 1);
	if (n < 0)
		return 2;
	if (n != 1)
		return cli_usage("import", "give the CSV file: dangbo import %s FILE", quality_kind_name(k));
	bool dry = opt_get(opts, "dry-run") != NULL;
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct diag_list dl;
	diag_init(&dl);
	size_t rows = 0;
	enum err e = quality_import(st, k, pos[0], dry, &dl, &rows);
	char what[48];
	snprintf(what, sizeof(what), "%s rows", quality_kind_name(k));
	code = cli_import_result(st, pos[0], e, &dl, rows, what, dry);
	diag_free(&dl);
	store_close(st);
	return code;
}

/* argv[0] is the kind. Options: --org CODE, --as-of DATE, --output FILE. */
int cmd_quality_export(struct cli *cli, int argc, char **argv)
{
	enum quality_kind k;
	if (!quality_kind_parse(argv[0], &k))
		return cli_usage("export", "unknown kind '%s'", argv[0]);
	struct opt opts[] = {{"org", true, NULL}, {"as-of", true, NULL}, {"output", true, NULL}, {0}};
	const char *pos[1];
	int n = opts_parse("export", argc, argv, opts, pos, 1);
	if (n < 0)
		return 2;
	if (n != 0)
		return cli_usage("export", "dangbo export %s takes no file (use --output FILE)", quality_kind_name(k));
	date_t as_of = DATE_NONE;
	if (!opt_date("export", opts, "as-of", &as_of))
		return 2;
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	const char *path = opt_get(opts, "output");
	FILE *out = stdout;
	char tmp[4096];
	if (path) {
		/* beside the target, then renamed: a failed export leaves no half file */
		snprintf(tmp, sizeof(tmp), "%s.tmp", path);
		out = fopen(tmp, "w");
		if (!out) {
			store_close(st);
			return cli_fail(ERR_IO, "%s: cannot write", path);
		}
	}
	char *msg = NULL;
	enum err e = quality_export(st, k, opt_get(opts, "org"), as_of, out, &msg);
	if (path) {
		if (fclose(out) != 0 && !e)
			e = ERR_IO;
		if (!e && rename(tmp, path) != 0)
			e = ERR_IO;
		if (e)
			remove(tmp);
	}
	if (e)
		cli_fail(e, "export %s: %s", quality_kind_name(k), msg ? msg : err_str(e));
	free(msg);
	store_close(st);
	return err_exit_code(e);
}
