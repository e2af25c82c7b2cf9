/* "What's sore?", the routine lists and the preview before a session. */
#include "ui/ui.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "limber/area.h"
#include "limber/day.h"
#include "limber/duration.h"
#include "limber/logread.h"
#include "limber/stats.h"
#include "limber/text.h"

#define PICK_PANE_MIN	80	/* columns for a preview pane beside a list */
#define PICK_START_WIDE	60	/* columns for every column of a step */
#define PICK_START_TALL	16	/* rows for three lines of description */

enum pick_tab {
	PICK_AREAS,
	PICK_ALL,
	PICK_HISTORY,
	PICK_TABS
};

/* The tabs, in the order Tab goes through them. */
static const char *const pick_tab_labels[PICK_TABS] = {
	"1 What's sore?",
	"2 All routines",
	"3 History",
};
#define PICK_TAB_GAP	3	/* columns between tabs, or 1 when narrow */

struct pick_list {
	const struct routine	**v;
	size_t			  n;
	int			  sel;
	int			  top;
};

struct pick {
	struct ui		*ui;
	enum pick_tab		 tab;
	int			 area_sel;
	struct pick_list	 all;
	char			 filter[64];
	int			 filtering;
	int			 help;
	struct stats		 st;		/* the log's figures */
	int			 loaded;	/* st needs stats_done */
	int			 st_error;	/* errno reading the log, or 0 */
	int			 reload;	/* a session ran: read again */
	struct ui_history	 hist;
};

/* The exit status for leaving the picker, or -1 to stay. */
#define PICK_STAY	(-1)

/* Move a list's selection by delta, keeping it on screen in rows rows. */
static void
pick_move(struct pick_list *l, int delta, int rows)
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
}

/* The movement a key asks for, or 0. */
static int
pick_delta(int ch, int rows)
{
	switch (ch) {
	case KEY_UP: case 'k':
		return -1;
	case KEY_DOWN: case 'j':
		return 1;
	case KEY_PPAGE:
		return -rows;
	case KEY_NPAGE:
		return rows;
	case KEY_HOME:
		return -100000;
	case KEY_END:
		return 100000;
	}
	return 0;
}

/* Whether a key opens what is selected. */
static int
pick_is_enter(int ch)
{
	return ch == '\r' || ch == '\n' || ch == KEY_ENTER || ch == KEY_RIGHT;
}

/* Whether a key goes back. */
static int
pick_is_back(int ch)
{
	return ch == 'q' || ch == 27 || ch == KEY_LEFT;
}

/* Read the log's figures for "last stretched" and the History tab. */
static void
pick_load(struct pick *p)
{
	struct logread	lr;
	int		error = 0;

	if (p->loaded)
		stats_done(&p->st);
	stats_init(&p->st, day_today(), p->ui->cfg, STATS_WANT_RECENT |
	    STATS_WANT_TOP);
	p->loaded = 1;
	memset(&lr, 0, sizeof lr);
	if (p->ui->log_path == NULL)
		stats_finish(&p->st);
	else if (stats_read(&p->st, &lr, p->ui->log_path) != 0)
		error = errno != 0 ? errno : EIO;
	p->st_error = error;
	ui_history_set(&p->hist, p->ui->log_path != NULL ? &p->st : NULL,
	    error, lr.bad);
	p->reload = 0;
}

/* "today", "yesterday", "3 days ago", a date, or "never" for an area. */
static void
pick_since(const struct pick *p, int area, char *buf, size_t size)
{
	long	last = STATS_NEVER;

	if (p->ui->log_path != NULL && p->st_error == 0)
		last = p->st.week[area].last;
	ui_history_since(last, p->st.today, buf, size);
}

/* Routines that work an area, shortest first. */
static int
pick_cmp_length(const void *a, const void *b)
{
	const struct routine	*ra = *(const struct routine *const *)a;
	const struct routine	*rb = *(const struct routine *const *)b;
	long			 la = routine_seconds(ra), lb = routine_seconds(rb);

	if (la != lb)
		return la < lb ? -1 : 1;
	return strcmp(ra->id, rb->id);
}

