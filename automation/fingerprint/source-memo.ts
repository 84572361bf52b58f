import * as fs from "fs";
import * as path from "path";

/** One call the module resolver made to the file system, and its answer. */
export type Probe = readonly ["file" | "dir", string, boolean] | readonly ["read", string, string | null];

/** How one specifier resolved from one folder, with every probe the resolver made to find out. */
export interface Resolution {
    /** Tree-relative path of the file, or null when nothing resolved. */
    readonly target: string | null;
    readonly probes: readonly Probe[];
}

const FORMAT = "edf-source-memo/1";
/** Entries kept beyond those used by the last run. */
const MAX_ENTRIES = 50_000;

/**
 * What walking imports learned, kept between runs (`<edfHome>/cache/fingerprint/sources.json`):
 * the specifiers of each file by git blob id (the same bytes import the same things), and each
 * resolution with the probes that decided it — replayed against the tree, a resolution holds
 * exactly when every probe answers as before (the way the compiler's own watch mode invalidates).
 * A warm fingerprint then loads no compiler and parses nothing. A damaged file is ignored.
 */
export class SourceMemo {
    private readonly references = new Map<string, readonly string[]>();
    private readonly resolutions = new Map<string, Resolution>();
    private readonly used = new Set<string>();
    private dirty = false;

    constructor(private readonly file?: string) {
        if (!file) return;
        try {
            const data = JSON.parse(fs.readFileSync(file, "utf8")) as {
                format?: string;
                references?: Record<string, string[]>;
                resolutions?: Record<string, Resolution>;
            };
            if (data.format !== FORMAT) return;
            for (const [k, v] of Object.entries(data.references ?? {})) this.references.set(k, v);
            for (const [k, v] of Object.entries(data.resolutions ?? {})) this.resolutions.set(k, v);
        } catch {
            // Absent or damaged: start empty.
        }
    }

    referencesOf(blob: string): readonly string[] | undefined {
        const found = this.references.get(blob);
        if (found) this.used.add(`r:${blob}`);
        return found;
    }

    rememberReferences(blob: string, specifiers: readonly string[]): void {
        this.references.set(blob, specifiers);
        this.used.add(`r:${blob}`);
        this.dirty = true;
    }

    resolutionOf(key: string): Resolution | undefined {
        const found = this.resolutions.get(key);
        if (found) this.used.add(`s:${key}`);
        return found;
    }

    rememberResolution(key: string, resolution: Resolution): void {
        this.resolutions.set(key, resolution);
        this.used.add(`s:${key}`);
        this.dirty = true;
    }

    /** Writes what was learned (aside, then renamed); keeps at most the entries this run used plus a bound of others. */
    save(): void {
        if (!this.file || !this.dirty) return;
        const keep = <T>(map: Map<string, T>, tag: string): Record<string, T> => {
            const entries = [...map];
            const used = entries.filter(([k]) => this.used.has(`${tag}:${k}`));
            const others = entries.filter(([k]) => !this.used.has(`${tag}:${k}`)).slice(-Math.max(0, MAX_ENTRIES - used.length));
            return Object.fromEntries([...others, ...used]);
        };
        const body = JSON.stringify({ format: FORMAT, references: keep(this.references, "r"), resolutions: keep(this.resolutions, "s") });
        const temporary = `${this.file}.${process.pid}.${Date.now()}.tmp`;
        try {
            fs.mkdirSync(path.dirname(this.file), { recursive: true });
            fs.writeFileSync(temporary, body);
            fs.renameSync(temporary, this.file);
            this.dirty = false;
        } catch {
            fs.rmSync(temporary, { force: true });
        }
    }
}
