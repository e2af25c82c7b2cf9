#!/usr/bin/env bash
# The settings file as check sees it and as the commands that read it see
# it; limber due's exit statuses; --help printed from each command's entry.
# usage: tests/cli-settings.sh PATH/TO/limber
. "$(dirname "$0")/cli-lib.sh" "$@"
CFG=$XDG_CONFIG_HOME/limber/config.yaml
LOG=$XDG_DATA_HOME/limber/log.tsv
mkdir -p "$XDG_CONFIG_HOME/limber" "$T/r"
printf 'id: mine\nname: Mine\nareas: [calves]\nsteps:\n  - name: Calf\n    kind: stretch\n    area: calves\n    hold: 30s\n    cue: Heel down.\n' >"$T/r/mine.yaml"

# lacks NAME FILE REGEX: FILE (out or err) does not match.
lacks() {
	if grep -Eq -- "$3" "$T/$2"; then bad "$1: $2 matches /$3/"; else ok; fi
}

# empty NAME FILE: FILE (out or err) is empty.
empty() {
	if [ -s "$T/$2" ]; then bad "$1: $2 is not empty"; else ok; fi
}

# --- limber check --------------------------------------------------------------

run check
expect check-no-settings 0 out '^[0-9]+ files checked, all valid$'
lacks check-no-settings out 'settings'
printf 'prepare: 10s\nbell: off\ncolor: never\n' >"$CFG"
run check
expect check-good 0 out '^[0-9]+ files checked, all valid$' \
    out '^1 settings file checked, valid$'
empty check-good err
printf 'prepare: 10s\nbel: false\ncolour: rainbow\n' >"$CFG"
run check
expect check-bad 1 out '^[0-9]+ files checked, all valid$' \
    out '^1 settings file checked, invalid$' \
    err "^$CFG:2:1: error: unknown key 'bel' \(did you mean 'bell'\?\)$" \
    err "^$CFG:3:9: error: unknown value 'rainbow' for 'colour' \(expected auto, always or never\)$"
[ "$(wc -l <"$T/err")" -eq 2 ] && ok || bad "check-bad: not two errors"
run check --routines "$T/r"
expect check-bad-routines 1 out '^1 settings file checked, invalid$' err "^$CFG:2:1: "
# Paths name what to check: the settings are not among them.
run check "$T/r"
expect check-paths 0 out '^1 file checked, all valid$'
lacks check-paths out 'settings'
printf 'colour: never\ncolor: always\n' >"$CFG"
run check
expect check-colour-twice 1 \
    err "^$CFG:2:1: error: duplicate key 'color' \(first at 1:1 as 'colour'\)$"
printf 'bell: false\n---\ncolour: never\n' >"$CFG"
run check
expect check-two-documents 1 \
    err "^$CFG:2:1: error: a second YAML document starts here \\(after '---' or '...'\\); a file holds one document$"
lacks check-two-documents err 'routine'
rm "$CFG"
mkdir "$CFG"
run check
expect check-folder 1 err "^$CFG: error: not a regular file \\(a folder\\); refused$" \
    out '^1 settings file checked, invalid$'
rmdir "$CFG"

# --- the commands that read the settings stop at a bad one ---------------------

printf 'prepare: 5s\nbel: false\n' >"$CFG"
BEL="^$CFG:2:1: error: unknown key 'bel' \(did you mean 'bell'\?\)$"
run stats
expect stats-bad 1 err "$BEL"
empty stats-bad out
run due
expect due-bad 3 err "$BEL"
empty due-bad out
run run calves-post-run </dev/null
expect run-bad 1 err "$BEL"
if command -v script >/dev/null; then
	# The start screen, in a terminal: the error, before it takes it.
	TERM=xterm timeout 10 script -qec "$(printf %q "$LIMBER")" /dev/null \
	    </dev/null >"$T/out" 2>"$T/err"
	status=$?
	expect start-bad 1 out "config.yaml:2:1: error: unknown key 'bel'"
else
	echo "note: no script(1); the start screen with bad settings is not tested"
fi
# The commands that do not read them go on.
run stats --format tsv;		expect stats-tsv-bad 0 out '^area	holds'
run history;			expect history-bad 0 out '^No holds'
run list;			expect list-bad 0 out '^calves-post-run '
run show calves-post-run;	expect show-bad 0 out '^Total: '

# color is colour spelled the American way.
printf 'color: never\n' >"$CFG"
run stats;			expect stats-color 0 out '^Streak: none yet$'
empty stats-color err
run due;			expect due-color 0
empty due-color err
printf 'color: never\ncolour: never\n' >"$CFG"
run stats
expect stats-color-twice 1 \
    err "^$CFG:2:1: error: duplicate key 'colour' \(first at 1:1 as 'color'\)$"
rm "$CFG"

# --- limber due: 0 none, 1 some, 2 usage, 3 unreadable -------------------------

run due;			expect due-none 0
empty due-none out
run log calves 30s;		expect due-log 0
run due;			expect due-some 1 out '^calves: due: no day met the dose in the last 7 days '
run due extra;			expect due-extra 2 err "^limber due: unexpected argument 'extra' "
run due --frob;			expect due-option 2 err "^limber due: unknown option '--frob' "
run --routines "$T/r" due;	expect due-routines 2 err "unknown option '--routines'"
run due --help
expect due-help 0 out '^usage: limber due$' out '^Exit status: 0 when no area is due, 1 when one or more are, 2 on a usage error,$' \
    out '^3 when the settings or the log cannot be read\.$'
mv "$LOG" "$T/log.tsv"
mkdir "$LOG"
run due;			expect due-log-folder 3 err "^limber: cannot read $LOG: Is a directory$"
rmdir "$LOG"
XDG_DATA_HOME=$T/r/mine.yaml run due
expect due-log-under-file 3 err 'cannot read .*: Not a directory$'

# --- --help from the entries -----------------------------------------------------

run --help
expect help 0 out '^usage: limber \[--routines DIR\]\.\.\. \[--version\] \[COMMAND \[ARGS\]\]$'
sed -n '/^Commands:/,/^$/p' "$T/out" | awk 'NF > 1 { print $1 }' >"$T/commands"
[ "$(wc -l <"$T/commands")" -eq 9 ] && ok || bad "help: not 9 commands"
while read -r c; do
	run "$c" --help
	expect "help-$c" 0 out "^usage: limber $c( |\$)" out '^  -h, --help  +show this help$'
	awk 'length > 79' "$T/out" | grep -q . && bad "help-$c: a line over 79 columns" || ok
	# Every option the usage line names has a line of help.
	head -1 "$T/out" | grep -o -- '--[a-z]*' | while read -r o; do
		grep -Eq -- "^  (-., )?$o( [A-Z]+)? " "$T/out" || echo "$o" >>"$T/unhelped"
	done
done <"$T/commands"
[ ! -s "$T/unhelped" ] && ok || bad "help: options without help: $(tr '\n' ' ' <"$T/unhelped")"
run log --help
expect help-log-wrap 0 out '^usage: limber log \[OPTION\]\.\.\. AREA DURATION$' \
    out '^  --at TIME         when it began: YYYY-MM-DD HH:MM\[:SS\] or HH:MM today$' \
    out '^                    \(default: DURATION ago\)$'
run check --help
expect help-check 0 out '^usage: limber check \[--dose\] \[--routines DIR\]\.\.\. \[PATH\.\.\.\]$'
run --routines
expect routines-no-value 2 err "^limber: option '--routines' needs a value: a folder of routines \(see 'limber --help'\)$"
run -V;				expect version-short 0 out '^limber [0-9]'

cli_finish
