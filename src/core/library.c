/* The routine library: files found, loaded and layered by id. */
#include "limber/library.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
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

/* Free every routine and what the library noted about them. */
void
library_done(struct library *lib)
{
	size_t	i;

	for (i = 0; i < lib->n; i++) {
		routine_free(lib->v[i]);
		free(lib->origin[i].shadows);
	}
	free(lib->v);
	free(lib->origin);
	free(lib->first_bad);
	free(lib->first_error);
	library_init(lib);
}

/* The index of the routine with this id, or lib->n. */
static size_t
library_index(const struct library *lib, const char *id)
{
	size_t	i;

	for (i = 0; i < lib->n; i++) {
		if (strcmp(lib->v[i]->id, id) == 0)
			break;
	}
	return i;
}

/* The routine with this id, or NULL. */
const struct routine *
library_find(const struct library *lib, const char *id)
{
	size_t	i = library_index(lib, id);

	return i < lib->n ? lib->v[i] : NULL;
}

/* The path of the file r replaced, or NULL. */
const char *
library_shadows(const struct library *lib, const struct routine *r)
{
	size_t	i;

	for (i = 0; i < lib->n; i++) {
		if (lib->v[i] == r)
			return lib->origin[i].shadows;
	}
	return NULL;
}

/* Append a routine of an id not yet in the library. */
static void
library_append(struct library *lib, struct routine *r)
{
	if (lib->n == lib->cap) {
		lib->cap = lib->cap ? lib->cap * 2 : 32;
		lib->v = xreallocarray(lib->v, lib->cap, sizeof *lib->v);
		lib->origin = xreallocarray(lib->origin, lib->cap,
		    sizeof *lib->origin);
	}
	lib->origin[lib->n].layer = lib->layer;
	lib->origin[lib->n].shadows = NULL;
	lib->v[lib->n++] = r;
}

/* Put r in slot i in place of a routine from an earlier layer. */
static void
library_replace(struct library *lib, size_t i, struct routine *r)
{
	free(lib->origin[i].shadows);
	lib->origin[i].shadows = xstrdup(lib->v[i]->path);
	lib->origin[i].layer = lib->layer;
	routine_free(lib->v[i]);
	lib->v[i] = r;
}

