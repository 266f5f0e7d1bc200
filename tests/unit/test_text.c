/* Unit tests for text: UTF-8 validation, NFC, search keys, Vietnamese
 * collation and the ordering of personal names. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/text.h"

/* ---- validation ----------------------------------------------------------- */

static void check_bad(const char *s, size_t n, size_t want)
{
	size_t at = 9999;
	assert_false(text_valid_utf8(s, n, &at));
	assert_int_equal(at, want);
	assert_false(text_valid_utf8(s, n, NULL));
}

static void test_valid_utf8(void **state)
{
	size_t at = 9999;
	assert_true(text_valid_utf8("", 0, &at));
	assert_int_equal(at, 9999); /* untouched on success */
	const char *ok = "Nguy\xe1\xbb\x85n V\xc4\x83n \xc4\x90\xe1\xbb\xa9" "c\t\r\n";
	assert_true(text_valid_utf8(ok, strlen(ok), &at));
	assert_true(text_valid_utf8("\xf0\x9f\x98\x80", 4, NULL));  /* U+1F600 */
	assert_true(text_valid_utf8("\xf4\x8f\xbf\xbf", 4, NULL));  /* U+10FFFF */
	assert_true(text_valid_utf8("\xed\x9f\xbf", 3, NULL));      /* U+D7FF */
	assert_true(text_valid_utf8("\xee\x80\x80", 3, NULL));      /* U+E000 */
	assert_true(text_valid_utf8("\xc2\x80", 2, NULL));          /* U+0080 */
	/* n bounds the check: bytes past it are not looked at */
	assert_true(text_valid_utf8("ab\x01", 2, NULL));

	/* overlong encodings */
	check_bad("ab\xc0\x80", 4, 2);         /* NUL in two bytes */
	check_bad("\xc1\xbf", 2, 0);           /* U+007F in two bytes */
	check_bad("x\xe0\x80\xaf", 4, 1);      /* '/' in three bytes */
	check_bad("\xe0\x9f\xbf", 3, 0);       /* U+07FF in three bytes */
	check_bad("\xf0\x8f\xbf\xbf", 4, 0);   /* U+FFFF in four bytes */
	/* surrogates, past U+10FFFF, bytes never used */
	check_bad("A\xed\xa0\x80", 4, 1);      /* U+D800 */
	check_bad("\xed\xbf\xbf", 3, 0);       /* U+DFFF */
	check_bad("\xf4\x90\x80\x80", 4, 0);   /* U+110000 */
	check_bad("\xf5\x80\x80\x80", 4, 0);
	check_bad("ok\xff", 3, 2);
	check_bad("ok\xfe", 3, 2);
	/* a stray continuation byte */
	check_bad("Vi\xbb\x87t", 5, 2);
	/* truncated sequences: cut by n, or by the next character */
	check_bad("Nguy\xe1\xbb", 6, 4);
	check_bad("Nguy\xe1\xbb\x85", 6, 4);   /* complete, but n stops short */
	check_bad("\xc4 ", 2, 0);
	check_bad("\xf0\x9f\x98" "a", 4, 0);
	/* NUL and C0 controls other than tab, CR, LF; DEL */
	check_bad("ab\0cd", 5, 2);
	check_bad("\x01", 1, 0);
	check_bad("t\xe1\xbb\x85\x1b[0m", 8, 4); /* ESC after a 3-byte letter */
	check_bad("\x0b", 1, 0);                 /* vertical tab */
	check_bad("\x0c", 1, 0);                 /* form feed */
	check_bad("abc\x7f", 4, 3);
}

static void test_codepoints(void **state)
{
	assert_int_equal(text_codepoints("", 0), 0);
	assert_int_equal(text_codepoints("abc", 3), 3);
	const char *s = "Nguy\xe1\xbb\x85n"; /* Nguyễn: 8 bytes */
	assert_int_equal(strlen(s), 8);
	assert_int_equal(text_codepoints(s, strlen(s)), 6);
	/* decomposed: e + U+0302 + U+0303 are three code points */
	const char *d = "Nguye\xcc\x82\xcc\x83n";
	assert_int_equal(text_codepoints(d, strlen(d)), 8);
	assert_int_equal(text_codepoints("\xf0\x9f\x98\x80!", 5), 2);
	/* counts only the first n bytes */
	assert_int_equal(text_codepoints(s, 4), 4);
}

