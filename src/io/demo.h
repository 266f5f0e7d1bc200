/* demo: a realistic, synthetic data set in the contract's CSV formats.
 *
 * demo_generate() writes orgs.csv, org_events.csv, members.csv and
 * events.csv (contract §2) for one province or for the whole country, from
 * the reference data embedded from data/ (the 2025 administrative units and
 * the units of 01/03/2025 with the mapping between them, ethnic groups,
 * religions, name frequencies). The organization tree follows the 2025
 * reorganization (rules.md §9): before 2025-07-01 base organizations sit
 * under district committees of the 63 former provinces; on 2025-07-01 they
 * move under the committees of the 3,321 new communes of the 34 provinces.
 * Members are drawn at random with plausible ages, gender, ethnicity,
 * religion, admission dates and histories. The same options (seed, scale,
 * province, "today") give byte-identical files. Memory stays small: the
 * data is written organization by organization. docs/internals/demo.md
 * describes the code scheme and every choice. */
#ifndef DANGBO_IO_DEMO_H
#define DANGBO_IO_DEMO_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/diag.h"
#include "core/err.h"

struct demo_opts {
	const char *province;   /* a province code of the demo (HN, HCM, QN, ...) or its GSO
				 * 2-digit code; NULL with national */
	bool national;
	uint64_t seed;          /* default 1 */
	double scale;           /* 1.0 = realistic size (0 is taken as 1.0), at most 10 */
	date_t today;           /* "now" of the data set; 0 = date_today() (DANGBO_TODAY
				 * fixes it); must be after 2025-07-01 */
	void (*progress)(void *arg, const char *phase, uint64_t done, uint64_t total); /* may be NULL */
	void *progress_arg;
};

struct demo_counts {
	uint64_t orgs, org_events, members, events;
	uint64_t members_current; /* rows whose status is a current member's */
	uint64_t base_orgs, cells; /* existing today: base committees and base cells; cells */
};

/* Writes orgs.csv, org_events.csv, members.csv and events.csv into dir
 * (which must exist), replacing files of those names. Counts of rows go to
 * *out (may be NULL). Returns ERR_OK; ERR_INPUT for an unknown province, a
 * bad option or bad embedded data (the problem is added to dl); ERR_IO when
 * a file cannot be written (also reported in dl). On error the files may be
 * partly written. */
enum err demo_generate(const struct demo_opts *o, const char *dir, struct demo_counts *out,
		       struct diag_list *dl);

/* The demo's code of each of the 34 provinces, in GSO order, ending with
 * NULL (for help texts and tests). */
extern const char *const demo_province_codes[];

#endif
