/* Tests for text.h (UTF-8, widths, sanitizing, wrapping, strbuf) and area.h. */
#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700	/* wcwidth() */

#include <check.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "limber/area.h"
#include "limber/text.h"

static void
decode_is(const char *s, size_t len, size_t want_used, uint32_t want_cp)
{
	uint32_t cp = 0x12345;
	size_t used = utf8_decode(s, len, &cp);

	ck_assert_msg(used == want_used,
	    "utf8_decode used %zu bytes, expected %zu (first byte 0x%02X)",
	    used, want_used, (unsigned)(unsigned char)s[0]);
	ck_assert_msg(cp == want_cp,
	    "utf8_decode gave 0x%X, expected 0x%X (first byte 0x%02X)",
	    (unsigned)cp, (unsigned)want_cp, (unsigned)(unsigned char)s[0]);
}

START_TEST(test_decode_valid)
{
	decode_is("A", 1, 1, 0x41);
	decode_is("\x7F", 1, 1, 0x7F);
	decode_is("\xC3\xA9", 2, 2, 0xE9);		/* é */
	decode_is("\xC2\x80", 2, 2, 0x80);		/* smallest 2-byte */
	decode_is("\xE2\x82\xAC", 3, 3, 0x20AC);	/* € */
	decode_is("\xE8\x85\x93", 3, 3, 0x8153);	/* 腓 */
	decode_is("\xEF\xBF\xBD", 3, 3, 0xFFFD);
	decode_is("\xF0\x9F\x98\x80", 4, 4, 0x1F600);	/* emoji */
	decode_is("\xF4\x8F\xBF\xBF", 4, 4, 0x10FFFF);	/* the last one */
	/* Only the first code point is decoded. */
	decode_is("ab", 2, 1, 'a');
	decode_is("\xC3\xA9" "b", 3, 2, 0xE9);
}
END_TEST

START_TEST(test_decode_invalid)
{
	decode_is("\x80", 1, 1, UTF8_INVALID);		/* lone continuation */
	decode_is("\xBF" "a", 2, 1, UTF8_INVALID);
	decode_is("\xC0\xAF", 2, 1, UTF8_INVALID);	/* overlong '/' */
	decode_is("\xC1\xBF", 2, 1, UTF8_INVALID);	/* overlong */
	decode_is("\xE0\x80\xAF", 3, 1, UTF8_INVALID);	/* overlong */
	decode_is("\xF0\x80\x80\xAF", 4, 1, UTF8_INVALID); /* overlong */
	decode_is("\xED\xA0\x80", 3, 1, UTF8_INVALID);	/* surrogate */
	decode_is("\xED\xBF\xBF", 3, 1, UTF8_INVALID);	/* surrogate */
	decode_is("\xE2\x82", 2, 1, UTF8_INVALID);	/* truncated */
	decode_is("\xF0\x9F\x98", 3, 1, UTF8_INVALID);	/* truncated */
	decode_is("\xC3", 1, 1, UTF8_INVALID);		/* truncated */
	decode_is("\xF4\x90\x80\x80", 4, 1, UTF8_INVALID); /* > U+10FFFF */
	decode_is("\xF5\x80\x80\x80", 4, 1, UTF8_INVALID);
	decode_is("\xFF", 1, 1, UTF8_INVALID);
	decode_is("\xFE", 1, 1, UTF8_INVALID);
	decode_is("\xC3" "A", 2, 1, UTF8_INVALID);	/* bad continuation */
	decode_is("\xE2" "a" "\xAC", 3, 1, UTF8_INVALID);
}
END_TEST

START_TEST(test_decode_honours_len)
{
	/* The bytes are there, but len says the sequence is cut short. */
	decode_is("\xE2\x82\xAC", 2, 1, UTF8_INVALID);
	decode_is("\xF0\x9F\x98\x80", 3, 1, UTF8_INVALID);
	decode_is("\xC3\xA9", 1, 1, UTF8_INVALID);
}
END_TEST

START_TEST(test_valid_and_count)
{
	static const char ok1[] = "h\xC3\xA9llo";
	static const char ok2[] = "\xE8\x85\x93\xE8\x85\xB9\xE7\xAD\x8B";
	static const char bad1[] = "\xFF";
	static const char bad2[] = "a\xC3";
	static const char bad3[] = "ok\xED\xA0\x80";

	ck_assert_int_ne(utf8_valid(ok1, sizeof ok1 - 1), 0);
	ck_assert_int_ne(utf8_valid(ok2, sizeof ok2 - 1), 0);
	ck_assert_int_ne(utf8_valid("", 0), 0);
	ck_assert_int_ne(utf8_valid("plain ascii", 11), 0);
	ck_assert_int_eq(utf8_valid(bad1, sizeof bad1 - 1), 0);
	ck_assert_int_eq(utf8_valid(bad2, sizeof bad2 - 1), 0);
	ck_assert_int_eq(utf8_valid(bad3, sizeof bad3 - 1), 0);
	/* len limits what is looked at. */
	ck_assert_int_eq(utf8_valid(ok2, 2), 0);
	ck_assert_int_ne(utf8_valid(ok2, 3), 0);

	ck_assert_uint_eq(utf8_count(""), 0);
	ck_assert_uint_eq(utf8_count("abc"), 3);
	ck_assert_uint_eq(utf8_count(ok1), 5);
	ck_assert_uint_eq(utf8_count(ok2), 3);
	ck_assert_uint_eq(utf8_count("\xF0\x9F\x98\x80" "a"), 2);
}
END_TEST

