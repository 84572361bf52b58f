/**
 * Scrubs known secret values (injected Vault values, tokens, the passphrase) from any
 * text the driver writes: engine logs, reports, error messages. Pulumi already masks
 * secret config in its own output; this is the second line of defence for text we
 * pass through (a program that prints a value, an error that quotes a response).
 */
export class Redactor {
    private readonly secrets = new Set<string>();

    /** Registers a value to scrub; short values (< 4 chars) are ignored to avoid mangling text. */
    add(value: unknown): void {
        if (value === undefined || value === null) {
            return;
        }
        const text = typeof value === "string" ? value : JSON.stringify(value);
        if (text.length >= 4) {
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
        let result = text;
        for (const secret of this.secrets) {
            if (result.includes(secret)) {
                result = result.split(secret).join("[secret]");
            }
        }
        return result;
    }
}
