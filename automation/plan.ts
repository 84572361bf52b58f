import * as fs from "fs";
import * as path from "path";
import { EdfError, Problem } from "./errors";
import { buildGraph, selectUnits, SelectionOptions, StackGraph, topologicalOrder } from "./graph/graph";
import { loadSpec, specPathFor } from "./spec/load";
import type { LoadedSpec } from "./spec/types";
import { pointer } from "./spec/yaml-lines";
import { EnvironmentPolicy, EnvironmentPolicyOptions, resolveEnvironmentPolicy } from "./policy/environment-policy";
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
            );
        }
        throw error;
    }
    const selected = topologicalOrder(graph, selectUnits(graph, selection));
    return { loaded, graph, selection: selected, policy: resolveEnvironmentPolicy(loaded, projectRoot, policyOptions) };
}

/**
 * What must exist before anything is deployed: each selected unit's program and, when
 * policy enforcement is on, the policy pack. For `validate` these are warnings (units
 * may be written after the spec); for preview and up they stop the run.
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
