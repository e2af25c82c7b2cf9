#!/usr/bin/env bash
# Every line that show and list print fits the terminal's width, or 80
# columns when the output is not a terminal: the bundled routines, and one
# whose names are in characters two columns wide, zero columns wide or
# combining (tests/data/wide), measured in display columns by wc -L in a
# UTF-8 locale. Counts read "1 step, 1 hold", never "1 steps, 1 holds".
# usage: tests/cli-widths.sh PATH/TO/limber
. "$(dirname "$0")/cli-lib.sh" "$@"
WIDE=$(cd "$(dirname "$0")/data/wide" && pwd)
ROUTINES=$(cd "$(dirname "$0")/../routines" && pwd)

UTF8=
for l in C.UTF-8 C.utf8 en_US.UTF-8 en_US.utf8; do
	if locale -a 2>/dev/null | grep -qx "$l"; then
		UTF8=$l
		break
	fi
done
if [ -z "$UTF8" ]; then
	echo "FAIL: no UTF-8 locale to measure widths in (locale -a)"
	exit 1
fi
export LC_ALL=$UTF8

# widest FILE: the widest line of FILE in terminal columns.
widest() {
	wc -L <"$1"
}

# fits NAME WIDTH: $T/out has no line wider than WIDTH columns.
fits() {
	local got
	got=$(widest "$T/out")
	if [ "$got" -le "$2" ]; then
		ok
	else
		bad "$1: a line is $got columns wide, more than $2:
$(awk -v w="$2" 'length > w' "$T/out" | head -3)"
	fi
}

# on_tty COLS ARGS...: limber with a terminal COLS columns wide as its
# output, through script(1); what it wrote ends in $T/out.
on_tty() {
	local cols=$1
	shift
	script -qefc "stty cols $cols rows 24; $(printf '%q ' "$LIMBER" "$@")" \
	    /dev/null >"$T/out" 2>&1
	status=$?
	tr -d '\r' <"$T/out" >"$T/tty" && mv "$T/tty" "$T/out"
}

ids=$(cd "$ROUTINES" && ls -- *.yaml | sed 's/\.yaml$//')
[ -n "$ids" ] && ok || bad "no bundled routines in $ROUTINES"

# Piped: 80 columns.
for id in $ids; do
	run show "$id";		expect "show-$id" 0 out '^Total: '
	fits "show-$id" 80
done
run show --routines "$WIDE" wide-names
expect show-wide 0 out '^  1\. ⚓⛎❎➿🟰♿ नमस्ते ䷀䷁䷂ 👍🏽 ' out '^Total: '
fits show-wide 80
run list;			expect list 0 out '^calves-post-run '
fits list 80
run list --routines "$WIDE";	expect list-wide 0 out '^wide-names '
fits list-wide 80

# The step's time stays at the right end of its first line; the long step
# name goes on under it.
run show --routines "$WIDE" wide-names
row=$(grep -m 1 '^  1\. ' "$T/out")
[ "$(printf '%s\n' "$row" | wc -L)" = 76 ] && ok ||
    bad "show-wide: step 1's line is not 76 columns: '$row'"
expect show-wide-name 0 out '^     ⚓⛎❎➿🟰♿ नमस्ते ䷀䷁$' out '^  1\. .* 1:00$'

# The Total line, 86 columns once, wraps under its label.
run show calves-post-run
expect total-wraps 0 out '^Total: 5:30 in 3 steps, 10 holds \(plus a few' \
    out '^       .*before each\)$'

# In a terminal: its width, narrower or wider than 80.
if command -v script >/dev/null; then
	for id in $ids; do
		on_tty 60 show "$id";	expect "tty60-show-$id" 0 out '^Total: '
		fits "tty60-show-$id" 60
	done
	on_tty 60 show --routines "$WIDE" wide-names
	expect tty60-show-wide 0 out '^Total: '
	fits tty60-show-wide 60
	on_tty 60 list --routines "$WIDE"
	expect tty60-list 0 out '^ID +NAME +STEPS +TIME +AREAS$'
	fits tty60-list 60
	on_tty 40 show --routines "$WIDE" wide-names
	expect tty40-show-wide 0 out '^Total: '
	fits tty40-show-wide 40
	on_tty 120 show calves-post-run
	expect tty120-total 0 out '^Total: 5:30 in 3 steps, 10 holds \(plus .*before each\)$'
	on_tty 120 list
	expect tty120-list 0 \
	    out '^gentle-full-body +Gentle full body +7 +14:50  hamstrings,calves,hip-flexors,glutes,chest,shoulders,\.\.\.$'
	fits tty120-list 120
else
	echo "note: no script(1); the terminal cases are left out"
fi

# One step, one hold: singular counts.
mkdir -p "$T/one"
printf 'id: one\nname: One\nareas: [calves]\nsteps:\n  - name: Wall calf\n    kind: stretch\n    area: calves\n    hold: 30s\n    cue: Heel down.\n' \
    >"$T/one/one.yaml"
run show --routines "$T/one" one
expect show-singular 0 out '^Total: 0:30 in 1 step, 1 hold '

# A target of one day a week: "1 of 1 day".
mkdir -p "$XDG_CONFIG_HOME/limber"
printf 'targets:\n  calves: {days: 1, seconds: 30s}\n' \
    >"$XDG_CONFIG_HOME/limber/config.yaml"
run log calves 30s;		expect log-one 0
run stats
expect stats-singular 0 out '^  Calves +1 of 1 day \(30s a side\) '

cli_finish
