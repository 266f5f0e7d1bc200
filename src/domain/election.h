/* election: counting one round of an internal Party election. Pure, no I/O.
 *
 * A round (struct election_round) is what the counting board has in front
 * of it: what is elected and at which congress, the number of seats, the
 * convened official members (or delegates) with each statutory exclusion,
 * the candidate list in ballot order, the ballots issued, and either every
 * returned ballot (names kept, names struck, or a yes/no mark per name) or
 * the paper totals the board reached. election_count() checks the round
 * against the regulation, counts it and says who is elected.
 *
 * Rules applied (rules.md §1; contract §4):
 *   - base = convened minus the exclusions (QĐ 190-QĐ/TW Điều 30);
 *     elected when 2·votes > base (more than half of the base, not of the
 *     valid ballots), by votes within the seats;
 *   - list length: at most seats + surplus, the surplus ceiling being 30% of
 *     the seats rounded down, and at least one (QĐ 190-QĐ/TW Điều 14;
 *     configurable in struct election_rules);
 *   - ballot validity (QĐ 190-QĐ/TW Điều 15): not issued by the board,
 *     a name written in, marks of its own, more names kept (or more "yes")
 *     than seats, every name struck — invalid; on a yes/no ballot a line
 *     ticked in both boxes or in neither counts for nobody but the ballot
 *     stays valid (a single-name list needs exactly one box ticked);
 *   - ties across the last seat are never broken: the tied candidates are
 *     reported and their seats left for a further round among them
 *     (QĐ 190-QĐ/TW Điều 30; rules.md §1.5; the only tie policy);
 *   - delegates first, then alternates; alternates are promoted by votes,
 *     then by higher party age (QĐ 294-QĐ/TW §11.4);
 *   - chi bộ: a chi ủy of at most 7, only with 9 or more official members,
 *     one deputy secretary; a secretary not elected after the third round is
 *     appointed by the upper level (QĐ 294-QĐ/TW §23); a standing committee
 *     is at most a third of the committee (QĐ 294-QĐ/TW §14.2).
 * All vote arithmetic is in 64-bit integers; percentages are integers
 * scaled by 100, rounded half away from zero.
 *
 * Problems are appended to a struct diag_list whose column is a JSON path
 * into the contract's input format ("ballots[12].kept[2]", "counts.valid"),
 * each message citing the rule it breaks. */
#ifndef DANGBO_DOMAIN_ELECTION_H
#define DANGBO_DOMAIN_ELECTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/diag.h"
#include "core/err.h"
#include "domain/org.h"

/* Size limits of one round (the readers enforce them; so does the count). */
#define ELECTION_MAX_CANDIDATES 10000
#define ELECTION_MAX_BALLOTS 1000000
/* Upper bound of every count in a round (convened, seats, issued, ...). */
#define ELECTION_MAX_COUNT INT64_C(1000000000)

enum election_kind {
	ELECTION_COMMITTEE,  /* cấp ủy (ban chấp hành, chi ủy) */
	ELECTION_STANDING,   /* ban thường vụ */
	ELECTION_SECRETARY,  /* bí thư */
	ELECTION_DEPUTY,     /* phó bí thư */
	ELECTION_DELEGATES,  /* đại biểu dự đại hội cấp trên */
	ELECTION_INSPECTION, /* ủy ban kiểm tra */
	ELECTION_OPINION,    /* phiếu lấy ý kiến giới thiệu */
	ELECTION__MAX
};

enum congress_kind {
	CONGRESS_MEMBERS,   /* đại hội đảng viên */
	CONGRESS_DELEGATES, /* đại hội đại biểu */
	CONGRESS__MAX
};

/* The statutory exclusions from the base (QĐ 190-QĐ/TW Điều 30). */
enum election_exclusion {
	EXCL_TEMP_OUT_ABSENT,    /* on temporary transfer elsewhere and absent */
	EXCL_EXEMPT_ABSENT,      /* exempt from activity and absent */
	EXCL_SUSPENDED,          /* suspended, prosecuted, indicted or detained */
	EXCL_EXCUSED_ABSENT,     /* absent all congress, reason accepted */
	EXCL_COMMITTEE_ABSENT,   /* convening-committee member absent all congress */
	EXCL_DELEGATE_ABSENT_NO_ALTERNATE, /* delegate absent, no alternate in place */
	EXCL__MAX
};

enum ballot_form {
	BALLOT_KEPT,    /* the names left standing */
	BALLOT_STRUCK,  /* the names struck through */
	BALLOT_MARKS,   /* a yes/no mark per name (no surplus) */
	BALLOT_INVALID, /* found invalid on its face by the board */
	BALLOT__MAX
};

