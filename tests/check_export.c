/* Tests for export.h: log records as RFC 4180 CSV and as JSON. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "limber/export.h"
#include "limber/holdlog.h"
#include "limber/xmalloc.h"

#define FFFD		"\xef\xbf\xbd"	/* U+FFFD REPLACEMENT CHARACTER */
#define CSV_HEADER \
	"start,date,routine,step,kind,area,side,target,held,outcome\r\n"

/* An output stream that collects into memory. */
struct capture {
	FILE	*f;
	char	*buf;
	size_t	 len;
};

/* Start collecting. */
static void
capture_open(struct capture *c)
{
	c->buf = NULL;
	c->len = 0;
	c->f = open_memstream(&c->buf, &c->len);
	ck_assert_ptr_nonnull(c->f);
}

/* Stop collecting and check that the output is exactly want. */
static void
capture_is(struct capture *c, const char *want)
{
	ck_assert_int_eq(fclose(c->f), 0);
	ck_assert_str_eq(c->buf, want);
	ck_assert_uint_eq(c->len, strlen(want));
	free(c->buf);
}

/* Check what export_csv_field writes for s. */
static void
csv_field_is(const char *s, const char *want)
{
	struct capture	c;

	capture_open(&c);
	export_csv_field(c.f, s);
	capture_is(&c, want);
}

/* Check what export_json_string writes for s. */
static void
json_string_is(const char *s, const char *want)
{
	struct capture	c;

	capture_open(&c);
	export_json_string(c.f, s);
	capture_is(&c, want);
}

/* A record parsed from a log line, as the commands get them. */
static struct holdlog_entry
entry(char *line)
{
	struct holdlog_entry	e;

	ck_assert_int_eq(holdlog_read_parse(line, &e), 0);
	return e;
}

/* Check the whole output for the records parsed from lines. */
static void
export_is(enum export_format fmt, const char *const *lines, size_t n,
    const char *want)
{
	struct capture		 c;
	struct holdlog_entry	 e;
	char			*copy;
	size_t			 i;

	capture_open(&c);
	export_begin(c.f, fmt);
	for (i = 0; i < n; i++) {
		copy = xstrdup(lines[i]);
		e = entry(copy);
		export_record(c.f, fmt, &e, i == 0);
		free(copy);
	}
	export_end(c.f, fmt);
	capture_is(&c, want);
}

static const char *const two[] = {
	"2026-11-21T07:12:03+01:00\tmorning\tWall calf\tstretch\tcalves\t"
	    "left\t30\t30\tdone",
	"2026-11-20T23:30:00-05:00\t-\tFoam roll\troll\tquads\t-\t60\t41\t"
	    "partial",
};

START_TEST(test_csv_plain)
{
	csv_field_is("Wall calf", "Wall calf");
	csv_field_is("", "");
	csv_field_is("caf\xc3\xa9 \xff", "caf\xc3\xa9 " FFFD);
	csv_field_is("tab\there", "tab\there");
}
END_TEST

/* Control characters never reach a terminal the CSV is shown on. */
START_TEST(test_csv_controls)
{
	csv_field_is("\x1b]0;title\a", FFFD "]0;title" FFFD);
	csv_field_is("line\rfeed", "line" FFFD "feed");
	csv_field_is("two\nlines", "two" FFFD "lines");
	csv_field_is("del\x7f c1\xc2\x9b" "2J", "del" FFFD " c1" FFFD "2J");
	csv_field_is("\xc2\xa0nbsp", "\xc2\xa0nbsp");
}
END_TEST

START_TEST(test_csv_quoting)
{
	csv_field_is("a,b", "\"a,b\"");
	csv_field_is("say \"hi\"", "\"say \"\"hi\"\"\"");
	csv_field_is("\"", "\"\"\"\"");
	csv_field_is(",", "\",\"");
}
END_TEST

START_TEST(test_csv_records)
{
	export_is(EXPORT_CSV, two, 2, CSV_HEADER
	    "2026-11-21T07:12:03+01:00,2026-11-21,morning,Wall calf,stretch,"
	    "calves,left,30,30,done\r\n"
	    "2026-11-20T23:30:00-05:00,2026-11-20,-,Foam roll,roll,quads,-,"
	    "60,41,partial\r\n");
}
END_TEST

START_TEST(test_csv_hostile)
{
	static const char *const one[] = {
		"2026-01-02T03:04:05Z\tr,1\tHe said \"go\", then\rstop\t"
		    "stretch\tneck\tright\t0\t0\tskipped",
	};

	export_is(EXPORT_CSV, one, 1, CSV_HEADER
	    "2026-01-02T03:04:05Z,2026-01-02,\"r,1\","
	    "\"He said \"\"go\"\", then" FFFD "stop\",stretch,neck,right,0,0,"
	    "skipped\r\n");
}
END_TEST

