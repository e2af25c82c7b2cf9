#!/usr/bin/env bash
# Hostile text: a routine and a hold log whose names, description, cues and
# steps hold escape sequences (clear, cursor moves, colour, an OSC title),
# bells, carriage returns, backspaces, C1 controls, invalid UTF-8,
# right-to-left marks, zero-width and double-width characters and a very
# long word. The loader refuses a file that is not UTF-8 and says where; on
# every screen at 80x24 and 40x12 the pane title stays, no bell rings, the
# title bar and the keys line stay on their rows, no line is wider than the
# window and only colour codes reach the terminal; the text is shown in its
# escaped form (^[ for ESC, ^G for BEL, <U+202E>, <FF>). The commands that
# print routines or the log print no raw control bytes, piped or in a
# terminal, and nothing rewrites the log: it only grows by the records the
# test adds.
. "$(dirname "$0")/lib.sh" "$@"

ESC=$'\033'
TITLE=limber-e2e-title
REAL=$LIMBER

# A UTF-8 locale for wc -L, which then counts a double-width character as 2.
UTF8=
for l in C.UTF-8 C.utf8 en_US.UTF-8 en_US.utf8; do
	if locale -a 2>/dev/null | grep -qx "$l"; then
		UTF8=$l
		break
	fi
done
[ -n "$UTF8" ] || echo "note - $TEST: no UTF-8 locale; widths are counted in bytes"

# --- helpers ---------------------------------------------------------------

# inert: stdin with bytes that are not UTF-8 left out, ESC as ^[, C1
# controls as <C1> and other control bytes (but tab and newline) as '?'.
inert() {
	if command -v iconv >/dev/null 2>&1; then
		iconv -c -f UTF-8 -t UTF-8 2>/dev/null
	else
		LC_ALL=C tr '\200-\377' '?'
	fi | LC_ALL=C sed 's/\x1b/^[/g; s/\xc2[\x80-\x9f]/<C1>/g' |
	    LC_ALL=C tr '\001-\010\013-\037\177' '?'
}

# show_state: as in lib.sh, but made inert: the log here is hostile, and a
# failure report must not clear the screen or set the title of whoever
# reads it.
show_state() {
	if [ -n "$SOCK" ] && tmux -L "$SOCK" has-session -t e2e 2>/dev/null; then
		capture
	fi
	echo "  --- screen ($SOCK) ---"
	printf '%s\n' "$SCREEN" | inert | sed 's/^/  | /'
	if [ -n "$LOG" ] && [ -f "$LOG" ]; then
		echo "  --- $LOG ---"
		inert <"$LOG" | sed 's/^/  | /'
	else
		echo "  --- no log file ---"
	fi
}

# width: the widest line on stdin, in terminal columns.
width() {
	LC_ALL=${UTF8:-C} wc -L
}

# c0 FILE: whether FILE has a C0 control byte other than newline, or DEL.
c0() {
	LC_ALL=C grep -q $'[\x01-\x09\x0b-\x1f\x7f]' "$1"
}

# c1 FILE: whether FILE has a C1 control (U+0080 to U+009F, which UTF-8
# writes C2 80 to C2 9F); U+009B is CSI to some terminals.
c1() {
	LC_ALL=C grep -q $'\xc2[\x80-\x9f]' "$1"
}

# controls FILE: whether FILE has a C0 or C1 control other than newline.
controls() {
	c0 "$1" || c1 "$1"
}

# screen_controls FILE: controls in a capture once its colour codes (SGR,
# ESC [ ... m) are taken out.
screen_controls() {
	LC_ALL=C sed "s/$ESC\\[[0-9;:]*m//g" "$1" >"$1.bare"
	controls "$1.bare"
}

# not COMMAND...: COMMAND fails.
not() {
	! "$@"
}

# starts TEXT PREFIX: TEXT begins with PREFIX, taken literally.
starts() {
	[ -z "$2" ] || [ "${1#"$2"}" != "$1" ]
}

# see_f TEXT WHAT: the last capture holds TEXT, taken literally.
see_f() {
	if printf '%s\n' "$SCREEN" | grep -qF -- "$1"; then
		ok "$2"
	else
		fail "$2: the screen does not show '$1'"
	fi
}

