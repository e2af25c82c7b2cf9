#!/usr/bin/env bash
# Your routine wins: a routine in the user's folder with the id of a bundled
# one replaces it on the start screen, and is the one a session runs. A
# broken routine file is named on the start screen with its first error.
. "$(dirname "$0")/lib.sh" "$@"

sandbox
mkdir -p "$XDG_CONFIG_HOME/limber/routines"
cat >"$XDG_CONFIG_HOME/limber/routines/my-calves.yaml" <<'YAML'
id: calves-post-run
name: My own calves
areas: [calf]
steps:
  - name: My wall calf stretch
    kind: Stretch
    area: calves
    hold: 5 sec
    cue: Heel down, lean in.
YAML
cat >"$XDG_CONFIG_HOME/limber/routines/broken.yaml" <<'YAML'
id: broken
name: Broken
areas: [calves]
steps:
  - name: Wall calf
    kind: strech
    area: calves
    hold: 30s
YAML

start lib --
expect "What's sore\\?" 5 "start screen"
see '1 routine file skipped: see limber check|1 bad routine file' \
    "the bad file is counted"
# The error may wrap onto a second line: join the last rows above the footer.
joined=$(printf '%s\n' "$SCREEN" | tail -n 3 | head -n 2 | sed 's/^ //' | paste -sd ' ')
check "the bad file is named with its first error and its position ($joined)" \
    grep -q "routines/broken\.yaml:6:11: error: unknown kind 'strech'" <<<"$joined"
keys c Enter
expect '^ limber: Calves' 3 "the routines for Calves"
see 'My own calves' "the user's copy is listed"
not_see 'Calves after a run' "the bundled routine it replaces is not"
keys q 2 m y SPace o w n
expect 'Filter: my own_' 3 "All routines, filtered"
see 'My own calves' "the user's copy is in All routines"
keys Enter
expect '^ My own calves *$' 3 "its preview"
see 'My wall calf stretch' "the user's step"
keys Enter
expect '^ My own calves +step 1/1' 3 "the user's routine runs"
keys Enter
expect 'Session complete' 10 "and ends"
keys q
expect_exit 0 5 "q quits"
record_is 1 calves-post-run 'My wall calf stretch' stretch calves - 5 5 done

finish
