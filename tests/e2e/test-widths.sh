#!/usr/bin/env bash
# Widths as the terminal has them: a routine whose names are in characters
# that are two columns wide (♿ ⚓ ⛎ ❎ ➿ 🟰, Yijing hexagrams, an emoji
# with a skin tone) or none (Devanagari vowel signs) is drawn where curses
# and the terminal put it. At 80x24 the session's title stays on row 1 with
# the step count at its right end, the step name on its row, the cue's
# lines and "Next:" stop at the window's edge, and both bars end at the
# same column; the lists and the preview keep every row to its row. No line
# starts in column 0 (where a line too wide for its row spills) and none is
# wider than the window.
. "$(dirname "$0")/lib.sh" "$@"

DATA=$(cd "$E2E_DIR/../data/wide" && pwd)
BAR='[█░]+'

# cols TEXT: TEXT's width in terminal columns.
cols() {
	printf '%s\n' "$1" | LC_ALL=C.UTF-8 wc -L
}

# row N: line N (1-based) of the last capture.
row() {
	printf '%s\n' "$SCREEN" | sed -n "${1}p"
}

# row_of PATTERN: the number of the first line of the last capture that
# matches the extended regex, or nothing.
row_of() {
	printf '%s\n' "$SCREEN" | grep -En -m 1 -- "$1" | cut -d: -f1
}

# in_rows WHAT W: no line of the last capture starts in column 0 or is
# wider than W columns.
in_rows() {
	local spill widest
	spill=$(printf '%s\n' "$SCREEN" | grep -n '^[^ ]' | head -3)
	check "$1: no line spills into column 0 ($spill)" [ -z "$spill" ]
	widest=$(printf '%s\n' "$SCREEN" | LC_ALL=C.UTF-8 wc -L)
	check "$1: no line wider than $2 columns ($widest)" [ "$widest" -le "$2" ]
}

# row_is N PATTERN WHAT: line N matches the extended regex.
row_is() {
	if row "$1" | grep -Eq -- "$2"; then
		ok "$3"
	else
		fail "$3: row $1 is '$(row "$1")', not /$2/"
	fi
}

sandbox
long_prepare

# --- the session at 80x24 ----------------------------------------------------
start session 80x24 -- --routines "$DATA" run wide-names
expect " left$" 10 "the session starts"
in_rows "session 80x24" 80
row_is 1 '  step 1/2$' "the title keeps row 1, the step count at its right end"
check "the title row ends at column 79 ($(cols "$(row 1)"))" \
    [ "$(cols "$(row 1)")" = 79 ]
row_is 2 '^$' "row 2 stays empty: nothing of the title spills onto it"
row_is 3 '^ STRETCH · Calves · LEFT side$' "the step's kind and side on row 3"
row_is 4 '^ ⚓⛎❎➿🟰♿ नमस्ते ䷀䷁䷂ 👍🏽 ' "the step name on row 4"
row_is 5 '^$' "row 5 stays empty: nothing of the step name spills onto it"
next=$(row_of '^ Next: ')
if [ -z "$next" ]; then
	fail "no row starts with ' Next: '"
else
	ok "'Next:' has a row of its own ($next)"
	row_is $((next + 1)) "^ $BAR [0-9]+:[0-9]{2} left$" \
	    "the bar under 'Next:' is whole: nothing overwrites it"
	check "the Next row stops inside the window ($(cols "$(row "$next")"))" \
	    [ "$(cols "$(row "$next")")" -le 79 ]
fi
top=$(row_of "^ $BAR [0-9]+:[0-9]{2} / [0-9]+:[0-9]{2}$")
low=$(row_of "^ $BAR [0-9]+:[0-9]{2} left$")
if [ -n "$top" ] && [ -n "$low" ]; then
	check "both bars end at column 79 ($(cols "$(row "$top")"), $(cols "$(row "$low")"))" \
	    [ "$(cols "$(row "$top")")" = 79 ] && [ "$(cols "$(row "$low")")" = 79 ]
else
	fail "the two bars are not both on the screen"
