#!/usr/bin/env bash
# A whole session of e2e-short left to run on its own: every screen along
# the way, the summary, the exit status, and the log it leaves.
. "$(dirname "$0")/lib.sh" "$@"

sandbox
t0=$(date +%s)
start run -- run --routines "$ROUTINES" e2e-short

# Getting ready for the left side.
expect 'Get into position' 5 "preparation prompt"
see '^ E2E short +step 1/2 *$' "title bar with the routine and step 1/2"
see 'STRETCH · Calves · LEFT side' "what line: STRETCH · Calves · LEFT side"
see '^ Wall calf stretch *$' "step name"
see 'Space pause .*q quit' "keys line"

# The left hold.
expect '^ Hold' 5 "hold prompt after the preparation"
see '/ 0:05$' "hold bar shows the 5 s target"
see '█' "countdown in big block digits"
see 'Hands on the wall, one foot back' "the cue"
see 'Next: Wall calf stretch, right side' "next: the right side"
see '[0-9]:[0-9]{2} left$' "routine bar with the time left"
# Each check below waits for a moment that comes round in each 5 s hold;
# on a busy machine the left hold's may pass before the screen is read,
# and the right hold's is then the one seen.
expect ' 0:0[1234] / 0:05$' 10 "hold bar counts up: 0:01 to 0:04 of 0:05"
expect '^ Hold \.\.\. [123]$' 10 "last seconds counted in the prompt: Hold ... 3"

# The switch, then the right hold.
expect 'Switch to the right side|RIGHT side' 10 "switch prompt, or the right hold"
see 'STRETCH · Calves · RIGHT side' "what line says RIGHT side"
if wait_records 1 2; then
	ok "the left hold is logged when it ends"
else
	fail "the left hold is not in the log after it ended"
fi
expect '^ Hold' 5 "right hold under way"
see 'RIGHT side' "still the right side"
see 'Next: Quad roll' "next: the roll"

# The roll, the last hold.
expect 'ROLL · Quads' 10 "roll step: ROLL · Quads"
see '^ E2E short +step 2/2 *$' "title says step 2/2"
see '^ Quad roll *$' "roll step name"
expect '^ Last one' 5 "last hold says Last one"
see 'Next: done' "next: done"

# The summary.
expect 'Session complete' 10 "summary: Session complete"
see 'Holds done: 3 of 3 +\(0 partial, 0 skipped\)' "summary: Holds done: 3 of 3"
see 'Time held: +0:15' "summary: Time held 0:15"
see '^ +Calves +0:10' "summary: Calves 0:10"
see '^ +Quads +0:05' "summary: Quads 0:05"
see "Logged 3 holds to $LOG" "summary: Logged 3 holds to the log's path"
see 'Enter leave +r again' "summary keys"
keys Enter
expect_exit 0 5 "Enter leaves the summary with status 0"

# The log.
log_well_formed
check "log has exactly 3 records" [ "$(record_count)" = 3 ]
record_is 1 e2e-short 'Wall calf stretch' stretch calves left 5 5 'done'
record_is 2 e2e-short 'Wall calf stretch' stretch calves right 5 5 'done'
record_is 3 e2e-short 'Quad roll' roll quads - 5 5 'done'
s1=$(epoch "$(field 1 1)")
s2=$(epoch "$(field 2 1)")
s3=$(epoch "$(field 3 1)")
check "record 1 starts 2 s after the session began ($((s1 - t0)) s)" \
    between "$((s1 - t0))" 1 5
check "records start 7 s apart: 5 s hold, 2 s switch ($((s2 - s1)) s)" \
    between "$((s2 - s1))" 6 8
check "records start 7 s apart: 5 s hold, 2 s prepare ($((s3 - s2)) s)" \
    between "$((s3 - s2))" 6 8
check "log file mode is 600 ($(stat -c %a "$LOG"))" \
    [ "$(stat -c %a "$LOG")" = 600 ]
check "log folder mode is 700 ($(stat -c %a "$XDG_DATA_HOME/limber"))" \
    [ "$(stat -c %a "$XDG_DATA_HOME/limber")" = 700 ]
check "data folder made with mode 700 ($(stat -c %a "$XDG_DATA_HOME"))" \
    [ "$(stat -c %a "$XDG_DATA_HOME")" = 700 ]

finish
