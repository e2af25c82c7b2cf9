/* The command table and what the commands share. */
#include "cmd/cmd.h"

#include <sys/ioctl.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "limber/area.h"
#include "limber/day.h"
#include "limber/diag.h"
#include "limber/holdlog.h"
#include "limber/paths.h"
#include "limber/text.h"

const struct cmd cmd_table[] = {
	{ "check", "[--dose] [--routines DIR]... [PATH...]",
	    "validate routine files or folders (default: the whole library)",
	    "  --dose            also warn where holds stray from the "
	    "evidence-based dose\n"
	    "  --routines DIR    add a folder of routines to the library\n",
	    cmd_check },
	{ "due", "",
	    "list the areas short of their weekly target (exit 1 if any)",
	    "",
	    cmd_due },
	{ "export", "[--since DATE] [--until DATE] [--area AREA] "
	    "[--format FMT]",
	    "write the hold log as CSV or JSON for other programs",
	    "  --since DATE      from this date (YYYY-MM-DD, or 30d or 12w "
	    "ago)\n"
	    "  --until DATE      to this date (default: the last record)\n"
	    "  --area AREA       only holds of AREA (e.g. calves)\n"
	    "  --format FMT      csv (the default) or json\n",
	    cmd_export },
	{ "history", "[--since DATE] [--until DATE] [--area AREA]",
	    "show the holds you have done, oldest first",
	    "  --since DATE      from this date (YYYY-MM-DD, or 30d or 12w "
	    "ago; default 30d)\n"
	    "  --until DATE      to this date (default: today)\n"
	    "  --area AREA       only holds of AREA (e.g. calves)\n",
	    cmd_history },
	{ "list", "[--area AREA] [--tag TAG] [--routines DIR]...",
	    "list routines: id, name, steps, total time, areas",
	    "  --area AREA       only routines that work AREA (e.g. calves)\n"
	    "  --tag TAG         only routines tagged TAG (e.g. post-run)\n"
	    "  --routines DIR    add a folder of routines to the library\n",
	    cmd_list },
	{ "log", "AREA DURATION [OPTION]...",
	    "log a hold done without limber, e.g. 'limber log calves 45s'",
	    "  --side SIDE       left or right\n"
	    "  --kind KIND       stretch (the default) or roll\n"
	    "  --name TEXT       what you did (default: the area's name)\n"
	    "  --at TIME         when it began: YYYY-MM-DD HH:MM[:SS] or HH:MM "
	    "today\n"
	    "                    (default: DURATION ago)\n",
	    cmd_log },
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
	{ "stats", "[--since DATE] [--until DATE] [--format FMT]",
	    "totals per area, streaks and this week against your targets",
	    "  --since DATE      from this date (YYYY-MM-DD, or 30d or 12w "
	    "ago; default 30d)\n"
	    "  --until DATE      to this date (default: today)\n"
	    "  --format FMT      text (the default) or tsv for programs\n",
	    cmd_stats },
};
const size_t cmd_count = sizeof cmd_table / sizeof cmd_table[0];

