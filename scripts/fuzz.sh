#!/usr/bin/env bash
# Fuzzes every fuzz target of the module, one after the other, each for a bounded time on top of
# its seed corpus (the fixtures, testdata/corpus and the inputs Go saved from earlier runs).
#
#   scripts/fuzz.sh [TIME]    # TIME per target, as go test -fuzztime takes it; default 30s
#
# It exits non-zero as soon as a target fails. Go then writes the input that failed to
# <package>/testdata/fuzz/<target>/, where a plain go test replays it: read it, fix the
# code, and commit the file with the fix so that it stays a regression test.
set -euo pipefail

fuzztime=${1:-30s}
cd "$(dirname "$0")/.."

# go test -list prints each package's matching tests and then an "ok <package> ..." line.
listing=$(go test -list '^Fuzz' ./...)
targets=()
pending=()
while read -r first second _; do
	case $first in
	Fuzz*) pending+=("$first") ;;
	ok)
		for name in "${pending[@]}"; do
			targets+=("$second $name")
		done
		pending=()
		;;
	esac
done <<<"$listing"

if ((${#targets[@]} == 0)); then
	echo "fuzz: no fuzz targets found" >&2
	exit 1
fi

for target in "${targets[@]}"; do
	read -r pkg name <<<"$target"
	echo "fuzz: $pkg $name for $fuzztime" >&2
	# Minimising an input, one that widens coverage or one that fails, stops after 10s, so
	# that inputs grown from the large fixtures do not eat the whole budget.
	go test "$pkg" -run '^$' -fuzz "^$name\$" -fuzztime "$fuzztime" -fuzzminimizetime 10s
done
echo "fuzz: ${#targets[@]} targets, no failure" >&2
