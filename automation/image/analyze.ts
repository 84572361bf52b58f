import { Readable, Transform } from "stream";
import { CATALOGERS } from "./catalog/catalogers";
import type { Cataloger, CatalogContext } from "./catalog/cataloger";
import { detectOperatingSystem, OS_RELEASE_PATHS } from "./catalog/os-release";
import { DigestingStream, digestOf, OversizedContentError, shortDigest } from "./digest";
import { ImageError } from "./errors";
import { pathVariableOf, runtimeConfigOf } from "./facts/config";
import { findSetuidFiles, findTools, findWorldWritable } from "./facts/filesystem";
import { findSecrets, secretCandidate } from "./facts/secrets";
import { FinalFilesystem } from "./layers/files";
import { ReverseOverlay } from "./layers/overlay";
import { decompressor } from "./layers/decompress";
import { AnyLayerFile, LayerResult, walkLayer } from "./layers/walker";
import {
    Descriptor,
    formatPlatform,
    ImageConfig,
    ImageManifest,
    parseImageConfig,
    parseManifest,
    Platform,
    selectPlatform,
} from "./manifest";
import { compressionOfBytes, compressionOfMediaType, isForeignLayer, LayerCompression, MANIFEST_ACCEPT } from "./media-types";
import type { ImageAnalysis, IntegrityProblem, InventoryPackage } from "./model";
import type { ImageProgress } from "./progress";
import { GoBuildInfoScanner } from "./catalog/go-buildinfo";
import type { RegistryClient } from "./registry/client";

/** The largest image analysed unless configured (compressed layer bytes, as the manifest says). */
export const DEFAULT_MAX_IMAGE_BYTES = 4 * 1024 * 1024 * 1024;
const MAX_CONFIG_BYTES = 16 * 1024 * 1024;
/** Executables smaller than this are scripts or tiny tools, never Go programs worth scanning. */
const MIN_GO_BINARY = 512 * 1024;

export interface AnalyzeOptions {
    /** The platform the task runs on: an index is resolved to it. */
    readonly platform: Platform;
    /** @default DEFAULT_MAX_IMAGE_BYTES */
    readonly maxImageBytes?: number;
    readonly signal?: AbortSignal;
    readonly onProgress?: (progress: ImageProgress) => void;
    /** @default CATALOGERS */
    readonly catalogers?: readonly Cataloger[];
}

/** The image to analyse: a repository of the client's registry and the digest that runs. */
export interface ImageTarget {
    readonly repository: string;
    readonly digest: string;
}

/**
 * Analyses one image from its registry without a Docker daemon and without unpacking it to disk:
 * the manifest (an index resolved to the task's platform), the config, then every layer streamed
 * top layer first through digest checks, decompression and the tar walker, each entry judged
 * against the layers above it. Every digest is checked — manifest, config, each layer's blob and
 * its uncompressed content (`diff_ids`) — and a mismatch refuses the image: the analysis then
 * carries the integrity problems and nothing read from the image. Registry failures and images
 * over the size limit throw an `ImageError`.
 */
