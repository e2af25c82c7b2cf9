/*
 * The All routines tab: a filter and the routines it matches. The filter
 * has the keys whenever the tab is shown: every printable key is typed into
 * it. Esc clears it and gives the keys back to the tab, and / types again.
 */
#include "ui/ui-start.h"

#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "limber/search.h"

#define ALL_TOP		4	/* the first routine's row */

/* Rows the list has. */
static int
all_rows(void)
{
	return LINES - ALL_TOP - 2;
}

/* Keep only the routines that match the filter, selecting the first. */
void
all_filter(struct ui *ui, struct start *st)
{
	size_t	i, n = 0;

	ui_list_fill(ui, &st->all, -1);
	for (i = 0; i < st->all.n; i++) {
		if (search_match(st->all.v[i], st->filter))
			st->all.v[n++] = st->all.v[i];
	}
	st->all.n = n;
	st->all.sel = st->all.top = 0;
}

/* Draw the filter and the list. */
static void
all_draw(struct ui *ui, struct ui_screen *s)
{
	struct start	*st = s->data;
	char		 line[128];

	start_tabs(ui, st);
	if (st->typing)
		snprintf(line, sizeof line, "Filter: %s_", st->filter);
	else
		snprintf(line, sizeof line, "Filter: (/ to type)");
	attron(A_BOLD);
	ui_put_clean(3, 1, line, COLS - 2);
	attroff(A_BOLD);
	ui_list_draw(ui, &st->all, ALL_TOP, all_rows(),
	    "No routine matches: Backspace or Esc to clear the filter.");
}

/* Arrows, j, k and pages move through the list. */
static void
all_move(struct ui *ui, struct ui_screen *s, int key, int arg)
{
	struct start	*st = s->data;

	(void)ui;
	(void)arg;
	ui_list_move(&st->all, ui_list_delta(key, all_rows()), all_rows());
}

/* Enter: the selected routine's preview. */
static void
all_open(struct ui *ui, struct ui_screen *s, int key, int arg)
{
	struct start	*st = s->data;

	(void)key;
	(void)arg;
	if (st->all.n > 0)
		ui_preview_push(ui, st->all.v[st->all.sel]);
}

/* Esc: clear the filter and give the keys back to the tab. */
static void
all_clear(struct ui *ui, struct ui_screen *s, int key, int arg)
{
	struct start	*st = s->data;

	(void)key;
	(void)arg;
	st->typing = 0;
	if (st->filter[0] != '\0') {
		st->filter[0] = '\0';
		all_filter(ui, st);
	}
}

/* Backspace: take back the last character typed. */
static void
all_erase(struct ui *ui, struct ui_screen *s, int key, int arg)
{
	struct start	*st = s->data;
	size_t		 len = strlen(st->filter);

	(void)key;
	(void)arg;
	if (len == 0)
		return;
	st->filter[len - 1] = '\0';
	all_filter(ui, st);
}

/* /: type into the filter again. */
static void
all_type(struct ui *ui, struct ui_screen *s, int key, int arg)
{
	struct start	*st = s->data;

	(void)ui;
	(void)key;
	(void)arg;
	st->typing = 1;
}

/* While typing, every printable key goes into the filter. */
static int
all_other(struct ui *ui, struct ui_screen *s, int key)
{
	struct start	*st = s->data;
	size_t		 len = strlen(st->filter);

	if (!st->typing || !ui_printable(key))
		return 0;
	if (len + 1 < sizeof st->filter) {
		st->filter[len] = (char)key;
		st->filter[len + 1] = '\0';
		all_filter(ui, st);
	}
	return 1;
}

/* The keys while the filter has them: printable keys are typed. */
static const struct ui_key all_typing_keys[] = {
	{ { 0 }, "a-z 0-9", NULL, "type", "type words to find (any order)",
	    UI_BOTH, NULL, 0 },
	{ { KEY_UP, KEY_DOWN, KEY_PPAGE, KEY_NPAGE, KEY_HOME, KEY_END },
	    "\xe2\x86\x91\xe2\x86\x93", "Up/Down", "move", NULL, UI_BOTH,
	    all_move, 0 },
	{ { '\r', '\n', KEY_ENTER }, "Enter", NULL, "open",
	    "the routine's steps, to start it", UI_BOTH, all_open, 0 },
	{ { KEY_BACKSPACE, 127, 8 }, "Backspace", NULL, "erase",
	    "erase the last character", UI_HELP, all_erase, 0 },
	{ { UI_ESC }, "Esc", NULL, "clear", "clear; keys back to the list",
	    UI_BOTH, all_clear, 0 },
	{ { '\t', KEY_BTAB }, "Tab", NULL, "switch", "switch tabs", UI_BOTH,
	    start_tab_key, 0 },
};

/* The keys once Esc gave them back to the list. */
static const struct ui_key all_list_keys[] = {
	UI_KEY_MOVE(all_move),
	{ { '\r', '\n', KEY_ENTER, KEY_RIGHT }, "Enter", NULL, "open",
	    "the routine's steps, to start it", UI_BOTH, all_open, 0 },
	{ { '/' }, "/", NULL, "filter", "type into the filter", UI_BOTH,
	    all_type, 0 },
	START_KEYS_TABS,
};

/* The keys of the tab: the filter's, or the list's. */
static struct ui_keys
all_keys(struct ui *ui, struct ui_screen *s)
{
	const struct start	*st = s->data;
	struct ui_keys		 typing = UI_KEYS(all_typing_keys);
	struct ui_keys		 list = UI_KEYS(all_list_keys);

	(void)ui;
	return st->typing ? typing : list;
}

const struct ui_screen_ops start_all_ops = {
	.name = "All routines keys",
	.draw = all_draw,
	.keys = all_keys,
	.other = all_other,
	.show = start_show,
};
