import type { ErrorObject, ValidateFunction } from "ajv";
import * as fs from "fs";
import * as path from "path";
import { LineCounter, parseDocument } from "yaml";
import type { PolicyDefinition } from "./model";
import { PolicyInputError } from "./config";
import { isCalendarDate } from "./dates";
import type { Waiver } from "./waiver-rules";
import { lineOfPointer, pointer } from "./yaml-lines";
import { compileSchema } from "./schema-checker";

/** Minimum length of a waiver's reason: a waiver must say why, not just "needed". */
export const MIN_WAIVER_REASON_LENGTH = 20;

export type { Waiver, WaiverSelector, WaiverStatus, WaiverTarget } from "./waiver-rules";
export {
    expiredWaiverMessage,
    globMatch,
    isExpired,
    rejectedWaiverMessage,
    waiverMatches,
    waiverStatus,
    waiverTagsOf,
} from "./waiver-rules";

export const WAIVER_FILE_SCHEMA = {
    type: "object",
    additionalProperties: false,
    required: ["waivers"],
    properties: {
        waivers: {
            type: "array",
            items: {
                type: "object",
                additionalProperties: false,
                required: ["id", "policy", "selector", "reason", "owner", "ticket", "expires"],
                properties: {
                    id: { type: "string", minLength: 1 },
                    policy: { type: "string", pattern: "^[a-z][a-z0-9]*(-[a-z0-9]+)+$" },
                    selector: {
                        type: "object",
                        additionalProperties: false,
                        minProperties: 1,
                        properties: {
                            urn: { type: "string", minLength: 1 },
                            type: { type: "string", minLength: 1 },
                            tags: { type: "object", additionalProperties: { type: "string" }, minProperties: 1 },
                        },
                    },
                    reason: { type: "string", minLength: MIN_WAIVER_REASON_LENGTH },
                    owner: { type: "string", minLength: 1 },
                    ticket: { type: "string", minLength: 1 },
                    expires: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
                    approver: { type: "string", minLength: 1 },
                    approved: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
                },
            },
        },
    },
} as const;

let fileValidator: ValidateFunction | undefined;
/** The waiver file schema's validator, compiled on first use (a run that reads no waiver file never compiles it). */
function validateFile(doc: unknown): { valid: boolean; errors: ErrorObject[] } {
    fileValidator ??= compileSchema(WAIVER_FILE_SCHEMA);
    const valid = fileValidator(doc) as boolean;
    return { valid, errors: fileValidator.errors ?? [] };
}

const HINTS: Record<string, string> = {
    reason: `say why in at least ${MIN_WAIVER_REASON_LENGTH} characters`,
    expires: "use a YYYY-MM-DD date",
    approved: "use a YYYY-MM-DD date",
    selector: "give at least one of `urn`, `type`, `tags`",
    policy: "use a kebab-case policy id",
};

/** One problem with a waiver document: where (path segments under the document), what, and the fix. */
export interface WaiverProblem {
    readonly path: readonly (string | number)[];
    readonly message: string;
    readonly fix: string;
    /** Set when the problem is a policy id the pack does not have (callers suggest a near one). */
    readonly unknownPolicy?: string;
}

/**
 * Checks a parsed waiver document against the waiver schema and the pack: every problem at
 * once, with its path, so a caller that knows the document's lines can point at each.
 * Dates must be real calendar days (`2026-02-30` is not); ids unique; policy ids the pack's.
 */
