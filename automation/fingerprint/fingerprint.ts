import * as path from "path";
import { parse as parseYaml } from "yaml";
import { shortStackName } from "../backend/backend";
import { EdfError } from "../errors";
import { buildGraph, dependenciesOf, StackGraph, topologicalOrder } from "../graph/graph";
import { packLocation, PackLocation } from "../policy/pack";
import { parseSpec, specPathFor } from "../spec/load";
import type { EnvironmentSpec, LoadedSpec, UnitSpec } from "../spec/types";
import { PROJECT_FILE } from "../../unit/project";
import { sdkPackage } from "../loader/sdk-package";
import { KeptFingerprints, RecordingTree, statesHold, statesOf } from "./kept-fingerprints";
import { LockFile } from "./lockfile";
import { addLeaves, BaseDigests, canonicalJson, keysOver, Manifest, Part, sha256, valueDigest } from "./parts";
import { SourceGraph } from "./source-graph";
import type { SourceMemo } from "./source-memo";
import { SourceTree, treePath } from "./source-tree";
import { waiverCanMatchStack } from "./waiver-scope";

/** The fingerprint of one unit: everything that decides its synthesized and deployed result. */
export interface UnitFingerprint {
    readonly unit: string;
    readonly stack: string;
    /** sha256 of the manifest. */
    readonly hash: string;
    readonly manifest: Manifest;
    /** The manifest's keys, sorted (the order its digests are taken in). */
    readonly keys: readonly string[];
}

/** Every unit of an environment, fingerprinted in one source tree. */
export interface EnvironmentFingerprints {
    readonly environment: string;
    /** Where the files came from (`the working tree`, `commit 1a2b3c4 (origin/main)`). */
    readonly tree: string;
    readonly loaded: LoadedSpec;
    readonly graph: StackGraph;
    /** Units in dependency order. */
    readonly order: readonly string[];
    readonly units: ReadonlyMap<string, UnitFingerprint>;
}

export interface FingerprintOptions {
    /** The sample inputs file synth reads. @default - `environments/samples/<env>.yaml` */
    readonly samplesFile?: string;
    /** Waiver files beyond the spec's (synth's `--waivers`). @default [] */
    readonly extraWaiverFiles?: readonly string[];
    /** What earlier runs learned about imports (parsed specifiers, resolutions). @default - nothing: parse everything */
    readonly memo?: SourceMemo;
    /**
     * Fingerprints of earlier rounds of this process (`edf synth --watch`): a unit none of whose
     * inputs changed keeps its fingerprint. @default - none: every unit is fingerprinted
     */
    readonly kept?: KeptEnvironmentFingerprints;
}

/** Fingerprints kept between the rounds of `edf synth --watch` (see {@link KeptFingerprints}). */
export type KeptEnvironmentFingerprints = KeptFingerprints<EnvironmentParts, UnitFingerprint>;

/** The package name of this SDK (its own package.json), whose version every fingerprint holds. */
const SDK_PACKAGE = sdkPackage().name;

/**
 * Fingerprints every unit of an environment as `tree` has it. Parts (automation/fingerprint/parts.ts):
 * the program's transitive sources (the TypeScript compiler's module resolution), the lock-file
 * pins of the packages they import, the SDK version, the project files, the environment's shared
 * settings (environment, region, account, assumed role, tags; the injector a unit reads from), the unit's spec
 * entry, the sample inputs it reads, the policy settings and pack sources, the waivers that can
 * match its stack, and the fingerprints of the units it depends on. Throws the spec's own errors
 * when the spec is missing or invalid in that tree.
 */
