/* h_data: imports (the same validation and problem list as the CLI, one
 * transaction, one audit record) and exports of the interchange CSV files
 * (contract §2), limited to the caller's subtree. */
#include "http/http.h"

#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "app/export.h"
#include "app/import.h"
#include "app/posts.h"
#include "app/quality.h"
#include "app/scope.h"
#include "core/xalloc.h"
#include "store/store.h"

#define NAME_MAX_BYTES 128

struct upload {
	struct req *rq;
	struct buf part[IMPORT__MAX];
	char *name[IMPORT__MAX];
	bool seen[IMPORT__MAX];
	bool dry_run, ignore_unknown;
	char *bad;              /* the first unknown field */
};

/* A file name fit for messages: its last path component, valid UTF-8
 * without control characters, at most NAME_MAX_BYTES; else "<kind>.csv". */
static char *clean_name(const char *filename, enum import_kind k)
{
	const char *base = filename ? strrchr(filename, '/') : NULL;
	base = base ? base + 1 : filename;
	if (base && strrchr(base, '\\'))
		base = strrchr(base, '\\') + 1;
	if (!base || !*base || strlen(base) > NAME_MAX_BYTES || !text_valid_utf8(base, strlen(base), NULL) ||
	    strchr(base, '\n') || strchr(base, '\r') || strchr(base, '\t'))
		return xasprintf("%s.csv", import_kind_name(k));
	return xstrdup(base);
}

static bool flag_value(const char *data, size_t size)
{
	return !(size == 1 && data[0] == '0') && !(size == 5 && memcmp(data, "false", 5) == 0);
}

static enum MHD_Result on_part(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
			       const char *content_type, const char *transfer_encoding, const char *data, uint64_t off,
			       size_t size)
{
	struct upload *u = cls;
	enum import_kind k;
	if (import_kind_parse(key, &k)) {
		if (!u->seen[k]) {
			u->seen[k] = true;
			u->name[k] = clean_name(filename, k);
		}
		buf_add(&u->part[k], data, size);
		return MHD_YES;
	}
	if (strcmp(key, "dry_run") == 0) {
		u->dry_run = flag_value(data, size);
		return MHD_YES;
	}
	if (strcmp(key, "ignore_unknown") == 0) {
		u->ignore_unknown = flag_value(data, size);
		return MHD_YES;
	}
	if (!u->bad)
		u->bad = xstrdup(key);
	return MHD_YES;
}

static bool query_flag(struct req *rq, const char *name)
{
	const char *v = req_query(rq, name);
	return v && strcmp(v, "0") != 0 && strcmp(v, "false") != 0;
}

