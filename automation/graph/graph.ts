import { EdfError } from "../errors";
import { closestName } from "../spec/semantics";
import type { EnvironmentSpec } from "../spec/types";

/** Why one unit must come after another. */
export interface Edge {
    /** The unit deployed first. */
    readonly from: string;
    /** The unit that needs it. */
    readonly to: string;
    /** `dependsOn`, or `input <name>` for a stack-output input. */
    readonly reasons: readonly string[];
}

/** The stack graph of one environment: units in spec order and the edges between them. */
export interface StackGraph {
    readonly units: readonly string[];
    readonly edges: readonly Edge[];
}

/**
 * Builds the graph from declared dependencies and the dependencies implied by inputs
 * that read another stack's outputs. Throws `EDF_CYCLE` naming the cycle.
 */
export function buildGraph(spec: EnvironmentSpec): StackGraph {
    const reasons = new Map<string, string[]>();
    const add = (from: string, to: string, reason: string): void => {
        const key = `${from}\u0000${to}`;
        reasons.set(key, [...(reasons.get(key) ?? []), reason]);
    };
    for (const [name, unit] of Object.entries(spec.units)) {
        for (const dependency of unit.dependsOn ?? []) {
            add(dependency, name, "dependsOn");
        }
        for (const [inputName, input] of Object.entries(unit.inputs ?? {})) {
            if (input.from === "stack") {
                add(input.unit, name, `input ${inputName}`);
            }
        }
    }
    const edges = [...reasons.entries()].map(([key, why]) => {
        const [from, to] = key.split("\u0000") as [string, string];
        return { from, to, reasons: why };
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
                    "that read another stack's outputs are dependencies too).",
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