export async function analyzeImage(client: RegistryClient, target: ImageTarget, options: AnalyzeOptions): Promise<ImageAnalysis> {
    const reference = `${client.endpoint.registry}/${target.repository}@${target.digest}`;
    const progress = (p: Omit<ImageProgress, "reference">): void => options.onProgress?.({ reference, ...p });
    progress({ phase: "manifest", layersDone: 0, layers: 0, bytesRead: 0, bytes: 0 });

    const fetched = await fetchVerified(client, target.repository, target.digest, options.signal);
    const refused = (problems: IntegrityProblem[], partial: Partial<ImageAnalysis> = {}): ImageAnalysis =>
        refusedAnalysis(reference, target.digest, options.platform, problems, partial);
    if (fetched.problem) return refused([fetched.problem]);
    let manifestDigest = target.digest;
    let document = parseManifest(fetched.bytes, fetched.mediaType, `manifest ${reference}`);
    if (document.kind === "index") {
        const chosen = selectPlatform(document, options.platform);
        if (!chosen) {
            const offered = document.manifests.map((m) => (m.platform ? formatPlatform(m.platform) : "unknown")).join(", ");
            throw new ImageError(
                "EDF_IMAGE_UNSUPPORTED",
                `${reference} is an image index with no ${formatPlatform(options.platform)} image (it has: ${offered || "none"}).`,
            );
        }
        manifestDigest = chosen.digest;
        const platformManifest = await fetchVerified(client, target.repository, chosen.digest, options.signal);
        if (platformManifest.problem) return refused([platformManifest.problem], { manifestDigest });
        document = parseManifest(platformManifest.bytes, platformManifest.mediaType, `manifest ${chosen.digest} of ${reference}`);
        if (document.kind !== "manifest")
            throw new ImageError(
                "EDF_IMAGE_UNSUPPORTED",
                `${reference}: the index entry for ${formatPlatform(options.platform)} is itself an index.`,
            );
    }
    const manifest: ImageManifest = document;
    const layers = manifest.layers.map((l) => ({ digest: l.digest, size: l.size, mediaType: l.mediaType }));
    const sizeBytes = manifest.layers.reduce((n, l) => n + l.size, 0);
    const limit = options.maxImageBytes ?? DEFAULT_MAX_IMAGE_BYTES;
    if (sizeBytes > limit) {
        throw new ImageError(
            "EDF_IMAGE_TOO_LARGE",
            `${reference} is ${megabytes(sizeBytes)} MB compressed, more than the ${megabytes(limit)} MB limit: ` +
                "raise `inspect.maxImageMegabytes` in the spec to analyse it.",
        );
    }

    const configBytes = await client.blobBytes(target.repository, manifest.config.digest, MAX_CONFIG_BYTES, options.signal);
    const configDigest = digestOf(configBytes, manifest.config.digest);
    if (configDigest !== manifest.config.digest) {
        return refused([mismatch("config", manifest.config.digest, configDigest, `the image config of ${reference}`)], {
            manifestDigest,
            layers,
            sizeBytes,
        });
    }
    const config = parseImageConfig(configBytes, `config ${manifest.config.digest} of ${reference}`);
    const diffIds = config.rootfs?.diff_ids ?? [];

    const catalogers = options.catalogers ?? CATALOGERS;
    const fs = new FinalFilesystem();
    const overlay = new ReverseOverlay();
    const anyLayer: AnyLayerFile[] = [];
    const scans = new Map<string, unknown>();
    const notes: string[] = [];
    let bytesRead = 0;
    let layersDone = 0;
    const visitor = {
        keepVisible: (record: Parameters<Cataloger["keep"]>[0]): number => {
            if (OS_RELEASE_PATHS.includes(record.path as (typeof OS_RELEASE_PATHS)[number]) || record.path === "etc/alpine-release")
                return 64 * 1024;
            let keep = 0;
            for (const c of catalogers) keep = Math.max(keep, c.keep(record));
            return keep;
        },
        keepAnyLayer: secretCandidate,
        scanVisible: (record: Parameters<Cataloger["keep"]>[0]) =>
            (record.mode & 0o111) !== 0 && record.size >= MIN_GO_BINARY ? new GoBuildInfoScanner() : undefined,
    };
    // Top layer first: whether an entry survives is then known as it streams by.
    for (let index = manifest.layers.length - 1; index >= 0; index--) {
        const layer = manifest.layers[index]!;
        if (isForeignLayer(layer.mediaType)) {
            notes.push(`layer ${index} (${shortDigest(layer.digest)}) is a foreign layer the registry does not serve: not analysed`);
            layersDone++;
            continue;
        }
        const done = await readLayer(client, target.repository, layer, diffIds[index], index, overlay, visitor, options.signal, (n) => {
            progress({ phase: "layers", layersDone, layers: manifest.layers.length, bytesRead: bytesRead + n, bytes: sizeBytes });
        });
        if ("problem" in done) {
            overlay.discardLayer();
            return refused([done.problem], { manifestDigest, layers, sizeBytes, configDigest });
        }
        overlay.commitLayer();
        merge(fs, anyLayer, scans, done.result);
        for (const o of done.result.oversized)
            notes.push(`/${o.path} (${megabytes(o.size)} MB) is larger than the ${megabytes(o.limit)} MB read for analysis: not analysed`);
        bytesRead += layer.size;
        layersDone++;
        progress({ phase: "layers", layersDone, layers: manifest.layers.length, bytesRead, bytes: sizeBytes });
    }

    progress({ phase: "catalog", layersDone, layers: manifest.layers.length, bytesRead, bytes: sizeBytes });
    const layerDigest = (i: number): string => manifest.layers[i]?.digest ?? "";
    const os = detectOperatingSystem(fs);
    const context: CatalogContext = { fs, os, layerDigest, scans, note: (m) => notes.push(m) };
    const packages: InventoryPackage[] = [];
    for (const cataloger of catalogers) packages.push(...(await cataloger.catalog(context)));
    const runtime = runtimeConfigOf(config);
    progress({ phase: "done", layersDone, layers: manifest.layers.length, bytesRead, bytes: sizeBytes });
    return {
        reference,
        digest: target.digest,
        manifestDigest,
        mediaType: manifest.mediaType,
        platform: platformOf(config, options.platform),
        configDigest,
        ...(config.created ? { created: config.created } : {}),
        layers: layers.map((l, i) => ({ ...l, ...(diffIds[i] ? { diffId: diffIds[i] } : {}) })),
        sizeBytes,
        config: runtime,
        ...(os ? { os } : {}),
        packages: packages.sort(comparePackages),
        tools: findTools(fs, pathVariableOf(config)),
        setuidFiles: findSetuidFiles(fs),
        worldWritable: findWorldWritable(fs),
        secrets: findSecrets(anyLayer, layerDigest),
        integrity: [],
        notes,
        stats: { files: fs.records.size, bytesRead },
    };
}

