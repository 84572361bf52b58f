import { ImageError } from "./errors";
import { MEDIA_TYPES } from "./media-types";

/** A content descriptor (OCI image spec, "Descriptors"). */
export interface Descriptor {
    readonly mediaType: string;
    readonly digest: string;
    readonly size: number;
    readonly platform?: Platform;
    readonly annotations?: Readonly<Record<string, string>>;
}

/** An OS and CPU, as indexes and ECS name them (`linux`, `amd64`/`arm64`, variant `v8`). */
export interface Platform {
    readonly os: string;
    readonly architecture: string;
    readonly variant?: string;
}

/** An image manifest (OCI, or Docker v2 schema 2). */
export interface ImageManifest {
    readonly kind: "manifest";
    readonly mediaType: string;
    readonly config: Descriptor;
    readonly layers: readonly Descriptor[];
}

/** An image index (OCI, or Docker's manifest list). */
export interface ImageIndex {
    readonly kind: "index";
    readonly mediaType: string;
    readonly manifests: readonly Descriptor[];
}

/** The image config fields an inspector reads (OCI image config / Docker's container config). */
export interface ImageConfig {
    readonly architecture?: string;
    readonly os?: string;
    readonly variant?: string;
    readonly created?: string;
    readonly config?: {
        readonly User?: string;
        readonly Entrypoint?: readonly string[] | null;
        readonly Cmd?: readonly string[] | null;
        readonly Env?: readonly string[] | null;
        readonly ExposedPorts?: Readonly<Record<string, unknown>> | null;
        readonly WorkingDir?: string;
        readonly Labels?: Readonly<Record<string, string>> | null;
    };
    readonly rootfs?: { readonly type?: string; readonly diff_ids?: readonly string[] };
}

function descriptor(value: unknown, where: string): Descriptor {
    const d = value as Partial<Descriptor> | undefined;
    if (!d || typeof d.digest !== "string" || typeof d.size !== "number" || typeof d.mediaType !== "string") {
        throw new ImageError("EDF_REGISTRY_PROTOCOL", `${where} is not a descriptor (mediaType, digest and size are required).`);
    }
    return d as Descriptor;
}

/**
 * Parses a manifest or index as served. The media type comes from the document when it names
 * one, else from the response's `Content-Type`. Docker's schema 1 (deprecated since 2017, no
 * content-addressed config) is refused with the fix.
 */
export function parseManifest(bytes: Buffer, servedType: string, where: string): ImageManifest | ImageIndex {
    let doc: Record<string, unknown>;
    try {
        doc = JSON.parse(bytes.toString("utf8")) as Record<string, unknown>;
    } catch {
        throw new ImageError("EDF_REGISTRY_PROTOCOL", `${where} is not JSON.`);
    }
    const mediaType = typeof doc.mediaType === "string" ? doc.mediaType : servedType;
    if (mediaType === MEDIA_TYPES.dockerSchema1 || mediaType === MEDIA_TYPES.dockerSchema1Signed || doc.schemaVersion === 1) {
        throw new ImageError(
            "EDF_IMAGE_UNSUPPORTED",
            `${where} is a Docker schema 1 manifest, which no current registry should serve: push the image again with a current client.`,
        );
    }
    if (Array.isArray(doc.manifests) || mediaType === MEDIA_TYPES.ociIndex || mediaType === MEDIA_TYPES.dockerManifestList) {
        const manifests = ((doc.manifests as unknown[]) ?? []).map((m, i) => descriptor(m, `${where} manifests[${i}]`));
        return { kind: "index", mediaType: mediaType || MEDIA_TYPES.ociIndex, manifests };
    }
    if (!doc.config || !Array.isArray(doc.layers)) {
        throw new ImageError(
            "EDF_IMAGE_UNSUPPORTED",
            `${where} (${mediaType || "no media type"}) is neither an image manifest nor an index.`,
        );
    }
    return {
        kind: "manifest",
        mediaType: mediaType || MEDIA_TYPES.ociManifest,
        config: descriptor(doc.config, `${where} config`),
        layers: (doc.layers as unknown[]).map((l, i) => descriptor(l, `${where} layers[${i}]`)),
    };
}

/** Parses an image config blob. */
export function parseImageConfig(bytes: Buffer, where: string): ImageConfig {
    try {
        return JSON.parse(bytes.toString("utf8")) as ImageConfig;
    } catch {
        throw new ImageError("EDF_REGISTRY_PROTOCOL", `${where} is not JSON.`);
    }
}

/** `arm64` is `arm64/v8` unless said otherwise; `amd64` has no variant. */
function variantOf(p: Platform): string | undefined {
    return p.variant ?? (p.architecture === "arm64" ? "v8" : undefined);
}

/**
 * The index entry for `platform`: same OS and architecture, and the same variant when both
 * name one. Attestation manifests (BuildKit's `unknown/unknown`) never match. `undefined` when
 * the index has no such image.
 */
export function selectPlatform(index: ImageIndex, platform: Platform): Descriptor | undefined {
    const candidates = index.manifests.filter(
        (m) =>
            m.platform &&
            m.platform.os === platform.os &&
            m.platform.architecture === platform.architecture &&
            m.annotations?.["vnd.docker.reference.type"] !== "attestation-manifest",
    );
    const wanted = variantOf(platform);
    return candidates.find((m) => variantOf(m.platform!) === wanted) ?? candidates.find((m) => !m.platform!.variant) ?? candidates[0];
}

/** `linux/arm64/v8` for people. */
export function formatPlatform(p: Platform): string {
    return [p.os, p.architecture, p.variant].filter(Boolean).join("/");
}
