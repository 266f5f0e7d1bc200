/* election: checks and counts one round of an internal Party election.
 *
 * The count runs in stages over a context: the set-up of the round (kind,
 * seats, chi bộ rules), the base, the list, the ballots (or paper totals)
 * with their arithmetic, then the placing of candidates into seats. Every
 * stage reports all it finds; the round is refused if any stage found a
 * problem. See election.h for the rules and their sources. */
#include "domain/election.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/numfmt.h"
#include "core/xalloc.h"

#define QD190_14 "QĐ 190-QĐ/TW Điều 14"
#define QD190_15 "QĐ 190-QĐ/TW Điều 15"
#define QD190_30 "QĐ 190-QĐ/TW Điều 30"
#define QD294_11 "QĐ 294-QĐ/TW §11.4"
#define QD294_14 "QĐ 294-QĐ/TW §14.2"
#define QD294_23 "QĐ 294-QĐ/TW §23"

/* ---- names and labels ------------------------------------------------ */

static const struct {
	const char *name, *label;
} kinds[ELECTION__MAX] = {
	[ELECTION_COMMITTEE] = {"committee", "cấp ủy"},
	[ELECTION_STANDING] = {"standing", "ban thường vụ"},
	[ELECTION_SECRETARY] = {"secretary", "bí thư"},
	[ELECTION_DEPUTY] = {"deputy", "phó bí thư"},
	[ELECTION_DELEGATES] = {"delegates", "đại biểu dự đại hội cấp trên"},
	[ELECTION_INSPECTION] = {"inspection", "ủy ban kiểm tra"},
	[ELECTION_OPINION] = {"opinion", "lấy ý kiến giới thiệu"},
};

static const char *const congress_names[CONGRESS__MAX] = {
	[CONGRESS_MEMBERS] = "members",
	[CONGRESS_DELEGATES] = "delegates",
};

/* Which congress each exclusion belongs to (QĐ 190-QĐ/TW Điều 30): the
 * absences of members count at a members' congress; at a delegates'
 * congress only the convening-committee members absent and delegates absent
 * with no alternate; suspension or prosecution at both. */
static const struct {
	const char *name, *label;
	bool at[CONGRESS__MAX];
} exclusions[EXCL__MAX] = {
	[EXCL_TEMP_OUT_ABSENT] = {"temp_out_absent", "đảng viên sinh hoạt tạm thời nơi khác, vắng mặt", {true, false}},
	[EXCL_EXEMPT_ABSENT] = {"exempt_absent", "đảng viên miễn công tác và sinh hoạt đảng, vắng mặt", {true, false}},
	[EXCL_SUSPENDED] = {"suspended", "bị đình chỉ sinh hoạt, bị khởi tố, truy tố, tạm giam", {true, true}},
	[EXCL_EXCUSED_ABSENT] = {"excused_absent", "vắng mặt suốt thời gian đại hội có lý do được chấp thuận", {true, false}},
	[EXCL_COMMITTEE_ABSENT] = {"committee_absent", "cấp ủy viên triệu tập vắng mặt suốt thời gian đại hội", {false, true}},
	[EXCL_DELEGATE_ABSENT_NO_ALTERNATE] = {"delegate_absent_no_alternate",
					       "đại biểu chính thức vắng mặt không có đại biểu dự khuyết thay thế", {false, true}},
};

static const char *const mark_names[MARK__MAX] = {
	[MARK_YES] = "yes", [MARK_NO] = "no", [MARK_BOTH] = "both", [MARK_NONE] = "none",
};

static const struct {
	const char *name, *label;
	bool face; /* found by the board on the ballot's face (input reason) */
} reasons[INVALID__MAX] = {
	[INVALID_NOT_ISSUED] = {"not_issued", "không phải phiếu do Ban kiểm phiếu phát ra", true},
	[INVALID_WRITE_IN] = {"write_in", "ghi thêm tên người ngoài danh sách bầu cử", true},
	[INVALID_EXTRA_MARKS] = {"extra_marks", "có ký hiệu riêng", true},
	[INVALID_OVER_SEATS] = {"over_seats", "bầu quá số lượng cần bầu", false},
	[INVALID_ALL_STRUCK] = {"all_struck", "gạch tên tất cả những người trong danh sách", false},
	[INVALID_UNCLEAR_SINGLE] = {"unclear_single", "danh sách một người: đánh dấu cả hai ô hoặc không ô nào", false},
};

static const char *const seat_names[SEAT__MAX] = {
	[SEAT_NONE] = "none", [SEAT_MEMBER] = "member", [SEAT_DELEGATE] = "delegate", [SEAT_ALTERNATE] = "alternate",
};

static const char *const next_names[NEXT__MAX] = {
	[NEXT_NONE] = "none",
	[NEXT_FURTHER_ROUND] = "further_round",
	[NEXT_APPOINTMENT] = "appointment_by_upper_level",
};

static const char *const rounding_names[SURPLUS__MAX] = {
	[SURPLUS_FLOOR] = "floor", [SURPLUS_HALF_UP] = "half_up", [SURPLUS_CEIL] = "ceil",
};

