/* Writing log records for other programs: RFC 4180 CSV and JSON. */
#ifndef LIMBER_EXPORT_H
#define LIMBER_EXPORT_H

#include <stdio.h>

#include "limber/holdlog.h"

enum export_format {
	EXPORT_CSV,
	EXPORT_JSON,
};

/*
 * Columns in both formats: start, date, routine, step, kind, area, side,
 * target, held, outcome. CSV quotes a field holding a comma, quote, CR or
 * LF, doubles its quotes, and ends rows with CRLF. JSON writes an array of
 * objects, "-" routine and side as null, numbers as numbers, and escapes
 * quotes, backslashes and control characters; bytes that are not UTF-8
 * become U+FFFD so the output is always valid JSON.
 */
void	export_begin(FILE *, enum export_format);
void	export_record(FILE *, enum export_format, const struct holdlog_entry *,
	    int first);
void	export_end(FILE *, enum export_format);

/* One field or string, for tests and for each other. */
void	export_csv_field(FILE *, const char *s);
void	export_json_string(FILE *, const char *s);

#endif
