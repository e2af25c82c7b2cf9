/*
 * Figures from the hold log: per area over a range of dates, the last 7
 * days against each area's weekly target, a heatmap of daily minutes,
 * streaks, the most recent holds and the stretches done most.
 *
 * A record's date is the date written in its own timestamp, whatever its
 * UTC offset. Done holds count for holds, days, last and streaks; seconds
 * add up "held" over done and partial holds; skipped holds count only as
 * records.
 *
 * - Range: area[] and total count records with since <= date <= until.
 * - Streaks use every done date in the log, whatever the range. The current
 *   streak is the run of consecutive done dates ending today, or ending
 *   yesterday when today has none yet; the best is the longest run up to
 *   today (the latest of equals).
 * - Heatmap: heat[i] is the seconds held (done and partial, every area) on
 *   date heat_first + i, where heat_first is the Monday 25 weeks before this
 *   week's Monday; dates after today stay 0.
 * - Week: the 7 dates today - 6 to today. A date counts (is dosed) for an
 *   area when each side got target_seconds of held time that day (done and
 *   partial), a hold with no side counting for both sides; in an area
 *   without sides every hold counts for the whole. dosed is how many of
 *   the 7 dates counted, counted the latest of them. target_total is
 *   target_days * target_seconds, twice for an area with sides. An area is
 *   tracked when the config sets its target or it has a done hold in the
 *   STATS_TRACK_DAYS ending today. It is due when tracked and the gap, today
 *   minus counted, is at least 7 / target_days days (gap * target_days >=
 *   7): at 3 days a week, last counted on a Monday, it is due on Thursday
 *   (a gap of 3) but not on Wednesday (2); daily, the day after; once a
 *   week, 7 days after. An area that counted today is never due; one that
 *   did not count in the 7 days is due, as a gap of 7 or more is due at any
 *   target. last ignores dates after today.
 * - Recent: the STATS_RECENT records in range with the latest start (then
 *   the latest line), overall and per area, any outcome.
 * - Top: done holds in range grouped by step name and area; once
 *   STATS_TOP_NAMES names are counted, new names are not.
 */
#ifndef LIMBER_STATS_H
#define LIMBER_STATS_H

#include <limits.h>
#include <stddef.h>
#include <time.h>

#include "limber/config.h"
#include "limber/holdlog.h"

#define STATS_NEVER	LONG_MIN	/* a date that never was */
#define STATS_WEEKS	26		/* heatmap columns, the last one this week */
#define STATS_HEAT_DAYS	(STATS_WEEKS * 7)
#define STATS_WEEK_DAYS	7		/* "this week": the 7 days ending today */
#define STATS_TRACK_DAYS 56		/* untargeted areas are tracked this long */
#define STATS_RECENT	100		/* recent holds kept, overall and per area */
#define STATS_TOP	10		/* stretches in the top list */
#define STATS_TOP_NAMES	4096		/* distinct stretches counted at most */

/* What to gather beyond the per-area figures (stats_init's want). */
#define STATS_WANT_RECENT	0x1
#define STATS_WANT_TOP		0x2

/* A growable bitmap of dates (internal to stats.c). */
struct stats_days {
	long		 base;		/* the date of bit 0 */
	size_t		 nbytes;
	unsigned char	*bits;
};

/* One area over the range. */
struct stats_area {
	long		 records;	/* every outcome */
	long		 holds;		/* done */
	long		 partial;
	long		 skipped;
	long long	 seconds;	/* held, done and partial */
	long		 days;		/* distinct dates with a done hold */
	long		 last;		/* latest such date, or STATS_NEVER */
};

/* One area over the 7 days ending today, against its weekly target. */
struct stats_week {
	long long	 seconds;	/* held, done and partial */
	int		 active;	/* days with a done hold */
	int		 dosed;		/* days that met the dose: counted */
	long		 counted;	/* the latest of them, or STATS_NEVER */
	int		 target_days;
	int		 target_seconds;	/* a day, per side */
	long long	 target_total;	/* target_days * seconds * sides */
	long		 last;		/* latest date with a done hold ever */
	int		 tracked;	/* a target in the config, or done lately */
	int		 due;		/* tracked and a long gap: see Week */
};

