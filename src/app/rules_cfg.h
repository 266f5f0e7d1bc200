/* rules_cfg: the settings of the configurable lifecycle rules (domain/
 * rulebook.h), kept in the store (table rule_setting) so that every
 * command and the server apply the same ones. Only rules the rule book
 * marks configurable may be set; every change is audited ("rule.set",
 * "rule.unset", entity "rule" + key). */
#ifndef DANGBO_APP_RULES_CFG_H
#define DANGBO_APP_RULES_CFG_H

#include "core/diag.h"
#include "core/err.h"
#include "domain/rulebook.h"
#include "store/store.h"

/* Reads the settings into out (cleared first). Unknown keys in the store
 * are ignored. Returns ERR_OK or ERR_STORE. */
enum err rules_load(struct store *st, struct rule_settings *out);
/* Sets key to value (a decimal integer). Refused (ERR_REFUSED, with the
 * reason in dl) for an unknown key, a rule that is not configurable or a
 * value out of its range. */
enum err rules_set(struct store *st, const char *key, const char *value, struct diag_list *dl);
/* Back to the rule book's value. ERR_NOTFOUND if it was not set. */
enum err rules_unset(struct store *st, const char *key, struct diag_list *dl);

#endif
