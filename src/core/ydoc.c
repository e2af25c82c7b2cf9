/* A YAML tree from libyaml's event stream, built with an explicit stack. */
#include "limber/ydoc.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <yaml.h>

#include "limber/paths.h"
#include "limber/text.h"

#define YDOC_CHUNK	(64 * 1024)

struct ydoc_chunk {
	struct ydoc_chunk	*next;
	size_t			 used;
	size_t			 size;
	_Alignas(max_align_t) unsigned char data[];
};

/* A container being filled while its events arrive. */
struct ydoc_open {
	struct ynode	 *node;
	struct ynode	**kids;
	size_t		  n;
	size_t		  cap;
};

struct ydoc_parser {
	struct ydoc		*doc;
	const char		*buf;
	size_t			 len;
	struct diag_list	*diags;
	struct ydoc_open	 stack[YDOC_DEPTH_MAX];
	size_t			 depth;
	int			 documents;
};

/* Bump-allocate size bytes from the document's arena. */
static void *
ydoc_alloc(struct ydoc *doc, size_t size)
{
	struct ydoc_chunk	*c = doc->chunks;
	size_t			 align = _Alignof(max_align_t), want;
	void			*p;

	size = (size + align - 1) / align * align;
	if (c == NULL || c->size - c->used < size) {
		want = size > YDOC_CHUNK ? size : YDOC_CHUNK;
		c = xmalloc(sizeof *c + want);
		c->size = want;
		c->used = 0;
		c->next = doc->chunks;
		doc->chunks = c;
	}
	p = c->data + c->used;
	c->used += size;
	return p;
}

/* Free a document's nodes. */
void
ydoc_free(struct ydoc *doc)
{
	struct ydoc_chunk	*c, *next;

	for (c = doc->chunks; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	doc->chunks = NULL;
	doc->root = NULL;
}

/*
 * Line and column (1-based, columns in characters) of a byte offset, the
 * way libyaml counts them: a byte order mark takes no column.
 */
static void
ydoc_position(const char *buf, size_t len, size_t off, int *line, int *col)
{
	size_t		i = 0, n;
	uint32_t	cp;
	int		l = 1, c = 1;

	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	if (off > len)
		off = len;
	while (i < off) {
		if (buf[i] == '\n' || (buf[i] == '\r' &&
		    (i + 1 >= len || buf[i + 1] != '\n'))) {
			l++;
			c = 1;
			i++;
			continue;
		}
		n = utf8_decode(buf + i, len - i, &cp);
		if (buf[i] != '\r')
			c++;
		i += n;
	}
	*line = l;
	*col = c;
}

/* The byte offset of a libyaml mark (0-based line and column). */
static size_t
ydoc_offset(const char *buf, size_t len, const yaml_mark_t *m)
{
	size_t		i = 0, line = 0, col = 0;
	uint32_t	cp;

	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && line < m->line) {
		if (buf[i] == '\n' || (buf[i] == '\r' &&
		    (i + 1 >= len || buf[i + 1] != '\n')))
			line++;
		i++;
	}
	while (i < len && col < m->column) {
		i += utf8_decode(buf + i, len - i, &cp);
		col++;
	}
	return i;
}

/* Report an error at a libyaml mark. */
static void
ydoc_error(struct ydoc_parser *yp, const yaml_mark_t *m, const char *msg)
{
	diag_add(yp->diags, DIAG_ERROR, yp->doc->file, (int)m->line + 1,
	    (int)m->column + 1, "%s", msg);
}

/* Report an error at a byte offset. */
static void
ydoc_error_at(struct ydoc_parser *yp, size_t off, const char *msg)
{
	int	line, col;

	ydoc_position(yp->buf, yp->len, off, &line, &col);
	diag_add(yp->diags, DIAG_ERROR, yp->doc->file, line, col, "%s", msg);
}

/* Whether the tab at off stands in the indentation of its line. */
static int
ydoc_tab_indent(const char *buf, size_t off)
{
	while (off > 0 && buf[off - 1] != '\n' && buf[off - 1] != '\r') {
		off--;
		if (buf[off] != ' ' && buf[off] != '\t' && buf[off] != '-')
			return 0;
	}
	return 1;
}

