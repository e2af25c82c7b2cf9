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

#define RUN_TOP		5	/* the first row of big type */
#define RUN_LOWER	8	/* rows below it: prompt, bar, cue, next, total */
#define RUN_SCALE_MAX	4

struct run {
	const struct routine	*r;
	struct session_opts	 opts;
	struct session		 s;
	time_t			 wall0;		/* wall clock at mono0 */
	int64_t			 mono0;
	long			 held;		/* seconds, all holds */
	long			*by_area;	/* seconds per area */
	size_t			 logged;
	size_t			 failed;	/* holds the log did not take */
	int			 failing;	/* the last one failed */
	char			 log_error[512];	/* why, the last time */
	int			 paused_by_us;	/* for a question or the help */
	int			 alone;		/* limber run ID */
};

/* Write one record to the log; a failure is shown, the session goes on. */
static void
run_log(struct ui *ui, struct run *rn, const struct session_record *rec)
{
	struct holdlog_record	h;
	char			err[sizeof rn->log_error];

	if (ui->log_path == NULL) {
		snprintf(rn->log_error, sizeof rn->log_error, "no home folder; "
		    "holds are not logged");
		rn->failed++;
		rn->failing = 1;
		return;
	}
	holdlog_from_session(&h, rn->r, rec, rn->wall0, rn->mono0);
	if (holdlog_append(ui->log_path, &h, err, sizeof err) == 0) {
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
run_record(struct ui *ui, struct run *rn, const struct session_record *rec)
{
	rn->held += rec->held;
	rn->by_area[rn->r->steps[rec->step].area] += rec->held;
	run_log(ui, rn, rec);
}

/* Handle what the engine said; 1 once the session is over. */
static int
run_events(struct ui *ui, struct run *rn)
{
	struct session_event	ev;
	int			over = 0;

	while (session_event(&rn->s, &ev)) {
		if (ev.type == SESSION_EV_RECORD)
			run_record(ui, rn, &ev.record);
		else if (ev.type == SESSION_EV_BELL && ui->cfg->bell)
			beep();
		else if (ev.type == SESSION_EV_DONE)
			over = 1;
		ui_dirty(ui);
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

/* The hold the current phase belongs to. */
static const struct session_hold *
run_hold(const struct run *rn)
{
	return &rn->s.holds[rn->s.cur];
}

/* The colour for the phase. */
static enum ui_pair
run_pair(const struct run *rn)
{
	if (rn->s.phase != SESSION_HOLD)
		return UI_PAIR_REST;
	if (rn->r->steps[run_hold(rn)->step].kind == STEP_ROLL)
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
		    holdlog_side_word(h->side));
	else
		snprintf(buf, size, "Next: %s", name);
	free(name);
}

/* The title line: routine name, step n/N and rep n/N when there are reps. */
static void
run_title(const struct run *rn)
{
	const struct session_hold	*h = run_hold(rn);
	const struct step		*st = &rn->r->steps[h->step];
	char				 where[64];
	int				 n;

	n = snprintf(where, sizeof where, "step %zu/%zu", h->step + 1,
	    rn->r->nsteps);
	if (st->reps > 1)
		snprintf(where + n, sizeof where - (size_t)n, "  rep %d/%d",
		    h->rep, st->reps);
	ui_title(rn->r->name, where);
}

/* "STRETCH · Calves · LEFT side" and the step name. */
static void
run_what(const struct ui *ui, const struct run *rn, int y)
{
	const struct session_hold *h = run_hold(rn);
	const struct step	*st = &rn->r->steps[h->step];
	const char		*dot = ui->utf8 ? "\xc2\xb7" : "-";
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

/* A bar with "text" at its right end, across the screen at row y. */
static void
run_bar(const struct ui *ui, int y, int64_t part, int64_t whole,
    const char *text)
{
	int	w = COLS - 2, tw = (int)strlen(text);

	ui_bar(ui, y, 1, w - tw, part, whole);
	ui_put(y, 1 + w - tw, text, tw);
}

/* The bottom half both layouts share: bars, cue, next, log error. */
static void
run_lower(const struct ui *ui, const struct run *rn, int64_t now, int y,
    int cue_lines)
{
	const struct step	*st = &rn->r->steps[run_hold(rn)->step];
	char			 buf[256], a[32], b[32];
	int64_t			 total = session_total_ms(&rn->s);
	int64_t			 done = session_progress_ms(&rn->s, now);

	run_prompt(rn, now, buf, sizeof buf);
	ui_attr(run_pair(rn), 1, 1);
	ui_put(y, 1, buf, COLS - 2);
	ui_attr(run_pair(rn), 1, 0);
	snprintf(buf, sizeof buf, " %s / %s",
	    duration_clock(session_elapsed(&rn->s, now) / 1000, a, sizeof a),
	    run_clock(rn->s.length, b, sizeof b));
	run_bar(ui, y + 1, session_elapsed(&rn->s, now), rn->s.length, buf);
	if (st->cue != NULL)
		ui_wrap(y + 2, 1, st->cue, COLS - 2, cue_lines);
	run_next(rn, buf, sizeof buf);
	ui_attr(UI_PAIR_DIM, 0, 1);
	ui_put_clean(y + 2 + cue_lines, 1, buf, COLS - 2);
	ui_attr(UI_PAIR_DIM, 0, 0);
	snprintf(buf, sizeof buf, " %s left", run_clock(total - done, a,
	    sizeof a));
	run_bar(ui, y + 3 + cue_lines, done, total, buf);
	if (rn->failing) {
		ui_attr(UI_PAIR_WARN, 1, 1);
		ui_put_clean(LINES - 2, 1, rn->log_error, COLS - 2);
		ui_attr(UI_PAIR_WARN, 1, 0);
	}
}

/*
 * The largest scale of big type that fits: the widest side and countdown
 * side by side, and the lower half under them. The widest, not this
 * hold's, so the type keeps its size through the session.
 */
static int
run_scale(void)
{
	int	scale;

	for (scale = RUN_SCALE_MAX; scale > 1; scale--) {
		if (ui_big_width("RIGHT", scale) + ui_big_width("10:00",
		    scale) + 6 <= COLS && RUN_TOP + ui_big_rows(scale) + 1 +
		    RUN_LOWER + 2 <= LINES)
			break;
	}
	return scale;
}

/* The full layout: side and countdown in big type. */
static void
run_draw_full(const struct ui *ui, const struct run *rn, int64_t now)
{
	const char	*side = run_side(run_hold(rn)->side);
	char		 clock[32];
	int		 scale = run_scale();

	run_title(rn);
	run_what(ui, rn, 2);
	run_clock(session_remaining(&rn->s, now), clock, sizeof clock);
	ui_attr(run_pair(rn), 1, 1);
	if (side != NULL)
		ui_big(ui, RUN_TOP, 2, side, scale);
	ui_big(ui, RUN_TOP, COLS - ui_big_width(clock, scale) - 2, clock,
	    scale);
	ui_attr(run_pair(rn), 1, 0);
	run_lower(ui, rn, now, RUN_TOP + ui_big_rows(scale) + 1, 3);
}

/* The compact layout for small terminals. */
static void
run_draw_compact(const struct ui *ui, const struct run *rn, int64_t now)
{
	const char	*side = run_side(run_hold(rn)->side);
	char		 line[64], clock[32];

	run_title(rn);
	run_what(ui, rn, 1);
	run_clock(session_remaining(&rn->s, now), clock, sizeof clock);
	snprintf(line, sizeof line, "%s%s%s", side ? side : "",
	    side ? "   " : "", clock);
	ui_attr(run_pair(rn), 1, 1);
	ui_put(3, 1, line, COLS - 2);
	ui_attr(run_pair(rn), 1, 0);
	run_lower(ui, rn, now, 4, LINES >= 14 ? 2 : 1);
}

/* Draw the session screen. */
static void
run_draw(struct ui *ui, struct ui_screen *sc)
{
	const struct run	*rn = sc->data;
	int64_t			 now = ui_now();

	if (COLS >= UI_FULL_COLS && LINES >= UI_FULL_LINES)
		run_draw_full(ui, rn, now);
	else
		run_draw_compact(ui, rn, now);
}

/* Below the smallest layout: keep the timer and the prompt visible. */
static void
run_tiny(struct ui *ui, struct ui_screen *sc, struct ui_tiny *t)
{
	const struct run	*rn = sc->data;

	(void)ui;
	run_clock(session_remaining(&rn->s, ui_now()), t->line[0],
	    sizeof t->line[0]);
	snprintf(t->line[1], sizeof t->line[1], "%s", session_prompt(&rn->s));
	t->n = 2;
}

/* A key that is an engine action. */
static void
run_act(struct ui *ui, struct ui_screen *sc, int key, int act)
{
	struct run	*rn = sc->data;

	(void)ui;
	(void)key;
	rn->paused_by_us = 0;
	session_act(&rn->s, (enum session_action)act, ui_now());
}

/* Pause for a question or the help; it resumes when they close. */
static void
run_hold_still(struct run *rn)
{
	if (rn->s.paused)
		return;
	session_act(&rn->s, SESSION_PAUSE, ui_now());
	rn->paused_by_us = 1;
}

/* Go on after a question or the help, if they paused the session. */
static void
run_go_on(struct ui *ui, struct ui_screen *owner, int yes)
{
	struct run	*rn = owner->data;

	(void)ui;
	(void)yes;
	if (rn->paused_by_us && rn->s.paused)
		session_act(&rn->s, SESSION_PAUSE, ui_now());
	rn->paused_by_us = 0;
}

/* The answer to "Quit this session?". */
static void
run_quit_answer(struct ui *ui, struct ui_screen *owner, int yes)
{
	struct run	*rn = owner->data;

	if (yes)
		session_act(&rn->s, SESSION_QUIT, ui_now());
	else
		run_go_on(ui, owner, 0);
}

/* q: ask first, with the clock stopped. */
static void
run_quit_key(struct ui *ui, struct ui_screen *sc, int key, int arg)
{
	(void)key;
	(void)arg;
	run_hold_still(sc->data);
	ui_ask(ui, "Quit this session?", "quit; the hold under way is logged",
	    "keep going", run_quit_answer);
}

/* ?: the keys, with the clock stopped. */
static void
run_help_key(struct ui *ui, struct ui_screen *sc, int key, int arg)
{
	(void)key;
	(void)arg;
	run_hold_still(sc->data);
	ui_help(ui, run_go_on);
}

/* Ctrl-Z: pause, then stop for the shell; it comes back paused. */
static void
run_suspend_key(struct ui *ui, struct ui_screen *sc, int key, int arg)
{
	struct run	*rn = sc->data;

	(void)ui;
	(void)key;
	(void)arg;
	if (!rn->s.paused)
		session_act(&rn->s, SESSION_PAUSE, ui_now());
	rn->paused_by_us = 0;
	ui_suspend();
}

static const struct ui_key run_keys[] = {
	{ { ' ' }, "Space", NULL, "pause", "pause / resume", UI_BOTH, run_act,
	    SESSION_PAUSE },
	{ { KEY_RIGHT, 'l' }, "\xe2\x86\x92", "Right", "skip",
	    "skip this hold", UI_BOTH, run_act, SESSION_SKIP },
	{ { KEY_LEFT, 'h' }, "\xe2\x86\x90", "Left", "back",
	    "back to the previous hold", UI_BOTH, run_act, SESSION_BACK },
	{ { '+', '=' }, "+", NULL, "5 s more", NULL, UI_HELP, run_act,
	    SESSION_MORE },
	{ { '-', '_' }, "-", NULL, "5 s less", NULL, UI_HELP, run_act,
	    SESSION_LESS },
	{ { 0 }, "+/-", NULL, "5 s", NULL, UI_FOOT, NULL, 0 },
	{ { '\r', '\n', KEY_ENTER }, "Enter", NULL, "start",
	    "start now (while getting ready)", UI_BOTH, run_act,
	    SESSION_START },
	{ { KEY_CTRL('z') }, "Ctrl-Z", NULL, "suspend", "pause and suspend",
	    UI_HELP, run_suspend_key, 0 },
	{ { 'q', 'Q', UI_ESC }, "q", NULL, "quit",
	    "quit (asks first; the clock stops)", UI_BOTH, run_quit_key, 0 },
	{ { '?' }, "?", NULL, "help", "these keys (the clock stops)", UI_BOTH,
	    run_help_key, 0 },
};

/* The session's keys. */
static struct ui_keys
run_keys_of(struct ui *ui, struct ui_screen *sc)
{
	struct ui_keys	k = UI_KEYS(run_keys);

	(void)ui;
	(void)sc;
	return k;
}

/* When the countdown shown next changes. */
static int64_t
run_wake(struct ui *ui, struct ui_screen *sc, int64_t now)
{
	struct run	*rn = sc->data;

	(void)ui;
	return session_wake(&rn->s, now);
}

/* What the summary needs, taken from the session. */
static struct ui_summary *
run_summary(const struct run *rn)
{
	struct ui_summary	*sum = xcalloc(1, sizeof *sum);

	sum->r = rn->r;
	sum->opts = rn->opts;
	session_count(&rn->s, &sum->count);
	sum->quit = rn->s.quit;
	sum->held = rn->held;
	sum->by_area = xcalloc(area_count, sizeof *sum->by_area);
	memcpy(sum->by_area, rn->by_area, area_count * sizeof *sum->by_area);
	sum->logged = rn->logged;
	sum->failed = rn->failed;
	snprintf(sum->log_error, sizeof sum->log_error, "%s", rn->log_error);
	sum->alone = rn->alone;
	return sum;
}

/* Move the engine to now; at the end, the summary takes the screen. */
static void
run_tick(struct ui *ui, struct ui_screen *sc, int64_t now)
{
	struct run	*rn = sc->data;

	session_tick(&rn->s, now);
	if (run_events(ui, rn))
		ui_summary_replace(ui, run_summary(rn));
}

/* Leave: a session not over stops here, logging the hold under way. */
static void
run_close(struct ui *ui, struct ui_screen *sc)
{
	struct run	*rn = sc->data;

	if (rn->s.phase != SESSION_DONE) {
		session_act(&rn->s, SESSION_QUIT, ui_now());
		run_events(ui, rn);
	}
	ui->sessions++;
	ui->logged += rn->logged;
	ui->failed += rn->failed;
	if (ui->failed > 0 && rn->failed > 0)
		snprintf(ui->note, sizeof ui->note, "limber: %zu of %zu holds "
		    "were not logged: %s", ui->failed, ui->logged + ui->failed,
		    rn->log_error);
	session_free(&rn->s);
	free(rn->by_area);
	free(rn);
}

static const struct ui_screen_ops run_ops = {
	.name = "Session keys",
	.draw = run_draw,
	.keys = run_keys_of,
	.wake = run_wake,
	.tick = run_tick,
	.tiny = run_tiny,
	.close = run_close,
};

/* The options the settings give a session. */
void
ui_session_opts(const struct ui *ui, struct session_opts *opts)
{
	memset(opts, 0, sizeof *opts);
	opts->prepare = ui->cfg->prepare;
	opts->switch_secs = ui->cfg->switch_secs;
}

/* Start a session in place of the top screen. */
void
ui_session_start(struct ui *ui, const struct routine *r,
    const struct session_opts *opts, int alone)
{
	struct run	*rn = xcalloc(1, sizeof *rn);

	rn->r = r;
	rn->opts = *opts;
	rn->alone = alone;
	rn->by_area = xcalloc(area_count, sizeof *rn->by_area);
	rn->mono0 = ui_now();
	rn->wall0 = time(NULL);
	session_init(&rn->s, r, opts, rn->mono0);
	ui_replace(ui, &run_ops, rn);
}

/* limber run ID: one session, its summary, then the exit status. */
int
ui_session(struct ui *ui, const struct routine *r, int hold)
{
	struct session_opts	opts;

	ui_session_opts(ui, &opts);
	opts.hold = hold;
	ui_session_start(ui, r, &opts, 1);
	return ui_run(ui);
}
