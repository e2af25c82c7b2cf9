/* Adding up the hold log: per area, per week, per day, streaks and lists. */
#include "limber/stats.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "limber/area.h"
#include "limber/day.h"
#include "limber/holdlog.h"
#include "limber/xmalloc.h"

#define STATS_DAYS_SLACK	64	/* bytes a bitmap grows by beyond need */
#define STATS_TOP_FIRST		64	/* slots the top table starts with */

/* Whether the bitmap has date d. */
static int
stats_days_has(const struct stats_days *ds, long d)
{
	long	i = d - ds->base;

	if (ds->bits == NULL || i < 0 || (size_t)(i / 8) >= ds->nbytes)
		return 0;
	return (ds->bits[i / 8] >> (i % 8)) & 1;
}

/* Grow the bitmap to cover date d, keeping base a multiple of 8. */
static void
stats_days_grow(struct stats_days *ds, long d)
{
	long		 lo, hi, first, last;
	size_t		 nbytes;
	unsigned char	*bits;

	first = d - (((d % 8) + 8) % 8);
	if (ds->bits == NULL) {
		lo = first - STATS_DAYS_SLACK * 8;
		hi = first + STATS_DAYS_SLACK * 8;
	} else {
		last = ds->base + (long)ds->nbytes * 8;
		lo = first < ds->base ? first - STATS_DAYS_SLACK * 8 : ds->base;
		hi = first >= last ? first + STATS_DAYS_SLACK * 8 : last;
	}
	nbytes = (size_t)((hi - lo) / 8);
	bits = xcalloc(nbytes, 1);
	if (ds->bits != NULL)
		memcpy(bits + (ds->base - lo) / 8, ds->bits, ds->nbytes);
	free(ds->bits);
	ds->bits = bits;
	ds->base = lo;
	ds->nbytes = nbytes;
}

/* Add date d to the bitmap; 1 if it was not there. */
static int
stats_days_set(struct stats_days *ds, long d)
{
	long		 i;
	unsigned char	 bit;

	i = d - ds->base;
	if (ds->bits == NULL || i < 0 || (size_t)(i / 8) >= ds->nbytes) {
		stats_days_grow(ds, d);
		i = d - ds->base;
	}
	bit = (unsigned char)(1u << (i % 8));
	if (ds->bits[i / 8] & bit)
		return 0;
	ds->bits[i / 8] |= bit;
	return 1;
}

/* Start empty figures. */
void
stats_init(struct stats *st, long today, const struct config *cfg, int want)
{
	size_t	i;

	memset(st, 0, sizeof *st);
	st->today = today;
	st->since = LONG_MIN;
	st->until = LONG_MAX;
	st->want = want;
	st->cfg = cfg;
	st->area = xcalloc(area_count, sizeof *st->area);
	st->week = xcalloc(area_count, sizeof *st->week);
	st->area_days = xcalloc(area_count, sizeof *st->area_days);
	st->week_mask = xcalloc(area_count, 1);
	st->week_side = xcalloc(area_count, sizeof *st->week_side);
	for (i = 0; i < area_count; i++) {
		st->area[i].last = STATS_NEVER;
		st->week[i].last = STATS_NEVER;
		st->week[i].counted = STATS_NEVER;
	}
	st->total.last = STATS_NEVER;
	st->heat_first = day_monday(today) - (STATS_WEEKS - 1) * 7;
	st->streak_best = 0;
	st->best_first = st->best_last = STATS_NEVER;
	st->first = st->latest = STATS_NEVER;
	if (want & STATS_WANT_RECENT) {
		st->recent = xcalloc((area_count + 2) * STATS_RECENT,
		    sizeof *st->recent);
		st->nrecent = xcalloc(area_count + 1, sizeof *st->nrecent);
		st->recent_head = xcalloc(area_count + 1,
		    sizeof *st->recent_head);
	}
	if (want & STATS_WANT_TOP) {
		st->top_slots = STATS_TOP_FIRST;
		st->top = xcalloc(st->top_slots, sizeof *st->top);
	}
}

