/* Loading a routine from YAML against a table of fields. */
#include "limber/routine.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "limber/area.h"
#include "limber/text.h"
#include "limber/yload.h"

#define ROUTINE_DURATIONS	"30s, 1 min, 1m30s or 1:30"	/* for messages */

static int	field_id(struct yload *, const struct yload_field *,
		    const struct ynode *, const struct ynode *, void *);
static int	field_text(struct yload *, const struct yload_field *,
		    const struct ynode *, const struct ynode *, void *);
static int	field_areas(struct yload *, const struct yload_field *,
		    const struct ynode *, const struct ynode *, void *);
static int	field_tags(struct yload *, const struct yload_field *,
		    const struct ynode *, const struct ynode *, void *);
static int	field_steps(struct yload *, const struct yload_field *,
		    const struct ynode *, const struct ynode *, void *);
static int	field_kind(struct yload *, const struct yload_field *,
		    const struct ynode *, const struct ynode *, void *);
static int	field_area(struct yload *, const struct yload_field *,
		    const struct ynode *, const struct ynode *, void *);
static int	field_sides(struct yload *, const struct yload_field *,
		    const struct ynode *, const struct ynode *, void *);

static const struct yload_field routine_fields[] = {
	{ "id", 1, field_id, offsetof(struct routine, id), 0, 0,
	    "an id such as calves-post-run", NULL, 0 },
	{ "name", 1, field_text, offsetof(struct routine, name), 1,
	    ROUTINE_NAME_MAX, "text", NULL, 0 },
	{ "areas", 1, field_areas, 0, 0, 0, "a list such as [calves]",
	    NULL, 0 },
	{ "description", 0, field_text, offsetof(struct routine, description),
	    1, 0, "text", NULL, 0 },
	{ "tags", 0, field_tags, 0, 0, 0,
	    "a list such as [post-run, rest-day]", NULL, 0 },
	{ "steps", 1, field_steps, 0, 1, ROUTINE_STEPS_MAX,
	    "a list such as [{name: ..., kind: stretch, ...}]", NULL, 0 },
};

static const struct yload_field step_fields[] = {
	{ "name", 1, field_text, offsetof(struct step, name), 1,
	    ROUTINE_NAME_MAX, "text", NULL, 0 },
	{ "kind", 1, field_kind, 0, 0, 0, "stretch or roll", NULL, 0 },
	{ "area", 1, field_area, 0, 0, 0, "an area such as calves", NULL, 0 },
	{ "hold", 1, yload_duration, offsetof(struct step, hold),
	    STEP_HOLD_MIN, STEP_HOLD_MAX, "a duration such as 30s", NULL, 0 },
	{ "sides", 0, field_sides, 0, 0, 0, "both, none, left or right", NULL,
	    0 },
	{ "reps", 0, yload_count, offsetof(struct step, reps), 1,
	    STEP_REPS_MAX, "a whole number", NULL, 0 },
	{ "rest", 0, yload_duration, offsetof(struct step, rest), 0,
	    STEP_REST_MAX, "a duration such as 30s", NULL, 0 },
	{ "cue", 0, field_text, offsetof(struct step, cue), 1, 0, "text",
	    NULL, 0 },
};

#define NFIELDS(t) (sizeof (t) / sizeof (t)[0])

_Static_assert(NFIELDS(routine_fields) <= YLOAD_FIELDS_MAX,
    "too many routine fields for YLOAD_FIELDS_MAX");
_Static_assert(NFIELDS(step_fields) <= YLOAD_FIELDS_MAX,
    "too many step fields for YLOAD_FIELDS_MAX");

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
field_id(struct yload *ld, const struct yload_field *f,
    const struct ynode *key, const struct ynode *val, void *obj)
{
	struct routine	*r = obj;
	const char	*s;
	char		 q[YLOAD_QUOTE_SIZE];

	if ((s = yload_scalar(ld, key, val, f->expect)) == NULL)
		return -1;
	if (!loader_is_slug(s, val->len, ROUTINE_ID_MAX))
		return yload_error(ld, val, "invalid id '%s': use 1-%d "
		    "lowercase letters, digits and '-'",
		    yload_quote(s, q, sizeof q), ROUTINE_ID_MAX);
	r->id = xstrdup(s);
	r->line = val->line;
	r->col = val->col;
	return 0;
}

