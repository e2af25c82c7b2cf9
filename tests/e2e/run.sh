#!/usr/bin/env bash
# limber's end-to-end tests: each tests/e2e/test-*.sh drives the real
# program in a detached tmux session (see lib.sh) and checks the screen, the
# exit status and the hold log.
#
# usage: tests/e2e/run.sh [-v] PATH/TO/limber [NAME...]
#   -v      print every check, not only the failures
#   NAME    run only these tests (session, pause, ...; default: all)
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

pass=0
fail=0
failed=()
suite_start=$(date +%s)
for t in "${tests[@]}"; do
	name=$(basename "$t" .sh)
	name=${name#test-}
	if [ ! -f "$t" ]; then
		echo "FAIL $name: no such test ($t)"
		fail=$((fail + 1))
		failed+=("$name")
		continue
	fi
	start=$(date +%s)
	# A test that hangs is stopped; its EXIT trap still cleans up.
	out=$(timeout -k 10 240 bash "$t" "$LIMBER" 2>&1)
	status=$?
	secs=$(($(date +%s) - start))
	checks=$(printf '%s\n' "$out" | grep -c '^ok - ')
	if [ "$status" -eq 0 ]; then
		pass=$((pass + 1))
		[ "$verbose" = 1 ] && printf '%s\n' "$out"
		echo "PASS $name ($checks checks, ${secs}s)"
	else
		fail=$((fail + 1))
		failed+=("$name")
		printf '%s\n' "$out"
		[ "$status" -eq 124 ] && echo "FAIL $name: timed out"
		echo "FAIL $name (exit $status, ${secs}s)"
	fi
done

echo "e2e: $((${#tests[@]})) tests in $(($(date +%s) - suite_start))s${failed[*]:+; failed: ${failed[*]}}"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
