/* cmd_serve: dangbo serve — the web server and JSON API (contract §5,
 * src/http/server.h). */
#include "cli/cli.h"
#include "cli/opts.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "http/server.h"

const char usage_serve[] =
	"usage: dangbo serve [--listen ADDR:PORT] [--tls-cert FILE --tls-key FILE] [--threads N]\n"
	"                    [--quiet] [--print-routes]\n\n"
	"Serves the web UI and the JSON API under /api/v1/ (described at\n"
	"/api/v1/openapi.json; docs/api.md) until interrupted (Ctrl-C, SIGTERM).\n"
	"Users log in with the accounts of 'dangbo user'; each sees and changes only\n"
	"their part of the organization tree, and every change is in the audit log.\n\n"
	"  --listen ADDR:PORT  where to listen (default 127.0.0.1:8080; port 0: any free\n"
	"                      port). The address actually used is printed on stdout.\n"
	"  --tls-cert FILE     PEM certificate and key: serve HTTPS (cookies are then\n"
	"  --tls-key FILE      marked Secure)\n"
	"  --threads N         worker threads, each with its own database connection\n"
	"                      (default 4)\n"
	"  --quiet             no request log on stderr\n"
	"  --print-routes      print the route table (method, path, roles, flags,\n"
	"                      body limit) and exit\n";

int cmd_serve(struct cli *cli, int argc, char **argv)
{
	struct opt opts[] = {{"listen", true, NULL},  {"tls-cert", true, NULL}, {"tls-key", true, NULL},
			     {"threads", true, NULL}, {"quiet", false, NULL},   {"print-routes", false, NULL},
			     {0}};
	const char *pos[1];
	int n = opts_parse("serve", argc, argv, opts, pos, 1);
	if (n < 0)
		return 2;
	if (n)
		return cli_usage("serve", "unexpected argument '%s'", pos[0]);
	if (opt_get(opts, "print-routes")) {
		server_print_routes(stdout);
		return 0;
	}
	struct server_config cfg = {
		.db = cli->db,
		.listen = opt_get(opts, "listen") ? opt_get(opts, "listen") : "127.0.0.1:8080",
		.tls_cert = opt_get(opts, "tls-cert"),
		.tls_key = opt_get(opts, "tls-key"),
		.threads = 4,
		.log = opt_get(opts, "quiet") ? NULL : stderr,
	};
	if (opt_get(opts, "threads")) {
		char *end;
		long t = strtol(opt_get(opts, "threads"), &end, 10);
		if (*end || t < 1 || t > 64)
			return cli_usage("serve", "--threads must be 1 to 64");
		cfg.threads = (unsigned)t;
	}
	/* The worker threads inherit this mask: only this thread takes the signals. */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	struct server *s;
	char *msg = NULL;
	enum err e = server_start(&cfg, &s, &msg);
	if (e) {
		int rc = cli_fail(e, "%s", msg ? msg : err_str(e));
		free(msg);
		return rc;
	}
	const char *listen = cfg.listen;
	const char *colon = strrchr(listen, ':');
	printf("%s://%.*s:%u/\n", cfg.tls_cert ? "https" : "http", (int)(colon - listen), listen, server_port(s));
	fflush(stdout);
	fprintf(stderr, "dangbo: serving %s with %u threads; Ctrl-C stops\n", cli->db, cfg.threads);
	int sig = 0;
	sigwait(&set, &sig);
	fprintf(stderr, "dangbo: stopping\n");
	server_stop(s);
	return 0;
}
