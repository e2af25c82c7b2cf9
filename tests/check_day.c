/* Tests for day.h: day numbers, weekdays, parsing and formatting dates. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "limber/day.h"

#include "check_util.h"

#define SENTINEL	424242L
#define TODAY		20778L		/* 2026-11-21, a Saturday */

/* Days in a month, worked out here without day.c. */
static int
month_days(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int	leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

	return days[month - 1] + (month == 2 && leap);
}

/* Check that a civil date has the given day number, both ways. */
static void
civil_is(int y, int m, int d, long want)
{
	int	gy, gm, gd;

	ck_assert_msg(day_from_civil(y, m, d) == want,
	    "day_from_civil(%d, %d, %d) = %ld, want %ld", y, m, d,
	    day_from_civil(y, m, d), want);
	day_to_civil(want, &gy, &gm, &gd);
	ck_assert_msg(gy == y && gm == m && gd == d,
	    "day_to_civil(%ld) = %d-%d-%d, want %d-%d-%d", want, gy, gm, gd,
	    y, m, d);
}

/* Parse text against TODAY expecting success with want. */
static void
parse_ok(const char *text, long want)
{
	long	day = SENTINEL;
	int	rc = day_parse(text, TODAY, &day);

	ck_assert_msg(rc == 0, "day_parse(\"%s\") failed", text);
	ck_assert_msg(day == want, "day_parse(\"%s\") = %ld, want %ld", text,
	    day, want);
}

/* Parse text against TODAY expecting failure. */
static void
parse_bad(const char *text)
{
	long	day = SENTINEL;

	ck_assert_msg(day_parse(text, TODAY, &day) == -1,
	    "day_parse(\"%s\") accepted it as %ld", text, day);
}

/* Check that day formats as want. */
static void
format_is(long day, const char *want)
{
	char	buf[DAY_BUFSIZE];

	ck_assert_ptr_eq(day_format(day, buf, sizeof buf), buf);
	ck_assert_str_eq(buf, want);
}

START_TEST(test_known_values)
{
	civil_is(1970, 1, 1, 0);
	civil_is(1969, 12, 31, -1);
	civil_is(1970, 1, 2, 1);
	civil_is(2000, 2, 29, 11016);
	civil_is(2000, 3, 1, 11017);
	civil_is(2024, 2, 29, 19782);
	civil_is(2026, 11, 21, 20778);
	civil_is(2026, 11, 23, 20780);
	civil_is(1600, 1, 1, -135140);
	civil_is(2400, 12, 31, 157419);
	civil_is(1, 1, 1, -719162);
	civil_is(9999, 12, 31, 2932896);
}
END_TEST

