#!/usr/bin/env bash
# The preview before a session: each + or - moves every hold 5 s from as
# written, each within 5 s and 10 min, so - never lengthens anything and
# stops once every hold is 5 s; 0 puts them back. The total is the
# session's, getting ready and switching sides included, and the session
# starts with that much left.
. "$(dirname "$0")/lib.sh" "$@"

# e2e-mixed: two 20 s rolls, then four 10 s stretches with 5 s rests.
# Getting ready: 2 s before each step, 2 s before each second side.
sandbox
start preview -- --routines "$ROUTINES" --routines "$E2E_DIR/more"
expect "What's sore\\?" 5 "start screen"
keys 2 m i x e d
expect 'Filter: mixed_' 2 "the mixed routine"
keys Enter
expect '^ E2E mixed *$' 2 "its preview"
see '1\. roll +IT band / TFL +20s x1 +Roll the TFL' "step 1: 20 s rolls"
see '2\. stretch +IT band / TFL +10s x2 +Side lean' "step 2: 10 s stretches"
see 'Total 1:38: holds 1:20, rests 0:10, getting ready and switching sides 0:08' \
    "Total 1:38 with its parts"

keys -
expect 'Holds: 5s shorter each' 2 "- : 5 s shorter"
see '1\. roll +IT band / TFL +15s x1' "step 1: 15 s"
see '2\. stretch +IT band / TFL +5s x2' "step 2: 5 s"
see 'Total 1:08: holds 0:50' "Total 1:08: every hold shorter"
keys -
expect 'Holds: 10s shorter each' 2 "- again: 10 s shorter"
see '1\. roll +IT band / TFL +10s x1' "step 1: 10 s"
see '2\. stretch +IT band / TFL +5s x2' "step 2 stays at 5 s, the least"
keys -
expect 'Holds: 15s shorter each' 2 "- again: 15 s shorter"
see '1\. roll +IT band / TFL +5s x1' "step 1: 5 s"
see 'Total 0:48: holds 0:30' "Total 0:48: every hold 5 s"
keys - 0
expect 'Holds: as written' 2 "- changes nothing more; 0: as written"
see 'Total 1:38' "0: Total 1:38 again"
keys + +
expect 'Holds: 10s longer each' 2 "+ + : 10 s longer"
see '1\. roll +IT band / TFL +30s x1' "step 1: 30 s"
see '2\. stretch +IT band / TFL +20s x2' "step 2: 20 s"
see 'Total 2:38: holds 2:20' "Total 2:38"

keys Enter
expect 'ROLL · IT band / TFL · LEFT side' 3 "Enter starts the session"
see '2:38 left$' "the session starts with the preview's total left"
see '/ 0:02$' "getting ready: 2 s"
keys Enter
expect '^ Hold' 2 "the first hold"
see '/ 0:30$' "the first hold is 30 s, as the preview said"
keys q
expect 'Quit this session\?' 2 "q asks"
keys y
expect 'Session stopped' 3 "y stops"
keys q
expect_exit 0 5 "q on the summary quits"
record_is 1 e2e-mixed 'Roll the TFL' roll it-band left 30 '*' '*'

finish
