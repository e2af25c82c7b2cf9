/* Tests for duration_parse, duration_format, duration_clock. */
#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "limber/duration.h"

#define SENTINEL 424242LL

/* Parse text expecting success with the given number of seconds. */
static void
parse_ok(const char *text, long long want)
{
	long long secs = SENTINEL;
	enum duration_error e = duration_parse(text, &secs);

	ck_assert_msg(e == DURATION_OK,
	    "duration_parse(\"%s\") gave error %d (%s), expected OK",
	    text, (int)e, duration_strerror(e));
	ck_assert_msg(secs == want,
	    "duration_parse(\"%s\") gave %lld, expected %lld", text, secs, want);
}

/* Parse text expecting the given error and *secs left alone. */
static void
parse_err(const char *text, enum duration_error want)
{
	long long secs = SENTINEL;
	enum duration_error e = duration_parse(text, &secs);

	ck_assert_msg(e == want,
	    "duration_parse(\"%s\") gave %d (%s), expected %d (%s)",
	    text, (int)e, duration_strerror(e), (int)want,
	    duration_strerror(want));
	ck_assert_msg(secs == SENTINEL,
	    "duration_parse(\"%s\") failed but changed *secs to %lld",
	    text, secs);
}

START_TEST(test_parse_plain_seconds)
{
	parse_ok("30", 30);
	parse_ok("0", 0);
	parse_ok("5", 5);
	parse_ok("600", 600);
	parse_ok("9223372036854775807", LLONG_MAX);
}
END_TEST

START_TEST(test_parse_units)
{
	parse_ok("30s", 30);
	parse_ok("0s", 0);
	parse_ok("1m", 60);
	parse_ok("1m30s", 90);
	parse_ok("2h", 7200);
	parse_ok("1h5m", 3900);
	parse_ok("1h0m5s", 3605);
	parse_ok("1h5s", 3605);
	parse_ok("90s", 90);
	parse_ok("90m", 5400);
	parse_ok("10m", 600);
	parse_ok("1h1m1s", 3661);
}
END_TEST

/* Units as words, spaces between the parts, any case. */
START_TEST(test_parse_words)
{
	static const struct {
		const char	*text;
		long long	 secs;
	} good[] = {
		{ "30 seconds", 30 }, { "30 second", 30 }, { "30 sec", 30 },
		{ "30 secs", 30 }, { "30 s", 30 }, { "30sec", 30 },
		{ "30seconds", 30 }, { "1 min", 60 }, { "2 mins", 120 },
		{ "1 minute", 60 }, { "2 minutes", 120 }, { "1 mins", 60 },
		{ "2min", 120 }, { "1m 30s", 90 }, { "1 min 30 s", 90 },
		{ "1 min 30 sec", 90 }, { "1 minute 30 seconds", 90 },
		{ "1min30sec", 90 }, { "1 min30s", 90 }, { "1m  30s", 90 },
		{ "90 sec", 90 }, { "1 h", 3600 }, { "1 hr", 3600 },
		{ "2 hrs", 7200 }, { "1 hour", 3600 }, { "2 hours", 7200 },
		{ "1 hour 1 minute 1 second", 3661 }, { "1h 5s", 3605 },
		{ "30S", 30 }, { "1 Min", 60 }, { "1M30S", 90 },
		{ "2 MINUTES", 120 }, { "30 Seconds", 30 }, { "1 HR 2 Min", 3720 },
		{ "0 sec", 0 },
	};
	size_t i;

	for (i = 0; i < sizeof good / sizeof good[0]; i++)
		parse_ok(good[i].text, good[i].secs);
}
END_TEST

/* Clocks: m:ss, and h:mm:ss as duration_clock writes it. */
START_TEST(test_parse_clock)
{
	parse_ok("1:30", 90);
	parse_ok("0:30", 30);
	parse_ok("0:05", 5);
	parse_ok("0:00", 0);
	parse_ok("01:30", 90);
	parse_ok("10:00", 600);
	parse_ok("59:59", 3599);
	parse_ok("90:00", 5400);
	parse_ok("1:00:00", 3600);
	parse_ok("1:02:03", 3723);
	parse_ok("0:01:30", 90);
	parse_ok("153722867280912930:07", LLONG_MAX);
}
END_TEST

START_TEST(test_parse_empty)
{
	parse_err("", DURATION_EMPTY);
}
END_TEST

START_TEST(test_parse_negative)
{
	parse_err("-5s", DURATION_NEGATIVE);
	parse_err("-5", DURATION_NEGATIVE);
	parse_err("-1m", DURATION_NEGATIVE);
	parse_err("-1 min", DURATION_NEGATIVE);
	parse_err("-1:30", DURATION_NEGATIVE);
}
END_TEST

