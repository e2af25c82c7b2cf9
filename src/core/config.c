/* Loading the settings file against a table of keys. */
#include "limber/config.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "limber/area.h"
#include "limber/duration.h"
#include "limber/paths.h"
#include "limber/text.h"
#include "limber/xmalloc.h"
#include "limber/ydoc.h"

#define CONFIG_ERRORS_MAX	50	/* per file, then it stops reporting */
#define CONFIG_QUOTE_MAX	40	/* bytes of a value echoed in a message */
#define CONFIG_KEYS_MAX		8	/* keys in one table */

struct cfgload {
	const char		*file;
	struct diag_list	*diags;
	size_t			 errors;
};

/* A word a setting accepts and the value it stands for. */
struct word {
	const char	*word;
	int		 value;
};

struct setting;
typedef int (*setting_fn)(struct cfgload *, const struct setting *,
    const struct ynode *key, const struct ynode *val, void *obj);

struct setting {
	const char		*key;
	setting_fn		 parse;
	size_t			 offset;	/* of the member it fills */
	long			 min;		/* numbers and durations */
	long			 max;
	const char		*expect;	/* what the value should be */
	const struct word	*words;		/* for words */
	size_t			 nwords;
};

static int	setting_duration(struct cfgload *, const struct setting *,
		    const struct ynode *, const struct ynode *, void *);
static int	setting_count(struct cfgload *, const struct setting *,
		    const struct ynode *, const struct ynode *, void *);
static int	setting_flag(struct cfgload *, const struct setting *,
		    const struct ynode *, const struct ynode *, void *);
static int	setting_colour(struct cfgload *, const struct setting *,
		    const struct ynode *, const struct ynode *, void *);
static int	setting_targets(struct cfgload *, const struct setting *,
		    const struct ynode *, const struct ynode *, void *);

#define NITEMS(t) (sizeof (t) / sizeof (t)[0])

static const struct word flag_words[] = {
	{ "true", 1 }, { "yes", 1 }, { "on", 1 },
	{ "false", 0 }, { "no", 0 }, { "off", 0 },
};

static const struct word colour_words[] = {
	{ "auto", COLOUR_AUTO },
	{ "always", COLOUR_ALWAYS },
	{ "never", COLOUR_NEVER },
};

static const struct setting config_settings[] = {
	{ "prepare", setting_duration, offsetof(struct config, prepare),
	    0, CONFIG_PREPARE_MAX, "a duration such as 5s", NULL, 0 },
	{ "switch", setting_duration, offsetof(struct config, switch_secs),
	    0, CONFIG_SWITCH_MAX, "a duration such as 5s", NULL, 0 },
	{ "bell", setting_flag, offsetof(struct config, bell), 0, 1,
	    "true or false", flag_words, NITEMS(flag_words) },
	{ "colour", setting_colour, offsetof(struct config, colour), 0, 0,
	    "auto, always or never", colour_words, NITEMS(colour_words) },
	{ "targets", setting_targets, 0, 0, 0,
	    "a mapping of areas such as {calves: {days: 3}}", NULL, 0 },
};

static const struct setting target_settings[] = {
	{ "days", setting_count, offsetof(struct config_target, days),
	    CONFIG_DAYS_MIN, CONFIG_DAYS_MAX, "a whole number of days",
	    NULL, 0 },
	{ "seconds", setting_duration, offsetof(struct config_target, seconds),
	    CONFIG_SECONDS_MIN, CONFIG_SECONDS_MAX, "a duration such as 60s",
	    NULL, 0 },
};

_Static_assert(NITEMS(config_settings) <= CONFIG_KEYS_MAX,
    "too many settings for CONFIG_KEYS_MAX");
_Static_assert(NITEMS(target_settings) <= CONFIG_KEYS_MAX,
    "too many target keys for CONFIG_KEYS_MAX");
_Static_assert(NITEMS(flag_words) <= CONFIG_KEYS_MAX,
    "too many words for CONFIG_KEYS_MAX");

/* Report an error at a node; stops after CONFIG_ERRORS_MAX. */
static int printflike(3, 4)
config_error(struct cfgload *ld, const struct ynode *at, const char *fmt, ...)
{
	va_list	ap;

	if (ld->errors++ > CONFIG_ERRORS_MAX)
		return -1;
	if (ld->errors > CONFIG_ERRORS_MAX) {
		diag_add(ld->diags, DIAG_ERROR, ld->file, at->line, at->col,
		    "too many errors; stopping");
		return -1;
	}
	va_start(ap, fmt);
	diag_vadd(ld->diags, DIAG_ERROR, ld->file, at->line, at->col, fmt, ap);
	va_end(ap);
	return -1;
}

