/* opts: the small option parser every command uses.
 *
 * Options are "--name VALUE", "--name=VALUE" or flags "--name"; anything
 * else is a positional argument. A table lists what a command accepts;
 * unknown options are usage errors. */
#ifndef DANGBO_CLI_OPTS_H
#define DANGBO_CLI_OPTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"

struct opt {
	const char *name;   /* without the dashes */
	bool takes_value;
	const char *value;  /* filled: the value, or "" for a flag that was given */
};

/* Fills opts[i].value and collects positionals (at most maxpos) into pos.
 * Returns the number of positionals, or -1 after printing a usage error. */
int opts_parse(const char *cmd, int argc, char **argv, struct opt *opts, const char **pos, int maxpos);
/* The option named name (must be in the table). */
const char *opt_get(const struct opt *opts, const char *name);
/* Parses a date option; prints a usage error and returns false if bad.
 * Leaves *out unchanged when the option was not given. */
bool opt_date(const char *cmd, const struct opt *opts, const char *name, date_t *out);

/* Progress on a terminal: "phase  42%". */
void cli_progress(void *arg, const char *phase, uint64_t done, uint64_t total);

#endif
