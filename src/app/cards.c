/* cards: personal ids across an organization, CV ranges and numbers (cards.h). */
#include "app/cards.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "app/lifecycle_int.h"
#include "core/xalloc.h"
#include "domain/card.h"

enum err cards_check(struct store *st, const char *org, date_t as_of, size_t *checked, size_t *missing,
		     struct diag_list *dl)
{
	*checked = *missing = 0;
	struct lc_session s;
	enum err e = lc_open(st, false, &s, dl);
	if (e)
		return e;
	int root = lc_org_need(&s, org, "org");
	if (root == TREE_NONE)
		return lc_close(&s, ERR_NOTFOUND);
	char **ids;
	size_t n;
	if ((e = lc_members_in(&s, root, as_of, &ids, &n)))
		return lc_close(&s, e);
	for (size_t i = 0; i < n && !e; i++) {
		struct member_rec m;
		if ((e = registry_member_get(&s.r, ids[i], &m, NULL, NULL)))
			break;
		if (!m.card_number || !*m.card_number) {
			(*missing)++;
		} else {
			(*checked)++;
			card_id_check(m.card_number, m.birth_date, m.gender && strcmp(m.gender, "nữ") == 0, as_of,
				      m.member_id, dl);
		}
		member_rec_free(&m);
	}
	for (size_t i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	return lc_close(&s, e);
}

/* ---- CV numbers ---- */

/* The largest serial issued with letters within [lo, hi] (0 if none). */
static enum err used_max(struct lc_session *s, const char *letters, int64_t lo, int64_t hi, int64_t *max)
{
	char a[16], b[16];
	cv_format(lo, letters, a);
	cv_format(hi, letters, b);
	struct store_stmt *q = store_stmt(s->st, STMT_CV_MAX_IN);
	stmt_bind_text(q, 1, a);
	stmt_bind_text(q, 2, b);
	stmt_bind_text(q, 3, letters);
	stmt_bind_int(q, 4, (int64_t)(6 + strlen(letters)));
	bool row;
	enum err e = stmt_step(q, &row);
	*max = 0;
	if (!e && row && !stmt_col_null(q, 0)) {
		int64_t serial;
		char l[CV_LETTERS_MAX + 1];
		if (cv_parse(stmt_col_text(q, 0), &serial, l))
			*max = serial;
	}
	if (!e && row)
		stmt_step(q, &row);
	return e;
}

struct range {
	int64_t id, lo, hi;
	int org, province;
	date_t created;
};

static enum err ranges_all(struct lc_session *s, struct range **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	struct store_stmt *q = store_stmt(s->st, STMT_CV_RANGE_ALL);
	bool row;
	enum err e;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		XGROW(*out, cap, *n + 1);
		(*out)[(*n)++] = (struct range){stmt_col_int(q, 0), stmt_col_int(q, 3), stmt_col_int(q, 4),
						lc_org_of_id(s, stmt_col_int(q, 1)), lc_org_of_id(s, stmt_col_int(q, 2)),
						lc_col_date(q, 5)};
	}
	return e;
}

/* Is province q (a tree index) p itself or merged into p by day d? */
static bool in_group(const struct lc_session *s, int q, int p, date_t d)
{
	return q != TREE_NONE && tree_follow(&s->r.tree, q, d) == p;
}

enum err lc_cv_next(struct lc_session *s, int org, date_t d, char out[16])
{
	int up = lc_upper_of(s, org, d), p = lc_province_of(s, org, d);
	if (up == TREE_NONE || p == TREE_NONE || !cv_letters_valid(s->r.tree.orgs[p].code)) {
		rule_refuse(s->dl, "member-id", RULE_CV_NUMBER, d,
			    "%s has no upper committee under a province with CV letters: give --member-id",
			    s->r.tree.orgs[org].code);
		return ERR_NOTFOUND;
	}
	const char *letters = s->r.tree.orgs[p].code;
	struct range *v;
	size_t n;
	enum err e = ranges_all(s, &v, &n);
	for (size_t i = 0; i < n && !e; i++) {
		if (v[i].org != up)
			continue;
		int64_t max;
		if ((e = used_max(s, letters, v[i].lo, v[i].hi, &max)))
			break;
		int64_t next = max ? max + 1 : v[i].lo;
		if (next <= v[i].hi) {
			cv_format(next, letters, out);
			free(v);
			return ERR_OK;
		}
	}
	free(v);
	if (!e) {
		rule_refuse(s->dl, "member-id", RULE_CV_NUMBER, d,
			    "%s has no CV number range with a free number (dangbo card range add), or give --member-id",
			    s->r.tree.orgs[up].code);
		e = ERR_NOTFOUND;
	}
	return e;
}

enum err cards_cv_next(struct store *st, const char *org, date_t d, char out[16], struct diag_list *dl)
{
	struct lc_session s;
	enum err e = lc_open(st, false, &s, dl);
	if (e)
		return e;
	int o = lc_org_need(&s, org, "org");
	e = o == TREE_NONE ? ERR_NOTFOUND : lc_cv_next(&s, o, d, out);
	return lc_close(&s, e);
}

