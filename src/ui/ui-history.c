/*
 * The History tab: streaks, a calendar of the minutes held each day, this
 * week against the targets, the recent holds and the stretches done most.
 * The figures are the picker's (stats.h); this file only lays them out.
 */
#include "ui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "limber/area.h"
#include "limber/day.h"
#include "limber/duration.h"
#include "limber/paths.h"
#include "limber/stats.h"
#include "limber/text.h"

#define HIST_FULL_ROWS	16	/* rows for every part at once; else one pane */
#define HIST_CAL_ROWS	8	/* month names and seven days */
#define HIST_SIDE_MIN	20	/* columns for totals and legend by the calendar */
#define HIST_WIDE_MIN	50	/* columns for "This week" by the calendar */
#define HIST_BOTH_COLS	110	/* both lists side by side */
#define HIST_LIST_MIN	4	/* rows for a list and its heading */
#define HIST_BAR_MIN	6
#define HIST_BAR_MAX	30
#define HIST_AGO_MAX	30	/* "N days ago" up to this, then the date */
#define HIST_FAR	1000000	/* a scroll to either end */

/* The panes shown one at a time in a short terminal. */
enum hist_pane {
	HIST_CALENDAR,
	HIST_WEEK,
	HIST_RECENT,
	HIST_MOST,
	HIST_PANES
};

/* Shades of the calendar: glyphs, and the seconds each starts below. */
static const char *const hist_utf8[] = {
	"\xc2\xb7", "\xe2\x96\x91", "\xe2\x96\x92", "\xe2\x96\x93", "\xe2\x96\x88"
};
static const char *const hist_ascii[] = { ".", "-", "+", "*", "#" };
static const long long hist_band[] = { 5 * 60, 10 * 60, 20 * 60 };
#define HIST_SHADES	5
#define HIST_BANDS	"0 <5 <10 <20 20+ min"

static const char *const hist_days[] = {
	"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"
};
static const char *const hist_months[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
};
static const char *const hist_outcomes[] = { "done", "partial", "skipped" };
static const char *const hist_sides[] = { "", "left", "right" };

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

