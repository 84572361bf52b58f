import type { StreamScanner } from "../layers/walker";

/** The magic that starts a Go binary's `.go.buildinfo` section (16-byte aligned). */
const MAGIC = Buffer.from("\xff Go buildinf:", "latin1");
/** How much of the section we keep once the magic is found: version and module info are small. */
const KEEP_AFTER_MAGIC = 512 * 1024;
const ELF = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);

/** A Go module as the build info records it. */
export interface GoModule {
    readonly path: string;
    readonly version: string;
    readonly sum?: string;
    readonly replace?: GoModule;
}

/** What `go version -m` prints of a binary. */
export interface GoBuildInfo {
    readonly goVersion: string;
    readonly path?: string;
    readonly main?: GoModule;
    readonly deps: readonly GoModule[];
    readonly settings: Readonly<Record<string, string>>;
}

/**
 * Finds a Go binary's build info while the file streams by, keeping none of the binary: it looks
 * for the `.go.buildinfo` magic at 16-byte-aligned offsets of an ELF file and keeps what follows
 * it. Only the inline format of Go ≥ 1.18 is read (flags bit 2); older binaries store pointers
 * into the data segment, which a stream cannot follow.
 */
export class GoBuildInfoScanner implements StreamScanner<GoBuildInfo> {
    private offset = 0;
    private tail = Buffer.alloc(0);
    private found: Buffer[] | undefined;
    private foundSize = 0;
    private elf: boolean | undefined;

    push(chunk: Buffer): boolean {
        if (this.elf === undefined) {
            this.elf = chunk.length >= 4 && chunk.subarray(0, 4).equals(ELF);
            if (!this.elf) return false;
        }
        if (this.found) {
            this.found.push(Buffer.from(chunk.subarray(0, KEEP_AFTER_MAGIC - this.foundSize)));
            this.foundSize += Math.min(chunk.length, KEEP_AFTER_MAGIC - this.foundSize);
            return this.foundSize < KEEP_AFTER_MAGIC;
        }
        // Search the previous chunk's last bytes too, so a magic split across chunks is found.
        const window = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
        const windowStart = this.offset - this.tail.length;
        for (let at = window.indexOf(MAGIC); at >= 0; at = window.indexOf(MAGIC, at + 1)) {
            if ((windowStart + at) % 16 !== 0) continue;
            const rest = Buffer.from(window.subarray(at));
            this.found = [rest];
            this.foundSize = rest.length;
            this.offset += chunk.length;
            return this.foundSize < KEEP_AFTER_MAGIC;
        }
        this.offset += chunk.length;
        this.tail = Buffer.from(window.subarray(Math.max(0, window.length - (MAGIC.length - 1))));
        return true;
    }

    result(): GoBuildInfo | undefined {
        return this.found ? parseBuildInfoSection(Buffer.concat(this.found)) : undefined;
    }
}

function readVarint(buf: Buffer, at: number): [number, number] | undefined {
    let value = 0;
    let shift = 0;
    for (let i = at; i < buf.length && shift < 35; i++) {
        const b = buf[i]!;
        value += (b & 0x7f) * 2 ** shift;
        if ((b & 0x80) === 0) return [value, i + 1];
        shift += 7;
    }
    return undefined;
}

/** Parses the section from its magic: a 32-byte header, then (inline format) the Go version and the module info, each length-prefixed. */
export function parseBuildInfoSection(section: Buffer): GoBuildInfo | undefined {
    if (section.length < 32 || !section.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    const flags = section[15]!;
    if ((flags & 0x2) === 0) return undefined;
    const version = readVarint(section, 32);
    if (!version) return undefined;
    const goVersion = section.subarray(version[1], version[1] + version[0]).toString("utf8");
    const info = readVarint(section, version[1] + version[0]);
    if (!info) return undefined;
    let modinfo = section.subarray(info[1], info[1] + info[0]);
    // The module info is framed by 16-byte binary sentinels (as debug/buildinfo strips them).
    if (modinfo.length >= 33 && modinfo[modinfo.length - 17] === 0x0a) modinfo = modinfo.subarray(16, modinfo.length - 16);
    return { goVersion, ...parseModInfo(modinfo.toString("utf8")) };
}

/** Parses `runtime/debug.BuildInfo`'s text form (`path`, `mod`, `dep`, `=>`, `build` lines). */
export function parseModInfo(text: string): Omit<GoBuildInfo, "goVersion"> {
    let path: string | undefined;
    let main: GoModule | undefined;
    const deps: GoModule[] = [];
    const settings: Record<string, string> = {};
    const module = (fields: string[]): GoModule => ({
        path: fields[1] ?? "",
        version: fields[2] ?? "",
        ...(fields[3] ? { sum: fields[3] } : {}),
    });
    for (const line of text.split("\n")) {
        const fields = line.split("\t");
        switch (fields[0]) {
            case "path":
                path = fields[1];
                break;
            case "mod":
                main = module(fields);
                break;
            case "dep":
                deps.push(module(fields));
                break;
            case "=>": {
                const replaced = module(fields);
                if (deps.length > 0) deps[deps.length - 1] = { ...deps[deps.length - 1]!, replace: replaced };
                else if (main) main = { ...main, replace: replaced };
                break;
            }
            case "build": {
                const eq = fields[1]?.indexOf("=") ?? -1;
                if (eq > 0) settings[fields[1]!.slice(0, eq)] = fields[1]!.slice(eq + 1).replace(/^"(.*)"$/, "$1");
                break;
            }
        }
    }
    return { ...(path ? { path } : {}), ...(main ? { main } : {}), deps, settings };
}
