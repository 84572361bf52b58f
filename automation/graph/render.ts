import type { StackGraph } from "./graph";

/** A node id safe in Mermaid and DOT (unit names are `[a-z0-9-]`). */
function nodeId(unit: string): string {
    return unit.replace(/-/g, "_");
}

function label(unit: string, paths: Readonly<Record<string, string>>): string {
    return paths[unit] ? `${unit}\\n${paths[unit]}` : unit;
}

/** Mermaid flowchart: dependencies point at the units that need them. */
export function toMermaid(graph: StackGraph, paths: Readonly<Record<string, string>> = {}): string {
    const lines = ["flowchart TD"];
    for (const unit of graph.units) {
        lines.push(`    ${nodeId(unit)}["${label(unit, paths).replace(/\\n/g, "<br/>")}"]`);
    }
    for (const edge of graph.edges) {
        const why = edge.reasons.filter((r) => r !== "dependsOn");
        lines.push(`    ${nodeId(edge.from)} -->${why.length ? `|${why.join(", ")}|` : ""} ${nodeId(edge.to)}`);
    }
    return `${lines.join("\n")}\n`;
}

/** Graphviz DOT: dependencies point at the units that need them. */
export function toDot(graph: StackGraph, paths: Readonly<Record<string, string>> = {}): string {
    const lines = ["digraph edf {", "    rankdir=TB;", "    node [shape=box];"];
    for (const unit of graph.units) {
        lines.push(`    "${unit}" [label="${label(unit, paths)}"];`);
    }
    for (const edge of graph.edges) {
        const why = edge.reasons.filter((r) => r !== "dependsOn");
        lines.push(`    "${edge.from}" -> "${edge.to}"${why.length ? ` [label="${why.join(", ")}"]` : ""};`);
    }
    lines.push("}");
    return `${lines.join("\n")}\n`;
}
