/** Media types of the OCI image spec and of Docker's image manifest v2, schema 2. */
export const MEDIA_TYPES = {
    ociManifest: "application/vnd.oci.image.manifest.v1+json",
    ociIndex: "application/vnd.oci.image.index.v1+json",
    ociConfig: "application/vnd.oci.image.config.v1+json",
    dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
    dockerManifestList: "application/vnd.docker.distribution.manifest.list.v2+json",
    dockerConfig: "application/vnd.docker.container.image.v1+json",
    dockerSchema1: "application/vnd.docker.distribution.manifest.v1+json",
    dockerSchema1Signed: "application/vnd.docker.distribution.manifest.v1+prettyjws",
} as const;

/** What we accept for a manifest request, preferred first. */
export const MANIFEST_ACCEPT = [
    MEDIA_TYPES.ociIndex,
    MEDIA_TYPES.ociManifest,
    MEDIA_TYPES.dockerManifestList,
    MEDIA_TYPES.dockerManifest,
].join(", ");

/** How a layer blob is compressed. */
export type LayerCompression = "gzip" | "zstd" | "none";

/** Layers that a registry does not serve (Windows base layers): never downloaded. */
export function isForeignLayer(mediaType: string): boolean {
    return /foreign|nondistributable/.test(mediaType);
}

/**
 * A layer's compression from its media type; `undefined` when the type says nothing we know
 * (the walker then reads the first bytes).
 */
export function compressionOfMediaType(mediaType: string): LayerCompression | undefined {
    if (/\+zstd$|\.zstd$/.test(mediaType)) return "zstd";
    if (/\+gzip$|\.gzip$|tar\.gzip$/.test(mediaType)) return "gzip";
    if (/\.tar$|layer\.v1\.tar$|diff\.tar$/.test(mediaType)) return "none";
    return undefined;
}

/** A compression from a blob's first bytes (gzip `1f 8b`, zstd `28 b5 2f fd`). */
export function compressionOfBytes(head: Uint8Array): LayerCompression {
    if (head[0] === 0x1f && head[1] === 0x8b) return "gzip";
    if (head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return "zstd";
    return "none";
}
