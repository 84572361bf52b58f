import { CONTRACT_PRODUCERS } from "../../platform/contract-validate";
import { declaredStackReferences, DeclaredStackReference, parseStackName } from "../../unit/stack-references";
import { projectName } from "../../unit/project";
import { closestName } from "../spec/semantics";
import type { EnvironmentSpec } from "../spec/types";
import { pointer } from "../spec/yaml-lines";

/**
 * Edges the units' code declares. A unit reads other stacks through the SDK — the service
 * SDK's landing zone (`landingZone.stacks.<part>`) and `ctx.stacks.reference(<name>)`
 * (`stackReferences.<name>`) — and the stacks it reads are named in its config, where the
 * driver reads them with the very function the SDK uses (unit/stack-references.ts). So the
 * graph knows these dependencies without a `dependsOn` repeating them.
 */

/** One stack reference of a unit that names a unit of this environment. */
export interface InferredReference {
    /** The unit that reads. */
    readonly unit: string;
    /** The unit whose stack it reads. */
    readonly target: string;
    readonly reference: DeclaredStackReference;
    /** The JSON pointer of the reference in the spec (`/units/api/config/landingZone/stacks/network`). */
    readonly path: string;
}

/** A reference that cannot be right, found before anything runs. */
export interface ReferenceProblem {
    readonly path: string;
    readonly message: string;
    readonly fix: string;
}

/** The organization stack names of this environment carry (`organization` on the file and S3 backends). */
function organizationOf(spec: EnvironmentSpec): string {
    return spec.backend?.kind === "cloud" ? spec.backend.organization : "organization";
}

/** Every unit-to-unit stack reference the spec's unit config declares, and every problem with one. */
export function inferReferences(spec: EnvironmentSpec): { references: InferredReference[]; problems: ReferenceProblem[] } {
    const references: InferredReference[] = [];
    const problems: ReferenceProblem[] = [];
    const units = Object.keys(spec.units);
    for (const [unit, unitSpec] of Object.entries(spec.units)) {
        for (const reference of declaredStackReferences(unitSpec.config)) {
            const path = pointer("units", unit, "config", ...reference.configPath);
            const parts = parseStackName(reference.stack);
            const ours =
                parts !== undefined &&
                (parts.project === undefined || parts.project === projectName()) &&
                (parts.organization === undefined || parts.organization === organizationOf(spec));
            if (!parts || !ours) continue; // a stack outside this project: no edge, the engine reads it as it is
            if (parts.environment !== spec.environment) {
                if (reference.part !== undefined) {
                    problems.push({
                        path,
                        message:
                            `unit \`${unit}\` of environment \`${spec.environment}\` reads the landing zone of environment ` +
                            `\`${parts.environment}\` (\`${reference.via}\`: \`${reference.stack}\`); the service SDK refuses a part published by another environment`,
                        fix: `name this environment's stack, \`${reference.stack.replace(`${parts.environment}.`, `${spec.environment}.`)}\`.`,
                    });
                }
                continue; // another environment's stack: read as it is, no edge within this one
            }
            if (parts.unit === unit) {
                problems.push({
                    path,
                    message: `unit \`${unit}\` reads its own stack through \`${reference.via}\``,
                    fix: "reference another unit's stack, or compute the value in the program.",
                });
                continue;
            }
            const target = spec.units[parts.unit];
            if (!target) {
                const suggestion = closestName(parts.unit, units);
                problems.push({
                    path,
                    message: `\`${reference.via}\` of unit \`${unit}\` names stack \`${reference.stack}\`, but \`${spec.environment}\` has no unit \`${parts.unit}\``,
                    fix: suggestion
                        ? `did you mean \`${reference.stack.replace(new RegExp(`${parts.unit}$`), suggestion)}\`?`
                        : `name the stack of one of: ${units.map((u) => `\`${u}\``).join(", ")}.`,
                });
                continue;
            }
            const producer = reference.part ? (CONTRACT_PRODUCERS as Readonly<Record<string, string>>)[reference.part] : undefined;
            if (producer !== undefined && target.path !== producer) {
                problems.push({
                    path,
                    message:
                        `\`${reference.via}\` of unit \`${unit}\` names \`${reference.stack}\`, whose program is \`${target.path}\`, ` +
                        `but the \`${reference.part}\` part of the landing zone is published by \`${producer}\``,
                    fix: `name the stack of the unit whose \`path\` is \`${producer}\`.`,
                });
                continue;
            }
            references.push({ unit, target: parts.unit, reference, path });
        }
    }
    return { references, problems };
}
