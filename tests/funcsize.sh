#!/usr/bin/env bash
# Function sizes in src/: the lines between a function's opening brace and
# its closing brace (both in column 1, the style every file follows). Fails
# when the median is over 15 lines or any function is over 60.
#
# usage: tests/funcsize.sh [-v] [SRCDIR]   (-v lists the 10 longest)
set -u
verbose=0
if [ "${1:-}" = -v ]; then
	verbose=1
	shift
fi
src=${1:-$(dirname "$0")/../src}
MEDIAN_MAX=15
LONGEST_MAX=60

sizes=$(find "$src" -name '*.c' -print0 | xargs -0 awk '
	/^[a-z_][a-z0-9_]*\(/ { name = $0; sub(/\(.*/, "", name) }
	/^\{/ { start = FNR }
	/^\}/ && start > 0 {
		print FNR - start - 1, FILENAME ":" name
		start = 0
	}' | sort -n)
n=$(printf '%s\n' "$sizes" | grep -c .)
if [ "$n" -eq 0 ]; then
	echo "FAIL - funcsize: no functions found under $src"
	exit 1
fi
median=$(printf '%s\n' "$sizes" | awk -v n="$n" 'NR == int((n + 1) / 2) { print $1 }')
longest=$(printf '%s\n' "$sizes" | tail -n 1)
echo "funcsize: $n functions, median $median lines, longest ${longest% *} (${longest#* })"
[ "$verbose" = 1 ] && printf '%s\n' "$sizes" | tail -n 10 | sed 's/^/  /'
status=0
if [ "$median" -gt "$MEDIAN_MAX" ]; then
	echo "FAIL - funcsize: the median is $median lines, over $MEDIAN_MAX"
	status=1
fi
over=$(printf '%s\n' "$sizes" | awk -v m="$LONGEST_MAX" '$1 > m')
if [ -n "$over" ]; then
	echo "FAIL - funcsize: functions over $LONGEST_MAX lines:"
	printf '%s\n' "$over" | sed 's/^/  /'
	status=1
fi
exit "$status"
