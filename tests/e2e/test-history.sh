#!/usr/bin/env bash
# The History tab (3 on the start screen) over a log written here with dates
# relative to today: the streak, the calendar, this week against targets set
# in config.yaml, the recent holds newest first with a filter, the stretches
# done most, the skipped-lines note, a hand-edited step that tries to clear
# the screen, "last stretched" on What's sore?, a small terminal, and ASCII
# glyphs without colour.
. "$(dirname "$0")/lib.sh" "$@"

# stamp WHEN: a log time for a date(1) phrase, "2 days ago 07:10".
stamp() {
	date -d "$1" +%Y-%m-%dT%H:%M:%S%:z
}

# md WHEN: a regex for the date of a date(1) phrase as Recent shows it:
# MM-DD, or YYYY-MM-DD when a hold listed is of another year than today's.
md() {
	printf '(%s-)?%s' "$(date -d "$1" +%Y)" "$(date -d "$1" +%m-%d)"
}

# rec WHEN STEP KIND AREA SIDE TARGET HELD OUTCOME: one record on stdout.
rec() {
	printf '%s\t-\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(stamp "$1")" "$2" "$3" \
	    "$4" "$5" "$6" "$7" "$8"
}

# The fixture: done holds today, yesterday and two days ago (a streak of
# 3), nine days in a row long ago (the best streak, 9), a hand-edited step
# with ESC [2J, a BEL and a right-to-left override, and two bad lines (not
# a record; an unknown area).
write_log() {
	local d i
	mkdir -p "$(dirname "$LOG")"
	{
		echo '# limber log v1'
		for i in 70 69 68 67 66 65 64 63 62; do
			rec "$i days ago 08:00" 'Figure four' stretch glutes left 60 60 'done'
		done
		rec '5 days ago 08:00' 'Hamstring fold' stretch hamstrings left 45 0 'skipped'
		echo 'this is not a record'
		rec '2 days ago 07:00' 'Wall calf stretch' stretch calves left 270 270 'done'
		rec '2 days ago 07:05' 'Wall calf stretch' stretch calves right 270 270 'done'
		rec 'yesterday 07:00' 'Quad roll' roll quads - 600 600 'done'
		rec 'yesterday 07:10' 'Quad roll' roll quads - 600 600 'done'
		rec 'yesterday 07:20' 'Wall calf stretch' stretch calves left 60 20 'partial'
		rec 'yesterday 07:30' 'Elbow thing' stretch elbows - 60 60 'done'
		rec 'today 00:10' 'Wall calf stretch' stretch calves left 60 60 'done'
		rec 'today 00:11' 'Wall calf stretch' stretch calves right 60 60 'done'
		rec 'today 00:20' 'Hamstring fold' stretch hamstrings left 45 45 'done'
		rec 'today 00:21' 'Hamstring fold' stretch hamstrings right 45 45 'done'
		d=$(printf 'Evil\033[2J step\a x\xe2\x80\xaerev')
		rec 'today 00:30' "$d" stretch calves - 30 30 'done'
	} >"$LOG"
}

# running: whether limber is still running in the pane.
running() {
	limber_pid >/dev/null
}

# cell ROW COL: the character at column COL (from 0) of the screen line
# that starts with the day label ROW (" Mo ").
cell() {
	local line
	line=$(printf '%s\n' "$SCREEN" | grep -m 1 "^ $1 ")
	LC_ALL=C.UTF-8 bash -c 'printf "%s" "${1:$2:1}"' _ "$line" "$2"
}

sandbox
# Calves: 3 days a week, 2 dosed, the last today (not due); Hamstrings: 1
# day (on target); Quads: daily, dosed yesterday (due).
printf 'targets:\n  calves: {days: 3, seconds: 60}\n  hamstrings: {days: 1, seconds: 30}\n  quads: {days: 7}\n' \
    >>"$XDG_CONFIG_HOME/limber/config.yaml"
write_log

days=(Mo Tu We Th Fr Sa Su)
dow=$(($(date +%u) - 1))
today_row=${days[$dow]}
yest_row=${days[$(((dow + 6) % 7))]}
yest_col=54
[ "$dow" = 0 ] && yest_col=52

start hist -- --routines "$ROUTINES"
expect "What's sore\\?" 5 "start screen"
see '1 What.s sore\? +2 All routines +3 History' "three tabs"
see '^ +Calves .*last stretched: today$' "What's sore?: Calves today (from the stats)"
see '^ +Quads .*last stretched: yesterday$' "What's sore?: Quads yesterday"
see "^ +Glutes .*last stretched: $(date -d '62 days ago' +%F)\$" \
    "What's sore?: Glutes long ago shows the date"
see '^ +Lats .*last stretched: never$' "What's sore?: Lats never"

keys 3
expect 'Streak 3 days · best 9 days' 3 "3 opens History: Streak 3 days · best 9 days"
see '2 log lines skipped' "the skipped-lines note"
see '^ limber' "the title bar is still there (the screen was not cleared)"
see '3 History' "the History tab"
see 'less · ░ ▒ ▓ █ more' "the legend"
check "today ($today_row) in the last column is ░ (4 min)" \
    [ "$(cell "$today_row" 54)" = '░' ]
check "yesterday ($yest_row) is █ (20 min)" [ "$(cell "$yest_row" "$yest_col")" = '█' ]
for ((i = dow + 1; i < 7; i++)); do
	c=$(cell "${days[$i]}" 54)
	check "after today, ${days[$i]} is blank" [ -z "${c// /}" ]
