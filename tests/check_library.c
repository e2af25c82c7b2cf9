/* Tests for library.h and paths.h, on the fixtures in data/library. */
#define _POSIX_C_SOURCE 200809L

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_util.h"

#include "limber/diag.h"
#include "limber/library.h"
#include "limber/paths.h"
#include "limber/routine.h"

#define LIBDATA	LIMBER_TEST_DATA "/library"
#define BUNDLED	LIBDATA "/bundled"
#define USER	LIBDATA "/user"
#define EXTRA	LIBDATA "/extra"
#define TWINS	LIBDATA "/twins"
#define OVER	LIBDATA "/over"
#define LATER	LIBDATA "/later"

static int
ends_with(const char *s, const char *tail)
{
	size_t n, m;

	if (s == NULL)
		return 0;
	n = strlen(s);
	m = strlen(tail);
	return n >= m && strcmp(s + n - m, tail) == 0;
}

/* Print every diagnostic to stderr, to explain a failure. */
static void
dump(const struct diag_list *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		char *line = diag_format(&d->v[i]);

		fprintf(stderr, "  diag: %s\n", line);
		free(line);
	}
}

static void
free_files(char **files)
{
	size_t i;

	if (files == NULL)
		return;
	for (i = 0; files[i] != NULL; i++)
		free(files[i]);
	free(files);
}

START_TEST(test_find_files)
{
	struct diag_list d;
	char **files;
	size_t n = 0;

	diag_init(&d);
	files = library_find_files(BUNDLED, &d);
	ck_assert_ptr_nonnull(files);
	while (files[n] != NULL)
		n++;
	if (n != 2 || d.n != 0) {
		size_t i;

		for (i = 0; i < n; i++)
			fprintf(stderr, "  file: %s\n", files[i]);
		dump(&d);
	}
	ck_assert_uint_eq(d.n, 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_msg(ends_with(files[0], "bundled/alpha.yaml"),
	    "first file is %s", files[0]);
	ck_assert_msg(ends_with(files[1], "bundled/sub/beta.yaml"),
	    "second file is %s", files[1]);
	free_files(files);
	diag_done(&d);
}
END_TEST

START_TEST(test_find_files_sorted)
{
	struct diag_list d;
	char **files;
	size_t n = 0, i;

	diag_init(&d);
	files = library_find_files(USER, &d);
	ck_assert_ptr_nonnull(files);
	while (files[n] != NULL)
		n++;
	ck_assert_uint_eq(n, 3);
	ck_assert_msg(ends_with(files[0], "/broken.yaml"), "%s", files[0]);
	ck_assert_msg(ends_with(files[1], "/dup.yaml"), "%s", files[1]);
	ck_assert_msg(ends_with(files[2], "/gamma.yaml"), "%s", files[2]);
	for (i = 0; i + 1 < n; i++)
		ck_assert_int_lt(strcmp(files[i], files[i + 1]), 0);
	free_files(files);
	diag_done(&d);
}
END_TEST

/* The index of the first diagnostic whose file ends with tail, or -1. */
static long
diag_for(const struct diag_list *d, const char *tail)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->v[i].level == DIAG_ERROR && ends_with(d->v[i].file, tail))
			return (long)i;
	return -1;
}

/* Load bundled, user and extra, one layer each. */
static void
load_all(struct library *lib, struct diag_list *d)
{
	ck_assert_uint_eq(library_add_path(lib, BUNDLED, 1, d), 0);
	ck_assert_uint_eq(library_add_path(lib, USER, 1, d), 1);
	ck_assert_uint_eq(library_add_path(lib, EXTRA, 1, d), 0);
}

START_TEST(test_add_paths)
{
	static const char *const ids[] = { "alpha", "beta", "gamma", "delta" };
	struct library lib;
	struct diag_list d;
	const struct routine *r;
	size_t i;

	library_init(&lib);
	diag_init(&d);
	load_all(&lib, &d);
	if (lib.n != 4 || lib.bad != 1)
		dump(&d);
	ck_assert_uint_eq(lib.n, 4);
	ck_assert_uint_eq(lib.bad, 1);
	ck_assert_uint_eq(lib.files, 6);
	for (i = 0; i < 4; i++) {
		r = library_find(&lib, ids[i]);
		ck_assert_msg(r != NULL, "routine %s not found", ids[i]);
		ck_assert_str_eq(r->id, ids[i]);
	}
	ck_assert_ptr_null(library_find(&lib, "broken"));
	ck_assert_ptr_null(library_find(&lib, "nope"));
	ck_assert_ptr_null(library_find(&lib, ""));

	/* The user's alpha replaces the bundled one and says which. */
	r = library_find(&lib, "alpha");
	ck_assert_ptr_nonnull(r->path);
	ck_assert_msg(ends_with(r->path, "user/dup.yaml"),
	    "alpha came from %s, not the user's folder", r->path);
	ck_assert_str_eq(r->name, "Alpha again");
	ck_assert_msg(ends_with(library_shadows(&lib, r), "bundled/alpha.yaml"),
	    "alpha shadows %s", library_shadows(&lib, r));
	r = library_find(&lib, "beta");
	ck_assert_msg(ends_with(r->path, "sub/beta.yaml"), "beta from %s",
	    r->path);
	ck_assert_ptr_null(library_shadows(&lib, r));
	ck_assert_ptr_null(library_shadows(&lib, library_find(&lib, "gamma")));
	library_done(&lib);
	diag_done(&d);
}
END_TEST

