import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { isNodeBuiltin, isRelative, ModuleReference, moduleReferences, packageNameOf } from "./imports";

/** A relative import, resolved to the source file it names. */
export interface LocalImport extends ModuleReference {
    readonly target: string;
}

/** A bare import: the package the specifier names, and the package TypeScript took its types from. */
export interface PackageImport extends ModuleReference {
    readonly packageName: string;
    /** E.g. `@types/sarif` for `sarif`; absent when the types come with the package or none were found. */
    readonly typesPackage?: string;
}

export interface SourceFileNode {
    readonly file: string;
    readonly text: string;
    readonly locals: readonly LocalImport[];
    readonly packages: readonly PackageImport[];
}

/** Every source file reachable from the entry, keyed by absolute path, in discovery order. */
export type SourceGraph = ReadonlyMap<string, SourceFileNode>;

export class BundleError extends Error {
    constructor(readonly problems: readonly string[]) {
        super(problems.join("\n"));
        this.name = "BundleError";
    }
}

const BUNDLEABLE = /\.(ts|tsx|json)$/;

/** Where `file` sits for messages: relative to `base` when inside it. */
export function shown(file: string, base: string): string {
    const rel = path.relative(base, file);
    return rel.startsWith("..") ? file : rel;
}

/**
 * Walks the imports from `entry` with the TypeScript compiler's own module resolution (the
 * pack's compiler options), so exactly the files the analyzer would load are found. Relative
 * imports must land on .ts/.tsx/.json sources outside node_modules; everything that cannot be
 * bundled is collected and reported at once, naming the file, line and import.
 */
export function walkSources(entry: string, options: ts.CompilerOptions, base: string): SourceGraph {
    const graph = new Map<string, SourceFileNode>();
    const problems: string[] = [];
    const queue = [path.resolve(entry)];
    while (queue.length > 0) {
        const file = queue.shift() as string;
        if (graph.has(file)) continue;
        const text = fs.readFileSync(file, "utf8");
        const locals: LocalImport[] = [];
        const packages: PackageImport[] = [];
        const refs = file.endsWith(".json") ? [] : moduleReferences(file, text);
        for (const ref of refs) {
            const at = `${shown(file, base)}:${ref.line}: import \`${ref.specifier}\``;
            if (isNodeBuiltin(ref.specifier)) continue;
            const resolved = ts.resolveModuleName(ref.specifier, file, options, ts.sys).resolvedModule;
            if (isRelative(ref.specifier)) {
                const target = resolved?.resolvedFileName;
                if (!target) problems.push(`${at} does not resolve to a file: fix the path.`);
                else if (resolved.isExternalLibraryImport || target.split(path.sep).includes("node_modules"))
                    problems.push(`${at} reaches into node_modules (${target}): import the package by name instead.`);
                else if (!BUNDLEABLE.test(target) || target.endsWith(".d.ts"))
                    problems.push(`${at} resolves to ${shown(target, base)}, which is not a .ts/.tsx/.json source the bundle can carry.`);
                else {
                    locals.push({ ...ref, target });
                    queue.push(target);
                }
            } else if (path.isAbsolute(ref.specifier)) {
                problems.push(`${at} is an absolute path, which cannot work once published: make it relative.`);
            } else {
                const packageName = packageNameOf(ref.specifier);
                const typesFrom = resolved?.packageId?.name;
                packages.push({ ...ref, packageName, ...(typesFrom && typesFrom !== packageName ? { typesPackage: typesFrom } : {}) });
            }
        }
        graph.set(file, { file, text, locals, packages });
    }
    if (problems.length > 0) throw new BundleError(problems);
    return graph;
}
