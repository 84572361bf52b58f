import type { PolicyConfigValues } from "../../policy-packs/lib/config";
import type { EnforcementSettings } from "../../policy-packs/lib/enforcement";
import { inspect, InspectionResult } from "../../policy-packs/lib/inspect";
import type { Waiver } from "../../policy-packs/lib/waivers";
import { projectName } from "../../unit/project";
import type { EnvironmentPolicy } from "../policy/environment-policy";
import { loadPolicyList } from "../policy/pack";
import type { SynthResource } from "./capture";

/** How one stack is inspected. Plain data (crosses the thread boundary). */
export interface InspectionJob {
    /** Absolute path of the pack's policy list module. */
    readonly policyModule: string;
    readonly pack: { readonly name: string; readonly version: string };
    readonly environment: string;
    readonly enforcement: EnforcementSettings;
    readonly config: PolicyConfigValues;
    readonly waivers: readonly Waiver[];
    /** The day verdicts are decided for (YYYY-MM-DD): enforce-after dates and waiver expiry. */
    readonly date: string;
    readonly stack: { readonly name: string; readonly project: string; readonly tags: Readonly<Record<string, string>> };
}

/** The inspection of one stack (the shared harness's result). */
export type StackInspection = InspectionResult;

/** Inspects one stack's registrations with the environment's levels, config and waivers. */
export function inspectStack(job: InspectionJob, resources: readonly SynthResource[]): Promise<StackInspection> {
    return inspect({
        policies: loadPolicyList(job.policyModule),
        // The stack resource stands for the engine's own; policies see it as on a real run.
        resources,
        environment: job.environment,
        stack: job.stack,
        enforcement: job.enforcement,
        waivers: job.waivers,
        config: job.config,
        now: new Date(`${job.date}T12:00:00Z`),
        pack: job.pack,
    });
}

/**
 * How synth inspects `stack`: the environment's policy exactly as the policy module resolved it
 * (the engine gets the same settings as `engineConfig`), and the stack tags the engine gives.
 */
export function inspectionJobFor(policy: EnvironmentPolicy, stack: string): InspectionJob {
    return {
        policyModule: policy.pack.policyModule,
        pack: { name: policy.pack.name, version: policy.pack.version },
        environment: policy.environment,
        enforcement: policy.enforcement,
        config: policy.config,
        waivers: policy.waivers,
        date: policy.date,
        stack: {
            name: stack,
            project: projectName(),
            tags: { "pulumi:project": projectName(), "pulumi:runtime": "nodejs", "edf:environment": policy.environment },
        },
    };
}
