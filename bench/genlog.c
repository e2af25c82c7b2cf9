/*
 * A generated hold log for bench/stats.sh, written to standard output:
 *
 *	limber-genlog [-n records] [-d days] [-s seed]
 *
 * Records (default 1,000,000) in time order over days (default 2557, about
 * seven years) ending today, in local time with the UTC offset as holdlog
 * writes it. Most days have sessions of 6 to 12 holds from the bundled
 * routines, both sides of a two-sided stretch in turn; a few holds are
 * logged by hand. When the records outnumber what one session a day gives,
 * a day gets as many sessions as it takes, spread from 06:00 to 23:30; when
 * they are few, the span shrinks to about 8 holds a day. Every 100,000th
 * record is followed by a malformed or odd line, so readers' skip paths
 * run. The same seed and date give the same log.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define GEN_DAY_START	(6 * 3600)		/* sessions start from 06:00 */
#define GEN_DAY_SPAN	(17 * 3600 + 1800)	/* to 23:30 */
#define GEN_ODD_EVERY	100000			/* records between odd lines */

/* A step of a bundled routine. */
struct gen_step {
	const char	*name;
	const char	*kind;
	const char	*area;
	int		 sides;		/* 1 for left then right */
	int		 hold;		/* seconds */
};

/* A bundled routine: its id and steps. */
struct gen_routine {
	const char		*id;
	const struct gen_step	*steps;
	size_t			 nsteps;
};

static const struct gen_step gen_adductors[] = {
	{ "Roll the inner thigh", "roll", "adductors", 1, 45 },
	{ "Butterfly stretch", "stretch", "adductors", 1, 30 },
	{ "Side lunge stretch", "stretch", "adductors", 1, 30 },
};
static const struct gen_step gen_calves[] = {
	{ "Wall calf stretch, straight knee", "stretch", "calves", 1, 30 },
	{ "Wall calf stretch, bent knee", "stretch", "calves", 1, 30 },
	{ "Heel drop on a step", "stretch", "calves", 1, 30 },
	{ "Standing calf stretch", "stretch", "calves", 1, 45 },
};
static const struct gen_step gen_desk[] = {
	{ "Standing split-stance hip flexor stretch", "stretch", "hip-flexors",
	    1, 30 },
	{ "Doorway chest stretch", "stretch", "chest", 1, 60 },
	{ "Seated upper back round", "stretch", "upper-back", 0, 60 },
	{ "Desk lat stretch", "stretch", "lats", 1, 60 },
	{ "Seated neck side bend", "stretch", "neck", 1, 30 },
	{ "Cross-body shoulder stretch", "stretch", "shoulders", 1, 30 },
};
static const struct gen_step gen_evening[] = {
	{ "Lying hamstring stretch with strap", "stretch", "hamstrings", 1,
	    30 },
	{ "Lying figure-four stretch", "stretch", "glutes", 1, 30 },
	{ "Lying twist", "stretch", "lower-back", 1, 30 },
	{ "Reclined butterfly", "stretch", "adductors", 0, 30 },
	{ "Child's pose", "stretch", "lower-back", 0, 30 },
};
static const struct gen_step gen_feet[] = {
	{ "Roll the sole of the foot on a ball", "roll", "feet", 1, 60 },
	{ "Roll the calves", "roll", "calves", 1, 45 },
	{ "Kneeling toe stretch", "stretch", "feet", 0, 20 },
	{ "Heel drop on a step", "stretch", "calves", 1, 30 },
};
static const struct gen_step gen_itband[] = {
	{ "Roll the TFL (front-outside of the hip)", "roll", "it-band", 1,
	    45 },
	{ "Roll the glutes", "roll", "glutes", 1, 45 },
	{ "Roll the outer quads", "roll", "quads", 1, 45 },
	{ "Standing cross-over side lean", "stretch", "it-band", 1, 30 },
	{ "Lying figure-four stretch", "stretch", "glutes", 1, 30 },
};
static const struct gen_step gen_lats[] = {
	{ "Roll the lats", "roll", "lats", 1, 45 },
	{ "Standing overhead side reach", "stretch", "lats", 1, 30 },
	{ "Doorframe lat stretch", "stretch", "lats", 1, 30 },
	{ "Child's pose with long arms", "stretch", "lats", 0, 30 },
};
static const struct gen_step gen_postrun[] = {
	{ "Roll the calves", "roll", "calves", 1, 45 },
	{ "Wall calf stretch, straight knee", "stretch", "calves", 1, 30 },
	{ "Standing quad stretch", "stretch", "quads", 1, 30 },
	{ "Lying hamstring stretch with strap", "stretch", "hamstrings", 1,
	    30 },
	{ "Half-kneeling hip flexor stretch", "stretch", "hip-flexors", 1,
	    30 },
	{ "Lying figure-four stretch", "stretch", "glutes", 1, 30 },
	{ "Butterfly stretch", "stretch", "adductors", 0, 30 },
};
static const struct gen_step gen_rollday[] = {
	{ "Roll the upper back", "roll", "upper-back", 0, 60 },
	{ "Roll the lats", "roll", "lats", 1, 45 },
	{ "Roll the quads", "roll", "quads", 1, 60 },
	{ "Roll the hamstrings", "roll", "hamstrings", 1, 60 },
	{ "Thread the needle", "stretch", "upper-back", 1, 30 },
	{ "Knees to chest", "stretch", "lower-back", 0, 30 },
};
static const struct gen_step gen_morning[] = {
	{ "Child's pose with long arms", "stretch", "lats", 0, 30 },
	{ "Half-kneeling hip flexor stretch", "stretch", "hip-flexors", 1,
	    30 },
	{ "Standing forward fold, soft knees", "stretch", "hamstrings", 0,
	    30 },
	{ "Doorway chest stretch", "stretch", "chest", 0, 30 },
	{ "Standing calf stretch", "stretch", "calves", 1, 30 },
	{ "Seated neck side bend", "stretch", "neck", 1, 20 },
};

