import type { ErrorObject } from "ajv";
import { closestName } from "../../policy-packs/lib/names";
import { escapePointer } from "./yaml-lines";

/** A schema error rewritten for people: where (JSON pointer), what, and the fix. */
export interface SchemaProblem {
    readonly path: string;
    readonly message: string;
    readonly fix: string;
}

/** Readable descriptions of the schema's patterns, so messages never show a regex. */
const PATTERN_WORDS: Record<string, string> = {
    "^[a-z][a-z0-9-]{0,39}$": "a lower-case name: a letter, then letters, digits or `-` (at most 40)",
    "^[A-Za-z_][A-Za-z0-9_]*$": "an environment variable name (letters, digits, `_`; not starting with a digit)",
    "^[A-Za-z][A-Za-z0-9_-]*$": "a config key: a letter, then letters, digits, `_` or `-`",
    "^\\d{12}$": 'a 12-digit AWS account id, quoted (`"123456789012"`)',
    "^https?://[^\\s/]+(/.*)?$": "an http(s) URL such as `https://vault.example:8200`",
    "^(?!/)(?!.*(^|/)\\.\\.(/|$)).+$": "a project-relative path without `..` (`platform/network`)",
    "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$": "an S3 bucket name (3-63 lower-case letters, digits, `.` or `-`)",
    "^[^/].*[^/]$|^[^/]$": "a path without leading or trailing `/`",
    "^[^/].*$": "a path without a leading `/` (relative to the mount)",
    "^[A-Za-z0-9][A-Za-z0-9_.-]*$": "an organization name (letters, digits, `_`, `.` or `-`)",
    "^\\d{4}-\\d{2}-\\d{2}$": 'a day as YYYY-MM-DD (`"2027-03-01"`)',
    "^[\\w+=,.@-]{1,64}$": "an IAM role name (1–64 letters, digits or `+=,.@_-`)",
    "^[\\w+=,.@-]{2,64}$": "an STS session name (2–64 letters, digits or `+=,.@_-`)",
    "^(?!/).+\\.(ya?ml|json)$": "a waiver file path relative to the spec file, ending in `.yaml`, `.yml` or `.json` (`waivers/prod.yaml`)",
};

function describePattern(pattern: string): string {
    return PATTERN_WORDS[pattern] ?? `text matching \`${pattern}\``;
}

function quoted(value: unknown): string {
    return `\`${typeof value === "string" ? value : JSON.stringify(value)}\``;
}

function lastSegment(path: string): string {
    const parts = path.split("/");
    return parts[parts.length - 1] ?? "";
}

/**
 * Turns ajv errors into one problem per real mistake. Drops ajv's follow-on noise: the
 * `oneOf` summary after a branch error and `propertyNames` wrappers (their inner error
 * already names the key).
 */
export function explainSchemaErrors(errors: readonly ErrorObject[]): SchemaProblem[] {
    const problems: SchemaProblem[] = [];
    const seen = new Set<string>();
    // ajv reports a bad key as a `pattern` error on the parent object, followed by a
    // `propertyNames` error that carries the key: pair them up so the message names it.
    const badKeys = new Map<string, string[]>();
    for (const error of errors) {
        if (error.keyword === "propertyNames") {
            const keys = badKeys.get(error.instancePath) ?? [];
            keys.push(String((error.params as { propertyName?: string }).propertyName));
            badKeys.set(error.instancePath, keys);
        }
    }
    for (const error of errors) {
        if (error.schemaPath.includes("/propertyNames/")) {
            const key = badKeys.get(error.instancePath)?.shift();
            if (key !== undefined) {
                const pattern = String((error.params as { pattern?: string }).pattern ?? "");
                const what = pattern ? `is not ${describePattern(pattern)}` : `is not allowed (${error.message ?? error.keyword})`;
                problems.push({
                    path: `${error.instancePath}/${escapePointer(key)}`,
                    message: `key ${quoted(key)} ${what}`,
                    fix: pattern ? `rename it to ${describePattern(pattern)}.` : "rename it.",
                });
                continue;
            }
        }
        const problem = explainOne(error);
        if (!problem) {
            continue;
        }
        const key = `${problem.path}\u0000${problem.message}`;
        if (!seen.has(key)) {
            seen.add(key);
            problems.push(problem);
        }
    }
    return problems;
}

