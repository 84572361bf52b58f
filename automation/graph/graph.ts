import { EdfError, Problem } from "../errors";
import { pointer } from "../spec/yaml-lines";
import { inferReferences } from "./inferred";
import { closestName } from "../spec/semantics";
import type { EnvironmentSpec } from "../spec/types";

/** Why one unit must come after another. */
export interface Edge {
    /** The unit deployed first. */
    readonly from: string;
    /** The unit that needs it. */
    readonly to: string;
    /**
     * Why: `dependsOn` or `input <name>` (declared in the spec), or the SDK config that names the
     * stack the unit's code reads (`landingZone.stacks.<part>`, `stackReferences.<name>`: inferred).
     */
    readonly reasons: readonly string[];
    /** The reasons inferred from what the unit's code reads (a subset of `reasons`); absent when there are none. */
    readonly inferred?: readonly string[];
}

/** Whether the spec states an edge itself (not only the code's stack references). */
export function isDeclared(edge: Edge): boolean {
    return edge.reasons.length > (edge.inferred?.length ?? 0);
}

/** The stack graph of one environment: units in spec order and the edges between them. */
export interface StackGraph {
    readonly units: readonly string[];
    readonly edges: readonly Edge[];
}

/** An edge reason and where the spec states it. */
interface Cause {
    readonly from: string;
    readonly to: string;
    readonly reason: string;
    readonly path: string;
    readonly inferred: boolean;
}

/**
 * Builds the graph from declared dependencies, the dependencies implied by inputs that read
 * another stack's outputs, and the stack references the units' code declares through the SDK
 * (graph/inferred.ts). Throws `EDF_SPEC_INVALID` for a reference that cannot be right — above
 * all a declared edge the code contradicts, naming both places — and `EDF_CYCLE` naming a cycle.
 * `lineOf` puts line numbers into messages that name a second place.
 */
export function buildGraph(spec: EnvironmentSpec, lineOf: (path: string) => number | undefined = () => undefined): StackGraph {
    const causes: Cause[] = [];
    for (const [name, unit] of Object.entries(spec.units)) {
        (unit.dependsOn ?? []).forEach((dependency, index) =>
            causes.push({
                from: dependency,
                to: name,
                reason: "dependsOn",
                path: pointer("units", name, "dependsOn", index),
                inferred: false,
            }),
        );
        for (const [inputName, input] of Object.entries(unit.inputs ?? {})) {
            if (input.from === "stack") {
                const path = pointer("units", name, "inputs", inputName);
                causes.push({ from: input.unit, to: name, reason: `input ${inputName}`, path, inferred: false });
            }
        }
    }
    const inferred = inferReferences(spec);
    for (const r of inferred.references) {
        causes.push({ from: r.target, to: r.unit, reason: r.reference.via, path: r.path, inferred: true });
    }
    const problems: Problem[] = inferred.problems.map((p) => ({ ...p }));
    const at = (path: string): string => {
        const line = lineOf(path);
        return line ? `\`${path}\` (line ${line})` : `\`${path}\``;
    };
    for (const code of causes.filter((c) => c.inferred)) {
        for (const stated of causes.filter((c) => !c.inferred && c.from === code.to && c.to === code.from)) {
            problems.push({
                path: stated.path,
                message:
                    `the spec puts \`${stated.to}\` after \`${stated.from}\` (\`${stated.reason}\` at ${at(stated.path)}), but ` +
                    `\`${code.to}\`'s code reads \`${code.from}\`'s stack (\`${code.reason}\` at ${at(code.path)}): ` +
                    `\`${code.from}\` must be deployed first`,
                fix:
                    `remove the \`${stated.reason}\` that makes \`${stated.to}\` wait for \`${stated.from}\`, or stop ` +
                    `\`${code.to}\` reading \`${code.from}\`'s stack.`,
            });
        }
    }
    if (problems.length > 0) {
        throw new EdfError(
            "EDF_SPEC_INVALID",
            `The stack references of \`${spec.environment}\` contradict the spec: ${problems.length} problem(s).`,
            problems,
        );
    }
    const byEdge = new Map<string, { reasons: string[]; inferred: string[] }>();
    for (const cause of causes) {
        const key = `${cause.from}\u0000${cause.to}`;
        const entry = byEdge.get(key) ?? byEdge.set(key, { reasons: [], inferred: [] }).get(key)!;
        entry.reasons.push(cause.reason);
        if (cause.inferred) entry.inferred.push(cause.reason);
    }
    const edges = [...byEdge.entries()].map(([key, why]) => {
        const [from, to] = key.split("\u0000") as [string, string];
        return { from, to, reasons: why.reasons, ...(why.inferred.length ? { inferred: why.inferred } : {}) };
    });
    const graph = { units: Object.keys(spec.units), edges };
    const cycle = findCycle(graph);
    if (cycle) {
        throw new EdfError("EDF_CYCLE", `The stack graph has a cycle: ${cycle.join(" → ")}.`, [
            {
                path: "/units",
                message: `dependency cycle ${cycle.join(" → ")}`,
                fix:
                    "remove one `dependsOn` entry or stack input on this cycle (inputs " +
                    "that read another stack's outputs are dependencies too, and so are the stacks a unit's " +
                    "`landingZone.stacks` and `stackReferences` name).",
            },
        ]);
    }
    return graph;
}