/* Column widths of "This week" rows. */
struct hist_weekfmt {
	int	name;
	int	bar;
	int	held;		/* "4m of 6m", or 0 */
	int	days;		/* 8 "2/3 days", 3 "2/3" */
	int	last;		/* or 0 */
	int	mark;		/* 7 "overdue", 1 "!" */
	int	gap;
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
static const char *
hist_s(long n)
{
	return n == 1 ? "" : "s";
}

/* "today", "yesterday", "3 days ago", the date for old ones, or "never". */
char *
ui_history_since(long day, long today, char *buf, size_t size)
{
	long	ago;

	if (day == STATS_NEVER) {
		snprintf(buf, size, "never");
		return buf;
	}
	ago = today - day;
	if (ago <= 0)
		snprintf(buf, size, "today");
	else if (ago == 1)
		snprintf(buf, size, "yesterday");
	else if (ago <= HIST_AGO_MAX)
		snprintf(buf, size, "%ld days ago", ago);
	else
		day_format(day, buf, size);
	return buf;
}

/* Start with nothing loaded. */
void
ui_history_init(struct ui_history *h, const struct ui *ui)
{
	memset(h, 0, sizeof *h);
	h->ui = ui;
	h->area = -1;
}

/* Show new figures (NULL when there is no log folder) or a read error. */
void
ui_history_set(struct ui_history *h, const struct stats *st, int error,
    long skipped)
{
	size_t	n = 0;

	h->st = st;
	h->error = error;
	h->skipped = skipped;
	if (hist_ok(h) && h->area >= 0)
		stats_recent(st, h->area, &n);
	if (n == 0)
		h->area = -1;
	h->top = 0;
}

/* The shade of a day's seconds: 0 for none up to 4. */
static int
hist_shade(long long secs)
{
	int	i;

	if (secs <= 0)
		return 0;
	for (i = 0; i < 3 && secs >= hist_band[i]; i++)
		;
	return i + 1;
}

/* Turn a shade's colour (when colour is on) and bold on or off. */
static void
hist_shade_attr(const struct ui_history *h, int shade, int bold, int on)
{
	if (!h->ui->colour) {
		if (bold && on)
			attron(A_BOLD);
		else if (bold)
			attroff(A_BOLD);
		return;
	}
	ui_attr(shade == 0 ? UI_PAIR_DIM : (enum ui_pair)(UI_PAIR_HEAT1 +
	    shade - 1), bold, on);
}

/* Put one shade's glyph at y,x. */
static void
hist_glyph(const struct ui_history *h, int y, int x, int shade, int bold)
{
	hist_shade_attr(h, shade, bold, 1);
	ui_put(y, x, h->ui->utf8 ? hist_utf8[shade] : hist_ascii[shade], 1);
	hist_shade_attr(h, shade, bold, 0);
}

/* Days with time held and the seconds held in the calendar's weeks. */
static long long
hist_totals(const struct stats *st, long *days)
{
	long long	secs = 0;
	int		i;

	*days = 0;
	for (i = 0; i < STATS_HEAT_DAYS; i++) {
		secs += st->heat[i];
		*days += st->heat[i] > 0;
	}
	return secs;
}

/* "26 weeks: 41 days, 5h12m held". */
static void
hist_totals_text(const struct ui_history *h, char *buf, size_t size)
{
	char		held[32];
	long		days;
	long long	secs = hist_totals(h->st, &days);

	snprintf(buf, size, "%d weeks: %ld day%s, %s held", STATS_WEEKS, days,
	    hist_s(days), duration_format(secs, held, sizeof held));
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
		hist_totals_text(h, more, sizeof more);
		if (used + 5 + (int)strlen(more) + nw <= room)
			ui_put(y, 1 + used + 5, more, (int)strlen(more));
	}
	if (nw > 0) {
		ui_attr(UI_PAIR_WARN, 1, 1);
		ui_put(y, COLS - nw + 1, note, nw - 2);
		ui_attr(UI_PAIR_WARN, 1, 0);
	}
}

/* How many weeks fit in w columns (a label, then two columns a week). */
static int
hist_weeks(int w)
{
	int	n = (w - 3) / 2;

	if (n > STATS_WEEKS)
		n = STATS_WEEKS;
	return n < 1 ? 1 : n;
}

/*
 * Month names over the weeks whose columns hold a first of the month, and
 * over the first column when the next does not.
 */
static void
hist_draw_months(const struct ui_history *h, int y, int x, int first,
    int weeks)
{
	int	w, year, month, mday, next, cx, end = 0;

	for (w = 0; w < weeks; w++) {
		day_to_civil(h->st->heat_first + (long)(first + w) * 7 + 13,
		    &year, &month, &next);
		day_to_civil(h->st->heat_first + (long)(first + w) * 7 + 6,
		    &year, &month, &mday);
		cx = x + 2 * w;
		if ((mday <= 7 || (w == 0 && next > 7)) && cx >= end &&
		    cx + 3 <= COLS - 1) {
			ui_put(y, cx, hist_months[month - 1], 3);
			end = cx + 4;
		}
	}
}

/* One day of the calendar; blank after today. */
static void
hist_cell(const struct ui_history *h, int y, int x, int i)
{
	long	date = h->st->heat_first + i;

	if (date > h->st->today)
		return;
	hist_glyph(h, y, x, hist_shade(h->st->heat[i]), date == h->st->today);
}

/*
 * The calendar at y,x: weeks as columns, the last one this week, days
 * Monday to Sunday down, month names above when months is set. Returns the
 * rows used.
 */
