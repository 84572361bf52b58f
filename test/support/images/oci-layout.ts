import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as tar from "tar-stream";
import * as zlib from "zlib";

// Images written as OCI image layouts by code (image spec, "OCI Image Layout"): what a build tool
// would produce, byte for byte under our control, so every case of the inspector's tests (a
// whiteout, an opaque directory, a deleted key, a setuid bit, a multi-platform index) is exact.
// skopeo (push.ts) copies them into the test registry as any client would push.

/** One member of a layer. */
export interface LayerFile {
    readonly path: string;
    readonly type?: "file" | "directory" | "symlink" | "link";
    readonly content?: string | Buffer;
    /** @default 0o644 (files), 0o755 (directories), 0o777 (symlinks) */
    readonly mode?: number;
    readonly linkname?: string;
    readonly uid?: number;
    readonly gid?: number;
}

export interface LayerSpec {
    readonly files: readonly LayerFile[];
    /** @default "gzip" */
    readonly compression?: "gzip" | "none";
}

export interface ImageSpec {
    readonly layers: readonly LayerSpec[];
    /** @default linux/amd64 */
    readonly platform?: { readonly os: string; readonly architecture: string; readonly variant?: string };
    readonly config?: {
        readonly User?: string;
        readonly Env?: readonly string[];
        readonly Entrypoint?: readonly string[];
        readonly Cmd?: readonly string[];
        readonly ExposedPorts?: Readonly<Record<string, object>>;
        readonly WorkingDir?: string;
    };
}

export interface Blob {
    readonly digest: string;
    readonly size: number;
    readonly bytes: Buffer;
}

const sha256 = (b: Buffer): string => `sha256:${createHash("sha256").update(b).digest("hex")}`;
const blob = (bytes: Buffer): Blob => ({ digest: sha256(bytes), size: bytes.length, bytes });
const FIXED_TIME = new Date("2026-01-01T00:00:00Z");

/** A tar of the files, in the order given (directories are not implied: list them). */
export async function tarOf(files: readonly LayerFile[]): Promise<Buffer> {
    const pack = tar.pack();
    const chunks: Buffer[] = [];
    const collected = new Promise<Buffer>((resolve, reject) => {
        pack.on("data", (c) => chunks.push(c as Buffer));
        pack.on("end", () => resolve(Buffer.concat(chunks)));
        pack.on("error", reject);
    });
    for (const f of files) {
        const type = f.type ?? "file";
        const mode = f.mode ?? (type === "directory" ? 0o755 : type === "symlink" ? 0o777 : 0o644);
        const header = {
            name: f.path,
            type,
            mode,
            mtime: FIXED_TIME,
            uid: f.uid ?? 0,
            gid: f.gid ?? 0,
            ...(f.linkname ? { linkname: f.linkname } : {}),
        };
        await new Promise<void>((resolve, reject) => {
            const content =
                type === "file" ? (typeof f.content === "string" ? Buffer.from(f.content) : (f.content ?? Buffer.alloc(0))) : undefined;
            pack.entry(content ? { ...header, size: content.length } : header, content ?? "", (e) => (e ? reject(e) : resolve()));
        });
    }
    pack.finalize();
    return collected;
}

/** One platform image: its layer blobs, config and manifest. */
export interface BuiltImage {
    readonly manifest: Blob;
    readonly config: Blob;
    readonly layers: readonly (Blob & { readonly mediaType: string; readonly diffId: string })[];
    readonly platform: { readonly os: string; readonly architecture: string; readonly variant?: string };
}

export async function buildImage(spec: ImageSpec): Promise<BuiltImage> {
    const platform = spec.platform ?? { os: "linux", architecture: "amd64" };
    const layers = [];
    for (const layer of spec.layers) {
        const raw = await tarOf(layer.files);
        const compressed = (layer.compression ?? "gzip") === "gzip";
        const bytes = compressed ? zlib.gzipSync(raw, { level: 6 }) : raw;
        layers.push({
            ...blob(bytes),
            mediaType: compressed ? "application/vnd.oci.image.layer.v1.tar+gzip" : "application/vnd.oci.image.layer.v1.tar",
            diffId: sha256(raw),
        });
    }
    const config = blob(
        Buffer.from(
            JSON.stringify({
                architecture: platform.architecture,
                os: platform.os,
                ...(platform.variant ? { variant: platform.variant } : {}),
                created: FIXED_TIME.toISOString(),
                config: { Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], ...(spec.config ?? {}) },
                rootfs: { type: "layers", diff_ids: layers.map((l) => l.diffId) },
                history: layers.map(() => ({ created: FIXED_TIME.toISOString(), created_by: "edf test image" })),
            }),
        ),
    );
    const manifest = blob(
        Buffer.from(
            JSON.stringify({
                schemaVersion: 2,
                mediaType: "application/vnd.oci.image.manifest.v1+json",
                config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: config.digest, size: config.size },
                layers: layers.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size })),
            }),
        ),
    );
    return { manifest, config, layers, platform };
}

/**
 * Writes an OCI image layout with one tagged entry: an image, or an index over several platform
 * images. Returns the digest of what the tag names.
 */
export async function writeOciLayout(
    dir: string,
    tag: string,
    images: readonly ImageSpec[] | ImageSpec,
): Promise<{ digest: string; images: BuiltImage[] }> {
    const list = Array.isArray(images) ? (images as ImageSpec[]) : [images as ImageSpec];
    const built = await Promise.all(list.map(buildImage));
    const blobs = path.join(dir, "blobs", "sha256");
    fs.mkdirSync(blobs, { recursive: true });
    const put = (b: Blob): void => fs.writeFileSync(path.join(blobs, b.digest.slice(7)), b.bytes);
    for (const image of built) [image.manifest, image.config, ...image.layers].forEach(put);
    let top: { mediaType: string; digest: string; size: number };
    if (Array.isArray(images)) {
        const index = blob(
            Buffer.from(
                JSON.stringify({
                    schemaVersion: 2,
                    mediaType: "application/vnd.oci.image.index.v1+json",
                    manifests: built.map((b) => ({
                        mediaType: "application/vnd.oci.image.manifest.v1+json",
                        digest: b.manifest.digest,
                        size: b.manifest.size,
                        platform: b.platform,
                    })),
                }),
            ),
        );
        put(index);
        top = { mediaType: "application/vnd.oci.image.index.v1+json", digest: index.digest, size: index.size };
    } else {
        top = { mediaType: "application/vnd.oci.image.manifest.v1+json", digest: built[0]!.manifest.digest, size: built[0]!.manifest.size };
    }
    fs.writeFileSync(path.join(dir, "oci-layout"), JSON.stringify({ imageLayoutVersion: "1.0.0" }));
    const indexFile = path.join(dir, "index.json");
    const existing = fs.existsSync(indexFile)
        ? (JSON.parse(fs.readFileSync(indexFile, "utf8")) as { manifests: unknown[] })
        : { manifests: [] };
    existing.manifests.push({ ...top, annotations: { "org.opencontainers.image.ref.name": tag } });
    fs.writeFileSync(indexFile, JSON.stringify({ schemaVersion: 2, ...existing }));
    return { digest: top.digest, images: built };
}
