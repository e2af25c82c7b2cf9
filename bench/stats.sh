#!/usr/bin/env bash
# Benchmarks of reading a long hold log, over generated logs (limber-genlog:
# 1,000,000 records is about 95 MB, seven years of heavy use):
#   bench/stats.sh tsv      `limber stats --format tsv` over the whole 1M log
#                           against the same figures in mawk (bench/stats.awk),
#                           side by side in one hyperfine run, after checking
#                           that both print the same bytes on the 100k and 1M
#                           logs. Target: limber at most 0.25x mawk's time.
#   bench/stats.sh rss      limber's peak RSS on logs of 100k, 1M and 3M
#                           records (RSS_SIZES): it streams, so it must not
#                           grow. Target: under 16 MiB whatever the size.
#   bench/stats.sh screen   how long the History tab (key 3) takes to show
#                           its streak line over the 1M log, in a detached
#                           tmux at 80x24; median of 5 (SCREEN_RUNS). Target:
#                           under 300 ms.
#   bench/stats.sh all      the three (the default).
# Needs hyperfine, mawk, tmux and GNU time (/usr/bin/time); uses build/
# (BUILD=DIR for another) and writes its logs under a temporary folder.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$here/build}
mode=${1:-all}
runs=${RUNS:-5}
screen_runs=${SCREEN_RUNS:-5}
poll_sleep=${POLL:-0.005}
rss_sizes=${RSS_SIZES:-100000 1000000 3000000}
work=$(mktemp -d "${TMPDIR:-/tmp}/limber-stats.XXXXXX")
sock=limber-bench-stats-$$	# each tmux server gets $sock-LABEL
sockdir=${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)

# cleanup: end every tmux server started here, remove the logs.
cleanup() {
	local s
	for s in "$sockdir/$sock"-*; do
		[ -S "$s" ] || continue
		tmux -S "$s" kill-server 2>/dev/null || true
		rm -f "$s"
	done
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

case $mode in
all | tsv | rss | screen) ;;
*)
	echo "usage: bench/stats.sh [all|tsv|rss|screen]" >&2
	exit 2
	;;
esac

# Offsets like +01:00 as holdlog writes them, unless TZ says otherwise.
if [ -z "${TZ:-}" ] && [ -e /usr/share/zoneinfo/Europe/Berlin ]; then
	export TZ=Europe/Berlin
fi
export LANG=C.UTF-8 LC_ALL=C.UTF-8
export XDG_CONFIG_HOME=$work/config HOME=$work/home
mkdir -p "$XDG_CONFIG_HOME/limber" "$HOME"

[ -f "$build/CMakeCache.txt" ] || cmake -S "$here" -B "$build" >/dev/null
cmake --build "$build" -j"$(nproc)" --target limber limber-genlog >/dev/null
limber=$build/limber
genlog=$build/limber-genlog
awkprog=$here/bench/stats.awk
# The area ids in area_table order, for stats.awk.
areas=$(sed -n 's/^[[:space:]]*{ "\([a-z-]*\)",.*/\1/p' "$here/src/core/area.c" | paste -sd,)
today=$(date +%F)
since=1970-01-01		# the whole log

# gen_log N: generate (once) a log of N records; prints its data folder.
gen_log() {
	local dir=$work/data-$1 t0 t1
	if [ ! -f "$dir/limber/log.tsv" ]; then
		mkdir -p "$dir/limber"
		t0=$EPOCHREALTIME
		"$genlog" -n "$1" >"$dir/limber/log.tsv"
		t1=$EPOCHREALTIME
		awk -v n="$1" -v a="$t0" -v b="$t1" -v bytes="$(stat -c %s "$dir/limber/log.tsv")" \
		    'BEGIN { printf "generated %d records: %.1f MB in %.2f s\n", n, bytes / 1e6, b - a }' >&2
	fi
	echo "$dir"
}

# limber_stats DIR SINCE UNTIL: limber's TSV over the log in DIR.
limber_stats() {
	XDG_DATA_HOME=$1 "$limber" stats --format tsv --since "$2" --until "$3"
}

# awk_stats DIR SINCE UNTIL: the same from stats.awk.
awk_stats() {
	mawk -v since="$2" -v until="$3" -v areas="$areas" -f "$awkprog" \
	    "$1/limber/log.tsv"
}

# same DIR SINCE UNTIL: both print the same bytes, or stop here.
same() {
	local rows rc=0
	limber_stats "$1" "$2" "$3" >"$work/limber.tsv" 2>"$work/limber.err" || rc=$?
	if [ "$rc" != 0 ]; then
		echo "FAIL: limber stats exited $rc on $1 ($2 to $3):" >&2
		cat "$work/limber.err" >&2
		exit 1
	fi
	awk_stats "$1" "$2" "$3" >"$work/awk.tsv"
	if ! cmp -s "$work/limber.tsv" "$work/awk.tsv"; then
		echo "FAIL: limber and mawk differ on ${1##*/} from $2 to $3 (< limber, > mawk):" >&2
		diff "$work/limber.tsv" "$work/awk.tsv" >&2 || true
		exit 1
	fi
	rows=$(($(wc -l <"$work/limber.tsv") - 1))
	echo "same output: ${1##*/} $2 to $3 ($rows areas)" >&2
}

