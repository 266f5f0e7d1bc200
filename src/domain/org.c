/* org: organization kinds and their nesting rules. */
#include "domain/org.h"

#include <stddef.h>
#include <string.h>

static const struct {
	const char *name;
	const char *label;
	unsigned parents; /* bit set of kinds it may sit under */
	bool holds_members;
	bool base;
	const char *parents_text;
} kinds[ORG_KIND__MAX] = {
	[ORG_CENTRAL] = {"central", "Đảng Cộng sản Việt Nam", 0, false, false, "nothing (it is the root)"},
	[ORG_PROVINCE] = {"province", "Đảng bộ tỉnh, thành phố", 1u << ORG_CENTRAL, false, false, "central"},
	/* Upper-level committees sit under a province; special đảng bộ
	 * (e.g. đảng bộ khối before 2025) may sit under the centre. */
	[ORG_UPPER] = {"upper", "Đảng bộ cấp trên cơ sở", 1u << ORG_PROVINCE | 1u << ORG_CENTRAL,
		       false, false, "province or central"},
	/* A base organization sits under an upper-level committee, or directly
	 * under a province or the centre (QĐ 294 §10, §21). */
	[ORG_BASE_COMMITTEE] = {"base_committee", "Đảng bộ cơ sở",
				1u << ORG_UPPER | 1u << ORG_PROVINCE | 1u << ORG_CENTRAL, false, true,
				"upper, province or central"},
	[ORG_BASE_CELL] = {"base_cell", "Chi bộ cơ sở",
			   1u << ORG_UPPER | 1u << ORG_PROVINCE | 1u << ORG_CENTRAL, true, true,
			   "upper, province or central"},
	[ORG_SUB_COMMITTEE] = {"sub_committee", "Đảng bộ bộ phận", 1u << ORG_BASE_COMMITTEE, false,
			       false, "base_committee"},
	[ORG_CELL] = {"cell", "Chi bộ trực thuộc", 1u << ORG_BASE_COMMITTEE | 1u << ORG_SUB_COMMITTEE,
		      true, false, "base_committee or sub_committee"},
};

const char *org_kind_name(enum org_kind k)
{
	return (unsigned)k < ORG_KIND__MAX ? kinds[k].name : NULL;
}

const char *org_kind_label(enum org_kind k)
{
	return (unsigned)k < ORG_KIND__MAX ? kinds[k].label : NULL;
}

bool org_kind_parse(const char *s, enum org_kind *out)
{
	for (int k = 0; k < ORG_KIND__MAX; k++) {
		if (strcmp(s, kinds[k].name) == 0 || strcmp(s, kinds[k].label) == 0) {
			*out = (enum org_kind)k;
			return true;
		}
	}
	return false;
}

bool org_kind_may_nest(enum org_kind parent, enum org_kind child)
{
	if ((unsigned)parent >= ORG_KIND__MAX || (unsigned)child >= ORG_KIND__MAX)
		return false;
	return (kinds[child].parents >> parent) & 1u;
}

bool org_kind_holds_members(enum org_kind k)
{
	return (unsigned)k < ORG_KIND__MAX && kinds[k].holds_members;
}

bool org_kind_is_base(enum org_kind k)
{
	return (unsigned)k < ORG_KIND__MAX && kinds[k].base;
}

const char *org_kind_parents_text(enum org_kind child)
{
	return (unsigned)child < ORG_KIND__MAX ? kinds[child].parents_text : "";
}

static const char *const category_labels[][2] = {
	{"commune", "Xã"},
	{"ward", "Phường"},
	{"special_zone", "Đặc khu"},
	{"township", "Thị trấn"},
	{"agency", "Cơ quan hành chính"},
	{"service_unit", "Đơn vị sự nghiệp"},
	{"state_enterprise", "Doanh nghiệp nhà nước"},
	{"private_enterprise", "Doanh nghiệp ngoài nhà nước"},
	{"fdi_enterprise", "Doanh nghiệp có vốn đầu tư nước ngoài"},
	{"army", "Quân đội"},
	{"police", "Công an"},
	{"other", "Khác"},
};

const char *const org_categories[] = {
	"commune", "ward", "special_zone", "township", "agency", "service_unit",
	"state_enterprise", "private_enterprise", "fdi_enterprise", "army", "police", "other", NULL,
};

const char *org_category_label(const char *name)
{
	for (size_t i = 0; i < sizeof(category_labels) / sizeof(category_labels[0]); i++)
		if (strcmp(name, category_labels[i][0]) == 0)
			return category_labels[i][1];
	return NULL;
}
