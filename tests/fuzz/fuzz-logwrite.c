/*
 * libFuzzer target: the log writer against the reader. The input's bytes
 * become a time zone (a named one, or a POSIX TZ string with any offset up
 * to and past 24 hours, seconds and daylight saving rules included) and
 * records with any start, kind, area, side, outcome and numbers, and text
 * of hostile bytes. Each record is formatted. A record refused must be one
 * the log cannot hold (a year outside 0 to 9999, an offset past 23:59 or
 * not whole minutes, a line too long), with a message; a record written
 * must be one line that parses back, with LF or CRLF, to exactly what was
 * written: the same instant, offset, local date and numbers, and its text
 * with control bytes as spaces and empty text as "-". Last the records
 * written are streamed back from a log file of them, and read again by
 * their offsets.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "limber/area.h"
#include "limber/holdlog.h"
#include "limber/text.h"

#define FUZZ_RECORDS	16	/* records made from one input, at most */
#define FUZZ_TEXT	64	/* bytes of text taken from the input */
#define FUZZ_LONG	(HOLDLOG_LINE_MAX + 64)	/* text made long, at most */
#define FUZZ_STAMP	25	/* "2026-11-21T07:12:03+01:00" */

/* 10000-01-01 and 0000-01-01 at 00:00 UTC. */
#define FUZZ_Y10K	INT64_C(253402300800)
#define FUZZ_Y0		INT64_C(-62167219200)

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* The input, taken a few bytes at a time; zeros once it runs out. */
struct cursor {
	const uint8_t	*p;
	size_t		 left;
};

/* A record made from the input, with room for its text. */
struct made {
	struct holdlog_record	r;
	char			routine[FUZZ_LONG + 1];
	char			step[FUZZ_LONG + 1];
	int			written;
};

static const char *const zones[] = { "UTC", "Europe/Paris",
    "Asia/Kathmandu", "America/St_Johns", "Africa/Monrovia",
    "Pacific/Kiritimati", "Australia/Lord_Howe", "Europe/Amsterdam" };
#define NZONES	(sizeof zones / sizeof zones[0])

static struct made	 made[FUZZ_RECORDS];
static int		 log_fd = -1;
static char		 log_path[4096];

/* The next n bytes (at most 8) as a number, little end first. */
static uint64_t
take(struct cursor *c, size_t n)
{
	uint64_t	v = 0;
	size_t		i;

	for (i = 0; i < n && c->left > 0; i++, c->p++, c->left--)
		v |= (uint64_t)*c->p << (8 * i);
	return v;
}

/* A POSIX offset "-24:59:59" from the input, hours 0 to 25. */
static void
take_offset(struct cursor *c, struct strbuf *sb)
{
	unsigned	h = (unsigned)(take(c, 1) % 26);
	unsigned	m = (unsigned)(take(c, 1) % 60);
	unsigned	s = (unsigned)(take(c, 1) % 60);
	unsigned	form = (unsigned)take(c, 1);

	sb_addf(sb, "%s%u", form & 1 ? "-" : "+", h);
	if (form & 4)
		sb_addf(sb, ":%02u:%02u", m, s);
	else if (form & 2)
		sb_addf(sb, ":%02u", m);
}

/* A daylight saving rule ",M3.5.0/2,M10.5.0/3" from the input. */
static void
take_rule(struct cursor *c, struct strbuf *sb)
{
	int	i;

	for (i = 0; i < 2; i++)
		sb_addf(sb, ",M%u.%u.%u/%d", (unsigned)(take(c, 1) % 12 + 1),
		    (unsigned)(take(c, 1) % 5 + 1),
		    (unsigned)(take(c, 1) % 7),
		    (int)(take(c, 1) % 50) - 25);
}

/* A time zone: a named one, or a POSIX TZ string of the input's. */
static void
take_zone(struct cursor *c, struct strbuf *sb)
{
	unsigned	form = (unsigned)take(c, 1);

	if (form < 64) {
		sb_adds(sb, zones[form % NZONES]);
		return;
	}
	sb_adds(sb, "<FZA>");
	take_offset(c, sb);
	if (form & 1) {
		sb_adds(sb, "<FZB>");
		take_offset(c, sb);
		take_rule(c, sb);
	}
}

/* Set TZ, calling tzset only when it changes. */
static void
use_zone(const char *tz)
{
	const char	*now = getenv("TZ");

	if (now != NULL && strcmp(now, tz) == 0)
		return;
	if (setenv("TZ", tz, 1) != 0)
		abort();
	tzset();
}