# sane WHAT W H TOP BOTTOM: the screen of a WxH window as limber must leave
# it: the title still TITLE, no bell, row 1 starting with TOP and row H with
# BOTTOM (nothing cleared or moved), no line wider than W, and no control
# characters besides colour codes. Sets SCREEN and adds it to SEEN.
sane() {
	local what=$1 w=$2 h=$3 top=$4 bottom=$5 got row
	tmux -L "$SOCK" capture-pane -p -t e2e >"$SANDBOX/plain"
	tmux -L "$SOCK" capture-pane -p -e -t e2e >"$SANDBOX/colour"
	SCREEN=$(cat "$SANDBOX/plain")
	SEEN+=$SCREEN$'\n'
	got=$(tmux -L "$SOCK" display-message -p -t e2e '#{pane_title}')
	check "$what: the pane title is still '$TITLE' ('$got')" \
	    [ "$got" = "$TITLE" ]
	got=$(tmux -L "$SOCK" display-message -p -t e2e '#{window_bell_flag}')
	check "$what: no bell reached the terminal" [ "$got" = 0 ]
	row=$(sed -n 1p "$SANDBOX/plain")
	check "$what: row 1 starts with '$top'" starts "$row" "$top"
	row=$(sed -n "${h}p" "$SANDBOX/plain")
	check "$what: row $h starts with '$bottom'" starts "$row" "$bottom"
	got=$(width <"$SANDBOX/plain")
	check "$what: no line wider than $w columns (widest: $got)" \
	    [ "$got" -le "$w" ]
	if screen_controls "$SANDBOX/colour"; then
		fail "$what: control characters other than colour codes:
$(inert <"$SANDBOX/colour.bare")"
	else
		ok "$what: no control characters but colour codes"
	fi
}

# hstart LABEL [WxH] -- ARGS...: start (lib.sh) through a wrapper that sets
# the pane title to TITLE before it runs limber.
hstart() {
	LIMBER=$SANDBOX/titled
	start "$@"
	LIMBER=$REAL
}

# run_cli NAME ARGS...: limber with no terminal; stdout in SANDBOX/NAME.out,
# stderr in SANDBOX/NAME.err, the exit status in status.
run_cli() {
	local name=$1
	shift
	"$REAL" "$@" </dev/null >"$SANDBOX/$name.out" 2>"$SANDBOX/$name.err"
	status=$?
	SOCK=
	# Made inert so that a failure can be printed.
	SCREEN="status: $status
stdout: $(head -c 1500 "$SANDBOX/$name.out" | inert)
stderr: $(head -c 1500 "$SANDBOX/$name.err" | inert)"
}

# clean_output NAME [tsv]: no control characters in NAME.out and NAME.err
# (with tsv, tabs are allowed on stdout).
clean_output() {
	local out=$SANDBOX/$1.out
	if [ "${2:-}" = tsv ]; then
		tr -d '\t' <"$out" >"$out.notab"
		out=$out.notab
	fi
	if controls "$out"; then
		fail "$1: raw control characters on stdout"
	else
		ok "$1: no raw control characters on stdout"
	fi
	if controls "$SANDBOX/$1.err"; then
		fail "$1: raw control characters on stderr"
	else
		ok "$1: no raw control characters on stderr"
	fi
}

# has NAME TEXT WHAT: NAME.out holds TEXT, taken literally.
has() {
	if LC_ALL=C grep -qF -- "$2" "$SANDBOX/$1.out"; then
		ok "$3"
	else
		fail "$3: '$2' not in the output"
	fi
}

# hcount: records in the log (grep would call a log with bytes that are
# not UTF-8 binary in a UTF-8 locale).
hcount() {
	LC_ALL=C grep -avc '^#' "$LOG"
}

# prefix_unchanged WHAT: the log still begins with the bytes it had when
# SIZE0 and SUM0 were taken.
prefix_unchanged() {
	local sum
	sum=$(head -c "$SIZE0" "$LOG" | sha256sum)
	check "$1: the log's first $SIZE0 bytes are unchanged" [ "$sum" = "$SUM0" ]
}

# --- the routines ----------------------------------------------------------

sandbox
printf '#!/bin/sh\nprintf %s %s\nexec %s "$@"\n' \
    "'\\033]2;%s\\033\\\\'" "$TITLE" "$(printf %q "$REAL")" >"$SANDBOX/titled"
