/* Calendar dates as day numbers: days since 1970-01-01, proleptic Gregorian. */
#ifndef LIMBER_DAY_H
#define LIMBER_DAY_H

#include <stddef.h>
#include <time.h>

#define DAY_BUFSIZE	11	/* "2026-11-21" and its NUL */
#define DAY_RELATIVE_MAX 36500	/* "36500d" is the furthest back */

long	 day_from_civil(int year, int month, int day);
void	 day_to_civil(long day, int *year, int *month, int *mday);
int	 day_valid(int year, int month, int day);	/* 1 if it exists */
int	 day_weekday(long day);		/* 0 Monday ... 6 Sunday */
long	 day_monday(long day);		/* the Monday of its week */
long	 day_of(time_t t);		/* the local date of an instant */
long	 day_today(void);		/* the local date now */

/*
 * A date given by a person: "2026-11-21" (years 1 to 9999), or relative to
 * today: "30d" is 30 days before today, "12w" 12 weeks before, "0d" today.
 * 0, or -1 for anything else.
 */
int	 day_parse(const char *text, long today, long *day);
/*
 * Read exactly n digits at *p into *v and step over them; 0 or -1. Inline:
 * the log reader calls it six times a record.
 */
static inline int
day_digits(const char **p, int n, int *v)
{
	int	i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if ((*p)[i] < '0' || (*p)[i] > '9')
			return -1;
		*v = *v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	return 0;
}

/* "2026-11-21"; returns buf (DAY_BUFSIZE bytes or more). */
char	*day_format(long day, char *buf, size_t size);

#endif
