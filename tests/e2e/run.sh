#!/usr/bin/env bash
# limber's end-to-end tests: each tests/e2e/test-*.sh drives the real
# program in a detached tmux session (see lib.sh) and checks the screen, the
# exit status and the hold log.
#
# usage: tests/e2e/run.sh [-v] PATH/TO/limber [NAME...]
#   -v      print every check, not only the failures
#   NAME    run only these tests (session, pause, ...; default: all)
#
# Tests run E2E_JOBS at a time (default 3): each has its own tmux server and
# sandbox, and spends most of its time waiting on limber's timers, so they
# do not disturb one another. The longest start first.
#
# Prints one line per test and ends with "N passed, M failed"; exits 1 if
# any test failed. Needs tmux.
set -u

verbose=0
if [ "${1:-}" = -v ]; then
	verbose=1
	shift
fi
LIMBER=${1:?usage: run.sh [-v] PATH/TO/limber [NAME...]}
shift
case $LIMBER in
/*) ;;
*) LIMBER=$PWD/$LIMBER ;;
esac
dir=$(cd "$(dirname "$0")" && pwd)

tests=()
if [ $# -eq 0 ]; then
	for t in "$dir"/test-*.sh; do
		[ -f "$t" ] && tests+=("$t")
	done
else
	for name in "$@"; do
		tests+=("$dir/test-${name#test-}")
		case ${tests[-1]} in
		*.sh) ;;
		*) tests[-1]+=.sh ;;
		esac
	done
fi

# The longest tests, started first so that the others fill in around them.
LONGEST="storage kill9-storm hostile session terminal"
JOBS=${E2E_JOBS:-3}
OUT=$(mktemp -d "${TMPDIR:-/tmp}/limber-e2e-run.XXXXXX")
trap 'rm -rf "$OUT"' EXIT

# run_test FILE: run one test, keeping its output, status and seconds.
run_test() {
	local t=$1 name start
	name=$(basename "$t" .sh)
	name=${name#test-}
	start=$(date +%s)
	if [ ! -f "$t" ]; then
		echo "no such test ($t)" >"$OUT/$name.out"
		echo 1 >"$OUT/$name.status"
	else
		# A test that hangs is stopped; its EXIT trap still cleans up.
		timeout -k 10 240 bash "$t" "$LIMBER" >"$OUT/$name.out" 2>&1
		echo $? >"$OUT/$name.status"
	fi
	echo $(($(date +%s) - start)) >"$OUT/$name.secs"
}

ordered=()
for name in $LONGEST; do
	for t in "${tests[@]}"; do
		[ "$t" = "$dir/test-$name.sh" ] && ordered+=("$t")
	done
done
for t in "${tests[@]}"; do
	case " $LONGEST " in
	*" $(basename "$t" .sh | sed 's/^test-//') "*) ;;
	*) ordered+=("$t") ;;
	esac
done

suite_start=$(date +%s)
for t in "${ordered[@]}"; do
	while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do
		wait -n
	done
	run_test "$t" &
done
wait

pass=0
fail=0
failed=()
for t in "${tests[@]}"; do
	name=$(basename "$t" .sh)
	name=${name#test-}
	status=$(cat "$OUT/$name.status" 2>/dev/null || echo 1)
	secs=$(cat "$OUT/$name.secs" 2>/dev/null || echo '?')
	checks=$(grep -c '^ok - ' "$OUT/$name.out")
	if [ "$status" -eq 0 ]; then
		pass=$((pass + 1))
		[ "$verbose" = 1 ] && cat "$OUT/$name.out"
		echo "PASS $name ($checks checks, ${secs}s)"
	else
		fail=$((fail + 1))
		failed+=("$name")
		cat "$OUT/$name.out"
		[ "$status" -eq 124 ] && echo "FAIL $name: timed out"
		echo "FAIL $name (exit $status, ${secs}s)"
	fi
done

echo "e2e: ${#tests[@]} tests, $JOBS at a time, in $(($(date +%s) - suite_start))s${failed[*]:+; failed: ${failed[*]}}"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
