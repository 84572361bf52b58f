import initSqlJs from "sql.js";
import type { InventoryPackage } from "../model";
import { CatalogContext, Cataloger, MIB, origin } from "./cataloger";
import { distroQualifier, purl } from "./purl";
import { parseRpmHeader } from "./rpm-header";

const RPMDB_SQLITE = /(^|\/)(var\/lib|usr\/share|usr\/lib\/sysimage)\/rpm\/rpmdb\.sqlite$/;
const RPMDB_BERKELEY = /(^|\/)(var\/lib|usr\/share|usr\/lib\/sysimage)\/rpm\/(Packages|Packages\.db)$/;

let sqlite: ReturnType<typeof initSqlJs> | undefined;

/** `epoch:version-release`, as rpm prints it (`rpm -q --qf '%{EVR}'`), the epoch only when set. */
export function rpmVersion(h: { version?: string; release?: string; epoch?: number }): string {
    return `${h.epoch !== undefined ? `${h.epoch}:` : ""}${h.version ?? ""}${h.release ? `-${h.release}` : ""}`;
}

/**
 * RPM's package database in its SQLite form (`rpmdb.sqlite`: RHEL/UBI 9, Fedora ≥ 33, Amazon
 * Linux 2023), read with sql.js (SQLite compiled to WebAssembly: no native module) from the bytes
 * the layer walker kept. Each row of `Packages` is one header blob. The older Berkeley DB and
 * NDB formats (RHEL 7/8, Amazon Linux 2) are noted as not read.
 */
export const rpmCataloger: Cataloger = {
    name: "rpm-db",
    keep: (record) => (RPMDB_SQLITE.test(record.path) ? 256 * MIB : RPMDB_BERKELEY.test(record.path) ? 1 : 0),
    async catalog(context: CatalogContext): Promise<InventoryPackage[]> {
        const out: InventoryPackage[] = [];
        for (const path of context.fs.records.keys()) {
            if (RPMDB_BERKELEY.test(path))
                context.note(`/${path}: an RPM database in the Berkeley DB/NDB format, which this inspector does not read yet`);
        }
        for (const [path, content] of context.fs.captured((p) => RPMDB_SQLITE.test(p))) {
            sqlite ??= initSqlJs();
            const SQL = await sqlite;
            let db;
            try {
                db = new SQL.Database(content);
                const rows = db.exec("SELECT blob FROM Packages")[0]?.values ?? [];
                for (const [blob] of rows) {
                    const header = blob instanceof Uint8Array ? parseRpmHeader(blob) : undefined;
                    if (!header?.name || !header.version) continue;
                    const version = rpmVersion(header);
                    out.push({
                        name: header.name,
                        version,
                        type: "rpm",
                        purl: purl(
                            "rpm",
                            context.os?.id ?? "redhat",
                            header.name,
                            `${header.version}${header.release ? `-${header.release}` : ""}`,
                            {
                                arch: header.arch,
                                epoch: header.epoch !== undefined ? String(header.epoch) : undefined,
                                upstream: header.sourceRpm,
                                distro: distroQualifier(context.os),
                            },
                        ),
                        ...origin(context, path),
                        ...(header.license ? { licenses: [header.license] } : {}),
                        ...(header.arch ? { arch: header.arch } : {}),
                        ...(header.sourceRpm ? { source: header.sourceRpm } : {}),
                        cataloger: "rpm-db",
                    });
                }
            } catch (error) {
                context.note(`/${path}: the RPM database could not be read (${(error as Error).message})`);
            } finally {
                db?.close();
            }
        }
        return out;
    },
};
