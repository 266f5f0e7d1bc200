/* cmd_post: dangbo post add|end|list — the posts members hold over time
 * (app/posts.h), and `dangbo import posts FILE`, `dangbo export posts`
 * routed here from cmd_data.c. */
#include "cli/cli.h"
#include "cli/opts.h"

#include <stdlib.h>
#include <string.h>

#include "app/posts.h"
#include "store/store.h"

const char usage_post[] =
	"usage: dangbo post add MEMBER_ID --kind K --org CODE --from DATE [--to DATE] [--unit TEXT]\n"
	"                       [--ref TEXT] [--standing] [--allow-second-secretary]\n"
	"       dangbo post end MEMBER_ID --kind K --org CODE --date DATE\n"
	"       dangbo post list [--org CODE] [--as-of DATE]\n\n"
	"Posts (chức danh) a member holds over time (docs/cadres.md).\n\n"
	"  add   records a post held from --from (up to, not including, --to; open if none).\n"
	"        K: secretary (Bí thư), deputy (Phó bí thư), standing (Ủy viên ban thường vụ),\n"
	"        committee (Cấp ủy viên), cell_committee (Chi ủy viên), council_chair\n"
	"        (Chủ tịch HĐND), council_vice, people_chair (Chủ tịch UBND), people_vice,\n"
	"        police_chief (Trưởng công an xã, phường), unit_head (Thủ trưởng cơ quan, đơn vị),\n"
	"        front_chair (Chủ tịch Ủy ban MTTQ), youth_secretary, women_chair, farmers_chair,\n"
	"        veterans_chair, union_chair; or the Vietnamese name. CODE is the party\n"
	"        organization (for a state or mass post, the one of the unit; --unit names it).\n"
	"        --standing: the holder sits on the standing committee. Refused: a person who is\n"
	"        not a member on --from, --to not after --from, an overlapping period of the same\n"
	"        post, a second secretary of the organization (QĐ 294-QĐ/TW §23; a configurable\n"
	"        default: --allow-second-secretary)\n"
	"  end   the post is no longer held from DATE on\n"
	"  list  the posts in CODE's subtree (default all), held on --as-of (default: every period)\n";

static int kind_arg(const char *k, enum post_kind *out)
{
	if (!k)
		return cli_usage("post", "give the post: --kind K (dangbo help post)");
	if (!post_kind_parse(k, out))
		return cli_usage("post", "--kind: '%s' is not a kind of post (dangbo help post)", k);
	return 0;
}

static int post_add_cmd(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"kind", true, NULL}, {"org", true, NULL},  {"from", true, NULL},
			     {"to", true, NULL},   {"unit", true, NULL}, {"ref", true, NULL},
			     {"standing", false, NULL}, {"allow-second-secretary", false, NULL}, {0}};
	const char *pos[1];
	int n = opts_parse("post", argc, argv, opts, pos, 1);
	if (n < 0)
		return 2;
	struct post_input in = {.org_code = opt_get(opts, "org"), .unit = opt_get(opts, "unit"),
				.ref = opt_get(opts, "ref"), .from = DATE_NONE, .to = DATE_NONE,
				.standing = opt_get(opts, "standing") != NULL};
	if (n != 1 || !in.org_code || !opt_get(opts, "from"))
		return cli_usage("post", "add needs MEMBER_ID, --kind, --org and --from");
	in.member_id = pos[0];
	int code = kind_arg(opt_get(opts, "kind"), &in.kind);
	if (code)
		return code;
	if (!opt_date("post", opts, "from", &in.from) || !opt_date("post", opts, "to", &in.to))
		return 2;
	struct post_opts o;
	post_opts_default(&o);
	o.rules.one_secretary = opt_get(opts, "allow-second-secretary") == NULL;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct buf msg;
	buf_init(&msg, 0);
	enum err e = post_add(st, &in, &o, &msg);
	if (e)
		code = cli_fail(e, "%s", msg.ptr);
	else
		fprintf(stderr, "dangbo: %s: %s at %s recorded\n", in.member_id, post_kind_info(in.kind)->label, in.org_code);
	buf_free(&msg);
	store_close(st);
	return code;
}

