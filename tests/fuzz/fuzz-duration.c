/* libFuzzer target: durations, dates on the command line, log timestamps. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "limber/day.h"
#include "limber/duration.h"
#include "limber/holdlog.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Parse the input as each kind of time, and format what parses. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct holdlog_entry	 e;
	long long		 secs;
	long			 day;
	char			*s, buf[64];

	s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	if (duration_parse(s, &secs) == DURATION_OK) {
		if (secs < 0)
			abort();
		duration_format(secs, buf, sizeof buf);
		duration_clock(secs, buf, sizeof buf);
	}
	if (day_parse(s, 20778, &day) == 0)
		day_format(day, buf, sizeof buf);
	holdlog_read_time(s, &e);
	free(s);
	return 0;
}
