// Slow suite: waivers in the real engine equal waivers in the harness.
// 1. `pulumi policy analyze --file` runs the real pipeline pack over AWS resources (no provider
//    plugin needed) with the waivers in `--policy-pack-config`, as `edf preview`/`up` pass them;
//    its verdict must equal `inspect()`'s (the harness plus the library's waiver rules).
// 2. The automation API's `policyPacks` + `policyPackConfigs` on an inline program of
//    engine-native resources: only non-waivable policies fire on such a stack (every waivable
//    one looks at AWS resources, and AWS plugins are not on this machine), so that path proves
//    expired and rejected waivers block a real preview; waivable suppression is proven by (1).
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { PolicyPackConfig } from "@pulumi/policy";
import { EngineEvent } from "@pulumi/pulumi/automation";
import { buildPackConfig } from "../../../policy-packs/lib/config";
import { waiverPackConfig, WAIVERS_POLICY_ID } from "../../../policy-packs/lib/engine-waivers";
import { inspect } from "../../../policy-packs/lib/inspect";
import type { ResourceRecord } from "../../../policy-packs/lib/resources";
import { expiredWaiverMessage, rejectedWaiverMessage, Waiver } from "../../../policy-packs/lib/waivers";
import { pipelinePolicies } from "../../../policy-packs/pipeline/policy-list";
import { Echo } from "../../fixtures/engine/echo";
import { changeProps, compliantEstate, ESTATE_CONFIG, urnOf, withoutResources } from "../../fixtures/policy/estate";
import { createTempBackend, inlineStack, TempBackend } from "../../support/engine";
import { PROJECT_ROOT } from "../../support/toolchain";
import { analyzeWithEngine } from "./analyze-cli";

const PIPELINE = path.join(PROJECT_ROOT, "policy-packs", "pipeline");

/** The compliant estate with one bucket's KMS encryption removed (a stack policy) and a log group kept 14 days (a resource policy). */
function estateWithTwoFindings(): ResourceRecord[] {
    let e = withoutResources(
        compliantEstate(),
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "data-sse",
    );
    e = changeProps(e, "aws:cloudwatch/logGroup:LogGroup", "app-logs", (p) => ({ ...p, retentionInDays: 14 }));
    return e;
}

function waiver(id: string, policy: string, selector: Waiver["selector"], expires: string): Waiver {
    return {
        id,
        policy,
        selector,
        reason: "a reviewed exception written for this engine test",
        owner: "team-platform",
        ticket: "PLAT-42",
        expires,
    };
}

const BUCKET_WAIVER = waiver("W-TEST-BUCKET", "s3-bucket-kms-encrypted", { type: "aws:s3/bucket:Bucket", urn: "*::data" }, "2099-12-31");
const LOGS_WAIVER = waiver(
    "W-TEST-LOGS",
    "cloudwatch-log-group-retention",
    { urn: urnOf("aws:cloudwatch/logGroup:LogGroup", "app-logs") },
    "2099-12-31",
);
const EXPIRED_BUCKET_WAIVER = { ...BUCKET_WAIVER, id: "W-TEST-OLD", expires: "2020-01-31" };

/** The document `edf preview` writes for `--policy-pack-config`: levels and config, plus the waivers. */
function packConfig(waivers: readonly Waiver[]): PolicyPackConfig {
    const config = buildPackConfig({ policies: pipelinePolicies, environment: "prod", config: ESTATE_CONFIG }) as Record<string, unknown>;
    for (const [id, entry] of Object.entries(waiverPackConfig(waivers))) {
        config[id] = { ...((config[id] as object | undefined) ?? {}), ...entry };
    }
    return config as PolicyPackConfig;
}

type Verdict = [policy: string, urn: string, message: string];