#define GEN_ROUTINE(id, steps) { id, steps, sizeof steps / sizeof steps[0] }
static const struct gen_routine gen_routines[] = {
	GEN_ROUTINE("adductors-basics", gen_adductors),
	GEN_ROUTINE("calves-post-run", gen_calves),
	GEN_ROUTINE("desk-break", gen_desk),
	GEN_ROUTINE("evening-unwind", gen_evening),
	GEN_ROUTINE("feet-and-calves", gen_feet),
	GEN_ROUTINE("it-band-tfl", gen_itband),
	GEN_ROUTINE("lats-overhead", gen_lats),
	GEN_ROUTINE("post-run-cooldown", gen_postrun),
	GEN_ROUTINE("rest-day", gen_rollday),
	GEN_ROUTINE("morning-wake-up", gen_morning),
};
#define GEN_NROUTINES	(sizeof gen_routines / sizeof gen_routines[0])

/*
 * Malformed or odd lines, one after every GEN_ODD_EVERY records: each is
 * the current stamp (1), that stamp written "2026/11/21 07:12:03" (2) or
 * nothing (0), then the rest. Only the last is a good record.
 */
static const struct {
	int		 stamped;
	const char	*rest;
} gen_odd[] = {
	{ 1, "\tcalves-post-run\tWall calf stretch\tstretch\n" },
	{ 1, "\t-\tHeel drop\tstretch\tcalves\tleft\t30\t30\tfinished\n" },
	{ 1, "\t-\tHeel drop\tstretch\tcalves\tleft\t30\t3O\tdone\n" },
	{ 1, "\t-\tCalf stretch\tstretch\tcalf\t-\t30\t30\tdone\n" },
	{ 2, "\t-\tHeel drop\tstretch\tcalves\t-\t30\t30\tdone\n" },
	{ 1, "\t-\tHeel drop\tstretch\tcalves\tright\t30\t-4\tpartial\n" },
	{ 0, "\n" },
	{ 1, "\t-\tHeel drop\tstretch\tcalves\tright\t30\t31\tdone\tnote\n" },
};
#define GEN_NODD	(sizeof gen_odd / sizeof gen_odd[0])

