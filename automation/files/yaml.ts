import { CORE_SCHEMA, load as loadFast } from "js-yaml";
import { Composer, Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Node, Parser } from "yaml";
import type { CST } from "yaml";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the transpile cache (plain JS, shared with worker entries)
const { cacheDir } = require("../loader/ts-cache") as { cacheDir(): string };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the version of js-yaml actually loaded keys the kept data
const JS_YAML_VERSION = (require("js-yaml/package.json") as { version: string }).version;

/**
 * YAML parsing with limits, for every YAML file `edf` reads (specs, waiver files, sample inputs).
 *
 * Two parsers, each for what it does best. js-yaml reads the data (YAML 1.2 core schema, duplicate
 * keys refused), about five times faster than the `yaml` library on a large spec; its result is then
 * measured without recursion: nesting depth, aliases (shared references) and how far they expand.
 * The `yaml` library's document model, which keeps every node's source position, is built only when
 * a line is needed: to explain a problem, or to point at a path (`lineOf`). Its own parser is
 * iterative but its composer recurses and its duplicate-key check is quadratic, so the same limits
 * are measured on its tokens before composing. Every problem comes back with its line, never as a
 * thrown library error.
 */

/** Deepest nesting of maps and lists accepted (a spec needs about 8). */
export const MAX_YAML_DEPTH = 64;

/** Most alias expansions accepted in one document (the library's guard against alias bombs). */
export const MAX_YAML_ALIAS_COUNT = 100;

/** One problem with a YAML text: its line when known, what is wrong and the fix. */
export interface YamlProblem {
    readonly line?: number;
    readonly message: string;
    readonly fix: string;
}

/** Alias expansion beyond the document's own nodes that is accepted: generous for anchors of defaults, far below a bomb. */
export const MAX_YAML_ALIAS_EXPANSION = 100_000;

/** A YAML text read under the limits. */
export interface ParsedYaml {
    /** The plain data, when there is no problem. */
    readonly data?: unknown;
    readonly problems: readonly YamlProblem[];
    /** The document model with source positions (parsed on first use, then kept). */
    located(): LocatedYaml;
}

/** The `yaml` library's document of a text, with its line counter. */
export interface LocatedYaml {
    /** The document (comments, order and source ranges kept), or undefined when it could not be composed. */
    readonly doc?: Document.Parsed;
    readonly lineCounter: LineCounter;
    readonly problems: readonly YamlProblem[];
}

const MESSAGE_LIMIT = 160;

/** Parses one YAML document under the limits: the data, or every problem with its line. */
export function parseYamlText(text: string): ParsedYaml {
    let located: LocatedYaml | undefined;
    const locate = (): LocatedYaml => (located ??= locatedOf(text));
    const keptFile = text.length >= KEPT_DATA_MIN ? keptDataFile(text) : undefined;
    const kept = keptFile ? readKeptData(keptFile) : undefined;
    if (kept) return { data: kept.data, problems: [], located: locate };
    let data: unknown;
    let fastProblem: YamlProblem | undefined;
    try {
        data = loadFast(text, { schema: CORE_SCHEMA });
        fastProblem = dataLimitProblem(data);
    } catch (error) {
        const mark = (error as { mark?: { line?: number } }).mark;
        fastProblem = {
            ...(mark?.line !== undefined ? { line: mark.line + 1 } : {}),
            message:
                error instanceof RangeError
                    ? `YAML nesting deeper than ${MAX_YAML_DEPTH} levels`
                    : `YAML syntax: ${shorten(((error as { reason?: string }).reason ?? (error as Error).message).split("\n")[0] ?? "")}`,
            fix: "fix the YAML at this line.",
        };
    }
    if (fastProblem === undefined) {
        if (keptFile) keepData(keptFile, data);
        return { data, problems: [], located: locate };
    }
    // The document model says where the problem is; should it see none, the fast parser's own account stands.
    const explained = locate().problems;
    return { problems: explained.length > 0 ? explained : [fastProblem], located: locate };
}

