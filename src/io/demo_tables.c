/* demo_tables: the hand-made tables of the demo generator.
 *
 * Everything here is a modelling choice of ours, not official data: the
 * letter codes of provinces, the share and mix of ethnic minorities among
 * party members of each former province (shaped after the population mix
 * of the 2019 census, damped toward Kinh), the religious mixes, family
 * names of some ethnic groups, and the names and sizes of the kinds of base
 * organizations. docs/internals/demo.md discusses them. Names of ethnic
 * groups and religions are spelled as in data/ethnic-groups.csv and
 * data/religions.csv; demo_ref_load() checks that they all exist. */
#include <stdio.h>
#include <string.h>

#include "io/demo_int.h"

/* The 63 provinces of 01/03/2025, in GSO order. Where a province continues
 * as one of the 34 (same name), its letters are the new province's code. */
const struct demo_pinfo demo_pinfo[] = {
	{"01", "HN", RG_DELTA, 15, {{"Mường", 60}, {"Tày", 15}, {"Thái", 10}, {"Dao", 10}, {"Nùng", 5}}, RP_NORTH},
	{"02", "HG", RG_NORTHEAST, 750, {{"Hmông", 35}, {"Tày", 30}, {"Dao", 17}, {"Nùng", 10}, {"La Chi", 2}}, RP_NORTH},
	{"04", "CB", RG_NORTHEAST, 880, {{"Tày", 45}, {"Nùng", 35}, {"Dao", 10}, {"Hmông", 9}, {"Sán Chay", 1}}, RP_NORTH},
	{"06", "BK", RG_NORTHEAST, 820, {{"Tày", 60}, {"Dao", 20}, {"Nùng", 12}, {"Hmông", 6}, {"Sán Chay", 2}}, RP_NORTH},
	{"08", "TQ", RG_NORTHEAST, 480, {{"Tày", 55}, {"Dao", 18}, {"Sán Chay", 14}, {"Hmông", 6}, {"Nùng", 4}}, RP_NORTH},
	{"10", "LCA", RG_NORTHWEST, 550, {{"Hmông", 32}, {"Tày", 22}, {"Dao", 22}, {"Giáy", 7}, {"Hà Nhì", 4}}, RP_NORTH},
	{"11", "DB", RG_NORTHWEST, 700, {{"Thái", 55}, {"Hmông", 35}, {"Khơ-mú", 4}, {"Lào", 2}, {"Hà Nhì", 1}}, RP_NORTH},
	{"12", "LCH", RG_NORTHWEST, 750, {{"Thái", 35}, {"Hmông", 35}, {"Dao", 15}, {"Hà Nhì", 6}, {"Lự", 2}}, RP_NORTH},
	{"14", "SL", RG_NORTHWEST, 760, {{"Thái", 65}, {"Hmông", 17}, {"Mường", 10}, {"Xinh-mun", 3}, {"Khơ-mú", 2}}, RP_NORTH},
	{"15", "YB", RG_NORTHWEST, 430, {{"Tày", 30}, {"Dao", 25}, {"Hmông", 20}, {"Thái", 12}, {"Mường", 6}}, RP_NORTH},
	{"17", "HB", RG_NORTHWEST, 700, {{"Mường", 85}, {"Thái", 5}, {"Dao", 4}, {"Tày", 4}, {"Hmông", 1}}, RP_NORTH},
	{"19", "TN", RG_NORTHEAST, 220, {{"Tày", 45}, {"Nùng", 25}, {"Sán Dìu", 12}, {"Dao", 10}, {"Sán Chay", 8}}, RP_NORTH},
	{"20", "LS", RG_NORTHEAST, 820, {{"Nùng", 45}, {"Tày", 40}, {"Dao", 10}, {"Sán Chay", 3}, {"Hoa", 1}}, RP_NORTH},
	{"22", "QN", RG_NORTHEAST, 90, {{"Dao", 40}, {"Tày", 25}, {"Sán Dìu", 15}, {"Sán Chay", 10}, {"Hoa", 5}}, RP_NORTH},
	{"24", "BG", RG_NORTHEAST, 110, {{"Nùng", 35}, {"Tày", 30}, {"Sán Chay", 15}, {"Sán Dìu", 12}, {"Dao", 5}}, RP_NORTH},
	{"25", "PT", RG_NORTHEAST, 100, {{"Mường", 85}, {"Dao", 8}, {"Sán Chay", 5}, {"Tày", 2}}, RP_NORTH},
	{"26", "VP", RG_DELTA, 25, {{"Sán Dìu", 80}, {"Dao", 10}, {"Nùng", 5}, {"Tày", 5}}, RP_NORTH},
	{"27", "BN", RG_DELTA, 5, {{"Tày", 30}, {"Nùng", 30}, {"Mường", 20}, {"Hoa", 20}}, RP_NORTH},
	{"30", "HD", RG_DELTA, 5, {{"Tày", 40}, {"Mường", 30}, {"Hoa", 30}}, RP_NORTH},
	{"31", "HP", RG_DELTA, 5, {{"Hoa", 50}, {"Tày", 25}, {"Mường", 25}}, RP_NORTH},
	{"33", "HY", RG_DELTA, 3, {{"Tày", 40}, {"Mường", 30}, {"Nùng", 30}}, RP_NORTH},
	{"34", "TB", RG_DELTA, 2, {{"Tày", 40}, {"Mường", 30}, {"Hoa", 30}}, RP_CATHOLIC},
	{"35", "HNA", RG_DELTA, 4, {{"Mường", 60}, {"Tày", 40}}, RP_CATHOLIC},
	{"36", "ND", RG_DELTA, 3, {{"Mường", 50}, {"Tày", 50}}, RP_CATHOLIC},
	{"37", "NB", RG_DELTA, 25, {{"Mường", 90}, {"Tày", 5}, {"Dao", 5}}, RP_CATHOLIC},
	{"38", "TH", RG_NCENTRAL, 120, {{"Mường", 60}, {"Thái", 35}, {"Hmông", 3}, {"Dao", 2}}, RP_NORTH},
	{"40", "NA", RG_NCENTRAL, 110, {{"Thái", 70}, {"Khơ-mú", 13}, {"Hmông", 10}, {"Thổ", 5}, {"Ơ Đu", 2}}, RP_CATHOLIC},
	{"42", "HT", RG_NCENTRAL, 3, {{"Chứt", 40}, {"Lào", 30}, {"Mường", 30}}, RP_NORTH},
	{"44", "QB", RG_NCENTRAL, 20, {{"Bru-Vân Kiều", 85}, {"Chứt", 15}}, RP_NORTH},
	{"45", "QT", RG_NCENTRAL, 70, {{"Bru-Vân Kiều", 65}, {"Ta-ôi", 35}}, RP_NORTH},
	{"46", "HUE", RG_NCENTRAL, 30, {{"Ta-ôi", 55}, {"Cơ-tu", 30}, {"Bru-Vân Kiều", 15}}, RP_NORTH},
	{"48", "DN", RG_SCENTRAL, 8, {{"Cơ-tu", 70}, {"Hoa", 30}}, RP_SOUTH},
	{"49", "QNA", RG_SCENTRAL, 80, {{"Cơ-tu", 40}, {"Xơ-đăng", 35}, {"Gié-Triêng", 15}, {"Co", 10}}, RP_NORTH},
	{"51", "QNG", RG_SCENTRAL, 90, {{"Hrê", 75}, {"Co", 15}, {"Xơ-đăng", 10}}, RP_NORTH},
	{"52", "BDI", RG_SCENTRAL, 20, {{"Ba-na", 60}, {"Hrê", 25}, {"Chăm", 15}}, RP_NORTH},
	{"54", "PY", RG_SCENTRAL, 35, {{"Ê-đê", 50}, {"Chăm", 30}, {"Ba-na", 20}}, RP_SOUTH},
	{"56", "KH", RG_SCENTRAL, 35, {{"Ra-glai", 80}, {"Cơ-ho", 10}, {"Ê-đê", 10}}, RP_SOUTH},
	{"58", "NT", RG_SCENTRAL, 130, {{"Chăm", 60}, {"Ra-glai", 38}, {"Cơ-ho", 2}}, RP_SOUTH},
	{"60", "BTH", RG_SCENTRAL, 40, {{"Chăm", 55}, {"Ra-glai", 25}, {"Cơ-ho", 10}, {"Hoa", 10}}, RP_SOUTH},
	{"62", "KT", RG_HIGHLAND, 380, {{"Xơ-đăng", 55}, {"Ba-na", 30}, {"Gié-Triêng", 10}, {"Rơ-măm", 3}, {"Brâu", 2}}, RP_HIGHLAND},
	{"64", "GL", RG_HIGHLAND, 280, {{"Gia-rai", 65}, {"Ba-na", 30}, {"Tày", 3}, {"Nùng", 2}}, RP_HIGHLAND},
	{"66", "DLK", RG_HIGHLAND, 190, {{"Ê-đê", 60}, {"Nùng", 12}, {"Tày", 12}, {"Mnông", 10}, {"Gia-rai", 6}}, RP_HIGHLAND},
	{"67", "DNO", RG_HIGHLAND, 160, {{"Mnông", 50}, {"Nùng", 15}, {"Tày", 15}, {"Hmông", 10}, {"Ê-đê", 10}}, RP_HIGHLAND},
	{"68", "LD", RG_HIGHLAND, 130, {{"Cơ-ho", 65}, {"Mạ", 15}, {"Chu-ru", 10}, {"Nùng", 5}, {"Tày", 5}}, RP_HIGHLAND},
	{"70", "BP", RG_SOUTHEAST, 90, {{"Xtiêng", 60}, {"Khơ-me", 15}, {"Nùng", 12}, {"Tày", 10}, {"Mnông", 3}}, RP_SOUTH},
	{"72", "TNI", RG_SOUTHEAST, 12, {{"Khơ-me", 60}, {"Chăm", 20}, {"Hoa", 20}}, RP_CAODAI},
	{"74", "BD", RG_SOUTHEAST, 12, {{"Hoa", 60}, {"Khơ-me", 30}, {"Tày", 5}, {"Nùng", 5}}, RP_SOUTH},
	{"75", "DNA", RG_SOUTHEAST, 35, {{"Hoa", 50}, {"Chơ-ro", 15}, {"Nùng", 15}, {"Tày", 12}, {"Mạ", 8}}, RP_CATHOLIC},
	{"77", "BRVT", RG_SOUTHEAST, 15, {{"Chơ-ro", 50}, {"Hoa", 50}}, RP_SOUTH},
	{"79", "HCM", RG_SOUTHEAST, 25, {{"Hoa", 80}, {"Khơ-me", 10}, {"Chăm", 5}, {"Tày", 5}}, RP_SOUTH},
	{"80", "LA", RG_MEKONG, 5, {{"Khơ-me", 60}, {"Hoa", 40}}, RP_SOUTH},
	{"82", "TG", RG_MEKONG, 3, {{"Hoa", 70}, {"Khơ-me", 30}}, RP_SOUTH},
	{"83", "BT", RG_MEKONG, 2, {{"Hoa", 60}, {"Khơ-me", 40}}, RP_CATHOLIC},
	{"84", "TV", RG_MEKONG, 200, {{"Khơ-me", 95}, {"Hoa", 5}}, RP_SOUTH},
	{"86", "VL", RG_MEKONG, 25, {{"Khơ-me", 85}, {"Hoa", 15}}, RP_SOUTH},
	{"87", "DT", RG_MEKONG, 3, {{"Hoa", 60}, {"Khơ-me", 40}}, RP_HOAHAO},
	{"89", "AG", RG_MEKONG, 45, {{"Khơ-me", 80}, {"Chăm", 12}, {"Hoa", 8}}, RP_HOAHAO},
	{"91", "KG", RG_MEKONG, 70, {{"Khơ-me", 85}, {"Hoa", 15}}, RP_SOUTH},
	{"92", "CT", RG_MEKONG, 15, {{"Khơ-me", 60}, {"Hoa", 40}}, RP_SOUTH},
	{"93", "HGI", RG_MEKONG, 30, {{"Khơ-me", 90}, {"Hoa", 10}}, RP_SOUTH},
	{"94", "ST", RG_MEKONG, 280, {{"Khơ-me", 88}, {"Hoa", 12}}, RP_SOUTH},
	{"95", "BL", RG_MEKONG, 70, {{"Khơ-me", 80}, {"Hoa", 20}}, RP_SOUTH},
	{"96", "CM", RG_MEKONG, 12, {{"Khơ-me", 70}, {"Hoa", 30}}, RP_SOUTH},
	{NULL, NULL, 0, 0, {{NULL, 0}}, 0},
};

