import { InventoryResource, redactSecrets, StackReport } from "../run/report/model";
import type { SynthResource } from "./capture";

/** The inventory entry of a captured resource. */
export function inventoryOf(r: SynthResource): InventoryResource {
    return {
        urn: r.urn,
        type: r.type,
        name: r.name,
        ...(r.id ? { id: r.id } : {}),
        ...(r.parent ? { parent: r.parent } : {}),
        ...(typeof r.provider === "string" ? { provider: r.provider } : {}),
        custom: r.custom,
        ...(r.read ? { read: true } : {}),
        ...(r.synthetic ? { synthetic: true } : {}),
        ...(r.options?.protect ? { protect: true } : {}),
        props: redactSecrets(r.props) as Record<string, unknown>,
    };
}

/** Resource counts of an inventory: the stack resource and default providers count as the engine counts them. */
export function countResources(resources: readonly SynthResource[]): StackReport["resourceCounts"] {
    const byType: Record<string, number> = {};
    for (const r of resources) byType[r.type] = (byType[r.type] ?? 0) + 1;
    return {
        total: resources.length,
        custom: resources.filter((r) => r.custom).length,
        components: resources.filter((r) => !r.custom).length,
        byType: Object.fromEntries(Object.entries(byType).sort(([a], [b]) => (a < b ? -1 : 1))),
    };
}
