/* The start screen: its tabs, the log's figures, and "What's sore?". */
#include "ui/ui-start.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "limber/area.h"
#include "limber/day.h"
#include "limber/holdlog.h"
#include "limber/text.h"

#define START_TAB_GAP	3	/* columns between tabs, or 1 when narrow */
#define SORE_TOP	4	/* the first area's row */
#define SORE_WIDE	60	/* columns for the long form of a row */

/* The tabs, in the order Tab goes through them. */
static const char *const start_labels[START_TABS] = {
	"1 What's sore?",
	"2 All routines",
	"3 History",
};

static const struct ui_screen_ops start_sore_ops;

/* Each tab's screen. */
static const struct ui_screen_ops *const start_tab_ops[START_TABS] = {
	&start_sore_ops,
	&start_all_ops,
	&start_history_ops,
};

/* Read the log's figures for "last stretched" and the History tab. */
static void
start_load(struct ui *ui, struct start *st)
{
	struct holdlog_reader	lr;

	if (st->loaded)
		stats_done(&st->st);
	stats_init(&st->st, day_today(), ui->cfg, STATS_WANT_RECENT |
	    STATS_WANT_TOP);
	st->loaded = 1;
	st->error = 0;
	memset(&lr, 0, sizeof lr);
	if (ui->log_path == NULL)
		stats_finish(&st->st);
	else if (stats_read(&st->st, &lr, ui->log_path) != 0)
		st->error = errno != 0 ? errno : EIO;
	st->skipped = lr.bad;
	st->seen = ui->sessions;
	history_reset(ui, st);
}

/* Whether the log's figures can be shown. */
int
start_has_figures(const struct ui *ui, const struct start *st)
{
	return ui->log_path != NULL && st->loaded && st->error == 0;
}

/* A tab on top again: read the log again after a session or past midnight. */
void
start_show(struct ui *ui, struct ui_screen *s)
{
	struct start	*st = s->data;

	if (!st->loaded || st->seen != ui->sessions ||
	    st->st.today != day_today())
		start_load(ui, st);
}

/* Put a tab in place of the one shown. */
void
start_switch(struct ui *ui, struct start *st, enum start_tab tab)
{
	st->tab = tab;
	if (tab == START_ALL)
		st->typing = 1;
	ui_replace(ui, start_tab_ops[tab], st);
}

/* 1, 2, 3, Tab and Shift-Tab: another tab. */
void
start_tab_key(struct ui *ui, struct ui_screen *s, int key, int arg)
{
	struct start	*st = s->data;
	int		 tab = key - '1';

	(void)arg;
	if (key == '\t')
		tab = ((int)st->tab + 1) % START_TABS;
	else if (key == KEY_BTAB)
		tab = ((int)st->tab + START_TABS - 1) % START_TABS;
	if (tab >= 0 && tab < START_TABS)
		start_switch(ui, st, (enum start_tab)tab);
}

/* q on a tab: leave limber. */
void
start_quit_key(struct ui *ui, struct ui_screen *s, int key, int arg)
{
	(void)s;
	(void)key;
	(void)arg;
	ui_exit(ui, 0);
}

/* "2 routine files skipped: see limber check", right of the tabs. */
static void
start_bad_count(const struct ui *ui, int x)
{
	char	note[80];
	size_t	bad = ui->lib->bad;

	snprintf(note, sizeof note, "%zu routine file%s skipped: see limber "
	    "check", bad, bad == 1 ? "" : "s");
	if (COLS - (int)strlen(note) - 1 < x)
		snprintf(note, sizeof note, "%zu bad routine file%s", bad,
		    bad == 1 ? "" : "s");
	if (COLS - (int)strlen(note) - 1 < x)
		return;
	ui_attr(UI_PAIR_WARN, 1, 1);
	ui_put(1, COLS - (int)strlen(note) - 1, note, (int)strlen(note));
	ui_attr(UI_PAIR_WARN, 1, 0);
}

/* The title bar and the tabs, the one shown underlined. */
void
start_tabs(struct ui *ui, const struct start *st)
{
	int	i, x = 1, gap = COLS >= 50 ? START_TAB_GAP : 1;

	ui_title("limber", NULL);
	for (i = 0; i < START_TABS; i++) {
		if (st->tab == (enum start_tab)i)
			attron(A_BOLD | A_UNDERLINE);
		x += ui_put(1, x, start_labels[i], COLS - x) + gap;
		attroff(A_BOLD | A_UNDERLINE);
	}
	if (ui->lib->bad > 0)
		start_bad_count(ui, x);
}

/* Whether the log could not be read, so "last stretched" is not known. */
static int
start_log_failed(const struct ui *ui, const struct start *st)
{
	return ui->log_path != NULL && st->loaded && st->error != 0;
}

/*
 * Whether there is a problem to show above the footer: the log that could
 * not be read, or the first routine file that was refused.
 */
static int
start_has_problem(const struct ui *ui, const struct start *st)
{
	return start_log_failed(ui, st) ||
	    (ui->lib->bad > 0 && ui->lib->first_error != NULL);
}

/* The problem, in the two rows above the footer. */
static void
start_problem(const struct ui *ui, const struct start *st)
{
	char	line[512];

	if (!start_has_problem(ui, st))
		return;
	if (start_log_failed(ui, st))
		snprintf(line, sizeof line, "Cannot read the log: %s",
		    holdlog_strerror(st->error));
	else
		snprintf(line, sizeof line, "%s", ui->lib->first_error);
	ui_attr(UI_PAIR_WARN, 0, 1);
	ui_wrap(LINES - 3, 1, line, COLS - 2, 2);
	ui_attr(UI_PAIR_WARN, 0, 0);
}

