/* limber list: one routine per line. */
#include "cmd/cmd.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "limber/area.h"
#include "limber/duration.h"
#include "limber/text.h"

#define LIST_NAME_MAX	36	/* columns of a name before it is cut */

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
int
cmd_list(const struct cmd *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "area", required_argument, NULL, 'a' },
		{ "tag", required_argument, NULL, 't' },
		{ "routines", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct list_filter	 f = { -1, NULL };
	struct cmd_routines	 cr = { NULL, 0 };
	struct library		 lib;
	const char		*hint;
	int			 opt, status = 0, stop;

	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (opt) {
		case 'a':
			if ((f.area = area_lookup(optarg)) >= 0)
				break;
			cmd_routines_free(&cr);
			if ((hint = area_suggest(optarg)) != NULL)
				return cmd_usage_error(c, "unknown area '%s' "
				    "(did you mean '%s'?)", optarg, hint);
			return cmd_usage_error(c, "unknown area '%s'", optarg);
		case 't':
			f.tag = optarg;
			break;
		default:
			if ((stop = cmd_option(c, opt, argc, argv, &cr)) !=
			    CMD_CONTINUE)
				return stop;
			break;
		}
	}
	if (optind < argc) {
		cmd_routines_free(&cr);
		return cmd_usage_error(c, "unexpected argument '%s'",
		    argv[optind]);
	}
	cmd_load_library(&lib, &cr);
	if (list_print(&lib, &f) == 0 && (f.area >= 0 || f.tag != NULL))
		fprintf(stderr, "limber list: no routine matches\n");
	library_done(&lib);
	cmd_routines_free(&cr);
	return status;
}
