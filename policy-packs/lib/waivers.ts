import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv";
import { parse as parseYaml } from "yaml";
import type { PolicyDefinition } from "./model";
import { PolicyInputError } from "./config";
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
    if (!validateFile(doc)) {
        const problems = (validateFile.errors ?? []).map((err) => {
            const at = err.instancePath.replace(/^\//, "").replace(/\//g, ".") || "(document)";
            const field = err.instancePath.split("/").pop() ?? "";
            const missing = err.keyword === "required" ? String((err.params as { missingProperty?: string }).missingProperty) : undefined;
            const extra =
                err.keyword === "additionalProperties"
                    ? ` \`${String((err.params as { additionalProperty?: string }).additionalProperty)}\``
                    : "";
            const hint = HINTS[missing ?? field];
            return `${source}: \`${at}\` ${err.message ?? "is invalid"}${extra}${hint ? ` (${hint})` : ""}.`;
        });
        throw new PolicyInputError(problems);
    }
    const byId = new Map(policies.map((p) => [p.id, p]));
    const waivers = (doc as { waivers: Waiver[] }).waivers.map((w) => ({ ...w, source }));
    const problems: string[] = [];
    const ids = new Set<string>();
    waivers.forEach((w, i) => {
        if (!byId.has(w.policy))
            problems.push(`${source}: \`waivers.${i}.policy\` \`${w.policy}\` is not a policy of this pack; check the id.`);
        if (Number.isNaN(Date.parse(`${w.expires}T00:00:00Z`)))
            problems.push(`${source}: \`waivers.${i}.expires\` \`${w.expires}\` is not a real date.`);
        if (ids.has(w.id)) problems.push(`${source}: \`waivers.${i}.id\` \`${w.id}\` is used twice; waiver ids must be unique.`);
        ids.add(w.id);
    });
    if (problems.length > 0) throw new PolicyInputError(problems);
    return waivers;
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
    const seen = new Map<string, string>();
    for (const w of all) {
        const other = seen.get(w.id);
        if (other && other !== w.source)
            throw new PolicyInputError([`waiver id \`${w.id}\` appears in both ${other} and ${w.source}; ids must be unique.`]);
        seen.set(w.id, w.source ?? "");
    }
    return all;
}
