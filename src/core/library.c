/* The routine library: files found, loaded and merged by id. */
#include "limber/library.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "limber/paths.h"
#include "limber/text.h"

/* Start an empty library. */
void
library_init(struct library *lib)
{
	memset(lib, 0, sizeof *lib);
}

/* Free every routine. */
void
library_done(struct library *lib)
{
	size_t	i;

	for (i = 0; i < lib->n; i++)
		routine_free(lib->v[i]);
	free(lib->v);
	library_init(lib);
}

/* The routine with this id, or NULL. */
const struct routine *
library_find(const struct library *lib, const char *id)
{
	size_t	i;

	for (i = 0; i < lib->n; i++) {
		if (strcmp(lib->v[i]->id, id) == 0)
			return lib->v[i];
	}
	return NULL;
}

/* Add a routine unless its id is taken. */
int
library_add(struct library *lib, struct routine *r, struct diag_list *diags)
{
	const struct routine	*old;

	if ((old = library_find(lib, r->id)) != NULL) {
		diag_add(diags, DIAG_ERROR, r->path, r->line, r->col,
		    "duplicate id '%s': already used by %s:%d:%d", r->id,
		    old->path, old->line, old->col);
		routine_free(r);
		return -1;
	}
	if (lib->n == lib->cap) {
		lib->cap = lib->cap ? lib->cap * 2 : 32;
		lib->v = xreallocarray(lib->v, lib->cap, sizeof *lib->v);
	}
	lib->v[lib->n++] = r;
	return 0;
}

/* Whether a name is a routine file: *.yaml and not hidden. */
static int
library_is_routine(const char *name)
{
	size_t	len = strlen(name);

	return name[0] != '.' && len > 5 &&
	    strcmp(name + len - 5, ".yaml") == 0;
}

struct strvec {
	char	**v;
	size_t	  n;
	size_t	  cap;
};

/* Append a string the vector now owns, keeping a NULL at the end. */
static void
strvec_push(struct strvec *sv, char *s)
{
	if (sv->n + 2 > sv->cap) {
		sv->cap = sv->cap ? sv->cap * 2 : 16;
		sv->v = xreallocarray(sv->v, sv->cap, sizeof *sv->v);
	}
	sv->v[sv->n++] = s;
	sv->v[sv->n] = NULL;
}

/* Compare two strings through pointers, for qsort. */
static int
library_cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read one folder: routine files to files, sub-folders to todo. */
static void
library_scan_dir(const char *dir, struct strvec *files, struct strvec *todo,
    struct diag_list *diags)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 st;
	char		*path;

	if ((d = opendir(dir)) == NULL) {
		diag_add(diags, DIAG_ERROR, dir, 0, 0, "cannot open folder: %s",
		    strerror(errno));
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		path = paths_join(dir, de->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			strvec_push(todo, path);
		else if (library_is_routine(de->d_name))
			strvec_push(files, path);
		else
			free(path);
	}
	closedir(d);
}

/* Every routine file below dir, sorted; folders walked with a work list. */
char **
library_find_files(const char *dir, struct diag_list *diags)
{
	struct strvec	files = { NULL, 0, 0 }, todo = { NULL, 0, 0 };
	char		*next;

	strvec_push(&files, NULL);
	files.n = 0;
	strvec_push(&todo, xstrdup(dir));
	while (todo.n > 0) {
		next = todo.v[--todo.n];
		todo.v[todo.n] = NULL;
		library_scan_dir(next, &files, &todo, diags);
		free(next);
	}
	free(todo.v);
	qsort(files.v, files.n, sizeof *files.v, library_cmp_str);
	return files.v;
}

/* Load one file into the library; 1 if it was refused. */
static size_t
library_add_file(struct library *lib, const char *path,
    struct diag_list *diags)
{
	struct routine	*r;

	lib->files++;
	if ((r = routine_load(path, diags)) == NULL ||
	    library_add(lib, r, diags) != 0) {
		lib->bad++;
		return 1;
	}
	return 0;
}

/* Add a file, or every routine file below a folder. */
size_t
library_add_path(struct library *lib, const char *path, int must_exist,
    struct diag_list *diags)
{
	struct stat	  st;
	char		**files;
	size_t		  i, bad = 0;

	if (stat(path, &st) == -1) {
		if (must_exist || errno != ENOENT) {
			diag_add(diags, DIAG_ERROR, path, 0, 0, "%s",
			    strerror(errno));
			lib->bad++;
			return 1;
		}
		return 0;
	}
	if (!S_ISDIR(st.st_mode))
		return library_add_file(lib, path, diags);
	files = library_find_files(path, diags);
	for (i = 0; files[i] != NULL; i++) {
		bad += library_add_file(lib, files[i], diags);
		free(files[i]);
	}
	free(files);
	return bad;
}

/* The bundled library, the user's folder, then the extra folders. */
void
library_load_default(struct library *lib, char *const *extra, size_t nextra,
    struct diag_list *diags)
{
	char	*dir;
	size_t	 i;

	if ((dir = paths_bundled_routines()) != NULL) {
		if (access(dir, F_OK) == 0)
			library_add_path(lib, dir, 1, diags);
		else
			diag_add(diags, DIAG_WARNING, dir, 0, 0, "the bundled "
			    "routines are missing (%s); is limber installed?",
			    strerror(errno));
		free(dir);
	}
	if ((dir = paths_user_routines()) != NULL) {
		library_add_path(lib, dir, 0, diags);
		free(dir);
	}
	for (i = 0; i < nextra; i++)
		library_add_path(lib, extra[i], 1, diags);
}

/* Compare routines by id, for qsort. */
static int
library_cmp_id(const void *a, const void *b)
{
	const struct routine	*ra = *(struct routine *const *)a;
	const struct routine	*rb = *(struct routine *const *)b;

	return strcmp(ra->id, rb->id);
}

/* Order the library by id. */
void
library_sort(struct library *lib)
{
	qsort(lib->v, lib->n, sizeof *lib->v, library_cmp_id);
}

struct suggestion {
	const char	*id;
	size_t		 score;
};

/* Order suggestions by score, then id, for qsort. */
static int
library_cmp_suggestion(const void *a, const void *b)
{
	const struct suggestion	*sa = a, *sb = b;

	if (sa->score != sb->score)
		return sa->score < sb->score ? -1 : 1;
	return strcmp(sa->id, sb->id);
}

/* Length of the common prefix of two strings. */
static size_t
library_prefix(const char *a, const char *b)
{
	size_t	n = 0;

	while (a[n] != '\0' && a[n] == b[n])
		n++;
	return n;
}

/*
 * Up to max ids that look like a mistyped id: close by edit distance, or
 * containing it, or sharing its first three letters; closest first.
 */
size_t
library_suggest(const struct library *lib, const char *id, const char **out,
    size_t max)
{
	struct suggestion	*s = xcalloc(lib->n + 1, sizeof *s);
	size_t			 i, n = 0, len = strlen(id), d;

	for (i = 0; i < lib->n; i++) {
		d = text_distance(id, lib->v[i]->id);
		if (len >= 3 && (strstr(lib->v[i]->id, id) != NULL ||
		    library_prefix(id, lib->v[i]->id) >= 3))
			d = d < 3 ? d : 3;
		if (d > 2 + len / 4)
			continue;
		s[n].id = lib->v[i]->id;
		s[n++].score = d;
	}
	qsort(s, n, sizeof *s, library_cmp_suggestion);
	for (i = 0; i < n && i < max; i++)
		out[i] = s[i].id;
	free(s);
	return i;
}
