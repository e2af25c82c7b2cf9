/*
 * The hold log: one line per hold, appended to DATA/limber/log.tsv as each
 * hold ends. The file starts with "# limber log v1"; lines starting with '#'
 * are comments. Each record is nine tab-separated fields (readers ignore
 * extra trailing fields):
 *
 *   start    local time the hold began, 2026-11-21T07:12:03+01:00
 *   routine  routine id, or "-" for a hold logged by hand
 *   step     step name
 *   kind     stretch or roll
 *   area     area id
 *   side     left, right or -
 *   target   planned whole seconds
 *   held     whole seconds held, pauses excluded
 *   outcome  done, partial or skipped
 *
 * Text fields never hold a tab, newline or other control byte (each becomes
 * a space) and an empty one is written as "-". The log is never rewritten
 * or truncated.
 */
#ifndef LIMBER_HOLDLOG_H
#define LIMBER_HOLDLOG_H

#include <stddef.h>
#include <time.h>

#define HOLDLOG_HEADER	"# limber log v1"
#define HOLDLOG_FIELDS	9

/* Side and outcome numbers match enum session_side and enum hold_outcome. */
#define HOLDLOG_SIDE_NONE	0
#define HOLDLOG_SIDE_LEFT	1
#define HOLDLOG_SIDE_RIGHT	2

#define HOLDLOG_DONE		0
#define HOLDLOG_PARTIAL		1
#define HOLDLOG_SKIPPED		2

struct holdlog_record {
	time_t		 start;		/* wall-clock time the hold began */
	const char	*routine;	/* id, or NULL for "-" */
	const char	*step;		/* name */
	int		 kind;		/* enum step_kind: STEP_STRETCH, STEP_ROLL */
	int		 area;		/* index into area_table */
	int		 side;		/* 0 none "-", 1 left, 2 right */
	int		 target;	/* seconds */
	int		 held;		/* seconds */
	int		 outcome;	/* 0 done, 1 partial, 2 skipped */
};

/* The log's path (DATA/limber/log.tsv), or NULL if there is no home; caller frees. */
char	*holdlog_path(void);

/*
 * Create the folder the log at path lives in, and any missing parents, each
 * with mode 0700. Folders that exist are left as they are. Returns 0, or -1
 * with errno set.
 */
int	 holdlog_prepare(const char *path);

/*
 * One log line, with its newline, for a record; the caller frees it. The
 * start is local time with the UTC offset as +HH:MM. Returns NULL if the
 * record cannot be written: a kind, area, side or outcome out of range, a
 * negative target or held time, or a start localtime cannot convert.
 */
char	*holdlog_format(const struct holdlog_record *);

/*
 * Append one record to the log at path with a single write() under an
 * exclusive flock, then fsync. Creates the folder (holdlog_prepare) and the
 * file (mode 0600, refusing a symbolic link); an empty file gets the header
 * first, and a file whose last line is torn gets a newline first, in the
 * same write. Returns 0, or -1 with a message in err such as "cannot write
 * /x/log.tsv: No space left on device".
 */
int	 holdlog_append(const char *path, const struct holdlog_record *,
	     char *err, size_t errsize);

#endif
