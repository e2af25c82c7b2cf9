/*
 * The commands: each declared once, as a struct cmd_entry in its own
 * cmd-*.c, and parsed by one parser, which also prints --help from it.
 */
#ifndef LIMBER_CMD_H
#define LIMBER_CMD_H

#include <stddef.h>
#include <stdio.h>

#include "limber/config.h"
#include "limber/library.h"
#include "limber/holdlog.h"
#include "limber/stats.h"

#define EXIT_USAGE 2

/* What the helpers return when the command goes on. */
#define CMD_CONTINUE (-1)

/* Flags of an option. */
#define CMD_REPEAT	0x1	/* may be given more than once ("DIR...") */
#define CMD_SHORT	0x2	/* -KEY works too, not only --NAME */

/* One option of a command: --NAME, or --NAME VALUE. */
struct cmd_option {
	const char	*name;		/* without the dashes */
	int		 key;		/* what args_get asks for; never 'h' */
	const char	*value;		/* the value's name ("DATE"), or NULL */
	const char	*help;		/* one line; --help wraps it */
	int		 flags;
};

/* The option of every command that reads the library. */
#define CMD_OPTION_ROUTINES \
	{ "routines", 'r', "DIR", "add a folder of routines to the library", \
	    CMD_REPEAT }

/* Any number of arguments, for cmd_args.max. */
#define CMD_ANY (-1)

/* The arguments after the options, and what to say about a wrong count. */
struct cmd_args {
	const char	*synopsis;	/* for the usage line: "ID", "[PATH...]" */
	int		 min;
	int		 max;		/* or CMD_ANY */
	const char	*missing;	/* the error for fewer than min */
	const char	*extra;		/* more than max: "give one id" and
					   ", not N"; NULL to say missing, or
					   with max 0 "unexpected argument" */
};

/* Flags of an entry. */
#define CMD_STOP_AT_ARG	0x1	/* options end at the first argument */

struct args;

/* A command: its name, options, arguments, help and handler. */
struct cmd_entry {
	const char		*name;		/* NULL for limber itself */
	const char		*summary;	/* one line, no full stop */
	const struct cmd_option	*options;	/* ends with a NULL name */
	struct cmd_args		 args;
	const char		*exit_status;	/* a paragraph for --help, or NULL */
	int			 flags;
	/* Print --help instead of the usual; NULL for cmd_usage. */
	void			(*usage)(const struct cmd_entry *, FILE *);
	int			(*exec)(const struct cmd_entry *,
				    const struct args *);
};

/* The commands, ending with NULL. */
extern const struct cmd_entry *const cmd_table[];

extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_due_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_history_entry;
extern const struct cmd_entry cmd_list_entry;
extern const struct cmd_entry cmd_log_entry;
extern const struct cmd_entry cmd_run_entry;
extern const struct cmd_entry cmd_show_entry;
extern const struct cmd_entry cmd_stats_entry;

/* The command named name, or NULL. */
const struct cmd_entry *cmd_find(const char *name);
/*
 * Parse argv (argv[0] names the command) against the entry's options and
 * arguments: --NAME, --NAME=VALUE, --NAME VALUE, a unique prefix of NAME,
 * -K for CMD_SHORT options, "--" to end the options; "-" and "-5s" are
 * arguments. CMD_CONTINUE with *args set (free it with args_free), or the
 * exit status after printing --help (0) or a usage error (2) that names
 * the word at fault and what it needs ("-since": did you mean "--since"?).
 */
int	cmd_parse(const struct cmd_entry *, int argc, char **argv,
	    struct args **args);
/* Parse argv and run the entry's handler on it; the exit status. */
int	cmd_exec(const struct cmd_entry *, int argc, char **argv);
/* Print the usage line, summary, options and exit status paragraph. */
void	cmd_usage(const struct cmd_entry *, FILE *);
/* The usage line alone: "usage: limber check [--dose] ... [PATH...]". */
void	cmd_usage_line(const struct cmd_entry *, FILE *);
/* One line of option help: "  --since DATE      from this date". */
void	cmd_usage_option(FILE *, const char *flags, const char *help);
/* Every option of a table, as cmd_usage_option prints them. */
void	cmd_usage_options(FILE *, const struct cmd_option *);
/* Report a usage error in one line; returns EXIT_USAGE. */
int	cmd_usage_error(const struct cmd_entry *, const char *fmt, ...)
	    printflike(2, 3);

/* The value of the last --NAME given for key, or NULL (flags too). */
const char	*args_get(const struct args *, int key);
/* How many times the option for key was given. */
size_t		 args_has(const struct args *, int key);
/* Every value given for key, in order; *n of them. */
char *const	*args_list(const struct args *, int key, size_t *n);
/* The arguments after the options. */
int		 args_count(const struct args *);
char		*args_arg(const struct args *, int i);
void		 args_free(struct args *);

/*
 * The value of the option for key as an index among the n names, into
 * *index (untouched when the option is not given): CMD_CONTINUE, or a
 * usage error such as "--format is text or tsv, not 'xml'".
 */
int	cmd_choice(const struct cmd_entry *, const struct args *, int key,
	    const char *const *names, size_t n, int *index);

/* Extra routine folders from --routines, in order; they belong to args. */
struct cmd_routines {
	char *const	*dirs;
	size_t		 n;
};

/* Print lead (trusted) and untrusted text made inert, then a newline. */
void	cmd_print_clean(FILE *, const char *lead, const char *untrusted);

/* The --routines folders of args. */
void	cmd_routines(const struct args *, struct cmd_routines *);
/* Load the whole library, printing any problems; sorted by id. */
void	cmd_load_library(struct library *, const struct cmd_routines *);
/* Report an unknown routine id with the closest ids; returns 1. */
int	cmd_unknown_routine(const struct cmd_entry *, const struct library *,
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
	int	quiet;		/* no warning of malformed lines */
};

/*
 * Start a filter from back days before today to today, or everything with
 * back -1. Without --since, the range ends back days before --until.
 */
void	cmd_filter_init(struct cmd_filter *, long back);
/*
 * Apply --since ('s'), --until ('u') and --area ('a') from args, then
 * settle the default start. CMD_CONTINUE, or 2 after printing what is
 * wrong: a bad date or area, or --since after --until.
 */
int	cmd_filter_args(const struct cmd_entry *, struct cmd_filter *,
	    const struct args *);
int	cmd_filter_match(const struct cmd_filter *,
	    const struct holdlog_entry *);
/*
 * An area from the command line, by its id or a common name (area_lookup):
 * CMD_CONTINUE, or 2 with a suggestion.
 */
int	cmd_area(const struct cmd_entry *, const char *id, int *area);
/*
 * Load the settings over the defaults (config_done them either way):
 * 0, or 1 after printing every problem as FILE:LINE:COL: error: ...
 */
int	cmd_load_config(struct config *);
/* The log's path (caller frees), or NULL after saying there is none. */
char	*cmd_log_path(void);
/*
 * Call fn for each good record of the log that passes the filter, oldest
 * line first, then warn about malformed lines. A missing log is empty.
 * Returns 0, or 1 after printing why the log cannot be read.
 */
int	cmd_log_each(const struct cmd_filter *,
	    void (*fn)(const struct holdlog_entry *, void *), void *arg);
/* The same through stats_read into st (set up by the caller): 0 or 1. */
int	cmd_log_stats(struct stats *);

/* limber with no command: the start screen. */
int	cmd_start(const struct cmd_routines *);

#endif
