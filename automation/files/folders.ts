import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { EdfError } from "../errors";

/**
 * Makes sure `folder` is a folder this process can write, creating what is missing one level
 * at a time. Node's own recursive `mkdir` loops forever where a file system answers ENOENT for
 * a parent that exists (`/proc/x`), so it is never used on a folder not known to be writable.
 * A probe file is created exclusively and removed. Throws an `EdfError` naming the option.
 *
 * With `create: false` nothing is created: the nearest folder that exists must be one this
 * process can write in (the probe goes there), so a run can check `--home` before anything
 * else and still leave no trace when a later check refuses it.
 */
export function ensureWritableFolder(folder: string, option: string, { create = true }: { readonly create?: boolean } = {}): string {
    const absolute = path.resolve(folder);
    const refuse = (message: string, fix: string): EdfError =>
        new EdfError("EDF_USAGE", `\`${option}\` \`${absolute}\` is not a writable folder; nothing was run.`, [
            { path: option, message, fix },
        ]);
    const missing: string[] = [];
    let existing = absolute;
    for (;;) {
        const stat = statOf(existing);
        if (stat) {
            if (!stat.isDirectory()) throw refuse(`\`${existing}\` is not a folder`, `point \`${option}\` at a folder.`);
            break;
        }
        const parent = path.dirname(existing);
        if (parent === existing) break;
        missing.unshift(path.basename(existing));
        existing = parent;
    }
    let current = existing;
    for (const name of create ? missing : []) {
        current = path.join(current, name);
        try {
            fs.mkdirSync(current);
        } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            if (code !== "EEXIST")
                throw refuse(`cannot create \`${current}\` (${code ?? "error"})`, `create it yourself, or point \`${option}\` elsewhere.`);
            if (!statOf(current)?.isDirectory()) throw refuse(`\`${current}\` is not a folder`, `point \`${option}\` at a folder.`);
        }
    }
    const probe = path.join(create ? absolute : existing, `.edf-write-probe-${process.pid}-${crypto.randomBytes(4).toString("hex")}`);
    try {
        fs.writeFileSync(probe, "", { flag: "wx" });
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw refuse(`cannot write in it (${code ?? "error"})`, `make it writable, or point \`${option}\` elsewhere.`);
    } finally {
        fs.rmSync(probe, { force: true });
    }
    return absolute;
}

function statOf(file: string): fs.Stats | undefined {
    try {
        return fs.statSync(file);
    } catch {
        return undefined;
    }
}