/* A value shortened for a message: at most CONFIG_QUOTE_MAX bytes. */
static const char *
config_quote(const char *s, char *buf, size_t size)
{
	size_t	len = strlen(s), cut = CONFIG_QUOTE_MAX;

	if (len <= CONFIG_QUOTE_MAX)
		return s;
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	snprintf(buf, size, "%.*s...", (int)cut, s);
	return buf;
}

/*
 * Whether a key has no value: nothing after it is reported at the key,
 * a written null or "" at the value.
 */
static int
config_missing(struct cfgload *ld, const struct ynode *key,
    const struct ynode *val, const char *expect)
{
	if (val->type == YNODE_SCALAR && val->plain && val->len == 0) {
		config_error(ld, key, "'%s' is empty; it needs %s", key->str,
		    expect);
		return 1;
	}
	if (ynode_is_null(val)) {
		config_error(ld, val, "'%s' is null; it needs %s", key->str,
		    expect);
		return 1;
	}
	if (val->type == YNODE_SCALAR && val->len == 0) {
		config_error(ld, val, "'%s' is empty; it needs %s", key->str,
		    expect);
		return 1;
	}
	return 0;
}

/* The scalar text of a value, or NULL after reporting why there is none. */
static const char *
config_scalar(struct cfgload *ld, const struct setting *f,
    const struct ynode *key, const struct ynode *val)
{
	if (config_missing(ld, key, val, f->expect))
		return NULL;
	if (val->type != YNODE_SCALAR) {
		config_error(ld, val, "'%s' must be %s, found %s", key->str,
		    f->expect, ynode_type_name(val));
		return NULL;
	}
	return val->str;
}

/* A duration in seconds within [min, max]. */
static int
setting_duration(struct cfgload *ld, const struct setting *f,
    const struct ynode *key, const struct ynode *val, void *obj)
{
	long long	 secs = 0;
	const char	*v;
	char		 q[CONFIG_QUOTE_MAX + 8], lo[32], hi[32];

	if ((v = config_scalar(ld, f, key, val)) == NULL)
		return -1;
	v = config_quote(v, q, sizeof q);
	switch (duration_parse(val->str, &secs)) {
	case DURATION_OK:
		break;
	case DURATION_NEGATIVE:
		return config_error(ld, val, "invalid duration '%s' for '%s': "
		    "negative", v, f->key);
	case DURATION_OVERFLOW:
		return config_error(ld, val, "duration '%s' for '%s' is too "
		    "large", v, f->key);
	default:
		return config_error(ld, val, "invalid duration '%s' for '%s' "
		    "(write e.g. 5, 5s, 1m or 1m30s)", v, f->key);
	}
	if (secs < f->min || secs > f->max)
		return config_error(ld, val, "%s %s is out of range (%s to %s)",
		    f->key, v, duration_format(f->min, lo, sizeof lo),
		    duration_format(f->max, hi, sizeof hi));
	*(int *)((char *)obj + f->offset) = (int)secs;
	return 0;
}

/* A whole number within [min, max]. */
static int
setting_count(struct cfgload *ld, const struct setting *f,
    const struct ynode *key, const struct ynode *val, void *obj)
{
	const char	*v, *p;
	long		 n = 0;
	char		 q[CONFIG_QUOTE_MAX + 8];

	if ((v = config_scalar(ld, f, key, val)) == NULL)
		return -1;
	for (p = v; *p >= '0' && *p <= '9'; p++) {
		if (n <= f->max)
			n = n * 10 + (*p - '0');
	}
	if (*p != '\0' || p == v)
		return config_error(ld, val, "'%s' must be a whole number from "
		    "%ld to %ld, found '%s'", f->key, f->min, f->max,
		    config_quote(v, q, sizeof q));
	if (n < f->min || n > f->max)
		return config_error(ld, val, "%s %s is out of range (%ld to %ld)",
		    f->key, config_quote(v, q, sizeof q), f->min, f->max);
	*(int *)((char *)obj + f->offset) = (int)n;
	return 0;
}

