#!/usr/bin/env bash
# Terminals below the smallest layout, down to 1x1: the request for room,
# the countdown and the prompt each stay whole and apart, on rows of their
# own while there are rows, else two spaces apart; nothing runs together
# and a clock is never cut. Back at 80x24 the session goes on.
. "$(dirname "$0")/lib.sh" "$@"

CLOCK='[0-9]:[0-9]{2}'

# screen_is WHAT LINE...: the screen is these lines (regexes, whole lines).
screen_is() {
	local what=$1 i=0 line
	shift
	settle
	if [ "$(printf '%s\n' "$SCREEN" | wc -l)" -ne $# ]; then
		fail "$what: $# lines wanted"
		return
	fi
	for line in "$@"; do
		i=$((i + 1))
		if ! printf '%s\n' "$SCREEN" | sed -n "${i}p" |
		    grep -Eq -- "^$line\$"; then
			fail "$what: line $i is not /$line/"
			return
		fi
	done
	ok "$what"
}

sandbox
long_prepare
start run -- run --hold 120 --routines "$ROUTINES" e2e-one
expect 'Get into position' 5 "preparation prompt"
keys Enter
expect '^ Last one' 2 "hold under way"

resize 80 2
expect "^$CLOCK  Last one\$" 2 "80x2: the countdown and the prompt"
screen_is "80x2: the request on its own row, then the countdown and the prompt" \
    'Make the terminal larger' "$CLOCK  Last one"

resize 200 1
expect "^$CLOCK  Last one  Make the terminal larger\$" 2 \
    "200x1: countdown, prompt and request, two spaces apart"

resize 10 3
expect '^Too small$' 2 "10x3: a request that fits"
screen_is "10x3: one row each" 'Too small' "$CLOCK" 'Last one'

resize 12 1
expect "^$CLOCK\$" 2 "12x1: the countdown alone, not a prompt cut short"

resize 4 1
expect "^$CLOCK\$" 2 "4x1: the countdown just fits"

resize 3 2
if wait_gone '[^ ]' 2; then
	ok "3x2: a blank screen, not a clock cut to fit"
else
	fail "3x2: something is drawn where nothing fits"
fi

resize 1 1
if wait_gone '[^ ]' 2 && limber_pid >/dev/null; then
	ok "1x1: blank, and still running"
else
	fail "1x1: not blank, or limber is gone"
fi

resize 80 24
expect 'Space pause' 2 "80x24 again: the full layout"
not_see 'Make the terminal larger|Too small' "80x24 again: no request for room"

# The start screen has nothing to keep: the request alone.
start start 80x2 --
expect '^Make the terminal larger$' 5 "start screen at 80x2"
screen_is "start screen at 80x2: the request alone" 'Make the terminal larger'
resize 200 1
expect '^Make the terminal larger$' 2 "start screen at 200x1"
resize 10 3
expect '^Too small$' 2 "start screen at 10x3"

finish