/** The engine's blocking verdicts; a waiver verdict is keyed by the waived policy, as the harness keys it. */
async function engineRun(
    records: readonly ResourceRecord[],
    waivers: readonly Waiver[],
): Promise<{ blocking: Verdict[]; exitCode: number }> {
    const run = await analyzeWithEngine(records, PIPELINE, packConfig(waivers));
    const byMessage = new Map(
        waivers.flatMap((w) => [[expiredWaiverMessage(w), w.policy] as const, [rejectedWaiverMessage(w), w.policy] as const]),
    );
    const blocking = run.verdicts
        .filter((v) => v.enforcementLevel === "mandatory")
        .map((v): Verdict => {
            const message = v.message.split("\n").slice(1).join("\n").trimEnd();
            // A stack policy's violation without a URN: the engine files it under the stack, the harness under "".
            const urn = v.urn.includes("::pulumi:pulumi:Stack::") ? "" : v.urn;
            return v.policyName === WAIVERS_POLICY_ID
                ? [byMessage.get(message) ?? `unknown waiver verdict: ${message}`, "", message]
                : [v.policyName, urn, message];
        })
        .sort();
    return { blocking, exitCode: run.exitCode };
}

async function harnessRun(
    records: readonly ResourceRecord[],
    waivers: readonly Waiver[],
): Promise<{ blocking: Verdict[]; passed: boolean; applied: string[] }> {
    const result = await inspect({ policies: pipelinePolicies, resources: records, environment: "prod", config: ESTATE_CONFIG, waivers });
    const blocking = result.findings
        .filter((f) => f.level === "mandatory" && !f.waivedBy)
        // The harness files a waiver finding under the selector's URN; the engine's is stack-wide.
        .map((f): Verdict => [f.policyId, f.kind === "waiver-expired" || f.kind === "waiver-rejected" ? "" : f.urn, f.message])
        .sort();
    return { blocking, passed: result.summary.passed, applied: result.waivers.applied.map((w) => w.id).sort() };
}

