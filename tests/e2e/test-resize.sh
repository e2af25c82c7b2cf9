#!/usr/bin/env bash
# Resizing the window during a hold: 80x24 (full layout, big digits), 50x14
# (compact), 30x8 (too small: "Make the terminal larger", timer running),
# back to 80x24. The hold still ends on time and is logged whole.
. "$(dirname "$0")/lib.sh" "$@"

sandbox
long_prepare
start run -- run --hold 10 --routines "$ROUTINES" e2e-one

expect 'Get into position' 5 "preparation prompt"
keys Enter
began=$(now_ms)
expect '^ Last one' 2 "hold under way"
see '/ 0:10$' "--hold 10 sets the hold to 10 s"
see '█' "full layout: big digits"
see 'Space pause +. skip' "full layout: keys line"

# big_rows: how many rows of the last capture are big type alone.
big_rows() {
	printf '%s\n' "$SCREEN" | grep -Ec '^[ █]*█[ █]*$'
}
small=$(big_rows)
resize 120 40
expect '^ E2E one {80,}step 1/1 *$' 2 "120x40: the title bar is 120 wide"
wait_until 2 eval '[ "$(capture; big_rows)" -ge $((2 * small)) ]'
capture
big=$(big_rows)
check "120x40: the countdown takes at least twice the rows ($big, $small at 80x24)" \
    [ "$small" -ge 5 -a "$big" -ge $((2 * small)) ]
resize 80 24
expect '^ E2E one {40,70}step 1/1 *$' 2 "80x24 again"

resize 50 14
expect 'Space pause .* q \?$' 2 "50x14: the keys line, shortened to fit"
see '^ E2E one +step 1/1 *$' "50x14: title bar"
see 'STRETCH · Hamstrings' "50x14: what line"
see '^ [0-9]:[0-9]{2} *$' "50x14: the countdown as plain text"
see '/ 0:10$' "50x14: hold bar"
not_see '^[ █]*█[ █]*$' "50x14: no big digits (a row of blocks alone)"
wide=$(printf '%s\n' "$SCREEN" | LC_ALL=C.UTF-8 wc -L)
check "50x14: nothing drawn past column 50 (widest line: $wide)" \
    [ "$wide" -le 50 ]

resize 30 8
expect 'Make the terminal larger' 2 "30x8: asks for a larger terminal"
see '^Last one' "30x8: the prompt is still shown"
t1=$(printf '%s\n' "$SCREEN" | grep -Eo '^[0-9]:[0-9]{2}$')
[ -n "$t1" ] || fail "30x8: no countdown on the screen"
wait_gone "^$t1\$" 2
t2=$(printf '%s\n' "$SCREEN" | grep -Eo '^[0-9]:[0-9]{2}$')
check "30x8: the timer keeps running ($t1 then $t2)" \
    [ -n "$t1" -a -n "$t2" -a "$t1" != "$t2" ]

resize 80 24
expect 'Space pause' 2 "80x24 again: the full layout"
see '█' "80x24 again: big digits"
not_see 'Make the terminal larger' "80x24 again: no request for room"

one_hold_on_time "$began" 10

finish
