import { effectiveAssumeRole } from "./targets";
import { EnvironmentSpec, RESERVED_CONFIG_KEYS } from "./types";
import { regionProblem, tagProblems } from "./aws-rules";
import { closestName } from "../../policy-packs/lib/names";
import { pointer } from "./yaml-lines";

export { closestName };

/** A problem found after the schema passed: references between parts of the spec. */
export interface SemanticProblem {
    readonly path: string;
    readonly message: string;
    readonly fix: string;
}

function unknownUnitFix(name: string, known: readonly string[]): string {
    const suggestion = closestName(name, known);
    return suggestion
        ? `did you mean \`${suggestion}\`? Units of this environment: ${known.map((u) => `\`${u}\``).join(", ")}.`
        : `name one of: ${known.map((u) => `\`${u}\``).join(", ")}, or add a unit \`${name}\` under \`units\`.`;
}

/**
 * Checks what a schema cannot: dependencies and stack inputs name existing units (and
 * not the unit itself), injector inputs have their injector configured, unit config
 * does not overwrite the keys the driver owns. Cycles are the graph's business.
 */
export function checkSemantics(spec: EnvironmentSpec): SemanticProblem[] {
    // Runs even when the schema failed (so every problem is listed at once): guard
    // every shape instead of trusting it.
    const problems: SemanticProblem[] = [...awsProblems(spec)];
    const unitMap = isRecord(spec?.units) ? (spec.units as EnvironmentSpec["units"]) : {};
    const units = Object.keys(unitMap);
    const injectors: Record<string, unknown> = isRecord(spec?.injectors) ? spec.injectors : {};
    problems.push(...targetProblems(spec, unitMap, injectors));
    for (const [name, rawUnit] of Object.entries(unitMap)) {
        if (!isRecord(rawUnit)) {
            continue;
        }
        const unit = rawUnit as EnvironmentSpec["units"][string];
        const dependsOn = Array.isArray(unit.dependsOn) ? unit.dependsOn.filter((d) => typeof d === "string") : [];
        dependsOn.forEach((dependency, index) => {
            // The pointer is built only for a problem: a valid spec of 10,000 units builds none.
            const path = (): string => pointer("units", name, "dependsOn", index);
            if (dependency === name) {
                problems.push({
                    path: path(),
                    message: `unit \`${name}\` depends on itself`,
                    fix: `remove \`${name}\` from its \`dependsOn\`.`,
                });
            } else if (!unitMap[dependency]) {
                problems.push({
                    path: path(),
                    message: `unit \`${name}\` depends on unknown unit \`${dependency}\``,
                    fix: unknownUnitFix(dependency, units),
                });
            }
        });
        for (const key of Object.keys(isRecord(unit.config) ? unit.config : {})) {
            if ((RESERVED_CONFIG_KEYS as readonly string[]).includes(key)) {
                problems.push({
                    path: pointer("units", name, "config", key),
                    message: `config key \`${key}\` is reserved: the driver sets \`edf:${key}\``,
                    fix: `rename it (the reserved keys are ${RESERVED_CONFIG_KEYS.map((k) => `\`${k}\``).join(", ")}).`,
                });
            }
        }
        for (const [inputName, input] of Object.entries(isRecord(unit.inputs) ? unit.inputs : {})) {
            if (!isRecord(input)) {
                continue;
            }
            const at = (field: string): string => pointer("units", name, "inputs", inputName, field);
            if (input.from === "stack") {
                if (input.unit === name) {
                    problems.push({
                        path: at("unit"),
                        message: `input \`${inputName}\` of \`${name}\` reads its own stack`,
                        fix: "read another unit's output, or compute the value in the program.",
                    });
                } else if (typeof input.unit === "string" && !unitMap[input.unit]) {
                    problems.push({
                        path: at("unit"),
                        message: `input \`${inputName}\` of \`${name}\` reads unknown unit \`${input.unit}\``,
                        fix: unknownUnitFix(input.unit, units),
                    });
                }
            } else if (input.from === "vault" && !isRecord(injectors.vault)) {
                problems.push({
                    path: at("from"),
                    message: `input \`${inputName}\` of \`${name}\` reads Vault, but \`injectors.vault\` is not configured`,
                    fix: "add `injectors: { vault: { address, auth } }` to the spec.",
                });
            } else if (input.from === "consul" && !isRecord(injectors.consul)) {
                problems.push({
                    path: at("from"),
                    message: `input \`${inputName}\` of \`${name}\` reads Consul, but \`injectors.consul\` is not configured`,
                    fix: "add `injectors: { consul: { address } }` to the spec.",
                });
            }
        }
    }
    return problems;
}

