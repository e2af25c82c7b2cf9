# shellcheck shell=bash
# Helpers for limber's end-to-end tests; each tests/e2e/test-*.sh sources
# this file with the path of the limber binary:
#
#	. "$(dirname "$0")/lib.sh" "$@"
#
# A test makes a sandbox (its own XDG folders and config), starts limber in
# a detached tmux session with a socket of its own, reads the screen with
# capture-pane, types with send-keys, and checks the screen, the exit status
# and the hold log. Everything it started is ended, and the sandbox removed,
# when the test exits.

set -u

LIMBER=${1:?usage: test-NAME.sh PATH/TO/limber}
case $LIMBER in
/*) ;;
*) LIMBER=$PWD/$LIMBER ;;
esac
E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck disable=SC2034 # used by the tests
ROUTINES=$E2E_DIR/routines
TEST=$(basename "$0" .sh)
TEST=${TEST#test-}

# The terminal type inside tmux: E2E_TERM.
. "$E2E_DIR/term.sh"

SANDBOX=		# the test's temporary folder
LOG=			# the hold log in the sandbox
SOCK=			# tmux socket of the current run
EXIT_FILE=		# where the current run writes EXIT=status
EXIT_STATUS=		# set by wait_exit
SCREEN=			# the last capture
SOCKETS=()		# every socket this test used
FAILS=0
CHECKS=0

# --- reporting -------------------------------------------------------------

# ok MESSAGE: one check passed.
ok() {
	CHECKS=$((CHECKS + 1))
	echo "ok - $TEST: $1"
}

# show_state: the last screen and the log, indented, for a failure.
show_state() {
	if [ -n "$SOCK" ] && tmux -L "$SOCK" has-session -t e2e 2>/dev/null; then
		capture
	fi
	echo "  --- screen ($SOCK) ---"
	printf '%s\n' "$SCREEN" | sed 's/^/  | /'
	if [ -n "$LOG" ] && [ -f "$LOG" ]; then
		echo "  --- $LOG ---"
		sed 's/^/  | /' "$LOG"
	else
		echo "  --- no log file ---"
	fi
}

# fail MESSAGE: one check failed; the test goes on.
fail() {
	CHECKS=$((CHECKS + 1))
	FAILS=$((FAILS + 1))
	echo "FAIL - $TEST: $1"
	show_state
}

# die MESSAGE: a check failed and the rest of the test depends on it.
die() {
	fail "$1"
	echo "FAIL - $TEST: stopping here"
	exit 1
}

# check DESCRIPTION COMMAND...: ok if the command succeeds, else fail.
check() {
	local what=$1
	shift
	if "$@"; then
		ok "$what"
	else
		fail "$what"
	fi
}

# finish: end the test, non-zero if any check failed.
finish() {
	if [ "$FAILS" -gt 0 ]; then
		echo "$TEST: $FAILS of $CHECKS checks failed"
		exit 1
	fi
	echo "$TEST: all $CHECKS checks passed"
	exit 0
}

# between VALUE LOW HIGH: LOW <= VALUE <= HIGH (whole numbers).
between() {
	[ "$1" -ge "$2" ] && [ "$1" -le "$3" ]
}

# --- time ------------------------------------------------------------------

# now_ms: wall clock in milliseconds.
now_ms() {
	local t=${EPOCHREALTIME/[.,]/}
	echo $((t / 1000))
}

# --- the sandbox -----------------------------------------------------------

# sandbox: a fresh folder with XDG_CONFIG_HOME, XDG_DATA_HOME and HOME in it,
# and a config with short preparations and no bell. The data folder is left
# for limber to make.
sandbox() {
	SANDBOX=$(mktemp -d "${TMPDIR:-/tmp}/limber-e2e.XXXXXX") ||
	    die "mktemp -d failed"
	export XDG_CONFIG_HOME=$SANDBOX/config
	export XDG_DATA_HOME=$SANDBOX/data
	export HOME=$SANDBOX/home
	mkdir -p "$XDG_CONFIG_HOME/limber" "$HOME"
	printf 'prepare: 2s\nswitch: 2s\nbell: false\n' \
	    >"$XDG_CONFIG_HOME/limber/config.yaml"
	LOG=$XDG_DATA_HOME/limber/log.tsv
}

# long_prepare: 30 s to get into position before each step, for tests that
# press Enter while getting ready: on a busy machine the first look at the
# screen may come more than the usual 2 s after limber starts. Switching
# sides stays 2 s.
long_prepare() {
	printf 'prepare: 30s\nswitch: 2s\nbell: false\n' \
	    >"$XDG_CONFIG_HOME/limber/config.yaml"
}

# short_prepare: back to the sandbox's 2 s, for a preparation left to end
# on its own.
short_prepare() {
	printf 'prepare: 2s\nswitch: 2s\nbell: false\n' \
	    >"$XDG_CONFIG_HOME/limber/config.yaml"
}

# cleanup: end every tmux server this test started, remove the sandbox.
cleanup() {
	local s i
	for s in "${SOCKETS[@]}"; do
		kill_server "$s"
	done
	if [ -n "$SANDBOX" ]; then
		# A limber ended by the server's SIGHUP may still be logging.
		for i in 1 2 3 4 5 6 7 8 9 10; do
			rm -rf "$SANDBOX" 2>/dev/null && break
			sleep 0.1
		done
	fi
}
trap cleanup EXIT

# --- tmux ------------------------------------------------------------------

# start_cmd LABEL WxH COMMAND: run a shell command in a new detached tmux
# session on a socket of its own (limber-e2e-PID-TEST-LABEL); the session
# is named e2e. Sets SOCK and EXIT_FILE.
start_cmd() {
	local label=$1 size=$2 cmd=$3
	SOCK=limber-e2e-$$-$TEST-$label
	EXIT_FILE=$SANDBOX/exit-$label
	EXIT_STATUS=
	SCREEN=
	rm -f "$EXIT_FILE"
	SOCKETS+=("$SOCK")
	tmux -f /dev/null -L "$SOCK" new-session -d -s e2e \
	    -x "${size%x*}" -y "${size#*x}" bash --norc --noprofile -c "$cmd" ||
	    die "tmux could not start session $label"
}

# start LABEL [WxH] [VAR=VALUE]... -- ARGS...: run limber ARGS in tmux (80x24
# unless given) with the sandbox's environment, LANG=C.UTF-8, and the
# extra variables given; the exit status goes to EXIT_FILE and the pane
# stays open afterwards so that it can still be read.
start() {
	local label=$1 size=80x24 envs=() cmd
	shift
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		case $1 in
		[0-9]*x[0-9]*) size=$1 ;;
		*=*) envs+=("$1") ;;
		*) die "start: bad argument '$1'" ;;
		esac
		shift
	done
	[ $# -gt 0 ] && shift
	cmd="$(limber_line "${envs[@]}" -- "$@")"
	cmd+="; echo EXIT=\$? >$(printf %q "$SANDBOX/exit-$label"); sleep 60"
	start_cmd "$label" "$size" "$cmd"
}

# capture: read the screen into SCREEN.
capture() {
	SCREEN=$(tmux -L "$SOCK" capture-pane -p -t e2e 2>&1)
}

# capture_colour: the screen with its attributes as escape sequences.
capture_colour() {
	tmux -L "$SOCK" capture-pane -p -e -t e2e 2>&1
}

# keys KEY...: type keys (tmux send-keys names: Enter, Space, Right, C-z).
keys() {
	tmux -L "$SOCK" send-keys -t e2e "$@"
}

# resize W H: resize the window (the pane gets SIGWINCH).
resize() {
	tmux -L "$SOCK" resize-window -t e2e -x "$1" -y "$2"
}

# pane_tty: the pane's terminal device.
pane_tty() {
	tmux -L "$SOCK" display-message -p -t e2e '#{pane_tty}'
}

# seen PATTERN: whether the last capture matches the extended regex.
seen() {
	printf '%s\n' "$SCREEN" | grep -Eq -- "$1"
}

# settle: capture again until two captures 50 ms apart agree (for at most
# a second), so that checks after a wait never look at a screen that tmux
# caught while limber was still writing it.
settle() {
	local prev i
	for ((i = 0; i < 20; i++)); do
		prev=$SCREEN
		sleep 0.05
		capture
		[ "$SCREEN" = "$prev" ] && return 0
	done
}

# joined_has TEXT: the last capture, its rows joined with runs of spaces
# squeezed, holds TEXT (a fixed string): for text that may wrap.
joined_has() {
	printf '%s\n' "$SCREEN" | tr '\n' ' ' | tr -s ' ' | grep -Fq -- "$1"
}

# wait_for PATTERN [TIMEOUT]: poll the screen every 0.1 s until it matches
# the extended regex, and still does once it has settled; 1 if it did not
# within TIMEOUT seconds (default 10).
wait_for() {
	local pat=$1 end=$(($(now_ms) + ${2:-10} * 1000))
	while :; do
		capture
		if seen "$pat"; then
			settle
			seen "$pat" && return 0
		fi
		[ "$(now_ms)" -ge "$end" ] && return 1
		sleep 0.1
	done
}

# wait_gone PATTERN [TIMEOUT]: poll until the screen no longer matches,
# settled.
wait_gone() {
	local pat=$1 end=$(($(now_ms) + ${2:-10} * 1000))
	while :; do
		capture
		if ! seen "$pat"; then
			settle
			seen "$pat" || return 0
		fi
		[ "$(now_ms)" -ge "$end" ] && return 1
		sleep 0.1
	done
}

# wait_until TIMEOUT COMMAND...: poll every 0.1 s until COMMAND succeeds; 1
# if it did not within TIMEOUT seconds.
wait_until() {
	local end=$(($(now_ms) + $1 * 1000))
	shift
	until "$@"; do
		[ "$(now_ms)" -ge "$end" ] && return 1
		sleep 0.1
	done
}

# expect PATTERN TIMEOUT WHAT: wait for the screen to match, or stop the
# test: what follows depends on it.
expect() {
	if wait_for "$1" "$2"; then
		ok "$3"
	else
		die "$3: the screen never matched /$1/ within $2 s"
	fi
}

# see PATTERN WHAT: the last capture matches (no waiting).
see() {
	if seen "$1"; then
		ok "$2"
	else
		fail "$2: the screen does not match /$1/"
	fi
}

# not_see PATTERN WHAT: the last capture does not match.
not_see() {
	if seen "$1"; then
		fail "$2: the screen matches /$1/"
	else
		ok "$2"
	fi
}

# limber_pid: the pid of the limber process under the current pane, or
# nothing. The pane runs bash, which runs limber (env execs it).
limber_pid() {
	local pane c g
	pane=$(tmux -L "$SOCK" list-panes -t e2e -F '#{pane_pid}' 2>/dev/null)
	[ -n "$pane" ] || return 1
	for c in $(pgrep -P "$pane"); do
		if [ "$(ps -o comm= -p "$c")" = limber ]; then
			echo "$c"
			return 0
		fi
		for g in $(pgrep -P "$c"); do
			if [ "$(ps -o comm= -p "$g")" = limber ]; then
				echo "$g"
				return 0
			fi
		done
	done
	return 1
}

# wait_exit [TIMEOUT]: wait for limber to exit; sets EXIT_STATUS. 1 if it
# did not exit within TIMEOUT seconds (default 10).
wait_exit() {
	local end=$(($(now_ms) + ${1:-10} * 1000))
	while :; do
		if [ -s "$EXIT_FILE" ]; then
			EXIT_STATUS=$(sed -n 's/^EXIT=//p' "$EXIT_FILE")
			[ -n "$EXIT_STATUS" ] && return 0
		fi
		[ "$(now_ms)" -ge "$end" ] && return 1
		sleep 0.1
	done
}

# expect_exit STATUS TIMEOUT WHAT: limber exits with STATUS.
expect_exit() {
	if ! wait_exit "$2"; then
		fail "$3: limber did not exit within $2 s"
	elif [ "$EXIT_STATUS" != "$1" ]; then
		fail "$3: exit status $EXIT_STATUS, wanted $1"
	else
		ok "$3"
	fi
}

# --- the log ---------------------------------------------------------------

# records: the log's records (every line but comments).
records() {
	[ -f "$LOG" ] && grep -v '^#' "$LOG"
}

# record_count: how many records the log has.
record_count() {
	local n=0
	[ -f "$LOG" ] && n=$(grep -vc '^#' "$LOG")
	echo "$n"
}

# wait_records N [TIMEOUT]: poll until the log has at least N records.
wait_records() {
	local end=$(($(now_ms) + ${2:-10} * 1000))
	while [ "$(record_count)" -lt "$1" ]; do
		[ "$(now_ms)" -ge "$end" ] && return 1
		sleep 0.1
	done
}

# field N F: field F (1-9) of record N (1-based; -1 for the last one).
field() {
	local n=$1
	[ "$n" -lt 0 ] && n=$(record_count)
	records | awk -F '\t' -v n="$n" -v f="$2" 'NR == n { print $f }'
}

# record_is N ROUTINE STEP KIND AREA SIDE TARGET HELD OUTCOME: fields 2-9 of
# record N are these ('*' matches anything).
record_is() {
	local n=$1 got want i=2 all
	shift
	[ "$n" -lt 0 ] && n=$(record_count)
	all=$(records | awk -v n="$n" 'NR == n')
	for want in "$@"; do
		got=$(printf '%s\n' "$all" | cut -f "$i")
		if [ "$want" != '*' ] && [ "$got" != "$want" ]; then
			fail "record $n field $i is '$got', wanted '$want'"
			return 1
		fi
		i=$((i + 1))
	done
	ok "record $n is $*"
}

# log_well_formed: the header first, once; every record has 9 fields and a
# time like 2026-11-21T07:12:03+01:00; the file ends with a newline.
log_well_formed() {
	local why
	if ! why=$(log_problem); then
		fail "log: $why"
		return 1
	fi
	ok "log is well formed ($(record_count) records, 9 fields each)"
}

# log_problem: say what is wrong with the log (as log_well_formed checks
# it) and return 1; print nothing and return 0 if it is well formed.
log_problem() {
	local bad
	if [ ! -f "$LOG" ]; then
		echo "$LOG does not exist"
		return 1
	fi
	if [ "$(head -n 1 "$LOG")" != "# limber log v1" ]; then
		echo "the first line is not '# limber log v1'"
		return 1
	fi
	if [ "$(grep -c '^# limber log' "$LOG")" != 1 ]; then
		echo "the header appears more than once"
		return 1
	fi
	if [ -s "$LOG" ] && [ "$(tail -c 1 "$LOG" | od -An -c | tr -d ' ')" != '\n' ]; then
		echo "the last line has no newline (cut record)"
		return 1
	fi
	bad=$(records | awk -F '\t' 'NF != 9 || $7 !~ /^[0-9]+$/ ||
	    $8 !~ /^[0-9]+$/ || $9 !~ /^(done|partial|skipped)$/ ||
	    ($4 != "stretch" && $4 != "roll") ||
	    ($6 != "left" && $6 != "right" && $6 != "-") { print NR ": " $0 }')
	# mawk has no {n} intervals: the times are checked with grep.
	bad+=$(records | cut -f 1 | grep -Ev "^$TIME_RE\$" | sed 's/^/bad time: /')
	if [ -n "$bad" ]; then
		echo "malformed records: $bad"
		return 1
	fi
}

# one_hold_on_time BEGAN HOLD: the single hold of e2e-one, begun at BEGAN
# (now_ms), is logged HOLD seconds later (within -0.5 s and +1.5 s), the
# summary shows it, Enter leaves with status 0, and the log holds just it.
one_hold_on_time() {
	local began=$1 hold=$2 took
	if wait_records 1 $((hold + 2)); then
		ok "the hold is logged"
	else
		die "the hold never reached the log"
	fi
	took=$(($(now_ms) - began))
	check "the hold ended on time: $hold s after Enter (took $took ms)" \
	    between "$took" $((hold * 1000 - 500)) $((hold * 1000 + 1500))
	expect 'Session complete' 3 "summary: Session complete"
	see 'Holds done: 1 of 1' "summary: Holds done: 1 of 1"
	keys Enter
	expect_exit 0 5 "exit status 0"
	log_well_formed
	check "log has exactly 1 record" [ "$(record_count)" = 1 ]
	record_is 1 e2e-one 'Seated hamstring reach' stretch hamstrings - \
	    "$hold" "$hold" 'done'
}

# A log time: 2026-11-21T07:12:03+01:00.
TIME_RE='[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}'

# epoch TIME: seconds since 1970 of a log time.
epoch() {
	date -d "$1" +%s
}

# --- preconditions ---------------------------------------------------------

if ! command -v tmux >/dev/null 2>&1; then
	echo "FAIL - $TEST: tmux is not installed; the end-to-end tests need it"
	exit 1
fi
if [ -z "$E2E_TERM" ]; then
	echo "FAIL - $TEST: no terminfo entry for tmux-256color, screen or xterm"
	exit 1
fi
if [ ! -x "$LIMBER" ]; then
	echo "FAIL - $TEST: $LIMBER is not an executable"
	exit 1
fi

# --- more helpers ----------------------------------------------------------

# limber_line [VAR=VALUE]... -- ARGS...: the shell command, quoted for
# start_cmd, that runs limber ARGS with the sandbox's environment, the
# terminal type for tmux, LANG=C.UTF-8 and the extra variables given. start
# runs it; a test that wants more around limber builds on it.
limber_line() {
	local envs=() args=() a line
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		envs+=("$(printf %q "$1")")
		shift
	done
	[ $# -gt 0 ] && shift
	for a in "$@"; do
		args+=("$(printf %q "$a")")
	done
	line="env -u LC_ALL -u LC_CTYPE -u LC_MESSAGES -u NO_COLOR"
	line+=" XDG_CONFIG_HOME=$(printf %q "$XDG_CONFIG_HOME")"
	line+=" XDG_DATA_HOME=$(printf %q "$XDG_DATA_HOME")"
	line+=" HOME=$(printf %q "$HOME") TERM=$E2E_TERM LANG=C.UTF-8"
	line+=" ${envs[*]} $(printf %q "$LIMBER") ${args[*]}"
	printf '%s\n' "$line"
}

# kill_server SOCKET: end the tmux server on SOCKET, if it runs, and remove
# the socket file tmux leaves behind.
kill_server() {
	local path
	path=$(tmux -L "$1" display-message -p '#{socket_path}' 2>/dev/null)
	tmux -L "$1" kill-server 2>/dev/null
	rm -f "${path:-${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$1}"
}

# sleep_until MS: sleep until the wall clock (now_ms) reaches MS.
sleep_until() {
	local left=$(($1 - $(now_ms)))
	if [ "$left" -gt 0 ]; then
		sleep "$((left / 1000)).$(printf %03d $((left % 1000)))"
	fi
	return 0
}

# tty_size TTY W H: set the window size of a terminal device directly, as
# tmux does when it resizes a pane; the kernel sends SIGWINCH to the
# programs in its foreground. tmux is not told: its own screen keeps its
# size until the next resize. (tmux 3.3 passes on only a few pane
# resizes a second: this is the way to send a program many of them.)
tty_size() {
	stty -F "$1" cols "$2" rows "$3"
}
