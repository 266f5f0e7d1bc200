/* ratings: import of the quality ratings of a review round (ratings.h). */
#include "app/ratings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "app/registry.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "io/csv.h"

static const char *const level_names[RATING__MAX] = {"excellent", "good", "completed", "failed"};

/* Folded Vietnamese words and initials of each level. */
static const struct {
	const char *word;
	enum rating_level level;
} level_words[] = {
	{"hoan thanh xuat sac nhiem vu", RATING_EXCELLENT}, {"hoan thanh xuat sac", RATING_EXCELLENT},
	{"htxsnv", RATING_EXCELLENT},
	{"hoan thanh tot nhiem vu", RATING_GOOD}, {"hoan thanh tot", RATING_GOOD}, {"httnv", RATING_GOOD},
	{"hoan thanh nhiem vu", RATING_COMPLETED}, {"hoan thanh", RATING_COMPLETED}, {"htnv", RATING_COMPLETED},
	{"khong hoan thanh nhiem vu", RATING_FAILED}, {"khong hoan thanh", RATING_FAILED}, {"khtnv", RATING_FAILED},
};

const char *rating_level_name(enum rating_level l)
{
	return (unsigned)l < RATING__MAX ? level_names[l] : "?";
}

bool rating_level_parse(const char *s, enum rating_level *out)
{
	struct buf key;
	buf_init(&key, 0);
	text_fold_buf(&key, s);
	bool found = false;
	for (int i = 0; i < RATING__MAX && !found; i++)
		if (strcmp(key.ptr, level_names[i]) == 0) {
			*out = (enum rating_level)i;
			found = true;
		}
	for (size_t i = 0; i < sizeof(level_words) / sizeof(level_words[0]) && !found; i++)
		if (strcmp(key.ptr, level_words[i].word) == 0) {
			*out = level_words[i].level;
			found = true;
		}
	buf_free(&key);
	return found;
}

static bool four_digits(const char *s, int *y)
{
	for (int i = 0; i < 4; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	return *y >= 1930 && *y <= 2200;
}

/* QĐ 366-QĐ/TW: reviews by term, year or quarter (rules.md §2.3). */
bool rating_period_parse(const char *s, int *end_year, int *end_month)
{
	size_t n = strlen(s);
	int y, y2;
	if (n < 4 || !four_digits(s, &y))
		return false;
	if (n == 4) {
		*end_year = y;
		*end_month = 12;
		return true;
	}
	if (n == 7 && s[4] == '-' && s[5] == 'Q' && s[6] >= '1' && s[6] <= '4') {
		*end_year = y;
		*end_month = (s[6] - '0') * 3;
		return true;
	}
	if (n == 9 && s[4] == '-' && four_digits(s + 5, &y2) && y2 > y) {
		*end_year = y2;
		*end_month = 12;
		return true;
	}
	return false;
}

/* The first day of a period rating_period_parse accepted: 1 January of a
 * year or of a term's first year, the first day of a quarter. */
static date_t period_start(const char *s)
{
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int month = strlen(s) == 7 ? (s[6] - '1') * 3 + 1 : 1;
	return date_from_ymd(y, month, 1);
}

/* QĐ 366-QĐ/TW Điều 11 (rules.md §2.1): a collective is rated excellent only
 * if no member of its leadership collective was disciplined in the period.
 * The leadership collective is the committee elected by the organization's
 * latest congress held by the day of the discipline (congress result).
 * *found with the first such member and the day of the discipline. Disciplined directly
 * subordinate organizations, the rule's other condition, are not recorded
 * in dangbo and not checked. */
static enum err disciplined_leader(struct store *st, int64_t org_id, date_t from, date_t to, struct buf *who,
				   char day[11], bool *found)
{
	char f[11], t[11];
	date_format(from, f);
	date_format(to, t);
	struct store_stmt *q = store_stmt(st, STMT_RATING_DISCIPLINED_LEADER);
	stmt_bind_int(q, 1, org_id);
	stmt_bind_text(q, 2, f);
	stmt_bind_text(q, 3, t);
	bool row;
	enum err e = stmt_step(q, &row);
	*found = !e && row;
	if (*found) {
		buf_reset(who);
		buf_adds(who, stmt_col_text(q, 0));
		date_t d;
		if (date_parse(stmt_col_text(q, 1), &d))
			date_format_vn(d, day);
		else
			snprintf(day, 11, "%s", stmt_col_text(q, 1));
		e = stmt_step(q, &row);
	}
	return e;
}

/* Score in tenths from "85", "85.5" or "85,5"; 0 to 100. */
static bool parse_score(const char *s, int *tenths)
{
	int v = 0, digits = 0, frac = -1;
	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (frac >= 0) {
				if (frac >= 1)
					return false;
				frac++;
			} else if (++digits > 3) {
				return false;
			}
			v = v * 10 + (*p - '0');
		} else if ((*p == '.' || *p == ',') && frac < 0 && digits > 0) {
			frac = 0;
		} else {
			return false;
		}
	}
	if (digits == 0 || frac == 0)
		return false;
	if (frac < 0)
		v *= 10;
	*tenths = v;
	return v <= 1000;
}

