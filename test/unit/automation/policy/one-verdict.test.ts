// One verdict: a policy is judged at the same level with the same config whatever runs it.
// Here: what synth's harness hands each policy (observed by running probe policies with the
// real ids, schemas and levels through `inspect`, as synth's executor does) against the document
// the driver hands the engine for preview/up (`--policy-pack-config`), for every policy of the
// pipeline pack in both example environments.
import * as assert from "assert";
import { inspect } from "../../../../policy-packs/lib/inspect";
import type { PolicyDefinition, StackPolicyDefinition } from "../../../../policy-packs/lib/model";
import { planEnvironment } from "../../../../automation/plan";
import { decisionTime } from "../../../../automation/policy/environment-policy";
import { inspectionJobFor } from "../../../../automation/synth/inspection";
import { PROJECT_ROOT } from "../../../support/toolchain";

/** A stand-in with the policy's metadata whose only act is to report the config it was given. */
function probe(policy: PolicyDefinition): StackPolicyDefinition {
    const {
        validateResource: _r,
        validateStack: _s,
        remediateResource: _m,
        ...metadata
    } = policy as PolicyDefinition & Record<string, unknown>;
    return {
        ...(metadata as Omit<StackPolicyDefinition, "kind" | "validateStack">),
        kind: "stack",
        validateStack: (args, report) => report(JSON.stringify(args.getConfig())),
    };
}

describe("one verdict: the level and config of every policy, synth against the engine", () => {
    for (const env of ["dev", "prod"]) {
        it(`agree for every policy of the pipeline pack in \`${env}\``, async () => {
            const plan = planEnvironment(env, PROJECT_ROOT, {}, { date: "2026-12-01" });
            const policy = plan.policy!;
            const job = inspectionJobFor(policy, `${env}.network`);
            const result = await inspect({
                policies: policy.policies.map(probe),
                resources: [],
                environment: job.environment,
                stack: job.stack,
                enforcement: job.enforcement,
                config: job.config,
                now: decisionTime(job.date),
            });
            const synth = new Map(result.findings.map((f) => [f.policyId, { level: f.level, config: JSON.parse(f.message) as unknown }]));
            for (const p of policy.policies) {
                const { enforcementLevel, waivers: _waivers, ...config } = policy.engineConfig[p.id] as Record<string, unknown>;
                if (enforcementLevel === "disabled") {
                    assert.ok(!synth.has(p.id), `\`${p.id}\` is disabled for the engine but ran in synth`);
                    continue;
                }
                assert.deepStrictEqual(synth.get(p.id), { level: enforcementLevel, config }, `\`${p.id}\` in \`${env}\``);
            }
        });
    }
});
