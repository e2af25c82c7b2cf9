/* The session engine: holds, phases and deadlines, with no clock of its own. */
#include "limber/session.h"

#include <stdlib.h>
#include <string.h>

#include "limber/xmalloc.h"

/* Queue an event for the caller. */
static void
session_emit(struct session *s, const struct session_event *ev)
{
	if (s->first_event == s->nevents)
		s->first_event = s->nevents = 0;
	if (s->nevents == s->cap_events) {
		s->cap_events = s->cap_events ? s->cap_events * 2 : 16;
		s->events = xreallocarray(s->events, s->cap_events,
		    sizeof *s->events);
	}
	s->events[s->nevents++] = *ev;
}

/* Take the oldest queued event. */
int
session_event(struct session *s, struct session_event *ev)
{
	if (s->first_event == s->nevents)
		return 0;
	*ev = s->events[s->first_event++];
	return 1;
}

/* Whether hold i is the first of its step. */
static int
session_first_of_step(const struct session *s, size_t i)
{
	return i == 0 || s->holds[i - 1].step != s->holds[i].step;
}

/* The phase before hold i and its planned length in ms (0 for none). */
static enum session_phase
session_pre_phase(const struct session *s, size_t i, int64_t *ms)
{
	const struct session_hold	*h = &s->holds[i];
	const struct step		*st = &s->routine->steps[h->step];

	if (session_first_of_step(s, i)) {
		*ms = (int64_t)s->opts.prepare * 1000;
		return SESSION_PREPARE;
	}
	if (h->side == SIDE_RIGHT && h->rep == 1 && s->opts.switch_secs > 0) {
		*ms = (int64_t)s->opts.switch_secs * 1000;
		return SESSION_PREPARE;
	}
	*ms = (int64_t)st->rest * 1000;
	return SESSION_REST;
}

/* A hold's target: the --hold value, or as written moved by adjust. */
int
session_hold_target(const struct step *st, const struct session_opts *o)
{
	int	t;

	if (o->hold > 0)
		return o->hold;
	t = st->hold + o->adjust;
	if (t < STEP_HOLD_MIN)
		t = STEP_HOLD_MIN;
	if (t > STEP_HOLD_MAX)
		t = STEP_HOLD_MAX;
	return t;
}

/* Make the plan: each step, side and rep. */
static void
session_plan(struct session *s)
{
	const struct routine	*r = s->routine;
	size_t			 i, n = 0;
	int			 side, sides, rep, first;

	_Static_assert((int)SIDES_NONE == (int)SIDE_NONE &&
	    (int)SIDES_LEFT == (int)SIDE_LEFT &&
	    (int)SIDES_RIGHT == (int)SIDE_RIGHT,
	    "a step's one side is a session side");
	s->holds = xcalloc(routine_holds(r) + 1, sizeof *s->holds);
	for (i = 0; i < r->nsteps; i++) {
		const struct step *st = &r->steps[i];

		/* Left then right; or the one side it is held on, or none. */
		sides = st->both_sides ? 2 : 1;
		first = st->both_sides ? SIDE_LEFT : (int)st->one_side;
		for (side = 0; side < sides; side++) {
			for (rep = 1; rep <= st->reps; rep++) {
				struct session_hold *h = &s->holds[n++];

				h->step = i;
				h->side = (enum session_side)(first + side);
				h->rep = rep;
				h->target = session_hold_target(st, &s->opts);
				h->outcome = -1;
			}
		}
	}
	s->nholds = n;
}

/* Begin a phase at time t and say so. */
static void
session_enter(struct session *s, enum session_phase phase, int64_t length,
    int64_t t)
{
	struct session_event	ev;

	if (s->started)
		s->spent += session_elapsed(s, t);
	s->started = 1;
	s->phase = phase;
	s->start = t;
	s->length = length;
	s->paused_ms = 0;
	if (s->paused)
		s->pause_began = t;
	memset(&ev, 0, sizeof ev);
	ev.type = SESSION_EV_PHASE;
	ev.phase = phase;
	ev.hold = s->cur;
	ev.at = t;
	session_emit(s, &ev);
}

/* End the session at t. */
static void
session_finish(struct session *s, int64_t t)
{
	struct session_event	ev;

	s->spent += session_elapsed(s, t);
	s->phase = SESSION_DONE;
	s->ended = t;
	s->paused = 0;
	memset(&ev, 0, sizeof ev);
	ev.type = SESSION_EV_DONE;
	ev.phase = SESSION_DONE;
	ev.hold = s->cur;
	ev.at = t;
	session_emit(s, &ev);
}

/* Go to hold i at time t: its pre-phase if it has one, else the hold. */
static void
session_goto(struct session *s, size_t i, int64_t t)
{
	enum session_phase	phase;
	int64_t			ms;

	if (i >= s->nholds) {
		session_finish(s, t);
		return;
	}
	s->cur = i;
	phase = session_pre_phase(s, i, &ms);
	if (ms > 0)
		session_enter(s, phase, ms, t);
	else
		session_enter(s, SESSION_HOLD, (int64_t)s->holds[i].target *
		    1000, t);
}

