// Slow suite: one verdict whatever runs the inspectors. A production environment whose only
// stack has a single-AZ RDS instance and targets a non-production account is judged three ways:
// `edf synth` (programs under mocks, the in-process harness), `edf preview` on the real engine
// (the driver hands the engine the pack config), and the bundled pack on its own — what
// `pulumi policy publish` uploads, with no driver and no pack config, reading the stack's
// `edf:environment` tag. All three must find `rds-multi-az-in-production` and
// `production-stack-targets-production-account` mandatory, and agree on every other verdict.
//
// The engine runs real `@pulumi/aws` registrations through the stand-in AWS provider plugin
// (test/support/stub-aws-provider): no pulumi-aws plugin is obtainable here. It answers the
// engine's Check/Diff with the program's own inputs; the engine, the policy analyzer, the
// packs and the driver around them are the real ones.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { resolveBackend } from "../../../automation/backend/backend";
import { CliProcesses, isolatedPulumiCommand } from "../../../automation/engine/pulumi-command";
import { EnvironmentStacks } from "../../../automation/engine/workspace";
import { publishedSettings } from "../../../automation/policy/published-settings";
import { MemoryReporter } from "../../../automation/reporter";
import { Redactor } from "../../../automation/redact";
import { synthEnvironment } from "../../../automation/synth/synth";
import { ENVIRONMENTS_FILE } from "../../../policy-packs/lib/environment-settings";
import { bundlePack } from "../../../policy-packs/tools/bundle/bundle";
import { PROJECT_ROOT } from "../../support/toolchain";
import { Estate, prepareEstate, runDriver, stackOf } from "./support/estate";

const STUB_PROVIDER = path.join(PROJECT_ROOT, "test", "support", "stub-aws-provider");
const PACK = path.join(PROJECT_ROOT, "policy-packs", "pipeline");
const THE_TWO = ["production-stack-targets-production-account", "rds-multi-az-in-production"];

/** `policy@level` of every finding, sorted: the verdicts one path gives. */
const verdicts = (items: readonly { policy: string; level: string }[]): string[] =>
    [...new Set(items.map((i) => `${i.policy}@${i.level}`))].sort();

describe("one verdict on the real engine: synth, edf preview and the published pack agree", function () {
    this.timeout(900_000);
    let estate: Estate;
    let work: string;
    let path0: string | undefined;
    let synthVerdicts: string[];

    before(async () => {
        path0 = process.env.PATH;
        process.env.PATH = `${STUB_PROVIDER}${path.delimiter}${process.env.PATH}`;
        estate = prepareEstate("prod-policy");
        work = fs.mkdtempSync(path.join(os.tmpdir(), "edf-one-verdict-"));
        const run = await synthEnvironment({
            env: estate.specFile,
            projectRoot: PROJECT_ROOT,
            reporter: new MemoryReporter(),
            parallel: 1,
        });
        const stack = run.report.stacks.find((s) => s.unit === "database")!;
        synthVerdicts = verdicts(stack.findings.map((f) => ({ policy: f.policyId, level: f.level })));
    });
    after(() => {
        process.env.PATH = path0;
        estate?.remove();
        if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    it("edf synth finds both policies mandatory", () => {
        for (const id of THE_TWO) assert.ok(synthVerdicts.includes(`${id}@mandatory`), `synth: ${synthVerdicts.join(", ")}`);
    });

    it("edf preview on the real engine gives exactly synth's verdicts, and fails the stack", async () => {
        const { report } = await runDriver(estate, "preview");
        const stack = stackOf(report, "database");
        assert.strictEqual(stack.status, "policy-violation", stack.reason);
        assert.strictEqual(report.exitCode, 2);
        const engine = verdicts(stack.violations.map((v) => ({ policy: v.policy, level: v.enforcementLevel })));
        assert.deepStrictEqual(engine, synthVerdicts);
    });

    it("the bundled pack alone (no driver, no pack config) reads the stack's edf:environment tag and gives the same verdicts", async () => {
        // WHEN the pack is bundled as for `pulumi policy publish`, carrying the environment's settings
        fs.symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(work, "node_modules"), "dir");
        const bundle = bundlePack({ packDir: PACK, outDir: path.join(work, "edf-pipeline") }).outDir;
        fs.writeFileSync(path.join(bundle, ENVIRONMENTS_FILE), JSON.stringify(publishedSettings(PROJECT_ROOT, PACK, [estate.specFile])));
        // AND the stack the driver created (and tagged) is previewed with that pack and nothing else
        const redactor = new Redactor();
        const backend = resolveBackend(undefined, { projectRoot: PROJECT_ROOT, edfHome: estate.home, env: process.env, redactor });
        const command = await isolatedPulumiCommand(new CliProcesses());
        const stacks = new EnvironmentStacks("prod", backend, estate.home, command);
        const stack = (await stacks.open("database", "test/fixtures/units/prod-database", false))!;
        assert.strictEqual(
            (await stack.workspace.getTag(stack.name, "edf:environment")).trim(),
            "prod",
            "the driver tags the stacks it creates",
        );
        const events: EngineEvent[] = [];
        await stack.preview({ policyPacks: [bundle], onEvent: (e) => events.push(e), color: "never" }).catch(() => undefined);
        // THEN the engine reports what synth and the driver's preview reported
        const published = verdicts(
            events.filter((e) => e.policyEvent).map((e) => ({ policy: e.policyEvent!.policyName, level: e.policyEvent!.enforcementLevel })),
        );
        assert.deepStrictEqual(published, synthVerdicts);
    });

    // A grace period set in the spec (`enforcement: { <id>: { level, enforceAfter } }`) is honoured
    // the same by synth and by preview: advisory before the day, mandatory from it.
    for (const [day, level] of [
        ["2099-01-01", "advisory"],
        ["2020-01-01", "mandatory"],
    ] as const) {
        it(`a spec's grace period ending ${day} makes rds-multi-az-in-production ${level} in synth and in preview alike`, async () => {
            const graced = prepareEstate("prod-policy");
            try {
                const text = fs.readFileSync(graced.specFile, "utf8");
                const withGrace = text.replace(
                    "    all: mandatory\n",
                    `    all: mandatory\n    rds-multi-az-in-production: { level: advisory, enforceAfter: "${day}" }\n`,
                );
                assert.notStrictEqual(withGrace, text, "the estate's spec sets `all: mandatory`");
                fs.writeFileSync(graced.specFile, withGrace);
                const synth = await synthEnvironment({
                    env: graced.specFile,
                    projectRoot: PROJECT_ROOT,
                    reporter: new MemoryReporter(),
                    parallel: 1,
                });
                const synthed = verdicts(
                    synth.report.stacks.find((s) => s.unit === "database")!.findings.map((f) => ({ policy: f.policyId, level: f.level })),
                );
                assert.ok(synthed.includes(`rds-multi-az-in-production@${level}`), `synth: ${synthed.join(", ")}`);
                const { report } = await runDriver(graced, "preview");
                const engine = verdicts(
                    stackOf(report, "database").violations.map((v) => ({ policy: v.policy, level: v.enforcementLevel })),
                );
                assert.deepStrictEqual(engine, synthed);
            } finally {
                graced.remove();
            }
        });
    }
});
