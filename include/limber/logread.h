/* Reading the hold log: one record per line, malformed lines refused. */
#ifndef LIMBER_LOGREAD_H
#define LIMBER_LOGREAD_H

#include <stddef.h>
#include <time.h>

struct log_entry {
	time_t		 start;		/* the instant the hold began */
	int		 offset;	/* its UTC offset in seconds */
	int		 year;		/* the date as written in the record */
	int		 month;
	int		 day;
	const char	*routine;	/* into the parsed line */
	const char	*step;
	int		 kind;		/* enum step_kind */
	int		 area;		/* index into area_table */
	int		 side;		/* 0 none, 1 left, 2 right */
	int		 target;
	int		 held;
	int		 outcome;	/* 0 done, 1 partial, 2 skipped */
};

/*
 * Parse one line (without its newline) in place: tabs become NULs and the
 * entry points into it. 0, or -1 for a malformed line: fewer than nine
 * fields, a bad timestamp, an unknown kind, area, side or outcome, or
 * seconds that are negative or not numbers.
 */
int	logread_parse(char *line, struct log_entry *);
/* Parse "2026-11-21T07:12:03+01:00" (or a Z offset); 0 or -1. */
int	logread_time(const char *text, struct log_entry *);
/*
 * The latest start of a done hold per area (0 for none) from the log at
 * path; a missing log leaves them all 0. Returns the number of malformed
 * lines, or -1 if the log cannot be read.
 */
long	logread_last_done(const char *path, time_t *last, size_t nareas);

#endif
