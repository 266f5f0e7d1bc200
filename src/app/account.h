/* account: users of the server, their sessions, and login throttling
 * (contract §5).
 *
 * A user has a login, a role and a scope: the organization whose subtree
 * (as of today) is everything the user may read or change. Roles:
 *   admin      everything in the scope, including users and the audit log;
 *   staff      organization staff: reads, and changes organizations,
 *              members and imports;
 *   secretary  cell secretary: reads, adds members and records members'
 *              events (no change to the tree, no import);
 *   viewer     reads only.
 * Passwords are stored as libsodium crypto_pwhash_str strings (argon2id,
 * interactive limits); the password itself is never stored or logged.
 *
 * A session is a random 32-byte token given to the browser as a cookie
 * (64 hex digits); the database keeps only its BLAKE2b hash
 * (crypto_generichash), the user, a CSRF token, the expiry (12 hours after
 * login) and when it was last seen (it ends after 2 hours unused).
 *
 * Throttling: after ACCOUNT_LOGIN_FAILURES failed logins for one login
 * within ACCOUNT_WINDOW seconds, that login is refused for ACCOUNT_LOCK
 * seconds from the last failure, even with the right password; the same
 * after ACCOUNT_CLIENT_FAILURES failures from one client address (any
 * login). Refused attempts are not counted, so the lock ends on time.
 *
 * Times are Unix seconds passed by the caller ("now"), so that tests can
 * move the clock. Every change (user added, disabled, password changed,
 * session opened or closed) is written with its audit record. */
#ifndef DANGBO_APP_ACCOUNT_H
#define DANGBO_APP_ACCOUNT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/diag.h"
#include "core/err.h"
#include "store/store.h"

enum role { ROLE_ADMIN, ROLE_STAFF, ROLE_SECRETARY, ROLE_VIEWER, ROLE__MAX };

/* "admin", "staff", "secretary", "viewer"; "" out of range. */
const char *role_name(enum role r);
/* Vietnamese: "Quản trị", "Cán bộ tổ chức", "Bí thư chi bộ", "Xem". */
const char *role_label(enum role r);
bool role_parse(const char *s, enum role *out);

#define ACCOUNT_PASSWORD_MIN 8     /* bytes */
#define ACCOUNT_PASSWORD_MAX 1024  /* bytes */
#define ACCOUNT_LOGIN_MAX 64       /* bytes */
#define ACCOUNT_WINDOW (15 * 60)   /* seconds in which failures are counted */
#define ACCOUNT_LOCK (15 * 60)     /* seconds a throttled login is refused */
#define ACCOUNT_LOGIN_FAILURES 5   /* failures of one login that lock it */
#define ACCOUNT_CLIENT_FAILURES 20 /* failures from one address that lock it */
#define SESSION_TTL (12 * 3600)    /* a session ends this long after login */
#define SESSION_IDLE (2 * 3600)    /* ... or this long after its last use */
#define SESSION_TOKEN_HEX 65       /* 64 hex digits and a NUL */

struct account {
	int64_t id;
	char *login;
	enum role role;
	int64_t org_id;  /* the scope: organization row id */
	char *org;       /* the scope: organization code */
	char *created_at;
	bool disabled;
};

void account_release(struct account *a);
void accounts_free(struct account *v, size_t n);

/* Adds a user with role and scope org_code. Problems go to dl with the
 * field as column: a login that is not 1-64 letters, digits, '.', '_' or
 * '-' (ERR_INPUT), an unknown organization (ERR_NOTFOUND), a password of
 * fewer than ACCOUNT_PASSWORD_MIN or more than ACCOUNT_PASSWORD_MAX bytes
 * or not UTF-8 (ERR_INPUT), a login already taken (ERR_CONFLICT).
 * ERR_STORE on a database failure. Audited as "user.add". */
enum err account_add(struct store *st, const char *login, enum role role, const char *org_code,
		     const char *password, struct diag_list *dl);
/* Reads one user; ERR_NOTFOUND if there is none. Release with account_release. */
enum err account_get(struct store *st, const char *login, struct account *out);
/* Every user in login order; free with accounts_free. */
enum err account_list(struct store *st, struct account **out, size_t *n);
/* Disables (or enables again) a user; disabling ends their sessions.
 * ERR_NOTFOUND if there is no such user. Audited as "user.disable" or
 * "user.enable". */
enum err account_set_disabled(struct store *st, const char *login, bool disabled);
/* Sets a new password (checked as in account_add, problems to dl) and ends
 * the user's sessions. Audited as "user.password" (without the password). */
enum err account_set_password(struct store *st, const char *login, const char *password, struct diag_list *dl);
/* Is password the user's password? (constant time; false for a disabled user) */
bool account_check_password(struct store *st, const char *login, const char *password);

/* A logged-in user, as a session lookup found them. */
struct session {
	struct account user;
	char csrf[SESSION_TOKEN_HEX];       /* the CSRF token of the session */
	char token_hash[SESSION_TOKEN_HEX]; /* how the database names the session */
	int64_t expires_at;
	int64_t last_seen;                  /* when it was last marked used */
};

void session_release(struct session *s);

enum login_outcome {
	LOGIN_OK,        /* a session was opened: token, session */
	LOGIN_BAD,       /* unknown login, wrong password or disabled user */
	LOGIN_THROTTLED, /* too many failures: retry_after */
};

struct login_result {
	enum login_outcome outcome;
	int64_t retry_after;             /* seconds until the lock ends (LOGIN_THROTTLED) */
	char token[SESSION_TOKEN_HEX];   /* the cookie value (LOGIN_OK) */
	struct session session;          /* LOGIN_OK; release with session_release */
};

/* Checks login and password for a client address at time now, applying
 * the throttling rules above; a failure is recorded, a success clears the
 * login's failures and opens a session (audited as "session.open").
 * Returns ERR_OK (look at res->outcome) or ERR_STORE. Takes about a tenth
 * of a second (argon2id) whatever the outcome, also for unknown logins. */
enum err account_login(struct store *st, const char *login, const char *password, const char *client,
		       int64_t now, struct login_result *res);
/* Finds the session of a cookie value at time now. ERR_OK with *s filled,
 * ERR_AUTH if the token is malformed, unknown, expired, idle too long, or
 * its user is disabled; ERR_STORE. Writes nothing: see session_touch. */
enum err session_find(struct store *st, const char *token, int64_t now, struct session *s);
/* Does the session need marking used (last seen a minute ago or more)? */
bool session_stale(const struct session *s, int64_t now);
/* Marks the session used at now (one small write; the caller may skip it
 * while the database is busy with a long write: the session then lives on
 * its previous mark). */
enum err session_touch(struct store *st, struct session *s, int64_t now);
/* Ends the session of a cookie value (audited as "session.close" with the
 * login). ERR_OK also when it had ended already. */
enum err session_end(struct store *st, const char *token, const char *login);
/* Removes expired sessions and failures older than the throttling needs. */
enum err account_purge(struct store *st, int64_t now);

#endif
