/* Loading a routine from YAML against a table of fields. */
#include "limber/routine.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "limber/area.h"
#include "limber/duration.h"
#include "limber/text.h"
#include "limber/ydoc.h"

#define LOADER_ERRORS_MAX	50	/* per file, then it stops reporting */
#define LOADER_QUOTE_MAX	40	/* bytes of a value echoed in a message */

struct loader {
	const char		*file;
	struct diag_list	*diags;
	size_t			 errors;
};

struct field;
typedef int (*field_fn)(struct loader *, const struct field *,
    const struct ynode *key, const struct ynode *val, void *obj);

struct field {
	const char	*key;
	int		 required;
	field_fn	 parse;
	size_t		 offset;	/* of the member it fills */
	long		 min;		/* numbers and durations */
	long		 max;
};

static int	field_id(struct loader *, const struct field *,
		    const struct ynode *, const struct ynode *, void *);
static int	field_text(struct loader *, const struct field *,
		    const struct ynode *, const struct ynode *, void *);
static int	field_areas(struct loader *, const struct field *,
		    const struct ynode *, const struct ynode *, void *);
static int	field_tags(struct loader *, const struct field *,
		    const struct ynode *, const struct ynode *, void *);
static int	field_steps(struct loader *, const struct field *,
		    const struct ynode *, const struct ynode *, void *);
static int	field_kind(struct loader *, const struct field *,
		    const struct ynode *, const struct ynode *, void *);
static int	field_area(struct loader *, const struct field *,
		    const struct ynode *, const struct ynode *, void *);
static int	field_duration(struct loader *, const struct field *,
		    const struct ynode *, const struct ynode *, void *);
static int	field_sides(struct loader *, const struct field *,
		    const struct ynode *, const struct ynode *, void *);
static int	field_count(struct loader *, const struct field *,
		    const struct ynode *, const struct ynode *, void *);

static const struct field routine_fields[] = {
	{ "id", 1, field_id, offsetof(struct routine, id), 0, 0 },
	{ "name", 1, field_text, offsetof(struct routine, name),
	    1, ROUTINE_NAME_MAX },
	{ "areas", 1, field_areas, 0, 0, 0 },
	{ "description", 0, field_text, offsetof(struct routine, description),
	    1, 0 },
	{ "tags", 0, field_tags, 0, 0, 0 },
	{ "steps", 1, field_steps, 0, 1, ROUTINE_STEPS_MAX },
};

static const struct field step_fields[] = {
	{ "name", 1, field_text, offsetof(struct step, name), 1,
	    ROUTINE_NAME_MAX },
	{ "kind", 1, field_kind, 0, 0, 0 },
	{ "area", 1, field_area, 0, 0, 0 },
	{ "hold", 1, field_duration, offsetof(struct step, hold),
	    STEP_HOLD_MIN, STEP_HOLD_MAX },
	{ "sides", 0, field_sides, 0, 0, 0 },
	{ "reps", 0, field_count, offsetof(struct step, reps), 1,
	    STEP_REPS_MAX },
	{ "rest", 0, field_duration, offsetof(struct step, rest), 0,
	    STEP_REST_MAX },
	{ "cue", 0, field_text, offsetof(struct step, cue), 1, 0 },
};

#define NFIELDS(t) (sizeof (t) / sizeof (t)[0])

/* Report an error at a node; stops counting after LOADER_ERRORS_MAX. */
static int printflike(3, 4)
loader_error(struct loader *ld, const struct ynode *at, const char *fmt, ...)
{
	va_list	ap;

	if (ld->errors++ > LOADER_ERRORS_MAX)
		return -1;
	if (ld->errors > LOADER_ERRORS_MAX) {
		diag_add(ld->diags, DIAG_ERROR, ld->file, at->line, at->col,
		    "too many errors; stopping");
		return -1;
	}
	va_start(ap, fmt);
	diag_vadd(ld->diags, DIAG_ERROR, ld->file, at->line, at->col, fmt, ap);
	va_end(ap);
	return -1;
}

/* A value shortened for a message: at most LOADER_QUOTE_MAX bytes. */
static const char *
loader_quote(const char *s, char *buf, size_t size)
{
	size_t	len = strlen(s), cut = LOADER_QUOTE_MAX;

	if (len <= LOADER_QUOTE_MAX)
		return s;
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	snprintf(buf, size, "%.*s...", (int)cut, s);
	return buf;
}

