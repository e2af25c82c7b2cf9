#!/usr/bin/env bash
# limber alone: "What's sore?", a letter jumps to an area, Enter lists its
# routines shortest first, Enter previews one (+/- change the holds), Enter
# starts it. Once a hold is done the area says "today" on the next start.
. "$(dirname "$0")/lib.sh" "$@"

sandbox
start pick -- --routines "$ROUTINES"

expect "What's sore\\?" 5 "start screen: What's sore?"
see "1 What's sore\\? +2 All routines" "start screen: both tabs"
see '^ +Calves .*last stretched: never$' "Calves: last stretched: never"
check "all 14 areas say never ($(printf '%s\n' "$SCREEN" | grep -c 'last stretched: never'))" \
    [ "$(printf '%s\n' "$SCREEN" | grep -c 'last stretched: never')" = 14 ]
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
first=$(printf '%s\n' "$SCREEN" | grep -A1 'Routines, shortest first:' | tail -n 1)
check "the shortest, E2E short (0:15), comes first: '$first'" \
    grep -Eq '^ +E2E short +0:15 ' <<<"$first"
e2e_line=$(printf '%s\n' "$SCREEN" | grep -n 'E2E short  ' | head -n 1 | cut -d: -f1)
post_line=$(printf '%s\n' "$SCREEN" | grep -n 'Calves after a run' | head -n 1 | cut -d: -f1)
check "E2E short is listed before Calves after a run ($e2e_line < $post_line)" \
    [ -n "$e2e_line" -a -n "$post_line" -a "${e2e_line:-0}" -lt "${post_line:-0}" ]
see '0:15, 2 steps, 3 holds' "preview pane beside the list"

keys Enter
expect 'Holds: as written' 2 "Enter previews: Holds: as written"
see '^ E2E short *$' "preview title"
see '1\. stretch +Calves +5s x1 +Wall calf stretch +L \+ R' "preview: step 1"
see '2\. roll +Quads +5s x1 +Quad roll' "preview: step 2"
see 'Total 0:15' "preview: Total 0:15"
keys +
expect 'Holds: 10s each for this session' 2 "+ sets the holds: 10s each"
see 'Total 0:30' "+ doubles the total: 0:30"
keys -
expect 'Holds: 5s each for this session' 2 "- takes 5 s off again: 5s each"

keys Enter
expect 'STRETCH · Calves · LEFT side' 3 "Enter starts the session"
see 'step 1/2' "session: step 1/2"
see 'Get into position' "session: getting ready"
keys Enter
expect '^ Hold' 2 "Enter starts the hold now"
if wait_records 1 8; then
	ok "the left hold is logged"
else
	die "the left hold never reached the log"
fi
# The left hold is logged as the switch to the right side begins.
keys Right
expect 'ROLL · Quads' 2 "Right skips the right side"
keys Right
expect 'Session complete' 2 "Right skips the roll: Session complete"
see 'Holds done: 1 of 3 +\(0 partial, 2 skipped\)' "summary: 1 of 3, 2 skipped"
see 'Logged 3 holds to' "summary: Logged 3 holds"
keys Enter
expect_exit 0 5 "leaving the summary ends limber with status 0"

log_well_formed
check "log has 3 records" [ "$(record_count)" = 3 ]
record_is 1 e2e-short 'Wall calf stretch' stretch calves left 5 5 'done'
record_is 2 e2e-short 'Wall calf stretch' stretch calves right 5 0 skipped
record_is 3 e2e-short 'Quad roll' roll quads - 5 0 skipped

# The next start: Calves today; Quads only skipped, so still never.
start again -- --routines "$ROUTINES"
expect "What's sore\\?" 5 "second start screen"
see '^ +Calves .*last stretched: today$' "Calves: last stretched: today"
see '^ +Quads .*last stretched: never$' "Quads (skipped) still never"
see '^ +Hamstrings .*last stretched: never$' "Hamstrings still never"

keys 2
expect 'Filter: +\(type to filter\)' 2 "2 opens All routines"
keys s h o r t
expect 'Filter: short_' 2 "typing filters: Filter: short_"
see '^ +E2E short +0:15 ' "filter shows E2E short"
not_see 'E2E one|E2E reps|Calves after a run' "filter hides the others"
keys Escape
expect 'Calves after a run' 2 "Esc clears the filter"
keys q
expect_exit 0 5 "q on the start screen quits with status 0"

finish
