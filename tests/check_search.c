/* Tests for matching routines against typed words (search.h). */
#define _POSIX_C_SOURCE 200809L

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "limber/diag.h"
#include "limber/routine.h"
#include "limber/search.h"

/* A routine with every field a query may match. */
static const char routine_text[] =
    "id: outer-hip\n"
    "name: Outer hip and IT band\n"
    "areas: [it-band, glutes]\n"
    "tags: [post-run]\n"
    "steps:\n"
    "  - name: Roll the TFL\n"
    "    kind: roll\n"
    "    area: it-band\n"
    "    hold: 45s\n"
    "    cue: Slow passes, pause on tender spots.\n"
    "  - name: Figure-four stretch\n"
    "    kind: stretch\n"
    "    area: glutes\n"
    "    hold: 30s\n";

static struct routine *r;

static void
setup(void)
{
	struct diag_list	d;

	diag_init(&d);
	r = routine_load_buffer("outer-hip.yaml", routine_text,
	    strlen(routine_text), &d);
	diag_done(&d);
	ck_assert_ptr_nonnull(r);
}

static void
teardown(void)
{
	routine_free(r);
}

/* Hyphen, space and underscore are one; case does not matter. */
START_TEST(test_hyphen_space_case)
{
	static const char *const yes[] = {
		"it band", "it-band", "IT BAND", "It_Band", "outer hip",
		"OUTER-HIP", "", "  ", "Glutes", "post run", "post-run",
	};
	size_t	i;

	for (i = 0; i < sizeof yes / sizeof yes[0]; i++)
		ck_assert_msg(search_match(r, yes[i]), "'%s' should match",
		    yes[i]);
}
END_TEST

/* Words in any order, each anywhere: steps and cues too. */
START_TEST(test_words_any_order)
{
	static const char *const yes[] = {
		"band it", "tfl", "tender", "figure four", "four figure",
		"hip roll", "passes glutes", "ITB", "glute", "tfl roll",
	};
	static const char *const no[] = {
		"calves", "it band calves", "knee", "wall", "hamstrings",
	};
	size_t	i;

	for (i = 0; i < sizeof yes / sizeof yes[0]; i++)
		ck_assert_msg(search_match(r, yes[i]), "'%s' should match",
		    yes[i]);
	for (i = 0; i < sizeof no / sizeof no[0]; i++)
		ck_assert_msg(!search_match(r, no[i]), "'%s' should not match",
		    no[i]);
}
END_TEST

static Suite *
search_suite(void)
{
	Suite	*s = suite_create("search");
	TCase	*tc = tcase_create("match");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_hyphen_space_case);
	tcase_add_test(tc, test_words_any_order);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(search_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