START_TEST(test_add_paths_diags)
{
	struct library lib;
	struct diag_list d;
	long bi;
	size_t i;
	int unknown_key = 0;

	library_init(&lib);
	diag_init(&d);
	load_all(&lib, &d);
	dump(&d);

	/* The good files are not complained about, the replacing one neither. */
	ck_assert_uint_ge(d.errors, 1);
	for (i = 0; i < d.n; i++)
		ck_assert_msg(!ends_with(d.v[i].file, "/gamma.yaml") &&
		    !ends_with(d.v[i].file, "/dup.yaml") &&
		    !ends_with(d.v[i].file, "/beta.yaml") &&
		    !ends_with(d.v[i].file, "/delta.yaml") &&
		    !ends_with(d.v[i].file, "/notes.txt"),
		    "unexpected diagnostic for %s: %s", d.v[i].file,
		    d.v[i].msg);

	bi = diag_for(&d, "/broken.yaml");
	ck_assert_msg(bi >= 0, "no error names broken.yaml");
	for (i = 0; i < d.n; i++) {
		if (!ends_with(d.v[i].file, "/broken.yaml"))
			continue;
		if (strstr(d.v[i].msg, "colour") != NULL) {
			unknown_key = 1;
			ck_assert_int_eq(d.v[i].line, 4);
			ck_assert_int_eq(d.v[i].col, 1);
		}
	}
	ck_assert_msg(unknown_key, "no error names the unknown key 'colour'");
	library_done(&lib);
	diag_done(&d);
}
END_TEST

START_TEST(test_missing_path)
{
	struct library lib;
	struct diag_list d;

	library_init(&lib);
	diag_init(&d);
	ck_assert_uint_eq(library_add_path(&lib, LIBDATA "/no-such-dir", 0,
	    &d), 0);
	ck_assert_uint_eq(lib.n, 0);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_uint_eq(library_add_path(&lib, LIBDATA "/no-such.yaml", 0,
	    &d), 0);
	ck_assert_uint_eq(d.n, 0);

	library_add_path(&lib, LIBDATA "/no-such-dir", 1, &d);
	ck_assert_uint_eq(lib.n, 0);
	ck_assert_uint_ge(d.errors, 1);
	ck_assert_int_eq(d.v[0].level, DIAG_ERROR);
	ck_assert_msg((d.v[0].file != NULL &&
	    strstr(d.v[0].file, "no-such-dir") != NULL) ||
	    strstr(d.v[0].msg, "no-such-dir") != NULL,
	    "the error does not name the missing path: %s: %s",
	    d.v[0].file, d.v[0].msg);
	library_done(&lib);
	diag_done(&d);
}
END_TEST

START_TEST(test_single_file)
{
	struct library lib;
	struct diag_list d;
	const struct routine *r;

	library_init(&lib);
	diag_init(&d);
	ck_assert_uint_eq(library_add_path(&lib, EXTRA "/delta.yaml", 1, &d),
	    0);
	dump(&d);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_uint_eq(lib.n, 1);
	r = library_find(&lib, "delta");
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(r->name, "Delta");
	ck_assert_uint_eq(r->nsteps, 1);

	/* A broken single file is refused and counted. */
	ck_assert_uint_eq(library_add_path(&lib, USER "/broken.yaml", 1, &d),
	    1);
	ck_assert_uint_eq(lib.n, 1);
	ck_assert_uint_eq(lib.bad, 1);
	ck_assert_uint_ge(d.errors, 1);
	library_done(&lib);
	diag_done(&d);
}
END_TEST

static const char mem_routine[] =
    "id: mem\n"
    "name: In memory\n"
    "areas: [lats]\n"
    "steps:\n"
    "  - name: Lat stretch\n"
    "    kind: stretch\n"
    "    area: lats\n"
    "    hold: 30s\n"
    "    cue: Reach long.\n";

START_TEST(test_add_duplicate)
{
	struct library lib;
	struct diag_list d;
	struct routine *a, *b;

	library_init(&lib);
	diag_init(&d);
	a = routine_load_buffer("first.yaml", mem_routine,
	    sizeof mem_routine - 1, &d);
	b = routine_load_buffer("second.yaml", mem_routine,
	    sizeof mem_routine - 1, &d);
	dump(&d);
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_int_eq(library_add(&lib, a, &d), 0);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_int_eq(library_add(&lib, b, &d), -1);	/* b is freed */
	ck_assert_uint_eq(lib.n, 1);
	ck_assert_uint_eq(d.errors, 1);
	ck_assert_msg(ends_with(d.v[0].file, "second.yaml"),
	    "duplicate reported against %s", d.v[0].file);
	ck_assert_msg(strstr(d.v[0].msg, "first.yaml") != NULL,
	    "duplicate message does not name first.yaml: %s", d.v[0].msg);
	ck_assert_ptr_nonnull(library_find(&lib, "mem"));
	ck_assert_ptr_nonnull(library_find(&lib, "mem")->path);
	ck_assert_str_eq(library_find(&lib, "mem")->path, "first.yaml");
	library_done(&lib);
	diag_done(&d);
}
END_TEST

