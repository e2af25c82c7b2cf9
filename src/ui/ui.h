/* The ncurses front end: the only code that includes curses. */
#ifndef LIMBER_UI_H
#define LIMBER_UI_H

#include <stddef.h>
#include <stdint.h>

#include "limber/config.h"
#include "limber/library.h"
#include "limber/routine.h"

#define UI_MIN_COLS	40	/* below this, "make the terminal larger" */
#define KEY_CTRL(c)	((c) & 0x1f)
#define UI_MIN_LINES	12
#define UI_FULL_COLS	72	/* the full layout with big type */
#define UI_FULL_LINES	22

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


/* What the screens share. */
struct ui {
	struct library	*lib;
	struct config	*cfg;
	char		*log_path;	/* NULL when there is no home */
	int		 colour;	/* colours in use */
	int		 utf8;		/* block glyphs; else ASCII */
	int		 dirty;		/* redraw before sleeping */
	char		 note[640];	/* said on stderr once the UI is closed */
};

/* The History tab: a view of figures the picker read from the log. */
struct stats;
struct ui_history {
	const struct ui		*ui;
	const struct stats	*st;		/* NULL: no folder for the log */
	int			 error;		/* errno reading the log, or 0 */
	long			 skipped;	/* malformed lines */
	int			 area;		/* the recent filter, or -1 */
	int			 top;		/* first recent hold shown */
	int			 rows;		/* recent holds shown last time */
	int			 most;		/* the list shows "Most done" */
	int			 pane;		/* the one pane shown when short */
	int			 compact;	/* short: one pane at a time */
	int			 both;		/* both lists are shown */
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
int	 ui_getch(int64_t wake, int64_t now);
void	 ui_suspend(void);
void	 ui_attr(enum ui_pair, int bold, int on);

/* widgets.c: drawing pieces. */
int	 ui_put(int y, int x, const char *text, int width);
int	 ui_put_clean(int y, int x, const char *untrusted, int width);
int	 ui_wrap(int y, int x, const char *untrusted, int width, int maxlines);
void	 ui_bar(const struct ui *, int y, int x, int width, int64_t part,
	     int64_t whole);
int	 ui_big_width(const char *text);
void	 ui_big(const struct ui *, int y, int x, const char *text);
void	 ui_keys(int y, const char *keys);
void	 ui_box_message(const char *title, const char *const *lines, size_t n);

/* ui-history.c: the History tab, drawn from row y down. */
void	 ui_history_init(struct ui_history *, const struct ui *);
void	 ui_history_set(struct ui_history *, const struct stats *, int error,
	     long skipped);
void	 ui_history_draw(struct ui_history *, int y);
int	 ui_history_key(struct ui_history *, int ch);	/* 1 if used */
void	 ui_history_help(const struct ui_history *);
char	*ui_history_since(long day, long today, char *buf, size_t size);

/* ui-session.c: a guided session; returns the exit status. */
int	 ui_session(struct ui *, const struct routine *, int hold);

/* ui-pick.c: "What's sore?" and the routine lists; returns the exit status. */
int	 ui_pick(struct ui *);

#endif
