import { isMap, parseDocument } from "yaml";
import { shortStackName } from "../backend/backend";
import type { GovernanceConfig } from "../../platform/common/governance";
import type { ContractPartName } from "../../platform/contract";
import { IMAGE_DIGEST_INPUT } from "../../services/sdk/settings";
import { projectName } from "../../unit/project";
import { appendToTopLevelMap } from "./yaml-insert";

/** The landing-zone units a service depends on, found in a spec by their program folder. */
export const LANDING_ZONE_UNIT_PATHS: Readonly<Partial<Record<ContractPartName, string>>> = {
    network: "platform/network",
    security: "platform/security",
    sharedServices: "platform/shared-services",
};

/** One problem with a spec the scaffold would edit. */
export interface SpecProblem {
    readonly file: string;
    readonly message: string;
    readonly fix: string;
}

/** What a new service's spec entry says. */
export interface SpecEntryValues {
    readonly name: string;
    readonly governance: GovernanceConfig;
    /** Inputs the service's components need (e.g. a cache's AUTH token from Vault). @default {} */
    readonly inputs?: Readonly<Record<string, unknown>>;
}

/** Environments whose name says production get production sizing and a pinned image. */
export function isProductionEnvironment(environment: string): boolean {
    return /(^|-)prod(uction)?($|-)/.test(environment);
}

/** `orders-api` → `ORDERS_API_IMAGE_DIGEST`: the variable a pipeline exports the pushed digest in. */
export function imageDigestVariable(name: string): string {
    return `${name.replace(/-/g, "_").toUpperCase()}_IMAGE_DIGEST`;
}

/**
 * The spec text with a unit for the new service added at the end of `units`, every existing
 * byte kept (comments, alignment, blank lines, flow collections: only lines are added); or the
 * problems that prevent it. Pure: text in, text out.
 *
 * The entry depends on the spec's landing-zone units (found by path), names their stacks
 * in `landingZone.stacks` as the spec's backend names them, sizes the unit by the
 * environment, and — in production — injects the image digest from the environment
 * variable the pipeline sets. A spec with none of the landing-zone units (the organisation's
 * environment) is skipped, with the reason: services are not deployed there.
 */
export function addServiceToSpec(
    text: string,
    file: string,
    values: SpecEntryValues,
): { text: string; environment: string; inputs: Readonly<Record<string, unknown>> } | { problems: SpecProblem[] } | { skipped: string } {
    const doc = parseDocument(text);
    if (doc.errors.length > 0) {
        return {
            problems: [
                {
                    file,
                    message: `the spec is not valid YAML (${doc.errors[0]!.message.split("\n")[0]})`,
                    fix: "fix it (`edf validate`) and run the scaffold again.",
                },
            ],
        };
    }
    const spec = doc.toJS() as {
        environment?: unknown;
        backend?: { kind?: string; organization?: string };
        units?: Record<string, { path?: string }>;
    };
    const environment = typeof spec?.environment === "string" ? spec.environment : undefined;
    const units = spec?.units;
    if (!environment || !units || typeof units !== "object" || !isMap(doc.get("units"))) {
        return {
            problems: [
                {
                    file,
                    message: "the spec has no `environment` or no `units` map",
                    fix: "fix the spec (`edf validate`) and run the scaffold again.",
                },
            ],
        };
    }
    const unitPaths = Object.values(units).map((u) => u?.path);
    if (!Object.values(LANDING_ZONE_UNIT_PATHS).some((p) => unitPaths.includes(p))) {
        // No workload landing zone at all (the organisation's environment): services do not run here.
        return { skipped: `\`${environment}\` has no landing-zone unit: services are not deployed there` };
    }
    const problems: SpecProblem[] = [];
    if (units[values.name] !== undefined) {
        problems.push({
            file,
            message: `unit \`${values.name}\` already exists`,
            fix: "choose another service name, or remove the unit first.",
        });
    }
    const landingZone: Partial<Record<ContractPartName, string>> = {};
    for (const [part, unitPath] of Object.entries(LANDING_ZONE_UNIT_PATHS) as [ContractPartName, string][]) {
        const unit = Object.entries(units).find(([, u]) => u && u.path === unitPath)?.[0];
        if (unit === undefined) {
            problems.push({
                file,
                message: `no unit has \`path: ${unitPath}\``,
                fix: `add the landing zone's \`${unitPath}\` unit to this spec before adding services.`,
            });
        } else {
            landingZone[part] = unit;
        }
    }
    if (problems.length > 0) {
        return { problems };
    }
    const organization = spec.backend?.kind === "cloud" && spec.backend.organization ? spec.backend.organization : "organization";
    const stackOf = (unit: string) => `${organization}/${projectName()}/${shortStackName(environment, unit)}`;
    const production = isProductionEnvironment(environment);
    const entry: Record<string, unknown> = {
        path: `services/${values.name}`,
        dependsOn: [landingZone.network, landingZone.security, landingZone.sharedServices],
        config: {
            environmentSize: production ? "prod" : "dev",
            governance: { ...values.governance },
            landingZone: {
                stacks: {
                    network: stackOf(landingZone.network!),
                    security: stackOf(landingZone.security!),
                    sharedServices: stackOf(landingZone.sharedServices!),
                },
            },
            ...(production ? {} : { image: { tag: "latest" } }),
        },
    };
    const inputs = {
        ...(production ? { [IMAGE_DIGEST_INPUT]: { from: "env", name: imageDigestVariable(values.name) } } : {}),
        ...(values.inputs ?? {}),
    };
    if (Object.keys(inputs).length > 0) {
        entry.inputs = inputs;
    }
    const comment =
        `Generated by \`edf new service ${values.name}\`.` +
        (production ? ` Production pins the image: the pipeline exports ${imageDigestVariable(values.name)}.` : "");
    const added = appendToTopLevelMap(text, "units", { [values.name]: entry }, comment);
    return "text" in added ? { text: added.text, environment, inputs } : { problems: [{ file, message: added.problem, fix: added.fix }] };
}

