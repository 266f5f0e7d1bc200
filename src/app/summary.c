/* summary: the yearly summary report written from the data (summary.h).
 *
 * Each section runs the reports it needs through report_run, reads the
 * organization's own row (depth 0) of each indicator, and writes sentences
 * around the figures. A clause is written only when its figure is there:
 * an indicator the run did not produce, a report that could not run for
 * that year, or a zero where zero means "not recorded" (women, ethnic
 * minorities, religious members, events of the year) leaves it out. */
#include "app/summary.h"

#include <stdlib.h>
#include <string.h>

#include "app/report.h"
#include "core/numfmt.h"
#include "core/xalloc.h"
#include "domain/org.h"

#define PREC 2 /* decimals of percentages, as the seeds print them (15,38%) */

/* The figures of one report run; ok false when it could not run. */
struct figs {
	bool ok;
	struct report_result r;
};

struct ctx {
	const struct snapshot *snap;
	struct store *st;
	const struct summary_request *rq;
	int32_t root;
	date_t end, prev_end, from, prev_from; /* the year (to the as-of day) and the year before */
	const char *name;                       /* the organization's name at the end of the year */
	struct doc *d;
	struct buf *msg;
	int sections;                           /* headings written so far */
};

/* Appends the next section heading, numbered "I.", "II.", ... in the order
 * written (a section with nothing to say has no number). */
static void heading(struct ctx *c, const char *text)
{
	static const char *const roman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII"};
	char *h = xasprintf("%s. %s", roman[c->sections++ % 8], text);
	doc_heading(c->d, h);
	free(h);
}

/* Runs a report for the organization. An organization that did not exist
 * that day, or a report that refuses the request, leaves f->ok false;
 * failures of the store are returned. */
static enum err run(struct ctx *c, const char *report, date_t as_of, date_t from, date_t to, const char *term,
		    const char *period, struct figs *f)
{
	struct report_request rq = {
		.report = report, .org = c->rq->org, .as_of = as_of, .from = from, .to = to,
		.depth = 0, .precision = PREC, .today = c->rq->today, .threads = 0,
		.term = term, .period = period,
	};
	struct buf m;
	buf_init(&m, 0);
	memset(f, 0, sizeof(*f));
	enum err e = report_run(c->snap, c->st, &rq, &f->r, &m);
	f->ok = e == ERR_OK;
	if (e == ERR_STORE || e == ERR_IO) {
		buf_addf(c->msg, "report %s: %s", report, buf_str(&m));
		buf_free(&m);
		return e;
	}
	buf_free(&m);
	return ERR_OK;
}

static void figs_free(struct figs *f)
{
	if (f->ok)
		report_result_free(&f->r);
	f->ok = false;
}

/* The organization's own count of an indicator, or -1 when not there. */
static int64_t get(const struct figs *f, const char *ind)
{
	if (!f->ok)
		return -1;
	const struct report_table *t = &f->r.table;
	for (size_t i = 0; i < t->nrows; i++)
		if (t->rows[i].depth == 0 && strcmp(t->rows[i].indicator, ind) == 0)
			return t->rows[i].count;
	return -1;
}

static void add_n(struct buf *b, int64_t n)
{
	numfmt_int(b, n);
}

static void add_pct(struct buf *b, int64_t n, int64_t base)
{
	numfmt_percent_text(b, n, base, PREC);
}

/* Appends ", " between clauses of a list being built in b from mark on. */
static void sep(struct buf *b, size_t mark, const char *s)
{
	if (b->len > mark)
		buf_adds(b, s);
}

static void para(struct ctx *c, struct buf *b)
{
	doc_para(c->d, buf_str(b));
	buf_reset(b);
}

/* ---- I. organizations ---- */

