/* limber list: one routine per line. */
#include "cmd/cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "limber/area.h"
#include "limber/duration.h"
#include "limber/text.h"

#define LIST_NAME_MAX	36	/* columns of a name before it is cut */
#define LIST_MARK	"*"	/* after the id of a routine replacing another */

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

/* The id, name and mark columns, measured over the matching routines. */
struct list_table {
	char	**names;	/* per routine: sanitized, cut to a width */
	size_t	  idw;		/* the widest id with its mark */
	size_t	  namew;
	size_t	  marks;	/* matching routines that replace another */
};

/* Clean every name and measure the columns of the matching routines. */
static void
list_measure(const struct library *lib, const struct list_filter *f,
    struct list_table *t)
{
	size_t	i, w;
	char	*clean;

	t->names = xcalloc(lib->n + 1, sizeof *t->names);
	t->idw = 2;
	t->namew = 4;
	t->marks = 0;
	for (i = 0; i < lib->n; i++) {
		clean = text_sanitize(lib->v[i]->name, 0);
		t->names[i] = text_cut(clean, LIST_NAME_MAX, "...");
		free(clean);
		if (!list_match(lib->v[i], f))
			continue;
		w = strlen(lib->v[i]->id);
		if (lib->origin[i].shadows != NULL) {
			w += strlen(LIST_MARK);
			t->marks++;
		}
		if (w > t->idw)
			t->idw = w;
		if (text_width(t->names[i]) > t->namew)
			t->namew = text_width(t->names[i]);
	}
}

/* Print routine i: id and mark, name, steps, time, areas. */
static void
list_row(const struct library *lib, size_t i, const struct list_table *t)
{
	const struct routine	*r = lib->v[i];
	char			 id[ROUTINE_ID_MAX + sizeof LIST_MARK + 1];
	char			 clock[32];
	size_t			 j;

	snprintf(id, sizeof id, "%s%s", r->id,
	    lib->origin[i].shadows != NULL ? LIST_MARK : "");
	list_pad(id, t->idw + 2);
	list_pad(t->names[i], t->namew + 2);
	printf("%5zu %6s  ", r->nsteps,
	    duration_clock(routine_seconds(r), clock, sizeof clock));
	for (j = 0; j < r->nareas; j++)
		printf("%s%s", j ? "," : "", area_id(r->areas[j]));
	putchar('\n');
}

/*
 * Print the matching routines in aligned columns; on a terminal, with a
 * header above and, when a routine is marked, the mark's legend below.
 */
static size_t
list_print(const struct library *lib, const struct list_filter *f)
{
	struct list_table	t;
	size_t			i, n = 0;
	int			tty = isatty(STDOUT_FILENO);

	list_measure(lib, f, &t);
	if (tty) {
		list_pad("ID", t.idw + 2);
		list_pad("NAME", t.namew + 2);
		printf("STEPS   TIME  AREAS\n");
	}
	for (i = 0; i < lib->n; i++) {
		if (list_match(lib->v[i], f)) {
			list_row(lib, i, &t);
			n++;
		}
	}
	if (tty && t.marks > 0)
		printf("%s replaces a routine of the same id from an earlier "
		    "folder (see limber check)\n", LIST_MARK);
	for (i = 0; i < lib->n; i++)
		free(t.names[i]);
	free(t.names);
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
