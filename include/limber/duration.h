/*
 * Durations as people write them: 30 (seconds), 30s, 1m30s, 1h, the same
 * with spaces and words in any case (30 sec, 1 Min 30 s, 2 minutes), and
 * clocks: 1:30 (m:ss), 1:02:03 (h:mm:ss).
 */
#ifndef LIMBER_DURATION_H
#define LIMBER_DURATION_H

#include <stddef.h>

#define DURATION_EXAMPLES	"30s, 1m30s, 1:30 or 2 min"	/* for messages */

enum duration_error {
	DURATION_OK = 0,
	DURATION_EMPTY,		/* "" */
	DURATION_NEGATIVE,	/* "-5s" */
	DURATION_SYNTAX,	/* "abc", "30ss", "1s1m", "1:3", "1:60" */
	DURATION_OVERFLOW,	/* more seconds than a long long holds */
};

/* Parse text into whole seconds; on error *secs is left alone. */
enum duration_error	 duration_parse(const char *text, long long *secs);
const char		*duration_strerror(enum duration_error);

/* "45s", "2m", "1m30s", "1h5m"; "0s" for zero. Returns buf. */
char	*duration_format(long long secs, char *buf, size_t size);
/* "0:45", "12:30", "1:02:03". Returns buf. */
char	*duration_clock(long long secs, char *buf, size_t size);

#endif