static enum err orgs_section(struct ctx *c, struct buf *b, const char *day)
{
	struct figs now, prev;
	enum err e = run(c, "orgs", c->end, DATE_NONE, DATE_NONE, NULL, NULL, &now);
	if (!e)
		e = run(c, "orgs", c->prev_end, DATE_NONE, DATE_NONE, NULL, NULL, &prev);
	if (e) {
		figs_free(&now);
		return e;
	}
	int64_t base = get(&now, "base"), bc = get(&now, "base_committee"), bcell = get(&now, "base_cell");
	int64_t cell = get(&now, "cell"), sub = get(&now, "sub_committee"), pbase = get(&prev, "base");
	/* the report counts the organization itself: the section speaks of
	 * the organizations under it */
	switch ((enum org_kind)c->snap->orgs[c->root].kind) {
	case ORG_BASE_COMMITTEE:
		base--, bc--, pbase--;
		break;
	case ORG_BASE_CELL:
		base--, bcell--, pbase--;
		break;
	case ORG_CELL:
		cell--;
		break;
	case ORG_SUB_COMMITTEE:
		sub--;
		break;
	default:
		break;
	}
	if (base > 0 || cell > 0) {
		heading(c, "CÔNG TÁC XÂY DỰNG TỔ CHỨC CƠ SỞ ĐẢNG");
		buf_addf(b, "Đến ngày %s, %s có ", day, c->name);
		if (base > 0) {
			add_n(b, base);
			buf_adds(b, " tổ chức cơ sở đảng");
			if (bc > 0 && bcell > 0) {
				buf_adds(b, " (");
				add_n(b, bc);
				buf_adds(b, " đảng bộ cơ sở, ");
				add_n(b, bcell);
				buf_adds(b, " chi bộ cơ sở)");
			}
			if (pbase > 0 && pbase != base) {
				buf_addf(b, ", %s ", base > pbase ? "tăng" : "giảm");
				add_n(b, base > pbase ? base - pbase : pbase - base);
				buf_adds(b, " tổ chức so với năm trước");
			}
		}
		if (cell > 0) {
			buf_adds(b, base > 0 ? "; " : "");
			add_n(b, cell);
			buf_adds(b, " chi bộ trực thuộc đảng ủy cơ sở");
		}
		if (sub > 0) {
			buf_adds(b, " và ");
			add_n(b, sub);
			buf_adds(b, " đảng bộ bộ phận");
		}
		buf_adds(b, ".");
		para(c, b);
	}
	figs_free(&now);
	figs_free(&prev);
	return ERR_OK;
}

/* ---- II. members ---- */

/* "2.517 đảng viên (2.447 chính thức, 70 dự bị), tăng 70 đảng viên (2,86%)
 * so với năm trước; ..." */
static void composition(struct ctx *c, struct buf *b, const char *day, const struct figs *now,
			const struct figs *prev)
{
	int64_t total = get(now, "total"), off = get(now, "official"), prob = get(now, "probationary");
	int64_t ptotal = get(prev, "total");
	if (total <= 0)
		return;
	buf_addf(b, "Tính đến ngày %s, %s có ", day, c->name);
	add_n(b, total);
	buf_adds(b, " đảng viên");
	if (off > 0 && prob > 0) {
		buf_adds(b, " (");
		add_n(b, off);
		buf_adds(b, " đảng viên chính thức, ");
		add_n(b, prob);
		buf_adds(b, " đảng viên dự bị)");
	}
	if (ptotal > 0) {
		if (total == ptotal) {
			buf_adds(b, ", bằng năm trước");
		} else {
			int64_t diff = total > ptotal ? total - ptotal : ptotal - total;
			buf_addf(b, ", %s ", total > ptotal ? "tăng" : "giảm");
			add_n(b, diff);
			buf_adds(b, " đảng viên (");
			add_pct(b, diff, ptotal);
			buf_adds(b, ") so với năm trước");
		}
	}
	static const struct {
		const char *ind, *words;
	} parts[] = {
		{"female", "đảng viên nữ"},
		{"ethnic_minority", "đảng viên là người dân tộc thiểu số"},
		{"religious", "đảng viên có tôn giáo"},
	};
	size_t mark = b->len;
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		int64_t n = get(now, parts[i].ind);
		if (n <= 0)
			continue;
		buf_adds(b, b->len > mark ? ", " : "; trong đó ");
		buf_addf(b, "%s ", parts[i].words);
		add_n(b, n);
		buf_adds(b, " đồng chí (");
		add_pct(b, n, total);
		buf_adds(b, ")");
	}
	buf_adds(b, ".");
	para(c, b);
}

