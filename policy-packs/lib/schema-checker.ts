import type { default as Ajv, Options, ValidateFunction } from "ajv";

/** The options of {@link schemaChecker} (a compiled schema's code depends on them). */
export const SCHEMA_CHECKER_OPTIONS: Readonly<Options> = Object.freeze({ allErrors: true, strict: false, code: { source: true } });

let checker: Ajv | undefined;

/**
 * The one JSON Schema checker of the pack library (waiver files, policy config). An Ajv instance
 * compiles the JSON Schema meta-schema before its first schema (about 20 ms): one instance per
 * process compiles it once. Schemas are compiled without an `$id`, so they never collide. It keeps
 * each validator's source (`code.source`), so a host can keep compiled validators (see
 * {@link useSchemaCompiler}); made, and Ajv loaded, on first need: a host whose validators are all
 * kept never needs it.
 */
export function schemaChecker(): Ajv {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first need (see above)
    checker ??= new (require("ajv") as { default: typeof Ajv }).default({ ...SCHEMA_CHECKER_OPTIONS });
    return checker;
}

/** Compiles a schema with {@link schemaChecker} (or as the host says): its validator. */
export type SchemaCompiler = (schema: object) => ValidateFunction;

let compiler: SchemaCompiler = (schema) => schemaChecker().compile(schema);

/** A validator of `schema`: what {@link schemaChecker} compiles for it, or the host's kept copy of that. */
export function compileSchema(schema: object): ValidateFunction {
    return compiler(schema);
}

/**
 * Lets the host compile the library's schemas: the `edf` driver keeps Ajv's standalone code of
 * each beside its transpile cache, so a run neither compiles the meta-schema nor the schemas
 * again. A published pack keeps the default: {@link schemaChecker} compiles.
 */
export function useSchemaCompiler(next: SchemaCompiler): void {
    compiler = next;
}
