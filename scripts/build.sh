#!/usr/bin/env bash
# Builds the package: the SDK compiled to JavaScript with declaration files and source maps
# (sources inlined) in dist/ (tsc -p tsconfig.build.json), plus what the compiler does not
# carry: each policy pack's PulumiPolicy.yaml and package.json (its `main` pointed at the
# compiled entry point), so a pack folder in dist/ is a pack the engine runs as it is.
# `npm pack` runs this first (the `prepack` script). Usage: scripts/build.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=/dev/null
[[ -f .tools/runtime.sh ]] && source .tools/runtime.sh

# Only what this script writes: dist/bundles/ (npm run policy:bundle) stays.
rm -rf dist/unit dist/platform dist/services dist/automation dist/policy-packs
npx tsc -p tsconfig.build.json
for pack in policy-packs/pipeline policy-packs/runtime; do
    cp "$pack/PulumiPolicy.yaml" "dist/$pack/PulumiPolicy.yaml"
    node -e '
const fs = require("fs");
const [source, target] = process.argv.slice(1);
const manifest = JSON.parse(fs.readFileSync(source, "utf8"));
manifest.main = "index.js";
// The pack runs on the consumer'"'"'s @pulumi/* (the SDK'"'"'s peer dependencies): no copies of its own.
delete manifest.dependencies;
fs.writeFileSync(target, JSON.stringify(manifest, null, 2) + "\n");
' "$pack/package.json" "dist/$pack/package.json"
done
chmod 755 dist/automation/cli/bin.js
echo "built dist/ ($(find dist -name '*.js' -not -path 'dist/bundles/*' | wc -l) modules)"
