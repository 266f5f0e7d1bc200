/* degradation: the 27 manifestations (NQ 04-NQ/TW) and the 5 levels
 * (degradation.h). */
#include "domain/degradation.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/text.h"

/* NQ 04-NQ/TW (30/10/2016) §II.2, in the resolution's order (rules.md §6). */
static const struct degradation_item items[DEGRADATION_COUNT] = {
	{1, DG_IDEOLOGY, 1, "A1", "Phai nhạt lý tưởng cách mạng; dao động, giảm sút niềm tin vào mục tiêu độc lập dân tộc và chủ nghĩa xã hội; hoài nghi chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh"},
	{2, DG_IDEOLOGY, 2, "A2", "Xa rời tôn chỉ, mục đích của Đảng; không kiên định con đường xã hội chủ nghĩa; phụ họa theo những nhận thức lệch lạc, quan điểm sai trái"},
	{3, DG_IDEOLOGY, 3, "A3", "Nhận thức sai lệch về vai trò của lý luận; lười học tập lý luận chính trị, nghị quyết, chủ trương của Đảng, chính sách, pháp luật của Nhà nước"},
	{4, DG_IDEOLOGY, 4, "A4", "Không chấp hành nghiêm các nguyên tắc tổ chức của Đảng; suy giảm ý chí, ngại khó, ngại khổ, né tránh trách nhiệm, làm việc qua loa, đại khái"},
	{5, DG_IDEOLOGY, 5, "A5", "Trong tự phê bình và phê bình: né tránh, ngại va chạm, nể nang, xuôi chiều, \"thấy đúng không bảo vệ, thấy sai không đấu tranh\"; lợi dụng phê bình để nói xấu, bôi nhọ"},
	{6, DG_IDEOLOGY, 6, "A6", "Nói không đi đôi với làm; nói một đằng, làm một nẻo; nói trong hội nghị khác, nói ngoài hội nghị khác; hứa nhiều làm ít"},
	{7, DG_IDEOLOGY, 7, "A7", "Độc đoán, chuyên quyền, gia trưởng, bảo thủ; áp đặt ý kiến của mình; vi phạm nguyên tắc tập trung dân chủ"},
	{8, DG_IDEOLOGY, 8, "A8", "Không chấp hành sự phân công của tổ chức; kén chọn chức danh, vị trí công tác nơi có nhiều lợi ích, né tránh nơi khó khăn; vận động, tác động để được bỏ phiếu, lấy phiếu tín nhiệm"},
	{9, DG_IDEOLOGY, 9, "A9", "Tác động, can thiệp vào công tác cán bộ để đưa người thân, người quen vào vị trí lãnh đạo, quản lý (\"cài cắm người nhà\")"},
	{10, DG_ETHICS, 1, "B1", "Chủ nghĩa cá nhân, cơ hội, vụ lợi; ghen ghét, đố kỵ"},
	{11, DG_ETHICS, 2, "B2", "Tranh giành chức quyền, cục bộ, bè phái; quản lý độc đoán, gia trưởng"},
	{12, DG_ETHICS, 3, "B3", "Thiếu trung thực; kê khai tài sản, thu nhập không trung thực"},
	{13, DG_ETHICS, 4, "B4", "Che giấu khuyết điểm, thích được đề cao, ca ngợi; chạy theo thành tích, hình thức"},
	{14, DG_ETHICS, 5, "B5", "Quan liêu, xa dân, thờ ơ, vô cảm trước khó khăn, bức xúc của nhân dân"},
	{15, DG_ETHICS, 6, "B6", "Lãng phí tiền, tài sản của Nhà nước và thời gian lao động"},
	{16, DG_ETHICS, 7, "B7", "Tham ô, tham nhũng, lợi dụng chức vụ, quyền hạn"},
	{17, DG_ETHICS, 8, "B8", "\"Lợi ích nhóm\"; lợi dụng chức vụ để trục lợi cho bản thân, gia đình, người thân; chạy chức, chạy quyền, can thiệp công tác cán bộ vì vụ lợi"},
	{18, DG_ETHICS, 9, "B9", "Sa vào các tệ nạn xã hội; vi phạm đạo đức gia đình, thuần phong mỹ tục"},
	{19, DG_EVOLUTION, 1, "C1", "Phủ nhận chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh, nguyên tắc tập trung dân chủ; đòi thực hiện \"đa nguyên, đa đảng\""},
	{20, DG_EVOLUTION, 2, "C2", "Phủ nhận dân chủ xã hội chủ nghĩa, Nhà nước pháp quyền xã hội chủ nghĩa; đòi \"tam quyền phân lập\", \"xã hội dân sự\"; phủ nhận kinh tế thị trường định hướng xã hội chủ nghĩa, chế độ sở hữu toàn dân về đất đai"},
	{21, DG_EVOLUTION, 3, "C3", "Nói, viết, làm trái quan điểm, đường lối của Đảng; hạ thấp thành quả cách mạng; xuyên tạc lịch sử; bôi nhọ lãnh tụ"},
	{22, DG_EVOLUTION, 4, "C4", "Kích động tư tưởng bất mãn, chống đối trong nội bộ; lợi dụng phương tiện thông tin, mạng xã hội để nói xấu, bôi nhọ Đảng"},
	{23, DG_EVOLUTION, 5, "C5", "Phủ nhận vai trò lãnh đạo tuyệt đối của Đảng đối với lực lượng vũ trang; đòi \"phi chính trị hóa\" quân đội, công an; chia rẽ quân đội, công an với nhân dân"},
	{24, DG_EVOLUTION, 6, "C6", "Cấu kết với các thế lực thù địch, phản động"},
	{25, DG_EVOLUTION, 7, "C7", "Cung cấp, tiết lộ, xuyên tạc thông tin; quan hệ, tiếp xúc đối ngoại trái đường lối của Đảng"},
	{26, DG_EVOLUTION, 8, "C8", "Sáng tác, quảng bá tác phẩm có nội dung xuyên tạc; lôi kéo người khác theo quan điểm sai trái"},
	{27, DG_EVOLUTION, 9, "C9", "Tư tưởng dân tộc hẹp hòi, dân tộc cực đoan; lợi dụng vấn đề dân tộc, tôn giáo"},
};

