#!/usr/bin/env bash
# When the log cannot take a hold: a log that is a folder or a device
# (/dev/full), a full disk (a file-size limit that cuts a record short, a
# full tmpfs), a read-only log folder or log file, and a log that stops
# taking holds in the middle of a session. Each time the session says so
# on the screen and in its summary, exits 1 with a line on the terminal,
# and every hold that was already in the log is still there, byte for byte.
#
# Run as root (as CI is), the permission cases run limber as nobody through
# setpriv, since root may write anywhere; a symbolic link owned by another
# user is made with lchown. The tmpfs case needs mount(8) to work.
. "$(dirname "$0")/lib.sh" "$@"

REAL_LIMBER=$LIMBER
NOBODY=65534
sandbox
long_prepare
chmod 755 "$SANDBOX"

# wrap NAME LINE: a script that runs LINE and then limber with its
# arguments; LIMBER is set to it for the next start.
wrap() {
	local script=$SANDBOX/$1
	printf '#!/bin/bash\n%s\nexec %q "$@"\n' "$2" "$REAL_LIMBER" >"$script"
	chmod 755 "$script"
	LIMBER=$script
}

# as_user: run limber as an unprivileged user when we are root.
as_user() {
	if [ "$(id -u)" = 0 ]; then
		wrap as-nobody "exec setpriv --reuid=$NOBODY --regid=$NOBODY \
--clear-groups --inh-caps=-all $(printf %q "$REAL_LIMBER") \"\$@\""
		chown -R "$NOBODY:$NOBODY" "$XDG_CONFIG_HOME" "$HOME"
		[ -d "$XDG_DATA_HOME" ] && chown -R "$NOBODY:$NOBODY" "$XDG_DATA_HOME"
	else
		LIMBER=$REAL_LIMBER
	fi
}

# fresh_data: an empty data folder, and limber run as ourselves.
fresh_data() {
	rm -rf "$XDG_DATA_HOME"
	LIMBER=$REAL_LIMBER
}

# log_of N: write a log with N made-up records (the header first).
log_of() {
	local i
	mkdir -p "$(dirname "$LOG")"
	printf '# limber log v1\n' >"$LOG"
	for i in $(seq 1 "$1"); do
		printf '2026-11-%02dT07:00:00+00:00\tmorning\tWall calf stretch\tstretch\tcalves\tleft\t30\t30\tdone\n' \
		    "$i" >>"$LOG"
	done
}

# pad_to SIZE: add a record whose step is long enough that the log ends
# at SIZE bytes.
pad_to() {
	local line='2026-11-04T07:00:00+00:00\tmorning\t%s\tstretch\tcalves\tleft\t30\t30\tdone\n'
	local fixed
	# shellcheck disable=SC2059 # the format is the line above
	fixed=$(printf "$line" '' | wc -c)
	# shellcheck disable=SC2059 # the format is the line above
	printf "$line" "$(head -c $(($1 - fixed - $(wc -c <"$LOG"))) /dev/zero |
	    tr '\0' x)" >>"$LOG"
}

# cli_is LABEL STATUS REGEX ARGS...: limber ARGS (no terminal) exits with
# STATUS and says something matching REGEX.
cli_is() {
	local label=$1 want=$2 re=$3 status
	shift 3
	"$LIMBER" "$@" >"$SANDBOX/out" 2>&1
	status=$?
	check "$label: exit status $want ($status)" [ "$status" = "$want" ]
	check "$label: says /$re/ ($(cat "$SANDBOX/out"))" \
	    grep -Eq "$re" "$SANDBOX/out"
}

# one_failed LABEL WHY [ARGS...]: run e2e-one to its end; the hold is not
# logged because of WHY (a regular expression, short enough not to be
# wrapped), which the summary gives and the terminal keeps after exit 1.
one_failed() {
	local label=$1 why=$2
	shift 2
	start "$label" "$@" -- run --routines "$ROUTINES" e2e-one
	expect 'Get into position' 5 "$label: preparation prompt"
	keys Enter
	expect 'Session complete' 10 "$label: the session still completes"
	see 'Logged 0 of 1 hold: cannot' "$label: the summary says 0 of 1 logged"
	# The reason may wrap onto the next row.
	check "$label: the summary says why: $why" joined_has "$why"
	keys Enter
	expect_exit 1 5 "$label: exit status 1"
	expect 'limber: 1 of 1 hold was not logged: cannot' 2 \
	    "$label: the terminal keeps the reason after exit"
	check "$label: the terminal says why: $why" joined_has "$why"
}

# --- a log that is a folder ---------------------------------------------------

mkdir -p "$LOG"
one_failed folder 'Is a directory'
check "folder: the folder is still there, empty" \
    [ -d "$LOG" -a -z "$(ls -A "$LOG")" ]

# --- a device: /dev/full is no log, refused unopened --------------------------

fresh_data
mkdir -p "$(dirname "$LOG")"
ln -s /dev/full "$LOG"
one_failed dev-full 'not a regular file'


# --- a file-size limit that leaves 20 bytes: the record is cut short --------

fresh_data
log_of 3
pad_to $((2048 - 20))
check "limit: the log is 2028 bytes ($(wc -c <"$LOG"))" \
    [ "$(wc -c <"$LOG")" = 2028 ]
before=$(sha256sum <"$LOG")
wrap limit2k 'ulimit -f 2'
one_failed limit 'disk full'
check "limit: the log is byte for byte as before (the cut record undone)" \
    [ "$(sha256sum <"$LOG")" = "$before" ]
LIMBER=$REAL_LIMBER
log_well_formed

# The same through limber log.
wrap limit2k 'ulimit -f 2'
cli_is "limit, limber log" 1 'disk full' log calves 30s
check "limit, limber log: the log is unchanged" \
    [ "$(sha256sum <"$LOG")" = "$before" ]
