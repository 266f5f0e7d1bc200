/* transfer_record: the transfer record file as JSON (jansson). */
#include "io/transfer_record.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

static json_t *jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *jdate(date_t d)
{
	if (d == DATE_NONE)
		return json_null();
	char b[11];
	date_format(d, b);
	return json_string(b);
}

void transfer_record_write(const struct transfer_record *r, struct buf *out)
{
	json_t *j = json_object();
	json_object_set_new(j, "format", json_string("dangbo-transfer"));
	json_object_set_new(j, "version", json_integer(TRANSFER_RECORD_VERSION));
	json_object_set_new(j, "kind", jstr(r->kind ? r->kind : "official"));
	json_t *m = json_object();
	json_object_set_new(m, "member_id", jstr(r->member_id));
	json_object_set_new(m, "full_name", jstr(r->full_name));
	json_object_set_new(m, "gender", jstr(r->gender));
	json_object_set_new(m, "birth_date", jdate(r->birth_date));
	json_object_set_new(m, "ethnicity", jstr(r->ethnicity));
	json_object_set_new(m, "religion", jstr(r->religion));
	json_object_set_new(m, "card_number", jstr(r->card_number));
	json_object_set_new(m, "decision_date", jdate(r->decision_date));
	json_object_set_new(m, "ceremony_date", jdate(r->ceremony_date));
	json_object_set_new(m, "official_date", jdate(r->official_date));
	json_object_set_new(m, "education", jstr(r->education));
	json_object_set_new(m, "profession_level", jstr(r->profession_level));
	json_object_set_new(m, "theory_level", jstr(r->theory_level));
	json_object_set_new(m, "occupation", jstr(r->occupation));
	json_object_set_new(m, "hometown", jstr(r->hometown));
	json_object_set_new(j, "member", m);
	json_object_set_new(j, "party_age_gap_days", json_integer(r->gap_days));
	json_t *from = json_object();
	json_object_set_new(from, "org_code", jstr(r->from_org));
	json_object_set_new(from, "org_name", jstr(r->from_org_name));
	json_object_set_new(from, "province", jstr(r->from_province));
	json_object_set_new(j, "from", from);
	json_object_set_new(j, "to_unit", jstr(r->to_unit));
	json_object_set_new(j, "decision_date", jdate(r->decision));
	json_object_set_new(j, "introduced_on", jdate(r->introduced));
	json_object_set_new(j, "ref", jstr(r->ref));
	json_t *b = json_array();
	for (size_t i = 0; i < r->nbadges; i++) {
		json_t *x = json_object();
		json_object_set_new(x, "years", json_integer(r->badges[i].years));
		json_object_set_new(x, "date", jdate(r->badges[i].date));
		json_object_set_new(x, "number", jstr(r->badges[i].number));
		json_array_append_new(b, x);
	}
	json_object_set_new(j, "badges", b);
	json_t *d = json_array();
	for (size_t i = 0; i < r->ndiscipline; i++) {
		json_t *x = json_object();
		json_object_set_new(x, "date", jdate(r->discipline[i].date));
		json_object_set_new(x, "form", jstr(r->discipline[i].form));
		json_array_append_new(d, x);
	}
	json_object_set_new(j, "discipline", d);
	char *text = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	buf_adds(out, text);
	buf_addch(out, '\n');
	free(text);
	json_decref(j);
}

/* ---- reading ---- */

struct rd {
	const char *file;
	struct diag_list *dl;
	int bad;
};

static void problem(struct rd *r, const char *key, const char *msg)
{
	diag_add(r->dl, r->file, 0, key, "%s", msg);
	r->bad++;
}

/* Every key of o must be in keys (NULL-ended). */
static void only_keys(struct rd *r, json_t *o, const char *where, const char *const keys[])
{
	const char *k;
	json_t *v;
	json_object_foreach(o, k, v) {
		bool known = false;
		for (size_t i = 0; keys[i] && !known; i++)
			known = strcmp(keys[i], k) == 0;
		if (!known) {
			char full[128];
			snprintf(full, sizeof(full), "%s%s", where, k);
			problem(r, full, "unknown key");
		}
	}
	(void)v;
}

