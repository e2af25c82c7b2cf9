/*
 * The floor for `limber check`: read every file named (or every *.yaml
 * below a folder) and run libyaml's parser over it, keeping nothing.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

/* Parse one file to the end of its event stream; 0 if it parsed. */
static int
scan_file(const char *path)
{
	yaml_parser_t	 p;
	yaml_event_t	 ev;
	FILE		*f;
	int		 done = 0, ok = 1;

	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_file(&p, f);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			ok = 0;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	fclose(f);
	return ok ? 0 : -1;
}

/* Scan every *.yaml directly in a folder. */
static int
scan_dir(const char *dir)
{
	DIR		*d;
	struct dirent	*de;
	char		 path[4096];
	int		 bad = 0;
	size_t		 len;

	if ((d = opendir(dir)) == NULL)
		return scan_file(dir) != 0;
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len < 5 || strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		bad += scan_file(path) != 0;
	}
	closedir(d);
	return bad;
}

int
main(int argc, char **argv)
{
	int	i, bad = 0;

	for (i = 1; i < argc; i++)
		bad += scan_dir(argv[i]);
	printf("%d unparsable\n", bad);
	return bad != 0;
}
