#!/usr/bin/env bash
# The rules for the files and folders limber reads and writes:
#  - a log, routine file or settings file that is not a regular file (a
#    link to /dev/zero or /dev/urandom, a FIFO, a socket) is refused with a
#    message naming it, at once: nothing spins or blocks;
#  - symbolic links owned by the user or by root are followed, files and
#    folders alike, at every component of a path; anyone else's is refused
#    with a message; whatever is skipped while walking routine folders is
#    said, and folders deeper than PATH_MAX are read;
#  - an empty path, and a file in UTF-16 or UTF-32, say so.
# Every command runs under timeout(1), so a spin fails instead of hanging.
# usage: tests/cli-files.sh PATH/TO/limber
. "$(dirname "$0")/cli-lib.sh" "$@"
NOBODY=65534
LOG=$XDG_DATA_HOME/limber/log.tsv
MINE=$XDG_CONFIG_HOME/limber/routines
CFG=$XDG_CONFIG_HOME/limber/config.yaml
mkdir -p "$(dirname "$LOG")" "$MINE"

# trun ARGS...: run limber for at most 10 s; status 124 means it hung.
trun() {
	timeout -s KILL 10 "$LIMBER" "$@" >"$T/out" 2>"$T/err"
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

# routine ID: a minimal valid routine.
routine() {
	printf 'id: %s\nname: Routine %s\nareas: [calves]\nsteps:\n  - name: Wall calf\n    kind: stretch\n    area: calves\n    hold: 30s\n' "$1" "$1"
}

# readers LABEL WHY: every reader of the log refuses it, saying WHY.
readers() {
	local cmd
	for cmd in history stats export; do
		trun "$cmd"
		expect "$1 $cmd" 1 err "^limber: cannot read $LOG: $2\$"
	done
	trun due
	expect "$1 due" 3 err "^limber: cannot read $LOG: $2\$"
	trun log calves 30s
	expect "$1 log" 1 err "cannot open $LOG: $2\$"
	lacks "$1 log" out 'Logged'
}

# --- logs that are not regular files -----------------------------------------

chr='not a regular file \(a character device\); refused'
ln -s /dev/zero "$LOG"
readers dev-zero "$chr"
rm "$LOG"
ln -s /dev/urandom "$LOG"
readers dev-urandom "$chr"
rm "$LOG"

# A FIFO: the writer used to say "Logged" and lose the record.
mkfifo "$LOG"
readers fifo 'not a regular file \(a FIFO\); refused'
rm "$LOG"

# A missing log is still an empty history.
trun history
expect missing-log 0
[ ! -e "$LOG" ] && ok || bad "missing-log: history made a log"
trun log calves 30s
expect first-record 0 out '^Logged 30s of Calves'
[ -f "$LOG" ] && [ ! -L "$LOG" ] && ok || bad "first-record: no log file"

# --- routine and settings files that are not regular files --------------------

mkdir -p "$T/odd"
ln -s /dev/zero "$T/odd/zero.yaml"
mkfifo "$T/odd/fifo.yaml"
trun check "$T/odd"
expect odd-routines 1 err "^$T/odd/zero\\.yaml: error: $chr\$" \
    err "^$T/odd/fifo\\.yaml: error: not a regular file \\(a FIFO\\); refused\$" \
    out '^2 files checked, 2 invalid$'
if command -v python3 >/dev/null; then
	python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' \
	    "$T/odd/sock.yaml"
	trun check "$T/odd/sock.yaml"
	expect socket-routine 1 err 'sock\.yaml: error: not a regular file \(a socket\); refused$'
else
	echo "skip: socket-routine: no python3 to make a socket"
fi
rm -rf "$T/odd"

ln -s /dev/zero "$CFG"
trun stats
expect zero-settings 1 err "^$CFG: error: $chr\$"
rm "$CFG"

# --- links owned by the user (or root): followed, folders too ------------------

# A folder linked into routines/ is walked: it used to be skipped silently.
mkdir -p "$T/shared/deeper"
routine linked >"$T/shared/deeper/linked.yaml"
ln -s "$T/shared" "$MINE/shared"
trun check "$MINE"
expect folder-link 0 out '^1 file checked, all valid$'
trun list
expect folder-link-list 0 out '^linked +Routine linked '

# A link back up, and two links to one folder: each folder is read once,
# and the second way in is said.
ln -s .. "$T/shared/deeper/up"
ln -s "$T/shared" "$MINE/again"
trun check "$MINE"
expect folder-loop 0 out '^1 file checked, all valid$' \
    err "^$MINE/shared: note: skipped: the same folder as $MINE/again, read already\$" \
    err "^$MINE/again/deeper/up: note: skipped: the same folder as $MINE/again, read already\$"
rm "$MINE/again" "$T/shared/deeper/up"

# A link to nothing is said, not skipped silently.
ln -s "$T/nowhere" "$MINE/gone"
trun check "$MINE"
expect broken-link 0 err "^$MINE/gone: warning: skipped: a broken symbolic link"
rm "$MINE/gone"

# The data folder a link of one's own: followed, the log written there.
mkdir -p "$T/elsewhere"
rm -rf "$XDG_DATA_HOME/limber"
ln -s "$T/elsewhere" "$XDG_DATA_HOME/limber"
trun log calves 30s
expect own-data-link 0 out '^Logged 30s'
[ -f "$T/elsewhere/log.tsv" ] && ok || bad "own-data-link: no log in the target"

# Folders deeper than PATH_MAX are read, not skipped silently.
name=$(printf 'd%.0s' $(seq 1 200))
(
	cd "$T" && mkdir deep && cd deep || exit 1
	for _ in $(seq 1 25); do mkdir "$name" && cd "$name" || exit 1; done
	routine deep >deep.yaml
)
trun check "$T/deep"
expect deep 0 out '^1 file checked, all valid$'
rm -rf "$T/deep"

# --- links owned by another user: refused, at every component -------------------

if [ "$(id -u)" = 0 ]; then
	# A routine file linking to a secret: refused, the secret never quoted.
	printf 'secret-line: hunter2\n' >"$T/secret"
	chmod 600 "$T/secret"
	ln -s "$T/secret" "$MINE/theirs.yaml"
	chown -h "$NOBODY:$NOBODY" "$MINE/theirs.yaml"
	trun check "$MINE"
	expect foreign-routine 0 out '^1 file checked, all valid$' \
	    err "^$MINE/theirs\\.yaml: warning: skipped: a symbolic link owned by another user \\(uid $NOBODY\\)"
	lacks foreign-routine err 'secret|hunter2'
	trun check "$MINE/theirs.yaml"
	expect foreign-routine-named 1 err "^$MINE/theirs\\.yaml: error: it is a symbolic link owned by another user; refused\$"
	lacks foreign-routine-named err 'secret|hunter2'
	rm "$MINE/theirs.yaml"

	# Another user's link to a folder inside routines/: not walked.
	ln -s "$T/shared" "$MINE/their-folder"
	chown -h "$NOBODY:$NOBODY" "$MINE/their-folder"
	rm "$MINE/shared"
	trun check "$MINE"
	expect foreign-folder 0 out '^0 files checked, all valid$' \
	    err "^$MINE/their-folder: warning: skipped: a symbolic link owned by another user"
	rm "$MINE/their-folder"

	# The data folder another user's link: the log is not written there.
	rm -rf "$T/elsewhere" "$XDG_DATA_HOME/limber"
	mkdir -p "$T/elsewhere"
	ln -s "$T/elsewhere" "$XDG_DATA_HOME/limber"
	chown -h "$NOBODY:$NOBODY" "$XDG_DATA_HOME/limber"
	trun log calves 30s
	expect foreign-data-link 1 err "^limber: cannot create folder $XDG_DATA_HOME/limber: it is a symbolic link owned by another user; refused\$"
	[ -z "$(ls -A "$T/elsewhere")" ] && ok || bad "foreign-data-link: written into the target"
	trun history
	expect foreign-data-link-read 1 \
	    err "^limber: cannot read $LOG: it leads through $XDG_DATA_HOME/limber, a symbolic link owned by another user \\(uid $NOBODY\\); refused\$"

	# Further up, and reached through a link of one's own: refused too.
	rm "$XDG_DATA_HOME/limber"
	mkdir -p "$T/real/limber"
	ln -s "$T/real" "$T/their-real"
	chown -h "$NOBODY:$NOBODY" "$T/their-real"
	ln -s "$T/their-real/limber" "$XDG_DATA_HOME/limber"
	trun log calves 30s
	expect foreign-through-own 1 err "it leads through $T/their-real, a symbolic link owned by another user"
	[ -z "$(ls -A "$T/real/limber")" ] && ok || bad "foreign-through-own: written into the target"
	rm "$XDG_DATA_HOME/limber"

	# The settings folder another user's link.
	mv "$XDG_CONFIG_HOME/limber" "$T/their-config"
	printf 'bell: false\n' >"$T/their-config/config.yaml"
	ln -s "$T/their-config" "$XDG_CONFIG_HOME/limber"
	chown -h "$NOBODY:$NOBODY" "$XDG_CONFIG_HOME/limber"
	trun stats
	expect foreign-config-folder 1 err "^$CFG: error: cannot open: it leads through $XDG_CONFIG_HOME/limber, a symbolic link owned by another user"
	rm "$XDG_CONFIG_HOME/limber"
	mv "$T/their-config" "$XDG_CONFIG_HOME/limber"
else
	echo "skip: links owned by another user: making one needs root (chown -h)"
fi

# --- messages: an empty path, UTF-16 and UTF-32 ----------------------------------

# The command line refuses an empty path first (cli-args.sh has the
# messages); the library's own refusal is in check_library.
trun check ''
expect empty-check 2 err 'an empty path names no file'
lacks empty-check err '^: error'
trun list --routines=
expect empty-routines 2 err "option '--routines' is an empty path"
lacks empty-routines err '^: error'

printf '\xff\xfei\0d\0:\0 \0x\0\n\0' >"$T/u16.yaml"
printf '\0\0\xfe\xff\0\0\0i' >"$T/u32.yaml"
trun check "$T/u16.yaml" "$T/u32.yaml"
expect utf16 1 \
    err "^$T/u16\\.yaml:1:1: error: the file is UTF-16 text \\(it starts with a byte order mark\\); save it as UTF-8\$" \
    err "^$T/u32\\.yaml:1:1: error: the file is UTF-32 text"
lacks utf16 err 'NUL byte'

cli_finish
