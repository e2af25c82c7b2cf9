/*
 * The preview before a session: the steps with their holds, the session's
 * total, and + and - to move every hold 5 s from as written for this
 * session (each within 5 s to 10 min), 0 to put them back.
 */
#include "ui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "limber/area.h"
#include "limber/duration.h"

#define PREVIEW_WIDE	60	/* columns for every column of a step */
#define PREVIEW_TALL	16	/* rows for three lines of description */
#define PREVIEW_STEP	5	/* seconds + and - move each hold */

struct preview {
	const struct routine	*r;
	int			 adjust;	/* seconds, a multiple of 5 */
};

/* The session's options with the holds moved. */
static void
preview_opts(const struct ui *ui, const struct preview *p,
    struct session_opts *opts)
{
	ui_session_opts(ui, opts);
	opts->adjust = p->adjust;
}

/* "L + R", "L only", "R only" or "" at the end of a wide step line. */
static const char *
preview_sides(const struct step *st)
{
	if (st->both_sides)
		return "L + R";
	if (st->one_side == SIDES_LEFT)
		return "L only";
	if (st->one_side == SIDES_RIGHT)
		return "R only";
	return "";
}

/* One step: every column when wide, hold and name when narrow. */
static void
preview_step(const struct preview *p, const struct session_opts *opts,
    size_t i, int y)
{
	const struct step	*st = &p->r->steps[i];
	char			 line[160], h[32];
	int			 narrow = COLS < PREVIEW_WIDE;

	duration_format(session_hold_target(st, opts), h, sizeof h);
	if (narrow)
		snprintf(line, sizeof line, "%2zu. %-4s %s%s", i + 1, h,
		    ui_sides(st), ui_sides(st)[0] != '\0' ? " " : "");
	else
		snprintf(line, sizeof line, "%2zu. %-7s %-14s %5s x%d  ", i + 1,
		    step_kind_name(st->kind), area_name(st->area), h,
		    st->reps);
	ui_put(y, 1, line, COLS - 2);
	ui_put_clean(y, 1 + (int)strlen(line), st->name, COLS - 2 -
	    (int)strlen(line) - (narrow ? 0 : 8));
	if (!narrow)
		ui_put(y, COLS - 8, preview_sides(st), 6);
}

/* The steps from row y down to last; the row after them. */
static int
preview_steps(const struct preview *p, const struct session_opts *opts,
    int y, int last)
{
	char	line[64];
	size_t	i;

	for (i = 0; i < p->r->nsteps && y <= last; i++, y++) {
		if (y == last && i + 1 < p->r->nsteps) {
			snprintf(line, sizeof line, "    and %zu more steps",
			    p->r->nsteps - i);
			ui_put(y++, 1, line, COLS - 2);
			break;
		}
		preview_step(p, opts, i, y);
	}
	return y;
}

/* "Total 9:50: holds 8:00, rests 0:20, getting ready 1:30". */
static void
preview_total(const struct session_opts *opts, const struct routine *r,
    char *buf, size_t size)
{
	struct session_plan_time	t;
	char				a[16], b[16], c[16], d[16];

	session_plan_time(r, opts, &t);
	duration_clock(t.total, a, sizeof a);
	if (COLS < PREVIEW_WIDE) {
		snprintf(buf, size, "Total %s, getting ready too", a);
		return;
	}
	snprintf(buf, size, "Total %s: holds %s, rests %s, getting ready and "
	    "switching sides %s", a, duration_clock(t.holds, b, sizeof b),
	    duration_clock(t.rests, c, sizeof c),
	    duration_clock(t.ready, d, sizeof d));
}

/* Whether moving the holds stopped one at its least or most. */
static int
preview_clamped(const struct preview *p)
{
	size_t	i;
	int	t;

	for (i = 0; i < p->r->nsteps; i++) {
		t = p->r->steps[i].hold + p->adjust;
		if (t < STEP_HOLD_MIN || t > STEP_HOLD_MAX)
			return 1;
	}
	return 0;
}

/* "Holds: as written", "Holds: 10s shorter each, 5s at least". */
static void
preview_holds(const struct preview *p, char *buf, size_t size)
{
	char	by[32], bound[48] = "";
	int	narrow = COLS < PREVIEW_WIDE;

	duration_format(abs(p->adjust), by, sizeof by);
	if (preview_clamped(p))
		snprintf(bound, sizeof bound, ", %ds at %s", p->adjust < 0 ?
		    STEP_HOLD_MIN : STEP_HOLD_MAX, p->adjust < 0 ? "least" :
		    "most");
	if (p->adjust == 0)
		snprintf(buf, size, narrow ? "Holds: as written" : "Holds: as "
		    "written  (+/- moves every hold 5s)");
	else
		snprintf(buf, size, narrow ? "Holds: %s %s%s" : "Holds: %s %s "
		    "each%s  (0: as written)", by, p->adjust < 0 ? "shorter" :
		    "longer", bound);
}