enum err cards_range_add(struct store *st, const struct cv_range_in *in, char warning[200], struct diag_list *dl)
{
	warning[0] = 0;
	if (in->lo < 1 || in->hi > 999999 || in->lo > in->hi) {
		rule_refuse(dl, "from", RULE_CV_NUMBER, in->date, "a range runs from 1 to 999999, its start first");
		return ERR_INPUT;
	}
	struct lc_session s;
	enum err e = lc_open(st, true, &s, dl);
	if (e)
		return e;
	int up = lc_org_need(&s, in->org, "org");
	if (up == TREE_NONE)
		return lc_close(&s, ERR_NOTFOUND);
	int p = lc_province_of(&s, up, in->date);
	if (s.r.tree.orgs[up].kind != ORG_UPPER || !tree_exists(&s.r.tree, up, in->date) || p == TREE_NONE) {
		rule_refuse(dl, "org", RULE_CV_NUMBER, in->date,
			    "ranges are given to upper committees under a province; %s is not one on that date", in->org);
		return lc_close(&s, ERR_REFUSED);
	}
	if (!cv_letters_valid(s.r.tree.orgs[p].code)) {
		rule_refuse(dl, "org", RULE_CV_NUMBER, in->date,
			    "the province code %s cannot be the letters of CV numbers (2 to 4 capitals)",
			    s.r.tree.orgs[p].code);
		return lc_close(&s, ERR_REFUSED);
	}
	struct range *v;
	size_t n;
	if ((e = ranges_all(&s, &v, &n)))
		return lc_close(&s, e);
	/* overlap with the ranges of the province and those merged into it */
	for (size_t i = 0; i < n; i++)
		if (in_group(&s, v[i].province, p, in->date) && v[i].lo <= in->hi && in->lo <= v[i].hi) {
			rule_refuse(dl, "from", RULE_CV_NUMBER, in->date, "%lld-%lld overlaps the range %lld-%lld of %s",
				    (long long)in->lo, (long long)in->hi, (long long)v[i].lo, (long long)v[i].hi,
				    v[i].org != TREE_NONE ? s.r.tree.orgs[v[i].org].code : "?");
			e = ERR_REFUSED;
		}
	free(v);
	/* numbers issued: none reused; after a merger, continue after the largest */
	bool merged = false;
	int64_t largest = 0;
	for (size_t i = 0; i < s.r.tree.n && !e; i++) {
		if (s.r.tree.orgs[i].kind != ORG_PROVINCE || !in_group(&s, (int)i, p, in->date) ||
		    !cv_letters_valid(s.r.tree.orgs[i].code))
			continue;
		if ((int)i != p)
			merged = true;
		int64_t inside, all;
		if ((e = used_max(&s, s.r.tree.orgs[i].code, in->lo, in->hi, &inside)) ||
		    (e = used_max(&s, s.r.tree.orgs[i].code, 1, 999999, &all)))
			break;
		if (all > largest)
			largest = all;
		if (inside) {
			rule_refuse(dl, "from", RULE_CV_NUMBER, in->date, "%06lld%s is issued already: numbers are not reused",
				    (long long)inside, s.r.tree.orgs[i].code);
			e = ERR_REFUSED;
		}
	}
	if (!e && merged && in->lo <= largest) {
		rule_refuse(dl, "from", RULE_CV_NUMBER, in->date,
			    "%s took in other provinces: numbering continues after the largest number issued, %06lld",
			    s.r.tree.orgs[p].code, (long long)largest);
		e = ERR_REFUSED;
	}
	if (e)
		return lc_close(&s, e);
	/* a range of 2-3 times the membership (a warning only) */
	char **ids;
	size_t nm;
	if (!(e = lc_members_in(&s, up, in->date, &ids, &nm))) {
		int factor = rule_value(&s.rs, RULE_CV_RANGE_FACTOR, in->date);
		if ((size_t)(in->hi - in->lo + 1) < (size_t)factor * nm)
			snprintf(warning, 200, "%s: the range holds %lld numbers, under %d times the %zu members of %s",
				 rule_cite(RULE_CV_RANGE_FACTOR, in->date), (long long)(in->hi - in->lo + 1), factor, nm,
				 in->org);
		for (size_t i = 0; i < nm; i++)
			free(ids[i]);
		free(ids);
	}
	if (!e) {
		struct store_stmt *q = store_stmt(st, STMT_CV_RANGE_INSERT);
		stmt_bind_int(q, 1, s.r.tree.orgs[up].id);
		stmt_bind_int(q, 2, s.r.tree.orgs[p].id);
		stmt_bind_int(q, 3, in->lo);
		stmt_bind_int(q, 4, in->hi);
		lc_bind_date(q, 5, in->date);
		e = stmt_exec(q);
	}
	if (!e) {
		char after[160];
		snprintf(after, sizeof(after), "{\"org\":\"%s\",\"letters\":\"%s\",\"from\":%lld,\"to\":%lld}", in->org,
			 s.r.tree.orgs[p].code, (long long)in->lo, (long long)in->hi);
		e = audit_record(st, "cv_range.add", "cv_range", in->org, NULL, after);
	}
	return lc_close(&s, e);
}

enum err cards_ranges(struct store *st, struct cv_range_row **out, size_t *n, struct diag_list *dl)
{
	*out = NULL;
	*n = 0;
	struct lc_session s;
	enum err e = lc_open(st, false, &s, dl);
	if (e)
		return e;
	struct range *v;
	size_t nv;
	if ((e = ranges_all(&s, &v, &nv)))
		return lc_close(&s, e);
	*out = xcalloc(nv + 1, sizeof(**out));
	for (size_t i = 0; i < nv && !e; i++) {
		struct cv_range_row *r = &(*out)[(*n)++];
		snprintf(r->org, sizeof(r->org), "%s", v[i].org != TREE_NONE ? s.r.tree.orgs[v[i].org].code : "?");
		snprintf(r->letters, sizeof(r->letters), "%s",
			 v[i].province != TREE_NONE ? s.r.tree.orgs[v[i].province].code : "?");
		r->lo = v[i].lo;
		r->hi = v[i].hi;
		r->created = v[i].created;
		if (cv_letters_valid(r->letters))
			e = used_max(&s, r->letters, r->lo, r->hi, &r->used_max);
	}
	free(v);
	return lc_close(&s, e);
}
