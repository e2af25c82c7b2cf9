/* limber run ID, and limber with no command: the ncurses screens. */
#include "cmd/cmd.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "limber/config.h"
#include "limber/duration.h"
#include "limber/holdlog.h"
#include "limber/text.h"
#include "ui/ui.h"

/* Load the settings; 0, or 1 after printing what is wrong. */
static int
run_config(struct config *cfg)
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

/* Open the terminal, run fn, give the terminal back; the exit status. */
static int
run_ui(struct ui *ui, const struct routine *r, int hold)
{
	int	status;

	ui->log_path = holdlog_path();
	if (ui_open(ui) != 0) {
		free(ui->log_path);
		return 2;
	}
	ui->note[0] = '\0';
	status = r != NULL ? ui_session(ui, r, hold) : ui_pick(ui);
	ui_close();
	if (ui->note[0] != '\0')
		fprintf(stderr, "%s\n", ui->note);
	free(ui->log_path);
	return status;
}

/* The start screen: "What's sore?". */
int
cmd_start(const struct cmd_routines *cr)
{
	struct config	cfg;
	struct library	lib;
	struct ui	ui;
	int		status;

	if ((status = ui_check_terminal(NULL)) != 0)
		return status;
	if (run_config(&cfg) != 0) {
		config_done(&cfg);
		return 1;
	}
	cmd_load_library(&lib, cr);
	memset(&ui, 0, sizeof ui);
	ui.lib = &lib;
	ui.cfg = &cfg;
	status = run_ui(&ui, NULL, 0);
	library_done(&lib);
	config_done(&cfg);
	return status;
}

/* Parse --hold: a duration within the hold limits; 0 or -1. */
static int
run_hold(const char *arg, int *hold)
{
	long long	secs;

	if (duration_parse(arg, &secs) != DURATION_OK ||
	    secs < STEP_HOLD_MIN || secs > STEP_HOLD_MAX)
		return -1;
	*hold = (int)secs;
	return 0;
}

/* Start a routine straight away. */
int
cmd_run(const struct cmd *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "hold", required_argument, NULL, 'H' },
		{ "routines", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct cmd_routines	 cr = { NULL, 0 };
	const struct routine	*r;
	struct config		 cfg;
	struct library		 lib;
	struct ui		 ui;
	int			 opt, hold = 0, status, stop;

	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (opt) {
		case 'H':
			if (run_hold(optarg, &hold) == 0)
				break;
			cmd_routines_free(&cr);
			return cmd_usage_error(c, "--hold takes seconds from %d "
			    "to %d, e.g. 30 or 45s, not '%s'", STEP_HOLD_MIN,
			    STEP_HOLD_MAX, optarg);
		default:
			if ((stop = cmd_option(c, opt, argc, argv, &cr)) !=
			    CMD_CONTINUE)
				return stop;
			break;
		}
	}
	if ((stop = cmd_one_id(c, argc, &cr)) != CMD_CONTINUE)
		return stop;
	if (run_config(&cfg) != 0) {
		config_done(&cfg);
		cmd_routines_free(&cr);
		return 1;
	}
	cmd_load_library(&lib, &cr);
	if ((r = library_find(&lib, argv[optind])) == NULL)
		status = cmd_unknown_routine(c, &lib, argv[optind]);
	else if ((status = ui_check_terminal(c->name)) == 0) {
		memset(&ui, 0, sizeof ui);
		ui.lib = &lib;
		ui.cfg = &cfg;
		status = run_ui(&ui, r, hold);
	}
	library_done(&lib);
	config_done(&cfg);
	cmd_routines_free(&cr);
	return status;
}