export function fingerprintEnvironment(tree: SourceTree, env: string, options: FingerprintOptions = {}): EnvironmentFingerprints {
    const kept = options.kept;
    const key = JSON.stringify([tree.root, env, options.samplesFile ?? null, options.extraWaiverFiles ?? []]);
    const previous = kept?.global;
    const keptGlobal =
        previous !== undefined &&
        previous.key === key &&
        statesHold(tree, previous.states) &&
        samePackLocation(previous.parts.pack, previous.parts.loaded.spec, tree.root);
    let g: EnvironmentParts;
    let sources: SourceGraph;
    if (keptGlobal) {
        g = previous.parts;
        sources = new SourceGraph(tree, options.memo);
    } else {
        const recording = kept ? new RecordingTree(tree) : undefined;
        sources = new SourceGraph(recording ?? tree, options.memo);
        g = environmentParts(recording ?? tree, env, sources, options);
        if (kept && recording) {
            kept.clear();
            kept.global = { key, states: statesOf(tree, recording.asked), parts: g };
        }
    }
    const { loaded, graph, order, base, baseKeys, baseDigests, waivers, samples, lock, project } = g;
    const named = new SourceParts(tree);
    const spec = loaded.spec;
    const units = new Map<string, UnitFingerprint>();
    let keptUnits = 0;
    const now = new Map<string, string>();
    for (const unit of order) {
        const dependencies = dependenciesOf(graph, unit);
        const before = kept?.units.get(unit);
        if (before && dependencies.every((d) => before.upstream.get(d) === units.get(d)!.hash) && statesHold(tree, before.states, now)) {
            units.set(unit, before.fingerprint);
            keptUnits++;
            continue;
        }
        const unitSpec = spec.units[unit]!;
        const stack = shortStackName(spec.environment, unit);
        const manifest = new Map<string, Part>(base);
        const touched = programParts(tree, sources, lock, unitSpec, manifest, named);
        addLeaves(manifest, `spec:/units/${unit.replace(/~/g, "~0").replace(/\//g, "~1")}`, unitSpec);
        injectorParts(spec, unitSpec, manifest);
        sampleParts(spec, unitSpec, samples, manifest);
        for (const waiver of waivers) {
            // Without a project name to match URNs against, every waiver can match.
            const canMatch = waiver.scope === undefined || project === undefined || waiverCanMatchStack(waiver.scope, stack, project);
            if (canMatch) manifest.set(waiver.key, waiver.part);
        }
        const upstream = new Map<string, string>();
        for (const dependency of dependencies) {
            const hash = units.get(dependency)!.hash;
            upstream.set(dependency, hash);
            manifest.set(`upstream:${dependency}`, { digest: hash });
        }
        const keys = keysOver(baseKeys, manifest);
        const fingerprint: UnitFingerprint = { unit, stack, hash: baseDigests.digest(manifest, keys), manifest, keys };
        units.set(unit, fingerprint);
        kept?.units.set(unit, { fingerprint, states: statesOf(tree, touched), upstream });
    }
    if (kept) kept.last = { keptUnits, keptGlobal };
    return { environment: spec.environment, tree: tree.description, loaded, graph, order, units };
}

/** What every unit of an environment shares: the spec, the graph, the lock file and the parts common to all manifests. */
export interface EnvironmentParts {
    readonly loaded: LoadedSpec;
    readonly graph: StackGraph;
    readonly order: readonly string[];
    readonly lock: LockFile;
    /** Every unit's manifest starts with these parts (hundreds: the pack's sources); their keys are sorted once. */
    readonly base: ReadonlyMap<string, Part>;
    readonly baseKeys: readonly string[];
    /** Digests of manifests over {@link base}. */
    readonly baseDigests: BaseDigests;
    readonly waivers: readonly WaiverPart[];
    readonly samples: Samples | undefined;
    readonly project: string | undefined;
    /** Where the pack was found (looked up on disk, not through the tree): undefined with policy off. */
    readonly pack: PackLocation | undefined;
}

function environmentParts(tree: SourceTree, env: string, sources: SourceGraph, options: FingerprintOptions): EnvironmentParts {
    const loaded = loadSpecFrom(tree, env);
    const spec = loaded.spec;
    const graph = buildGraph(spec);
    const lock = new LockFile(tree.read(path.join(tree.root, "package-lock.json")));
    const shared = new Map<string, Part>();
    sharedParts(tree, spec, lock, shared);
    const policyParts = new Map<string, Part>();
    const { waivers, pack } = policy(tree, spec, sources, lock, policyParts, options.extraWaiverFiles ?? []);
    const samples = readSamples(tree, options.samplesFile ?? path.join(tree.root, "environments", "samples", `${spec.environment}.yaml`));
    const base = new Map<string, Part>([...shared, ...policyParts]);
    const baseKeys = [...base.keys()].sort();
    return {
        loaded,
        graph,
        order: topologicalOrder(graph),
        lock,
        base,
        baseKeys,
        baseDigests: new BaseDigests(base, baseKeys),
        waivers,
        samples,
        project: projectNameIn(tree),
        pack,
    };
}

/** Whether the pack is still where it was found (packLocation looks at the disk itself, not through the tree). */
function samePackLocation(pack: PackLocation | undefined, spec: EnvironmentSpec, root: string): boolean {
    if (spec.policy?.enabled === false) return pack === undefined;
    const now = packLocation(spec.policy?.pack, root);
    return pack !== undefined && now.dir === pack.dir && now.policyModule === pack.policyModule;
}

