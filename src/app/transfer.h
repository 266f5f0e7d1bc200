/* transfer: transfers of party activity (chuyển sinh hoạt đảng; QĐ 294-QĐ/TW
 * §6.3, HD 06-HD/TW §10, HD 38-HD/BTCTW §II.4; rules.md §4.5).
 *
 * Official transfers
 *   - inside the database: transfer_start records the introduction (the
 *     member stays counted where they are); transfer_arrive confirms that
 *     the receiving chi bộ took the member in and records the move event
 *     that day. Until then the transfer is "announced, not arrived": the
 *     due list flags it after 30 working days and after 3 months
 *     (configurable, local practice);
 *   - out of the database: transfer_out records the transfer_out event and
 *     writes the transfer record (io/transfer_record.h) for the receiving
 *     database;
 *   - into the database: transfer_in reads a record and keeps it as an
 *     incoming transfer; transfer_arrive (or transfer_in with an arrival
 *     date) creates the member with a transfer_in event, or takes back a
 *     member who had transferred out.
 * Temporary transfers (3 months to under a year; study: to 2 years):
 * transfer_temp records temp_out (the member stays counted at home, QĐ
 * 294-QĐ/TW §6.3.2), transfer_back records temp_back.
 * Every transfer is kept in table transfer (the register of transfers),
 * every write audited. */
#ifndef DANGBO_APP_TRANSFER_H
#define DANGBO_APP_TRANSFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/lifecycle.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/diag.h"
#include "core/err.h"
#include "store/store.h"

struct transfer_in {
	const char *member_id;
	date_t date;          /* introduction (official); first day away (temporary) */
	const char *to;       /* an organization of this database */
	const char *to_unit;  /* the receiving side outside the database, as text */
	date_t decision_date; /* official: the decision or move that causes it (optional) */
	date_t until;         /* temporary: the planned end */
	bool study;           /* temporary, for full-time study */
	const char *ref;
};

enum err transfer_start(struct store *st, const struct transfer_in *in, struct lc_outcome *out, struct diag_list *dl);
/* Confirms the arrival of a pending internal or incoming transfer of
 * member_id on day date. */
enum err transfer_arrive(struct store *st, const char *member_id, date_t date, struct lc_outcome *out,
			 struct diag_list *dl);
/* Transfers member_id out of the database and writes the transfer record
 * to the file path ("-": standard output) before the transaction commits:
 * if the file cannot be written nothing changes (ERR_IO), and if the
 * commit fails the file is removed. */
enum err transfer_out(struct store *st, const struct transfer_in *in, const char *path, struct lc_outcome *out,
		      struct diag_list *dl);
/* Takes in the transfer record text[0..n) (file names it in messages) for
 * organization org; arrive DATE_NONE keeps it pending, a date takes the
 * member in that day. */
enum err transfer_accept(struct store *st, const char *text, size_t n, const char *file, const char *org,
			 date_t arrive, struct lc_outcome *out, struct diag_list *dl);
enum err transfer_temp(struct store *st, const struct transfer_in *in, struct lc_outcome *out, struct diag_list *dl);
enum err transfer_back(struct store *st, const char *member_id, date_t date, struct lc_outcome *out,
		       struct diag_list *dl);

/* One row of the register. */
struct transfer_row {
	int64_t id;
	char *member_id, *kind, *direction, *from_code, *to_code, *unit, *ref;
	date_t decision, introduced, arrived, until;
};
/* The transfers touching org's subtree (from or to; NULL: all), open ones
 * only unless all. */
enum err transfer_list(struct store *st, const char *org, bool all, struct transfer_row **out, size_t *n,
		       struct diag_list *dl);
void transfer_rows_free(struct transfer_row *v, size_t n);

#endif