static void admissions(struct ctx *c, struct buf *b, const struct figs *yr, const struct figs *pyr)
{
	int y = c->rq->year;
	int64_t adm = get(yr, "admitted"), target = get(yr, "admission_target"), padm = get(pyr, "admitted");
	if (adm > 0) {
		buf_addf(b, "Trong năm %d, kết nạp ", y);
		add_n(b, adm);
		buf_adds(b, " đảng viên mới");
		if (target > 0) {
			buf_adds(b, ", đạt ");
			add_pct(b, adm, target);
			buf_adds(b, " chỉ tiêu (");
			add_n(b, target);
			buf_adds(b, " đảng viên)");
		}
		if (padm > 0) {
			if (padm == adm) {
				buf_adds(b, ", bằng năm trước");
			} else {
				int64_t diff = adm > padm ? adm - padm : padm - adm;
				buf_addf(b, ", %s ", adm > padm ? "tăng" : "giảm");
				add_n(b, diff);
				buf_adds(b, " đảng viên (");
				add_pct(b, diff, padm);
				buf_addf(b, ") so với năm %d", y - 1);
			}
		}
		buf_adds(b, ".");
		para(c, b);
	}
	int64_t rec = get(yr, "recognized");
	if (rec > 0) {
		buf_adds(b, "Xét, công nhận đảng viên chính thức cho ");
		add_n(b, rec);
		buf_adds(b, " đồng chí.");
		para(c, b);
	}
	/* movements and exits of the year (rules.md §7.2) */
	static const struct {
		const char *ind, *words;
	} moves[] = {
		{"transferred_in", "chuyển sinh hoạt đảng đến"},
		{"transferred_out", "chuyển sinh hoạt đảng đi"},
		{"readmitted", "kết nạp lại"},
		{"restored", "khôi phục đảng tịch"},
		{"removed", "xóa tên"},
		{"expelled", "khai trừ"},
		{"left", "cho ra khỏi Đảng"},
		{"died", "từ trần"},
	};
	buf_addf(b, "Trong năm %d, ", y);
	size_t mark = b->len;
	for (size_t i = 0; i < sizeof(moves) / sizeof(moves[0]); i++) {
		int64_t n = get(yr, moves[i].ind);
		if (n <= 0)
			continue;
		sep(b, mark, "; ");
		if (strcmp(moves[i].ind, "died") == 0) {
			add_n(b, n);
			buf_adds(b, " đảng viên từ trần");
		} else {
			buf_addf(b, "%s ", moves[i].words);
			add_n(b, n);
			buf_adds(b, " đảng viên");
		}
	}
	if (b->len > mark) {
		buf_adds(b, ".");
		para(c, b);
	}
	buf_reset(b);
}

