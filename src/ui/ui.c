/* The terminal: opening, closing, colours, signals, clock and keys. */
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
#include <term.h>

static volatile sig_atomic_t	 ui_caught;
static SCREEN			*ui_screen;

/* Remember a terminating signal; the loop does the work. */
static void
ui_on_signal(int sig)
{
	ui_caught = sig;
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
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		fprintf(stderr, "limber: unknown terminal type '%s' (TERM); try "
		    "TERM=xterm-256color\n", term);
		return 2;
	}
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		fprintf(stderr, "limber: terminal type '%s' cannot move the "
		    "cursor, which limber needs; try TERM=xterm-256color\n",
		    term);
		del_curterm(cur_term);
		return 2;
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
	struct sigaction	sa;

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
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	ui->dirty = 1;
	return 0;
}

/* Milliseconds on the monotonic clock. */
int64_t
ui_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The terminating signal caught, or 0. */
int
ui_signalled(void)
{
	return ui_caught;
}

/*
 * Wait for a key until the wake time (monotonic ms; -1 for none). Returns
 * the key, or ERR when the time came or a signal arrived.
 */
int
ui_getch(int64_t wake, int64_t now)
{
	int64_t	ms = wake < 0 ? 1000 : wake - now;

	if (ui_caught)
		return ERR;
	if (ms < 0)
		ms = 0;
	if (ms > 60000)
		ms = 60000;
	timeout((int)ms);
	return getch();
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
