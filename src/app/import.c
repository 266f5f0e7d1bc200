/* import: validating the interchange CSV files and writing them. */
#include "app/import.h"

#include <ctype.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/audit.h"
#include "app/refdata.h"
#include "app/registry.h"
#include "core/buf.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "io/csv.h"

static const char *const kind_names[IMPORT__MAX] = {"orgs", "org_events", "members", "events"};

const char *import_kind_name(enum import_kind k)
{
	return (unsigned)k < IMPORT__MAX ? kind_names[k] : "";
}

bool import_kind_parse(const char *s, enum import_kind *out)
{
	for (int k = 0; k < IMPORT__MAX; k++)
		if (strcmp(s, kind_names[k]) == 0) {
			*out = (enum import_kind)k;
			return true;
		}
	return false;
}

/* ---- columns and aliases ---- */

enum { O_CODE, O_NAME, O_KIND, O_PARENT, O_CATEGORY, O_UNIT, O_FOUNDED, O_DISSOLVED, O__MAX };
static const char *const org_cols[] = {"code", "name", "kind", "parent_code", "category", "unit_code",
				       "founded_on", "dissolved_on", NULL};
static const bool org_req[] = {1, 1, 1, 0, 0, 0, 0, 0};

enum { OE_CODE, OE_DATE, OE_TYPE, OE_FROM, OE_TO, OE_OLD, OE_NEW, OE__MAX };
static const char *const oev_cols[] = {"code", "date", "type", "from_code", "to_code", "old_name", "new_name", NULL};
static const bool oev_req[] = {1, 1, 1, 0, 0, 0, 0};

enum {
	M_ID, M_NAME, M_GENDER, M_BIRTH, M_ETHNIC, M_RELIGION, M_CARD, M_ORG, M_DECISION, M_CEREMONY,
	M_OFFICIAL, M_STATUS, M_EDU, M_PROF, M_THEORY, M_OCC, M_HOME, M__MAX
};
static const char *const member_cols[] = {"member_id", "full_name", "gender", "birth_date", "ethnicity",
					  "religion", "card_number", "org_code", "decision_date",
					  "ceremony_date", "official_date", "status", "education",
					  "profession_level", "theory_level", "occupation", "hometown", NULL};
static const bool member_req[] = {1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0};

enum { E_ID, E_DATE, E_TYPE, E_ORG, E_TO, E_DETAIL, E__MAX };
static const char *const event_cols[] = {"member_id", "date", "type", "org_code", "to_org_code", "detail", NULL};
static const bool event_req[] = {1, 1, 1, 0, 0, 0};

static const char *const *const cols_of[IMPORT__MAX] = {org_cols, oev_cols, member_cols, event_cols};
static const bool *const req_of[IMPORT__MAX] = {org_req, oev_req, member_req, event_req};

/* Aliases: the header folded (no diacritics, lower case) with spaces as
 * underscores. Documented in docs/import.md. */
static const struct import_alias org_aliases[] = {
	{"ma", "code"}, {"ma_to_chuc", "code"}, {"ma_to_chuc_dang", "code"},
	{"ten", "name"}, {"ten_to_chuc", "name"}, {"ten_to_chuc_dang", "name"},
	{"loai", "kind"}, {"loai_to_chuc", "kind"}, {"cap", "kind"},
	{"ma_cap_tren", "parent_code"}, {"ma_to_chuc_cap_tren", "parent_code"}, {"cap_tren", "parent_code"},
	{"loai_hinh", "category"}, {"loai_hinh_to_chuc", "category"},
	{"ma_don_vi_hanh_chinh", "unit_code"}, {"ma_dvhc", "unit_code"},
	{"ngay_thanh_lap", "founded_on"}, {"ngay_giai_the", "dissolved_on"}, {"ngay_ket_thuc", "dissolved_on"},
	{0, 0},
};
static const struct import_alias oev_aliases[] = {
	{"ma", "code"}, {"ma_to_chuc", "code"}, {"ngay", "date"}, {"loai", "type"}, {"loai_su_kien", "type"},
	{"tu_ma", "from_code"}, {"ma_cap_tren_cu", "from_code"}, {"den_ma", "to_code"},
	{"ma_cap_tren_moi", "to_code"}, {"ten_cu", "old_name"}, {"ten_moi", "new_name"},
	{0, 0},
};
static const struct import_alias member_aliases[] = {
	{"so_ly_lich", "member_id"}, {"ma_dang_vien", "member_id"},
	{"ho_ten", "full_name"}, {"ho_va_ten", "full_name"},
	{"gioi_tinh", "gender"}, {"ngay_sinh", "birth_date"}, {"ngay_thang_nam_sinh", "birth_date"},
	{"dan_toc", "ethnicity"}, {"ton_giao", "religion"},
	{"so_the", "card_number"}, {"so_the_dang_vien", "card_number"}, {"so_dinh_danh", "card_number"},
	{"ma_chi_bo", "org_code"}, {"ma_to_chuc", "org_code"}, {"chi_bo", "org_code"},
	{"ngay_ket_nap", "decision_date"}, {"ngay_quyet_dinh_ket_nap", "decision_date"},
	{"ngay_le_ket_nap", "ceremony_date"}, {"ngay_chinh_thuc", "official_date"},
	{"ngay_cong_nhan_chinh_thuc", "official_date"},
	{"trang_thai", "status"}, {"tinh_trang", "status"},
	{"hoc_van", "education"}, {"trinh_do_hoc_van", "education"}, {"giao_duc_pho_thong", "education"},
	{"chuyen_mon", "profession_level"}, {"trinh_do_chuyen_mon", "profession_level"},
	{"ly_luan_chinh_tri", "theory_level"}, {"trinh_do_ly_luan_chinh_tri", "theory_level"},
	{"nghe_nghiep", "occupation"}, {"que_quan", "hometown"},
	{0, 0},
};
static const struct import_alias event_aliases[] = {
	{"so_ly_lich", "member_id"}, {"ma_dang_vien", "member_id"}, {"ngay", "date"},
	{"loai", "type"}, {"loai_su_kien", "type"}, {"ma_to_chuc", "org_code"}, {"ma_chi_bo", "org_code"},
	{"den_to_chuc", "to_org_code"}, {"ma_to_chuc_den", "to_org_code"}, {"chi_tiet", "detail"},
	{"ghi_chu", "detail"},
	{0, 0},
};
static const struct import_alias *const aliases_of[IMPORT__MAX] = {org_aliases, oev_aliases, member_aliases,
								  event_aliases};

const char *const *import_columns(enum import_kind k)
{
	return cols_of[k];
}

const struct import_alias *import_aliases(enum import_kind k)
{
	return aliases_of[k];
}

