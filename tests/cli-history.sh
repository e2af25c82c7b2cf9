#!/usr/bin/env bash
# End-to-end tests of the hold log commands: history, stats, due, export, log.
# usage: tests/cli-history.sh PATH/TO/limber
. "$(dirname "$0")/cli-lib.sh" "$@"
mkdir -p "$XDG_DATA_HOME/limber"
LOG=$XDG_DATA_HOME/limber/log.tsv

# Control characters other than newline in a file.
raw_controls() { LC_ALL=C grep -q $'[\x01-\x09\x0b-\x1f\x7f]' "$1"; }

day() { date -d "$1" +%F; }
D0=$(day today) D1=$(day '-1 day') D3=$(day '-3 days') D30=$(day '-30 days')
D40=$(day '-40 days')
TAB=$'\t'

# rec STAMP ROUTINE STEP KIND AREA SIDE TARGET HELD OUTCOME: one log line.
rec() { local IFS=$TAB; printf '%s\n' "$*"; }

# The fixture: offsets that put the instant on another UTC date than the
# one written, a partial and a skipped hold, one hold out of the 30 days.
fixture() {
	echo '# limber log v1'
	rec "${D40}T10:00:00Z" - 'Old hold' stretch hamstrings - 45 45 done
	rec "${D3}T07:12:03+01:00" morning 'Wall calf' stretch calves left 30 30 done
	rec "${D3}T07:12:40+01:00" morning 'Wall calf' stretch calves right 30 30 done
	rec "${D1}T23:30:00-05:00" - 'Couch stretch' stretch hip-flexors left 60 41 partial
	rec "${D1}T08:00:00+09:00" morning 'Foam roll' roll quads - 60 0 skipped
	rec "${D0}T00:30:00+14:00" - 'Late calf' stretch calves - 45 45 done
}
fixture >"$LOG"

# stats --format tsv: exact bytes.
run stats --format tsv
expect stats-tsv 0
same stats-tsv out "area\tholds\tseconds\tdays\tlast\nhip-flexors\t0\t41\t0\t-\nquads\t0\t0\t0\t-\ncalves\t3\t105\t2\t$D0\n"
[ ! -s "$T/err" ] && ok || bad "stats tsv: stderr not empty"
# The date written counts, whatever the offset.
run stats --format tsv --since "$D1" --until "$D1"
same stats-offset-yesterday out "area\tholds\tseconds\tdays\tlast\nhip-flexors\t0\t41\t0\t-\nquads\t0\t0\t0\t-\n"
run stats --format tsv --since 0d
same stats-offset-today out "area\tholds\tseconds\tdays\tlast\ncalves\t1\t45\t1\t$D0\n"
run stats --format tsv --since 6w
same stats-6w out "area\tholds\tseconds\tdays\tlast\nhamstrings\t1\t45\t1\t$D40\nhip-flexors\t0\t41\t0\t-\nquads\t0\t0\t0\t-\ncalves\t3\t105\t2\t$D0\n"
run stats --format tsv --since "$D30" --until 2d
same stats-until out "area\tholds\tseconds\tdays\tlast\ncalves\t2\t60\t1\t$D3\n"
run stats --format tsv --until 41d
same stats-nothing out "area\tholds\tseconds\tdays\tlast\n"

# stats as text.
run stats
expect stats-text 0 out "^From $D30 to $D0:" out '^  Calves +3 +1m45s +2  '"$D0"'$' \
    out '^  Total +3 +2m26s +2  '"$D0"'$' out '^Streak: 1 day \(best 1 day, '"$D0"'\)$' \
    out '^This week' out '^  Calves +0 of 3 days \(1m a side\) +1m45s of 6m +no dose in 7 days +due$' \
    out '^  Hamstrings +0 of 3 days \(1m a side\) +0s of 6m +no dose in 7 days +due$'
! grep -Eq 'Hip flexors.*(dose|due$)' "$T/out" && ok || bad "stats: hip flexors tracked without a done hold"
run stats --format text --until 41d
expect stats-text-none 0 out "^No holds from "

# history: oldest first by the date written, times as written.
run history
expect history 0 out '^Date +Time +Area +Side +Stretch +Held +Target +Outcome$' \
    out '^5 holds \(3 done, 1 partial, 1 skipped\), 2m26s held$'
