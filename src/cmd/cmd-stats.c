/* limber stats: totals per area, streaks and this week's doses. */
#include "cmd/cmd.h"

#include <stdlib.h>
#include <string.h>

#include "limber/area.h"
#include "limber/day.h"
#include "limber/duration.h"
#include "limber/text.h"

#define CMD_STATS_COLS	5	/* cells in a row of a table, at most */

enum cmd_stats_format {
	CMD_STATS_TEXT,
	CMD_STATS_TSV,
};

static const char *const cmd_stats_formats[] = { "text", "tsv" };
#define CMD_STATS_NFORMATS \
	(sizeof cmd_stats_formats / sizeof cmd_stats_formats[0])

static int	cmd_stats(const struct cmd_entry *, const struct args *);

static const struct cmd_option cmd_stats_options[] = {
	{ "since", 's', "DATE",
	    "from this date (YYYY-MM-DD, or 30d or 12w ago; default 30d)", 0 },
	{ "until", 'u', "DATE", "to this date (default: today)", 0 },
	{ "format", 'f', "FMT", "text (the default) or tsv for programs", 0 },
	{ NULL, 0, NULL, NULL, 0 },
};

const struct cmd_entry cmd_stats_entry = {
	.name = "stats",
	.summary = "totals per area, streaks and this week against your targets",
	.options = cmd_stats_options,
	.args = { "", 0, 0, NULL, NULL },
	.exec = cmd_stats,
};

/* A small table of text cells; align has 'l' or 'r' per column. */
struct cmd_stats_table {
	const char	*align;
	size_t		 ncols;
	char		*(*cell)[CMD_STATS_COLS];
	size_t		 n;
};

/* Start a table whose columns are aligned as align says. */
static void
cmd_stats_table_init(struct cmd_stats_table *t, const char *align)
{
	t->align = align;
	t->ncols = strlen(align);
	t->cell = NULL;
	t->n = 0;
}

/* Add a row of ncols strings, which the table takes. */
static void
cmd_stats_table_add(struct cmd_stats_table *t, char *c0, char *c1, char *c2,
    char *c3, char *c4)
{
	char	*row[CMD_STATS_COLS] = { c0, c1, c2, c3, c4 };

	t->cell = xreallocarray(t->cell, t->n + 1, sizeof *t->cell);
	memcpy(t->cell[t->n++], row, sizeof row);
}

/* Print the table with two spaces between columns, then free it. */
static void
cmd_stats_table_print(struct cmd_stats_table *t, const char *indent)
{
	size_t	i, j, w, width[CMD_STATS_COLS] = { 0 };

	for (i = 0; i < t->n; i++) {
		for (j = 0; j < t->ncols; j++) {
			if ((w = text_width(t->cell[i][j])) > width[j])
				width[j] = w;
		}
	}
	for (i = 0; i < t->n; i++) {
		fputs(indent, stdout);
		for (j = 0; j < t->ncols; j++) {
			w = text_width(t->cell[i][j]);
			if (t->align[j] == 'r')
				printf("%*s", (int)(width[j] - w), "");
			fputs(t->cell[i][j], stdout);
			if (t->align[j] == 'l' && j + 1 < t->ncols)
				printf("%*s", (int)(width[j] - w), "");
			fputs(j + 1 < t->ncols ? "  " : "\n", stdout);
			free(t->cell[i][j]);
		}
	}
	free(t->cell);
}

/* A date, or "-" for none. */
static char *
cmd_stats_date(long day)
{
	char	buf[DAY_BUFSIZE];

	if (day == STATS_NEVER)
		return xstrdup("-");
	return xstrdup(day_format(day, buf, sizeof buf));
}

/* A duration as text. */
static char *
cmd_stats_duration(long long secs)
{
	char	buf[32];

	return xstrdup(duration_format(secs, buf, sizeof buf));
}

/* The figures for programs: one row per area with records in range. */
static void
cmd_stats_tsv(const struct stats *st)
{
	const struct stats_area	*a;
	char			*last;
	size_t			 i;

	printf("area\tholds\tseconds\tdays\tlast\n");
	for (i = 0; i < area_count; i++) {
		a = &st->area[i];
		if (a->records == 0)
			continue;
		last = cmd_stats_date(a->last);
		printf("%s\t%ld\t%lld\t%ld\t%s\n", area_id((int)i), a->holds,
		    a->seconds, a->days, last);
		free(last);
	}
}

/* Add one area's (or the total's) row to the range table. */
static void
cmd_stats_area_row(struct cmd_stats_table *t, const char *name,
    const struct stats_area *a)
{
	cmd_stats_table_add(t, xstrdup(name), xasprintf("%ld", a->holds),
	    cmd_stats_duration(a->seconds), xasprintf("%ld", a->days),
	    cmd_stats_date(a->last));
}

