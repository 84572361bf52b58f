import * as fs from "fs";
import * as path from "path";
import type { Redactor } from "../redact";

/** A run's folder: `<edfHome>/runs/<timestamp>-<command>/` with one engine log per stack and `report.json`. */
export interface RunFolder {
    readonly dir: string;
    /** The log file of a stack (created on first write). */
    logFile(stack: string): string;
    /** Writes a file of the run (`sbom/<digest>.cdx.json`: folders are made), secrets scrubbed. */
    write(name: string, content: string): string;
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
            fs.writeFileSync(file, redactor.scrub(content));
            return file;
        },
    };
}
