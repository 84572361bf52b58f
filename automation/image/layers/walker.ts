import type { Readable, Transform } from "stream";
import { pipeline } from "stream/promises";
import * as tar from "tar-stream";
import type { FileRecord } from "./files";
import { normalizeLayerPath, ReverseOverlay } from "./overlay";

/** Reads a file's bytes as they stream by, keeping only what it needs (Go build info in a binary). */
export interface StreamScanner<R = unknown> {
    /** Takes the next bytes; returns false once it needs no more. */
    push(chunk: Buffer): boolean;
    /** The result, once the file ended or the scanner said it was done. */
    result(): R | undefined;
}

/** What the analysers want of each file as a layer streams. */
export interface LayerVisitor {
    /** Bytes to keep of a regular file of the final filesystem (0: none). */
    keepVisible(record: FileRecord): number;
    /** Bytes to keep of a regular file of any layer, visible or deleted later (secret material). */
    keepAnyLayer(record: FileRecord): number;
    /** A scanner for a regular file of the final filesystem that is not kept whole. */
    scanVisible(record: FileRecord): StreamScanner | undefined;
}

/** A file of some layer that the any-layer analysers asked for. */
export interface AnyLayerFile {
    readonly record: FileRecord;
    /** Still in the final filesystem (else a later layer deleted or replaced it). */
    readonly visible: boolean;
    readonly content: Buffer;
}

/** Everything one layer contributed; held apart until the layer's digests are verified. */
export interface LayerResult {
    readonly visible: FileRecord[];
    readonly kept: Map<string, Buffer>;
    readonly anyLayer: AnyLayerFile[];
    readonly scans: { readonly record: FileRecord; readonly result: unknown }[];
    /** Files an analyser asked for that were larger than it allowed (analysed as absent, with a note). */
    readonly oversized: { readonly path: string; readonly size: number; readonly limit: number }[];
    entries: number;
    whiteouts: number;
}

const KIND: Partial<Record<tar.Header["type"], FileRecord["kind"]>> = {
    file: "file",
    "contiguous-file": "file",
    directory: "directory",
    symlink: "symlink",
    link: "link",
};

/**
 * Reads one layer entry by entry as it streams from `source` through `stages` (digests,
 * decompression), never writing to disk: each entry is classified against the layers above it
 * (`ReverseOverlay`), and only the bytes an analyser asked for are kept. Everything else is
 * drained. Rejects with the first error of any stage.
 */
export async function walkLayer(
    source: Readable,
    stages: readonly Transform[],
    layer: number,
    overlay: ReverseOverlay,
    visitor: LayerVisitor,
): Promise<LayerResult> {
    const extract = tar.extract();
    // streamx's Writable (tar-stream) works in Node's pipeline; its types are not Node's.
    const piping = pipeline([source, ...stages, extract as unknown as NodeJS.WritableStream]);
    // The loop below sees a failed stage as a destroyed extract; the cause is the pipeline's.
    piping.catch(() => undefined);
    try {
        const result = await readEntries(extract, layer, overlay, visitor);
        await piping;
        return result;
    } catch (error) {
        await piping;
        throw error;
    }
}

async function readEntries(extract: tar.Extract, layer: number, overlay: ReverseOverlay, visitor: LayerVisitor): Promise<LayerResult> {
    const result: LayerResult = { visible: [], kept: new Map(), anyLayer: [], scans: [], oversized: [], entries: 0, whiteouts: 0 };
    for await (const entry of extract) {
        const header = entry.header;
        const path = normalizeLayerPath(header.name);
        const kind = KIND[header.type ?? "file"] ?? "other";
        result.entries++;
        if (!path) {
            entry.resume();
            continue;
        }
        const role = overlay.classify(path, kind === "directory");
        if (role.role !== "entry") {
            result.whiteouts++;
            entry.resume();
            continue;
        }
        const record: FileRecord = {
            path,
            kind,
            mode: header.mode ?? 0,
            size: header.size ?? 0,
            uid: header.uid ?? 0,
            gid: header.gid ?? 0,
            ...(header.linkname ? { linkname: kind === "link" ? normalizeLayerPath(header.linkname) : header.linkname } : {}),
            layer,
        };
        if (role.visible) result.visible.push(record);
        const regular = kind === "file";
        const keepVisible = role.visible && regular ? visitor.keepVisible(record) : 0;
        const keepAny = regular ? visitor.keepAnyLayer(record) : 0;
        const scanner = role.visible && regular && keepVisible === 0 ? visitor.scanVisible(record) : undefined;
        if (keepVisible === 0 && keepAny === 0 && !scanner) {
            entry.resume();
            continue;
        }
        const limit = Math.max(keepVisible, keepAny);
        const chunks: Buffer[] = [];
        let size = 0;
        let scanning = scanner !== undefined;
        for await (const chunk of entry as AsyncIterable<Buffer>) {
            // Chunks are views of the parser's buffers: copy what is kept, so nothing larger stays alive.
            if (size < limit) chunks.push(Buffer.from(chunk.subarray(0, limit - size)));
            size += chunk.length;
            if (scanning) scanning = scanner!.push(chunk);
        }
        if (scanner) {
            const scanned = scanner.result();
            if (scanned !== undefined) result.scans.push({ record, result: scanned });
        }
        if (limit === 0) continue;
        if (size > limit) {
            result.oversized.push({ path, size, limit });
            continue;
        }
        const content = Buffer.concat(chunks);
        if (keepVisible > 0 && size <= keepVisible) result.kept.set(path, content);
        if (keepAny > 0 && size <= keepAny) result.anyLayer.push({ record, visible: role.visible, content });
    }
    return result;
}