export function waiverDocumentProblems(doc: unknown, policies: readonly PolicyDefinition[]): WaiverProblem[] {
    const checked = validateFile(doc);
    if (!checked.valid) {
        return checked.errors.map((err) => {
            const segments = err.instancePath.split("/").slice(1);
            const field = segments[segments.length - 1] ?? "";
            const missing = err.keyword === "required" ? String((err.params as { missingProperty?: string }).missingProperty) : undefined;
            const extra =
                err.keyword === "additionalProperties"
                    ? String((err.params as { additionalProperty?: string }).additionalProperty)
                    : undefined;
            const hint = HINTS[missing ?? field];
            return {
                path: segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
                message: `${err.message ?? "is invalid"}${extra !== undefined ? ` \`${extra}\`` : ""}${hint ? ` (${hint})` : ""}`,
                fix: hint ? `${hint}.` : "see the waiver format in docs/inspectors.md.",
            };
        });
    }
    const byId = new Map(policies.map((p) => [p.id, p]));
    const problems: WaiverProblem[] = [];
    const ids = new Set<string>();
    (doc as { waivers: Waiver[] }).waivers.forEach((w, i) => {
        if (!byId.has(w.policy))
            problems.push({
                path: ["waivers", i, "policy"],
                message: `\`${w.policy}\` is not a policy of this pack`,
                fix: "check the id.",
                unknownPolicy: w.policy,
            });
        for (const field of ["expires", "approved"] as const) {
            const day = w[field];
            if (day !== undefined && !isCalendarDate(day))
                problems.push({
                    path: ["waivers", i, field],
                    message: `\`${day}\` is not a real date`,
                    fix: "use a calendar day, YYYY-MM-DD.",
                });
        }
        if (w.approved !== undefined && w.approved > w.expires)
            problems.push({
                path: ["waivers", i, "approved"],
                message: `(${w.approved}) is after \`expires\` (${w.expires})`,
                fix: "a waiver is approved before it expires: check both days.",
            });
        if (ids.has(w.id))
            problems.push({ path: ["waivers", i, "id"], message: `\`${w.id}\` is used twice`, fix: "waiver ids must be unique." });
        ids.add(w.id);
    });
    return problems;
}

/** A waiver problem as one line of text: `<source>: \`waivers.0.expires\` <message>.` */
export function formatWaiverProblem(source: string, problem: WaiverProblem): string {
    return `${source}: \`${problem.path.join(".") || "(document)"}\` ${problem.message}; ${problem.fix}`;
}

/**
 * The waivers of a parsed document, checked by {@link waiverDocumentProblems}; throws a
 * `PolicyInputError` listing every problem. `lineOf` gives each waiver's line in `source`.
 */
export function waiversFromDocument(
    doc: unknown,
    source: string,
    policies: readonly PolicyDefinition[],
    lineOf: (index: number) => number | undefined = () => undefined,
): Waiver[] {
    const problems = waiverDocumentProblems(doc, policies);
    if (problems.length > 0) throw new PolicyInputError(problems.map((p) => formatWaiverProblem(source, p)));
    return (doc as { waivers: Waiver[] }).waivers.map((w, i) => {
        const line = lineOf(i);
        return { ...w, source, ...(line ? { line } : {}) };
    });
}

/**
 * Parses waiver documents (YAML or JSON text), checking them against the waiver schema and
 * the pack's policy ids. Every problem is reported at once, naming the file and the path.
 */
export function parseWaivers(text: string, source: string, policies: readonly PolicyDefinition[]): Waiver[] {
    let doc: unknown;
    // JSON is YAML too: one parser gives every waiver's line, for messages about it.
    const lines = new LineCounter();
    const parsed = parseDocument(text, { lineCounter: lines, prettyErrors: false });
    try {
        if (source.endsWith(".json")) doc = JSON.parse(text);
        else if (parsed.errors.length > 0) throw parsed.errors[0]!;
        else doc = parsed.toJS();
    } catch (e) {
        throw new PolicyInputError([
            `${source}: not valid ${source.endsWith(".json") ? "JSON" : "YAML"}: ${(e as Error).message.split("\n")[0]}`,
        ]);
    }
    return waiversFromDocument(doc, source, policies, (i) =>
        parsed.errors.length === 0 ? lineOfPointer(parsed, lines, pointer("waivers", i)) : undefined,
    );
}

/** Waiver ids must be unique across files: the first id met in two different files, as a message. */
export function duplicateWaiverIdAcrossFiles(waivers: readonly Waiver[]): string | undefined {
    const seen = new Map<string, string>();
    for (const w of waivers) {
        const other = seen.get(w.id);
        if (other !== undefined && other !== w.source)
            return `waiver id \`${w.id}\` appears in both ${other} and ${w.source}; ids must be unique.`;
        seen.set(w.id, w.source ?? "");
    }
    return undefined;
}