/* The column of a header key (csv_header_key), or -1. */
static int column_of(const char *key, const void *arg)
{
	enum import_kind k = *(const enum import_kind *)arg;
	for (int i = 0; cols_of[k][i]; i++)
		if (strcmp(key, cols_of[k][i]) == 0)
			return i;
	for (const struct import_alias *a = aliases_of[k]; a->alias; a++)
		if (strcmp(key, a->alias) == 0)
			for (int i = 0; cols_of[k][i]; i++)
				if (strcmp(a->column, cols_of[k][i]) == 0)
					return i;
	return -1;
}

/* ---- reading one file ---- */

struct reader {
	enum import_kind kind;
	struct csv_reader *csv;
	const char *name;
	int pos[32];  /* column -> csv field, -1 = absent */
	struct diag_list *dl;
	struct csv_record rec;
	const struct import_opts *o;
	uint64_t rows;
};

static bool reader_open(struct reader *r, enum import_kind k, const char *path, const struct import_opts *o,
			struct diag_list *dl)
{
	memset(r, 0, sizeof(*r));
	r->kind = k;
	r->dl = dl;
	r->o = o;
	r->csv = o->data[k] ? csv_open_mem(path, o->data[k], o->size[k], dl) : csv_open_file(path, dl);
	if (!r->csv)
		return false;
	r->name = csv_name(r->csv);
	for (int i = 0; i < 32; i++)
		r->pos[i] = -1;
	int ncols = 0;
	while (cols_of[k][ncols])
		ncols++;
	return csv_map_header(r->csv, cols_of[k], req_of[k], ncols, column_of, &k, o->ignore_unknown,
			      "use --ignore-unknown to skip it", r->pos, dl);
}

/* Reads the next record: 1 row, 0 end, -1 fatal. */
static int reader_next(struct reader *r)
{
	int rc = csv_next(r->csv, &r->rec, r->dl);
	if (rc == 1) {
		r->rows++;
		if (r->o->progress && (r->rows & 0x3fff) == 0)
			r->o->progress(r->o->progress_arg, r->name, csv_bytes_read(r->csv), csv_bytes_total(r->csv));
	}
	return rc;
}

/* The value of column c in the current record ("" when absent), trimmed
 * of surrounding ASCII spaces in place. */
static const char *val(struct reader *r, int c)
{
	int p = r->pos[c];
	if (p < 0 || (size_t)p >= r->rec.n)
		return "";
	char *s = r->rec.field[p];
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		s[--n] = '\0';
	return s;
}

static void rproblem(struct reader *r, int c, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void rproblem(struct reader *r, int c, const char *fmt, ...)
{
	struct buf b;
	buf_init(&b, 0);
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	diag_add(r->dl, r->name, r->rec.line, cols_of[r->kind][c], "%s", b.ptr);
	buf_free(&b);
}

static bool need(struct reader *r, int c)
{
	if (*val(r, c))
		return true;
	rproblem(r, c, "required%s", "");
	return false;
}

static bool get_date(struct reader *r, int c, date_t *out, date_t none)
{
	const char *s = val(r, c);
	if (!*s) {
		*out = none;
		return true;
	}
	if (!date_parse(s, out)) {
		rproblem(r, c, "'%s' is not a date (YYYY-MM-DD or dd/mm/yyyy)", s);
		return false;
	}
	return true;
}

/* Resolves the organization code in column c; *out is TREE_NONE when the
 * column is empty. An unknown code is a problem at that row and column. */
static bool org_column(struct reader *r, const struct tree *t, int c, int *out)
{
	const char *code = val(r, c);
	*out = TREE_NONE;
	if (!*code || (*out = tree_find(t, code)) != TREE_NONE)
		return true;
	rproblem(r, c, "unknown organization '%s'", code);
	return false;
}

static bool valid_code(const char *s)
{
	if (!*s || strlen(s) > 64)
		return false;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '.' && *s != '_' && *s != '-')
			return false;
	return true;
}

static char *clean_text(const char *s)
{
	return *s ? text_nfc_clean(s) : NULL;
}

/* ---- the import ---- */

struct importer {
	struct registry reg;
	const struct import_opts *o;
	struct diag_list *dl;
	struct import_stats *stats;
};

static void progress_done(struct importer *im, struct reader *r)
{
	if (im->o->progress)
		im->o->progress(im->o->progress_arg, r->name, csv_bytes_total(r->csv), csv_bytes_total(r->csv));
}

