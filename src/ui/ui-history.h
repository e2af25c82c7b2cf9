/* The History tab's parts: the calendar (ui-heatmap.c) and the week (ui-week.c). */
#ifndef LIMBER_UI_HISTORY_H
#define LIMBER_UI_HISTORY_H

#include "ui/ui-start.h"

#define HEAT_CAL_ROWS	8	/* month names and seven days */

/* ui-history.c */
const char *hist_s(long n);	/* "s" when n is not one */
void	 hist_heading(int y, int x, int w, const char *title,
	     const char *note);

/* ui-heatmap.c */
int	 heat_weeks(int w);	/* weeks that fit in w columns */
/* The calendar at y,x, weeks wide, month names above; the rows used. */
int	 heat_calendar(const struct ui_history *, int y, int x, int weeks,
	     int months);
void	 heat_legend(const struct ui_history *, int y, int x, int w);
void	 heat_side(const struct ui_history *, int y, int x, int w);
void	 heat_totals_text(const struct ui_history *, char *buf, size_t size);

/* ui-week.c */
int	 week_draw(const struct ui_history *, int y, int x, int w, int rows);
int	 week_rows(const struct ui_history *, int w);

#endif
