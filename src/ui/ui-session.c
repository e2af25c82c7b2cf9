/* The session screen: the engine on a clock, drawn, logged as it goes. */
#include "ui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curses.h>

#include "limber/area.h"
#include "limber/duration.h"
#include "limber/holdlog.h"
#include "limber/session.h"
#include "limber/text.h"


struct run {
	struct ui		*ui;
	const struct routine	*r;
	struct session		 s;
	time_t			 wall0;		/* wall clock at mono0 */
	int64_t			 mono0;
	size_t			 done;		/* holds by outcome */
	size_t			 partial;
	size_t			 skipped;
	long			 held;		/* seconds, all holds */
	long			*by_area;	/* seconds per area */
	size_t			 logged;
	size_t			 failed;	/* holds the log did not take */
	int			 failing;	/* the last one failed */
	char			 log_error[512];	/* why, the last time */
	int			 confirm;	/* asking "quit?" */
	int			 help;
};

/* Write one record to the log; a failure is shown, the session goes on. */
static void
run_log(struct run *rn, const struct session_record *rec)
{
	const struct step	*st = &rn->r->steps[rec->step];
	struct holdlog_record	 h;
	char			 err[sizeof rn->log_error];

	if (rn->ui->log_path == NULL) {
		snprintf(rn->log_error, sizeof rn->log_error, "no home folder; "
		    "holds are not logged");
		rn->failed++;
		rn->failing = 1;
		return;
	}
	memset(&h, 0, sizeof h);
	h.start = rn->wall0 + (time_t)((rec->start - rn->mono0) / 1000);
	h.routine = rn->r->id;
	h.step = st->name;
	h.kind = st->kind;
	h.area = st->area;
	h.side = rec->side;
	h.target = rec->target;
	h.held = rec->held;
	h.outcome = rec->outcome;
	if (holdlog_append(rn->ui->log_path, &h, err, sizeof err) == 0) {
		rn->logged++;
		rn->failing = 0;
		return;
	}
	snprintf(rn->log_error, sizeof rn->log_error, "%s", err);
	rn->failed++;
	rn->failing = 1;
}

/* Count a record for the summary, and log it. */
static void
run_record(struct run *rn, const struct session_record *rec)
{
	if (rec->outcome == HOLD_DONE)
		rn->done++;
	else if (rec->outcome == HOLD_PARTIAL)
		rn->partial++;
	else
		rn->skipped++;
	rn->held += rec->held;
	rn->by_area[rn->r->steps[rec->step].area] += rec->held;
	run_log(rn, rec);
}

/* Handle what the engine said; 1 once the session is over. */
static int
run_events(struct run *rn)
{
	struct session_event	ev;
	int			over = 0;

	while (session_event(&rn->s, &ev)) {
		switch (ev.type) {
		case SESSION_EV_RECORD:
			run_record(rn, &ev.record);
			break;
		case SESSION_EV_BELL:
			if (rn->ui->cfg->bell)
				beep();
			break;
		case SESSION_EV_DONE:
			over = 1;
			break;
		case SESSION_EV_PHASE:
			break;
		}
		rn->ui->dirty = 1;
	}
	return over;
}

/* "m:ss" of milliseconds, rounded up as a countdown shows it. */
static char *
run_clock(int64_t ms, char *buf, size_t size)
{
	return duration_clock((ms + 999) / 1000, buf, size);
}

/* What the side is called in big type, or NULL. */
static const char *
run_side(enum session_side side)
{
	if (side == SIDE_LEFT)
		return "LEFT";
	if (side == SIDE_RIGHT)
		return "RIGHT";
	return NULL;
}

/* The colour for the phase. */
static enum ui_pair
run_pair(const struct run *rn)
{
	if (rn->s.phase != SESSION_HOLD)
		return UI_PAIR_REST;
	if (rn->r->steps[rn->s.holds[rn->s.cur].step].kind == STEP_ROLL)
		return UI_PAIR_ROLL;
	return UI_PAIR_STRETCH;
}

/* The prompt with the count of the last three seconds. */
static void
run_prompt(const struct run *rn, int64_t now, char *buf, size_t size)
{
	int64_t	rem = session_remaining(&rn->s, now);
	int	secs = (int)((rem + 999) / 1000);

	if (!rn->s.paused && rn->s.phase != SESSION_DONE && secs >= 1 &&
	    secs <= 3)
		snprintf(buf, size, "%s ... %d", session_prompt(&rn->s), secs);
	else
		snprintf(buf, size, "%s", session_prompt(&rn->s));
}

