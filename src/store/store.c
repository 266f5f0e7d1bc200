/* store: backend-independent entry points; each dispatches to the backend. */
#include "store/store_impl.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/xalloc.h"

struct store_stmt_head {
	struct store *st;
};

static const char *const stmt_names[STMT__MAX] = {
#define N(x) [x] = #x
	N(STMT_META_GET), N(STMT_META_SET), N(STMT_ORG_INSERT), N(STMT_ORG_UPDATE), N(STMT_ORG_ALL),
	N(STMT_ORG_EVENT_INSERT), N(STMT_ORG_EVENT_DELETE_ORG), N(STMT_ORG_EVENT_ALL),
	N(STMT_ORG_SPAN_CLEAR), N(STMT_ORG_SPAN_INSERT), N(STMT_MEMBER_INSERT), N(STMT_MEMBER_UPDATE),
	N(STMT_MEMBER_ROWID), N(STMT_MEMBER_GET), N(STMT_MEMBER_ALL), N(STMT_MEMBER_FACTS_ALL),
	N(STMT_MEMBER_FIND_NAME), N(STMT_MEMBER_FIND_GIVEN), N(STMT_MEMBER_COUNT), N(STMT_EVENT_INSERT),
	N(STMT_EVENT_DELETE_MEMBER), N(STMT_EVENT_OF_MEMBER), N(STMT_EVENT_ALL),
	N(STMT_EVENT_ALL_BY_ROW), N(STMT_EVENT_COUNT), N(STMT_ORG_EVENT_CLEAR), N(STMT_MSPAN_DELETE_MEMBER), N(STMT_MSPAN_INSERT), N(STMT_MSPAN_OF_MEMBER), N(STMT_MSPAN_AT),
	N(STMT_META_BUMP), N(STMT_SNAPSHOT_MEMBERS), N(STMT_TARGET_SET), N(STMT_TARGET_ALL),
	N(STMT_ORG_ID_BY_CODE),
	N(STMT_USER_INSERT), N(STMT_USER_BY_LOGIN), N(STMT_USER_ALL), N(STMT_USER_SET_DISABLED),
	N(STMT_USER_SET_PASSWORD), N(STMT_USER_COUNT), N(STMT_SESSION_INSERT), N(STMT_SESSION_GET),
	N(STMT_SESSION_TOUCH), N(STMT_SESSION_DELETE), N(STMT_SESSION_DELETE_USER), N(STMT_SESSION_PURGE),
	N(STMT_LOGIN_FAIL_INSERT), N(STMT_LOGIN_FAIL_OF_LOGIN), N(STMT_LOGIN_FAIL_OF_CLIENT),
	N(STMT_LOGIN_FAIL_CLEAR), N(STMT_LOGIN_FAIL_PURGE), N(STMT_AUDIT_HEAD), N(STMT_AUDIT_INSERT),
	N(STMT_AUDIT_FROM), N(STMT_AUDIT_PAGE), N(STMT_AUDIT_OF_ENTITY), N(STMT_MEMBER_OF_ORG),
	N(STMT_MEMBER_SEARCH_NAME), N(STMT_MEMBER_SEARCH_GIVEN),
	N(STMT_RULE_SETTING_ALL), N(STMT_RULE_SETTING_SET), N(STMT_RULE_SETTING_DELETE), N(STMT_APPLICANT_INSERT), N(STMT_APPLICANT_GET), N(STMT_APPLICANT_ALL),
	N(STMT_APPLICANT_SET_MEMBER), N(STMT_APPLICANT_STEP_INSERT), N(STMT_APPLICANT_STEPS), N(STMT_APPLICANT_STEPS_IN), N(STMT_APPLICANT_LISTED_IN),
	N(STMT_MEMBER_FACT_INSERT), N(STMT_MEMBER_FACT_OF), N(STMT_TRANSFER_INSERT), N(STMT_TRANSFER_OPEN_OF), N(STMT_TRANSFER_CLOSE),
	N(STMT_TRANSFER_LIST), N(STMT_BADGE_INSERT), N(STMT_BADGE_OF_MEMBER), N(STMT_BADGE_MAX_SERIAL), N(STMT_BADGE_SERIAL_TAKEN),
	N(STMT_CV_RANGE_INSERT), N(STMT_CV_RANGE_ALL), N(STMT_CV_MAX_IN), N(STMT_MEMBERS_OF_ORG_AT), N(STMT_LC_EVENTS_IN),
	N(STMT_CONGRESS_INSERT), N(STMT_CONGRESS_UPDATE), N(STMT_CONGRESS_GET), N(STMT_CONGRESS_SET_HELD), N(STMT_CONGRESS_OF_TERM),
	N(STMT_CONGRESS_ROSTER_CLEAR), N(STMT_CONGRESS_ROSTER_INSERT), N(STMT_CONGRESS_ROSTER_OF), N(STMT_CONGRESS_ELECTED_CLEAR),
	N(STMT_CONGRESS_ELECTED_INSERT), N(STMT_CONGRESS_ELECTED_OF_TERM),
	N(STMT_CONGRESS_DELEGATES_OF_TERM), N(STMT_CONGRESS_COMMITTEE_BEFORE),
	N(STMT_RATING_DELETE), N(STMT_RATING_INSERT), N(STMT_RATING_OF_PERIOD), N(STMT_RATING_ALL), N(STMT_RATING_DISCIPLINED_LEADER),
	N(STMT_SCREENING_DELETE), N(STMT_SCREENING_INSERT), N(STMT_SCREENING_ALL), N(STMT_RESIDENCE_DELETE),
	N(STMT_RESIDENCE_INSERT), N(STMT_RESIDENCE_ALL), N(STMT_DEGRADATION_DELETE), N(STMT_DEGRADATION_INSERT),
	N(STMT_DEGRADATION_ALL),
	N(STMT_POST_INSERT), N(STMT_POST_UPDATE), N(STMT_POST_OF_ORG), N(STMT_POST_ALL), N(STMT_POST_AT),
#undef N
};