/** A manifest fetched by digest, its bytes checked against the digest; a mismatch is a problem, not an error. */
async function fetchVerified(
    client: RegistryClient,
    repository: string,
    digest: string,
    signal?: AbortSignal,
): Promise<{ bytes: Buffer; mediaType: string; problem?: IntegrityProblem }> {
    const fetched = await client.manifest(repository, digest, MANIFEST_ACCEPT, signal);
    const actual = digestOf(fetched.bytes, digest);
    if (actual !== digest) {
        return {
            ...fetched,
            problem: mismatch("manifest", digest, actual, `the manifest ${client.endpoint.registry}/${repository}@${digest}`),
        };
    }
    return fetched;
}

type Visitor = Parameters<typeof walkLayer>[4];

/**
 * Streams one layer: blob → size and digest check → decompression → `diff_id` check → tar walker.
 * A blob longer than its descriptor, or a digest that does not match, is a problem (the layer's
 * results are dropped). A layer that does not decompress is downloaded once more to tell a
 * tampered blob (digest mismatch: a problem) from a broken but genuine one (an error).
 */
async function readLayer(
    client: RegistryClient,
    repository: string,
    layer: Descriptor,
    diffId: string | undefined,
    index: number,
    overlay: ReverseOverlay,
    visitor: Visitor,
    signal: AbortSignal | undefined,
    onBytes: (bytes: number) => void,
): Promise<{ result: LayerResult } | { problem: IntegrityProblem }> {
    const what = `layer ${index} (${shortDigest(layer.digest)})`;
    const blob = await client.blob(repository, layer.digest, signal);
    const blobHash = new DigestingStream(layer.digest, layer.size);
    let reported = 0;
    blobHash.on("data", () => {
        if (blobHash.size - reported >= 4 * 1024 * 1024) onBytes((reported = blobHash.size));
    });
    const contentHash = diffId ? new DigestingStream(diffId) : undefined;
    let result: LayerResult;
    try {
        const { stream, compression } = await withCompression(blob.stream, layer.mediaType);
        const stages: Transform[] = [blobHash, decompressor(compression), ...(contentHash ? [contentHash] : [])];
        result = await walkLayer(stream, stages, index, overlay, visitor);
    } catch (error) {
        if (signal?.aborted) throw error;
        if (error instanceof OversizedContentError)
            return {
                problem: {
                    subject: "layer",
                    digest: layer.digest,
                    message: `${what} sent more bytes than the ${layer.size} its descriptor declares: refused`,
                },
            };
        const actual = await digestOfBlob(client, repository, layer.digest, signal);
        if (actual !== layer.digest) return { problem: mismatch("layer", layer.digest, actual, what) };
        throw new ImageError(
            "EDF_IMAGE_UNSUPPORTED",
            `${what} of ${client.endpoint.registry}/${repository} cannot be read: ${(error as Error).message}`,
            {
                cause: error,
            },
        );
    }
    if (blobHash.size !== layer.size || !blobHash.matches())
        return { problem: mismatch("layer", layer.digest, blobHash.actual(), `${what} (${blobHash.size} of ${layer.size} bytes)`) };
    if (contentHash && !contentHash.matches())
        return {
            problem: {
                subject: "layer-content",
                digest: diffId!,
                actual: contentHash.actual(),
                message: `the uncompressed content of ${what} does not match the image config's diff_id ${shortDigest(diffId!)}: refused`,
            },
        };
    return { result };
}