/* "Next: Wall calf stretch, right side" for the hold after this one. */
static void
run_next(const struct run *rn, char *buf, size_t size)
{
	size_t				 i = rn->s.cur + 1;
	const struct session_hold	*h;
	char				*name;

	if (rn->s.phase != SESSION_HOLD)
		i = rn->s.cur;
	if (i >= rn->s.nholds) {
		snprintf(buf, size, "Next: done");
		return;
	}
	h = &rn->s.holds[i];
	name = text_sanitize(rn->r->steps[h->step].name, 0);
	if (h->side != SIDE_NONE)
		snprintf(buf, size, "Next: %s, %s side", name,
		    session_side_name(h->side));
	else
		snprintf(buf, size, "Next: %s", name);
	free(name);
}

/* The title line: routine name and step n/N. */
static void
run_title(const struct run *rn)
{
	const struct session_hold	*h = &rn->s.holds[rn->s.cur];
	char				 step[32];
	int				 w;

	snprintf(step, sizeof step, "step %zu/%zu", h->step + 1, rn->r->nsteps);
	w = (int)strlen(step);
	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	ui_put_clean(0, 1, rn->r->name, COLS - w - 4);
	ui_put(0, COLS - w - 1, step, w);
	attroff(A_REVERSE);
}

/* "STRETCH · Calves" and the step name. */
static void
run_what(const struct run *rn, int y)
{
	const struct session_hold *h = &rn->s.holds[rn->s.cur];
	const struct step	*st = &rn->r->steps[h->step];
	const char		*dot = rn->ui->utf8 ? "\xc2\xb7" : "-";
	char			 what[96];

	snprintf(what, sizeof what, "%s %s %s%s%s%s", st->kind == STEP_ROLL ?
	    "ROLL" : "STRETCH", dot, area_name(st->area),
	    h->side != SIDE_NONE ? " " : "", h->side != SIDE_NONE ? dot : "",
	    h->side == SIDE_LEFT ? " LEFT side" : h->side == SIDE_RIGHT ?
	    " RIGHT side" : "");
	ui_attr(run_pair(rn), 1, 1);
	ui_put(y, 1, what, COLS - 2);
	ui_attr(run_pair(rn), 1, 0);
	attron(A_BOLD);
	ui_put_clean(y + 1, 1, st->name, COLS - 2);
	attroff(A_BOLD);
}

/* The bottom half both layouts share: bars, cue, next, keys, log error. */
static void
run_lower(const struct run *rn, int64_t now, int y, int cue_lines)
{
	const struct step	*st = &rn->r->steps[rn->s.holds[rn->s.cur].step];
	char			 buf[256], a[32], b[32];
	int64_t			 total = session_total_ms(&rn->s);
	int			 w = COLS - 2;

	run_prompt(rn, now, buf, sizeof buf);
	ui_attr(run_pair(rn), 1, 1);
	ui_put(y, 1, buf, w);
	ui_attr(run_pair(rn), 1, 0);
	snprintf(buf, sizeof buf, " %s / %s",
	    duration_clock(session_elapsed(&rn->s, now) / 1000, a, sizeof a),
	    run_clock(rn->s.length, b, sizeof b));
	ui_bar(rn->ui, y + 1, 1, w - (int)strlen(buf), session_elapsed(&rn->s,
	    now), rn->s.length);
	ui_put(y + 1, 1 + w - (int)strlen(buf), buf, (int)strlen(buf));
	if (st->cue != NULL)
		ui_wrap(y + 2, 1, st->cue, w, cue_lines);
	run_next(rn, buf, sizeof buf);
	ui_attr(UI_PAIR_DIM, 0, 1);
	ui_put_clean(y + 2 + cue_lines, 1, buf, w);
	ui_attr(UI_PAIR_DIM, 0, 0);
	snprintf(buf, sizeof buf, " %s left",
	    run_clock(total - session_progress_ms(&rn->s, now), a, sizeof a));
	ui_bar(rn->ui, y + 3 + cue_lines, 1, w - (int)strlen(buf),
	    session_progress_ms(&rn->s, now), total);
	ui_put(y + 3 + cue_lines, 1 + w - (int)strlen(buf), buf,
	    (int)strlen(buf));
	if (rn->failing) {
		ui_attr(UI_PAIR_WARN, 1, 1);
		ui_put_clean(LINES - 2, 1, rn->log_error, w);
		ui_attr(UI_PAIR_WARN, 1, 0);
	}
}

