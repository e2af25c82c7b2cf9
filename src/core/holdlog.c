/* The hold log: one module that writes its records and reads them back. */
#include "limber/holdlog.h"

#include <sys/file.h>
#include <sys/stat.h>

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
#include "limber/day.h"
#include "limber/paths.h"
#include "limber/stop.h"
#include "limber/text.h"
#include "limber/xmalloc.h"

/* The table below is by value, so the values must be the ones it assumes. */
_Static_assert(STEP_STRETCH == 0 && STEP_ROLL == 1, "kinds");
_Static_assert(SIDE_NONE == HOLDLOG_SIDE_NONE &&
    SIDE_LEFT == HOLDLOG_SIDE_LEFT && SIDE_RIGHT == HOLDLOG_SIDE_RIGHT,
    "sides");
_Static_assert(HOLD_DONE == HOLDLOG_DONE && HOLD_PARTIAL == HOLDLOG_PARTIAL &&
    HOLD_SKIPPED == HOLDLOG_SKIPPED, "outcomes");

/*
 * The words of the kind, side and outcome fields, by field and then by
 * value: the one table the writer and the reader both use.
 */
static const struct holdlog_words {
	const char	*word[3];
	size_t		 n;
} holdlog_table[] = {
	[HOLDLOG_KIND] =	{ { "stretch", "roll" }, 2 },
	[HOLDLOG_SIDE] =	{ { "-", "left", "right" }, 3 },
	[HOLDLOG_OUTCOME] =	{ { "done", "partial", "skipped" }, 3 },
};

/* Whether a field has a word for value v. */
static int
holdlog_known(enum holdlog_field f, int v)
{
	return v >= 0 && (size_t)v < holdlog_table[f].n;
}

/* The word for value v of a field, or "?". */
static const char *
holdlog_word(enum holdlog_field f, int v)
{
	return holdlog_known(f, v) ? holdlog_table[f].word[v] : "?";
}

/* The value of word s in a field, or -1. */
static int
holdlog_value(enum holdlog_field f, const char *s)
{
	const struct holdlog_words	*w = &holdlog_table[f];
	size_t				 i;

	for (i = 0; i < w->n; i++) {
		if (s[0] == w->word[i][0] && strcmp(s, w->word[i]) == 0)
			return (int)i;
	}
	return -1;
}

/* "stretch" or "roll". */
const char *
holdlog_kind_word(int kind)
{
	return holdlog_word(HOLDLOG_KIND, kind);
}

/* "-", "left" or "right". */
const char *
holdlog_side_word(int side)
{
	return holdlog_word(HOLDLOG_SIDE, side);
}

/* "done", "partial" or "skipped". */
const char *
holdlog_outcome_word(int outcome)
{
	return holdlog_word(HOLDLOG_OUTCOME, outcome);
}

/* A field's words by value, and how many. */
const char *const *
holdlog_words(enum holdlog_field f, size_t *n)
{
	if (n != NULL)
		*n = holdlog_table[f].n;
	return holdlog_table[f].word;
}

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

/*
 * Create the log's folder and its missing parents, each 0700, following
 * only links of the user's or root's (paths_mkdirs).
 */