/* Fill l with the routines for an area (or all of them for -1). */
static void
pick_collect(const struct pick *p, int area, struct pick_list *l)
{
	const struct library	*lib = p->ui->lib;
	size_t			 i;

	free(l->v);
	memset(l, 0, sizeof *l);
	l->v = xcalloc(lib->n + 1, sizeof *l->v);
	for (i = 0; i < lib->n; i++) {
		if (area < 0 || routine_has_area(lib->v[i], area))
			l->v[l->n++] = lib->v[i];
	}
	if (area >= 0)
		qsort(l->v, l->n, sizeof *l->v, pick_cmp_length);
}

/* Whether hay contains needle, ignoring ASCII case. */
static int
pick_contains(const char *hay, const char *needle)
{
	size_t	i, n = strlen(needle);

	for (; *hay != '\0'; hay++) {
		for (i = 0; i < n && hay[i] != '\0' &&
		    tolower((unsigned char)hay[i]) ==
		    tolower((unsigned char)needle[i]); i++)
			;
		if (i == n)
			return 1;
	}
	return n == 0;
}

/* Whether a routine matches the typed filter (id, name or area). */
static int
pick_matches(const struct routine *r, const char *filter)
{
	size_t	i;

	if (filter[0] == '\0')
		return 1;
	if (pick_contains(r->id, filter) || pick_contains(r->name, filter))
		return 1;
	for (i = 0; i < r->nareas; i++) {
		if (pick_contains(area_name(r->areas[i]), filter))
			return 1;
	}
	return 0;
}

/* Rebuild the All list from the filter. */
static void
pick_filter(struct pick *p)
{
	struct pick_list	l;
	size_t			i;

	memset(&l, 0, sizeof l);
	pick_collect(p, -1, &l);
	free(p->all.v);
	p->all.v = xcalloc(l.n + 1, sizeof *p->all.v);
	p->all.n = 0;
	for (i = 0; i < l.n; i++) {
		if (pick_matches(l.v[i], p->filter))
			p->all.v[p->all.n++] = l.v[i];
	}
	free(l.v);
	p->all.sel = p->all.top = 0;
}

/* The title bar with the tabs. */
static void
pick_tabs(const struct pick *p)
{
	char	note[80];
	size_t	bad = p->ui->lib->bad;
	int	i, x = 1, gap = COLS >= 50 ? PICK_TAB_GAP : 1;

	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	ui_put(0, 1, "limber", 6);
	attroff(A_REVERSE);
	for (i = 0; i < PICK_TABS; i++) {
		if (p->tab == (enum pick_tab)i)
			attron(A_BOLD | A_UNDERLINE);
		x += ui_put(1, x, pick_tab_labels[i], COLS - x) + gap;
		attroff(A_BOLD | A_UNDERLINE);
	}
	if (bad == 0)
		return;
	snprintf(note, sizeof note, "%zu routine file%s skipped: see limber "
	    "check", bad, bad == 1 ? "" : "s");
	if (COLS - (int)strlen(note) - 1 < x)
		snprintf(note, sizeof note, "%zu bad routine file%s", bad,
		    bad == 1 ? "" : "s");
	if (COLS - (int)strlen(note) - 1 < x)
		return;
	ui_attr(UI_PAIR_WARN, 1, 1);
	ui_put(1, COLS - (int)strlen(note) - 1, note, (int)strlen(note));
	ui_attr(UI_PAIR_WARN, 1, 0);
}

/* One line about a routine: name, time, steps. */
static void
pick_row(const struct routine *r, int y, int width, int selected)
{
	char	clock[32];
	int	cw;

	duration_clock(routine_seconds(r), clock, sizeof clock);
	cw = (int)strlen(clock);
	if (selected)
		attron(A_REVERSE);
	mvhline(y, 0, ' ', width);
	ui_put_clean(y, 2, r->name, width - cw - 5);
	ui_put(y, width - cw - 1, clock, cw);
	if (selected)
		attroff(A_REVERSE);
}

