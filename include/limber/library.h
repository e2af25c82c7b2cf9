/*
 * The routine library: bundled, the user's and extra folders, in layers.
 *
 * Each library_add_path call is a layer: the bundled folder, then the
 * user's folder, then each --routines DIR. A routine replaces one of the
 * same id from an earlier layer, the way a file under XDG_CONFIG_HOME
 * overrides one under XDG_DATA_DIRS; two files with one id in the same
 * layer are an error that names both.
 */
#ifndef LIMBER_LIBRARY_H
#define LIMBER_LIBRARY_H

#include <stddef.h>

#include "limber/diag.h"
#include "limber/routine.h"

/* What the library knows about a routine besides the routine itself. */
struct library_origin {
	size_t	 layer;		/* the layer it came from */
	char	*shadows;	/* path of the file of its id it replaced, or NULL */
};

struct library {
	struct routine		**v;		/* one routine per id */
	struct library_origin	 *origin;	/* origin[i] belongs to v[i] */
	size_t			  n;
	size_t			  cap;
	size_t			  layer;	/* the layer being loaded */
	size_t			  files;	/* files read */
	size_t			  bad;		/* files refused */
	/*
	 * The first file refused (its path as given) and its first error as
	 * one line, "FILE:LINE:COL: error: MESSAGE", with control characters
	 * made visible so that a screen can print it. Both NULL while bad is
	 * 0; the library owns them.
	 */
	char			 *first_bad;
	char			 *first_error;
};

void	library_init(struct library *);
void	library_done(struct library *);

/*
 * Begin a new layer, then add a routine file or every *.yaml below a
 * folder (sorted by name). Broken files and ids used twice in the layer
 * are reported in diags and skipped. A missing path is an error only when
 * must_exist is set. Returns the number of files refused.
 */
size_t	library_add_path(struct library *, const char *path, int must_exist,
	    struct diag_list *);
/*
 * Add one routine to the current layer. It replaces a routine of the same
 * id from an earlier layer (freeing it and noting its path in shadows);
 * one whose id is taken in this layer is reported in diags and freed.
 * Returns 0 or -1.
 */
int	library_add(struct library *, struct routine *, struct diag_list *);
/* Load the bundled library, then the user's folder, then extra folders. */
void	library_load_default(struct library *, char *const *extra, size_t nextra,
	    struct diag_list *);

void			 library_sort(struct library *);	/* by id */
const struct routine	*library_find(const struct library *, const char *id);
/* Path of the file of the same id that r replaced, or NULL. */
const char		*library_shadows(const struct library *,
			     const struct routine *r);
/* Up to max ids close to id, closest first. Returns how many. */
size_t			 library_suggest(const struct library *, const char *id,
			     const char **out, size_t max);

/*
 * Every *.yaml file below dir, sorted, walked without recursion.
 * Returns a NULL-terminated array; free each and the array.
 */
char	**library_find_files(const char *dir, struct diag_list *);

#endif