#define NAME_OF(tbl, max, v) ((unsigned)(v) < (max) ? (tbl)[v] : NULL)

const char *election_kind_name(enum election_kind k)
{
	return (unsigned)k < ELECTION__MAX ? kinds[k].name : NULL;
}

const char *election_kind_label(enum election_kind k)
{
	return (unsigned)k < ELECTION__MAX ? kinds[k].label : NULL;
}

const char *congress_kind_name(enum congress_kind k)
{
	return NAME_OF(congress_names, CONGRESS__MAX, k);
}

const char *exclusion_name(enum election_exclusion x)
{
	return (unsigned)x < EXCL__MAX ? exclusions[x].name : NULL;
}

const char *exclusion_label(enum election_exclusion x)
{
	return (unsigned)x < EXCL__MAX ? exclusions[x].label : NULL;
}

const char *ballot_mark_name(enum ballot_mark m)
{
	return NAME_OF(mark_names, MARK__MAX, m);
}

const char *invalid_reason_name(enum invalid_reason r)
{
	return (unsigned)r < INVALID__MAX ? reasons[r].name : NULL;
}

const char *invalid_reason_label(enum invalid_reason r)
{
	return (unsigned)r < INVALID__MAX ? reasons[r].label : NULL;
}

const char *seat_as_name(enum seat_as s)
{
	return NAME_OF(seat_names, SEAT__MAX, s);
}

const char *next_step_name(enum next_step s)
{
	return NAME_OF(next_names, NEXT__MAX, s);
}

const char *surplus_rounding_name(enum surplus_rounding r)
{
	return NAME_OF(rounding_names, SURPLUS__MAX, r);
}

/* Each parser scans its table for the name (tables, not if-chains). */
bool election_kind_parse(const char *s, enum election_kind *out)
{
	for (int i = 0; i < ELECTION__MAX; i++)
		if (strcmp(kinds[i].name, s) == 0)
			return *out = (enum election_kind)i, true;
	return false;
}

bool congress_kind_parse(const char *s, enum congress_kind *out)
{
	for (int i = 0; i < CONGRESS__MAX; i++)
		if (strcmp(congress_names[i], s) == 0)
			return *out = (enum congress_kind)i, true;
	return false;
}

bool exclusion_parse(const char *s, enum election_exclusion *out)
{
	for (int i = 0; i < EXCL__MAX; i++)
		if (strcmp(exclusions[i].name, s) == 0)
			return *out = (enum election_exclusion)i, true;
	return false;
}

bool ballot_mark_parse(const char *s, enum ballot_mark *out)
{
	for (int i = 0; i < MARK__MAX; i++)
		if (strcmp(mark_names[i], s) == 0)
			return *out = (enum ballot_mark)i, true;
	return false;
}

bool surplus_rounding_parse(const char *s, enum surplus_rounding *out)
{
	for (int i = 0; i < SURPLUS__MAX; i++)
		if (strcmp(rounding_names[i], s) == 0)
			return *out = (enum surplus_rounding)i, true;
	return false;
}

bool invalid_reason_parse(const char *s, enum invalid_reason *out)
{
	for (int i = 0; i < INVALID__MAX; i++)
		if (strcmp(reasons[i].name, s) == 0)
			return *out = (enum invalid_reason)i, true;
	return false;
}

bool invalid_reason_parse_face(const char *s, enum invalid_reason *out)
{
	for (int i = 0; i < INVALID__MAX; i++)
		if (reasons[i].face && strcmp(reasons[i].name, s) == 0)
			return *out = (enum invalid_reason)i, true;
	return false;
}

bool exclusion_applies(enum election_exclusion x, enum congress_kind c)
{
	return (unsigned)x < EXCL__MAX && (unsigned)c < CONGRESS__MAX && exclusions[x].at[c];
}

/* ---- rules ----------------------------------------------------------- */

void election_rules_default(struct election_rules *r)
{
	r->surplus_percent = 30;
	r->rounding = SURPLUS_FLOOR;
	r->surplus_min = 1;
	r->tie = TIE_FURTHER_ROUND;
}

/* QĐ 190-QĐ/TW Điều 14: the surplus is "không quá 30%" of the number to be
 * elected; the article gives no rounding, so the ceiling is rounded down by
 * default, and a list may always carry surplus_min more names (a 3-seat
 * committee may have 1 extra name: 30% of 3 is 0.9). */
int64_t election_max_candidates(const struct election_rules *r, int64_t seats)
{
	int64_t num = seats * r->surplus_percent, extra;
	switch (r->rounding) {
	case SURPLUS_CEIL:
		extra = (num + 99) / 100;
		break;
	case SURPLUS_HALF_UP:
		extra = (num + 50) / 100;
		break;
	default:
		extra = num / 100;
		break;
	}
	if (extra < r->surplus_min)
		extra = r->surplus_min;
	return seats + extra;
}

/* ---- building a round ------------------------------------------------- */

void election_round_init(struct election_round *r)
{
	memset(r, 0, sizeof(*r));
	r->kind = ELECTION_COMMITTEE;
	r->congress = CONGRESS_MEMBERS;
}

