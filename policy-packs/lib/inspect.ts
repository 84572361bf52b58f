import type { PolicyPackConfig } from "@pulumi/policy";
import { buildPackConfig, PackConfigOptions, PolicyConfigValues } from "./config";
import type { EnforcementSettings } from "./enforcement";
import { AppliedWaiver, compareFindings, Finding, isBlocking } from "./findings";
import { FrameworkMapping, FrameworkResult, frameworkResults } from "./frameworks";
import { HarnessDiagnostic, runPolicies } from "./harness";
import { EnforcementLevel, PolicyDefinition, PolicyMetadata, toPulumiPolicy } from "./model";
import type { ResourceRecord } from "./resources";
import { expiredWaiverMessage, rejectedWaiverMessage, Waiver, waiverMatches, waiverStatus, waiverTagsOf } from "./waivers";

export interface StackInfo {
    /** Stack name, e.g. `prod-network`. */
    readonly name?: string;
    readonly project?: string;
    /** Stack tags as the engine passes them to policies. */
    readonly tags?: Readonly<Record<string, string>>;
}

export interface InspectOptions {
    readonly policies: readonly PolicyDefinition[];
    readonly resources: readonly ResourceRecord[];
    /** Environment name; decides enforcement levels. */
    readonly environment: string;
    readonly stack?: StackInfo;
    readonly enforcement?: EnforcementSettings;
    readonly waivers?: readonly Waiver[];
    readonly config?: PolicyConfigValues;
    /** The day levels and waiver expiry are decided for. @default - now */
    readonly now?: Date;
    /** Name and version of the pack, for the reports. @default - "edf-policies" 0.0.0 */
    readonly pack?: { readonly name: string; readonly version: string };
    /** The frameworks to report findings against, per control (they never change a verdict). @default [] */
    readonly frameworks?: readonly FrameworkMapping[];
}

export interface PolicySummary {
    readonly id: string;
    readonly description: string;
    readonly severity: PolicyMetadata["severity"];
    readonly level: EnforcementLevel;
    readonly waivable: boolean;
    readonly remediationSteps: string;
}

export interface WaiverUse extends AppliedWaiver {
    readonly policyId: string;
    readonly urn: string;
}

/** Everything an inspection found; the reporters render it. */
export interface InspectionResult {
    readonly pack: { readonly name: string; readonly version: string };
    readonly environment: string;
    readonly stack: StackInfo;
    /** The day the inspection was decided for (YYYY-MM-DD). */
    readonly date: string;
    readonly policies: PolicySummary[];
    readonly findings: Finding[];
    /** The chosen frameworks, each with its coverage and the findings per control. */
    readonly frameworks: FrameworkResult[];
    readonly waivers: {
        readonly applied: WaiverUse[];
        readonly expired: AppliedWaiver[];
        readonly rejected: AppliedWaiver[];
        readonly unused: AppliedWaiver[];
    };
    readonly remediations: { readonly policyId: string; readonly urn: string }[];
    readonly summary: {
        readonly resources: number;
        readonly policies: number;
        readonly evaluations: number;
        readonly mandatory: number;
        readonly advisory: number;
        readonly waived: number;
        /** No unwaived mandatory finding. */
        readonly passed: boolean;
    };
}

function tagsOf(record: ResourceRecord | undefined): Record<string, unknown> | undefined {
    return waiverTagsOf(record?.props);
}

function waiverRef(w: Waiver): AppliedWaiver {
    return {
        id: w.id,
        owner: w.owner,
        ticket: w.ticket,
        expires: w.expires,
        reason: w.reason,
        ...(w.approver ? { approver: w.approver } : {}),
        ...(w.approved ? { approved: w.approved } : {}),
        ...(w.source ? { source: w.source } : {}),
    };
}

/** The CrossGuard shape of each policy list, made once per list: the harness keeps what it works out per list. */
const pulumiPolicies = new WeakMap<readonly PolicyDefinition[], ReturnType<typeof toPulumiPolicy>[]>();

function pulumiPoliciesOf(policies: readonly PolicyDefinition[]): ReturnType<typeof toPulumiPolicy>[] {
    let shaped = pulumiPolicies.get(policies);
    if (!shaped) pulumiPolicies.set(policies, (shaped = policies.map(toPulumiPolicy)));
    return shaped;
}

/** The policy summaries of each pack config (one per list, levels and day: see packConfigOf). */
const summariesOf = new WeakMap<PolicyPackConfig, { readonly policies: readonly PolicyDefinition[]; readonly list: PolicySummary[] }>();

/**
 * Every policy with its level, sorted by id: the same for every stack inspected with one pack
 * config, so one list is handed out for all of them (the synth cache keeps it once). Read-only.
 */
function policySummaries(policies: readonly PolicyDefinition[], packConfig: PolicyPackConfig): PolicySummary[] {
    const known = summariesOf.get(packConfig);
    if (known?.policies === policies) return known.list;
    const list = policies
        .map((p) => ({
            id: p.id,
            description: p.description,
            severity: p.severity,
            level: (packConfig[p.id] as { enforcementLevel: EnforcementLevel }).enforcementLevel,
            waivable: p.waivable,
            remediationSteps: p.remediationSteps,
        }))
        .sort((a, b) => (a.id < b.id ? -1 : 1));
    summariesOf.set(packConfig, { policies, list });
    return list;
}

