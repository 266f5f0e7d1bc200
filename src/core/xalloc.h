/* xalloc: allocation that never returns NULL.
 *
 * Out of memory is not a condition dangbo can recover from in a useful way,
 * so these wrappers print a message and abort (as git's xmalloc does). Every
 * other module may assume allocations succeed. */
#ifndef DANGBO_CORE_XALLOC_H
#define DANGBO_CORE_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows *p (an array of *cap elements of size elem) to hold at least need. */
void xgrow(void **p, size_t *cap, size_t need, size_t elem);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Like asprintf, aborting on failure. The caller frees the result. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define XGROW(arr, cap, need) xgrow((void **)&(arr), &(cap), (need), sizeof(*(arr)))

#endif
