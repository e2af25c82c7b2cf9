/* The footer, the help and the y/n question, all from key tables. */
#include "ui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "limber/text.h"

#define UI_HELP_LINES	32	/* lines a help box holds at most */

/* A key's name as this terminal shows it. */
static const char *
ui_key_name(const struct ui *ui, const struct ui_key *k)
{
	return !ui->utf8 && k->ascii != NULL ? k->ascii : k->name;
}

/* How many lines of a table go in the footer. */
static size_t
ui_footer_count(struct ui_keys keys)
{
	size_t	i, n = 0;

	for (i = 0; i < keys.n; i++)
		n += (keys.v[i].where & UI_FOOT) != 0;
	return n;
}

/*
 * The footer shortened by level: 0 in full, 1 with single spaces, and from
 * 2 on the last level - 1 keys by name alone.
 */
static void
ui_footer_text(const struct ui *ui, struct ui_keys keys, size_t level,
    struct strbuf *sb)
{
	size_t	i, j = 0, n = ui_footer_count(keys);

	for (i = 0; i < keys.n; i++) {
		if ((keys.v[i].where & UI_FOOT) == 0)
			continue;
		if (j > 0)
			sb_adds(sb, level == 0 ? "  " : " ");
		sb_adds(sb, ui_key_name(ui, &keys.v[i]));
		if (level < 2 || j + level - 1 < n)
			sb_addf(sb, " %s", keys.v[i].what);
		j++;
	}
	sb_addc(sb, '\0');
}

/* The footer, as short as it must be to fit the bottom line. */
void
ui_footer(const struct ui *ui, struct ui_keys keys)
{
	struct strbuf	sb;
	size_t		level, last = ui_footer_count(keys) + 1;

	for (level = 0;; level++) {
		sb_init(&sb);
		ui_footer_text(ui, keys, level, &sb);
		if ((int)text_width(sb.s) <= COLS - 2 || level >= last)
			break;
		sb_done(&sb);
	}
	ui_attr(UI_PAIR_DIM, 0, 1);
	ui_put(LINES - 1, 1, sb.s, COLS - 2);
	ui_attr(UI_PAIR_DIM, 0, 0);
	sb_done(&sb);
}

/* The help over a screen: its table's lines, and what to do after. */
struct ui_helpbox {
	const char	*title;
	char		*lines[UI_HELP_LINES];
	size_t		 n;
	ui_answer_fn	 done;
};

/* Add "name   what" to the help, the names in a column width wide. */
static void
ui_help_line(struct ui_helpbox *h, const char *name, const char *what,
    size_t width)
{
	struct strbuf	sb;
	size_t		w = text_width(name);

	if (h->n == UI_HELP_LINES)
		return;
	sb_init(&sb);
	sb_adds(&sb, name);
	while (w++ < width + 2)
		sb_addc(&sb, ' ');
	sb_adds(&sb, what);
	h->lines[h->n++] = sb_take(&sb);
}

/* The names keys have on the screen, where they are not their letter. */
static const struct {
	int		 code;
	const char	*name;
	const char	*ascii;
} ui_code_names[] = {
	{ ' ', "Space", NULL },
	{ '\r', "Enter", NULL },
	{ '\n', NULL, NULL },
	{ KEY_ENTER, NULL, NULL },
	{ '\t', "Tab", NULL },
	{ KEY_BTAB, "Shift-Tab", NULL },
	{ UI_ESC, "Esc", NULL },
	{ KEY_UP, "\xe2\x86\x91", "Up" },
	{ KEY_DOWN, "\xe2\x86\x93", "Down" },
	{ KEY_LEFT, "\xe2\x86\x90", "Left" },
	{ KEY_RIGHT, "\xe2\x86\x92", "Right" },
	{ KEY_PPAGE, "PgUp", NULL },
	{ KEY_NPAGE, "PgDn", NULL },
	{ KEY_HOME, "Home", NULL },
	{ KEY_END, "End", NULL },
	{ KEY_BACKSPACE, "Backspace", NULL },
	{ 127, NULL, NULL },
	{ 8, NULL, NULL },
};