done
check "a day with nothing is ·" [ "$(cell "$today_row" 52)" = '·' ]
see '^ +This week' "This week"
see '^ +Calves .*2/3 days' "Calves: 2/3 days"
not_see '^ +Calves .* due *$' "Calves dosed today: not due, though 2 of 3 days"
see '^ +Quads .*1/7 days.* due *$' "Quads daily, dosed yesterday: due"
see '^ +Quads .*met yesterday +due *$' "Quads: the dose last met yesterday"
see '^ +Calves .*met today *$' "Calves: the dose met today"
see '^ +Hamstrings .*1/1 day ' "Hamstrings: 1/1 day"
not_see '^ +Hamstrings .* due *$' "Hamstrings on target: no due mark"
see 'Recent · all areas \(f: filter' "Recent, all areas"
see 'Evil\^\[\[2J step\^G x<U\+202E>rev' "the ESC, BEL and RLO in a step are shown escaped"
# The recent holds, newest first: MM-DD HH:MM of each row in order.
recent=$(printf '%s\n' "$SCREEN" | sed -n '/Recent ·/,$p' |
    grep -Eo '^ ([0-9]{4}-)?[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}')
check "recent holds listed ($(echo "$recent" | wc -l) rows)" \
    [ "$(echo "$recent" | wc -l)" -ge 3 ]
check "recent holds newest first" sort -r -c <<<"$recent"
first=$(printf '%s\n' "$SCREEN" | sed -n '/Recent ·/{n;p;}')
check "the newest is today's hand-edited hold: '$first'" \
    grep -Eq "^ $(md today) 00:30 .*Evil" <<<"$first"

keys j
expect "^ $(md today) 00:21 .*Hamstring fold" 2 "j scrolls the recent holds by one"
keys End
expect "^ $(md '70 days ago') 08:00 .*Figure four" 2 "End shows the oldest hold last"
keys Home
expect "^ $(md today) 00:30 .*Evil" 2 "Home goes back to the newest"

keys f
expect 'Recent · Hamstrings' 2 "f filters: Recent · Hamstrings"
rows=$(printf '%s\n' "$SCREEN" | sed -n '/Recent ·/,$p' | grep -E '^ ([0-9]{4}-)?[0-9]{2}-[0-9]{2} ')
# shellcheck disable=SC2016 # expanded by the inner bash
check "only Hamstring holds: $(echo "$rows" | wc -l) rows" \
    bash -c '! grep -v "Hamstring fold" <<<"$1" && [ -n "$1" ]' _ "$rows"
see "$(md '5 days ago') 08:00 +left +Hamstring fold +0s skipped" \
    "the skipped hold shows, with its outcome"
keys f
expect 'Recent · Quads' 2 "f again: Quads"
keys F F
expect 'Recent · all areas' 2 "F goes back to all areas"

keys t
expect 'Most done' 2 "t shows Most done"
see 'Figure four +Glutes +9x +9m' "Most done: Figure four, 9 times, 9m"
not_see 'Recent ·' "Most done replaced Recent"
keys t
expect 'Recent · all areas' 2 "t again: Recent"

keys '?'
expect 'f F +filter recent holds by area' 2 "? lists the History keys"
keys Space
wait_gone 'f F +filter recent holds by area' 2
keys 1
expect "What's sore\\? Pick an area" 2 "1 goes back to What's sore?"
keys Tab Tab
expect 'Streak 3 days' 2 "Tab twice reaches History"
keys BTab
expect 'Filter: ' 2 "Shift-Tab goes back to All routines"
keys Escape 3
expect 'Streak 3 days' 2 "Esc, then 3 again: History"

resize 40 12
expect '^ 1 What.s sore\? 2 All routines' 3 "40x12: the tabs, closer together"
expect 'History' 3 "40x12: the History tab is still there"
see 'Streak' "40x12: the streak"
check "40x12: limber is still running" running
resize 120 40
expect 'Most done' 3 "120x40: Recent and Most done both"
see 'Recent · all areas' "120x40: Recent too"
keys q
expect_exit 0 5 "q on History quits with status 0"

# Without colour, in the C locale: ASCII glyphs.
start ascii NO_COLOR=1 LC_ALL=C -- --routines "$ROUTINES"
expect "What's sore\\?" 5 "ASCII start screen"
keys 3
expect 'Streak 3 days - best 9 days' 3 "ASCII streak line"
see 'less \. - \+ \* # more' "ASCII legend"
check "ASCII: today is -" [ "$(cell "$today_row" 54)" = '-' ]
check "ASCII: yesterday is #" [ "$(cell "$yest_row" "$yest_col")" = '#' ]
not_see '[·░▒▓█]' "ASCII: no block glyphs"
keys q
expect_exit 0 5 "ASCII: q quits"

# The log is a folder: History says so and limber carries on.
rm -f "$LOG"
mkdir "$LOG"
start dir -- --routines "$ROUTINES"
expect "What's sore\\?" 5 "a log that is a folder: start screen"
see '^ +Calves .*last stretched: \?$' "unreadable log: last stretched is not known"
see 'Cannot read the log: Is a directory' "unreadable log: What's sore? says why"
keys 3
expect 'Cannot read the log: Is a directory' 3 "History: Cannot read the log"
keys q
expect_exit 0 5 "unreadable log: q quits"

finish