const char *stmt_name(enum stmt s)
{
	return (unsigned)s < STMT__MAX && stmt_names[s] ? stmt_names[s] : "?";
}

void store_set_error(struct store *st, const char *fmt, ...)
{
	struct buf b;
	buf_init(&b, 0);
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	free(st->errmsg);
	st->errmsg = buf_detach(&b, NULL);
}

enum err store_open(const char *uri, enum store_open_mode mode, struct store **out, char **errmsg)
{
	*out = NULL;
	if (strncmp(uri, "postgresql://", 13) == 0 || strncmp(uri, "postgres://", 11) == 0) {
		if (mode == STORE_READONLY) {
			if (errmsg)
				*errmsg = xasprintf("%s: a read-only open is for SQLite files only", uri);
			return ERR_USAGE;
		}
		return pg_store_open(uri, mode, out, errmsg);
	}
	return sqlite_store_open(uri, mode, out, errmsg);
}

void store_close(struct store *st)
{
	if (!st)
		return;
	char *msg = st->errmsg;
	free(st->actor);
	st->ops->close(st);
	free(msg);
}

const char *store_errmsg(const struct store *st)
{
	return st->errmsg ? st->errmsg : "";
}

const char *store_backend(const struct store *st)
{
	return st->ops->name;
}

int store_schema_version(struct store *st)
{
	return st->schema_version;
}

enum err store_begin(struct store *st)
{
	if (st->tx_depth++)
		return ERR_OK;
	/* SQLite: take the write lock now (waiting up to the busy timeout),
	 * so that a transaction that reads and then writes cannot fail
	 * half-way because another connection wrote in between. */
	enum err e = st->ops->exec_script(st, strcmp(st->ops->name, "sqlite") == 0 ? "BEGIN IMMEDIATE" : "BEGIN");
	if (e)
		st->tx_depth = 0; /* not in a transaction: the next begin tries again */
	return e;
}

enum err store_commit(struct store *st)
{
	if (st->tx_depth == 0 || --st->tx_depth)
		return ERR_OK;
	return st->ops->exec_script(st, "COMMIT");
}

void store_rollback(struct store *st)
{
	if (st->tx_depth == 0)
		return;
	st->tx_depth = 0;
	st->ops->exec_script(st, "ROLLBACK");
}