START_TEST(test_cp_width)
{
	ck_assert_int_eq(text_cp_width('a'), 1);
	ck_assert_int_eq(text_cp_width(' '), 1);
	ck_assert_int_eq(text_cp_width(0xE9), 1);	/* é */
	ck_assert_int_eq(text_cp_width(0x301), 0);	/* combining acute */
	ck_assert_int_eq(text_cp_width(0x4E2D), 2);	/* CJK */
	ck_assert_int_eq(text_cp_width(0xAC00), 2);	/* Hangul */
	ck_assert_int_eq(text_cp_width(0xFF21), 2);	/* fullwidth A */
	ck_assert_int_eq(text_cp_width(0x1F600), 2);	/* emoji */
}
END_TEST

/* The code points where limber's own table once disagreed with glibc. */
START_TEST(test_cp_width_glibc)
{
	static const struct {
		uint32_t	cp;
		int		width;
	} want[] = {
		{ 0x267F, 2 },	/* wheelchair */
		{ 0x2693, 2 },	/* anchor */
		{ 0x26CE, 2 },	/* Ophiuchus */
		{ 0x274E, 2 },	/* squared cross mark */
		{ 0x27BF, 2 },	/* double curly loop */
		{ 0x1F7F0, 2 },	/* heavy equals sign */
		{ 0x1F3FB, 2 },	/* skin tone, light */
		{ 0x1F3FF, 2 },	/* skin tone, dark */
		{ 0x4DC0, 2 },	/* Yijing hexagram, the creative */
		{ 0x093E, 1 },	/* Devanagari vowel sign aa */
		{ 0x093F, 1 },	/* Devanagari vowel sign i */
		{ 0x0947, 0 },	/* Devanagari vowel sign e */
		{ 0x094D, 0 },	/* Devanagari virama */
	};
	size_t	i;

	for (i = 0; i < sizeof want / sizeof want[0]; i++)
		ck_assert_msg(text_cp_width(want[i].cp) == want[i].width,
		    "U+%04X is %d columns, expected %d", (unsigned)want[i].cp,
		    text_cp_width(want[i].cp), want[i].width);
	/* "Namaste" and a thumbs-up with a skin tone. */
	ck_assert_uint_eq(text_width("\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8"
	    "\xE0\xA5\x8D\xE0\xA4\xA4\xE0\xA5\x87"), 4);
	ck_assert_uint_eq(text_width("\xE0\xA4\xA8\xE0\xA4\xBE"), 2);
	ck_assert_uint_eq(text_width("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"), 4);
}
END_TEST

/* Over every code point, widths are wcwidth()'s, 1 where it has none. */
START_TEST(test_cp_width_every)
{
	uint32_t	cp;
	int		w, bad = 0;

	for (cp = 1; cp <= 0x10FFFF; cp++) {
		w = wcwidth((wchar_t)cp);
		if (w < 0)
			w = 1;
		if (text_cp_width(cp) != w && bad++ < 10)
			fprintf(stderr, "U+%04X: %d columns, wcwidth says %d\n",
			    (unsigned)cp, text_cp_width(cp), w);
	}
	ck_assert_msg(bad == 0, "%d code points differ from wcwidth()", bad);
	ck_assert_int_eq(text_cp_width(0), 0);
	ck_assert_int_eq(text_cp_width(UTF8_INVALID), 1);
}
END_TEST

/* Outside a UTF-8 locale, curses has no width for non-ASCII: one column. */
START_TEST(test_cp_width_c_locale)
{
	ck_assert_ptr_nonnull(setlocale(LC_CTYPE, "C"));
	ck_assert_int_eq(text_cp_width('a'), 1);
	ck_assert_int_eq(text_cp_width(0x4E2D), 1);
	ck_assert_uint_eq(text_width("a\xE4\xB8\xAD" "b"), 3);
	ck_assert_ptr_nonnull(setlocale(LC_CTYPE, "C.UTF-8"));
	ck_assert_int_eq(text_cp_width(0x4E2D), 2);
}
END_TEST

START_TEST(test_text_width)
{
	ck_assert_uint_eq(text_width(""), 0);
	ck_assert_uint_eq(text_width("abc"), 3);
	ck_assert_uint_eq(text_width("\xE8\x85\x93\xE8\x85\xB9\xE7\xAD\x8B"),
	    6);
	ck_assert_uint_eq(text_width("e\xCC\x81"), 1);
	ck_assert_uint_eq(text_width("\xC3\x89tirement"), 9);
	ck_assert_uint_eq(text_width("a\xF0\x9F\x98\x80" "b"), 4);
}
END_TEST

