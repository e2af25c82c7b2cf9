/* The session screen: the engine on a clock, drawn, logged as it goes. */
#include "ui/ui.h"

#include <errno.h>
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

/*
 * The loop looks at a running session at least every RUN_LOOK_MS; when it
 * did not for more than RUN_GAP_MS (limber was stopped, the machine slept,
 * a write blocked), the session pauses where it was last seen. A lock on
 * the log keeps records waiting, tried again at every look; after
 * RUN_BUSY_SAY_MS the screen says they are not logged yet, and at the end
 * they get one last try of RUN_LAST_WAIT_MS before they count as failed.
 */
#define RUN_LOOK_MS		250
#define RUN_GAP_MS		2000
#define RUN_BUSY_SAY_MS		HOLDLOG_LOCK_WAIT_MS
#define RUN_LAST_WAIT_MS	1000

struct run {
	const struct routine	*r;
	struct session_opts	 opts;
	struct session		 s;
	size_t			 hold_cur;	/* the hold under way ... */
	int64_t			 hold_at;	/* ... began at this session time */
	time_t			 hold_wall;	/* and this wall-clock time */
	int64_t			 gap;		/* ms the loop missed, or 0 */
	int64_t			 slept;		/* ms of it the machine slept */
	int64_t			 awake_seen;	/* run_awake_ms at the last look */
	long			 held;		/* seconds, all holds */
	long			*by_area;	/* seconds per area */
	struct holdlog_record	*pending;	/* held up by the lock, in order */
	size_t			 npending;
	int64_t			 busy_shown;	/* whole seconds last drawn */
	size_t			 cap_pending;
	int64_t			 busy_since;	/* first found locked, or -1 */
	int			 busy_errno;	/* EWOULDBLOCK, or EINTR */
	char			 busy_error[512];	/* holdlog's words */
	size_t			 logged;
	size_t			 failed;	/* holds the log did not take */
	int			 failing;	/* the last one failed */
	char			 log_error[512];	/* why, the last time */
	int			 paused_by_us;	/* for a question or the help */
	int			 alone;		/* limber run ID */
};

/* Milliseconds on a clock that stands still while the machine sleeps. */
static int64_t
run_awake_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The wall-clock time at session time t, a moment ago. */
static time_t
run_wall_at(int64_t t)
{
	struct timespec	ts;
	int64_t		ms;

	clock_gettime(CLOCK_REALTIME, &ts);
	ms = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 - (ui_now() - t);
	return (time_t)(ms / 1000);
}

/*
 * Look at the clock before the session is given now: if the loop did not
 * run for a while, the session pauses where it was last seen. 1 if it did.
 */
static int
run_watch(struct run *rn, int64_t now)
{
	int64_t	awake = run_awake_ms(), gap;

	if ((gap = session_watch(&rn->s, now, RUN_GAP_MS)) > 0) {
		rn->gap = gap;
		rn->slept = gap - (awake - rn->awake_seen);
		rn->paused_by_us = 0;
	}
	rn->awake_seen = awake;
	return gap > 0;
}

/* The session's time now, once watched for a gap. */
static int64_t
run_now(struct run *rn)
{
	int64_t	now = ui_now();

	run_watch(rn, now);
	return now;
}

/* Count a record as not logged, and say why. */
static void
run_log_failed(struct run *rn, const char *why)
{
	snprintf(rn->log_error, sizeof rn->log_error, "%s", why);
	rn->failed++;
	rn->failing = 1;
}

/* Drop the oldest waiting record. */
static void
run_unqueue(struct run *rn)
{
	memmove(rn->pending, rn->pending + 1, (rn->npending - 1) *
	    sizeof *rn->pending);
	rn->npending--;
}

/*
 * Write the waiting records, oldest first, waiting at most wait_ms for the
 * log's lock. A record leaves the queue once written, or refused for any
 * reason but the lock, so none is written twice; a lock another process
 * holds (or a signal while it does) leaves it and those after it for the
 * next try.
 */
