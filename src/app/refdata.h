/* refdata: reference tables shipped in the binary (the CSV files of data/): the 54
 * ethnic groups and the recognised religions, looked up by code or name,
 * case- and diacritic-insensitively. Thread-safe after the first call. */
#ifndef DANGBO_APP_REFDATA_H
#define DANGBO_APP_REFDATA_H

#include <stdbool.h>

/* The canonical name ("Kinh") for a code ("01", "1") or a name in any
 * case/diacritics ("kinh"), or NULL if unknown. */
const char *refdata_ethnicity(const char *s);
/* Is this canonical ethnicity name the majority (Kinh)? */
bool refdata_is_kinh(const char *name);
/* The canonical religion name for a code or name, or NULL if unknown.
 * "Không", "không theo tôn giáo" and "00" mean no religion: returns "". */
const char *refdata_religion(const char *s);

#endif
