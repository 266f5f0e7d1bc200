/* card: the party card number and the CV number (rules.md §4.9, §4.10).
 *
 * From 02/9/2025 the party card number is the member's 12-digit personal
 * id (số định danh cá nhân; QĐ 347-QĐ/TW, HD 38-HD/BTCTW §II.2), built as
 * NĐ 137/2015/NĐ-CP Điều 13 says: 3 digits of the province where the birth
 * was registered (0 + the 2-digit GSO code of one of the 63 provinces that
 * existed 2008-2025; the 34 provinces of 2025 kept codes of that set),
 * 1 digit for gender and century (0/1 male/female born in the 1900s, 2/3 in
 * the 2000s, 4/5, 6/7, 8/9 the next three centuries), 2 digits of the year
 * of birth, 6 digits of serial.
 *
 * The CV number (số lý lịch đảng viên, HD 38-HD/BTCTW §I.2.2) is 6 digits
 * and the 2-3 letters of the province (here: the code of the province
 * organization in the tree, e.g. "QN"); the province gives each upper
 * committee a range, numbers are used consecutively, and a merged province
 * continues after the largest number issued in the provinces it took in.
 * Pure logic, no I/O. */
#ifndef DANGBO_DOMAIN_CARD_H
#define DANGBO_DOMAIN_CARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/diag.h"

/* Is code (1..99) the GSO code of one of the 63 provinces of 2008-2025? */
bool card_province_known(int code);
/* The 63 codes, ascending; *n receives the count. */
const int *card_province_codes(size_t *n);

/* Checks a personal id. birth (DATE_NONE: unknown) and female (-1:
 * unknown, 0 male, 1 female) are compared with the gender-century and year
 * digits when known. Every problem goes to dl under column col, citing the
 * rule in force on day d. */
bool card_id_check(const char *s, date_t birth, int female, date_t d, const char *col, struct diag_list *dl);

/* CV numbers: exactly 6 digits then 2 to 4 upper-case letters. */
#define CV_LETTERS_MAX 4
bool cv_parse(const char *s, int64_t *serial, char letters[CV_LETTERS_MAX + 1]);
/* Writes "000123QN" into out (at least 16 bytes). */
void cv_format(int64_t serial, const char *letters, char out[16]);
/* May letters be the letters of a CV number (2 to 4 upper-case ASCII)? */
bool cv_letters_valid(const char *letters);

#endif
