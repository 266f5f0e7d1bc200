/* text: Vietnamese text with utf8proc (validation, NFC, search keys) and ICU
 * (collation with the "vi" rules).
 *
 * Search keys (text_fold) are built for every name at import, millions of
 * them, so text_fold_buf allocates nothing of its own: ASCII goes through a
 * table, other code points are decomposed one at a time into a stack buffer
 * and the result is written through a small stack chunk into the caller's
 * buffer. */
#include "core/text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>
#include <utf8proc.h>

#include "core/xalloc.h"

/* ---- validation ---------------------------------------------------------- */

bool text_valid_utf8(const char *s, size_t n, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		unsigned char c = p[i];
		if (c < 0x80) {
			if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f)
				goto fail;
			i++;
			continue;
		}
		/* utf8proc_iterate refuses overlong forms, surrogates, code points
		 * past U+10FFFF and sequences cut short by the end of the input. */
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
		if (len <= 0 || cp < 0)
			goto fail;
		i += (size_t)len;
	}
	return true;
fail:
	if (bad)
		*bad = i;
	return false;
}

size_t text_codepoints(const char *s, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			count++;
	return count;
}

/* ---- white space and NFC -------------------------------------------------- */

static bool ascii_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* White space beyond ASCII: NEL, the space separators (no-break space, em
 * space, ideographic space, ...) and the line and paragraph separators. */
static bool uni_space(utf8proc_int32_t cp)
{
	if (cp == 0x85)
		return true;
	utf8proc_category_t cat = utf8proc_category(cp);
	return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
	       cat == UTF8PROC_CATEGORY_ZP;
}

/* True for the code points of Vietnamese text that NFC leaves alone in any
 * context: Latin-1, Latin Extended-A and -B and Latin Extended Additional
 * (ễ, ặ, ...) are all precomposed starters that no following character of
 * these blocks composes with (test_text checks this against utf8proc). */
bool text_nfc_stable_cp(int32_t cp)
{
	return (cp >= 0 && cp <= 0x24f) || (cp >= 0x1e00 && cp <= 0x1eff);
}

/* Copies s into b with every run of white space made one ASCII space, both
 * ends trimmed, and each invalid byte replaced by U+FFFD. Returns true if
 * the result is already NFC (only text_nfc_stable_cp code points). */
static bool clean_spaces(struct buf *b, const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	bool pending = false, stable = true;
	while (*p) {
		const utf8proc_uint8_t *start = p;
		bool space;
		size_t len;
		if (*p < 0x80) {
			space = ascii_space(*p);
			len = 1;
		} else {
			utf8proc_int32_t cp;
			utf8proc_ssize_t l = utf8proc_iterate(p, -1, &cp);
			if (l <= 0) {
				if (pending && b->len)
					buf_addch(b, ' ');
				pending = false;
				buf_add(b, "\xef\xbf\xbd", 3);
				stable = false;
				p++;
				continue;
			}
			space = uni_space(cp);
			len = (size_t)l;
			if (!space && !text_nfc_stable_cp(cp))
				stable = false;
		}
		p += len;
		if (space) {
			pending = true;
			continue;
		}
		if (pending && b->len)
			buf_addch(b, ' ');
		pending = false;
		buf_add(b, start, len);
	}
	return stable;
}

char *text_nfc_clean(const char *s)
{
	struct buf b;
	buf_init(&b, 0);
	if (clean_spaces(&b, s))
		return buf_detach(&b, NULL);
	/* The cleaned text is valid UTF-8 (bad bytes became U+FFFD), so
	 * utf8proc_NFC fails only when memory runs out. */
	utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)buf_str(&b));
	if (!nfc) {
		fputs("dangbo: out of memory\n", stderr);
		abort();
	}
	buf_free(&b);
	return (char *)nfc;
}

/* ---- search keys ---------------------------------------------------------- */

/* Output goes through a stack chunk flushed to the caller's buffer. */
struct fold_out {
	struct buf *b;
	char chunk[256];
	size_t n;
	bool any;     /* something written since the start of this key */
	bool pending; /* a space is owed before the next character */
};