START_TEST(test_parse_syntax)
{
	static const char *const bad[] = {
		"abc", "30ss", "s", "m", "h", "1s1m", "1m1h", "1s1h", "1m1m",
		"1h1h", "1s1s", "1.5m", "1.5", " 30", "30 ", " 30s", "30s ",
		"30x", "m30", "1d", "1m30", "x30s", "30s\n", "\t30",
		"1h30s5m", "0x10", "30,5",
		/* Words: still one of each unit, largest first, no extras. */
		"30 sex", "30 secondss", "1 min 1 min", "30 sec 1 min",
		"1 sec 1 min", "1 min and 30 sec", "1 min, 30 sec", "secs",
		"min 1", "1 m i n", "1 min 30", "30 s ", "1 min  ", " 1 min",
		"30\ts", "1 minutesx", "30 s30", "1mins30", "30 millis",
		"1 mn", "1 hour 30", "1 hours 2 hours",
		/* Clocks: two digits after each colon, below 60. */
		"1:3", "1:60", "1:99", "1:030", "1:", ":30", "1:30:", "1::30",
		"1:30s", "1m:30", "1:30 ", " 1:30", "1:2:03", "1:60:00",
		"1:00:60", "1:00:00:00", "a:30", "1:3a", "1:30:0", "1:-5",
	};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		parse_err(bad[i], DURATION_SYNTAX);
}
END_TEST

START_TEST(test_parse_overflow)
{
	parse_err("99999999999999999999999s", DURATION_OVERFLOW);
	parse_err("99999999999999999999999", DURATION_OVERFLOW);
	parse_err("9223372036854775808", DURATION_OVERFLOW);
	parse_err("9223372036854775808s", DURATION_OVERFLOW);
	parse_err("9223372036854775807m", DURATION_OVERFLOW);
	parse_err("9223372036854775807h", DURATION_OVERFLOW);
	/* 2562047788015216 h is just over LLONG_MAX seconds. */
	parse_err("2562047788015216h", DURATION_OVERFLOW);
	/* Each part fits, but the sum does not. */
	parse_err("2562047788015215h30m8s", DURATION_OVERFLOW);
	parse_err("2562047788015215h31m", DURATION_OVERFLOW);
	parse_err("2562047788015215 hours 31 minutes", DURATION_OVERFLOW);
	parse_err("9223372036854775807 minutes", DURATION_OVERFLOW);
	parse_err("99999999999999999999999 sec", DURATION_OVERFLOW);
	/* Clocks: the first number, and each step of sixty. */
	parse_err("99999999999999999999999:00", DURATION_OVERFLOW);
	parse_err("153722867280912930:08", DURATION_OVERFLOW);
	parse_err("153722867280912931:00", DURATION_OVERFLOW);
	parse_err("2562047788015216:00:00", DURATION_OVERFLOW);
}
END_TEST

START_TEST(test_parse_limits_fit)
{
	/* 2562047788015215 h 30 m 7 s is exactly LLONG_MAX. */
	parse_ok("2562047788015215h", 2562047788015215LL * 3600);
	parse_ok("2562047788015215h30m7s", LLONG_MAX);
	parse_ok("153722867280912930m7s", LLONG_MAX);
}
END_TEST

START_TEST(test_strerror)
{
	static const enum duration_error codes[] = {
		DURATION_OK, DURATION_EMPTY, DURATION_NEGATIVE,
		DURATION_SYNTAX, DURATION_OVERFLOW,
	};
	size_t i;

	for (i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		const char *s = duration_strerror(codes[i]);

		ck_assert_msg(s != NULL, "duration_strerror(%d) is NULL",
		    (int)codes[i]);
		ck_assert_msg(s[0] != '\0', "duration_strerror(%d) is empty",
		    (int)codes[i]);
	}
	/* The errors are told apart. */
	for (i = 1; i < sizeof codes / sizeof codes[0]; i++) {
		size_t j;

		for (j = i + 1; j < sizeof codes / sizeof codes[0]; j++)
			ck_assert_str_ne(duration_strerror(codes[i]),
			    duration_strerror(codes[j]));
	}
}
END_TEST

static void
format_is(long long secs, const char *want)
{
	char buf[64];
	char *r;

	memset(buf, 'X', sizeof buf);
	r = duration_format(secs, buf, sizeof buf);
	ck_assert_ptr_eq(r, buf);
	ck_assert_msg(strcmp(buf, want) == 0,
	    "duration_format(%lld) gave \"%s\", expected \"%s\"",
	    secs, buf, want);
}

