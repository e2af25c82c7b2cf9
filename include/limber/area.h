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

int		 area_find(const char *id);	/* index, or -1 */
const char	*area_id(int area);
const char	*area_name(int area);
const char	*area_suggest(const char *id);	/* closest id, or NULL */

#endif
