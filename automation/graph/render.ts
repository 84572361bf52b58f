import { Edge, isDeclared, StackGraph } from "./graph";

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

/**
 * Mermaid flowchart: dependencies point at the units that need them. An edge the spec states
 * is a solid arrow; one only the units' code declares (a stack reference) is dotted, labelled `code: …`.
 */
export function toMermaid(graph: StackGraph, paths: Readonly<Record<string, string>> = {}): string {
    const lines = ["flowchart TD"];
    for (const unit of graph.units) {
        lines.push(`    ${nodeId(unit)}["${label(unit, paths).replace(/\\n/g, "<br/>")}"]`);
    }
    for (const edge of graph.edges) {
        const why = edgeLabel(edge);
        const arrow = isDeclared(edge) ? "-->" : "-.->";
        lines.push(`    ${nodeId(edge.from)} ${arrow}${why ? `|${why}|` : ""} ${nodeId(edge.to)}`);
    }
    return `${lines.join("\n")}\n`;
}

/** Graphviz DOT: dependencies point at the units that need them; edges only the code declares are dashed. */
export function toDot(graph: StackGraph, paths: Readonly<Record<string, string>> = {}): string {
    const lines = ["digraph edf {", "    rankdir=TB;", "    node [shape=box];"];
    for (const unit of graph.units) {
        lines.push(`    "${unit}" [label="${label(unit, paths)}"];`);
    }
    for (const edge of graph.edges) {
        const why = edgeLabel(edge);
        const attributes = [...(why ? [`label="${why}"`] : []), ...(isDeclared(edge) ? [] : ["style=dashed"])];
        lines.push(`    "${edge.from}" -> "${edge.to}"${attributes.length ? ` [${attributes.join(", ")}]` : ""};`);
    }
    lines.push("}");
    return `${lines.join("\n")}\n`;
}