/* Free text: names, description, cue; max counts code points. */
static int
field_text(struct yload *ld, const struct yload_field *f,
    const struct ynode *key, const struct ynode *val, void *obj)
{
	const char	*s;
	size_t		 n;

	if ((s = yload_scalar(ld, key, val, f->expect)) == NULL)
		return -1;
	if (strlen(s) != val->len)
		return yload_error(ld, val, "'%s' contains a NUL character",
		    key->str);
	if (f->max > 0 && (n = utf8_count(s)) > (size_t)f->max)
		return yload_error(ld, val, "'%s' is too long (%zu characters; "
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

/* An area by its id or a common name, with a suggestion when close. */
static int
loader_area(struct yload *ld, const struct ynode *val, int *area)
{
	const char	*hint;
	char		 q[YLOAD_QUOTE_SIZE];

	if (val->type != YNODE_SCALAR || ynode_is_null(val))
		return yload_error(ld, val, "an area must be an id such as "
		    "calves, found %s", ynode_type_name(val));
	if (strlen(val->str) == val->len &&
	    (*area = area_lookup(val->str)) >= 0)
		return 0;
	if ((hint = area_suggest(val->str)) != NULL)
		return yload_error(ld, val, "unknown area '%s' (did you mean "
		    "'%s'?)", yload_quote(val->str, q, sizeof q), hint);
	return yload_error(ld, val, "unknown area '%s' (known areas: %s)",
	    yload_quote(val->str, q, sizeof q), loader_area_list());
}

/* A list that must not be empty, or NULL after reporting. */
static const struct ynode *
loader_list(struct yload *ld, const struct yload_field *f,
    const struct ynode *key, const struct ynode *val)
{
	if (val->type == YNODE_SCALAR && val->plain && val->len == 0) {
		yload_error(ld, key, "'%s' is empty; it needs %s", key->str,
		    f->expect);
		return NULL;
	}
	if (val->type != YNODE_SEQ) {
		yload_error(ld, val, "'%s' must be %s, found %s", key->str,
		    f->expect, ynode_type_name(val));
		return NULL;
	}
	if (val->nkids == 0) {
		yload_error(ld, val, "'%s' is empty; it needs %s", key->str,
		    f->expect);
		return NULL;
	}
	return val;
}

/* The routine's areas. */
static int
field_areas(struct yload *ld, const struct yload_field *f,
    const struct ynode *key, const struct ynode *val, void *obj)
{
	struct routine	*r = obj;
	size_t		 i, j;
	int		 area = -1, bad = 0;

	if (loader_list(ld, f, key, val) == NULL)
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
			bad = yload_error(ld, val->kids[i], "area '%s' is "
			    "listed twice", area_id(area));
			continue;
		}
		r->areas[r->nareas++] = area;
	}
	return bad;
}

/* The routine's tags. */
static int
field_tags(struct yload *ld, const struct yload_field *f,
    const struct ynode *key, const struct ynode *val, void *obj)
{
	struct routine		*r = obj;
	const struct ynode	*t;
	size_t			 i;
	int			 bad = 0;
	char			 q[YLOAD_QUOTE_SIZE];

	if (loader_list(ld, f, key, val) == NULL)
		return -1;
	r->tags = xreallocarray(NULL, val->nkids, sizeof *r->tags);
	for (i = 0; i < val->nkids; i++) {
		t = val->kids[i];
		if (t->type != YNODE_SCALAR) {
			bad = yload_error(ld, t, "a tag is a word, not a %s: "
			    "write tags: [a, b]", t->type == YNODE_SEQ ?
			    "list" : "mapping");
			continue;
		}
		if (!loader_is_slug(t->str, t->len, ROUTINE_ID_MAX)) {
			bad = yload_error(ld, t, "invalid tag '%s': use "
			    "lowercase letters, digits and '-'",
			    yload_quote(t->str, q, sizeof q));
			continue;
		}
		r->tags[r->ntags++] = xstrdup(t->str);
	}
	return bad;
}

/* stretch or roll, in the words people use for them. */
static int
field_kind(struct yload *ld, const struct yload_field *f,
    const struct ynode *key, const struct ynode *val, void *obj)
{
	struct step	*s = obj;
	const char	*v, *hint;
	char		 q[YLOAD_QUOTE_SIZE];
	int		 kind;

	if ((v = yload_scalar(ld, key, val, f->expect)) == NULL)
		return -1;
	if (strlen(v) == val->len && (kind = step_kind_lookup(v)) >= 0) {
		s->kind = (enum step_kind)kind;
		return 0;
	}
	if ((hint = step_kind_suggest(v)) != NULL)
		return yload_error(ld, val, "unknown kind '%s' (expected "
		    "stretch or roll; did you mean '%s'?)",
		    yload_quote(v, q, sizeof q), hint);
	return yload_error(ld, val, "unknown kind '%s' (expected stretch or "
	    "roll)", yload_quote(v, q, sizeof q));
}

