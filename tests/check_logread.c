/* Tests for logread.h: parsing records and streaming the hold log. */
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "limber/area.h"
#include "limber/day.h"
#include "limber/holdlog.h"
#include "limber/logread.h"
#include "limber/routine.h"
#include "limber/xmalloc.h"

#include "check_util.h"

#define HEADER		HOLDLOG_HEADER "\n"
#define STAMP		"2026-11-21T07:12:03+01:00"
#define GOOD		STAMP "\tmorning\tWall calf stretch\tstretch\t" \
			"calves\tleft\t30\t28\tdone"
#define MANY		20000

/* The whole of a file, NUL-terminated, with its length in *len. */
static char *
slurp(const char *path, size_t *len)
{
	struct stat	 st;
	char		*buf;
	size_t		 off = 0;
	ssize_t		 n;
	int		 fd;

	fd = open(path, O_RDONLY);
	ck_assert_msg(fd != -1, "cannot open %s: %s", path, strerror(errno));
	ck_assert_int_eq(fstat(fd, &st), 0);
	buf = xmalloc((size_t)st.st_size + 1);
	while (off < (size_t)st.st_size) {
		n = read(fd, buf + off, (size_t)st.st_size - off);
		ck_assert_int_gt(n, 0);
		off += (size_t)n;
	}
	buf[off] = '\0';
	close(fd);
	*len = off;
	return buf;
}

/* What logread_warn prints for lr. */
static char *
warn_text(const struct logread *lr)
{
	char	*text = NULL;
	size_t	 size = 0;
	FILE	*f;

	f = open_memstream(&text, &size);
	ck_assert_ptr_nonnull(f);
	logread_warn(lr, f);
	ck_assert_int_eq(fclose(f), 0);
	return text;
}

/* Check that logread_warn prints exactly want. */
static void
warn_is(const struct logread *lr, const char *want)
{
	char	*got = warn_text(lr);

	ck_assert_str_eq(got, want);
	free(got);
}

/*
 * Read the log at path to its end, checking each record's line number
 * against lines (nlines of them); the malformed count is left in lr.
 */
static void
read_lines(struct logread *lr, const char *path, const long *lines,
    size_t nlines)
{
	struct log_entry	e;
	size_t			n = 0;
	int			rc;

	ck_assert_int_eq(logread_open(lr, path), 1);
	while ((rc = logread_next(lr, &e)) == 1) {
		ck_assert_msg(n < nlines, "more records than %zu", nlines);
		ck_assert_int_eq(e.line, lines[n]);
		n++;
	}
	ck_assert_int_eq(rc, 0);
	ck_assert_uint_eq(n, nlines);
	ck_assert_int_eq(logread_next(lr, &e), 0);
	logread_close(lr);
}

/* Parse a copy of text expecting a malformed line. */
static void
parse_bad(const char *text)
{
	struct log_entry	 e;
	char			*copy = xstrdup(text);

	ck_assert_msg(logread_parse(copy, &e) == -1, "accepted \"%s\"", text);
	free(copy);
}

/* Parse a copy of text expecting a good record; the copy is returned. */
static char *
parse_ok(const char *text, struct log_entry *e)
{
	char	*copy = xstrdup(text);

	ck_assert_msg(logread_parse(copy, e) == 0, "rejected \"%s\"", text);
	return copy;
}

/* A record line with one field replaced (0 to 8), without its newline. */
static char *
with_field(int field, const char *value)
{
	const char	*f[HOLDLOG_FIELDS] = { STAMP, "morning",
	    "Wall calf stretch", "stretch", "calves", "left", "30", "28",
	    "done" };

	f[field] = value;
	return xasprintf("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s", f[0], f[1],
	    f[2], f[3], f[4], f[5], f[6], f[7], f[8]);
}

/* Check a field value is refused. */
static void
field_bad(int field, const char *value)
{
	char	*line = with_field(field, value);

	parse_bad(line);
	free(line);
}

/* Check a seconds value parses to want in both target and held. */
static void
seconds_ok(const char *value, int want)
{
	struct log_entry	 e;
	char			*line, *copy;

	line = with_field(6, value);
	copy = parse_ok(line, &e);
	ck_assert_int_eq(e.target, want);
	free(copy);
	free(line);
	line = with_field(7, value);
	copy = parse_ok(line, &e);
	ck_assert_int_eq(e.held, want);
	free(copy);
	free(line);
}