/* Free everything. */
void
stats_done(struct stats *st)
{
	size_t	i;

	for (i = 0; i < area_count; i++)
		free(st->area_days[i].bits);
	if (st->top != NULL) {
		for (i = 0; i < st->top_slots; i++)
			free(st->top[i].step);
	}
	free(st->done_days.bits);
	free(st->range_days.bits);
	free(st->area);
	free(st->week);
	free(st->area_days);
	free(st->week_mask);
	free(st->week_side);
	free(st->recent);
	free(st->nrecent);
	free(st->recent_head);
	free(st->top);
	free(st->top_sorted);
	memset(st, 0, sizeof *st);
}

/* Copy s into a fixed buffer, cutting before a partial UTF-8 character. */
static void
stats_copy(char *dst, size_t size, const char *s, size_t n)
{
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
}

/* Whether hold a is older than the record e (by start, then line). */
static int
stats_older(const struct stats_hold *a, time_t start, long line)
{
	return a->start < start || (a->start == start && a->line < line);
}

/* Fill a kept hold from a record's text. */
static void
stats_hold_text(struct stats_hold *h, const struct holdlog_entry *e)
{
	stats_copy(h->stamp, sizeof h->stamp, e->stamp, e->stamp_len);
	stats_copy(h->routine, sizeof h->routine, e->routine, e->routine_len);
	stats_copy(h->step, sizeof h->step, e->step, e->step_len);
	h->pos = -1;
}

/*
 * Fill a kept hold from a record. Inside stats_read most kept holds are
 * pushed out again by newer ones, so only where the record is is kept, and
 * its text is read again at the end (stats_fetch).
 */
static void
stats_hold_set(const struct stats *st, struct stats_hold *h,
    const struct holdlog_entry *e)
{
	h->start = e->start;
	h->date = e->date;
	h->line = e->line;
	h->kind = e->kind;
	h->area = e->area;
	h->side = e->side;
	h->target = e->target;
	h->held = e->held;
	h->outcome = e->outcome;
	if (st->lazy && e->pos >= 0) {
		h->pos = e->pos;
		h->stamp[0] = h->routine[0] = h->step[0] = '\0';
	} else
		stats_hold_text(h, e);
}

/* Newest first for the recent lists. */
static int
stats_cmp_hold(const void *a, const void *b)
{
	const struct stats_hold	*x = a, *y = b;

	if (stats_older(x, y->start, y->line))
		return 1;
	if (stats_older(y, x->start, x->line))
		return -1;
	return 0;
}

/*
 * Keep e in area list k if it is among the newest STATS_RECENT. Each list
 * is a ring sorted oldest first from recent_head[k]: a log is written in
 * time order, so a new record usually replaces the oldest in place; one
 * out of order is shifted into its place.
 */
static void
stats_keep(struct stats *st, size_t k, const struct holdlog_entry *e)
{
	struct stats_hold	*h = st->recent + k * STATS_RECENT;
	size_t			 head = st->recent_head[k], n = st->nrecent[k];
	size_t			 i;

#define RING(j)	(&h[(head + (j)) % STATS_RECENT])
	if (n == STATS_RECENT) {
		if (!stats_older(RING(0), e->start, e->line))
			return;			/* older than all kept */
		if (stats_older(RING(n - 1), e->start, e->line)) {
			stats_hold_set(st, RING(0), e);	/* the newest */
			st->recent_head[k] = (head + 1) % STATS_RECENT;
			return;
		}
		for (i = 1; i < n && stats_older(RING(i), e->start, e->line);
		    i++)
			*RING(i - 1) = *RING(i);
		stats_hold_set(st, RING(i - 1), e);
		return;
	}
	for (i = n; i > 0 && !stats_older(RING(i - 1), e->start, e->line);
	    i--)
		*RING(i) = *RING(i - 1);
	stats_hold_set(st, RING(i), e);
	st->nrecent[k]++;
#undef RING
}

/*
 * Sort area list k newest first and put it at the front of its storage;
 * then the overall list is the newest of all the area lists.
 */