static enum err import_orgs(struct importer *im, const char *path)
{
	struct reader r;
	struct tree *t = &im->reg.tree;
	if (!reader_open(&r, IMPORT_ORGS, path, im->o, im->dl)) {
		csv_close(r.csv);
		return ERR_INPUT;
	}
	size_t first_new = t->n;
	char **parents = NULL; /* parent code per tree index touched */
	size_t pcap = 0;
	XGROW(parents, pcap, t->n + 1);
	memset(parents, 0, sizeof(char *) * pcap);
	long *seen = xcalloc(t->n + 1, sizeof(long));
	size_t seencap = t->n + 1;
	int rc;
	bool bad = false;
	while ((rc = reader_next(&r)) == 1) {
		bool ok = !r.rec.bad;
		for (int c = 0; c < O__MAX; c++)
			if (org_req[c] && !need(&r, c))
				ok = false;
		const char *code = val(&r, O_CODE);
		if (*code && !valid_code(code)) {
			rproblem(&r, O_CODE, "'%s' is not a valid code (letters, digits, '.', '_', '-')", code);
			ok = false;
		}
		struct tree_org o = {0};
		if (*val(&r, O_KIND) && !org_kind_parse(val(&r, O_KIND), &o.kind)) {
			rproblem(&r, O_KIND, "unknown kind '%s' (central, province, upper, base_committee, "
					     "base_cell, sub_committee, cell)", val(&r, O_KIND));
			ok = false;
		}
		const char *cat = val(&r, O_CATEGORY);
		if (*cat && !org_category_label(cat)) {
			rproblem(&r, O_CATEGORY, "unknown category '%s'", cat);
			ok = false;
		}
		if (ok && !*cat && org_kind_is_base(o.kind)) {
			rproblem(&r, O_CATEGORY, "a base organization needs a category%s", "");
			ok = false;
		}
		ok &= get_date(&r, O_FOUNDED, &o.founded, DATE_MIN);
		ok &= get_date(&r, O_DISSOLVED, &o.dissolved, DATE_MAX);
		if (!ok) {
			bad = true;
			continue;
		}
		char *name = text_nfc_clean(val(&r, O_NAME));
		o.code = (char *)code;
		o.name = name;
		o.category = (char *)cat;
		o.unit_code = (char *)val(&r, O_UNIT);
		o.line = r.rec.line;
		o.parent = TREE_NONE;
		int idx = tree_find(t, code);
		if (idx == TREE_NONE) {
			idx = tree_add(t, &o);
		} else if (idx >= (int)first_new || ((size_t)idx < seencap && seen[idx])) {
			diag_add(im->dl, r.name, r.rec.line, "code", "organization %s appears again (first on line %ld)",
				 code, (size_t)idx < seencap ? seen[idx] : 0);
			bad = true;
			free(name);
			continue;
		} else {
			struct tree_org *x = &t->orgs[idx];
			free(x->name);
			free(x->category);
			free(x->unit_code);
			x->name = name;
			name = NULL;
			x->kind = o.kind;
			x->category = *cat ? xstrdup(cat) : NULL;
			x->unit_code = *o.unit_code ? xstrdup(o.unit_code) : NULL;
			x->founded = o.founded;
			x->dissolved = o.dissolved;
			x->line = o.line;
		}
		free(name);
		if ((size_t)idx >= seencap) {
			size_t old = seencap;
			XGROW(seen, seencap, (size_t)idx + 1);
			memset(seen + old, 0, sizeof(long) * (seencap - old));
		}
		seen[idx] = r.rec.line;
		if ((size_t)idx >= pcap) {
			size_t old = pcap;
			XGROW(parents, pcap, (size_t)idx + 1);
			memset(parents + old, 0, sizeof(char *) * (pcap - old));
		}
		free(parents[idx]);
		parents[idx] = xstrdup(val(&r, O_PARENT));
		im->stats->rows[IMPORT_ORGS]++;
	}
	if (rc < 0)
		bad = true;
	/* Parents may come later in the file: resolve them now. */
	for (size_t i = 0; i < t->n && i < pcap; i++) {
		if (!parents[i])
			continue;
		if (!*parents[i]) {
			t->orgs[i].parent = TREE_NONE;
		} else {
			int p = tree_find(t, parents[i]);
			if (p == TREE_NONE) {
				diag_add(im->dl, r.name, seen[i], "parent_code", "unknown parent '%s'", parents[i]);
				bad = true;
			}
			t->orgs[i].parent = p;
		}
		free(parents[i]);
	}
	free(parents);
	free(seen);
	progress_done(im, &r);
	csv_close(r.csv);
	return bad ? ERR_INPUT : ERR_OK;
}

static enum err import_org_events(struct importer *im, const char *path)
{
	struct reader r;
	struct tree *t = &im->reg.tree;
	if (!reader_open(&r, IMPORT_ORG_EVENTS, path, im->o, im->dl)) {
		csv_close(r.csv);
		return ERR_INPUT;
	}
	/* The file replaces the events of the organizations it names. */
	bool *named = xcalloc(t->n + 1, sizeof(bool));
	struct tree_event *add = NULL;
	size_t nadd = 0, cap = 0;
	bool bad = false;
	int rc;
	while ((rc = reader_next(&r)) == 1) {
		bool ok = !r.rec.bad;
		for (int c = 0; c < OE__MAX; c++)
			if (oev_req[c] && !need(&r, c))
				ok = false;
		struct tree_event e = {.from = TREE_NONE, .to = TREE_NONE, .line = r.rec.line};
		e.org = tree_find(t, val(&r, OE_CODE));
		if (*val(&r, OE_CODE) && e.org == TREE_NONE) {
			rproblem(&r, OE_CODE, "unknown organization '%s'", val(&r, OE_CODE));
			ok = false;
		}
		if (*val(&r, OE_TYPE) && !org_event_type_parse(val(&r, OE_TYPE), &e.type)) {
			rproblem(&r, OE_TYPE, "unknown type '%s' (move, merge, rename, dissolve)", val(&r, OE_TYPE));
			ok = false;
		}
		ok &= get_date(&r, OE_DATE, &e.date, DATE_NONE);
		ok &= org_column(&r, t, OE_FROM, &e.from);
		ok &= org_column(&r, t, OE_TO, &e.to);
		if (!ok) {
			bad = true;
			continue;
		}
		e.old_name = clean_text(val(&r, OE_OLD));
		e.new_name = clean_text(val(&r, OE_NEW));
		named[e.org] = true;
		XGROW(add, cap, nadd + 1);
		add[nadd++] = e;
		im->stats->rows[IMPORT_ORG_EVENTS]++;
	}
	if (rc < 0)
		bad = true;
	size_t keep = 0;
	for (size_t i = 0; i < t->nev; i++) {
		if (named[t->events[i].org]) {
			free(t->events[i].old_name);
			free(t->events[i].new_name);
		} else {
			t->events[keep++] = t->events[i];
		}
	}
	t->nev = keep;
	for (size_t i = 0; i < nadd; i++) {
		tree_add_event(t, &add[i]);
		free(add[i].old_name);
		free(add[i].new_name);
	}
	free(add);
	free(named);
	progress_done(im, &r);
	csv_close(r.csv);
	return bad ? ERR_INPUT : ERR_OK;
}