chmod +x "$SANDBOX/titled"

HDIR=$SANDBOX/hostile
mkdir -p "$HDIR"
# YAML escapes keep the file itself valid UTF-8.
cat >"$HDIR/hostile.yaml" <<'EOF'
id: hostile
name: "Evil\e[2J\e[H\e[10;10H\e[31mred\e]0;pwned\a\e]2;pwned\e\\ \a\r\b\u202Eesrever\u200F\u200B 伸展ストレッチ 🧘 e\u0301"
areas: [calves, hamstrings]
description: "Desc\e[2J\e[Hcleared\e]0;pwned\a bell\a cr\r bs\b rtl\u202Eabc\u200F zw\u200Bx c1\x9b2J 伸展ストレッチ🧘 cafe\u0301 ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ end"
tags: [hostile]
steps:
  - name: "Step\e[2J\e[10;10H\e[31mone\e]0;pwned\a\a\r\b\u202Eevil\u200F 伸展ストレッチ🧘"
    kind: stretch
    area: calves
    hold: 5s
    sides: both
    cue: "Cue\e[2J\e[H\e]2;pwned\e\\ bell\a cr\r bs\b \u202Ertl\u200F\u200B 伸展ストレッチ🧘 e\u0301 WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW end"
  - name: "伸展ストレッチ伸展ストレッチ伸展ストレッチ伸展ストレッチ伸展ストレッチ伸展ストレッチ🧘🧘🧘🧘🧘\u202E"
    kind: roll
    area: hamstrings
    hold: 5s
    cue: "\e[H\e[2J\a\a\a"
EOF
# Raw bytes that are not UTF-8: \xff, a lone \xc3, an overlong \xc0\xaf.
printf 'id: bad-utf8\nname: "Bad \xff byte"\nareas: [calves]\nsteps:\n  - name: "Lone \xc3 and overlong \xc0\xaf"\n    kind: stretch\n    area: calves\n    hold: 30s\n' \
    >"$HDIR/bad-utf8.yaml"
mkdir -p "$SANDBOX/tag"
printf 'id: tagged\nname: Tagged\nareas: [calves]\ntags: ["\\e[2J\\a"]\nsteps:\n  - {name: a, kind: stretch, area: calves, hold: 30s}\n' \
    >"$SANDBOX/tag/tagged.yaml"

run_cli check-one check "$HDIR/hostile.yaml"
check "check: the hostile routine is valid (exit $status)" [ "$status" = 0 ]
see '^stdout: 1 file checked, all valid' "check: 1 file checked, all valid"
run_cli check-dir check "$HDIR"
check "check: a file that is not UTF-8 makes exit 1 ($status)" [ "$status" = 1 ]
see 'bad-utf8\.yaml:2:12: error: invalid UTF-8' \
    "check: bad-utf8.yaml:2:12: error: invalid UTF-8"
see '^stdout: 2 files checked, 1 invalid' "check: 2 files checked, 1 invalid"
clean_output check-dir
run_cli check-tag check "$SANDBOX/tag"
check "check: a tag with escapes makes exit 1 ($status)" [ "$status" = 1 ]
see 'tagged\.yaml:4:[0-9]+: error: invalid tag' "check: tagged.yaml:4:COL: error: invalid tag"
clean_output check-tag
run_cli list list --routines "$HDIR"
check "list: exit 0 with one bad file ($status)" [ "$status" = 0 ]
check "list: the hostile routine, escaped" \
    grep -Eq '^hostile +Evil\^\[\[2J\^\[\[H' "$SANDBOX/list.out"
see 'bad-utf8\.yaml:2:12: error: invalid UTF-8' "list: the bad file is named on stderr"
check "list: the bad routine is left out" \
    not grep -q '^bad-utf8 ' "$SANDBOX/list.out"
check "list: the bundled routines are there" \
    grep -q '^calves-post-run ' "$SANDBOX/list.out"
clean_output list

# --- the log ---------------------------------------------------------------

