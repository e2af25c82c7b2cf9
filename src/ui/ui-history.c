/*
 * The History tab: streaks, a calendar of the minutes held each day, this
 * week against the targets, the recent holds and the stretches done most.
 * The figures are the start screen's (stats.h); this file and the calendar
 * and week it draws (ui-heatmap.c, ui-week.c) only lay them out.
 */
#include "ui/ui-history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "limber/area.h"
#include "limber/day.h"
#include "limber/duration.h"
#include "limber/holdlog.h"
#include "limber/paths.h"
#include "limber/stats.h"
#include "limber/text.h"

#define HIST_TOP	3	/* the first row, or 2 when short */
#define HIST_FULL_ROWS	16	/* rows for every part at once; else one pane */
#define HIST_SIDE_MIN	20	/* columns for totals and legend by the calendar */
#define HIST_WIDE_MIN	50	/* columns for "This week" by the calendar */
#define HIST_BOTH_COLS	110	/* both lists side by side */
#define HIST_LIST_MIN	4	/* rows for a list and its heading */
#define HIST_FAR	1000000	/* a scroll to either end */

/* The panes shown one at a time in a short terminal. */
enum hist_pane {
	HIST_CALENDAR,
	HIST_WEEK,
	HIST_RECENT,
	HIST_MOST,
	HIST_PANES
};

/* Columns of a recent hold, by the width there is (0 leaves one out). */
static const struct hist_cols {
	int	min;		/* for a list this wide or wider */
	int	date;		/* 10 "2026-11-21", 5 "11-21" */
	int	time;		/* 5 "07:12", or 0 */
	int	area;
	int	side;		/* 5 "right", or 0 */
	int	held;
	int	outcome;	/* 7 "partial", 4 "part" */
} hist_cols[] = {
	{ 90, 10, 5, 13, 5, 6, 7 },
	{ 56, 5, 5, 11, 5, 6, 7 },
	{ 0, 5, 0, 7, 0, 5, 4 },
};

/* Whether there are figures to show. */
static int
hist_ok(const struct ui_history *h)
{
	return h->st != NULL && h->error == 0;
}

/* The separator between figures on a line. */
static const char *
hist_dot(const struct ui_history *h)
{
	return h->ui->utf8 ? " \xc2\xb7 " : " - ";
}

/* "s" when n is not one. */
const char *
hist_s(long n)
{
	return n == 1 ? "" : "s";
}

/*
 * New figures were read (st NULL: no folder for the log; error: it could
 * not be read): keep the filter if it still has holds.
 */
void
history_reset(const struct ui *ui, struct start *st)
{
	struct ui_history	*h = &st->hist;
	size_t			 n = 0;

	h->ui = ui;
	h->st = ui->log_path != NULL && st->loaded ? &st->st : NULL;
	h->error = st->error;
	h->skipped = st->skipped;
	if (hist_ok(h) && h->area >= 0)
		stats_recent(h->st, h->area, &n);
	if (n == 0)
		h->area = -1;
	h->top = 0;
}

/*
 * The streak line, with the skipped-lines note at the right and, with
 * totals set, the calendar's totals when they fit.
 */
static void
hist_draw_streak(const struct ui_history *h, int y, int totals)
{
	char	line[160], note[64], more[96];
	int	used, room = COLS - 2, nw = 0;

	note[0] = '\0';
	if (h->skipped > 0)
		snprintf(note, sizeof note, "%ld log line%s skipped", h->skipped,
		    hist_s(h->skipped));
	snprintf(line, sizeof line, "Streak %ld day%s%sbest %ld day%s",
	    h->st->streak, hist_s(h->st->streak), hist_dot(h),
	    h->st->streak_best, hist_s(h->st->streak_best));
	if (note[0] != '\0' && (int)(text_width(line) + strlen(note)) + 2 > room)
		snprintf(note, sizeof note, "%ld skipped", h->skipped);
	if (note[0] != '\0' && (int)(text_width(line) + strlen(note)) + 2 > room)
		snprintf(line, sizeof line, "Streak %ldd%sbest %ldd",
		    h->st->streak, hist_dot(h), h->st->streak_best);
	if (note[0] != '\0' && (int)(text_width(line) + strlen(note)) + 2 <= room)
		nw = (int)strlen(note) + 2;
	attron(A_BOLD);
	used = ui_put(y, 1, line, room);
	attroff(A_BOLD);
	if (totals) {
		heat_totals_text(h, more, sizeof more);
		if (used + 5 + (int)strlen(more) + nw <= room)
			ui_put(y, 1 + used + 5, more, (int)strlen(more));
	}
	if (nw > 0) {
		ui_attr(UI_PAIR_WARN, 1, 1);
		ui_put(y, COLS - nw + 1, note, nw - 2);
		ui_attr(UI_PAIR_WARN, 1, 0);
	}
}

