#!/usr/bin/env bash
# SIGTERM, SIGHUP and SIGINT during a hold, and Ctrl-C typed: the hold under
# way is logged as partial, the terminal is given back exactly as it was
# (the pane's shell saves 'stty -g' before limber and after it: the two must
# be the same), and the exit status is 128 + the signal.
. "$(dirname "$0")/lib.sh" "$@"

sandbox
long_prepare

# start_stty LABEL ARGS...: run limber ARGS in the pane between two
# 'stty -g' of its terminal, saved to stty-before-LABEL and stty-after-LABEL
# in the sandbox; then its exit status goes to the exit file, as start does.
start_stty() {
	local label=$1 before after cmd
	shift
	before=$(printf %q "$SANDBOX/stty-before-$label")
	after=$(printf %q "$SANDBOX/stty-after-$label")
	cmd="stty -g >$before; $(limber_line -- "$@"); status=\$?"
	cmd+="; stty -g >$after"
	cmd+="; echo EXIT=\$status >$(printf %q "$SANDBOX/exit-$label"); sleep 60"
	start_cmd "$label" 80x24 "$cmd"
}

# stop_during_hold LABEL STATUS HOW...: start e2e-one, stop it two seconds
# into its hold with HOW (a command), and check what it left.
stop_during_hold() {
	local label=$1 want=$2 before after tty mode
	shift 2
	before=$(record_count)
	start_stty "$label" run --hold 10 --routines "$ROUTINES" e2e-one
	expect 'Get into position' 5 "$label: preparation prompt"
	keys Enter
	expect '^ Last one' 2 "$label: hold under way"
	expect ' 0:0[3-7] / 0:10$' 5 "$label: over two seconds into the hold"
	tty=$(pane_tty)
	"$@"
	expect_exit "$want" 5 "$label: exit status $want"
	if wait_gone 'Space pause' 2; then
		ok "$label: the session screen is gone"
	else
		fail "$label: the session screen is still shown after exit"
	fi
	mode=$(stty -a -F "$tty" 2>&1)
	if printf '%s\n' "$mode" | grep -qw -- '-icanon' ||
	    printf '%s\n' "$mode" | grep -qw -- '-echo'; then
		fail "$label: terminal not restored: $(printf '%s\n' "$mode" |
		    grep -ow -- '-icanon\|-echo' | tr '\n' ' ')"
	else
		ok "$label: terminal restored (icanon, echo)"
	fi
	stty_same "$label"
	check "$label: one more record ($before -> $(record_count))" \
	    [ "$(record_count)" = "$((before + 1))" ]
	record_is -1 e2e-one 'Seated hamstring reach' stretch hamstrings - 10 \
	    '*' partial
	check "$label: partial hold held 2 to 8 s ($(field -1 8))" \
	    between "$(field -1 8)" 2 8
}

# stty_same LABEL: the terminal settings after limber are the ones before.
stty_same() {
	local b=$SANDBOX/stty-before-$1 a=$SANDBOX/stty-after-$1
	if [ ! -s "$b" ] || [ ! -s "$a" ]; then
		fail "$1: no 'stty -g' saved before and after limber"
	elif [ "$(cat "$b")" != "$(cat "$a")" ]; then
		fail "$1: terminal settings changed; 'stty -g' before and after:
  $(cat "$b")
  $(cat "$a")"
	else
		ok "$1: terminal settings as before ('stty -g' the same)"
	fi
}

# signal SIG: send SIG to the limber under the current pane.
# shellcheck disable=SC2317 # called through stop_during_hold
signal() {
	local pid
	pid=$(limber_pid) || die "cannot find the limber process under the pane"
	kill "-$1" "$pid"
}

stop_during_hold term 143 signal TERM
stop_during_hold hup 129 signal HUP
stop_during_hold int 130 signal INT
stop_during_hold ctrl-c 130 keys C-c
log_well_formed

finish
