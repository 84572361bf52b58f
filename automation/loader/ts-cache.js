// The driver's TypeScript loader: the require hook the `edf` executable (automation/cli/bin.js),
// synth's worker threads and the program hosts install before loading any TypeScript.
// Transpile-only like ts-node (`tsc --noEmit` type-checks separately), with the output cached
// on disk by content hash. A worker of a warm
// run loads no compiler at all, which is most of a worker's start-up; a cold run costs what
// ts-node costs. The cache lives under `<project>/.edf/cache/ts` (git-ignored) and is safe to
// delete; entries are written atomically, so workers of concurrent runs can share it.
"use strict";
const { createHash } = require("crypto");
const fs = require("fs");
const path = require("path");

const PROJECT_ROOT = path.resolve(__dirname, "..", "..");

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
    typescript ??= require("typescript");
    return typescript;
}

/** The transpile cache's folder: `$EDF_TS_CACHE`, else `$EDF_HOME/cache/ts`, else `<project>/.edf/cache/ts`. */
function cacheDir() {
    return process.env.EDF_TS_CACHE ?? path.join(process.env.EDF_HOME ?? path.join(PROJECT_ROOT, ".edf"), "cache", "ts");
}

function versionKey() {
    // The compiler version is part of the key without loading the compiler.
    const manifest = path.join(path.dirname(require.resolve("typescript/package.json")), "package.json");
    return `${JSON.parse(fs.readFileSync(manifest, "utf8")).version}|${JSON.stringify(COMPILER_OPTIONS)}`;
}

/** Installs the hook for `.ts` files (idempotent). */
function register() {
    if (require.extensions[".ts"] && require.extensions[".ts"].edfCache) return;
    const dir = cacheDir();
    const version = versionKey();
    const hook = function (module, filename) {
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

module.exports = { register, cacheDir };
