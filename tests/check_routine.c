/*
 * Tests for loading and checking routines: routine_load_buffer() and
 * routine_load(), every diagnostic with its position, the good forms
 * of YAML that must load, and the timing of steps.
 */
#define _POSIX_C_SOURCE 200809L

#include <check.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "limber/area.h"
#include "limber/diag.h"
#include "limber/routine.h"
#include "limber/text.h"

#ifndef LIMBER_TEST_DATA
#error "LIMBER_TEST_DATA must be defined"
#endif
#ifndef LIMBER_ROUTINES_DIR
#error "LIMBER_ROUTINES_DIR must be defined"
#endif

#define FILE_NAME	"test.yaml"

/*
 * A valid routine, one line per macro, so that cases can swap a line.
 * Value columns: id 1:5, name 2:7, areas 3:8 (first item 3:9),
 * steps value 5:3, step keys at column 5, step values at column 11.
 */
#define L_ID	"id: calves-post-run\n"		/* line 1 */
#define L_NAME	"name: Calves after a run\n"	/* line 2 */
#define L_AREAS	"areas: [calves]\n"		/* line 3 */
#define L_STEPS	"steps:\n"			/* line 4 */
#define S_NAME	"  - name: Wall calf stretch\n"	/* line 5 */
#define S_KIND	"    kind: stretch\n"		/* line 6 */
#define S_AREA	"    area: calves\n"		/* line 7 */
#define S_HOLD	"    hold: 30s\n"		/* line 8 */
#define HEAD	L_ID L_NAME L_AREAS
#define STEP	S_NAME S_KIND S_AREA S_HOLD
#define GOOD	HEAD L_STEPS STEP		/* 8 lines */

/* The same routine with CRLF line endings. */
#define GOOD_CRLF \
	"id: calves-post-run\r\n" \
	"name: Calves after a run\r\n" \
	"areas: [calves]\r\n" \
	"steps:\r\n" \
	"  - name: Wall calf stretch\r\n" \
	"    kind: stretch\r\n" \
	"    area: calves\r\n" \
	"    hold: 30s\r\n"

#define BOM	"\xEF\xBB\xBF"

/* 49 characters of a valid id alphabet. */
#define ID49	"abcdefghij" "abcdefghij" "abcdefghij" "abcdefghij" "abcdefghi"

/* ------------------------------------------------------------------ */
/* Helpers */

static int
contains_ci(const char *hay, const char *needle)
{
	size_t	i, j, hn, nn;

	if (hay == NULL || needle == NULL)
		return 0;
	hn = strlen(hay);
	nn = strlen(needle);
	if (nn == 0)
		return 1;
	for (i = 0; i + nn <= hn; i++) {
		for (j = 0; j < nn; j++) {
			int a = (unsigned char)hay[i + j];
			int b = (unsigned char)needle[j];

			if (a >= 'A' && a <= 'Z')
				a += 'a' - 'A';
			if (b >= 'A' && b <= 'Z')
				b += 'a' - 'A';
			if (a != b)
				break;
		}
		if (j == nn)
			return 1;
	}
	return 0;
}

/* Every diagnostic as "line:col: msg | ...", in a static buffer. */
static const char *
describe(const struct diag_list *dl)
{
	static char	buf[4096];
	size_t		i, used = 0;

	buf[0] = '\0';
	if (dl->n == 0) {
		snprintf(buf, sizeof buf, "(no diagnostics)");
		return buf;
	}
	for (i = 0; i < dl->n && used < sizeof buf - 1; i++) {
		int w = snprintf(buf + used, sizeof buf - used, "%s%d:%d: %s%s",
		    i > 0 ? " | " : "", dl->v[i].line, dl->v[i].col,
		    dl->v[i].level == DIAG_ERROR ? "error: " : "warning: ",
		    dl->v[i].msg != NULL ? dl->v[i].msg : "(null)");
		if (w < 0)
			break;
		used += (size_t)w;
	}
	return buf;
}

static struct routine *
load(const char *text, size_t len, struct diag_list *dl)
{
	return routine_load_buffer(FILE_NAME, text, len, dl);
}

static struct routine *
load_str(const char *text, struct diag_list *dl)
{
	return load(text, strlen(text), dl);
}

/* Load text that must be valid; fails the test otherwise. */
static struct routine *
load_good(const char *what, const char *text, size_t len,
    struct diag_list *dl)
{
	struct routine *r;

	r = load(text, len, dl);
	ck_assert_msg(r != NULL, "%s: refused: %s", what, describe(dl));
	ck_assert_msg(dl->n == 0 && dl->errors == 0,
	    "%s: loaded with diagnostics: %s", what, describe(dl));
	return r;
}

/* Every diagnostic of a refused file is an error, and counted. */
static void
check_all_errors(const char *what, const struct diag_list *dl)
{
	size_t i;

	ck_assert_msg(dl->errors == dl->n,
	    "%s: errors is %zu but %zu diagnostics: %s", what, dl->errors,
	    dl->n, describe(dl));
	ck_assert_msg(dl->warnings == 0, "%s: %zu warnings: %s", what,
	    dl->warnings, describe(dl));
	for (i = 0; i < dl->n; i++) {
		ck_assert_msg(dl->v[i].level == DIAG_ERROR,
		    "%s: diagnostic %zu is not an error: %s", what, i,
		    describe(dl));
		ck_assert_msg(dl->v[i].msg != NULL && dl->v[i].msg[0] != '\0',
		    "%s: diagnostic %zu has no message", what, i);
	}
}

/* A growing string for texts built in code. */
struct buf {
	char	*s;
	size_t	 len;
	size_t	 cap;
};

static void
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(b->s != NULL ? b->s + b->len : NULL,
		    b->s != NULL ? b->cap - b->len : 0, fmt, ap);
		va_end(ap);
		ck_assert_int_ge(n, 0);
		if (b->s != NULL && b->len + (size_t)n < b->cap) {
			b->len += (size_t)n;
			return;
		}
		b->cap = (b->cap + (size_t)n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		ck_assert_ptr_nonnull(b->s);
	}
}

/* Write len bytes to a new file in /tmp; returns its malloc'd path. */
static char *
write_temp(const char *data, size_t len)
{
	char	 tmpl[] = "/tmp/limber-check-routine-XXXXXX";
	char	*path;
	int	 fd;
	size_t	 off = 0;

	fd = mkstemp(tmpl);
	ck_assert_msg(fd != -1, "mkstemp failed");
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);

		ck_assert_msg(w > 0, "write to %s failed", tmpl);
		off += (size_t)w;
	}
	ck_assert_int_eq(close(fd), 0);
	path = malloc(sizeof tmpl);
	ck_assert_ptr_nonnull(path);
	memcpy(path, tmpl, sizeof tmpl);
	return path;
}

/* ------------------------------------------------------------------ */
/* Refused routines: the position and message of the first error. */

struct bad_case {
	const char	*name;
	const char	*yaml;
	size_t		 len;
	int		 line;
	int		 col;
	const char	*sub;	/* lowercase, must be in the message */
	const char	*sub2;	/* a second one, or NULL */
};

#define BAD(n, y, l, c, s)	{ n, y, sizeof(y) - 1, l, c, s, NULL }
#define BAD2(n, y, l, c, s, s2)	{ n, y, sizeof(y) - 1, l, c, s, s2 }

