/* The routines for one area, shortest first; Enter previews one. */
#include "ui/ui-start.h"

#include <stdio.h>
#include <stdlib.h>

#include <curses.h>

#include "limber/area.h"

#define AREA_TOP	3	/* the first routine's row */

struct area_screen {
	int		area;
	struct ui_list	list;
};

/* Rows the list has. */
static int
area_rows(void)
{
	return LINES - AREA_TOP - 2;
}

/* Draw the area's routines. */
static void
area_draw(struct ui *ui, struct ui_screen *s)
{
	struct area_screen	*a = s->data;
	char			 title[128];

	snprintf(title, sizeof title, "limber: %s", area_name(a->area));
	ui_title(title, NULL);
	ui_put(2, 1, "Routines, shortest first:", COLS - 2);
	ui_list_draw(ui, &a->list, AREA_TOP, area_rows(),
	    "No routine works this area yet.");
}

/* Arrows, j, k and pages move through the list. */
static void
area_move(struct ui *ui, struct ui_screen *s, int key, int arg)
{
	struct area_screen	*a = s->data;

	(void)ui;
	(void)arg;
	ui_list_move(&a->list, ui_list_delta(key, area_rows()), area_rows());
}

/* Enter: the selected routine's preview. */
static void
area_open(struct ui *ui, struct ui_screen *s, int key, int arg)
{
	struct area_screen	*a = s->data;

	(void)key;
	(void)arg;
	if (a->list.n > 0)
		ui_preview_push(ui, a->list.v[a->list.sel]);
}

/* q, Esc, Left: back to the areas. */
static void
area_back(struct ui *ui, struct ui_screen *s, int key, int arg)
{
	(void)s;
	(void)key;
	(void)arg;
	ui_pop(ui);
}

static const struct ui_key area_keys[] = {
	UI_KEY_MOVE(area_move),
	{ { '\r', '\n', KEY_ENTER, KEY_RIGHT }, "Enter", NULL, "open",
	    "the routine's steps, to start it", UI_BOTH, area_open, 0 },
	{ { 'q', UI_ESC, KEY_LEFT }, "q", NULL, "back", "back to the areas",
	    UI_BOTH, area_back, 0 },
	UI_KEY_HELP,
};

/* The area screen's keys. */
static struct ui_keys
area_keys_of(struct ui *ui, struct ui_screen *s)
{
	struct ui_keys	k = UI_KEYS(area_keys);

	(void)ui;
	(void)s;
	return k;
}

/* Free the screen. */
static void
area_close(struct ui *ui, struct ui_screen *s)
{
	struct area_screen	*a = s->data;

	(void)ui;
	ui_list_free(&a->list);
	free(a);
}

static const struct ui_screen_ops area_ops = {
	.name = "Routine list keys",
	.draw = area_draw,
	.keys = area_keys_of,
	.close = area_close,
};

/* Show the routines for an area. */
void
ui_area_push(struct ui *ui, int area)
{
	struct area_screen	*a = xcalloc(1, sizeof *a);

	a->area = area;
	ui_list_fill(ui, &a->list, area);
	ui_push(ui, &area_ops, a);
}
