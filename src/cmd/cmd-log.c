/* limber log: record a hold done without limber. */
#include "cmd/cmd.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "limber/area.h"
#include "limber/day.h"
#include "limber/duration.h"
#include "limber/holdlog.h"
#include "limber/routine.h"
#include "limber/text.h"

#define CMD_LOG_HELD_MIN	1		/* seconds */
#define CMD_LOG_HELD_MAX	3600
#define CMD_LOG_FUTURE	60		/* --at may be this far ahead */
#define CMD_LOG_NAME_MAX	200		/* bytes in --name */

static int	cmd_log(const struct cmd_entry *, const struct args *);

static const struct cmd_option cmd_log_options[] = {
	{ "side", 's', "SIDE", "left or right", 0 },
	{ "kind", 'k', "KIND", "stretch (the default) or roll", 0 },
	{ "name", 'n', "TEXT", "what you did (default: the area's name)", 0 },
	{ "at", 'a', "TIME", "when it began: YYYY-MM-DD HH:MM[:SS] or HH:MM "
	    "today (default: DURATION ago)", 0 },
	{ NULL, 0, NULL, NULL, 0 },
};

const struct cmd_entry cmd_log_entry = {
	.name = "log",
	.summary = "log a hold done without limber, e.g. 'limber log calves 45s'",
	.options = cmd_log_options,
	.args = { "AREA DURATION", 2, 2,
	    "give an area and a duration, e.g. 'limber log calves 45s'", NULL },
	.exec = cmd_log,
};

/* The hold to log and the text it came from. */
struct cmd_log_hold {
	struct holdlog_record	 r;
	const char		*at;	/* --at, or NULL for now */
};

/* Report a bad value, with the word meant if there is a hint; exit status. */
static int
cmd_log_bad(const struct cmd_entry *e, const char *what, const char *arg,
    const char *hint)
{
	char	*clean = text_sanitize(arg, 0);
	int	 status;

	if (hint != NULL)
		status = cmd_usage_error(e, "%s, not '%s' (did you mean '%s'?)",
		    what, clean, hint);
	else
		status = cmd_usage_error(e, "%s, not '%s'", what, clean);
	free(clean);
	return status;
}

/* --kind in the words people use: CMD_CONTINUE or the exit status. */
static int
cmd_log_kind(const struct cmd_entry *e, struct cmd_log_hold *h,
    const char *arg)
{
	int	kind = step_kind_lookup(arg);

	if (kind < 0)
		return cmd_log_bad(e, "--kind is stretch or roll", arg,
		    step_kind_suggest(arg));
	h->r.kind = kind;
	return CMD_CONTINUE;
}

/* --side left or right, any case: CMD_CONTINUE or the exit status. */
static int
cmd_log_side(const struct cmd_entry *e, struct cmd_log_hold *h,
    const char *arg)
{
	const char	*hint;
	int		 side = step_sides_lookup(arg);

	if (side == SIDES_LEFT || side == SIDES_RIGHT) {
		h->r.side = side == SIDES_LEFT ? HOLDLOG_SIDE_LEFT :
		    HOLDLOG_SIDE_RIGHT;
		return CMD_CONTINUE;
	}
	/* Only a near left or right helps: both and none are not sides here. */
	hint = step_sides_suggest(arg);
	side = hint != NULL ? step_sides_lookup(hint) : -1;
	return cmd_log_bad(e, "--side is left or right", arg,
	    side == SIDES_LEFT || side == SIDES_RIGHT ? hint : NULL);
}

/* --kind and --side, when given; CMD_CONTINUE or the exit status. */
static int
cmd_log_kind_side(const struct cmd_entry *e, struct cmd_log_hold *h,
    const struct args *a)
{
	int	stop;

	if (args_has(a, 'k') &&
	    (stop = cmd_log_kind(e, h, args_get(a, 'k'))) != CMD_CONTINUE)
		return stop;
	if (args_has(a, 's'))
		return cmd_log_side(e, h, args_get(a, 's'));
	return CMD_CONTINUE;
}