/* Check a timestamp parses to a date, UTC offset and instant. */
static void
time_ok(const char *text, int y, int m, int d, int offset, time_t start)
{
	struct log_entry	e;

	memset(&e, 0, sizeof e);
	ck_assert_msg(logread_time(text, &e) == 0, "rejected \"%s\"", text);
	ck_assert_int_eq(e.year, y);
	ck_assert_int_eq(e.month, m);
	ck_assert_int_eq(e.day, d);
	ck_assert_int_eq(e.date, day_from_civil(y, m, d));
	ck_assert_int_eq(e.offset, offset);
	ck_assert_msg(e.start == start, "\"%s\" starts at %lld, want %lld",
	    text, (long long)e.start, (long long)start);
}

/* Check a timestamp is refused. */
static void
time_bad(const char *text)
{
	struct log_entry	e;

	ck_assert_msg(logread_time(text, &e) == -1, "accepted \"%s\"", text);
}

START_TEST(test_time_utc)
{
	time_ok("2026-11-21T07:12:03Z", 2026, 11, 21, 0,
	    utc(2026, 11, 21, 7, 12, 3));
	time_ok("2026-11-21T07:12:03+00:00", 2026, 11, 21, 0,
	    utc(2026, 11, 21, 7, 12, 3));
	time_ok("2026-11-21T07:12:03-00:00", 2026, 11, 21, 0,
	    utc(2026, 11, 21, 7, 12, 3));
	time_ok("1970-01-01T00:00:00Z", 1970, 1, 1, 0, 0);
	time_ok("1969-12-31T23:59:59Z", 1969, 12, 31, 0, -1);
	time_ok("2024-02-29T12:00:00Z", 2024, 2, 29, 0,
	    utc(2024, 2, 29, 12, 0, 0));
	time_ok("2026-11-21T00:00:00Z", 2026, 11, 21, 0,
	    utc(2026, 11, 21, 0, 0, 0));
	time_ok("2026-11-21T23:59:59Z", 2026, 11, 21, 0,
	    utc(2026, 11, 21, 23, 59, 59));
}
END_TEST

START_TEST(test_time_offsets)
{
	time_ok("2026-11-21T07:12:03+01:00", 2026, 11, 21, 3600,
	    utc(2026, 11, 21, 6, 12, 3));
	time_ok("2026-07-01T14:00:00+02:00", 2026, 7, 1, 7200,
	    utc(2026, 7, 1, 12, 0, 0));
	time_ok("2026-11-21T01:12:03-05:00", 2026, 11, 21, -18000,
	    utc(2026, 11, 21, 6, 12, 3));
	time_ok("2026-11-21T11:42:03+05:30", 2026, 11, 21, 19800,
	    utc(2026, 11, 21, 6, 12, 3));
	time_ok("2026-11-21T06:00:00-09:30", 2026, 11, 21, -34200,
	    utc(2026, 11, 21, 15, 30, 0));
	time_ok("2026-11-21T12:00:00+23:59", 2026, 11, 21, 86340,
	    utc(2026, 11, 20, 12, 1, 0));
	time_ok("2026-11-21T12:00:00-23:59", 2026, 11, 21, -86340,
	    utc(2026, 11, 22, 11, 59, 0));
}
END_TEST

START_TEST(test_time_date_as_written)
{
	/* 11-22 in UTC, but the record says 11-21. */
	time_ok("2026-11-21T23:30:00-05:00", 2026, 11, 21, -18000,
	    utc(2026, 11, 22, 4, 30, 0));
	/* 11-21 in UTC, but the record says 11-22. */
	time_ok("2026-11-22T01:00:00+14:00", 2026, 11, 22, 50400,
	    utc(2026, 11, 21, 11, 0, 0));
	/* Either side of a DST change, the same date. */
	time_ok("2026-03-29T01:30:00+01:00", 2026, 3, 29, 3600,
	    utc(2026, 3, 29, 0, 30, 0));
	time_ok("2026-03-29T03:30:00+02:00", 2026, 3, 29, 7200,
	    utc(2026, 3, 29, 1, 30, 0));
	/* A new year in local time only. */
	time_ok("2027-01-01T00:15:00+01:00", 2027, 1, 1, 3600,
	    utc(2026, 12, 31, 23, 15, 0));
}
END_TEST

START_TEST(test_time_leap_second)
{
	time_ok("2026-12-31T23:59:60Z", 2026, 12, 31, 0,
	    utc(2027, 1, 1, 0, 0, 0));
	time_ok("2016-12-31T23:59:60+00:00", 2016, 12, 31, 0,
	    utc(2017, 1, 1, 0, 0, 0));
	time_bad("2026-12-31T23:59:61Z");
}
END_TEST

