/* Tests for stats.h: figures from hold records read by the real parser. */
#include <sys/stat.h>
#include <sys/types.h>

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "limber/area.h"
#include "limber/config.h"
#include "limber/day.h"
#include "limber/holdlog.h"
#include "limber/routine.h"
#include "limber/stats.h"
#include "limber/text.h"
#include "limber/xmalloc.h"

#include "check_util.h"

#define WANT_ALL	(STATS_WANT_RECENT | STATS_WANT_TOP)

static long	next_line;		/* line number of the next record */
static char	line_buf[HOLDLOG_LINE_MAX + 1];

/* A date as a day number, checked. */
static long
ymd(int y, int m, int d)
{
	ck_assert(day_valid(y, m, d));
	return day_from_civil(y, m, d);
}

/* 2026-11-21, a Saturday: "today" unless a test says otherwise. */
#define TODAY	ymd(2026, 11, 21)

/* An area's index, checked. */
static int
area_ix(const char *id)
{
	int	a = area_find(id);

	ck_assert_msg(a >= 0, "no area %s", id);
	return a;
}

/* Start empty figures, numbering records from line 1 again. */
static void
begin(struct stats *st, long today, const struct config *cfg, int want)
{
	next_line = 0;
	stats_init(st, today, cfg, want);
}

/*
 * Format one log line, parse it with holdlog_read_parse and count it; the
 * line is scribbled over afterwards, so stats must keep copies of what it
 * keeps.
 */
static void printflike(2, 3)
add_line(struct stats *st, const char *fmt, ...)
{
	struct holdlog_entry	e;
	va_list			ap;
	char			copy[HOLDLOG_LINE_MAX + 1];
	int			n;

	va_start(ap, fmt);
	n = vsnprintf(line_buf, sizeof line_buf, fmt, ap);
	va_end(ap);
	ck_assert(n > 0 && (size_t)n < sizeof line_buf);
	memcpy(copy, line_buf, sizeof copy);
	ck_assert_msg(holdlog_read_parse(line_buf, &e) == 0, "bad line: %s",
	    copy);
	e.line = ++next_line;
	stats_add(st, &e);
	memset(line_buf, 'Z', sizeof line_buf - 1);
}

/* A stretch record with the given stamp. */
static void
add_at(struct stats *st, const char *stamp, const char *area,
    const char *side, int held, const char *outcome)
{
	add_line(st, "%s\t-\tStretch\tstretch\t%s\t%s\t%d\t%d\t%s", stamp,
	    area, side, held, held, outcome);
}

/* A stretch record on a date at 08:00 UTC. */
static void
add_on(struct stats *st, long day, const char *area, const char *side,
    int held, const char *outcome)
{
	char	d[DAY_BUFSIZE], stamp[64];

	snprintf(stamp, sizeof stamp, "%sT08:00:00+00:00",
	    day_format(day, d, sizeof d));
	add_at(st, stamp, area, side, held, outcome);
}

/* A done 60 second unsided hold on a date: enough for a streak. */
static void
done_on(struct stats *st, long day)
{
	add_on(st, day, "upper-back", "-", 60, "done");
}

/* A named stretch, done or not, on a date. */
static void
add_named(struct stats *st, long day, const char *step, const char *kind,
    const char *area, int held, const char *outcome)
{
	char	d[DAY_BUFSIZE];

	add_line(st, "%sT09:00:00+00:00\tmorning\t%s\t%s\t%s\t-\t30\t%d\t%s",
	    day_format(day, d, sizeof d), step, kind, area, held, outcome);
}

/* Check one area's figures over the range. */
static void
area_is(const struct stats_area *sa, long records, long holds, long partial,
    long skipped, long long seconds, long days, long last)
{
	ck_assert_int_eq(sa->records, records);
	ck_assert_int_eq(sa->holds, holds);
	ck_assert_int_eq(sa->partial, partial);
	ck_assert_int_eq(sa->skipped, skipped);
	ck_assert_int_eq(sa->seconds, seconds);
	ck_assert_int_eq(sa->days, days);
	ck_assert_int_eq(sa->last, last);
}

/* Check the streaks. */
static void
streak_is(const struct stats *st, long streak, long best, long first,
    long last)
{
	ck_assert_int_eq(st->streak, streak);
	ck_assert_int_eq(st->streak_best, best);
	ck_assert_int_eq(st->best_first, first);
	ck_assert_int_eq(st->best_last, last);
}

/* Figures for the given done dates, added in the order given. */
static void
streak_of(struct stats *st, long today, const long *days, size_t n)
{
	size_t	i;

	begin(st, today, NULL, 0);
	for (i = 0; i < n; i++)
		done_on(st, days[i]);
	stats_finish(st);
}

/* Check one area's week. */
static void
week_is(const struct stats_week *w, long long seconds, int active, int dosed,
    long counted, long last, int tracked, int due)
{
	ck_assert_int_eq(w->seconds, seconds);
	ck_assert_int_eq(w->active, active);
	ck_assert_int_eq(w->dosed, dosed);
	ck_assert_int_eq(w->counted, counted);
	ck_assert_int_eq(w->last, last);
	ck_assert_int_eq(w->tracked, tracked);
	ck_assert_int_eq(w->due, due);
}

/* Check one area's weekly target. */
static void
target_is(const struct stats_week *w, int days, int seconds, long long total)
{
	ck_assert_int_eq(w->target_days, days);
	ck_assert_int_eq(w->target_seconds, seconds);
	ck_assert_int_eq(w->target_total, total);
}

START_TEST(test_empty)
{
	struct stats	st;
	size_t		i, n = 99;

	begin(&st, TODAY, NULL, WANT_ALL);
	ck_assert_int_eq(st.today, TODAY);
	ck_assert_int_eq(st.since, LONG_MIN);
	ck_assert_int_eq(st.until, LONG_MAX);
	ck_assert_int_eq(st.want, WANT_ALL);
	stats_finish(&st);
	for (i = 0; i < area_count; i++) {
		area_is(&st.area[i], 0, 0, 0, 0, 0, 0, STATS_NEVER);
		week_is(&st.week[i], 0, 0, 0, STATS_NEVER, STATS_NEVER, 0, 0);
		target_is(&st.week[i], CONFIG_DAYS_DEFAULT,
		    CONFIG_SECONDS_DEFAULT, (long long)CONFIG_DAYS_DEFAULT *
		    CONFIG_SECONDS_DEFAULT * (area_table[i].sided ? 2 : 1));
	}
	area_is(&st.total, 0, 0, 0, 0, 0, 0, STATS_NEVER);
	ck_assert_int_eq(st.heat_first, ymd(2026, 5, 25));
	for (i = 0; i < STATS_HEAT_DAYS; i++)
		ck_assert_int_eq(st.heat[i], 0);
	streak_is(&st, 0, 0, STATS_NEVER, STATS_NEVER);
	ck_assert_int_eq(st.first, STATS_NEVER);
	ck_assert_int_eq(st.latest, STATS_NEVER);
	ck_assert_int_eq(st.records, 0);
	stats_recent(&st, -1, &n);
	ck_assert_uint_eq(n, 0);
	n = 99;
	stats_recent(&st, area_ix("calves"), &n);
	ck_assert_uint_eq(n, 0);
	n = 99;
	stats_top(&st, &n);
	ck_assert_uint_eq(n, 0);
	stats_done(&st);
}
END_TEST

START_TEST(test_area_counts)
{
	struct stats	st;
	long		t = TODAY;
	int		c = area_ix("calves"), u = area_ix("upper-back"), h;

	h = area_ix("hamstrings");
	begin(&st, t, NULL, 0);
	add_on(&st, t - 3, "calves", "left", 60, "done");
	add_on(&st, t - 3, "calves", "right", 45, "done");
	add_on(&st, t - 3, "calves", "left", 20, "partial");
	add_on(&st, t - 3, "calves", "right", 10, "skipped");
	add_on(&st, t - 10, "calves", "-", 30, "done");
	add_on(&st, t - 1, "calves", "left", 15, "partial");
	add_on(&st, t, "calves", "left", 0, "skipped");
	add_on(&st, t - 2, "upper-back", "-", 40, "partial");
	add_on(&st, t - 2, "upper-back", "-", 90, "skipped");
	add_on(&st, t - 20, "hamstrings", "right", 50, "done");
	add_on(&st, t - 3, "hamstrings", "left", 25, "done");
	stats_finish(&st);

	area_is(&st.area[c], 7, 3, 2, 2, 60 + 45 + 20 + 30 + 15, 2, t - 3);
	area_is(&st.area[u], 2, 0, 1, 1, 40, 0, STATS_NEVER);
	area_is(&st.area[h], 2, 2, 0, 0, 75, 2, t - 3);
	area_is(&st.area[area_ix("quads")], 0, 0, 0, 0, 0, 0, STATS_NEVER);
	/* In all: t - 3 counts once though two areas were done on it. */
	area_is(&st.total, 11, 5, 3, 3, 170 + 40 + 75, 3, t - 3);
	ck_assert_int_eq(st.records, 11);
	ck_assert_int_eq(st.first, t - 20);
	ck_assert_int_eq(st.latest, t);
	stats_done(&st);
}
END_TEST

