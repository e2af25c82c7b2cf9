/*
 * Tests for the settings file: config_init(), config_load() with every
 * diagnostic at its position, color as another spelling of colour,
 * config_missing() and config_path().
 */
#define _POSIX_C_SOURCE 200809L

#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "limber/area.h"
#include "limber/config.h"
#include "limber/diag.h"

/* A folder made for one test, holding at most config.yaml. */
struct fixture {
	char	dir[64];
	char	path[96];
};

/* A bad file and the one error it must give. */
struct bad_case {
	const char	*text;
	int		 line;
	int		 col;
	const char	*msg;	/* a substring of the message */
};

static const struct bad_case bad_cases[] = {
	{ "prepare: -1s\n", 1, 10, "negative" },
	{ "prepare: 61s\n", 1, 10, "out of range (0s to 1m)" },
	{ "prepare: abc\n", 1, 10, "invalid duration 'abc'" },
	{ "prepare:\n", 1, 1, "'prepare' is empty" },
	{ "prepare: ''\n", 1, 10, "'prepare' is empty" },
	{ "prepare: ~\n", 1, 10, "'prepare' is null" },
	{ "prepare: [5s]\n", 1, 10, "found a list" },
	{ "prepare:\n  - 5s\n", 2, 3, "found a list" },
	{ "switch: 2m\n", 1, 9, "out of range" },
	{ "bell: maybe\n", 1, 7, "unknown value 'maybe' for 'bell'" },
	{ "bell: {a: 1}\n", 1, 7, "found a mapping" },
	{ "colour: rainbow\n", 1, 9, "expected auto, always or never" },
	{ "colour: nevr\n", 1, 9, "did you mean 'never'?" },
	{ "bel: true\n", 1, 1, "unknown key 'bel' (did you mean 'bell'?)" },
	{ "colr: never\n", 1, 1, "did you mean 'colo" },
	{ "color: rainbow\n", 1, 8, "unknown value 'rainbow' for 'color' "
	    "(expected auto, always or never)" },
	{ "colour: auto\ncolor: always\n", 2, 1, "duplicate key 'color' "
	    "(first at 1:1 as 'colour')" },
	{ "color: auto\ncolour: always\n", 2, 1, "duplicate key 'colour' "
	    "(first at 1:1 as 'color')" },
	{ "color: auto\ncolor: never\n", 2, 1, "duplicate key 'color' "
	    "(first at 1:1)" },
	{ "zzz: 1\n", 1, 1, "known keys: prepare, switch, bell, colour" },
	{ "bell: true\nbell: false\n", 2, 1, "duplicate key 'bell' (first "
	    "at 1:1)" },
	{ "[a, b]: 1\n", 1, 1, "a key must be plain text" },
	{ "- prepare: 5s\n", 1, 1, "must be a mapping" },
	{ "just text\n", 1, 1, "must be a mapping" },
	{ "targets:\n", 1, 1, "'targets' is empty" },
	{ "targets: [calves]\n", 1, 10, "found a list" },
	{ "targets:\n  calf:\n    days: 3\n", 2, 3,
	    "unknown area 'calf' (did you mean 'calves'?)" },
	{ "targets:\n  elbow: {}\n", 2, 3, "known areas: hamstrings" },
	{ "targets:\n  calves: {days: 3}\n  calves: {days: 4}\n", 3, 3,
	    "duplicate area 'calves'" },
	{ "targets:\n  calves:\n", 2, 3, "'calves' is empty" },
	{ "targets:\n  calves: 3\n", 2, 11, "must be a mapping such as" },
	{ "targets:\n  calves:\n    days: 0\n", 3, 11,
	    "days 0 is out of range (1 to 7)" },
	{ "targets:\n  calves:\n    days: 8\n", 3, 11,
	    "days 8 is out of range (1 to 7)" },
	{ "targets:\n  calves:\n    days: 2.5\n", 3, 11,
	    "must be a whole number from 1 to 7" },
	{ "targets:\n  calves:\n    seconds: 5s\n", 3, 14,
	    "seconds 5s is out of range (10s to 10m)" },
	{ "targets:\n  calves:\n    second: 30s\n", 3, 5,
	    "did you mean 'seconds'?" },
};

