/* server: the libmicrohttpd daemon, its worker threads' state, and the life
 * of one request (http.h).
 *
 * libmicrohttpd calls the access handler several times per request: first
 * with the headers only (the request state is made here, and a body larger
 * than the route allows by its Content-Length is refused at once with 413),
 * then with pieces of the body (collected into a buffer capped at the
 * route's limit), and last with no data, when the gate and the handler run
 * and the response is queued. The "completed" callback frees the state. */
#include "http/http.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "core/xalloc.h"
#include "store/store.h"

/* ---- workers ---- */

static void worker_free(void *p)
{
	struct worker *w = p;
	if (!w)
		return;
	if (w->loaded)
		registry_close(&w->reg);
	collator_free(w->coll);
	store_close(w->st);
	free(w);
}

struct worker *server_worker(struct server *s, char **errmsg)
{
	struct worker *w = pthread_getspecific(s->key);
	if (w)
		return w;
	struct store *st;
	enum err e = store_open(s->db, STORE_OPEN, &st, errmsg);
	if (e)
		return NULL;
	w = xcalloc(1, sizeof(*w));
	w->st = st;
	w->coll = collator_new();
	pthread_setspecific(s->key, w);
	return w;
}

/* ---- requests ---- */

static struct req *req_new(struct server *s, struct MHD_Connection *c, const char *url, const char *method)
{
	struct req *rq = xcalloc(1, sizeof(*rq));
	rq->srv = s;
	rq->conn = c;
	rq->method = method;
	rq->path = xstrdup(url);
	rq->scope = TREE_NONE;
	buf_init(&rq->body, 0);
	diag_init(&rq->dl);
	clock_gettime(CLOCK_MONOTONIC, &rq->t0);
	rq->now = (int64_t)time(NULL);
	rq->today = date_today();
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	snprintf(rq->client, sizeof(rq->client), "?");
	if (ci && ci->client_addr) {
		const struct sockaddr *sa = ci->client_addr;
		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, rq->client,
				  sizeof(rq->client));
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, rq->client,
				  sizeof(rq->client));
	}
	return rq;
}

static void req_free(struct req *rq)
{
	free(rq->path);
	for (size_t i = 0; i < rq->nparams; i++)
		free(rq->params[i]);
	buf_free(&rq->body);
	json_decref(rq->json);
	if (rq->has_session)
		session_release(&rq->sess);
	json_decref(rq->out);
	free(rq->raw);
	for (size_t i = 0; i < rq->nhdr; i++) {
		free(rq->hname[i]);
		free(rq->hvalue[i]);
	}
	free(rq->message);
	diag_free(&rq->dl);
	json_decref(rq->err_extra);
	free(rq);
}

/* The route a request names, to learn its body limit before the body
 * arrives (the gate matches again, with everything). */
static const struct route *route_for(const char *method, const char *path)
{
	char *params[REQ_PARAMS];
	for (size_t i = 0; i < nroutes; i++) {
		size_t np = 0;
		if (strcmp(routes[i].method, method) != 0 || !route_match_path(routes[i].pattern, path, params, &np))
			continue;
		for (size_t k = 0; k < np; k++)
			free(params[k]);
		return &routes[i];
	}
	return NULL;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
				  const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	struct server *s = cls;
	struct req *rq = *con_cls;
	if (!rq) {
		rq = req_new(s, c, url, method);
		*con_cls = rq;
		const struct route *r = route_for(method, url);
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (r && cl) {
			char *end;
			unsigned long long n = strtoull(cl, &end, 10);
			if (*end || n > r->maxbody) {
				rq->route = r;
				reply_now(rq, MHD_HTTP_CONTENT_TOO_LARGE, NULL);
				return MHD_YES;
			}
		}
		rq->body.max = r ? r->maxbody : 0;
		return MHD_YES;
	}
	if (*upload_size) {
		if (!rq->queued && !rq->too_big) {
			buf_add(&rq->body, upload, *upload_size);
			if (rq->body.overflow)
				rq->too_big = true;
		}
		*upload_size = 0;
		return MHD_YES;
	}
	if (rq->queued)
		return MHD_YES;
	rq->w = server_worker(s, NULL);
	route_dispatch(rq);
	return MHD_YES;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	struct server *s = cls;
	struct req *rq = *con_cls;
	if (!rq)
		return;
	if (s->log) {
		struct timespec t1;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		double ms = (double)(t1.tv_sec - rq->t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - rq->t0.tv_nsec) / 1e6;
		char at[21];
		time_t now = (time_t)rq->now;
		struct tm tm;
		gmtime_r(&now, &tm);
		strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", &tm);
		pthread_mutex_lock(&s->log_lock);
		fprintf(s->log, "%s %s %s %s %d %.1fms %s\n", at, rq->client, rq->method, rq->path, rq->status, ms,
			rq->has_session ? rq->sess.user.login : "-");
		fflush(s->log);
		pthread_mutex_unlock(&s->log_lock);
	}
	req_free(rq);
	*con_cls = NULL;
}