static const struct bad_case bad_cases[] = {
	/* The file as a whole. */
	BAD("empty file", "", 1, 1, "empty file"),
	BAD("only comments", "# nothing here\n# at all\n", 1, 1, "empty"),
	BAD("only blank lines", "\n\n   \n", 1, 1, "empty"),
	BAD("binary, NUL on line 1", "id: calves\0\0\0name", 1, 11, "binary"),
	BAD("binary, NUL on line 4", HEAD "\0" "steps:\n", 4, 1, "binary"),
	BAD("top-level list", "- id: x\n- name: y\n", 1, 1, "mapping"),
	BAD("top-level scalar", "just some text\n", 1, 1, "mapping"),
	BAD("top-level list after a comment", "# routine\n- a\n", 2, 1,
	    "mapping"),
	BAD("two documents", GOOD "---\nid: other\n", 9, 1, "document"),

	/* YAML-level problems. */
	BAD("tab indenting a step", HEAD L_STEPS "\t- name: A\n"
	    "    kind: stretch\n    area: calves\n    hold: 30s\n", 5, 1,
	    "tab"),
	BAD("tab indenting a step key", HEAD L_STEPS S_NAME "\t  kind: stretch\n"
	    S_AREA S_HOLD, 6, 1, "tab"),
	BAD("tab after spaces", HEAD L_STEPS S_NAME "  \t  kind: stretch\n"
	    S_AREA S_HOLD, 6, 3, "tab"),
	BAD("tab indenting a top-level key", L_ID "\tname: x\n" L_AREAS
	    L_STEPS STEP, 2, 1, "tab"),
	BAD("unterminated double quote", L_ID "name: \"Calves after a run\n"
	    L_AREAS L_STEPS STEP, 2, 7, "unterminated"),
	BAD("unterminated single quote", L_ID "name: 'Calves after a run\n"
	    L_AREAS L_STEPS STEP, 2, 7, "unterminated"),
	BAD("unterminated quote in a step", HEAD L_STEPS
	    "  - name: \"Wall calf stretch\n" S_KIND S_AREA S_HOLD, 5, 11,
	    "unterminated"),
	BAD("invalid UTF-8 0xff", L_ID "name: Caf\xff\n" L_AREAS L_STEPS STEP,
	    2, 10, "utf-8"),
	BAD("invalid UTF-8 after a multi-byte character",
	    L_ID "name: \xc3\x89tir\xff" "ement\n" L_AREAS L_STEPS STEP,
	    2, 11, "utf-8"),
	BAD("invalid UTF-8 lone continuation byte",
	    L_ID "name: ab\x80" "cd\n" L_AREAS L_STEPS STEP, 2, 9, "utf-8"),
	BAD("invalid UTF-8 in a step", HEAD L_STEPS STEP
	    "    cue: d\xc3\xa9j\xfe vu\n", 9, 13, "utf-8"),
	BAD("anchor", L_ID L_NAME "areas: &a [calves]\n" L_STEPS STEP, 3, 8,
	    "anchor"),
	BAD("anchor on a step", HEAD L_STEPS "  - &s name: A\n" S_KIND S_AREA
	    S_HOLD, 5, 5, "anchor"),
	BAD("alias", GOOD "tags: *a\n", 9, 7, "anchor"),
	BAD("tag", L_ID "name: !!str Calves\n" L_AREAS L_STEPS STEP, 2, 7,
	    "tag"),
	BAD("complex key, block", GOOD "? [a, b]\n: x\n", 9, 3, "key"),
	BAD("complex key, flow", "{[a]: b, id: x, name: X, areas: [calves], "
	    "steps: [{name: A, kind: stretch, area: calves, hold: 30s}]}\n",
	    1, 2, "key"),
	BAD("complex key in a step", HEAD L_STEPS STEP "    ? {a: b}\n"
	    "    : c\n", 9, 7, "key"),

	/* Routine keys. */
	BAD("unknown top-level key", GOOD "colour: red\n", 9, 1,
	    "unknown key 'colour'"),
	BAD2("unknown top-level key with a suggestion", GOOD "tag: [a]\n",
	    9, 1, "unknown key 'tag'", "did you mean 'tags'"),
	BAD("duplicate name", HEAD "name: Again\n" L_STEPS STEP, 4, 1,
	    "duplicate key"),
	BAD("duplicate id", L_ID "id: other\n" L_NAME L_AREAS L_STEPS STEP,
	    2, 1, "duplicate key"),
	BAD("missing name", L_ID L_AREAS L_STEPS STEP, 1, 1,
	    "missing required key 'name'"),
	BAD("missing id", L_NAME L_AREAS L_STEPS STEP, 1, 1,
	    "missing required key 'id'"),
	BAD("missing areas", L_ID L_NAME L_STEPS STEP, 1, 1,
	    "missing required key 'areas'"),
	BAD("missing steps", HEAD, 1, 1, "missing required key 'steps'"),
	BAD("missing name after comments", "# my routine\n\n" L_ID L_AREAS
	    L_STEPS STEP, 3, 1, "missing required key 'name'"),
	BAD("name with no value", L_ID "name:\n" L_AREAS L_STEPS STEP, 2, 1,
	    "name"),
	BAD("name null", L_ID "name: null\n" L_AREAS L_STEPS STEP, 2, 7,
	    "null"),
	BAD("name ~", L_ID "name: ~\n" L_AREAS L_STEPS STEP, 2, 7, "null"),
	BAD("name NULL", L_ID "name: NULL\n" L_AREAS L_STEPS STEP, 2, 7,
	    "null"),
	BAD("name empty double-quoted", L_ID "name: \"\"\n" L_AREAS L_STEPS
	    STEP, 2, 7, "empty"),
	BAD("name empty single-quoted", L_ID "name: ''\n" L_AREAS L_STEPS
	    STEP, 2, 7, "empty"),
	BAD("id with spaces", "id: calves post run\n" L_NAME L_AREAS L_STEPS
	    STEP, 1, 5, "id"),
	BAD("id with capitals", "id: Calves-Post-Run\n" L_NAME L_AREAS L_STEPS
	    STEP, 1, 5, "id"),
	BAD("id with an underscore", "id: calves_post_run\n" L_NAME L_AREAS
	    L_STEPS STEP, 1, 5, "id"),
	BAD("id of 49 characters", "id: " ID49 "\n" L_NAME L_AREAS L_STEPS
	    STEP, 1, 5, "id"),
	BAD("id null", "id: ~\n" L_NAME L_AREAS L_STEPS STEP, 1, 5, "null"),
	BAD("areas empty", L_ID L_NAME "areas: []\n" L_STEPS STEP, 3, 8,
	    "empty"),
	BAD("areas a scalar", L_ID L_NAME "areas: calves\n" L_STEPS STEP, 3, 8,
	    "list"),
	BAD2("areas unknown", L_ID L_NAME "areas: [calfs]\n" L_STEPS STEP, 3, 9,
	    "unknown area", "did you mean 'calves'"),
	BAD2("areas second unknown", L_ID L_NAME "areas: [calves, hamstrng]\n"
	    L_STEPS STEP, 3, 17, "unknown area", "did you mean 'hamstrings'"),
	BAD2("areas unknown, a common name mistyped", L_ID L_NAME
	    "areas: [Hip flexers]\n" L_STEPS STEP, 3, 9, "unknown area",
	    "did you mean 'hip-flexors'"),
	BAD2("areas unknown, no suggestion", L_ID L_NAME "areas: [elbow]\n"
	    L_STEPS STEP, 3, 9, "unknown area 'elbow'", "known areas: "
	    "hamstrings, hip-flexors"),
	BAD2("areas twice by two names", L_ID L_NAME "areas: [calves, Calf]\n"
	    L_STEPS STEP, 3, 17, "area 'calves'", "listed twice"),
	BAD("tags a scalar", GOOD "tags: post-run\n", 9, 7, "list"),
	BAD("steps a mapping", HEAD "steps: {a: 1}\n", 4, 8, "list"),
	BAD("steps a list of scalars", HEAD "steps: [a, b]\n", 4, 9, "mapping"),
	BAD("steps empty", HEAD "steps: []\n", 4, 8, "empty"),
	BAD("steps with no value", HEAD "steps:\n", 4, 1, "steps"),
	BAD("step a scalar", HEAD L_STEPS "  - just a name\n", 5, 5, "mapping"),

	/* Step keys. */
	BAD2("unknown step key", GOOD "    hodl: 30s\n", 9, 5,
	    "unknown key 'hodl'", "did you mean 'hold'"),
	BAD("duplicate step key", GOOD "    kind: roll\n", 9, 5,
	    "duplicate key"),
	BAD("step missing name", HEAD L_STEPS "  - kind: stretch\n" S_AREA S_HOLD,
	    5, 5, "missing required key 'name'"),
	BAD("step missing kind", HEAD L_STEPS S_NAME S_AREA S_HOLD, 5, 5,
	    "missing required key 'kind'"),
	BAD("step missing area", HEAD L_STEPS S_NAME S_KIND S_HOLD, 5, 5,
	    "missing required key 'area'"),
	BAD("step missing hold", HEAD L_STEPS S_NAME S_KIND S_AREA, 5, 5,
	    "missing required key 'hold'"),
	BAD("second step missing hold", GOOD "  - name: B\n    kind: roll\n"
	    "    area: calves\n", 9, 5, "missing required key 'hold'"),
	BAD("step name null", HEAD L_STEPS "  - name: ~\n" S_KIND S_AREA S_HOLD,
	    5, 11, "null"),
	BAD("step name empty", HEAD L_STEPS "  - name: \"\"\n" S_KIND S_AREA
	    S_HOLD, 5, 11, "empty"),
	BAD2("kind unknown", HEAD L_STEPS S_NAME "    kind: yoga\n" S_AREA
	    S_HOLD, 6, 11, "unknown kind 'yoga'", "expected stretch or roll)"),
	BAD2("kind mistyped", HEAD L_STEPS S_NAME "    kind: strech\n" S_AREA
	    S_HOLD, 6, 11, "unknown kind", "did you mean 'stretch'"),
	BAD2("kind mistyped as a phrase", HEAD L_STEPS S_NAME
	    "    kind: foam rolng\n" S_AREA S_HOLD, 6, 11, "unknown kind",
	    "did you mean 'roll'"),
	BAD("kind run together", HEAD L_STEPS S_NAME "    kind: foamroll\n"
	    S_AREA S_HOLD, 6, 11, "unknown kind"),
	BAD("kind null", HEAD L_STEPS S_NAME "    kind: null\n" S_AREA S_HOLD,
	    6, 11, "null"),
	BAD2("area unknown", HEAD L_STEPS S_NAME S_KIND "    area: calfs\n"
	    S_HOLD, 7, 11, "unknown area", "did you mean 'calves'"),
	BAD2("area a word short", HEAD L_STEPS S_NAME S_KIND
	    "    area: hip\n" S_HOLD, 7, 11, "unknown area 'hip'",
	    "did you mean 'hip-flexors'"),
	BAD2("sides unknown", GOOD "    sides: middle\n", 9, 12,
	    "unknown sides 'middle'", "expected both, none, left or right)"),
	BAD2("sides mistyped", GOOD "    sides: lfet\n", 9, 12,
	    "unknown sides", "did you mean 'left'"),
	BAD2("sides: left on an area without sides", HEAD L_STEPS S_NAME
	    S_KIND "    area: upper back\n" S_HOLD "    sides: left\n", 9, 12,
	    "sides: left on upper-back", "no left or right side"),
	BAD2("sides: Right before the area without sides", HEAD L_STEPS
	    S_NAME S_KIND "    sides: Right\n    area: lower-back\n" S_HOLD,
	    7, 12, "sides: right on lower-back", "use sides: none"),
	BAD("hold 0s", HEAD L_STEPS S_NAME S_KIND S_AREA "    hold: 0s\n",
	    8, 11, "out of range"),
	BAD("hold 4", HEAD L_STEPS S_NAME S_KIND S_AREA "    hold: 4\n",
	    8, 11, "out of range"),
	BAD("hold 10m1s", HEAD L_STEPS S_NAME S_KIND S_AREA "    hold: 10m1s\n",
	    8, 11, "out of range"),
	BAD("hold 10h", HEAD L_STEPS S_NAME S_KIND S_AREA "    hold: 10h\n",
	    8, 11, "out of range"),
	BAD("hold -5s", HEAD L_STEPS S_NAME S_KIND S_AREA "    hold: -5s\n",
	    8, 11, "negative"),
	BAD("hold abc", HEAD L_STEPS S_NAME S_KIND S_AREA "    hold: abc\n",
	    8, 11, "invalid duration"),
	BAD("hold 30ss", HEAD L_STEPS S_NAME S_KIND S_AREA "    hold: 30ss\n",
	    8, 11, "invalid duration"),
	BAD("hold 1s1m", HEAD L_STEPS S_NAME S_KIND S_AREA "    hold: 1s1m\n",
	    8, 11, "invalid duration"),
	BAD("hold 30.5", HEAD L_STEPS S_NAME S_KIND S_AREA "    hold: 30.5\n",
	    8, 11, "invalid duration"),
	BAD("hold huge", HEAD L_STEPS S_NAME S_KIND S_AREA
	    "    hold: 99999999999999999999999s\n", 8, 11, "too large"),
	BAD("hold huge without unit", HEAD L_STEPS S_NAME S_KIND S_AREA
	    "    hold: 99999999999999999999999\n", 8, 11, "too large"),
	BAD("hold null", HEAD L_STEPS S_NAME S_KIND S_AREA "    hold: ~\n",
	    8, 11, "null"),
	BAD("hold with no value", HEAD L_STEPS S_NAME S_KIND S_AREA
	    "    hold:\n", 8, 5, "hold"),
	BAD("reps 0", GOOD "    reps: 0\n", 9, 11, "out of range"),
	BAD("reps 11", GOOD "    reps: 11\n", 9, 11, "out of range"),
	BAD("reps 1000000", GOOD "    reps: 1000000\n", 9, 11, "out of range"),
	BAD("reps two", GOOD "    reps: two\n", 9, 11, "whole number"),
	BAD("reps 2.5", GOOD "    reps: 2.5\n", 9, 11, "whole number"),
	BAD("rest 5m1s", GOOD "    rest: 5m1s\n", 9, 11, "out of range"),
	BAD("rest 301", GOOD "    rest: 301\n", 9, 11, "out of range"),
	BAD("rest -1s", GOOD "    rest: -1s\n", 9, 11, "negative"),
	BAD("rest soon", GOOD "    rest: soon\n", 9, 11, "invalid duration"),

	/* Positions in unusual files. */
	BAD("error after a BOM", BOM "id: Calves\n" L_NAME L_AREAS L_STEPS STEP,
	    1, 5, "id"),
	BAD("missing key after a BOM", BOM L_NAME L_AREAS L_STEPS STEP, 1, 1,
	    "missing required key 'id'"),
	BAD("error in a CRLF file", GOOD_CRLF "colour: red\r\n", 9, 1,
	    "unknown key 'colour'"),
	BAD("bad value in a CRLF file", GOOD_CRLF "    reps: 0\r\n", 9, 11,
	    "out of range"),
	BAD2("column counts characters", HEAD
	    "steps: [{name: \xe8\x85\x93\xe8\x85\xb9\xe7\xad\x8b, kind: stretch, "
	    "area: calfs, hold: 30s}]\n", 4, 42, "unknown area",
	    "did you mean 'calves'"),
	/* A flow mapping starts at its brace. */
	BAD("flow step missing hold", HEAD
	    "steps: [{name: A, kind: stretch, area: calves}]\n", 4, 9,
	    "missing required key 'hold'"),
};

