import type { Edge } from "../../graph/graph";
import type { ReportStackStatus } from "./model";

/** A node of the drawn graph. */
export interface GraphNode {
    readonly unit: string;
    readonly label: string;
    /** Colours the node: the stack's status, or `drifted` for a stack `edf drift` found drifted. */
    readonly status: ReportStackStatus | "drifted";
    /** Second line under the name (counts). */
    readonly detail: string;
}

export interface PlacedNode extends GraphNode {
    readonly x: number;
    readonly y: number;
    readonly layer: number;
}

export const NODE_WIDTH = 214;
export const NODE_HEIGHT = 56;
const GAP_X = 36;
const GAP_Y = 70;
const ROW_GAP = 24;
const MARGIN = 20;
/** A layer wider than this wraps onto several rows (100 services stay readable). */
export const MAX_PER_ROW = 6;

/**
 * Places units in layers by longest path from a root (dependencies above the units that need
 * them), ordering each layer by the mean position of its dependencies to keep edges short, and
 * wrapping wide layers onto rows. Pure and deterministic: same graph, same picture.
 */
export function layoutGraph(nodes: readonly GraphNode[], edges: readonly Edge[]): { nodes: PlacedNode[]; width: number; height: number } {
    const depsOf = new Map<string, string[]>(nodes.map((n) => [n.unit, []]));
    for (const e of edges) depsOf.get(e.to)?.push(e.from);
    const layer = new Map<string, number>();
    const layerOf = (unit: string, seen: Set<string> = new Set()): number => {
        const known = layer.get(unit);
        if (known !== undefined) return known;
        if (seen.has(unit)) return 0; // cycles are rejected before synth; stay safe anyway
        seen.add(unit);
        const deps = (depsOf.get(unit) ?? []).filter((d) => depsOf.has(d));
        const value = deps.length === 0 ? 0 : 1 + Math.max(...deps.map((d) => layerOf(d, seen)));
        layer.set(unit, value);
        return value;
    };
    nodes.forEach((n) => layerOf(n.unit));
    const layers: GraphNode[][] = [];
    for (const n of nodes) (layers[layer.get(n.unit)!] ??= []).push(n);

    const column = new Map<string, number>();
    const placed: PlacedNode[] = [];
    let y = MARGIN;
    let width = 0;
    layers.forEach((members, index) => {
        const ordered = index === 0 ? members : [...members].sort((a, b) => barycenter(a) - barycenter(b) || (a.unit < b.unit ? -1 : 1));
        for (let start = 0; start < ordered.length; start += MAX_PER_ROW) {
            const row = ordered.slice(start, start + MAX_PER_ROW);
            row.forEach((n, i) => {
                column.set(n.unit, start + i);
                placed.push({ ...n, layer: index, x: MARGIN + i * (NODE_WIDTH + GAP_X), y });
            });
            width = Math.max(width, MARGIN * 2 + row.length * NODE_WIDTH + (row.length - 1) * GAP_X);
            y += NODE_HEIGHT + (start + MAX_PER_ROW < ordered.length ? ROW_GAP : GAP_Y);
        }
    });
    function barycenter(n: GraphNode): number {
        const cols = (depsOf.get(n.unit) ?? []).map((d) => column.get(d)).filter((c): c is number => c !== undefined);
        return cols.length ? cols.reduce((a, b) => a + b, 0) / cols.length : 0;
    }
    // Center narrower rows under the widest one.
    const rows = new Map<number, PlacedNode[]>();
    for (const p of placed) (rows.get(p.y) ?? rows.set(p.y, []).get(p.y)!).push(p);
    const centered = placed.map((p) => {
        const row = rows.get(p.y)!;
        const rowWidth = row.length * NODE_WIDTH + (row.length - 1) * GAP_X;
        return { ...p, x: p.x + Math.floor((width - MARGIN * 2 - rowWidth) / 2) };
    });
    return { nodes: centered, width: Math.max(width, NODE_WIDTH + MARGIN * 2), height: y - GAP_Y + MARGIN };
}

function escapeXml(text: string): string {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function fit(text: string, max: number): string {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The stack graph as an inline SVG: boxes coloured by status, arrows from a dependency to the unit that needs it. */
export function renderGraphSvg(nodes: readonly GraphNode[], edges: readonly Edge[]): string {
    const layout = layoutGraph(nodes, edges);
    const at = new Map(layout.nodes.map((n) => [n.unit, n]));
    const paths = edges
        .filter((e) => at.has(e.from) && at.has(e.to))
        .map((e) => {
            const a = at.get(e.from)!;
            const b = at.get(e.to)!;
            const x1 = a.x + NODE_WIDTH / 2;
            const y1 = a.y + NODE_HEIGHT;
            const x2 = b.x + NODE_WIDTH / 2;
            const y2 = b.y - 2;
            const bend = Math.max(24, (y2 - y1) / 2);
            const inferred = new Set(e.inferred ?? []);
            const inputs = e.reasons.filter((r) => r !== "dependsOn" && !inferred.has(r));
            const codeOnly = inferred.size > 0 && inferred.size === e.reasons.length;
            const title = `${e.from} → ${e.to}: ${e.reasons.map((r) => (inferred.has(r) ? `code: ${r}` : r)).join(", ")}`;
            return (
                `<path class="edge${inputs.length ? " edge-input" : ""}${codeOnly ? " edge-inferred" : ""}" ` +
                `data-from="${escapeXml(e.from)}" data-to="${escapeXml(e.to)}" ` +
                `d="M${x1},${y1} C${x1},${y1 + bend} ${x2},${y2 - bend} ${x2},${y2}" marker-end="url(#arrow)"><title>${escapeXml(title)}</title></path>`
            );
        });
    const boxes = layout.nodes.map(
        (n) =>
            `<g class="node status-${n.status}" ` +
            `data-stack-unit="${escapeXml(n.unit)}" tabindex="0" role="button" ` +
            `aria-label="${escapeXml(`${n.unit}: ${n.status}, ${n.detail}`)}" transform="translate(${n.x},${n.y})">` +
            `<title>${escapeXml(`${n.label} — ${n.status} — ${n.detail}`)}</title>` +
            `<rect width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="8"/>` +
            `<circle class="dot" cx="16" cy="19" r="5"/>` +
            `<text class="name" x="28" y="23">${escapeXml(fit(n.unit, 24))}</text>` +
            `<text class="detail" x="12" y="43">${escapeXml(fit(n.detail, 34))}</text>` +
            `</g>`,
    );
    return [
        `<svg class="graph" role="img" aria-label="Stack graph" ` +
            `width="${layout.width}" height="${layout.height}" viewBox="0 0 ` +
            `${layout.width} ${layout.height}">`,
        `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" ` +
            `markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path ` +
            `d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker></defs>`,
        ...paths,
        ...boxes,
        `</svg>`,
    ].join("\n");
}