/* Fills a member record from the current row; false on problems. */
static bool member_row(struct importer *im, struct reader *r, struct member_rec *m)
{
	struct tree *t = &im->reg.tree;
	bool ok = !r->rec.bad;
	memset(m, 0, sizeof(*m));
	for (int c = 0; c < M__MAX; c++)
		if (member_req[c] && !need(r, c))
			ok = false;
	m->line = r->rec.line;
	const char *g = val(r, M_GENDER);
	char *gk = text_fold(g);
	if (strcmp(gk, "nam") == 0 || strcmp(gk, "m") == 0)
		m->gender = xstrdup("nam");
	else if (strcmp(gk, "nu") == 0 || strcmp(gk, "f") == 0)
		m->gender = xstrdup("nữ");
	else if (*g) {
		rproblem(r, M_GENDER, "'%s' is not a gender (nam, nữ, M or F)", g);
		ok = false;
	}
	free(gk);
	const char *eth = val(r, M_ETHNIC);
	const char *ethname = refdata_ethnicity(eth);
	if (*eth && !ethname) {
		rproblem(r, M_ETHNIC, "unknown ethnic group '%s' (a name or code of the 54 groups)", eth);
		ok = false;
	}
	const char *rel = val(r, M_RELIGION);
	const char *relname = refdata_religion(rel);
	if (!relname) {
		rproblem(r, M_RELIGION, "unknown religion '%s'", rel);
		ok = false;
	}
	const char *card = val(r, M_CARD);
	if (*card) {
		bool digits = strlen(card) == 12;
		for (const char *p = card; *p && digits; p++)
			digits = *p >= '0' && *p <= '9';
		if (!digits) {
			rproblem(r, M_CARD, "'%s' is not a 12-digit personal identification number", card);
			ok = false;
		}
	}
	const char *org = val(r, M_ORG);
	m->org = tree_find(t, org);
	if (*org && m->org == TREE_NONE) {
		rproblem(r, M_ORG, "unknown organization '%s'", org);
		ok = false;
	} else if (*org && !org_kind_holds_members(t->orgs[m->org].kind)) {
		rproblem(r, M_ORG, "%s is not a cell or base cell: members are active in cells", org);
		ok = false;
	}
	const char *st = val(r, M_STATUS);
	if (*st && !member_status_parse(st, &m->status)) {
		rproblem(r, M_STATUS, "unknown status '%s'", st);
		ok = false;
	}
	ok &= get_date(r, M_BIRTH, &m->birth_date, DATE_NONE);
	ok &= get_date(r, M_DECISION, &m->decision_date, DATE_NONE);
	ok &= get_date(r, M_CEREMONY, &m->ceremony_date, DATE_NONE);
	ok &= get_date(r, M_OFFICIAL, &m->official_date, DATE_NONE);
	if (ok && m->birth_date >= m->decision_date) {
		rproblem(r, M_DECISION, "the admission decision is before the birth date%s", "");
		ok = false;
	}
	if (ok && m->ceremony_date != DATE_NONE && m->ceremony_date < m->decision_date) {
		rproblem(r, M_CEREMONY, "the ceremony is before the admission decision%s", "");
		ok = false;
	}
	if (ok && m->official_date != DATE_NONE &&
	    m->official_date < (m->ceremony_date != DATE_NONE ? m->ceremony_date : m->decision_date)) {
		rproblem(r, M_OFFICIAL, "official recognition is before the admission%s", "");
		ok = false;
	}
	if (ok && m->birth_date > im->reg.today) {
		rproblem(r, M_BIRTH, "the birth date is in the future%s", "");
		ok = false;
	}
	if (!ok) {
		member_rec_free(m);
		return false;
	}
	m->member_id = xstrdup(val(r, M_ID));
	m->full_name = text_nfc_clean(val(r, M_NAME));
	m->ethnicity = xstrdup(ethname);
	m->religion = *relname ? xstrdup(relname) : NULL;
	m->card_number = *card ? xstrdup(card) : NULL;
	m->education = clean_text(val(r, M_EDU));
	m->profession_level = clean_text(val(r, M_PROF));
	m->theory_level = clean_text(val(r, M_THEORY));
	m->occupation = clean_text(val(r, M_OCC));
	m->hometown = clean_text(val(r, M_HOME));
	return true;
}

/* Member ids met in the files of one import, each given a small index:
 * keys live in one arena, the hash holds index + 1. */
struct idmap {
	struct buf arena;
	uint32_t *off;   /* per index: offset of the key in arena */
	size_t n, offcap;
	uint32_t *slot;  /* open addressing, 0 = empty */
	size_t cap;
};

static uint64_t strhash(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h ^ (h >> 29);
}

static const char *idmap_key(const struct idmap *m, uint32_t i)
{
	return m->arena.ptr + m->off[i];
}

static void idmap_rehash(struct idmap *m)
{
	free(m->slot);
	m->cap = m->cap ? m->cap * 2 : 4096;
	m->slot = xcalloc(m->cap, sizeof(uint32_t));
	for (size_t i = 0; i < m->n; i++) {
		size_t h = strhash(idmap_key(m, (uint32_t)i)) & (m->cap - 1);
		while (m->slot[h])
			h = (h + 1) & (m->cap - 1);
		m->slot[h] = (uint32_t)i + 1;
	}
}

/* The index of key, adding it when add is true; UINT32_MAX if absent. */
static uint32_t idmap_get(struct idmap *m, const char *key, bool add)
{
	if ((m->n + 1) * 4 > m->cap * 3)
		idmap_rehash(m);
	size_t h = strhash(key) & (m->cap - 1);
	while (m->slot[h]) {
		uint32_t i = m->slot[h] - 1;
		if (strcmp(idmap_key(m, i), key) == 0)
			return i;
		h = (h + 1) & (m->cap - 1);
	}
	if (!add)
		return UINT32_MAX;
	XGROW(m->off, m->offcap, m->n + 1);
	m->off[m->n] = (uint32_t)m->arena.len;
	buf_add(&m->arena, key, strlen(key) + 1);
	m->slot[h] = (uint32_t)m->n + 1;
	return (uint32_t)m->n++;
}

static void idmap_free(struct idmap *m)
{
	buf_free(&m->arena);
	free(m->off);
	free(m->slot);
	memset(m, 0, sizeof(*m));
}

/* Card numbers (12 digits) seen in members.csv, with their line. */
struct cardset {
	uint64_t *key; /* card + 1, 0 = empty */
	uint32_t *line;
	size_t cap, n;
};

static uint32_t cardset_add(struct cardset *c, uint64_t card, uint32_t line)
{
	if ((c->n + 1) * 4 > c->cap * 3) {
		struct cardset big = {.cap = c->cap ? c->cap * 2 : 4096};
		big.key = xcalloc(big.cap, sizeof(uint64_t));
		big.line = xcalloc(big.cap, sizeof(uint32_t));
		for (size_t i = 0; i < c->cap; i++)
			if (c->key[i])
				cardset_add(&big, c->key[i] - 1, c->line[i]);
		free(c->key);
		free(c->line);
		*c = big;
	}
	uint64_t k = card + 1;
	size_t h = (size_t)((k * 0x9e3779b97f4a7c15ull) >> 20) & (c->cap - 1);
	while (c->key[h]) {
		if (c->key[h] == k)
			return c->line[h];
		h = (h + 1) & (c->cap - 1);
	}
	c->key[h] = k;
	c->line[h] = line;
	c->n++;
	return 0;
}

static void cardset_free(struct cardset *c)
{
	free(c->key);
	free(c->line);
	memset(c, 0, sizeof(*c));
}

/* One event of events.csv, compact (national files hold ~10 million). */
struct cev {
	uint32_t member; /* idmap index */
	date_t date;
	int32_t org, to;
	uint32_t detail; /* index + 1 in pending.details, 0 = none */
	uint32_t line;
	uint8_t type;
};

/* What an import knows of members: every member id met (events.csv first),
 * the events of each, and the members.csv line of each. */
