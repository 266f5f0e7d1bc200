/* report: the report engine (contract §3; design in docs/internals/reports.md).
 *
 * A report is a list of indicators counted for an organization and, with
 * a depth, for each organization down to that many levels below it, each
 * row covering its organization's whole subtree as the tree stood on the
 * as-of date. The engine knows no indicator: reports and their indicators
 * are entries of a catalogue (report_catalogue.c), so a module adds a
 * report, or an indicator to a report, by adding a table entry with the
 * function that counts it. The engine
 *   1. takes the tree of the as-of day from the snapshot (app/snapshot.h)
 *      and numbers the organization's subtree in pre-order, so that every
 *      organization's subtree is one range of positions [pos, end);
 *   2. places every member on the as-of day at the position of the
 *      organization they are in (after merges), if it is in the subtree;
 *   3. runs each indicator's counting function, which adds to a counter
 *      either per position (as of the as-of day) or per row (dated events:
 *      the rows whose subtree held the organization on the event's date);
 *   4. sums each row's range of positions, and pairs each count with the
 *      count of its base indicator (its denominator).
 * Counting functions read the context and write only their own counter,
 * so the engine may run them on several threads. Indicators that share a
 * batch function are counted together in one pass.
 *
 * Semantics (contract §2 "How history is read"): a member is counted on
 * day D when one of their membership spans holds D; official when their
 * first official day is on or before D; in an organization that merged
 * into another on or before D, in the one it merged into. A period
 * indicator (--from A --to B, both included) counts events dated in
 * [A, B] at organizations that were inside the row's subtree on the
 * event's date. */
#ifndef DANGBO_APP_REPORT_H
#define DANGBO_APP_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/snapshot.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/err.h"
#include "io/report_render.h"
#include "store/store.h"

struct report_ctx;
struct report_counter;
struct report_indicator;

/* Counts one indicator: adds to out (report_count_at / report_count_on /
 * report_row_add). Reads c only. */
typedef void (*report_count_fn)(const struct report_ctx *c, const struct report_indicator *ind,
				struct report_counter *out);
/* Counts several indicators in one pass: out[i] is the counter of inds[i].
 * The engine calls it once with every indicator of the run that names the
 * same batch function (one pass over 5.5 million members reads each
 * column once, where one pass per indicator would read them again and
 * again). Reads c only. */
typedef void (*report_batch_fn)(const struct report_ctx *c, const struct report_indicator *const *inds,
				struct report_counter *out, size_t n);

enum {
	REPORT_IND_PERIOD = 1u << 0, /* only when a period (--from/--to) is given */
};

struct report_indicator {
	const char *name;   /* in CSV/JSON: "female" */
	const char *label;  /* for people: "Đảng viên nữ" */
	const char *base;   /* the indicator whose count is the base, or NULL */
	report_count_fn count; /* counts it alone; or NULL when batch is set */
	const void *arg;    /* for count or batch */
	unsigned flags;     /* REPORT_IND_* */
	report_batch_fn batch; /* optional: counts it with the others of the same batch */
};

enum {
	REPORT_NEEDS_PERIOD = 1u << 0,  /* the report needs --from and --to */
	REPORT_USES_MEMBERS = 1u << 1,  /* place members on the as-of day before counting */
	REPORT_NEEDS_TERM = 1u << 2,    /* the report needs a congress term (--term, term=) */
	REPORT_NEEDS_ROUND = 1u << 3,   /* the report needs a review round or year (--period, period=) */
};

/* A growable list of indicators (for reports whose indicators depend on
 * the data, like one per category). */
struct report_indicator_list {
	struct report_indicator *v;
	size_t n, cap;
};
void report_indicator_list_add(struct report_indicator_list *l, const struct report_indicator *ind);

struct report_def {
	const char *name;   /* "members" */
	const char *title;  /* "Báo cáo số lượng và cơ cấu đảng viên" */
	const struct report_indicator *indicators; /* ended by an entry with name NULL */
	unsigned flags;     /* REPORT_NEEDS_*, REPORT_USES_MEMBERS */
	/* Optional: adds indicators known only from the data; strings it
	 * makes are kept with report_keep. */
	void (*more_indicators)(struct report_ctx *c, struct report_indicator_list *out);
	/* Optional: loads what the indicators need beyond the snapshot (from
	 * c->st, which is NULL when there is no store) into c->priv. Returns
	 * ERR_OK or an error with a message in msg. */
	enum err (*prepare)(struct report_ctx *c, struct buf *msg);
	void (*release)(struct report_ctx *c);
};

/* The catalogue: every report, ended by NULL (report_catalogue.c). */
extern const struct report_def *const report_catalogue[];
const struct report_def *report_find(const char *name);

/* What an indicator's counting function sees. Positions number the
 * subtree of the organization asked for, in pre-order on the as-of day:
 * position p is organization pos_org[p], its subtree is [p, pos_end[p]). */
struct report_ctx {
	const struct snapshot *snap;
	struct store *st;          /* NULL when the report runs without a store */
	const struct report_def *def;
	date_t as_of, today;
	bool period;               /* from/to given */
	date_t from, to;
	const char *term;          /* report_request.term */
	const char *rating_period; /* report_request.period */
	int32_t root;              /* the organization asked for */
	uint32_t npos;
	const int32_t *pos_org;    /* position -> organization */
	const int32_t *pos_end;    /* position -> end of its subtree */
	const int32_t *pos_depth;  /* position -> levels below the root */
	const int32_t *org_pos;    /* organization -> position, or -1 outside the subtree that day */
	/* member -> position of their organization on the as-of day, or -1
	 * (not a member that day, or outside the subtree); REPORT_USES_MEMBERS */
	const int32_t *member_pos;
	/* rows: positions whose depth is at most the depth asked for */
	size_t nrows;
	const int32_t *row_pos;    /* row -> position */
	const int32_t *org_row;    /* organization -> row, or -1 */
	void *priv;                /* the report's own data (prepare/release) */
	/* private */
	struct report_pool *pool;
};

