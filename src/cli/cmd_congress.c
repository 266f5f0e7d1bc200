/* cmd_congress: dangbo congress plan|hold|list|roster — planning and
 * tracking congresses per organization and term, and the convened roster
 * (app/congress.h). */
#include "cli/cli.h"
#include "cli/opts.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "app/congress.h"
#include "core/numfmt.h"
#include "core/xalloc.h"
#include "store/store.h"

const char usage_congress[] =
	"usage: dangbo congress plan --org CODE --term T --kind members|delegates --planned DATE\n"
	"                            [--pilot] [--direct-secretary] [--notice DATE]\n"
	"                            [--political-report TEXT] [--committee-review TEXT]\n"
	"                            [--election-plan TEXT] [--delegates-plan TEXT]\n"
	"       dangbo congress hold --org CODE --term T --date DATE\n"
	"       dangbo congress list --org CODE --term T [--as-of DATE]\n"
	"       dangbo congress roster --org CODE --term T [--exclude MEMBER_ID:REASON]... [--absent MEMBER_ID]...\n"
	"                              [--freeze] [--json]\n"
	"       dangbo congress result --org CODE --term T FILE.json\n\n"
	"Congresses (đại hội) per organization and term (T as 2025-2030).\n\n"
	"  plan    plans (or re-plans) a congress; the notice, when given, must be at least\n"
	"          30 working days before the opening (QĐ 294-QĐ/TW §11–16)\n"
	"  hold    records the day the congress opened\n"
	"  list    held over planned, per kind of organization, over the organization's\n"
	"          subtree, as of a date (default today)\n"
	"  roster  the official members convened on the congress day (held, else planned),\n"
	"          probationary members listed apart; --exclude (repeatable, or comma-separated)\n"
	"          with REASON temp_out_absent, exempt_absent, suspended, excused_absent, and\n"
	"          for delegates' congresses committee_absent, delegate_absent_no_alternate;\n"
	"          base = convened minus exclusions (QĐ 190-QĐ/TW Điều 30). --freeze stores it;\n"
	"          once stored, roster without --exclude reads the stored roster back;\n"
	"          --json prints the election input skeleton (contract §4).\n"
	"          A delegates' congress convenes the delegates the congresses of the directly\n"
	"          subordinate organizations recorded (and the outgoing committee ex officio);\n"
	"          --absent (repeatable, or comma-separated) names a delegate absent for the whole\n"
	"          congress: the next alternate of the same organization takes the place\n"
	"          (QĐ 294-QĐ/TW §11.4), else delegate_absent_no_alternate; an absent committee\n"
	"          member gets committee_absent\n"
	"  result  records the committee, secretary or delegates (official and alternates, in\n"
	"          order) elected: FILE.json is what 'dangbo election count --format json'\n"
	"          printed, the candidates' ids being member_ids of the frozen roster\n";

static int congress_plan_cmd(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"org", true, NULL},
			     {"term", true, NULL},
			     {"kind", true, NULL},
			     {"planned", true, NULL},
			     {"notice", true, NULL},
			     {"pilot", false, NULL},
			     {"direct-secretary", false, NULL},
			     {"political-report", true, NULL},
			     {"committee-review", true, NULL},
			     {"election-plan", true, NULL},
			     {"delegates-plan", true, NULL},
			     {0}};
	const char *pos[1];
	int n = opts_parse("congress", argc, argv, opts, pos, 1);
	if (n < 0)
		return 2;
	struct congress_plan p = {.org_code = opt_get(opts, "org"), .term = opt_get(opts, "term"),
				  .planned = DATE_NONE, .notice = DATE_NONE};
	const char *kind = opt_get(opts, "kind");
	if (n || !p.org_code || !p.term || !kind || !opt_get(opts, "planned"))
		return cli_usage("congress", "plan needs --org, --term, --kind and --planned");
	if (!congress_kind_parse(kind, &p.kind))
		return cli_usage("congress", "--kind: '%s' is not members or delegates", kind);
	if (!opt_date("congress", opts, "planned", &p.planned) || !opt_date("congress", opts, "notice", &p.notice))
		return 2;
	p.pilot = opt_get(opts, "pilot") != NULL;
	p.direct_secretary = opt_get(opts, "direct-secretary") != NULL;
	p.contents[CC_POLITICAL_REPORT] = opt_get(opts, "political-report");
	p.contents[CC_COMMITTEE_REVIEW] = opt_get(opts, "committee-review");
	p.contents[CC_ELECTION] = opt_get(opts, "election-plan");
	p.contents[CC_DELEGATES] = opt_get(opts, "delegates-plan");
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct buf msg;
	buf_init(&msg, 0);
	enum err e = congress_plan_put(st, &p, &msg);
	if (e)
		code = cli_fail(e, "%s", msg.ptr);
	else
		fprintf(stderr, "dangbo: congress of %s for %s planned\n", p.org_code, p.term);
	buf_free(&msg);
	store_close(st);
	return code;
}