/* Turn libyaml's failure into one error with a position. */
static void
ydoc_syntax_error(struct ydoc_parser *yp, yaml_parser_t *p)
{
	const char	*problem = p->problem != NULL ? p->problem : "error";
	const char	*context = p->context;
	size_t		 off;
	char		*msg;

	if (p->error == YAML_READER_ERROR) {
		if (strstr(problem, "control") != NULL)
			msg = xasprintf("control character 0x%02X is not "
			    "allowed (write it as an escape in a double-quoted "
			    "string)", (unsigned)p->problem_value);
		else
			msg = xasprintf("invalid UTF-8 (%s)", problem);
		ydoc_error_at(yp, p->problem_offset, msg);
		free(msg);
		return;
	}
	off = ydoc_offset(yp->buf, yp->len, &p->problem_mark);
	if (off < yp->len && yp->buf[off] == '\t') {
		ydoc_error(yp, &p->problem_mark, ydoc_tab_indent(yp->buf, off) ?
		    "tab character in indentation; indent with spaces" :
		    "tab character not allowed here; use spaces");
		return;
	}
	if (context != NULL && strstr(context, "quoted scalar") != NULL &&
	    strstr(problem, "end of stream") != NULL) {
		ydoc_error(yp, &p->context_mark,
		    "unterminated quoted string (no closing quote)");
		return;
	}
	if (context != NULL)
		msg = xasprintf("invalid YAML: %s (%s at line %zu column %zu)",
		    problem, context, (size_t)p->context_mark.line + 1,
		    (size_t)p->context_mark.column + 1);
	else
		msg = xasprintf("invalid YAML: %s", problem);
	ydoc_error(yp, &p->problem_mark, msg);
	free(msg);
}

/* A new node at an event's start. */
static struct ynode *
ydoc_node(struct ydoc_parser *yp, enum ynode_type type, const yaml_event_t *ev)
{
	struct ynode	*n = ydoc_alloc(yp->doc, sizeof *n);

	memset(n, 0, sizeof *n);
	n->type = type;
	n->line = (int)ev->start_mark.line + 1;
	n->col = (int)ev->start_mark.column + 1;
	n->str = "";
	return n;
}

/* Hang a finished node on its parent, or make it the root. */
static void
ydoc_attach(struct ydoc_parser *yp, struct ynode *n)
{
	struct ydoc_open	*o;

	if (yp->depth == 0) {
		yp->doc->root = n;
		return;
	}
	o = &yp->stack[yp->depth - 1];
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 8;
		o->kids = xreallocarray(o->kids, o->cap, sizeof *o->kids);
	}
	o->kids[o->n++] = n;
}

/* Refuse anchors and tags on a node; 0 if it has neither. */
static int
ydoc_properties(struct ydoc_parser *yp, const yaml_event_t *ev,
    const yaml_char_t *anchor, const yaml_char_t *tag)
{
	if (anchor != NULL) {
		ydoc_error(yp, &ev->start_mark, "YAML anchors and aliases are "
		    "not supported; write each value out");
		return -1;
	}
	if (tag != NULL) {
		ydoc_error(yp, &ev->start_mark, "YAML tags are not supported");
		return -1;
	}
	return 0;
}

/* A scalar event. */
static int
ydoc_scalar(struct ydoc_parser *yp, const yaml_event_t *ev)
{
	struct ynode	*n;
	char		*s;

	if (ydoc_properties(yp, ev, ev->data.scalar.anchor,
	    ev->data.scalar.tag) != 0)
		return -1;
	n = ydoc_node(yp, YNODE_SCALAR, ev);
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	n->len = ev->data.scalar.length;
	s = ydoc_alloc(yp->doc, n->len + 1);
	memcpy(s, ev->data.scalar.value, n->len);
	s[n->len] = '\0';
	n->str = s;
	ydoc_attach(yp, n);
	return 0;
}

