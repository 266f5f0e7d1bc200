/* org: kinds of party organizations and how they may nest (QĐ 294 §§10,
 * 20, 21; contract §2 orgs.csv), and the categories of base organizations.
 * Pure data and rules, no I/O. */
#ifndef DANGBO_DOMAIN_ORG_H
#define DANGBO_DOMAIN_ORG_H

#include <stdbool.h>

enum org_kind {
	ORG_CENTRAL,        /* the whole Party: root of a national deployment */
	ORG_PROVINCE,       /* Đảng bộ tỉnh / thành phố trực thuộc TW */
	ORG_UPPER,          /* đảng bộ cấp trên trực tiếp của TCCSĐ */
	ORG_BASE_COMMITTEE, /* đảng bộ cơ sở */
	ORG_BASE_CELL,      /* chi bộ cơ sở */
	ORG_SUB_COMMITTEE,  /* đảng bộ bộ phận */
	ORG_CELL,           /* chi bộ trực thuộc */
	ORG_KIND__MAX
};

/* "province", ... as in the CSV; NULL for out of range. */
const char *org_kind_name(enum org_kind k);
/* Vietnamese label for people ("Chi bộ cơ sở"). */
const char *org_kind_label(enum org_kind k);
/* Parses a kind name (also the Vietnamese label, any case/diacritics
 * handled by the caller's folding). Returns false if unknown. */
bool org_kind_parse(const char *s, enum org_kind *out);
/* May an organization of kind child sit directly under one of kind parent? */
bool org_kind_may_nest(enum org_kind parent, enum org_kind child);
/* May members be active directly in an organization of this kind (cells
 * and base cells; contract §2 members.csv org_code)? */
bool org_kind_holds_members(enum org_kind k);
/* Is this a base organization (base committee or base cell)? */
bool org_kind_is_base(enum org_kind k);
/* A readable list of the kinds that may hold child, e.g. "base_committee or sub_committee". */
const char *org_kind_parents_text(enum org_kind child);

/* The built-in categories of base organizations (a reference table users
 * can extend in the store). */
extern const char *const org_categories[];
/* Vietnamese label of a built-in category, or NULL. */
const char *org_category_label(const char *name);

#endif