/* ---- start and stop ---- */

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct buf b;
	buf_init(&b, 1 << 20);
	char block[4096];
	size_t n;
	while ((n = fread(block, 1, sizeof(block), f)) > 0)
		buf_add(&b, block, n);
	bool bad = ferror(f) || b.overflow;
	fclose(f);
	if (bad) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

/* Parses "ADDR:PORT" or "[ADDR6]:PORT". */
static bool parse_listen(const char *s, struct sockaddr_storage *ss, socklen_t *len, bool *v6)
{
	char host[64];
	const char *port;
	memset(ss, 0, sizeof(*ss));
	if (s[0] == '[') {
		const char *close = strchr(s, ']');
		if (!close || close[1] != ':' || (size_t)(close - s - 1) >= sizeof(host))
			return false;
		memcpy(host, s + 1, (size_t)(close - s - 1));
		host[close - s - 1] = '\0';
		port = close + 2;
	} else {
		const char *colon = strrchr(s, ':');
		if (!colon || (size_t)(colon - s) >= sizeof(host))
			return false;
		memcpy(host, s, (size_t)(colon - s));
		host[colon - s] = '\0';
		port = colon + 1;
	}
	char *end;
	long p = strtol(port, &end, 10);
	if (!*port || *end || p < 0 || p > 65535)
		return false;
	struct sockaddr_in *a4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;
	if (inet_pton(AF_INET, host, &a4->sin_addr) == 1) {
		a4->sin_family = AF_INET;
		a4->sin_port = htons((uint16_t)p);
		*len = sizeof(*a4);
		*v6 = false;
		return true;
	}
	if (inet_pton(AF_INET6, host, &a6->sin6_addr) == 1) {
		a6->sin6_family = AF_INET6;
		a6->sin6_port = htons((uint16_t)p);
		*len = sizeof(*a6);
		*v6 = true;
		return true;
	}
	return false;
}

static void server_free(struct server *s)
{
	if (!s)
		return;
	free(s->db);
	free(s->cert_pem);
	if (s->key_pem) {
		memset(s->key_pem, 0, strlen(s->key_pem));
		free(s->key_pem);
	}
	pthread_key_delete(s->key);
	pthread_mutex_destroy(&s->write_lock);
	pthread_mutex_destroy(&s->view_lock);
	pthread_mutex_destroy(&s->log_lock);
	if (s->snap_ok)
		snapshot_free(&s->snap);
	pthread_rwlock_destroy(&s->snap_lock);
	free(s);
}