# rec MINUTES ROUTINE STEP AREA SIDE: a done record of 30 s, MINUTES ago.
rec() {
	printf '%s\t%s\t%s\tstretch\t%s\t%s\t30\t30\tdone\n' \
	    "$(date -d "-$1 minutes" +%Y-%m-%dT%H:%M:%S%:z)" "$2" "$3" "$4" "$5"
}

LONG="Long$(printf 'W%.0s' $(seq 200))"
mkdir -p "$(dirname "$LOG")"
{
	echo '# limber log v1'
	rec 20 - "$LONG" chest -
	rec 19 "$(printf 'r\xff\033]0;pwned\a\033[2J')" 'Routine field' chest -
	rec 18 - "$(printf 'C1\xc2\x9b2J\x9b')" neck -
	rec 17 - "$(printf '\xe4\xbc\xb8\xe5\xb1\x95\xe3\x82\xb9\xe3\x83\x88\xe3\x83\xac\xe3\x83\x83\xe3\x83\x81\xf0\x9f\xa7\x98 e\xcc\x81')" upper-back -
	rec 16 - "$(printf '\xe2\x80\xaer\xe2\x80\x8fz\xe2\x80\x8bx')" lower-back -
	rec 15 - "$(printf 'Bel\a cr\r bs\b del\x7f')" neck -
	# shellcheck disable=SC1003 # the backslash ends the OSC
	rec 14 - "$(printf 'U\033]2;pwned\033\\')" calves left
	rec 13 - "$(printf 'T\033]0;pwned\a')" calves right
	rec 12 - "$(printf 'X\xff \xc3 \xc0\xaf')" chest -
	rec 11 - "$(printf 'Clr\033[2J\033[H\033[10;10Hmv')" neck -
} >"$LOG"
# The visible forms of those steps, newest first.
# shellcheck disable=SC1003 # the fourth ends in a backslash
FORMS=('Clr^[[2J^[[H^[[10;10Hmv' 'X<FF> <C3> <C0><AF>' 'T^[]0;pwned^G'
    'U^[]2;pwned^[\' 'Bel^G cr^M bs^H del^?' '<U+202E>r<U+200F>z'
    "$(printf '\xe4\xbc\xb8\xe5\xb1\x95\xe3\x82\xb9\xe3\x83\x88\xe3\x83\xac\xe3\x83\x83\xe3\x83\x81\xf0\x9f\xa7\x98 e\xcc\x81')"
    'C1<U+009B>2J<9B>' 'Routine field' 'LongWWWWWWWW')

NAME=$(printf 'Log\033[2J\033]0;pwned\a bell\a cr\r \xff\xc3 \xe2\x80\xaertl \xe4\xbc\xb8\xe5\xb1\x95 tab\tx')
before=$(hcount)
run_cli log log neck 30s --name "$NAME"
check "log --name: exit 0 ($status)" [ "$status" = 0 ]
see '^stdout: Logged 30s of Log\^\[\[2J\^\[\]0;pwned\^G bell\^G cr\^M <FF><C3> <U\+202E>rtl 伸展 tab x \(Neck\) at ' \
    "log --name: says what it logged, escaped"
clean_output log
check "log --name: one more record" [ "$(hcount)" = "$((before + 1))" ]
last=$(tail -n 1 "$LOG")
check "log --name: the record is one line of 9 fields" \
    [ "$(printf '%s\n' "$last" | LC_ALL=C awk -F '\t' '{ print NF }')" = 9 ]
printf '%s\n' "$last" | tr -d '\t' >"$SANDBOX/last"
if controls "$SANDBOX/last"; then
	fail "log --name: C0 controls in the record: $(inert <"$SANDBOX/last")"
else
	ok "log --name: no control bytes in the record but tabs"
fi
LC_ALL=C log_well_formed
NREC=$(hcount)
SIZE0=$(stat -c %s "$LOG")
SUM0=$(sha256sum <"$LOG")

# --- the commands that print the log ----------------------------------------