START_TEST(test_area_days_order)
{
	struct stats	st;
	int		c = area_ix("calves");

	/* Dates out of order and far apart, before 1970 too. */
	begin(&st, TODAY, NULL, 0);
	add_on(&st, ymd(2026, 11, 1), "calves", "left", 10, "done");
	add_on(&st, ymd(1900, 1, 1), "calves", "left", 10, "done");
	add_on(&st, ymd(2026, 11, 1), "calves", "right", 10, "done");
	add_on(&st, ymd(1969, 12, 31), "calves", "left", 10, "done");
	add_on(&st, ymd(2100, 6, 1), "calves", "left", 10, "done");
	add_on(&st, ymd(1800, 6, 1), "calves", "left", 10, "partial");
	add_on(&st, ymd(1970, 1, 1), "calves", "left", 10, "done");
	stats_finish(&st);
	area_is(&st.area[c], 7, 6, 1, 0, 70, 5, ymd(2100, 6, 1));
	ck_assert_int_eq(st.total.days, 5);
	ck_assert_int_eq(st.first, ymd(1800, 6, 1));
	ck_assert_int_eq(st.latest, ymd(2100, 6, 1));
	stats_done(&st);
}
END_TEST

START_TEST(test_range)
{
	struct stats	st;
	long		since = ymd(2026, 10, 1), until = ymd(2026, 10, 31);
	int		c = area_ix("calves");

	begin(&st, TODAY, NULL, 0);
	st.since = since;
	st.until = until;
	add_on(&st, since - 1, "calves", "left", 1, "done");
	add_on(&st, since, "calves", "left", 10, "done");
	add_on(&st, since + 5, "calves", "left", 100, "partial");
	add_on(&st, until, "calves", "left", 1000, "done");
	add_on(&st, until + 1, "calves", "left", 10000, "done");
	add_on(&st, until + 1, "feet", "left", 10000, "skipped");
	stats_finish(&st);
	area_is(&st.area[c], 3, 2, 1, 0, 1110, 2, until);
	area_is(&st.area[area_ix("feet")], 0, 0, 0, 0, 0, 0, STATS_NEVER);
	area_is(&st.total, 3, 2, 1, 0, 1110, 2, until);
	/* The whole log still counts for these. */
	ck_assert_int_eq(st.records, 6);
	ck_assert_int_eq(st.first, since - 1);
	ck_assert_int_eq(st.latest, until + 1);
	ck_assert_int_eq(st.since, since);
	ck_assert_int_eq(st.until, until);
	stats_done(&st);

	/* A range of one day. */
	begin(&st, TODAY, NULL, 0);
	st.since = st.until = since;
	add_on(&st, since - 1, "calves", "left", 1, "done");
	add_on(&st, since, "calves", "left", 10, "done");
	add_on(&st, since + 1, "calves", "left", 100, "done");
	stats_finish(&st);
	area_is(&st.area[c], 1, 1, 0, 0, 10, 1, since);
	stats_done(&st);
}
END_TEST

START_TEST(test_offsets_and_dst)
{
	struct stats	st;
	long		d = ymd(2026, 3, 29);
	int		c = area_ix("calves");

	/* Either side of the spring change in Paris: one date. */
	begin(&st, TODAY, NULL, 0);
	add_at(&st, "2026-03-29T01:30:00+01:00", "calves", "left", 30,
	    "done");
	add_at(&st, "2026-03-29T03:30:00+02:00", "calves", "right", 30,
	    "done");
	add_at(&st, "2026-03-28T23:30:00-01:00", "calves", "right", 30,
	    "done");
	stats_finish(&st);
	area_is(&st.area[c], 3, 3, 0, 0, 90, 2, d);
	ck_assert_int_eq(st.first, d - 1);
	streak_is(&st, 0, 2, d - 1, d);
	stats_done(&st);

	/* 11-22 in UTC, but written as 11-21: it counts on 11-21. */
	begin(&st, TODAY, NULL, 0);
	st.since = st.until = TODAY;
	add_at(&st, "2026-11-21T23:30:00-05:00", "calves", "left", 30,
	    "done");
	add_at(&st, "2026-11-22T01:00:00+14:00", "calves", "left", 40,
	    "done");
	stats_finish(&st);
	area_is(&st.area[c], 1, 1, 0, 0, 30, 1, TODAY);
	ck_assert_int_eq(st.heat[TODAY - st.heat_first], 30);
	ck_assert_int_eq(st.week[c].seconds, 30);
	ck_assert_int_eq(st.latest, TODAY + 1);
	stats_done(&st);

	begin(&st, TODAY, NULL, 0);
	st.since = st.until = TODAY + 1;
	add_at(&st, "2026-11-21T23:30:00-05:00", "calves", "left", 30,
	    "done");
	add_at(&st, "2026-11-22T01:00:00+14:00", "calves", "left", 40,
	    "done");
	stats_finish(&st);
	area_is(&st.area[c], 1, 1, 0, 0, 40, 1, TODAY + 1);
	stats_done(&st);
}
END_TEST

START_TEST(test_streak_year_end)
{
	struct stats	st;
	long		d[] = { ymd(2026, 12, 30), ymd(2026, 12, 31),
	    ymd(2027, 1, 1), ymd(2027, 1, 2) };

	/* Ending today. */
	streak_of(&st, d[3], d, 4);
	streak_is(&st, 4, 4, d[0], d[3]);
	stats_done(&st);
	/* Ending yesterday: today has none yet. */
	streak_of(&st, d[3] + 1, d, 4);
	streak_is(&st, 4, 4, d[0], d[3]);
	stats_done(&st);
	/* Broken. */
	streak_of(&st, d[3] + 2, d, 4);
	streak_is(&st, 0, 4, d[0], d[3]);
	stats_done(&st);
	/* Today in the middle: the run to today. */
	streak_of(&st, d[1], d, 2);
	streak_is(&st, 2, 2, d[0], d[1]);
	stats_done(&st);
}
END_TEST

START_TEST(test_streak_month_end)
{
	struct stats	st;
	long		d[] = { ymd(2026, 1, 30), ymd(2026, 1, 31),
	    ymd(2026, 2, 1), ymd(2026, 4, 30), ymd(2026, 5, 1) };

	streak_of(&st, ymd(2026, 5, 1), d, 5);
	streak_is(&st, 2, 3, d[0], d[2]);
	stats_done(&st);
}
END_TEST

/*
 * Done dates eight thousand years apart: the best streak is still found,
 * including runs that start and end inside a byte of the day bitmap and
 * one that spans byte edges, after long empty stretches.
 */
START_TEST(test_streak_centuries)
{
	struct stats	st;
	long		today = ymd(2026, 11, 21), first = ymd(1, 1, 1);
	long		d[] = { first, first + 1, first + 2,
	    ymd(5000, 6, 6), today - 40, today - 39, today - 38, today - 37,
	    today - 36, today - 35, today - 34, today - 33, today - 32,
	    today - 1, today };

	streak_of(&st, today, d, sizeof d / sizeof d[0]);
	streak_is(&st, 2, 9, today - 40, today - 32);
	stats_done(&st);
	/* Far in the future too: never counted past today. */
	d[3] = ymd(9999, 12, 31);
	streak_of(&st, today, d, sizeof d / sizeof d[0]);
	streak_is(&st, 2, 9, today - 40, today - 32);
	stats_done(&st);
}
END_TEST

/* The longest run of consecutive days in a sorted list without repeats. */
static long
longest_run(const long *d, size_t n)
{
	size_t	i;
	long	run = 0, best = 0;

	for (i = 0; i < n; i++) {
		run = i > 0 && d[i] == d[i - 1] + 1 ? run + 1 : 1;
		if (run > best)
			best = run;
	}
	return best;
}

/* The best streak against counting it by hand, over random date sets. */
START_TEST(test_streak_random)
{
	struct stats	st;
	long		today = ymd(2026, 11, 21), d[64];
	uint64_t	seed = 12345;
	size_t		n, i, trial;

	for (trial = 0; trial < 300; trial++) {
		for (n = 0, i = 0; i < 64; i++) {
			seed = seed * 6364136223846793005ULL +
			    1442695040888963407ULL;	/* an LCG (Knuth) */
			if ((seed >> 33) % 3 != 0)
				d[n++] = today - 70 + (long)i;
		}
		streak_of(&st, today, d, n);
		ck_assert_int_eq(st.streak_best, longest_run(d, n));
		stats_done(&st);
	}
}
END_TEST