/* What the generator is writing. */
struct gen {
	uint64_t	 rng;
	long		 left;		/* records still to write */
	long		 written;
	long		 odd;		/* odd lines written */
	char		 date[16];	/* "2026-11-21" */
	char		 offset[16];	/* "+01:00" */
	char		 stamp[64];
};

/* A random number (xorshift64*). */
static uint64_t
gen_random(struct gen *g)
{
	g->rng ^= g->rng >> 12;
	g->rng ^= g->rng << 25;
	g->rng ^= g->rng >> 27;
	return g->rng * 2685821657736338717ULL;
}

/* A random number from lo to hi. */
static long
gen_between(struct gen *g, long lo, long hi)
{
	return lo + (long)(gen_random(g) % (uint64_t)(hi - lo + 1));
}

/* Whether an event with chance per thousand happens. */
static int
gen_chance(struct gen *g, int per_mille)
{
	return (long)(gen_random(g) % 1000) < per_mille;
}

/* Days since 1970-01-01 of a civil date. */
static long
gen_days_from_civil(int y, int m, int d)
{
	long		era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Set the date and the local UTC offset at noon for a day number. */
static void
gen_set_day(struct gen *g, long day)
{
	long		 z = day + 719468, era, doe, yoe, doy, mp;
	int		 y, m, d, off;	/* off: minutes, within a day */
	struct tm	 tm;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = (int)(doy - (153 * mp + 2) / 5 + 1);
	m = (int)(mp < 10 ? mp + 3 : mp - 9);
	y = (int)(yoe + era * 400 + (m <= 2));
	snprintf(g->date, sizeof g->date, "%04d-%02d-%02d", y, m, d);

	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = 12;
	tm.tm_isdst = -1;
	off = mktime(&tm) == (time_t)-1 ? 0 : (int)(tm.tm_gmtoff / 60 % 1440);
	snprintf(g->offset, sizeof g->offset, "%c%02d:%02d",
	    off < 0 ? '-' : '+', abs(off) / 60, abs(off) % 60);
}

/* The stamp for a local time of the current day, in seconds. */
static const char *
gen_stamp(struct gen *g, long t)
{
	if (t < 0)
		t = 0;
	if (t > 86399)
		t = 86399;
	snprintf(g->stamp, sizeof g->stamp, "%sT%02ld:%02ld:%02ld%s", g->date,
	    t / 3600, t / 60 % 60, t % 60, g->offset);
	return g->stamp;
}

/* After every GEN_ODD_EVERY records, a malformed or odd line. */
static void
gen_maybe_odd(struct gen *g, long t)
{
	char	*p;
	int	 how = gen_odd[g->odd % GEN_NODD].stamped;

	if (g->written % GEN_ODD_EVERY != 0)
		return;
	if (how != 0)
		gen_stamp(g, t);
	if (how == 2) {
		g->stamp[19] = '\0';
		g->stamp[10] = ' ';
		while ((p = strchr(g->stamp, '-')) != NULL)
			*p = '/';
	}
	if (how != 0)
		fputs(g->stamp, stdout);
	fputs(gen_odd[g->odd % GEN_NODD].rest, stdout);
	g->odd++;
}

/* One record: its outcome and held time drawn; returns seconds used. */
static long
gen_record(struct gen *g, long t, const char *routine,
    const struct gen_step *s, const char *side)
{
	const char	*outcome = "done";
	long		 target = s->hold, held = target;
	int		 r = (int)gen_between(g, 0, 999);

	if (r < 30) {
		outcome = "skipped";
		held = gen_between(g, 0, target / 4);
	} else if (r < 80) {
		outcome = "partial";
		held = gen_between(g, target / 4, target - 1);
	} else if (r < 130)
		held = target + gen_between(g, 1, 3);
	printf("%s\t%s\t%s\t%s\t%s\t%s\t%ld\t%ld\t%s\n", gen_stamp(g, t),
	    routine, s->name, s->kind, s->area, side, target, held, outcome);
	g->left--;
	g->written++;
	gen_maybe_odd(g, t + held);
	return held + gen_between(g, 5, 12);
}

/* A session of 6 to 12 holds (at most max) from *t; returns the count. */
static long
gen_session(struct gen *g, long *t, long max)
{
	const struct gen_routine	*r;
	const struct gen_step		*s;
	long				 n, i;
	size_t				 step = 0;

	r = &gen_routines[gen_between(g, 0, GEN_NROUTINES - 1)];
	n = gen_between(g, 6, 12);
	if (n > max)
		n = max;
	for (i = 0; i < n; i++) {
		s = &r->steps[step++ % r->nsteps];
		if (s->sides && i + 1 < n) {
			*t += gen_record(g, *t, r->id, s, "left");
			*t += gen_record(g, *t, r->id, s, "right");
			i++;
		} else	/* a session cut short after the left side */
			*t += gen_record(g, *t, r->id, s, s->sides ? "left" :
			    "-");
	}
	return n;
}

/* A hold logged by hand at *t; returns the count, 1. */
static long
gen_by_hand(struct gen *g, long *t)
{
	const struct gen_routine	*r;
	struct gen_step			 s;

	r = &gen_routines[gen_between(g, 0, GEN_NROUTINES - 1)];
	s = r->steps[gen_between(g, 0, (long)r->nsteps - 1)];
	s.hold = (int)gen_between(g, 2, 8) * 15;
	*t += gen_record(g, *t, "-", &s, "-");
	return 1;
}

/* One active day of n records, in sessions spread from 06:00. */
static void
gen_day(struct gen *g, long n)
{
	long	sessions = n / 6 + 1, slot = GEN_DAY_SPAN / sessions;
	long	t = 0, plan, k;

	for (k = 0; n > 0; k++) {
		plan = GEN_DAY_START + k * slot + gen_between(g, 0, slot / 4);
		if (plan > t)
			t = plan;
		if (gen_chance(g, 20))
			n -= gen_by_hand(g, &t);
		else
			n -= gen_session(g, &t, n);
	}
}

/* Whether a day is a rest day with no holds: about one in eight. */
static int
gen_rest_day(long day, long today, uint64_t seed)
{
	uint64_t	x = (uint64_t)day * 0x9e3779b97f4a7c15ULL ^ seed;

	if (day == today)
		return 0;
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x % 1000 < 120;
}

/* Print the usage and exit. */
static void
gen_usage(void)
{
	fprintf(stderr, "usage: limber-genlog [-n records] [-d days] "
	    "[-s seed]\n");
	exit(2);
}

/* Write the log to standard output. */
int
main(int argc, char **argv)
{
	struct gen	 g;
	struct tm	 tm;
	time_t		 now = time(NULL);
	long		 days = 2557, today, day, n, quota, active;
	unsigned long	 seed = 1;
	int		 c;

	n = 1000000;
	while ((c = getopt(argc, argv, "n:d:s:")) != -1) {
		switch (c) {
		case 'n':
			n = strtol(optarg, NULL, 10);
			break;
		case 'd':
			days = strtol(optarg, NULL, 10);
			break;
		case 's':
			seed = strtoul(optarg, NULL, 10);
			break;
		default:
			gen_usage();
		}
	}
	if (n < 0 || days < 1 || optind != argc)
		gen_usage();
	if (days > n / 8 + 1)
		days = n / 8 + 1;

	memset(&g, 0, sizeof g);
	g.rng = 0x9e3779b97f4a7c15ULL ^ ((uint64_t)seed * 0xbf58476d1ce4e5b9ULL);
	g.left = n;
	localtime_r(&now, &tm);
	today = gen_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday);
	setvbuf(stdout, NULL, _IOFBF, 1 << 20);
	printf("# limber log v1\n");
	active = 0;
	for (day = today - days + 1; day <= today; day++)
		active += !gen_rest_day(day, today, seed);
	for (day = today - days + 1; day <= today && g.left > 0; day++) {
		if (gen_rest_day(day, today, seed))
			continue;
		quota = (g.left + active - 1) / active;
		active--;
		gen_set_day(&g, day);
		gen_day(&g, quota);
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
