#!/usr/bin/env bash
# Every key does what the screen says. On All routines the filter has the
# keys whenever the tab is shown: q, j, k and digits are typed, the first
# key too; Esc clears it and gives the keys back (1-3 switch tabs, q
# quits, arrows move; Esc alone never quits); / types again; Enter opens
# the selected routine. Afterwards the other tabs have their own keys
# again. The footer and ? name the keys of the screen shown.
. "$(dirname "$0")/lib.sh" "$@"

sandbox
start keys -- --routines "$ROUTINES"
expect "What's sore\\?" 5 "start screen"

keys 2
expect 'Filter: _' 2 "2 opens All routines with the filter ready"
see 'a-z 0-9 type +↑↓ move +Enter open +Esc clear +Tab switch' \
    "the footer says typing goes into the filter"
keys q
expect 'Filter: q_' 2 "q as the first key is typed, not quit"
see 'Quads basics' "q filters: Quads basics"
not_see 'Calves after a run' "q filters: Calves after a run is gone"
keys j k 1 2 3
expect 'Filter: qjk123_' 2 "j, k and digits are typed too"
see 'No routine matches' "nothing matches qjk123"
keys BSpace BSpace BSpace BSpace BSpace BSpace
expect 'Filter: _' 2 "Backspace takes them back"
keys i t - b a n d
expect 'Filter: it-band_' 2 "typing it-band"
see 'Outer hip and IT band' "it-band finds the IT band routine"
keys Escape
expect 'Filter: \(/ to type\)' 2 "Esc clears the filter and gives the keys back"
see '↑↓ move +Enter open +/ filter +Tab switch +q quit +\? help' \
    "the footer names the list's keys now"
keys Escape
keys j
expect "^  Calves after a run .*" 2 "Esc again does not quit; j moves down"
check "limber still runs after Esc twice" limber_pid
keys /
expect 'Filter: _' 2 "/ types into the filter again"
keys b a n d SPace i t
expect 'Filter: band it_' 2 "words in any order: band it"
see 'Outer hip and IT band' "band it finds the IT band routine"
keys Enter
expect '^ Outer hip and IT band *$' 2 "Enter opens the selected routine's preview"
see 'Holds: as written' "the preview"
keys q
expect 'Filter: band it_' 2 "q on the preview goes back to the filter"

# Tab leaves the filter; What's sore? has its own keys again.
keys Tab
expect '^ 1 What.s sore\? +2 All routines +3 History' 2 "Tab: History"
expect 'Streak' 2 "History is shown"
see 't most done|Tab switch' "the History footer"
keys 1
expect "What's sore\\? Pick" 2 "1 on History: What's sore?"
keys '?'
expect 'What.s sore\? keys' 2 "? shows the keys of What's sore?"
see 'a-z +the next area starting with the letter' "help: letters jump"
see '/ +search all routines' "help: / searches"
keys x
wait_gone 'What.s sore\? keys' 2
keys /
expect 'Filter: band it_' 2 "/ on What's sore? goes to the filter, as it was left"
keys Tab Tab
expect "What's sore\\? Pick" 2 "Tab Tab: back to What's sore?"
keys q
expect_exit 0 5 "q on What's sore? quits, with status 0"

# The All tab again: q quits only once Esc gave the keys back.
start keys2 -- --routines "$ROUTINES"
expect "What's sore\\?" 5 "second start"
keys 2 q Escape 3
expect 'Streak' 2 "q typed, Esc, then 3: History"
keys 2
expect 'Filter: _' 2 "2: All routines, typing again"
keys Escape q
expect_exit 0 5 "Esc then q quits"

finish
