import { createHash, Hash } from "crypto";
import { Transform, TransformCallback } from "stream";

/** The digest algorithms the OCI image spec registers (`sha256` is what registries use). */
const ALGORITHMS: Readonly<Record<string, { readonly hex: number }>> = { sha256: { hex: 64 }, sha512: { hex: 128 } };

/** A content digest, parsed. */
export interface Digest {
    readonly algorithm: "sha256" | "sha512";
    readonly hex: string;
}

/** Parses `sha256:<hex>`; throws naming the digest when it is not one we can verify. */
export function parseDigest(text: string): Digest {
    const [algorithm, hex] = text.split(":", 2);
    const spec = algorithm ? ALGORITHMS[algorithm] : undefined;
    if (!spec || !hex || hex.length !== spec.hex || !/^[a-f0-9]+$/.test(hex)) {
        throw new Error(`\`${text}\` is not a digest this inspector can verify (sha256 or sha512, lowercase hex).`);
    }
    return { algorithm: algorithm as Digest["algorithm"], hex };
}

/** The digest of `bytes` with the algorithm of `like` (sha256 by default). */
export function digestOf(bytes: Uint8Array, like = "sha256:"): string {
    const algorithm = like.startsWith("sha512:") ? "sha512" : "sha256";
    return `${algorithm}:${createHash(algorithm).update(bytes).digest("hex")}`;
}

/** `sha256:abcdef012345…` for people: enough to tell images apart. */
export function shortDigest(digest: string): string {
    const [algorithm, hex] = digest.split(":", 2);
    return hex ? `${algorithm}:${hex.slice(0, 12)}` : digest;
}

/**
 * A pass-through stream that hashes what flows through it and counts bytes. It never fails the
 * stream itself: whoever reads it decides, once it ends, what a mismatch means (for a layer, a
 * finding and a refused image; never a crash).
 */
export class DigestingStream extends Transform {
    private readonly hash: Hash;
    private bytes = 0;

    /** `limit`: more bytes than this is an error (`OversizedContentError`): a blob longer than its descriptor says is refused. */
    constructor(
        private readonly expected: string,
        private readonly limit = Number.POSITIVE_INFINITY,
    ) {
        super();
        this.hash = createHash(parseDigest(expected).algorithm);
    }

    override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
        this.bytes += chunk.length;
        if (this.bytes > this.limit) {
            done(new OversizedContentError(this.expected, this.limit));
            return;
        }
        this.hash.update(chunk);
        done(null, chunk);
    }

    /** Bytes seen so far. */
    get size(): number {
        return this.bytes;
    }

    /** The digest of everything that flowed through; call once the stream has ended. */
    actual(): string {
        return `${parseDigest(this.expected).algorithm}:${this.hash.copy().digest("hex")}`;
    }

    matches(): boolean {
        return this.actual() === this.expected;
    }
}

/** A blob that sent more bytes than its descriptor's size: never read further. */
export class OversizedContentError extends Error {
    constructor(
        readonly digest: string,
        readonly limit: number,
    ) {
        super(`blob ${digest} sent more than the ${limit} bytes its descriptor declares`);
        this.name = "OversizedContentError";
    }
}
