/* demo_int: what the parts of the demo generator share (not a public API).
 *
 * demo.c drives a run and owns the output files; demo_ref.c loads the
 * embedded reference data; demo_tables.c holds the hand-made tables (codes
 * of provinces, regional ethnic and religious mixes, names of units);
 * demo_plan.c lays out the organizations of a province with their 2025
 * history; demo_member.c draws the members of one organization with their
 * events. docs/internals/demo.md explains the choices. */
#ifndef DANGBO_IO_DEMO_INT_H
#define DANGBO_IO_DEMO_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/diag.h"
#include "core/err.h"
#include "io/demo.h"

/* ---- random numbers: xoshiro256** seeded through splitmix64 ---- */

struct demo_rng {
	uint64_t s[4];
};

static inline uint64_t demo_rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static inline uint64_t demo_next(struct demo_rng *r)
{
	uint64_t *s = r->s;
	uint64_t out = demo_rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = demo_rotl(s[3], 45);
	return out;
}

/* Uniform in [0, 1). */
static inline double demo_unit(struct demo_rng *r)
{
	return (double)(demo_next(r) >> 11) * 0x1.0p-53;
}

/* Uniform integer in [lo, hi] (hi >= lo). */
static inline int demo_range(struct demo_rng *r, int lo, int hi)
{
	return lo + (int)(demo_unit(r) * (double)(hi - lo + 1));
}

static inline bool demo_chance(struct demo_rng *r, double p)
{
	return demo_unit(r) < p;
}

/* Seeds r from the run's seed and a key (an organization code, ...), so
 * that every organization has its own stream whatever else is generated. */
void demo_rng_seed(struct demo_rng *r, uint64_t seed, const char *key);
/* Triangular distribution on [lo, hi] with the given mode, rounded. */
int demo_tri(struct demo_rng *r, int lo, int mode, int hi);
/* Exponential with the given mean. */
double demo_exp(struct demo_rng *r, double mean);

/* A weighted choice among n items: cum[i] is the sum of weights 0..i. */
struct demo_wt {
	size_t n;
	const char **name;
	double *cum;
};

void demo_wt_add(struct demo_wt *t, const char *name, double w);
size_t demo_wt_pick(const struct demo_wt *t, struct demo_rng *r);
void demo_wt_free(struct demo_wt *t);

/* ---- hand-made tables (demo_tables.c) ---- */

enum demo_region {
	RG_NORTHWEST, /* Tây Bắc */
	RG_NORTHEAST, /* Đông Bắc */
	RG_DELTA,     /* Đồng bằng sông Hồng */
	RG_NCENTRAL,  /* Bắc Trung Bộ */
	RG_SCENTRAL,  /* Duyên hải Nam Trung Bộ */
	RG_HIGHLAND,  /* Tây Nguyên */
	RG_SOUTHEAST, /* Đông Nam Bộ */
	RG_MEKONG,    /* Đồng bằng sông Cửu Long */
	RG__MAX
};

enum demo_relprof {
	RP_NORTH,    /* few believers, Buddhist and Catholic */
	RP_CATHOLIC, /* Catholic strongholds (Nam Định, Ninh Bình, Đồng Nai, ...) */
	RP_HIGHLAND, /* Protestant and Catholic among minorities */
	RP_SOUTH,    /* Buddhist, Catholic, Cao Đài */
	RP_CAODAI,   /* Tây Ninh */
	RP_HOAHAO,   /* An Giang and its neighbours */
	RP__MAX
};

struct demo_ethw {
	const char *name; /* as in data/ethnic-groups.csv */
	int w;
};

/* One of the 63 provinces of 01/03/2025. */
struct demo_pinfo {
	const char *gso;     /* GSO code before 2025-07-01 */
	const char *letters; /* its organization code and the letters of its CV numbers */
	enum demo_region region;
	int minority_pm;     /* members of ethnic minorities, per thousand */
	struct demo_ethw eth[5];
	enum demo_relprof rel;
};

/* One of the 34 provinces from 2025-07-01. */
struct demo_newinfo {
	const char *gso;
	const char *code;     /* organization code, also accepted by --province */
	const char *namesake; /* GSO code of the former province whose party
			       * organization it continues (same name) */
};

struct demo_relw {
	double p;              /* share of members with a religion */
	struct demo_ethw w[5]; /* religions (names as in data/religions.csv) */
};

