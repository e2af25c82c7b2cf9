/* The command table, the one parser and help, and what commands share. */
#include "cmd/cmd.h"

#include <sys/ioctl.h>

#include <errno.h>
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

#define CMD_USAGE_WIDTH	80	/* columns of --help */
#define CMD_USAGE_FLAGS	18	/* columns of "--since DATE" and its gap */

const struct cmd_entry *const cmd_table[] = {
	&cmd_check_entry,
	&cmd_due_entry,
	&cmd_export_entry,
	&cmd_history_entry,
	&cmd_list_entry,
	&cmd_log_entry,
	&cmd_run_entry,
	&cmd_show_entry,
	&cmd_stats_entry,
	NULL,
};

/* The values one option was given, in order. */
struct args_values {
	char	**v;
	size_t	  n;
};

/* A command line parsed against an entry. */
struct args {
	const struct cmd_entry	 *entry;
	struct args_values	 *opt;		/* one per option of the entry */
	char			**argv;		/* after the options */
	int			  argc;
	size_t			  cap;		/* of argv */
};

/* The command named name, or NULL. */
const struct cmd_entry *
cmd_find(const char *name)
{
	size_t	i;

	for (i = 0; cmd_table[i] != NULL; i++) {
		if (strcmp(cmd_table[i]->name, name) == 0)
			return cmd_table[i];
	}
	return NULL;
}

/* How many options a table has. */
static size_t
cmd_options_count(const struct cmd_option *options)
{
	size_t	n = 0;

	while (options[n].name != NULL)
		n++;
	return n;
}

/* Empty parsed arguments for an entry. */
static struct args *
args_new(const struct cmd_entry *e)
{
	struct args	*a = xcalloc(1, sizeof *a);

	a->entry = e;
	a->opt = xcalloc(cmd_options_count(e->options) + 1, sizeof *a->opt);
	return a;
}

/* The index of the entry's option for key, or -1. */
static int
args_index(const struct args *a, int key)
{
	int	i;

	for (i = 0; a->entry->options[i].name != NULL; i++) {
		if (a->entry->options[i].key == key)
			return i;
	}
	return -1;
}

/* The last value given for key, or NULL. */
const char *
args_get(const struct args *a, int key)
{
	int	i = args_index(a, key);

	if (i < 0 || a->opt[i].n == 0)
		return NULL;
	return a->opt[i].v[a->opt[i].n - 1];
}

/* How many times key was given. */
size_t
args_has(const struct args *a, int key)
{
	int	i = args_index(a, key);

	return i < 0 ? 0 : a->opt[i].n;
}

/* Every value given for key. */
char *const *
args_list(const struct args *a, int key, size_t *n)
{
	int	i = args_index(a, key);

	*n = i < 0 ? 0 : a->opt[i].n;
	return i < 0 ? NULL : a->opt[i].v;
}

/* How many arguments follow the options. */
int
args_count(const struct args *a)
{
	return a->argc;
}

/* The argument i after the options. */
char *
args_arg(const struct args *a, int i)
{
	if (i < 0 || i >= a->argc)
		fatalx("%s: argument %d of %d", __func__, i, a->argc);
	return a->argv[i];
}

/* Free parsed arguments; the strings belong to the argv parsed. */
void
args_free(struct args *a)
{
	size_t	i, n;

	if (a == NULL)
		return;
	n = cmd_options_count(a->entry->options);
	for (i = 0; i < n; i++)
		free(a->opt[i].v);
	free(a->opt);
	free(a->argv);
	free(a);
}

/* What an option's value is, by the name --help gives it ("DIR"). */
static const struct cmd_value {
	const char	*name;
	const char	*what;		/* for "needs a value: ..." */
	int		 path;		/* an empty value names nothing */
} cmd_values[] = {
	{ "DIR", "a folder of routines", 1 },
	{ "DATE", "a date, YYYY-MM-DD, or 30d or 12w for days or weeks ago", 0 },
	{ "AREA", "an area, e.g. calves", 0 },
	{ "TAG", "a tag, e.g. post-run", 0 },
	{ "SECONDS", "a hold in seconds, e.g. 30 or 45s", 0 },
};

/* A command line being read against an entry. */
struct args_reader {
	struct args	 *a;
	char		**argv;
	int		  argc;
	int		  i;		/* the next word */
	int		  rest;		/* every word left is an argument */
};

