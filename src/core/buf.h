/* buf: a growable, always NUL-terminated byte buffer.
 *
 * A struct buf is never NULL-backed: after buf_init() ->ptr points to at
 * least an empty string. An optional cap (->max, 0 = none) bounds the length
 * for untrusted input; an append that would pass it sets the sticky ->overflow
 * flag and appends nothing, so callers check once at the end. */
#ifndef DANGBO_CORE_BUF_H
#define DANGBO_CORE_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

struct buf {
	char *ptr;
	size_t len;
	size_t cap;
	size_t max;    /* 0: unbounded */
	bool overflow; /* sticky: an append was refused by max */
};

#define BUF_INIT {0}

void buf_init(struct buf *b, size_t max);
void buf_free(struct buf *b);
/* Empties the buffer, keeping its memory. */
void buf_reset(struct buf *b);
void buf_add(struct buf *b, const void *data, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addch(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vaddf(struct buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
void buf_truncate(struct buf *b, size_t len);
/* Returns the string (caller frees) and leaves the buffer empty and valid. */
char *buf_detach(struct buf *b, size_t *len);
/* The contents as a C string; valid until the next change. */
const char *buf_str(const struct buf *b);

#endif
