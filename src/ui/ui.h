/*
 * The ncurses front end: the only code that includes curses.
 *
 * One loop (ui.c) owns getch, the clock, the dirty flag and a stack of
 * screens. Every screen is a struct ui_screen: what it draws, its key table,
 * when it next needs to wake, and a few optional hooks. Keys go to the top
 * screen's table; a key the table does not name goes to the screen's other
 * hook, which is how a text field takes every printable key. A modal screen
 * (a prompt, the help) is drawn over the screens below it. The footer and
 * the '?' help are printed from the same key tables, so they say what the
 * keys do.
 */
#ifndef LIMBER_UI_H
#define LIMBER_UI_H

#include <stddef.h>
#include <stdint.h>

#include "limber/config.h"
#include "limber/library.h"
#include "limber/routine.h"
#include "limber/session.h"

#define UI_MIN_COLS	40	/* below this, "make the terminal larger" */
#define KEY_CTRL(c)	((c) & 0x1f)
#define UI_MIN_LINES	12
#define UI_FULL_COLS	72	/* the full layout with big type */
#define UI_FULL_LINES	22
#define UI_ESC		27

/* Colour pairs. */
enum ui_pair {
	UI_PAIR_TITLE = 1,
	UI_PAIR_STRETCH,
	UI_PAIR_ROLL,
	UI_PAIR_REST,
	UI_PAIR_BAR,
	UI_PAIR_DIM,
	UI_PAIR_WARN,
	UI_PAIR_HEAT1,		/* the calendar's shades, least to most */
	UI_PAIR_HEAT2,
	UI_PAIR_HEAT3,
	UI_PAIR_HEAT4,
};
#define UI_PAIR_LAST	UI_PAIR_HEAT4

struct ui;
struct ui_screen;

/* Where a key is named: the footer, the help, or both. */
#define UI_FOOT		0x1
#define UI_HELP		0x2
#define UI_BOTH		(UI_FOOT | UI_HELP)

/*
 * One line of a key table: the key codes that do it (0 ends the list; a
 * line with none only names keys, such as "+/-" in the footer or letters
 * the screen's other hook takes), the name and words the footer shows,
 * and the words of the help, which names the keys from their codes.
 */
struct ui_key {
	int		 codes[8];
	const char	*name;		/* as the footer shows it: "Space" */
	const char	*ascii;		/* the name without UTF-8, or NULL */
	const char	*what;		/* in the footer: "pause" */
	const char	*help;		/* in the help, or NULL for what */
	int		 where;		/* UI_FOOT, UI_HELP */
	void		(*fn)(struct ui *, struct ui_screen *, int key, int arg);
	int		 arg;		/* handed to fn */
};

/* Lines many tables share (they need curses.h for the key codes). */
#define UI_KEY_MOVE(fn)	{ { KEY_UP, KEY_DOWN, 'k', 'j', KEY_PPAGE,	\
	KEY_NPAGE, KEY_HOME, KEY_END }, "\xe2\x86\x91\xe2\x86\x93", "Up/Down",	\
	"move", NULL, UI_BOTH, (fn), 0 }
#define UI_KEY_HELP	{ { '?' }, "?", NULL, "help", "these keys",	\
	UI_BOTH, ui_help_key, 0 }

struct ui_keys {
	const struct ui_key	*v;
	size_t			 n;
};
#define UI_KEYS(table)	{ (table), sizeof (table) / sizeof (table)[0] }

/* What a screen keeps on a terminal too small for it, most needed first. */
#define UI_TINY_LINES	2
struct ui_tiny {
	char	line[UI_TINY_LINES][64];	/* trusted text, one line each */
	size_t	n;
};

/* What a screen does; every hook but draw and keys may be NULL. */
struct ui_screen_ops {
	const char	*name;		/* the help box's title */
	void		(*draw)(struct ui *, struct ui_screen *);
	struct ui_keys	(*keys)(struct ui *, struct ui_screen *);
	/* When the screen next changes by itself (monotonic ms), or -1. */
	int64_t		(*wake)(struct ui *, struct ui_screen *, int64_t now);
	/* Move time on before drawing; it may replace the screen. */
	void		(*tick)(struct ui *, struct ui_screen *, int64_t now);
	/* A key the table does not name; 1 if it was used. */
	int		(*other)(struct ui *, struct ui_screen *, int key);
	/* The screen is on top again (pushed, or what covered it left). */
	void		(*show)(struct ui *, struct ui_screen *);
	/* Below the smallest layout: the lines that must stay visible. */
	void		(*tiny)(struct ui *, struct ui_screen *, struct ui_tiny *);
	/* Leaving the stack: finish, and free data if it is the screen's. */
	void		(*close)(struct ui *, struct ui_screen *);
	int		 modal;		/* drawn over the screen below */
	/*
	 * Run tick at least this often (ms), without drawing unless tick
	 * says something changed; 0 for no more often than wake asks.
	 */
	int		 look_ms;
};

struct ui_screen {
	const struct ui_screen_ops	*ops;
	void				*data;
};

