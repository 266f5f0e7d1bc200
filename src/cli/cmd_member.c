/* cmd_member: dangbo member show|find|add|event. */
#include "cli/cli.h"
#include "cli/opts.h"

#include <stdlib.h>
#include <string.h>

#include "app/ops.h"
#include "app/registry.h"
#include "core/numfmt.h"
#include "core/text.h"
#include "store/store.h"

const char usage_member[] =
	"usage: dangbo member show MEMBER_ID [--as-of DATE]\n"
	"       dangbo member find TEXT [--limit N]\n"
	"       dangbo member add MEMBER_ID --name NAME --gender nam|nữ --birth DATE --org CODE\n"
	"                         --decision DATE [--ceremony DATE] [--ethnicity E] [--religion R]\n"
	"                         [--card NUMBER]\n"
	"       dangbo member event MEMBER_ID --type TYPE --date DATE [--org CODE] [--to CODE]\n"
	"                         [--detail TEXT]\n\n"
	"find ignores case and diacritics ('nguyen van an' finds 'Nguyễn Văn An') and\n"
	"matches the whole name from its start or the given name; results are sorted the\n"
	"Vietnamese way (given name first).\n"
	"TYPE: admit, recognize, transfer_in, transfer_out, move, temp_out, temp_back,\n"
	"exempt_start, exempt_end, remove, expel, leave, death, readmit, restore,\n"
	"discipline, badge.\n";

/* Prints a label padded to 26 characters (not bytes) and its value. */
static void label(const char *l)
{
	size_t w = text_codepoints(l, strlen(l));
	fputs(l, stdout);
	for (; w < 26; w++)
		putchar(' ');
	putchar(' ');
}

static void line(const char *l, const char *value)
{
	if (value && *value) {
		label(l);
		puts(value);
	}
}

static int member_show(struct registry *r, const char *id, date_t d)
{
	struct member_rec m;
	struct event_rec *ev;
	size_t nev;
	enum err e = registry_member_get(r, id, &m, &ev, &nev);
	if (e == ERR_NOTFOUND)
		return cli_fail(e, "no member '%s'", id);
	if (e)
		return cli_fail(e, "%s", store_errmsg(r->st));
	struct member_facts f = {m.member_id, m.decision_date, m.ceremony_date, m.official_date,
				 registry_org_ref(m.org), m.status, 0};
	struct member_event *mev = calloc(nev + 1, sizeof(*mev));
	for (size_t i = 0; i < nev; i++)
		mev[i] = (struct member_event){ev[i].date, ev[i].type, registry_org_ref(ev[i].org),
					       registry_org_ref(ev[i].to_org), ev[i].detail, 0};
	struct org_resolver res;
	registry_resolver(r, &res);
	struct member_timeline tl;
	struct diag_list dl;
	diag_init(&dl);
	member_replay(&f, mev, nev, &res, r->today, "members", "events", &tl, &dl);
	char a[11], b[11];
	line("Số lý lịch:", m.member_id);
	line("Họ và tên:", m.full_name);
	line("Giới tính:", m.gender);
	date_format_vn(m.birth_date, a);
	line("Ngày sinh:", a);
	line("Dân tộc:", m.ethnicity);
	line("Tôn giáo:", m.religion ? m.religion : "Không");
	line("Số thẻ đảng viên:", m.card_number);
	date_format_vn(m.decision_date, a);
	line("Ngày quyết định kết nạp:", a);
	date_format_vn(m.ceremony_date, a);
	line("Ngày lễ kết nạp:", a);
	date_format_vn(tl.official_from, a);
	line("Ngày chính thức:", a);
	date_format_vn(d, b);
	line("Tính đến ngày:", b);
	enum member_status s = member_status_at(&f, &tl, d);
	line("Tình trạng:", s == MS__MAX ? "Chưa vào Đảng" : member_status_label(s));
	const struct span *sp = member_span_at(&tl, d);
	if (sp) {
		int org = tree_follow(&r->tree, registry_org_index(sp->org), d);
		label("Sinh hoạt tại:");
		printf("%s — %s\n", r->tree.orgs[org].code, tree_name_at(&r->tree, org, d));
		int years = member_party_age_years(&f, &tl, d);
		label("Tuổi đảng:");
		printf("%d năm (%lld ngày)\n", years,
		       (long long)member_party_age_days(&f, &tl, d));
		if (s == MS_PROBATIONARY) {
			date_format_vn(member_probation_end(&f), a);
			line("Hết thời gian dự bị:", a);
		}
	}
	line("Học vấn:", m.education);
	line("Chuyên môn:", m.profession_level);
	line("Lý luận chính trị:", m.theory_level);
	line("Nghề nghiệp:", m.occupation);
	line("Quê quán:", m.hometown);
	if (nev)
		printf("Quá trình:\n");
	for (size_t i = 0; i < nev; i++) {
		date_format_vn(ev[i].date, a);
		printf("  %s  %s", a, event_type_label(ev[i].type));
		if (ev[i].org != TREE_NONE)
			printf("  %s", r->tree.orgs[ev[i].org].code);
		if (ev[i].to_org != TREE_NONE)
			printf(" → %s", r->tree.orgs[ev[i].to_org].code);
		if (ev[i].detail)
			printf("  (%s)", ev[i].detail);
		printf("\n");
	}
	member_timeline_free(&tl);
	diag_free(&dl);
	free(mev);
	events_free(ev, nev);
	member_rec_free(&m);
	return 0;
}

