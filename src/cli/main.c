/* main: global options, then one command from the table. */
#include "cli/cli.h"

#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const struct command *cli_find(const char *name)
{
	for (const struct command *c = commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

int cli_fail(enum err e, const char *fmt, ...)
{
	va_list ap;
	fputs("dangbo: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return err_exit_code(e);
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "dangbo %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'dangbo help %s'.\n", cmd);
	return 2;
}

int cli_fail_diag(enum err e, const struct diag_list *dl)
{
	diag_print(dl, stderr);
	return err_exit_code(e);
}

bool cli_wants_help(const char *cmd, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			const struct command *c = cli_find(cmd);
			if (c)
				fputs(c->usage, stdout);
			return true;
		}
	}
	return false;
}

int cmd_help(struct cli *cli, int argc, char **argv)
{
	(void)cli;
	if (argc > 1) {
		const struct command *c = cli_find(argv[1]);
		if (!c)
			return cli_usage("help", "unknown command '%s'", argv[1]);
		fputs(c->usage, stdout);
		return 0;
	}
	puts("usage: dangbo [--db PATH|URI] COMMAND [ARGS]\n\n"
	     "dangbo keeps the registry of party organizations and members, their\n"
	     "history, reports and elections.\n\nCommands:");
	for (const struct command *c = commands; c->name; c++)
		printf("  %-10s %s\n", c->name, c->summary);
	puts("\nThe database is --db, or $DANGBO_DB, or ./dangbo.db.\n"
	     "'dangbo help COMMAND' tells more about a command.");
	return 0;
}

int main(int argc, char **argv)
{
	setlocale(LC_CTYPE, "C.UTF-8");
	struct cli cli = {0};
	cli.db = getenv("DANGBO_DB");
	if (!cli.db || !*cli.db)
		cli.db = "./dangbo.db";
	cli.progress = isatty(STDERR_FILENO) && !getenv("DANGBO_NO_PROGRESS");

	int i = 1;
	while (i < argc && argv[i][0] == '-') {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			cli.db = argv[i + 1];
			i += 2;
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			cli.db = argv[i] + 5;
			i++;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			return cmd_help(&cli, 1, argv);
		} else if (strcmp(argv[i], "--version") == 0) {
			puts("dangbo 0.1");
			return 0;
		} else {
			fprintf(stderr, "dangbo: unknown option '%s'\nTry 'dangbo help'.\n", argv[i]);
			return 2;
		}
	}
	if (i >= argc)
		return cmd_help(&cli, 1, argv), 2;
	const struct command *c = cli_find(argv[i]);
	if (!c) {
		fprintf(stderr, "dangbo: unknown command '%s'\nTry 'dangbo help'.\n", argv[i]);
		return 2;
	}
	if (c->run != cmd_help && cli_wants_help(c->name, argc - i, argv + i))
		return 0;
	/* Commands may take --db after the command name too. */
	int n = argc - i;
	char **av = argv + i;
	for (int k = 1; k < n; k++) {
		if (strcmp(av[k], "--db") == 0 && k + 1 < n) {
			cli.db = av[k + 1];
			memmove(av + k, av + k + 2, sizeof(*av) * (size_t)(n - k - 2));
			n -= 2;
			k--;
		}
	}
	av[n] = NULL;
	return c->run(&cli, n, av);
}
