/* Reading the hold log line by line, trusting nothing in it. */
#include "limber/logread.h"

#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "limber/area.h"
#include "limber/day.h"
#include "limber/holdlog.h"
#include "limber/paths.h"
#include "limber/xmalloc.h"

/* Expect the character c at *p. */
static int
logread_char(const char **p, char c)
{
	if (**p != c)
		return -1;
	(*p)++;
	return 0;
}

/* Parse an ISO 8601 local time with its UTC offset. */
int
logread_time(const char *text, struct log_entry *e)
{
	const char	*p = text;
	int		 y, mo, d, h, mi, s, oh = 0, om = 0, sign = 1;

	if (day_digits(&p, 4, &y) || logread_char(&p, '-') ||
	    day_digits(&p, 2, &mo) || logread_char(&p, '-') ||
	    day_digits(&p, 2, &d) || logread_char(&p, 'T') ||
	    day_digits(&p, 2, &h) || logread_char(&p, ':') ||
	    day_digits(&p, 2, &mi) || logread_char(&p, ':') ||
	    day_digits(&p, 2, &s))
		return -1;
	if (*p == 'Z')
		p++;
	else {
		if (*p != '+' && *p != '-')
			return -1;
		sign = *p++ == '-' ? -1 : 1;
		if (day_digits(&p, 2, &oh) || logread_char(&p, ':') ||
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
logread_seconds(const char *s, int *v)
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

/* The index of s in a NULL-terminated list of names, or -1. */
static int
logread_name(const char *s, const char *const *names)
{
	int	i;

	for (i = 0; names[i] != NULL; i++) {
		if (s[0] == names[i][0] && strcmp(s, names[i]) == 0)
			return i;
	}
	return -1;
}

/*
 * The first tab in [p, end), or end. Eight bytes at a time: a word with a
 * tab in it has a zero byte once XORed with tabs (the "has a zero byte"
 * test from Bit Twiddling Hacks), then the bytes of that word are looked at.
 */
static char *
logread_tab(char *p, char *end)
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

/* Parse one record of len bytes in place. */
static int
logread_fields(char *line, size_t len, struct log_entry *e)
{
	static const char *const kinds[] = { "stretch", "roll", NULL };
	static const char *const sides[] = { "-", "left", "right", NULL };
	static const char *const outcomes[] = { "done", "partial", "skipped",
	    NULL };
	char	*f[HOLDLOG_FIELDS], *p = line, *end = line + len;
	int	 i;

	if (memchr(line, '\0', len) != NULL)
		return -1;		/* a NUL byte would cut a field short */
	/* Fields past the ninth are cut off. */
	for (i = 0; i < HOLDLOG_FIELDS; i++) {
		f[i] = p;
		if ((p = logread_tab(p, end)) == end)
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
	if (logread_time(f[0], e) != 0 ||
	    (e->kind = logread_name(f[3], kinds)) < 0 ||
	    (e->area = area_find(f[4])) < 0 ||
	    (e->side = logread_name(f[5], sides)) < 0 ||
	    logread_seconds(f[6], &e->target) != 0 ||
	    logread_seconds(f[7], &e->held) != 0 ||
	    (e->outcome = logread_name(f[8], outcomes)) < 0)
		return -1;
	return 0;
}

/* Parse one record in place. */
int
logread_parse(char *line, struct log_entry *e)
{
	if (logread_fields(line, strlen(line), e) != 0)
		return -1;
	e->pos = -1;
	return 0;
}

/* The reader's buffer: the longest line, its newline, and room to read. */
#define LOGREAD_BUFSIZE	(256 * 1024)

/* Open the log for reading under a shared lock. */
int
logread_open(struct logread *lr, const char *path)
{
	struct stat	st;

	memset(lr, 0, sizeof *lr);
	lr->path = path;
	/* Non-blocking: a FIFO in the log's place must not hang the reader. */
	lr->fd = paths_open(path, O_RDONLY | O_NONBLOCK, 0);
	if (lr->fd == -1)
		return errno == ENOENT ? 0 : -1;
	/* Writers hold the lock for one write, so a reader waits briefly. */
	while (flock(lr->fd, LOCK_SH) == -1 && errno == EINTR)
		continue;
	if (fstat(lr->fd, &st) == -1)
		lr->left = 0;
	else if (S_ISREG(st.st_mode))
		lr->left = st.st_size;
	else
		lr->left = LLONG_MAX;	/* let read() say what is wrong */
	flock(lr->fd, LOCK_UN);
	lr->buf = xmalloc(LOGREAD_BUFSIZE);
	return 1;
}

/* Count a malformed line, keeping the first few numbers. */
static void
logread_bad(struct logread *lr)
{
	if (lr->bad < LOGREAD_BAD_LINES)
		lr->bad_lines[lr->bad] = lr->line;
	lr->bad++;
}

/* Move what is unread to the front and read more; -1 on error. */
static int
logread_fill(struct logread *lr)
{
	ssize_t	n;
	size_t	want;

	if (lr->start > 0) {
		lr->base += (long long)lr->start;
		memmove(lr->buf, lr->buf + lr->start, lr->len - lr->start);
		lr->len -= lr->start;
		lr->start = 0;
	}
	want = LOGREAD_BUFSIZE - lr->len;
	if ((long long)want > lr->left)
		want = (size_t)lr->left;
	do
		n = want == 0 ? 0 : read(lr->fd, lr->buf + lr->len, want);
	while (n == -1 && errno == EINTR);
	if (n == -1)
		return -1;
	if (n == 0)
		lr->eof = 1;
	lr->len += (size_t)n;
	lr->left -= n;
	return 0;
}

/*
 * Skip the rest of an overlong line: 1 when a newline was found, 0 at the
 * end of the log, -1 on a read error.
 */
static int
logread_skip(struct logread *lr)
{
	char	*nl;

	for (;;) {
		nl = memchr(lr->buf + lr->start, '\n', lr->len - lr->start);
		if (nl != NULL) {
			lr->start = (size_t)(nl - lr->buf) + 1;
			return 1;
		}
		lr->start = lr->len;
		if (lr->eof)
			return 0;
		if (logread_fill(lr) != 0)
			return -1;
	}
}

/*
 * The next line, without its newline, NUL-terminated in the buffer; NULL
 * at the end (or on an error, with *err set). Overlong and torn lines are
 * counted as malformed and passed over.
 */
static char *
logread_line(struct logread *lr, size_t *len, int *err)
{
	char	*line, *nl;
	size_t	 have;

	for (;;) {
		have = lr->len - lr->start;
		line = lr->buf + lr->start;
		if ((nl = memchr(line, '\n', have)) != NULL) {
			lr->line++;
			lr->start += (size_t)(nl - line) + 1;
			if (nl - line > LOGREAD_LINE_MAX) {
				logread_bad(lr);
				continue;
			}
			*nl = '\0';
			*len = (size_t)(nl - line);
			return line;
		}
		if (have > LOGREAD_LINE_MAX) {
			lr->line++;
			logread_bad(lr);
			switch (logread_skip(lr)) {
			case -1:
				*err = errno;
				return NULL;
			case 0:
				return NULL;
			}
			continue;
		}
		if (lr->eof) {
			if (have > 0) {		/* a torn last line */
				lr->line++;
				logread_bad(lr);
				lr->start = lr->len;
			}
			return NULL;
		}
		if (logread_fill(lr) != 0) {
			*err = errno;
			return NULL;
		}
	}
}

/* The next good record. */
int
logread_next(struct logread *lr, struct log_entry *e)
{
	char	*line;
	size_t	 len;
	int	 err = 0;

	if (lr->fd == -1)
		return 0;
	while ((line = logread_line(lr, &len, &err)) != NULL) {
		if (line[0] == '#' || len == 0)
			continue;
		if (logread_fields(line, len, e) != 0) {
			logread_bad(lr);
			continue;
		}
		e->line = lr->line;
		e->pos = lr->base + (line - lr->buf);
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
logread_at(struct logread *lr, long long pos, char *buf, struct log_entry *e)
{
	ssize_t	 n;
	char	*nl;

	do
		n = pread(lr->fd, buf, LOGREAD_LINE_MAX + 1, (off_t)pos);
	while (n == -1 && errno == EINTR);
	if (n <= 0 || (nl = memchr(buf, '\n', (size_t)n)) == NULL)
		return -1;
	*nl = '\0';
	if (logread_fields(buf, (size_t)(nl - buf), e) != 0)
		return -1;
	e->pos = pos;
	return 0;
}

/* Close the log; the counts stay for logread_warn. */
void
logread_close(struct logread *lr)
{
	if (lr->fd != -1)
		close(lr->fd);
	lr->fd = -1;
	free(lr->buf);
	lr->buf = NULL;
}

/* Warn once about the malformed lines skipped. */
void
logread_warn(const struct logread *lr, FILE *f)
{
	long	i, n;

	if (lr->bad == 0)
		return;
	n = lr->bad < LOGREAD_BAD_LINES ? lr->bad : LOGREAD_BAD_LINES;
	fprintf(f, "limber: warning: %s: skipped %ld malformed line%s (",
	    lr->path, lr->bad, lr->bad == 1 ? "" : "s");
	for (i = 0; i < n; i++)
		fprintf(f, "%s%ld", i == 0 ? "" : ", ", lr->bad_lines[i]);
	fprintf(f, "%s)\n", lr->bad > n ? ", ..." : "");
}