/* ---- NFC and cleaning --------------------------------------------------- */

#define CHECK_NFC(in, want)                                                  \
	do {                                                                     \
		char *s_ = text_nfc_clean(in);                                       \
		assert_string_equal(s_, want);                                       \
		free(s_);                                                            \
	} while (0)

static void test_nfc_clean(void **state)
{
	/* decomposed e + circumflex + tilde becomes the precomposed ễ (U+1EC5) */
	CHECK_NFC("Nguye\xcc\x82\xcc\x83n", "Nguy\xe1\xbb\x85n");
	/* the marks in the other order (tilde first) are a different letter:
	 * canonical order keeps them apart, so the result is ẽ + circumflex */
	CHECK_NFC("e\xcc\x83\xcc\x82", "\xe1\xba\xbd\xcc\x82");
	/* Đ + decomposed ặ: a + dot below + breve -> U+1EB7 */
	CHECK_NFC("\xc4\x90" "a\xcc\xa3\xcc\x86ng", "\xc4\x90\xe1\xba\xb7ng");
	/* white space: runs collapse, ends trimmed, Unicode spaces become ' ' */
	CHECK_NFC("  Tr\xe1\xba\xa7n \t V\xc4\x83n\n\nAn  ", "Tr\xe1\xba\xa7n V\xc4\x83n An");
	CHECK_NFC("L\xc3\xaa\xc2\xa0Th\xe1\xbb\x8b\xe3\x80\x80" "B\xc3\xacnh\xe2\x80\xa8",
		  "L\xc3\xaa Th\xe1\xbb\x8b B\xc3\xacnh");
	CHECK_NFC("", "");
	CHECK_NFC(" \t\r\n ", "");
	CHECK_NFC("plain ascii", "plain ascii");
	/* already NFC text is unchanged */
	CHECK_NFC("\xc4\x90\xe1\xba\xb7ng Th\xe1\xbb\x8b \xc3\x81nh",
		  "\xc4\x90\xe1\xba\xb7ng Th\xe1\xbb\x8b \xc3\x81nh");
	/* an invalid byte becomes U+FFFD rather than passing through */
	CHECK_NFC("a\xff" "b", "a\xef\xbf\xbd" "b");
	/* the result is valid UTF-8 */
	char *s = text_nfc_clean("x\xc3 y\xed\xa0\x80z");
	assert_true(text_valid_utf8(s, strlen(s), NULL));
	free(s);
}

/* The fast path of text_nfc_clean: each code point text_nfc_stable_cp
 * accepts is unchanged by NFC, alone and next to any other of them. */
static void test_nfc_stable(void **state)
{
	int32_t *v = malloc(sizeof(*v) * 0x1000);
	size_t n = 0;
	for (int32_t cp = 1; cp < 0x3000; cp++)
		if (text_nfc_stable_cp(cp))
			v[n++] = cp;
	assert_int_equal(n, 0x24f + 0x100);
	assert_true(text_nfc_stable_cp(0x1ec5)); /* ễ */
	assert_true(text_nfc_stable_cp(0x01b0)); /* ư */
	assert_false(text_nfc_stable_cp(0x0302)); /* combining circumflex */
	assert_false(text_nfc_stable_cp(0xac00)); /* Hangul syllable */
	assert_false(text_nfc_stable_cp(-1));
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < n; j++) {
			utf8proc_uint8_t in[9];
			utf8proc_ssize_t k = utf8proc_encode_char(v[i], in);
			k += utf8proc_encode_char(v[j], in + k);
			in[k] = 0;
			utf8proc_uint8_t *out = utf8proc_NFC(in);
			if (strcmp((char *)out, (char *)in) != 0)
				fail_msg("NFC changes U+%04X U+%04X", (unsigned)v[i], (unsigned)v[j]);
			free(out);
		}
	}
	free(v);
}

/* ---- search keys ------------------------------------------------------------ */

#define CHECK_FOLD(in, want)                                                 \
	do {                                                                     \
		char *s_ = text_fold(in);                                            \
		assert_string_equal(s_, want);                                       \
		free(s_);                                                            \
	} while (0)

