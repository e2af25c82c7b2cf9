/*
 * Tests for the session engine: the plan of holds, the phases and their
 * absolute deadlines, the events they give, and every key action, all
 * driven by a fake clock in milliseconds.
 */
#define _POSIX_C_SOURCE 200809L

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "limber/diag.h"
#include "limber/holdlog.h"
#include "limber/routine.h"
#include "limber/session.h"

#define T0	INT64_C(1000000)	/* the fake clock's start */
#define SEC	INT64_C(1000)
#define MAXEV	4096

/* ------------------------------------------------------------------ */
/* Routines built by hand */

static char	routine_id[] = "test-routine";
static char	routine_name[] = "Test routine";
static char	step_name[] = "Test step";

struct fixture {
	struct routine	r;
	struct step	steps[8];
};

static void
add_step(struct fixture *f, enum step_kind kind, int hold, int both,
    int reps, int rest)
{
	struct step	*st;

	ck_assert_uint_lt(f->r.nsteps, sizeof f->steps / sizeof f->steps[0]);
	st = &f->steps[f->r.nsteps++];
	memset(st, 0, sizeof *st);
	st->name = step_name;
	st->kind = kind;
	st->area = 0;
	st->hold = hold;
	st->both_sides = both;
	st->reps = reps;
	st->rest = rest;
	st->cue = NULL;
	st->line = (int)f->r.nsteps;
}

static void
fixture_init(struct fixture *f)
{
	memset(f, 0, sizeof *f);
	f->r.id = routine_id;
	f->r.name = routine_name;
	f->r.steps = f->steps;
	f->r.nsteps = 0;
}

static struct session_opts
mkopts(int prepare, int switch_secs, int hold)
{
	struct session_opts	o;

	memset(&o, 0, sizeof o);
	o.prepare = prepare;
	o.switch_secs = switch_secs;
	o.hold = hold;
	return o;
}

/* ------------------------------------------------------------------ */
/* The event log: every event taken, in order */

static struct session_event	evs[MAXEV];
static size_t			nev;	/* events logged */
static size_t			pos;	/* next one to check */

static const char *
phase_str(enum session_phase p)
{
	switch (p) {
	case SESSION_PREPARE:	return "PREPARE";
	case SESSION_HOLD:	return "HOLD";
	case SESSION_REST:	return "REST";
	case SESSION_DONE:	return "DONE";
	}
	return "?";
}

static const char *
type_str(enum session_event_type t)
{
	switch (t) {
	case SESSION_EV_PHASE:	return "EV_PHASE";
	case SESSION_EV_RECORD:	return "EV_RECORD";
	case SESSION_EV_BELL:	return "EV_BELL";
	case SESSION_EV_DONE:	return "EV_DONE";
	}
	return "?";
}

static const char *
outcome_str(enum hold_outcome o)
{
	switch (o) {
	case HOLD_DONE:		return "HOLD_DONE";
	case HOLD_PARTIAL:	return "HOLD_PARTIAL";
	case HOLD_SKIPPED:	return "HOLD_SKIPPED";
	}
	return "?";
}

static void
log_clear(void)
{
	nev = 0;
	pos = 0;
}

static void
drain(struct session *s)
{
	struct session_event	e;

	while (session_event(s, &e)) {
		ck_assert_msg(nev < MAXEV, "more than %d events", MAXEV);
		evs[nev++] = e;
	}
}

static void
begin(struct session *s, const struct fixture *f,
    const struct session_opts *o, int64_t now)
{
	log_clear();
	session_init(s, &f->r, o, now);
	drain(s);
}

/* begin(), then forget what init queued: most tests look past it. */
static void
begin_quiet(struct session *s, const struct fixture *f,
    const struct session_opts *o, int64_t now)
{
	begin(s, f, o, now);
	log_clear();
}

static void
tick(struct session *s, int64_t now)
{
	session_tick(s, now);
	drain(s);
}

static void
act(struct session *s, enum session_action a, int64_t now)
{
	session_act(s, a, now);
	drain(s);
}

static const struct session_event *
next_event(const char *want)
{
	ck_assert_msg(pos < nev, "event %zu: expected %s, but there are "
	    "only %zu events", pos, want, nev);
	return &evs[pos++];
}

static void
expect_phase(enum session_phase phase, size_t hold, int64_t at)
{
	const struct session_event	*e;
	size_t				 i = pos;

	e = next_event("EV_PHASE");
	ck_assert_msg(e->type == SESSION_EV_PHASE,
	    "event %zu: type %s, expected EV_PHASE %s of hold %zu at T0+%lld",
	    i, type_str(e->type), phase_str(phase), hold,
	    (long long)(at - T0));
	ck_assert_msg(e->phase == phase,
	    "event %zu: phase %s, expected %s (hold %zu at T0+%lld)",
	    i, phase_str(e->phase), phase_str(phase), hold,
	    (long long)(at - T0));
	ck_assert_msg(e->hold == hold,
	    "event %zu: EV_PHASE %s of hold %zu, expected hold %zu",
	    i, phase_str(phase), e->hold, hold);
	ck_assert_msg(e->at == at,
	    "event %zu: EV_PHASE %s of hold %zu at T0+%lld, expected T0+%lld",
	    i, phase_str(phase), hold, (long long)(e->at - T0),
	    (long long)(at - T0));
}

static void
check_record(const struct session *s, const struct session_event *e,
    size_t i, size_t hold, enum hold_outcome outcome, int target, int held,
    int64_t start, int64_t at)
{
	const struct session_record	*r = &e->record;

	ck_assert_msg(e->at == at,
	    "event %zu: EV_RECORD of hold %zu at T0+%lld, expected T0+%lld",
	    i, hold, (long long)(e->at - T0), (long long)(at - T0));
	ck_assert_msg(r->hold == hold,
	    "event %zu: record of hold %zu, expected hold %zu",
	    i, r->hold, hold);
	ck_assert_msg(r->outcome == outcome,
	    "event %zu: record of hold %zu is %s, expected %s",
	    i, hold, outcome_str(r->outcome), outcome_str(outcome));
	ck_assert_msg(r->target == target,
	    "event %zu: record of hold %zu has target %d, expected %d",
	    i, hold, r->target, target);
	if (held >= 0)
		ck_assert_msg(r->held == held,
		    "event %zu: record of hold %zu has held %d, expected %d",
		    i, hold, r->held, held);
	if (start >= 0)
		ck_assert_msg(r->start == start,
		    "event %zu: record of hold %zu starts at T0+%lld, "
		    "expected T0+%lld", i, hold, (long long)(r->start - T0),
		    (long long)(start - T0));
	ck_assert_uint_lt(hold, s->nholds);
	ck_assert_msg(r->step == s->holds[hold].step,
	    "event %zu: record of hold %zu has step %zu, expected %zu",
	    i, hold, r->step, s->holds[hold].step);
	ck_assert_msg(r->side == s->holds[hold].side,
	    "event %zu: record of hold %zu has side %d, expected %d",
	    i, hold, (int)r->side, (int)s->holds[hold].side);
}

/*
 * The end of a hold: a record, and a bell when it ran to its end. The
 * header does not order the bell and the record, so either order passes.
 * held or start of -1 is not checked.
 */
static void
expect_record(const struct session *s, size_t hold,
    enum hold_outcome outcome, int target, int held, int64_t start,
    int64_t at)
{
	const struct session_event	*e, *rec = NULL;
	size_t				 i = pos, ri = 0, k, n;

	n = outcome == HOLD_DONE ? 2 : 1;
	for (k = 0; k < n; k++) {
		i = pos;
		e = next_event(n == 2 ? "EV_RECORD and EV_BELL" :
		    "EV_RECORD");
		if (e->type == SESSION_EV_RECORD && rec == NULL) {
			rec = e;
			ri = i;
		} else if (e->type == SESSION_EV_BELL && n == 2) {
			ck_assert_msg(e->at == at,
			    "event %zu: EV_BELL of hold %zu at T0+%lld, "
			    "expected T0+%lld", i, hold,
			    (long long)(e->at - T0), (long long)(at - T0));
		} else {
			ck_abort_msg("event %zu: type %s (phase %s, hold %zu, "
			    "at T0+%lld), expected %s for hold %zu (%s)", i,
			    type_str(e->type), phase_str(e->phase), e->hold,
			    (long long)(e->at - T0),
			    outcome == HOLD_DONE ? "EV_RECORD and EV_BELL" :
			    "EV_RECORD", hold, outcome_str(outcome));
		}
	}
	ck_assert_msg(rec != NULL, "no EV_RECORD for hold %zu", hold);
	check_record(s, rec, ri, hold, outcome, target, held, start, at);
}

static void
expect_done(int64_t at)
{
	const struct session_event	*e;
	size_t				 i = pos;

	e = next_event("EV_DONE");
	ck_assert_msg(e->type == SESSION_EV_DONE,
	    "event %zu: type %s (phase %s, hold %zu), expected EV_DONE",
	    i, type_str(e->type), phase_str(e->phase), e->hold);
	ck_assert_msg(e->at == at, "event %zu: EV_DONE at T0+%lld, "
	    "expected T0+%lld", i, (long long)(e->at - T0),
	    (long long)(at - T0));
}

static void
expect_no_more(void)
{
	if (pos < nev)
		ck_abort_msg("event %zu: unexpected %s (phase %s, hold %zu, "
		    "at T0+%lld); expected no more events", pos,
		    type_str(evs[pos].type), phase_str(evs[pos].phase),
		    evs[pos].hold, (long long)(evs[pos].at - T0));
}

static void
expect_state(const struct session *s, enum session_phase phase,
    size_t hold)
{
	ck_assert_msg(s->phase == phase, "phase %s, expected %s",
	    phase_str(s->phase), phase_str(phase));
	if (phase != SESSION_DONE)
		ck_assert_msg(s->cur == hold, "current hold %zu, expected %zu",
		    s->cur, hold);
}

/* The session is over: ticks and actions later give nothing. */
static void
expect_finished(struct session *s, int64_t now)
{
	size_t	before = nev;

	ck_assert_int_eq(s->phase, SESSION_DONE);
	ck_assert_int_eq(session_deadline(s), -1);
	ck_assert_int_eq(session_wake(s, now), -1);
	ck_assert_int_ge(session_remaining(s, now), 0);
	tick(s, now + 1000);
	tick(s, now + 3600 * SEC);
	act(s, SESSION_SKIP, now + 3600 * SEC + 1);
	act(s, SESSION_PAUSE, now + 3600 * SEC + 2);
	act(s, SESSION_START, now + 3600 * SEC + 3);
	ck_assert_msg(nev == before, "%zu events after the session was done",
	    nev - before);
}

/* ------------------------------------------------------------------ */
/* Routines used by several tests */

/*
 * A: stretch, hold 5 s, both sides, 1 rep. B: roll, hold 5 s.
 * Three holds: A left, A right, B.
 */
