/*
 * Reading the hold log (see holdlog.h for the format), trusting nothing in
 * it. The reader streams the file through a fixed buffer, so memory does not
 * grow with the log, and never writes to it. Malformed lines are skipped
 * and counted: fewer than nine fields, a bad timestamp, an unknown kind,
 * area, side or outcome, seconds that are negative or not numbers, a line
 * longer than LOGREAD_LINE_MAX, and a torn last line with no newline.
 * Fields after the ninth are ignored.
 */
#ifndef LIMBER_LOGREAD_H
#define LIMBER_LOGREAD_H

#include <stddef.h>
#include <stdio.h>
#include <time.h>

#define LOGREAD_LINE_MAX	4096	/* longer lines are malformed */
#define LOGREAD_BAD_LINES	5	/* malformed line numbers kept */

struct log_entry {
	time_t		 start;		/* the instant the hold began */
	int		 offset;	/* its UTC offset in seconds */
	int		 year;		/* the date as written in the record */
	int		 month;
	int		 day;
	long		 date;		/* that date as a day number (day.h) */
	long		 line;		/* line number in the log, from 1 */
	long long	 pos;		/* its byte offset, or -1 if not read */
	const char	*stamp;		/* the timestamp as written */
	const char	*routine;	/* "-" for a hold logged by hand */
	const char	*step;
	size_t		 stamp_len;	/* their lengths in bytes */
	size_t		 routine_len;
	size_t		 step_len;
	int		 kind;		/* enum step_kind */
	int		 area;		/* index into area_table */
	int		 side;		/* 0 none, 1 left, 2 right */
	int		 target;
	int		 held;
	int		 outcome;	/* 0 done, 1 partial, 2 skipped */
};

struct logread {
	const char	*path;
	int		 fd;		/* -1 when closed or missing */
	char		*buf;
	long long	 base;		/* the log's offset of buf[0] */
	size_t		 start;		/* first unread byte in buf */
	size_t		 len;		/* bytes in buf */
	int		 eof;
	long long	 left;		/* bytes of the snapshot not yet read */
	long		 line;		/* lines read so far */
	long		 bad;		/* malformed lines skipped */
	long		 bad_lines[LOGREAD_BAD_LINES];
};

/*
 * Parse one line (without its newline) in place: tabs become NULs and the
 * entry's strings point into it. 0, or -1 for a malformed line.
 */
int	logread_parse(char *line, struct log_entry *);
/* Parse "2026-11-21T07:12:03+01:00" (or a Z offset) into e; 0 or -1. */
int	logread_time(const char *text, struct log_entry *);

/*
 * Open the log at path (kept, not copied). The reader sees the log as it
 * was when opened: its size is taken under a shared lock, so it ends after
 * the last whole record then written, and the lock is let go at once so
 * that a slow reader never holds up a session. Returns 1 if
 * it is open, 0 if there is no log (an empty history), or -1 with errno set
 * (a folder, no permission). The reader is ready for logread_close either
 * way.
 */
int	logread_open(struct logread *, const char *path);
/*
 * The next good record into e, whose strings last until the next call.
 * Returns 1, 0 at the end of the log, or -1 with errno set on a read error.
 */
int	logread_next(struct logread *, struct log_entry *);
/*
 * Read and parse the record at byte offset pos again (a pos from an entry),
 * with its text in buf (LOGREAD_LINE_MAX + 2 bytes). 0, or -1 if the line
 * there is not a record.
 */
int	logread_at(struct logread *, long long pos, char *buf,
	    struct log_entry *);
void	logread_close(struct logread *);	/* counts stay readable */
/*
 * One line to f when lines were skipped: "limber: warning: PATH: skipped 3
 * malformed lines (2, 7, 9)", the first LOGREAD_BAD_LINES numbers then "...".
 */
void	logread_warn(const struct logread *, FILE *f);

#endif
