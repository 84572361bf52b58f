import { EdfError } from "../errors";
import { closestName } from "../../policy-packs/lib/names";
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
        const known = reasons.get(key);
        if (known) known.push(reason);
        else reasons.set(key, [reason]);
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

interface Adjacency {
    readonly dependencies: ReadonlyMap<string, readonly string[]>;
    readonly dependents: ReadonlyMap<string, readonly string[]>;
}

// Built once per graph: the graph is immutable, and a lookup per unit must not scan every edge.
const adjacencies = new WeakMap<StackGraph, Adjacency>();

function adjacencyOf(graph: StackGraph): Adjacency {
    let adjacency = adjacencies.get(graph);
    if (!adjacency) {
        const dependencies = new Map<string, string[]>();
        const dependents = new Map<string, string[]>();
        for (const edge of graph.edges) {
            (dependencies.get(edge.to) ?? dependencies.set(edge.to, []).get(edge.to)!).push(edge.from);
            (dependents.get(edge.from) ?? dependents.set(edge.from, []).get(edge.from)!).push(edge.to);
        }
        adjacency = { dependencies, dependents };
        adjacencies.set(graph, adjacency);
    }
    return adjacency;
}

/** Units that `unit` directly needs. */
export function dependenciesOf(graph: StackGraph, unit: string): string[] {
    return [...(adjacencyOf(graph).dependencies.get(unit) ?? [])];
}

/** Units that directly need `unit`. */
export function dependentsOf(graph: StackGraph, unit: string): string[] {
    return [...(adjacencyOf(graph).dependents.get(unit) ?? [])];
}

/** Returns one cycle as a closed path (`a → b → a`), or undefined. Iterative: a chain of 10,000 units is no deeper than one of 3. */
export function findCycle(graph: StackGraph): string[] | undefined {
    const { dependents } = adjacencyOf(graph);
    const state = new Map<string, "visiting" | "done">();
    for (const start of graph.units) {
        if (state.has(start)) continue;
        // The path being explored, each unit with the index of its next dependent to look at.
        const path: { unit: string; next: number }[] = [{ unit: start, next: 0 }];
        state.set(start, "visiting");
        while (path.length > 0) {
            const top = path[path.length - 1]!;
            const next = (dependents.get(top.unit) ?? [])[top.next++];
            if (next === undefined) {
                state.set(top.unit, "done");
                path.pop();
            } else if (state.get(next) === "visiting") {
                const units = path.map((p) => p.unit);
                return [...units.slice(units.indexOf(next)), next];
            } else if (!state.has(next)) {
                state.set(next, "visiting");
                path.push({ unit: next, next: 0 });
            }
        }
    }
    return undefined;
}

/** A topological order (dependencies first), stable with respect to spec order: of the units ready, the earliest in the spec goes first. */
export function topologicalOrder(graph: StackGraph, subset: readonly string[] = graph.units): string[] {
    const included = new Set(subset);
    const { dependencies, dependents } = adjacencyOf(graph);
    const position = new Map(graph.units.map((u, i) => [u, i]));
    const waiting = new Map<string, number>();
    const ready = new MinHeap();
    for (const unit of graph.units) {
        if (!included.has(unit)) continue;
        const count = (dependencies.get(unit) ?? []).filter((d) => included.has(d)).length;
        waiting.set(unit, count);
        if (count === 0) ready.push(position.get(unit)!);
    }
    const order: string[] = [];
    while (ready.size > 0) {
        const unit = graph.units[ready.pop()]!;
        order.push(unit);
        for (const dependent of dependents.get(unit) ?? []) {
            const count = waiting.get(dependent);
            if (count === undefined) continue;
            waiting.set(dependent, count - 1);
            if (count === 1) ready.push(position.get(dependent)!);
        }
    }
    if (order.length !== waiting.size) {
        throw new EdfError("EDF_INTERNAL", "topologicalOrder called on a graph with a cycle.");
    }
    return order;
}

/** The smallest of a set of numbers first (unit positions in the spec). */
class MinHeap {
    private readonly items: number[] = [];

    get size(): number {
        return this.items.length;
    }

    push(value: number): void {
        const items = this.items;
        items.push(value);
        for (let i = items.length - 1; i > 0;) {
            const parent = (i - 1) >> 1;
            if (items[parent]! <= items[i]!) break;
            [items[parent], items[i]] = [items[i]!, items[parent]!];
            i = parent;
        }
    }

    pop(): number {
        const items = this.items;
        const top = items[0]!;
        const last = items.pop()!;
        if (items.length > 0) {
            items[0] = last;
            for (let i = 0; ;) {
                const left = 2 * i + 1;
                const right = left + 1;
                let smallest = i;
                if (left < items.length && items[left]! < items[smallest]!) smallest = left;
                if (right < items.length && items[right]! < items[smallest]!) smallest = right;
                if (smallest === i) break;
                [items[smallest], items[i]] = [items[i]!, items[smallest]!];
                i = smallest;
            }
        }
        return top;
    }
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
    const known = new Set(graph.units);
    const unknown = options.only.filter((u) => !known.has(u));
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
        for (let i = 0; i < queue.length; i++) {
            for (const neighbour of next(queue[i]!)) {
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