/* Print a command's usage and options. */
void
cmd_usage(const struct cmd *c, FILE *f)
{
	fprintf(f, "usage: limber %s%s%s\n\n%s.\n\n%s  -h, --help        "
	    "show this help\n", c->name, c->args[0] == '\0' ? "" : " ",
	    c->args, c->summary, c->help);
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

/* One of a list of words for an option, or a usage error naming them. */
int
cmd_choice(const struct cmd *c, const char *opt, const char *arg,
    const char *const *names, size_t n, int *index)
{
	struct strbuf	sb;
	char		*clean;
	size_t		i;
	int		status;

	for (i = 0; i < n; i++) {
		if (strcmp(arg, names[i]) == 0) {
			*index = (int)i;
			return CMD_CONTINUE;
		}
	}
	sb_init(&sb);
	for (i = 0; i < n; i++)
		sb_addf(&sb, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ",
		    names[i]);
	clean = text_sanitize(arg, 0);
	status = cmd_usage_error(c, "%s is %s, not '%s'", opt, sb.s, clean);
	free(clean);
	sb_done(&sb);
	return status;
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

/* Start a filter: back days before today to today, or everything. */
void
cmd_filter_init(struct cmd_filter *f, long back)
{
	f->today = day_today();
	f->since = back < 0 ? LONG_MIN : f->today - back;
	f->until = back < 0 ? LONG_MAX : f->today;
	f->back = back;
	f->since_set = 0;
	f->area = -1;
}

/* Say a date cannot be read; returns the exit status for it. */
static int
cmd_bad_date(const struct cmd *c, const char *arg)
{
	char	*clean = text_sanitize(arg, 0);

	fprintf(stderr, "limber %s: bad date '%s' (use YYYY-MM-DD, or 30d or "
	    "12w for days or weeks ago)\n", c->name, clean);
	free(clean);
	return EXIT_USAGE;
}

/* One of the filter's options. */
int
cmd_filter_option(const struct cmd *c, struct cmd_filter *f, int opt,
    const char *arg)
{
	long	day;

	if (opt == 'a')
		return cmd_area(c, arg, &f->area);
	if (day_parse(arg, f->today, &day) != 0)
		return cmd_bad_date(c, arg);
	if (opt == 's') {
		f->since = day;
		f->since_set = 1;
	} else
		f->until = day;
	return CMD_CONTINUE;
}

/* Settle the default start of the range; it must not run backwards. */
int
cmd_filter_check(const struct cmd *c, struct cmd_filter *f)
{
	char	since[DAY_BUFSIZE], until[DAY_BUFSIZE];

	if (!f->since_set && f->back >= 0)
		f->since = f->until - f->back;
	if (f->since <= f->until)
		return CMD_CONTINUE;
	fprintf(stderr, "limber %s: --since %s is after --until %s\n", c->name,
	    day_format(f->since, since, sizeof since),
	    day_format(f->until, until, sizeof until));
	return EXIT_USAGE;
}

/* Whether a record passes the filter. */
int
cmd_filter_match(const struct cmd_filter *f, const struct log_entry *e)
{
	if (e->date < f->since || e->date > f->until)
		return 0;
	return f->area < 0 || e->area == f->area;
}

/* An area by its id or a common name, or an error naming the closest id. */
int
cmd_area(const struct cmd *c, const char *id, int *area)
{
	const char	*hint;
	char		*clean;
	int		 status;

	if ((*area = area_lookup(id)) >= 0)
		return CMD_CONTINUE;
	clean = text_sanitize(id, 0);
	if ((hint = area_suggest(id)) != NULL)
		status = cmd_usage_error(c, "unknown area '%s' (did you mean "
		    "'%s'?)", clean, hint);
	else
		status = cmd_usage_error(c, "unknown area '%s'", clean);
	free(clean);
	return status;
}

/* No arguments may follow the options. */
int
cmd_no_args(const struct cmd *c, int argc, char **argv)
{
	char	*clean;
	int	 status;

	if (optind >= argc)
		return CMD_CONTINUE;
	clean = text_sanitize(argv[optind], 0);
	status = cmd_usage_error(c, "unexpected argument '%s'", clean);
	free(clean);
	return status;
}

/* Load the settings over the defaults. */
void
cmd_load_config(struct config *cfg)
{
	struct diag_list	 diags;
	char			*path = config_path();

	config_init(cfg);
	diag_init(&diags);
	if (path != NULL)
		config_load(cfg, path, &diags);
	diag_print(&diags, stderr);
	diag_done(&diags);
	free(path);
}

/* The log's path, or NULL without a home. */
char *
cmd_log_path(void)
{
	char	*path;

	if ((path = holdlog_path()) == NULL)
		fprintf(stderr, "limber: no folder for the log: set HOME or "
		    "XDG_DATA_HOME\n");
	return path;
}

/* Say the log cannot be read (errno says why); returns 1. */
static int
cmd_log_failed(const char *path)
{
	fprintf(stderr, "limber: cannot read %s: %s\n", path,
	    paths_strerror(errno));
	return 1;
}

/* Walk the log's records through a filter. */
int
cmd_log_each(const struct cmd_filter *f,
    void (*fn)(const struct log_entry *, void *), void *arg)
{
	struct logread		 lr;
	struct log_entry	 e;
	char			*path;
	int			 r, status = 0;

	if ((path = cmd_log_path()) == NULL)
		return 1;
	if ((r = logread_open(&lr, path)) == 1) {
		while ((r = logread_next(&lr, &e)) == 1) {
			if (cmd_filter_match(f, &e))
				fn(&e, arg);
		}
	}
	if (r == -1)
		status = cmd_log_failed(path);
	logread_close(&lr);
	logread_warn(&lr, stderr);
	free(path);
	return status;
}

/* Read the log into figures. */
int
cmd_log_stats(struct stats *st)
{
	struct logread	 lr;
	char		*path;
	int		 status = 0;

	if ((path = cmd_log_path()) == NULL)
		return 1;
	if (stats_read(st, &lr, path) != 0)
		status = cmd_log_failed(path);
	logread_warn(&lr, stderr);
	free(path);
	return status;
}
