#!/usr/bin/env bash
# Memory stays flat in the log's size: history over 300,000 records keeps
# under 16 MiB at its peak, and prints them in time order, a hold logged
# late among them included.
# usage: tests/cli-memory.sh PATH/TO/limber PATH/TO/limber-peakrss
. "$(dirname "$0")/cli-lib.sh" "$1"
PEAKRSS=${2:?usage: cli-memory.sh PATH/TO/limber PATH/TO/limber-peakrss}
log=$XDG_DATA_HOME/limber/log.tsv
mkdir -p "$(dirname "$log")"

# 300,000 holds, 40 a day from 2005 on, with one logged late: its line
# comes 400 records after its time, just after Step 1000's.
awk 'BEGIN {
	print "# limber log v1"
	t = 1104537600		# 2005-01-01T00:00:00Z
	for (i = 0; i < 300000; i++) {
		s = t + int(i / 40) * 86400 + (i % 40) * 60
		printf "%s\t-\tStep %d\tstretch\tcalves\tleft\t30\t30\tdone\n",
		    strftime("%Y-%m-%dT%H:%M:%S+00:00", s, 1), i
		if (i == 1000)
			late = s + 30
		if (i == 1400)
			printf "%s\t-\tLate one\tstretch\tquads\t-\t30\t30\tdone\n",
			    strftime("%Y-%m-%dT%H:%M:%S+00:00", late, 1)
	}
}' >"$log"
export TZ=UTC

"$PEAKRSS" "$LIMBER" history --since 2005-01-01 >"$T/out" 2>"$T/err"
status=$?
expect history-big 0 out '^300001 holds \(300001 done, 0 partial, 0 skipped\)'
peak=$(sed -n 's/^peak //p' "$T/err")
if [ -n "${LIMBER_SANITIZED:-}" ]; then
	ok	# the sanitizers' shadow memory is not limber's
elif [ -n "$peak" ] && [ "$peak" -le 16384 ]; then
	ok
else
	bad "history-big: peak resident set ${peak:-?} KiB, over 16384"
fi
grep -B1 -A1 'Late one' "$T/out" >"$T/late"
grep -q 'Step 1000 ' "$T/late" && grep -q 'Step 1001 ' "$T/late" && ok ||
	bad "history-big: the hold logged late is not in its place: $(cat "$T/late")"
awk 'NR > 1 && NF > 3 { d = $1 " " $2; if (d < last) { print; exit 1 } last = d }' \
	"$T/out" && ok || bad "history-big: rows out of time order"
cli_finish