# stat_of NAME FILE KEY: a hyperfine figure (mean, median) in seconds.
stat_of() {
	awk -v name="$1" -v key="$3" '
		/"command":/ { cur = $2; gsub(/[",]/, "", cur) }
		$0 ~ "\"" key "\":" && cur == name { v = $2; gsub(/,/, "", v); print v; exit }' "$2"
}

# peak_rss CMD...: peak RSS in KiB of a command (output discarded).
peak_rss() {
	if /usr/bin/time -f %M -o "$work/rss" true 2>/dev/null; then
		/usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>&1
		tail -n 1 "$work/rss"
	else
		/usr/bin/time -v -o "$work/rss" "$@" >/dev/null 2>&1
		awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/rss"
	fi
}

bench_tsv() {
	local d100k d1m mid
	d100k=$(gen_log 100000)
	d1m=$(gen_log 1000000)
	mid=$(date -d '-1000 days' +%F)
	for d in "$d100k" "$d1m"; do
		same "$d" "$since" "$today"
		same "$d" "$(date -d '-90 days' +%F)" "$today"
		same "$d" "$mid" "$mid"
	done
	same "$d1m" 1990-01-01 1990-12-31
	limber_stats "$d1m" "$since" "$today" 2>&1 >/dev/null | sed 's/^/limber says: /' >&2

	export XDG_DATA_HOME=$d1m
	hyperfine -N --warmup 1 --runs "$runs" --export-json "$work/tsv.json" \
	    -n limber "$limber stats --format tsv --since $since --until $today" \
	    -n mawk "mawk -v since=$since -v until=$today -v areas=$areas -f $awkprog $d1m/limber/log.tsv" >&2
	unset XDG_DATA_HOME
	awk -v l="$(stat_of limber "$work/tsv.json" mean)" -v m="$(stat_of mawk "$work/tsv.json" mean)" \
	    -v lm="$(stat_of limber "$work/tsv.json" median)" -v mm="$(stat_of mawk "$work/tsv.json" median)" \
	    -v bytes="$(stat -c %s "$d1m/limber/log.tsv")" 'BEGIN {
		printf "\nlimber stats --format tsv, 1M records (%.0f MB):  %.1f ms (median %.1f ms, %.0f MB/s)\n", bytes / 1e6, l * 1000, lm * 1000, bytes / 1e6 / l
		printf "the same in mawk (bench/stats.awk):            %.1f ms (median %.1f ms)\n", m * 1000, mm * 1000
		printf "ratio limber/mawk:  %.3fx (medians %.3fx)   target: at most 0.25x  %s\n", l / m, lm / mm, (l / m <= 0.25 ? "OK" : "OVER")
	}'
}

bench_rss() {
	local n d kib first='' last=''
	echo
	for n in $rss_sizes; do
		d=$(gen_log "$n")
		kib=$(XDG_DATA_HOME=$d peak_rss "$limber" stats --format tsv --since "$since" --until "$today")
		awk -v n="$n" -v k="$kib" -v mb="$(stat -c %s "$d/limber/log.tsv")" 'BEGIN {
			printf "peak RSS, limber stats over %8d records (%4.0f MB):  %6.2f MiB   target: under 16 MiB  %s\n", n, mb / 1e6, k / 1024, (k < 16384 ? "OK" : "OVER") }'
		first=${first:-$kib}
		last=$kib
	done
	awk -v a="$first" -v b="$last" 'BEGIN {
		printf "growth from the smallest log to the largest: %+d KiB\n", b - a }'
	kib=$(peak_rss mawk -v since="$since" -v until="$today" -v areas="$areas" -f "$awkprog" "$(gen_log 1000000)/limber/log.tsv")
	awk -v k="$kib" 'BEGIN { printf "(mawk over 1M records, for reference:  %.2f MiB)\n", k / 1024 }'
}

# The terminal type inside tmux: the first one with a terminfo entry here.
term=xterm
for t in tmux-256color screen-256color screen xterm-256color; do
	if infocmp "$t" >/dev/null 2>&1; then
		term=$t
		break
	fi
done

# tmux_start LABEL COMMAND: a detached 80x24 session "bench" running
# COMMAND on a server of its own, $sock-LABEL; sets tsock.
tmux_start() {
	tsock=$sock-$1
	tmux -f /dev/null -L "$tsock" new-session -d -s bench -x 80 -y 24 "$2"
}

# tmux_end: end the current server and remove its socket.
tmux_end() {
	tmux -L "$tsock" kill-server 2>/dev/null || true
	rm -f "$sockdir/$tsock"
}

