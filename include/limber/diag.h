/*
 * Diagnostics in the compiler's form: FILE:LINE:COL: error: MESSAGE, or
 * warning: or note: in place of error:.
 */
#ifndef LIMBER_DIAG_H
#define LIMBER_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include "limber/xmalloc.h"

enum diag_level {
	DIAG_ERROR,
	DIAG_WARNING,
	DIAG_NOTE,	/* for information only, never a problem */
};

struct diag {
	char		*file;
	int		 line;		/* 1-based; 0 when the file as a whole */
	int		 col;		/* 1-based; 0 when the file as a whole */
	enum diag_level	 level;
	char		*msg;
};

struct diag_list {
	struct diag	*v;
	size_t		 n;
	size_t		 cap;
	size_t		 errors;
	size_t		 warnings;
	size_t		 notes;
};

void	diag_init(struct diag_list *);
void	diag_done(struct diag_list *);
void	diag_add(struct diag_list *, enum diag_level, const char *file,
	    int line, int col, const char *fmt, ...) printflike(6, 7);
void	diag_vadd(struct diag_list *, enum diag_level, const char *file,
	    int line, int col, const char *fmt, va_list) printflike(6, 0);
/* Move every diagnostic of src to the end of dst; src ends empty. */
void	diag_move(struct diag_list *dst, struct diag_list *src);
/* One line, control characters made visible; caller frees. */
char	*diag_format(const struct diag *);
/* Print every diagnostic, one line each. */
void	diag_print(const struct diag_list *, FILE *);

#endif