enum ballot_mark {
	MARK_YES,  /* đồng ý */
	MARK_NO,   /* không đồng ý */
	MARK_BOTH, /* both boxes ticked */
	MARK_NONE, /* neither box ticked (also: the name is not on the ballot's list of marks) */
	MARK__MAX
};

enum invalid_reason {
	INVALID_NOT_ISSUED,     /* not issued by the counting board */
	INVALID_WRITE_IN,       /* a name written in */
	INVALID_EXTRA_MARKS,    /* marks or writing of its own */
	INVALID_OVER_SEATS,     /* more names kept (or "yes") than seats */
	INVALID_ALL_STRUCK,     /* every name struck (multi-name list) */
	INVALID_UNCLEAR_SINGLE, /* single-name yes/no ballot: both boxes or neither */
	INVALID__MAX
};

enum seat_as {
	SEAT_NONE,
	SEAT_MEMBER,    /* a seat of the body elected (committee, secretary, ...) */
	SEAT_DELEGATE,  /* official delegate */
	SEAT_ALTERNATE, /* alternate delegate */
	SEAT__MAX
};

enum next_step {
	NEXT_NONE,          /* every seat filled */
	NEXT_FURTHER_ROUND, /* bầu tiếp: the congress decides whether to go on */
	NEXT_APPOINTMENT,   /* the upper level appoints (QĐ 294-QĐ/TW §23.3) */
	NEXT__MAX
};

enum surplus_rounding {
	SURPLUS_FLOOR,   /* "không quá 30%": the safe reading, the default */
	SURPLUS_HALF_UP,
	SURPLUS_CEIL,
	SURPLUS__MAX
};

enum tie_policy {
	TIE_FURTHER_ROUND, /* a further round among the tied: the only policy */
	TIE__MAX
};

/* Names as in the contract's JSON ("committee", "temp_out_absent", ...)
 * and Vietnamese labels for people. NULL when out of range. */
const char *election_kind_name(enum election_kind k);
const char *election_kind_label(enum election_kind k);
const char *congress_kind_name(enum congress_kind k);
const char *exclusion_name(enum election_exclusion x);
const char *exclusion_label(enum election_exclusion x);
const char *ballot_mark_name(enum ballot_mark m);
const char *invalid_reason_name(enum invalid_reason r);
const char *invalid_reason_label(enum invalid_reason r);
const char *seat_as_name(enum seat_as s);
const char *next_step_name(enum next_step s);
const char *surplus_rounding_name(enum surplus_rounding r);
/* Parsers for the same names; false when unknown. */
bool election_kind_parse(const char *s, enum election_kind *out);
bool congress_kind_parse(const char *s, enum congress_kind *out);
bool exclusion_parse(const char *s, enum election_exclusion *out);
bool ballot_mark_parse(const char *s, enum ballot_mark *out);
bool surplus_rounding_parse(const char *s, enum surplus_rounding *out);
/* Any reason (paper totals may give them all). */
bool invalid_reason_parse(const char *s, enum invalid_reason *out);
/* Only the reasons a board finds on a ballot's face (not_issued, write_in,
 * extra_marks); the others are found by the count itself. */
bool invalid_reason_parse_face(const char *s, enum invalid_reason *out);
/* Does this exclusion apply at this kind of congress (QĐ 190-QĐ/TW Điều 30)? */
bool exclusion_applies(enum election_exclusion x, enum congress_kind c);

/* The configurable defaults: surplus 30% of seats rounded down, at least 1;
 * ties go to a further round. */
struct election_rules {
	int surplus_percent;            /* 30 */
	enum surplus_rounding rounding; /* SURPLUS_FLOOR */
	int surplus_min;                /* 1: a list may always carry one more name */
	enum tie_policy tie;            /* TIE_FURTHER_ROUND */
};

void election_rules_default(struct election_rules *r);
/* The most names a list for seats may carry (QĐ 190-QĐ/TW Điều 14). */
int64_t election_max_candidates(const struct election_rules *r, int64_t seats);

struct election_candidate {
	char *id;               /* unique in the round */
	char *name;
	int64_t party_age_days; /* -1: not known */
};

/* One name on one ballot: the candidate's index, and the mark for
 * BALLOT_MARKS (MARK_YES for kept/struck lists). */
struct election_item {
	int32_t cand;
	uint8_t mark;
};

