/* The settings file: CONFIG/limber/config.yaml over built-in defaults. */
#ifndef LIMBER_CONFIG_H
#define LIMBER_CONFIG_H

#include <stddef.h>

#include "limber/diag.h"

#define CONFIG_PREPARE_DEFAULT	5	/* seconds before each step */
#define CONFIG_PREPARE_MAX	60
#define CONFIG_SWITCH_DEFAULT	5	/* seconds before the second side */
#define CONFIG_SWITCH_MAX	60
#define CONFIG_DAYS_DEFAULT	3	/* a target: days a week, */
#define CONFIG_DAYS_MIN		1
#define CONFIG_DAYS_MAX		7
#define CONFIG_SECONDS_DEFAULT	60	/* seconds a day per side */
#define CONFIG_SECONDS_MIN	10
#define CONFIG_SECONDS_MAX	600

/* A weekly target for one area. */
struct config_target {
	int	days;		/* a week */
	int	seconds;	/* a day, per side */
	int	set;		/* written in the settings file */
};

struct config {
	int	prepare;	/* seconds */
	int	switch_secs;
	int	bell;		/* 0 or 1 */
	enum config_colour {
		COLOUR_AUTO,	/* when the terminal has it and no NO_COLOR */
		COLOUR_ALWAYS,
		COLOUR_NEVER,
	} colour;
	struct config_target *targets;	/* area_count entries */
};

void	 config_init(struct config *);	/* the defaults */
void	 config_done(struct config *);
/* The settings file's path (CONFIG/limber/config.yaml) or NULL; caller frees. */
char	*config_path(void);
/* Whether there is no settings file at path: the defaults, no error. */
int	 config_missing(const char *path);
/*
 * Load path over the settings already in cfg (after config_init); a missing
 * file is fine. 0, or -1 with every problem in diags: a bad key leaves its
 * setting as it was, the good ones are applied.
 */
int	 config_load(struct config *, const char *path, struct diag_list *);
/* The same from len bytes at buf, named file in messages. */
int	 config_load_buffer(struct config *, const char *file, const char *buf,
	     size_t len, struct diag_list *);

#endif
