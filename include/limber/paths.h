/* Where limber's files live: XDG folders and the bundled routines. */
#ifndef LIMBER_PATHS_H
#define LIMBER_PATHS_H

/* Each returns a string the caller frees, or NULL if no home can be found. */
char	*paths_config_home(void);	/* $XDG_CONFIG_HOME or ~/.config */
char	*paths_data_home(void);		/* $XDG_DATA_HOME or ~/.local/share */
char	*paths_user_routines(void);	/* CONFIG/limber/routines */
char	*paths_bundled_routines(void);	/* source tree or share/limber/routines */
char	*paths_join(const char *dir, const char *name);

#endif
