/* lifecycle: checks of admission, re-admission, probation, transfers,
 * exemption and discipline (rules.md §4). */
#include "domain/lifecycle.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"

/* "17 years 11 months" */
static void age_text(int months, char *out, size_t n)
{
	snprintf(out, n, "%d years %d months", months / 12, months % 12);
}

bool lc_check_age(const struct rule_settings *rs, date_t birth, date_t consider, bool consent, struct diag_list *dl)
{
	if (birth == DATE_NONE || consider == DATE_NONE || consider < birth)
		return rule_refuse(dl, "birth", RULE_AGE_MIN, consider, "the birth date must come before the day the chi bộ considers the case");
	int months = date_months_between(birth, consider);
	int lo = rule_value(rs, RULE_AGE_MIN, consider), hi = rule_value(rs, RULE_AGE_MAX, consider);
	char age[32], d[11];
	age_text(months, age, sizeof(age));
	date_format_vn(consider, d);
	if (months < lo)
		return rule_refuse(dl, "birth", RULE_AGE_MIN, consider,
				   "on %s, the day the chi bộ considers the case, the applicant is %s old: under %d years "
				   "counted in months",
				   d, age, lo / 12);
	if (months > hi && !consent)
		return rule_refuse(dl, "birth", RULE_AGE_MAX, consider,
				   "on %s the applicant is %s old, over %d years counted in months: record the consent "
				   "(--consent) first",
				   d, age, hi / 12);
	return true;
}

bool lc_check_introducer(const struct rule_settings *rs, date_t on, bool official_on, date_t since, const char *who,
			 struct diag_list *dl)
{
	bool ok = true;
	char d[11], s[11];
	date_format_vn(on, d);
	if (!official_on)
		ok = rule_refuse(dl, "person", RULE_INTRODUCER_MONTHS, on, "%s is not an official member on %s", who, d);
	int need = rule_value(rs, RULE_INTRODUCER_MONTHS, on);
	if (since == DATE_NONE)
		return rule_refuse(dl, "since", RULE_INTRODUCER_MONTHS, on,
				   "give the day %s began working or living with the applicant (--since)", who);
	date_format_vn(since, s);
	if (since > on || date_months_between(since, on) < need)
		ok = rule_refuse(dl, "since", RULE_INTRODUCER_MONTHS, on,
				 "%s has worked or lived with the applicant since %s: less than %d months by %s", who, s,
				 need, d);
	return ok;
}

bool lc_check_vote(enum rule_id rule, date_t d, int votes, int base, const char *col, struct diag_list *dl)
{
	const struct rule_version *v = rule_at(rule, d);
	const struct rule_info *in = rule_info(rule);
	if (base <= 0 || votes < 0 || votes > base)
		return rule_refuse(dl, col, rule, d, "a vote needs FOR/OF with 0 <= FOR <= OF and OF > 0 (got %d/%d)",
				   votes, base);
	if (!rule_share_passes(rule, d, votes, base))
		return rule_refuse(dl, col, rule, d, "%d of %d in favour does not reach %s %d/%d", votes, base,
				   in->unit == RU_MORE_THAN ? "more than" : "at least", v->value, v->den);
	return true;
}

date_t lc_deadline(const struct rule_settings *rs, const struct workday_cal *cal, enum rule_id rule, date_t from,
		   bool extended)
{
	int n = rule_value(rs, rule, from);
	if (extended)
		n += rule_value(rs, RULE_DECISION_EXTRA_DAYS, from);
	return workday_add(cal, from, n);
}

date_t lc_certificate_end(const struct rule_settings *rs, date_t cert)
{
	return date_add_months(cert, rule_value(rs, RULE_CERT_MONTHS, cert));
}

/* ---- re-admission ---- */

