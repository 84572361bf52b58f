import type { InventoryPackage } from "../model";
import { baseName, CatalogContext, Cataloger, MIB, origin } from "./cataloger";
import { purl } from "./purl";

/** npm's `license` field: a string, an object with `type`, or the old `licenses` array. */
function licensesOf(doc: { license?: unknown; licenses?: unknown }): string[] {
    const one = (l: unknown): string | undefined =>
        typeof l === "string" ? l : typeof (l as { type?: unknown })?.type === "string" ? (l as { type: string }).type : undefined;
    const list = Array.isArray(doc.licenses) ? doc.licenses.map(one) : [one(doc.license)];
    return list.filter((l): l is string => Boolean(l));
}

/**
 * Node packages: every `package.json` that names a package, in `node_modules` (installed
 * dependencies) and outside it (the application itself), as Syft's image cataloger reads them.
 */
export const nodeCataloger: Cataloger = {
    name: "javascript-package",
    keep: (record) => (baseName(record.path) === "package.json" ? 4 * MIB : 0),
    catalog(context: CatalogContext): InventoryPackage[] {
        const out: InventoryPackage[] = [];
        for (const [path, content] of context.fs.captured((p) => baseName(p) === "package.json")) {
            let doc: { name?: unknown; version?: unknown; license?: unknown; licenses?: unknown };
            try {
                doc = JSON.parse(content.toString("utf8")) as typeof doc;
            } catch {
                continue;
            }
            if (typeof doc !== "object" || doc === null || typeof doc.name !== "string" || !doc.name) continue;
            const version = typeof doc.version === "string" ? doc.version : "";
            const scoped = doc.name.startsWith("@") && doc.name.includes("/");
            const licenses = licensesOf(doc);
            out.push({
                name: doc.name,
                version,
                type: "npm",
                purl: purl(
                    "npm",
                    scoped ? doc.name.slice(0, doc.name.indexOf("/")) : undefined,
                    scoped ? doc.name.slice(doc.name.indexOf("/") + 1) : doc.name,
                    version,
                ),
                ...origin(context, path),
                ...(licenses.length ? { licenses } : {}),
                cataloger: "javascript-package",
            });
        }
        return out;
    },
};
