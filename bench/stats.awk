# The floor for `limber stats --format tsv`: the same per-area figures over
# the hold log in awk (written for mawk), byte for byte the same output.
#
#	mawk -v since=2026-01-01 -v until=2026-11-21 -f bench/stats.awk LOG
#
# A record's date is the first ten characters of its timestamp; since and
# until (YYYY-MM-DD, both optional) bound it. Per area in the order of
# area_table (src/core/area.c; -v areas=a,b,... to give another): holds
# are done records, seconds the held time of done and partial ones, days
# the distinct dates with a done hold and last the latest (or -). Only
# areas with some record in range get a row. Lines limber would skip are
# skipped: comments, fewer than nine fields, a timestamp not shaped like
# 2026-11-21T07:12:03+01:00 (or Z), an unknown kind, area, side or
# outcome, and seconds that are not whole numbers. (Impossible dates such
# as month 13, overlong lines and a torn last line are not checked.)

BEGIN {
	FS = "\t"
	if (areas == "")
		areas = "hamstrings,hip-flexors,quads,calves,lats,glutes,it-band," \
		    "adductors,upper-back,lower-back,chest,shoulders,neck,feet"
	narea = split(areas, area, ",")
	for (i = 1; i <= narea; i++)
		known[area[i]] = i
	kinds["stretch"]; kinds["roll"]
	sides["-"]; sides["left"]; sides["right"]
	if (since == "")
		since = "0000-00-00"
	if (until == "")
		until = "9999-99-99"
	d4 = "[0-9][0-9][0-9][0-9]"
	d2 = "[0-9][0-9]"
	stamp = "^" d4 "-" d2 "-" d2 "T" d2 ":" d2 ":" d2 \
	    "([+-]" d2 ":" d2 "|Z)$"
}

/^#/ || NF < 9 { next }

{
	o = $9
	if (o != "done" && o != "partial" && o != "skipped")
		next
	if (!($5 in known) || !($4 in kinds) || !($6 in sides))
		next
	if ($7 !~ /^[0-9]+$/ || $8 !~ /^[0-9]+$/ || $1 !~ stamp)
		next
	d = substr($1, 1, 10)
	if (d < since || d > until)
		next
	a = $5
	records[a]++
	if (o == "done") {
		holds[a]++
		seconds[a] += $8
		if (!((a, d) in seen)) {
			seen[a, d]
			days[a]++
			if (d > last[a])
				last[a] = d
		}
	} else if (o == "partial")
		seconds[a] += $8
}

END {
	print "area\tholds\tseconds\tdays\tlast"
	for (i = 1; i <= narea; i++) {
		a = area[i]
		if (!(a in records))
			continue
		printf "%s\t%d\t%.0f\t%d\t%s\n", a, holds[a], seconds[a], days[a],
		    (a in last) ? last[a] : "-"
	}
}
