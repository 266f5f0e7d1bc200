/* text: Vietnamese text with utf8proc (validation, NFC, folding) and ICU
 * (collation with the "vi" rules). */
#include "core/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>
#include <utf8proc.h>

#include "core/xalloc.h"

bool text_valid_utf8(const char *s, size_t n, size_t *bad)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f) {
				if (bad)
					*bad = i;
				return false;
			}
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
		if (len < 0 || cp < 0) {
			if (bad)
				*bad = i;
			return false;
		}
		i += (size_t)len;
	}
	return true;
}

size_t text_codepoints(const char *s, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			count++;
	return count;
}

/* Collapses runs of white space to one space and trims, in place. */
static void collapse(char *s)
{
	char *w = s;
	bool space = true;
	for (char *r = s; *r; r++) {
		bool ws = *r == ' ' || *r == '\t' || *r == '\n' || *r == '\r';
		if (ws) {
			if (!space)
				*w++ = ' ';
			space = true;
		} else {
			*w++ = *r;
			space = false;
		}
	}
	if (w > s && w[-1] == ' ')
		w--;
	*w = '\0';
}

char *text_nfc_clean(const char *s)
{
	utf8proc_uint8_t *out = utf8proc_NFC((const utf8proc_uint8_t *)s);
	char *r = out ? (char *)out : xstrdup(s);
	collapse(r);
	return r;
}

void text_fold_buf(struct buf *b, const char *s)
{
	size_t start = b->len;
	bool space = true;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	while (*p) {
		if (*p < 0x80) {
			char c = (char)*p++;
			if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
				if (!space)
					buf_addch(b, ' ');
				space = true;
				continue;
			}
			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			buf_addch(b, c);
			space = false;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate(p, -1, &cp);
		if (len <= 0) {
			p++;
			continue;
		}
		p += len;
		if (cp == 0x0110 || cp == 0x0111) { /* Đ đ */
			buf_addch(b, 'd');
			space = false;
			continue;
		}
		utf8proc_int32_t dec[8];
		utf8proc_ssize_t nd = utf8proc_decompose_char(cp, dec, 8, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
								       UTF8PROC_STRIPMARK, NULL);
		for (utf8proc_ssize_t k = 0; k < nd && k < 8; k++) {
			utf8proc_uint8_t enc[4];
			utf8proc_ssize_t el = utf8proc_encode_char(dec[k], enc);
			buf_add(b, enc, (size_t)el);
		}
		space = false;
	}
	if (b->len > start && b->ptr[b->len - 1] == ' ')
		buf_truncate(b, b->len - 1);
}

char *text_fold(const char *s)
{
	struct buf b;
	buf_init(&b, 0);
	text_fold_buf(&b, s);
	return buf_detach(&b, NULL);
}

struct collator {
	UCollator *c;
	UChar *ua, *ub;
	size_t cap;
};

struct collator *collator_new(void)
{
	struct collator *c = xcalloc(1, sizeof(*c));
	UErrorCode st = U_ZERO_ERROR;
	c->c = ucol_open("vi", &st);
	if (U_FAILURE(st)) {
		st = U_ZERO_ERROR;
		c->c = ucol_open("", &st);
	}
	return c;
}

void collator_free(struct collator *c)
{
	if (!c)
		return;
	ucol_close(c->c);
	free(c->ua);
	free(c->ub);
	free(c);
}

int collator_cmp(struct collator *c, const char *a, const char *b)
{
	UErrorCode st = U_ZERO_ERROR;
	UCollationResult r = ucol_strcollUTF8(c->c, a, -1, b, -1, &st);
	if (U_FAILURE(st))
		return strcmp(a, b);
	return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

/* Splits a name into given name (last word) and the rest. */
static void split_name(const char *name, const char **given, size_t *rest_len)
{
	const char *sp = strrchr(name, ' ');
	*given = sp ? sp + 1 : name;
	*rest_len = sp ? (size_t)(sp - name) : 0;
}

int collator_cmp_person(struct collator *c, const char *a, const char *b)
{
	const char *ga, *gb;
	size_t ra, rb;
	split_name(a, &ga, &ra);
	split_name(b, &gb, &rb);
	int r = collator_cmp(c, ga, gb);
	if (r)
		return r;
	char *xa = xstrndup(a, ra), *xb = xstrndup(b, rb);
	r = collator_cmp(c, xa, xb);
	free(xa);
	free(xb);
	return r ? r : strcmp(a, b);
}

void collator_key(struct collator *c, const char *s, struct buf *b)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t ulen = 0;
	u_strFromUTF8(NULL, 0, &ulen, s, -1, &st);
	st = U_ZERO_ERROR;
	UChar *u = xmalloc(sizeof(UChar) * (size_t)(ulen + 1));
	u_strFromUTF8(u, ulen + 1, NULL, s, -1, &st);
	int32_t klen = ucol_getSortKey(c->c, u, ulen, NULL, 0);
	uint8_t *k = xmalloc((size_t)klen + 1);
	ucol_getSortKey(c->c, u, ulen, k, klen + 1);
	/* drop the trailing NUL ICU writes */
	buf_add(b, k, klen > 0 ? (size_t)klen - 1 : 0);
	free(k);
	free(u);
}

void collator_key_person(struct collator *c, const char *name, struct buf *b)
{
	const char *g;
	size_t rl;
	split_name(name, &g, &rl);
	collator_key(c, g, b);
	buf_addch(b, '\x01');
	char *rest = xstrndup(name, rl);
	collator_key(c, rest, b);
	free(rest);
}
