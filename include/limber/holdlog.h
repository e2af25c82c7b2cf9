/*
 * The hold log: one line per hold, appended to DATA/limber/log.tsv as each
 * hold ends. This module owns the format both ways: it writes records and
 * reads them back, and the words of the kind, side and outcome fields live
 * in one table here that both directions use.
 *
 * The file starts with "# limber log v1"; lines starting with '#' are
 * comments. Each record is nine tab-separated fields (readers ignore extra
 * trailing fields):
 *
 *   start    local time the hold began, 2026-11-21T07:12:03+01:00: a
 *            year from 0000 to 9999 and a UTC offset in whole minutes
 *            from -23:59 to +23:59 (HOLDLOG_YEAR_MAX, HOLDLOG_OFFSET_MAX)
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
 *
 * Reading trusts nothing in the log. The reader streams the file through a
 * fixed buffer, so memory does not grow with the log, and never writes to
 * it. A line may end in CRLF (a log that went through a Windows editor):
 * one "\r" before the newline is not part of its text. Malformed lines
 * are skipped and counted: fewer than nine fields, a
 * bad timestamp, an unknown kind, area, side or outcome, seconds that are
 * negative or not numbers, a line longer than HOLDLOG_LINE_MAX, and a torn
 * last line with no newline. Fields after the ninth are ignored.
 */
#ifndef LIMBER_HOLDLOG_H
#define LIMBER_HOLDLOG_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "limber/routine.h"
#include "limber/session.h"

#define HOLDLOG_HEADER	"# limber log v1"
#define HOLDLOG_FIELDS	9
#define HOLDLOG_LINE_MAX	4096	/* longer lines are malformed */
#define HOLDLOG_BAD_LINES	5	/* malformed line numbers kept */
#define HOLDLOG_YEAR_MAX	9999	/* years 0 to this, four digits */
#define HOLDLOG_OFFSET_MAX	(24 * 3600 - 60)	/* +23:59 in seconds */

/* Side and outcome numbers match enum session_side and enum hold_outcome. */
#define HOLDLOG_SIDE_NONE	0
#define HOLDLOG_SIDE_LEFT	1
#define HOLDLOG_SIDE_RIGHT	2

#define HOLDLOG_DONE		0
#define HOLDLOG_PARTIAL		1
#define HOLDLOG_SKIPPED		2

/* The fields written as words, for holdlog_words. */
enum holdlog_field {
	HOLDLOG_KIND,		/* by enum step_kind: stretch, roll */
	HOLDLOG_SIDE,		/* by HOLDLOG_SIDE_*: -, left, right */
	HOLDLOG_OUTCOME,	/* by HOLDLOG_DONE...: done, partial, skipped */
};

/* A record to write. */
struct holdlog_record {
	time_t		 start;		/* wall-clock time the hold began */
	const char	*routine;	/* id, or NULL for "-" */
	const char	*step;		/* name */
	int		 kind;		/* enum step_kind */
	int		 area;		/* index into area_table */
	int		 side;		/* 0 none "-", 1 left, 2 right */
	int		 target;	/* seconds */
	int		 held;		/* seconds */
	int		 outcome;	/* 0 done, 1 partial, 2 skipped */
};