/*
 * The scalar text of a value, or NULL after reporting why there is none:
 * a key with nothing after it, null, a list or mapping, or "".
 */
static const char *
loader_scalar(struct loader *ld, const struct ynode *key,
    const struct ynode *val, const char *what)
{
	if (val->type == YNODE_SCALAR && val->plain && val->len == 0) {
		loader_error(ld, key, "'%s' is empty; it needs %s", key->str,
		    what);
		return NULL;
	}
	if (ynode_is_null(val)) {
		loader_error(ld, val, "'%s' is null; it needs %s", key->str,
		    what);
		return NULL;
	}
	if (val->type != YNODE_SCALAR) {
		loader_error(ld, val, "'%s' must be %s, found %s", key->str,
		    what, ynode_type_name(val));
		return NULL;
	}
	if (val->len == 0) {
		loader_error(ld, val, "'%s' is empty; it needs %s", key->str,
		    what);
		return NULL;
	}
	return val->str;
}

/* A slug of [a-z0-9-]+, for ids and tags. */
static int
loader_is_slug(const char *s, size_t len, size_t max)
{
	size_t	i;

	if (len == 0 || len > max || strlen(s) != len)
		return 0;
	for (i = 0; i < len; i++) {
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	}
	return 1;
}

/* The routine's id. */
static int
field_id(struct loader *ld, const struct field *f, const struct ynode *key,
    const struct ynode *val, void *obj)
{
	struct routine	*r = obj;
	const char	*s;
	char		 q[LOADER_QUOTE_MAX + 8];

	(void)f;
	if ((s = loader_scalar(ld, key, val, "an id such as calves-post-run"))
	    == NULL)
		return -1;
	if (!loader_is_slug(s, val->len, ROUTINE_ID_MAX))
		return loader_error(ld, val, "invalid id '%s': use 1-%d "
		    "lowercase letters, digits and '-'",
		    loader_quote(s, q, sizeof q), ROUTINE_ID_MAX);
	r->id = xstrdup(s);
	r->line = val->line;
	r->col = val->col;
	return 0;
}

/* Free text: names, description, cue; max counts code points. */
static int
field_text(struct loader *ld, const struct field *f, const struct ynode *key,
    const struct ynode *val, void *obj)
{
	const char	*s;
	size_t		 n;

	if ((s = loader_scalar(ld, key, val, "text")) == NULL)
		return -1;
	if (strlen(s) != val->len)
		return loader_error(ld, val, "'%s' contains a NUL character",
		    key->str);
	if (f->max > 0 && (n = utf8_count(s)) > (size_t)f->max)
		return loader_error(ld, val, "'%s' is too long (%zu characters; "
		    "at most %ld)", key->str, n, f->max);
	*(char **)((char *)obj + f->offset) = xstrdup(s);
	return 0;
}

/* The known area ids, comma-separated, for messages. */
static const char *
loader_area_list(void)
{
	static char	list[512];
	size_t		i, len = 0;

	if (list[0] != '\0')
		return list;
	for (i = 0; i < area_count && len < sizeof list; i++)
		len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
		    i > 0 ? ", " : "", area_table[i].id);
	return list;
}

/* An area id, with a suggestion when it is close to a known one. */
static int
loader_area(struct loader *ld, const struct ynode *val, int *area)
{
	const char	*hint;
	char		 q[LOADER_QUOTE_MAX + 8];

	if (val->type != YNODE_SCALAR || ynode_is_null(val))
		return loader_error(ld, val, "an area must be an id such as "
		    "calves, found %s", ynode_type_name(val));
	if ((*area = area_find(val->str)) >= 0)
		return 0;
	if ((hint = area_suggest(val->str)) != NULL)
		return loader_error(ld, val, "unknown area '%s' (did you mean "
		    "'%s'?)", loader_quote(val->str, q, sizeof q), hint);
	return loader_error(ld, val, "unknown area '%s' (known areas: %s)",
	    loader_quote(val->str, q, sizeof q), loader_area_list());
}

/* A list that must not be empty, or NULL after reporting. */
static const struct ynode *
loader_list(struct loader *ld, const struct ynode *key,
    const struct ynode *val, const char *example)
{
	if (val->type == YNODE_SCALAR && val->plain && val->len == 0) {
		loader_error(ld, key, "'%s' is empty; it needs a list such as "
		    "%s", key->str, example);
		return NULL;
	}
	if (val->type != YNODE_SEQ) {
		loader_error(ld, val, "'%s' must be a list such as %s, found %s",
		    key->str, example, ynode_type_name(val));
		return NULL;
	}
	if (val->nkids == 0) {
		loader_error(ld, val, "'%s' is empty; it needs a list such as "
		    "%s", key->str, example);
		return NULL;
	}
	return val;
}

