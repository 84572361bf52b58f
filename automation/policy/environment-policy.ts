import * as fs from "fs";
import * as path from "path";
import type { PolicyPackConfig } from "@pulumi/policy";
import { PolicyConfigValues, PolicyInputError } from "../../policy-packs/lib/config";
import { engineDocument } from "../../policy-packs/lib/environment-settings";
import type { EnforcementSettings, LevelOverride } from "../../policy-packs/lib/enforcement";
import { FRAMEWORKS_DIR, readFrameworkFiles } from "../../policy-packs/lib/framework-files";
import type { FrameworkMapping } from "../../policy-packs/lib/frameworks";
import type { PolicyDefinition } from "../../policy-packs/lib/model";
import { closestName } from "../../policy-packs/lib/names";
import { Waiver, WaiverPolicy, waiverPolicyProblems } from "../../policy-packs/lib/waivers";
import { EdfError, Problem } from "../errors";
import type { LoadedSpec, PolicySpec } from "../spec/types";
import { placementOf } from "../files/paths";
import { loadPolicyList, packIdentity, packLocation, PackLocation, isSdkPack, POLICY_LIST_MODULE } from "./pack";
import { PIPELINE_POLICY, PolicySection, RUNTIME_POLICY } from "./section";
import { policySettingsProblems } from "./settings-problems";
import { loadEnvironmentWaivers } from "./waiver-files";
import { SCHEMA_CHECKER_OPTIONS, schemaChecker, useSchemaCompiler } from "../../policy-packs/lib/schema-checker";
import { keptSchemaCompiler } from "../spec/cached-validator";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the transpile cache (plain JS, shared with worker entries)
const { cacheDir } = require("../loader/ts-cache") as { cacheDir(): string };

// The driver keeps the pack library's compiled schemas (waiver files, policy config) beside its
// transpile cache: a run reading waivers and config compiles neither them nor Ajv's meta-schema.
useSchemaCompiler(keptSchemaCompiler(schemaChecker, SCHEMA_CHECKER_OPTIONS, "draft-07"));

export { PIPELINE_POLICY, RUNTIME_POLICY } from "./section";
export type { PolicySection } from "./section";

/**
 * Everything that decides a verdict in one environment, computed once and handed to every
 * path that judges: synth's in-process inspection, the engine's `--policy-pack-config` for
 * preview/up, and the document a platform team gives a published pack's policy group.
 */
export interface EnvironmentPolicy {
    readonly environment: string;
    readonly pack: PackLocation & { readonly name: string; readonly version: string };
    readonly policies: readonly PolicyDefinition[];
    readonly enforcement: EnforcementSettings;
    readonly config: PolicyConfigValues;
    /** Every waiver of the environment (the spec's files, then extra ones), validated against the pack and the waiver policy. */
    readonly waivers: readonly Waiver[];
    /** The limits the environment puts on its waivers (`policy.waiverPolicy`). */
    readonly waiverPolicy: WaiverPolicy;
    /** The frameworks reports show findings against (`policy.frameworks`), in the spec's order. */
    readonly frameworks: readonly FrameworkMapping[];
    /** The day verdicts are decided for (YYYY-MM-DD): enforce-after dates and waiver expiry. */
    readonly date: string;
    /** Per policy: its resolved level for this environment and day, plus its config — what the harness runs with. */
    readonly packConfig: PolicyPackConfig;
    /** `packConfig` plus the waivers as data: the document the engine reads with `--policy-pack-config`. */
    readonly engineConfig: Readonly<Record<string, unknown>>;
}

export interface EnvironmentPolicyOptions {
    /** The day verdicts are decided for (YYYY-MM-DD). @default - today (UTC) */
    readonly date?: string;
    /** Waiver files beyond the spec's `policy.waivers` (synth's `--waivers`). @default [] */
    readonly extraWaiverFiles?: readonly string[];
}

/** Today as YYYY-MM-DD (UTC): the default decision day. */
export function today(): string {
    return new Date().toISOString().slice(0, 10);
}

/**
 * The environment's policy, or `undefined` when the spec turns enforcement off. Throws an
 * `EdfError` naming the spec file and line for everything wrong with the settings: a pack
 * without a policy list (`EDF_PREFLIGHT`), unknown policy ids, bad levels or config values,
 * invalid waivers (`EDF_SPEC_INVALID`).
 */
