import { Edge, isDeclared, StackGraph } from "./graph";

/** What the renderers show besides the graph: each unit's program folder and target account. */
export interface GraphLabels {
    /** The unit's program folder, by unit. @default - none shown */
    readonly paths?: Readonly<Record<string, string>>;
    /** The AWS account each unit deploys into (units without one are drawn outside every account). @default - none */
    readonly accounts?: Readonly<Record<string, string | undefined>>;
}

/** A node id safe in Mermaid and DOT (unit names are `[a-z0-9-]`). */
function nodeId(unit: string): string {
    return unit.replace(/-/g, "_");
}

function label(unit: string, paths: Readonly<Record<string, string>>): string {
    return paths[unit] ? `${unit}\\n${paths[unit]}` : unit;
}

/**
 * An edge's label: the inputs that imply it and, marked `code:`, the stack references the
 * unit's code declares (inferred). A bare `dependsOn` needs no label.
 */
function edgeLabel(edge: Edge): string {
    const inferred = new Set(edge.inferred ?? []);
    const declared = edge.reasons.filter((r) => r !== "dependsOn" && !inferred.has(r));
    return [...declared, ...[...inferred].map((r) => `code: ${r}`)].join(", ");
}

/** The units of each account, accounts in order of first appearance; units with no account last, ungrouped. */
export function unitsPerAccount(
    graph: StackGraph,
    accounts: Readonly<Record<string, string | undefined>> = {},
): {
    readonly grouped: ReadonlyMap<string, readonly string[]>;
    readonly ungrouped: readonly string[];
} {
    const grouped = new Map<string, string[]>();
    const ungrouped: string[] = [];
    for (const unit of graph.units) {
        const account = accounts[unit];
        if (account === undefined) ungrouped.push(unit);
        else {
            const units = grouped.get(account);
            if (units) units.push(unit);
            else grouped.set(account, [unit]);
        }
    }
    return { grouped, ungrouped };
}

/**
 * Mermaid flowchart: dependencies point at the units that need them; each account is a subgraph.
 * An edge the spec states is a solid arrow; one only the units' code declares (a stack reference)
 * is dotted, labelled `code: …`.
 */
export function toMermaid(graph: StackGraph, labels: GraphLabels = {}): string {
    const lines = ["flowchart TD"];
    const node = (unit: string, indent: string): string =>
        `${indent}${nodeId(unit)}["${label(unit, labels.paths ?? {}).replace(/\\n/g, "<br/>")}"]`;
    const { grouped, ungrouped } = unitsPerAccount(graph, labels.accounts);
    for (const [account, units] of grouped) {
        lines.push(`    subgraph account_${account}["account ${account}"]`);
        for (const unit of units) lines.push(node(unit, "        "));
        lines.push("    end");
    }
    for (const unit of ungrouped) lines.push(node(unit, "    "));
    for (const edge of graph.edges) {
        const why = edgeLabel(edge);
        const arrow = isDeclared(edge) ? "-->" : "-.->";
        lines.push(`    ${nodeId(edge.from)} ${arrow}${why ? `|${why}|` : ""} ${nodeId(edge.to)}`);
    }
    return `${lines.join("\n")}\n`;
}

/** Graphviz DOT: dependencies point at the units that need them; each account is a cluster; edges only the code declares are dashed. */
export function toDot(graph: StackGraph, labels: GraphLabels = {}): string {
    const lines = ["digraph edf {", "    rankdir=TB;", "    node [shape=box];"];
    const node = (unit: string, indent: string): string => `${indent}"${unit}" [label="${label(unit, labels.paths ?? {})}"];`;
    const { grouped, ungrouped } = unitsPerAccount(graph, labels.accounts);
    for (const [account, units] of grouped) {
        lines.push(`    subgraph "cluster_${account}" {`, `        label="account ${account}";`);
        for (const unit of units) lines.push(node(unit, "        "));
        lines.push("    }");
    }
    for (const unit of ungrouped) lines.push(node(unit, "    "));
    for (const edge of graph.edges) {
        const why = edgeLabel(edge);
        const attributes = [...(why ? [`label="${why}"`] : []), ...(isDeclared(edge) ? [] : ["style=dashed"])];
        lines.push(`    "${edge.from}" -> "${edge.to}"${attributes.length ? ` [${attributes.join(", ")}]` : ""};`);
    }
    lines.push("}");
    return `${lines.join("\n")}\n`;
}