/* The 34 provinces from 2025-07-01 and the former province each continues. */
const struct demo_newinfo demo_newinfo[] = {
	{"01", "HN", "01"},   {"04", "CB", "04"},   {"08", "TQ", "08"},   {"11", "DB", "11"},
	{"12", "LCH", "12"},  {"14", "SL", "14"},   {"15", "LCA", "10"},  {"19", "TN", "19"},
	{"20", "LS", "20"},   {"22", "QN", "22"},   {"24", "BN", "27"},   {"25", "PT", "25"},
	{"31", "HP", "31"},   {"33", "HY", "33"},   {"37", "NB", "37"},   {"38", "TH", "38"},
	{"40", "NA", "40"},   {"42", "HT", "42"},   {"44", "QT", "45"},   {"46", "HUE", "46"},
	{"48", "DN", "48"},   {"51", "QNG", "51"},  {"52", "GL", "64"},   {"56", "KH", "56"},
	{"66", "DLK", "66"},  {"68", "LD", "68"},   {"75", "DNA", "75"},  {"79", "HCM", "79"},
	{"80", "TNI", "72"},  {"82", "DT", "87"},   {"86", "VL", "86"},   {"91", "AG", "89"},
	{"92", "CT", "92"},   {"96", "CM", "96"},   {NULL, NULL, NULL},
};