enum err server_start(const struct server_config *cfg, struct server **out, char **errmsg)
{
	*out = NULL;
	struct sockaddr_storage ss;
	socklen_t sslen;
	bool v6;
	if (!parse_listen(cfg->listen, &ss, &sslen, &v6)) {
		*errmsg = xasprintf("'%s' is not ADDR:PORT (e.g. 127.0.0.1:8080 or [::1]:8080)", cfg->listen);
		return ERR_USAGE;
	}
	if (!cfg->tls_cert != !cfg->tls_key) {
		*errmsg = xstrdup("give both --tls-cert and --tls-key, or neither");
		return ERR_USAGE;
	}
	/* The database must open now, not at the first request. */
	struct store *st;
	enum err e = store_open(cfg->db, STORE_OPEN, &st, errmsg);
	if (e)
		return e;
	store_close(st);

	struct server *s = xcalloc(1, sizeof(*s));
	s->db = xstrdup(cfg->db);
	s->log = cfg->log;
	pthread_key_create(&s->key, worker_free);
	pthread_mutex_init(&s->write_lock, NULL);
	pthread_mutex_init(&s->view_lock, NULL);
	pthread_mutex_init(&s->log_lock, NULL);
	pthread_rwlock_init(&s->snap_lock, NULL);
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG;
	if (v6)
		flags |= MHD_USE_IPv6;
	if (cfg->tls_cert) {
		if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
			*errmsg = xstrdup("this libmicrohttpd has no TLS support");
			server_free(s);
			return ERR_USAGE;
		}
		s->cert_pem = slurp(cfg->tls_cert);
		s->key_pem = slurp(cfg->tls_key);
		if (!s->cert_pem || !s->key_pem) {
			*errmsg = xasprintf("cannot read %s", !s->cert_pem ? cfg->tls_cert : cfg->tls_key);
			server_free(s);
			return ERR_IO;
		}
		flags |= MHD_USE_TLS;
		s->tls = true;
	}
	unsigned threads = cfg->threads ? cfg->threads : 2;
	struct MHD_OptionItem tls_opts[] = {
		{MHD_OPTION_HTTPS_MEM_CERT, 0, s->cert_pem},
		{MHD_OPTION_HTTPS_MEM_KEY, 0, s->key_pem},
		{MHD_OPTION_END, 0, NULL},
	};
	s->d = MHD_start_daemon(flags, 0, NULL, NULL, on_request, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
				MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
				MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)60, MHD_OPTION_CONNECTION_LIMIT,
				(unsigned)1024, MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(128 * 1024),
				MHD_OPTION_ARRAY, s->tls ? tls_opts : tls_opts + 2, MHD_OPTION_END);
	if (!s->d) {
		*errmsg = xasprintf("cannot listen on %s: %s", cfg->listen,
				    errno ? strerror(errno) : "libmicrohttpd refused to start");
		server_free(s);
		return ERR_IO;
	}
	const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
	s->port = di ? di->port : 0;
	*out = s;
	return ERR_OK;
}

unsigned server_port(const struct server *s)
{
	return s->port;
}

void server_stop(struct server *s)
{
	if (!s)
		return;
	MHD_stop_daemon(s->d);
	server_free(s);
}

void server_print_routes(FILE *out)
{
	for (size_t i = 0; i < nroutes; i++) {
		const struct route *r = &routes[i];
		char roles[64] = "";
		if (r->flags & R_PUBLIC) {
			snprintf(roles, sizeof(roles), "public");
		} else {
			for (int k = 0; k < ROLE__MAX; k++)
				if (r->roles & ROLE_BIT(k)) {
					size_t n = strlen(roles);
					snprintf(roles + n, sizeof(roles) - n, "%s%s", n ? "," : "", role_name((enum role)k));
				}
		}
		char flags[64] = "";
		static const char *const names[] = {"public", "json", "upload", "write", "compute"};
		for (int k = 0; k < 5; k++)
			if (r->flags & (1u << k)) {
				size_t n = strlen(flags);
				snprintf(flags + n, sizeof(flags) - n, "%s%s", n ? "," : "", names[k]);
			}
		fprintf(out, "%s\t%s\t%s\t%s\t%zu\n", r->method, r->pattern, roles, *flags ? flags : "-", r->maxbody);
	}
}
