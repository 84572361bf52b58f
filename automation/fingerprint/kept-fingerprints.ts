import type { SourceTree } from "./source-tree";

/**
 * A source tree that notes every path it is asked about, so what a fingerprint read can be
 * checked again later (see {@link KeptFingerprints}).
 */
export class RecordingTree implements SourceTree {
    readonly asked = new Set<string>();

    constructor(private readonly tree: SourceTree) {}

    get root(): string {
        return this.tree.root;
    }

    get description(): string {
        return this.tree.description;
    }

    blobId(file: string): string | undefined {
        this.asked.add(file);
        return this.tree.blobId(file);
    }

    read(file: string): string | undefined {
        this.asked.add(file);
        return this.tree.read(file);
    }

    fileExists(file: string): boolean {
        this.asked.add(file);
        return this.tree.fileExists(file);
    }

    directoryExists(dir: string): boolean {
        this.asked.add(dir);
        return this.tree.directoryExists(dir);
    }

    prefetch(files: readonly string[]): void {
        this.tree.prefetch(files);
    }
}

/** Everything a tree can say about a path: a file with its content (git blob id), a folder, or nothing. */
export function pathState(tree: SourceTree, file: string): string {
    if (tree.fileExists(file)) return `file ${tree.blobId(file) ?? "unreadable"}`;
    return tree.directoryExists(file) ? "directory" : "none";
}

/** What a tree says about each of `paths`, to be checked with {@link statesHold}. */
export function statesOf(tree: SourceTree, paths: Iterable<string>): ReadonlyMap<string, string> {
    const states = new Map<string, string>();
    for (const file of paths) states.set(file, pathState(tree, file));
    return states;
}

/**
 * Whether the tree still says what it said about every path. `now` keeps each path's state as
 * this tree gives it (units share most of their paths: each is looked at once a fingerprinting).
 */
export function statesHold(tree: SourceTree, states: ReadonlyMap<string, string>, now?: Map<string, string>): boolean {
    for (const [file, state] of states) {
        let current = now?.get(file);
        if (current === undefined) {
            current = pathState(tree, file);
            now?.set(file, current);
        }
        if (current !== state) return false;
    }
    return true;
}

/**
 * Fingerprints kept between the rounds of one process (`edf synth --watch`), each with the state of
 * every path its computation asked the tree about. A fingerprint is a function of the tree's
 * answers about those paths (and of the options, the upstream units' fingerprints): while every
 * answer is the same, so is the fingerprint, and it is not computed again. The environment-wide
 * parts (spec, lock file, project files, policy settings and pack sources, waivers, samples) are
 * kept the same way; when any of them changed, every unit is fingerprinted again.
 *
 * The check reads the tree (a stat per path, file digests by their stamps): it does not rely on
 * the watcher having seen a change.
 */
export class KeptFingerprints<Global = unknown, Unit = unknown> {
    /** @internal the environment-wide parts, with the options they were computed for */
    global: { readonly key: string; readonly states: ReadonlyMap<string, string>; readonly parts: Global } | undefined;
    /** @internal each unit's fingerprint, with the states of its paths and its upstream units' hashes */
    readonly units = new Map<
        string,
        { readonly fingerprint: Unit; readonly states: ReadonlyMap<string, string>; readonly upstream: ReadonlyMap<string, string> }
    >();
    /** How many units the last fingerprinting kept, and whether it kept the environment-wide parts. */
    last: { readonly keptUnits: number; readonly keptGlobal: boolean } = { keptUnits: 0, keptGlobal: false };

    /** Forgets everything (a failed round, for instance): the next fingerprinting starts afresh. */
    clear(): void {
        this.global = undefined;
        this.units.clear();
    }
}