/* The start of a sequence or mapping. */
static int
ydoc_push(struct ydoc_parser *yp, const yaml_event_t *ev, enum ynode_type type)
{
	const yaml_char_t	*anchor, *tag;
	struct ydoc_open	*o;

	if (type == YNODE_SEQ) {
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
	} else {
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
	}
	if (ydoc_properties(yp, ev, anchor, tag) != 0)
		return -1;
	if (yp->depth == YDOC_DEPTH_MAX) {
		ydoc_error(yp, &ev->start_mark, "nested too deeply (more than "
		    "16 levels)");
		return -1;
	}
	o = &yp->stack[yp->depth++];
	memset(o, 0, sizeof *o);
	o->node = ydoc_node(yp, type, ev);
	return 0;
}

/* The end of a sequence or mapping: fix its children in the arena. */
static void
ydoc_pop(struct ydoc_parser *yp)
{
	struct ydoc_open	*o = &yp->stack[--yp->depth];
	struct ynode		*n = o->node;

	n->nkids = o->n;
	n->kids = ydoc_alloc(yp->doc, (o->n ? o->n : 1) * sizeof *n->kids);
	if (o->n > 0)
		memcpy(n->kids, o->kids, o->n * sizeof *n->kids);
	free(o->kids);
	o->kids = NULL;
	ydoc_attach(yp, n);
}

/* Handle one event; 1 at the end of the stream, -1 on error. */
static int
ydoc_event(struct ydoc_parser *yp, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_STREAM_END_EVENT:
		return 1;
	case YAML_DOCUMENT_START_EVENT:
		if (++yp->documents > 1) {
			ydoc_error(yp, &ev->start_mark, "a second YAML "
			    "document starts here (after '---' or '...'); a "
			    "file holds one document");
			return -1;
		}
		return 0;
	case YAML_DOCUMENT_END_EVENT:
		yp->doc->complete = 1;
		return 0;
	case YAML_ALIAS_EVENT:
		ydoc_error(yp, &ev->start_mark, "YAML anchors and aliases are "
		    "not supported; write each value out");
		return -1;
	case YAML_SCALAR_EVENT:
		return ydoc_scalar(yp, ev);
	case YAML_SEQUENCE_START_EVENT:
		return ydoc_push(yp, ev, YNODE_SEQ);
	case YAML_MAPPING_START_EVENT:
		return ydoc_push(yp, ev, YNODE_MAP);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		ydoc_pop(yp);
		return 0;
	default:
		return 0;
	}
}

/* The byte order marks of the encodings limber does not read, longest first. */
static const struct {
	const char	*bytes;
	size_t		 len;
	const char	*name;
} ydoc_boms[] = {
	{ "\xff\xfe\0\0",	4, "UTF-32" },
	{ "\0\0\xfe\xff",	4, "UTF-32" },
	{ "\xff\xfe",		2, "UTF-16" },
	{ "\xfe\xff",		2, "UTF-16" },
};

/* The encoding named by a UTF-16 or UTF-32 byte order mark at buf, or NULL. */
static const char *
ydoc_bom(const char *buf, size_t len)
{
	size_t	i;

	for (i = 0; i < sizeof ydoc_boms / sizeof ydoc_boms[0]; i++) {
		if (len >= ydoc_boms[i].len &&
		    memcmp(buf, ydoc_boms[i].bytes, ydoc_boms[i].len) == 0)
			return ydoc_boms[i].name;
	}
	return NULL;
}

/* Parse buf into doc; one error and -1 on failure. */
int
ydoc_parse(struct ydoc *doc, const char *file, const char *buf, size_t len,
    struct diag_list *diags)
{
	struct ydoc_parser	 yp;
	yaml_parser_t		 p;
	yaml_event_t		 ev;
	const char		*nul, *bom;
	int			 r = 0;
	char			*name;

