import type { Platform } from "./manifest";

/** The package ecosystems the inventory knows (purl types). */
export type PackageType = "deb" | "apk" | "rpm" | "npm" | "pypi" | "golang" | "maven";

/** One package found in the image. */
export interface InventoryPackage {
    readonly name: string;
    readonly version: string;
    readonly type: PackageType;
    /** Package URL (purl spec), the identity scanners and SBOM tools agree on. */
    readonly purl: string;
    /** The files it was read from (package database, manifest, binary). */
    readonly locations: readonly string[];
    /** Digest of the layer the record was read from. */
    readonly layer?: string;
    readonly licenses?: readonly string[];
    readonly arch?: string;
    /** The source package (dpkg `Source`, apk origin, rpm source rpm). */
    readonly source?: string;
    /** Which analyser found it (`dpkg-db`, `go-module-binary`, …). */
    readonly cataloger: string;
}

/** The distribution, from `/etc/os-release` (or `/usr/lib/os-release`). */
export interface OperatingSystem {
    readonly id: string;
    readonly versionId?: string;
    readonly name?: string;
    readonly prettyName?: string;
    readonly versionCodename?: string;
    readonly idLike?: readonly string[];
}

/** A program on the image's PATH that an attacker would be glad of. */
export interface ToolFact {
    readonly name: string;
    readonly path: string;
    readonly category: "shell" | "package-manager" | "compiler" | "debugger" | "remote-access";
}

/** A file with special permission bits. */
export interface FileModeFact {
    readonly path: string;
    /** The mode as octal text (`4755`). */
    readonly mode: string;
    readonly setuid?: boolean;
    readonly setgid?: boolean;
}

/** Secret material found in a layer: where and what kind, never its value. */
export interface SecretFact {
    readonly path: string;
    readonly kind: "private-key" | "aws-credentials" | "cloud-credentials" | "dotenv" | "registry-credentials" | "token-file";
    /** Digest of the layer that holds it. */
    readonly layer: string;
    readonly layerIndex: number;
    /** Still in the final filesystem; false: deleted or replaced by a later layer, yet in the image's blobs. */
    readonly present: boolean;
    /** sha256 of the content: tells copies apart without showing them. */
    readonly fingerprint: string;
}

/** A digest that did not match: the image is refused, its content not trusted. */
export interface IntegrityProblem {
    readonly subject: "manifest" | "config" | "layer" | "layer-content";
    readonly digest: string;
    readonly actual?: string;
    readonly message: string;
}

/** What the image config says about how the container starts. */
export interface ImageRuntimeConfig {
    /** `USER` (empty: root). */
    readonly user: string;
    readonly entrypoint: readonly string[];
    readonly cmd: readonly string[];
    readonly workingDir?: string;
    readonly exposedPorts: readonly string[];
    /** Names of every environment variable set in the image. */
    readonly envNames: readonly string[];
    /** Names of variables that look like secrets and carry a value (the value is never read out). */
    readonly secretEnvNames: readonly string[];
}

/** One image as analysed: what it is, what is inside, what the policies judge. */
export interface ImageAnalysis {
    /** The reference analysed (`registry/repository@digest`). */
    readonly reference: string;
    /** The digest asked for: what runs or is declared (an index's, for a multi-platform image). */
    readonly digest: string;
    /** The platform image's manifest digest (equal to `digest` unless `digest` names an index). */
    readonly manifestDigest: string;
    readonly mediaType: string;
    readonly platform: Platform;
    readonly configDigest?: string;
    readonly created?: string;
    readonly layers: readonly { readonly digest: string; readonly size: number; readonly mediaType: string; readonly diffId?: string }[];
    /** Compressed bytes of all layers, as the manifest gives them. */
    readonly sizeBytes: number;
    readonly config?: ImageRuntimeConfig;
    readonly os?: OperatingSystem;
    readonly packages: readonly InventoryPackage[];
    readonly tools: readonly ToolFact[];
    readonly setuidFiles: readonly FileModeFact[];
    readonly worldWritable: readonly FileModeFact[];
    readonly secrets: readonly SecretFact[];
    /** Empty when every digest matched; otherwise the image is refused and nothing else in this analysis is filled. */
    readonly integrity: readonly IntegrityProblem[];
    /** What could not be analysed, and why (a jar larger than allowed, a foreign layer). */
    readonly notes: readonly string[];
    readonly stats: { readonly files: number; readonly bytesRead: number };
}