/**
 * Measures parsed data without recursion: its depth, and its shared references (js-yaml's
 * aliases) with how many nodes they add when expanded, as every consumer that walks the data
 * (the schema validator, JSON) expands them. A problem without a line; the caller locates it.
 */
function dataLimitProblem(root: unknown): YamlProblem | undefined {
    const measured = new Map<object, { depth: number; size: number }>();
    const inProgress = new Set<object>();
    const frames: { node: object; children: unknown[]; next: number; depth: number; size: number }[] = [];
    let distinct = 0;
    let aliases = 0;
    const enter = (value: unknown): { depth: number; size: number } | undefined => {
        if (value === null || typeof value !== "object") return { depth: 0, size: 1 };
        const known = measured.get(value);
        if (known) {
            aliases++;
            return known;
        }
        if (inProgress.has(value)) throw new Error("cycle");
        inProgress.add(value);
        const children: unknown[] = Array.isArray(value) ? value : Object.values(value);
        // Each node counted once as written: the object and its plain values.
        distinct += 1;
        for (const child of children) if (child === null || typeof child !== "object") distinct++;
        frames.push({ node: value, children, next: 0, depth: 0, size: 1 });
        return undefined;
    };
    try {
        let result = enter(root);
        while (frames.length > 0) {
            const frame = frames[frames.length - 1]!;
            if (frames.length > MAX_YAML_DEPTH) return { message: `YAML nesting deeper than ${MAX_YAML_DEPTH} levels`, fix: "flatten it." };
            if (aliases > MAX_YAML_ALIAS_COUNT)
                return { message: `more than ${MAX_YAML_ALIAS_COUNT} YAML aliases`, fix: "write the values out." };
            if (frame.next < frame.children.length) {
                const child = enter(frame.children[frame.next++]);
                if (child) {
                    frame.depth = Math.max(frame.depth, child.depth);
                    frame.size += child.size;
                }
                continue;
            }
            frames.pop();
            inProgress.delete(frame.node);
            result = { depth: frame.depth + 1, size: frame.size };
            measured.set(frame.node, result);
            const parent = frames[frames.length - 1];
            if (parent) {
                parent.depth = Math.max(parent.depth, result.depth);
                parent.size += result.size;
            }
        }
        if ((result?.size ?? 0) - distinct > MAX_YAML_ALIAS_EXPANSION) {
            return { message: `YAML aliases expand to too much data`, fix: "write the values out instead of nesting aliases." };
        }
        return undefined;
    } catch {
        return { message: "a YAML alias refers to the node that contains it", fix: "remove the self-reference." };
    }
}

/**
 * Texts at least this long (a spec of many units: 80 KB for 100 services) have their parsed data
 * kept beside the transpile cache, as JSON: parsing such a spec costs every run ≈ 15 ms, reading
 * it back ≈ 1. Shorter texts (waiver files, samples) are parsed each time.
 */
const KEPT_DATA_MIN = 16 * 1024;
/** What decides the data and its verdict besides the text: the parser's version and the limits. */
const KEPT_DATA_KEY = `edf-yaml-data/1|js-yaml ${JS_YAML_VERSION}|${MAX_YAML_DEPTH}|${MAX_YAML_ALIAS_COUNT}|${MAX_YAML_ALIAS_EXPANSION}`;

function keptDataFile(text: string): string {
    const key = createHash("sha256").update(KEPT_DATA_KEY).update("\0").update(text).digest("hex");
    return path.join(cacheDir(), "yaml", `${key}.json`);
}

/** The data kept for a text that parsed within the limits; undefined when there is none (or it cannot be read). */
function readKeptData(file: string): { data: unknown } | undefined {
    try {
        return { data: JSON.parse(fs.readFileSync(file, "utf8")) as unknown };
    } catch {
        return undefined;
    }
}

/**
 * Keeps data that JSON gives back exactly (written aside, then renamed). Data JSON would change
 * is not kept: a non-finite number or -0, a `__proto__` key, an alias (a shared reference,
 * which JSON would copy): such a text is parsed each time.
 */