static int member_find(struct store *st, const char *q, size_t limit)
{
	struct found_member *v;
	size_t n;
	enum err e = registry_member_find(st, q, limit, &v, &n);
	if (e)
		return cli_fail(e, "%s", store_errmsg(st));
	for (size_t i = 0; i < n; i++) {
		char b[11];
		date_format_vn(v[i].birth_date, b);
		printf("%s\t%s\t%s\t%s\t%s\t%s\n", v[i].member_id, v[i].full_name, v[i].gender, b, v[i].org_code,
		       v[i].status);
	}
	found_members_free(v, n);
	if (!n)
		fprintf(stderr, "dangbo: no member matches '%s'\n", q);
	return 0;
}

static int member_change(struct cli *cli, const char *sub, int argc, char **argv)
{
	struct opt opts[] = {{"name", true, NULL},     {"gender", true, NULL},   {"birth", true, NULL},
			     {"org", true, NULL},      {"decision", true, NULL}, {"ceremony", true, NULL},
			     {"ethnicity", true, NULL}, {"religion", true, NULL}, {"card", true, NULL},
			     {"type", true, NULL},     {"date", true, NULL},     {"to", true, NULL},
			     {"detail", true, NULL},   {0}};
	const char *pos[1];
	int n = opts_parse("member", argc, argv, opts, pos, 1);
	if (n < 0)
		return 2;
	if (n != 1)
		return cli_usage("member", "%s needs the member id", sub);
	struct diag_list dl;
	diag_init(&dl);
	int code = 0;
	enum err e;
	struct store *st;
	if (strcmp(sub, "add") == 0) {
		struct member_new in = {.member_id = pos[0], .full_name = opt_get(opts, "name"),
					.gender = opt_get(opts, "gender"), .ethnicity = opt_get(opts, "ethnicity"),
					.religion = opt_get(opts, "religion"), .card_number = opt_get(opts, "card"),
					.org = opt_get(opts, "org"), .birth_date = DATE_NONE,
					.decision_date = DATE_NONE, .ceremony_date = DATE_NONE};
		if (!in.full_name || !in.gender || !in.org || !opt_get(opts, "birth") || !opt_get(opts, "decision"))
			return cli_usage("member", "add needs --name, --gender, --birth, --org and --decision");
		if (!opt_date("member", opts, "birth", &in.birth_date) ||
		    !opt_date("member", opts, "decision", &in.decision_date) ||
		    !opt_date("member", opts, "ceremony", &in.ceremony_date))
			return 2;
		if (!(st = cli_open_db(cli, &code)))
			return code;
		e = ops_member_add(st, &in, &dl);
	} else if (strcmp(sub, "event") == 0) {
		struct member_event_in in = {.member_id = pos[0], .org = opt_get(opts, "org"),
					     .to_org = opt_get(opts, "to"), .detail = opt_get(opts, "detail")};
		if (!opt_get(opts, "type") || !event_type_parse(opt_get(opts, "type"), &in.type))
			return cli_usage("member", "event needs a valid --type");
		if (!opt_get(opts, "date"))
			return cli_usage("member", "event needs --date");
		if (!opt_date("member", opts, "date", &in.date))
			return 2;
		if (!(st = cli_open_db(cli, &code)))
			return code;
		e = ops_member_event(st, &in, &dl);
	} else {
		return cli_usage("member", "unknown subcommand '%s'", sub);
	}
	if (e == ERR_STORE || e == ERR_IO)
		cli_fail(e, "%s", store_errmsg(st));
	else if (e) {
		diag_print(&dl, stderr);
		fprintf(stderr, "dangbo: nothing changed\n");
	} else {
		fprintf(stderr, "dangbo: member %s: done\n", pos[0]);
	}
	diag_free(&dl);
	store_close(st);
	return err_exit_code(e);
}

int cmd_member(struct cli *cli, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("member", "give a subcommand: show, find, add, event");
	const char *sub = argv[1];
	if (strcmp(sub, "show") && strcmp(sub, "find"))
		return member_change(cli, sub, argc - 1, argv + 1);
	struct opt opts[] = {{"as-of", true, NULL}, {"limit", true, NULL}, {0}};
	const char *pos[1] = {NULL};
	int n = opts_parse("member", argc - 1, argv + 1, opts, pos, 1);
	if (n < 0)
		return 2;
	if (n != 1)
		return cli_usage("member", "%s needs %s", sub, strcmp(sub, "show") ? "the text to find" : "the member id");
	date_t d = date_today();
	if (!opt_date("member", opts, "as-of", &d))
		return 2;
	long limit = opt_get(opts, "limit") ? atol(opt_get(opts, "limit")) : 50;
	if (limit <= 0 || limit > 10000)
		return cli_usage("member", "--limit must be 1 to 10000");
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	if (strcmp(sub, "find") == 0) {
		int rc = member_find(st, pos[0], (size_t)limit);
		store_close(st);
		return rc;
	}
	struct registry r;
	struct diag_list dl;
	diag_init(&dl);
	int rc;
	if (registry_open(st, &r, &dl))
		rc = cli_fail(ERR_STORE, "cannot read the organizations: %s", store_errmsg(st));
	else
		rc = member_show(&r, pos[0], d);
	registry_close(&r);
	diag_free(&dl);
	store_close(st);
	return rc;
}