/* Keeps a copy of s until the result is freed; returns the copy. */
const char *report_keep(struct report_ctx *c, const char *s);

/* Where a member was on day d: the organization of the membership span
 * holding d (not followed through merges), or SNAP_NONE. */
int32_t report_member_org_at(const struct snapshot *s, uint32_t member, date_t d);

/* The day a member's party age reaches years (QĐ 294-QĐ/TW §4.4): the
 * least d with add_months(decision + gap days before d, 12 years) <= d, for
 * the member's gaps g[0..n) (snapshot gaps, one member's). */
date_t report_badge_day(date_t decision, const struct snap_period *g, uint32_t n, int years);

/* ---- counters ---- */

struct report_counter {
	int64_t *pos;   /* per position: counted as of the as-of day */
	int64_t *row;   /* per row: added directly */
	const struct report_ctx *c;
};

/* Counts n at position p (an organization as of the as-of day). */
static inline void report_count_at(struct report_counter *k, int32_t p, int64_t n)
{
	k->pos[p] += n;
}

/* Counts per position for a report whose prepare reads rows from the store
 * (ratings, screening, degradation): slot s of at holds, per position, what
 * the indicator counting slot s adds. report_tally_new keeps it in c->priv;
 * report_tally_release (the report's release) frees it. */
struct report_tally {
	size_t n;
	int64_t *at[];
};
struct report_tally *report_tally_new(struct report_ctx *c, size_t nslots);
void report_tally_release(struct report_ctx *c);
/* Adds slot s of the tally in c->priv (none yet: nothing) to k. */
void report_tally_count(const struct report_ctx *c, size_t s, struct report_counter *k);
/* The loop of a member indicator: for every member m, adds 1 at the
 * position of their organization on the as-of day when cond (an expression
 * of m) holds; members not placed (not members that day, or outside the
 * subtree) count nowhere. cond is evaluated for every member, placed or
 * not, so it must be cheap and safe for any m < nmem. The loop keeps a
 * running count while consecutive members share a position (members are
 * stored organization by organization), so it has no unpredictable branch
 * and no store per member: about a millisecond per million members. */
#define REPORT_COUNT_MEMBERS(c, k, m, cond)                                                       \
	do {                                                                                      \
		const int32_t *mp_ = (c)->member_pos;                                             \
		int32_t cur_ = -1;                                                                \
		int64_t acc_ = 0;                                                                 \
		for (uint32_t m = 0; m < (c)->snap->nmem; m++) {                                  \
			int32_t p_ = mp_[m];                                                      \
			if (p_ != cur_) {                                                         \
				if (cur_ >= 0)                                                    \
					(k)->pos[cur_] += acc_;                                   \
				cur_ = p_;                                                        \
				acc_ = 0;                                                         \
			}                                                                         \
			acc_ += (cond) ? 1 : 0;                                                   \
		}                                                                                 \
		if (cur_ >= 0)                                                                    \
			(k)->pos[cur_] += acc_;                                                   \
	} while (0)

/* Counts n for something that happened at org on day d: added to every
 * row whose subtree held org on d (if org no longer existed on d, as on
 * the day of a merge, its place on d - 1 counts). */
void report_count_on(struct report_counter *k, int32_t org, date_t d, int64_t n);
/* Counts n for a move on day d from one organization to another: added
 * to the rows whose subtree held to but not from (a move into them);
 * swap the arguments for moves out of them. */
void report_count_move(struct report_counter *k, int32_t from, int32_t to, date_t d, int64_t n);
/* Adds n to row r directly. */
static inline void report_row_add(struct report_counter *k, size_t r, int64_t n)
{
	k->row[r] += n;
}

/* ---- running a report ---- */

struct report_request {
	const char *report;  /* "members" */
	const char *org;     /* the organization's code */
	date_t as_of;        /* DATE_NONE: today */
	date_t from, to;     /* DATE_NONE: no period */
	int depth;           /* >= 0 */
	int precision;       /* 0..6 */
	date_t today;        /* DATE_NONE: date_today() */
	int threads;         /* counting threads; 0: as many as there are processors, at most 4 */
	const char *term;    /* a congress term "2025-2030" (the congress report), or NULL */
	const char *period;  /* a review round "2024", "2025-Q3", "2020-2025" (the ratings report), or NULL */
};

struct report_result {
	struct report_table table;
	/* private */
	struct report_pool *pool;
};

/* Runs a report over snap (and st, for reports that read more; may be
 * NULL). The result borrows strings from snap: keep snap until the result
 * is freed. Errors, with a message in msg:
 *   ERR_USAGE    unknown report, bad depth or precision, a period the
 *                report needs is missing, from after to;
 *   ERR_NOTFOUND no organization with that code;
 *   ERR_INPUT    the organization did not exist on the as-of date;
 *   others from a report's prepare. */
enum err report_run(const struct snapshot *snap, struct store *st, const struct report_request *rq,
		    struct report_result *out, struct buf *msg);
/* The same for a report definition that need not be in the catalogue. */
enum err report_run_def(const struct snapshot *snap, struct store *st, const struct report_def *def,
			const struct report_request *rq, struct report_result *out, struct buf *msg);
void report_result_free(struct report_result *r);

#endif