void election_round_free(struct election_round *r)
{
	for (size_t i = 0; i < r->n_cand; i++) {
		free(r->cand[i].id);
		free(r->cand[i].name);
	}
	free(r->cand);
	free(r->counts.votes);
	free(r->ballots);
	free(r->items);
	free(r->by_id);
	memset(r, 0, sizeof(*r));
}

size_t election_add_candidate(struct election_round *r, const char *id, const char *name, int64_t party_age_days)
{
	XGROW(r->cand, r->cap_cand, r->n_cand + 1);
	struct election_candidate *c = &r->cand[r->n_cand];
	c->id = xstrdup(id);
	c->name = xstrdup(name);
	c->party_age_days = party_age_days;
	return r->n_cand++;
}

void election_use_counts(struct election_round *r)
{
	r->paper = true;
	free(r->counts.votes);
	r->counts.votes = xmalloc((r->n_cand ? r->n_cand : 1) * sizeof(int64_t));
	for (size_t i = 0; i < r->n_cand; i++)
		r->counts.votes[i] = -1;
}

void election_add_ballot(struct election_round *r, enum ballot_form form, enum invalid_reason reason)
{
	XGROW(r->ballots, r->cap_ballots, r->n_ballots + 1);
	struct election_ballot *b = &r->ballots[r->n_ballots++];
	b->form = (uint8_t)form;
	b->reason = (uint8_t)(form == BALLOT_INVALID ? reason : 0);
	b->first = (uint32_t)r->n_items;
	b->n = 0;
}

void election_ballot_add(struct election_round *r, int32_t cand, enum ballot_mark mark)
{
	if (!r->n_ballots)
		return;
	XGROW(r->items, r->cap_items, r->n_items + 1);
	r->items[r->n_items].cand = cand;
	r->items[r->n_items].mark = (uint8_t)mark;
	r->n_items++;
	r->ballots[r->n_ballots - 1].n++;
}

