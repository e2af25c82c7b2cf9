/* Where limber's files live: XDG folders and the bundled routines. */
#ifndef LIMBER_PATHS_H
#define LIMBER_PATHS_H

#include <sys/types.h>
#include <sys/stat.h>

/*
 * The errno values of the paths layer, beyond the system's; show them with
 * paths_strerror. PATHS_EOWNER: the path is a symbolic link another user
 * owns. PATHS_ELINK: a link on the way to it is (the message names it).
 * PATHS_EEMPTY: the path is "". The others: not a regular file, by type.
 */
#define PATHS_EOWNER	0x4c4d4252
#define PATHS_ELINK	(PATHS_EOWNER + 1)
#define PATHS_EEMPTY	(PATHS_EOWNER + 2)
#define PATHS_ENOTREG	(PATHS_EOWNER + 3)
#define PATHS_EFIFO	(PATHS_EOWNER + 4)
#define PATHS_ECHR	(PATHS_EOWNER + 5)
#define PATHS_EBLK	(PATHS_EOWNER + 6)
#define PATHS_ESOCK	(PATHS_EOWNER + 7)

/* Each returns a string the caller frees, or NULL if no home can be found. */
char	*paths_config_home(void);	/* $XDG_CONFIG_HOME or ~/.config */
char	*paths_data_home(void);		/* $XDG_DATA_HOME or ~/.local/share */
char	*paths_user_routines(void);	/* CONFIG/limber/routines */
char	*paths_bundled_routines(void);	/* source tree or share/limber/routines */
char	*paths_join(const char *dir, const char *name);

/*
 * The rule for every file and folder limber reads or writes. Each path is
 * walked one component at a time; a symbolic link anywhere on it, the last
 * component included, is followed only if the user or root owns it (and
 * its target is walked the same way); another user's is refused with
 * PATHS_EOWNER or PATHS_ELINK.
 */
/* Whether a link with this lstat(2) may be followed. */
int	 paths_link_trusted(const struct stat *);
/*
 * open(2) a regular file, or a folder when flags has O_DIRECTORY, with
 * O_CLOEXEC and O_NOCTTY added. Anything else (a FIFO, a device, a socket,
 * a folder where a file is wanted) is refused before it is opened, and
 * again after, so nothing blocks or spins on it: EISDIR, ENOTDIR or one of
 * PATHS_E*. The descriptor, or -1 with errno set.
 */
int	 paths_open(const char *path, int flags, mode_t mode);
/* stat(2) of what path leads to; 0, or -1 with errno set. */
int	 paths_stat(const char *path, struct stat *);
/* Make a folder and its missing parents with mode; 0, or -1 with errno. */
int	 paths_mkdirs(const char *path, mode_t mode);
/* strerror(err), which also names the PATHS_E* errors. */
const char *paths_strerror(int err);

#endif