fi
cue=$(row_of '^ ♿⚓⛎❎➿🟰 नमस्ते ䷀ 👍🏽 ')
check "the cue has a row of its own ($cue)" [ -n "$cue" ]

# --- smaller: the compact layout ---------------------------------------------
resize 60 16
expect "step 1/2$" 5 "the session at 60x16"
in_rows "session 60x16" 60
row_is 2 '^ STRETCH · Calves · LEFT side$' "60x16: the kind and side on row 2"
row_is 3 '^ ⚓⛎❎➿🟰♿ नमस्ते ' "60x16: the step name on row 3"
resize 80 24
expect "^ STRETCH" 5 "back at 80x24"
keys q
expect 'Quit this session\?' 3 "q asks"
keys y
expect 'Session stopped' 3 "y stops"
keys q
expect_exit 0 5 "q on the summary quits"

# --- a long name on a wide terminal -------------------------------------------
# 70 emoji: 280 bytes, 140 columns. "Next:" shows it whole, side and all,
# with no byte of a character cut in two.
mkdir -p "$SANDBOX/long"
long=$(printf '👍%.0s' $(seq 70))
printf 'id: long\nname: Long\nareas: [calves]\nsteps:\n  - name: %s\n    kind: stretch\n    area: calves\n    hold: 30s\n    sides: both\n    cue: Heel down.\n' \
    "$long" >"$SANDBOX/long/long.yaml"
start long 180x24 -- --routines "$SANDBOX/long" run long
expect " left$" 10 "a long step name at 180x24"
in_rows "session 180x24" 180
see "^ Next: $long, left side$" "'Next:' shows the whole name and the side"
keys q
expect 'Quit this session\?' 3 "q asks"
keys y
expect 'Session stopped' 3 "y stops"
keys q
expect_exit 0 5 "q on the summary quits"

# --- the lists and the preview -------------------------------------------------
start lists 80x24 -- --routines "$DATA"
expect "What's sore\\?" 5 "the start screen"
in_rows "start screen" 80
keys 2
expect 'Filter: ' 3 "all routines"
keys End
expect '[0-9]+:[0-9]{2}, 2 steps, 3 holds' 3 "the wide routine is selected"
in_rows "all routines with the wide routine's pane" 80
keys Enter
expect 'Total [0-9]+:[0-9]{2}: holds' 3 "its preview"
in_rows "the preview" 80
row_is 1 '^ ♿⚓⛎❎➿🟰 नमस्ते ' "the preview's title keeps row 1"
row_is 2 '^$' "nothing of the preview's title spills onto row 2"
keys q
expect 'Filter: ' 3 "q goes back to the list"
keys Escape
expect 'Filter: \(/ to type\)' 3 "Esc gives the keys back to the list"
keys q
expect_exit 0 5 "q quits"

# --- counts of one -------------------------------------------------------------
# A target of 1 day a week reads "1/1 day"; a session of one hold whose log
# cannot be written says "0 of 1 hold", and on leaving "1 of 1 hold was".
short_prepare
printf 'prepare: 2s\nswitch: 2s\nbell: false\ntargets:\n  calves: {days: 1, seconds: 30s}\n' \
    >"$XDG_CONFIG_HOME/limber/config.yaml"
"$LIMBER" log calves 30s >/dev/null || fail "limber log calves 30s failed"
start week 80x24 -- --routines "$ROUTINES"
expect "What's sore\\?" 5 "the start screen"
keys 3
expect 'This week' 3 "History, This week"
see '1/1 day ' "This week: 1/1 day"
not_see '1/1 days' "This week: not 1/1 days"
keys q
expect_exit 0 5 "q quits"

mkdir -p "$SANDBOX/nolog/limber/log.tsv"
start nolog 80x24 XDG_DATA_HOME="$SANDBOX/nolog" -- --routines "$ROUTINES" \
    run e2e-one
expect 'Session complete' 20 "a session of one hold, its log a folder"
see '^ Logged 0 of 1 hold: ' "the summary: Logged 0 of 1 hold"
keys q
expect '^limber: 1 of 1 hold was not logged: ' 5 \
    "on leaving: 1 of 1 hold was not logged"

finish