START_TEST(test_time_bad)
{
	time_bad("");
	time_bad("2026-11-21");
	time_bad("2026-11-21T07:12:03");
	time_bad("2026-11-21T07:12Z");
	time_bad("2026-11-21 07:12:03Z");
	time_bad("2026-11-21t07:12:03Z");
	time_bad("2026-11-21T07:12:03z");
	time_bad("2026-11-21T07:12:03.5Z");
	time_bad("2026-11-21T07:12:03Z ");
	time_bad(" 2026-11-21T07:12:03Z");
	time_bad("2026-11-21T07:12:03+01:00Z");
	time_bad("2026-11-21T07:12:03+01:00 ");
	time_bad("2026-11-21T7:12:03Z");
	time_bad("26-11-21T07:12:03Z");
	time_bad("2026-13-01T07:12:03Z");
	time_bad("2026-00-01T07:12:03Z");
	time_bad("2026-02-29T07:12:03Z");
	time_bad("2026-04-31T07:12:03Z");
	time_bad("2026-11-00T07:12:03Z");
	time_bad("2026-11-21T24:00:00Z");
	time_bad("2026-11-21T07:60:00Z");
	time_bad("2026-11-21T07:12:99Z");
	time_bad("2026-11-21T-7:12:03Z");
	time_bad("2026-11-21T07:12:03+01");
	time_bad("2026-11-21T07:12:03+0100");
	time_bad("2026-11-21T07:12:03+1:00");
	time_bad("2026-11-21T07:12:03+01:0");
	time_bad("2026-11-21T07:12:03 +01:00");
	time_bad("2026-11-21T07:12:03*01:00");
	time_bad("2026-11-21T07:12:03+");
	time_bad("2026-11-21T07:12:03+a1:00");
}
END_TEST

START_TEST(test_time_offset_range)
{
	time_bad("2026-11-21T07:12:03+24:00");
	time_bad("2026-11-21T07:12:03-24:00");
	time_bad("2026-11-21T07:12:03+99:00");
	time_bad("2026-11-21T07:12:03+01:60");
	time_bad("2026-11-21T07:12:03-01:99");
}
END_TEST

START_TEST(test_parse_good)
{
	struct log_entry	 e;
	char			*line;

	line = parse_ok(GOOD, &e);
	ck_assert_ptr_eq(e.stamp, line);
	ck_assert_str_eq(e.stamp, STAMP);
	ck_assert_str_eq(e.routine, "morning");
	ck_assert_str_eq(e.step, "Wall calf stretch");
	ck_assert_int_eq(e.kind, STEP_STRETCH);
	ck_assert_int_eq(e.area, area_find("calves"));
	ck_assert_int_eq(e.side, HOLDLOG_SIDE_LEFT);
	ck_assert_int_eq(e.target, 30);
	ck_assert_int_eq(e.held, 28);
	ck_assert_int_eq(e.outcome, HOLDLOG_DONE);
	ck_assert_int_eq(e.year, 2026);
	ck_assert_int_eq(e.month, 11);
	ck_assert_int_eq(e.day, 21);
	ck_assert_int_eq(e.date, 20778);
	ck_assert_int_eq(e.offset, 3600);
	ck_assert(e.start == utc(2026, 11, 21, 6, 12, 3));
	/* The strings point into the line, split at the tabs. */
	ck_assert(e.routine > line && e.step > e.routine);
	free(line);

	line = parse_ok("2026-01-01T00:00:00Z\t-\tFoam roll\troll\t"
	    "upper-back\t-\t60\t0\tskipped", &e);
	ck_assert_str_eq(e.routine, "-");
	ck_assert_str_eq(e.step, "Foam roll");
	ck_assert_int_eq(e.kind, STEP_ROLL);
	ck_assert_int_eq(e.area, area_find("upper-back"));
	ck_assert_int_eq(e.side, HOLDLOG_SIDE_NONE);
	ck_assert_int_eq(e.target, 60);
	ck_assert_int_eq(e.held, 0);
	ck_assert_int_eq(e.outcome, HOLDLOG_SKIPPED);
	free(line);
}
END_TEST

START_TEST(test_parse_names)
{
	static const char *const kinds[] = { "stretch", "roll" };
	static const char *const sides[] = { "-", "left", "right" };
	static const char *const outcomes[] = { "done", "partial",
	    "skipped" };
	struct log_entry	 e;
	char			*line, *copy;
	size_t			 i;

	for (i = 0; i < 2; i++) {
		line = with_field(3, kinds[i]);
		copy = parse_ok(line, &e);
		ck_assert_int_eq(e.kind, (int)i);
		free(copy);
		free(line);
	}
	for (i = 0; i < 3; i++) {
		line = with_field(5, sides[i]);
		copy = parse_ok(line, &e);
		ck_assert_int_eq(e.side, (int)i);
		free(copy);
		free(line);
		line = with_field(8, outcomes[i]);
		copy = parse_ok(line, &e);
		ck_assert_int_eq(e.outcome, (int)i);
		free(copy);
		free(line);
	}
	for (i = 0; i < area_count; i++) {
		line = with_field(4, area_table[i].id);
		copy = parse_ok(line, &e);
		ck_assert_int_eq(e.area, (int)i);
		free(copy);
		free(line);
	}
}
END_TEST

