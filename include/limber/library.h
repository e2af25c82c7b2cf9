/* The routine library: bundled, the user's and extra folders, merged by id. */
#ifndef LIMBER_LIBRARY_H
#define LIMBER_LIBRARY_H

#include <stddef.h>

#include "limber/diag.h"
#include "limber/routine.h"

struct library {
	struct routine	**v;
	size_t		  n;
	size_t		  cap;
	size_t		  files;	/* files read */
	size_t		  bad;		/* files refused */
	char		 *first_bad;	/* (being added by the library work) */
	char		 *first_error;
};

void	library_init(struct library *);
void	library_done(struct library *);

/*
 * Add a routine file or every *.yaml below a folder (sorted by name).
 * Broken files and duplicate ids are reported in diags and skipped.
 * A missing path is an error only when must_exist is set.
 * Returns the number of files refused.
 */
size_t	library_add_path(struct library *, const char *path, int must_exist,
	    struct diag_list *);
/* Add one routine; refuses (and frees) one whose id is taken. 0 or -1. */
int	library_add(struct library *, struct routine *, struct diag_list *);
/* Load the bundled library, then the user's folder, then extra folders. */
void	library_load_default(struct library *, char *const *extra, size_t nextra,
	    struct diag_list *);

void			 library_sort(struct library *);	/* by id */
const struct routine	*library_find(const struct library *, const char *id);
/* Up to max ids close to id, closest first. Returns how many. */
size_t			 library_suggest(const struct library *, const char *id,
			     const char **out, size_t max);

/*
 * Every *.yaml file below dir, sorted, walked without recursion.
 * Returns a NULL-terminated array; free each and the array.
 */
char	**library_find_files(const char *dir, struct diag_list *);

#endif
