/* limber: guided stretching and foam-rolling in the terminal. */
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd/cmd.h"
#include "limber/area.h"
#include "limber/text.h"
#include "limber/xmalloc.h"

static void	main_usage(const struct cmd_entry *, FILE *);
static int	main_exec(const struct cmd_entry *, const struct args *);

/* The options before a command; --routines is handed on to it. */
static const struct cmd_option main_options[] = {
	CMD_OPTION_ROUTINES,
	{ "version", 'V', NULL, "show the version", CMD_SHORT },
	{ NULL, 0, NULL, NULL, 0 },
};

/* limber itself: its options, then a command or nothing. */
static const struct cmd_entry main_entry = {
	.name = NULL,
	.summary = "Guided stretching and foam-rolling routines in the terminal",
	.options = main_options,
	.args = { "[COMMAND [ARGS]]", 0, CMD_ANY, NULL, NULL },
	.flags = CMD_STOP_AT_ARG,
	.usage = main_usage,
	.exec = main_exec,
};

/* The top-level help: the commands and options from their entries. */
static void
main_usage(const struct cmd_entry *e, FILE *f)
{
	size_t	i;

	cmd_usage_line(e, f);
	fprintf(f, "\n%s.\nWith no command, limber asks what is sore and "
	    "starts a routine.\n\nCommands:\n", e->summary);
	for (i = 0; cmd_table[i] != NULL; i++)
		fprintf(f, "  %-8s  %s\n", cmd_table[i]->name,
		    cmd_table[i]->summary);
	fprintf(f, "\nOptions:\n");
	cmd_usage_options(f, e->options);
	cmd_usage_option(f, "-h, --help", "show this help ('limber COMMAND "
	    "--help' for a command)");
	fprintf(f, "\nAreas:\n ");
	for (i = 0; i < area_count; i++)
		fprintf(f, " %s", area_table[i].id);
	fprintf(f, "\n\nRoutines come from the bundled library, then "
	    "$XDG_CONFIG_HOME/limber/routines/,\nthen each --routines DIR. "
	    "See limber(1) for the routine format.\n");
}

/*
 * Run the command that args name, with the --routines folders given
 * before it handed on as if written after its name.
 */
static int
main_command(const struct args *a)
{
	const struct cmd_entry	 *c;
	char *const		 *dirs;
	char			**argv, *clean;
	size_t			  i, ndirs, n = 0;
	int			  status;

	if ((c = cmd_find(args_arg(a, 0))) == NULL) {
		clean = text_sanitize(args_arg(a, 0), 0);
		fprintf(stderr, "limber: unknown command '%s' (see 'limber "
		    "--help')\n", clean);
		free(clean);
		return EXIT_USAGE;
	}
	dirs = args_list(a, 'r', &ndirs);
	argv = xcalloc(2 * ndirs + (size_t)args_count(a) + 1, sizeof *argv);
	argv[n++] = args_arg(a, 0);
	for (i = 0; i < ndirs; i++) {
		argv[n++] = (char *)"--routines";
		argv[n++] = dirs[i];
	}
	for (i = 1; i < (size_t)args_count(a); i++)
		argv[n++] = args_arg(a, (int)i);
	status = cmd_exec(c, (int)n, argv);
	free(argv);
	return status;
}

/* --version, the start screen, or a command. */
static int
main_exec(const struct cmd_entry *e, const struct args *a)
{
	struct cmd_routines	cr;

	(void)e;
	if (args_has(a, 'V')) {
		printf("limber %s\n", LIMBER_VERSION);
		return 0;
	}
	if (args_count(a) > 0)
		return main_command(a);
	cmd_routines(a, &cr);
	return cmd_start(&cr);
}

/* Parse the options before the command, then run it. */
int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	text_use_locale();
	/* Over a file-size limit, let the log's write() fail and say so. */
	signal(SIGXFSZ, SIG_IGN);
	return cmd_exec(&main_entry, argc, argv);
}