run_cli history history
check "history: exit 0 ($status)" [ "$status" = 0 ]
clean_output history
has history 'Clr^[[2J^[[H' "history: ESC shown as ^["
has history 'X<FF> <C3> <C0><AF>' "history: bytes that are not UTF-8 shown as <FF>"
has history 'Bel^G cr^M bs^H' "history: BEL, CR and BS shown as ^G ^M ^H"
has history '<U+202E>r<U+200F>z' "history: RLO and RLM shown by number"
has history 'C1<U+009B>2J<9B>' "history: a C1 CSI shown by number"
wide=$(width <"$SANDBOX/history.out")
check "history: no line wider than 80 columns (widest: $wide)" [ "$wide" -le 80 ]
# The rows end in "30s  done": all at the same column whatever the widths.
ends=$(LC_ALL=C grep -a 'done$' "$SANDBOX/history.out" | while IFS= read -r l; do
	printf '%s' "$l" | width; done | sort -u | wc -l)
check "history: every row ends at the same column ($ends widths)" [ "$ends" = 1 ]

run_cli stats stats
check "stats: exit 0 ($status)" [ "$status" = 0 ]
clean_output stats
run_cli stats-tsv stats --format tsv
check "stats --format tsv: exit 0 ($status)" [ "$status" = 0 ]
clean_output stats-tsv tsv
run_cli due due
check "due: exit 1, areas are due ($status)" [ "$status" = 1 ]
clean_output due

run_cli csv export --format csv
check "export csv: exit 0 ($status)" [ "$status" = 0 ]
check "export csv: a header and $NREC rows" \
    [ "$(LC_ALL=C grep -ac $'\r$' "$SANDBOX/csv.out")" -ge "$((NREC + 1))" ]
# CRLF ends the rows and may stand in a quoted field; nothing else below 32.
if LC_ALL=C grep -q $'[\x01-\x09\x0b\x0c\x0e-\x1f\x7f]' "$SANDBOX/csv.out" ||
    LC_ALL=C grep -q $'\xc2[\x80-\x9f]' "$SANDBOX/csv.out"; then
	fail "export csv: raw control characters other than CR and LF:
$(LC_ALL=C grep -a $'[\x01-\x09\x0b\x0c\x0e-\x1f\x7f]' "$SANDBOX/csv.out" | inert | head -5)"
else
	ok "export csv: no raw control characters but CR and LF"
fi
run_cli json export --format json
check "export json: exit 0 ($status)" [ "$status" = 0 ]
if c0 "$SANDBOX/json.out"; then
	fail "export json: raw C0 control characters"
else
	ok "export json: no raw C0 control characters"
fi
# limber(1): "control characters are escaped"; U+0080-U+009F are some.
if c1 "$SANDBOX/json.out"; then
	fail "export json: raw C1 controls (U+0080-U+009F), not \\u0080-\\u009f:
$(LC_ALL=C grep -ao $'.\{0,12\}\xc2[\x80-\x9f].\{0,6\}' "$SANDBOX/json.out" | inert)"
else
	ok "export json: C1 controls escaped"
fi
has json '"step":"Clr\u001b[2J\u001b[H' "export json: ESC as \\u001b"
has json '"routine":"r\ufffd\u001b]0;pwned\u0007' "export json: a hostile routine field escaped"
if command -v python3 >/dev/null 2>&1; then
	check "export json: parses with python3 -m json.tool" \
	    python3 -m json.tool "$SANDBOX/json.out" /dev/null
	check "export json: strict UTF-8 with $NREC records" python3 -c '
import json, sys
rows = json.loads(open(sys.argv[1], "rb").read().decode("utf-8"))
assert len(rows) == int(sys.argv[2]), len(rows)' "$SANDBOX/json.out" "$NREC"
	check "export csv: parses with $((NREC + 1)) rows of 10 fields" python3 -c '
import csv, sys
f = open(sys.argv[1], newline="", encoding="utf-8", errors="replace")
rows = list(csv.reader(f))
assert len(rows) == int(sys.argv[2]) + 1 and all(len(r) == 10 for r in rows), rows' \
	    "$SANDBOX/csv.out" "$NREC"
else
	echo "note - $TEST: python3 is missing; JSON and CSV not parsed"
fi
check "the commands left the log as it was" [ "$(sha256sum <"$LOG")" = "$SUM0" ]

