/* cmd_election: dangbo election count FILE.json (contract §4). */
#include "cli/cli.h"
#include "cli/opts.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/election_json.h"
#include "io/minutes_pdf.h"

const char usage_election[] =
	"usage: dangbo election count FILE.json [--format json|text|pdf] [--output FILE]\n\n"
	"Counts one round of an internal election (docs/elections.md): the base after\n"
	"each exclusion, the ballots, each candidate's votes and share of the base, who\n"
	"is elected (more than half of the base, within the seats), ties at the last\n"
	"seat and unfilled seats. FILE may be - for standard input.\n\n"
	"  --format json   the result as JSON (default)\n"
	"  --format text   a table in Vietnamese\n"
	"  --format pdf    the counting minutes (biên bản kiểm phiếu), ready to sign;\n"
	"                  needs --output unless standard output is not a terminal\n"
	"  --output FILE   write there instead of standard output\n\n"
	"Bad input is refused with exit status 1 and one line per problem:\n"
	"FILE:PATH: message, PATH being where in the file (e.g. ballots[3].kept[1]).\n";

enum fmt { FMT_JSON, FMT_TEXT, FMT_PDF, FMT__MAX };

static const char *const fmt_names[FMT__MAX] = {"json", "text", "pdf"};

static bool fmt_parse(const char *s, enum fmt *out)
{
	for (int i = 0; i < FMT__MAX; i++)
		if (strcmp(s, fmt_names[i]) == 0) {
			*out = (enum fmt)i;
			return true;
		}
	return false;
}

/* Writes b to path (or standard output when path is NULL). */
static int write_out(const struct buf *b, const char *path)
{
	FILE *f = path ? fopen(path, "wb") : stdout;
	if (!f)
		return cli_fail(ERR_IO, "%s: cannot write: %s", path, strerror(errno));
	bool ok = fwrite(b->ptr, 1, b->len, f) == b->len;
	ok = (path ? fclose(f) == 0 : fflush(f) == 0) && ok;
	if (!ok)
		return cli_fail(ERR_IO, "%s: cannot write", path ? path : "standard output");
	return 0;
}

/* Renders a counted round in the chosen format. */
static enum err render(enum fmt f, const struct election_doc *d, const struct election_result *res, struct buf *out)
{
	switch (f) {
	case FMT_TEXT:
		election_text_write(d, res, out);
		return ERR_OK;
	case FMT_PDF:
		return minutes_pdf_render(d, res, out);
	default:
		election_json_write(d, res, out);
		return ERR_OK;
	}
}

static int count(const char *file, enum fmt f, const char *output)
{
	struct election_doc d;
	struct election_result res = {0};
	struct diag_list dl;
	struct buf out;
	election_doc_init(&d);
	diag_init(&dl);
	buf_init(&out, 0);
	enum err e = election_json_read_file(file, &d, &dl);
	if (!e)
		e = election_count(&d.round, &d.rules, &res, &dl, file);
	int code;
	if (e && diag_count(&dl))
		code = cli_fail_diag(e, &dl);
	else if (e)
		code = cli_fail(e, "%s: %s", file, err_str(e));
	else if ((e = render(f, &d, &res, &out)) != ERR_OK)
		code = cli_fail(e, "cannot render the %s output", fmt_names[f]);
	else
		code = write_out(&out, output);
	buf_free(&out);
	election_result_free(&res);
	diag_free(&dl);
	election_doc_free(&d);
	return code;
}

int cmd_election(struct cli *cli, int argc, char **argv)
{
	(void)cli;
	if (cli_wants_help("election", argc, argv))
		return 0;
	struct opt opts[] = {{"format", true, NULL}, {"output", true, NULL}, {0}};
	const char *pos[2];
	int n = opts_parse("election", argc, argv, opts, pos, 2);
	if (n < 0)
		return 2;
	if (n != 2 || strcmp(pos[0], "count") != 0)
		return cli_usage("election", "give 'count' and the election file");
	enum fmt f = FMT_JSON;
	const char *fs = opt_get(opts, "format"), *output = opt_get(opts, "output");
	if (fs && !fmt_parse(fs, &f))
		return cli_usage("election", "unknown format '%s' (json, text or pdf)", fs);
	if (output && !output[0])
		return cli_usage("election", "--output needs a file name");
	if (f == FMT_PDF && !output && isatty(STDOUT_FILENO))
		return cli_usage("election", "a PDF is not written to a terminal: give --output FILE");
	return count(pos[1], f, output);
}
