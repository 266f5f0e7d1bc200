/* scope: a user's part of the organization tree (contract §5: "every read
 * and write is limited to the user's own part of the organization tree").
 *
 * A scope is an organization; what it covers is its subtree as of a day
 * (the server uses today). An organization that has ended is judged by
 * where it was: one merged into another by where it went, one dissolved by
 * its place on its last day, one not yet founded by its place on its first
 * day. Members are judged by their current organization (members.csv
 * org_code), so that a person who has left stays with the organization
 * that kept their record.
 *
 * Also here: the check that an import touches nothing outside a scope,
 * made before the import runs, with every problem located FILE:LINE:COLUMN
 * like the importer's own. */
#ifndef DANGBO_APP_SCOPE_H
#define DANGBO_APP_SCOPE_H

#include <stdbool.h>

#include "app/import.h"
#include "app/registry.h"
#include "core/date.h"
#include "core/diag.h"
#include "domain/tree.h"

/* Is org within scope's subtree on day d (see above)? False for TREE_NONE. */
bool scope_contains(const struct tree *t, int scope, int org, date_t d);
/* Is scope the root of the whole tree on day d (nothing is outside it)? */
bool scope_is_everything(const struct tree *t, int scope, date_t d);

/* Checks that the import files (as import_files takes them, o->data for
 * those in memory) name only organizations within scope on day d and only
 * members whose current organization is within it: orgs.csv code and
 * parent_code; org_events.csv code, from_code and to_code; members.csv
 * org_code and, for a member already stored, where they are; events.csv
 * member_id, org_code and to_org_code. A code that does not exist yet is
 * judged by its parent (orgs.csv) or left to the importer. Problems go to
 * dl ("outside your part of the organization tree"). Returns ERR_OK,
 * ERR_PERM (problems in dl) or ERR_STORE. Files the CSV reader cannot read
 * are left to the importer. */
enum err scope_check_import(struct registry *r, int scope, date_t d, const char *const paths[IMPORT__MAX],
			    const struct import_opts *o, struct diag_list *dl);

#endif
