/* election_json: strict reader of the election file and writers of the
 * result (JSON and Vietnamese text). Built on jansson.
 *
 * The reader walks a table of the keys an object may have; each key has a
 * handler that checks the value's type and range and stores it into the
 * object being read. Keys are handled in table order, not file order, so
 * the candidates are known before the ballots name them. */
#include "io/election_json.h"

#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/numfmt.h"
#include "core/text.h"
#include "core/xalloc.h"

#define ID_MAX 100    /* bytes of a candidate id */
#define TEXT_MAX 1000 /* bytes of a name or other text */
#define PATH_MAX_ 200

struct rd {
	const char *file;
	struct diag_list *dl;
	struct election_doc *d;
};

static void bad(struct rd *r, const char *path, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void bad(struct rd *r, const char *path, const char *fmt, ...)
{
	struct buf b;
	va_list ap;
	buf_init(&b, 0);
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	diag_add(r->dl, r->file, 0, path, "%s", buf_str(&b));
	buf_free(&b);
}

static void join(char *out, size_t size, const char *base, const char *key)
{
	if (base && base[0])
		snprintf(out, size, "%s.%s", base, key);
	else
		snprintf(out, size, "%s", key);
}

/* ---- typed getters ---------------------------------------------------- */

static bool get_int(struct rd *r, json_t *v, const char *path, int64_t min, int64_t max, int64_t *out)
{
	if (!json_is_integer(v)) {
		bad(r, path, "must be a whole number");
		return false;
	}
	json_int_t n = json_integer_value(v);
	if (n < min || n > max) {
		bad(r, path, "must be from %lld to %lld, not %lld", (long long)min, (long long)max, (long long)n);
		return false;
	}
	*out = (int64_t)n;
	return true;
}

static bool get_count(struct rd *r, json_t *v, const char *path, int64_t *out)
{
	return get_int(r, v, path, 0, ELECTION_MAX_COUNT, out);
}

/* A string of at most max bytes with no control character; *out (freed
 * first) becomes a copy, NFC-cleaned when clean is set. */
static bool get_str(struct rd *r, json_t *v, const char *path, size_t max, bool clean, char **out)
{
	if (!json_is_string(v)) {
		bad(r, path, "must be a string");
		return false;
	}
	const char *s = json_string_value(v);
	size_t n = json_string_length(v);
	if (n > max) {
		bad(r, path, "is longer than %zu bytes", max);
		return false;
	}
	if (!text_valid_utf8(s, n, NULL) || strpbrk(s, "\t\r\n")) {
		bad(r, path, "contains a control character");
		return false;
	}
	free(*out);
	*out = clean ? text_nfc_clean(s) : xstrdup(s);
	return true;
}

/* A string naming one of a fixed set; its value, or NULL after a problem. */
static const char *get_word(struct rd *r, json_t *v, const char *path)
{
	if (!json_is_string(v)) {
		bad(r, path, "must be a string");
		return NULL;
	}
	return json_string_value(v);
}

static void bad_choice(struct rd *r, const char *path, const char *got, const char *choices)
{
	bad(r, path, "unknown value '%.60s' (expected %s)", got, choices);
}

/* ---- objects: a table of keys per kind of object ------------------------ */

struct key {
	const char *name;
	bool required;
	void (*read)(struct rd *r, json_t *v, const char *path, void *target);
};

/* Checks that obj is an object with only known keys and every required
 * one, then calls each present key's reader, in table order, on target. */
static void read_object(struct rd *r, json_t *obj, const char *path, const struct key *keys, void *target)
{
	char sub[PATH_MAX_];
	if (!json_is_object(obj)) {
		bad(r, path[0] ? path : "(top)", "must be an object");
		return;
	}
	const char *k;
	json_t *v;
	json_object_foreach(obj, k, v) {
		const struct key *p = keys;
		while (p->name && strcmp(p->name, k) != 0)
			p++;
		if (!p->name) {
			join(sub, sizeof(sub), path, k);
			bad(r, sub, "unknown key");
		}
	}
	for (const struct key *p = keys; p->name; p++) {
		join(sub, sizeof(sub), path, p->name);
		v = json_object_get(obj, p->name);
		if (!v) {
			if (p->required)
				bad(r, sub, "is required");
			continue;
		}
		p->read(r, v, sub, target);
	}
}

#define DOC(t) ((struct election_doc *)(t))
#define ROUND(t) (&DOC(t)->round)

/* ---- the round ---------------------------------------------------------- */

static void rd_election(struct rd *r, json_t *v, const char *path, void *t)
{
	const char *s = get_word(r, v, path);
	if (s && !election_kind_parse(s, &ROUND(t)->kind))
		bad_choice(r, path, s, "committee, standing, secretary, deputy, delegates, inspection or opinion");
}

static void rd_congress(struct rd *r, json_t *v, const char *path, void *t)
{
	const char *s = get_word(r, v, path);
	if (s && !congress_kind_parse(s, &ROUND(t)->congress))
		bad_choice(r, path, s, "members or delegates");
}

static void rd_org_kind(struct rd *r, json_t *v, const char *path, void *t)
{
	const char *s = get_word(r, v, path);
	if (!s)
		return;
	if (org_kind_parse(s, &ROUND(t)->org_kind))
		ROUND(t)->has_org_kind = true;
	else
		bad_choice(r, path, s, "central, province, upper, base_committee, base_cell, sub_committee or cell");
}

static void rd_seats(struct rd *r, json_t *v, const char *path, void *t)
{
	get_count(r, v, path, &ROUND(t)->seats);
}

static void rd_alternates(struct rd *r, json_t *v, const char *path, void *t)
{
	get_count(r, v, path, &ROUND(t)->alternates);
}

static void rd_convened(struct rd *r, json_t *v, const char *path, void *t)
{
	get_count(r, v, path, &ROUND(t)->convened);
}

static void rd_issued(struct rd *r, json_t *v, const char *path, void *t)
{
	get_count(r, v, path, &ROUND(t)->issued);
}

static void rd_committee_size(struct rd *r, json_t *v, const char *path, void *t)
{
	get_int(r, v, path, 1, ELECTION_MAX_COUNT, &ROUND(t)->committee_size);
}

static void rd_round(struct rd *r, json_t *v, const char *path, void *t)
{
	int64_t n;
	if (get_int(r, v, path, 1, 1000, &n))
		ROUND(t)->round = (int)n;
}

static void rd_excluded(struct rd *r, json_t *v, const char *path, void *t)
{
	char sub[PATH_MAX_];
	if (!json_is_object(v)) {
		bad(r, path, "must be an object");
		return;
	}
	const char *k;
	json_t *n;
	json_object_foreach(v, k, n) {
		enum election_exclusion x;
		join(sub, sizeof(sub), path, k);
		if (!exclusion_parse(k, &x))
			bad(r, sub, "unknown exclusion (expected temp_out_absent, exempt_absent, suspended, "
			    "excused_absent, committee_absent or delegate_absent_no_alternate)");
		else
			get_count(r, n, sub, &ROUND(t)->excluded[x]);
	}
}

static void rd_surplus_percent(struct rd *r, json_t *v, const char *path, void *t)
{
	int64_t n;
	if (get_int(r, v, path, 0, 100, &n))
		DOC(t)->rules.surplus_percent = (int)n;
}

static void rd_surplus_rounding(struct rd *r, json_t *v, const char *path, void *t)
{
	const char *s = get_word(r, v, path);
	if (s && !surplus_rounding_parse(s, &DOC(t)->rules.rounding))
		bad_choice(r, path, s, "floor, half_up or ceil");
}

/* ---- candidates --------------------------------------------------------- */

struct cand_in {
	char *id, *name;
	int64_t age;
};

static void rd_cand_id(struct rd *r, json_t *v, const char *path, void *t)
{
	get_str(r, v, path, ID_MAX, false, &((struct cand_in *)t)->id);
}

static void rd_cand_name(struct rd *r, json_t *v, const char *path, void *t)
{
	get_str(r, v, path, TEXT_MAX, true, &((struct cand_in *)t)->name);
}

static void rd_cand_age(struct rd *r, json_t *v, const char *path, void *t)
{
	get_int(r, v, path, 0, 100000, &((struct cand_in *)t)->age);
}

static const struct key cand_keys[] = {
	{"id", true, rd_cand_id},
	{"name", true, rd_cand_name},
	{"party_age_days", false, rd_cand_age},
	{0},
};

static void rd_candidates(struct rd *r, json_t *v, const char *path, void *t)
{
	char sub[PATH_MAX_];
	struct election_round *er = ROUND(t);
	if (!json_is_array(v)) {
		bad(r, path, "must be an array");
		return;
	}
	if (json_array_size(v) > ELECTION_MAX_CANDIDATES) {
		bad(r, path, "more than %d candidates", ELECTION_MAX_CANDIDATES);
		return;
	}
	for (size_t i = 0; i < json_array_size(v); i++) {
		struct cand_in c = {NULL, NULL, -1};
		snprintf(sub, sizeof(sub), "%s[%zu]", path, i);
		read_object(r, json_array_get(v, i), sub, cand_keys, &c);
		election_add_candidate(er, c.id ? c.id : "", c.name ? c.name : "", c.age);
		free(c.id);
		free(c.name);
	}
	election_index(er);
}

/* ---- ballots ------------------------------------------------------------ */

/* The candidate named by id at path, or -1 after reporting it. */
static int32_t find_cand(struct rd *r, const struct election_round *er, const char *id, const char *path)
{
	int32_t c = election_find(er, id);
	if (c < 0)
		bad(r, path, "'%.60s' is not a candidate on the list (a name written in makes the ballot invalid: "
		    "give it as {\"invalid\": \"write_in\"}, QĐ 190-QĐ/TW Điều 15)", id);
	return c;
}

static void rd_names(struct rd *r, json_t *v, const char *path, enum ballot_form form)
{
	char sub[PATH_MAX_];
	struct election_round *er = &r->d->round;
	if (!json_is_array(v)) {
		bad(r, path, "must be an array of candidate ids");
		return;
	}
	election_add_ballot(er, form, 0);
	for (size_t j = 0; j < json_array_size(v); j++) {
		json_t *s = json_array_get(v, j);
		snprintf(sub, sizeof(sub), "%s[%zu]", path, j);
		if (!json_is_string(s)) {
			bad(r, sub, "must be a candidate id (a string)");
			continue;
		}
		int32_t c = find_cand(r, er, json_string_value(s), sub);
		if (c >= 0)
			election_ballot_add(er, c, MARK_YES);
	}
}

static void rd_kept(struct rd *r, json_t *v, const char *path, void *t)
{
	(void)t;
	rd_names(r, v, path, BALLOT_KEPT);
}

static void rd_struck(struct rd *r, json_t *v, const char *path, void *t)
{
	(void)t;
	rd_names(r, v, path, BALLOT_STRUCK);
}

static void rd_marks(struct rd *r, json_t *v, const char *path, void *t)
{
	char sub[PATH_MAX_];
	struct election_round *er = &r->d->round;
	(void)t;
	if (!json_is_object(v)) {
		bad(r, path, "must be an object of candidate id: yes, no, both or none");
		return;
	}
	election_add_ballot(er, BALLOT_MARKS, 0);
	const char *k;
	json_t *m;
	json_object_foreach(v, k, m) {
		enum ballot_mark mark;
		join(sub, sizeof(sub), path, k);
		int32_t c = find_cand(r, er, k, sub);
		const char *s = get_word(r, m, sub);
		if (s && !ballot_mark_parse(s, &mark))
			bad_choice(r, sub, s, "yes, no, both or none");
		else if (s && c >= 0)
			election_ballot_add(er, c, mark);
	}
}

static void rd_invalid(struct rd *r, json_t *v, const char *path, void *t)
{
	enum invalid_reason why;
	(void)t;
	const char *s = get_word(r, v, path);
	if (!s)
		return;
	if (!invalid_reason_parse_face(s, &why)) {
		bad_choice(r, path, s, "not_issued, write_in or extra_marks; ballots invalid by rule are given "
			   "as they are and the count finds them");
		return;
	}
	election_add_ballot(&r->d->round, BALLOT_INVALID, why);
}

static const struct key ballot_keys[] = {
	{"kept", false, rd_kept},
	{"struck", false, rd_struck},
	{"marks", false, rd_marks},
	{"invalid", false, rd_invalid},
	{0},
};

static void rd_ballots(struct rd *r, json_t *v, const char *path, void *t)
{
	char sub[PATH_MAX_];
	if (json_is_null(v))
		return;
	if (!json_is_array(v)) {
		bad(r, path, "must be an array");
		return;
	}
	if (json_array_size(v) > ELECTION_MAX_BALLOTS) {
		bad(r, path, "more than %d ballots", ELECTION_MAX_BALLOTS);
		return;
	}
	for (size_t i = 0; i < json_array_size(v); i++) {
		json_t *b = json_array_get(v, i);
		snprintf(sub, sizeof(sub), "%s[%zu]", path, i);
		if (!json_is_object(b) || json_object_size(b) != 1) {
			bad(r, sub, "a ballot is an object with exactly one of kept, struck, marks or invalid");
			continue;
		}
		read_object(r, b, sub, ballot_keys, t);
	}
}

/* ---- paper totals --------------------------------------------------------- */

#define COUNTS(t) (&ROUND(t)->counts)

static void rd_returned(struct rd *r, json_t *v, const char *path, void *t)
{
	get_count(r, v, path, &COUNTS(t)->returned);
}

static void rd_valid(struct rd *r, json_t *v, const char *path, void *t)
{
	get_count(r, v, path, &COUNTS(t)->valid);
}

static void rd_invalid_total(struct rd *r, json_t *v, const char *path, void *t)
{
	get_count(r, v, path, &COUNTS(t)->invalid);
}

static void rd_votes(struct rd *r, json_t *v, const char *path, void *t)
{
	char sub[PATH_MAX_];
	struct election_round *er = ROUND(t);
	if (!json_is_object(v)) {
		bad(r, path, "must be an object of candidate id: votes");
		return;
	}
	const char *k;
	json_t *n;
	json_object_foreach(v, k, n) {
		int64_t votes;
		join(sub, sizeof(sub), path, k);
		int32_t c = find_cand(r, er, k, sub);
		if (get_count(r, n, sub, &votes) && c >= 0)
			er->counts.votes[c] = votes;
	}
}

static void rd_reasons(struct rd *r, json_t *v, const char *path, void *t)
{
	char sub[PATH_MAX_];
	struct election_counts *k = COUNTS(t);
	if (!json_is_object(v)) {
		bad(r, path, "must be an object of reason: ballots");
		return;
	}
	k->has_reasons = true;
	const char *key;
	json_t *n;
	json_object_foreach(v, key, n) {
		join(sub, sizeof(sub), path, key);
		enum invalid_reason why;
		if (!invalid_reason_parse(key, &why))
			bad(r, sub, "unknown reason (expected not_issued, write_in, extra_marks, over_seats, all_struck "
			    "or unclear_single)");
		else
			get_count(r, n, sub, &k->invalid_by[why]);
	}
}

static const struct key counts_keys[] = {
	{"returned", true, rd_returned},
	{"valid", true, rd_valid},
	{"invalid", true, rd_invalid_total},
	{"invalid_reasons", false, rd_reasons},
	{"votes", true, rd_votes},
	{0},
};

static void rd_counts(struct rd *r, json_t *v, const char *path, void *t)
{
	if (json_is_null(v))
		return;
	election_use_counts(ROUND(t));
	read_object(r, v, path, counts_keys, t);
}

/* ---- what the minutes print ------------------------------------------------ */

static void rd_text(struct rd *r, json_t *v, const char *path, char **out)
{
	get_str(r, v, path, TEXT_MAX, true, out);
}

static void rd_organization(struct rd *r, json_t *v, const char *path, void *t)
{
	rd_text(r, v, path, &DOC(t)->organization);
}

static void rd_upper(struct rd *r, json_t *v, const char *path, void *t)
{
	rd_text(r, v, path, &DOC(t)->upper_organization);
}

static void rd_title(struct rd *r, json_t *v, const char *path, void *t)
{
	rd_text(r, v, path, &DOC(t)->congress_title);
}

static void rd_place(struct rd *r, json_t *v, const char *path, void *t)
{
	rd_text(r, v, path, &DOC(t)->place);
}

static void rd_date(struct rd *r, json_t *v, const char *path, void *t)
{
	const char *s = get_word(r, v, path);
	if (s && !date_parse(s, &DOC(t)->date))
		bad(r, path, "'%.40s' is not a date (YYYY-MM-DD)", s);
}

static void rd_signer_name(struct rd *r, json_t *v, const char *path, void *t)
{
	rd_text(r, v, path, &((struct election_signer *)t)->name);
}

static void rd_signer_role(struct rd *r, json_t *v, const char *path, void *t)
{
	rd_text(r, v, path, &((struct election_signer *)t)->role);
}

static const struct key signer_keys[] = {
	{"name", true, rd_signer_name},
	{"role", false, rd_signer_role},
	{0},
};

static void rd_board(struct rd *r, json_t *v, const char *path, void *t)
{
	char sub[PATH_MAX_];
	struct election_doc *d = DOC(t);
	if (!json_is_array(v) || json_array_size(v) > 100) {
		bad(r, path, "must be an array of at most 100 {\"name\", \"role\"}");
		return;
	}
	d->board = xcalloc(json_array_size(v) + 1, sizeof(*d->board));
	for (size_t i = 0; i < json_array_size(v); i++) {
		snprintf(sub, sizeof(sub), "%s[%zu]", path, i);
		read_object(r, json_array_get(v, i), sub, signer_keys, &d->board[d->n_board++]);
	}
}

/* The top level, in the order the values are needed: the candidates before
 * the ballots and counts that name them. */
static const struct key top_keys[] = {
	{"election", true, rd_election},
	{"congress", true, rd_congress},
	{"organization_kind", false, rd_org_kind},
	{"seats", true, rd_seats},
	{"alternates", false, rd_alternates},
	{"convened", true, rd_convened},
	{"excluded", false, rd_excluded},
	{"committee_size", false, rd_committee_size},
	{"round", false, rd_round},
	{"surplus_percent", false, rd_surplus_percent},
	{"surplus_rounding", false, rd_surplus_rounding},
	{"candidates", true, rd_candidates},
	{"ballots_issued", true, rd_issued},
	{"counts", false, rd_counts},
	{"ballots", false, rd_ballots},
	{"organization", false, rd_organization},
	{"upper_organization", false, rd_upper},
	{"congress_title", false, rd_title},
	{"place", false, rd_place},
	{"date", false, rd_date},
	{"counting_board", false, rd_board},
	{0},
};

void election_doc_init(struct election_doc *d)
{
	memset(d, 0, sizeof(*d));
	election_round_init(&d->round);
	election_rules_default(&d->rules);
	d->date = DATE_NONE;
}

void election_doc_free(struct election_doc *d)
{
	election_round_free(&d->round);
	free(d->organization);
	free(d->upper_organization);
	free(d->congress_title);
	free(d->place);
	for (size_t i = 0; i < d->n_board; i++) {
		free(d->board[i].name);
		free(d->board[i].role);
	}
	free(d->board);
	memset(d, 0, sizeof(*d));
	d->date = DATE_NONE;
}

enum err election_json_parse(const char *data, size_t len, const char *file, struct election_doc *d,
			     struct diag_list *dl)
{
	struct rd r = {file, dl, d};
	json_error_t jerr;
	size_t before = diag_count(dl);
	json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!root) {
		diag_add(dl, file, jerr.line > 0 ? jerr.line : 0, NULL, "not valid JSON: %s (column %d)", jerr.text,
			 jerr.column);
		return ERR_INPUT;
	}
	read_object(&r, root, "", top_keys, d);
	json_t *b = json_object_get(root, "ballots"), *c = json_object_get(root, "counts");
	if (json_is_array(b) && json_array_size(b) && c && !json_is_null(c))
		bad(&r, "counts", "give either the ballots or the paper counts, not both");
	json_decref(root);
	return diag_count(dl) == before ? ERR_OK : ERR_INPUT;
}

