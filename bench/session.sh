#!/usr/bin/env bash
# Benchmarks of a guided session, run in a detached tmux at 80x24:
#   bench/session.sh cpu     CPU time and peak RSS of `limber run` over one
#                            30 s hold, start-up included (targets: under
#                            0.02 s of CPU, under 6 MiB), and how often it
#                            woke up (strace, if installed).
#   bench/session.sh drift   how far from its planned end a 10-minute
#                            routine finishes (target: within 50 ms).
# Needs tmux and GNU time (/usr/bin/time); uses build-bench/ (Release).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$here/build-bench}
mode=${1:-cpu}
work=$(mktemp -d)
sock=limber-bench-$$
trap 'tmux -L $sock kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target limber >/dev/null
limber=$build/limber
mkdir -p "$work/config/limber" "$work/data" "$work/routines"
printf 'prepare: 0s\nswitch: 0s\nbell: false\n' >"$work/config/limber/config.yaml"

# routine ID HOLD STEPS: a routine of STEPS stretches of HOLD seconds.
routine() {
	{
		printf 'id: %s\nname: Bench %s\nareas: [calves]\nsteps:\n' "$1" "$1"
		for ((i = 1; i <= $3; i++)); do
			printf '  - name: Hold %d\n    kind: stretch\n    area: calves\n    hold: %ss\n    cue: Breathe.\n' "$i" "$2"
		done
	} >"$work/routines/$1.yaml"
}

# start CMD...: run a command in the bench's tmux session.
start() {
	tmux -L "$sock" new-session -d -x 80 -y 24 \
	    "env XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data $*; sleep 5"
}

# wait_screen PATTERN SECONDS: poll the screen every 10 ms.
wait_screen() {
	local end=$(( $(date +%s) + $2 ))
	while [ "$(date +%s)" -le "$end" ]; do
		tmux -L "$sock" capture-pane -p 2>/dev/null | grep -q -- "$1" && return 0
		sleep 0.01
	done
	echo "timed out waiting for '$1'" >&2
	return 1
}

case $mode in
cpu)
	routine hold30 30 1
	start "bash -c \"TIMEFORMAT='%3U %3S'; time /usr/bin/time -f %M -o $work/rss.txt $limber run --routines $work/routines hold30\" 2>$work/cpu.txt"
	wait_screen 'Session complete' 40
	tmux -L "$sock" send-keys Enter
	for _ in $(seq 100); do [ -s "$work/cpu.txt" ] && break; sleep 0.05; done
	read -r user sys < <(tail -n 1 "$work/cpu.txt")
	rss=$(tail -n 1 "$work/rss.txt")
	awk -v u="$user" -v s="$sys" -v rss="$rss" 'BEGIN {
		cpu = u + s
		printf "limber run, one 30 s hold:  CPU %.3f s (user %.3f, sys %.3f), target under 0.02 s: %s\n", cpu, u, s, (cpu < 0.02 ? "OK" : "OVER")
		printf "peak RSS:                   %.2f MiB, target under 6 MiB: %s\n", rss / 1024, (rss < 6144 ? "OK" : "OVER")
	}'
	if command -v strace >/dev/null; then
		tmux -L "$sock" kill-server 2>/dev/null || true
		sock=$sock-strace
		start "strace -f -o $work/strace.txt -e trace=poll,ppoll,select,pselect6 $limber run --routines $work/routines hold30"
		wait_screen 'Session complete' 40
		tmux -L "$sock" send-keys Enter
		sleep 0.5
		awk '/= 0 \(Timeout\)/ && $0 !~ /, 0\)/ { n++ } END {
			printf "timed sleeps in poll:       %d over the 30 s hold (one a second expected)\n", n }' "$work/strace.txt"
	fi
	;;
drift)
	routine ten 60 10
	t0=$(date +%s%N)
	start "$limber run --routines $work/routines ten"
	wait_screen 'Session complete' 700
	t1=$(date +%s%N)
	awk -v a="$t0" -v b="$t1" 'BEGIN {
		d = (b - a) / 1e6 - 600000
		printf "10-minute routine ended %+.0f ms from its planned end (start-up and 10 ms polling included), target within 50 ms: %s\n", d, (d < 50 && d > -50 ? "OK" : "OVER")
	}'
	;;
*)
	echo "usage: bench/session.sh cpu|drift" >&2
	exit 2
	;;
esac
