/* limber export: the hold log as CSV or JSON for other programs. */
#include "cmd/cmd.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "limber/export.h"
#include "limber/text.h"

/* The formats by name, in the order of enum export_format. */
static const char *const cmd_export_formats[] = { "csv", "json" };
#define CMD_EXPORT_NFORMATS \
	(sizeof cmd_export_formats / sizeof cmd_export_formats[0])

static int	cmd_export(const struct cmd_entry *, const struct args *);

static const struct cmd_option cmd_export_options[] = {
	{ "since", 's', "DATE",
	    "from this date (YYYY-MM-DD, or 30d or 12w ago)", 0 },
	{ "until", 'u', "DATE", "to this date (default: the last record)", 0 },
	{ "area", 'a', "AREA", "only holds of AREA (e.g. calves)", 0 },
	{ "format", 'f', "FMT", "csv (the default) or json", 0 },
	{ NULL, 0, NULL, NULL, 0 },
};

const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.summary = "write the hold log as CSV or JSON for other programs",
	.options = cmd_export_options,
	.args = { "", 0, 0, NULL, NULL },
	.exec = cmd_export,
};

/* Where the records go. */
struct cmd_export_out {
	enum export_format	 fmt;
	FILE			*f;
	long			 n;	/* records written */
};

/* Write one record, after the header if it is the first. */
static void
cmd_export_record(const struct holdlog_entry *e, void *arg)
{
	struct cmd_export_out	*out = arg;

	if (out->n == 0)
		export_begin(out->f, out->fmt);
	export_record(out->f, out->fmt, e, out->n++ == 0);
}

/* Finish the output; the exit status. */
static int
cmd_export_finish(struct cmd_export_out *out, int status)
{
	/* A log that cannot be read gives no output, not an empty one. */
	if (status == 0 && out->n == 0)
		export_begin(out->f, out->fmt);
	if (status == 0 || out->n > 0)
		export_end(out->f, out->fmt);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "limber export: cannot write the output: %s\n",
		    strerror(errno));
		return 1;
	}
	return status;
}

/* Write every record in range. */
static int
cmd_export(const struct cmd_entry *e, const struct args *a)
{
	struct cmd_filter	f;
	struct cmd_export_out	out = { EXPORT_CSV, stdout, 0 };
	int			status, stop, fmt = EXPORT_CSV;

	cmd_filter_init(&f, -1);
	if ((stop = cmd_choice(e, a, 'f', cmd_export_formats,
	    CMD_EXPORT_NFORMATS, &fmt)) != CMD_CONTINUE ||
	    (stop = cmd_filter_args(e, &f, a)) != CMD_CONTINUE)
		return stop;
	out.fmt = (enum export_format)fmt;
	/* The reader holds no lock, so a slow pager holds up no session. */
	status = cmd_log_each(&f, cmd_export_record, &out);
	return cmd_export_finish(&out, status);
}