START_TEST(test_streak_leap_day)
{
	struct stats	st;
	long		leap[] = { ymd(2024, 2, 28), ymd(2024, 2, 29),
	    ymd(2024, 3, 1) };
	long		plain[] = { ymd(2023, 2, 27), ymd(2023, 2, 28),
	    ymd(2023, 3, 1) };

	streak_of(&st, ymd(2024, 3, 1), leap, 3);
	streak_is(&st, 3, 3, leap[0], leap[2]);
	stats_done(&st);
	/* No 29th: still consecutive days. */
	streak_of(&st, ymd(2023, 3, 2), plain, 3);
	streak_is(&st, 3, 3, plain[0], plain[2]);
	stats_done(&st);
}
END_TEST

START_TEST(test_streak_best_latest)
{
	struct stats	st;
	long		d[] = { ymd(2026, 3, 1), ymd(2026, 3, 2),
	    ymd(2026, 3, 3), ymd(2026, 1, 1), ymd(2026, 1, 2), ymd(2026, 1, 3),
	    ymd(2026, 6, 1), ymd(2026, 6, 2) };

	/* Two runs of three: the later is the best. */
	streak_of(&st, TODAY, d, 8);
	streak_is(&st, 0, 3, d[0], d[2]);
	stats_done(&st);

	/* A current run as long as the best is the best. */
	begin(&st, TODAY, NULL, 0);
	done_on(&st, ymd(2026, 1, 1));
	done_on(&st, ymd(2026, 1, 2));
	done_on(&st, TODAY - 1);
	done_on(&st, TODAY);
	stats_finish(&st);
	streak_is(&st, 2, 2, TODAY - 1, TODAY);
	stats_done(&st);

	/* Runs of one: the latest. */
	begin(&st, TODAY, NULL, 0);
	done_on(&st, TODAY - 10);
	done_on(&st, TODAY - 5);
	done_on(&st, TODAY - 20);
	stats_finish(&st);
	streak_is(&st, 0, 1, TODAY - 5, TODAY - 5);
	stats_done(&st);
}
END_TEST

START_TEST(test_streak_done_only)
{
	struct stats	st;

	/* Partial and skipped holds do not keep a streak going. */
	begin(&st, TODAY, NULL, 0);
	add_on(&st, TODAY - 3, "calves", "left", 60, "done");
	add_on(&st, TODAY - 2, "calves", "left", 60, "done");
	add_on(&st, TODAY - 1, "calves", "left", 60, "partial");
	add_on(&st, TODAY - 1, "calves", "left", 60, "skipped");
	add_on(&st, TODAY, "calves", "left", 60, "done");
	add_on(&st, TODAY, "calves", "right", 60, "done");
	stats_finish(&st);
	streak_is(&st, 1, 2, TODAY - 3, TODAY - 2);
	stats_done(&st);

	/* Only partial holds: no streak at all. */
	begin(&st, TODAY, NULL, 0);
	add_on(&st, TODAY, "calves", "left", 60, "partial");
	add_on(&st, TODAY - 1, "calves", "left", 60, "partial");
	stats_finish(&st);
	streak_is(&st, 0, 0, STATS_NEVER, STATS_NEVER);
	stats_done(&st);
}
END_TEST

START_TEST(test_streak_whole_log)
{
	struct stats	st;

	/* Streaks ignore the range and the area. */
	begin(&st, TODAY, NULL, 0);
	st.since = st.until = TODAY - 100;
	add_on(&st, TODAY - 2, "calves", "left", 60, "done");
	add_on(&st, TODAY - 1, "neck", "right", 10, "done");
	add_on(&st, TODAY, "feet", "-", 10, "done");
	stats_finish(&st);
	streak_is(&st, 3, 3, TODAY - 2, TODAY);
	area_is(&st.total, 0, 0, 0, 0, 0, 0, STATS_NEVER);
	stats_done(&st);
}
END_TEST

START_TEST(test_streak_out_of_order)
{
	struct stats	st;
	long		d[] = { TODAY, TODAY - 3, TODAY - 1, TODAY - 2,
	    ymd(1800, 1, 1), TODAY - 2, ymd(1799, 12, 31), ymd(2100, 1, 1) };

	/* Far apart and shuffled, with a lone date in the future. */
	streak_of(&st, TODAY, d, 8);
	streak_is(&st, 4, 4, TODAY - 3, TODAY);
	stats_done(&st);
}
END_TEST

START_TEST(test_streak_epoch)
{
	struct stats	st;
	long		d[] = { 0, -1, -2, -4 };

	streak_of(&st, 0, d, 4);
	streak_is(&st, 3, 3, -2, 0);
	stats_done(&st);
	streak_of(&st, 1, d, 4);
	streak_is(&st, 3, 3, -2, 0);
	stats_done(&st);
}
END_TEST

START_TEST(test_streak_long)
{
	struct stats	st;
	long		i;

	/* 400 days in a row, added newest first, and a gap before. */
	begin(&st, TODAY, NULL, 0);
	for (i = 0; i < 400; i++)
		done_on(&st, TODAY - i);
	done_on(&st, TODAY - 401);
	done_on(&st, TODAY - 402);
	stats_finish(&st);
	streak_is(&st, 400, 400, TODAY - 399, TODAY);
	ck_assert_int_eq(st.total.days, 402);
	ck_assert_int_eq(st.area[area_ix("upper-back")].days, 402);
	stats_done(&st);
}
END_TEST

START_TEST(test_heatmap)
{
	struct stats	st;
	long		first = ymd(2026, 5, 25);
	long long	sum = 0;
	size_t		i;

	ck_assert_int_eq(day_weekday(first), 0);
	begin(&st, TODAY, NULL, 0);
	st.since = st.until = TODAY - 1000;	/* the heatmap ignores it */
	add_on(&st, TODAY, "calves", "left", 60, "done");
	add_on(&st, TODAY, "hamstrings", "right", 30, "partial");
	add_on(&st, TODAY, "hamstrings", "right", 100, "skipped");
	add_at(&st, "2026-11-21T23:30:00-05:00", "neck", "-", 5, "done");
	add_on(&st, first, "feet", "-", 7, "done");
	add_on(&st, first - 1, "feet", "-", 1000, "done");
	add_on(&st, TODAY - 1, "glutes", "left", 11, "done");
	add_on(&st, TODAY - 1, "glutes", "left", 12, "done");
	add_on(&st, TODAY + 1, "feet", "-", 2000, "done");
	add_on(&st, TODAY + 100, "feet", "-", 3000, "done");
	stats_finish(&st);
	ck_assert_int_eq(st.heat_first, first);
	ck_assert_int_eq(TODAY - first, 180);
	ck_assert_int_eq(st.heat[180], 95);
	ck_assert_int_eq(st.heat[179], 23);
	ck_assert_int_eq(st.heat[0], 7);
	ck_assert_int_eq(st.heat[181], 0);
	for (i = 0; i < STATS_HEAT_DAYS; i++)
		sum += st.heat[i];
	ck_assert_int_eq(sum, 95 + 23 + 7);
	stats_done(&st);
}
END_TEST

START_TEST(test_heatmap_weekdays)
{
	struct stats	st;
	long		monday = ymd(2026, 11, 23), sunday = ymd(2026, 11, 22);

	/* Today a Monday: the last column has only today. */
	begin(&st, monday, NULL, 0);
	add_on(&st, monday, "calves", "left", 10, "done");
	add_on(&st, monday + 1, "calves", "left", 20, "done");
	add_on(&st, monday + 6, "calves", "left", 30, "done");
	add_on(&st, monday - 175, "calves", "left", 40, "done");
	stats_finish(&st);
	ck_assert_int_eq(st.heat_first, monday - 175);
	ck_assert_int_eq(st.heat[175], 10);
	ck_assert_int_eq(st.heat[176], 0);
	ck_assert_int_eq(st.heat[181], 0);
	ck_assert_int_eq(st.heat[0], 40);
	stats_done(&st);

	/* Today a Sunday: the last cell is today. */
	begin(&st, sunday, NULL, 0);
	add_on(&st, sunday, "calves", "left", 10, "done");
	stats_finish(&st);
	ck_assert_int_eq(st.heat_first, sunday - 6 - 175);
	ck_assert_int_eq(st.heat[STATS_HEAT_DAYS - 1], 10);
	stats_done(&st);
}
END_TEST