struct pending {
	struct idmap ids;
	struct cev *v;
	size_t n, cap;
	uint32_t *first;   /* per id from events.csv: its first event; first[nev_ids] = n */
	size_t nev_ids;    /* ids met in events.csv (indexes below this may have events) */
	struct idmap details; /* each distinct detail once: a national file has
			       * 6.6 million details but about 2,000 texts */
	bool *used;        /* per id from events.csv: applied with its members.csv row */
	uint32_t *mline;   /* per id: line in members.csv, 0 = not there */
	size_t mlinecap;
	const char *name;
};

static void pending_init(struct pending *p)
{
	memset(p, 0, sizeof(*p));
	buf_init(&p->ids.arena, 0);
	buf_init(&p->details.arena, 0);
}

static void pending_free(struct pending *p)
{
	idmap_free(&p->ids);
	free(p->v);
	free(p->first);
	idmap_free(&p->details);
	free(p->used);
	free(p->mline);
	free((char *)p->name);
	memset(p, 0, sizeof(*p));
}

/* Groups the events by member (counting sort), each member's in date and
 * then file order. */
static void pending_group(struct pending *p)
{
	p->nev_ids = p->ids.n;
	p->first = xcalloc(p->nev_ids + 1, sizeof(uint32_t));
	for (size_t i = 0; i < p->n; i++)
		p->first[p->v[i].member + 1]++;
	for (size_t i = 0; i < p->nev_ids; i++)
		p->first[i + 1] += p->first[i];
	/* Files grouped by member with each member's events in date order (as
	 * export and demo write them) are in order already: no copy. */
	bool sorted = true;
	for (size_t i = 1; i < p->n && sorted; i++) {
		const struct cev *a = &p->v[i - 1], *b = &p->v[i];
		sorted = a->member < b->member ||
			 (a->member == b->member && (a->date < b->date || (a->date == b->date && a->line < b->line)));
	}
	if (sorted) {
		p->used = xcalloc(p->nev_ids + 1, sizeof(bool));
		return;
	}
	struct cev *out = xmalloc(sizeof(*out) * (p->n + 1));
	uint32_t *fill = xmalloc(sizeof(uint32_t) * (p->nev_ids + 1));
	memcpy(fill, p->first, sizeof(uint32_t) * (p->nev_ids + 1));
	for (size_t i = 0; i < p->n; i++)
		out[fill[p->v[i].member]++] = p->v[i];
	free(fill);
	free(p->v);
	p->v = out;
	for (size_t m = 0; m < p->nev_ids; m++) {
		/* insertion sort: a member has few events */
		for (uint32_t i = p->first[m] + 1; i < p->first[m + 1]; i++) {
			struct cev x = p->v[i];
			uint32_t j = i;
			while (j > p->first[m] && (p->v[j - 1].date > x.date ||
						   (p->v[j - 1].date == x.date && p->v[j - 1].line > x.line))) {
				p->v[j] = p->v[j - 1];
				j--;
			}
			p->v[j] = x;
		}
	}
	p->used = xcalloc(p->nev_ids + 1, sizeof(bool));
}

/* The events of member index m as event records (borrowed details). */
static size_t pending_events(const struct pending *p, uint32_t m, struct event_rec **out, size_t *cap)
{
	if (m >= p->nev_ids)
		return 0;
	size_t n = p->first[m + 1] - p->first[m];
	XGROW(*out, *cap, n + 1);
	for (size_t k = 0; k < n; k++) {
		const struct cev *c = &p->v[p->first[m] + k];
		(*out)[k] = (struct event_rec){c->date, (enum event_type)c->type, c->org, c->to,
					      c->detail ? (char *)idmap_key(&p->details, c->detail - 1) : NULL, (long)c->line};
	}
	return n;
}

/* ---- members into an empty database: checked on one thread, written on
 * this one ----
 *
 * Into an empty database the check of a row (parsing, validation, the
 * replay of its events) reads nothing from the store, so a second thread
 * checks rows while this thread writes the ones checked. The two meet in a
 * queue of batches; the checker's problems go to its own list, merged
 * after. */

#define BATCH 256
#define QUEUE 8

/* One checked row. The events borrow their details from the pending
 * events (alive for the whole import); the name's search keys are
 * computed here too, off the writing thread. */
struct checked {
	struct member_rec m;
	struct event_rec *ev;
	size_t nev, evcap;
	struct member_timeline tl;
	struct buf full, given;
};

struct batch {
	struct checked v[BATCH];
	size_t n;
	struct batch *next; /* in the list of written batches */
};

/* What a row owns until its batch is used again (or freed at the end). */
static void checked_clear(struct checked *c)
{
	member_rec_free(&c->m);
	member_timeline_free(&c->tl);
	memset(&c->m, 0, sizeof(c->m));
	memset(&c->tl, 0, sizeof(c->tl));
	c->nev = 0;
}

static void batch_free(struct batch *b)
{
	for (size_t i = 0; i < BATCH; i++) {
		if (i < b->n)
			checked_clear(&b->v[i]);
		free(b->v[i].ev);
		buf_free(&b->v[i].full);
		buf_free(&b->v[i].given);
	}
	free(b);
}

struct pipeline {
	struct importer *im;
	struct reader *r;
	struct pending *pend;
	struct diag_list dl;      /* the checker's problems */
	pthread_mutex_t mu;
	pthread_cond_t more, room;
	struct batch *q[QUEUE];
	size_t head, count;
	/* Batches written, handed back: the checker frees what their rows own
	 * and fills them again, so that memory is allocated and freed on one
	 * thread (a free on another thread contends for the allocator). */
	struct batch *written;
	bool done;                /* the checker has finished */
	bool stop;                /* the writer failed: stop checking */
	bool bad;                 /* a row had a problem: write no more */
	int rc;                   /* the reader's last result */
};

static void push(struct pipeline *p, struct batch *b)
{
	pthread_mutex_lock(&p->mu);
	while (p->count == QUEUE && !p->stop)
		pthread_cond_wait(&p->room, &p->mu);
	if (p->stop) {
		pthread_mutex_unlock(&p->mu);
		batch_free(b);
		return;
	}
	p->q[(p->head + p->count) % QUEUE] = b;
	p->count++;
	pthread_cond_signal(&p->more);
	pthread_mutex_unlock(&p->mu);
}

static struct batch *pop(struct pipeline *p)
{
	pthread_mutex_lock(&p->mu);
	while (p->count == 0 && !p->done)
		pthread_cond_wait(&p->more, &p->mu);
	struct batch *b = NULL;
	if (p->count) {
		b = p->q[p->head];
		p->head = (p->head + 1) % QUEUE;
		p->count--;
		pthread_cond_signal(&p->room);
	}
	pthread_mutex_unlock(&p->mu);
	return b;
}

/* The writer hands a written batch back. */
static void give_back(struct pipeline *p, struct batch *b)
{
	pthread_mutex_lock(&p->mu);
	b->next = p->written;
	p->written = b;
	pthread_mutex_unlock(&p->mu);
}