static enum err badges(struct ctx *c, struct buf *b)
{
	struct figs f;
	enum err e = run(c, "badges", c->end, c->from, c->end, NULL, NULL, &f);
	if (e)
		return e;
	static const int years[] = {30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90};
	int64_t total = 0;
	for (size_t i = 0; i < sizeof(years) / sizeof(years[0]); i++) {
		char ind[16];
		snprintf(ind, sizeof(ind), "badge_%d", years[i]);
		int64_t n = get(&f, ind);
		if (n > 0)
			total += n;
	}
	if (total > 0) {
		buf_addf(b, "Trong năm %d, có ", c->rq->year);
		add_n(b, total);
		buf_adds(b, " đảng viên đủ tuổi Đảng để được xét tặng Huy hiệu Đảng, gồm: ");
		size_t mark = b->len;
		for (size_t i = 0; i < sizeof(years) / sizeof(years[0]); i++) {
			char ind[16];
			snprintf(ind, sizeof(ind), "badge_%d", years[i]);
			int64_t n = get(&f, ind);
			if (n <= 0)
				continue;
			sep(b, mark, ", ");
			add_n(b, n);
			buf_addf(b, " đồng chí Huy hiệu %d năm tuổi Đảng", years[i]);
		}
		buf_adds(b, " (QĐ 294-QĐ/TW §28).");
		para(c, b);
	}
	figs_free(&f);
	return ERR_OK;
}

static enum err members_section(struct ctx *c, struct buf *b, const char *day)
{
	struct figs now = {0}, prev = {0}, yr = {0}, pyr = {0};
	enum err e = run(c, "members", c->end, DATE_NONE, DATE_NONE, NULL, NULL, &now);
	if (!e)
		e = run(c, "members", c->prev_end, DATE_NONE, DATE_NONE, NULL, NULL, &prev);
	if (!e)
		e = run(c, "members", c->end, c->from, c->end, NULL, NULL, &yr);
	if (!e)
		e = run(c, "members", c->prev_end, c->prev_from, c->prev_end, NULL, NULL, &pyr);
	if (!e) {
		size_t before = c->d->nblocks;
		heading(c, "CÔNG TÁC ĐẢNG VIÊN");
		size_t start = c->d->nblocks;
		composition(c, b, day, &now, &prev);
		admissions(c, b, &yr, &pyr);
		e = badges(c, b);
		if (!e && c->d->nblocks == start) {
			/* nothing to say: drop the heading */
			free(c->d->blocks[before].text);
			c->d->nblocks = before;
			c->sections--;
		}
	}
	figs_free(&now);
	figs_free(&prev);
	figs_free(&yr);
	figs_free(&pyr);
	return e;
}

/* ---- III. quality ratings (QĐ 366-QĐ/TW Điều 11) ---- */

static void levels(struct buf *b, const struct figs *f, const char *prefix, int64_t rated)
{
	static const struct {
		const char *suffix, *words;
	} lv[] = {
		{"excellent", "hoàn thành xuất sắc nhiệm vụ"},
		{"good", "hoàn thành tốt nhiệm vụ"},
		{"completed", "hoàn thành nhiệm vụ"},
		{"failed", "không hoàn thành nhiệm vụ"},
	};
	size_t mark = b->len;
	for (size_t i = 0; i < 4; i++) {
		char ind[32];
		snprintf(ind, sizeof(ind), "%s_%s", prefix, lv[i].suffix);
		int64_t n = get(f, ind);
		if (n < 0)
			continue;
		sep(b, mark, "; ");
		buf_addf(b, "%s ", lv[i].words);
		add_n(b, n);
		buf_adds(b, " (");
		add_pct(b, n, rated);
		buf_adds(b, ")");
	}
}

/* Excellent and good over rated, or -1. */
static bool good_share(const struct figs *f, const char *prefix, int64_t *num, int64_t *den)
{
	char a[32], g[32], r[32];
	snprintf(a, sizeof(a), "%s_excellent", prefix);
	snprintf(g, sizeof(g), "%s_good", prefix);
	snprintf(r, sizeof(r), "%s_rated", prefix);
	int64_t ex = get(f, a), gd = get(f, g), rt = get(f, r);
	if (rt <= 0 || ex < 0 || gd < 0)
		return false;
	*num = ex + gd;
	*den = rt;
	return true;
}