extern const struct demo_pinfo demo_pinfo[];   /* 63 rows, then gso NULL */
extern const struct demo_relw demo_relprof[RP__MAX];
extern const struct demo_newinfo demo_newinfo[]; /* 34 rows, then gso NULL */

/* Family names that replace the Kinh ones for some ethnic groups. */
const char *const *demo_ethnic_family(const char *ethnic, size_t *n);

/* Word for a village-level residential unit by region, rural or urban:
 * "thôn", "bản", "ấp", "tổ dân phố", "khu phố". */
const char *demo_village_word(enum demo_region rg, bool urban, struct demo_rng *r);
/* A plausible name for a village ("Đông Hòa"), or NULL for a number. */
const char *demo_village_name(struct demo_rng *r, char *out, size_t n);

/* Kinds of member-holding places, which shape who the members are. */
enum demo_mcat {
	MC_RES,       /* a village or residential group */
	MC_AGENCY,    /* a state or party agency */
	MC_NEWAGENCY, /* a commune agency formed on 2025-07-01 */
	MC_SCHOOL,
	MC_HEALTH,
	MC_STATE,     /* state enterprise */
	MC_PRIVATE,
	MC_FDI,
	MC_ARMY,
	MC_POLICE,
	MC_COOP,      /* cooperative */
	MC__MAX
};

/* A kind of base organization and how to name and size it. */
struct demo_tmpl {
	const char *unit;     /* e.g. "Trường Tiểu học %s"; %s per arg */
	int arg;              /* what %s is: enum demo_targ */
	const char *category; /* orgs.csv category */
	enum demo_mcat mcat;
	int w_rural, w_urban; /* weights in a xã and in a phường */
	int lo, mode, hi;     /* members */
	int cell_mean;        /* members per cell when a base committee */
	const char *const *cells; /* names of its cells ("Tổ Toán - Tin"), NULL-ended */
};

enum demo_targ {
	TA_NONE,
	TA_COMMUNE, /* the new commune's name, "xã X" */
	TA_OLDNAME, /* a former commune's short name */
	TA_FIRM,    /* a company name */
	TA_PERSON,  /* a historical figure (schools) */
	TA_DISTRICT,/* a former district's short name */
	TA_NUMBER,
	TA_PROVINCE,/* "tỉnh X" / "thành phố X" */
	TA_COMMITTEE,/* "Tỉnh ủy" / "Thành ủy" */
};

extern const struct demo_tmpl demo_commune_tmpl[]; /* unit NULL ends */
extern const struct demo_tmpl demo_cqd_tmpl[];     /* fixed units first, then repeatable ones */
extern const struct demo_tmpl demo_ub_tmpl[];
extern const struct demo_tmpl demo_police_tmpl, demo_army_tmpl;
extern const char *const demo_hu_cells[]; /* cells of a former district party office */
extern const char *const demo_ub_cells[]; /* cells of a former district people's committee */

const char *demo_firm_name(struct demo_rng *r, char *out, size_t n, bool fdi);
const char *demo_person_name(struct demo_rng *r);

/* ---- reference data (demo_ref.c) ---- */

struct demo_oldprov {
	const struct demo_pinfo *info;
	char *name, *shortname;   /* "Tỉnh Hà Giang", "Hà Giang" */
	bool city;
	int newp;                 /* index of the new province */
	int d0, nd;               /* its districts */
	int c0, nc;               /* its communes */
};

struct demo_olddist {
	char gso[4];
	char *shortname;
	const char *typeword;     /* "huyện", "quận", "thị xã", "thành phố" */
	const char *committee;    /* "Huyện ủy", "Quận ủy", "Thị ủy", "Thành ủy" */
	int prov;
	int nhome;                /* new communes whose new agencies come from it */
};

struct demo_oldcomm {
	char gso[6];
	char *name, *shortname;   /* "Xã Yên Lạc", "Yên Lạc" */
	const char *category;     /* commune, ward, township */
	int dist;
	char *address;            /* "xã Yên Lạc, huyện Yên Định, tỉnh Thanh Hóa" */
	int ntargets;             /* new communes it went into */
	int left;                 /* targets not yet generated in this run */
	bool emitted;
};

enum demo_ctype { CT_XA, CT_PHUONG, CT_DACKHU };

struct demo_src {
	int unit;                 /* old commune, or old district when district */
	bool district, full;
};