/* The routine's areas. */
static int
field_areas(struct loader *ld, const struct field *f, const struct ynode *key,
    const struct ynode *val, void *obj)
{
	struct routine	*r = obj;
	size_t		 i, j;
	int		 area = -1, bad = 0;

	(void)f;
	if (loader_list(ld, key, val, "[calves]") == NULL)
		return -1;
	r->areas = xreallocarray(NULL, val->nkids, sizeof *r->areas);
	for (i = 0; i < val->nkids; i++) {
		if (loader_area(ld, val->kids[i], &area) != 0) {
			bad = -1;
			continue;
		}
		for (j = 0; j < r->nareas && r->areas[j] != area; j++)
			;
		if (j < r->nareas) {
			bad = loader_error(ld, val->kids[i], "area '%s' is "
			    "listed twice", area_id(area));
			continue;
		}
		r->areas[r->nareas++] = area;
	}
	return bad;
}

/* The routine's tags. */
static int
field_tags(struct loader *ld, const struct field *f, const struct ynode *key,
    const struct ynode *val, void *obj)
{
	struct routine		*r = obj;
	const struct ynode	*t;
	size_t			 i;
	int			 bad = 0;
	char			 q[LOADER_QUOTE_MAX + 8];

	(void)f;
	if (loader_list(ld, key, val, "[post-run, rest-day]") == NULL)
		return -1;
	r->tags = xreallocarray(NULL, val->nkids, sizeof *r->tags);
	for (i = 0; i < val->nkids; i++) {
		t = val->kids[i];
		if (t->type != YNODE_SCALAR || !loader_is_slug(t->str, t->len,
		    ROUTINE_ID_MAX)) {
			bad = loader_error(ld, t, "invalid tag '%s': use "
			    "lowercase letters, digits and '-'",
			    t->type == YNODE_SCALAR ?
			    loader_quote(t->str, q, sizeof q) : "...");
			continue;
		}
		r->tags[r->ntags++] = xstrdup(t->str);
	}
	return bad;
}

/* stretch or roll. */
static int
field_kind(struct loader *ld, const struct field *f, const struct ynode *key,
    const struct ynode *val, void *obj)
{
	static const char *const kinds[] = { "stretch", "roll" };
	struct step	*s = obj;
	const char	*v, *hint;
	char		 q[LOADER_QUOTE_MAX + 8];

	(void)f;
	if ((v = loader_scalar(ld, key, val, "stretch or roll")) == NULL)
		return -1;
	if (strcmp(v, "stretch") == 0)
		s->kind = STEP_STRETCH;
	else if (strcmp(v, "roll") == 0)
		s->kind = STEP_ROLL;
	else if ((hint = text_suggest(v, kinds, 2)) != NULL)
		return loader_error(ld, val, "unknown kind '%s' (expected "
		    "stretch or roll; did you mean '%s'?)",
		    loader_quote(v, q, sizeof q), hint);
	else
		return loader_error(ld, val, "unknown kind '%s' (expected "
		    "stretch or roll)", loader_quote(v, q, sizeof q));
	return 0;
}

/* The step's area. */
static int
field_area(struct loader *ld, const struct field *f, const struct ynode *key,
    const struct ynode *val, void *obj)
{
	struct step	*s = obj;

	(void)f;
	if (loader_scalar(ld, key, val, "an area such as calves") == NULL)
		return -1;
	return loader_area(ld, val, &s->area);
}

/* A duration in seconds within [min, max]. */
static int
field_duration(struct loader *ld, const struct field *f,
    const struct ynode *key, const struct ynode *val, void *obj)
{
	enum duration_error	 e;
	long long		 secs = 0;
	const char		*v;
	char			 q[LOADER_QUOTE_MAX + 8], lo[32], hi[32];

	if ((v = loader_scalar(ld, key, val, "a duration such as 30s")) == NULL)
		return -1;
	v = loader_quote(v, q, sizeof q);
	switch ((e = duration_parse(val->str, &secs))) {
	case DURATION_OK:
		break;
	case DURATION_NEGATIVE:
		return loader_error(ld, val, "invalid duration '%s' for '%s': "
		    "negative", v, key->str);
	case DURATION_OVERFLOW:
		return loader_error(ld, val, "duration '%s' for '%s' is too "
		    "large", v, key->str);
	default:
		return loader_error(ld, val, "invalid duration '%s' for '%s' "
		    "(write e.g. 30, 30s, 1m or 1m30s)", v, key->str);
	}
	if (secs < f->min || secs > f->max)
		return loader_error(ld, val, "%s %s is out of range (%s to %s)",
		    key->str, v, duration_format(f->min, lo, sizeof lo),
		    duration_format(f->max, hi, sizeof hi));
	*(int *)((char *)obj + f->offset) = (int)secs;
	return 0;
}

