import * as fs from "fs";
import * as path from "path";
import { gitBlobId } from "./blob-id";
import type { FileDigests } from "./file-digests";

export { gitBlobId } from "./blob-id";

/**
 * The files a fingerprint reads, wherever they are: the working tree on disk, or one git
 * commit (automation/fingerprint/git-tree.ts). Paths are absolute, under `root`. A file's
 * identity is its git blob id (`sha1("blob <size>\0" + bytes)`), computed the same way on both
 * sides, so an unchanged file hashes the same in a commit and on disk.
 */
export interface SourceTree {
    /** The project root (absolute): the folder holding `Pulumi.yaml` and `environments/`. */
    readonly root: string;
    /** For messages: `the working tree`, `commit 1a2b3c4 (origin/main)`. */
    readonly description: string;
    /** The file's git blob id, or undefined when there is no such file. */
    blobId(file: string): string | undefined;
    /** The file's text, or undefined when there is no such file. */
    read(file: string): string | undefined;
    fileExists(file: string): boolean;
    directoryExists(dir: string): boolean;
    /** Hint: these files will be read next (a commit reads them in one batch). */
    prefetch(files: readonly string[]): void;
}

/** The files on disk under `root`, as they are now (uncommitted edits included). */
export class WorkingTree implements SourceTree {
    readonly description = "the working tree";
    private readonly blobs = new Map<string, string | undefined>();
    private readonly texts = new Map<string, string | undefined>();
    /** What a path is, as first asked: module resolution asks about the same folders for every file that imports from them. */
    private readonly kinds = new Map<string, "file" | "directory" | "other">();

    /** @param digests - files read in earlier rounds of this process (`edf synth --watch`), kept by their stamp */
    constructor(
        readonly root: string,
        private readonly digests?: FileDigests,
    ) {}

    blobId(file: string): string | undefined {
        if (!this.blobs.has(file)) this.load(file);
        return this.blobs.get(file);
    }

    read(file: string): string | undefined {
        if (!this.texts.has(file)) this.load(file);
        return this.texts.get(file);
    }

    fileExists(file: string): boolean {
        if (this.texts.has(file)) return this.texts.get(file) !== undefined;
        return this.kindOf(file) === "file";
    }

    directoryExists(dir: string): boolean {
        return this.kindOf(dir) === "directory";
    }

    /** A tree is one moment's view (one fingerprinting): each path is looked at once. */
    private kindOf(file: string): "file" | "directory" | "other" {
        let kind = this.kinds.get(file);
        if (kind === undefined) {
            let stat: fs.Stats | undefined;
            try {
                stat = fs.statSync(file, { throwIfNoEntry: false });
            } catch {
                stat = undefined;
            }
            kind = stat?.isFile() ? "file" : stat?.isDirectory() ? "directory" : "other";
            this.kinds.set(file, kind);
        }
        return kind;
    }

    prefetch(): void {
        // Disk reads are cheap one at a time.
    }

    private load(file: string): void {
        if (this.digests) {
            const known = this.digests.read(file);
            this.texts.set(file, known?.text);
            this.blobs.set(file, known?.blob);
            return;
        }
        let bytes: Buffer | undefined;
        try {
            bytes = fs.readFileSync(file);
        } catch {
            bytes = undefined;
        }
        this.texts.set(file, bytes?.toString("utf8"));
        this.blobs.set(file, bytes && gitBlobId(bytes));
    }
}

/** `file` relative to the tree's root, with forward slashes (how reasons and manifests name files). */
export function treePath(tree: Pick<SourceTree, "root">, file: string): string {
    return path.relative(tree.root, file).split(path.sep).join("/");
}
