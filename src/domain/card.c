/* card: personal ids and CV numbers. */
#include "domain/card.h"

#include <stdio.h>
#include <string.h>

#include "domain/rulebook.h"

/* GSO codes of the 63 provinces (QĐ 124/2004/QĐ-TTg as amended to 2008),
 * the province part of personal ids; tests/unit/test_lifecycle.c checks
 * them against data/units-2025-03.csv. */
static const int provinces[] = {
	1,  2,  4,  6,  8,  10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33,
	34, 35, 36, 37, 38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66,
	67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
};

#define NPROV (sizeof(provinces) / sizeof(provinces[0]))

bool card_province_known(int code)
{
	size_t lo = 0, hi = NPROV;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (provinces[mid] < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < NPROV && provinces[lo] == code;
}

const int *card_province_codes(size_t *n)
{
	*n = NPROV;
	return provinces;
}

bool card_id_check(const char *s, date_t birth, int female, date_t d, const char *col, struct diag_list *dl)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return rule_refuse(dl, col, RULE_CARD_ID, d, "'%s': a personal id has digits only", s);
	if (len != 12)
		return rule_refuse(dl, col, RULE_CARD_ID, d, "'%s': a personal id has 12 digits, not %zu", s, len);
	bool ok = true;
	int prov = (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
	if (!card_province_known(prov))
		ok = rule_refuse(dl, col, RULE_CARD_ID, d, "'%s': %.3s is not the code of a province of birth", s, s);
	int gc = s[3] - '0', yy = (s[4] - '0') * 10 + (s[5] - '0');
	if (birth != DATE_NONE) {
		int y, m, dd;
		date_to_ymd(birth, &y, &m, &dd);
		int century = y / 100 - 19;
		if (century < 0 || century > 4)
			ok = rule_refuse(dl, col, RULE_CARD_ID, d, "'%s': a birth year of %d has no century digit", s, y);
		else if (gc / 2 != century)
			ok = rule_refuse(dl, col, RULE_CARD_ID, d,
					 "'%s': the 4th digit %d is for people born in the %d00s, not in %d", s, gc,
					 19 + gc / 2, y);
		if (yy != y % 100)
			ok = rule_refuse(dl, col, RULE_CARD_ID, d, "'%s': digits 5-6 (%02d) are not the year of birth %d", s,
					 yy, y);
	}
	if (female >= 0 && gc % 2 != female)
		ok = rule_refuse(dl, col, RULE_CARD_ID, d, "'%s': the 4th digit %d is for a %s", s, gc,
				 gc % 2 ? "woman" : "man");
	return ok;
}

bool cv_letters_valid(const char *letters)
{
	size_t n = strlen(letters);
	if (n < 2 || n > CV_LETTERS_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (letters[i] < 'A' || letters[i] > 'Z')
			return false;
	return true;
}

bool cv_parse(const char *s, int64_t *serial, char letters[CV_LETTERS_MAX + 1])
{
	int64_t v = 0;
	int i = 0;
	for (; i < 6; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	if (!cv_letters_valid(s + 6))
		return false;
	*serial = v;
	strcpy(letters, s + 6);
	return true;
}

void cv_format(int64_t serial, const char *letters, char out[16])
{
	snprintf(out, 16, "%06lld%.4s", (long long)serial, letters);
}
