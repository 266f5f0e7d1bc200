/* diag: a list of positioned, user-explainable problems.
 *
 * Validators append every problem they find (not just the first) with the
 * file, line (1 = header row of a CSV) and column name, then the caller
 * decides: the CLI prints them as "FILE:LINE:COLUMN: message", the HTTP
 * layer returns them as a JSON array. A diag_list owns copies of all its
 * strings. After DIAG_MAX entries further ones are only counted. */
#ifndef DANGBO_CORE_DIAG_H
#define DANGBO_CORE_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define DIAG_MAX 10000

struct diag {
	char *file;   /* may be NULL */
	long line;    /* 0: none */
	char *column; /* may be NULL */
	char *msg;
};

struct diag_list {
	struct diag *v;
	size_t n, cap;
	size_t dropped; /* problems past DIAG_MAX, counted only */
};

void diag_init(struct diag_list *dl);
void diag_free(struct diag_list *dl);
void diag_add(struct diag_list *dl, const char *file, long line, const char *column,
	      const char *fmt, ...) __attribute__((format(printf, 5, 6)));
size_t diag_count(const struct diag_list *dl);
/* Writes one "FILE:LINE:COLUMN: message" line per problem. */
void diag_print(const struct diag_list *dl, FILE *out);
/* Sorts by file, line, then insertion order (stable). */
void diag_sort(struct diag_list *dl);

#endif
