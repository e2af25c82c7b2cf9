/*
 * Filling a struct from the YAML tree by a table of fields, with every
 * problem reported at its line and column: the machinery that routines
 * and settings share.
 */
#ifndef LIMBER_YLOAD_H
#define LIMBER_YLOAD_H

#include <stddef.h>

#include "limber/diag.h"
#include "limber/ydoc.h"

#define YLOAD_ERRORS_MAX	50	/* per file, then it stops reporting */
#define YLOAD_QUOTE_MAX		40	/* bytes of a value in a message */
#define YLOAD_QUOTE_SIZE	(YLOAD_QUOTE_MAX + 8)	/* for yload_quote */
#define YLOAD_FIELDS_MAX	16	/* fields in one table */

/* How the messages of one kind of file differ. */
#define YLOAD_KNOWN_KEYS	0x1	/* an unknown key lists the table */
#define YLOAD_NO_COMPLEX	0x2	/* complex keys: "not supported" */

/* One file being loaded. */
struct yload {
	const char		*file;
	struct diag_list	*diags;
	int			 flags;
	const char		*durations;	/* how to write one, for messages */
	size_t			 errors;
};

struct yload_field;
typedef int (*yload_fn)(struct yload *, const struct yload_field *,
    const struct ynode *key, const struct ynode *val, void *obj);

/* A key of a mapping and how its value fills a member of obj. */
struct yload_field {
	const char	*key;
	int		 required;
	yload_fn	 parse;
	size_t		 offset;	/* of the member it fills */
	long		 min;		/* numbers, durations and lengths */
	long		 max;
	const char	*expect;	/* what the value should be */
	const void	*data;		/* a parser's own table: words */
	size_t		 ndata;
};

/* Report an error at a node, until YLOAD_ERRORS_MAX; always -1. */
int	 yload_error(struct yload *, const struct ynode *at, const char *fmt,
	    ...) printflike(3, 4);
/* s, or s cut to YLOAD_QUOTE_MAX bytes in buf (YLOAD_QUOTE_SIZE). */
const char *yload_quote(const char *s, char *buf, size_t size);
/* Whether key has no value, after reporting it: nothing, null or "". */
int	 yload_missing(struct yload *, const struct ynode *key,
	    const struct ynode *val, const char *expect);
/* The scalar text of a value, or NULL after reporting why there is none. */
const char *yload_scalar(struct yload *, const struct ynode *key,
	    const struct ynode *val, const char *expect);
/* A mapping key that is text, or NULL after reporting. */
const struct ynode *yload_key(struct yload *, const struct ynode *key);

/* Parsers for a table: a duration or a whole number within [min, max]. */
int	 yload_duration(struct yload *, const struct yload_field *,
	    const struct ynode *, const struct ynode *, void *);
int	 yload_count(struct yload *, const struct yload_field *,
	    const struct ynode *, const struct ynode *, void *);

/*
 * Fill obj from a mapping by a table of at most YLOAD_FIELDS_MAX fields;
 * what names the mapping in messages. 0, or -1 after reporting every
 * problem: complex, unknown, duplicate and missing required keys. A field
 * with the same parser, offset and data as an earlier one is another
 * spelling of its key, and a mapping may hold only one of the two.
 */
int	 yload_map(struct yload *, const struct ynode *map,
	    const struct yload_field *, size_t n, void *obj, const char *what);

#endif