static void
routine_ab(struct fixture *f)
{
	fixture_init(f);
	add_step(f, STEP_STRETCH, 5, 1, 1, 0);
	add_step(f, STEP_ROLL, 5, 0, 1, 0);
}

/* One step: hold 10 s, 2 reps, both sides, rest 5 s. Four holds. */
static void
routine_reps(struct fixture *f)
{
	fixture_init(f);
	add_step(f, STEP_STRETCH, 10, 1, 2, 5);
}

/* Two steps of one 10 s hold each, no sides. */
static void
routine_two(struct fixture *f)
{
	fixture_init(f);
	add_step(f, STEP_STRETCH, 10, 0, 1, 0);
	add_step(f, STEP_STRETCH, 10, 0, 1, 0);
}


/* A mixed routine: 45 s rolls and 30 s stretches, as the IT band one. */
static void
routine_mixed(struct fixture *f)
{
	fixture_init(f);
	add_step(f, STEP_ROLL, 45, 1, 1, 0);
	add_step(f, STEP_STRETCH, 30, 1, 2, 10);
	add_step(f, STEP_ROLL, 45, 0, 1, 0);
}

/* Each adjust moves every hold from as written; - never lengthens one. */
START_TEST(test_adjust_moves_each_hold)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(5, 3, 0);
	size_t			i;

	routine_mixed(&f);
	o.adjust = -5;
	begin_quiet(&s, &f, &o, T0);
	for (i = 0; i < s.nholds; i++) {
		int written = f.steps[s.holds[i].step].hold;

		ck_assert_int_eq(s.holds[i].target, written - 5);
	}
	session_free(&s);
	o.adjust = -40;
	begin_quiet(&s, &f, &o, T0);
	for (i = 0; i < s.nholds; i++) {
		int written = f.steps[s.holds[i].step].hold;

		ck_assert_int_eq(s.holds[i].target, written - 40 < STEP_HOLD_MIN ?
		    STEP_HOLD_MIN : written - 40);
		ck_assert_int_le(s.holds[i].target, written);
	}
	session_free(&s);
	o.adjust = 1000;
	begin_quiet(&s, &f, &o, T0);
	for (i = 0; i < s.nholds; i++)
		ck_assert_int_eq(s.holds[i].target, STEP_HOLD_MAX);
	session_free(&s);
}
END_TEST

/* --hold sets every hold, whatever adjust says. */
START_TEST(test_adjust_under_hold)
{
	struct fixture		f;
	struct session_opts	o = mkopts(5, 3, 20);

	routine_mixed(&f);
	o.adjust = 15;
	ck_assert_int_eq(session_hold_target(&f.steps[0], &o), 20);
	ck_assert_int_eq(session_hold_target(&f.steps[1], &o), 20);
	o.hold = 0;
	ck_assert_int_eq(session_hold_target(&f.steps[1], &o), 45);
}
END_TEST

/* The plan's time, before it starts, is the session's total at its start. */
START_TEST(test_plan_time_is_total)
{
	struct fixture			f;
	struct session			s;
	struct session_plan_time	t;
	struct session_opts		o;
	int				adjust, prepare, sw;

	routine_mixed(&f);
	for (adjust = -50; adjust <= 50; adjust += 5)
	for (prepare = 0; prepare <= 5; prepare += 5)
	for (sw = 0; sw <= 3; sw += 3) {
		o = mkopts(prepare, sw, 0);
		o.adjust = adjust;
		session_plan_time(&f.r, &o, &t);
		begin_quiet(&s, &f, &o, T0);
		ck_assert_int_eq(t.total * SEC, session_total_ms(&s));
		ck_assert_int_eq(t.total, t.holds + t.rests + t.ready);
		session_free(&s);
	}
	o = mkopts(5, 3, 0);
	session_plan_time(&f.r, &o, &t);
	/* 45 x2, 30 x4, 45; rests 10 s after the first rep of each side. */
	ck_assert_int_eq(t.holds, 90 + 120 + 45);
	ck_assert_int_eq(t.rests, 20);
	ck_assert_int_eq(t.ready, 5 + 3 + 5 + 3 + 5);
}
END_TEST

/* A hold done again after going back counts once, its best outcome. */
START_TEST(test_count_redone_once)
{
	struct fixture		f;
	struct session		s;
	struct session_count	c;
	struct session_opts	o = mkopts(0, 0, 0);

	routine_two(&f);
	begin_quiet(&s, &f, &o, T0);
	tick(&s, T0 + 10 * SEC);	/* hold 0 done */
	act(&s, SESSION_BACK, T0 + 13 * SEC);	/* hold 1 partial, back */
	act(&s, SESSION_SKIP, T0 + 15 * SEC);	/* hold 0 partial now */
	session_count(&s, &c);
	ck_assert_uint_eq(c.planned, 2);
	ck_assert_uint_eq(c.done, 1);
	ck_assert_uint_eq(c.partial, 1);
	ck_assert_uint_eq(c.skipped, 0);
	act(&s, SESSION_QUIT, T0 + 15 * SEC + 300);
	session_count(&s, &c);
	ck_assert_uint_eq(c.done + c.partial + c.skipped, 2);
	ck_assert_uint_eq(c.done, 1);
	ck_assert_uint_eq(c.skipped, 0);
	session_free(&s);
}
END_TEST

/* Holds not reached are in no count; a skip is one. */
START_TEST(test_count_not_reached)
{
	struct fixture		f;
	struct session		s;
	struct session_count	c;
	struct session_opts	o = mkopts(0, 0, 0);

	routine_mixed(&f);
	begin_quiet(&s, &f, &o, T0);
	act(&s, SESSION_SKIP, T0 + 100);
	act(&s, SESSION_QUIT, T0 + 5 * SEC);
	session_count(&s, &c);
	ck_assert_uint_eq(c.planned, 7);
	ck_assert_uint_eq(c.skipped, 1);
	ck_assert_uint_eq(c.partial, 1);
	ck_assert_uint_eq(c.done, 0);
	session_free(&s);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Names */

/* The engine's sides and outcomes are the log's numbers for its words. */
START_TEST(test_side_names)
{
	ck_assert_str_eq(holdlog_side_word(SIDE_LEFT), "left");
	ck_assert_str_eq(holdlog_side_word(SIDE_RIGHT), "right");
	ck_assert_str_eq(holdlog_side_word(SIDE_NONE), "-");
}
END_TEST

START_TEST(test_outcome_names)
{
	ck_assert_str_eq(holdlog_outcome_word(HOLD_DONE), "done");
	ck_assert_str_eq(holdlog_outcome_word(HOLD_PARTIAL), "partial");
	ck_assert_str_eq(holdlog_outcome_word(HOLD_SKIPPED), "skipped");
}
END_TEST

/* ------------------------------------------------------------------ */
/* The plan */

START_TEST(test_plan_ab)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(5, 3, 0);

	routine_ab(&f);
	begin(&s, &f, &o, T0);
	ck_assert_ptr_eq(s.routine, &f.r);
	ck_assert_uint_eq(s.nholds, 3);
	ck_assert_ptr_nonnull(s.holds);

	ck_assert_uint_eq(s.holds[0].step, 0);
	ck_assert_int_eq(s.holds[0].side, SIDE_LEFT);
	ck_assert_int_eq(s.holds[0].rep, 1);
	ck_assert_int_eq(s.holds[0].target, 5);

	ck_assert_uint_eq(s.holds[1].step, 0);
	ck_assert_int_eq(s.holds[1].side, SIDE_RIGHT);
	ck_assert_int_eq(s.holds[1].rep, 1);
	ck_assert_int_eq(s.holds[1].target, 5);

	ck_assert_uint_eq(s.holds[2].step, 1);
	ck_assert_int_eq(s.holds[2].side, SIDE_NONE);
	ck_assert_int_eq(s.holds[2].rep, 1);
	ck_assert_int_eq(s.holds[2].target, 5);
	session_free(&s);
}
END_TEST

START_TEST(test_plan_reps)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(5, 5, 0);
	static const struct {
		enum session_side	side;
		int			rep;
	} want[] = {
		{ SIDE_LEFT, 1 }, { SIDE_LEFT, 2 },
		{ SIDE_RIGHT, 1 }, { SIDE_RIGHT, 2 },
	};
	size_t			i;

	routine_reps(&f);
	begin(&s, &f, &o, T0);
	ck_assert_uint_eq(s.nholds, 4);
	for (i = 0; i < 4; i++) {
		ck_assert_uint_eq(s.holds[i].step, 0);
		ck_assert_int_eq(s.holds[i].side, want[i].side);
		ck_assert_int_eq(s.holds[i].rep, want[i].rep);
		ck_assert_int_eq(s.holds[i].target, 10);
	}
	session_free(&s);
}
END_TEST

/*
 * Steps on one side only: right x2 with a 5 s rest, then left. Each hold
 * is on its side, each step begins with "Get into position" (there is no
 * switch), and every record carries the side.
 */
START_TEST(test_one_side)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(5, 3, 0);
	size_t			i, records = 0;

	fixture_init(&f);
	add_step(&f, STEP_STRETCH, 10, 0, 2, 5);
	f.steps[0].one_side = SIDES_RIGHT;
	add_step(&f, STEP_ROLL, 10, 0, 1, 0);
	f.steps[1].one_side = SIDES_LEFT;
	begin(&s, &f, &o, T0);
	ck_assert_uint_eq(s.nholds, 3);
	ck_assert_int_eq(s.holds[0].side, SIDE_RIGHT);
	ck_assert_int_eq(s.holds[0].rep, 1);
	ck_assert_int_eq(s.holds[1].side, SIDE_RIGHT);
	ck_assert_int_eq(s.holds[1].rep, 2);
	ck_assert_int_eq(s.holds[2].side, SIDE_LEFT);
	ck_assert_uint_eq(s.holds[2].step, 1);
	ck_assert_int_eq(session_total_ms(&s), 45 * SEC);
	ck_assert_str_eq(session_prompt(&s), "Get into position");

	expect_phase(SESSION_PREPARE, 0, T0);
	tick(&s, T0 + 45 * SEC);
	expect_phase(SESSION_HOLD, 0, T0 + 5 * SEC);
	expect_record(&s, 0, HOLD_DONE, 10, 10, T0 + 5 * SEC, T0 + 15 * SEC);
	expect_phase(SESSION_REST, 1, T0 + 15 * SEC);
	expect_phase(SESSION_HOLD, 1, T0 + 20 * SEC);
	expect_record(&s, 1, HOLD_DONE, 10, 10, T0 + 20 * SEC, T0 + 30 * SEC);
	expect_phase(SESSION_PREPARE, 2, T0 + 30 * SEC);
	expect_phase(SESSION_HOLD, 2, T0 + 35 * SEC);
	expect_record(&s, 2, HOLD_DONE, 10, 10, T0 + 35 * SEC, T0 + 45 * SEC);
	expect_done(T0 + 45 * SEC);
	expect_no_more();
	for (i = 0; i < nev; i++) {
		if (evs[i].type != SESSION_EV_RECORD)
			continue;
		ck_assert_int_eq(evs[i].record.side,
		    records++ < 2 ? SIDE_RIGHT : SIDE_LEFT);
	}
	ck_assert_uint_eq(records, 3);
	session_free(&s);
}
END_TEST

