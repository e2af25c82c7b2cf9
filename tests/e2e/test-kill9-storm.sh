#!/usr/bin/env bash
# kill -9 at random moments of a session, 50 times: from right after the
# start (before the screen is up) through the preparation, the holds, the
# switch of sides and up to the summary. No handler runs, so after each kill
# the log must hold every hold that ended before it, each line whole and
# once, and nothing else; a hold may end between the last look at the
# screen and the kill, and then it is logged too. A session run to its end
# afterwards appends its holds cleanly.
#
# The kills run in lanes side by side, each with its own sandbox, log and
# tmux socket; the delays are spread over the lanes so that they end
# together. A seed drawn from $RANDOM picks the delays and is printed:
# KILL9_SEED=N replays a run. KILL9_KILLS and KILL9_LANES change its size.
. "$(dirname "$0")/lib.sh" "$@"

KILLS=${KILL9_KILLS:-50}
LANES=${KILL9_LANES:-14}
SEED=${KILL9_SEED:-$RANDOM}

# The delays count from the moment limber runs (is exec'd). e2e-short with
# prepare and switch at 2 s: the holds end about 7, 14 and 21 s after it,
# 2 s sooner when Enter cuts the first preparation. The delays run 1.5 s
# past the last one, into the summary. One kill in ten is within the first
# EARLY_MS instead, while limber starts up: it draws its first screen some
# 10 ms after it runs (more under ASan).
SPAN_MS=22500
SPAN_ENTER_MS=20500
EARLY_MS=10

# The holds of e2e-short in order: fields 2 to 9 of their records.
HOLDS=(
	"$(printf '%s\t' e2e-short 'Wall calf stretch' stretch calves left 5 5 'done')"
	"$(printf '%s\t' e2e-short 'Wall calf stretch' stretch calves right 5 5 'done')"
	"$(printf '%s\t' e2e-short 'Quad roll' roll quads - 5 5 'done')"
)

# --- the plan ---------------------------------------------------------------

# rand N: a number from 0 to N-1, from a generator of our own seeded with
# SEED, so that a seed means the same delays with any bash.
RAND_STATE=$SEED
rand() {
	RAND_STATE=$(((RAND_STATE * 1103515245 + 12345) % 2147483648))
	RAND_NUMBER=$(((RAND_STATE >> 8) % $1))
}

# plan: deal the kills out to the lanes, the longest delays first, each to
# the lane with the least waiting so far. Sets PLAN[lane] to a list of
# KILL:DELAY_MS:ENTER.
plan() {
	local k delay enter lane best sums=() lines=()
	for ((k = 1; k <= KILLS; k++)); do
		rand 2
		enter=$RAND_NUMBER
		rand 10
		if [ "$RAND_NUMBER" = 0 ]; then
			rand "$EARLY_MS"
			enter=0
		else
			rand $((enter ? SPAN_ENTER_MS : SPAN_MS))
		fi
		delay=$RAND_NUMBER
		lines+=("$delay $enter $k")
	done
	for ((lane = 1; lane <= LANES; lane++)); do
		sums[lane]=0
		PLAN[lane]=
	done
	while read -r delay enter k; do
		best=1
		for ((lane = 2; lane <= LANES; lane++)); do
			[ "${sums[lane]}" -lt "${sums[best]}" ] && best=$lane
		done
		sums[best]=$((sums[best] + delay))
		PLAN[best]+=" $k:$delay:$enter"
	done < <(printf '%s\n' "${lines[@]}" | sort -k1,1nr)
	for ((lane = 1; lane <= LANES; lane++)); do
		PLAN[lane]=$(tr ' ' '\n' <<<"${PLAN[lane]}" | sort -t: -k1,1n)
	done
}

# --- the screen -------------------------------------------------------------

