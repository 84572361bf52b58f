import * as fs from "fs";
import Ajv, { ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

/**
 * A validator for the official SARIF 2.1.0 schema, as shipped by @microsoft/jest-sarif
 * (draft-04 syntax, compatible with draft-07 except for `id`). Every SARIF test uses
 * this one, so they all judge against the same schema.
 */
export function sarifValidator(): ValidateFunction {
    const schemaPath = require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
    const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8")) as Record<string, unknown>;
    const { id, $schema: _draft, ...rest } = schema;
    // The official schema's `language` pattern has a stray `]` that only non-unicode regexps accept.
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    return ajv.compile({ $id: String(id), ...rest });
}
