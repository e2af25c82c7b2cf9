/* The terminal, and the one loop that runs every screen. */
#include "ui/ui.h"

#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>

#include "limber/stop.h"
#include "limber/text.h"
#include "limber/xmalloc.h"

/* Last: its capability macros (lines, columns) would rename declarations. */
#include <term.h>

static SCREEN			*ui_screen;

/* Say why TERM will not do, its value made inert; exit status 2. */
static int
ui_term_refused(const char *before, const char *term, const char *after)
{
	char	*clean = text_sanitize(term, 0);

	fprintf(stderr, "limber: %s%s%s; try TERM=xterm-256color\n", before,
	    clean, after);
	free(clean);
	return 2;
}

/*
 * Refuse to start without a usable terminal: stdin and stdout must be one
 * and TERM must name a terminal that can move the cursor. 0 or exit 2.
 */
int
ui_check_terminal(const char *who)
{
	const char	*term = getenv("TERM");
	char		*cup;
	int		 err = 0;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "limber%s%s: needs a terminal on standard input "
		    "and output (try 'limber list' or 'limber show ID')\n",
		    who ? " " : "", who ? who : "");
		return 2;
	}
	if (term == NULL || term[0] == '\0') {
		fprintf(stderr, "limber: TERM is not set; set it to your "
		    "terminal's type, e.g. TERM=xterm-256color\n");
		return 2;
	}
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK)
		return ui_term_refused("unknown terminal type '", term,
		    "' (TERM)");
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		del_curterm(cur_term);
		return ui_term_refused("terminal type '", term, "' cannot move "
		    "the cursor, which limber needs");
	}
	del_curterm(cur_term);
	return 0;
}

/* Give the terminal back; safe to call twice. */
void
ui_close(void)
{
	if (ui_screen == NULL)
		return;
	endwin();
	delscreen(ui_screen);
	ui_screen = NULL;
}

/* Whether the settings and environment allow colour. */
static int
ui_want_colour(const struct config *cfg)
{
	const char	*nc = getenv("NO_COLOR");

	if (cfg->colour == COLOUR_NEVER)
		return 0;
	if (cfg->colour == COLOUR_AUTO && nc != NULL && nc[0] != '\0')
		return 0;
	return has_colors();
}

/* The calendar's shades: greens, darker to brighter where there are many. */
static void
ui_heat_colours(void)
{
	static const short	greens[] = { 28, 34, 40, 46 };
	int			i;

	for (i = 0; i < 4; i++)
		init_pair((short)(UI_PAIR_HEAT1 + i), COLORS >= 256 ?
		    greens[i] : COLOR_GREEN, -1);
}

/* Set up the colour pairs. */
static void
ui_colours(void)
{
	start_color();
	use_default_colors();
	init_pair(UI_PAIR_TITLE, COLOR_BLACK, COLOR_CYAN);
	init_pair(UI_PAIR_STRETCH, COLOR_CYAN, -1);
	init_pair(UI_PAIR_ROLL, COLOR_MAGENTA, -1);
	init_pair(UI_PAIR_REST, COLOR_GREEN, -1);
	init_pair(UI_PAIR_BAR, COLOR_CYAN, -1);
	init_pair(UI_PAIR_DIM, COLOR_BLUE, -1);
	init_pair(UI_PAIR_WARN, COLOR_YELLOW, -1);
	ui_heat_colours();
}

/* Take the terminal: raw keys, no echo, hidden cursor, signals caught. */
int
ui_open(struct ui *ui)
{
	if ((ui_screen = newterm(NULL, stdout, stdin)) == NULL) {
		fprintf(stderr, "limber: cannot open the terminal\n");
		return -1;
	}
	set_term(ui_screen);
	fatal_cleanup = ui_close;
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	typeahead(-1);		/* no polls for input while drawing */
	curs_set(0);
	ui->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	ui->colour = ui_want_colour(ui->cfg);
	if (ui->colour)
		ui_colours();
	stop_catch();
	ui->dirty = 1;
	return 0;
}

/*
 * Milliseconds on a clock that only goes forward and goes on while the
 * machine sleeps (CLOCK_BOOTTIME where there is one), so a session can
 * tell that it was not running.
 */