/** A sample image digest for a new service: all zeros but for a tail from the name, so it reads as what it is, a stand-in. */
export function sampleImageDigest(name: string): string {
    let hash = 0x811c9dc5;
    for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    return `sha256:${"0".repeat(56)}${hash.toString(16).padStart(8, "0")}`;
}

/**
 * The sample inputs file of an environment (environments/samples/<env>.yaml) with sample values
 * for the inputs a new unit declares — its image digest where production pins it, a Vault secret
 * a component needs — so \`edf synth\` runs offline as it did before. Values are added as text
 * (comments and layout of the file kept), each marked as a sample; a new file says
 * \`sampleValuesOnly: true\`. Undefined when the unit needs no sample.
 */
export function addSamplesForService(
    text: string | undefined,
    file: string,
    name: string,
    inputs: Readonly<Record<string, { from?: string; name?: string; path?: string; field?: string; mount?: string }>>,
): { text: string } | { problems: SpecProblem[] } | undefined {
    const env: Record<string, string> = {};
    const vault: Record<string, Record<string, string>> = {};
    for (const [input, source] of Object.entries(inputs)) {
        if (source.from === "env" && source.name) {
            env[source.name] = input === IMAGE_DIGEST_INPUT ? sampleImageDigest(name) : `sample-not-a-secret-${name}-${input}`;
        } else if (source.from === "vault" && source.path && source.field) {
            const secret = `${source.mount ?? "secret"}/${source.path}`;
            vault[secret] = { ...(vault[secret] ?? {}), [source.field]: `sample-not-a-secret-${name}-${input}` };
        }
    }
    if (Object.keys(env).length === 0 && Object.keys(vault).length === 0) return undefined;
    let current =
        text ??
        `# SAMPLE VALUES ONLY — for \`edf synth\` (offline synthesis under Pulumi mocks); format: docs/synth.md.\nsampleValuesOnly: true\n`;
    const comment = `SAMPLE for ${name} (added by \`edf new service ${name}\`): not a real value.`;
    for (const [key, entries] of [
        ["env", env],
        ["vault", vault],
    ] as const) {
        if (Object.keys(entries).length === 0) continue;
        const added = appendToTopLevelMap(current, key, entries, comment);
        if (!("text" in added)) return { problems: [{ file, message: added.problem, fix: added.fix }] };
        current = added.text;
    }
    return { text: current };
}
