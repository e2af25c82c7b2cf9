/*
 * Tests for holdlog.h, both ways: formatting records and appending them to
 * the log, parsing records and streaming the log, and every record written
 * reading back as it was.
 */
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "limber/area.h"
#include "limber/day.h"
#include "limber/holdlog.h"
#include "limber/routine.h"
#include "limber/session.h"
#include "limber/stats.h"
#include "limber/stop.h"
#include "limber/text.h"
#include "limber/xmalloc.h"

#include "check_util.h"

#define HEADER		HOLDLOG_HEADER "\n"
#define CHILDREN	4
#define PER_CHILD	200
#define STAMP		"2026-11-21T07:12:03+01:00"
#define GOOD		STAMP "\tmorning\tWall calf stretch\tstretch\t" \
			"calves\tleft\t30\t28\tdone"
#define MANY		20000

/* A known record: a left calf stretch held to the end. */
static struct holdlog_record
sample(void)
{
	struct holdlog_record	r;

	memset(&r, 0, sizeof r);
	r.start = utc(2026, 11, 21, 6, 12, 3);
	r.routine = "morning";
	r.step = "Wall calf stretch";
	r.kind = STEP_STRETCH;
	r.area = area_find("calves");
	r.side = HOLDLOG_SIDE_LEFT;
	r.target = 30;
	r.held = 30;
	r.outcome = HOLDLOG_DONE;
	return r;
}

/* Check that formatting r gives exactly want. */
static void
format_is(const struct holdlog_record *r, const char *want)
{
	char	*line = holdlog_format(r);

	ck_assert_ptr_nonnull(line);
	ck_assert_str_eq(line, want);
	free(line);
}

/* Bytes c occurs in s. */
static size_t
count_char(const char *s, size_t len, char c)
{
	size_t	i, n = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == c)
			n++;
	}
	return n;
}

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

/* Append r to path and check that it worked. */
static void
append_ok(const char *path, const struct holdlog_record *r)
{
	char	err[256];
	int	rc;

	rc = holdlog_append(path, r, err, sizeof err);
	ck_assert_msg(rc == 0, "append failed: %s", err);
	ck_assert_str_eq(err, "");
}

/* Append r to path and check that it failed with a message. */
static void
append_fails(const char *path, const struct holdlog_record *r)
{
	char	err[256];

	ck_assert_int_eq(holdlog_append(path, r, err, sizeof err), -1);
	ck_assert_msg(err[0] != '\0', "no message for %s", path);
}

/* The permission bits of path. */
static mode_t
mode_of(const char *path)
{
	struct stat	st;

	ck_assert_int_eq(stat(path, &st), 0);
	return st.st_mode & 07777;
}

START_TEST(test_format_paris)
{
	struct holdlog_record	r = sample();

	set_tz("Europe/Paris");
	format_is(&r, "2026-11-21T07:12:03+01:00\tmorning\tWall calf stretch\t"
	    "stretch\tcalves\tleft\t30\t30\tdone\n");
	r.start = utc(2026, 7, 1, 12, 0, 0);
	format_is(&r, "2026-07-01T14:00:00+02:00\tmorning\tWall calf stretch\t"
	    "stretch\tcalves\tleft\t30\t30\tdone\n");
}
END_TEST

START_TEST(test_format_utc)
{
	struct holdlog_record	r = sample();

	set_tz("UTC");
	format_is(&r, "2026-11-21T06:12:03+00:00\tmorning\tWall calf stretch\t"
	    "stretch\tcalves\tleft\t30\t30\tdone\n");
}
END_TEST

START_TEST(test_format_offsets)
{
	struct holdlog_record	r = sample();

	set_tz("America/New_York");
	format_is(&r, "2026-11-21T01:12:03-05:00\tmorning\tWall calf stretch\t"
	    "stretch\tcalves\tleft\t30\t30\tdone\n");
	set_tz("Asia/Kolkata");
	format_is(&r, "2026-11-21T11:42:03+05:30\tmorning\tWall calf stretch\t"
	    "stretch\tcalves\tleft\t30\t30\tdone\n");
}
END_TEST

START_TEST(test_format_names)
{
	struct holdlog_record	r = sample();

	set_tz("UTC");
	r.routine = NULL;
	r.step = "Foam roll";
	r.kind = STEP_ROLL;
	r.area = area_find("upper-back");
	r.side = HOLDLOG_SIDE_NONE;
	r.target = 60;
	r.held = 0;
	r.outcome = HOLDLOG_SKIPPED;
	format_is(&r, "2026-11-21T06:12:03+00:00\t-\tFoam roll\troll\t"
	    "upper-back\t-\t60\t0\tskipped\n");
	r.side = HOLDLOG_SIDE_RIGHT;
	r.held = 41;
	r.outcome = HOLDLOG_PARTIAL;
	r.routine = "";
	r.step = "";
	format_is(&r, "2026-11-21T06:12:03+00:00\t-\t-\troll\t"
	    "upper-back\tright\t60\t41\tpartial\n");
}
END_TEST

START_TEST(test_format_sanitizes)
{
	struct holdlog_record	 r = sample();
	char			*line;
	size_t			 len;

	set_tz("UTC");
	r.routine = "my\troutine";
	r.step = "a\tb\nc\r\x1b[31md\x7f" "e \xc3\xa9";
	line = holdlog_format(&r);
	ck_assert_ptr_nonnull(line);
	ck_assert_str_eq(line, "2026-11-21T06:12:03+00:00\tmy routine\t"
	    "a b c  [31md e \xc3\xa9\tstretch\tcalves\tleft\t30\t30\tdone\n");
	len = strlen(line);
	ck_assert_uint_eq(count_char(line, len, '\t'), HOLDLOG_FIELDS - 1);
	ck_assert_uint_eq(count_char(line, len, '\n'), 1);
	ck_assert_int_eq(line[len - 1], '\n');
	free(line);
}
END_TEST

START_TEST(test_format_invalid)
{
	struct holdlog_record	r;

	set_tz("UTC");
	r = sample(), r.kind = 7;
	ck_assert_ptr_null(holdlog_format(&r));
	r = sample(), r.area = -1;
	ck_assert_ptr_null(holdlog_format(&r));
	r = sample(), r.area = (int)area_count;
	ck_assert_ptr_null(holdlog_format(&r));
	r = sample(), r.side = 3;
	ck_assert_ptr_null(holdlog_format(&r));
	r = sample(), r.outcome = -1;
	ck_assert_ptr_null(holdlog_format(&r));
	r = sample(), r.held = -5;
	ck_assert_ptr_null(holdlog_format(&r));
}
END_TEST

START_TEST(test_path)
{
	char	*path;

	ck_assert_int_eq(setenv("XDG_DATA_HOME", "/nowhere/data", 1), 0);
	path = holdlog_path();
	ck_assert_ptr_nonnull(path);
	ck_assert_str_eq(path, "/nowhere/data/limber/log.tsv");
	free(path);
	ck_assert_int_eq(holdlog_prepare("log.tsv"), 0);
}
END_TEST

