import * as fs from "fs";
import { EdfError, EdfErrorCode, Problem } from "../errors";
import { namedFileEscapes, realPathOf, referencedFileEscapes } from "./paths";

/**
 * The largest file `edf` reads (a spec, a waiver file, sample inputs, a TLS file),
 * unless {@link MAX_FILE_BYTES_VARIABLE} says otherwise.
 */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/** The environment variable that raises (or lowers) the file size limit, in bytes. */
export const MAX_FILE_BYTES_VARIABLE = "EDF_MAX_FILE_BYTES";

/** The size limit in force: {@link MAX_FILE_BYTES_VARIABLE} when it holds a positive whole number, else 1 MiB. */
export function maxFileBytes(env: NodeJS.ProcessEnv = process.env): number {
    const raw = env[MAX_FILE_BYTES_VARIABLE];
    if (raw === undefined || raw === "") return DEFAULT_MAX_FILE_BYTES;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1) {
        throw new EdfError("EDF_USAGE", `\`${MAX_FILE_BYTES_VARIABLE}\` must be a whole number of bytes, not \`${raw}\`.`, [
            {
                path: MAX_FILE_BYTES_VARIABLE,
                message: `invalid value \`${raw}\``,
                fix: `unset it (1 MiB) or set e.g. \`${2 * 1024 * 1024}\`.`,
            },
        ]);
    }
    return value;
}

/** Where a file read by `edf` comes from, which decides where it may lead. */
export type FileOrigin =
    /** Configuration of the machine (a TLS CA bundle): anywhere, links included; never quoted in messages. */
    | { readonly kind: "machine" }
    /** Named on the command line: anywhere, but no symbolic link (or project path) that leads out of the project. */
    | { readonly kind: "named"; readonly projectRoot: string }
    /**
     * Named by another file (a spec's waiver files): `file` as written there, relative to `base`
     * (the naming file's folder); judged by {@link referencedFileEscapes}. `reference` is where it
     * is named (file, path, line), which every refusal points at; a function when finding it costs
     * (a spec's line is a second parse of the whole spec), called only for a refusal.
     */
    | {
          readonly kind: "referenced";
          readonly base: string;
          readonly projectRoot: string;
          readonly reference: FileReference | (() => FileReference);
      };

/** Where a file is named: the naming file, the path in it and its line. */
export type FileReference = Omit<Problem, "message" | "fix">;

export interface FileReadRequest {
    /** The file, absolute or relative to the working directory. */
    readonly file: string;
    /** How messages name it (project-relative where possible). */
    readonly display: string;
    /** What it is, for messages: "environment spec", "waiver file", ... */
    readonly what: string;
    readonly origin: FileOrigin;
    /** The error code of every refusal. @default "EDF_SPEC_INVALID" */
    readonly code?: EdfErrorCode;
    /** @default - {@link maxFileBytes} */
    readonly maxBytes?: number;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a text file the way every file `edf` reads is read: where it really leads checked
 * first (symbolic links followed and judged), then opened without following a link and without
 * blocking (a FIFO never hangs the read), then refused unless it is a regular file within the
 * size limit and UTF-8 text. A refusal is an `EdfError` naming the file (or the line that named
 * it), never quoting its content.
 */
export function readCheckedText(request: FileReadRequest): string {
    const bytes = readCheckedBytes(request);
    try {
        return utf8.decode(bytes);
    } catch {
        throw refusal(request, "it is not UTF-8 text", `save the ${request.what} as UTF-8.`);
    }
}

function refusal(request: FileReadRequest, message: string, fix: string): EdfError {
    const reference = request.origin.kind === "referenced" ? request.origin.reference : undefined;
    const at: FileReference = typeof reference === "function" ? reference() : (reference ?? { file: request.display });
    return new EdfError(request.code ?? "EDF_SPEC_INVALID", `Cannot read the ${request.what} \`${request.display}\`; nothing was run.`, [
        { ...at, message, fix },
    ]);
}

/** The bytes of a file, read and checked as {@link readCheckedText} reads text. */
export function readCheckedBytes(request: FileReadRequest): Buffer {
    const limit = request.maxBytes ?? maxFileBytes();
    const refuse = (message: string, fix: string): EdfError => refusal(request, message, fix);
    let real: string;
    if (request.origin.kind === "machine") {
        real = realPathOf(request.file);
    } else if (request.origin.kind === "named") {
        const named = namedFileEscapes(request.file, request.origin.projectRoot);
        if (named.escapes) {
            throw refuse(
                `\`${request.display}\` leads through a symbolic link to \`${named.real}\`, outside the project`,
                "name the file itself, or copy it into the project.",
            );
        }
        real = named.real;
    } else {
        const referenced = referencedFileEscapes(request.file, request.origin.base, request.origin.projectRoot);
        if (referenced.escapes) {
            throw refuse(
                `\`${request.display}\` leads to \`${referenced.real}\`, outside the project`,
                "keep the file inside the project, with no symbolic link out of it.",
            );
        }
        real = referenced.real;
    }
    let fd: number;
    try {
        fd = fs.openSync(real, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0));
    } catch (error) {
        const errno = (error as NodeJS.ErrnoException).code;
        if (errno === "ENOENT") throw refuse("the file does not exist", "check the path.");
        if (errno === "EACCES" || errno === "EPERM") throw refuse("permission denied", "make the file readable, or name another.");
        if (errno === "ELOOP") throw refuse("it changed into a symbolic link while being read", "name the file itself.");
        throw refuse(`it cannot be opened (${errno ?? "unknown error"})`, "name a readable regular file.");
    }
    try {
        const stat = fs.fstatSync(fd);
        if (!stat.isFile()) throw refuse(`it is ${kindOf(stat)}, not a regular file`, `name a regular ${request.what}.`);
        if (stat.size > limit) {
            throw refuse(
                `it is ${stat.size} bytes, over the limit of ${limit} bytes`,
                `shorten it, or raise the limit with \`${MAX_FILE_BYTES_VARIABLE}=<bytes>\` if it really must be this large.`,
            );
        }
        const buffer = Buffer.alloc(Math.min(stat.size, limit) + 1);
        let length = 0;
        for (;;) {
            const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
            if (read === 0) break;
            length += read;
            // One byte more than its size was read: it grew while being read (a regular file never blocks).
            if (length === buffer.length) throw refuse("it changed while being read", "run the command again once the file is written.");
        }
        return buffer.subarray(0, length);
    } finally {
        fs.closeSync(fd);
    }
}

function kindOf(stat: fs.Stats): string {
    if (stat.isDirectory()) return "a folder";
    if (stat.isFIFO()) return "a named pipe (FIFO)";
    if (stat.isCharacterDevice()) return "a character device";
    if (stat.isBlockDevice()) return "a block device";
    if (stat.isSocket()) return "a socket";
    return "not a regular file";
}