function keepData(file: string, data: unknown): void {
    if (!exactlyJson(data)) return;
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(temporary, JSON.stringify(data));
        fs.renameSync(temporary, file);
    } catch {
        // A read-only or full disk only costs the next run the parse.
        fs.rmSync(temporary, { force: true });
    }
}

/** Whether `JSON.parse(JSON.stringify(value))` is `value` again: plain values, each object met once. */
function exactlyJson(value: unknown): boolean {
    const seen = new Set<object>();
    const stack: unknown[] = [value];
    while (stack.length > 0) {
        const item = stack.pop();
        if (item === null || typeof item === "string" || typeof item === "boolean") continue;
        if (typeof item === "number") {
            if (!Number.isFinite(item) || Object.is(item, -0)) return false;
            continue;
        }
        if (typeof item !== "object" || seen.has(item)) return false;
        seen.add(item);
        if (Array.isArray(item)) {
            for (let i = 0; i < item.length; i++) {
                if (!(i in item)) return false;
                stack.push(item[i]);
            }
            continue;
        }
        if (Object.getPrototypeOf(item) !== Object.prototype || Object.prototype.hasOwnProperty.call(item, "__proto__")) return false;
        for (const key of Object.keys(item)) stack.push((item as Record<string, unknown>)[key]);
    }
    return true;
}

/** The texts located last, most recent last: the document model is a pure function of the text. */
const recentlyLocated = new Map<string, LocatedYaml>();
const RECENTLY_LOCATED = 8;

/**
 * {@link locateYaml}, kept for the last few texts: a process that reads the same spec and waiver
 * files again (`edf synth --watch`, round after round) builds their document model once. Keyed by
 * the whole text, so an edited file is a different key; the model is only read, never changed.
 */
function locatedOf(text: string): LocatedYaml {
    const kept = recentlyLocated.get(text);
    if (kept) {
        recentlyLocated.delete(text);
        recentlyLocated.set(text, kept);
        return kept;
    }
    const located = locateYaml(text);
    recentlyLocated.set(text, located);
    if (recentlyLocated.size > RECENTLY_LOCATED) recentlyLocated.delete(recentlyLocated.keys().next().value!);
    return located;
}

/** The `yaml` library's document of a text under the same limits, with every problem located. */
export function locateYaml(text: string): LocatedYaml {
    const lineCounter = new LineCounter();
    const line = (offset: number | undefined): number | undefined => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
    const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
    const measured = measure(tokens);
    if (measured.tooDeep !== undefined) {
        return {
            lineCounter,
            problems: [
                {
                    line: line(measured.tooDeep),
                    message: `YAML nesting deeper than ${MAX_YAML_DEPTH} levels`,
                    fix: "flatten the structure: no file of edf needs this much nesting.",
                },
            ],
        };
    }
    if (measured.aliasOverLimit !== undefined) {
        return {
            lineCounter,
            problems: [
                {
                    line: line(measured.aliasOverLimit),
                    message: `more than ${MAX_YAML_ALIAS_COUNT} YAML aliases`,
                    fix: "write the values out instead of repeating aliases.",
                },
            ],
        };
    }
    const docs = Array.from(new Composer({ uniqueKeys: false, prettyErrors: false }).compose(tokens, true, text.length));
    const doc = docs[0] as Document.Parsed;
    const problems: YamlProblem[] = [];
    if (docs.length > 1) {
        problems.push({
            line: line(docs[1]!.range[0]),
            message: "YAML syntax: more than one document",
            fix: "keep one document per file (remove `---`).",
        });
    }
    for (const error of doc.errors) {
        problems.push({
            line: error.linePos?.[0]?.line ?? line(error.pos[0]),
            message: `YAML syntax: ${shorten(error.message.split("\n")[0] ?? "")}`,
            fix: "fix the YAML syntax at this line.",
        });
    }
    if (problems.length > 0) return { doc, lineCounter, problems };
    problems.push(...structureProblems(doc, line));
    if (problems.length > 0) return { doc, lineCounter, problems };
    try {
        doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
        return { doc, lineCounter, problems };
    } catch (error) {
        const excessive = /alias count/i.test((error as Error).message);
        return {
            doc,
            lineCounter,
            problems: [
                {
                    line: line(firstAliasOffset(doc)),
                    message: excessive
                        ? `YAML aliases expand to too much data (more than ${MAX_YAML_ALIAS_COUNT} expansions)`
                        : `YAML: ${shorten((error as Error).message.split("\n")[0] ?? "")}`,
                    fix: excessive ? "write the values out instead of nesting aliases." : "fix the YAML at this line.",
                },
            ],
        };
    }
}