/* Collects the files of the request into u. */
static enum err read_upload(struct req *rq, struct upload *u)
{
	const char *ct = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
	const char *kinds = req_query(rq, "kinds");
	u->dry_run = query_flag(rq, "dry_run");
	u->ignore_unknown = query_flag(rq, "ignore_unknown");
	if (ct && strncasecmp(ct, "text/csv", 8) == 0) {
		enum import_kind k;
		if (!kinds || !import_kind_parse(kinds, &k))
			return req_fail(rq, ERR_INPUT, "a text/csv body is one file: name its kind with ?kinds= "
						       "(orgs, org_events, members or events)");
		u->seen[k] = true;
		u->name[k] = clean_name(req_query(rq, "name"), k);
		buf_add(&u->part[k], rq->body.ptr, rq->body.len);
		return ERR_OK;
	}
	struct MHD_PostProcessor *pp = MHD_create_post_processor(rq->conn, 64 * 1024, on_part, u);
	if (!pp)
		return req_fail(rq, ERR_INPUT, "the multipart/form-data body has no boundary");
	enum MHD_Result ok = MHD_post_process(pp, rq->body.ptr, rq->body.len);
	MHD_destroy_post_processor(pp);
	if (ok != MHD_YES)
		return req_fail(rq, ERR_INPUT, "the multipart/form-data body is malformed");
	if (u->bad)
		return req_fail(rq, ERR_INPUT, "unknown form field '%s' (the files are orgs, org_events, members, "
					       "events; the options dry_run, ignore_unknown)", u->bad);
	/* ?kinds= lists what must be there, if given */
	if (kinds) {
		char *list = xstrdup(kinds), *save = NULL;
		bool want[IMPORT__MAX] = {0};
		for (char *w = strtok_r(list, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
			enum import_kind k;
			if (!import_kind_parse(w, &k)) {
				enum err e = req_fail(rq, ERR_INPUT, "kinds: unknown kind '%s'", w);
				free(list);
				return e;
			}
			want[k] = true;
		}
		free(list);
		for (int k = 0; k < IMPORT__MAX; k++)
			if (want[k] != u->seen[k])
				return req_fail(rq, ERR_INPUT, "kinds names %s but the body %s a file of that kind",
						import_kind_name((enum import_kind)k), want[k] ? "has no" : "has");
	}
	return ERR_OK;
}

/* POST /api/v1/imports[?dry_run=1][&ignore_unknown=1][&kinds=K,...]
 * multipart/form-data with one file per kind (fields orgs, org_events,
 * members, events), or one text/csv file with ?kinds=KIND[&name=NAME].
 * Every row is checked; any problem (or anything outside the caller's
 * subtree) and nothing is imported: 400 (403) with every problem located
 * as file, line, column. A dry run only checks. */
enum err h_import(struct req *rq)
{
	struct upload u = {.rq = rq};
	for (int k = 0; k < IMPORT__MAX; k++)
		buf_init(&u.part[k], 0);
	enum err e = read_upload(rq, &u);
	bool any = false;
	for (int k = 0; k < IMPORT__MAX; k++)
		any |= u.seen[k];
	if (!e && !any)
		e = req_fail(rq, ERR_INPUT, "no file: send orgs, org_events, members or events");
	struct import_opts o = {.dry_run = u.dry_run, .ignore_unknown = u.ignore_unknown};
	const char *names[IMPORT__MAX] = {0};
	for (int k = 0; k < IMPORT__MAX; k++)
		if (u.seen[k]) {
			names[k] = u.name[k];
			o.data[k] = u.part[k].ptr;
			o.size[k] = u.part[k].len;
		}
	struct diag_list dl;
	diag_init(&dl);
	if (!e && !(e = req_tree(rq))) {
		e = scope_check_import(rq->reg, rq->scope, rq->today, names, &o, &dl);
		if (e == ERR_PERM)
			req_fail(rq, e, "the files name what is outside your part of the organization tree: "
					"nothing imported");
	}
	struct import_stats stats = {0};
	if (!e) {
		e = import_files(rq->w->st, names, &o, &stats, &dl);
		if (e == ERR_INPUT) {
			diag_sort(&dl);
			req_fail(rq, e, "%zu problem%s, nothing imported", diag_count(&dl), diag_count(&dl) == 1 ? "" : "s");
		} else if (e) {
			req_fail(rq, e, "%s", store_errmsg(rq->w->st));
		}
	}
	req_take_diag(rq, &dl);
	if (!e) {
		json_t *files = json_array();
		for (int k = 0; k < IMPORT__MAX; k++) {
			if (!u.seen[k])
				continue;
			char h[AUDIT_HASH_HEX];
			audit_sha256_hex(u.part[k].ptr, u.part[k].len, h);
			json_array_append_new(files, json_pack("{s:s, s:s, s:I, s:s}", "kind",
							       import_kind_name((enum import_kind)k), "name", u.name[k],
							       "rows", (json_int_t)stats.rows[k], "sha256", h));
		}
		rq->out = json_object();
		json_object_set_new(rq->out, "dry_run", json_boolean(u.dry_run));
		json_object_set_new(rq->out, "imported", json_boolean(!u.dry_run));
		json_object_set_new(rq->out, "files", files);
		if (!u.dry_run)
			rq->reg = NULL;
	}
	for (int k = 0; k < IMPORT__MAX; k++) {
		buf_free(&u.part[k]);
		free(u.name[k]);
	}
	free(u.bad);
	return e;
}

/* GET /api/v1/exports/{kind}?org=CODE&as_of=DATE: the CSV file of kind
 * (orgs, org_events, members, events, ratings) for org's subtree (the caller's
 * scope by default; the whole database for a caller whose scope is all of
 * it and who names no org). as_of other than today only for such callers:
 * a past subtree may hold what is outside the caller's part now. */
enum err h_export(struct req *rq)
{
	/* the interchange files (app/export.h), ratings.csv, posts.csv
	 * (app/posts.h), screening, residence and degradation (app/quality.h) */
	const char *kind = rq->params[0];
	enum import_kind k = IMPORT__MAX;
	enum quality_kind qk = QUALITY__MAX;
	bool ratings = strcmp(kind, "ratings") == 0, posts = strcmp(kind, "posts") == 0;
	if (!ratings && !posts && !import_kind_parse(kind, &k) && !quality_kind_parse(kind, &qk))
		return req_fail(rq, ERR_NOTFOUND,
				"no export '%s' (orgs, org_events, members, events, ratings, posts, screening, "
				"residence, degradation)",
				kind);
	enum err e = req_tree(rq);
	if (e)
		return e;
	bool everything = scope_is_everything(&rq->reg->tree, rq->scope, rq->today);
	struct export_opts o = {.org = req_query(rq, "org"), .as_of = DATE_NONE};
	if (req_query(rq, "as_of") && *req_query(rq, "as_of")) {
		if ((e = req_query_date(rq, "as_of", &o.as_of)))
			return e;
		if (!everything && o.as_of != rq->today)
			return req_fail(rq, ERR_PERM, "only a user whose part is the whole tree may export as of "
						      "another day than today");
	}
	if (!o.org && !everything)
		o.org = rq->sess.user.org;
	int org;
	if (o.org && (e = req_org(rq, o.org, &org)))
		return e;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	if (!f)
		return req_fail(rq, ERR_IO, "out of memory");
	char *msg = NULL;
	if (ratings) {
		e = export_ratings_csv(rq->w->st, &o, f, &msg);
	} else if (posts) {
		struct buf m;
		buf_init(&m, 0);
		e = posts_export_csv(rq->w->st, o.org, o.as_of, f, &m);
		if (e && m.len)
			msg = xstrdup(m.ptr);
		buf_free(&m);
	} else if (qk != QUALITY__MAX) {
		e = quality_export(rq->w->st, qk, o.org, o.as_of, f, &msg);
	} else {
		e = export_csv(rq->w->st, k, &o, f, &msg);
	}
	fclose(f);
	if (e) {
		free(text);
		e = req_fail(rq, e, "%s", msg ? msg : err_str(e));
		free(msg);
		return e;
	}
	free(msg);
	rq->raw = text;
	rq->rawlen = len;
	rq->ctype = "text/csv; charset=utf-8";
	char cd[96];
	snprintf(cd, sizeof(cd), "attachment; filename=\"%s.csv\"", kind);
	req_header(rq, "Content-Disposition", cd);
	return ERR_OK;
}