static int
hist_draw_calendar(const struct ui_history *h, int y, int x, int weeks,
    int months)
{
	int	first = STATS_WEEKS - weeks, d, w;

	if (months) {
		ui_attr(UI_PAIR_DIM, 0, 1);
		hist_draw_months(h, y++, x + 3, first, weeks);
		ui_attr(UI_PAIR_DIM, 0, 0);
	}
	for (d = 0; d < 7; d++) {
		ui_put(y + d, x, hist_days[d], 2);
		for (w = 0; w < weeks; w++)
			hist_cell(h, y + d, x + 3 + 2 * w, (first + w) * 7 + d);
	}
	return months + 7;
}

/* "less · ░ ▒ ▓ █ more", and the minutes of each shade when they fit. */
static void
hist_draw_legend(const struct ui_history *h, int y, int x, int w)
{
	int	i;

	if (w < 19)
		return;
	ui_put(y, x, "less", 4);
	for (i = 0; i < HIST_SHADES; i++)
		hist_glyph(h, y, x + 5 + 2 * i, i, 0);
	ui_put(y, x + 15, "more", 4);
	if (w >= 19 + 4 + (int)strlen(HIST_BANDS)) {
		ui_attr(UI_PAIR_DIM, 0, 1);
		ui_put(y, x + 21, "(" HIST_BANDS ")", (int)strlen(HIST_BANDS) + 2);
		ui_attr(UI_PAIR_DIM, 0, 0);
	}
}

/* Totals and the legend in a column beside the calendar. */
static void
hist_draw_side(const struct ui_history *h, int y, int x, int w)
{
	char		line[64], held[32];
	long		days;
	long long	secs = hist_totals(h->st, &days);

	snprintf(line, sizeof line, "Last %d weeks", STATS_WEEKS);
	attron(A_BOLD);
	ui_put(y, x, line, w);
	attroff(A_BOLD);
	snprintf(line, sizeof line, "%ld day%s stretched", days, hist_s(days));
	ui_put(y + 1, x, line, w);
	snprintf(line, sizeof line, "%s held", duration_format(secs, held,
	    sizeof held));
	ui_put(y + 2, x, line, w);
	hist_draw_legend(h, y + 4, x, 19);
	ui_attr(UI_PAIR_DIM, 0, 1);
	ui_put(y + 5, x, HIST_BANDS, w);
	ui_attr(UI_PAIR_DIM, 0, 0);
}

/* A list's heading, bold, with a dim note after it. */
static void
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

/* How many areas are tracked. */
static int
hist_tracked(const struct ui_history *h)
{
	size_t	a;
	int	n = 0;

	for (a = 0; a < area_count; a++)
		n += h->st->week[a].tracked != 0;
	return n;
}

/* "4m30s of 6m": the time held this week against the target. */
static void
hist_held_text(const struct stats_week *wk, char *buf, size_t size)
{
	char	a[32], b[32];

	snprintf(buf, size, "%s of %s", duration_format(wk->seconds, a,
	    sizeof a), duration_format(wk->target_total, b, sizeof b));
}

/* Columns the fixed parts of a "This week" row take. */
static int
hist_week_fixed(const struct hist_weekfmt *f)
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

/* Fit the columns of "This week" into w, leaving out what does not fit. */
static void
hist_week_fit(const struct ui_history *h, int w, struct hist_weekfmt *f)
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
		ui_history_since(wk->last, h->st->today, buf, sizeof buf);
		if ((n = (int)strlen(buf)) > f->last)
			f->last = n;
		hist_held_text(wk, buf, sizeof buf);
		if ((n = (int)strlen(buf)) > f->held)
			f->held = n;
	}
	f->days = 8;
	f->mark = 7;
	f->gap = w >= 70 ? 2 : 1;
	if (w - hist_week_fixed(f) < HIST_BAR_MIN + 4)
		f->held = 0;
	if (w - hist_week_fixed(f) < HIST_BAR_MIN) {
		f->days = 3;
		f->mark = 1;
	}
	if (w - hist_week_fixed(f) < HIST_BAR_MIN)
		f->last = 0;
	if (w - hist_week_fixed(f) < HIST_BAR_MIN && f->name > 8)
		f->name = 8;
	f->bar = w - hist_week_fixed(f);
	if (f->bar > HIST_BAR_MAX)
		f->bar = HIST_BAR_MAX;
	if (f->bar < 3)
		f->bar = 3;
}