START_TEST(test_suggest)
{
	struct library lib;
	struct diag_list d;
	const char *out[4] = { NULL, NULL, NULL, NULL };
	size_t n;

	library_init(&lib);
	diag_init(&d);
	load_all(&lib, &d);
	n = library_suggest(&lib, "alpah", out, 4);
	ck_assert_uint_ge(n, 1);
	ck_assert_uint_le(n, 4);
	ck_assert_ptr_nonnull(out[0]);
	ck_assert_str_eq(out[0], "alpha");
	n = library_suggest(&lib, "gama", out, 1);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(out[0], "gamma");
	ck_assert_uint_eq(library_suggest(&lib, "zzzzzzzzzzzz", out, 4), 0);
	library_done(&lib);
	diag_done(&d);
}
END_TEST

START_TEST(test_sort)
{
	static const char *const want[] = { "alpha", "beta", "delta", "gamma" };
	struct library lib;
	struct diag_list d;
	size_t i;

	library_init(&lib);
	diag_init(&d);
	/* Load in an order other than by id. */
	library_add_path(&lib, EXTRA, 1, &d);
	library_add_path(&lib, USER "/gamma.yaml", 1, &d);
	library_add_path(&lib, BUNDLED "/sub", 1, &d);
	library_add_path(&lib, BUNDLED "/alpha.yaml", 1, &d);
	ck_assert_uint_eq(lib.n, 4);
	library_sort(&lib);
	for (i = 0; i < 4; i++)
		ck_assert_str_eq(lib.v[i]->id, want[i]);
	/* Still found after sorting. */
	for (i = 0; i < 4; i++)
		ck_assert_ptr_nonnull(library_find(&lib, want[i]));
	library_done(&lib);
	diag_done(&d);
}
END_TEST

/* Whether s starts with head and has tail somewhere after it. */
static int
line_is(const char *s, const char *head, const char *tail)
{
	size_t n = strlen(head);

	return s != NULL && strncmp(s, head, n) == 0 &&
	    strstr(s + n, tail) != NULL;
}

START_TEST(test_replace_chain)
{
	struct library lib;
	struct diag_list d;
	const struct routine *r;

	library_init(&lib);
	diag_init(&d);
	load_all(&lib, &d);
	ck_assert_uint_eq(library_add_path(&lib, OVER, 1, &d), 0);
	ck_assert_uint_eq(lib.n, 4);
	r = library_find(&lib, "alpha");
	ck_assert_str_eq(r->name, "Alpha over");
	ck_assert_msg(ends_with(r->path, "over/alpha.yaml"), "alpha from %s",
	    r->path);
	/* The file it replaced is the user's, not the bundled one. */
	ck_assert_msg(ends_with(library_shadows(&lib, r), "user/dup.yaml"),
	    "alpha shadows %s", library_shadows(&lib, r));
	ck_assert_uint_eq(lib.bad, 1);
	library_done(&lib);
	diag_done(&d);
}
END_TEST

START_TEST(test_replace_not_by_broken)
{
	struct library lib;
	struct diag_list d;
	const struct routine *r;

	library_init(&lib);
	diag_init(&d);
	ck_assert_uint_eq(library_add_path(&lib, BUNDLED, 1, &d), 0);
	ck_assert_uint_eq(library_add_path(&lib, LATER, 1, &d), 1);
	r = library_find(&lib, "alpha");
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(r->name, "Alpha");
	ck_assert_msg(ends_with(r->path, "bundled/alpha.yaml"), "alpha from %s",
	    r->path);
	ck_assert_ptr_null(library_shadows(&lib, r));
	ck_assert_uint_eq(lib.bad, 1);
	ck_assert_msg(ends_with(lib.first_bad, "later/alpha.yaml"),
	    "first bad file %s", lib.first_bad);
	ck_assert_msg(line_is(lib.first_error, LATER "/alpha.yaml:7:11: "
	    "error: unknown kind 'strech'", "did you mean 'stretch'"),
	    "first error %s", lib.first_error);
	library_done(&lib);
	diag_done(&d);
}
END_TEST