START_TEST(test_format)
{
	format_is(0, "0s");
	format_is(1, "1s");
	format_is(45, "45s");
	format_is(59, "59s");
	format_is(60, "1m");
	format_is(90, "1m30s");
	format_is(600, "10m");
	format_is(3600, "1h");
	format_is(3725, "1h2m5s");
	format_is(3900, "1h5m");
	format_is(7200, "2h");
}
END_TEST

START_TEST(test_format_round_trip)
{
	static const long long vals[] = {
		0, 1, 5, 30, 59, 60, 61, 119, 120, 599, 600, 601, 3599,
		3600, 3601, 3660, 3661, 86399, 86400, 90061, 1000000,
	};
	size_t i;

	for (i = 0; i < sizeof vals / sizeof vals[0]; i++) {
		char buf[64];
		long long back = -1;

		duration_format(vals[i], buf, sizeof buf);
		ck_assert_msg(duration_parse(buf, &back) == DURATION_OK,
		    "duration_format(%lld) gave \"%s\", which does not parse",
		    vals[i], buf);
		ck_assert_msg(back == vals[i],
		    "\"%s\" parses to %lld, expected %lld", buf, back, vals[i]);
	}
}
END_TEST

/* What duration_clock writes parses back to the same seconds. */
START_TEST(test_clock_round_trip)
{
	static const long long vals[] = {
		0, 1, 5, 59, 60, 90, 599, 3599, 3600, 3661, 86399, 90061,
	};
	size_t i;

	for (i = 0; i < sizeof vals / sizeof vals[0]; i++) {
		char buf[64];
		long long back = -1;

		duration_clock(vals[i], buf, sizeof buf);
		ck_assert_msg(duration_parse(buf, &back) == DURATION_OK,
		    "duration_clock(%lld) gave \"%s\", which does not parse",
		    vals[i], buf);
		ck_assert_msg(back == vals[i],
		    "\"%s\" parses to %lld, expected %lld", buf, back, vals[i]);
	}
}
END_TEST

/* The message for a bad duration shows forms that work, and they do. */
START_TEST(test_strerror_examples)
{
	static const char *const examples[] = {
		"30s", "1m30s", "1:30", "2 min",
	};
	const char *msg = duration_strerror(DURATION_SYNTAX);
	long long secs;
	size_t i;

	for (i = 0; i < sizeof examples / sizeof examples[0]; i++) {
		ck_assert_msg(strstr(msg, examples[i]) != NULL,
		    "'%s' does not show '%s'", msg, examples[i]);
		ck_assert_int_eq(duration_parse(examples[i], &secs),
		    DURATION_OK);
	}
}
END_TEST

static void
clock_is(long long secs, const char *want)
{
	char buf[64];
	char *r;

	memset(buf, 'X', sizeof buf);
	r = duration_clock(secs, buf, sizeof buf);
	ck_assert_ptr_eq(r, buf);
	ck_assert_msg(strcmp(buf, want) == 0,
	    "duration_clock(%lld) gave \"%s\", expected \"%s\"",
	    secs, buf, want);
}

START_TEST(test_clock)
{
	clock_is(0, "0:00");
	clock_is(5, "0:05");
	clock_is(45, "0:45");
	clock_is(60, "1:00");
	clock_is(750, "12:30");
	clock_is(3599, "59:59");
	clock_is(3600, "1:00:00");
	clock_is(3723, "1:02:03");
	clock_is(36000, "10:00:00");
}
END_TEST

static Suite *
duration_suite(void)
{
	Suite *s = suite_create("duration");
	TCase *tc;

	tc = tcase_create("parse");
	tcase_add_test(tc, test_parse_plain_seconds);
	tcase_add_test(tc, test_parse_units);
	tcase_add_test(tc, test_parse_words);
	tcase_add_test(tc, test_parse_clock);
	tcase_add_test(tc, test_parse_empty);
	tcase_add_test(tc, test_parse_negative);
	tcase_add_test(tc, test_parse_syntax);
	tcase_add_test(tc, test_parse_overflow);
	tcase_add_test(tc, test_parse_limits_fit);
	tcase_add_test(tc, test_strerror);
	tcase_add_test(tc, test_strerror_examples);
	suite_add_tcase(s, tc);

	tc = tcase_create("format");
	tcase_add_test(tc, test_format);
	tcase_add_test(tc, test_format_round_trip);
	tcase_add_test(tc, test_clock);
	tcase_add_test(tc, test_clock_round_trip);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(duration_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
