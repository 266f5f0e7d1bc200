/* audit: appending to, reading and verifying the hash-chained audit log. */
#include "app/audit.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/record.h"
#include "core/buf.h"
#include "core/xalloc.h"

static const char zero_hash[] = "0000000000000000000000000000000000000000000000000000000000000000";

static void hex_of(const unsigned char *h, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[h[i] >> 4];
		out[2 * i + 1] = digits[h[i] & 15];
	}
	out[2 * n] = '\0';
}

void audit_sha256_hex(const void *data, size_t n, char out[AUDIT_HASH_HEX])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, data, n);
	hex_of(h, sizeof(h), out);
}

enum err audit_sha256_file(const char *path, char out[AUDIT_HASH_HEX], const bool *stop)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return ERR_IO;
	crypto_hash_sha256_state s;
	crypto_hash_sha256_init(&s);
	unsigned char *block = xmalloc(1 << 20);
	size_t n;
	bool stopped = false;
	while (!(stopped = stop && __atomic_load_n(stop, __ATOMIC_RELAXED)) && (n = fread(block, 1, 1 << 20, f)) > 0)
		crypto_hash_sha256_update(&s, block, n);
	bool bad = ferror(f) || stopped;
	fclose(f);
	free(block);
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_final(&s, h);
	hex_of(h, sizeof(h), out);
	return bad ? ERR_IO : ERR_OK;
}

/* "<length>:<bytes>," or "~," for NULL. */
static void canon_field(struct buf *b, const char *s)
{
	if (!s) {
		buf_adds(b, "~,");
		return;
	}
	size_t n = strlen(s);
	buf_addf(b, "%zu:", n);
	buf_add(b, s, n);
	buf_addch(b, ',');
}

/* The hash of a record given the previous hash (see audit.h). */
static void record_hash(const char *prev, int64_t id, const char *at, const char *actor, const char *action,
			const char *etype, const char *ekey, const char *before, const char *after,
			char out[AUDIT_HASH_HEX])
{
	struct buf b;
	buf_init(&b, 0);
	buf_adds(&b, prev);
	char ids[24];
	snprintf(ids, sizeof(ids), "%lld", (long long)id);
	canon_field(&b, ids);
	canon_field(&b, at);
	canon_field(&b, actor);
	canon_field(&b, action);
	canon_field(&b, etype);
	canon_field(&b, ekey);
	canon_field(&b, before);
	canon_field(&b, after);
	audit_sha256_hex(b.ptr, b.len, out);
	buf_free(&b);
}

static void utc_now(char out[21])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static bool is_data(const char *etype)
{
	return strcmp(etype, "member") == 0 || strcmp(etype, "org") == 0 || strcmp(etype, "import") == 0;
}

