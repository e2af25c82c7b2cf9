/* The summary after a session: what was done, held and logged; what next. */
#include "ui/ui.h"

#include <stdio.h>
#include <stdlib.h>

#include <curses.h>

#include "limber/area.h"
#include "limber/duration.h"

/* The time held in each area worked, from row y; the next free row. */
static int
sum_areas(const struct ui_summary *sum, int y)
{
	char	line[96], clock[32];
	size_t	i;

	for (i = 0; i < area_count && y < LINES - 3; i++) {
		if (sum->by_area[i] == 0)
			continue;
		snprintf(line, sizeof line, "  %-16s %s", area_name((int)i),
		    duration_clock(sum->by_area[i], clock, sizeof clock));
		ui_put(y++, 1, line, COLS - 2);
	}
	return y;
}

/* "Holds done: 7 of 10  (1 partial, 0 skipped, 2 not reached)". */
static void
sum_holds(const struct ui_summary *sum, char *buf, size_t size)
{
	const struct session_count	*c = &sum->count;
	size_t				 left;

	left = c->planned - c->done - c->partial - c->skipped;
	if (left > 0)
		snprintf(buf, size, "Holds done: %zu of %zu  (%zu partial, %zu "
		    "skipped, %zu not reached)", c->done, c->planned,
		    c->partial, c->skipped, left);
	else
		snprintf(buf, size, "Holds done: %zu of %zu  (%zu partial, %zu "
		    "skipped)", c->done, c->planned, c->partial, c->skipped);
}

/* Where the holds went, or why some did not. */
static void
sum_logged(const struct ui *ui, const struct ui_summary *sum, char *buf,
    size_t size)
{
	if (sum->failed > 0)
		snprintf(buf, size, "Logged %zu of %zu hold%s: %s", sum->logged,
		    sum->logged + sum->failed,
		    sum->logged + sum->failed == 1 ? "" : "s", sum->log_error);
	else
		snprintf(buf, size, "Logged %zu hold%s to %s", sum->logged,
		    sum->logged == 1 ? "" : "s", ui->log_path ? ui->log_path :
		    "-");
}

/* Draw the summary. */
static void
sum_draw(struct ui *ui, struct ui_screen *s)
{
	const struct ui_summary	*sum = s->data;
	char			 line[700], clock[32];
	int			 y = 2;

	ui_title(sum->r->name, NULL);
	attron(A_BOLD);
	ui_put(y++, 1, sum->quit ? "Session stopped" : "Session complete",
	    COLS - 2);
	attroff(A_BOLD);
	y++;
	sum_holds(sum, line, sizeof line);
	y += ui_wrap(y, 1, line, COLS - 2, 2);
	snprintf(line, sizeof line, "Time held:  %s",
	    duration_clock(sum->held, clock, sizeof clock));
	ui_put(y++, 1, line, COLS - 2);
	y = sum_areas(sum, y) + 1;
	sum_logged(ui, sum, line, sizeof line);
	ui_wrap(y, 1, line, COLS - 2, LINES - 2 - y);
}

/* Enter: back to where the session was started (or out, after run ID). */
static void
sum_back(struct ui *ui, struct ui_screen *s, int key, int arg)
{
	(void)s;
	(void)key;
	(void)arg;
	ui_pop(ui);
}

/* r: the same routine again, with the same holds. */
static void
sum_again(struct ui *ui, struct ui_screen *s, int key, int arg)
{
	const struct ui_summary	*sum = s->data;
	const struct routine	*r = sum->r;
	struct session_opts	 opts = sum->opts;
	int			 alone = sum->alone;

	(void)key;
	(void)arg;
	ui_session_start(ui, r, &opts, alone);
}

/* q: leave limber. */
static void
sum_quit(struct ui *ui, struct ui_screen *s, int key, int arg)
{
	(void)s;
	(void)key;
	(void)arg;
	ui_exit(ui, 0);
}

static const struct ui_key sum_keys_back[] = {
	{ { '\r', '\n', KEY_ENTER, UI_ESC, KEY_LEFT }, "Enter", NULL, "back",
	    "back to the routines", UI_BOTH, sum_back, 0 },
	{ { 'r', 'R' }, "r", NULL, "again", "this routine again", UI_BOTH,
	    sum_again, 0 },
	{ { 'q', 'Q' }, "q", NULL, "quit", "leave limber", UI_BOTH, sum_quit,
	    0 },
	UI_KEY_HELP,
};

static const struct ui_key sum_keys_alone[] = {
	{ { '\r', '\n', KEY_ENTER, 'q', 'Q', UI_ESC }, "Enter", NULL, "leave",
	    "leave limber", UI_BOTH, sum_back, 0 },
	{ { 'r', 'R' }, "r", NULL, "again", "this routine again", UI_BOTH,
	    sum_again, 0 },
	UI_KEY_HELP,
};

/* The summary's keys: Enter goes back, or leaves after limber run ID. */
static struct ui_keys
sum_keys(struct ui *ui, struct ui_screen *s)
{
	const struct ui_summary	*sum = s->data;
	struct ui_keys		 back = UI_KEYS(sum_keys_back);
	struct ui_keys		 alone = UI_KEYS(sum_keys_alone);

	(void)ui;
	return sum->alone ? alone : back;
}

/* Free the summary. */
static void
sum_close(struct ui *ui, struct ui_screen *s)
{
	struct ui_summary	*sum = s->data;

	(void)ui;
	free(sum->by_area);
	free(sum);
}

static const struct ui_screen_ops sum_ops = {
	.name = "Summary keys",
	.draw = sum_draw,
	.keys = sum_keys,
	.close = sum_close,
};

/* Show a summary in place of the session that made it. */
void
ui_summary_replace(struct ui *ui, struct ui_summary *sum)
{
	ui_replace(ui, &sum_ops, sum);
}