static void
stats_recent_finish(struct stats *st)
{
	struct stats_hold	*all = st->recent + area_count * STATS_RECENT;
	size_t			 k, n = 0;

	for (k = 0; k < area_count; k++) {
		qsort(st->recent + k * STATS_RECENT, st->nrecent[k],
		    sizeof *st->recent, stats_cmp_hold);
		st->recent_head[k] = 0;
		memcpy(all + n, st->recent + k * STATS_RECENT, st->nrecent[k] *
		    sizeof *all);
		n += st->nrecent[k];
		qsort(all, n, sizeof *all, stats_cmp_hold);
		if (n > STATS_RECENT)
			n = STATS_RECENT;
	}
	st->nrecent[area_count] = n;
}

/*
 * A hash of the step name (n bytes) and the area, eight bytes at a time,
 * mixed with the 64-bit finaliser constant of MurmurHash3.
 */
static uint64_t
stats_hash(const char *step, size_t n, int area)
{
	const uint64_t	mul = 0xff51afd7ed558ccdULL;
	uint64_t	h = 0x9e3779b97f4a7c15ULL ^ (uint64_t)area, w;

	for (; n >= 8; step += 8, n -= 8) {
		memcpy(&w, step, sizeof w);
		h = (h ^ w) * mul;
		h ^= h >> 32;
	}
	w = 0;
	memcpy(&w, step, n);
	h = (h ^ w ^ n) * mul;
	return h ^ (h >> 33);
}

/* The slot of a step in the top table: its own, or the empty one to use. */
static struct stats_top *
stats_top_slot(struct stats_top *top, size_t slots, const char *step,
    size_t len, int area)
{
	size_t	i;

	i = stats_hash(step, len, area) & (slots - 1);
	for (;; i = (i + 1) & (slots - 1)) {
		if (top[i].step == NULL ||
		    (top[i].area == area && strcmp(top[i].step, step) == 0))
			return &top[i];
	}
}

/* Double the top table, keeping it at most half full. */
static void
stats_top_grow(struct stats *st)
{
	struct stats_top	*top, *t;
	size_t			 slots = st->top_slots * 2, i;

	top = xcalloc(slots, sizeof *top);
	for (i = 0; i < st->top_slots; i++) {
		t = &st->top[i];
		if (t->step != NULL)
			*stats_top_slot(top, slots, t->step, strlen(t->step),
			    t->area) = *t;
	}
	free(st->top);
	st->top = top;
	st->top_slots = slots;
}

/* Count a done hold for the top list. */
static void
stats_count_top(struct stats *st, const struct holdlog_entry *e)
{
	struct stats_top	*t;

	t = stats_top_slot(st->top, st->top_slots, e->step, e->step_len,
	    e->area);
	if (t->step != NULL) {
		t->count++;
		t->seconds += e->held;
		return;
	}
	if (st->ntop >= STATS_TOP_NAMES)
		return;
	if (2 * (st->ntop + 1) > st->top_slots) {
		stats_top_grow(st);
		t = stats_top_slot(st->top, st->top_slots, e->step,
		    e->step_len, e->area);
	}
	st->ntop++;
	t->step = xstrdup(e->step);
	t->area = e->area;
	t->kind = e->kind;
	t->count = 1;
	t->seconds = e->held;
}

/* The figures relative to today: heatmap, week, last done. */
static void
stats_add_recent_days(struct stats *st, const struct holdlog_entry *e)
{
	long	d = e->date, w = d - (st->today - (STATS_WEEK_DAYS - 1));

	if (d > st->today)
		return;
	if (e->outcome == HOLDLOG_DONE && d > st->week[e->area].last)
		st->week[e->area].last = d;
	if (e->outcome == HOLDLOG_SKIPPED)
		return;
	if (d >= st->heat_first)
		st->heat[d - st->heat_first] += e->held;
	if (w >= 0) {
		st->week_side[e->area][w][e->side] += e->held;
		if (e->outcome == HOLDLOG_DONE)
			st->week_mask[e->area] |= (unsigned char)(1u << w);
	}
}