export function resolveEnvironmentPolicy(
    loaded: LoadedSpec,
    projectRoot: string,
    options: EnvironmentPolicyOptions = {},
    section: PolicySection = PIPELINE_POLICY,
): EnvironmentPolicy | undefined {
    const spec = loaded.spec;
    const settings = section.settings(spec);
    if (settings?.enabled === false) return undefined;
    const location = packLocation(settings?.pack, projectRoot, section.defaultPack);
    const at = (pointer: string): Problem => ({ file: loaded.file, path: pointer, line: loaded.lineOf(pointer), message: "" });
    const placement = placementOf(location.policyModule, [projectRoot]);
    // The SDK's own packs (a project without one of its own) are part of the SDK, wherever it is installed.
    if (!placement.inside && !isSdkPack(location.dir)) {
        throw new EdfError("EDF_SPEC_INVALID", `Policy pack \`${location.display}\` leads out of the project; nothing was run.`, [
            {
                ...at(settings?.pack ? `${section.pointer}/pack` : section.pointer),
                message: `\`${location.display}/${POLICY_LIST_MODULE}\` leads to \`${placement.real}\`, outside the project`,
                fix: "keep the policy pack inside the project, with no symbolic link out of it.",
            },
        ]);
    }
    if (!fs.existsSync(location.policyModule)) {
        throw new EdfError(
            "EDF_PREFLIGHT",
            `Policy pack \`${location.display}\` has no \`${POLICY_LIST_MODULE}\`: ` +
                `the driver judges in-process and needs the pack's policy list.`,
            [
                {
                    ...at(settings?.pack ? `${section.pointer}/pack` : section.pointer),
                    message: `missing \`${POLICY_LIST_MODULE}\``,
                    fix:
                        `export the pack's policies from ` +
                        `\`${location.display}/${POLICY_LIST_MODULE}\` (as ` +
                        `policy-packs/pipeline does), or set \`policy.enabled: false\`.`,
                },
            ],
        );
    }
    const policies = loadPolicyList(location.policyModule);
    const date = options.date ?? today();
    const now = decisionTime(date);
    const enforcement = enforcementFromSpec(settings, spec.environment, policies);
    const config = (settings?.config ?? {}) as PolicyConfigValues;

    // Either pack's settings are checked in full (ids with a did-you-mean, levels, config schemas, real days) and its
    // waiver files read by the checked reader (real path inside the project, a bounded regular file), each problem at its line.
    const problems: Problem[] = [...policySettingsProblems(loaded, policies, location.display, section)];
    const { waivers, problems: waiverProblems } = loadEnvironmentWaivers(
        loaded,
        projectRoot,
        policies,
        location.display,
        options.extraWaiverFiles ?? [],
        section,
    );
    problems.push(...waiverProblems);
    const waiverPolicy: WaiverPolicy = spec.policy?.waiverPolicy ?? {};
    if (waiverProblems.length === 0) problems.push(...waiverPolicyBreaches(waivers, waiverPolicy, date, loaded));
    const { frameworks, problems: frameworkProblems } = chosenFrameworks(loaded, projectRoot);
    problems.push(...frameworkProblems);
    let engine: ReturnType<typeof engineDocument> = { packConfig: {}, document: {} };
    if (problems.length === 0) {
        try {
            engine = engineDocument({ policies, environment: spec.environment, enforcement, config, waivers, now });
        } catch (error) {
            // The checks above cover everything the library checks; this names anything they miss.
            if (!(error instanceof PolicyInputError)) throw error;
            problems.push(
                ...error.problems.map((message) => ({
                    ...at(section.pointer),
                    message,
                    fix: "fix the policy id, level or config value named.",
                })),
            );
        }
    }
    if (problems.length > 0) {
        throw new EdfError(
            "EDF_SPEC_INVALID",
            `The policy settings of \`${spec.environment}\` are invalid (${problems.length} problem(s)); nothing was run.`,
            problems,
        );
    }
    return {
        environment: spec.environment,
        pack: {
            ...location,
            ...packIdentity(location.dir, projectRoot, () => at(settings?.pack ? `${section.pointer}/pack` : section.pointer)),
        },
        policies,
        enforcement,
        config,
        waivers,
        waiverPolicy,
        frameworks,
        date,
        packConfig: engine.packConfig,
        engineConfig: engine.document,
    };
}

/**
 * The runtime pack's settings for `edf inspect` (`inspect.policy`), resolved exactly as the
 * pipeline pack's are: levels, `enforceAfter`, config and waivers for the decision day.
 */
export function resolveRuntimePolicy(loaded: LoadedSpec, projectRoot: string, options: EnvironmentPolicyOptions = {}): EnvironmentPolicy {
    return resolveEnvironmentPolicy(loaded, projectRoot, options, RUNTIME_POLICY)!;
}