/* Add a key code's name to the help's key column; nothing for aliases. */
static void
ui_code_name(const struct ui *ui, int code, struct strbuf *sb)
{
	size_t	i;

	for (i = 0; i < sizeof ui_code_names / sizeof ui_code_names[0]; i++) {
		if (ui_code_names[i].code != code)
			continue;
		if (ui_code_names[i].name == NULL)
			return;
		sb_addf(sb, "%s%s", sb->len > 0 ? " " : "", !ui->utf8 &&
		    ui_code_names[i].ascii != NULL ? ui_code_names[i].ascii :
		    ui_code_names[i].name);
		return;
	}
	if (code > 0 && code < 0x20)
		sb_addf(sb, "%sCtrl-%c", sb->len > 0 ? " " : "", code + '@');
	else if (ui_printable(code))
		sb_addf(sb, "%s%c", sb->len > 0 ? " " : "", code);
}

/* The help's name for a table line: its codes, or its name without any. */
static char *
ui_help_name(const struct ui *ui, const struct ui_key *k)
{
	struct strbuf	sb;
	size_t		i;

	sb_init(&sb);
	for (i = 0; i < sizeof k->codes / sizeof k->codes[0] &&
	    k->codes[i] != 0; i++)
		ui_code_name(ui, k->codes[i], &sb);
	if (sb.len == 0)
		sb_adds(&sb, ui_key_name(ui, k));
	return sb_take(&sb);
}

/* Fill the help from a key table, with the keys every screen has. */
static void
ui_help_fill(const struct ui *ui, struct ui_helpbox *h, struct ui_keys keys)
{
	char	*names[UI_HELP_LINES];
	size_t	 i, n = 0, width = strlen("Ctrl-C");

	for (i = 0; i < keys.n && n < UI_HELP_LINES; i++) {
		if ((keys.v[i].where & UI_HELP) == 0)
			continue;
		names[n] = ui_help_name(ui, &keys.v[i]);
		if (text_width(names[n]) > width)
			width = text_width(names[n]);
		n++;
	}
	for (i = n = 0; i < keys.n && n < UI_HELP_LINES; i++) {
		if ((keys.v[i].where & UI_HELP) == 0)
			continue;
		ui_help_line(h, names[n], keys.v[i].help != NULL ?
		    keys.v[i].help : keys.v[i].what, width);
		free(names[n++]);
	}
	ui_help_line(h, "Ctrl-C", "leave limber at once", width);
	ui_help_line(h, "any key", "close this help", width);
}

/* Draw the help box. */
static void
ui_help_draw(struct ui *ui, struct ui_screen *s)
{
	struct ui_helpbox	*h = s->data;

	(void)ui;
	ui_box_message(h->title, (const char *const *)h->lines, h->n);
}

/* The help's own keys: any key closes it. */
static struct ui_keys
ui_help_keys(struct ui *ui, struct ui_screen *s)
{
	static const struct ui_key keys[] = {
		{ { 0 }, "any key", NULL, "close the help", NULL, UI_FOOT, NULL,
		    0 },
	};
	struct ui_keys	k = UI_KEYS(keys);

	(void)ui;
	(void)s;
	return k;
}

/* Any key closes the help and tells the screen below. */
static int
ui_help_other(struct ui *ui, struct ui_screen *s, int key)
{
	struct ui_helpbox	*h = s->data;
	ui_answer_fn		 done = h->done;

	(void)key;
	ui_pop(ui);
	if (done != NULL)
		done(ui, ui_top(ui), 0);
	return 1;
}

/* Free the help. */
static void
ui_help_close(struct ui *ui, struct ui_screen *s)
{
	struct ui_helpbox	*h = s->data;
	size_t			 i;

	(void)ui;
	for (i = 0; i < h->n; i++)
		free(h->lines[i]);
	free(h);
}

static const struct ui_screen_ops ui_help_ops = {
	.name = "Keys",
	.draw = ui_help_draw,
	.keys = ui_help_keys,
	.other = ui_help_other,
	.close = ui_help_close,
	.modal = 1,
};

