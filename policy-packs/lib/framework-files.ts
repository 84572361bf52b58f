import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { LineCounter, parseDocument } from "yaml";
import { PolicyInputError } from "./config";
import type { FrameworkControl, FrameworkMapping } from "./frameworks";
import { closestName } from "./names";
import { lineOfPointer, pointer } from "./yaml-lines";

/** The mapping files of the packs' tower: `policy-packs/frameworks/<framework>.yaml`. */
export const FRAMEWORKS_DIR = path.join(__dirname, "..", "frameworks");

/** The file beside a bundled pack's entry point holding the mappings as JSON (the YAML folder is not bundled). */
export const FRAMEWORKS_FILE = "edf-frameworks.json";

/** A mapping file read from disk, with the lines of its parts for messages. */
export interface FrameworkFile {
    /** The file, as given (relative paths stay relative). */
    readonly file: string;
    readonly mapping: FrameworkMapping;
    /** The 1-based line of a JSON pointer (`/controls/3/policies/0`) in the file. */
    lineOf(jsonPointer: string): number | undefined;
}

/** A problem of a mapping file's shape, where it is. */
export interface FrameworkFileProblem {
    readonly file: string;
    readonly line: number;
    readonly message: string;
}

/** `file:line: message`, as an editor jumps to it. */
export function formatFrameworkProblem(p: FrameworkFileProblem): string {
    return `${p.file}:${p.line}: ${p.message}`;
}

const FIELDS = ["framework", "name", "version", "source", "published", "mapped", "scope"] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FRAMEWORK_ID = /^[a-z][a-z0-9.-]*[a-z0-9]$/;

function isRecord(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Reads every `*.yaml` mapping file of a folder (sorted by name), checking each one's shape.
 * Returns the files that parsed and one message per problem (`file:line: what, and the fix`).
 */
export function readFrameworkFiles(
    dir: string = FRAMEWORKS_DIR,
    /** A cache folder where parsed files are kept between processes (see {@link keptParse}). @default - none */
    keptIn?: string,
): { files: FrameworkFile[]; problems: FrameworkFileProblem[] } {
    const stamp = folderStamp(dir);
    const known = parsedFolders.get(dir);
    if (stamp !== undefined && known?.stamp === stamp) return { files: [...known.files], problems: [...known.problems] };
    const read = parseFrameworkFiles(dir, keptIn);
    if (stamp !== undefined) parsedFolders.set(dir, { stamp, ...read });
    else parsedFolders.delete(dir);
    return { files: [...read.files], problems: [...read.problems] };
}

/** Folders parsed earlier in this process (`edf synth --watch` plans every round), by {@link folderStamp}. */
const parsedFolders = new Map<string, { stamp: string; files: FrameworkFile[]; problems: FrameworkFileProblem[] }>();

/** A file changed (mtime or ctime) this recently (ms) may change again within the file system's timestamp tick unseen; tests shorten it. */
export const frameworkFolderMemo = { racyMs: 2000 };

/**
 * What identifies the mapping files' versions: each `*.yaml` name with its device, inode, size,
 * mtime and ctime (ns). A rewrite changes the ctime even when size and mtime are kept; undefined
 * (parse again, keep nothing) when the folder is missing or a file changed under 2 s ago.
 */
export function folderStamp(dir: string): string | undefined {
    let names: string[];
    try {
        names = fs
            .readdirSync(dir)
            .filter((f) => /\.ya?ml$/.test(f))
            .sort();
    } catch {
        return undefined;
    }
    const now = BigInt(Date.now()) * 1_000_000n;
    const parts: string[] = [];
    for (const name of names) {
        const stat = fs.statSync(path.join(dir, name), { bigint: true, throwIfNoEntry: false });
        if (!stat) return undefined;
        const changed = stat.mtimeNs > stat.ctimeNs ? stat.mtimeNs : stat.ctimeNs;
        if (now - changed < BigInt(frameworkFolderMemo.racyMs) * 1_000_000n) return undefined;
        parts.push(`${name}:${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`);
    }
    return parts.join("\n");
}

/** A parsed mapping file as kept between processes: its lines are found again from its text when a message needs one. */
interface KeptParse {
    readonly files: { readonly file: string; readonly mapping: FrameworkMapping }[];
    readonly problems: FrameworkFileProblem[];
}

/** What a kept parse depends on besides the files: this module's code (its checks) and the YAML parser's version. */
let parserIdentity: string | undefined;
function parserIdentityOf(): string {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the version of the parser actually loaded keys the kept parse
    const yamlVersion = (require("yaml/package.json") as { version: string }).version;
    return (parserIdentity ??= createHash("sha256").update(fs.readFileSync(__filename)).update(yamlVersion).digest("hex"));
}

/**
 * Parsing and checking the mapping files (95 KB of YAML) costs 60–90 ms at every start of a
 * command that plans an environment; the result is plain data, so it is kept as JSON under
 * `<keptIn>/frameworks/<key>.json`, keyed by this module's code, the parser's version, the
 * folder and every file's name and text: any change is another key. Written aside and renamed;
 * an entry that cannot be read is parsed again; a disk that cannot be written costs the next
 * start the parse. A kept file's `lineOf` parses its text again on first use (messages only).
 */
function keptParse(keptIn: string, key: string): KeptParse | undefined {
    try {
        const kept = JSON.parse(fs.readFileSync(path.join(keptIn, "frameworks", `${key}.json`), "utf8")) as KeptParse;
        return Array.isArray(kept.files) && Array.isArray(kept.problems) ? kept : undefined;
    } catch {
        return undefined;
    }
}

function keepParse(keptIn: string, key: string, parse: KeptParse): void {
    const file = path.join(keptIn, "frameworks", `${key}.json`);
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        fs.writeFileSync(temporary, JSON.stringify(parse));
        fs.renameSync(temporary, file);
    } catch {
        // A read-only or full disk: the next start parses again.
    }
}

