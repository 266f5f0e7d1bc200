/* election_json: the election file of the contract (§4) in and out.
 *
 * The reader turns the JSON input of `dangbo election count` into a struct
 * election_round (domain/election.h) plus the optional fields the counting
 * minutes print. It is strict: an unknown key, a value of the wrong type, a
 * count out of range, a name not on the candidate list — each is reported
 * with its JSON path ("ballots[3].kept[1]") and nothing is counted. Limits:
 * 256 MiB of input, ELECTION_MAX_CANDIDATES candidates, ELECTION_MAX_BALLOTS
 * ballots.
 *
 * The writers render a counted result: as the contract's JSON (keys as in
 * docs/elections.md), or as a plain-text table in Vietnamese for people. */
#ifndef DANGBO_IO_ELECTION_JSON_H
#define DANGBO_IO_ELECTION_JSON_H

#include <stddef.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/diag.h"
#include "core/err.h"
#include "domain/election.h"

/* Most bytes of JSON the reader accepts. */
#define ELECTION_JSON_MAX (256u * 1024 * 1024)

struct election_signer {
	char *name;
	char *role; /* "Trưởng ban", "Ủy viên", ... */
};

/* One election file: the round, the counting rules, and what the minutes
 * print about the congress (every string may be NULL when not given). */
struct election_doc {
	struct election_round round;
	struct election_rules rules;
	char *organization;       /* "Chi bộ Khu 3" */
	char *upper_organization; /* "Đảng bộ phường Hồng Hải" */
	char *congress_title;     /* "Đại hội Chi bộ Khu 3 lần thứ XV, nhiệm kỳ 2025–2030" */
	char *place;              /* "Hạ Long" */
	date_t date;              /* DATE_NONE when not given */
	struct election_signer *board; /* counting_board, in the order given */
	size_t n_board;
};

void election_doc_init(struct election_doc *d);
void election_doc_free(struct election_doc *d);

/* Parses data[0..len) into *d (initialised by the caller). file names the
 * input in diagnostics. Returns ERR_OK, or ERR_INPUT with every problem in
 * dl (*d then holds what was read and must still be freed). */
enum err election_json_parse(const char *data, size_t len, const char *file, struct election_doc *d,
			     struct diag_list *dl);
/* Reads and parses the file at path ("-": standard input). ERR_INPUT when it
 * cannot be read (the reason is in dl), ERR_TOOBIG over ELECTION_JSON_MAX. */
enum err election_json_read_file(const char *path, struct election_doc *d, struct diag_list *dl);

/* Appends the result as JSON (two-space indented, a final newline). */
void election_json_write(const struct election_doc *d, const struct election_result *res, struct buf *out);
/* Appends the result as an aligned text report in Vietnamese. */
void election_text_write(const struct election_doc *d, const struct election_result *res, struct buf *out);

/* Shared with the minutes: what is elected, in Vietnamese, for this round
 * ("Chi ủy", "Ban Chấp hành", "Bí thư", ...), and the name of the base
 * ("đảng viên chính thức" or "đại biểu chính thức"). */
const char *election_body_label(const struct election_round *r);
const char *election_base_label(const struct election_round *r);

#endif