static int post_end_cmd(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"kind", true, NULL}, {"org", true, NULL}, {"date", true, NULL}, {0}};
	const char *pos[1];
	int n = opts_parse("post", argc, argv, opts, pos, 1);
	if (n < 0)
		return 2;
	const char *org = opt_get(opts, "org");
	if (n != 1 || !org || !opt_get(opts, "date"))
		return cli_usage("post", "end needs MEMBER_ID, --kind, --org and --date");
	enum post_kind k;
	int code = kind_arg(opt_get(opts, "kind"), &k);
	if (code)
		return code;
	date_t d = DATE_NONE;
	if (!opt_date("post", opts, "date", &d))
		return 2;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct buf msg;
	buf_init(&msg, 0);
	enum err e = post_end(st, pos[0], k, org, d, &msg);
	if (e)
		code = cli_fail(e, "%s", msg.ptr);
	else
		fprintf(stderr, "dangbo: %s: %s at %s ended\n", pos[0], post_kind_info(k)->label, org);
	buf_free(&msg);
	store_close(st);
	return code;
}

static int post_list_cmd(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"org", true, NULL}, {"as-of", true, NULL}, {0}};
	const char *pos[1];
	int n = opts_parse("post", argc, argv, opts, pos, 1);
	if (n < 0)
		return 2;
	if (n)
		return cli_usage("post", "unexpected argument '%s'", pos[0]);
	date_t as_of = DATE_NONE;
	if (!opt_date("post", opts, "as-of", &as_of))
		return 2;
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct buf msg;
	buf_init(&msg, 0);
	struct post_rec *v;
	size_t nv;
	enum err e = post_list(st, opt_get(opts, "org"), as_of, &v, &nv, &msg);
	if (e) {
		code = cli_fail(e, "%s", msg.ptr);
	} else {
		printf("Tổ chức\tChức danh\tĐảng viên\tHọ và tên\tĐơn vị\tTừ ngày\tĐến ngày\tThường vụ\tQuyết định\n");
		for (size_t i = 0; i < nv; i++) {
			char f[11], t[11] = "";
			date_format_vn(v[i].from, f);
			if (v[i].to < DATE_MAX)
				date_format_vn(v[i].to, t);
			printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", v[i].org_code, post_kind_info(v[i].kind)->label,
			       v[i].member_id, v[i].full_name, v[i].unit, f, t, v[i].standing ? "có" : "", v[i].ref);
		}
		post_recs_free(v, nv);
	}
	buf_free(&msg);
	store_close(st);
	return code;
}

int cmd_post(struct cli *cli, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("post", "give what to do: add, end or list");
	if (strcmp(argv[1], "add") == 0)
		return post_add_cmd(cli, argc - 1, argv + 1);
	if (strcmp(argv[1], "end") == 0)
		return post_end_cmd(cli, argc - 1, argv + 1);
	if (strcmp(argv[1], "list") == 0)
		return post_list_cmd(cli, argc - 1, argv + 1);
	return cli_usage("post", "unknown action '%s' (add, end or list)", argv[1]);
}

/* argv[0] is "posts". Options: --dry-run, --allow-second-secretary. */
int cmd_posts_import(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"dry-run", false, NULL}, {"allow-second-secretary", false, NULL}, {0}};
	const char *pos[1];
	int n = opts_parse("import", argc, argv, opts, pos, 1);
	if (n < 0)
		return 2;
	if (n != 1)
		return cli_usage("import", "give the posts CSV file: dangbo import posts FILE");
	struct post_opts o;
	post_opts_default(&o);
	o.dry_run = opt_get(opts, "dry-run") != NULL;
	o.rules.one_secretary = opt_get(opts, "allow-second-secretary") == NULL;
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct diag_list dl;
	diag_init(&dl);
	size_t rows = 0;
	enum err e = posts_import(st, pos[0], &o, &dl, &rows);
	code = cli_import_result(st, pos[0], e, &dl, rows, "posts", o.dry_run);
	diag_free(&dl);
	store_close(st);
	return code;
}

/* argv[0] is "posts". Options: --org, --as-of, --output. */
int cmd_posts_export(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"org", true, NULL}, {"as-of", true, NULL}, {"output", true, NULL}, {0}};
	const char *pos[1];
	int n = opts_parse("export", argc, argv, opts, pos, 1);
	if (n < 0)
		return 2;
	if (n)
		return cli_usage("export", "unexpected argument '%s'", pos[0]);
	date_t as_of = DATE_NONE;
	if (!opt_date("export", opts, "as-of", &as_of))
		return 2;
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	const char *path = opt_get(opts, "output");
	FILE *out = path ? fopen(path, "w") : stdout;
	struct buf msg;
	buf_init(&msg, 0);
	enum err e = ERR_IO;
	if (!out)
		buf_addf(&msg, "%s: cannot write", path);
	else
		e = posts_export_csv(st, opt_get(opts, "org"), as_of, out, &msg);
	if (path && out && fclose(out) != 0 && !e)
		e = ERR_IO;
	if (e)
		code = cli_fail(e, "%s", msg.len ? msg.ptr : err_str(e));
	buf_free(&msg);
	store_close(st);
	return code;
}