/* "today", "3 days ago" or "never" for an area. */
static void
sore_since(const struct ui *ui, const struct start *st, int area, char *buf,
    size_t size)
{
	long	last = STATS_NEVER;

	if (start_log_failed(ui, st)) {
		snprintf(buf, size, "?");
		return;
	}
	if (start_has_figures(ui, st))
		last = st->st.week[area].last;
	ui_since(last, st->st.today, buf, size);
}

/* Rows the area list has, above the problem if there is one. */
static int
sore_rows(const struct ui *ui, const struct start *st)
{
	return LINES - SORE_TOP - 2 - 2 * start_has_problem(ui, st);
}

/* One area's row: its name, how many routines work it, when last done. */
static void
sore_row(struct ui *ui, const struct start *st, int area, int y)
{
	char	line[128], since[32];
	size_t	n = 0, k;

	for (k = 0; k < ui->lib->n; k++)
		n += (size_t)routine_has_area(ui->lib->v[k], area);
	sore_since(ui, st, area, since, sizeof since);
	if (COLS >= SORE_WIDE)
		snprintf(line, sizeof line, "  %-16s %2zu routine%s  last "
		    "stretched: %s", area_name(area), n, n == 1 ? " " : "s",
		    since);
	else
		snprintf(line, sizeof line, "  %-14s %2zu  %s", area_name(area),
		    n, since);
	if (area == st->sore)
		attron(A_REVERSE);
	mvhline(y, 0, ' ', COLS >= SORE_WIDE ? SORE_WIDE : COLS);
	ui_put(y, 0, line, COLS);
	attroff(A_REVERSE);
}

/* Draw "What's sore?": the areas with how long since each was stretched. */
static void
sore_draw(struct ui *ui, struct ui_screen *s)
{
	struct start	*st = s->data;
	size_t		 i;
	int		 y = SORE_TOP, top = 0, rows = sore_rows(ui, st);

	start_tabs(ui, st);
	ui_put(3, 1, COLS >= SORE_WIDE ? "What's sore? Pick an area (or type "
	    "its first letter)." : "What's sore? Pick an area:", COLS - 2);
	if (st->sore >= rows)
		top = st->sore - rows + 1;
	for (i = (size_t)top; i < area_count && y < SORE_TOP + rows; i++)
		sore_row(ui, st, (int)i, y++);
	start_problem(ui, st);
}

/* Arrows, j, k, pages: move through the areas. */
static void
sore_move(struct ui *ui, struct ui_screen *s, int key, int arg)
{
	struct start	*st = s->data;

	(void)arg;
	st->sore += ui_list_delta(key, sore_rows(ui, st));
	if (st->sore >= (int)area_count)
		st->sore = (int)area_count - 1;
	if (st->sore < 0)
		st->sore = 0;
}

/* Enter: the routines for the area. */
static void
sore_open(struct ui *ui, struct ui_screen *s, int key, int arg)
{
	struct start	*st = s->data;

	(void)key;
	(void)arg;
	ui_area_push(ui, st->sore);
}

/* /: the All tab, typing into its filter. */
static void
sore_search(struct ui *ui, struct ui_screen *s, int key, int arg)
{
	(void)key;
	(void)arg;
	start_switch(ui, s->data, START_ALL);
}

/* Any other letter: the next area whose name starts with it. */
static int
sore_jump(struct ui *ui, struct ui_screen *s, int key)
{
	struct start	*st = s->data;
	size_t		 i, k;

	(void)ui;
	if (!ui_printable(key) || !isalpha(key))
		return 0;
	for (k = 1; k <= area_count; k++) {
		i = ((size_t)st->sore + k) % area_count;
		if (tolower((unsigned char)area_table[i].name[0]) ==
		    tolower(key)) {
			st->sore = (int)i;
			break;
		}
	}
	return 1;
}

static const struct ui_key sore_keys[] = {
	UI_KEY_MOVE(sore_move),
	{ { '\r', '\n', KEY_ENTER, KEY_RIGHT }, "Enter", NULL, "open",
	    "the routines for this area", UI_BOTH, sore_open, 0 },
	{ { 0 }, "a-z", NULL, "jump", "the next area starting with the letter",
	    UI_HELP, NULL, 0 },
	{ { '/' }, "/", NULL, "search", "search all routines", UI_BOTH,
	    sore_search, 0 },
	START_KEYS_TABS,
};

/* The keys of "What's sore?". */
static struct ui_keys
sore_keys_of(struct ui *ui, struct ui_screen *s)
{
	struct ui_keys	k = UI_KEYS(sore_keys);

	(void)ui;
	(void)s;
	return k;
}

static const struct ui_screen_ops start_sore_ops = {
	.name = "What's sore? keys",
	.draw = sore_draw,
	.keys = sore_keys_of,
	.other = sore_jump,
	.show = start_show,
};

/* The start screen; returns the exit status. */
int
ui_pick(struct ui *ui)
{
	struct start	st;
	int		status;

	memset(&st, 0, sizeof st);
	st.hist.area = -1;
	st.tab = START_SORE;
	all_filter(ui, &st);
	ui_push(ui, &start_sore_ops, &st);
	status = ui_run(ui);
	ui_list_free(&st.all);
	if (st.loaded)
		stats_done(&st.st);
	return status;
}
