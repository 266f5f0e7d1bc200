/* h_meta: the OpenAPI document and the static files of the web UI, both
 * built into the binary (cmake/embed.cmake, core/embed.h). */
#include "http/http.h"

#include <stdlib.h>
#include <string.h>

#include "core/embed.h"
#include "core/xalloc.h"

/* GET /api/v1/openapi.json: docs/openapi.json as built in. */
enum err h_openapi(struct req *rq)
{
	const struct embed_file *f = embed_find("docs/openapi.json");
	if (!f)
		return req_fail(rq, ERR_NOTFOUND, "this binary was built without docs/openapi.json");
	rq->raw = xmalloc(f->size + 1);
	memcpy(rq->raw, f->data, f->size);
	rq->rawlen = f->size;
	rq->ctype = "application/json; charset=utf-8";
	return ERR_OK;
}

static const struct {
	const char *ext, *type;
} types[] = {
	{".html", "text/html; charset=utf-8"},
	{".js", "text/javascript; charset=utf-8"},
	{".css", "text/css; charset=utf-8"},
	{".json", "application/json; charset=utf-8"},
	{".svg", "image/svg+xml"},
	{".png", "image/png"},
	{".woff2", "font/woff2"},
	{".woff", "font/woff"},
	{".ttf", "font/ttf"},
	{".ico", "image/x-icon"},
	{".txt", "text/plain; charset=utf-8"},
};

static const char *type_of(const char *path)
{
	const char *dot = strrchr(path, '.');
	for (size_t i = 0; dot && i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(dot, types[i].ext) == 0)
			return types[i].type;
	return "application/octet-stream";
}

void h_static(struct req *rq)
{
	char name[512];
	const char *p = strcmp(rq->path, "/") == 0 ? "/index.html" : rq->path;
	const struct embed_file *f = NULL;
	if (!strstr(p, "..") && strlen(p) < sizeof(name) - 16) {
		snprintf(name, sizeof(name), "web/dist%s", p);
		f = embed_find(name);
		if (!f && !strchr(strrchr(p, '/'), '.')) {
			/* a page of the single-page UI: its index */
			f = embed_find("web/dist/index.html");
			p = "/index.html";
		}
	}
	if (!f && strcmp(rq->path, "/") == 0) {
		static const char page[] = "<!doctype html><meta charset=utf-8><title>dangbo</title>"
					   "<p>Giao diện web chưa được đóng gói vào bản này. "
					   "API: <a href=\"/api/v1/openapi.json\">/api/v1/openapi.json</a></p>\n";
		rq->raw = xstrdup(page);
		rq->rawlen = sizeof(page) - 1;
		rq->ctype = "text/html; charset=utf-8";
		reply_send(rq, ERR_OK);
		return;
	}
	if (!f) {
		req_fail(rq, ERR_NOTFOUND, "no such file: %s", rq->path);
		reply_send(rq, ERR_NOTFOUND);
		return;
	}
	rq->raw = xmalloc(f->size + 1);
	memcpy(rq->raw, f->data, f->size);
	rq->rawlen = f->size;
	rq->ctype = type_of(p);
	reply_send(rq, ERR_OK);
}
