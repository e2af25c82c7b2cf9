/* Calendar arithmetic on day numbers, without mktime or time zones. */
#include "limber/day.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Days from 1970-01-01 to a civil date (Howard Hinnant's algorithm). */
long
day_from_civil(int year, int month, int day)
{
	long	y = year, era, yoe, doy, doe;

	y -= month <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The civil date of a day number. */
void
day_to_civil(long day, int *year, int *month, int *mday)
{
	long	z = day + 719468, era, doe, yoe, doy, mp, y;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*mday = (int)(doy - (153 * mp + 2) / 5 + 1);
	*month = (int)(mp < 10 ? mp + 3 : mp - 9);
	*year = (int)(y + (*month <= 2));
}

/* Whether the date exists. */
int
day_valid(int year, int month, int day)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (month < 1 || month > 12 || day < 1 || day > mdays[month - 1])
		return 0;
	if (month == 2 && day == 29)
		return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
	return 1;
}

/* The day of the week, Monday first: 1970-01-01 was a Thursday. */
int
day_weekday(long day)
{
	long	w = (day + 3) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

/* The Monday on or before day. */
long
day_monday(long day)
{
	return day - day_weekday(day);
}

/* The local date of t, or 0 if localtime cannot convert it. */
long
day_of(time_t t)
{
	struct tm	tm;

	if (localtime_r(&t, &tm) == NULL)
		return 0;
	return day_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* Today's local date. */
long
day_today(void)
{
	return day_of(time(NULL));
}

/* "30d" or "12w": a count of days or weeks before today. */
static int
day_parse_relative(const char *text, long today, long *day)
{
	const char	*p = text;
	long		 n = 0, unit;

	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		n = n * 10 + (*p - '0');
		if (n > DAY_RELATIVE_MAX)
			return -1;
	}
	if (p[0] == 'd' && p[1] == '\0')
		unit = 1;
	else if (p[0] == 'w' && p[1] == '\0')
		unit = 7;
	else
		return -1;
	if (n * unit > DAY_RELATIVE_MAX)
		return -1;
	*day = today - n * unit;
	return 0;
}

/* A date as YYYY-MM-DD or relative to today. */
int
day_parse(const char *text, long today, long *day)
{
	const char	*p = text;
	int		 y, m, d;

	if (strlen(text) != 10 || text[4] != '-' || text[7] != '-')
		return day_parse_relative(text, today, day);
	if (day_digits(&p, 4, &y) || *p++ != '-' || day_digits(&p, 2, &m) ||
	    *p++ != '-' || day_digits(&p, 2, &d) || y < 1 ||
	    !day_valid(y, m, d))
		return -1;
	*day = day_from_civil(y, m, d);
	return 0;
}

/* Format a day number as YYYY-MM-DD. */
char *
day_format(long day, char *buf, size_t size)
{
	int	y, m, d;

	day_to_civil(day, &y, &m, &d);
	snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
	return buf;
}