/* The option of index i, or --help for the index past the last. */
static const char *
cmd_option_name(const struct cmd_entry *e, size_t i)
{
	return e->options[i].name != NULL ? e->options[i].name : "help";
}

/* What the value of an option is: from cmd_values, else its help. */
static const struct cmd_value *
cmd_value_of(const struct cmd_option *o)
{
	size_t	i;

	for (i = 0; i < sizeof cmd_values / sizeof cmd_values[0]; i++) {
		if (strcmp(cmd_values[i].name, o->value) == 0)
			return &cmd_values[i];
	}
	return NULL;
}

/*
 * The option named by the first len bytes of name, whole or as the start
 * of one name only: its index (the count of options for --help), -1 when
 * no name begins so, -2 when several do.
 */
static int
cmd_long_find(const struct cmd_entry *e, const char *name, size_t len)
{
	const char	*o;
	size_t		 i, n = cmd_options_count(e->options);
	int		 found = -1;

	if (len == 0)
		return -1;
	for (i = 0; i <= n; i++) {
		o = cmd_option_name(e, i);
		if (strncmp(o, name, len) != 0)
			continue;
		if (o[len] == '\0')
			return (int)i;
		found = found == -1 ? (int)i : -2;
	}
	return found;
}

/* The option that -c names (the count of options for -h), or -1. */
static int
cmd_short_find(const struct cmd_entry *e, char c)
{
	size_t	i, n = cmd_options_count(e->options);

	for (i = 0; i < n; i++) {
		if ((e->options[i].flags & CMD_SHORT) && e->options[i].key == c)
			return (int)i;
	}
	return c == 'h' ? (int)n : -1;
}

/* The option closest to a mistyped name (len bytes), or NULL. */
static const char *
cmd_option_suggest(const struct cmd_entry *e, const char *name, size_t len)
{
	const char	**names, *best;
	char		 *word;
	size_t		  i, n = cmd_options_count(e->options);
	int		  found = cmd_long_find(e, name, len);

	if (found >= 0)
		return cmd_option_name(e, (size_t)found);
	names = xcalloc(n + 1, sizeof *names);
	for (i = 0; i <= n; i++)
		names[i] = cmd_option_name(e, i);
	word = xstrndup(name, len);
	best = text_suggest(word, names, n + 1);
	free(word);
	free(names);
	return best;
}

/* Say a word is no option, naming the closest one; the exit status. */
static int
cmd_unknown_option(const struct cmd_entry *e, const char *word, size_t len)
{
	const char	*name = word + (word[1] == '-' ? 2 : 1);
	const char	*near = cmd_option_suggest(e, name, len - (size_t)(name -
			    word));
	char		*shown = xstrndup(word, len), *clean;
	int		 status;

	clean = text_sanitize(shown, 0);
	if (near != NULL)
		status = cmd_usage_error(e, "unknown option '%s'; did you mean "
		    "'--%s'?", clean, near);
	else
		status = cmd_usage_error(e, "unknown option '%s'", clean);
	free(clean);
	free(shown);
	return status;
}

/* Say which options a prefix (len bytes) could be; the exit status. */
static int
cmd_ambiguous(const struct cmd_entry *e, const char *word, size_t len)
{
	struct strbuf	 sb;
	char		*shown = xstrndup(word, len), *clean;
	size_t		 i, n = cmd_options_count(e->options);
	int		 status;

	sb_init(&sb);
	for (i = 0; i <= n; i++) {
		if (strncmp(cmd_option_name(e, i), word + 2, len - 2) == 0)
			sb_addf(&sb, "%s--%s", sb.len > 0 ? " or " : "",
			    cmd_option_name(e, i));
	}
	clean = text_sanitize(shown, 0);
	status = cmd_usage_error(e, "option '%s' could be %s", clean, sb.s);
	free(clean);
	free(shown);
	sb_done(&sb);
	return status;
}

/* Say an option was given without its value, or an empty path. */
static int
cmd_bad_value(const struct cmd_entry *e, const struct cmd_option *o,
    const char *value)
{
	const struct cmd_value	*cv = cmd_value_of(o);
	const char		*what = cv != NULL ? cv->what : o->help;

	if (value != NULL)
		return cmd_usage_error(e, "option '--%s' is an empty path: give "
		    "%s", o->name, what);
	return cmd_usage_error(e, "option '--%s' needs a value: %s", o->name,
	    what);
}

