/* lifecycle_cli: what the lifecycle commands share (cmd_applicant.c,
 * cmd_probation.c, cmd_transfer.c, cmd_exempt.c, cmd_exit.c,
 * cmd_discipline.c, cmd_badge.c, cmd_card.c, cmd_due.c, cmd_rules.c):
 * reporting the outcome of a use case the same way. */
#ifndef DANGBO_CLI_LIFECYCLE_CLI_H
#define DANGBO_CLI_LIFECYCLE_CLI_H

#include "core/diag.h"
#include "core/err.h"

struct store;

/* Prints the result of a write: on success "dangbo: <done>" and each line
 * of note as "dangbo: note: ..."; on failure the problems in dl (or the
 * store's message) and "dangbo: nothing changed". Frees dl, closes st (may
 * be NULL). Returns the exit status of e. */
int lcli_finish(struct store *st, enum err e, struct diag_list *dl, const char *done, const char *note);
/* The same for a read: problems only. */
int lcli_fail(struct store *st, enum err e, struct diag_list *dl);

#endif