/** Reads waiver files (`.yaml`, `.yml`, `.json`); see {@link parseWaivers}. */
export function loadWaiverFiles(files: readonly string[], policies: readonly PolicyDefinition[]): Waiver[] {
    const all: Waiver[] = [];
    for (const file of files) {
        if (!/\.(ya?ml|json)$/.test(file)) throw new PolicyInputError([`${file}: waiver files must end in .yaml, .yml or .json.`]);
        let text: string;
        try {
            text = fs.readFileSync(file, "utf8");
        } catch (e) {
            throw new PolicyInputError([
                `${file}: cannot read the waiver file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`,
            ]);
        }
        all.push(...parseWaivers(text, path.normalize(file), policies));
    }
    const duplicate = duplicateWaiverIdAcrossFiles(all);
    if (duplicate) throw new PolicyInputError([duplicate]);
    return all;
}

/** What an environment demands of its waivers (the spec's `policy.waiverPolicy`). */
export interface WaiverPolicy {
    /** The longest a waiver may run, in days: from `approved`, else from the decision day, to `expires`. @default - no limit */
    readonly maxDays?: number;
    /** Every waiver names an `approver` (not its owner) and the day it was `approved`. @default false */
    readonly requireApprover?: boolean;
}

/** A waiver that breaks the environment's waiver policy: which field, what is wrong, the fix. */
export interface WaiverPolicyProblem {
    readonly waiver: Waiver;
    readonly field: "approver" | "approved" | "expires";
    readonly message: string;
    readonly fix: string;
}

const DAY_MS = 86_400_000;

/** Days from one YYYY-MM-DD day to another. */
function daysBetween(from: string, to: string): number {
    return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Checks waivers against an environment's waiver policy, on the day verdicts are decided for:
 * an approver who is not the owner and an approval day when required, and a lifetime (approval,
 * else the decision day, to expiry) no longer than `maxDays`. Every problem is returned at once.
 */
export function waiverPolicyProblems(waivers: readonly Waiver[], policy: WaiverPolicy, decisionDay: string): WaiverPolicyProblem[] {
    const problems: WaiverPolicyProblem[] = [];
    for (const w of waivers) {
        if (policy.requireApprover) {
            if (!w.approver)
                problems.push({
                    waiver: w,
                    field: "approver",
                    message: `waiver \`${w.id}\` names no \`approver\`, which this environment requires`,
                    fix: "add `approver:` (who signed off the exception, not its owner) and `approved:` (the day, YYYY-MM-DD).",
                });
            else if (w.approver.trim().toLowerCase() === w.owner.trim().toLowerCase())
                problems.push({
                    waiver: w,
                    field: "approver",
                    message: `waiver \`${w.id}\` is approved by its own owner (\`${w.owner}\`)`,
                    fix: "have someone other than the owner approve it: the approver answers for accepting the risk.",
                });
            if (!w.approved)
                problems.push({
                    waiver: w,
                    field: "approved",
                    message: `waiver \`${w.id}\` gives no \`approved\` day, which this environment requires`,
                    fix: "add `approved: YYYY-MM-DD`, the day the approver signed off (the waiver's lifetime starts then).",
                });
        }
        if (policy.maxDays !== undefined) {
            const from = w.approved ?? decisionDay;
            const days = daysBetween(from, w.expires);
            if (days > policy.maxDays)
                problems.push({
                    waiver: w,
                    field: "expires",
                    message:
                        `waiver \`${w.id}\` runs ${days} days (${w.approved ? `approved ${from}` : `from ${from}`} to ${w.expires}), ` +
                        `longer than this environment's ${policy.maxDays}`,
                    fix:
                        `set \`expires\` on or before ${new Date(Date.parse(`${from}T00:00:00Z`) + policy.maxDays * DAY_MS).toISOString().slice(0, 10)}` +
                        ` and renew the waiver after review, or fix the resources it covers.`,
                });
        }
    }
    return problems;
}
