import * as fs from "fs";
import * as path from "path";
import type { EnforcementSettings, LevelOverride } from "../../policy-packs/lib/enforcement";
import { inspect, InspectionResult } from "../../policy-packs/lib/inspect";
import type { PolicyDefinition } from "../../policy-packs/lib/model";
import type { PolicyConfigValues } from "../../policy-packs/lib/config";
import type { Waiver } from "../../policy-packs/lib/waivers";
import { EdfError } from "../errors";
import type { PolicySpec } from "../spec/types";
import type { SynthResource } from "./capture";

/** Where a pack keeps its policy list, the module tests and offline runners import (never the gRPC entry point). */
export const POLICY_LIST_MODULE = "policy-list.ts";

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

const loaded = new Map<string, readonly PolicyDefinition[]>();

/** The policies a pack's policy list module exports (its one exported array of policy definitions). */
export function loadPolicyList(policyModule: string): readonly PolicyDefinition[] {
    let policies = loaded.get(policyModule);
    if (!policies) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const exports = require(policyModule) as Record<string, unknown>;
        const lists = Object.values(exports).filter(
            (v): v is PolicyDefinition[] =>
                Array.isArray(v) && v.length > 0 && v.every((p) => typeof p?.id === "string" && typeof p?.kind === "string"),
        );
        if (lists.length !== 1) {
            throw new Error(`\`${policyModule}\` must export exactly one array of policy definitions (it exports ${lists.length}).`);
        }
        policies = lists[0]!;
        loaded.set(policyModule, policies);
    }
    return policies;
}

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
 * The harness's enforcement settings for the spec's `policy.enforcement`, giving the verdicts
 * the engine gives with the driver's `--policy-pack-config`: `all` sets every policy's level,
 * a policy id sets that policy's level; without `all`, each policy keeps the level the pack
 * gives it in this environment.
 */
export function enforcementFromSpec(
    policy: PolicySpec | undefined,
    environment: string,
    policyIds: readonly string[],
): EnforcementSettings {
    const overrides: Record<string, LevelOverride> = {};
    const all = policy?.enforcement?.all;
    if (all) {
        for (const id of policyIds) overrides[id] = all;
    }
    for (const [id, level] of Object.entries(policy?.enforcement ?? {})) {
        if (id !== "all") overrides[id] = level;
    }
    if (Object.keys(overrides).length === 0) return {};
    return { environments: { [environment]: { policies: overrides } } };
}

/** The pack's name as its entry point gives it to `new PolicyPack(...)`, and its package version. */
export function packIdentity(packDir: string): { name: string; version: string } {
    let name = path.basename(packDir);
    let version = "0.0.0";
    const index = path.join(packDir, "index.ts");
    if (fs.existsSync(index)) {
        const match = /new\s+PolicyPack\(\s*["'`]([^"'`]+)["'`]/.exec(fs.readFileSync(index, "utf8"));
        if (match) name = match[1]!;
    }
    const manifest = path.join(packDir, "package.json");
    if (fs.existsSync(manifest)) {
        version = String((JSON.parse(fs.readFileSync(manifest, "utf8")) as { version?: string }).version ?? version);
    }
    return { name, version };
}

/** The policy list module of a pack folder; an `EDF_PREFLIGHT` error naming the fix when it has none. */
export function policyModuleOf(packDir: string, display: string): string {
    const file = path.join(packDir, POLICY_LIST_MODULE);
    if (!fs.existsSync(file)) {
        throw new EdfError(
            "EDF_PREFLIGHT",
            `Policy pack \`${display}\` has no \`${POLICY_LIST_MODULE}\`: synth inspects in-process and needs the pack's policy list.`,
            [
                {
                    file: display,
                    message: `missing \`${POLICY_LIST_MODULE}\``,
                    fix: `export the pack's policies from \`${display}/${POLICY_LIST_MODULE}\` (as policy-packs/pipeline does), or set \`policy.enabled: false\`.`,
                },
            ],
        );
    }
    return file;
}
