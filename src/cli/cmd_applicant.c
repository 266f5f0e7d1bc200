/* cmd_applicant: dangbo applicant add|step|show|list — the admission
 * pipeline (app/admission.h). */
#include "cli/cli.h"
#include "cli/lifecycle_cli.h"
#include "cli/opts.h"

#include <stdio.h>
#include <string.h>

#include "app/admission.h"
#include "core/text.h"
#include "store/store.h"

const char usage_applicant[] =
	"usage: dangbo applicant add CODE --name NAME --gender nam|nữ --birth DATE --org CODE\n"
	"                        [--listed DATE] [--ethnicity E] [--religion R] [--card ID]\n"
	"                        [--consent REF] [--note TEXT]\n"
	"       dangbo applicant add CODE --readmit MEMBER_ID --org CODE --consent REF\n"
	"                        [--exit-reason R] [--sentence-cleared DATE] [--listed DATE]\n"
	"       dangbo applicant step CODE STEP --date DATE [--votes FOR/OF] [--person MEMBER_ID]\n"
	"                        [--since DATE] [--ref TEXT] [--note TEXT] [--extended]\n"
	"                        [--authorised] [--late TEXT] [--member-id ID]\n"
	"       dangbo applicant show CODE\n"
	"       dangbo applicant list --org CODE [--as-of DATE] [--all]\n\n"
	"The admission pipeline of outstanding people (quần chúng ưu tú), listed by the chi\n"
	"bộ that proposes them. STEP is one of\n"
	"  helper          a member assigned to help (--person)\n"
	"  course          the awareness-course certificate (valid 60 months)\n"
	"  application     the application letter\n"
	"  introducer      an introducer's letter (--person: an official member that day, in the\n"
	"                  same grassroots organization; --since: together at least 12 months)\n"
	"  union           the Youth Union or union resolution (replaces one introducer)\n"
	"  cell_vote       the chi bộ resolution (--votes over its official members, >= 2/3; age\n"
	"                  18-60 counted in months that day, older with --consent at add)\n"
	"  committee_vote  the grassroots committee (>= 2/3), for a cell under one\n"
	"  decision        the admission decision (--votes of the standing committee, > 1/2; or\n"
	"                  --authorised, >= 2/3) within 45 working days of the chi bộ resolution\n"
	"                  (--extended: +15 in special cases; --late REASON past that)\n"
	"  ceremony        within 30 working days of the decision (--late REF: the upper\n"
	"                  committee's consent): the member is created with --member-id, or the\n"
	"                  next CV number of the upper committee's range\n"
	"  drop            taken off the list\n"
	"Every refusal names the rule and the text that sets it. A failed vote is recorded;\n"
	"after 3 the upper committee takes the case. --readmit re-admits a former member\n"
	"(36 months after leaving, 60 after a cleared sentence, once, never after the\n"
	"excluded exits: QĐ 294-QĐ/TW §3.5).\n";

static int applicant_add(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"name", true, NULL},    {"gender", true, NULL},   {"birth", true, NULL},
			     {"org", true, NULL},     {"listed", true, NULL},   {"ethnicity", true, NULL},
			     {"religion", true, NULL}, {"card", true, NULL},    {"consent", true, NULL},
			     {"note", true, NULL},    {"readmit", true, NULL},  {"exit-reason", true, NULL},
			     {"sentence-cleared", true, NULL}, {0}};
	const char *pos[1];
	int n = opts_parse("applicant", argc, argv, opts, pos, 1);
	if (n < 0)
		return 2;
	if (n != 1)
		return cli_usage("applicant", "add needs the applicant's code");
	struct applicant_in in = {.code = pos[0], .full_name = opt_get(opts, "name"), .gender = opt_get(opts, "gender"),
				  .ethnicity = opt_get(opts, "ethnicity"), .religion = opt_get(opts, "religion"),
				  .card_number = opt_get(opts, "card"), .org = opt_get(opts, "org"),
				  .consent = opt_get(opts, "consent"), .readmit = opt_get(opts, "readmit"),
				  .exit_reason = opt_get(opts, "exit-reason"), .note = opt_get(opts, "note"),
				  .birth_date = DATE_NONE, .listed_on = DATE_NONE, .sentence_cleared = DATE_NONE};
	if (!in.org)
		return cli_usage("applicant", "add needs --org (the proposing chi bộ)");
	if (!in.readmit && (!in.full_name || !in.gender || !opt_get(opts, "birth")))
		return cli_usage("applicant", "add needs --name, --gender and --birth (or --readmit MEMBER_ID)");
	if (!opt_date("applicant", opts, "birth", &in.birth_date) || !opt_date("applicant", opts, "listed", &in.listed_on) ||
	    !opt_date("applicant", opts, "sentence-cleared", &in.sentence_cleared))
		return 2;
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct diag_list dl;
	diag_init(&dl);
	enum err e = admission_add(st, &in, &dl);
	char done[160];
	snprintf(done, sizeof(done), "applicant %s listed", pos[0]);
	return lcli_finish(st, e, &dl, done, NULL);
}

