import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { assertBundleClosed } from "./closed";
import { BundleError, walkSources } from "./graph";
import { bundlePathOf, rewriteImports } from "./layout";
import { bundleDependencies, VersionTable } from "./manifest";

export interface BundleOptions {
    /** The pack folder (holding PulumiPolicy.yaml, package.json and the entry file). */
    readonly packDir: string;
    /** The bundle folder to (re)create, e.g. `dist/bundles/pipeline`. */
    readonly outDir: string;
    /** The project whose package.json pins the versions. @default - the nearest folder above the pack with a package.json */
    readonly projectRoot?: string;
}

export interface BundleResult {
    readonly outDir: string;
    /** Bundle paths of the sources written, sorted. */
    readonly files: readonly string[];
    readonly dependencies: Readonly<Record<string, string>>;
}

/** Used when the pack has no tsconfig.json; the same settings as the packs' own. */
export const DEFAULT_TSCONFIG = {
    compilerOptions: {
        target: "ES2022",
        module: "commonjs",
        moduleResolution: "node",
        lib: ["ES2022"],
        strict: true,
        esModuleInterop: true,
        resolveJsonModule: true,
        skipLibCheck: true,
        types: ["node"],
    },
};

interface PackManifest {
    name?: string;
    version?: string;
    description?: string;
    license?: string;
    main?: string;
    dependencies?: Record<string, string>;
}

function readJson<T>(file: string): T {
    try {
        return JSON.parse(fs.readFileSync(file, "utf8")) as T;
    } catch (e) {
        throw new BundleError([`${file} is not readable JSON: ${(e as Error).message}`]);
    }
}

function findProjectRoot(packDir: string): string {
    for (let dir = path.dirname(packDir); ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "package.json"))) return dir;
        if (path.dirname(dir) === dir)
            throw new BundleError([
                `No package.json above ${packDir}: pass \`projectRoot\` (the folder whose package.json pins the versions).`,
            ]);
    }
}

function compilerOptionsOf(packDir: string): { options: ts.CompilerOptions; tsconfigText: string } {
    const file = path.join(packDir, "tsconfig.json");
    if (!fs.existsSync(file)) {
        return {
            options: ts.convertCompilerOptionsFromJson(DEFAULT_TSCONFIG.compilerOptions, packDir).options,
            tsconfigText: `${JSON.stringify(DEFAULT_TSCONFIG, null, 2)}\n`,
        };
    }
    const text = fs.readFileSync(file, "utf8");
    const read = ts.readConfigFile(file, (f) => fs.readFileSync(f, "utf8"));
    if (read.error) throw new BundleError([`${file}: ${ts.flattenDiagnosticMessageText(read.error.messageText, " ")}`]);
    if ((read.config as { extends?: unknown }).extends !== undefined)
        throw new BundleError([`${file}: \`extends\` points outside what a published pack carries: inline the options.`]);
    const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, packDir);
    const errors = parsed.errors.filter((d) => d.code !== 18003); // 18003: no inputs found (the pack lists no `files`)
    if (errors.length > 0) throw new BundleError(errors.map((d) => `${file}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`));
    return { options: parsed.options, tsconfigText: text };
}

/** Refuses to wipe anything that is not a previous bundle, the pack itself, or a folder around it. */
function prepareOutDir(outDir: string, packDir: string): void {
    const rel = path.relative(outDir, packDir);
    if (rel === "" || !rel.startsWith("..") || !path.relative(packDir, outDir).startsWith("..")) {
        throw new BundleError([
            `The bundle folder ${outDir} overlaps the pack folder ${packDir}: choose a folder outside it (e.g. dist/bundles/<pack>).`,
        ]);
    }
    if (fs.existsSync(outDir)) {
        const entries = fs.readdirSync(outDir);
        if (entries.length > 0 && !entries.includes("PulumiPolicy.yaml"))
            throw new BundleError([`${outDir} exists and is not a pack bundle: remove it or choose another output folder.`]);
        fs.rmSync(outDir, { recursive: true, force: true });
    }
}

