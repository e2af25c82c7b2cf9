/* The commands: one file each, sharing option parsing and loading. */
#ifndef LIMBER_CMD_H
#define LIMBER_CMD_H

#include <stddef.h>
#include <stdio.h>

#include "limber/library.h"

#define EXIT_USAGE 2

struct cmd {
	const char	*name;
	const char	*args;		/* after the name, for usage lines */
	const char	*summary;
	const char	*help;		/* the options, one per line */
	int		(*fn)(const struct cmd *, int, char **);
};

extern const struct cmd cmd_table[];
extern const size_t cmd_count;

/* Extra routine folders from --routines, in order. */
struct cmd_routines {
	char	**dirs;
	size_t	  n;
};

void	cmd_usage(const struct cmd *, FILE *);
int	cmd_usage_error(const struct cmd *, const char *fmt, ...)
	    printflike(2, 3);
int	cmd_bad_option(const struct cmd *, int argc, char **argv, int opt);
/* What cmd_option returns when the command goes on. */
#define CMD_CONTINUE (-1)
/*
 * Handle the options every command shares: --routines DIR, --help and
 * the errors getopt reports. Returns CMD_CONTINUE, or the exit status
 * (after freeing cr) when the command should stop.
 */
int	cmd_option(const struct cmd *, int opt, int argc, char **argv,
	    struct cmd_routines *cr);
/* Check that exactly one id follows the options; CMD_CONTINUE or 2. */
int	cmd_one_id(const struct cmd *, int argc, struct cmd_routines *cr);
void	cmd_routines_add(struct cmd_routines *, char *dir);
void	cmd_routines_free(struct cmd_routines *);
/* Load the whole library, printing any problems; sorted by id. */
void	cmd_load_library(struct library *, const struct cmd_routines *);
/* Report an unknown routine id with the closest ids; returns 1. */
int	cmd_unknown_routine(const struct cmd *, const struct library *,
	    const char *id);
/* Columns for wrapped text: the terminal's if stdout is one, else 80. */
size_t	cmd_width(void);

int	cmd_check(const struct cmd *, int, char **);
int	cmd_list(const struct cmd *, int, char **);
int	cmd_show(const struct cmd *, int, char **);
int	cmd_run(const struct cmd *, int, char **);
/* limber with no command: the start screen. */
int	cmd_start(const struct cmd_routines *);

#endif
