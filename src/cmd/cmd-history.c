/* limber history: the holds in a range of dates as a table. */
#include "cmd/cmd.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "limber/area.h"
#include "limber/day.h"
#include "limber/duration.h"
#include "limber/holdlog.h"
#include "limber/text.h"

#define HIST_GAP	2	/* spaces between columns */
#define HIST_STEP_MIN	12	/* the stretch column is never narrower */
#define HIST_CUT	"..."	/* ends a stretch name cut to fit */

static int	cmd_history(const struct cmd_entry *, const struct args *);

static const struct cmd_option cmd_history_options[] = {
	{ "since", 's', "DATE",
	    "from this date (YYYY-MM-DD, or 30d or 12w ago; default 30d)", 0 },
	{ "until", 'u', "DATE", "to this date (default: today)", 0 },
	{ "area", 'a', "AREA", "only holds of AREA (e.g. calves)", 0 },
	{ NULL, 0, NULL, NULL, 0 },
};

const struct cmd_entry cmd_history_entry = {
	.name = "history",
	.summary = "show the holds you have done, oldest first",
	.options = cmd_history_options,
	.args = { "", 0, 0, NULL, NULL },
	.exec = cmd_history,
};

/* One hold, ready to print. */
struct hist_row {
	long	 date;
	time_t	 start;
	long	 line;
	char	 time[6];	/* HH:MM */
	char	*step;		/* sanitized */
	char	 held[16];
	char	 target[16];
	int	 area;
	int	 side;
	int	 outcome;
};

/*
 * How many holds history keeps to put back in order. The log is in the
 * order holds were logged, which is time order except for holds logged
 * late or by hand; a hold within this many records of its place is
 * printed in its place, one further back where it was found. Memory stays
 * flat in the log's size.
 */
#define HIST_WINDOW	8192

/* The holds in range: their widths and totals, then a window to print. */
struct hist {
	struct hist_row	*v;		/* a min-heap of HIST_WINDOW rows */
	size_t		 n;
	long		 holds;
	long		 count[3];	/* by outcome */
	long long	 held;		/* done and partial */
	size_t		 longest;	/* the widest stretch name */
	size_t		 area;		/* the widest area name */
	size_t		 side;
	size_t		 held_w;
	size_t		 target_w;
	const struct hist_widths *w;	/* set for the printing pass */
};

/* Column widths in terminal columns. */
struct hist_widths {
	size_t	area;
	size_t	side;
	size_t	step;
	size_t	held;
	size_t	target;
};

/* Fill a row from a record. */
static void
cmd_history_row_set(struct hist_row *r, const struct holdlog_entry *e)
{
	r->date = e->date;
	r->start = e->start;
	r->line = e->line;
	snprintf(r->time, sizeof r->time, "%.5s", e->stamp + 11);
	r->step = text_sanitize(e->step, 0);
	duration_format(e->held, r->held, sizeof r->held);
	duration_format(e->target, r->target, sizeof r->target);
	r->area = e->area;
	r->side = e->side;
	r->outcome = e->outcome;
}

/* A side as the table shows it: the log's word, or blank for none. */
static const char *
cmd_history_side(int side)
{
	return side == HOLDLOG_SIDE_NONE ? "" : holdlog_side_word(side);
}

