/*
 * Helpers the Check suites share: times, time zones and temporary files.
 * Static inline so that a suite using only some of them gets no warnings.
 */
#ifndef LIMBER_CHECK_UTIL_H
#define LIMBER_CHECK_UTIL_H

#include <sys/stat.h>

#include <check.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "limber/xmalloc.h"

/* Seconds since the epoch for a UTC date and time. */
static inline time_t
utc(int year, int mon, int day, int hour, int min, int sec)
{
	struct tm	tm;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = year - 1900;
	tm.tm_mon = mon - 1;
	tm.tm_mday = day;
	tm.tm_hour = hour;
	tm.tm_min = min;
	tm.tm_sec = sec;
	return timegm(&tm);
}

/* Switch the local time zone. */
static inline void
set_tz(const char *tz)
{
	ck_assert_int_eq(setenv("TZ", tz, 1), 0);
	tzset();
}

/* A fresh folder under /tmp for one test; the caller frees the name. */
static inline char *
tmp_dir(void)
{
	char	*dir = xstrdup("/tmp/limber-check.XXXXXX");

	ck_assert_ptr_nonnull(mkdtemp(dir));
	return dir;
}

/* Remove path and everything under it, making folders writable first. */
static inline void
rm_rf(const char *path)
{
	struct stat	 st;
	struct dirent	*de;
	DIR		*d;
	char		*sub;

	if (lstat(path, &st) != 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	chmod(path, 0700);
	if ((d = opendir(path)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0)
				continue;
			sub = xasprintf("%s/%s", path, de->d_name);
			rm_rf(sub);
			free(sub);
		}
		closedir(d);
	}
	rmdir(path);
}

/* Write len bytes as the whole of a file, mode 0600. */
static inline void
spew_len(const char *path, const char *s, size_t len)
{
	size_t	off = 0;
	ssize_t	n;
	int	fd;

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ck_assert_int_ne(fd, -1);
	while (off < len) {
		n = write(fd, s + off, len - off);
		ck_assert_int_gt(n, 0);
		off += (size_t)n;
	}
	close(fd);
}

/* Write a string as the whole of a file. */
static inline void
spew(const char *path, const char *s)
{
	spew_len(path, s, strlen(s));
}

#endif
