/* calendar: the shipped holiday calendar with a database's own changes. */
#include "app/calendar.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "core/buf.h"
#include "core/xalloc.h"

#define META_KEY "calendar_changes"

/* The recorded changes (caller frees), NULL when there are none. */
static enum err changes_text(struct store *st, char **out)
{
	*out = NULL;
	struct store_stmt *s = store_stmt(st, STMT_META_GET);
	stmt_bind_text(s, 1, META_KEY);
	bool row;
	enum err e = stmt_step(s, &row);
	if (!e && row) {
		const char *v = stmt_col_text(s, 0);
		*out = v && *v ? xstrdup(v) : NULL;
		stmt_step(s, &row);
	}
	return e;
}

struct workday_cal *calendar_load(struct store *st)
{
	char *text;
	if (changes_text(st, &text))
		return NULL;
	struct workday_cal *c = workday_cal_dup(workday_cal_default());
	if (text) {
		struct diag_list dl;
		diag_init(&dl);
		/* checked when it was imported; a row that no longer reads is skipped */
		workday_cal_load_csv(c, text, strlen(text), "calendar", &dl);
		diag_free(&dl);
		free(text);
	}
	return c;
}

static enum err put(struct store *st, const char *text, const char *what)
{
	char *before = NULL;
	enum err e = store_begin(st);
	if (!e)
		e = changes_text(st, &before);
	if (!e) {
		struct store_stmt *s = store_stmt(st, STMT_META_SET);
		stmt_bind_text(s, 1, META_KEY);
		stmt_bind_text(s, 2, text);
		e = stmt_exec(s);
	}
	if (!e) {
		json_t *jb = json_pack("{s:s?}", "changes", before), *ja = json_pack("{s:s}", "changes", text);
		char *sb = json_dumps(jb, JSON_COMPACT), *sa = json_dumps(ja, JSON_COMPACT);
		e = audit_record(st, what, "calendar", "holidays", sb, sa);
		free(sb);
		free(sa);
		json_decref(jb);
		json_decref(ja);
	}
	free(before);
	if (!e)
		e = store_commit(st);
	else
		store_rollback(st);
	return e;
}

enum err calendar_import(struct store *st, const char *path, struct diag_list *dl)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f) {
		diag_add(dl, path, 0, NULL, "cannot open the file");
		return ERR_IO;
	}
	struct buf text;
	buf_init(&text, 1 << 20);
	char block[8192];
	size_t n;
	while ((n = fread(block, 1, sizeof(block), f)) > 0)
		buf_add(&text, block, n);
	if (f != stdin)
		fclose(f);
	if (text.overflow) {
		diag_add(dl, path, 0, NULL, "the file is larger than 1 MiB");
		buf_free(&text);
		return ERR_TOOBIG;
	}
	/* check it over the shipped calendar: every problem, or nothing */
	struct workday_cal *c = workday_cal_dup(workday_cal_default());
	bool ok = workday_cal_load_csv(c, buf_str(&text), text.len, path, dl);
	workday_cal_free(c);
	enum err e = ok ? put(st, buf_str(&text), "calendar.import") : ERR_INPUT;
	buf_free(&text);
	return e;
}

enum err calendar_clear(struct store *st)
{
	return put(st, "", "calendar.clear");
}

enum err calendar_changes(struct store *st, FILE *out)
{
	char *text;
	enum err e = changes_text(st, &text);
	if (!e && text)
		fputs(text, out);
	free(text);
	return e;
}
