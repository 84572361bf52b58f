import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { BundleError } from "./graph";
import { isNodeBuiltin, isRelative, moduleReferences, packageNameOf, typesPackageOf } from "./imports";

function sourceFiles(dir: string, root = dir): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) return e.name === "node_modules" ? [] : sourceFiles(full, root);
        return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith(".d.ts") ? [full] : [];
    });
}

function inside(dir: string, file: string): boolean {
    const rel = path.relative(dir, file);
    return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}

/**
 * What keeps a bundle folder from working on its own, independently of how it was made: a
 * missing pack file, a relative import that leaves the folder or names nothing, an absolute
 * import, or a bare import whose package (or its `@types/` package) is not a declared dependency.
 * Node built-ins need no declaration.
 */
export function bundleProblems(bundleDir: string): string[] {
    const dir = path.resolve(bundleDir);
    const problems: string[] = [];
    for (const required of ["PulumiPolicy.yaml", "package.json", "tsconfig.json"]) {
        if (!fs.existsSync(path.join(dir, required))) problems.push(`${required} is missing from the bundle ${dir}.`);
    }
    if (problems.length > 0) return problems;
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {
        main?: string;
        dependencies?: Record<string, string>;
    };
    const deps = manifest.dependencies ?? {};
    const main = path.join(dir, manifest.main ?? "index.ts");
    if (!fs.existsSync(main) || !inside(dir, main))
        problems.push(`package.json: \`main\` (${manifest.main ?? "index.ts"}) is not a file inside the bundle.`);
    const options: ts.CompilerOptions = { moduleResolution: ts.ModuleResolutionKind.Node10, resolveJsonModule: true, allowJs: false };
    for (const file of sourceFiles(dir)) {
        const where = path.relative(dir, file);
        for (const ref of moduleReferences(file, fs.readFileSync(file, "utf8"))) {
            const at = `${where}:${ref.line}: import \`${ref.specifier}\``;
            if (isNodeBuiltin(ref.specifier)) continue;
            if (isRelative(ref.specifier)) {
                const target = ts.resolveModuleName(ref.specifier, file, options, ts.sys).resolvedModule?.resolvedFileName;
                if (!target) problems.push(`${at} names no file in the bundle.`);
                else if (!inside(dir, path.resolve(target))) problems.push(`${at} leaves the bundle (${path.resolve(target)}).`);
            } else if (path.isAbsolute(ref.specifier)) {
                problems.push(`${at} is an absolute path.`);
            } else {
                const name = packageNameOf(ref.specifier);
                if (deps[name] === undefined && deps[typesPackageOf(name)] === undefined)
                    problems.push(`${at}: \`${name}\` is not a dependency in the bundle's package.json.`);
            }
        }
    }
    return problems;
}

/** Throws every problem of `bundleProblems` at once. */
export function assertBundleClosed(bundleDir: string): void {
    const problems = bundleProblems(bundleDir);
    if (problems.length > 0) throw new BundleError(problems);
}
