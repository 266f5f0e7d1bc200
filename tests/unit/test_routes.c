/* Unit tests for the route table (src/http/routes.c): it and the OpenAPI
 * document served at /api/v1/openapi.json (docs/openapi.json, built in)
 * describe the same routes, in both directions; the table is coherent
 * (roles, flags, body limits); path patterns match as documented. */
#include "harness.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/embed.h"
#include "http/http.h"

static json_t *load_doc(void)
{
	const struct embed_file *f = embed_find("docs/openapi.json");
	assert_non_null(f);
	json_error_t je;
	json_t *doc = json_loadb((const char *)f->data, f->size, JSON_REJECT_DUPLICATES, &je);
	if (!doc)
		fail_msg("docs/openapi.json line %d: %s", je.line, je.text);
	return doc;
}

static void lower(const char *s, char *out, size_t n)
{
	size_t i = 0;
	for (; s[i] && i + 1 < n; i++)
		out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	out[i] = '\0';
}

static void test_every_route_is_documented(void **state)
{
	json_t *doc = load_doc();
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(doc, "servers"), 0), "url")),
			    API);
	json_t *paths = json_object_get(doc, "paths");
	for (size_t i = 0; i < nroutes; i++) {
		const struct route *r = &routes[i];
		assert_int_equal(strncmp(r->pattern, API, strlen(API)), 0);
		json_t *p = json_object_get(paths, r->pattern + strlen(API));
		if (!p)
			fail_msg("route %s %s is not in docs/openapi.json", r->method, r->pattern);
		char m[16];
		lower(r->method, m, sizeof(m));
		json_t *op = json_object_get(p, m);
		if (!op)
			fail_msg("route %s %s is not in docs/openapi.json", r->method, r->pattern);
		/* public routes say so (no security), the others inherit it */
		json_t *sec = json_object_get(op, "security");
		if (r->flags & R_PUBLIC)
			assert_true(json_is_array(sec) && json_array_size(sec) == 0);
		else
			assert_null(sec);
		/* every route that takes a JSON body documents it */
		if (r->flags & R_JSON)
			assert_non_null(json_object_get(op, "requestBody"));
	}
	json_decref(doc);
}

static void test_every_documented_path_is_routed(void **state)
{
	json_t *doc = load_doc();
	const char *path;
	json_t *ops;
	size_t n = 0;
	json_object_foreach(json_object_get(doc, "paths"), path, ops) {
		const char *method;
		json_t *op;
		json_object_foreach(ops, method, op) {
			bool found = false;
			for (size_t i = 0; i < nroutes && !found; i++)
				found = strcmp(routes[i].pattern + strlen(API), path) == 0 &&
					strcasecmp(routes[i].method, method) == 0;
			if (!found)
				fail_msg("docs/openapi.json documents %s %s, which the route table lacks", method, path);
			n++;
		}
	}
	assert_int_equal(n, nroutes);
	json_decref(doc);
}

static void test_table_is_coherent(void **state)
{
	for (size_t i = 0; i < nroutes; i++) {
		const struct route *r = &routes[i];
		assert_non_null(r->fn);
		/* a route either is public or names who may call it */
		assert_true((r->flags & R_PUBLIC) || r->roles != 0);
		/* reads change nothing; what changes data is not a GET */
		if (strcmp(r->method, "GET") == 0)
			assert_false(r->flags & R_WRITE);
		else if (!(r->flags & (R_PUBLIC | R_COMPUTE)))
			assert_true(r->flags & R_WRITE);
		/* a route with a body has a limit, one without accepts none */
		if (r->flags & (R_JSON | R_UPLOAD))
			assert_true(r->maxbody > 0);
		else
			assert_int_equal(r->maxbody, 0);
		/* no two routes with the same method and pattern */
		for (size_t k = 0; k < i; k++)
			assert_false(strcmp(routes[k].method, r->method) == 0 && strcmp(routes[k].pattern, r->pattern) == 0);
	}
}

static void test_path_patterns(void **state)
{
	char *p[REQ_PARAMS];
	size_t n;
	assert_true(route_match_path(API "/members/{member_id}", API "/members/000123QN", p, &n));
	assert_int_equal(n, 1);
	assert_string_equal(p[0], "000123QN");
	free(p[0]);
	assert_true(route_match_path(API "/orgs/{code}/move", API "/orgs/QN.HL/move", p, &n));
	assert_int_equal(n, 1);
	assert_string_equal(p[0], "QN.HL");
	free(p[0]);
	/* a parameter is one whole, non-empty segment */
	assert_false(route_match_path(API "/orgs/{code}", API "/orgs/QN/move", p, &n));
	assert_false(route_match_path(API "/orgs/{code}", API "/orgs/", p, &n));
	assert_false(route_match_path(API "/orgs/{code}/move", API "/orgs/QN/mov", p, &n));
	assert_false(route_match_path(API "/members", API "/members/", p, &n));
	assert_false(route_match_path(API "/me", API "/mex", p, &n));
	assert_int_equal(n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_route_is_documented),
		cmocka_unit_test(test_every_documented_path_is_routed),
		cmocka_unit_test(test_table_is_coherent),
		cmocka_unit_test(test_path_patterns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
