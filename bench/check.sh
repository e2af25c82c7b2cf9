#!/usr/bin/env bash
# Benchmark: `limber check` over 2,000 generated routine files against a bare
# libyaml event scan of the same files (the floor for this design), and the
# time to load the bundled library and print `limber list`.
# Targets: check within 2x of the scan; list under 20 ms.
# Needs hyperfine (Debian: apt-get install hyperfine); run from anywhere.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$here/build-bench}
files=${FILES:-2000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target limber limber-yamlscan >/dev/null
limber=$build/limber
scan=$build/limber-yamlscan

# Generate routines of 2 to 9 steps, in the bundled files' style.
mkdir -p "$work/lib"
awk -v n="$files" -v dir="$work/lib" 'BEGIN {
	split("hamstrings quads calves glutes lats hip-flexors adductors upper-back", area, " ")
	for (i = 1; i <= n; i++) {
		f = sprintf("%s/gen-%05d.yaml", dir, i)
		a = area[i % 8 + 1]
		printf "# generated routine %d\nid: gen-%05d\nname: Generated routine %d\n", i, i, i > f
		printf "areas: [%s]\ntags: [post-run, rest-day]\n", a > f
		printf "description: >\n  A routine made for the benchmark, folded\n  over two lines.\nsteps:\n" > f
		for (s = 0; s < 2 + i % 8; s++) {
			printf "  - name: \"Step %d of routine %d\"\n    kind: %s\n", s + 1, i, (s % 3 ? "stretch" : "roll") > f
			printf "    area: %s\n    hold: %s\n    sides: both\n    reps: 2\n    rest: 10s\n", a, (s % 3 ? "30s" : "1m") > f
			printf "    cue: Keep breathing slowly; ease in and stop at a strong, not painful, stretch.\n" > f
		}
		close(f)
	}
}'
echo "generated $files routine files, $(du -sh "$work/lib" | cut -f1)"
"$limber" check "$work/lib" >/dev/null
"$scan" "$work/lib" >/dev/null

hyperfine -N --warmup 3 --min-runs 20 --export-json "$work/check.json" \
	-n scan "$scan $work/lib" -n check "$limber check $work/lib" >&2
hyperfine -N --warmup 5 --min-runs 50 --export-json "$work/list.json" \
	-n list "$limber list" >&2

mean() { # mean NAME FILE: seconds
	awk -v name="$1" '
		/"command":/ { cur = $2; gsub(/[",]/, "", cur) }
		/"mean":/ && cur == name { v = $2; gsub(/,/, "", v); print v; exit }' "$2"
}
s=$(mean scan "$work/check.json")
c=$(mean check "$work/check.json")
l=$(mean list "$work/list.json")
rss=$( { /usr/bin/time -f %M "$limber" check "$work/lib" >/dev/null; } 2>&1 | tail -1)
awk -v s="$s" -v c="$c" -v l="$l" -v rss="$rss" -v n="$files" 'BEGIN {
	printf "\nlimber check, %d files:  %.1f ms   (peak RSS %d KiB)\n", n, c * 1000, rss
	printf "bare libyaml scan:        %.1f ms\n", s * 1000
	printf "ratio check/scan:         %.2fx   (target: at most 2x)  %s\n", c / s, (c / s <= 2 ? "OK" : "OVER")
	printf "limber list (bundled):    %.2f ms  (target: under 20 ms) %s\n", l * 1000, (l < 0.020 ? "OK" : "OVER")
}'
