import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { cachedValidator, keptSchemaCompiler } from "../../../../automation/spec/cached-validator";
import { SCHEMA_CHECKER_OPTIONS, schemaChecker } from "../../../../policy-packs/lib/schema-checker";
import { ENVIRONMENT_SPEC_SCHEMA } from "../../../../automation/spec/schema";
import { temporaryTsCache } from "../../support/temporary-ts-cache";

const OPTIONS = { allErrors: true, verbose: true, discriminator: true, strict: true, strictTypes: false, strictRequired: false };
const SPECS: unknown[] = [
    { environment: "dev", units: { network: { path: "platform/network" } } },
    { environment: "dev", units: { network: { path: 3, dependsOn: "x" } }, unknown: true },
    { units: [] },
];

/** What a validator says of each spec: the verdict and every error, as the spec loader reads them. */
function verdicts(validate: ReturnType<typeof cachedValidator>): [boolean, unknown][] {
    return SPECS.map((spec) => [validate(spec) as boolean, JSON.parse(JSON.stringify(validate.errors ?? null)) as unknown]);
}

describe("the spec schema's validator, kept compiled between starts", () => {
    const cache = temporaryTsCache("edf-ajv-", "ajv");
    const kept = cache.kept;

    it("compiles once, keeps Ajv's standalone code, and the kept code validates and explains exactly as the compiled one", () => {
        const compiled = cachedValidator(ENVIRONMENT_SPEC_SCHEMA, OPTIONS);
        assert.ok("schemaEnv" in compiled, "the first start compiles");
        assert.strictEqual(kept().length, 1);
        const loaded = cachedValidator(ENVIRONMENT_SPEC_SCHEMA, OPTIONS);
        assert.ok(!("schemaEnv" in loaded), "a later start loads the kept code");
        assert.deepStrictEqual(verdicts(loaded), verdicts(compiled));
        assert.strictEqual(verdicts(compiled)[0]![0], true);
        assert.strictEqual(verdicts(compiled)[1]![0], false);
    });

    it("keys the code by the schema and the options: another of either compiles its own", () => {
        cachedValidator(ENVIRONMENT_SPEC_SCHEMA, OPTIONS);
        cachedValidator(ENVIRONMENT_SPEC_SCHEMA, { ...OPTIONS, allErrors: false });
        cachedValidator({ ...ENVIRONMENT_SPEC_SCHEMA, title: "another" }, OPTIONS);
        assert.strictEqual(kept().length, 3);
    });

    it("compiles again over an entry that cannot be loaded", () => {
        cachedValidator(ENVIRONMENT_SPEC_SCHEMA, OPTIONS);
        const [entry] = kept();
        fs.writeFileSync(path.join(cache.dir(), "ajv", entry!), "this is not JavaScript {");
        const validate = cachedValidator(ENVIRONMENT_SPEC_SCHEMA, OPTIONS);
        assert.ok("schemaEnv" in validate);
        assert.strictEqual(validate(SPECS[0]), true);
        assert.notStrictEqual(
            fs.readFileSync(path.join(cache.dir(), "ajv", entry!), "utf8"),
            "this is not JavaScript {",
            "and keeps the new code",
        );
    });

    it("keeps the pack library's schemas the same way: a kept validator explains exactly as the one its checker compiles", () => {
        const schema = {
            type: "object",
            additionalProperties: false,
            required: ["id"],
            properties: {
                id: { type: "string", pattern: "^W-\\d+$" },
                days: { type: "integer", minimum: 1 },
                tags: { type: "array", items: { type: "string" } },
            },
        };
        const docs: unknown[] = [{ id: "W-1", days: 3 }, { id: "x", days: 0, extra: true }, { tags: [1, "a"] }, "text"];
        const say = (validate: ReturnType<typeof cachedValidator>) =>
            docs.map((doc) => [validate(doc) as boolean, JSON.parse(JSON.stringify(validate.errors ?? null)) as unknown]);
        let made = 0;
        const compile = keptSchemaCompiler(() => (made++, schemaChecker()), SCHEMA_CHECKER_OPTIONS, "draft-07");
        const compiled = compile(schema);
        assert.ok("schemaEnv" in compiled, "the first start compiles");
        const loaded = compile(schema);
        assert.ok(!("schemaEnv" in loaded), "a later start loads the kept code");
        assert.strictEqual(made, 1, "and needs no checker");
        assert.deepStrictEqual(say(loaded), say(schemaChecker().compile(schema)));
        assert.deepStrictEqual(say(loaded), say(compiled));
        assert.strictEqual(say(loaded)[0]![0], true);
        assert.strictEqual(kept().length, 1);
    });
});