enum err election_json_read_file(const char *path, struct election_doc *d, struct diag_list *dl)
{
	bool std = strcmp(path, "-") == 0;
	FILE *f = std ? stdin : fopen(path, "rb");
	if (!f) {
		diag_add(dl, path, 0, NULL, "cannot open: %s", strerror(errno));
		return ERR_INPUT;
	}
	struct buf b;
	buf_init(&b, ELECTION_JSON_MAX);
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0 && !b.overflow)
		buf_add(&b, chunk, n);
	bool failed = ferror(f) != 0;
	if (!std)
		fclose(f);
	enum err e = ERR_OK;
	if (failed) {
		diag_add(dl, path, 0, NULL, "cannot read: %s", strerror(errno));
		e = ERR_INPUT;
	} else if (b.overflow) {
		diag_add(dl, path, 0, NULL, "larger than %u MiB", ELECTION_JSON_MAX >> 20);
		e = ERR_TOOBIG;
	} else
		e = election_json_parse(b.ptr, b.len, path, d, dl);
	buf_free(&b);
	return e;
}

/* ---- writers -------------------------------------------------------------- */

/* What is elected, for people (the minutes' title and the text report). */
const char *election_body_label(const struct election_round *r)
{
	bool cell = r->has_org_kind && (r->org_kind == ORG_CELL || r->org_kind == ORG_BASE_CELL);
	static const char *const labels[ELECTION__MAX] = {
		[ELECTION_COMMITTEE] = "Ban Chấp hành",
		[ELECTION_STANDING] = "Ban Thường vụ",
		[ELECTION_SECRETARY] = "Bí thư",
		[ELECTION_DEPUTY] = "Phó Bí thư",
		[ELECTION_DELEGATES] = "đại biểu dự đại hội cấp trên",
		[ELECTION_INSPECTION] = "Ủy ban Kiểm tra",
		[ELECTION_OPINION] = "lấy ý kiến giới thiệu người ứng cử, đề cử",
	};
	if (r->kind == ELECTION_COMMITTEE && cell)
		return "Chi ủy";
	return (unsigned)r->kind < ELECTION__MAX ? labels[r->kind] : "";
}