START_TEST(test_week_dosed)
{
	struct stats	st;
	long		t = TODAY;
	int		c = area_ix("calves"), u = area_ix("upper-back");

	begin(&st, t, NULL, 0);
	st.since = st.until = t - 300;		/* the week ignores it */
	add_on(&st, t - 7, "calves", "left", 60, "done");	/* not in */
	add_on(&st, t - 7, "calves", "right", 60, "done");
	add_on(&st, t - 6, "calves", "left", 60, "done");	/* dosed */
	add_on(&st, t - 6, "calves", "right", 60, "done");
	add_on(&st, t - 5, "calves", "left", 60, "done");	/* one side */
	add_on(&st, t - 4, "calves", "-", 60, "done");		/* dosed */
	add_on(&st, t - 3, "calves", "-", 30, "done");		/* dosed */
	add_on(&st, t - 3, "calves", "left", 30, "done");
	add_on(&st, t - 3, "calves", "right", 30, "done");
	add_on(&st, t - 2, "calves", "left", 30, "partial");	/* dosed */
	add_on(&st, t - 2, "calves", "left", 30, "done");
	add_on(&st, t - 2, "calves", "right", 60, "done");
	add_on(&st, t - 1, "calves", "left", 60, "skipped");	/* no */
	add_on(&st, t - 1, "calves", "right", 60, "done");
	add_on(&st, t + 1, "calves", "left", 60, "done");	/* future */
	add_on(&st, t + 1, "calves", "right", 60, "done");
	add_on(&st, t, "upper-back", "-", 60, "done");		/* dosed */
	add_on(&st, t - 1, "upper-back", "-", 59, "done");	/* short */
	add_on(&st, t - 2, "upper-back", "-", 60, "partial");	/* dosed */
	stats_finish(&st);

	week_is(&st.week[c], 120 + 60 + 60 + 90 + 120 + 60, 6, 4, t - 2,
	    t - 1, 1, 0);
	target_is(&st.week[c], 3, 60, 360);
	week_is(&st.week[u], 60 + 59 + 60, 2, 2, t, t, 1, 0);
	target_is(&st.week[u], 3, 60, 180);
	week_is(&st.week[area_ix("quads")], 0, 0, 0, STATS_NEVER, STATS_NEVER,
	    0, 0);
	stats_done(&st);
}
END_TEST

/* In an area without sides, left and right holds add up to the whole. */
START_TEST(test_week_unsided_area)
{
	struct stats	st;
	long		t = TODAY;
	int		u = area_ix("upper-back");

	begin(&st, t, NULL, 0);
	add_on(&st, t, "upper-back", "left", 60, "done");	/* dosed */
	add_on(&st, t - 1, "upper-back", "left", 30, "done");	/* dosed */
	add_on(&st, t - 1, "upper-back", "right", 30, "done");
	add_on(&st, t - 2, "upper-back", "right", 20, "done");	/* short */
	add_on(&st, t - 2, "upper-back", "-", 20, "done");
	stats_finish(&st);
	week_is(&st.week[u], 160, 3, 2, t, t, 1, 0);
	stats_done(&st);
}
END_TEST

/* The best streak stops at today, whatever a record's date says. */
START_TEST(test_streak_not_future)
{
	struct stats	st;
	long		t = TODAY;

	begin(&st, t, NULL, 0);
	add_on(&st, t - 1, "calves", "-", 30, "done");
	add_on(&st, t, "calves", "-", 30, "done");
	add_on(&st, t + 1, "calves", "-", 30, "done");
	add_on(&st, t + 2, "calves", "-", 30, "done");
	stats_finish(&st);
	ck_assert_int_eq(st.streak, 2);
	ck_assert_int_eq(st.streak_best, 2);
	ck_assert_int_eq(st.best_last, t);
	stats_done(&st);
}
END_TEST

START_TEST(test_week_sides)
{
	struct stats	st;
	long		t = TODAY;
	int		c = area_ix("calves");

	/* Each side rule on its own day. */
	begin(&st, t, NULL, 0);
	add_on(&st, t - 5, "calves", "left", 60, "done");
	add_on(&st, t - 5, "calves", "right", 60, "done");
	stats_finish(&st);
	ck_assert_int_eq(st.week[c].dosed, 1);
	stats_done(&st);

	begin(&st, t, NULL, 0);
	add_on(&st, t - 5, "calves", "left", 60, "done");
	add_on(&st, t - 5, "calves", "left", 60, "done");
	stats_finish(&st);
	ck_assert_int_eq(st.week[c].dosed, 0);
	ck_assert_int_eq(st.week[c].due, 1);
	stats_done(&st);

	begin(&st, t, NULL, 0);
	add_on(&st, t, "calves", "-", 60, "done");
	stats_finish(&st);
	ck_assert_int_eq(st.week[c].dosed, 1);
	stats_done(&st);

	begin(&st, t, NULL, 0);
	add_on(&st, t, "calves", "-", 30, "done");
	add_on(&st, t, "calves", "left", 30, "done");
	add_on(&st, t, "calves", "right", 30, "done");
	stats_finish(&st);
	ck_assert_int_eq(st.week[c].dosed, 1);
	stats_done(&st);

	begin(&st, t, NULL, 0);
	add_on(&st, t, "calves", "-", 30, "done");
	add_on(&st, t, "calves", "left", 30, "done");
	add_on(&st, t, "calves", "right", 29, "done");
	stats_finish(&st);
	ck_assert_int_eq(st.week[c].dosed, 0);
	stats_done(&st);

	/* The same day's holds split across UTC offsets still add up. */
	begin(&st, t, NULL, 0);
	add_at(&st, "2026-11-21T00:30:00+09:00", "calves", "left", 60,
	    "done");
	add_at(&st, "2026-11-21T23:30:00-08:00", "calves", "right", 60,
	    "done");
	stats_finish(&st);
	ck_assert_int_eq(st.week[c].dosed, 1);
	ck_assert_int_eq(st.week[c].active, 1);
	stats_done(&st);
}
END_TEST

START_TEST(test_week_tracking)
{
	struct config	cfg;
	struct stats	st;
	long		t = TODAY;
	size_t		i;
	int		h = area_ix("hamstrings"), c = area_ix("calves");
	int		q = area_ix("quads"), g = area_ix("glutes");
	int		l = area_ix("lats"), f = area_ix("feet");
	int		n = area_ix("neck");

	config_init(&cfg);
	cfg.targets[h].set = 1;
	cfg.targets[h].days = 2;
	cfg.targets[f].set = 1;
	cfg.targets[f].days = 1;
	cfg.targets[f].seconds = 120;
	cfg.targets[n].set = 1;
	cfg.targets[n].days = 1;

	begin(&st, t, &cfg, 0);
	add_on(&st, t - 55, "calves", "left", 60, "done");
	add_on(&st, t - 56, "quads", "left", 60, "done");
	add_on(&st, t - 1, "glutes", "left", 60, "partial");
	add_on(&st, t - 1, "glutes", "right", 60, "skipped");
	add_on(&st, t + 3, "lats", "left", 60, "done");
	add_on(&st, t, "feet", "left", 60, "done");
	add_on(&st, t, "feet", "right", 60, "done");
	add_on(&st, t - 1, "feet", "left", 120, "done");
	add_on(&st, t - 1, "feet", "right", 120, "partial");
	add_on(&st, t - 2, "neck", "-", 60, "done");
	stats_finish(&st);

	/* A target in the config: tracked with an empty log, and due. */
	week_is(&st.week[h], 0, 0, 0, STATS_NEVER, STATS_NEVER, 1, 1);
	target_is(&st.week[h], 2, 60, 240);
	/* Done 55 days ago: still tracked; 56 days ago: not. */
	week_is(&st.week[c], 0, 0, 0, STATS_NEVER, t - 55, 1, 1);
	week_is(&st.week[q], 0, 0, 0, STATS_NEVER, t - 56, 0, 0);
	/* Partial holds do not make an area tracked. */
	week_is(&st.week[g], 60, 0, 0, STATS_NEVER, STATS_NEVER, 0, 0);
	/* A future date is not in the days ending today, nor last. */
	week_is(&st.week[l], 0, 0, 0, STATS_NEVER, STATS_NEVER, 0, 0);
	/* 120 s a side: 60 + 60 is not enough, 120 + 120 is. */
	week_is(&st.week[f], 360, 2, 1, t - 1, t, 1, 0);
	target_is(&st.week[f], 1, 120, 240);
	week_is(&st.week[n], 60, 1, 1, t - 2, t - 2, 1, 0);
	target_is(&st.week[n], 1, 60, 120);
	for (i = 0; i < area_count; i++) {
		if ((int)i == h || (int)i == c || (int)i == f || (int)i == n)
			continue;
		ck_assert_int_eq(st.week[i].tracked, 0);
		ck_assert_int_eq(st.week[i].due, 0);
	}
	stats_done(&st);
	config_done(&cfg);
}
END_TEST