static int congress_hold_cmd(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"org", true, NULL}, {"term", true, NULL}, {"date", true, NULL}, {0}};
	const char *pos[1];
	int n = opts_parse("congress", argc, argv, opts, pos, 1);
	if (n < 0)
		return 2;
	const char *org = opt_get(opts, "org"), *term = opt_get(opts, "term");
	date_t day = DATE_NONE;
	if (n || !org || !term || !opt_get(opts, "date"))
		return cli_usage("congress", "hold needs --org, --term and --date");
	if (!opt_date("congress", opts, "date", &day))
		return 2;
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct buf msg;
	buf_init(&msg, 0);
	enum err e = congress_hold(st, org, term, day, &msg);
	if (e)
		code = cli_fail(e, "%s", msg.ptr);
	else
		fprintf(stderr, "dangbo: congress of %s for %s held\n", org, term);
	buf_free(&msg);
	store_close(st);
	return code;
}

/* "4.925/4.925 (100%)" */
static void print_ratio(struct buf *b, int64_t num, int64_t den)
{
	numfmt_int(b, num);
	buf_addf(b, "/");
	numfmt_int(b, den);
	if (den > 0) {
		int64_t scaled;
		/* whole percent when exact, else two decimals */
		int prec = numfmt_percent_scaled(num, den, 2, &scaled) && scaled % 100 == 0 ? 0 : 2;
		buf_addf(b, " (");
		numfmt_percent_text(b, num, den, prec);
		buf_addf(b, ")");
	}
}

static int congress_list_cmd(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"org", true, NULL}, {"term", true, NULL}, {"as-of", true, NULL}, {0}};
	const char *pos[1];
	int n = opts_parse("congress", argc, argv, opts, pos, 1);
	if (n < 0)
		return 2;
	const char *org = opt_get(opts, "org"), *term = opt_get(opts, "term");
	date_t as_of = date_today();
	if (n || !org || !term)
		return cli_usage("congress", "list needs --org and --term");
	if (!opt_date("congress", opts, "as-of", &as_of))
		return 2;
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct buf msg;
	buf_init(&msg, 0);
	struct congress_progress pr;
	enum err e = congress_progress_get(st, org, term, as_of, &pr, &msg);
	if (e) {
		code = cli_fail(e, "%s", msg.ptr);
	} else {
		char d[11];
		date_format_vn(as_of, d);
		printf("Đại hội nhiệm kỳ %s của %s, đến ngày %s\n", term, org, d);
		int64_t tp = 0, th = 0;
		for (int k = 0; k < ORG_KIND__MAX; k++) {
			if (!pr.planned[k])
				continue;
			buf_reset(&msg);
			print_ratio(&msg, pr.held[k], pr.planned[k]);
			printf("%s: đã tổ chức %s", org_kind_label((enum org_kind)k), msg.ptr);
			if (pr.direct_secretary[k])
				printf("; bầu trực tiếp bí thư %lld", (long long)pr.direct_secretary[k]);
			if (pr.pilot[k])
				printf("; điểm %lld", (long long)pr.pilot[k]);
			printf("\n");
			tp += pr.planned[k];
			th += pr.held[k];
		}
		buf_reset(&msg);
		print_ratio(&msg, th, tp);
		printf("Tổng: đã tổ chức %s\n", msg.ptr);
	}
	buf_free(&msg);
	store_close(st);
	return code;
}

