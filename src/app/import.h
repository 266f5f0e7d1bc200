/* import: the interchange CSV files into the registry (contract §2).
 *
 * Every row of every file is validated and every problem reported as
 * FILE:LINE:COLUMN; if there is any problem, nothing is written (one
 * transaction, rolled back). Vietnamese header aliases are accepted
 * (docs/import.md lists them). Importing a file again updates what it
 * names: organizations and members by code and member_id; events.csv and
 * org_events.csv replace the events of the members and organizations they
 * name. */
#ifndef DANGBO_APP_IMPORT_H
#define DANGBO_APP_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/diag.h"
#include "core/err.h"
#include "store/store.h"

enum import_kind { IMPORT_ORGS, IMPORT_ORG_EVENTS, IMPORT_MEMBERS, IMPORT_EVENTS, IMPORT__MAX };

const char *import_kind_name(enum import_kind k);
bool import_kind_parse(const char *s, enum import_kind *out);

struct import_opts {
	bool dry_run;        /* validate only */
	bool ignore_unknown; /* unknown columns are ignored instead of rejected */
	/* progress: phase (e.g. "members.csv"), bytes done and total (0 = unknown) */
	void (*progress)(void *arg, const char *phase, uint64_t done, uint64_t total);
	void *progress_arg;
	/* phase timings (dangbo import --timings): called after each phase
	 * ("orgs", "events", "members", "indexes and commit", ...) with its
	 * wall-clock seconds; NULL = not wanted */
	void (*phase)(void *arg, const char *phase, double seconds);
	/* Files already in memory (the server's uploads): when data[k] is not
	 * NULL, file k is read from data[k]/size[k] and paths[k] only names it
	 * in messages and in the audit record. */
	const char *data[IMPORT__MAX];
	size_t size[IMPORT__MAX];
};

struct import_stats {
	uint64_t rows[IMPORT__MAX];
};

/* Imports the files given (paths[k] NULL = none of that kind) in the
 * order orgs, org_events, members, events, in one transaction, recorded
 * in the audit log as one record with each file's name, rows and SHA-256
 * (app/audit.h). Unless it is a dry run, standard input ("-") is read whole
 * first so that it can be hashed. Returns
 * ERR_OK, ERR_INPUT (problems in dl, nothing written), or ERR_STORE/ERR_IO. */
enum err import_files(struct store *st, const char *const paths[IMPORT__MAX], const struct import_opts *o,
		      struct import_stats *stats, struct diag_list *dl);

/* One header alias: the folded, underscore-joined spelling -> column. */
struct import_alias {
	const char *alias;
	const char *column;
};
/* The columns of kind k (NULL-terminated) and its alias table. */
const char *const *import_columns(enum import_kind k);
const struct import_alias *import_aliases(enum import_kind k);

#endif