/**
 * Waivers beyond the environment's `policy.waiverPolicy`, each a problem at its waiver file and
 * line (the fix names the field), so `edf validate`, synth, preview and up refuse them alike.
 */
function waiverPolicyBreaches(waivers: readonly Waiver[], policy: WaiverPolicy, date: string, loaded: LoadedSpec): Problem[] {
    const breaches = waiverPolicyProblems(waivers, policy, date);
    // Only a breach needs the setting's line (a line costs a second parse of the whole spec).
    const setting = breaches.length > 0 ? loaded.lineOf("/policy/waiverPolicy") : undefined;
    return breaches.map(({ waiver, field, message, fix }) => {
        const index = waivers.filter((w) => w.source === waiver.source).indexOf(waiver);
        return {
            file: waiver.source ?? loaded.file,
            ...(waiver.line ? { line: waiver.line } : {}),
            path: `/waivers/${index}/${field}`,
            message: `${message} (\`policy.waiverPolicy\` of ${loaded.file}${setting ? `:${setting}` : ""})`,
            fix,
        };
    });
}

/**
 * The frameworks the spec chooses (`policy.frameworks`), from the mapping files; every one when
 * the spec names none. An unknown id is a problem at its line with the closest known id.
 */
function chosenFrameworks(loaded: LoadedSpec, projectRoot: string): { frameworks: FrameworkMapping[]; problems: Problem[] } {
    const { files, problems: fileProblems } = readFrameworkFiles(FRAMEWORKS_DIR, cacheDir());
    const problems: Problem[] = fileProblems.map((p) => ({
        file: path.relative(projectRoot, p.file),
        line: p.line,
        message: p.message,
        fix: "fix the mapping file (format: docs/inspectors.md, Frameworks).",
    }));
    const available = files.map((f) => f.mapping);
    const chosen = loaded.spec.policy?.frameworks;
    if (chosen === undefined) return { frameworks: available, problems };
    const ids = available.map((f) => f.id);
    const frameworks: FrameworkMapping[] = [];
    chosen.forEach((id, i) => {
        const mapping = available.find((f) => f.id === id);
        if (mapping) return void frameworks.push(mapping);
        const suggestion = closestName(id, ids) ?? ids.find((known) => known.startsWith(`${id}-`));
        problems.push({
            file: loaded.file,
            path: `/policy/frameworks/${i}`,
            line: loaded.lineOf(`/policy/frameworks/${i}`),
            message: `unknown framework \`${id}\``,
            fix: `${suggestion ? `did you mean \`${suggestion}\`? ` : ""}frameworks with a mapping file: ${ids.map((f) => `\`${f}\``).join(", ")}.`,
        });
    });
    return { frameworks, problems };
}

/** The problems `resolveEnvironmentPolicy` would throw, for `validate` (empty when the settings are sound). */
export function environmentPolicyProblems(loaded: LoadedSpec, projectRoot: string, section: PolicySection = PIPELINE_POLICY): Problem[] {
    try {
        resolveEnvironmentPolicy(loaded, projectRoot, {}, section);
        return [];
    } catch (error) {
        if (error instanceof EdfError) return [...error.problems];
        throw error;
    }
}

/** The instant a decision day stands for: its noon (UTC), so no time zone moves it to another day. */
export function decisionTime(date: string): Date {
    return new Date(`${date}T12:00:00Z`);
}

/**
 * The harness's enforcement settings for the spec's `policy.enforcement`: `all` sets every
 * policy's level, a policy id sets that policy's level, or `{ level, enforceAfter }` (the level
 * until that day, mandatory from it); without `all`, each policy keeps the level the pack gives
 * it in this environment. The engine's config is built from the same settings (`engineDocument`).
 */
export function enforcementFromSpec(
    policy: PolicySpec | undefined,
    environment: string,
    policies: readonly Pick<PolicyDefinition, "id" | "enforcementLevel">[],
): EnforcementSettings {
    const overrides: Record<string, LevelOverride> = {};
    const all = policy?.enforcement?.all;
    if (all) {
        // An opt-in policy (default level `disabled`) stays off under `all`: only naming it turns it on.
        for (const p of policies) if (p.enforcementLevel !== "disabled") overrides[p.id] = all;
    }
    for (const [id, level] of Object.entries(policy?.enforcement ?? {})) {
        if (id !== "all") overrides[id] = level;
    }
    if (Object.keys(overrides).length === 0) return {};
    return { environments: { [environment]: { policies: overrides } } };
}
