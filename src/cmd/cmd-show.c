/* limber show: a routine as a person would read it. */
#include "cmd/cmd.h"

#include <stdlib.h>
#include <string.h>

#include "limber/area.h"
#include "limber/duration.h"
#include "limber/text.h"

#define SHOW_INDENT	5	/* columns before a step's dose and cue */
#define SHOW_RIGHT	76	/* where a step's time ends, at most */
#define SHOW_TEXT_MIN	10	/* columns of text an indent must leave */

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

/*
 * Print sanitized text wrapped to width columns: the first line after first
 * columns of indent, the others after rest. Too narrow a width drops both.
 */
static void
show_lines(const char *clean, size_t first, size_t rest, size_t width)
{
	size_t	  indent = first > rest ? first : rest, i, n;
	char	**lines;

	if (indent + SHOW_TEXT_MIN > width)
		first = rest = indent = 0;
	lines = text_wrap(clean, width - indent, &n);
	for (i = 0; i < n; i++)
		printf("%*s%s\n", (int)(i == 0 ? first : rest), "", lines[i]);
	text_lines_free(lines);
}

/* Print a trusted label and untrusted text after it, wrapped to width. */
static void
show_labelled(const char *label, const char *text, size_t rest, size_t width)
{
	struct strbuf	sb;

	sb_init(&sb);
	sb_adds(&sb, label);
	sb_add_sanitized(&sb, text, 0);
	show_lines(sb.s, 0, rest, width);
	sb_done(&sb);
}

/* Print untrusted text wrapped to width with an indent. */
static void
show_wrapped(const char *text, size_t indent, size_t width)
{
	char	*clean = text_sanitize(text, 1);

	show_lines(clean, indent, indent, width);
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

/*
 * Print a step's number and name, wrapped, with its time at the right end of
 * the first line.
 */
static void
show_step_head(const struct step *s, size_t i, size_t width)
{
	char	 clock[32], num[32], *name = text_sanitize(s->name, 0), **lines;
	size_t	 right = width < SHOW_RIGHT ? width : SHOW_RIGHT, left, cw, n;
	size_t	 k, w;

	/* The time and the space before it end at column right. */
	cw = strlen(duration_clock(step_seconds(s), clock, sizeof clock)) + 1;
	snprintf(num, sizeof num, "%3zu. ", i + 1);
	left = strlen(num);
	lines = text_wrap(name, right > left + cw ? right - left - cw : 1,
	    &n);
	printf("%s%s", num, n > 0 ? lines[0] : "");
	for (w = left + (n > 0 ? text_width(lines[0]) : 0); w + cw < right;
	    w++)
		putchar(' ');
	printf(" %s\n", clock);
	for (k = 1; k < n; k++)
		printf("%*s%s\n", (int)left, "", lines[k]);
	text_lines_free(lines);
	free(name);
}

/* Print one numbered step: its head, what it does, its cue. */
static void
show_step(const struct step *s, size_t i, size_t width)
{
	char	*dose = show_dose(s);

	show_step_head(s, i, width);
	show_lines(dose, SHOW_INDENT, SHOW_INDENT, width);
	if (s->cue != NULL)
		show_wrapped(s->cue, SHOW_INDENT, width);
	free(dose);
}

/* Print the routine's head: name, id, areas, tags, description. */
static void
show_head(const struct routine *r, size_t width)
{
	struct strbuf	sb;
	size_t		i;

	sb_init(&sb);
	sb_add_sanitized(&sb, r->name, 0);
	sb_adds(&sb, " (");
	sb_add_sanitized(&sb, r->id, 0);
	sb_adds(&sb, ")");
	show_lines(sb.s, 0, 0, width);
	sb_done(&sb);
	for (i = 0; i < r->nareas; i++)
		sb_addf(&sb, "%s%s", i ? ", " : "", area_name(r->areas[i]));
	show_labelled("Areas: ", sb.s, strlen("Areas: "), width);
	sb_done(&sb);
	for (i = 0; i < r->ntags; i++)
		sb_addf(&sb, "%s%s", i ? ", " : "", r->tags[i]);
	if (r->ntags > 0)
		show_labelled("Tags: ", sb.s, strlen("Tags: "), width);
	sb_done(&sb);
	if (r->description != NULL) {
		putchar('\n');
		show_wrapped(r->description, 0, width);
	}
	putchar('\n');
}

/* Print the routine's foot: its total time and counts, its file. */
static void
show_foot(const struct library *lib, const struct routine *r, size_t width)
{
	struct strbuf	 sb;
	const char	*shadows = library_shadows(lib, r);
	char		 clock[32];
	size_t		 holds = routine_holds(r);

	sb_init(&sb);
	sb_addf(&sb, "Total: %s in %zu step%s, %zu hold%s (plus a few seconds "
	    "to get into position before each)",
	    duration_clock(routine_seconds(r), clock, sizeof clock),
	    r->nsteps, r->nsteps == 1 ? "" : "s", holds, holds == 1 ? "" : "s");
	putchar('\n');
	show_lines(sb.s, 0, strlen("Total: "), width);
	sb_done(&sb);
	show_labelled("File: ", r->path, 0, width);
	if (shadows != NULL)
		show_labelled("Replaces: ", shadows, 0, width);
}

/* Print a whole routine, its file and the file of its id it replaces. */
static void
show_routine(const struct library *lib, const struct routine *r)
{
	size_t	width = cmd_width(), i;

	show_head(r, width);
	for (i = 0; i < r->nsteps; i++)
		show_step(&r->steps[i], i, width);
	show_foot(lib, r, width);
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
