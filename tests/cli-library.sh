#!/usr/bin/env bash
# Tests of the library's layers: the bundled routines, then the user's
# folder, then each --routines DIR. A routine in a later layer replaces one
# of the same id from an earlier layer; one id twice in a layer is an error.
# usage: tests/cli-library.sh PATH/TO/limber
. "$(dirname "$0")/cli-lib.sh" "$@"
MINE=$XDG_CONFIG_HOME/limber/routines
mkdir -p "$MINE"

routine() { # routine ID NAME STEP: a valid one-step routine
	printf 'id: %s\nname: %s\nareas: [calves]\nsteps:\n  - name: %s\n    kind: stretch\n    area: calves\n    hold: 45s\n    cue: Heel down.\n' "$1" "$2" "$3"
}

# on_tty ARGS...: runs limber with a terminal as its output, through
# script(1); the terminal's output ends in $T/out. 1 when there is no script.
on_tty() {
	command -v script >/dev/null || return 1
	script -qefc "$(printf '%q ' "$LIMBER" "$@")" /dev/null >"$T/out" 2>&1
	status=$?
	tr -d '\r' <"$T/out" >"$T/tty" && mv "$T/tty" "$T/out"
}

# Nothing replaced: no mark, and no legend on a terminal.
run list;			expect plain 0 out '^calves-post-run +Calves after a run '
! grep -q '\*' "$T/out" && ok || bad "plain: a routine is marked"
bundled=$(wc -l <"$T/out")
if on_tty list; then
	expect plain-tty 0 out '^ID +NAME +STEPS +TIME +AREAS$'
	! grep -q 'replaces' "$T/out" && ok || bad "plain-tty: a legend without a mark"
fi

# A user's copy of a bundled routine replaces it, marked; its steps are the user's.
routine calves-post-run 'My calves' 'Step calf stretch' >"$MINE/calves.yaml"
run list;			expect user-copy 0 out '^calves-post-run\* +My calves +1 '
[ ! -s "$T/err" ] && ok || bad "user-copy: list complained"
[ "$(wc -l <"$T/out")" -eq "$bundled" ] && ok || bad "user-copy: not one line per id"
[ "$(grep -c '\*' "$T/out")" -eq 1 ] && ok || bad "user-copy: another routine is marked"
if on_tty list --area calves; then
	expect user-copy-tty 0 out '^calves-post-run\* +My calves ' \
	    out '^\* replaces a routine of the same id from an earlier folder'
	[ "$(tail -n 1 "$T/out" | cut -c1)" = '*' ] && ok || bad "user-copy-tty: the legend is not last"
fi
run show calves-post-run
expect user-show 0 out '^My calves \(calves-post-run\)$' out '^  1\. Step calf stretch ' \
    out "^File: $MINE/calves\.yaml\$" out '^Replaces: .*/routines/calves-post-run\.yaml$'
! grep -q 'Wall calf stretch' "$T/out" && ok || bad "user-show: the bundled steps are shown"
run check
expect user-check 0 out 'files checked, all valid' \
    err "^$MINE/calves\.yaml:1:5: note: replaces calves-post-run from .*/routines/calves-post-run\.yaml\$"
[ "$(wc -l <"$T/err")" -eq 1 ] && ok || bad "user-check: more than the note on stderr"

# A --routines folder replaces the user's copy in turn.
mkdir -p "$T/extra"
routine calves-post-run 'Extra calves' 'Heel drop' >"$T/extra/calves.yaml"
run list --routines "$T/extra";	expect extra-over-user 0 out '^calves-post-run\* +Extra calves '
run show --routines "$T/extra" calves-post-run
expect extra-show 0 out '^  1\. Heel drop ' out "^Replaces: $MINE/calves\\.yaml\$"
run check --routines "$T/extra"
expect extra-check 0 err "^$T/extra/calves\\.yaml:1:5: note: replaces calves-post-run from $MINE/calves\\.yaml\$"

# Each --routines folder is a layer of its own; so is each PATH of check.
mkdir -p "$T/one" "$T/two" "$T/twins"
routine twin 'Twin one' 'Wall calf' >"$T/one/twin.yaml"
routine twin 'Twin two' 'Step calf' >"$T/two/twin.yaml"
run list --routines "$T/one" --routines "$T/two"
expect two-folders 0 out '^twin\* +Twin two '
[ ! -s "$T/err" ] && ok || bad "two-folders: list complained"
run check "$T/one" "$T/two"
expect check-two-paths 0 out '2 files checked, all valid' \
    err "^$T/two/twin\\.yaml:1:5: note: replaces twin from $T/one/twin\\.yaml\$"

# Two files with one id in one folder: an error naming both, exit 1.
cp "$T/one/twin.yaml" "$T/twins/a.yaml"; cp "$T/two/twin.yaml" "$T/twins/b.yaml"
dup="^$T/twins/b\\.yaml:1:5: error: duplicate id 'twin': already used by $T/twins/a\\.yaml:1:5\$"
run check --routines "$T/twins"; expect same-folder 1 err "$dup" out '1 invalid'
run list --routines "$T/twins";	expect same-folder-list 0 out '^twin +Twin one ' err "$dup"
run check "$T/twins";		expect same-folder-path 1 err "$dup"

# A broken copy does not take the bundled routine away: no id is trusted
# from a file that does not load.
printf 'id: calves-post-run\nname: Broken calves\nareas: [calves]\nsteps:\n  - name: Wall calf\n    kind: strech\n    area: calves\n    hold: 30s\n' >"$MINE/calves.yaml"
run list
expect broken-copy 0 out '^calves-post-run +Calves after a run ' \
    err "^$MINE/calves\\.yaml:6:11: error: unknown kind 'strech'"
run show calves-post-run;	expect broken-copy-show 0 out 'Wall calf stretch, straight knee'
! grep -q '^Replaces:' "$T/out" && ok || bad "broken-copy-show: says it replaces"
run check;			expect broken-copy-check 1 out '1 invalid'

# The first error is the first refused file's first error, in load order
# (the user's folder sorted by name, then each --routines folder), which is
# what the library keeps for the start screen.
printf 'id: zz\nname: [oops\n' >"$MINE/zz.yaml"
printf 'id: aa\nname: A\nareas: [calf]\n' >"$T/one/aa.yaml"
run list --routines "$T/one"
first=$(grep -m 1 ': error: ' "$T/err")
[ "$first" = "$MINE/calves.yaml:6:11: error: unknown kind 'strech' (expected stretch or roll; did you mean 'stretch'?)" ] &&
    ok || bad "first-error: the first error is '$first'"
rm "$MINE/calves.yaml"
run list --routines "$T/one"
first=$(grep -m 1 ': error: ' "$T/err")
[ "$first" = "$MINE/zz.yaml:3:1: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 2 column 7)" ] &&
    ok || bad "first-error-next: the first error is '$first'"

cli_finish
