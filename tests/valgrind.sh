#!/usr/bin/env bash
# limber under valgrind's memcheck: `check` on the bundled library,
# `stats`, `history`, `due` and `export` on a log of a few thousand records
# (with malformed lines), `log`, and in tmux a short session run to its end
# and the start screen's three tabs. Every run must end with no memcheck
# error (invalid reads or writes, uses of uninitialised values, bad frees)
# and no definite leak.
#
#	tests/valgrind.sh PATH/TO/limber
#
# Build without sanitizers: valgrind cannot run an ASan binary.
. "$(dirname "$0")/e2e/lib.sh" "$@"

if ! command -v valgrind >/dev/null 2>&1; then
	echo "FAIL - valgrind: valgrind is not installed"
	exit 1
fi
REAL_LIMBER=$LIMBER
REPO=$(cd "$E2E_DIR/../.." && pwd)
sandbox
VG_LOGS=$SANDBOX/vg
mkdir -p "$VG_LOGS"

# The wrapper every run goes through: one memcheck log per process.
cat >"$SANDBOX/vg-limber" <<EOF
#!/bin/sh
exec valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite \\
    --errors-for-leak-kinds=definite --track-origins=yes \\
    --log-file=$VG_LOGS/%p.log $(printf %q "$REAL_LIMBER") "\$@"
EOF
chmod 755 "$SANDBOX/vg-limber"

# memcheck_clean LABEL: every log written since the last call is clean.
seen_logs=0
memcheck_clean() {
	local label=$1 f errors leaks n=0 bad=
	for f in "$VG_LOGS"/*.log; do
		[ -f "$f" ] || continue
		n=$((n + 1))
		errors=$(sed -n 's/.*ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' "$f")
		leaks=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$f")
		if [ -z "$errors" ]; then
			bad+=" $(basename "$f"): no summary (did it end?)"
		elif [ "$errors" != 0 ] || [ "${leaks:-0}" != 0 ]; then
			bad+=" $(basename "$f"): $errors errors, ${leaks:-0} bytes definitely lost"
			sed 's/^/    /' "$f" | head -60
		fi
		mv "$f" "$f.done"
	done
	if [ "$n" = 0 ]; then
		fail "$label: valgrind wrote no log"
	elif [ -n "$bad" ]; then
		fail "$label: memcheck:$bad"
	else
		ok "$label: memcheck clean ($n process$([ "$n" = 1 ] || echo es), 0 errors, 0 bytes definitely lost)"
	fi
	seen_logs=$((seen_logs + n))
}

# vg LABEL STATUS ARGS...: run limber ARGS under memcheck; it exits STATUS.
vg() {
	local label=$1 want=$2 status
	shift 2
	"$SANDBOX/vg-limber" "$@" >"$SANDBOX/out" 2>"$SANDBOX/err"
	status=$?
	check "$label: exit status $want ($status)" [ "$status" = "$want" ]
	memcheck_clean "$label"
}

# A log of 3,000 records over 200 days ending 15 days ago (so its areas
# are still tracked, and due), three of its lines malformed.
first=$(date -u -d '215 days ago' +%Y-%m-%d)
mkdir -p "$(dirname "$LOG")"
{
	echo "# limber log v1"
	for d in $(seq 0 199); do
		date -u -d "$first + $d days" +%Y-%m-%d
	done | awk '{
		split("calves hamstrings quads hip-flexors lats", area, " ")
		for (j = 0; j < 15; j++) {
			i = (NR - 1) * 15 + j
			printf "%sT07:%02d:00+00:00\tmorning\tStretch %d\tstretch\t%s\tleft\t30\t%d\t%s\n",
			    $1, j, i % 40, area[i % 5 + 1], 20 + i % 11,
			    i % 9 ? "done" : "partial"
			if (i % 1000 == 500)
				print "a malformed line"
		}
	}'
} >"$LOG"
check "the log has 3,000 records ($(grep -c morning "$LOG"))" \
    [ "$(grep -c morning "$LOG")" = 3000 ]

vg check 0 check --dose "$REPO/routines"
vg check-bad 1 check "$REPO/tests/data"
vg stats 0 stats --since "$first"
vg stats-tsv 0 stats --format tsv
vg history 0 history --since "$first"
vg due-any 1 due
vg export-json 0 export --format json
vg export-csv 0 export
vg log 0 log calves 30s --side left --name 'Wall calf stretch'
vg log-bad 2 log calfs 30s

# In tmux: a short session to its end, then the start screen's tabs.
LIMBER=$SANDBOX/vg-limber
start session -- run --routines "$ROUTINES" e2e-one
expect 'Get into position' 30 "session: preparation prompt"
keys Enter
expect 'Session complete' 30 "session: runs to its end"
see 'Logged 1 hold to' "session: Logged 1 hold"
keys Enter
expect_exit 0 30 "session: exit status 0"
memcheck_clean session

start pick -- --routines "$ROUTINES"
expect 'What.s sore' 30 "start screen: opens"
keys '?'
expect 'What.s sore\? keys' 10 "start screen: the help"
keys x Enter
expect 'limber: Hamstrings' 10 "start screen: an area's routines"
keys Escape
keys 2
expect 'Calves after a run' 10 "start screen: tab 2, every routine"
keys c a l f
expect 'Filter: calf_' 10 "start screen: the filter"
keys Enter + -
expect 'Holds: as written' 10 "start screen: a preview, + and -"
keys q Escape 3
expect 'Recent' 10 "start screen: tab 3, History"
keys t
keys f
resize 40 12
resize 80 24
keys q
expect_exit 0 30 "start screen: exit status 0"
memcheck_clean pick

echo "valgrind: $seen_logs processes checked"
finish