static void fold_flush(struct fold_out *o)
{
	buf_add(o->b, o->chunk, o->n);
	o->n = 0;
}

static void fold_space(struct fold_out *o)
{
	o->pending = o->any;
}

/* Writes one code point; ASCII spaces are turned into a pending space so
 * that runs collapse and the ends are trimmed. */
static void fold_put(struct fold_out *o, utf8proc_int32_t cp)
{
	if (cp < 0x80 && ascii_space((unsigned char)cp)) {
		fold_space(o);
		return;
	}
	if (o->n + 5 > sizeof(o->chunk))
		fold_flush(o);
	if (o->pending) {
		o->chunk[o->n++] = ' ';
		o->pending = false;
	}
	o->n += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)o->chunk + o->n);
	o->any = true;
}

/* ASCII lower case, with white space marked by 0. */
static const unsigned char ascii_fold[128] = {
#define R(c) [c] = c
	R(33), R(34), R(35), R(36), R(37), R(38), R(39), R(40), R(41), R(42), R(43), R(44), R(45),
	R(46), R(47), R(48), R(49), R(50), R(51), R(52), R(53), R(54), R(55), R(56), R(57), R(58),
	R(59), R(60), R(61), R(62), R(63), R(64), R(91), R(92), R(93), R(94), R(95), R(96), R(97),
	R(98), R(99), R(100), R(101), R(102), R(103), R(104), R(105), R(106), R(107), R(108),
	R(109), R(110), R(111), R(112), R(113), R(114), R(115), R(116), R(117), R(118), R(119),
	R(120), R(121), R(122), R(123), R(124), R(125), R(126), R(127),
#undef R
#define U(c) [c] = c + 32
	U(65), U(66), U(67), U(68), U(69), U(70), U(71), U(72), U(73), U(74), U(75), U(76), U(77),
	U(78), U(79), U(80), U(81), U(82), U(83), U(84), U(85), U(86), U(87), U(88), U(89), U(90),
#undef U
	/* C0 controls other than white space map to themselves */
	[1] = 1, [2] = 2, [3] = 3, [4] = 4, [5] = 5, [6] = 6, [7] = 7, [8] = 8, [14] = 14,
	[15] = 15, [16] = 16, [17] = 17, [18] = 18, [19] = 19, [20] = 20, [21] = 21, [22] = 22,
	[23] = 23, [24] = 24, [25] = 25, [26] = 26, [27] = 27, [28] = 28, [29] = 29, [30] = 30,
	[31] = 31,
};

/* The letters written for Vietnamese đ/Đ, including the look-alikes that old
 * font encodings left in data (Icelandic eth Ð/ð, African D Ɖ/ɖ): none of
 * them decomposes to d, so they are mapped by hand. */
static bool is_dstroke(utf8proc_int32_t cp)
{
	return cp == 0x0110 || cp == 0x0111 || cp == 0x00d0 || cp == 0x00f0 || cp == 0x0189 ||
	       cp == 0x0256;
}

#define FOLD_OPTS                                                                        \
	(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |     \
	 UTF8PROC_IGNORE | UTF8PROC_LUMP)

/* Folds one non-ASCII code point. */
static void fold_cp(struct fold_out *o, utf8proc_int32_t cp)
{
	if (is_dstroke(cp)) {
		fold_put(o, 'd');
		return;
	}
	if (uni_space(cp)) {
		fold_space(o);
		return;
	}
	utf8proc_int32_t dec[32];
	int last_boundclass = 0;
	utf8proc_ssize_t nd = utf8proc_decompose_char(cp, dec, 32, FOLD_OPTS, &last_boundclass);
	if (nd < 0 || nd > 32) {
		/* no decomposition is this long; keep the character as it is */
		fold_put(o, cp);
		return;
	}
	bool high = false;
	for (utf8proc_ssize_t k = 0; k < nd; k++)
		high |= dec[k] >= 0x80;
	if (high) {
		/* Marks are gone, but a Hangul syllable comes back decomposed
		 * into jamo: compose again so the key is NFC. */
		for (utf8proc_ssize_t k = 0; k < nd; k++)
			if (is_dstroke(dec[k]))
				dec[k] = 'd';
		utf8proc_ssize_t nc = utf8proc_normalize_utf32(dec, nd, UTF8PROC_COMPOSE);
		if (nc >= 0)
			nd = nc;
	}
	for (utf8proc_ssize_t k = 0; k < nd; k++)
		fold_put(o, dec[k]);
}

