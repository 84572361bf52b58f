import * as fs from "fs";
import * as path from "path";
import { processFileDigests } from "../fingerprint/file-digests";
import type { KeptEnvironmentFingerprints } from "../fingerprint/fingerprint";
import { KeptFingerprints } from "../fingerprint/kept-fingerprints";
import { forgetPolicyLists } from "../policy/pack";
import type { Reporter } from "../reporter";
import { InThreadEvaluator, StackEvaluator } from "./pool";

/** Folders under the project a watch never reacts to: installed packages, edf's own state, git's, build output. */
const IGNORED = ["node_modules", ".edf", ".git", "dist", "test-artifacts", path.join("bench", ".peer")];

/** The project's changed files, as a watch hands them to the next round. */
export interface ProjectWatcher {
    /** The files changed since the last call, once a change has settled (`settleMs` without another); undefined once aborted. */
    next(): Promise<string[] | undefined>;
    close(): void;
}

/**
 * Watches the project's files (recursively; Node's `fs.watch`, inotify on Linux) for `edf synth
 * --watch`. Changes are gathered until none arrives for `settleMs` (an editor's save is often a
 * write, a rename and a chmod), then handed over at once.
 */
export function watchProject(
    root: string,
    signal: AbortSignal,
    options: { ignore?: readonly string[]; settleMs?: number } = {},
): ProjectWatcher {
    const ignored = [...IGNORED, ...(options.ignore ?? [])].map((p) => path.resolve(root, p) + path.sep);
    const settleMs = options.settleMs ?? 100;
    const pending = new Set<string>();
    let wake: (() => void) | undefined;
    let timer: NodeJS.Timeout | undefined;
    const watcher = fs.watch(root, { recursive: true }, (_event, name) => {
        if (!name) return;
        const file = path.resolve(root, name.toString());
        if (ignored.some((dir) => file.startsWith(dir) || `${file}${path.sep}` === dir)) return;
        pending.add(file);
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
            timer = undefined;
            wake?.();
        }, settleMs);
    });
    const close = (): void => {
        if (timer) clearTimeout(timer);
        watcher.close();
        wake?.();
    };
    signal.addEventListener("abort", close, { once: true });
    return {
        async next() {
            while (!signal.aborted) {
                if (pending.size > 0 && !timer) break;
                await new Promise<void>((resolve) => (wake = resolve));
                wake = undefined;
            }
            if (signal.aborted) return undefined;
            const files = [...pending].sort();
            pending.clear();
            return files;
        },
        close,
    };
}

/** Fingerprints a watch keeps between its rounds: a unit whose inputs all read the same is not fingerprinted again. */
export function keptFingerprints(): KeptEnvironmentFingerprints {
    return new KeptFingerprints();
}

/** What {@link forgetChangedModules} did. */
export interface Forgotten {
    /** Modules dropped from the require cache: the changed ones and every module that imports one of them. */
    readonly modules: readonly string[];
    /** A changed file the driver itself has loaded: its old code keeps running until edf restarts. */
    readonly driverFile?: string;
}

/**
 * Drops changed project files from this process's require cache, with every module that imports
 * one of them (transitively), so the next evaluation loads them as they are now. Modules in
 * `driver` — the driver and what it loaded before any program ran: the SDK, the unit runtime —
 * are kept (a program's module is required by `unit/load.ts` at run time, not imported by it);
 * a changed file among them is returned instead: the process must restart to run it.
 */