/* The right side alone, from a routine file: no switch before rep 1. */
START_TEST(test_one_side_loaded)
{
	static const char	yaml[] =
	    "id: one-side\n"
	    "name: One side\n"
	    "areas: [calves, it-band]\n"
	    "steps:\n"
	    "  - name: Wall calf, sore leg only\n"
	    "    kind: Stretch\n"
	    "    area: calf\n"
	    "    hold: 30 sec\n"
	    "    sides: Right\n"
	    "    reps: 2\n"
	    "  - name: Roll the IT band\n"
	    "    kind: foam roll\n"
	    "    area: IT band\n"
	    "    hold: 1:00\n"
	    "    sides: left\n";
	struct diag_list	d;
	struct routine		*r;
	struct session		s;
	struct session_opts	o = mkopts(10, 5, 0);

	diag_init(&d);
	r = routine_load_buffer("one-side.yaml", yaml, sizeof yaml - 1, &d);
	ck_assert_ptr_nonnull(r);
	ck_assert_uint_eq(d.errors, 0);
	session_init(&s, r, &o, T0);
	ck_assert_uint_eq(s.nholds, 3);
	ck_assert_int_eq(s.holds[0].side, SIDE_RIGHT);
	ck_assert_int_eq(s.holds[0].target, 30);
	ck_assert_int_eq(s.holds[1].side, SIDE_RIGHT);
	ck_assert_int_eq(s.holds[1].rep, 2);
	ck_assert_int_eq(s.holds[2].side, SIDE_LEFT);
	ck_assert_int_eq(s.holds[2].target, 60);
	ck_assert_int_eq(r->steps[1].kind, STEP_ROLL);
	/* 10+30 +0+30 +10+60: rest 0 between the reps, no switch. */
	ck_assert_int_eq(session_total_ms(&s), 140 * SEC);
	session_tick(&s, T0 + 40 * SEC);
	ck_assert_uint_eq(s.cur, 1);
	ck_assert_str_ne(session_prompt(&s), "Switch to the right side");
	session_free(&s);
	routine_free(r);
	diag_done(&d);
}
END_TEST

/* The first phase begins at init, and says so with an event. */
START_TEST(test_init_event)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(5, 3, 0);

	routine_ab(&f);
	begin(&s, &f, &o, T0);
	expect_state(&s, SESSION_PREPARE, 0);
	ck_assert_int_eq(s.start, T0);
	ck_assert_int_eq(s.length, 5 * SEC);
	ck_assert_int_eq(s.paused, 0);
	ck_assert_int_eq(s.quit, 0);
	expect_phase(SESSION_PREPARE, 0, T0);
	expect_no_more();
	session_free(&s);
}
END_TEST

/* Every phase of A, A, B, ticked exactly at each deadline. */
START_TEST(test_phases_ab)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(5, 3, 0);

	routine_ab(&f);
	begin_quiet(&s, &f, &o, T0);

	expect_state(&s, SESSION_PREPARE, 0);
	ck_assert_str_eq(session_prompt(&s), "Get into position");
	ck_assert_int_eq(session_deadline(&s), T0 + 5 * SEC);
	ck_assert_int_eq(session_remaining(&s, T0), 5 * SEC);
	ck_assert_int_eq(session_elapsed(&s, T0), 0);
	ck_assert_str_eq(holdlog_side_word(s.holds[s.cur].side), "left");

	tick(&s, T0 + 4999);
	expect_no_more();
	expect_state(&s, SESSION_PREPARE, 0);
	ck_assert_int_eq(session_remaining(&s, T0 + 4999), 1);
	ck_assert_int_eq(session_elapsed(&s, T0 + 4999), 4999);

	tick(&s, T0 + 5 * SEC);
	expect_phase(SESSION_HOLD, 0, T0 + 5 * SEC);
	expect_no_more();
	expect_state(&s, SESSION_HOLD, 0);
	ck_assert_str_eq(session_prompt(&s), "Hold");
	ck_assert_int_eq(s.start, T0 + 5 * SEC);
	ck_assert_int_eq(session_deadline(&s), T0 + 10 * SEC);
	ck_assert_int_eq(session_remaining(&s, T0 + 5 * SEC), 5 * SEC);

	tick(&s, T0 + 10 * SEC);
	expect_record(&s, 0, HOLD_DONE, 5, 5, T0 + 5 * SEC, T0 + 10 * SEC);
	expect_phase(SESSION_PREPARE, 1, T0 + 10 * SEC);
	expect_no_more();
	expect_state(&s, SESSION_PREPARE, 1);
	ck_assert_str_eq(session_prompt(&s), "Switch to the right side");
	ck_assert_str_eq(holdlog_side_word(s.holds[s.cur].side), "right");
	ck_assert_int_eq(session_deadline(&s), T0 + 13 * SEC);

	tick(&s, T0 + 13 * SEC);
	expect_phase(SESSION_HOLD, 1, T0 + 13 * SEC);
	expect_no_more();
	expect_state(&s, SESSION_HOLD, 1);
	ck_assert_str_eq(session_prompt(&s), "Hold");
	ck_assert_int_eq(session_deadline(&s), T0 + 18 * SEC);

	tick(&s, T0 + 18 * SEC);
	expect_record(&s, 1, HOLD_DONE, 5, 5, T0 + 13 * SEC, T0 + 18 * SEC);
	expect_phase(SESSION_PREPARE, 2, T0 + 18 * SEC);
	expect_no_more();
	expect_state(&s, SESSION_PREPARE, 2);
	ck_assert_str_eq(session_prompt(&s), "Get into position");
	ck_assert_str_eq(holdlog_side_word(s.holds[s.cur].side), "-");
	ck_assert_int_eq(session_deadline(&s), T0 + 23 * SEC);

	tick(&s, T0 + 23 * SEC);
	expect_phase(SESSION_HOLD, 2, T0 + 23 * SEC);
	expect_no_more();
	expect_state(&s, SESSION_HOLD, 2);
	ck_assert_str_eq(session_prompt(&s), "Last one");
	ck_assert_int_eq(session_deadline(&s), T0 + 28 * SEC);

	tick(&s, T0 + 28 * SEC);
	expect_record(&s, 2, HOLD_DONE, 5, 5, T0 + 23 * SEC, T0 + 28 * SEC);
	expect_done(T0 + 28 * SEC);
	expect_no_more();
	ck_assert_int_eq(s.ended, T0 + 28 * SEC);
	ck_assert_int_eq(s.quit, 0);
	expect_finished(&s, T0 + 28 * SEC);
	session_free(&s);
}
END_TEST

/* The same run, but ticked once at the very end. */
static void
check_ab_log(const struct session *s)
{
	expect_phase(SESSION_HOLD, 0, T0 + 5 * SEC);
	expect_record(s, 0, HOLD_DONE, 5, 5, T0 + 5 * SEC, T0 + 10 * SEC);
	expect_phase(SESSION_PREPARE, 1, T0 + 10 * SEC);
	expect_phase(SESSION_HOLD, 1, T0 + 13 * SEC);
	expect_record(s, 1, HOLD_DONE, 5, 5, T0 + 13 * SEC, T0 + 18 * SEC);
	expect_phase(SESSION_PREPARE, 2, T0 + 18 * SEC);
	expect_phase(SESSION_HOLD, 2, T0 + 23 * SEC);
	expect_record(s, 2, HOLD_DONE, 5, 5, T0 + 23 * SEC, T0 + 28 * SEC);
	expect_done(T0 + 28 * SEC);
	expect_no_more();
}

START_TEST(test_one_late_tick_at_end)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(5, 3, 0);

	routine_ab(&f);
	begin_quiet(&s, &f, &o, T0);
	tick(&s, T0 + 28 * SEC);
	check_ab_log(&s);
	ck_assert_int_eq(s.ended, T0 + 28 * SEC);
	expect_finished(&s, T0 + 28 * SEC);
	session_free(&s);
}
END_TEST

START_TEST(test_one_late_tick_ten_minutes)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(5, 3, 0);

	routine_ab(&f);
	begin_quiet(&s, &f, &o, T0);
	tick(&s, T0 + 1000);
	expect_no_more();
	tick(&s, T0 + 600 * SEC);
	check_ab_log(&s);
	ck_assert_int_eq(s.ended, T0 + 28 * SEC);
	expect_finished(&s, T0 + 600 * SEC);
	session_free(&s);
}
END_TEST

/* A tick late by some seconds inside the run still keeps the plan. */
START_TEST(test_late_tick_midway)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(5, 3, 0);

	routine_ab(&f);
	begin_quiet(&s, &f, &o, T0);
	tick(&s, T0 + 11500);	/* past HOLD 0's end and into PREPARE 1 */
	expect_phase(SESSION_HOLD, 0, T0 + 5 * SEC);
	expect_record(&s, 0, HOLD_DONE, 5, 5, T0 + 5 * SEC, T0 + 10 * SEC);
	expect_phase(SESSION_PREPARE, 1, T0 + 10 * SEC);
	expect_no_more();
	expect_state(&s, SESSION_PREPARE, 1);
	ck_assert_int_eq(s.start, T0 + 10 * SEC);
	ck_assert_int_eq(session_remaining(&s, T0 + 11500), 1500);
	ck_assert_int_eq(session_deadline(&s), T0 + 13 * SEC);
	tick(&s, T0 + 60 * SEC);
	expect_phase(SESSION_HOLD, 1, T0 + 13 * SEC);
	expect_record(&s, 1, HOLD_DONE, 5, 5, T0 + 13 * SEC, T0 + 18 * SEC);
	expect_phase(SESSION_PREPARE, 2, T0 + 18 * SEC);
	expect_phase(SESSION_HOLD, 2, T0 + 23 * SEC);
	expect_record(&s, 2, HOLD_DONE, 5, 5, T0 + 23 * SEC, T0 + 28 * SEC);
	expect_done(T0 + 28 * SEC);
	expect_no_more();
	session_free(&s);
}
END_TEST

START_TEST(test_no_events_before_deadline)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(5, 3, 0);
	struct session_event	e;
	int64_t			t;

	routine_ab(&f);
	begin_quiet(&s, &f, &o, T0);
	for (t = T0; t < T0 + 5 * SEC; t += 250)
		tick(&s, t);
	expect_no_more();
	ck_assert_int_eq(session_event(&s, &e), 0);
	ck_assert_int_eq(session_event(&s, &e), 0);
	session_free(&s);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Reps and rest */