/* One tracked area: name, bar, time, days dosed, last done, overdue. */
static void
hist_week_row(const struct ui_history *h, int a, int y, int x,
    const struct hist_weekfmt *f)
{
	const struct stats_week	*wk = &h->st->week[a];
	char			 buf[64];

	ui_put(y, x, area_name(a), f->name);
	x += f->name + f->gap;
	ui_bar(h->ui, y, x, f->bar, wk->seconds, wk->target_total);
	x += f->bar + f->gap;
	if (f->held > 0) {
		hist_held_text(wk, buf, sizeof buf);
		ui_put(y, x, buf, f->held);
		x += f->held + f->gap;
	}
	snprintf(buf, sizeof buf, f->days > 3 ? "%d/%d days" : "%d/%d",
	    wk->dosed, wk->target_days);
	ui_put(y, x, buf, f->days);
	x += f->days + f->gap;
	if (f->last > 0) {
		ui_put(y, x, ui_history_since(wk->last, h->st->today, buf,
		    sizeof buf), f->last);
		x += f->last + f->gap;
	}
	if (wk->due) {
		ui_attr(UI_PAIR_WARN, 1, 1);
		ui_put(y, x, f->mark > 1 ? "overdue" : "!", f->mark);
		ui_attr(UI_PAIR_WARN, 1, 0);
	}
}

/* "and 3 more, 2 overdue" for the areas there is no room for. */
static void
hist_week_more(const struct ui_history *h, int y, int x, int w, int shown,
    int from)
{
	char	line[64];
	size_t	a;
	int	n = 0, due = 0;

	for (a = (size_t)from; a < area_count; a++) {
		n += h->st->week[a].tracked != 0;
		due += h->st->week[a].due != 0;
	}
	snprintf(line, sizeof line, "%s%d %s, %d overdue", shown > 0 ? "and " :
	    "", n, shown > 0 ? "more" : "tracked", due);
	ui_put(y, x, line, w);
}

