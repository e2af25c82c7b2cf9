#!/usr/bin/env bash
# Quitting asks first, with the clock stopped and the session frozen behind
# the question: n (or Esc then n) goes on where it was, y stops with
# "Session stopped" and logs the hold under way as partial. The help stops
# the clock too. Also + during a hold, and an unknown id, which needs no
# terminal.
. "$(dirname "$0")/lib.sh" "$@"

sandbox
long_prepare
# A 20 s hold, so that it is still under way after the help and the
# questions on a slow machine.
start run -- run --hold 20 --routines "$ROUTINES" e2e-one

expect 'Get into position' 5 "preparation prompt"
keys Enter
expect '^ Last one' 2 "hold under way"
keys +
expect '/ 0:25$' 2 "+ makes the hold 5 s longer: / 0:25"

# frozen WHAT: the hold bar's time stays the same for 3 s, and the
# prompt says Paused.
frozen() {
	local was
	was=$(printf '%s\n' "$SCREEN" | grep -Eo '[0-9]:[0-9]{2} / 0:25$')
	see '^ Paused' "$1: the prompt says Paused"
	if [ -n "$was" ] && ! wait_gone " $was\$" 3; then
		ok "$1: the clock stands still at $was"
	else
		fail "$1: the clock did not stand still (was '${was:-none}')"
	fi
}

keys '?'
expect 'pause / resume' 2 "? shows the keys"
see 'Ctrl-Z +pause and suspend' "help names Ctrl-Z"
frozen "behind the help"
keys '?'
if wait_gone 'pause / resume' 2; then
	ok "? again closes the help"
else
	fail "? again does not close the help"
fi
expect '^ Last one' 2 "after the help: the hold goes on"

keys q
expect 'Quit this session\?' 2 "q asks: Quit this session?"
see 'y +quit' "the question says what y does"
see 'n +keep going' "the question says what n does"
see '^ STRETCH · Hamstrings' "the session is still shown behind the question"
frozen "behind the question"
check "nothing logged while the question is open" [ "$(record_count)" = 0 ]
keys n
if wait_gone 'Quit this session' 2; then
	ok "n closes the question"
else
	fail "n does not close the question"
fi
expect '^ Last one' 2 "n: the hold goes on"
before=$(printf '%s\n' "$SCREEN" | grep -Eo '[0-9]:[0-9]{2} / 0:25$')
if wait_gone " $before\$" 3; then
	ok "n: the clock keeps going (was $before)"
else
	fail "n: the clock stopped at $before"
fi

keys Escape
expect 'Quit this session\?' 2 "Esc asks too"
keys n
wait_gone 'Quit this session' 2
check "nothing logged while the session goes on" [ "$(record_count)" = 0 ]

expect ' 0:(0[4-9]|1[0-9]) / 0:25$' 4 "over three seconds into the hold"
keys q
expect 'Quit this session\?' 2 "q asks again"
keys y
expect 'Session stopped' 2 "y: Session stopped"
see 'Holds done: 0 of 1 +\(1 partial, 0 skipped\)' "summary counts the partial hold"
see 'Logged 1 hold to' "summary: Logged 1 hold"
keys Enter
expect_exit 0 5 "Enter leaves with status 0"

log_well_formed
check "log has exactly 1 record" [ "$(record_count)" = 1 ]
record_is 1 e2e-one 'Seated hamstring reach' stretch hamstrings - 25 '*' partial
check "the partial hold held 3 to 24 s ($(field 1 8))" between "$(field 1 8)" 3 24

# An unknown id: the closest ids, status 1, before any terminal is needed.
"$LIMBER" run --routines "$ROUTINES" calf </dev/null >"$SANDBOX/out" 2>"$SANDBOX/err"
status=$?
SCREEN="stdout: $(cat "$SANDBOX/out")
stderr: $(cat "$SANDBOX/err")"
SOCK=
check "run calf: exit status 1 ($status)" [ "$status" = 1 ]
see "^stderr: limber run: no routine 'calf'; did you mean: calves-post-run" \
    "run calf: names calves-post-run first"
see "^stdout: \$" "run calf: nothing on stdout"

finish
