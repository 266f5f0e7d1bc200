/* report_cadres: the "cadres" report — the secretaries of the
 * organizations under CODE as of a day and the other posts they hold
 * (contract §3; seeds 000, 001, 003: "bí thư đồng thời chủ tịch HĐND
 * 16/177 (9%); chủ tịch UBND 108/177 (61%); không là người địa phương
 * 145/177 (82%)", "871/904 (96,35%) bí thư chi bộ là thủ trưởng đơn vị",
 * "trưởng công an xã trong ban thường vụ 80/177 (45,2%)", "3/14 huyện bí
 * thư đồng thời chủ tịch UBND; 96/186 (51,6%) cấp xã").
 *
 * A row counts the organizations strictly under its organization (not the
 * organization itself) that have a secretary on the as-of day, over all
 * levels and per level (suffix _upper: provincial and upper-level
 * committees, the district level before 07/2025; _base: base
 * organizations, the commune level; _cell: sub-committees and cells):
 *
 *   secretaries                           the base of every indicator below
 *   secretary_concurrent_council_chair    the secretary is also chairman of
 *                                         the People's Council (kiêm nhiệm)
 *   secretary_concurrent_committee_chair  ... of the People's Committee
 *   secretary_is_unit_head                ... head of the agency or unit
 *   secretary_non_local                   the secretary is not a local person
 *   police_chief_in_standing_committee    the police chief of the commune
 *                                         (ward) sits on its standing committee
 *
 * A concurrent post is a state or head post recorded at the same party
 * organization (posts.h: the party organization of the unit) and held on
 * the same day. The police chief is on the standing committee when he
 * holds there, that day, the post of secretary, deputy or standing member
 * or a post marked standing.
 *
 * Non-local (glossary "local / non-local"; QĐ 65-QĐ/TW Art. 4.2 "key
 * leaders are not local people"): the organization's administrative unit
 * is its unit_code, looked up in the embedded unit tables (data/units-2025
 * .csv, and data/units-2025-03.csv for the units before the 2025
 * arrangement). The secretary is local when his hometown (members.csv
 * hometown, free text) names that unit: it is the unit's code, or, folded
 * (no case or marks, punctuation as spaces), it contains the unit's name
 * without its type word ("Xã Tân Lập" -> "tan lap") as whole words. He is
 * non-local when his hometown is recorded and does not name it. With no
 * hometown, no unit_code, or a code in neither table nothing is known and
 * he is not counted as non-local (docs/cadres.md). */
#include "app/report.h"

#include <stdlib.h>
#include <string.h>

#include "core/embed.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "domain/org.h"
#include "domain/post.h"
#include "io/csv.h"

enum cd_level { CD_ALL, CD_UPPER, CD_BASE, CD_CELL, CD__MAX };

static const char *const level_suffix[CD__MAX] = {"", "_upper", "_base", "_cell"};
static const char *const level_label[CD__MAX] = {"", " (đảng bộ cấp trên cơ sở)", " (tổ chức cơ sở đảng)",
						 " (chi bộ trực thuộc, đảng bộ bộ phận)"};

static enum cd_level level_of(enum org_kind k)
{
	switch (k) {
	case ORG_BASE_COMMITTEE:
	case ORG_BASE_CELL:
		return CD_BASE;
	case ORG_SUB_COMMITTEE:
	case ORG_CELL:
		return CD_CELL;
	default:
		return CD_UPPER;
	}
}

enum cd_what {
	CD_SECRETARY,
	CD_COUNCIL_CHAIR,
	CD_PEOPLE_CHAIR,
	CD_UNIT_HEAD,
	CD_NON_LOCAL,
	CD_POLICE_STANDING,
	CD_WHAT__MAX
};

static const struct {
	const char *name, *label;
} what[CD_WHAT__MAX] = {
	{"secretaries", "Tổ chức đảng có bí thư"},
	{"secretary_concurrent_council_chair", "Bí thư đồng thời là chủ tịch HĐND"},
	{"secretary_concurrent_committee_chair", "Bí thư đồng thời là chủ tịch UBND"},
	{"secretary_is_unit_head", "Bí thư là thủ trưởng cơ quan, đơn vị"},
	{"secretary_non_local", "Bí thư không là người địa phương"},
	{"police_chief_in_standing_committee", "Trưởng công an xã, phường trong ban thường vụ"},
};

