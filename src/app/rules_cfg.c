/* rules_cfg: settings of the configurable rules in table rule_setting. */
#include "app/rules_cfg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/audit.h"

enum err rules_load(struct store *st, struct rule_settings *out)
{
	memset(out, 0, sizeof(*out));
	struct store_stmt *q = store_stmt(st, STMT_RULE_SETTING_ALL);
	bool row;
	enum err e;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		enum rule_id id;
		const char *key = stmt_col_text(q, 0);
		if (key && rule_find(key, &id) && rule_info(id)->configurable) {
			out->set[id] = true;
			out->value[id] = (int)stmt_col_int(q, 1);
		}
	}
	return e;
}

/* The stored value of key as JSON text for the audit log, or NULL. */
static char *stored(struct store *st, const char *key, enum err *e)
{
	struct rule_settings rs;
	enum rule_id id;
	if ((*e = rules_load(st, &rs)) || !rule_find(key, &id) || !rs.set[id])
		return NULL;
	char buf[64];
	snprintf(buf, sizeof(buf), "{\"value\":%d}", rs.value[id]);
	return strdup(buf);
}

enum err rules_set(struct store *st, const char *key, const char *value, struct diag_list *dl)
{
	enum rule_id id;
	if (!rule_find(key, &id)) {
		diag_add(dl, NULL, 0, "key", "no rule '%s' (dangbo rules lists them)", key);
		return ERR_NOTFOUND;
	}
	char *end;
	long v = strtol(value, &end, 10);
	char why[200];
	if (end == value || *end) {
		diag_add(dl, NULL, 0, "value", "'%s' is not a whole number", value);
		return ERR_INPUT;
	}
	if (!rule_setting_valid(id, v, why, sizeof(why))) {
		diag_add(dl, NULL, 0, "key", "%s", why);
		return ERR_REFUSED;
	}
	enum err e = store_begin(st);
	if (e)
		return e;
	char *before = stored(st, key, &e);
	if (!e) {
		struct store_stmt *q = store_stmt(st, STMT_RULE_SETTING_SET);
		stmt_bind_text(q, 1, key);
		stmt_bind_int(q, 2, v);
		e = stmt_exec(q);
	}
	if (!e) {
		char after[64];
		snprintf(after, sizeof(after), "{\"value\":%ld}", v);
		e = audit_record(st, "rule.set", "rule", key, before, after);
	}
	free(before);
	if (e) {
		store_rollback(st);
		return e;
	}
	return store_commit(st);
}

enum err rules_unset(struct store *st, const char *key, struct diag_list *dl)
{
	enum rule_id id;
	if (!rule_find(key, &id)) {
		diag_add(dl, NULL, 0, "key", "no rule '%s' (dangbo rules lists them)", key);
		return ERR_NOTFOUND;
	}
	enum err e = store_begin(st);
	if (e)
		return e;
	char *before = stored(st, key, &e);
	if (!e && !before) {
		diag_add(dl, NULL, 0, "key", "%s is not set", key);
		e = ERR_NOTFOUND;
	}
	if (!e) {
		struct store_stmt *q = store_stmt(st, STMT_RULE_SETTING_DELETE);
		stmt_bind_text(q, 1, key);
		e = stmt_exec(q);
	}
	if (!e)
		e = audit_record(st, "rule.unset", "rule", key, before, NULL);
	free(before);
	if (e) {
		store_rollback(st);
		return e;
	}
	return store_commit(st);
}