static int applicant_step(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"date", true, NULL},   {"votes", true, NULL},      {"person", true, NULL},
			     {"since", true, NULL},  {"ref", true, NULL},        {"note", true, NULL},
			     {"extended", false, NULL}, {"authorised", false, NULL}, {"late", true, NULL},
			     {"member-id", true, NULL}, {0}};
	const char *pos[2];
	int n = opts_parse("applicant", argc, argv, opts, pos, 2);
	if (n < 0)
		return 2;
	if (n != 2)
		return cli_usage("applicant", "step needs the applicant's code and the step");
	struct applicant_step_in in = {.code = pos[0], .votes = opt_get(opts, "votes"), .person = opt_get(opts, "person"),
				       .ref = opt_get(opts, "ref"), .note = opt_get(opts, "note"),
				       .extended = opt_get(opts, "extended") != NULL,
				       .authorised = opt_get(opts, "authorised") != NULL, .late = opt_get(opts, "late"),
				       .member_id = opt_get(opts, "member-id"), .date = DATE_NONE, .since = DATE_NONE};
	if (!applicant_step_parse(pos[1], &in.step))
		return cli_usage("applicant", "unknown step '%s' (helper, course, application, introducer, union, "
					      "cell_vote, committee_vote, decision, ceremony, drop)",
				 pos[1]);
	if (!opt_get(opts, "date"))
		return cli_usage("applicant", "step needs --date");
	if (!opt_date("applicant", opts, "date", &in.date) || !opt_date("applicant", opts, "since", &in.since))
		return 2;
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct diag_list dl;
	diag_init(&dl);
	struct step_outcome out;
	enum err e = admission_step(st, &in, &out, &dl);
	char done[200];
	if (out.member_created)
		snprintf(done, sizeof(done), "applicant %s: %s recorded; member %s admitted (probationary)", pos[0],
			 pos[1], out.member_id);
	else
		snprintf(done, sizeof(done), "applicant %s: %s recorded%s", pos[0], pos[1],
			 in.step == AS_CELL_VOTE || in.step == AS_COMMITTEE_VOTE ? (out.passed ? " (passed)" : " (not passed)") : "");
	return lcli_finish(st, e, &dl, done, out.note);
}

/* A label padded to 22 characters (not bytes), then the value. */
static void line(const char *label, const char *value)
{
	if (!value || !*value)
		return;
	fputs(label, stdout);
	for (size_t w = text_codepoints(label, strlen(label)); w < 22; w++)
		putchar(' ');
	printf(" %s\n", value);
}