/** A layer stream and its compression: the media type's, else the first bytes'. */
async function withCompression(stream: Readable, mediaType: string): Promise<{ stream: Readable; compression: LayerCompression }> {
    const known = compressionOfMediaType(mediaType);
    if (known) return { stream, compression: known };
    const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const first = await iterator.next();
    const head: Buffer = first.done ? Buffer.alloc(0) : first.value;
    const rest = Readable.from(
        (async function* () {
            if (head.length) yield head;
            for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
        })(),
    );
    return { stream: rest, compression: compressionOfBytes(head) };
}

/** A blob's actual digest, read again from the registry (after a layer failed to decompress). */
async function digestOfBlob(client: RegistryClient, repository: string, digest: string, signal?: AbortSignal): Promise<string> {
    const blob = await client.blob(repository, digest, signal);
    const hash = new DigestingStream(digest);
    for await (const chunk of blob.stream.pipe(hash)) void chunk;
    return hash.actual();
}

function merge(fs: FinalFilesystem, anyLayer: AnyLayerFile[], scans: Map<string, unknown>, layer: LayerResult): void {
    for (const record of layer.visible) fs.records.set(record.path, record);
    for (const [path, content] of layer.kept) fs.contents.set(path, content);
    anyLayer.push(...layer.anyLayer);
    for (const scan of layer.scans) scans.set(scan.record.path, scan.result);
}

function mismatch(subject: IntegrityProblem["subject"], expected: string, actual: string, what: string): IntegrityProblem {
    return {
        subject,
        digest: expected,
        actual,
        message: `${what} does not match its digest: expected ${shortDigest(expected)}, got ${shortDigest(actual)}; the image is refused`,
    };
}

function refusedAnalysis(
    reference: string,
    digest: string,
    platform: Platform,
    integrity: IntegrityProblem[],
    partial: Partial<ImageAnalysis>,
): ImageAnalysis {
    return {
        reference,
        digest,
        manifestDigest: partial.manifestDigest ?? digest,
        mediaType: partial.mediaType ?? "",
        platform,
        ...(partial.configDigest ? { configDigest: partial.configDigest } : {}),
        layers: partial.layers ?? [],
        sizeBytes: partial.sizeBytes ?? 0,
        packages: [],
        tools: [],
        setuidFiles: [],
        worldWritable: [],
        secrets: [],
        integrity,
        notes: ["the image failed digest verification: nothing read from it is trusted or reported"],
        stats: { files: 0, bytesRead: 0 },
    };
}

function platformOf(config: ImageConfig, fallback: Platform): Platform {
    return config.os && config.architecture
        ? { os: config.os, architecture: config.architecture, ...(config.variant ? { variant: config.variant } : {}) }
        : fallback;
}

function comparePackages(a: InventoryPackage, b: InventoryPackage): number {
    return (
        a.type.localeCompare(b.type) ||
        a.name.localeCompare(b.name) ||
        a.version.localeCompare(b.version) ||
        (a.locations[0] ?? "").localeCompare(b.locations[0] ?? "")
    );
}

function megabytes(bytes: number): string {
    return (bytes / 1e6).toFixed(1);
}