/* One of the setting's words, any case, into *value. */
static int
config_word(struct cfgload *ld, const struct setting *f,
    const struct ynode *key, const struct ynode *val, int *value)
{
	const char	*v, *names[CONFIG_KEYS_MAX], *hint;
	size_t		 i;
	char		 q[CONFIG_QUOTE_MAX + 8];

	if ((v = config_scalar(ld, f, key, val)) == NULL)
		return -1;
	for (i = 0; i < f->nwords; i++) {
		if (strcasecmp(f->words[i].word, v) == 0) {
			*value = f->words[i].value;
			return 0;
		}
		names[i] = f->words[i].word;
	}
	if ((hint = text_suggest(v, names, f->nwords)) != NULL)
		return config_error(ld, val, "unknown value '%s' for '%s' "
		    "(expected %s; did you mean '%s'?)",
		    config_quote(v, q, sizeof q), f->key, f->expect, hint);
	return config_error(ld, val, "unknown value '%s' for '%s' (expected "
	    "%s)", config_quote(v, q, sizeof q), f->key, f->expect);
}

/* true or false, yes or no, on or off. */
static int
setting_flag(struct cfgload *ld, const struct setting *f,
    const struct ynode *key, const struct ynode *val, void *obj)
{
	int	v;

	if (config_word(ld, f, key, val, &v) != 0)
		return -1;
	*(int *)((char *)obj + f->offset) = v;
	return 0;
}

/* auto, always or never. */
static int
setting_colour(struct cfgload *ld, const struct setting *f,
    const struct ynode *key, const struct ynode *val, void *obj)
{
	struct config	*cfg = obj;
	int		 v;

	if (config_word(ld, f, key, val, &v) != 0)
		return -1;
	cfg->colour = (enum config_colour)v;
	return 0;
}

/* The setting a key names in a table, or NULL. */
static const struct setting *
config_find(const struct setting *table, size_t n, const struct ynode *key)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (strcmp(table[i].key, key->str) == 0 &&
		    strlen(key->str) == key->len)
			return &table[i];
	}
	return NULL;
}

/* Report a key that is not in the table, suggesting a near one. */
static int
config_unknown(struct cfgload *ld, const struct setting *table, size_t n,
    const struct ynode *key)
{
	struct strbuf	 sb;
	const char	*names[CONFIG_KEYS_MAX], *hint;
	size_t		 i;
	char		 q[CONFIG_QUOTE_MAX + 8], *list;

	for (i = 0; i < n; i++)
		names[i] = table[i].key;
	if ((hint = text_suggest(key->str, names, n)) != NULL)
		return config_error(ld, key, "unknown key '%s' (did you mean "
		    "'%s'?)", config_quote(key->str, q, sizeof q), hint);
	sb_init(&sb);
	for (i = 0; i < n; i++)
		sb_addf(&sb, "%s%s", i > 0 ? ", " : "", names[i]);
	list = sb_take(&sb);
	config_error(ld, key, "unknown key '%s' (known keys: %s)",
	    config_quote(key->str, q, sizeof q), list);
	free(list);
	return -1;
}

/* A mapping key that is text, else NULL after reporting. */
static const struct ynode *
config_key(struct cfgload *ld, const struct ynode *key)
{
	if (key->type == YNODE_SCALAR)
		return key;
	config_error(ld, key, "a key must be plain text, found %s",
	    ynode_type_name(key));
	return NULL;
}

/* Whether val (the value of key, or the top level) is a mapping. */
static int
config_is_map(struct cfgload *ld, const struct ynode *key,
    const struct ynode *val, const char *what, const char *expect)
{
	if (key != NULL && config_missing(ld, key, val, expect))
		return 0;
	if (val->type != YNODE_MAP) {
		config_error(ld, val, "%s must be %s, found %s", what, expect,
		    ynode_type_name(val));
		return 0;
	}
	return 1;
}

/* Fill obj from a mapping by the table; every problem is reported. */
static int
config_map(struct cfgload *ld, const struct ynode *map,
    const struct setting *table, size_t n, void *obj)
{
	const struct ynode	*seen[CONFIG_KEYS_MAX] = { NULL }, *key, *val;
	const struct setting	*f;
	size_t			 i;
	int			 bad = 0;

	for (i = 0; i + 1 < map->nkids; i += 2) {
		val = map->kids[i + 1];
		if ((key = config_key(ld, map->kids[i])) == NULL) {
			bad = -1;
			continue;
		}
		if ((f = config_find(table, n, key)) == NULL) {
			bad = config_unknown(ld, table, n, key);
			continue;
		}
		if (seen[f - table] != NULL) {
			bad = config_error(ld, key, "duplicate key '%s' (first "
			    "at %d:%d)", f->key, seen[f - table]->line,
			    seen[f - table]->col);
			continue;
		}
		seen[f - table] = key;
		if (f->parse(ld, f, key, val, obj) != 0)
			bad = -1;
	}
	return bad;
}