# screen_wait PATTERN SECONDS: poll the screen every POLL seconds (a
# busy loop would take a CPU from limber) until it matches.
screen_wait() {
	local end=$((${EPOCHREALTIME/[.,]/} + $2 * 1000000))
	while [ "${EPOCHREALTIME/[.,]/}" -lt "$end" ]; do
		tmux -L "$tsock" capture-pane -p -t bench 2>/dev/null | grep -q -- "$1" && return 0
		sleep "$poll_sleep"
	done
	echo "timed out waiting for '$1'; the screen:" >&2
	tmux -L "$tsock" capture-pane -p -t bench >&2 2>/dev/null || true
	return 1
}

# screen_once DIR LABEL: two figures in ms: from starting limber in tmux
# to its start screen (which reads the log, for "last stretched" and the
# History tab), and from typing 3 there to the History tab's streak line.
screen_once() {
	local t0 t1 t2
	t0=${EPOCHREALTIME/[.,]/}
	tmux_start "$2" "env XDG_DATA_HOME=$1 XDG_CONFIG_HOME=$XDG_CONFIG_HOME HOME=$HOME TERM=$term $limber; sleep 60"
	screen_wait "What's sore" 30 || { tmux_end; return 1; }
	t1=${EPOCHREALTIME/[.,]/}
	tmux -L "$tsock" send-keys -t bench 3
	screen_wait Streak 30 || { tmux_end; return 1; }
	t2=${EPOCHREALTIME/[.,]/}
	tmux_end
	echo "$(((t1 - t0) / 1000)) $(((t2 - t1) / 1000))"
}

# screen_median DIR LABEL: over screen_runs starts, the median start, the
# median key-to-History and the sum, then each run, on one line.
screen_median() {
	local i v all=()
	for ((i = 0; i < screen_runs; i++)); do
		v=$(screen_once "$1" "$2-$i") || return 1
		all+=("$v")
	done
	printf '%s\n' "${all[@]}" | awk '
		function median(a, n,    i, j, t) {
			for (i = 2; i <= n; i++)	# insertion sort
				for (j = i; j > 1 && a[j - 1] > a[j]; j--) {
					t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
				}
			return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
		}
		{ s[NR] = $1; k[NR] = $2; t[NR] = $1 + $2; runs = runs sprintf(" %d+%d", $1, $2) }
		END { printf "%d %d %d%s\n", median(s, NR), median(k, NR), median(t, NR), runs }'
}

bench_screen() {
	local d1m dsmall big small poll t0 t1 i
	d1m=$(gen_log 1000000)
	dsmall=$(gen_log 1000)
	# What one capture-pane costs, the granularity of the polling.
	tmux_start poll "sleep 60"
	t0=${EPOCHREALTIME/[.,]/}
	for ((i = 0; i < 20; i++)); do
		tmux -L "$tsock" capture-pane -p -t bench | grep -q nothing || true
		sleep "$poll_sleep"
	done
	t1=${EPOCHREALTIME/[.,]/}
	tmux_end
	poll=$(((t1 - t0) / 20))
	small=$(screen_median "$dsmall" small)
	big=$(screen_median "$d1m" big)
	echo
	echo "limber's start screen, then the History tab (key 3) to its streak line,"
	echo "80x24 in tmux, medians of $screen_runs runs (each run: start+key ms):"
	awk -v b="$big" -v s="$small" -v p="$poll" -v ps="$poll_sleep" 'BEGIN {
		split(b, B, " "); split(s, S, " ")
		rb = b; sub(/^[^ ]+ [^ ]+ [^ ]+ /, "", rb)
		rs = s; sub(/^[^ ]+ [^ ]+ [^ ]+ /, "", rs)
		printf "                     start screen   key 3 to History   both\n"
		printf "  1M-record log:     %6d ms      %6d ms          %6d ms   (%s)\n", B[1], B[2], B[3], rb
		printf "  1000-record log:   %6d ms      %6d ms          %6d ms   (%s)\n", S[1], S[2], S[3], rs
		printf "  the start screen reads the log once, for \"last stretched\" and the History tab;\n"
		printf "  the 1000-record row is the floor: tmux start-up, send-keys, redraw and polling\n"
		printf "  (a capture-pane every %.1f ms: POLL=%s s of sleep and the capture), all\n", p / 1000, ps
		printf "  included in every figure.\n"
		printf "History on the 1M log, key 3 to streak line: %d ms  target: under 300 ms  %s\n", B[2], (B[2] < 300 ? "OK" : "OVER")
		printf "History on the 1M log, from starting limber: %d ms  target: under 300 ms  %s\n", B[3], (B[3] < 300 ? "OK" : "OVER")
	}'
}

case $mode in
tsv) bench_tsv ;;
rss) bench_rss ;;
screen) bench_screen ;;
all)
	bench_tsv
	bench_rss
	bench_screen
	;;
esac