/* The full layout: side and countdown in big type. */
static void
run_draw_full(const struct run *rn, int64_t now)
{
	const char	*side = run_side(rn->s.holds[rn->s.cur].side);
	char		 clock[32];
	int		 cw;

	run_title(rn);
	run_what(rn, 2);
	run_clock(session_remaining(&rn->s, now), clock, sizeof clock);
	cw = ui_big_width(clock);
	ui_attr(run_pair(rn), 1, 1);
	if (side != NULL)
		ui_big(rn->ui, 5, 2, side);
	ui_big(rn->ui, 5, COLS - cw - 2, clock);
	ui_attr(run_pair(rn), 1, 0);
	run_lower(rn, now, 11, 3);
	ui_keys(LINES - 1, rn->ui->utf8 ? "Space pause  \xe2\x86\x92 skip  "
	    "\xe2\x86\x90 back  +/- 5 s  Enter start  q quit  ? help" :
	    "Space pause  Right skip  Left back  "
	    "+/- 5 s  Enter start  q quit  ? help");
}

/* The compact layout for small terminals. */
static void
run_draw_compact(const struct run *rn, int64_t now)
{
	const char	*side = run_side(rn->s.holds[rn->s.cur].side);
	char		 line[64], clock[32];

	run_title(rn);
	run_what(rn, 1);
	run_clock(session_remaining(&rn->s, now), clock, sizeof clock);
	snprintf(line, sizeof line, "%s%s%s", side ? side : "",
	    side ? "   " : "", clock);
	ui_attr(run_pair(rn), 1, 1);
	ui_put(3, 1, line, COLS - 2);
	ui_attr(run_pair(rn), 1, 0);
	run_lower(rn, now, 4, LINES >= 14 ? 2 : 1);
	ui_keys(LINES - 1, rn->ui->utf8 ? "Spc pause \xe2\x86\x92 skip "
	    "\xe2\x86\x90 back +/- q ?" : "Spc pause > skip < back "
	    "+/- q ?");
}

/* Below the smallest layout: ask for room, keep the timer visible. */
static void
run_draw_tiny(const struct run *rn, int64_t now)
{
	char	clock[32];

	run_clock(session_remaining(&rn->s, now), clock, sizeof clock);
	ui_put(0, 0, "Make the terminal larger", COLS);
	ui_put(1, 0, session_prompt(&rn->s), COLS);
	ui_put(2, 0, clock, COLS);
}

/* The keys, over the session. */
static void
run_draw_help(void)
{
	static const char *const lines[] = {
		"Space      pause / resume",
		"Right, l   skip this hold",
		"Left, h    back to the previous hold",
		"+ / -      5 s more / less",
		"Enter      start now (while getting ready)",
		"Ctrl-Z     pause and suspend",
		"q, Esc     quit (asks first)",
		"?          close this help",
	};

	ui_box_message("Keys", lines, sizeof lines / sizeof lines[0]);
}

/* Draw the session screen. */
static void
run_draw(struct run *rn, int64_t now)
{
	static const char *const ask[] = { "Quit this session? y / n" };

	erase();
	if (COLS < UI_MIN_COLS || LINES < UI_MIN_LINES)
		run_draw_tiny(rn, now);
	else if (COLS >= UI_FULL_COLS && LINES >= UI_FULL_LINES)
		run_draw_full(rn, now);
	else
		run_draw_compact(rn, now);
	if (rn->help && COLS >= UI_MIN_COLS)
		run_draw_help();
	if (rn->confirm)
		ui_box_message("Quit", ask, 1);
	wnoutrefresh(stdscr);
	doupdate();
	rn->ui->dirty = 0;
}

/* The engine action for a key, or -1. */
static int
run_action(int ch)
{
	static const struct {
		int			key;
		enum session_action	act;
	} keys[] = {
		{ ' ', SESSION_PAUSE },
		{ KEY_RIGHT, SESSION_SKIP }, { 'l', SESSION_SKIP },
		{ KEY_LEFT, SESSION_BACK }, { 'h', SESSION_BACK },
		{ '+', SESSION_MORE }, { '=', SESSION_MORE },
		{ '-', SESSION_LESS }, { '_', SESSION_LESS },
		{ '\r', SESSION_START }, { '\n', SESSION_START },
		{ KEY_ENTER, SESSION_START },
	};
	size_t	i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		if (keys[i].key == ch)
			return (int)keys[i].act;
	}
	return -1;
}

/* Handle a key during the session. */
static void
run_key(struct run *rn, int ch, int64_t now)
{
	int	act;

	rn->ui->dirty = 1;
	if (rn->confirm) {
		if (ch == 'y' || ch == 'Y')
			session_act(&rn->s, SESSION_QUIT, now);
		rn->confirm = 0;
		return;
	}
	if (ch == 'q' || ch == 'Q' || ch == 27) {
		rn->confirm = !rn->help;
		rn->help = 0;
		return;
	}
	if (ch == '?') {
		rn->help = !rn->help;
		return;
	}
	if (ch == KEY_CTRL('z')) {
		if (!rn->s.paused)
			session_act(&rn->s, SESSION_PAUSE, now);
		ui_suspend();
		return;
	}
	if ((act = run_action(ch)) >= 0)
		session_act(&rn->s, (enum session_action)act, now);
}