START_TEST(test_parse_few_fields)
{
	parse_bad("");
	parse_bad("\t\t\t\t\t\t\t");
	parse_bad(STAMP);
	parse_bad("junk without tabs");
	parse_bad(STAMP "\tmorning\tWall calf stretch\tstretch\tcalves\t"
	    "left\t30\t28");
	parse_bad(STAMP "\tmorning\tWall calf stretch\tstretch\tcalves\t"
	    "left\t30");
	parse_bad("\t" GOOD);
}
END_TEST

START_TEST(test_parse_bad_names)
{
	field_bad(0, "2026-11-21");
	field_bad(0, "2026-13-21T07:12:03Z");
	field_bad(0, "");
	field_bad(3, "Stretch");
	field_bad(3, "yoga");
	field_bad(3, "");
	field_bad(3, "stretch ");
	field_bad(4, "calf");
	field_bad(4, "CALVES");
	field_bad(4, "");
	field_bad(4, "-");
	field_bad(5, "l");
	field_bad(5, "both");
	field_bad(5, "");
	field_bad(5, "Left");
	field_bad(8, "Done");
	field_bad(8, "done ");
	field_bad(8, "failed");
	field_bad(8, "");
	field_bad(8, "done\r");
}
END_TEST

START_TEST(test_parse_seconds)
{
	int	field;

	seconds_ok("0", 0);
	seconds_ok("30", 30);
	seconds_ok("007", 7);
	seconds_ok("2147483647", INT_MAX);
	for (field = 6; field <= 7; field++) {
		field_bad(field, "-1");
		field_bad(field, "-0");
		field_bad(field, "+5");
		field_bad(field, "");
		field_bad(field, " 5");
		field_bad(field, "5 ");
		field_bad(field, "5s");
		field_bad(field, "1.5");
		field_bad(field, "abc");
		field_bad(field, "0x10");
		field_bad(field, "2147483648");
		field_bad(field, "4294967326");
		field_bad(field, "99999999999999999999");
		field_bad(field, "18446744073709551617");
	}
}
END_TEST

START_TEST(test_parse_extra_fields)
{
	struct log_entry	 e;
	char			*line;

	line = parse_ok(GOOD "\textra", &e);
	ck_assert_int_eq(e.outcome, HOLDLOG_DONE);
	ck_assert_int_eq(e.held, 28);
	free(line);
	line = parse_ok(GOOD "\tmore\tand more\t\t", &e);
	ck_assert_int_eq(e.outcome, HOLDLOG_DONE);
	free(line);
	line = parse_ok(GOOD "\t", &e);
	ck_assert_int_eq(e.outcome, HOLDLOG_DONE);
	free(line);
	/* A carriage return in an ignored field does no harm. */
	line = parse_ok(GOOD "\t\r", &e);
	ck_assert_int_eq(e.outcome, HOLDLOG_DONE);
	free(line);
}
END_TEST

START_TEST(test_parse_empty_text)
{
	struct log_entry	 e;
	char			*line;

	/* Text fields are not checked: an empty one is read as written. */
	line = parse_ok(STAMP "\t\t\tstretch\tcalves\tright\t30\t30\tpartial",
	    &e);
	ck_assert_str_eq(e.routine, "");
	ck_assert_str_eq(e.step, "");
	ck_assert_int_eq(e.side, HOLDLOG_SIDE_RIGHT);
	ck_assert_int_eq(e.outcome, HOLDLOG_PARTIAL);
	free(line);
}
END_TEST