describe("waivers in the real engine", function () {
    this.timeout(600_000);

    describe("`pulumi policy analyze --file` with the waivers as pack config equals the harness", () => {
        it("blocks both findings without a waiver, like the harness", async () => {
            const records = estateWithTwoFindings();
            const [engine, harness] = await Promise.all([engineRun(records, []), harnessRun(records, [])]);
            assert.deepStrictEqual(engine.blocking, harness.blocking);
            assert.deepStrictEqual(
                harness.blocking.map((v) => v[0]),
                ["cloudwatch-log-group-retention", "s3-bucket-kms-encrypted"],
            );
            assert.notStrictEqual(engine.exitCode, 0);
            assert.strictEqual(harness.passed, false);
        });

        it("passes when active waivers cover both (a stack and a resource policy), like the harness", async () => {
            const records = estateWithTwoFindings();
            const waivers = [BUCKET_WAIVER, LOGS_WAIVER];
            const [engine, harness] = await Promise.all([engineRun(records, waivers), harnessRun(records, waivers)]);
            assert.deepStrictEqual(engine.blocking, []);
            assert.deepStrictEqual(harness.blocking, []);
            assert.strictEqual(engine.exitCode, 0);
            assert.strictEqual(harness.passed, true);
            assert.deepStrictEqual(harness.applied, ["W-TEST-BUCKET", "W-TEST-LOGS"]);
        });

        it("waives only what the selector covers: the other finding still blocks", async () => {
            const records = estateWithTwoFindings();
            const [engine, harness] = await Promise.all([engineRun(records, [BUCKET_WAIVER]), harnessRun(records, [BUCKET_WAIVER])]);
            assert.deepStrictEqual(engine.blocking, harness.blocking);
            assert.deepStrictEqual(
                engine.blocking.map((v) => v[0]),
                ["cloudwatch-log-group-retention"],
            );
            assert.notStrictEqual(engine.exitCode, 0);
        });

        it("blocks on an expired waiver (the finding and the expiry), like the harness", async () => {
            const records = estateWithTwoFindings();
            const waivers = [EXPIRED_BUCKET_WAIVER, LOGS_WAIVER];
            const [engine, harness] = await Promise.all([engineRun(records, waivers), harnessRun(records, waivers)]);
            assert.deepStrictEqual(engine.blocking, harness.blocking);
            assert.deepStrictEqual(
                engine.blocking.map((v) => v[0]),
                ["s3-bucket-kms-encrypted", "s3-bucket-kms-encrypted"],
            );
            assert.ok(engine.blocking.some((v) => v[2] === expiredWaiverMessage(EXPIRED_BUCKET_WAIVER)));
            assert.notStrictEqual(engine.exitCode, 0);
            assert.strictEqual(harness.passed, false);
        });

        it("rejects a waiver of a non-waivable policy and keeps its finding, like the harness", async () => {
            const records = withoutResources(compliantEstate(), "aws:guardduty/detector:Detector");
            const waivers = [waiver("W-TEST-BASELINE", "account-security-services-enabled", { urn: "*" }, "2099-12-31")];
            const [engine, harness] = await Promise.all([engineRun(records, waivers), harnessRun(records, waivers)]);
            assert.deepStrictEqual(engine.blocking, harness.blocking);
            assert.ok(
                engine.blocking.some((v) => v[0] === "account-security-services-enabled" && v[2] === rejectedWaiverMessage(waivers[0]!)),
            );
            assert.ok(
                engine.blocking.some((v) => v[0] === "account-security-services-enabled" && v[2] !== rejectedWaiverMessage(waivers[0]!)),
            );
            assert.notStrictEqual(engine.exitCode, 0);
        });
    });

    describe("a preview with `policyPacks` and the waivers in `policyPackConfigs`", () => {
        let backend: TempBackend;
        let configDir: string;
        before(() => {
            backend = createTempBackend("edf-waivers-");
            configDir = fs.mkdtempSync(path.join(os.tmpdir(), "edf-waiver-config-"));
        });
        after(() => {
            backend.remove();
            fs.rmSync(configDir, { recursive: true, force: true });
        });

        async function preview(
            name: string,
            waivers: readonly Waiver[],
            requireBaseline: boolean,
        ): Promise<{ ok: boolean; violations: [string, string][] }> {
            const file = path.join(configDir, `${name}.json`);
            const config = packConfig(waivers) as Record<string, unknown>;
            if (requireBaseline)
                config["account-security-services-enabled"] = {
                    ...(config["account-security-services-enabled"] as object),
                    requireInStack: true,
                };
            fs.writeFileSync(file, JSON.stringify(config));
            const stack = await inlineStack(backend, name, async () => {
                new Echo("greeting", { message: "hello" });
            });
            const events: EngineEvent[] = [];
            let ok = true;
            try {
                await stack.preview({ policyPacks: [PIPELINE], policyPackConfigs: [file], onEvent: (e) => events.push(e) });
            } catch (error) {
                assert.match(String(error), /mandatory/);
                ok = false;
            }
            const violations = events.flatMap((e) =>
                e.policyEvent && e.policyEvent.enforcementLevel === "mandatory"
                    ? [[e.policyEvent.policyName, e.policyEvent.message.split("\n").slice(1).join("\n").trimEnd()] as [string, string]]
                    : [],
            );
            return { ok, violations };
        }

        it("passes a clean stack with an active waiver, and fails it when the waiver has expired", async () => {
            const active = await preview("active", [BUCKET_WAIVER], false);
            assert.deepStrictEqual(active, { ok: true, violations: [] });
            const expired = await preview("expired", [EXPIRED_BUCKET_WAIVER], false);
            assert.deepStrictEqual(expired, { ok: false, violations: [[WAIVERS_POLICY_ID, expiredWaiverMessage(EXPIRED_BUCKET_WAIVER)]] });
        });

        it("still fails on a non-waivable violation when a waiver names it, and reports the waiver as rejected", async () => {
            const rejected = waiver("W-TEST-BASELINE", "account-security-services-enabled", { urn: "*" }, "2099-12-31");
            const result = await preview("rejected", [rejected], true);
            assert.strictEqual(result.ok, false);
            assert.ok(result.violations.some(([p, m]) => p === WAIVERS_POLICY_ID && m === rejectedWaiverMessage(rejected)));
            assert.strictEqual(result.violations.filter(([p]) => p === "account-security-services-enabled").length, 3);
        });
    });
});