/* A preview of a routine in a pane: steps, sides, total, tags. */
static void
pick_preview(const struct routine *r, int y, int x, int w, int h)
{
	char	line[256], clock[32], hold[32];
	size_t	i, sided = 0;
	int	end = y + h;

	for (i = 0; i < r->nsteps; i++)
		sided += r->steps[i].both_sides;
	attron(A_BOLD);
	ui_put_clean(y++, x, r->name, w);
	attroff(A_BOLD);
	snprintf(line, sizeof line, "%s, %zu steps, %zu holds",
	    duration_clock(routine_seconds(r), clock, sizeof clock), r->nsteps,
	    routine_holds(r));
	ui_put(y++, x, line, w);
	snprintf(line, sizeof line, "%zu step%s on each side", sided,
	    sided == 1 ? "" : "s");
	ui_put(y++, x, line, w);
	if (r->ntags > 0) {
		struct strbuf sb;

		sb_init(&sb);
		sb_adds(&sb, "Tags:");
		for (i = 0; i < r->ntags; i++)
			sb_addf(&sb, " %s", r->tags[i]);
		ui_put_clean(y++, x, sb.s, w);
		sb_done(&sb);
	}
	y++;
	for (i = 0; i < r->nsteps && y < end; i++) {
		const struct step *st = &r->steps[i];

		duration_format(st->hold, hold, sizeof hold);
		snprintf(line, sizeof line, "%-5s %s%s", hold,
		    st->both_sides ? "L+R " : "", st->kind == STEP_ROLL ?
		    "roll " : "");
		ui_put(y, x, line, w);
		ui_put_clean(y++, x + (int)strlen(line), st->name,
		    w - (int)strlen(line));
	}
}

/* A list of routines with a preview pane when there is room. */
static void
pick_draw_list(const struct pick_list *l, int y, int h, const char *empty)
{
	int	lw = COLS >= PICK_PANE_MIN ? COLS / 2 : COLS, i;

	if (l->n == 0) {
		ui_put(y + 1, 2, empty, COLS - 4);
		return;
	}
	for (i = 0; i < h && l->top + i < (int)l->n; i++)
		pick_row(l->v[l->top + i], y + i, lw, l->top + i == l->sel);
	if (lw < COLS)
		pick_preview(l->v[l->sel], y, lw + 2, COLS - lw - 3, h);
}

/* The areas with how long since each was stretched. */
static void
pick_draw_areas(const struct pick *p)
{
	char	line[128], since[32];
	size_t	i, n, k;
	int	y = 3, top = 0, rows = LINES - 5;

	ui_put(y++, 1, "What's sore? Pick an area (or type its first letter).",
	    COLS - 2);
	if (p->area_sel >= rows)
		top = p->area_sel - rows + 1;
	for (i = (size_t)top; i < area_count && y < LINES - 1; i++) {
		for (n = k = 0; k < p->ui->lib->n; k++)
			n += (size_t)routine_has_area(p->ui->lib->v[k], (int)i);
		pick_since(p, (int)i, since, sizeof since);
		snprintf(line, sizeof line, "  %-16s %2zu routine%s  last "
		    "stretched: %s", area_name((int)i), n, n == 1 ? " " : "s",
		    since);
		if ((int)i == p->area_sel)
			attron(A_REVERSE);
		mvhline(y, 0, ' ', COLS >= 60 ? 60 : COLS);
		ui_put(y++, 0, line, COLS);
		attroff(A_REVERSE);
	}
}

