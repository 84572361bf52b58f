import * as path from "path";
import type { PolicyPackConfig } from "@pulumi/policy";
import { runPolicies } from "../../../policy-packs/lib/harness";
import { toPulumiPolicy, type PolicyDefinition } from "../../../policy-packs/lib/model";
import type { ResourceRecord } from "../../../policy-packs/lib/resources";
import { pipelinePolicies } from "../../../policy-packs/pipeline/policy-list";
import { PROJECT_ROOT } from "../../support/toolchain";
import { analyzeWithEngine } from "./analyze-cli";

/** The pipeline pack's folder, as `pulumi policy analyze --policy-pack` takes it. */
export const PIPELINE_PACK = path.join(PROJECT_ROOT, "policy-packs", "pipeline");

/** One verdict as both sides can give it, so the harness's and the engine's lists compare with deepStrictEqual. */
export type Verdict = [policy: string, urn: string, level: string, message: string];

/** The verdicts of the in-process harness, shaped as the engine prints them, sorted. */
export async function harnessVerdicts(
    records: readonly ResourceRecord[],
    config: PolicyPackConfig,
    policies: readonly PolicyDefinition[] = pipelinePolicies,
): Promise<Verdict[]> {
    const byId = new Map(policies.map((p) => [p.id, p]));
    const result = await runPolicies(policies.map(toPulumiPolicy), records, { config });
    // The engine prints the description, a newline, then the policy's message.
    return result.diagnostics
        .map((d): Verdict => [d.policyName, d.urn ?? "", d.enforcementLevel, `${byId.get(d.policyName)?.description ?? ""}\n${d.message}`])
        .sort();
}

/** The verdicts of the real engine's `pulumi policy analyze --file`, sorted, with its exit code. */
export async function engineVerdicts(
    records: readonly ResourceRecord[],
    config: PolicyPackConfig,
    packDir: string = PIPELINE_PACK,
): Promise<{ verdicts: Verdict[]; exitCode: number }> {
    const run = await analyzeWithEngine(records, packDir, config);
    return {
        verdicts: run.verdicts.map((v): Verdict => [v.policyName, v.urn, v.enforcementLevel, v.message]).sort(),
        exitCode: run.exitCode,
    };
}