const char *const demo_province_codes[] = {
	"HN", "CB", "TQ", "DB", "LCH", "SL", "LCA", "TN", "LS", "QN", "BN", "PT",
	"HP", "HY", "NB", "TH", "NA", "HT", "QT", "HUE", "DN", "QNG", "GL", "KH",
	"DLK", "LD", "DNA", "HCM", "TNI", "DT", "VL", "AG", "CT", "CM", NULL,
};

/* Religious mixes: the share of members with a religion, then the mix. */
const struct demo_relw demo_relprof[RP__MAX] = {
	[RP_NORTH] = {0.012, {{"Phật giáo", 60}, {"Công giáo", 40}}},
	[RP_CATHOLIC] = {0.03, {{"Công giáo", 85}, {"Phật giáo", 15}}},
	[RP_HIGHLAND] = {0.03, {{"Công giáo", 45}, {"Tin lành", 40}, {"Phật giáo", 15}}},
	[RP_SOUTH] = {0.035, {{"Phật giáo", 55}, {"Công giáo", 25}, {"Cao Đài", 12}, {"Tin lành", 4}, {"Phật giáo Hòa Hảo", 4}}},
	[RP_CAODAI] = {0.05, {{"Cao Đài", 60}, {"Phật giáo", 25}, {"Công giáo", 15}}},
	[RP_HOAHAO] = {0.05, {{"Phật giáo Hòa Hảo", 55}, {"Phật giáo", 30}, {"Công giáo", 10}, {"Hồi giáo", 5}}},
};

