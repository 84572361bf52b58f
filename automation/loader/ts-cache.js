// The driver's TypeScript loader: the require hook the `edf` executable (automation/cli/bin.js),
// synth's worker threads and the program hosts install before loading any TypeScript.
// Transpile-only like ts-node (`tsc --noEmit` type-checks separately), with the output cached
// on disk by content hash. A worker of a warm
// run loads no compiler at all, which is most of a worker's start-up; a cold run costs what
// ts-node costs. The cache lives under `<project>/.edf/cache/ts` of the consumer's project
// (EDF_PROJECT_ROOT, else the nearest Pulumi.yaml above the working directory; git-ignored) and is
// safe to delete; entries are written atomically, so workers of concurrent runs can share it.
"use strict";
const { createHash } = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");

/** Compiler options of tsconfig.json that change emitted JavaScript. */
const COMPILER_OPTIONS = {
    target: "ES2022",
    module: "commonjs",
    moduleResolution: "node",
    esModuleInterop: true,
    resolveJsonModule: true,
    inlineSourceMap: true,
    inlineSources: false,
};

let typescript;
function compiler() {
    typescript ??= require(typescriptPath());
    return typescript;
}

/** The project's TypeScript (an optional peer dependency of the SDK), found from the project first. */
function typescriptPath() {
    const from = [process.env.EDF_PROJECT_ROOT, process.cwd(), __dirname].filter(Boolean);
    try {
        return require.resolve("typescript", { paths: from });
    } catch {
        throw new Error(
            "edf loads your TypeScript units with the `typescript` package, which is not installed: " +
                "run `npm install --save-dev typescript@5` in your project.",
        );
    }
}

/** The nearest folder at or above `dir` holding Pulumi.yaml (the same rule as unit/project.ts). */
function findProjectRoot(dir) {
    for (let current = path.resolve(dir); ; current = path.dirname(current)) {
        if (fs.existsSync(path.join(current, "Pulumi.yaml"))) return current;
        if (path.dirname(current) === current) return undefined;
    }
}

function cacheDir() {
    if (process.env.EDF_TS_CACHE) return process.env.EDF_TS_CACHE;
    if (process.env.EDF_HOME) return path.join(process.env.EDF_HOME, "cache", "ts");
    const project = process.env.EDF_PROJECT_ROOT ?? findProjectRoot(process.cwd());
    return project ? path.join(project, ".edf", "cache", "ts") : path.join(os.tmpdir(), "edf-ts-cache");
}

function versionKey() {
    // The compiler version is part of the key without loading the compiler.
    const manifest = path.join(path.dirname(typescriptPath()), "..", "package.json");
    return `${JSON.parse(fs.readFileSync(manifest, "utf8")).version}|${JSON.stringify(COMPILER_OPTIONS)}`;
}

/** Installs the hook for `.ts` files (idempotent). */
function register() {
    if (require.extensions[".ts"] && require.extensions[".ts"].edfCache) return;
    let dir;
    let version;
    const hook = function (module, filename) {
        // Both are settled at the first TypeScript file: by then the CLI has found the project.
        dir ??= cacheDir();
        version ??= versionKey();
        const source = fs.readFileSync(filename, "utf8");
        const key = createHash("sha256").update(version).update("\0").update(filename).update("\0").update(source).digest("hex");
        const file = path.join(dir, key.slice(0, 2), `${key}.js`);
        let output;
        try {
            output = fs.readFileSync(file, "utf8");
        } catch {
            const ts = compiler();
            const options = {
                ...COMPILER_OPTIONS,
                target: ts.ScriptTarget.ES2022,
                module: ts.ModuleKind.CommonJS,
                moduleResolution: ts.ModuleResolutionKind.Node10,
            };
            output = ts.transpileModule(source, { compilerOptions: options, fileName: filename, reportDiagnostics: false }).outputText;
            try {
                fs.mkdirSync(path.dirname(file), { recursive: true });
                const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
                fs.writeFileSync(temporary, output);
                fs.renameSync(temporary, file);
            } catch {
                // A read-only or full disk only costs the next run the transpile.
            }
        }
        module._compile(output, filename);
    };
    hook.edfCache = true;
    require.extensions[".ts"] = hook;
}

module.exports = { register };