/* Keep option i with its value (NULL for a flag), or print --help. */
static int
args_take(struct args_reader *rd, size_t i, char *value)
{
	const struct cmd_entry	*e = rd->a->entry;
	const struct cmd_option	*o = &e->options[i];
	const struct cmd_value	*cv;
	struct args_values	*v = &rd->a->opt[i];

	if (o->name == NULL) {
		(e->usage != NULL ? e->usage : cmd_usage)(e, stdout);
		return 0;
	}
	if (o->value != NULL && value == NULL)
		return cmd_bad_value(e, o, NULL);
	if (value != NULL && value[0] == '\0' &&
	    (cv = cmd_value_of(o)) != NULL && cv->path)
		return cmd_bad_value(e, o, value);
	v->v = xreallocarray(v->v, v->n + 1, sizeof *v->v);
	v->v[v->n++] = value;
	return CMD_CONTINUE;
}

/* The value after "=", else the next word; NULL when there is none. */
static char *
args_value(struct args_reader *rd, char *eq)
{
	if (eq != NULL)
		return eq + 1;
	return rd->i < rd->argc ? rd->argv[rd->i++] : NULL;
}

/* Read "--NAME", "--NAME=VALUE" or "--NAME VALUE"; a prefix will do. */
static int
args_long(struct args_reader *rd, char *word)
{
	const struct cmd_entry	*e = rd->a->entry;
	char			*eq = strchr(word, '=');
	size_t			 len = eq != NULL ? (size_t)(eq - word) :
				    strlen(word);
	int			 i = cmd_long_find(e, word + 2, len - 2);

	if (i == -2)
		return cmd_ambiguous(e, word, len);
	if (i < 0)
		return cmd_unknown_option(e, word, len);
	if (e->options[i].value != NULL)
		return args_take(rd, (size_t)i, args_value(rd, eq));
	if (eq != NULL)
		return cmd_usage_error(e, "option '--%s' takes no value",
		    cmd_option_name(e, (size_t)i));
	return args_take(rd, (size_t)i, NULL);
}

/* Read "-V", "-hV", or a value after its letter: "-rDIR", "-r DIR". */
static int
args_short(struct args_reader *rd, char *word)
{
	const struct cmd_entry	*e = rd->a->entry;
	char			*p;
	int			 i, status = CMD_CONTINUE;

	for (p = word + 1; *p != '\0' && status == CMD_CONTINUE; p++) {
		if ((i = cmd_short_find(e, *p)) < 0)
			return cmd_unknown_option(e, word, strcspn(word, "="));
		if (e->options[i].value != NULL)
			return args_take(rd, (size_t)i, p[1] != '\0' ? p + 1 :
			    args_value(rd, NULL));
		status = args_take(rd, (size_t)i, NULL);
	}
	return status;
}

/* Keep an argument; with CMD_STOP_AT_ARG, the rest are arguments too. */
static int
args_add(struct args_reader *rd, char *word)
{
	struct args	*a = rd->a;

	if ((size_t)a->argc == a->cap) {
		a->cap = a->cap > 0 ? a->cap * 2 : 16;
		a->argv = xreallocarray(a->argv, a->cap, sizeof *a->argv);
	}
	a->argv[a->argc++] = word;
	if (a->entry->flags & CMD_STOP_AT_ARG)
		rd->rest = 1;
	return CMD_CONTINUE;
}

/*
 * Read one word: an option, "--" (the rest are arguments), or an
 * argument; "-" and words such as "-5s" are arguments, as no option is a
 * digit, so that what reads them can say what is wrong with them.
 */
static int
args_word(struct args_reader *rd, char *word)
{
	if (rd->rest || word[0] != '-' || word[1] == '\0' ||
	    (word[1] >= '0' && word[1] <= '9'))
		return args_add(rd, word);
	if (strcmp(word, "--") == 0) {
		rd->rest = 1;
		return CMD_CONTINUE;
	}
	if (word[1] == '-')
		return args_long(rd, word);
	return args_short(rd, word);
}