/* ---- names of people ---- */

static const char *const fam_hmong[] = {"Giàng", "Vàng", "Sùng", "Thào", "Lý", "Hờ", "Mùa", "Lầu", "Vừ", "Hạng", "Tráng", "Cứ"};
static const char *const fam_thai[] = {"Lò", "Lường", "Quàng", "Cầm", "Vì", "Lù", "Hà", "Điêu", "Tòng", "Mè", "Lê", "Lương"};
static const char *const fam_tay[] = {"Hoàng", "Nông", "Ma", "Lương", "Triệu", "Hà", "Đàm", "Lục", "Bế", "Ngôn", "Nguyễn", "La"};
static const char *const fam_nung[] = {"Hoàng", "Nông", "Lý", "Lương", "Chu", "Vi", "Lăng", "Mã", "Lục", "Nguyễn"};
static const char *const fam_muong[] = {"Bùi", "Đinh", "Quách", "Hà", "Xa", "Nguyễn", "Phạm", "Trương"};
static const char *const fam_dao[] = {"Triệu", "Bàn", "Đặng", "Lý", "Phùng", "Chảo", "Tẩn", "Lò"};
static const char *const fam_khmer[] = {"Thạch", "Sơn", "Kim", "Lâm", "Danh", "Châu", "Lý", "Trần"};
static const char *const fam_hoa[] = {"Lâm", "Quách", "Lý", "Trần", "Hứa", "Mã", "Lưu", "Tăng", "Hồng"};
static const char *const fam_jarai[] = {"Rơ Châm", "Ksor", "Siu", "Rơ Mah", "Nay", "Kpă", "Rah Lan"};
static const char *const fam_ede[] = {"Niê", "Mlô", "Êban", "Byă", "Ksơr", "Hwing", "Adrơng"};
static const char *const fam_bana[] = {"Đinh", "Nguyễn", "Phạm", "Y", "A"};
static const char *const fam_sandiu[] = {"Trần", "Lý", "Diệp", "Lưu", "Tạ"};
static const char *const fam_sanchay[] = {"Hoàng", "Lâm", "La", "Trần", "Lý"};
static const char *const fam_cham[] = {"Đạt", "Châu", "Từ", "Quảng", "Thiên", "Lưu"};

#define N(a) (sizeof(a) / sizeof(a[0]))

static const struct {
	const char *ethnic;
	const char *const *fam;
	size_t n;
} ethnic_family[] = {
	{"Hmông", fam_hmong, N(fam_hmong)},   {"Thái", fam_thai, N(fam_thai)},
	{"Tày", fam_tay, N(fam_tay)},         {"Nùng", fam_nung, N(fam_nung)},
	{"Mường", fam_muong, N(fam_muong)},   {"Dao", fam_dao, N(fam_dao)},
	{"Khơ-me", fam_khmer, N(fam_khmer)},  {"Hoa", fam_hoa, N(fam_hoa)},
	{"Gia-rai", fam_jarai, N(fam_jarai)}, {"Ê-đê", fam_ede, N(fam_ede)},
	{"Ba-na", fam_bana, N(fam_bana)},     {"Xơ-đăng", fam_bana, N(fam_bana)},
	{"Sán Dìu", fam_sandiu, N(fam_sandiu)}, {"Sán Chay", fam_sanchay, N(fam_sanchay)},
	{"Chăm", fam_cham, N(fam_cham)},
};

