/* cli: the command table and what every command shares.
 *
 * main() looks the command up in commands[] (commands.c), and calls its run
 * function with the arguments after the command name (argv[0] is the command
 * name). A command returns an exit status per the contract §1: 0 success,
 * 1 bad input or refused, 2 usage, 3 storage or system failure. Messages go
 * to stderr, data to stdout. */
#ifndef DANGBO_CLI_CLI_H
#define DANGBO_CLI_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "core/diag.h"
#include "core/err.h"

struct cli {
	const char *db;  /* --db or $DANGBO_DB or "./dangbo.db" */
	bool progress;   /* stderr is a terminal */
};

struct command {
	const char *name;
	int (*run)(struct cli *cli, int argc, char **argv);
	const char *summary; /* one line, shown by "dangbo help" */
	const char *usage;   /* full help text, shown by "dangbo help CMD" and "CMD --help" */
};

extern const struct command commands[];

const struct command *cli_find(const char *name);
/* Prints "dangbo: message" to stderr and returns the exit code for e. */
int cli_fail(enum err e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints a usage error for cmd and returns 2. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints the diagnostics to stderr and returns the exit code for e. */
int cli_fail_diag(enum err e, const struct diag_list *dl);
/* True when argv contains --help or -h; prints the command's usage then. */
bool cli_wants_help(const char *cmd, int argc, char **argv);

struct store;
/* Opens the database of the command line (--db, $DANGBO_DB, ./dangbo.db);
 * prints why not and sets *code to the exit status on failure. */
struct store *cli_open_db(struct cli *cli, int *code);
struct diag_list;
/* Reports the result e of importing file (rows rows of what, e.g.
 * "ratings") to stderr — every problem and "nothing imported", the store's
 * message, or the rows imported (checked when dry) — and returns the exit
 * status. */
int cli_import_result(struct store *st, const char *file, enum err e, const struct diag_list *dl, size_t rows,
		      const char *what, bool dry);
struct snapshot;
struct buf;
/* Opens the database and its report snapshot (the file beside an SQLite
 * database unless no_snapshot; rebuilt when stale). Returns 0 with *st and
 * *snap to close and free, or the exit status after printing why not
 * (cmd_report.c). */
int cli_report_snapshot(struct cli *cli, bool no_snapshot, struct store **st, struct snapshot *snap);
/* Writes b to path atomically (beside it, then renamed); false on failure. */
bool cli_write_file(const char *path, const struct buf *b);

/* Every command's entry point (one cmd_<name>.c each). */
int cmd_help(struct cli *cli, int argc, char **argv);
int cmd_init(struct cli *cli, int argc, char **argv);
int cmd_import(struct cli *cli, int argc, char **argv);
int cmd_export(struct cli *cli, int argc, char **argv);
int cmd_org(struct cli *cli, int argc, char **argv);
int cmd_member(struct cli *cli, int argc, char **argv);
int cmd_demo(struct cli *cli, int argc, char **argv);
int cmd_holidays(struct cli *cli, int argc, char **argv);
int cmd_election(struct cli *cli, int argc, char **argv);
int cmd_congress(struct cli *cli, int argc, char **argv);
int cmd_report(struct cli *cli, int argc, char **argv);
int cmd_summary(struct cli *cli, int argc, char **argv);
/* also "dangbo import targets FILE": called with argv[1] = "targets" */
int cmd_target(struct cli *cli, int argc, char **argv);
int cmd_ratings_import(struct cli *cli, int argc, char **argv); /* dangbo import ratings FILE */
/* cmd_quality.c: dangbo import|export screening|residence|degradation (argv[0] the kind) */
bool cli_quality_kind(const char *s);
int cmd_quality_import(struct cli *cli, int argc, char **argv);
int cmd_quality_export(struct cli *cli, int argc, char **argv);
int cmd_post(struct cli *cli, int argc, char **argv);           /* cmd_post.c: the cadre module's posts */
int cmd_posts_import(struct cli *cli, int argc, char **argv);   /* dangbo import posts FILE */
int cmd_posts_export(struct cli *cli, int argc, char **argv);   /* dangbo export posts */
int cmd_serve(struct cli *cli, int argc, char **argv);
int cmd_user(struct cli *cli, int argc, char **argv);
int cmd_audit(struct cli *cli, int argc, char **argv);
/* the member lifecycle (docs/lifecycle.md) */
int cmd_applicant(struct cli *cli, int argc, char **argv);
int cmd_probation(struct cli *cli, int argc, char **argv);
int cmd_transfer(struct cli *cli, int argc, char **argv);
int cmd_exempt(struct cli *cli, int argc, char **argv);
int cmd_exit(struct cli *cli, int argc, char **argv);
int cmd_discipline(struct cli *cli, int argc, char **argv);
int cmd_badge(struct cli *cli, int argc, char **argv);
int cmd_card(struct cli *cli, int argc, char **argv);
int cmd_due(struct cli *cli, int argc, char **argv);
int cmd_rules(struct cli *cli, int argc, char **argv);
int cmd_backup(struct cli *cli, int argc, char **argv);  /* cmd_backup.c */
int cmd_restore(struct cli *cli, int argc, char **argv); /* cmd_backup.c */
/* Who the command line writes as in the audit log: "cli:<unix user>". */
const char *cli_actor(void);

#endif
