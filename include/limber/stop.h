/*
 * A terminating signal caught by the UI, seen by the core: lock waits and
 * long read loops give up when one is pending, so Ctrl-C, SIGTERM and
 * SIGHUP are acted on wherever limber is waiting.
 */
#ifndef LIMBER_STOP_H
#define LIMBER_STOP_H

#include <signal.h>

/* The signal caught, or 0; set only by stop_note. */
extern volatile sig_atomic_t stop_signal;

/* Record sig; safe in a signal handler. */
void	 stop_note(int sig);
/* The pending signal, or 0. */
int	 stop_pending(void);
/*
 * Catch SIGINT, SIGTERM and SIGHUP with stop_note, without SA_RESTART so
 * that a blocking call returns EINTR and its loop looks at stop_pending.
 */
void	 stop_catch(void);

#endif
