#!/bin/bash
# Run limber's libFuzzer targets on their seed corpora.
#
#	tests/fuzz/run.sh BUILD_DIR [SECONDS] [TARGET...]
#
# BUILD_DIR was configured with CC=clang -DLIMBER_FUZZ=ON. Each target runs
# for SECONDS (default 60) on a working corpus in BUILD_DIR/fuzz-corpus,
# seeded from the repository: the bundled routines, every test fixture,
# tests/fuzz/seeds and the findings kept in tests/fuzz/regress, which are
# first replayed once each. Exits non-zero if any target finds a crash,
# leak, timeout or out-of-memory; the input is left in BUILD_DIR/fuzz-out.
set -u

BUILD=${1:?usage: tests/fuzz/run.sh BUILD_DIR [SECONDS] [TARGET...]}
SECONDS_EACH=${2:-60}
shift $(($# < 2 ? $# : 2))
TARGETS=${*:-routine config logline logwrite duration}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
status=0

# The seed folders of a target.
seeds() {
	case $1 in
	routine) echo "$ROOT/routines $ROOT/tests/data $ROOT/tests/e2e/routines" ;;
	config) echo "" ;;
	logline) echo "" ;;
	logwrite) echo "" ;;
	duration) echo "" ;;
	esac
	echo "$HERE/seeds/$1"
}

# Copy every regular file under the given folders into a flat corpus.
gather() {
	local dest=$1 f
	shift
	mkdir -p "$dest"
	for d in "$@"; do
		[ -d "$d" ] || continue
		find "$d" -type f -size -64k | while read -r f; do
			cp "$f" "$dest/$(sha1sum <"$f" | cut -c1-16)"
		done
	done
}

for t in $TARGETS; do
	bin=$BUILD/fuzz-$t
	if [ ! -x "$bin" ]; then
		echo "fuzz: $bin is not built (cmake --build $BUILD --target fuzz-$t)" >&2
		exit 2
	fi
	dict=$HERE/yaml.dict
	[ "$t" = logline ] && dict=$HERE/log.dict
	[ "$t" = duration ] && dict=
	[ "$t" = logwrite ] && dict=
	corpus=$BUILD/fuzz-corpus/$t
	out=$BUILD/fuzz-out/$t
	mkdir -p "$out"
	# shellcheck disable=SC2046 # the seed folders are split on purpose
	gather "$corpus" $(seeds "$t")
	if [ -d "$HERE/regress/$t" ] && [ -n "$(ls -A "$HERE/regress/$t")" ]; then
		if ! "$bin" "$HERE/regress/$t"/* >"$out/regress.log" 2>&1; then
			echo "fuzz-$t: a kept finding fails again; see $out/regress.log" >&2
			status=1
			continue
		fi
		cp "$HERE/regress/$t"/* "$corpus"/
	fi
	echo "fuzz-$t: ${SECONDS_EACH}s on $(ls "$corpus" | wc -l) inputs"
	if ! "$bin" -max_total_time="$SECONDS_EACH" -timeout=10 \
	    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
	    -artifact_prefix="$out/" ${dict:+-dict="$dict"} \
	    "$corpus" >"$out/fuzz.log" 2>&1; then
		echo "fuzz-$t: FAILED; the input is in $out, the log in $out/fuzz.log" >&2
		tail -40 "$out/fuzz.log" >&2
		status=1
		continue
	fi
	grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' \
	    "$out/fuzz.log" | sed "s/^/fuzz-$t: /"
done
exit $status