struct demo_newcomm {
	char gso[6];
	char *name, *shortname;
	enum demo_ctype type;
	long pop;
	int prov;
	int s0, ns;               /* its sources (old communes or an island district) */
	int home_dist, home_k;    /* where its new agencies' members worked before */
	double budget;            /* members at scale 1 */
};

struct demo_newprov {
	const struct demo_newinfo *info;
	char *name, *shortname;
	bool city;
	long pop;
	int namesake;             /* index of the former province it continues */
	int c0, nc;               /* its new communes */
	int olds[4], nolds;       /* former provinces merged into it */
	double budget;            /* members at scale 1 */
};

struct demo_ref {
	struct demo_oldprov *op;
	size_t nop;
	struct demo_olddist *od;
	size_t nod;
	struct demo_oldcomm *oc;
	size_t noc;
	struct demo_newprov *np;
	size_t nnp;
	struct demo_newcomm *nc;
	size_t nnc;
	struct demo_src *src;
	size_t nsrc;
	size_t dropped;           /* mapping rows that cross provinces (ignored) */
	char *ethnic[55];         /* by GSO code 1..54 */
	char *religion[32];       /* by code (0 = none) */
	size_t nreligion;
	struct demo_wt family_north, family_south, middle[2], given[2]; /* [0] male, [1] female */
	struct demo_wt hometown_prov; /* former provinces weighted by communes */
	char **pool;              /* every string above, freed together */
	size_t npool, cappool;
};

enum err demo_ref_load(struct demo_ref *ref, struct diag_list *dl);
void demo_ref_free(struct demo_ref *ref);

/* ---- a run (demo.c) ---- */

enum demo_file { DF_ORGS, DF_ORG_EVENTS, DF_MEMBERS, DF_EVENTS, DF__MAX };

#define DEMO_MEMBERS_NATIONAL 5500000.0
/* Shares of a province's members in its two provincial committees
 * (Đảng bộ các cơ quan Đảng, Đảng bộ Ủy ban nhân dân). */
#define DEMO_SHARE_CQD 0.015
#define DEMO_SHARE_UB 0.04
#define DEMO_CARD_SLOTS 34
#define DEMO_CARD_SLOT_SIZE 29411 /* 10^6 / 34 */

struct demo_ctx {
	const struct demo_ref *ref;
	struct demo_ref *mref;    /* the same, for the counters of old communes */
	uint64_t seed;
	double scale;
	date_t today, reorg;
	struct buf out[DF__MAX];
	FILE *f[DF__MAX];
	bool io_failed;
	struct demo_counts n;
	uint32_t *cv;             /* CV number counters, by former province */
	uint16_t *card;           /* personal id counters [oldprov][gc][yy][slot] */
	uint64_t card_mul, card_add;
	uint64_t units_done, units_total;
	const struct demo_opts *o;
};

/* Appends a row to one of the files (flushing when the buffer is large). */
void demo_row(struct demo_ctx *c, enum demo_file f, const char *const *fields, size_t n);
/* orgs.csv row; NULL or "" fields are empty; founded/dissolved DATE_NONE for none. */
void demo_org(struct demo_ctx *c, const char *code, const char *name, const char *kind,
	      const char *parent, const char *category, const char *unit, date_t founded,
	      date_t dissolved);
/* org_events.csv row dated on the reorganization day. */
void demo_orgev(struct demo_ctx *c, const char *code, const char *type, const char *from,
		const char *to, const char *old_name, const char *new_name);
void demo_progress(struct demo_ctx *c);

/* ---- organizations (demo_plan.c) ---- */

/* Writes one new province: its organization, the former provinces and
 * districts that went into it, its communes and all their organizations
 * and members. */
void demo_plan_province(struct demo_ctx *c, int p);
/* The number of progress units (communes + provincial committees) of p. */
uint64_t demo_plan_units(const struct demo_ref *ref, int p);

/* ---- members (demo_member.c) ---- */

/* A place that holds members, with what shapes them. */
struct demo_slot {
	const char *code;
	int size;                 /* members now */
	enum demo_mcat cat;
	bool urban;
	const char *old_code;     /* where its members were before 2025-07-01, or NULL */
	int oldprov, newprov;
	const char *const *sib;   /* cells of the same base organization (may include code) */
	const int *sib_origin;    /* their origins: moves across origins only from 2025-07-01 */
	int origin;
	size_t nsib;
};

/* Writes the members of one organization (current ones and some kept for
 * history) with their events. */
void demo_members(struct demo_ctx *c, const struct demo_slot *s);

#endif
