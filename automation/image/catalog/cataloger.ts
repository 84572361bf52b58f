import type { FileRecord, FinalFilesystem } from "../layers/files";
import type { InventoryPackage, OperatingSystem } from "../model";

/** What a cataloger reads once every layer is applied. */
export interface CatalogContext {
    readonly fs: FinalFilesystem;
    readonly os: OperatingSystem | undefined;
    /** The digest of a layer, by index (0 = base). */
    layerDigest(index: number): string | undefined;
    /** Results of the streaming scanners, by path. */
    readonly scans: ReadonlyMap<string, unknown>;
    /** Something could not be analysed: said in the report. */
    note(message: string): void;
}

/** One ecosystem's reader: which files it needs, and the packages it finds in them. */
export interface Cataloger {
    readonly name: string;
    /** Bytes to keep of a regular file of the final filesystem for this cataloger (0: not read). */
    keep(record: FileRecord): number;
    catalog(context: CatalogContext): InventoryPackage[] | Promise<InventoryPackage[]>;
}

/** Where a package record came from, for the inventory. */
export function origin(context: CatalogContext, path: string): { locations: string[]; layer?: string } {
    const record = context.fs.records.get(path);
    const layer = record ? context.layerDigest(record.layer) : undefined;
    return { locations: [`/${path}`], ...(layer ? { layer } : {}) };
}

/** The last path component. */
export function baseName(path: string): string {
    return path.slice(path.lastIndexOf("/") + 1);
}

export const KIB = 1024;
export const MIB = 1024 * KIB;
