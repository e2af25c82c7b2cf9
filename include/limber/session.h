/*
 * The session engine: a pure state machine that walks a routine hold by
 * hold. It is given the monotonic time (milliseconds) and key actions, and
 * says what happened through events; it never reads a clock, sleeps, draws
 * or writes.
 *
 * A routine becomes a list of holds: for each step, each side (left then
 * right when the step has both sides), each rep. Each hold is one phase
 * before it, if that phase has a length, then the hold itself:
 *
 *   PREPARE  before the first hold of a step ("Get into position",
 *            opts.prepare seconds), and before the first hold of the right
 *            side ("Switch to the right side", opts.switch_secs seconds;
 *            when that is 0, the step's rest instead).
 *   REST     before any other hold of a step: the step's rest.
 *   HOLD     the hold itself, target seconds.
 *
 * The phase before a hold belongs to it: skipping there skips that hold.
 * Phases end at absolute deadlines: the next phase starts at the previous
 * one's deadline, not when session_tick happened to be called, so a late
 * tick never makes the session drift. Pauses move the deadline on by the
 * paused time, which never counts as held.
 *
 * A late tick credits the time in between, so the caller that could have
 * stopped running (the process stopped, the machine asleep, a write that
 * blocked) asks session_watch first: a session not seen for longer than a
 * gap is paused at the last time it was given, and the gap is not held.
 */
#ifndef LIMBER_SESSION_H
#define LIMBER_SESSION_H

#include <stddef.h>
#include <stdint.h>

#include "limber/routine.h"

#define SESSION_ADJUST_MS	5000	/* what + and - change a phase by */

enum session_phase {
	SESSION_PREPARE,
	SESSION_HOLD,
	SESSION_REST,
	SESSION_DONE,
};

/* Numbered as the hold log numbers them: holdlog_side_word() names them. */
enum session_side {
	SIDE_NONE,
	SIDE_LEFT,
	SIDE_RIGHT,
};

/* Numbered best first, as the log numbers them: holdlog_outcome_word(). */
enum hold_outcome {
	HOLD_DONE,	/* held to the end */
	HOLD_PARTIAL,	/* stopped early after at least a second */
	HOLD_SKIPPED,	/* skipped before it began, or held under a second */
};

enum session_action {
	SESSION_PAUSE,		/* pause, or resume when paused */
	SESSION_SKIP,		/* skip the current (or coming) hold; resumes */
	SESSION_BACK,		/* go back to the previous hold; resumes */
	SESSION_START,		/* end a preparation or rest now; resumes */
	SESSION_MORE,		/* 5 s more in this phase */
	SESSION_LESS,		/* 5 s less in this phase */
	SESSION_QUIT,		/* stop; a hold under way is logged */
};

/* One hold of the plan. */
struct session_hold {
	size_t			 step;		/* index in routine->steps */
	enum session_side	 side;
	int			 rep;		/* 1-based, per side */
	int			 target;	/* seconds planned */
	int			 outcome;	/* the best recorded, or -1 */
};

/* What a hold came to: one line of the log. */
struct session_record {
	size_t			 hold;		/* index in the plan */
	size_t			 step;
	enum session_side	 side;
	int			 target;	/* seconds, as adjusted */
	int			 held;		/* whole seconds, pauses excluded */
	enum hold_outcome	 outcome;
	int64_t			 start;		/* monotonic ms it began (or would) */
};

enum session_event_type {
	SESSION_EV_PHASE,	/* a new phase began: see phase and hold */
	SESSION_EV_RECORD,	/* a hold ended: see record */
	SESSION_EV_BELL,	/* a hold ran to its end */
	SESSION_EV_DONE,	/* the session is over */
};

struct session_event {
	enum session_event_type	 type;
	enum session_phase	 phase;
	size_t			 hold;
	int64_t			 at;		/* monotonic ms it happened */
	struct session_record	 record;
};

