/**
 * Scrubs known secret values (injected Vault values, tokens, the passphrase) from any
 * text the driver writes: engine logs, reports, error messages. Pulumi already masks
 * secret config in its own output; this is the second line of defence for text we
 * pass through (a program that prints a value, an error that quotes a response).
 */
export class Redactor {
    private readonly secrets = new Set<string>();
    /** Matches text holding any registered secret (made on first need after a change): one scan tells a clean text. */
    private detector: RegExp | undefined;

    /**
     * Registers a value to scrub. Values that are everywhere in ordinary text (shorter than 4
     * characters, `true`, `false`, `null`, short numbers) are left to the structural masking of
     * secrets (Pulumi secrets, `[secret]` in reports): scrubbing them would mangle every report. An
     * object or list (a secret Consul JSON document) registers its JSON and every value inside it:
     * a program may print one field alone.
     */
    add(value: unknown): void {
        if (value === undefined || value === null) {
            return;
        }
        if (typeof value === "object") {
            for (const leaf of leavesOf(value)) this.add(leaf);
        }
        const text = typeof value === "string" ? value : JSON.stringify(value);
        if (scrubbable(text)) {
            this.detector = undefined;
            this.secrets.add(text);
            if (typeof value !== "string") {
                return;
            }
            // The same value as it appears JSON-encoded inside a larger document.
            const encoded = JSON.stringify(value).slice(1, -1);
            if (encoded !== value) {
                this.secrets.add(encoded);
            }
        }
    }

    /**
     * A text given in parts (a report whose big parts are the same round after round, see
     * `stableStringifyParts`): when no registered secret is anywhere in their concatenation, the
     * parts (short ones joined: fewer, longer parts), else the scrubbed concatenation. Each part
     * is scanned, a long part once while the secrets stay the same (remembered across runs of this
     * process: `edf synth --watch`), and every place where two parts meet is scanned across, so a
     * secret split between parts is found.
     */
    scrubParts(parts: readonly string[]): readonly string[] | string {
        if (this.secrets.size === 0) return parts;
        this.detector ??= new RegExp([...this.secrets].map(escapeRegExp).join("|"));
        const detector = this.detector;
        const clean = cleanTextsFor(detector.source);
        let longest = 0;
        for (const secret of this.secrets) longest = Math.max(longest, secret.length);
        const found = (text: string): boolean => {
            if (text.length >= LONG_PART) {
                if (clean.has(text)) return false;
                if (detector.test(text)) return true;
                rememberClean(clean, text);
                return false;
            }
            return detector.test(text);
        };
        // The short parts between long ones are scanned together; then each seam between two
        // segments, `longest - 1` characters either side (a secret split by a seam lies within).
        const segments: string[] = [];
        let run: string[] = [];
        for (const part of parts) {
            if (part.length < LONG_PART) {
                run.push(part);
                continue;
            }
            if (run.length > 0) segments.push(run.join(""));
            segments.push(part);
            run = [];
        }
        if (run.length > 0) segments.push(run.join(""));
        if (segments.some(found) || (longest > 1 && seams(segments, longest - 1).some((window) => detector.test(window)))) {
            return this.scrub(parts.join(""));
        }
        return segments;
    }

    /** The text with every registered secret replaced by `[secret]`. */
    scrub(text: string): string {
        if (this.secrets.size === 0) return text;
        // A report is megabytes and usually holds no secret: one scan for all of them, not one per secret.
        this.detector ??= new RegExp([...this.secrets].map(escapeRegExp).join("|"));
        if (!this.detector.test(text)) return text;
        let result = text;
        for (const secret of this.secrets) {
            if (result.includes(secret)) {
                result = result.split(secret).join("[secret]");
            }
        }
        return result;
    }
}

/** Parts at least this long are remembered as clean (shorter ones are scanned each time: cheaper than remembering). */
const LONG_PART = 512;
/** Long texts known to hold none of a set of secrets (by the detector's source), for the last few sets. */
const cleanTexts = new Map<string, Set<string>>();
/** Bounds what is remembered: a watch round adds the changed stack's parts; past this many the set starts again. */
const MAX_CLEAN_TEXTS = 4096;

function cleanTextsFor(detector: string): Set<string> {
    let set = cleanTexts.get(detector);
    if (!set) {
        // A watch's runs register the same secrets: one set is in use at a time, a few are plenty.
        if (cleanTexts.size >= 4) cleanTexts.clear();
        cleanTexts.set(detector, (set = new Set()));
    }
    return set;
}

function rememberClean(set: Set<string>, text: string): void {
    if (set.size >= MAX_CLEAN_TEXTS) set.clear();
    set.add(text);
}

/** The text around each place two consecutive segments meet: `reach` characters either side (fewer at the ends). */
function seams(parts: readonly string[], reach: number): string[] {
    const windows: string[] = [];
    for (let i = 0; i + 1 < parts.length; i++) {
        let before = "";
        for (let j = i; j >= 0 && before.length < reach; j--) before = parts[j]!.slice(-(reach - before.length)) + before;
        let after = "";
        for (let j = i + 1; j < parts.length && after.length < reach; j++) after += parts[j]!.slice(0, reach - after.length);
        windows.push(before + after);
    }
    return windows;
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** The strings and numbers inside an object or list, at any depth, without recursion. */
function leavesOf(value: object): (string | number)[] {
    const leaves: (string | number)[] = [];
    const stack: unknown[] = [value];
    while (stack.length > 0) {
        const item = stack.pop();
        if (typeof item === "string" || typeof item === "number") leaves.push(typeof item === "number" ? String(item) : item);
        else if (item && typeof item === "object") stack.push(...(Array.isArray(item) ? item : Object.values(item)));
    }
    return leaves;
}

/** Whether replacing `text` wherever it appears is safe: it is long enough, and not a literal or short number found in any JSON. */
function scrubbable(text: string): boolean {
    if (text.length < 4 || text === "true" || text === "false" || text === "null") return false;
    return !(/^-?\d+(\.\d+)?$/.test(text) && text.length < 8);
}
