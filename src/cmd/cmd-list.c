/* limber list: one routine per line. */
#include "cmd/cmd.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "limber/area.h"
#include "limber/duration.h"
#include "limber/text.h"

#define LIST_NAME_MAX	36	/* columns of a name before it is cut */

static int	cmd_list(const struct cmd_entry *, const struct args *);

static const struct cmd_option cmd_list_options[] = {
	{ "area", 'a', "AREA", "only routines that work AREA (e.g. calves)",
	    0 },
	{ "tag", 't', "TAG", "only routines tagged TAG (e.g. post-run)", 0 },
	CMD_OPTION_ROUTINES,
	{ NULL, 0, NULL, NULL, 0 },
};

const struct cmd_entry cmd_list_entry = {
	.name = "list",
	.summary = "list routines: id, name, steps, total time, areas",
	.options = cmd_list_options,
	.args = { "", 0, 0, NULL, NULL },
	.exec = cmd_list,
};

struct list_filter {
	int		 area;		/* -1 for any */
	const char	*tag;		/* NULL for any */
};

/* Whether a routine passes the filter. */
static int
list_match(const struct routine *r, const struct list_filter *f)
{
	if (f->area >= 0 && !routine_has_area(r, f->area))
		return 0;
	if (f->tag != NULL && !routine_has_tag(r, f->tag))
		return 0;
	return 1;
}

/* Pad to a width in columns. */
static void
list_pad(const char *s, size_t width)
{
	size_t	w = text_width(s);

	fputs(s, stdout);
	while (w++ < width)
		putchar(' ');
}

/* Print the matching routines in aligned columns. */
static size_t
list_print(const struct library *lib, const struct list_filter *f)
{
	size_t	 i, j, idw = 2, namew = 4, n = 0;
	char	 clock[32], *clean, **names = xcalloc(lib->n + 1, sizeof *names);

	for (i = 0; i < lib->n; i++) {
		clean = text_sanitize(lib->v[i]->name, 0);
		names[i] = text_cut(clean, LIST_NAME_MAX, "...");
		free(clean);
		if (!list_match(lib->v[i], f))
			continue;
		if (strlen(lib->v[i]->id) > idw)
			idw = strlen(lib->v[i]->id);
		if (text_width(names[i]) > namew)
			namew = text_width(names[i]);
	}
	if (isatty(STDOUT_FILENO)) {
		list_pad("ID", idw + 2);
		list_pad("NAME", namew + 2);
		printf("STEPS   TIME  AREAS\n");
	}
	for (i = 0; i < lib->n; i++) {
		const struct routine *r = lib->v[i];

		if (!list_match(r, f))
			continue;
		n++;
		list_pad(r->id, idw + 2);
		list_pad(names[i], namew + 2);
		printf("%5zu %6s  ", r->nsteps,
		    duration_clock(routine_seconds(r), clock, sizeof clock));
		for (j = 0; j < r->nareas; j++)
			printf("%s%s", j ? "," : "", area_id(r->areas[j]));
		putchar('\n');
	}
	for (i = 0; i < lib->n; i++)
		free(names[i]);
	free(names);
	return n;
}

/* List routines, optionally by area or tag. */
static int
cmd_list(const struct cmd_entry *e, const struct args *a)
{
	struct list_filter	 f = { -1, args_get(a, 't') };
	struct cmd_routines	 cr;
	struct library		 lib;
	int			 stop;

	if (args_has(a, 'a') &&
	    (stop = cmd_area(e, args_get(a, 'a'), &f.area)) != CMD_CONTINUE)
		return stop;
	cmd_routines(a, &cr);
	cmd_load_library(&lib, &cr);
	if (list_print(&lib, &f) == 0 && (f.area >= 0 || f.tag != NULL))
		fprintf(stderr, "limber list: no routine matches\n");
	library_done(&lib);
	return 0;
}
