/* A list of routines, with a preview pane beside it when there is room. */
#include "ui/ui-start.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "limber/duration.h"
#include "limber/text.h"

#define LIST_PANE_MIN	80	/* columns for a preview pane beside a list */

/* The routine's time as a session runs it, getting ready included. */
static long
list_seconds(const struct ui *ui, const struct routine *r)
{
	struct session_opts		opts;
	struct session_plan_time	t;

	ui_session_opts(ui, &opts);
	session_plan_time(r, &opts, &t);
	return t.total;
}

/* A routine and its time, for sorting. */
struct list_timed {
	const struct routine	*r;
	long			 secs;
};

/* Shortest first, then by id, for qsort. */
static int
list_cmp_length(const void *a, const void *b)
{
	const struct list_timed	*ta = a, *tb = b;

	if (ta->secs != tb->secs)
		return ta->secs < tb->secs ? -1 : 1;
	return strcmp(ta->r->id, tb->r->id);
}

/* Order a list shortest first. */
static void
list_sort(const struct ui *ui, struct ui_list *l)
{
	struct list_timed	*t = xcalloc(l->n + 1, sizeof *t);
	size_t			 i;

	for (i = 0; i < l->n; i++) {
		t[i].r = l->v[i];
		t[i].secs = list_seconds(ui, l->v[i]);
	}
	qsort(t, l->n, sizeof *t, list_cmp_length);
	for (i = 0; i < l->n; i++)
		l->v[i] = t[i].r;
	free(t);
}

/* Fill l with the routines for an area, shortest first; -1 for all. */
void
ui_list_fill(const struct ui *ui, struct ui_list *l, int area)
{
	const struct library	*lib = ui->lib;
	size_t			 i;

	ui_list_free(l);
	l->v = xcalloc(lib->n + 1, sizeof *l->v);
	for (i = 0; i < lib->n; i++) {
		if (area < 0 || routine_has_area(lib->v[i], area))
			l->v[l->n++] = lib->v[i];
	}
	if (area >= 0)
		list_sort(ui, l);
}

/* Empty the list. */
void
ui_list_free(struct ui_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Move the selection by delta, keeping it on screen in rows rows. */
void
ui_list_move(struct ui_list *l, int delta, int rows)
{
	l->sel += delta;
	if (l->sel >= (int)l->n)
		l->sel = (int)l->n - 1;
	if (l->sel < 0)
		l->sel = 0;
	if (rows < 1)
		rows = 1;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
	if (l->top < 0)
		l->top = 0;
}

/* The movement a key asks for, or 0. */
int
ui_list_delta(int key, int rows)
{
	static const struct {
		int	key;
		int	delta;		/* in rows; 2 for a page */
	} moves[] = {
		{ KEY_UP, -1 }, { 'k', -1 }, { KEY_DOWN, 1 }, { 'j', 1 },
		{ KEY_PPAGE, -2 }, { KEY_NPAGE, 2 },
		{ KEY_HOME, -3 }, { KEY_END, 3 },
	};
	size_t	i;

	for (i = 0; i < sizeof moves / sizeof moves[0]; i++) {
		if (moves[i].key != key)
			continue;
		switch (moves[i].delta) {
		case -2: case 2:
			return moves[i].delta / 2 * (rows > 1 ? rows : 1);
		case -3: case 3:
			return moves[i].delta * 100000;
		default:
			return moves[i].delta;
		}
	}
	return 0;
}

/* One line about a routine: its name and time. */
static void
list_row(const struct ui *ui, const struct routine *r, int y, int width,
    int selected)
{
	char	clock[32];
	int	cw;

	duration_clock(list_seconds(ui, r), clock, sizeof clock);
	cw = (int)strlen(clock);
	if (selected)
		attron(A_REVERSE);
	mvhline(y, 0, ' ', width);
	ui_put_clean(y, 2, r->name, width - cw - 5);
	ui_put(y, width - cw - 1, clock, cw);
	if (selected)
		attroff(A_REVERSE);
}

/* "Tags: post-run rest-day" at row y, if the routine has tags. */
static int
list_tags(const struct routine *r, int y, int x, int w)
{
	struct strbuf	sb;
	size_t		i;

	if (r->ntags == 0)
		return y;
	sb_init(&sb);
	sb_adds(&sb, "Tags:");
	for (i = 0; i < r->ntags; i++)
		sb_addf(&sb, " %s", r->tags[i]);
	ui_put_clean(y, x, sb.s, w);
	sb_done(&sb);
	return y + 1;
}

/* A preview of a routine in a pane: time, steps, holds, tags, the steps. */
static void
list_preview(const struct ui *ui, const struct routine *r, int y, int x,
    int w, int h)
{
	char	line[256], clock[32], hold[32];
	size_t	i;
	int	end = y + h;

	attron(A_BOLD);
	ui_put_clean(y++, x, r->name, w);
	attroff(A_BOLD);
	snprintf(line, sizeof line, "%s, %zu step%s, %zu hold%s",
	    duration_clock(list_seconds(ui, r), clock, sizeof clock),
	    r->nsteps, r->nsteps == 1 ? "" : "s", routine_holds(r),
	    routine_holds(r) == 1 ? "" : "s");
	ui_put(y++, x, line, w);
	y = list_tags(r, y, x, w) + 1;
	for (i = 0; i < r->nsteps && y < end; i++) {
		const struct step *st = &r->steps[i];

		duration_format(st->hold, hold, sizeof hold);
		snprintf(line, sizeof line, "%-5s %s%s%s", hold, ui_sides(st),
		    ui_sides(st)[0] != '\0' ? " " : "", st->kind == STEP_ROLL ?
		    "roll " : "");
		ui_put(y, x, line, w);
		ui_put_clean(y++, x + (int)strlen(line), st->name,
		    w - (int)strlen(line));
	}
}

/* The list in rows rows from y, with the preview pane when wide. */
void
ui_list_draw(const struct ui *ui, struct ui_list *l, int y, int rows,
    const char *empty)
{
	int	lw = COLS >= LIST_PANE_MIN ? COLS / 2 : COLS, i;

	if (l->n == 0) {
		ui_put(y + 1, 2, empty, COLS - 4);
		return;
	}
	ui_list_move(l, 0, rows);
	for (i = 0; i < rows && l->top + i < (int)l->n; i++)
		list_row(ui, l->v[l->top + i], y + i, lw, l->top + i == l->sel);
	if (lw < COLS)
		list_preview(ui, l->v[l->sel], y, lw + 2, COLS - lw - 3, rows);
}
