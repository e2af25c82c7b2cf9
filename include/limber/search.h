/*
 * Finding routines by what a person types: "it band", "calf wall",
 * "Hip-Flexors". A query matches a routine when every word of it appears
 * somewhere in the routine's id, name, areas (id or display name), tags,
 * step names or cues, or names one of its areas the way area_lookup reads
 * it ("calf", "ITB"): words in any order, ASCII case ignored, and hyphens,
 * underscores and spaces alike.
 */
#ifndef LIMBER_SEARCH_H
#define LIMBER_SEARCH_H

#include "limber/routine.h"

/* Whether the routine matches the query; an empty query matches all. */
int	search_match(const struct routine *, const char *query);

#endif