/* Order holds by the date written, then the instant, then the line. */
static int
cmd_history_cmp(const void *a, const void *b)
{
	const struct hist_row	*x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

/* Raise a width to fit w. */
static void
cmd_history_fit(size_t *width, size_t w)
{
	if (w > *width)
		*width = w;
}

/* Measure one record for the widths and add it to the totals. */
static void
cmd_history_measure(const struct holdlog_entry *e, void *arg)
{
	struct hist	*h = arg;
	struct hist_row	 r;

	cmd_history_row_set(&r, e);
	cmd_history_fit(&h->area, text_width(area_name(r.area)));
	cmd_history_fit(&h->side, strlen(cmd_history_side(r.side)));
	cmd_history_fit(&h->held_w, strlen(r.held));
	cmd_history_fit(&h->target_w, strlen(r.target));
	cmd_history_fit(&h->longest, text_width(r.step));
	free(r.step);
	h->holds++;
	h->count[e->outcome]++;
	if (e->outcome != HOLDLOG_SKIPPED)
		h->held += e->held;
}

/* Work out the column widths; the stretch column gets what is left. */
static void
cmd_history_widths(const struct hist *h, struct hist_widths *w)
{
	size_t	fixed, total = cmd_width(), longest = strlen("Stretch");

	w->area = strlen("Area");
	w->side = strlen("Side");
	w->held = strlen("Held");
	w->target = strlen("Target");
	cmd_history_fit(&w->area, h->area);
	cmd_history_fit(&w->side, h->side);
	cmd_history_fit(&w->held, h->held_w);
	cmd_history_fit(&w->target, h->target_w);
	cmd_history_fit(&longest, h->longest);
	fixed = DAY_BUFSIZE - 1 + strlen("HH:MM") + w->area + w->side +
	    w->held + w->target + strlen("Outcome") + 7 * HIST_GAP;
	w->step = total > fixed + HIST_STEP_MIN ? total - fixed :
	    HIST_STEP_MIN;
	if (w->step > longest)
		w->step = longest;
}

/* Print s and pad it with spaces to width columns, then the gap. */
static void
cmd_history_pad(const char *s, size_t width)
{
	size_t	w = text_width(s);

	fputs(s, stdout);
	for (; w < width + HIST_GAP; w++)
		putchar(' ');
}

/* Print one hold. */
static void
cmd_history_row(const struct hist_row *r, const struct hist_widths *w)
{
	char	 date[DAY_BUFSIZE], *step = text_cut(r->step, w->step, HIST_CUT);

	day_format(r->date, date, sizeof date);
	cmd_history_pad(date, strlen(date));
	cmd_history_pad(r->time, strlen(r->time));
	cmd_history_pad(area_name(r->area), w->area);
	cmd_history_pad(cmd_history_side(r->side), w->side);
	cmd_history_pad(step, w->step);
	printf("%*s%*s%*s%*s%s\n", (int)w->held, r->held, HIST_GAP, "",
	    (int)w->target, r->target, HIST_GAP, "",
	    holdlog_outcome_word(r->outcome));
	free(step);
}

/* Print the table's heading. */
static void
cmd_history_heading(const struct hist_widths *w)
{
	cmd_history_pad("Date", DAY_BUFSIZE - 1);
	cmd_history_pad("Time", strlen("HH:MM"));
	cmd_history_pad("Area", w->area);
	cmd_history_pad("Side", w->side);
	cmd_history_pad("Stretch", w->step);
	printf("%*s%*s%*s%*s%s\n", (int)w->held, "Held", HIST_GAP, "",
	    (int)w->target, "Target", HIST_GAP, "", "Outcome");
}

/* Swap two rows of the heap. */
static void
cmd_history_swap(struct hist_row *v, size_t i, size_t j)
{
	struct hist_row	t = v[i];

	v[i] = v[j];
	v[j] = t;
}

/* Move the heap's row i up to its place. */
static void
cmd_history_up(struct hist *h, size_t i)
{
	while (i > 0 && cmd_history_cmp(&h->v[i], &h->v[(i - 1) / 2]) < 0) {
		cmd_history_swap(h->v, i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
}

/* Move the heap's first row down to its place. */
static void
cmd_history_down(struct hist *h)
{
	size_t	i = 0, c;

	while ((c = 2 * i + 1) < h->n) {
		if (c + 1 < h->n && cmd_history_cmp(&h->v[c + 1], &h->v[c]) < 0)
			c++;
		if (cmd_history_cmp(&h->v[c], &h->v[i]) >= 0)
			break;
		cmd_history_swap(h->v, i, c);
		i = c;
	}
}

/* Print the earliest row kept and let it go. */
static void
cmd_history_emit(struct hist *h)
{
	cmd_history_row(&h->v[0], h->w);
	free(h->v[0].step);
	h->v[0] = h->v[--h->n];
	cmd_history_down(h);
}

/* Keep one record in the window, printing the earliest when it is full. */
static void
cmd_history_keep(const struct holdlog_entry *e, void *arg)
{
	struct hist	*h = arg;

	if (h->n == HIST_WINDOW)
		cmd_history_emit(h);
	cmd_history_row_set(&h->v[h->n], e);
	cmd_history_up(h, h->n++);
}

/*
 * Print the table as a second pass over the log, then the line that adds
 * up the first pass: 0, or 1 when the log could not be read again.
 */
static int
cmd_history_print(struct hist *h, const struct cmd_filter *f)
{
	struct cmd_filter	again = *f;
	struct hist_widths	w;
	char			held[32];
	int			status;

	again.quiet = 1;	/* the first pass warned */
	cmd_history_widths(h, &w);
	h->w = &w;
	h->v = xreallocarray(NULL, HIST_WINDOW, sizeof *h->v);
	cmd_history_heading(&w);
	status = cmd_log_each(&again, cmd_history_keep, h);
	while (h->n > 0)
		cmd_history_emit(h);
	printf("\n%ld hold%s (%ld done, %ld partial, %ld skipped), %s held\n",
	    h->holds, h->holds == 1 ? "" : "s", h->count[HOLDLOG_DONE],
	    h->count[HOLDLOG_PARTIAL], h->count[HOLDLOG_SKIPPED],
	    duration_format(h->held, held, sizeof held));
	return status;
}

/* Say that nothing is in range. */
static void
cmd_history_none(const struct cmd_filter *f)
{
	char	since[DAY_BUFSIZE], until[DAY_BUFSIZE];

	printf("No holds%s%s from %s to %s.\n", f->area < 0 ? "" : " of ",
	    f->area < 0 ? "" : area_name(f->area),
	    day_format(f->since, since, sizeof since),
	    day_format(f->until, until, sizeof until));
}

/* Show the holds in range, oldest first, in two passes over the log. */
static int
cmd_history(const struct cmd_entry *e, const struct args *a)
{
	struct cmd_filter	f;
	struct hist		h;
	int			status;

	cmd_filter_init(&f, 30);
	if ((status = cmd_filter_args(e, &f, a)) != CMD_CONTINUE)
		return status;
	memset(&h, 0, sizeof h);
	if ((status = cmd_log_each(&f, cmd_history_measure, &h)) == 0) {
		if (h.holds == 0)
			cmd_history_none(&f);
		else
			status = cmd_history_print(&h, &f);
	}
	free(h.v);
	return status;
}
