/* cmd_rules: dangbo rules [list|versions|set|unset] — the lifecycle rules in
 * force on a day, their sources, and the settings of the configurable
 * ones (domain/rulebook.h, app/rules_cfg.h). */
#include "cli/cli.h"
#include "cli/lifecycle_cli.h"
#include "cli/opts.h"

#include <stdio.h>
#include <string.h>

#include "app/rules_cfg.h"
#include "domain/rulebook.h"
#include "store/store.h"

const char usage_rules[] =
	"usage: dangbo rules [list] [--as-of DATE]\n"
	"       dangbo rules versions\n"
	"       dangbo rules set KEY VALUE\n"
	"       dangbo rules unset KEY\n\n"
	"list      every rule as in force on DATE (default today): key, value, unit, the\n"
	"          text that sets it, confidence, and '*' for a configurable rule ('set' when\n"
	"          this database overrides it)\n"
	"versions  every version of every rule with the day it came into force and its note\n"
	"set       overrides a configurable rule (local or uncertain sources: see\n"
	"          docs/lifecycle.md); the others are refused, naming their text\n";

static int list(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"as-of", true, NULL}, {0}};
	const char *pos[1];
	if (opts_parse("rules", argc, argv, opts, pos, 0) < 0)
		return 2;
	date_t d = date_today();
	if (!opt_date("rules", opts, "as-of", &d))
		return 2;
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct rule_settings rs;
	enum err e = rules_load(st, &rs);
	if (e) {
		struct diag_list dl;
		diag_init(&dl);
		return lcli_fail(st, e, &dl);
	}
	for (int i = 0; i < RULE__MAX; i++) {
		const struct rule_info *in = rule_info((enum rule_id)i);
		const struct rule_version *v = rule_at((enum rule_id)i, d);
		char value[32] = "";
		if (in->unit == RU_AT_LEAST || in->unit == RU_MORE_THAN)
			snprintf(value, sizeof(value), "%d/%d", v->value, v->den);
		else if (in->unit != RU_NONE)
			snprintf(value, sizeof(value), "%d", rule_value(&rs, (enum rule_id)i, d));
		printf("%s\t%s\t%s\t%s\t%s\t%s\n", in->key, value, rule_unit_name(in->unit), v->cite,
		       rule_confidence_name(in->confidence), in->configurable ? (rs.set[i] ? "* set" : "*") : "");
	}
	store_close(st);
	return 0;
}

static int versions(void)
{
	size_t n;
	const struct rule_version *v = rule_versions(&n);
	for (size_t i = 0; i < n; i++) {
		char d[11] = "";
		if (v[i].from != DATE_MIN)
			date_format(v[i].from, d);
		char value[32] = "";
		if (v[i].den)
			snprintf(value, sizeof(value), "%d/%d", v[i].value, v[i].den);
		else if (rule_info(v[i].id)->unit != RU_NONE)
			snprintf(value, sizeof(value), "%d", v[i].value);
		printf("%s\t%s\t%s\t%s\t%s\n", rule_info(v[i].id)->key, d[0] ? d : "-", value, v[i].cite, v[i].note);
	}
	return 0;
}

int cmd_rules(struct cli *cli, int argc, char **argv)
{
	if (argc < 2 || argv[1][0] == '-' || strcmp(argv[1], "list") == 0)
		return list(cli, argc < 2 || argv[1][0] == '-' ? argc : argc - 1, argc < 2 || argv[1][0] == '-' ? argv : argv + 1);
	if (strcmp(argv[1], "versions") == 0)
		return argc == 2 ? versions() : cli_usage("rules", "versions takes no argument");
	bool set = strcmp(argv[1], "set") == 0;
	if (!set && strcmp(argv[1], "unset"))
		return cli_usage("rules", "unknown subcommand '%s'", argv[1]);
	if (argc != (set ? 4 : 3))
		return cli_usage("rules", set ? "set KEY VALUE" : "unset KEY");
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct diag_list dl;
	diag_init(&dl);
	enum err e = set ? rules_set(st, argv[2], argv[3], &dl) : rules_unset(st, argv[2], &dl);
	char done[160];
	snprintf(done, sizeof(done), set ? "%s set to %s" : "%s back to the rule book%s", argv[2], set ? argv[3] : "");
	return lcli_finish(st, e, &dl, done, NULL);
}
