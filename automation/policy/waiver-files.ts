import * as path from "path";
import type { PolicyDefinition } from "../../policy-packs/lib/model";
import { duplicateWaiverIdAcrossFiles, Waiver, waiverDocumentProblems } from "../../policy-packs/lib/waivers";
import { EdfError, Problem } from "../errors";
import { FileOrigin, readCheckedText } from "../files/read";
import { parseYamlText } from "../files/yaml";
import type { LoadedSpec } from "../spec/types";
import { lineOfPointer, pointer } from "../spec/yaml-lines";
import { PIPELINE_POLICY, PolicySection } from "./section";
import { unknownPolicyFix } from "./settings-problems";

/** One waiver file to load: where it is, how messages name it, and who named it. */
interface WaiverSource {
    readonly file: string;
    readonly display: string;
    /** Who named the file (a spec's line is found only for a refusal: it costs a second parse of the whole spec). */
    readonly origin: FileOrigin;
    /** How a problem names the place that listed the file (`prod.yaml:25 /policy/waivers`); locates it. */
    listedAt(): string;
}

/**
 * The environment's waivers: each of the spec's files (read as every file `edf` reads: checked,
 * bounded, no link out of the project), then `--waivers` files, checked against the pack with
 * the library's rules. Every problem points at the waiver file's own line (`waivers.0.expires`),
 * with a near policy id suggested for an unknown one; a waiver of a policy that may not be
 * waived is refused here, before anything runs, so validate, synth, preview and up agree.
 * Waiver ids are unique across files. Sources come back project-relative. The same for either
 * pack: `policy.waivers` (the pipeline pack's) or `inspect.policy.waivers` (the runtime pack's).
 */
export function loadEnvironmentWaivers(
    loaded: LoadedSpec,
    projectRoot: string,
    policies: readonly PolicyDefinition[],
    pack: string,
    extraFiles: readonly string[],
    section: PolicySection = PIPELINE_POLICY,
): { waivers: Waiver[]; problems: Problem[] } {
    const listed = section.settings(loaded.spec)?.waivers ?? [];
    const within = (...segments: (string | number)[]): string => `${section.pointer}${pointer(...segments)}`;
    const sources: WaiverSource[] = listed.map((file, i) => {
        let place: { at: string; line: number | undefined } | undefined;
        const locate = (): { at: string; line: number | undefined } => {
            if (place) return place;
            // A single path in the spec has no list index.
            const indexed = within("waivers", i);
            const at = listed.length === 1 && loaded.lineOf(indexed) === undefined ? within("waivers") : indexed;
            return (place = { at, line: loaded.lineOf(at) });
        };
        return {
            file,
            display: displayOf(file, projectRoot),
            origin: {
                kind: "referenced",
                base: loaded.specDir,
                projectRoot,
                reference: () => {
                    const { at, line } = locate();
                    return { file: loaded.file, path: at, ...(line !== undefined ? { line } : {}) };
                },
            },
            listedAt: () => {
                const { at, line } = locate();
                return `${loaded.file}${line !== undefined ? `:${line}` : ""} ${at}`;
            },
        };
    });
    for (const extra of extraFiles) {
        const file = path.resolve(extra);
        sources.push({
            file,
            display: displayOf(file, projectRoot),
            origin: { kind: "named", projectRoot },
            listedAt: () => "--waivers",
        });
    }
    const problems: Problem[] = [];
    const waivers: Waiver[] = [];
    const byId = new Map(policies.map((p) => [p.id, p]));
    for (const source of sources) {
        let text: string;
        try {
            text = readCheckedText({ file: source.file, display: source.display, what: "waiver file", origin: source.origin });
        } catch (error) {
            if (!(error instanceof EdfError)) throw error;
            problems.push(...error.problems);
            continue;
        }
        const parsed = parseWaiverText(text, source.display);
        const lineOf = (segments: readonly (string | number)[]): number | undefined => parsed.lineOf(pointer(...segments));
        const found = parsed.problems.map((p) => ({ ...p, file: source.display }));
        if (found.length === 0) {
            for (const p of waiverDocumentProblems(parsed.data, policies)) {
                found.push({
                    file: source.display,
                    path: pointer(...p.path),
                    line: lineOf(p.path),
                    message: `\`${p.path.join(".")}\` ${p.message}`,
                    fix: p.unknownPolicy !== undefined ? unknownPolicyFix(p.unknownPolicy, policies, pack) : p.fix,
                });
            }
        }
        if (found.length === 0) {
            (parsed.data as { waivers: Waiver[] }).waivers.forEach((waiver, i) => {
                if (byId.get(waiver.policy)?.waivable === false) {
                    found.push({
                        file: source.display,
                        path: pointer("waivers", i, "policy"),
                        line: lineOf(["waivers", i, "policy"]),
                        message: `waiver \`${waiver.id}\` names policy \`${waiver.policy}\`, which may not be waived`,
                        fix: "remove the waiver and fix the resources it covers.",
                    });
                } else {
                    const line = lineOf(["waivers", i]);
                    waivers.push({ ...waiver, source: source.display, ...(line !== undefined ? { line } : {}) });
                }
            });
        }
        problems.push(...found.map((p) => ({ ...p, message: `${p.message} (waiver file listed at ${source.listedAt()})` })));
    }
    if (problems.length === 0) {
        const duplicate = duplicateWaiverIdAcrossFiles(waivers);
        if (duplicate) {
            problems.push({
                file: loaded.file,
                path: within("waivers"),
                line: loaded.lineOf(within("waivers")),
                message: duplicate,
                fix: "give each waiver its own id.",
            });
        }
    }
    return { waivers: problems.length === 0 ? waivers : [], problems };
}

function displayOf(file: string, projectRoot: string): string {
    const relative = path.relative(projectRoot, file);
    return relative.startsWith("..") ? file : relative;
}

/** A waiver file's data with every YAML (or JSON) problem located, and a way to find the line of a path. */
function parseWaiverText(
    text: string,
    display: string,
): { data?: unknown; problems: Problem[]; lineOf(jsonPointer: string): number | undefined } {
    if (display.endsWith(".json")) {
        try {
            return { data: JSON.parse(text) as unknown, problems: [], lineOf: () => undefined };
        } catch (error) {
            return {
                problems: [
                    { file: display, message: `not valid JSON: ${(error as Error).message.slice(0, 160)}`, fix: "fix the JSON syntax." },
                ],
                lineOf: () => undefined,
            };
        }
    }
    const parsed = parseYamlText(text);
    return {
        data: parsed.data,
        problems: parsed.problems.map((p) => ({
            file: display,
            ...(p.line !== undefined ? { line: p.line } : {}),
            message: p.message,
            fix: p.fix,
        })),
        lineOf: (jsonPointer) => {
            const { doc, lineCounter } = parsed.located();
            return doc ? lineOfPointer(doc, lineCounter, jsonPointer) : undefined;
        },
    };
}