START_TEST(test_reps_rest)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(5, 5, 0);

	routine_reps(&f);
	begin_quiet(&s, &f, &o, T0);
	expect_state(&s, SESSION_PREPARE, 0);
	ck_assert_str_eq(session_prompt(&s), "Get into position");

	tick(&s, T0 + 15 * SEC);
	expect_phase(SESSION_HOLD, 0, T0 + 5 * SEC);
	expect_record(&s, 0, HOLD_DONE, 10, 10, T0 + 5 * SEC, T0 + 15 * SEC);
	expect_phase(SESSION_REST, 1, T0 + 15 * SEC);
	expect_no_more();
	expect_state(&s, SESSION_REST, 1);
	ck_assert_str_eq(session_prompt(&s), "Rest");
	ck_assert_int_eq(session_deadline(&s), T0 + 20 * SEC);

	tick(&s, T0 + 35 * SEC);
	expect_phase(SESSION_HOLD, 1, T0 + 20 * SEC);
	expect_record(&s, 1, HOLD_DONE, 10, 10, T0 + 20 * SEC, T0 + 30 * SEC);
	expect_phase(SESSION_PREPARE, 2, T0 + 30 * SEC);
	expect_phase(SESSION_HOLD, 2, T0 + 35 * SEC);
	expect_no_more();
	expect_state(&s, SESSION_HOLD, 2);
	ck_assert_str_eq(session_prompt(&s), "Hold");

	tick(&s, T0 + 60 * SEC);
	expect_record(&s, 2, HOLD_DONE, 10, 10, T0 + 35 * SEC, T0 + 45 * SEC);
	expect_phase(SESSION_REST, 3, T0 + 45 * SEC);
	expect_phase(SESSION_HOLD, 3, T0 + 50 * SEC);
	expect_record(&s, 3, HOLD_DONE, 10, 10, T0 + 50 * SEC, T0 + 60 * SEC);
	expect_done(T0 + 60 * SEC);
	expect_no_more();
	ck_assert_int_eq(session_total_ms(&s), 60 * SEC);
	expect_finished(&s, T0 + 60 * SEC);
	session_free(&s);
}
END_TEST

START_TEST(test_switch_prompt_reps)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(5, 5, 0);

	routine_reps(&f);
	begin_quiet(&s, &f, &o, T0);
	tick(&s, T0 + 30 * SEC);
	expect_state(&s, SESSION_PREPARE, 2);
	ck_assert_str_eq(session_prompt(&s), "Switch to the right side");
	tick(&s, T0 + 50 * SEC);
	expect_state(&s, SESSION_HOLD, 3);
	ck_assert_str_eq(session_prompt(&s), "Last one");
	session_free(&s);
}
END_TEST

/* With no switch time, the step's rest comes before the right side. */
START_TEST(test_switch_zero_uses_rest)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(5, 0, 0);
	size_t			i;

	routine_reps(&f);
	begin_quiet(&s, &f, &o, T0);
	tick(&s, T0 + 60 * SEC);
	expect_phase(SESSION_HOLD, 0, T0 + 5 * SEC);
	expect_record(&s, 0, HOLD_DONE, 10, 10, T0 + 5 * SEC, T0 + 15 * SEC);
	expect_phase(SESSION_REST, 1, T0 + 15 * SEC);
	expect_phase(SESSION_HOLD, 1, T0 + 20 * SEC);
	expect_record(&s, 1, HOLD_DONE, 10, 10, T0 + 20 * SEC, T0 + 30 * SEC);

	/* The phase before R1: the step's rest, 5 s; PREPARE or REST. */
	i = pos;
	ck_assert_uint_lt(i, nev);
	ck_assert_int_eq(evs[i].type, SESSION_EV_PHASE);
	ck_assert_msg(evs[i].phase == SESSION_PREPARE ||
	    evs[i].phase == SESSION_REST, "phase %s before R1",
	    phase_str(evs[i].phase));
	ck_assert_uint_eq(evs[i].hold, 2);
	ck_assert_int_eq(evs[i].at, T0 + 30 * SEC);
	pos++;

	expect_phase(SESSION_HOLD, 2, T0 + 35 * SEC);
	expect_record(&s, 2, HOLD_DONE, 10, 10, T0 + 35 * SEC, T0 + 45 * SEC);
	expect_phase(SESSION_REST, 3, T0 + 45 * SEC);
	expect_phase(SESSION_HOLD, 3, T0 + 50 * SEC);
	expect_record(&s, 3, HOLD_DONE, 10, 10, T0 + 50 * SEC, T0 + 60 * SEC);
	expect_done(T0 + 60 * SEC);
	expect_no_more();
	ck_assert_int_eq(session_total_ms(&s), 60 * SEC);
	session_free(&s);
}
END_TEST

/* No switch time and no rest: the right side begins straight away. */
START_TEST(test_switch_zero_rest_zero)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(0, 0, 0);

	fixture_init(&f);
	add_step(&f, STEP_STRETCH, 10, 1, 1, 0);
	begin(&s, &f, &o, T0);
	expect_phase(SESSION_HOLD, 0, T0);
	expect_no_more();
	tick(&s, T0 + 20 * SEC);
	expect_record(&s, 0, HOLD_DONE, 10, 10, T0, T0 + 10 * SEC);
	expect_phase(SESSION_HOLD, 1, T0 + 10 * SEC);
	expect_record(&s, 1, HOLD_DONE, 10, 10, T0 + 10 * SEC, T0 + 20 * SEC);
	expect_done(T0 + 20 * SEC);
	expect_no_more();
	ck_assert_int_eq(session_total_ms(&s), 20 * SEC);
	session_free(&s);
}
END_TEST

/* Zero-length phases are skipped: with no preparation it starts in HOLD. */
START_TEST(test_prepare_zero)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(0, 3, 0);

	routine_ab(&f);
	begin(&s, &f, &o, T0);
	expect_state(&s, SESSION_HOLD, 0);
	ck_assert_int_eq(s.start, T0);
	ck_assert_int_eq(session_deadline(&s), T0 + 5 * SEC);
	expect_phase(SESSION_HOLD, 0, T0);
	expect_no_more();
	ck_assert_int_eq(session_total_ms(&s), 18 * SEC);

	tick(&s, T0 + 18 * SEC);
	expect_record(&s, 0, HOLD_DONE, 5, 5, T0, T0 + 5 * SEC);
	expect_phase(SESSION_PREPARE, 1, T0 + 5 * SEC);
	expect_phase(SESSION_HOLD, 1, T0 + 8 * SEC);
	expect_record(&s, 1, HOLD_DONE, 5, 5, T0 + 8 * SEC, T0 + 13 * SEC);
	expect_phase(SESSION_HOLD, 2, T0 + 13 * SEC);
	expect_record(&s, 2, HOLD_DONE, 5, 5, T0 + 13 * SEC, T0 + 18 * SEC);
	expect_done(T0 + 18 * SEC);
	expect_no_more();
	session_free(&s);
}
END_TEST

/* A routine loaded from YAML plans and times the same way. */
START_TEST(test_loaded_routine)
{
	static const char	yaml[] =
	    "id: session-test\n"
	    "name: Session test\n"
	    "areas: [adductors]\n"
	    "steps:\n"
	    "  - name: Roll the inner thigh\n"
	    "    kind: roll\n"
	    "    area: adductors\n"
	    "    hold: 45s\n"
	    "    sides: both\n"
	    "  - name: Butterfly stretch\n"
	    "    kind: stretch\n"
	    "    area: adductors\n"
	    "    hold: 30s\n"
	    "    reps: 2\n"
	    "    rest: 10s\n"
	    "  - name: Side lunge stretch\n"
	    "    kind: stretch\n"
	    "    area: adductors\n"
	    "    hold: 30s\n"
	    "    sides: both\n";
	struct diag_list	d;
	struct routine		*r;
	struct session		s;
	struct session_opts	o = mkopts(10, 5, 0);
	struct session_event	e;
	int64_t			t, last = -1, done_at = -1;
	size_t			records = 0;

	diag_init(&d);
	r = routine_load_buffer("session-test.yaml", yaml, sizeof yaml - 1,
	    &d);
	ck_assert_ptr_nonnull(r);
	ck_assert_uint_eq(d.errors, 0);
	session_init(&s, r, &o, T0);
	ck_assert_uint_eq(s.nholds, 6);
	ck_assert_uint_eq(s.holds[0].step, 0);
	ck_assert_int_eq(s.holds[0].side, SIDE_LEFT);
	ck_assert_int_eq(s.holds[0].target, 45);
	ck_assert_uint_eq(s.holds[1].step, 0);
	ck_assert_int_eq(s.holds[1].side, SIDE_RIGHT);
	ck_assert_uint_eq(s.holds[2].step, 1);
	ck_assert_int_eq(s.holds[2].side, SIDE_NONE);
	ck_assert_int_eq(s.holds[2].rep, 1);
	ck_assert_uint_eq(s.holds[3].step, 1);
	ck_assert_int_eq(s.holds[3].rep, 2);
	ck_assert_int_eq(s.holds[3].target, 30);
	ck_assert_uint_eq(s.holds[4].step, 2);
	ck_assert_int_eq(s.holds[4].side, SIDE_LEFT);
	ck_assert_uint_eq(s.holds[5].step, 2);
	ck_assert_int_eq(s.holds[5].side, SIDE_RIGHT);
	/* 10+45 +5+45 +10+30 +10+30 +10+30 +5+30 */
	ck_assert_int_eq(session_total_ms(&s), 260 * SEC);

	for (t = T0; done_at < 0 && t <= T0 + 400 * SEC; t += 700) {
		session_tick(&s, t);
		while (session_event(&s, &e)) {
			ck_assert_int_ge(e.at, last);
			last = e.at;
			if (e.type == SESSION_EV_RECORD) {
				ck_assert_int_eq(e.record.outcome, HOLD_DONE);
				ck_assert_uint_eq(e.record.hold, records);
				records++;
			} else if (e.type == SESSION_EV_DONE)
				done_at = e.at;
		}
	}
	ck_assert_uint_eq(records, 6);
	ck_assert_int_eq(done_at, T0 + 260 * SEC);
	session_free(&s);
	routine_free(r);
	diag_done(&d);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Pause */

START_TEST(test_pause)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(0, 0, 0);
	int64_t			t;

	fixture_init(&f);
	add_step(&f, STEP_STRETCH, 10, 0, 1, 0);
	begin_quiet(&s, &f, &o, T0);
	expect_state(&s, SESSION_HOLD, 0);

	act(&s, SESSION_PAUSE, T0 + 3 * SEC);
	expect_no_more();
	ck_assert_int_eq(s.paused, 1);
	expect_state(&s, SESSION_HOLD, 0);
	ck_assert_int_eq(session_deadline(&s), -1);
	for (t = T0 + 3 * SEC; t <= T0 + 10 * SEC; t += 500) {
		tick(&s, t);
		ck_assert_int_eq(session_remaining(&s, t), 7 * SEC);
		ck_assert_int_eq(session_elapsed(&s, t), 3 * SEC);
		ck_assert_int_eq(session_deadline(&s), -1);
		ck_assert_int_eq(session_wake(&s, t), -1);
	}
	/* Well past the hold's first deadline: still nothing. */
	expect_no_more();

	act(&s, SESSION_PAUSE, T0 + 10 * SEC);
	ck_assert_int_eq(s.paused, 0);
	expect_no_more();
	ck_assert_int_eq(session_deadline(&s), T0 + 17 * SEC);
	ck_assert_int_eq(session_remaining(&s, T0 + 10 * SEC), 7 * SEC);
	ck_assert_int_eq(session_elapsed(&s, T0 + 12 * SEC), 5 * SEC);

	tick(&s, T0 + 16999);
	expect_no_more();
	tick(&s, T0 + 17 * SEC);
	expect_record(&s, 0, HOLD_DONE, 10, 10, T0, T0 + 17 * SEC);
	expect_done(T0 + 17 * SEC);
	expect_no_more();
	ck_assert_int_eq(s.ended, T0 + 17 * SEC);
	session_free(&s);
}
END_TEST