/* text_sanitize(in, keep) must give want exactly. */
static void
sanitize_is(const char *in, int keep, const char *want)
{
	char *got = text_sanitize(in, keep);

	ck_assert_ptr_nonnull(got);
	ck_assert_msg(strcmp(got, want) == 0,
	    "text_sanitize(keep_newlines=%d) gave \"%s\", expected \"%s\"",
	    keep, got, want);
	free(got);
}

START_TEST(test_sanitize_controls)
{
	sanitize_is("a\x1b[31mb", 1, "a^[[31mb");
	sanitize_is("\x1b", 0, "^[");
	sanitize_is("ding\x07", 1, "ding^G");
	sanitize_is("a\rb", 1, "a^Mb");
	sanitize_is("\x7f", 1, "^?");
	sanitize_is("\x01", 1, "^A");
	sanitize_is("x\x1fy", 1, "x^_y");
	sanitize_is("\x08", 0, "^H");
}
END_TEST

START_TEST(test_sanitize_tabs_newlines)
{
	sanitize_is("a\tb", 1, "a b");
	sanitize_is("a\tb", 0, "a b");
	sanitize_is("a\nb", 1, "a\nb");
	sanitize_is("a\nb", 0, "a^Jb");
}
END_TEST

START_TEST(test_sanitize_unicode)
{
	sanitize_is("\xC2\x9B", 1, "<U+009B>");			/* CSI */
	sanitize_is("x\xC2\x85y", 1, "x<U+0085>y");		/* NEL */
	sanitize_is("abc\xE2\x80\xAE" "def", 1, "abc<U+202E>def");
	sanitize_is("\xFF", 1, "<FF>");
	sanitize_is("a\xFF" "b", 1, "a<FF>b");
	sanitize_is("\xE2\x82", 1, "<E2><82>");
	sanitize_is("\xC3\x89tirement \xE8\x85\x93\xE8\x85\xB9\xE7\xAD\x8B",
	    1, "\xC3\x89tirement \xE8\x85\x93\xE8\x85\xB9\xE7\xAD\x8B");
	sanitize_is("e\xCC\x81 \xF0\x9F\x98\x80", 0,
	    "e\xCC\x81 \xF0\x9F\x98\x80");
	sanitize_is("", 1, "");
	sanitize_is("plain text, nothing to do.", 0,
	    "plain text, nothing to do.");
}
END_TEST

/* The output of text_sanitize is inert whatever goes in. */
static void
check_inert(const char *in, int keep)
{
	char *out = text_sanitize(in, keep);
	size_t i, len, used;
	uint32_t cp;

	ck_assert_ptr_nonnull(out);
	len = strlen(out);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)out[i];

		if (c == '\n' && keep)
			continue;
		ck_assert_msg(c >= 0x20 && c != 0x7f,
		    "text_sanitize left byte 0x%02X in its output", c);
	}
	ck_assert_msg(utf8_valid(out, len), "text_sanitize output is not "
	    "valid UTF-8");
	for (i = 0; i < len; i += used) {
		used = utf8_decode(out + i, len - i, &cp);
		ck_assert_msg(!(cp >= 0x80 && cp <= 0x9F),
		    "text_sanitize left C1 control U+%04X", (unsigned)cp);
		ck_assert_msg(cp != 0x202E && cp != 0x202D,
		    "text_sanitize left bidi override U+%04X", (unsigned)cp);
	}
	free(out);
}

START_TEST(test_sanitize_inert)
{
	char buf[64];
	unsigned long seed = 12345;
	int c, round, k;
	size_t i;

	/* Every single byte. */
	for (c = 1; c < 256; c++) {
		buf[0] = (char)c;
		buf[1] = '\0';
		check_inert(buf, 0);
		check_inert(buf, 1);
	}
	/* Every two-byte sequence led by 0xC2, the C1 controls among them. */
	for (c = 0x80; c < 0xC0; c++) {
		buf[0] = (char)0xC2;
		buf[1] = (char)c;
		buf[2] = '\0';
		check_inert(buf, 0);
	}
	/* Pseudo-random junk. */
	for (round = 0; round < 2000; round++) {
		size_t n = 1 + (size_t)(round % 40);

		for (i = 0; i < n; i++) {
			do {
				seed = seed * 1103515245UL + 12345UL;
				buf[i] = (char)((seed >> 16) & 0xFF);
			} while (buf[i] == '\0');
		}
		buf[n] = '\0';
		for (k = 0; k < 2; k++)
			check_inert(buf, k);
	}
}
END_TEST

