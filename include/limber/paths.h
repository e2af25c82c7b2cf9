/* Where limber's files live: XDG folders and the bundled routines. */
#ifndef LIMBER_PATHS_H
#define LIMBER_PATHS_H

#include <sys/types.h>

/*
 * The errno paths_open and paths_check_link leave when they refuse a
 * symbolic link owned by another user; not a system errno, so show it with
 * paths_strerror.
 */
#define PATHS_EOWNER	0x4c4d4252

/* Each returns a string the caller frees, or NULL if no home can be found. */
char	*paths_config_home(void);	/* $XDG_CONFIG_HOME or ~/.config */
char	*paths_data_home(void);		/* $XDG_DATA_HOME or ~/.local/share */
char	*paths_user_routines(void);	/* CONFIG/limber/routines */
char	*paths_bundled_routines(void);	/* source tree or share/limber/routines */
char	*paths_join(const char *dir, const char *name);

/* 0, or -1 with errno PATHS_EOWNER if path is someone else's symlink. */
int	 paths_check_link(const char *path);
/*
 * open(2) a file of the user's (the log, the settings) with O_CLOEXEC and
 * O_NOCTTY added, refusing a symbolic link owned by another user, before
 * and after opening. The descriptor, or -1 with errno set.
 */
int	 paths_open(const char *path, int flags, mode_t mode);
/* strerror(err), which also names PATHS_EOWNER. */
const char *paths_strerror(int err);

#endif