/** The spec as the tree has it, validated exactly as `edf validate` does (waiver files looked up in the tree). */
export function loadSpecFrom(tree: SourceTree, env: string): LoadedSpec {
    const file = specPathFor(env, tree.root);
    const display = path.relative(tree.root, file) || file;
    const text = tree.read(file);
    if (text === undefined) {
        throw new EdfError("EDF_SPEC_NOT_FOUND", `No environment spec \`${display}\` in ${tree.description}.`, [
            { file: display, message: `the file does not exist in ${tree.description}`, fix: "check `--env` and the commit." },
        ]);
    }
    return parseSpec(text, display, { specDir: path.dirname(file), projectRoot: tree.root, isFile: (f) => tree.fileExists(f) });
}

/** The project name (in every URN) as the tree's `Pulumi.yaml` has it; `undefined` when it has none. */
function projectNameIn(tree: SourceTree): string | undefined {
    const text = tree.read(path.join(tree.root, PROJECT_FILE));
    if (text === undefined) return undefined;
    try {
        const name = (parseYaml(text) as { name?: unknown } | null)?.name;
        return typeof name === "string" ? name : undefined;
    } catch {
        return undefined;
    }
}

function blobPart(tree: SourceTree, file: string): Part {
    return { digest: tree.blobId(file) ?? "missing" };
}

function sharedParts(tree: SourceTree, spec: EnvironmentSpec, lock: LockFile, into: Map<string, Part>): void {
    for (const name of ["Pulumi.yaml", "tsconfig.json"]) into.set(`project:${name}`, blobPart(tree, path.join(tree.root, name)));
    const manifest = parseJson(tree.read(path.join(tree.root, "package.json"))) as { name?: string; version?: string } | undefined;
    const version = manifest?.name === SDK_PACKAGE ? (manifest.version ?? "unversioned") : lock.pin(SDK_PACKAGE).version;
    into.set(`sdk:${SDK_PACKAGE}`, { digest: sha256(version), label: version });
    // The role every stack assumes in its account is the environment's (a unit's own `account` and
    // `assumeRole` are leaves of its spec entry).
    const settings = {
        environment: spec.environment,
        region: spec.region,
        account: spec.account,
        assumeRole: spec.assumeRole,
        tags: spec.tags,
    };
    addLeaves(into, "settings:", settings);
}

/**
 * Source files' part keys and parts, made once per fingerprinting: the units of an environment
 * share most of their sources (the service SDK, the platform), hundreds of files each.
 */
class SourceParts {
    private readonly parts = new Map<string, readonly [string, Part]>();

    constructor(private readonly tree: SourceTree) {}

    of(file: string): readonly [string, Part] {
        let entry = this.parts.get(file);
        if (!entry) {
            entry = [`source:${treePath(this.tree, file)}`, blobPart(this.tree, file)];
            this.parts.set(file, entry);
        }
        return entry;
    }
}

/** Adds the program's parts; returns every path whose answer from the tree decided them. */
function programParts(
    tree: SourceTree,
    sources: SourceGraph,
    lock: LockFile,
    unitSpec: UnitSpec,
    into: Map<string, Part>,
    named: SourceParts,
): string[] {
    const folder = path.join(tree.root, unitSpec.path);
    const candidates = ["program.ts", "program.js"].map((f) => path.join(folder, f));
    const program = candidates.find((f) => tree.fileExists(f));
    if (!program) {
        into.set(`source:${treePath(tree, path.join(folder, "program.ts"))}`, { digest: "missing" });
        return candidates;
    }
    const closure = sources.closure([program]);
    for (const file of closure.files) {
        const [key, part] = named.of(file);
        into.set(key, part);
    }
    for (const name of closure.packages) {
        const pin = lock.pin(name);
        into.set(`package:${name}`, { digest: pin.digest, label: pin.version });
    }
    for (const missing of closure.missing) into.set(`missing:${missing}`, { digest: "missing" });
    return [...candidates, ...closure.touched];
}

/** A unit reading Vault or Consul depends on where they are (namespace, mount, datacenter). */
function injectorParts(spec: EnvironmentSpec, unitSpec: UnitSpec, into: Map<string, Part>): void {
    const sources = new Set(Object.values(unitSpec.inputs ?? {}).map((i) => i.from));
    for (const kind of ["vault", "consul"] as const) {
        if (sources.has(kind)) addLeaves(into, `settings:/injectors/${kind}`, spec.injectors?.[kind] ?? null);
    }
}

export interface Samples {
    readonly vault: Record<string, Record<string, unknown>>;
    readonly consul: Record<string, unknown>;
    readonly env: Record<string, unknown>;
}