static char *get_str(struct rd *r, json_t *o, const char *key, bool required)
{
	json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v)) {
		if (required)
			problem(r, key, "required");
		return NULL;
	}
	if (!json_is_string(v)) {
		problem(r, key, "must be a string");
		return NULL;
	}
	return xstrdup(json_string_value(v));
}

static date_t get_date(struct rd *r, json_t *o, const char *key, bool required)
{
	json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v)) {
		if (required)
			problem(r, key, "required");
		return DATE_NONE;
	}
	date_t d;
	if (!json_is_string(v) || !date_parse(json_string_value(v), &d)) {
		problem(r, key, "must be a date YYYY-MM-DD");
		return DATE_NONE;
	}
	return d;
}

enum err transfer_record_read(const char *text, size_t n, const char *file, struct transfer_record *out,
			      struct diag_list *dl)
{
	memset(out, 0, sizeof(*out));
	out->birth_date = out->decision_date = out->ceremony_date = out->official_date = DATE_NONE;
	out->decision = out->introduced = DATE_NONE;
	struct rd r = {file, dl, 0};
	json_error_t je;
	json_t *j = json_loadb(text, n, JSON_REJECT_DUPLICATES, &je);
	if (!j) {
		diag_add(dl, file, je.line > 0 ? je.line : 0, NULL, "not JSON: %s", je.text);
		return ERR_INPUT;
	}
	if (!json_is_object(j)) {
		problem(&r, "(top)", "must be an object");
		json_decref(j);
		return ERR_INPUT;
	}
	static const char *const top[] = {"format", "version", "kind", "member", "party_age_gap_days", "from",
					  "to_unit", "decision_date", "introduced_on", "ref", "badges", "discipline",
					  NULL};
	only_keys(&r, j, "", top);
	json_t *fmt = json_object_get(j, "format"), *ver = json_object_get(j, "version");
	if (!json_is_string(fmt) || strcmp(json_string_value(fmt), "dangbo-transfer") != 0)
		problem(&r, "format", "must be \"dangbo-transfer\"");
	if (!json_is_integer(ver) || json_integer_value(ver) != TRANSFER_RECORD_VERSION)
		problem(&r, "version", "must be 1 (this version of dangbo reads version 1)");
	out->kind = get_str(&r, j, "kind", true);
	if (out->kind && strcmp(out->kind, "official") != 0)
		problem(&r, "kind", "only official transfers move a member between databases");
	json_t *m = json_object_get(j, "member");
	if (!json_is_object(m)) {
		problem(&r, "member", "required, an object");
	} else {
		static const char *const mk[] = {"member_id", "full_name", "gender", "birth_date", "ethnicity",
						 "religion", "card_number", "decision_date", "ceremony_date",
						 "official_date", "education", "profession_level", "theory_level",
						 "occupation", "hometown", NULL};
		only_keys(&r, m, "member.", mk);
		out->member_id = get_str(&r, m, "member_id", true);
		out->full_name = get_str(&r, m, "full_name", true);
		out->gender = get_str(&r, m, "gender", true);
		out->birth_date = get_date(&r, m, "birth_date", true);
		out->ethnicity = get_str(&r, m, "ethnicity", true);
		out->religion = get_str(&r, m, "religion", false);
		out->card_number = get_str(&r, m, "card_number", false);
		out->decision_date = get_date(&r, m, "decision_date", true);
		out->ceremony_date = get_date(&r, m, "ceremony_date", false);
		out->official_date = get_date(&r, m, "official_date", false);
		out->education = get_str(&r, m, "education", false);
		out->profession_level = get_str(&r, m, "profession_level", false);
		out->theory_level = get_str(&r, m, "theory_level", false);
		out->occupation = get_str(&r, m, "occupation", false);
		out->hometown = get_str(&r, m, "hometown", false);
	}
	json_t *gap = json_object_get(j, "party_age_gap_days");
	if (gap && !json_is_null(gap)) {
		if (!json_is_integer(gap) || json_integer_value(gap) < 0 || json_integer_value(gap) > 40000)
			problem(&r, "party_age_gap_days", "must be a whole number of days, 0 to 40000");
		else
			out->gap_days = json_integer_value(gap);
	}
	json_t *from = json_object_get(j, "from");
	if (from && !json_is_null(from)) {
		if (!json_is_object(from)) {
			problem(&r, "from", "must be an object");
		} else {
			static const char *const fk[] = {"org_code", "org_name", "province", NULL};
			only_keys(&r, from, "from.", fk);
			out->from_org = get_str(&r, from, "org_code", false);
			out->from_org_name = get_str(&r, from, "org_name", false);
			out->from_province = get_str(&r, from, "province", false);
		}
	}
	out->to_unit = get_str(&r, j, "to_unit", false);
	out->decision = get_date(&r, j, "decision_date", false);
	out->introduced = get_date(&r, j, "introduced_on", true);
	out->ref = get_str(&r, j, "ref", false);
	json_t *b = json_object_get(j, "badges");
	if (b && !json_is_null(b)) {
		if (!json_is_array(b)) {
			problem(&r, "badges", "must be an array");
		} else {
			out->badges = xcalloc(json_array_size(b) + 1, sizeof(*out->badges));
			size_t i;
			json_t *x;
			json_array_foreach(b, i, x) {
				static const char *const bk[] = {"years", "date", "number", NULL};
				if (!json_is_object(x)) {
					problem(&r, "badges", "each badge is an object");
					continue;
				}
				only_keys(&r, x, "badges.", bk);
				struct transfer_badge *t = &out->badges[out->nbadges++];
				json_t *y = json_object_get(x, "years");
				if (!json_is_integer(y) || json_integer_value(y) < 30 || json_integer_value(y) > 90)
					problem(&r, "badges.years", "must be a milestone, 30 to 90");
				else
					t->years = (int)json_integer_value(y);
				t->date = get_date(&r, x, "date", true);
				t->number = get_str(&r, x, "number", false);
			}
		}
	}
	json_t *d = json_object_get(j, "discipline");
	if (d && !json_is_null(d)) {
		if (!json_is_array(d)) {
			problem(&r, "discipline", "must be an array");
		} else {
			out->discipline = xcalloc(json_array_size(d) + 1, sizeof(*out->discipline));
			size_t i;
			json_t *x;
			json_array_foreach(d, i, x) {
				static const char *const dk[] = {"date", "form", NULL};
				if (!json_is_object(x)) {
					problem(&r, "discipline", "each entry is an object");
					continue;
				}
				only_keys(&r, x, "discipline.", dk);
				struct transfer_discipline *t = &out->discipline[out->ndiscipline++];
				t->date = get_date(&r, x, "date", true);
				t->form = get_str(&r, x, "form", true);
			}
		}
	}
	json_decref(j);
	if (r.bad) {
		transfer_record_free(out);
		return ERR_INPUT;
	}
	return ERR_OK;
}

void transfer_record_free(struct transfer_record *r)
{
	char **strs[] = {&r->kind, &r->member_id, &r->full_name, &r->gender, &r->ethnicity, &r->religion,
			 &r->card_number, &r->education, &r->profession_level, &r->theory_level, &r->occupation,
			 &r->hometown, &r->from_org, &r->from_org_name, &r->from_province, &r->to_unit, &r->ref};
	for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
		free(*strs[i]);
	for (size_t i = 0; i < r->nbadges; i++)
		free(r->badges[i].number);
	free(r->badges);
	for (size_t i = 0; i < r->ndiscipline; i++)
		free(r->discipline[i].form);
	free(r->discipline);
	memset(r, 0, sizeof(*r));
}
