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

/* The holds in range and what they add up to. */
struct hist {
	struct hist_row	*v;
	size_t		 n;
	size_t		 cap;
	long		 count[3];	/* by outcome */
	long long	 held;		/* done and partial */
};

/* Column widths in terminal columns. */
struct hist_widths {
	size_t	area;
	size_t	side;
	size_t	step;
	size_t	held;
	size_t	target;
};

/* Keep one record of the log. */
static void
cmd_history_add(const struct holdlog_entry *e, void *arg)
{
	struct hist	*h = arg;
	struct hist_row	*r;

	if (h->n == h->cap) {
		h->cap = h->cap == 0 ? 64 : h->cap * 2;
		h->v = xreallocarray(h->v, h->cap, sizeof *h->v);
	}
	r = &h->v[h->n++];
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
	h->count[e->outcome]++;
	if (e->outcome != HOLDLOG_SKIPPED)
		h->held += e->held;
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

/* Work out the column widths; the stretch column gets what is left. */
static void
cmd_history_widths(const struct hist *h, struct hist_widths *w)
{
	size_t	i, fixed, total = cmd_width(), longest = strlen("Stretch");

	w->area = strlen("Area");
	w->side = strlen("Side");
	w->held = strlen("Held");
	w->target = strlen("Target");
	for (i = 0; i < h->n; i++) {
		cmd_history_fit(&w->area, text_width(area_name(h->v[i].area)));
		cmd_history_fit(&w->side,
		    strlen(cmd_history_side(h->v[i].side)));
		cmd_history_fit(&w->held, strlen(h->v[i].held));
		cmd_history_fit(&w->target, strlen(h->v[i].target));
		cmd_history_fit(&longest, text_width(h->v[i].step));
	}
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

/* Print the table and the line that adds it up. */
static void
cmd_history_print(const struct hist *h)
{
	struct hist_widths	w;
	char			held[32];
	size_t			i;

	cmd_history_widths(h, &w);
	cmd_history_pad("Date", DAY_BUFSIZE - 1);
	cmd_history_pad("Time", strlen("HH:MM"));
	cmd_history_pad("Area", w.area);
	cmd_history_pad("Side", w.side);
	cmd_history_pad("Stretch", w.step);
	printf("%*s%*s%*s%*s%s\n", (int)w.held, "Held", HIST_GAP, "",
	    (int)w.target, "Target", HIST_GAP, "", "Outcome");
	for (i = 0; i < h->n; i++)
		cmd_history_row(&h->v[i], &w);
	printf("\n%zu hold%s (%ld done, %ld partial, %ld skipped), %s held\n",
	    h->n, h->n == 1 ? "" : "s", h->count[HOLDLOG_DONE],
	    h->count[HOLDLOG_PARTIAL], h->count[HOLDLOG_SKIPPED],
	    duration_format(h->held, held, sizeof held));
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

/* Free the rows. */
static void
cmd_history_free(struct hist *h)
{
	size_t	i;

	for (i = 0; i < h->n; i++)
		free(h->v[i].step);
	free(h->v);
}

/* Show the holds in range, oldest first. */
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
	if ((status = cmd_log_each(&f, cmd_history_add, &h)) == 0) {
		if (h.n == 0)
			cmd_history_none(&f);
		else {
			qsort(h.v, h.n, sizeof *h.v, cmd_history_cmp);
			cmd_history_print(&h);
		}
	}
	cmd_history_free(&h);
	return status;
}
