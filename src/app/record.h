/* record: members and organizations as JSON objects (jansson), the one
 * shape both the HTTP API and the audit log use, so that an audit record's
 * "before" and "after" can be compared field by field with what the API
 * returned to a client.
 *
 * Dates are "YYYY-MM-DD" strings or null; organizations are named by code.
 * Every function returns a new reference the caller releases with
 * json_decref(); none fails (allocation failure aborts inside jansson's
 * allocator only as far as jansson does: a NULL from jansson is a bug). */
#ifndef DANGBO_APP_RECORD_H
#define DANGBO_APP_RECORD_H

#include <jansson.h>
#include <stddef.h>

#include "app/registry.h"
#include "core/date.h"
#include "domain/tree.h"

/* A date as a JSON string, or null for DATE_NONE and the open ends. */
json_t *record_date(date_t d);
/* The stored facts of a member (the columns of members.csv, org as its code,
 * and "version"); with ev != NULL also "events", the member's events in
 * date order. Borrows everything. */
json_t *record_member(const struct registry *r, const struct member_rec *m, const struct event_rec *ev,
		      size_t nev);
/* One event of a member: date, type, type_label, org, to_org, detail. */
json_t *record_event(const struct tree *t, const struct event_rec *e);
/* An organization as stored: code, name, kind, category, unit_code,
 * founded_on, dissolved_on, parent (orgs.csv's parent_code) and its events
 * (org_events.csv rows). For the audit log: what a change did to it. */
json_t *record_org(const struct tree *t, int org);
/* An organization as it stood on day d, for reading: code, name and parent
 * that day, kind and its Vietnamese label, category, unit_code, founded_on,
 * dissolved_on, merged_into. */
json_t *record_org_at(const struct tree *t, int org, date_t d);
/* A short reference {code, name} of an organization on day d, or null. */
json_t *record_org_ref(const struct tree *t, int org, date_t d);

/* json_dumps(j) in the compact form the audit log stores; steals j (may be
 * NULL: returns NULL). The caller frees the text. */
char *record_text(json_t *j);

#endif
