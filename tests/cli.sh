#!/usr/bin/env bash
# End-to-end tests of limber's commands: exit codes, messages, output.
# usage: tests/cli.sh PATH/TO/limber
. "$(dirname "$0")/cli-lib.sh" "$@"

routine() { # routine ID [HOLD]: a minimal valid routine
	printf 'id: %s\nname: Routine %s\nareas: [calves]\nsteps:\n  - name: Wall calf\n    kind: stretch\n    area: calves\n    hold: %s\n    cue: Heel down.\n' "$1" "$1" "${2:-30s}"
}

run --version;			expect version 0 out '^limber [0-9]+\.[0-9]+\.[0-9]+$'
run --help;			expect help 0 out 'check' out 'list' out 'show'
run </dev/null;			expect no-args-no-tty 2 err 'needs a terminal'
run run calves-post-run </dev/null; expect run-no-tty 2 err 'needs a terminal'
run run calf </dev/null;	expect run-unknown 1 err "no routine 'calf'; did you mean: calves-post-run"
run run --hold 2 calves-post-run; expect run-bad-hold 2 err '--hold takes seconds'
run run --hold abc calves-post-run; expect run-bad-hold-text 2 err "not 'abc'"
run run --hold "$(printf '\033[31mx')" calves-post-run; expect run-bad-hold-escape 2 err "not '\^\[\[31mx'"
run run;			expect run-no-id 2 err 'give an id'
mkdir -p "$XDG_CONFIG_HOME/limber"
printf 'prepare: 5s\nbel: false\n' >"$XDG_CONFIG_HOME/limber/config.yaml"
run run calves-post-run </dev/null
expect bad-config 1 err "config.yaml:2:1: error: unknown key 'bel' \(did you mean 'bell'\?\)"
rm "$XDG_CONFIG_HOME/limber/config.yaml"
run list --help;		expect list-help 0 out 'usage: limber list'
run check --help;		expect check-help 0 out '--dose'
run frobnicate;			expect unknown-command 2 err "unknown command 'frobnicate'"
[ "$(wc -l <"$T/err")" -eq 1 ] && ok || bad "unknown command: not one line"
run --frob;			expect unknown-global-option 2 err "unknown option '--frob'"
run list --frob;		expect unknown-option 2 err "unknown option '--frob'"
run list --area;		expect missing-value 2 err "needs a value"
run list --area calfs;		expect unknown-area 2 err "did you mean 'calves'"
run show;			expect show-no-id 2 err 'give an id'

# The bundled library.
run check;			expect check-library 0 out 'all valid'
run check --dose;		expect check-dose 0 out 'all valid'
[ ! -s "$T/err" ] && ok || bad "check --dose printed warnings"
run list;			expect list 0 out '^calves-post-run +Calves after a run +[0-9]+ +[0-9]+:[0-9]{2}  calves$'
[ "$(wc -l <"$T/out")" -ge 15 ] && ok || bad "list: fewer than 15 routines"
run list --area calves;		expect list-area 0 out 'calves-post-run'
! grep -q '^lats-overhead' "$T/out" && ok || bad "list --area calves shows lats-overhead"
run list --tag pre-run;		expect list-tag 0 out '^pre-run-roll '
run show calves-post-run;	expect show 0 out 'Calves after a run' out 'per side' out '^Total: '
run show calf;			expect show-unknown 1 err "no routine 'calf'" err 'calves-post-run'

# Broken files: positions, every problem, exit 1, nothing rewritten.
mkdir -p "$T/r"
printf 'id: mine\nname: Mine\nareas: [calves]\nsteps:\n  - name: Calf\n    kind: stretch\n    area: calves\n    hodl: 30s\n' >"$T/r/mine.yaml"
cp "$T/r/mine.yaml" "$T/mine.orig"
run check "$T/r/mine.yaml"
expect unknown-key 1 err "mine.yaml:8:5: error: unknown key 'hodl' \(did you mean 'hold'\?\)" \
    err "mine.yaml:5:5: error: missing required key 'hold'" out '1 invalid'
cmp -s "$T/r/mine.yaml" "$T/mine.orig" && ok || bad "check changed the file"
printf 'id: tabs\nname: Tabs\nareas: [calves]\nsteps:\n\t- name: x\n' >"$T/tab.yaml"
run check "$T/tab.yaml";	expect tab 1 err 'tab.yaml:5:1: error: tab'
printf 'id: q\nname: "Unclosed\nareas: [calves]\n' >"$T/quote.yaml"
run check "$T/quote.yaml";	expect quote 1 err 'quote.yaml:2:7: error: unterminated'
: >"$T/empty.yaml"
run check "$T/empty.yaml";	expect empty 1 err 'empty.yaml:1:1: error: empty file'
head -c 2000 /bin/sh >"$T/binary.yaml"
run check "$T/binary.yaml";	expect binary 1 err 'binary.yaml:[0-9]+:[0-9]+: error: '
printf 'id: u\nname: "caf\xe9"\n' >"$T/latin1.yaml"
run check "$T/latin1.yaml";	expect utf8 1 err 'latin1.yaml:2:[0-9]+: error: invalid UTF-8'
{ printf 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
  for l in b c d e f g h i; do printf '%s: &%s [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n' $l $l; done; } >"$T/bomb.yaml"
