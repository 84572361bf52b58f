import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { PROJECT_ROOT } from "../../../support/toolchain";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CLI's runtime check is plain JavaScript, loaded first
const { MINIMUM_NODE, runtimeProblem } = require("../../../../automation/cli/runtime") as {
    MINIMUM_NODE: string;
    runtimeProblem(version: string, env: NodeJS.ProcessEnv, from: string): { reexec?: string; message?: string } | undefined;
};

describe("edf on an older Node", () => {
    it("checks the same minimum as package.json's engines.node", () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { engines: { node: string } };
        assert.strictEqual(manifest.engines.node, `>=${MINIMUM_NODE}`);
    });

    it("runs on any Node from the minimum on", () => {
        assert.strictEqual(runtimeProblem(MINIMUM_NODE, {}, "/"), undefined);
        assert.strictEqual(runtimeProblem("24.22.3", {}, "/"), undefined);
    });

    it("re-runs itself on the Node the toolchain brought, once", () => {
        const env: NodeJS.ProcessEnv = { EDF_NODE: process.execPath };
        assert.deepStrictEqual(runtimeProblem("20.20.2", env, "/"), { reexec: process.execPath });
        assert.match(runtimeProblem("20.20.2", env, "/")!.message!, /edf needs Node 22\.12\.0 or newer.*this is Node 20\.20\.2/);
    });

    it("says what to install when no newer Node is at hand", () => {
        const problem = runtimeProblem("20.20.2", {}, "/");
        assert.match(problem!.message!, /Install a newer Node, or .* scripts\/toolchain\.sh --runtime/);
    });
});
