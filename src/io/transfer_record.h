/* transfer_record: the file a database writes when a member transfers out
 * of it and another database reads to take the member in (the "phiếu báo"
 * of an official transfer, rules.md §4.5), as JSON (docs/lifecycle.md
 * describes it):
 *
 *   {"format": "dangbo-transfer", "version": 1, "kind": "official",
 *    "member": {"member_id", "full_name", "gender", "birth_date",
 *               "ethnicity", "religion", "card_number", "decision_date",
 *               "ceremony_date", "official_date", "education",
 *               "profession_level", "theory_level", "occupation", "hometown"},
 *    "party_age_gap_days": 0,
 *    "from": {"org_code", "org_name", "province"},
 *    "to_unit": "...", "decision_date": null, "introduced_on": "YYYY-MM-DD",
 *    "ref": "...",
 *    "badges": [{"years": 30, "date": "YYYY-MM-DD", "number": "..."}],
 *    "discipline": [{"date": "YYYY-MM-DD", "form": "reprimand"}]}
 *
 * Dates are "YYYY-MM-DD" or null; unknown keys are an error (a newer
 * version of the format must say so in "version"). Pure conversion between
 * the struct and the text: no store. */
#ifndef DANGBO_IO_TRANSFER_RECORD_H
#define DANGBO_IO_TRANSFER_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/diag.h"
#include "core/err.h"

#define TRANSFER_RECORD_VERSION 1

struct transfer_badge {
	int years;
	date_t date;
	char *number; /* may be NULL */
};

struct transfer_discipline {
	date_t date;
	char *form;   /* reprimand, warning, dismissal */
};

struct transfer_record {
	char *kind;   /* "official" */
	char *member_id, *full_name, *gender, *ethnicity, *religion, *card_number;
	date_t birth_date, decision_date, ceremony_date, official_date;
	char *education, *profession_level, *theory_level, *occupation, *hometown;
	int64_t gap_days;          /* days outside the Party so far (QĐ 294-QĐ/TW §4.4) */
	char *from_org, *from_org_name, *from_province;
	char *to_unit;
	date_t decision, introduced;
	char *ref;
	struct transfer_badge *badges;
	size_t nbadges;
	struct transfer_discipline *discipline;
	size_t ndiscipline;
};

/* Writes r as JSON text (pretty, keys in the order above) into out. */
void transfer_record_write(const struct transfer_record *r, struct buf *out);
/* Reads a record from n bytes of text. Every problem goes to dl as
 * "file: key: message" (file names the source); on any problem the result
 * is ERR_INPUT and out is freed. Strings in out are owned by it. */
enum err transfer_record_read(const char *text, size_t n, const char *file, struct transfer_record *out,
			      struct diag_list *dl);
void transfer_record_free(struct transfer_record *r);

#endif
