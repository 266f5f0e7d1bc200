/* text: Vietnamese text. UTF-8 validation, NFC, search keys, collation.
 *
 * Built on utf8proc (normalization, case folding, decomposition) and ICU
 * (collation with the "vi" locale). Every returned string is owned by the
 * caller and freed with free(). */
#ifndef DANGBO_CORE_TEXT_H
#define DANGBO_CORE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

/* True when s[0..n) is well-formed UTF-8 with no NUL and no C0 control
 * characters other than tab, CR and LF (DEL is refused too). Overlong
 * forms, surrogates (U+D800..DFFF), code points past U+10FFFF and sequences
 * cut short are ill-formed. On false, *bad (if not NULL) is the byte offset
 * of the first bad byte: the control character, or the first byte of the
 * ill-formed sequence. */
bool text_valid_utf8(const char *s, size_t n, size_t *bad);
/* Counts code points (for column numbers and length limits) of valid UTF-8:
 * the bytes that are not continuation bytes. */
size_t text_codepoints(const char *s, size_t n);
/* NFC form of a valid UTF-8 string, collapsing runs of white space to one
 * space and trimming both ends. White space is ASCII's and Unicode's (no-break
 * space, ideographic space, line separator...); each one becomes ' '. An
 * invalid byte becomes U+FFFD. The caller frees the result. */
char *text_nfc_clean(const char *s);
/* True when code point cp is one that NFC leaves unchanged whatever
 * surrounds it among such code points (the Latin blocks that Vietnamese is
 * written in); text_nfc_clean skips normalization for text made only of
 * these. */
bool text_nfc_stable_cp(int32_t cp);
/* Search key: lower case, diacritics removed, "đ" -> "d", NFC, white space
 * collapsed, so that "Nguyễn  Văn ĐỨC" -> "nguyen van duc". Compatibility
 * forms are folded too (full-width "Ａ" -> "a", "ﬁ" -> "fi"), as are the
 * look-alikes of Đ that old font encodings leave (Ð, Ɖ), typographic dashes
 * and quotes (-> ASCII) and invisible characters (soft hyphen, zero-width
 * space: dropped). Invalid bytes are left out. The caller frees the result. */
char *text_fold(const char *s);
/* Appends the search key of s to b (no allocation per call beyond b's own
 * growth). */
void text_fold_buf(struct buf *b, const char *s);

/* Collation with ICU's Vietnamese rules ("vi": ă â after a, đ a letter after
 * d, ê ô ơ ư after e o o u, tones compared after the letters, so "Anh" <
 * "Ánh" < "Bảo" and "Dũng" < "Đức"). Decomposed input collates as its NFC.
 * A collator is not thread-safe: use one per thread. collator_new never
 * returns NULL; without ICU collation data it falls back to byte order. */
struct collator;
struct collator *collator_new(void);
/* Frees c (NULL is ignored). */
void collator_free(struct collator *c);
/* Compares two UTF-8 strings: <0, 0 or >0. Strings that differ only in ways
 * the collation ignores compare equal. */
int collator_cmp(struct collator *c, const char *a, const char *b);
/* A binary sort key (memcmp order == collation order), appended to b as
 * raw bytes without a trailing NUL (a key never holds a NUL byte). */
void collator_key(struct collator *c, const char *s, struct buf *b);
/* Compares two full personal names the Vietnamese way: given name (the last
 * word) first, then the family name (the first word), then the middle names
 * from left to right (a name with fewer words first when all of these tie),
 * then the whole string byte by byte. Words are split at ASCII white space:
 * pass names cleaned by text_nfc_clean. Returns <0, 0 or >0. */
int collator_cmp_person(struct collator *c, const char *a, const char *b);
/* Sort key of a person's name in the order of collator_cmp_person (memcmp,
 * the shorter key first on a common prefix), appended to b; it holds NUL
 * bytes, so use b->len. */
void collator_key_person(struct collator *c, const char *name, struct buf *b);

#endif