/* Check how many arguments follow the options. */
static int
cmd_parse_args(const struct args *a)
{
	const struct cmd_args	*ca = &a->entry->args;
	char			*clean;
	int			 status;

	if (a->argc < ca->min)
		return cmd_usage_error(a->entry, "%s", ca->missing);
	if (ca->max == CMD_ANY || a->argc <= ca->max)
		return CMD_CONTINUE;
	if (ca->extra != NULL)
		return cmd_usage_error(a->entry, "%s, not %d", ca->extra,
		    a->argc);
	if (ca->max > 0)
		return cmd_usage_error(a->entry, "%s", ca->missing);
	clean = text_sanitize(a->argv[ca->max], 0);
	status = cmd_usage_error(a->entry, "unexpected argument '%s'", clean);
	free(clean);
	return status;
}

/*
 * Parse argv against the entry, as other GNU tools do: --NAME=VALUE and
 * --NAME VALUE, unique prefixes, options after arguments (unless the
 * entry stops at its first argument), and "--" to end them. Any number of
 * words: the arrays grow.
 */
int
cmd_parse(const struct cmd_entry *e, int argc, char **argv,
    struct args **out)
{
	struct args_reader	rd;
	int			status = CMD_CONTINUE;

	memset(&rd, 0, sizeof rd);
	rd.a = args_new(e);
	rd.argv = argv;
	rd.argc = argc;
	rd.i = 1;
	while (status == CMD_CONTINUE && rd.i < rd.argc)
		status = args_word(&rd, rd.argv[rd.i++]);
	if (status == CMD_CONTINUE)
		status = cmd_parse_args(rd.a);
	if (status != CMD_CONTINUE) {
		args_free(rd.a);
		return status;
	}
	*out = rd.a;
	return CMD_CONTINUE;
}

/* Parse and run a command. */
int
cmd_exec(const struct cmd_entry *e, int argc, char **argv)
{
	struct args	*a;
	int		 status;

	if ((status = cmd_parse(e, argc, argv, &a)) != CMD_CONTINUE)
		return status;
	status = e->exec(e, a);
	args_free(a);
	return status;
}

/* The usage line into sb: every option, or "[OPTION]..." if brief. */
static void
cmd_usage_build(const struct cmd_entry *e, struct strbuf *sb, int brief)
{
	const struct cmd_option	*o;

	sb_init(sb);
	sb_addf(sb, "usage: limber%s%s", e->name != NULL ? " " : "",
	    e->name != NULL ? e->name : "");
	if (brief && e->options[0].name != NULL)
		sb_adds(sb, " [OPTION]...");
	for (o = e->options; !brief && o->name != NULL; o++)
		sb_addf(sb, " [--%s%s%s]%s", o->name, o->value ? " " : "",
		    o->value ? o->value : "",
		    (o->flags & CMD_REPEAT) ? "..." : "");
	if (e->args.synopsis != NULL && e->args.synopsis[0] != '\0')
		sb_addf(sb, " %s", e->args.synopsis);
}

/* The usage line, with [OPTION]... when the options do not fit. */
void
cmd_usage_line(const struct cmd_entry *e, FILE *f)
{
	struct strbuf	sb;

	cmd_usage_build(e, &sb, 0);
	if (sb.len >= CMD_USAGE_WIDTH) {
		sb_done(&sb);
		cmd_usage_build(e, &sb, 1);
	}
	fprintf(f, "%s\n", sb.s);
	sb_done(&sb);
}

/* Print text wrapped to the help's width after indent spaces. */
static void
cmd_usage_wrap(FILE *f, const char *text, int indent, int first)
{
	char	**lines;
	size_t	  i, n;

	lines = text_wrap(text, CMD_USAGE_WIDTH - 1 - (size_t)indent, &n);
	for (i = 0; i < n; i++)
		fprintf(f, "%*s%s\n", i == 0 ? first : indent, "", lines[i]);
	text_lines_free(lines);
}

/* One option's line: its flags padded, then its help wrapped. */
void
cmd_usage_option(FILE *f, const char *flags, const char *help)
{
	int	pad = CMD_USAGE_FLAGS - (int)strlen(flags);

	fprintf(f, "  %s", flags);
	if (pad < 2) {
		fputc('\n', f);
		pad = 2 + CMD_USAGE_FLAGS;
	}
	cmd_usage_wrap(f, help, 2 + CMD_USAGE_FLAGS, pad);
}

