/* The hold log: one tab-separated line appended per hold. */
#include "limber/holdlog.h"

#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "limber/area.h"
#include "limber/paths.h"
#include "limber/routine.h"
#include "limber/text.h"
#include "limber/xmalloc.h"

/* Field names by side and by outcome number. */
static const char *const holdlog_sides[] = { "-", "left", "right" };
static const char *const holdlog_outcomes[] = { "done", "partial", "skipped" };

#define HOLDLOG_NSIDES \
	((int)(sizeof holdlog_sides / sizeof holdlog_sides[0]))
#define HOLDLOG_NOUTCOMES \
	((int)(sizeof holdlog_outcomes / sizeof holdlog_outcomes[0]))

/* Whether c continues a UTF-8 character. */
#define HOLDLOG_CONT(c)	(((unsigned char)(c) & 0xc0) == 0x80)

/*
 * Put a formatted message in err. One too long for it (a very long path)
 * loses its middle, not its end, which says what went wrong.
 */
static void printflike(3, 4)
holdlog_error(char *err, size_t errsize, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;
	size_t	 len, head, tail;

	if (err == NULL || errsize == 0)
		return;
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	len = strlen(msg);
	if (len < errsize || errsize < 16) {
		snprintf(err, errsize, "%s", msg);
		free(msg);
		return;
	}
	head = (errsize - 4) / 2;
	tail = len - (errsize - 4 - head);
	while (head > 0 && HOLDLOG_CONT(msg[head]))
		head--;
	while (tail < len && HOLDLOG_CONT(msg[tail]))
		tail++;
	snprintf(err, errsize, "%.*s...%s", (int)head, msg, msg + tail);
	free(msg);
}

/* The log's path under the XDG data folder, or NULL without a home. */
char *
holdlog_path(void)
{
	char	*data, *path;

	if ((data = paths_data_home()) == NULL)
		return NULL;
	path = paths_join(data, "limber/log.tsv");
	free(data);
	return path;
}

