/* Tests for the bundled routine library in LIMBER_ROUTINES_DIR. */
#define _POSIX_C_SOURCE 200809L

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "limber/area.h"
#include "limber/diag.h"
#include "limber/library.h"
#include "limber/routine.h"
#include "limber/text.h"

/* Every routine file and the routines loaded from them. */
static char		**files;
static size_t		  nfiles;
static struct library	  lib;

static void
setup(void)
{
	struct diag_list d;

	diag_init(&d);
	files = library_find_files(LIMBER_ROUTINES_DIR, &d);
	ck_assert_ptr_nonnull(files);
	for (nfiles = 0; files[nfiles] != NULL; nfiles++)
		;
	library_init(&lib);
	library_add_path(&lib, LIMBER_ROUTINES_DIR, 1, &d);
	diag_done(&d);
}

static void
teardown(void)
{
	size_t i;

	library_done(&lib);
	if (files != NULL) {
		for (i = 0; files[i] != NULL; i++)
			free(files[i]);
		free(files);
	}
	files = NULL;
	nfiles = 0;
}

/* Append every diagnostic of d to sb, one per line. */
static void
add_diags(struct strbuf *sb, const struct diag_list *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		char *line = diag_format(&d->v[i]);

		sb_addf(sb, "  %s\n", line);
		free(line);
	}
}

/* Fail with everything in sb if it holds anything. */
static void
fail_if_any(struct strbuf *sb, const char *what)
{
	char *s = sb_take(sb);

	if (s[0] != '\0')
		fprintf(stderr, "%s:\n%s", what, s);
	ck_assert_msg(s[0] == '\0', "%s (see above):\n%s", what, s);
	free(s);
	sb_done(sb);
}

/* The routine with this id, or a failure. */
static const struct routine *
must_find(const char *id)
{
	const struct routine *r = library_find(&lib, id);

	ck_assert_msg(r != NULL, "the bundled library has no routine '%s'",
	    id);
	return r;
}

START_TEST(test_there_are_files)
{
	ck_assert_msg(nfiles >= 3, "only %zu routine files in %s", nfiles,
	    LIMBER_ROUTINES_DIR);
}
END_TEST

START_TEST(test_each_file_loads_clean)
{
	struct strbuf bad;
	size_t i;

	sb_init(&bad);
	for (i = 0; i < nfiles; i++) {
		struct diag_list d;
		struct routine *r;
		const char *base;
		size_t blen;

		diag_init(&d);
		r = routine_load(files[i], &d);
		if (r == NULL)
			sb_addf(&bad, "%s: does not load\n", files[i]);
		if (d.n != 0) {
			sb_addf(&bad, "%s: %zu diagnostics:\n", files[i], d.n);
			add_diags(&bad, &d);
		}
		base = strrchr(files[i], '/');
		base = base != NULL ? base + 1 : files[i];
		blen = strlen(base);
		if (blen <= 5 || strcmp(base + blen - 5, ".yaml") != 0)
			sb_addf(&bad, "%s: not a .yaml file\n", files[i]);
		else if (r != NULL && (strlen(r->id) != blen - 5 ||
		    strncmp(r->id, base, blen - 5) != 0))
			sb_addf(&bad, "%s: id '%s' is not the file name\n",
			    files[i], r->id);
		if (r != NULL)
			routine_free(r);
		diag_done(&d);
	}
	fail_if_any(&bad, "bundled routines that do not load cleanly");
}
END_TEST

START_TEST(test_ids_unique)
{
	struct library l;
	struct diag_list d;
	size_t refused;

	library_init(&l);
	diag_init(&d);
	refused = library_add_path(&l, LIMBER_ROUTINES_DIR, 1, &d);
	if (d.n != 0)
		diag_print(&d, stderr);
	ck_assert_uint_eq(refused, 0);
	ck_assert_uint_eq(l.bad, 0);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_uint_eq(l.n, nfiles);
	library_done(&l);
	diag_done(&d);
}
END_TEST

START_TEST(test_dose)
{
	struct strbuf bad;
	size_t i;

	sb_init(&bad);
	for (i = 0; i < lib.n; i++) {
		struct diag_list d;

		diag_init(&d);
		routine_check_dose(lib.v[i], &d);
		if (d.n != 0) {
			sb_addf(&bad, "%s: %zu dose warnings:\n",
			    lib.v[i]->id, d.n);
			add_diags(&bad, &d);
		}
		diag_done(&d);
	}
	fail_if_any(&bad, "bundled routines outside the dose");
}
END_TEST

