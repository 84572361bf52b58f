import { parseMaybeJson } from "./props";

const LINE_BREAK = /\r?\n/;
const BLOCK_KEY = /^inputs:\s*$/;
const ENTRY = /^(\s+)([A-Za-z0-9_]+):\s*(.*?)\s*$/;
const QUOTED = /^(['"])(.*)\1$/;

function scalar(text: string): unknown {
    const quoted = QUOTED.exec(text);
    if (quoted) return quoted[2];
    if (text === "true" || text === "false") return text === "true";
    return text;
}

/**
 * The `inputs` block of a YAML Session Manager document. These documents are flat key-value
 * preferences; a block-style `inputs:` map is read without a YAML library (the pack has none).
 * Anything else yields no inputs, which the policies treat as settings missing.
 */
function yamlInputs(content: string): Record<string, unknown> {
    const lines = content.split(LINE_BREAK);
    const start = lines.findIndex((l) => BLOCK_KEY.test(l));
    const out: Record<string, unknown> = {};
    if (start < 0) return out;
    for (const line of lines.slice(start + 1)) {
        if (line.trim() === "" || line.trim().startsWith("#")) continue;
        const m = ENTRY.exec(line);
        if (!m) break;
        out[m[2]] = scalar(m[3]);
    }
    return out;
}

/** The session preferences (`inputs`) of an `aws.ssm.Document` of type `Session`; undefined for other documents. */
export function sessionInputs(props: Record<string, unknown>): Record<string, unknown> | undefined {
    if (props.documentType !== "Session") return undefined;
    const content = props.content;
    if (typeof content !== "string") return {};
    if (String(props.documentFormat ?? "JSON").toUpperCase() === "YAML") return yamlInputs(content);
    const parsed = parseMaybeJson(content) as { inputs?: unknown } | undefined;
    const inputs = parsed !== null && typeof parsed === "object" ? parsed.inputs : undefined;
    return inputs !== null && typeof inputs === "object" ? (inputs as Record<string, unknown>) : {};
}