const char *election_base_label(const struct election_round *r)
{
	return r->congress == CONGRESS_DELEGATES ? "đại biểu chính thức" : "đảng viên chính thức";
}

static json_t *jint(int64_t n)
{
	return json_integer((json_int_t)n);
}

static json_t *jids(const struct election_round *r, const uint32_t *idx, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(r->cand[idx[i]].id));
	return a;
}

static json_t *json_candidate(const struct election_doc *d, const struct election_result *res, size_t i)
{
	const struct election_round *r = &d->round;
	const struct election_cand_result *cr = &res->cand[i];
	struct buf pct;
	buf_init(&pct, 0);
	numfmt_percent_text(&pct, cr->votes, res->base, 2);
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(r->cand[i].id));
	json_object_set_new(o, "name", json_string(r->cand[i].name));
	json_object_set_new(o, "votes", jint(cr->votes));
	if (res->has_marks) {
		json_object_set_new(o, "against", jint(cr->against));
		json_object_set_new(o, "not_counted", jint(cr->not_counted));
	}
	json_object_set_new(o, "percent_of_base", json_real((double)cr->pct100 / 100.0));
	json_object_set_new(o, "percent_text", json_string(buf_str(&pct)));
	json_object_set_new(o, "elected", json_boolean(cr->elected));
	if (r->kind == ELECTION_DELEGATES)
		json_object_set_new(o, "as", cr->elected ? json_string(seat_as_name(cr->as)) : json_null());
	if (cr->as == SEAT_ALTERNATE)
		json_object_set_new(o, "promotion", json_integer(cr->promotion));
	json_object_set_new(o, "tied", json_boolean(cr->tied));
	json_object_set_new(o, "rank", json_integer(cr->rank));
	buf_free(&pct);
	return o;
}

