/* rulebook: the rule table (rules.md §4) and its lookups. */
#include "domain/rulebook.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"

/* What each rule is. Configurable rules give the range a setting may take. */
static const struct rule_info infos[RULE__MAX] = {
	[RULE_AGE_MIN] = {"admission.age_min_months", "Tuổi tối thiểu khi chi bộ xét kết nạp (tháng)", RU_MONTHS, RC_HIGH, false, 0, 0},
	[RULE_AGE_MAX] = {"admission.age_max_months", "Tuổi tối đa khi chi bộ xét kết nạp (tháng)", RU_MONTHS, RC_HIGH, false, 0, 0},
	[RULE_EDUCATION] = {"admission.education", "Trình độ học vấn người vào Đảng", RU_NONE, RC_HIGH, false, 0, 0},
	[RULE_INTRODUCERS] = {"admission.introducers", "Số người giới thiệu", RU_COUNT, RC_HIGH, false, 0, 0},
	[RULE_INTRODUCER_MONTHS] = {"admission.introducer_months", "Người giới thiệu cùng công tác, sinh hoạt (tháng)", RU_MONTHS, RC_HIGH, false, 0, 0},
	[RULE_VOTE_CELL] = {"vote.cell", "Chi bộ biểu quyết (trên số đảng viên chính thức)", RU_AT_LEAST, RC_HIGH, false, 0, 0},
	[RULE_VOTE_COMMITTEE] = {"vote.committee", "Đảng ủy cơ sở biểu quyết (trên số cấp ủy viên)", RU_AT_LEAST, RC_HIGH, false, 0, 0},
	[RULE_VOTE_STANDING] = {"vote.standing", "Ban thường vụ cấp ủy có thẩm quyền biểu quyết", RU_MORE_THAN, RC_HIGH, false, 0, 0},
	[RULE_VOTE_AUTHORISED] = {"vote.authorised", "Đảng ủy cơ sở được ủy quyền biểu quyết", RU_AT_LEAST, RC_HIGH, false, 0, 0},
	[RULE_VOTE_ROUNDS] = {"vote.rounds", "Số lần chi bộ xét không đạt trước khi báo cáo cấp trên", RU_COUNT, RC_HIGH, false, 0, 0},
	[RULE_DECISION_DAYS] = {"admission.decision_days", "Thời hạn ra quyết định kết nạp (ngày làm việc)", RU_WORKDAYS, RC_HIGH, false, 0, 0},
	[RULE_DECISION_EXTRA_DAYS] = {"admission.decision_extra_days", "Kéo dài thời hạn quyết định, trường hợp đặc biệt (ngày làm việc)", RU_WORKDAYS, RC_HIGH, false, 0, 0},
	[RULE_CEREMONY_DAYS] = {"admission.ceremony_days", "Thời hạn tổ chức lễ kết nạp (ngày làm việc)", RU_WORKDAYS, RC_HIGH, false, 0, 0},
	[RULE_CERT_MONTHS] = {"admission.certificate_months", "Giá trị giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng (tháng)", RU_MONTHS, RC_HIGH, false, 0, 0},
	[RULE_DOSSIER_MONTHS] = {"admission.dossier_months", "Hồ sơ chưa được chi bộ xét phải làm lại sau (tháng)", RU_MONTHS, RC_HIGH, false, 0, 0},
	[RULE_READMIT_MONTHS] = {"readmission.months", "Kết nạp lại: thời gian sau khi ra khỏi Đảng (tháng)", RU_MONTHS, RC_HIGH, false, 0, 0},
	[RULE_READMIT_SENTENCE_MONTHS] = {"readmission.sentence_months", "Kết nạp lại: thời gian sau khi được xóa án tích (tháng)", RU_MONTHS, RC_HIGH, false, 0, 0},
	[RULE_READMIT_ONCE] = {"readmission.once", "Chỉ kết nạp lại một lần", RU_NONE, RC_HIGH, false, 0, 0},
	[RULE_READMIT_EXCLUDED] = {"readmission.excluded", "Trường hợp không xem xét kết nạp lại", RU_NONE, RC_HIGH, false, 0, 0},
	[RULE_PROBATION_MONTHS] = {"probation.months", "Thời gian dự bị (tháng, từ ngày lễ kết nạp)", RU_MONTHS, RC_HIGH, false, 0, 0},
	[RULE_RECOGNITION_DAYS] = {"probation.recognition_days", "Chi bộ xét công nhận chính thức sau khi hết dự bị (ngày làm việc)", RU_WORKDAYS, RC_HIGH, false, 0, 0},
	[RULE_RECOGNITION_DECISION_DAYS] = {"probation.decision_days", "Thời hạn quyết định công nhận chính thức (ngày làm việc)", RU_WORKDAYS, RC_HIGH, false, 0, 0},
	[RULE_PROBATION_REMOVAL] = {"probation.removal", "Xóa tên đảng viên dự bị không đủ tư cách", RU_NONE, RC_HIGH, false, 0, 0},
	[RULE_TRANSFER_START_DAYS] = {"transfer.start_days", "Thời hạn làm thủ tục chuyển sinh hoạt chính thức (ngày làm việc)", RU_WORKDAYS, RC_HIGH, false, 0, 0},
	[RULE_TRANSFER_REPORT_DAYS] = {"transfer.report_days", "Thời hạn xuất trình giấy giới thiệu nơi đến (ngày làm việc)", RU_WORKDAYS, RC_HIGH, false, 0, 0},
	[RULE_NOT_ARRIVED_MONTHS] = {"transfer.not_arrived_months", "Đã giới thiệu nhưng chưa đến sinh hoạt: báo sau (tháng)", RU_MONTHS, RC_LOCAL, true, 1, 24},
	[RULE_TEMP_MIN_MONTHS] = {"transfer.temp_min_months", "Sinh hoạt tạm thời: tối thiểu (tháng)", RU_MONTHS, RC_HIGH, false, 0, 0},
	[RULE_TEMP_MAX_MONTHS] = {"transfer.temp_max_months", "Sinh hoạt tạm thời: dưới (tháng)", RU_MONTHS, RC_HIGH, false, 0, 0},
	[RULE_TEMP_STUDY_MAX_MONTHS] = {"transfer.study_max_months", "Sinh hoạt tạm thời khi đi học: tối đa (tháng)", RU_MONTHS, RC_HIGH, false, 0, 0},
	[RULE_EXEMPT] = {"exemption.decider", "Miễn công tác và sinh hoạt đảng: thẩm quyền, thời hạn", RU_NONE, RC_HIGH, false, 0, 0},
	[RULE_REMOVAL_GROUNDS] = {"removal.grounds", "Các trường hợp xóa tên", RU_NONE, RC_HIGH, false, 0, 0},
	[RULE_EXPEL_PROBATIONARY] = {"discipline.probationary_limits", "Đảng viên dự bị: chỉ khiển trách, cảnh cáo; xóa tên thay khai trừ (1 = áp dụng, 0 = không kiểm tra)", RU_MODE, RC_MEDIUM, true, 0, 1},
	[RULE_DISCIPLINE_FORMS] = {"discipline.forms", "Hình thức kỷ luật đảng viên", RU_NONE, RC_MEDIUM, false, 0, 0},
	[RULE_BADGE_MILESTONES] = {"badge.milestones", "Các mốc Huy hiệu Đảng (năm tuổi đảng)", RU_NONE, RC_HIGH, false, 0, 0},
	[RULE_BADGE_DATES] = {"badge.award_dates", "Ngày trao Huy hiệu Đảng", RU_NONE, RC_HIGH, false, 0, 0},
	[RULE_BADGE_EARLY_MONTHS] = {"badge.early_months", "Xét tặng sớm khi ốm nặng, huy hiệu 30-65 năm (tháng)", RU_MONTHS, RC_HIGH, false, 0, 0},
	[RULE_BADGE_EARLY_70_MONTHS] = {"badge.early_70_months", "Xét tặng sớm khi ốm nặng, huy hiệu 70-90 năm (tháng)", RU_MONTHS, RC_HIGH, false, 0, 0},
	[RULE_BADGE_POSTHUMOUS_MONTHS] = {"badge.posthumous_months", "Truy tặng sớm (tháng)", RU_MONTHS, RC_HIGH, false, 0, 0},
	[RULE_BADGE_WAIT_REPRIMAND] = {"badge.wait_reprimand_months", "Chờ xét huy hiệu sau khiển trách (tháng)", RU_MONTHS, RC_HIGH, false, 0, 0},
	[RULE_BADGE_WAIT_WARNING] = {"badge.wait_warning_months", "Chờ xét huy hiệu sau cảnh cáo (tháng)", RU_MONTHS, RC_HIGH, false, 0, 0},
	[RULE_BADGE_WAIT_DISMISSAL] = {"badge.wait_dismissal_months", "Chờ xét huy hiệu sau cách chức (tháng)", RU_MONTHS, RC_HIGH, false, 0, 0},
	[RULE_BADGE_BATCHING] = {"badge.batching", "Đợt trao huy hiệu (0 = đợt đầu tiên từ ngày đủ tuổi đảng; 1 = theo đợt của Hà Nội)", RU_MODE, RC_LOCAL, true, 0, 1},
	[RULE_BADGE_NUMBER] = {"badge.number", "Số Huy hiệu Đảng theo loại, theo tỉnh", RU_NONE, RC_HIGH, false, 0, 0},
	[RULE_CARD_ID] = {"card.personal_id", "Số thẻ đảng viên = số định danh cá nhân 12 số", RU_NONE, RC_HIGH, false, 0, 0},
	[RULE_CV_NUMBER] = {"card.cv_number", "Số lý lịch đảng viên: 6 chữ số và mã tỉnh", RU_NONE, RC_HIGH, false, 0, 0},
	[RULE_CV_RANGE_FACTOR] = {"card.cv_range_factor", "Dải số lý lịch cấp cho cấp ủy cấp trên cơ sở: ít nhất (lần số đảng viên)", RU_COUNT, RC_MEDIUM, true, 1, 5},
	[RULE_DUE_LOOKAHEAD_DAYS] = {"due.lookahead_days", "Danh sách đến hạn: xem trước (ngày)", RU_DAYS, RC_SETTING, true, 0, 366},
};

