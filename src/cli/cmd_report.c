/* cmd_report: dangbo report NAME --org CODE ... (contract §3). */
#include "cli/cli.h"
#include "cli/opts.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/report.h"
#include "app/snapshot.h"
#include "core/xalloc.h"
#include "io/report_render.h"
#include "store/store.h"

const char usage_report[] =
	"usage: dangbo report members|orgs|badges --org CODE [--as-of DATE] [--from DATE --to DATE]\n"
	"                     [--depth N] [--precision P] [--format text|csv|json|xlsx|pdf] [--output FILE]\n\n"
	"Counts the organization CODE and everything under it as the tree stood on the\n"
	"as-of date (default today).\n\n"
	"  members   total, official, probationary, female, ethnic_minority, religious,\n"
	"            exempt, age bands; with --from/--to also admitted (over the admission\n"
	"            target, see 'dangbo target'), recognized, transferred_in/out,\n"
	"            readmitted, restored, removed, expelled, left, died\n"
	"  orgs      base organizations, base committees, base cells, cells,\n"
	"            sub-committees, base organizations by category\n"
	"  badges    (needs --from/--to) members whose party age reaches 30, 40, 45,\n"
	"            50 ... 90 years in the period\n"
	"  congress  (needs --term T) congresses held over planned per kind of organization,\n"
	"            direct elections of the secretary, women among committee members, lowest\n"
	"            and highest vote share of elected secretaries\n"
	"  ratings   (needs --period P: 2024, 2025-Q3, 2020-2025) base organizations and\n"
	"            members at each quality level, self-review participation\n"
	"  screening (needs --year Y) members listed for screening (Chỉ thị 28-CT/TW) and of\n"
	"            them progressed, continued education, removed from the Party, by channel\n"
	"            (remove, expel, leave); residence comments (QĐ 213-QĐ/TW) (docs/quality.md)\n"
	"  degradation (needs --period P) members assessed on the 27 manifestations (NQ\n"
	"            04-NQ/TW), by most serious level 1-5, manifest (1-4), serious (1-2), and\n"
	"            per manifestation and level (m01_level1 ... m27_level5)\n"
	"  cadres    organizations under CODE with a secretary on the as-of date, and of them\n"
	"            those whose secretary is also chairman of the People's Council or\n"
	"            Committee, is the head of the unit, is not a local person, and whose\n"
	"            police chief sits on the standing committee; all levels and per level\n"
	"            (_upper, _base, _cell); posts from 'dangbo post' (docs/cadres.md)\n\n"
	"  --depth N        one row per organization down to N levels below CODE\n"
	"  --precision P    decimals of percentages (0 to 6, default 2)\n"
	"  --format F       text (default), csv, json, xlsx, or pdf (a party document:\n"
	"                   the table of indicators and a signature block to fill in)\n"
	"  --output FILE    write to FILE (xlsx and pdf need it, or standard output not a terminal)\n"
	"  --no-snapshot    read the database directly, without the snapshot file\n"
	"  --threads N      counting threads (default: the processors, at most 4)\n\n"
	"Dates are YYYY-MM-DD or dd/mm/yyyy. A report reads a snapshot of the database\n"
	"kept beside it (DB.snapshot), rebuilt automatically after every change.\n";

static bool parse_int(const char *s, int lo, int hi, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

/* Copies the file at path to standard output. */
static bool copy_to_stdout(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	char buf[65536];
	size_t n;
	bool ok = true;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0 && ok)
		ok = fwrite(buf, 1, n, stdout) == n;
	fclose(f);
	return ok && fflush(stdout) == 0;
}

/* Writes b to path atomically (beside it, then renamed). */
bool cli_write_file(const char *path, const struct buf *b)
{
	char *tmp = xasprintf("%s.tmp", path);
	FILE *f = fopen(tmp, "wb");
	bool ok = f && fwrite(b->ptr, 1, b->len, f) == b->len;
	if (f)
		ok = fclose(f) == 0 && ok;
	ok = ok && rename(tmp, path) == 0;
	if (!ok)
		remove(tmp);
	free(tmp);
	return ok;
}

static int render(const struct report_table *t, enum report_format fmt, const char *output)
{
	if (fmt == REPORT_XLSX) {
		if (output) {
			char *tmp = xasprintf("%s.tmp.xlsx", output);
			enum err e = report_render_xlsx(t, tmp);
			if (!e && rename(tmp, output) != 0)
				e = ERR_IO;
			if (e)
				remove(tmp);
			free(tmp);
			return e ? cli_fail(e, "%s: cannot write the workbook", output) : 0;
		}
		char dir[] = "/tmp/dangbo-report.XXXXXX";
		if (!mkdtemp(dir))
			return cli_fail(ERR_IO, "cannot make a temporary directory");
		char *tmp = xasprintf("%s/report.xlsx", dir);
		enum err e = report_render_xlsx(t, tmp);
		if (!e && !copy_to_stdout(tmp))
			e = ERR_IO;
		remove(tmp);
		rmdir(dir);
		free(tmp);
		return e ? cli_fail(e, "cannot write the workbook") : 0;
	}
	struct buf b;
	buf_init(&b, 0);
	if (fmt == REPORT_PDF) {
		if (report_render_pdf(t, &b)) {
			buf_free(&b);
			return cli_fail(ERR_IO, "cannot lay out the PDF");
		}
	} else if (fmt == REPORT_CSV)
		report_render_csv(t, &b);
	else if (fmt == REPORT_JSON)
		report_render_json(t, &b);
	else
		report_render_text(t, &b);
	bool ok = output ? cli_write_file(output, &b) : fwrite(b.ptr, 1, b.len, stdout) == b.len && fflush(stdout) == 0;
	buf_free(&b);
	return ok ? 0 : cli_fail(ERR_IO, "%s: cannot write", output ? output : "standard output");
}

