#!/usr/bin/env bash
# Installs the Debian packages the tests drive for real: chromium (browser tests) and
# PostgreSQL (the store's second backend). Does nothing when they are already there.
set -euo pipefail

missing=()
command -v chromium >/dev/null || missing+=(chromium fonts-dejavu-core)  # fonts: not pulled in without recommends; Cyrillic pages need one
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
if ((${#missing[@]})); then
    if [[ $(id -u) -ne 0 ]]; then
        echo "setup_system: need root to install ${missing[*]}; tests that need them will be skipped" >&2
        exit 0
    fi
    echo "setup_system: installing ${missing[*]}" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
