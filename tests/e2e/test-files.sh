#!/usr/bin/env bash
# A log that is not a regular file: a link to /dev/zero or /dev/urandom, or
# a FIFO. The start screen says it cannot read the log, and why, on its
# first tab and on History, and q quits at once: nothing reads forever.
. "$(dirname "$0")/lib.sh" "$@"

sandbox
mkdir -p "$(dirname "$LOG")"

# refused LABEL: the start screen with the log in place says so and quits.
refused() {
	local label=$1
	start "$label" -- --routines "$ROUTINES"
	expect 'Cannot read the log: not a regular file' 5 \
	    "$label: What's sore? says the log is not a regular file"
	see "What's sore\\?" "$label: on the first tab"
	keys 3
	expect 'Cannot read the log: not a regular file' 3 \
	    "$label: History says it too"
	keys q
	expect_exit 0 5 "$label: q quits"
}

ln -s /dev/zero "$LOG"
refused dev-zero
rm "$LOG"

ln -s /dev/urandom "$LOG"
refused dev-urandom
rm "$LOG"

mkfifo "$LOG"
refused fifo
rm "$LOG"

finish