enum err store_bulk_begin(struct store *st)
{
	if (st->tx_depth)
		return store_begin(st); /* inside a transaction: a plain one */
	enum err e = st->ops->bulk(st, BULK_SETTINGS_ON);
	if (!e)
		e = store_begin(st);
	if (!e)
		e = st->ops->bulk(st, BULK_INDEXES_OFF);
	if (e) {
		store_rollback(st);
		st->ops->bulk(st, BULK_SETTINGS_OFF);
	}
	return e;
}

enum err store_bulk_indexes(struct store *st)
{
	return st->ops->bulk(st, BULK_INDEXES_ON);
}

enum err store_bulk_commit(struct store *st)
{
	enum err e = st->ops->bulk(st, BULK_INDEXES_ON);
	if (!e)
		e = store_commit(st);
	else
		store_rollback(st);
	if (st->tx_depth == 0)
		st->ops->bulk(st, BULK_SETTINGS_OFF);
	return e;
}

void store_bulk_rollback(struct store *st)
{
	store_rollback(st);
	st->ops->bulk(st, BULK_SETTINGS_OFF);
}

/* Every backend statement struct begins with a pointer to its store. */
#define ST(s) (((struct store_stmt_head *)(void *)(s))->st)

struct store_stmt *store_stmt(struct store *st, enum stmt id)
{
	return st->ops->stmt(st, id);
}

void stmt_bind_text(struct store_stmt *s, int i, const char *v)
{
	ST(s)->ops->bind_text(s, i, v);
}

void stmt_bind_text_static(struct store_stmt *s, int i, const char *v)
{
	const struct store_ops *ops = ST(s)->ops;
	(ops->bind_text_static ? ops->bind_text_static : ops->bind_text)(s, i, v);
}

void stmt_bind_int(struct store_stmt *s, int i, int64_t v)
{
	ST(s)->ops->bind_int(s, i, v);
}

void stmt_bind_null(struct store_stmt *s, int i)
{
	ST(s)->ops->bind_null(s, i);
}

enum err stmt_step(struct store_stmt *s, bool *row)
{
	return ST(s)->ops->step(s, row);
}

enum err stmt_exec(struct store_stmt *s)
{
	bool row;
	enum err e;
	do
		e = stmt_step(s, &row);
	while (e == ERR_OK && row);
	return e;
}

const char *stmt_col_text(struct store_stmt *s, int i)
{
	return ST(s)->ops->col_text(s, i);
}

int64_t stmt_col_int(struct store_stmt *s, int i)
{
	return ST(s)->ops->col_int(s, i);
}

bool stmt_col_null(struct store_stmt *s, int i)
{
	return ST(s)->ops->col_null(s, i);
}

/* PostgreSQL has its own tools for this (docs/backup.md). */
static enum err no_backup(struct store *st)
{
	store_set_error(st, "backup and restore of a PostgreSQL database are done with PostgreSQL's own tools: "
			    "pg_dump -Fc -f dangbo.dump URI, and "
			    "pg_restore --clean --if-exists --no-owner -d URI dangbo.dump (docs/backup.md)");
	return ERR_REFUSED;
}

enum err store_backup(struct store *st, const char *dest)
{
	return st->ops->backup ? st->ops->backup(st, dest) : no_backup(st);
}

enum err store_restore(struct store *st, const char *src)
{
	return st->ops->restore ? st->ops->restore(st, src) : no_backup(st);
}

enum err store_check(struct store *st)
{
	return st->ops->check ? st->ops->check(st) : ERR_OK;
}

int64_t store_changes(struct store *st)
{
	return st->ops->changes(st);
}

int64_t store_last_id(struct store *st)
{
	return st->ops->last_id(st);
}

void store_set_actor(struct store *st, const char *actor)
{
	free(st->actor);
	st->actor = actor ? xstrdup(actor) : NULL;
}

const char *store_actor(const struct store *st)
{
	return st->actor ? st->actor : "unknown";
}

bool store_has_rows(struct store *st, enum stmt id)
{
	bool row = false;
	bool yes = stmt_step(store_stmt(st, id), &row) == ERR_OK && row;
	store_stmt(st, id); /* reset */
	return yes;
}