/* Outside a UTF-8 locale, every byte out is printable ASCII. */
START_TEST(test_sanitize_ascii)
{
	char buf[64], *out;
	unsigned long seed = 99;
	size_t i, n;
	int round;

	text_set_utf8(0);
	sanitize_is("Quote \xE2\x9D\x9B it", 0, "Quote ? it");
	sanitize_is("\xC3\x89tirement \xE8\x85\x93", 0, "?tirement ?");
	sanitize_is("\xC2\x9B\x1b[2J\xFF", 0, "<U+009B>^[[2J<FF>");
	sanitize_is("abc\xE2\x80\xAE", 0, "abc<U+202E>");
	for (round = 0; round < 2000; round++) {
		n = 1 + (size_t)(round % 40);
		for (i = 0; i < n; i++) {
			do {
				seed = seed * 1103515245UL + 12345UL;
				buf[i] = (char)((seed >> 16) & 0xFF);
			} while (buf[i] == '\0');
		}
		buf[n] = '\0';
		out = text_sanitize(buf, round % 2);
		for (i = 0; out[i] != '\0'; i++)
			ck_assert_msg((out[i] >= 0x20 && out[i] < 0x7f) ||
			    (out[i] == '\n' && round % 2),
			    "byte 0x%02X out", (unsigned char)out[i]);
		free(out);
	}
	text_set_utf8(1);
	sanitize_is("Quote \xE2\x9D\x9B it", 0, "Quote \xE2\x9D\x9B it");
}
END_TEST

/* The locale decides: C is not UTF-8. */
START_TEST(test_sanitize_locale)
{
	ck_assert_ptr_nonnull(setlocale(LC_CTYPE, "C"));
	text_use_locale();
	sanitize_is("\xE2\x9D\x9B", 0, "?");
	if (setlocale(LC_CTYPE, "C.UTF-8") != NULL) {
		text_use_locale();
		sanitize_is("\xE2\x9D\x9B", 0, "\xE2\x9D\x9B");
	}
	setlocale(LC_CTYPE, "C");
	text_set_utf8(1);
}
END_TEST

START_TEST(test_sb_add_sanitized)
{
	struct strbuf sb;
	char *s;

	sb_init(&sb);
	sb_adds(&sb, "name: ");
	sb_add_sanitized(&sb, "evil\x1b]0;title\x07\n", 0);
	sb_adds(&sb, "|");
	sb_add_sanitized(&sb, "two\nlines", 1);
	s = sb_take(&sb);
	ck_assert_str_eq(s, "name: evil^[]0;title^G^J|two\nlines");
	free(s);
	sb_done(&sb);
}
END_TEST

/* Wrap s at width and compare with want (NULL-terminated). */
static void
wrap_is(const char *s, size_t width, const char *const *want)
{
	size_t n = 12345, nwant = 0, i;
	char **lines = text_wrap(s, width, &n);

	while (want[nwant] != NULL)
		nwant++;
	ck_assert_ptr_nonnull(lines);
	for (i = 0; i < n && i < nwant; i++)
		ck_assert_msg(lines[i] != NULL && strcmp(lines[i], want[i]) == 0,
		    "wrap(\"%s\", %zu) line %zu is \"%s\", expected \"%s\"",
		    s, width, i, lines[i] ? lines[i] : "(null)", want[i]);
	ck_assert_msg(n == nwant, "wrap(\"%s\", %zu) gave %zu lines, "
	    "expected %zu", s, width, n, nwant);
	ck_assert_ptr_null(lines[n]);
	text_lines_free(lines);
}

START_TEST(test_wrap_example)
{
	static const char *const want[] = {
		"the quick", "brown fox", "jumps over", "the lazy", "dog", NULL,
	};

	wrap_is("the quick brown fox jumps over the lazy dog", 10, want);
}
END_TEST

START_TEST(test_wrap_empty)
{
	static const char *const want[] = { NULL };

	wrap_is("", 10, want);
}
END_TEST

START_TEST(test_wrap_fits)
{
	static const char *const want[] = { "short line", NULL };

	wrap_is("short line", 40, want);
}
END_TEST

START_TEST(test_wrap_newlines)
{
	static const char *const want1[] = { "one", "two", NULL };
	static const char *const want2[] = {
		"alpha beta", "gamma delta", NULL,
	};
	static const char *const want3[] = {
		"alpha", "beta", "gamma delta", NULL,
	};

	wrap_is("one\ntwo", 20, want1);
	wrap_is("alpha beta\ngamma delta", 11, want2);
	wrap_is("alpha\nbeta\ngamma delta", 11, want3);
}
END_TEST