/* Parse "HH:MM" or "HH:MM:SS" at p into tm; 0 or -1. */
static int
cmd_log_clock(const char *p, struct tm *tm)
{
	if (day_digits(&p, 2, &tm->tm_hour) != 0 || *p++ != ':' ||
	    day_digits(&p, 2, &tm->tm_min) != 0)
		return -1;
	tm->tm_sec = 0;
	if (*p == ':') {
		p++;
		if (day_digits(&p, 2, &tm->tm_sec) != 0)
			return -1;
	}
	if (*p != '\0' || tm->tm_hour > 23 || tm->tm_min > 59 ||
	    tm->tm_sec > 59)
		return -1;
	return 0;
}

/*
 * Parse --at in local time: "YYYY-MM-DDTHH:MM[:SS]", the same with a space
 * for the T, or "HH:MM[:SS]" today. 0, or -1 for anything else.
 */
static int
cmd_log_at(const char *text, time_t now, time_t *start)
{
	const char	*p = text;
	struct tm	 tm;
	int		 y, mo, d;

	if (localtime_r(&now, &tm) == NULL)
		return -1;
	if (strlen(text) > 8) {
		if (day_digits(&p, 4, &y) != 0 || *p++ != '-' ||
		    day_digits(&p, 2, &mo) != 0 || *p++ != '-' ||
		    day_digits(&p, 2, &d) != 0 ||
		    (*p != 'T' && *p != ' ') || y < 1970 ||
		    !day_valid(y, mo, d))
			return -1;
		p++;
		tm.tm_year = y - 1900;
		tm.tm_mon = mo - 1;
		tm.tm_mday = d;
	}
	if (cmd_log_clock(p, &tm) != 0)
		return -1;
	tm.tm_isdst = -1;
	if ((*start = mktime(&tm)) == (time_t)-1)
		return -1;
	return 0;
}

/* Work out when the hold began; CMD_CONTINUE or the exit status. */
static int
cmd_log_start(const struct cmd_entry *e, struct cmd_log_hold *h)
{
	time_t	now = time(NULL);
	char	*clean;
	int	 status;

	if (h->at == NULL) {
		h->r.start = now - h->r.held;
		return CMD_CONTINUE;
	}
	if (cmd_log_at(h->at, now, &h->r.start) != 0)
		return cmd_log_bad(e, "--at takes YYYY-MM-DD HH:MM[:SS], or "
		    "HH:MM for today", h->at, NULL);
	if (h->r.start <= now + CMD_LOG_FUTURE)
		return CMD_CONTINUE;
	clean = text_sanitize(h->at, 0);
	status = cmd_usage_error(e, "--at %s is in the future", clean);
	free(clean);
	return status;
}

/* Code points that show as blank space, first and last of each run. */
static const uint32_t cmd_log_blanks[][2] = {
	{ 0x0000, 0x0020 }, { 0x007f, 0x00a0 }, { 0x1680, 0x1680 },
	{ 0x2000, 0x200a }, { 0x2028, 0x2029 }, { 0x202f, 0x202f },
	{ 0x205f, 0x205f }, { 0x3000, 0x3000 },
};

/* Whether a code point shows as more than blank space. */
static int
cmd_log_visible(uint32_t cp)
{
	size_t	i;

	if (cp == UTF8_INVALID)
		return 1;		/* printed as <XX> */
	for (i = 0; i < sizeof cmd_log_blanks / sizeof cmd_log_blanks[0];
	    i++) {
		if (cp >= cmd_log_blanks[i][0] && cp <= cmd_log_blanks[i][1])
			return 0;
	}
	return text_cp_width(cp) > 0;
}

/* Whether a name has something to show: not empty, spaces or controls. */
static int
cmd_log_has_text(const char *s)
{
	size_t		len = strlen(s), i = 0;
	uint32_t	cp;

	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		if (cmd_log_visible(cp))
			return 1;
	}
	return 0;
}

/* --name, when given: CMD_CONTINUE or 2. */
static int
cmd_log_name(const struct cmd_entry *e, struct cmd_log_hold *h,
    const char *arg)
{
	if (strlen(arg) > CMD_LOG_NAME_MAX)
		return cmd_usage_error(e, "--name is longer than %d bytes",
		    CMD_LOG_NAME_MAX);
	if (!cmd_log_has_text(arg))
		return cmd_usage_error(e, "--name is %s: say what you did, "
		    "e.g. --name 'wall calf stretch', or leave --name out to "
		    "log the area's name", *arg == '\0' ? "empty" : "blank");
	h->r.step = arg;
	return CMD_CONTINUE;
}

