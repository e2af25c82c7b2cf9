/* Writing log records as RFC 4180 CSV or as JSON. */
#include "limber/export.h"

#include <stdint.h>
#include <string.h>

#include "limber/area.h"
#include "limber/holdlog.h"
#include "limber/text.h"

/* The header row: the column names, in the order of both formats. */
static const char *const export_columns[] = { "start", "date", "routine",
    "step", "kind", "area", "side", "target", "held", "outcome" };
#define EXPORT_NCOLUMNS (sizeof export_columns / sizeof export_columns[0])

/* Short JSON escapes for the control characters that have one. */
static const struct {
	char		 c;
	const char	*esc;
} export_json_escapes[] = {
	{ '"', "\\\"" },
	{ '\\', "\\\\" },
	{ '\n', "\\n" },
	{ '\r', "\\r" },
	{ '\t', "\\t" },
	{ '\b', "\\b" },
	{ '\f', "\\f" },
};
#define EXPORT_NESCAPES \
	(sizeof export_json_escapes / sizeof export_json_escapes[0])

/* Whether cp is a control character other than tab: C0, DEL or C1. */
static int
export_control(uint32_t cp)
{
	return (cp < 0x20 && cp != '\t') || (cp >= 0x7f && cp < 0xa0);
}

/*
 * Write one CSV field, quoted when it holds a comma or a quote. CSV has no
 * escapes, so control characters (from a hand-edited log; limber never
 * writes them) and bytes that are not UTF-8 become U+FFFD: the output can
 * be shown on a terminal without moving its cursor or changing its title.
 */
void
export_csv_field(FILE *f, const char *s)
{
	size_t		len = strlen(s), i = 0, n;
	uint32_t	cp;
	int		quote = strpbrk(s, ",\"") != NULL;

	if (quote)
		putc('"', f);
	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_INVALID || export_control(cp))
			fputs("\xef\xbf\xbd", f);
		else if (cp == '"')
			fputs("\"\"", f);
		else
			fwrite(s + i, 1, n, f);
		i += n;
	}
	if (quote)
		putc('"', f);
}

/* Write one ASCII byte of a JSON string, escaped if it must be. */
static void
export_json_byte(FILE *f, unsigned char c)
{
	size_t	i;

	for (i = 0; i < EXPORT_NESCAPES; i++) {
		if (export_json_escapes[i].c == (char)c) {
			fputs(export_json_escapes[i].esc, f);
			return;
		}
	}
	if (c < 0x20 || c == 0x7f)
		fprintf(f, "\\u%04x", c);
	else
		putc(c, f);
}

/*
 * Write a quoted JSON string; bytes that are not UTF-8 become U+FFFD and
 * C1 controls are escaped like C0, since some terminals obey them.
 */
void
export_json_string(FILE *f, const char *s)
{
	size_t		len = strlen(s), i = 0, n;
	uint32_t	cp;

	putc('"', f);
	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_INVALID)
			fputs("\\ufffd", f);
		else if (cp < 0x80)
			export_json_byte(f, (unsigned char)cp);
		else if (export_control(cp))
			fprintf(f, "\\u%04x", (unsigned)cp);
		else
			fwrite(s + i, 1, n, f);
		i += n;
	}
	putc('"', f);
}

/* Write a JSON string, or null for the log's "-". */
static void
export_json_dash(FILE *f, const char *s)
{
	if (strcmp(s, "-") == 0)
		fputs("null", f);
	else
		export_json_string(f, s);
}

/* Start the output: CSV's header row, or JSON's opening bracket. */
void
export_begin(FILE *f, enum export_format fmt)
{
	size_t	i;

	if (fmt == EXPORT_JSON) {
		putc('[', f);
		return;
	}
	for (i = 0; i < EXPORT_NCOLUMNS; i++)
		fprintf(f, "%s%s", i == 0 ? "" : ",", export_columns[i]);
	fputs("\r\n", f);
}

/* Write one record as a CSV row. */
static void
export_csv_record(FILE *f, const struct holdlog_entry *e, const char *date)
{
	const char	*text[] = { e->stamp, date, e->routine, e->step,
	    holdlog_kind_word(e->kind), area_id(e->area),
	    holdlog_side_word(e->side) };
	size_t		 i;

	for (i = 0; i < sizeof text / sizeof text[0]; i++) {
		export_csv_field(f, text[i]);
		putc(',', f);
	}
	fprintf(f, "%d,%d,", e->target, e->held);
	export_csv_field(f, holdlog_outcome_word(e->outcome));
	fputs("\r\n", f);
}

/* Write "key": before a JSON value, with a comma unless it is the first. */
static void
export_json_key(FILE *f, size_t column)
{
	fprintf(f, "%s\"%s\":", column == 0 ? "" : ",",
	    export_columns[column]);
}

/* Write one record as a JSON object on one line. */
static void
export_json_record(FILE *f, const struct holdlog_entry *e, const char *date)
{
	putc('{', f);
	export_json_key(f, 0);
	export_json_string(f, e->stamp);
	export_json_key(f, 1);
	export_json_string(f, date);
	export_json_key(f, 2);
	export_json_dash(f, e->routine);
	export_json_key(f, 3);
	export_json_string(f, e->step);
	export_json_key(f, 4);
	export_json_string(f, holdlog_kind_word(e->kind));
	export_json_key(f, 5);
	export_json_string(f, area_id(e->area));
	export_json_key(f, 6);
	export_json_dash(f, holdlog_side_word(e->side));
	export_json_key(f, 7);
	fprintf(f, "%d", e->target);
	export_json_key(f, 8);
	fprintf(f, "%d", e->held);
	export_json_key(f, 9);
	export_json_string(f, holdlog_outcome_word(e->outcome));
	putc('}', f);
}

/* Write one record; first says whether it is the first of the output. */
void
export_record(FILE *f, enum export_format fmt, const struct holdlog_entry *e,
    int first)
{
	char	date[32];

	snprintf(date, sizeof date, "%04d-%02d-%02d", e->year, e->month,
	    e->day);
	if (fmt == EXPORT_CSV) {
		export_csv_record(f, e, date);
		return;
	}
	if (!first)
		fputs(",\n", f);
	export_json_record(f, e, date);
}

/* End the output: JSON's closing bracket; CSV rows end themselves. */
void
export_end(FILE *f, enum export_format fmt)
{
	if (fmt == EXPORT_JSON)
		fputs("]\n", f);
}
