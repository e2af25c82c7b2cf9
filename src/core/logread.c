/* Reading the hold log line by line, trusting nothing in it. */
#include "limber/logread.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "limber/area.h"
#include "limber/holdlog.h"

/* Days from 1970-01-01 to a civil date (proleptic Gregorian). */
static long long
logread_days(int y, int m, int d)
{
	long long	era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Read exactly n digits at *p into *v. */
static int
logread_digits(const char **p, int n, int *v)
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

/* Expect the character c at *p. */
static int
logread_char(const char **p, char c)
{
	if (**p != c)
		return -1;
	(*p)++;
	return 0;
}

/* Parse an ISO 8601 local time with its UTC offset. */
int
logread_time(const char *text, struct log_entry *e)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	const char	*p = text;
	int		 y, mo, d, h, mi, s, oh = 0, om = 0, sign = 1;

	if (logread_digits(&p, 4, &y) || logread_char(&p, '-') ||
	    logread_digits(&p, 2, &mo) || logread_char(&p, '-') ||
	    logread_digits(&p, 2, &d) || logread_char(&p, 'T') ||
	    logread_digits(&p, 2, &h) || logread_char(&p, ':') ||
	    logread_digits(&p, 2, &mi) || logread_char(&p, ':') ||
	    logread_digits(&p, 2, &s))
		return -1;
	if (*p == 'Z')
		p++;
	else {
		if (*p != '+' && *p != '-')
			return -1;
		sign = *p++ == '-' ? -1 : 1;
		if (logread_digits(&p, 2, &oh) || logread_char(&p, ':') ||
		    logread_digits(&p, 2, &om) || oh > 23 || om > 59)
			return -1;
	}
	if (*p != '\0' || mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] ||
	    (mo == 2 && d == 29 && (y % 4 != 0 || (y % 100 == 0 &&
	    y % 400 != 0))) || h > 23 || mi > 59 || s > 60)
		return -1;
	e->year = y;
	e->month = mo;
	e->day = d;
	e->offset = sign * (oh * 3600 + om * 60);
	e->start = (time_t)(logread_days(y, mo, d) * 86400 + h * 3600 +
	    mi * 60 + s - e->offset);
	return 0;
}

/* A whole number of seconds, not negative. */
static int
logread_seconds(const char *s, int *v)
{
	long	n = 0;

	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		n = n * 10 + (*s - '0');
		if (n > INT_MAX)
			return -1;
	}
	*v = (int)n;
	return 0;
}

/* The index of s in a NULL-terminated list of names, or -1. */
static int
logread_name(const char *s, const char *const *names)
{
	int	i;

	for (i = 0; names[i] != NULL; i++) {
		if (strcmp(s, names[i]) == 0)
			return i;
	}
	return -1;
}

/* Parse one record in place. */
int
logread_parse(char *line, struct log_entry *e)
{
	static const char *const kinds[] = { "stretch", "roll", NULL };
	static const char *const sides[] = { "-", "left", "right", NULL };
	static const char *const outcomes[] = { "done", "partial", "skipped",
	    NULL };
	char	*f[HOLDLOG_FIELDS], *p = line;
	int	 i;

	for (i = 0; i < HOLDLOG_FIELDS; i++) {
		f[i] = p;
		p = strchr(p, '\t');
		if (p == NULL && i < HOLDLOG_FIELDS - 1)
			return -1;
		if (p != NULL)
			*p++ = '\0';
	}
	memset(e, 0, sizeof *e);
	e->routine = f[1];
	e->step = f[2];
	if (logread_time(f[0], e) != 0 ||
	    (e->kind = logread_name(f[3], kinds)) < 0 ||
	    (e->area = area_find(f[4])) < 0 ||
	    (e->side = logread_name(f[5], sides)) < 0 ||
	    logread_seconds(f[6], &e->target) != 0 ||
	    logread_seconds(f[7], &e->held) != 0 ||
	    (e->outcome = logread_name(f[8], outcomes)) < 0)
		return -1;
	return 0;
}

/* The latest done hold per area. */
long
logread_last_done(const char *path, time_t *last, size_t nareas)
{
	struct log_entry	 e;
	FILE			*f;
	char			*line = NULL;
	size_t			 cap = 0;
	ssize_t			 n;
	long			 bad = 0;

	memset(last, 0, nareas * sizeof *last);
	if ((f = fopen(path, "r")) == NULL)
		return errno == ENOENT ? 0 : -1;
	while ((n = getline(&line, &cap, f)) != -1) {
		if (n == 0 || line[0] == '#')
			continue;
		if (line[n - 1] != '\n') {
			bad++;		/* a torn last line */
			continue;
		}
		line[n - 1] = '\0';
		if (logread_parse(line, &e) != 0) {
			bad++;
			continue;
		}
		if (e.outcome == HOLDLOG_DONE && (size_t)e.area < nareas &&
		    e.start > last[e.area])
			last[e.area] = e.start;
	}
	free(line);
	fclose(f);
	return bad;
}