START_TEST(test_round_trip)
{
	long	day, first, last;
	int	y = 1600, m = 1, d = 1, gy, gm, gd;

	first = day_from_civil(1600, 1, 1);
	last = day_from_civil(2400, 12, 31);
	ck_assert_int_eq(last - first + 1, 801 * 365 + 195);
	for (day = first; day <= last; day++) {
		ck_assert_msg(day_from_civil(y, m, d) == day,
		    "day_from_civil(%d, %d, %d) = %ld, want %ld", y, m, d,
		    day_from_civil(y, m, d), day);
		day_to_civil(day, &gy, &gm, &gd);
		ck_assert_msg(gy == y && gm == m && gd == d,
		    "day_to_civil(%ld) = %d-%d-%d, want %d-%d-%d", day, gy,
		    gm, gd, y, m, d);
		ck_assert(day_valid(y, m, d));
		if (++d > month_days(y, m)) {
			d = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
	ck_assert_int_eq(y, 2401);
}
END_TEST

START_TEST(test_against_timegm)
{
	long	day;
	int	y, m, d;

	/* Every day from 1900 to 2100 agrees with the C library. */
	for (day = day_from_civil(1900, 1, 1);
	    day <= day_from_civil(2100, 12, 31); day++) {
		day_to_civil(day, &y, &m, &d);
		ck_assert_msg(utc(y, m, d, 0, 0, 0) == (time_t)day * 86400,
		    "day %ld is %d-%d-%d", day, y, m, d);
	}
}
END_TEST

START_TEST(test_valid)
{
	ck_assert_int_eq(day_valid(2000, 2, 29), 1);
	ck_assert_int_eq(day_valid(2024, 2, 29), 1);
	ck_assert_int_eq(day_valid(1900, 2, 29), 0);
	ck_assert_int_eq(day_valid(2100, 2, 29), 0);
	ck_assert_int_eq(day_valid(2026, 2, 29), 0);
	ck_assert_int_eq(day_valid(2026, 2, 28), 1);
	ck_assert_int_eq(day_valid(1600, 2, 29), 1);
	ck_assert_int_eq(day_valid(2026, 1, 31), 1);
	ck_assert_int_eq(day_valid(2026, 4, 31), 0);
	ck_assert_int_eq(day_valid(2026, 6, 31), 0);
	ck_assert_int_eq(day_valid(2026, 9, 31), 0);
	ck_assert_int_eq(day_valid(2026, 11, 31), 0);
	ck_assert_int_eq(day_valid(2026, 12, 31), 1);
	ck_assert_int_eq(day_valid(2026, 13, 1), 0);
	ck_assert_int_eq(day_valid(2026, 0, 1), 0);
	ck_assert_int_eq(day_valid(2026, -1, 1), 0);
	ck_assert_int_eq(day_valid(2026, 1, 0), 0);
	ck_assert_int_eq(day_valid(2026, 1, 32), 0);
	ck_assert_int_eq(day_valid(2026, 1, -5), 0);
}
END_TEST

START_TEST(test_weekday)
{
	long	day;

	ck_assert_int_eq(day_weekday(0), 3);		/* a Thursday */
	ck_assert_int_eq(day_weekday(-1), 2);
	ck_assert_int_eq(day_weekday(-3), 0);
	ck_assert_int_eq(day_weekday(-4), 6);
	ck_assert_int_eq(day_weekday(day_from_civil(2026, 11, 23)), 0);
	ck_assert_int_eq(day_weekday(day_from_civil(2026, 11, 21)), 5);
	ck_assert_int_eq(day_weekday(day_from_civil(2026, 11, 22)), 6);
	ck_assert_int_eq(day_weekday(day_from_civil(2000, 1, 1)), 5);
	ck_assert_int_eq(day_weekday(day_from_civil(1600, 1, 1)), 5);
	ck_assert_int_eq(day_weekday(day_from_civil(1, 1, 1)), 0);

	/* The weekdays go round in order, before 1970 too. */
	for (day = -1000; day < 1000; day++)
		ck_assert_int_eq(day_weekday(day + 1),
		    (day_weekday(day) + 1) % 7);
}
END_TEST

START_TEST(test_monday)
{
	long	mon = day_from_civil(2026, 11, 16), day;
	int	i;

	for (i = 0; i < 7; i++)
		ck_assert_int_eq(day_monday(mon + i), mon);
	ck_assert_int_eq(day_monday(mon - 1), mon - 7);
	ck_assert_int_eq(day_monday(mon + 7), mon + 7);
	ck_assert_int_eq(day_monday(0), -3);
	ck_assert_int_eq(day_monday(-3), -3);
	ck_assert_int_eq(day_monday(-4), -10);
	for (day = -1000; day < 1000; day++) {
		ck_assert_int_eq(day_weekday(day_monday(day)), 0);
		ck_assert(day_monday(day) <= day && day - day_monday(day) < 7);
	}
}
END_TEST

START_TEST(test_parse_dates)
{
	parse_ok("2026-11-21", TODAY);
	parse_ok("1970-01-01", 0);
	parse_ok("2000-02-29", 11016);
	parse_ok("2024-02-29", 19782);
	parse_ok("0001-01-01", -719162);
	parse_ok("9999-12-31", 2932896);
	parse_ok("2030-01-01", day_from_civil(2030, 1, 1));
}
END_TEST

START_TEST(test_parse_relative)
{
	parse_ok("0d", TODAY);
	parse_ok("1d", TODAY - 1);
	parse_ok("30d", TODAY - 30);
	parse_ok("0w", TODAY);
	parse_ok("1w", TODAY - 7);
	parse_ok("12w", TODAY - 84);
	parse_ok("030d", TODAY - 30);
	parse_ok("36500d", TODAY - DAY_RELATIVE_MAX);
	parse_ok("5214w", TODAY - 5214 * 7);
}
END_TEST

START_TEST(test_parse_bad)
{
	parse_bad("");
	parse_bad("2026-13-01");
	parse_bad("2026-00-01");
	parse_bad("2026-02-29");
	parse_bad("1900-02-29");
	parse_bad("2026-04-31");
	parse_bad("2026-11-00");
	parse_bad("2026-1-1");
	parse_bad("2026-01-1");
	parse_bad("26-01-01");
	parse_bad("2026/01/01");
	parse_bad("2026-01-01T00:00");
	parse_bad("20260101");
	parse_bad("0000-01-01");
	parse_bad(" 2026-01-01");
	parse_bad("2026-01-01 ");
	parse_bad("2026-0a-01");
	parse_bad("+026-01-01");
	parse_bad("30");
	parse_bad("-3d");
	parse_bad("+3d");
	parse_bad("3x");
	parse_bad("3dd");
	parse_bad("3D");
	parse_bad("3 d");
	parse_bad("d");
	parse_bad("w");
	parse_bad("3d ");
	parse_bad("99999999d");
	parse_bad("99999999999999999999999d");
	parse_bad("36501d");
	parse_bad("5215w");
	parse_bad("today");
}
END_TEST

START_TEST(test_format)
{
	char	buf[DAY_BUFSIZE], small[5];

	format_is(0, "1970-01-01");
	format_is(-1, "1969-12-31");
	format_is(11016, "2000-02-29");
	format_is(TODAY, "2026-11-21");
	format_is(-719162, "0001-01-01");
	format_is(2932896, "9999-12-31");
	ck_assert_uint_eq(strlen(day_format(TODAY, buf, sizeof buf)),
	    DAY_BUFSIZE - 1);

	/* A short buffer is cut, not overrun. */
	memset(small, 'x', sizeof small);
	ck_assert_ptr_eq(day_format(TODAY, small, sizeof small), small);
	ck_assert_str_eq(small, "2026");
}
END_TEST

START_TEST(test_parse_format)
{
	char	buf[DAY_BUFSIZE];
	long	day, got;

	for (day = day_from_civil(1999, 1, 1);
	    day <= day_from_civil(2001, 12, 31); day++) {
		ck_assert_int_eq(day_parse(day_format(day, buf, sizeof buf),
		    TODAY, &got), 0);
		ck_assert_int_eq(got, day);
	}
}
END_TEST

START_TEST(test_day_of)
{
	time_t	t = utc(2026, 11, 21, 23, 30, 0), before, after;
	long	today;

	set_tz("UTC");
	ck_assert_int_eq(day_of(t), TODAY);
	ck_assert_int_eq(day_of(0), 0);
	set_tz("America/New_York");
	ck_assert_int_eq(day_of(t), TODAY);
	ck_assert_int_eq(day_of(utc(2026, 11, 22, 3, 0, 0)), TODAY);
	set_tz("Asia/Tokyo");
	ck_assert_int_eq(day_of(t), TODAY + 1);
	ck_assert_int_eq(day_of(0), 0);

	/* Today is the date of now (either side of a midnight). */
	before = time(NULL);
	today = day_today();
	after = time(NULL);
	ck_assert(today == day_of(before) || today == day_of(after));
	set_tz("UTC");
}
END_TEST

/* The suite, one case per area of behaviour. */
static Suite *
day_suite(void)
{
	Suite	*s = suite_create("day");
	TCase	*tc;

	tc = tcase_create("civil");
	tcase_add_test(tc, test_known_values);
	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_against_timegm);
	tcase_add_test(tc, test_valid);
	suite_add_tcase(s, tc);

	tc = tcase_create("week");
	tcase_add_test(tc, test_weekday);
	tcase_add_test(tc, test_monday);
	suite_add_tcase(s, tc);

	tc = tcase_create("parse");
	tcase_add_test(tc, test_parse_dates);
	tcase_add_test(tc, test_parse_relative);
	tcase_add_test(tc, test_parse_bad);
	tcase_add_test(tc, test_format);
	tcase_add_test(tc, test_parse_format);
	tcase_add_test(tc, test_day_of);
	suite_add_tcase(s, tc);
	return s;
}

/* Run every test; the exit status says whether any failed. */
int
main(void)
{
	SRunner	*sr = srunner_create(day_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