static void test_fold(void **state)
{
	CHECK_FOLD("Nguy\xe1\xbb\x85n  V\xc4\x83n \xc4\x90\xe1\xbb\xa8" "C", "nguyen van duc");
	CHECK_FOLD("\xc4\x90\xe1\xba\xb7ng Th\xe1\xbb\x8b \xc3\x81nh", "dang thi anh");
	/* decomposed input gives the same key */
	CHECK_FOLD("Nguye\xcc\x82\xcc\x83n", "nguyen");
	CHECK_FOLD("\xc4\x90" "a\xcc\xa3\xcc\x86ng", "dang");
	CHECK_FOLD("  \tTR\xe1\xba\xa6N\n ", "tran");
	CHECK_FOLD("", "");
	CHECK_FOLD("   ", "");
	CHECK_FOLD("\xc2\xa0Ph\xe1\xba\xa1m\xe2\x80\x83Th\xe1\xbb\xa7y\xe3\x80\x80", "pham thuy");
	CHECK_FOLD("H'M\xc3\xb4ng", "h'mong");
	CHECK_FOLD("Nam-B\xe1\xbb\x99", "nam-bo");
	/* typographic dash and quote lump to ASCII, a soft hyphen and a
	 * zero-width space vanish */
	CHECK_FOLD("Ê\xe2\x80\x90\xc4\x90\xc3\xaa", "e-de");
	CHECK_FOLD("H\xe2\x80\x99Mong", "h'mong");
	CHECK_FOLD("Ng\xc2\xad" "\xe2\x80\x8buy\xe1\xbb\x85n", "nguyen");
	/* full width and ligatures */
	CHECK_FOLD("\xef\xbc\xa1\xef\xbd\x82", "ab");
	CHECK_FOLD("\xef\xac\x81", "fi");
	/* đ look-alikes from old font encodings: Ð (eth), Ɖ (African D) */
	CHECK_FOLD("\xc3\x90\xe1\xbb\xa9" "c \xc3\xb0\xe1\xbb\xa9" "c \xc6\x89\xe1\xbb\xa9" "c", "duc duc duc");
	/* other scripts keep their letters, composed (Hangul syllable) */
	CHECK_FOLD("\xed\x95\x9c", "\xed\x95\x9c");
	CHECK_FOLD("\xd0\x9c\xd0\xb8\xd1\x80", "\xd0\xbc\xd0\xb8\xd1\x80"); /* Мир -> мир */
	CHECK_FOLD("Stra\xc3\x9f" "e", "strasse");
	/* an invalid byte is left out */
	CHECK_FOLD("a\xff" "b", "ab");
	/* a key is its own key */
	const char *samples[] = {"Nguyễn  Văn ĐỨC", "Đặng Thị Ánh", "Ｈ’Mông ﬁ", "\xed\x95\x9c ß"};
	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		char *k = text_fold(samples[i]);
		char *kk = text_fold(k);
		assert_string_equal(k, kk);
		assert_true(text_valid_utf8(k, strlen(k), NULL));
		free(k);
		free(kk);
	}
}

