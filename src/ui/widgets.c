/* Drawing pieces: clipped text, wrapped text, bars, big type, titles. */
#include "ui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "limber/day.h"
#include "limber/stats.h"
#include "limber/text.h"

#define UI_AGO_MAX	30	/* "N days ago" up to this, then the date */

/* Print trusted text at y,x in at most width columns; returns columns used. */
int
ui_put(int y, int x, const char *text, int width)
{
	size_t		len = strlen(text), i = 0, n;
	uint32_t	cp;
	int		used = 0, w;

	if (width > COLS - x)
		width = COLS - x;
	if (width <= 0 || move(y, x) == ERR)
		return 0;
	while (i < len) {
		n = utf8_decode(text + i, len - i, &cp);
		w = text_cp_width(cp);
		if (used + w > width)
			break;
		addnstr(text + i, (int)n);
		used += w;
		i += n;
	}
	return used;
}

/* Print text from a file, made inert first. */
int
ui_put_clean(int y, int x, const char *untrusted, int width)
{
	char	*clean = text_sanitize(untrusted, 0);
	int	 used = ui_put(y, x, clean, width);

	free(clean);
	return used;
}

/* Wrap untrusted text into at most maxlines lines; returns lines used. */
int
ui_wrap(int y, int x, const char *untrusted, int width, int maxlines)
{
	char	 *clean, **lines;
	size_t	  n, i;

	if (width <= 0 || maxlines <= 0)
		return 0;
	clean = text_sanitize(untrusted, 1);
	lines = text_wrap(clean, (size_t)width, &n);
	for (i = 0; i < n && (int)i < maxlines; i++)
		ui_put(y + (int)i, x, lines[i], width);
	text_lines_free(lines);
	free(clean);
	return (int)i;
}

/* Set or clear a colour pair (when colour is on) and bold. */
void
ui_attr(enum ui_pair pair, int bold, int on)
{
	attr_t	a = (bold ? A_BOLD : A_NORMAL);

	if (has_colors() && COLOR_PAIRS > UI_PAIR_LAST)
		a |= COLOR_PAIR(pair);
	if (on)
		attron(a);
	else
		attroff(a);
}

/* A progress bar of part out of whole. */
void
ui_bar(const struct ui *ui, int y, int x, int width, int64_t part,
    int64_t whole)
{
	int	filled, i;

	if (width <= 0)
		return;
	if (whole <= 0)
		whole = 1;
	if (part < 0)
		part = 0;
	if (part > whole)
		part = whole;
	filled = (int)(part * width / whole);
	move(y, x);
	ui_attr(UI_PAIR_BAR, 0, 1);
	for (i = 0; i < filled; i++)
		addstr(ui->utf8 ? "\xe2\x96\x88" : "#");
	ui_attr(UI_PAIR_BAR, 0, 0);
	ui_attr(UI_PAIR_DIM, 0, 1);
	for (; i < width; i++)
		addstr(ui->utf8 ? "\xe2\x96\x91" : "-");
	ui_attr(UI_PAIR_DIM, 0, 0);
}

/* A five-row font: each glyph is rows of '#' and ' ', four wide. */
static const struct {
	char		 c;
	const char	*rows[5];
} ui_font[] = {
	{ '0', { "####", "#  #", "#  #", "#  #", "####" } },
	{ '1', { "  # ", " ## ", "  # ", "  # ", " ###" } },
	{ '2', { "####", "   #", "####", "#   ", "####" } },
	{ '3', { "####", "   #", " ###", "   #", "####" } },
	{ '4', { "#  #", "#  #", "####", "   #", "   #" } },
	{ '5', { "####", "#   ", "####", "   #", "####" } },
	{ '6', { "####", "#   ", "####", "#  #", "####" } },
	{ '7', { "####", "   #", "  # ", " #  ", " #  " } },
	{ '8', { "####", "#  #", "####", "#  #", "####" } },
	{ '9', { "####", "#  #", "####", "   #", "####" } },
	{ ':', { "    ", " ## ", "    ", " ## ", "    " } },
	{ 'E', { "####", "#   ", "### ", "#   ", "####" } },
	{ 'F', { "####", "#   ", "### ", "#   ", "#   " } },
	{ 'G', { "####", "#   ", "# ##", "#  #", "####" } },
	{ 'H', { "#  #", "#  #", "####", "#  #", "#  #" } },
	{ 'I', { "### ", " #  ", " #  ", " #  ", "### " } },
	{ 'L', { "#   ", "#   ", "#   ", "#   ", "####" } },
	{ 'R', { "### ", "#  #", "### ", "# # ", "#  #" } },
	{ 'T', { "####", " #  ", " #  ", " #  ", " #  " } },
	{ ' ', { "    ", "    ", "    ", "    ", "    " } },
};

