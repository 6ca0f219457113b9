#!/usr/bin/env bash
# Builds the pinned Helm 3, Helm 4 and kustomize binaries used by the end-to-end tests from the
# Go module proxy into a cache folder, skipping any binary already built at its pinned version.
#
#   eval "$(scripts/tools.sh)"    # sets HELM3, HELM4 and KUSTOMIZE to absolute paths
#
# The cache is $CAMUNDA_ENTRA_TOOLS, or ~/.cache/camunda-entra-tools when that is unset.
# Progress goes to stderr; stdout carries only the assignments.
set -euo pipefail

HELM3_VERSION=v3.21.4
HELM4_VERSION=v4.3.2
KUSTOMIZE_VERSION=v5.8.1

CACHE=${CAMUNDA_ENTRA_TOOLS:-$HOME/.cache/camunda-entra-tools}

log() { printf 'tools: %s\n' "$*" >&2; }

# build DIR BINARY PACKAGE VERSION [LDFLAGS] installs PACKAGE@VERSION as $CACHE/DIR/BINARY and
# prints its path. A binary whose `version` command already reports VERSION is left alone.
build() {
	local dir=$CACHE/$1 bin=$2 pkg=$3 version=$4 ldflags=${5:-}
	local path=$dir/$bin

	if [[ -x $path ]] && "$path" version 2>/dev/null | grep -qwF -- "$version"; then
		log "$bin $version already built in $dir"
		printf '%s\n' "$path"
		return
	fi

	log "building $pkg@$version into $dir"
	local start=$SECONDS
	mkdir -p "$dir"
	GOBIN=$dir go install -ldflags="$ldflags" "$pkg@$version" >&2
	log "built $bin $version in $((SECONDS - start))s"
	printf '%s\n' "$path"
}

mkdir -p "$CACHE"
CACHE=$(cd "$CACHE" && pwd)

# Helm reports only its minor version unless its release build stamps the full one in.
helm3=$(build "helm-$HELM3_VERSION" helm helm.sh/helm/v3/cmd/helm "$HELM3_VERSION" \
	"-X helm.sh/helm/v3/internal/version.version=$HELM3_VERSION")
helm4=$(build "helm-$HELM4_VERSION" helm helm.sh/helm/v4/cmd/helm "$HELM4_VERSION" \
	"-X helm.sh/helm/v4/internal/version.version=$HELM4_VERSION")
kustomize=$(build "kustomize-$KUSTOMIZE_VERSION" kustomize \
	sigs.k8s.io/kustomize/kustomize/v5 "$KUSTOMIZE_VERSION")

printf 'HELM3=%q\nHELM4=%q\nKUSTOMIZE=%q\n' "$helm3" "$helm4" "$kustomize"