/* Every line at most width wide; the lines joined give back the text. */
static void
wrap_breaks(const char *s, size_t width)
{
	size_t n = 0, i;
	char **lines = text_wrap(s, width, &n);
	struct strbuf sb;
	char *joined;

	ck_assert_ptr_nonnull(lines);
	ck_assert_uint_gt(n, 1);
	sb_init(&sb);
	for (i = 0; i < n; i++) {
		ck_assert_ptr_nonnull(lines[i]);
		ck_assert_msg(text_width(lines[i]) <= width,
		    "wrap line \"%s\" is %zu wide, more than %zu",
		    lines[i], text_width(lines[i]), width);
		ck_assert_msg(lines[i][0] != '\0', "wrap gave an empty line");
		sb_adds(&sb, lines[i]);
	}
	ck_assert_ptr_null(lines[n]);
	joined = sb_take(&sb);
	ck_assert_str_eq(joined, s);
	free(joined);
	sb_done(&sb);
	text_lines_free(lines);
}

START_TEST(test_wrap_long_word)
{
	wrap_breaks("abcdefghijklmnopqrstuvwxyz", 5);
	wrap_breaks("abcdefghij", 3);
	/* Wide characters are not split across the width. */
	wrap_breaks("\xE8\x85\x93\xE8\x85\xB9\xE7\xAD\x8B"
	    "\xE8\x85\x93\xE8\x85\xB9\xE7\xAD\x8B", 4);
	wrap_breaks("\xE8\x85\x93\xE8\x85\xB9\xE7\xAD\x8B", 3);
}
END_TEST

/* Split s at spaces and newlines into a NULL-terminated list of words. */
static char **
words_of(const char *s, size_t *nw)
{
	char **v = NULL;
	size_t n = 0;
	const char *p = s;

	for (;;) {
		size_t len;

		while (*p == ' ' || *p == '\n')
			p++;
		if (*p == '\0')
			break;
		len = strcspn(p, " \n");
		v = realloc(v, (n + 2) * sizeof *v);
		ck_assert_ptr_nonnull(v);
		v[n] = strndup(p, len);
		n++;
		p += len;
	}
	if (v == NULL)
		v = calloc(1, sizeof *v);
	v[n] = NULL;
	*nw = n;
	return v;
}

START_TEST(test_wrap_paragraph)
{
	static const char text[] =
	    "Lie on your side turned a little toward the floor, with the "
	    "roller just below and in front of the hip bone. Make small "
	    "slow passes and pause on tender spots; do not grind down the "
	    "side of the thigh. \xC3\x89tirement \xE8\x85\x93\xE8\x85\xB9"
	    "\xE7\xAD\x8B done.";
	size_t width;

	for (width = 12; width <= 80; width++) {
		size_t n = 0, i, nin, nout = 0;
		char **lines = text_wrap(text, width, &n);
		char **in = words_of(text, &nin);
		struct strbuf all;
		char *joined, **out;

		ck_assert_ptr_nonnull(lines);
		sb_init(&all);
		for (i = 0; i < n; i++) {
			size_t w = text_width(lines[i]);
			size_t len = strlen(lines[i]);

			ck_assert_msg(w <= width, "width %zu: line \"%s\" is "
			    "%zu wide", width, lines[i], w);
			ck_assert_msg(len == 0 || (lines[i][0] != ' ' &&
			    lines[i][len - 1] != ' '), "width %zu: line "
			    "\"%s\" starts or ends with a space", width,
			    lines[i]);
			/* A line and the next word would not have fitted. */
			if (i + 1 < n) {
				size_t nextw = strcspn(lines[i + 1], " ");
				char *next = strndup(lines[i + 1], nextw);

				ck_assert_msg(w + 1 + text_width(next) > width,
				    "width %zu: \"%s\" would have fitted after "
				    "\"%s\"", width, next, lines[i]);
				free(next);
			}
			sb_adds(&all, lines[i]);
			sb_addc(&all, '\n');
		}
		joined = sb_take(&all);
		out = words_of(joined, &nout);
		ck_assert_uint_eq(nout, nin);
		for (i = 0; i < nin; i++)
			ck_assert_str_eq(out[i], in[i]);
		for (i = 0; i < nin; i++) {
			free(in[i]);
			free(out[i]);
		}
		free(in);
		free(out);
		free(joined);
		sb_done(&all);
		text_lines_free(lines);
	}
}
END_TEST

/* Check that cutting s to width gives want. */
static void
cut_is(const char *s, size_t width, const char *want)
{
	char	*got = text_cut(s, width, "...");

	ck_assert_str_eq(got, want);
	ck_assert_uint_le(text_width(got), width < 3 ? 3 : width);
	free(got);
}

START_TEST(test_cut)
{
	cut_is("Wall calf", 20, "Wall calf");
	cut_is("Wall calf", 9, "Wall calf");
	cut_is("Wall calf", 8, "Wall ...");
	cut_is("Wall calf", 3, "...");
	/* Double-width characters are never split or let past the width. */
	cut_is("\xe4\xbc\xb8\xe5\xb1\x95\xe4\xbc\xb8\xe5\xb1\x95", 7,
	    "\xe4\xbc\xb8\xe5\xb1\x95...");
	cut_is("\xe4\xbc\xb8\xe5\xb1\x95\xe4\xbc\xb8\xe5\xb1\x95", 6,
	    "\xe4\xbc\xb8...");
	/* Combining marks stay with their letter. */
	cut_is("cafe\xcc\x81 au lait", 7, "cafe\xcc\x81...");
	cut_is("cafe\xcc\x81 au lait", 8, "cafe\xcc\x81 ...");
}
END_TEST