/* A list's heading, bold, with a dim note after it. */
void
hist_heading(int y, int x, int w, const char *title, const char *note)
{
	int	used;

	attron(A_BOLD);
	used = ui_put(y, x, title, w);
	attroff(A_BOLD);
	ui_attr(UI_PAIR_DIM, 0, 1);
	ui_put(y, x + used + 1, note, w - used - 1);
	ui_attr(UI_PAIR_DIM, 0, 0);
}

/* The recent holds shown with the filter. */
static const struct stats_hold *
hist_recent(const struct ui_history *h, size_t *n)
{
	return stats_recent(h->st, h->area, n);
}

/* Keep the first recent hold shown in range for rows rows. */
static void
hist_clamp(struct ui_history *h, int rows)
{
	size_t	n;

	hist_recent(h, &n);
	if (rows < 1)
		rows = 1;
	if (h->top > (int)n - rows)
		h->top = (int)n - rows;
	if (h->top < 0)
		h->top = 0;
}

/* Whether a recent hold shown is of another year than today's. */
static int
hist_other_year(const struct ui_history *h)
{
	const struct stats_hold	*v;
	size_t			 i, n;
	int			 year, y, m, d;

	v = hist_recent(h, &n);
	day_to_civil(h->st->today, &year, &m, &d);
	for (i = 0; i < n; i++) {
		day_to_civil(v[i].date, &y, &m, &d);
		if (y != year)
			return 1;
	}
	return 0;
}

/*
 * The columns for a recent list w wide; dates without their year only
 * when every hold listed is of this year.
 */
static struct hist_cols
hist_cols_for(const struct ui_history *h, int w)
{
	struct hist_cols	c;
	size_t			i;

	for (i = 0; i + 1 < sizeof hist_cols / sizeof hist_cols[0] &&
	    w < hist_cols[i].min; i++)
		;
	c = hist_cols[i];
	if (h->area >= 0)
		c.area = 0;
	if (c.date < DAY_BUFSIZE - 1 && hist_other_year(h))
		c.date = DAY_BUFSIZE - 1;
	return c;
}

/* Put text in a column and step past it; nothing for a width of 0. */
static void
hist_col(int y, int *x, const char *text, int width)
{
	if (width <= 0)
		return;
	ui_put(y, *x, text, width);
	*x += width + 1;
}

/* One recent hold: date, time, area, side, step, held, outcome. */
static void
hist_recent_row(const struct stats_hold *r, int y, int x, int w,
    const struct hist_cols *c)
{
	char	date[DAY_BUFSIZE], held[32], right[48];
	int	end = x + w, rw;

	day_format(r->date, date, sizeof date);
	hist_col(y, &x, c->date == DAY_BUFSIZE - 1 ? date : date + 5, c->date);
	hist_col(y, &x, strlen(r->stamp) >= 16 ? r->stamp + 11 : "", c->time);
	hist_col(y, &x, area_name(r->area), c->area);
	hist_col(y, &x, r->side == HOLDLOG_SIDE_NONE ? "" :
	    holdlog_side_word(r->side), c->side);
	snprintf(right, sizeof right, "%*s %-*.*s", c->held,
	    duration_format(r->held, held, sizeof held), c->outcome,
	    c->outcome, holdlog_outcome_word(r->outcome));
	rw = (int)strlen(right);
	ui_put_clean(y, x, r->step, end - rw - 1 - x);
	if (r->outcome != 0)
		ui_attr(UI_PAIR_DIM, 0, 1);
	ui_put(y, end - rw, right, rw);
	if (r->outcome != 0)
		ui_attr(UI_PAIR_DIM, 0, 0);
}

