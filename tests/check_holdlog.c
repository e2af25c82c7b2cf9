/* Tests for holdlog.h: formatting records and appending them to the log. */
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "limber/area.h"
#include "limber/holdlog.h"
#include "limber/routine.h"
#include "limber/text.h"
#include "limber/xmalloc.h"

#include "check_util.h"

#define HEADER		HOLDLOG_HEADER "\n"
#define CHILDREN	4
#define PER_CHILD	200

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
	ssize_t		 n;
	int		 fd;

	fd = open(path, O_RDONLY);
	ck_assert_msg(fd != -1, "cannot open %s: %s", path, strerror(errno));
	ck_assert_int_eq(fstat(fd, &st), 0);
	buf = xmalloc((size_t)st.st_size + 1);
	n = read(fd, buf, (size_t)st.st_size);
	ck_assert_int_eq(n, st.st_size);
	buf[n] = '\0';
	close(fd);
	*len = (size_t)n;
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

	if (access("/dev/full", W_OK) != 0)
		return;
	ck_assert_int_eq(holdlog_append("/dev/full", &r, err, sizeof err), -1);
	ck_assert_msg(strstr(err, "No space") != NULL, "message: %s", err);
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
	tcase_add_test(tc, test_path);
	suite_add_tcase(s, tc);

	tc = tcase_create("append");
	tcase_add_test(tc, test_append_creates);
	tcase_add_test(tc, test_append_three);
	tcase_add_test(tc, test_append_torn);
	tcase_add_test(tc, test_append_never_truncates);
	suite_add_tcase(s, tc);

	tc = tcase_create("errors");
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
