/* limber due: the areas due a stretch by their weekly target, for scripts. */
#include "cmd/cmd.h"

#include "limber/area.h"
#include "limber/day.h"
#include "limber/duration.h"

/* The exit statuses beside 2, a usage error. */
#define CMD_DUE_NONE		0	/* no area is due */
#define CMD_DUE_SOME		1	/* one or more are */
#define CMD_DUE_UNREADABLE	3	/* the settings or the log */

static int	cmd_due(const struct cmd_entry *, const struct args *);

static const struct cmd_option cmd_due_options[] = {
	{ NULL, 0, NULL, NULL, 0 },
};

const struct cmd_entry cmd_due_entry = {
	.name = "due",
	.summary = "list the areas due a stretch by their target (exit 1 if any)",
	.options = cmd_due_options,
	.args = { "", 0, 0, NULL, NULL },
	.exit_status = "Exit status: 0 when no area is due, 1 when one or more "
	    "are, 2 on a usage error, 3 when the settings or the log cannot be "
	    "read.",
	.exec = cmd_due,
};

/*
 * Why area a is due: "calves: due: last met the dose 2026-11-28, 4 days ago
 * (target 3 days a week, 1m a side)".
 */
static void
cmd_due_line(const struct stats *st, int a)
{
	const struct stats_week	*w = &st->week[a];
	char			 day[DAY_BUFSIZE], dose[32];
	long			 gap;

	printf("%s: due: ", area_id(a));
	if (w->counted == STATS_NEVER)
		printf("no day met the dose in the last %d days",
		    STATS_WEEK_DAYS);
	else {
		gap = st->today - w->counted;
		printf("last met the dose %s, %ld day%s ago",
		    day_format(w->counted, day, sizeof day), gap,
		    gap == 1 ? "" : "s");
	}
	printf(" (target %d day%s a week, %s%s)\n", w->target_days,
	    w->target_days == 1 ? "" : "s",
	    duration_format(w->target_seconds, dose, sizeof dose),
	    area_table[a].sided ? " a side" : "");
}

/* Print one line per due area; how many were printed. */
static size_t
cmd_due_print(const struct stats *st)
{
	size_t	i, n = 0;

	for (i = 0; i < area_count; i++) {
		if (st->week[i].due) {
			cmd_due_line(st, (int)i);
			n++;
		}
	}
	return n;
}

/* Say which areas are due: the exit status says whether any is. */
static int
cmd_due(const struct cmd_entry *e, const struct args *a)
{
	struct config	cfg;
	struct stats	st;
	int		status = CMD_DUE_UNREADABLE;

	(void)e;
	(void)a;
	if (cmd_load_config(&cfg) == 0) {
		stats_init(&st, day_today(), &cfg, 0);
		if (cmd_log_stats(&st) == 0)
			status = cmd_due_print(&st) > 0 ? CMD_DUE_SOME :
			    CMD_DUE_NONE;
		stats_done(&st);
	}
	config_done(&cfg);
	return status;
}