/* Splits "ID:REASON[,ID:REASON...]" into ex; returns false after a usage error. */
static bool parse_exclusions(const char *arg, struct congress_exclusion **ex, size_t *n, size_t *cap, char **keep)
{
	char *s = xstrdup(arg);
	*keep = s;
	for (char *tok = strtok(s, ","); tok; tok = strtok(NULL, ",")) {
		char *colon = strchr(tok, ':');
		enum election_exclusion r;
		if (!colon || colon == tok || !exclusion_parse(colon + 1, &r)) {
			cli_usage("congress", "--exclude: '%s' is not MEMBER_ID:REASON with a known reason", tok);
			return false;
		}
		*colon = 0;
		XGROW(*ex, *cap, *n + 1);
		(*ex)[(*n)++] = (struct congress_exclusion){tok, r};
	}
	return true;
}

/* The roster of a delegates' congress: the convened with their seat and
 * electing organization, then those not convened. */
static void print_delegates(const struct congress_roster *r, const char *org, const char *term)
{
	char d[11];
	date_format_vn(r->day, d);
	printf("Danh sách triệu tập đại hội đại biểu nhiệm kỳ %s của %s, ngày %s%s\n", term, org, d,
	       r->frozen ? " (đã lưu)" : "");
	bool apart = false;
	for (size_t i = 0; i < r->n; i++)
		apart |= !r->v[i].official;
	for (int pass = 0; pass < (apart ? 2 : 1); pass++) {
		if (pass)
			printf("Không triệu tập:\n");
		for (size_t i = 0; i < r->n; i++) {
			const struct congress_person *p = &r->v[i];
			if (p->official != !pass)
				continue;
			printf("%s\t%s\t%s", p->member_id, p->full_name ? p->full_name : "",
			       p->seat == CSEAT_DELEGATE && !p->official ? "đại biểu chính thức vắng mặt, có dự khuyết thay"
									  : congress_seat_label(p->seat));
			if (p->elected_by)
				printf(" (%s bầu)", p->elected_by);
			if (p->replaces)
				printf(" thay %s", p->replaces);
			printf("\t%s\n", p->exclusion >= 0 ? exclusion_label((enum election_exclusion)p->exclusion) : "");
		}
	}
	printf("Triệu tập: %lld; loại trừ: %lld; số đại biểu để tính kết quả bầu cử: %lld\n",
	       (long long)r->base.convened, (long long)congress_excluded(&r->base),
	       (long long)congress_base_value(&r->base));
}

