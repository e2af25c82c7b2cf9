/* The routine model: timing, lookup and the dose check. */
#include "limber/routine.h"

#include <stdlib.h>
#include <string.h>

#include "limber/area.h"

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

/* "stretch" or "roll". */
const char *
step_kind_name(enum step_kind kind)
{
	return kind == STEP_ROLL ? "roll" : "stretch";
}

/* Holds in a step: each rep on each side. */
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

/* Warn where the routine strays from the evidence-based dose. */
void
routine_check_dose(const struct routine *r, struct diag_list *dl)
{
	long	*per_side = xcalloc(area_count, sizeof *per_side);
	int	*stretched = xcalloc(area_count, sizeof *stretched);
	size_t	 i;

	for (i = 0; i < r->nsteps; i++) {
		const struct step *s = &r->steps[i];

		routine_check_step(r, s, dl);
		if (s->kind != STEP_STRETCH)
			continue;
		/* One side per hold, or both sides at once: each side gets it. */
		stretched[s->area] = 1;
		per_side[s->area] += (long)s->hold * s->reps;
	}
	for (i = 0; i < area_count; i++) {
		if (stretched[i] && per_side[i] < DOSE_STRETCH_TOTAL)
			diag_add(dl, DIAG_WARNING, r->path, r->line, r->col,
			    "%s get %lds of stretching per side; aim for at "
			    "least %ds", area_id((int)i), per_side[i],
			    DOSE_STRETCH_TOTAL);
	}
	free(per_side);
	free(stretched);
}