/* The pause moves every later phase on too. */
START_TEST(test_pause_shifts_plan)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(5, 3, 0);

	routine_ab(&f);
	begin_quiet(&s, &f, &o, T0);
	act(&s, SESSION_PAUSE, T0 + 2 * SEC);	/* in PREPARE 0 */
	tick(&s, T0 + 11 * SEC);	/* past the first deadline */
	expect_no_more();
	act(&s, SESSION_PAUSE, T0 + 12 * SEC);	/* paused 10 s */
	tick(&s, T0 + 100 * SEC);
	expect_phase(SESSION_HOLD, 0, T0 + 15 * SEC);
	expect_record(&s, 0, HOLD_DONE, 5, 5, T0 + 15 * SEC, T0 + 20 * SEC);
	expect_phase(SESSION_PREPARE, 1, T0 + 20 * SEC);
	expect_phase(SESSION_HOLD, 1, T0 + 23 * SEC);
	expect_record(&s, 1, HOLD_DONE, 5, 5, T0 + 23 * SEC, T0 + 28 * SEC);
	expect_phase(SESSION_PREPARE, 2, T0 + 28 * SEC);
	expect_phase(SESSION_HOLD, 2, T0 + 33 * SEC);
	expect_record(&s, 2, HOLD_DONE, 5, 5, T0 + 33 * SEC, T0 + 38 * SEC);
	expect_done(T0 + 38 * SEC);
	expect_no_more();
	session_free(&s);
}
END_TEST

/* Two pauses in one hold; neither counts as held. */
START_TEST(test_pause_twice)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(0, 0, 0);

	fixture_init(&f);
	add_step(&f, STEP_STRETCH, 10, 0, 1, 0);
	begin_quiet(&s, &f, &o, T0);
	act(&s, SESSION_PAUSE, T0 + 2 * SEC);
	act(&s, SESSION_PAUSE, T0 + 5 * SEC);	/* 3 s */
	act(&s, SESSION_PAUSE, T0 + 6 * SEC);
	act(&s, SESSION_PAUSE, T0 + 10 * SEC);	/* 4 s */
	ck_assert_int_eq(session_elapsed(&s, T0 + 10 * SEC), 3 * SEC);
	ck_assert_int_eq(session_deadline(&s), T0 + 17 * SEC);
	tick(&s, T0 + 20 * SEC);
	expect_record(&s, 0, HOLD_DONE, 10, 10, T0, T0 + 17 * SEC);
	expect_done(T0 + 17 * SEC);
	expect_no_more();
	session_free(&s);
}
END_TEST

/* Quit while paused: the held time stops at the pause. */
START_TEST(test_quit_while_paused)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(0, 0, 0);

	routine_two(&f);
	begin_quiet(&s, &f, &o, T0);
	act(&s, SESSION_PAUSE, T0 + 3 * SEC);
	act(&s, SESSION_QUIT, T0 + 9 * SEC);
	expect_record(&s, 0, HOLD_PARTIAL, 10, 3, T0, T0 + 9 * SEC);
	expect_done(T0 + 9 * SEC);
	expect_no_more();
	ck_assert_int_eq(s.quit, 1);
	expect_finished(&s, T0 + 9 * SEC);
	session_free(&s);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Skip */

START_TEST(test_skip_hold_partial)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(0, 0, 0);

	routine_two(&f);
	begin_quiet(&s, &f, &o, T0);
	act(&s, SESSION_SKIP, T0 + 4 * SEC);
	expect_record(&s, 0, HOLD_PARTIAL, 10, 4, T0, T0 + 4 * SEC);
	expect_phase(SESSION_HOLD, 1, T0 + 4 * SEC);
	expect_no_more();
	expect_state(&s, SESSION_HOLD, 1);
	ck_assert_int_eq(session_deadline(&s), T0 + 14 * SEC);
	tick(&s, T0 + 14 * SEC);
	expect_record(&s, 1, HOLD_DONE, 10, 10, T0 + 4 * SEC, T0 + 14 * SEC);
	expect_done(T0 + 14 * SEC);
	expect_no_more();
	session_free(&s);
}
END_TEST

START_TEST(test_skip_hold_under_a_second)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(0, 0, 0);

	routine_two(&f);
	begin_quiet(&s, &f, &o, T0);
	act(&s, SESSION_SKIP, T0 + 500);
	expect_record(&s, 0, HOLD_SKIPPED, 10, 0, T0, T0 + 500);
	expect_phase(SESSION_HOLD, 1, T0 + 500);
	expect_no_more();
	session_free(&s);
}
END_TEST

START_TEST(test_skip_in_prepare)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(5, 0, 0);

	routine_two(&f);
	begin_quiet(&s, &f, &o, T0);
	act(&s, SESSION_SKIP, T0 + 2 * SEC);
	expect_record(&s, 0, HOLD_SKIPPED, 10, 0, -1, T0 + 2 * SEC);
	expect_phase(SESSION_PREPARE, 1, T0 + 2 * SEC);
	expect_no_more();
	expect_state(&s, SESSION_PREPARE, 1);
	ck_assert_int_eq(session_deadline(&s), T0 + 7 * SEC);
	tick(&s, T0 + 17 * SEC);
	expect_phase(SESSION_HOLD, 1, T0 + 7 * SEC);
	expect_record(&s, 1, HOLD_DONE, 10, 10, T0 + 7 * SEC, T0 + 17 * SEC);
	expect_done(T0 + 17 * SEC);
	expect_no_more();
	session_free(&s);
}
END_TEST

START_TEST(test_skip_in_rest)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(0, 5, 0);

	routine_reps(&f);
	begin_quiet(&s, &f, &o, T0);
	tick(&s, T0 + 11 * SEC);
	expect_record(&s, 0, HOLD_DONE, 10, 10, T0, T0 + 10 * SEC);
	expect_phase(SESSION_REST, 1, T0 + 10 * SEC);
	expect_no_more();
	act(&s, SESSION_SKIP, T0 + 12 * SEC);
	expect_record(&s, 1, HOLD_SKIPPED, 10, 0, -1, T0 + 12 * SEC);
	expect_phase(SESSION_PREPARE, 2, T0 + 12 * SEC);
	expect_no_more();
	expect_state(&s, SESSION_PREPARE, 2);
	session_free(&s);
}
END_TEST

/* Skipping the last hold ends the session. */
START_TEST(test_skip_last)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(0, 0, 0);

	routine_two(&f);
	begin_quiet(&s, &f, &o, T0);
	tick(&s, T0 + 10 * SEC);
	log_clear();
	act(&s, SESSION_SKIP, T0 + 16 * SEC);
	expect_record(&s, 1, HOLD_PARTIAL, 10, 6, T0 + 10 * SEC,
	    T0 + 16 * SEC);
	expect_done(T0 + 16 * SEC);
	expect_no_more();
	ck_assert_int_eq(s.quit, 0);
	expect_finished(&s, T0 + 16 * SEC);
	session_free(&s);
}
END_TEST

/* An action is applied after ticking to its time. */
START_TEST(test_act_ticks_first)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(5, 0, 0);

	routine_two(&f);
	begin_quiet(&s, &f, &o, T0);
	/* Never ticked: HOLD 0 ended at T0+15 s, PREPARE 1 began then. */
	act(&s, SESSION_SKIP, T0 + 16 * SEC);
	expect_phase(SESSION_HOLD, 0, T0 + 5 * SEC);
	expect_record(&s, 0, HOLD_DONE, 10, 10, T0 + 5 * SEC, T0 + 15 * SEC);
	expect_phase(SESSION_PREPARE, 1, T0 + 15 * SEC);
	expect_record(&s, 1, HOLD_SKIPPED, 10, 0, -1, T0 + 16 * SEC);
	expect_done(T0 + 16 * SEC);
	expect_no_more();
	session_free(&s);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Back */

START_TEST(test_back)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(5, 0, 0);

	routine_two(&f);
	begin_quiet(&s, &f, &o, T0);
	tick(&s, T0 + 20 * SEC);
	expect_phase(SESSION_HOLD, 0, T0 + 5 * SEC);
	expect_record(&s, 0, HOLD_DONE, 10, 10, T0 + 5 * SEC, T0 + 15 * SEC);
	expect_phase(SESSION_PREPARE, 1, T0 + 15 * SEC);
	expect_phase(SESSION_HOLD, 1, T0 + 20 * SEC);
	expect_no_more();

	act(&s, SESSION_BACK, T0 + 24 * SEC);
	expect_record(&s, 1, HOLD_PARTIAL, 10, 4, T0 + 20 * SEC,
	    T0 + 24 * SEC);
	expect_phase(SESSION_PREPARE, 0, T0 + 24 * SEC);
	expect_no_more();
	expect_state(&s, SESSION_PREPARE, 0);
	ck_assert_int_eq(session_deadline(&s), T0 + 29 * SEC);

	tick(&s, T0 + 60 * SEC);
	expect_phase(SESSION_HOLD, 0, T0 + 29 * SEC);
	expect_record(&s, 0, HOLD_DONE, 10, 10, T0 + 29 * SEC, T0 + 39 * SEC);
	expect_phase(SESSION_PREPARE, 1, T0 + 39 * SEC);
	expect_phase(SESSION_HOLD, 1, T0 + 44 * SEC);
	expect_record(&s, 1, HOLD_DONE, 10, 10, T0 + 44 * SEC, T0 + 54 * SEC);
	expect_done(T0 + 54 * SEC);
	expect_no_more();
	session_free(&s);
}
END_TEST