static void
run_flush(struct ui *ui, struct run *rn, int wait_ms, int64_t now)
{
	char	err[sizeof rn->log_error];

	while (rn->npending > 0) {
		if (holdlog_append_wait(ui->log_path, &rn->pending[0], wait_ms,
		    err, sizeof err) == 0) {
			rn->logged++;
			rn->failing = 0;
			rn->busy_since = -1;
		} else if (errno == EWOULDBLOCK || errno == EINTR) {
			rn->busy_errno = errno;
			snprintf(rn->busy_error, sizeof rn->busy_error, "%s",
			    err);
			if (rn->busy_since < 0)
				rn->busy_since = now;
			return;
		} else
			run_log_failed(rn, err);
		run_unqueue(rn);
	}
}

/* How long the log's lock has kept records waiting, in words. */
static char *
run_busy_for(const struct run *rn, int64_t now, char *buf, size_t size)
{
	return duration_format((now - rn->busy_since + 500) / 1000, buf, size);
}

/*
 * The session is over: the records still waiting get one last try, and
 * those the lock still keeps count as not logged, with the reason.
 */
static void
run_flush_last(struct ui *ui, struct run *rn)
{
	char	why[sizeof rn->log_error], d[32];
	int64_t	now = ui_now();

	if (rn->npending == 0)
		return;
	run_flush(ui, rn, RUN_LAST_WAIT_MS, now);
	if (rn->busy_errno == EWOULDBLOCK)
		snprintf(why, sizeof why, "cannot log to %s: another process "
		    "held its lock for %s", ui->log_path, run_busy_for(rn,
		    ui_now(), d, sizeof d));
	else
		snprintf(why, sizeof why, "%s", rn->busy_error);
	while (rn->npending > 0) {
		run_log_failed(rn, why);
		run_unqueue(rn);
	}
}

/* The wall-clock time a record's hold began (or, skipped, would have). */
static time_t
run_record_start(const struct run *rn, const struct session_record *rec)
{
	if (rec->hold == rn->hold_cur && rec->start == rn->hold_at)
		return rn->hold_wall;
	return run_wall_at(rec->start);
}

/*
 * Log one record, after any the log's lock keeps waiting; a failure is
 * shown, and the session goes on without waiting for the lock.
 */
static void
run_log(struct ui *ui, struct run *rn, const struct session_record *rec)
{
	if (ui->log_path == NULL) {
		run_log_failed(rn, "no home folder; holds are not logged");
		return;
	}
	if (rn->npending == rn->cap_pending) {
		rn->cap_pending = rn->cap_pending ? rn->cap_pending * 2 : 8;
		rn->pending = xreallocarray(rn->pending, rn->cap_pending,
		    sizeof *rn->pending);
	}
	holdlog_from_session(&rn->pending[rn->npending++], rn->r, rec,
	    run_record_start(rn, rec));
	run_flush(ui, rn, 0, ui_now());
}

/* Count a record for the summary, and log it. */
static void
run_record(struct ui *ui, struct run *rn, const struct session_record *rec)
{
	rn->held += rec->held;
	rn->by_area[rn->r->steps[rec->step].area] += rec->held;
	run_log(ui, rn, rec);
}

/* A hold began: note the wall clock, which its record's start is. */
static void
run_hold_began(struct run *rn, const struct session_event *ev)
{
	rn->hold_cur = ev->hold;
	rn->hold_at = ev->at;
	rn->hold_wall = run_wall_at(ev->at);
}

