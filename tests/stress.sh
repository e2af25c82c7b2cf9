#!/usr/bin/env bash
# The whole ctest suite, RUNS times in a row (default 5), with stress-ng
# keeping both cores busy beside it: the tests must wait for what they
# check, never for a fixed time, so they pass on a loaded machine too.
# Stops at the first red run. CI runs the suite once, without the load.
#
# usage: tests/stress.sh [BUILD_DIR [RUNS]]    (needs stress-ng)
set -u
build=${1:-build}
runs=${2:-5}
if ! command -v stress-ng >/dev/null 2>&1; then
	echo "stress.sh: needs stress-ng (sudo apt-get install stress-ng)" >&2
	exit 2
fi
stress-ng --cpu 2 --timeout 0 --quiet &
hog=$!
trap 'kill "$hog" 2>/dev/null; wait "$hog" 2>/dev/null' EXIT
for ((i = 1; i <= runs; i++)); do
	start=$(date +%s)
	if ! ctest --test-dir "$build" --output-on-failure >"$build/stress-$i.log" 2>&1; then
		echo "run $i of $runs: FAILED after $(($(date +%s) - start)) s (see $build/stress-$i.log)"
		grep -E '^ *[0-9]+/[0-9]+ Test .*(Failed|Timeout)|^FAIL' "$build/stress-$i.log" | head -20
		exit 1
	fi
	echo "run $i of $runs: green in $(($(date +%s) - start)) s"
done
echo "stress.sh: $runs runs green in a row under stress-ng --cpu 2"