/* The due rule: the gap since the last day that met the dose. */

/*
 * Calves' week on today, with a target of days a week (60 s a side) and
 * a full dose, 60 s each side, on each of the n dates.
 */
static struct stats_week
calves_week(long today, int days, const long *dosed, size_t n)
{
	struct config		cfg;
	struct stats		st;
	struct stats_week	w;
	int			c = area_ix("calves");
	size_t			i;

	config_init(&cfg);
	cfg.targets[c].set = 1;
	cfg.targets[c].days = days;
	begin(&st, today, &cfg, 0);
	for (i = 0; i < n; i++) {
		add_on(&st, dosed[i], "calves", "left", 60, "done");
		add_on(&st, dosed[i], "calves", "right", 60, "done");
	}
	stats_finish(&st);
	w = st.week[c];
	stats_done(&st);
	config_done(&cfg);
	return w;
}

/* Check calves with one dosed date at days a week: counted, due. */
static void
due_is(long dosed, long today, int days, int due)
{
	struct stats_week	w = calves_week(today, days, &dosed, 1);
	char			a[DAY_BUFSIZE], b[DAY_BUFSIZE];

	ck_assert_msg(w.due == due, "dosed %s, today %s, %d a week: due %d",
	    day_format(dosed, a, sizeof a), day_format(today, b, sizeof b),
	    days, w.due);
	ck_assert_int_eq(w.tracked, 1);
	if (today - dosed < STATS_WEEK_DAYS)
		ck_assert_int_eq(w.counted, dosed);
	else
		ck_assert_int_eq(w.counted, STATS_NEVER);
}

/* Three a week, last dosed on Monday 2026-11-16: due from Thursday. */
START_TEST(test_due_three_a_week)
{
	long	mon = ymd(2026, 11, 16);

	ck_assert_int_eq(day_monday(mon), mon);
	due_is(mon, mon, 3, 0);
	due_is(mon, mon + 1, 3, 0);
	due_is(mon, mon + 2, 3, 0);		/* Wednesday: 2 * 3 < 7 */
	due_is(mon, mon + 3, 3, 1);		/* Thursday: 3 * 3 >= 7 */
	due_is(mon, mon + 6, 3, 1);
	due_is(mon, mon + 7, 3, 1);		/* out of the week */
	due_is(mon, mon + 30, 3, 1);
}
END_TEST

/* Across the end of a week: Sunday to Wednesday is a gap of 3. */
START_TEST(test_due_week_end)
{
	long	sun = ymd(2026, 11, 22);
	long	dosed[] = { ymd(2026, 11, 18), sun };
	struct stats_week w;

	ck_assert_int_eq(day_monday(sun), sun - 6);
	due_is(sun, sun + 2, 3, 0);		/* Tuesday */
	due_is(sun, sun + 3, 3, 1);		/* Wednesday */
	/* The earlier dosed day does not matter, only the last. */
	w = calves_week(sun + 2, 3, dosed, 2);
	ck_assert_int_eq(w.counted, sun);
	ck_assert_int_eq(w.dosed, 2);
	ck_assert_int_eq(w.due, 0);
	w = calves_week(sun + 3, 3, dosed, 2);
	ck_assert_int_eq(w.dosed, 1);
	ck_assert_int_eq(w.due, 1);
}
END_TEST

/* Across the end of a month, with and without a leap day. */
START_TEST(test_due_month_end)
{
	due_is(ymd(2026, 11, 30), ymd(2026, 12, 2), 3, 0);
	due_is(ymd(2026, 11, 30), ymd(2026, 12, 3), 3, 1);
	due_is(ymd(2026, 2, 27), ymd(2026, 3, 1), 3, 0);	/* gap 2 */
	due_is(ymd(2028, 2, 27), ymd(2028, 3, 1), 3, 1);	/* gap 3 */
	due_is(ymd(2026, 1, 31), ymd(2026, 2, 3), 3, 1);
	due_is(ymd(2026, 4, 30), ymd(2026, 5, 1), 7, 1);
}
END_TEST

/* Across the end of a year. */
START_TEST(test_due_year_end)
{
	due_is(ymd(2026, 12, 30), ymd(2027, 1, 1), 3, 0);
	due_is(ymd(2026, 12, 30), ymd(2027, 1, 2), 3, 1);
	due_is(ymd(2026, 12, 31), ymd(2027, 1, 1), 7, 1);
	due_is(ymd(2026, 12, 28), ymd(2027, 1, 3), 1, 0);	/* gap 6 */
	due_is(ymd(2026, 12, 28), ymd(2027, 1, 4), 1, 1);	/* gap 7 */
}
END_TEST

/* Daily: due the day after; once a week: due 7 days after. */
START_TEST(test_due_daily_and_weekly)
{
	long	t = TODAY;

	due_is(t, t, 7, 0);
	due_is(t - 1, t, 7, 1);
	due_is(t - 6, t, 1, 0);
	due_is(t - 7, t, 1, 1);
	due_is(t - 3, t, 2, 0);		/* 3 * 2 < 7 */
	due_is(t - 4, t, 2, 1);		/* 4 * 2 >= 7 */
}
END_TEST

/* Every target against every gap: due exactly when gap * days >= 7. */
START_TEST(test_due_every_gap)
{
	long	t = TODAY, gap;
	int	days;

	for (days = CONFIG_DAYS_MIN; days <= CONFIG_DAYS_MAX; days++) {
		for (gap = 0; gap <= 9; gap++)
			due_is(t - gap, t, days, gap * days >= 7);
	}
}
END_TEST

/* Day one: one full session today is never due, at any target. */
START_TEST(test_due_counted_today)
{
	struct stats_week	w;
	long			t = TODAY;
	int			days;

	for (days = CONFIG_DAYS_MIN; days <= CONFIG_DAYS_MAX; days++) {
		w = calves_week(t, days, &t, 1);
		ck_assert_int_eq(w.dosed, 1);
		ck_assert_int_eq(w.counted, t);
		ck_assert_int_eq(w.due, 0);
	}
}
END_TEST

/* Tracked but never dosed: due, whether by a target or by a done hold. */
START_TEST(test_due_never_counted)
{
	struct stats_week	w;
	struct stats		st;
	long			t = TODAY;
	int			c = area_ix("calves");

	w = calves_week(t, 3, NULL, 0);
	ck_assert_int_eq(w.tracked, 1);
	ck_assert_int_eq(w.counted, STATS_NEVER);
	ck_assert_int_eq(w.due, 1);

	/* A done hold today on one side only: tracked, not dosed. */
	begin(&st, t, NULL, 0);
	add_on(&st, t, "calves", "left", 60, "done");
	stats_finish(&st);
	ck_assert_int_eq(st.week[c].tracked, 1);
	ck_assert_int_eq(st.week[c].counted, STATS_NEVER);
	ck_assert_int_eq(st.week[c].due, 1);
	/* Untracked areas are never due. */
	ck_assert_int_eq(st.week[area_ix("quads")].due, 0);
	stats_done(&st);
}
END_TEST

/* Partial holds count when they add up to the dose, and only then. */
START_TEST(test_due_partial)
{
	struct stats	st;
	long		mon = ymd(2026, 11, 16), thu = mon + 3;
	int		c = area_ix("calves");

	begin(&st, thu, NULL, 0);
	add_on(&st, mon, "calves", "-", 60, "done");
	add_on(&st, mon + 2, "calves", "left", 40, "partial");	/* short */
	add_on(&st, mon + 2, "calves", "right", 60, "partial");
	add_on(&st, mon + 2, "calves", "left", 20, "skipped");
	stats_finish(&st);
	ck_assert_int_eq(st.week[c].counted, mon);
	ck_assert_int_eq(st.week[c].dosed, 1);
	ck_assert_int_eq(st.week[c].due, 1);
	stats_done(&st);

	begin(&st, thu, NULL, 0);
	add_on(&st, mon, "calves", "-", 60, "done");
	add_on(&st, mon + 2, "calves", "left", 40, "partial");
	add_on(&st, mon + 2, "calves", "left", 20, "done");
	add_on(&st, mon + 2, "calves", "right", 60, "partial");
	stats_finish(&st);
	ck_assert_int_eq(st.week[c].counted, mon + 2);
	ck_assert_int_eq(st.week[c].dosed, 2);
	ck_assert_int_eq(st.week[c].due, 0);
	stats_done(&st);
}
END_TEST