const char *const *demo_ethnic_family(const char *ethnic, size_t *n)
{
	for (size_t i = 0; i < N(ethnic_family); i++)
		if (strcmp(ethnic_family[i].ethnic, ethnic) == 0) {
			*n = ethnic_family[i].n;
			return ethnic_family[i].fam;
		}
	*n = 0;
	return NULL;
}

/* ---- names of places ---- */

const char *demo_village_word(enum demo_region rg, bool urban, struct demo_rng *r)
{
	if (urban)
		return rg == RG_SOUTHEAST || rg == RG_MEKONG ? "khu phố" : "tổ dân phố số";
	double u = demo_unit(r);
	switch (rg) {
	case RG_NORTHWEST:
		return u < 0.8 ? "bản" : "thôn";
	case RG_NORTHEAST:
		return u < 0.35 ? "bản" : "thôn";
	case RG_NCENTRAL:
		return u < 0.3 ? "xóm" : "thôn";
	case RG_HIGHLAND:
		return u < 0.2 ? "buôn" : u < 0.4 ? "làng" : "thôn";
	case RG_SOUTHEAST:
	case RG_MEKONG:
		return "ấp";
	default:
		return "thôn";
	}
}

static const char *const place_words[] = {
	"Tân", "Phú", "An", "Hòa", "Bình", "Đông", "Tây", "Nam", "Bắc", "Trung",
	"Thượng", "Hạ", "Yên", "Mỹ", "Vĩnh", "Thạnh", "Lộc", "Phước", "Hưng", "Long",
	"Thành", "Quang", "Đức", "Xuân", "Thanh", "Minh", "Hồng", "Kim", "Lạc", "Thuận",
	"Phong", "Cát", "Sơn", "Hải", "Lợi", "Tiến", "Hiệp", "Khánh", "Định", "Ninh",
};

const char *demo_village_name(struct demo_rng *r, char *out, size_t n)
{
	size_t a = (size_t)demo_range(r, 0, (int)N(place_words) - 1);
	size_t b = (size_t)demo_range(r, 0, (int)N(place_words) - 2);
	if (b >= a)
		b++;
	snprintf(out, n, "%s %s", place_words[a], place_words[b]);
	return out;
}

static const char *const firm_a[] = {
	"Hưng Thịnh", "Phú Thành", "Tân Phát", "Minh Long", "An Phát", "Hoàng Gia", "Thành Công",
	"Việt Á", "Đại Dương", "Sao Mai", "Hòa Bình", "Thiên Long", "Phúc Lộc", "Trường Sơn",
	"Hồng Hà", "Nam Việt", "Đông Á", "Tiến Đạt", "Quang Minh", "Bình An", "Kim Ngân", "Thái Sơn",
};
static const char *const firm_b[] = {
	"Xây dựng", "Thương mại", "May mặc", "Cơ khí", "Vận tải", "Thực phẩm", "Dược phẩm",
	"Vật liệu xây dựng", "Điện tử", "Thủy sản", "Chế biến gỗ", "Đầu tư và Phát triển",
	"Nông sản", "Bao bì", "Môi trường", "Du lịch", "Giày da", "Điện nước",
};
static const char *const firm_fdi[] = {
	"Sunrise", "Bright Star", "Green Field", "Blue Ocean", "Evergreen", "Pacific Textile",
	"Orient Electronics", "Golden Harvest", "Asia Components", "Silver Bay", "North Star",
	"Lotus Precision", "Crystal Apparel", "Summit Footwear", "Maple Plastics",
};

const char *demo_firm_name(struct demo_rng *r, char *out, size_t n, bool fdi)
{
	if (fdi)
		snprintf(out, n, "%s", firm_fdi[demo_range(r, 0, (int)N(firm_fdi) - 1)]);
	else
		snprintf(out, n, "%s %s", firm_b[demo_range(r, 0, (int)N(firm_b) - 1)],
			 firm_a[demo_range(r, 0, (int)N(firm_a) - 1)]);
	return out;
}

static const char *const persons[] = {
	"Trần Phú", "Nguyễn Trãi", "Lê Lợi", "Quang Trung", "Lê Quý Đôn", "Chu Văn An",
	"Nguyễn Du", "Trần Hưng Đạo", "Lý Thường Kiệt", "Nguyễn Huệ", "Phan Bội Châu",
	"Phan Châu Trinh", "Hùng Vương", "Lương Thế Vinh", "Võ Thị Sáu", "Nguyễn Thị Minh Khai",
	"Lê Hồng Phong", "Hoàng Văn Thụ", "Ngô Quyền", "Đinh Tiên Hoàng", "Nguyễn Bỉnh Khiêm",
	"Hai Bà Trưng", "Bà Triệu", "Nguyễn Đình Chiểu", "Trần Quốc Tuấn", "Tô Hiệu",
};

const char *demo_person_name(struct demo_rng *r)
{
	return persons[demo_range(r, 0, (int)N(persons) - 1)];
}

