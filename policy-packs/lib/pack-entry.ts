import * as fs from "fs";
import * as path from "path";
import type {
    Policies,
    PolicyPackConfig,
    ReportViolation,
    ResourceValidation,
    ResourceValidationPolicy,
    StackValidation,
    StackValidationPolicy,
} from "@pulumi/policy";
import { reportAtLevel } from "./analyzer-internals";
import { buildPackConfig } from "./config";
import { waiverVerdictPolicy, withEngineWaivers } from "./engine-waivers";
import { engineDocument, ENVIRONMENTS_FILE, environmentOfStack, EnvironmentSettings } from "./environment-settings";
import { packFrameworks } from "./framework-files";
import { FrameworkIndex } from "./frameworks";
import { PolicyDefinition, toPulumiPolicy } from "./model";

type Policy = ResourceValidationPolicy | StackValidationPolicy;

/**
 * What a pack's index.ts hands to `new PolicyPack`: the CrossGuard policies (each accepting
 * `waivers` in its config, plus the pack-level `edf-waivers` policy: see ./engine-waivers.ts).
 *
 * Run by the driver (preview/up), the pack gets its environment's levels and config from the
 * driver's `--policy-pack-config`. Published to an organisation, nobody hands it that: a bundled
 * pack carries every environment's settings in `edf-environments.json` (`edf policy bundle`)
 * and judges each stack with the settings of the stack's environment (its `edf:environment`
 * tag, else the stack name `<environment>.<unit>`), built by the same functions the driver
 * uses — one verdict either way. `EDF_ENVIRONMENT` still sets the initial config when given.
 *
 * Each policy's CrossGuard `framework` and `tags` come from the framework mappings (the bundle's
 * `edf-frameworks.json`, else policy-packs/frameworks/): shown by the engine, never judged by.
 */
export function packEntry(
    policies: readonly PolicyDefinition[],
    env: NodeJS.ProcessEnv,
    packDir?: string,
): { policies: Policies; initialConfig?: PolicyPackConfig } {
    const environment = env.EDF_ENVIRONMENT;
    const settings = packDir ? readEnvironmentSettings(packDir) : {};
    const judged = new EnvironmentJudge(policies, settings);
    const waivers = waiverVerdictPolicy(policies);
    const frameworks = new FrameworkIndex(packFrameworks(packDir));
    return {
        policies: [
            ...policies.map((def) =>
                judged.wrap(def.id, def.description, withEngineWaivers(def, { ...toPulumiPolicy(def), ...frameworks.compliance(def.id) })),
            ),
            judged.wrap(waivers.name, waivers.description, waivers),
        ],
        ...(environment ? { initialConfig: buildPackConfig({ policies, environment }) } : {}),
    };
}

/** The environment settings a bundled pack carries; none for a pack run from the project. */
export function readEnvironmentSettings(packDir: string): Readonly<Record<string, EnvironmentSettings>> {
    const file = path.join(packDir, ENVIRONMENTS_FILE);
    if (!fs.existsSync(file)) return {};
    return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, EnvironmentSettings>;
}

/** Per policy: the level and config an environment gives it, today (levels move with `enforceAfter`). */
type EnvironmentDocument = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** Wraps policies so each stack of a known environment is judged with that environment's settings. */
export class EnvironmentJudge {
    private readonly documents = new Map<string, EnvironmentDocument>();

    constructor(
        private readonly policies: readonly PolicyDefinition[],
        private readonly settings: Readonly<Record<string, EnvironmentSettings>>,
    ) {}

    /** The engine document of `environment` for today, or undefined when the pack carries no settings for it. */
    documentFor(environment: string | undefined, now: Date = new Date()): EnvironmentDocument | undefined {
        const settings = environment ? this.settings[environment] : undefined;
        if (!environment || !settings) return undefined;
        const key = `${environment}@${now.toISOString().slice(0, 10)}`;
        let document = this.documents.get(key);
        if (!document) {
            document = engineDocument({ policies: this.policies, environment, now, ...settings }).document as EnvironmentDocument;
            this.documents.set(key, document);
        }
        return document;
    }

    wrap(id: string, description: string, policy: Policy): Policy {
        if (Object.keys(this.settings).length === 0) return policy;
        // Reports at the environment's level; `undefined` when the environment disables the policy.
        const judge = (tags: ReadonlyMap<string, string>, urn: string | undefined, getConfig: () => object, report: ReportViolation) => {
            const entry = this.documentFor(environmentOfStack(tags, urn))?.[id];
            if (!entry) return { getConfig, report };
            const { enforcementLevel, ...config } = entry as { enforcementLevel?: string };
            if (enforcementLevel === "disabled") return undefined;
            const level = enforcementLevel === "advisory" ? "advisory" : "mandatory";
            const levelled: ReportViolation = (message, at) => reportAtLevel(report, description, message, at, level);
            return { getConfig: () => ({ ...config }), report: levelled };
        };
        if ("validateResource" in policy && policy.validateResource) {
            const wrapOne = (original: ResourceValidation): ResourceValidation => {
                const wrapped: ResourceValidation = (args, report) => {
                    const judged = judge(args.stackTags, args.urn, args.getConfig, report);
                    if (!judged) return;
                    return original({ ...args, getConfig: judged.getConfig as typeof args.getConfig }, judged.report);
                };
                // The engine's and the harness's type markers survive the wrapping.
                for (const key of ["__pulumiType", "__edfTypes"]) {
                    if (key in original)
                        (wrapped as unknown as Record<string, unknown>)[key] = (original as unknown as Record<string, unknown>)[key];
                }
                return wrapped;
            };
            const validateResource = Array.isArray(policy.validateResource)
                ? policy.validateResource.map(wrapOne)
                : wrapOne(policy.validateResource as ResourceValidation);
            return { ...(policy as ResourceValidationPolicy), validateResource };
        }
        const stackPolicy = policy as StackValidationPolicy;
        const original = stackPolicy.validateStack;
        const validateStack: StackValidation = (args, report) => {
            const judged = judge(args.stackTags, args.resources[0]?.urn, args.getConfig, report);
            if (!judged) return;
            return original({ ...args, getConfig: judged.getConfig as typeof args.getConfig }, judged.report);
        };
        return { ...stackPolicy, validateStack };
    }
}