START_TEST(test_distance)
{
	ck_assert_uint_eq(text_distance("hold", "hodl"), 1);
	ck_assert_uint_eq(text_distance("kitten", "sitting"), 3);
	ck_assert_uint_eq(text_distance("sitting", "kitten"), 3);
	ck_assert_uint_eq(text_distance("", "abc"), 3);
	ck_assert_uint_eq(text_distance("abc", ""), 3);
	ck_assert_uint_eq(text_distance("", ""), 0);
	ck_assert_uint_eq(text_distance("steps", "steps"), 0);
	ck_assert_uint_eq(text_distance("cue", "cues"), 1);
	ck_assert_uint_eq(text_distance("reps", "rest"), 2);
	ck_assert_uint_eq(text_distance("ab", "ba"), 1);
	/* Optimal string alignment, not full Damerau-Levenshtein. */
	ck_assert_uint_eq(text_distance("ca", "abc"), 3);
}
END_TEST

START_TEST(test_suggest)
{
	static const char *const keys[] = {
		"id", "name", "areas", "description", "tags", "steps", "kind",
		"area", "hold", "sides", "reps", "rest", "cue",
	};
	const size_t nkeys = sizeof keys / sizeof keys[0];
	const char **ids;
	const char *s;
	size_t i;

	s = text_suggest("hodl", keys, nkeys);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "hold");
	s = text_suggest("stpes", keys, nkeys);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "steps");
	s = text_suggest("descripton", keys, nkeys);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "description");
	ck_assert_ptr_null(text_suggest("xyzzy", keys, nkeys));
	ck_assert_ptr_null(text_suggest("completely-different", keys, nkeys));
	ck_assert_ptr_null(text_suggest("hodl", keys, 0));

	ids = calloc(area_count, sizeof *ids);
	ck_assert_ptr_nonnull(ids);
	for (i = 0; i < area_count; i++)
		ids[i] = area_table[i].id;
	s = text_suggest("calf", ids, area_count);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "calves");
	s = text_suggest("hamstring", ids, area_count);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "hamstrings");
	ck_assert_ptr_null(text_suggest("xyzzy", ids, area_count));
	free(ids);
}
END_TEST

START_TEST(test_strbuf)
{
	struct strbuf sb;
	char *s;

	sb_init(&sb);
	sb_addf(&sb, "%d-%s", 42, "x");
	sb_addc(&sb, '|');
	sb_adds(&sb, "abc");
	sb_add(&sb, "defgh", 2);
	sb_addf(&sb, "%05.1f%%", 3.14159);
	ck_assert_uint_eq(sb.len, strlen("42-x|abcde003.1%"));
	s = sb_take(&sb);
	ck_assert_str_eq(s, "42-x|abcde003.1%");
	free(s);

	/* Taken: the buffer is empty and usable again. */
	ck_assert_uint_eq(sb.len, 0);
	sb_adds(&sb, "again");
	s = sb_take(&sb);
	ck_assert_str_eq(s, "again");
	free(s);

	/* An empty buffer gives an empty string. */
	s = sb_take(&sb);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "");
	free(s);
	sb_done(&sb);
}
END_TEST

