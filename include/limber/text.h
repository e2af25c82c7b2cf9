/* UTF-8, display widths, making untrusted text inert, wrapping, string building. */
#ifndef LIMBER_TEXT_H
#define LIMBER_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "limber/xmalloc.h"

struct strbuf {
	char	*s;
	size_t	 len;
	size_t	 cap;
};

void	 sb_init(struct strbuf *);
void	 sb_add(struct strbuf *, const char *s, size_t len);
void	 sb_adds(struct strbuf *, const char *s);
void	 sb_addc(struct strbuf *, char c);
void	 sb_addf(struct strbuf *, const char *fmt, ...) printflike(2, 3);
char	*sb_take(struct strbuf *);	/* the string; the buffer is emptied */
void	 sb_done(struct strbuf *);

/*
 * Decode one code point from s (len bytes, len > 0). Returns the bytes used;
 * invalid or truncated input gives *cp = UTF8_INVALID and uses one byte.
 */
#define UTF8_INVALID 0xFFFFFFFFu
size_t	 utf8_decode(const char *s, size_t len, uint32_t *cp);
int	 utf8_valid(const char *s, size_t len);
size_t	 utf8_count(const char *s);	/* code points in a valid string */

/*
 * Columns a code point takes on a terminal: 0, 1 or 2, from wcwidth() in the
 * current locale (LC_CTYPE), as curses measures it; 1 where wcwidth() gives
 * none. Outside a UTF-8 locale only ASCII has a width of its own.
 */
int	 text_cp_width(uint32_t cp);
/* Columns a sanitized string takes. */
size_t	 text_width(const char *s);
/* A copy of a sanitized string cut to width columns, ending in mark if cut. */
char	*text_cut(const char *s, size_t width, const char *mark);

/*
 * Copy of s safe to print: C0 and DEL as ^X (escape is ^[), C1 controls,
 * bidirectional overrides and invalid bytes as <U+XXXX> or <XX>, and, when
 * the character set is not UTF-8, every other non-ASCII character as '?'
 * (its UTF-8 bytes would be C1 controls there). With keep_newlines, '\n'
 * is kept; tabs become a space.
 */
char	*text_sanitize(const char *s, int keep_newlines);
/* Same, appended to a buffer. */
void	 sb_add_sanitized(struct strbuf *, const char *s, int keep_newlines);
/*
 * The character set text_sanitize writes for: UTF-8 (the default), or
 * ASCII alone with on 0. text_use_locale sets it from the current locale.
 */
void	 text_set_utf8(int on);
void	 text_use_locale(void);

/*
 * Wrap sanitized text to width columns at spaces (long words are broken).
 * Returns a NULL-terminated array of lines; free with text_lines_free.
 */
char	**text_wrap(const char *s, size_t width, size_t *nlines);
void	  text_lines_free(char **lines);

/* Optimal string alignment distance (edits and swaps of neighbours). */
size_t	 text_distance(const char *a, const char *b);
/* The candidate closest to word if it is a plausible typo, else NULL. */
const char *text_suggest(const char *word, const char *const *cands, size_t n);

/*
 * Fold a word for a forgiving lookup into buf: ASCII letters in lower case,
 * each run of spaces, '-' and '_' as one '-', none at either end, so that
 * "Hip_flexors " and "hip  Flexors" both give "hip-flexors". Returns buf,
 * or NULL when the folded word does not fit in size bytes.
 */
#define TEXT_FOLD_SIZE	64
char	*text_fold(const char *s, char *buf, size_t size);

/* A word people write, folded, and the canonical word it stands for. */
struct text_alias {
	const char	*word;		/* "foam-rolling" */
	const char	*canon;		/* "roll" */
};

/* The canonical word for text, folded, by a table of aliases, or NULL. */
const char *text_alias_find(const struct text_alias *, size_t n,
	    const char *text);
/*
 * The canonical word of the alias closest to a mistyped text, or NULL. Text
 * that folds to an alias gives its canonical word ("Calf" gives "calves").
 */
const char *text_alias_suggest(const struct text_alias *, size_t n,
	    const char *text);

#endif