START_TEST(test_append_creates)
{
	struct holdlog_record	 r = sample();
	char			*dir = tmp_dir(), *path, *want, *got, *line;
	size_t			 len;

	umask(022);
	path = xasprintf("%s/a/b/limber/log.tsv", dir);
	append_ok(path, &r);
	got = xasprintf("%s/a", dir);
	ck_assert_uint_eq(mode_of(got), 0700);
	free(got);
	got = xasprintf("%s/a/b", dir);
	ck_assert_uint_eq(mode_of(got), 0700);
	free(got);
	got = xasprintf("%s/a/b/limber", dir);
	ck_assert_uint_eq(mode_of(got), 0700);
	free(got);
	ck_assert_uint_eq(mode_of(path), 0600);

	line = holdlog_format(&r);
	want = xasprintf("%s%s", HEADER, line);
	got = slurp(path, &len);
	ck_assert_str_eq(got, want);
	free(got);
	free(want);
	free(line);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_append_three)
{
	struct holdlog_record	 r = sample();
	char			*dir = tmp_dir(), *path, *got, *want, *line;
	size_t			 len;

	path = xasprintf("%s/log.tsv", dir);
	line = holdlog_format(&r);
	append_ok(path, &r);
	append_ok(path, &r);
	append_ok(path, &r);
	want = xasprintf("%s%s%s%s", HEADER, line, line, line);
	got = slurp(path, &len);
	ck_assert_str_eq(got, want);
	ck_assert_uint_eq(count_char(got, len, '\n'), 4);
	free(got);
	free(want);
	free(line);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_append_torn)
{
	static const char	 torn[] = HEADER
	    "2026-11-21T07:12:03+01:00\tmorning\tWall calf stretch\tstretch\t"
	    "calves\tleft\t30\t12\tpartial";
	struct holdlog_record	 r = sample();
	char			*dir = tmp_dir(), *path, *got, *want, *line;
	size_t			 len;

	path = xasprintf("%s/log.tsv", dir);
	spew(path, torn);
	append_ok(path, &r);
	line = holdlog_format(&r);
	want = xasprintf("%s\n%s", torn, line);
	got = slurp(path, &len);
	ck_assert_str_eq(got, want);
	ck_assert_int_eq(memcmp(got, torn, sizeof torn - 1), 0);
	free(got);
	free(want);

	/* The next record follows straight on. */
	append_ok(path, &r);
	want = xasprintf("%s\n%s%s", torn, line, line);
	got = slurp(path, &len);
	ck_assert_str_eq(got, want);
	free(got);
	free(want);
	free(line);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_append_never_truncates)
{
	static const char	 old[] = HEADER "# a comment\n"
	    "junk without tabs\n"
	    "2026-01-01T00:00:00+00:00\tx\ty\troll\tfeet\t-\t30\t30\tdone\t"
	    "extra\n"
	    "\n";
	struct holdlog_record	 r = sample();
	char			*dir = tmp_dir(), *path, *got, *line;
	size_t			 len;

	path = xasprintf("%s/log.tsv", dir);
	spew(path, old);
	append_ok(path, &r);
	line = holdlog_format(&r);
	got = slurp(path, &len);
	ck_assert_uint_eq(len, sizeof old - 1 + strlen(line));
	ck_assert_int_eq(memcmp(got, old, sizeof old - 1), 0);
	ck_assert_str_eq(got + sizeof old - 1, line);
	free(got);
	free(line);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_append_errors)
{
	struct holdlog_record	 r = sample();
	char			*dir = tmp_dir(), *ro, *path, *file;

	/* A folder that cannot be written (root ignores the mode). */
	ro = xasprintf("%s/ro", dir);
	ck_assert_int_eq(mkdir(ro, 0500), 0);
	path = xasprintf("%s/log.tsv", ro);
	if (geteuid() != 0)
		append_fails(path, &r);
	free(path);
	path = xasprintf("%s/sub/log.tsv", ro);
	if (geteuid() != 0)
		append_fails(path, &r);
	free(path);

	/* A file where a folder should be. */
	file = xasprintf("%s/file", dir);
	spew(file, "");
	path = xasprintf("%s/limber/log.tsv", file);
	append_fails(path, &r);
	free(path);
	free(file);

	/* The log's path is a folder. */
	path = xasprintf("%s/log.tsv", dir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	append_fails(path, &r);
	free(path);

	/* An invalid record. */
	path = xasprintf("%s/other.tsv", dir);
	r.outcome = 9;
	append_fails(path, &r);
	ck_assert_int_eq(access(path, F_OK), -1);
	free(path);

	free(ro);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_append_full)
{
	struct holdlog_record	r = sample();
	char			err[256];

	/* A device is no log: refused unopened, as "not a regular file". */
	if (access("/dev/full", W_OK) != 0)
		return;
	ck_assert_int_eq(holdlog_append("/dev/full", &r, err, sizeof err), -1);
	ck_assert_msg(strstr(err, "not a regular file") != NULL, "message: %s",
	    err);
	ck_assert_msg(strstr(err, "/dev/full") != NULL, "message: %s", err);

	/* A tiny or missing buffer still fails cleanly. */
	ck_assert_int_eq(holdlog_append("/dev/full", &r, err, 4), -1);
	ck_assert_uint_eq(strlen(err), 3);
	ck_assert_int_eq(holdlog_append("/dev/full", &r, NULL, 0), -1);
}
END_TEST

/* A path too long for the message keeps the reason at its end. */
START_TEST(test_append_long_path)
{
	struct holdlog_record	 r = sample();
	struct strbuf		 sb;
	char			*dir = tmp_dir(), err[256];
	size_t			 len;
	int			 i;

	sb_init(&sb);
	sb_addf(&sb, "%s/file", dir);
	spew(sb.s, "not a folder\n");
	for (i = 0; i < 40; i++)
		sb_adds(&sb, "/\xc3\xa9tirement-des-mollets");	/* 2-byte é */
	sb_adds(&sb, "/log.tsv");
	ck_assert_int_eq(holdlog_append(sb.s, &r, err, sizeof err), -1);
	len = strlen(err);
	ck_assert_uint_lt(len, sizeof err);
	ck_assert_uint_gt(len, sizeof err - 8);
	ck_assert_msg(strncmp(err, "cannot create folder /", 22) == 0 &&
	    strstr(err, "...") != NULL, "message: %s", err);
	ck_assert_str_eq(err + len - 17, ": Not a directory");
	ck_assert_msg(utf8_valid(err, len), "cut inside a character: %s", err);
	sb_done(&sb);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_append_symlink)
{
	struct holdlog_record	 r = sample();
	char			*dir = tmp_dir(), *path, *target, *got;
	size_t			 len;

	/* A link of the user's own (dotfiles) is followed. */
	path = xasprintf("%s/log.tsv", dir);
	target = xasprintf("%s/elsewhere", dir);
	spew(target, HEADER);
	ck_assert_int_eq(symlink(target, path), 0);
	append_ok(path, &r);
	got = slurp(target, &len);
	ck_assert_uint_eq(count_char(got, len, '\n'), 2);
	free(got);
	free(target);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

/* Make path a link to target owned by nobody; 0 if that needs root. */
static int
foreign_link(const char *target, const char *path)
{
	ck_assert_int_eq(symlink(target, path), 0);
	if (geteuid() != 0)
		return 0;
	ck_assert_int_eq(lchown(path, 65534, 65534), 0);
	return 1;
}

START_TEST(test_append_foreign_symlink)
{
	struct holdlog_record	 r = sample();
	char			*dir = tmp_dir(), *path, *target, *got;
	char			 err[256];
	size_t			 len;

	path = xasprintf("%s/log.tsv", dir);
	target = xasprintf("%s/elsewhere", dir);
	spew(target, "keep\n");
	if (foreign_link(target, path)) {
		ck_assert_int_eq(holdlog_append(path, &r, err, sizeof err),
		    -1);
		ck_assert_msg(strstr(err, "owned by another user") != NULL,
		    "message: %s", err);
		got = slurp(target, &len);
		ck_assert_str_eq(got, "keep\n");
		free(got);

		/* A dangling one is refused too, and nothing is created. */
		ck_assert_int_eq(unlink(target), 0);
		append_fails(path, &r);
		ck_assert_int_eq(access(target, F_OK), -1);
	}
	free(target);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

/*
 * Under a file-size limit a little over the log's size, the record is cut
 * short: the write is undone and the log stays byte for byte as it was.
 */
START_TEST(test_append_short_write)
{
	struct holdlog_record	 r = sample();
	struct rlimit		 rl;
	char			*dir = tmp_dir(), *path, *before, *after, err[256];
	size_t			 blen, alen;
	pid_t			 pid;
	int			 status;

	path = xasprintf("%s/log.tsv", dir);
	append_ok(path, &r);
	before = slurp(path, &blen);
	ck_assert_int_ne(pid = fork(), -1);
	if (pid == 0) {
		signal(SIGXFSZ, SIG_IGN);
		rl.rlim_cur = rl.rlim_max = (rlim_t)blen + 10;
		if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
			_exit(2);
		if (holdlog_append(path, &r, err, sizeof err) != -1)
			_exit(3);
		_exit(strstr(err, "disk full") != NULL ? 0 : 4);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "child status %d", status);
	after = slurp(path, &alen);
	ck_assert_uint_eq(alen, blen);
	ck_assert_str_eq(after, before);

	/* With room again the next record follows whole. */
	append_ok(path, &r);
	free(after);
	after = slurp(path, &alen);
	ck_assert_uint_eq(count_char(after, alen, '\n'), 3);
	free(after);
	free(before);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

/* Append PER_CHILD records in a child; its exit status says whether all did. */
static void
child_appends(const char *path, int child)
{
	struct holdlog_record	r = sample();
	char			err[256], step[32];
	int			i;

	for (i = 0; i < PER_CHILD; i++) {
		snprintf(step, sizeof step, "child %d hold %d", child, i);
		r.step = step;
		r.held = i;
		if (holdlog_append(path, &r, err, sizeof err) != 0)
			_exit(1);
	}
	_exit(0);
}

START_TEST(test_append_concurrent)
{
	char	*dir = tmp_dir(), *path, *got, *line, *nl;
	pid_t	 pids[CHILDREN];
	size_t	 len, lines = 0, headers = 0;
	int	 i, status;

	path = xasprintf("%s/log.tsv", dir);
	for (i = 0; i < CHILDREN; i++) {
		ck_assert_int_ne(pids[i] = fork(), -1);
		if (pids[i] == 0)
			child_appends(path, i);
	}
	for (i = 0; i < CHILDREN; i++) {
		ck_assert_int_eq(waitpid(pids[i], &status, 0), pids[i]);
		ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}

	got = slurp(path, &len);
	ck_assert(len > 0 && got[len - 1] == '\n');
	for (line = got; (nl = strchr(line, '\n')) != NULL; line = nl + 1) {
		*nl = '\0';
		if (line[0] == '#') {
			ck_assert_str_eq(line, HOLDLOG_HEADER);
			headers++;
			continue;
		}
		ck_assert_uint_eq(count_char(line, strlen(line), '\t'),
		    HOLDLOG_FIELDS - 1);
		lines++;
	}
	ck_assert_uint_eq(headers, 1);
	ck_assert_uint_eq(lines, CHILDREN * PER_CHILD);
	ck_assert_int_eq(strncmp(got, HOLDLOG_HEADER, strlen(HOLDLOG_HEADER)),
	    0);
	free(got);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

/* Reading. */

/* What holdlog_read_warn prints for rd. */
static char *
warn_text(const struct holdlog_reader *rd)
{
	char	*text = NULL;
	size_t	 size = 0;
	FILE	*f;

	f = open_memstream(&text, &size);
	ck_assert_ptr_nonnull(f);
	holdlog_read_warn(rd, f);
	ck_assert_int_eq(fclose(f), 0);
	return text;
}

/* Check that holdlog_read_warn prints exactly want. */
static void
warn_is(const struct holdlog_reader *rd, const char *want)
{
	char	*got = warn_text(rd);

	ck_assert_str_eq(got, want);
	free(got);
}

/*
 * Read the log at path to its end, checking each record's line number
 * against lines (nlines of them); the malformed count is left in rd.
 */
static void
read_lines(struct holdlog_reader *rd, const char *path, const long *lines,
    size_t nlines)
{
	struct holdlog_entry	e;
	size_t			n = 0;
	int			rc;

	ck_assert_int_eq(holdlog_read_open(rd, path), 1);
	while ((rc = holdlog_read_next(rd, &e)) == 1) {
		ck_assert_msg(n < nlines, "more records than %zu", nlines);
		ck_assert_int_eq(e.line, lines[n]);
		n++;
	}
	ck_assert_int_eq(rc, 0);
	ck_assert_uint_eq(n, nlines);
	ck_assert_int_eq(holdlog_read_next(rd, &e), 0);
	holdlog_read_close(rd);
}

/* Parse a copy of text expecting a malformed line. */
static void
parse_bad(const char *text)
{
	struct holdlog_entry	 e;
	char			*copy = xstrdup(text);

	ck_assert_msg(holdlog_read_parse(copy, &e) == -1, "accepted \"%s\"", text);
	free(copy);
}

/* Parse a copy of text expecting a good record; the copy is returned. */
static char *
parse_ok(const char *text, struct holdlog_entry *e)
{
	char	*copy = xstrdup(text);

	ck_assert_msg(holdlog_read_parse(copy, e) == 0, "rejected \"%s\"", text);
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
	struct holdlog_entry	 e;
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
	struct holdlog_entry	e;

	memset(&e, 0, sizeof e);
	ck_assert_msg(holdlog_read_time(text, &e) == 0, "rejected \"%s\"", text);
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
	struct holdlog_entry	e;

	ck_assert_msg(holdlog_read_time(text, &e) == -1, "accepted \"%s\"", text);
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
	struct holdlog_entry	 e;
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
	struct holdlog_entry	 e;
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
	/* One "\r" ends a CRLF line; another is part of the outcome. */
	field_bad(8, "done\r\r");
	field_bad(7, "28\r");
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
	struct holdlog_entry	 e;
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
	struct holdlog_entry	 e;
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
	struct holdlog_reader		 rd;
	struct holdlog_entry	 e;
	char			*dir = tmp_dir(), *path, *want;

	path = xasprintf("%s/log.tsv", dir);
	spew(path, log);
	ck_assert_int_eq(holdlog_read_open(&rd, path), 1);
	ck_assert_ptr_eq(rd.path, path);

	ck_assert_int_eq(holdlog_read_next(&rd, &e), 1);
	ck_assert_int_eq(e.line, 3);
	ck_assert_str_eq(e.step, "Wall calf stretch");
	ck_assert_str_eq(e.stamp, STAMP);
	ck_assert_int_eq(e.area, area_find("calves"));

	ck_assert_int_eq(holdlog_read_next(&rd, &e), 1);
	ck_assert_int_eq(e.line, 7);
	ck_assert_str_eq(e.step, "Foam roll");
	ck_assert_int_eq(e.date, day_from_civil(2026, 11, 22));

	ck_assert_int_eq(holdlog_read_next(&rd, &e), 1);
	ck_assert_int_eq(e.line, 9);
	ck_assert_int_eq(holdlog_read_next(&rd, &e), 0);
	ck_assert_int_eq(holdlog_read_next(&rd, &e), 0);
	holdlog_read_close(&rd);
	ck_assert_int_eq(rd.fd, -1);

	/* Blank-looking lines with spaces are not blank. */
	ck_assert_int_eq(rd.bad, 2);
	ck_assert_int_eq(rd.bad_lines[0], 5);
	ck_assert_int_eq(rd.bad_lines[1], 8);
	ck_assert_int_eq(rd.line, 9);
	want = xasprintf("limber: warning: %s: skipped 2 malformed "
	    "lines (5, 8)\n", path);
	warn_is(&rd, want);
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
	struct holdlog_reader		 rd;
	struct holdlog_entry	 e;
	char			*dir = tmp_dir(), *path;
	int			 fd;

	path = xasprintf("%s/log.tsv", dir);
	spew(path, log);
	ck_assert_int_eq(holdlog_read_open(&rd, path), 1);
	fd = open(path, O_WRONLY | O_APPEND);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(flock(fd, LOCK_EX | LOCK_NB), 0);
	ck_assert_int_eq(write(fd, GOOD "\n", sizeof GOOD), (int)sizeof GOOD);
	close(fd);
	ck_assert_int_eq(holdlog_read_next(&rd, &e), 1);
	ck_assert_int_eq(holdlog_read_next(&rd, &e), 0);
	ck_assert_int_eq(rd.bad, 0);
	holdlog_read_close(&rd);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_read_empty)
{
	static const long	 none[1];
	struct holdlog_reader		 rd;
	char			*dir = tmp_dir(), *path;

	path = xasprintf("%s/log.tsv", dir);
	spew(path, "");
	read_lines(&rd, path, none, 0);
	ck_assert_int_eq(rd.bad, 0);
	warn_is(&rd, "");

	spew(path, HEADER);
	read_lines(&rd, path, none, 0);
	ck_assert_int_eq(rd.bad, 0);
	ck_assert_int_eq(rd.line, 1);

	spew(path, "\n\n# x\n\n");
	read_lines(&rd, path, none, 0);
	ck_assert_int_eq(rd.bad, 0);
	ck_assert_int_eq(rd.line, 4);
	warn_is(&rd, "");
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_read_torn)
{
	static const long	 lines[] = { 2, 3 };
	struct holdlog_reader		 rd;
	char			*dir = tmp_dir(), *path, *want;

	path = xasprintf("%s/log.tsv", dir);
	spew(path, HEADER GOOD "\n" GOOD "\n" STAMP "\tmorning\tWall c");
	read_lines(&rd, path, lines, 2);
	ck_assert_int_eq(rd.bad, 1);
	ck_assert_int_eq(rd.bad_lines[0], 4);
	want = xasprintf("limber: warning: %s: skipped 1 malformed line (4)\n",
	    path);
	warn_is(&rd, want);
	free(want);

	/* A whole record with no newline is torn all the same. */
	spew(path, HEADER GOOD "\n" GOOD "\n" GOOD);
	read_lines(&rd, path, lines, 2);
	ck_assert_int_eq(rd.bad, 1);
	ck_assert_int_eq(rd.bad_lines[0], 4);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_read_bad_lines)
{
	static const long	 lines[] = { 3, 12 };
	struct holdlog_reader		 rd;
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

	read_lines(&rd, path, lines, 2);
	ck_assert_int_eq(rd.bad, 9);
	ck_assert_int_eq(rd.bad_lines[0], 2);
	ck_assert_int_eq(rd.bad_lines[1], 4);
	ck_assert_int_eq(rd.bad_lines[2], 5);
	ck_assert_int_eq(rd.bad_lines[3], 6);
	ck_assert_int_eq(rd.bad_lines[4], 7);
	want = xasprintf("limber: warning: %s: skipped 9 malformed lines "
	    "(2, 4, 5, 6, 7, ...)\n", path);
	warn_is(&rd, want);
	free(want);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_warn_counts)
{
	struct holdlog_reader	rd;

	memset(&rd, 0, sizeof rd);
	rd.path = "/x/log.tsv";
	rd.fd = -1;
	warn_is(&rd, "");
	rd.bad = 1;
	rd.bad_lines[0] = 42;
	warn_is(&rd, "limber: warning: /x/log.tsv: skipped 1 malformed line "
	    "(42)\n");
	rd.bad = 3;
	rd.bad_lines[1] = 43;
	rd.bad_lines[2] = 1000000;
	warn_is(&rd, "limber: warning: /x/log.tsv: skipped 3 malformed lines "
	    "(42, 43, 1000000)\n");
	rd.bad = 5;
	rd.bad_lines[3] = 1000001;
	rd.bad_lines[4] = 1000002;
	warn_is(&rd, "limber: warning: /x/log.tsv: skipped 5 malformed lines "
	    "(42, 43, 1000000, 1000001, 1000002)\n");
	rd.bad = 6;
	warn_is(&rd, "limber: warning: /x/log.tsv: skipped 6 malformed lines "
	    "(42, 43, 1000000, 1000001, 1000002, ...)\n");
}
END_TEST

START_TEST(test_read_long_lines)
{
	static const long	 lines[] = { 2, 4, 5, 7 };
	struct holdlog_reader		 rd;
	struct holdlog_entry	 e;
	char			*dir = tmp_dir(), *path, *pad, *exact, *over;
	char			*big, *log;
	size_t			 base;
	size_t			 bigsize = 3 * 256 * 1024 + 17;

	/* A record exactly HOLDLOG_LINE_MAX bytes long, and one byte more. */
	base = strlen(GOOD) - strlen("Wall calf stretch");
	pad = xmalloc(HOLDLOG_LINE_MAX + 1);
	memset(pad, 'a', HOLDLOG_LINE_MAX);
	pad[HOLDLOG_LINE_MAX - base] = '\0';
	exact = with_field(2, pad);
	ck_assert_uint_eq(strlen(exact), HOLDLOG_LINE_MAX);
	pad[HOLDLOG_LINE_MAX - base] = 'a';
	pad[HOLDLOG_LINE_MAX - base + 1] = '\0';
	over = with_field(2, pad);
	ck_assert_uint_eq(strlen(over), HOLDLOG_LINE_MAX + 1);

	/* A line far longer than the reader's buffer. */
	big = xmalloc(bigsize + 1);
	memset(big, 'b', bigsize);
	big[bigsize] = '\0';

	path = xasprintf("%s/log.tsv", dir);
	log = xasprintf("%s%s\n%s\n%s\n%s\n%s\n%s\n", HEADER, GOOD, over,
	    exact, GOOD, big, GOOD);
	spew(path, log);
	read_lines(&rd, path, lines, 4);
	ck_assert_int_eq(rd.bad, 2);
	ck_assert_int_eq(rd.bad_lines[0], 3);
	ck_assert_int_eq(rd.bad_lines[1], 6);

	/* The record of exactly the limit is read whole. */
	ck_assert_int_eq(holdlog_read_open(&rd, path), 1);
	ck_assert_int_eq(holdlog_read_next(&rd, &e), 1);
	ck_assert_int_eq(holdlog_read_next(&rd, &e), 1);
	ck_assert_int_eq(e.line, 4);
	ck_assert_uint_eq(strlen(e.step), HOLDLOG_LINE_MAX - base);
	holdlog_read_close(&rd);
	free(log);

	/* An overlong torn last line, longer than the buffer, counts once. */
	log = xasprintf("%s%s\n%s", HEADER, GOOD, big);
	spew(path, log);
	read_lines(&rd, path, lines, 1);
	ck_assert_int_eq(rd.bad, 1);
	ck_assert_int_eq(rd.bad_lines[0], 3);
	free(log);

	/* And so does one just over the limit. */
	log = xasprintf("%s%s\n%s", HEADER, GOOD, over);
	spew(path, log);
	read_lines(&rd, path, lines, 1);
	ck_assert_int_eq(rd.bad, 1);
	ck_assert_int_eq(rd.bad_lines[0], 3);

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
	struct holdlog_reader		 rd;
	struct holdlog_entry	 e;
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

	ck_assert_int_eq(holdlog_read_open(&rd, path), 1);
	line = 1;
	while ((rc = holdlog_read_next(&rd, &e)) == 1) {
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
	ck_assert_int_eq(rd.bad, 0);
	ck_assert_int_eq(rd.line, line);
	holdlog_read_close(&rd);

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
	struct holdlog_reader		 rd;
	struct holdlog_entry	 e;
	struct stat		 st1, st2;
	char			*dir = tmp_dir(), *path, *got;
	size_t			 len;

	path = xasprintf("%s/log.tsv", dir);
	spew(path, log);
	ck_assert_int_eq(stat(path, &st1), 0);
	ck_assert_int_eq(holdlog_read_open(&rd, path), 1);
	while (holdlog_read_next(&rd, &e) == 1)
		continue;
	holdlog_read_close(&rd);
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
	    GOOD "\textra\r\n"
	    GOOD "\r\r\n";
	static const long	 lines[] = { 3, 5, 6 };
	struct holdlog_reader		 rd;
	char			*dir = tmp_dir(), *path;

	/*
	 * A line ending in CRLF is read as its text: a record is a record, a
	 * line of only "\r" is empty and a comment a comment. A second "\r"
	 * is text, so the outcome "done\r" is malformed.
	 */
	path = xasprintf("%s/log.tsv", dir);
	spew(path, log);
	read_lines(&rd, path, lines, 3);
	ck_assert_int_eq(rd.bad, 1);
	ck_assert_int_eq(rd.bad_lines[0], 7);
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
	struct holdlog_reader		 rd;
	char			*dir = tmp_dir(), *path;

	/*
	 * A NUL byte anywhere makes a line malformed, even in a field that
	 * would be ignored, and the lines after it are still counted.
	 */
	path = xasprintf("%s/log.tsv", dir);
	spew_len(path, log, sizeof log - 1);
	read_lines(&rd, path, lines, 1);
	ck_assert_int_eq(rd.bad, 2);
	ck_assert_int_eq(rd.bad_lines[0], 2);
	ck_assert_int_eq(rd.bad_lines[1], 3);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_read_missing)
{
	struct holdlog_reader		 rd;
	struct holdlog_entry	 e;
	char			*dir = tmp_dir(), *path;

	path = xasprintf("%s/none/log.tsv", dir);
	ck_assert_int_eq(holdlog_read_open(&rd, path), 0);
	ck_assert_int_eq(holdlog_read_next(&rd, &e), 0);
	ck_assert_int_eq(holdlog_read_next(&rd, &e), 0);
	holdlog_read_close(&rd);
	ck_assert_int_eq(rd.bad, 0);
	ck_assert_int_eq(rd.line, 0);
	warn_is(&rd, "");
	holdlog_read_close(&rd);
	free(path);
	path = xasprintf("%s/log.tsv", dir);
	ck_assert_int_eq(holdlog_read_open(&rd, path), 0);
	holdlog_read_close(&rd);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_read_directory)
{
	struct holdlog_reader		 rd;
	struct holdlog_entry	 e;
	char			*dir = tmp_dir();
	int			 rc;

	/* Either the open or the first read fails with EISDIR. */
	errno = 0;
	rc = holdlog_read_open(&rd, dir);
	if (rc == -1)
		ck_assert_int_eq(errno, EISDIR);
	else {
		ck_assert_int_eq(rc, 1);
		errno = 0;
		ck_assert_int_eq(holdlog_read_next(&rd, &e), -1);
		ck_assert_int_eq(errno, EISDIR);
	}
	holdlog_read_close(&rd);
	ck_assert_int_eq(rd.fd, -1);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_read_denied)
{
	struct holdlog_reader		 rd;
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
	ck_assert_int_eq(holdlog_read_open(&rd, path), -1);
	ck_assert_int_eq(errno, EACCES);
	holdlog_read_close(&rd);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

/* Both ways: what is written reads back the same. */

/* Time zones with odd offsets, half and quarter hours, and DST. */
static const char *const zones[] = { "UTC", "Europe/Paris",
    "America/New_York", "America/St_Johns", "Asia/Kolkata",
    "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Kiritimati",
    "Pacific/Pago_Pago" };
#define NZONES	(sizeof zones / sizeof zones[0])

/* A small fixed-seed generator (xorshift64*), so failures repeat. */
static uint64_t	rng_state;

/* The next random number. */
static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dULL;
}

/* A random number from 0 to n - 1. */
static long long
rng_below(long long n)
{
	return (long long)(rng() % (uint64_t)n);
}

/* Random text of up to 40 bytes, any byte but NUL, into buf. */
static const char *
rng_text(char *buf, size_t size)
{
	size_t	i, n = (size_t)rng_below(41);

	ck_assert_uint_lt(n, size);
	for (i = 0; i < n; i++)
		buf[i] = (char)(1 + rng_below(255));
	buf[n] = '\0';
	return rng_below(8) == 0 ? NULL : buf;
}

/* What a text field reads back as: control bytes as spaces, empty as "-". */
static char *
written_text(const char *s)
{
	char	*t;
	size_t	 i;

	if (s == NULL || *s == '\0')
		return xstrdup("-");
	t = xstrdup(s);
	for (i = 0; t[i] != '\0'; i++) {
		if ((unsigned char)t[i] < 0x20 || t[i] == 0x7f)
			t[i] = ' ';
	}
	return t;
}

/*
 * Format r, parse the line back and check that every field is as written:
 * the words, the numbers, the text, and the instant with its local date and
 * UTC offset.
 */
static void
round_trip(const struct holdlog_record *r)
{
	struct holdlog_entry	 e;
	struct tm		 tm;
	char			*line, *routine, *step;
	size_t			 len;

	line = holdlog_format(r);
	ck_assert_ptr_nonnull(line);
	len = strlen(line);
	ck_assert(len > 0 && line[len - 1] == '\n');
	line[len - 1] = '\0';
	ck_assert_msg(holdlog_read_parse(line, &e) == 0, "unread: %s", line);
	ck_assert_msg(e.start == r->start, "start %lld read as %lld",
	    (long long)r->start, (long long)e.start);
	ck_assert_int_eq(e.kind, r->kind);
	ck_assert_int_eq(e.area, r->area);
	ck_assert_int_eq(e.side, r->side);
	ck_assert_int_eq(e.target, r->target);
	ck_assert_int_eq(e.held, r->held);
	ck_assert_int_eq(e.outcome, r->outcome);
	routine = written_text(r->routine);
	step = written_text(r->step);
	ck_assert_str_eq(e.routine, routine);
	ck_assert_str_eq(e.step, step);
	ck_assert_ptr_nonnull(localtime_r(&r->start, &tm));
	ck_assert_int_eq(e.offset, tm.tm_gmtoff);
	ck_assert_int_eq(e.year, tm.tm_year + 1900);
	ck_assert_int_eq(e.month, tm.tm_mon + 1);
	ck_assert_int_eq(e.day, tm.tm_mday);
	free(step);
	free(routine);
	free(line);
}

START_TEST(test_words)
{
	const char *const	*w;
	size_t			 n;

	ck_assert_str_eq(holdlog_kind_word(STEP_STRETCH), "stretch");
	ck_assert_str_eq(holdlog_kind_word(STEP_ROLL), "roll");
	ck_assert_str_eq(holdlog_side_word(HOLDLOG_SIDE_NONE), "-");
	ck_assert_str_eq(holdlog_side_word(HOLDLOG_SIDE_LEFT), "left");
	ck_assert_str_eq(holdlog_side_word(SIDE_RIGHT), "right");
	ck_assert_str_eq(holdlog_outcome_word(HOLDLOG_DONE), "done");
	ck_assert_str_eq(holdlog_outcome_word(HOLDLOG_PARTIAL), "partial");
	ck_assert_str_eq(holdlog_outcome_word(HOLD_SKIPPED), "skipped");
	ck_assert_str_eq(holdlog_kind_word(2), "?");
	ck_assert_str_eq(holdlog_kind_word(-1), "?");
	ck_assert_str_eq(holdlog_side_word(3), "?");
	ck_assert_str_eq(holdlog_outcome_word(INT_MIN), "?");
	w = holdlog_words(HOLDLOG_KIND, &n);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(w[STEP_ROLL], "roll");
	w = holdlog_words(HOLDLOG_SIDE, &n);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(w[HOLDLOG_SIDE_LEFT], "left");
	w = holdlog_words(HOLDLOG_OUTCOME, NULL);
	ck_assert_str_eq(w[HOLDLOG_PARTIAL], "partial");
}
END_TEST

/* Every word written reads back as the value it was written for. */
START_TEST(test_round_trip_words)
{
	struct holdlog_record	r = sample();
	size_t			nkinds, nsides, noutcomes, area;
	int			kind, side, outcome;

	set_tz("Europe/Paris");
	holdlog_words(HOLDLOG_KIND, &nkinds);
	holdlog_words(HOLDLOG_SIDE, &nsides);
	holdlog_words(HOLDLOG_OUTCOME, &noutcomes);
	for (kind = 0; kind < (int)nkinds; kind++)
	for (area = 0; area < area_count; area++)
	for (side = 0; side < (int)nsides; side++)
	for (outcome = 0; outcome < (int)noutcomes; outcome++) {
		r.kind = kind;
		r.area = (int)area;
		r.side = side;
		r.outcome = outcome;
		round_trip(&r);
	}
}
END_TEST

/* Random records in many time zones read back the same. */
START_TEST(test_round_trip_random)
{
	struct holdlog_record	r;
	char			routine[64], step[64];
	int			i, z;

	rng_state = 0x9e3779b97f4a7c15ULL;
	for (z = 0; z < (int)NZONES; z++) {
		set_tz(zones[z]);
		for (i = 0; i < 3000; i++) {
			memset(&r, 0, sizeof r);
			/* 1970 to 2100: every zone here has whole minutes. */
			r.start = (time_t)rng_below(INT64_C(4102444800));
			r.routine = rng_text(routine, sizeof routine);
			r.step = rng_text(step, sizeof step);
			r.kind = (int)rng_below(2);
			r.area = (int)rng_below((long long)area_count);
			r.side = (int)rng_below(3);
			r.outcome = (int)rng_below(3);
			r.target = (int)rng_below(INT64_C(2147483648));
			r.held = (int)rng_below(i % 2 ? 3601 : INT64_C(2147483648));
			round_trip(&r);
		}
	}
}
END_TEST

/*
 * Over the whole range of years, a record is written exactly when it can
 * be read back the same: a year of four digits and an offset in whole
 * minutes (not an old local mean time such as Paris's +00:09:21).
 */
START_TEST(test_round_trip_years)
{
	struct holdlog_record	 r = sample();
	struct tm		 tm;
	char			*line;
	int			 i, z, ok;

	rng_state = 42;
	for (z = 0; z < (int)NZONES; z++) {
		set_tz(zones[z]);
		for (i = 0; i < 2000; i++) {
			/* From before year 0 to after 9999. */
			r.start = (time_t)(rng_below(INT64_C(330000000000)) -
			    INT64_C(70000000000));
			ck_assert_ptr_nonnull(localtime_r(&r.start, &tm));
			ok = tm.tm_year >= -1900 && tm.tm_year <= 9999 - 1900 &&
			    tm.tm_gmtoff % 60 == 0;
			line = holdlog_format(&r);
			ck_assert_msg((line != NULL) == ok, "%s: %lld %s",
			    zones[z], (long long)r.start, ok ? "refused" :
			    "written");
			free(line);
			if (ok)
				round_trip(&r);
		}
	}
}
END_TEST

START_TEST(test_format_years)
{
	struct holdlog_record	r = sample();

	set_tz("UTC");
	r.start = utc(999, 3, 4, 5, 6, 7);
	format_is(&r, "0999-03-04T05:06:07+00:00\tmorning\tWall calf stretch\t"
	    "stretch\tcalves\tleft\t30\t30\tdone\n");
	round_trip(&r);
	r.start = utc(9999, 12, 31, 23, 59, 59);
	round_trip(&r);
	r.start++;
	ck_assert_ptr_null(holdlog_format(&r));
	r.start = utc(0, 1, 1, 0, 0, 0);
	round_trip(&r);
	r.start--;
	ck_assert_ptr_null(holdlog_format(&r));
}
END_TEST

/* A line the reader would skip as too long is not written. */
START_TEST(test_format_too_long)
{
	struct holdlog_record	 r = sample();
	char			*step, *line;
	size_t			 base;

	set_tz("UTC");
	line = holdlog_format(&r);
	base = strlen(line) - 1 - strlen(r.step);
	free(line);
	step = xmalloc(HOLDLOG_LINE_MAX + 1);
	memset(step, 's', HOLDLOG_LINE_MAX);
	step[HOLDLOG_LINE_MAX - base] = '\0';
	r.step = step;
	line = holdlog_format(&r);
	ck_assert_ptr_nonnull(line);
	ck_assert_uint_eq(strlen(line), HOLDLOG_LINE_MAX + 1);
	free(line);
	round_trip(&r);
	step[HOLDLOG_LINE_MAX - base] = 's';
	step[HOLDLOG_LINE_MAX - base + 1] = '\0';
	ck_assert_ptr_null(holdlog_format(&r));
	free(step);
}
END_TEST

/* Records appended by many writers stream back in order, each the same. */
START_TEST(test_round_trip_file)
{
	struct holdlog_reader	 rd;
	struct holdlog_entry	 e;
	struct holdlog_record	 r = sample();
	char			*dir = tmp_dir(), *path, step[32];
	int			 i;

	set_tz("Asia/Kathmandu");
	path = xasprintf("%s/log.tsv", dir);
	for (i = 0; i < 50; i++) {
		snprintf(step, sizeof step, "hold %d", i);
		r.step = step;
		r.start += 61;
		r.side = i % 3;
		r.outcome = (i / 3) % 3;
		r.held = i;
		append_ok(path, &r);
	}
	r = sample();
	ck_assert_int_eq(holdlog_read_open(&rd, path), 1);
	for (i = 0; i < 50; i++) {
		ck_assert_int_eq(holdlog_read_next(&rd, &e), 1);
		snprintf(step, sizeof step, "hold %d", i);
		ck_assert_str_eq(e.step, step);
		ck_assert(e.start == r.start + 61 * (i + 1));
		ck_assert_int_eq(e.side, i % 3);
		ck_assert_int_eq(e.outcome, (i / 3) % 3);
		ck_assert_int_eq(e.held, i);
		ck_assert_int_eq(e.line, i + 2);
	}
	ck_assert_int_eq(holdlog_read_next(&rd, &e), 0);
	holdlog_read_close(&rd);
	ck_assert_int_eq(rd.bad, 0);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

/* The engine's records */

#define T0	INT64_C(1000000)	/* the fake monotonic clock's start */
#define SEC	INT64_C(1000)

/* A routine of two steps: a calf stretch each side, a foam roll. */
static void
session_routine(struct routine *r, struct step *steps)
{
	memset(r, 0, sizeof *r);
	memset(steps, 0, 2 * sizeof *steps);
	r->id = xstrdup("after-run");
	r->name = xstrdup("After a run");
	steps[0].name = xstrdup("Wall calf\tstretch");
	steps[0].kind = STEP_STRETCH;
	steps[0].area = area_find("calves");
	steps[0].hold = 30;
	steps[0].both_sides = 1;
	steps[0].reps = 1;
	steps[1].name = xstrdup("Foam roll");
	steps[1].kind = STEP_ROLL;
	steps[1].area = area_find("upper-back");
	steps[1].hold = 45;
	steps[1].reps = 1;
	r->steps = steps;
	r->nsteps = 2;
}

/* Every record a session ends with maps to a log record, and reads back. */
START_TEST(test_from_session)
{
	struct routine		 r;
	struct step		 steps[2];
	struct session		 s;
	struct session_opts	 opts;
	struct session_event	 ev;
	struct holdlog_record	 h;
	const time_t		 wall0 = utc(2026, 11, 21, 6, 0, 0);
	size_t			 n = 0;

	set_tz("Europe/Paris");
	memset(&opts, 0, sizeof opts);
	opts.prepare = 5;
	opts.switch_secs = 5;
	session_routine(&r, steps);
	session_init(&s, &r, &opts, T0);
	/* Both calf holds run out; the roll is stopped 20.5 s in. */
	session_tick(&s, T0 + 95 * SEC);
	session_act(&s, SESSION_QUIT, T0 + 95 * SEC + 500);
	while (session_event(&s, &ev)) {
		if (ev.type != SESSION_EV_RECORD)
			continue;
		holdlog_from_session(&h, &r, &ev.record, wall0 + (time_t)n);
		ck_assert_ptr_eq(h.routine, r.id);
		ck_assert_ptr_eq(h.step, steps[ev.record.step].name);
		ck_assert_int_eq(h.kind, (int)steps[ev.record.step].kind);
		ck_assert_int_eq(h.area, steps[ev.record.step].area);
		ck_assert_int_eq(h.side, (int)ev.record.side);
		ck_assert_int_eq(h.target, ev.record.target);
		ck_assert_int_eq(h.held, ev.record.held);
		ck_assert_int_eq(h.outcome, (int)ev.record.outcome);
		ck_assert(h.start == wall0 + (time_t)n);
		round_trip(&h);
		n++;
	}
	ck_assert_uint_eq(n, 3);
	session_free(&s);
	free(steps[0].name);
	free(steps[1].name);
	free(r.id);
	free(r.name);
}
END_TEST

/*
 * A hold begun after the machine slept through the night is stamped with
 * the wall-clock time it began, given by the caller, the next morning:
 * not the session's start plus the engine's 5 s, which stood still while
 * the machine slept.
 */
START_TEST(test_from_session_wall_start)
{
	struct routine		 r;
	struct step		 steps[2];
	struct session		 s;
	struct session_opts	 opts;
	struct session_event	 ev;
	struct holdlog_record	 h;
	const time_t		 morning = utc(2026, 11, 22, 7, 12, 3);
	char			*line;

	set_tz("Europe/Paris");
	memset(&opts, 0, sizeof opts);
	opts.prepare = 5;
	session_routine(&r, steps);
	session_init(&s, &r, &opts, T0);
	session_tick(&s, T0 + 36 * SEC);
	while (session_event(&s, &ev) && ev.type != SESSION_EV_RECORD)
		continue;
	ck_assert_int_eq(ev.type, SESSION_EV_RECORD);
	ck_assert_int_eq(ev.record.start, T0 + 5 * SEC);
	holdlog_from_session(&h, &r, &ev.record, morning);
	ck_assert(h.start == morning);
	ck_assert_int_eq(h.side, HOLDLOG_SIDE_LEFT);
	ck_assert_int_eq(h.held, 30);
	ck_assert_int_eq(h.outcome, HOLDLOG_DONE);
	line = holdlog_format(&h);
	ck_assert_ptr_nonnull(line);
	ck_assert_msg(strncmp(line, "2026-11-22T08:12:03+01:00\t", 26) == 0,
	    "stamped %.25s", line);
	free(line);
	session_free(&s);
	free(steps[0].name);
	free(steps[1].name);
	free(r.id);
	free(r.name);
}
END_TEST

/*
 * Issue 11: the writer writes only what the reader reads, a CRLF line reads
 * as its text, and a long read stops on a terminating signal.
 */

/* A time zone, and what the log makes of its offset. */
struct zone_case {
	const char	*tz;
	const char	*refusal;	/* part of the message, or NULL */
	long		 offset;	/* read back, when written */
};

static const struct zone_case zone_cases[] = {
	{ "XXX-24", "offset +24:00 is outside", 0 },
	{ "XXX+24", "offset -24:00 is outside", 0 },
	{ "XXX-24:59", "offset +24:59 is outside", 0 },
	{ "<+2430>-24:30", "offset +24:30 is outside", 0 },
	{ "XXX-24:59:59", "offset +24:59:59 is outside", 0 },
	{ "XXX+24:00:01", "offset -24:00:01 is outside", 0 },
	{ "XXX-1:00:30", "offset +01:00:30 has seconds", 0 },
	{ "XXX+0:00:01", "offset -00:00:01 has seconds", 0 },
	{ "XXX-23:59", NULL, 23 * 3600 + 59 * 60 },
	{ "XXX+23:59", NULL, -(23 * 3600 + 59 * 60) },
	{ "XXX-14", NULL, 14 * 3600 },
	{ "XXX+12", NULL, -12 * 3600 },
	{ "XXX-5:45", NULL, 5 * 3600 + 45 * 60 },
};

/* Format r expecting a refusal whose message holds want. */
static void
format_refused(const struct holdlog_record *r, const char *want)
{
	char	err[256] = "";

	ck_assert_ptr_null(holdlog_format_err(r, err, sizeof err));
	ck_assert_msg(strstr(err, want) != NULL, "\"%s\" lacks \"%s\"", err,
	    want);
	ck_assert_ptr_null(holdlog_format(r));
}

START_TEST(test_format_zone_range)
{
	const struct zone_case	*z = &zone_cases[_i];
	struct holdlog_record	 r = sample();
	struct holdlog_entry	 e;
	char			*line;

	set_tz(z->tz);
	if (z->refusal != NULL) {
		format_refused(&r, z->refusal);
		return;
	}
	round_trip(&r);
	line = holdlog_format(&r);
	line[strlen(line) - 1] = '\0';
	ck_assert_int_eq(holdlog_read_parse(line, &e), 0);
	ck_assert_int_eq(e.offset, z->offset);
	free(line);
}
END_TEST

START_TEST(test_format_zone_message)
{
	struct holdlog_record	r = sample();
	char			err[256];

	set_tz("XXX-24");
	ck_assert_ptr_null(holdlog_format_err(&r, err, sizeof err));
	ck_assert_str_eq(err, "the time zone offset +24:00 is outside what "
	    "the log can hold (whole minutes from -23:59 to +23:59): check TZ");
	set_tz("XXX-1:00:30");
	ck_assert_ptr_null(holdlog_format_err(&r, err, sizeof err));
	ck_assert_str_eq(err, "the time zone offset +01:00:30 has seconds, "
	    "which the log cannot hold (whole minutes from -23:59 to +23:59): "
	    "check TZ");
}
END_TEST

START_TEST(test_format_year_limit)
{
	struct holdlog_record	r = sample();
	struct holdlog_entry	e;
	char			err[256], *line;

	set_tz("UTC");
	r.start = utc(10000, 1, 1, 0, 0, 0);
	ck_assert_ptr_null(holdlog_format_err(&r, err, sizeof err));
	ck_assert_str_eq(err, "the clock says the year is 10000, and the log "
	    "holds the years 0 to 9999: set the clock right");
	r.start = utc(-1, 12, 31, 23, 0, 0);
	format_refused(&r, "the year is -1,");
	/* The local year counts: 9999 in UTC is 10000 an hour east. */
	set_tz("XXX-1");
	r.start = utc(9999, 12, 31, 23, 30, 0);
	format_refused(&r, "the year is 10000,");
	set_tz("XXX+1");
	r.start = utc(10000, 1, 1, 0, 30, 0);
	round_trip(&r);
	line = holdlog_format(&r);
	ck_assert_str_eq(line, "9999-12-31T23:30:00-01:00\tmorning\tWall calf "
	    "stretch\tstretch\tcalves\tleft\t30\t30\tdone\n");
	line[strlen(line) - 1] = '\0';
	ck_assert_int_eq(holdlog_read_parse(line, &e), 0);
	ck_assert_int_eq(e.year, 9999);
	free(line);
}
END_TEST

START_TEST(test_format_err_record)
{
	struct holdlog_record	 r = sample();
	char			 err[256], *step;

	set_tz("UTC");
	r.outcome = 3;
	format_refused(&r, "no word for");
	r = sample();
	step = xmalloc(HOLDLOG_LINE_MAX + 1);
	memset(step, 's', HOLDLOG_LINE_MAX);
	step[HOLDLOG_LINE_MAX] = '\0';
	r.step = step;
	format_refused(&r, "longer than the 4096 bytes a log line holds");
	/* A record that is written leaves err as it was. */
	r = sample();
	strcpy(err, "untouched");
	free(holdlog_format_err(&r, err, sizeof err));
	ck_assert_str_eq(err, "untouched");
	free(step);
}
END_TEST

/* A record the log cannot hold is refused before anything is created. */
START_TEST(test_append_refuses_zone)
{
	struct holdlog_record	 r = sample();
	char			*dir = tmp_dir(), *sub, *path, err[512];

	sub = xasprintf("%s/limber", dir);
	path = xasprintf("%s/log.tsv", sub);
	set_tz("<+2430>-24:30");
	errno = 0;
	ck_assert_int_eq(holdlog_append(path, &r, err, sizeof err), -1);
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_str_eq(err, "cannot log the hold: the time zone offset "
	    "+24:30 is outside what the log can hold (whole minutes from "
	    "-23:59 to +23:59): check TZ");
	ck_assert_int_eq(access(sub, F_OK), -1);
	set_tz("<+2359>-23:59");
	append_ok(path, &r);
	free(path);
	free(sub);
	rm_rf(dir);
	free(dir);
}
END_TEST

/* A CRLF record reads the same as the LF one, by stream and by offset. */
START_TEST(test_read_crlf_fields)
{
	static const char	 log[] = HEADER GOOD "\r\n";
	struct holdlog_reader	 rd;
	struct holdlog_entry	 e;
	char			*dir = tmp_dir(), *path, *line, *buf;

	line = xstrdup(GOOD "\r");
	ck_assert_int_eq(holdlog_read_parse(line, &e), 0);
	ck_assert_int_eq(e.outcome, HOLDLOG_DONE);
	free(line);
	path = xasprintf("%s/log.tsv", dir);
	spew(path, log);
	ck_assert_int_eq(holdlog_read_open(&rd, path), 1);
	ck_assert_int_eq(holdlog_read_next(&rd, &e), 1);
	ck_assert_str_eq(e.stamp, STAMP);
	ck_assert_str_eq(e.routine, "morning");
	ck_assert_str_eq(e.step, "Wall calf stretch");
	ck_assert_int_eq(e.held, 28);
	ck_assert_int_eq(e.outcome, HOLDLOG_DONE);
	buf = xmalloc(HOLDLOG_LINE_MAX + 2);
	ck_assert_int_eq(holdlog_read_at(&rd, e.pos, buf, &e), 0);
	ck_assert_int_eq(e.outcome, HOLDLOG_DONE);
	ck_assert_int_eq(holdlog_read_next(&rd, &e), 0);
	ck_assert_int_eq(rd.bad, 0);
	holdlog_read_close(&rd);
	free(buf);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

/* The longest line holds HOLDLOG_LINE_MAX bytes of text, CRLF or not. */
START_TEST(test_read_crlf_longest)
{
	struct holdlog_reader	 rd;
	struct holdlog_entry	 e;
	struct strbuf		 sb;
	char			*dir = tmp_dir(), *path, *buf;
	size_t			 pad = HOLDLOG_LINE_MAX - strlen(GOOD) - 6;
	static const long	 lines[] = { 2 };

	/* GOOD with "\textra" and padding: exactly HOLDLOG_LINE_MAX bytes. */
	sb_init(&sb);
	sb_adds(&sb, HEADER GOOD "\textra");
	while (pad-- > 0)
		sb_addc(&sb, 'x');
	sb_adds(&sb, "\r\n" GOOD "\textrax");
	/* One byte more: HOLDLOG_LINE_MAX + 1 bytes of text is too long. */
	for (pad = HOLDLOG_LINE_MAX - strlen(GOOD) - 6; pad > 0; pad--)
		sb_addc(&sb, 'x');
	sb_adds(&sb, "\r\n");
	path = xasprintf("%s/log.tsv", dir);
	spew_len(path, sb.s, sb.len);
	read_lines(&rd, path, lines, 1);
	ck_assert_int_eq(rd.bad, 1);
	ck_assert_int_eq(rd.bad_lines[0], 3);
	/* Read again by its offset, the "\r" and the newline fit the buffer. */
	buf = xmalloc(HOLDLOG_LINE_MAX + 2);
	ck_assert_int_eq(holdlog_read_open(&rd, path), 1);
	ck_assert_int_eq(holdlog_read_next(&rd, &e), 1);
	ck_assert_int_eq(holdlog_read_at(&rd, e.pos, buf, &e), 0);
	ck_assert_str_eq(e.stamp, STAMP);
	ck_assert_int_eq(e.outcome, HOLDLOG_DONE);
	holdlog_read_close(&rd);
	free(buf);
	sb_done(&sb);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

/* Write a log of n records, large enough to take many reads. */
static void
spew_many(const char *path, int n)
{
	FILE	*f = fopen(path, "w");
	int	 i;

	ck_assert_ptr_nonnull(f);
	fprintf(f, "%s", HEADER);
	for (i = 0; i < n; i++)
		fprintf(f, "%s\n", GOOD);
	ck_assert_int_eq(fclose(f), 0);
}

/* A signal that comes while the log is read stops the read as an error. */
START_TEST(test_read_stops_on_signal)
{
	struct holdlog_reader	 rd;
	struct holdlog_entry	 e;
	char			*dir = tmp_dir(), *path;
	int			 n = 0, rc;

	path = xasprintf("%s/log.tsv", dir);
	spew_many(path, MANY);
	ck_assert_int_eq(holdlog_read_open(&rd, path), 1);
	while (n < 10 && holdlog_read_next(&rd, &e) == 1)
		n++;
	stop_note(SIGTERM);
	while ((rc = holdlog_read_next(&rd, &e)) == 1)
		n++;
	ck_assert_int_eq(rc, -1);
	ck_assert_int_eq(errno, EINTR);
	ck_assert_int_lt(n, MANY);
	ck_assert_str_eq(holdlog_strerror(EINTR), "stopped by a signal");
	holdlog_read_close(&rd);
	stop_signal = 0;
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

/* A pending signal stops a reader before its first read, and stats too. */
START_TEST(test_read_signal_pending)
{
	struct holdlog_reader	 rd;
	struct holdlog_entry	 e;
	struct stats		 st;
	char			*dir = tmp_dir(), *path;

	path = xasprintf("%s/log.tsv", dir);
	spew_many(path, 3);
	stop_note(SIGINT);
	ck_assert_int_eq(holdlog_read_open(&rd, path), 1);
	ck_assert_int_eq(holdlog_read_next(&rd, &e), -1);
	ck_assert_int_eq(errno, EINTR);
	holdlog_read_close(&rd);
	stats_init(&st, day_from_civil(2026, 11, 21), NULL, 0);
	ck_assert_int_eq(stats_read(&st, &rd, path), -1);
	ck_assert_int_eq(errno, EINTR);
	stats_done(&st);
	stop_signal = 0;
	ck_assert_int_eq(holdlog_read_open(&rd, path), 1);
	ck_assert_int_eq(holdlog_read_next(&rd, &e), 1);
	holdlog_read_close(&rd);
	free(path);
	rm_rf(dir);
	free(dir);
}
END_TEST

/* The cases of issue 11's log format, CRLF and signal findings. */
static TCase *
holdlog_issue11_case(void)
{
	TCase	*tc = tcase_create("issue 11: format, CRLF, signals");

	tcase_add_loop_test(tc, test_format_zone_range, 0,
	    (int)(sizeof zone_cases / sizeof zone_cases[0]));
	tcase_add_test(tc, test_format_zone_message);
	tcase_add_test(tc, test_format_year_limit);
	tcase_add_test(tc, test_format_err_record);
	tcase_add_test(tc, test_append_refuses_zone);
	tcase_add_test(tc, test_read_crlf_fields);
	tcase_add_test(tc, test_read_crlf_longest);
	tcase_add_test(tc, test_read_stops_on_signal);
	tcase_add_test(tc, test_read_signal_pending);
	return tc;
}

/* The suite, one case per area of behaviour. */
static Suite *
holdlog_suite(void)
{
	Suite	*s = suite_create("holdlog");
	TCase	*tc;

	tc = tcase_create("format");
	tcase_add_test(tc, test_format_paris);
	tcase_add_test(tc, test_format_utc);
	tcase_add_test(tc, test_format_offsets);
	tcase_add_test(tc, test_format_names);
	tcase_add_test(tc, test_format_sanitizes);
	tcase_add_test(tc, test_format_invalid);
	tcase_add_test(tc, test_format_years);
	tcase_add_test(tc, test_format_too_long);
	tcase_add_test(tc, test_path);
	suite_add_tcase(s, tc);

	tc = tcase_create("append");
	tcase_add_test(tc, test_append_creates);
	tcase_add_test(tc, test_append_three);
	tcase_add_test(tc, test_append_torn);
	tcase_add_test(tc, test_append_never_truncates);
	suite_add_tcase(s, tc);

	tc = tcase_create("append errors");
	tcase_add_test(tc, test_append_errors);
	tcase_add_test(tc, test_append_full);
	tcase_add_test(tc, test_append_long_path);
	tcase_add_test(tc, test_append_symlink);
	tcase_add_test(tc, test_append_foreign_symlink);
	tcase_add_test(tc, test_append_short_write);
	suite_add_tcase(s, tc);

	tc = tcase_create("concurrent");
	tcase_add_test(tc, test_append_concurrent);
	suite_add_tcase(s, tc);

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

	tc = tcase_create("read errors");
	tcase_add_test(tc, test_read_missing);
	tcase_add_test(tc, test_read_snapshot);
	tcase_add_test(tc, test_read_directory);
	tcase_add_test(tc, test_read_denied);
	suite_add_tcase(s, tc);

	tc = tcase_create("both ways");
	tcase_add_test(tc, test_words);
	tcase_add_test(tc, test_round_trip_words);
	tcase_add_test(tc, test_round_trip_random);
	tcase_add_test(tc, test_round_trip_years);
	tcase_add_test(tc, test_round_trip_file);
	tcase_add_test(tc, test_from_session);
	tcase_add_test(tc, test_from_session_wall_start);
	suite_add_tcase(s, tc);

	suite_add_tcase(s, holdlog_issue11_case());
	return s;
}

/* Run every test; the exit status says whether any failed. */
int
main(void)
{
	SRunner	*sr = srunner_create(holdlog_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