LIMBER=$REAL_LIMBER

# --- a full tmpfs -------------------------------------------------------------

fresh_data
mkdir -p "$XDG_DATA_HOME"
if mount -t tmpfs -o size=64k,mode=0700 limber-e2e "$XDG_DATA_HOME" 2>/dev/null; then
	# The log fills its last page exactly, so a record needs a new one.
	log_of 2
	pad_to 4096
	head -c 1M /dev/zero >"$XDG_DATA_HOME/filler" 2>/dev/null
	before=$(sha256sum <"$LOG")
	one_failed tmpfs 'No space left on device'
	check "tmpfs: the log is byte for byte as before" \
	    [ "$(sha256sum <"$LOG")" = "$before" ]
	log_well_formed
	rm -f "$XDG_DATA_HOME/filler"
	start tmpfs-room -- run --routines "$ROUTINES" e2e-one
	expect 'Get into position' 5 "tmpfs, room again: preparation prompt"
	keys Enter
	expect 'Session complete' 10 "tmpfs, room again: the session completes"
	see 'Logged 1 hold to' "tmpfs, room again: Logged 1 hold"
	keys Enter
	expect_exit 0 5 "tmpfs, room again: exit status 0"
	check "tmpfs, room again: 4 records ($(record_count))" \
	    [ "$(record_count)" = 4 ]
	log_well_formed
	umount "$XDG_DATA_HOME"
else
	ok "tmpfs: skipped, cannot mount a tmpfs here"
fi

# --- read-only: the log folder, the log file, the data folder -----------------

fresh_data
mkdir -p "$(dirname "$LOG")"
as_user
chmod 500 "$(dirname "$LOG")"
one_failed ro-folder 'Permission denied'
check "ro-folder: no log was made" [ ! -e "$LOG" ]

fresh_data
log_of 2
as_user
chmod 400 "$LOG"
before=$(sha256sum <"$LOG")
one_failed ro-log 'Permission denied'
check "ro-log: the log is unchanged" [ "$(sha256sum <"$LOG")" = "$before" ]
# A read-only log can still be read.
start ro-history -- --routines "$ROUTINES"
expect 'What.s sore' 5 "ro-log: the start screen opens"
keys 3
expect 'Recent' 3 "ro-log: History opens"
see 'Wall calf stretch' "ro-log: History shows the logged holds"
not_see 'Cannot read the log' "ro-log: no read error"
keys q
expect_exit 0 5 "ro-log: the start screen exits 0"

fresh_data
mkdir -p "$XDG_DATA_HOME"
as_user
chmod 500 "$XDG_DATA_HOME"
one_failed ro-data 'Permission denied'
check "ro-data: nothing was made in it" [ -z "$(ls -A "$XDG_DATA_HOME")" ]

# --- the log stops taking holds in the middle of a session --------------------

fresh_data
log_of 2
as_user
start midway -- run --routines "$ROUTINES" e2e-short
expect 'Get into position' 5 "midway: preparation prompt"
keys Enter
if wait_records 3 8; then
	ok "midway: the first hold is logged"
else
	die "midway: the first hold never reached the log"
fi
chmod 400 "$LOG"
before=$(sha256sum <"$LOG")
expect 'log.tsv: Permission denied' 12 "midway: the next hold's failure is shown"
# The roll's 30 s preparation: start it now.
keys Enter
expect 'Session complete' 12 "midway: the session still completes"
see 'Logged 1 of 3 holds: cannot open' "midway: the summary says 1 of 3"
see 'Permission denied' "midway: the summary says why"
keys Enter
expect_exit 1 5 "midway: exit status 1"
expect 'limber: 2 of 3 holds were not logged' 2 "midway: the terminal says 2 of 3"
check "midway: the log is unchanged since the first hold" \
    [ "$(sha256sum <"$LOG")" = "$before" ]
check "midway: 3 records: 2 earlier and the first hold ($(record_count))" \
    [ "$(record_count)" = 3 ]
record_is 3 e2e-short 'Wall calf stretch' stretch calves left 5 5 'done'
log_well_formed

# --- someone else's symbolic link, for the log and the settings ---------------

if [ "$(id -u)" = 0 ]; then
	fresh_data
	log_of 1
	mv "$LOG" "$SANDBOX/theirs.tsv"
	ln -s "$SANDBOX/theirs.tsv" "$LOG"
	lchown_ok=1
	chown -h "$NOBODY:$NOBODY" "$LOG" || lchown_ok=0
	check "foreign link: the link is owned by nobody" [ "$lchown_ok" = 1 ]
	before=$(sha256sum <"$SANDBOX/theirs.tsv")
	one_failed foreign-log 'owned by another user'
	check "foreign link: their file is unchanged" \
	    [ "$(sha256sum <"$SANDBOX/theirs.tsv")" = "$before" ]
	cli_is "foreign link, limber history" 1 \
	    'log.tsv: it is a symbolic link owned by another user; refused' \
	    history

	cfg=$XDG_CONFIG_HOME/limber/config.yaml
	mv "$cfg" "$SANDBOX/their-config.yaml"
	ln -s "$SANDBOX/their-config.yaml" "$cfg"
	chown -h "$NOBODY:$NOBODY" "$cfg"
	cli_is "foreign config link, limber stats" 1 \
	    'config.yaml: error: cannot open: it is a symbolic link owned by another user; refused' \
	    stats
	# The user's own link is followed.
	chown -h 0:0 "$cfg"
	rm "$LOG"
	cli_is "own config link, limber stats" 0 'Streak' stats
else
	ok "foreign links: skipped, making a file someone else owns needs root"
fi

finish
