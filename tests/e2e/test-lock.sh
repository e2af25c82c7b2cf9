#!/usr/bin/env bash
# Another process holds the lock on the log (flock) while a session runs:
# the session never waits for it. The screen keeps counting, says the log is
# waiting and, after a few seconds, that holds are not logged yet; keys and
# signals work at once. Records wait in order and are written once the lock
# is let go, each stamped with the time its hold began; a session that ends
# with the lock still taken says how many holds were not logged, exits 1,
# and writes nothing later. e2e-reps is one step held twice (here 10 s each),
# 2 s rest.
. "$(dirname "$0")/lib.sh" "$@"

sandbox
mkdir -p "$(dirname "$LOG")"
chmod 700 "$XDG_DATA_HOME" "$(dirname "$LOG")"
printf '# limber log v1\n' >"$LOG"
chmod 600 "$LOG"

# lock: take the log's lock in the background with flock(1) until unlock.
lock() {
	rm -f "$SANDBOX/locked"
	touch "$SANDBOX/hold"
	flock "$LOG" bash -c 'touch "$1/locked"; while [ -e "$1/hold" ]; do
	    sleep 0.1; done' sh "$SANDBOX" &
	locker=$!
	wait_until 5 test -e "$SANDBOX/locked" || die "flock did not take the lock"
	if flock -n "$LOG" true; then
		die "the log is not locked"
	fi
}

# unlock: let the lock go, and wait for flock to end.
unlock() {
	rm -f "$SANDBOX/hold"
	wait "$locker"
}

# What the screen says while a record waits for the lock: at first, then
# after a few seconds.
WAITING='Logging: waiting for another process to let go of the log$|'
WAITING+='^ [0-9]+ holds? not logged yet: another process has locked the log'

# hold_clock: the hold bar's "m:ss / 0:10" in the last capture.
hold_clock() {
	printf '%s\n' "$SCREEN" | grep -Eo '[0-9]:[0-9]{2} / 0:[01][0-9]$'
}

# --- the lock goes while the session runs: the records follow ------------

lock
start wait -- run --hold 10 --routines "$ROUTINES" e2e-reps
began=$(now_ms)
expect '^ Hold' 6 "wait: the first hold begins"
expect "$WAITING" 14 \
    "wait: the first hold ended; the screen says the log is waiting"
expect '^ Last one' 4 "wait: the screen keeps counting: the second hold begins"
clock=$(hold_clock)
if wait_gone " $clock\$" 3; then
	ok "wait: the hold clock moves on from $clock"
else
	fail "wait: the hold clock stood at $clock"
fi
expect '1 hold not logged yet: another process has locked the log for [0-9]+s$' \
    5 "wait: after a few seconds, the screen says the hold is not logged yet"
check "wait: nothing written while locked" [ "$(record_count)" = 0 ]
unlock
if wait_records 1 3; then
	ok "wait: the lock let go, the waiting record is written"
else
	fail "wait: the waiting record was not written once the lock went"
fi
check "wait: only that one, while the second hold goes on ($(record_count))" \
    [ "$(record_count)" = 1 ]
expect_gone() {
	if wait_gone "$1" 3; then ok "$2"; else fail "$2"; fi
}
expect_gone 'not logged yet' "wait: the warning is gone"
expect 'Session complete' 12 "wait: Session complete"
see 'Logged 2 holds to ' "wait: summary: Logged 2 holds"
keys Enter
expect_exit 0 5 "wait: exit status 0"
log_well_formed
check "wait: two records" [ "$(record_count)" = 2 ]
record_is 1 e2e-reps 'Standing hamstring reach' stretch hamstrings - 10 10 done
record_is 2 e2e-reps 'Standing hamstring reach' stretch hamstrings - 10 10 done
first=$(epoch "$(field 1 1)")
second=$(epoch "$(field 2 1)")
check "wait: the first record starts when its hold began, not when written ($first, start at $((began / 1000)))" \
    between "$first" $((began / 1000 + 1)) $((began / 1000 + 4))
check "wait: the second starts 12 s after the first ($((second - first)) s)" \
    between $((second - first)) 11 13

# --- the lock stays: q and y still answer; nothing logged, said --------

before=$(record_count)
lock
start quit -- run --hold 10 --routines "$ROUTINES" e2e-reps
expect "$WAITING" 16 "quit: the first hold ended; the log is waiting"
expect ' 0:0[1-8] / 0:10$' 10 "quit: a second or more into the second hold"
keys q
expect 'Quit this session\?' 2 "quit: q asks at once"
keys y
expect 'Session stopped' 4 "quit: y stops the session"
see 'Logged 0 of 2 holds: cannot log to ' "quit: summary: Logged 0 of 2 holds"
see 'another process held its lock for [0-9]+s' "quit: summary: and why"
keys Enter
expect_exit 1 5 "quit: exit status 1: holds were not logged"
expect 'limber: 2 of 2 holds were not logged' 3 \
    "quit: said again on the terminal after limber"
unlock
check "quit: nothing written, now or after ($(record_count) records)" \
    [ "$(record_count)" = "$before" ]

# --- the lock stays: Ctrl-C and SIGTERM act at once ---------------------

# stop_waiting LABEL STATUS HOW...: with the log locked and a record
# waiting, stop limber with HOW (a command); it exits with STATUS within
# 3 s and writes nothing.
stop_waiting() {
	local label=$1 want=$2 t
	shift 2
	lock
	start "$label" -- run --hold 10 --routines "$ROUTINES" e2e-reps
	expect "$WAITING" 16 "$label: a record waits for the log"
	t=$(now_ms)
	"$@"
	expect_exit "$want" 3 "$label: exit status $want"
	check "$label: it took under 3 s ($(($(now_ms) - t)) ms)" \
	    between $(($(now_ms) - t)) 0 3000
	unlock
	check "$label: nothing written ($(record_count) records)" \
	    [ "$(record_count)" = "$before" ]
}

# signal SIG: send SIG to the limber under the current pane.
# shellcheck disable=SC2317 # called through stop_waiting
signal() {
	local pid
	pid=$(limber_pid) || die "cannot find the limber process under the pane"
	kill "-$1" "$pid"
}

stop_waiting ctrl-c 130 keys C-c
stop_waiting term 143 signal TERM
log_well_formed

finish
