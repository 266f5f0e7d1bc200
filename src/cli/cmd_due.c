/* cmd_due: dangbo due — what falls due and what is overdue in an
 * organization, computed from dates when asked (app/due.h). */
#include "cli/cli.h"
#include "cli/lifecycle_cli.h"
#include "cli/opts.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/due.h"
#include "store/store.h"

const char usage_due[] =
	"usage: dangbo due --org CODE [--as-of DATE] [--format text|json]\n\n"
	"The due and overdue list of CODE's subtree on DATE (default today), computed from\n"
	"the stored dates (no status is kept between two runs): probation ending, recognition\n"
	"due or overdue, applicants' decisions and ceremonies and their working-day limits,\n"
	"certificates expiring, transfers not arrived, temporary transfers and exemptions past\n"
	"their term, badges due on the next award date. Working days skip weekends and the\n"
	"public holidays of the shipped calendar (Tết included). Text: tab-separated day,\n"
	"kind, member or applicant, name, organization, note (with the rule cited); an\n"
	"overdue kind ends in _overdue, _expired, _late, _stale or is not_arrived.\n";

int cmd_due(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"org", true, NULL}, {"as-of", true, NULL}, {"format", true, NULL}, {0}};
	const char *pos[1];
	if (opts_parse("due", argc, argv, opts, pos, 0) < 0)
		return 2;
	if (!opt_get(opts, "org"))
		return cli_usage("due", "give --org CODE");
	const char *fmt = opt_get(opts, "format") ? opt_get(opts, "format") : "text";
	if (strcmp(fmt, "text") && strcmp(fmt, "json"))
		return cli_usage("due", "--format is text or json");
	date_t d = date_today();
	if (!opt_date("due", opts, "as-of", &d))
		return 2;
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct diag_list dl;
	diag_init(&dl);
	struct due_item *v;
	size_t n;
	enum err e = due_list(st, opt_get(opts, "org"), d, &v, &n, &dl);
	if (e)
		return lcli_fail(st, e, &dl);
	char a[11];
	if (strcmp(fmt, "json") == 0) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++) {
			date_format(v[i].date, a);
			json_t *o = json_object();
			json_object_set_new(o, "date", json_string(a));
			json_object_set_new(o, "kind", json_string(due_kind_name(v[i].kind)));
			json_object_set_new(o, "label", json_string(due_kind_label(v[i].kind)));
			json_object_set_new(o, "overdue", json_boolean(due_kind_overdue(v[i].kind)));
			json_object_set_new(o, "who", json_string(v[i].who));
			json_object_set_new(o, "name", json_string(v[i].name));
			json_object_set_new(o, "org", json_string(v[i].org));
			json_object_set_new(o, "note", json_string(v[i].note));
			json_array_append_new(arr, o);
		}
		char *text = json_dumps(arr, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		puts(text);
		free(text);
		json_decref(arr);
	} else {
		for (size_t i = 0; i < n; i++) {
			date_format(v[i].date, a);
			printf("%s\t%s\t%s\t%s\t%s\t%s\n", a, due_kind_name(v[i].kind), v[i].who, v[i].name, v[i].org,
			       v[i].note);
		}
	}
	due_items_free(v, n);
	diag_free(&dl);
	store_close(st);
	return 0;
}