static const struct {
	const char *name, *label;
} reasons[XR__MAX] = {
	[XR_NONE] = {"none", "không ghi"},
	[XR_CORRUPTION] = {"corruption", "bị kết án về tham nhũng"},
	[XR_SERIOUS_CRIME] = {"serious_crime", "bị kết án về tội nghiêm trọng trở lên"},
	[XR_LESS_SERIOUS_CRIME] = {"less_serious_crime", "bị kết án về tội ít nghiêm trọng"},
	[XR_DISUNITY] = {"disunity", "gây mất đoàn kết nội bộ nghiêm trọng"},
	[XR_HARDSHIP] = {"hardship", "hoàn cảnh gia đình đặc biệt khó khăn"},
	[XR_OTHER] = {"other", "lý do khác"},
};

const char *exit_reason_name(enum exit_reason r)
{
	return (unsigned)r < XR__MAX ? reasons[r].name : "";
}

const char *exit_reason_label(enum exit_reason r)
{
	return (unsigned)r < XR__MAX ? reasons[r].label : "";
}

bool exit_reason_parse(const char *s, enum exit_reason *out)
{
	for (int i = 0; i < XR__MAX; i++)
		if (strcmp(s, reasons[i].name) == 0) {
			*out = (enum exit_reason)i;
			return true;
		}
	return false;
}

static const struct {
	const char *name, *label;
} grounds[RG__MAX] = {
	[RG_ABANDON] = {"abandon", "bỏ sinh hoạt đảng hoặc không đóng đảng phí 3 tháng trong năm không có lý do chính đáng"},
	[RG_CARD] = {"card", "tự ý trả thẻ đảng viên hoặc tự hủy thẻ đảng viên"},
	[RG_NO_PROGRESS] = {"no_progress", "giảm sút ý chí, không thực hiện nhiệm vụ đảng viên, được giáo dục 12 tháng không tiến bộ"},
	[RG_STANDARDS] = {"standards", "vi phạm tư cách đảng viên hai năm liên tiếp"},
	[RG_POLITICAL] = {"political", "không bảo đảm tiêu chuẩn chính trị"},
};

const char *removal_ground_name(enum removal_ground g)
{
	return (unsigned)g < RG__MAX ? grounds[g].name : "";
}

const char *removal_ground_label(enum removal_ground g)
{
	return (unsigned)g < RG__MAX ? grounds[g].label : "";
}

bool removal_ground_parse(const char *s, enum removal_ground *out)
{
	if (s[0] >= '1' && s[0] <= '5' && !s[1]) {
		*out = (enum removal_ground)(s[0] - '1');
		return true;
	}
	for (int i = 0; i < RG__MAX; i++)
		if (strcmp(s, grounds[i].name) == 0) {
			*out = (enum removal_ground)i;
			return true;
		}
	return false;
}

bool lc_check_readmission(const struct rule_settings *rs, const struct readmit_case *c, date_t consider,
			  struct diag_list *dl)
{
	char d[11];
	if (c->exit_type != EV_REMOVE && c->exit_type != EV_EXPEL && c->exit_type != EV_LEAVE)
		return rule_refuse(dl, "readmit", RULE_READMIT_EXCLUDED, consider,
				   "only a person who left the Party (removed, expelled or left) is re-admitted; this one %s",
				   c->exit_type == EV_DEATH ? "has died" :
				   c->exit_type == EV_TRANSFER_OUT ? "transferred out (a member elsewhere)" :
				   "is a member");
	bool ok = true;
	if (c->readmitted_before)
		ok = rule_refuse(dl, "readmit", RULE_READMIT_ONCE, consider, "the person was re-admitted once already");
	if (c->exit_type == EV_LEAVE && c->reason != XR_HARDSHIP)
		ok = rule_refuse(dl, "readmit", RULE_READMIT_EXCLUDED, consider,
				 "the person asked to leave the Party (re-admitted only after special family hardship: "
				 "--exit-reason hardship)");
	if (c->exit_type == EV_REMOVE && c->ground == RG_ABANDON)
		ok = rule_refuse(dl, "readmit", RULE_READMIT_EXCLUDED, consider,
				 "the person was removed for abandoning party activity");
	if (c->reason == XR_CORRUPTION || c->reason == XR_SERIOUS_CRIME || c->reason == XR_DISUNITY)
		ok = rule_refuse(dl, "readmit", RULE_READMIT_EXCLUDED, consider, "the person left the Party %s",
				 exit_reason_label(c->reason));
	int wait = rule_value(rs, RULE_READMIT_MONTHS, consider);
	date_t from = date_add_months(c->exit_date, wait);
	if (consider < from) {
		date_format_vn(from, d);
		ok = rule_refuse(dl, "readmit", RULE_READMIT_MONTHS, consider,
				 "%d months after leaving the Party have not passed (from %s)", wait, d);
	}
	if (c->reason == XR_LESS_SERIOUS_CRIME && c->sentence_cleared == DATE_NONE)
		ok = rule_refuse(dl, "sentence-cleared", RULE_READMIT_SENTENCE_MONTHS, consider,
				 "give the day the criminal record was cleared (--sentence-cleared)");
	if (c->sentence_cleared != DATE_NONE) {
		int w2 = rule_value(rs, RULE_READMIT_SENTENCE_MONTHS, consider);
		date_t from2 = date_add_months(c->sentence_cleared, w2);
		if (consider < from2) {
			date_format_vn(from2, d);
			ok = rule_refuse(dl, "sentence-cleared", RULE_READMIT_SENTENCE_MONTHS, consider,
					 "%d months after the record was cleared have not passed (from %s)", w2, d);
		}
	}
	return ok;
}

