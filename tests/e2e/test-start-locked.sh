#!/usr/bin/env bash
# The start screen with the log locked by another process: it gives up on
# the lock after a few seconds, says it cannot read the log instead of
# claiming every area was never stretched, and q still leaves. The lock is
# held for longer than the test can last, so a wait for ever fails it.
. "$(dirname "$0")/lib.sh" "$@"

sandbox
mkdir -p "$(dirname "$LOG")"
printf '# limber log v1\n' >"$LOG"
# The sleep itself holds the lock, so killing it lets go.
(exec 9<"$LOG"; flock 9; touch "$SANDBOX/lock-held"; exec sleep 300) \
    >/dev/null 2>&1 &
holder=$!
trap 'kill "$holder" 2>/dev/null; cleanup' EXIT
check "another process holds the log's lock" wait_until 10 test -e "$SANDBOX/lock-held"

start locked -- --routines "$ROUTINES"
expect 'Cannot read the log: ' 30 "the start screen says it cannot read the log"
see 'held its lock for too long' "... because another process held its lock"
see 'last stretched: \?' "'last stretched' is not known"
not_see 'last stretched: never' "no area claims it was never stretched"
keys q
expect_exit 0 10 "q leaves"
finish
