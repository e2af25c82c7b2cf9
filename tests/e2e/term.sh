# shellcheck shell=bash
# The terminal type for limber inside tmux: E2E_TERM is the first of these
# with a terminfo entry here, or empty. Sourced by lib.sh and tests/cli-env.sh.
E2E_TERM=
for t in tmux-256color screen-256color screen xterm-256color xterm; do
	if infocmp "$t" >/dev/null 2>&1; then
		E2E_TERM=$t
		break
	fi
done
