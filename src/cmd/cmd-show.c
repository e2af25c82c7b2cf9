/* limber show: a routine as a person would read it. */
#include "cmd/cmd.h"

#include <stdlib.h>
#include <string.h>

#include "limber/area.h"
#include "limber/duration.h"
#include "limber/text.h"

static int	cmd_show(const struct cmd_entry *, const struct args *);

static const struct cmd_option cmd_show_options[] = {
	CMD_OPTION_ROUTINES,
	{ NULL, 0, NULL, NULL, 0 },
};

const struct cmd_entry cmd_show_entry = {
	.name = "show",
	.summary = "show a routine's steps, holds, sides, reps, cues and total "
	    "time",
	.options = cmd_show_options,
	.args = { "ID", 1, 1, "which routine? give an id", "give one id" },
	.exec = cmd_show,
};

/* Print text wrapped to width with an indent, control characters made inert. */
static void
show_wrapped(const char *text, size_t indent, size_t width)
{
	char	*clean = text_sanitize(text, 1), **lines;
	size_t	 i, n;

	lines = text_wrap(clean, width > indent + 20 ? width - indent : 20, &n);
	for (i = 0; i < n; i++)
		printf("%*s%s\n", (int)indent, "", lines[i]);
	text_lines_free(lines);
	free(clean);
}

/*
 * What a step does: "stretch, Calves: 30s hold x 2 per side (left, then
 * right), 10s rest between", or "..., left side only".
 */
static char *
show_dose(const struct step *s)
{
	struct strbuf	sb;
	char		d[32];

	sb_init(&sb);
	sb_addf(&sb, "%s, %s: %s %s", step_kind_name(s->kind),
	    area_name(s->area), duration_format(s->hold, d, sizeof d),
	    s->kind == STEP_ROLL ? "set" : "hold");
	if (s->reps > 1)
		sb_addf(&sb, " x %d", s->reps);
	if (s->both_sides)
		sb_adds(&sb, " per side (left, then right)");
	else if (s->one_side != SIDES_NONE)
		sb_addf(&sb, ", %s side only", step_sides_name(s->one_side));
	if (s->rest > 0 && step_holds(s) > 1)
		sb_addf(&sb, ", %s rest between",
		    duration_format(s->rest, d, sizeof d));
	return sb_take(&sb);
}

/* Print one numbered step. */
static void
show_step(const struct step *s, size_t i, size_t width)
{
	char	 clock[32], *name = text_sanitize(s->name, 0), *dose;
	size_t	 w = text_width(name) + 5;

	duration_clock(step_seconds(s), clock, sizeof clock);
	printf("%3zu. %s", i + 1, name);
	while (w++ + strlen(clock) < width && w < 72)
		putchar(' ');
	printf(" %s\n", clock);
	dose = show_dose(s);
	show_wrapped(dose, 5, width);
	if (s->cue != NULL)
		show_wrapped(s->cue, 5, width);
	free(dose);
	free(name);
}

/* Print the routine's head: name, id, areas, tags, description. */
static void
show_head(const struct routine *r, size_t width)
{
	char	*name = text_sanitize(r->name, 0);
	size_t	 i;

	printf("%s (%s)\n", name, r->id);
	printf("Areas: ");
	for (i = 0; i < r->nareas; i++)
		printf("%s%s", i ? ", " : "", area_name(r->areas[i]));
	putchar('\n');
	if (r->ntags > 0) {
		printf("Tags: ");
		for (i = 0; i < r->ntags; i++)
			printf("%s%s", i ? ", " : "", r->tags[i]);
		putchar('\n');
	}
	if (r->description != NULL) {
		putchar('\n');
		show_wrapped(r->description, 0, width);
	}
	putchar('\n');
	free(name);
}

/* Print a whole routine, its file and the file of its id it replaces. */
static void
show_routine(const struct library *lib, const struct routine *r)
{
	size_t		 width = cmd_width(), i;
	const char	*shadows = library_shadows(lib, r);
	char		 clock[32], *path = text_sanitize(r->path, 0);

	show_head(r, width);
	for (i = 0; i < r->nsteps; i++)
		show_step(&r->steps[i], i, width);
	printf("\nTotal: %s in %zu step%s, %zu hold%s (plus a few seconds to "
	    "get into position before each)\nFile: %s\n",
	    duration_clock(routine_seconds(r), clock, sizeof clock), r->nsteps,
	    r->nsteps == 1 ? "" : "s", routine_holds(r),
	    routine_holds(r) == 1 ? "" : "s", path);
	free(path);
	if (shadows != NULL) {
		path = text_sanitize(shadows, 0);
		printf("Replaces: %s\n", path);
		free(path);
	}
}

/* Show one routine by id. */
static int
cmd_show(const struct cmd_entry *e, const struct args *a)
{
	struct cmd_routines	 cr;
	struct library		 lib;
	const struct routine	*r;
	int			 status = 0;

	cmd_routines(a, &cr);
	cmd_load_library(&lib, &cr);
	if ((r = library_find(&lib, args_arg(a, 0))) != NULL)
		show_routine(&lib, r);
	else
		status = cmd_unknown_routine(e, &lib, args_arg(a, 0));
	library_done(&lib);
	return status;
}
