/** One member of a layer's tar stream, as the image's filesystem sees it. */
export interface FileRecord {
    /** Normalized path (`usr/bin/env`: no leading `/`). */
    readonly path: string;
    readonly kind: "file" | "directory" | "symlink" | "link" | "other";
    /** Permission and special bits (`0o4755` for a setuid binary). */
    readonly mode: number;
    readonly size: number;
    readonly uid: number;
    readonly gid: number;
    /** Target of a symlink (as written) or of a hard link (a path of the image). */
    readonly linkname?: string;
    /** The layer it comes from: 0 is the base layer. */
    readonly layer: number;
}

const MAX_SYMLINK_HOPS = 40;

/**
 * The image's final filesystem: every visible path's metadata, and the content of the files an
 * analyser asked for. Reading follows symlinks as the kernel would inside the container (an
 * absolute target starts from the image root), so `/etc/os-release → ../usr/lib/os-release` and
 * merged-/usr links (`bin → usr/bin`) resolve.
 */
export class FinalFilesystem {
    readonly records = new Map<string, FileRecord>();
    readonly contents = new Map<string, Buffer>();

    /** The path `path` names once every symlink on the way is followed; `undefined` when it leads nowhere. */
    resolve(path: string): string | undefined {
        const pending = path.split("/").filter((p) => p && p !== ".");
        const done: string[] = [];
        let hops = 0;
        while (pending.length > 0) {
            const part = pending.shift()!;
            if (part === "..") {
                done.pop();
                continue;
            }
            const candidate = [...done, part].join("/");
            const record = this.records.get(candidate);
            if (record?.kind === "symlink" && record.linkname !== undefined) {
                if (++hops > MAX_SYMLINK_HOPS) return undefined;
                const target = record.linkname.split("/").filter((p) => p && p !== ".");
                if (record.linkname.startsWith("/")) done.length = 0;
                pending.unshift(...target);
                continue;
            }
            if (record?.kind === "link" && record.linkname !== undefined && pending.length === 0) {
                return this.records.has(record.linkname) ? record.linkname : candidate;
            }
            done.push(part);
        }
        return done.join("/");
    }

    /** The record of what `path` resolves to. */
    stat(path: string): FileRecord | undefined {
        const resolved = this.resolve(path);
        return resolved === undefined ? undefined : this.records.get(resolved);
    }

    /** The captured content of what `path` resolves to (files an analyser asked for, only). */
    read(path: string): Buffer | undefined {
        const resolved = this.resolve(path);
        return resolved === undefined ? undefined : (this.contents.get(resolved) ?? this.contents.get(path));
    }

    /** Every captured file whose path matches. */
    *captured(test: (path: string) => boolean): Generator<[string, Buffer]> {
        for (const entry of this.contents) if (test(entry[0])) yield entry;
    }
}
