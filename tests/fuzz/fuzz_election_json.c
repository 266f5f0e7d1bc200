/* fuzz_election_json: the election file reader and the count on arbitrary
 * bytes.
 *
 * Each input is parsed; the reader must either accept it with no problem or
 * refuse it with at least one, each problem placed (a line or a JSON path)
 * and explained. An accepted round is counted; a refused count must say
 * why, an accepted one must keep the count's promises:
 *   - returned = valid + invalid, and with ballots returned <= issued;
 *   - nobody has more votes than valid ballots; everyone elected has more
 *     than half of the base (2·votes > base) and is not tied;
 *   - seats are filled, unfilled or waiting for a tie, never more;
 *   - the elected are in descending votes within each kind of seat.
 * The JSON written for an accepted count must parse again, and the text
 * report must be valid UTF-8. */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/buf.h"
#include "core/diag.h"
#include "core/text.h"
#include "domain/election.h"
#include "io/election_json.h"

#define CHECK(c)                                                                       \
	do {                                                                           \
		if (!(c)) {                                                            \
			fprintf(stderr, "fuzz_election_json: %s:%d: %s\n", __FILE__,  \
				__LINE__, #c);                                         \
			abort();                                                       \
		}                                                                      \
	} while (0)

static void check_diags(const struct diag_list *dl)
{
	CHECK(diag_count(dl) > 0);
	for (size_t i = 0; i < dl->n; i++) {
		CHECK(dl->v[i].msg && dl->v[i].msg[0]);
		CHECK(dl->v[i].line > 0 || (dl->v[i].column && dl->v[i].column[0]) || dl->v[i].file);
	}
}

static void check_result(const struct election_doc *d, const struct election_result *res)
{
	const struct election_round *r = &d->round;
	CHECK(res->base > 0);
	CHECK(res->valid + res->invalid == res->returned);
	if (!r->paper)
		CHECK(res->returned <= res->issued);
	int64_t alt = r->kind == ELECTION_DELEGATES ? r->alternates : 0;
	int64_t filled[2] = {0, 0};
	for (size_t i = 0; i < res->n_cand; i++) {
		const struct election_cand_result *c = &res->cand[i];
		CHECK(c->votes >= 0 && c->votes <= res->valid);
		CHECK(!c->elected || (2 * c->votes > res->base && !c->tied));
		CHECK(c->rank >= 1 && (size_t)c->rank <= res->n_cand);
		if (c->elected)
			filled[c->as == SEAT_ALTERNATE]++;
	}
	CHECK(filled[0] + res->unfilled == r->seats);
	CHECK(filled[1] + res->unfilled_alternates == alt);
	CHECK(res->tie_seats <= res->unfilled + res->unfilled_alternates);
	CHECK((size_t)(filled[0] + filled[1]) == res->n_elected);
	for (size_t i = 1; i < res->n_elected; i++) {
		const struct election_cand_result *a = &res->cand[res->elected[i - 1]], *b = &res->cand[res->elected[i]];
		CHECK((a->as == SEAT_ALTERNATE) <= (b->as == SEAT_ALTERNATE));
		CHECK(a->as != b->as || a->votes >= b->votes);
	}
}

static void check_output(const struct election_doc *d, const struct election_result *res)
{
	struct buf out;
	json_error_t jerr;
	buf_init(&out, 0);
	election_json_write(d, res, &out);
	json_t *back = json_loadb(out.ptr, out.len, 0, &jerr);
	CHECK(back != NULL);
	CHECK(json_integer_value(json_object_get(back, "base")) == res->base);
	CHECK(json_array_size(json_object_get(back, "candidates")) == res->n_cand);
	json_decref(back);
	buf_reset(&out);
	election_text_write(d, res, &out);
	CHECK(text_valid_utf8(out.ptr, out.len, NULL));
	buf_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct election_doc d;
	struct diag_list dl;
	struct election_result res;
	election_doc_init(&d);
	diag_init(&dl);
	enum err e = election_json_parse((const char *)data, size, "fuzz.json", &d, &dl);
	if (e) {
		CHECK(e == ERR_INPUT);
		check_diags(&dl);
	} else {
		CHECK(diag_count(&dl) == 0);
		e = election_count(&d.round, &d.rules, &res, &dl, "fuzz.json");
		if (e) {
			CHECK(e == ERR_INPUT);
			check_diags(&dl);
			CHECK(res.cand == NULL);
		} else {
			check_result(&d, &res);
			check_output(&d, &res);
		}
		election_result_free(&res);
	}
	diag_free(&dl);
	election_doc_free(&d);
	return 0;
}
