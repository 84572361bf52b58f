import * as fs from "fs";
import { gitBlobId } from "./blob-id";

/** A file as it was read: the stat that identifies the version, its text and its git blob id. */
interface Entry {
    readonly stamp: string;
    readonly text: string;
    readonly blob: string;
}

/** What the file system says identifies one version of a file: device, inode, size, mtime and ctime (ns). */
function stampOf(stat: fs.BigIntStats): string {
    return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

/**
 * A file changed (mtime or ctime) this close to when it was read may be written again within the
 * same timestamp tick (file systems stamp with a coarse clock) with the same size: its stamp would
 * not change. Such a file is read again next time (git's "racily clean" rule).
 */
const RACY_MS = 2000;

/**
 * Files' texts and git blob ids kept between rounds of one process (`edf synth --watch`), keyed by
 * path and checked against the file's stamp (device, inode, size, mtime, ctime): a file whose
 * stamp is unchanged is neither read nor hashed again. Rewriting a file changes its ctime (which
 * no user call can set back), and a rename gives another inode, so an edit is seen even when the
 * size and mtime are kept (`touch -r`, `cp -p`); a file modified within {@link RACY_MS} of being
 * read is not kept; and the watcher's changed files are dropped with {@link forget} before a round.
 */
export class FileDigests {
    private readonly entries = new Map<string, Entry>();
    private readonly racyNs: bigint;
    /** How many reads the last {@link read} calls were answered from memory (for tests and the bench). */
    hits = 0;
    misses = 0;

    /** @param racyMs - how recently changed a file may be and still be kept (tests shorten it) */
    constructor(racyMs = RACY_MS) {
        this.racyNs = BigInt(racyMs) * 1_000_000n;
    }

    /** The file's text and blob id, or undefined when there is no such file. */
    read(file: string): { text: string; blob: string } | undefined {
        let stat: fs.BigIntStats | undefined;
        try {
            stat = fs.statSync(file, { bigint: true, throwIfNoEntry: false });
        } catch {
            stat = undefined;
        }
        if (!stat?.isFile()) {
            this.entries.delete(file);
            return readPlain(file);
        }
        const stamp = stampOf(stat);
        const known = this.entries.get(file);
        if (known && known.stamp === stamp) {
            this.hits++;
            return known;
        }
        this.misses++;
        let bytes: Buffer;
        try {
            bytes = fs.readFileSync(file);
        } catch {
            this.entries.delete(file);
            return undefined;
        }
        const entry = { stamp, text: bytes.toString("utf8"), blob: gitBlobId(bytes) };
        // The stamp is the one taken before reading: a write between the stat and the read changes it next time.
        const changed = stat.mtimeNs > stat.ctimeNs ? stat.mtimeNs : stat.ctimeNs;
        const racy = BigInt(Date.now()) * 1_000_000n - changed < this.racyNs;
        if (racy) this.entries.delete(file);
        else this.entries.set(file, entry);
        return entry;
    }

    /** Drops these files (the watcher saw them change): the next read reads and hashes them. */
    forget(files: Iterable<string>): void {
        for (const file of files) this.entries.delete(file);
    }

    clear(): void {
        this.entries.clear();
    }

    get size(): number {
        return this.entries.size;
    }
}

function readPlain(file: string): { text: string; blob: string } | undefined {
    try {
        const bytes = fs.readFileSync(file);
        return { text: bytes.toString("utf8"), blob: gitBlobId(bytes) };
    } catch {
        return undefined;
    }
}

/** The process's file digests: shared by every working tree a watch fingerprints. */
export const processFileDigests = new FileDigests();