int
holdlog_prepare(const char *path)
{
	char	*dir;
	int	 rc;

	if ((dir = holdlog_dir(path)) == NULL)
		return 0;
	rc = paths_mkdirs(dir, 0700);
	free(dir);
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

/* A UTC offset as text: "+05:30", or "-00:44:30" with its seconds. */
static void
holdlog_offset_text(long off, char *buf, size_t size)
{
	char	sign = off < 0 ? '-' : '+';

	if (off < 0)
		off = -off;
	if (off % 60 != 0)
		snprintf(buf, size, "%c%02ld:%02ld:%02ld", sign, off / 3600,
		    off / 60 % 60, off % 60);
	else
		snprintf(buf, size, "%c%02ld:%02ld", sign, off / 3600,
		    off / 60 % 60);
}

/*
 * Whether local time tm can be written so that it reads back the same: a
 * four-digit year and an offset of whole minutes the reader takes. If not,
 * says why in err.
 */
static int
holdlog_time_fits(const struct tm *tm, char *err, size_t errsize)
{
	long	off = tm->tm_gmtoff;
	char	text[32];

	if (tm->tm_year < -1900 || tm->tm_year > HOLDLOG_YEAR_MAX - 1900) {
		holdlog_error(err, errsize, "the clock says the year is %lld, "
		    "and the log holds the years 0 to %d: set the clock right",
		    (long long)tm->tm_year + 1900, HOLDLOG_YEAR_MAX);
		return 0;
	}
	if (off % 60 == 0 && off >= -HOLDLOG_OFFSET_MAX &&
	    off <= HOLDLOG_OFFSET_MAX)
		return 1;
	holdlog_offset_text(off, text, sizeof text);
	if (off < -HOLDLOG_OFFSET_MAX || off > HOLDLOG_OFFSET_MAX)
		holdlog_error(err, errsize, "the time zone offset %s is outside "
		    "what the log can hold (whole minutes from -23:59 to "
		    "+23:59): check TZ", text);
	else
		holdlog_error(err, errsize, "the time zone offset %s has "
		    "seconds, which the log cannot hold (whole minutes from "
		    "-23:59 to +23:59): check TZ", text);
	return 0;
}

/*
 * Write t as local ISO 8601 time with a +HH:MM offset into buf (at least
 * 32 bytes). Returns 0, or -1 with a message if the time cannot be
 * converted or would not read back the same.
 */
static int
holdlog_time(time_t t, char *buf, size_t size, char *err, size_t errsize)
{
	struct tm	tm;
	char		off[32];

	if (localtime_r(&t, &tm) == NULL) {
		holdlog_error(err, errsize, "the time %lld cannot be turned "
		    "into a local date: %s", (long long)t, strerror(errno));
		return -1;
	}
	if (!holdlog_time_fits(&tm, err, errsize))
		return -1;
	holdlog_offset_text(tm.tm_gmtoff, off, sizeof off);
	snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d%s",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, off);
	return 0;
}

/* Whether every number in a record is one the log can name. */
static int
holdlog_valid(const struct holdlog_record *r)
{
	if (!holdlog_known(HOLDLOG_KIND, r->kind) ||
	    !holdlog_known(HOLDLOG_SIDE, r->side) ||
	    !holdlog_known(HOLDLOG_OUTCOME, r->outcome))
		return 0;
	if (r->area < 0 || (size_t)r->area >= area_count)
		return 0;
	return r->target >= 0 && r->held >= 0;
}

/* One log line for a record, or NULL if the record cannot be logged. */
char *
holdlog_format(const struct holdlog_record *r)
{
	return holdlog_format_err(r, NULL, 0);
}

/* One log line for a record, or NULL with why it cannot be logged in err. */
char *
holdlog_format_err(const struct holdlog_record *r, char *err, size_t errsize)
{
	struct strbuf	sb;
	char		start[80];

	if (!holdlog_valid(r)) {
		holdlog_error(err, errsize, "the record has a kind, area, side "
		    "or outcome the log has no word for, or a negative time");
		return NULL;
	}
	if (holdlog_time(r->start, start, sizeof start, err, errsize) != 0)
		return NULL;
	sb_init(&sb);
	sb_adds(&sb, start);
	sb_addc(&sb, '\t');
	holdlog_add_text(&sb, r->routine);
	sb_addc(&sb, '\t');
	holdlog_add_text(&sb, r->step);
	sb_addf(&sb, "\t%s\t%s\t%s\t%d\t%d\t%s\n",
	    holdlog_word(HOLDLOG_KIND, r->kind), area_id(r->area),
	    holdlog_word(HOLDLOG_SIDE, r->side), r->target, r->held,
	    holdlog_word(HOLDLOG_OUTCOME, r->outcome));
	/* The reader would skip a longer line. */
	if (sb.len - 1 > HOLDLOG_LINE_MAX) {
		holdlog_error(err, errsize, "the record is longer than the %d "
		    "bytes a log line holds", HOLDLOG_LINE_MAX);
		sb_done(&sb);
		return NULL;
	}
	return sb_take(&sb);
}

/* The record of a hold the session engine ended, begun at wall time start. */
void
holdlog_from_session(struct holdlog_record *h, const struct routine *r,
    const struct session_record *rec, time_t start)
{
	const struct step	*st = &r->steps[rec->step];

	memset(h, 0, sizeof *h);
	h->start = start;
	h->routine = r->id;
	h->step = st->name;
	h->kind = (int)st->kind;
	h->area = st->area;
	h->side = (int)rec->side;
	h->target = rec->target;
	h->held = rec->held;
	h->outcome = (int)rec->outcome;
}

/*
 * Open the log for appending, creating it 0600; the fd, or -1. Links are
 * followed by the rule of paths_open; a log that is not a regular file (a
 * FIFO would take the record and lose it) is refused.
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

/*
 * Take flock op (LOCK_SH or LOCK_EX) on fd, trying again every few
 * milliseconds for at most wait_ms. Returns 0, or -1 with errno
 * EWOULDBLOCK when another process held it all that time, or EINTR when
 * a terminating signal is pending (stop_pending).
 */
int
holdlog_lock(int fd, int op, int wait_ms)
{
	struct timespec	nap = { 0, HOLDLOG_LOCK_NAP_MS * 1000000L };
	int		waited = 0;

	for (;;) {
		if (flock(fd, op | LOCK_NB) == 0)
			return 0;
		if (errno != EWOULDBLOCK && errno != EINTR)
			return -1;
		/* Only a wait gives up on a signal: the last hold is written. */
		if (stop_pending()) {
			errno = EINTR;
			return -1;
		}
		if (waited >= wait_ms) {
			errno = EWOULDBLOCK;
			return -1;
		}
		nanosleep(&nap, NULL);
		waited += HOLDLOG_LOCK_NAP_MS;
	}
}

/* The message for a lock holdlog_lock could not take. */
static void
holdlog_lock_error(char *err, size_t errsize, const char *what,
    const char *path, int wait_ms)
{
	if (errno == EWOULDBLOCK)
		holdlog_error(err, errsize, "cannot %s %s: another process "
		    "held its lock for %d s; try again", what, path,
		    (wait_ms + 999) / 1000);
	else if (errno == EINTR)
		holdlog_error(err, errsize, "cannot %s %s: stopped by a signal "
		    "while waiting for its lock", what, path);
	else
		holdlog_error(err, errsize, "cannot lock %s: %s", path,
		    strerror(errno));
}

/* Lock the open log and append line to it; 0, or -1 with a message. */
static int
holdlog_locked(int fd, const char *line, int wait_ms, const char *path,
    char *err, size_t errsize)
{
	struct strbuf	sb;
	off_t		size;
	int		rc, saved;

	if (holdlog_lock(fd, LOCK_EX, wait_ms) == -1) {
		saved = errno;
		holdlog_lock_error(err, errsize, "log to", path, wait_ms);
		errno = saved;
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

/* Append one record to the log, waiting HOLDLOG_LOCK_WAIT_MS for its lock. */
int
holdlog_append(const char *path, const struct holdlog_record *r, char *err,
    size_t errsize)
{
	return holdlog_append_wait(path, r, HOLDLOG_LOCK_WAIT_MS, err, errsize);
}

/* Append one record, waiting at most wait_ms for the lock. */
int
holdlog_append_wait(const char *path, const struct holdlog_record *r,
    int wait_ms, char *err, size_t errsize)
{
	char	*line, *dir, why[256];
	int	 fd, rc, saved;

	if (err != NULL && errsize > 0)
		err[0] = '\0';
	if ((line = holdlog_format_err(r, why, sizeof why)) == NULL) {
		holdlog_error(err, errsize, "cannot log the hold: %s", why);
		errno = EINVAL;
		return -1;
	}
	if (holdlog_prepare(path) != 0) {
		saved = errno;
		dir = holdlog_dir(path);
		holdlog_error(err, errsize, "cannot create folder %s: %s", dir,
		    paths_strerror(saved));
		free(dir);
		free(line);
		return -1;
	}
	if ((fd = holdlog_open(path, err, errsize)) == -1) {
		free(line);
		return -1;
	}
	rc = holdlog_locked(fd, line, wait_ms, path, err, errsize);
	saved = errno;
	free(line);
	if (close(fd) != 0 && rc == 0) {
		holdlog_error(err, errsize, "cannot close %s: %s", path,
		    strerror(errno));
		rc = -1;
	} else
		errno = saved;
	return rc;
}

/*
 * Reading. Everything below trusts nothing in the log: see holdlog.h for
 * what makes a line malformed.
 */

/* Expect the character c at *p. */
static int
holdlog_read_char(const char **p, char c)
{
	if (**p != c)
		return -1;
	(*p)++;
	return 0;
}

/* Parse an ISO 8601 local time with its UTC offset. */
int
holdlog_read_time(const char *text, struct holdlog_entry *e)
{
	const char	*p = text;
	int		 y, mo, d, h, mi, s, oh = 0, om = 0, sign = 1;

	if (day_digits(&p, 4, &y) || holdlog_read_char(&p, '-') ||
	    day_digits(&p, 2, &mo) || holdlog_read_char(&p, '-') ||
	    day_digits(&p, 2, &d) || holdlog_read_char(&p, 'T') ||
	    day_digits(&p, 2, &h) || holdlog_read_char(&p, ':') ||
	    day_digits(&p, 2, &mi) || holdlog_read_char(&p, ':') ||
	    day_digits(&p, 2, &s))
		return -1;
	if (*p == 'Z')
		p++;
	else {
		if (*p != '+' && *p != '-')
			return -1;
		sign = *p++ == '-' ? -1 : 1;
		if (day_digits(&p, 2, &oh) || holdlog_read_char(&p, ':') ||
		    day_digits(&p, 2, &om) || oh > 23 || om > 59)
			return -1;
	}
	if (*p != '\0' || !day_valid(y, mo, d) || h > 23 || mi > 59 || s > 60)
		return -1;
	e->year = y;
	e->month = mo;
	e->day = d;
	e->date = day_from_civil(y, mo, d);
	e->offset = sign * (oh * 3600 + om * 60);
	e->start = (time_t)(e->date * 86400 + h * 3600 +
	    mi * 60 + s - e->offset);
	return 0;
}

/* A whole number of seconds, not negative. */
static int
holdlog_read_seconds(const char *s, int *v)
{
	long	n = 0;

	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		n = n * 10 + (*s - '0');
		if (n > INT_MAX)
			return -1;
	}
	*v = (int)n;
	return 0;
}

/*
 * The first tab in [p, end), or end. Eight bytes at a time: a word with a
 * tab in it has a zero byte once XORed with tabs (the "has a zero byte"
 * test from Bit Twiddling Hacks), then the bytes of that word are looked at.
 */
static char *
holdlog_read_tab(char *p, char *end)
{
	const uint64_t	ones = 0x0101010101010101ULL, tabs = ones * '\t';
	uint64_t	w;

	for (; end - p >= 8; p += 8) {
		memcpy(&w, p, sizeof w);
		w ^= tabs;
		if (((w - ones) & ~w & (ones << 7)) != 0)
			break;
	}
	while (p < end && *p != '\t')
		p++;
	return p;
}

/*
 * The length of a line of len bytes without the one "\r" a CRLF line ends
 * in, which is cut off.
 */
static size_t
holdlog_read_cr(char *line, size_t len)
{
	if (len > 0 && line[len - 1] == '\r')
		line[--len] = '\0';
	return len;
}

/* Parse one record of len bytes in place. */
static int
holdlog_read_fields(char *line, size_t len, struct holdlog_entry *e)
{
	char	*f[HOLDLOG_FIELDS], *p = line, *end = line + len;
	int	 i;

	if (memchr(line, '\0', len) != NULL)
		return -1;		/* a NUL byte would cut a field short */
	/* Fields past the ninth are cut off. */
	for (i = 0; i < HOLDLOG_FIELDS; i++) {
		f[i] = p;
		if ((p = holdlog_read_tab(p, end)) == end)
			break;
		*p++ = '\0';
	}
	if (i < HOLDLOG_FIELDS - 1)
		return -1;
	memset(e, 0, sizeof *e);
	e->stamp = f[0];
	e->routine = f[1];
	e->step = f[2];
	e->stamp_len = (size_t)(f[1] - f[0] - 1);
	e->routine_len = (size_t)(f[2] - f[1] - 1);
	e->step_len = (size_t)(f[3] - f[2] - 1);
	if (holdlog_read_time(f[0], e) != 0 ||
	    (e->kind = holdlog_value(HOLDLOG_KIND, f[3])) < 0 ||
	    (e->area = area_find(f[4])) < 0 ||
	    (e->side = holdlog_value(HOLDLOG_SIDE, f[5])) < 0 ||
	    holdlog_read_seconds(f[6], &e->target) != 0 ||
	    holdlog_read_seconds(f[7], &e->held) != 0 ||
	    (e->outcome = holdlog_value(HOLDLOG_OUTCOME, f[8])) < 0)
		return -1;
	return 0;
}

/* Parse one record in place. */
int
holdlog_read_parse(char *line, struct holdlog_entry *e)
{
	if (holdlog_read_fields(line, holdlog_read_cr(line, strlen(line)),
	    e) != 0)
		return -1;
	e->pos = -1;
	return 0;
}

/* The reader's buffer: the longest line, its newline, and room to read. */
#define HOLDLOG_BUFSIZE	(256 * 1024)

/* strerror for a reader's errno, naming a lock wait that gave up. */
const char *
holdlog_strerror(int err)
{
	if (err == EWOULDBLOCK)
		return "another process held its lock for too long; try again";
	if (err == EINTR)
		return "stopped by a signal";
	return paths_strerror(err);
}

/*
 * Open the log for reading under a shared lock: 1, 0 when there is no
 * log, or -1 with errno. A log that is not a regular file is refused
 * (paths_open): /dev/zero or a FIFO would never end.
 */
int
holdlog_read_open(struct holdlog_reader *rd, const char *path)
{
	struct stat	st;
	int		saved;

	memset(rd, 0, sizeof *rd);
	rd->path = path;
	rd->fd = paths_open(path, O_RDONLY, 0);
	if (rd->fd == -1)
		return errno == ENOENT ? 0 : -1;
	/* Writers hold the lock for one write, so a reader waits briefly. */
	if (holdlog_lock(rd->fd, LOCK_SH, HOLDLOG_LOCK_WAIT_MS) == -1 ||
	    fstat(rd->fd, &st) == -1) {
		saved = errno;
		close(rd->fd);
		rd->fd = -1;
		errno = saved;
		return -1;
	}
	rd->left = st.st_size;
	flock(rd->fd, LOCK_UN);
	rd->buf = xmalloc(HOLDLOG_BUFSIZE);
	return 1;
}

/* Count a malformed line, keeping the first few numbers. */
static void
holdlog_read_bad(struct holdlog_reader *rd)
{
	if (rd->bad < HOLDLOG_BAD_LINES)
		rd->bad_lines[rd->bad] = rd->line;
	rd->bad++;
}

/*
 * Move what is unread to the front and read more; -1 on error, or with
 * errno EINTR when a terminating signal is pending, so that a long read
 * (a huge log, or a device that never ends) stops on Ctrl-C.
 */
static int
holdlog_read_fill(struct holdlog_reader *rd)
{
	ssize_t	n;
	size_t	want;

	if (stop_pending()) {
		errno = EINTR;
		return -1;
	}
	if (rd->start > 0) {
		rd->base += (long long)rd->start;
		memmove(rd->buf, rd->buf + rd->start, rd->len - rd->start);
		rd->len -= rd->start;
		rd->start = 0;
	}
	want = HOLDLOG_BUFSIZE - rd->len;
	if ((long long)want > rd->left)
		want = (size_t)rd->left;
	do
		n = want == 0 ? 0 : read(rd->fd, rd->buf + rd->len, want);
	while (n == -1 && errno == EINTR && !stop_pending());
	if (n == -1)
		return -1;
	if (n == 0)
		rd->eof = 1;
	rd->len += (size_t)n;
	rd->left -= n;
	return 0;
}

/*
 * Skip the rest of an overlong line: 1 when a newline was found, 0 at the
 * end of the log, -1 on a read error.
 */
static int
holdlog_read_skip(struct holdlog_reader *rd)
{
	char	*nl;

	for (;;) {
		nl = memchr(rd->buf + rd->start, '\n', rd->len - rd->start);
		if (nl != NULL) {
			rd->start = (size_t)(nl - rd->buf) + 1;
			return 1;
		}
		rd->start = rd->len;
		if (rd->eof)
			return 0;
		if (holdlog_read_fill(rd) != 0)
			return -1;
	}
}

/*
 * The next line, without its newline, NUL-terminated in the buffer; NULL
 * at the end (or on an error, with *err set). Overlong and torn lines are
 * counted as malformed and passed over.
 */
static char *
holdlog_read_line(struct holdlog_reader *rd, size_t *len, int *err)
{
	char	*line, *nl;
	size_t	 have;

	for (;;) {
		have = rd->len - rd->start;
		line = rd->buf + rd->start;
		if ((nl = memchr(line, '\n', have)) != NULL) {
			rd->line++;
			rd->start += (size_t)(nl - line) + 1;
			*nl = '\0';
			*len = holdlog_read_cr(line, (size_t)(nl - line));
			if (*len > HOLDLOG_LINE_MAX) {
				holdlog_read_bad(rd);
				continue;
			}
			return line;
		}
		/* The longest line, and the "\r" of a CRLF line. */
		if (have > HOLDLOG_LINE_MAX + 1) {
			rd->line++;
			holdlog_read_bad(rd);
			switch (holdlog_read_skip(rd)) {
			case -1:
				*err = errno;
				return NULL;
			case 0:
				return NULL;
			}
			continue;
		}
		if (rd->eof) {
			if (have > 0) {		/* a torn last line */
				rd->line++;
				holdlog_read_bad(rd);
				rd->start = rd->len;
			}
			return NULL;
		}
		if (holdlog_read_fill(rd) != 0) {
			*err = errno;
			return NULL;
		}
	}
}

/* The next good record. */
int
holdlog_read_next(struct holdlog_reader *rd, struct holdlog_entry *e)
{
	char	*line;
	size_t	 len;
	int	 err = 0;

	if (rd->fd == -1)
		return 0;
	while ((line = holdlog_read_line(rd, &len, &err)) != NULL) {
		if (line[0] == '#' || len == 0)
			continue;
		if (holdlog_read_fields(line, len, e) != 0) {
			holdlog_read_bad(rd);
			continue;
		}
		e->line = rd->line;
		e->pos = rd->base + (line - rd->buf);
		return 1;
	}
	if (err != 0) {
		errno = err;
		return -1;
	}
	return 0;
}

/* Parse the record at pos again. */
int
holdlog_read_at(struct holdlog_reader *rd, long long pos, char *buf,
    struct holdlog_entry *e)
{
	ssize_t	 n;
	char	*nl;

	do
		n = pread(rd->fd, buf, HOLDLOG_LINE_MAX + 2, (off_t)pos);
	while (n == -1 && errno == EINTR);
	if (n <= 0 || (nl = memchr(buf, '\n', (size_t)n)) == NULL)
		return -1;
	*nl = '\0';
	if (holdlog_read_fields(buf, holdlog_read_cr(buf, (size_t)(nl - buf)),
	    e) != 0)
		return -1;
	e->pos = pos;
	return 0;
}

/* Close the log; the counts stay for holdlog_read_warn. */
void
holdlog_read_close(struct holdlog_reader *rd)
{
	if (rd->fd != -1)
		close(rd->fd);
	rd->fd = -1;
	free(rd->buf);
	rd->buf = NULL;
}

/* Warn once about the malformed lines skipped. */
void
holdlog_read_warn(const struct holdlog_reader *rd, FILE *f)
{
	char	*path;
	long	 i, n;

	if (rd->bad == 0)
		return;
	n = rd->bad < HOLDLOG_BAD_LINES ? rd->bad : HOLDLOG_BAD_LINES;
	path = text_sanitize(rd->path, 0);
	fprintf(f, "limber: warning: %s: skipped %ld malformed line%s (",
	    path, rd->bad, rd->bad == 1 ? "" : "s");
	free(path);
	for (i = 0; i < n; i++)
		fprintf(f, "%s%ld", i == 0 ? "" : ", ", rd->bad_lines[i]);
	fprintf(f, "%s)\n", rd->bad > n ? ", ..." : "");
}