/* Per organization with a secretary on the as-of day. */
struct cd_org {
	int32_t pos;
	int32_t org;  /* snapshot index */
	uint8_t level;
	uint8_t has; /* bit per enum cd_what */
};

struct cd_data {
	struct cd_org *v;
	size_t n;
};

static void cd_release(struct report_ctx *c)
{
	struct cd_data *d = c->priv;
	if (d) {
		free(d->v);
		free(d);
	}
	c->priv = NULL;
}

/* One post held on the as-of day. */
struct cd_post {
	int64_t member;
	enum post_kind kind;
	int32_t org;  /* snapshot index */
	bool standing;
	char *home;
};

/* The folded words of s, padded with spaces: " tan lap ha noi ". */
static char *words_of(const char *s)
{
	char *f = text_fold(s);
	size_t n = strlen(f);
	char *w = xmalloc(n + 3);
	w[0] = ' ';
	for (size_t i = 0; i < n; i++)
		w[i + 1] = ((f[i] >= 'a' && f[i] <= 'z') || (f[i] >= '0' && f[i] <= '9')) ? f[i] : ' ';
	w[n + 1] = ' ';
	w[n + 2] = 0;
	free(f);
	/* one space between words */
	char *o = w;
	for (char *p = w; *p; p++)
		if (*p != ' ' || o == w || o[-1] != ' ')
			*o++ = *p;
	*o = 0;
	return w;
}

/* The units the report needs: codes sorted, and each one's bare name as
 * " words " (NULL while not found). */
