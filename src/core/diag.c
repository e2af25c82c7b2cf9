/* Collecting and printing diagnostics. */
#include "limber/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "limber/text.h"

/* Start an empty list. */
void
diag_init(struct diag_list *dl)
{
	memset(dl, 0, sizeof *dl);
}

/* Free every diagnostic. */
void
diag_done(struct diag_list *dl)
{
	size_t	i;

	for (i = 0; i < dl->n; i++) {
		free(dl->v[i].file);
		free(dl->v[i].msg);
	}
	free(dl->v);
	diag_init(dl);
}

/* Append a diagnostic at FILE:LINE:COL. */
void
diag_add(struct diag_list *dl, enum diag_level level, const char *file,
    int line, int col, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	diag_vadd(dl, level, file, line, col, fmt, ap);
	va_end(ap);
}

/* Append a diagnostic from a va_list. */
void
diag_vadd(struct diag_list *dl, enum diag_level level, const char *file,
    int line, int col, const char *fmt, va_list ap)
{
	struct diag	*d;
	va_list		 aq;
	char		*msg;
	int		 n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		fatalx("bad diagnostic format");
	msg = xmalloc((size_t)n + 1);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);

	if (dl->n == dl->cap) {
		dl->cap = dl->cap ? dl->cap * 2 : 8;
		dl->v = xreallocarray(dl->v, dl->cap, sizeof *dl->v);
	}
	d = &dl->v[dl->n++];
	d->file = xstrdup(file != NULL ? file : "-");
	d->line = line;
	d->col = col;
	d->level = level;
	d->msg = msg;
	if (level == DIAG_ERROR)
		dl->errors++;
	else if (level == DIAG_WARNING)
		dl->warnings++;
	else
		dl->notes++;
}

/* Move all of src onto the end of dst. */
void
diag_move(struct diag_list *dst, struct diag_list *src)
{
	size_t	i;

	for (i = 0; i < src->n; i++) {
		if (dst->n == dst->cap) {
			dst->cap = dst->cap ? dst->cap * 2 : 8;
			dst->v = xreallocarray(dst->v, dst->cap, sizeof *dst->v);
		}
		dst->v[dst->n++] = src->v[i];
	}
	dst->errors += src->errors;
	dst->warnings += src->warnings;
	dst->notes += src->notes;
	free(src->v);
	diag_init(src);
}

/* "FILE:LINE:COL: error: MSG", safe to print. */
char *
diag_format(const struct diag *d)
{
	static const char *const levels[] = { "error", "warning", "note" };
	struct strbuf	 sb;
	const char	*level = levels[d->level];

	sb_init(&sb);
	sb_add_sanitized(&sb, d->file, 0);
	if (d->line > 0)
		sb_addf(&sb, ":%d:%d", d->line, d->col);
	sb_addf(&sb, ": %s: ", level);
	sb_add_sanitized(&sb, d->msg, 0);
	return sb_take(&sb);
}

/* Print each diagnostic on its own line. */
void
diag_print(const struct diag_list *dl, FILE *f)
{
	size_t	 i;
	char	*s;

	for (i = 0; i < dl->n; i++) {
		s = diag_format(&dl->v[i]);
		fprintf(f, "%s\n", s);
		free(s);
	}
}
