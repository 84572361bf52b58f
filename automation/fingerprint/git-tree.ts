import * as path from "path";
import { EdfError } from "../errors";
import { git, ResolvedCommit } from "./git";
import type { SourceTree } from "./source-tree";

/**
 * The project's files as one commit has them, read from git's object store without checking
 * anything out: the listing comes from `git ls-tree`, contents from one `git cat-file --batch`
 * per prefetched wave of files (the import walk asks for a whole frontier at once).
 */
export class GitTree implements SourceTree {
    readonly description: string;
    private readonly blobs = new Map<string, string>();
    private readonly directories = new Set<string>();
    private readonly texts = new Map<string, string>();

    /**
     * @param repo the repository's top folder
     * @param root the project root, inside `repo` (absolute)
     */
    constructor(
        private readonly repo: string,
        readonly root: string,
        readonly commit: ResolvedCommit,
    ) {
        this.description = `commit ${commit.sha.slice(0, 12)}${commit.ref !== commit.sha ? ` (${commit.ref})` : ""}`;
        // The whole repository: a program may import files beside the project (a monorepo's shared code).
        const listing = git(repo, ["ls-tree", "-r", "-z", "--full-tree", commit.sha]);
        if (!listing) {
            throw new EdfError("EDF_GIT", `Cannot list the files of ${this.description}.`, [
                { path: commit.ref, message: "git ls-tree failed", fix: "check that the commit is complete in this clone (`git fsck`)." },
            ]);
        }
        for (const entry of listing.toString("utf8").split("\0")) {
            const tab = entry.indexOf("\t");
            if (tab < 0) continue;
            const [, type, oid] = entry.slice(0, tab).split(" ");
            if (type !== "blob" || !oid) continue;
            const file = path.join(repo, entry.slice(tab + 1));
            this.blobs.set(file, oid);
            for (let dir = path.dirname(file); dir.length >= repo.length && !this.directories.has(dir); dir = path.dirname(dir)) {
                this.directories.add(dir);
                if (dir === path.dirname(dir)) break;
            }
        }
    }

    blobId(file: string): string | undefined {
        return this.blobs.get(file);
    }

    read(file: string): string | undefined {
        if (!this.blobs.has(file)) return undefined;
        if (!this.texts.has(file)) this.prefetch([file]);
        return this.texts.get(file);
    }

    fileExists(file: string): boolean {
        return this.blobs.has(file);
    }

    directoryExists(dir: string): boolean {
        return this.directories.has(dir);
    }

    prefetch(files: readonly string[]): void {
        const wanted = [...new Set(files.filter((f) => this.blobs.has(f) && !this.texts.has(f)))];
        if (wanted.length === 0) return;
        const oids = wanted.map((f) => this.blobs.get(f)!);
        const out = git(this.repo, ["cat-file", "--batch"], `${oids.join("\n")}\n`);
        if (!out) {
            throw new EdfError("EDF_GIT", `Cannot read files of ${this.description}.`, [
                {
                    path: this.commit.ref,
                    message: "git cat-file failed",
                    fix: "check that the commit is complete in this clone (`git fsck`).",
                },
            ]);
        }
        const contents = new Map<string, string>();
        let at = 0;
        while (at < out.length) {
            const newline = out.indexOf(10, at);
            const [oid, , size] = out.subarray(at, newline).toString("utf8").split(" ");
            const length = Number(size);
            if (newline < 0 || !Number.isInteger(length)) break;
            contents.set(oid!, out.subarray(newline + 1, newline + 1 + length).toString("utf8"));
            at = newline + 1 + length + 1;
        }
        for (const file of wanted) this.texts.set(file, contents.get(this.blobs.get(file)!) ?? "");
    }
}