/* Sources (rules.md §0 and §4): QĐ 294-QĐ/TW, HD 06-HD/TW, HD 38-HD/BTCTW
 * read in full; the QĐ 24 versions from the secondary sources rules.md and
 * docs/lifecycle.md cite. */
#define OLD DATE_MIN
#define NEW 20270   /* 2025-07-01: QĐ 294-QĐ/TW in force */
#define CARD 20333  /* 2025-09-02: QĐ 347-QĐ/TW card model */
#define KEPT "figure of the older text not established; the figure of QĐ 294-QĐ/TW is kept"

static const struct rule_version versions[] = {
	{RULE_AGE_MIN, OLD, "QĐ 24-QĐ/TW §1.1.1", 216, 0, "đủ 18 tuổi, tính theo tháng (same wording, read in secondary copies)"},
	{RULE_AGE_MIN, NEW, "QĐ 294-QĐ/TW §1.1; HD 06-HD/TW §1.1", 216, 0, "đủ 18 tuổi, tính theo tháng"},
	{RULE_AGE_MAX, OLD, "QĐ 24-QĐ/TW §1.1", 720, 0, "over 60: the committee directly under the Central decides (§1.1.2)"},
	{RULE_AGE_MAX, NEW, "QĐ 294-QĐ/TW §1.1; HD 06-HD/TW §1.1", 720, 0, "over 60: written consent of the provincial standing committee"},
	{RULE_EDUCATION, OLD, "QĐ 24-QĐ/TW §1.2", 0, 0, "lower-secondary diploma; not checked by dangbo"},
	{RULE_EDUCATION, NEW, "QĐ 294-QĐ/TW §1.2; HD 06-HD/TW §1.2", 0, 0, "lower-secondary diploma; not checked by dangbo"},
	{RULE_INTRODUCERS, OLD, "Điều lệ Đảng Điều 4; QĐ 24-QĐ/TW §3.2", 2, 0, "a Youth Union or union resolution replaces one introducer"},
	{RULE_INTRODUCERS, NEW, "Điều lệ Đảng Điều 4; QĐ 294-QĐ/TW §3.2", 2, 0, "a Youth Union or union resolution replaces one introducer"},
	{RULE_INTRODUCER_MONTHS, OLD, "QĐ 24-QĐ/TW §3.2.1", 12, 0, "QĐ 24 added living together at the residence to working together"},
	{RULE_INTRODUCER_MONTHS, NEW, "QĐ 294-QĐ/TW §3.2.1", 12, 0, "official member, working, studying or living together in a unit of the same grassroots organisation"},
	{RULE_VOTE_CELL, OLD, "HD 01-HD/TW §3", 2, 3, KEPT},
	{RULE_VOTE_CELL, NEW, "HD 06-HD/TW §3.6; QĐ 294-QĐ/TW §9.3.4", 2, 3, "over the official members summoned"},
	{RULE_VOTE_COMMITTEE, OLD, "HD 01-HD/TW §3", 2, 3, KEPT},
	{RULE_VOTE_COMMITTEE, NEW, "HD 06-HD/TW §3.6; QĐ 294-QĐ/TW §9.3.4", 2, 3, "over the committee members summoned"},
	{RULE_VOTE_STANDING, OLD, "HD 01-HD/TW §3", 1, 2, KEPT},
	{RULE_VOTE_STANDING, NEW, "HD 06-HD/TW §3.7; QĐ 294-QĐ/TW §9.3.4", 1, 2, "over the members of the standing committee"},
	{RULE_VOTE_AUTHORISED, OLD, "HD 01-HD/TW §3", 2, 3, KEPT},
	{RULE_VOTE_AUTHORISED, NEW, "HD 06-HD/TW §3.7; QĐ 294-QĐ/TW §22.1", 2, 3, "over all members of the authorised grassroots committee"},
	{RULE_VOTE_ROUNDS, OLD, "QĐ 24-QĐ/TW §4.2", 3, 0, KEPT},
	{RULE_VOTE_ROUNDS, NEW, "QĐ 294-QĐ/TW §4.2.3", 3, 0, "after 3 votes without 2/3 the upper committee takes the case"},
	{RULE_DECISION_DAYS, OLD, "QĐ 24-QĐ/TW §4.3.1", 45, 0, KEPT " (secondary sources quote 30 for QĐ 24 and 60 after QĐ 232-QĐ/TW of 01/2025)"},
	{RULE_DECISION_DAYS, NEW, "QĐ 294-QĐ/TW §4.3.1", 45, 0, "from the chi bộ resolution"},
	{RULE_DECISION_EXTRA_DAYS, OLD, "QĐ 24-QĐ/TW §4.3.1", 15, 0, KEPT},
	{RULE_DECISION_EXTRA_DAYS, NEW, "QĐ 294-QĐ/TW §4.3.1", 15, 0, "special cases"},
	{RULE_CEREMONY_DAYS, OLD, "QĐ 24-QĐ/TW §4.1", 30, 0, "same figure in QĐ 29-QĐ/TW (2016), read in secondary copies"},
	{RULE_CEREMONY_DAYS, NEW, "QĐ 294-QĐ/TW §4.1", 30, 0, "from receiving the decision; later only with the upper committee's consent"},
	{RULE_CERT_MONTHS, OLD, "HD 01-HD/TW §5", 60, 0, KEPT},
	{RULE_CERT_MONTHS, NEW, "HD 06-HD/TW §5.4", 60, 0, "awareness-course certificate"},
	{RULE_DOSSIER_MONTHS, OLD, "HD 01-HD/TW §5", 12, 0, KEPT},
	{RULE_DOSSIER_MONTHS, NEW, "HD 06-HD/TW §5.4", 12, 0, "introducer letter, unions' resolutions, verification and comments are redone"},
	{RULE_READMIT_MONTHS, OLD, "QĐ 24-QĐ/TW §3.5", 36, 0, KEPT},
	{RULE_READMIT_MONTHS, NEW, "QĐ 294-QĐ/TW §3.5", 36, 0, "with the provincial standing committee's written consent"},
	{RULE_READMIT_SENTENCE_MONTHS, OLD, "QĐ 24-QĐ/TW §3.5", 60, 0, KEPT},
	{RULE_READMIT_SENTENCE_MONTHS, NEW, "QĐ 294-QĐ/TW §3.5", 60, 0, "after the record of a less serious crime is cleared"},
	{RULE_READMIT_ONCE, OLD, "QĐ 24-QĐ/TW §3.5", 0, 0, KEPT},
	{RULE_READMIT_ONCE, NEW, "QĐ 294-QĐ/TW §3.5", 0, 0, "once only; probation again"},
	{RULE_READMIT_EXCLUDED, OLD, "QĐ 24-QĐ/TW §3.5", 0, 0, KEPT},
	{RULE_READMIT_EXCLUDED, NEW, "QĐ 294-QĐ/TW §3.5", 0, 0, "abandoning activity, asking to leave (but for special family hardship), serious disunity, corruption, serious crime"},
	{RULE_PROBATION_MONTHS, OLD, "Điều lệ Đảng Điều 5; QĐ 24-QĐ/TW §4.2", 12, 0, "from the ceremony"},
	{RULE_PROBATION_MONTHS, NEW, "Điều lệ Đảng Điều 5; QĐ 294-QĐ/TW §4.2.2", 12, 0, "official as of the day the 12 months end, even if recognised late"},
	{RULE_RECOGNITION_DAYS, OLD, "QĐ 24-QĐ/TW §4.2", 30, 0, KEPT},
	{RULE_RECOGNITION_DAYS, NEW, "QĐ 294-QĐ/TW §4.2.1", 30, 0, "the chi bộ proposes recognition, or removal if the member does not qualify"},
	{RULE_RECOGNITION_DECISION_DAYS, OLD, "QĐ 24-QĐ/TW §4.3.1", 30, 0, KEPT},
	{RULE_RECOGNITION_DECISION_DAYS, NEW, "QĐ 294-QĐ/TW §4.3.1", 30, 0, "from the chi bộ resolution (+15 in special cases)"},
	{RULE_PROBATION_REMOVAL, OLD, "HD 01-HD/TW §4", 0, 0, KEPT},
	{RULE_PROBATION_REMOVAL, NEW, "HD 06-HD/TW §4.6", 0, 0, "2/3 chi bộ, 2/3 grassroots committee, > 1/2 standing committee"},
	{RULE_TRANSFER_START_DAYS, OLD, "QĐ 24-QĐ/TW §6.3", 60, 0, KEPT},
	{RULE_TRANSFER_START_DAYS, NEW, "QĐ 294-QĐ/TW §6.3; HD 06-HD/TW §10", 60, 0, "from the decision taking effect or the move"},
	{RULE_TRANSFER_REPORT_DAYS, OLD, "QĐ 24-QĐ/TW §6.3", 30, 0, KEPT},
	{RULE_TRANSFER_REPORT_DAYS, NEW, "QĐ 294-QĐ/TW §6.3; HD 06-HD/TW §10", 30, 0, "from being introduced"},
	{RULE_NOT_ARRIVED_MONTHS, OLD, "HD 02-HD/BTCTU (Hà Nội, 11/2025)", 3, 0, "local practice: then removal for abandoning activity"},
	{RULE_TEMP_MIN_MONTHS, OLD, "QĐ 24-QĐ/TW §6.3.2", 3, 0, KEPT},
	{RULE_TEMP_MIN_MONTHS, NEW, "QĐ 294-QĐ/TW §6.3.2", 3, 0, "3 months to under 1 year"},
	{RULE_TEMP_MAX_MONTHS, OLD, "QĐ 24-QĐ/TW §6.3.2", 12, 0, KEPT},
	{RULE_TEMP_MAX_MONTHS, NEW, "QĐ 294-QĐ/TW §6.3.2", 12, 0, "under 1 year; longer is an official transfer"},
	{RULE_TEMP_STUDY_MAX_MONTHS, OLD, "QĐ 24-QĐ/TW §6.3.2", 24, 0, KEPT},
	{RULE_TEMP_STUDY_MAX_MONTHS, NEW, "QĐ 294-QĐ/TW §6.3.2", 24, 0, "full-time domestic study, then return"},
	{RULE_EXEMPT, OLD, "QĐ 24-QĐ/TW §7", 0, 0, KEPT},
	{RULE_EXEMPT, NEW, "QĐ 294-QĐ/TW §7; HD 38-HD/BTCTW §IV.1", 0, 0, "old age or weak health: the chi bộ; other reasons: the grassroots committee, for a stated term"},
	{RULE_REMOVAL_GROUNDS, OLD, "QĐ 24-QĐ/TW §8", 0, 0, "the same five grounds (secondary copies)"},
	{RULE_REMOVAL_GROUNDS, NEW, "QĐ 294-QĐ/TW §8.1; HD 06-HD/TW §11", 0, 0, "five grounds"},
	{RULE_EXPEL_PROBATIONARY, OLD, "QĐ 22-QĐ/TW Điều 9", 1, 0, "assumed as QĐ 296"},
	{RULE_EXPEL_PROBATIONARY, NEW, "QĐ 296-QĐ/TW Điều 9, Điều 16.3", 1, 0, "read in secondary sources (medium)"},
	{RULE_DISCIPLINE_FORMS, OLD, "Điều lệ Đảng Điều 35", 0, 0, "khiển trách, cảnh cáo, cách chức, khai trừ"},
	{RULE_DISCIPLINE_FORMS, NEW, "Điều lệ Đảng Điều 35; QĐ 296-QĐ/TW Điều 9", 0, 0, "khiển trách, cảnh cáo, cách chức, khai trừ"},
	{RULE_BADGE_MILESTONES, OLD, "QĐ 24-QĐ/TW §28", 0, 0, KEPT},
	{RULE_BADGE_MILESTONES, NEW, "QĐ 294-QĐ/TW §28; HD 06-HD/TW §18", 0, 0, "30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90 years"},
	{RULE_BADGE_DATES, OLD, "QĐ 24-QĐ/TW §28", 0, 0, KEPT},
	{RULE_BADGE_DATES, NEW, "QĐ 294-QĐ/TW §28; HD 06-HD/TW §18", 0, 0, "03/02, 19/5, 02/9, 07/11"},
	{RULE_BADGE_EARLY_MONTHS, OLD, "QĐ 24-QĐ/TW §28", 12, 0, KEPT},
	{RULE_BADGE_EARLY_MONTHS, NEW, "QĐ 294-QĐ/TW §28; HD 06-HD/TW §18", 12, 0, "at most 12 months early"},
	{RULE_BADGE_EARLY_70_MONTHS, OLD, "QĐ 24-QĐ/TW §28", 24, 0, KEPT},
	{RULE_BADGE_EARLY_70_MONTHS, NEW, "QĐ 294-QĐ/TW §28; HD 06-HD/TW §18", 24, 0, "at most 24 months early"},
	{RULE_BADGE_POSTHUMOUS_MONTHS, OLD, "QĐ 24-QĐ/TW §28", 12, 0, KEPT},
	{RULE_BADGE_POSTHUMOUS_MONTHS, NEW, "QĐ 294-QĐ/TW §28; HD 06-HD/TW §18", 12, 0, "at most 12 months early"},
	{RULE_BADGE_WAIT_REPRIMAND, OLD, "QĐ 24-QĐ/TW §28", 6, 0, KEPT},
	{RULE_BADGE_WAIT_REPRIMAND, NEW, "QĐ 294-QĐ/TW §28; HD 06-HD/TW §18", 6, 0, "if the chi bộ confirms improvement"},
	{RULE_BADGE_WAIT_WARNING, OLD, "QĐ 24-QĐ/TW §28", 9, 0, KEPT},
	{RULE_BADGE_WAIT_WARNING, NEW, "QĐ 294-QĐ/TW §28; HD 06-HD/TW §18", 9, 0, "if the chi bộ confirms improvement"},
	{RULE_BADGE_WAIT_DISMISSAL, OLD, "QĐ 24-QĐ/TW §28", 12, 0, KEPT},
	{RULE_BADGE_WAIT_DISMISSAL, NEW, "QĐ 294-QĐ/TW §28; HD 06-HD/TW §18", 12, 0, "if the chi bộ confirms improvement"},
	{RULE_BADGE_BATCHING, OLD, "QĐ 294-QĐ/TW §28; HD 21-HD/BTCTU (Hà Nội, 8/2025)", 0, 0,
	 "0: the first award date on or after the milestone; 1: Hà Nội's windows (01/12-28/02 -> 03/02, 01/3-31/5 -> 19/5, 01/6-30/9 -> 02/9, 01/10-30/11 -> 07/11)"},
	{RULE_BADGE_NUMBER, OLD, "HD 12-HD/BTCTW", 0, 0, KEPT},
	{RULE_BADGE_NUMBER, NEW, "HD 38-HD/BTCTW §III.1", 0, 0, "per type and province, in award order; merged provinces continue from the last number issued"},
	{RULE_CARD_ID, OLD, "NĐ 137/2015/NĐ-CP Điều 13", 0, 0, "the 12-digit personal id (the party card carried another number before 02/9/2025)"},
	{RULE_CARD_ID, CARD, "QĐ 347-QĐ/TW; HD 38-HD/BTCTW §II.2; NĐ 137/2015/NĐ-CP Điều 13", 0, 0, "card number = personal id"},
	{RULE_CV_NUMBER, OLD, "HD 12-HD/BTCTW", 0, 0, KEPT},
	{RULE_CV_NUMBER, NEW, "HD 38-HD/BTCTW §I.2.2", 0, 0, "6 digits + province letters; merged provinces continue after the largest number issued"},
	{RULE_CV_RANGE_FACTOR, OLD, "HD 38-HD/BTCTW §I.2.2", 2, 0, "ranges of 2-3 times the membership; a smaller range is only warned about"},
	{RULE_DUE_LOOKAHEAD_DAYS, OLD, "dangbo", 30, 0, "a product setting: how far ahead the due list looks"},
};

