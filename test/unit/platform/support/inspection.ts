import { inspect, InspectionResult } from "../../../../policy-packs/lib/inspect";
import type { ResourceRecord } from "../../../../policy-packs/lib/resources";
import type { Waiver } from "../../../../policy-packs/lib/waivers";
import { pipelinePolicies } from "../../../../policy-packs/pipeline/policy-list";
import { projectName } from "../../../../unit/project";
import type { MockRunResult } from "./mock-run";

/** What else an inspection takes: records changed by the test, waivers. */
export interface RunInspection {
    /** The records to inspect instead of the run's (a test that weakens some). @default - the run's records */
    readonly records?: readonly ResourceRecord[];
    /** @default [] */
    readonly waivers?: readonly Waiver[];
}

/**
 * The pipeline pack's verdict on a run, as `edf synth` inspects a stack of `environment`
 * (the run's own environment unless given): every record synth inspects, the stack tags, and
 * the policy config the example environments give (environments/*.yaml): the run's account is
 * the production account, Vault rotates the injected values' Secrets Manager copies.
 */
export function inspectRun(
    run: Pick<MockRunResult<unknown>, "records" | "stack" | "world" | "environment">,
    environment = run.environment ?? "dev",
    options: RunInspection = {},
): Promise<InspectionResult> {
    return inspect({
        policies: pipelinePolicies,
        resources: options.records ?? run.records,
        environment,
        waivers: options.waivers ?? [],
        config: {
            "production-stack-targets-production-account": { productionAccountIds: [run.world.account] },
            "secretsmanager-secret-rotation": { trustedRotators: ["vault"] },
        },
        stack: { name: run.stack, project: projectName(), tags: { "edf:environment": environment } },
    });
}

/** `policy: message` of each mandatory finding, for a readable assertion. */
export function mandatoryFindings(result: InspectionResult): string[] {
    return result.findings.filter((f) => f.level === "mandatory").map((f) => `${f.policyId}: ${f.message}`);
}
