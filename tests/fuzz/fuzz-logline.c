/*
 * libFuzzer target: hold log lines. Each line of the input goes through
 * the record parser; good records go into the statistics and out through
 * both export formats.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "limber/export.h"
#include "limber/logread.h"
#include "limber/stats.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static FILE	*sink;

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
	return 0;
}
