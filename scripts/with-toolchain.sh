#!/usr/bin/env bash
# Runs a command with the project's toolchain: installs it first when missing (cached
# parts take seconds), then puts it on PATH. Usage: scripts/with-toolchain.sh <command...>
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/toolchain.sh" --quiet
# shellcheck source=/dev/null
source "$ROOT/.tools/env.sh"
cd "$ROOT"
exec "$@"
