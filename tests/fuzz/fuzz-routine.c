/*
 * libFuzzer target: whole routine files through the YAML reader, the
 * loader and the dose check. Anything that is not a valid routine must be
 * refused with at least one error that has a position.
 */
#include <stdint.h>
#include <stdlib.h>

#include "limber/diag.h"
#include "limber/routine.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Load one file's bytes. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list	 diags;
	struct routine		*r;
	size_t			 i;

	diag_init(&diags);
	r = routine_load_buffer("fuzz.yaml", (const char *)data, size,
	    &diags);
	if (r != NULL)
		routine_check_dose(r, &diags);
	else if (diags.errors == 0)
		abort();		/* refused without a reason */
	for (i = 0; i < diags.n; i++)
		free(diag_format(&diags.v[i]));
	routine_free(r);
	diag_done(&diags);
	return 0;
}
