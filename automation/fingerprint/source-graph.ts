import * as path from "path";
import type * as TypeScript from "typescript";
import { isNodeBuiltin, isRelative, packageNameOf } from "../../policy-packs/tools/bundle/specifiers";
import { Probe, Resolution, SourceMemo } from "./source-memo";
import { SourceTree, treePath } from "./source-tree";

/** One source file and what it imports, resolved. */
export interface SourceNode {
    readonly file: string;
    /** Project files it imports (absolute paths). */
    readonly locals: readonly string[];
    /** Packages it imports by name (`@pulumi/aws` for `@pulumi/aws/s3`). */
    readonly packages: readonly string[];
    /** Relative imports that name no file (the program would fail to load; creating the file changes the result). */
    readonly missing: readonly string[];
    /**
     * Every path whose answer from the tree decided this node (absolute): the file itself and each
     * path its imports' resolutions probed (a missing candidate included). Equal answers for all of
     * them give the same node, which is what lets a `--watch` round keep a unit's fingerprint.
     */
    readonly touched: readonly string[];
}

/** What a set of entry files loads: every project file and every package, transitively. */
export interface SourceClosure {
    /** Absolute paths, sorted. */
    readonly files: readonly string[];
    /** Package names, sorted. */
    readonly packages: readonly string[];
    /** `<file>: <specifier>` of imports that resolve to nothing, sorted. */
    readonly missing: readonly string[];
    /** The {@link SourceNode.touched} paths of every file loaded, and the entries, sorted. */
    readonly touched: readonly string[];
}

const PARSED = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

// The compiler and the bundler's import finder load only when something must be parsed or
// resolved anew: a warm run answers from the memo and never pays the compiler's start-up.
let compiler: typeof TypeScript | undefined;
function typescript(): typeof TypeScript {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first need (seconds of start-up otherwise)
    return (compiler ??= require("typescript") as typeof TypeScript);
}
let finder: typeof import("../../policy-packs/tools/bundle/imports").moduleReferences | undefined;
function moduleReferences(file: string, text: string): { specifier: string }[] {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- it loads the compiler: only when a file must be parsed
    finder ??= (require("../../policy-packs/tools/bundle/imports") as typeof import("../../policy-packs/tools/bundle/imports"))
        .moduleReferences;
    return finder(file, text);
}

/**
 * The import graph of a source tree, walked with the TypeScript compiler's own module
 * resolution (the project's `tsconfig.json` options), as the policy bundler walks a pack
 * (policy-packs/tools/bundle/graph.ts): imports are found on the syntax tree (type-only
 * imports, `require`, `import()` included) and relative specifiers are resolved against the
 * tree — on disk, or inside a commit. What was parsed and resolved is kept in a
 * {@link SourceMemo}, checked against the tree before it is trusted.
 */
export class SourceGraph {
    private readonly nodes = new Map<string, SourceNode>();
    /** {@link walk}'s answers, by the files walked from (this graph sees one moment of its tree). */
    private readonly closures = new Map<string, SourceClosure>();
    private readonly relativeDirs = new Map<string, string>();
    private readonly absolutes = new Map<string, string>();
    private options: TypeScript.CompilerOptions | undefined;
    private readonly optionsKey: string;

    constructor(
        private readonly tree: SourceTree,
        private readonly memo: SourceMemo = new SourceMemo(),
    ) {
        this.optionsKey = tree.blobId(path.join(tree.root, "tsconfig.json")) ?? "none";
    }

    /**
     * The files and packages `entries` load, transitively. Entries that do not exist are skipped.
     * What the entries import is walked once per set of imported files (memoized): 100 programs
     * that each import a shared service program walk its sources once, not 100 times.
     */
    closure(entries: readonly string[]): SourceClosure {
        const roots = [...new Set(entries.filter((e) => this.tree.fileExists(e)))];
        const rootSet = new Set(roots);
        this.tree.prefetch(roots.filter((f) => !this.nodes.has(f) && this.mustParse(f)));
        const nodes = roots.map((f) => this.node(f));
        const imported = [...new Set(nodes.flatMap((n) => n.locals))].filter((f) => !rootSet.has(f)).sort();
        const key = imported.join("\0");
        let inner = this.closures.get(key);
        if (!inner) {
            inner = this.walk(imported);
            this.closures.set(key, inner);
        }
        return {
            files: sortedUnion(inner.files, roots),
            packages: sortedUnion(
                inner.packages,
                nodes.flatMap((n) => n.packages),
            ),
            missing: sortedUnion(
                inner.missing,
                nodes.flatMap((n) => n.missing),
            ),
            touched: sortedUnion(inner.touched, [...entries, ...nodes.flatMap((n) => n.touched)]),
        };
    }

    /** Every file `entries` (existing files) load, transitively, breadth first. */
    private walk(entries: readonly string[]): SourceClosure {
        const files = new Set<string>();
        const packages = new Set<string>();
        const missing = new Set<string>();
        const touched = new Set<string>(entries);
        let frontier = [...entries];
        while (frontier.length > 0) {
            frontier = frontier.filter((f) => !files.has(f));
            frontier.forEach((f) => files.add(f));
            // A commit reads the files it must parse in one batch.
            this.tree.prefetch(frontier.filter((f) => !this.nodes.has(f) && this.mustParse(f)));
            const next: string[] = [];
            for (const file of frontier) {
                const node = this.node(file);
                node.packages.forEach((p) => packages.add(p));
                node.missing.forEach((m) => missing.add(m));
                node.touched.forEach((t) => touched.add(t));
                for (const local of node.locals) if (!files.has(local)) next.push(local);
            }
            frontier = [...new Set(next)];
        }
        return {
            files: [...files].sort(),
            packages: [...packages].sort(),
            missing: [...missing].sort(),
            touched: [...touched].sort(),
        };
    }