/* Show the keys of the screen on top over it. */
void
ui_help(struct ui *ui, ui_answer_fn done)
{
	struct ui_screen	*top = ui_top(ui);
	struct ui_helpbox	*h = xcalloc(1, sizeof *h);

	h->title = top->ops->name != NULL ? top->ops->name : "Keys";
	h->done = done;
	ui_help_fill(ui, h, top->ops->keys(ui, top));
	ui_push(ui, &ui_help_ops, h);
}

/* The '?' key of a table: the help, nothing to do after. */
void
ui_help_key(struct ui *ui, struct ui_screen *s, int key, int arg)
{
	(void)s;
	(void)key;
	(void)arg;
	ui_help(ui, NULL);
}

/* A y/n question: its words and its own two-line key table. */
struct ui_question {
	char		 text[160];
	struct ui_key	 keys[2];
	ui_answer_fn	 answer;
};

/* Rows an answer may take in the question's box, both answers together. */
#define UI_ASK_LINES	8

/*
 * Add an answer to lines from n on: "y  what", wrapped to the screen with
 * its continuation under the words. Returns the new count.
 */
static size_t
ui_ask_lines(const char *key, const char *what, char **lines, size_t n)
{
	char	**wrapped;
	size_t	  count, i;
	int	  width = COLS - 7;

	wrapped = text_wrap(what, width > 8 ? (size_t)width : 8, &count);
	for (i = 0; i < count && n < UI_ASK_LINES; i++)
		lines[n++] = xasprintf("%-3s%s", i == 0 ? key : "",
		    wrapped[i]);
	text_lines_free(wrapped);
	return n;
}

/* Draw the question with what each answer does. */
static void
ui_ask_draw(struct ui *ui, struct ui_screen *s)
{
	struct ui_question	*q = s->data;
	char			*lines[UI_ASK_LINES];
	size_t			 n = 0, i;

	(void)ui;
	n = ui_ask_lines(q->keys[0].name, q->keys[0].what, lines, n);
	n = ui_ask_lines(q->keys[1].name, q->keys[1].what, lines, n);
	ui_box_message(q->text, (const char *const *)lines, n);
	for (i = 0; i < n; i++)
		free(lines[i]);
}

/* The question's keys. */
static struct ui_keys
ui_ask_keys(struct ui *ui, struct ui_screen *s)
{
	struct ui_question	*q = s->data;
	struct ui_keys		 k = { q->keys, 2 };

	(void)ui;
	return k;
}

/* Close the question and give its answer to the screen below. */
static void
ui_ask_answer(struct ui *ui, struct ui_screen *s, int key, int yes)
{
	struct ui_question	*q = s->data;
	ui_answer_fn		 answer = q->answer;

	(void)key;
	ui_pop(ui);
	answer(ui, ui_top(ui), yes);
}

/* Every other key is the question's too, and does nothing. */
static int
ui_ask_other(struct ui *ui, struct ui_screen *s, int key)
{
	(void)ui;
	(void)s;
	(void)key;
	return 1;
}

/* Free the question. */
static void
ui_ask_close(struct ui *ui, struct ui_screen *s)
{
	(void)ui;
	free(s->data);
}

static const struct ui_screen_ops ui_ask_ops = {
	.name = "Question",
	.draw = ui_ask_draw,
	.keys = ui_ask_keys,
	.other = ui_ask_other,
	.close = ui_ask_close,
	.modal = 1,
};

/* Ask a y/n question over the top screen. */
void
ui_ask(struct ui *ui, const char *question, const char *yes, const char *no,
    ui_answer_fn answer)
{
	struct ui_question	*q = xcalloc(1, sizeof *q);
	const struct ui_key	 y = { { 'y', 'Y' }, "y", NULL, yes, NULL,
				    UI_FOOT, ui_ask_answer, 1 };
	const struct ui_key	 n = { { 'n', 'N', UI_ESC }, "n", NULL, no,
				    NULL, UI_FOOT, ui_ask_answer, 0 };

	snprintf(q->text, sizeof q->text, "%s", question);
	q->keys[0] = y;
	q->keys[1] = n;
	q->answer = answer;
	ui_push(ui, &ui_ask_ops, q);
}