/* Every diagnostic as "line:col: msg | ...", in a static buffer. */
static const char *
describe(const struct diag_list *dl)
{
	static char	buf[4096];
	size_t		i, used = 0;
	int		w;

	buf[0] = '\0';
	if (dl->n == 0)
		return "(no diagnostics)";
	for (i = 0; i < dl->n && used < sizeof buf - 1; i++) {
		w = snprintf(buf + used, sizeof buf - used, "%s%d:%d: %s",
		    i > 0 ? " | " : "", dl->v[i].line, dl->v[i].col,
		    dl->v[i].msg);
		if (w < 0)
			break;
		used += (size_t)w;
	}
	return buf;
}

/* Make a fresh folder; the file in it is not written yet. */
static void
fixture_open(struct fixture *fx)
{
	snprintf(fx->dir, sizeof fx->dir, "/tmp/limber-check-config-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(fx->dir));
	snprintf(fx->path, sizeof fx->path, "%s/config.yaml", fx->dir);
}

/* Write text as the fixture's config.yaml. */
static void
fixture_write(struct fixture *fx, const char *text)
{
	FILE	*f;

	ck_assert_ptr_nonnull(f = fopen(fx->path, "w"));
	ck_assert_uint_eq(fwrite(text, 1, strlen(text), f), strlen(text));
	ck_assert_int_eq(fclose(f), 0);
}

/* Remove the file, if any, and the folder. */
static void
fixture_close(struct fixture *fx)
{
	if (unlink(fx->path) != 0)
		ck_assert_int_eq(errno, ENOENT);
	ck_assert_int_eq(rmdir(fx->dir), 0);
}

/* Load text over the defaults in cfg; returns config_load's result. */
static int
load_text(const char *text, struct config *cfg, struct diag_list *dl)
{
	struct fixture	fx;
	size_t		i;
	int		r;

	fixture_open(&fx);
	fixture_write(&fx, text);
	config_init(cfg);
	diag_init(dl);
	r = config_load(cfg, fx.path, dl);
	for (i = 0; i < dl->n; i++)
		ck_assert_str_eq(dl->v[i].file, fx.path);
	fixture_close(&fx);
	return r;
}

/* Load text that must be good. */
static void
load_good(const char *text, struct config *cfg)
{
	struct diag_list	dl;
	int			r;

	r = load_text(text, cfg, &dl);
	ck_assert_msg(r == 0 && dl.n == 0, "refused %s: %s", text,
	    describe(&dl));
	diag_done(&dl);
}

/* Whether cfg holds exactly the defaults. */
static void
check_defaults(const struct config *cfg)
{
	size_t	i;

	ck_assert_int_eq(cfg->prepare, CONFIG_PREPARE_DEFAULT);
	ck_assert_int_eq(cfg->switch_secs, CONFIG_SWITCH_DEFAULT);
	ck_assert_int_eq(cfg->bell, 1);
	ck_assert_int_eq(cfg->colour, COLOUR_AUTO);
	ck_assert_ptr_nonnull(cfg->targets);
	for (i = 0; i < area_count; i++) {
		ck_assert_int_eq(cfg->targets[i].days, CONFIG_DAYS_DEFAULT);
		ck_assert_int_eq(cfg->targets[i].seconds,
		    CONFIG_SECONDS_DEFAULT);
	}
}

/* Check one diagnostic's position and message. */
static void
check_diag(const struct diag_list *dl, size_t i, int line, int col,
    const char *msg)
{
	ck_assert_msg(i < dl->n, "no diagnostic %zu: %s", i, describe(dl));
	ck_assert_msg(dl->v[i].level == DIAG_ERROR && dl->v[i].line == line &&
	    dl->v[i].col == col && strstr(dl->v[i].msg, msg) != NULL,
	    "diagnostic %zu: want %d:%d: ...%s...; got %s", i, line, col, msg,
	    describe(dl));
}

START_TEST(test_defaults)
{
	struct config	cfg;

	config_init(&cfg);
	check_defaults(&cfg);
	config_done(&cfg);
	ck_assert_ptr_null(cfg.targets);
}
END_TEST

START_TEST(test_every_key)
{
	struct config	cfg;
	int		calves = area_find("calves"), neck = area_find("neck");
	size_t		i;

	load_good("prepare: 10s\n"
	    "switch: 0\n"
	    "bell: false\n"
	    "colour: never\n"
	    "targets:\n"
	    "  calves: {days: 5, seconds: 2m}\n"
	    "  neck:\n"
	    "    days: 7\n", &cfg);
	ck_assert_int_eq(cfg.prepare, 10);
	ck_assert_int_eq(cfg.switch_secs, 0);
	ck_assert_int_eq(cfg.bell, 0);
	ck_assert_int_eq(cfg.colour, COLOUR_NEVER);
	ck_assert_int_eq(cfg.targets[calves].days, 5);
	ck_assert_int_eq(cfg.targets[calves].seconds, 120);
	ck_assert_int_eq(cfg.targets[neck].days, 7);
	ck_assert_int_eq(cfg.targets[neck].seconds, CONFIG_SECONDS_DEFAULT);
	for (i = 0; i < area_count; i++) {
		if ((int)i == calves || (int)i == neck)
			continue;
		ck_assert_int_eq(cfg.targets[i].days, CONFIG_DAYS_DEFAULT);
	}
	config_done(&cfg);
}
END_TEST

START_TEST(test_limits)
{
	struct config	cfg;
	int		feet = area_find("feet");

	load_good("prepare: 1m\nswitch: 60\ncolour: always\n"
	    "targets: {feet: {days: 1, seconds: 10m}}\n", &cfg);
	ck_assert_int_eq(cfg.prepare, 60);
	ck_assert_int_eq(cfg.switch_secs, 60);
	ck_assert_int_eq(cfg.colour, COLOUR_ALWAYS);
	ck_assert_int_eq(cfg.targets[feet].days, 1);
	ck_assert_int_eq(cfg.targets[feet].seconds, 600);
	config_done(&cfg);
	load_good("colour: auto\nprepare: 0s\ntargets: {}\n", &cfg);
	ck_assert_int_eq(cfg.colour, COLOUR_AUTO);
	ck_assert_int_eq(cfg.prepare, 0);
	config_done(&cfg);
}
END_TEST

START_TEST(test_color)
{
	static const struct {
		const char		*text;
		enum config_colour	 colour;
	} words[] = {
		{ "color: never\n", COLOUR_NEVER },
		{ "color: always\n", COLOUR_ALWAYS },
		{ "color: auto\n", COLOUR_AUTO },
		{ "color: Never\nbell: false\n", COLOUR_NEVER },
		{ "colour: never\n", COLOUR_NEVER },
	};
	struct config	cfg;
	size_t		i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		load_good(words[i].text, &cfg);
		ck_assert_msg(cfg.colour == words[i].colour, "%s",
		    words[i].text);
		config_done(&cfg);
	}
}
END_TEST

