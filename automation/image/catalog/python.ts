import type { InventoryPackage } from "../model";
import { CatalogContext, Cataloger, MIB, origin } from "./cataloger";
import { purl } from "./purl";

const METADATA = /(^|\/)[^/]*(dist-info|DIST-INFO)\/METADATA$|(^|\/)[^/]*(egg-info|EGG-INFO)\/PKG-INFO$|(^|\/)[^/]*\.egg-info$/;

/** The header block of core metadata (RFC 822 style, as `email.parser` reads it): up to the first blank line. */
export function parseCoreMetadata(text: string): Record<string, string> {
    const out: Record<string, string> = {};
    let last: string | undefined;
    for (const raw of text.split("\n")) {
        const line = raw.replace(/\r$/, "");
        if (line === "") break;
        if (/^[ \t]/.test(line) && last) {
            out[last] += `\n${line.trim()}`;
            continue;
        }
        const at = line.indexOf(":");
        if (at <= 0) continue;
        last = line.slice(0, at);
        if (out[last] === undefined) out[last] = line.slice(at + 1).trim();
    }
    return out;
}

/**
 * A Python distribution's name normalized (PEP 503: lowercase, runs of `-_.` as one `-`): how
 * pip, the purl spec and Syft identify it (`Flask` and `flask` are one distribution).
 */
export function pypiName(name: string): string {
    return name.toLowerCase().replace(/[-_.]+/g, "-");
}

/** Installed Python distributions: wheels' `*.dist-info/METADATA`, eggs' `*.egg-info/PKG-INFO` or `*.egg-info` files. */
export const pythonCataloger: Cataloger = {
    name: "python-installed-package",
    keep: (record) => (METADATA.test(record.path) ? 8 * MIB : 0),
    catalog(context: CatalogContext): InventoryPackage[] {
        const out: InventoryPackage[] = [];
        for (const [path, content] of context.fs.captured((p) => METADATA.test(p))) {
            const meta = parseCoreMetadata(content.toString("utf8"));
            if (!meta.Name || !meta.Version) continue;
            const license = meta["License-Expression"] ?? (meta.License && meta.License.length < 80 ? meta.License : undefined);
            out.push({
                name: pypiName(meta.Name),
                version: meta.Version,
                type: "pypi",
                purl: purl("pypi", undefined, pypiName(meta.Name), meta.Version),
                ...origin(context, path),
                ...(license ? { licenses: [license] } : {}),
                cataloger: "python-installed-package",
            });
        }
        return out;
    },
};