/* Opens the database and its report snapshot (see cli.h). */
int cli_report_snapshot(struct cli *cli, bool no_snapshot, struct store **stp, struct snapshot *snap)
{
	/* the file's state before this process opens it (snapshot.h) */
	struct snapshot_stamp stamp;
	snapshot_stamp_file(cli->db, &stamp);
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	/* The snapshot lives beside an SQLite file; a server database has none. */
	char *path = NULL;
	if (!no_snapshot && strcmp(store_backend(st), "sqlite") == 0)
		path = xasprintf("%s.snapshot", cli->db);
	bool rebuilt = false;
	struct diag_list dl;
	diag_init(&dl);
	enum err e = snapshot_open(st, path, &stamp, snap, &rebuilt, &dl);
	free(path);
	if (e) {
		if (diag_count(&dl))
			diag_print(&dl, stderr);
		diag_free(&dl);
		code = cli_fail(e, "cannot read the database: %s", store_errmsg(st));
		store_close(st);
		return code;
	}
	diag_free(&dl);
	if (rebuilt && cli->progress)
		fprintf(stderr, "dangbo: report snapshot rebuilt (%u organizations, %u members)\n", snap->norg, snap->nmem);
	*stp = st;
	return 0;
}

int cmd_report(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {
		{"org", true, NULL},       {"as-of", true, NULL},   {"from", true, NULL},
		{"to", true, NULL},        {"depth", true, NULL},   {"precision", true, NULL},
		{"format", true, NULL},    {"output", true, NULL},  {"no-snapshot", false, NULL},
		{"threads", true, NULL},   {"term", true, NULL},    {"period", true, NULL}, {"year", true, NULL}, {0},
	};
	const char *pos[1];
	int n = opts_parse("report", argc, argv, opts, pos, 1);
	if (n < 0)
		return 2;
	if (n != 1)
		return cli_usage("report", "give the report: members, orgs or badges");
	if (!report_find(pos[0]))
		return cli_usage("report", "unknown report '%s' (members, orgs or badges)", pos[0]);
	struct report_request rq = {
		.report = pos[0], .org = opt_get(opts, "org"), .as_of = DATE_NONE, .from = DATE_NONE,
		.to = DATE_NONE, .depth = 0, .precision = 2, .today = DATE_NONE,
		.term = opt_get(opts, "term"),
		.period = opt_get(opts, "period") ? opt_get(opts, "period") : opt_get(opts, "year"),
	};
	if (!rq.org || !*rq.org)
		return cli_usage("report", "give the organization: --org CODE");
	if (!opt_date("report", opts, "as-of", &rq.as_of) || !opt_date("report", opts, "from", &rq.from) ||
	    !opt_date("report", opts, "to", &rq.to))
		return 2;
	const char *v;
	if ((v = opt_get(opts, "depth")) && !parse_int(v, 0, 64, &rq.depth))
		return cli_usage("report", "--depth: '%s' is not a number from 0 to 64", v);
	if ((v = opt_get(opts, "precision")) && !parse_int(v, 0, 6, &rq.precision))
		return cli_usage("report", "--precision: '%s' is not a number from 0 to 6", v);
	if ((v = opt_get(opts, "threads")) && !parse_int(v, 1, 8, &rq.threads))
		return cli_usage("report", "--threads: '%s' is not a number from 1 to 8", v);
	enum report_format fmt = REPORT_TEXT;
	if ((v = opt_get(opts, "format")) && !report_format_parse(v, &fmt))
		return cli_usage("report", "--format: '%s' is not one of text, csv, json, xlsx, pdf", v);
	const char *output = opt_get(opts, "output");
	if (fmt == REPORT_XLSX && !output && isatty(STDOUT_FILENO))
		return cli_usage("report", "an XLSX workbook is not for a terminal: give --output FILE or redirect");
	if (fmt == REPORT_PDF && !output && isatty(STDOUT_FILENO))
		return cli_usage("report", "a PDF is not for a terminal: give --output FILE or redirect");

	struct store *st;
	struct snapshot snap;
	int code = cli_report_snapshot(cli, opt_get(opts, "no-snapshot") != NULL, &st, &snap);
	if (code)
		return code;

	struct report_result res;
	struct buf msg;
	buf_init(&msg, 0);
	enum err e = report_run(&snap, st, &rq, &res, &msg);
	if (e == ERR_USAGE)
		code = cli_usage("report", "%s", msg.ptr);
	else if (e)
		code = cli_fail(e, "%s", msg.ptr);
	else
		code = render(&res.table, fmt, output);
	buf_free(&msg);
	if (!e)
		report_result_free(&res);
	snapshot_free(&snap);
	store_close(st);
	return code;
}