/* The figures over the range, for one area's row and the total. */
static void
stats_add_range(struct stats *st, const struct holdlog_entry *e)
{
	struct stats_area	*a = &st->area[e->area];

	a->records++;
	st->total.records++;
	if (e->outcome == HOLDLOG_SKIPPED) {
		a->skipped++;
		st->total.skipped++;
		return;
	}
	a->seconds += e->held;
	st->total.seconds += e->held;
	if (e->outcome == HOLDLOG_PARTIAL) {
		a->partial++;
		st->total.partial++;
		return;
	}
	a->holds++;
	st->total.holds++;
	if (stats_days_set(&st->area_days[e->area], e->date))
		a->days++;
	if (stats_days_set(&st->range_days, e->date))
		st->total.days++;
	if (e->date > a->last)
		a->last = e->date;
	if (e->date > st->total.last)
		st->total.last = e->date;
}

/* Count one record. */
void
stats_add(struct stats *st, const struct holdlog_entry *e)
{
	if (e->area < 0 || (size_t)e->area >= area_count || e->side < 0 ||
	    e->side > 2 || e->outcome < 0 || e->outcome > 2)
		return;
	st->records++;
	if (st->first == STATS_NEVER || e->date < st->first)
		st->first = e->date;
	if (e->date > st->latest)
		st->latest = e->date;
	if (e->outcome == HOLDLOG_DONE)
		stats_days_set(&st->done_days, e->date);
	stats_add_recent_days(st, e);
	if (e->date < st->since || e->date > st->until)
		return;
	stats_add_range(st, e);
	if (st->want & STATS_WANT_RECENT)
		stats_keep(st, (size_t)e->area, e);
	if ((st->want & STATS_WANT_TOP) && e->outcome == HOLDLOG_DONE)
		stats_count_top(st, e);
}

/* The current streak and the best one, from every done date. */
static void
stats_streaks(struct stats *st)
{
	const struct stats_days	*ds = &st->done_days;
	long			 d, end, run = 0;

	d = st->today;
	if (!stats_days_has(ds, d))
		d--;
	for (st->streak = 0; stats_days_has(ds, d); d--)
		st->streak++;
	if (ds->bits == NULL)
		return;
	end = ds->base + (long)ds->nbytes * 8;
	if (end > st->today + 1)
		end = st->today + 1;	/* a streak cannot run into the future */
	for (d = ds->base; d < end; d++) {
		/* Whole empty bytes at once: a log may span centuries. */
		while ((d - ds->base) % 8 == 0 && d + 8 <= end &&
		    ds->bits[(d - ds->base) / 8] == 0) {
			run = 0;
			d += 8;
		}
		if (d >= end)
			break;
		if (!stats_days_has(ds, d)) {
			run = 0;
			continue;
		}
		if (++run >= st->streak_best) {
			st->streak_best = run;
			st->best_first = d - run + 1;
			st->best_last = d;
		}
	}
}

/*
 * Whether a day's held seconds by side met the daily dose: each side got
 * target seconds, a hold with no side counting for both; in an area
 * without sides every hold counts for the whole.
 */
static int
stats_day_dosed(const long long *day, int target, int sided)
{
	long long	left = day[HOLDLOG_SIDE_NONE] + day[HOLDLOG_SIDE_LEFT];
	long long	right = day[HOLDLOG_SIDE_NONE] + day[HOLDLOG_SIDE_RIGHT];

	if (!sided)
		left = right = left + day[HOLDLOG_SIDE_RIGHT];
	return left >= target && right >= target;
}

/*
 * Whether a week's area is due today: tracked, and never dosed in reach or
 * dosed last so long ago that the gap is at least 7 / target_days days.
 */
static int
stats_due(const struct stats_week *w, long today)
{
	if (!w->tracked)
		return 0;
	if (w->counted == STATS_NEVER)
		return 1;
	return (today - w->counted) * w->target_days >= 7;
}

