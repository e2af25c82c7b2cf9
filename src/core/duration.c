/* Parsing and printing durations. */
#include "limber/duration.h"

#include <limits.h>
#include <stdio.h>

static const struct {
	char		unit;
	long long	scale;
} duration_units[] = {
	{ 'h', 3600 },
	{ 'm', 60 },
	{ 's', 1 },
};
#define DURATION_NUNITS (sizeof duration_units / sizeof duration_units[0])

/* Read the digits at *p into *n; -1 on overflow, 0 if none, else 1. */
static int
duration_number(const char **p, long long *n)
{
	const char	*s = *p;
	long long	 v = 0;

	if (*s < '0' || *s > '9')
		return 0;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (v > (LLONG_MAX - (*s - '0')) / 10)
			return -1;
		v = v * 10 + (*s - '0');
	}
	*p = s;
	*n = v;
	return 1;
}

/* Parse "30", "30s", "1m30s", "1h". */
enum duration_error
duration_parse(const char *text, long long *secs)
{
	const char	*p = text;
	long long	 total = 0, n;
	size_t		 next = 0, u;
	int		 r;

	if (*p == '\0')
		return DURATION_EMPTY;
	if (*p == '-')
		return DURATION_NEGATIVE;
	while (*p != '\0') {
		if ((r = duration_number(&p, &n)) == 0)
			return DURATION_SYNTAX;
		if (r < 0)
			return DURATION_OVERFLOW;
		if (*p == '\0' && next == 0) {
			*secs = n;	/* a bare number of seconds */
			return DURATION_OK;
		}
		for (u = next; u < DURATION_NUNITS; u++) {
			if (duration_units[u].unit == *p)
				break;
		}
		if (u == DURATION_NUNITS)
			return DURATION_SYNTAX;
		if (n > LLONG_MAX / duration_units[u].scale)
			return DURATION_OVERFLOW;
		n *= duration_units[u].scale;
		if (total > LLONG_MAX - n)
			return DURATION_OVERFLOW;
		total += n;
		next = u + 1;
		p++;
	}
	*secs = total;
	return DURATION_OK;
}

/* A phrase for each parse error. */
const char *
duration_strerror(enum duration_error e)
{
	switch (e) {
	case DURATION_OK:
		return "no error";
	case DURATION_EMPTY:
		return "empty duration";
	case DURATION_NEGATIVE:
		return "negative duration";
	case DURATION_SYNTAX:
		return "invalid duration";
	case DURATION_OVERFLOW:
		return "duration too large";
	}
	return "invalid duration";
}

/* "1m30s" style. */
char *
duration_format(long long secs, char *buf, size_t size)
{
	size_t	u;
	int	n = 0, used;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	if (secs <= 0) {
		snprintf(buf, size, "0s");
		return buf;
	}
	for (u = 0; u < DURATION_NUNITS; u++) {
		long long q = secs / duration_units[u].scale;

		secs %= duration_units[u].scale;
		if (q == 0)
			continue;
		used = snprintf(buf + n, size - (size_t)n, "%lld%c", q,
		    duration_units[u].unit);
		if (used < 0 || (size_t)(n + used) >= size)
			break;
		n += used;
	}
	return buf;
}

/* "m:ss" or "h:mm:ss" style. */
char *
duration_clock(long long secs, char *buf, size_t size)
{
	if (secs < 0)
		secs = 0;
	if (secs >= 3600)
		snprintf(buf, size, "%lld:%02lld:%02lld", secs / 3600,
		    secs / 60 % 60, secs % 60);
	else
		snprintf(buf, size, "%lld:%02lld", secs / 60, secs % 60);
	return buf;
}
