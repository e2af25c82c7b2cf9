/* The routine model: timing, lookup and the dose check. */
#include "limber/routine.h"

#include <stdlib.h>
#include <string.h>

#include "limber/area.h"
#include "limber/text.h"

/* Free a routine and everything it owns. */
void
routine_free(struct routine *r)
{
	size_t	i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nsteps; i++) {
		free(r->steps[i].name);
		free(r->steps[i].cue);
	}
	for (i = 0; i < r->ntags; i++)
		free(r->tags[i]);
	free(r->steps);
	free(r->tags);
	free(r->areas);
	free(r->id);
	free(r->name);
	free(r->description);
	free(r->path);
	free(r);
}

/* The canonical words for kinds and sides, by enum value. */
static const char *const step_kind_names[] = { "stretch", "roll" };
static const char *const step_sides_names[] = {
	"none", "left", "right", "both",
};
#define NWORDS(t) (sizeof (t) / sizeof (t)[0])

/* The words people write for kinds and sides, folded (see text_fold). */
static const struct text_alias step_kind_words[] = {
	{ "stretch",		"stretch" },
	{ "stretches",		"stretch" },
	{ "stretching",		"stretch" },
	{ "roll",		"roll" },
	{ "rolls",		"roll" },
	{ "rolling",		"roll" },
	{ "foam-roll",		"roll" },
	{ "foam-rolls",		"roll" },
	{ "foam-rolling",	"roll" },
	{ "foam-roller",	"roll" },
};
static const struct text_alias step_sides_words[] = {
	{ "none",		"none" },
	{ "left",		"left" },
	{ "right",		"right" },
	{ "both",		"both" },
	{ "left-only",		"left" },
	{ "right-only",		"right" },
	{ "both-sides",		"both" },
};

/* The index among names of the canonical word text stands for, or -1. */
static int
step_word(const struct text_alias *words, size_t nwords,
    const char *const *names, size_t nnames, const char *text)
{
	const char	*canon = text_alias_find(words, nwords, text);
	size_t		 i;

	for (i = 0; canon != NULL && i < nnames; i++) {
		if (strcmp(canon, names[i]) == 0)
			return (int)i;
	}
	return -1;
}

/* "stretch" or "roll". */
const char *
step_kind_name(enum step_kind kind)
{
	return step_kind_names[kind == STEP_ROLL ? STEP_ROLL : STEP_STRETCH];
}

/* The kind a word stands for ("Foam rolling" is a roll), or -1. */
int
step_kind_lookup(const char *text)
{
	return step_word(step_kind_words, NWORDS(step_kind_words),
	    step_kind_names, NWORDS(step_kind_names), text);
}

/* The kind closest to a mistyped word, or NULL. */
const char *
step_kind_suggest(const char *text)
{
	return text_alias_suggest(step_kind_words, NWORDS(step_kind_words),
	    text);
}

/* "none", "left", "right" or "both". */
const char *
step_sides_name(enum step_sides sides)
{
	if ((size_t)sides >= NWORDS(step_sides_names))
		return "?";
	return step_sides_names[sides];
}

/* The sides a word stands for ("Both", "left only"), or -1. */
int
step_sides_lookup(const char *text)
{
	return step_word(step_sides_words, NWORDS(step_sides_words),
	    step_sides_names, NWORDS(step_sides_names), text);
}

/* The sides closest to a mistyped word, or NULL. */
const char *
step_sides_suggest(const char *text)
{
	return text_alias_suggest(step_sides_words, NWORDS(step_sides_words),
	    text);
}

/* Holds in a step: each rep on each side it works, one or two. */
int
step_holds(const struct step *s)
{
	return (s->both_sides ? 2 : 1) * s->reps;
}

/* Seconds a step takes: its holds and the rests between them. */
long
step_seconds(const struct step *s)
{
	long	holds = step_holds(s);

	return holds * s->hold + (holds - 1) * s->rest;
}

/* Seconds the whole routine takes, without preparation time. */
long
routine_seconds(const struct routine *r)
{
	long	total = 0;
	size_t	i;

	for (i = 0; i < r->nsteps; i++)
		total += step_seconds(&r->steps[i]);
	return total;
}