/* "This week" for each tracked area in rows rows at y,x; returns rows used. */
static int
hist_draw_week(const struct ui_history *h, int y, int x, int w, int rows)
{
	struct hist_weekfmt	f;
	size_t			a;
	int			n = hist_tracked(h), shown = 0, used = 1;

	if (n == 0) {
		hist_heading(y, x, w, "This week", "");
		return 1 + ui_wrap(y + 1, x, "Nothing tracked yet: finish a "
		    "routine, or set targets: in config.yaml", w, rows - 1);
	}
	hist_week_fit(h, w, &f);
	hist_heading(y, x, w, "This week", f.mark == 1 ? "(! overdue)" :
	    "(the 7 days to today)");
	for (a = 0; a < area_count && used < rows; a++) {
		if (!h->st->week[a].tracked)
			continue;
		if (used == rows - 1 && shown + 1 < n) {
			hist_week_more(h, y + used++, x, w, shown, (int)a);
			break;
		}
		hist_week_row(h, (int)a, y + used++, x, &f);
		shown++;
	}
	return used;
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

/* The columns for a recent list w wide. */
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
	hist_col(y, &x, c->date == 10 ? date : date + 5, c->date);
	hist_col(y, &x, strlen(r->stamp) >= 16 ? r->stamp + 11 : "", c->time);
	hist_col(y, &x, area_name(r->area), c->area);
	if (r->side >= 0 && r->side <= 2)
		hist_col(y, &x, hist_sides[r->side], c->side);
	snprintf(right, sizeof right, "%*s %-*.*s", c->held,
	    duration_format(r->held, held, sizeof held), c->outcome,
	    c->outcome, r->outcome >= 0 && r->outcome <= 2 ?
	    hist_outcomes[r->outcome] : "?");
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

/* Rows "This week" wants: a heading and the areas, or the hint. */
static int
hist_week_rows(const struct ui_history *h, int w)
{
	int	n = hist_tracked(h);

	if (n > 0)
		return 1 + n;
	return w >= 70 ? 2 : 3;
}

/*
 * Every part at once from y to bottom: the streak, the calendar with the
 * totals and legend (or "This week") beside it, "This week", the lists.
 */
static void
hist_draw_full(struct ui_history *h, int y, int bottom)
{
	int	weeks = hist_weeks(COLS - 2), sx, sw, wide, want, rem, spare;
	int	gap1, gap2, wk;

	sx = 1 + 3 + 2 * weeks + 2;
	sw = COLS - 1 - sx;
	wide = sw >= HIST_WIDE_MIN && hist_week_rows(h, sw) <= HIST_CAL_ROWS;
	hist_draw_streak(h, y++, wide || sw < HIST_SIDE_MIN);
	hist_draw_calendar(h, y, 1, weeks, 1);
	if (wide)
		hist_draw_week(h, y, sx, sw, HIST_CAL_ROWS);
	else if (sw >= HIST_SIDE_MIN)
		hist_draw_side(h, y + 1, sx, sw);
	y += HIST_CAL_ROWS;
	rem = bottom - y + 1;
	want = wide ? 1 : hist_week_rows(h, COLS - 2);
	if ((wide || sw < HIST_SIDE_MIN) && rem - want >= HIST_LIST_MIN + 2)
		hist_draw_legend(h, y++, 4, COLS - 5);
	rem = bottom - y + 1;
	spare = rem - want - HIST_LIST_MIN;
	gap1 = spare >= 2;
	gap2 = spare >= 1 && !wide;
	wk = 0;
	if (!wide) {
		wk = rem - HIST_LIST_MIN - gap1 - gap2;
		if (wk > want)
			wk = want;
		wk = hist_draw_week(h, y + gap1, 1, COLS - 2, wk);
	}
	y += gap1 + wk + gap2;
	hist_draw_lists(h, y, bottom - y + 1);
}

/* The calendar as a pane, with the legend and recent holds if they fit. */
static void
hist_pane_calendar(struct ui_history *h, int y, int x, int w, int rows)
{
	int	used, gap;

	used = hist_draw_calendar(h, y, x, hist_weeks(w), rows > 7);
	if (rows > used)
		hist_draw_legend(h, y + used++, x + 3, w - 3);
	gap = rows - used > HIST_LIST_MIN;
	if (rows - used >= HIST_LIST_MIN - 1)
		hist_draw_recent(h, y + used + gap, x, w, rows - used - gap);
}

/* "This week" as a pane of its own. */
static void
hist_pane_week(struct ui_history *h, int y, int x, int w, int rows)
{
	hist_draw_week(h, y, x, w, rows);
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
	    paths_strerror(h->error));
	ui_attr(UI_PAIR_WARN, 1, 1);
	ui_put(y, 1, line, COLS - 2);
	ui_attr(UI_PAIR_WARN, 1, 0);
	if (h->ui->log_path != NULL)
		ui_put_clean(y + 1, 1, h->ui->log_path, COLS - 2);
}

/* The key line for the History tab. */
static void
hist_draw_keys(const struct ui_history *h)
{
	const char	*arrows = h->ui->utf8 ? "\xe2\x86\x91\xe2\x86\x93" :
			    "Up/Down";
	const char	*t = h->compact ? "t view  " : h->both ? "" : h->most ?
			    "t recent  " : "t most done  ";
	char		 line[160];

	snprintf(line, sizeof line, "%s%s scroll  f filter  Tab switch  q quit"
	    "  ? help", t, arrows);
	if ((int)text_width(line) > COLS - 2)
		snprintf(line, sizeof line, "%sf filter  q quit  ? help", t);
	ui_keys(LINES - 1, line);
}

