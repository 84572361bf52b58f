import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { PulumiCommand } from "@pulumi/pulumi/automation";
import type { Backend } from "../../../../automation/backend/backend";
import { inBackground } from "../../../../automation/engine/pulumi-command";
import { EnvironmentStacks } from "../../../../automation/engine/workspace";

const backend: Backend = {
    kind: "file",
    url: undefined,
    secretsProvider: "passphrase",
    envVars: {},
    stackName: (environment, unit) => `${environment}.${unit}`,
    qualifiedStackName: (environment, unit) => `organization/edf/${environment}.${unit}`,
    description: "a stand-in backend",
};

/**
 * A stand-in CLI that records every command: `stack ls` answers with `listed` (and `tagged` for
 * `--tag`), `stack init` fails while `failInits` > 0. (The real CLI: test/engine/automation/ahead.test.ts.)
 */
function fakeCli(options: { listed?: string[]; tagged?: string[]; failInits?: number } = {}): { command: PulumiCommand; calls: string[] } {
    const calls: string[] = [];
    let failInits = options.failInits ?? 0;
    const run = async (args: string[]): Promise<{ stdout: string; stderr: string; code: number }> => {
        const line = args.filter((a) => a !== "--non-interactive").join(" ");
        calls.push(line);
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (line.startsWith("stack ls")) {
            const names = line.includes("--tag") ? (options.tagged ?? []) : (options.listed ?? []);
            return { stdout: JSON.stringify(names.map((name) => ({ name, resourceCount: 0 }))), stderr: "", code: 0 };
        }
        if (line.startsWith("stack init") && failInits-- > 0) throw new Error("stack init: interrupted");
        return { stdout: "", stderr: "", code: 0 };
    };
    return { command: { command: "pulumi", version: null, run } as unknown as PulumiCommand, calls };
}

describe("the environment's stacks: making sure a stack exists and is tagged", () => {
    let home: string;
    beforeEach(() => (home = fs.mkdtempSync(path.join(os.tmpdir(), "edf-stacks-"))));
    afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

    it("creates a missing stack once however many ask, without selecting it, and tags it", async () => {
        const cli = fakeCli();
        const stacks = new EnvironmentStacks("dev", backend, home, cli.command);
        await Promise.all([stacks.ensure("app", "units/app"), stacks.ensure("app", "units/app"), stacks.ensure("app", "units/app")]);
        assert.deepStrictEqual(cli.calls, [
            "stack ls --json",
            "stack init --no-select --stack dev.app --secrets-provider passphrase",
            "stack tag set edf:environment dev --stack dev.app",
        ]);
    });

    it("costs no CLI process for a listed, tagged stack, and tags a listed one the tagged listing misses", async () => {
        const cli = fakeCli({ listed: ["dev.app", "dev.db"], tagged: ["dev.app"] });
        const stacks = new EnvironmentStacks("dev", backend, home, cli.command);
        await stacks.ensure("app", "units/app");
        await stacks.ensure("db", "units/db");
        assert.deepStrictEqual(cli.calls, [
            "stack ls --json",
            "stack ls --json --tag edf:environment=dev",
            "stack tag set edf:environment dev --stack dev.db",
        ]);
    });

    it("lets the stack's own run, waiting on what failed ahead, try once more", async () => {
        const cli = fakeCli({ failInits: 1 });
        const stacks = new EnvironmentStacks("dev", backend, home, cli.command);
        const ahead = inBackground(() => stacks.ensure("app", "units/app"));
        const own = stacks.ensure("app", "units/app");
        await assert.rejects(ahead, /interrupted/);
        await own;
        assert.strictEqual(cli.calls.filter((c) => c.startsWith("stack init")).length, 2);
        assert.strictEqual(cli.calls.filter((c) => c.startsWith("stack tag set")).length, 1);
    });

    it("fails every run waiting on a try that failed in a run, and lets a later one try again", async () => {
        const cli = fakeCli({ failInits: 1 });
        const stacks = new EnvironmentStacks("dev", backend, home, cli.command);
        const results = await Promise.allSettled([stacks.ensure("app", "units/app"), stacks.ensure("app", "units/app")]);
        assert.deepStrictEqual(
            results.map((r) => r.status),
            ["rejected", "rejected"],
        );
        await stacks.ensure("app", "units/app");
        assert.strictEqual(cli.calls.filter((c) => c.startsWith("stack init")).length, 2);
    });
});