/*
 * Text from the input: a length byte, then the bytes (a NUL as a tab).
 * Length 255 is NULL; a length with the top bit set repeats the text to
 * make it long.
 */
static const char *
take_text(struct cursor *c, char *buf)
{
	size_t	i, n = (size_t)take(c, 1), len, want;

	if (n == 255)
		return NULL;
	want = n & 0x80 ? (size_t)take(c, 2) % (FUZZ_LONG + 1) : 0;
	n = (n & 0x7f) % (FUZZ_TEXT + 1);
	for (i = 0; i < n && c->left > 0; i++) {
		buf[i] = (char)take(c, 1);
		if (buf[i] == '\0')
			buf[i] = '\t';
	}
	len = i;
	for (; len > 0 && i < want; i++)
		buf[i] = buf[i % len];
	buf[i] = '\0';
	return buf;
}

/* A start from the input: near now, any year, or near years 0 and 10000. */
static time_t
take_start(struct cursor *c)
{
	uint64_t	t = take(c, 5);
	int64_t		near = (int64_t)(t >> 2) % (3 * 86400) - 3 * 86400 / 2;

	switch (t & 3) {
	case 0:
		return (time_t)((t >> 2) % INT64_C(4102444800));
	case 1:
		return (time_t)((int64_t)(t >> 2) * 4 + FUZZ_Y0 - 86400);
	case 2:
		return (time_t)(FUZZ_Y10K + near);
	default:
		return (time_t)(FUZZ_Y0 + near);
	}
}

/* A record from the input: any values the log has words for. */
static void
take_record(struct cursor *c, struct made *m)
{
	struct holdlog_record	*r = &m->r;

	memset(r, 0, sizeof *r);
	r->start = take_start(c);
	r->kind = (int)(take(c, 1) % 2);
	r->area = (int)(take(c, 1) % area_count);
	r->side = (int)(take(c, 1) % 3);
	r->outcome = (int)(take(c, 1) % 3);
	r->target = (int)(take(c, 4) & 0x7fffffff);
	r->held = (int)(take(c, 4) & 0x7fffffff);
	r->routine = take_text(c, m->routine);
	r->step = take_text(c, m->step);
}

/* Whether the log can hold the local time of t, by the documented rules. */
static int
time_fits(time_t t)
{
	struct tm	tm;

	if (localtime_r(&t, &tm) == NULL)
		return 0;
	return tm.tm_year >= -1900 && tm.tm_year <= HOLDLOG_YEAR_MAX - 1900 &&
	    tm.tm_gmtoff % 60 == 0 && tm.tm_gmtoff >= -HOLDLOG_OFFSET_MAX &&
	    tm.tm_gmtoff <= HOLDLOG_OFFSET_MAX;
}

/* The bytes a text field takes in a line: "-" for none. */
static size_t
text_len(const char *s)
{
	return s == NULL || *s == '\0' ? 1 : strlen(s);
}

/* The decimal digits of n. */
static size_t
digits(int n)
{
	size_t	d = 1;

	for (; n >= 10; n /= 10)
		d++;
	return d;
}

/* The length of r's line without its newline, worked out by hand. */
static size_t
line_len(const struct holdlog_record *r)
{
	return FUZZ_STAMP + 8 + text_len(r->routine) + text_len(r->step) +
	    strlen(holdlog_kind_word(r->kind)) + strlen(area_id(r->area)) +
	    strlen(holdlog_side_word(r->side)) + digits(r->target) +
	    digits(r->held) + strlen(holdlog_outcome_word(r->outcome));
}

