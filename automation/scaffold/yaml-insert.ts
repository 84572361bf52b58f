import { isDeepStrictEqual } from "util";
import { Document, isCollection, isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";

/**
 * Adds entries to a top-level map of a YAML file by inserting text, so every byte already there
 * stays: comments, their alignment, blank lines, key order, flow collections as written. The
 * document model (the `yaml` library's, with source ranges) says where the map ends and how it
 * is indented; the new entries are rendered by the same library and indented to match; the
 * result is parsed again and must equal the old data plus the new entries, or nothing is returned.
 */
export function appendToTopLevelMap(
    text: string,
    key: string,
    entries: Readonly<Record<string, unknown>>,
    comment?: string,
): { text: string } | { problem: string; fix: string } {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter });
    if (doc.errors.length > 0) {
        return {
            problem: `the file is not valid YAML (${doc.errors[0]!.message.split("\n")[0]})`,
            fix: "fix it and run the command again.",
        };
    }
    if (!isMap(doc.contents)) return { problem: "the file is not a YAML map", fix: "fix it and run the command again." };
    const before = doc.toJS() as Record<string, unknown>;
    const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key);
    const value = pair?.value;
    let at: number;
    let indent: number;
    let prefix: string;
    if (!pair) {
        // No such map yet: a new top-level key at the end of the file.
        at = text.length;
        indent = 2;
        prefix = `${text.length > 0 && !text.endsWith("\n") ? "\n" : ""}${key}:\n`;
    } else if (value === null || (isScalar(value) && value.value === null)) {
        // `key:` with nothing under it: the entries go on the lines after it.
        const keyEnd = (pair.key as { range?: [number, number, number] }).range?.[2] ?? 0;
        const lineEnd = text.indexOf("\n", keyEnd);
        at = lineEnd < 0 ? text.length : lineEnd + 1;
        indent = 2;
        prefix = lineEnd < 0 ? "\n" : "";
    } else if (isMap(value) && value.flow && value.items.length === 0 && value.range) {
        // `key: {}` (an empty map written inline, as `edf init` writes it): the `{}` gives way to the entries below the key.
        const [start, end] = value.range;
        const block = renderEntries(entries, 2, comment);
        const lineEnd = text.indexOf("\n", end);
        const rest = lineEnd < 0 ? "" : text.slice(end, lineEnd).replace(/^\s*(#.*)?$/, "$1");
        const updated = `${text.slice(0, start).replace(/[ \t]+$/, "")}${rest ? ` ${rest}` : ""}\n${block}${lineEnd < 0 ? "" : text.slice(lineEnd + 1)}`;
        return checked(updated, before, key, entries);
    } else if (isMap(value) && !value.flow && value.items.length > 0) {
        const firstKey = value.items[0]!.key as { range?: [number, number, number] };
        indent = lineCounter.linePos(firstKey.range![0]).col - 1;
        at = value.range![1];
        prefix = at > 0 && text[at - 1] !== "\n" ? "\n" : "";
    } else {
        return {
            problem: `\`${key}\` is not written as a block map (one entry per line)`,
            fix: `write \`${key}:\` with its entries on the lines below it, then run the command again.`,
        };
    }
    const block = renderEntries(entries, indent, comment);
    return checked(`${text.slice(0, at)}${prefix}${block}${text.slice(at)}`, before, key, entries);
}

/** `updated`, if its data is exactly the old data plus the new entries under `key`; else why not. */
function checked(
    updated: string,
    before: Record<string, unknown>,
    key: string,
    entries: Readonly<Record<string, unknown>>,
): { text: string } | { problem: string; fix: string } {
    const after = parseDocument(updated).toJS() as Record<string, unknown>;
    const expected = { ...before, [key]: { ...((before[key] as Record<string, unknown> | null) ?? {}), ...entries } };
    if (!isDeepStrictEqual(after, expected)) {
        return {
            problem: `adding to \`${key}\` would change more than the new entries`,
            fix: "add them by hand (the layout of the file is unusual).",
        };
    }
    return { text: updated };
}

/**
 * `key: value` lines of `entries` at `indent` spaces; small maps and lists of scalars flow on one
 * line, as the example specs write them.
 */
function renderEntries(entries: Readonly<Record<string, unknown>>, indent: number, comment?: string): string {
    const doc = new Document(entries);
    // The entries themselves stay one per line; what is inside them may flow.
    if (isMap(doc.contents)) for (const pair of doc.contents.items) flowSmallCollections(pair.value);
    const pad = " ".repeat(indent);
    // Flow maps padded and flow lists not, as the example specs write them: `{ a: b }`, `[a, b]`.
    const lines = doc
        .toString({ lineWidth: 0, indent: 2, flowCollectionPadding: true })
        .replace(/\n$/, "")
        .split("\n")
        .map((line) => line.replace(/: \[ (.*) \]$/, ": [$1]"));
    const commentLines = comment ? comment.split("\n").map((line) => `${pad}# ${line}`) : [];
    return `${[...commentLines, ...lines.map((line) => `${pad}${line}`)].join("\n")}\n`;
}

function flowSmallCollections(node: unknown): void {
    if (!isCollection(node)) return;
    const children = node.items.map((item) => (isMap(node) ? (item as { value?: unknown }).value : item));
    if (children.length > 0 && children.every((c) => isScalar(c))) {
        node.flow = true;
        return;
    }
    for (const child of children) flowSmallCollections(child);
    if (isSeq(node) && children.length === 0) node.flow = true;
}
