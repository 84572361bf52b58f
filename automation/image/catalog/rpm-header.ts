/** The RPM header tags an inventory reads (rpm's `rpmtag.h`). */
export const RPM_TAGS = {
    name: 1000,
    version: 1001,
    release: 1002,
    epoch: 1003,
    license: 1014,
    arch: 1022,
    sourceRpm: 1044,
    vendor: 1011,
} as const;

const STRING = 6;
const STRING_ARRAY = 8;
const I18NSTRING = 9;
const INT32 = 4;

/** One installed package as its header records it. */
export interface RpmHeader {
    readonly name?: string;
    readonly version?: string;
    readonly release?: string;
    readonly epoch?: number;
    readonly arch?: string;
    readonly license?: string;
    readonly sourceRpm?: string;
    readonly vendor?: string;
}

/**
 * Reads an RPM header blob as rpmdb stores it (no lead, no magic): a count of index entries,
 * the size of the data store, the entries (tag, type, offset, count: 16 bytes, big-endian),
 * then the store. Only the tags above are read; a header that points outside itself is
 * rejected (`undefined`) rather than read past its end.
 */
export function parseRpmHeader(blob: Uint8Array): RpmHeader | undefined {
    const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
    if (blob.byteLength < 8) return undefined;
    const entries = view.getUint32(0);
    const storeSize = view.getUint32(4);
    const storeStart = 8 + entries * 16;
    if (entries > 100_000 || storeStart + storeSize > blob.byteLength) return undefined;
    const wanted = new Map<number, keyof RpmHeader>(Object.entries(RPM_TAGS).map(([k, v]) => [v, k as keyof RpmHeader]));
    const out: Record<string, string | number> = {};
    for (let i = 0; i < entries; i++) {
        const at = 8 + i * 16;
        const tag = view.getInt32(at);
        const key = wanted.get(tag);
        if (!key) continue;
        const type = view.getUint32(at + 4);
        const offset = view.getInt32(at + 8);
        if (offset < 0 || offset >= storeSize) return undefined;
        const start = storeStart + offset;
        if (type === INT32) {
            if (start + 4 > storeStart + storeSize) return undefined;
            out[key] = view.getInt32(start);
        } else if (type === STRING || type === STRING_ARRAY || type === I18NSTRING) {
            const end = blob.indexOf(0, start);
            if (end < 0 || end > storeStart + storeSize) return undefined;
            out[key] = Buffer.from(blob.subarray(start, end)).toString("utf8");
        }
    }
    return out as RpmHeader;
}
