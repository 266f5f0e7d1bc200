/* report_render: what the report renderers share (report_render.h), and the
 * CSV and JSON renderers. */
#include "io/report_render.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/numfmt.h"
#include "io/csv.h"

static const char *const format_names[REPORT_FORMAT__MAX] = {
	[REPORT_TEXT] = "text",
	[REPORT_CSV] = "csv",
	[REPORT_JSON] = "json",
	[REPORT_XLSX] = "xlsx",
	[REPORT_PDF] = "pdf",
};

const char *report_format_name(enum report_format f)
{
	return (unsigned)f < REPORT_FORMAT__MAX ? format_names[f] : "";
}

bool report_format_parse(const char *s, enum report_format *out)
{
	for (int i = 0; i < REPORT_FORMAT__MAX; i++)
		if (strcmp(s, format_names[i]) == 0) {
			*out = (enum report_format)i;
			return true;
		}
	return false;
}

void report_row_percent(const struct report_row *r, int precision, struct buf *out)
{
	if (r->base > 0)
		numfmt_percent(out, r->count, r->base, precision);
}

void report_render_csv(const struct report_table *t, struct buf *out)
{
	static const char *const header[] = {"org_code", "org_name", "indicator", "count", "base", "percent"};
	csv_put_row(out, header, 6);
	struct buf pct;
	buf_init(&pct, 0);
	for (size_t i = 0; i < t->nrows; i++) {
		const struct report_row *r = &t->rows[i];
		char count[24], base[24];
		snprintf(count, sizeof(count), "%lld", (long long)r->count);
		if (r->base == REPORT_NO_BASE)
			base[0] = '\0';
		else
			snprintf(base, sizeof(base), "%lld", (long long)r->base);
		buf_reset(&pct);
		report_row_percent(r, t->precision, &pct);
		const char *f[6] = {r->org_code, r->org_name, r->indicator, count, base, pct.ptr};
		csv_put_row(out, f, 6);
	}
	buf_free(&pct);
}

void report_render_json(const struct report_table *t, struct buf *out)
{
	json_t *a = json_array();
	struct buf pct;
	buf_init(&pct, 0);
	for (size_t i = 0; i < t->nrows; i++) {
		const struct report_row *r = &t->rows[i];
		json_t *o = json_object();
		json_object_set_new(o, "org_code", json_string(r->org_code));
		json_object_set_new(o, "org_name", json_string(r->org_name));
		json_object_set_new(o, "depth", json_integer(r->depth));
		json_object_set_new(o, "indicator", json_string(r->indicator));
		json_object_set_new(o, "label", json_string(r->label));
		json_object_set_new(o, "count", json_integer(r->count));
		json_object_set_new(o, "base", r->base == REPORT_NO_BASE ? json_null() : json_integer(r->base));
		buf_reset(&pct);
		if (r->base > 0) {
			json_object_set_new(o, "percent", json_real(numfmt_percent_value(r->count, r->base, t->precision)));
			numfmt_percent_text(&pct, r->count, r->base, t->precision);
		} else {
			json_object_set_new(o, "percent", json_null());
		}
		json_object_set_new(o, "percent_text", json_string(pct.ptr));
		json_array_append_new(a, o);
	}
	buf_free(&pct);
	/* 15 significant digits print a percentage rounded to at most 6
	 * decimals as its shortest decimal ("29.4", not "29.399999999999999") */
	char *s = json_dumps(a, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
	if (s) {
		buf_adds(out, s);
		buf_addch(out, '\n');
		free(s);
	}
	json_decref(a);
}