START_TEST(test_flag_words)
{
	static const struct {
		const char	*text;
		int		 bell;
	} words[] = {
		{ "bell: true\n", 1 }, { "bell: false\n", 0 },
		{ "bell: yes\n", 1 }, { "bell: no\n", 0 },
		{ "bell: on\n", 1 }, { "bell: off\n", 0 },
		{ "bell: True\n", 1 }, { "bell: OFF\n", 0 },
	};
	struct config	cfg;
	size_t		i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		load_good(words[i].text, &cfg);
		ck_assert_msg(cfg.bell == words[i].bell, "%s", words[i].text);
		config_done(&cfg);
	}
}
END_TEST

START_TEST(test_missing_file)
{
	struct fixture		fx;
	struct config		cfg;
	struct diag_list	dl;
	char			*deeper;

	fixture_open(&fx);
	config_init(&cfg);
	diag_init(&dl);
	ck_assert_int_eq(config_missing(fx.path), 1);
	ck_assert_int_eq(config_load(&cfg, fx.path, &dl), 0);
	ck_assert_uint_eq(dl.n, 0);
	deeper = malloc(strlen(fx.dir) + 32);
	ck_assert_ptr_nonnull(deeper);
	sprintf(deeper, "%s/limber/config.yaml", fx.dir);
	ck_assert_int_eq(config_missing(deeper), 1);
	ck_assert_int_eq(config_load(&cfg, deeper, &dl), 0);
	ck_assert_uint_eq(dl.n, 0);
	check_defaults(&cfg);
	fixture_write(&fx, "");
	ck_assert_int_eq(config_missing(fx.path), 0);
	free(deeper);
	diag_done(&dl);
	config_done(&cfg);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_empty_file)
{
	struct config	cfg;

	load_good("", &cfg);
	check_defaults(&cfg);
	config_done(&cfg);
}
END_TEST

