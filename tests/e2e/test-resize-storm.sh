#!/usr/bin/env bash
# A resize storm during a hold: 100 resizes as fast as they come, from 80x24
# down to 10x5 and back up, then the same cycle through tmux, ending at
# 10x5, then back to 80x24. limber keeps running, shows something sane at
# 10x5, draws its normal layout again at 80x24, and the timer stays right:
# the hold ends 10 s after Enter and is logged once, whole.
#
# tmux passes on only a few pane resizes a second, so the storm sets the
# size of the pane's terminal itself (the kernel sends SIGWINCH each time);
# the tmux cycle after it is the real path, and makes tmux agree again.
. "$(dirname "$0")/lib.sh" "$@"

HOLD=10
STORM=100
CYCLE=(20x6 30x8 40x12 60x20 80x24 60x20 40x12 30x8 20x6 10x5)

# layout: the last capture with the numbers, the bars, the big digits and
# the count of the last seconds ("Last one ... 3") masked, to compare the
# layout of two screens taken at other times.
layout() {
	printf '%s\n' "$SCREEN" |
	    sed -E 's/^[ █]*█[ █]*$/(big digits)/; s/ \.\.\. [0-9]$//;
	    s/[0-9]/9/g; s/[█░]+/(bar)/g'
}

# secs M:SS: the seconds of a clock.
secs() {
	echo $((${1%:*} * 60 + 10#${1#*:}))
}

# tty_is TTY W H: the terminal's size is W columns by H rows.
# shellcheck disable=SC2317 # called through wait_until
tty_is() {
	[ "$(stty -F "$1" size)" = "$3 $2" ]
}

# countdown_near WHAT: the countdown on the screen (m:ss alone on its line,
# the time left rounded up) is within a second of the time left by the
# clock since Enter.
countdown_near() {
	local shown want
	shown=$(printf '%s\n' "$SCREEN" | grep -Eo '^ ?[0-9]:[0-9]{2} *$' |
	    tr -d ' ')
	if [ -z "$shown" ]; then
		fail "$1: no countdown on the screen"
		return
	fi
	want=$(((HOLD * 1000 - ($(now_ms) - began) + 999) / 1000))
	check "$1: the countdown says $shown, $want s are left" \
	    between "$(secs "$shown")" $((want - 1)) $((want + 1))
}

sandbox
long_prepare
start run -- run --hold "$HOLD" --routines "$ROUTINES" e2e-one

expect 'Get into position' 5 "preparation prompt"
keys Enter
began=$(now_ms)
expect '^ Last one' 2 "hold under way"
see "/ 0:$HOLD\$" "--hold $HOLD sets the hold to $HOLD s"
see '█' "80x24: big digits"
before=$(layout)
pid=$(limber_pid) || die "cannot find the limber process under the pane"
tty=$(pane_tty)

t=$(now_ms)
for ((i = 0; i < STORM; i++)); do
	size=${CYCLE[i % ${#CYCLE[@]}]}
	tty_size "$tty" "${size%x*}" "${size#*x}" ||
	    die "cannot set the size of $tty"
done
took=$(($(now_ms) - t))
check "$STORM resizes on the pane's terminal in $took ms: limber runs on" \
    kill -0 "$pid"
check "nothing logged during the storm" [ "$(record_count)" = 0 ]

for size in "${CYCLE[@]}"; do
	resize "${size%x*}" "${size#*x}"
done
# tmux passes the last size on within a quarter of a second.
check "the tmux cycle leaves the terminal at 10x5" wait_until 3 tty_is "$tty" 10 5
# The screen before may still show, cut to 10x5: wait for a new second.
capture
t1=$(printf '%s\n' "$SCREEN" | grep -Eo '^[0-9]:[0-9]{2}$')
wait_gone "^$t1\$" 2
t2=$(printf '%s\n' "$SCREEN" | grep -Eo '^[0-9]:[0-9]{2}$')
check "10x5: the timer keeps running (${t1:-nothing} then ${t2:-nothing})" \
    [ -n "$t1" -a -n "$t2" -a "$t1" != "$t2" ]
shape=$(printf '%s\n' "$SCREEN" | grep -v '^ *$' | sed 's/[0-9]/9/g' |
    tr '\n' '|')
check "10x5: 'Too small', the countdown, 'Last one', nothing else ($shape)" \
    [ "$shape" = 'Too small|9:99|Last one|' ]
countdown_near "10x5"
check "limber still runs after the storms" kill -0 "$pid"

resize 80 24
expect 'Space pause' 3 "80x24 again: the full layout's keys line"
not_see 'Make the terminal larger' "80x24 again: no request for room"
after=$(layout)
if [ "$after" = "$before" ]; then
	ok "80x24 again: the same layout as before the storm"
else
	fail "80x24 again: the layout differs from before the storm:
$(diff <(printf '%s\n' "$before") <(printf '%s\n' "$after") | sed 's/^/  /')"
fi
held=$(printf '%s\n' "$SCREEN" | grep -Eo "[0-9]:[0-9]{2} / 0:$HOLD\$")
since=$((($(now_ms) - began) / 1000))
if [ -z "$held" ]; then
	fail "80x24 again: no hold bar ('m:ss / 0:$HOLD')"
else
	check "80x24 again: held $held, $since s since Enter" \
	    between "$(secs "${held%% *}")" $((since - 1)) $((since + 1))
fi

one_hold_on_time "$began" "$HOLD"

finish