/* The result as a jansson object (contract §4). */
static json_t *json_result(const struct election_doc *d, const struct election_result *res)
{
	const struct election_round *r = &d->round;
	json_t *o = json_object(), *x = json_object(), *why = json_object(), *cands = json_array();
	json_object_set_new(o, "election", json_string(election_kind_name(r->kind)));
	json_object_set_new(o, "congress", json_string(congress_kind_name(r->congress)));
	if (r->has_org_kind)
		json_object_set_new(o, "organization_kind", json_string(org_kind_name(r->org_kind)));
	if (r->round)
		json_object_set_new(o, "round", json_integer(r->round));
	json_object_set_new(o, "seats", jint(r->seats));
	json_object_set_new(o, "alternates", jint(r->alternates));
	json_object_set_new(o, "convened", jint(res->convened));
	for (int i = 0; i < EXCL__MAX; i++)
		json_object_set_new(x, exclusion_name((enum election_exclusion)i), jint(res->excluded[i]));
	json_object_set_new(o, "excluded", x);
	json_object_set_new(o, "base", jint(res->base));
	json_object_set_new(o, "threshold", jint(res->threshold));
	json_object_set_new(o, "issued", jint(res->issued));
	json_object_set_new(o, "returned", jint(res->returned));
	json_object_set_new(o, "valid", jint(res->valid));
	json_object_set_new(o, "invalid", jint(res->invalid));
	for (int i = 0; i < INVALID__MAX; i++)
		if (res->invalid_by[i])
			json_object_set_new(why, invalid_reason_name((enum invalid_reason)i), jint(res->invalid_by[i]));
	json_object_set_new(o, "invalid_reasons", why);
	for (size_t i = 0; i < res->n_cand; i++)
		json_array_append_new(cands, json_candidate(d, res, i));
	json_object_set_new(o, "candidates", cands);
	json_object_set_new(o, "elected", jids(r, res->elected, res->n_elected));
	json_object_set_new(o, "unfilled", jint(res->unfilled));
	if (r->kind == ELECTION_DELEGATES)
		json_object_set_new(o, "unfilled_alternates", jint(res->unfilled_alternates));
	json_object_set_new(o, "tie", jids(r, res->tie, res->n_tie));
	json_object_set_new(o, "tie_seats", jint(res->tie_seats));
	json_object_set_new(o, "next_step", json_string(next_step_name(res->next)));
	return o;
}

