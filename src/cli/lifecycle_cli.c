/* lifecycle_cli: outcome reporting of the lifecycle commands. */
#include "cli/lifecycle_cli.h"

#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "store/store.h"

int lcli_fail(struct store *st, enum err e, struct diag_list *dl)
{
	if ((e == ERR_STORE || e == ERR_IO) && !diag_count(dl) && st)
		fprintf(stderr, "dangbo: %s\n", store_errmsg(st));
	else if (diag_count(dl))
		diag_print(dl, stderr);
	else
		fprintf(stderr, "dangbo: %s\n", err_str(e));
	diag_free(dl);
	if (st)
		store_close(st);
	return err_exit_code(e);
}

int lcli_finish(struct store *st, enum err e, struct diag_list *dl, const char *done, const char *note)
{
	if (e) {
		int code = lcli_fail(NULL, e, dl);
		if (e == ERR_STORE && st)
			fprintf(stderr, "dangbo: %s\n", store_errmsg(st));
		fprintf(stderr, "dangbo: nothing changed\n");
		if (st)
			store_close(st);
		return code;
	}
	fprintf(stderr, "dangbo: %s\n", done);
	for (const char *p = note; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		fprintf(stderr, "dangbo: note: %.*s\n", (int)len, p);
		p = nl ? nl + 1 : p + len;
	}
	diag_free(dl);
	if (st)
		store_close(st);
	return 0;
}