START_TEST(test_csv_empty)
{
	export_is(EXPORT_CSV, NULL, 0, CSV_HEADER);
}
END_TEST

START_TEST(test_json_escapes)
{
	json_string_is("plain", "\"plain\"");
	json_string_is("", "\"\"");
	json_string_is("q\"b\\s/", "\"q\\\"b\\\\s/\"");
	json_string_is("\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\"");
	json_string_is("\x01\x1b[31m\x1f", "\"\\u0001\\u001b[31m\\u001f\"");
	json_string_is("del\x7f", "\"del\\u007f\"");
	json_string_is("c1\xc2\x80\xc2\x9b" "2J\xc2\xa0",
	    "\"c1\\u0080\\u009b2J\xc2\xa0\"");
}
END_TEST

START_TEST(test_json_utf8)
{
	/* Good UTF-8 passes through as it is. */
	json_string_is("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\xa6\xb5",
	    "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\xa6\xb5\"");
	/* Latin-1, a stray continuation, a truncated sequence at the end. */
	json_string_is("caf\xe9", "\"caf\\ufffd\"");
	json_string_is("\x80x", "\"\\ufffdx\"");
	json_string_is("\xe2\x82", "\"\\ufffd\\ufffd\"");
	/* Overlong, a surrogate, beyond U+10FFFF. */
	json_string_is("\xc0\xaf", "\"\\ufffd\\ufffd\"");
	json_string_is("\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\"");
	json_string_is("\xf4\x90\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");
	json_string_is("\xff", "\"\\ufffd\"");
}
END_TEST

START_TEST(test_json_records)
{
	export_is(EXPORT_JSON, two, 2,
	    "[{\"start\":\"2026-11-21T07:12:03+01:00\",\"date\":\"2026-11-21\","
	    "\"routine\":\"morning\",\"step\":\"Wall calf\","
	    "\"kind\":\"stretch\",\"area\":\"calves\",\"side\":\"left\","
	    "\"target\":30,\"held\":30,\"outcome\":\"done\"},\n"
	    "{\"start\":\"2026-11-20T23:30:00-05:00\",\"date\":\"2026-11-20\","
	    "\"routine\":null,\"step\":\"Foam roll\",\"kind\":\"roll\","
	    "\"area\":\"quads\",\"side\":null,\"target\":60,\"held\":41,"
	    "\"outcome\":\"partial\"}]\n");
}
END_TEST

START_TEST(test_json_hostile)
{
	static const char *const one[] = {
		"2026-01-02T03:04:05Z\t\"q\"\tesc\x1b[2J\r\xc3\x28\\\tstretch\t"
		    "hip-flexors\t-\t5\t0\tskipped",
	};

	export_is(EXPORT_JSON, one, 1,
	    "[{\"start\":\"2026-01-02T03:04:05Z\",\"date\":\"2026-01-02\","
	    "\"routine\":\"\\\"q\\\"\","
	    "\"step\":\"esc\\u001b[2J\\r\\ufffd(\\\\\","
	    "\"kind\":\"stretch\",\"area\":\"hip-flexors\",\"side\":null,"
	    "\"target\":5,\"held\":0,\"outcome\":\"skipped\"}]\n");
}
END_TEST

START_TEST(test_json_empty)
{
	export_is(EXPORT_JSON, NULL, 0, "[]\n");
}
END_TEST

/* The suite, one case per format. */
static Suite *
export_suite(void)
{
	Suite	*s = suite_create("export");
	TCase	*tc;

	tc = tcase_create("csv");
	tcase_add_test(tc, test_csv_plain);
	tcase_add_test(tc, test_csv_controls);
	tcase_add_test(tc, test_csv_quoting);
	tcase_add_test(tc, test_csv_records);
	tcase_add_test(tc, test_csv_hostile);
	tcase_add_test(tc, test_csv_empty);
	suite_add_tcase(s, tc);

	tc = tcase_create("json");
	tcase_add_test(tc, test_json_escapes);
	tcase_add_test(tc, test_json_utf8);
	tcase_add_test(tc, test_json_records);
	tcase_add_test(tc, test_json_hostile);
	tcase_add_test(tc, test_json_empty);
	suite_add_tcase(s, tc);
	return s;
}

/* Run every test; the exit status says whether any failed. */
int
main(void)
{
	SRunner	*sr = srunner_create(export_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
