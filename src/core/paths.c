/* Where limber's files live, and the rule for following links to them. */
#define _GNU_SOURCE	/* O_PATH */
#include "limber/paths.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "limber/text.h"
#include "limber/xmalloc.h"

#define nitems(a)	(sizeof (a) / sizeof (a)[0])

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
		if (paths_stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
			return dir;
		free(dir);
	}
	return xstrdup(LIMBER_INSTALL_ROUTINES);
}

/*
 * The rule for every file and folder limber reads or writes: a path is
 * walked one component at a time from / or the working folder, and the
 * system is never let to follow a link by itself. A symbolic link met on
 * the way, the last component included, is followed only when the user or
 * root owns it, and its target is walked the same way.
 */

#define PATHS_LINKS_MAX	40	/* links followed in one walk, as Linux allows */

struct paths_walk {
	int		 dir;		/* the folder reached, an O_PATH fd */
	char		*todo;		/* the path left to walk; owned */
	char		*next;		/* the next component, in todo */
	const char	*name;		/* the component taken */
	int		 links;		/* links followed so far */
	int		 mkdirs;	/* make missing folders */
	mode_t		 mode;		/* the mode of folders made */
	struct strbuf	 where;		/* the path walked, for messages */
};

/* Why the last link on the way was refused, for paths_strerror. */
static char	*paths_why;

/* The errors of the paths layer and their text. */
static const struct {
	int		 err;
	const char	*text;
} paths_errors[] = {
	{ PATHS_EOWNER,	"it is a symbolic link owned by another user; refused" },
	{ PATHS_EEMPTY,	"the path is empty" },
	{ PATHS_ENOTREG, "not a regular file; refused" },
	{ PATHS_EFIFO,	"not a regular file (a FIFO); refused" },
	{ PATHS_ECHR,	"not a regular file (a character device); refused" },
	{ PATHS_EBLK,	"not a regular file (a block device); refused" },
	{ PATHS_ESOCK,	"not a regular file (a socket); refused" },
};

/* The error for a file of each type that is not what was asked for. */
static const struct {
	mode_t	type;
	int	err;
} paths_kinds[] = {
	{ S_IFDIR,	EISDIR },
	{ S_IFIFO,	PATHS_EFIFO },
	{ S_IFCHR,	PATHS_ECHR },
	{ S_IFBLK,	PATHS_EBLK },
	{ S_IFSOCK,	PATHS_ESOCK },
};

/* Close fd, keeping errno. */
static void
paths_close(int fd)
{
	int	saved = errno;

	if (fd != -1)
		close(fd);
	errno = saved;
}

/* Whether a symbolic link may be followed: the user's own or root's. */
int
paths_link_trusted(const struct stat *st)
{
	return st->st_uid == geteuid() || st->st_uid == 0;
}

