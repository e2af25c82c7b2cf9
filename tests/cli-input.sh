#!/usr/bin/env bash
# End-to-end tests of forgiving input: the words people write for areas,
# kinds, sides and durations, in routine files and on the command line,
# become the canonical ids; what is still refused says what would work.
# usage: tests/cli-input.sh PATH/TO/limber
. "$(dirname "$0")/cli-lib.sh" "$@"
mkdir -p "$T/r" "$T/bad" "$XDG_DATA_HOME/limber"
LOG=$XDG_DATA_HOME/limber/log.tsv
TAB=$'\t'

# A routine in the words people use: one side only, any case, common names.
cat >"$T/r/sore-leg.yaml" <<'EOF'
id: sore-leg
name: Sore left leg
areas: [Calf, IT band, groin, Hip Flexors, upper back]
steps:
  - name: Wall calf, left only
    kind: Stretch
    area: calf
    hold: 30 sec
    sides: Left
    reps: 2
    rest: 10 s
    cue: Heel down.
  - name: Roll the IT band
    kind: foam roll
    area: ITB
    hold: 1:30
    sides: right
    cue: Slow.
  - name: Butterfly
    kind: stretching
    area: groin
    hold: 1 min
    sides: NONE
    cue: Knees down.
  - name: Couch stretch
    kind: STRETCH
    area: hip flexor
    hold: 1m 30s
    sides: Both
    cue: Squeeze the glute.
  - name: Roll the upper back
    kind: Foam Rolling
    area: Upper_Back
    hold: 2 minutes
    cue: Breathe.
EOF
run check "$T/r/sore-leg.yaml"
expect check-words 0 out '^1 file checked, all valid$'
[ ! -s "$T/err" ] && ok || bad "check-words: stderr not empty"
run show --routines "$T/r" sore-leg
expect show-words 0 out '^Areas: Calves, IT band / TFL, Adductors, Hip flexors, Upper back$' \
    out '^  1\. Wall calf, left only +1:10$' \
    out '^     stretch, Calves: 30s hold x 2, left side only, 10s rest between$' \
    out '^     roll, IT band / TFL: 1m30s set, right side only$' \
    out '^     stretch, Adductors: 1m hold$' \
    out '^     stretch, Hip flexors: 1m30s hold per side \(left, then right\)$' \
    out '^     roll, Upper back: 2m set$' \
    out '^Total: 8:40 in 5 steps, 7 holds '
run list --routines "$T/r" --area 'it band'
expect list-words 0 out '^sore-leg +Sore left leg +5 +8:40  calves,it-band,\.\.\.$'

# The dose counts a one-sided step for its side alone.
cat >"$T/r/left-only.yaml" <<'EOF'
id: left-only
name: Left calf only
areas: [calves]
steps:
  - name: Wall calf
    kind: stretch
    area: calves
    hold: 30s
    sides: left
    cue: Heel down.
EOF
run check --dose "$T/r/left-only.yaml"
expect dose-one-side 0 err 'left-only.yaml:1:5: warning: calves get 30s of stretching on the left; aim for at least 60s'

# Refused in a routine file: the position, and what would work.
# refused NAME LINE:COL REGEX STEP-LINE...: one step with the lines given.
refused() {
	local name=$1 pos=$2 want=$3
	shift 3
	{
		printf 'id: %s\nname: Bad\nareas: [calves, upper-back]\nsteps:\n' "$name"
		printf '  - name: Step\n'
		printf '    %s\n' "$@"
	} >"$T/bad/$name.yaml"
	run check "$T/bad/$name.yaml"
	expect "refused-$name" 1 err "$name.yaml:$pos: error: $want"
}
S='kind: stretch' A='area: calves' H='hold: 30s'
refused area 7:11 "unknown area 'calfs' \(did you mean 'calves'\?\)" "$S" 'area: calfs' "$H"
refused area-none 7:11 "unknown area 'elbow' \(known areas: hamstrings, hip-flexors, " "$S" 'area: elbow' "$H"
refused kind 6:11 "unknown kind 'strech' \(expected stretch or roll; did you mean 'stretch'\?\)" 'kind: strech' "$A" "$H"
refused kind-none 6:11 "unknown kind 'yoga' \(expected stretch or roll\)" 'kind: yoga' "$A" "$H"
refused sides 9:12 "unknown sides 'middle' \(expected both, none, left or right\)" "$S" "$A" "$H" 'sides: middle'
refused sides-typo 9:12 "unknown sides 'rigth' \(expected both, none, left or right; did you mean 'right'\?\)" "$S" "$A" "$H" 'sides: rigth'
refused sideless 9:12 "sides: left on upper-back, which has no left or right side \(use sides: none\)" "$S" 'area: upper back' "$H" 'sides: Left'
refused hold-clock 8:11 "invalid duration '1:3' for 'hold' \(write e.g. 30s, 1 min, 1m30s or 1:30\)" "$S" "$A" 'hold: 1:3'
refused hold-60 8:11 "invalid duration '1:60' for 'hold'" "$S" "$A" 'hold: 1:60'
refused hold-order 8:11 "invalid duration '1s1m' for 'hold'" "$S" "$A" 'hold: 1s1m'
refused hold-ss 8:11 "invalid duration '30ss' for 'hold'" "$S" "$A" 'hold: 30ss'
refused hold-word 8:11 "invalid duration '30 sex' for 'hold'" "$S" "$A" 'hold: 30 sex'
refused hold-negative 8:11 "invalid duration '-5s' for 'hold': negative" "$S" "$A" 'hold: -5s'
refused hold-overflow 8:11 "duration '99999999999999999999 min' for 'hold' is too large" "$S" "$A" 'hold: 99999999999999999999 min'
refused hold-range 8:11 "hold 11 minutes is out of range \(5s to 10m\)" "$S" "$A" 'hold: 11 minutes'

