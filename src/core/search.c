/* Matching routines against typed words. */
#include "limber/search.h"

#include <stdlib.h>
#include <string.h>

#include "limber/area.h"
#include "limber/text.h"

/* The byte as the matcher compares it: lower case, '-' and '_' as ' '. */
static char
search_fold(char c)
{
	if (c >= 'A' && c <= 'Z')
		return (char)(c - 'A' + 'a');
	if (c == '-' || c == '_' || c == '\t' || c == '\n')
		return ' ';
	return c;
}

/* Append a folded field and a line break between it and the next. */
static void
search_add(struct strbuf *sb, const char *field)
{
	if (field == NULL)
		return;
	for (; *field != '\0'; field++)
		sb_addc(sb, search_fold(*field));
	sb_addc(sb, '\n');
}

/* Everything a query may match, folded, one field a line. */
static char *
search_text(const struct routine *r)
{
	struct strbuf	sb;
	size_t		i;

	sb_init(&sb);
	search_add(&sb, r->id);
	search_add(&sb, r->name);
	for (i = 0; i < r->nareas; i++) {
		search_add(&sb, area_id(r->areas[i]));
		search_add(&sb, area_name(r->areas[i]));
	}
	for (i = 0; i < r->ntags; i++)
		search_add(&sb, r->tags[i]);
	for (i = 0; i < r->nsteps; i++) {
		search_add(&sb, r->steps[i].name);
		search_add(&sb, r->steps[i].cue);
		search_add(&sb, area_name(r->steps[i].area));
	}
	return sb_take(&sb);
}

/* Whether a word names an area the routine works ("calf", "ITB"). */
static int
search_area_word(const struct routine *r, const char *word)
{
	int	area = area_lookup(word);

	return area >= 0 && routine_has_area(r, area);
}

/* Whether every word of the query is in the text or names an area of r. */
static int
search_words(const struct routine *r, const char *text, const char *query)
{
	char	*q = xstrdup(query), *word, *save = NULL, *p;
	int	 ok = 1;

	for (p = q; *p != '\0'; p++)
		*p = search_fold(*p);
	for (word = strtok_r(q, " ", &save); word != NULL && ok;
	    word = strtok_r(NULL, " ", &save))
		ok = strstr(text, word) != NULL || search_area_word(r, word);
	free(q);
	return ok;
}

/* Whether the routine matches the query. */
int
search_match(const struct routine *r, const char *query)
{
	char	*text;
	int	 ok;

	if (query == NULL || query[0] == '\0')
		return 1;
	text = search_text(r);
	ok = search_words(r, text, query);
	free(text);
	return ok;
}
