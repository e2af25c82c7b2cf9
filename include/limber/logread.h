/*
 * Transitional, for src/ui only: the hold log reader's old name. Reading
 * the log moved into holdlog.h (struct holdlog_reader, holdlog_read_*).
 * Delete this header once nothing includes it.
 */
#ifndef LIMBER_LOGREAD_H
#define LIMBER_LOGREAD_H

#include "limber/holdlog.h"

#define logread	holdlog_reader

#endif
