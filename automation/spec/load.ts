import * as fs from "fs";
import * as path from "path";
import { EdfError, MAX_PROBLEMS, Problem } from "../errors";
import { readCheckedText } from "../files/read";
import { cachedValidator } from "./cached-validator";
import { ParsedYaml, parseYamlText } from "../files/yaml";
import { checkSpecPaths } from "./paths";
import { ENVIRONMENT_SPEC_SCHEMA } from "./schema";
import { explainSchemaErrors } from "./schema-errors";
import { checkSemantics } from "./semantics";
import { withExternalIdInputs } from "./targets";
import { checkWaiverFiles, resolveWaiverFiles } from "./waivers";
import { EnvironmentSpec, LoadedSpec } from "./types";
import { lineOfPointer } from "./yaml-lines";

const validateSchema = cachedValidator(ENVIRONMENT_SPEC_SCHEMA, {
    allErrors: true,
    verbose: true,
    discriminator: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
});

/**
 * Where `--env <name|file>` points: a name (`dev`) means `environments/<name>.yaml` under
 * the project root; anything with a path separator or a YAML extension is a file.
 */
export function specPathFor(env: string, projectRoot: string): string {
    if (/[\\/]/.test(env) || /\.ya?ml$/.test(env)) {
        return path.resolve(env);
    }
    return path.join(projectRoot, "environments", `${env}.yaml`);
}

/**
 * Reads, parses and validates a spec. Every problem — the file itself, YAML syntax and limits,
 * schema, references, paths — is collected and thrown at once as one `EDF_SPEC_INVALID` error
 * whose problems name the file, the JSON path, the line and the fix (the first 50, then a
 * count). Reading is bounded (automation/files): a FIFO, a device, a folder, an oversized file
 * or a link out of the project is refused before a byte is parsed. Changes nothing.
 */