static void compare_share(struct ctx *c, struct buf *b, const struct figs *now, const struct figs *prev,
			  const char *prefix, const char *who)
{
	int64_t n1, d1, n0, d0;
	if (!good_share(now, prefix, &n1, &d1) || !good_share(prev, prefix, &n0, &d0))
		return;
	struct buf p0, p1;
	buf_init(&p0, 0);
	buf_init(&p1, 0);
	add_pct(&p0, n0, d0);
	add_pct(&p1, n1, d1);
	buf_addf(b, " Tỷ lệ %s hoàn thành tốt nhiệm vụ trở lên là %s", who, buf_str(&p1));
	/* compare the rounded shares as printed, so the words match the figures */
	int64_t s0, s1;
	numfmt_percent_scaled(n0, d0, PREC, &s0);
	numfmt_percent_scaled(n1, d1, PREC, &s1);
	if (s1 == s0)
		buf_addf(b, ", bằng năm %d.", c->rq->year - 1);
	else
		buf_addf(b, ", %s so với năm %d (%s).", s1 > s0 ? "tăng" : "giảm", c->rq->year - 1, buf_str(&p0));
	buf_free(&p0);
	buf_free(&p1);
}

static enum err ratings_section(struct ctx *c, struct buf *b)
{
	char period[16], pperiod[16];
	snprintf(period, sizeof(period), "%d", c->rq->year);
	snprintf(pperiod, sizeof(pperiod), "%d", c->rq->year - 1);
	struct figs now, prev = {0};
	enum err e = run(c, "ratings", c->end, DATE_NONE, DATE_NONE, NULL, period, &now);
	if (!e)
		e = run(c, "ratings", c->prev_end, DATE_NONE, DATE_NONE, NULL, pperiod, &prev);
	if (e) {
		figs_free(&now);
		return e;
	}
	int64_t orated = get(&now, "org_rated"), mrated = get(&now, "member_rated");
	int64_t listed = get(&now, "collective_listed"), selfc = get(&now, "self_review_collective");
	int64_t selfi = get(&now, "self_review_individual");
	if (orated > 0 || mrated > 0) {
		heading(c, "KẾT QUẢ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG");
		if (orated > 0) {
			buf_addf(b, "Kết quả đánh giá, xếp loại chất lượng năm %d: có ", c->rq->year);
			add_n(b, orated);
			buf_adds(b, " tổ chức cơ sở đảng được đánh giá, xếp loại, trong đó ");
			levels(b, &now, "org", orated);
			buf_adds(b, ".");
			compare_share(c, b, &now, &prev, "org", "tổ chức cơ sở đảng");
			para(c, b);
		}
		if (mrated > 0) {
			buf_adds(b, "Về đảng viên: ");
			add_n(b, mrated);
			buf_adds(b, " đảng viên được đánh giá, xếp loại, trong đó ");
			levels(b, &now, "member", mrated);
			buf_adds(b, ".");
			compare_share(c, b, &now, &prev, "member", "đảng viên");
			para(c, b);
		}
		size_t mark = b->len;
		if (listed > 0 && selfc >= 0) {
			buf_adds(b, "Về kiểm điểm: ");
			add_n(b, selfc);
			buf_adds(b, "/");
			add_n(b, listed);
			buf_adds(b, " tập thể (");
			add_pct(b, selfc, listed);
			buf_adds(b, ")");
		}
		if (mrated > 0 && selfi >= 0) {
			buf_adds(b, b->len > mark ? " và " : "Về kiểm điểm: ");
			add_n(b, selfi);
			buf_adds(b, "/");
			add_n(b, mrated);
			buf_adds(b, " đảng viên (");
			add_pct(b, selfi, mrated);
			buf_adds(b, ")");
		}
		if (b->len > mark) {
			buf_adds(b, " đã tham gia kiểm điểm.");
			para(c, b);
		}
	}
	figs_free(&now);
	figs_free(&prev);
	return ERR_OK;
}

/* ---- IV. congresses ---- */