/* A record read back; its strings point into the line it was read from. */
struct holdlog_entry {
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

/*
 * How long a command waits for another process's lock on the log before it
 * gives up with a message, and how often it tries again meanwhile. Writers
 * hold the lock for one write, so a lock held longer than this is stuck.
 */
#define HOLDLOG_LOCK_WAIT_MS	3000
#define HOLDLOG_LOCK_NAP_MS	20

/* A reader streaming the log (holdlog_read_open to holdlog_read_close). */
struct holdlog_reader {
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
	long		 bad_lines[HOLDLOG_BAD_LINES];
};

/*
 * The words, from the table both directions use. Each returns the word the
 * log writes for a value ("stretch", "left", "done"), or "?" for a value
 * the log has no word for. The side of none is "-", as written.
 */
const char	*holdlog_kind_word(int kind);
const char	*holdlog_side_word(int side);
const char	*holdlog_outcome_word(int outcome);
/* A field's words in order of value, with their count in *n. */
const char *const *holdlog_words(enum holdlog_field, size_t *n);

/* DATA/limber/log.tsv, or NULL without a home; the caller frees it. */
char	*holdlog_path(void);

/*
 * Create the folder the log at path lives in, and any missing parents, each
 * with mode 0700. Folders that exist are left as they are. Returns 0, or -1
 * with errno set.
 */
int	 holdlog_prepare(const char *path);

/*
 * The record of one hold the engine ended, for step rec->step of r: the
 * routine's id, the step's name, kind and area, and the record's side,
 * target, held time and outcome. start is the wall-clock time the hold
 * began, as the caller read the wall clock when it began: the engine's
 * clock is not the wall clock (it stands still while the machine sleeps
 * and does not follow a clock that is set), so rec->start is not used.
 * The strings point into r.
 */
void	 holdlog_from_session(struct holdlog_record *, const struct routine *r,
	     const struct session_record *rec, time_t start);

/*
 * One log line, with its newline, for a record; the caller frees it. The
 * start is local time with the UTC offset as +HH:MM. Returns NULL if the
 * record cannot be written so that it reads back the same: a kind, area,
 * side or outcome out of range, a negative target or held time, a start
 * localtime cannot convert, that falls outside the years 0 to
 * HOLDLOG_YEAR_MAX, or in a UTC offset (from TZ) that is not whole minutes
 * or is past HOLDLOG_OFFSET_MAX either way, or a line longer than
 * HOLDLOG_LINE_MAX. What it writes, holdlog_read_parse reads back: the
 * same start, offset, date, numbers and text (control bytes as spaces, an
 * empty or NULL text as "-").
 */
char	*holdlog_format(const struct holdlog_record *);
/*
 * holdlog_format, saying in err why a record cannot be written, such as
 * "the time zone offset +24:00 is outside what the log can hold (whole
 * minutes from -23:59 to +23:59): check TZ".
 */
char	*holdlog_format_err(const struct holdlog_record *, char *err,
	     size_t errsize);

/*
 * Append one record to the log at path with a single write() under an
 * exclusive flock, then fsync. Creates the folder (holdlog_prepare) and the
 * file (mode 0600, refusing a symbolic link another user owns); an empty
 * file gets the header first, and a file whose last line is torn gets a
 * newline first, in the same write. A write cut short is undone. Returns 0,
 * or -1 with a message in err such as "cannot write /x/log.tsv: No space
 * left on device".
 */
int	 holdlog_append(const char *path, const struct holdlog_record *,
	     char *err, size_t errsize);
/*
 * holdlog_append, waiting at most wait_ms (0: not at all) for another
 * process's lock. When the lock stays taken the record is not written:
 * -1 with errno EWOULDBLOCK and a message that says so; EINTR when a
 * terminating signal came while waiting (stop_pending).
 */
int	 holdlog_append_wait(const char *path, const struct holdlog_record *,
	     int wait_ms, char *err, size_t errsize);
/*
 * flock(fd, op) tried every HOLDLOG_LOCK_NAP_MS for at most wait_ms. 0, or
 * -1 with errno EWOULDBLOCK (still locked) or EINTR (a signal is pending
 * while it is taken by another process).
 */
int	 holdlog_lock(int fd, int op, int wait_ms);

/*
 * Parse one line (without its newline; one "\r" left at its end is not
 * part of it) in place: tabs become NULs and the entry's strings point
 * into it. 0, or -1 for a malformed line.
 */
int	 holdlog_read_parse(char *line, struct holdlog_entry *);
/*
 * Parse "2026-11-21T07:12:03+01:00" (or a Z offset) into e; 0 or -1. The
 * offset's hours go to 23, so it reads every one holdlog_format writes.
 */
int	 holdlog_read_time(const char *text, struct holdlog_entry *);

/*
 * Open the log at path (kept, not copied). The reader sees the log as it
 * was when opened: its size is taken under a shared lock, so it ends after
 * the last whole record then written, and the lock is let go at once so
 * that a slow reader never holds up a session. A FIFO in the log's place
 * is opened without blocking. Returns 1 if it is open, 0 if there is no
 * log (an empty history), or -1 with errno set (a folder, no permission;
 * EWOULDBLOCK when another process held the lock for HOLDLOG_LOCK_WAIT_MS,
 * EINTR when a terminating signal came while waiting).
 * The reader is ready for holdlog_read_close either way.
 */
int	 holdlog_read_open(struct holdlog_reader *, const char *path);
/*
 * The next good record into e, whose strings last until the next call.
 * Returns 1, 0 at the end of the log, or -1 with errno set on a read error,
 * or EINTR when a terminating signal is pending (stop_pending) as it reads
 * more of the log: a caller stops and reports it, as any read error.
 */
int	 holdlog_read_next(struct holdlog_reader *, struct holdlog_entry *);
/*
 * Read and parse the record at byte offset pos again (a pos from an entry),
 * with its text in buf (HOLDLOG_LINE_MAX + 2 bytes). 0, or -1 if the line
 * there is not a record.
 */
int	 holdlog_read_at(struct holdlog_reader *, long long pos, char *buf,
	     struct holdlog_entry *);
/* strerror(err) for the readers' errors, lock waits and signals included. */
const char *holdlog_strerror(int err);
/* Close the log; the counts stay readable for holdlog_read_warn. */
void	 holdlog_read_close(struct holdlog_reader *);
/*
 * One line to f when lines were skipped: "limber: warning: PATH: skipped 3
 * malformed lines (2, 7, 9)", the first HOLDLOG_BAD_LINES numbers then "...".
 */
void	 holdlog_read_warn(const struct holdlog_reader *, FILE *f);

#endif