export function loadSpec(file: string, displayRoot: string = process.cwd()): LoadedSpec {
    const display = path.relative(displayRoot, file) || file;
    if (!exists(file)) {
        const folder = path.dirname(file);
        const known =
            exists(folder) && fs.statSync(folder).isDirectory()
                ? fs
                      .readdirSync(folder)
                      .filter((f) => /\.ya?ml$/.test(f))
                      .sort()
                : [];
        throw new EdfError("EDF_SPEC_NOT_FOUND", `No environment spec at \`${display}\`.`, [
            {
                file: display,
                message: "the file does not exist",
                fix: known.length
                    ? `use one of: ${known.map((f) => `\`${f.replace(/\.ya?ml$/, "")}\``).join(", ")}.`
                    : "create it (see docs/driver.md).",
            },
        ]);
    }
    const text = readCheckedText({ file, display, what: "environment spec", origin: { kind: "named", projectRoot: displayRoot } });
    return parseSpec(text, display, { specDir: path.dirname(path.resolve(file)), projectRoot: displayRoot });
}

/** Whether anything is at `file` (a dangling symbolic link included: it is refused with a reason, not "missing"). */
function exists(file: string): boolean {
    try {
        fs.lstatSync(file);
        return true;
    } catch {
        return false;
    }
}

/** Where a spec's relative files are: waiver files next to the spec, packs under the project root. */
export interface SpecLocation {
    readonly specDir: string;
    readonly projectRoot: string;
    /** Whether a waiver file exists (a spec read from a git commit checks the commit). @default - the file system */
    readonly isFile?: (file: string) => boolean;
}

/**
 * Validates spec text; `display` is the file name used in messages. `policy.waivers` and
 * `inspect.policy.waivers` come back as absolute paths. @default location - `display` resolved from the working directory
 */
export function parseSpec(
    text: string,
    display: string,
    location: SpecLocation = { specDir: path.dirname(path.resolve(display)), projectRoot: process.cwd() },
): LoadedSpec {
    const checked = checkedText(text);
    const parsed = checked.parsed;
    if (parsed.problems.length > 0) {
        throw invalid(
            display,
            parsed.problems.map((p) => ({
                file: display,
                ...(p.line !== undefined ? { line: p.line } : {}),
                message: p.message,
                fix: p.fix,
            })),
        );
    }
    // This caller's own copy: the kept data is never handed out, so nothing a caller does to its spec reaches another.
    const data = checked.kept ? structuredClone(checked.data) : checked.data;
    // A line costs the document model (built on first use): a valid spec never pays for it.
    const lineOf = (jsonPath: string): number | undefined => {
        const { doc, lineCounter } = parsed.located();
        return doc ? lineOfPointer(doc, lineCounter, jsonPath) : undefined;
    };
    // Problems are found first and given lines after the cap: a line costs a walk of the document.
    const found: Omit<Problem, "file" | "line">[] = [...checked.schemaProblems];
    const spec = data as EnvironmentSpec;
    if (found.length < MAX_PROBLEMS) {
        found.push(
            ...checked.semanticProblems,
            ...(location.isFile
                ? // A spec read from a commit (`edf affected`): its waiver files are looked up in that commit's
                  // tree; the real-path checks read the file system and judge the working tree only.
                  checkWaiverFiles(spec, location.specDir, location.projectRoot, location.isFile)
                : // Both packs' waiver files and pack folders, judged by real path.
                  checkSpecPaths(spec, location.specDir, location.projectRoot)),
        );
    }
    if (found.length > 0) {
        const shown = found.slice(0, MAX_PROBLEMS).map((p) => ({ file: display, ...p, line: lineOf(p.path ?? "") }));
        throw invalid(display, shown, found.length - shown.length);
    }
    // Waiver files of both packs as absolute paths; external ids of assumed roles resolved as inputs: up front, with provenance, redacted.
    const resolved = withExternalIdInputs(resolveWaiverFiles(spec, location.specDir));
    return { file: display, spec: resolved, lineOf, specDir: location.specDir, projectRoot: location.projectRoot };
}

/** A spec text parsed, schema-checked and semantically checked: all of it a function of the text alone. */
interface CheckedText {
    readonly parsed: ParsedYaml;
    /** The parsed data (when the YAML has no problem); a kept entry's is never handed out. */
    readonly data: unknown;
    /** What the schema check found, without file or line. */
    readonly schemaProblems: readonly Omit<Problem, "file" | "line">[];
    /** What the semantic checks found (not run when the schema found {@link MAX_PROBLEMS} or more). */
    readonly semanticProblems: readonly Omit<Problem, "file" | "line">[];
    /** Whether this came from {@link recentlyChecked} (its data must be copied before use). */
    readonly kept: boolean;
}

/** The spec texts checked last, most recent last. */
const recentlyChecked = new Map<string, Omit<CheckedText, "kept">>();
const RECENTLY_CHECKED = 4;

/**
 * The text-only half of {@link parseSpec}, kept for the last few texts: a run reads its spec
 * twice — the plan (`loadSpec`) and the units' fingerprints (`loadSpecFrom`, through the source
 * tree) — and `edf synth --watch` round after round. Keyed by the whole text, so an edited spec
 * is another key; the checks that look at files (waiver files, packs) run on every call. The
 * kept data is a private copy: each caller gets a `structuredClone` of it (≈ 1 ms for 100
 * units, against ≈ 25 ms to parse and check again).
 */
function checkedText(text: string): CheckedText {
    const kept = recentlyChecked.get(text);
    if (kept) {
        recentlyChecked.delete(text);
        recentlyChecked.set(text, kept);
        return { ...kept, kept: true };
    }
    const parsed = parseYamlText(text);
    if (parsed.problems.length > 0) return { parsed, data: undefined, schemaProblems: [], semanticProblems: [], kept: false };
    const data = parsed.data;
    const schemaProblems: Omit<Problem, "file" | "line">[] = [];
    if (!validateSchema(data)) {
        for (const p of explainSchemaErrors(validateSchema.errors ?? []))
            schemaProblems.push({ path: p.path || "/", message: p.message, fix: p.fix });
    }
    const semanticProblems = schemaProblems.length < MAX_PROBLEMS ? checkSemantics(data as EnvironmentSpec) : [];
    recentlyChecked.set(text, { parsed, data: structuredClone(data), schemaProblems, semanticProblems });
    if (recentlyChecked.size > RECENTLY_CHECKED) recentlyChecked.delete(recentlyChecked.keys().next().value!);
    return { parsed, data, schemaProblems, semanticProblems, kept: false };
}

function invalid(display: string, problems: Problem[], omitted = 0): EdfError {
    const total = problems.length + omitted;
    const count = total === 1 ? "1 problem" : `${total} problems`;
    return new EdfError(
        "EDF_SPEC_INVALID",
        `Environment spec \`${display}\` is invalid (${count}); nothing was deployed.`,
        problems,
        omitted,
    );
}