static int applicant_show(struct cli *cli, int argc, char **argv)
{
	const char *pos[1];
	struct opt opts[] = {{0}};
	int n = opts_parse("applicant", argc, argv, opts, pos, 1);
	if (n != 1)
		return n < 0 ? 2 : cli_usage("applicant", "show needs the applicant's code");
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct diag_list dl;
	diag_init(&dl);
	struct applicant_view v;
	enum err e = admission_get(st, pos[0], &v, &dl);
	if (e)
		return lcli_fail(st, e, &dl);
	char a[11];
	line("Mã:", v.code);
	line("Họ và tên:", v.full_name);
	line("Giới tính:", v.gender);
	date_format_vn(v.birth_date, a);
	line("Ngày sinh:", a);
	line("Dân tộc:", v.ethnicity);
	line("Tôn giáo:", v.religion);
	line("Số định danh:", v.card_number);
	line("Chi bộ:", v.org_code);
	date_format_vn(v.listed_on, a);
	line("Đưa vào danh sách:", a);
	line("Kết nạp lại:", v.readmit);
	line("Văn bản đồng ý:", v.consent);
	line("Đảng viên:", v.member_id);
	for (size_t i = 0; i < v.nsteps; i++) {
		const struct applicant_step_rec *r = &v.steps[i];
		date_format_vn(r->date, a);
		printf("  %s  %-15s %s", a, applicant_step_name(r->step), applicant_step_label(r->step));
		if (r->votes_base)
			printf("  %d/%d%s", r->votes_for, r->votes_base,
			       r->step == AS_DECISION ? "" : (r->flags & ASF_PASSED) ? " đạt" : " không đạt");
		if (r->person)
			printf("  %s", r->person);
		if (r->ref)
			printf("  (%s)", r->ref);
		if (v.notes[i])
			printf("  — %s", v.notes[i]);
		putchar('\n');
	}
	if (v.state.next != AS__MAX) {
		printf("Bước tiếp theo:         %s", applicant_step_name(v.state.next));
		if (v.state.deadline != DATE_NONE) {
			date_format_vn(v.state.deadline, a);
			printf(", hạn %s (%s)", a, rule_cite(v.state.deadline_rule, v.state.deadline));
		}
		putchar('\n');
	}
	if (v.state.certificate_end != DATE_NONE && v.state.cell_vote == DATE_NONE) {
		date_format_vn(v.state.certificate_end, a);
		line("Giấy chứng nhận đến:", a);
	}
	applicant_view_free(&v);
	diag_free(&dl);
	store_close(st);
	return 0;
}

static int applicant_list(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"org", true, NULL}, {"as-of", true, NULL}, {"all", false, NULL}, {0}};
	const char *pos[1];
	int n = opts_parse("applicant", argc, argv, opts, pos, 0);
	if (n < 0)
		return 2;
	if (!opt_get(opts, "org"))
		return cli_usage("applicant", "list needs --org CODE");
	date_t d = date_today();
	if (!opt_date("applicant", opts, "as-of", &d))
		return 2;
	int code = 0;
	struct store *st = cli_open_db(cli, &code);
	if (!st)
		return code;
	struct diag_list dl;
	diag_init(&dl);
	struct applicant_view *v;
	size_t nv;
	enum err e = admission_list(st, opt_get(opts, "org"), d, opt_get(opts, "all") != NULL, &v, &nv, &dl);
	if (e)
		return lcli_fail(st, e, &dl);
	for (size_t i = 0; i < nv; i++) {
		char a[11] = "";
		if (v[i].state.deadline != DATE_NONE)
			date_format(v[i].state.deadline, a);
		const char *next = v[i].state.next == AS__MAX ? (v[i].state.ceremony != DATE_NONE ? "admitted" : "dropped")
							       : applicant_step_name(v[i].state.next);
		printf("%s\t%s\t%s\t%s\t%s\n", v[i].code, v[i].full_name, v[i].org_code, next, a);
	}
	applicant_views_free(v, nv);
	diag_free(&dl);
	store_close(st);
	return 0;
}

int cmd_applicant(struct cli *cli, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("applicant", "give a subcommand: add, step, show, list");
	const char *sub = argv[1];
	if (strcmp(sub, "add") == 0)
		return applicant_add(cli, argc - 1, argv + 1);
	if (strcmp(sub, "step") == 0)
		return applicant_step(cli, argc - 1, argv + 1);
	if (strcmp(sub, "show") == 0)
		return applicant_show(cli, argc - 1, argv + 1);
	if (strcmp(sub, "list") == 0)
		return applicant_list(cli, argc - 1, argv + 1);
	return cli_usage("applicant", "unknown subcommand '%s'", sub);
}