#define NVERSIONS (sizeof(versions) / sizeof(versions[0]))

static const char *const unit_names[RU__MAX] = {"", "count", "months", "working days", "days",
						"at least", "more than", "mode"};
static const char *const conf_names[RC__MAX] = {"high", "medium", "low", "local", "setting"};

const struct rule_info *rule_info(enum rule_id id)
{
	return (unsigned)id < RULE__MAX ? &infos[id] : NULL;
}

bool rule_find(const char *key, enum rule_id *out)
{
	for (int i = 0; i < RULE__MAX; i++)
		if (infos[i].key && strcmp(infos[i].key, key) == 0) {
			*out = (enum rule_id)i;
			return true;
		}
	return false;
}

const char *rule_unit_name(enum rule_unit u)
{
	return (unsigned)u < RU__MAX ? unit_names[u] : "";
}

const char *rule_confidence_name(enum rule_confidence c)
{
	return (unsigned)c < RC__MAX ? conf_names[c] : "";
}

const struct rule_version *rule_at(enum rule_id id, date_t d)
{
	const struct rule_version *best = NULL, *oldest = NULL;
	for (size_t i = 0; i < NVERSIONS; i++) {
		const struct rule_version *v = &versions[i];
		if (v->id != id)
			continue;
		if (!oldest || v->from < oldest->from)
			oldest = v;
		if (v->from <= d && (!best || v->from > best->from))
			best = v;
	}
	return best ? best : oldest;
}