function shorten(message: string): string {
    return message.length > MESSAGE_LIMIT ? `${message.slice(0, MESSAGE_LIMIT)}…` : message;
}

/**
 * Walks the parser's tokens without recursion: the offset of the first collection nested deeper
 * than the limit, and of the first alias over the alias limit (each alias costs the library a
 * scan of the document, so their number is bounded before anything is composed).
 */
function measure(tokens: readonly CST.Token[]): { tooDeep?: number; aliasOverLimit?: number } {
    const stack: { token: CST.Token | undefined; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
    let aliases = 0;
    while (stack.length > 0) {
        const { token, depth } = stack.pop()!;
        if (!token) continue;
        if (token.type === "document") {
            stack.push({ token: token.value, depth });
        } else if (token.type === "alias") {
            if (++aliases > MAX_YAML_ALIAS_COUNT) return { aliasOverLimit: token.offset };
        } else if (token.type === "block-map" || token.type === "block-seq" || token.type === "flow-collection") {
            if (depth + 1 > MAX_YAML_DEPTH) return { tooDeep: token.offset };
            for (const item of token.items as readonly { key?: CST.Token | null; value?: CST.Token }[]) {
                stack.push({ token: item.key ?? undefined, depth: depth + 1 }, { token: item.value, depth: depth + 1 });
            }
        }
    }
    return {};
}

/** Duplicate keys (one set per map) and aliases without an anchor before them, without recursion. */
function structureProblems(doc: Document.Parsed, line: (offset: number | undefined) => number | undefined): YamlProblem[] {
    const problems: YamlProblem[] = [];
    const stack: unknown[] = [doc.contents];
    while (stack.length > 0) {
        const node = stack.pop();
        if (isMap(node)) {
            const seen = new Set<unknown>();
            for (const pair of node.items) {
                if (!isPair(pair)) continue;
                const key = isScalar(pair.key) ? pair.key.value : pair.key;
                if (isScalar(pair.key) && seen.has(key)) {
                    problems.push({
                        line: line((pair.key as Node).range?.[0]),
                        message: "YAML syntax: Map keys must be unique",
                        fix: "remove or rename the repeated key.",
                    });
                }
                seen.add(key);
                stack.push(pair.key, pair.value);
            }
        } else if (isSeq(node)) {
            stack.push(...node.items);
        } else if (isAlias(node) && node.resolve(doc) === undefined) {
            problems.push({
                line: line(node.range?.[0]),
                message: `YAML alias \`*${shorten(node.source)}\` has no anchor before it`,
                fix: `define \`&${shorten(node.source)}\` earlier in the file, or write the value out.`,
            });
        }
    }
    return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function firstAliasOffset(doc: Document.Parsed): number | undefined {
    const stack: unknown[] = [doc.contents];
    let first: number | undefined;
    while (stack.length > 0) {
        const node = stack.pop();
        if (isMap(node)) for (const pair of node.items) stack.push(pair.key, pair.value);
        else if (isSeq(node)) stack.push(...node.items);
        else if (isAlias(node)) {
            const offset = node.range?.[0];
            if (offset !== undefined && (first === undefined || offset < first)) first = offset;
        }
    }
    return first;
}
