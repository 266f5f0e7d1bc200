/* post: the kinds of posts and the checks of a period (post.h). */
#include "domain/post.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"

static const struct post_kind_info kinds[POST__MAX] = {
	[POST_SECRETARY] = {"secretary", "Bí thư", POST_GROUP_PARTY, true},
	[POST_DEPUTY] = {"deputy", "Phó bí thư", POST_GROUP_PARTY, true},
	[POST_STANDING] = {"standing", "Ủy viên ban thường vụ", POST_GROUP_PARTY, true},
	[POST_COMMITTEE] = {"committee", "Cấp ủy viên", POST_GROUP_PARTY, false},
	[POST_CELL_COMMITTEE] = {"cell_committee", "Chi ủy viên", POST_GROUP_PARTY, false},
	[POST_COUNCIL_CHAIR] = {"council_chair", "Chủ tịch HĐND", POST_GROUP_STATE, false},
	[POST_COUNCIL_VICE] = {"council_vice", "Phó chủ tịch HĐND", POST_GROUP_STATE, false},
	[POST_PEOPLE_CHAIR] = {"people_chair", "Chủ tịch UBND", POST_GROUP_STATE, false},
	[POST_PEOPLE_VICE] = {"people_vice", "Phó chủ tịch UBND", POST_GROUP_STATE, false},
	[POST_POLICE_CHIEF] = {"police_chief", "Trưởng công an xã, phường", POST_GROUP_STATE, false},
	[POST_UNIT_HEAD] = {"unit_head", "Thủ trưởng cơ quan, đơn vị", POST_GROUP_HEAD, false},
	[POST_FRONT_CHAIR] = {"front_chair", "Chủ tịch Ủy ban MTTQ", POST_GROUP_MASS, false},
	[POST_YOUTH_SECRETARY] = {"youth_secretary", "Bí thư Đoàn thanh niên", POST_GROUP_MASS, false},
	[POST_WOMEN_CHAIR] = {"women_chair", "Chủ tịch Hội Liên hiệp phụ nữ", POST_GROUP_MASS, false},
	[POST_FARMERS_CHAIR] = {"farmers_chair", "Chủ tịch Hội Nông dân", POST_GROUP_MASS, false},
	[POST_VETERANS_CHAIR] = {"veterans_chair", "Chủ tịch Hội Cựu chiến binh", POST_GROUP_MASS, false},
	[POST_UNION_CHAIR] = {"union_chair", "Chủ tịch Công đoàn", POST_GROUP_MASS, false},
};

/* Other spellings users write (folded): the long forms of the abbreviations. */
static const struct {
	const char *word;
	enum post_kind kind;
} kind_words[] = {
	{"uy vien thuong vu", POST_STANDING},
	{"uy vien ban chap hanh", POST_COMMITTEE},
	{"cap uy", POST_COMMITTEE},
	{"chu tich hoi dong nhan dan", POST_COUNCIL_CHAIR},
	{"pho chu tich hoi dong nhan dan", POST_COUNCIL_VICE},
	{"chu tich uy ban nhan dan", POST_PEOPLE_CHAIR},
	{"pho chu tich uy ban nhan dan", POST_PEOPLE_VICE},
	{"truong cong an xa", POST_POLICE_CHIEF},
	{"truong cong an phuong", POST_POLICE_CHIEF},
	{"thu truong don vi", POST_UNIT_HEAD},
	{"thu truong co quan", POST_UNIT_HEAD},
	{"chu tich mttq", POST_FRONT_CHAIR},
	{"chu tich uy ban mat tran to quoc", POST_FRONT_CHAIR},
};

static const char *const group_labels[POST_GROUP__MAX] = {"Đảng", "Chính quyền", "Thủ trưởng đơn vị",
							  "Mặt trận, đoàn thể"};

const struct post_kind_info *post_kind_info(enum post_kind k)
{
	return &kinds[(unsigned)k < POST__MAX ? k : 0];
}

const char *post_group_label(enum post_group g)
{
	return (unsigned)g < POST_GROUP__MAX ? group_labels[g] : "?";
}

bool post_kind_parse(const char *s, enum post_kind *out)
{
	if (!s || !*s)
		return false;
	for (int k = 0; k < POST__MAX; k++)
		if (strcmp(s, kinds[k].name) == 0) {
			*out = (enum post_kind)k;
			return true;
		}
	char *key = text_fold(s);
	bool found = false;
	for (int k = 0; k < POST__MAX && !found; k++) {
		char *label = text_fold(kinds[k].label);
		if (strcmp(key, label) == 0) {
			*out = (enum post_kind)k;
			found = true;
		}
		free(label);
	}
	for (size_t i = 0; i < sizeof(kind_words) / sizeof(kind_words[0]) && !found; i++)
		if (strcmp(key, kind_words[i].word) == 0) {
			*out = kind_words[i].kind;
			found = true;
		}
	free(key);
	return found;
}

bool post_periods_overlap(date_t f1, date_t t1, date_t f2, date_t t2)
{
	return f1 < t2 && f2 < t1;
}

bool post_holds_on(const struct post_period *p, date_t d)
{
	return p->from <= d && d < p->to;
}

enum post_problem post_check(const struct post_period *p, const struct post_period *others, size_t n,
			     const struct post_rules *r, size_t *clash)
{
	if (p->to <= p->from)
		return POST_BAD_DATES;
	for (size_t i = 0; i < n; i++) {
		const struct post_period *o = &others[i];
		if (!post_periods_overlap(p->from, p->to, o->from, o->to))
			continue;
		if (o->member == p->member && o->kind == p->kind) {
			*clash = i;
			return POST_OVERLAP;
		}
		/* QĐ 294-QĐ/TW §23: one secretary (configurable, post.h) */
		if (r->one_secretary && p->kind == POST_SECRETARY && o->kind == POST_SECRETARY &&
		    o->member != p->member) {
			*clash = i;
			return POST_SECOND_SECRETARY;
		}
	}
	return POST_OK;
}