/* both or none. */
static int
field_sides(struct loader *ld, const struct field *f, const struct ynode *key,
    const struct ynode *val, void *obj)
{
	struct step	*s = obj;
	const char	*v;
	char		 q[LOADER_QUOTE_MAX + 8];

	(void)f;
	if ((v = loader_scalar(ld, key, val, "both or none")) == NULL)
		return -1;
	if (strcmp(v, "both") == 0)
		s->both_sides = 1;
	else if (strcmp(v, "none") == 0)
		s->both_sides = 0;
	else
		return loader_error(ld, val, "unknown sides '%s' (expected both "
		    "or none)", loader_quote(v, q, sizeof q));
	return 0;
}

/* A whole number within [min, max]. */
static int
field_count(struct loader *ld, const struct field *f, const struct ynode *key,
    const struct ynode *val, void *obj)
{
	const char	*v, *p;
	long		 n = 0;
	char		 q[LOADER_QUOTE_MAX + 8];

	if ((v = loader_scalar(ld, key, val, "a whole number")) == NULL)
		return -1;
	for (p = v; *p >= '0' && *p <= '9'; p++) {
		if (n <= f->max)
			n = n * 10 + (*p - '0');
	}
	if (*p != '\0' || p == v)
		return loader_error(ld, val, "'%s' must be a whole number from "
		    "%ld to %ld, found '%s'", key->str, f->min, f->max,
		    loader_quote(v, q, sizeof q));
	if (n < f->min || n > f->max)
		return loader_error(ld, val, "%s %s is out of range (%ld to %ld)",
		    key->str, loader_quote(v, q, sizeof q), f->min, f->max);
	*(int *)((char *)obj + f->offset) = (int)n;
	return 0;
}

/* The field a key names, or NULL. */
static const struct field *
loader_field(const struct field *fields, size_t n, const struct ynode *key)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (strcmp(fields[i].key, key->str) == 0 &&
		    strlen(key->str) == key->len)
			return &fields[i];
	}
	return NULL;
}

/* Report a key that is not in the table, suggesting a near one. */
static int
loader_unknown(struct loader *ld, const struct field *fields, size_t n,
    const struct ynode *key)
{
	const char	*names[16], *hint;
	size_t		 i;
	char		 q[LOADER_QUOTE_MAX + 8];

	for (i = 0; i < n && i < 16; i++)
		names[i] = fields[i].key;
	hint = text_suggest(key->str, names, i);
	if (hint != NULL)
		return loader_error(ld, key, "unknown key '%s' (did you mean "
		    "'%s'?)", loader_quote(key->str, q, sizeof q), hint);
	return loader_error(ld, key, "unknown key '%s'",
	    loader_quote(key->str, q, sizeof q));
}

/* Fill obj from a mapping by the table; every problem is reported. */
static int
loader_map(struct loader *ld, const struct ynode *map,
    const struct field *fields, size_t n, void *obj, const char *what)
{
	const struct ynode	*seen[16] = { NULL };
	const struct field	*f;
	size_t			 i;
	int			 bad = 0;

	if (map->type != YNODE_MAP)
		return loader_error(ld, map, "%s must be a mapping of keys such "
		    "as %s, found %s", what, fields[0].key,
		    ynode_type_name(map));
	for (i = 0; i + 1 < map->nkids; i += 2) {
		const struct ynode *key = map->kids[i], *val = map->kids[i + 1];

		if (key->type != YNODE_SCALAR) {
			bad = loader_error(ld, key, "a key must be plain text, "
			    "found %s (complex keys are not supported)",
			    ynode_type_name(key));
			continue;
		}
		if ((f = loader_field(fields, n, key)) == NULL) {
			bad = loader_unknown(ld, fields, n, key);
			continue;
		}
		if (seen[f - fields] != NULL) {
			bad = loader_error(ld, key, "duplicate key '%s' (first "
			    "at %d:%d)", f->key, seen[f - fields]->line,
			    seen[f - fields]->col);
			continue;
		}
		seen[f - fields] = key;
		if (f->parse(ld, f, key, val, obj) != 0)
			bad = -1;
	}
	for (i = 0; i < n; i++) {
		if (fields[i].required && seen[i] == NULL)
			bad = loader_error(ld, map, "missing required key '%s' "
			    "in %s", fields[i].key, what);
	}
	return bad;
}