/* Add a routine: new, replacing an earlier layer's, or refused. */
int
library_add(struct library *lib, struct routine *r, struct diag_list *diags)
{
	const struct routine	*old;
	size_t			 i = library_index(lib, r->id);

	if (i == lib->n) {
		library_append(lib, r);
		return 0;
	}
	if (lib->origin[i].layer != lib->layer) {
		library_replace(lib, i, r);
		return 0;
	}
	old = lib->v[i];
	diag_add(diags, DIAG_ERROR, r->path, r->line, r->col,
	    "duplicate id '%s': already used by %s:%d:%d", r->id, old->path,
	    old->line, old->col);
	routine_free(r);
	return -1;
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

/* A folder read while walking, by device and inode, so each is read once. */
struct library_seen {
	dev_t	 dev;
	ino_t	 ino;
	char	*path;
};

/* A walk of the folders below one path. */
struct library_walk {
	struct strvec		 files;		/* routine files found */
	struct strvec		 todo;		/* folders to read, in order */
	size_t			 next;		/* the next of todo to read */
	struct library_seen	*seen;
	size_t			 nseen;
	struct diag_list	*diags;
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

/*
 * Whether the folder open as fd was read already in this walk, through
 * another path or a link back up (said in a note); else it is noted down.
 */
static int
library_seen_before(struct library_walk *w, int fd, const char *dir)
{
	struct stat	st;
	size_t		i;

	if (fstat(fd, &st) == -1)
		return 0;
	for (i = 0; i < w->nseen; i++) {
		if (w->seen[i].dev == st.st_dev && w->seen[i].ino == st.st_ino) {
			diag_add(w->diags, DIAG_NOTE, dir, 0, 0, "skipped: the "
			    "same folder as %s, read already", w->seen[i].path);
			return 1;
		}
	}
	w->seen = xreallocarray(w->seen, w->nseen + 1, sizeof *w->seen);
	w->seen[w->nseen].dev = st.st_dev;
	w->seen[w->nseen].ino = st.st_ino;
	w->seen[w->nseen++].path = xstrdup(dir);
	return 0;
}

/*
 * What an entry is, links followed by the rule of paths_stat: 0 with *st,
 * or -1 when it is skipped, which is said. A broken link named like a
 * routine is kept (loading it says why).
 */
static int
library_entry_stat(struct library_walk *w, int dfd, const char *name,
    const char *path, struct stat *st)
{
	struct stat	link;

	if (fstatat(dfd, name, &link, AT_SYMLINK_NOFOLLOW) == -1) {
		diag_add(w->diags, DIAG_WARNING, path, 0, 0, "skipped: %s",
		    strerror(errno));
		return -1;
	}
	*st = link;
	if (!S_ISLNK(link.st_mode) || paths_stat(path, st) == 0)
		return 0;
	if (errno == ENOENT && library_is_routine(name))
		return 0;
	if (errno == PATHS_EOWNER)
		diag_add(w->diags, DIAG_WARNING, path, 0, 0, "skipped: a "
		    "symbolic link owned by another user (uid %lu); only links "
		    "of yours or root's are followed",
		    (unsigned long)link.st_uid);
	else
		diag_add(w->diags, DIAG_WARNING, path, 0, 0, "skipped: %s",
		    errno == ENOENT ? "a broken symbolic link (what it points "
		    "to does not exist)" : paths_strerror(errno));
	return -1;
}

/* Sort one entry of a folder: a folder to todo, a routine file to files. */
static void
library_scan_entry(struct library_walk *w, int dfd, const char *dir,
    const char *name)
{
	struct stat	 st;
	char		*path = paths_join(dir, name);

	if (library_entry_stat(w, dfd, name, path, &st) == -1)
		free(path);
	else if (S_ISDIR(st.st_mode))
		strvec_push(&w->todo, path);
	else if (library_is_routine(name))
		strvec_push(&w->files, path);
	else
		free(path);
}

/* The names in a folder that are not hidden, sorted. */
static char **
library_names(DIR *d)
{
	struct strvec	 names = { NULL, 0, 0 };
	struct dirent	*de;

	strvec_push(&names, NULL);
	names.n = 0;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] != '.')
			strvec_push(&names, xstrdup(de->d_name));
	}
	qsort(names.v, names.n, sizeof *names.v, library_cmp_str);
	return names.v;
}

/* Read one folder: routine files to files, sub-folders to todo. */
static void
library_scan_dir(struct library_walk *w, const char *dir)
{
	DIR	 *d = NULL;
	char	**names;
	size_t	  i;
	int	  fd;

	fd = paths_open(dir, O_RDONLY | O_DIRECTORY, 0);
	if (fd == -1 || (d = fdopendir(fd)) == NULL) {
		diag_add(w->diags, DIAG_ERROR, dir, 0, 0, "cannot open folder: "
		    "%s", paths_strerror(errno));
		if (fd != -1)
			close(fd);
		return;
	}
	if (!library_seen_before(w, fd, dir)) {
		names = library_names(d);
		for (i = 0; names[i] != NULL; i++) {
			library_scan_entry(w, fd, dir, names[i]);
			free(names[i]);
		}
		free(names);
	}
	closedir(d);
}

/*
 * Every routine file below dir, sorted. Folders are walked with a work
 * list, links to folders included; a folder met twice is read once.
 */
char **
library_find_files(const char *dir, struct diag_list *diags)
{
	struct library_walk	w;
	size_t			i;

	memset(&w, 0, sizeof w);
	w.diags = diags;
	strvec_push(&w.files, NULL);
	w.files.n = 0;
	strvec_push(&w.todo, xstrdup(dir));
	for (w.next = 0; w.next < w.todo.n; w.next++) {
		library_scan_dir(&w, w.todo.v[w.next]);
		free(w.todo.v[w.next]);
	}
	free(w.todo.v);
	for (i = 0; i < w.nseen; i++)
		free(w.seen[i].path);
	free(w.seen);
	qsort(w.files.v, w.files.n, sizeof *w.files.v, library_cmp_str);
	return w.files.v;
}