# in_terminal LABEL WxH STATUS ARGS...: limber ARGS in a tmux pane, where
# what it prints must not set the title, ring the bell or leave control
# characters. For history, which cuts names to the terminal's width, the
# lines tmux wrapped are joined (-J): every row is as wide as the others and
# no wider than the header, and at 80 columns no line is wider than 80.
in_terminal() {
	local label=$1 size=$2 want=$3 got rows head
	shift 3
	hstart "$label" "$size" -- "$@"
	expect_exit "$want" 5 "$label in a terminal ($size): exit $want"
	sleep 0.3
	tmux -L "$SOCK" capture-pane -p -J -t e2e >"$SANDBOX/plain"
	tmux -L "$SOCK" capture-pane -p -e -t e2e >"$SANDBOX/colour"
	SCREEN=$(cat "$SANDBOX/plain")
	got=$(tmux -L "$SOCK" display-message -p -t e2e '#{pane_title}')
	check "$label in a terminal ($size): the pane title is still '$TITLE' ('$got')" \
	    [ "$got" = "$TITLE" ]
	got=$(tmux -L "$SOCK" display-message -p -t e2e '#{window_bell_flag}')
	check "$label in a terminal ($size): no bell" [ "$got" = 0 ]
	if screen_controls "$SANDBOX/colour"; then
		fail "$label in a terminal ($size): control characters on the screen:
$(inert <"$SANDBOX/colour.bare")"
	else
		ok "$label in a terminal ($size): no control characters on the screen"
	fi
	[ "$1" = history ] || return 0
	head=$(grep -m 1 '^Date ' "$SANDBOX/plain" | width)
	rows=$(grep -E ' (done|partial|skipped)$' "$SANDBOX/plain" |
	    while IFS= read -r l; do printf '%s' "$l" | width; done | sort -un)
	check "$label in a terminal ($size): every row as wide (${rows//$'\n'/ })" \
	    [ "$(printf '%s\n' "$rows" | wc -l)" = 1 ]
	check "$label in a terminal ($size): rows no wider than the header ($head)" \
	    [ "${rows##*$'\n'}" -le "${head:-0}" ]
	if [ "${size%x*}" -ge 80 ]; then
		got=$(width <"$SANDBOX/plain")
		check "$label in a terminal ($size): no line wider than ${size%x*} ($got)" \
		    [ "$got" -le "${size%x*}" ]
	fi
}

in_terminal history 80x24 0 history
see_f 'Clr^[[2J^[[H' "history in a terminal: ESC shown as ^["
in_terminal history-narrow 40x30 0 history
in_terminal stats 80x24 0 stats
in_terminal due 80x24 1 due
in_terminal show 80x40 0 show --routines "$HDIR" hostile
see_f 'Desc^[[2J^[[Hcleared^[]0;pwned^G' "show in a terminal: the description, escaped"
in_terminal list 80x24 0 list --routines "$HDIR"
in_terminal log 80x24 0 log neck 30s --name "$NAME"
in_terminal json 80x24 0 export --format json
# The default export is CSV: a step that sets the title must not set it.
in_terminal csv 80x24 0 export
check "the commands in a terminal appended one record (log)" \
    [ "$(hcount)" = "$((NREC + 1))" ]
prefix_unchanged "the commands in a terminal"
NREC=$(hcount)
SIZE0=$(stat -c %s "$LOG")
SUM0=$(sha256sum <"$LOG")

# --- the start screen at 80x24 ---------------------------------------------

SEEN=
hstart pick -- --routines "$HDIR"
expect "What's sore\\?" 5 "80x24: the start screen opens despite the bad file"
sane "80x24 What's sore?" 80 24 ' limber' ' ↑↓ move'
check "tmux took the title from the wrapper (a change would show)" \
    [ "$(tmux -L "$SOCK" display-message -p -t e2e '#{pane_title}')" = "$TITLE" ]
see '1 bad routine file' "80x24: the bad routine file is counted"
see '^ +Neck .*last stretched: (today|yesterday)$' "80x24: Neck stretched lately"

keys c Enter
expect '^ limber: Calves' 3 "80x24: the routines for Calves"
sane "80x24 routine list" 80 24 ' limber: Calves' ' ↑↓ move'
see_f '  Evil^[[2J^[[H^[[10;10H^[[31mred' "80x24 routine list: the name, escaped"
see_f 'Tags: hostile' "80x24 routine list: the preview"
see_f 'Calves after a run' "80x24 routine list: the other routines are there"

