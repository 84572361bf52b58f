import { GUARDRAIL_IDS, GUARDRAILS, MAX_SCPS_PER_TARGET } from "./guardrails/catalogue";

/** One organisational unit as the config declares it. */
export interface OrganizationalUnitConfig {
    /** The OU's name, unique in the tree (AWS allows repeats under different parents; EDF keys OUs by name). */
    readonly name: string;
    /** The parent OU's name. @default - the root */
    readonly parent?: string;
    /** Adopt an existing OU (`ou-…`) instead of creating one. @default - created */
    readonly id?: string;
    /**
     * Whether the OU holds workloads (it gets `deny-iam-users`; the pipeline checks the baseline on it).
     * @default - its parent's; false at the top
     */
    readonly workload?: boolean;
    /**
     * Guardrail ids attached to this OU directly.
     * @default - by level: the OU baseline on top-level OUs, `deny-iam-users` where workloads start
     */
    readonly guardrails?: readonly string[];
}

/** An OU with everything the program needs resolved. */
export interface PlannedUnit {
    readonly name: string;
    readonly parent: string | undefined;
    /** `Workloads/Prod`: the names from the top. */
    readonly path: string;
    readonly id: string | undefined;
    readonly workload: boolean;
    readonly guardrails: readonly string[];
}

/** The tree AWS's own multi-account guidance starts from; what `organizationalUnits` defaults to. */
export const DEFAULT_ORGANIZATIONAL_UNITS: readonly OrganizationalUnitConfig[] = [
    { name: "Security" },
    { name: "Infrastructure" },
    { name: "Workloads", workload: true },
    { name: "Prod", parent: "Workloads" },
    { name: "NonProd", parent: "Workloads" },
    { name: "Sandbox" },
    { name: "Suspended" },
];

/** Guardrails attached at the root unless `rootGuardrails` says otherwise. */
export const DEFAULT_ROOT_GUARDRAILS: readonly string[] = GUARDRAILS.filter((g) => g.level === "root").map((g) => g.id);

const OU_NAME = /^[\w +=,.@-]{1,128}$/;
const OU_ID = /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;

/**
 * Every problem with an OU list, as sentences naming `organizationalUnits[i]` and the fix; empty when
 * the tree is sound: names unique and well formed, parents known, no cycle, guardrails known, and no
 * target with more SCPs than AWS Organizations attaches. Pure.
 */
export function organizationalUnitProblems(units: unknown, rootGuardrails: readonly string[] = DEFAULT_ROOT_GUARDRAILS): string[] {
    if (!Array.isArray(units) || units.length === 0) {
        return ['`organizationalUnits` must be a non-empty list such as `[{"name": "Workloads", "workload": true}]`.'];
    }
    const problems: string[] = [];
    const names = new Map<string, number>();
    units.forEach((raw, i) => {
        const where = `\`organizationalUnits[${i}]\``;
        if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
            problems.push(`${where} must be an object such as \`{"name": "Workloads"}\`.`);
            return;
        }
        const ou = raw as Record<string, unknown>;
        if (typeof ou.name !== "string" || !OU_NAME.test(ou.name)) {
            problems.push(`${where}.name must be 1–128 letters, digits, spaces or \`_+=,.@-\` (no \`/\`: paths are built with it).`);
        } else if (names.has(ou.name)) {
            problems.push(
                `${where}.name \`${ou.name}\` is already the name of \`organizationalUnits[${names.get(ou.name)}]\`: OU names must be unique.`,
            );
        } else names.set(ou.name, i);
        if (ou.id !== undefined && (typeof ou.id !== "string" || !OU_ID.test(ou.id))) {
            problems.push(`${where}.id must be an OU id such as \`ou-ab12-cd34ef56\` (the OU to adopt), or be left out to create it.`);
        }
        if (ou.workload !== undefined && typeof ou.workload !== "boolean")
            problems.push(`${where}.workload must be \`true\` or \`false\`.`);
        if (ou.guardrails !== undefined) problems.push(...guardrailListProblems(ou.guardrails, `${where}.guardrails`));
    });
    units.forEach((raw, i) => {
        const parent = (raw as { parent?: unknown } | null)?.parent;
        if (parent === undefined || raw === null) return;
        if (typeof parent !== "string" || !names.has(parent)) {
            problems.push(
                `\`organizationalUnits[${i}]\`.parent \`${String(parent)}\` is not an OU of the list: ` +
                    `name one of ${[...names.keys()].map((n) => `\`${n}\``).join(", ")}, or leave it out for the root.`,
            );
        }
    });
    const cycle = findParentCycle(units as OrganizationalUnitConfig[]);
    if (cycle) problems.push(`\`organizationalUnits\` has a cycle of parents: ${cycle.join(" → ")}: one of them must hang from the root.`);
    problems.push(...guardrailListProblems(rootGuardrails, "`rootGuardrails`"));
    if (problems.length === 0) {
        const over = planOrganizationalUnits(units as OrganizationalUnitConfig[]).filter(
            (u) => u.guardrails.length > MAX_SCPS_PER_TARGET - 1,
        );
        for (const u of over) {
            problems.push(
                `OU \`${u.path}\` would carry ${u.guardrails.length} guardrails, but AWS Organizations attaches at most ` +
                    `${MAX_SCPS_PER_TARGET} SCPs to a target, \`FullAWSAccess\` included: attach some to its parent or the root.`,
            );
        }
        if (rootGuardrails.length > MAX_SCPS_PER_TARGET - 1) {
            problems.push(
                `\`rootGuardrails\` lists ${rootGuardrails.length} guardrails; the root takes at most ${MAX_SCPS_PER_TARGET - 1} besides \`FullAWSAccess\`.`,
            );
        }
    }
    return problems;
}

