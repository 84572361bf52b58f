import * as path from "path";
import type { EnvironmentFingerprints, UnitFingerprint } from "../../fingerprint/fingerprint";
import { LockFile } from "../../fingerprint/lockfile";
import { canonicalJson, kindOf, Manifest, manifestDigest, Part, PartKind, sha256 } from "../../fingerprint/parts";
import { SourceGraph } from "../../fingerprint/source-graph";
import type { SourceMemo } from "../../fingerprint/source-memo";
import { WorkingTree } from "../../fingerprint/source-tree";
import { isSdkRepository, sdkPackage } from "../../loader/sdk-package";
import type { EvaluationJob } from "../evaluate";
import type { InspectionJob } from "../inspection";
import { CACHE_FORMAT } from "./store";

/** The parts of a unit's fingerprint that decide its evaluation (the rest decide its inspection). */
const EVALUATION_PARTS: readonly PartKind[] = ["source", "missing", "package", "sdk", "project", "settings", "spec", "sample"];
/** The parts that decide an inspection beyond what the inspection job carries: the pack's sources and settings. */
const INSPECTION_PARTS: readonly PartKind[] = ["policy", "pack"];

/**
 * Part digests by fingerprint object: a fingerprint kept between `--watch` rounds (the same object,
 * never changed: its parts are read-only) keeps its digests too.
 */
const digestsByFingerprint = new WeakMap<UnitFingerprint, { readonly evaluation: string; readonly inspection: string }>();

let driverDigests: { evaluator: string; inspector: string } | undefined;

/**
 * The digest of the driver's own code that produces a result: the evaluator (mock runtime,
 * capture, the engine's additions) and the inspector (the shared harness). A change to either
 * makes every cached result a miss, so a cache never outlives the code that filled it.
 */
function driverCode(memo?: SourceMemo): { evaluator: string; inspector: string } {
    if (!driverDigests) {
        const sdk = sdkPackage();
        if (!isSdkRepository(sdk.dir)) {
            // The installed package (compiled, pinned by the project's lock file): its version stands for its code.
            const release = sha256(canonicalJson({ node: process.version, sdk: `${sdk.name}@${sdk.version}` }));
            driverDigests = { evaluator: sha256(`evaluator|${release}`), inspector: sha256(`inspector|${release}`) };
            return driverDigests;
        }
        const root = sdk.dir;
        const tree = new WorkingTree(root);
        const sources = new SourceGraph(tree, memo);
        const lock = new LockFile(tree.read(path.join(root, "package-lock.json")));
        const digest = (entries: readonly string[]): string => {
            const closure = sources.closure(entries.map((e) => path.join(root, e)));
            return sha256(
                canonicalJson({
                    node: process.version,
                    files: closure.files.map((f) => [path.relative(root, f), tree.blobId(f)]),
                    packages: closure.packages.map((p) => [p, lock.pin(p).digest]),
                }),
            );
        };
        driverDigests = {
            evaluator: digest(["automation/synth/evaluate.ts", "automation/synth/worker/worker.ts", "automation/loader/ts-cache.js"]),
            inspector: digest(["automation/synth/inspection.ts"]),
        };
    }
    return driverDigests;
}

/**
 * Cache keys of a synth run. An evaluation's key covers the unit's fingerprint (sources,
 * packages, SDK, project, settings, spec entry, samples), the evaluator's code and the whole
 * evaluation job — config with the resolved inputs, and the synthesized outputs of its upstream
 * stacks (so an upstream change that leaves its outputs alone re-evaluates nothing downstream).
 * An inspection's key covers its evaluation's key, the inspector's code, the pack's sources and
 * settings and the whole inspection job: levels, config, every waiver and the decision day.
 */
export class SynthCacheKeys {
    /** The digests of each unit's evaluation and inspection parts, taken once a run (every stack asks for them more than once). */
    private readonly partDigests = new Map<string, { readonly evaluation: string; readonly inspection: string }>();

    constructor(
        private readonly fingerprints: EnvironmentFingerprints,
        memo?: SourceMemo,
    ) {
        driverCode(memo);
    }

    evaluation(job: EvaluationJob): string {
        return sha256(
            canonicalJsonKeeping({
                format: CACHE_FORMAT,
                evaluator: driverCode().evaluator,
                unit: this.digestsOf(job.unit)?.evaluation ?? null,
                job,
            }),
        );
    }