static enum err congress_section(struct ctx *c, struct buf *b, const char *day)
{
	int y = c->rq->year;
	char cand[2][32];
	const char *terms[2] = {c->rq->term, NULL};
	int nterms = 1;
	if (!c->rq->term) {
		snprintf(cand[0], sizeof(cand[0]), "%d-%d", y, y + 5);
		snprintf(cand[1], sizeof(cand[1]), "%d-%d", y + 1, y + 6);
		terms[0] = cand[0];
		terms[1] = cand[1];
		nterms = 2;
	}
	struct figs f = {0};
	const char *term = NULL;
	for (int i = 0; i < nterms && !term; i++) {
		enum err e = run(c, "congress", c->end, DATE_NONE, DATE_NONE, terms[i], NULL, &f);
		if (e)
			return e;
		if (get(&f, "planned") > 0)
			term = terms[i];
		else
			figs_free(&f);
	}
	if (!term)
		return ERR_OK;
	int64_t planned = get(&f, "planned"), held = get(&f, "held");
	heading(c, "CÔNG TÁC ĐẠI HỘI ĐẢNG BỘ CÁC CẤP");
	buf_addf(b, "Đại hội đảng bộ các cấp nhiệm kỳ %s: đến ngày %s, đã tổ chức ", term, day);
	add_n(b, held > 0 ? held : 0);
	buf_adds(b, "/");
	add_n(b, planned);
	buf_adds(b, " đại hội theo kế hoạch (");
	add_pct(b, held > 0 ? held : 0, planned);
	buf_adds(b, ")");
	static const struct {
		const char *kind, *words;
	} kinds[] = {
		{"upper", "đảng bộ cấp trên cơ sở"},
		{"base", "tổ chức cơ sở đảng"},
		{"sub_committee", "đảng bộ bộ phận"},
		{"cell", "chi bộ trực thuộc"},
	};
	size_t mark = b->len;
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		char pi[32], hi[32];
		snprintf(pi, sizeof(pi), "planned_%s", kinds[i].kind);
		snprintf(hi, sizeof(hi), "held_%s", kinds[i].kind);
		int64_t p = get(&f, pi), h = get(&f, hi);
		if (p <= 0 || h < 0)
			continue;
		buf_adds(b, b->len > mark ? ", " : ", trong đó ");
		buf_addf(b, "%s ", kinds[i].words);
		add_n(b, h);
		buf_adds(b, "/");
		add_n(b, p);
		buf_adds(b, " (");
		add_pct(b, h, p);
		buf_adds(b, ")");
	}
	buf_adds(b, ".");
	int64_t direct = get(&f, "direct_secretary"), seats = get(&f, "committee_seats");
	int64_t female = get(&f, "committee_female");
	if (direct > 0) {
		buf_adds(b, " Có ");
		add_n(b, direct);
		buf_adds(b, " đại hội bầu trực tiếp bí thư tại đại hội.");
	}
	if (seats > 0 && female > 0) {
		buf_adds(b, " Cấp ủy viên nữ trúng cử ");
		add_n(b, female);
		buf_adds(b, "/");
		add_n(b, seats);
		buf_adds(b, " (");
		add_pct(b, female, seats);
		buf_adds(b, ").");
	}
	para(c, b);
	figs_free(&f);
	return ERR_OK;
}

/* ---- the document ---- */

/* Who signs for the organization (documents.md §8: T/M for a collective). */
static const char *authority(enum org_kind k)
{
	switch (k) {
	case ORG_CENTRAL:
		return "T/M BAN CHẤP HÀNH TRUNG ƯƠNG";
	case ORG_PROVINCE:
	case ORG_UPPER:
		return "T/M BAN THƯỜNG VỤ";
	case ORG_BASE_COMMITTEE:
	case ORG_SUB_COMMITTEE:
		return "T/M ĐẢNG ỦY";
	default:
		return "T/M CHI BỘ";
	}
}

