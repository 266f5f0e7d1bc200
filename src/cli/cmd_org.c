/* cmd_org: dangbo org tree|show|add|move|merge|dissolve|rename. */
#include "cli/cli.h"
#include "cli/opts.h"

#include <stdlib.h>
#include <string.h>

#include "app/ops.h"
#include "app/registry.h"
#include "core/buf.h"
#include "core/numfmt.h"
#include "core/xalloc.h"
#include "store/store.h"

const char usage_org[] =
	"usage: dangbo org tree [CODE] [--as-of DATE] [--depth N]\n"
	"       dangbo org show CODE [--as-of DATE]\n"
	"       dangbo org add CODE --name NAME --kind KIND [--parent CODE] [--category C]\n"
	"                      [--unit-code U] [--founded DATE]\n"
	"       dangbo org move CODE --to PARENT --date DATE\n"
	"       dangbo org merge CODE --into CODE --date DATE\n"
	"       dangbo org dissolve CODE --date DATE\n"
	"       dangbo org rename CODE --name NAME --date DATE\n\n"
	"The tree and every organization's parent and name are kept with their history:\n"
	"--as-of shows them as they stood on that day (default today). Moving, merging\n"
	"and dissolving never erase the past; merging moves the members and the\n"
	"sub-organizations to the organization merged into.\n"
	"KIND: central, province, upper, base_committee, base_cell, sub_committee, cell.\n";

/* Members on day d per organization, counted at their own organization. */
static int64_t *member_counts(struct registry *r, date_t d)
{
	int64_t *n = xcalloc(r->tree.n + 1, sizeof(int64_t));
	struct store_stmt *s = store_stmt(r->st, STMT_MSPAN_AT);
	char ds[11];
	date_format(d, ds);
	stmt_bind_text(s, 1, ds);
	stmt_bind_text(s, 2, ds);
	bool row;
	/* org ids are tree index + 1 when loaded in id order */
	int64_t maxid = 0;
	for (size_t i = 0; i < r->tree.n; i++)
		if (r->tree.orgs[i].id > maxid)
			maxid = r->tree.orgs[i].id;
	int *byid = xmalloc(sizeof(int) * (size_t)(maxid + 1));
	memset(byid, 0xff, sizeof(int) * (size_t)(maxid + 1));
	for (size_t i = 0; i < r->tree.n; i++)
		byid[r->tree.orgs[i].id] = (int)i;
	while (stmt_step(s, &row) == ERR_OK && row) {
		int64_t id = stmt_col_int(s, 1);
		if (id >= 0 && id <= maxid && byid[id] != TREE_NONE)
			n[tree_follow(&r->tree, byid[id], d)]++;
	}
	free(byid);
	return n;
}

struct printer {
	struct registry *r;
	struct tree_view v;
	int64_t *own, *total;
	int depth;
	struct buf line;
};

static int64_t roll_up(struct printer *p, int org)
{
	int64_t sum = p->own[org];
	for (int c = p->v.first_child[org]; c != TREE_NONE; c = p->v.next_sibling[c])
		sum += roll_up(p, c);
	p->total[org] = sum;
	return sum;
}

static void print_node(struct printer *p, int org, int level)
{
	const struct tree_org *o = &p->r->tree.orgs[org];
	buf_reset(&p->line);
	for (int i = 0; i < level; i++)
		buf_adds(&p->line, "  ");
	buf_addf(&p->line, "%s  %s  [%s]  ", o->code, tree_name_at(&p->r->tree, org, p->v.day),
		 org_kind_label(o->kind));
	numfmt_int(&p->line, p->total[org]);
	buf_adds(&p->line, " đảng viên");
	puts(p->line.ptr);
	if (p->depth >= 0 && level >= p->depth)
		return;
	for (int c = p->v.first_child[org]; c != TREE_NONE; c = p->v.next_sibling[c])
		print_node(p, c, level + 1);
}

static int org_tree(struct registry *r, const char *code, date_t d, int depth)
{
	struct printer p = {.r = r, .depth = depth};
	tree_view_build(&r->tree, d, &p.v);
	p.own = member_counts(r, d);
	p.total = xcalloc(r->tree.n + 1, sizeof(int64_t));
	buf_init(&p.line, 0);
	int rc = 0;
	if (code) {
		int org = tree_find(&r->tree, code);
		if (org == TREE_NONE || !tree_exists(&r->tree, org, d)) {
			rc = cli_fail(ERR_NOTFOUND, "no organization '%s' on that date", code);
		} else {
			roll_up(&p, org);
			print_node(&p, org, 0);
		}
	} else {
		for (size_t i = 0; i < p.v.nroots; i++) {
			roll_up(&p, p.v.roots[i]);
			print_node(&p, p.v.roots[i], 0);
		}
	}
	buf_free(&p.line);
	free(p.own);
	free(p.total);
	tree_view_free(&p.v);
	return rc;
}

