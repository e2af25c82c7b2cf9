/* limber list: one routine per line. */
#include "cmd/cmd.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "limber/area.h"
#include "limber/duration.h"
#include "limber/text.h"

#define LIST_NAME_MAX	36	/* columns of a name before it is cut */
#define LIST_NAME_MIN	12	/* columns a name keeps on a narrow terminal */
#define LIST_AREAS_MIN	16	/* columns the areas keep before names shrink */
#define LIST_GAP	2	/* columns between two columns */
#define LIST_NUMBERS	14	/* the steps and time columns, with gaps */
#define LIST_CUT	"..."	/* ends a cut name or list of areas */
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

/* The columns, measured over the matching routines and fitted to a width. */
struct list_table {
	char	**names;	/* per routine: sanitized, cut to namew */
	size_t	  idw;		/* the widest id with its mark */
	size_t	  namew;
	size_t	  areasw;
	size_t	  marks;	/* matching routines that replace another */
};

/*
 * A routine's areas by id, separated by commas, in at most width columns:
 * the ids that do not fit are left out, and a "..." says so.
 */
static char *
list_areas(const struct routine *r, size_t width)
{
	struct strbuf	 sb;
	const char	*id;
	size_t		 i, need;

	sb_init(&sb);
	sb_add(&sb, "", 0);
	for (i = 0; i < r->nareas; i++) {
		id = area_id(r->areas[i]);
		need = sb.len + (i > 0) + strlen(id) +
		    (i + 1 < r->nareas ? strlen("," LIST_CUT) : 0);
		if (need > width) {
			sb_adds(&sb, i > 0 ? "," LIST_CUT : LIST_CUT);
			break;
		}
		sb_addf(&sb, "%s%s", i > 0 ? "," : "", id);
	}
	return sb_take(&sb);
}

/* Raise a column's width to fit w. */
static void
list_fit(size_t *width, size_t w)
{
	if (w > *width)
		*width = w;
}

/* Clean every name and measure the columns of the matching routines. */
static void
list_measure(const struct library *lib, const struct list_filter *f,
    struct list_table *t)
{
	size_t	i, w;
	char	*areas;

	t->names = xcalloc(lib->n + 1, sizeof *t->names);
	t->idw = 2;
	t->namew = 4;
	t->areasw = 5;
	t->marks = 0;
	for (i = 0; i < lib->n; i++) {
		t->names[i] = text_sanitize(lib->v[i]->name, 0);
		if (!list_match(lib->v[i], f))
			continue;
		w = strlen(lib->v[i]->id);
		if (lib->origin[i].shadows != NULL) {
			w += strlen(LIST_MARK);
			t->marks++;
		}
		list_fit(&t->idw, w);
		list_fit(&t->namew, text_width(t->names[i]));
		areas = list_areas(lib->v[i], SIZE_MAX);
		list_fit(&t->areasw, text_width(areas));
		free(areas);
	}
}

/*
 * Narrow the name and areas columns so that a row fits in width columns:
 * the areas first, down to a few, then the names; cut the names to fit.
 */
static void
list_narrow(const struct library *lib, struct list_table *t, size_t width)
{
	size_t	i, used = t->idw + LIST_GAP + LIST_NUMBERS, room, keep;
	char	*cut;

	room = width > used + LIST_GAP ? width - used - LIST_GAP : 0;
	keep = t->areasw < LIST_AREAS_MIN ? t->areasw : LIST_AREAS_MIN;
	if (t->namew > LIST_NAME_MAX)
		t->namew = LIST_NAME_MAX;
	if (t->namew + keep > room)
		t->namew = room > keep + LIST_NAME_MIN ? room - keep :
		    LIST_NAME_MIN;
	if (t->namew + t->areasw > room)
		t->areasw = room > t->namew ? room - t->namew : 0;
	for (i = 0; i < lib->n; i++) {
		cut = text_cut(t->names[i], t->namew, LIST_CUT);
		free(t->names[i]);
		t->names[i] = cut;
	}
}

/* Print routine i: id and mark, name, steps, time, areas. */
static void
list_row(const struct library *lib, size_t i, const struct list_table *t)
{
	const struct routine	*r = lib->v[i];
	char			 id[ROUTINE_ID_MAX + sizeof LIST_MARK + 1];
	char			 clock[32], *areas = list_areas(r, t->areasw);

	snprintf(id, sizeof id, "%s%s", r->id,
	    lib->origin[i].shadows != NULL ? LIST_MARK : "");
	list_pad(id, t->idw + LIST_GAP);
	list_pad(t->names[i], t->namew + LIST_GAP);
	printf("%5zu %6s  %s\n", r->nsteps,
	    duration_clock(routine_seconds(r), clock, sizeof clock), areas);
	free(areas);
}

/* Print the legend of the mark, wrapped to width. */
static void
list_legend(size_t width)
{
	char	**lines;
	size_t	  i, n;

	lines = text_wrap(LIST_MARK " replaces a routine of the same id from an "
	    "earlier folder (see limber check)", width, &n);
	for (i = 0; i < n; i++)
		printf("%s\n", lines[i]);
	text_lines_free(lines);
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
	list_narrow(lib, &t, cmd_width());
	if (tty) {
		list_pad("ID", t.idw + LIST_GAP);
		list_pad("NAME", t.namew + LIST_GAP);
		printf("STEPS   TIME  AREAS\n");
	}
	for (i = 0; i < lib->n; i++) {
		if (list_match(lib->v[i], f)) {
			list_row(lib, i, &t);
			n++;
		}
	}
	if (tty && t.marks > 0)
		list_legend(cmd_width());
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