/* What the screens share, and the loop's state. */
struct ui {
	struct library	 *lib;
	struct config	 *cfg;
	char		 *log_path;	/* NULL when there is no home */
	int		  colour;	/* colours in use */
	int		  utf8;		/* block glyphs; else ASCII */
	int		  dirty;	/* draw before the next wait */
	struct ui_screen **stack;
	size_t		  depth;
	size_t		  cap;
	int		  leave;	/* end the loop with status */
	int		  status;
	unsigned long	  sessions;	/* sessions run: lists reread the log */
	size_t		  logged;	/* holds over every session */
	size_t		  failed;	/* holds the log did not take */
	char		  note[640];	/* said on stderr once the UI is closed */
};

/* Exit statuses for a session ended by a signal. */
#define UI_EXIT_SIGHUP	129
#define UI_EXIT_SIGINT	130
#define UI_EXIT_SIGTERM	143

/* ui.c: the terminal. */
int	 ui_check_terminal(const char *who);
int	 ui_open(struct ui *);
void	 ui_close(void);
int64_t	 ui_now(void);
int	 ui_signalled(void);	/* the signal number caught, or 0 */
void	 ui_suspend(void);
void	 ui_attr(enum ui_pair, int bold, int on);
int	 ui_small(void);	/* below UI_MIN_COLS x UI_MIN_LINES */

/* ui.c: the loop and the stack of screens. */
int	 ui_run(struct ui *);	/* until the stack is empty; the status */
void	 ui_push(struct ui *, const struct ui_screen_ops *, void *data);
void	 ui_pop(struct ui *);
void	 ui_replace(struct ui *, const struct ui_screen_ops *, void *data);
void	 ui_exit(struct ui *, int status);	/* leave once this key is done */
void	 ui_dirty(struct ui *);
struct ui_screen *ui_top(const struct ui *);
/* Whether the key is one of a table line's codes. */
int	 ui_key_is(const struct ui_key *, int key);
/* The printable ASCII key, or 0 for any other. */
int	 ui_printable(int key);

/* ui-modal.c: help and questions over the screen on top. */
typedef void (*ui_answer_fn)(struct ui *, struct ui_screen *owner, int yes);
/* The help for the top screen's keys; done(owner, 0) once it closes. */
void	 ui_help(struct ui *, ui_answer_fn done);
void	 ui_help_key(struct ui *, struct ui_screen *, int key, int arg);
/* Ask a y/n question; answer(owner, yes) once it is answered. */
void	 ui_ask(struct ui *, const char *question, const char *yes,
	     const char *no, ui_answer_fn answer);
/* The footer for a key table, fitted into the bottom line. */
void	 ui_footer(const struct ui *, struct ui_keys);

/* widgets.c: drawing pieces. */
int	 ui_put(int y, int x, const char *text, int width);
int	 ui_put_clean(int y, int x, const char *untrusted, int width);
int	 ui_wrap(int y, int x, const char *untrusted, int width, int maxlines);
void	 ui_bar(const struct ui *, int y, int x, int width, int64_t part,
	     int64_t whole);
int	 ui_big_width(const char *text, int scale);
int	 ui_big_rows(int scale);
void	 ui_big(const struct ui *, int y, int x, const char *text, int scale);
void	 ui_title(const char *left, const char *right);
void	 ui_box_message(const char *title, const char *const *lines, size_t n);
/* "L+R", "L", "R" or "" for the sides a step is held on. */
const char *ui_sides(const struct step *);
/* "today", "yesterday", "3 days ago", a date, or "never". */
char	*ui_since(long day, long today, char *buf, size_t size);

/* What a session came to, for its summary. */
struct ui_summary {
	const struct routine	*r;
	struct session_opts	 opts;
	struct session_count	 count;
	int			 quit;		/* stopped before the end */
	long			 held;		/* seconds, every record */
	long			*by_area;	/* seconds per area; owned */
	size_t			 logged;
	size_t			 failed;
	char			 log_error[512];
	int			 alone;		/* limber run ID: Enter leaves */
};

/*
 * ui-session.c: a guided session in place of the top screen (or the first
 * screen); alone for limber run ID, whose summary leaves limber.
 */
void	 ui_session_start(struct ui *, const struct routine *,
	     const struct session_opts *, int alone);
/* The options the settings give a session. */
void	 ui_session_opts(const struct ui *, struct session_opts *);
/* ui-summary.c: what a session came to, in place of the session. */
void	 ui_summary_replace(struct ui *, struct ui_summary *);

/* ui-preview.c: a routine's steps and total before it starts. */
void	 ui_preview_push(struct ui *, const struct routine *);
/* ui-area.c: the routines for one area, shortest first. */
void	 ui_area_push(struct ui *, int area);
/* ui-start.c: the start screen's tabs; ui_pick runs it. */
int	 ui_pick(struct ui *);
/* ui-session.c: limber run ID; returns the exit status. */
int	 ui_session(struct ui *, const struct routine *, int hold);

#endif