/* ---- probation, transfers ---- */

date_t lc_probation_end(const struct rule_settings *rs, date_t ceremony)
{
	return date_add_months(ceremony, rule_value(rs, RULE_PROBATION_MONTHS, ceremony));
}

bool lc_check_temp(const struct rule_settings *rs, date_t from, date_t until, bool study, struct diag_list *dl)
{
	if (until == DATE_NONE || until <= from)
		return rule_refuse(dl, "until", RULE_TEMP_MIN_MONTHS, from,
				   "a temporary transfer needs the day it ends (--until), after it starts");
	int lo = rule_value(rs, RULE_TEMP_MIN_MONTHS, from);
	char d[11];
	date_format_vn(until, d);
	if (until < date_add_months(from, lo))
		return rule_refuse(dl, "until", RULE_TEMP_MIN_MONTHS, from,
				   "a temporary transfer lasts at least %d months (until %s is shorter)", lo, d);
	if (study) {
		int hi = rule_value(rs, RULE_TEMP_STUDY_MAX_MONTHS, from);
		if (until > date_add_months(from, hi))
			return rule_refuse(dl, "until", RULE_TEMP_STUDY_MAX_MONTHS, from,
					   "a temporary transfer for study lasts at most %d months (until %s is longer)", hi,
					   d);
	} else {
		int hi = rule_value(rs, RULE_TEMP_MAX_MONTHS, from);
		if (until >= date_add_months(from, hi))
			return rule_refuse(dl, "until", RULE_TEMP_MAX_MONTHS, from,
					   "a temporary transfer lasts under %d months (until %s is not): make it an "
					   "official transfer, or --study",
					   hi, d);
	}
	return true;
}

date_t lc_not_arrived_day(const struct rule_settings *rs, date_t introduced)
{
	return date_add_months(introduced, rule_value(rs, RULE_NOT_ARRIVED_MONTHS, introduced));
}

/* ---- exemption ---- */

static const struct {
	const char *name, *label;
} exempt_reasons[XM__MAX] = {
	[XM_AGE] = {"age", "tuổi cao"},
	[XM_HEALTH] = {"health", "sức khỏe yếu"},
	[XM_TREATMENT] = {"treatment", "điều trị bệnh dài ngày hoặc ở xa"},
	[XM_ABROAD] = {"abroad", "ra nước ngoài vì việc riêng"},
	[XM_REMOTE] = {"remote", "lao động ở nơi xa, không có tổ chức đảng"},
	[XM_MOBILE] = {"mobile", "đi làm ăn lưu động trong nước dưới 1 năm"},
	[XM_RETIRING] = {"retiring", "chờ nghỉ hưu"},
	[XM_MATERNITY] = {"maternity", "nghỉ thai sản"},
};

