import * as pulumi from "@pulumi/pulumi";
import {
    CONTRACT_FIELDS,
    CONTRACT_PRODUCERS,
    contractProblems,
    ContractPartName,
    FIELD_KINDS,
    FieldKind,
    LandingZoneOutputs,
    LandingZoneReference,
    landingZoneStacksProblems,
} from "../../platform/contract";
import { partSegment } from "../../platform/publication/layout";
import type { UnitContext } from "../../unit/define";
import { LANDING_ZONE_CONFIG_KEY } from "../../unit/stack-references";
import { isUnknownStack } from "../../unit/stacks";
import { outputPromise } from "../../unit/sdk-internals";
import { ServiceArgumentError } from "./errors";

/**
 * How a service consumes the landing zone: a typed {@link LandingZoneReference} (its
 * parts arrive as validated outputs of the platform stacks), or the parts as plain
 * values (injected by the driver, read from Consul), validated here before anything is
 * created.
 */
export type LandingZoneSource = LandingZoneReference | ServiceLandingZoneOutputs;

/** The parts of the landing zone a service reads, as plain values. */
export type ServiceLandingZoneOutputs = Pick<LandingZoneOutputs, "network" | "security" | "sharedServices">;

/** The landing zone as a service's components read it: one output per contract part. */
export interface ServiceLandingZone {
    readonly network: pulumi.Output<LandingZoneOutputs["network"]>;
    readonly security: pulumi.Output<LandingZoneOutputs["security"]>;
    readonly sharedServices: pulumi.Output<LandingZoneOutputs["sharedServices"]>;
}

/** The parts a service runs on: its environment's landing zone (the organisation part is the platform's own). */
export const SERVICE_PARTS = ["network", "security", "sharedServices"] as const satisfies readonly ContractPartName[];
type ServicePart = (typeof SERVICE_PARTS)[number];
const PARTS: readonly ServicePart[] = SERVICE_PARTS;

/** The injected input that carries a whole contract part, e.g. `landing-zone-shared-services`. */
export function landingZoneInputName(part: ContractPartName): string {
    return `landing-zone-${partSegment(part)}`;
}

/** The unit config key naming the landing-zone stacks (`edf:landingZone`): the unit runtime's, which the driver reads too. */
export { LANDING_ZONE_CONFIG_KEY };

/**
 * Every problem with plain landing-zone parts, as `landingZone.<part>: …` sentences
 * naming the key and the fix; empty when valid. Checks the contract version, every key's
 * shape and that each part belongs to `environment`. Pure.
 */
export function landingZoneProblems(parts: unknown, environment: string, argument = "landingZone"): string[] {
    if (typeof parts !== "object" || parts === null || Array.isArray(parts)) {
        return [
            `\`${argument}\` must be a \`LandingZoneReference\` or an object with \`network\`, \`security\` and \`sharedServices\` parts.`,
        ];
    }
    const record = parts as Record<string, unknown>;
    const problems: string[] = [];
    for (const part of PARTS) {
        const value = record[part];
        if (value === undefined) {
            problems.push(`\`${argument}.${part}\` is missing: pass the part \`${CONTRACT_PRODUCERS[part]}\` publishes.`);
            continue;
        }
        const partProblems = contractProblems(part, value);
        for (const problem of partProblems) {
            problems.push(`\`${argument}.${part}\`: ${problem}.`);
        }
        const published = (value as { environment?: unknown }).environment;
        if (typeof published === "string" && published !== environment && partProblems.length === 0) {
            problems.push(
                `\`${argument}.${part}\` was published by environment \`${published}\` but this service runs in \`${environment}\`: ` +
                    `consume the \`${environment}\` landing zone.`,
            );
        }
    }
    return problems;
}

/** Normalises a source into one output per part; throws before anything is created when plain parts are invalid. */
export function toServiceLandingZone(source: LandingZoneSource, environment: string, subject: string): ServiceLandingZone {
    if (source instanceof LandingZoneReference) {
        // The reference validates each part as it resolves (missing keys, version, environment).
        return { network: source.network, security: source.security, sharedServices: source.sharedServices };
    }
    const problems = landingZoneProblems(source, environment);
    if (problems.length > 0) {
        throw new ServiceArgumentError(subject, problems);
    }
    return {
        network: pulumi.output(source.network),
        security: pulumi.output(source.security),
        sharedServices: pulumi.output(source.sharedServices),
    };
}

/**
 * Undoes the Consul publication encoding (`platform/publication`): lists are stored as
 * JSON text, so a part read with `recurse` holds strings where the contract has lists.
 * Values that are already lists, and keys the contract does not know, pass unchanged. Pure.
 */
export function decodePublishedPart(part: ContractPartName, raw: unknown): unknown {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
        return raw;
    }
    const fields = CONTRACT_FIELDS[part] as Record<string, keyof typeof FIELD_KINDS>;
    const decoded: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
    for (const [key, value] of Object.entries(decoded)) {
        const kind: FieldKind | undefined = fields[key] === undefined ? undefined : FIELD_KINDS[fields[key]];
        if (kind && typeof value === "string" && value.trim().startsWith("[") && !kind.accepts(value)) {
            try {
                const parsed = JSON.parse(value) as unknown;
                // Only when the text decodes to what the contract wants; else the check names the key.
                if (kind.accepts(parsed)) {
                    decoded[key] = parsed;
                }
            } catch {
                // Left as text: the contract check then names the key and its expected shape.
            }
        }
    }
    return decoded;
}