void election_json_write(const struct election_doc *d, const struct election_result *res, struct buf *out)
{
	json_t *o = json_result(d, res);
	/* 15 significant digits print a two-decimal percentage exactly ("54.55") */
	char *s = json_dumps(o, JSON_INDENT(2) | JSON_REAL_PRECISION(15));
	buf_adds(out, s);
	buf_addch(out, '\n');
	free(s);
	json_decref(o);
}

/* ---- the text report ------------------------------------------------------ */

#define TCOLS 6

/* A text table: cells owned by the table, widths in code points. */
struct ttable {
	int ncol;
	const char *head[TCOLS];
	bool right[TCOLS];
	char **cell; /* nrow * ncol */
	size_t nrow, cap;
};

static void tt_row(struct ttable *t, ...)
{
	va_list ap;
	XGROW(t->cell, t->cap, (t->nrow + 1) * (size_t)t->ncol);
	va_start(ap, t);
	for (int c = 0; c < t->ncol; c++)
		t->cell[t->nrow * (size_t)t->ncol + (size_t)c] = va_arg(ap, char *); /* taken over */
	va_end(ap);
	t->nrow++;
}

static void tt_pad(struct buf *out, const char *s, size_t width, bool right, bool last)
{
	size_t w = text_codepoints(s, strlen(s));
	size_t pad = w < width ? width - w : 0;
	if (right)
		for (size_t i = 0; i < pad; i++)
			buf_addch(out, ' ');
	buf_adds(out, s);
	if (!right && !last)
		for (size_t i = 0; i < pad; i++)
			buf_addch(out, ' ');
}