/* Every Vietnamese vowel with every tone, in both cases, folds to its base. */
static void test_fold_alphabet(void **state)
{
	const char *lower = "\xc3\xa0\xc3\xa1\xe1\xba\xa3\xc3\xa3\xe1\xba\xa1"     /* à á ả ã ạ */
			    "\xc4\x83\xe1\xba\xb1\xe1\xba\xaf\xe1\xba\xb3\xe1\xba\xb5\xe1\xba\xb7" /* ă ằ ắ ẳ ẵ ặ */
			    "\xc3\xa2\xe1\xba\xa7\xe1\xba\xa5\xe1\xba\xa9\xe1\xba\xab\xe1\xba\xad"; /* â ầ ấ ẩ ẫ ậ */
	CHECK_FOLD(lower, "aaaaaaaaaaaaaaaaa");
	const char *upper = "\xc3\x80\xc3\x81\xe1\xba\xa2\xc3\x83\xe1\xba\xa0"
			    "\xc4\x82\xe1\xba\xb0\xe1\xba\xae\xe1\xba\xb2\xe1\xba\xb4\xe1\xba\xb6"
			    "\xc3\x82\xe1\xba\xa6\xe1\xba\xa4\xe1\xba\xa8\xe1\xba\xaa\xe1\xba\xac";
	CHECK_FOLD(upper, "aaaaaaaaaaaaaaaaa");
	/* e è é ẻ ẽ ẹ ê ề ế ể ễ ệ */
	CHECK_FOLD("e\xc3\xa8\xc3\xa9\xe1\xba\xbb\xe1\xba\xbd\xe1\xba\xb9\xc3\xaa\xe1\xbb\x81\xe1\xba\xbf"
		   "\xe1\xbb\x83\xe1\xbb\x85\xe1\xbb\x87",
		   "eeeeeeeeeeee");
	/* i ì í ỉ ĩ ị, y ỳ ý ỷ ỹ ỵ */
	CHECK_FOLD("i\xc3\xac\xc3\xad\xe1\xbb\x89\xc4\xa9\xe1\xbb\x8b y\xe1\xbb\xb3\xc3\xbd\xe1\xbb\xb7"
		   "\xe1\xbb\xb9\xe1\xbb\xb5",
		   "iiiiii yyyyyy");
	/* o ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ */
	CHECK_FOLD("o\xc3\xb2\xc3\xb3\xe1\xbb\x8f\xc3\xb5\xe1\xbb\x8d\xc3\xb4\xe1\xbb\x93\xe1\xbb\x91"
		   "\xe1\xbb\x95\xe1\xbb\x97\xe1\xbb\x99\xc6\xa1\xe1\xbb\x9d\xe1\xbb\x9b\xe1\xbb\x9f"
		   "\xe1\xbb\xa1\xe1\xbb\xa3",
		   "oooooooooooooooooo");
	/* u ù ú ủ ũ ụ ư ừ ứ ử ữ ự */
	CHECK_FOLD("u\xc3\xb9\xc3\xba\xe1\xbb\xa7\xc5\xa9\xe1\xbb\xa5\xc6\xb0\xe1\xbb\xab\xe1\xbb\xa9"
		   "\xe1\xbb\xad\xe1\xbb\xaf\xe1\xbb\xb1",
		   "uuuuuuuuuuuu");
	/* Ơ Ư Ô Ê Đ upper case */
	CHECK_FOLD("\xc6\xa0\xc6\xaf\xc3\x94\xc3\x8a\xc4\x90", "ouoed");
}

static void test_fold_buf(void **state)
{
	struct buf b;
	buf_init(&b, 0);
	buf_adds(&b, "key:");
	text_fold_buf(&b, " L\xc3\x8a  ");
	assert_string_equal(b.ptr, "key:le");
	/* a trailing space in what was there before is kept: only the new
	 * part is trimmed */
	buf_adds(&b, " ");
	text_fold_buf(&b, "  V\xc4\x82N  ");
	assert_string_equal(b.ptr, "key:le van");
	buf_reset(&b);
	/* longer than the internal chunk: 300 copies of "Ễ " */
	struct buf in;
	buf_init(&in, 0);
	for (int i = 0; i < 300; i++)
		buf_adds(&in, "\xe1\xbb\x84 ");
	text_fold_buf(&b, in.ptr);
	assert_int_equal(b.len, 300 * 2 - 1);
	for (size_t i = 0; i < b.len; i++)
		assert_int_equal(b.ptr[i], i % 2 ? ' ' : 'e');
	buf_free(&in);
	buf_free(&b);
}

/* ---- collation ---------------------------------------------------------------- */

static int sgn(int r)
{
	return (r > 0) - (r < 0);
}

static int key_cmp(const struct buf *a, const struct buf *b)
{
	size_t n = a->len < b->len ? a->len : b->len;
	int r = memcmp(a->ptr, b->ptr, n);
	return r ? sgn(r) : (a->len > b->len) - (a->len < b->len);
}

/* Each list is in Vietnamese order: every pair compares as its positions do,
 * and the binary keys agree. */
