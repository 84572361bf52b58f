import Ajv from "ajv";

/**
 * The one JSON Schema checker of the pack library (waiver files, policy config). An Ajv instance
 * compiles the JSON Schema meta-schema before its first schema (about 20 ms): one instance per
 * process compiles it once. Schemas are compiled without an `$id`, so they never collide.
 */
export const schemaChecker = new Ajv({ allErrors: true, strict: false });
