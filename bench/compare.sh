#!/usr/bin/env bash
# Times camunda-entra as whole processes, side by side with hyperfine on the same input,
# against the floor (cat, and bench/floor: kyaml parse and serialise) and against what a user
# would run instead (kustomize build with strategic-merge patches, and a yq pipeline) that set
# the same env vars on the same workloads. Prints the mean times, the ratios and the peak
# memory (maximum resident set size) of each command, for each input.
#
#   bench/compare.sh                  # the Camunda 8.8 render, then 1M, 10M and 100M streams
#   bench/compare.sh render 10M       # only these inputs
#
# An input is "render" (testdata/fixtures/camunda-8.8/baseline-oidc-minimal.yaml, wired with
# examples/entra.yaml) or a size for bench/gen (1M, 10M, 512K, ...). The patches and the yq
# program are generated from the --report of camunda-entra on that input, and their output is
# checked to hold the same env entries as camunda-entra's.
#
# Environment:
#   RUNS           hyperfine runs per command (default: 20 for the render, 10, 5 and 3 for
#                  the 1, 10 and 100 MiB streams)
#   KUSTOMIZE_MAX  largest input, in bytes, that kustomize is timed on (default 16 MiB): its
#                  time grows with patches times resources, 100 s on 10 MiB
#   YQ_MAX         the same for yq (default 16 MiB); CHECK_MAX for the env check (2 MiB)
#   CAMUNDA_ENTRA  the camunda-entra binary to time (default: built from this tree)
#   WORK           where inputs and results go (default: a new temporary directory)
#
# Needs Go, and hyperfine, GNU time, yq and jq from Debian; it installs those it misses.
set -euo pipefail

HYPERFINE_VERSION=1.15.0-2
TIME_VERSION=1.9-0.2
YQ_VERSION=3.1.0-3 # kislyuk's yq, a jq wrapper: Debian ships no other

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RENDER=$ROOT/testdata/fixtures/camunda-8.8/baseline-oidc-minimal.yaml
CONFIG=$ROOT/examples/entra.yaml
SCRIPTS=$ROOT/bench/compare
KUSTOMIZE_MAX=${KUSTOMIZE_MAX:-$((16 << 20))}
YQ_MAX=${YQ_MAX:-$((16 << 20))}
CHECK_MAX=${CHECK_MAX:-$((2 << 20))}

log() { printf '%s\n' "$*" >&2; }

