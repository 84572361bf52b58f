import * as fs from "fs";
import * as path from "path";
import { EdfError, Problem } from "./errors";
import { buildGraph, selectUnits, SelectionOptions, StackGraph, topologicalOrder } from "./graph/graph";
import { loadSpec, specPathFor } from "./spec/load";
import type { LoadedSpec } from "./spec/types";
import { pointer } from "./spec/yaml-lines";
import {
    decisionTime,
    EnvironmentPolicy,
    EnvironmentPolicyOptions,
    resolveEnvironmentPolicy,
    resolveRuntimePolicy,
} from "./policy/environment-policy";
import { isExpired } from "../policy-packs/lib/waiver-rules";
import { packLocation } from "./policy/pack";
import { resolveUnitProgramPath } from "../unit/load";

/** A validated environment: spec, graph, the selected units in dependency order, and its policy. */
export interface Plan {
    readonly loaded: LoadedSpec;
    readonly graph: StackGraph;
    readonly selection: readonly string[];
    /** The environment's policy settings, resolved once (undefined when `policy.enabled` is false). */
    readonly policy: EnvironmentPolicy | undefined;
}

/**
 * Loads and validates the spec, builds the graph (rejecting cycles), applies the selection,
 * and resolves the environment's policy (pack, levels, config, waivers for the decision day).
 */
export function planEnvironment(
    env: string,
    projectRoot: string,
    selection: SelectionOptions = {},
    policyOptions: EnvironmentPolicyOptions = {},
): Plan {
    const loaded = loadSpec(specPathFor(env, projectRoot), projectRoot);
    let graph: StackGraph;
    try {
        graph = buildGraph(loaded.spec, (at) => loaded.lineOf(at));
    } catch (error) {
        if (error instanceof EdfError) {
            throw new EdfError(
                error.code,
                error.message,
                error.problems.map((p) => ({ ...p, file: loaded.file, line: loaded.lineOf(p.path ?? "/units") })),
                error.omittedProblems,
            );
        }
        throw error;
    }
    const selected = topologicalOrder(graph, selectUnits(graph, selection));
    return { loaded, graph, selection: selected, policy: resolveEnvironmentPolicy(loaded, projectRoot, policyOptions) };
}

/** What `edf validate` found: the plan, and notes that do not stop a run. */
export interface Validation {
    readonly plan: Plan;
    /** Things that will not stop synth, preview or up but will show in their verdicts (an expired waiver). */
    readonly warnings: readonly Problem[];
}

/**
 * `edf validate`'s contract: everything synth, preview and up check before they run anything —
 * the spec, its graph and selection, the policy settings against the pack (levels, config,
 * waivers), every unit's program and the policy pack — as one verdict. A spec this accepts is
 * one those commands accept; each problem throws as the command would (`EDF_SPEC_INVALID`,
 * `EDF_CYCLE`, `EDF_PREFLIGHT`...). When the spec gives the runtime pack settings
 * (`inspect.policy`), they are checked as `edf inspect` checks them, by the same policy module,
 * so validate refuses a runtime-pack typo exactly as inspect does. Deploys nothing, writes nothing.
 */
export function validateEnvironment(env: string, projectRoot: string, selection: SelectionOptions = {}): Validation {
    const plan = planEnvironment(env, projectRoot, selection);
    const problems = preflightProblems(plan, projectRoot, plan.policy !== undefined);
    if (problems.length > 0) {
        throw new EdfError(
            "EDF_PREFLIGHT",
            `\`${plan.loaded.spec.environment}\` cannot run: ${problems.length} problem(s); nothing was deployed.`,
            problems,
        );
    }
    const runtime = plan.loaded.spec.inspect?.policy ? resolveRuntimePolicy(plan.loaded, projectRoot) : undefined;
    const warnings: Problem[] = [
        ...(plan.policy ? expiredWaiverWarnings(plan.policy, "synth, preview and up report") : []),
        ...(runtime ? expiredWaiverWarnings(runtime, "`edf inspect` reports") : []),
    ];
    return { plan, warnings };
}

/** An expired waiver does not stop a run; it shows in the verdicts as a mandatory finding, so validate says so. */
function expiredWaiverWarnings(policy: EnvironmentPolicy, reporters: string): Problem[] {
    const now = decisionTime(policy.date);
    return policy.waivers
        .filter((w) => isExpired(w, now))
        .map((w) => ({
            ...(w.source ? { file: w.source } : {}),
            message: `waiver \`${w.id}\` (policy \`${w.policy}\`) expired on ${w.expires}: ` + `${reporters} it as a mandatory finding`,
            fix: "fix the resources it covers and remove it, or renew it with a new expiry after review.",
        }));
}

/**
 * What must exist before anything is deployed: each selected unit's program (a folder inside
 * the project, under a unit root, holding `program.ts`) and, when policy enforcement is on, the
 * policy pack. Every command that runs stacks stops on them, and so does `validate`.
 */
export function preflightProblems(plan: Plan, projectRoot: string, needsPolicy: boolean, needsPrograms = true): Problem[] {
    const problems: Problem[] = [];
    const { loaded } = plan;
    for (const unit of needsPrograms ? plan.selection : []) {
        const unitPath = loaded.spec.units[unit]!.path;
        try {
            resolveUnitProgramPath(unitPath, projectRoot);
        } catch (error) {
            const at = pointer("units", unit, "path");
            problems.push({
                file: loaded.file,
                path: at,
                line: loaded.lineOf(at),
                message: (error as Error).message,
                fix: `create \`${unitPath}/program.ts\` or fix \`path\`.`,
            });
        }
    }
    const policy = loaded.spec.policy;
    if (needsPolicy && policy?.enabled !== false) {
        const pack = packLocation(policy?.pack, projectRoot).dir;
        if (!fs.existsSync(path.join(pack, "PulumiPolicy.yaml"))) {
            const at = policy?.pack ? "/policy/pack" : "/policy";
            problems.push({
                file: loaded.file,
                path: at,
                line: loaded.lineOf(at),
                message: `policy pack \`${path.relative(projectRoot, pack)}\` has no PulumiPolicy.yaml`,
                fix: "point `policy.pack` at a policy pack folder (or set `policy.enabled: false`, which skips enforcement).",
            });
        }
    }
    return problems;
}