export function forgetChangedModules(changed: readonly string[], driver: ReadonlySet<string>): Forgotten {
    const cache = require.cache;
    const importers = new Map<string, string[]>();
    for (const module of Object.values(cache)) {
        if (!module) continue;
        for (const child of module.children ?? []) {
            const list = importers.get(child.id) ?? [];
            list.push(module.id);
            importers.set(child.id, list);
        }
    }
    const loaded = changed.map((file) => realPath(file)).filter((file) => cache[file] !== undefined);
    const driverFile = loaded.find((file) => driver.has(file));
    if (driverFile) return { modules: [], driverFile };
    const forgotten = new Set<string>();
    const queue = [...loaded];
    while (queue.length > 0) {
        const id = queue.pop()!;
        if (forgotten.has(id) || driver.has(id)) continue;
        forgotten.add(id);
        queue.push(...(importers.get(id) ?? []));
    }
    for (const id of forgotten) {
        const module = cache[id];
        delete cache[id];
        // Parents keep a module in `children`: drop it there too, or the next round would see a stale importer graph.
        for (const parent of importers.get(id) ?? []) {
            const p = cache[parent];
            if (p?.children && module) p.children = p.children.filter((c) => c !== module);
        }
    }
    // A policy list is memoized by path: one loaded again must be read again.
    if (forgotten.size > 0) forgetPolicyLists();
    return { modules: [...forgotten].sort() };
}

function realPath(file: string): string {
    try {
        return fs.realpathSync(file);
    } catch {
        return file;
    }
}

/**
 * The modules this process runs on before a watch's first round: the driver, the evaluator, the
 * Pulumi SDK and the unit runtime (loaded here if not yet). A watch keeps them between rounds.
 */
export function driverModules(): ReadonlySet<string> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads the evaluator (and the SDK) before any program, see above
    require("./evaluate");
    return new Set(Object.keys(require.cache));
}

export interface WatchRoundsOptions {
    readonly projectRoot: string;
    readonly edfHome: string;
    /** Aborted by Ctrl-C: the watch ends (exit 130). */
    readonly signal: AbortSignal;
    readonly reporter: Reporter;
    /** {@link driverModules}, taken before the first round. */
    readonly driver: ReadonlySet<string>;
    /** One synth with the reports written and shown; its exit code. */
    round(evaluator: StackEvaluator): Promise<number>;
}

/**
 * `edf synth --watch` after its first round: each settled change of the project's files drops the
 * changed modules (and their importers) from the require cache and synthesizes again in this
 * thread, the SDK and the driver loaded, the synth cache warm: what the change affects is
 * evaluated or inspected again, the rest comes from the cache, and the reports are rewritten. A
 * failed round (a spec that no longer validates) is reported and the watch goes on. A change of
 * the driver's own code ends the watch: it asks for a restart. Returns the exit code: 130 when
 * stopped with Ctrl-C, else the last round's.
 */
export async function watchRounds(options: WatchRoundsOptions): Promise<number> {
    const { projectRoot, reporter } = options;
    const home = path.relative(projectRoot, options.edfHome);
    const inside = home !== "" && !home.startsWith("..") && !path.isAbsolute(home);
    const watcher = watchProject(projectRoot, options.signal, { ignore: inside ? [home] : [] });
    const evaluator = new InThreadEvaluator();
    const shown = (file: string): string => path.relative(projectRoot, file) || file;
    try {
        for (;;) {
            reporter.info(`watching ${projectRoot} for changes (Ctrl-C stops)`);
            const changed = await watcher.next();
            if (!changed) return 130;
            // The watcher saw these change: read and hash them again whatever their stamp says.
            processFileDigests.forget(changed);
            const forgotten = forgetChangedModules(changed, options.driver);
            if (forgotten.driverFile) {
                reporter.warn(
                    `${shown(forgotten.driverFile)} changed, and edf itself runs on it: restart \`edf synth --watch\` to use it.`,
                );
                return 3;
            }
            const more = changed.length > 3 ? ` and ${changed.length - 3} more` : "";
            reporter.info(`changed: ${changed.slice(0, 3).map(shown).join(", ")}${more}: synthesizing again`);
            try {
                await options.round(evaluator);
            } catch (error) {
                reporter.error(error);
            }
        }
    } finally {
        watcher.close();
        await evaluator.close();
    }
}