function explainOne(error: ErrorObject): SchemaProblem | undefined {
    const path = error.instancePath;
    const field = lastSegment(path);
    const params = error.params as Record<string, unknown>;
    const parentProps = Object.keys(
        ((error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {}) as object,
    );
    switch (error.keyword) {
        case "additionalProperties": {
            const extra = String(params.additionalProperty);
            const suggestion = closestName(extra, parentProps);
            return {
                path: `${path}/${escapePointer(extra)}`,
                message: `unknown key ${quoted(extra)}`,
                fix: suggestion
                    ? `did you mean \`${suggestion}\`?`
                    : parentProps.length
                      ? `remove it or use one of: ${parentProps.map((p) => `\`${p}\``).join(", ")}.`
                      : "remove it.",
            };
        }
        case "required": {
            const missing = String(params.missingProperty);
            return {
                path,
                message: `missing required key ${quoted(missing)}`,
                fix: `add \`${missing}:\`${path ? ` under \`${field}\`` : " at the top level"}.`,
            };
        }
        case "type":
            return {
                path,
                message: `${quoted(field || "document")} must be ${article(String(params.type))}`,
                fix: `write ${article(String(params.type))} here.`,
            };
        case "pattern":
            return {
                path,
                message: `${quoted(field)} is not ${describePattern(String(params.pattern))}`,
                fix: `write ${describePattern(String(params.pattern))}.`,
            };
        case "propertyNames":
            return undefined;
        case "enum":
            return {
                path,
                message: `${quoted(field)} has an unsupported value`,
                fix: `use one of: ${(params.allowedValues as unknown[]).map(quoted).join(", ")}.`,
            };
        case "const":
            return {
                path,
                message: `${quoted(field)} must be ${quoted(params.allowedValue)}`,
                fix: `write ${quoted(params.allowedValue)}.`,
            };
        case "discriminator": {
            const tag = String(params.tag);
            const allowed = discriminatorValues(error);
            if (params.error === "mapping") {
                return {
                    path: `${path}/${escapePointer(tag)}`,
                    message: `${quoted(tag)} is ${quoted(params.tagValue)}, which is not supported`,
                    fix: `use one of: ${allowed.map(quoted).join(", ")}.`,
                };
            }
            // A missing tag is also reported by `required`; a non-string tag is a type mistake.
            return params.tagValue === undefined
                ? undefined
                : {
                      path: `${path}/${escapePointer(tag)}`,
                      message: `${quoted(tag)} must be a string`,
                      fix: `use one of: ${allowed.map(quoted).join(", ")}.`,
                  };
        }
        case "oneOf":
        case "if":
            // Summaries of a branch that failed: the branch's own error says what is wrong.
            return undefined;
        case "minProperties":
            return {
                path,
                message: `${quoted(field || "document")} must not be empty`,
                fix: `add at least ${String(params.limit)} entry.`,
            };
        case "minLength":
            return { path, message: `${quoted(field)} must not be empty`, fix: "write a value or remove the key." };
        case "maxLength":
            return { path, message: `${quoted(field)} is longer than ${String(params.limit)} characters`, fix: "shorten it." };
        case "uniqueItems":
            return {
                path,
                message: `${quoted(field)} lists the same entry twice (items ${String(params.j)} and ${String(params.i)})`,
                fix: "remove the duplicate.",
            };
        case "minimum":
            return {
                path,
                message: `${quoted(field)} must be at least ${String(params.limit)}`,
                fix: `use a number ≥ ${String(params.limit)}.`,
            };
        case "maximum":
            return {
                path,
                message: `${quoted(field)} must be at most ${String(params.limit)}`,
                fix: `use a number ≤ ${String(params.limit)}.`,
            };
        case "dependentRequired":
            return {
                path,
                message: `${quoted(params.property)} needs ${quoted(params.missingProperty)} as well`,
                fix: `add \`${String(params.missingProperty)}\` or remove \`${String(params.property)}\`.`,
            };
        default:
            return { path, message: error.message ?? `failed \`${error.keyword}\``, fix: "see docs/driver.md for the spec format." };
    }
}

function discriminatorValues(error: ErrorObject): string[] {
    const schema = error.parentSchema as {
        oneOf?: { properties?: Record<string, { const?: string }> }[];
        discriminator?: { propertyName: string };
    };
    const tag = schema.discriminator?.propertyName ?? "";
    return (schema.oneOf ?? []).map((branch) => branch.properties?.[tag]?.const).filter((v): v is string => typeof v === "string");
}

function article(type: string): string {
    return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