/* Log the current hold with the time held so far; t is when it stopped. */
static void
session_record(struct session *s, enum hold_outcome outcome, int64_t held_ms,
    int64_t start, int64_t t)
{
	struct session_event	ev;

	memset(&ev, 0, sizeof ev);
	ev.type = SESSION_EV_RECORD;
	ev.phase = s->phase;
	ev.hold = s->cur;
	ev.at = t;
	ev.record.hold = s->cur;
	ev.record.step = s->holds[s->cur].step;
	ev.record.side = s->holds[s->cur].side;
	ev.record.target = s->holds[s->cur].target;
	ev.record.held = (int)(held_ms / 1000);
	ev.record.start = start;
	if (outcome != HOLD_DONE && ev.record.held < 1) {
		outcome = HOLD_SKIPPED;
		ev.record.held = 0;
	}
	ev.record.outcome = outcome;
	/* Outcomes are numbered best first. */
	if (s->holds[s->cur].outcome < 0 ||
	    (int)outcome < s->holds[s->cur].outcome)
		s->holds[s->cur].outcome = (int)outcome;
	session_emit(s, &ev);
}

/* Plan the routine and begin. */
void
session_init(struct session *s, const struct routine *r,
    const struct session_opts *opts, int64_t now)
{
	memset(s, 0, sizeof *s);
	s->routine = r;
	s->opts = *opts;
	s->seen = now;
	session_plan(s);
	session_goto(s, 0, now);
}

/* Free the plan and the event queue. */
void
session_free(struct session *s)
{
	free(s->holds);
	free(s->events);
	memset(s, 0, sizeof *s);
}

/* The phase's deadline, or -1 while paused or done. */
int64_t
session_deadline(const struct session *s)
{
	if (s->phase == SESSION_DONE || s->paused)
		return -1;
	return s->start + s->paused_ms + s->length;
}

/* Time of the phase gone by at now, pauses excluded. */
int64_t
session_elapsed(const struct session *s, int64_t now)
{
	int64_t	e;

	if (s->phase == SESSION_DONE)
		return 0;
	if (s->paused)
		now = s->pause_began;
	e = now - s->start - s->paused_ms;
	if (e < 0)
		e = 0;
	return e > s->length ? s->length : e;
}

/* Time left in the phase at now. */
int64_t
session_remaining(const struct session *s, int64_t now)
{
	if (s->phase == SESSION_DONE)
		return 0;
	return s->length - session_elapsed(s, now);
}

/* When the countdown shown next changes. */
int64_t
session_wake(const struct session *s, int64_t now)
{
	int64_t	deadline = session_deadline(s), rem;

	if (deadline < 0)
		return -1;
	if ((rem = deadline - now) <= 0)
		return now;
	return deadline - (rem - 1) / 1000 * 1000;
}

/* End the current phase at its deadline t and start the next one. */
static void
session_advance(struct session *s, int64_t t)
{
	struct session_event	ev;

	if (s->phase != SESSION_HOLD) {
		session_enter(s, SESSION_HOLD,
		    (int64_t)s->holds[s->cur].target * 1000, t);
		return;
	}
	memset(&ev, 0, sizeof ev);
	ev.type = SESSION_EV_BELL;
	ev.phase = SESSION_HOLD;
	ev.hold = s->cur;
	ev.at = t;
	session_emit(s, &ev);
	session_record(s, HOLD_DONE, s->length, s->start, t);
	session_goto(s, s->cur + 1, t);
}

/* End every phase whose deadline is at or before now. */
void
session_tick(struct session *s, int64_t now)
{
	int64_t	deadline;

	if (now > s->seen)
		s->seen = now;
	while ((deadline = session_deadline(s)) >= 0 && now >= deadline)
		session_advance(s, deadline);
}

/* Pause at the latest time given if the caller was gone longer than gap. */
int64_t
session_watch(struct session *s, int64_t now, int64_t gap)
{
	if (s->phase == SESSION_DONE || s->paused || now - s->seen <= gap)
		return 0;
	s->paused = 1;
	s->pause_began = s->seen;
	return now - s->seen;
}

/* Stop the hold under way (if any) and log what was held. */
static void
session_cut(struct session *s, int64_t now)
{
	if (s->phase == SESSION_HOLD)
		session_record(s, HOLD_PARTIAL, session_elapsed(s, now),
		    s->start, now);
}

/* Pause, or resume with the deadline moved on by the pause. */
static void
session_pause(struct session *s, int64_t now)
{
	if (s->paused) {
		s->paused_ms += now - s->pause_began;
		s->paused = 0;
	} else {
		s->paused = 1;
		s->pause_began = now;
	}
}

