import { Transform, TransformCallback } from "stream";
import * as zlib from "zlib";
import { Decompress as ZstdDecompress } from "fzstd";
import type { LayerCompression } from "../media-types";

/**
 * A stream that turns a layer blob into its tar bytes. gzip is Node's own zlib; zstd is Node's
 * own where it has one (Node ≥ 22.15), else fzstd, a streaming pure-JavaScript decoder.
 */
export function decompressor(compression: LayerCompression): Transform {
    if (compression === "gzip") return zlib.createGunzip({ chunkSize: 256 * 1024 });
    if (compression === "zstd") {
        const native = (zlib as unknown as { createZstdDecompress?: () => Transform }).createZstdDecompress;
        return native ? native() : new FzstdStream();
    }
    return new Transform({ transform: (chunk: Buffer, _e, done) => done(null, chunk) });
}

/** fzstd's push decoder as a Node transform stream. */
class FzstdStream extends Transform {
    // fzstd may hand out views of its window, which it reuses: copy each chunk before passing it on.
    private readonly decoder = new ZstdDecompress((chunk) => {
        this.push(Buffer.from(chunk));
    });

    override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
        try {
            this.decoder.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            done();
        } catch (error) {
            done(new Error(`the zstd layer does not decompress: ${(error as Error).message}`));
        }
    }

    override _flush(done: TransformCallback): void {
        try {
            this.decoder.push(new Uint8Array(0), true);
            done();
        } catch (error) {
            done(new Error(`the zstd layer does not decompress: ${(error as Error).message}`));
        }
    }
}