/* The range: a title and one row per area, then the total. */
static void
cmd_stats_range(const struct stats *st)
{
	struct cmd_stats_table	t;
	char			since[DAY_BUFSIZE], until[DAY_BUFSIZE];
	size_t			i;

	day_format(st->since, since, sizeof since);
	day_format(st->until, until, sizeof until);
	if (st->total.records == 0) {
		printf("No holds from %s to %s.\n", since, until);
		return;
	}
	printf("From %s to %s:\n\n", since, until);
	cmd_stats_table_init(&t, "lrrrl");
	cmd_stats_table_add(&t, xstrdup("Area"), xstrdup("Holds"),
	    xstrdup("Held"), xstrdup("Days"), xstrdup("Last"));
	for (i = 0; i < area_count; i++) {
		if (st->area[i].records > 0)
			cmd_stats_area_row(&t, area_name((int)i), &st->area[i]);
	}
	cmd_stats_area_row(&t, "Total", &st->total);
	cmd_stats_table_print(&t, "  ");
}

/* "1 day", "9 days". */
static const char *
cmd_stats_days(long n)
{
	return n == 1 ? "day" : "days";
}

/* The current streak and the best one. */
static void
cmd_stats_streak(const struct stats *st)
{
	char	first[DAY_BUFSIZE], last[DAY_BUFSIZE];

	if (st->streak_best == 0) {
		printf("Streak: none yet\n");
		return;
	}
	day_format(st->best_first, first, sizeof first);
	day_format(st->best_last, last, sizeof last);
	printf("Streak: %ld %s (best %ld %s, %s%s%s)\n", st->streak,
	    cmd_stats_days(st->streak), st->streak_best,
	    cmd_stats_days(st->streak_best), first,
	    st->best_first == st->best_last ? "" : " to ",
	    st->best_first == st->best_last ? "" : last);
}

/* When the dose was last met: "dose met 3 days ago", or not in 7 days. */
static char *
cmd_stats_met(const struct stats *st, const struct stats_week *w)
{
	long	gap;

	if (w->counted == STATS_NEVER)
		return xasprintf("no dose in %d days", STATS_WEEK_DAYS);
	gap = st->today - w->counted;
	if (gap == 0)
		return xstrdup("dose met today");
	return xasprintf("dose met %ld day%s ago", gap, gap == 1 ? "" : "s");
}

/* The last 7 days against each tracked area's target, and what is due. */
static void
cmd_stats_week(const struct stats *st)
{
	const struct stats_week	*w;
	struct cmd_stats_table	 t;
	char			 from[DAY_BUFSIZE], to[DAY_BUFSIZE];
	char			 held[32], total[32], dose[32];
	size_t			 i;

	printf("This week (%s to %s):\n\n",
	    day_format(st->today - (STATS_WEEK_DAYS - 1), from, sizeof from),
	    day_format(st->today, to, sizeof to));
	cmd_stats_table_init(&t, "llrll");
	for (i = 0; i < area_count; i++) {
		w = &st->week[i];
		if (!w->tracked)
			continue;
		cmd_stats_table_add(&t, xstrdup(area_name((int)i)),
		    xasprintf("%d of %d %s (%s%s)", w->dosed, w->target_days,
		    cmd_stats_days(w->target_days), duration_format(w->target_seconds, dose, sizeof dose),
		    area_table[i].sided ? " a side" : ""),
		    xasprintf("%s of %s",
		    duration_format(w->seconds, held, sizeof held),
		    duration_format(w->target_total, total, sizeof total)),
		    cmd_stats_met(st, w), xstrdup(w->due ? "due" : "ok"));
	}
	if (t.n == 0)
		printf("  Nothing tracked: no targets set and no holds in the "
		    "last %d weeks.\n", STATS_TRACK_DAYS / 7);
	cmd_stats_table_print(&t, "  ");
}

/* Read the log and print the figures; the text reads the settings too. */
static int
cmd_stats_show(const struct cmd_filter *f, enum cmd_stats_format fmt)
{
	struct config	cfg;
	struct stats	st;
	int		status;

	if (fmt == CMD_STATS_TEXT && cmd_load_config(&cfg) != 0) {
		config_done(&cfg);
		return 1;
	}
	if (fmt != CMD_STATS_TEXT)
		config_init(&cfg);
	stats_init(&st, f->today, &cfg, 0);
	st.since = f->since;
	st.until = f->until;
	if ((status = cmd_log_stats(&st)) == 0 && fmt == CMD_STATS_TSV)
		cmd_stats_tsv(&st);
	else if (status == 0) {
		cmd_stats_range(&st);
		putchar('\n');
		cmd_stats_streak(&st);
		putchar('\n');
		cmd_stats_week(&st);
	}
	stats_done(&st);
	config_done(&cfg);
	return status;
}

/* Print totals over a range, streaks and this week. */
static int
cmd_stats(const struct cmd_entry *e, const struct args *a)
{
	struct cmd_filter	f;
	int			stop, fmt = CMD_STATS_TEXT;

	cmd_filter_init(&f, 30);
	if ((stop = cmd_choice(e, a, 'f', cmd_stats_formats,
	    CMD_STATS_NFORMATS, &fmt)) != CMD_CONTINUE ||
	    (stop = cmd_filter_args(e, &f, a)) != CMD_CONTINUE)
		return stop;
	return cmd_stats_show(&f, (enum cmd_stats_format)fmt);
}
