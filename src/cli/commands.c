/* commands: the table of dangbo's commands. One line per command; the
 * usage text lives with the command in cmd_<name>.c. */
#include "cli/cli.h"

extern const char usage_holidays[];
extern const char usage_help[], usage_init[], usage_import[], usage_export[], usage_org[], usage_member[], usage_demo[];
extern const char usage_election[];
extern const char usage_congress[];
extern const char usage_post[];
extern const char usage_backup[], usage_restore[];

extern const char usage_report[], usage_target[];
extern const char usage_summary[];
extern const char usage_user[], usage_audit[], usage_serve[];
extern const char usage_applicant[], usage_probation[], usage_transfer[], usage_exempt[], usage_exit[], usage_discipline[],
	usage_badge[], usage_card[], usage_due[], usage_rules[];

const char usage_help[] = "usage: dangbo help [COMMAND]\n";

const struct command commands[] = {
	{"help", cmd_help, "list the commands, or explain one", usage_help},
	{"init", cmd_init, "create a new database", usage_init},
	{"import", cmd_import, "import orgs, org_events, members or events from CSV", usage_import},
	{"export", cmd_export, "export the same CSV formats", usage_export},
	{"org", cmd_org, "organizations: tree, show, add, move, merge, dissolve, rename", usage_org},
	{"member", cmd_member, "members: show, find, add, event", usage_member},
	{"demo", cmd_demo, "generate a realistic demo data set and import it", usage_demo},
	{"election", cmd_election, "count one round of an internal election", usage_election},
	{"congress", cmd_congress, "congresses: plan, hold, list, roster, result", usage_congress},
	{"post", cmd_post, "posts members hold over time (cadres): add, end, list", usage_post},
	{"report", cmd_report, "reports rolled up the tree as of a date: members, orgs, badges, lifecycle, congress, ratings", usage_report},
	{"summary", cmd_summary, "the yearly summary report of the party-building work, written from the data", usage_summary},
	{"target", cmd_target, "admission targets per organization and year", usage_target},
	{"serve", cmd_serve, "serve the web UI and the JSON API", usage_serve},
	{"user", cmd_user, "server accounts: add, list, password, disable, enable", usage_user},
	{"audit", cmd_audit, "the audit log of every write: verify, log", usage_audit},
	{"applicant", cmd_applicant, "admission pipeline: add, step, show, list", usage_applicant},
	{"probation", cmd_probation, "end of probation: recognize, remove", usage_probation},
	{"transfer", cmd_transfer, "transfers: start, arrive, out, in, temp, back, list", usage_transfer},
	{"exempt", cmd_exempt, "exemption from party activity: start, end", usage_exempt},
	{"exit", cmd_exit, "end of membership: remove, expel, leave, death", usage_exit},
	{"discipline", cmd_discipline, "record a disciplinary measure", usage_discipline},
	{"badge", cmd_badge, "Party badges: due, award", usage_badge},
	{"card", cmd_card, "card numbers and CV numbers: check, range, next", usage_card},
	{"due", cmd_due, "the due and overdue list of an organization", usage_due},
	{"rules", cmd_rules, "the lifecycle rules in force, their sources and settings", usage_rules},
	{"holidays", cmd_holidays, "the working-day calendar: show, import the year's days off", usage_holidays},
	{"backup", cmd_backup, "copy the live database into a checked backup file (SQLite)", usage_backup},
	{"restore", cmd_restore, "put a checked backup file in place of the database (SQLite)", usage_restore},
	{0, 0, 0, 0},
};