/* ---- kinds of base organizations ---- */

static const char *const cells_school[] = {
	"Tổ Khoa học tự nhiên", "Tổ Khoa học xã hội", "Tổ Toán – Tin", "Tổ Ngữ văn",
	"Tổ Ngoại ngữ", "Tổ Văn phòng", "Tổ Thể dục – Quốc phòng", NULL,
};
static const char *const cells_health[] = {
	"Khoa Khám bệnh", "Khoa Nội", "Khoa Ngoại", "Khoa Sản", "Khoa Nhi",
	"Khoa Hồi sức cấp cứu", "Khoa Xét nghiệm", "Khoa Dược", "Khoa Y học cổ truyền",
	"Phòng Kế hoạch tổng hợp", "Phòng Tổ chức – Hành chính", "Phòng Điều dưỡng",
	"Khoa Kiểm soát bệnh tật", NULL,
};
static const char *const cells_firm[] = {
	"Phòng Tổ chức – Hành chính", "Phòng Tài chính – Kế toán", "Phòng Kỹ thuật",
	"Phòng Kinh doanh", "Phân xưởng số 1", "Phân xưởng số 2", "Phân xưởng số 3",
	"Phân xưởng số 4", "Đội Sản xuất số 1", "Đội Sản xuất số 2", NULL,
};
static const char *const cells_agency[] = {
	"Phòng Tổng hợp", "Phòng Nghiệp vụ", "Phòng Kiểm tra", "Phòng Hành chính – Quản trị",
	"Phòng Tổ chức cán bộ", "Phòng Kế hoạch – Tài chính", "Phòng Pháp chế", NULL,
};
static const char *const cells_police[] = {
	"Đội Cảnh sát khu vực", "Đội An ninh", "Đội Cảnh sát hình sự", "Đội Tổng hợp",
	"Đội Cảnh sát giao thông – trật tự", NULL,
};

const char *const demo_hu_cells[] = {
	"Văn phòng", "Ban Tổ chức", "Ban Tuyên giáo", "Ủy ban Kiểm tra", "Ban Dân vận",
	"Trung tâm Chính trị", "Mặt trận Tổ quốc", "các đoàn thể", NULL,
};
const char *const demo_ub_cells[] = {
	"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "Phòng Tài chính – Kế hoạch",
	"Phòng Nội vụ", "Phòng Tư pháp", "Phòng Tài nguyên và Môi trường",
	"Phòng Kinh tế – Hạ tầng", "Phòng Giáo dục và Đào tạo", "Phòng Văn hóa và Thông tin",
	"Phòng Lao động – Thương binh và Xã hội", "Phòng Nông nghiệp", "Thanh tra",
	"Phòng Y tế", NULL,
};

