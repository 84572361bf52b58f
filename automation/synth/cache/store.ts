import { createHash, randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";

/** The format of an entry; a new one makes every older entry a miss. */
export const CACHE_FORMAT = "edf-synth-cache/1";

/** What an entry holds: an evaluation, an inspection of one, or a policy list inspections share (stored once, by its digest). */
export type EntryKind = "evaluation" | "inspection" | "policies";

/** The default bound of the synth cache: least recently used entries go first beyond it. */
export const DEFAULT_CACHE_MAX_BYTES = 256 * 1024 * 1024;

/** A temporary file older than this belongs to no live writer (a write takes milliseconds). */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;

interface Header {
    readonly format: string;
    readonly kind: EntryKind;
    readonly key: string;
    readonly sha256: string;
    readonly bytes: number;
}

/**
 * A content-addressed store of synth results under `<edfHome>/cache/synth/<kind>/<key>.json`,
 * keyed by a hash of everything the result depends on, so an entry is never stale, only unused.
 *
 * - Bounded: `prune()` deletes least-recently-used entries (a hit touches its file's mtime)
 *   until the store is within `maxBytes`.
 * - Safe to share between runs at once, with no lock: an entry is written aside and renamed
 *   into place (a reader sees all of it or none); two runs writing one key write the same bytes;
 *   an entry deleted under a reader is a miss.
 * - Never trusts a damaged entry: each starts with a header naming its format, kind, key and the
 *   sha256 and length of its body. Anything that does not check out is deleted, reported, and
 *   treated as a miss (the stack is evaluated again).
 */
export class ContentStore {
    /** Entries found damaged and discarded during this run, with why. */
    readonly discarded: string[] = [];
    hits = 0;
    misses = 0;
    writes = 0;

    constructor(
        readonly dir: string,
        readonly maxBytes: number = DEFAULT_CACHE_MAX_BYTES,
        private readonly onDiscard: (message: string) => void = () => undefined,
    ) {}

    /** The entry's value, or undefined (absent, or damaged and now deleted). A value of its own: the caller may change it. */
    get<T>(kind: EntryKind, key: string): T | undefined {
        const file = this.fileOf(kind, key);
        const known = alreadyVerified(file);
        if (known?.body !== undefined) {
            this.hits++;
            // The touch changes the file's mtime: remember the file as it is now, or the next round reads and hashes it again.
            remember(file, touch(file), { body: known.body });
            return JSON.parse(known.body) as T;
        }
        const read = this.readVerified(kind, key, file);
        if (!read) return undefined;
        remember(file, touch(file), { body: read.body });
        return read.value as T;
    }

    /**
     * The entry's value, deeply frozen and shared with every later call of this process while the
     * file is the one verified (`edf synth --watch` asks for every stack's entries each round: a
     * stack's inspection holds the whole policy list, 150 KB of JSON, read and parsed again for
     * nothing). For values that are only read: a change throws, it never leaks into another round.
     */
    getShared<T>(kind: EntryKind, key: string): DeepReadonly<T> | undefined {
        const file = this.fileOf(kind, key);
        const known = alreadyVerified(file);
        if (known?.shared !== undefined) {
            this.hits++;
            remember(file, touch(file), known);
            return known.shared as DeepReadonly<T>;
        }
        const read = known?.body !== undefined ? { value: JSON.parse(known.body) as unknown } : this.readVerified(kind, key, file);
        if (!read) return undefined;
        if (known) this.hits++;
        const shared = deepFreeze(read.value);
        remember(file, touch(file), { shared });
        return shared as DeepReadonly<T>;
    }

    /** Reads and verifies an entry (a damaged one is discarded), counting the hit or miss. */
    private readVerified(kind: EntryKind, key: string, file: string): { value: unknown; body: string } | undefined {
        let bytes: Buffer;
        try {
            bytes = fs.readFileSync(file);
        } catch {
            this.misses++;
            return undefined;
        }
        const problem = verify(bytes, kind, key);
        if (typeof problem === "string") {
            this.discard(file, problem);
            this.misses++;
            return undefined;
        }
        this.hits++;
        return problem;
    }

    /** Whether an entry exists (not verified: for planning, never for results). */
    has(kind: EntryKind, key: string): boolean {
        return fs.existsSync(this.fileOf(kind, key));
    }

    /**
     * Stores a value (atomically). A failure to write costs the next run an evaluation, nothing more.
     * `json`: the value's JSON when the caller has it already (`JSON.stringify(value)`, nothing else).
     */
    put(kind: EntryKind, key: string, value: unknown, json: string = JSON.stringify(value)): void {
        const body = Buffer.from(json, "utf8");
        this.write(kind, key, body, createHash("sha256").update(body).digest("hex"));
    }

    /**
     * Stores a value under the sha256 of its JSON, unless an entry of that key is there already
     * (equal keys hold equal bytes); returns the key. For a value many entries share, and only
     * read: an object's key is remembered by identity for this process (a cold synth keeps one
     * 150 KB policy list per stack, the same array each time: serialized and hashed once, not a
     * hundred times).
     */
    putAddressed(kind: EntryKind, value: unknown): string {
        const known = typeof value === "object" && value !== null ? addressedKeys.get(value) : undefined;
        if (known !== undefined && this.has(kind, known)) return known;
        const body = Buffer.from(JSON.stringify(value), "utf8");
        const key = createHash("sha256").update(body).digest("hex");
        if (!this.has(kind, key)) this.write(kind, key, body, key);
        if (typeof value === "object" && value !== null) addressedKeys.set(value, key);
        return key;
    }

    private write(kind: EntryKind, key: string, body: Buffer, sha256: string): void {
        const header: Header = { format: CACHE_FORMAT, kind, key, sha256, bytes: body.length };
        const file = this.fileOf(kind, key);
        const temporary = path.join(path.dirname(file), `.${key}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
        try {
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(temporary, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, "utf8"), body]));
            fs.renameSync(temporary, file);
            this.writes++;
        } catch {
            fs.rmSync(temporary, { force: true });
        }
    }

    /**
     * Deletes least-recently-used entries until the store is within its bound, and temporary
     * files no writer will finish. Returns what was removed.
     */
    prune(): { readonly entries: number; readonly bytes: number; readonly total: number } {
        const entries: { file: string; bytes: number; used: number }[] = [];
        const now = Date.now();
        for (const kind of ["evaluation", "inspection", "policies"] as const) {
            const dir = path.join(this.dir, kind);
            let names: string[];
            try {
                names = fs.readdirSync(dir);
            } catch {
                continue;
            }
            for (const name of names) {
                const file = path.join(dir, name);
                let stat: fs.Stats;
                try {
                    stat = fs.statSync(file);
                } catch {
                    continue;
                }
                if (name.endsWith(".tmp")) {
                    if (now - stat.mtimeMs > STALE_TEMPORARY_MS) fs.rmSync(file, { force: true });
                    continue;
                }
                entries.push({ file, bytes: stat.size, used: stat.mtimeMs });
            }
        }
        let total = entries.reduce((n, e) => n + e.bytes, 0);
        let removed = 0;
        let freed = 0;
        entries.sort((a, b) => a.used - b.used || (a.file < b.file ? -1 : 1));
        for (const entry of entries) {
            if (total <= this.maxBytes) break;
            fs.rmSync(entry.file, { force: true });
            total -= entry.bytes;
            freed += entry.bytes;
            removed++;
        }
        return { entries: removed, bytes: freed, total };
    }

    /** The file of an entry (for tests and messages). */
    fileOf(kind: EntryKind, key: string): string {
        if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`synth cache: \`${key}\` is not a sha256 key (internal error).`);
        return path.join(this.dir, kind, `${key}.json`);
    }

    private discard(file: string, why: string): void {
        fs.rmSync(file, { force: true });
        const message = `discarded a damaged synth cache entry ${file} (${why}); the stack is evaluated again`;
        this.discarded.push(message);
        this.onDiscard(message);
    }
}

/** The key {@link ContentStore.putAddressed} worked out for a shared, read-only value (the same for any store). */
const addressedKeys = new WeakMap<object, string>();

/** The value of an entry's bytes, or why they cannot be trusted. */
function verify(bytes: Buffer, kind: EntryKind, key: string): string | { value: unknown; body: string } {
    const newline = bytes.indexOf(10);
    if (newline < 0) return "no header";
    let header: Partial<Header>;
    try {
        header = JSON.parse(bytes.subarray(0, newline).toString("utf8")) as Partial<Header>;
    } catch {
        return "unreadable header";
    }
    if (header.format !== CACHE_FORMAT) return `format \`${String(header.format)}\`, expected \`${CACHE_FORMAT}\``;
    if (header.kind !== kind || header.key !== key) return "header names another entry";
    const body = bytes.subarray(newline + 1);
    if (body.length !== header.bytes) return `body of ${body.length} bytes, header says ${String(header.bytes)} (truncated?)`;
    if (createHash("sha256").update(body).digest("hex") !== header.sha256) return "body does not match its checksum";
    const text = body.toString("utf8");
    try {
        return { value: JSON.parse(text) as unknown, body: text };
    } catch {
        return "body is not JSON";
    }
}

/** Marks an entry used (its mtime is its place in the LRU order); the file as it is now, or undefined when pruned meanwhile. */
function touch(file: string): fs.Stats | undefined {
    try {
        const now = new Date();
        fs.utimesSync(file, now, now);
        return fs.statSync(file);
    } catch {
        // Pruned by another run since the read: the value read is whole.
        return undefined;
    }
}

/** A value no part of which can be changed, as {@link ContentStore.getShared} hands it out. */
export type DeepReadonly<T> = T extends (infer E)[]
    ? readonly DeepReadonly<E>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

/** Freezes a JSON value and everything in it (without recursion: a deep document cannot overflow the stack). */
export function deepFreeze(value: unknown): unknown {
    const stack: unknown[] = [value];
    while (stack.length > 0) {
        const item = stack.pop();
        if (item === null || typeof item !== "object" || Object.isFrozen(item)) continue;
        Object.freeze(item);
        for (const child of Object.values(item)) stack.push(child);
    }
    return value;
}

/** What this process keeps of an entry it verified: its text, or its value frozen ({@link ContentStore.getShared}). */
interface Verified {
    readonly body?: string;
    readonly shared?: unknown;
}

/**
 * Entries this process has verified, by file, with the file's identity when they were (inode,
 * size, mtime after the touch): a process that reads an entry again (`edf synth --watch`, round
 * after round) skips reading and hashing it while the file is exactly the one it checked. A file
 * rewritten, truncated or deleted since no longer matches and is read and verified again.
 * Bounded by the entries' file sizes.
 */
const verifiedEntries = new Map<string, Verified & { readonly ino: number; readonly size: number; readonly mtimeMs: number }>();
let verifiedBytes = 0;
const VERIFIED_MAX_BYTES = 64 * 1024 * 1024;

function alreadyVerified(file: string): Verified | undefined {
    const known = verifiedEntries.get(file);
    if (!known) return undefined;
    let stat: fs.Stats;
    try {
        stat = fs.statSync(file);
    } catch {
        return undefined;
    }
    return stat.ino === known.ino && stat.size === known.size && stat.mtimeMs === known.mtimeMs ? known : undefined;
}

function remember(file: string, stat: fs.Stats | undefined, verified: Verified): void {
    const previous = verifiedEntries.get(file);
    if (previous) verifiedBytes -= previous.size;
    verifiedEntries.delete(file);
    if (!stat || stat.size > VERIFIED_MAX_BYTES) return;
    // Oldest first out: a Map iterates in insertion order.
    for (const [oldest, entry] of verifiedEntries) {
        if (verifiedBytes + stat.size <= VERIFIED_MAX_BYTES) break;
        verifiedEntries.delete(oldest);
        verifiedBytes -= entry.size;
    }
    verifiedEntries.set(file, { ...verified, ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs });
    verifiedBytes += stat.size;
}