function guardrailListProblems(list: unknown, where: string): string[] {
    if (!Array.isArray(list) || !list.every((g) => typeof g === "string")) return [`${where} must be a list of guardrail ids.`];
    return (list as string[])
        .filter((g) => !GUARDRAIL_IDS.includes(g))
        .map((g) => `${where} names \`${g}\`, which is not a guardrail: use ${GUARDRAIL_IDS.map((id) => `\`${id}\``).join(", ")}.`);
}

/** One cycle among the parents (`A → B → A`), or undefined. */
export function findParentCycle(units: readonly OrganizationalUnitConfig[]): string[] | undefined {
    const parentOf = new Map(units.filter((u) => typeof u?.name === "string").map((u) => [u.name, u.parent]));
    for (const start of parentOf.keys()) {
        const seen: string[] = [];
        let current: string | undefined = start;
        while (current !== undefined && parentOf.has(current) && !seen.includes(current)) {
            seen.push(current);
            current = parentOf.get(current);
        }
        if (current !== undefined && seen.includes(current)) {
            const cycle = seen.slice(seen.indexOf(current));
            // Each cycle is reached from several starts: report it from its smallest name, so the message is stable.
            const first = [...cycle].sort()[0]!;
            const rotated = [...cycle.slice(cycle.indexOf(first)), ...cycle.slice(0, cycle.indexOf(first))];
            return [...rotated, first];
        }
    }
    return undefined;
}

/**
 * The OUs in creation order (parents first) with paths, workload flags and the guardrails each
 * carries directly. Call only on a tree without problems.
 */
export function planOrganizationalUnits(units: readonly OrganizationalUnitConfig[]): PlannedUnit[] {
    const byName = new Map(units.map((u) => [u.name, u]));
    const planned = new Map<string, PlannedUnit>();
    const plan = (unit: OrganizationalUnitConfig): PlannedUnit => {
        const done = planned.get(unit.name);
        if (done) return done;
        const parent = unit.parent === undefined ? undefined : plan(byName.get(unit.parent)!);
        const workload = unit.workload ?? parent?.workload ?? false;
        const startsWorkloads = workload && !(parent?.workload ?? false);
        const defaults = GUARDRAILS.filter(
            (g) => (g.level === "ou" && parent === undefined) || (g.level === "workload" && startsWorkloads),
        ).map((g) => g.id);
        const result: PlannedUnit = {
            name: unit.name,
            parent: unit.parent,
            path: parent ? `${parent.path}/${unit.name}` : unit.name,
            id: unit.id,
            workload,
            guardrails: unit.guardrails ?? defaults,
        };
        planned.set(unit.name, result);
        return result;
    };
    // Parents first, in config order otherwise.
    const order: PlannedUnit[] = [];
    for (const unit of units) {
        const chain: PlannedUnit[] = [];
        for (let u: PlannedUnit | undefined = plan(unit); u; u = u.parent ? planned.get(u.parent) : undefined) chain.unshift(u);
        for (const u of chain) if (!order.includes(u)) order.push(u);
    }
    return order;
}

/** The guardrails that reach an OU: the root's, its ancestors' and its own. */
export function effectiveGuardrails(unit: PlannedUnit, all: readonly PlannedUnit[], rootGuardrails: readonly string[]): string[] {
    const byName = new Map(all.map((u) => [u.name, u]));
    const out = new Set(rootGuardrails);
    for (let u: PlannedUnit | undefined = unit; u; u = u.parent ? byName.get(u.parent) : undefined)
        for (const g of u.guardrails) out.add(g);
    return GUARDRAIL_IDS.filter((g) => out.has(g));
}