/* unit, arg, category, mcat, w_rural, w_urban, lo, mode, hi, cell_mean, cells */
const struct demo_tmpl demo_commune_tmpl[] = {
	{"Trường Mầm non %s", TA_OLDNAME, "service_unit", MC_SCHOOL, 6, 5, 4, 9, 22, 11, cells_school},
	{"Trường Tiểu học %s", TA_OLDNAME, "service_unit", MC_SCHOOL, 7, 5, 5, 12, 28, 11, cells_school},
	{"Trường Trung học cơ sở %s", TA_OLDNAME, "service_unit", MC_SCHOOL, 7, 5, 6, 14, 30, 11, cells_school},
	{"Trường Trung học phổ thông %s", TA_PERSON, "service_unit", MC_SCHOOL, 8, 8, 25, 45, 90, 11, cells_school},
	{"Trạm Y tế %s", TA_OLDNAME, "service_unit", MC_HEALTH, 2, 2, 3, 5, 9, 11, cells_health},
	{"Trung tâm Y tế khu vực %s", TA_DISTRICT, "service_unit", MC_HEALTH, 6, 6, 40, 100, 260, 12, cells_health},
	{"Bệnh viện Đa khoa khu vực %s", TA_DISTRICT, "service_unit", MC_HEALTH, 2, 4, 60, 150, 450, 14, cells_health},
	{"Trường Cao đẳng %s", TA_DISTRICT, "service_unit", MC_SCHOOL, 0, 2, 30, 70, 160, 11, cells_school},
	{"Thuế cơ sở %s", TA_DISTRICT, "agency", MC_AGENCY, 4, 6, 20, 35, 70, 11, cells_agency},
	{"Kho bạc Nhà nước khu vực %s", TA_DISTRICT, "agency", MC_AGENCY, 2, 2, 4, 8, 16, 11, cells_agency},
	{"Tòa án nhân dân khu vực %s", TA_DISTRICT, "agency", MC_AGENCY, 2, 2, 15, 30, 50, 11, cells_agency},
	{"Viện Kiểm sát nhân dân khu vực %s", TA_DISTRICT, "agency", MC_AGENCY, 2, 2, 15, 28, 45, 11, cells_agency},
	{"Thi hành án dân sự %s", TA_DISTRICT, "agency", MC_AGENCY, 2, 2, 4, 8, 16, 11, cells_agency},
	{"Bảo hiểm xã hội cơ sở %s", TA_DISTRICT, "agency", MC_AGENCY, 2, 2, 4, 9, 18, 11, cells_agency},
	{"Hợp tác xã Nông nghiệp %s", TA_OLDNAME, "other", MC_COOP, 6, 1, 3, 5, 12, 11, cells_firm},
	{"Quỹ Tín dụng nhân dân %s", TA_OLDNAME, "other", MC_COOP, 2, 2, 3, 5, 9, 11, cells_firm},
	{"Công ty TNHH %s", TA_FIRM, "private_enterprise", MC_PRIVATE, 8, 15, 3, 6, 24, 11, cells_firm},
	{"Công ty Cổ phần %s", TA_FIRM, "private_enterprise", MC_PRIVATE, 10, 24, 20, 60, 300, 11, cells_firm},
	{"Tổng công ty %s", TA_FIRM, "state_enterprise", MC_STATE, 1, 2, 80, 250, 1200, 14, cells_firm},
	{"Điện lực %s", TA_DISTRICT, "state_enterprise", MC_STATE, 2, 2, 20, 35, 70, 11, cells_firm},
	{"Chi nhánh Ngân hàng Nông nghiệp và Phát triển Nông thôn %s", TA_DISTRICT, "state_enterprise", MC_STATE, 2, 2, 8, 16, 35, 11, cells_firm},
	{"Bưu điện %s", TA_DISTRICT, "state_enterprise", MC_STATE, 2, 2, 3, 6, 12, 11, cells_firm},
	{"Chi nhánh Viettel %s", TA_DISTRICT, "state_enterprise", MC_STATE, 2, 2, 4, 8, 16, 11, cells_firm},
	{"Công ty TNHH Một thành viên Thủy lợi %s", TA_DISTRICT, "state_enterprise", MC_STATE, 2, 0, 5, 12, 30, 11, cells_firm},
	{"Công ty TNHH %s Việt Nam", TA_FIRM, "fdi_enterprise", MC_FDI, 2, 6, 3, 9, 28, 11, cells_firm},
	{"Công ty TNHH %s Vina", TA_FIRM, "fdi_enterprise", MC_FDI, 1, 4, 40, 150, 900, 14, cells_firm},
	{NULL, 0, NULL, 0, 0, 0, 0, 0, 0, 0, NULL},
};

const struct demo_tmpl demo_police_tmpl = {
	"Công an %s", TA_COMMUNE, "police", MC_POLICE, 0, 0, 8, 15, 30, 11, cells_police,
};
const struct demo_tmpl demo_army_tmpl = {
	"Quân sự %s", TA_COMMUNE, "army", MC_ARMY, 0, 0, 4, 7, 14, 11, cells_agency,
};

/* Units of the provincial committees. The ones with w_rural > 0 are the
 * fixed list (once each, in order); then units with w_urban > 0 repeat. */
const struct demo_tmpl demo_cqd_tmpl[] = {
	{"Văn phòng %s", TA_COMMITTEE, "agency", MC_AGENCY, 1, 0, 30, 55, 110, 11, cells_agency},
	{"Ban Tổ chức %s", TA_COMMITTEE, "agency", MC_AGENCY, 1, 0, 10, 18, 29, 11, cells_agency},
	{"Ban Tuyên giáo và Dân vận %s", TA_COMMITTEE, "agency", MC_AGENCY, 1, 0, 15, 30, 50, 11, cells_agency},
	{"Cơ quan Ủy ban Kiểm tra %s", TA_COMMITTEE, "agency", MC_AGENCY, 1, 0, 12, 24, 40, 11, cells_agency},
	{"Ban Nội chính %s", TA_COMMITTEE, "agency", MC_AGENCY, 1, 0, 6, 12, 22, 11, cells_agency},
	{"Báo và Phát thanh, Truyền hình %s", TA_PROVINCE, "service_unit", MC_AGENCY, 1, 0, 40, 90, 180, 11, cells_agency},
	{"Trường Chính trị %s", TA_PROVINCE, "service_unit", MC_SCHOOL, 1, 0, 20, 40, 70, 11, cells_school},
	{"Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam %s", TA_PROVINCE, "agency", MC_AGENCY, 1, 0, 30, 55, 100, 11, cells_agency},
	{"Tòa án nhân dân %s", TA_PROVINCE, "agency", MC_AGENCY, 1, 0, 30, 60, 130, 11, cells_agency},
	{"Viện Kiểm sát nhân dân %s", TA_PROVINCE, "agency", MC_AGENCY, 1, 0, 30, 55, 110, 11, cells_agency},
	{"Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân %s", TA_PROVINCE, "agency", MC_AGENCY, 1, 0, 10, 20, 35, 11, cells_agency},
	{"Tòa án nhân dân khu vực %s", TA_NUMBER, "agency", MC_AGENCY, 0, 1, 15, 32, 60, 11, cells_agency},
	{"Viện Kiểm sát nhân dân khu vực %s", TA_NUMBER, "agency", MC_AGENCY, 0, 1, 12, 26, 48, 11, cells_agency},
	{NULL, 0, NULL, 0, 0, 0, 0, 0, 0, 0, NULL},
};

