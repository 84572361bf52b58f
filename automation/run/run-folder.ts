import * as fs from "fs";
import * as path from "path";
import type { Redactor } from "../redact";

/** A run's folder: `<edfHome>/runs/<timestamp>-<command>/` with one engine log per stack and `report.json`. */
export interface RunFolder {
    readonly dir: string;
    /** The log file of a stack (created on first write). */
    logFile(stack: string): string;
    /**
     * Writes a file of the run (`sbom/<digest>.cdx.json`: folders are made), secrets scrubbed. The
     * content may come in parts (a big report): scrubbed and written as the text they make up.
     */
    write(name: string, content: string | readonly string[]): string;
    /**
     * {@link write}, the bytes written by Node's thread pool: scrubbed and encoded before it
     * returns, so the caller can render its next file while these go to disk. Resolves with the path.
     */
    writeAsync(name: string, content: string | readonly string[]): Promise<string>;
}

/**
 * Creates a fresh run folder; the timestamp sorts runs chronologically. Each name is taken with an
 * exclusive create (`mkdir` of the last component fails if it exists), so runs started in the same
 * millisecond, in one process or many, each get a folder of their own (`…-2`, `…-3`).
 */
export function createRunFolder(edfHome: string, command: string, redactor: Redactor, now: Date = new Date()): RunFolder {
    const stamp = now.toISOString().replace(/[:.]/g, "-");
    const runs = path.join(edfHome, "runs");
    fs.mkdirSync(runs, { recursive: true });
    let dir = "";
    for (let n = 1; ; n++) {
        dir = path.join(runs, n === 1 ? `${stamp}-${command}` : `${stamp}-${command}-${n}`);
        try {
            fs.mkdirSync(dir);
            break;
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        }
    }
    return {
        dir,
        logFile: (stack) => path.join(dir, `${stack.replace(/[^A-Za-z0-9._-]/g, "_")}.log`),
        write: (name, content) => {
            const file = path.join(dir, name);
            fs.mkdirSync(path.dirname(file), { recursive: true });
            const scrubbed = typeof content === "string" ? redactor.scrub(content) : redactor.scrubParts(content);
            if (typeof scrubbed === "string") fs.writeFileSync(file, scrubbed);
            else writeParts(file, scrubbed);
            return file;
        },
        writeAsync: (name, content) => {
            const file = path.join(dir, name);
            fs.mkdirSync(path.dirname(file), { recursive: true });
            const scrubbed = typeof content === "string" ? redactor.scrub(content) : redactor.scrubParts(content);
            const bytes = typeof scrubbed === "string" ? Buffer.from(scrubbed, "utf8") : partsBytes(scrubbed);
            return fs.promises.writeFile(file, bytes).then(() => file);
        },
    };
}

/** The bytes of the parts' concatenation. */
function partsBytes(parts: readonly string[]): Buffer {
    return parts.length === 1 ? bytesOf(parts[0]!) : Buffer.concat(parts.map(bytesOf));
}

/**
 * Writes the parts one after another: the file holds their concatenation, never copied into one
 * string. Their bytes go in one `write` (a report is thousands of parts: one system call each cost
 * more than copying the bytes once).
 */
function writeParts(file: string, parts: readonly string[]): void {
    const bytes = partsBytes(parts);
    const fd = fs.openSync(file, "w");
    try {
        for (let written = 0; written < bytes.length;) written += fs.writeSync(fd, bytes, written);
    } finally {
        fs.closeSync(fd);
    }
}

/**
 * The UTF-8 bytes of long parts written before, by their text: `edf synth --watch` writes the kept
 * stacks' parts (megabytes) round after round. Bounded; past the bound it starts again.
 */
const encodedParts = new Map<string, Buffer>();
let encodedBytes = 0;
const ENCODED_MAX_BYTES = 64 * 1024 * 1024;
/** Shorter parts are encoded each time: cheaper than looking them up. */
const ENCODED_MIN_LENGTH = 4096;

function bytesOf(part: string): Buffer {
    if (part.length < ENCODED_MIN_LENGTH) return Buffer.from(part, "utf8");
    let bytes = encodedParts.get(part);
    if (!bytes) {
        bytes = Buffer.from(part, "utf8");
        if (encodedBytes + bytes.length > ENCODED_MAX_BYTES) {
            encodedParts.clear();
            encodedBytes = 0;
        }
        encodedParts.set(part, bytes);
        encodedBytes += bytes.length;
    }
    return bytes;
}