static const char *const group_labels[DG__MAX] = {"Tư tưởng chính trị", "Đạo đức, lối sống",
						  "\"Tự diễn biến\", \"tự chuyển hóa\""};

/* seed 000 (Tỉnh ủy Nghệ An): the 5 levels, 1 the most serious */
static const char *const level_labels[DEGRADATION_LEVELS] = {
	"Rất nghiêm trọng (phải đưa ra khỏi Đảng)",
	"Nghiêm trọng (phải thi hành kỷ luật)",
	"Có biểu hiện ở mức ban đầu (kiểm điểm, rút kinh nghiệm)",
	"Có biểu hiện ở mức khó nhận diện (cần đề phòng)",
	"Không có biểu hiện",
};

/* Folded words of each level (text_fold: lower case, no marks). */
static const struct {
	const char *word;
	int level;
} level_words[] = {
	{"rat nghiem trong", 1}, {"nghiem trong", 2}, {"ban dau", 3}, {"muc ban dau", 3},
	{"kho nhan dien", 4}, {"muc kho nhan dien", 4}, {"khong co bieu hien", 5}, {"khong", 5},
};

const struct degradation_item *degradation_item(int n)
{
	return n >= 1 && n <= DEGRADATION_COUNT ? &items[n - 1] : NULL;
}

const char *degradation_group_label(enum degradation_group g)
{
	return (unsigned)g < DG__MAX ? group_labels[g] : "?";
}

static bool small_number(const char *s, int max, int *out)
{
	int v = 0;
	if (!*s || strlen(s) > 2)
		return false;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return false;
		v = v * 10 + (*p - '0');
	}
	if (v < 1 || v > max)
		return false;
	*out = v;
	return true;
}

bool degradation_item_parse(const char *s, int *n)
{
	if (small_number(s, DEGRADATION_COUNT, n))
		return true;
	if (strlen(s) != 2)
		return false;
	int g = s[0] == 'A' || s[0] == 'a' ? 0 : s[0] == 'B' || s[0] == 'b' ? 1 : s[0] == 'C' || s[0] == 'c' ? 2 : -1;
	if (g < 0 || s[1] < '1' || s[1] > '9')
		return false;
	*n = g * 9 + (s[1] - '0');
	return true;
}

const char *degradation_level_label(int level)
{
	return level >= 1 && level <= DEGRADATION_LEVELS ? level_labels[level - 1] : "?";
}

bool degradation_level_parse(const char *s, int *level)
{
	if (small_number(s, DEGRADATION_LEVELS, level))
		return true;
	struct buf key;
	buf_init(&key, 0);
	text_fold_buf(&key, s);
	bool found = false;
	for (size_t i = 0; i < sizeof(level_words) / sizeof(level_words[0]) && !found; i++)
		if (strcmp(key.ptr, level_words[i].word) == 0) {
			*level = level_words[i].level;
			found = true;
		}
	buf_free(&key);
	return found;
}