static void tt_print(struct ttable *t, struct buf *out)
{
	size_t width[TCOLS];
	for (int c = 0; c < t->ncol; c++) {
		width[c] = text_codepoints(t->head[c], strlen(t->head[c]));
		for (size_t r = 0; r < t->nrow; r++) {
			const char *s = t->cell[r * (size_t)t->ncol + (size_t)c];
			size_t w = text_codepoints(s, strlen(s));
			if (w > width[c])
				width[c] = w;
		}
	}
	for (size_t r = 0; r <= t->nrow; r++) {
		for (int c = 0; c < t->ncol; c++) {
			const char *s = r == 0 ? t->head[c] : t->cell[(r - 1) * (size_t)t->ncol + (size_t)c];
			if (c)
				buf_adds(out, "  ");
			tt_pad(out, s, width[c], t->right[c], c == t->ncol - 1);
		}
		while (out->len && out->ptr[out->len - 1] == ' ')
			buf_truncate(out, out->len - 1);
		buf_addch(out, '\n');
	}
	for (size_t i = 0; i < t->nrow * (size_t)t->ncol; i++)
		free(t->cell[i]);
	free(t->cell);
}

static char *fmt_int(int64_t n)
{
	struct buf b;
	buf_init(&b, 0);
	numfmt_int(&b, n);
	return buf_detach(&b, NULL);
}

