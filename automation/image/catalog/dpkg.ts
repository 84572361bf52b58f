import type { InventoryPackage } from "../model";
import { baseName, CatalogContext, Cataloger, MIB, origin } from "./cataloger";
import { parseParagraphs } from "./control-file";
import { distroQualifier, purl } from "./purl";

const STATUS = /(^|\/)var\/lib\/dpkg\/status$/;
const STATUS_D = /(^|\/)var\/lib\/dpkg\/status\.d\/[^/]+$/;

/** dpkg `Source: name (version)` → name and version. */
function sourceOf(source: string | undefined): { name?: string; version?: string } {
    const m = /^(\S+)(?:\s+\((\S+)\))?/.exec(source ?? "");
    return m ? { name: m[1], ...(m[2] ? { version: m[2] } : {}) } : {};
}

/**
 * Debian's package database: `/var/lib/dpkg/status`, and distroless images' one file per
 * package under `/var/lib/dpkg/status.d/` (their `.md5sums` files are not records). Packages
 * removed but not purged (`deinstall`) are not installed and are left out, as dpkg itself does.
 */
export const dpkgCataloger: Cataloger = {
    name: "dpkg-db",
    keep: (record) => (STATUS.test(record.path) || (STATUS_D.test(record.path) && !baseName(record.path).includes(".")) ? 64 * MIB : 0),
    catalog(context: CatalogContext): InventoryPackage[] {
        const out: InventoryPackage[] = [];
        for (const [path, content] of context.fs.captured((p) => STATUS.test(p) || (STATUS_D.test(p) && !baseName(p).includes(".")))) {
            for (const p of parseParagraphs(content.toString("utf8"))) {
                const name = p.Package;
                if (!name || !p.Version || (p.Status ?? "").includes("deinstall")) continue;
                const source = sourceOf(p.Source);
                const arch = p.Architecture;
                const upstream = source.name ? (source.version ? `${source.name}@${source.version}` : source.name) : undefined;
                out.push({
                    name,
                    version: p.Version,
                    type: "deb",
                    purl: purl("deb", context.os?.id ?? "debian", name, p.Version, {
                        arch,
                        upstream,
                        distro: distroQualifier(context.os),
                    }),
                    ...origin(context, path),
                    ...(arch ? { arch } : {}),
                    ...(source.name ? { source: source.name } : {}),
                    cataloger: "dpkg-db",
                });
            }
        }
        return out;
    },
};