static int congress_roster_cmd(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"org", true, NULL},     {"term", true, NULL}, {"exclude", true, NULL},
			     {"absent", true, NULL},  {"freeze", false, NULL}, {"json", false, NULL}, {0}};
	/* --exclude and --absent may repeat: collect every occurrence before the parser keeps the last */
	struct congress_exclusion *ex = NULL;
	const char **absent = NULL;
	size_t nex = 0, cap = 0, nkeep = 0, nabsent = 0, acap = 0;
	char **keep = xcalloc((size_t)argc + 1, sizeof(char *));
	int code = 0;
	for (int i = 1; i < argc; i++) {
		const char *v = NULL, *a = NULL;
		if (strcmp(argv[i], "--exclude") == 0 && i + 1 < argc)
			v = argv[i + 1];
		else if (strncmp(argv[i], "--exclude=", 10) == 0)
			v = argv[i] + 10;
		else if (strcmp(argv[i], "--absent") == 0 && i + 1 < argc)
			a = argv[i + 1];
		else if (strncmp(argv[i], "--absent=", 9) == 0)
			a = argv[i] + 9;
		if (v && !parse_exclusions(v, &ex, &nex, &cap, &keep[nkeep++])) {
			code = 2;
			goto out;
		}
		if (a) {
			char *s = keep[nkeep++] = xstrdup(a);
			for (char *tok = strtok(s, ","); tok; tok = strtok(NULL, ",")) {
				XGROW(absent, acap, nabsent + 1);
				absent[nabsent++] = tok;
			}
		}
	}
	const char *pos[1];
	int n = opts_parse("congress", argc, argv, opts, pos, 1);
	if (n < 0) {
		code = 2;
		goto out;
	}
	const char *org = opt_get(opts, "org"), *term = opt_get(opts, "term");
	if (n || !org || !term) {
		code = cli_usage("congress", "roster needs --org and --term");
		goto out;
	}
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		goto out;
	struct buf msg;
	buf_init(&msg, 0);
	struct congress_roster r;
	enum err e = congress_roster_get(st, org, term, ex, nex, absent, nabsent, opt_get(opts, "freeze") != NULL,
				      &r, &msg);
	if (e) {
		code = cli_fail(e, "%s", msg.ptr);
	} else if (opt_get(opts, "json")) {
		/* the contract §4 election input: convened and the exclusions */
		json_t *excl = json_object();
		for (int x = 0; x < EXCL__MAX; x++)
			if (exclusion_applies((enum election_exclusion)x, r.kind))
				json_object_set_new(excl, exclusion_name((enum election_exclusion)x),
						    json_integer(r.base.excluded[x]));
		json_t *o = json_pack("{s:s, s:I, s:o}", "congress", congress_kind_name(r.kind), "convened",
				      (json_int_t)r.base.convened, "excluded", excl);
		char *s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		printf("%s\n", s);
		free(s);
		json_decref(o);
	} else if (r.kind == CONGRESS_DELEGATES) {
		print_delegates(&r, org, term);
		if (opt_get(opts, "freeze"))
			fprintf(stderr, "dangbo: roster of %s for %s frozen\n", org, term);
	} else {
		char d[11];
		date_format_vn(r.day, d);
		printf("Danh sách triệu tập đại hội nhiệm kỳ %s của %s, ngày %s%s\n", term, org, d,
		       r.frozen ? " (đã lưu)" : "");
		for (size_t i = 0; i < r.n; i++)
			if (r.v[i].official)
				printf("%s\t%s\t%s\n", r.v[i].member_id, r.v[i].full_name ? r.v[i].full_name : "",
				       r.v[i].exclusion >= 0 ? exclusion_label((enum election_exclusion)r.v[i].exclusion) : "");
		if (r.base.probationary) {
			printf("Đảng viên dự bị (không biểu quyết, không ứng cử):\n");
			for (size_t i = 0; i < r.n; i++)
				if (!r.v[i].official)
					printf("%s\t%s\n", r.v[i].member_id, r.v[i].full_name ? r.v[i].full_name : "");
		}
		printf("Triệu tập: %lld; loại trừ: %lld; số đảng viên để tính kết quả bầu cử: %lld\n",
		       (long long)r.base.convened, (long long)congress_excluded(&r.base),
		       (long long)congress_base_value(&r.base));
		if (opt_get(opts, "freeze"))
			fprintf(stderr, "dangbo: roster of %s for %s frozen\n", org, term);
	}
	if (!e)
		congress_roster_free(&r);
	buf_free(&msg);
	store_close(st);
out:
	for (size_t i = 0; i < nkeep; i++)
		free(keep[i]);
	free(keep);
	free(ex);
	free(absent);
	return code;
}

static int congress_result_cmd(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"org", true, NULL}, {"term", true, NULL}, {0}};
	const char *pos[1];
	int n = opts_parse("congress", argc, argv, opts, pos, 1);
	if (n < 0)
		return 2;
	const char *org = opt_get(opts, "org"), *term = opt_get(opts, "term");
	if (n != 1 || !org || !term)
		return cli_usage("congress", "result needs --org, --term and the result FILE.json");
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct buf msg;
	buf_init(&msg, 0);
	const char *role;
	size_t k;
	enum err e = congress_result_put(st, org, term, pos[0], &role, &k, &msg);
	if (e)
		code = cli_fail(e, "%s", msg.ptr);
	else
		fprintf(stderr, "dangbo: %s result of %s for %s recorded: %zu elected\n", role, org, term, k);
	buf_free(&msg);
	store_close(st);
	return code;
}

int cmd_congress(struct cli *cli, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("congress", "give what to do: plan, hold, list, roster or result");
	if (strcmp(argv[1], "plan") == 0)
		return congress_plan_cmd(cli, argc - 1, argv + 1);
	if (strcmp(argv[1], "hold") == 0)
		return congress_hold_cmd(cli, argc - 1, argv + 1);
	if (strcmp(argv[1], "list") == 0)
		return congress_list_cmd(cli, argc - 1, argv + 1);
	if (strcmp(argv[1], "roster") == 0)
		return congress_roster_cmd(cli, argc - 1, argv + 1);
	if (strcmp(argv[1], "result") == 0)
		return congress_result_cmd(cli, argc - 1, argv + 1);
	return cli_usage("congress", "unknown action '%s' (plan, hold, list, roster or result)", argv[1]);
}