/* Skip the hold under way or coming. */
static void
session_skip(struct session *s, int64_t now)
{
	if (s->phase == SESSION_HOLD)
		session_cut(s, now);
	else
		session_record(s, HOLD_SKIPPED, 0, now, now);
	session_goto(s, s->cur + 1, now);
}

/* Back to the previous hold, or the start of the first. */
static void
session_back(struct session *s, int64_t now)
{
	session_cut(s, now);
	session_goto(s, s->cur > 0 ? s->cur - 1 : 0, now);
}

/* Change the phase's length by delta; a phase cut below its elapsed ends. */
static void
session_adjust(struct session *s, int64_t delta, int64_t now)
{
	int64_t	least = s->phase == SESSION_HOLD ? STEP_HOLD_MIN * 1000 : 0;
	int64_t	length = s->length + delta, elapsed = session_elapsed(s, now);

	if (length < least)
		length = least;
	if (length < elapsed)
		length = elapsed;
	s->length = length;
	if (s->phase == SESSION_HOLD)
		s->holds[s->cur].target = (int)(length / 1000);
	if (!s->paused)
		session_tick(s, now);
}

/* Apply a key action at now. */
void
session_act(struct session *s, enum session_action act, int64_t now)
{
	session_tick(s, now);
	if (s->phase == SESSION_DONE)
		return;
	if (s->paused && (act == SESSION_SKIP || act == SESSION_BACK ||
	    act == SESSION_START))
		session_pause(s, now);
	switch (act) {
	case SESSION_PAUSE:
		session_pause(s, now);
		break;
	case SESSION_SKIP:
		session_skip(s, now);
		break;
	case SESSION_BACK:
		session_back(s, now);
		break;
	case SESSION_START:
		if (s->phase != SESSION_HOLD)
			session_adjust(s, -s->length, now);
		break;
	case SESSION_MORE:
		session_adjust(s, SESSION_ADJUST_MS, now);
		break;
	case SESSION_LESS:
		session_adjust(s, -SESSION_ADJUST_MS, now);
		break;
	case SESSION_QUIT:
		session_cut(s, now);
		s->quit = 1;
		session_finish(s, now);
		break;
	}
}

/* Planned time of the holds after hold i, with the phases before them. */
static int64_t
session_plan_after(const struct session *s, size_t i)
{
	int64_t	total = 0, ms;

	for (i++; i < s->nholds; i++) {
		session_pre_phase(s, i, &ms);
		total += ms + (int64_t)s->holds[i].target * 1000;
	}
	return total;
}

/* The session's length as it stands. */
int64_t
session_total_ms(const struct session *s)
{
	int64_t	total = s->spent;

	if (s->phase == SESSION_DONE)
		return total;
	total += s->length + session_plan_after(s, s->cur);
	if (s->phase != SESSION_HOLD)
		total += (int64_t)s->holds[s->cur].target * 1000;
	return total;
}

/* Time spent so far. */
int64_t
session_progress_ms(const struct session *s, int64_t now)
{
	return s->spent + session_elapsed(s, now);
}

/* Count each planned hold once, by its best outcome. */
void
session_count(const struct session *s, struct session_count *c)
{
	size_t	i;

	memset(c, 0, sizeof *c);
	c->planned = s->nholds;
	for (i = 0; i < s->nholds; i++) {
		if (s->holds[i].outcome == HOLD_DONE)
			c->done++;
		else if (s->holds[i].outcome == HOLD_PARTIAL)
			c->partial++;
		else if (s->holds[i].outcome == HOLD_SKIPPED)
			c->skipped++;
	}
}

/* The parts of a routine's planned time under opts. */
void
session_plan_time(const struct routine *r, const struct session_opts *opts,
    struct session_plan_time *t)
{
	struct session	s;
	enum session_phase phase;
	int64_t		ms;
	size_t		i;

	memset(t, 0, sizeof *t);
	memset(&s, 0, sizeof s);
	s.routine = r;
	s.opts = *opts;
	session_plan(&s);
	for (i = 0; i < s.nholds; i++) {
		phase = session_pre_phase(&s, i, &ms);
		if (phase == SESSION_REST)
			t->rests += (long)(ms / 1000);
		else
			t->ready += (long)(ms / 1000);
		t->holds += s.holds[i].target;
	}
	t->total = t->holds + t->rests + t->ready;
	free(s.holds);
}

/* The words for the screen. */
const char *
session_prompt(const struct session *s)
{
	const struct session_hold	*h = &s->holds[s->cur];

	if (s->phase == SESSION_DONE)
		return s->quit ? "Stopped" : "Done";
	if (s->paused)
		return "Paused";
	switch (s->phase) {
	case SESSION_PREPARE:
		if (h->side == SIDE_RIGHT && h->rep == 1 &&
		    !session_first_of_step(s, s->cur))
			return "Switch to the right side";
		return "Get into position";
	case SESSION_REST:
		return "Rest";
	case SESSION_HOLD:
		return s->cur + 1 == s->nholds ? "Last one" : "Hold";
	default:
		return "";
	}
}