/* The folder part of path, or NULL when path has no slash. */
static char *
holdlog_dir(const char *path)
{
	const char	*slash = strrchr(path, '/');

	if (slash == NULL)
		return NULL;
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* Make one folder with mode 0700 unless a folder is already there. */
static int
holdlog_mkdir(const char *dir)
{
	struct stat	st;

	if (stat(dir, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;
		errno = ENOTDIR;
		return -1;
	}
	if (errno != ENOENT)
		return -1;
	if (mkdir(dir, 0700) == 0)
		return 0;
	if (errno != EEXIST)
		return -1;
	/* Someone else made it between the stat and the mkdir. */
	if (stat(dir, &st) != 0)
		return -1;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}

/* Create the log's folder and its missing parents, each 0700. */
int
holdlog_prepare(const char *path)
{
	char	*dir, *p;
	int	 rc = 0, saved;

	if ((dir = holdlog_dir(path)) == NULL)
		return 0;
	for (p = dir + 1; *p != '\0' && rc == 0; p++) {
		if (*p != '/' || p[-1] == '/')
			continue;
		*p = '\0';
		rc = holdlog_mkdir(dir);
		*p = '/';
	}
	if (rc == 0)
		rc = holdlog_mkdir(dir);
	saved = errno;
	free(dir);
	errno = saved;
	return rc;
}

/* Append a text field: control bytes and DEL as spaces, empty as "-". */
static void
holdlog_add_text(struct strbuf *sb, const char *s)
{
	unsigned char	c;

	if (s == NULL || *s == '\0') {
		sb_addc(sb, '-');
		return;
	}
	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		sb_addc(sb, (c < 0x20 || c == 0x7f) ? ' ' : (char)c);
	}
}

/*
 * Write t as local ISO 8601 time with a +HH:MM offset into buf. Returns 0,
 * or -1 if the time cannot be converted.
 */
static int
holdlog_time(time_t t, char *buf, size_t size)
{
	struct tm	 tm;
	char		 tmp[64];
	const char	*off;
	size_t		 n;

	if (localtime_r(&t, &tm) == NULL)
		return -1;
	n = strftime(tmp, sizeof tmp, "%Y-%m-%dT%H:%M:%S%z", &tm);
	if (n < 5)
		return -1;
	off = tmp + n - 5;
	if ((off[0] != '+' && off[0] != '-') ||
	    strspn(off + 1, "0123456789") != 4)
		return -1;
	if (snprintf(buf, size, "%.*s:%s", (int)(n - 2), tmp, tmp + n - 2) >=
	    (int)size)
		return -1;
	return 0;
}

/* Whether every number in a record is one the log can name. */
static int
holdlog_valid(const struct holdlog_record *r)
{
	if (r->kind != STEP_STRETCH && r->kind != STEP_ROLL)
		return 0;
	if (r->area < 0 || (size_t)r->area >= area_count)
		return 0;
	if (r->side < 0 || r->side >= HOLDLOG_NSIDES)
		return 0;
	if (r->outcome < 0 || r->outcome >= HOLDLOG_NOUTCOMES)
		return 0;
	return r->target >= 0 && r->held >= 0;
}

/* One log line for a record, or NULL if the record cannot be logged. */
char *
holdlog_format(const struct holdlog_record *r)
{
	struct strbuf	sb;
	char		start[80];

	if (!holdlog_valid(r) ||
	    holdlog_time(r->start, start, sizeof start) != 0)
		return NULL;
	sb_init(&sb);
	sb_adds(&sb, start);
	sb_addc(&sb, '\t');
	holdlog_add_text(&sb, r->routine);
	sb_addc(&sb, '\t');
	holdlog_add_text(&sb, r->step);
	sb_addf(&sb, "\t%s\t%s\t%s\t%d\t%d\t%s\n",
	    step_kind_name((enum step_kind)r->kind), area_id(r->area),
	    holdlog_sides[r->side], r->target, r->held,
	    holdlog_outcomes[r->outcome]);
	return sb_take(&sb);
}

/*
 * Open the log for appending, creating it 0600; the fd, or -1. A symbolic
 * link of the user's own is followed, another user's is refused.
 */
static int
holdlog_open(const char *path, char *err, size_t errsize)
{
	int	fd;

	/* Read access too: the last byte is checked for a torn line. */
	fd = paths_open(path, O_RDWR | O_APPEND | O_CREAT, 0600);
	if (fd == -1)
		holdlog_error(err, errsize, "cannot open %s: %s", path,
		    paths_strerror(errno));
	return fd;
}

/*
 * Start the buffer with what must come before the record: the header if
 * the log is empty, a newline if its last line is torn. The log must be
 * locked. Returns 0 with the log's size in *size (-1 for a file that is not
 * regular), or -1 with a message.
 */
static int
holdlog_lead(int fd, struct strbuf *sb, off_t *size, const char *path,
    char *err, size_t errsize)
{
	struct stat	st;
	ssize_t		n;
	char		last;

	if (fstat(fd, &st) != 0) {
		holdlog_error(err, errsize, "cannot stat %s: %s", path,
		    strerror(errno));
		return -1;
	}
	*size = S_ISREG(st.st_mode) ? st.st_size : -1;
	if (st.st_size == 0) {
		sb_adds(sb, HOLDLOG_HEADER "\n");
		return 0;
	}
	do
		n = pread(fd, &last, 1, st.st_size - 1);
	while (n == -1 && errno == EINTR);
	if (n == -1) {
		holdlog_error(err, errsize, "cannot read %s: %s", path,
		    strerror(errno));
		return -1;
	}
	if (n == 1 && last != '\n')
		sb_addc(sb, '\n');
	return 0;
}

/*
 * Cut a log that took part of a record back to its size before, so a full
 * disk leaves no torn line behind.
 */
static void
holdlog_undo(int fd, off_t size)
{
	int	rc;

	if (size < 0)
		return;
	do
		rc = ftruncate(fd, size);
	while (rc == -1 && errno == EINTR);
}

/*
 * Write the buffer with one write() and fsync it; 0, or -1 with a message.
 * A failed or short write is undone, back to size.
 */
static int
holdlog_write(int fd, const struct strbuf *sb, off_t size, const char *path,
    char *err, size_t errsize)
{
	ssize_t	n;
	int	rc, saved;

	do
		n = write(fd, sb->s, sb->len);
	while (n == -1 && errno == EINTR);
	if (n == -1) {
		saved = errno;
		holdlog_undo(fd, size);
		holdlog_error(err, errsize, "cannot write %s: %s", path,
		    strerror(saved));
		return -1;
	}
	if ((size_t)n != sb->len) {
		holdlog_undo(fd, size);
		holdlog_error(err, errsize, "cannot write %s: only %zd of %zu "
		    "bytes written (disk full?)", path, n, sb->len);
		return -1;
	}
	do
		rc = fsync(fd);
	while (rc == -1 && errno == EINTR);
	/* EINVAL: a special file that cannot be synced, nothing to do. */
	if (rc == -1 && errno != EINVAL) {
		holdlog_error(err, errsize, "cannot sync %s: %s", path,
		    strerror(errno));
		return -1;
	}
	return 0;
}

/* Lock the open log and append line to it; 0, or -1 with a message. */
static int
holdlog_locked(int fd, const char *line, const char *path, char *err,
    size_t errsize)
{
	struct strbuf	sb;
	off_t		size;
	int		rc;

	do
		rc = flock(fd, LOCK_EX);
	while (rc == -1 && errno == EINTR);
	if (rc == -1) {
		holdlog_error(err, errsize, "cannot lock %s: %s", path,
		    strerror(errno));
		return -1;
	}
	sb_init(&sb);
	if ((rc = holdlog_lead(fd, &sb, &size, path, err, errsize)) == 0) {
		sb_adds(&sb, line);
		rc = holdlog_write(fd, &sb, size, path, err, errsize);
	}
	sb_done(&sb);
	return rc;
}

/* Append one record to the log; 0, or -1 with a message in err. */
int
holdlog_append(const char *path, const struct holdlog_record *r, char *err,
    size_t errsize)
{
	char	*line, *dir;
	int	 fd, rc, saved;

	if (err != NULL && errsize > 0)
		err[0] = '\0';
	if ((line = holdlog_format(r)) == NULL) {
		holdlog_error(err, errsize, "cannot log to %s: invalid hold "
		    "record", path);
		return -1;
	}
	if (holdlog_prepare(path) != 0) {
		saved = errno;
		dir = holdlog_dir(path);
		holdlog_error(err, errsize, "cannot create folder %s: %s", dir,
		    strerror(saved));
		free(dir);
		free(line);
		return -1;
	}
	if ((fd = holdlog_open(path, err, errsize)) == -1) {
		free(line);
		return -1;
	}
	rc = holdlog_locked(fd, line, path, err, errsize);
	free(line);
	if (close(fd) != 0 && rc == 0) {
		holdlog_error(err, errsize, "cannot close %s: %s", path,
		    strerror(errno));
		rc = -1;
	}
	return rc;
}
