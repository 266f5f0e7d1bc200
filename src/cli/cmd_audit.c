/* cmd_audit: dangbo audit verify|log (contract §5: every write is in the
 * audit log; src/app/audit.h). */
#include "cli/cli.h"
#include "cli/opts.h"

#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "store/store.h"

const char usage_audit[] =
	"usage: dangbo audit verify\n"
	"       dangbo audit log [--limit N] [--entity TYPE:KEY]\n\n"
	"Every write (import, organization and member changes, users, logins) is\n"
	"recorded with who, when, what, and the entity before and after. Records\n"
	"are hash-chained: verify walks the chain and names the first record that\n"
	"was changed or removed (exit status 1), or says the log is whole.\n"
	"log lists records, newest first (default 20), e.g. --entity member:000123.\n";

static int audit_verify_cmd(struct store *st)
{
	struct audit_check res;
	enum err e = audit_verify(st, &res);
	if (e)
		return cli_fail(e, "%s", store_errmsg(st));
	if (res.first_bad) {
		fprintf(stderr, "dangbo: audit log broken at record %lld: %s\n", (long long)res.first_bad, res.why);
		return 1;
	}
	printf("audit log intact: %lld record%s\n", (long long)res.checked, res.checked == 1 ? "" : "s");
	return 0;
}

static int audit_log_cmd(struct store *st, long limit, const char *entity)
{
	char *type = NULL;
	const char *key = NULL;
	if (entity) {
		const char *colon = strchr(entity, ':');
		if (!colon)
			return cli_usage("audit", "--entity is TYPE:KEY, e.g. member:000123");
		type = strndup(entity, (size_t)(colon - entity));
		key = colon + 1;
	}
	struct audit_rec *v;
	size_t n;
	enum err e = audit_list(st, type, key, 0, (size_t)limit, &v, &n);
	free(type);
	if (e)
		return cli_fail(e, "%s", store_errmsg(st));
	for (size_t i = 0; i < n; i++) {
		printf("%lld\t%s\t%s\t%s\t%s:%s\n", (long long)v[i].id, v[i].at, v[i].actor, v[i].action,
		       v[i].entity_type, v[i].entity_key);
		if (v[i].before)
			printf("\tbefore: %s\n", v[i].before);
		if (v[i].after)
			printf("\tafter:  %s\n", v[i].after);
	}
	audit_recs_free(v, n);
	return 0;
}

int cmd_audit(struct cli *cli, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("audit", "give a subcommand: verify or log");
	const char *sub = argv[1];
	struct opt opts[] = {{"limit", true, NULL}, {"entity", true, NULL}, {0}};
	const char *pos[1];
	int n = opts_parse("audit", argc - 1, argv + 1, opts, pos, 1);
	if (n < 0)
		return 2;
	if (n)
		return cli_usage("audit", "unexpected argument '%s'", pos[0]);
	bool verify = strcmp(sub, "verify") == 0;
	if (!verify && strcmp(sub, "log") != 0)
		return cli_usage("audit", "unknown subcommand '%s'", sub);
	long limit = 20;
	if (opt_get(opts, "limit")) {
		char *end;
		limit = strtol(opt_get(opts, "limit"), &end, 10);
		if (*end || limit <= 0 || limit > 100000)
			return cli_usage("audit", "--limit must be 1 to 100000");
	}
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	int rc = verify ? audit_verify_cmd(st) : audit_log_cmd(st, limit, opt_get(opts, "entity"));
	store_close(st);
	return rc;
}
