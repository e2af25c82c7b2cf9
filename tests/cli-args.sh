#!/usr/bin/env bash
# The command line and what limber prints from outside text: option errors
# name the word that is wrong and what it needs; empty paths are refused;
# any number of arguments; and every byte that comes from argv, the
# environment, paths, routine files or the log reaches stdout and stderr
# inert, in a UTF-8 locale and in one that is not.
# usage: tests/cli-args.sh PATH/TO/limber
. "$(dirname "$0")/cli-lib.sh" "$@"
mkdir -p "$T/r" "$XDG_DATA_HOME/limber"
LOG=$XDG_DATA_HOME/limber/log.tsv
ESC=$'\e'
QUOTE=$'\xe2\x9d\x9b'		# U+275B: its last byte is the 8-bit CSI

# crun ARGS...: run in the C locale, whatever the environment says.
crun() {
	LC_ALL=C "$LIMBER" "$@" >"$T/out" 2>"$T/err"
	status=$?
}

# ascii NAME: stdout and stderr hold printable ASCII, tabs and newlines
# only: no escape, bell, C1 byte (0x80-0x9f) or other non-ASCII byte.
ascii() {
	local f n
	for f in out err; do
		n=$(LC_ALL=C tr -d '\t\n\040-\176' <"$T/$f" | wc -c)
		if [ "$n" -ne 0 ]; then
			bad "$1: $f has $n bytes that are not printable ASCII"
			od -c "$T/$f" | head -8
			return
		fi
	done
	ok
}

# routine ID NAME: a valid routine with a name.
routine() {
	printf 'id: %s\nname: %s\nareas: [calves]\nsteps:\n  - name: %s step\n    kind: stretch\n    area: calves\n    hold: 30s\n    cue: Heel %s down.\n' \
	    "$1" "$2" "$2" "$2"
}

# --- option errors name the word and what it needs -------------------------

run history -since 7d
expect single-dash-long 2 err "^limber history: unknown option '-since'; did you mean '--since'\?"
run log calves 30 -side left
expect single-dash-after-args 2 err "^limber log: unknown option '-side'; did you mean '--side'\?"
run log calves -5s
expect negative-duration 2 err "^limber log: '-5s': a duration cannot be negative"
run --routines
expect routines-no-value 2 err "^limber: option '--routines' needs a value: a folder of routines"
run list --routines
expect cmd-routines-no-value 2 err "^limber list: option '--routines' needs a value: a folder of routines"
run history --since
expect since-no-value 2 err "option '--since' needs a value: a date"
run log calves 30 --side
expect side-no-value 2 err "option '--side' needs a value: left or right"
run history --snice 3d
expect typo-long 2 err "unknown option '--snice'; did you mean '--since'\?"
run list --rout "$T/r"
expect prefix 0
run run --h calves-post-run
expect ambiguous 2 err "option '--h' could be --hold or --help"
run list --area=calves --tag=post-run
expect equals 0 out '^calves-post-run '
run list --help=yes
expect flag-value 2 err "option '--help' takes no value"
run list -- --area
expect double-dash 2 err "unexpected argument '--area'"
run -V
expect short-version 0 out '^limber '

# --- empty paths ------------------------------------------------------------

run --routines= list
expect routines-empty 2 err "^limber: option '--routines' is an empty path: give a folder of routines"
run list --routines ''
expect cmd-routines-empty 2 err "option '--routines' is an empty path"
run check ''
expect check-empty 2 err "^limber check: an empty path names no file"
run check "$T/r" ''
expect check-empty-second 2 err "an empty path names no file"
grep -q 'No such file' "$T/err" && bad "empty path: errno text" || ok

# --- no limit on the number of arguments ------------------------------------

for i in $(seq 1 3000); do
	routine "r$i" "Routine $i" >"$T/r/r$i.yaml"
done
run check "$T"/r/r*.yaml
expect many-files 0 out '^3000 files checked, all valid$'
rm -f "$T"/r/r*.yaml
routine one "Routine one" >"$T/r/one.yaml"
dirs=()
for i in $(seq 1 1000); do
	dirs+=(--routines "$T/r")
