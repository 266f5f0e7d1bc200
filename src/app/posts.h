/* posts: the posts members hold over time (the cadre module; domain/post.h
 * for the kinds and the checks): recording a post, ending it, listing the
 * posts of a subtree, and posts.csv in and out (docs/cadres.md):
 *
 *   member_id,kind,org_code,unit,from,to,standing,ref
 *
 * kind is a post kind's English name or Vietnamese label; org_code the
 * party organization (for a state or mass post, the party organization of
 * the unit, whose name goes in unit); from and to are YYYY-MM-DD (dd/mm/yyyy
 * accepted), to empty while the post is held, and the first day it is no
 * longer held otherwise; standing yes/no (the holder sits on the standing
 * committee); ref the decision (số quyết định).
 *
 * Every check a write makes: the member exists and is a member of the
 * Party on the from date; from is before to; the member does not already
 * hold the same post at the same organization on a day of the period;
 * one secretary per organization at a time (post_rules, a configurable
 * default). Every write is one transaction with its audit record (entity
 * "post", key the member_id; "posts" and the file name for an import). */
#ifndef DANGBO_APP_POSTS_H
#define DANGBO_APP_POSTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/diag.h"
#include "core/err.h"
#include "domain/post.h"
#include "store/store.h"

/* One post as posts.csv and `post list` show it (strings owned). */
struct post_rec {
	char *member_id, *full_name, *org_code, *unit, *ref;
	enum post_kind kind;
	date_t from, to;     /* to = DATE_MAX while held */
	bool standing;
};

/* What post_add records (strings borrowed; unit and ref may be NULL). */
struct post_input {
	const char *member_id;
	enum post_kind kind;
	const char *org_code, *unit, *ref;
	date_t from, to;     /* to = DATE_MAX (or DATE_NONE) while held */
	bool standing;
};

struct post_opts {
	struct post_rules rules; /* post_opts_default: one secretary */
	bool dry_run;            /* import: check only */
};
void post_opts_default(struct post_opts *o);

/* Records a post. Errors, with the reason in msg: ERR_NOTFOUND (no such
 * member or organization), ERR_REFUSED (not a member on the from date,
 * dates out of order, an overlapping period of the same post, a second
 * secretary), ERR_STORE. */
enum err post_add(struct store *st, const struct post_input *in, const struct post_opts *o, struct buf *msg);

/* Ends the post of that kind the member holds at org on day d - 1 (the
 * period that holds on the day before d, or that starts on d is refused):
 * from d on it is not held. Errors: ERR_NOTFOUND (member, organization,
 * or no such post held then), ERR_REFUSED (d is not after its start),
 * ERR_STORE. */
enum err post_end(struct store *st, const char *member_id, enum post_kind kind, const char *org_code, date_t d,
		  struct buf *msg);

/* The posts at the organizations of org's subtree as it stood on as_of
 * (org NULL: all), held on as_of (DATE_NONE: every period), sorted by
 * organization code, kind, from date, member_id. *out is freed with
 * post_recs_free. Errors: ERR_NOTFOUND (org), ERR_STORE. */
enum err post_list(struct store *st, const char *org, date_t as_of, struct post_rec **out, size_t *n,
		   struct buf *msg);
void post_recs_free(struct post_rec *v, size_t n);

/* Imports posts.csv (format above): every problem as FILE:LINE:COLUMN in
 * dl and nothing written if there is any. A row with the same member,
 * kind, organization and from date as a stored post replaces it. *rows
 * receives the number of data rows. Returns ERR_OK, ERR_INPUT or
 * ERR_STORE. */
enum err posts_import(struct store *st, const char *path, const struct post_opts *o, struct diag_list *dl,
		      size_t *rows);

/* Writes posts.csv of post_list(org, as_of) to out, sorted by member_id,
 * kind, organization code and from date (byte order), so that export ->
 * import -> export is byte-identical. Errors: ERR_NOTFOUND, ERR_STORE,
 * ERR_IO; msg says why. */
enum err posts_export_csv(struct store *st, const char *org, date_t as_of, FILE *out, struct buf *msg);

#endif
