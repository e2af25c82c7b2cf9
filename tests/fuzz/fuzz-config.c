/* libFuzzer target: the settings file. */
#include <stdint.h>
#include <stdlib.h>

#include "limber/config.h"
#include "limber/diag.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Load one settings file's bytes over the defaults. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list	diags;
	struct config		cfg;
	size_t			i;

	config_init(&cfg);
	diag_init(&diags);
	if (config_load_buffer(&cfg, "config.yaml", (const char *)data, size,
	    &diags) != 0 && diags.errors == 0)
		abort();		/* refused without a reason */
	for (i = 0; i < diags.n; i++)
		free(diag_format(&diags.v[i]));
	diag_done(&diags);
	config_done(&cfg);
	return 0;
}
