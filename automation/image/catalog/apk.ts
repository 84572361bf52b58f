import type { InventoryPackage } from "../model";
import { CatalogContext, Cataloger, MIB, origin } from "./cataloger";
import { parseParagraphs } from "./control-file";
import { distroQualifier, purl } from "./purl";

const INSTALLED = /(^|\/)lib\/apk\/db\/installed$/;

/** Alpine's package database, `/lib/apk/db/installed` (`P:` name, `V:` version, `A:` arch, `o:` origin, `L:` license). */
export const apkCataloger: Cataloger = {
    name: "apk-db",
    keep: (record) => (INSTALLED.test(record.path) ? 64 * MIB : 0),
    catalog(context: CatalogContext): InventoryPackage[] {
        const out: InventoryPackage[] = [];
        for (const [path, content] of context.fs.captured((p) => INSTALLED.test(p))) {
            for (const p of parseParagraphs(content.toString("utf8"))) {
                if (!p.P || !p.V) continue;
                out.push({
                    name: p.P,
                    version: p.V,
                    type: "apk",
                    purl: purl("apk", context.os?.id ?? "alpine", p.P, p.V, {
                        arch: p.A,
                        upstream: p.o && p.o !== p.P ? p.o : undefined,
                        distro: distroQualifier(context.os),
                    }),
                    ...origin(context, path),
                    ...(p.L ? { licenses: [p.L] } : {}),
                    ...(p.A ? { arch: p.A } : {}),
                    ...(p.o ? { source: p.o } : {}),
                    cataloger: "apk-db",
                });
            }
        }
        return out;
    },
};
