import type { default as AjvCore, Options, ValidateFunction } from "ajv";
import { createHash } from "crypto";
import * as fs from "fs";
import Module from "module";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the transpile cache (plain JS, shared with worker entries)
const { cacheDir } = require("../loader/ts-cache") as { cacheDir(): string };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the version of the Ajv actually loaded keys the cache
const AJV_VERSION = (require("ajv/package.json") as { version: string }).version;
const AJV_DIR = path.dirname(require.resolve("ajv/package.json"));

/**
 * An Ajv (JSON Schema 2020-12) validator of `schema`, compiled once and kept as Ajv's standalone
 * code beside the transpile cache (`<cache>/ajv/<key>.js`; key: Ajv's version, the options and the
 * schema). Compiling the environment spec's schema costs about 0.1 CPU-s at every start of the CLI
 * (and of every thread that reads a spec); loading the kept code, a few ms. The standalone code is
 * Ajv's own output for the same schema and options, so it validates and explains exactly as the
 * compiled function does. An entry is written aside and renamed; one that cannot be read or
 * loaded is compiled again; a disk that cannot be written only costs the next start the compile.
 */
export function cachedValidator(schema: object, options: Options): ValidateFunction {
    // Keyed as before the pack library's schemas were kept too (those keys start with their dialect).
    return keptOrCompiled([options, schema], () => {
        // Loaded only on a miss: kept code needs Ajv's runtime helpers, not Ajv.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const Ajv2020 = (require("ajv/dist/2020") as typeof import("ajv/dist/2020")).default;
        const ajv = new Ajv2020({ ...options, code: { ...options.code, source: true } });
        return { ajv, validate: ajv.compile(schema) };
    });
}

/**
 * A schema compiler for the Ajv instance `ajv` gives (made on a miss, with `options`, which must keep the code's source:
 * `code.source`) that keeps each validator as {@link cachedValidator} keeps the spec's: the pack
 * library's waiver-file and policy-config schemas (policy-packs/lib/schema-checker.ts). A run
 * whose schemas are all kept never compiles Ajv's meta-schema (≈ 25 ms) nor any schema.
 */
export function keptSchemaCompiler(ajv: () => AjvCore, options: Options, dialect: string): (schema: object) => ValidateFunction {
    return (schema) =>
        keptOrCompiled([dialect, options, schema], () => {
            const instance = ajv();
            return { ajv: instance, validate: instance.compile(schema) };
        });
}

/** The kept validator for `key` (Ajv's version, the dialect, options and schema), else the compiled one, kept for the next run. */
function keptOrCompiled(key: readonly unknown[], compile: () => { ajv: AjvCore; validate: ValidateFunction }): ValidateFunction {
    const digest = createHash("sha256")
        .update(JSON.stringify([AJV_VERSION, ...key]))
        .digest("hex");
    const file = path.join(cacheDir(), "ajv", `${digest}.js`);
    const kept = loadKept(file);
    if (kept) return kept;
    const { ajv, validate } = compile();
    try {
        // Loaded only on a miss: the code generator is not needed to run kept code.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const standaloneCode = (require("ajv/dist/standalone") as { default: (ajv: AjvCore, validate: ValidateFunction) => string })
            .default;
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        fs.writeFileSync(temporary, standaloneCode(ajv, validate));
        fs.renameSync(temporary, file);
    } catch {
        // A read-only or full disk: the next start compiles again.
    }
    return validate;
}

function loadKept(file: string): ValidateFunction | undefined {
    let source: string;
    try {
        source = fs.readFileSync(file, "utf8");
    } catch {
        return undefined;
    }
    try {
        const kept = new Module(file);
        kept.filename = file;
        // Its `require`s (Ajv's runtime helpers) resolve from Ajv's own folder.
        kept.paths = (Module as unknown as { _nodeModulePaths(from: string): string[] })._nodeModulePaths(AJV_DIR);
        (kept as unknown as { _compile(source: string, filename: string): void })._compile(source, file);
        const exported = kept.exports as { default?: unknown } | ValidateFunction;
        const validate = typeof exported === "function" ? exported : exported.default;
        return typeof validate === "function" ? (validate as ValidateFunction) : undefined;
    } catch {
        return undefined;
    }
}