    /** One file's imports, resolved (memoized). */
    node(file: string): SourceNode {
        let node = this.nodes.get(file);
        if (node) return node;
        const locals = new Set<string>();
        const packages = new Set<string>();
        const missing: string[] = [];
        const touched = new Set<string>([file]);
        for (const specifier of this.references(file)) {
            if (isNodeBuiltin(specifier)) continue;
            if (isRelative(specifier) || path.isAbsolute(specifier)) {
                const target = this.resolve(specifier, file, touched);
                if (target) locals.add(target);
                else missing.push(`${treePath(this.tree, file)}: ${specifier}`);
            } else {
                packages.add(packageNameOf(specifier));
            }
        }
        node = { file, locals: [...locals], packages: [...packages], missing, touched: [...touched] };
        this.nodes.set(file, node);
        return node;
    }

    /** Keeps what this graph learned for the next run. */
    save(): void {
        this.memo.save();
    }

    private mustParse(file: string): boolean {
        const blob = this.tree.blobId(file);
        return PARSED.test(file) && !file.endsWith(".d.ts") && (!blob || this.memo.referencesOf(blob) === undefined);
    }

    private references(file: string): readonly string[] {
        if (!PARSED.test(file) || file.endsWith(".d.ts")) return [];
        const blob = this.tree.blobId(file);
        const known = blob ? this.memo.referencesOf(blob) : undefined;
        if (known) return known;
        const specifiers = [...new Set(moduleReferences(file, this.tree.read(file) ?? "").map((r) => r.specifier))];
        if (blob) this.memo.rememberReferences(blob, specifiers);
        return specifiers;
    }

    /**
     * Where `specifier` from `file` leads (absolute path), replaying a remembered resolution when it
     * still holds. The paths whose answers decided it are added to `touched`.
     */
    private resolve(specifier: string, file: string, touched: Set<string>): string | undefined {
        const dir = path.dirname(file);
        const key = `${this.optionsKey}\0${this.relativeDir(dir)}\0${specifier}`;
        const known = this.memo.resolutionOf(key);
        if (known && known.probes.every((probe) => this.answer(probe) === probe[2])) {
            for (const probe of known.probes) touched.add(this.absolute(probe[1]));
            return known.target === null ? undefined : path.resolve(this.tree.root, known.target);
        }
        const probes: Probe[] = [];
        const relative = (f: string): string => treePath(this.tree, f);
        const host: TypeScript.ModuleResolutionHost = {
            fileExists: (f) => {
                const answer = this.tree.fileExists(f);
                probes.push(["file", relative(f), answer]);
                return answer;
            },
            directoryExists: (d) => {
                const answer = this.tree.directoryExists(d);
                probes.push(["dir", relative(d), answer]);
                return answer;
            },
            readFile: (f) => {
                probes.push(["read", relative(f), this.tree.blobId(f) ?? null]);
                return this.tree.read(f);
            },
            getCurrentDirectory: () => this.tree.root,
            realpath: (f) => f,
        };
        const resolved = typescript().resolveModuleName(specifier, file, this.compilerOptions(), host).resolvedModule;
        const target = resolved && !resolved.isExternalLibraryImport ? path.resolve(resolved.resolvedFileName) : undefined;
        const resolution: Resolution = { target: target ? relative(target) : null, probes };
        for (const probe of probes) touched.add(path.resolve(this.tree.root, probe[1]));
        this.memo.rememberResolution(key, resolution);
        return target;
    }

    /** A folder relative to the tree's root (memoized: every file of a folder resolves its imports from it). */
    private relativeDir(dir: string): string {
        let relative = this.relativeDirs.get(dir);
        if (relative === undefined) this.relativeDirs.set(dir, (relative = treePath(this.tree, dir)));
        return relative;
    }

    /** A tree-relative path of a probe, absolute (memoized: the same paths are probed from many files). */
    private absolute(relative: string): string {
        let file = this.absolutes.get(relative);
        if (file === undefined) this.absolutes.set(relative, (file = path.resolve(this.tree.root, relative)));
        return file;
    }

    private answer(probe: Probe): boolean | string | null {
        const file = this.absolute(probe[1]);
        switch (probe[0]) {
            case "file":
                return this.tree.fileExists(file);
            case "dir":
                return this.tree.directoryExists(file);
            case "read":
                return this.tree.blobId(file) ?? null;
        }
    }

    /** The module-resolution options of the tree's `tsconfig.json` (Node resolution, JSON modules, by default). */
    private compilerOptions(): TypeScript.CompilerOptions {
        if (this.options) return this.options;
        const ts = typescript();
        const defaults: TypeScript.CompilerOptions = {
            moduleResolution: ts.ModuleResolutionKind.Node10,
            resolveJsonModule: true,
            allowJs: true,
        };
        const text = this.tree.read(path.join(this.tree.root, "tsconfig.json"));
        const raw =
            text === undefined
                ? undefined
                : (ts.parseConfigFileTextToJson("tsconfig.json", text).config as { compilerOptions?: unknown })?.compilerOptions;
        // Resolution only: what the compiler would load, whatever it emits.
        this.options = raw
            ? { ...defaults, ...ts.convertCompilerOptionsFromJson(raw, this.tree.root).options, allowJs: true, noEmit: true }
            : defaults;
        return this.options;
    }
}

/** `sorted` (sorted, no duplicates) with `more` added: sorted, no duplicates; `sorted` itself when `more` adds nothing. */
function sortedUnion(sorted: readonly string[], more: readonly string[]): readonly string[] {
    const known = new Set(sorted);
    const added = [...new Set(more.filter((m) => !known.has(m)))];
    if (added.length === 0) return sorted;
    return [...sorted, ...added].sort();
}