START_TEST(test_strbuf_growth)
{
	struct strbuf sb;
	char big[3000];
	char *s;
	int i;

	memset(big, 'q', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	sb_init(&sb);
	for (i = 0; i < 5000; i++)
		sb_addc(&sb, (char)('a' + i % 26));
	sb_addf(&sb, "[%s]", big);
	sb_addf(&sb, "%s", "");
	ck_assert_uint_eq(sb.len, 5000 + 2 + strlen(big));
	s = sb_take(&sb);
	ck_assert_uint_eq(strlen(s), 5000 + 2 + strlen(big));
	for (i = 0; i < 5000; i++)
		ck_assert_int_eq(s[i], 'a' + i % 26);
	ck_assert_int_eq(s[5000], '[');
	ck_assert_int_eq(s[5001 + strlen(big)], ']');
	free(s);
	sb_done(&sb);

	/* sb_done on a used buffer frees it without a take. */
	sb_init(&sb);
	sb_adds(&sb, "left behind");
	sb_done(&sb);
}
END_TEST

START_TEST(test_area_lookup)
{
	int i;

	i = area_find("calves");
	ck_assert_int_ge(i, 0);
	ck_assert_str_eq(area_id(i), "calves");
	ck_assert_int_eq(area_find("calf"), -1);
	ck_assert_int_eq(area_find(""), -1);
	ck_assert_int_eq(area_find("Calves"), -1);
	ck_assert_ptr_nonnull(area_suggest("hamstring"));
	ck_assert_str_eq(area_suggest("hamstring"), "hamstrings");
	ck_assert_ptr_null(area_suggest("xyzzy"));
	i = area_find("hip-flexors");
	ck_assert_int_ge(i, 0);
	ck_assert_str_eq(area_name(i), "Hip flexors");
}
END_TEST

/* Folding: case, and runs of space, '-' and '_' as one '-'. */
START_TEST(test_fold)
{
	static const struct {
		const char	*in;
		const char	*out;
	} cases[] = {
		{ "calves", "calves" }, { "Calves", "calves" },
		{ "HIP FLEXORS", "hip-flexors" }, { "hip_flexors", "hip-flexors" },
		{ "hip  -_ flexors", "hip-flexors" }, { " it band ", "it-band" },
		{ "--x--", "x" }, { "", "" }, { "   ", "" }, { "A1-b2", "a1-b2" },
		{ "caf\xc3\xa9", "caf\xc3\xa9" }, { "tab\there", "tab\there" },
	};
	char buf[TEXT_FOLD_SIZE], small[4];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ck_assert_ptr_eq(text_fold(cases[i].in, buf, sizeof buf), buf);
		ck_assert_msg(strcmp(buf, cases[i].out) == 0,
		    "text_fold(\"%s\") gave \"%s\", expected \"%s\"",
		    cases[i].in, buf, cases[i].out);
	}
	/* Three bytes and the NUL fit in four; a fourth does not. */
	ck_assert_ptr_eq(text_fold("A B", small, sizeof small), small);
	ck_assert_str_eq(small, "a-b");
	ck_assert_ptr_null(text_fold("ab c", small, sizeof small));
	ck_assert_ptr_null(text_fold("abcd", small, sizeof small));
	ck_assert_ptr_eq(text_fold("abc   ", small, sizeof small), small);
	ck_assert_ptr_null(text_fold("x", small, 0));
}
END_TEST

START_TEST(test_alias)
{
	static const struct text_alias words[] = {
		{ "stretch", "stretch" }, { "stretching", "stretch" },
		{ "foam-roll", "roll" }, { "roll", "roll" },
	};
	const size_t n = sizeof words / sizeof words[0];
	char long_word[200];

	ck_assert_str_eq(text_alias_find(words, n, "Stretching"), "stretch");
	ck_assert_str_eq(text_alias_find(words, n, "foam roll"), "roll");
	ck_assert_str_eq(text_alias_find(words, n, "FOAM_ROLL"), "roll");
	ck_assert_ptr_null(text_alias_find(words, n, "foamroll"));
	ck_assert_ptr_null(text_alias_find(words, n, ""));
	ck_assert_ptr_null(text_alias_find(words, 0, "roll"));
	memset(long_word, 'a', sizeof long_word - 1);
	long_word[sizeof long_word - 1] = '\0';
	ck_assert_ptr_null(text_alias_find(words, n, long_word));
	ck_assert_ptr_null(text_alias_suggest(words, n, long_word));

	ck_assert_str_eq(text_alias_suggest(words, n, "strech"), "stretch");
	ck_assert_str_eq(text_alias_suggest(words, n, "foam-rol"), "roll");
	ck_assert_str_eq(text_alias_suggest(words, n, "Stretching"), "stretch");
	ck_assert_ptr_null(text_alias_suggest(words, n, "yoga"));
	ck_assert_ptr_null(text_alias_suggest(words, n, ""));
}
END_TEST

/* Every word people write for an area, and what is still refused. */
START_TEST(test_area_forgiving)
{
	static const struct {
		const char	*text;
		const char	*id;
	} good[] = {
		{ "Calves", "calves" }, { "calf", "calves" }, { "CALF", "calves" },
		{ "hamstring", "hamstrings" }, { "Hamstrings", "hamstrings" },
		{ "quad", "quads" }, { "quadriceps", "quads" },
		{ "Quadricep", "quads" }, { "glute", "glutes" },
		{ "hip flexors", "hip-flexors" }, { "hip flexor", "hip-flexors" },
		{ "Hip_Flexors", "hip-flexors" }, { "IT band", "it-band" },
		{ "it-bands", "it-band" }, { "ITB", "it-band" },
		{ "TFL", "it-band" }, { "foot", "feet" }, { "lat", "lats" },
		{ "adductor", "adductors" }, { "groin", "adductors" },
		{ "upper back", "upper-back" }, { "Lower Back", "lower-back" },
		{ "lower_back", "lower-back" }, { "shoulder", "shoulders" },
		{ "Neck", "neck" }, { " chest ", "chest" },
	};
	static const char *const refused[] = {
		"", " ", "calfs", "hip", "back", "it", "xyzzy", "calves!",
		"upperback", "foots", "hams",
	};
	size_t i;
	int a;

	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		a = area_lookup(good[i].text);
		ck_assert_msg(a >= 0, "area_lookup(\"%s\") refused it",
		    good[i].text);
		ck_assert_str_eq(area_id(a), good[i].id);
	}
	for (i = 0; i < sizeof refused / sizeof refused[0]; i++)
		ck_assert_msg(area_lookup(refused[i]) == -1,
		    "area_lookup(\"%s\") took it", refused[i]);
	/* Every id reads as itself, and the log's reader stays exact. */
	for (i = 0; i < area_count; i++)
		ck_assert_int_eq(area_lookup(area_table[i].id), (int)i);
	ck_assert_int_eq(area_find("calf"), -1);
	ck_assert_int_eq(area_find("IT band"), -1);
	/* Suggestions name the canonical id. */
	ck_assert_str_eq(area_suggest("calfs"), "calves");
	ck_assert_str_eq(area_suggest("hamstrng"), "hamstrings");
	ck_assert_str_eq(area_suggest("Hip flexers"), "hip-flexors");
	ck_assert_str_eq(area_suggest("shoulderz"), "shoulders");
	ck_assert_str_eq(area_suggest("Calves"), "calves");
	ck_assert_ptr_null(area_suggest("xyzzy"));
	ck_assert_ptr_null(area_suggest(""));
}
END_TEST