/* The recent holds, newest first, scrolled, in rows rows at y,x. */
static void
hist_draw_recent(struct ui_history *h, int y, int x, int w, int rows)
{
	const struct stats_hold	*v;
	struct hist_cols	 c = hist_cols_for(h, w);
	char			 title[64], pos[48];
	size_t			 n;
	int			 i;

	v = hist_recent(h, &n);
	h->rows = rows - 1;
	hist_clamp(h, h->rows);
	snprintf(title, sizeof title, "Recent%s%s", hist_dot(h), h->area < 0 ?
	    "all areas" : area_name(h->area));
	hist_heading(y, x, w, title, h->both || h->compact ? "(f: filter)" :
	    "(f: filter, t: most done)");
	if (n > (size_t)h->rows && w >= 60) {
		snprintf(pos, sizeof pos, "%d-%d of %zu", h->top + 1, h->top +
		    h->rows < (int)n ? h->top + h->rows : (int)n, n);
		ui_put(y, x + w - (int)strlen(pos), pos, (int)strlen(pos));
	}
	if (n == 0)
		ui_put(y + 1, x, "No holds yet.", w);
	for (i = 0; i < h->rows && h->top + i < (int)n; i++)
		hist_recent_row(&v[h->top + i], y + 1 + i, x, w, &c);
}

/* The stretches done most, in rows rows at y,x. */
static void
hist_draw_most(struct ui_history *h, int y, int x, int w, int rows)
{
	const struct stats_top	*v;
	char			 right[64], held[32];
	size_t			 n, i;
	int			 aw = w >= 44 ? 13 : 0, rw;

	v = stats_top(h->st, &n);
	hist_heading(y, x, w, "Most done", h->both ? "" : h->compact ?
	    "(t: next)" : "(t: recent)");
	if (n == 0)
		ui_put(y + 1, x, "Nothing done yet.", w);
	for (i = 0; i < n && (int)i + 1 < rows; i++) {
		snprintf(right, sizeof right, "%-*.*s %4ldx %6s", aw, aw,
		    aw > 0 ? area_name(v[i].area) : "", v[i].count,
		    duration_format(v[i].seconds, held, sizeof held));
		rw = (int)strlen(right);
		ui_put_clean(y + 1 + (int)i, x, v[i].step, w - rw - 1);
		ui_put(y + 1 + (int)i, x + w - rw, right, rw);
	}
}

/* The lists below: Recent or Most done, or both when there is room. */
static void
hist_draw_lists(struct ui_history *h, int y, int rows)
{
	int	w = COLS - 2, rw, mr;
	size_t	n;

	stats_top(h->st, &n);
	h->both = 0;
	if (COLS >= HIST_BOTH_COLS) {
		h->both = 1;
		rw = w * 3 / 5;
		hist_draw_recent(h, y, 1, rw, rows);
		hist_draw_most(h, y, rw + 4, w - rw - 3, rows);
	} else if (rows >= (mr = 1 + (int)(n > 0 ? n : 1)) + 1 + 6) {
		h->both = 1;
		hist_draw_recent(h, y, 1, w, rows - mr - 1);
		hist_draw_most(h, y + rows - mr, 1, w, mr);
	} else if (h->most)
		hist_draw_most(h, y, 1, w, rows);
	else
		hist_draw_recent(h, y, 1, w, rows);
}

/*
 * Every part at once from y to bottom: the streak, the calendar with the
 * totals and legend (or "This week") beside it, "This week", the lists.
 */
