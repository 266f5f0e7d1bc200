/* opts: option parsing and terminal progress for the commands. */
#include "cli/opts.h"
#include "cli/cli.h"

#include <string.h>
#include <time.h>

int opts_parse(const char *cmd, int argc, char **argv, struct opt *opts, const char **pos, int maxpos)
{
	int npos = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] == '-' && a[1] == '-' && a[2]) {
			const char *name = a + 2;
			const char *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);
			struct opt *o = NULL;
			for (struct opt *p = opts; p && p->name; p++)
				if (strlen(p->name) == len && strncmp(p->name, name, len) == 0)
					o = p;
			if (!o) {
				cli_usage(cmd, "unknown option '%s'", a);
				return -1;
			}
			if (o->takes_value) {
				if (eq)
					o->value = eq + 1;
				else if (i + 1 < argc)
					o->value = argv[++i];
				else {
					cli_usage(cmd, "option '--%s' needs a value", o->name);
					return -1;
				}
			} else {
				if (eq) {
					cli_usage(cmd, "option '--%s' takes no value", o->name);
					return -1;
				}
				o->value = "";
			}
		} else {
			if (npos >= maxpos) {
				cli_usage(cmd, "unexpected argument '%s'", a);
				return -1;
			}
			pos[npos++] = a;
		}
	}
	return npos;
}

const char *opt_get(const struct opt *opts, const char *name)
{
	for (const struct opt *p = opts; p->name; p++)
		if (strcmp(p->name, name) == 0)
			return p->value;
	return NULL;
}

bool opt_date(const char *cmd, const struct opt *opts, const char *name, date_t *out)
{
	const char *v = opt_get(opts, name);
	if (!v)
		return true;
	if (!date_parse(v, out)) {
		cli_usage(cmd, "--%s: '%s' is not a date (YYYY-MM-DD or dd/mm/yyyy)", name, v);
		return false;
	}
	return true;
}

void cli_progress(void *arg, const char *phase, uint64_t done, uint64_t total)
{
	(void)arg;
	static struct timespec last;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	bool end = total && done >= total;
	if (!end && now.tv_sec == last.tv_sec && now.tv_nsec - last.tv_nsec < 200000000L)
		return;
	last = now;
	if (total)
		fprintf(stderr, "\r%-40s %3llu%%", phase, (unsigned long long)(done * 100 / total));
	else
		fprintf(stderr, "\r%-40s %llu", phase, (unsigned long long)done);
	if (end)
		fputc('\n', stderr);
	fflush(stderr);
}