/* The keys, over the picker. */
static void
pick_draw_help(const struct pick *p)
{
	static const char *const lines[] = {
		"Up, Down, j, k   move",
		"Enter            open / start",
		"q, Esc           back (quit from the top)",
		"Tab, 1, 2, 3     switch tabs",
		"a letter         jump to an area / filter routines",
		"+ / -            longer / shorter holds (preview)",
		"?                close this help",
	};

	if (p->tab == PICK_HISTORY)
		ui_history_help(&p->hist);
	else
		ui_box_message("Keys", lines, sizeof lines / sizeof lines[0]);
}

/* Draw the picker's current tab. */
static void
pick_draw(struct pick *p)
{
	char	line[128];

	erase();
	if (COLS < UI_MIN_COLS || LINES < UI_MIN_LINES) {
		ui_put(0, 0, "Make the terminal larger", COLS);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	pick_tabs(p);
	if (p->tab == PICK_HISTORY) {
		ui_history_draw(&p->hist, LINES >= 20 ? 3 : 2);
	} else if (p->tab == PICK_AREAS) {
		pick_draw_areas(p);
	} else {
		snprintf(line, sizeof line, "Filter: %s%s", p->filter,
		    p->filtering ? "_" : "  (type to filter)");
		ui_put_clean(3, 1, line, COLS - 2);
		pick_move(&p->all, 0, LINES - 6);
		pick_draw_list(&p->all, 4, LINES - 6, "No routine matches.");
	}
	if (p->tab != PICK_HISTORY)
		ui_keys(LINES - 1, p->ui->utf8 ? "\xe2\x86\x91\xe2\x86\x93 "
		    "move  Enter open  Tab switch  q quit  ? help" : "Up/Down "
		    "move  Enter open  Tab switch  q quit  ? help");
	if (p->help)
		pick_draw_help(p);
	wnoutrefresh(stdscr);
	doupdate();
}

/* Seconds of a routine with every hold set to hold (0 keeps them). */
static long
pick_seconds(const struct routine *r, int hold)
{
	long	total = 0;
	size_t	i;

	for (i = 0; i < r->nsteps; i++) {
		struct step st = r->steps[i];

		if (hold > 0)
			st.hold = hold;
		total += step_seconds(&st);
	}
	return total;
}

/* One step of the preview: full columns, or hold and name when narrow. */
static void
pick_start_step(const struct routine *r, size_t i, int hold, int y)
{
	const struct step	*st = &r->steps[i];
	char			 line[160], h[32];

	duration_format(hold > 0 ? hold : st->hold, h, sizeof h);
	if (COLS < PICK_START_WIDE)
		snprintf(line, sizeof line, "%2zu. %-4s %s", i + 1, h,
		    st->both_sides ? "L+R " : "");
	else
		snprintf(line, sizeof line, "%2zu. %-7s %-14s %5s x%d  ", i + 1,
		    step_kind_name(st->kind), area_name(st->area), h,
		    st->reps);
	ui_put(y, 1, line, COLS - 2);
	if (COLS < PICK_START_WIDE) {
		ui_put_clean(y, 1 + (int)strlen(line), st->name,
		    COLS - 2 - (int)strlen(line));
		return;
	}
	ui_put_clean(y, 1 + (int)strlen(line), st->name,
	    COLS - 9 - (int)strlen(line));
	if (st->both_sides)
		ui_put(y, COLS - 8, " L + R", 6);
}

/* Draw the preview before starting: steps, total and the hold prompt. */
static void
pick_draw_start(const struct routine *r, int hold)
{
	char	line[160], clock[32], h[32];
	size_t	i;
	int	y = 2, last = LINES - 6, narrow = COLS < PICK_START_WIDE;

	erase();
	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	ui_put_clean(0, 1, r->name, COLS - 2);
	attroff(A_REVERSE);
	if (r->description != NULL)
		y += ui_wrap(y, 1, r->description, COLS - 2,
		    LINES < PICK_START_TALL ? 1 : 3) + 1;
	for (i = 0; i < r->nsteps && y <= last; i++, y++) {
		if (y == last && i + 1 < r->nsteps) {
			snprintf(line, sizeof line, "    and %zu more steps",
			    r->nsteps - i);
			ui_put(y++, 1, line, COLS - 2);
			break;
		}
		pick_start_step(r, i, hold, y);
	}
	y++;
	snprintf(line, sizeof line, "Total %s", duration_clock(
	    pick_seconds(r, hold), clock, sizeof clock));
	ui_put(y++, 1, line, COLS - 2);
	if (hold > 0)
		snprintf(line, sizeof line, narrow ? "Holds: %s each (0 resets)" :
		    "Holds: %s each for this session  (+/- change, 0 as "
		    "written)", duration_format(hold, h, sizeof h));
	else
		snprintf(line, sizeof line, narrow ? "Holds: as written" :
		    "Holds: as written  (+/- to set them longer or shorter)");
	attron(A_BOLD);
	ui_put(y, 1, line, COLS - 2);
	attroff(A_BOLD);
	ui_keys(LINES - 1, "Enter start  +/- hold  q back");
	wnoutrefresh(stdscr);
	doupdate();
}

/* The preview: Enter starts the session (its status), q goes back. */
static int
pick_start(struct pick *p, const struct routine *r)
{
	int	hold = 0, ch, base = r->nsteps > 0 ? r->steps[0].hold : 30;

	for (;;) {
		pick_draw_start(r, hold);
		ch = ui_getch(-1, 0);
		if (ui_signalled())
			return 128 + ui_signalled();
		if (pick_is_back(ch) && ch != KEY_RIGHT)
			return PICK_STAY;
		if (ch == '\r' || ch == '\n' || ch == KEY_ENTER || ch == ' ') {
			p->reload = 1;
			return ui_session(p->ui, r, hold);
		}
		if (ch == '+' || ch == '=')
			hold = (hold > 0 ? hold : base) + 5;
		else if (ch == '-')
			hold = (hold > 0 ? hold : base) - 5;
		else if (ch == '0' || ch == 'r')
			hold = 0;
		if (hold != 0 && hold < STEP_HOLD_MIN)
			hold = STEP_HOLD_MIN;
		if (hold > STEP_HOLD_MAX)
			hold = STEP_HOLD_MAX;
	}
}

/* The routines for one area; Enter previews one. */
static int
pick_area(struct pick *p, int area)
{
	struct pick_list	l;
	char			line[128];
	int			ch, status = PICK_STAY, rows;

	memset(&l, 0, sizeof l);
	pick_collect(p, area, &l);
	while (status == PICK_STAY) {
		rows = LINES - 5;
		pick_move(&l, 0, rows);
		erase();
		attron(A_REVERSE);
		mvhline(0, 0, ' ', COLS);
		snprintf(line, sizeof line, "limber: %s", area_name(area));
		ui_put(0, 1, line, COLS - 2);
		attroff(A_REVERSE);
		ui_put(2, 1, "Routines, shortest first:", COLS - 2);
		pick_draw_list(&l, 3, rows, "No routine works this area yet.");
		ui_keys(LINES - 1, "Enter preview  q back  ? help");
		wnoutrefresh(stdscr);
		doupdate();
		ch = ui_getch(-1, 0);
		if (ui_signalled())
			status = 128 + ui_signalled();
		else if (pick_is_back(ch))
			break;
		else if (pick_is_enter(ch) && l.n > 0)
			status = pick_start(p, l.v[l.sel]);
		else
			pick_move(&l, pick_delta(ch, rows), rows);
	}
	free(l.v);
	return status;
}

/* Jump to the next area whose name starts with the letter c. */
static void
pick_jump(struct pick *p, int c)
{
	size_t	i, k;

	for (k = 1; k <= area_count; k++) {
		i = ((size_t)p->area_sel + k) % area_count;
		if (tolower((unsigned char)area_table[i].name[0]) == tolower(c)) {
			p->area_sel = (int)i;
			return;
		}
	}
}

/* A key on the areas tab. */
static int
pick_key_areas(struct pick *p, int ch)
{
	int	d = pick_delta(ch, LINES - 5);

	if (pick_is_enter(ch))
		return pick_area(p, p->area_sel);
	if (d != 0) {
		p->area_sel += d;
		if (p->area_sel < 0)
			p->area_sel = 0;
		if (p->area_sel >= (int)area_count)
			p->area_sel = (int)area_count - 1;
	} else if (ch < 128 && isalpha(ch))
		pick_jump(p, ch);
	return PICK_STAY;
}

/* A key on the All tab: typing filters, arrows move. */
static int
pick_key_all(struct pick *p, int ch)
{
	size_t	len = strlen(p->filter);
	int	d = pick_delta(ch, LINES - 6);

	if (pick_is_enter(ch) && ch != KEY_RIGHT) {
		if (p->filtering) {
			p->filtering = 0;
			return PICK_STAY;
		}
		return p->all.n > 0 ? pick_start(p, p->all.v[p->all.sel]) :
		    PICK_STAY;
	}
	if (ch == KEY_BACKSPACE || ch == 127 || ch == 8) {
		if (len > 0)
			p->filter[len - 1] = '\0';
		pick_filter(p);
		p->filtering = 1;
	} else if ((p->filtering || (ch != 'j' && ch != 'k')) && ch < 127 &&
	    (isalnum(ch) || ch == '-' || ch == ' ') && len + 1 <
	    sizeof p->filter) {
		p->filter[len] = (char)ch;
		p->filter[len + 1] = '\0';
		p->filtering = 1;
		pick_filter(p);
	} else if (d != 0)
		pick_move(&p->all, ch == KEY_UP || ch == KEY_DOWN ||
		    !p->filtering ? d : 0, LINES - 6);
	return PICK_STAY;
}

/* Handle one key; the exit status or PICK_STAY. */
static int
pick_key(struct pick *p, int ch)
{
	if (p->help) {
		p->help = 0;
		return PICK_STAY;
	}
	if (ch == 27 && p->tab == PICK_ALL && p->filtering) {
		p->filtering = 0;
		p->filter[0] = '\0';
		pick_filter(p);
		return PICK_STAY;
	}
	if (ch == '?' || ch == 27 || ch == '\t' || ch == KEY_BTAB ||
	    (!p->filtering && (ch == 'q' || (ch >= '1' &&
	    ch < '1' + PICK_TABS)))) {
		if (ch == '?')
			p->help = 1;
		else if (ch == 'q' || ch == 27)
			return 0;
		else if (ch == '\t')
			p->tab = (p->tab + 1) % PICK_TABS;
		else if (ch == KEY_BTAB)
			p->tab = (p->tab + PICK_TABS - 1) % PICK_TABS;
		else
			p->tab = (enum pick_tab)(ch - '1');
		return PICK_STAY;
	}
	if (p->tab == PICK_HISTORY) {
		ui_history_key(&p->hist, ch);
		return PICK_STAY;
	}
	if (p->tab == PICK_AREAS)
		return pick_key_areas(p, ch);
	return pick_key_all(p, ch);
}

/* The start screen; returns the exit status. */
int
ui_pick(struct ui *ui)
{
	struct pick	p;
	int		status = PICK_STAY, ch, dirty = 1;

	memset(&p, 0, sizeof p);
	p.ui = ui;
	ui_history_init(&p.hist, ui);
	pick_load(&p);
	pick_filter(&p);
	while (status == PICK_STAY) {
		if (dirty)
			pick_draw(&p);
		ch = ui_getch(-1, 0);
		dirty = ch != ERR;
		if (ui_signalled())
			status = 128 + ui_signalled();
		else if (ch == KEY_CTRL('c'))
			status = UI_EXIT_SIGINT;
		else if (ch != ERR && ch != KEY_RESIZE)
			status = pick_key(&p, ch);
		if (status == PICK_STAY && p.reload) {
			pick_load(&p);
			dirty = 1;
		}
	}
	free(p.all.v);
	if (p.loaded)
		stats_done(&p.st);
	return status;
}
