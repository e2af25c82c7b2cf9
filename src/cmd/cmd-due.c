/* limber due: the areas short of their weekly target, for scripts. */
#include "cmd/cmd.h"

#include <getopt.h>

#include "limber/area.h"
#include "limber/day.h"
#include "limber/duration.h"

/* Print one line per due area; how many were printed. */
static size_t
cmd_due_print(const struct stats *st)
{
	const struct stats_week	*w;
	char			 last[DAY_BUFSIZE], dose[32];
	size_t			 i, n = 0;

	for (i = 0; i < area_count; i++) {
		w = &st->week[i];
		if (!w->due)
			continue;
		duration_format(w->target_seconds, dose, sizeof dose);
		printf("%s: %d of %d days with %s%s this week, last done %s\n",
		    area_id((int)i), w->dosed, w->target_days, dose,
		    area_table[i].sided ? " a side" : "",
		    w->last == STATS_NEVER ? "never" :
		    day_format(w->last, last, sizeof last));
		n++;
	}
	return n;
}

/* Say which areas are due; exit 1 if any is, 0 if none. */
int
cmd_due(const struct cmd *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct cmd_routines	cr = { NULL, 0 };
	struct config		cfg;
	struct stats		st;
	int			opt, status, stop;

	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if ((stop = cmd_option(c, opt, argc, argv, &cr)) !=
		    CMD_CONTINUE)
			return stop;
	}
	if ((stop = cmd_no_args(c, argc, argv)) != CMD_CONTINUE)
		return stop;
	cmd_load_config(&cfg);
	stats_init(&st, day_today(), &cfg, 0);
	if ((status = cmd_log_stats(&st)) == 0)
		status = cmd_due_print(&st) > 0;
	stats_done(&st);
	config_done(&cfg);
	return status;
}
