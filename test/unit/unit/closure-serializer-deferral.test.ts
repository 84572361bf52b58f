import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as path from "path";
import { PROJECT_ROOT } from "../../support/toolchain";

// The SDK fence hands the closure serializer stand-ins for the TypeScript compiler and npm's
// Arborist: a thread that loads the SDK through the fence (synth's evaluator) loads neither,
// and a function closure still serializes, loading them on first use.

function fresh(script: string): { status: number | null; stdout: string; stderr: string } {
    return spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], { cwd: PROJECT_ROOT, encoding: "utf8" });
}

const LOADED = `const loaded = (name) => Object.keys(require.cache).some((f) => f.includes(\`/node_modules/\${name}/\`));`;

describe("the SDK fence's deferral of the closure serializer's dependencies", function () {
    this.timeout(60_000);

    it("loads neither TypeScript nor Arborist with the SDK", () => {
        const run = fresh(`${LOADED}
            require(${JSON.stringify(path.join(PROJECT_ROOT, "unit/sdk-internals.ts"))});
            require("@pulumi/pulumi");
            const shim = require("@pulumi/pulumi/typescript-shim");
            console.log(JSON.stringify({ shimIsStandIn: require("util").types.isProxy(shim), arborist: loaded("@npmcli/arborist") }));`);
        assert.equal(run.status, 0, run.stderr);
        // ts-node loads the compiler itself here: what is judged is that the SDK's shim holds a stand-in.
        assert.deepEqual(JSON.parse(run.stdout.trim().split("\n").pop()!), { shimIsStandIn: true, arborist: false });
    });

    it("still serializes a function closure, loading them when asked", () => {
        const run = fresh(`${LOADED}
            require(${JSON.stringify(path.join(PROJECT_ROOT, "unit/sdk-internals.ts"))});
            const pulumi = require("@pulumi/pulumi");
            const captured = 41;
            pulumi.runtime.serializeFunction(async () => captured + 1).then((s) => {
                console.log(JSON.stringify({ text: s.text, arborist: loaded("@npmcli/arborist") }));
            });`);
        assert.equal(run.status, 0, run.stderr);
        const result = JSON.parse(run.stdout.trim().split("\n").pop()!) as { text: string };
        assert.match(result.text, /captured: 41/);
        assert.match(result.text, /return async \(\) => captured \+ 1/);
    });
});