int64_t
ui_now(void)
{
	struct timespec	ts;

#ifdef CLOCK_BOOTTIME
	if (clock_gettime(CLOCK_BOOTTIME, &ts) == 0)
		return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
#endif
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The terminating signal caught, or 0. */
int
ui_signalled(void)
{
	return stop_pending();
}

/* Stop the process for the shell's job control (Ctrl-Z); back on fg. */
void
ui_suspend(void)
{
	def_prog_mode();
	endwin();
	kill(getpid(), SIGSTOP);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
}

/* Whether the terminal is below the smallest layout. */
int
ui_small(void)
{
	return COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
}

/* The screen on top, or NULL when there is none. */
struct ui_screen *
ui_top(const struct ui *ui)
{
	return ui->depth > 0 ? ui->stack[ui->depth - 1] : NULL;
}

/* Draw before the next wait. */
void
ui_dirty(struct ui *ui)
{
	ui->dirty = 1;
}

/* Leave the loop with status once the key being handled is done. */
void
ui_exit(struct ui *ui, int status)
{
	ui->leave = 1;
	ui->status = status;
}

/* Whether the key is one of a table line's codes. */
int
ui_key_is(const struct ui_key *k, int key)
{
	size_t	i;

	for (i = 0; i < sizeof k->codes / sizeof k->codes[0] &&
	    k->codes[i] != 0; i++) {
		if (k->codes[i] == key)
			return 1;
	}
	return 0;
}

/* The key if it is printable ASCII, else 0. */
int
ui_printable(int key)
{
	return key >= 0x20 && key < 0x7f ? key : 0;
}

/* Tell the screen on top that it is shown, and draw it. */
static void
ui_shown(struct ui *ui)
{
	struct ui_screen	*s = ui_top(ui);

	ui->dirty = 1;
	if (s != NULL && s->ops->show != NULL)
		s->ops->show(ui, s);
}

/* Put a screen on the stack without telling it. */
static void
ui_stack(struct ui *ui, const struct ui_screen_ops *ops, void *data)
{
	struct ui_screen	*s = xmalloc(sizeof *s);

	s->ops = ops;
	s->data = data;
	if (ui->depth == ui->cap) {
		ui->cap = ui->cap ? ui->cap * 2 : 8;
		ui->stack = xreallocarray(ui->stack, ui->cap, sizeof *ui->stack);
	}
	ui->stack[ui->depth++] = s;
}

/* Take the top screen off the stack, closing it. */
static void
ui_unstack(struct ui *ui)
{
	struct ui_screen	*s;

	if (ui->depth == 0)
		return;
	s = ui->stack[--ui->depth];
	if (s->ops->close != NULL)
		s->ops->close(ui, s);
	free(s);
}

/* Put a screen on top. */
void
ui_push(struct ui *ui, const struct ui_screen_ops *ops, void *data)
{
	ui_stack(ui, ops, data);
	ui_shown(ui);
}

/* Close the top screen and show the one below. */
void
ui_pop(struct ui *ui)
{
	ui_unstack(ui);
	ui_shown(ui);
}

/* Close the top screen and put another in its place. */
void
ui_replace(struct ui *ui, const struct ui_screen_ops *ops, void *data)
{
	ui_unstack(ui);
	ui_stack(ui, ops, data);
	ui_shown(ui);
}

/* The request for room, longest first; the first that fits is shown. */
static const char *const ui_small_asks[] = {
	"Make the terminal larger",
	"Too small",
};

#define UI_SMALL_GAP	2	/* columns between pieces on one row */

/* The longest request for room that fits in width columns, or NULL. */
static const char *
ui_small_ask(int width)
{
	size_t	i;

	for (i = 0; i < sizeof ui_small_asks / sizeof ui_small_asks[0]; i++) {
		if ((int)strlen(ui_small_asks[i]) <= width)
			return ui_small_asks[i];
	}
	return NULL;
}

/*
 * Put text at y,x in room columns: whole, or (with cut) the words that fit
 * whole, or nothing, since a clock cut to "1:" would mislead. Returns the
 * columns used.
 */
static int
ui_small_put(int y, int x, const char *text, int room, int cut)
{
	char	**wrapped;
	size_t	  len;
	int	  used = 0;

	if (room <= 0)
		return 0;
	if ((int)text_width(text) <= room)
		return ui_put(y, x, text, room);
	if (!cut)
		return 0;
	wrapped = text_wrap(text, (size_t)room, NULL);
	if (wrapped[0] != NULL && (len = strlen(wrapped[0])) > 0 &&
	    strncmp(text, wrapped[0], len) == 0 && text[len] == ' ')
		used = ui_put(y, x, wrapped[0], room);
	text_lines_free(wrapped);
	return used;
}

/*
 * Put the screen's lines from row y: one a row while the rows last, then
 * side by side, two spaces apart; only a line alone on its row may lose
 * its last words. Returns the columns used on the last row.
 */
static int
ui_small_lines(const struct ui_tiny *t, int y)
{
	size_t	i;
	int	x = 0, gap, used;

	for (i = 0; i < t->n && y < LINES; i++) {
		gap = x > 0 ? UI_SMALL_GAP : 0;
		if (x > 0 && y + 1 < LINES && (LINES - y - 1 >= (int)(t->n - i) ||
		    (int)text_width(t->line[i]) > COLS - x - gap)) {
			y++;
			x = gap = 0;
		}
		if ((used = ui_small_put(y, x + gap, t->line[i],
		    COLS - x - gap, x == 0)) > 0)
			x += gap + used;
	}
	return x;
}

/*
 * Below the smallest layout: the request for room on the first row and
 * what the screen keeps below it; on one row, what the screen keeps first
 * and the request after it if there is room. Nothing runs into anything.
 */
static void
ui_draw_small(struct ui *ui)
{
	struct ui_screen	*s;
	struct ui_tiny		 t;
	const char		*ask;
	size_t			 i = ui->depth;
	int			 x, gap;

	while (i > 1 && ui->stack[i - 1]->ops->modal)
		i--;
	s = ui->stack[i - 1];
	memset(&t, 0, sizeof t);
	if (s->ops->tiny != NULL)
		s->ops->tiny(ui, s, &t);
	if (LINES >= 2) {
		if ((ask = ui_small_ask(COLS)) != NULL)
			ui_put(0, 0, ask, COLS);
		ui_small_lines(&t, 1);
		return;
	}
	x = ui_small_lines(&t, 0);
	gap = x > 0 ? UI_SMALL_GAP : 0;
	if ((ask = ui_small_ask(COLS - x - gap)) != NULL)
		ui_put(0, x + gap, ask, COLS - x - gap);
}

/* Draw the top screen over those it covers, then its footer. */
static void
ui_draw(struct ui *ui)
{
	struct ui_screen	*top = ui_top(ui);
	size_t			 i = ui->depth;

	erase();
	if (ui_small())
		ui_draw_small(ui);
	else {
		while (i > 1 && ui->stack[i - 1]->ops->modal)
			i--;
		for (i--; i < ui->depth; i++)
			ui->stack[i]->ops->draw(ui, ui->stack[i]);
		ui_footer(ui, top->ops->keys(ui, top));
	}
	wnoutrefresh(stdscr);
	doupdate();
	ui->dirty = 0;
}

/* Give a key to the top screen: its table first, then its other hook. */
static void
ui_key(struct ui *ui, int key)
{
	struct ui_screen	*s = ui_top(ui);
	struct ui_keys		 keys = s->ops->keys(ui, s);
	size_t			 i;

	ui->dirty = 1;
	for (i = 0; i < keys.n; i++) {
		if (keys.v[i].fn != NULL && ui_key_is(&keys.v[i], key)) {
			keys.v[i].fn(ui, s, key, keys.v[i].arg);
			return;
		}
	}
	if (s->ops->other != NULL && s->ops->other(ui, s, key))
		return;
	if (key == KEY_CTRL('z'))
		ui_suspend();
}

/*
 * Wait for a key until wake (monotonic ms, -1 for none), or look ms at
 * most when look is not 0; ERR when none.
 */
static int
ui_wait(int64_t wake, int64_t now, int look)
{
	int64_t	ms = wake < 0 ? 1000 : wake - now;

	if (look > 0 && ms > look)
		ms = look;
	if (stop_pending())
		return ERR;
	if (ms < 0)
		ms = 0;
	if (ms > 60000)
		ms = 60000;
	timeout((int)ms);
	return getch();
}

/* What a key (or the end of a wait) does. */
static void
ui_handle(struct ui *ui, int key, int64_t wake)
{
	if (key == ERR) {
		if (wake >= 0 && ui_now() >= wake)
			ui->dirty = 1;
	} else if (key == KEY_RESIZE)
		ui->dirty = 1;
	else if (key == KEY_CTRL('c'))
		ui_exit(ui, UI_EXIT_SIGINT);
	else
		ui_key(ui, key);
}

/*
 * The one loop: move the top screen's time on, draw when something
 * changed, sleep until a key or the next wake time. It ends when the stack
 * is empty, on ui_exit or on a signal; every screen left is closed (a
 * session logs the hold under way) before it returns the exit status.
 */
int
ui_run(struct ui *ui)
{
	struct ui_screen	*s;
	int64_t			 now, wake;
	int			 key;

	while (ui->depth > 0 && !ui->leave) {
		now = ui_now();
		if (ui_signalled()) {
			ui_exit(ui, 128 + ui_signalled());
			break;
		}
		if ((s = ui_top(ui))->ops->tick != NULL)
			s->ops->tick(ui, s, now);
		if (ui->depth == 0 || ui->leave)
			break;
		if (ui->dirty)
			ui_draw(ui);
		s = ui_top(ui);
		wake = s->ops->wake != NULL ? s->ops->wake(ui, s, now) : -1;
		key = ui_wait(wake, now, s->ops->look_ms);
		ui_handle(ui, key, wake);
	}
	while (ui->depth > 0)
		ui_unstack(ui);
	if (ui->failed > 0 && ui->status == 0)
		ui->status = 1;
	free(ui->stack);
	ui->stack = NULL;
	ui->cap = 0;
	return ui->status;
}
