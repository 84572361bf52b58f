import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv";
import { parse as parseYaml } from "yaml";
import type { PolicyDefinition } from "./model";
import { PolicyInputError } from "./config";
import { isCalendarDate } from "./dates";
import type { Waiver } from "./waiver-rules";

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
                },
            },
        },
    },
} as const;

const validateFile = new Ajv({ allErrors: true, strict: false }).compile(WAIVER_FILE_SCHEMA);

const HINTS: Record<string, string> = {
    reason: `say why in at least ${MIN_WAIVER_REASON_LENGTH} characters`,
    expires: "use a YYYY-MM-DD date",
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
    if (!validateFile(doc)) {
        return (validateFile.errors ?? []).map((err) => {
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
        if (!isCalendarDate(w.expires))
            problems.push({
                path: ["waivers", i, "expires"],
                message: `\`${w.expires}\` is not a real date`,
                fix: "use a calendar day, YYYY-MM-DD.",
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

/** The waivers of a parsed document, checked by {@link waiverDocumentProblems}; throws a `PolicyInputError` listing every problem. */
export function waiversFromDocument(doc: unknown, source: string, policies: readonly PolicyDefinition[]): Waiver[] {
    const problems = waiverDocumentProblems(doc, policies);
    if (problems.length > 0) throw new PolicyInputError(problems.map((p) => formatWaiverProblem(source, p)));
    return (doc as { waivers: Waiver[] }).waivers.map((w) => ({ ...w, source }));
}

/**
 * Parses waiver documents (YAML or JSON text), checking them against the waiver schema and
 * the pack's policy ids. Every problem is reported at once, naming the file and the path.
 */
export function parseWaivers(text: string, source: string, policies: readonly PolicyDefinition[]): Waiver[] {
    let doc: unknown;
    try {
        doc = source.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
    } catch (e) {
        throw new PolicyInputError([
            `${source}: not valid ${source.endsWith(".json") ? "JSON" : "YAML"}: ${(e as Error).message.split("\n")[0]}`,
        ]);
    }
    return waiversFromDocument(doc, source, policies);
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