static int org_show(struct registry *r, const char *code, date_t d)
{
	struct tree *t = &r->tree;
	int org = tree_find(t, code);
	if (org == TREE_NONE)
		return cli_fail(ERR_NOTFOUND, "no organization '%s'", code);
	const struct tree_org *o = &t->orgs[org];
	char a[11], b[11];
	printf("Mã:            %s\n", o->code);
	printf("Tên:           %s\n", tree_name_at(t, org, d));
	printf("Loại:          %s (%s)\n", org_kind_label(o->kind), org_kind_name(o->kind));
	if (o->category)
		printf("Loại hình:     %s (%s)\n", org_category_label(o->category), o->category);
	if (o->unit_code)
		printf("Mã ĐVHC:       %s\n", o->unit_code);
	date_format_vn(o->founded, a);
	printf("Thành lập:     %s\n", o->founded == DATE_MIN ? "(không rõ)" : a);
	if (o->dissolved != DATE_MAX) {
		date_format_vn(o->dissolved, b);
		printf("Kết thúc:      %s%s%s\n", b, o->merged_into != TREE_NONE ? ", hợp nhất vào " : "",
		       o->merged_into != TREE_NONE ? t->orgs[o->merged_into].code : "");
	}
	date_format_vn(d, a);
	printf("Trực thuộc (ngày %s):", a);
	int p = tree_parent_at(t, org, d);
	if (p == TREE_NONE)
		printf(" —");
	for (; p != TREE_NONE; p = tree_parent_at(t, p, d))
		printf(" %s", t->orgs[p].code);
	printf("\n");
	bool any = false;
	for (size_t i = 0; i < t->nev; i++) {
		const struct tree_event *e = &t->events[i];
		if (e->org != org && e->to != org)
			continue;
		if (!any)
			printf("Lịch sử:\n");
		any = true;
		date_format_vn(e->date, a);
		printf("  %s  %-9s %s", a, org_event_type_name(e->type), t->orgs[e->org].code);
		if (e->from != TREE_NONE)
			printf(" từ %s", t->orgs[e->from].code);
		if (e->to != TREE_NONE)
			printf(" %s %s", e->type == OEV_MERGE ? "vào" : "đến", t->orgs[e->to].code);
		if (e->new_name)
			printf(" \"%s\" → \"%s\"", e->old_name ? e->old_name : "", e->new_name);
		printf("\n");
	}
	return 0;
}

static int org_change(struct cli *cli, const char *sub, int argc, char **argv)
{
	struct opt opts[] = {{"name", true, NULL},      {"kind", true, NULL},   {"parent", true, NULL},
			     {"category", true, NULL},  {"unit-code", true, NULL}, {"founded", true, NULL},
			     {"to", true, NULL},        {"into", true, NULL},   {"date", true, NULL},
			     {0}};
	const char *pos[1];
	int n = opts_parse("org", argc, argv, opts, pos, 1);
	if (n < 0)
		return 2;
	if (n != 1)
		return cli_usage("org", "%s needs the organization's code", sub);
	struct org_change c = {.code = pos[0], .date = DATE_NONE, .name = opt_get(opts, "name"),
			       .parent = opt_get(opts, "parent"), .category = opt_get(opts, "category"),
			       .unit_code = opt_get(opts, "unit-code")};
	static const char *const subs[] = {"add", "move", "merge", "dissolve", "rename"};
	for (int i = 0; i < 5; i++)
		if (strcmp(sub, subs[i]) == 0)
			c.op = (enum org_op)i;
	if (c.op == ORG_OP_ADD) {
		if (!c.name || !opt_get(opts, "kind") || !org_kind_parse(opt_get(opts, "kind"), &c.kind))
			return cli_usage("org", "add needs --name and a valid --kind");
		if (!opt_date("org", opts, "founded", &c.date))
			return 2;
	} else {
		if (!opt_get(opts, "date"))
			return cli_usage("org", "%s needs --date", sub);
		if (!opt_date("org", opts, "date", &c.date))
			return 2;
	}
	c.target = c.op == ORG_OP_MOVE ? opt_get(opts, "to") : opt_get(opts, "into");
	if ((c.op == ORG_OP_MOVE || c.op == ORG_OP_MERGE) && !c.target)
		return cli_usage("org", "%s needs %s", sub, c.op == ORG_OP_MOVE ? "--to" : "--into");
	if (c.op == ORG_OP_RENAME && !c.name)
		return cli_usage("org", "rename needs --name");
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct diag_list dl;
	diag_init(&dl);
	enum err e = ops_org(st, &c, &dl);
	if (e == ERR_STORE || e == ERR_IO)
		cli_fail(e, "%s", store_errmsg(st));
	else if (e) {
		diag_print(&dl, stderr);
		fprintf(stderr, "dangbo: nothing changed\n");
	} else {
		fprintf(stderr, "dangbo: %s %s: done\n", sub, c.code);
	}
	diag_free(&dl);
	store_close(st);
	return err_exit_code(e);
}

int cmd_org(struct cli *cli, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("org", "give a subcommand: tree, show, add, move, merge, dissolve, rename");
	const char *sub = argv[1];
	if (strcmp(sub, "tree") && strcmp(sub, "show"))
		return org_change(cli, sub, argc - 1, argv + 1);
	struct opt opts[] = {{"as-of", true, NULL}, {"depth", true, NULL}, {0}};
	const char *pos[1] = {NULL};
	int n = opts_parse("org", argc - 1, argv + 1, opts, pos, 1);
	if (n < 0)
		return 2;
	date_t d = date_today();
	if (!opt_date("org", opts, "as-of", &d))
		return 2;
	int depth = opt_get(opts, "depth") ? atoi(opt_get(opts, "depth")) : -1;
	if (strcmp(sub, "show") == 0 && n != 1)
		return cli_usage("org", "show needs the organization's code");
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct registry r;
	struct diag_list dl;
	diag_init(&dl);
	enum err e = registry_open(st, &r, &dl);
	int rc;
	if (e)
		rc = cli_fail(e, "cannot read the organizations: %s", store_errmsg(st));
	else if (strcmp(sub, "tree") == 0)
		rc = org_tree(&r, pos[0], d, depth);
	else
		rc = org_show(&r, pos[0], d);
	registry_close(&r);
	diag_free(&dl);
	store_close(st);
	return rc;
}
