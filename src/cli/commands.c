/* commands: the table of dangbo's commands. One line per command; the
 * usage text lives with the command in cmd_<name>.c. */
#include "cli/cli.h"

extern const char usage_help[];

const char usage_help[] = "usage: dangbo help [COMMAND]\n";

const struct command commands[] = {
	{"help", cmd_help, "list the commands, or explain one", usage_help},
	{0, 0, 0, 0},
};