struct cd_units {
	const char **code;
	char **words;
	size_t n;
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Finds the names of u's codes in the embedded unit tables, one pass over
 * each (the 2025 table first, then the one before the arrangement). */
static void units_fill(struct cd_units *u)
{
	static const char *const tables[] = {"data/units-2025.csv", "data/units-2025-03.csv"};
	for (size_t t = 0; t < 2 && u->n; t++) {
		const struct embed_file *ef = embed_find(tables[t]);
		if (!ef)
			continue;
		struct diag_list dl;
		diag_init(&dl);
		struct csv_reader *r = csv_open_mem(tables[t], (const char *)ef->data, ef->size, &dl);
		struct csv_record rec;
		while (r && csv_next(r, &rec, &dl) == 1) {
			if (rec.n < 3)
				continue;
			const char *key = rec.field[0];
			const char **hit = bsearch(&key, u->code, u->n, sizeof(*u->code), cmp_str);
			if (!hit || u->words[hit - u->code])
				continue;
			char *name = words_of(rec.field[1]), *type = words_of(rec.field[2]);
			size_t tl = strlen(type);
			/* "Xã Tân Lập" of type "xã": drop the type word */
			if (tl > 2 && strncmp(name, type, tl) == 0 && name[tl] != 0)
				u->words[hit - u->code] = xstrdup(name + tl - 1);
			else
				u->words[hit - u->code] = xstrdup(name);
			free(name);
			free(type);
		}
		if (r)
			csv_close(r);
		diag_free(&dl);
	}
}

/* 1 non-local, 0 local, -1 not known (see the file's comment). */
static int non_local(const char *home, const char *unit_code, const struct cd_units *u)
{
	if (!home || !*home || !unit_code || !*unit_code)
		return -1;
	if (strcmp(home, unit_code) == 0)
		return 0;
	const char **hit = bsearch(&unit_code, u->code, u->n, sizeof(*u->code), cmp_str);
	const char *w = hit ? u->words[hit - u->code] : NULL;
	if (!w)
		return -1;
	char *h = words_of(home);
	int r = strstr(h, w) ? 0 : 1;
	free(h);
	return r;
}

static enum err cd_prepare(struct report_ctx *c, struct buf *msg)
{
	c->priv = NULL;
	buf_reset(msg);
	if (!c->st) {
		buf_adds(msg, "the cadres report reads the database (it cannot run on a snapshot file alone)");
		return ERR_USAGE;
	}
	const struct snapshot *s = c->snap;
	struct snap_byid byid;
	snap_byid_build(s, &byid);
	char day[11];
	date_format(c->as_of, day);
	struct cd_post *pv = NULL;
	size_t np = 0, cap = 0;
	struct store_stmt *q = store_stmt(c->st, STMT_POST_AT);
	stmt_bind_text(q, 1, day);
	stmt_bind_text(q, 2, day);
	bool row;
	enum err e;
	while ((e = stmt_step(q, &row)) == ERR_OK && row) {
		/* member,kind,org_id,standing,hometown */
		enum post_kind k;
		int64_t org = stmt_col_int(q, 2);
		if (snap_byid_get(&byid, org) < 0 || c->org_pos[snap_byid_get(&byid, org)] < 0 ||
		    !post_kind_parse(stmt_col_text(q, 1), &k))
			continue;
		XGROW(pv, cap, np + 1);
		const char *home = stmt_col_null(q, 4) ? NULL : stmt_col_text(q, 4);
		pv[np++] = (struct cd_post){stmt_col_int(q, 0), k, snap_byid_get(&byid, org), stmt_col_int(q, 3) != 0,
					    home ? xstrdup(home) : NULL};
	}
	/* the unit code of each organization */
	char **unit = xcalloc(s->norg, sizeof(char *));
	if (!e) {
		q = store_stmt(c->st, STMT_ORG_ALL);
		while ((e = stmt_step(q, &row)) == ERR_OK && row) {
			int64_t id = stmt_col_int(q, 0);
			if (snap_byid_get(&byid, id) >= 0 && !stmt_col_null(q, 6))
				unit[snap_byid_get(&byid, id)] = xstrdup(stmt_col_text(q, 6));
		}
	}
	struct cd_data *d = xcalloc(1, sizeof(*d));
	c->priv = d;
	/* secretaries first: one entry per organization (the first secretary
	 * recorded, when a second was allowed) */
	int32_t *entry = xmalloc(sizeof(int32_t) * (s->norg ? s->norg : 1));
	memset(entry, 0xff, sizeof(int32_t) * (s->norg ? s->norg : 1));
	int64_t *sec = xcalloc(s->norg ? s->norg : 1, sizeof(int64_t));
	d->v = xcalloc(np ? np : 1, sizeof(*d->v));
	struct cd_units units = {0};
	size_t ucap = 0;
	for (size_t i = 0; i < np && !e; i++) {
		const struct cd_post *p = &pv[i];
		if (p->kind != POST_SECRETARY || entry[p->org] >= 0)
			continue;
		entry[p->org] = (int32_t)d->n;
		sec[p->org] = p->member;
		struct cd_org *x = &d->v[d->n++];
		x->pos = c->org_pos[p->org];
		x->org = p->org;
		x->level = (uint8_t)level_of((enum org_kind)s->orgs[p->org].kind);
		x->has = 1u << CD_SECRETARY;
		if (p->home && *p->home && unit[p->org]) {
			XGROW(units.code, ucap, units.n + 1);
			units.code[units.n++] = unit[p->org];
		}
	}
	/* non-local secretaries: the unit names, read once */
	if (units.n) {
		qsort(units.code, units.n, sizeof(*units.code), cmp_str);
		size_t k = 0;
		for (size_t i = 0; i < units.n; i++)
			if (!k || strcmp(units.code[k - 1], units.code[i]) != 0)
				units.code[k++] = units.code[i];
		units.n = k;
		units.words = xcalloc(units.n, sizeof(char *));
		units_fill(&units);
	}
	for (size_t i = 0; i < np && !e; i++) {
		const struct cd_post *p = &pv[i];
		if (p->kind == POST_SECRETARY && sec[p->org] == p->member &&
		    non_local(p->home, unit[p->org], &units) == 1)
			d->v[entry[p->org]].has |= 1u << CD_NON_LOCAL;
	}
	for (size_t i = 0; i < units.n; i++)
		free(units.words[i]);
	free(units.words);
	free(units.code);
	/* posts the secretary holds with it; police chiefs on the standing committee */
	for (size_t i = 0; i < np && !e; i++) {
		const struct cd_post *p = &pv[i];
		int32_t en = entry[p->org];
		if (en < 0)
			continue;
		struct cd_org *x = &d->v[en];
		if (p->member == sec[p->org]) {
			if (p->kind == POST_COUNCIL_CHAIR)
				x->has |= 1u << CD_COUNCIL_CHAIR;
			else if (p->kind == POST_PEOPLE_CHAIR)
				x->has |= 1u << CD_PEOPLE_CHAIR;
			else if (p->kind == POST_UNIT_HEAD)
				x->has |= 1u << CD_UNIT_HEAD;
		}
		if (p->kind != POST_POLICE_CHIEF)
			continue;
		bool standing = p->standing;
		for (size_t j = 0; j < np && !standing; j++)
			if (pv[j].org == p->org && pv[j].member == p->member &&
			    (post_kind_info(pv[j].kind)->standing || pv[j].standing))
				standing = true;
		if (standing)
			x->has |= 1u << CD_POLICE_STANDING;
	}
	for (size_t i = 0; i < np; i++)
		free(pv[i].home);
	for (uint32_t o = 0; o < s->norg; o++)
		free(unit[o]);
	free(unit);
	free(pv);
	free(entry);
	free(sec);
	snap_byid_free(&byid);
	if (e)
		buf_addf(msg, "reading the posts: %s", store_errmsg(c->st));
	return e;
}

/* arg: level * CD_WHAT__MAX + what */
static void count_cadres(const struct report_ctx *c, const struct report_indicator *ind, struct report_counter *k)
{
	const struct cd_data *d = c->priv;
	int a = *(const int *)ind->arg, level = a / CD_WHAT__MAX, w = a % CD_WHAT__MAX;
	for (size_t i = 0; d && i < d->n; i++) {
		const struct cd_org *x = &d->v[i];
		if ((level == CD_ALL || x->level == level) && (x->has & (1u << w)))
			report_count_at(k, x->pos, 1);
	}
	/* a row counts the organizations under its own, not itself */
	for (size_t i = 0; d && i < d->n; i++) {
		const struct cd_org *x = &d->v[i];
		int32_t r = c->org_row[x->org];
		if (r >= 0 && (level == CD_ALL || x->level == level) && (x->has & (1u << w)))
			report_row_add(k, (size_t)r, -1);
	}
}

/* the argument of each indicator: its index (level * CD_WHAT__MAX + what) */
static const int cd_args[CD__MAX * CD_WHAT__MAX] = {0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11,
						    12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23};
_Static_assert(CD__MAX * CD_WHAT__MAX == 24, "one argument per indicator");
static const struct report_indicator cd_indicators[] = {{0}};

/* The names and labels of the table, made once (no data needed). */
static void cd_more(struct report_ctx *c, struct report_indicator_list *out)
{
	for (int l = 0; l < CD__MAX; l++)
		for (int w = 0; w < CD_WHAT__MAX; w++) {
			int i = l * CD_WHAT__MAX + w;
			char name[96], label[192], base[96];
			snprintf(name, sizeof(name), "%s%s", what[w].name, level_suffix[l]);
			snprintf(label, sizeof(label), "%s%s", what[w].label, level_label[l]);
			snprintf(base, sizeof(base), "%s%s", what[CD_SECRETARY].name, level_suffix[l]);
			struct report_indicator ind = {.name = report_keep(c, name),
						       .label = report_keep(c, label),
						       .base = w == CD_SECRETARY ? NULL : report_keep(c, base),
						       .count = count_cadres,
						       .arg = &cd_args[i]};
			report_indicator_list_add(out, &ind);
		}
}

const struct report_def report_cadres = {
	.name = "cadres",
	.title = "Báo cáo công tác cán bộ: bí thư và chức danh kiêm nhiệm",
	.indicators = cd_indicators,
	.more_indicators = cd_more,
	.prepare = cd_prepare,
	.release = cd_release,
};
