#!/usr/bin/env bash
# limber log writes only what every reader reads back: time zones whose
# offset the log cannot hold are refused with a message (never "Logged"), a
# blank --name is refused, and a log that went through a CRLF conversion
# reads as its records.
# usage: tests/cli-log.sh PATH/TO/limber
. "$(dirname "$0")/cli-lib.sh" "$@"
LOG=$XDG_DATA_HOME/limber/log.tsv
TAB=$'\t'
D1=$(date -d '-1 day' +%F)

# rec STAMP ROUTINE STEP KIND AREA SIDE TARGET HELD OUTCOME: one CRLF line.
rec_crlf() { local IFS=$TAB; printf '%s\r\n' "$*"; }

# log_in TZ ARGS...: runs limber log in the time zone TZ.
log_in() {
	local tz=$1
	shift
	TZ=$tz "$LIMBER" log "$@" >"$T/out" 2>"$T/err"
	status=$?
}

# refused NAME: the last command said nothing on stdout and left no log.
refused() {
	[ ! -s "$T/out" ] && ok || bad "$1: printed '$(cat "$T/out")'"
	[ ! -e "$LOG" ] && ok || bad "$1: wrote the log"
}

# Offsets past +/-23:59 (POSIX TZ allows up to 24:59:59) or with seconds.
for tz in 'XXX-24' 'XXX+24' 'XXX-24:59' '<+2430>-24:30' 'XXX-24:59:59'; do
	log_in "$tz" calves 30
	expect "tz $tz" 1 err '^limber: cannot log the hold: the time zone offset [+-]24:[0-9:]+ is outside what the log can hold \(whole minutes from -23:59 to \+23:59\): check TZ$'
	refused "tz $tz"
done
log_in 'XXX-24' calves 30
same tz-message err 'limber: cannot log the hold: the time zone offset +24:00 is outside what the log can hold (whole minutes from -23:59 to +23:59): check TZ\n'
log_in 'XXX+24:30' calves 30
expect tz-west 1 err 'offset -24:30 is outside'
log_in 'XXX-1:00:30' calves 30
expect tz-seconds 1 err 'offset \+01:00:30 has seconds, which the log cannot hold'
refused tz-seconds

# The widest offsets the log holds are written, and read back by history.
for tz in 'XXX-23:59' 'XXX+23:59' 'XXX-14' 'XXX+12'; do
	log_in "$tz" calves 30 --at "$D1 12:00"
	expect "tz $tz" 0 out "^Logged 30s of Calves at $D1 12:00\.$"
done
grep -q "^${D1}T12:00:00+23:59$TAB" "$LOG" && ok || bad "tz +23:59: stamp"
grep -q "^${D1}T12:00:00-23:59$TAB" "$LOG" && ok || bad "tz -23:59: stamp"
run history --since 7d
expect tz-history 0 out '^4 holds \(4 done, 0 partial, 0 skipped\), 2m held$'
[ ! -s "$T/err" ] && ok || bad "tz-history: a record written was skipped"
# The earliest --at, in a zone far east of UTC: before the epoch in UTC.
log_in 'XXX-14' neck 20 --at '1970-01-01 00:00'
expect at-epoch 0 out '^Logged 20s of Neck at 1970-01-01 00:00\.$'
grep -q "^1970-01-01T00:00:00+14:00$TAB" "$LOG" && ok || bad "at-epoch: stamp"
TZ=XXX-14 "$LIMBER" history --since 1970-01-01 --until 1970-01-01 >"$T/out" 2>"$T/err"
status=$?
expect at-epoch-history 0 out '^1970-01-01  00:00  Neck ' out '^1 hold '
[ ! -s "$T/err" ] && ok || bad "at-epoch-history: a record was skipped"
rm "$LOG"

# A name with nothing to show is refused; the area's name is the default.
for name in '' ' ' $'\t' $'\n' $'\x1b' $' \xc2\xa0\xe2\x80\x83 '; do
	run log calves 30 --name "$name"
	expect "blank name $(printf %q "$name")" 2 err \
	    "^limber log: --name is (empty|blank): say what you did, e.g. --name 'wall calf stretch', or leave --name out to log the area's name"
	refused "blank name $(printf %q "$name")"
done
run log calves 30 --name ''
same empty-name err "limber log: --name is empty: say what you did, e.g. --name 'wall calf stretch', or leave --name out to log the area's name (see 'limber log --help')\n"
run log calves 30 --name ' x '
expect name-with-text 0 out '^Logged 30s of  x  \(Calves\) at '
rm "$LOG"

# A log that went through a CRLF conversion reads as its records.
mkdir -p "$XDG_DATA_HOME/limber"
{
	printf '# limber log v1\r\n'
	rec_crlf "${D1}T07:00:00+01:00" morning 'Wall calf' stretch calves left 30 30 done
	printf '\r\n'
	rec_crlf "${D1}T07:01:00+01:00" - 'Foam roll' roll quads - 60 41 partial
} >"$LOG"
for cmd in history stats due export; do
	run $cmd
	[ ! -s "$T/err" ] && ok || bad "crlf-$cmd: $(cat "$T/err")"
done
run history --since 7d
expect crlf-history 0 out "^$D1  07:00  Calves +left +Wall calf +30s +30s  done$" \
    out '^2 holds \(1 done, 1 partial, 0 skipped\), 1m11s held$'
run export --format json
expect crlf-export 0 out '"outcome": ?"partial"'
# Another "\r" is text: the outcome "done\r" is not a word the log has.
printf '%s\r\r\n' "${D1}T07:02:00+01:00${TAB}-${TAB}x${TAB}stretch${TAB}calves${TAB}-${TAB}30${TAB}30${TAB}done" >>"$LOG"
run history --since 7d
expect crlf-two-cr 0 err "skipped 1 malformed line \(5\)"

cli_finish