/* Back under a second into a hold logs it as skipped. */
START_TEST(test_back_skipped)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(0, 0, 0);

	routine_two(&f);
	begin_quiet(&s, &f, &o, T0);
	tick(&s, T0 + 10 * SEC);
	log_clear();
	act(&s, SESSION_BACK, T0 + 10 * SEC + 300);
	expect_record(&s, 1, HOLD_SKIPPED, 10, 0, T0 + 10 * SEC,
	    T0 + 10 * SEC + 300);
	/* Hold 0 has no phase before it: straight to its HOLD. */
	expect_phase(SESSION_HOLD, 0, T0 + 10 * SEC + 300);
	expect_no_more();
	expect_state(&s, SESSION_HOLD, 0);
	ck_assert_int_eq(session_deadline(&s), T0 + 20 * SEC + 300);
	session_free(&s);
}
END_TEST

/* Back to a hold that has a rest before it goes to that rest. */
START_TEST(test_back_to_rest)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(0, 5, 0);

	routine_reps(&f);
	begin_quiet(&s, &f, &o, T0);
	/* L1 0-10, REST 10-15, L2 15-25, PREPARE 25-30, R1 30-40 */
	tick(&s, T0 + 32 * SEC);
	expect_state(&s, SESSION_HOLD, 2);
	log_clear();
	act(&s, SESSION_BACK, T0 + 32 * SEC);
	expect_record(&s, 2, HOLD_PARTIAL, 10, 2, T0 + 30 * SEC,
	    T0 + 32 * SEC);
	expect_phase(SESSION_REST, 1, T0 + 32 * SEC);
	expect_no_more();
	ck_assert_int_eq(session_deadline(&s), T0 + 37 * SEC);
	session_free(&s);
}
END_TEST

/* Back on the very first hold restarts it. */
START_TEST(test_back_first)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(0, 0, 0);
	size_t			i;

	routine_two(&f);
	begin_quiet(&s, &f, &o, T0);
	act(&s, SESSION_BACK, T0 + 3 * SEC);
	expect_state(&s, SESSION_HOLD, 0);
	ck_assert_int_eq(s.start, T0 + 3 * SEC);
	ck_assert_int_eq(session_deadline(&s), T0 + 13 * SEC);
	ck_assert_int_eq(session_elapsed(&s, T0 + 3 * SEC), 0);
	/* Whether the cut-short try is logged is not said; no DONE, though. */
	for (i = 0; i < nev; i++) {
		ck_assert_int_ne(evs[i].type, SESSION_EV_DONE);
		ck_assert_int_ne(evs[i].type, SESSION_EV_BELL);
	}
	log_clear();
	tick(&s, T0 + 13 * SEC);
	expect_record(&s, 0, HOLD_DONE, 10, 10, T0 + 3 * SEC, T0 + 13 * SEC);
	expect_phase(SESSION_HOLD, 1, T0 + 13 * SEC);
	expect_no_more();
	session_free(&s);
}
END_TEST

/* ------------------------------------------------------------------ */
/* More, less, start */

START_TEST(test_more_less_hold)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(0, 0, 0);

	fixture_init(&f);
	add_step(&f, STEP_STRETCH, 10, 0, 1, 0);
	begin_quiet(&s, &f, &o, T0);

	act(&s, SESSION_MORE, T0 + 2 * SEC);
	ck_assert_int_eq(s.length, 15 * SEC);
	ck_assert_int_eq(session_deadline(&s), T0 + 15 * SEC);
	ck_assert_int_eq(session_remaining(&s, T0 + 2 * SEC), 13 * SEC);
	act(&s, SESSION_MORE, T0 + 2 * SEC);
	ck_assert_int_eq(session_deadline(&s), T0 + 20 * SEC);
	act(&s, SESSION_LESS, T0 + 3 * SEC);
	act(&s, SESSION_LESS, T0 + 3 * SEC);
	ck_assert_int_eq(session_deadline(&s), T0 + 10 * SEC);
	act(&s, SESSION_LESS, T0 + 3 * SEC);
	ck_assert_int_eq(s.length, 5 * SEC);
	ck_assert_int_eq(session_deadline(&s), T0 + 5 * SEC);
	/* Not below 5 s. */
	act(&s, SESSION_LESS, T0 + 3 * SEC);
	ck_assert_int_eq(s.length, 5 * SEC);
	ck_assert_int_eq(session_deadline(&s), T0 + 5 * SEC);
	expect_no_more();

	tick(&s, T0 + 5 * SEC);
	expect_record(&s, 0, HOLD_DONE, 5, 5, T0, T0 + 5 * SEC);
	expect_done(T0 + 5 * SEC);
	expect_no_more();
	session_free(&s);
}
END_TEST

START_TEST(test_more_target)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(0, 0, 0);

	routine_two(&f);
	begin_quiet(&s, &f, &o, T0);
	act(&s, SESSION_MORE, T0 + 1 * SEC);
	act(&s, SESSION_MORE, T0 + 9 * SEC);
	tick(&s, T0 + 20 * SEC);
	expect_record(&s, 0, HOLD_DONE, 20, 20, T0, T0 + 20 * SEC);
	expect_phase(SESSION_HOLD, 1, T0 + 20 * SEC);
	expect_no_more();
	/* A partial hold after a change keeps the changed target. */
	act(&s, SESSION_MORE, T0 + 21 * SEC);
	act(&s, SESSION_QUIT, T0 + 27 * SEC);
	expect_record(&s, 1, HOLD_PARTIAL, 15, 7, T0 + 20 * SEC,
	    T0 + 27 * SEC);
	expect_done(T0 + 27 * SEC);
	expect_no_more();
	session_free(&s);
}
END_TEST

/* Shortening below what has gone by ends the phase now. */
START_TEST(test_less_below_elapsed)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(0, 0, 0);

	fixture_init(&f);
	add_step(&f, STEP_STRETCH, 20, 0, 1, 0);
	add_step(&f, STEP_STRETCH, 10, 0, 1, 0);
	begin_quiet(&s, &f, &o, T0);
	act(&s, SESSION_LESS, T0 + 8 * SEC);
	ck_assert_int_eq(session_deadline(&s), T0 + 15 * SEC);
	expect_no_more();
	act(&s, SESSION_LESS, T0 + 12 * SEC);	/* 10 s < 12 s gone by */
	ck_assert_uint_ge(nev, 2);
	/* Record, maybe a bell, then the next phase, all at T0+12 s. */
	while (pos < nev && evs[pos].type != SESSION_EV_RECORD) {
		ck_assert_int_eq(evs[pos].type, SESSION_EV_BELL);
		pos++;
	}
	ck_assert_uint_lt(pos, nev);
	ck_assert_int_eq(evs[pos].at, T0 + 12 * SEC);
	ck_assert_uint_eq(evs[pos].record.hold, 0);
	/*
	 * The header leaves open whether the cut hold's target is the asked
	 * 10 s or the 12 s it ran to; it must be one of them, and no more
	 * than was held when it ran to its end.
	 */
	ck_assert_int_ge(evs[pos].record.target, 10);
	ck_assert_int_le(evs[pos].record.target, 12);
	if (evs[pos].record.outcome == HOLD_DONE)
		ck_assert_int_le(evs[pos].record.target, evs[pos].record.held);
	pos++;
	if (pos < nev && evs[pos].type == SESSION_EV_BELL)
		pos++;
	expect_phase(SESSION_HOLD, 1, T0 + 12 * SEC);
	expect_no_more();
	ck_assert_int_eq(session_deadline(&s), T0 + 22 * SEC);
	session_free(&s);
}
END_TEST

START_TEST(test_more_less_prepare)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(10, 0, 0);

	routine_two(&f);
	begin_quiet(&s, &f, &o, T0);
	act(&s, SESSION_MORE, T0 + 1 * SEC);
	ck_assert_int_eq(session_deadline(&s), T0 + 15 * SEC);
	ck_assert_int_eq(session_remaining(&s, T0 + 1 * SEC), 14 * SEC);
	act(&s, SESSION_LESS, T0 + 2 * SEC);
	act(&s, SESSION_LESS, T0 + 2 * SEC);
	ck_assert_int_eq(session_deadline(&s), T0 + 5 * SEC);
	expect_no_more();
	tick(&s, T0 + 5 * SEC);
	expect_phase(SESSION_HOLD, 0, T0 + 5 * SEC);
	expect_no_more();
	/* The hold keeps its own length. */
	ck_assert_int_eq(session_deadline(&s), T0 + 15 * SEC);
	session_free(&s);
}
END_TEST

START_TEST(test_start_in_prepare)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(5, 0, 0);

	routine_two(&f);
	begin_quiet(&s, &f, &o, T0);
	act(&s, SESSION_START, T0 + 2 * SEC);
	expect_phase(SESSION_HOLD, 0, T0 + 2 * SEC);
	expect_no_more();
	expect_state(&s, SESSION_HOLD, 0);
	ck_assert_int_eq(session_deadline(&s), T0 + 12 * SEC);

	/* In HOLD it does nothing. */
	act(&s, SESSION_START, T0 + 4 * SEC);
	expect_no_more();
	expect_state(&s, SESSION_HOLD, 0);
	ck_assert_int_eq(session_deadline(&s), T0 + 12 * SEC);
	ck_assert_int_eq(s.start, T0 + 2 * SEC);

	tick(&s, T0 + 12 * SEC);
	expect_record(&s, 0, HOLD_DONE, 10, 10, T0 + 2 * SEC, T0 + 12 * SEC);
	expect_phase(SESSION_PREPARE, 1, T0 + 12 * SEC);
	expect_no_more();
	session_free(&s);
}
END_TEST

START_TEST(test_start_in_rest)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(0, 5, 0);

	routine_reps(&f);
	begin_quiet(&s, &f, &o, T0);
	tick(&s, T0 + 11 * SEC);
	expect_state(&s, SESSION_REST, 1);
	log_clear();
	act(&s, SESSION_START, T0 + 11 * SEC);
	expect_phase(SESSION_HOLD, 1, T0 + 11 * SEC);
	expect_no_more();
	ck_assert_int_eq(session_deadline(&s), T0 + 21 * SEC);
	tick(&s, T0 + 21 * SEC);
	expect_record(&s, 1, HOLD_DONE, 10, 10, T0 + 11 * SEC, T0 + 21 * SEC);
	expect_phase(SESSION_PREPARE, 2, T0 + 21 * SEC);
	expect_no_more();
	session_free(&s);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Quit */

START_TEST(test_quit_mid_hold)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(0, 0, 0);

	routine_two(&f);
	begin_quiet(&s, &f, &o, T0);
	act(&s, SESSION_QUIT, T0 + 6 * SEC);
	expect_record(&s, 0, HOLD_PARTIAL, 10, 6, T0, T0 + 6 * SEC);
	expect_done(T0 + 6 * SEC);
	expect_no_more();
	ck_assert_int_eq(s.quit, 1);
	ck_assert_int_eq(s.ended, T0 + 6 * SEC);
	expect_finished(&s, T0 + 6 * SEC);
	session_free(&s);
}
END_TEST