static char *fmt_pct(int64_t n, int64_t base)
{
	struct buf b;
	buf_init(&b, 0);
	numfmt_percent_text(&b, n, base, 2);
	return buf_detach(&b, NULL);
}

static void add_int(struct buf *out, int64_t n)
{
	numfmt_int(out, n);
}

/* What the result says of one candidate, in Vietnamese. */
static const char *cand_outcome(const struct election_cand_result *cr)
{
	static const char *const as_text[SEAT__MAX] = {
		[SEAT_MEMBER] = "trúng cử",
		[SEAT_DELEGATE] = "trúng cử đại biểu chính thức",
		[SEAT_ALTERNATE] = "trúng cử đại biểu dự khuyết",
	};
	if (cr->elected)
		return as_text[cr->as] ? as_text[cr->as] : "trúng cử";
	if (cr->tied)
		return "bằng phiếu ở chỗ cuối: bầu tiếp";
	return cr->passes ? "quá một nửa, ngoài số lượng" : "";
}

static void text_head(const struct election_doc *d, const struct election_result *res, struct buf *out)
{
	const struct election_round *r = &d->round;
	buf_addf(out, "KẾT QUẢ KIỂM PHIẾU: %s%s", r->kind == ELECTION_OPINION ? "" : "bầu ", election_body_label(r));
	if (r->round)
		buf_addf(out, " (lần bầu thứ %d)", r->round);
	buf_addch(out, '\n');
	if (d->congress_title)
		buf_addf(out, "%s\n", d->congress_title);
	buf_adds(out, "\nSố lượng cần bầu: ");
	add_int(out, r->seats);
	if (r->kind == ELECTION_DELEGATES) {
		buf_adds(out, " đại biểu chính thức, ");
		add_int(out, r->alternates);
		buf_adds(out, " đại biểu dự khuyết");
	}
	buf_addf(out, "\nTổng số %s được triệu tập: ", election_base_label(r));
	add_int(out, res->convened);
	buf_addch(out, '\n');
	for (int i = 0; i < EXCL__MAX; i++) {
		if (!res->excluded[i])
			continue;
		buf_addf(out, "  trừ %s: ", exclusion_label((enum election_exclusion)i));
		add_int(out, res->excluded[i]);
		buf_addch(out, '\n');
	}
	buf_adds(out, "Số dùng để tính kết quả bầu cử (QĐ 190-QĐ/TW Điều 30): ");
	add_int(out, res->base);
	buf_adds(out, "; trúng cử khi được quá một nửa, tức từ ");
	add_int(out, res->threshold);
	buf_adds(out, " phiếu trở lên\n");
	buf_adds(out, "Số phiếu phát ra: ");
	add_int(out, res->issued);
	buf_adds(out, "; thu về: ");
	add_int(out, res->returned);
	buf_adds(out, "; hợp lệ: ");
	add_int(out, res->valid);
	buf_adds(out, "; không hợp lệ: ");
	add_int(out, res->invalid);
	buf_addch(out, '\n');
	for (int i = 0; i < INVALID__MAX; i++) {
		if (!res->invalid_by[i])
			continue;
		buf_addf(out, "  %s: ", invalid_reason_label((enum invalid_reason)i));
		add_int(out, res->invalid_by[i]);
		buf_addch(out, '\n');
	}
	buf_addch(out, '\n');
}

