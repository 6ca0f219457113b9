#!/usr/bin/env bash
# Install hook of the Helm 4 post-renderer plugin. A packaged plugin (make helm4-plugin)
# carries its binary; a plugin installed from the source tree builds it with the Go toolchain.
set -euo pipefail

dir=$(cd -P "${HELM_PLUGIN_DIR:-$(dirname "$0")}" && pwd)
if [[ -x $dir/bin/camunda-entra || -x $dir/bin/camunda-entra.exe ]]; then
	exit 0
fi
root=$(cd "$dir/../.." && pwd)
if [[ ! -f $root/go.mod ]]; then
	echo "camunda-entra-postrenderer: no binary in $dir/bin and no source tree to build it from" >&2
	exit 1
fi
"$root/scripts/install-plugin.sh" "$root"
mkdir -p "$dir/bin"
cp "$root/bin/camunda-entra" "$dir/bin/camunda-entra"
