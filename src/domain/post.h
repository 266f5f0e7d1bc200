/* post: the posts (chức danh, chức vụ) a member holds over time — the core
 * of the cadre module (rules-wave2.md; glossary "cadre; post",
 * "concurrent post", "local / non-local"). One table lists every kind of
 * post with its Vietnamese label and its group (party, state, head of a
 * unit, mass organization); the checks of a new or changed period are pure
 * functions over the periods already held at the same organization.
 * No I/O.
 *
 * A period holds on the days from `from` up to, not including, `to`
 * (DATE_MAX when it is still open), as membership spans do (contract §2
 * "How history is read"): a post ended on day d is not held on d. */
#ifndef DANGBO_DOMAIN_POST_H
#define DANGBO_DOMAIN_POST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"

enum post_group {
	POST_GROUP_PARTY, /* chức danh trong tổ chức đảng */
	POST_GROUP_STATE, /* chính quyền: HĐND, UBND, công an xã */
	POST_GROUP_HEAD,  /* thủ trưởng cơ quan, đơn vị */
	POST_GROUP_MASS,  /* Mặt trận Tổ quốc và các đoàn thể */
	POST_GROUP__MAX
};

enum post_kind {
	POST_SECRETARY,          /* bí thư */
	POST_DEPUTY,             /* phó bí thư */
	POST_STANDING,           /* ủy viên ban thường vụ */
	POST_COMMITTEE,          /* cấp ủy viên (ủy viên ban chấp hành) */
	POST_CELL_COMMITTEE,     /* chi ủy viên */
	POST_COUNCIL_CHAIR,      /* chủ tịch HĐND */
	POST_COUNCIL_VICE,       /* phó chủ tịch HĐND */
	POST_PEOPLE_CHAIR,       /* chủ tịch UBND */
	POST_PEOPLE_VICE,        /* phó chủ tịch UBND */
	POST_POLICE_CHIEF,       /* trưởng công an xã / phường */
	POST_UNIT_HEAD,          /* thủ trưởng cơ quan / đơn vị */
	POST_FRONT_CHAIR,        /* chủ tịch Ủy ban MTTQ */
	POST_YOUTH_SECRETARY,    /* bí thư Đoàn thanh niên */
	POST_WOMEN_CHAIR,        /* chủ tịch Hội Liên hiệp phụ nữ */
	POST_FARMERS_CHAIR,      /* chủ tịch Hội Nông dân */
	POST_VETERANS_CHAIR,     /* chủ tịch Hội Cựu chiến binh */
	POST_UNION_CHAIR,        /* chủ tịch Công đoàn */
	POST__MAX
};

struct post_kind_info {
	const char *name;    /* in files and on the command line: "secretary" */
	const char *label;   /* for people: "Bí thư" */
	enum post_group group;
	/* the holder sits on the organization's standing committee (ban
	 * thường vụ) where it has one: its secretary, deputies and standing
	 * members */
	bool standing;
};

/* The row of kind k (k < POST__MAX). */
const struct post_kind_info *post_kind_info(enum post_kind k);
/* Parses a kind: its English name ("people_chair") or its Vietnamese label
 * in any case, with or without marks ("Chủ tịch UBND", "chu tich ubnd").
 * False if s names none. */
bool post_kind_parse(const char *s, enum post_kind *out);
/* The Vietnamese name of a group ("Đảng", "Chính quyền", ...). */
const char *post_group_label(enum post_group g);

/* One period of one post at one organization (the organization is the
 * caller's business: the periods passed to post_check are all at it). */
struct post_period {
	int64_t member;      /* the member's database row */
	enum post_kind kind;
	date_t from, to;     /* [from, to); to = DATE_MAX while open */
};

/* Whether [f1, t1) and [f2, t2) share a day. */
bool post_periods_overlap(date_t f1, date_t t1, date_t f2, date_t t2);
/* Whether the period holds on day d. */
bool post_holds_on(const struct post_period *p, date_t d);

struct post_rules {
	/* One secretary per organization at a time. The Party's rules have
	 * each congress or committee elect "the secretary" (QĐ 294-QĐ/TW §23;
	 * rules.md §1.6: the chi bộ elects its secretary, then one deputy):
	 * a single secretary is implied, not stated, so it is a configurable
	 * default (true). */
	bool one_secretary;
};

/* The outcome of post_check. */
enum post_problem {
	POST_OK,
	POST_BAD_DATES,       /* to is not after from */
	POST_OVERLAP,         /* the same member already holds the same post there on a day of it */
	POST_SECOND_SECRETARY /* another member is secretary there on a day of it */
};

/* Checks the period p against the periods held at the same organization
 * (others[0..n), which must not include p itself). *clash receives the
 * index of the period it collides with (POST_OVERLAP,
 * POST_SECOND_SECRETARY). */
enum post_problem post_check(const struct post_period *p, const struct post_period *others, size_t n,
			     const struct post_rules *r, size_t *clash);

#endif
