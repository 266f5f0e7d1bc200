/* err: names and mappings of enum err, one table. */
#include "core/err.h"

static const struct {
	const char *name;
	int exit_code;
	int http;
} errs[ERR__MAX] = {
	[ERR_OK] = {"ok", 0, 200},
	[ERR_INPUT] = {"bad input", 1, 400},
	[ERR_REFUSED] = {"refused by a rule", 1, 422},
	[ERR_USAGE] = {"usage error", 2, 400},
	[ERR_NOTFOUND] = {"not found", 1, 404},
	[ERR_CONFLICT] = {"conflict", 1, 409},
	[ERR_AUTH] = {"not authenticated", 1, 401},
	[ERR_PERM] = {"forbidden", 1, 403},
	[ERR_TOOBIG] = {"too large", 1, 413},
	[ERR_STORE] = {"storage failure", 3, 500},
	[ERR_IO] = {"system failure", 3, 500},
};

const char *err_str(enum err e)
{
	return (unsigned)e < ERR__MAX ? errs[e].name : "unknown error";
}

int err_exit_code(enum err e)
{
	return (unsigned)e < ERR__MAX ? errs[e].exit_code : 3;
}

int err_http_status(enum err e)
{
	return (unsigned)e < ERR__MAX ? errs[e].http : 500;
}