void text_fold_buf(struct buf *b, const char *s)
{
	struct fold_out o = {.b = b};
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	while (*p) {
		if (*p < 0x80) {
			unsigned char c = ascii_fold[*p++];
			if (!c) {
				fold_space(&o);
				continue;
			}
			if (o.n + 2 > sizeof(o.chunk))
				fold_flush(&o);
			if (o.pending) {
				o.chunk[o.n++] = ' ';
				o.pending = false;
			}
			o.chunk[o.n++] = (char)c;
			o.any = true;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate(p, -1, &cp);
		if (len <= 0) {
			p++; /* an invalid byte is left out of the key */
			continue;
		}
		p += len;
		fold_cp(&o, cp);
	}
	fold_flush(&o);
}

char *text_fold(const char *s)
{
	struct buf b;
	buf_init(&b, 0);
	text_fold_buf(&b, s);
	return buf_detach(&b, NULL);
}

/* ---- collation ------------------------------------------------------------- */

struct collator {
	UCollator *uc; /* NULL if ICU has no collation data: byte order then */
	UChar *u;      /* UTF-16 scratch for sort keys */
	int32_t ucap;
	uint8_t *k; /* sort key scratch */
	int32_t kcap;
};

struct collator *collator_new(void)
{
	struct collator *c = xcalloc(1, sizeof(*c));
	UErrorCode st = U_ZERO_ERROR;
	c->uc = ucol_open("vi", &st);
	if (U_FAILURE(st)) {
		st = U_ZERO_ERROR;
		c->uc = ucol_open("", &st);
		if (U_FAILURE(st))
			c->uc = NULL;
	}
	if (c->uc) {
		/* decomposed input ("Nguye\u0302\u0303n") collates as its NFC */
		st = U_ZERO_ERROR;
		ucol_setAttribute(c->uc, UCOL_NORMALIZATION_MODE, UCOL_ON, &st);
	}
	return c;
}

void collator_free(struct collator *c)
{
	if (!c)
		return;
	if (c->uc)
		ucol_close(c->uc);
	free(c->u);
	free(c->k);
	free(c);
}

static int sign(int r)
{
	return (r > 0) - (r < 0);
}

/* Compares s[0..sn) with t[0..tn). */
static int cmp_n(struct collator *c, const char *s, size_t sn, const char *t, size_t tn)
{
	if (c->uc) {
		UErrorCode st = U_ZERO_ERROR;
		UCollationResult r = ucol_strcollUTF8(c->uc, s, (int32_t)sn, t, (int32_t)tn, &st);
		if (U_SUCCESS(st))
			return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
	}
	int r = memcmp(s, t, sn < tn ? sn : tn);
	return r ? sign(r) : (sn > tn) - (sn < tn);
}

int collator_cmp(struct collator *c, const char *a, const char *b)
{
	return cmp_n(c, a, strlen(a), b, strlen(b));
}

/* Appends the sort key of s[0..n), with ICU's terminating NUL when nul. */
static void key_n(struct collator *c, const char *s, size_t n, struct buf *b, bool nul)
{
	if (!c->uc) {
		buf_add(b, s, n);
		if (nul)
			buf_add(b, "", 1);
		return;
	}
	UErrorCode st = U_ZERO_ERROR;
	int32_t ulen = 0;
	u_strFromUTF8WithSub(c->u, c->ucap, &ulen, s, (int32_t)n, 0xfffd, NULL, &st);
	if (st == U_BUFFER_OVERFLOW_ERROR || ulen > c->ucap) {
		free(c->u);
		c->ucap = ulen + 16;
		c->u = xmalloc(sizeof(UChar) * (size_t)c->ucap);
		st = U_ZERO_ERROR;
		u_strFromUTF8WithSub(c->u, c->ucap, &ulen, s, (int32_t)n, 0xfffd, NULL, &st);
	}
	int32_t klen = ucol_getSortKey(c->uc, c->u, ulen, c->k, c->kcap);
	if (klen > c->kcap) {
		free(c->k);
		c->kcap = klen + 64;
		c->k = xmalloc((size_t)c->kcap);
		klen = ucol_getSortKey(c->uc, c->u, ulen, c->k, c->kcap);
	}
	/* klen counts ICU's terminating NUL */
	if (klen > 0)
		buf_add(b, c->k, (size_t)(nul ? klen : klen - 1));
}

void collator_key(struct collator *c, const char *s, struct buf *b)
{
	key_n(c, s, strlen(s), b, false);
}

/* A name seen as words in the order people are sorted by: the given name
 * (last word), the family name (first word), then the middle names from
 * left to right. */
struct name_words {
	const char *s, *end;
	const char *first, *first_end; /* family name */
	const char *last, *last_end;   /* given name */
	const char *mid;               /* scan position among the middle names */
	int step;                      /* 0 given, 1 family, 2 middles */
};

static void words_init(struct name_words *w, const char *s)
{
	size_t n = strlen(s);
	memset(w, 0, sizeof(*w));
	w->s = s;
	w->end = s + n;
	const char *p = s;
	while (p < w->end && ascii_space((unsigned char)*p))
		p++;
	w->first = p;
	while (p < w->end && !ascii_space((unsigned char)*p))
		p++;
	w->first_end = p;
	const char *q = w->end;
	while (q > s && ascii_space((unsigned char)q[-1]))
		q--;
	w->last_end = q;
	while (q > s && !ascii_space((unsigned char)q[-1]))
		q--;
	w->last = q;
	w->mid = w->first_end;
}

/* The next word in sorting order; false when there is none. */
static bool words_next(struct name_words *w, const char **p, size_t *n)
{
	if (w->first == w->first_end) /* no word at all */
		return false;
	switch (w->step) {
	case 0:
		w->step = 1;
		*p = w->last;
		*n = (size_t)(w->last_end - w->last);
		return true;
	case 1:
		w->step = 2;
		if (w->first == w->last) /* a single word */
			return false;
		*p = w->first;
		*n = (size_t)(w->first_end - w->first);
		return true;
	default: {
		const char *q = w->mid;
		while (q < w->last && ascii_space((unsigned char)*q))
			q++;
		if (q >= w->last)
			return false;
		const char *e = q;
		while (e < w->last && !ascii_space((unsigned char)*e))
			e++;
		w->mid = e;
		*p = q;
		*n = (size_t)(e - q);
		return true;
	}
	}
}

int collator_cmp_person(struct collator *c, const char *a, const char *b)
{
	struct name_words wa, wb;
	words_init(&wa, a);
	words_init(&wb, b);
	for (;;) {
		const char *pa, *pb;
		size_t na, nb;
		bool ha = words_next(&wa, &pa, &na);
		bool hb = words_next(&wb, &pb, &nb);
		if (!ha || !hb) {
			if (ha != hb)
				return ha ? 1 : -1; /* fewer words first */
			break;
		}
		int r = cmp_n(c, pa, na, pb, nb);
		if (r)
			return r;
	}
	return sign(strcmp(a, b));
}

void collator_key_person(struct collator *c, const char *name, struct buf *b)
{
	/* Each word's key keeps ICU's terminating NUL, which occurs nowhere
	 * else in a key, so the concatenation compares word by word; a NUL
	 * after the last word sorts a name with fewer words first (a word's key
	 * never starts with NUL); the raw bytes last give strcmp's tie-break. */
	struct name_words w;
	words_init(&w, name);
	const char *p;
	size_t n;
	while (words_next(&w, &p, &n))
		key_n(c, p, n, b, true);
	buf_add(b, "", 1);
	buf_adds(b, name);
}
