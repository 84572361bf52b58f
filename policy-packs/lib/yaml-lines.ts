import { Document, isMap, isPair, isScalar, isSeq, LineCounter, Node } from "yaml";

/**
 * Finds the 1-based line of a JSON pointer (`/units/network/dependsOn/0`) in a parsed
 * YAML document. Points at the key of the last segment when there is one, so an error
 * about `dependsOn` lands on the `dependsOn:` line; falls back to the nearest ancestor
 * that exists (a missing key is reported on its parent's line).
 */
export function lineOfPointer(doc: Document, lines: LineCounter, pointer: string): number | undefined {
    const segments = pointer === "" ? [] : pointer.slice(1).split("/").map(unescapePointer);
    let node: unknown = doc.contents;
    let lastKeyOffset: number | undefined = rangeStart(node);
    for (const segment of segments) {
        if (isMap(node)) {
            const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === segment);
            if (!pair) {
                break;
            }
            lastKeyOffset = rangeStart(pair.key) ?? rangeStart(pair.value);
            node = pair.value;
        } else if (isSeq(node)) {
            const item = node.items[Number(segment)];
            if (item === undefined) {
                break;
            }
            lastKeyOffset = rangeStart(item);
            node = item;
        } else {
            break;
        }
    }
    return lastKeyOffset === undefined ? undefined : lines.linePos(lastKeyOffset).line;
}

function rangeStart(node: unknown): number | undefined {
    const range = (node as Node | undefined)?.range;
    return range ? range[0] : undefined;
}

function unescapePointer(segment: string): string {
    return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Escapes one JSON pointer segment. */
export function escapePointer(segment: string): string {
    return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Builds a JSON pointer from segments. */
export function pointer(...segments: (string | number)[]): string {
    return segments.map((s) => `/${escapePointer(String(s))}`).join("");
}