static int key_cmp(const void *a, const void *b)
{
	const struct election_key *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	return c ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

void election_index(struct election_round *r)
{
	free(r->by_id);
	r->by_id = xmalloc((r->n_cand ? r->n_cand : 1) * sizeof(*r->by_id));
	for (size_t i = 0; i < r->n_cand; i++)
		r->by_id[i] = (struct election_key){r->cand[i].id, (uint32_t)i};
	qsort(r->by_id, r->n_cand, sizeof(*r->by_id), key_cmp);
	r->n_by_id = r->n_cand;
}

int32_t election_find(const struct election_round *r, const char *id)
{
	size_t lo = 0, hi = r->n_by_id;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(r->by_id[mid].id, id);
		if (c == 0) {
			/* the first of equal ids, so a duplicate id finds the earlier one */
			while (mid > 0 && strcmp(r->by_id[mid - 1].id, id) == 0)
				mid--;
			return (int32_t)r->by_id[mid].idx;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* ---- the count --------------------------------------------------------- */

struct ctx {
	const struct election_round *r;
	const struct election_rules *ru;
	struct election_result *res;
	struct diag_list *dl;
	const char *file;
	int64_t limit;     /* most names a valid ballot may elect */
	bool cell;         /* the organization is a chi bộ (cell or base cell) */
	uint32_t *stamp;   /* per candidate: 1 + the ballot that last named it */
	int64_t *struck;   /* per candidate: valid struck-list ballots striking it */
	int64_t n_struck;  /* valid struck-list ballots */
};

static void bad(struct ctx *c, const char *path, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void bad(struct ctx *c, const char *path, const char *fmt, ...)
{
	struct buf b;
	va_list ap;
	buf_init(&b, 0);
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	diag_add(c->dl, c->file, 0, path, "%s", buf_str(&b));
	buf_free(&b);
}

/* What each kind of election allows (tables, not if-chains). */
static const struct {
	bool alternates;   /* may elect alternates (delegates only) */
	int64_t max_seats; /* 0: no fixed ceiling */
	bool surplus;      /* the 30% surplus ceiling applies */
	bool marks_always; /* yes/no ballots even with a surplus (opinion polls) */
} kind_rules[ELECTION__MAX] = {
	[ELECTION_COMMITTEE] = {false, 0, true, false},
	[ELECTION_STANDING] = {false, 0, true, false},
	[ELECTION_SECRETARY] = {false, 1, true, false},
	[ELECTION_DEPUTY] = {false, 0, true, false},
	[ELECTION_DELEGATES] = {true, 0, true, false},
	[ELECTION_INSPECTION] = {false, 0, true, false},
	[ELECTION_OPINION] = {false, 0, false, true},
};

/* What a chi bộ may elect (QĐ 294-QĐ/TW §23.1): a chi ủy of at most 7 only
 * with 9 or more official members; one secretary; one deputy secretary; no
 * standing committee. */
static const struct {
	bool allowed;
	int64_t max_seats;    /* 0: no chi bộ ceiling */
	int64_t min_convened; /* 0: none */
	const char *what;
} cell_rules[ELECTION__MAX] = {
	[ELECTION_COMMITTEE] = {true, 7, 9, "a chi ủy"},
	[ELECTION_STANDING] = {false, 0, 0, "a standing committee"},
	[ELECTION_SECRETARY] = {true, 1, 0, "a secretary"},
	[ELECTION_DEPUTY] = {true, 1, 0, "a deputy secretary"},
	[ELECTION_DELEGATES] = {true, 0, 0, "delegates"},
	[ELECTION_INSPECTION] = {true, 0, 0, "an inspection committee"},
	[ELECTION_OPINION] = {true, 0, 0, "an opinion poll"},
};

static bool count_ok(int64_t v)
{
	return v >= 0 && v <= ELECTION_MAX_COUNT;
}

static void check_numbers(struct ctx *c)
{
	const struct election_round *r = c->r;
	static const struct {
		const char *path;
		size_t off;
	} fields[] = {
		{"seats", offsetof(struct election_round, seats)},
		{"alternates", offsetof(struct election_round, alternates)},
		{"convened", offsetof(struct election_round, convened)},
		{"committee_size", offsetof(struct election_round, committee_size)},
		{"ballots_issued", offsetof(struct election_round, issued)},
	};
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		int64_t v = *(const int64_t *)((const char *)r + fields[i].off);
		if (!count_ok(v))
			bad(c, fields[i].path, "must be a whole number from 0 to %lld",
			    (long long)ELECTION_MAX_COUNT);
	}
	for (int x = 0; x < EXCL__MAX; x++)
		if (!count_ok(r->excluded[x])) {
			char path[64];
			snprintf(path, sizeof(path), "excluded.%s", exclusions[x].name);
			bad(c, path, "must be a whole number from 0 to %lld", (long long)ELECTION_MAX_COUNT);
		}
}

static void check_kind(struct ctx *c)
{
	const struct election_round *r = c->r;
	if ((unsigned)r->kind >= ELECTION__MAX || (unsigned)r->congress >= CONGRESS__MAX) {
		bad(c, "election", "unknown kind of election or congress");
		return;
	}
	if (r->alternates && !kind_rules[r->kind].alternates)
		bad(c, "alternates", "%s: alternates are elected only with delegates to the upper congress",
		    QD294_11);
	if (r->seats + (kind_rules[r->kind].alternates ? r->alternates : 0) < 1)
		bad(c, "seats", "at least one seat must be elected");
	if (kind_rules[r->kind].max_seats && r->seats > kind_rules[r->kind].max_seats)
		bad(c, "seats", "%s is elected alone: at most %lld seat, not %lld", kinds[r->kind].label,
		    (long long)kind_rules[r->kind].max_seats, (long long)r->seats);
	/* QĐ 294-QĐ/TW §14.2: the standing committee is at most a third of the committee. */
	if (r->kind == ELECTION_STANDING && r->committee_size > 0 && 3 * r->seats > r->committee_size)
		bad(c, "seats", "%s: a standing committee is at most a third of the committee: "
		    "%lld seats for a committee of %lld (at most %lld)", QD294_14, (long long)r->seats,
		    (long long)r->committee_size, (long long)(r->committee_size / 3));
}

/* QĐ 294-QĐ/TW §23: what a chi bộ elects. */
static void check_cell(struct ctx *c)
{
	const struct election_round *r = c->r;
	if (!c->cell || (unsigned)r->kind >= ELECTION__MAX)
		return;
	const char *what = cell_rules[r->kind].what;
	if (!cell_rules[r->kind].allowed) {
		bad(c, "election", "%s: a chi bộ does not elect %s", QD294_23, what);
		return;
	}
	if (cell_rules[r->kind].max_seats && r->seats > cell_rules[r->kind].max_seats)
		bad(c, "seats", "%s.1: a chi bộ elects %s of at most %lld, not %lld", QD294_23, what,
		    (long long)cell_rules[r->kind].max_seats, (long long)r->seats);
	if (r->congress == CONGRESS_MEMBERS && r->convened < cell_rules[r->kind].min_convened)
		bad(c, "convened", "%s.1: a chi bộ with fewer than %lld official members (here %lld) elects no chi ủy, "
		    "only a secretary and, if needed, a deputy secretary", QD294_23,
		    (long long)cell_rules[r->kind].min_convened, (long long)r->convened);
	if (r->kind == ELECTION_SECRETARY && r->round > 3)
		bad(c, "round", "%s.3: after the third round without a result the upper level appoints the secretary",
		    QD294_23);
}

/* QĐ 190-QĐ/TW Điều 30: base = convened minus the statutory exclusions. */
static void check_base(struct ctx *c)
{
	const struct election_round *r = c->r;
	struct election_result *res = c->res;
	int64_t sum = 0;
	for (int x = 0; x < EXCL__MAX; x++) {
		if (r->excluded[x] && (unsigned)r->congress < CONGRESS__MAX && !exclusions[x].at[r->congress]) {
			char path[64];
			snprintf(path, sizeof(path), "excluded.%s", exclusions[x].name);
			bad(c, path, "%s: this exclusion applies only at a %s' congress", QD190_30,
			    r->congress == CONGRESS_MEMBERS ? "delegates" : "members");
		}
		res->excluded[x] = r->excluded[x];
		sum += r->excluded[x];
	}
	res->convened = r->convened;
	res->base = r->convened - sum;
	res->threshold = res->base / 2 + 1;
	if (res->base < 1)
		bad(c, "excluded", "%s: the exclusions (%lld) leave no base out of %lld convened", QD190_30,
		    (long long)sum, (long long)r->convened);
	else if (r->issued > res->base)
		bad(c, "ballots_issued", "%s: %lld ballots issued, but only %lld voters count in the base",
		    QD190_30, (long long)r->issued, (long long)res->base);
}

/* The list: ids unique and present, names present, within the surplus. */
static void check_list(struct ctx *c)
{
	const struct election_round *r = c->r;
	char path[64];
	if (r->n_cand == 0) {
		bad(c, "candidates", "the candidate list is empty");
		return;
	}
	if (r->n_cand > ELECTION_MAX_CANDIDATES)
		bad(c, "candidates", "more than %d candidates", ELECTION_MAX_CANDIDATES);
	for (size_t i = 0; i < r->n_cand; i++) {
		if (!r->cand[i].id[0]) {
			snprintf(path, sizeof(path), "candidates[%zu].id", i);
			bad(c, path, "the id is empty");
		}
		if (!r->cand[i].name[0]) {
			snprintf(path, sizeof(path), "candidates[%zu].name", i);
			bad(c, path, "the name is empty");
		}
	}
	struct election_key *keys = xmalloc(r->n_cand * sizeof(*keys));
	for (size_t i = 0; i < r->n_cand; i++)
		keys[i] = (struct election_key){r->cand[i].id, (uint32_t)i};
	qsort(keys, r->n_cand, sizeof(*keys), key_cmp);
	for (size_t k = 1; k < r->n_cand; k++)
		if (strcmp(keys[k].id, keys[k - 1].id) == 0) {
			snprintf(path, sizeof(path), "candidates[%u].id", keys[k].idx);
			bad(c, path, "the id %s is also candidates[%u]", keys[k].id, keys[k - 1].idx);
		}
	free(keys);
	if ((unsigned)r->kind >= ELECTION__MAX || !kind_rules[r->kind].surplus)
		return;
	int64_t seats = r->seats + r->alternates;
	int64_t max = election_max_candidates(c->ru, seats);
	if ((int64_t)r->n_cand > max)
		bad(c, "candidates", "%s: %zu candidates for %lld seats is a surplus of %lld, over the ceiling of "
		    "%lld (%d%% of the seats, rounded %s, at least %d)", QD190_14, r->n_cand, (long long)seats,
		    (long long)((int64_t)r->n_cand - seats), (long long)(max - seats), c->ru->surplus_percent,
		    c->ru->rounding == SURPLUS_CEIL ? "up" : c->ru->rounding == SURPLUS_HALF_UP ? "half up" : "down",
		    c->ru->surplus_min);
}

static void item_path(const struct ctx *c, size_t bi, size_t j, char *path, size_t size)
{
	const struct election_ballot *b = &c->r->ballots[bi];
	static const char *const form_keys[BALLOT__MAX] = {"kept", "struck", "marks", "invalid"};
	const struct election_item *it = &c->r->items[b->first + j];
	if (b->form == BALLOT_MARKS && it->cand >= 0 && (size_t)it->cand < c->r->n_cand)
		snprintf(path, size, "ballots[%zu].marks.%s", bi, c->r->cand[it->cand].id);
	else if (b->form < BALLOT__MAX)
		snprintf(path, size, "ballots[%zu].%s[%zu]", bi, form_keys[b->form], j);
	else
		snprintf(path, size, "ballots[%zu]", bi);
}

/* Checks the names of ballot bi (each on the list, none twice); returns the
 * number of names elected on it (kept, or "yes"), or -1 if it is bad input. */
static int64_t ballot_names(struct ctx *c, size_t bi)
{
	const struct election_round *r = c->r;
	const struct election_ballot *b = &r->ballots[bi];
	char path[96];
	int64_t yes = 0;
	bool ok = true;
	for (uint32_t j = 0; j < b->n; j++) {
		const struct election_item *it = &r->items[b->first + j];
		item_path(c, bi, j, path, sizeof(path));
		if (it->cand < 0 || (size_t)it->cand >= r->n_cand) {
			bad(c, path, "not a candidate on the list (%s)", QD190_15);
			ok = false;
			continue;
		}
		if (c->stamp[it->cand] == bi + 1) {
			bad(c, path, "%s is named twice on one ballot", r->cand[it->cand].id);
			ok = false;
		}
		c->stamp[it->cand] = (uint32_t)(bi + 1);
		if (it->mark >= MARK__MAX) {
			bad(c, path, "unknown mark");
			ok = false;
		}
		yes += it->mark == MARK_YES;
	}
	if (!ok)
		return -1;
	if (b->form == BALLOT_STRUCK)
		return (int64_t)r->n_cand - b->n;
	return b->form == BALLOT_KEPT ? (int64_t)b->n : yes;
}

/* Is ballot bi invalid by rule (QĐ 190-QĐ/TW Điều 15)? Returns the reason,
 * or INVALID__MAX for a valid ballot. */
static enum invalid_reason ballot_rule(const struct ctx *c, size_t bi, int64_t elected)
{
	const struct election_round *r = c->r;
	const struct election_ballot *b = &r->ballots[bi];
	if (b->form == BALLOT_INVALID)
		return (enum invalid_reason)b->reason;
	if (elected > c->limit)
		return INVALID_OVER_SEATS;
	if (b->form != BALLOT_MARKS && elected == 0 && r->n_cand > 1)
		return INVALID_ALL_STRUCK;
	if (b->form == BALLOT_MARKS && r->n_cand == 1) {
		/* a single name needs exactly one box ticked */
		bool clear = b->n == 1 && (r->items[b->first].mark == MARK_YES || r->items[b->first].mark == MARK_NO);
		if (!clear)
			return INVALID_UNCLEAR_SINGLE;
	}
	return INVALID__MAX;
}

/* Adds valid ballot bi to the tallies. */
static void ballot_tally(struct ctx *c, size_t bi)
{
	const struct election_round *r = c->r;
	const struct election_ballot *b = &r->ballots[bi];
	struct election_cand_result *cr = c->res->cand;
	const struct election_item *it = &r->items[b->first];
	switch (b->form) {
	case BALLOT_KEPT:
		for (uint32_t j = 0; j < b->n; j++)
			cr[it[j].cand].votes++;
		break;
	case BALLOT_STRUCK:
		for (uint32_t j = 0; j < b->n; j++)
			c->struck[it[j].cand]++;
		c->n_struck++;
		break;
	case BALLOT_MARKS:
		/* QĐ 190-QĐ/TW Điều 15: both boxes or neither counts for nobody. */
		for (size_t k = 0; k < r->n_cand; k++)
			cr[k].not_counted++;
		for (uint32_t j = 0; j < b->n; j++) {
			if (it[j].mark == MARK_YES || it[j].mark == MARK_NO)
				cr[it[j].cand].not_counted--;
			cr[it[j].cand].votes += it[j].mark == MARK_YES;
			cr[it[j].cand].against += it[j].mark == MARK_NO;
		}
		break;
	default:
		break;
	}
}

static void count_ballots(struct ctx *c)
{
	const struct election_round *r = c->r;
	struct election_result *res = c->res;
	bool surplus = (int64_t)r->n_cand > c->limit;
	char path[64];
	if (r->n_ballots > ELECTION_MAX_BALLOTS)
		bad(c, "ballots", "more than %d ballots", ELECTION_MAX_BALLOTS);
	if ((int64_t)r->n_ballots > r->issued)
		bad(c, "ballots", "%zu ballots returned, but only %lld were issued", r->n_ballots,
		    (long long)r->issued);
	for (size_t bi = 0; bi < r->n_ballots; bi++) {
		const struct election_ballot *b = &r->ballots[bi];
		snprintf(path, sizeof(path), "ballots[%zu]", bi);
		if (b->form >= BALLOT__MAX || (b->form == BALLOT_INVALID && b->reason >= INVALID__MAX)) {
			bad(c, path, "unknown kind of ballot");
			continue;
		}
		if (b->form == BALLOT_MARKS && surplus && !kind_rules[r->kind].marks_always) {
			bad(c, path, "%s: a yes/no ballot is used only when the list has no surplus "
			    "(here %zu names for %lld seats)", QD190_15, r->n_cand, (long long)c->limit);
			continue;
		}
		int64_t elected = ballot_names(c, bi);
		if (elected < 0)
			continue;
		res->has_marks |= b->form == BALLOT_MARKS;
		enum invalid_reason why = ballot_rule(c, bi, elected);
		if (why != INVALID__MAX) {
			res->invalid_by[why]++;
			res->invalid++;
			continue;
		}
		res->valid++;
		ballot_tally(c, bi);
	}
	for (size_t k = 0; k < r->n_cand; k++)
		res->cand[k].votes += c->n_struck - c->struck[k];
	res->returned = (int64_t)r->n_ballots;
	res->has_reasons = true;
}

/* Paper totals: issued >= returned = valid + invalid; no name above the
 * valid ballots; no more votes than the valid ballots could give. */
static void count_paper(struct ctx *c)
{
	const struct election_round *r = c->r;
	const struct election_counts *k = &r->counts;
	struct election_result *res = c->res;
	char path[128];
	if (!count_ok(k->returned) || !count_ok(k->valid) || !count_ok(k->invalid)) {
		bad(c, "counts", "returned, valid and invalid must be whole numbers from 0 to %lld",
		    (long long)ELECTION_MAX_COUNT);
		return;
	}
	if (k->returned > r->issued)
		bad(c, "counts.returned", "%lld ballots returned, but only %lld were issued",
		    (long long)k->returned, (long long)r->issued);
	if (k->valid + k->invalid != k->returned)
		bad(c, "counts", "valid (%lld) + invalid (%lld) = %lld, not the %lld ballots returned",
		    (long long)k->valid, (long long)k->invalid, (long long)(k->valid + k->invalid),
		    (long long)k->returned);
	if (k->has_reasons) {
		int64_t sum = 0;
		for (int i = 0; i < INVALID__MAX; i++)
			sum += count_ok(k->invalid_by[i]) ? k->invalid_by[i] : 0;
		if (sum != k->invalid)
			bad(c, "counts.invalid_reasons", "the reasons add up to %lld, not the %lld invalid ballots",
			    (long long)sum, (long long)k->invalid);
	}
	int64_t total = 0;
	for (size_t i = 0; i < r->n_cand; i++) {
		int64_t v = k->votes ? k->votes[i] : -1;
		snprintf(path, sizeof(path), "counts.votes.%s", r->cand[i].id);
		if (v < 0) {
			bad(c, "counts.votes", "no count for candidate %s", r->cand[i].id);
			continue;
		}
		if (!count_ok(v)) {
			bad(c, path, "must be a whole number from 0 to %lld", (long long)ELECTION_MAX_COUNT);
			continue;
		}
		if (v > k->valid)
			bad(c, path, "%lld votes for %s, more than the %lld valid ballots", (long long)v,
			    r->cand[i].id, (long long)k->valid);
		res->cand[i].votes = v;
		total += v;
	}
	if (total > k->valid * c->limit)
		bad(c, "counts.votes", "%s: %lld votes in all, more than %lld valid ballots electing at most "
		    "%lld each could give", QD190_15, (long long)total, (long long)k->valid, (long long)c->limit);
	res->returned = k->returned;
	res->valid = k->valid;
	res->invalid = k->invalid;
	res->has_reasons = k->has_reasons;
	for (int i = 0; i < INVALID__MAX; i++)
		res->invalid_by[i] = k->has_reasons ? k->invalid_by[i] : 0;
}

/* Sort keys: group (seat kind), votes, party age, ballot order. */
struct sortkey {
	int group;
	int64_t votes, age;
	uint32_t idx;
};

static int sortkey_cmp(const void *a, const void *b)
{
	const struct sortkey *x = a, *y = b;
	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	if (x->votes != y->votes)
		return x->votes > y->votes ? -1 : 1;
	if (x->age != y->age)
		return x->age > y->age ? -1 : 1;
	return (x->idx > y->idx) - (x->idx < y->idx);
}

/* Candidates (all, or only those passing) in descending votes. */
static struct sortkey *by_votes(const struct ctx *c, bool passing_only, size_t *n)
{
	struct sortkey *v = xmalloc((c->r->n_cand ? c->r->n_cand : 1) * sizeof(*v));
	*n = 0;
	for (size_t i = 0; i < c->r->n_cand; i++)
		if (!passing_only || c->res->cand[i].passes)
			v[(*n)++] = (struct sortkey){0, c->res->cand[i].votes, 0, (uint32_t)i};
	qsort(v, *n, sizeof(*v), sortkey_cmp);
	return v;
}

static int u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

static void add_tied(struct ctx *c, uint32_t idx)
{
	c->res->cand[idx].tied = true;
	c->res->tie[c->res->n_tie++] = idx;
}

/* QĐ 190-QĐ/TW Điều 30; QĐ 294-QĐ/TW §11.4.1: those passing the threshold,
 * in descending votes, take the seats (delegates first, then alternates).
 * A run of equal votes that crosses a boundary (the last seat, or the last
 * delegate seat) is a tie: nobody in it is placed, and their places wait for
 * a further round among them (rules.md §1.5). */
static void place(struct ctx *c)
{
	const struct election_round *r = c->r;
	struct election_result *res = c->res;
	size_t m;
	struct sortkey *ord = by_votes(c, true, &m);
	int64_t seats = r->seats, total = seats + (r->kind == ELECTION_DELEGATES ? r->alternates : 0), pos = 0;
	enum seat_as first = r->kind == ELECTION_DELEGATES ? SEAT_DELEGATE : SEAT_MEMBER;
	res->tie = xmalloc((m ? m : 1) * sizeof(*res->tie));
	for (size_t i = 0; i < m && pos < total;) {
		size_t j = i;
		while (j < m && ord[j].votes == ord[i].votes)
			j++;
		int64_t end = pos + (int64_t)(j - i);
		bool crosses = (pos < seats && end > seats) || end > total;
		for (size_t k = i; k < j; k++) {
			if (crosses)
				add_tied(c, ord[k].idx);
			else {
				res->cand[ord[k].idx].elected = true;
				res->cand[ord[k].idx].as = pos < seats ? first : SEAT_ALTERNATE;
			}
		}
		if (crosses)
			res->tie_seats += (end < total ? end : total) - pos;
		pos = end;
		i = j;
	}
	free(ord);
	/* the tie list in ballot order */
	qsort(res->tie, res->n_tie, sizeof(*res->tie), u32_cmp);
}

/* Rank: 1 + the number of candidates with more votes. */
static void rank(struct ctx *c)
{
	size_t n;
	struct sortkey *ord = by_votes(c, false, &n);
	for (size_t i = 0; i < n; i++) {
		bool same = i > 0 && ord[i].votes == ord[i - 1].votes;
		c->res->cand[ord[i].idx].rank = same ? c->res->cand[ord[i - 1].idx].rank : (int)i + 1;
	}
	free(ord);
}

/* Two alternates whose promotion order the rules cannot tell apart: equal
 * votes and equal (or unknown) party age. */
static bool same_promotion(const struct sortkey *a, const struct sortkey *b)
{
	return a->votes == b->votes && (a->age < 0 || b->age < 0 || a->age == b->age);
}

/* The elected in order: members (or delegates) by votes, then alternates
 * by votes and then higher party age, which is also the order in which
 * alternates are promoted (QĐ 294-QĐ/TW §11.4.2). */
static void order_elected(struct ctx *c)
{
	const struct election_round *r = c->r;
	struct election_result *res = c->res;
	struct sortkey *v = xmalloc((r->n_cand ? r->n_cand : 1) * sizeof(*v));
	size_t n = 0;
	for (size_t i = 0; i < r->n_cand; i++) {
		const struct election_cand_result *cr = &res->cand[i];
		if (!cr->elected)
			continue;
		bool alt = cr->as == SEAT_ALTERNATE;
		v[n++] = (struct sortkey){alt, cr->votes, alt ? r->cand[i].party_age_days : 0, (uint32_t)i};
	}
	qsort(v, n, sizeof(*v), sortkey_cmp);
	res->elected = xmalloc((n ? n : 1) * sizeof(*res->elected));
	int64_t filled[2] = {0, 0};
	for (size_t i = 0; i < n; i++) {
		res->elected[i] = v[i].idx;
		filled[v[i].group]++;
		if (v[i].group) {
			bool same = i > 0 && v[i - 1].group && same_promotion(&v[i], &v[i - 1]);
			res->cand[v[i].idx].promotion = same ? res->cand[v[i - 1].idx].promotion : (int)filled[1];
		}
	}
	res->n_elected = n;
	res->unfilled = r->seats - filled[0];
	res->unfilled_alternates = r->kind == ELECTION_DELEGATES ? r->alternates - filled[1] : 0;
	free(v);
}

/* What the congress does next (rules.md §1.5): nothing when every seat is
 * filled; for a chi bộ secretary still not elected in the third round the
 * upper level appoints (QĐ 294-QĐ/TW §23.3); otherwise a further round. */
static enum next_step next_step(const struct ctx *c)
{
	const struct election_result *res = c->res;
	if (res->unfilled + res->unfilled_alternates == 0)
		return NEXT_NONE;
	if (c->r->kind == ELECTION_SECRETARY && c->cell && c->r->round >= 3 && res->n_elected == 0)
		return NEXT_APPOINTMENT;
	return NEXT_FURTHER_ROUND;
}

static void results(struct ctx *c)
{
	struct election_result *res = c->res;
	for (size_t i = 0; i < res->n_cand; i++) {
		struct election_cand_result *cr = &res->cand[i];
		numfmt_percent_scaled(cr->votes, res->base, 2, &cr->pct100);
		cr->passes = 2 * cr->votes > res->base; /* QĐ 190-QĐ/TW Điều 30: quá một nửa */
	}
	place(c);
	rank(c);
	order_elected(c);
	res->next = next_step(c);
}

static int64_t ballot_limit(const struct election_round *r)
{
	/* a ballot elects at most the seats of this round; a round for
	 * alternates only elects at most the alternates */
	if (r->kind == ELECTION_DELEGATES && r->seats == 0)
		return r->alternates;
	return r->seats;
}

enum err election_count(const struct election_round *r, const struct election_rules *rules,
			struct election_result *res, struct diag_list *dl, const char *file)
{
	struct election_rules defaults;
	if (!rules) {
		election_rules_default(&defaults);
		rules = &defaults;
	}
	memset(res, 0, sizeof(*res));
	size_t before = diag_count(dl);
	struct ctx c = {
		.r = r,
		.ru = rules,
		.res = res,
		.dl = dl,
		.file = file,
		.limit = ballot_limit(r),
		.cell = r->has_org_kind && (r->org_kind == ORG_CELL || r->org_kind == ORG_BASE_CELL),
	};
	size_t n = r->n_cand ? r->n_cand : 1;
	res->n_cand = r->n_cand;
	res->cand = xcalloc(n, sizeof(*res->cand));
	res->issued = r->issued;
	c.stamp = xcalloc(n, sizeof(*c.stamp));
	c.struck = xcalloc(n, sizeof(*c.struck));

	check_numbers(&c);
	if (diag_count(dl) == before) {
		check_kind(&c);
		check_cell(&c);
		check_base(&c);
		check_list(&c);
		if (r->paper)
			count_paper(&c);
		else
			count_ballots(&c);
	}
	if (diag_count(dl) == before)
		results(&c);
	free(c.stamp);
	free(c.struck);
	if (diag_count(dl) != before) {
		election_result_free(res);
		return ERR_INPUT;
	}
	return ERR_OK;
}

void election_result_free(struct election_result *res)
{
	free(res->cand);
	free(res->elected);
	free(res->tie);
	memset(res, 0, sizeof(*res));
}