/** A YAML document of a mapping file with its line counter (for the lines of messages). */
function located(text: string): { doc: ReturnType<typeof parseDocument>; lines: LineCounter } {
    const lines = new LineCounter();
    return { doc: parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false }), lines };
}

function parseFrameworkFiles(dir: string, keptIn: string | undefined): { files: FrameworkFile[]; problems: FrameworkFileProblem[] } {
    if (!fs.existsSync(dir)) return { files: [], problems: [] };
    const names = fs
        .readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort();
    const texts = names.map((name) => fs.readFileSync(path.join(dir, name), "utf8"));
    const key =
        keptIn &&
        createHash("sha256")
            .update(JSON.stringify([parserIdentityOf(), dir, names, texts]))
            .digest("hex");
    const kept = keptIn && key ? keptParse(keptIn, key) : undefined;
    if (kept) {
        return {
            files: kept.files.map(({ file, mapping }) => {
                let doc: ReturnType<typeof located> | undefined;
                const text = texts[names.indexOf(path.basename(file))] ?? "";
                return { file, mapping, lineOf: (p: string) => lineOfPointer((doc ??= located(text)).doc, doc.lines, p) };
            }),
            problems: kept.problems,
        };
    }
    const parsed = parseTexts(dir, names, texts);
    if (keptIn && key)
        keepParse(keptIn, key, { files: parsed.files.map(({ file, mapping }) => ({ file, mapping })), problems: parsed.problems });
    return parsed;
}

function parseTexts(
    dir: string,
    names: readonly string[],
    texts: readonly string[],
): { files: FrameworkFile[]; problems: FrameworkFileProblem[] } {
    const files: FrameworkFile[] = [];
    const problems: FrameworkFileProblem[] = [];
    for (const [index, name] of names.entries()) {
        const file = path.join(dir, name);
        const { doc, lines } = located(texts[index]!);
        const issue = (at: string, message: string): FrameworkFileProblem => ({ file, line: lineOfPointer(doc, lines, at) ?? 1, message });
        if (doc.errors.length > 0) {
            problems.push(
                ...doc.errors.map((e) => ({
                    file,
                    line: lines.linePos(e.pos[0]).line,
                    message: `not valid YAML: ${e.message.split("\n")[0]}`,
                })),
            );
            continue;
        }
        const data: unknown = doc.toJS();
        const before = problems.length;
        if (!isRecord(data)) {
            problems.push({ file, line: 1, message: `a mapping file is a YAML object with ${FIELDS.join(", ")} and \`controls\`.` });
            continue;
        }
        for (const field of FIELDS) {
            if (typeof data[field] !== "string" || (data[field] as string).trim() === "")
                problems.push(issue(pointer(field), `\`${field}\` must be a non-empty string.`));
        }
        for (const field of ["published", "mapped"]) {
            if (typeof data[field] === "string" && !ISO_DATE.test(data[field] as string))
                problems.push(issue(pointer(field), `\`${field}\` must be a YYYY-MM-DD date.`));
        }
        const expected = name.replace(/\.ya?ml$/, "");
        if (typeof data.framework === "string" && (data.framework !== expected || !FRAMEWORK_ID.test(data.framework)))
            problems.push(
                issue(
                    "/framework",
                    `\`framework\` is \`${data.framework}\` but the file is ${name}: ` +
                        `the id is the file name, lower-case (\`${expected}\`).`,
                ),
            );
        for (const key of Object.keys(data)) {
            if (key !== "controls" && !(FIELDS as readonly string[]).includes(key))
                problems.push(issue(pointer(key), `unknown key \`${key}\` (a mapping file has ${FIELDS.join(", ")}, controls).`));
        }
        const controls = Array.isArray(data.controls) ? data.controls : undefined;
        if (!controls || controls.length === 0) problems.push(issue("/controls", `\`controls\` must be a non-empty list.`));
        const seen = new Set<string>();
        (controls ?? []).forEach((c: unknown, i) => {
            const where = pointer("controls", i);
            if (!isRecord(c)) return void problems.push(issue(where, `each control is an object with \`id\`, \`title\`, \`policies\`.`));
            for (const key of Object.keys(c)) {
                if (!["id", "title", "policies", "note", "notApplicable"].includes(key))
                    problems.push(issue(pointer("controls", i, key), `unknown key \`${key}\` (id, title, policies, note, notApplicable).`));
            }
            if (typeof c.id !== "string" || c.id === "") problems.push(issue(where, `\`id\` must be the control's id as a string.`));
            else if (seen.has(c.id)) problems.push(issue(where, `control \`${c.id}\` is listed twice.`));
            else seen.add(c.id);
            if (typeof c.title !== "string" || c.title === "")
                problems.push(issue(where, `control \`${String(c.id)}\` needs a \`title\`.`));
            for (const key of ["note", "notApplicable"]) {
                if (c[key] !== undefined && (typeof c[key] !== "string" || c[key] === ""))
                    problems.push(issue(pointer("controls", i, key), `\`${key}\` must be a sentence.`));
            }
            if (c.notApplicable !== undefined && c.policies !== undefined)
                problems.push(
                    issue(where, `control \`${String(c.id)}\` is not applicable, so it maps no policies: remove one of the two.`),
                );
            if (c.notApplicable === undefined && !(Array.isArray(c.policies) && c.policies.every((p) => typeof p === "string")))
                problems.push(
                    issue(
                        where,
                        `control \`${String(c.id)}\` needs \`policies\` (a list of policy ids, \`[]\` when none checks it yet) ` +
                            `or \`notApplicable\` (why it cannot apply).`,
                    ),
                );
        });
        if (problems.length > before) continue;
        const mapping: FrameworkMapping = {
            id: data.framework as string,
            name: data.name as string,
            version: data.version as string,
            source: data.source as string,
            published: data.published as string,
            mapped: data.mapped as string,
            scope: data.scope as string,
            controls: (controls as Record<string, unknown>[]).map((c): FrameworkControl => ({
                id: c.id as string,
                title: c.title as string,
                policies: (c.policies as string[] | undefined) ?? [],
                ...(c.note ? { note: c.note as string } : {}),
                ...(c.notApplicable ? { notApplicable: c.notApplicable as string } : {}),
            })),
        };
        files.push({ file, mapping, lineOf: (p) => lineOfPointer(doc, lines, p) });
    }
    return { files, problems };
}