const struct rule_version *rule_versions(size_t *n)
{
	*n = NVERSIONS;
	return versions;
}

int rule_value(const struct rule_settings *s, enum rule_id id, date_t d)
{
	if (s && (unsigned)id < RULE__MAX && infos[id].configurable && s->set[id])
		return s->value[id];
	const struct rule_version *v = rule_at(id, d);
	return v ? v->value : 0;
}

const char *rule_cite(enum rule_id id, date_t d)
{
	const struct rule_version *v = rule_at(id, d);
	return v ? v->cite : "";
}

bool rule_share_passes(enum rule_id id, date_t d, int votes, int base)
{
	const struct rule_version *v = rule_at(id, d);
	if (!v || base <= 0 || votes < 0 || votes > base || v->den <= 0)
		return false;
	int64_t lhs = (int64_t)votes * v->den, rhs = (int64_t)v->value * base;
	return infos[id].unit == RU_MORE_THAN ? lhs > rhs : lhs >= rhs;
}

bool rule_setting_valid(enum rule_id id, long value, char *why, size_t n)
{
	const struct rule_info *in = rule_info(id);
	if (!in) {
		snprintf(why, n, "no such rule");
		return false;
	}
	if (!in->configurable) {
		snprintf(why, n, "%s is set by %s and cannot be changed", in->key, rule_cite(id, DATE_MAX - 1));
		return false;
	}
	if (value < in->min || value > in->max) {
		snprintf(why, n, "%s takes a value from %d to %d", in->key, in->min, in->max);
		return false;
	}
	return true;
}

bool rule_refuse(struct diag_list *dl, const char *col, enum rule_id id, date_t d, const char *fmt, ...)
{
	struct buf b;
	buf_init(&b, 0);
	buf_addf(&b, "%s: ", rule_cite(id, d));
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	diag_add(dl, NULL, 0, col, "%s", buf_str(&b));
	buf_free(&b);
	return false;
}