	memset(doc, 0, sizeof *doc);
	name = ydoc_alloc(doc, strlen(file) + 1);
	doc->file = strcpy(name, file);
	memset(&yp, 0, sizeof yp);
	yp.doc = doc;
	yp.buf = buf;
	yp.len = len;
	yp.diags = diags;
	if (len > YDOC_FILE_MAX) {
		diag_add(diags, DIAG_ERROR, file, 1, 1, "file is larger than "
		    "1 MiB (%zu bytes); refused", len);
		return -1;
	}
	if ((bom = ydoc_bom(buf, len)) != NULL) {
		diag_add(diags, DIAG_ERROR, file, 1, 1, "the file is %s text "
		    "(it starts with a byte order mark); save it as UTF-8", bom);
		return -1;
	}
	if ((nul = memchr(buf, '\0', len)) != NULL) {
		ydoc_error_at(&yp, (size_t)(nul - buf),
		    "binary file (NUL byte); expected YAML text");
		return -1;
	}
	if (!yaml_parser_initialize(&p))
		fatalx("yaml_parser_initialize failed");
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	while (r == 0) {
		if (!yaml_parser_parse(&p, &ev)) {
			ydoc_syntax_error(&yp, &p);
			r = -1;
			break;
		}
		r = ydoc_event(&yp, &ev);
		yaml_event_delete(&ev);
	}
	while (yp.depth > 0)
		free(yp.stack[--yp.depth].kids);
	yaml_parser_delete(&p);
	return r < 0 ? -1 : 0;
}

/* Say why a file could not be opened: not a regular file, or the system's reason. */
static void
ydoc_open_error(const char *file, int err, struct diag_list *diags)
{
	if (err == EISDIR)
		diag_add(diags, DIAG_ERROR, file, 0, 0, "not a regular file (a "
		    "folder); refused");
	else if (err >= PATHS_ENOTREG && err <= PATHS_ESOCK)
		diag_add(diags, DIAG_ERROR, file, 0, 0, "%s",
		    paths_strerror(err));
	else
		diag_add(diags, DIAG_ERROR, file, 0, 0, "cannot open: %s",
		    paths_strerror(err));
}

/* Read a whole file of at most YDOC_FILE_MAX bytes and parse it. */
int
ydoc_load(struct ydoc *doc, const char *file, struct diag_list *diags)
{
	struct stat	 st;
	char		*buf;
	size_t		 len = 0;
	ssize_t		 n = 0;
	int		 fd, r;

	memset(doc, 0, sizeof *doc);
	/* The link rule, and no FIFO or device: see paths_open. */
	fd = paths_open(file, O_RDONLY, 0);
	if (fd == -1 || fstat(fd, &st) == -1) {
		ydoc_open_error(file, errno, diags);
		if (fd != -1)
			close(fd);
		return -1;
	}
	if (st.st_size > YDOC_FILE_MAX) {
		diag_add(diags, DIAG_ERROR, file, 1, 1, "file is larger than "
		    "1 MiB (%lld bytes); refused", (long long)st.st_size);
		close(fd);
		return -1;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	while (len < (size_t)st.st_size) {
		n = read(fd, buf + len, (size_t)st.st_size - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	if (n == -1) {
		diag_add(diags, DIAG_ERROR, file, 0, 0, "cannot read: %s",
		    strerror(errno));
		close(fd);
		free(buf);
		return -1;
	}
	close(fd);
	r = ydoc_parse(doc, file, buf, len, diags);
	free(buf);
	return r;
}

/* "text", "list" or "mapping", for messages. */
const char *
ynode_type_name(const struct ynode *n)
{
	switch (n->type) {
	case YNODE_SCALAR:
		return ynode_is_null(n) ? "null" : "text";
	case YNODE_SEQ:
		return "a list";
	case YNODE_MAP:
		return "a mapping";
	}
	return "?";
}

/* Whether a node is YAML's null. */
int
ynode_is_null(const struct ynode *n)
{
	if (n->type != YNODE_SCALAR || !n->plain)
		return 0;
	return n->len == 0 || strcmp(n->str, "~") == 0 ||
	    strcmp(n->str, "null") == 0 || strcmp(n->str, "Null") == 0 ||
	    strcmp(n->str, "NULL") == 0;
}

/* The value of key in a mapping, or NULL. */
const struct ynode *
ynode_get(const struct ynode *map, const char *key)
{
	size_t	i;

	if (map == NULL || map->type != YNODE_MAP)
		return NULL;
	for (i = 0; i + 1 < map->nkids; i += 2) {
		const struct ynode *k = map->kids[i];

		if (k->type == YNODE_SCALAR && strcmp(k->str, key) == 0)
			return map->kids[i + 1];
	}
	return NULL;
}
