// Whether `edf` can run on this Node, checked before anything of the driver loads (its
// dependencies would fail on an older Node with errors that name neither Node nor the fix).
"use strict";
const fs = require("fs");
const path = require("path");

/** The oldest Node the SDK supports: package.json `engines.node` (a test keeps the two equal). */
const MINIMUM_NODE = "22.12.0";

function older(version, than) {
    const a = version.split(".").map(Number);
    const b = than.split(".").map(Number);
    for (let i = 0; i < 3; i++) {
        if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
    }
    return false;
}

/** The Node the SDK repository's toolchain put in `.tools/node` (scripts/toolchain.sh), if this runs from there. */
function toolchainNode(from) {
    for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
        const node = path.join(dir, ".tools", "node", "bin", "node");
        if (fs.existsSync(node)) return node;
        if (path.dirname(dir) === dir) return undefined;
    }
}

/**
 * `undefined` when `version` is supported; otherwise where a supported Node is (`reexec`) or
 * what to do (`message`).
 */
function runtimeProblem(version, env, from) {
    if (!older(version, MINIMUM_NODE)) return undefined;
    const candidates = [env.EDF_NODE, toolchainNode(from)].filter((node) => node && fs.existsSync(node));
    if (candidates.length > 0 && env.EDF_NODE_REEXEC !== version) {
        env.EDF_NODE_REEXEC = version; // never loop if that Node turns out to be as old
        return { reexec: candidates[0] };
    }
    return {
        message:
            `edf needs Node ${MINIMUM_NODE} or newer (Node 22 or 24 LTS); this is Node ${version}. ` +
            "Install a newer Node, or in the SDK's repository run `bash scripts/toolchain.sh --runtime`, " +
            "which brings Node 24 into .tools/.",
    };
}

module.exports = { MINIMUM_NODE, runtimeProblem };
