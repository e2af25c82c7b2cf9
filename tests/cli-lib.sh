# shellcheck shell=bash
# What tests/cli*.sh share: a sandbox with its own XDG folders and HOME,
# running limber with its output kept, and the checks. Each script does
#
#	. "$(dirname "$0")/cli-lib.sh" "$@"
#
# then runs its checks and ends with cli_finish.
set -u
LIMBER=${1:?usage: $(basename "$0") PATH/TO/limber}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export XDG_CONFIG_HOME=$T/config XDG_DATA_HOME=$T/data HOME=$T/home
mkdir -p "$HOME"
pass=0 fail=0

# run ARGS...: runs limber, keeping stdout, stderr and status.
run() {
	"$LIMBER" "$@" >"$T/out" 2>"$T/err"
	status=$?
}

ok() { pass=$((pass + 1)); }
bad() {
	fail=$((fail + 1))
	echo "FAIL: $1"
	echo "  stdout: $(head -c 600 "$T/out")"
	echo "  stderr: $(head -c 600 "$T/err")"
}

# expect NAME STATUS [FILE REGEX]...: checks the status and each file.
expect() {
	local name=$1 want=$2
	shift 2
	if [ "$status" != "$want" ]; then
		bad "$name: exit $status, wanted $want"
		return
	fi
	while [ $# -ge 2 ]; do
		if ! grep -Eq -- "$2" "$T/$1"; then
			bad "$name: $1 does not match /$2/"
			return
		fi
		shift 2
	done
	ok
}

# same NAME FILE TEXT: the file holds exactly TEXT (printf escapes allowed).
same() {
	# shellcheck disable=SC2059 # TEXT is a format on purpose
	printf "$3" >"$T/want"
	if cmp -s "$T/want" "$T/$2"; then
		ok
	else
		bad "$1: $2 is not as expected"
		diff <(od -c "$T/want") <(od -c "$T/$2") | head -10
	fi
}

# check NAME COMMAND...: passes when the command succeeds.
check() {
	local name=$1
	shift
	if "$@"; then ok; else bad "$name"; fi
}

# The count of checks; the exit status says whether all passed.
cli_finish() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}
