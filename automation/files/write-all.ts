import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { EdfError, Problem } from "../errors";
import { isSymbolicLink, isWithin, realPathOf } from "./paths";

/** One file of a change: created (must not exist) or replaced (must still hold what was read). */
export interface PlannedFile {
    /** Absolute path. */
    readonly file: string;
    /** How messages name it (project-relative). */
    readonly display: string;
    readonly content: string;
    /** The content read when the change was planned; undefined for a file to create. */
    readonly expected?: string;
}

/** The file system calls a change makes: Node's, or a test's that fails on purpose. */
export interface FileOperations {
    mkdir(dir: string): void;
    rmdir(dir: string): void;
    /** Creates `file` with `content`; fails if it exists. */
    writeNew(file: string, content: string): void;
    /** Puts `from` at `to` only if nothing is at `to` (a hard link: atomic, never overwrites). */
    linkNew(from: string, to: string): void;
    /** Replaces `to` with `from` in one step. */
    rename(from: string, to: string): void;
    unlink(file: string): void;
}

export const NODE_FILE_OPERATIONS: FileOperations = {
    mkdir: (dir) => fs.mkdirSync(dir),
    rmdir: (dir) => fs.rmdirSync(dir),
    writeNew: (file, content) => fs.writeFileSync(file, content, { flag: "wx" }),
    linkNew: (from, to) => fs.linkSync(from, to),
    rename: (from, to) => fs.renameSync(from, to),
    unlink: (file) => fs.unlinkSync(file),
};

/**
 * Writes a change of several files all or nothing. First every target is checked: it must lead
 * nowhere outside the project and not be a symbolic link (a write through a link changes the file
 * it points at), a file to create must not exist, a file to replace must still hold what was read.
 * Then every file is written beside its target under a temporary name, and only then put in place
 * (a new file by a hard link, which never overwrites; a replaced one by a rename). Any failure
 * undoes everything done so far — files put in place are removed or restored, temporary files and
 * new folders removed — and throws `EDF_WRITE_FAILED` naming the file and the cause: after a
 * failure the tree is as it was. Problems found before writing throw `EDF_USAGE`.
 */
export function writeAllOrNothing(
    files: readonly PlannedFile[],
    projectRoot: string,
    operations: FileOperations = NODE_FILE_OPERATIONS,
): void {
    const refusals: Problem[] = [];
    const realRoot = realPathOf(projectRoot);
    for (const planned of files) {
        const real = realPathOf(planned.file);
        if (!isWithin(real, realRoot)) {
            refusals.push({
                file: planned.display,
                message: `it leads to \`${real}\`, outside the project`,
                fix: "remove the symbolic link on its path.",
            });
        } else if (isSymbolicLink(planned.file)) {
            refusals.push({
                file: planned.display,
                message: `it is a symbolic link (to \`${real}\`): writing it would change the file it points at`,
                fix: "replace the link with the file itself, then run the command again.",
            });
        } else if (planned.expected === undefined && fs.existsSync(planned.file)) {
            refusals.push({ file: planned.display, message: "it exists already", fix: "remove it, or choose another name." });
        } else if (planned.expected !== undefined && readOrUndefined(planned.file) !== planned.expected) {
            refusals.push({ file: planned.display, message: "it changed since it was read", fix: "run the command again." });
        }
    }
    if (refusals.length > 0) {
        throw new EdfError("EDF_USAGE", `Nothing was written: ${refusals.length} file(s) cannot be written safely.`, refusals);
    }

    const createdDirs: string[] = [];
    const temporaries = new Map<PlannedFile, string>();
    const done: PlannedFile[] = [];
    let current: PlannedFile | undefined;
    try {
        for (const planned of files) {
            current = planned;
            for (const dir of missingFolders(path.dirname(planned.file))) {
                operations.mkdir(dir);
                createdDirs.push(dir);
            }
            const temporary = path.join(
                path.dirname(planned.file),
                `.${path.basename(planned.file)}.edf-${process.pid}-${crypto.randomBytes(4).toString("hex")}.tmp`,
            );
            operations.writeNew(temporary, planned.content);
            temporaries.set(planned, temporary);
        }
        for (const planned of files) {
            current = planned;
            const temporary = temporaries.get(planned)!;
            if (planned.expected === undefined) {
                operations.linkNew(temporary, planned.file);
                done.push(planned);
                operations.unlink(temporary);
            } else {
                operations.rename(temporary, planned.file);
                done.push(planned);
            }
            temporaries.delete(planned);
        }
    } catch (error) {
        const undone = rollBack(done, temporaries, createdDirs, operations);
        const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        throw new EdfError("EDF_WRITE_FAILED", `Writing \`${current?.display ?? "?"}\` failed (${code}); ${undone}`, [
            {
                file: current?.display ?? "",
                message: `could not be written (${code})`,
                fix: "fix the cause (permissions, disk space) and run the command again.",
            },
        ]);
    }
}

/** Undoes a partly written change; says what the tree is left as. */
function rollBack(
    done: readonly PlannedFile[],
    temporaries: ReadonlyMap<PlannedFile, string>,
    createdDirs: readonly string[],
    operations: FileOperations,
): string {
    const stuck: string[] = [];
    const attempt = (what: string, action: () => void): void => {
        try {
            action();
        } catch {
            stuck.push(what);
        }
    };
    for (const planned of [...done].reverse()) {
        if (planned.expected === undefined) {
            attempt(planned.display, () => operations.unlink(planned.file));
        } else {
            const restore = `${planned.file}.edf-restore-${process.pid}.tmp`;
            attempt(planned.display, () => {
                operations.writeNew(restore, planned.expected!);
                operations.rename(restore, planned.file);
            });
        }
    }
    for (const temporary of temporaries.values()) attempt(temporary, () => operations.unlink(temporary));
    for (const dir of [...createdDirs].reverse()) attempt(dir, () => operations.rmdir(dir));
    return stuck.length === 0
        ? "nothing was changed: every file written so far was undone."
        : `these could not be undone, check them by hand: ${stuck.map((s) => `\`${s}\``).join(", ")}.`;
}

/** The folders to create for `dir` to exist, outermost first. */
function missingFolders(dir: string): string[] {
    const missing: string[] = [];
    for (let current = dir; !fs.existsSync(current); current = path.dirname(current)) {
        missing.unshift(current);
        if (path.dirname(current) === current) break;
    }
    return missing;
}

function readOrUndefined(file: string): string | undefined {
    try {
        return fs.readFileSync(file, "utf8");
    } catch {
        return undefined;
    }
}
