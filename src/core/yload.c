/* Filling structs from the YAML tree by tables of fields. */
#include "limber/yload.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "limber/duration.h"
#include "limber/text.h"

/* Report an error at a node; stops after YLOAD_ERRORS_MAX. */
int
yload_error(struct yload *ld, const struct ynode *at, const char *fmt, ...)
{
	va_list	ap;

	if (ld->errors++ > YLOAD_ERRORS_MAX)
		return -1;
	if (ld->errors > YLOAD_ERRORS_MAX) {
		diag_add(ld->diags, DIAG_ERROR, ld->file, at->line, at->col,
		    "too many errors; stopping");
		return -1;
	}
	va_start(ap, fmt);
	diag_vadd(ld->diags, DIAG_ERROR, ld->file, at->line, at->col, fmt, ap);
	va_end(ap);
	return -1;
}

/* A value shortened for a message: at most YLOAD_QUOTE_MAX bytes. */
const char *
yload_quote(const char *s, char *buf, size_t size)
{
	size_t	len = strlen(s), cut = YLOAD_QUOTE_MAX;

	if (len <= YLOAD_QUOTE_MAX)
		return s;
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	snprintf(buf, size, "%.*s...", (int)cut, s);
	return buf;
}

/*
 * Whether a key has no value: nothing after it is reported at the key,
 * a written null or "" at the value.
 */
int
yload_missing(struct yload *ld, const struct ynode *key,
    const struct ynode *val, const char *expect)
{
	if (val->type == YNODE_SCALAR && val->plain && val->len == 0) {
		yload_error(ld, key, "'%s' is empty; it needs %s", key->str,
		    expect);
		return 1;
	}
	if (ynode_is_null(val)) {
		yload_error(ld, val, "'%s' is null; it needs %s", key->str,
		    expect);
		return 1;
	}
	if (val->type == YNODE_SCALAR && val->len == 0) {
		yload_error(ld, val, "'%s' is empty; it needs %s", key->str,
		    expect);
		return 1;
	}
	return 0;
}

/* The scalar text of a value, or NULL after reporting why there is none. */
const char *
yload_scalar(struct yload *ld, const struct ynode *key,
    const struct ynode *val, const char *expect)
{
	if (yload_missing(ld, key, val, expect))
		return NULL;
	if (val->type != YNODE_SCALAR) {
		yload_error(ld, val, "'%s' must be %s, found %s", key->str,
		    expect, ynode_type_name(val));
		return NULL;
	}
	return val->str;
}

/* A mapping key that is text, else NULL after reporting. */
const struct ynode *
yload_key(struct yload *ld, const struct ynode *key)
{
	if (key->type == YNODE_SCALAR)
		return key;
	yload_error(ld, key, "a key must be plain text, found %s%s",
	    ynode_type_name(key), (ld->flags & YLOAD_NO_COMPLEX) ?
	    " (complex keys are not supported)" : "");
	return NULL;
}

/* A duration in seconds within [min, max]. */
int
yload_duration(struct yload *ld, const struct yload_field *f,
    const struct ynode *key, const struct ynode *val, void *obj)
{
	long long	 secs = 0;
	const char	*v;
	char		 q[YLOAD_QUOTE_SIZE], lo[32], hi[32];

	if ((v = yload_scalar(ld, key, val, f->expect)) == NULL)
		return -1;
	v = yload_quote(v, q, sizeof q);
	switch (duration_parse(val->str, &secs)) {
	case DURATION_OK:
		break;
	case DURATION_NEGATIVE:
		return yload_error(ld, val, "invalid duration '%s' for '%s': "
		    "negative", v, f->key);
	case DURATION_OVERFLOW:
		return yload_error(ld, val, "duration '%s' for '%s' is too "
		    "large", v, f->key);
	default:
		return yload_error(ld, val, "invalid duration '%s' for '%s' "
		    "(write e.g. %s)", v, f->key, ld->durations);
	}
	if (secs < f->min || secs > f->max)
		return yload_error(ld, val, "%s %s is out of range (%s to %s)",
		    f->key, v, duration_format(f->min, lo, sizeof lo),
		    duration_format(f->max, hi, sizeof hi));
	*(int *)((char *)obj + f->offset) = (int)secs;
	return 0;
}