/** Units that `unit` directly needs. */
export function dependenciesOf(graph: StackGraph, unit: string): string[] {
    return graph.edges.filter((e) => e.to === unit).map((e) => e.from);
}

/** Units that directly need `unit`. */
export function dependentsOf(graph: StackGraph, unit: string): string[] {
    return graph.edges.filter((e) => e.from === unit).map((e) => e.to);
}

/** Returns one cycle as a closed path (`a → b → a`), or undefined. */
export function findCycle(graph: StackGraph): string[] | undefined {
    const state = new Map<string, "visiting" | "done">();
    const stack: string[] = [];
    const visit = (unit: string): string[] | undefined => {
        state.set(unit, "visiting");
        stack.push(unit);
        for (const next of dependentsOf(graph, unit)) {
            if (state.get(next) === "visiting") {
                return [...stack.slice(stack.indexOf(next)), next];
            }
            if (!state.has(next)) {
                const found = visit(next);
                if (found) {
                    return found;
                }
            }
        }
        stack.pop();
        state.set(unit, "done");
        return undefined;
    };
    for (const unit of graph.units) {
        if (!state.has(unit)) {
            const found = visit(unit);
            if (found) {
                return found;
            }
        }
    }
    return undefined;
}

/** A topological order (dependencies first), stable with respect to spec order. */
export function topologicalOrder(graph: StackGraph, subset: readonly string[] = graph.units): string[] {
    const included = new Set(subset);
    const remaining = new Map(
        graph.units.filter((u) => included.has(u)).map((u) => [u, dependenciesOf(graph, u).filter((d) => included.has(d)).length]),
    );
    const order: string[] = [];
    while (remaining.size > 0) {
        const ready = [...remaining.entries()].find(([, count]) => count === 0)?.[0];
        if (ready === undefined) {
            throw new EdfError("EDF_INTERNAL", "topologicalOrder called on a graph with a cycle.");
        }
        remaining.delete(ready);
        order.push(ready);
        for (const dependent of dependentsOf(graph, ready)) {
            const count = remaining.get(dependent);
            if (count !== undefined) {
                remaining.set(dependent, count - 1);
            }
        }
    }
    return order;
}

/** How `--only` widens a selection. */
export interface SelectionOptions {
    readonly only?: readonly string[];
    readonly withDependencies?: boolean;
    readonly withDependents?: boolean;
}

/**
 * The units a command runs on: all of them, or `--only` units plus (optionally) their
 * transitive dependencies and/or dependents. Unknown names are an `EDF_SELECTION_INVALID`.
 */
export function selectUnits(graph: StackGraph, options: SelectionOptions): string[] {
    if (!options.only || options.only.length === 0) {
        return [...graph.units];
    }
    const unknown = options.only.filter((u) => !graph.units.includes(u));
    if (unknown.length > 0) {
        throw new EdfError(
            "EDF_SELECTION_INVALID",
            `\`--only\` names unknown unit(s): ${unknown.map((u) => `\`${u}\``).join(", ")}.`,
            unknown.map((u) => {
                const suggestion = closestName(u, graph.units);
                return {
                    path: "--only",
                    message: `no unit \`${u}\` in this environment`,
                    fix: suggestion ? `did you mean \`${suggestion}\`?` : `use one of: ${graph.units.map((n) => `\`${n}\``).join(", ")}.`,
                };
            }),
        );
    }
    const selected = new Set(options.only);
    const widen = (next: (unit: string) => string[]): void => {
        const queue = [...options.only!];
        const seen = new Set(queue);
        while (queue.length > 0) {
            for (const neighbour of next(queue.shift()!)) {
                if (!seen.has(neighbour)) {
                    seen.add(neighbour);
                    queue.push(neighbour);
                    selected.add(neighbour);
                }
            }
        }
    };
    if (options.withDependencies) {
        widen((u) => dependenciesOf(graph, u));
    }
    if (options.withDependents) {
        widen((u) => dependentsOf(graph, u));
    }
    return graph.units.filter((u) => selected.has(u));
}
