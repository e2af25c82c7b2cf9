/*
 * libFuzzer target: hold logs, read every way. Each line of the input goes
 * through the record parser; good records go into the statistics and out
 * through both export formats. Then the whole input is read as a log file,
 * as `limber stats` and the History tab read one: the streaming reader, its
 * malformed line counts, and the recent holds' text read again by offset.
 * (Records written and read back: fuzz-logwrite.c.)
 */
#define _GNU_SOURCE	/* memfd_create */
#include <sys/mman.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "limber/export.h"
#include "limber/holdlog.h"
#include "limber/stats.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* A file in memory, named by its /proc/self/fd path. */
struct memfile {
	int	fd;
	char	path[64];
};

static FILE		*sink;
static struct memfile	 raw = { -1, "" };

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

/* Read the input every way the log is read. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (sink == NULL && (sink = fopen("/dev/null", "w")) == NULL)
		abort();
	parse_lines(data, size);
	read_as_file(data, size);
	return 0;
}