START_TEST(test_area_table)
{
	static const char *const need[] = {
		"hamstrings", "hip-flexors", "quads", "calves", "lats",
		"glutes", "it-band", "adductors", "upper-back", "lower-back",
	};
	size_t i, j;

	ck_assert_uint_ge(area_count, sizeof need / sizeof need[0]);
	for (i = 0; i < area_count; i++) {
		const char *id = area_table[i].id;

		ck_assert_ptr_nonnull(id);
		ck_assert_ptr_nonnull(area_table[i].name);
		ck_assert_msg(id[0] != '\0' && strspn(id,
		    "abcdefghijklmnopqrstuvwxyz-") == strlen(id),
		    "area id \"%s\" is not [a-z-]+", id);
		ck_assert_msg(area_table[i].name[0] != '\0',
		    "area %s has an empty name", id);
		ck_assert_int_eq(area_find(id), (int)i);
		ck_assert_str_eq(area_id((int)i), id);
		ck_assert_str_eq(area_name((int)i), area_table[i].name);
		for (j = i + 1; j < area_count; j++)
			ck_assert_msg(strcmp(id, area_table[j].id) != 0,
			    "area id \"%s\" appears twice", id);
	}
	for (i = 0; i < sizeof need / sizeof need[0]; i++)
		ck_assert_msg(area_find(need[i]) >= 0,
		    "area \"%s\" is missing", need[i]);
}
END_TEST

static Suite *
text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc;

	tc = tcase_create("utf8");
	tcase_add_test(tc, test_decode_valid);
	tcase_add_test(tc, test_decode_invalid);
	tcase_add_test(tc, test_decode_honours_len);
	tcase_add_test(tc, test_valid_and_count);
	tcase_add_test(tc, test_cp_width);
	tcase_add_test(tc, test_cp_width_glibc);
	tcase_add_test(tc, test_cp_width_every);
	tcase_add_test(tc, test_cp_width_c_locale);
	tcase_add_test(tc, test_text_width);
	suite_add_tcase(s, tc);

	tc = tcase_create("sanitize");
	tcase_add_test(tc, test_sanitize_controls);
	tcase_add_test(tc, test_sanitize_tabs_newlines);
	tcase_add_test(tc, test_sanitize_unicode);
	tcase_add_test(tc, test_sanitize_inert);
	tcase_add_test(tc, test_sanitize_ascii);
	tcase_add_test(tc, test_sanitize_locale);
	tcase_add_test(tc, test_sb_add_sanitized);
	suite_add_tcase(s, tc);

	tc = tcase_create("wrap");
	tcase_add_test(tc, test_wrap_example);
	tcase_add_test(tc, test_wrap_empty);
	tcase_add_test(tc, test_wrap_fits);
	tcase_add_test(tc, test_wrap_newlines);
	tcase_add_test(tc, test_wrap_long_word);
	tcase_add_test(tc, test_wrap_paragraph);
	suite_add_tcase(s, tc);

	tc = tcase_create("distance");
	tcase_add_test(tc, test_cut);
	tcase_add_test(tc, test_distance);
	tcase_add_test(tc, test_suggest);
	tcase_add_test(tc, test_fold);
	tcase_add_test(tc, test_alias);
	suite_add_tcase(s, tc);

	tc = tcase_create("strbuf");
	tcase_add_test(tc, test_strbuf);
	tcase_add_test(tc, test_strbuf_growth);
	suite_add_tcase(s, tc);

	tc = tcase_create("area");
	tcase_add_test(tc, test_area_lookup);
	tcase_add_test(tc, test_area_forgiving);
	tcase_add_test(tc, test_area_table);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr;
	int failed;

	/* Widths are the locale's: measure them in UTF-8, as a terminal would. */
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) {
		fprintf(stderr, "check_text: no C.UTF-8 locale\n");
		return EXIT_FAILURE;
	}
	sr = srunner_create(text_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