static void text_table(const struct election_doc *d, const struct election_result *res, struct buf *out)
{
	const struct election_round *r = &d->round;
	struct ttable t = {0};
	int c = 0;
	t.head[c++] = "TT";
	t.head[c++] = "Họ và tên";
	t.head[c++] = res->has_marks ? "Đồng ý" : "Số phiếu";
	if (res->has_marks)
		t.head[c++] = "Không đồng ý";
	t.head[c++] = "Tỷ lệ";
	t.head[c++] = "Kết quả";
	t.ncol = c;
	for (int k = 0; k < c; k++)
		t.right[k] = k != 1 && k != c - 1;
	for (size_t i = 0; i < res->n_cand; i++) {
		const struct election_cand_result *cr = &res->cand[i];
		char *tt = xasprintf("%zu", i + 1), *name = xstrdup(r->cand[i].name), *v = fmt_int(cr->votes);
		char *pct = fmt_pct(cr->votes, res->base), *what = xstrdup(cand_outcome(cr));
		if (res->has_marks)
			tt_row(&t, tt, name, v, fmt_int(cr->against), pct, what);
		else
			tt_row(&t, tt, name, v, pct, what);
	}
	tt_print(&t, out);
}

static void text_elected(const struct election_doc *d, const struct election_result *res, struct buf *out)
{
	const struct election_round *r = &d->round;
	buf_adds(out, "\nTrúng cử (theo số phiếu từ cao xuống thấp):");
	if (!res->n_elected)
		buf_adds(out, " không có");
	buf_addch(out, '\n');
	for (size_t i = 0; i < res->n_elected; i++) {
		const struct election_cand_result *cr = &res->cand[res->elected[i]];
		buf_addf(out, "  %zu. %s: ", i + 1, r->cand[res->elected[i]].name);
		add_int(out, cr->votes);
		buf_adds(out, " phiếu");
		if (cr->as == SEAT_DELEGATE || cr->as == SEAT_ALTERNATE)
			buf_addf(out, ", %s", cr->as == SEAT_DELEGATE ? "chính thức" : "dự khuyết");
		if (cr->as == SEAT_ALTERNATE)
			buf_addf(out, " (thứ tự thay thế %d)", cr->promotion);
		buf_addch(out, '\n');
	}
}

static void text_next(const struct election_doc *d, const struct election_result *res, struct buf *out)
{
	const struct election_round *r = &d->round;
	if (res->unfilled || res->unfilled_alternates) {
		buf_adds(out, "Còn thiếu: ");
		add_int(out, res->unfilled);
		if (r->kind == ELECTION_DELEGATES) {
			buf_adds(out, " đại biểu chính thức, ");
			add_int(out, res->unfilled_alternates);
			buf_adds(out, " đại biểu dự khuyết");
		}
		buf_addch(out, '\n');
	}
	if (res->n_tie) {
		buf_adds(out, "Bằng số phiếu ở chỗ cuối (");
		add_int(out, res->tie_seats);
		buf_adds(out, " chỗ), bầu tiếp trong số:");
		for (size_t i = 0; i < res->n_tie; i++)
			buf_addf(out, "%s %s", i ? "," : "", r->cand[res->tie[i]].name);
		buf_addch(out, '\n');
	}
	static const char *const next_text[NEXT__MAX] = {
		[NEXT_NONE] = NULL,
		[NEXT_FURTHER_ROUND] = "Bước tiếp theo: đại hội xem xét, quyết định bầu tiếp.",
		[NEXT_APPOINTMENT] = "Bước tiếp theo: sau ba lần bầu không có người trúng cử, cấp ủy cấp trên trực tiếp "
				     "chỉ định bí thư (QĐ 294-QĐ/TW §23.3).",
	};
	if (next_text[res->next])
		buf_addf(out, "%s\n", next_text[res->next]);
}

void election_text_write(const struct election_doc *d, const struct election_result *res, struct buf *out)
{
	text_head(d, res, out);
	text_table(d, res, out);
	text_elected(d, res, out);
	text_next(d, res, out);
}