/* The routine's steps. */
static int
field_steps(struct loader *ld, const struct field *f, const struct ynode *key,
    const struct ynode *val, void *obj)
{
	struct routine	*r = obj;
	struct step	*s;
	size_t		 i;
	int		 bad = 0;

	if (loader_list(ld, key, val, "[{name: ..., kind: stretch, ...}]") ==
	    NULL)
		return -1;
	if (val->nkids > (size_t)f->max)
		return loader_error(ld, val->kids[f->max], "too many steps "
		    "(%zu; at most %ld)", val->nkids, f->max);
	r->steps = xcalloc(val->nkids, sizeof *r->steps);
	for (i = 0; i < val->nkids; i++) {
		s = &r->steps[r->nsteps++];
		s->reps = 1;
		s->line = val->kids[i]->line;
		if (loader_map(ld, val->kids[i], step_fields,
		    NFIELDS(step_fields), s, "a step") != 0)
			bad = -1;
	}
	return bad;
}

/* Build a routine from a parsed document. */
static struct routine *
routine_from_doc(struct loader *ld, const struct ydoc *doc)
{
	struct routine	*r;

	if (doc->root == NULL || ynode_is_null(doc->root)) {
		diag_add(ld->diags, DIAG_ERROR, ld->file, 1, 1, "empty file; "
		    "expected a routine (id, name, areas, steps)");
		return NULL;
	}
	r = xcalloc(1, sizeof *r);
	r->path = xstrdup(ld->file);
	if (doc->root->type != YNODE_MAP) {
		loader_error(ld, doc->root, "the top level must be a mapping "
		    "(id: ..., name: ..., steps: ...), found %s",
		    ynode_type_name(doc->root));
	} else if (loader_map(ld, doc->root, routine_fields,
	    NFIELDS(routine_fields), r, "the routine") == 0 && ld->errors == 0)
		return r;
	routine_free(r);
	return NULL;
}

/*
 * Validate what was parsed. A document followed by another is still
 * checked, so its problems are reported too, but the file is refused.
 */
static struct routine *
routine_from_parse(struct loader *ld, const struct ydoc *doc, int parsed)
{
	struct routine	*r;

	if (parsed == 0)
		return routine_from_doc(ld, doc);
	if (doc->complete && (r = routine_from_doc(ld, doc)) != NULL)
		routine_free(r);
	return NULL;
}

/* Hand a file's diagnostics to the caller in the order of the file. */
static void
routine_report(struct diag_list *file, struct diag_list *diags)
{
	struct diag	d;
	size_t		i, j;

	for (i = 1; i < file->n; i++) {
		d = file->v[i];
		for (j = i; j > 0 && (file->v[j - 1].line > d.line ||
		    (file->v[j - 1].line == d.line &&
		    file->v[j - 1].col > d.col)); j--)
			file->v[j] = file->v[j - 1];
		file->v[j] = d;
	}
	diag_move(diags, file);
}

/* Parse and validate a routine held in memory. */
struct routine *
routine_load_buffer(const char *file, const char *buf, size_t len,
    struct diag_list *diags)
{
	struct diag_list	 found;
	struct loader		 ld = { file, &found, 0 };
	struct ydoc		 doc;
	struct routine		*r;

	diag_init(&found);
	r = routine_from_parse(&ld, &doc, ydoc_parse(&doc, file, buf, len,
	    &found));
	ydoc_free(&doc);
	routine_report(&found, diags);
	return r;
}

/* Read, parse and validate a routine file. */
struct routine *
routine_load(const char *path, struct diag_list *diags)
{
	struct diag_list	 found;
	struct loader		 ld = { path, &found, 0 };
	struct ydoc		 doc;
	struct routine		*r;

	diag_init(&found);
	r = routine_from_parse(&ld, &doc, ydoc_load(&doc, path, &found));
	ydoc_free(&doc);
	routine_report(&found, diags);
	return r;
}