START_TEST(test_same_layer_duplicate)
{
	struct library lib;
	struct diag_list d;
	const struct routine *r;
	long i;

	library_init(&lib);
	diag_init(&d);
	ck_assert_uint_eq(library_add_path(&lib, TWINS, 1, &d), 1);
	ck_assert_uint_eq(lib.n, 1);
	r = library_find(&lib, "twin");
	ck_assert_str_eq(r->name, "Twin A");
	ck_assert_ptr_null(library_shadows(&lib, r));

	/* One error, against the second file, naming both with positions. */
	ck_assert_uint_eq(d.errors, 1);
	ck_assert_msg((i = diag_for(&d, "twins/b.yaml")) >= 0,
	    "no error names b.yaml");
	ck_assert_int_eq(d.v[i].line, 1);
	ck_assert_int_eq(d.v[i].col, 5);
	ck_assert_str_eq(d.v[i].msg, "duplicate id 'twin': already used by "
	    TWINS "/a.yaml:1:5");
	ck_assert_str_eq(lib.first_bad, TWINS "/b.yaml");
	ck_assert_str_eq(lib.first_error, TWINS "/b.yaml:1:5: error: "
	    "duplicate id 'twin': already used by " TWINS "/a.yaml:1:5");

	/* The same folder again is a later layer: its first file replaces. */
	ck_assert_uint_eq(library_add_path(&lib, TWINS, 1, &d), 1);
	r = library_find(&lib, "twin");
	ck_assert_str_eq(library_shadows(&lib, r), TWINS "/a.yaml");
	library_done(&lib);
	diag_done(&d);
}
END_TEST

START_TEST(test_first_error_kept)
{
	struct library lib;
	struct diag_list d;

	library_init(&lib);
	diag_init(&d);
	ck_assert_uint_eq(library_add_path(&lib, BUNDLED, 1, &d), 0);
	ck_assert_ptr_null(lib.first_bad);
	ck_assert_ptr_null(lib.first_error);
	load_all(&lib, &d);
	ck_assert_uint_eq(library_add_path(&lib, LATER, 1, &d), 1);
	ck_assert_uint_eq(lib.bad, 2);
	/* The first refused file stays, not the last. */
	ck_assert_str_eq(lib.first_bad, USER "/broken.yaml");
	ck_assert_str_eq(lib.first_error, USER "/broken.yaml:4:1: error: "
	    "unknown key 'colour'");
	library_done(&lib);
	ck_assert_ptr_null(lib.first_bad);
	ck_assert_ptr_null(lib.first_error);
	diag_done(&d);
}
END_TEST

START_TEST(test_first_error_missing)
{
	struct library lib;
	struct diag_list d;

	library_init(&lib);
	diag_init(&d);
	ck_assert_uint_eq(library_add_path(&lib, LIBDATA "/no-such-dir", 1,
	    &d), 1);
	ck_assert_uint_eq(lib.bad, 1);
	ck_assert_str_eq(lib.first_bad, LIBDATA "/no-such-dir");
	ck_assert_str_eq(lib.first_error, LIBDATA "/no-such-dir: error: "
	    "No such file or directory");
	library_done(&lib);
	diag_done(&d);
}
END_TEST

START_TEST(test_first_error_sanitized)
{
	char dir[] = "/tmp/limber-check-XXXXXX", path[64];
	struct library lib;
	struct diag_list d;
	FILE *f;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/esc.yaml", dir);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fprintf(f, "%s\"\\e[31m\": red\n", mem_routine);
	ck_assert_int_eq(fclose(f), 0);
	library_init(&lib);
	diag_init(&d);
	ck_assert_uint_eq(library_add_path(&lib, dir, 1, &d), 1);
	unlink(path);
	rmdir(dir);
	ck_assert_ptr_nonnull(lib.first_error);
	ck_assert_msg(strchr(lib.first_error, '\x1b') == NULL,
	    "an escape reached the first error: %s", lib.first_error);
	ck_assert_msg(line_is(lib.first_error, path, ":10:1: error: unknown "
	    "key '^[[31m'"), "first error %s", lib.first_error);
	library_done(&lib);
	diag_done(&d);
}
END_TEST

START_TEST(test_add_layers)
{
	struct library lib;
	struct diag_list d;
	struct routine *a, *b;

	library_init(&lib);
	diag_init(&d);
	a = routine_load_buffer("first.yaml", mem_routine,
	    sizeof mem_routine - 1, &d);
	b = routine_load_buffer("second.yaml", mem_routine,
	    sizeof mem_routine - 1, &d);
	ck_assert_int_eq(library_add(&lib, a, &d), 0);
	/* A path, even an empty folder, begins a layer for library_add. */
	ck_assert_uint_eq(library_add_path(&lib, EXTRA, 1, &d), 0);
	ck_assert_int_eq(library_add(&lib, b, &d), 0);	/* a is freed */
	ck_assert_uint_eq(d.n, 0);
	ck_assert_uint_eq(lib.n, 2);
	ck_assert_str_eq(library_find(&lib, "mem")->path, "second.yaml");
	ck_assert_str_eq(library_shadows(&lib, library_find(&lib, "mem")),
	    "first.yaml");
	library_done(&lib);
	diag_done(&d);
}
END_TEST

START_TEST(test_sort_keeps_origin)
{
	struct library lib;
	struct diag_list d;
	size_t i;

	library_init(&lib);
	diag_init(&d);
	load_all(&lib, &d);
	library_sort(&lib);
	ck_assert_str_eq(lib.v[0]->id, "alpha");
	for (i = 0; i < lib.n; i++) {
		if (strcmp(lib.v[i]->id, "alpha") == 0)
			ck_assert_msg(ends_with(lib.origin[i].shadows,
			    "bundled/alpha.yaml"), "alpha shadows %s",
			    lib.origin[i].shadows);
		else
			ck_assert_msg(lib.origin[i].shadows == NULL,
			    "%s shadows %s", lib.v[i]->id,
			    lib.origin[i].shadows);
	}
	library_done(&lib);
	diag_done(&d);
}
END_TEST