#define NBAD	(sizeof bad_cases / sizeof bad_cases[0])

START_TEST(test_bad_case)
{
	const struct bad_case	*c = &bad_cases[_i];
	struct diag_list	 dl;
	struct routine		*r;
	const struct diag	*d;

	diag_init(&dl);
	r = load(c->yaml, c->len, &dl);
	ck_assert_msg(r == NULL, "[%s] loaded, expected %d:%d: %s", c->name,
	    c->line, c->col, c->sub);
	ck_assert_msg(dl.n > 0 && dl.errors > 0,
	    "[%s] refused without an error, expected %d:%d: %s", c->name,
	    c->line, c->col, c->sub);
	check_all_errors(c->name, &dl);

	d = &dl.v[0];
	ck_assert_msg(d->line == c->line && d->col == c->col &&
	    contains_ci(d->msg, c->sub) &&
	    (c->sub2 == NULL || contains_ci(d->msg, c->sub2)),
	    "[%s] got %d:%d: %s; expected %d:%d: ...%s...%s%s (all: %s)",
	    c->name, d->line, d->col, d->msg, c->line, c->col, c->sub,
	    c->sub2 != NULL ? " ..." : "", c->sub2 != NULL ? c->sub2 : "",
	    describe(&dl));
	ck_assert_msg(d->file != NULL && strcmp(d->file, FILE_NAME) == 0,
	    "[%s] diagnostic names file '%s', expected '%s'", c->name,
	    d->file != NULL ? d->file : "(null)", FILE_NAME);
	diag_done(&dl);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Every problem in a file is reported. */

START_TEST(test_all_problems)
{
	static const char text[] =
	    "id: calves-post-run\n"		/* 1 */
	    "name: Calves after a run\n"	/* 2 */
	    "areas: [calves]\n"			/* 3 */
	    "colour: red\n"			/* 4: unknown key */
	    "steps:\n"				/* 5 */
	    "  - name: A\n"			/* 6 */
	    "    kind: stretch\n"		/* 7 */
	    "    area: calves\n"		/* 8 */
	    "    hold: 0s\n"			/* 9: bad hold */
	    "  - name: B\n"			/* 10 */
	    "    kind: stretch\n"		/* 11 */
	    "    area: calfs\n"			/* 12: unknown area */
	    "    hold: 30s\n";			/* 13 */
	static const struct {
		int		 line, col;
		const char	*sub;
	} want[] = {
		{ 4, 1, "unknown key 'colour'" },
		{ 9, 11, "out of range" },
		{ 12, 11, "unknown area" },
	};
	struct diag_list	dl;
	size_t			i;

	diag_init(&dl);
	ck_assert_ptr_null(load_str(text, &dl));
	check_all_errors("three problems", &dl);
	ck_assert_msg(dl.n == 3 && dl.errors == 3,
	    "expected 3 errors, got %zu: %s", dl.n, describe(&dl));
	for (i = 0; i < 3; i++)
		ck_assert_msg(dl.v[i].line == want[i].line &&
		    dl.v[i].col == want[i].col &&
		    contains_ci(dl.v[i].msg, want[i].sub),
		    "error %zu: got %d:%d: %s; expected %d:%d: ...%s... "
		    "(all: %s)", i + 1, dl.v[i].line, dl.v[i].col,
		    dl.v[i].msg, want[i].line, want[i].col, want[i].sub,
		    describe(&dl));
	diag_done(&dl);
}
END_TEST

/* A typo'd key replacing a required one gives both errors. */
START_TEST(test_typo_and_missing)
{
	static const char text[] = HEAD L_STEPS S_NAME S_KIND S_AREA
	    "    hodl: 30s\n";			/* line 8 */
	struct diag_list	dl;
	size_t			i;
	int			unknown = 0, missing = 0;

	diag_init(&dl);
	ck_assert_ptr_null(load_str(text, &dl));
	check_all_errors("hodl for hold", &dl);
	for (i = 0; i < dl.n; i++) {
		const struct diag *d = &dl.v[i];

		if (d->line == 8 && d->col == 5 &&
		    contains_ci(d->msg, "unknown key 'hodl'") &&
		    contains_ci(d->msg, "did you mean 'hold'"))
			unknown++;
		if (d->line == 5 && d->col == 5 &&
		    contains_ci(d->msg, "missing required key 'hold'"))
			missing++;
	}
	ck_assert_msg(unknown == 1 && missing == 1 && dl.n == 2,
	    "expected 8:5 unknown key 'hodl' (did you mean 'hold') and "
	    "5:5 missing required key 'hold'; got: %s", describe(&dl));
	diag_done(&dl);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Hostile input. */

START_TEST(test_alias_bomb)
{
	struct buf		b = { NULL, 0, 0 };
	struct diag_list	dl;
	int			lvl, k;

	buf_addf(&b, "a: &a [");
	for (k = 0; k < 9; k++)
		buf_addf(&b, "%s\"lol\"", k > 0 ? "," : "");
	buf_addf(&b, "]\n");
	for (lvl = 1; lvl < 9; lvl++) {
		buf_addf(&b, "%c: &%c [", 'a' + lvl, 'a' + lvl);
		for (k = 0; k < 9; k++)
			buf_addf(&b, "%s*%c", k > 0 ? "," : "", 'a' + lvl - 1);
		buf_addf(&b, "]\n");
	}

	diag_init(&dl);
	ck_assert_ptr_null(load(b.s, b.len, &dl));
	check_all_errors("alias bomb", &dl);
	ck_assert_msg(dl.n >= 1 && dl.v[0].line == 1 && dl.v[0].col == 4 &&
	    contains_ci(dl.v[0].msg, "anchor"),
	    "expected 1:4: ...anchor...; got %s", describe(&dl));
	diag_done(&dl);
	free(b.s);
}
END_TEST

START_TEST(test_deep_nesting)
{
	const size_t		 n = 20000;
	char			*text;
	struct diag_list	 dl;

	text = malloc(3 + n + 1);
	ck_assert_ptr_nonnull(text);
	memcpy(text, "a: ", 3);
	memset(text + 3, '[', n);
	text[3 + n] = '\n';

	diag_init(&dl);
	ck_assert_ptr_null(load(text, 3 + n + 1, &dl));
	check_all_errors("deep nesting", &dl);
	ck_assert_msg(dl.n >= 1 && dl.v[0].line == 1 &&
	    contains_ci(dl.v[0].msg, "deep"),
	    "expected 1:?: ...deep...; got %s", describe(&dl));
	diag_done(&dl);
	free(text);
}
END_TEST

/* Fill total bytes with prefix, then lines of YAML comments. */
static char *
padded(const char *prefix, size_t total)
{
	char	*b;
	size_t	 p = strlen(prefix);

	b = malloc(total);
	ck_assert_ptr_nonnull(b);
	ck_assert_uint_le(p, total);
	memcpy(b, prefix, p);
	while (p < total) {
		size_t end = p + 79, i;

		if (end >= total)
			end = total - 1;
		for (i = p; i < end; i++)
			b[i] = i == p ? '#' : 'x';
		b[end] = '\n';
		p = end + 1;
	}
	return b;
}

START_TEST(test_too_big)
{
	char			*text, *path;
	struct diag_list	 dl;

	text = padded("# a routine\n", 1024 * 1024 + 1);
	path = write_temp(text, 1024 * 1024 + 1);
	diag_init(&dl);
	ck_assert_ptr_null(routine_load(path, &dl));
	check_all_errors("too big", &dl);
	ck_assert_msg(dl.n == 1 && dl.v[0].line == 1 && dl.v[0].col == 1 &&
	    contains_ci(dl.v[0].msg, "1 mib"),
	    "expected 1:1: ...1 MiB...; got %s", describe(&dl));
	ck_assert_msg(dl.v[0].file != NULL &&
	    strcmp(dl.v[0].file, path) == 0,
	    "diagnostic names '%s', expected '%s'",
	    dl.v[0].file != NULL ? dl.v[0].file : "(null)", path);
	diag_done(&dl);
	unlink(path);
	free(path);
	free(text);
}
END_TEST

START_TEST(test_exactly_1mib)
{
	char			*text, *path;
	struct diag_list	 dl;
	struct routine		*r;

	text = padded(GOOD, 1024 * 1024);
	path = write_temp(text, 1024 * 1024);
	diag_init(&dl);
	r = routine_load(path, &dl);
	ck_assert_msg(r != NULL && dl.n == 0,
	    "a file of exactly 1 MiB refused: %s", describe(&dl));
	ck_assert_str_eq(r->id, "calves-post-run");
	routine_free(r);
	diag_done(&dl);
	unlink(path);
	free(path);
	free(text);
}
END_TEST

START_TEST(test_binary_file)
{
	static const char	 data[] = L_ID "name: Calves\0after\n";
	char			*path;
	struct diag_list	 dl;

	path = write_temp(data, sizeof data - 1);
	diag_init(&dl);
	ck_assert_ptr_null(routine_load(path, &dl));
	check_all_errors("binary file", &dl);
	ck_assert_msg(dl.n >= 1 && dl.v[0].line == 2 && dl.v[0].col == 13 &&
	    contains_ci(dl.v[0].msg, "binary"),
	    "expected 2:13: ...binary...; got %s", describe(&dl));
	diag_done(&dl);
	unlink(path);
	free(path);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Files. */

START_TEST(test_load_file)
{
	static const char	 data[] = GOOD;
	char			*path;
	struct diag_list	 dl;
	struct routine		*r;

	path = write_temp(data, sizeof data - 1);
	diag_init(&dl);
	r = routine_load(path, &dl);
	ck_assert_msg(r != NULL && dl.n == 0, "refused: %s", describe(&dl));
	ck_assert_str_eq(r->id, "calves-post-run");
	ck_assert_ptr_nonnull(r->path);
	ck_assert_str_eq(r->path, path);
	routine_free(r);
	diag_done(&dl);
	unlink(path);
	free(path);
}
END_TEST

START_TEST(test_load_file_errors_name_the_file)
{
	static const char	 data[] = GOOD "colour: red\n";
	char			*path;
	struct diag_list	 dl;

	path = write_temp(data, sizeof data - 1);
	diag_init(&dl);
	ck_assert_ptr_null(routine_load(path, &dl));
	check_all_errors("file with an unknown key", &dl);
	ck_assert_msg(dl.n == 1 && dl.v[0].line == 9 && dl.v[0].col == 1 &&
	    contains_ci(dl.v[0].msg, "unknown key 'colour'"),
	    "expected 9:1: unknown key 'colour'; got %s", describe(&dl));
	ck_assert_ptr_nonnull(dl.v[0].file);
	ck_assert_str_eq(dl.v[0].file, path);
	diag_done(&dl);
	unlink(path);
	free(path);
}
END_TEST

START_TEST(test_load_missing_file)
{
	struct diag_list dl;

	diag_init(&dl);
	ck_assert_ptr_null(routine_load(
	    "/nonexistent/limber/no-such-routine.yaml", &dl));
	check_all_errors("missing file", &dl);
	ck_assert_msg(dl.n == 1, "expected one error, got %s", describe(&dl));
	diag_done(&dl);
}
END_TEST

START_TEST(test_load_fixture)
{
	struct diag_list	 dl;
	struct routine		*r;
	const struct step	*s;

	diag_init(&dl);
	r = routine_load(LIMBER_TEST_DATA "/routine/calves.yaml", &dl);
	ck_assert_msg(r != NULL && dl.n == 0, "fixture refused: %s",
	    describe(&dl));
	ck_assert_str_eq(r->id, "calves-fixture");
	ck_assert_str_eq(r->name, "Calves, from a file");
	ck_assert_uint_eq(r->nareas, 2);
	ck_assert_int_eq(r->areas[0], area_find("calves"));
	ck_assert_int_eq(r->areas[1], area_find("feet"));
	ck_assert_uint_eq(r->ntags, 2);
	ck_assert_str_eq(r->tags[0], "post-run");
	ck_assert_str_eq(r->tags[1], "rest-day");
	ck_assert_uint_eq(r->nsteps, 2);
	s = &r->steps[0];
	ck_assert_str_eq(s->name, "Wall calf stretch");
	ck_assert_int_eq(s->kind, STEP_STRETCH);
	ck_assert_int_eq(s->area, area_find("calves"));
	ck_assert_int_eq(s->hold, 30);
	ck_assert_int_eq(s->both_sides, 1);
	ck_assert_int_eq(s->reps, 2);
	ck_assert_int_eq(s->rest, 10);
	ck_assert_ptr_nonnull(s->cue);
	ck_assert_str_eq(s->cue, "Back knee straight, heel down.");
	s = &r->steps[1];
	ck_assert_str_eq(s->name, "Roll the soles");
	ck_assert_int_eq(s->kind, STEP_ROLL);
	ck_assert_int_eq(s->area, area_find("feet"));
	ck_assert_int_eq(s->hold, 90);
	ck_assert_int_eq(s->both_sides, 1);
	ck_assert_int_eq(s->reps, 1);
	ck_assert_int_eq(s->rest, 0);
	ck_assert_ptr_null(s->cue);
	/* 150 + 90 + 90 */
	ck_assert_int_eq(routine_seconds(r), 330);
	routine_free(r);
	diag_done(&dl);
}
END_TEST

/* Every bundled routine loads without a diagnostic. */
START_TEST(test_bundled_routines)
{
	DIR		*dir;
	struct dirent	*de;

	dir = opendir(LIMBER_ROUTINES_DIR);
	if (dir == NULL)
		return;
	while ((de = readdir(dir)) != NULL) {
		size_t			 n = strlen(de->d_name);
		char			 path[4096];
		struct diag_list	 dl;
		struct routine		*r;

		if (n < 5 || strcmp(de->d_name + n - 5, ".yaml") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", LIMBER_ROUTINES_DIR,
		    de->d_name);
		diag_init(&dl);
		r = routine_load(path, &dl);
		ck_assert_msg(r != NULL && dl.n == 0, "%s: %s", path,
		    describe(&dl));
		routine_free(r);
		diag_done(&dl);
	}
	closedir(dir);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Good forms. */

START_TEST(test_good_minimal)
{
	static const char	 text[] = GOOD;
	struct diag_list	 dl;
	struct routine		*r;
	const struct step	*s;

	diag_init(&dl);
	r = load_good("minimal", text, sizeof text - 1, &dl);
	ck_assert_str_eq(r->id, "calves-post-run");
	ck_assert_str_eq(r->name, "Calves after a run");
	ck_assert_ptr_null(r->description);
	ck_assert_uint_eq(r->nareas, 1);
	ck_assert_int_eq(r->areas[0], area_find("calves"));
	ck_assert_uint_eq(r->ntags, 0);
	/* The position of the id's value. */
	ck_assert_int_eq(r->line, 1);
	ck_assert_int_eq(r->col, 5);
	ck_assert_uint_eq(r->nsteps, 1);
	s = &r->steps[0];
	ck_assert_str_eq(s->name, "Wall calf stretch");
	ck_assert_int_eq(s->kind, STEP_STRETCH);
	ck_assert_int_eq(s->area, area_find("calves"));
	ck_assert_int_eq(s->hold, 30);
	/* Defaults. */
	ck_assert_int_eq(s->reps, 1);
	ck_assert_int_eq(s->rest, 0);
	ck_assert_int_eq(s->both_sides, 0);
	ck_assert_ptr_null(s->cue);
	ck_assert_int_eq(s->line, 5);
	ck_assert_int_eq(step_holds(s), 1);
	ck_assert_int_eq(step_seconds(s), 30);
	ck_assert_int_eq(routine_seconds(r), 30);
	ck_assert_msg(r->path == NULL || strcmp(r->path, FILE_NAME) == 0,
	    "path is '%s'", r->path);
	routine_free(r);
	diag_done(&dl);
}
END_TEST

START_TEST(test_good_full)
{
	static const char text[] =
	    "id: calves-post-run\n"
	    "name: Calves after a run\n"
	    "areas: [calves, hamstrings]\n"
	    "description: Easy stretches after running.\n"
	    "tags: [post-run, rest-day]\n"
	    "steps:\n"
	    "  - name: Wall calf stretch\n"		/* line 7 */
	    "    kind: stretch\n"
	    "    area: calves\n"
	    "    hold: 30s\n"
	    "    sides: both\n"
	    "    reps: 2\n"
	    "    rest: 10s\n"
	    "    cue: Back knee straight.\n"
	    "  - name: Roll the hamstrings\n"	/* line 15 */
	    "    kind: roll\n"
	    "    area: hamstrings\n"
	    "    hold: 1m\n"
	    "    sides: none\n";
	struct diag_list	 dl;
	struct routine		*r;
	const struct step	*s;

	diag_init(&dl);
	r = load_good("full", text, sizeof text - 1, &dl);
	ck_assert_str_eq(r->description, "Easy stretches after running.");
	ck_assert_uint_eq(r->nareas, 2);
	ck_assert_int_eq(r->areas[1], area_find("hamstrings"));
	ck_assert_uint_eq(r->ntags, 2);
	ck_assert_str_eq(r->tags[0], "post-run");
	ck_assert_str_eq(r->tags[1], "rest-day");
	ck_assert(routine_has_tag(r, "rest-day"));
	ck_assert(!routine_has_tag(r, "desk"));
	ck_assert(routine_has_area(r, area_find("hamstrings")));
	ck_assert(!routine_has_area(r, area_find("neck")));
	ck_assert_uint_eq(r->nsteps, 2);
	s = &r->steps[0];
	ck_assert_int_eq(s->both_sides, 1);
	ck_assert_int_eq(s->reps, 2);
	ck_assert_int_eq(s->rest, 10);
	ck_assert_str_eq(s->cue, "Back knee straight.");
	ck_assert_int_eq(s->line, 7);
	s = &r->steps[1];
	ck_assert_str_eq(s->name, "Roll the hamstrings");
	ck_assert_int_eq(s->kind, STEP_ROLL);
	ck_assert_int_eq(s->area, area_find("hamstrings"));
	ck_assert_int_eq(s->hold, 60);
	ck_assert_int_eq(s->both_sides, 0);
	ck_assert_int_eq(s->line, 15);
	ck_assert_str_eq(step_kind_name(STEP_STRETCH), "stretch");
	ck_assert_str_eq(step_kind_name(STEP_ROLL), "roll");
	routine_free(r);
	diag_done(&dl);
}
END_TEST

static const struct {
	const char	*text;
	int		 secs;
} durations[] = {
	{ "30", 30 },
	{ "30s", 30 },
	{ "1m", 60 },
	{ "1m30s", 90 },
	{ "5", 5 },
	{ "5s", 5 },
	{ "10m", 600 },
	{ "600", 600 },
};

START_TEST(test_durations)
{
	char			 text[512];
	struct diag_list	 dl;
	struct routine		*r;

	snprintf(text, sizeof text, HEAD L_STEPS S_NAME S_KIND S_AREA
	    "    hold: %s\n", durations[_i].text);
	diag_init(&dl);
	r = load_good(durations[_i].text, text, strlen(text), &dl);
	ck_assert_msg(r->steps[0].hold == durations[_i].secs,
	    "hold: %s gave %d, expected %d", durations[_i].text,
	    r->steps[0].hold, durations[_i].secs);
	routine_free(r);
	diag_done(&dl);
}
END_TEST

START_TEST(test_rest_bounds)
{
	static const char text[] = GOOD "    rest: 0\n"
	    "  - name: B\n    kind: roll\n    area: calves\n    hold: 30\n"
	    "    rest: 5m\n    reps: 10\n";
	struct diag_list	 dl;
	struct routine		*r;

	diag_init(&dl);
	r = load_good("rest 0 and 5m, reps 10", text, sizeof text - 1, &dl);
	ck_assert_int_eq(r->steps[0].rest, 0);
	ck_assert_int_eq(r->steps[1].rest, 300);
	ck_assert_int_eq(r->steps[1].reps, 10);
	routine_free(r);
	diag_done(&dl);
}
END_TEST

START_TEST(test_good_bom)
{
	static const char	 text[] = BOM GOOD;
	struct diag_list	 dl;
	struct routine		*r;

	diag_init(&dl);
	r = load_good("BOM", text, sizeof text - 1, &dl);
	ck_assert_str_eq(r->id, "calves-post-run");
	/* The id's value; the BOM is not a column. */
	ck_assert_int_eq(r->line, 1);
	ck_assert_int_eq(r->col, 5);
	routine_free(r);
	diag_done(&dl);
}
END_TEST

START_TEST(test_good_crlf)
{
	static const char text[] = GOOD_CRLF
	    "    cue: |\r\n"
	    "      Line one\r\n"
	    "      Line two\r\n"
	    "description: >\r\n"
	    "  Folded over\r\n"
	    "  two lines.\r\n";
	struct diag_list	 dl;
	struct routine		*r;

	diag_init(&dl);
	r = load_good("CRLF", text, sizeof text - 1, &dl);
	ck_assert_str_eq(r->id, "calves-post-run");
	ck_assert_str_eq(r->name, "Calves after a run");
	ck_assert_str_eq(r->steps[0].name, "Wall calf stretch");
	ck_assert_int_eq(r->steps[0].hold, 30);
	ck_assert_int_eq(r->steps[0].line, 5);
	ck_assert_str_eq(r->steps[0].cue, "Line one\nLine two\n");
	ck_assert_str_eq(r->description, "Folded over two lines.\n");
	routine_free(r);
	diag_done(&dl);
}
END_TEST

START_TEST(test_good_flow)
{
	static const char text[] = HEAD
	    "steps: [{name: A, kind: stretch, area: calves, hold: 30s}]\n";
	static const char all[] =
	    "{id: flow, name: Flow style, areas: [calves, hamstrings],\n"
	    " steps: [{name: A, kind: stretch, area: calves, hold: 30s},\n"
	    "         {name: B, kind: roll, area: hamstrings, hold: 1m,\n"
	    "          sides: both, reps: 2, rest: 5s}]}\n";
	struct diag_list	 dl;
	struct routine		*r;

	diag_init(&dl);
	r = load_good("flow steps", text, sizeof text - 1, &dl);
	ck_assert_uint_eq(r->nsteps, 1);
	ck_assert_str_eq(r->steps[0].name, "A");
	ck_assert_int_eq(r->steps[0].kind, STEP_STRETCH);
	ck_assert_int_eq(r->steps[0].area, area_find("calves"));
	ck_assert_int_eq(r->steps[0].hold, 30);
	routine_free(r);
	diag_done(&dl);

	diag_init(&dl);
	r = load_good("flow document", all, sizeof all - 1, &dl);
	ck_assert_str_eq(r->id, "flow");
	ck_assert_str_eq(r->name, "Flow style");
	ck_assert_uint_eq(r->nareas, 2);
	ck_assert_uint_eq(r->nsteps, 2);
	ck_assert_str_eq(r->steps[1].name, "B");
	ck_assert_int_eq(r->steps[1].kind, STEP_ROLL);
	ck_assert_int_eq(r->steps[1].hold, 60);
	ck_assert_int_eq(r->steps[1].both_sides, 1);
	ck_assert_int_eq(r->steps[1].reps, 2);
	ck_assert_int_eq(r->steps[1].rest, 5);
	routine_free(r);
	diag_done(&dl);
}
END_TEST

START_TEST(test_good_comments)
{
	static const char text[] =
	    "# A routine with comments everywhere\n"
	    "\n"
	    "id: comments   # the id\n"
	    "# between keys\n"
	    "name: Commented  # trailing\n"
	    "areas:   # a list follows\n"
	    "  - calves   # first\n"
	    "  # between items\n"
	    "  - feet\n"
	    "tags: [a, # inside a flow list\n"
	    "       b]\n"
	    "steps:\n"
	    "  # before a step\n"
	    "  - name: A # the step's name\n"
	    "    # inside a step\n"
	    "    kind: stretch\n"
	    "    area: calves\n"
	    "    hold: 30s # thirty seconds\n"
	    "# before the end\n"
	    "   # indented, at the very end";
	struct diag_list	 dl;
	struct routine		*r;

	diag_init(&dl);
	r = load_good("comments", text, sizeof text - 1, &dl);
	ck_assert_str_eq(r->id, "comments");
	ck_assert_int_eq(r->line, 3);
	ck_assert_str_eq(r->name, "Commented");
	ck_assert_uint_eq(r->nareas, 2);
	ck_assert_int_eq(r->areas[1], area_find("feet"));
	ck_assert_uint_eq(r->ntags, 2);
	ck_assert_str_eq(r->tags[1], "b");
	ck_assert_uint_eq(r->nsteps, 1);
	ck_assert_str_eq(r->steps[0].name, "A");
	ck_assert_int_eq(r->steps[0].hold, 30);
	routine_free(r);
	diag_done(&dl);
}
END_TEST

START_TEST(test_good_explicit_document)
{
	static const char	 text[] = "---\n" GOOD "...\n";
	struct diag_list	 dl;
	struct routine		*r;

	diag_init(&dl);
	r = load_good("--- and ...", text, sizeof text - 1, &dl);
	ck_assert_str_eq(r->id, "calves-post-run");
	routine_free(r);
	diag_done(&dl);
}
END_TEST

START_TEST(test_good_strings)
{
	static const char text[] =
	    "id: strings\n"
	    "name: 'It''s a name'\n"
	    "areas: [calves]\n"
	    "description: |\n"
	    "  Line one\n"
	    "  Line two\n"
	    "steps:\n"
	    "  - name: \"Tab\\there \\u00e9\"\n"
	    "    kind: stretch\n"
	    "    area: calves\n"
	    "    hold: 30s\n"
	    "    cue: >\n"
	    "      Back knee straight,\n"
	    "      heel down.\n"
	    "  - name: A plain name\n"
	    "      carried over\n"
	    "    kind: stretch\n"
	    "    area: calves\n"
	    "    hold: \"45s\"\n"
	    "    cue: 'single # not a comment'\n";
	struct diag_list	 dl;
	struct routine		*r;
	const char		*cue;

	diag_init(&dl);
	r = load_good("strings", text, sizeof text - 1, &dl);
	ck_assert_str_eq(r->name, "It's a name");
	ck_assert_str_eq(r->description, "Line one\nLine two\n");
	ck_assert_str_eq(r->steps[0].name, "Tab\there \xc3\xa9");
	cue = r->steps[0].cue;
	ck_assert_ptr_nonnull(cue);
	ck_assert_msg(strncmp(cue, "Back knee straight, heel down.",
	    strlen("Back knee straight, heel down.")) == 0,
	    "folded cue is '%s'", cue);
	ck_assert_str_eq(cue, "Back knee straight, heel down.\n");
	ck_assert_str_eq(r->steps[1].name, "A plain name carried over");
	ck_assert_int_eq(r->steps[1].hold, 45);
	ck_assert_str_eq(r->steps[1].cue, "single # not a comment");
	routine_free(r);
	diag_done(&dl);
}
END_TEST

START_TEST(test_good_non_ascii)
{
	static const char text[] = L_ID
	    "name: \xc3\x89tirement des mollets \xe2\x80\x93 "
	    "\xe8\x85\x93\xe8\x85\xb9\xe7\xad\x8b\n"
	    L_AREAS L_STEPS
	    "  - name: \xe5\xa3\x81\xe3\x81\xa7\n"
	    S_KIND S_AREA S_HOLD
	    "    cue: Gen\xc3\xb9 dritto \xf0\x9f\x99\x82\n";
	struct diag_list	 dl;
	struct routine		*r;

	diag_init(&dl);
	r = load_good("non-ASCII", text, sizeof text - 1, &dl);
	ck_assert_str_eq(r->name, "\xc3\x89tirement des mollets \xe2\x80\x93 "
	    "\xe8\x85\x93\xe8\x85\xb9\xe7\xad\x8b");
	ck_assert_str_eq(r->steps[0].name, "\xe5\xa3\x81\xe3\x81\xa7");
	ck_assert_str_eq(r->steps[0].cue, "Gen\xc3\xb9 dritto \xf0\x9f\x99\x82");
	routine_free(r);
	diag_done(&dl);
}
END_TEST

/* A name of n code points of two, three and four bytes. */
static char *
long_name_routine(int n)
{
	static const char	*cps[] = { "\xc3\xa9", "\xe8\x85\x93",
				    "\xf0\x9f\x99\x82" };
	struct buf		 b = { NULL, 0, 0 };
	int			 i;

	buf_addf(&b, "%s", L_ID "name: ");
	for (i = 0; i < n; i++)
		buf_addf(&b, "%s", cps[i % 3]);
	buf_addf(&b, "%s", "\n" L_AREAS L_STEPS STEP);
	return b.s;
}

START_TEST(test_name_length)
{
	char			*text;
	struct diag_list	 dl;
	struct routine		*r;

	text = long_name_routine(ROUTINE_NAME_MAX);
	diag_init(&dl);
	r = load_good("name of 80 code points", text, strlen(text), &dl);
	ck_assert_uint_eq(utf8_count(r->name), 80);
	routine_free(r);
	diag_done(&dl);
	free(text);

	text = long_name_routine(ROUTINE_NAME_MAX + 1);
	diag_init(&dl);
	ck_assert_ptr_null(load_str(text, &dl));
	check_all_errors("name of 81 code points", &dl);
	ck_assert_msg(dl.n == 1 && dl.v[0].line == 2 && dl.v[0].col == 7 &&
	    contains_ci(dl.v[0].msg, "name"),
	    "name of 81 code points: expected 2:7: ...name...; got %s",
	    describe(&dl));
	diag_done(&dl);
	free(text);
}
END_TEST

START_TEST(test_id_length)
{
	static const char	 alpha[] = "abcdefghijklmnopqrstuvwxyz0123456789-";
	char			 id[64], text[512];
	struct diag_list	 dl;
	struct routine		*r;
	int			 i;

	for (i = 0; i < ROUTINE_ID_MAX + 1; i++)
		id[i] = alpha[i % (sizeof alpha - 1)];

	id[ROUTINE_ID_MAX] = '\0';
	snprintf(text, sizeof text, "id: %s\n" L_NAME L_AREAS L_STEPS STEP,
	    id);
	diag_init(&dl);
	r = load_good("id of 48 characters", text, strlen(text), &dl);
	ck_assert_str_eq(r->id, id);
	routine_free(r);
	diag_done(&dl);

	id[ROUTINE_ID_MAX] = 'x';
	id[ROUTINE_ID_MAX + 1] = '\0';
	snprintf(text, sizeof text, "id: %s\n" L_NAME L_AREAS L_STEPS STEP,
	    id);
	diag_init(&dl);
	ck_assert_ptr_null(load_str(text, &dl));
	check_all_errors("id of 49 characters", &dl);
	ck_assert_msg(dl.n == 1 && dl.v[0].line == 1 && dl.v[0].col == 5 &&
	    contains_ci(dl.v[0].msg, "id"),
	    "id of 49 characters: expected 1:5: ...id...; got %s",
	    describe(&dl));
	diag_done(&dl);

	diag_init(&dl);
	r = load_good("id of 1 character", "id: a\n" L_NAME L_AREAS L_STEPS STEP,
	    strlen("id: a\n" L_NAME L_AREAS L_STEPS STEP), &dl);
	ck_assert_str_eq(r->id, "a");
	routine_free(r);
	diag_done(&dl);
}
END_TEST

static char *
many_steps(int n)
{
	struct buf	b = { NULL, 0, 0 };
	int		i;

	buf_addf(&b, "%s", HEAD L_STEPS);
	for (i = 0; i < n; i++)
		buf_addf(&b, "  - name: Step %d\n    kind: stretch\n"
		    "    area: calves\n    hold: %ds\n", i + 1, 5 + i % 50);
	return b.s;
}

START_TEST(test_step_count)
{
	char			*text;
	struct diag_list	 dl;
	struct routine		*r;

	text = many_steps(ROUTINE_STEPS_MAX);
	diag_init(&dl);
	r = load_good("200 steps", text, strlen(text), &dl);
	ck_assert_uint_eq(r->nsteps, 200);
	ck_assert_str_eq(r->steps[199].name, "Step 200");
	ck_assert_int_eq(r->steps[199].hold, 5 + 199 % 50);
	ck_assert_int_eq(r->steps[199].line, 5 + 199 * 4);
	routine_free(r);
	diag_done(&dl);
	free(text);

	text = many_steps(ROUTINE_STEPS_MAX + 1);
	diag_init(&dl);
	ck_assert_ptr_null(load_str(text, &dl));
	check_all_errors("201 steps", &dl);
	/* At the steps list, or at the first step too many. */
	ck_assert_msg(dl.n == 1 &&
	    ((dl.v[0].line == 5 && dl.v[0].col == 3) ||
	    (dl.v[0].line == 5 + 200 * 4 && dl.v[0].col == 5)) &&
	    contains_ci(dl.v[0].msg, "step") &&
	    contains_ci(dl.v[0].msg, "200"),
	    "201 steps: expected 5:3 or 805:5: ...step...200...; got %s",
	    describe(&dl));
	diag_done(&dl);
	free(text);
}
END_TEST

START_TEST(test_control_characters)
{
	static const char text[] = L_ID
	    "name: \"Bell\\a and \\e[31mred\"\n"
	    L_AREAS L_STEPS STEP;
	struct diag_list	 dl;
	struct routine		*r;
	char			*safe;
	const unsigned char	*p;

	diag_init(&dl);
	r = load_good("control characters", text, sizeof text - 1, &dl);
	ck_assert_str_eq(r->name, "Bell\a and \x1b[31mred");
	ck_assert_ptr_nonnull(strchr(r->name, 0x07));
	ck_assert_ptr_nonnull(strchr(r->name, 0x1b));

	safe = text_sanitize(r->name, 0);
	ck_assert_ptr_nonnull(safe);
	for (p = (const unsigned char *)safe; *p != '\0'; p++)
		ck_assert_msg(*p >= 0x20, "sanitized name '%s' has byte 0x%02x",
		    safe, *p);
	ck_assert_msg(strstr(safe, "^G") != NULL, "no ^G in '%s'", safe);
	ck_assert_msg(strstr(safe, "^[") != NULL, "no ^[ in '%s'", safe);
	free(safe);
	routine_free(r);
	diag_done(&dl);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Timing. */

START_TEST(test_timing_by_hand)
{
	struct step s;

	memset(&s, 0, sizeof s);
	s.hold = 30;
	s.both_sides = 1;
	s.reps = 2;
	s.rest = 10;
	ck_assert_int_eq(step_holds(&s), 4);
	ck_assert_int_eq(step_seconds(&s), 4 * 30 + 3 * 10);

	s.both_sides = 0;
	s.reps = 1;
	ck_assert_int_eq(step_holds(&s), 1);
	ck_assert_int_eq(step_seconds(&s), 30);	/* no rest after the last */

	s.reps = 3;
	s.rest = 5;
	s.hold = 20;
	ck_assert_int_eq(step_holds(&s), 3);
	ck_assert_int_eq(step_seconds(&s), 3 * 20 + 2 * 5);
}
END_TEST

START_TEST(test_timing_loaded)
{
	static const char text[] = HEAD L_STEPS
	    "  - name: A\n    kind: stretch\n    area: calves\n"
	    "    hold: 30\n    sides: both\n    reps: 2\n    rest: 10\n"
	    "  - name: B\n    kind: roll\n    area: calves\n"
	    "    hold: 45s\n    rest: 10s\n"
	    "  - name: C\n    kind: stretch\n    area: calves\n"
	    "    hold: 20s\n    reps: 3\n    rest: 5s\n";
	struct diag_list	 dl;
	struct routine		*r;

	diag_init(&dl);
	r = load_good("timing", text, sizeof text - 1, &dl);
	ck_assert_uint_eq(r->nsteps, 3);
	ck_assert_int_eq(step_holds(&r->steps[0]), 4);
	ck_assert_int_eq(step_seconds(&r->steps[0]), 150);
	ck_assert_int_eq(step_holds(&r->steps[1]), 1);
	ck_assert_int_eq(step_seconds(&r->steps[1]), 45);
	ck_assert_int_eq(step_holds(&r->steps[2]), 3);
	ck_assert_int_eq(step_seconds(&r->steps[2]), 70);
	ck_assert_int_eq(routine_seconds(r), 150 + 45 + 70);
	ck_assert_uint_eq(routine_holds(r), 8);
	routine_free(r);
	diag_done(&dl);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Forgiving words: the same words as on the command line. */

static const struct {
	const char	*field;		/* the step line, without the indent */
	const char	*area;		/* the id it must give, or NULL */
	int		 kind;		/* the kind, or -1 */
	int		 hold;		/* seconds, or -1 */
} spellings[] = {
	{ "kind: Stretch", NULL, STEP_STRETCH, -1 },
	{ "kind: STRETCH", NULL, STEP_STRETCH, -1 },
	{ "kind: stretching", NULL, STEP_STRETCH, -1 },
	{ "kind: Stretches", NULL, STEP_STRETCH, -1 },
	{ "kind: roll", NULL, STEP_ROLL, -1 },
	{ "kind: Roll", NULL, STEP_ROLL, -1 },
	{ "kind: foam roll", NULL, STEP_ROLL, -1 },
	{ "kind: foam-roll", NULL, STEP_ROLL, -1 },
	{ "kind: Foam Rolling", NULL, STEP_ROLL, -1 },
	{ "kind: rolling", NULL, STEP_ROLL, -1 },
	{ "kind: foam_roller", NULL, STEP_ROLL, -1 },
	{ "area: Calves", "calves", -1, -1 },
	{ "area: calf", "calves", -1, -1 },
	{ "area: hamstring", "hamstrings", -1, -1 },
	{ "area: quad", "quads", -1, -1 },
	{ "area: quadriceps", "quads", -1, -1 },
	{ "area: glute", "glutes", -1, -1 },
	{ "area: hip flexors", "hip-flexors", -1, -1 },
	{ "area: Hip flexor", "hip-flexors", -1, -1 },
	{ "area: IT band", "it-band", -1, -1 },
	{ "area: ITB", "it-band", -1, -1 },
	{ "area: TFL", "it-band", -1, -1 },
	{ "area: foot", "feet", -1, -1 },
	{ "area: lat", "lats", -1, -1 },
	{ "area: adductor", "adductors", -1, -1 },
	{ "area: groin", "adductors", -1, -1 },
	{ "area: upper back", "upper-back", -1, -1 },
	{ "area: Lower Back", "lower-back", -1, -1 },
	{ "area: shoulder", "shoulders", -1, -1 },
	{ "hold: 30 seconds", NULL, -1, 30 },
	{ "hold: 30 sec", NULL, -1, 30 },
	{ "hold: 30 secs", NULL, -1, 30 },
	{ "hold: 30 s", NULL, -1, 30 },
	{ "hold: 30S", NULL, -1, 30 },
	{ "hold: 1 min", NULL, -1, 60 },
	{ "hold: 1 Min", NULL, -1, 60 },
	{ "hold: 2 mins", NULL, -1, 120 },
	{ "hold: 1 minute", NULL, -1, 60 },
	{ "hold: 2 minutes", NULL, -1, 120 },
	{ "hold: 1m 30s", NULL, -1, 90 },
	{ "hold: 1 min 30 s", NULL, -1, 90 },
	{ "hold: 1:30", NULL, -1, 90 },
	{ "hold: \"1:30\"", NULL, -1, 90 },
	{ "hold: 90 sec", NULL, -1, 90 },
};

/* A step written with one forgiving spelling loads as the canonical value. */
START_TEST(test_spelling)
{
	char			 text[512];
	struct diag_list	 dl;
	struct routine		*r;
	const struct step	*st;

	/* The step's line first, then the others it does not replace. */
	snprintf(text, sizeof text, HEAD L_STEPS "  - %s\n%s%s%s%s",
	    spellings[_i].field, "    name: Wall calf stretch\n",
	    strncmp(spellings[_i].field, "kind", 4) ? S_KIND : "",
	    strncmp(spellings[_i].field, "area", 4) ? S_AREA : "",
	    strncmp(spellings[_i].field, "hold", 4) ? S_HOLD : "");
	diag_init(&dl);
	r = load_good(spellings[_i].field, text, strlen(text), &dl);
	st = &r->steps[0];
	if (spellings[_i].area != NULL)
		ck_assert_str_eq(area_id(st->area), spellings[_i].area);
	if (spellings[_i].kind >= 0)
		ck_assert_int_eq(st->kind, spellings[_i].kind);
	if (spellings[_i].hold >= 0)
		ck_assert_int_eq(st->hold, spellings[_i].hold);
	routine_free(r);
	diag_done(&dl);
}
END_TEST

/* Common names in the routine's own list of areas. */
START_TEST(test_spelling_areas)
{
	static const char text[] = L_ID L_NAME
	    "areas: [Calf, IT band, groin, hip_flexors]\n" L_STEPS STEP;
	struct diag_list	 dl;
	struct routine		*r;

	diag_init(&dl);
	r = load_good("areas by common names", text, sizeof text - 1, &dl);
	ck_assert_uint_eq(r->nareas, 4);
	ck_assert_str_eq(area_id(r->areas[0]), "calves");
	ck_assert_str_eq(area_id(r->areas[1]), "it-band");
	ck_assert_str_eq(area_id(r->areas[2]), "adductors");
	ck_assert_str_eq(area_id(r->areas[3]), "hip-flexors");
	routine_free(r);
	diag_done(&dl);
}
END_TEST

static const struct {
	const char	*word;
	int		 both;
	int		 one;
} sides_words[] = {
	{ "both", 1, SIDES_NONE },
	{ "Both", 1, SIDES_NONE },
	{ "BOTH", 1, SIDES_NONE },
	{ "none", 0, SIDES_NONE },
	{ "None", 0, SIDES_NONE },
	{ "NONE", 0, SIDES_NONE },
	{ "left", 0, SIDES_LEFT },
	{ "Left", 0, SIDES_LEFT },
	{ "left only", 0, SIDES_LEFT },
	{ "right", 0, SIDES_RIGHT },
	{ "RIGHT", 0, SIDES_RIGHT },
};

/* sides: in any case, and one side only. */
START_TEST(test_sides_words)
{
	char			 text[512];
	struct diag_list	 dl;
	struct routine		*r;

	snprintf(text, sizeof text, GOOD "    sides: %s\n",
	    sides_words[_i].word);
	diag_init(&dl);
	r = load_good(sides_words[_i].word, text, strlen(text), &dl);
	ck_assert_int_eq(r->steps[0].both_sides, sides_words[_i].both);
	ck_assert_int_eq(r->steps[0].one_side, sides_words[_i].one);
	ck_assert_int_eq(step_holds(&r->steps[0]),
	    sides_words[_i].both ? 2 : 1);
	routine_free(r);
	diag_done(&dl);
}
END_TEST

/* The word lookups themselves, and their suggestions. */
START_TEST(test_word_lookups)
{
	ck_assert_int_eq(step_kind_lookup("stretch"), STEP_STRETCH);
	ck_assert_int_eq(step_kind_lookup("Foam rolling"), STEP_ROLL);
	ck_assert_int_eq(step_kind_lookup("yoga"), -1);
	ck_assert_int_eq(step_kind_lookup(""), -1);
	ck_assert_str_eq(step_kind_suggest("strech"), "stretch");
	ck_assert_str_eq(step_kind_suggest("rol"), "roll");
	ck_assert_ptr_null(step_kind_suggest("yoga"));
	ck_assert_int_eq(step_sides_lookup("left"), SIDES_LEFT);
	ck_assert_int_eq(step_sides_lookup("Right"), SIDES_RIGHT);
	ck_assert_int_eq(step_sides_lookup("both"), SIDES_BOTH);
	ck_assert_int_eq(step_sides_lookup("NONE"), SIDES_NONE);
	ck_assert_int_eq(step_sides_lookup("middle"), -1);
	ck_assert_int_eq(step_sides_lookup("l"), -1);
	ck_assert_str_eq(step_sides_suggest("rigth"), "right");
	ck_assert_ptr_null(step_sides_suggest("middle"));
	ck_assert_str_eq(step_sides_name(SIDES_NONE), "none");
	ck_assert_str_eq(step_sides_name(SIDES_LEFT), "left");
	ck_assert_str_eq(step_sides_name(SIDES_RIGHT), "right");
	ck_assert_str_eq(step_sides_name(SIDES_BOTH), "both");
}
END_TEST

/* A step on one side only: its holds, its time, and the routine's. */
START_TEST(test_one_side_timing)
{
	static const char text[] = L_ID L_NAME "areas: [calves]\n" L_STEPS
	    "  - name: Left calf\n    kind: stretch\n    area: calf\n"
	    "    hold: 30s\n    sides: left\n    reps: 3\n    rest: 10s\n"
	    "  - name: Both calves\n    kind: stretch\n    area: calves\n"
	    "    hold: 30s\n    sides: both\n    reps: 2\n    rest: 10s\n"
	    "  - name: Right calf\n    kind: roll\n    area: calves\n"
	    "    hold: 1m\n    sides: right\n";
	struct diag_list	 dl;
	struct routine		*r;

	diag_init(&dl);
	r = load_good("one side", text, sizeof text - 1, &dl);
	ck_assert_int_eq(r->steps[0].one_side, SIDES_LEFT);
	ck_assert_int_eq(r->steps[0].both_sides, 0);
	ck_assert_int_eq(step_holds(&r->steps[0]), 3);
	ck_assert_int_eq(step_seconds(&r->steps[0]), 3 * 30 + 2 * 10);
	ck_assert_int_eq(r->steps[1].one_side, SIDES_NONE);
	ck_assert_int_eq(step_holds(&r->steps[1]), 4);
	ck_assert_int_eq(r->steps[2].one_side, SIDES_RIGHT);
	ck_assert_int_eq(step_holds(&r->steps[2]), 1);
	ck_assert_int_eq(routine_seconds(r), 110 + (4 * 30 + 3 * 10) + 60);
	ck_assert_uint_eq(routine_holds(r), 3 + 4 + 1);
	routine_free(r);
	diag_done(&dl);
}
END_TEST

/* The dose warnings of a routine's text: count, then each message. */
static void
dose_is(const char *what, const char *text, size_t nwant, ...)
{
	struct diag_list	 dl;
	struct routine		*r;
	va_list			 ap;
	const char		*sub;
	size_t			 i, found;

	diag_init(&dl);
	r = load_good(what, text, strlen(text), &dl);
	routine_check_dose(r, &dl);
	va_start(ap, nwant);
	for (i = 0; i < nwant; i++) {
		sub = va_arg(ap, const char *);
		for (found = 0; found < dl.n; found++) {
			if (contains_ci(dl.v[found].msg, sub))
				break;
		}
		ck_assert_msg(found < dl.n, "%s: no warning with '%s': %s",
		    what, sub, describe(&dl));
	}
	va_end(ap);
	ck_assert_msg(dl.n == nwant && dl.warnings == nwant,
	    "%s: %zu diagnostics, expected %zu: %s", what, dl.n, nwant,
	    describe(&dl));
	routine_free(r);
	diag_done(&dl);
}

#define DOSE_STEP(n, sides, hold, reps) \
	"  - name: " n "\n    kind: stretch\n    area: calves\n" \
	"    hold: " hold "\n    sides: " sides "\n    reps: " reps "\n" \
	"    cue: Heel down.\n"

/* The per-side dose counts a one-sided step for its side alone. */
START_TEST(test_one_side_dose)
{
	dose_is("both, 60s a side", HEAD L_STEPS
	    DOSE_STEP("A", "both", "30s", "2"), 0);
	dose_is("both, 30s a side", HEAD L_STEPS
	    DOSE_STEP("A", "both", "30s", "1"), 1,
	    "calves get 30s of stretching per side");
	dose_is("none, 30s", HEAD L_STEPS
	    DOSE_STEP("A", "none", "30s", "1"), 1,
	    "calves get 30s of stretching per side");
	dose_is("left only, 60s", HEAD L_STEPS
	    DOSE_STEP("A", "left", "30s", "2"), 0);
	dose_is("left only, 30s", HEAD L_STEPS
	    DOSE_STEP("A", "left", "30s", "1"), 1,
	    "calves get 30s of stretching on the left; aim for at least 60s");
	dose_is("left 60s, right 30s", HEAD L_STEPS
	    DOSE_STEP("A", "left", "30s", "2") DOSE_STEP("B", "right", "30s",
	    "1"), 1, "calves get 30s of stretching on the right");
	dose_is("both 30s and left 30s", HEAD L_STEPS
	    DOSE_STEP("A", "both", "30s", "1") DOSE_STEP("B", "left", "30s",
	    "1"), 1, "calves get 30s of stretching on the right");
	dose_is("left 20s, right 40s", HEAD L_STEPS
	    DOSE_STEP("A", "left", "20s", "1") DOSE_STEP("B", "right", "40s",
	    "1"), 2, "20s of stretching on the left",
	    "40s of stretching on the right");
	dose_is("left and right 30s each", HEAD L_STEPS
	    DOSE_STEP("A", "left", "30s", "1") DOSE_STEP("B", "right", "30s",
	    "1"), 1, "calves get 30s of stretching per side");
}
END_TEST

/* ------------------------------------------------------------------ */

static Suite *
routine_suite(void)
{
	Suite	*s = suite_create("routine");
	TCase	*tc;

	tc = tcase_create("refused");
	tcase_set_timeout(tc, 10);
	tcase_add_loop_test(tc, test_bad_case, 0, (int)NBAD);
	tcase_add_test(tc, test_all_problems);
	tcase_add_test(tc, test_typo_and_missing);
	suite_add_tcase(s, tc);

	tc = tcase_create("hostile");
	tcase_set_timeout(tc, 10);
	tcase_add_test(tc, test_alias_bomb);
	tcase_add_test(tc, test_deep_nesting);
	tcase_add_test(tc, test_too_big);
	tcase_add_test(tc, test_exactly_1mib);
	tcase_add_test(tc, test_binary_file);
	suite_add_tcase(s, tc);

	tc = tcase_create("files");
	tcase_set_timeout(tc, 10);
	tcase_add_test(tc, test_load_file);
	tcase_add_test(tc, test_load_file_errors_name_the_file);
	tcase_add_test(tc, test_load_missing_file);
	tcase_add_test(tc, test_load_fixture);
	tcase_add_test(tc, test_bundled_routines);
	suite_add_tcase(s, tc);

	tc = tcase_create("good");
	tcase_set_timeout(tc, 10);
	tcase_add_test(tc, test_good_minimal);
	tcase_add_test(tc, test_good_full);
	tcase_add_loop_test(tc, test_durations, 0,
	    (int)(sizeof durations / sizeof durations[0]));
	tcase_add_test(tc, test_rest_bounds);
	tcase_add_test(tc, test_good_bom);
	tcase_add_test(tc, test_good_crlf);
	tcase_add_test(tc, test_good_flow);
	tcase_add_test(tc, test_good_comments);
	tcase_add_test(tc, test_good_explicit_document);
	tcase_add_test(tc, test_good_strings);
	tcase_add_test(tc, test_good_non_ascii);
	tcase_add_test(tc, test_name_length);
	tcase_add_test(tc, test_id_length);
	tcase_add_test(tc, test_step_count);
	tcase_add_test(tc, test_control_characters);
	suite_add_tcase(s, tc);

	tc = tcase_create("words");
	tcase_add_loop_test(tc, test_spelling, 0,
	    (int)(sizeof spellings / sizeof spellings[0]));
	tcase_add_test(tc, test_spelling_areas);
	tcase_add_loop_test(tc, test_sides_words, 0,
	    (int)(sizeof sides_words / sizeof sides_words[0]));
	tcase_add_test(tc, test_word_lookups);
	tcase_add_test(tc, test_one_side_timing);
	tcase_add_test(tc, test_one_side_dose);
	suite_add_tcase(s, tc);

	tc = tcase_create("timing");
	tcase_add_test(tc, test_timing_by_hand);
	tcase_add_test(tc, test_timing_loaded);
	suite_add_tcase(s, tc);

	return s;
}

int
main(void)
{
	SRunner	*sr;
	int	 failed;

	sr = srunner_create(routine_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
