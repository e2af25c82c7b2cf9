#!/usr/bin/env bash
# Ctrl-Z during a hold: limber pauses and stops itself for the shell's job
# control; fg brings it back, paused; Space resumes and the hold ends with
# every second of it held, none of the suspended time.
# limber runs under an interactive bash in the pane, as a user would run it.
. "$(dirname "$0")/lib.sh" "$@"

sandbox
long_prepare
start_cmd shell 80x24 "env -u LC_ALL -u LC_CTYPE -u NO_COLOR \
XDG_CONFIG_HOME=$(printf %q "$XDG_CONFIG_HOME") \
XDG_DATA_HOME=$(printf %q "$XDG_DATA_HOME") HOME=$(printf %q "$HOME") \
TERM=$E2E_TERM LANG=C.UTF-8 PS1='e2e\$ ' bash --norc --noprofile -i; sleep 60"
expect '^e2e\$ ?$' 5 "interactive shell prompt"

keys -l "$(printf %q "$LIMBER") run --routines $(printf %q "$ROUTINES") e2e-one"
keys Enter
expect 'Get into position' 5 "limber started from the shell"
keys Enter
expect ' 0:0[23] / 0:05$' 3 "hold under way"
pid=$(limber_pid) || die "cannot find the limber process under the shell"

keys C-z
expect 'Stopped +.*limber run' 3 "Ctrl-Z: the shell reports the job stopped"
# shellcheck disable=SC2317 # called through check and wait_until
stopped() {
	case $(ps -o stat= -p "$pid") in
	T*) return 0 ;;
	esac
	return 1
}
check "Ctrl-Z: limber is stopped (ps stat $(ps -o stat= -p "$pid"))" \
    wait_until 2 stopped
expect '^e2e\$ ?$' 2 "Ctrl-Z: the shell prompt is back"
not_see 'Space pause' "Ctrl-Z: the session screen is put away"
check "nothing logged while suspended" [ "$(record_count)" = 0 ]
sleep 1	# suspended time, which must not count as held

keys -l fg
keys Enter
expect '^ Paused' 3 "fg: back in the session, paused"
see 'STRETCH · Hamstrings' "fg: the session screen is redrawn"
held=$(printf '%s\n' "$SCREEN" | grep -Eo '[0-9]:[0-9]{2} / 0:05$')
check "fg: the hold clock stood still while suspended ($held)" \
    grep -Eqx '0:0[234] / 0:05' <<<"$held"
check "fg: limber runs again (ps stat $(ps -o stat= -p "$pid"))" \
    wait_until 2 eval '! stopped'

keys Space
expect '^ Last one' 2 "Space resumes"
expect 'Session complete' 6 "the session completes"
see 'Holds done: 1 of 1' "summary: Holds done: 1 of 1"
keys Enter
expect '^e2e\$ ?$' 3 "the shell prompt is back at the end"
# The status of fg is limber's.
keys -l "echo EXIT=\$? >$(printf %q "$EXIT_FILE")"
keys Enter
expect_exit 0 5 "exit status 0"

log_well_formed
check "log has exactly 1 record" [ "$(record_count)" = 1 ]
record_is 1 e2e-one 'Seated hamstring reach' stretch hamstrings - 5 5 'done'

finish