/**
 * The landing zone a service unit runs on, validated, as plain values.
 *
 * Each part comes from the injected input `landing-zone-<part>` (the driver, e.g. from
 * Consul with `recurse: true`) or, when no such input is set, from the stack named in
 * config `edf:landingZone` (`{"stacks": {"network": "organization/edf/dev.network", …}}`)
 * through a {@link LandingZoneReference}. Every problem — a part with no source, a
 * missing output, an incompatible contract version, another environment — fails here,
 * before the program creates any resource (only the read-only stack references exist).
 */
export async function resolveLandingZone(ctx: UnitContext): Promise<ServiceLandingZoneOutputs> {
    const subject = `Unit \`${ctx.unit}\``;
    const injected: Partial<Record<ContractPartName, unknown>> = {};
    for (const part of PARTS) {
        const value = ctx.inputs.get(landingZoneInputName(part));
        if (value !== undefined) {
            injected[part] = decodePublishedPart(part, value);
        }
    }
    const missing = PARTS.filter((part) => injected[part] === undefined);
    let referenced: Partial<LandingZoneOutputs> = {};
    if (missing.length > 0) {
        referenced = await readReferencedParts(ctx, missing, subject);
    }
    const parts = { ...referenced, ...injected };
    const problems = landingZoneProblems(parts, ctx.environment).map((p) =>
        p.replace(
            /^`landingZone\.(\w+)`/,
            (_, part: ContractPartName) => `landing-zone part \`${part}\` (${describeSource(part, injected)})`,
        ),
    );
    if (problems.length > 0) {
        throw new ServiceArgumentError(subject, problems);
    }
    return parts as ServiceLandingZoneOutputs;
}

function describeSource(part: ContractPartName, injected: Partial<Record<ContractPartName, unknown>>): string {
    return injected[part] !== undefined ? `input \`${landingZoneInputName(part)}\`` : "stack reference";
}

async function readReferencedParts(ctx: UnitContext, parts: ContractPartName[], subject: string): Promise<Partial<LandingZoneOutputs>> {
    const raw = ctx.config.get(LANDING_ZONE_CONFIG_KEY);
    const sourcesFix = (part: ContractPartName) =>
        `landing-zone part \`${part}\` has no source: inject input \`${landingZoneInputName(part)}\` ` +
        `(e.g. Consul key \`edf/${ctx.environment}/landing-zone/${partSegment(part)}\` with \`recurse: true\`) ` +
        `or name its stack in config \`${ctx.config.name}:${LANDING_ZONE_CONFIG_KEY}\` as \`{"stacks": {"${part}": "<stack>"}}\`.`;
    if (raw === undefined) {
        throw new ServiceArgumentError(subject, parts.map(sourcesFix));
    }
    let stacks: Record<string, unknown>;
    try {
        stacks = (JSON.parse(raw) as { stacks?: Record<string, unknown> }).stacks ?? {};
    } catch {
        throw new ServiceArgumentError(subject, [
            `config \`${ctx.config.name}:${LANDING_ZONE_CONFIG_KEY}\` is not JSON: set it to \`{"stacks": {"network": "<stack>", …}}\`.`,
        ]);
    }
    const wanted = Object.fromEntries(parts.filter((p) => stacks[p] !== undefined).map((p) => [p, stacks[p]]));
    const problems = [
        ...parts.filter((p) => stacks[p] === undefined).map(sourcesFix),
        ...(Object.keys(wanted).length > 0
            ? landingZoneStacksProblems(wanted).map((p) => `config \`${ctx.config.name}:${LANDING_ZONE_CONFIG_KEY}\`: ${p}`)
            : []),
    ];
    if (problems.length > 0) {
        throw new ServiceArgumentError(subject, problems);
    }
    const undeployed = Object.entries(wanted).filter(([, stack]) => isUnknownStack(String(stack)));
    if (undeployed.length > 0) {
        // Values are needed here, and a stack never deployed has none: say so rather than "missing".
        throw new ServiceArgumentError(
            subject,
            undeployed.map(
                ([part, stack]) =>
                    `landing-zone part \`${part}\` is unknown in this preview: stack \`${String(stack)}\` has never been deployed. ` +
                    `A service reads its landing zone as values, so deploy the landing zone first (\`edf up\` deploys it before the ` +
                    "services), or inject the part as input `" +
                    `${landingZoneInputName(part as ContractPartName)}\`.`,
            ),
        );
    }
    const reference = LandingZoneReference.fromStacks(wanted, { environment: ctx.environment });
    const resolved: Partial<Record<ContractPartName, unknown>> = {};
    for (const part of Object.keys(wanted) as ContractPartName[]) {
        resolved[part] = await outputPromise(reference.part(part));
    }
    return resolved as Partial<LandingZoneOutputs>;
}
