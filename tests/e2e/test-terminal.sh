#!/usr/bin/env bash
# Terminals: none, an unknown type, one that cannot move the cursor (exit 2
# each); the C locale (ASCII instead of block glyphs); NO_COLOR; and the
# compact layout of a 40x12 window, run to the end.
. "$(dirname "$0")/lib.sh" "$@"

sandbox
long_prepare
ESC=$(printf '\033')
# SGR colour codes (foreground, background, bright, 256); 39/49 reset.
COLOUR_RE="$ESC\\[([34][0-7]|38;5;[0-9]+|48;5;[0-9]+|9[0-7]|10[0-7])m"

# run_plain ARGS...: limber with no terminal; sets status and SCREEN.
run_plain() {
	"$LIMBER" "$@" </dev/null >"$SANDBOX/out" 2>"$SANDBOX/err"
	status=$?
	SOCK=
	SCREEN="stdout: $(cat "$SANDBOX/out")
stderr: $(cat "$SANDBOX/err")"
}

run_plain run --routines "$ROUTINES" e2e-one
check "no terminal, run: exit status 2 ($status)" [ "$status" = 2 ]
see '^stderr: limber run: needs a terminal on standard input and output' \
    "no terminal, run: says it needs a terminal"
run_plain --routines "$ROUTINES"
check "no terminal, start screen: exit status 2 ($status)" [ "$status" = 2 ]
see '^stderr: limber: needs a terminal' "no terminal, start screen: says so"
check "no terminal: no log written" [ ! -e "$LOG" ]

# TERM: unknown, then dumb. The message is left on the pane.
start unknown TERM=unknown-term -- run --routines "$ROUTINES" e2e-one
expect_exit 2 5 "TERM=unknown-term: exit status 2"
expect "unknown terminal type 'unknown-term'" 2 \
    "TERM=unknown-term: says unknown terminal type"
start dumb TERM=dumb -- run --routines "$ROUTINES" e2e-one
expect_exit 2 5 "TERM=dumb: exit status 2"
expect "terminal type 'dumb' cannot move the cursor" 2 \
    "TERM=dumb: says it cannot move the cursor"
check "bad terminals: no log written" [ ! -e "$LOG" ]

# The C locale: ASCII only, '#' for the blocks and '-' for the dot.
for loc in LANG LC_ALL; do
	# A 30 s hold, so that q comes while it is under way on a slow machine.
	start "ascii-$loc" "$loc=C" -- run --hold 30 --routines "$ROUTINES" \
	    e2e-one
	expect 'Get into position' 5 "$loc=C: preparation prompt"
	keys Enter
	expect ' 0:(0[1-9]|1[0-9]) / 0:30$' 10 "$loc=C: hold under way"
	see '^ STRETCH - Hamstrings *$' "$loc=C: the what line uses '-', not '·'"
	see '^ #+-+ 0:(0[1-9]|1[0-9]) / 0:30$' "$loc=C: the bars are drawn with '#' and '-'"
	see '^ +#### +#### ' "$loc=C: big digits are drawn with '#'"
	not_see '[█░·→←]' "$loc=C: no UTF-8 glyphs on the screen"
	keys q
	expect 'Quit this session' 2 "$loc=C: q asks"
	keys y
	expect 'Session stopped' 2 "$loc=C: Session stopped"
	keys Enter
	expect_exit 0 5 "$loc=C: exit status 0"
done

# Colour: on by default with a colour terminal, off with NO_COLOR.
start colour -- run --routines "$ROUTINES" e2e-one
expect 'Get into position' 5 "colour: preparation prompt"
if capture_colour | grep -Eq "$COLOUR_RE"; then
	ok "colour: the screen has colours by default"
else
	fail "colour: no colour codes on the screen by default"
fi
keys C-c
expect_exit 130 5 "colour: Ctrl-C in the preparation exits 130"

start nocolour NO_COLOR=1 -- run --routines "$ROUTINES" e2e-one
expect 'Get into position' 5 "NO_COLOR=1: preparation prompt"
keys Enter
expect '^ Last one' 2 "NO_COLOR=1: hold under way"
see '█' "NO_COLOR=1: still draws the big digits"
if capture_colour | grep -Eq "$COLOUR_RE"; then
	fail "NO_COLOR=1: colour codes on the screen:
$(capture_colour | grep -Eo "$COLOUR_RE" | sort -u | cat -v)"
else
	ok "NO_COLOR=1: no colour codes on the screen"
fi
expect 'Session complete' 8 "NO_COLOR=1: runs to the end"
keys Enter
expect_exit 0 5 "NO_COLOR=1: exit status 0"

# 40x12, the smallest compact layout, left to run the routine to its end.
short_prepare
before=$(record_count)
start compact 40x12 -- run --routines "$ROUTINES" e2e-one
expect 'Get into position' 5 "40x12: preparation prompt"
see 'Space pause .* q \?$' "40x12: the keys line, shortened to fit"
see '^ E2E one +step 1/1 *$' "40x12: title bar"
not_see 'Make the terminal larger' "40x12: big enough"
not_see '^[ █]*█[ █]*$' "40x12: no big digits (a row of blocks alone)"
expect '^ Last one' 4 "40x12: the hold starts on its own"
see '^ [0-9]:[0-9]{2} *$' "40x12: the countdown as plain text"
see '/ 0:05$' "40x12: hold bar"
see 'Sit tall, one leg out' "40x12: one line of the cue"
see 'Next: done' "40x12: next line"
see '[0-9]:[0-9]{2} left$' "40x12: routine bar"
wide=$(printf '%s\n' "$SCREEN" | LC_ALL=C.UTF-8 wc -L)
check "40x12: nothing past column 40 (widest line: $wide)" [ "$wide" -le 40 ]
expect 'Session complete' 8 "40x12: Session complete"
see 'Holds done: 1 of 1' "40x12: Holds done: 1 of 1"
keys Enter
expect_exit 0 5 "40x12: exit status 0"
check "40x12: one more record" [ "$(record_count)" = "$((before + 1))" ]
record_is -1 e2e-one 'Seated hamstring reach' stretch hamstrings - 5 5 'done'
log_well_formed

finish