/* Draw the History tab from row y to the key line. */
void
ui_history_draw(struct ui_history *h, int y)
{
	int	bottom = LINES - 2;

	if (!hist_ok(h)) {
		hist_draw_missing(h, y);
		ui_keys(LINES - 1, "Tab switch  q quit  ? help");
		return;
	}
	h->compact = bottom - y + 1 < HIST_FULL_ROWS;
	if (h->compact)
		hist_draw_short(h, y, bottom);
	else
		hist_draw_full(h, y, bottom);
	hist_draw_keys(h);
}

/* Scroll the recent holds by d rows. */
static void
hist_scroll(struct ui_history *h, int d)
{
	h->top += d;
	hist_clamp(h, h->rows);
}

/* Scroll the recent holds a page up (-1) or down (1). */
static void
hist_page(struct ui_history *h, int dir)
{
	hist_scroll(h, dir * (h->rows > 1 ? h->rows : 1));
}

/* Filter by the next (dir 1) or previous (-1) area with recent holds. */
static void
hist_filter(struct ui_history *h, int dir)
{
	int	a = h->area, n = (int)area_count;
	size_t	k = 0;

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

/* Switch the list between Recent and Most done, or the pane when short. */
static void
hist_toggle(struct ui_history *h, int dir)
{
	if (h->compact)
		h->pane = (h->pane + dir + HIST_PANES) % HIST_PANES;
	else
		h->most = !h->most;
}

/* The History tab's keys. */
static const struct hist_key {
	int	  key;
	void	(*fn)(struct ui_history *, int);
	int	  arg;
} hist_keys[] = {
	{ KEY_UP, hist_scroll, -1 },
	{ 'k', hist_scroll, -1 },
	{ KEY_DOWN, hist_scroll, 1 },
	{ 'j', hist_scroll, 1 },
	{ KEY_PPAGE, hist_page, -1 },
	{ KEY_NPAGE, hist_page, 1 },
	{ KEY_HOME, hist_scroll, -HIST_FAR },
	{ KEY_END, hist_scroll, HIST_FAR },
	{ 'f', hist_filter, 1 },
	{ 'F', hist_filter, -1 },
	{ 't', hist_toggle, 1 },
	{ 'T', hist_toggle, -1 },
};

/* Handle a key on the History tab; 1 if it was one of its keys. */
int
ui_history_key(struct ui_history *h, int ch)
{
	size_t	i;

	if (!hist_ok(h))
		return 0;
	for (i = 0; i < sizeof hist_keys / sizeof hist_keys[0]; i++) {
		if (hist_keys[i].key == ch) {
			hist_keys[i].fn(h, hist_keys[i].arg);
			return 1;
		}
	}
	return 0;
}

/* The keys of the History tab, over it. */
void
ui_history_help(const struct ui_history *h)
{
	static const char *const full[] = {
		"Up, Down, j, k   scroll the recent holds",
		"PgUp, PgDn       a page",
		"Home, End        newest / oldest",
		"f, F             filter by area (next / back)",
		"t                recent holds / most done",
		"Tab, 1, 2, 3     switch tabs",
		"q, Esc           quit",
		"?                close this help",
	};
	static const char *const compact[] = {
		"t, T          next / last view",
		"Up, Down      scroll recent",
		"j, k          scroll recent",
		"f, F          filter by area",
		"Tab, 1, 2, 3  switch tabs",
		"q, Esc        quit",
		"?             close this help",
	};

	if (h->compact)
		ui_box_message("Keys", compact, sizeof compact /
		    sizeof compact[0]);
	else
		ui_box_message("Keys", full, sizeof full / sizeof full[0]);
}