/* The level a score gives (QĐ 366-QĐ/TW Điều 11: ≥90, 70–<90, 50–<70, <50). */
static enum rating_level level_of_score(int tenths)
{
	return tenths >= 900 ? RATING_EXCELLENT : tenths >= 700 ? RATING_GOOD : tenths >= 500 ? RATING_COMPLETED : RATING_FAILED;
}

enum rcol { R_PERIOD, R_TYPE, R_SUBJECT, R_SCORE, R_LEVEL, R_SELF, R_OVERRIDE, R__MAX };

static const char *const rcol_names[R__MAX] = {"period", "subject_type", "subject", "score",
					       "level", "self_review", "override_reason"};
static const bool rcol_required[R__MAX] = {1, 1, 1, 0, 1, 1, 0};

/* The column of a header key (csv_header_key), or -1. */
static int rcol_of(const char *key, const void *arg)
{
	(void)arg;
	for (int c = 0; c < R__MAX; c++)
		if (strcmp(key, rcol_names[c]) == 0)
			return c;
	return -1;
}

struct rrow {
	char *period, *subject, *override;
	bool member;
	int64_t org_id;   /* the organization rated, or the member's organization */
	int base;         /* tree index of the base organization (members), or TREE_NONE */
	int score;        /* tenths, -1 if none */
	enum rating_level level;
	bool self;
	long line;
};

/* The base organization (đảng bộ cơ sở / chi bộ cơ sở) org is in on d. */
static int base_of(const struct tree *t, int org, date_t d)
{
	for (int o = org, guard = 0; o != TREE_NONE && guard < 64; o = tree_parent_at(t, o, d), guard++)
		if (t->orgs[o].kind == ORG_BASE_COMMITTEE || t->orgs[o].kind == ORG_BASE_CELL)
			return o;
	return TREE_NONE;
}

/* Whether the member is exempt from work and activity on d (events replayed
 * in date order). */
static bool exempt_on(const struct event_rec *ev, size_t n, date_t d)
{
	bool ex = false;
	for (size_t i = 0; i < n; i++)
		if (ev[i].date <= d) {
			if (ev[i].type == EV_EXEMPT_START)
				ex = true;
			else if (ev[i].type == EV_EXEMPT_END)
				ex = false;
		}
	return ex;
}

static void rows_free(struct rrow *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].period);
		free(v[i].subject);
		free(v[i].override);
	}
	free(v);
}

static enum err put(struct store *st, const struct rrow *w)
{
	const char *type = w->member ? "member" : "org";
	struct store_stmt *q = store_stmt(st, STMT_RATING_DELETE);
	stmt_bind_text(q, 1, w->period);
	stmt_bind_text(q, 2, type);
	stmt_bind_text(q, 3, w->subject);
	enum err e = stmt_exec(q);
	if (e)
		return e;
	q = store_stmt(st, STMT_RATING_INSERT);
	stmt_bind_text(q, 1, w->period);
	stmt_bind_text(q, 2, type);
	stmt_bind_text(q, 3, w->subject);
	stmt_bind_int(q, 4, w->org_id);
	if (w->score >= 0)
		stmt_bind_int(q, 5, w->score);
	else
		stmt_bind_null(q, 5);
	stmt_bind_text(q, 6, level_names[w->level]);
	stmt_bind_int(q, 7, w->self ? 1 : 0);
	if (*w->override)
		stmt_bind_text(q, 8, w->override);
	else
		stmt_bind_null(q, 8);
	return stmt_exec(q);
}

/* The quota on "excellent" among the members of each base organization
 * (HD 21-HD/BTCTW 2019 on QĐ 124; rules.md §2.2, LOW confidence for QĐ
 * 366-QĐ/TW: the base is configurable). Rows with an override_reason are
 * counted but not blamed. */
