/* text: Vietnamese text. UTF-8 validation, NFC, search keys, collation.
 *
 * Built on utf8proc (normalization, case folding, decomposition) and ICU
 * (collation with the "vi" locale). Every returned string is owned by the
 * caller and freed with free(). */
#ifndef DANGBO_CORE_TEXT_H
#define DANGBO_CORE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"

/* True when s[0..n) is well-formed UTF-8 with no NUL and no C0 control
 * characters other than tab, CR and LF. On false, *bad (if not NULL) is the
 * byte offset of the first bad byte. */
bool text_valid_utf8(const char *s, size_t n, size_t *bad);
/* Counts code points (for column numbers and length limits). */
size_t text_codepoints(const char *s, size_t n);
/* NFC form of a valid UTF-8 string, collapsing runs of white space to one
 * space and trimming both ends. */
char *text_nfc_clean(const char *s);
/* Search key: lower case, diacritics removed, "đ" -> "d", NFC, white space
 * collapsed, so that "Nguyễn  Văn ĐỨC" -> "nguyen van duc". */
char *text_fold(const char *s);
/* Appends the search key of s to b (no allocation per call). */
void text_fold_buf(struct buf *b, const char *s);

/* Collation with ICU's Vietnamese rules. A collator is not thread-safe:
 * use one per thread. */
struct collator;
struct collator *collator_new(void);
void collator_free(struct collator *c);
int collator_cmp(struct collator *c, const char *a, const char *b);
/* A binary sort key (memcmp order == collation order), appended to b as
 * raw bytes without a trailing NUL. */
void collator_key(struct collator *c, const char *s, struct buf *b);
/* Compares two full personal names the Vietnamese way: given name (the last
 * word) first, then the family name and middle names in order, then the
 * whole string. */
int collator_cmp_person(struct collator *c, const char *a, const char *b);
/* Sort key of a person's name in the order of collator_cmp_person. */
void collator_key_person(struct collator *c, const char *name, struct buf *b);

#endif