function readSamples(tree: SourceTree, file: string): Samples | undefined {
    const text = tree.read(path.isAbsolute(file) ? file : path.resolve(tree.root, file));
    if (text === undefined) return undefined;
    let doc: Partial<Samples> | undefined;
    try {
        doc = parseYaml(text) as Partial<Samples> | undefined;
    } catch {
        // Synth reports a broken sample file; here it is a change like any other.
        return { vault: {}, consul: { "(unreadable sample file)": sha256(text) }, env: {} };
    }
    return { vault: doc?.vault ?? {}, consul: doc?.consul ?? {}, env: doc?.env ?? {} };
}

function sampleParts(spec: EnvironmentSpec, unitSpec: UnitSpec, samples: Samples | undefined, into: Map<string, Part>): void {
    if (!samples) return;
    const value = (v: unknown): Part => ({ digest: valueDigest(v ?? null) });
    for (const input of Object.values(unitSpec.inputs ?? {})) {
        if (input.from === "vault") {
            const mount = input.mount ?? spec.injectors?.vault?.mount ?? "secret";
            into.set(`sample:vault:${mount}/${input.path}#${input.field}`, value(samples.vault[`${mount}/${input.path}`]?.[input.field]));
        } else if (input.from === "consul") {
            const prefix = input.key.endsWith("/") ? input.key : `${input.key}/`;
            for (const [key, v] of Object.entries(samples.consul)) {
                if (key === input.key || (input.recurse && key.startsWith(prefix))) into.set(`sample:consul:${key}`, value(v));
            }
            if (!input.recurse && !(input.key in samples.consul)) into.set(`sample:consul:${input.key}`, value(undefined));
        } else if (input.from === "env") {
            into.set(`sample:env:${input.name}`, value(samples.env[input.name]));
        }
    }
}

/** A waiver as a fingerprint part, with the selector that decides which stacks it can match. */
export interface WaiverPart {
    readonly key: string;
    readonly part: Part;
    /** Undefined: the file could not be read as waivers, so it is in every unit's fingerprint. */
    readonly scope?: { readonly selector: { readonly urn?: string } };
}

/** Policy settings and pack sources (every unit's), and the waivers with their scope. */
function policy(
    tree: SourceTree,
    spec: EnvironmentSpec,
    sources: SourceGraph,
    lock: LockFile,
    into: Map<string, Part>,
    extraWaiverFiles: readonly string[],
): { waivers: WaiverPart[]; pack: PackLocation | undefined } {
    const settings = spec.policy ?? {};
    addLeaves(into, "policy:/policy", {
        enabled: settings.enabled ?? true,
        pack: settings.pack ?? null,
        enforcement: settings.enforcement ?? {},
        config: settings.config ?? {},
    });
    if (settings.enabled === false) return { waivers: [], pack: undefined };
    const pack = packLocation(settings.pack, tree.root);
    const entries = ["policy-list.ts", "index.ts"].map((f) => path.join(pack.dir, f));
    const closure = sources.closure(entries);
    const files = new Set([...closure.files, ...["PulumiPolicy.yaml", "package.json", "tsconfig.json"].map((f) => path.join(pack.dir, f))]);
    for (const file of files) into.set(`pack:${treePath(tree, file)}`, blobPart(tree, file));
    for (const name of closure.packages) {
        const pin = lock.pin(name);
        into.set(`package:${name}`, { digest: pin.digest, label: pin.version });
    }
    const waiverFiles = [...(settings.waivers ?? []), ...extraWaiverFiles.map((f) => path.resolve(f))];
    return { waivers: waiverFiles.flatMap((file) => waiverParts(tree, file)), pack };
}

function waiverParts(tree: SourceTree, file: string): WaiverPart[] {
    const shown = treePath(tree, file);
    const text = tree.read(file);
    let doc: { waivers?: unknown } | undefined;
    try {
        doc = text === undefined ? undefined : ((file.endsWith(".json") ? JSON.parse(text) : parseYaml(text)) as typeof doc);
    } catch {
        doc = undefined;
    }
    const list = doc?.waivers;
    if (!Array.isArray(list) || !list.every((w) => typeof (w as { id?: unknown })?.id === "string")) {
        // Not a list of waivers (the policy module reports why): the whole file counts, for every unit.
        return [{ key: `waiver:${shown}`, part: { digest: tree.blobId(file) ?? "missing", label: shown } }];
    }
    return (list as { id: string; selector?: { urn?: unknown } }[]).map((w) => ({
        key: `waiver:${w.id}`,
        part: { digest: sha256(canonicalJson(w)), label: shown },
        scope: { selector: typeof w.selector?.urn === "string" ? { urn: w.selector.urn } : {} },
    }));
}

function parseJson(text: string | undefined): unknown {
    try {
        return text === undefined ? undefined : JSON.parse(text);
    } catch {
        return undefined;
    }
}
