#!/usr/bin/env bash
# Builds bin/camunda-entra for a Helm plugin installed from this source tree. Run by Helm's
# install and update hooks with HELM_PLUGIN_DIR set; usable by hand from the repository root.
# It needs the Go toolchain and reaches nothing but the Go module proxy.
set -euo pipefail

root=$(cd -P "${1:-${HELM_PLUGIN_DIR:-$(dirname "$0")/..}}" && pwd)
version=$(sed -n 's/^version: *"\{0,1\}\([^"]*\)"\{0,1\} *$/\1/p' "$root/plugin.yaml")
out=$root/bin/camunda-entra
if [[ ${GOOS:-$(go env GOOS)} == windows ]]; then
	out=$out.exe
fi

cd "$root"
go build -trimpath -ldflags "-s -w -X main.version=$version" -o "$out" .
echo "camunda-entra $version built in $out" >&2