/**
 * Makes a self-contained copy of a policy pack that `pulumi policy publish` can upload: the
 * sources reachable from the entry (walked with the TypeScript compiler API), those from outside
 * the pack under `vendor/`, imports rewritten so none leaves the folder, the pack's
 * PulumiPolicy.yaml and tsconfig.json, and a package.json with the exact dependencies. Checks the
 * result is closed before returning. Bad input changes nothing on disk.
 */
export function bundlePack(opts: BundleOptions): BundleResult {
    const packDir = path.resolve(opts.packDir);
    const outDir = path.resolve(opts.outDir);
    const problems: string[] = [];
    if (!fs.existsSync(packDir) || !fs.statSync(packDir).isDirectory())
        throw new BundleError([`\`packDir\` ${packDir} is not a folder: name a policy pack folder (holding PulumiPolicy.yaml).`]);
    for (const f of ["PulumiPolicy.yaml", "package.json"])
        if (!fs.existsSync(path.join(packDir, f))) problems.push(`${path.join(packDir, f)} is missing: a policy pack folder needs it.`);
    if (problems.length > 0) throw new BundleError(problems);
    const projectRoot = path.resolve(opts.projectRoot ?? findProjectRoot(packDir));
    const rootManifest = readJson<{ dependencies?: Record<string, string>; devDependencies?: Record<string, string> }>(
        path.join(projectRoot, "package.json"),
    );
    const versions: VersionTable = { ...rootManifest.devDependencies, ...rootManifest.dependencies };
    const pack = readJson<PackManifest>(path.join(packDir, "package.json"));
    const main = path.join(packDir, pack.main ?? "index.ts");
    if (!fs.existsSync(main))
        throw new BundleError([
            `${path.join(packDir, "package.json")}: \`main\` (${pack.main ?? "index.ts"}) does not exist in the pack folder.`,
        ]);
    for (const [name, version] of Object.entries(pack.dependencies ?? {})) {
        if (versions[name] !== undefined && versions[name] !== version)
            problems.push(
                `${path.join(packDir, "package.json")}: \`${name}\` is ${version} but ` +
                    `the project pins ${versions[name]}: make them equal, the pack is ` +
                    `tested with the project's.`,
            );
    }
    if (problems.length > 0) throw new BundleError(problems);

    const { options, tsconfigText } = compilerOptionsOf(packDir);
    const graph = walkSources(main, options, projectRoot);
    const places = new Map<string, string>();
    const placeOf = (file: string): string =>
        places.get(file) ?? (places.set(file, bundlePathOf(file, packDir, projectRoot)), places.get(file) as string);
    for (const file of graph.keys()) placeOf(file);
    const dependencies = bundleDependencies(graph, options.types ?? [], versions, projectRoot);

    prepareOutDir(outDir, packDir);
    for (const node of graph.values()) {
        const target = path.join(outDir, placeOf(node.file));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, rewriteImports(node, placeOf));
    }
    fs.copyFileSync(path.join(packDir, "PulumiPolicy.yaml"), path.join(outDir, "PulumiPolicy.yaml"));
    fs.writeFileSync(path.join(outDir, "tsconfig.json"), tsconfigText);
    const manifest = {
        name: pack.name ?? path.basename(packDir),
        version: pack.version ?? "0.0.0",
        ...(pack.description ? { description: pack.description } : {}),
        ...(pack.license ? { license: pack.license } : {}),
        main: placeOf(main),
        dependencies,
    };
    fs.writeFileSync(path.join(outDir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    try {
        assertBundleClosed(outDir);
    } catch (e) {
        fs.rmSync(outDir, { recursive: true, force: true }); // never leave a bundle that would publish broken
        throw e;
    }
    return { outDir, files: [...places.values()].sort(), dependencies };
}
