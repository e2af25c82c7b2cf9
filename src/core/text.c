/* Strings: building, UTF-8, widths, sanitising, wrapping, typo distance. */
#define _XOPEN_SOURCE 700	/* wcwidth() */
#include "limber/text.h"

#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* Start an empty buffer. */
void
sb_init(struct strbuf *sb)
{
	sb->s = NULL;
	sb->len = sb->cap = 0;
}

/* Make room for n more bytes and a NUL. */
static void
sb_grow(struct strbuf *sb, size_t n)
{
	if (sb->len + n + 1 <= sb->cap)
		return;
	if (sb->cap == 0)
		sb->cap = 64;
	while (sb->len + n + 1 > sb->cap)
		sb->cap *= 2;
	sb->s = xreallocarray(sb->s, sb->cap, 1);
}

/* Append len bytes. */
void
sb_add(struct strbuf *sb, const char *s, size_t len)
{
	sb_grow(sb, len);
	memcpy(sb->s + sb->len, s, len);
	sb->len += len;
	sb->s[sb->len] = '\0';
}

/* Append a string. */
void
sb_adds(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

/* Append one byte. */
void
sb_addc(struct strbuf *sb, char c)
{
	sb_add(sb, &c, 1);
}

/* Append formatted text. */
void
sb_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		fatalx("bad format");
	sb_grow(sb, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(sb->s + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

/* Hand over the string (never NULL) and empty the buffer. */
char *
sb_take(struct strbuf *sb)
{
	char	*s = sb->s;

	if (s == NULL)
		s = xstrdup("");
	sb_init(sb);
	return s;
}

/* Free the buffer. */
void
sb_done(struct strbuf *sb)
{
	free(sb->s);
	sb_init(sb);
}

/* Decode one code point; invalid input uses one byte. */
size_t
utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char	*s = (const unsigned char *)str;
	uint32_t		 c, min;
	size_t			 n, i;

	*cp = UTF8_INVALID;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 2; c = s[0] & 0x1F; min = 0x80;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 3; c = s[0] & 0x0F; min = 0x800;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 4; c = s[0] & 0x07; min = 0x10000;
	} else
		return 1;
	if (len < n)
		return 1;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 1;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 1;
	*cp = c;
	return n;
}

/* Whether len bytes are all valid UTF-8. */
int
utf8_valid(const char *s, size_t len)
{
	uint32_t	cp;
	size_t		i = 0;

	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_INVALID)
			return 0;
	}
	return 1;
}

/* Code points in a string (an invalid byte counts as one). */
size_t
utf8_count(const char *s)
{
	size_t		len = strlen(s), i = 0, n = 0;
	uint32_t	cp;

	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		n++;
	}
	return n;
}

/*
 * Terminal columns of one code point: wcwidth() in the current locale, the
 * function curses places characters by, so text measured here lands where
 * the screen puts it. A code point wcwidth() does not measure (unassigned,
 * which curses draws as one blank, or a control character, which text_sanitize
 * has already made visible) counts as one column.
 */
int
text_cp_width(uint32_t cp)
{
	int	w;

	if (cp == 0)
		return 0;
	if (cp == UTF8_INVALID || cp > 0x10FFFF)
		return 1;
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

/* Terminal columns of a string. */
size_t
text_width(const char *s)
{
	size_t		len = strlen(s), i = 0, w = 0;
	uint32_t	cp;

	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		w += (size_t)text_cp_width(cp);
	}
	return w;
}

/* s cut to width columns (mark included) before a whole character. */
char *
text_cut(const char *s, size_t width, const char *mark)
{
	struct strbuf	sb;
	size_t		len = strlen(s), i = 0, n, w = 0, mw = text_width(mark);
	uint32_t	cp;
	int		cw;

	if (text_width(s) <= width)
		return xstrdup(s);
	sb_init(&sb);
	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		cw = cp == UTF8_INVALID ? 1 : text_cp_width(cp);
		if (w + (size_t)cw + mw > width)
			break;
		sb_add(&sb, s + i, n);
		w += (size_t)cw;
		i += n;
	}
	sb_adds(&sb, mark);
	return sb_take(&sb);
}

