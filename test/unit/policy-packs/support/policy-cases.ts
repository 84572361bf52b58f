import * as assert from "assert";
import { buildPackConfig, PolicyConfigValues } from "../../../../policy-packs/lib/config";
import { runPolicies } from "../../../../policy-packs/lib/harness";
import { PolicyDefinition, toPulumiPolicy } from "../../../../policy-packs/lib/model";
import type { ResourceRecord } from "../../../../policy-packs/lib/resources";

export interface RunOptions {
    readonly environment?: string;
    readonly config?: PolicyConfigValues;
    readonly stackTags?: Record<string, string>;
}

/** One policy over resources through the harness, at the policy's level for the environment. */
export async function runOne(policy: PolicyDefinition, resources: readonly ResourceRecord[], options: RunOptions = {}) {
    // Pack-wide config (e.g. evidence for every runtime policy) narrowed to the policy under test.
    const own = options.config?.[policy.id];
    const config = buildPackConfig({
        policies: [policy],
        environment: options.environment ?? "prod",
        config: own ? { [policy.id]: own } : {},
    });
    return runPolicies([toPulumiPolicy(policy)], resources, { config, stackTags: options.stackTags });
}

export interface PolicyCases {
    /** The compliant happy path. */
    readonly compliant: () => ResourceRecord[];
    /** Each one change away from compliant, with the message expected. */
    readonly nonCompliant: readonly {
        readonly name: string;
        readonly resources: () => ResourceRecord[];
        readonly expect: RegExp;
        readonly options?: RunOptions;
    }[];
    /** Inputs the policy must not judge. */
    readonly notApplicable: readonly { readonly name: string; readonly resources: () => ResourceRecord[]; readonly options?: RunOptions }[];
    /**
     * Inputs whose judged value is unknown at preview (an output of another resource, as the
     * `UNKNOWN` sentinel): the policy must give the engine's "can't run during preview", never a
     * pass, a violation or a crash.
     * @default - none
     */
    readonly unknown?: readonly { readonly name: string; readonly resources: () => ResourceRecord[]; readonly options?: RunOptions }[];
    readonly options?: RunOptions;
}

/** The three kinds of case every policy has: compliant, non-compliant (one change each), not applicable. */
export function describePolicy(policy: PolicyDefinition, cases: PolicyCases): void {
    describe(policy.id, () => {
        it("accepts the compliant happy path", async () => {
            const result = await runOne(policy, cases.compliant(), cases.options);
            assert.deepStrictEqual(
                result.diagnostics.map((d) => d.message),
                [],
            );
        });
        for (const c of cases.nonCompliant) {
            it(`reports ${c.name}`, async () => {
                const result = await runOne(policy, c.resources(), c.options ?? cases.options);
                const violations = result.diagnostics.filter((d) => d.kind === "violation");
                assert.ok(violations.length > 0, `expected a violation of ${policy.id}`);
                assert.ok(
                    violations.some((d) => c.expect.test(d.message)),
                    `no message matched ${c.expect}: ${JSON.stringify(violations.map((d) => d.message))}`,
                );
            });
        }
        for (const c of cases.unknown ?? []) {
            it(`gives unknown, not a verdict, when ${c.name}`, async () => {
                const result = await runOne(policy, c.resources(), c.options ?? cases.options);
                assert.deepStrictEqual(
                    result.diagnostics.filter((d) => d.kind === "violation").map((d) => d.message),
                    [],
                    "an unknown value must not be judged",
                );
                assert.ok(
                    result.diagnostics.some((d) => d.kind === "unknown" && d.policyName === policy.id),
                    "expected the engine's can't-run-during-preview diagnostic",
                );
            });
        }
        for (const c of cases.notApplicable) {
            it(`does not apply to ${c.name}`, async () => {
                const result = await runOne(policy, c.resources(), c.options ?? cases.options);
                assert.deepStrictEqual(result.diagnostics, []);
                const types = new Set(policy.resourceTypes);
                const judged =
                    result.notApplicable.some((n) => n.policyName === policy.id) || !c.resources().some((r) => types.has(r.type));
                assert.ok(judged, "the policy neither declared itself not applicable nor was skipped by type");
            });
        }
    });
}
