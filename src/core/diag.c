/* diag: positioned problem lists. */
#include "core/diag.h"
#include "core/buf.h"
#include "core/xalloc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void diag_init(struct diag_list *dl)
{
	memset(dl, 0, sizeof(*dl));
}

void diag_free(struct diag_list *dl)
{
	for (size_t i = 0; i < dl->n; i++) {
		free(dl->v[i].file);
		free(dl->v[i].column);
		free(dl->v[i].msg);
	}
	free(dl->v);
	diag_init(dl);
}

void diag_add(struct diag_list *dl, const char *file, long line, const char *column,
	      const char *fmt, ...)
{
	if (dl->n >= DIAG_MAX) {
		dl->dropped++;
		return;
	}
	XGROW(dl->v, dl->cap, dl->n + 1);
	struct diag *d = &dl->v[dl->n++];
	struct buf b = BUF_INIT;
	buf_init(&b, 0);
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	d->msg = buf_detach(&b, NULL);
	d->file = file ? xstrdup(file) : NULL;
	d->column = column ? xstrdup(column) : NULL;
	d->line = line;
}

size_t diag_count(const struct diag_list *dl)
{
	return dl->n + dl->dropped;
}

void diag_print(const struct diag_list *dl, FILE *out)
{
	for (size_t i = 0; i < dl->n; i++) {
		const struct diag *d = &dl->v[i];
		if (d->file)
			fprintf(out, "%s:", d->file);
		if (d->line)
			fprintf(out, "%ld:", d->line);
		if (d->column)
			fprintf(out, "%s:", d->column);
		fprintf(out, "%s%s\n", (d->file || d->line || d->column) ? " " : "", d->msg);
	}
	if (dl->dropped)
		fprintf(out, "... and %zu more problems\n", dl->dropped);
}

struct keyed {
	struct diag d;
	size_t idx;
};

static int cmp(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = strcmp(x->d.file ? x->d.file : "", y->d.file ? y->d.file : "");
	if (c)
		return c;
	if (x->d.line != y->d.line)
		return x->d.line < y->d.line ? -1 : 1;
	return x->idx < y->idx ? -1 : (x->idx > y->idx);
}

void diag_sort(struct diag_list *dl)
{
	struct keyed *k = xmalloc(sizeof(*k) * (dl->n ? dl->n : 1));
	for (size_t i = 0; i < dl->n; i++)
		k[i] = (struct keyed){dl->v[i], i};
	qsort(k, dl->n, sizeof(*k), cmp);
	for (size_t i = 0; i < dl->n; i++)
		dl->v[i] = k[i].d;
	free(k);
}