/* Whether a code point reorders or hides text: shown by its number. */
static int
text_is_bidi(uint32_t cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Whether the locale's character set is UTF-8; else non-ASCII is '?'. */
static int text_utf8 = 1;

/* Show text as UTF-8 (on), or with each non-ASCII character as '?'. */
void
text_set_utf8(int on)
{
	text_utf8 = on;
}

/* Take the character set of the current locale; once setlocale ran. */
void
text_use_locale(void)
{
	text_set_utf8(strcmp(nl_langinfo(CODESET), "UTF-8") == 0);
}

/* Append s with every control character in a visible form. */
void
sb_add_sanitized(struct strbuf *sb, const char *s, int keep_newlines)
{
	size_t		len = strlen(s), i = 0, n;
	uint32_t	cp;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_INVALID)
			sb_addf(sb, "<%02X>", (unsigned char)s[i]);
		else if (cp == '\n' && keep_newlines)
			sb_addc(sb, '\n');
		else if (cp == '\t')
			sb_addc(sb, ' ');
		else if (cp < 0x20 || cp == 0x7F) {
			sb_addc(sb, '^');
			sb_addc(sb, cp == 0x7F ? '?' : (char)(cp + 0x40));
		} else if ((cp >= 0x80 && cp <= 0x9F) || text_is_bidi(cp))
			sb_addf(sb, "<U+%04X>", (unsigned)cp);
		else if (cp >= 0x80 && !text_utf8)
			sb_addc(sb, '?');
		else
			sb_add(sb, s + i, n);
		i += n;
	}
}

/* A copy of s that is safe to print. */
char *
text_sanitize(const char *s, int keep_newlines)
{
	struct strbuf	sb;

	sb_init(&sb);
	sb_add(&sb, "", 0);
	sb_add_sanitized(&sb, s, keep_newlines);
	return sb_take(&sb);
}

struct wrap {
	char		**lines;
	size_t		  n;
	size_t		  cap;
	struct strbuf	  line;
	size_t		  width;	/* of the current line */
};

/* End the current line. */
static void
wrap_flush(struct wrap *w)
{
	if (w->n + 2 > w->cap) {
		w->cap = w->cap ? w->cap * 2 : 8;
		w->lines = xreallocarray(w->lines, w->cap, sizeof *w->lines);
	}
	w->lines[w->n++] = sb_take(&w->line);
	w->lines[w->n] = NULL;
	w->width = 0;
}

/* Add one word (no spaces) to the lines, breaking it if it is too long. */
static void
wrap_word(struct wrap *w, const char *s, size_t len, size_t width)
{
	size_t		i = 0, n, ww = 0, k;
	uint32_t	cp;

	for (k = 0; k < len; k += n) {
		n = utf8_decode(s + k, len - k, &cp);
		ww += (size_t)text_cp_width(cp);
	}
	if (w->width > 0 && w->width + 1 + ww <= width) {
		sb_addc(&w->line, ' ');
		w->width++;
	} else if (w->width > 0)
		wrap_flush(w);
	while (i < len) {
		int cw;

		n = utf8_decode(s + i, len - i, &cp);
		cw = text_cp_width(cp);
		if (w->width > 0 && w->width + (size_t)cw > width)
			wrap_flush(w);
		sb_add(&w->line, s + i, n);
		w->width += (size_t)cw;
		i += n;
	}
}

/* Wrap text into lines of at most width columns. */
char **
text_wrap(const char *s, size_t width, size_t *nlines)
{
	struct wrap	 w;
	const char	*p = s, *end;
	size_t		 len;

	memset(&w, 0, sizeof w);
	sb_init(&w.line);
	if (width == 0)
		width = 1;
	w.lines = xcalloc(1, sizeof *w.lines);
	while (*p != '\0') {
		end = strchr(p, '\n');
		len = end != NULL ? (size_t)(end - p) : strlen(p);
		while (len > 0) {
			size_t word;

			while (len > 0 && *p == ' ') {
				p++;
				len--;
			}
			for (word = 0; word < len && p[word] != ' '; word++)
				;
			if (word > 0)
				wrap_word(&w, p, word, width);
			p += word;
			len -= word;
		}
		if (w.width > 0 || end != NULL)
			wrap_flush(&w);
		if (end == NULL)
			break;
		p = end + 1;
	}
	sb_done(&w.line);
	if (nlines != NULL)
		*nlines = w.n;
	return w.lines;
}

