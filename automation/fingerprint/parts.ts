import { createHash } from "crypto";

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

/** The digest of a whole manifest, or of the parts of some kinds. */
export function manifestDigest(manifest: Manifest, kinds?: readonly PartKind[]): string {
    const hash = createHash("sha256");
    for (const key of [...manifest.keys()].sort()) {
        if (!kinds || kinds.includes(kindOf(key))) hash.update(`${key}\t${manifest.get(key)!.digest}\n`);
    }
    return hash.digest("hex");
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
    if (value !== undefined) into.set(prefix, { digest: sha256(canonicalJson(value)) });
}