START_TEST(test_comments_only)
{
	struct config	cfg;

	load_good("# limber settings\n\n  # prepare: 10s\n", &cfg);
	check_defaults(&cfg);
	config_done(&cfg);
	load_good("---\n# nothing yet\n", &cfg);
	check_defaults(&cfg);
	config_done(&cfg);
}
END_TEST

START_TEST(test_keeps_earlier)
{
	struct fixture		fx;
	struct config		cfg;
	struct diag_list	dl;

	fixture_open(&fx);
	fixture_write(&fx, "bell: maybe\nswitch: 7\n");
	config_init(&cfg);
	cfg.bell = 0;
	cfg.prepare = 9;
	diag_init(&dl);
	ck_assert_int_eq(config_load(&cfg, fx.path, &dl), -1);
	ck_assert_uint_eq(dl.n, 1);
	ck_assert_int_eq(cfg.bell, 0);
	ck_assert_int_eq(cfg.prepare, 9);
	ck_assert_int_eq(cfg.switch_secs, 7);
	diag_done(&dl);
	config_done(&cfg);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_bad_value)
{
	const struct bad_case	*c = &bad_cases[_i];
	struct config		 cfg;
	struct diag_list	 dl;

	ck_assert_int_eq(load_text(c->text, &cfg, &dl), -1);
	ck_assert_msg(dl.n == 1 && dl.errors == 1, "%s: %s", c->text,
	    describe(&dl));
	check_diag(&dl, 0, c->line, c->col, c->msg);
	check_defaults(&cfg);
	diag_done(&dl);
	config_done(&cfg);
}
END_TEST

START_TEST(test_several_bad)
{
	struct config		cfg;
	struct diag_list	dl;
	int			neck = area_find("neck");

	ck_assert_int_eq(load_text("prepare: 61s\n"
	    "switch: 10s\n"
	    "bel: no\n"
	    "colour: rainbow\n"
	    "targets:\n"
	    "  calf: {days: 3}\n"
	    "  neck:\n"
	    "    days: 8\n"
	    "    seconds: 30s\n"
	    "color: never\n", &cfg, &dl), -1);
	ck_assert_msg(dl.n == 6 && dl.errors == 6, "%s", describe(&dl));
	check_diag(&dl, 0, 1, 10, "out of range");
	check_diag(&dl, 1, 3, 1, "did you mean 'bell'?");
	check_diag(&dl, 2, 4, 9, "unknown value 'rainbow'");
	check_diag(&dl, 3, 6, 3, "did you mean 'calves'?");
	check_diag(&dl, 4, 8, 11, "out of range");
	check_diag(&dl, 5, 10, 1, "duplicate key 'color' (first at 4:1 as "
	    "'colour')");
	ck_assert_int_eq(cfg.prepare, CONFIG_PREPARE_DEFAULT);
	ck_assert_int_eq(cfg.switch_secs, 10);
	ck_assert_int_eq(cfg.bell, 1);
	ck_assert_int_eq(cfg.colour, COLOUR_AUTO);
	ck_assert_int_eq(cfg.targets[neck].days, CONFIG_DAYS_DEFAULT);
	ck_assert_int_eq(cfg.targets[neck].seconds, 30);
	diag_done(&dl);
	config_done(&cfg);
}
END_TEST