# screen_state: read the last capture; sets PHASE (start, prepare, hold,
# switch, summary, or drawing: a first frame half drawn) and SHOWN, the
# holds it shows as ended. limber logs a hold before it draws what comes
# next, so the log has at least SHOWN records of the run.
screen_state() {
	PHASE=drawing
	SHOWN=0
	if seen 'Session complete|Holds done'; then
		PHASE=summary
		SHOWN=3
		if seen 'Holds done: [0-9]+ of 3'; then
			SHOWN=$(printf '%s\n' "$SCREEN" |
			    sed -n 's/.*Holds done: \([0-9]*\) of 3.*/\1/p')
		fi
		return
	fi
	if ! seen '[^[:space:]]'; then
		PHASE=start	# limber has not drawn yet
		return
	fi
	if seen 'step 2/2'; then
		SHOWN=2
	elif seen 'step 1/2' && seen 'RIGHT side'; then
		SHOWN=1
	fi
	if seen '^ Get into position'; then
		PHASE=prepare
	elif seen '^ Switch to the right side'; then
		PHASE=switch
	elif seen '^ (Hold|Last one)'; then
		PHASE=hold
	fi
}

# --- one kill ---------------------------------------------------------------

# start_pid LABEL ARGS...: start as start does, but limber is exec'd from a
# subshell that first writes its pid (limber's, then) to pid-LABEL in the
# sandbox, so that it can be killed as soon as it runs. The pane's shell
# keeps quiet (its "Killed" would scroll limber's last screen away); limber
# still has the terminal for its errors.
start_pid() {
	local label=$1 cmd
	shift
	rm -f "$SANDBOX/pid-$label"
	cmd="exec 3>&2 2>/dev/null"
	cmd+="; (echo \$BASHPID >$(printf %q "$SANDBOX/pid-$label")"
	cmd+="; exec $(limber_line -- "$@") 2>&3 3>&-)"
	cmd+="; echo EXIT=\$? >$(printf %q "$SANDBOX/exit-$label"); sleep 60"
	start_cmd "$label" 80x24 "$cmd"
}

# running LABEL: whether the limber started by start_pid LABEL runs (has
# been exec'd); sets PID. Forks nothing, to be quick.
running() {
	local comm
	read -r PID 2>/dev/null <"$SANDBOX/pid-$1" || return 1
	read -r comm 2>/dev/null <"/proc/$PID/comm" || return 1
	[ "$comm" = limber ]
}

# new_records FROM WALL0: what is wrong with the records after the first
# FROM: they must be the holds of e2e-short in order, from the first,
# stamped no earlier than WALL0 (seconds since 1970) less a second.
new_records() {
	local from=$1 wall0=$2 i=0 rec stamp
	while IFS= read -r rec; do
		if [ "$i" -ge "${#HOLDS[@]}" ]; then
			echo "more new records than the routine has holds: '$rec'"
			return
		fi
		if [ "${rec#*	}	" != "${HOLDS[i]}" ]; then
			echo "new record $((i + 1)) is '$rec', wanted hold" \
			    "$((i + 1)) of e2e-short: '${HOLDS[i]}'"
			return
		fi
		stamp=$(epoch "${rec%%	*}")
		if [ "$stamp" -lt "$((wall0 - 1))" ]; then
			echo "new record $((i + 1)) is stamped ${rec%%	*}," \
			    "before this run began: '$rec'"
			return
		fi
		i=$((i + 1))
	done < <(records | tail -n +"$((from + 1))")
}

# log_kept COPY: the log still starts with COPY, byte for byte (no COPY:
# nothing to keep).
log_kept() {
	[ ! -f "$1" ] || cmp -s -n "$(stat -c %s "$1")" "$1" "$LOG"
}

# now: set NOW to now_ms, without a fork.
now() {
	local t=${EPOCHREALTIME/[.,]/}
	NOW=$((t / 1000))
}

# launch LANE [spin]: start e2e-short in the lane and wait until limber
# runs; sets PID and T0, the time it began to run. With spin the wait does
# not sleep, to know that time to the millisecond for an early kill: limber
# draws its first screen a few ms after it runs.
launch() {
	local end
	now
	end=$((NOW + 5000))
	start_pid "lane$1" run --routines "$ROUTINES" e2e-short
	until running "lane$1"; do
		now
		[ "$NOW" -ge "$end" ] && return 1
		[ "${2:-}" = spin ] || sleep 0.005
	done
	now
	T0=$NOW
}

# enter_before MS: type Enter when the preparation shows, unless MS (a
# time) comes first; 1 if it did.
enter_before() {
	while [ "$(now_ms)" -lt "$1" ]; do
		capture
		if seen 'Get into position'; then
			keys Enter
			return 0
		fi
		sleep 0.02
	done
	return 1
}

