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
    /** Where, as JSON pointer segments: the pointer is built only for a message (10,000 units need none). */
    readonly at: readonly (string | number)[] | string;
    readonly inferred: boolean;
}

function pathOf(cause: Cause): string {
    return typeof cause.at === "string" ? cause.at : pointer(...cause.at);
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
                at: ["units", name, "dependsOn", index],
                inferred: false,
            }),
        );
        for (const [inputName, input] of Object.entries(unit.inputs ?? {})) {
            if (input.from === "stack") {
                const at = ["units", name, "inputs", inputName];
                causes.push({ from: input.unit, to: name, reason: `input ${inputName}`, at, inferred: false });
            }
        }
    }
    const inferred = inferReferences(spec);
    for (const r of inferred.references) {
        causes.push({ from: r.target, to: r.unit, reason: r.reference.via, at: r.path, inferred: true });
    }
    const problems: Problem[] = inferred.problems.map((p) => ({ ...p }));
    const at = (path: string): string => {
        const line = lineOf(path);
        return line ? `\`${path}\` (line ${line})` : `\`${path}\``;
    };
    // The causes the spec states, by edge: each inferred cause looks up only the stated edge that
    // runs the other way, so the check is linear in the causes, not their product.
    const stated = new Map<string, Cause[]>();
    for (const cause of inferred.references.length > 0 ? causes : []) {
        if (cause.inferred) continue;
        const key = edgeKey(cause.from, cause.to);
        const known = stated.get(key);
        if (known) known.push(cause);
        else stated.set(key, [cause]);
    }
    for (const code of causes) {
        if (!code.inferred) continue;
        for (const contrary of stated.get(edgeKey(code.to, code.from)) ?? []) {
            problems.push({
                path: pathOf(contrary),
                message:
                    `the spec puts \`${contrary.to}\` after \`${contrary.from}\` (\`${contrary.reason}\` at ${at(pathOf(contrary))}), but ` +
                    `\`${code.to}\`'s code reads \`${code.from}\`'s stack (\`${code.reason}\` at ${at(pathOf(code))}): ` +
                    `\`${code.from}\` must be deployed first`,
                fix:
                    `remove the \`${contrary.reason}\` that makes \`${contrary.to}\` wait for \`${contrary.from}\`, or stop ` +
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
    const byEdge = new Map<string, { from: string; to: string; reasons: string[]; inferred: string[] }>();
    for (const cause of causes) {
        const key = edgeKey(cause.from, cause.to);
        let entry = byEdge.get(key);
        if (!entry) byEdge.set(key, (entry = { from: cause.from, to: cause.to, reasons: [], inferred: [] }));
        entry.reasons.push(cause.reason);
        if (cause.inferred) entry.inferred.push(cause.reason);
    }
    const edges = [...byEdge.values()].map(({ from, to, reasons, inferred: fromCode }) => ({
        from,
        to,
        reasons,
        ...(fromCode.length ? { inferred: fromCode } : {}),
    }));
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

function edgeKey(from: string, to: string): string {
    return `${from}\u0000${to}`;
}

interface Adjacency {
    /** The edge count the lists were built from: a graph whose edges array grew is indexed again. */
    readonly edgeCount: number;
    readonly dependencies: ReadonlyMap<string, readonly string[]>;
    readonly dependents: ReadonlyMap<string, readonly string[]>;
}

// Built once per edge list: a lookup per unit must not scan every edge (that made a walk over
// 10,000 units quadratic). Keyed by the edges array, so a graph copied with new edges gets its own.
const adjacencies = new WeakMap<readonly Edge[], Adjacency>();

function adjacencyOf(graph: StackGraph): Adjacency {
    const cached = adjacencies.get(graph.edges);
    if (cached && cached.edgeCount === graph.edges.length) return cached;
    const dependencies = new Map<string, string[]>();
    const dependents = new Map<string, string[]>();
    for (const edge of graph.edges) {
        const before = dependencies.get(edge.to);
        if (before) before.push(edge.from);
        else dependencies.set(edge.to, [edge.from]);
        const after = dependents.get(edge.from);
        if (after) after.push(edge.to);
        else dependents.set(edge.from, [edge.to]);
    }
    const adjacency = { edgeCount: graph.edges.length, dependencies, dependents };
    adjacencies.set(graph.edges, adjacency);
    return adjacency;
}

/** Units that `unit` directly needs. */
export function dependenciesOf(graph: StackGraph, unit: string): string[] {
    return [...(adjacencyOf(graph).dependencies.get(unit) ?? [])];
}

/** Every unit `unit` needs, however far up: the nearest first, each once. */
export function upstreamOf(graph: StackGraph, unit: string): string[] {
    const queue = dependenciesOf(graph, unit);
    const seen = new Set(queue);
    for (let i = 0; i < queue.length; i++) {
        for (const upstream of dependenciesOf(graph, queue[i]!)) {
            if (!seen.has(upstream)) {
                seen.add(upstream);
                queue.push(upstream);
            }
        }
    }
    return queue;
}

/** Units that directly need `unit`. */
export function dependentsOf(graph: StackGraph, unit: string): string[] {
    return [...(adjacencyOf(graph).dependents.get(unit) ?? [])];
}

/**
 * Returns one cycle as a closed path (`a → b → a`), or undefined. A depth-first walk kept on an
 * explicit path rather than the call stack: a chain of 10,000 units is no deeper than one of 3.
 */
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

/**
 * A topological order (dependencies first), stable with respect to spec order: of the units
 * ready, the earliest in the spec goes first (kept in a heap of spec positions).
 */
export function topologicalOrder(graph: StackGraph, subset: readonly string[] = graph.units): string[] {
    const included = new Set(subset);
    const { dependencies, dependents } = adjacencyOf(graph);
    const position = new Map<string, number>();
    const waiting = new Map<string, number>();
    const ready = new MinHeap();
    graph.units.forEach((unit, index) => {
        position.set(unit, index);
        if (!included.has(unit)) return;
        const count = (dependencies.get(unit) ?? []).filter((d) => included.has(d)).length;
        waiting.set(unit, count);
        if (count === 0) ready.push(index);
    });
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
