/* limber export: the hold log as CSV or JSON for other programs. */
#include "cmd/cmd.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "limber/export.h"
#include "limber/text.h"

/* The formats by name, in the order of enum export_format. */
static const char *const cmd_export_formats[] = { "csv", "json" };

/* Where the records go. */
struct cmd_export_out {
	enum export_format	 fmt;
	FILE			*f;
	long			 n;	/* records written */
};

/* Write one record, after the header if it is the first. */
static void
cmd_export_record(const struct log_entry *e, void *arg)
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
int
cmd_export(const struct cmd *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "since", required_argument, NULL, 's' },
		{ "until", required_argument, NULL, 'u' },
		{ "area", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct cmd_routines	cr = { NULL, 0 };
	struct cmd_filter	f;
	struct cmd_export_out	out = { EXPORT_CSV, stdout, 0 };
	int			opt, status, stop, fmt;

	cmd_filter_init(&f, -1);
	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (opt == 'f') {
			stop = cmd_choice(c, "--format", optarg,
			    cmd_export_formats, 2, &fmt);
			out.fmt = (enum export_format)fmt;
		}
		else if (opt == 's' || opt == 'u' || opt == 'a')
			stop = cmd_filter_option(c, &f, opt, optarg);
		else
			stop = cmd_option(c, opt, argc, argv, &cr);
		if (stop != CMD_CONTINUE)
			return stop;
	}
	if ((stop = cmd_no_args(c, argc, argv)) != CMD_CONTINUE ||
	    (stop = cmd_filter_check(c, &f)) != CMD_CONTINUE)
		return stop;
	/* The reader holds no lock, so a slow pager holds up no session. */
	status = cmd_log_each(&f, cmd_export_record, &out);
	return cmd_export_finish(&out, status);
}
