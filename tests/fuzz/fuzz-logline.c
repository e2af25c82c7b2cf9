/*
 * libFuzzer target: hold logs. Each line of the input goes through the
 * record parser; good records go into the statistics and out through both
 * export formats. Then the whole input is read as a log file, as `limber
 * stats` and the History tab read one: the streaming reader, its malformed
 * line counts, and the recent holds' text read again by offset.
 */
#define _GNU_SOURCE	/* memfd_create */
#include <sys/mman.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "limber/export.h"
#include "limber/logread.h"
#include "limber/stats.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static FILE	*sink;
static int	 memfd = -1;
static char	 memfd_path[64];

/* Read the input as the log file /proc/self/fd/N, into fresh figures. */
static void
read_as_file(const uint8_t *data, size_t size)
{
	struct logread	lr;
	struct stats	st;

	if (memfd == -1) {
		if ((memfd = memfd_create("limber-log", 0)) == -1)
			abort();
		snprintf(memfd_path, sizeof memfd_path, "/proc/self/fd/%d",
		    memfd);
	}
	if (ftruncate(memfd, 0) != 0 ||
	    pwrite(memfd, data, size, 0) != (ssize_t)size)
		abort();
	stats_init(&st, 20778, NULL, STATS_WANT_RECENT | STATS_WANT_TOP);
	stats_read(&st, &lr, memfd_path);
	logread_close(&lr);
	stats_done(&st);
}

/* Parse every line of the input, as the log reader would. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct log_entry	 e;
	struct stats		 st;
	char			*buf, *line, *nl;
	int			 first = 1;

	if (sink == NULL && (sink = fopen("/dev/null", "w")) == NULL)
		abort();
	buf = malloc(size + 1);
	memcpy(buf, data, size);
	buf[size] = '\0';
	stats_init(&st, 20778, NULL, STATS_WANT_RECENT | STATS_WANT_TOP);
	export_begin(sink, EXPORT_JSON);
	for (line = buf; line != NULL; line = nl) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl++ = '\0';
		if (logread_parse(line, &e) != 0)
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
	read_as_file(data, size);
	return 0;
}