/* An option as --help names it: "--since DATE", "-V, --version". */
static char *
cmd_option_flags(const struct cmd_option *o)
{
	const char	*gap = o->value != NULL ? " " : "";
	const char	*value = o->value != NULL ? o->value : "";

	if (o->flags & CMD_SHORT)
		return xasprintf("-%c, --%s%s%s", o->key, o->name, gap, value);
	return xasprintf("--%s%s%s", o->name, gap, value);
}

/* Every option of a table, one (wrapped) line each. */
void
cmd_usage_options(FILE *f, const struct cmd_option *o)
{
	char	*flags;

	for (; o->name != NULL; o++) {
		flags = cmd_option_flags(o);
		cmd_usage_option(f, flags, o->help);
		free(flags);
	}
}

/* A command's help: usage, summary, options, exit status. */
void
cmd_usage(const struct cmd_entry *e, FILE *f)
{
	cmd_usage_line(e, f);
	fprintf(f, "\n%s.\n\n", e->summary);
	cmd_usage_options(f, e->options);
	cmd_usage_option(f, "-h, --help", "show this help");
	if (e->exit_status != NULL) {
		fputc('\n', f);
		cmd_usage_wrap(f, e->exit_status, 0, 0);
	}
}

/* Report a usage error in one line; returns the exit status for it. */
int
cmd_usage_error(const struct cmd_entry *e, const char *fmt, ...)
{
	const char	*name = e->name != NULL ? e->name : "";
	const char	*gap = e->name != NULL ? " " : "";
	va_list		 ap;

	fprintf(stderr, "limber%s%s: ", gap, name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (see 'limber%s%s --help')\n", gap, name);
	return EXIT_USAGE;
}

/* The option for key, which the entry must have. */
static const struct cmd_option *
cmd_option_of(const struct cmd_entry *e, int key)
{
	const struct cmd_option	*o;

	for (o = e->options; o->name != NULL; o++) {
		if (o->key == key)
			return o;
	}
	fatalx("%s: limber %s has no option '%c'", __func__,
	    e->name != NULL ? e->name : "", key);
}

/* One of a list of words for an option, or a usage error naming them. */
int
cmd_choice(const struct cmd_entry *e, const struct args *a, int key,
    const char *const *names, size_t n, int *index)
{
	const char	*arg = args_get(a, key);
	struct strbuf	 sb;
	char		*clean;
	size_t		 i;
	int		 status;

	if (arg == NULL)
		return CMD_CONTINUE;
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
	status = cmd_usage_error(e, "--%s is %s, not '%s'",
	    cmd_option_of(e, key)->name, sb.s, clean);
	free(clean);
	sb_done(&sb);
	return status;
}

/* Print a trusted lead, then outside text made inert, on one line. */
void
cmd_print_clean(FILE *f, const char *lead, const char *untrusted)
{
	char	*clean = text_sanitize(untrusted, 0);

	fprintf(f, "%s%s\n", lead, clean);
	free(clean);
}

/* The --routines folders, pointing into args. */
void
cmd_routines(const struct args *a, struct cmd_routines *cr)
{
	cr->dirs = args_list(a, 'r', &cr->n);
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
cmd_unknown_routine(const struct cmd_entry *e, const struct library *lib,
    const char *id)
{
	const char	*near[5];
	size_t		 n = library_suggest(lib, id, near, 5), i;
	char		*clean = text_sanitize(id, 0);

	fprintf(stderr, "limber %s: no routine '%s'", e->name, clean);
	for (i = 0; i < n; i++)
		fprintf(stderr, "%s%s", i ? ", " : "; did you mean: ", near[i]);
	fprintf(stderr, "%s\n", n > 0 ? "?" : " (see 'limber list')");
	free(clean);
	return 1;
}

/* The width to wrap to: the terminal's, or 80 columns when not writing to one. */
size_t
cmd_width(void)
{
	struct winsize	ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0
	    && ws.ws_col > 0)
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
	f->quiet = 0;
}

/* Say a date cannot be read; returns the exit status for it. */
static int
cmd_bad_date(const struct cmd_entry *e, const char *arg)
{
	char	*clean = text_sanitize(arg, 0);

	fprintf(stderr, "limber %s: bad date '%s' (use YYYY-MM-DD, or 30d or "
	    "12w for days or weeks ago)\n", e->name, clean);
	free(clean);
	return EXIT_USAGE;
}

/* Apply one of the filter's options, if it was given. */
static int
cmd_filter_option(const struct cmd_entry *e, struct cmd_filter *f,
    const struct args *a, int key)
{
	const char	*arg = args_get(a, key);
	long		 day;

	if (arg == NULL)
		return CMD_CONTINUE;
	if (key == 'a')
		return cmd_area(e, arg, &f->area);
	if (day_parse(arg, f->today, &day) != 0)
		return cmd_bad_date(e, arg);
	if (key == 's') {
		f->since = day;
		f->since_set = 1;
	} else
		f->until = day;
	return CMD_CONTINUE;
}

/* Apply --since, --until and --area; the range must not run backwards. */
int
cmd_filter_args(const struct cmd_entry *e, struct cmd_filter *f,
    const struct args *a)
{
	char	since[DAY_BUFSIZE], until[DAY_BUFSIZE];
	int	stop;

	if ((stop = cmd_filter_option(e, f, a, 's')) != CMD_CONTINUE ||
	    (stop = cmd_filter_option(e, f, a, 'u')) != CMD_CONTINUE ||
	    (stop = cmd_filter_option(e, f, a, 'a')) != CMD_CONTINUE)
		return stop;
	if (!f->since_set && f->back >= 0)
		f->since = f->until - f->back;
	if (f->since <= f->until)
		return CMD_CONTINUE;
	fprintf(stderr, "limber %s: --since %s is after --until %s\n", e->name,
	    day_format(f->since, since, sizeof since),
	    day_format(f->until, until, sizeof until));
	return EXIT_USAGE;
}

/* Whether a record passes the filter. */
int
cmd_filter_match(const struct cmd_filter *f, const struct holdlog_entry *e)
{
	if (e->date < f->since || e->date > f->until)
		return 0;
	return f->area < 0 || e->area == f->area;
}

/* An area by its id or a common name, or an error naming the closest id. */
int
cmd_area(const struct cmd_entry *e, const char *id, int *area)
{
	const char	*hint;
	char		*clean;
	int		 status;

	if ((*area = area_lookup(id)) >= 0)
		return CMD_CONTINUE;
	clean = text_sanitize(id, 0);
	if ((hint = area_suggest(id)) != NULL)
		status = cmd_usage_error(e, "unknown area '%s' (did you mean "
		    "'%s'?)", clean, hint);
	else
		status = cmd_usage_error(e, "unknown area '%s'", clean);
	free(clean);
	return status;
}

/*
 * Load the settings over the defaults, as every command that reads them
 * does: a bad file is reported like a broken routine and the command stops.
 */
int
cmd_load_config(struct config *cfg)
{
	struct diag_list	 diags;
	char			*path = config_path();
	int			 r = 0;

	config_init(cfg);
	diag_init(&diags);
	if (path != NULL && config_load(cfg, path, &diags) != 0)
		r = 1;
	diag_print(&diags, stderr);
	diag_done(&diags);
	free(path);
	return r;
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
	char	*clean = text_sanitize(path, 0);

	fprintf(stderr, "limber: cannot read %s: %s\n", clean,
	    holdlog_strerror(errno));
	free(clean);
	return 1;
}

/* Walk the log's records through a filter. */
int
cmd_log_each(const struct cmd_filter *f,
    void (*fn)(const struct holdlog_entry *, void *), void *arg)
{
	struct holdlog_reader	 rd;
	struct holdlog_entry	 e;
	char			*path;
	int			 r, status = 0;

	if ((path = cmd_log_path()) == NULL)
		return 1;
	if ((r = holdlog_read_open(&rd, path)) == 1) {
		while ((r = holdlog_read_next(&rd, &e)) == 1) {
			if (cmd_filter_match(f, &e))
				fn(&e, arg);
		}
	}
	if (r == -1)
		status = cmd_log_failed(path);
	holdlog_read_close(&rd);
	if (!f->quiet)
		holdlog_read_warn(&rd, stderr);
	free(path);
	return status;
}

/* Read the log into figures. */
int
cmd_log_stats(struct stats *st)
{
	struct holdlog_reader	 rd;
	char			*path;
	int			 status = 0;

	if ((path = cmd_log_path()) == NULL)
		return 1;
	if (stats_read(st, &rd, path) != 0)
		status = cmd_log_failed(path);
	holdlog_read_warn(&rd, stderr);
	free(path);
	return status;
}