const char *exempt_reason_name(enum exempt_reason r)
{
	return (unsigned)r < XM__MAX ? exempt_reasons[r].name : "";
}

const char *exempt_reason_label(enum exempt_reason r)
{
	return (unsigned)r < XM__MAX ? exempt_reasons[r].label : "";
}

bool exempt_reason_parse(const char *s, enum exempt_reason *out)
{
	for (int i = 0; i < XM__MAX; i++)
		if (strcmp(s, exempt_reasons[i].name) == 0) {
			*out = (enum exempt_reason)i;
			return true;
		}
	return false;
}

bool exempt_reason_is_age(enum exempt_reason r)
{
	return r == XM_AGE || r == XM_HEALTH;
}

const char *exempt_decider(enum exempt_reason r, enum org_kind k)
{
	if (exempt_reason_is_age(r))
		return "chi bộ";
	return k == ORG_BASE_CELL ? "ban thường vụ cấp ủy cấp trên trực tiếp" : "đảng ủy cơ sở";
}

bool lc_check_exemption(const struct rule_settings *rs, enum exempt_reason r, date_t from, date_t until,
			struct diag_list *dl)
{
	(void)rs;
	if (!exempt_reason_is_age(r) && until == DATE_NONE)
		return rule_refuse(dl, "until", RULE_EXEMPT, from,
				   "an exemption for %s is granted for a stated term: give its end (--until)",
				   exempt_reason_label(r));
	if (until != DATE_NONE && until <= from)
		return rule_refuse(dl, "until", RULE_EXEMPT, from, "the term must end after it starts");
	return true;
}

/* ---- discipline ---- */

static const struct {
	const char *name, *label, *folded;
} forms[DF__MAX] = {
	[DF_REPRIMAND] = {"reprimand", "khiển trách", "khien trach"},
	[DF_WARNING] = {"warning", "cảnh cáo", "canh cao"},
	[DF_DISMISSAL] = {"dismissal", "cách chức", "cach chuc"},
	[DF_EXPULSION] = {"expulsion", "khai trừ", "khai tru"},
};

const char *discipline_form_name(enum discipline_form f)
{
	return (unsigned)f < DF__MAX ? forms[f].name : "";
}

const char *discipline_form_label(enum discipline_form f)
{
	return (unsigned)f < DF__MAX ? forms[f].label : "";
}

bool discipline_form_parse(const char *s, enum discipline_form *out)
{
	char *k = text_fold(s);
	bool ok = false;
	for (int i = 0; i < DF__MAX && !ok; i++)
		if (strcmp(k, forms[i].name) == 0 || strcmp(k, forms[i].folded) == 0) {
			*out = (enum discipline_form)i;
			ok = true;
		}
	free(k);
	return ok;
}

bool discipline_form_in_text(const char *text, enum discipline_form *out)
{
	if (!text)
		return false;
	char *k = text_fold(text);
	bool ok = false;
	for (int i = 0; i < DF__MAX && !ok; i++)
		if (strstr(k, forms[i].folded) || strstr(k, forms[i].name)) {
			*out = (enum discipline_form)i;
			ok = true;
		}
	free(k);
	return ok;
}

bool lc_check_discipline(const struct rule_settings *rs, enum discipline_form f, bool probationary, date_t d,
			 struct diag_list *dl)
{
	if (!probationary || !rule_value(rs, RULE_EXPEL_PROBATIONARY, d))
		return true;
	if (f == DF_EXPULSION)
		return rule_refuse(dl, "form", RULE_EXPEL_PROBATIONARY, d,
				   "a probationary member is not expelled but removed (dangbo probation remove)");
	if (f == DF_DISMISSAL)
		return rule_refuse(dl, "form", RULE_EXPEL_PROBATIONARY, d,
				   "a probationary member may only be reprimanded or warned");
	return true;
}