run check "$T/bomb.yaml";	expect alias-bomb 1 err 'bomb.yaml:1:4: error: .*anchors'
{ printf 'id: big\n'; head -c 1100000 /dev/zero | tr '\0' '#'; echo; } >"$T/big.yaml"
run check "$T/big.yaml";	expect too-big 1 err 'big.yaml:1:1: error: .*1 MiB'
{ printf 'a: '; head -c 20000 /dev/zero | tr '\0' '['; echo; } >"$T/deep.yaml"
run check "$T/deep.yaml";	expect deep 1 err 'deep.yaml:1:[0-9]+: error: nested too deeply'
run check "$T/nonexistent.yaml"; expect missing-file 1 err 'nonexistent.yaml: error: '
run check "$T/r" "$T/tab.yaml";	expect several 1 out '2 files checked, 2 invalid'

# YAML that is not a routine: another shape, several documents, tags,
# anchors, complex and duplicate keys. Each is refused with its position.
shape() {
	# shellcheck disable=SC2059 # the text is a format on purpose
	printf -- "$2" >"$T/$1.yaml"
	run check "$T/$1.yaml"
	expect "shape-$1" 1 err "$1.yaml:$3: error: $4"
}
shape list '- a\n- b\n' 1:1 'the top level must be a mapping .*found a list'
shape scalar 'just text\n' 1:1 'the top level must be a mapping .*found text'
shape null '~\n' 1:1 'empty file'
shape multi '---\nid: a\n---\nid: b\n' 3:1 'a second YAML document starts here .*a file holds one document'
shape tag-list 'id: a\ntags: [[a]]\n' 2:8 'a tag is a word, not a list: write tags: \[a, b\]'
shape roottag '--- !!map\nid: a\n' 1:5 'YAML tags are not supported'
shape tagdir '%%TAG !e! tag:x,2000:\n---\nid: !e!foo x\n' 3:5 'YAML tags'
shape anchor 'id: &a x\nname: *a\n' 1:5 'YAML anchors and aliases'
shape complexkey '? [a, b]\n: c\n' 1:3 'a key must be plain text'
shape dupkey 'id: x\nid: y\n' 2:1 "duplicate key 'id' \\(first at 1:1\\)"
shape merge 'id: x\n<<: {a: 1}\n' 2:1 "unknown key '<<'"
shape steps-map '{"id": "x", "steps": {"a": 1}}\n' 1:2[0-9] "'steps' must be a list"

# A FIFO named like a routine is refused at once, not waited on.
mkfifo "$T/fifo.yaml"
timeout 5 "$LIMBER" check "$T/fifo.yaml" >"$T/out" 2>"$T/err"; status=$?
expect fifo 1 err 'fifo.yaml: error: not a regular file'
rm "$T/fifo.yaml"

# Duplicate ids name both files.
mkdir -p "$T/dup"
routine twin >"$T/dup/a.yaml"; routine twin >"$T/dup/b.yaml"
run check "$T/dup";		expect duplicate-id 1 err "b.yaml:1:5: error: duplicate id 'twin': already used by .*a.yaml:1:5"

# The user's folder: a broken file is reported and skipped, the rest loads.
mkdir -p "$XDG_CONFIG_HOME/limber/routines"
routine my-calves >"$XDG_CONFIG_HOME/limber/routines/my-calves.yaml"
printf 'id: [oops\n' >"$XDG_CONFIG_HOME/limber/routines/broken.yaml"
run list;			expect user-broken 0 out '^my-calves ' out '^calves-post-run ' err 'broken.yaml:[0-9]+:[0-9]+: error: '
run check;			expect check-user-broken 1 err 'broken.yaml'
rm "$XDG_CONFIG_HOME/limber/routines/broken.yaml"

# --routines adds a folder after the user's.
mkdir -p "$T/extra"; routine extra-one 45s >"$T/extra/extra-one.yaml"
run list --routines "$T/extra";	expect routines-dir 0 out '^extra-one '
run --routines "$T/extra" show extra-one; expect routines-global 0 out 'Routine extra-one'
run list --routines "$T/none";	expect routines-missing 0 err 'none: error: '

# Control characters from a routine never reach the terminal raw.
printf 'id: hostile\nname: "Bell\\a esc \\e[31mred cr\\r"\nareas: [calves]\nsteps:\n  - name: "Step \\e]0;title\\a"\n    kind: stretch\n    area: calves\n    hold: 30s\n    cue: "\\e[2J cleared"\n' >"$T/extra/hostile.yaml"
run show --routines "$T/extra" hostile
expect hostile 0 out 'Bell\^G esc \^\[\[31mred cr\^M' out '\^\[\]0;title\^G' out '\^\[\[2J cleared'
LC_ALL=C grep -q $'[\x01-\x09\x0b-\x1f\x7f]' "$T/out" && bad "show printed a control character" || ok
run list --routines "$T/extra"
LC_ALL=C grep -q $'[\x01-\x09\x0b-\x1f\x7f]' "$T/out" && bad "list printed a control character" || ok
printf 'id: esc\nname: x\nareas: [calves]\nsteps: []\n\x1b[31m: 1\n' >"$T/esc.yaml"
run check "$T/esc.yaml"
LC_ALL=C grep -q $'[\x01-\x09\x0b-\x1f\x7f]' "$T/err" && bad "check printed a control character" || ok

cli_finish