START_TEST(test_area_coverage)
{
	static const char *const need[] = {
		"hamstrings", "hip-flexors", "quads", "calves", "lats",
		"glutes", "it-band", "upper-back", "lower-back",
	};
	struct strbuf bad;
	size_t i, j;

	sb_init(&bad);
	for (i = 0; i < sizeof need / sizeof need[0]; i++) {
		int a = area_find(need[i]), found = 0;

		ck_assert_msg(a >= 0, "unknown area %s", need[i]);
		for (j = 0; j < lib.n && !found; j++) {
			size_t k;

			for (k = 0; k < lib.v[j]->nareas; k++)
				if (lib.v[j]->areas[k] == a)
					found = 1;
		}
		if (!found)
			sb_addf(&bad, "no routine lists the area %s\n", need[i]);
	}
	fail_if_any(&bad, "areas without a routine");
}
END_TEST

START_TEST(test_pre_run_roll)
{
	const struct routine *r = must_find("pre-run-roll");
	long secs = routine_seconds(r);
	size_t i;

	ck_assert_uint_ge(r->nsteps, 1);
	for (i = 0; i < r->nsteps; i++)
		ck_assert_msg(r->steps[i].kind == STEP_ROLL,
		    "pre-run-roll step %zu '%s' is a %s, not a roll", i + 1,
		    r->steps[i].name, step_kind_name(r->steps[i].kind));
	ck_assert_msg(secs >= 240 && secs <= 420,
	    "pre-run-roll takes %ld s, expected 240 to 420", secs);
}
END_TEST

START_TEST(test_post_run_cooldown)
{
	static const char *const need[] = {
		"calves", "hamstrings", "quads", "hip-flexors", "glutes",
	};
	const struct routine *r = must_find("post-run-cooldown");
	long secs = routine_seconds(r);
	size_t i;

	ck_assert_msg(secs >= 720 && secs <= 1080,
	    "post-run-cooldown takes %ld s, expected 720 to 1080", secs);
	for (i = 0; i < sizeof need / sizeof need[0]; i++) {
		int a = area_find(need[i]);

		ck_assert_int_ge(a, 0);
		ck_assert_msg(routine_has_area(r, a),
		    "post-run-cooldown does not cover %s", need[i]);
	}
}
END_TEST

START_TEST(test_rest_day)
{
	const struct routine *r = must_find("rest-day");

	ck_assert_uint_ge(r->nsteps, 1);
}
END_TEST

START_TEST(test_no_lumbar_rolling)
{
	int lower = area_find("lower-back");
	struct strbuf bad;
	size_t i, j;

	ck_assert_int_ge(lower, 0);
	sb_init(&bad);
	for (i = 0; i < lib.n; i++)
		for (j = 0; j < lib.v[i]->nsteps; j++) {
			const struct step *s = &lib.v[i]->steps[j];

			if (s->kind == STEP_ROLL && s->area == lower)
				sb_addf(&bad, "%s:%d: '%s' rolls the lower "
				    "back\n", lib.v[i]->path, s->line, s->name);
		}
	fail_if_any(&bad, "roll steps on the lumbar spine");
}
END_TEST

START_TEST(test_every_step_has_cue)
{
	struct strbuf bad;
	size_t i, j;

	sb_init(&bad);
	for (i = 0; i < lib.n; i++)
		for (j = 0; j < lib.v[i]->nsteps; j++) {
			const struct step *s = &lib.v[i]->steps[j];

			if (s->cue == NULL || s->cue[0] == '\0')
				sb_addf(&bad, "%s:%d: '%s' has no cue\n",
				    lib.v[i]->path, s->line, s->name);
		}
	fail_if_any(&bad, "steps without a cue");
}
END_TEST

static Suite *
bundled_suite(void)
{
	Suite *s = suite_create("bundled");
	TCase *tc;

	tc = tcase_create("files");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_there_are_files);
	tcase_add_test(tc, test_each_file_loads_clean);
	tcase_add_test(tc, test_ids_unique);
	tcase_add_test(tc, test_dose);
	suite_add_tcase(s, tc);

	tc = tcase_create("content");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_area_coverage);
	tcase_add_test(tc, test_pre_run_roll);
	tcase_add_test(tc, test_post_run_cooldown);
	tcase_add_test(tc, test_rest_day);
	tcase_add_test(tc, test_no_lumbar_rolling);
	tcase_add_test(tc, test_every_step_has_cue);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(bundled_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
