/* screening: outcomes and exit channels of screening cases (screening.h,
 * Chỉ thị 28-CT/TW). */
#include "domain/screening.h"

#include <string.h>

#include "core/buf.h"
#include "core/text.h"

static const char *const outcome_names[SCREEN__MAX] = {"progressed", "continued", "removed"};
static const char *const outcome_labels[SCREEN__MAX] = {"Được công nhận sự tiến bộ", "Tiếp tục giáo dục, giúp đỡ",
							 "Đưa ra khỏi Đảng"};
static const char *const channel_names[CHANNEL__MAX] = {"remove", "expel", "leave"};
static const char *const channel_labels[CHANNEL__MAX] = {"Xóa tên", "Khai trừ", "Cho ra khỏi Đảng"};
static const enum event_type channel_events[CHANNEL__MAX] = {EV_REMOVE, EV_EXPEL, EV_LEAVE};

/* Folded Vietnamese words (text_fold: lower case, no marks). */
struct word {
	const char *word;
	int value;
};

static const struct word outcome_words[] = {
	{"tien bo", SCREEN_PROGRESSED}, {"cong nhan su tien bo", SCREEN_PROGRESSED},
	{"duoc cong nhan su tien bo", SCREEN_PROGRESSED},
	{"tiep tuc giao duc", SCREEN_CONTINUED}, {"tiep tuc giao duc, giup do", SCREEN_CONTINUED},
	{"tiep tuc giao duc giup do", SCREEN_CONTINUED},
	{"dua ra khoi dang", SCREEN_REMOVED}, {"ra khoi dang", SCREEN_REMOVED},
};

static const struct word channel_words[] = {
	{"xoa ten", CHANNEL_REMOVE}, {"khai tru", CHANNEL_EXPEL},
	{"cho ra khoi dang", CHANNEL_LEAVE}, {"xin ra khoi dang", CHANNEL_LEAVE},
};

const char *screening_outcome_name(enum screening_outcome o)
{
	return (unsigned)o < SCREEN__MAX ? outcome_names[o] : "?";
}

const char *screening_outcome_label(enum screening_outcome o)
{
	return (unsigned)o < SCREEN__MAX ? outcome_labels[o] : "?";
}

const char *screening_channel_name(enum screening_channel c)
{
	return (unsigned)c < CHANNEL__MAX ? channel_names[c] : "?";
}

const char *screening_channel_label(enum screening_channel c)
{
	return (unsigned)c < CHANNEL__MAX ? channel_labels[c] : "?";
}

enum event_type screening_channel_event(enum screening_channel c)
{
	return (unsigned)c < CHANNEL__MAX ? channel_events[c] : EV__MAX;
}

/* Looks s up among names, then among folded words; -1 if neither. */
static int lookup(const char *s, const char *const *names, int nnames, const struct word *w, size_t nwords)
{
	struct buf key;
	buf_init(&key, 0);
	text_fold_buf(&key, s);
	int found = -1;
	for (int i = 0; i < nnames && found < 0; i++)
		if (strcmp(key.ptr, names[i]) == 0)
			found = i;
	for (size_t i = 0; i < nwords && found < 0; i++)
		if (strcmp(key.ptr, w[i].word) == 0)
			found = w[i].value;
	buf_free(&key);
	return found;
}

bool screening_outcome_parse(const char *s, enum screening_outcome *out)
{
	int v = lookup(s, outcome_names, SCREEN__MAX, outcome_words, sizeof(outcome_words) / sizeof(outcome_words[0]));
	if (v >= 0)
		*out = (enum screening_outcome)v;
	return v >= 0;
}

bool screening_channel_parse(const char *s, enum screening_channel *out)
{
	int v = lookup(s, channel_names, CHANNEL__MAX, channel_words, sizeof(channel_words) / sizeof(channel_words[0]));
	if (v >= 0)
		*out = (enum screening_channel)v;
	return v >= 0;
}
