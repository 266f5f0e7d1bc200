/* search: members within a part of the tree, found by name or listed, a
 * page at a time (the API's GET /members).
 *
 * A name matches as in registry_member_find: case and diacritics are
 * ignored ("nguyen van an" finds "Nguyễn Văn An"), and the text must start
 * the whole name or the given name. Results are sorted the Vietnamese way
 * (given name, then family and middle names; core/text.h), then by
 * member_id. Only members whose current organization is within the root's
 * subtree (app/scope.h) are returned.
 *
 * Over the whole tree a name search reads at most SEARCH_CAP matches from
 * each name index, so a very common name gives a partial total
 * (total_exact false); within a smaller subtree the subtree's members are
 * read and the total is exact. */
#ifndef DANGBO_APP_SEARCH_H
#define DANGBO_APP_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/registry.h"
#include "core/date.h"
#include "core/text.h"
#include "domain/member.h"

#define SEARCH_CAP 5000
#define SEARCH_LIMIT_MAX 500

enum search_status {
	SEARCH_CURRENT, /* members now: probationary, official, exempt, temp_out, suspended */
	SEARCH_ALL,     /* also those kept for history */
	SEARCH_ONE,     /* exactly one status (search_query.status) */
};

struct search_query {
	const char *q;          /* text to find, or NULL/"" to list */
	int root;               /* tree index of the subtree searched */
	date_t day;             /* the day the subtree is taken (today) */
	enum search_status which;
	enum member_status status; /* SEARCH_ONE */
	size_t offset, limit;   /* the page; limit at most SEARCH_LIMIT_MAX */
	struct collator *coll;  /* the caller's collator (one per thread), or NULL */
};

struct search_hit {
	char *member_id, *full_name;
	int org;                /* tree index of the current organization */
	enum member_status status;
};

struct search_result {
	struct search_hit *v;   /* the page */
	size_t n;
	size_t total;           /* matches in all pages */
	bool total_exact;       /* false: at least total */
};

/* Fills res (release with search_result_release). Returns ERR_OK or
 * ERR_STORE. */
enum err search_members(struct registry *r, const struct search_query *sq, struct search_result *res);
void search_result_release(struct search_result *res);

#endif