# install_tools installs the pinned Debian packages that are missing.
install_tools() {
	local missing=()
	command -v hyperfine >/dev/null || missing+=("hyperfine=$HYPERFINE_VERSION")
	[[ -x /usr/bin/time ]] || missing+=("time=$TIME_VERSION")
	command -v yq >/dev/null || missing+=("yq=$YQ_VERSION")
	command -v jq >/dev/null || missing+=(jq)
	if ((${#missing[@]} > 0)); then
		log "installing ${missing[*]}"
		apt-get update -qq >&2
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
	fi
}

# build puts camunda-entra, the floor, the stream generator and kustomize into $WORK/bin.
build() {
	mkdir -p "$WORK/bin"
	if [[ -z ${CAMUNDA_ENTRA:-} ]]; then
		(cd "$ROOT" && go build -trimpath -o "$WORK/bin/camunda-entra" .)
		CAMUNDA_ENTRA=$WORK/bin/camunda-entra
	fi
	(cd "$ROOT" && go build -trimpath -o "$WORK/bin/floor" ./bench/floor)
	(cd "$ROOT" && go build -trimpath -o "$WORK/bin/gen" ./bench/gen)
	eval "$("$ROOT/scripts/tools.sh")"
}

# make_input writes the input named $1 to $2.
make_input() {
	if [[ $1 == render ]]; then
		cp "$RENDER" "$2"
		return
	fi
	"$WORK/bin/gen" -render "$RENDER" -size "$1" >"$2"
}

# runs_for prints the number of hyperfine runs for an input of $1 bytes.
runs_for() {
	if [[ -n ${RUNS:-} ]]; then
		echo "$RUNS"
	elif (($1 < 1 << 19)); then
		echo 20
	elif (($1 < 2 << 20)); then
		echo 10
	elif (($1 < 20 << 20)); then
		echo 5
	else
		echo 3
	fi
}

# peak_kb runs a shell command once and prints its maximum resident set size in KiB.
peak_kb() {
	/usr/bin/time -f %M -o "$WORK/time.out" sh -c "$1" >/dev/null 2>&1
	cat "$WORK/time.out"
}

# prepare_alternatives writes the kustomization and the yq arguments for the input in $1/.
prepare_alternatives() {
	local dir=$1
	awk -f "$SCRIPTS/changes.awk" "$dir/report.txt" "$dir/input.yaml" >"$dir/changes.tsv"
	mkdir -p "$dir/kustomize"
	ln -sf ../input.yaml "$dir/kustomize/input.yaml"
	awk -f "$SCRIPTS/patches.awk" "$dir/changes.tsv" >"$dir/kustomize/patches.yaml"
	printf 'resources:\n  - input.yaml\npatches:\n  - path: patches.yaml\n' \
		>"$dir/kustomize/kustomization.yaml"
	jq -R -s -f "$SCRIPTS/changes.jq" "$dir/changes.tsv" >"$dir/changes.json"
}

# check_env compares the env entries of every container in the outputs of the alternatives
# with camunda-entra's, as sets and in order.
check_env() {
	local dir=$1 tool
	"$KUSTOMIZE" build --load-restrictor LoadRestrictionsNone "$dir/kustomize" \
		>"$dir/kustomize.out"
	yq -y --slurpfile changes "$dir/changes.json" -f "$SCRIPTS/wire.jq" "$dir/input.yaml" \
		>"$dir/yq.out"
	for tool in camunda-entra kustomize yq; do
		yq -c -f "$SCRIPTS/envs.jq" "$dir/$tool.out" | jq -S -c . | sort >"$dir/$tool.env"
		jq -S -c '.env |= sort_by(.name)' "$dir/$tool.env" | sort >"$dir/$tool.set"
	done
	for tool in kustomize yq; do
		if ! cmp -s "$dir/camunda-entra.set" "$dir/$tool.set"; then
			log "  $tool: env entries DIFFER from camunda-entra's (see $dir/$tool.set)"
		elif cmp -s "$dir/camunda-entra.env" "$dir/$tool.env"; then
			log "  $tool: same env entries as camunda-entra, in the same order"
		else
			log "  $tool: same env entries as camunda-entra, in another order"
		fi
	done
}

# measure times every command on the input named $1 and appends a result line to $RESULTS.
measure() {
	local name=$1 dir=$WORK/$1
	mkdir -p "$dir"
	make_input "$name" "$dir/input.yaml"
	local in=$dir/input.yaml size
	size=$(stat -c %s "$in")
	log "== $name: $size bytes, $(grep -c '^---' "$in") documents"

	local entra="$CAMUNDA_ENTRA --config $CONFIG"
	local -A cmd=(
		[cat]="cat $in"
		[floor]="$WORK/bin/floor < $in"
		[camunda-entra]="$entra < $in"
		[kustomize]="$KUSTOMIZE build --load-restrictor LoadRestrictionsNone $dir/kustomize"
		[yq]="yq -y --slurpfile changes $dir/changes.json -f $SCRIPTS/wire.jq $in"
	)
	local tools=(cat floor camunda-entra kustomize yq)
	if ! $entra --report <"$in" >"$dir/camunda-entra.out" 2>"$dir/report.txt"; then
		log "  camunda-entra refused the input: $(tail -n 1 "$dir/report.txt")"
		log "  (the alternatives get their patches from its report, so they are left out too)"
		tools=(cat floor)
	else
		prepare_alternatives "$dir"
		((size <= CHECK_MAX)) && check_env "$dir"
		tools=(cat floor camunda-entra)
		((size <= KUSTOMIZE_MAX)) && tools+=(kustomize)
		((size <= YQ_MAX)) && tools+=(yq)
	fi

	local args=() tool
	for tool in "${tools[@]}"; do
		args+=(-n "$tool" "${cmd[$tool]} > /dev/null")
	done
	hyperfine --style basic --warmup 1 --runs "$(runs_for "$size")" \
		--export-json "$dir/hyperfine.json" "${args[@]}" >&2

	local line="$name $size"
	for tool in cat floor camunda-entra kustomize yq; do
		if [[ " ${tools[*]} " != *" $tool "* ]]; then
			line+=" - - -"
			continue
		fi
		line+=" $(jq -r --arg n "$tool" \
			'.results[] | select(.command == $n) | "\(.mean) \(.user + .system)"' \
			"$dir/hyperfine.json") $(peak_kb "${cmd[$tool]}")"
	done
	echo "$line" >>"$RESULTS"
}

# report prints the results as Markdown tables: times with ratios, then peak memory.
report() {
	echo
	echo "| input | cat | floor (kyaml) | camunda-entra | kustomize | yq |" \
		"camunda-entra / floor | kustomize / camunda-entra | yq / camunda-entra |"
	echo "|---|---|---|---|---|---|---|---|---|"
	awk '
	function ms(s) { return s == "-" ? "-" : sprintf("%.1f ms", s * 1000) }
	function ratio(a, b) { return a == "-" || b == "-" ? "-" : sprintf("%.2f", a / b) }
	{
		printf "| %s (%.1f MiB) | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2 / 1048576,
			ms($3), ms($6), ms($9), ms($12), ms($15), ratio($9, $6), ratio($12, $9), ratio($15, $9)
	}' "$RESULTS"
	echo
	echo "Mean wall-clock time over the hyperfine runs; the ratios compare those means."
	echo
	echo "| input | CPU camunda-entra / floor | RSS cat | RSS floor | RSS camunda-entra |" \
		"RSS kustomize | RSS yq | camunda-entra RSS / input |"
	echo "|---|---|---|---|---|---|---|---|"
	awk '
	function mib(k) { return k == "-" ? "-" : sprintf("%.1f MiB", k / 1024) }
	{
		cpu = $10 == "-" ? "-" : sprintf("%.2f", $10 / $7)
		per = $11 == "-" ? "-" : sprintf("%.1fx", $11 * 1024 / $2)
		printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, cpu,
			mib($5), mib($8), mib($11), mib($14), mib($17), per
	}' "$RESULTS"
	echo
	echo "CPU is user + system time. Peak RSS is the maximum resident set size of one run," \
		"from /usr/bin/time."
}

main() {
	local inputs=("$@")
	((${#inputs[@]} > 0)) || inputs=(render 1M 10M 100M)
	install_tools
	WORK=${WORK:-$(mktemp -d)}
	mkdir -p "$WORK"
	RESULTS=$WORK/results.txt
	: >"$RESULTS"
	build
	log "work directory: $WORK"
	log "$(hyperfine --version), $("$KUSTOMIZE" version), yq $(dpkg-query -W -f '${Version}' yq)," \
		"$(jq --version), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
	local input
	for input in "${inputs[@]}"; do
		measure "$input"
	done
	report
}

main "$@"
