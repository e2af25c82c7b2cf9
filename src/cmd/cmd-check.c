/* limber check: validate routine files, folders or the whole library. */
#include "cmd/cmd.h"

#include <stdlib.h>

#include "limber/diag.h"

static int	cmd_check(const struct cmd_entry *, const struct args *);

static const struct cmd_option cmd_check_options[] = {
	{ "dose", 'd', NULL,
	    "also warn where holds stray from the evidence-based dose", 0 },
	CMD_OPTION_ROUTINES,
	{ NULL, 0, NULL, NULL, 0 },
};

const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.summary = "validate routine files or folders (default: library and "
	    "settings)",
	.options = cmd_check_options,
	.args = { "[PATH...]", 0, CMD_ANY, NULL, NULL },
	.exec = cmd_check,
};

/* Add the dose warnings of every routine loaded. */
static void
check_dose(const struct library *lib, struct diag_list *diags)
{
	size_t	i;

	for (i = 0; i < lib->n; i++)
		routine_check_dose(lib->v[i], diags);
}

/*
 * Check the settings file into diags: -1 when there is none, else 0 when
 * it is good and 1 when it is not.
 */
static int
check_settings(struct diag_list *diags)
{
	struct config	 cfg;
	char		*path = config_path();
	int		 bad;

	if (path == NULL || config_missing(path)) {
		free(path);
		return -1;
	}
	config_init(&cfg);
	bad = config_load(&cfg, path, diags) != 0;
	config_done(&cfg);
	free(path);
	return bad;
}

/* Load the paths given, or with none the whole library. */
static void
check_load(struct library *lib, const struct args *a,
    struct diag_list *diags)
{
	struct cmd_routines	cr;
	int			i, n = args_count(a);
	size_t			j;

	cmd_routines(a, &cr);
	if (n == 0)
		library_load_default(lib, cr.dirs, cr.n, diags);
	for (i = 0; i < n; i++)
		library_add_path(lib, args_arg(a, i), 1, diags);
	for (j = 0; j < cr.n && n > 0; j++)
		library_add_path(lib, cr.dirs[j], 1, diags);
}

/* Note each routine that replaces one of its id from an earlier layer. */
static void
check_shadows(const struct library *lib, struct diag_list *diags)
{
	const struct routine	*r;
	size_t			 i;

	for (i = 0; i < lib->n; i++) {
		r = lib->v[i];
		if (lib->origin[i].shadows != NULL)
			diag_add(diags, DIAG_NOTE, r->path, r->line, r->col,
			    "replaces %s from %s", r->id,
			    lib->origin[i].shadows);
	}
}

/* Whether one of the paths given is empty. */
static int
check_empty_path(const struct args *a)
{
	int	i;

	for (i = 0; i < args_count(a); i++) {
		if (args_arg(a, i)[0] == '\0')
			return 1;
	}
	return 0;
}

/* Validate; 0 when every file is a valid routine, 1 otherwise. */
static int
cmd_check(const struct cmd_entry *e, const struct args *a)
{
	struct diag_list	diags;
	struct library		lib;
	int			settings = -1, bad;

	if (check_empty_path(a))
		return cmd_usage_error(e, "an empty path names no file: give a "
		    "routine file or folder");
	diag_init(&diags);
	library_init(&lib);
	check_load(&lib, a, &diags);
	check_shadows(&lib, &diags);
	if (args_has(a, 'd'))
		check_dose(&lib, &diags);
	if (args_count(a) == 0)
		settings = check_settings(&diags);
	diag_print(&diags, stderr);
	if (lib.bad == 0)
		printf("%zu file%s checked, all valid\n", lib.files,
		    lib.files == 1 ? "" : "s");
	else
		printf("%zu file%s checked, %zu invalid\n", lib.files,
		    lib.files == 1 ? "" : "s", lib.bad);
	if (settings >= 0)
		printf("1 settings file checked, %s\n", settings ? "invalid" :
		    "valid");
	bad = lib.bad > 0 || diags.errors > 0;
	diag_done(&diags);
	library_done(&lib);
	return bad;
}