    /**
     * A key that stands for "this unit, with these sources and settings, was evaluated before":
     * stored beside each evaluation so a run can tell up front which stacks will likely need
     * evaluating (and whether worker threads are worth starting) before upstream outputs exist.
     */
    seen(unit: string): string {
        return sha256(`seen\0${driverCode().evaluator}\0${this.digestsOf(unit)?.evaluation ?? unit}`);
    }

    private digestsOf(unit: string): { readonly evaluation: string; readonly inspection: string } | undefined {
        const kept = this.partDigests.get(unit);
        if (kept) return kept;
        const fingerprint = this.fingerprints.units.get(unit);
        if (!fingerprint) return undefined;
        const digests = digestsByFingerprint.get(fingerprint) ?? {
            evaluation: manifestDigest(fingerprint.manifest, EVALUATION_PARTS, fingerprint.keys),
            inspection: this.inspectionDigest(fingerprint.manifest, fingerprint.keys),
        };
        digestsByFingerprint.set(fingerprint, digests);
        this.partDigests.set(unit, digests);
        return digests;
    }

    /** The last inspection-part digest taken, with the parts it covered. */
    private lastInspection: { readonly keys: readonly string[]; readonly parts: readonly Part[]; readonly digest: string } | undefined;

    /**
     * The digest of a manifest's inspection parts (the pack's sources and the policy settings:
     * hundreds of parts, the same for every unit of an environment). Units' manifests share the
     * very part objects (each is a copy of the same base), so a unit whose inspection parts are the
     * last unit's, key for key and object for object, has its digest without hashing them again.
     */
    private inspectionDigest(manifest: Manifest, sortedKeys: readonly string[]): string {
        const keys = sortedKeys.filter((key) => INSPECTION_PARTS.includes(kindOf(key)));
        const parts = keys.map((key) => manifest.get(key)!);
        const last = this.lastInspection;
        if (last && last.keys.length === keys.length && keys.every((key, i) => key === last.keys[i] && parts[i] === last.parts[i])) {
            return last.digest;
        }
        const digest = manifestDigest(manifest, INSPECTION_PARTS, keys);
        this.lastInspection = { keys, parts, digest };
        return digest;
    }

    inspection(evaluationKey: string, unit: string, job: InspectionJob): string {
        return sha256(
            canonicalJson({
                format: CACHE_FORMAT,
                inspector: driverCode().inspector,
                evaluation: evaluationKey,
                pack: this.digestsOf(unit)?.inspection ?? null,
                job,
            }),
        );
    }
}

/** The canonical JSON of values frozen at every depth (upstream outputs a watch keeps): they can never change. */
const frozenCanonical = new WeakMap<object, string>();
/** Whether everything serialised since the innermost value began is frozen (a stack discipline, as in stableStringify). */
let allFrozen = true;
const OWN_TO_JSON = Symbol("toJSON");

/**
 * {@link canonicalJson}'s text (byte for byte), keeping the text of every value frozen at every
 * depth: an evaluation job carries its upstream stacks' outputs, the same frozen objects for every
 * stack of a round and round after round in `edf synth --watch`.
 */
export function canonicalJsonKeeping(value: unknown): string {
    allFrozen = true;
    try {
        return canonicalText(value) as string;
    } catch (error) {
        allFrozen = true;
        if (error !== OWN_TO_JSON) throw error;
        // Something with a toJSON of its own (it is told its key): the plain route.
        return canonicalJson(value);
    }
}

function canonicalText(value: unknown): string | undefined {
    if (value === null || typeof value !== "object") return JSON.stringify(value) as string | undefined;
    const kept = frozenCanonical.get(value);
    if (kept !== undefined) return kept;
    if (typeof (value as { toJSON?: unknown }).toJSON === "function") throw OWN_TO_JSON;
    const outer = allFrozen;
    allFrozen = Object.isFrozen(value);
    let text: string;
    if (Array.isArray(value)) {
        text = `[${value.map((item) => canonicalText(item) ?? "null").join(",")}]`;
    } else {
        // As canonicalJson's replacer makes it: entries sorted, then an object (integer-like keys first, as any object has them).
        const sorted = Object.fromEntries(
            Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        );
        const parts: string[] = [];
        for (const key of Object.keys(sorted)) {
            const item = canonicalText(sorted[key]);
            if (item !== undefined) parts.push(`${JSON.stringify(key)}:${item}`);
        }
        text = `{${parts.join(",")}}`;
    }
    if (allFrozen) frozenCanonical.set(value, text);
    allFrozen = outer && allFrozen;
    return text;
}