/* Write text to path. */
static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	ck_assert_msg(f != NULL, "cannot create %s", path);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

static const char user_routine[] =
    "id: zz-fixture-user-routine\n"
    "name: The user's own\n"
    "areas: [neck]\n"
    "steps:\n"
    "  - name: Neck side bend\n"
    "    kind: stretch\n"
    "    area: neck\n"
    "    hold: 20s\n"
    "    sides: both\n"
    "    reps: 3\n"
    "    cue: Ear toward the shoulder.\n";

static const char user_broken[] =
    "id: zz-fixture-user-broken\n"
    "name: Broken\n"
    "areas: [neck]\n"
    "steps:\n"
    "  - name: Neck side bend\n"
    "    kind: strech\n"
    "    area: neck\n"
    "    hold: 20s\n";

struct tmpconf {
	char	base[64];
	char	limber[96];
	char	routines[128];
	char	good[160];
	char	bad[160];
};

static void
tmpconf_make(struct tmpconf *t)
{
	strcpy(t->base, "/tmp/limber-check-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(t->base));
	snprintf(t->limber, sizeof t->limber, "%s/limber", t->base);
	snprintf(t->routines, sizeof t->routines, "%s/routines", t->limber);
	snprintf(t->good, sizeof t->good, "%s/mine.yaml", t->routines);
	snprintf(t->bad, sizeof t->bad, "%s/bad.yaml", t->routines);
	ck_assert_int_eq(mkdir(t->limber, 0700), 0);
	ck_assert_int_eq(mkdir(t->routines, 0700), 0);
	write_file(t->good, user_routine);
	write_file(t->bad, user_broken);
	ck_assert_int_eq(setenv("XDG_CONFIG_HOME", t->base, 1), 0);
}

static void
tmpconf_remove(struct tmpconf *t)
{
	unlink(t->good);
	unlink(t->bad);
	rmdir(t->routines);
	rmdir(t->limber);
	rmdir(t->base);
}

START_TEST(test_load_default)
{
	struct tmpconf t;
	struct library lib;
	struct diag_list d;
	const struct routine *r;

	tmpconf_make(&t);
	library_init(&lib);
	diag_init(&d);
	library_load_default(&lib, NULL, 0, &d);
	tmpconf_remove(&t);
	r = library_find(&lib, "zz-fixture-user-routine");
	if (r == NULL || diag_for(&d, "/bad.yaml") < 0)
		dump(&d);
	ck_assert_msg(r != NULL, "the user's routine was not loaded");
	ck_assert_msg(strstr(r->path, "/limber/routines/mine.yaml") != NULL,
	    "user routine path %s", r->path);
	ck_assert_msg(diag_for(&d, "/bad.yaml") >= 0,
	    "no error names the broken user file");
	ck_assert_ptr_null(library_find(&lib, "zz-fixture-user-broken"));
	ck_assert_uint_ge(lib.bad, 1);
	library_done(&lib);
	diag_done(&d);
}
END_TEST

START_TEST(test_load_default_extra)
{
	char extra1[] = EXTRA;
	char extra2[] = USER "/gamma.yaml";
	char *extra[] = { extra1, extra2 };
	struct tmpconf t;
	struct library lib;
	struct diag_list d;

	tmpconf_make(&t);
	library_init(&lib);
	diag_init(&d);
	library_load_default(&lib, extra, 2, &d);
	tmpconf_remove(&t);
	ck_assert_ptr_nonnull(library_find(&lib, "zz-fixture-user-routine"));
	ck_assert_ptr_nonnull(library_find(&lib, "delta"));
	ck_assert_ptr_nonnull(library_find(&lib, "gamma"));
	ck_assert_msg(diag_for(&d, "/bad.yaml") >= 0,
	    "no error names the broken user file");
	library_done(&lib);
	diag_done(&d);
}
END_TEST

START_TEST(test_load_default_replaces)
{
	static const char copy[] =
	    "id: calves-post-run\n"
	    "name: My calves\n"
	    "areas: [calves]\n"
	    "steps:\n"
	    "  - name: Step calf stretch\n"
	    "    kind: stretch\n"
	    "    area: calves\n"
	    "    hold: 45s\n"
	    "    cue: Let the heel drop.\n";
	struct tmpconf t;
	struct library lib;
	struct diag_list d;
	const struct routine *r;
	char path[192];

	tmpconf_make(&t);
	snprintf(path, sizeof path, "%s/calves.yaml", t.routines);
	write_file(path, copy);
	library_init(&lib);
	diag_init(&d);
	library_load_default(&lib, NULL, 0, &d);
	unlink(path);
	tmpconf_remove(&t);
	r = library_find(&lib, "calves-post-run");
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(r->path, path);
	ck_assert_str_eq(r->name, "My calves");
	ck_assert_uint_eq(r->nsteps, 1);
	ck_assert_msg(ends_with(library_shadows(&lib, r),
	    "/routines/calves-post-run.yaml"), "shadows %s",
	    library_shadows(&lib, r));
	ck_assert_msg(diag_for(&d, "/calves.yaml") < 0,
	    "the user's copy was reported as an error");
	/* Only the broken user file is refused, and it is the first. */
	ck_assert_uint_eq(lib.bad, 1);
	ck_assert_str_eq(lib.first_bad, t.bad);
	ck_assert_msg(line_is(lib.first_error, t.bad, ""), "first error %s",
	    lib.first_error);
	ck_assert_str_eq(lib.first_error + strlen(t.bad), ":6:11: error: "
	    "unknown kind 'strech' (expected stretch or roll; did you mean "
	    "'stretch'?)");
	library_done(&lib);
	diag_done(&d);
}
END_TEST

/* Check that a path function gives want, and free it. */
static void
path_is(char *got, const char *want, const char *what)
{
	ck_assert_msg(got != NULL, "%s gave NULL", what);
	ck_assert_msg(strcmp(got, want) == 0, "%s gave \"%s\", expected "
	    "\"%s\"", what, got, want);
	free(got);
}

START_TEST(test_paths_config_home)
{
	setenv("HOME", "/home/limber-test", 1);
	setenv("XDG_CONFIG_HOME", "/tmp/xdg-config", 1);
	path_is(paths_config_home(), "/tmp/xdg-config", "absolute XDG");
	path_is(paths_user_routines(), "/tmp/xdg-config/limber/routines",
	    "user routines under XDG");

	unsetenv("XDG_CONFIG_HOME");
	path_is(paths_config_home(), "/home/limber-test/.config",
	    "unset XDG");
	path_is(paths_user_routines(),
	    "/home/limber-test/.config/limber/routines",
	    "user routines under HOME");

	setenv("XDG_CONFIG_HOME", "", 1);
	path_is(paths_config_home(), "/home/limber-test/.config",
	    "empty XDG");

	setenv("XDG_CONFIG_HOME", "relative/config", 1);
	path_is(paths_config_home(), "/home/limber-test/.config",
	    "relative XDG");
}
END_TEST

START_TEST(test_paths_user_routines)
{
	char *p;

	setenv("HOME", "/home/limber-test", 1);
	unsetenv("XDG_CONFIG_HOME");
	p = paths_user_routines();
	ck_assert_ptr_nonnull(p);
	ck_assert_msg(ends_with(p, "/limber/routines"), "%s", p);
	free(p);
	setenv("XDG_CONFIG_HOME", "/x", 1);
	p = paths_user_routines();
	ck_assert_ptr_nonnull(p);
	ck_assert_msg(ends_with(p, "/limber/routines"), "%s", p);
	free(p);
}
END_TEST

START_TEST(test_paths_data_home)
{
	setenv("HOME", "/home/limber-test", 1);
	setenv("XDG_DATA_HOME", "/tmp/xdg-data", 1);
	path_is(paths_data_home(), "/tmp/xdg-data", "absolute XDG_DATA_HOME");
	unsetenv("XDG_DATA_HOME");
	path_is(paths_data_home(), "/home/limber-test/.local/share",
	    "unset XDG_DATA_HOME");
	setenv("XDG_DATA_HOME", "", 1);
	path_is(paths_data_home(), "/home/limber-test/.local/share",
	    "empty XDG_DATA_HOME");
}
END_TEST

START_TEST(test_paths_join)
{
	path_is(paths_join("a", "b"), "a/b", "paths_join(a, b)");
	path_is(paths_join("a/", "b"), "a/b", "paths_join(a/, b)");
	path_is(paths_join("/", "b"), "/b", "paths_join(/, b)");
	path_is(paths_join("/x/y", "z.yaml"), "/x/y/z.yaml",
	    "paths_join(/x/y, z.yaml)");
}
END_TEST

/* The routine a test folder holds. */
#define ONE_ROUTINE	"id: one\nname: One\nareas: [calves]\nsteps:\n" \
			"  - name: Wall calf\n    kind: stretch\n" \
			"    area: calves\n    hold: 30s\n"

/* dir/name, which the caller frees. */
static char *
in(const char *dir, const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

/* Make dir/name a symbolic link to target. */
static void
link_in(const char *dir, const char *name, const char *target)
{
	char	*path = in(dir, name);

	ck_assert_int_eq(symlink(target, path), 0);
	free(path);
}

/* Hand the link dir/name to nobody; 0 (and a note why) unless root. */
static int
give_away(const char *dir, const char *name)
{
	char	*path = in(dir, name);
	int	 r = 0;

	if (geteuid() == 0) {
		ck_assert_int_eq(lchown(path, 65534, 65534), 0);
		r = 1;
	} else
		fprintf(stderr, "skip: a link owned by another user needs "
		    "root\n");
	free(path);
	return r;
}

/* paths_open of path with flags fails with errno err. */
static void
open_fails(const char *path, int flags, int err)
{
	errno = 0;
	ck_assert_int_eq(paths_open(path, flags, 0600), -1);
	ck_assert_msg(errno == err, "%s: errno %d (%s), wanted %d (%s)", path,
	    errno, paths_strerror(errno), err, paths_strerror(err));
}

/* paths_open of path with flags works. */
static void
open_works(const char *path, int flags)
{
	int	fd = paths_open(path, flags, 0600);

	ck_assert_msg(fd != -1, "%s: %s", path, paths_strerror(errno));
	close(fd);
}

START_TEST(test_paths_not_regular)
{
	char	*dir = tmp_dir(), *fifo = in(dir, "fifo"), *zero;

	/* A FIFO is refused at once, for reading and for appending. */
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	open_fails(fifo, O_RDONLY, PATHS_EFIFO);
	open_fails(fifo, O_RDWR | O_APPEND | O_CREAT, PATHS_EFIFO);
	ck_assert_ptr_nonnull(strstr(paths_strerror(PATHS_EFIFO),
	    "not a regular file"));
	/* A device, itself or through a link of one's own. */
	if (access("/dev/zero", R_OK) == 0) {
		open_fails("/dev/zero", O_RDONLY, PATHS_ECHR);
		link_in(dir, "zero", "/dev/zero");
		zero = in(dir, "zero");
		open_fails(zero, O_RDONLY, PATHS_ECHR);
		free(zero);
	}
	/* A folder is a folder: refused as a file, opened as one. */
	open_fails(dir, O_RDONLY, EISDIR);
	open_works(dir, O_RDONLY | O_DIRECTORY);
	open_fails(fifo, O_RDONLY | O_DIRECTORY, ENOTDIR);
	open_fails("", O_RDONLY, PATHS_EEMPTY);
	ck_assert_str_eq(paths_strerror(PATHS_EEMPTY), "the path is empty");
	free(fifo);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_paths_own_links)
{
	char		*dir = tmp_dir(), *p;
	struct stat	 st;

	/* Links of one's own are followed, files and folders, relative too. */
	p = in(dir, "real");
	ck_assert_int_eq(mkdir(p, 0700), 0);
	free(p);
	p = in(dir, "real/file");
	spew(p, "x");
	free(p);
	link_in(dir, "folder", "real");
	link_in(dir, "file", "folder/file");
	link_in(dir, "real/up", "..");
	p = in(dir, "file");
	open_works(p, O_RDONLY);
	free(p);
	p = in(dir, "folder/up/folder/up/real/file");
	open_works(p, O_RDONLY);
	ck_assert_int_eq(paths_stat(p, &st), 0);
	ck_assert(S_ISREG(st.st_mode));
	free(p);
	/* A loop of links ends. */
	link_in(dir, "loop", "loop");
	p = in(dir, "loop");
	open_fails(p, O_RDONLY, ELOOP);
	free(p);
	/* Folders made through a link of one's own, 0700. */
	p = in(dir, "folder/a/b");
	ck_assert_int_eq(paths_mkdirs(p, 0700), 0);
	free(p);
	p = in(dir, "real/a/b");
	ck_assert_int_eq(stat(p, &st), 0);
	ck_assert(S_ISDIR(st.st_mode));
	ck_assert_uint_eq(st.st_mode & 0777, 0700);
	free(p);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_paths_link_trusted)
{
	struct stat	st;

	memset(&st, 0, sizeof st);
	st.st_uid = geteuid();
	ck_assert(paths_link_trusted(&st));
	st.st_uid = 0;
	ck_assert(paths_link_trusted(&st));
	st.st_uid = geteuid() + 1;
	ck_assert(!paths_link_trusted(&st));
}
END_TEST

START_TEST(test_paths_foreign_links)
{
	char		*dir = tmp_dir(), *p;
	struct stat	 st;

	p = in(dir, "real");
	ck_assert_int_eq(mkdir(p, 0700), 0);
	free(p);
	p = in(dir, "real/file");
	spew(p, "x");
	free(p);
	link_in(dir, "theirs", "real");
	link_in(dir, "their-file", "real/file");
	link_in(dir, "mine", "theirs/file");
	if (give_away(dir, "theirs") && give_away(dir, "their-file")) {
		/* The link itself, and one further up, are refused. */
		p = in(dir, "their-file");
		open_fails(p, O_RDONLY, PATHS_EOWNER);
		ck_assert_int_eq(paths_stat(p, &st), -1);
		free(p);
		p = in(dir, "theirs/file");
		open_fails(p, O_RDWR | O_APPEND | O_CREAT, PATHS_ELINK);
		ck_assert_ptr_nonnull(strstr(paths_strerror(PATHS_ELINK),
		    "/theirs, a symbolic link owned by another user"));
		free(p);
		/* So is one that a link of one's own leads through. */
		p = in(dir, "mine");
		open_fails(p, O_RDONLY, PATHS_ELINK);
		free(p);
		/* No folder is made through one. */
		p = in(dir, "theirs/new");
		ck_assert_int_eq(paths_mkdirs(p, 0700), -1);
		ck_assert_int_eq(errno, PATHS_ELINK);
		free(p);
		p = in(dir, "real/new");
		ck_assert_int_eq(access(p, F_OK), -1);
		free(p);
	}
	rm_rf(dir);
	free(dir);
}
END_TEST

/* The index of the diagnostic of this level whose file ends with tail, or -1. */
static long
diag_at(const struct diag_list *d, enum diag_level level, const char *tail)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->v[i].level == level && ends_with(d->v[i].file, tail))
			return (long)i;
	return -1;
}