static void
hist_draw_full(struct ui_history *h, int y, int bottom)
{
	int	weeks = heat_weeks(COLS - 2), sx, sw, wide, want, rem, spare;
	int	gap1, gap2, wk;

	sx = 1 + 3 + 2 * weeks + 2;
	sw = COLS - 1 - sx;
	wide = sw >= HIST_WIDE_MIN && week_rows(h, sw) <= HEAT_CAL_ROWS;
	hist_draw_streak(h, y++, wide || sw < HIST_SIDE_MIN);
	heat_calendar(h, y, 1, weeks, 1);
	if (wide)
		week_draw(h, y, sx, sw, HEAT_CAL_ROWS);
	else if (sw >= HIST_SIDE_MIN)
		heat_side(h, y + 1, sx, sw);
	y += HEAT_CAL_ROWS;
	rem = bottom - y + 1;
	want = wide ? 1 : week_rows(h, COLS - 2);
	if ((wide || sw < HIST_SIDE_MIN) && rem - want >= HIST_LIST_MIN + 2)
		heat_legend(h, y++, 4, COLS - 5);
	rem = bottom - y + 1;
	spare = rem - want - HIST_LIST_MIN;
	gap1 = spare >= 2;
	gap2 = spare >= 1 && !wide;
	wk = 0;
	if (!wide) {
		wk = rem - HIST_LIST_MIN - gap1 - gap2;
		if (wk > want)
			wk = want;
		wk = week_draw(h, y + gap1, 1, COLS - 2, wk);
	}
	y += gap1 + wk + gap2;
	hist_draw_lists(h, y, bottom - y + 1);
}

/* The calendar as a pane, with the legend and recent holds if they fit. */
static void
hist_pane_calendar(struct ui_history *h, int y, int x, int w, int rows)
{
	int	used, gap;

	used = heat_calendar(h, y, x, heat_weeks(w), rows > 7);
	if (rows > used)
		heat_legend(h, y + used++, x + 3, w - 3);
	gap = rows - used > HIST_LIST_MIN;
	if (rows - used >= HIST_LIST_MIN - 1)
		hist_draw_recent(h, y + used + gap, x, w, rows - used - gap);
}

/* "This week" as a pane of its own. */
static void
hist_pane_week(struct ui_history *h, int y, int x, int w, int rows)
{
	week_draw(h, y, x, w, rows);
}

/* The panes of a short terminal, in the order t shows them. */
static void (*const hist_panes[HIST_PANES])(struct ui_history *, int, int,
    int, int) = {
	hist_pane_calendar,
	hist_pane_week,
	hist_draw_recent,
	hist_draw_most,
};

/* A short terminal: the streak, then one pane (t for the next). */
static void
hist_draw_short(struct ui_history *h, int y, int bottom)
{
	hist_draw_streak(h, y++, 0);
	h->both = 0;
	h->rows = 0;
	hist_panes[h->pane](h, y, 1, COLS - 2, bottom - y + 1);
}

/* Why there is nothing to show: no log folder, or the log unreadable. */
static void
hist_draw_missing(const struct ui_history *h, int y)
{
	char	line[256];

	if (h->st == NULL) {
		ui_wrap(y, 1, "There is no folder for the log: set HOME or "
		    "XDG_DATA_HOME.", COLS - 2, 3);
		return;
	}
	snprintf(line, sizeof line, "Cannot read the log: %s",
	    holdlog_strerror(h->error));
	ui_attr(UI_PAIR_WARN, 1, 1);
	ui_put(y, 1, line, COLS - 2);
	ui_attr(UI_PAIR_WARN, 1, 0);
	if (h->ui->log_path != NULL)
		ui_put_clean(y + 1, 1, h->ui->log_path, COLS - 2);
}

/* Draw the History tab from below the tabs to the footer. */
static void
hist_draw(struct ui *ui, struct ui_screen *s)
{
	struct start		*st = s->data;
	struct ui_history	*h = &st->hist;
	int			 y = LINES >= 20 ? HIST_TOP : HIST_TOP - 1;
	int			 bottom = LINES - 2;

	start_tabs(ui, st);
	h->ui = ui;
	if (!hist_ok(h)) {
		hist_draw_missing(h, y);
		return;
	}
	h->compact = bottom - y + 1 < HIST_FULL_ROWS;
	if (h->compact)
		hist_draw_short(h, y, bottom);
	else
		hist_draw_full(h, y, bottom);
}

/* The tab's place, when there are figures to move through. */
static struct ui_history *
hist_of(struct ui_screen *s)
{
	struct start	*st = s->data;

	return hist_ok(&st->hist) ? &st->hist : NULL;
}

