#!/usr/bin/env bash
# kill -9 in the middle of a hold: no handler runs, so the log must hold
# every hold that ended before, each line whole; the hold under way is lost.
# A later session appends to the same log cleanly.
. "$(dirname "$0")/lib.sh" "$@"

sandbox
long_prepare
start first -- run --routines "$ROUTINES" e2e-short

expect 'Get into position' 5 "preparation prompt"
keys Enter
expect 'LEFT side' 2 "left hold started"
if wait_records 1 8; then
	ok "the left hold is logged when it ends"
else
	die "the left hold never reached the log"
fi
expect 'Switch to the right side' 3 "switch to the right side"
expect '^ Hold' 4 "right hold under way"
see 'RIGHT side' "it is the right side"
expect ' 0:0[234] / 0:05$' 3 "two seconds into the right hold"

pid=$(limber_pid) || die "cannot find the limber process under the pane"
kill -9 "$pid"
expect_exit 137 5 "kill -9 ends limber (status 137)"

log_well_formed
check "log has exactly the 1 hold that ended ($(record_count))" \
    [ "$(record_count)" = 1 ]
record_is 1 e2e-short 'Wall calf stretch' stretch calves left 5 5 'done'
check "log is still mode 600" [ "$(stat -c %a "$LOG")" = 600 ]

# Again, into the same log.
start again -- run --routines "$ROUTINES" e2e-one
expect 'Get into position' 5 "second run: preparation prompt"
keys Enter
expect '^ Last one' 2 "second run: hold under way"
expect 'Session complete' 8 "second run: Session complete"
see 'Logged 1 hold to' "second run: Logged 1 hold"
keys Enter
expect_exit 0 5 "second run exits 0"

log_well_formed
check "log has 2 records after the second run ($(record_count))" \
    [ "$(record_count)" = 2 ]
check "log has 3 lines: header, 2 records ($(wc -l <"$LOG"))" \
    [ "$(wc -l <"$LOG")" = 3 ]
record_is 1 e2e-short 'Wall calf stretch' stretch calves left 5 5 'done'
record_is 2 e2e-one 'Seated hamstring reach' stretch hamstrings - 5 5 'done'

finish