/* A whole number within [min, max]. */
int
yload_count(struct yload *ld, const struct yload_field *f,
    const struct ynode *key, const struct ynode *val, void *obj)
{
	const char	*v, *p;
	long		 n = 0;
	char		 q[YLOAD_QUOTE_SIZE];

	if ((v = yload_scalar(ld, key, val, f->expect)) == NULL)
		return -1;
	for (p = v; *p >= '0' && *p <= '9'; p++) {
		if (n <= f->max)
			n = n * 10 + (*p - '0');
	}
	if (*p != '\0' || p == v)
		return yload_error(ld, val, "'%s' must be a whole number from "
		    "%ld to %ld, found '%s'", f->key, f->min, f->max,
		    yload_quote(v, q, sizeof q));
	if (n < f->min || n > f->max)
		return yload_error(ld, val, "%s %s is out of range (%ld to %ld)",
		    f->key, yload_quote(v, q, sizeof q), f->min, f->max);
	*(int *)((char *)obj + f->offset) = (int)n;
	return 0;
}

/* The field a key names in a table, or NULL. */
static const struct yload_field *
yload_find(const struct yload_field *fields, size_t n, const struct ynode *key)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (strcmp(fields[i].key, key->str) == 0 &&
		    strlen(key->str) == key->len)
			return &fields[i];
	}
	return NULL;
}

/*
 * The index of the first field that fills the same member the same way
 * as f: f's own, or the one it is another spelling of ("color").
 */
static size_t
yload_spelling(const struct yload_field *fields, const struct yload_field *f)
{
	const struct yload_field	*g;

	for (g = fields; g < f; g++) {
		if (g->parse == f->parse && g->offset == f->offset &&
		    g->data == f->data)
			break;
	}
	return (size_t)(g - fields);
}

/* Report a key given twice, perhaps spelled another way the first time. */
static int
yload_duplicate(struct yload *ld, const struct ynode *key,
    const struct ynode *first)
{
	if (strcmp(key->str, first->str) == 0)
		return yload_error(ld, key, "duplicate key '%s' (first at "
		    "%d:%d)", key->str, first->line, first->col);
	return yload_error(ld, key, "duplicate key '%s' (first at %d:%d as "
	    "'%s')", key->str, first->line, first->col, first->str);
}

/* Report a key that is not in the table, suggesting a near one. */
static int
yload_unknown(struct yload *ld, const struct yload_field *fields, size_t n,
    const struct ynode *key)
{
	struct strbuf	 sb;
	const char	*names[YLOAD_FIELDS_MAX], *hint;
	size_t		 i;
	char		 q[YLOAD_QUOTE_SIZE], *list;

	for (i = 0; i < n; i++)
		names[i] = fields[i].key;
	if ((hint = text_suggest(key->str, names, n)) != NULL)
		return yload_error(ld, key, "unknown key '%s' (did you mean "
		    "'%s'?)", yload_quote(key->str, q, sizeof q), hint);
	if (!(ld->flags & YLOAD_KNOWN_KEYS))
		return yload_error(ld, key, "unknown key '%s'",
		    yload_quote(key->str, q, sizeof q));
	sb_init(&sb);
	for (i = 0; i < n; i++)
		sb_addf(&sb, "%s%s", i > 0 ? ", " : "", names[i]);
	list = sb_take(&sb);
	yload_error(ld, key, "unknown key '%s' (known keys: %s)",
	    yload_quote(key->str, q, sizeof q), list);
	free(list);
	return -1;
}

/* Fill obj from a mapping by the table; every problem is reported. */
int
yload_map(struct yload *ld, const struct ynode *map,
    const struct yload_field *fields, size_t n, void *obj, const char *what)
{
	const struct ynode		*seen[YLOAD_FIELDS_MAX] = { NULL };
	const struct ynode		*key, *first;
	const struct yload_field	*f;
	size_t				 i;
	int				 bad = 0;

	if (n > YLOAD_FIELDS_MAX)
		fatalx("%s: a table of %zu fields", __func__, n);
	if (map->type != YNODE_MAP)
		return yload_error(ld, map, "%s must be a mapping of keys such "
		    "as %s, found %s", what, fields[0].key,
		    ynode_type_name(map));
	for (i = 0; i + 1 < map->nkids; i += 2) {
		if ((key = yload_key(ld, map->kids[i])) == NULL) {
			bad = -1;
			continue;
		}
		if ((f = yload_find(fields, n, key)) == NULL) {
			bad = yload_unknown(ld, fields, n, key);
			continue;
		}
		if ((first = seen[yload_spelling(fields, f)]) != NULL) {
			bad = yload_duplicate(ld, key, first);
			continue;
		}
		seen[yload_spelling(fields, f)] = key;
		if (f->parse(ld, f, key, map->kids[i + 1], obj) != 0)
			bad = -1;
	}
	for (i = 0; i < n; i++) {
		if (fields[i].required && seen[i] == NULL)
			bad = yload_error(ld, map, "missing required key '%s' "
			    "in %s", fields[i].key, what);
	}
	return bad;
}
