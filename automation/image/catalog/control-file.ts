/**
 * The record format dpkg's `status` and apk's `installed` share: paragraphs separated by blank
 * lines, `Key: value` (dpkg) or `K:value` (apk) per line; dpkg continues a value on lines that
 * start with white space. Values of a repeated key are joined with a newline.
 */
export function parseParagraphs(text: string): Record<string, string>[] {
    const out: Record<string, string>[] = [];
    let current: Record<string, string> = {};
    let last: string | undefined;
    const flush = (): void => {
        if (Object.keys(current).length > 0) out.push(current);
        current = {};
        last = undefined;
    };
    for (const raw of text.split("\n")) {
        const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
        if (line.trim() === "") {
            flush();
            continue;
        }
        if ((line.startsWith(" ") || line.startsWith("\t")) && last) {
            current[last] += `\n${line.trim()}`;
            continue;
        }
        const at = line.indexOf(":");
        if (at <= 0) continue;
        const key = line.slice(0, at);
        const value = line.slice(at + 1).trimStart();
        current[key] = current[key] === undefined ? value : `${current[key]}\n${value}`;
        last = key;
    }
    flush();
    return out;
}
