#!/usr/bin/env bash
# The quick start's main job: synthesize and inspect the example estate — the organisation
# (management, log-archive and audit accounts), then every platform unit and the example services
# in dev and in prod, each stack as the account it targets — offline under Pulumi's mock runtime,
# with no cloud credentials, no Pulumi service and no Vault/Consul server (inputs come from
# the clearly marked sample files under environments/samples/). Needs Node and npm only (a
# system Node older than 22 only fetches Node 24 from the npm registry into .tools/): no Go or
# Python toolchain. Reports land in .edf/runs/<time>-synth-<env>/.
#
# Usage: npm run synth [-- <extra edf synth options, e.g. --parallel 1>]
# Exit code: 0 when all three environments pass; otherwise the highest `edf synth` exit code
# (2: a mandatory policy violation, 1: a stack did not synthesize, 3: bad input).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# The Node runtime and the npm dependencies, as the toolchain's first two steps install them.
bash scripts/toolchain.sh --runtime || exit 1
# shellcheck source=/dev/null
source .tools/runtime.sh

worst=0
summary=()
for env in organization dev prod; do
    echo
    echo "== edf synth --env $env"
    # Each spec lists its own waiver files (`policy.waivers`), so no `--waivers` here.
    args=(synth --env "$env")
    out="$(mktemp)"
    node automation/cli/bin.js "${args[@]}" "$@" | tee "$out"
    code=${PIPESTATUS[0]}
    dir="$(sed -n 's/^reports: \(.*\)\/$/\1/p' "$out" | tail -1)"
    verdict="$(sed -n "s/^synth $env: \([^—]*\) —.*/\1/p" "$out" | tail -1 | sed 's/ *$//')"
    rm -f "$out"
    if [ "$code" -gt "$worst" ]; then worst=$code; fi
    summary+=("$(printf '  %-13s %-8s %s' "$env" "${verdict:-failed (exit $code)}" "${dir:+$dir/report.html}")")
done

echo
echo "== the example estate, synthesized and inspected"
printf '%s\n' "${summary[@]}"
echo "Open a report.html in a browser (stack graph, findings, inventories); summary.md, report.json and report.sarif sit next to it."
exit "$worst"
