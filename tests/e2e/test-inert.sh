#!/usr/bin/env bash
# Outside text that limber leaves on the terminal, in the C locale: the note
# after a session whose holds could not be logged (it names the log's path,
# from XDG_DATA_HOME), and the refusal of a TERM that names no terminal.
# An OSC in them must not retitle the window, and U+275B (whose last byte
# is the 8-bit CSI) must come out as '?'.
. "$(dirname "$0")/lib.sh" "$@"

QUOTE=$'\xe2\x9d\x9b'
OSC=$'\e]0;PWNED\a'

# run_raw LABEL VAR=VALUE...: run limber ARGS... as start does but with
# the variables given last, and stderr on the terminal.
run_raw() {
	local label=$1 cmd
	shift
	cmd="$(limber_line "$@")"
	cmd+="; echo EXIT=\$? >$(printf %q "$SANDBOX/exit-$label"); sleep 60"
	start_cmd "$label" 200x24 "$cmd"	# the note on one line
}

# title_clean WHAT: the window's title was not set by limber's output.
title_clean() {
	local title
	title=$(tmux -L "$SOCK" display-message -p -t e2e '#{pane_title}')
	if [[ $title == *PWNED* ]]; then
		fail "$1: the title was set to '$title'"
	else
		ok "$1: the title is untouched"
	fi
}

sandbox
long_prepare
X="$SANDBOX/x$QUOTE$OSC"
mkdir -p "$X/limber/log.tsv"	# a folder where the log should be

run_raw note LC_ALL=C "XDG_DATA_HOME=$X" -- run --routines "$ROUTINES" \
    e2e-one
expect 'Get into position' 5 "note: preparation prompt"
keys Enter
expect 'Session complete' 15 "note: the session completes"
see 'Logged 0 of 1 hold: cannot' "note: the summary says the hold was not logged"
keys Enter
expect_exit 1 5 "note: exit status 1"
expect 'limber: 1 of 1 hold was not logged: cannot' 2 \
    "note: the terminal keeps the reason after exit"
see 'x\?\^\[\]0;PWNED\^G/limber/log.tsv' "note: the path shown inert, U+275B as ?"
title_clean "note"

run_raw term LC_ALL=C "TERM=x$OSC$QUOTE" --
expect_exit 2 5 "term: exit status 2"
expect "unknown terminal type 'x\\^\\[\\]0;PWNED\\^G\\?'" 2 \
    "term: TERM shown inert, U+275B as ?"
title_clean "term"

finish