/* Quit before a hold began: nothing to log. */
START_TEST(test_quit_in_prepare)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(5, 0, 0);

	routine_two(&f);
	begin_quiet(&s, &f, &o, T0);
	act(&s, SESSION_QUIT, T0 + 2 * SEC);
	expect_done(T0 + 2 * SEC);
	expect_no_more();
	ck_assert_int_eq(s.quit, 1);
	expect_finished(&s, T0 + 2 * SEC);
	session_free(&s);
}
END_TEST

/* Quit after some holds: the done ones are logged, later ones not. */
START_TEST(test_quit_after_some)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(0, 5, 0);
	size_t			i, records = 0;

	routine_reps(&f);
	begin_quiet(&s, &f, &o, T0);
	tick(&s, T0 + 12 * SEC);	/* L1 done, in REST of L2 */
	act(&s, SESSION_QUIT, T0 + 12 * SEC);
	for (i = 0; i < nev; i++)
		if (evs[i].type == SESSION_EV_RECORD) {
			ck_assert_uint_eq(evs[i].record.hold, 0);
			ck_assert_int_eq(evs[i].record.outcome, HOLD_DONE);
			records++;
		}
	ck_assert_uint_eq(records, 1);
	ck_assert_uint_ge(nev, 1);
	ck_assert_int_eq(evs[nev - 1].type, SESSION_EV_DONE);
	ck_assert_int_eq(evs[nev - 1].at, T0 + 12 * SEC);
	ck_assert_int_eq(s.quit, 1);
	session_free(&s);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Options */

START_TEST(test_opts_hold)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(0, 0, 20);
	size_t			i;

	fixture_init(&f);
	add_step(&f, STEP_STRETCH, 10, 1, 1, 0);
	add_step(&f, STEP_ROLL, 45, 0, 2, 0);
	begin_quiet(&s, &f, &o, T0);
	ck_assert_uint_eq(s.nholds, 4);
	for (i = 0; i < s.nholds; i++)
		ck_assert_int_eq(s.holds[i].target, 20);
	ck_assert_int_eq(session_total_ms(&s), 80 * SEC);
	ck_assert_int_eq(session_deadline(&s), T0 + 20 * SEC);
	tick(&s, T0 + 80 * SEC);
	for (i = 0; i < 4; i++) {
		expect_record(&s, i, HOLD_DONE, 20, 20, T0 + (int64_t)i * 20 *
		    SEC, T0 + (int64_t)(i + 1) * 20 * SEC);
		if (i < 3)
			expect_phase(SESSION_HOLD, i + 1,
			    T0 + (int64_t)(i + 1) * 20 * SEC);
	}
	expect_done(T0 + 80 * SEC);
	expect_no_more();
	session_free(&s);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Total and progress */

START_TEST(test_total)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(5, 3, 0);

	routine_ab(&f);
	begin_quiet(&s, &f, &o, T0);
	ck_assert_int_eq(session_total_ms(&s), 28 * SEC);
	session_free(&s);

	o = mkopts(5, 5, 0);
	routine_reps(&f);
	begin_quiet(&s, &f, &o, T0);
	ck_assert_int_eq(session_total_ms(&s), 60 * SEC);
	session_free(&s);
}
END_TEST

START_TEST(test_progress)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(5, 5, 0);
	int64_t			t, p, prev = 0, total;

	routine_reps(&f);
	begin_quiet(&s, &f, &o, T0);
	total = session_total_ms(&s);
	ck_assert_int_eq(total, 60 * SEC);
	ck_assert_int_eq(session_progress_ms(&s, T0), 0);
	for (t = T0; t <= T0 + 70 * SEC; t += 137) {
		tick(&s, t);
		p = session_progress_ms(&s, t);
		ck_assert_msg(p >= prev, "progress went back from %lld to "
		    "%lld at T0+%lld", (long long)prev, (long long)p,
		    (long long)(t - T0));
		ck_assert_int_le(p, total);
		if (t <= T0 + 60 * SEC)
			ck_assert_int_eq(p, t - T0);
		prev = p;
	}
	ck_assert_int_eq(s.phase, SESSION_DONE);
	ck_assert_int_eq(session_progress_ms(&s, T0 + 70 * SEC), total);
	ck_assert_int_eq(session_progress_ms(&s, T0 + 999 * SEC), total);
	session_free(&s);
}
END_TEST

/* A pause holds progress still. */
START_TEST(test_progress_paused)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(5, 3, 0);
	int64_t			p;

	routine_ab(&f);
	begin_quiet(&s, &f, &o, T0);
	tick(&s, T0 + 7 * SEC);
	ck_assert_int_eq(session_progress_ms(&s, T0 + 7 * SEC), 7 * SEC);
	act(&s, SESSION_PAUSE, T0 + 7 * SEC);
	p = session_progress_ms(&s, T0 + 7 * SEC);
	tick(&s, T0 + 20 * SEC);
	ck_assert_int_eq(session_progress_ms(&s, T0 + 20 * SEC), p);
	act(&s, SESSION_PAUSE, T0 + 20 * SEC);
	ck_assert_int_eq(session_progress_ms(&s, T0 + 21 * SEC), 8 * SEC);
	tick(&s, T0 + 100 * SEC);
	ck_assert_int_eq(s.ended, T0 + 41 * SEC);
	ck_assert_int_eq(session_progress_ms(&s, T0 + 100 * SEC),
	    session_total_ms(&s));
	session_free(&s);
}
END_TEST

/* Longer or shorter phases never send progress back. */
START_TEST(test_progress_adjusted)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(5, 5, 0);
	int64_t			t, p, prev = 0;

	routine_reps(&f);
	begin_quiet(&s, &f, &o, T0);
	for (t = T0; s.phase != SESSION_DONE && t < T0 + 200 * SEC;
	    t += 100) {
		if (t == T0 + 1 * SEC)		/* PREPARE 0: 5 s -> 10 s */
			act(&s, SESSION_MORE, t);
		if (t == T0 + 27 * SEC)		/* REST 1: 5 s -> 10 s */
			act(&s, SESSION_MORE, t);
		if (t == T0 + 40 * SEC)		/* HOLD 1: 10 s -> 5 s */
			act(&s, SESSION_LESS, t);
		tick(&s, t);
		p = session_progress_ms(&s, t);
		ck_assert_msg(p >= prev, "progress went back from %lld to "
		    "%lld at T0+%lld (%s of hold %zu)", (long long)prev,
		    (long long)p, (long long)(t - T0), phase_str(s.phase),
		    s.cur);
		ck_assert_int_le(p, session_total_ms(&s));
		prev = p;
	}
	ck_assert_int_eq(s.phase, SESSION_DONE);
	ck_assert_int_eq(session_progress_ms(&s, t), session_total_ms(&s));
	session_free(&s);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Wake */

START_TEST(test_wake)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(0, 0, 0);

	routine_two(&f);
	begin_quiet(&s, &f, &o, T0);
	/* 4300 ms left: the countdown shows 5 until 4000 ms are left. */
	ck_assert_int_eq(session_remaining(&s, T0 + 5700), 4300);
	ck_assert_int_eq(session_wake(&s, T0 + 5700), T0 + 6000);
	ck_assert_int_eq(session_wake(&s, T0 + 6000), T0 + 7000);
	ck_assert_int_eq(session_wake(&s, T0), T0 + 1000);
	ck_assert_int_eq(session_wake(&s, T0 + 1), T0 + 1000);
	ck_assert_int_eq(session_wake(&s, T0 + 9700), T0 + 10 * SEC);
	ck_assert_int_eq(session_wake(&s, T0 + 9000), T0 + 10 * SEC);
	act(&s, SESSION_PAUSE, T0 + 5700);
	ck_assert_int_eq(session_wake(&s, T0 + 5700), -1);
	ck_assert_int_eq(session_wake(&s, T0 + 9000), -1);
	act(&s, SESSION_PAUSE, T0 + 9000);	/* deadline T0 + 13300 */
	ck_assert_int_eq(session_deadline(&s), T0 + 13300);
	ck_assert_int_eq(session_wake(&s, T0 + 9000), T0 + 9300);
	ck_assert_int_eq(session_wake(&s, T0 + 9300), T0 + 10300);
	session_free(&s);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Drift */

static uint32_t
lcg(uint32_t *x)
{
	*x = *x * 1664525u + 1013904223u;
	return *x >> 8;
}

/* 60 holds of 60 s, ticked irregularly: an hour, ending to the ms. */
static void
run_drift(int prepare)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(prepare, 0, 0);
	uint32_t		x = 12345;
	int64_t			t, total, last = -1, done_at = -1, p, prev = 0;
	size_t			i, k, records = 0, dones = 0, steps;
	int64_t			hold_start;

	fixture_init(&f);
	for (i = 0; i < 6; i++)
		add_step(&f, STEP_STRETCH, 60, 0, 10, 0);
	begin_quiet(&s, &f, &o, T0);
	ck_assert_uint_eq(s.nholds, 60);
	total = session_total_ms(&s);
	ck_assert_int_eq(total, 3600 * SEC + 6 * (int64_t)prepare * SEC);

	t = T0;
	for (steps = 0; steps < 100000 && s.phase != SESSION_DONE; steps++) {
		t += 937 + (int64_t)(lcg(&x) % 401) - 200;
		if (lcg(&x) % 50 == 0)
			t += lcg(&x) % 5000;	/* now and then, a late one */
		tick(&s, t);
		p = session_progress_ms(&s, t);
		ck_assert_int_ge(p, prev);
		prev = p;
	}
	ck_assert_int_eq(s.phase, SESSION_DONE);

	for (i = 0; i < nev; i++) {
		const struct session_event *e = &evs[i];

		ck_assert_int_ge(e->at, last);
		last = e->at;
		if (e->type == SESSION_EV_RECORD) {
			k = records++;
			hold_start = T0 + (int64_t)k * 60 * SEC +
			    (int64_t)(k / 10 + 1) * prepare * SEC;
			ck_assert_uint_eq(e->record.hold, k);
			ck_assert_uint_eq(e->record.step, k / 10);
			ck_assert_int_eq(e->record.outcome, HOLD_DONE);
			ck_assert_int_eq(e->record.held, 60);
			ck_assert_int_eq(e->record.target, 60);
			ck_assert_int_eq(e->record.start, hold_start);
			ck_assert_int_eq(e->at, hold_start + 60 * SEC);
		} else if (e->type == SESSION_EV_DONE) {
			dones++;
			done_at = e->at;
		}
	}
	ck_assert_uint_eq(records, 60);
	ck_assert_uint_eq(dones, 1);
	ck_assert_int_eq(done_at, T0 + total);
	ck_assert_int_eq(s.ended, T0 + total);
	ck_assert_int_eq(session_progress_ms(&s, t), total);
	session_free(&s);
}

START_TEST(test_drift)
{
	run_drift(0);
}
END_TEST

