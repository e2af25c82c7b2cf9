/* Allocation that cannot fail: out of memory is fatal. */
#ifndef LIMBER_XMALLOC_H
#define LIMBER_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

#if defined(__GNUC__) || defined(__clang__)
#define printflike(a, b) __attribute__((format(printf, a, b)))
#define noreturn_fn __attribute__((noreturn))
#else
#define printflike(a, b)
#define noreturn_fn
#endif

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) printflike(1, 2);
char *xvasprintf(const char *fmt, va_list ap) printflike(1, 0);

/* Called before fatalx prints, to give the terminal back; may be NULL. */
extern void (*fatal_cleanup)(void);

/* Print "limber: MESSAGE" and abort: for states that cannot happen. */
void fatalx(const char *fmt, ...) printflike(1, 2) noreturn_fn;

#endif