/* The checker's next empty batch: a written one emptied, or a new one. */
static struct batch *empty_batch(struct pipeline *p)
{
	pthread_mutex_lock(&p->mu);
	struct batch *b = p->written;
	if (b)
		p->written = b->next;
	pthread_mutex_unlock(&p->mu);
	if (!b)
		return xcalloc(1, sizeof(*b));
	for (size_t i = 0; i < b->n; i++)
		checked_clear(&b->v[i]);
	b->n = 0;
	b->next = NULL;
	return b;
}

static void *checker(void *arg)
{
	struct pipeline *p = arg;
	struct importer *im = p->im;
	struct reader *r = p->r;
	struct pending *pend = p->pend;
	struct cardset cards = {0};
	struct batch *b = empty_batch(p);
	int rc;
	while ((rc = reader_next(r)) == 1) {
		if (__atomic_load_n(&p->stop, __ATOMIC_RELAXED))
			break;
		uint32_t idx = UINT32_MAX;
		if (*val(r, M_ID)) {
			idx = idmap_get(&pend->ids, val(r, M_ID), true);
			if (idx >= pend->mlinecap) {
				size_t old = pend->mlinecap;
				XGROW(pend->mline, pend->mlinecap, (size_t)idx + 1);
				memset(pend->mline + old, 0, sizeof(uint32_t) * (pend->mlinecap - old));
			}
			if (pend->mline[idx]) {
				diag_add(&p->dl, r->name, r->rec.line, "member_id",
					 "member %s appears again (first on line %u)", val(r, M_ID), pend->mline[idx]);
				__atomic_store_n(&p->bad, true, __ATOMIC_RELAXED);
			} else {
				pend->mline[idx] = (uint32_t)r->rec.line;
			}
		}
		struct checked *c = &b->v[b->n];
		if (!member_row(im, r, &c->m)) {
			memset(&c->m, 0, sizeof(c->m));
			__atomic_store_n(&p->bad, true, __ATOMIC_RELAXED);
			continue;
		}
		uint32_t first;
		if (c->m.card_number &&
		    (first = cardset_add(&cards, strtoull(c->m.card_number, NULL, 10), (uint32_t)c->m.line))) {
			diag_add(&p->dl, r->name, c->m.line, "card_number", "card number %s is also on line %u",
				 c->m.card_number, first);
			__atomic_store_n(&p->bad, true, __ATOMIC_RELAXED);
		}
		c->nev = pending_events(pend, idx, &c->ev, &c->evcap);
		if (c->nev)
			pend->used[idx] = true;
		const char *evfile = c->nev ? pend->name : "events";
		if (registry_member_check(&im->reg, &c->m, c->ev, c->nev, r->name, evfile, &c->tl, &p->dl))
			__atomic_store_n(&p->bad, true, __ATOMIC_RELAXED);
		im->stats->rows[IMPORT_MEMBERS]++;
		if (__atomic_load_n(&p->bad, __ATOMIC_RELAXED)) {
			/* nothing more will be written: keep checking, keep nothing */
			checked_clear(c);
			continue;
		}
		registry_name_keys(c->m.full_name, &c->full, &c->given);
		if (++b->n == BATCH) {
			push(p, b);
			b = empty_batch(p);
		}
	}
	push(p, b);
	cardset_free(&cards);
	pthread_mutex_lock(&p->mu);
	p->rc = rc;
	p->done = true;
	pthread_cond_signal(&p->more);
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

static enum err import_members_fresh(struct importer *im, struct reader *r, struct pending *pend)
{
	struct pipeline p = {.im = im, .r = r, .pend = pend};
	diag_init(&p.dl);
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.more, NULL);
	pthread_cond_init(&p.room, NULL);
	pthread_t t;
	enum err e = ERR_OK;
	/* the reader reports its problems to the checker's list meanwhile */
	struct diag_list *main_dl = r->dl;
	r->dl = &p.dl;
	if (pthread_create(&t, NULL, checker, &p) != 0) {
		r->dl = main_dl;
		diag_add(im->dl, NULL, 0, NULL, "cannot start a thread");
		return ERR_IO;
	}
	struct batch *b;
	while ((b = pop(&p))) {
		for (size_t i = 0; i < b->n; i++) {
			struct checked *c = &b->v[i];
			if (!e && !__atomic_load_n(&p.bad, __ATOMIC_RELAXED)) {
				enum err w = registry_member_write(&im->reg, &c->m, c->ev, c->nev, c->nev > 0, &c->tl,
								   c->full.ptr, c->given.ptr, r->name, im->dl);
				if (w == ERR_CONFLICT)
					__atomic_store_n(&p.bad, true, __ATOMIC_RELAXED);
				else if (w) {
					e = w;
					pthread_mutex_lock(&p.mu);
					p.stop = true;
					pthread_cond_signal(&p.room);
					pthread_mutex_unlock(&p.mu);
				}
			}
		}
		give_back(&p, b);
	}
	pthread_join(t, NULL);
	while (p.written) {
		struct batch *n = p.written->next;
		batch_free(p.written);
		p.written = n;
	}
	r->dl = main_dl;
	/* the checker's problems, in the order it found them */
	for (size_t i = 0; i < p.dl.n; i++)
		diag_add(im->dl, p.dl.v[i].file, p.dl.v[i].line, p.dl.v[i].column, "%s", p.dl.v[i].msg);
	im->dl->dropped += p.dl.dropped;
	bool bad = __atomic_load_n(&p.bad, __ATOMIC_RELAXED) || p.rc < 0;
	diag_free(&p.dl);
	pthread_mutex_destroy(&p.mu);
	pthread_cond_destroy(&p.more);
	pthread_cond_destroy(&p.room);
	return e ? e : bad ? ERR_INPUT : ERR_OK;
}