/* The step's area. */
static int
field_area(struct yload *ld, const struct yload_field *f,
    const struct ynode *key, const struct ynode *val, void *obj)
{
	struct step	*s = obj;

	if (yload_scalar(ld, key, val, f->expect) == NULL)
		return -1;
	return loader_area(ld, val, &s->area);
}

/* both, none, or one side only: left or right. */
static int
field_sides(struct yload *ld, const struct yload_field *f,
    const struct ynode *key, const struct ynode *val, void *obj)
{
	struct step	*s = obj;
	const char	*v, *hint;
	char		 q[YLOAD_QUOTE_SIZE];
	int		 sides;

	if ((v = yload_scalar(ld, key, val, f->expect)) == NULL)
		return -1;
	if (strlen(v) != val->len || (sides = step_sides_lookup(v)) < 0) {
		if ((hint = step_sides_suggest(v)) != NULL)
			return yload_error(ld, val, "unknown sides '%s' "
			    "(expected %s; did you mean '%s'?)",
			    yload_quote(v, q, sizeof q), f->expect, hint);
		return yload_error(ld, val, "unknown sides '%s' (expected %s)",
		    yload_quote(v, q, sizeof q), f->expect);
	}
	s->both_sides = sides == SIDES_BOTH;
	s->one_side = sides == SIDES_LEFT || sides == SIDES_RIGHT ?
	    (enum step_sides)sides : SIDES_NONE;
	return 0;
}

/*
 * A step held on one side only must work an area that has sides; checked
 * once the whole step is read, as its keys come in any order.
 */
static int
loader_one_side(struct yload *ld, const struct ynode *map,
    const struct step *s)
{
	const struct ynode	*at = ynode_get(map, "sides");

	if (s->one_side == SIDES_NONE || s->area < 0 || at == NULL ||
	    area_table[s->area].sided)
		return 0;
	return yload_error(ld, at, "sides: %s on %s, which has no left or "
	    "right side (use sides: none)", step_sides_name(s->one_side),
	    area_id(s->area));
}

/* The routine's steps. */
static int
field_steps(struct yload *ld, const struct yload_field *f,
    const struct ynode *key, const struct ynode *val, void *obj)
{
	struct routine	*r = obj;
	struct step	*s;
	size_t		 i;
	int		 bad = 0;

	if (loader_list(ld, f, key, val) == NULL)
		return -1;
	if (val->nkids > (size_t)f->max)
		return yload_error(ld, val->kids[f->max], "too many steps "
		    "(%zu; at most %ld)", val->nkids, f->max);
	r->steps = xcalloc(val->nkids, sizeof *r->steps);
	for (i = 0; i < val->nkids; i++) {
		s = &r->steps[r->nsteps++];
		s->reps = 1;
		s->area = -1;
		s->line = val->kids[i]->line;
		if (yload_map(ld, val->kids[i], step_fields,
		    NFIELDS(step_fields), s, "a step") != 0)
			bad = -1;
		if (loader_one_side(ld, val->kids[i], s) != 0)
			bad = -1;
	}
	return bad;
}

/* Build a routine from a parsed document. */
static struct routine *
routine_from_doc(struct yload *ld, const struct ydoc *doc)
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
		yload_error(ld, doc->root, "the top level must be a mapping "
		    "(id: ..., name: ..., steps: ...), found %s",
		    ynode_type_name(doc->root));
	} else if (yload_map(ld, doc->root, routine_fields,
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
routine_from_parse(const char *file, struct diag_list *found,
    const struct ydoc *doc, int parsed)
{
	struct yload	 ld = { file, found, YLOAD_NO_COMPLEX,
			    ROUTINE_DURATIONS, 0 };
	struct routine	*r;

	if (parsed == 0)
		return routine_from_doc(&ld, doc);
	if (doc->complete && (r = routine_from_doc(&ld, doc)) != NULL)
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
	struct ydoc		 doc;
	struct routine		*r;

	diag_init(&found);
	r = routine_from_parse(file, &found, &doc, ydoc_parse(&doc, file, buf,
	    len, &found));
	ydoc_free(&doc);
	routine_report(&found, diags);
	return r;
}

/* Read, parse and validate a routine file. */
struct routine *
routine_load(const char *path, struct diag_list *diags)
{
	struct diag_list	 found;
	struct ydoc		 doc;
	struct routine		*r;

	diag_init(&found);
	r = routine_from_parse(path, &found, &doc, ydoc_load(&doc, path,
	    &found));
	ydoc_free(&doc);
	routine_report(&found, diags);
	return r;
}
