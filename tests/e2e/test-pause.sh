#!/usr/bin/env bash
# Pausing during a hold: the screen says Paused and the clock stands still;
# the pause never counts as held, and it moves the end of the hold on.
# e2e-reps is one step held twice with a 2 s rest between.
. "$(dirname "$0")/lib.sh" "$@"

sandbox
start run -- run --routines "$ROUTINES" e2e-reps

expect 'Get into position' 5 "preparation prompt"
see 'STRETCH · Hamstrings$' "what line without a side"
keys Enter
began=$(now_ms)
expect '^ Hold' 1 "Enter starts the hold at once"
see '/ 0:05$' "hold of 5 s"
expect ' 0:0[23] / 0:05$' 4 "two seconds into the hold"

keys Space
expect '^ Paused' 2 "Space pauses: the prompt says Paused"
paused_bar=$(printf '%s\n' "$SCREEN" | grep -Eo '[0-9]:[0-9]{2} / 0:05$')
sleep 3	# the pause itself: three seconds that must not count as held
capture
see '^ Paused' "still paused after 3 s"
see '^ Space resume ' "the footer says Space resumes while paused"
see " $paused_bar" "the hold clock stood still while paused ($paused_bar)"
check "no hold logged while paused" [ "$(record_count)" = 0 ]

keys Space
expect '^ Hold' 2 "Space resumes the hold"
see '^ Space pause ' "the footer says Space pauses again"
if wait_records 1 6; then
	ok "first rep logged"
else
	die "the first rep never reached the log"
fi
took=$(($(now_ms) - began))
check "the pause moved the end of the hold on (5 s hold + 3 s pause; took $took ms)" \
    between "$took" 7800 10500

expect '^ Rest' 3 "Rest between the reps"
expect '^ Last one' 4 "the second rep is the last one"
expect 'Session complete' 8 "summary: Session complete"
see 'Holds done: 2 of 2' "summary: Holds done: 2 of 2"
see 'Time held: +0:10' "summary: Time held 0:10 (pause excluded)"
keys q
expect_exit 0 5 "q leaves the summary with status 0"

log_well_formed
check "log has exactly 2 records" [ "$(record_count)" = 2 ]
record_is 1 e2e-reps 'Standing hamstring reach' stretch hamstrings - 5 5 'done'
record_is 2 e2e-reps 'Standing hamstring reach' stretch hamstrings - 5 5 'done'

finish
