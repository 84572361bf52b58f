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

/** Creates a fresh run folder; the timestamp sorts runs chronologically. */
export function createRunFolder(edfHome: string, command: string, redactor: Redactor, now: Date = new Date()): RunFolder {
    const stamp = now.toISOString().replace(/[:.]/g, "-");
    let dir = path.join(edfHome, "runs", `${stamp}-${command}`);
    for (let n = 2; fs.existsSync(dir); n++) {
        dir = path.join(edfHome, "runs", `${stamp}-${command}-${n}`);
    }
    fs.mkdirSync(dir, { recursive: true });
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
