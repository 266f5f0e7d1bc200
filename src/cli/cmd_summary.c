/* cmd_summary: dangbo summary --org CODE --year Y: the yearly summary
 * report of the party-building and organization work (app/summary.h), as
 * text or as a party document in PDF (io/doc_pdf.h). */
#include "cli/cli.h"
#include "cli/opts.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/snapshot.h"
#include "app/summary.h"
#include "io/doc.h"
#include "io/doc_pdf.h"
#include "store/store.h"

const char usage_summary[] =
	"usage: dangbo summary --org CODE --year Y [--format text|pdf] [--output FILE]\n"
	"                      [--place TEXT] [--number TEXT] [--term T]\n\n"
	"Writes the yearly report \"BÁO CÁO Kết quả công tác tổ chức xây dựng Đảng năm Y\"\n"
	"of the organization CODE from the data: its base organizations and cells, its\n"
	"members at 31/12/Y with women, ethnic minorities and religious members, the\n"
	"admissions of the year against the admission target, recognitions, transfers,\n"
	"removals, expulsions and deaths, the members reaching a Party badge milestone,\n"
	"the quality ratings of the year's review round with the self-review, and the\n"
	"progress of the congresses of a term under way; compared with the year before\n"
	"where the data have it. A figure the data do not give is left out, not printed\n"
	"as 0. The figures are those of 'dangbo report' (orgs, members, badges, ratings,\n"
	"congress).\n\n"
	"  --format F       text (default) or pdf (a party document, format HD 36-HD/VPTW)\n"
	"  --output FILE    write to FILE (pdf needs it, or standard output not a terminal)\n"
	"  --place TEXT     the place on the date line (\"Vĩnh Lợi\"); blank if not given\n"
	"  --number TEXT    the number and symbol (\"Số 15-BC/HU\"); blanks if not given\n"
	"  --term T         the congress term to report (default: Y-(Y+5) or (Y+1)-(Y+6),\n"
	"                   the first with congresses planned)\n"
	"  --no-snapshot    read the database directly, without the snapshot file\n\n"
	"In the current year the figures are as of today.\n";

int cmd_summary(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {
		{"org", true, NULL},    {"year", true, NULL},   {"format", true, NULL},
		{"output", true, NULL}, {"place", true, NULL},  {"number", true, NULL},
		{"term", true, NULL},   {"no-snapshot", false, NULL}, {0},
	};
	const char *pos[1];
	int n = opts_parse("summary", argc, argv, opts, pos, 1);
	if (n < 0)
		return 2;
	if (n != 0)
		return cli_usage("summary", "no arguments besides the options");
	struct summary_request rq = {
		.org = opt_get(opts, "org"), .place = opt_get(opts, "place"), .number = opt_get(opts, "number"),
		.term = opt_get(opts, "term"), .today = DATE_NONE,
	};
	if (!rq.org || !*rq.org)
		return cli_usage("summary", "give the organization: --org CODE");
	const char *v = opt_get(opts, "year");
	if (!v)
		return cli_usage("summary", "give the year: --year Y");
	char *end;
	errno = 0;
	long y = strtol(v, &end, 10);
	if (errno || end == v || *end || y < 1930 || y > 9999)
		return cli_usage("summary", "--year: '%s' is not a year", v);
	rq.year = (int)y;
	bool pdf = false;
	if ((v = opt_get(opts, "format"))) {
		if (strcmp(v, "pdf") == 0)
			pdf = true;
		else if (strcmp(v, "text") != 0)
			return cli_usage("summary", "--format: '%s' is not text or pdf", v);
	}
	const char *output = opt_get(opts, "output");
	if (pdf && !output && isatty(STDOUT_FILENO))
		return cli_usage("summary", "a PDF is not for a terminal: give --output FILE or redirect");

	struct store *st;
	struct snapshot snap;
	int code = cli_report_snapshot(cli, opt_get(opts, "no-snapshot") != NULL, &st, &snap);
	if (code)
		return code;
	struct doc d;
	doc_init(&d);
	struct buf msg, out;
	buf_init(&msg, 0);
	buf_init(&out, 0);
	enum err e = summary_build(&snap, st, &rq, &d, &msg);
	if (e == ERR_USAGE)
		code = cli_usage("summary", "%s", buf_str(&msg));
	else if (e)
		code = cli_fail(e, "%s", buf_str(&msg));
	else if (pdf && doc_pdf_render(&d, NULL, &out))
		code = cli_fail(ERR_IO, "cannot lay out the PDF");
	if (!code) {
		if (!pdf)
			doc_render_text(&d, &out);
		bool ok = output ? cli_write_file(output, &out)
				 : fwrite(out.ptr, 1, out.len, stdout) == out.len && fflush(stdout) == 0;
		if (!ok)
			code = cli_fail(ERR_IO, "%s: cannot write", output ? output : "standard output");
	}
	buf_free(&out);
	buf_free(&msg);
	doc_free(&d);
	snapshot_free(&snap);
	store_close(st);
	return code;
}
