#!/usr/bin/env bash
# limber with no home folder, and with XDG folders that are missing,
# relative, empty or regular files: what each command reads, where the log
# goes, what is created and with which modes, and the errors.
# usage: tests/cli-env.sh PATH/TO/limber
#
# Nothing here writes into the real home folder of the machine: a command
# that would fall back to the password database's home and write runs only
# in a mount namespace (unshare) where /etc/passwd names a sandbox folder,
# and is skipped with a note where that cannot be set up.
. "$(dirname "$0")/cli-lib.sh" "$@"
TESTS=$(cd "$(dirname "$0")" && pwd)
case $LIMBER in
/*) ;;
*) LIMBER=$PWD/$LIMBER ;;
esac
umask 022
mkdir -p "$T/cwd"
cd "$T/cwd" || exit 1

SOCK=			# the tmux socket, if the tmux case ran
# cleanup: the tmux server and its socket, then the sandbox.
cleanup() {
	local path
	if [ -n "$SOCK" ]; then
		path=$(tmux -L "$SOCK" display-message -p '#{socket_path}' 2>/dev/null)
		tmux -L "$SOCK" kill-server 2>/dev/null
		[ -n "$path" ] && rm -f "$path"
	fi
	cd / && rm -rf "$T"
}
trap cleanup EXIT

# envargs ENV... -- ARGS...: sets ENVARGS to ENV (VAR=VALUE and -u VAR, in
# any order) as env(1) takes them, the -u options first, and ARGS to ARGS.
envargs() {
	local unset=() set=()
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		case $1 in
		-u) unset+=(-u "$2"); shift ;;
		*) set+=("$1") ;;
		esac
		shift
	done
	[ $# -gt 0 ] && shift
	ENVARGS=("${unset[@]}" "${set[@]}")
	ARGS=("$@")
}

# erun ENV... -- ARGS...: limber under env(1) with ENV (VAR=VALUE, -u VAR),
# keeping stdout, stderr and status as run does.
erun() {
	envargs "$@"
	env "${ENVARGS[@]}" "$LIMBER" "${ARGS[@]}" >"$T/out" 2>"$T/err"
	status=$?
}

# lacks NAME FILE REGEX: FILE (out or err) does not match.
lacks() {
	if grep -Eq -- "$3" "$T/$2"; then
		bad "$1: $2 matches /$3/"
	else
		ok
	fi
}

# quiet NAME: nothing on stderr.
quiet() {
	if [ -s "$T/err" ]; then bad "$1: stderr not empty"; else ok; fi
}

# mode PATH: the permission bits of PATH in octal, as 700.
mode() {
	stat -c %a "$1" 2>/dev/null || echo none
}

# listing DIR: every path under DIR with its mode, sorted.
listing() {
	find "$1" -printf '%m %P\n' 2>/dev/null | LC_ALL=C sort
}

# routine ID: a minimal valid routine.
routine() {
	printf 'id: %s\nname: Routine %s\nareas: [calves]\nsteps:\n  - name: Wall calf\n    kind: stretch\n    area: calves\n    hold: 30s\n' "$1" "$1"
}

# records FILE: the records of a log file.
records() {
	grep -vc '^#' "$1" 2>/dev/null || true
}

D0=$(date +%F)

# --- HOME unset, XDG_CONFIG_HOME and XDG_DATA_HOME set ----------------------

mkdir -p "$XDG_CONFIG_HOME/limber/routines"
routine mine >"$XDG_CONFIG_HOME/limber/routines/mine.yaml"
LOG=$XDG_DATA_HOME/limber/log.tsv
erun -u HOME -- list
expect nohome-list 0 out '^mine ' out '^calves-post-run '
quiet nohome-list
erun -u HOME -- history
expect nohome-history-empty 0 out "^No holds from "
check "nohome: reading made no data folder" [ ! -e "$XDG_DATA_HOME" ]
erun -u HOME -- log calves 30s --side left
expect nohome-log 0 out "^Logged 30s of Calves \(left\) at $D0 "
check "nohome: the log is under XDG_DATA_HOME" [ "$(records "$LOG")" = 1 ]
erun -u HOME -- history
expect nohome-history 0 out "^$D0  [0-9:]{5}  Calves +left +Calves +30s +30s  done$"
erun -u HOME -- stats --format tsv
same nohome-stats out "area\tholds\tseconds\tdays\tlast\ncalves\t1\t30\t1\t$D0\n"
erun -u HOME -- due
expect nohome-due 1 out "^calves: due: no day met the dose in the last 7 days \(target 3 days a week, 1m a side\)$"
erun -u HOME -- export --format json
expect nohome-export 0 out '"area":"calves","side":"left","target":30,"held":30'
check "nohome: no .config or .local made anywhere" \
    [ -z "$(find "$T" \( -name .config -o -name .local \) -print)" ]

# --- HOME and XDG_* unset: the password database's home, read only ----------

PWHOME=$(getent passwd "$(id -u)" | cut -d: -f6)
if [ -z "$PWHOME" ] || [ "${PWHOME#/}" = "$PWHOME" ]; then
	echo "note: no absolute home in the password database; skipping the read-only fallback"
else
	state() {
		ls -ld "$PWHOME/.config/limber" "$PWHOME/.local/share/limber" \
		    "$PWHOME/.local/share/limber/log.tsv" 2>&1
		sha256sum "$PWHOME/.local/share/limber/log.tsv" 2>&1
	}
	before=$(state)
	erun -u HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME -- list
	expect pwhome-list 0 out '^calves-post-run '
	lacks pwhome-list-not-sandbox out '^mine '
	if [ ! -e "$PWHOME/.local/share/limber/log.tsv" ]; then
		erun -u HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME -- history
		expect pwhome-history 0 out '^No holds from '
		erun -u HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME -- export --format json
		same pwhome-export out '[]\n'
	else
		echo "note: $PWHOME has a limber log; its history is not checked"
	fi
	check "pwhome: reading created and changed nothing in $PWHOME" \
	    [ "$(state)" = "$before" ]
fi

# --- HOME empty or relative: treated as unset ---------------------------------

# A relative HOME would be taken from the working folder: plant a routine
# and a log there that must not be read.
mkdir -p rel/.config/limber/routines rel/.local/share/limber
routine relhome-marker >rel/.config/limber/routines/relhome-marker.yaml
printf '# limber log v1\n%sT07:00:00+00:00\t-\tRelativeHomeHold\tstretch\tneck\t-\t30\t30\tdone\n' \
    "$D0" >rel/.local/share/limber/log.tsv
cwd_before=$(listing "$T/cwd")
for h in '' rel ./rel rel/; do
	erun HOME="$h" -u XDG_CONFIG_HOME -u XDG_DATA_HOME -- list
	expect "home='$h'-list" 0 out '^calves-post-run '
	lacks "home='$h'-list-not-relative" out '^relhome-marker '
	erun HOME="$h" -u XDG_CONFIG_HOME -u XDG_DATA_HOME -- export --format json
	lacks "home='$h'-export-not-relative" out 'RelativeHomeHold'
	# With XDG_* absolute, HOME does not matter and the log goes there.
	erun HOME="$h" -- log neck 20s
	expect "home='$h'-log-xdg" 0 out '^Logged 20s of Neck at '
done
check "relative HOME: the log under XDG_DATA_HOME has 5 records" \
    [ "$(records "$LOG")" = 5 ]
check "relative HOME: nothing created or changed in the working folder" \
    [ "$(listing "$T/cwd")" = "$cwd_before" ]

# --- XDG_* pointing at folders that do not exist --------------------------------

N=$T/no/such/deep
NENV=(XDG_CONFIG_HOME="$N/config" XDG_DATA_HOME="$N/data")
erun -u HOME "${NENV[@]}" -- list
expect missing-list 0 out '^calves-post-run '
lacks missing-list-not-mine out '^mine '
quiet missing-list
erun -u HOME "${NENV[@]}" -- check
expect missing-check 0 out 'all valid'
erun -u HOME "${NENV[@]}" -- show calves-post-run
expect missing-show 0 out 'Calves after a run'
erun -u HOME "${NENV[@]}" -- history
same missing-history out "No holds from $(date -d '-30 days' +%F) to $D0.\n"
quiet missing-history
erun -u HOME "${NENV[@]}" -- stats --format tsv
same missing-stats-tsv out 'area\tholds\tseconds\tdays\tlast\n'
erun -u HOME "${NENV[@]}" -- stats
expect missing-stats 0 out '^Streak: none yet$'
erun -u HOME "${NENV[@]}" -- due
expect missing-due 0
same missing-due-empty out ''
erun -u HOME "${NENV[@]}" -- export
same missing-export-csv out 'start,date,routine,step,kind,area,side,target,held,outcome\r\n'
erun -u HOME "${NENV[@]}" -- export --format json
same missing-export-json out '[]\n'
quiet missing-export-json
check "missing XDG folders: reading created nothing" [ ! -e "$T/no" ]

# limber log makes every missing folder 0700 and the log 0600, whatever the
# umask.
umask 000
erun -u HOME "${NENV[@]}" -- log calves 45s --side right
umask 022
expect missing-log 0 out "^Logged 45s of Calves \(right\) at $D0 "
for d in "$T/no" "$T/no/such" "$N" "$N/data" "$N/data/limber"; do
	check "missing XDG folders: ${d#"$T"/} made 0700 ($(mode "$d"))" \
	    [ "$(mode "$d")" = 700 ]
done
check "missing XDG folders: the log made 0600 ($(mode "$N/data/limber/log.tsv"))" \
    [ "$(mode "$N/data/limber/log.tsv")" = 600 ]
check "missing XDG folders: one record" [ "$(records "$N/data/limber/log.tsv")" = 1 ]
check "missing XDG folders: the log starts with its header" \
    [ "$(head -n 1 "$N/data/limber/log.tsv")" = '# limber log v1' ]
check "missing XDG folders: no config folder made" [ ! -e "$N/config" ]
erun -u HOME "${NENV[@]}" -- history
expect missing-history-after 0 out "Calves +right +Calves +45s +45s  done$"

# --- XDG_* relative: ignored, as the XDG spec says --------------------------------

H5=$T/h5
mkdir -p "$H5/.config/limber/routines" relconfig/limber/routines
routine homecfg-marker >"$H5/.config/limber/routines/homecfg-marker.yaml"
routine relxdg-marker >relconfig/limber/routines/relxdg-marker.yaml
cwd_before=$(listing "$T/cwd")
for x in relconfig ./relconfig ''; do
	erun HOME="$H5" XDG_CONFIG_HOME="$x" XDG_DATA_HOME="${x:+reldata}" -- list
	expect "xdg='$x'-list" 0 out '^homecfg-marker '
	lacks "xdg='$x'-list-not-relative" out '^relxdg-marker '
	lacks "xdg='$x'-list-not-sandbox-config" out '^mine '
	erun HOME="$H5" XDG_CONFIG_HOME="$x" XDG_DATA_HOME="${x:+reldata}" -- log quads 1m
	expect "xdg='$x'-log" 0 out '^Logged 1m of Quads at '
done
check "relative XDG: the log is HOME/.local/share/limber/log.tsv, 3 records" \
    [ "$(records "$H5/.local/share/limber/log.tsv")" = 3 ]
check "relative XDG: HOME/.local made 0700" [ "$(mode "$H5/.local")" = 700 ]
check "relative XDG: HOME/.local/share made 0700" [ "$(mode "$H5/.local/share")" = 700 ]
check "relative XDG: nothing made in the working folder" \
    [ "$(listing "$T/cwd")" = "$cwd_before" ]
erun HOME="$H5" XDG_CONFIG_HOME=relconfig XDG_DATA_HOME=reldata -- history
expect relative-xdg-history 0 out '^3 holds \(3 done'
erun HOME="$H5" XDG_CONFIG_HOME=relconfig XDG_DATA_HOME=reldata -- export --format json
lacks relative-xdg-export-not-sandbox out '"area":"calves"'

# --- XDG_DATA_HOME (or XDG_CONFIG_HOME) a regular file ------------------------------

F=$T/a-file
printf 'precious\n' >"$F"
chmod 644 "$F"
sum=$(sha256sum <"$F")
erun XDG_DATA_HOME="$F" -- log calves 30s
expect file-log 1 err "^limber: cannot create folder $F/limber: Not a directory$"
same file-log-out out ''
check "file-log: one line on stderr" [ "$(wc -l <"$T/err")" -eq 1 ]
for cmd in history stats due export; do
	erun XDG_DATA_HOME="$F" -- $cmd
	want=1; [ $cmd = due ] && want=3
	expect "file-$cmd" $want err "^limber: cannot read $F/limber/log.tsv: Not a directory$"
done
erun -u HOME XDG_DATA_HOME="$F" -- export --format json
expect file-export-json 1 err "cannot read $F/limber/log.tsv: Not a directory"
same file-export-json-out out ''
erun XDG_CONFIG_HOME="$F" -- list
expect file-config-list 0 out '^calves-post-run ' err "^$F/limber/routines: error: Not a directory$"
check "a file as XDG_*: the file is unchanged" [ "$(sha256sum <"$F")" = "$sum" ]
check "a file as XDG_*: still a file" [ -f "$F" ]
check "a file as XDG_*: still 0644" [ "$(mode "$F")" = 644 ]

# --- the password database's home, written to in a namespace ------------------

# pwrun HOMEDIR ENV... -- ARGS...: limber in a user and mount namespace where
# /etc/passwd gives uid 0 the home HOMEDIR; status 99 if that could not be
# set up, and then limber did not run.
pwrun() {
	local home=$1
	shift
	envargs "$@"
	printf 'root:x:0:0:root:%s:/bin/sh\n' "$home" >"$T/passwd"
	# shellcheck disable=SC2016 # expanded by the inner sh
	unshare -rm sh -c '
		mount --bind "$1" /etc/passwd 2>/dev/null || exit 99
		[ "$(getent passwd 0 | cut -d: -f6)" = "$2" ] || exit 99
		shift 2
		exec env "$@"' _ "$T/passwd" "$home" "${ENVARGS[@]}" "$LIMBER" "${ARGS[@]}" \
	    >"$T/out" 2>"$T/err"
	# shellcheck disable=SC2034 # read by expect in cli-lib.sh
	status=$?
}

# pw_ok: whether such a namespace can be made here.
pw_ok() {
	printf 'root:x:0:0:root:/pw-probe:/bin/sh\n' >"$T/passwd"
	# shellcheck disable=SC2016 # expanded by the inner sh
	command -v unshare >/dev/null 2>&1 &&
	    unshare -rm sh -c 'mount --bind "$1" /etc/passwd &&
		[ "$(getent passwd 0 | cut -d: -f6)" = /pw-probe ]' _ "$T/passwd" \
	    >/dev/null 2>&1
}

PW=$T/pwhome
if ! pw_ok; then
	echo "note: no user and mount namespace here (unshare -rm); the writes to the password database's home are not checked"
else
	pwrun "$PW" -u HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME -- list
	expect pw-list 0 out '^calves-post-run '
	lacks pw-list-not-sandbox out '^mine '
	check "pw: listing made nothing" [ ! -e "$PW" ]
	n=0
	for h in unset '' rel; do
		if [ "$h" = unset ]; then
			pwrun "$PW" -u HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME -- log calves 30s
		else
			pwrun "$PW" HOME="$h" -u XDG_CONFIG_HOME -u XDG_DATA_HOME -- log calves 30s
		fi
		n=$((n + 1))
		expect "pw-home-$h-log" 0 out '^Logged 30s of Calves at '
		check "pw: HOME $h: the log is under the password database's home ($n records)" \
		    [ "$(records "$PW/.local/share/limber/log.tsv")" = "$n" ]
	done
	for d in "$PW" "$PW/.local" "$PW/.local/share" "$PW/.local/share/limber"; do
		check "pw: ${d#"$T"/} made 0700 ($(mode "$d"))" [ "$(mode "$d")" = 700 ]
	done
	check "pw: the log is 0600" [ "$(mode "$PW/.local/share/limber/log.tsv")" = 600 ]
	mkdir -p "$PW/.config/limber/routines"
	routine pw-marker >"$PW/.config/limber/routines/pw-marker.yaml"
	pwrun "$PW" -u HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME -- list
	expect pw-user-routines 0 out '^pw-marker '
	pwrun "$PW" -u HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME -- history
	expect pw-history 0 out '^3 holds \(3 done'
	check "pw: the relative HOME made nothing in the working folder" \
	    [ "$(listing "$T/cwd")" = "$cwd_before" ]

	# A home in the database that is not absolute: no folder for the log.
	pwrun pwrel -u HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME -- log calves 30s
	expect pw-relative-log 1 err '^limber: no folder for the log: set HOME or XDG_DATA_HOME$'
	pwrun pwrel -u HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME -- history
	expect pw-relative-history 1 err '^limber: no folder for the log: set HOME or XDG_DATA_HOME$'
	pwrun pwrel -u HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME -- list
	expect pw-relative-list 0 out '^calves-post-run '
	check "pw: a relative home made nothing" [ ! -e "$T/cwd/pwrel" ]
	pwrun pwrel -u HOME -u XDG_CONFIG_HOME -- log calves 30s
	expect pw-relative-xdg-data 0 out '^Logged 30s of Calves at '
fi

# --- the start screen with no home and missing XDG folders --------------------------

. "$TESTS/e2e/term.sh"
if ! command -v tmux >/dev/null 2>&1 || [ -z "$E2E_TERM" ]; then
	echo "note: tmux or a terminfo entry for it is missing; the start screen is not checked"
else
	# screen_has PATTERN: poll the pane for up to 5 s until it matches.
	screen_has() {
		for _ in $(seq 50); do
			tmux -L "$SOCK" capture-pane -p -t env >"$T/screen" 2>/dev/null
			grep -Eq -- "$1" "$T/screen" && return 0
			sleep 0.1
		done
		return 1
	}
	# tcheck NAME PATTERN: the pane comes to match PATTERN.
	tcheck() {
		if screen_has "$2"; then
			ok
		else
			fail=$((fail + 1))
			echo "FAIL: tmux: $1: the screen never matched /$2/"
			sed 's/^/  | /' "$T/screen"
		fi
	}
	V=$T/viewed
	SOCK=limber-cli-env-$$
	tmux -f /dev/null -L "$SOCK" new-session -d -s env -x 80 -y 24 \
	    "env -u HOME -u LC_ALL XDG_CONFIG_HOME=$(printf %q "$V/config") XDG_DATA_HOME=$(printf %q "$V/data") TERM=$E2E_TERM LANG=C.UTF-8 $(printf %q "$LIMBER"); echo EXIT=\$? >$(printf %q "$T/tmux-exit"); sleep 60"
	tcheck "the start screen opens" "What's sore\\? Pick"
	tcheck "Calves never stretched" '^ +Calves .*last stretched: never$'
	tmux -L "$SOCK" send-keys -t env 3
	tcheck "History with no log" 'Streak 0 days'
	tmux -L "$SOCK" send-keys -t env 2
	tcheck "All routines" 'Filter: '
	# The filter takes every printable key until Esc gives them back.
	tmux -L "$SOCK" send-keys -t env Escape
	tmux -L "$SOCK" send-keys -t env 1
	tcheck "back to What's sore?" "What's sore\\? Pick"
	tmux -L "$SOCK" send-keys -t env q
	for _ in $(seq 50); do
		[ -s "$T/tmux-exit" ] && break
		sleep 0.1
	done
	check "tmux: q exits 0 ($(cat "$T/tmux-exit" 2>/dev/null))" \
	    [ "$(cat "$T/tmux-exit" 2>/dev/null)" = EXIT=0 ]
	check "tmux: viewing created nothing" [ ! -e "$V" ]
fi

cli_finish