/* Take the options: side, kind, name and time; CMD_CONTINUE or 2. */
static int
cmd_log_take_options(const struct cmd_entry *e, struct cmd_log_hold *h,
    const struct args *a)
{
	int	stop;

	if ((stop = cmd_log_kind_side(e, h, a)) != CMD_CONTINUE)
		return stop;
	if (args_has(a, 'n') &&
	    (stop = cmd_log_name(e, h, args_get(a, 'n'))) != CMD_CONTINUE)
		return stop;
	h->at = args_get(a, 'a');
	return CMD_CONTINUE;
}

/* Say a duration is below zero; the exit status. */
static int
cmd_log_negative(const struct cmd_entry *e, const char *arg)
{
	char	*clean = text_sanitize(arg, 0);
	int	 status;

	status = cmd_usage_error(e, "'%s': a duration cannot be negative",
	    clean);
	free(clean);
	return status;
}

/* The area and the duration after the options; CMD_CONTINUE or 2. */
static int
cmd_log_args(const struct cmd_entry *e, struct cmd_log_hold *h,
    const struct args *a)
{
	enum duration_error	de;
	long long		secs = 0;
	int			stop;

	if ((stop = cmd_area(e, args_arg(a, 0), &h->r.area)) != CMD_CONTINUE)
		return stop;
	de = duration_parse(args_arg(a, 1), &secs);
	if (de == DURATION_NEGATIVE)
		return cmd_log_negative(e, args_arg(a, 1));
	if (de == DURATION_SYNTAX || de == DURATION_EMPTY)
		return cmd_log_bad(e, "write the duration like "
		    DURATION_EXAMPLES, args_arg(a, 1), NULL);
	if (de != DURATION_OK || secs < CMD_LOG_HELD_MIN ||
	    secs > CMD_LOG_HELD_MAX)
		return cmd_log_bad(e, "the duration must be from 1s to 1h",
		    args_arg(a, 1), NULL);
	h->r.target = h->r.held = (int)secs;
	if (h->r.side != HOLDLOG_SIDE_NONE && !area_table[h->r.area].sided)
		return cmd_usage_error(e, "%s has no left or right side",
		    area_id(h->r.area));
	if (h->r.step == NULL)
		h->r.step = area_name(h->r.area);
	return CMD_CONTINUE;
}

/* Say what was logged: "Logged 45s of Calves (left) at 2026-11-21 07:12." */
static void
cmd_log_done(const struct cmd_log_hold *h)
{
	struct strbuf	 sb;
	struct tm	 tm;
	char		 held[32], when[32] = "?";
	const char	*area = area_name(h->r.area);
	int		 named = strcmp(h->r.step, area) != 0;
	int		 sided = h->r.side != HOLDLOG_SIDE_NONE;

	if (localtime_r(&h->r.start, &tm) != NULL)
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
	sb_init(&sb);
	sb_addf(&sb, "Logged %s of ", duration_format(h->r.held, held,
	    sizeof held));
	sb_add_sanitized(&sb, h->r.step, 0);
	if (named || sided)
		sb_addf(&sb, " (%s%s%s)", named ? area : "",
		    named && sided ? ", " : "",
		    sided ? holdlog_side_word(h->r.side) : "");
	printf("%s at %s.\n", sb.s, when);
	sb_done(&sb);
}

/* Append one hold done by hand to the log. */
static int
cmd_log(const struct cmd_entry *e, const struct args *a)
{
	struct cmd_log_hold	 h;
	char			 err[512], *path;
	int			 stop;

	memset(&h, 0, sizeof h);
	h.r.kind = STEP_STRETCH;
	h.r.outcome = HOLDLOG_DONE;
	if ((stop = cmd_log_take_options(e, &h, a)) != CMD_CONTINUE ||
	    (stop = cmd_log_args(e, &h, a)) != CMD_CONTINUE ||
	    (stop = cmd_log_start(e, &h)) != CMD_CONTINUE)
		return stop;
	if ((path = cmd_log_path()) == NULL)
		return 1;
	if (holdlog_append(path, &h.r, err, sizeof err) != 0) {
		cmd_print_clean(stderr, "limber: ", err);
		free(path);
		return 1;
	}
	free(path);
	cmd_log_done(&h);
	return 0;
}