/* A hold kept for the recent list; long text is cut at a character. */
struct stats_hold {
	time_t		 start;
	long		 date;
	long		 line;
	char		 stamp[32];
	char		 routine[64];
	char		 step[128];
	int		 kind;
	int		 area;
	int		 side;
	int		 target;
	int		 held;
	int		 outcome;
	long long	 pos;		/* internal: text still to fetch, or -1 */
};

/* A stretch (step name within an area) by how often it was done. */
struct stats_top {
	char		*step;		/* owned copy */
	int		 area;
	int		 kind;
	long		 count;		/* done holds */
	long long	 seconds;	/* held in them */
};

struct stats {
	/* Settings, from stats_init; the range may be changed before adding. */
	long		 today;
	long		 since;		/* first date in range, or LONG_MIN */
	long		 until;		/* last date in range, or LONG_MAX */
	int		 want;

	/* Over the range: per area (area_count entries) and in all. */
	struct stats_area *area;
	struct stats_area  total;	/* total.days: dates with any done hold */

	/* Relative to today, whatever the range (after stats_finish). */
	struct stats_week *week;	/* area_count entries */
	long long	 heat[STATS_HEAT_DAYS];	/* seconds held per date */
	long		 heat_first;	/* the date of heat[0], a Monday */
	long		 streak;	/* done days in a row to today or yesterday */
	long		 streak_best;
	long		 best_first;	/* its dates, or STATS_NEVER */
	long		 best_last;
	long		 first;		/* earliest and latest dates in the log */
	long		 latest;	/* (any record), or STATS_NEVER */
	long		 records;	/* good records read, in range or not */

	/* Internal. */
	const struct config *cfg;
	int		    lazy;	/* in stats_read: fetch text at the end */
	struct stats_days   done_days;	/* all areas, for streaks */
	struct stats_days   range_days;	/* all areas, dates in range */
	struct stats_days  *area_days;	/* per area, dates in range */
	unsigned char	   *week_mask;	/* per area, done days of the week */
	long long	   (*week_side)[STATS_WEEK_DAYS][3];	/* area, day, side */
	struct stats_hold  *recent;	/* (area_count + 2) * STATS_RECENT */
	size_t		   *nrecent;	/* area_count + 1 counts */
	size_t		   *recent_head;	/* per list, where its ring starts */
	struct stats_top   *top;	/* a hash table, twice the names or more */
	size_t		    ntop;	/* names in it */
	size_t		    top_slots;	/* its size, a power of two */
	struct stats_top   *top_sorted;	/* the first STATS_TOP, most first */
	size_t		    ntop_sorted;
};

/*
 * Start empty figures for today (a day number) with the targets in cfg
 * (NULL for the defaults) and the range open at both ends.
 */
void	stats_init(struct stats *, long today, const struct config *cfg,
	    int want);
void	stats_done(struct stats *);
/* Count one record. */
void	stats_add(struct stats *, const struct holdlog_entry *);
/* Work out the weeks, streaks and lists once every record is added. */
void	stats_finish(struct stats *);
/*
 * Read the whole log at path through rd (a missing log is empty), then
 * stats_finish. Returns 0, or -1 with errno set; rd keeps the malformed
 * count for holdlog_read_warn.
 */
int	stats_read(struct stats *, struct holdlog_reader *rd, const char *path);

/* The recent holds, newest first: of one area, or of all with area -1. */
const struct stats_hold *stats_recent(const struct stats *, int area,
	    size_t *n);
/* The STATS_TOP stretches done most, most first (ties by name). */
const struct stats_top *stats_top(const struct stats *, size_t *n);

#endif