/* An area without sides counts its holds as one whole. */
START_TEST(test_due_unsided)
{
	struct stats	st;
	long		t = TODAY;
	int		u = area_ix("upper-back");

	begin(&st, t, NULL, 0);
	add_on(&st, t - 2, "upper-back", "left", 30, "done");
	add_on(&st, t - 2, "upper-back", "right", 30, "done");
	add_on(&st, t - 1, "upper-back", "-", 59, "done");	/* short */
	stats_finish(&st);
	ck_assert_int_eq(st.week[u].counted, t - 2);
	ck_assert_int_eq(st.week[u].due, 0);
	stats_done(&st);

	begin(&st, t, NULL, 0);
	add_on(&st, t - 3, "upper-back", "-", 30, "done");
	add_on(&st, t - 3, "upper-back", "left", 30, "done");
	stats_finish(&st);
	ck_assert_int_eq(st.week[u].counted, t - 3);
	ck_assert_int_eq(st.week[u].due, 1);
	stats_done(&st);
}
END_TEST

START_TEST(test_recent_order)
{
	const struct stats_hold	*r;
	struct stats		 st;
	size_t			 n;
	int			 c = area_ix("calves");

	begin(&st, TODAY, NULL, STATS_WANT_RECENT);
	/* Lines 1 to 7. */
	add_at(&st, "2026-11-22T01:00:00+00:00", "calves", "left", 10,
	    "done");
	add_at(&st, "2026-11-21T23:30:00-05:00", "calves", "right", 20,
	    "partial");
	add_at(&st, "2026-11-22T03:00:00+00:00", "hamstrings", "-", 30,
	    "skipped");
	add_at(&st, "2026-11-20T10:00:00+01:00", "calves", "left", 40,
	    "done");
	add_at(&st, "2026-11-20T09:00:00Z", "calves", "left", 50, "done");
	add_at(&st, "2026-11-20T09:00:00Z", "calves", "left", 60, "done");
	add_line(&st, "2026-11-19T09:00:00Z\tmy routine\tCouch stretch\troll\t"
	    "hip-flexors\tright\t45\t44\tpartial\textra");
	stats_finish(&st);

	r = stats_recent(&st, -1, &n);
	ck_assert_uint_eq(n, 7);
	ck_assert_int_eq(r[0].line, 2);	/* 04:30Z on 11-22 */
	ck_assert_int_eq(r[1].line, 3);	/* 03:00Z */
	ck_assert_int_eq(r[2].line, 1);	/* 01:00Z */
	ck_assert_int_eq(r[3].line, 6);	/* 09:00Z on 11-20, the latest line */
	ck_assert_int_eq(r[4].line, 5);
	ck_assert_int_eq(r[5].line, 4);
	ck_assert_int_eq(r[6].line, 7);

	ck_assert(r[0].start == utc(2026, 11, 22, 4, 30, 0));
	ck_assert_int_eq(r[0].date, TODAY);
	ck_assert_str_eq(r[0].stamp, "2026-11-21T23:30:00-05:00");
	ck_assert_int_eq(r[0].held, 20);
	ck_assert_int_eq(r[0].outcome, HOLDLOG_PARTIAL);
	ck_assert_int_eq(r[0].side, HOLDLOG_SIDE_RIGHT);
	ck_assert_int_eq(r[1].outcome, HOLDLOG_SKIPPED);
	ck_assert_int_eq(r[1].area, area_ix("hamstrings"));
	ck_assert_int_eq(r[1].side, HOLDLOG_SIDE_NONE);
	ck_assert_str_eq(r[6].stamp, "2026-11-19T09:00:00Z");
	ck_assert_str_eq(r[6].routine, "my routine");
	ck_assert_str_eq(r[6].step, "Couch stretch");
	ck_assert_int_eq(r[6].kind, STEP_ROLL);
	ck_assert_int_eq(r[6].area, area_ix("hip-flexors"));
	ck_assert_int_eq(r[6].side, HOLDLOG_SIDE_RIGHT);
	ck_assert_int_eq(r[6].target, 45);
	ck_assert_int_eq(r[6].held, 44);
	ck_assert_int_eq(r[6].outcome, HOLDLOG_PARTIAL);
	ck_assert_int_eq(r[6].date, ymd(2026, 11, 19));

	r = stats_recent(&st, c, &n);
	ck_assert_uint_eq(n, 5);
	ck_assert_int_eq(r[0].line, 2);
	ck_assert_int_eq(r[1].line, 1);
	ck_assert_int_eq(r[2].line, 6);
	ck_assert_int_eq(r[3].line, 5);
	ck_assert_int_eq(r[4].line, 4);
	ck_assert_int_eq(r[4].area, c);
	ck_assert_str_eq(r[4].step, "Stretch");
	ck_assert_str_eq(r[4].routine, "-");

	r = stats_recent(&st, area_ix("hip-flexors"), &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(r[0].line, 7);
	stats_recent(&st, area_ix("quads"), &n);
	ck_assert_uint_eq(n, 0);
	stats_done(&st);
}
END_TEST

START_TEST(test_recent_range)
{
	const struct stats_hold	*r;
	struct stats		 st;
	size_t			 n;

	begin(&st, TODAY, NULL, STATS_WANT_RECENT);
	st.since = TODAY - 1;
	st.until = TODAY;
	add_on(&st, TODAY - 2, "calves", "left", 10, "done");
	add_on(&st, TODAY - 1, "calves", "left", 20, "done");
	add_on(&st, TODAY, "calves", "left", 30, "skipped");
	add_on(&st, TODAY + 1, "calves", "left", 40, "done");
	stats_finish(&st);
	r = stats_recent(&st, -1, &n);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(r[0].held, 30);
	ck_assert_int_eq(r[1].held, 20);
	r = stats_recent(&st, area_ix("calves"), &n);
	ck_assert_uint_eq(n, 2);
	stats_done(&st);
}
END_TEST

START_TEST(test_recent_cap)
{
	const struct stats_hold	*r;
	struct stats		 st;
	char			 stamp[64];
	size_t			 n, k;
	int			 i, m;

	/* 250 calves holds a minute apart, added in a shuffled order. */
	begin(&st, TODAY, NULL, STATS_WANT_RECENT);
	for (i = 0; i < 250; i++) {
		m = (i * 7) % 250;
		snprintf(stamp, sizeof stamp, "2026-11-21T%02d:%02d:00+00:00",
		    m / 60, m % 60);
		add_at(&st, stamp, "calves", "left", m, "done");
	}
	for (i = 0; i < 3; i++)
		add_on(&st, TODAY - 1 - i, "hamstrings", "left", i, "done");
	stats_finish(&st);

	r = stats_recent(&st, -1, &n);
	ck_assert_uint_eq(n, STATS_RECENT);
	for (k = 0; k < n; k++) {
		ck_assert_int_eq(r[k].held, 249 - (int)k);
		ck_assert(r[k].start == utc(2026, 11, 21, 0, 249 - (int)k, 0));
	}
	r = stats_recent(&st, area_ix("calves"), &n);
	ck_assert_uint_eq(n, STATS_RECENT);
	ck_assert_int_eq(r[0].held, 249);
	ck_assert_int_eq(r[STATS_RECENT - 1].held, 150);
	r = stats_recent(&st, area_ix("hamstrings"), &n);
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(r[0].held, 0);
	ck_assert_int_eq(r[2].held, 2);
	ck_assert_int_eq(r[2].line, 253);
	stats_done(&st);
}
END_TEST

START_TEST(test_recent_long_text)
{
	const struct stats_hold	*r;
	struct stats		 st;
	char			 step[256], routine[128], want[256];
	size_t			 n;
	int			 i;

	/* 100 two-byte characters, and 100 plain ones. */
	for (i = 0; i < 100; i++)
		memcpy(step + 2 * i, "\xc3\xa9", 2);
	step[200] = '\0';
	memset(routine, 'r', 100);
	routine[100] = '\0';
	begin(&st, TODAY, NULL, STATS_WANT_RECENT);
	add_line(&st, "2026-11-21T07:00:00+01:00\t%s\t%s\tstretch\tcalves\t"
	    "left\t30\t30\tdone", routine, step);
	stats_finish(&st);
	r = stats_recent(&st, -1, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(r[0].stamp, "2026-11-21T07:00:00+01:00");

	/* Cut to fit, never inside a character. */
	ck_assert_uint_lt(strlen(r[0].step), sizeof r[0].step);
	ck_assert_uint_eq(strlen(r[0].step) % 2, 0);
	ck_assert_uint_ge(strlen(r[0].step), sizeof r[0].step - 2);
	memcpy(want, step, strlen(r[0].step));
	want[strlen(r[0].step)] = '\0';
	ck_assert_str_eq(r[0].step, want);
	ck_assert_uint_eq(strlen(r[0].routine), sizeof r[0].routine - 1);
	ck_assert_int_eq(strspn(r[0].routine, "r"), strlen(r[0].routine));
	stats_done(&st);
}
END_TEST

START_TEST(test_recent_unwanted)
{
	struct stats	st;
	size_t		n = 99;

	begin(&st, TODAY, NULL, STATS_WANT_TOP);
	add_on(&st, TODAY, "calves", "left", 10, "done");
	stats_finish(&st);
	stats_recent(&st, -1, &n);
	ck_assert_uint_eq(n, 0);
	stats_done(&st);
}
END_TEST

START_TEST(test_top)
{
	const struct stats_top	*top;
	struct stats		 st;
	size_t			 n;
	long			 t = TODAY;

	begin(&st, t, NULL, STATS_WANT_TOP);
	st.since = t - 10;
	add_named(&st, t, "Wall calf stretch", "stretch", "calves", 30,
	    "done");
	add_named(&st, t - 1, "Wall calf stretch", "stretch", "calves", 40,
	    "done");
	add_named(&st, t - 2, "Wall calf stretch", "stretch", "calves", 50,
	    "done");
	add_named(&st, t - 2, "Wall calf stretch", "stretch", "calves", 50,
	    "partial");
	add_named(&st, t - 20, "Wall calf stretch", "stretch", "calves", 50,
	    "done");
	add_named(&st, t, "Wall calf stretch", "stretch", "hamstrings", 25,
	    "done");
	add_named(&st, t, "Couch stretch", "stretch", "hip-flexors", 60,
	    "done");
	add_named(&st, t, "Couch stretch", "stretch", "hip-flexors", 60,
	    "done");
	add_named(&st, t, "Couch stretch", "stretch", "hip-flexors", 60,
	    "skipped");
	add_named(&st, t, "Couch stretch", "stretch", "hip-flexors", 60,
	    "partial");
	add_named(&st, t - 3, "Foam roll", "roll", "upper-back", 60, "done");
	add_named(&st, t - 4, "Foam roll", "roll", "upper-back", 61, "done");
	add_named(&st, t - 5, "Foam roll", "roll", "upper-back", 62, "done");
	add_named(&st, t - 5, "Only skipped", "roll", "feet", 62, "skipped");
	stats_finish(&st);

	top = stats_top(&st, &n);
	ck_assert_uint_eq(n, 4);
	/* Three each: ties by name. */
	ck_assert_str_eq(top[0].step, "Foam roll");
	ck_assert_int_eq(top[0].area, area_ix("upper-back"));
	ck_assert_int_eq(top[0].kind, STEP_ROLL);
	ck_assert_int_eq(top[0].count, 3);
	ck_assert_int_eq(top[0].seconds, 183);
	ck_assert_str_eq(top[1].step, "Wall calf stretch");
	ck_assert_int_eq(top[1].area, area_ix("calves"));
	ck_assert_int_eq(top[1].kind, STEP_STRETCH);
	ck_assert_int_eq(top[1].count, 3);
	ck_assert_int_eq(top[1].seconds, 120);
	ck_assert_str_eq(top[2].step, "Couch stretch");
	ck_assert_int_eq(top[2].count, 2);
	ck_assert_int_eq(top[2].seconds, 120);
	ck_assert_str_eq(top[3].step, "Wall calf stretch");
	ck_assert_int_eq(top[3].area, area_ix("hamstrings"));
	ck_assert_int_eq(top[3].count, 1);
	ck_assert_int_eq(top[3].seconds, 25);
	stats_done(&st);
}
END_TEST

START_TEST(test_top_limit)
{
	const struct stats_top	*top;
	struct stats		 st;
	char			 name[32];
	size_t			 n;
	int			 i, j;

	/* Fifteen names done 1 to 15 times: the ten most are kept. */
	begin(&st, TODAY, NULL, WANT_ALL);
	for (i = 1; i <= 15; i++) {
		snprintf(name, sizeof name, "Stretch %02d", i);
		for (j = 0; j < i; j++)
			add_named(&st, TODAY - j, name, "stretch", "lats",
			    10, "done");
	}
	stats_finish(&st);
	top = stats_top(&st, &n);
	ck_assert_uint_eq(n, STATS_TOP);
	for (i = 0; i < STATS_TOP; i++) {
		snprintf(name, sizeof name, "Stretch %02d", 15 - i);
		ck_assert_str_eq(top[i].step, name);
		ck_assert_int_eq(top[i].count, 15 - i);
		ck_assert_int_eq(top[i].seconds, 10 * (15 - i));
	}
	stats_done(&st);
}
END_TEST

START_TEST(test_top_names_cap)
{
	const struct stats_top	*top;
	struct stats		 st;
	char			 name[32];
	size_t			 n;
	int			 i;

	/* Fill the table of names, then offer more. */
	begin(&st, TODAY, NULL, STATS_WANT_TOP);
	for (i = 0; i < STATS_TOP_NAMES; i++) {
		snprintf(name, sizeof name, "s%05d", i);
		add_named(&st, TODAY, name, "stretch", "calves", 10, "done");
	}
	for (i = 0; i < 1000; i++) {
		snprintf(name, sizeof name, "n%05d", i);
		add_named(&st, TODAY, name, "stretch", "calves", 10, "done");
		add_named(&st, TODAY, name, "stretch", "calves", 10, "done");
	}
	/* A name already counted still counts. */
	add_named(&st, TODAY, "s00007", "stretch", "calves", 10, "done");
	add_named(&st, TODAY, "s00007", "stretch", "calves", 10, "done");
	stats_finish(&st);

	top = stats_top(&st, &n);
	ck_assert_uint_eq(n, STATS_TOP);
	ck_assert_str_eq(top[0].step, "s00007");
	ck_assert_int_eq(top[0].count, 3);
	for (i = 1; i < STATS_TOP; i++) {
		snprintf(name, sizeof name, "s%05d", i - 1 + (i > 7));
		ck_assert_str_eq(top[i].step, name);
		ck_assert_int_eq(top[i].count, 1);
	}
	/* Every done hold still counts for the area. */
	ck_assert_int_eq(st.area[area_ix("calves")].holds,
	    STATS_TOP_NAMES + 2002);
	stats_done(&st);
}
END_TEST

START_TEST(test_top_unwanted)
{
	struct stats	st;
	size_t		n = 99;

	begin(&st, TODAY, NULL, STATS_WANT_RECENT);
	add_named(&st, TODAY, "x", "stretch", "calves", 10, "done");
	stats_finish(&st);
	stats_top(&st, &n);
	ck_assert_uint_eq(n, 0);
	stats_done(&st);
}
END_TEST

START_TEST(test_big_seconds)
{
	struct stats	st;
	long long	want = 3LL * INT_MAX;
	int		c = area_ix("calves");

	begin(&st, TODAY, NULL, WANT_ALL);
	add_on(&st, TODAY, "calves", "-", INT_MAX, "done");
	add_on(&st, TODAY, "calves", "-", INT_MAX, "partial");
	add_on(&st, TODAY, "calves", "left", INT_MAX, "done");
	stats_finish(&st);
	ck_assert_int_eq(st.area[c].seconds, want);
	ck_assert_int_eq(st.total.seconds, want);
	ck_assert_int_eq(st.heat[TODAY - st.heat_first], want);
	ck_assert_int_eq(st.week[c].seconds, want);
	ck_assert_int_eq(st.week[c].dosed, 1);
	stats_done(&st);
}
END_TEST

START_TEST(test_read_file)
{
	static const char	 log[] = HOLDLOG_HEADER "\n"
	    "# a comment\n"
	    "2026-11-20T07:00:00+01:00\tmorning\tWall calf stretch\tstretch\t"
	    "calves\tleft\t30\t30\tdone\n"
	    "2026-11-20T07:01:00+01:00\tmorning\tWall calf stretch\tstretch\t"
	    "calves\tright\t30\t25\tpartial\n"
	    "junk\n"
	    "\n"
	    "2026-11-21T07:00:00+01:00\tmorning\tWall calf stretch\tstretch\t"
	    "calves\tleft\t30\t30\tdone\n"
	    "2026-11-21T07:01:00+01:00\tmorning\tWall calf stretch\tstretch\t"
	    "calvez\tright\t30\t30\tdone\n"
	    "2026-11-21T07:02:00+01:00\t-\tFoam roll\troll\tupper-back\t-\t"
	    "60\t60\tdone\n"
	    "2026-11-21T07:03:00+01:00\t-\tFoam roll\troll\tupper-back\t-\t"
	    "60\t60\tdo";
	const struct stats_hold	*r;
	struct stats		 st;
	struct holdlog_reader		 lr;
	char			*dir = tmp_dir(), *path;
	size_t			 n;
	int			 c = area_ix("calves");

	path = xasprintf("%s/log.tsv", dir);
	spew(path, log);
	begin(&st, TODAY, NULL, WANT_ALL);
	ck_assert_int_eq(stats_read(&st, &lr, path), 0);
	holdlog_read_close(&lr);
	ck_assert_int_eq(lr.bad, 3);
	ck_assert_int_eq(lr.bad_lines[0], 5);
	ck_assert_int_eq(lr.bad_lines[1], 8);
	ck_assert_int_eq(lr.bad_lines[2], 10);
	ck_assert_int_eq(st.records, 4);
	area_is(&st.area[c], 3, 2, 1, 0, 85, 2, TODAY);
	area_is(&st.area[area_ix("upper-back")], 1, 1, 0, 0, 60, 1, TODAY);
	streak_is(&st, 2, 2, TODAY - 1, TODAY);
	ck_assert_int_eq(st.heat[TODAY - st.heat_first], 90);
	ck_assert_int_eq(st.week[c].seconds, 85);
	ck_assert_int_eq(st.week[c].tracked, 1);
	r = stats_recent(&st, -1, &n);
	ck_assert_uint_eq(n, 4);
	ck_assert_int_eq(r[0].line, 9);
	ck_assert_str_eq(r[0].step, "Foam roll");
	ck_assert_int_eq(r[3].line, 3);
	stats_done(&st);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

/*
 * Through stats_read the recent holds' text is read again from the log at
 * the end: check it over a log far larger than the reader's buffer.
 */
START_TEST(test_read_recent_text)
{
	struct stats_hold const	*r;
	struct strbuf		 sb;
	struct stats		 st;
	struct holdlog_reader		 lr;
	char			*dir = tmp_dir(), *path, want[64];
	size_t			 n, i;
	int			 k;

	sb_init(&sb);
	sb_adds(&sb, HOLDLOG_HEADER "\n");
	for (k = 0; k < 6000; k++)
		sb_addf(&sb, "2026-11-%02dT07:%02d:%02d+01:00\troutine-%d\t"
		    "Step number %d with a longer name\tstretch\t%s\tleft\t30\t"
		    "30\tdone\n", 1 + k / 3600, k / 60 % 60, k % 60, k, k,
		    k % 3 == 0 ? "calves" : "quads");
	path = xasprintf("%s/log.tsv", dir);
	spew(path, sb.s);
	begin(&st, TODAY, NULL, WANT_ALL);
	ck_assert_int_eq(stats_read(&st, &lr, path), 0);
	ck_assert_int_eq(lr.bad, 0);
	r = stats_recent(&st, area_ix("calves"), &n);
	ck_assert_uint_eq(n, STATS_RECENT);
	for (i = 0; i < n; i++) {
		k = 5997 - 3 * (int)i;
		snprintf(want, sizeof want, "Step number %d with a longer name",
		    k);
		ck_assert_str_eq(r[i].step, want);
		snprintf(want, sizeof want, "routine-%d", k);
		ck_assert_str_eq(r[i].routine, want);
		ck_assert_int_eq(r[i].line, k + 2);
	}
	r = stats_recent(&st, -1, &n);
	ck_assert_uint_eq(n, STATS_RECENT);
	ck_assert_str_eq(r[0].step, "Step number 5999 with a longer name");
	ck_assert_str_eq(r[0].stamp, "2026-11-02T07:39:59+01:00");
	stats_done(&st);
	sb_done(&sb);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_read_missing)
{
	struct stats	 st;
	struct holdlog_reader	 lr;
	char		*dir = tmp_dir(), *path;
	size_t		 i;

	path = xasprintf("%s/none/log.tsv", dir);
	begin(&st, TODAY, NULL, WANT_ALL);
	ck_assert_int_eq(stats_read(&st, &lr, path), 0);
	holdlog_read_close(&lr);
	ck_assert_int_eq(lr.bad, 0);
	ck_assert_int_eq(st.records, 0);
	area_is(&st.total, 0, 0, 0, 0, 0, 0, STATS_NEVER);
	ck_assert_int_eq(st.heat_first, ymd(2026, 5, 25));
	for (i = 0; i < area_count; i++)
		ck_assert_int_eq(st.week[i].tracked, 0);
	stats_done(&st);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_read_directory)
{
	struct stats	 st;
	struct holdlog_reader	 lr;
	char		*dir = tmp_dir();

	begin(&st, TODAY, NULL, WANT_ALL);
	errno = 0;
	ck_assert_int_eq(stats_read(&st, &lr, dir), -1);
	ck_assert_int_eq(errno, EISDIR);
	holdlog_read_close(&lr);
	stats_done(&st);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_done_unfinished)
{
	struct stats	st;
	int		i;

	/* Freed whether or not the figures were finished. */
	begin(&st, TODAY, NULL, 0);
	stats_done(&st);
	begin(&st, TODAY, NULL, WANT_ALL);
	stats_done(&st);
	begin(&st, TODAY, NULL, WANT_ALL);
	for (i = 0; i < 300; i++)
		add_named(&st, TODAY - i, i % 2 ? "a" : "b", "stretch",
		    "neck", 10, "done");
	add_on(&st, ymd(1800, 1, 1), "neck", "-", 10, "done");
	stats_done(&st);
}
END_TEST

/* The suite, one case per area of behaviour. */
static Suite *
stats_suite(void)
{
	Suite	*s = suite_create("stats");
	TCase	*tc;

	tc = tcase_create("areas");
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_area_counts);
	tcase_add_test(tc, test_area_days_order);
	tcase_add_test(tc, test_range);
	tcase_add_test(tc, test_offsets_and_dst);
	tcase_add_test(tc, test_big_seconds);
	suite_add_tcase(s, tc);

	tc = tcase_create("streaks");
	tcase_add_test(tc, test_streak_year_end);
	tcase_add_test(tc, test_streak_not_future);
	tcase_add_test(tc, test_week_unsided_area);
	tcase_add_test(tc, test_streak_month_end);
	tcase_add_test(tc, test_streak_centuries);
	tcase_add_test(tc, test_streak_random);
	tcase_add_test(tc, test_streak_leap_day);
	tcase_add_test(tc, test_streak_best_latest);
	tcase_add_test(tc, test_streak_done_only);
	tcase_add_test(tc, test_streak_whole_log);
	tcase_add_test(tc, test_streak_out_of_order);
	tcase_add_test(tc, test_streak_epoch);
	tcase_add_test(tc, test_streak_long);
	suite_add_tcase(s, tc);

	tc = tcase_create("heatmap");
	tcase_add_test(tc, test_heatmap);
	tcase_add_test(tc, test_heatmap_weekdays);
	suite_add_tcase(s, tc);

	tc = tcase_create("week");
	tcase_add_test(tc, test_week_dosed);
	tcase_add_test(tc, test_week_sides);
	tcase_add_test(tc, test_week_tracking);
	suite_add_tcase(s, tc);

	tc = tcase_create("due");
	tcase_add_test(tc, test_due_three_a_week);
	tcase_add_test(tc, test_due_week_end);
	tcase_add_test(tc, test_due_month_end);
	tcase_add_test(tc, test_due_year_end);
	tcase_add_test(tc, test_due_daily_and_weekly);
	tcase_add_test(tc, test_due_every_gap);
	tcase_add_test(tc, test_due_counted_today);
	tcase_add_test(tc, test_due_never_counted);
	tcase_add_test(tc, test_due_partial);
	tcase_add_test(tc, test_due_unsided);
	suite_add_tcase(s, tc);

	tc = tcase_create("lists");
	tcase_add_test(tc, test_recent_order);
	tcase_add_test(tc, test_recent_range);
	tcase_add_test(tc, test_recent_cap);
	tcase_add_test(tc, test_recent_long_text);
	tcase_add_test(tc, test_recent_unwanted);
	tcase_add_test(tc, test_top);
	tcase_add_test(tc, test_top_limit);
	tcase_add_test(tc, test_top_names_cap);
	tcase_add_test(tc, test_top_unwanted);
	suite_add_tcase(s, tc);

	tc = tcase_create("read");
	tcase_add_test(tc, test_read_file);
	tcase_add_test(tc, test_read_missing);
	tcase_add_test(tc, test_read_recent_text);
	tcase_add_test(tc, test_read_directory);
	tcase_add_test(tc, test_done_unfinished);
	suite_add_tcase(s, tc);
	return s;
}

/* Run every test; the exit status says whether any failed. */
int
main(void)
{
	SRunner	*sr = srunner_create(stats_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
