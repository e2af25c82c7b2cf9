/*
 * libFuzzer target: hold logs, both ways. Each line of the input goes
 * through the record parser; good records go into the statistics and out
 * through both export formats. Then the whole input is read as a log file,
 * as `limber stats` and the History tab read one: the streaming reader, its
 * malformed line counts, and the recent holds' text read again by offset.
 * Last, the input's bytes are turned into records, which are formatted,
 * parsed back and streamed back from a log of them: each must read back
 * exactly as written, and only a start the log cannot write exactly (a
 * year past 9999, an old local mean time) may be refused.
 */
#define _GNU_SOURCE	/* memfd_create */
#include <sys/mman.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "limber/area.h"
#include "limber/export.h"
#include "limber/holdlog.h"
#include "limber/stats.h"
#include "limber/text.h"

#define FUZZ_RECORDS	32	/* records made from one input, at most */
#define FUZZ_TEXT	64	/* bytes of a text field, at most */

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* A file in memory, named by its /proc/self/fd path. */
struct memfile {
	int	fd;
	char	path[64];
};

/* The input, taken a few bytes at a time; zeros once it runs out. */
struct cursor {
	const uint8_t	*p;
	size_t		 left;
};

/* A record made from the input, with room for its text. */
struct made {
	struct holdlog_record	r;
	char			routine[FUZZ_TEXT + 1];
	char			step[FUZZ_TEXT + 1];
};

static const char *const zones[] = { "UTC", "Europe/Paris",
    "Asia/Kathmandu", "America/St_Johns" };

static FILE		*sink;
static struct memfile	 raw = { -1, "" }, made_log = { -1, "" };

/* Fill a memory file with size bytes of data. */
static const char *
memfile_set(struct memfile *m, const void *data, size_t size)
{
	if (m->fd == -1) {
		if ((m->fd = memfd_create("limber-log", 0)) == -1)
			abort();
		snprintf(m->path, sizeof m->path, "/proc/self/fd/%d", m->fd);
	}
	if (ftruncate(m->fd, 0) != 0 ||
	    pwrite(m->fd, data, size, 0) != (ssize_t)size)
		abort();
	return m->path;
}

/* Read the input as the log file /proc/self/fd/N, into fresh figures. */
static void
read_as_file(const uint8_t *data, size_t size)
{
	struct holdlog_reader	rd;
	struct stats		st;

	stats_init(&st, 20778, NULL, STATS_WANT_RECENT | STATS_WANT_TOP);
	stats_read(&st, &rd, memfile_set(&raw, data, size));
	holdlog_read_close(&rd);
	stats_done(&st);
}

/* Parse every line of the input, as the log reader would. */
static void
parse_lines(const uint8_t *data, size_t size)
{
	struct holdlog_entry	 e;
	struct stats		 st;
	char			*buf, *line, *nl;
	int			 first = 1;

	buf = malloc(size + 1);
	memcpy(buf, data, size);
	buf[size] = '\0';
	stats_init(&st, 20778, NULL, STATS_WANT_RECENT | STATS_WANT_TOP);
	export_begin(sink, EXPORT_JSON);
	for (line = buf; line != NULL; line = nl) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl++ = '\0';
		if (holdlog_read_parse(line, &e) != 0)
			continue;
		stats_add(&st, &e);
		export_record(sink, EXPORT_JSON, &e, first);
		export_record(sink, EXPORT_CSV, &e, 0);
		first = 0;
	}
	export_end(sink, EXPORT_JSON);
	stats_finish(&st);
	stats_done(&st);
	free(buf);
}

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

/* Text from the input: a length byte, then the bytes (a NUL as a tab). */
static const char *
take_text(struct cursor *c, char *buf)
{
	size_t	i, n = (size_t)take(c, 1);
	char	ch;

	if (n == 255)
		return NULL;
	n %= FUZZ_TEXT + 1;
	for (i = 0; i < n && c->left > 0; i++) {
		ch = (char)take(c, 1);
		buf[i] = ch == '\0' ? '\t' : ch;
	}
	buf[i] = '\0';
	return buf;
}

