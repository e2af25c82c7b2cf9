/* limber run ID, and limber with no command: the ncurses screens. */
#include "cmd/cmd.h"

#include <stdlib.h>
#include <string.h>

#include "limber/config.h"
#include "limber/duration.h"
#include "limber/holdlog.h"
#include "limber/text.h"
#include "ui/ui.h"

static int	cmd_run(const struct cmd_entry *, const struct args *);

static const struct cmd_option cmd_run_options[] = {
	{ "hold", 'H', "SECONDS",
	    "hold every stretch and roll this long (5 to 600)", 0 },
	CMD_OPTION_ROUTINES,
	{ NULL, 0, NULL, NULL, 0 },
};

const struct cmd_entry cmd_run_entry = {
	.name = "run",
	.summary = "follow a routine hands-free, logging every hold",
	.options = cmd_run_options,
	.args = { "ID", 1, 1, "which routine? give an id", "give one id" },
	.exec = cmd_run,
};

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
		cmd_print_clean(stderr, "", ui->note);
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
	if (cmd_load_config(&cfg) != 0) {
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

/* Say --hold is not a hold limber takes, the value made inert. */
static int
run_bad_hold(const struct cmd_entry *e, const char *arg)
{
	char	*clean = text_sanitize(arg, 0);
	int	 status;

	status = cmd_usage_error(e, "--hold takes seconds from %d to %d, e.g. "
	    "30 or 45s, not '%s'", STEP_HOLD_MIN, STEP_HOLD_MAX, clean);
	free(clean);
	return status;
}

/* Start a routine straight away. */
static int
cmd_run(const struct cmd_entry *e, const struct args *a)
{
	const struct routine	*r;
	struct cmd_routines	 cr;
	struct config		 cfg;
	struct library		 lib;
	struct ui		 ui;
	const char		*id = args_arg(a, 0), *arg;
	int			 hold = 0, status;

	if ((arg = args_get(a, 'H')) != NULL && run_hold(arg, &hold) != 0)
		return run_bad_hold(e, arg);
	if (cmd_load_config(&cfg) != 0) {
		config_done(&cfg);
		return 1;
	}
	cmd_routines(a, &cr);
	cmd_load_library(&lib, &cr);
	if ((r = library_find(&lib, id)) == NULL)
		status = cmd_unknown_routine(e, &lib, id);
	else if ((status = ui_check_terminal(e->name)) == 0) {
		memset(&ui, 0, sizeof ui);
		ui.lib = &lib;
		ui.cfg = &cfg;
		status = run_ui(&ui, r, hold);
	}
	library_done(&lib);
	config_done(&cfg);
	return status;
}
