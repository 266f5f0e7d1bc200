/* badges: who is due for a Party badge on an award date, and the award
 * itself with its number (QĐ 294-QĐ/TW §28; HD 06-HD/TW §18;
 * HD 38-HD/BTCTW §III.1; domain/badge.h for the rules).
 *
 * A member is due on award date A for milestone N when their party age
 * (minus the days outside the Party, with those carried in by a transfer
 * record) reaches N years on a day whose batch is A, they are a member on
 * A (exempt members too) and have no badge of N yet; a member still
 * waiting after discipline is listed as deferred, with the day the wait
 * ends. Awards are kept in table badge_award with their number and
 * recorded as a badge event (detail "Huy hiệu N năm tuổi Đảng, số ...");
 * a posthumous award has no event (the member's history ends at death).
 * Numbers run per province and milestone in award order; a province that
 * took in others by a merger continues after the largest number any of
 * them issued. */
#ifndef DANGBO_APP_BADGES_H
#define DANGBO_APP_BADGES_H

#include <stdbool.h>
#include <stddef.h>

#include "app/lifecycle.h"
#include "core/date.h"
#include "core/diag.h"
#include "core/err.h"
#include "store/store.h"

struct badge_due {
	char *member_id, *full_name, *org_code;
	int years;
	date_t reach;     /* the day the milestone is reached */
	date_t batch;     /* the award date of its batch */
	date_t wait_end;  /* DATE_NONE, or the day a wait after discipline ends */
	bool deferred;    /* the wait runs past the award date */
	bool carried;     /* its batch was an earlier award date */
};

/* The members of org's subtree due on award date award (one of the four).
 * With overdue, also those whose batch was an earlier award date and who
 * have not received the badge; without it, only the earlier ones a wait
 * after discipline held back. Sorted by organization code, then reach day. */
enum err badges_due(struct store *st, const char *org, date_t award, bool overdue, struct badge_due **out,
		    size_t *n, struct diag_list *dl);
void badge_dues_free(struct badge_due *v, size_t n);

struct badge_award_in {
	const char *member_id;
	int years;
	date_t date;          /* the award date */
	const char *how;      /* normal (NULL), early, posthumous */
	const char *number;   /* the badge number; NULL: the next of the province */
	const char *ref;      /* decision number */
};

struct badge_award_out {
	char province[16];
	char number[24];
};

enum err badges_award(struct store *st, const struct badge_award_in *in, struct badge_award_out *out,
		      struct diag_list *dl);

#endif