keys Enter
expect '^ Desc' 3 "80x24: the routine in full"
sane "80x24 routine" 80 24 ' Evil^[[2J^[[H^[[10;10H^[[31mred^[]0;pwned^G^[]2;pwned^[\ ^G^M^H<U+202E>' ' Enter start'
see_f ' Desc^[[2J^[[Hcleared^[]0;pwned^G bell^G cr^M bs^H rtl<U+202E>abc<U+200F> zw' \
    "80x24 routine: the description, escaped"
see_f "$(printf 'c1<U+009B>2J \xe4\xbc\xb8\xe5\xb1\x95')" "80x24 routine: a C1 control by number"
see_f "$(printf 'cafe\xcc\x81')" "80x24 routine: a combining accent kept"
see_f 'ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ' \
    "80x24 routine: the long word broken at 78 columns"
see_f '  1. stretch Calves            5s x1  Step^[[2J^[[10;10H^[[31mone' \
    "80x24 routine: step 1, escaped"

keys q
expect '^ limber: Calves' 3 "q: back to the list"
keys q
expect "What's sore\\? Pick" 3 "q: back to What's sore?"
keys 2 h o s t
expect 'Filter: host' 3 "80x24: All routines filtered"
sane "80x24 All routines" 80 24 ' limber' ' a-z 0-9 type'
see_f 'Evil^[[2J^[[H^[[10;10H^[[31mred' "80x24 All routines: the name, escaped"
keys Escape
expect 'Filter: \(/ to type\)' 3 "80x24: Esc clears the filter"

keys 3
expect 'Recent · all areas' 3 "80x24: History, Recent"
sane "80x24 History" 80 24 ' limber' ' ↑↓ scroll'
# Page through Recent until the oldest hold is on the screen.
total=$(printf '%s\n' "$SCREEN" | grep -Eo 'of [0-9]+ *$' | grep -Eo '[0-9]+')
for ((i = 1; i <= ${total:-0}; i++)); do
	seen "-${total} of ${total} *\$" && break
	shown=$(printf '%s\n' "$SCREEN" | grep -Eo '[0-9]+-[0-9]+ of [0-9]+ *$')
	keys j
	wait_gone "$shown *\$" 3
	sane "80x24 History, scrolled $i" 80 24 ' limber' ' ↑↓ scroll'
done
check "80x24 History: paged to the oldest hold" seen "-${total:-?} of ${total:-?} *\$"
for f in "${FORMS[@]}"; do
	if printf '%s' "$SEEN" | grep -qF -- "$f"; then
		ok "80x24 History: shows '$f'"
	else
		fail "80x24 History: '$f' never shown"
	fi
