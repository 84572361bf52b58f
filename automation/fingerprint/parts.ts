import { createHash, Hash } from "crypto";

/**
 * A fingerprint is a manifest of parts, each a key that says what it is and a digest of its
 * content; the fingerprint is the hash of the sorted manifest. Keys are readable on purpose:
 * comparing two manifests gives the reasons a unit changed without any other bookkeeping.
 *
 *   source:services/payments-api/program.ts      a project file the program loads (git blob id)
 *   missing:services/x/program.ts: ./gone        a relative import that names no file
 *   package:@pulumi/aws                          a package it imports (lock-file closure)
 *   sdk:edf-platform-sdk                         the EDF SDK version
 *   project:Pulumi.yaml                          project files every unit shares
 *   settings:/region                             the environment's shared settings
 *   spec:/units/payments-api/config/azCount      the unit's own spec entry
 *   sample:vault:secret/payments/db#password     a sample input the unit reads
 *   policy:/policy/config/…                      the environment's policy settings
 *   pack:policy-packs/pipeline/policies/x.ts     a source of the policy pack
 *   waiver:W-001                                 a waiver that can match the unit's stack
 *   upstream:network                             the fingerprint of a unit it depends on
 */
export type PartKind =
    "source" | "missing" | "package" | "sdk" | "project" | "settings" | "spec" | "sample" | "policy" | "pack" | "waiver" | "upstream";

/** One part of a manifest. */
export interface Part {
    readonly digest: string;
    /** What people are shown for it, when the key alone does not say (a version, the waiver's file). */
    readonly label?: string;
}

export type Manifest = ReadonlyMap<string, Part>;

/** The kind of a part key (`source:…` → `source`). */
export function kindOf(key: string): PartKind {
    return key.slice(0, key.indexOf(":")) as PartKind;
}

/** The subject of a part key (`source:a/b.ts` → `a/b.ts`). */
export function subjectOf(key: string): string {
    return key.slice(key.indexOf(":") + 1);
}

/** sha256 of a text, hex. */
export function sha256(text: string): string {
    return createHash("sha256").update(text).digest("hex");
}

/** JSON with object keys sorted at every level: equal values give equal text. */
export function canonicalJson(value: unknown): string {
    return JSON.stringify(value, (_key, v: unknown) =>
        v && typeof v === "object" && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
            : v,
    );
}

/**
 * The digest of a whole manifest, or of the parts of some kinds: sha256 of `key<TAB>digest<LF>`
 * for each part in key order. `keys` are the manifest's keys already sorted, when the caller has them.
 */
export function manifestDigest(
    manifest: Manifest,
    kinds?: readonly PartKind[],
    keys: readonly string[] = [...manifest.keys()].sort(),
): string {
    let text = "";
    for (const key of keys) {
        if (!kinds || kinds.includes(kindOf(key))) text += `${key}\t${manifest.get(key)!.digest}\n`;
    }
    // One update of the whole text: the same bytes as an update per part, without a call into the hash for each.
    return createHash("sha256").update(text).digest("hex");
}

/**
 * {@link manifestDigest} of manifests made as copies of one `base` with parts added (every unit's
 * manifest over the environment's shared parts): the hash of the lines every such manifest
 * starts with — the base's first keys, hundreds of pack sources — is taken once and copied,
 * not taken again for each unit. The same digest as {@link manifestDigest}.
 */
export class BaseDigests {
    /** The sha256 state after the first n base lines, by n. */
    private readonly states = new Map<number, Hash>();

    constructor(
        private readonly base: Manifest,
        private readonly baseKeys: readonly string[],
    ) {}

    /** The digest of `manifest`, whose sorted keys are `keys` (from {@link keysOver}). */
    digest(manifest: Manifest, keys: readonly string[]): string {
        const { base, baseKeys } = this;
        // How many of its first lines are the base's first lines: same key, same digest.
        let shared = 0;
        while (
            shared < keys.length &&
            shared < baseKeys.length &&
            keys[shared] === baseKeys[shared] &&
            manifest.get(keys[shared]!)!.digest === base.get(keys[shared]!)!.digest
        ) {
            shared++;
        }
        let state = this.states.get(shared);
        if (!state) {
            state = createHash("sha256").update(lines(base, baseKeys, 0, shared));
            this.states.set(shared, state);
        }
        return state
            .copy()
            .update(lines(manifest, keys, shared, keys.length))
            .digest("hex");
    }
}

function lines(manifest: Manifest, keys: readonly string[], from: number, to: number): string {
    let text = "";
    for (let i = from; i < to; i++) text += `${keys[i]}\t${manifest.get(keys[i]!)!.digest}\n`;
    return text;
}

/**
 * The keys of a manifest made as a copy of `base` with parts added, sorted: `baseKeys` (the base's
 * keys, sorted once for every unit that shares them) merged with the keys added after them (a
 * Map keeps insertion order; a base key set again keeps its place). The same order as sorting all.
 */
export function keysOver(baseKeys: readonly string[], manifest: Manifest): string[] {
    const added = [...manifest.keys()].slice(baseKeys.length).sort();
    const keys: string[] = [];
    let a = 0;
    let b = 0;
    while (a < baseKeys.length && b < added.length) keys.push(baseKeys[a]! < added[b]! ? baseKeys[a++]! : added[b++]!);
    while (a < baseKeys.length) keys.push(baseKeys[a++]!);
    while (b < added.length) keys.push(added[b++]!);
    return keys;
}

/** Digests of short value texts met (the units of an environment repeat the same leaves: regions, sizes, flags). */
const valueDigests = new Map<string, string>();
const MAX_VALUE_DIGESTS = 50_000;
/** Longer texts are hashed each time: rarely repeated, and a key costs their length. */
const SHORT_VALUE = 256;

/** sha256 of a value's canonical JSON (remembered for short texts: the same text always has the same digest). */
export function valueDigest(value: unknown): string {
    const text = canonicalJson(value);
    if (text.length > SHORT_VALUE) return sha256(text);
    let digest = valueDigests.get(text);
    if (digest === undefined) {
        if (valueDigests.size >= MAX_VALUE_DIGESTS) valueDigests.clear();
        valueDigests.set(text, (digest = sha256(text)));
    }
    return digest;
}

/** Escapes one JSON-pointer segment (RFC 6901). */
function segment(s: string): string {
    return s.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * Adds a part per leaf of `value` under `prefix` (`spec:/units/x`): `/config/azCount`, `/dependsOn/0`.
 * Empty objects and arrays are leaves, so adding `config: {}` is a change too.
 */
export function addLeaves(into: Map<string, Part>, prefix: string, value: unknown): void {
    if (value !== null && typeof value === "object" && Object.keys(value).length > 0) {
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) addLeaves(into, `${prefix}/${segment(k)}`, v);
        return;
    }
    if (value !== undefined) into.set(prefix, { digest: valueDigest(value) });
}
