/* store_impl: what a backend provides (private to src/store). */
#ifndef DANGBO_STORE_IMPL_H
#define DANGBO_STORE_IMPL_H

#include "store/store.h"

enum bulk_phase { BULK_SETTINGS_ON, BULK_INDEXES_OFF, BULK_INDEXES_ON, BULK_SETTINGS_OFF };

struct store_ops {
	const char *name;
	void (*close)(struct store *st);
	enum err (*exec_script)(struct store *st, const char *sql);
	struct store_stmt *(*stmt)(struct store *st, enum stmt id);
	void (*bind_text)(struct store_stmt *s, int i, const char *v);
	void (*bind_text_static)(struct store_stmt *s, int i, const char *v); /* NULL: bind_text */
	void (*bind_int)(struct store_stmt *s, int i, int64_t v);
	void (*bind_null)(struct store_stmt *s, int i);
	enum err (*step)(struct store_stmt *s, bool *row);
	const char *(*col_text)(struct store_stmt *s, int i);
	int64_t (*col_int)(struct store_stmt *s, int i);
	bool (*col_null)(struct store_stmt *s, int i);
	int64_t (*changes)(struct store *st);
	int64_t (*last_id)(struct store *st);
	/* bulk loads: settings outside a transaction, indexes inside */
	enum err (*bulk)(struct store *st, enum bulk_phase phase);
	enum err (*migrate)(struct store *st, enum store_open_mode mode);
	/* store_backup, store_restore, store_check; NULL where the backend has none */
	enum err (*backup)(struct store *st, const char *dest);
	enum err (*restore)(struct store *st, const char *src);
	enum err (*check)(struct store *st);
};

struct store {
	const struct store_ops *ops;
	char *errmsg;
	int schema_version;
	int tx_depth;
	char *actor; /* who writes (store_set_actor), NULL if unset */
};

/* Replaces st's message (printf-style). */
void store_set_error(struct store *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

enum err sqlite_store_open(const char *path, enum store_open_mode mode, struct store **out, char **errmsg);
/* uri is a libpq connection URI (postgresql:// or postgres://). */
enum err pg_store_open(const char *uri, enum store_open_mode mode, struct store **out, char **errmsg);

#endif
