/* Parsing and printing durations. */
#include "limber/duration.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "limber/text.h"

static const struct {
	char		unit;
	long long	scale;
} duration_units[] = {
	{ 'h', 3600 },
	{ 'm', 60 },
	{ 's', 1 },
};
#define DURATION_NUNITS (sizeof duration_units / sizeof duration_units[0])

/* The words for each unit, any case; the canonical word is the unit. */
static const struct text_alias duration_words[] = {
	{ "h", "h" }, { "hr", "h" }, { "hrs", "h" }, { "hour", "h" },
	{ "hours", "h" },
	{ "m", "m" }, { "min", "m" }, { "mins", "m" }, { "minute", "m" },
	{ "minutes", "m" },
	{ "s", "s" }, { "sec", "s" }, { "secs", "s" }, { "second", "s" },
	{ "seconds", "s" },
};
#define DURATION_NWORDS (sizeof duration_words / sizeof duration_words[0])
#define DURATION_WORD_MAX 8	/* bytes in the longest word, "minutes" */

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

/* Read the unit word at *p ("s", "Min", "hours"): its index, or -1. */
static int
duration_unit(const char **p)
{
	const char	*canon;
	char		 word[DURATION_WORD_MAX + 1];
	size_t		 n = 0, u;

	for (; (**p >= 'a' && **p <= 'z') || (**p >= 'A' && **p <= 'Z');
	    (*p)++) {
		if (n == DURATION_WORD_MAX)
			return -1;
		word[n++] = **p;
	}
	word[n] = '\0';
	if (n == 0 || (canon = text_alias_find(duration_words,
	    DURATION_NWORDS, word)) == NULL)
		return -1;
	for (u = 0; u < DURATION_NUNITS; u++) {
		if (duration_units[u].unit == canon[0])
			return (int)u;
	}
	return -1;
}

/* Add n of unit u to *total; 0, or -1 when the sum overflows. */
static int
duration_add(long long *total, long long n, size_t u)
{
	if (n > LLONG_MAX / duration_units[u].scale)
		return -1;
	n *= duration_units[u].scale;
	if (*total > LLONG_MAX - n)
		return -1;
	*total += n;
	return 0;
}

/*
 * Parse "30", or numbers with units from hours down to seconds, each
 * at most once, with or without spaces: "1m30s", "1 min 30 sec".
 */
static enum duration_error
duration_parts(const char *p, long long *secs)
{
	long long	total = 0, n;
	int		r, u, next = 0;

	while (*p != '\0') {
		if ((r = duration_number(&p, &n)) <= 0)
			return r < 0 ? DURATION_OVERFLOW : DURATION_SYNTAX;
		if (*p == '\0' && next == 0) {
			*secs = n;	/* a bare number of seconds */
			return DURATION_OK;
		}
		while (*p == ' ')
			p++;
		if ((u = duration_unit(&p)) < next)
			return DURATION_SYNTAX;
		if (duration_add(&total, n, (size_t)u) != 0)
			return DURATION_OVERFLOW;
		next = u + 1;
		while (*p == ' ')
			p++;
		if (*p == '\0' && p[-1] == ' ')
			return DURATION_SYNTAX;		/* a space at the end */
	}
	*secs = total;
	return DURATION_OK;
}

/* Parse a clock: "1:30" is m:ss, "1:02:03" h:mm:ss. */
static enum duration_error
duration_colons(const char *p, long long *secs)
{
	long long	total, part;
	int		r, fields = 0;

	if ((r = duration_number(&p, &total)) <= 0)
		return r < 0 ? DURATION_OVERFLOW : DURATION_SYNTAX;
	while (*p == ':') {
		p++;
		if (++fields > 2 || p[0] < '0' || p[0] > '5' || p[1] < '0' ||
		    p[1] > '9')
			return DURATION_SYNTAX;
		part = (p[0] - '0') * 10 + (p[1] - '0');
		p += 2;
		if (total > (LLONG_MAX - part) / 60)
			return DURATION_OVERFLOW;
		total = total * 60 + part;
	}
	if (*p != '\0')
		return DURATION_SYNTAX;
	*secs = total;
	return DURATION_OK;
}

/* Parse "30", "30s", "1m30s", "1 min 30 sec", "1:30", "1h". */
enum duration_error
duration_parse(const char *text, long long *secs)
{
	if (*text == '\0')
		return DURATION_EMPTY;
	if (*text == '-')
		return DURATION_NEGATIVE;
	if (strchr(text, ':') != NULL)
		return duration_colons(text, secs);
	return duration_parts(text, secs);
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
		return "invalid duration (write e.g. " DURATION_EXAMPLES ")";
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