/* Handle what the engine said; 1 once the session is over. */
static int
run_events(struct ui *ui, struct run *rn)
{
	struct session_event	ev;
	int			over = 0;

	while (session_event(&rn->s, &ev)) {
		if (ev.type == SESSION_EV_PHASE && ev.phase == SESSION_HOLD)
			run_hold_began(rn, &ev);
		else if (ev.type == SESSION_EV_RECORD)
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

/* Why the session paused itself: "limber was stopped for 16s". */
static void
run_gap_note(const struct run *rn, char *buf, size_t size)
{
	char	d[32];
	int	slept = rn->slept * 2 > rn->gap;

	duration_format((slept ? rn->slept : rn->gap) / 1000, d, sizeof d);
	snprintf(buf, size, "Paused: %s for %s; Space resumes", slept ?
	    "the computer slept" : "limber was stopped", d);
}

/* The prompt with the count of the last three seconds. */
static void
run_prompt(const struct run *rn, int64_t now, char *buf, size_t size)
{
	int64_t	rem = session_remaining(&rn->s, now);
	int	secs = (int)((rem + 999) / 1000);

	if (rn->s.paused && rn->gap > 0)
		run_gap_note(rn, buf, size);
	else if (!rn->s.paused && rn->s.phase != SESSION_DONE && secs >= 1 &&
	    secs <= 3)
		snprintf(buf, size, "%s ... %d", session_prompt(&rn->s), secs);
	else
		snprintf(buf, size, "%s", session_prompt(&rn->s));
}

/*
 * "Next: Wall calf stretch, right side" for the hold after this one, whole
 * however long the name: the screen cuts it where the window ends.
 */
static char *
run_next(const struct run *rn)
{
	size_t				 i = rn->s.cur + 1;
	const struct session_hold	*h;
	char				*name, *next;

	if (rn->s.phase != SESSION_HOLD)
		i = rn->s.cur;
	if (i >= rn->s.nholds)
		return xstrdup("Next: done");
	h = &rn->s.holds[i];
	name = text_sanitize(rn->r->steps[h->step].name, 0);
	if (h->side != SIDE_NONE)
		next = xasprintf("Next: %s, %s side", name,
		    holdlog_side_word(h->side));
	else
		next = xasprintf("Next: %s", name);
	free(name);
	return next;
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

/*
 * Above the footer: the records the log's lock keeps waiting, or why the
 * last record could not be logged.
 */
static void
run_log_line(const struct run *rn, int64_t now)
{
	char	line[sizeof rn->log_error + 128], d[32];
	int	warn = 1;

	if (rn->npending > 0 && now - rn->busy_since < RUN_BUSY_SAY_MS) {
		snprintf(line, sizeof line, "Logging: waiting for another "
		    "process to let go of the log");
		warn = 0;
	} else if (rn->npending > 0)
		snprintf(line, sizeof line, "%zu hold%s not logged yet: another "
		    "process has locked the log for %s", rn->npending,
		    rn->npending == 1 ? "" : "s", run_busy_for(rn, now, d,
		    sizeof d));
	else if (rn->failing)
		snprintf(line, sizeof line, "%s", rn->log_error);
	else
		return;
	ui_attr(warn ? UI_PAIR_WARN : UI_PAIR_DIM, warn, 1);
	ui_put_clean(LINES - 2, 1, line, COLS - 2);
	ui_attr(warn ? UI_PAIR_WARN : UI_PAIR_DIM, warn, 0);
}

/* The bottom half both layouts share: bars, cue, next, log error. */
static void
run_lower(const struct ui *ui, const struct run *rn, int64_t now, int y,
    int cue_lines)
{
	const struct step	*st = &rn->r->steps[run_hold(rn)->step];
	char			 buf[256], a[32], b[32], *next;
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
	next = run_next(rn);
	ui_attr(UI_PAIR_DIM, 0, 1);
	ui_put(y + 2 + cue_lines, 1, next, COLS - 2);
	ui_attr(UI_PAIR_DIM, 0, 0);
	free(next);
	snprintf(buf, sizeof buf, " %s left", run_clock(total - done, a,
	    sizeof a));
	run_bar(ui, y + 3 + cue_lines, done, total, buf);
	run_log_line(rn, now);
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
	session_act(&rn->s, (enum session_action)act, run_now(rn));
	rn->paused_by_us = 0;
	if (!rn->s.paused)
		rn->gap = 0;
}

/* Pause for a question or the help; it resumes when they close. */
static void
run_hold_still(struct run *rn)
{
	int64_t	now = run_now(rn);

	if (rn->s.paused)
		return;
	session_act(&rn->s, SESSION_PAUSE, now);
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
		session_act(&rn->s, SESSION_PAUSE, run_now(rn));
	rn->paused_by_us = 0;
}

/* The answer to "Quit this session?". */
static void
run_quit_answer(struct ui *ui, struct ui_screen *owner, int yes)
{
	struct run	*rn = owner->data;

	if (yes)
		session_act(&rn->s, SESSION_QUIT, run_now(rn));
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
	run_hold_still(rn);
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

/*
 * The session's keys; while paused, a copy whose Space says "resume", so
 * the footer says what the key does now.
 */
static struct ui_keys
run_keys_of(struct ui *ui, struct ui_screen *sc)
{
	static struct ui_key	 paused[sizeof run_keys / sizeof run_keys[0]];
	struct run		*rn = sc->data;
	struct ui_keys		 k = UI_KEYS(run_keys);

	(void)ui;
	if (!rn->s.paused || rn->s.phase == SESSION_DONE)
		return k;
	memcpy(paused, run_keys, sizeof paused);
	paused[0].what = "resume";
	k.v = paused;
	return k;
}

/*
 * When the countdown shown next changes. The loop also looks every
 * RUN_LOOK_MS (run_ops.look_ms), for gaps and for records waiting for the
 * log, without drawing: looks that close are never taken for a gap.
 */
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

/*
 * Try the waiting records again; redraw when one was written or the time
 * the lock has kept them, in whole seconds, changed.
 */
static void
run_retry(struct ui *ui, struct run *rn, int64_t now)
{
	size_t	before = rn->npending;
	int64_t	busy_s;

	run_flush(ui, rn, 0, now);
	busy_s = rn->npending > 0 ? (now - rn->busy_since) / 1000 : -1;
	if (rn->npending != before || busy_s != rn->busy_shown) {
		rn->busy_shown = busy_s;
		ui_dirty(ui);
	}
}

/* Move the engine to now; at the end, the summary takes the screen. */
static void
run_tick(struct ui *ui, struct ui_screen *sc, int64_t now)
{
	struct run	*rn = sc->data;

	if (run_watch(rn, now))
		ui_dirty(ui);
	session_tick(&rn->s, now);
	if (rn->npending > 0)
		run_retry(ui, rn, now);
	if (run_events(ui, rn)) {
		run_flush_last(ui, rn);
		ui_summary_replace(ui, run_summary(rn));
	}
}

/* Leave: a session not over stops here, logging the hold under way. */
static void
run_close(struct ui *ui, struct ui_screen *sc)
{
	struct run	*rn = sc->data;

	if (rn->s.phase != SESSION_DONE) {
		session_act(&rn->s, SESSION_QUIT, run_now(rn));
		run_events(ui, rn);
	}
	run_flush_last(ui, rn);
	ui->sessions++;
	ui->logged += rn->logged;
	ui->failed += rn->failed;
	if (ui->failed > 0 && rn->failed > 0)
		snprintf(ui->note, sizeof ui->note, "limber: %zu of %zu hold%s "
		    "%s not logged: %s", ui->failed, ui->logged + ui->failed,
		    ui->logged + ui->failed == 1 ? "" : "s",
		    ui->failed == 1 ? "was" : "were", rn->log_error);
	session_free(&rn->s);
	free(rn->pending);
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
	.look_ms = RUN_LOOK_MS,
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
	rn->busy_since = -1;
	rn->hold_at = -1;
	rn->awake_seen = run_awake_ms();
	session_init(&rn->s, r, opts, ui_now());
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
