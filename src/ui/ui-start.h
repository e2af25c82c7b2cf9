/*
 * What the start screen's tabs share: the log's figures, each tab's place,
 * and the routine lists. Each tab is a screen of its own (ui-start.c,
 * ui-all.c, ui-history.c); switching tabs puts one in the other's place,
 * and this state, which ui_pick owns, outlives them.
 */
#ifndef LIMBER_UI_START_H
#define LIMBER_UI_START_H

#include "ui/ui.h"

#include "limber/stats.h"

enum start_tab {
	START_SORE,
	START_ALL,
	START_HISTORY,
	START_TABS
};

/* A list of routines with a selection, scrolled to keep it in view. */
struct ui_list {
	const struct routine	**v;
	size_t			  n;
	int			  sel;
	int			  top;
};

/* The History tab's figures and place: filter, scroll and which pane. */
struct ui_history {
	const struct ui		*ui;
	const struct stats	*st;	/* NULL: no figures to show */
	int	error;		/* errno reading the log, or 0 */
	long	skipped;	/* malformed lines */
	int	area;		/* the recent filter, or -1 */
	int	top;		/* first recent hold shown */
	int	rows;		/* recent holds shown last time */
	int	most;		/* the list shows "Most done" */
	int	pane;		/* the one pane shown when short */
	int	compact;	/* short: one pane at a time */
	int	both;		/* both lists are shown */
};

struct start {
	struct stats		 st;		/* the log's figures */
	int			 loaded;	/* st needs stats_done */
	int			 error;		/* errno reading the log, or 0 */
	long			 skipped;	/* malformed lines */
	unsigned long		 seen;		/* ui->sessions when read */
	enum start_tab		 tab;
	int			 sore;		/* the area selected */
	struct ui_list		 all;
	char			 filter[64];
	int			 typing;	/* the filter has the keys */
	struct ui_history	 hist;
};

/* The lines every tab's key table ends with. */
#define START_KEYS_TABS							\
	{ { '\t', KEY_BTAB, '1', '2', '3' }, "Tab", NULL, "switch",	\
	    "switch tabs", UI_BOTH, start_tab_key, 0 },			\
	{ { 'q' }, "q", NULL, "quit", "leave limber", UI_BOTH,		\
	    start_quit_key, 0 },						\
	UI_KEY_HELP

/* ui-start.c */
void	 start_tabs(struct ui *, const struct start *);
void	 start_tab_key(struct ui *, struct ui_screen *, int key, int arg);
void	 start_show(struct ui *, struct ui_screen *);
void	 start_quit_key(struct ui *, struct ui_screen *, int key, int arg);
void	 start_switch(struct ui *, struct start *, enum start_tab);
/* Whether the log's figures can be shown. */
int	 start_has_figures(const struct ui *, const struct start *);

/* ui-all.c */
extern const struct ui_screen_ops start_all_ops;
void	 all_filter(struct ui *, struct start *);
/* ui-history.c */
extern const struct ui_screen_ops start_history_ops;
void	 history_reset(const struct ui *, struct start *);

/* ui-list.c: a routine list with a preview pane beside it when wide. */
void	 ui_list_fill(const struct ui *, struct ui_list *, int area);
void	 ui_list_free(struct ui_list *);
void	 ui_list_move(struct ui_list *, int delta, int rows);
void	 ui_list_draw(const struct ui *, struct ui_list *, int y, int rows,
	     const char *empty);
/* The movement a key asks for in rows rows (arrows, j/k, pages), or 0. */
int	 ui_list_delta(int key, int rows);

#endif
