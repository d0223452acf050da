#!/usr/bin/env bash
# Vendors the web UI's JavaScript libraries from their npm packages into
# src/newsgraph/web/static/vendor/ (served from static/, no CDN). Run it to refresh or
# upgrade a library: change the version below, run, look at the network page, commit.
set -euo pipefail

if ! command -v npm >/dev/null; then
    echo "vendor_js: installing nodejs and npm" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >&2
fi

CYTOSCAPE=3.35.0

here=$(cd "$(dirname "$0")/.." && pwd)
vendor="$here/src/newsgraph/web/static/vendor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$work"
npm pack --silent "cytoscape@$CYTOSCAPE" >/dev/null
tar -xzf "cytoscape-$CYTOSCAPE.tgz"
mkdir -p "$vendor"
cp package/dist/cytoscape.min.js "$vendor/cytoscape.min.js"
cp package/LICENSE "$vendor/cytoscape.LICENSE"
echo "vendored cytoscape $CYTOSCAPE → $vendor" >&2
