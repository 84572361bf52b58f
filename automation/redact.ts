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