START_TEST(test_find_files_links)
{
	struct diag_list	  d;
	char			 *dir = tmp_dir(), *p, **files;
	long			  i;

	p = in(dir, "shared");
	ck_assert_int_eq(mkdir(p, 0700), 0);
	free(p);
	p = in(dir, "r");
	ck_assert_int_eq(mkdir(p, 0700), 0);
	free(p);
	p = in(dir, "shared/one.yaml");
	spew(p, ONE_ROUTINE);
	free(p);
	link_in(dir, "r/linked", "../shared");
	link_in(dir, "shared/up", "..");
	link_in(dir, "r/gone", "../nowhere");
	diag_init(&d);
	p = in(dir, "r");
	files = library_find_files(p, &d);
	free(p);
	/* The folder linked in is read; the link back up is read once. */
	ck_assert_ptr_nonnull(files[0]);
	ck_assert_msg(ends_with(files[0], "/r/linked/one.yaml"), "%s",
	    files[0]);
	ck_assert_ptr_null(files[1]);
	ck_assert_int_ge(diag_at(&d, DIAG_NOTE, "/r/linked/up/r"), 0);
	/* The broken link is said. */
	i = diag_at(&d, DIAG_WARNING, "/r/gone");
	ck_assert_int_ge(i, 0);
	ck_assert_ptr_nonnull(strstr(d.v[i].msg, "broken symbolic link"));
	ck_assert_uint_eq(d.errors, 0);
	free_files(files);
	diag_done(&d);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_find_files_foreign_link)
{
	struct diag_list	  d;
	char			 *dir = tmp_dir(), *p, **files;
	long			  i;

	p = in(dir, "secret");
	spew(p, "secret-line: x\n");
	free(p);
	link_in(dir, "theirs.yaml", "secret");
	if (give_away(dir, "theirs.yaml")) {
		diag_init(&d);
		files = library_find_files(dir, &d);
		ck_assert_ptr_null(files[0]);
		i = diag_at(&d, DIAG_WARNING, "/theirs.yaml");
		ck_assert_int_ge(i, 0);
		ck_assert_ptr_nonnull(strstr(d.v[i].msg,
		    "owned by another user"));
		free_files(files);
		diag_done(&d);
	}
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(test_add_path_empty)
{
	struct library		lib;
	struct diag_list	d;

	library_init(&lib);
	diag_init(&d);
	ck_assert_uint_eq(library_add_path(&lib, "", 1, &d), 1);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_str_eq(d.v[0].file, "limber");
	ck_assert_ptr_nonnull(strstr(d.v[0].msg, "empty"));
	ck_assert_uint_eq(lib.bad, 1);
	diag_done(&d);
	library_done(&lib);
}
END_TEST

static Suite *
library_suite(void)
{
	Suite *s = suite_create("library");
	TCase *tc;

	tc = tcase_create("files");
	tcase_add_test(tc, test_find_files);
	tcase_add_test(tc, test_find_files_sorted);
	suite_add_tcase(s, tc);

	tc = tcase_create("library");
	tcase_add_test(tc, test_add_paths);
	tcase_add_test(tc, test_add_paths_diags);
	tcase_add_test(tc, test_missing_path);
	tcase_add_test(tc, test_single_file);
	tcase_add_test(tc, test_add_duplicate);
	tcase_add_test(tc, test_suggest);
	tcase_add_test(tc, test_sort);
	tcase_add_test(tc, test_sort_keeps_origin);
	suite_add_tcase(s, tc);

	tc = tcase_create("layers");
	tcase_add_test(tc, test_replace_chain);
	tcase_add_test(tc, test_replace_not_by_broken);
	tcase_add_test(tc, test_same_layer_duplicate);
	tcase_add_test(tc, test_add_layers);
	tcase_add_test(tc, test_first_error_kept);
	tcase_add_test(tc, test_first_error_missing);
	tcase_add_test(tc, test_first_error_sanitized);
	suite_add_tcase(s, tc);

	tc = tcase_create("default");
	tcase_add_test(tc, test_load_default);
	tcase_add_test(tc, test_load_default_extra);
	tcase_add_test(tc, test_load_default_replaces);
	suite_add_tcase(s, tc);

	tc = tcase_create("paths");
	tcase_add_test(tc, test_paths_config_home);
	tcase_add_test(tc, test_paths_user_routines);
	tcase_add_test(tc, test_paths_data_home);
	tcase_add_test(tc, test_paths_join);
	suite_add_tcase(s, tc);

	tc = tcase_create("rules");
	tcase_add_test(tc, test_paths_not_regular);
	tcase_add_test(tc, test_paths_own_links);
	tcase_add_test(tc, test_paths_link_trusted);
	tcase_add_test(tc, test_paths_foreign_links);
	tcase_add_test(tc, test_find_files_links);
	tcase_add_test(tc, test_find_files_foreign_link);
	tcase_add_test(tc, test_add_path_empty);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(library_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
