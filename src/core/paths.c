/* Where limber's files live. */
#include "limber/paths.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "limber/xmalloc.h"

/* dir/name with exactly one slash between. */
char *
paths_join(const char *dir, const char *name)
{
	size_t	len = strlen(dir);

	while (len > 0 && dir[len - 1] == '/')
		len--;
	return xasprintf("%.*s/%s", (int)len, dir, name);
}

/* The home folder: $HOME if absolute, else the password database. */
static const char *
paths_home(void)
{
	const char	*home = getenv("HOME");
	struct passwd	*pw;

	if (home != NULL && home[0] == '/')
		return home;
	if ((pw = getpwuid(getuid())) != NULL && pw->pw_dir != NULL &&
	    pw->pw_dir[0] == '/')
		return pw->pw_dir;
	return NULL;
}

/* An XDG base folder: the variable if absolute, else HOME/fallback. */
static char *
paths_xdg(const char *var, const char *fallback)
{
	const char	*v = getenv(var), *home;

	if (v != NULL && v[0] == '/')
		return xstrdup(v);
	if ((home = paths_home()) == NULL)
		return NULL;
	return paths_join(home, fallback);
}

/* $XDG_CONFIG_HOME or ~/.config. */
char *
paths_config_home(void)
{
	return paths_xdg("XDG_CONFIG_HOME", ".config");
}

/* $XDG_DATA_HOME or ~/.local/share. */
char *
paths_data_home(void)
{
	return paths_xdg("XDG_DATA_HOME", ".local/share");
}

/* The user's own routines folder. */
char *
paths_user_routines(void)
{
	char	*config = paths_config_home(), *dir;

	if (config == NULL)
		return NULL;
	dir = paths_join(config, "limber/routines");
	free(config);
	return dir;
}

/* The folder the running program lives in, or NULL. */
static char *
paths_exe_dir(void)
{
	char	buf[PATH_MAX], *slash;
	ssize_t	n;

	n = readlink("/proc/self/exe", buf, sizeof buf);
	if (n <= 0 || (size_t)n >= sizeof buf)
		return NULL;	/* none, or cut short */
	buf[n] = '\0';
	if ((slash = strrchr(buf, '/')) == NULL)
		return NULL;
	*slash = '\0';
	return xstrdup(buf[0] != '\0' ? buf : "/");
}

/*
 * The bundled routines: the source tree's when the program runs from the
 * build tree, else share/limber/routines beside the installed program,
 * else the folder it was configured to install to.
 */
char *
paths_bundled_routines(void)
{
	struct stat	 st;
	char		*exe = paths_exe_dir(), *dir;
	size_t		 len = strlen(LIMBER_BUILD_DIR);

	if (exe != NULL && strncmp(exe, LIMBER_BUILD_DIR, len) == 0 &&
	    (exe[len] == '\0' || exe[len] == '/')) {
		free(exe);
		return xstrdup(LIMBER_SOURCE_ROUTINES);
	}
	if (exe != NULL) {
		dir = paths_join(exe, "../share/limber/routines");
		free(exe);
		if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
			return dir;
		free(dir);
	}
	return xstrdup(LIMBER_INSTALL_ROUTINES);
}

/* Whether path is a symbolic link someone other than the user owns. */
int
paths_check_link(const char *path)
{
	struct stat	st;

	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) &&
	    st.st_uid != geteuid()) {
		errno = PATHS_EOWNER;
		return -1;
	}
	return 0;
}

/*
 * Open a file of the user's. A link another user owns could point the log
 * at their choice of file, so it is refused; checking again after the open
 * closes the gap in which the link could have been swapped in.
 */
int
paths_open(const char *path, int flags, mode_t mode)
{
	int	fd;

	if (paths_check_link(path) != 0)
		return -1;
	do
		fd = open(path, flags | O_CLOEXEC | O_NOCTTY, mode);
	while (fd == -1 && errno == EINTR);
	if (fd != -1 && paths_check_link(path) != 0) {
		close(fd);
		errno = PATHS_EOWNER;
		return -1;
	}
	return fd;
}

/* A system error's text, or what PATHS_EOWNER means. */
const char *
paths_strerror(int err)
{
	if (err == PATHS_EOWNER)
		return "it is a symbolic link owned by another user; refused";
	return strerror(err);
}