# limber log takes the same words and writes the canonical ids.
# logged NAME ARGS...: the last record's kind, area, side, target and held.
logged() {
	local name=$1
	shift
	run log "$@"
	expect "log-$name" 0 out '^Logged '
	tail -n 1 "$LOG" | cut -f 4-8 >"$T/rec"
}
logged calf-roll calf '1 min' --kind 'foam roll'
same log-calf-roll rec "roll\tcalves\t-\t60\t60\n"
logged it-band 'IT band' 1:30 --side Left
same log-it-band rec "stretch\tit-band\tleft\t90\t90\n"
logged hip-flexor 'Hip flexor' '30 seconds' --kind Stretching --side RIGHT
same log-hip-flexor rec "stretch\thip-flexors\tright\t30\t30\n"
logged groin groin '2 mins' --kind rolling
same log-groin rec "roll\tadductors\t-\t120\t120\n"
logged upper-back 'upper back' '1 min 30 s' --kind Foam-Roll
same log-upper-back rec "roll\tupper-back\t-\t90\t90\n"
logged quad Quadriceps 30S --kind STRETCH
same log-quad rec "stretch\tquads\t-\t30\t30\n"
logged itb ITB '45 sec' --kind roll --side right
same log-itb rec "roll\tit-band\tright\t45\t45\n"
logged tfl TFL '1m 5s'
same log-tfl rec "stretch\tit-band\t-\t65\t65\n"
logged foot foot 1:00:00
same log-foot rec "stretch\tfeet\t-\t3600\t3600\n"
logged lat lat '90 sec' --side left
same log-lat rec "stretch\tlats\tleft\t90\t90\n"
logged shoulder Shoulder '1 Min'
same log-shoulder rec "stretch\tshoulders\t-\t60\t60\n"
logged hamstring hamstring '2 minutes' --side Right
same log-hamstring rec "stretch\thamstrings\tright\t120\t120\n"
grep -v '^#' "$LOG" | cut -f 5 | sort -u | tr '\n' ' ' >"$T/areas"
same log-ids areas "adductors calves feet hamstrings hip-flexors it-band lats quads shoulders upper-back "

# What limber log still refuses: one line on stderr, exit 2.
before=$(wc -l <"$LOG")
# refuse NAME REGEX ARGS...: limber log ARGS fails with REGEX.
refuse() {
	local name=$1 want=$2
	shift 2
	run log "$@"
	expect "log-refused-$name" 2 err "^limber log: $want"
	[ "$(wc -l <"$T/err")" -eq 1 ] && ok || bad "log-refused-$name: not one line"
}
refuse area "unknown area 'calfs' \(did you mean 'calves'\?\)" calfs 30s
refuse area-none "unknown area 'elbow' \(see" elbow 30s
refuse clock "write the duration like 30s, 1m30s, 1:30 or 2 min, not '1:3'" calves 1:3
refuse clock-60 "write the duration like .*, not '1:60'" calves 1:60
refuse order "write the duration like .*, not '1s1m'" calves 1s1m
refuse ss "write the duration like .*, not '30ss'" calves 30ss
refuse word "write the duration like .*, not '30 sex'" calves '30 sex'
refuse overflow "the duration must be from 1s to 1h, not '99999999999999999999s'" calves 99999999999999999999s
refuse too-long "the duration must be from 1s to 1h, not '61 minutes'" calves '61 minutes'
refuse kind "--kind is stretch or roll, not 'yoga' \(see" calves 30s --kind yoga
refuse kind-typo "--kind is stretch or roll, not 'strech' \(did you mean 'stretch'\?\)" calves 30s --kind strech
refuse side "--side is left or right, not 'middle' \(see" calves 30s --side middle
refuse side-typo "--side is left or right, not 'lfet' \(did you mean 'left'\?\)" calves 30s --side lfet
refuse side-both "--side is left or right, not 'both' \(see" calves 30s --side both
refuse sideless "upper-back has no left or right side" 'Upper Back' 30s --side left
[ "$(wc -l <"$LOG")" -eq "$before" ] && ok || bad "a refused log wrote a record"

# Every --area option takes the same words.
run history --area 'IT band'
expect history-area 0 out '^3 holds '
run export --area Calf
expect export-area 0 out '^.*,calves,'
! grep -q ',it-band,' "$T/out" && ok || bad "export --area Calf: other areas"
run history --area calfs
expect history-area-typo 2 err "unknown area 'calfs' \(did you mean 'calves'\?\)"

# Settings take the same durations.
mkdir -p "$XDG_CONFIG_HOME/limber"
printf 'prepare: 5 sec\ntargets:\n  calves:\n    days: 3\n    seconds: 1 min 30 s\n' \
    >"$XDG_CONFIG_HOME/limber/config.yaml"
run stats
expect config-words 0 out '^  Calves +[0-9]+ of 3 days \(1m30s a side\)'
[ ! -s "$T/err" ] && ok || bad "config-words: stderr not empty"
printf 'prepare: 0:5\n' >"$XDG_CONFIG_HOME/limber/config.yaml"
run stats
expect config-refused 1 err "config.yaml:1:10: error: invalid duration '0:5' for 'prepare'"

cli_finish
