/* The stop flag: a terminating signal, seen by whoever is waiting. */
#include "limber/stop.h"

#include <string.h>

volatile sig_atomic_t	 stop_signal;

/* Record sig; nothing else is safe in a handler. */
void
stop_note(int sig)
{
	stop_signal = sig;
}

/* The pending signal, or 0. */
int
stop_pending(void)
{
	return stop_signal;
}

/* Catch the terminating signals into the flag. */
void
stop_catch(void)
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = stop_note;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}