/* Free what text_wrap returned. */
void
text_lines_free(char **lines)
{
	size_t	i;

	if (lines == NULL)
		return;
	for (i = 0; lines[i] != NULL; i++)
		free(lines[i]);
	free(lines);
}

#define TEXT_DISTANCE_MAX 64

/* Optimal string alignment distance between two short strings. */
size_t
text_distance(const char *a, const char *b)
{
	size_t	la = strlen(a), lb = strlen(b), i, j;
	size_t	rows[3][TEXT_DISTANCE_MAX + 1];
	size_t	*prev2 = rows[0], *prev = rows[1], *cur = rows[2], *t;

	if (la > TEXT_DISTANCE_MAX || lb > TEXT_DISTANCE_MAX)
		return la > lb ? la : lb;
	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		cur[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t best = prev[j - 1] + cost;

			if (prev[j] + 1 < best)
				best = prev[j] + 1;
			if (cur[j - 1] + 1 < best)
				best = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < best)
				best = prev2[j - 2] + 1;
			cur[j] = best;
		}
		t = prev2; prev2 = prev; prev = cur; cur = t;
	}
	return prev[lb];
}

/* Length of the common prefix. */
static size_t
text_prefix(const char *a, const char *b)
{
	size_t	n = 0;

	while (a[n] != '\0' && a[n] == b[n])
		n++;
	return n;
}

/* Whether cand is a plausible typo of word (len bytes); its distance in *d. */
static int
text_plausible(const char *word, size_t len, const char *cand, size_t *d)
{
	size_t	pre;

	*d = text_distance(word, cand);
	pre = text_prefix(word, cand);
	if (*d == 0)
		return 0;
	return *d == 1 || (*d == 2 && len >= 5) ||
	    (pre >= 3 && pre * 5 >= len * 3);
}

/* The closest candidate that is a plausible typo of word, or NULL. */
const char *
text_suggest(const char *word, const char *const *cands, size_t n)
{
	const char	*best = NULL;
	size_t		 i, d, bestd = (size_t)-1, len = strlen(word);

	if (len == 0)
		return NULL;
	for (i = 0; i < n; i++) {
		if (text_plausible(word, len, cands[i], &d) && d < bestd) {
			best = cands[i];
			bestd = d;
		}
	}
	return best;
}

/* Fold a word for a forgiving lookup: "Hip_Flexors " becomes "hip-flexors". */
char *
text_fold(const char *s, char *buf, size_t size)
{
	size_t	n = 0;
	int	gap = 0;

	if (size == 0)
		return NULL;
	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '-' || *s == '_') {
			gap = n > 0;
			continue;
		}
		if (n + (size_t)gap + 1 >= size)
			return NULL;
		if (gap)
			buf[n++] = '-';
		gap = 0;
		buf[n++] = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
	}
	buf[n] = '\0';
	return buf;
}

/* The canonical word for text by a table of aliases, or NULL. */
const char *
text_alias_find(const struct text_alias *t, size_t n, const char *text)
{
	char	buf[TEXT_FOLD_SIZE];
	size_t	i;

	if (text_fold(text, buf, sizeof buf) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		if (strcmp(t[i].word, buf) == 0)
			return t[i].canon;
	}
	return NULL;
}

/*
 * The canonical word of the alias closest to a mistyped text, or NULL; an
 * exact alias gives its own, for callers that take canonical words only.
 */
const char *
text_alias_suggest(const struct text_alias *t, size_t n, const char *text)
{
	const char	*best;
	char		 buf[TEXT_FOLD_SIZE];
	size_t		 i, d, bestd = (size_t)-1, len;

	if ((best = text_alias_find(t, n, text)) != NULL)
		return best;
	if (text_fold(text, buf, sizeof buf) == NULL ||
	    (len = strlen(buf)) == 0)
		return NULL;
	for (i = 0; i < n; i++) {
		if (text_plausible(buf, len, t[i].word, &d) && d < bestd) {
			best = t[i].canon;
			bestd = d;
		}
	}
	return best;
}