/* Arrows, j, k: scroll the recent holds a row; pages and ends too. */
static void
hist_scroll_key(struct ui *ui, struct ui_screen *s, int key, int arg)
{
	struct ui_history	*h = hist_of(s);
	int			 page = h != NULL && h->rows > 1 ? h->rows : 1;

	(void)ui;
	(void)arg;
	if (h == NULL)
		return;
	if (key == KEY_UP || key == 'k')
		h->top--;
	else if (key == KEY_DOWN || key == 'j')
		h->top++;
	else if (key == KEY_PPAGE || key == KEY_NPAGE)
		h->top += key == KEY_PPAGE ? -page : page;
	else
		h->top = key == KEY_HOME ? -HIST_FAR : HIST_FAR;
	hist_clamp(h, h->rows);
}

/* f, F: filter by the next (or previous) area with recent holds. */
static void
hist_filter_key(struct ui *ui, struct ui_screen *s, int key, int arg)
{
	struct ui_history	*h = hist_of(s);
	int			 a, n = (int)area_count, dir = key == 'F' ? -1 : 1;
	size_t			 k = 0;

	(void)ui;
	(void)arg;
	if (h == NULL)
		return;
	a = h->area;
	do {
		a += dir;
		if (a >= n)
			a = -1;
		else if (a < -1)
			a = n - 1;
		if (a >= 0)
			stats_recent(h->st, a, &k);
	} while (a >= 0 && k == 0);
	h->area = a;
	h->top = 0;
}

/* t, T: Recent or Most done, or the next (or previous) pane when short. */
static void
hist_toggle_key(struct ui *ui, struct ui_screen *s, int key, int arg)
{
	struct ui_history	*h = hist_of(s);
	int			 dir = key == 'T' ? -1 : 1;

	(void)ui;
	(void)arg;
	if (h == NULL)
		return;
	if (h->compact)
		h->pane = (h->pane + dir + HIST_PANES) % HIST_PANES;
	else
		h->most = !h->most;
}

/* The lines of hist_keys that only work with figures. */
#define HIST_KEY_SCROLL	0
#define HIST_KEY_FILTER	3
#define HIST_KEY_TOGGLE	4
#define HIST_NKEYS	8

static const struct ui_key hist_keys[HIST_NKEYS] = {
	{ { KEY_UP, KEY_DOWN, 'k', 'j' }, "\xe2\x86\x91\xe2\x86\x93", "Up/Down",
	    "scroll", "scroll the recent holds", UI_BOTH, hist_scroll_key, 0 },
	{ { KEY_PPAGE, KEY_NPAGE }, "PgUp", NULL, "page",
	    "a page of recent holds", UI_HELP, hist_scroll_key, 0 },
	{ { KEY_HOME, KEY_END }, "Home", NULL, "ends",
	    "the newest / the oldest", UI_HELP, hist_scroll_key, 0 },
	{ { 'f', 'F' }, "f", NULL, "filter",
	    "filter recent holds by area (F: back)", UI_BOTH,
	    hist_filter_key, 0 },
	{ { 't', 'T' }, "t", NULL, "most done",
	    "recent or most done; next view (T: back)", UI_BOTH,
	    hist_toggle_key, 0 },
	START_KEYS_TABS,
};

/*
 * The tab's keys as the layout has them: t names what it shows next, or
 * leaves the footer when both lists are shown; without figures only the
 * tabs, q and ? are left.
 */
static struct ui_keys
hist_keys_of(struct ui *ui, struct ui_screen *s)
{
	static struct ui_key	 shown[HIST_NKEYS];
	struct start		*st = s->data;
	const struct ui_history	*h = &st->hist;
	struct ui_keys		 k = { shown, HIST_NKEYS };
	size_t			 i;

	(void)ui;
	memcpy(shown, hist_keys, sizeof shown);
	shown[HIST_KEY_TOGGLE].what = h->compact ? "view" : h->most ?
	    "recent" : "most done";
	if (h->both && !h->compact)
		shown[HIST_KEY_TOGGLE].where = UI_HELP;
	for (i = 0; !hist_ok(h) && i <= HIST_KEY_TOGGLE; i++) {
		shown[i].where = 0;
		shown[i].fn = NULL;
	}
	return k;
}

const struct ui_screen_ops start_history_ops = {
	.name = "History keys",
	.draw = hist_draw,
	.keys = hist_keys_of,
	.show = start_show,
};