const struct demo_tmpl demo_ub_tmpl[] = {
	{"Văn phòng Ủy ban nhân dân %s", TA_PROVINCE, "agency", MC_AGENCY, 1, 0, 25, 45, 80, 11, cells_agency},
	{"Sở Tài chính", TA_NONE, "agency", MC_AGENCY, 1, 0, 40, 80, 160, 11, cells_agency},
	{"Sở Nội vụ", TA_NONE, "agency", MC_AGENCY, 1, 0, 30, 55, 100, 11, cells_agency},
	{"Sở Tư pháp", TA_NONE, "agency", MC_AGENCY, 1, 0, 15, 30, 60, 11, cells_agency},
	{"Sở Công Thương", TA_NONE, "agency", MC_AGENCY, 1, 0, 30, 50, 100, 11, cells_agency},
	{"Sở Nông nghiệp và Môi trường", TA_NONE, "agency", MC_AGENCY, 1, 0, 60, 140, 300, 11, cells_agency},
	{"Sở Xây dựng", TA_NONE, "agency", MC_AGENCY, 1, 0, 35, 70, 140, 11, cells_agency},
	{"Sở Giáo dục và Đào tạo", TA_NONE, "agency", MC_AGENCY, 1, 0, 30, 50, 90, 11, cells_agency},
	{"Sở Y tế", TA_NONE, "agency", MC_HEALTH, 1, 0, 25, 45, 80, 11, cells_agency},
	{"Sở Khoa học và Công nghệ", TA_NONE, "agency", MC_AGENCY, 1, 0, 20, 35, 70, 11, cells_agency},
	{"Sở Văn hóa, Thể thao và Du lịch", TA_NONE, "agency", MC_AGENCY, 1, 0, 30, 60, 120, 11, cells_agency},
	{"Sở Dân tộc và Tôn giáo", TA_NONE, "agency", MC_AGENCY, 1, 0, 8, 16, 28, 11, cells_agency},
	{"Thanh tra %s", TA_PROVINCE, "agency", MC_AGENCY, 1, 0, 15, 28, 50, 11, cells_agency},
	{"Ban Quản lý các khu công nghiệp %s", TA_PROVINCE, "agency", MC_AGENCY, 1, 0, 8, 18, 35, 11, cells_agency},
	{"Bệnh viện Đa khoa %s", TA_PROVINCE, "service_unit", MC_HEALTH, 1, 0, 120, 300, 700, 15, cells_health},
	{"Bệnh viện Sản – Nhi %s", TA_PROVINCE, "service_unit", MC_HEALTH, 1, 0, 50, 120, 260, 12, cells_health},
	{"Bệnh viện Y dược cổ truyền %s", TA_PROVINCE, "service_unit", MC_HEALTH, 1, 0, 30, 60, 120, 11, cells_health},
	{"Trường Cao đẳng Y tế %s", TA_PROVINCE, "service_unit", MC_SCHOOL, 1, 0, 20, 45, 90, 11, cells_school},
	{"Trường Đại học %s", TA_PROVINCE, "service_unit", MC_SCHOOL, 1, 0, 60, 180, 450, 12, cells_school},
	{"Công ty TNHH Một thành viên Xổ số kiến thiết %s", TA_PROVINCE, "state_enterprise", MC_STATE, 1, 0, 10, 22, 40, 11, cells_firm},
	{"Công ty Cổ phần Cấp nước %s", TA_PROVINCE, "state_enterprise", MC_STATE, 1, 0, 30, 60, 140, 11, cells_firm},
	{"Trường Trung học phổ thông %s", TA_PERSON, "service_unit", MC_SCHOOL, 0, 3, 20, 45, 90, 11, cells_school},
	{"Bệnh viện Đa khoa khu vực %s", TA_DISTRICT, "service_unit", MC_HEALTH, 0, 1, 40, 100, 300, 14, cells_health},
	{"Công ty Cổ phần %s", TA_FIRM, "state_enterprise", MC_STATE, 0, 1, 30, 70, 260, 11, cells_firm},
	{NULL, 0, NULL, 0, 0, 0, 0, 0, 0, 0, NULL},
};
