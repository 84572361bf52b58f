import * as fs from "fs";
import * as path from "path";

/**
 * Real paths and containment. A path is judged by where it really leads (every symbolic link
 * followed), never by its spelling: `services/api` may be a link to `/etc`.
 */

/** The real path of `target`; for a path that does not exist yet, its nearest existing ancestor's real path plus the rest. */
export function realPathOf(target: string): string {
    const absolute = path.resolve(target);
    const missing: string[] = [];
    let current = absolute;
    for (;;) {
        try {
            return path.join(fs.realpathSync.native(current), ...missing.reverse());
        } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            if (code !== "ENOENT" && code !== "ENOTDIR" && code !== "ELOOP") throw error;
            const parent = path.dirname(current);
            if (parent === current) return absolute;
            missing.push(path.basename(current));
            current = parent;
        }
    }
}

/** Whether `candidate` is `folder` or inside it (both absolute). */
export function isWithin(candidate: string, folder: string): boolean {
    const relative = path.relative(folder, candidate);
    return relative === "" || (!relative.startsWith(`..${path.sep}`) && relative !== ".." && !path.isAbsolute(relative));
}

/** Whether the last component of `file` is a symbolic link. */
export function isSymbolicLink(file: string): boolean {
    try {
        return fs.lstatSync(file).isSymbolicLink();
    } catch {
        return false;
    }
}

/** Where a path leads, judged against folders it must stay in. */
export interface Placement {
    /** The real path (links followed). */
    readonly real: string;
    /** Whether `real` is inside one of the folders (compared as real paths). */
    readonly inside: boolean;
}

/** Resolves `target` (absolute, or relative to the working directory) and checks where it really leads. */
export function placementOf(target: string, folders: readonly string[]): Placement {
    const real = realPathOf(target);
    return { real, inside: folders.some((folder) => isWithin(real, realPathOf(folder))) };
}

/**
 * Whether a file named on the command line may be read: anywhere the user names it directly,
 * but not when a path that looks inside the project, or a symbolic link, leads out of it.
 */
export function namedFileEscapes(target: string, projectRoot: string): { escapes: boolean; real: string } {
    const absolute = path.resolve(target);
    const { real, inside } = placementOf(absolute, [projectRoot]);
    if (inside) return { escapes: false, real };
    const spelledInside = isWithin(absolute, path.resolve(projectRoot)) || isWithin(absolute, realPathOf(projectRoot));
    return { escapes: spelledInside || isSymbolicLink(absolute), real };
}

/**
 * Whether a file another file names (a spec's waiver files) may be read. `written` is the path
 * as written, relative to `base` (the naming file's folder). Inside the project: its real path
 * must stay inside the project. A naming file outside the project (a spec named on the command
 * line) may name files beside it, but none reached through a symbolic link.
 */
export function referencedFileEscapes(written: string, base: string, projectRoot: string): { escapes: boolean; real: string } {
    const realBase = realPathOf(base);
    const real = realPathOf(path.resolve(realBase, written));
    const realRoot = realPathOf(projectRoot);
    if (isWithin(real, realRoot)) return { escapes: false, real };
    if (isWithin(realBase, realRoot)) return { escapes: true, real };
    return { escapes: real !== path.resolve(realBase, written), real };
}
