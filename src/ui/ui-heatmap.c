/* The History tab's calendar: minutes held a day over 26 weeks, a legend. */
#include "ui/ui-history.h"

#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "limber/day.h"
#include "limber/duration.h"

/* Shades of the calendar: glyphs, and the seconds each starts below. */
static const char *const heat_utf8[] = {
	"\xc2\xb7", "\xe2\x96\x91", "\xe2\x96\x92", "\xe2\x96\x93", "\xe2\x96\x88"
};
static const char *const heat_ascii[] = { ".", "-", "+", "*", "#" };
static const long long heat_band[] = { 5 * 60, 10 * 60, 20 * 60 };
#define HEAT_SHADES	5
#define HEAT_BANDS	"0 <5 <10 <20 20+ min"

static const char *const heat_days[] = {
	"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"
};
static const char *const heat_months_names[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
};

/* The shade of a day's seconds: 0 for none up to 4. */
static int
heat_shade(long long secs)
{
	int	i;

	if (secs <= 0)
		return 0;
	for (i = 0; i < 3 && secs >= heat_band[i]; i++)
		;
	return i + 1;
}

/* Turn a shade's colour (when colour is on) and bold on or off. */
static void
heat_shade_attr(const struct ui_history *h, int shade, int bold, int on)
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
heat_glyph(const struct ui_history *h, int y, int x, int shade, int bold)
{
	heat_shade_attr(h, shade, bold, 1);
	ui_put(y, x, h->ui->utf8 ? heat_utf8[shade] : heat_ascii[shade], 1);
	heat_shade_attr(h, shade, bold, 0);
}

/* Days with time held and the seconds held in the calendar's weeks. */
static long long
heat_totals(const struct stats *st, long *days)
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
void
heat_totals_text(const struct ui_history *h, char *buf, size_t size)
{
	char		held[32];
	long		days;
	long long	secs = heat_totals(h->st, &days);

	snprintf(buf, size, "%d weeks: %ld day%s, %s held", STATS_WEEKS, days,
	    hist_s(days), duration_format(secs, held, sizeof held));
}

/* How many weeks fit in w columns (a label, then two columns a week). */
int
heat_weeks(int w)
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
heat_months(const struct ui_history *h, int y, int x, int first,
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
			ui_put(y, cx, heat_months_names[month - 1], 3);
			end = cx + 4;
		}
	}
}

/* One day of the calendar; blank after today. */
static void
heat_cell(const struct ui_history *h, int y, int x, int i)
{
	long	date = h->st->heat_first + i;

	if (date > h->st->today)
		return;
	heat_glyph(h, y, x, heat_shade(h->st->heat[i]), date == h->st->today);
}

/*
 * The calendar at y,x: weeks as columns, the last one this week, days
 * Monday to Sunday down, month names above when months is set. Returns the
 * rows used.
 */
int
heat_calendar(const struct ui_history *h, int y, int x, int weeks,
    int months)
{
	int	first = STATS_WEEKS - weeks, d, w;

	if (months) {
		ui_attr(UI_PAIR_DIM, 0, 1);
		heat_months(h, y++, x + 3, first, weeks);
		ui_attr(UI_PAIR_DIM, 0, 0);
	}
	for (d = 0; d < 7; d++) {
		ui_put(y + d, x, heat_days[d], 2);
		for (w = 0; w < weeks; w++)
			heat_cell(h, y + d, x + 3 + 2 * w, (first + w) * 7 + d);
	}
	return months + 7;
}

/* "less · ░ ▒ ▓ █ more", and the minutes of each shade when they fit. */
void
heat_legend(const struct ui_history *h, int y, int x, int w)
{
	int	i;

	if (w < 19)
		return;
	ui_put(y, x, "less", 4);
	for (i = 0; i < HEAT_SHADES; i++)
		heat_glyph(h, y, x + 5 + 2 * i, i, 0);
	ui_put(y, x + 15, "more", 4);
	if (w >= 19 + 4 + (int)strlen(HEAT_BANDS)) {
		ui_attr(UI_PAIR_DIM, 0, 1);
		ui_put(y, x + 21, "(" HEAT_BANDS ")", (int)strlen(HEAT_BANDS) + 2);
		ui_attr(UI_PAIR_DIM, 0, 0);
	}
}

/* Totals and the legend in a column beside the calendar. */
void
heat_side(const struct ui_history *h, int y, int x, int w)
{
	char		line[64], held[32];
	long		days;
	long long	secs = heat_totals(h->st, &days);

	snprintf(line, sizeof line, "Last %d weeks", STATS_WEEKS);
	attron(A_BOLD);
	ui_put(y, x, line, w);
	attroff(A_BOLD);
	snprintf(line, sizeof line, "%ld day%s stretched", days, hist_s(days));
	ui_put(y + 1, x, line, w);
	snprintf(line, sizeof line, "%s held", duration_format(secs, held,
	    sizeof held));
	ui_put(y + 2, x, line, w);
	heat_legend(h, y + 4, x, 19);
	ui_attr(UI_PAIR_DIM, 0, 1);
	ui_put(y + 5, x, HEAT_BANDS, w);
	ui_attr(UI_PAIR_DIM, 0, 0);
}
