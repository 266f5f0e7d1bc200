/* cmd_user: dangbo user add|list|disable|enable|password (contract §5), and
 * cli_actor(), who the command line writes as in the audit log. */
#include "cli/cli.h"
#include "cli/opts.h"

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/account.h"
#include "core/buf.h"
#include "store/store.h"

const char usage_user[] =
	"usage: dangbo user add LOGIN --role admin|staff|secretary|viewer --org CODE\n"
	"       dangbo user password LOGIN\n"
	"       dangbo user disable|enable LOGIN\n"
	"       dangbo user list\n\n"
	"Accounts of the web server. A user sees and changes only the subtree of\n"
	"the organization CODE (as of today), with the rights of the role:\n"
	"  admin      everything there, including users and the audit log\n"
	"  staff      organization staff: organizations, members, imports\n"
	"  secretary  cell secretary: reads, adds members, records their events\n"
	"  viewer     reads only\n"
	"add and password read the password from standard input (one line, at\n"
	"least 8 bytes); it is stored as an argon2id hash. disable ends the user's\n"
	"sessions. Every change is in the audit log.\n";

const char *cli_actor(void)
{
	static char actor[128];
	if (!actor[0]) {
		struct passwd pw, *res = NULL;
		char buf[1024];
		const char *name = NULL;
		if (getpwuid_r(geteuid(), &pw, buf, sizeof(buf), &res) == 0 && res)
			name = res->pw_name;
		if (!name)
			name = getenv("USER");
		if (name)
			snprintf(actor, sizeof(actor), "cli:%s", name);
		else
			snprintf(actor, sizeof(actor), "cli:uid %u", (unsigned)geteuid());
	}
	return actor;
}

/* Reads one line of standard input (without its line end) into b. */
static bool read_password(struct buf *b)
{
	int c;
	while ((c = getchar()) != EOF && c != '\n')
		buf_addch(b, (char)c);
	if (b->len && b->ptr[b->len - 1] == '\r')
		buf_truncate(b, b->len - 1);
	return b->len > 0 || c == '\n';
}

static int finish_change(enum err e, struct store *st, struct diag_list *dl, const char *what)
{
	int rc;
	if (e == ERR_STORE)
		rc = cli_fail(e, "%s", store_errmsg(st));
	else if (e == ERR_NOTFOUND && !diag_count(dl))
		rc = cli_fail(e, "no such user");
	else if (e) {
		for (size_t i = 0; i < dl->n; i++)
			fprintf(stderr, "dangbo user: %s: %s\n", dl->v[i].column ? dl->v[i].column : "", dl->v[i].msg);
		rc = err_exit_code(e);
	} else {
		fprintf(stderr, "dangbo: %s\n", what);
		rc = 0;
	}
	diag_free(dl);
	store_close(st);
	return rc;
}

static int user_list(struct store *st)
{
	struct account *v;
	size_t n;
	enum err e = account_list(st, &v, &n);
	if (e) {
		int rc = cli_fail(e, "%s", store_errmsg(st));
		store_close(st);
		return rc;
	}
	for (size_t i = 0; i < n; i++)
		printf("%s\t%s\t%s\t%s%s\n", v[i].login, role_name(v[i].role), v[i].org, v[i].created_at,
		       v[i].disabled ? "\tdisabled" : "");
	accounts_free(v, n);
	store_close(st);
	return 0;
}

int cmd_user(struct cli *cli, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("user", "give a subcommand: add, list, password, disable, enable");
	const char *sub = argv[1];
	struct opt opts[] = {{"role", true, NULL}, {"org", true, NULL}, {0}};
	const char *pos[1] = {NULL};
	int n = opts_parse("user", argc - 1, argv + 1, opts, pos, 1);
	if (n < 0)
		return 2;
	bool is_list = strcmp(sub, "list") == 0;
	if (!is_list && strcmp(sub, "add") && strcmp(sub, "password") && strcmp(sub, "disable") &&
	    strcmp(sub, "enable"))
		return cli_usage("user", "unknown subcommand '%s'", sub);
	if (!is_list && n != 1)
		return cli_usage("user", "%s needs the login", sub);
	if (is_list && n != 0)
		return cli_usage("user", "list takes no argument");
	enum role role = ROLE_VIEWER;
	if (strcmp(sub, "add") == 0) {
		if (!opt_get(opts, "role") || !role_parse(opt_get(opts, "role"), &role))
			return cli_usage("user", "add needs --role admin, staff, secretary or viewer");
		if (!opt_get(opts, "org"))
			return cli_usage("user", "add needs --org CODE, the organization whose subtree the user works in");
	}
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	if (is_list)
		return user_list(st);
	struct diag_list dl;
	diag_init(&dl);
	enum err e;
	const char *login = pos[0];
	if (strcmp(sub, "disable") == 0 || strcmp(sub, "enable") == 0) {
		e = account_set_disabled(st, login, strcmp(sub, "disable") == 0);
		return finish_change(e, st, &dl, strcmp(sub, "disable") == 0 ? "user disabled" : "user enabled");
	}
	struct buf pw;
	buf_init(&pw, 0);
	if (!read_password(&pw)) {
		buf_free(&pw);
		store_close(st);
		return cli_fail(ERR_INPUT, "give the password on standard input (one line)");
	}
	if (strcmp(sub, "add") == 0)
		e = account_add(st, login, role, opt_get(opts, "org"), pw.ptr, &dl);
	else
		e = account_set_password(st, login, pw.ptr, &dl);
	memset(pw.ptr, 0, pw.len);
	buf_free(&pw);
	return finish_change(e, st, &dl, strcmp(sub, "add") == 0 ? "user added" : "password changed");
}