struct session_opts {
	int	prepare;	/* seconds before each step; 0 for none */
	int	switch_secs;	/* seconds before the second side; 0 for none */
	int	hold;		/* seconds for every hold; 0 keeps the routine's */
	int	adjust;		/* seconds added to each hold as written, which
				   stays within STEP_HOLD_MIN..STEP_HOLD_MAX */
};

/*
 * What a session came to, counted over the holds of the plan: a hold done
 * twice (after going back) counts once, with its better outcome (done over
 * partial over skipped); holds never reached count in none.
 */
struct session_count {
	size_t	done;
	size_t	partial;
	size_t	skipped;
	size_t	planned;	/* holds in the plan */
};

/* How long the parts of a plan take, in seconds, before it starts. */
struct session_plan_time {
	long	holds;
	long	rests;
	long	ready;		/* getting into position and switching sides */
	long	total;
};

struct session {
	const struct routine	*routine;
	struct session_opts	 opts;
	struct session_hold	*holds;
	size_t			 nholds;
	size_t			 cur;		/* hold the phase belongs to */
	enum session_phase	 phase;
	int64_t			 start;		/* monotonic ms the phase began */
	int64_t			 length;	/* ms, as adjusted */
	int64_t			 paused_ms;	/* paused time in this phase */
	int64_t			 pause_began;
	int			 paused;
	int			 quit;		/* ended by SESSION_QUIT */
	int64_t			 ended;		/* monotonic ms of SESSION_DONE */
	int64_t			 spent;		/* ms in the phases that ended */
	int			 started;	/* a phase has begun */
	int64_t			 seen;		/* the latest time given */
	struct session_event	*events;	/* queued, oldest first */
	size_t			 nevents;
	size_t			 first_event;
	size_t			 cap_events;
};

/* Plan a routine's holds and start the first phase at now. */
void	 session_init(struct session *, const struct routine *,
	     const struct session_opts *, int64_t now);
void	 session_free(struct session *);

/* Move time on to now, ending every phase whose deadline has passed. */
void	 session_tick(struct session *, int64_t now);
/* Apply a key action at now (the session is ticked to now first). */
void	 session_act(struct session *, enum session_action, int64_t now);
/*
 * The caller's clock reads now, before it ticks or acts at now. If the
 * session is running and the latest time it was given (init, tick, act) is
 * more than gap ms before now, the caller did not run in between: the
 * session is paused at that latest time, so none of the gap is held or
 * ends a phase, and the gap's length in ms is returned. Otherwise 0 and
 * nothing changes: a paused or finished session has no gap.
 */
int64_t	 session_watch(struct session *, int64_t now, int64_t gap);
/* Take the oldest event not yet taken; 0 when there is none. */
int	 session_event(struct session *, struct session_event *);

/* Milliseconds left in the current phase at now (never negative). */
int64_t	 session_remaining(const struct session *, int64_t now);
/* Milliseconds of the current phase gone by at now, pauses excluded. */
int64_t	 session_elapsed(const struct session *, int64_t now);
/* The phase's deadline in monotonic ms, or -1 while paused or done. */
int64_t	 session_deadline(const struct session *);
/*
 * When the display next changes: the next whole second of the countdown
 * or the deadline, whichever is first; -1 while paused or done.
 */
int64_t	 session_wake(const struct session *, int64_t now);

/*
 * The session's length as it stands: the time spent in the phases that
 * ended, this phase's length, and the plan for the phases to come.
 */
int64_t	 session_total_ms(const struct session *);
/* Time spent so far (pauses excluded), for a progress bar; never falls. */
int64_t	 session_progress_ms(const struct session *, int64_t now);

/* The best outcome of each planned hold so far. */
void	 session_count(const struct session *, struct session_count *);
/* The planned length of a routine under opts, as the session will run it. */
void	 session_plan_time(const struct routine *, const struct session_opts *,
	     struct session_plan_time *);
/* A hold's target under opts: --hold, or as written moved by adjust. */
int	 session_hold_target(const struct step *, const struct session_opts *);

/* The words for the screen: "Get into position", "Hold", "Rest", ... */
const char *session_prompt(const struct session *);

#endif