enum err summary_build(const struct snapshot *snap, struct store *st, const struct summary_request *rq,
		       struct doc *d, struct buf *msg)
{
	date_t today = rq->today != DATE_NONE ? rq->today : date_today();
	int ty, tm, td;
	date_to_ymd(today, &ty, &tm, &td);
	if (rq->year < 1930 || rq->year > ty) {
		buf_addf(msg, "the year must be from 1930 to %d, not %d", ty, rq->year);
		return ERR_USAGE;
	}
	int32_t root = snap_find(snap, rq->org);
	if (root == SNAP_NONE) {
		buf_addf(msg, "no organization with code '%s'", rq->org);
		return ERR_NOTFOUND;
	}
	struct ctx c = {.snap = snap, .st = st, .rq = rq, .root = root, .d = d, .msg = msg};
	c.end = date_from_ymd(rq->year, 12, 31);
	if (c.end > today)
		c.end = today;
	c.from = date_from_ymd(rq->year, 1, 1);
	c.prev_end = date_from_ymd(rq->year - 1, 12, 31);
	c.prev_from = date_from_ymd(rq->year - 1, 1, 1);
	if (!snap_exists(snap, root, c.end)) {
		char day[11];
		date_format_vn(c.end, day);
		buf_addf(msg, "the organization %s did not exist on %s", rq->org, day);
		return ERR_INPUT;
	}
	c.name = snap_name_at(snap, root, c.end);
	struct summary_request req = *rq;
	req.today = today;
	c.rq = &req;

	/* header, title (documents.md §§3–6) */
	/* the superior body's line: none under the whole Party, whose name is
	 * the document's first line already */
	int32_t parent = snap_parent_at(snap, root, c.end);
	if (parent != SNAP_NONE && snap->orgs[parent].kind != ORG_CENTRAL)
		doc_set(&d->header.superior, snap_name_at(snap, parent, c.end));
	doc_set(&d->header.issuer, c.name);
	doc_set(&d->header.number, rq->number ? rq->number : "Số     -BC/     ");
	doc_set(&d->header.place, rq->place);
	d->header.date = today;
	doc_set(&d->type, "Báo cáo");
	struct buf b;
	buf_init(&b, 0);
	buf_addf(&b, "Kết quả công tác tổ chức xây dựng Đảng năm %d", rq->year);
	doc_set(&d->summary, buf_str(&b));
	buf_reset(&b);
	buf_addf(&b, "Thực hiện nhiệm vụ công tác tổ chức xây dựng Đảng năm %d, %s báo cáo kết quả như sau:",
		 rq->year, c.name);
	para(&c, &b);

	char day[11];
	date_format_vn(c.end, day);
	size_t start = d->nblocks;
	enum err e = orgs_section(&c, &b, day);
	if (!e)
		e = members_section(&c, &b, day);
	if (!e)
		e = ratings_section(&c, &b);
	if (!e)
		e = congress_section(&c, &b, day);
	if (e) {
		buf_free(&b);
		return e;
	}
	if (d->nblocks == start) {
		buf_addf(&b, "Dữ liệu chưa có số liệu nào về công tác tổ chức xây dựng Đảng năm %d của %s.", rq->year,
			 c.name);
		para(&c, &b);
	}
	buf_addf(&b, "Trên đây là báo cáo kết quả công tác tổ chức xây dựng Đảng năm %d của %s.", rq->year, c.name);
	para(&c, &b);

	/* signature and recipients (§§8–9): signed by hand */
	doc_set(&d->authority, authority((enum org_kind)snap->orgs[root].kind));
	doc_set(&d->signer_title, "……………………");
	if (parent != SNAP_NONE) {
		buf_addf(&b, "- %s (để báo cáo),", snap_name_at(snap, parent, c.end));
		doc_recipient(d, buf_str(&b));
		buf_reset(&b);
	}
	doc_recipient(d, "- Lưu.");
	buf_free(&b);
	return ERR_OK;
}