/* The glyph for c, or the space. */
static size_t
ui_glyph(char c)
{
	size_t	i;

	for (i = 0; i < sizeof ui_font / sizeof ui_font[0]; i++) {
		if (ui_font[i].c == c)
			return i;
	}
	return sizeof ui_font / sizeof ui_font[0] - 1;
}

/* Columns big text takes: four per glyph and one between, times scale. */
int
ui_big_width(const char *text, int scale)
{
	size_t	n = strlen(text);

	return n == 0 ? 0 : (int)(n * 5 - 1) * scale;
}

/* Rows big text takes. */
int
ui_big_rows(int scale)
{
	return 5 * scale;
}

/* One row of the font for a glyph, each dot scale columns wide. */
static void
ui_big_row(const struct ui *ui, int g, int row, int scale)
{
	int	col, k;

	for (col = 0; col < 4; col++) {
		for (k = 0; k < scale; k++) {
			if (ui_font[g].rows[row][col] == '#')
				addstr(ui->utf8 ? "\xe2\x96\x88" : "#");
			else
				addch(' ');
		}
	}
}

/* Draw text five rows high at y,x, each dot scale by scale cells. */
void
ui_big(const struct ui *ui, int y, int x, const char *text, int scale)
{
	size_t	i;
	int	row, k;

	for (row = 0; row < 5 * scale; row++) {
		move(y + row, x);
		for (i = 0; text[i] != '\0'; i++) {
			ui_big_row(ui, (int)ui_glyph(text[i]), row / scale, scale);
			for (k = 0; text[i + 1] != '\0' && k < scale; k++)
				addch(' ');
		}
	}
}

/* The title bar: trusted text at the left, and at the right if it fits. */
void
ui_title(const char *left, const char *right)
{
	int	rw = right != NULL ? (int)text_width(right) : 0;

	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	ui_put_clean(0, 1, left, rw > 0 ? COLS - rw - 4 : COLS - 2);
	if (rw > 0 && rw < COLS - 2)
		ui_put(0, COLS - rw - 1, right, rw);
	attroff(A_REVERSE);
}

/* The sides a step is held on, short. */
const char *
ui_sides(const struct step *st)
{
	if (st->both_sides)
		return "L+R";
	if (st->one_side == SIDES_LEFT)
		return "L";
	if (st->one_side == SIDES_RIGHT)
		return "R";
	return "";
}

/* "today", "yesterday", "3 days ago", the date for old ones, or "never". */
char *
ui_since(long day, long today, char *buf, size_t size)
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
	else if (ago <= UI_AGO_MAX)
		snprintf(buf, size, "%ld days ago", ago);
	else
		day_format(day, buf, size);
	return buf;
}

/* A centred box with a title and lines of trusted text. */
void
ui_box_message(const char *title, const char *const *lines, size_t n)
{
	int	w = (int)strlen(title) + 4, h = (int)n + 4, y, x, i;
	size_t	k;

	for (k = 0; k < n; k++) {
		if ((int)text_width(lines[k]) + 4 > w)
			w = (int)text_width(lines[k]) + 4;
	}
	if (w > COLS)
		w = COLS;
	if (h > LINES)
		h = LINES;
	y = (LINES - h) / 2;
	x = (COLS - w) / 2;
	for (i = 0; i < h; i++)
		mvhline(y + i, x, ' ', w);
	attron(A_REVERSE);
	mvhline(y, x, ' ', w);
	ui_put(y, x + 2, title, w - 4);
	attroff(A_REVERSE);
	for (k = 0; k < n && (int)k + 2 < h; k++)
		ui_put(y + 2 + (int)k, x + 2, lines[k], w - 4);
}