# added_ok ADDED SHOWN WHEN: ADDED new records fit a screen that showed
# SHOWN holds ended (SHOWN, or one more that ended unseen); else say why.
added_ok() {
	[ -z "$2" ] || between "$1" "$2" $(($2 + 1)) && return 0
	echo "$1 new records, but the screen $3 showed $2 holds ended:" \
	    "$2 or $(($2 + 1)) were due"
	return 1
}

# kill_at LANE K DELAY ENTER: start e2e-short, type Enter on the
# preparation if ENTER is 1, look at the screen and kill -9 limber DELAY ms
# after it began to run, look again once it is gone, and check the log.
# Kills in the first EARLY_MS do not look before: it takes longer than
# limber takes to draw. Prints one ok or FAIL line; appends "PHASE ADDED
# SHOWN ENTERED SHOWN-BEFORE" to the lane's results.
kill_at() {
	local lane=$1 k=$2 delay=$3 enter=$4 copy=$SANDBOX/before.tsv
	local before added wall0 entered=0 at why=() problem what
	local shown_before='' screen_before=''
	before=$(record_count)
	rm -f "$copy"
	[ -f "$LOG" ] && cp "$LOG" "$copy"
	kill_server "$SOCK"
	wall0=$(date +%s)
	if ! launch "$lane" "$([ "$delay" -lt "$EARLY_MS" ] && echo spin)"; then
		fail "lane $lane kill $k: limber did not start within 5 s"
		return
	fi
	if [ "$delay" -lt "$EARLY_MS" ]; then
		now
		while [ "$NOW" -lt $((T0 + delay)) ]; do
			now
		done
	else
		[ "$enter" = 1 ] && enter_before $((T0 + delay)) && entered=1
		sleep_until $((T0 + delay))
		capture
		screen_state
		shown_before=$SHOWN
		screen_before=$SCREEN
	fi
	kill -9 "$PID"
	now
	at=$((NOW - T0))

	if ! wait_exit 5; then
		why+=("limber did not exit within 5 s")
	elif [ "$EXIT_STATUS" != 137 ]; then
		why+=("exit status $EXIT_STATUS, wanted 137")
	fi
	capture
	screen_state
	added=$(($(record_count) - before))
	if [ ! -f "$LOG" ]; then
		[ "$before" = 0 ] || why+=("the log is gone")
	elif ! problem=$(log_problem); then
		why+=("log: $problem")
	fi
	log_kept "$copy" || why+=("the records before this run changed")
	problem=$(added_ok "$added" "$shown_before" "before the kill") ||
	    why+=("$problem")
	problem=$(added_ok "$added" "$SHOWN" "after the kill") ||
	    why+=("$problem")
	problem=$(new_records "$before" "$wall0")
	[ -n "$problem" ] && why+=("$problem")

	what="lane $lane kill $k at $((at / 1000)).$(printf %03d $((at % 1000)))"
	what+=" s (planned $delay ms"
	[ "$enter" = 1 ] && [ "$entered" = 1 ] && what+=", Enter"
	[ "$enter" = 1 ] && [ "$entered" = 0 ] && what+=", Enter not yet"
	what+="): $PHASE; ended on screen: ${shown_before:-not looked}"
	what+=" before the kill, $SHOWN after; $added logged"
	if [ ${#why[@]} -eq 0 ]; then
		ok "$what"
	else
		SOCK='' fail "$what: $(printf '%s; ' "${why[@]}")"
		echo "  --- screen just before the kill ---"
		printf '%s\n' "$screen_before" | sed 's/^/  | /'
	fi
	echo "$PHASE $added $SHOWN $entered ${shown_before:--}" \
	    >>"$SANDBOX/results"
}

# --- a lane -----------------------------------------------------------------

# finish_lane LANE: run e2e-short to its end, with Enter on each
# preparation and switch; it must append its 3 holds, whole, after the
# records the kills left.
finish_lane() {
	local lane=$1 copy=$SANDBOX/before.tsv before wall0
	before=$(record_count)
	rm -f "$copy"
	[ -f "$LOG" ] && cp "$LOG" "$copy"
	kill_server "$SOCK"
	wall0=$(date +%s)
	start "lane$lane" -- run --routines "$ROUTINES" e2e-short
	# Enter cuts each preparation short; on a busy machine one may be over
	# before the screen is read, which changes nothing but the timing.
	expect 'Get into position|^ (Hold|Last one)' 10 \
	    "lane $lane: then a whole session: preparation or its hold"
	seen 'Get into position' && keys Enter
	expect '^ Switch to the right side|RIGHT side' 15 \
	    "lane $lane: the switch of sides"
	seen '^ Switch to the right side' && keys Enter
	expect 'step 2/2' 15 "lane $lane: step 2/2"
	if wait_for '^ Get into position' 2; then
		keys Enter
	fi
	expect 'Session complete' 10 "lane $lane: Session complete"
	see 'Holds done: 3 of 3' "lane $lane: Holds done: 3 of 3"
	keys Enter
	expect_exit 0 5 "lane $lane: the session exits 0"
	log_well_formed
	check "lane $lane: the $before records before it are unchanged" \
	    log_kept "$copy"
	check "lane $lane: 3 records more ($before -> $(record_count))" \
	    [ "$(record_count)" = $((before + 3)) ]
	check "lane $lane: they are the 3 holds, in order, stamped now" \
	    [ -z "$(new_records "$before" "$wall0")" ]
	kill_server "$SOCK"
}

# lane LANE PLAN: in a subshell, with a sandbox of its own under the
# test's: the kills of PLAN, then a whole session. Its output and its
# counts of checks go to files there.
lane() {
	local n=$1 item k delay enter
	SANDBOX=$SANDBOX/lane$n
	mkdir -p "$SANDBOX/config/limber" "$SANDBOX/home"
	cp "$XDG_CONFIG_HOME/limber/config.yaml" "$SANDBOX/config/limber/"
	export XDG_CONFIG_HOME=$SANDBOX/config
	export XDG_DATA_HOME=$SANDBOX/data
	export HOME=$SANDBOX/home
	LOG=$XDG_DATA_HOME/limber/log.tsv
	SOCK=limber-e2e-$$-$TEST-lane$n
	CHECKS=0
	FAILS=0
	: >"$SANDBOX/results"
	trap 'echo "$CHECKS $FAILS" >"$SANDBOX/counts"; kill_server "$SOCK"' EXIT
	for item in $2; do
		IFS=: read -r k delay enter <<<"$item"
		kill_at "$n" "$k" "$delay" "$enter"
	done
	finish_lane "$n"
}

# --- the storm --------------------------------------------------------------

sandbox
plan
echo "# $KILLS kills in $LANES lanes, seed $SEED (replay:" \
    "KILL9_SEED=$SEED bash tests/e2e/run.sh -v LIMBER kill9-storm)"
began=$(now_ms)
pids=()
for ((n = 1; n <= LANES; n++)); do
	SOCKETS+=("limber-e2e-$$-$TEST-lane$n")
	lane "$n" "${PLAN[n]}" >"$SANDBOX/out$n" 2>&1 &
	pids+=($!)
done
wait "${pids[@]}"
took=$(($(now_ms) - began))

for ((n = 1; n <= LANES; n++)); do
	cat "$SANDBOX/out$n"
	if [ -s "$SANDBOX/lane$n/counts" ]; then
		read -r c f <"$SANDBOX/lane$n/counts"
		CHECKS=$((CHECKS + c))
		FAILS=$((FAILS + f))
	else
		fail "lane $n stopped without its counts"
	fi
done

# The summary: where the kills fell, and what they left.
cat "$SANDBOX"/lane*/results >"$SANDBOX/results"
summary=$(awk '
	{ n++; phase[$1]++; logged += $2; enter += $4 }
	$5 != "-" { looked++; late += ($2 > $5) }
	END {
		printf "%d kills: %d before the screen, %d in a preparation, " \
		    "%d mid-hold, %d at the switch, %d on the summary", n,
		    phase["start"], phase["prepare"], phase["hold"],
		    phase["switch"], phase["summary"]
		if (phase["drawing"] > 0)
			printf ", %d on a half-drawn screen", phase["drawing"]
		printf "; %d after Enter; %d holds logged; %d kills looked " \
		    "at the screen just before, and %d of those found a hold " \
		    "that ended in between", enter, logged, looked, late
	}' "$SANDBOX/results")
echo "# $summary; $((took / 1000)) s"
check "all $KILLS kills were made ($(wc -l <"$SANDBOX/results"))" \
    [ "$(wc -l <"$SANDBOX/results")" = "$KILLS" ]

finish