static void check_quota(const struct rrow *v, size_t n, const struct rating_opts *o, const struct tree *t,
			const char *name, struct diag_list *dl)
{
	for (size_t i = 0; i < n; i++) {
		if (!v[i].member || v[i].base == TREE_NONE)
			continue;
		bool first = true;
		for (size_t j = 0; j < i && first; j++)
			if (v[j].member && v[j].base == v[i].base && strcmp(v[j].period, v[i].period) == 0)
				first = false;
		if (!first)
			continue;
		long exc = 0, good = 0, rated = 0, last_line = 0;
		bool overridden = true;
		for (size_t j = i; j < n; j++)
			if (v[j].member && v[j].base == v[i].base && strcmp(v[j].period, v[i].period) == 0) {
				rated++;
				if (v[j].level == RATING_GOOD)
					good++;
				if (v[j].level == RATING_EXCELLENT) {
					exc++;
					last_line = v[j].line;
					if (!*v[j].override)
						overridden = false;
				}
			}
		long over = o->quota_base == QUOTA_OF_GOOD ? good : rated;
		/* exc <= percent% of over, in whole numbers */
		if (exc * 100 > over * o->quota_percent && !overridden)
			diag_add(dl, name, last_line, rcol_names[R_LEVEL],
				 "%ld members rated excellent in %s for %s, more than %d%% of the %ld %s "
				 "(HD 21-HD/BTCTW, quota on \"hoàn thành xuất sắc nhiệm vụ\"); give an override_reason "
				 "if the upper level decided so",
				 exc, t->orgs[v[i].base].code, v[i].period, o->quota_percent, over,
				 o->quota_base == QUOTA_OF_GOOD ? "rated good" : "rated");
	}
}