/* Go back to / or the working folder, where a path or a target starts. */
static int
walk_root(struct paths_walk *w, int absolute)
{
	int	fd;

	fd = open(absolute ? "/" : ".", O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (fd == -1)
		return -1;
	paths_close(w->dir);
	w->dir = fd;
	if (absolute) {
		w->where.len = 0;
		sb_addc(&w->where, '/');
	}
	return 0;
}

/* Start a walk of path; -1 with errno PATHS_EEMPTY for an empty one. */
static int
walk_start(struct paths_walk *w, const char *path)
{
	memset(w, 0, sizeof *w);
	w->dir = -1;
	sb_init(&w->where);
	sb_adds(&w->where, "");
	if (path[0] == '\0') {
		errno = PATHS_EEMPTY;
		return -1;
	}
	w->todo = xstrdup(path);
	w->next = w->todo;
	return walk_root(w, path[0] == '/');
}

/* Free what a walk holds, keeping errno. */
static void
walk_end(struct paths_walk *w)
{
	int	saved = errno;

	paths_close(w->dir);
	free(w->todo);
	sb_done(&w->where);
	errno = saved;
}

/* Take the next component into w->name; 1 when it is the last one. */
static int
walk_take(struct paths_walk *w)
{
	char	*p = w->next;

	while (*p == '/')
		p++;
	w->name = p;
	while (*p != '\0' && *p != '/')
		p++;
	if (*p == '/')
		*p++ = '\0';
	while (*p == '/')
		p++;
	w->next = p;
	if (*w->name == '\0')
		w->name = ".";	/* the path was / */
	return *p == '\0';
}

/* Add the component taken to the path walked. */
static void
walk_where_add(struct paths_walk *w)
{
	if (w->where.len > 0 && w->where.s[w->where.len - 1] != '/')
		sb_addc(&w->where, '/');
	sb_adds(&w->where, w->name);
}

/* Put a link's target in front of what is left to walk. */
static int
walk_splice(struct paths_walk *w, const char *target)
{
	char	*todo = xasprintf("%s/%s", target, w->next);

	free(w->todo);
	w->todo = w->next = todo;
	return target[0] == '/' ? walk_root(w, 1) : 0;
}

/*
 * Refuse a link another user owns. The path itself is PATHS_EOWNER; a
 * link further up, or one a link led to, is PATHS_ELINK, with its path
 * kept for the message.
 */
static int
walk_refuse(struct paths_walk *w, const struct stat *st)
{
	char	*shown;

	if (w->links == 0 && *w->next == '\0') {
		errno = PATHS_EOWNER;
		return -1;
	}
	walk_where_add(w);
	shown = text_sanitize(w->where.s, 0);
	free(paths_why);
	paths_why = xasprintf("it leads through %s, a symbolic link owned by "
	    "another user (uid %lu); refused", shown,
	    (unsigned long)st->st_uid);
	free(shown);
	errno = PATHS_ELINK;
	return -1;
}

/* Follow the link fd, named w->name, if its owner is trusted. */
static int
walk_link(struct paths_walk *w, int fd, const struct stat *st)
{
	char	target[PATH_MAX];
	ssize_t	n;

	if (!paths_link_trusted(st))
		return walk_refuse(w, st);
	if (++w->links > PATHS_LINKS_MAX) {
		errno = ELOOP;
		return -1;
	}
	if ((n = readlinkat(fd, "", target, sizeof target)) == -1)
		return -1;
	if ((size_t)n >= sizeof target) {
		errno = ENAMETOOLONG;
		return -1;
	}
	target[n] = '\0';
	return walk_splice(w, target);
}

/* Open the component taken as itself, a link not followed. */
static int
walk_peek(struct paths_walk *w)
{
	return openat(w->dir, w->name, O_PATH | O_NOFOLLOW | O_CLOEXEC);
}

/* Go into the folder w->name (made if missing and asked), or follow it. */
static int
walk_enter(struct paths_walk *w)
{
	struct stat	st;
	int		fd, r = -1;

	fd = walk_peek(w);
	if (fd == -1 && errno == ENOENT && w->mkdirs &&
	    (mkdirat(w->dir, w->name, w->mode) == 0 || errno == EEXIST))
		fd = walk_peek(w);
	if (fd == -1 || fstat(fd, &st) == -1)
		r = -1;
	else if (S_ISDIR(st.st_mode)) {
		walk_where_add(w);
		paths_close(w->dir);
		w->dir = fd;
		return 0;
	} else if (S_ISLNK(st.st_mode))
		r = walk_link(w, fd, &st);
	else
		errno = ENOTDIR;
	paths_close(fd);
	return r;
}

/* Walk the folders up to the last component, which is left in w->name. */
static int
walk_folders(struct paths_walk *w)
{
	while (!walk_take(w)) {
		if (walk_enter(w) == -1)
			return -1;
	}
	return 0;
}

/*
 * Look at the last component without following it: 0 with *st, 1 when it
 * was a link, now followed (walk on), -1 with errno (ENOENT if missing).
 */
static int
walk_look(struct paths_walk *w, struct stat *st)
{
	int	fd, r = 0;

	if ((fd = walk_peek(w)) == -1)
		return -1;
	if (fstat(fd, st) == -1)
		r = -1;
	else if (S_ISLNK(st->st_mode))
		r = walk_link(w, fd, st) == 0 ? 1 : -1;
	paths_close(fd);
	return r;
}

/* Walk the whole path, following links to its end; 0 with *st, or -1. */
static int
walk_resolve(struct paths_walk *w, struct stat *st)
{
	int	r;

	do {
		if (walk_folders(w) == -1)
			return -1;
	} while ((r = walk_look(w, st)) == 1);
	return r;
}

/* 0 if st is what flags ask for (a folder with O_DIRECTORY, else a regular file). */
static int
paths_kind(const struct stat *st, int flags)
{
	mode_t	want = (flags & O_DIRECTORY) ? S_IFDIR : S_IFREG;
	size_t	i;

	if ((st->st_mode & S_IFMT) == want)
		return 0;
	errno = want == S_IFDIR ? ENOTDIR : PATHS_ENOTREG;
	for (i = 0; want == S_IFREG && i < nitems(paths_kinds); i++) {
		if ((st->st_mode & S_IFMT) == paths_kinds[i].type)
			errno = paths_kinds[i].err;
	}
	return -1;
}

/* Check a file just opened is still of the kind asked for; fd or -1. */
static int
paths_opened(int fd, int flags)
{
	struct stat	st;
	int		fl;

	if (fstat(fd, &st) == -1 || paths_kind(&st, flags) == -1) {
		paths_close(fd);
		return -1;
	}
	if (!(flags & O_NONBLOCK) && (fl = fcntl(fd, F_GETFL)) != -1)
		fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	return fd;
}

/*
 * Open the last component. It is looked at first, so that a device or a
 * FIFO is refused unopened, and again once open, in case it was swapped;
 * O_NONBLOCK keeps a FIFO swapped in from blocking the open.
 */
static int
walk_open(struct paths_walk *w, int flags, mode_t mode)
{
	struct stat	st;
	int		fd, r, tries;

	for (tries = 0; tries < PATHS_LINKS_MAX; tries++) {
		if ((r = walk_look(w, &st)) == 1) {
			if (walk_folders(w) == -1)
				return -1;
			continue;
		}
		if (r == -1 && (errno != ENOENT || !(flags & O_CREAT)))
			return -1;
		if (r == 0 && paths_kind(&st, flags) == -1)
			return -1;
		do
			fd = openat(w->dir, w->name, flags | O_NOFOLLOW |
			    O_NONBLOCK | O_CLOEXEC | O_NOCTTY, mode);
		while (fd == -1 && errno == EINTR);
		if (fd != -1)
			return paths_opened(fd, flags);
		if (errno != ELOOP)
			return -1;	/* ELOOP: a link took its place */
	}
	errno = ELOOP;
	return -1;
}

/* Open a regular file (a folder with O_DIRECTORY) under the link rule. */
int
paths_open(const char *path, int flags, mode_t mode)
{
	struct paths_walk	w;
	int			fd = -1;

	if (walk_start(&w, path) == 0 && walk_folders(&w) == 0)
		fd = walk_open(&w, flags, mode);
	walk_end(&w);
	return fd;
}

/* stat(2) under the link rule. */
int
paths_stat(const char *path, struct stat *st)
{
	struct paths_walk	w;
	int			r = -1;

	if (walk_start(&w, path) == 0)
		r = walk_resolve(&w, st);
	walk_end(&w);
	return r;
}

/* Make a folder and its missing parents with mode, under the link rule. */
int
paths_mkdirs(const char *path, mode_t mode)
{
	struct paths_walk	w;
	int			r = -1;

	if (walk_start(&w, path) == 0) {
		w.mkdirs = 1;
		w.mode = mode;
		do
			r = walk_folders(&w) == 0 ? walk_enter(&w) : -1;
		while (r == 0 && *w.next != '\0');
	}
	walk_end(&w);
	return r;
}

/* A system error's text, or what one of the paths layer's errors means. */
const char *
paths_strerror(int err)
{
	size_t	i;

	if (err == PATHS_ELINK && paths_why != NULL)
		return paths_why;
	for (i = 0; i < nitems(paths_errors); i++) {
		if (paths_errors[i].err == err)
			return paths_errors[i].text;
	}
	if (err == PATHS_ELINK)
		return "a symbolic link on the way is owned by another user; "
		    "refused";
	return strerror(err);
}