/* A record from the input: any start, any values the log has words for. */
static void
take_record(struct cursor *c, struct made *m)
{
	struct holdlog_record	*r = &m->r;
	uint64_t		 t = take(c, 5);

	memset(r, 0, sizeof *r);
	/* Half between 1970 and 2100; half from year 0 to past 30000. */
	if (t & 1)
		r->start = (time_t)((t >> 1) % 4102444800u);
	else
		r->start = (time_t)(t >> 1) * 2 - 62167219200;
	r->kind = (int)(take(c, 1) % 2);
	r->area = (int)(take(c, 1) % area_count);
	r->side = (int)(take(c, 1) % 3);
	r->outcome = (int)(take(c, 1) % 3);
	r->target = (int)(take(c, 4) & 0x7fffffff);
	r->held = (int)(take(c, 4) & 0x7fffffff);
	r->routine = take_text(c, m->routine);
	r->step = take_text(c, m->step);
}

/* Whether the log can write this start so that it reads back the same. */
static int
writable(time_t t)
{
	struct tm	tm;

	if (localtime_r(&t, &tm) == NULL)
		return 0;
	return tm.tm_year >= -1900 && tm.tm_year <= 9999 - 1900 &&
	    tm.tm_gmtoff % 60 == 0;
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

/* Whether entry e is record r, read back. */
static int
same_record(const struct holdlog_record *r, const struct holdlog_entry *e)
{
	return e->start == r->start && e->kind == r->kind &&
	    e->area == r->area && e->side == r->side &&
	    e->target == r->target && e->held == r->held &&
	    e->outcome == r->outcome && same_text(r->routine, e->routine) &&
	    same_text(r->step, e->step);
}

/* Format m, parse it back; its line is added to sb. 1 if written. */
static int
write_one(const struct made *m, struct strbuf *sb)
{
	struct holdlog_entry	 e;
	char			*line;
	size_t			 len;

	line = holdlog_format(&m->r);
	if ((line != NULL) != writable(m->r.start))
		abort();		/* written but not exact, or refused */
	if (line == NULL)
		return 0;
	sb_adds(sb, line);
	len = strlen(line);
	if (len == 0 || line[len - 1] != '\n' ||
	    memchr(line, '\n', len - 1) != NULL)
		abort();		/* not one line */
	line[len - 1] = '\0';
	if (holdlog_read_parse(line, &e) != 0 || !same_record(&m->r, &e))
		abort();
	free(line);
	return 1;
}

/* Stream the log of the records written back; all, in order, and no more. */
static void
read_back(const struct made *m, const int *written, int n, struct strbuf *sb)
{
	struct holdlog_reader	rd;
	struct holdlog_entry	e;
	int			i;

	if (holdlog_read_open(&rd, memfile_set(&made_log, sb->s, sb->len)) != 1)
		abort();
	for (i = 0; i < n; i++) {
		if (!written[i])
			continue;
		if (holdlog_read_next(&rd, &e) != 1 ||
		    !same_record(&m[i].r, &e))
			abort();
	}
	if (holdlog_read_next(&rd, &e) != 0 || rd.bad != 0)
		abort();
	holdlog_read_close(&rd);
}

/* Make records of the input's bytes and check that each reads back. */
static void
round_trip(const uint8_t *data, size_t size)
{
	static struct made	 m[FUZZ_RECORDS];
	struct cursor		 c = { data, size };
	struct strbuf		 sb;
	int			 written[FUZZ_RECORDS], n;
	const char		*zone = zones[take(&c, 1) % 4];

	if (strcmp(getenv("TZ") != NULL ? getenv("TZ") : "", zone) != 0) {
		setenv("TZ", zone, 1);
		tzset();
	}
	sb_init(&sb);
	sb_adds(&sb, HOLDLOG_HEADER "\n");
	for (n = 0; n < FUZZ_RECORDS && c.left > 0; n++) {
		take_record(&c, &m[n]);
		written[n] = write_one(&m[n], &sb);
	}
	read_back(m, written, n, &sb);
	sb_done(&sb);
}

/* Read the input every way the log is read, then write records of it. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (sink == NULL && (sink = fopen("/dev/null", "w")) == NULL)
		abort();
	parse_lines(data, size);
	read_as_file(data, size);
	round_trip(data, size);
	return 0;
}