/**
 * A role can only be assumed in a named account, needs a name, and reads its external id through
 * an injector the spec configures.
 */
function targetProblems(spec: EnvironmentSpec, unitMap: EnvironmentSpec["units"], injectors: Record<string, unknown>): SemanticProblem[] {
    const problems: SemanticProblem[] = [];
    const environmentRole = isRecord(spec?.assumeRole) ? spec.assumeRole : undefined;
    if (environmentRole?.externalId && isRecord(environmentRole.externalId)) {
        problems.push(...externalIdProblems(environmentRole.externalId, pointer("assumeRole", "externalId"), injectors));
    }
    for (const [name, unit] of Object.entries(unitMap)) {
        if (!isRecord(unit) || (unit.assumeRole !== undefined && unit.assumeRole !== false && !isRecord(unit.assumeRole))) continue;
        const role = effectiveAssumeRole({ ...spec, assumeRole: environmentRole as EnvironmentSpec["assumeRole"] }, unit);
        if (role === undefined) continue;
        const where = unit.assumeRole !== undefined ? pointer("units", name, "assumeRole") : pointer("assumeRole");
        if (typeof (unit.account ?? spec.account) !== "string") {
            problems.push({
                path: where,
                message: `unit \`${name}\` assumes a role but names no account to assume it in`,
                fix: `set \`account\` for the environment or \`units.${name}.account\` (the role's ARN is built from it).`,
            });
        }
        if (typeof role.roleName !== "string") {
            problems.push({
                path: where,
                message: `unit \`${name}\` assumes a role without a \`roleName\``,
                fix: "add `roleName:` (the deployment role platform/organization creates is `edf-deployment`).",
            });
        }
        if (isRecord(unit.assumeRole) && isRecord(unit.assumeRole.externalId)) {
            problems.push(...externalIdProblems(unit.assumeRole.externalId, pointer("units", name, "assumeRole", "externalId"), injectors));
        }
    }
    return problems;
}

function externalIdProblems(input: Record<string, unknown>, path: string, injectors: Record<string, unknown>): SemanticProblem[] {
    const from = input.from;
    if ((from === "vault" || from === "consul") && !isRecord(injectors[from])) {
        return [
            {
                path: `${path}/from`,
                message: `the external id reads ${from === "vault" ? "Vault" : "Consul"}, but \`injectors.${from}\` is not configured`,
                fix: `configure \`injectors.${from}\`, or read the external id from an environment variable (\`{ from: env, name: … }\`).`,
            },
        ];
    }
    return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Regions and tags as AWS will judge them at deploy time. */
function awsProblems(spec: EnvironmentSpec): SemanticProblem[] {
    const problems: SemanticProblem[] = [];
    const regions: [string, unknown][] = [
        [pointer("region"), spec?.region],
        [pointer("backend", "region"), isRecord(spec?.backend) ? (spec.backend as { region?: unknown }).region : undefined],
    ];
    for (const [path, region] of regions) {
        const problem = typeof region === "string" ? regionProblem(region, "region") : undefined;
        if (problem) problems.push({ path, ...problem });
    }
    for (const [key, value] of Object.entries(isRecord(spec?.tags) ? spec.tags : {})) {
        for (const problem of tagProblems(key, value)) {
            problems.push({ path: pointer("tags", key), message: problem.message, fix: problem.fix });
        }
    }
    return problems;
}