/* Draw the preview. */
static void
preview_draw(struct ui *ui, struct ui_screen *s)
{
	const struct preview	*p = s->data;
	struct session_opts	 opts;
	char			 line[256];
	int			 y = 2;

	preview_opts(ui, p, &opts);
	ui_title(p->r->name, NULL);
	if (p->r->description != NULL)
		y += ui_wrap(y, 1, p->r->description, COLS - 2,
		    LINES < PREVIEW_TALL ? 1 : 3) + 1;
	y = preview_steps(p, &opts, y, LINES - 6) + 1;
	preview_total(&opts, p->r, line, sizeof line);
	ui_put(y++, 1, line, COLS - 2);
	preview_holds(p, line, sizeof line);
	attron(A_BOLD);
	ui_put(y, 1, line, COLS - 2);
	attroff(A_BOLD);
}

/* The longest and shortest holds as written. */
static void
preview_range(const struct routine *r, int *lo, int *hi)
{
	size_t	i;

	*lo = STEP_HOLD_MAX;
	*hi = STEP_HOLD_MIN;
	for (i = 0; i < r->nsteps; i++) {
		if (r->steps[i].hold < *lo)
			*lo = r->steps[i].hold;
		if (r->steps[i].hold > *hi)
			*hi = r->steps[i].hold;
	}
}

/*
 * + and -: every hold 5 s longer or shorter than it is now, while a hold
 * can still change; 0: as written.
 */
static void
preview_adjust(struct ui *ui, struct ui_screen *s, int key, int dir)
{
	struct preview	*p = s->data;
	int		 lo, hi;

	(void)ui;
	(void)key;
	preview_range(p->r, &lo, &hi);
	if (dir == 0)
		p->adjust = 0;
	else if (dir < 0 && hi + p->adjust > STEP_HOLD_MIN)
		p->adjust -= PREVIEW_STEP;
	else if (dir > 0 && lo + p->adjust < STEP_HOLD_MAX)
		p->adjust += PREVIEW_STEP;
}

/* Enter: the session, in the preview's place. */
static void
preview_start(struct ui *ui, struct ui_screen *s, int key, int arg)
{
	const struct preview	*p = s->data;
	struct session_opts	 opts;

	(void)key;
	(void)arg;
	preview_opts(ui, p, &opts);
	ui_session_start(ui, p->r, &opts, 0);
}

/* q, Esc, Left: back to the list. */
static void
preview_back(struct ui *ui, struct ui_screen *s, int key, int arg)
{
	(void)s;
	(void)key;
	(void)arg;
	ui_pop(ui);
}

static const struct ui_key preview_keys[] = {
	{ { '\r', '\n', KEY_ENTER, ' ' }, "Enter", NULL, "start",
	    "start the session", UI_BOTH, preview_start, 0 },
	{ { '+', '=' }, "+", NULL, "longer", "every hold 5 s longer",
	    UI_HELP, preview_adjust, 1 },
	{ { '-', '_' }, "-", NULL, "shorter", "every hold 5 s shorter",
	    UI_HELP, preview_adjust, -1 },
	{ { 0 }, "+/-", NULL, "holds", NULL, UI_FOOT, NULL, 0 },
	{ { '0' }, "0", NULL, "as written", "every hold as written",
	    UI_BOTH, preview_adjust, 0 },
	{ { 'q', UI_ESC, KEY_LEFT }, "q", NULL, "back", "back to the list",
	    UI_BOTH, preview_back, 0 },
	UI_KEY_HELP,
};

/* The preview's keys. */
static struct ui_keys
preview_keys_of(struct ui *ui, struct ui_screen *s)
{
	struct ui_keys	k = UI_KEYS(preview_keys);

	(void)ui;
	(void)s;
	return k;
}

/* Free the preview. */
static void
preview_close(struct ui *ui, struct ui_screen *s)
{
	(void)ui;
	free(s->data);
}

static const struct ui_screen_ops preview_ops = {
	.name = "Preview keys",
	.draw = preview_draw,
	.keys = preview_keys_of,
	.close = preview_close,
};

/* Show a routine before it starts. */
void
ui_preview_push(struct ui *ui, const struct routine *r)
{
	struct preview	*p = xcalloc(1, sizeof *p);

	p->r = r;
	ui_push(ui, &preview_ops, p);
}