/* Whether text field s reads back as got: controls as spaces, "" as "-". */
static int
same_text(const char *s, const char *got)
{
	if (s == NULL || *s == '\0')
		return strcmp(got, "-") == 0;
	for (; *s != '\0'; s++, got++) {
		if (*got != ((unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s))
			return 0;
	}
	return *got == '\0';
}

/* Whether entry e is record r, read back: every field. */
static int
same_record(const struct holdlog_record *r, const struct holdlog_entry *e)
{
	struct tm	tm;

	if (localtime_r(&r->start, &tm) == NULL)
		return 0;
	return e->start == r->start && e->offset == tm.tm_gmtoff &&
	    e->year == tm.tm_year + 1900 && e->month == tm.tm_mon + 1 &&
	    e->day == tm.tm_mday && e->stamp_len == FUZZ_STAMP &&
	    e->kind == r->kind && e->area == r->area && e->side == r->side &&
	    e->target == r->target && e->held == r->held &&
	    e->outcome == r->outcome && same_text(r->routine, e->routine) &&
	    same_text(r->step, e->step) &&
	    e->routine_len == text_len(r->routine) &&
	    e->step_len == text_len(r->step);
}

/* Parse a copy of line (no newline), with end appended, as record r. */
static void
parse_back(const struct holdlog_record *r, const char *line, const char *end)
{
	struct holdlog_entry	 e;
	char			*copy;
	size_t			 len = strlen(line);

	copy = malloc(len + strlen(end) + 1);
	memcpy(copy, line, len);
	strcpy(copy + len, end);
	if (holdlog_read_parse(copy, &e) != 0 || !same_record(r, &e))
		abort();
	free(copy);
}

/* A refusal must be for a reason the rules give, and say so. */
static void
check_refusal(const struct holdlog_record *r, const char *err)
{
	if (err[0] == '\0')
		abort();
	if (time_fits(r->start) && line_len(r) <= HOLDLOG_LINE_MAX)
		abort();		/* the log could have held it */
}

/* Format m and parse it back; its line is added to sb. */
static void
write_one(struct made *m, struct strbuf *sb, int crlf)
{
	char	*line, err[512] = "";
	size_t	 len;

	line = holdlog_format_err(&m->r, err, sizeof err);
	if ((m->written = line != NULL) == 0) {
		check_refusal(&m->r, err);
		return;
	}
	len = strlen(line);
	if (!time_fits(m->r.start) || len != line_len(&m->r) + 1 ||
	    len - 1 > HOLDLOG_LINE_MAX || memchr(line, '\n', len - 1) != NULL ||
	    memchr(line, '\r', len) != NULL || line[len - 1] != '\n')
		abort();		/* written but not as the rules say */
	line[len - 1] = '\0';
	parse_back(&m->r, line, "");
	parse_back(&m->r, line, "\r");
	sb_adds(sb, line);
	sb_adds(sb, crlf ? "\r\n" : "\n");
	free(line);
}

/* Remove the log file at exit. */
static void
log_remove(void)
{
	unlink(log_path);
}

/*
 * The log of the records written, as a regular file in $TMPDIR (or /tmp)
 * by a real path: the reader refuses anything else, /proc/self/fd links to
 * a memfd included.
 */
static const char *
log_file(const struct strbuf *sb)
{
	const char	*tmp = getenv("TMPDIR");

	if (log_fd == -1) {
		snprintf(log_path, sizeof log_path, "%s/limber-fuzz-log.XXXXXX",
		    tmp != NULL && *tmp == '/' ? tmp : "/tmp");
		if ((log_fd = mkstemp(log_path)) == -1)
			abort();
		atexit(log_remove);
	}
	if (ftruncate(log_fd, 0) != 0 ||
	    pwrite(log_fd, sb->s, sb->len, 0) != (ssize_t)sb->len)
		abort();
	return log_path;
}

/* The next record streamed is m's, and reads the same again at its pos. */
static void
read_one(struct holdlog_reader *rd, const struct made *m, char *buf)
{
	struct holdlog_entry	e;

	if (holdlog_read_next(rd, &e) != 1 || !same_record(&m->r, &e))
		abort();
	if (holdlog_read_at(rd, e.pos, buf, &e) != 0 ||
	    !same_record(&m->r, &e))
		abort();
}

/* Stream the log back: every record written, in order, and no more. */
static void
read_back(int n, const struct strbuf *sb)
{
	struct holdlog_reader	 rd;
	struct holdlog_entry	 e;
	char			*buf = malloc(HOLDLOG_LINE_MAX + 2);
	int			 i;

	if (holdlog_read_open(&rd, log_file(sb)) != 1)
		abort();
	for (i = 0; i < n; i++) {
		if (made[i].written)
			read_one(&rd, &made[i], buf);
	}
	if (holdlog_read_next(&rd, &e) != 0 || rd.bad != 0)
		abort();
	holdlog_read_close(&rd);
	free(buf);
}

/* Make a zone and records of the input; each written must read back. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cursor	c = { data, size };
	struct strbuf	sb, zone;
	int		n, crlf = (int)(take(&c, 1) & 1);

	sb_init(&zone);
	take_zone(&c, &zone);
	use_zone(zone.s);
	sb_done(&zone);
	sb_init(&sb);
	sb_adds(&sb, HOLDLOG_HEADER);
	sb_adds(&sb, crlf ? "\r\n" : "\n");
	for (n = 0; n < FUZZ_RECORDS && c.left > 0; n++) {
		take_record(&c, &made[n]);
		write_one(&made[n], &sb, crlf);
	}
	read_back(n, &sb);
	sb_done(&sb);
	return 0;
}
