/* The body areas limber knows, in one table. */
#ifndef LIMBER_AREA_H
#define LIMBER_AREA_H

#include <stddef.h>

struct area {
	const char	*id;		/* "hip-flexors" */
	const char	*name;		/* "Hip flexors" */
	int		 sided;		/* has a left and a right */
};

extern const struct area area_table[];
extern const size_t area_count;

/* The index of an id exactly as the log writes it, or -1. */
int		 area_find(const char *id);
/*
 * The index of the area a person means, or -1: the id or a common name in
 * any case, with spaces, '-' and '_' alike ("Calf", "hip flexor", "ITB").
 */
int		 area_lookup(const char *text);
const char	*area_id(int area);
const char	*area_name(int area);
/* The id of the area closest to a mistyped word, or NULL. */
const char	*area_suggest(const char *text);

#endif