START_TEST(test_read_basic)
{
	static const char	 log[] = HEADER
	    "# a comment\n"
	    GOOD "\n"
	    "\n"
	    "junk without tabs\n"
	    "#" GOOD "\n"
	    "2026-11-22T08:00:00Z\t-\tFoam roll\troll\tupper-back\t-\t60\t60\t"
	    "done\textra\n"
	    "   \n"
	    GOOD "\n";
	struct logread		 lr;
	struct log_entry	 e;
	char			*dir = tmp_dir(), *path, *want;

	path = xasprintf("%s/log.tsv", dir);
	spew(path, log);
	ck_assert_int_eq(logread_open(&lr, path), 1);
	ck_assert_ptr_eq(lr.path, path);

	ck_assert_int_eq(logread_next(&lr, &e), 1);
	ck_assert_int_eq(e.line, 3);
	ck_assert_str_eq(e.step, "Wall calf stretch");
	ck_assert_str_eq(e.stamp, STAMP);
	ck_assert_int_eq(e.area, area_find("calves"));

	ck_assert_int_eq(logread_next(&lr, &e), 1);
	ck_assert_int_eq(e.line, 7);
	ck_assert_str_eq(e.step, "Foam roll");
	ck_assert_int_eq(e.date, day_from_civil(2026, 11, 22));

	ck_assert_int_eq(logread_next(&lr, &e), 1);
	ck_assert_int_eq(e.line, 9);
	ck_assert_int_eq(logread_next(&lr, &e), 0);
	ck_assert_int_eq(logread_next(&lr, &e), 0);
	logread_close(&lr);
	ck_assert_int_eq(lr.fd, -1);

	/* Blank-looking lines with spaces are not blank. */
	ck_assert_int_eq(lr.bad, 2);
	ck_assert_int_eq(lr.bad_lines[0], 5);
	ck_assert_int_eq(lr.bad_lines[1], 8);
	ck_assert_int_eq(lr.line, 9);
	want = xasprintf("limber: warning: %s: skipped 2 malformed "
	    "lines (5, 8)\n", path);
	warn_is(&lr, want);
	free(want);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

/*
 * An open reader holds no lock, so a writer is never held up by it, and it
 * sees the log as it was when opened: a record appended later is not read.
 */
START_TEST(test_read_snapshot)
{
	static const char	 log[] = HEADER GOOD "\n";
	struct logread		 lr;
	struct log_entry	 e;
	char			*dir = tmp_dir(), *path;
	int			 fd;

	path = xasprintf("%s/log.tsv", dir);
	spew(path, log);
	ck_assert_int_eq(logread_open(&lr, path), 1);
	fd = open(path, O_WRONLY | O_APPEND);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(flock(fd, LOCK_EX | LOCK_NB), 0);
	ck_assert_int_eq(write(fd, GOOD "\n", sizeof GOOD), (int)sizeof GOOD);
	close(fd);
	ck_assert_int_eq(logread_next(&lr, &e), 1);
	ck_assert_int_eq(logread_next(&lr, &e), 0);
	ck_assert_int_eq(lr.bad, 0);
	logread_close(&lr);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_read_empty)
{
	static const long	 none[1];
	struct logread		 lr;
	char			*dir = tmp_dir(), *path;

	path = xasprintf("%s/log.tsv", dir);
	spew(path, "");
	read_lines(&lr, path, none, 0);
	ck_assert_int_eq(lr.bad, 0);
	warn_is(&lr, "");

	spew(path, HEADER);
	read_lines(&lr, path, none, 0);
	ck_assert_int_eq(lr.bad, 0);
	ck_assert_int_eq(lr.line, 1);

	spew(path, "\n\n# x\n\n");
	read_lines(&lr, path, none, 0);
	ck_assert_int_eq(lr.bad, 0);
	ck_assert_int_eq(lr.line, 4);
	warn_is(&lr, "");
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_read_torn)
{
	static const long	 lines[] = { 2, 3 };
	struct logread		 lr;
	char			*dir = tmp_dir(), *path, *want;

	path = xasprintf("%s/log.tsv", dir);
	spew(path, HEADER GOOD "\n" GOOD "\n" STAMP "\tmorning\tWall c");
	read_lines(&lr, path, lines, 2);
	ck_assert_int_eq(lr.bad, 1);
	ck_assert_int_eq(lr.bad_lines[0], 4);
	want = xasprintf("limber: warning: %s: skipped 1 malformed line (4)\n",
	    path);
	warn_is(&lr, want);
	free(want);

	/* A whole record with no newline is torn all the same. */
	spew(path, HEADER GOOD "\n" GOOD "\n" GOOD);
	read_lines(&lr, path, lines, 2);
	ck_assert_int_eq(lr.bad, 1);
	ck_assert_int_eq(lr.bad_lines[0], 4);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_read_bad_lines)
{
	static const long	 lines[] = { 3, 12 };
	struct logread		 lr;
	char			*dir = tmp_dir(), *path, *want;
	FILE			*f;
	int			 i;

	/* Lines 2 and 4 to 11 are bad: nine, the first five kept. */
	path = xasprintf("%s/log.tsv", dir);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "%s", HEADER);
	fprintf(f, "x\n");
	fprintf(f, "%s\n", GOOD);
	for (i = 4; i <= 11; i++)
		fprintf(f, "bad %d\n", i);
	fprintf(f, "%s\n", GOOD);
	ck_assert_int_eq(fclose(f), 0);

	read_lines(&lr, path, lines, 2);
	ck_assert_int_eq(lr.bad, 9);
	ck_assert_int_eq(lr.bad_lines[0], 2);
	ck_assert_int_eq(lr.bad_lines[1], 4);
	ck_assert_int_eq(lr.bad_lines[2], 5);
	ck_assert_int_eq(lr.bad_lines[3], 6);
	ck_assert_int_eq(lr.bad_lines[4], 7);
	want = xasprintf("limber: warning: %s: skipped 9 malformed lines "
	    "(2, 4, 5, 6, 7, ...)\n", path);
	warn_is(&lr, want);
	free(want);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_warn_counts)
{
	struct logread	lr;

	memset(&lr, 0, sizeof lr);
	lr.path = "/x/log.tsv";
	lr.fd = -1;
	warn_is(&lr, "");
	lr.bad = 1;
	lr.bad_lines[0] = 42;
	warn_is(&lr, "limber: warning: /x/log.tsv: skipped 1 malformed line "
	    "(42)\n");
	lr.bad = 3;
	lr.bad_lines[1] = 43;
	lr.bad_lines[2] = 1000000;
	warn_is(&lr, "limber: warning: /x/log.tsv: skipped 3 malformed lines "
	    "(42, 43, 1000000)\n");
	lr.bad = 5;
	lr.bad_lines[3] = 1000001;
	lr.bad_lines[4] = 1000002;
	warn_is(&lr, "limber: warning: /x/log.tsv: skipped 5 malformed lines "
	    "(42, 43, 1000000, 1000001, 1000002)\n");
	lr.bad = 6;
	warn_is(&lr, "limber: warning: /x/log.tsv: skipped 6 malformed lines "
	    "(42, 43, 1000000, 1000001, 1000002, ...)\n");
}
END_TEST

