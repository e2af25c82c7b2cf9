/* The commands: one file each, sharing option parsing and loading. */
#ifndef LIMBER_CMD_H
#define LIMBER_CMD_H

#include <stddef.h>
#include <stdio.h>

#include "limber/config.h"
#include "limber/library.h"
#include "limber/logread.h"
#include "limber/stats.h"

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
/*
 * The index of arg among the n names into *index, for the option opt
 * ("--format"): CMD_CONTINUE, or a usage error such as "--format is text
 * or tsv, not 'xml'".
 */
int	cmd_choice(const struct cmd *, const char *opt, const char *arg,
	    const char *const *names, size_t n, int *index);
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

/* Which records a command looks at: --since, --until and --area. */
struct cmd_filter {
	long	today;
	long	since;		/* LONG_MIN when open */
	long	until;		/* LONG_MAX when open */
	long	back;		/* days before until when no --since, or -1 */
	int	since_set;	/* --since was given */
	int	area;		/* -1 for any */
};

/*
 * Start a filter from back days before today to today, or everything with
 * back -1. Without --since, the range ends back days before --until.
 */
void	cmd_filter_init(struct cmd_filter *, long back);
/*
 * Handle --since ('s'), --until ('u') or --area ('a'). Returns CMD_CONTINUE,
 * or 2 after printing what is wrong with arg.
 */
int	cmd_filter_option(const struct cmd *, struct cmd_filter *, int opt,
	    const char *arg);
/*
 * After the options, settle the default --since: CMD_CONTINUE, or 2 when
 * --since is after --until.
 */
int	cmd_filter_check(const struct cmd *, struct cmd_filter *);
int	cmd_filter_match(const struct cmd_filter *, const struct log_entry *);
/*
 * An area from the command line, by its id or a common name (area_lookup):
 * CMD_CONTINUE, or 2 with a suggestion.
 */
int	cmd_area(const struct cmd *, const char *id, int *area);
/* Nothing after the options: CMD_CONTINUE, or 2. */
int	cmd_no_args(const struct cmd *, int argc, char **argv);
/* Load the settings, printing any problems; bad keys keep their defaults. */
void	cmd_load_config(struct config *);
/* The log's path (caller frees), or NULL after saying there is none. */
char	*cmd_log_path(void);
/*
 * Call fn for each good record of the log that passes the filter, oldest
 * line first, then warn about malformed lines. A missing log is empty.
 * Returns 0, or 1 after printing why the log cannot be read.
 */
int	cmd_log_each(const struct cmd_filter *,
	    void (*fn)(const struct log_entry *, void *), void *arg);
/* The same through stats_read into st (set up by the caller): 0 or 1. */
int	cmd_log_stats(struct stats *);

int	cmd_check(const struct cmd *, int, char **);
int	cmd_due(const struct cmd *, int, char **);
int	cmd_export(const struct cmd *, int, char **);
int	cmd_history(const struct cmd *, int, char **);
int	cmd_log(const struct cmd *, int, char **);
int	cmd_stats(const struct cmd *, int, char **);
int	cmd_list(const struct cmd *, int, char **);
int	cmd_show(const struct cmd *, int, char **);
int	cmd_run(const struct cmd *, int, char **);
/* limber with no command: the start screen. */
int	cmd_start(const struct cmd_routines *);

#endif