done
# Each Recent row ends in "30s done" at the last column the list uses.
ends=$(printf '%s' "$SEEN" | grep -E '^ ([0-9]{4}-)?[0-9]{2}-[0-9]{2} .* done *$' |
    while IFS= read -r l; do printf '%s' "${l%"${l##*[! ]}"}" | width; done |
    sort -u | wc -l)
check "80x24 History: every Recent row ends at the same column ($ends widths)" \
    [ "$ends" = 1 ]
keys t
expect 'Most done' 3 "80x24: Most done"
sane "80x24 Most done" 80 24 ' limber' ' ↑↓ scroll'
see_f '<FF><C3> <U+202E>rtl' "80x24 Most done: the name given to log, escaped"
keys q
expect_exit 0 5 "80x24: q quits with status 0"
check "viewing left the log as it was" [ "$(sha256sum <"$LOG")" = "$SUM0" ]

# --- a session at 80x24 -----------------------------------------------------

hstart run -- run --routines "$HDIR" hostile
expect 'Get into position' 5 "80x24 session: preparation"
sane "80x24 preparation" 80 24 ' Evil^[[2J^[[H^[[10;10H^[[31mred' ' Space pause'
see ' Evil.*  step 1/2$' "80x24 preparation: step 1/2 at the end of row 1"
see_f ' Step^[[2J^[[10;10H^[[31mone^[]0;pwned^G^G^M^H<U+202E>evil<U+200F> 伸展' \
    "80x24 preparation: the step name, escaped"
see_f ' Cue^[[2J^[[H^[]2;pwned^[\ bell^G cr^M bs^H <U+202E>rtl<U+200F>' \
    "80x24 preparation: the cue, escaped"
see_f "$(printf ' \xe4\xbc\xb8\xe5\xb1\x95\xe3\x82\xb9\xe3\x83\x88\xe3\x83\xac\xe3\x83\x83\xe3\x83\x81\xf0\x9f\xa7\x98 e\xcc\x81')" \
    "80x24 preparation: double-width text and an accent on their own line"
keys Enter
expect '^ Hold' 3 "80x24 session: hold"
sane "80x24 hold" 80 24 ' Evil^[[2J^[[H^[[10;10H^[[31mred' ' Space pause'
see '^ STRETCH · Calves · LEFT side *$' "80x24 hold: the what line"
expect 'step 2/2' 20 "80x24 session: step 2"
sane "80x24 step 2" 80 24 ' Evil^[[2J^[[H^[[10;10H^[[31mred' ' Space pause'
see_f ' 伸展ストレッチ伸展ストレッチ' "80x24 step 2: the double-width name"
expect 'Session complete' 20 "80x24 session: Session complete"
sane "80x24 summary" 80 24 ' Evil^[[2J^[[H^[[10;10H^[[31mred' ' Enter leave'
see 'Holds done: 3 of 3' "80x24 summary: 3 of 3"
keys Enter
expect_exit 0 5 "80x24 session: exit 0"
check "80x24 session: 3 records appended" [ "$(hcount)" = "$((NREC + 3))" ]
prefix_unchanged "80x24 session"
LC_ALL=C log_well_formed
tail -n 3 "$LOG" | tr -d '\t' >"$SANDBOX/new"
if controls "$SANDBOX/new"; then
	fail "80x24 session: control bytes in the records: $(inert <"$SANDBOX/new")"
else
	ok "80x24 session: no control bytes in the records but tabs"
fi

# --- 40x12 -------------------------------------------------------------------

hstart small 40x12 -- --routines "$HDIR"
expect "What's sore\\?" 5 "40x12: the start screen"
sane "40x12 What's sore?" 40 12 ' limber' ' ↑↓ move'
keys 2 h o s t
expect 'Filter: host' 3 "40x12: All routines filtered"
sane "40x12 All routines" 40 12 ' limber' ' a-z 0-9 type'
see_f 'Evil^[[2J^[[H' "40x12 All routines: the name, escaped"
keys Enter
expect '^ Desc' 3 "40x12: the routine in full"
sane "40x12 routine" 40 12 ' Evil^[[2J^[[H^[[10;10H^[[31mred' ' Enter start'
keys q
expect 'Filter: host' 3 "40x12: q goes back"
keys Escape 3
expect 'Streak' 3 "40x12: History"
sane "40x12 History" 40 12 ' limber' ' ↑↓ scroll'
for view in 'This week' 'Recent ·' 'Most done'; do
	keys t
	expect "^ $view" 3 "40x12 History: t shows $view"
	sane "40x12 History, $view" 40 12 ' limber' ' ↑↓ scroll'
	case $view in
	Recent*) see_f 'Clr^[[2J^[[H' "40x12 Recent: escaped" ;;
	Most*) see_f 'Bel^G cr^M bs^H del^?' "40x12 Most done: escaped" ;;
	esac
done
keys q
expect_exit 0 5 "40x12: q quits with status 0"

hstart small-run 40x12 -- run --routines "$HDIR" hostile
expect 'Get into position' 5 "40x12 session: preparation"
sane "40x12 preparation" 40 12 ' Evil^[[2J' ' Space pause'
keys Enter
expect '^ (Hold|Last one)' 3 "40x12 session: hold"
sane "40x12 hold" 40 12 ' Evil^[[2J' ' Space pause'
keys q
expect 'Quit this session' 3 "40x12 session: q asks"
sane "40x12 quit question" 40 12 ' Evil^[[2J' ''
keys y
expect 'Session stopped' 3 "40x12 session: Session stopped"
sane "40x12 summary" 40 12 ' Evil^[[2J' ' Enter leave'
keys Enter
expect_exit 0 5 "40x12 session: exit 0"
prefix_unchanged "40x12 session"
check "40x12 session: one partial record more" \
    [ "$(hcount)" = "$((NREC + 4))" ]
LC_ALL=C log_well_formed

finish