static void check_order(struct collator *c, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < n; j++) {
			int want = (i > j) - (i < j);
			int got = sgn(collator_cmp(c, v[i], v[j]));
			if (got != want)
				fail_msg("collator_cmp(\"%s\", \"%s\") = %d, want %d", v[i], v[j], got, want);
			struct buf ki, kj;
			buf_init(&ki, 0);
			buf_init(&kj, 0);
			collator_key(c, v[i], &ki);
			collator_key(c, v[j], &kj);
			assert_int_equal(key_cmp(&ki, &kj), want);
			assert_null(memchr(ki.ptr, '\0', ki.len));
			buf_free(&ki);
			buf_free(&kj);
		}
	}
}

static void test_collate_vi(void **state)
{
	struct collator *c = collator_new();
	/* tones after letters; ă â after a; đ a letter after d; ê after e;
	 * ô ơ after o; ư after u */
	const char *words[] = {
		"Anh", "\xc3\x81nh", "\xe1\xba\xa0nh", "\xc4\x82n", "\xc3\x82n", "B\xe1\xba\xa3o", "Dung",
		"D\xc5\xa9ng", "Đức", "Em", "\xc3\x8am", "Oanh", "\xc3\x94ng",
		"\xc6\xa0n", "Uy\xc3\xaan", "\xc6\xafng", "Y\xe1\xba\xbfn",
	};
	check_order(c, words, sizeof(words) / sizeof(words[0]));
	/* Đ sorts after every D word, even "Dzung" */
	assert_true(collator_cmp(c, "Dzung", "\xc4\x90\xe1\xba\xa1t") < 0);
	/* decomposed input collates as its NFC form */
	assert_int_equal(collator_cmp(c, "Nguye\xcc\x82\xcc\x83n", "Nguy\xe1\xbb\x85n"), 0);
	collator_free(c);
}

static const char *const people[] = {
	"Tr\xe1\xba\xa7n V\xc4\x83n An",       /* Trần Văn An */
	"Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b \xc3\x81nh", /* Nguyễn Thị Ánh */
	"L\xc3\xaa Th\xe1\xbb\x8b B\xc3\xacnh",  /* Lê Thị Bình */
	"Nguy\xe1\xbb\x85n B\xc3\xacnh",        /* Nguyễn Bình: no middle name */
	"Nguy\xe1\xbb\x85n V\xc4\x83n B\xc3\xacnh", /* Nguyễn Văn Bình */
	"Nguy\xe1\xbb\x85n V\xc4\x83n Minh B\xc3\xacnh", /* Nguyễn Văn Minh Bình */
	"Ph\xe1\xba\xa1m V\xc4\x83n B\xc3\xacnh", /* Phạm Văn Bình */
	"L\xc3\xaa Th\xe1\xbb\x8b B\xe1\xba\xa3o", /* Lê Thị Bảo */
	"Ho\xc3\xa0ng D\xc5\xa9ng",            /* Hoàng Dũng */
	"\xc4\x90\xe1\xbb\x97 D\xc5\xa9ng",     /* Đỗ Dũng */
	"Trần Đức", /* Trần Đức */
	"H\xc3\xa0",                           /* a one-word name: given Hà */
	"Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b H\xc3\xa0",
};

/* The order of Vietnamese lists of people (STYLE.md, decisions: by given
 * name, then family name, then middle names). */
