#!/usr/bin/env bash
# The Recent list of the History tab names the year of its dates when a
# hold listed is of another year than today's (a record dated 9999-12-31
# tops the list as 9999-12-31, not as 12-31), at 80x24 and at 40x12; with
# every hold of this year, dates are MM-DD.
. "$(dirname "$0")/lib.sh" "$@"

# rec STAMP STEP: a done 30 s calf stretch at a log time.
rec() {
	printf '%s\t-\t%s\tstretch\tcalves\t-\t30\t30\tdone\n' "$1" "$2"
}

# history_tab LABEL SIZE: start limber and open the History tab.
history_tab() {
	start "$1" "$2" -- --routines "$ROUTINES"
	expect "What's sore\\?" 5 "$1: start screen"
	keys 3
	expect 'Streak' 3 "$1: History"
	# A short terminal shows one pane at a time: t goes to the next.
	for _ in 1 2 3; do
		seen 'Recent' && break
		keys t
		wait_for 'Recent' 1
	done
	expect 'Recent' 1 "$1: the Recent list"
}

TODAY=$(date +%F)
NOW=$(date +%Y-%m-%dT%H:%M:%S%:z)

sandbox
mkdir -p "$(dirname "$LOG")"
{
	echo '# limber log v1'
	rec "$NOW" 'Today stretch'
	rec '9999-12-31T08:00:00+00:00' 'Far stretch'
} >"$LOG"

history_tab far 80x24
first=$(printf '%s\n' "$SCREEN" | sed -n '/Recent/{n;p;}')
check "80x24: the 9999 hold tops Recent with its year: '$first'" \
    grep -Eq '^ 9999-12-31 [0-9]{2}:[0-9]{2} .*Far stretch' <<<"$first"
see "^ $TODAY [0-9]{2}:[0-9]{2} .*Today stretch" \
    "80x24: today's hold with its year too, in the same column"
not_see '^ 12-31 ' "80x24: no date without its year"

history_tab far-narrow 40x12
see '^ 9999-12-31 .*Far' "40x12: the 9999 hold with its year"
not_see '^ 12-31 ' "40x12: no date without its year"

# A hold from last year and one from today.
{
	echo '# limber log v1'
	rec "$NOW" 'Today stretch'
	rec "$(date -d "$(date +%Y)-01-01 -1 day" +%Y-%m-%dT12:00:00%:z)" \
	    'Last year stretch'
} >"$LOG"
history_tab last-year 80x24
see "^ $((10#$(date +%Y) - 1))-12-31 12:00 .*Last year stretch" \
    "80x24: last year's hold with its year"
see "^ $TODAY [0-9]{2}:[0-9]{2} .*Today stretch" "80x24: today's with its year"

# Every hold of this year: dates without the year.
{
	echo '# limber log v1'
	rec "$NOW" 'Today stretch'
} >"$LOG"
history_tab this-year 80x24
see "^ $(date +%m-%d) [0-9]{2}:[0-9]{2} .*Today stretch" \
    "80x24: a hold of this year as MM-DD"

finish