/* Number of holds in the routine. */
size_t
routine_holds(const struct routine *r)
{
	size_t	n = 0, i;

	for (i = 0; i < r->nsteps; i++)
		n += (size_t)step_holds(&r->steps[i]);
	return n;
}

/* Whether the routine lists an area. */
int
routine_has_area(const struct routine *r, int area)
{
	size_t	i;

	for (i = 0; i < r->nareas; i++) {
		if (r->areas[i] == area)
			return 1;
	}
	return 0;
}

/* Whether the routine carries a tag. */
int
routine_has_tag(const struct routine *r, const char *tag)
{
	size_t	i;

	for (i = 0; i < r->ntags; i++) {
		if (strcmp(r->tags[i], tag) == 0)
			return 1;
	}
	return 0;
}

/* Warn about one step's hold and cue. */
static void
routine_check_step(const struct routine *r, const struct step *s,
    struct diag_list *dl)
{
	int	lo = DOSE_STRETCH_MIN, hi = DOSE_STRETCH_MAX;

	if (s->kind == STEP_ROLL) {
		lo = DOSE_ROLL_MIN;
		hi = DOSE_ROLL_MAX;
	}
	if (s->hold < lo || s->hold > hi)
		diag_add(dl, DIAG_WARNING, r->path, s->line, 1, "step '%s': a "
		    "%s hold of %ds is outside the %d-%ds dose", s->name,
		    step_kind_name(s->kind), s->hold, lo, hi);
	if (s->cue == NULL || s->cue[0] == '\0')
		diag_add(dl, DIAG_WARNING, r->path, s->line, 1, "step '%s' has "
		    "no cue", s->name);
	if (!routine_has_area(r, s->area))
		diag_add(dl, DIAG_WARNING, r->path, s->line, 1, "step '%s' "
		    "works %s, which is not in the routine's areas", s->name,
		    area_id(s->area));
}

/* Seconds of stretching an area gets on its left and on its right. */
struct routine_dose {
	long	secs[2];
	int	stretched[2];
};

/* Count a stretching step for each side it works. */
static void
routine_dose_add(struct routine_dose *d, const struct step *s)
{
	int	side;

	/* A step with no sides, or both at once, gives each side its holds. */
	for (side = 0; side < 2; side++) {
		if (s->one_side != SIDES_NONE &&
		    (int)s->one_side != SIDES_LEFT + side)
			continue;
		d->secs[side] += (long)s->hold * s->reps;
		d->stretched[side] = 1;
	}
}

/* Warn when a side of an area gets less stretching than the dose. */
static void
routine_dose_warn(const struct routine *r, int area,
    const struct routine_dose *d, struct diag_list *dl)
{
	int	side;

	if (d->stretched[0] && d->stretched[1] && d->secs[0] == d->secs[1]) {
		if (d->secs[0] < DOSE_STRETCH_TOTAL)
			diag_add(dl, DIAG_WARNING, r->path, r->line, r->col,
			    "%s get %lds of stretching per side; aim for at "
			    "least %ds", area_id(area), d->secs[0],
			    DOSE_STRETCH_TOTAL);
		return;
	}
	for (side = 0; side < 2; side++) {
		if (d->stretched[side] && d->secs[side] < DOSE_STRETCH_TOTAL)
			diag_add(dl, DIAG_WARNING, r->path, r->line, r->col,
			    "%s get %lds of stretching on the %s; aim for at "
			    "least %ds", area_id(area), d->secs[side],
			    step_sides_name(SIDES_LEFT + side),
			    DOSE_STRETCH_TOTAL);
	}
}

/* Warn where the routine strays from the evidence-based dose. */
void
routine_check_dose(const struct routine *r, struct diag_list *dl)
{
	struct routine_dose	*dose = xcalloc(area_count, sizeof *dose);
	size_t			 i;

	for (i = 0; i < r->nsteps; i++) {
		routine_check_step(r, &r->steps[i], dl);
		if (r->steps[i].kind == STEP_STRETCH)
			routine_dose_add(&dose[r->steps[i].area], &r->steps[i]);
	}
	for (i = 0; i < area_count; i++)
		routine_dose_warn(r, (int)i, &dose[i], dl);
	free(dose);
}
