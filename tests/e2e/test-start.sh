#!/usr/bin/env bash
# limber alone: "What's sore?", a letter jumps to an area, Enter lists its
# routines shortest first (by the time a session takes, getting ready
# included), Enter previews one, Enter starts it. The summary's Enter goes
# back to the list it was started from, "last stretched" already updated,
# and a second routine follows in the same sitting; r runs one again. Both
# sessions are in the log.
. "$(dirname "$0")/lib.sh" "$@"

sandbox
start pick -- --routines "$ROUTINES"

expect "What's sore\\?" 5 "start screen: What's sore?"
see "1 What's sore\\? +2 All routines +3 History" "start screen: three tabs"
see '^ +Calves .*last stretched: never$' "Calves: last stretched: never"
check "all 14 areas say never ($(printf '%s\n' "$SCREEN" | grep -c 'last stretched: never'))" \
    [ "$(printf '%s\n' "$SCREEN" | grep -c 'last stretched: never')" = 14 ]
see '↑↓ move +Enter open +/ search +Tab switch +q quit +\? help' \
    "the footer names the keys of What's sore?"
# shellcheck disable=SC2317 # called through check and wait_until
# The selected area is drawn in reverse video (ESC [7m).
selected() {
	capture_colour | grep -q "$(printf '\033')\\[7m *$1 "
}
check "Hamstrings, the first area, is selected at first" selected Hamstrings
keys c
check "c jumps to Calves (shown in reverse)" wait_until 2 selected Calves

keys Enter
expect '^ limber: Calves' 2 "Enter opens the routines for Calves"
see 'Routines, shortest first:' "list heading"
# e2e-short: 15 s of holds, 2 s to get ready for each step, 2 s to switch.
first=$(printf '%s\n' "$SCREEN" | grep -A1 'Routines, shortest first:' | tail -n 1)
check "the shortest, E2E short (0:21), comes first: '$first'" \
    grep -Eq '^ +E2E short +0:21 ' <<<"$first"
e2e_line=$(printf '%s\n' "$SCREEN" | grep -n 'E2E short  ' | head -n 1 | cut -d: -f1)
post_line=$(printf '%s\n' "$SCREEN" | grep -n 'Calves after a run' | head -n 1 | cut -d: -f1)
check "E2E short is listed before Calves after a run ($e2e_line < $post_line)" \
    [ -n "$e2e_line" -a -n "$post_line" -a "${e2e_line:-0}" -lt "${post_line:-0}" ]
see '0:21, 2 steps, 3 holds' "preview pane beside the list"

keys Enter
expect 'Holds: as written' 2 "Enter previews: Holds: as written"
see '^ E2E short *$' "preview title"
see '1\. stretch +Calves +5s x1 +Wall calf stretch +L \+ R' "preview: step 1"
see '2\. roll +Quads +5s x1 +Quad roll' "preview: step 2"
see 'Total 0:21: holds 0:15, rests 0:00, getting ready and switching sides 0:06' \
    "preview: the session's total, getting ready shown as such"
keys +
expect 'Holds: 5s longer each' 2 "+ makes every hold 5 s longer"
see 'Total 0:36: holds 0:30' "+: 30 s of holds, 0:36 in all"
keys -
expect 'Holds: as written' 2 "- takes the 5 s off again"
# - on 5 s holds changes nothing: the + after it shows 5 s longer, not
# as written (keys are handled in order, so no waiting on a still screen).
keys - +
expect 'Holds: 5s longer each' 2 "- cannot shorten 5 s holds: + after it is 5 s longer"
keys -
expect 'Holds: as written' 2 "- again: as written"
see 'Total 0:21' "- never lengthens anything: Total 0:21"

keys Enter
expect 'STRETCH · Calves · LEFT side' 3 "Enter starts the session"
see 'step 1/2' "session: step 1/2"
see 'Get into position' "session: getting ready"
see '0:21 left$' "the session starts with the preview's total left"
keys Enter
expect '^ Hold' 2 "Enter starts the hold now"
if wait_records 1 8; then
	ok "the left hold is logged"
else
	die "the left hold never reached the log"
fi
keys Right
expect 'ROLL · Quads' 2 "Right skips the right side"
keys Right
expect 'Session complete' 2 "Right skips the roll: Session complete"
see 'Holds done: 1 of 3 +\(0 partial, 2 skipped\)' "summary: 1 of 3, 2 skipped"
see 'Logged 3 holds to' "summary: Logged 3 holds"
see 'Enter back +r again +q quit' "summary keys: back, again, quit"

keys Enter
expect '^ limber: Calves' 3 "Enter goes back to the list the session came from"
keys q
expect "What's sore\\? Pick" 3 "q: back to What's sore?"
see '^ +Calves .*last stretched: today$' "Calves: last stretched: today, without a restart"
see '^ +Quads .*last stretched: never$' "Quads (skipped) still never"

# A second routine in the same sitting: Quads is the area above Calves.
keys Up
check "Up moves to Quads" wait_until 2 selected Quads
keys Enter
expect '^ limber: Quads' 3 "the routines for Quads"
keys Enter
expect '^ E2E short *$' 3 "the preview again"
keys Enter
expect 'STRETCH · Calves · LEFT side' 3 "the second session starts"
keys Right
expect 'RIGHT side' 3 "Right skips the left side"
keys Right
expect 'ROLL · Quads' 3 "Right skips the right side"
keys Enter
expect '^ Last one' 3 "the roll is under way"
expect 'Session complete' 10 "the roll runs out: Session complete"
see 'Holds done: 1 of 3 +\(0 partial, 2 skipped\)' "second summary: 1 of 3"
check "the log has both sessions: 6 records" wait_records 6 3

keys r
expect 'STRETCH · Calves · LEFT side' 3 "r runs the routine again"
keys q
expect 'Quit this session\?' 2 "q asks"
keys y
expect 'Session stopped' 3 "y: Session stopped"
see 'Holds done: 0 of 3 +\(0 partial, 0 skipped, 3 not reached\)' \
    "quit while getting ready: nothing logged, 3 holds not reached"
keys Enter
expect '^ limber: Quads' 3 "Enter: back to the Quads list"
keys q
expect "What's sore\\? Pick" 3 "q: back to What's sore?"
see '^ +Quads .*last stretched: today$' "Quads: last stretched: today"
keys q
expect_exit 0 5 "q on What's sore? quits with status 0"

log_well_formed
check "log has 6 records" [ "$(record_count)" = 6 ]
record_is 1 e2e-short 'Wall calf stretch' stretch calves left 5 5 'done'
record_is 2 e2e-short 'Wall calf stretch' stretch calves right 5 0 skipped
record_is 3 e2e-short 'Quad roll' roll quads - 5 0 skipped
record_is 4 e2e-short 'Wall calf stretch' stretch calves left 5 0 skipped
record_is 5 e2e-short 'Wall calf stretch' stretch calves right 5 0 skipped
record_is 6 e2e-short 'Quad roll' roll quads - 5 5 'done'

finish
