/* degradation: the 27 manifestations of degradation in political ideology,
 * ethics and lifestyle, "self-evolution" and "self-transformation"
 * (27 biểu hiện suy thoái, Nghị quyết 04-NQ/TW, 30/10/2016, Hội nghị Trung
 * ương 4 khóa XII) and the 5-level scale used to assess them.
 *
 * The manifestations are three groups of nine (A: tư tưởng chính trị, B:
 * đạo đức, lối sống, C: "tự diễn biến", "tự chuyển hóa"), numbered 1 to 27
 * across the groups in the resolution's order (A1 = 1 ... A9 = 9, B1 = 10,
 * ..., C9 = 27). The titles are short Vietnamese titles of each item (rules.md
 * §6, medium confidence: check the wording against the resolution before
 * printing it in an official document).
 *
 * The 5 levels are the scale a provincial committee set to assess them
 * (seed 000: Tỉnh ủy Nghệ An): 1 very serious (must be taken out of the
 * Party), 2 serious (must be disciplined), 3 an early sign (self-review,
 * learn from it), 4 hard to see (watch for it), 5 none. Level 1 is the most
 * serious. NQ 04 itself sets no scale; a committee that uses another reads
 * its own words onto these numbers (docs/quality.md). Pure tables, no I/O. */
#ifndef DANGBO_DOMAIN_DEGRADATION_H
#define DANGBO_DOMAIN_DEGRADATION_H

#include <stdbool.h>

#define DEGRADATION_COUNT 27  /* NQ 04-NQ/TW: 27 biểu hiện */
#define DEGRADATION_LEVELS 5  /* 5 mức độ (seed 000) */

enum degradation_group {
	DG_IDEOLOGY,   /* A. tư tưởng chính trị */
	DG_ETHICS,     /* B. đạo đức, lối sống */
	DG_EVOLUTION,  /* C. "tự diễn biến", "tự chuyển hóa" */
	DG__MAX
};

struct degradation_item {
	int number;                 /* 1 ... 27 */
	enum degradation_group group;
	int in_group;               /* 1 ... 9 */
	const char *code;           /* "A1" ... "C9" */
	const char *title;          /* short Vietnamese title */
};

/* Item n (1 to 27), or NULL outside that range. Static storage. */
const struct degradation_item *degradation_item(int n);
/* The Vietnamese name of a group ("Tư tưởng chính trị"), or "?". */
const char *degradation_group_label(enum degradation_group g);
/* Parses a manifestation: its number "1" ... "27" or its code "A1" ...
 * "C9" (any case). *n receives the number. False if s is neither. */
bool degradation_item_parse(const char *s, int *n);

/* The Vietnamese label of level 1 to 5 ("Rất nghiêm trọng" ...), or "?". */
const char *degradation_level_label(int level);
/* Parses a level: "1" ... "5" or its Vietnamese words, with or without
 * marks ("rất nghiêm trọng", "nghiem trong", "ban đầu", "khó nhận diện",
 * "không có biểu hiện"). False otherwise. */
bool degradation_level_parse(const char *s, int *level);
/* Whether a level shows the manifestation (1 to 4; 5 is none). */
static inline bool degradation_level_shows(int level) { return level >= 1 && level <= 4; }
/* Whether a level is serious: the member must be taken out of the Party
 * or disciplined (levels 1 and 2 of the scale). */
static inline bool degradation_level_serious(int level) { return level == 1 || level == 2; }

#endif
