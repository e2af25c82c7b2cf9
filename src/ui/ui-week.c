/* The History tab's week: each tracked area against its weekly target. */
#include "ui/ui-history.h"

#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "limber/area.h"
#include "limber/duration.h"

#define WEEK_BAR_MIN	6
#define WEEK_BAR_MAX	30

/* Column widths of "This week" rows. */
struct week_fmt {
	int	name;
	int	bar;
	int	held;		/* "4m of 6m", or 0 */
	int	days;		/* 8 "2/3 days", 3 "2/3" */
	int	last;		/* or 0 */
	int	mark;		/* 3 "due", 1 "!" */
	int	gap;
};

/* How many areas are tracked. */
static int
week_tracked(const struct ui_history *h)
{
	size_t	a;
	int	n = 0;

	for (a = 0; a < area_count; a++)
		n += h->st->week[a].tracked != 0;
	return n;
}

/* "4m30s of 6m": the time held this week against the target. */
static void
week_held_text(const struct stats_week *wk, char *buf, size_t size)
{
	char	a[32], b[32];

	snprintf(buf, size, "%s of %s", duration_format(wk->seconds, a,
	    sizeof a), duration_format(wk->target_total, b, sizeof b));
}

/* Columns the fixed parts of a "This week" row take. */
static int
week_fixed(const struct week_fmt *f)
{
	int	n = f->name + f->days + f->mark, cols = 3;

	if (f->held > 0) {
		n += f->held;
		cols++;
	}
	if (f->last > 0) {
		n += f->last;
		cols++;
	}
	return n + cols * f->gap;
}

/* "met today", "met 3 days ago", "not met": the last day the dose was met. */
static char *
week_met(const struct ui_history *h, const struct stats_week *wk, char *buf,
    size_t size)
{
	char	since[32];

	if (wk->counted == STATS_NEVER)
		snprintf(buf, size, "not met");
	else
		snprintf(buf, size, "met %s", ui_since(wk->counted,
		    h->st->today, since, sizeof since));
	return buf;
}

/* Fit the columns of "This week" into w, leaving out what does not fit. */
static void
week_fit(const struct ui_history *h, int w, struct week_fmt *f)
{
	char	buf[64];
	size_t	a;
	int	n;

	memset(f, 0, sizeof *f);
	for (a = 0; a < area_count; a++) {
		const struct stats_week *wk = &h->st->week[a];

		if (!wk->tracked)
			continue;
		if ((n = (int)strlen(area_name((int)a))) > f->name)
			f->name = n;
		week_met(h, wk, buf, sizeof buf);
		if ((n = (int)strlen(buf)) > f->last)
			f->last = n;
		week_held_text(wk, buf, sizeof buf);
		if ((n = (int)strlen(buf)) > f->held)
			f->held = n;
	}
	f->days = 8;
	f->mark = 3;
	f->gap = w >= 70 ? 2 : 1;
	if (w - week_fixed(f) < WEEK_BAR_MIN + 4)
		f->held = 0;
	if (w - week_fixed(f) < WEEK_BAR_MIN) {
		f->days = 3;
		f->mark = 1;
	}
	if (w - week_fixed(f) < WEEK_BAR_MIN)
		f->last = 0;
	if (w - week_fixed(f) < WEEK_BAR_MIN && f->name > 8)
		f->name = 8;
	f->bar = w - week_fixed(f);
	if (f->bar > WEEK_BAR_MAX)
		f->bar = WEEK_BAR_MAX;
	if (f->bar < 3)
		f->bar = 3;
}

/* One tracked area: name, bar, time, days dosed, dose last met, due. */
static void
week_row(const struct ui_history *h, int a, int y, int x,
    const struct week_fmt *f)
{
	const struct stats_week	*wk = &h->st->week[a];
	char			 buf[64];

	ui_put(y, x, area_name(a), f->name);
	x += f->name + f->gap;
	ui_bar(h->ui, y, x, f->bar, wk->seconds, wk->target_total);
	x += f->bar + f->gap;
	if (f->held > 0) {
		week_held_text(wk, buf, sizeof buf);
		ui_put(y, x, buf, f->held);
		x += f->held + f->gap;
	}
	snprintf(buf, sizeof buf, f->days > 3 ? "%d/%d day%s" : "%d/%d",
	    wk->dosed, wk->target_days, hist_s(wk->target_days));
	ui_put(y, x, buf, f->days);
	x += f->days + f->gap;
	if (f->last > 0) {
		ui_put(y, x, week_met(h, wk, buf, sizeof buf), f->last);
		x += f->last + f->gap;
	}
	if (wk->due) {
		ui_attr(UI_PAIR_WARN, 1, 1);
		ui_put(y, x, f->mark > 1 ? "due" : "!", f->mark);
		ui_attr(UI_PAIR_WARN, 1, 0);
	}
}

/* "and 3 more, 2 due" for the areas there is no room for. */
static void
week_more(const struct ui_history *h, int y, int x, int w, int shown,
    int from)
{
	char	line[64];
	size_t	a;
	int	n = 0, due = 0;

	for (a = (size_t)from; a < area_count; a++) {
		n += h->st->week[a].tracked != 0;
		due += h->st->week[a].due != 0;
	}
	snprintf(line, sizeof line, "%s%d %s, %d due", shown > 0 ? "and " :
	    "", n, shown > 0 ? "more" : "tracked", due);
	ui_put(y, x, line, w);
}

/* "This week" for each tracked area in rows rows at y,x; returns rows used. */
int
week_draw(const struct ui_history *h, int y, int x, int w, int rows)
{
	struct week_fmt	f;
	size_t			a;
	int			n = week_tracked(h), shown = 0, used = 1;

	if (n == 0) {
		hist_heading(y, x, w, "This week", "");
		return 1 + ui_wrap(y + 1, x, "Nothing tracked yet: finish a "
		    "routine, or set targets: in config.yaml", w, rows - 1);
	}
	week_fit(h, w, &f);
	hist_heading(y, x, w, "This week", f.mark == 1 ? "(! due)" :
	    "(the 7 days to today)");
	for (a = 0; a < area_count && used < rows; a++) {
		if (!h->st->week[a].tracked)
			continue;
		if (used == rows - 1 && shown + 1 < n) {
			week_more(h, y + used++, x, w, shown, (int)a);
			break;
		}
		week_row(h, (int)a, y + used++, x, &f);
		shown++;
	}
	return used;
}

/* Rows "This week" wants: a heading and the areas, or the hint. */
int
week_rows(const struct ui_history *h, int w)
{
	int	n = week_tracked(h);

	if (n > 0)
		return 1 + n;
	return w >= 70 ? 2 : 3;
}
