/* A routine: named steps of stretches and foam-rolling, loaded and checked. */
#ifndef LIMBER_ROUTINE_H
#define LIMBER_ROUTINE_H

#include <stddef.h>

#include "limber/diag.h"

#define ROUTINE_ID_MAX		48
#define ROUTINE_NAME_MAX	80	/* code points */
#define ROUTINE_STEPS_MAX	200
#define STEP_HOLD_MIN		5
#define STEP_HOLD_MAX		600
#define STEP_REST_MAX		300
#define STEP_REPS_MAX		10

/* The evidence-based dose that `limber check --dose` holds routines to. */
#define DOSE_STRETCH_MIN	10	/* ACSM 2011: static holds of 10-30 s, */
#define DOSE_STRETCH_MAX	60	/* 30-60 s for older adults, */
#define DOSE_STRETCH_TOTAL	60	/* about 60 s per stretch per session */
#define DOSE_ROLL_MIN		30	/* foam rolling: 30-120 s per set */
#define DOSE_ROLL_MAX		120

enum step_kind {
	STEP_STRETCH,
	STEP_ROLL,
};

/* A step's sides; left and right are numbered as the log and the engine. */
enum step_sides {
	SIDES_NONE,		/* no side: the default */
	SIDES_LEFT,		/* the left side only */
	SIDES_RIGHT,		/* the right side only */
	SIDES_BOTH,		/* left, then right */
};

struct step {
	char		*name;
	enum step_kind	 kind;
	int		 area;		/* index in area_table */
	int		 hold;		/* seconds per hold */
	int		 both_sides;	/* left, then right */
	enum step_sides	 one_side;	/* SIDES_LEFT or SIDES_RIGHT when held
					   on that side only, else SIDES_NONE */
	int		 reps;		/* holds per side */
	int		 rest;		/* seconds between holds of this step */
	char		*cue;		/* may be NULL */
	int		 line;
};

struct routine {
	char		*id;
	char		*name;
	char		*description;	/* may be NULL */
	int		*areas;
	size_t		 nareas;
	char		**tags;
	size_t		 ntags;
	struct step	*steps;
	size_t		 nsteps;
	char		*path;		/* where it was loaded from */
	int		 line;		/* of the id */
	int		 col;
};

/*
 * Load a routine. Returns NULL and appends every problem found to diags
 * when the file is not a valid routine.
 */
struct routine	*routine_load(const char *path, struct diag_list *);
struct routine	*routine_load_buffer(const char *file, const char *buf,
		     size_t len, struct diag_list *);
void		 routine_free(struct routine *);

const char	*step_kind_name(enum step_kind);
/*
 * The words for kinds and sides as people write them, any case: "Stretch",
 * "stretching", "foam roll", "rolling"; "Both", "none", "left", "right".
 * Each gives its enum value, or -1; _suggest gives the canonical word
 * closest to a mistyped one, or NULL.
 */
int		 step_kind_lookup(const char *text);
const char	*step_kind_suggest(const char *text);
const char	*step_sides_name(enum step_sides);	/* "none", "left", ... */
int		 step_sides_lookup(const char *text);
const char	*step_sides_suggest(const char *text);
int		 step_holds(const struct step *);	/* sides x reps */
long		 step_seconds(const struct step *);	/* holds and rests */
long		 routine_seconds(const struct routine *);
size_t		 routine_holds(const struct routine *);
int		 routine_has_area(const struct routine *, int area);
int		 routine_has_tag(const struct routine *, const char *tag);

/* Warn where holds fall outside the dose above or a step has no cue. */
void		 routine_check_dose(const struct routine *, struct diag_list *);

#endif