enum err audit_record(struct store *st, const char *action, const char *entity_type, const char *entity_key,
		      const char *before, const char *after)
{
	struct store_stmt *s = store_stmt(st, STMT_AUDIT_HEAD);
	bool row;
	enum err e = stmt_step(s, &row);
	if (e)
		return e;
	int64_t id = 1;
	char prev[AUDIT_HASH_HEX];
	memcpy(prev, zero_hash, sizeof(prev));
	if (row) {
		id = stmt_col_int(s, 0) + 1;
		const char *h = stmt_col_text(s, 1);
		snprintf(prev, sizeof(prev), "%s", h ? h : "");
		stmt_step(s, &row);
	}
	char at[21], hash[AUDIT_HASH_HEX];
	utc_now(at);
	const char *actor = store_actor(st);
	record_hash(prev, id, at, actor, action, entity_type, entity_key, before, after, hash);
	s = store_stmt(st, STMT_AUDIT_INSERT);
	stmt_bind_int(s, 1, id);
	stmt_bind_text(s, 2, at);
	stmt_bind_text(s, 3, actor);
	stmt_bind_text(s, 4, action);
	stmt_bind_text(s, 5, entity_type);
	stmt_bind_text(s, 6, entity_key);
	stmt_bind_text(s, 7, before);
	stmt_bind_text(s, 8, after);
	stmt_bind_text(s, 9, prev);
	stmt_bind_text(s, 10, hash);
	if ((e = stmt_exec(s)))
		return e;
	char head[96];
	snprintf(head, sizeof(head), "%lld %s", (long long)id, hash);
	s = store_stmt(st, STMT_META_SET);
	stmt_bind_text(s, 1, "audit_head");
	stmt_bind_text(s, 2, head);
	if ((e = stmt_exec(s)))
		return e;
	if (is_data(entity_type)) {
		s = store_stmt(st, STMT_META_BUMP);
		stmt_bind_text(s, 1, "generation");
		e = stmt_exec(s);
	}
	if (!e && strcmp(entity_type, "member") != 0 && is_data(entity_type)) {
		s = store_stmt(st, STMT_META_BUMP);
		stmt_bind_text(s, 1, "tree_generation");
		e = stmt_exec(s);
	}
	return e;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void read_rec(struct store_stmt *s, struct audit_rec *r)
{
	r->id = stmt_col_int(s, 0);
	r->at = dup_or_null(stmt_col_text(s, 1));
	r->actor = dup_or_null(stmt_col_text(s, 2));
	r->action = dup_or_null(stmt_col_text(s, 3));
	r->entity_type = dup_or_null(stmt_col_text(s, 4));
	r->entity_key = dup_or_null(stmt_col_text(s, 5));
	r->before = dup_or_null(stmt_col_text(s, 6));
	r->after = dup_or_null(stmt_col_text(s, 7));
	r->prev_hash = dup_or_null(stmt_col_text(s, 8));
	r->hash = dup_or_null(stmt_col_text(s, 9));
}

static void rec_release(struct audit_rec *r)
{
	free(r->at);
	free(r->actor);
	free(r->action);
	free(r->entity_type);
	free(r->entity_key);
	free(r->before);
	free(r->after);
	free(r->prev_hash);
	free(r->hash);
	memset(r, 0, sizeof(*r));
}

void audit_recs_free(struct audit_rec *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		rec_release(&v[i]);
	free(v);
}

static void bad(struct audit_check *res, int64_t id, const char *why)
{
	if (!res->first_bad) {
		res->first_bad = id;
		snprintf(res->why, sizeof(res->why), "%s", why);
	}
}

enum err audit_verify(struct store *st, struct audit_check *res)
{
	memset(res, 0, sizeof(*res));
	struct store_stmt *s = store_stmt(st, STMT_AUDIT_FROM);
	stmt_bind_int(s, 1, 0);
	char prev[AUDIT_HASH_HEX];
	memcpy(prev, zero_hash, sizeof(prev));
	int64_t want = 1;
	bool row;
	enum err e = ERR_OK;
	while (!res->first_bad && (e = stmt_step(s, &row)) == ERR_OK && row) {
		struct audit_rec r;
		read_rec(s, &r);
		res->checked++;
		char h[AUDIT_HASH_HEX];
		if (r.id != want) {
			/* record want is missing: the chain breaks there */
			char why[96];
			snprintf(why, sizeof(why), "record %lld is missing (the next one is %lld)", (long long)want,
				 (long long)r.id);
			bad(res, want, why);
		} else if (!r.prev_hash || strcmp(r.prev_hash, prev) != 0) {
			bad(res, r.id, "its prev_hash is not the hash of the record before it "
				       "(that record was changed or removed)");
		} else {
			record_hash(prev, r.id, r.at, r.actor, r.action, r.entity_type, r.entity_key, r.before,
				    r.after, h);
			if (!r.hash || strcmp(h, r.hash) != 0)
				bad(res, r.id, "its contents do not match its hash (the record was changed)");
		}
		snprintf(prev, sizeof(prev), "%s", r.hash ? r.hash : "");
		want = r.id + 1;
		rec_release(&r);
	}
	if (res->first_bad) {
		store_stmt(st, STMT_AUDIT_FROM); /* reset the unfinished statement */
		return ERR_OK;
	}
	if (e)
		return e;
	/* the head kept in meta: the newest records must not have been dropped */
	s = store_stmt(st, STMT_META_GET);
	stmt_bind_text(s, 1, "audit_head");
	if ((e = stmt_step(s, &row)))
		return e;
	long long head_id = 0;
	char head_hash[AUDIT_HASH_HEX] = "";
	if (row) {
		const char *v = stmt_col_text(s, 0);
		if (!v || sscanf(v, "%lld %64s", &head_id, head_hash) != 2)
			head_id = -1;
		stmt_step(s, &row);
	}
	int64_t last = want - 1;
	if (head_id == -1) {
		bad(res, last + 1, "the head of the log kept in meta is unreadable");
	} else if (head_id > last) {
		char why[120];
		snprintf(why, sizeof(why), "records %lld to %lld are missing (the log ends at %lld)",
			 (long long)last + 1, head_id, (long long)last);
		bad(res, last + 1, why);
	} else if (head_id < last || (last > 0 && strcmp(head_hash, prev) != 0)) {
		bad(res, head_id + 1 <= last ? head_id + 1 : last,
		    "the log does not end at the head kept in meta (records were added or changed "
		    "outside dangbo)");
	}
	return ERR_OK;
}

enum err audit_list(struct store *st, const char *entity_type, const char *entity_key, int64_t before_id,
		    size_t limit, struct audit_rec **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct store_stmt *s;
	int k = 1;
	if (entity_type && entity_key) {
		s = store_stmt(st, STMT_AUDIT_OF_ENTITY);
		stmt_bind_text(s, k++, entity_type);
		stmt_bind_text(s, k++, entity_key);
	} else {
		s = store_stmt(st, STMT_AUDIT_PAGE);
	}
	stmt_bind_int(s, k++, before_id > 0 ? before_id : INT64_MAX);
	stmt_bind_int(s, k++, (int64_t)limit);
	size_t cap = 0;
	bool row;
	enum err e;
	while ((e = stmt_step(s, &row)) == ERR_OK && row) {
		XGROW(*out, cap, *n + 1);
		read_rec(s, &(*out)[(*n)++]);
	}
	return e;
}

enum err audit_import(struct store *st, const char *const names[IMPORT__MAX],
		      const char sha256[IMPORT__MAX][AUDIT_HASH_HEX], const struct import_stats *stats)
{
	json_t *files = json_array();
	struct buf key;
	buf_init(&key, 0);
	enum err e = ERR_OK;
	for (int k = 0; k < IMPORT__MAX; k++) {
		if (!names[k])
			continue;
		const char *h = sha256[k];
		json_t *f = json_object();
		json_object_set_new(f, "kind", json_string(import_kind_name((enum import_kind)k)));
		json_object_set_new(f, "name", json_string(names[k]));
		json_object_set_new(f, "rows", json_integer((json_int_t)stats->rows[k]));
		json_object_set_new(f, "sha256", *h ? json_string(h) : json_null());
		json_array_append_new(files, f);
		if (key.len)
			buf_adds(&key, ", ");
		buf_adds(&key, names[k]);
	}
	json_t *after = json_object();
	json_object_set_new(after, "files", files);
	char *text = record_text(after);
	e = audit_record(st, "import", "import", key.ptr, NULL, text);
	free(text);
	buf_free(&key);
	return e;
}

char *audit_org_json(const struct tree *t, int org)
{
	return record_text(record_org(t, org));
}

char *audit_member_json(const struct registry *r, const struct member_rec *m, const struct event_rec *ev,
			size_t nev)
{
	static const struct event_rec none;
	return record_text(record_member(r, m, ev ? ev : &none, ev ? nev : 0));
}