/* One area's week against its target. */
static void
stats_week(struct stats *st, size_t a)
{
	struct stats_week	*w = &st->week[a];
	long long		(*days)[3] = st->week_side[a];
	int			 i, set = 0;

	w->seconds = 0;
	w->active = 0;
	w->target_days = CONFIG_DAYS_DEFAULT;
	w->target_seconds = CONFIG_SECONDS_DEFAULT;
	if (st->cfg != NULL && st->cfg->targets != NULL) {
		w->target_days = st->cfg->targets[a].days;
		w->target_seconds = st->cfg->targets[a].seconds;
		set = st->cfg->targets[a].set;
	}
	w->target_total = (long long)w->target_days * w->target_seconds *
	    (area_table[a].sided ? 2 : 1);
	w->dosed = 0;
	w->counted = STATS_NEVER;
	for (i = 0; i < STATS_WEEK_DAYS; i++) {
		w->seconds += days[i][0] + days[i][1] + days[i][2];
		if (st->week_mask[a] & (1u << i))
			w->active++;
		if (stats_day_dosed(days[i], w->target_seconds,
		    area_table[a].sided)) {
			w->dosed++;
			w->counted = st->today - (STATS_WEEK_DAYS - 1) + i;
		}
	}
	w->tracked = set || (w->last != STATS_NEVER &&
	    w->last > st->today - STATS_TRACK_DAYS);
	w->due = stats_due(w, st->today);
}

/* Most done first, then by name and area. */
static int
stats_cmp_top(const void *a, const void *b)
{
	const struct stats_top	*x = a, *y = b;
	int			 c;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	if ((c = strcmp(x->step, y->step)) != 0)
		return c;
	return (x->area > y->area) - (x->area < y->area);
}

/* Sort the counted stretches and keep the first STATS_TOP. */
static void
stats_sort_top(struct stats *st)
{
	size_t	i, n = 0;

	free(st->top_sorted);
	st->top_sorted = NULL;
	st->ntop_sorted = 0;
	if (st->top == NULL || st->ntop == 0)
		return;
	st->top_sorted = xcalloc(st->ntop, sizeof *st->top_sorted);
	for (i = 0; i < st->top_slots; i++) {
		if (st->top[i].step != NULL)
			st->top_sorted[n++] = st->top[i];
	}
	qsort(st->top_sorted, n, sizeof *st->top_sorted, stats_cmp_top);
	st->ntop_sorted = n < STATS_TOP ? n : STATS_TOP;
}

/* Work out what depends on every record. */
void
stats_finish(struct stats *st)
{
	size_t	a;

	stats_streaks(st);
	for (a = 0; a < area_count; a++)
		stats_week(st, a);
	if (st->recent != NULL)
		stats_recent_finish(st);
	stats_sort_top(st);
}

/* Read the text of the kept holds whose lines were only noted. */
static void
stats_fetch(struct stats *st, struct holdlog_reader *rd)
{
	struct stats_hold	*h;
	struct holdlog_entry	 e;
	char			*buf;
	size_t			 k, i;

	buf = xmalloc(HOLDLOG_LINE_MAX + 2);
	for (k = 0; k < area_count; k++) {
		for (i = 0; i < st->nrecent[k]; i++) {
			h = &st->recent[k * STATS_RECENT + i];
			if (h->pos >= 0 &&
			    holdlog_read_at(rd, h->pos, buf, &e) == 0)
				stats_hold_text(h, &e);
			h->pos = -1;
		}
	}
	free(buf);
}

/* Read a whole log, then finish. */
int
stats_read(struct stats *st, struct holdlog_reader *rd, const char *path)
{
	struct holdlog_entry	e;
	int			r, saved = 0;

	if ((r = holdlog_read_open(rd, path)) == -1)
		saved = errno;
	else {
		st->lazy = 1;
		while ((r = holdlog_read_next(rd, &e)) == 1)
			stats_add(st, &e);
		if (r == -1)
			saved = errno;
		if (st->recent != NULL && rd->fd != -1)
			stats_fetch(st, rd);
		st->lazy = 0;
	}
	holdlog_read_close(rd);
	stats_finish(st);
	if (r == -1) {
		errno = saved;
		return -1;
	}
	return 0;
}

/* A recent list, newest first. */
const struct stats_hold *
stats_recent(const struct stats *st, int area, size_t *n)
{
	size_t	k = area < 0 ? area_count : (size_t)area;

	*n = 0;
	if (st->recent == NULL || k > area_count)
		return NULL;
	*n = st->nrecent[k];
	return st->recent + k * STATS_RECENT;
}

/* The stretches done most. */
const struct stats_top *
stats_top(const struct stats *st, size_t *n)
{
	*n = st->ntop_sorted;
	return st->top_sorted;
}
