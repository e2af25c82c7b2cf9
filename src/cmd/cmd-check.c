/* limber check: validate routine files, folders or the whole library. */
#include "cmd/cmd.h"

#include <getopt.h>
#include <stdlib.h>

#include "limber/diag.h"

/* Add the dose warnings of every routine loaded. */
static void
check_dose(const struct library *lib, struct diag_list *diags)
{
	size_t	i;

	for (i = 0; i < lib->n; i++)
		routine_check_dose(lib->v[i], diags);
}

/* Validate; 0 when every file is a valid routine, 1 otherwise. */
int
cmd_check(const struct cmd *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dose", no_argument, NULL, 'd' },
		{ "routines", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct cmd_routines	cr = { NULL, 0 };
	struct diag_list	diags;
	struct library		lib;
	int			opt, dose = 0, i, stop;

	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (opt) {
		case 'd':
			dose = 1;
			break;
		default:
			if ((stop = cmd_option(c, opt, argc, argv, &cr)) !=
			    CMD_CONTINUE)
				return stop;
			break;
		}
	}
	diag_init(&diags);
	library_init(&lib);
	if (optind == argc)
		library_load_default(&lib, cr.dirs, cr.n, &diags);
	for (i = optind; i < argc; i++)
		library_add_path(&lib, argv[i], 1, &diags);
	for (i = 0; i < (int)cr.n && optind < argc; i++)
		library_add_path(&lib, cr.dirs[i], 1, &diags);
	if (dose)
		check_dose(&lib, &diags);
	diag_print(&diags, stderr);
	if (lib.bad == 0)
		printf("%zu file%s checked, all valid\n", lib.files,
		    lib.files == 1 ? "" : "s");
	else
		printf("%zu file%s checked, %zu invalid\n", lib.files,
		    lib.files == 1 ? "" : "s", lib.bad);
	opt = lib.bad > 0 || diags.errors > 0;
	diag_done(&diags);
	library_done(&lib);
	cmd_routines_free(&cr);
	return opt;
}
