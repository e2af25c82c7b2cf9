/*
 * A small YAML document tree built from libyaml's events without recursion,
 * for routines and settings. Anchors, aliases, tags, several documents and
 * deep nesting are refused with their position.
 */
#ifndef LIMBER_YDOC_H
#define LIMBER_YDOC_H

#include <stddef.h>

#include "limber/diag.h"

#define YDOC_FILE_MAX	(1024 * 1024)	/* larger files are refused unread */
#define YDOC_DEPTH_MAX	16		/* deeper nesting is refused */

enum ynode_type {
	YNODE_SCALAR,
	YNODE_SEQ,
	YNODE_MAP,
};

struct ynode {
	enum ynode_type	  type;
	int		  line;		/* 1-based position of the node */
	int		  col;
	int		  plain;	/* scalar written without quotes */
	const char	 *str;		/* scalar text, NUL-terminated */
	size_t		  len;
	struct ynode	**kids;		/* seq: items; map: key, value, key, ... */
	size_t		  nkids;
};

struct ydoc_chunk;

struct ydoc {
	const char		*file;
	struct ynode		*root;
	int			 complete;	/* the first document ended */
	struct ydoc_chunk	*chunks;
};

/*
 * Parse a whole document; 0 on success, -1 with one error in diags
 * (YAML-level problems stop the parse). root is NULL for an empty file.
 */
int	 ydoc_parse(struct ydoc *, const char *file, const char *buf,
	    size_t len, struct diag_list *);
/* Read and parse a file, refusing one over YDOC_FILE_MAX or with NUL bytes. */
int	 ydoc_load(struct ydoc *, const char *file, struct diag_list *);
void	 ydoc_free(struct ydoc *);

const char	*ynode_type_name(const struct ynode *);
/* A plain null: "", "~", "null", "Null", "NULL". */
int		 ynode_is_null(const struct ynode *);
/* The value for key in a mapping, or NULL. */
const struct ynode *ynode_get(const struct ynode *map, const char *key);

#endif