/** The last pack config built, with what it was built from. */
let lastPackConfig: { readonly policies: readonly PolicyDefinition[]; readonly key: string; readonly config: PolicyPackConfig } | undefined;

/**
 * {@link buildPackConfig}, kept while the inputs stay the same: synth inspects every stack of an
 * environment with one policy list, levels, config and day (a hundred stacks: a hundred identical
 * builds, each validating every policy's config). Keyed by the list itself and the settings as
 * JSON (they are plain data: a spec's YAML); only read by the inspection, never handed out.
 */
function packConfigOf(options: PackConfigOptions & { readonly now: Date }): PolicyPackConfig {
    const key = JSON.stringify([options.environment, options.enforcement ?? null, options.config ?? null, options.now.getTime()]);
    if (lastPackConfig?.policies === options.policies && lastPackConfig.key === key) return lastPackConfig.config;
    const config = buildPackConfig(options);
    lastPackConfig = { policies: options.policies, key, config };
    return config;
}

/**
 * Runs policies over resources for one environment: levels from the environment and
 * `enforceAfter`, config from the schemas and the user, the engine-faithful harness, then
 * waivers (active ones suppress, expired ones and ones for non-waivable policies become
 * mandatory findings). Deterministic for the same input and `now`.
 */
export async function inspect(options: InspectOptions): Promise<InspectionResult> {
    const now = options.now ?? new Date();
    const packConfig = packConfigOf({
        policies: options.policies,
        environment: options.environment,
        enforcement: options.enforcement,
        config: options.config,
        now,
    });
    const byId = new Map(options.policies.map((p) => [p.id, p]));
    const stackTags = { ...(options.stack?.tags ?? {}) };
    const harness = await runPolicies(pulumiPoliciesOf(options.policies), options.resources, { config: packConfig, stackTags });
    const recordByUrn = new Map(harness.resources.map((r) => [r.urn, r]));

    const waivers = options.waivers ?? [];
    const statusOf = (w: Waiver): string => waiverStatus(w, byId.get(w.policy), now);
    const expired = waivers.filter((w) => statusOf(w) === "expired");
    const rejected = waivers.filter((w) => statusOf(w) === "rejected");
    const active = waivers.filter((w) => statusOf(w) === "active");
    const used = new Set<string>();
    const applied: WaiverUse[] = [];

    const findings: Finding[] = harness.diagnostics.map((d) => toFinding(d));
    function toFinding(d: HarnessDiagnostic): Finding {
        const policy = byId.get(d.policyName);
        if (!policy) throw new Error(`The harness reported policy \`${d.policyName}\`, which is not in the policy list.`);
        const urn = d.urn ?? "";
        const record = recordByUrn.get(urn);
        const base: Finding = {
            policyId: policy.id,
            urn,
            ...(record ? { resourceType: record.type, resourceName: record.name } : {}),
            level: d.enforcementLevel,
            severity: policy.severity,
            message: d.message,
            kind: d.kind,
        };
        const waiver = active.find((w) => waiverMatches(w, { policyId: policy.id, urn, type: record?.type, tags: tagsOf(record) }));
        if (!waiver) return base;
        used.add(waiver.id);
        applied.push({ ...waiverRef(waiver), policyId: policy.id, urn });
        return { ...base, waivedBy: waiverRef(waiver) };
    }

    // An expired waiver, or one a non-waivable policy refuses, is itself a mandatory finding.
    const waiverProblem = (w: (typeof waivers)[number], kind: "waiver-expired" | "waiver-rejected", message: string): void => {
        const policy = byId.get(w.policy);
        if (!policy) return;
        findings.push({
            policyId: policy.id,
            urn: w.selector.urn ?? "",
            ...(w.selector.type ? { resourceType: w.selector.type } : {}),
            level: "mandatory",
            severity: policy.severity,
            kind,
            message,
        });
    };
    for (const w of expired) waiverProblem(w, "waiver-expired", expiredWaiverMessage(w));
    for (const w of rejected) waiverProblem(w, "waiver-rejected", rejectedWaiverMessage(w));
    findings.sort(compareFindings);
    applied.sort((a, b) => (a.id + a.policyId + a.urn < b.id + b.policyId + b.urn ? -1 : 1));

    const policies = policySummaries(options.policies, packConfig);
    const unwaived = findings.filter((f) => !f.waivedBy);
    return {
        pack: options.pack ?? { name: "edf-policies", version: "0.0.0" },
        environment: options.environment,
        stack: options.stack ?? {},
        date: now.toISOString().slice(0, 10),
        policies,
        findings,
        frameworks: frameworkResults(
            options.frameworks ?? [],
            findings,
            new Set(policies.filter((p) => p.level !== "disabled").map((p) => p.id)),
        ),
        waivers: {
            applied,
            expired: expired.map(waiverRef),
            rejected: rejected.map(waiverRef),
            unused: active.filter((w) => !used.has(w.id)).map(waiverRef),
        },
        remediations: harness.remediations
            .map((r) => ({ policyId: r.policyName, urn: r.urn }))
            .sort((a, b) => (a.urn + a.policyId < b.urn + b.policyId ? -1 : 1)),
        summary: {
            resources: options.resources.length,
            policies: options.policies.length,
            evaluations: harness.evaluations,
            mandatory: unwaived.filter((f) => f.level === "mandatory").length,
            advisory: unwaived.filter((f) => f.level === "advisory").length,
            waived: findings.length - unwaived.length,
            passed: !findings.some(isBlocking),
        },
    };
}
