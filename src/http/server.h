/* server: dangbo's HTTP server (contract §5), what the CLI starts.
 *
 * libmicrohttpd with its internal polling thread and a pool of worker
 * threads; each worker opens its own store connection the first time it
 * handles a request (and closes it when the thread ends) and keeps the
 * organization tree it loaded until the data changes (the meta counter
 * "generation" that every audited data write bumps). Optional TLS from a
 * PEM certificate and key. */
#ifndef DANGBO_HTTP_SERVER_H
#define DANGBO_HTTP_SERVER_H

#include <stdbool.h>
#include <stdio.h>

#include "core/err.h"

struct server;

struct server_config {
	const char *db;       /* the store URI every worker opens */
	const char *listen;   /* "ADDR:PORT" ("127.0.0.1:8080", "[::1]:8080"); port 0 = any free port */
	const char *tls_cert; /* PEM files, both or neither */
	const char *tls_key;
	unsigned threads;     /* worker threads (1..64) */
	FILE *log;            /* one line per request, or NULL */
};

/* Checks that the database opens, then starts serving. On failure returns
 * ERR_USAGE (bad listen address, TLS files), ERR_IO (cannot listen, read
 * the TLS files) or the store's error, with a malloc'd message in *errmsg. */
enum err server_start(const struct server_config *cfg, struct server **out, char **errmsg);
/* The port actually listened on (useful with port 0). */
unsigned server_port(const struct server *s);
/* Stops serving and waits for the workers; frees s. */
void server_stop(struct server *s);

/* Writes the route table, one route a line: METHOD, pattern, roles (comma
 * separated, or "public"), flags, maximum body bytes, separated by tabs.
 * The API tests are generated from it. */
void server_print_routes(FILE *out);

#endif