/*
 * Count a refused file; the first one and its first error (the first
 * error diags gained since mark) are kept for the start screen.
 */
static void
library_refuse(struct library *lib, const char *path,
    const struct diag_list *diags, size_t mark)
{
	struct strbuf	sb;

	if (lib->bad++ > 0)
		return;
	lib->first_bad = xstrdup(path);
	for (; mark < diags->n; mark++) {
		if (diags->v[mark].level == DIAG_ERROR) {
			lib->first_error = diag_format(&diags->v[mark]);
			return;
		}
	}
	sb_init(&sb);
	sb_add_sanitized(&sb, path, 0);
	sb_adds(&sb, ": error: not loaded");
	lib->first_error = sb_take(&sb);
}

/*
 * Load one file into the library; 1 if it was refused. A file that does
 * not load never reaches library_add: whatever id it meant to have is
 * not trusted, so a routine of that id from an earlier layer stays.
 */
static size_t
library_add_file(struct library *lib, const char *path,
    struct diag_list *diags)
{
	struct routine	*r;
	size_t		 mark = diags->n;

	lib->files++;
	if ((r = routine_load(path, diags)) != NULL &&
	    library_add(lib, r, diags) == 0)
		return 0;
	library_refuse(lib, path, diags, mark);
	return 1;
}

/* Begin a layer: add a file, or every routine file below a folder. */
size_t
library_add_path(struct library *lib, const char *path, int must_exist,
    struct diag_list *diags)
{
	struct stat	  st;
	char		**files;
	size_t		  i, bad = 0, mark = diags->n;

	lib->layer++;
	if (path[0] == '\0') {
		diag_add(diags, DIAG_ERROR, "limber", 0, 0, "a routine path is "
		    "empty; name a routine file or folder");
		library_refuse(lib, path, diags, mark);
		return 1;
	}
	if (paths_stat(path, &st) == -1) {
		if (must_exist || errno != ENOENT) {
			diag_add(diags, DIAG_ERROR, path, 0, 0, "%s",
			    paths_strerror(errno));
			library_refuse(lib, path, diags, mark);
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

/*
 * The bundled library, the user's folder, then the extra folders: one
 * layer each, so that a later one's routine replaces an earlier one's.
 */
void
library_load_default(struct library *lib, char *const *extra, size_t nextra,
    struct diag_list *diags)
{
	struct stat	 st;
	char		*dir;
	size_t		 i;

	if ((dir = paths_bundled_routines()) != NULL) {
		if (paths_stat(dir, &st) == 0)
			library_add_path(lib, dir, 1, diags);
		else
			diag_add(diags, DIAG_WARNING, dir, 0, 0, "the bundled "
			    "routines are missing (%s); is limber installed?",
			    paths_strerror(errno));
		free(dir);
	}
	if ((dir = paths_user_routines()) != NULL) {
		library_add_path(lib, dir, 0, diags);
		free(dir);
	}
	for (i = 0; i < nextra; i++)
		library_add_path(lib, extra[i], 1, diags);
}

/* A routine and its origin, moved together while sorting. */
struct library_pair {
	struct routine		*r;
	struct library_origin	 o;
};

/* Compare pairs by their routine's id, for qsort. */
static int
library_cmp_pair(const void *a, const void *b)
{
	const struct library_pair	*pa = a, *pb = b;

	return strcmp(pa->r->id, pb->r->id);
}

/* Order the library by id, each origin staying with its routine. */
void
library_sort(struct library *lib)
{
	struct library_pair	*p = xcalloc(lib->n + 1, sizeof *p);
	size_t			 i;

	for (i = 0; i < lib->n; i++) {
		p[i].r = lib->v[i];
		p[i].o = lib->origin[i];
	}
	qsort(p, lib->n, sizeof *p, library_cmp_pair);
	for (i = 0; i < lib->n; i++) {
		lib->v[i] = p[i].r;
		lib->origin[i] = p[i].o;
	}
	free(p);
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