done
run "${dirs[@]}" list --area calves
expect many-options-before 0 out '^one'
run list "${dirs[@]}"
expect many-options-after 0 out '^one'
rm -f "$T"/r/one.yaml

# --- outside text is inert on stdout and stderr -----------------------------

run "frob${ESC}]0;PWNED"$'\a'
expect unknown-command-raw 2 err "unknown command 'frob\^\[\]0;PWNED\^G'"
crun "frob${ESC}]0;PWNED"$'\a'"$QUOTE"
expect unknown-command-c 2 err "unknown command 'frob\^\[\]0;PWNED\^G\?'"
ascii unknown-command-c
crun list "--${ESC}[31m$QUOTE"
expect unknown-option-c 2 err "unknown option '--\^\[\[31m\?'"
ascii unknown-option-c
crun list "-${QUOTE}x"
expect unknown-short-c 2
ascii unknown-short-c
crun list --area "calf$QUOTE"
expect unknown-area-c 2
ascii unknown-area-c
crun history --since "$QUOTE"
expect bad-date-c 2
ascii bad-date-c
crun show "x$QUOTE${ESC}[2J"
expect unknown-routine-c 1
ascii unknown-routine-c
crun log calves "-5$QUOTE"
expect negative-c 2
ascii negative-c

# Routine files: names, steps, cues, paths, errors.
Q="$T/q$QUOTE${ESC}[31m"
mkdir -p "$Q"
cat >"$Q/quote.yaml" <<EOF
id: quote
name: "Quote $QUOTE \\e]0;x\\a"
areas: [calves]
steps:
  - name: "Wall $QUOTE \\e[2J calf"
    kind: stretch
    area: calves
    hold: 30s
    cue: "Heel $QUOTE down.\\e]0;x\\a"
EOF
printf 'id: broken\nname: B %s\nareas: [calves]\nsteps: 3\n' "$QUOTE" \
    >"$Q/broken.yaml"
run --routines "$Q" show quote
expect show-utf8 0 out "^Quote $QUOTE \^\[\]0;x\^G \(quote\)$"
crun --routines "$Q" show quote
expect show-c 0 out '^Quote \? \^\[\]0;x\^G \(quote\)$' out '^File: .*/q\?\^\[\[31m/quote.yaml$'
ascii show-c
crun --routines "$Q" list
expect list-c 0 out '^quote +Quote \? '
ascii list-c
crun check "$Q"
expect check-c 1
ascii check-c
crun check --dose "$Q/quote.yaml"
ascii check-dose-c

# The log: step names, and the note about lines skipped.
now=$(date +%Y-%m-%dT%H:%M:%S%:z)
{
	printf '# limber log v1\n'
	printf '%s\tquote\tWall %s %s[31m calf\tstretch\tcalves\tleft\t30\t30\tdone\n' \
	    "$now" "$QUOTE" "$ESC"
	printf 'not a record %s\n' "$QUOTE"
} >"$LOG"
for c in history stats "stats --format tsv" due; do
	# shellcheck disable=SC2086 # the words of the command
	crun $c
	ascii "log-$c-c"
done
crun history
expect history-c 0 out 'Wall \? \^\[\[31m calf' err 'skipped 1 malformed line'
crun log calves 30s --name "Wall $QUOTE${ESC}[2J"
expect log-name-c 0 out '^Logged 30s of Wall \?\^\[\[2J \(Calves\)'
ascii log-name-c

# Paths from XDG_DATA_HOME: the log's folder named with escapes.
X="$T/x$QUOTE${ESC}]0;x"$'\a'
mkdir -p "$X/limber/log.tsv"
for c in history stats due "log calves 30s"; do
	# shellcheck disable=SC2086 # the words of the command
	XDG_DATA_HOME=$X crun $c
	expect "xdg-$c-c" "$status" err 'limber: cannot'
	ascii "xdg-$c-c"
done
rmdir "$X/limber/log.tsv"
printf '# limber log v1\nnot a record\n' >"$X/limber/log.tsv"
XDG_DATA_HOME=$X crun history
expect xdg-warning-c 0 err 'x\?\^\[\]0;x\^G/limber/log.tsv: skipped 1 malformed line'
ascii xdg-warning-c

cli_finish
