/* Loading the settings file against a table of keys. */
#include "limber/config.h"

#include <sys/stat.h>

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "limber/area.h"
#include "limber/paths.h"
#include "limber/text.h"
#include "limber/xmalloc.h"
#include "limber/yload.h"

#define CONFIG_DURATIONS	"5, 5s, 1m or 1m30s"	/* for messages */
#define CONFIG_WORDS_MAX	8	/* words of one setting */

/* A word a setting accepts and the value it stands for. */
struct word {
	const char	*word;
	int		 value;
};

static int	setting_flag(struct yload *, const struct yload_field *,
		    const struct ynode *, const struct ynode *, void *);
static int	setting_colour(struct yload *, const struct yload_field *,
		    const struct ynode *, const struct ynode *, void *);
static int	setting_targets(struct yload *, const struct yload_field *,
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

static const struct yload_field config_settings[] = {
	{ "prepare", 0, yload_duration, offsetof(struct config, prepare),
	    0, CONFIG_PREPARE_MAX, "a duration such as 5s", NULL, 0 },
	{ "switch", 0, yload_duration, offsetof(struct config, switch_secs),
	    0, CONFIG_SWITCH_MAX, "a duration such as 5s", NULL, 0 },
	{ "bell", 0, setting_flag, offsetof(struct config, bell), 0, 1,
	    "true or false", flag_words, NITEMS(flag_words) },
	{ "colour", 0, setting_colour, offsetof(struct config, colour), 0, 0,
	    "auto, always or never", colour_words, NITEMS(colour_words) },
	{ "color", 0, setting_colour, offsetof(struct config, colour), 0, 0,
	    "auto, always or never", colour_words, NITEMS(colour_words) },
	{ "targets", 0, setting_targets, 0, 0, 0,
	    "a mapping of areas such as {calves: {days: 3}}", NULL, 0 },
};

static const struct yload_field target_settings[] = {
	{ "days", 0, yload_count, offsetof(struct config_target, days),
	    CONFIG_DAYS_MIN, CONFIG_DAYS_MAX, "a whole number of days",
	    NULL, 0 },
	{ "seconds", 0, yload_duration, offsetof(struct config_target, seconds),
	    CONFIG_SECONDS_MIN, CONFIG_SECONDS_MAX, "a duration such as 60s",
	    NULL, 0 },
};

_Static_assert(NITEMS(config_settings) <= YLOAD_FIELDS_MAX,
    "too many settings for YLOAD_FIELDS_MAX");
_Static_assert(NITEMS(target_settings) <= YLOAD_FIELDS_MAX,
    "too many target keys for YLOAD_FIELDS_MAX");
_Static_assert(NITEMS(flag_words) <= CONFIG_WORDS_MAX,
    "too many words for CONFIG_WORDS_MAX");

/* One of the setting's words, any case, into *value. */
static int
config_word(struct yload *ld, const struct yload_field *f,
    const struct ynode *key, const struct ynode *val, int *value)
{
	const struct word	*words = f->data;
	const char		*v, *names[CONFIG_WORDS_MAX], *hint;
	size_t			 i;
	char			 q[YLOAD_QUOTE_SIZE];

	if ((v = yload_scalar(ld, key, val, f->expect)) == NULL)
		return -1;
	for (i = 0; i < f->ndata; i++) {
		if (strcasecmp(words[i].word, v) == 0) {
			*value = words[i].value;
			return 0;
		}
		names[i] = words[i].word;
	}
	if ((hint = text_suggest(v, names, f->ndata)) != NULL)
		return yload_error(ld, val, "unknown value '%s' for '%s' "
		    "(expected %s; did you mean '%s'?)",
		    yload_quote(v, q, sizeof q), f->key, f->expect, hint);
	return yload_error(ld, val, "unknown value '%s' for '%s' (expected "
	    "%s)", yload_quote(v, q, sizeof q), f->key, f->expect);
}

/* true or false, yes or no, on or off. */
static int
setting_flag(struct yload *ld, const struct yload_field *f,
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
setting_colour(struct yload *ld, const struct yload_field *f,
    const struct ynode *key, const struct ynode *val, void *obj)
{
	struct config	*cfg = obj;
	int		 v;

	if (config_word(ld, f, key, val, &v) != 0)
		return -1;
	cfg->colour = (enum config_colour)v;
	return 0;
}

/* Whether val (the value of key, or the top level) is a mapping. */
static int
config_is_map(struct yload *ld, const struct ynode *key,
    const struct ynode *val, const char *what, const char *expect)
{
	if (key != NULL && yload_missing(ld, key, val, expect))
		return 0;
	if (val->type != YNODE_MAP) {
		yload_error(ld, val, "%s must be %s, found %s", what, expect,
		    ynode_type_name(val));
		return 0;
	}
	return 1;
}

/* The area a targets key names, or -1 after reporting. */
static int
config_area(struct yload *ld, const struct ynode *key)
{
	struct strbuf	 sb;
	const char	*hint;
	char		 q[YLOAD_QUOTE_SIZE], *list;
	size_t		 i;
	int		 area;

	if ((area = area_find(key->str)) >= 0 && strlen(key->str) == key->len)
		return area;
	if ((hint = area_suggest(key->str)) != NULL) {
		yload_error(ld, key, "unknown area '%s' (did you mean '%s'?)",
		    yload_quote(key->str, q, sizeof q), hint);
		return -1;
	}
	sb_init(&sb);
	for (i = 0; i < area_count; i++)
		sb_addf(&sb, "%s%s", i > 0 ? ", " : "", area_table[i].id);
	list = sb_take(&sb);
	yload_error(ld, key, "unknown area '%s' (known areas: %s)",
	    yload_quote(key->str, q, sizeof q), list);
	free(list);
	return -1;
}

/* One area's target: a mapping of days and seconds. */
static int
config_target(struct yload *ld, const struct ynode *key,
    const struct ynode *val, struct config_target *t)
{
	if (!config_is_map(ld, key, val, "a target",
	    "a mapping such as {days: 3, seconds: 60}"))
		return -1;
	return yload_map(ld, val, target_settings, NITEMS(target_settings),
	    t, "a target");
}

/* Weekly targets by area; each area at most once. */
static int
setting_targets(struct yload *ld, const struct yload_field *f,
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
		if ((k = yload_key(ld, val->kids[i])) == NULL ||
		    (area = config_area(ld, k)) < 0) {
			bad = -1;
			continue;
		}
		if (seen[area] != NULL) {
			bad = yload_error(ld, k, "duplicate area '%s' (first "
			    "at %d:%d)", area_id(area), seen[area]->line,
			    seen[area]->col);
			continue;
		}
		seen[area] = k;
		cfg->targets[area].set = 1;
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
config_doc(struct yload *ld, const struct ynode *root, struct config *cfg)
{
	if (root == NULL || ynode_is_null(root))
		return 0;
	if (!config_is_map(ld, NULL, root, "the settings",
	    "a mapping of keys such as 'prepare: 5s'"))
		return -1;
	return yload_map(ld, root, config_settings, NITEMS(config_settings),
	    cfg, "the settings");
}

/* Apply a parsed settings document; frees it. */
static int
config_apply(struct config *cfg, const char *file, struct ydoc *doc,
    struct diag_list *diags)
{
	struct yload	ld = { file, diags, YLOAD_KNOWN_KEYS, CONFIG_DURATIONS,
			    0 };
	int		r;

	r = config_doc(&ld, doc->root, cfg);
	ydoc_free(doc);
	return r != 0 || ld.errors > 0 ? -1 : 0;
}

/*
 * Whether there is no file at path, which is no error. A link the rule
 * refuses (paths_stat) is there: loading it says why.
 */
int
config_missing(const char *path)
{
	struct stat	st;

	return paths_stat(path, &st) == -1 &&
	    (errno == ENOENT || errno == ENOTDIR);
}

/*
 * Read the settings file over cfg. A file that does not exist is no
 * error; otherwise every problem goes to diags and -1 is returned.
 */
int
config_load(struct config *cfg, const char *path, struct diag_list *diags)
{
	struct ydoc	doc;

	if (config_missing(path))
		return 0;
	if (ydoc_load(&doc, path, diags) != 0) {
		ydoc_free(&doc);
		return -1;
	}
	return config_apply(cfg, path, &doc, diags);
}

/* Load settings from a buffer named file, as config_load does a file. */
int
config_load_buffer(struct config *cfg, const char *file, const char *buf,
    size_t len, struct diag_list *diags)
{
	struct ydoc	doc;

	if (ydoc_parse(&doc, file, buf, len, diags) != 0) {
		ydoc_free(&doc);
		return -1;
	}
	return config_apply(cfg, file, &doc, diags);
}