/**
 * What a mapping may not say about the packs: a policy id no pack has (with the closest id), a
 * policy listed twice under one control. With `requireEveryPolicy`, also every policy that no
 * control of any framework maps (a policy must evidence something an auditor recognises).
 */
export function frameworkReferenceProblems(
    files: readonly FrameworkFile[],
    policyIds: readonly string[],
    { requireEveryPolicy = true }: { requireEveryPolicy?: boolean } = {},
): string[] {
    const known = new Set(policyIds);
    const mapped = new Set<string>();
    const problems: string[] = [];
    for (const { file, mapping, lineOf } of files) {
        mapping.controls.forEach((control, i) => {
            const listed = new Set<string>();
            control.policies.forEach((id, j) => {
                const where = `${file}:${lineOf(pointer("controls", i, "policies", j)) ?? 1}`;
                if (!known.has(id)) {
                    const suggestion = closestName(id, policyIds);
                    problems.push(
                        `${where}: control \`${control.id}\` maps policy \`${id}\`, which no pack has` +
                            `${suggestion ? `: did you mean \`${suggestion}\`?` : "."}`,
                    );
                }
                if (listed.has(id)) problems.push(`${where}: control \`${control.id}\` lists policy \`${id}\` twice.`);
                listed.add(id);
                mapped.add(id);
            });
        });
    }
    if (requireEveryPolicy) {
        const unmapped = policyIds.filter((id) => !mapped.has(id));
        if (unmapped.length > 0)
            problems.push(
                `${unmapped.length} polic${unmapped.length === 1 ? "y maps" : "ies map"} to no control of any framework ` +
                    `(${unmapped.map((id) => `\`${id}\``).join(", ")}): add each to the controls it evidences in ` +
                    `policy-packs/frameworks/*.yaml.`,
            );
    }
    return problems;
}

/** The mappings of a folder; throws a `PolicyInputError` listing every shape problem. */
export function loadFrameworks(dir: string = FRAMEWORKS_DIR): FrameworkMapping[] {
    const { files, problems } = readFrameworkFiles(dir);
    if (problems.length > 0) throw new PolicyInputError(problems.map(formatFrameworkProblem));
    return files.map((f) => f.mapping);
}

/**
 * The mappings a pack reports with: the JSON a bundle carries beside its entry point, else the
 * project's mapping folder (a pack run from the repository), else none.
 */
export function packFrameworks(packDir: string | undefined): FrameworkMapping[] {
    const bundled = packDir ? path.join(packDir, FRAMEWORKS_FILE) : undefined;
    if (bundled && fs.existsSync(bundled)) return JSON.parse(fs.readFileSync(bundled, "utf8")) as FrameworkMapping[];
    return loadFrameworks();
}
