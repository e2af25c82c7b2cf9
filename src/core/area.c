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

/* The known id closest to a mistyped one, or NULL. */
const char *
area_suggest(const char *id)
{
	const char	*ids[sizeof area_table / sizeof area_table[0]];
	size_t		 i;

	for (i = 0; i < area_count; i++)
		ids[i] = area_table[i].id;
	return text_suggest(id, ids, area_count);
}