grep -E "^$D3|^$D1|^$D0" "$T/out" | awk '{print $1, $2}' >"$T/order"
same history-order order "$D3 07:12\n$D3 07:12\n$D1 08:00\n$D1 23:30\n$D0 00:30\n"
grep -Eq "^$D1  23:30  Hip flexors  left +Couch stretch +41s +1m  partial$" "$T/out" && ok || bad "history: partial row"
grep -Eq "^$D1  08:00  Quads +Foam roll +0s +1m  skipped$" "$T/out" && ok || bad "history: skipped row"
! grep -q 'Old hold' "$T/out" && ok || bad "history: shows a hold older than 30 days"
run history --since 3d --until 3d
expect history-relative 0 out '^2 holds \(2 done, 0 partial, 0 skipped\), 1m held$'
run history --since 1w --area calves
expect history-area 0 out '^3 holds \(3 done, 0 partial, 0 skipped\), 1m45s held$'
run history --since 6w
expect history-6w 0 out 'Old hold' out '^6 holds '
run history --until 41d
expect history-none 0 out "^No holds from $(day '-71 days') to $(day '-41 days')\.$"
run history --area neck
expect history-none-area 0 out "^No holds of Neck from $D30 to $D0\.$"
awk 'length > 80' "$T/out" | grep -q . && bad "history: line over 80 columns" || ok

# due: in the fixture no day met calves' or hamstrings' dose.
run due
expect due 1
same due out "hamstrings: due: no day met the dose in the last 7 days (target 3 days a week, 1m a side)\ncalves: due: no day met the dose in the last 7 days (target 3 days a week, 1m a side)\n"

