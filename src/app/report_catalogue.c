/* report_catalogue: every report dangbo can run (report.h). A module adds
 * its report here: one extern line and one table entry, and its own file
 * with the indicators and the functions that count them. */
#include "app/report.h"

extern const struct report_def report_members, report_orgs, report_badges, report_lifecycle;
extern const struct report_def report_congress;
extern const struct report_def report_ratings;
extern const struct report_def report_screening, report_degradation;
extern const struct report_def report_cadres;

const struct report_def *const report_catalogue[] = {
	&report_members,
	&report_orgs,
	&report_badges,
	&report_lifecycle,
	&report_congress,
	&report_ratings,
	&report_screening,
	&report_degradation,
	&report_cadres,
	NULL,
};