/* The area a targets key names, or -1 after reporting. */
static int
config_area(struct cfgload *ld, const struct ynode *key)
{
	struct strbuf	 sb;
	const char	*hint;
	char		 q[CONFIG_QUOTE_MAX + 8], *list;
	size_t		 i;
	int		 area;

	if ((area = area_find(key->str)) >= 0 && strlen(key->str) == key->len)
		return area;
	if ((hint = area_suggest(key->str)) != NULL) {
		config_error(ld, key, "unknown area '%s' (did you mean '%s'?)",
		    config_quote(key->str, q, sizeof q), hint);
		return -1;
	}
	sb_init(&sb);
	for (i = 0; i < area_count; i++)
		sb_addf(&sb, "%s%s", i > 0 ? ", " : "", area_table[i].id);
	list = sb_take(&sb);
	config_error(ld, key, "unknown area '%s' (known areas: %s)",
	    config_quote(key->str, q, sizeof q), list);
	free(list);
	return -1;
}

/* One area's target: a mapping of days and seconds. */
static int
config_target(struct cfgload *ld, const struct ynode *key,
    const struct ynode *val, struct config_target *t)
{
	if (!config_is_map(ld, key, val, "a target",
	    "a mapping such as {days: 3, seconds: 60}"))
		return -1;
	return config_map(ld, val, target_settings, NITEMS(target_settings),
	    t);
}

/* Weekly targets by area; each area at most once. */
static int
setting_targets(struct cfgload *ld, const struct setting *f,
    const struct ynode *key, const struct ynode *val, void *obj)
{
	struct config		 *cfg = obj;
	const struct ynode	**seen, *k;
	size_t			  i;
	int			  area, bad = 0;

	if (!config_is_map(ld, key, val, "'targets'", f->expect))
		return -1;
	seen = xcalloc(area_count, sizeof *seen);
	for (i = 0; i + 1 < val->nkids; i += 2) {
		if ((k = config_key(ld, val->kids[i])) == NULL ||
		    (area = config_area(ld, k)) < 0) {
			bad = -1;
			continue;
		}
		if (seen[area] != NULL) {
			bad = config_error(ld, k, "duplicate area '%s' (first "
			    "at %d:%d)", area_id(area), seen[area]->line,
			    seen[area]->col);
			continue;
		}
		seen[area] = k;
		if (config_target(ld, k, val->kids[i + 1],
		    &cfg->targets[area]) != 0)
			bad = -1;
	}
	free(seen);
	return bad;
}

/* Set the defaults. */
void
config_init(struct config *cfg)
{
	size_t	i;

	cfg->prepare = CONFIG_PREPARE_DEFAULT;
	cfg->switch_secs = CONFIG_SWITCH_DEFAULT;
	cfg->bell = 1;
	cfg->colour = COLOUR_AUTO;
	cfg->targets = xcalloc(area_count, sizeof *cfg->targets);
	for (i = 0; i < area_count; i++) {
		cfg->targets[i].days = CONFIG_DAYS_DEFAULT;
		cfg->targets[i].seconds = CONFIG_SECONDS_DEFAULT;
	}
}

/* Free what config_init allocated. */
void
config_done(struct config *cfg)
{
	free(cfg->targets);
	cfg->targets = NULL;
}

/* CONFIG/limber/config.yaml, or NULL without a home. */
char *
config_path(void)
{
	char	*home, *path;

	if ((home = paths_config_home()) == NULL)
		return NULL;
	path = paths_join(home, "limber/config.yaml");
	free(home);
	return path;
}

/* Apply a parsed document; an empty one leaves everything as it was. */
static int
config_doc(struct cfgload *ld, const struct ynode *root, struct config *cfg)
{
	if (root == NULL || ynode_is_null(root))
		return 0;
	if (!config_is_map(ld, NULL, root, "the settings",
	    "a mapping of keys such as 'prepare: 5s'"))
		return -1;
	return config_map(ld, root, config_settings, NITEMS(config_settings),
	    cfg);
}

/*
 * Read the settings file over cfg. A file that does not exist is no
 * error; otherwise every problem goes to diags and -1 is returned.
 */
int
config_load(struct config *cfg, const char *path, struct diag_list *diags)
{
	struct cfgload	ld = { path, diags, 0 };
	struct ydoc	doc;
	struct stat	st;
	int		r;

	if (stat(path, &st) == -1 && (errno == ENOENT || errno == ENOTDIR))
		return 0;
	if (ydoc_load(&doc, path, diags) != 0) {
		ydoc_free(&doc);
		return -1;
	}
	r = config_doc(&ld, doc.root, cfg);
	ydoc_free(&doc);
	return r != 0 || ld.errors > 0 ? -1 : 0;
}