static void test_person_order(void **state)
{
	struct collator *c = collator_new();
	/* the order the list above must take */
	const char *const want[] = {
		"Tr\xe1\xba\xa7n V\xc4\x83n An",
		"Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b \xc3\x81nh",
		"L\xc3\xaa Th\xe1\xbb\x8b B\xe1\xba\xa3o",
		"L\xc3\xaa Th\xe1\xbb\x8b B\xc3\xacnh",
		"Nguy\xe1\xbb\x85n B\xc3\xacnh",
		"Nguy\xe1\xbb\x85n V\xc4\x83n B\xc3\xacnh",
		"Nguy\xe1\xbb\x85n V\xc4\x83n Minh B\xc3\xacnh",
		"Ph\xe1\xba\xa1m V\xc4\x83n B\xc3\xacnh",
		"\xc4\x90\xe1\xbb\x97 D\xc5\xa9ng", /* Đ before H: a letter after D */
		"Ho\xc3\xa0ng D\xc5\xa9ng",
		"Trần Đức",
		"H\xc3\xa0",
		"Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b H\xc3\xa0",
	};
	size_t n = sizeof(want) / sizeof(want[0]);
	assert_int_equal(n, sizeof(people) / sizeof(people[0]));
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < n; j++) {
			int w = (i > j) - (i < j);
			int got = sgn(collator_cmp_person(c, want[i], want[j]));
			if (got != w)
				fail_msg("collator_cmp_person(\"%s\", \"%s\") = %d, want %d", want[i], want[j],
					 got, w);
			struct buf ki, kj;
			buf_init(&ki, 0);
			buf_init(&kj, 0);
			collator_key_person(c, want[i], &ki);
			collator_key_person(c, want[j], &kj);
			if (key_cmp(&ki, &kj) != w)
				fail_msg("key order of \"%s\" and \"%s\" is %d, want %d", want[i], want[j],
					 key_cmp(&ki, &kj), w);
			buf_free(&ki);
			buf_free(&kj);
		}
	}
	/* The brief's example: Lê before Nguyễn when the given names tie */
	assert_true(collator_cmp_person(c, "L\xc3\xaa Th\xe1\xbb\x8b B\xc3\xacnh",
					"Nguy\xe1\xbb\x85n V\xc4\x83n B\xc3\xacnh") < 0);
	/* family name decides before the middle name */
	assert_true(collator_cmp_person(c, "L\xc3\xaa V\xc4\x83n An", "Ng\xc3\xb4 Th\xe1\xbb\x8b An") < 0);
	/* white space does not count as a word, only the final tie-break sees it */
	assert_true(collator_cmp_person(c, "  L\xc3\xaa  Th\xe1\xbb\x8b  B\xc3\xacnh ",
					"L\xc3\xaa Th\xe1\xbb\x8b B\xc3\xacnh") != 0);
	assert_true(collator_cmp_person(c, "  L\xc3\xaa  Th\xe1\xbb\x8b  B\xc3\xacnh ",
					"L\xc3\xaa Th\xe1\xbb\x8b B\xc3\xacnh ") < 0);
	assert_true(collator_cmp_person(c, "L\xc3\xaa Th\xe1\xbb\x8b  C", "L\xc3\xaa Th\xe1\xbb\x8b B\xc3\xacnh") > 0);
	assert_int_equal(collator_cmp_person(c, "An", "An"), 0);
	assert_true(collator_cmp_person(c, "", "An") < 0);
	assert_true(collator_cmp_person(c, "   ", "An") < 0);
	collator_free(c);
}

static struct collator *sort_coll;

static int by_person(const void *a, const void *b)
{
	return collator_cmp_person(sort_coll, *(const char *const *)a, *(const char *const *)b);
}

/* Sorting a shuffled list by person order and by person key gives the same. */
static void test_person_sort(void **state)
{
	sort_coll = collator_new();
	size_t n = sizeof(people) / sizeof(people[0]);
	const char **v = malloc(n * sizeof(*v));
	memcpy(v, people, n * sizeof(*v));
	qsort(v, n, sizeof(*v), by_person);
	assert_string_equal(v[0], "Tr\xe1\xba\xa7n V\xc4\x83n An");
	assert_string_equal(v[1], "Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b \xc3\x81nh");
	assert_string_equal(v[n - 1], "Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b H\xc3\xa0");
	for (size_t i = 1; i < n; i++) {
		struct buf a, b;
		buf_init(&a, 0);
		buf_init(&b, 0);
		collator_key_person(sort_coll, v[i - 1], &a);
		collator_key_person(sort_coll, v[i], &b);
		assert_true(key_cmp(&a, &b) < 0);
		buf_free(&a);
		buf_free(&b);
	}
	free(v);
	collator_free(sort_coll);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_utf8),
		cmocka_unit_test(test_codepoints),
		cmocka_unit_test(test_nfc_clean),
		cmocka_unit_test(test_nfc_stable),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_fold_alphabet),
		cmocka_unit_test(test_fold_buf),
		cmocka_unit_test(test_collate_vi),
		cmocka_unit_test(test_person_order),
		cmocka_unit_test(test_person_sort),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