# due after one full calves session (a minute each side) on DATE, in a log
# of its own: due_after NAME DATE [TARGET...] runs due, with TARGET lines
# (YAML under targets:) in a config of its own.
due_after() {
	local name=$1 when=$2 dir=$T/$1
	shift 2
	mkdir -p "$dir/data/limber" "$dir/config/limber"
	{
		echo '# limber log v1'
		rec "${when}T07:00:00+00:00" calves-post-run 'Wall calf stretch' stretch calves left 60 60 done
		rec "${when}T07:01:10+00:00" calves-post-run 'Wall calf stretch' stretch calves right 60 60 done
	} >"$dir/data/limber/log.tsv"
	[ $# -gt 0 ] && printf 'targets:\n%s\n' "$@" >"$dir/config/limber/config.yaml"
	XDG_DATA_HOME=$dir/data XDG_CONFIG_HOME=$dir/config run due
}
# Day one: the dose met today is never due, whatever the target.
due_after day-one "$D0"
expect due-day-one 0
same due-day-one-quiet out ''
due_after day-one-daily "$D0" '  calves: {days: 7}'
expect due-day-one-daily 0
XDG_DATA_HOME=$T/day-one/data XDG_CONFIG_HOME=$T/day-one/config run stats
expect stats-day-one 0 out '^  Calves +1 of 3 days \(1m a side\) +2m of 6m +dose met today +ok$'
# 3 a week: due when the gap is 3 days (3 x 3 >= 7), not 2.
D2=$(day '-2 days') D6=$(day '-6 days') D7=$(day '-7 days')
due_after gap-2 "$D2"
expect due-gap-2 0
due_after gap-3 "$D3"
expect due-gap-3 1
same due-gap-3 out "calves: due: last met the dose $D3, 3 days ago (target 3 days a week, 1m a side)\n"
XDG_DATA_HOME=$T/gap-3/data XDG_CONFIG_HOME=$T/gap-3/config run stats
expect stats-gap-3 0 out '^  Calves +1 of 3 days \(1m a side\) +2m of 6m +dose met 3 days ago +due$'
# Daily: due the day after. Once a week: due 7 days after, not 6.
due_after daily "$D1" '  calves: {days: 7, seconds: 1m}'
expect due-daily 1
same due-daily out "calves: due: last met the dose $D1, 1 day ago (target 7 days a week, 1m a side)\n"
due_after weekly-6 "$D6" '  calves: {days: 1}'
expect due-weekly-6 0
due_after weekly-7 "$D7" '  calves: {days: 1}'
expect due-weekly-7 1
same due-weekly-7 out "calves: due: no day met the dose in the last 7 days (target 1 day a week, 1m a side)\n"

# export: everything by default, CSV with CRLF, JSON that parses.
run export
expect export-csv 0
head -1 "$T/out" >"$T/head"
same export-csv-header head 'start,date,routine,step,kind,area,side,target,held,outcome\r\n'
[ "$(wc -l <"$T/out")" -eq 7 ] && ok || bad "export csv: not 7 lines"
[ "$(grep -c $'\r$' "$T/out")" -eq 7 ] && ok || bad "export csv: not every row ends in CRLF"
grep -q "^${D1}T23:30:00-05:00,$D1,-,Couch stretch,stretch,hip-flexors,left,60,41,partial"$'\r$' "$T/out" && ok || bad "export csv: row"
run export --format json --since 3d --until 3d
expect export-json 0 out '^\[\{"start":"'"$D3"'T07:12:03\+01:00","date":"'"$D3"'","routine":"morning","step":"Wall calf","kind":"stretch","area":"calves","side":"left","target":30,"held":30,"outcome":"done"\},$'
run export --format json --area hip-flexors
expect export-json-null 0 out '"routine":null' out '"side":"left"' out '"target":60,"held":41'
run export --format csv --area neck
same export-csv-empty out 'start,date,routine,step,kind,area,side,target,held,outcome\r\n'
run export --format json --area neck
same export-json-empty out '[]\n'

# Hostile text in a hand-edited log: quotes, commas, control characters,
# bytes that are not UTF-8.
HOSTILE=$'Step \e[31mred\a bell\r cr, "q" \xff\xfe end'
rec "${D1}T12:00:00+00:00" 'r,"x"' "$HOSTILE" stretch neck left 30 30 done >>"$LOG"
run history --area neck
expect history-hostile 0 out 'Step \^\[\[31mred\^G bell\^M'
raw_controls "$T/out" && bad "history printed a control character" || ok
run export --format csv --area neck
grep -q '"r,""x"""' "$T/out" && ok || bad "export csv: quoted routine"
run export --format json
expect export-json-hostile 0 out '"step":"Step \\u001b\[31mred\\u0007 bell\\r cr, \\"q\\" \\ufffd\\ufffd end"'
if command -v python3 >/dev/null; then
	check export-json-valid python3 -m json.tool "$T/out" >/dev/null
	run export
	check export-csv-valid python3 -c 'import csv,sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8", errors="replace")))
assert len(rows) == 8 and all(len(r) == 10 for r in rows), rows
assert rows[7][2] == "r,\"x\"" and "\ufffd cr" in rows[7][3], rows[7]
assert not any(c < " " or "\x7f" <= c < "\xa0" for c in rows[7][3]), rows[7]' "$T/out"
fi

# Missing log: an empty history, not an error.
rm "$LOG"
run history;			expect missing-history 0 out "^No holds from $D30 to $D0\.$"
run stats --format tsv;		same missing-stats out 'area\tholds\tseconds\tdays\tlast\n'
run due;			expect missing-due 0
[ ! -s "$T/out" ] && ok || bad "due with no log printed something"
run export --format json;	same missing-export out '[]\n'
# A target in the config makes an area due even with no log.
mkdir -p "$XDG_CONFIG_HOME/limber"
printf 'targets:\n  neck: {days: 2, seconds: 30s}\n' >"$XDG_CONFIG_HOME/limber/config.yaml"
run due
expect due-config 1
same due-config out 'neck: due: no day met the dose in the last 7 days (target 2 days a week, 30s a side)\n'
printf 'targets:\n  nekc: {days: 2}\n' >"$XDG_CONFIG_HOME/limber/config.yaml"
run due
expect due-bad-config 3 err "config.yaml:2:3: error: unknown area 'nekc' \(did you mean 'neck'\?\)"
[ ! -s "$T/out" ] && ok || bad "due with bad settings printed areas"
rm -r "$XDG_CONFIG_HOME/limber"

# A log that is a folder: a clear error (due says so with 3).
mkdir "$LOG"
for cmd in history stats due export; do
	run $cmd
	want=1; [ $cmd = due ] && want=3
	expect "folder-$cmd" $want err "^limber: cannot read $LOG: Is a directory$"
done
run export
[ ! -s "$T/out" ] && ok || bad "export of an unreadable log printed something"
rmdir "$LOG"

# A FIFO where the log should be never hangs a reader: it is refused.
mkfifo "$LOG"
for cmd in history stats due export; do
	timeout 5 "$LIMBER" $cmd >"$T/out" 2>"$T/err"
	status=$?
	[ "$status" != 124 ] && ok || bad "fifo-$cmd: limber $cmd hung on a FIFO"
done
rm "$LOG"

# Malformed lines are skipped with one warning; the log is not touched.
{
	echo '# limber log v1'
	rec "${D1}T07:00:00+00:00" - Good stretch calves left 30 30 done
	rec "${D1}T07:01:00+00:00" - 'Eight fields' stretch calves left 30 30
	rec "${D1}T25:01:00+00:00" - 'Bad time' stretch calves left 30 30 done
	rec "${D1}T07:02:00+00:00" - Negative stretch calves left 30 -5 done
	rec "${D1}T07:03:00+00:00" - Words stretch calves left thirty 30 done
	rec "${D1}T07:04:00+00:00" - Unknown stretch calves left 30 30 finished
	rec "${D1}T07:05:00+00:00" - Good stretch calves right 30 30 done
	rec "${D1}T07:06:00+00:00" - Torn stretch calves right 30 30 done | tr -d '\n'
} >"$LOG"
sum=$(sha256sum <"$LOG")
for cmd in history stats due export; do
	run $cmd
	[ "$(wc -l <"$T/err")" -eq 1 ] && ok || bad "malformed-$cmd: not one warning line"
	grep -q "^limber: warning: $LOG: skipped 6 malformed lines (3, 4, 5, 6, 7, ...)$" "$T/err" && ok ||
	    bad "malformed-$cmd: warning"
done
run history
expect malformed-history 0 out '^2 holds \(2 done, 0 partial, 0 skipped\), 1m held$'
[ "$(sha256sum <"$LOG")" = "$sum" ] && ok || bad "reading changed the log"

# Bad input: messages and exit statuses.
run history --since 2026-13-01
expect bad-date 2
same bad-date err "limber history: bad date '2026-13-01' (use YYYY-MM-DD, or 30d or 12w for days or weeks ago)\n"
run stats --until 3x;		expect bad-relative 2 err "^limber stats: bad date '3x' "
run export --since 2026-02-30;	expect bad-day 2 err "bad date '2026-02-30'"
run stats --since 2026-11-21 --until 2026-11-01
expect since-after-until 2
same since-after-until err 'limber stats: --since 2026-11-21 is after --until 2026-11-01\n'
run history --since 0d --until 1d; expect since-after-until-relative 2 err "is after --until $D1"
run stats --format xml;		expect stats-bad-format 2 err "--format is text or tsv, not 'xml'"
run export --format tsv;	expect export-bad-format 2 err "--format is csv or json, not 'tsv'"
run history --area calfs;	expect history-bad-area 2 err "unknown area 'calfs' \(did you mean 'calves'\?\)"
run export --area hamstrng;	expect export-bad-area 2 err "did you mean 'hamstrings'"
run history --frob;		expect unknown-option 2 err "unknown option '--frob'"
run stats --since;		expect missing-value 2 err "needs a value"
run due extra;			expect due-extra 2 err "unexpected argument 'extra'"
run log calfs 30s;		expect log-bad-area 2 err "unknown area 'calfs' \(did you mean 'calves'\?\)"
run log calves abc;		expect log-bad-duration 2 err "not 'abc'"
run log calves 0;		expect log-zero 2 err "from 1s to 1h"
run log calves 1h1s;		expect log-too-long 2 err "from 1s to 1h"
run log calves;			expect log-no-duration 2 err "give an area and a duration"
run log calves 30s --side middle; expect log-bad-side 2 err "--side is left or right"
run log upper-back 30s --side left; expect log-sideless 2 err "upper-back has no left or right side"
run log calves 30s --kind yoga;	expect log-bad-kind 2 err "--kind is stretch or roll"
run log calves 30s --at "$(date -d '+1 day' '+%F %H:%M')"
expect log-future 2 err "is in the future"
run log calves 30s --at 25:00;	expect log-bad-at 2 err "--at takes"
run log calves 30s --frob;	expect log-unknown-option 2 err "unknown option '--frob'"
[ "$(sha256sum <"$LOG")" = "$sum" ] && ok || bad "a refused log command changed the log"

# limber log writes records that history shows.
rm "$LOG"
run log calves 45s --side left
expect log 0 out "^Logged 45s of Calves \(left\) at $D0 [0-9]{2}:[0-9]{2}\.$"
run log quads 1m30s --kind roll --name 'Foam roller' --at "$D1 07:30"
expect log-at 0 out "^Logged 1m30s of Foam roller \(Quads\) at $D1 07:30\.$"
run log upper-back 1m --at "${D3}T06:05:09"
expect log-at-t 0 out "at $D3 06:05\.$"
run log neck 20 --at 00:00
expect log-at-today 0 out "at $D0 00:00\.$"
grep -q $'\tFoam roller\troll\tquads\t-\t90\t90\tdone$' "$LOG" && ok || bad "log: record fields"
grep -q "^${D3}T06:05:09[+-][0-9][0-9]:[0-9][0-9]"$'\t-\tUpper back\t' "$LOG" && ok || bad "log: --at stamp"
run history --since 1w
expect log-history 0 out "^$D3  06:05  Upper back +Upper back +1m +1m  done$" \
    out "^$D1  07:30  Quads +Foam roller +1m30s +1m30s  done$" \
    out "^$D0  [0-9:]{5}  Calves +left +Calves +45s +45s  done$" \
    out '^4 holds \(4 done, 0 partial, 0 skipped\), 3m35s held$'

# Two writers at once: every record whole.
CONC=$T/conc
for w in 1 2; do
	(for i in $(seq 300); do
		XDG_DATA_HOME=$CONC "$LIMBER" log calves 30s >/dev/null \
		    2>>"$T/conc-err" || echo "writer $w failed" >>"$T/conc-err"
	done) &
done
wait
[ ! -s "$T/conc-err" ] && ok || bad "concurrent: $(head -3 "$T/conc-err")"
[ "$(grep -c $'^[^#]' "$CONC/limber/log.tsv")" -eq 600 ] && ok || bad "concurrent: not 600 records"
[ "$(awk -F'\t' '!/^#/ && NF == 9' "$CONC/limber/log.tsv" | wc -l)" -eq 600 ] && ok || bad "concurrent: a record is not 9 fields"
[ "$(grep -c '^# limber log v1$' "$CONC/limber/log.tsv")" -eq 1 ] && ok || bad "concurrent: header not once"
[ "$(wc -l <"$CONC/limber/log.tsv")" -eq 601 ] && ok || bad "concurrent: lines other than the header and records"

# Another process keeps the log locked: every command gives up after a few
# seconds with a message instead of waiting for ever, and logs nothing.
LOCKED=$T/locked
mkdir -p "$LOCKED/limber"
printf '# limber log v1\n' >"$LOCKED/limber/log.tsv"
# One process, the sleep itself, holds the lock, so killing it lets go.
(exec 9<"$LOCKED/limber/log.tsv"; flock 9; touch "$T/lock-held"
	exec sleep 60) >/dev/null 2>&1 &
holder=$!
for _ in $(seq 500); do [ -e "$T/lock-held" ] && break; sleep 0.02; done
for cmd in "log calves 30" "history" "stats" "due" "export"; do
	# shellcheck disable=SC2086 # the command's words
	XDG_DATA_HOME=$LOCKED timeout 30 "$LIMBER" $cmd >"$T/out" 2>"$T/err"
	status=$?
	[ "$status" -ne 0 ] && [ "$status" -ne 124 ] && ok ||
		bad "locked: $cmd: exit $status (124: still waiting after 30 s)"
	grep -q "another process held its lock" "$T/err" && ok ||
		bad "locked: $cmd: no message about the lock"
done
! grep -q Logged "$T/out" && ok || bad "locked: log says Logged"
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null
[ "$(wc -l <"$LOCKED/limber/log.tsv")" -eq 1 ] && ok || bad "locked: a record was written"

# A log folder that cannot be made: XDG_DATA_HOME/limber is a file.
mkdir -p "$T/blocked"; : >"$T/blocked/limber"
XDG_DATA_HOME=$T/blocked run log calves 30s
expect log-blocked 1 err "^limber: cannot create folder $T/blocked/limber: Not a directory$"
XDG_DATA_HOME=$T/blocked run history
expect history-blocked 1 err "^limber: cannot read $T/blocked/limber/log.tsv: Not a directory$"

# Output that cannot be written.
if [ -w /dev/full ]; then
	"$LIMBER" export >/dev/full 2>"$T/err"; status=$?
	expect export-full 1 err 'cannot write the output'
fi

cli_finish