START_TEST(test_many_bad)
{
	struct config		cfg;
	struct diag_list	dl;
	char			text[8192];
	size_t			used = 0;
	int			i;

	for (i = 0; i < 200; i++)
		used += (size_t)snprintf(text + used, sizeof text - used,
		    "k%d: 1\n", i);
	ck_assert_int_eq(load_text(text, &cfg, &dl), -1);
	ck_assert_msg(dl.n > 1 && dl.n < 100, "%zu diagnostics", dl.n);
	ck_assert_ptr_nonnull(strstr(dl.v[dl.n - 1].msg, "too many errors"));
	diag_done(&dl);
	config_done(&cfg);
}
END_TEST

START_TEST(test_tab_indent)
{
	struct config		cfg;
	struct diag_list	dl;

	ck_assert_int_eq(load_text("targets:\n\tcalves: {days: 3}\n", &cfg,
	    &dl), -1);
	ck_assert_msg(dl.n == 1 && dl.errors == 1, "%s", describe(&dl));
	ck_assert_msg(dl.v[0].line == 2 && strstr(dl.v[0].msg, "tab") != NULL,
	    "%s", describe(&dl));
	check_defaults(&cfg);
	diag_done(&dl);
	config_done(&cfg);
}
END_TEST

START_TEST(test_path)
{
	char	*p;

	ck_assert_int_eq(setenv("XDG_CONFIG_HOME", "/tmp/limber-xdg", 1), 0);
	ck_assert_ptr_nonnull(p = config_path());
	ck_assert_str_eq(p, "/tmp/limber-xdg/limber/config.yaml");
	free(p);
	ck_assert_int_eq(setenv("XDG_CONFIG_HOME", "/tmp/limber-xdg//", 1), 0);
	ck_assert_ptr_nonnull(p = config_path());
	ck_assert_str_eq(p, "/tmp/limber-xdg/limber/config.yaml");
	free(p);
	ck_assert_int_eq(setenv("HOME", "/home/limber-test", 1), 0);
	ck_assert_int_eq(setenv("XDG_CONFIG_HOME", "relative", 1), 0);
	ck_assert_ptr_nonnull(p = config_path());
	ck_assert_str_eq(p, "/home/limber-test/.config/limber/config.yaml");
	free(p);
	ck_assert_int_eq(unsetenv("XDG_CONFIG_HOME"), 0);
	ck_assert_ptr_nonnull(p = config_path());
	ck_assert_str_eq(p, "/home/limber-test/.config/limber/config.yaml");
	free(p);
}
END_TEST

/* All the tests, in two cases. */
static Suite *
config_suite(void)
{
	Suite	*s = suite_create("config");
	TCase	*tc;

	tc = tcase_create("good");
	tcase_add_test(tc, test_defaults);
	tcase_add_test(tc, test_every_key);
	tcase_add_test(tc, test_limits);
	tcase_add_test(tc, test_flag_words);
	tcase_add_test(tc, test_color);
	tcase_add_test(tc, test_missing_file);
	tcase_add_test(tc, test_empty_file);
	tcase_add_test(tc, test_comments_only);
	tcase_add_test(tc, test_path);
	suite_add_tcase(s, tc);

	tc = tcase_create("bad");
	tcase_add_loop_test(tc, test_bad_value, 0,
	    (int)(sizeof bad_cases / sizeof bad_cases[0]));
	tcase_add_test(tc, test_several_bad);
	tcase_add_test(tc, test_many_bad);
	tcase_add_test(tc, test_keeps_earlier);
	tcase_add_test(tc, test_tab_indent);
	suite_add_tcase(s, tc);
	return s;
}

/* Run the suite; the exit status says whether every test passed. */
int
main(void)
{
	SRunner	*sr;
	int	 failed;

	sr = srunner_create(config_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
