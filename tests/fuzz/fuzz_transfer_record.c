/* fuzz_transfer_record: the transfer record reader (io/transfer_record.h)
 * on arbitrary bytes.
 *
 * Each input is read; the reader must either accept it with no problem or
 * refuse it with at least one, each naming the file and explained. An
 * accepted record is written again; the text written must read back with
 * no problem and write the same text again (the format round-trips). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/diag.h"
#include "io/transfer_record.h"

#define CHECK(c)                                                                          \
	do {                                                                              \
		if (!(c)) {                                                               \
			fprintf(stderr, "fuzz_transfer_record: %s:%d: %s\n", __FILE__,   \
				__LINE__, #c);                                            \
			abort();                                                          \
		}                                                                         \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list dl;
	diag_init(&dl);
	struct transfer_record r;
	enum err e = transfer_record_read((const char *)data, size, "in.json", &r, &dl);
	if (e) {
		CHECK(e == ERR_INPUT);
		CHECK(diag_count(&dl) > 0);
		for (size_t i = 0; i < dl.n; i++)
			CHECK(dl.v[i].file && dl.v[i].msg && dl.v[i].msg[0]);
		diag_free(&dl);
		return 0;
	}
	CHECK(diag_count(&dl) == 0);
	CHECK(r.member_id && r.full_name && r.introduced != DATE_NONE);
	struct buf a, b;
	buf_init(&a, 0);
	buf_init(&b, 0);
	transfer_record_write(&r, &a);
	struct transfer_record r2;
	CHECK(transfer_record_read(buf_str(&a), a.len, "again.json", &r2, &dl) == ERR_OK);
	transfer_record_write(&r2, &b);
	CHECK(a.len == b.len && memcmp(buf_str(&a), buf_str(&b), a.len) == 0);
	transfer_record_free(&r);
	transfer_record_free(&r2);
	buf_free(&a);
	buf_free(&b);
	diag_free(&dl);
	return 0;
}