static enum err import_members(struct importer *im, const char *path, bool fresh_db, struct pending *pend)
{
	struct reader r;
	if (!reader_open(&r, IMPORT_MEMBERS, path, im->o, im->dl)) {
		csv_close(r.csv);
		return ERR_INPUT;
	}
	if (fresh_db) {
		enum err fe = import_members_fresh(im, &r, pend);
		progress_done(im, &r);
		csv_close(r.csv);
		return fe;
	}
	struct cardset cards = {0};
	struct event_rec *pev = NULL;
	size_t pevcap = 0;
	bool bad = false;
	enum err e = ERR_OK;
	int rc;
	while (!e && (rc = reader_next(&r)) == 1) {
		struct member_rec m;
		uint32_t idx = UINT32_MAX;
		if (*val(&r, M_ID)) {
			idx = idmap_get(&pend->ids, val(&r, M_ID), true);
			if (idx >= pend->mlinecap) {
				size_t old = pend->mlinecap;
				XGROW(pend->mline, pend->mlinecap, (size_t)idx + 1);
				memset(pend->mline + old, 0, sizeof(uint32_t) * (pend->mlinecap - old));
			}
			if (pend->mline[idx]) {
				diag_add(im->dl, r.name, r.rec.line, "member_id",
					 "member %s appears again (first on line %u)", val(&r, M_ID), pend->mline[idx]);
				bad = true;
			} else {
				pend->mline[idx] = (uint32_t)r.rec.line;
			}
		}
		if (!member_row(im, &r, &m)) {
			bad = true;
			continue;
		}
		uint32_t first;
		if (m.card_number && (first = cardset_add(&cards, strtoull(m.card_number, NULL, 10), (uint32_t)m.line))) {
			diag_add(im->dl, r.name, m.line, "card_number", "card number %s is also on line %u",
				 m.card_number, first);
			bad = true;
		}
		struct event_rec *ev = NULL;
		size_t nev = 0;
		if (!fresh_db) {
			struct member_rec old;
			enum err g = registry_member_get(&im->reg, m.member_id, &old, &ev, &nev);
			if (g == ERR_OK) {
				m.id = old.id;
				member_rec_free(&old);
			} else if (g != ERR_NOTFOUND) {
				e = g;
			}
		}
		/* events.csv gives this member's history: it replaces the stored one */
		size_t np = pending_events(pend, idx, &pev, &pevcap);
		if (np) {
			events_free(ev, nev);
			ev = NULL;
			nev = 0;
			pend->used[idx] = true;
		}
		const struct event_rec *use = np ? pev : ev;
		size_t nuse = np ? np : nev;
		const char *evfile = np ? pend->name : "events";
		if (!e && !bad) {
			enum err p = registry_member_put(&im->reg, &m, use, nuse, np > 0, r.name, evfile, im->dl);
			if (p == ERR_INPUT || p == ERR_CONFLICT)
				bad = true;
			else
				e = p;
		} else if (!e) {
			/* keep validating the rest without writing */
			struct member_facts f = {m.member_id, m.decision_date, m.ceremony_date, m.official_date,
						 registry_org_ref(m.org), m.status, m.line};
			struct org_resolver res;
			registry_resolver(&im->reg, &res);
			struct member_timeline tl;
			struct member_event *mev = xcalloc(nuse + 1, sizeof(*mev));
			for (size_t i = 0; i < nuse; i++)
				mev[i] = (struct member_event){use[i].date, use[i].type, registry_org_ref(use[i].org),
							       registry_org_ref(use[i].to_org), NULL, use[i].line};
			member_replay(&f, mev, nuse, &res, im->reg.today, r.name, evfile, &tl, im->dl);
			member_timeline_free(&tl);
			free(mev);
		}
		events_free(ev, nev);
		member_rec_free(&m);
		im->stats->rows[IMPORT_MEMBERS]++;
	}
	if (rc < 0)
		bad = true;
	free(pev);
	cardset_free(&cards);
	progress_done(im, &r);
	csv_close(r.csv);
	return e ? e : bad ? ERR_INPUT : ERR_OK;
}

static enum err parse_events(struct importer *im, const char *path, struct pending *out)
{
	struct reader r;
	struct tree *t = &im->reg.tree;
	if (!reader_open(&r, IMPORT_EVENTS, path, im->o, im->dl)) {
		csv_close(r.csv);
		return ERR_INPUT;
	}
	bool bad = false;
	int rc;
	while ((rc = reader_next(&r)) == 1) {
		bool ok = !r.rec.bad;
		for (int c = 0; c < E__MAX; c++)
			if (event_req[c] && !need(&r, c))
				ok = false;
		struct cev ev = {.org = TREE_NONE, .to = TREE_NONE, .line = (uint32_t)r.rec.line};
		enum event_type type = EV_ADMIT;
		if (*val(&r, E_TYPE) && !event_type_parse(val(&r, E_TYPE), &type)) {
			rproblem(&r, E_TYPE, "unknown event type '%s'", val(&r, E_TYPE));
			ok = false;
		}
		ev.type = (uint8_t)type;
		ok &= get_date(&r, E_DATE, &ev.date, DATE_NONE);
		int org, to;
		ok &= org_column(&r, t, E_ORG, &org);
		ok &= org_column(&r, t, E_TO, &to);
		ev.org = org;
		ev.to = to;
		if (!ok) {
			bad = true;
			continue;
		}
		const char *detail = val(&r, E_DETAIL);
		if (*detail) {
			char *clean = text_nfc_clean(detail);
			ev.detail = idmap_get(&out->details, clean, true) + 1;
			free(clean);
		}
		ev.member = idmap_get(&out->ids, val(&r, E_ID), true);
		XGROW(out->v, out->cap, out->n + 1);
		out->v[out->n++] = ev;
		im->stats->rows[IMPORT_EVENTS]++;
	}
	if (rc < 0)
		bad = true;
	progress_done(im, &r);
	if (out->n)
		out->v = xrealloc(out->v, sizeof(*out->v) * out->n), out->cap = out->n;
	pending_group(out);
	out->name = xstrdup(r.name);
	csv_close(r.csv);
	return bad ? ERR_INPUT : ERR_OK;
}

/* Applies the events of members that members.csv did not carry. */
static enum err apply_events(struct importer *im, struct pending *p, bool fresh)
{
	enum err e = ERR_OK;
	bool bad = false;
	struct event_rec *group = NULL;
	size_t gcap = 0;
	for (uint32_t m = 0; m < p->nev_ids && !e; m++) {
		if (p->used[m] || p->first[m] == p->first[m + 1])
			continue;
		size_t n = pending_events(p, m, &group, &gcap);
		struct member_rec rec;
		/* into an empty database, a member is known only from members.csv */
		enum err g = fresh ? ERR_NOTFOUND : registry_member_get(&im->reg, idmap_key(&p->ids, m), &rec, NULL, NULL);
		if (g == ERR_NOTFOUND) {
			for (size_t k = 0; k < n; k++)
				diag_add(im->dl, p->name, group[k].line, "member_id", "unknown member '%s'",
					 idmap_key(&p->ids, m));
			bad = true;
		} else if (g) {
			e = g;
		} else {
			rec.line = 0;
			enum err q = registry_member_put(&im->reg, &rec, group, n, true, "members", p->name, im->dl);
			if (q == ERR_INPUT || q == ERR_CONFLICT)
				bad = true;
			else
				e = q;
			member_rec_free(&rec);
		}
	}
	free(group);
	return e ? e : bad ? ERR_INPUT : ERR_OK;
}