START_TEST(test_read_long_lines)
{
	static const long	 lines[] = { 2, 4, 5, 7 };
	struct logread		 lr;
	struct log_entry	 e;
	char			*dir = tmp_dir(), *path, *pad, *exact, *over;
	char			*big, *log;
	size_t			 base;
	size_t			 bigsize = 3 * 256 * 1024 + 17;

	/* A record exactly LOGREAD_LINE_MAX bytes long, and one byte more. */
	base = strlen(GOOD) - strlen("Wall calf stretch");
	pad = xmalloc(LOGREAD_LINE_MAX + 1);
	memset(pad, 'a', LOGREAD_LINE_MAX);
	pad[LOGREAD_LINE_MAX - base] = '\0';
	exact = with_field(2, pad);
	ck_assert_uint_eq(strlen(exact), LOGREAD_LINE_MAX);
	pad[LOGREAD_LINE_MAX - base] = 'a';
	pad[LOGREAD_LINE_MAX - base + 1] = '\0';
	over = with_field(2, pad);
	ck_assert_uint_eq(strlen(over), LOGREAD_LINE_MAX + 1);

	/* A line far longer than the reader's buffer. */
	big = xmalloc(bigsize + 1);
	memset(big, 'b', bigsize);
	big[bigsize] = '\0';

	path = xasprintf("%s/log.tsv", dir);
	log = xasprintf("%s%s\n%s\n%s\n%s\n%s\n%s\n", HEADER, GOOD, over,
	    exact, GOOD, big, GOOD);
	spew(path, log);
	read_lines(&lr, path, lines, 4);
	ck_assert_int_eq(lr.bad, 2);
	ck_assert_int_eq(lr.bad_lines[0], 3);
	ck_assert_int_eq(lr.bad_lines[1], 6);

	/* The record of exactly the limit is read whole. */
	ck_assert_int_eq(logread_open(&lr, path), 1);
	ck_assert_int_eq(logread_next(&lr, &e), 1);
	ck_assert_int_eq(logread_next(&lr, &e), 1);
	ck_assert_int_eq(e.line, 4);
	ck_assert_uint_eq(strlen(e.step), LOGREAD_LINE_MAX - base);
	logread_close(&lr);
	free(log);

	/* An overlong torn last line, longer than the buffer, counts once. */
	log = xasprintf("%s%s\n%s", HEADER, GOOD, big);
	spew(path, log);
	read_lines(&lr, path, lines, 1);
	ck_assert_int_eq(lr.bad, 1);
	ck_assert_int_eq(lr.bad_lines[0], 3);
	free(log);

	/* And so does one just over the limit. */
	log = xasprintf("%s%s\n%s", HEADER, GOOD, over);
	spew(path, log);
	read_lines(&lr, path, lines, 1);
	ck_assert_int_eq(lr.bad, 1);
	ck_assert_int_eq(lr.bad_lines[0], 3);

	free(log);
	free(big);
	free(over);
	free(exact);
	free(pad);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_read_many)
{
	struct logread		 lr;
	struct log_entry	 e;
	char			*dir = tmp_dir(), *path, *got, *before;
	char			 step[128], xs[61];
	size_t			 len, blen;
	long			 n = 0, line;
	FILE			*f;
	int			 i, rc;

	/*
	 * Records of varying length, with a comment every so often, so the
	 * 256 KiB buffer ends at many different places within a line.
	 */
	memset(xs, 'x', sizeof xs);
	path = xasprintf("%s/log.tsv", dir);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "%s", HEADER);
	for (i = 0; i < MANY; i++) {
		if (i % 97 == 0)
			fprintf(f, "# comment %d\n", i);
		fprintf(f, "2026-11-21T07:12:03+01:00\tr\thold %d %.*s\t"
		    "stretch\tcalves\tleft\t30\t%d\tdone\n", i, i % 61,
		    xs, i);
	}
	ck_assert_int_eq(fclose(f), 0);
	before = slurp(path, &blen);
	ck_assert_uint_gt(blen, 4 * 256 * 1024);

	ck_assert_int_eq(logread_open(&lr, path), 1);
	line = 1;
	while ((rc = logread_next(&lr, &e)) == 1) {
		line += n % 97 == 0 ? 2 : 1;
		ck_assert_int_eq(e.line, line);
		snprintf(step, sizeof step, "hold %ld %.*s", n, (int)(n % 61),
		    xs);
		ck_assert_str_eq(e.step, step);
		ck_assert_int_eq(e.held, n);
		n++;
	}
	ck_assert_int_eq(rc, 0);
	ck_assert_int_eq(n, MANY);
	ck_assert_int_eq(lr.bad, 0);
	ck_assert_int_eq(lr.line, line);
	logread_close(&lr);

	/* Reading leaves the file exactly as it was. */
	got = slurp(path, &len);
	ck_assert_uint_eq(len, blen);
	ck_assert_int_eq(memcmp(got, before, len), 0);
	free(got);
	free(before);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_read_unchanged)
{
	static const char	 log[] = HEADER "junk\n" GOOD "\n" GOOD "\r\n"
	    GOOD;
	struct logread		 lr;
	struct log_entry	 e;
	struct stat		 st1, st2;
	char			*dir = tmp_dir(), *path, *got;
	size_t			 len;

	path = xasprintf("%s/log.tsv", dir);
	spew(path, log);
	ck_assert_int_eq(stat(path, &st1), 0);
	ck_assert_int_eq(logread_open(&lr, path), 1);
	while (logread_next(&lr, &e) == 1)
		continue;
	logread_close(&lr);
	ck_assert_int_eq(stat(path, &st2), 0);
	got = slurp(path, &len);
	ck_assert_uint_eq(len, sizeof log - 1);
	ck_assert_int_eq(memcmp(got, log, len), 0);
	ck_assert_int_eq(st1.st_size, st2.st_size);
	ck_assert_int_eq(st1.st_mode, st2.st_mode);
	ck_assert(st1.st_mtim.tv_sec == st2.st_mtim.tv_sec &&
	    st1.st_mtim.tv_nsec == st2.st_mtim.tv_nsec);
	free(got);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_read_crlf)
{
	static const char	 log[] = HEADER "# written on Windows\r\n"
	    GOOD "\r\n"
	    "\r\n"
	    GOOD "\n"
	    GOOD "\textra\r\n";
	static const long	 lines[] = { 5, 6 };
	struct logread		 lr;
	char			*dir = tmp_dir(), *path;

	/*
	 * A record ending in "\r" has the outcome "done\r", which is
	 * unknown, so it is malformed; so is a line holding only "\r". A
	 * comment stays a comment, and a "\r" in an ignored field is harmless.
	 */
	path = xasprintf("%s/log.tsv", dir);
	spew(path, log);
	read_lines(&lr, path, lines, 2);
	ck_assert_int_eq(lr.bad, 2);
	ck_assert_int_eq(lr.bad_lines[0], 3);
	ck_assert_int_eq(lr.bad_lines[1], 4);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_read_nul)
{
	static const char	 log[] = HEADER "2026-11-21T07:12:03+01:00\tr\t"
	    "a\0b\tstretch\tcalves\tleft\t30\t30\tdone\n"
	    GOOD "\textra\0field\n"
	    GOOD "\n";
	static const long	 lines[] = { 4 };
	struct logread		 lr;
	char			*dir = tmp_dir(), *path;

	/*
	 * A NUL byte anywhere makes a line malformed, even in a field that
	 * would be ignored, and the lines after it are still counted.
	 */
	path = xasprintf("%s/log.tsv", dir);
	spew_len(path, log, sizeof log - 1);
	read_lines(&lr, path, lines, 1);
	ck_assert_int_eq(lr.bad, 2);
	ck_assert_int_eq(lr.bad_lines[0], 2);
	ck_assert_int_eq(lr.bad_lines[1], 3);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_read_missing)
{
	struct logread		 lr;
	struct log_entry	 e;
	char			*dir = tmp_dir(), *path;

	path = xasprintf("%s/none/log.tsv", dir);
	ck_assert_int_eq(logread_open(&lr, path), 0);
	ck_assert_int_eq(logread_next(&lr, &e), 0);
	ck_assert_int_eq(logread_next(&lr, &e), 0);
	logread_close(&lr);
	ck_assert_int_eq(lr.bad, 0);
	ck_assert_int_eq(lr.line, 0);
	warn_is(&lr, "");
	logread_close(&lr);
	free(path);
	path = xasprintf("%s/log.tsv", dir);
	ck_assert_int_eq(logread_open(&lr, path), 0);
	logread_close(&lr);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_read_directory)
{
	struct logread		 lr;
	struct log_entry	 e;
	char			*dir = tmp_dir();
	int			 rc;

	/* Either the open or the first read fails with EISDIR. */
	errno = 0;
	rc = logread_open(&lr, dir);
	if (rc == -1)
		ck_assert_int_eq(errno, EISDIR);
	else {
		ck_assert_int_eq(rc, 1);
		errno = 0;
		ck_assert_int_eq(logread_next(&lr, &e), -1);
		ck_assert_int_eq(errno, EISDIR);
	}
	logread_close(&lr);
	ck_assert_int_eq(lr.fd, -1);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_read_denied)
{
	struct logread		 lr;
	char			*dir = tmp_dir(), *path;

	if (geteuid() == 0) {
		rm_rf(dir);
		free(dir);
		return;
	}
	path = xasprintf("%s/log.tsv", dir);
	spew(path, HEADER GOOD "\n");
	ck_assert_int_eq(chmod(path, 0), 0);
	errno = 0;
	ck_assert_int_eq(logread_open(&lr, path), -1);
	ck_assert_int_eq(errno, EACCES);
	logread_close(&lr);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

/* The suite, one case per area of behaviour. */
static Suite *
logread_suite(void)
{
	Suite	*s = suite_create("logread");
	TCase	*tc;

	tc = tcase_create("time");
	tcase_add_test(tc, test_time_utc);
	tcase_add_test(tc, test_time_offsets);
	tcase_add_test(tc, test_time_date_as_written);
	tcase_add_test(tc, test_time_leap_second);
	tcase_add_test(tc, test_time_bad);
	tcase_add_test(tc, test_time_offset_range);
	suite_add_tcase(s, tc);

	tc = tcase_create("parse");
	tcase_add_test(tc, test_parse_good);
	tcase_add_test(tc, test_parse_names);
	tcase_add_test(tc, test_parse_few_fields);
	tcase_add_test(tc, test_parse_bad_names);
	tcase_add_test(tc, test_parse_seconds);
	tcase_add_test(tc, test_parse_extra_fields);
	tcase_add_test(tc, test_parse_empty_text);
	suite_add_tcase(s, tc);

	tc = tcase_create("read");
	tcase_add_test(tc, test_read_basic);
	tcase_add_test(tc, test_read_empty);
	tcase_add_test(tc, test_read_torn);
	tcase_add_test(tc, test_read_bad_lines);
	tcase_add_test(tc, test_warn_counts);
	tcase_add_test(tc, test_read_long_lines);
	tcase_add_test(tc, test_read_many);
	tcase_add_test(tc, test_read_unchanged);
	tcase_add_test(tc, test_read_crlf);
	tcase_add_test(tc, test_read_nul);
	suite_add_tcase(s, tc);

	tc = tcase_create("errors");
	tcase_add_test(tc, test_read_missing);
	tcase_add_test(tc, test_read_snapshot);
	tcase_add_test(tc, test_read_directory);
	tcase_add_test(tc, test_read_denied);
	suite_add_tcase(s, tc);
	return s;
}

/* Run every test; the exit status says whether any failed. */
int
main(void)
{
	SRunner	*sr = srunner_create(logread_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
