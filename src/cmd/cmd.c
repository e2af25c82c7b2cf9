/* The command table and what the commands share. */
#include "cmd/cmd.h"

#include <sys/ioctl.h>

#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

#include "limber/diag.h"
#include "limber/text.h"

const struct cmd cmd_table[] = {
	{ "check", "[--dose] [--routines DIR]... [PATH...]",
	    "validate routine files or folders (default: the whole library)",
	    "  --dose            also warn where holds stray from the "
	    "evidence-based dose\n"
	    "  --routines DIR    add a folder of routines to the library\n",
	    cmd_check },
	{ "list", "[--area AREA] [--tag TAG] [--routines DIR]...",
	    "list routines: id, name, steps, total time, areas",
	    "  --area AREA       only routines that work AREA (e.g. calves)\n"
	    "  --tag TAG         only routines tagged TAG (e.g. post-run)\n"
	    "  --routines DIR    add a folder of routines to the library\n",
	    cmd_list },
	{ "run", "[--hold SECONDS] [--routines DIR]... ID",
	    "follow a routine hands-free, logging every hold",
	    "  --hold SECONDS    hold every stretch and roll this long "
	    "(5 to 600)\n"
	    "  --routines DIR    add a folder of routines to the library\n",
	    cmd_run },
	{ "show", "[--routines DIR]... ID",
	    "show a routine's steps, holds, sides, reps, cues and total time",
	    "  --routines DIR    add a folder of routines to the library\n",
	    cmd_show },
};
const size_t cmd_count = sizeof cmd_table / sizeof cmd_table[0];

/* Print a command's usage and options. */
void
cmd_usage(const struct cmd *c, FILE *f)
{
	fprintf(f, "usage: limber %s %s\n\n%s.\n\n%s  -h, --help        "
	    "show this help\n", c->name, c->args, c->summary, c->help);
}

/* Report a usage error in one line; returns the exit status for it. */
int
cmd_usage_error(const struct cmd *c, const char *fmt, ...)
{
	va_list	ap;

	fprintf(stderr, "limber %s: ", c->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (see 'limber %s --help')\n", c->name);
	return EXIT_USAGE;
}

/* Report an option getopt refused. */
int
cmd_bad_option(const struct cmd *c, int argc, char **argv, int opt)
{
	const char	*arg = optind - 1 < argc ? argv[optind - 1] : "?";

	if (opt == ':')
		return cmd_usage_error(c, "option '%s' needs a value", arg);
	return cmd_usage_error(c, "unknown option '%s'", arg);
}

/* The options every command shares. */
int
cmd_option(const struct cmd *c, int opt, int argc, char **argv,
    struct cmd_routines *cr)
{
	switch (opt) {
	case 'r':
		cmd_routines_add(cr, optarg);
		return CMD_CONTINUE;
	case 'h':
		cmd_usage(c, stdout);
		cmd_routines_free(cr);
		return 0;
	default:
		cmd_routines_free(cr);
		return cmd_bad_option(c, argc, argv, opt);
	}
}

/* Exactly one routine id after the options. */
int
cmd_one_id(const struct cmd *c, int argc, struct cmd_routines *cr)
{
	if (argc - optind == 1)
		return CMD_CONTINUE;
	cmd_routines_free(cr);
	return cmd_usage_error(c, argc == optind ? "which routine? give an id" :
	    "give one id, not %d", argc - optind);
}

/* Remember a --routines folder. */
void
cmd_routines_add(struct cmd_routines *cr, char *dir)
{
	cr->dirs = xreallocarray(cr->dirs, cr->n + 1, sizeof *cr->dirs);
	cr->dirs[cr->n++] = dir;
}

/* Forget the --routines folders (the strings belong to argv). */
void
cmd_routines_free(struct cmd_routines *cr)
{
	free(cr->dirs);
	cr->dirs = NULL;
	cr->n = 0;
}

/* Load the library; broken files are reported and skipped. */
void
cmd_load_library(struct library *lib, const struct cmd_routines *cr)
{
	struct diag_list	diags;

	diag_init(&diags);
	library_init(lib);
	library_load_default(lib, cr->dirs, cr->n, &diags);
	diag_print(&diags, stderr);
	diag_done(&diags);
	library_sort(lib);
}

/* Say an id is unknown and name the closest ones; exit status 1. */
int
cmd_unknown_routine(const struct cmd *c, const struct library *lib,
    const char *id)
{
	const char	*near[5];
	size_t		 n = library_suggest(lib, id, near, 5), i;
	char		*clean = text_sanitize(id, 0);

	fprintf(stderr, "limber %s: no routine '%s'", c->name, clean);
	for (i = 0; i < n; i++)
		fprintf(stderr, "%s%s", i ? ", " : "; did you mean: ", near[i]);
	fprintf(stderr, "%s\n", n > 0 ? "?" : " (see 'limber list')");
	free(clean);
	return 1;
}

/* The width to wrap to. */
size_t
cmd_width(void)
{
	struct winsize	ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0
	    && ws.ws_col >= 40)
		return ws.ws_col;
	return 80;
}
