/*
 * limber-peakrss CMD [ARG...]: run CMD with its output kept as it is and
 * print the largest resident set it reached, in KiB, on standard error's
 * last line as "peak KIB". Exits with CMD's status. For tests that hold a
 * command to a memory bound without /usr/bin/time.
 */
#include <sys/resource.h>
#include <sys/wait.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Run argv[1..] and report its peak resident set. */
int
main(int argc, char **argv)
{
	struct rusage	ru;
	pid_t		pid;
	int		status;

	if (argc < 2) {
		fprintf(stderr, "usage: limber-peakrss CMD [ARG...]\n");
		return 2;
	}
	if ((pid = fork()) == -1) {
		perror("limber-peakrss: fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[1], argv + 1);
		perror("limber-peakrss: exec");
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) == -1) {
		perror("limber-peakrss: wait");
		return 2;
	}
	fprintf(stderr, "peak %ld\n", ru.ru_maxrss);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
