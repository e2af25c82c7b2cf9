/* The table of body areas. */
#include "limber/area.h"

#include <stddef.h>
#include <string.h>

#include "limber/text.h"

const struct area area_table[] = {
	{ "hamstrings",	"Hamstrings",		1 },
	{ "hip-flexors","Hip flexors",		1 },
	{ "quads",	"Quads",		1 },
	{ "calves",	"Calves",		1 },
	{ "lats",	"Lats",			1 },
	{ "glutes",	"Glutes",		1 },
	{ "it-band",	"IT band / TFL",	1 },
	{ "adductors",	"Adductors",		1 },
	{ "upper-back",	"Upper back",		0 },
	{ "lower-back",	"Lower back",		0 },
	{ "chest",	"Chest",		1 },
	{ "shoulders",	"Shoulders",		1 },
	{ "neck",	"Neck",			1 },
	{ "feet",	"Feet",			1 },
};
const size_t area_count = sizeof area_table / sizeof area_table[0];

/*
 * The words people write for each area, folded (see text_fold): the id,
 * the singular and the common names. Only ids are ever written to files.
 */
static const struct text_alias area_words[] = {
	{ "hamstrings",		"hamstrings" },
	{ "hamstring",		"hamstrings" },
	{ "hip-flexors",	"hip-flexors" },
	{ "hip-flexor",		"hip-flexors" },
	{ "psoas",		"hip-flexors" },
	{ "quads",		"quads" },
	{ "quad",		"quads" },
	{ "quadriceps",		"quads" },
	{ "quadricep",		"quads" },
	{ "calves",		"calves" },
	{ "calf",		"calves" },
	{ "lats",		"lats" },
	{ "lat",		"lats" },
	{ "glutes",		"glutes" },
	{ "glute",		"glutes" },
	{ "it-band",		"it-band" },
	{ "it-bands",		"it-band" },
	{ "itb",		"it-band" },
	{ "iliotibial-band",	"it-band" },
	{ "tfl",		"it-band" },
	{ "adductors",		"adductors" },
	{ "adductor",		"adductors" },
	{ "groin",		"adductors" },
	{ "inner-thighs",	"adductors" },
	{ "inner-thigh",	"adductors" },
	{ "upper-back",		"upper-back" },
	{ "lower-back",		"lower-back" },
	{ "chest",		"chest" },
	{ "pecs",		"chest" },
	{ "pec",		"chest" },
	{ "shoulders",		"shoulders" },
	{ "shoulder",		"shoulders" },
	{ "neck",		"neck" },
	{ "feet",		"feet" },
	{ "foot",		"feet" },
};
#define AREA_NWORDS (sizeof area_words / sizeof area_words[0])

/* Index of the area with this id, or -1. */
int
area_find(const char *id)
{
	size_t	i;

	for (i = 0; i < area_count; i++) {
		if (area_table[i].id[0] == id[0] &&
		    strcmp(area_table[i].id, id) == 0)
			return (int)i;
	}
	return -1;
}

/* The id of an area index. */
const char *
area_id(int area)
{
	if (area < 0 || (size_t)area >= area_count)
		return "?";
	return area_table[area].id;
}

/* The display name of an area index. */
const char *
area_name(int area)
{
	if (area < 0 || (size_t)area >= area_count)
		return "?";
	return area_table[area].name;
}

/* Index of the area a person means: any case, singular, a common name. */
int
area_lookup(const char *text)
{
	const char	*id = text_alias_find(area_words, AREA_NWORDS, text);

	return id != NULL ? area_find(id) : -1;
}

/* The id of the area closest to a mistyped word, or NULL. */
const char *
area_suggest(const char *text)
{
	return text_alias_suggest(area_words, AREA_NWORDS, text);
}
