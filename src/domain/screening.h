/* screening: the outcomes of reviewing and screening members (rà soát,
 * sàng lọc đảng viên, Chỉ thị 28-CT/TW of the Secretariat, 21/01/2019;
 * rules.md §5.1) and the channels by which a screened member leaves the
 * Party (QĐ 294-QĐ/TW §8: xóa tên; QĐ 296-QĐ/TW: khai trừ; cho ra khỏi
 * Đảng at the member's request).
 *
 * A case ends one of three ways, as the yearly reports count them (seed
 * 004: "79 đảng viên; 37 được công nhận sự tiến bộ; 23 tiếp tục giáo dục,
 * giúp đỡ; 19 bị đưa ra khỏi Đảng"): progressed, continued education and
 * help, or taken out of the Party by one of the three channels. Each
 * channel is the member event (domain/member.h) that records it. Pure
 * tables, no I/O. */
#ifndef DANGBO_DOMAIN_SCREENING_H
#define DANGBO_DOMAIN_SCREENING_H

#include <stdbool.h>

#include "domain/member.h"

enum screening_outcome {
	SCREEN_PROGRESSED, /* được công nhận sự tiến bộ */
	SCREEN_CONTINUED,  /* tiếp tục giáo dục, giúp đỡ */
	SCREEN_REMOVED,    /* đưa ra khỏi Đảng */
	SCREEN__MAX
};

enum screening_channel {
	CHANNEL_REMOVE,    /* xóa tên (QĐ 294-QĐ/TW §8.1) */
	CHANNEL_EXPEL,     /* khai trừ (QĐ 296-QĐ/TW) */
	CHANNEL_LEAVE,     /* cho ra khỏi Đảng, at the member's request (QĐ 294-QĐ/TW §8.2) */
	CHANNEL__MAX
};

/* English names ("progressed", "continued", "removed"), or "?". */
const char *screening_outcome_name(enum screening_outcome o);
/* Vietnamese labels ("Được công nhận sự tiến bộ" ...), or "?". */
const char *screening_outcome_label(enum screening_outcome o);
/* Parses an outcome: the English name or the Vietnamese words, with or
 * without marks ("tiến bộ", "tiếp tục giáo dục, giúp đỡ", "đưa ra khỏi
 * Đảng"). False otherwise. */
bool screening_outcome_parse(const char *s, enum screening_outcome *out);

/* English names ("remove", "expel", "leave": the member event types), or "?". */
const char *screening_channel_name(enum screening_channel c);
/* Vietnamese labels ("Xóa tên", "Khai trừ", "Cho ra khỏi Đảng"), or "?". */
const char *screening_channel_label(enum screening_channel c);
/* Parses a channel: the English name or the Vietnamese words. */
bool screening_channel_parse(const char *s, enum screening_channel *out);
/* The member event that records the channel (EV_REMOVE, EV_EXPEL, EV_LEAVE). */
enum event_type screening_channel_event(enum screening_channel c);

#endif