struct election_ballot {
	uint8_t form;   /* enum ballot_form */
	uint8_t reason; /* enum invalid_reason, for BALLOT_INVALID */
	uint32_t first; /* its items are round->items[first .. first+n) */
	uint32_t n;
};

/* Paper totals entered by the board instead of the ballots. */
struct election_counts {
	int64_t returned, valid, invalid;
	bool has_reasons;                  /* invalid_by was given */
	int64_t invalid_by[INVALID__MAX];
	int64_t *votes;                    /* per candidate; -1: not given */
};

/* One entry of the id index: a candidate's id (borrowed) and index. */
struct election_key {
	const char *id;
	uint32_t idx;
};

struct election_round {
	enum election_kind kind;
	enum congress_kind congress;
	bool has_org_kind;       /* organization_kind was given */
	enum org_kind org_kind;
	int64_t seats;           /* for delegates: official seats */
	int64_t alternates;      /* delegates only */
	int64_t convened;
	int64_t excluded[EXCL__MAX];
	int64_t committee_size;  /* 0: not given (standing committee check) */
	int round;               /* 0: not given; else 1, 2, 3, ... */
	int64_t issued;

	struct election_candidate *cand;
	size_t n_cand, cap_cand;

	bool paper;              /* counts, not ballots */
	struct election_counts counts;
	struct election_ballot *ballots;
	size_t n_ballots, cap_ballots;
	struct election_item *items;
	size_t n_items, cap_items;

	struct election_key *by_id; /* ids in sorted order (election_index) */
	size_t n_by_id;
};

/* Initialises an empty round (committee at a members' congress, no seats).
 * election_round_free() frees what the round owns. */
void election_round_init(struct election_round *r);
void election_round_free(struct election_round *r);
/* Appends a candidate (copies id and name); returns its index. */
size_t election_add_candidate(struct election_round *r, const char *id, const char *name,
			      int64_t party_age_days);
/* Switches the round to paper totals, with votes for n_cand candidates all
 * "not given" (call after the candidates are added). */
void election_use_counts(struct election_round *r);
/* Appends a ballot of the given form (reason only for BALLOT_INVALID);
 * election_ballot_add() then adds names to the last ballot. */
void election_add_ballot(struct election_round *r, enum ballot_form form, enum invalid_reason reason);
void election_ballot_add(struct election_round *r, int32_t cand, enum ballot_mark mark);
/* Builds the id index used by election_find (after the candidates are in). */
void election_index(struct election_round *r);
/* The index of the candidate with this id, or -1 (election_index first). */
int32_t election_find(const struct election_round *r, const char *id);

struct election_cand_result {
	int64_t votes;        /* valid ballots keeping the name (or "yes") */
	int64_t against;      /* yes/no ballots: "no" */
	int64_t not_counted;  /* yes/no ballots: both boxes or neither */
	int64_t pct100;       /* percent of base ×100, half away from zero */
	bool passes;          /* 2·votes > base */
	bool elected;
	bool tied;            /* tied across a seat boundary: further round */
	enum seat_as as;
	int rank;             /* 1 + candidates with more votes */
	int promotion;        /* alternates: order of promotion (votes, party age) */
};

struct election_result {
	int64_t convened, excluded[EXCL__MAX], base;
	int64_t threshold;    /* least votes that elect: base/2 + 1 */
	int64_t issued, returned, valid, invalid;
	int64_t invalid_by[INVALID__MAX];
	bool has_reasons;     /* invalid_by is known (ballots, or paper reasons) */
	bool has_marks;       /* yes/no ballots were counted: against/not_counted meaningful */
	struct election_cand_result *cand; /* n_cand entries, ballot order */
	size_t n_cand;
	uint32_t *elected;    /* indices: members or delegates by votes, then alternates by promotion */
	size_t n_elected;
	uint32_t *tie;        /* indices of the tied candidates, ballot order */
	size_t n_tie;
	int64_t tie_seats;    /* seats (and alternate places) waiting for the tie */
	int64_t unfilled;     /* seats (official seats for delegates) not filled */
	int64_t unfilled_alternates;
	enum next_step next;
};

/* Checks and counts round r under rules (NULL: the defaults). On ERR_OK,
 * *res holds the result (free it with election_result_free). On ERR_INPUT
 * every problem found is in dl with file (may be NULL), line 0 and a JSON
 * path as column, and *res is empty. res is always safe to free. */
enum err election_count(const struct election_round *r, const struct election_rules *rules,
			struct election_result *res, struct diag_list *dl, const char *file);
void election_result_free(struct election_result *res);

#endif