START_TEST(test_drift_prepare)
{
	run_drift(7);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Gaps: a caller that did not run is paused where it was last seen */

#define GAP	(2 * SEC)

/* Tick every quarter second from *t up to end, watching for gaps. */
static void
tick_along(struct session *s, int64_t *t, int64_t end)
{
	for (;;) {
		ck_assert_int_eq(session_watch(s, *t, GAP), 0);
		tick(s, *t);
		if (*t == end)
			break;
		*t = *t + 250 < end ? *t + 250 : end;
	}
}

/*
 * Stopped 16 s two seconds into the first of three 5 s holds: nothing more
 * is held, no hold ends, and the session is paused where it was seen.
 */
START_TEST(test_watch_stopped_mid_hold)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(2, 2, 0);
	struct session_count	c;
	int64_t			t = T0;

	routine_ab(&f);
	begin_quiet(&s, &f, &o, T0);
	tick_along(&s, &t, T0 + 4 * SEC);
	expect_phase(SESSION_HOLD, 0, T0 + 2 * SEC);
	expect_no_more();
	ck_assert_int_eq(session_watch(&s, T0 + 20 * SEC, GAP), 16 * SEC);
	tick(&s, T0 + 20 * SEC);
	expect_no_more();
	ck_assert_int_eq(s.paused, 1);
	ck_assert_str_eq(session_prompt(&s), "Paused");
	expect_state(&s, SESSION_HOLD, 0);
	ck_assert_int_eq(session_elapsed(&s, T0 + 20 * SEC), 2 * SEC);
	ck_assert_int_eq(session_remaining(&s, T0 + 20 * SEC), 3 * SEC);
	ck_assert_int_eq(session_progress_ms(&s, T0 + 20 * SEC), 4 * SEC);
	session_count(&s, &c);
	ck_assert_uint_eq(c.done + c.partial + c.skipped, 0);
	/* Paused, a later look finds no gap; quitting logs 2 s held. */
	ck_assert_int_eq(session_watch(&s, T0 + 60 * SEC, GAP), 0);
	act(&s, SESSION_QUIT, T0 + 60 * SEC);
	expect_record(&s, 0, HOLD_PARTIAL, 5, 2, T0 + 2 * SEC, T0 + 60 * SEC);
	expect_done(T0 + 60 * SEC);
	expect_no_more();
	session_free(&s);
}
END_TEST

/* Resumed after a gap, the hold goes on from where it was seen. */
START_TEST(test_watch_resume)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(2, 2, 0);
	int64_t			t = T0;

	routine_ab(&f);
	begin_quiet(&s, &f, &o, T0);
	/* Last seen 100 ms before the first hold's deadline at T0+7 s. */
	tick_along(&s, &t, T0 + 6900);
	log_clear();
	ck_assert_int_eq(session_watch(&s, T0 + 8 * 3600 * SEC, GAP),
	    8 * 3600 * SEC - 6900);
	tick(&s, T0 + 8 * 3600 * SEC);
	expect_no_more();
	act(&s, SESSION_PAUSE, T0 + 8 * 3600 * SEC + 5 * SEC);
	ck_assert_int_eq(s.paused, 0);
	ck_assert_int_eq(session_deadline(&s), T0 + 8 * 3600 * SEC + 5100);
	tick(&s, T0 + 8 * 3600 * SEC + 5100);
	expect_record(&s, 0, HOLD_DONE, 5, 5, T0 + 2 * SEC,
	    T0 + 8 * 3600 * SEC + 5100);
	expect_phase(SESSION_PREPARE, 1, T0 + 8 * 3600 * SEC + 5100);
	expect_no_more();
	session_free(&s);
}
END_TEST

/* A gap while getting ready pauses there: the hold does not begin. */
START_TEST(test_watch_in_prepare)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(5, 2, 0);
	int64_t			t = T0;

	routine_ab(&f);
	begin_quiet(&s, &f, &o, T0);
	tick_along(&s, &t, T0 + 1 * SEC);
	ck_assert_int_eq(session_watch(&s, T0 + 30 * SEC, GAP), 29 * SEC);
	tick(&s, T0 + 30 * SEC);
	expect_no_more();
	expect_state(&s, SESSION_PREPARE, 0);
	ck_assert_int_eq(session_remaining(&s, T0 + 30 * SEC), 4 * SEC);
	session_free(&s);
}
END_TEST

/*
 * Looks no more than the gap apart are no gap, and the whole session runs
 * as it would unwatched; so do key actions, which count as seen.
 */
START_TEST(test_watch_no_gap)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(2, 2, 0);
	int64_t			t;

	routine_ab(&f);
	begin_quiet(&s, &f, &o, T0);
	for (t = T0 + GAP; t <= T0 + 12 * SEC; t += GAP) {
		ck_assert_int_eq(session_watch(&s, t, GAP), 0);
		tick(&s, t);
	}
	act(&s, SESSION_SKIP, T0 + 13 * SEC);
	ck_assert_int_eq(session_watch(&s, T0 + 15 * SEC, GAP), 0);
	tick(&s, T0 + 15 * SEC);
	/* A tick back in time does not move what was seen back. */
	tick(&s, T0 + 14 * SEC);
	ck_assert_int_eq(session_watch(&s, T0 + 17 * SEC, GAP), 0);
	tick(&s, T0 + 30 * SEC);
	ck_assert_int_eq(s.phase, SESSION_DONE);
	ck_assert_int_eq(s.paused, 0);
	/* The skip at 13 s: B got ready from then, 2 s, and held 5 s. */
	ck_assert_int_eq(s.ended, T0 + 20 * SEC);
	session_free(&s);
}
END_TEST

/* A paused session, or one that is over, has no gap to take. */
START_TEST(test_watch_paused_or_done)
{
	struct fixture		f;
	struct session		s;
	struct session_opts	o = mkopts(0, 0, 0);

	fixture_init(&f);
	add_step(&f, STEP_STRETCH, 10, 0, 1, 0);
	begin_quiet(&s, &f, &o, T0);
	act(&s, SESSION_PAUSE, T0 + 3 * SEC);
	ck_assert_int_eq(session_watch(&s, T0 + 3600 * SEC, GAP), 0);
	ck_assert_int_eq(s.pause_began, T0 + 3 * SEC);
	act(&s, SESSION_PAUSE, T0 + 3600 * SEC);
	ck_assert_int_eq(session_deadline(&s), T0 + 3607 * SEC);
	tick(&s, T0 + 3607 * SEC);
	expect_record(&s, 0, HOLD_DONE, 10, 10, T0, T0 + 3607 * SEC);
	expect_done(T0 + 3607 * SEC);
	ck_assert_int_eq(session_watch(&s, T0 + 9000 * SEC, GAP), 0);
	expect_finished(&s, T0 + 9000 * SEC);
	session_free(&s);
}
END_TEST

/* ------------------------------------------------------------------ */

static Suite *
session_suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("session");

	tc = tcase_create("names");
	tcase_add_test(tc, test_side_names);
	tcase_add_test(tc, test_outcome_names);
	suite_add_tcase(s, tc);

	tc = tcase_create("plan");
	tcase_add_test(tc, test_plan_ab);
	tcase_add_test(tc, test_plan_reps);
	tcase_add_test(tc, test_one_side);
	tcase_add_test(tc, test_one_side_loaded);
	tcase_add_test(tc, test_init_event);
	tcase_add_test(tc, test_phases_ab);
	tcase_add_test(tc, test_one_late_tick_at_end);
	tcase_add_test(tc, test_one_late_tick_ten_minutes);
	tcase_add_test(tc, test_late_tick_midway);
	tcase_add_test(tc, test_no_events_before_deadline);
	tcase_add_test(tc, test_reps_rest);
	tcase_add_test(tc, test_switch_prompt_reps);
	tcase_add_test(tc, test_switch_zero_uses_rest);
	tcase_add_test(tc, test_switch_zero_rest_zero);
	tcase_add_test(tc, test_prepare_zero);
	tcase_add_test(tc, test_loaded_routine);
	suite_add_tcase(s, tc);

	tc = tcase_create("pause");
	tcase_add_test(tc, test_pause);
	tcase_add_test(tc, test_pause_shifts_plan);
	tcase_add_test(tc, test_pause_twice);
	tcase_add_test(tc, test_quit_while_paused);
	suite_add_tcase(s, tc);

	tc = tcase_create("watch");
	tcase_add_test(tc, test_watch_stopped_mid_hold);
	tcase_add_test(tc, test_watch_resume);
	tcase_add_test(tc, test_watch_in_prepare);
	tcase_add_test(tc, test_watch_no_gap);
	tcase_add_test(tc, test_watch_paused_or_done);
	suite_add_tcase(s, tc);

	tc = tcase_create("skip-back");
	tcase_add_test(tc, test_skip_hold_partial);
	tcase_add_test(tc, test_skip_hold_under_a_second);
	tcase_add_test(tc, test_skip_in_prepare);
	tcase_add_test(tc, test_skip_in_rest);
	tcase_add_test(tc, test_skip_last);
	tcase_add_test(tc, test_act_ticks_first);
	tcase_add_test(tc, test_back);
	tcase_add_test(tc, test_back_skipped);
	tcase_add_test(tc, test_back_to_rest);
	tcase_add_test(tc, test_back_first);
	suite_add_tcase(s, tc);

	tc = tcase_create("adjust");
	tcase_add_test(tc, test_more_less_hold);
	tcase_add_test(tc, test_more_target);
	tcase_add_test(tc, test_less_below_elapsed);
	tcase_add_test(tc, test_more_less_prepare);
	tcase_add_test(tc, test_start_in_prepare);
	tcase_add_test(tc, test_start_in_rest);
	suite_add_tcase(s, tc);

	tc = tcase_create("quit");
	tcase_add_test(tc, test_quit_mid_hold);
	tcase_add_test(tc, test_quit_in_prepare);
	tcase_add_test(tc, test_quit_after_some);
	suite_add_tcase(s, tc);

	tc = tcase_create("timing");
	tcase_add_test(tc, test_opts_hold);
	tcase_add_test(tc, test_total);
	tcase_add_test(tc, test_progress);
	tcase_add_test(tc, test_progress_paused);
	tcase_add_test(tc, test_progress_adjusted);
	tcase_add_test(tc, test_wake);
	tcase_add_test(tc, test_drift);
	tcase_add_test(tc, test_drift_prepare);
	suite_add_tcase(s, tc);

	tc = tcase_create("plan-count");
	tcase_add_test(tc, test_adjust_moves_each_hold);
	tcase_add_test(tc, test_adjust_under_hold);
	tcase_add_test(tc, test_plan_time_is_total);
	tcase_add_test(tc, test_count_redone_once);
	tcase_add_test(tc, test_count_not_reached);
	suite_add_tcase(s, tc);

	return s;
}

int
main(void)
{
	SRunner	*sr;
	int	 failed;

	sr = srunner_create(session_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
