#!/usr/bin/env bash
# kill -STOP during a hold, then kill -CONT 7 s later, longer than the rest
# of the hold: limber pauses the session where it last saw it running and
# says it was stopped. None of the stopped time is held and no hold ends
# while stopped: quitting then logs the hold as partial with the seconds
# held before the stop; resuming with Space goes on from there, so the hold
# ends after 5 s of guided time, and its record starts when it began.
. "$(dirname "$0")/lib.sh" "$@"

STOP_MS=7000

sandbox
long_prepare

# stopped PID: the process is stopped (ps stat T).
# shellcheck disable=SC2317 # called through wait_until
stopped() {
	case $(ps -o stat= -p "$1") in
	T*) return 0 ;;
	esac
	return 1
}

# stop_in_hold LABEL: start e2e-one, stop limber for STOP_MS a second or two
# into its 5 s hold, continue it, and check that it came back paused with
# the hold clock where it was. Sets began (now_ms at Enter) and at_stop
# (the hold clock's seconds when stopped). The clock drawn last before the
# stop may be up to a second behind where the session was last seen.
stop_in_hold() {
	local label=$1 pid secs clock before
	before=$(record_count)
	start "$label" -- run --routines "$ROUTINES" e2e-one
	expect 'Get into position' 5 "$label: preparation prompt"
	keys Enter
	began=$(now_ms)
	expect ' 0:0[12] / 0:05$' 4 "$label: a second or two into the hold"
	pid=$(limber_pid) || die "$label: cannot find the limber process"
	kill -STOP "$pid"
	stopped_at=$(now_ms)
	check "$label: limber is stopped" wait_until 2 stopped "$pid"
	capture
	at_stop=$(printf '%s\n' "$SCREEN" | grep -Eo '[0-9]:[0-9]{2} / 0:05$' |
	    cut -c4)
	sleep_until $((stopped_at + STOP_MS))
	kill -CONT "$pid"
	expect '^ Paused: limber was stopped for [0-9]+s; Space resumes' 3 \
	    "$label: back paused, saying limber was stopped"
	secs=$(printf '%s\n' "$SCREEN" | sed -n 's/^ Paused: limber was stopped for \([0-9]*\)s.*/\1/p')
	check "$label: the stop said is about 7 s ($secs s)" \
	    between "${secs:-0}" 6 9
	clock=$(printf '%s\n' "$SCREEN" | grep -Eo '[0-9]:[0-9]{2} / 0:05$')
	check "$label: the hold clock stands where limber stopped ($clock, was 0:0$at_stop)" \
	    grep -Eqx "0:0[$at_stop$((at_stop + 1))] / 0:05" <<<"$clock"
	not_see 'Session complete' "$label: the hold did not end while stopped"
	check "$label: nothing logged while stopped" \
	    [ "$(record_count)" = "$before" ]
}

stop_in_hold quit
keys q
expect 'Quit this session\?' 2 "quit: q asks"
keys y
expect 'Session stopped' 3 "quit: Session stopped"
see 'Holds done: 0 of 1' "quit: no hold done"
keys Enter
expect_exit 0 5 "quit: exit status 0"
log_well_formed
check "quit: one record" [ "$(record_count)" = 1 ]
record_is 1 e2e-one 'Seated hamstring reach' stretch hamstrings - 5 '*' \
    partial
check "quit: the partial hold has only the time before the stop (held $(field 1 8), clock was 0:0$at_stop)" \
    between "$(field 1 8)" "$at_stop" "$((at_stop + 1))"

stop_in_hold resume
keys Space
resumed=$(now_ms)
expect '^ Last one' 2 "resume: Space resumes the hold"
if wait_records 2 6; then
	ok "resume: the hold is logged"
else
	die "resume: the hold never reached the log"
fi
took=$(($(now_ms) - resumed))
check "resume: the hold ran on for the 5 s less the $at_stop s held before the stop ($took ms)" \
    between "$took" $(((4 - at_stop) * 1000 - 500)) $(((5 - at_stop) * 1000 + 1500))
expect 'Session complete' 3 "resume: Session complete"
see 'Holds done: 1 of 1' "resume: Holds done: 1 of 1"
keys Enter
expect_exit 0 5 "resume: exit status 0"
log_well_formed
record_is 2 e2e-one 'Seated hamstring reach' stretch hamstrings - 5 5 'done'
start=$(epoch "$(field 2 1)")
check "resume: the record starts when the hold began ($start, Enter at $((began / 1000)))" \
    between "$start" $((began / 1000 - 1)) $((began / 1000 + 1))

finish