/* The summary line for one area, if it was worked. */
static int
run_summary_areas(const struct run *rn, int y)
{
	char	line[96], clock[32];
	size_t	i;

	for (i = 0; i < area_count && y < LINES - 3; i++) {
		if (rn->by_area[i] == 0)
			continue;
		snprintf(line, sizeof line, "  %-16s %s", area_name((int)i),
		    duration_clock(rn->by_area[i], clock, sizeof clock));
		ui_put(y++, 1, line, COLS - 2);
	}
	return y;
}

/* Draw the end of session summary. */
static void
run_draw_summary(const struct run *rn)
{
	char	line[600], clock[32];
	int	y = 2;

	erase();
	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	ui_put_clean(0, 1, rn->r->name, COLS - 2);
	attroff(A_REVERSE);
	attron(A_BOLD);
	ui_put(y++, 1, rn->s.quit ? "Session stopped" : "Session complete",
	    COLS - 2);
	attroff(A_BOLD);
	y++;
	snprintf(line, sizeof line, "Holds done: %zu of %zu  (%zu partial, "
	    "%zu skipped)", rn->done, rn->s.nholds, rn->partial, rn->skipped);
	ui_put(y++, 1, line, COLS - 2);
	snprintf(line, sizeof line, "Time held:  %s",
	    duration_clock(rn->held, clock, sizeof clock));
	ui_put(y++, 1, line, COLS - 2);
	y = run_summary_areas(rn, y);
	y++;
	if (rn->failed > 0)
		snprintf(line, sizeof line, "Logged %zu of %zu holds: %s",
		    rn->logged, rn->logged + rn->failed, rn->log_error);
	else
		snprintf(line, sizeof line, "Logged %zu hold%s to %s", rn->logged,
		    rn->logged == 1 ? "" : "s", rn->ui->log_path ?
		    rn->ui->log_path : "-");
	ui_wrap(y, 1, line, COLS - 2, 3);
	ui_keys(LINES - 1, "q or Enter to leave");
	wnoutrefresh(stdscr);
	doupdate();
}

/* Show the summary until q or Enter; the exit status. */
static int
run_summary(struct run *rn)
{
	int	ch;

	for (;;) {
		run_draw_summary(rn);
		ch = ui_getch(-1, 0);
		if (ui_signalled())
			return 128 + ui_signalled();
		if (ch == 'q' || ch == 'Q' || ch == '\r' || ch == '\n' ||
		    ch == KEY_ENTER || ch == 27)
			return 0;
	}
}

/* Stop at once (a signal, Ctrl-C): the hold under way is logged as partial. */
static int
run_stop(struct run *rn, int64_t now, int status)
{
	session_act(&rn->s, SESSION_QUIT, now);
	run_events(rn);
	return status;
}

/* Run a routine to its end (or quit); returns the exit status. */
int
ui_session(struct ui *ui, const struct routine *r, int hold)
{
	struct session_opts	 opts;
	struct run		 rn;
	int64_t			 now;
	int			 ch, status = -1;

	memset(&rn, 0, sizeof rn);
	rn.ui = ui;
	rn.r = r;
	rn.by_area = xcalloc(area_count, sizeof *rn.by_area);
	opts.prepare = ui->cfg->prepare;
	opts.switch_secs = ui->cfg->switch_secs;
	opts.hold = hold;
	rn.mono0 = now = ui_now();
	rn.wall0 = time(NULL);
	session_init(&rn.s, r, &opts, now);
	while (status < 0) {
		now = ui_now();
		if (ui_signalled()) {
			status = run_stop(&rn, now, 128 + ui_signalled());
			break;
		}
		session_tick(&rn.s, now);
		if (run_events(&rn)) {
			status = run_summary(&rn);
			break;
		}
		run_draw(&rn, now);
		ch = ui_getch(session_wake(&rn.s, now), now);
		if (ch == KEY_CTRL('c'))
			status = run_stop(&rn, ui_now(), UI_EXIT_SIGINT);
		else if (ch == KEY_RESIZE)
			ui->dirty = 1;
		else if (ch != ERR)
			run_key(&rn, ch, ui_now());
	}
	if (rn.failed > 0) {
		snprintf(ui->note, sizeof ui->note, "limber: %zu of %zu holds "
		    "were not logged: %s", rn.failed, rn.logged + rn.failed,
		    rn.log_error);
		if (status == 0)
			status = 1;
	}
	session_free(&rn.s);
	free(rn.by_area);
	return status;
}
