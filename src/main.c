/* limber: guided stretching and foam-rolling in the terminal. */
#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "limber/area.h"

/* The top-level help. */
static void
main_usage(FILE *f)
{
	size_t	i;

	fprintf(f, "usage: limber [--routines DIR]... [COMMAND [ARGS]]\n\n"
	    "Guided stretching and foam-rolling routines in the terminal.\n"
	    "With no command, limber asks what is sore and starts a routine.\n\n"
	    "Commands:\n");
	for (i = 0; i < cmd_count; i++)
		fprintf(f, "  %-8s  %s\n", cmd_table[i].name,
		    cmd_table[i].summary);
	fprintf(f, "\nOptions:\n"
	    "  --routines DIR    add a folder of routines to the library\n"
	    "  -h, --help        show this help ('limber COMMAND --help' for "
	    "a command)\n"
	    "  -V, --version     show the version\n\nAreas:\n ");
	for (i = 0; i < area_count; i++)
		fprintf(f, " %s", area_table[i].id);
	fprintf(f, "\n\nRoutines come from the bundled library, then "
	    "$XDG_CONFIG_HOME/limber/routines/,\nthen each --routines DIR. "
	    "See limber(1) for the routine format.\n");
}

/* limber alone, perhaps with --routines: the start screen. */
static int
main_start(int argc, char **argv)
{
	struct cmd_routines	cr = { NULL, 0 };
	int			i, status;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--routines") == 0)
			cmd_routines_add(&cr, argv[++i]);
		else if (strncmp(argv[i], "--routines=", 11) == 0)
			cmd_routines_add(&cr, argv[i] + 11);
	}
	status = cmd_start(&cr);
	cmd_routines_free(&cr);
	return status;
}

/* The command named name, or NULL. */
static const struct cmd *
main_find(const char *name)
{
	size_t	i;

	for (i = 0; i < cmd_count; i++) {
		if (strcmp(cmd_table[i].name, name) == 0)
			return &cmd_table[i];
	}
	return NULL;
}

/*
 * Options before the command: --help, --version and --routines, which is
 * handed on to the command as if written after it.
 */
int
main(int argc, char **argv)
{
	const struct cmd	*c;
	char			*args[256];
	int			 i, n = 0, first = 1;

	setlocale(LC_ALL, "");
	/* Over a file-size limit, let the log's write() fail and say so. */
	signal(SIGXFSZ, SIG_IGN);
	while (first < argc && argv[first][0] == '-') {
		if (strcmp(argv[first], "--help") == 0 ||
		    strcmp(argv[first], "-h") == 0) {
			main_usage(stdout);
			return 0;
		}
		if (strcmp(argv[first], "--version") == 0 ||
		    strcmp(argv[first], "-V") == 0) {
			printf("limber %s\n", LIMBER_VERSION);
			return 0;
		}
		if (strcmp(argv[first], "--routines") == 0 &&
		    first + 1 < argc) {
			first += 2;
			continue;
		}
		if (strncmp(argv[first], "--routines=", 11) == 0) {
			first++;
			continue;
		}
		fprintf(stderr, "limber: unknown option '%s' (see 'limber "
		    "--help')\n", argv[first]);
		return EXIT_USAGE;
	}
	if (first == argc)
		return main_start(argc, argv);
	if ((c = main_find(argv[first])) == NULL) {
		fprintf(stderr, "limber: unknown command '%s' (see 'limber "
		    "--help')\n", argv[first]);
		return EXIT_USAGE;
	}
	if (argc > (int)(sizeof args / sizeof args[0]) - 1) {
		fprintf(stderr, "limber: too many arguments\n");
		return EXIT_USAGE;
	}
	args[n++] = argv[first];
	for (i = 1; i < first; i++)
		args[n++] = argv[i];
	for (i = first + 1; i < argc; i++)
		args[n++] = argv[i];
	args[n] = NULL;
	return c->fn(c, n, args);
}
