import { isMap, parseDocument, YAMLMap } from "yaml";
import { shortStackName } from "../backend/backend";
import type { GovernanceConfig } from "../../platform/common/governance";
import type { ContractPartName } from "../../platform/contract";
import { IMAGE_DIGEST_INPUT } from "../../services/sdk/settings";
import { projectName } from "../../unit/project";

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
 * The spec text with a unit for the new service added under `units`, comments and layout
 * kept; or the problems that prevent it. Pure: text in, text out.
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
): { text: string } | { problems: SpecProblem[] } | { skipped: string } {
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
    const node = doc.createNode(entry) as YAMLMap;
    node.commentBefore = ` Generated by \`edf new service ${values.name}\`.${production ? ` Production pins the image: export ${imageDigestVariable(values.name)}.` : ""}`;
    (doc.get("units") as YAMLMap).set(values.name, node);
    return { text: doc.toString() };
}
