/* refdata: ethnic groups and religions from the embedded data/ files. */
#include "app/refdata.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/embed.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "io/csv.h"

struct ref {
	char *code, *name, *key;
};

struct table {
	struct ref *v;
	size_t n, cap;
};

static struct table ethnic, religion;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(struct table *t, const char *path)
{
	const struct embed_file *f = embed_find(path);
	if (!f)
		return;
	struct diag_list dl;
	diag_init(&dl);
	struct csv_reader *r = csv_open_mem(path, (const char *)f->data, f->size, &dl);
	struct csv_record rec;
	while (r && csv_next(r, &rec, &dl) == 1) {
		if (rec.n < 2)
			continue;
		XGROW(t->v, t->cap, t->n + 1);
		t->v[t->n].code = xstrdup(rec.field[0]);
		t->v[t->n].name = xstrdup(rec.field[1]);
		t->v[t->n].key = text_fold(rec.field[1]);
		t->n++;
	}
	csv_close(r);
	diag_free(&dl);
}

static void init(void)
{
	load(&ethnic, "data/ethnic-groups.csv");
	load(&religion, "data/religions.csv");
}

static const struct ref *lookup(const struct table *t, const char *s)
{
	if (!s || !*s)
		return NULL;
	char *end;
	long num = strtol(s, &end, 10);
	bool numeric = *end == '\0';
	char *key = numeric ? NULL : text_fold(s);
	const struct ref *hit = NULL;
	for (size_t i = 0; i < t->n && !hit; i++) {
		if (numeric ? strtol(t->v[i].code, NULL, 10) == num : strcmp(t->v[i].key, key) == 0)
			hit = &t->v[i];
	}
	free(key);
	return hit;
}

const char *refdata_ethnicity(const char *s)
{
	pthread_once(&once, init);
	const struct ref *r = lookup(&ethnic, s);
	return r ? r->name : NULL;
}

bool refdata_is_kinh(const char *name)
{
	return name && strcmp(name, "Kinh") == 0;
}

const char *refdata_religion(const char *s)
{
	pthread_once(&once, init);
	if (!s || !*s)
		return "";
	char *key = text_fold(s);
	bool none = strcmp(key, "khong") == 0 || strcmp(key, "khong theo ton giao") == 0;
	free(key);
	if (none)
		return "";
	const struct ref *r = lookup(&religion, s);
	if (!r)
		return NULL;
	return strcmp(r->code, "00") == 0 ? "" : r->name;
}