enum err ratings_import(struct store *st, const char *path, const struct rating_opts *o, struct diag_list *dl,
			size_t *rows)
{
	*rows = 0;
	struct registry reg;
	enum err e = registry_open(st, &reg, dl);
	if (e)
		return e;
	size_t before = diag_count(dl);
	struct csv_reader *r = csv_open_file(path, dl);
	if (!r) {
		registry_close(&reg);
		return ERR_INPUT;
	}
	char *name = xstrdup(csv_name(r));
	int pos[R__MAX];
	csv_map_header(r, rcol_names, rcol_required, R__MAX, rcol_of, NULL, false,
		       "the columns are period, subject_type, subject, score, level, self_review, override_reason",
		       pos, dl);
	struct rrow *v = NULL;
	size_t n = 0, cap = 0;
	struct csv_record rec;
	bool header_ok = diag_count(dl) == before;
	while (!e && header_ok && csv_next(r, &rec, dl) == 1) {
		(*rows)++;
#define F(c) (pos[c] >= 0 ? rec.field[pos[c]] : "")
#define H(c) csv_header(r, (size_t)pos[c])
		const char *period = F(R_PERIOD), *type = F(R_TYPE), *subject = F(R_SUBJECT), *score = F(R_SCORE),
			   *level = F(R_LEVEL), *self = F(R_SELF), *override = F(R_OVERRIDE);
		struct rrow w = {.line = rec.line, .score = -1, .base = TREE_NONE};
		bool ok = !rec.bad;
		int ey = 0, em = 0;
		if (!rating_period_parse(period, &ey, &em)) {
			diag_add(dl, name, rec.line, H(R_PERIOD),
				 "'%s' is not a period (a year 2024, a quarter 2025-Q3 or a term 2020-2025; "
				 "QĐ 366-QĐ/TW reviews by year, quarter or term)",
				 period);
			ok = false;
			ey = 9999;
			em = 12;
		}
		date_t end = date_add_months(date_from_ymd(ey, em, 1), 1) - 1;
		if (strcmp(type, "member") == 0) {
			w.member = true;
		} else if (strcmp(type, "org") != 0) {
			diag_add(dl, name, rec.line, H(R_TYPE), "'%s' is not a subject type (org or member)", type);
			ok = false;
		}
		if (ok && !w.member) {
			int org = tree_find(&reg.tree, subject);
			if (org == TREE_NONE) {
				diag_add(dl, name, rec.line, H(R_SUBJECT), "no organization with code '%s'", subject);
				ok = false;
			} else {
				w.org_id = reg.tree.orgs[org].id;
			}
		} else if (ok) {
			struct member_rec m;
			struct event_rec *ev = NULL;
			size_t nev = 0;
			enum err me = registry_member_get(&reg, subject, &m, &ev, &nev);
			if (me == ERR_NOTFOUND) {
				diag_add(dl, name, rec.line, H(R_SUBJECT), "no member with member_id '%s'", subject);
				ok = false;
			} else if (me) {
				e = me;
				break;
			} else {
				if (exempt_on(ev, nev, end) || (m.status == MS_EXEMPT && nev == 0)) {
					diag_add(dl, name, rec.line, H(R_SUBJECT),
						 "member %s is exempt from work and activity at the end of %s and is not "
						 "rated (QĐ 294-QĐ/TW §7.2.3)",
						 subject, period);
					ok = false;
				}
				if (m.org != TREE_NONE) {
					w.org_id = reg.tree.orgs[m.org].id;
					w.base = base_of(&reg.tree, m.org, end);
				}
				member_rec_free(&m);
				events_free(ev, nev);
			}
		}
		if (!rating_level_parse(level, &w.level)) {
			diag_add(dl, name, rec.line, H(R_LEVEL),
				 "'%s' is not a level (excellent, good, completed, failed, or hoàn thành xuất sắc "
				 "nhiệm vụ, hoàn thành tốt nhiệm vụ, hoàn thành nhiệm vụ, không hoàn thành nhiệm vụ; "
				 "QĐ 366-QĐ/TW Điều 11)",
				 level);
			ok = false;
		} else if (*score && !parse_score(score, &w.score)) {
			diag_add(dl, name, rec.line, H(R_SCORE), "'%s' is not a score from 0 to 100", score);
			ok = false;
		} else if (w.score >= 0 && level_of_score(w.score) != w.level && !*override) {
			diag_add(dl, name, rec.line, H(R_SCORE),
				 "a score of %s gives the level %s, not %s (QĐ 366-QĐ/TW Điều 11: excellent ≥90, good "
				 "70 to <90, completed 50 to <70, failed <50); give an override_reason if the upper "
				 "level decided so",
				 score, level_names[level_of_score(w.score)], level_names[w.level]);
			ok = false;
		}
		if (ok && !w.member && w.level == RATING_EXCELLENT && !*override) {
			struct buf who;
			buf_init(&who, 0);
			char day[11];
			bool found;
			e = disciplined_leader(st, w.org_id, period_start(period), end, &who, day, &found);
			if (e) {
				buf_free(&who);
				break;
			}
			if (found) {
				diag_add(dl, name, rec.line, H(R_LEVEL),
					 "%s cannot be rated excellent for %s: %s, a member of its committee, was "
					 "disciplined on %s (QĐ 366-QĐ/TW Điều 11: no member of the leadership collective "
					 "disciplined in the period); give an override_reason if the upper level decided so",
					 subject, period, who.ptr, day);
				ok = false;
			}
			buf_free(&who);
		}
		if (strcmp(self, "yes") == 0 || strcmp(self, "co") == 0 || strcmp(self, "có") == 0) {
			w.self = true;
		} else if (strcmp(self, "no") != 0 && strcmp(self, "khong") != 0 && strcmp(self, "không") != 0) {
			diag_add(dl, name, rec.line, H(R_SELF), "'%s' is not yes or no", self);
			ok = false;
		}
		for (size_t i = 0; i < n && ok; i++)
			if (v[i].member == w.member && strcmp(v[i].subject, subject) == 0 &&
			    strcmp(v[i].period, period) == 0) {
				diag_add(dl, name, rec.line, H(R_SUBJECT), "%s is rated twice for %s (first on line %ld)",
					 subject, period, v[i].line);
				ok = false;
			}
#undef F
#undef H
		if (ok) {
			w.period = xstrdup(period);
			w.subject = xstrdup(subject);
			w.override = xstrdup(override);
			XGROW(v, cap, n + 1);
			v[n++] = w;
		}
	}
	csv_close(r);
	if (!e)
		check_quota(v, n, o, &reg.tree, name, dl);
	if (!e && diag_count(dl))
		e = ERR_INPUT;
	if (!e && !o->dry_run) {
		e = store_begin(st);
		for (size_t i = 0; i < n && !e; i++)
			e = put(st, &v[i]);
		if (!e) {
			long ov = 0;
			for (size_t i = 0; i < n; i++)
				ov += *v[i].override != 0;
			char after[96];
			snprintf(after, sizeof(after), "{\"rows\":%zu,\"overrides\":%ld}", n, ov);
			e = audit_record(st, "ratings.import", "ratings", name, NULL, after);
		}
		if (!e)
			e = store_commit(st);
		else
			store_rollback(st);
	}
	rows_free(v, n);
	free(name);
	registry_close(&reg);
	return e;
}
