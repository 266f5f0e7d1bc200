/* err: the one error enum of dangbo.
 *
 * Every fallible function returns enum err. err_str() gives a short
 * English name for logs; err_exit_code() maps to the CLI exit status of the
 * contract (§1) and err_http_status() to the HTTP status of the API. */
#ifndef DANGBO_CORE_ERR_H
#define DANGBO_CORE_ERR_H

enum err {
	ERR_OK = 0,
	ERR_INPUT,    /* bad input: the diagnostics say what and where */
	ERR_REFUSED,  /* a rule forbids the operation */
	ERR_USAGE,    /* wrong command-line usage */
	ERR_NOTFOUND, /* no such organization, member, ... */
	ERR_CONFLICT, /* constraint violation or concurrent change */
	ERR_AUTH,     /* not logged in */
	ERR_PERM,     /* outside the caller's rights or subtree */
	ERR_TOOBIG,   /* input over a size limit */
	ERR_STORE,    /* the database failed */
	ERR_IO,       /* the file system failed */
	ERR__MAX
};

const char *err_str(enum err e);
/* 0 success; 1 bad input or refused; 2 usage; 3 storage or system failure. */
int err_exit_code(enum err e);
int err_http_status(enum err e);

#endif