/* The SHA-256 of every input for the audit record, on a thread of its
 * own from the start: the tree and the events are read on one thread, so
 * the other core is free meanwhile. */
struct hasher {
	const char *const *paths;
	const struct import_opts *o;
	char hex[IMPORT__MAX][AUDIT_HASH_HEX];
	bool stop;
	pthread_t t;
	bool started;
};

static void *hash_inputs(void *arg)
{
	struct hasher *h = arg;
	for (int k = 0; k < IMPORT__MAX; k++) {
		h->hex[k][0] = '\0';
		if (!h->paths[k])
			continue;
		if (h->o->data[k])
			audit_sha256_hex(h->o->data[k], h->o->size[k], h->hex[k]);
		else if (audit_sha256_file(h->paths[k], h->hex[k], &h->stop) != ERR_OK)
			h->hex[k][0] = '\0';
	}
	return NULL;
}

static void hasher_start(struct hasher *h, const char *const paths[IMPORT__MAX], const struct import_opts *o)
{
	memset(h, 0, sizeof(*h));
	h->paths = paths;
	h->o = o;
	h->started = pthread_create(&h->t, NULL, hash_inputs, h) == 0;
}

/* Waits for the hashes (taking them here if no thread could start);
 * with cancel, only ends the thread. */
static void hasher_finish(struct hasher *h, bool cancel)
{
	if (cancel)
		__atomic_store_n(&h->stop, true, __ATOMIC_RELAXED);
	if (h->started)
		pthread_join(h->t, NULL);
	else if (!cancel)
		hash_inputs(h);
	h->started = false;
}

/* Wall-clock phase timings for --timings. */
static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void phase_end(const struct import_opts *o, const char *name, double *since)
{
	if (!o->phase)
		return;
	double t = now_s();
	o->phase(o->progress_arg, name, t - *since);
	*since = t;
}

static int64_t count_of(struct store *st, enum stmt id)
{
	struct store_stmt *s = store_stmt(st, id);
	bool row;
	int64_t n = 0;
	if (stmt_step(s, &row) == ERR_OK && row) {
		n = stmt_col_int(s, 0);
		stmt_step(s, &row);
	}
	return n;
}

enum err import_files(struct store *st, const char *const paths[IMPORT__MAX], const struct import_opts *o,
		      struct import_stats *stats, struct diag_list *dl)
{
	/* Standard input is read whole (unless only checking) so that the
	 * audit record can carry its hash. */
	struct import_opts lo = *o;
	struct buf in[IMPORT__MAX];
	for (int k = 0; k < IMPORT__MAX; k++) {
		buf_init(&in[k], 0);
		if (!o->dry_run && paths[k] && !o->data[k] && strcmp(paths[k], "-") == 0) {
			char block[65536];
			size_t got;
			while ((got = fread(block, 1, sizeof(block), stdin)) > 0)
				buf_add(&in[k], block, got);
			lo.data[k] = in[k].ptr;
			lo.size[k] = in[k].len;
		}
	}
	o = &lo;
	struct importer im = {.o = o, .dl = dl, .stats = stats};
	memset(stats, 0, sizeof(*stats));
	/* Members into an empty database: a bulk load (store.h). */
	double t0 = now_s();
	bool fresh = count_of(st, STMT_MEMBER_COUNT) == 0;
	bool bulk = fresh && paths[IMPORT_MEMBERS] && !o->dry_run;
	enum err e = bulk ? store_bulk_begin(st) : store_begin(st);
	if (e) {
		for (int k = 0; k < IMPORT__MAX; k++)
			buf_free(&in[k]);
		return e;
	}
	struct hasher hasher;
	if (!o->dry_run)
		hasher_start(&hasher, paths, o);
	if (fresh && count_of(st, STMT_MEMBER_COUNT) != 0) {
		diag_add(dl, NULL, 0, NULL, "another import wrote members at the same time: try again");
		e = ERR_CONFLICT;
	}
	if (!e)
		e = registry_open(st, &im.reg, dl);
	phase_end(o, "open", &t0);
	bool tree_changed = false;
	if (!e && paths[IMPORT_ORGS]) {
		e = import_orgs(&im, paths[IMPORT_ORGS]);
		tree_changed = true;
		phase_end(o, "orgs", &t0);
	}
	if (!e && paths[IMPORT_ORG_EVENTS]) {
		e = import_org_events(&im, paths[IMPORT_ORG_EVENTS]);
		tree_changed = true;
		phase_end(o, "org_events", &t0);
	}
	if (!e && tree_changed) {
		const char *of = paths[IMPORT_ORGS] ? paths[IMPORT_ORGS] : "(database) orgs";
		const char *ef = paths[IMPORT_ORG_EVENTS] ? paths[IMPORT_ORG_EVENTS] : "(database) org_events";
		e = tree_derive(&im.reg.tree, of, ef, dl);
		if (!e)
			e = registry_save_tree(&im.reg);
		if (!e && !fresh)
			e = registry_recheck_members(&im.reg, dl);
		phase_end(o, "tree", &t0);
	}
	struct pending pend;
	pending_init(&pend);
	if (!e && paths[IMPORT_EVENTS]) {
		e = parse_events(&im, paths[IMPORT_EVENTS], &pend);
		phase_end(o, "events (read)", &t0);
	}
	if (!e && paths[IMPORT_MEMBERS]) {
		e = import_members(&im, paths[IMPORT_MEMBERS], fresh, &pend);
		phase_end(o, "members (and their events)", &t0);
	}
	if (!e && paths[IMPORT_EVENTS]) {
		e = apply_events(&im, &pend, fresh);
		phase_end(o, "events of members already stored", &t0);
	}
	pending_free(&pend);
	if (!e && diag_count(dl))
		e = ERR_INPUT;
	if (!o->dry_run)
		hasher_finish(&hasher, e != ERR_OK);
	if (!e && !o->dry_run) {
		e = audit_import(st, paths, (const char(*)[AUDIT_HASH_HEX])hasher.hex, stats);
		phase_end(o, "audit", &t0);
	}
	if (!e && !o->dry_run) {
		if (bulk) {
			e = store_bulk_indexes(st);
			phase_end(o, "indexes", &t0);
		}
		if (!e)
			e = bulk ? store_bulk_commit(st) : store_commit(st);
		else
			store_bulk_rollback(st);
		phase_end(o, "commit", &t0);
	} else if (bulk)
		store_bulk_rollback(st);
	else
		store_rollback(st);
	registry_close(&im.reg);
	for (int k = 0; k < IMPORT__MAX; k++)
		buf_free(&in[k]);
	return e;
}
